/* hp-products-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The donated products, with pledges, receipts and the pack recipe of the
 * current campaign.
 */

#define G_LOG_DOMAIN "hp-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-products-page.h"

struct _HpProductsPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpProductsPage, hp_products_page, HP_TYPE_TABLE_PAGE)

static const HpColumnSpec columns[] = {
  { N_("Product"), "name", HP_CELL_TEXT, 24, TRUE },
  { N_("Sponsor"), "sponsor-name", HP_CELL_TEXT, 20 },
  { N_("Value per piece"), "value-cents", HP_CELL_MONEY, 9 },
  /* "18+" is the same in every language: only the column title is translated */
  /* Translators: column title, marks products for adults only (alcohol) */
  { N_("18+"), "adult-only", HP_CELL_FLAG, 3, FALSE, "18+" },
  { N_("Best before"), "best-before", HP_CELL_DATE, 10 },
  /* Translators: column title, pieces promised by the sponsor */
  { N_("Pledged"), "pledged", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces that arrived */
  { N_("Received"), "received", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces of this product in one standard pack */
  { N_("Per pack"), "per-standard", HP_CELL_NUMBER, 4 },
  /* Translators: column title, pieces of this product in one pack for a minor */
  { N_("Per under-18 pack"), "per-under18", HP_CELL_NUMBER, 4 },
};

static GListModel *
hp_products_page_list_items (HpStore  *store,
                             gint64    campaign_id,
                             GError  **error)
{
  return hp_store_list_products (store, campaign_id, 0, error);
}

static char *
hp_products_page_format_count (guint n_items)
{
  return g_strdup_printf (ngettext ("%'u product", "%'u products", n_items), n_items);
}

static void
hp_products_page_class_init (HpProductsPageClass *klass)
{
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_PRODUCT;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->list_items = hp_products_page_list_items;
  page_class->format_count = hp_products_page_format_count;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/hp-products-page.ui");
}

static void
hp_products_page_init (HpProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_products_page_new (HpStore    *store,
                      HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_PRODUCTS_PAGE, "store", store, "campaign", campaign, NULL);
}
