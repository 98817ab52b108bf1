/* hp-import-assistant.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant: a modal window that takes a school directory or a
 * school's list of graduates from a file into the store, in five steps:
 *
 *  1. choose the file (skipped when a file was dropped on the window);
 *  2. preview: the first rows, with the detected encoding, delimiter and
 *     header line, which the user may override (the reader opens again);
 *  3. columns: one row per field of the import, preselected by header name;
 *  4. filters: district and school forms, or school, leaving year and campaign;
 *  5. summary: a dry run in a worker thread says what would happen; "Import"
 *     then does it for real, in a worker thread, with progress and "Stop".
 *
 * hp_import_run() runs once per HpImport, so each run gets a new one, with
 * the mapping and filters applied again. An import is all or nothing: an
 * error is shown here and nothing is stored. On success the assistant emits
 * HpImportAssistant::imported and closes; the window shows the toast.
 *
 * Threading: while an import runs in its thread, the assistant is modal, so
 * nobody writes to the store. The store emits "changed" in the thread that
 * commits, so during the real run the store's other "changed" handlers (the
 * pages') are held back and get the signal afterwards, in this thread.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-import-assistant-private.h"

#define PREVIEW_ROWS 20
#define PROGRESS_INTERVAL_MS 100

typedef enum
{
  STEP_CHOOSE,
  STEP_PREVIEW,
  STEP_MAPPING,
  STEP_FILTERS,
  STEP_SUMMARY,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "choose", "preview", "mapping", "filters", "summary" };
static const char * const step_titles[N_STEPS] = {
  N_("Choose a File"),
  N_("Preview"),
  /* Translators: the step where file columns are assigned to fields */
  N_("Columns"),
  N_("Filters"),
  N_("Summary"),
};

/* the positions of the encoding and delimiter rows' models */
static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "UTF-16" };
static const char delimiters[] = { 0, ';', ',', '\t' };

/* the leaving year row */
enum {
  YEAR_LAST,    /* Q2 and 13: the importer's default */
  YEAR_ALL,
  YEAR_OTHER,
};

/* One run of hp_import_run() in a worker thread. */
typedef struct
{
  HpImport       *import;
  gboolean        dry_run;
  HpImportResult  result;
  int             permille;   /* atomic: progress, 0 … 1000 */
} RunData;

struct _HpImportAssistant
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *next_button;
  GtkStack             *stack;
  AdwStatusPage        *choose_page;
  AdwActionRow         *file_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *delimiter_row;
  GtkLabel             *preview_message;
  GtkColumnView        *preview_view;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *mapping_message;
  AdwPreferencesGroup  *district_group;
  AdwEntryRow          *district_row;
  GtkSwitch            *abitur_switch;
  GtkSwitch            *closed_switch;
  AdwPreferencesGroup  *campaign_group;
  AdwActionRow         *campaign_row;
  GtkButton            *new_campaign_button;
  AdwPreferencesGroup  *graduates_group;
  AdwComboRow          *school_row;
  AdwComboRow          *year_row;
  AdwEntryRow          *year_value_row;
  GtkLabel             *filters_message;
  GtkStack             *summary_stack;
  AdwStatusPage        *running_page;
  GtkProgressBar       *progress_bar;
  GtkButton            *stop_button;
  AdwStatusPage        *ready_page;
  GtkListBox           *summary_list;
  GtkLabel             *cancelled_label;
  GtkLabel             *error_label;

  /* Borrowed */
  GPtrArray            *mapping_rows;     /* AdwComboRow, one per field */
  RunData              *run;              /* the task's data while it runs */

  /* Owned */
  HpStore              *store;
  HpCampaign           *campaign;
  GFile                *file;
  char                 *path;
  GtkFileChooserNative *chooser;
  char                **header;           /* the file's column headers */
  char                **mapping;          /* per field: a header, or NULL */
  GPtrArray            *school_numbers;   /* the school row's, NULL: none/column */
  GCancellable         *cancellable;
  HpImportResult        dry_result;
  HpImportResult        result;

  HpImportKind          kind;
  Step                  step;
  guint                 n_fields;
  guint                 progress_source;
  guint                 readable : 1;     /* the file opened with a header */
  guint                 have_dry_result : 1;
  guint                 have_result : 1;
  guint                 close_when_done : 1;
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

static void update_buttons (HpImportAssistant *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static const HpImportField *
get_field (HpImportAssistant *self,
           guint              index)
{
  return hp_import_get_field (self->kind, index);
}

static int
find_field (HpImportAssistant *self,
            const char        *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (get_field (self, i)->name, name))
      return (int) i;

  return -1;
}

static const char *
get_mapping (HpImportAssistant *self,
             const char        *name)
{
  int i = find_field (self, name);

  return i >= 0 ? self->mapping[i] : NULL;
}

static void
clear_mapping (HpImportAssistant *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    g_clear_pointer (&self->mapping[i], g_free);
}

static void
set_label_message (GtkLabel   *label,
                   const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static const char *
pretty_encoding (const char *encoding)
{
  static const struct { const char *name; const char *pretty; } names[] = {
    { "WINDOWS-1252", "Windows-1252" },
    { "CP1252", "Windows-1252" },
    { "UTF-16LE", "UTF-16 LE" },
    { "UTF-16BE", "UTF-16 BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (encoding, names[i].name) == 0)
      return names[i].pretty;

  return encoding;
}

static char *
dup_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      /* Translators: the delimiter in "UTF-8, semicolon, header in line 2" */
      return g_strdup (_("semicolon"));
    case ',':
      /* Translators: the delimiter in "UTF-8, comma, header in line 2" */
      return g_strdup (_("comma"));
    case '\t':
      /* Translators: the delimiter in "UTF-8, tab, header in line 2" */
      return g_strdup (_("tab"));
    default:
      return g_strdup_printf ("“%c”", delimiter);
    }
}

static gboolean
is_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Steps and buttons                                                         */

/* Returns: (nullable): why Next is not possible on the mapping step */
static char *
dup_mapping_problem (HpImportAssistant *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      const HpImportField *field = get_field (self, i);

      if (field->required && self->mapping[i] == NULL)
        /* Translators: %s is a field, such as “School number” */
        return g_strdup_printf (_("Choose a column for “%s”."), _(field->label));
    }

  if (self->kind == HP_IMPORT_SCHOOLS &&
      get_mapping (self, "name") == NULL && get_mapping (self, "name_1") == NULL)
    return g_strdup (_("Choose a column for the school name (“School name” or “School name, part 1”)."));

  return NULL;
}

static const char *
get_chosen_school (HpImportAssistant *self)
{
  guint position = adw_combo_row_get_selected (self->school_row);

  if (self->school_numbers == NULL || position >= self->school_numbers->len)
    return NULL;

  return g_ptr_array_index (self->school_numbers, position);
}

/* Returns: (nullable): why Next is not possible on the filters step */
static char *
dup_filters_problem (HpImportAssistant *self)
{
  if (self->kind == HP_IMPORT_SCHOOLS)
    {
      g_autofree char *prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->district_row))));

      if (!is_digits (prefix))
        return g_strdup (_("A municipality key has only digits, e.g. 05958."));

      return NULL;
    }

  if (self->campaign == NULL)
    return g_strdup (_("Graduates belong to a campaign. Create one first."));

  if (get_chosen_school (self) == NULL && get_mapping (self, "school_number") == NULL)
    {
      if (self->school_numbers == NULL || self->school_numbers->len <= 1)
        return g_strdup (_("There are no schools yet. Import or add the schools first."));
      return g_strdup (_("Choose the school the list comes from."));
    }

  if (adw_combo_row_get_selected (self->year_row) == YEAR_OTHER)
    {
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_value_row))));

      if (value[0] == '\0')
        return g_strdup (_("Enter the value of the year column, e.g. Q2."));
    }

  return NULL;
}

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
      problem = dup_mapping_problem (self);
      return self->readable && problem == NULL;
    case STEP_FILTERS:
      problem = dup_filters_problem (self);
      return problem == NULL;
    case STEP_SUMMARY:
      return self->have_dry_result &&
             g_str_equal (gtk_stack_get_visible_child_name (self->summary_stack), "ready") &&
             self->dry_result.added + self->dry_result.updated > 0;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_buttons (HpImportAssistant *self)
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
      problem = dup_mapping_problem (self);
      set_label_message (self->mapping_message, problem);
    }
  else if (self->step == STEP_FILTERS)
    {
      problem = dup_filters_problem (self);
      set_label_message (self->filters_message, problem);
    }
}

static void
go_to_step (HpImportAssistant *self,
            Step               step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  update_buttons (self);
}

/* ------------------------------------------------------------------------ */
/* 2. Preview                                                                */

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GObject *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  int column = GPOINTER_TO_INT (user_data);

  if (column < 0)
    {
      g_autofree char *line = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_object_get_data (row, "hp-line")));

      gtk_label_set_label (label, line);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
    }
  else
    {
      char **fields = g_object_get_data (row, "hp-fields");

      gtk_label_set_label (label, (guint) column < g_strv_length (fields) ? fields[column] : "");
    }
}

static void
add_preview_column (HpImportAssistant *self,
                    const char        *title,
                    int                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview_view, view_column);
}

static void
clear_preview (HpImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  gtk_column_view_set_model (self->preview_view, NULL);

  g_clear_pointer (&self->header, g_strfreev);
  clear_mapping (self);
  self->readable = FALSE;
  self->have_dry_result = FALSE;
  set_label_message (self->preview_message, NULL);
}

static void
get_options (HpImportAssistant *self,
             HpTableOptions    *options)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  memset (options, 0, sizeof *options);
  options->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
  options->delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
}

static void mapping_changed_cb (AdwComboRow       *row,
                                GParamSpec        *pspec,
                                HpImportAssistant *self);

static void
rebuild_mapping_rows (HpImportAssistant *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);

  if (self->header == NULL)
    return;

  /* Translators: in a column chooser: the field gets no column */
  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; self->header[c] != NULL; c++)
    {
      g_autofree char *untitled = NULL;

      if (self->header[c][0] == '\0')
        /* Translators: a column without a header; %u is its position */
        untitled = g_strdup_printf (_("Column %u"), c + 1);
      gtk_string_list_append (columns, untitled ? untitled : self->header[c]);
    }

  for (guint i = 0; i < self->n_fields; i++)
    {
      const HpImportField *field = get_field (self, i);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
      if (field->required)
        /* Translators: under a field that needs a column */
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (columns));
      if (self->mapping[i] != NULL)
        for (guint c = 0; self->header[c] != NULL; c++)
          if (g_str_equal (self->header[c], self->mapping[i]))
            {
              selected = c + 1;
              break;
            }
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "hp-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self, 0);

      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
}

/* Opens the file (again) with the chosen options, shows the first rows and
 * guesses the mapping. */
static void
load_preview (HpImportAssistant *self)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autoptr(HpImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = NULL;
  g_autofree char *detected = NULL;
  const char * const *header;
  const char * const *fields;
  HpTableOptions options;
  gboolean is_xlsx;
  guint line = 0;

  clear_preview (self);
  if (self->path == NULL)
    return;

  get_options (self, &options);
  reader = hp_table_reader_open (self->path, &options, &error);
  if (reader == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, "");
      set_label_message (self->preview_message, error->message);
      rebuild_mapping_rows (self);
      update_buttons (self);
      return;
    }

  is_xlsx = g_strcmp0 (hp_table_reader_get_format (reader), "XLSX") == 0;
  if (is_xlsx)
    /* Translators: what was found in the file; %u is a row number */
    detected = g_strdup_printf (_("Excel workbook, header in row %u"), hp_table_reader_get_header_line (reader));
  else
    {
      g_autofree char *delimiter = dup_delimiter_name (hp_table_reader_get_delimiter (reader));

      /* Translators: what was found in the file, e.g. “UTF-8, semicolon,
       * header in line 2”: the encoding, the delimiter, the header's line */
      detected = g_strdup_printf (_("%s, %s, header in line %u"),
                                  pretty_encoding (hp_table_reader_get_encoding (reader)),
                                  delimiter, hp_table_reader_get_header_line (reader));
    }
  adw_action_row_set_subtitle (self->file_row, detected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_row), !is_xlsx);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delimiter_row), !is_xlsx);

  header = hp_table_reader_get_header (reader);
  self->header = g_strdupv ((char **) header);

  /* Translators: the column of the preview with the file's line numbers */
  add_preview_column (self, _("Line"), -1);
  for (guint c = 0; header[c] != NULL; c++)
    {
      g_autofree char *untitled = header[c][0] == '\0' ? g_strdup_printf (_("Column %u"), c + 1) : NULL;

      add_preview_column (self, untitled ? untitled : header[c], (int) c);
    }

  rows = g_list_store_new (G_TYPE_OBJECT);
  while (g_list_model_get_n_items (G_LIST_MODEL (rows)) < PREVIEW_ROWS &&
         hp_table_reader_next (reader, &fields, &line, &error))
    {
      g_autoptr(GObject) row = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (row, "hp-fields", g_strdupv ((char **) fields), (GDestroyNotify) g_strfreev);
      g_object_set_data (row, "hp-line", GUINT_TO_POINTER (line));
      g_list_store_append (rows, row);
    }
  /* the rows before the problem stay in view; the dry run reports it again */
  if (error != NULL)
    set_label_message (self->preview_message, error->message);
  g_clear_error (&error);

  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));

  /* the importer's own guess, by header name */
  import = hp_import_new (self->store, self->kind, self->path, &options, &error);
  if (import == NULL)
    set_label_message (self->preview_message, error->message);
  else
    {
      for (guint i = 0; i < self->n_fields; i++)
        self->mapping[i] = g_strdup (hp_import_get_mapping (import, get_field (self, i)->name));
      self->readable = TRUE;
    }

  rebuild_mapping_rows (self);
  update_buttons (self);
}

static void
options_changed_cb (HpImportAssistant *self)
{
  if (self->path != NULL)
    load_preview (self);
}

/* ------------------------------------------------------------------------ */
/* 1. Choose a file                                                          */

static void
load_file (HpImportAssistant *self,
           GFile             *file)
{
  g_autofree char *basename = NULL;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->path, g_free);
  self->path = g_file_get_path (file);
  basename = g_file_get_basename (file);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename ? basename : "");
  go_to_step (self, STEP_PREVIEW);

  if (self->path == NULL)
    {
      clear_preview (self);
      set_label_message (self->preview_message, _("Only files on this computer can be imported."));
      update_buttons (self);
      return;
    }

  load_preview (self);
}

static void
chooser_response_cb (HpImportAssistant *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        load_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_chooser (HpImportAssistant *self)
{
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (tables, _("Tables (CSV, Excel)"));
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (self->kind == HP_IMPORT_SCHOOLS ? _("Import Schools")
                                                                              : _("Import Graduates"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_clicked_cb (HpImportAssistant *self)
{
  open_chooser (self);
}

static gboolean
file_dropped_cb (GtkDropTarget     *target,
                 const GValue      *value,
                 double             x,
                 double             y,
                 HpImportAssistant *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean accepted = FALSE;

  if (self->run == NULL && files != NULL && hp_import_file_is_table (files->data))
    {
      load_file (self, files->data);
      accepted = TRUE;
    }

  g_slist_free (files);
  return accepted;
}

/* ------------------------------------------------------------------------ */
/* 3. Columns                                                                */

static void
mapping_changed_cb (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    HpImportAssistant *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hp-field"));
  guint selected = adw_combo_row_get_selected (row);

  g_assert (field < self->n_fields);

  g_clear_pointer (&self->mapping[field], g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->header != NULL &&
      selected <= g_strv_length (self->header))
    self->mapping[field] = g_strdup (self->header[selected - 1]);

  update_buttons (self);
}

/* ------------------------------------------------------------------------ */
/* 4. Filters                                                                */

static void
update_campaign_row (HpImportAssistant *self)
{
  if (self->campaign != NULL)
    adw_action_row_set_subtitle (self->campaign_row, hp_campaign_get_name (self->campaign));
  else
    adw_action_row_set_subtitle (self->campaign_row, _("No campaign yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->new_campaign_button), self->campaign == NULL);
}

/* The school row: "From the column …" or "Choose a School", then the
 * store's schools; the chosen school stays chosen. */
static void
fill_school_row (HpImportAssistant *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_strdup (get_chosen_school (self));
  const char *column = get_mapping (self, "school_number");
  guint selected = 0;

  g_clear_pointer (&self->school_numbers, g_ptr_array_unref);
  self->school_numbers = g_ptr_array_new_with_free_func (g_free);

  if (column != NULL)
    {
      /* Translators: the school of each row comes from a column of the file */
      g_autofree char *label = g_strdup_printf (_("From the Column “%s”"), column);

      gtk_string_list_append (labels, label);
    }
  else
    gtk_string_list_append (labels, _("Choose a School"));
  g_ptr_array_add (self->school_numbers, NULL);

  schools = hp_store_list_schools (self->store, 0, &error);
  if (schools == NULL)
    set_label_message (self->filters_message, error->message);
  else
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
        g_autofree char *label = g_strdup_printf ("%s (%s)", hp_school_get_name (school),
                                                  hp_school_get_number (school));

        if (g_strcmp0 (chosen, hp_school_get_number (school)) == 0)
          selected = self->school_numbers->len;
        g_ptr_array_add (self->school_numbers, g_strdup (hp_school_get_number (school)));
        gtk_string_list_append (labels, label);
      }

  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->school_row, selected);
}

static void
prepare_filters (HpImportAssistant *self)
{
  gboolean schools = self->kind == HP_IMPORT_SCHOOLS;

  gtk_widget_set_visible (GTK_WIDGET (self->district_group), schools);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_group), !schools);
  gtk_widget_set_visible (GTK_WIDGET (self->graduates_group), !schools);

  if (schools)
    return;

  update_campaign_row (self);
  fill_school_row (self);

  if (get_mapping (self, "year") != NULL)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %s is the header of the file's year column */
      subtitle = g_strdup_printf (_("By the column “%s”"), get_mapping (self, "year"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row), subtitle);
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row),
                                   _("The file has no year column: every row is imported."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), FALSE);
    }
}

static void
filters_changed_cb (HpImportAssistant *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->year_value_row),
                          adw_combo_row_get_selected (self->year_row) == YEAR_OTHER &&
                          gtk_widget_get_sensitive (GTK_WIDGET (self->year_row)));
  update_buttons (self);
}

static void
new_campaign_clicked_cb (HpImportAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* the window's campaign dialog; the window passes the new campaign on */
  if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-campaign", NULL))
    g_debug ("No window to create a campaign in");
}

/* ------------------------------------------------------------------------ */
/* 5. Summary and import                                                     */

static HpImport *
create_import (HpImportAssistant  *self,
               GError            **error)
{
  g_autoptr(HpImport) import = NULL;
  HpTableOptions options;

  get_options (self, &options);
  import = hp_import_new (self->store, self->kind, self->path, &options, error);
  if (import == NULL)
    return NULL;

  for (guint i = 0; i < self->n_fields; i++)
    if (!hp_import_set_mapping (import, get_field (self, i)->name, self->mapping[i], error))
      return NULL;

  if (self->kind == HP_IMPORT_SCHOOLS)
    {
      g_autofree char *prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->district_row))));

      hp_import_set_district_prefix (import, prefix[0] != '\0' ? prefix : NULL);
      hp_import_set_abitur_only (import, gtk_switch_get_active (self->abitur_switch));
      hp_import_set_include_closed (import, gtk_switch_get_active (self->closed_switch));
    }
  else
    {
      const char *school = get_chosen_school (self);

      g_assert (self->campaign != NULL);
      hp_import_set_campaign (import, hp_campaign_get_id (self->campaign));
      if (school != NULL)
        hp_import_set_school (import, school);

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

/* (transfer full) @text; nothing for a count of 0 */
static void
add_summary_row (HpImportAssistant *self,
                 guint              count,
                 const char        *icon_name,
                 char              *text)
{
  g_autofree char *owned = text;
  GtkWidget *row;
  GtkWidget *icon;

  if (count == 0)
    return;

  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), owned);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->summary_list, row);
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
      add_summary_row (self, r->skipped, "edit-clear-symbolic",
                       g_strdup_printf (ngettext ("%u row is left out by the filters",
                                                  "%u rows are left out by the filters", r->skipped), r->skipped));
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
      add_summary_row (self, r->skipped, "edit-clear-symbolic",
                       g_strdup_printf (ngettext ("%u row is left out by the leaving year",
                                                  "%u rows are left out by the leaving year", r->skipped),
                                        r->skipped));
    }
  add_summary_row (self, r->repaired, "emblem-system-symbolic",
                   g_strdup_printf (ngettext ("%u code that had lost its leading zeros is repaired",
                                              "%u codes that had lost their leading zeros are repaired",
                                              r->repaired), r->repaired));

  if (r->added + r->updated > 0)
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
  g_clear_handle_id (&self->progress_source, g_source_remove);
  update_buttons (self);

  if (ok && !data->dry_run)
    {
      self->result = data->result;
      self->have_result = TRUE;
      g_signal_emit (self, signals[IMPORTED], 0);
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
          go_to_step (self, STEP_FILTERS);
          return;
        }
      show_ready (self, TRUE);
    }
  else
    {
      show_run_error (self, error);
    }

  update_buttons (self);
}

static void
start_run (HpImportAssistant *self,
           gboolean           dry_run)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  HpImport *import;
  RunData *data;

  g_assert (self->run == NULL);

  if (dry_run)
    self->have_dry_result = FALSE;

  import = create_import (self, &error);
  if (import == NULL)
    {
      show_run_error (self, error);
      update_buttons (self);
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

  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->stop_button));
}

static void
stop_clicked_cb (HpImportAssistant *self)
{
  g_cancellable_cancel (self->cancellable);
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
        go_to_step (self, STEP_PREVIEW);
      else
        open_chooser (self);
      break;
    case STEP_PREVIEW:
      go_to_step (self, STEP_MAPPING);
      break;
    case STEP_MAPPING:
      prepare_filters (self);
      go_to_step (self, STEP_FILTERS);
      break;
    case STEP_FILTERS:
      go_to_step (self, STEP_SUMMARY);
      start_run (self, TRUE);
      break;
    case STEP_SUMMARY:
      start_run (self, FALSE);
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
  go_to_step (self, self->step - 1);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_import_assistant_new:
 * @store: where the rows go
 * @kind: schools or graduates
 * @campaign: (nullable): the campaign graduates go to
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
  g_return_val_if_fail (kind == HP_IMPORT_SCHOOLS || kind == HP_IMPORT_GRADUATES, NULL);
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

  /* graduates: what the dry run said was for the old campaign */
  if (self->kind == HP_IMPORT_GRADUATES && self->step == STEP_SUMMARY)
    go_to_step (self, STEP_FILTERS);
  update_campaign_row (self);
  update_buttons (self);

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
  if (self->kind == HP_IMPORT_SCHOOLS)
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
  load_file (self, file);
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
  int i = find_field (self, field);

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

AdwComboRow *
_hp_import_assistant_get_school_row (HpImportAssistant *self)
{
  return self->school_row;
}

AdwComboRow *
_hp_import_assistant_get_year_row (HpImportAssistant *self)
{
  return self->year_row;
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

  title = self->kind == HP_IMPORT_SCHOOLS ? _("Import Schools") : _("Import Graduates");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->kind == HP_IMPORT_SCHOOLS)
    adw_status_page_set_description (self->choose_page,
                                     _("The official school directory, such as NRW’s “Schulgrunddaten”, "
                                       "as a CSV or Excel file. You can also drop the file here."));
  else
    adw_status_page_set_description (self->choose_page,
                                     _("The list of school leavers a school sent, as a CSV or Excel file. "
                                       "Names are optional. You can also drop the file here."));

  prepare_filters (self);

  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      load_file (self, file);
    }
  else
    go_to_step (self, STEP_CHOOSE);
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

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->dispose (object);
}

static void
hp_import_assistant_finalize (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  g_free (self->path);
  g_strfreev (self->header);
  g_strfreev (self->mapping);
  g_clear_pointer (&self->school_numbers, g_ptr_array_unref);
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
    g_param_spec_int ("kind", NULL, NULL, HP_IMPORT_SCHOOLS, HP_IMPORT_GRADUATES, HP_IMPORT_SCHOOLS,
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
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, year_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, year_value_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, filters_message);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, running_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, stop_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, ready_page);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, summary_list);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, error_label);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_campaign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_import_assistant_init (HpImportAssistant *self)
{
  GtkDropTarget *drop_target;

  self->mapping_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* a file dropped on the first step is chosen */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (file_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->choose_page), GTK_EVENT_CONTROLLER (drop_target));
}
