/* hp-import-assistant.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant: a modal window that takes a school directory, a
 * school's list of graduates or a list of sponsors and their gifts from a
 * file into the store, in five steps:
 *
 *  1. choose the file (skipped when a file was dropped on the window);
 *  2. preview: the first rows, with the detected encoding, delimiter and
 *     header line, which the user may override (the reader opens again);
 *  3. columns: one row per field of the import, preselected by header name;
 *  4. filters: district and school forms; or school, leaving year and
 *     campaign; or, for sponsors, the campaign their pledges count for;
 *  5. summary: a dry run in a worker thread says what would happen; "Import"
 *     then does it for real, in a worker thread, with progress and "Stop".
 *
 * hp_import_run() runs once per HpImport, so each run gets a new one, with
 * the mapping and filters applied again. An import is all or nothing: an
 * error is shown here and nothing is stored. On success the assistant emits
 * HpImportAssistant::imported and closes; the window shows the toast.
 *
 * This file has the widget, the navigation between the steps and the GObject
 * boilerplate; hp-import-assistant-preview.c reads the file (steps 1 and 2),
 * -mapping.c has the columns and filters (3 and 4), -run.c the dry run and
 * the import (5). They share hp-import-assistant-internal.h.
 *
 * Threading: while an import runs in its thread, the assistant is modal, so
 * nobody writes to the store. The store emits "changed" in the thread that
 * commits, so during the real run the store's other "changed" handlers (the
 * pages') are held back and get the signal afterwards, in this thread.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-assistant-internal.h"

static const char * const step_names[N_STEPS] = { "choose", "preview", "mapping", "filters", "summary" };
static const char * const step_titles[N_STEPS] = {
  N_("Choose a File"),
  N_("Preview"),
  /* Translators: the step where file columns are assigned to fields */
  N_("Columns"),
  N_("Filters"),
  N_("Summary"),
};

G_DEFINE_FINAL_TYPE (HpImportAssistant, hp_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_CAMPAIGN,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

const HpImportField *
_hp_import_assistant_get_field (HpImportAssistant *self,
                                guint              index)
{
  return hp_import_get_field (self->kind, index);
}

int
_hp_import_assistant_find_field (HpImportAssistant *self,
                                 const char        *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (_hp_import_assistant_get_field (self, i)->name, name))
      return (int) i;

  return -1;
}

const char *
_hp_import_assistant_get_mapping (HpImportAssistant *self,
                                  const char        *name)
{
  int i = _hp_import_assistant_find_field (self, name);

  return i >= 0 ? self->mapping[i] : NULL;
}

void
_hp_import_assistant_clear_mapping (HpImportAssistant *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    g_clear_pointer (&self->mapping[i], g_free);
}

const char *
_hp_import_assistant_get_title (HpImportAssistant *self)
{
  switch (self->kind)
    {
    case HP_IMPORT_SCHOOLS:
      return _("Import Schools");
    case HP_IMPORT_GRADUATES:
      return _("Import Graduates");
    case HP_IMPORT_SPONSORS:
      return _("Import Sponsors");
    default:
      g_assert_not_reached ();
    }
}

/* Whether a run with @result stores anything. */
gboolean
_hp_import_assistant_result_imports (HpImportAssistant    *self,
                                     const HpImportResult *result)
{
  if (self->kind == HP_IMPORT_SPONSORS)
    return result->sponsors_added + result->sponsors_updated + result->gifts_added +
           result->gifts_updated + result->pledges_set > 0;

  return result->added + result->updated > 0;
}

void
_hp_import_assistant_set_label_message (GtkLabel   *label,
                                        const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* ------------------------------------------------------------------------ */
/* Steps and buttons                                                         */

static gboolean
can_go_next (HpImportAssistant *self)
{
  g_autofree char *problem = NULL;

  if (self->run != NULL)
    return FALSE;

  switch (self->step)
    {
    case STEP_CHOOSE:
      return TRUE;
    case STEP_PREVIEW:
      return self->readable;
    case STEP_MAPPING:
      problem = _hp_import_assistant_dup_mapping_problem (self);
      return self->readable && problem == NULL;
    case STEP_FILTERS:
      problem = _hp_import_assistant_dup_filters_problem (self);
      return problem == NULL;
    case STEP_SUMMARY:
      return self->have_dry_result &&
             g_str_equal (gtk_stack_get_visible_child_name (self->summary_stack), "ready") &&
             self->nothing_message == NULL &&
             _hp_import_assistant_result_imports (self, &self->dry_result);
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

void
_hp_import_assistant_update_buttons (HpImportAssistant *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *problem = NULL;

  /* Translators: the assistant's subtitle, e.g. "Step 2 of 5: Preview" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1, N_STEPS, _(step_titles[self->step]));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > STEP_CHOOSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->run == NULL);

  gtk_button_set_label (self->next_button, self->step == STEP_SUMMARY ? _("_Import") : _("_Next"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), can_go_next (self));

  if (self->step == STEP_MAPPING)
    {
      problem = _hp_import_assistant_dup_mapping_problem (self);
      _hp_import_assistant_set_label_message (self->mapping_message, problem);
    }
  else if (self->step == STEP_FILTERS)
    {
      problem = _hp_import_assistant_dup_filters_problem (self);
      _hp_import_assistant_set_label_message (self->filters_message, problem);
    }
}

void
_hp_import_assistant_go_to_step (HpImportAssistant *self,
                                 Step               step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  _hp_import_assistant_update_buttons (self);
}

/* The real run succeeded: the window shows the toast. */
void
_hp_import_assistant_emit_imported (HpImportAssistant *self)
{
  g_signal_emit (self, signals[IMPORTED], 0);
}

/* ------------------------------------------------------------------------ */
/* Navigation                                                                */

static void
next_clicked_cb (HpImportAssistant *self)
{
  if (!can_go_next (self))
    return;

  switch (self->step)
    {
    case STEP_CHOOSE:
      if (self->path != NULL)
        _hp_import_assistant_go_to_step (self, STEP_PREVIEW);
      else
        _hp_import_assistant_open_chooser (self);
      break;
    case STEP_PREVIEW:
      _hp_import_assistant_go_to_step (self, STEP_MAPPING);
      break;
    case STEP_MAPPING:
      _hp_import_assistant_prepare_filters (self);
      _hp_import_assistant_go_to_step (self, STEP_FILTERS);
      break;
    case STEP_FILTERS:
      _hp_import_assistant_go_to_step (self, STEP_SUMMARY);
      _hp_import_assistant_start_run (self, TRUE);
      break;
    case STEP_SUMMARY:
      _hp_import_assistant_start_run (self, FALSE);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
back_clicked_cb (HpImportAssistant *self)
{
  if (self->run != NULL || self->step == STEP_CHOOSE)
    return;

  self->have_dry_result = FALSE;
  _hp_import_assistant_go_to_step (self, self->step - 1);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_import_assistant_new:
 * @store: where the rows go
 * @kind: schools, graduates or sponsors
 * @campaign: (nullable): the campaign graduates go to, or sponsors' pledges
 * @file: (nullable): the file, e.g. dropped on the window; %NULL to start by
 *   choosing one
 */
HpImportAssistant *
hp_import_assistant_new (HpStore      *store,
                         HpImportKind  kind,
                         HpCampaign   *campaign,
                         GFile        *file)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == HP_IMPORT_SCHOOLS || kind == HP_IMPORT_GRADUATES ||
                        kind == HP_IMPORT_SPONSORS, NULL);
  g_return_val_if_fail (!campaign || HP_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (HP_TYPE_IMPORT_ASSISTANT,
                       "store", store,
                       "kind", kind,
                       "campaign", campaign,
                       "file", file,
                       NULL);
}

HpImportKind
hp_import_assistant_get_kind (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), HP_IMPORT_SCHOOLS);

  return self->kind;
}

HpCampaign *
hp_import_assistant_get_campaign (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  return self->campaign;
}

/**
 * hp_import_assistant_set_campaign:
 * @campaign: (nullable): the campaign graduates go to
 */
void
hp_import_assistant_set_campaign (HpImportAssistant *self,
                                  HpCampaign        *campaign)
{
  g_return_if_fail (HP_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  /* a running import keeps its campaign */
  if (self->run != NULL || !g_set_object (&self->campaign, campaign))
    return;

  /* graduates, pledges: what the dry run said was for the old campaign */
  if (self->kind != HP_IMPORT_SCHOOLS && self->step == STEP_SUMMARY)
    _hp_import_assistant_go_to_step (self, STEP_FILTERS);
  _hp_import_assistant_update_campaign_row (self);
  _hp_import_assistant_update_buttons (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * hp_import_assistant_get_result:
 *
 * Returns: (nullable): the counts of the import, once it has succeeded
 */
const HpImportResult *
hp_import_assistant_get_result (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  return self->have_result ? &self->result : NULL;
}

/**
 * hp_import_assistant_dup_result_text:
 *
 * Returns: (transfer full) (nullable): the import's counts for a toast,
 *   e.g. "21 schools imported, 86 skipped"
 */
char *
hp_import_assistant_dup_result_text (HpImportAssistant *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const HpImportResult *r;
  guint imported;

  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  if (!self->have_result)
    return NULL;

  r = &self->result;
  imported = r->added + r->updated;
  if (self->kind == HP_IMPORT_SPONSORS)
    {
      g_string_append_printf (text, ngettext ("%u sponsor imported", "%u sponsors imported", imported), imported);
      /* Translators: the parts after "12 sponsors imported, " in a toast */
      if (r->gifts_added > 0)
        g_string_append_printf (text, ngettext (", %u new gift", ", %u new gifts", r->gifts_added),
                                r->gifts_added);
      if (r->pledges_set > 0)
        g_string_append_printf (text, ngettext (", %u pledge", ", %u pledges", r->pledges_set), r->pledges_set);
    }
  else if (self->kind == HP_IMPORT_SCHOOLS)
    g_string_append_printf (text, ngettext ("%u school imported", "%u schools imported", imported), imported);
  else
    g_string_append_printf (text, ngettext ("%u graduate imported", "%u graduates imported", imported), imported);

  /* Translators: the parts after "21 schools imported, " in a toast */
  if (r->unchanged > 0)
    g_string_append_printf (text, ngettext (", %u unchanged", ", %u unchanged", r->unchanged), r->unchanged);
  if (r->duplicates > 0)
    g_string_append_printf (text, ngettext (", %u already listed", ", %u already listed", r->duplicates),
                            r->duplicates);
  if (r->skipped > 0)
    g_string_append_printf (text, ngettext (", %u skipped", ", %u skipped", r->skipped), r->skipped);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * hp_import_file_is_table:
 *
 * Returns: %TRUE if @file's name says it is a table Heimpack can import
 *   (.csv, .txt, .tsv, .xlsx)
 */
gboolean
hp_import_file_is_table (GFile *file)
{
  static const char * const suffixes[] = { ".csv", ".txt", ".tsv", ".xlsx" };
  g_autofree char *basename = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return FALSE;

  folded = g_ascii_strdown (basename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (folded, suffixes[i]))
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-import-assistant-private.h)                                 */

void
_hp_import_assistant_choose_file (HpImportAssistant *self,
                                  GFile             *file)
{
  _hp_import_assistant_load_file (self, file);
}

const char *
_hp_import_assistant_get_step (HpImportAssistant *self)
{
  return step_names[self->step];
}

const char *
_hp_import_assistant_get_summary_state (HpImportAssistant *self)
{
  return gtk_stack_get_visible_child_name (self->summary_stack);
}

gboolean
_hp_import_assistant_get_busy (HpImportAssistant *self)
{
  return self->run != NULL;
}

const HpImportResult *
_hp_import_assistant_get_dry_result (HpImportAssistant *self)
{
  return self->have_dry_result ? &self->dry_result : NULL;
}

GtkButton *
_hp_import_assistant_get_next_button (HpImportAssistant *self)
{
  return self->next_button;
}

GtkButton *
_hp_import_assistant_get_back_button (HpImportAssistant *self)
{
  return self->back_button;
}

GtkButton *
_hp_import_assistant_get_stop_button (HpImportAssistant *self)
{
  return self->stop_button;
}

AdwWindowTitle *
_hp_import_assistant_get_window_title (HpImportAssistant *self)
{
  return self->window_title;
}

AdwActionRow *
_hp_import_assistant_get_file_row (HpImportAssistant *self)
{
  return self->file_row;
}

AdwComboRow *
_hp_import_assistant_get_encoding_row (HpImportAssistant *self)
{
  return self->encoding_row;
}

AdwComboRow *
_hp_import_assistant_get_delimiter_row (HpImportAssistant *self)
{
  return self->delimiter_row;
}

GtkColumnView *
_hp_import_assistant_get_preview_view (HpImportAssistant *self)
{
  return self->preview_view;
}

GtkLabel *
_hp_import_assistant_get_preview_message (HpImportAssistant *self)
{
  return self->preview_message;
}

AdwComboRow *
_hp_import_assistant_get_mapping_row (HpImportAssistant *self,
                                      const char        *field)
{
  int i = _hp_import_assistant_find_field (self, field);

  if (i < 0 || (guint) i >= self->mapping_rows->len)
    return NULL;

  return g_ptr_array_index (self->mapping_rows, i);
}

GtkLabel *
_hp_import_assistant_get_mapping_message (HpImportAssistant *self)
{
  return self->mapping_message;
}

AdwEntryRow *
_hp_import_assistant_get_district_row (HpImportAssistant *self)
{
  return self->district_row;
}

GtkSwitch *
_hp_import_assistant_get_abitur_switch (HpImportAssistant *self)
{
  return self->abitur_switch;
}

GtkSwitch *
_hp_import_assistant_get_closed_switch (HpImportAssistant *self)
{
  return self->closed_switch;
}

AdwActionRow *
_hp_import_assistant_get_campaign_row (HpImportAssistant *self)
{
  return self->campaign_row;
}

AdwActionRow *
_hp_import_assistant_get_school_row (HpImportAssistant *self)
{
  return self->school_row;
}

GtkSearchEntry *
_hp_import_assistant_get_school_search (HpImportAssistant *self)
{
  return self->school_search;
}

GtkListView *
_hp_import_assistant_get_school_list (HpImportAssistant *self)
{
  return self->school_list;
}

GtkButton *
_hp_import_assistant_get_school_column_button (HpImportAssistant *self)
{
  return self->school_column_button;
}

AdwComboRow *
_hp_import_assistant_get_year_row (HpImportAssistant *self)
{
  return self->year_row;
}

AdwEntryRow *
_hp_import_assistant_get_year_value_row (HpImportAssistant *self)
{
  return self->year_value_row;
}

GtkLabel *
_hp_import_assistant_get_filters_message (HpImportAssistant *self)
{
  return self->filters_message;
}

GtkListBox *
_hp_import_assistant_get_summary_list (HpImportAssistant *self)
{
  return self->summary_list;
}

GtkLabel *
_hp_import_assistant_get_error_label (HpImportAssistant *self)
{
  return self->error_label;
}

AdwStatusPage *
_hp_import_assistant_get_ready_page (HpImportAssistant *self)
{
  return self->ready_page;
}

GtkCheckButton *
_hp_import_assistant_get_list_complete_check (HpImportAssistant *self)
{
  return self->list_complete_check;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static gboolean
hp_import_assistant_close_request (GtkWindow *window)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (window);

  /* the thread must end before the window lets anyone touch the store */
  if (self->run != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hp_import_assistant_parent_class)->close_request (window);
}

static void
hp_import_assistant_constructed (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);
  const char *title;

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  self->n_fields = hp_import_get_n_fields (self->kind);
  self->mapping = g_new0 (char *, self->n_fields + 1);

  title = _hp_import_assistant_get_title (self);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->kind == HP_IMPORT_SCHOOLS)
    adw_status_page_set_description (self->choose_page,
                                     _("The official school directory, such as NRW’s “Schulgrunddaten”, "
                                       "as a CSV or Excel file. You can also drop the file here."));
  else if (self->kind == HP_IMPORT_GRADUATES)
    adw_status_page_set_description (self->choose_page,
                                     _("The list of school leavers a school sent, as a CSV or Excel file. "
                                       "Names are optional. You can also drop the file here."));
  else
    adw_status_page_set_description (self->choose_page,
                                     _("Last year’s list of sponsors, as a CSV or Excel file: one row per "
                                       "sponsor, or one per gift with its item, value per piece and pieces "
                                       "pledged. You can also drop the file here."));

  _hp_import_assistant_prepare_filters (self);

  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      _hp_import_assistant_load_file (self, file);
    }
  else
    _hp_import_assistant_go_to_step (self, STEP_CHOOSE);
}

static void
hp_import_assistant_dispose (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->campaign);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_object (&self->schools);
  g_clear_object (&self->school_filter);

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->dispose (object);
}

static void
hp_import_assistant_finalize (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  g_free (self->path);
  g_free (self->nothing_message);
  g_strfreev (self->header);
  g_strfreev (self->mapping);
  g_free (self->chosen_school);
  g_ptr_array_unref (self->mapping_rows);

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->finalize (object);
}

static void
hp_import_assistant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_import_assistant_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_CAMPAIGN:
      hp_import_assistant_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_import_assistant_class_init (HpImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hp_import_assistant_constructed;
  object_class->dispose = hp_import_assistant_dispose;
  object_class->finalize = hp_import_assistant_finalize;
  object_class->get_property = hp_import_assistant_get_property;
  object_class->set_property = hp_import_assistant_set_property;

  window_class->close_request = hp_import_assistant_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* HpImportKind has no GType */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HP_IMPORT_SCHOOLS, HP_IMPORT_SPONSORS, HP_IMPORT_SCHOOLS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HpImportAssistant::imported:
   * @self: the assistant
   *
   * The import has been stored (see hp_import_assistant_get_result()); the
   * assistant closes next.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, choose_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, preview_message);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, mapping_message);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, district_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, district_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, abitur_switch);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, campaign_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, new_campaign_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, graduates_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_popover);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_search);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_list);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_none_label);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, school_column_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, year_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, year_value_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, filters_message);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, running_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, stop_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, ready_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, summary_list);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, list_complete_check);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, error_label);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  /* the other steps' callbacks */
  _hp_import_assistant_preview_class_init (widget_class);
  _hp_import_assistant_mapping_class_init (widget_class);
  _hp_import_assistant_run_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_import_assistant_init (HpImportAssistant *self)
{
  self->mapping_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  _hp_import_assistant_preview_init (self);
  _hp_import_assistant_mapping_init (self);
}
