/* hp-import-preview-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's preview: the file is opened with
 * hp_table_reader_open(), with the encoding and delimiter the user chose or
 * detected ones, and its first rows are shown in a column view. Reading it
 * puts the file's header and the importer's guess of the mapping (by header
 * name) into the setup, for the columns step. The file is read again only
 * when it or the reading options change, so going back here keeps the
 * columns the user chose.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-preview-step.h"

#define PREVIEW_ROWS 20

struct _HpImportPreviewStep
{
  HpImportStep   parent_instance;

  /* Template widgets */
  AdwActionRow  *file_row;
  AdwComboRow   *encoding_row;
  AdwComboRow   *delimiter_row;
  GtkLabel      *preview_message;
  GtkColumnView *preview_view;

  /* Owned */
  char          *problem;       /* why the file cannot be imported */

  guint          loaded_serial; /* HpImportSetup.file_serial of the preview */

  guint          resetting : 1; /* the options go back to Automatic */
};

G_DEFINE_FINAL_TYPE (HpImportPreviewStep, hp_import_preview_step, HP_TYPE_IMPORT_STEP)

/* the positions of the encoding and delimiter rows' models */
static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "UTF-16" };
static const char delimiters[] = { 0, ';', ',', '\t' };

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

/* the widest a preview column shows a value */
#define PREVIEW_CHARS 44

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CHARS);
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
      const char *text = (guint) column < g_strv_length (fields) ? fields[column] : "";

      int length = (int) g_utf8_strlen (text, -1);

      gtk_label_set_label (label, text);
      /* The view scrolls sideways and gives each column only its cells'
       * least width: without this an ellipsizing label would shrink to
       * "…". Values show whole up to 44 characters (a school's name with
       * its town), longer ones cut, with the whole value as tooltip. */
      gtk_label_set_width_chars (label, MIN (length, PREVIEW_CHARS));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), length > PREVIEW_CHARS ? text : NULL);
    }
}

static void
add_preview_column (HpImportPreviewStep *self,
                    const char          *title,
                    int                  column)
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
set_problem (HpImportPreviewStep *self,
             const char          *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  hp_import_step_show_message (self->preview_message, problem);
}

static void
clear_preview (HpImportPreviewStep *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  gtk_column_view_set_model (self->preview_view, NULL);

  hp_import_setup_clear_file (hp_import_step_get_setup (HP_IMPORT_STEP (self)));
  set_problem (self, NULL);
}

/* Opens the file (again) with the chosen options, shows the first rows and
 * puts the header and the guessed mapping into the setup. */
static void
load_preview (HpImportPreviewStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  g_autoptr(HpTableReader) reader = NULL;
  g_autoptr(HpImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *detected = NULL;
  const char * const *header;
  const char * const *fields;
  HpTableOptions options;
  gboolean is_xlsx;
  guint line = 0;

  clear_preview (self);
  if (setup->path == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, "");
      set_problem (self, _("Only files on this computer can be imported."));
      return;
    }

  hp_import_setup_get_options (setup, &options);
  reader = hp_table_reader_open (setup->path, &options, &error);
  if (reader == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, "");
      set_problem (self, error->message);
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
    hp_import_step_show_message (self->preview_message, error->message);
  g_clear_error (&error);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  /* the importer's own guess, by header name */
  import = hp_import_new (setup->store, setup->kind, setup->path, &options, &error);
  if (import == NULL)
    {
      set_problem (self, error->message);
      return;
    }

  setup->header = g_strdupv ((char **) header);
  for (guint i = 0; i < setup->n_fields; i++)
    hp_import_setup_set_mapping (setup, i, hp_import_get_mapping (import, hp_import_setup_get_field (setup, i)->name));
}

static void
options_changed_cb (HpImportPreviewStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->resetting)
    return;

  setup->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
  setup->delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
  if (self->loaded_serial != 0)
    {
      load_preview (self);
      hp_import_step_changed (HP_IMPORT_STEP (self));
    }
}

static void
hp_import_preview_step_enter (HpImportStep *step)
{
  HpImportPreviewStep *self = HP_IMPORT_PREVIEW_STEP (step);
  HpImportSetup *setup = hp_import_step_get_setup (step);
  g_autofree char *basename = NULL;

  if (setup->file == NULL || self->loaded_serial == setup->file_serial)
    return;

  self->loaded_serial = setup->file_serial;
  basename = g_file_get_basename (setup->file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename ? basename : "");

  /* another file: detect how to read it */
  self->resetting = TRUE;
  adw_combo_row_set_selected (self->encoding_row, 0);
  adw_combo_row_set_selected (self->delimiter_row, 0);
  self->resetting = FALSE;
  setup->encoding = NULL;
  setup->delimiter = 0;

  load_preview (self);
}

static char *
hp_import_preview_step_dup_problem (HpImportStep *step)
{
  HpImportPreviewStep *self = HP_IMPORT_PREVIEW_STEP (step);

  if (self->problem != NULL)
    return g_strdup (self->problem);
  if (hp_import_step_get_setup (step)->header == NULL)
    return g_strdup (_("Choose a file first."));

  return NULL;
}

AdwActionRow *
hp_import_preview_step_get_file_row (HpImportPreviewStep *self)
{
  return self->file_row;
}

AdwComboRow *
hp_import_preview_step_get_encoding_row (HpImportPreviewStep *self)
{
  return self->encoding_row;
}

AdwComboRow *
hp_import_preview_step_get_delimiter_row (HpImportPreviewStep *self)
{
  return self->delimiter_row;
}

GtkColumnView *
hp_import_preview_step_get_view (HpImportPreviewStep *self)
{
  return self->preview_view;
}

GtkLabel *
hp_import_preview_step_get_message (HpImportPreviewStep *self)
{
  return self->preview_message;
}

static void
hp_import_preview_step_finalize (GObject *object)
{
  HpImportPreviewStep *self = HP_IMPORT_PREVIEW_STEP (object);

  g_free (self->problem);

  G_OBJECT_CLASS (hp_import_preview_step_parent_class)->finalize (object);
}

static void
hp_import_preview_step_class_init (HpImportPreviewStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpImportStepClass *step_class = HP_IMPORT_STEP_CLASS (klass);

  object_class->finalize = hp_import_preview_step_finalize;
  step_class->enter = hp_import_preview_step_enter;
  step_class->dup_problem = hp_import_preview_step_dup_problem;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-preview-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportPreviewStep, file_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportPreviewStep, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportPreviewStep, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportPreviewStep, preview_message);
  gtk_widget_class_bind_template_child (widget_class, HpImportPreviewStep, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
}

static void
hp_import_preview_step_init (HpImportPreviewStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
