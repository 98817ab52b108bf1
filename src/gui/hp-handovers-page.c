/* hp-handovers-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hand-overs of the current campaign ("Übergaben"): every delivery of
 * packs to a school, when, how many standard and under-18 packs, who signed
 * for them at the school. A school may get several; what it was delivered
 * is their sum (the Planning page shows it beside planned and allocated).
 * Adding, correcting and removing with undo come from HpTablePage; a new
 * hand-over starts at the current time.
 */

#define G_LOG_DOMAIN "hp-handovers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-handovers-page.h"
#include "hp-table-page-private.h"

struct _HpHandoversPage
{
  HpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (HpHandoversPage, hp_handovers_page, HP_TYPE_TABLE_PAGE)

static const HpColumnSpec columns[] = {
  /* Translators: column title, when the packs were handed over */
  { N_("Handed over"), "date", HP_CELL_DATE, 19 },
  /* Translators: the official school number */
  { N_("No."), "school-number", HP_CELL_TEXT, 7, .search = TRUE },
  { N_("School"), "school-name", HP_CELL_TEXT, 26, TRUE, .search = TRUE },
  /* Translators: column titles: standard packs, under-18 packs, both */
  { N_("Standard"), "standard", HP_CELL_NUMBER, 7 },
  { N_("Under 18"), "under18", HP_CELL_NUMBER, 7 },
  { N_("Packs"), "total", HP_CELL_NUMBER, 6 },
  /* Translators: column title, who signed for the packs at the school */
  { N_("Received by"), "received-by", HP_CELL_TEXT, 14, .search = TRUE },
  { N_("Note"), "note", HP_CELL_TEXT, 26, .search = TRUE },
};

static const HpFieldSpec handover_fields[] = {
  { "school-id", N_("School"), HP_FIELD_CHOICE, HP_FIELD_REQUIRED, N_("Choose the school the packs went to") },
  { "date", N_("Handed over on"), HP_FIELD_DATETIME, HP_FIELD_REQUIRED },
  { "standard", N_("Standard packs"), HP_FIELD_COUNT, HP_FIELD_REQUIRED },
  { "under18", N_("Under-18 packs"), HP_FIELD_COUNT, HP_FIELD_REQUIRED },
};

static const HpFieldSpec signature_fields[] = {
  /* Translators: who signed for the packs at the school */
  { "received-by", N_("Received by"), HP_FIELD_TEXT, 0, N_("Who signed for the packs at the school") },
  { "note", N_("Note"), HP_FIELD_TEXT },
};

static const HpFieldGroup fields[] = {
  HP_FIELD_GROUP (NULL, handover_fields),
  HP_FIELD_GROUP (NULL, signature_fields),
};

/* ------------------------------------------------------------------------ */
/* The editor                                                                */

static void
hp_handovers_page_prepare_editor (HpTablePage    *page,
                                  HpRecordDialog *dialog,
                                  GObject        *item)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  /* a new hand-over happens now, with no packs typed yet */
  if (item == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M");

      hp_record_dialog_set_string (dialog, "date", iso);
      hp_record_dialog_set_int (dialog, "standard", 0);
      hp_record_dialog_set_int (dialog, "under18", 0);
    }

  schools = hp_store_list_schools (hp_table_page_get_store (page), 0, &error);
  if (schools == NULL)
    schools = G_LIST_MODEL (g_list_store_new (HP_TYPE_SCHOOL));
  hp_record_dialog_set_choices (dialog, "school-id", schools, "name");
}

static gboolean
hp_handovers_page_save_item (HpTablePage     *page,
                             HpRecordDialog  *dialog,
                             GObject         *record,
                             GError         **error)
{
  HpStore *store = hp_table_page_get_store (page);
  HpHandover *handover = HP_HANDOVER (record);

  if (hp_handover_get_id (handover) != 0)
    return hp_store_update_handover (store, handover, error);

  hp_handover_set_campaign_id (handover, hp_table_page_get_campaign_id (page));
  return hp_store_add_handover (store, handover, error);
}

static char *
hp_handovers_page_dup_item_title (HpTablePage *page,
                                  GObject     *item)
{
  HpHandover *handover = HP_HANDOVER (item);
  g_autofree char *date = hp_format_date (hp_handover_get_date (handover));
  gint64 total = hp_handover_get_total (handover);
  g_autofree char *packs = hp_format_count (total);

  /* Translators: a hand-over in messages: "27 packs to Gymnasium Nord on
   * 03.07.2027 12:00"; the first %s is the number of packs (1,027 in
   * English, 1.027 in German) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pack to %s on %s", "%s packs to %s on %s",
                                       (gulong) MIN (total, G_MAXLONG)),
                          packs, hp_handover_get_school_name (handover), date);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static gboolean
hp_handovers_page_load_items (HpStore           *store,
                              gint64             campaign_id,
                              HpStoreBatchFunc   func,
                              gpointer           func_data,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GListModel) items = NULL;

  /* hand-overs belong to a campaign: without one there are none */
  if (campaign_id == 0)
    return TRUE;

  items = hp_store_list_handovers (store, campaign_id, 0, error);
  return items != NULL && hp_list_load_emit_model (items, func, func_data);
}

static char *
hp_handovers_page_format_count (guint n_shown,
                                guint n_total)
{
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  if (n_shown == n_total)
    return hp_format_counted (ngettext ("%s hand-over", "%s hand-overs", n_total), n_total);

  shown = hp_format_count (n_shown);
  total = hp_format_count (n_total);
  return g_strdup_printf (ngettext ("%s of %s hand-over", "%s of %s hand-overs", n_total), shown, total);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_handovers_page_class_init (HpHandoversPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_HANDOVER;
  page_class->kind = HP_RECORD_HANDOVER;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->fields = fields;
  page_class->n_field_groups = G_N_ELEMENTS (fields);
  page_class->reload_on = HP_STORE_CHANGED (HP_RECORD_HANDOVER) | HP_STORE_CHANGED (HP_RECORD_SCHOOL) |
                          HP_STORE_CHANGED (HP_RECORD_CAMPAIGN);
  page_class->needs_campaign = TRUE;
  page_class->no_campaign_text = N_("Hand-overs belong to a campaign, such as “Heimvorteil2GO 2027”. "
                                    "Create the campaign, then record its hand-overs here.");
  page_class->new_title = N_("New Hand-over");
  page_class->edit_title = N_("Edit Hand-over");
  page_class->load_items = hp_handovers_page_load_items;
  page_class->format_count = hp_handovers_page_format_count;
  page_class->dup_item_title = hp_handovers_page_dup_item_title;
  page_class->prepare_editor = hp_handovers_page_prepare_editor;
  page_class->save_item = hp_handovers_page_save_item;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-handovers-page.ui");
}

static void
hp_handovers_page_init (HpHandoversPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_handovers_page_new (HpStore    *store,
                       HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_HANDOVERS_PAGE, "store", store, "campaign", campaign, NULL);
}
