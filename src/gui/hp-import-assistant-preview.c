/* hp-import-assistant-preview.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's first two steps: choosing the file (the file
 * chooser, or a file dropped on the first step) and the preview. The file is
 * opened with hp_table_reader_open(), with the encoding and delimiter the
 * user chose or detected ones, and its first rows are shown in a column view;
 * the importer's guess of the column mapping, by header name, goes to the
 * columns step (hp-import-assistant-mapping.c).
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-import-assistant-internal.h"

#define PREVIEW_ROWS 20

/* the positions of the encoding and delimiter rows' models */
static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "UTF-16" };
static const char delimiters[] = { 0, ';', ',', '\t' };

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

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
  _hp_import_assistant_clear_mapping (self);
  self->readable = FALSE;
  self->have_dry_result = FALSE;
  _hp_import_assistant_set_label_message (self->preview_message, NULL);
}

void
_hp_import_assistant_get_options (HpImportAssistant *self,
                                  HpTableOptions    *options)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  memset (options, 0, sizeof *options);
  options->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
  options->delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
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

  _hp_import_assistant_get_options (self, &options);
  reader = hp_table_reader_open (self->path, &options, &error);
  if (reader == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, "");
      _hp_import_assistant_set_label_message (self->preview_message, error->message);
      _hp_import_assistant_rebuild_mapping_rows (self);
      _hp_import_assistant_update_buttons (self);
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
    _hp_import_assistant_set_label_message (self->preview_message, error->message);
  g_clear_error (&error);

  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));

  /* the importer's own guess, by header name */
  import = hp_import_new (self->store, self->kind, self->path, &options, &error);
  if (import == NULL)
    _hp_import_assistant_set_label_message (self->preview_message, error->message);
  else
    {
      for (guint i = 0; i < self->n_fields; i++)
        self->mapping[i] = g_strdup (hp_import_get_mapping (import, _hp_import_assistant_get_field (self, i)->name));
      self->readable = TRUE;
    }

  _hp_import_assistant_rebuild_mapping_rows (self);
  _hp_import_assistant_update_buttons (self);
}

static void
options_changed_cb (HpImportAssistant *self)
{
  if (self->path != NULL)
    load_preview (self);
}

/* ------------------------------------------------------------------------ */
/* 1. Choose a file                                                          */

void
_hp_import_assistant_load_file (HpImportAssistant *self,
                                GFile             *file)
{
  g_autofree char *basename = NULL;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->path, g_free);
  self->path = g_file_get_path (file);
  basename = g_file_get_basename (file);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename ? basename : "");
  _hp_import_assistant_go_to_step (self, STEP_PREVIEW);

  if (self->path == NULL)
    {
      clear_preview (self);
      _hp_import_assistant_set_label_message (self->preview_message, _("Only files on this computer can be imported."));
      _hp_import_assistant_update_buttons (self);
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
        _hp_import_assistant_load_file (self, file);
    }

  g_clear_object (&self->chooser);
}

void
_hp_import_assistant_open_chooser (HpImportAssistant *self)
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

  self->chooser = gtk_file_chooser_native_new (_hp_import_assistant_get_title (self),
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
  _hp_import_assistant_open_chooser (self);
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
      _hp_import_assistant_load_file (self, files->data);
      accepted = TRUE;
    }

  g_slist_free (files);
  return accepted;
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_import_assistant_preview_init (HpImportAssistant *self)
{
  GtkDropTarget *drop_target;

  /* a file dropped on the first step is chosen */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (file_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->choose_page), GTK_EVENT_CONTROLLER (drop_target));
}

void
_hp_import_assistant_preview_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
}
