/* hp-import-assistant-run.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's summary step: a dry run, then the real import, each
 * in a GTask's worker thread on its own HpImport built from the mapping and
 * filters, with a progress bar fed from an atomic counter, "Stop" through a
 * GCancellable, and a summary of the dry run's counts. The worker touches only
 * the task data (RunData), never the assistant.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-assistant-internal.h"

#define PROGRESS_INTERVAL_MS 100

struct _RunData
{
  HpImport       *import;
  gboolean        dry_run;
  HpImportResult  result;
  int             permille;   /* atomic: progress, 0 … 1000 */
};

/* ------------------------------------------------------------------------ */
/* 5. Summary and import                                                     */

/* The list-complete check applies: graduates of one chosen school. */
static gboolean
offers_list_complete (HpImportAssistant *self)
{
  return self->kind == HP_IMPORT_GRADUATES && _hp_import_assistant_get_chosen_school (self) != NULL;
}

static HpImport *
create_import (HpImportAssistant  *self,
               gboolean            dry_run,
               GError            **error)
{
  g_autoptr(HpImport) import = NULL;
  HpTableOptions options;

  _hp_import_assistant_get_options (self, &options);
  import = hp_import_new (self->store, self->kind, self->path, &options, error);
  if (import == NULL)
    return NULL;

  for (guint i = 0; i < self->n_fields; i++)
    if (!hp_import_set_mapping (import, _hp_import_assistant_get_field (self, i)->name, self->mapping[i], error))
      return NULL;

  if (self->kind == HP_IMPORT_SCHOOLS)
    {
      g_autofree char *prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->district_row))));

      hp_import_set_district_prefix (import, prefix[0] != '\0' ? prefix : NULL);
      hp_import_set_abitur_only (import, gtk_switch_get_active (self->abitur_switch));
      hp_import_set_include_closed (import, gtk_switch_get_active (self->closed_switch));
    }
  else if (self->kind == HP_IMPORT_SPONSORS)
    {
      if (self->campaign != NULL)
        hp_import_set_campaign (import, hp_campaign_get_id (self->campaign));
    }
  else
    {
      const char *school = _hp_import_assistant_get_chosen_school (self);

      g_assert (self->campaign != NULL);
      hp_import_set_campaign (import, hp_campaign_get_id (self->campaign));
      if (school != NULL)
        hp_import_set_school (import, school);
      /* in the import's transaction, and only when it imports something */
      if (!dry_run && offers_list_complete (self))
        hp_import_set_list_complete (import, gtk_check_button_get_active (self->list_complete_check));

      switch (adw_combo_row_get_selected (self->year_row))
        {
        case YEAR_ALL:
          hp_import_set_leaving_year (import, "");
          break;
        case YEAR_OTHER:
          {
            g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_value_row))));

            hp_import_set_leaving_year (import, value);
          }
          break;
        case YEAR_LAST:
        default:
          hp_import_set_leaving_year (import, NULL);
          break;
        }
    }

  return g_steal_pointer (&import);
}

static void
run_data_free (RunData *data)
{
  g_clear_pointer (&data->import, hp_import_free);
  g_free (data);
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  RunData *data = user_data;

  /* in the import's thread */
  g_atomic_int_set (&data->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
run_import_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* only the task data here, never the assistant */
  if (hp_import_run (data->import, data->dry_run, &data->result, report_progress, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  HpImportAssistant *self = user_data;

  if (self->run != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->run->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* (transfer full) @text and @subtitle; nothing for a count of 0 */
static void
add_summary_row_full (HpImportAssistant *self,
                      guint              count,
                      const char        *icon_name,
                      char              *text,
                      char              *subtitle)
{
  g_autofree char *owned = text;
  g_autofree char *owned_subtitle = subtitle;
  GtkWidget *row;
  GtkWidget *icon;

  if (count == 0)
    return;

  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), owned);
  if (owned_subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), owned_subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->summary_list, row);
}

static void
add_summary_row (HpImportAssistant *self,
                 guint              count,
                 const char        *icon_name,
                 char              *text)
{
  add_summary_row_full (self, count, icon_name, text, NULL);
}

/* Appends @text to @parts if @count > 0 (transfer full), else frees it. */
static void
add_part (GPtrArray *parts,
          guint      count,
          char      *text)
{
  if (count > 0)
    g_ptr_array_add (parts, text);
  else
    g_free (text);
}

/* (transfer full) (nullable): @parts joined, e.g. "2 postcodes, 1 area code" */
static char *
join_parts (GPtrArray *parts)
{
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* Which filter left the schools out, e.g. "3 outside the district, 1 closed" */
static char *
dup_schools_skipped (const HpImportResult *r)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  add_part (parts, r->skipped_district,
            g_strdup_printf (ngettext ("%u outside the district", "%u outside the district", r->skipped_district),
                             r->skipped_district));
  add_part (parts, r->skipped_school_form,
            g_strdup_printf (ngettext ("%u whose school form does not lead to the Abitur",
                                       "%u whose school form does not lead to the Abitur",
                                       r->skipped_school_form), r->skipped_school_form));
  add_part (parts, r->skipped_closed,
            g_strdup_printf (ngettext ("%u closed", "%u closed", r->skipped_closed), r->skipped_closed));
  return join_parts (parts);
}

/* The repaired codes per column, as the CLI says them */
static char *
dup_repaired (const HpImportResult *r)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  add_part (parts, r->repaired_district_key,
            g_strdup_printf (ngettext ("%u municipality key", "%u municipality keys", r->repaired_district_key),
                             r->repaired_district_key));
  add_part (parts, r->repaired_postcode,
            g_strdup_printf (ngettext ("%u postcode", "%u postcodes", r->repaired_postcode), r->repaired_postcode));
  add_part (parts, r->repaired_school_form,
            g_strdup_printf (ngettext ("%u school form", "%u school forms", r->repaired_school_form),
                             r->repaired_school_form));
  add_part (parts, r->repaired_phone_prefix,
            g_strdup_printf (ngettext ("%u area code", "%u area codes", r->repaired_phone_prefix),
                             r->repaired_phone_prefix));
  return join_parts (parts);
}

static void
show_ready (HpImportAssistant *self,
            gboolean           cancelled)
{
  const HpImportResult *r = &self->dry_result;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  if (self->kind == HP_IMPORT_SCHOOLS)
    {
      add_summary_row (self, r->added, "list-add-symbolic",
                       g_strdup_printf (ngettext ("%u school will be added",
                                                  "%u schools will be added", r->added), r->added));
      add_summary_row (self, r->updated, "view-refresh-symbolic",
                       g_strdup_printf (ngettext ("%u school will be updated",
                                                  "%u schools will be updated", r->updated), r->updated));
      add_summary_row (self, r->unchanged, "emblem-ok-symbolic",
                       g_strdup_printf (ngettext ("%u school is already up to date",
                                                  "%u schools are already up to date", r->unchanged),
                                        r->unchanged));
      add_summary_row_full (self, r->skipped, "edit-clear-symbolic",
                            g_strdup_printf (ngettext ("%u row is left out by the filters",
                                                       "%u rows are left out by the filters", r->skipped),
                                             r->skipped),
                            dup_schools_skipped (r));
      add_summary_row (self, r->completed_district_key, "emblem-system-symbolic",
                       g_strdup_printf (ngettext ("%u SVWS municipality key (RegSchl) is completed with NRW’s 05",
                                                  "%u SVWS municipality keys (RegSchl) are completed with NRW’s 05",
                                                  r->completed_district_key), r->completed_district_key));
    }
  else if (self->kind == HP_IMPORT_SPONSORS)
    {
      add_summary_row (self, r->sponsors_added, "list-add-symbolic",
                       g_strdup_printf (ngettext ("%u sponsor will be added",
                                                  "%u sponsors will be added", r->sponsors_added),
                                        r->sponsors_added));
      add_summary_row (self, r->sponsors_updated, "view-refresh-symbolic",
                       g_strdup_printf (ngettext ("%u sponsor gets missing details from the file",
                                                  "%u sponsors get missing details from the file",
                                                  r->sponsors_updated), r->sponsors_updated));
      add_summary_row (self, r->sponsors_unchanged, "emblem-ok-symbolic",
                       g_strdup_printf (ngettext ("%u sponsor is already up to date",
                                                  "%u sponsors are already up to date", r->sponsors_unchanged),
                                        r->sponsors_unchanged));
      add_summary_row (self, r->gifts_added, "list-add-symbolic",
                       g_strdup_printf (ngettext ("%u gift will be added",
                                                  "%u gifts will be added", r->gifts_added), r->gifts_added));
      add_summary_row (self, r->gifts_updated, "view-refresh-symbolic",
                       g_strdup_printf (ngettext ("%u gift gets its value per piece from the file",
                                                  "%u gifts get their value per piece from the file",
                                                  r->gifts_updated), r->gifts_updated));
      add_summary_row (self, r->pledges_set, "document-edit-symbolic",
                       g_strdup_printf (ngettext ("%u pledge will be set", "%u pledges will be set",
                                                  r->pledges_set), r->pledges_set));
      add_summary_row_full (self, r->conflicts, "dialog-warning-symbolic",
                            g_strdup_printf (ngettext ("%u value differs from the stored one",
                                                       "%u values differ from the stored ones", r->conflicts),
                                             r->conflicts),
                            g_strdup (_("The stored values are kept. Change them in the sponsor’s details.")));
      add_summary_row (self, r->no_name, "edit-clear-symbolic",
                       g_strdup_printf (ngettext ("%u empty row is left out", "%u empty rows are left out",
                                                  r->no_name), r->no_name));
    }
  else
    {
      add_summary_row (self, r->added, "list-add-symbolic",
                       g_strdup_printf (ngettext ("%u graduate will be added",
                                                  "%u graduates will be added", r->added), r->added));
      add_summary_row (self, r->updated, "view-refresh-symbolic",
                       g_strdup_printf (ngettext ("%u graduate will be updated",
                                                  "%u graduates will be updated", r->updated), r->updated));
      add_summary_row (self, r->duplicates, "edit-copy-symbolic",
                       g_strdup_printf (ngettext ("%u graduate is already listed and is not added again",
                                                  "%u graduates are already listed and are not added again",
                                                  r->duplicates), r->duplicates));
      add_summary_row (self, r->skipped_year, "edit-clear-symbolic",
                       g_strdup_printf (ngettext ("%u row is left out by the leaving year",
                                                  "%u rows are left out by the leaving year", r->skipped_year),
                                        r->skipped_year));
      add_summary_row_full (self, r->skipped_no_year, "edit-clear-symbolic",
                            g_strdup_printf (ngettext ("%u row states no year and is left out",
                                                       "%u rows state no year and are left out",
                                                       r->skipped_no_year), r->skipped_no_year),
                            g_strdup (_("Other rows of the file state their year. Choose “All Years” to keep "
                                        "these rows too.")));
      add_summary_row (self, r->no_name, "edit-clear-symbolic",
                       g_strdup_printf (ngettext ("%u row without a name is left out",
                                                  "%u rows without a name are left out", r->no_name),
                                        r->no_name));
      /* the year filter did not apply: say so, else the user wonders */
      add_summary_row (self, r->no_year_in_file ? 1 : 0, "dialog-information-symbolic",
                       g_strdup_printf (ngettext ("No year in the file: the %u row is kept",
                                                  "No year in the file: all %u rows are kept", r->rows),
                                        r->rows));
    }
  add_summary_row_full (self, r->repaired, "emblem-system-symbolic",
                        g_strdup_printf (ngettext ("%u code that had lost its leading zeros is repaired",
                                                   "%u codes that had lost their leading zeros are repaired",
                                                   r->repaired), r->repaired),
                        dup_repaired (r));

  gtk_widget_set_visible (GTK_WIDGET (self->list_complete_check),
                          offers_list_complete (self) && self->nothing_message == NULL &&
                          _hp_import_assistant_result_imports (self, r));

  if (self->nothing_message != NULL)
    {
      adw_status_page_set_icon_name (self->ready_page, "dialog-information-symbolic");
      adw_status_page_set_title (self->ready_page, _("Nothing to Import"));
      description = g_markup_escape_text (self->nothing_message, -1);
    }
  else if (_hp_import_assistant_result_imports (self, r))
    {
      adw_status_page_set_icon_name (self->ready_page, "document-save-symbolic");
      adw_status_page_set_title (self->ready_page, _("Ready to Import"));
      description = g_markup_printf_escaped (ngettext ("%u row read from “%s”. Nothing has been stored yet: "
                                                       "“Import” stores it.",
                                                       "%u rows read from “%s”. Nothing has been stored yet: "
                                                       "“Import” stores them.", r->rows),
                                             r->rows, basename);
    }
  else
    {
      adw_status_page_set_icon_name (self->ready_page, "dialog-information-symbolic");
      adw_status_page_set_title (self->ready_page, _("Nothing to Import"));
      description = g_markup_printf_escaped (ngettext ("%u row read from “%s”: nothing in it is new. "
                                                       "Go back to change the columns or filters.",
                                                       "%u rows read from “%s”: nothing in them is new. "
                                                       "Go back to change the columns or filters.", r->rows),
                                             r->rows, basename);
    }
  adw_status_page_set_description (self->ready_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_label), cancelled);
  gtk_stack_set_visible_child_name (self->summary_stack, "ready");
}

static void
show_run_error (HpImportAssistant *self,
                const GError      *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->summary_stack, "error");
  /* not the selectable message, which would show all of it selected */
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
  gtk_label_select_region (self->error_label, 0, 0);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (source);
  GTask *task = G_TASK (result);
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (g_task_get_source_tag (task) == run_done_cb);
  g_assert (self->run == data);

  ok = g_task_propagate_boolean (task, &error);
  self->run = NULL;
  g_clear_pointer (&self->nothing_message, g_free);
  if (ok && data->dry_run)
    self->nothing_message = hp_import_describe_nothing_imported (data->import, &data->result, HP_IMPORT_ADVICE_WINDOW);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  _hp_import_assistant_update_buttons (self);

  if (ok && !data->dry_run)
    {
      self->result = data->result;
      self->have_result = TRUE;
      _hp_import_assistant_emit_imported (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (ok)
    {
      self->dry_result = data->result;
      self->have_dry_result = TRUE;
      show_ready (self, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (data->dry_run)
        {
          _hp_import_assistant_go_to_step (self, STEP_FILTERS);
          return;
        }
      show_ready (self, TRUE);
    }
  else
    {
      show_run_error (self, error);
    }

  _hp_import_assistant_update_buttons (self);
}

void
_hp_import_assistant_start_run (HpImportAssistant *self,
                                gboolean           dry_run)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  HpImport *import;
  RunData *data;

  g_assert (self->run == NULL);

  if (dry_run)
    self->have_dry_result = FALSE;

  import = create_import (self, dry_run, &error);
  if (import == NULL)
    {
      show_run_error (self, error);
      _hp_import_assistant_update_buttons (self);
      return;
    }

  data = g_new0 (RunData, 1);
  data->import = import;
  data->dry_run = dry_run;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->run = data;

  adw_status_page_set_title (self->running_page, dry_run ? _("Checking the File…") : _("Importing…"));
  adw_status_page_set_description (self->running_page,
                                   dry_run ? _("Nothing is stored yet.")
                                           : _("If you stop now, nothing is stored."));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->summary_stack, "running");
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress_cb, self);

  /* the task holds a reference on the assistant until run_done_cb() */
  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, run_done_cb);
  /* an import that committed has happened, even if "Stop" came too late */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_import_thread);

  _hp_import_assistant_update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->stop_button));
}

static void
stop_clicked_cb (HpImportAssistant *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_import_assistant_run_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}
