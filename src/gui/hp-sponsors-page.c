/* hp-sponsors-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sponsors of the store, with what each pledged and delivered in the
 * current campaign.
 */

#define G_LOG_DOMAIN "hp-sponsors-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-sponsors-page.h"

struct _HpSponsorsPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpSponsorsPage, hp_sponsors_page, HP_TYPE_TABLE_PAGE)

static const HpColumnSpec columns[] = {
  { N_("Company"), "name", HP_CELL_TEXT, 24, TRUE },
  { N_("Contact"), "contact", HP_CELL_TEXT, 14 },
  { N_("Phone"), "phone", HP_CELL_TEXT, 12 },
  { N_("E-mail"), "email", HP_CELL_TEXT, 20 },
  /* Translators: column title, the number of products of a sponsor */
  { N_("Products"), "product-count", HP_CELL_NUMBER, 4 },
  /* Translators: column title, pieces promised by the sponsor */
  { N_("Pledged"), "pledged", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces that arrived */
  { N_("Received"), "received", HP_CELL_NUMBER, 6 },
  { N_("In-kind value"), "value-cents", HP_CELL_MONEY, 10 },
};

static GListModel *
hp_sponsors_page_list_items (HpStore  *store,
                             gint64    campaign_id,
                             GError  **error)
{
  return hp_store_list_sponsors (store, campaign_id, error);
}

static char *
hp_sponsors_page_format_count (guint n_items)
{
  return g_strdup_printf (ngettext ("%'u sponsor", "%'u sponsors", n_items), n_items);
}

static void
hp_sponsors_page_class_init (HpSponsorsPageClass *klass)
{
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_SPONSOR;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->list_items = hp_sponsors_page_list_items;
  page_class->format_count = hp_sponsors_page_format_count;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/hp-sponsors-page.ui");
}

static void
hp_sponsors_page_init (HpSponsorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_sponsors_page_new (HpStore    *store,
                      HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_SPONSORS_PAGE, "store", store, "campaign", campaign, NULL);
}
