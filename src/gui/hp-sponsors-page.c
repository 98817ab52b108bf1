/* hp-sponsors-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sponsors of the store, with what each pledged and delivered in the
 * current campaign and what is still outstanding.
 */

#define G_LOG_DOMAIN "hp-sponsors-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-sponsors-page.h"
#include "hp-table-page-private.h"

struct _HpSponsorsPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpSponsorsPage, hp_sponsors_page, HP_TYPE_TABLE_PAGE)

static gint64
get_outstanding (gpointer item,
                 gpointer unused)
{
  return MAX (0, hp_sponsor_get_pledged (item) - hp_sponsor_get_received (item));
}

/* At 1100 px the numbers take 340, the phone 112; the contact (a name,
 * "Emilia Hüttemann" 118 px) and the e-mail ("info@huettemann-59555.de"
 * 182 px) get what they show, with 16 px of padding, 8 px a character:
 * 15 and 23 characters. The company takes the rest, 310 px, enough for
 * "Fahrradmanufaktur Becker GmbH & Co. KG" (280). */
static const HpColumnSpec columns[] = {
  { N_("Company"), "name", HP_CELL_TEXT, 24, TRUE, .search = TRUE },
  { N_("Contact"), "contact", HP_CELL_TEXT, 15, .search = TRUE },
  { N_("Phone"), "phone", HP_CELL_TEXT, 12, .search = TRUE },
  { N_("E-mail"), "email", HP_CELL_TEXT, 23, .search = TRUE },
  /* Translators: column title, pieces promised by the sponsor */
  { N_("Pledged"), "pledged", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces that arrived */
  { N_("Received"), "received", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces pledged but not yet received */
  { N_("Outstanding"), NULL, HP_CELL_NUMBER, 6, .get = get_outstanding },
  { N_("In-kind value"), "value-cents", HP_CELL_MONEY, 10 },
};

static const HpFieldSpec company_fields[] = {
  { "name", N_("Company"), HP_FIELD_TEXT, HP_FIELD_REQUIRED, N_("Enter the company’s name") },
  { "contact", N_("Contact person"), HP_FIELD_TEXT },
  { "phone", N_("Phone"), HP_FIELD_TEXT },
  { "email", N_("E-mail"), HP_FIELD_EMAIL },
  { "address", N_("Address"), HP_FIELD_TEXT },
};

static const HpFieldSpec note_fields[] = {
  { "notes", N_("Notes"), HP_FIELD_TEXT },
};

static const HpFieldGroup fields[] = {
  HP_FIELD_GROUP (NULL, company_fields),
  HP_FIELD_GROUP (NULL, note_fields),
};

static gboolean
hp_sponsors_page_load_items (HpStore           *store,
                             gint64             campaign_id,
                             HpStoreBatchFunc   func,
                             gpointer           func_data,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(GListModel) items = hp_store_list_sponsors (store, campaign_id, error);

  return items != NULL && hp_list_load_emit_model (items, func, func_data);
}

static char *
hp_sponsors_page_format_count (guint n_shown,
                               guint n_total)
{
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  if (n_shown == n_total)
    return hp_format_counted (ngettext ("%s sponsor", "%s sponsors", n_total), n_total);

  shown = hp_format_count (n_shown);
  total = hp_format_count (n_total);
  return g_strdup_printf (ngettext ("%s of %s sponsor", "%s of %s sponsors", n_total), shown, total);
}

static gboolean
hp_sponsors_page_save_item (HpTablePage     *page,
                            HpRecordDialog  *dialog,
                            GObject         *record,
                            GError         **error)
{
  HpStore *store = hp_table_page_get_store (page);
  HpSponsor *sponsor = HP_SPONSOR (record);

  if (hp_sponsor_get_id (sponsor) == 0)
    return hp_store_add_sponsor (store, sponsor, error);

  return hp_store_update_sponsor (store, sponsor, error);
}

static void
hp_sponsors_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (hp_sponsors_page_parent_class)->constructed (object);

  _hp_table_page_add_empty_action (HP_TABLE_PAGE (object), _("_Import Last Year’s List…"), "win.import-sponsors");
}

static void
hp_sponsors_page_class_init (HpSponsorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  object_class->constructed = hp_sponsors_page_constructed;

  page_class->item_type = HP_TYPE_SPONSOR;
  page_class->kind = HP_RECORD_SPONSOR;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->fields = fields;
  page_class->n_field_groups = G_N_ELEMENTS (fields);
  page_class->reload_on = HP_STORE_CHANGED (HP_RECORD_SPONSOR) | HP_STORE_CHANGED (HP_RECORD_PRODUCT) |
                          HP_STORE_CHANGED (HP_RECORD_PLEDGE) | HP_STORE_CHANGED (HP_RECORD_RECEIPT) |
                          HP_STORE_CHANGED (HP_RECORD_CAMPAIGN);
  page_class->new_title = N_("New Sponsor");
  page_class->edit_title = N_("Edit Sponsor");
  page_class->load_items = hp_sponsors_page_load_items;
  page_class->format_count = hp_sponsors_page_format_count;
  page_class->save_item = hp_sponsors_page_save_item;

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
