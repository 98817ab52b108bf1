/* hp-graduates-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graduates of the current campaign: personal data of young people, so
 * only what the hand-over needs is shown.
 */

#define G_LOG_DOMAIN "hp-graduates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-graduates-page.h"

struct _HpGraduatesPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpGraduatesPage, hp_graduates_page, HP_TYPE_TABLE_PAGE)

static const HpColumnSpec columns[] = {
  { N_("School"), "school-name", HP_CELL_TEXT, 24, TRUE },
  /* Translators: column title, a school class such as "Q2" or "13b" */
  { N_("Class"), "class-name", HP_CELL_TEXT, 5 },
  { N_("Last name"), "last-name", HP_CELL_TEXT, 14 },
  { N_("First name"), "first-name", HP_CELL_TEXT, 12 },
  { N_("Birth date"), "birth-date", HP_CELL_DATE, 10 },
  /* Translators: column title, the date of the consent to be contacted */
  { N_("Consent"), "consent-date", HP_CELL_DATE, 10 },
  { N_("Pack received"), "pack-received", HP_CELL_FLAG, 3, FALSE, "✓" },
};

static GListModel *
hp_graduates_page_list_items (HpStore  *store,
                              gint64    campaign_id,
                              GError  **error)
{
  /* graduates belong to a campaign: without one there are none */
  if (campaign_id == 0)
    return G_LIST_MODEL (g_list_store_new (HP_TYPE_GRADUATE));

  return hp_store_list_graduates (store, campaign_id, 0, error);
}

static char *
hp_graduates_page_format_count (guint n_items)
{
  return g_strdup_printf (ngettext ("%'u graduate", "%'u graduates", n_items), n_items);
}

static void
hp_graduates_page_class_init (HpGraduatesPageClass *klass)
{
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_GRADUATE;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->list_items = hp_graduates_page_list_items;
  page_class->format_count = hp_graduates_page_format_count;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/hp-graduates-page.ui");
}

static void
hp_graduates_page_init (HpGraduatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_graduates_page_new (HpStore    *store,
                       HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_GRADUATES_PAGE, "store", store, "campaign", campaign, NULL);
}
