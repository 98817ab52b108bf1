/* hp-schools-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schools, with the expected and stored graduates and the hand-over of
 * the current campaign.
 */

#define G_LOG_DOMAIN "hp-schools-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-schools-page.h"

struct _HpSchoolsPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpSchoolsPage, hp_schools_page, HP_TYPE_TABLE_PAGE)

static const HpColumnSpec columns[] = {
  /* Translators: column title, the official school number */
  { N_("No."), "number", HP_CELL_TEXT, 6 },
  { N_("School"), "name", HP_CELL_TEXT, 28, TRUE },
  { N_("Town"), "town", HP_CELL_TEXT, 14 },
  { N_("Contact teacher"), "contact-teacher", HP_CELL_TEXT, 18 },
  /* Translators: column title, graduates the school expects */
  { N_("Expected"), "expected-graduates", HP_CELL_NUMBER, 5 },
  /* Translators: column title, date and time the packs are handed over */
  { N_("Hand-over"), "handover", HP_CELL_DATE, 15 },
  /* Translators: column title, graduates stored for the school */
  { N_("Graduates"), "graduate-count", HP_CELL_NUMBER, 5 },
};

static GListModel *
hp_schools_page_list_items (HpStore  *store,
                            gint64    campaign_id,
                            GError  **error)
{
  return hp_store_list_schools (store, campaign_id, error);
}

static char *
hp_schools_page_format_count (guint n_items)
{
  return g_strdup_printf (ngettext ("%'u school", "%'u schools", n_items), n_items);
}

static void
hp_schools_page_class_init (HpSchoolsPageClass *klass)
{
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_SCHOOL;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->list_items = hp_schools_page_list_items;
  page_class->format_count = hp_schools_page_format_count;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/hp-schools-page.ui");
}

static void
hp_schools_page_init (HpSchoolsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_schools_page_new (HpStore    *store,
                     HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_SCHOOLS_PAGE, "store", store, "campaign", campaign, NULL);
}
