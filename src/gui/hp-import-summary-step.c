/* hp-import-summary-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's summary: on entering, a dry run; then the real
 * import (hp_import_summary_step_import()). Each runs in a GTask's worker
 * thread on its own HpImport made from the setup, with a progress bar fed
 * from an atomic counter and "Stop" through a GCancellable. The dry run's
 * counts are shown in all (what is added, updated, left out and why,
 * repaired) and per school (hp_import_get_schools()), before anything is
 * stored. The worker touches only the task data (RunData), never the step.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-choice-row.h"
#include "hp-import-summary-step.h"

#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  HpImport       *import;
  gboolean        dry_run;
  HpImportResult  result;
  int             permille;   /* atomic: progress, 0 … 1000 */
} RunData;

struct _HpImportSummaryStep
{
  HpImportStep    parent_instance;

  /* Template widgets */
  GtkStack       *summary_stack;
  AdwStatusPage  *running_page;
  GtkProgressBar *progress_bar;
  GtkButton      *stop_button;
  AdwStatusPage  *ready_page;
  GtkListBox     *summary_list;
  GtkBox         *schools_box;
  GtkListView    *schools_list;
  GtkCheckButton *list_complete_check;
  GtkLabel       *cancelled_label;
  GtkLabel       *error_label;

  /* Borrowed */
  RunData        *run;              /* the task's data while it runs */

  /* Owned */
  GCancellable   *cancellable;
  HpImport       *dry_import;       /* the dry run's, for its per-school counts */
  GListStore     *schools;          /* HpChoice: per school what the import does */
  char           *nothing_message;  /* the dry run's: why nothing would be imported */
  HpImportResult  dry_result;
  HpImportResult  result;

  guint           progress_source;
  guint           have_dry_result : 1;
  guint           have_result : 1;
  guint           disposed : 1;       /* a run may end after the window */
};

G_DEFINE_FINAL_TYPE (HpImportSummaryStep, hp_import_summary_step, HP_TYPE_IMPORT_STEP)

enum {
  IMPORTED,
  STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* only the task data here, never the step */
  if (hp_import_run (data->import, data->dry_run, &data->result, report_progress, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  HpImportSummaryStep *self = user_data;

  if (self->run != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->run->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* (transfer full) @text and @subtitle; nothing for a count of 0 */
static void
add_summary_row_full (HpImportSummaryStep *self,
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
add_summary_row (HpImportSummaryStep *self,
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
            hp_format_counted (ngettext ("%s outside the district", "%s outside the district", r->skipped_district),
                               r->skipped_district));
  add_part (parts, r->skipped_school_form,
            hp_format_counted (ngettext ("%s whose school form does not lead to the Abitur",
                                         "%s whose school form does not lead to the Abitur",
                                         r->skipped_school_form), r->skipped_school_form));
  add_part (parts, r->skipped_closed,
            hp_format_counted (ngettext ("%s closed", "%s closed", r->skipped_closed), r->skipped_closed));
  return join_parts (parts);
}

/* The repaired codes per column, as the CLI says them */
static char *
dup_repaired (const HpImportResult *r)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  add_part (parts, r->repaired_district_key,
            hp_format_counted (ngettext ("%s municipality key", "%s municipality keys", r->repaired_district_key),
                               r->repaired_district_key));
  add_part (parts, r->repaired_postcode,
            hp_format_counted (ngettext ("%s postcode", "%s postcodes", r->repaired_postcode), r->repaired_postcode));
  add_part (parts, r->repaired_school_form,
            hp_format_counted (ngettext ("%s school form", "%s school forms", r->repaired_school_form),
                               r->repaired_school_form));
  add_part (parts, r->repaired_phone_prefix,
            hp_format_counted (ngettext ("%s area code", "%s area codes", r->repaired_phone_prefix),
                               r->repaired_phone_prefix));
  return join_parts (parts);
}

/* "170001 · Arnsberg: 45 will be added, 2 already listed, 3 of another year;
 * 60 listed before" */
static char *
dup_school_details (const HpImportSchoolSummary *school)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  g_autofree char *before = NULL;

  if (school->town != NULL && school->town[0] != '\0')
    /* Translators: a school's number and town, e.g. “170001 · Arnsberg” */
    where = g_strdup_printf (_("%s · %s"), school->number, school->town);
  else
    where = g_strdup (school->number);

  switch (school->change)
    {
    case HP_IMPORT_SCHOOL_ADDED:
      /* Translators: what a schools import does with one school */
      g_ptr_array_add (parts, g_strdup (_("new")));
      break;
    case HP_IMPORT_SCHOOL_UPDATED:
      g_ptr_array_add (parts, g_strdup (_("will be updated")));
      break;
    case HP_IMPORT_SCHOOL_UNCHANGED:
      g_ptr_array_add (parts, g_strdup (_("already up to date")));
      break;
    case HP_IMPORT_SCHOOL_GRADUATES:
    default:
      /* Translators: the parts of what a graduates import does at one school,
       * e.g. “45 will be added, 2 already listed, 3 of another year” */
      g_ptr_array_add (parts, hp_format_counted (ngettext ("%s will be added", "%s will be added", school->added),
                                                 school->added));
      add_part (parts, school->duplicates,
                hp_format_counted (ngettext ("%s already listed", "%s already listed", school->duplicates),
                                   school->duplicates));
      add_part (parts, school->skipped,
                hp_format_counted (ngettext ("%s left out by the year", "%s left out by the year", school->skipped),
                                   school->skipped));
      add_part (parts, school->no_name,
                hp_format_counted (ngettext ("%s without a name", "%s without a name", school->no_name),
                                   school->no_name));
      break;
    }
  what = join_parts (parts);

  if (school->change != HP_IMPORT_SCHOOL_GRADUATES)
    return g_strdup_printf ("%s: %s", where, what);

  if (school->listed_before == 0)
    return g_strdup_printf (school->list_complete
                            /* Translators: %s: number and town, %s: what the import does */
                            ? _("%s: %s; the list is marked complete")
                            : "%s: %s",
                            where, what);

  before = hp_format_count (school->listed_before);
  if (school->list_complete)
    /* Translators: %s: number and town, %s: what the import does, %s: the
     * graduates the school had before */
    return g_strdup_printf (ngettext ("%s: %s; %s listed before, the list is marked complete",
                                      "%s: %s; %s listed before, the list is marked complete",
                                      school->listed_before),
                            where, what, before);

  /* Translators: %s: number and town, %s: what the import does, %s: the
   * graduates the school had before */
  return g_strdup_printf (ngettext ("%s: %s; %s listed before", "%s: %s; %s listed before", school->listed_before),
                          where, what, before);
}

/* The dry run's counts per school: the schools the import touches. */
static void
show_schools (HpImportSummaryStep *self)
{
  GPtrArray *schools = self->dry_import != NULL ? hp_import_get_schools (self->dry_import) : NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; schools != NULL && i < schools->len; i++)
    {
      const HpImportSchoolSummary *school = g_ptr_array_index (schools, i);
      g_autofree char *details = dup_school_details (school);

      g_ptr_array_add (choices, hp_choice_new (school->number, school->name, details));
    }
  /* One splice: appending one by one to a shown list costs a relayout per
   * school (60,000 schools took 90 s). */
  g_list_store_splice (self->schools, 0, g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       choices->pdata, choices->len);

  gtk_widget_set_visible (GTK_WIDGET (self->schools_box), g_list_model_get_n_items (G_LIST_MODEL (self->schools)) > 0);
}

static void
show_ready (HpImportSummaryStep *self,
            gboolean             cancelled)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  const HpImportResult *r = &self->dry_result;
  g_autofree char *basename = g_file_get_basename (setup->file);
  g_autofree char *rows = hp_format_count (r->rows);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  if (setup->kind == HP_IMPORT_SCHOOLS)
    {
      add_summary_row (self, r->added, "list-add-symbolic",
                       hp_format_counted (ngettext ("%s school will be added",
                                                    "%s schools will be added", r->added), r->added));
      add_summary_row (self, r->updated, "view-refresh-symbolic",
                       hp_format_counted (ngettext ("%s school will be updated",
                                                    "%s schools will be updated", r->updated), r->updated));
      add_summary_row (self, r->unchanged, "emblem-ok-symbolic",
                       hp_format_counted (ngettext ("%s school is already up to date",
                                                    "%s schools are already up to date", r->unchanged),
                                          r->unchanged));
      add_summary_row_full (self, r->skipped, "edit-clear-symbolic",
                            hp_format_counted (ngettext ("%s row is left out by the filters",
                                                         "%s rows are left out by the filters", r->skipped),
                                               r->skipped),
                            dup_schools_skipped (r));
      add_summary_row (self, r->completed_district_key, "emblem-system-symbolic",
                       hp_format_counted (ngettext ("%s SVWS municipality key (RegSchl) is completed with NRW’s 05",
                                                    "%s SVWS municipality keys (RegSchl) are completed with NRW’s 05",
                                                    r->completed_district_key), r->completed_district_key));
    }
  else if (setup->kind == HP_IMPORT_SPONSORS)
    {
      add_summary_row (self, r->sponsors_added, "list-add-symbolic",
                       hp_format_counted (ngettext ("%s sponsor will be added",
                                                    "%s sponsors will be added", r->sponsors_added),
                                          r->sponsors_added));
      add_summary_row (self, r->sponsors_updated, "view-refresh-symbolic",
                       hp_format_counted (ngettext ("%s sponsor gets missing details from the file",
                                                    "%s sponsors get missing details from the file",
                                                    r->sponsors_updated), r->sponsors_updated));
      add_summary_row (self, r->sponsors_unchanged, "emblem-ok-symbolic",
                       hp_format_counted (ngettext ("%s sponsor is already up to date",
                                                    "%s sponsors are already up to date", r->sponsors_unchanged),
                                          r->sponsors_unchanged));
      add_summary_row (self, r->gifts_added, "list-add-symbolic",
                       hp_format_counted (ngettext ("%s gift will be added",
                                                    "%s gifts will be added", r->gifts_added), r->gifts_added));
      add_summary_row (self, r->gifts_updated, "view-refresh-symbolic",
                       hp_format_counted (ngettext ("%s gift gets its value per piece from the file",
                                                    "%s gifts get their value per piece from the file",
                                                    r->gifts_updated), r->gifts_updated));
      add_summary_row (self, r->pledges_set, "document-edit-symbolic",
                       hp_format_counted (ngettext ("%s pledge will be set", "%s pledges will be set",
                                                    r->pledges_set), r->pledges_set));
      add_summary_row_full (self, r->conflicts, "dialog-warning-symbolic",
                            hp_format_counted (ngettext ("%s value differs from the stored one",
                                                         "%s values differ from the stored ones", r->conflicts),
                                               r->conflicts),
                            g_strdup (_("The stored values are kept. Change them in the sponsor’s details.")));
      add_summary_row (self, r->no_name, "edit-clear-symbolic",
                       hp_format_counted (ngettext ("%s empty row is left out", "%s empty rows are left out",
                                                    r->no_name), r->no_name));
    }
  else
    {
      add_summary_row (self, r->added, "list-add-symbolic",
                       hp_format_counted (ngettext ("%s graduate will be added",
                                                    "%s graduates will be added", r->added), r->added));
      add_summary_row (self, r->updated, "view-refresh-symbolic",
                       hp_format_counted (ngettext ("%s graduate will be updated",
                                                    "%s graduates will be updated", r->updated), r->updated));
      add_summary_row_full (self, r->contacts_without_consent, "dialog-information-symbolic",
                            hp_format_counted (ngettext ("%s contact is left out for lack of consent",
                                                         "%s contacts are left out for lack of consent",
                                                         r->contacts_without_consent),
                                               r->contacts_without_consent),
                            g_strdup (_("E-mail and phone are stored only for rows with a consent date and "
                                        "source.")));
      add_summary_row (self, r->duplicates, "edit-copy-symbolic",
                       hp_format_counted (ngettext ("%s graduate is already listed and is not added again",
                                                    "%s graduates are already listed and are not added again",
                                                    r->duplicates), r->duplicates));
      add_summary_row (self, r->skipped_year, "edit-clear-symbolic",
                       hp_format_counted (ngettext ("%s row is left out by the leaving year",
                                                    "%s rows are left out by the leaving year", r->skipped_year),
                                          r->skipped_year));
      add_summary_row_full (self, r->skipped_no_year, "edit-clear-symbolic",
                            hp_format_counted (ngettext ("%s row states no year and is left out",
                                                         "%s rows state no year and are left out",
                                                         r->skipped_no_year), r->skipped_no_year),
                            g_strdup (_("Other rows of the file state their year. Choose “All Years” to keep "
                                        "these rows too.")));
      add_summary_row (self, r->no_name, "edit-clear-symbolic",
                       hp_format_counted (ngettext ("%s row without a name is left out",
                                                    "%s rows without a name are left out", r->no_name),
                                          r->no_name));
      /* the year filter did not apply: say so, else the user wonders */
      add_summary_row (self, r->no_year_in_file ? 1 : 0, "dialog-information-symbolic",
                       hp_format_counted (ngettext ("No year in the file: the %s row is kept",
                                                    "No year in the file: all %s rows are kept", r->rows),
                                          r->rows));
    }
  add_summary_row_full (self, r->repaired, "emblem-system-symbolic",
                        hp_format_counted (ngettext ("%s code that had lost its leading zeros is repaired",
                                                     "%s codes that had lost their leading zeros are repaired",
                                                     r->repaired), r->repaired),
                        dup_repaired (r));

  gtk_widget_set_visible (GTK_WIDGET (self->list_complete_check),
                          hp_import_setup_offers_list_complete (setup) && self->nothing_message == NULL &&
                          hp_import_setup_result_imports (setup, r));

  if (self->nothing_message != NULL)
    {
      adw_status_page_set_icon_name (self->ready_page, "dialog-information-symbolic");
      adw_status_page_set_title (self->ready_page, _("Nothing to Import"));
      description = g_markup_escape_text (self->nothing_message, -1);
    }
  else if (hp_import_setup_result_imports (setup, r))
    {
      adw_status_page_set_icon_name (self->ready_page, "document-save-symbolic");
      adw_status_page_set_title (self->ready_page, _("Ready to Import"));
      description = g_markup_printf_escaped (ngettext ("%s row read from “%s”. Nothing has been stored yet: "
                                                       "“Import” stores it.",
                                                       "%s rows read from “%s”. Nothing has been stored yet: "
                                                       "“Import” stores them.", r->rows),
                                             rows, basename);
    }
  else
    {
      adw_status_page_set_icon_name (self->ready_page, "dialog-information-symbolic");
      adw_status_page_set_title (self->ready_page, _("Nothing to Import"));
      description = g_markup_printf_escaped (ngettext ("%s row read from “%s”: nothing in it is new. "
                                                       "Go back to change the columns or filters.",
                                                       "%s rows read from “%s”: nothing in them is new. "
                                                       "Go back to change the columns or filters.", r->rows),
                                             rows, basename);
    }
  adw_status_page_set_description (self->ready_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_label), cancelled);
  show_schools (self);
  gtk_stack_set_visible_child_name (self->summary_stack, "ready");
}

static void
show_run_error (HpImportSummaryStep *self,
                const GError        *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->summary_stack, "error");
  /* the message has the focus, for screen readers, but is not selected */
  gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
  gtk_label_select_region (self->error_label, 0, 0);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HpImportSummaryStep *self = HP_IMPORT_SUMMARY_STEP (source);
  GTask *task = G_TASK (result);
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (g_task_get_source_tag (task) == run_done_cb);
  g_assert (self->run == data);

  ok = g_task_propagate_boolean (task, &error);
  self->run = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->disposed)
    return;

  if (ok && !data->dry_run)
    {
      self->result = data->result;
      self->have_result = TRUE;
      hp_import_step_changed (HP_IMPORT_STEP (self));
      g_signal_emit (self, signals[IMPORTED], 0);
      return;
    }

  if (ok)
    {
      self->dry_result = data->result;
      self->have_dry_result = TRUE;
      self->nothing_message = hp_import_describe_nothing_imported (data->import, &data->result,
                                                                   HP_IMPORT_ADVICE_WINDOW);
      g_clear_pointer (&self->dry_import, hp_import_free);
      self->dry_import = g_steal_pointer (&data->import);
      show_ready (self, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      hp_import_step_changed (HP_IMPORT_STEP (self));
      if (data->dry_run)
        {
          g_signal_emit (self, signals[STOPPED], 0);
          return;
        }
      show_ready (self, TRUE);
    }
  else
    show_run_error (self, error);

  hp_import_step_changed (HP_IMPORT_STEP (self));
}

static void
start_run (HpImportSummaryStep *self,
           gboolean             dry_run)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  HpImport *import;
  RunData *data;

  g_return_if_fail (self->run == NULL);

  if (dry_run)
    {
      self->have_dry_result = FALSE;
      g_clear_pointer (&self->nothing_message, g_free);
      g_clear_pointer (&self->dry_import, hp_import_free);
    }

  import = hp_import_setup_create_import (setup, dry_run, &error);
  if (import == NULL)
    {
      show_run_error (self, error);
      hp_import_step_changed (HP_IMPORT_STEP (self));
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

  /* the task holds a reference on the step until run_done_cb() */
  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, run_done_cb);
  /* an import that committed has happened, even if "Stop" came too late */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_import_thread);

  hp_import_step_changed (HP_IMPORT_STEP (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->stop_button));
}

static void
stop_clicked_cb (HpImportSummaryStep *self)
{
  hp_import_summary_step_stop (self);
}

static void
list_complete_toggled_cb (HpImportSummaryStep *self)
{
  hp_import_step_get_setup (HP_IMPORT_STEP (self))->list_complete =
    gtk_check_button_get_active (self->list_complete_check);
}

/* ------------------------------------------------------------------------ */
/* HpImportStep                                                              */

static void
hp_import_summary_step_enter (HpImportStep *step)
{
  HpImportSummaryStep *self = HP_IMPORT_SUMMARY_STEP (step);

  gtk_check_button_set_active (self->list_complete_check, hp_import_step_get_setup (step)->list_complete);
  start_run (self, TRUE);
}

static char *
hp_import_summary_step_dup_problem (HpImportStep *step)
{
  HpImportSummaryStep *self = HP_IMPORT_SUMMARY_STEP (step);

  if (self->run != NULL || !self->have_dry_result ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->summary_stack), "ready"))
    return g_strdup (_("The file is being checked."));
  if (self->nothing_message != NULL)
    return g_strdup (self->nothing_message);
  if (!hp_import_setup_result_imports (hp_import_step_get_setup (step), &self->dry_result))
    return g_strdup (_("Nothing in the file is new."));

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/* After the dry run: imports for real; HpImportSummaryStep::imported when
 * it is stored. */
void
hp_import_summary_step_import (HpImportSummaryStep *self)
{
  g_return_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self));

  start_run (self, FALSE);
}

/* Stops the run: nothing is stored. */
void
hp_import_summary_step_stop (HpImportSummaryStep *self)
{
  g_return_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* %TRUE while a dry run or the import runs in its thread */
gboolean
hp_import_summary_step_get_busy (HpImportSummaryStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self), FALSE);

  return self->run != NULL;
}

/* "running", "ready" or "error" */
const char *
hp_import_summary_step_get_state (HpImportSummaryStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self), NULL);

  return gtk_stack_get_visible_child_name (self->summary_stack);
}

/* Returns: (nullable): the dry run's counts, once it succeeded */
const HpImportResult *
hp_import_summary_step_get_dry_result (HpImportSummaryStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self), NULL);

  return self->have_dry_result ? &self->dry_result : NULL;
}

/* Returns: (nullable): the import's counts, once it is stored */
const HpImportResult *
hp_import_summary_step_get_result (HpImportSummaryStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_SUMMARY_STEP (self), NULL);

  return self->have_result ? &self->result : NULL;
}

GtkButton *
hp_import_summary_step_get_stop_button (HpImportSummaryStep *self)
{
  return self->stop_button;
}

GtkListBox *
hp_import_summary_step_get_list (HpImportSummaryStep *self)
{
  return self->summary_list;
}

GtkListView *
hp_import_summary_step_get_schools_list (HpImportSummaryStep *self)
{
  return self->schools_list;
}

GtkLabel *
hp_import_summary_step_get_error_label (HpImportSummaryStep *self)
{
  return self->error_label;
}

AdwStatusPage *
hp_import_summary_step_get_ready_page (HpImportSummaryStep *self)
{
  return self->ready_page;
}

GtkCheckButton *
hp_import_summary_step_get_list_complete_check (HpImportSummaryStep *self)
{
  return self->list_complete_check;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_import_summary_step_dispose (GObject *object)
{
  HpImportSummaryStep *self = HP_IMPORT_SUMMARY_STEP (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->schools);
  g_clear_pointer (&self->dry_import, hp_import_free);

  G_OBJECT_CLASS (hp_import_summary_step_parent_class)->dispose (object);
}

static void
hp_import_summary_step_finalize (GObject *object)
{
  HpImportSummaryStep *self = HP_IMPORT_SUMMARY_STEP (object);

  g_free (self->nothing_message);

  G_OBJECT_CLASS (hp_import_summary_step_parent_class)->finalize (object);
}

static void
hp_import_summary_step_class_init (HpImportSummaryStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpImportStepClass *step_class = HP_IMPORT_STEP_CLASS (klass);

  object_class->dispose = hp_import_summary_step_dispose;
  object_class->finalize = hp_import_summary_step_finalize;
  step_class->enter = hp_import_summary_step_enter;
  step_class->dup_problem = hp_import_summary_step_dup_problem;

  /**
   * HpImportSummaryStep::imported:
   *
   * The import is stored (hp_import_summary_step_get_result()).
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * HpImportSummaryStep::stopped:
   *
   * The dry run was stopped before it said anything.
   */
  signals[STOPPED] =
    g_signal_new ("stopped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-summary-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, running_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, stop_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, ready_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, summary_list);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, schools_box);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, schools_list);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, list_complete_check);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, HpImportSummaryStep, error_label);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_complete_toggled_cb);
}

static void
hp_import_summary_step_init (HpImportSummaryStep *self)
{
  g_autoptr(GtkListItemFactory) factory = hp_choice_row_create_factory ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->schools = g_list_store_new (HP_TYPE_CHOICE);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->schools)));
  gtk_list_view_set_factory (self->schools_list, factory);
  gtk_list_view_set_model (self->schools_list, GTK_SELECTION_MODEL (selection));
}
