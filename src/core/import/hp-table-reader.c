/* hp-table-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpTableReader: the part common to CSV and XLSX. The backend delivers raw
 * records; here the header is found among the first records (skipping title
 * lines above it), and every later record is held to the header's width:
 * extra empty fields are dropped, a row with extra values or missing fields is
 * an error that names its physical line.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hp-table-reader-private.h"

/* How many records to look at for the header. */
#define HEADER_SCAN_RECORDS 25

G_DEFINE_QUARK (hp-import-error-quark, hp_import_error)

typedef struct
{
  GPtrArray *fields;   /* char * */
  guint      line;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

void
_hp_table_reader_set_error (HpTableReader  *self,
                            GError        **error,
                            HpImportError   code,
                            guint           line,
                            const char     *message)
{
  if (line > 0)
    /* TRANSLATORS: "FILE, line N: problem" */
    g_set_error (error, HP_IMPORT_ERROR, code, _("%s, line %u: %s"), self->display_name, line, message);
  else
    g_set_error (error, HP_IMPORT_ERROR, code, "%s: %s", self->display_name, message);
}

/* Fields up to the last non-empty one. */
static guint
trimmed_width (GPtrArray *fields)
{
  guint width = fields->len;

  while (width > 0 && *(const char *) g_ptr_array_index (fields, width - 1) == '\0')
    width--;

  return width;
}

static guint
count_non_empty (GPtrArray *fields)
{
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    if (*(const char *) g_ptr_array_index (fields, i) != '\0')
      n++;

  return n;
}

static gboolean
read_raw (HpTableReader  *self,
          Record        **out_record,
          GError        **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint line = 0;

  for (;;)
    {
      g_ptr_array_set_size (fields, 0);
      if (!self->backend->next (self, fields, &line, error))
        {
          *out_record = NULL;
          return error == NULL || *error == NULL;
        }

      /* Blank lines and rows of empty cells carry nothing. */
      if (count_non_empty (fields) > 0)
        break;
    }

  *out_record = g_new0 (Record, 1);
  (*out_record)->fields = g_steal_pointer (&fields);
  (*out_record)->line = line;
  return TRUE;
}

/* Column names: no field is a number or a date ("123456", "01.02.2009",
 * "5,5"), and there are at least two of them. */
static gboolean
looks_like_names (GPtrArray *fields)
{
  guint width = trimmed_width (fields);

  if (width < 2)
    return FALSE;

  for (guint i = 0; i < width; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      gboolean digits = FALSE;
      gboolean other = FALSE;

      for (const char *p = field; *p; p++)
        {
          if (g_ascii_isdigit (*p))
            digits = TRUE;
          else if (!strchr (" .,:-/+", *p))
            other = TRUE;
        }
      if (digits && !other)
        return FALSE;
    }

  return TRUE;
}

/* The header is the first record that is (nearly) full at the width most
 * records below have: title lines ("Schülerliste 2027", or "Titel;;;;") are
 * not, and a header with a trailing delimiter has one empty field more. */
static gboolean
find_header (HpTableReader         *self,
             const HpTableOptions  *options,
             GError               **error)
{
  g_autoptr(GHashTable) width_counts = g_hash_table_new (NULL, NULL);
  guint mode_width = 0;
  guint mode_count = 0;
  Record *header = NULL;
  Record *candidate = NULL;   /* the last full line of names skipped */

  for (guint i = 0; i < HEADER_SCAN_RECORDS; i++)
    {
      Record *record = NULL;

      if (!read_raw (self, &record, error))
        return FALSE;
      if (record == NULL)
        break;
      g_queue_push_tail (self->lookahead, record);
    }

  if (g_queue_is_empty (self->lookahead))
    {
      self->empty = TRUE;
      _hp_table_reader_set_error (self, error, HP_IMPORT_ERROR_FORMAT, 0, _("The file is empty."));
      return FALSE;
    }

  for (GList *l = self->lookahead->head; l != NULL; l = l->next)
    {
      Record *record = l->data;
      guint width = trimmed_width (record->fields);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (width_counts, GUINT_TO_POINTER (width))) + 1;

      g_hash_table_insert (width_counts, GUINT_TO_POINTER (width), GUINT_TO_POINTER (count));
      if (width >= 2 && (count > mode_count || (count == mode_count && width > mode_width)))
        {
          mode_width = width;
          mode_count = count;
        }
    }

  while (!g_queue_is_empty (self->lookahead))
    {
      Record *record = g_queue_peek_head (self->lookahead);
      guint width = trimmed_width (record->fields);
      gboolean forced = options != NULL && options->header_line > 0;

      /* (A table of one column has its header on the first line.) */
      if ((forced && record->line >= options->header_line) ||
          (!forced && mode_width == 0) ||
          (!forced && width >= 2 && width >= mode_width &&
           count_non_empty (record->fields) * 5 >= width * 4))
        {
          header = g_queue_pop_head (self->lookahead);
          break;
        }

      if (!forced && width >= 2 && count_non_empty (record->fields) == width && looks_like_names (record->fields))
        {
          g_clear_pointer (&candidate, record_free);
          candidate = g_queue_pop_head (self->lookahead);
        }
      else
        record_free (g_queue_pop_head (self->lookahead));
    }

  if (header == NULL)
    {
      _hp_table_reader_set_error (self, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("No header line with column names was found."));
      return FALSE;
    }

  /* Rows wider than their header (an unquoted delimiter in a value) make
   * the first data row look like the header: a full line of names above it
   * is the header then, and the rows below it are reported as too wide. */
  if (candidate != NULL && !looks_like_names (header->fields) && looks_like_names (candidate->fields))
    {
      g_queue_push_head (self->lookahead, header);
      header = g_steal_pointer (&candidate);
    }
  g_clear_pointer (&candidate, record_free);

  self->header_line = header->line;
  self->n_columns = trimmed_width (header->fields);
  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (self->header, g_strstrip (g_strdup (g_ptr_array_index (header->fields, i))));
  g_ptr_array_add (self->header, NULL);

  record_free (header);
  return TRUE;
}

HpTableReader *
hp_table_reader_open (const char            *path,
                      const HpTableOptions  *options,
                      GError               **error)
{
  g_autoptr(HpTableReader) self = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (HpTableReader, 1);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->raw = g_ptr_array_new_with_free_func (g_free);
  self->lookahead = g_queue_new ();

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist or is not a file."),
                   self->display_name);
      return NULL;
    }

  if (_hp_xlsx_reader_sniff (path))
    ok = _hp_xlsx_reader_open (self, options, error);
  else if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".xlsm") ||
           g_str_has_suffix (path, ".XLSX"))
    {
      _hp_table_reader_set_error (self, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("The file is named like an Excel workbook but is not one. "
                                    "Open it in its program and save it as .xlsx or CSV."));
      ok = FALSE;
    }
  else
    ok = _hp_csv_reader_open (self, options, error);

  if (!ok)
    return NULL;

  if (!find_header (self, options, error))
    {
      /* An XLSX whose first sheet is empty: the first sheet with data */
      if (self->empty && self->worksheets != NULL && (options == NULL || options->sheet == NULL))
        {
          HpTableOptions next = options != NULL ? *options : (HpTableOptions) { 0 };
          gboolean past = FALSE;

          for (guint i = 0; self->worksheets[i] != NULL; i++)
            {
              g_autoptr(GError) local_error = NULL;
              HpTableReader *other;

              if (!past)
                {
                  past = g_strcmp0 (self->worksheets[i], self->sheet) == 0;
                  continue;
                }

              next.sheet = self->worksheets[i];
              other = hp_table_reader_open (path, &next, &local_error);
              if (other != NULL)
                {
                  g_clear_error (error);
                  return other;
                }
              if (!g_error_matches (local_error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT))
                {
                  g_clear_error (error);
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
            }
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

static gboolean
row_length_error (HpTableReader  *self,
                  guint           n_fields,
                  guint           line,
                  GError        **error)
{
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "The row has %u field, but the header has %u columns.",
                                  "The row has %u fields, but the header has %u columns.", n_fields),
                     n_fields, self->n_columns);

  _hp_table_reader_set_error (self, error, HP_IMPORT_ERROR_ROW_LENGTH, line, message);
  return FALSE;
}

gboolean
hp_table_reader_next (HpTableReader         *self,
                      const char * const   **out_fields,
                      guint                 *out_line,
                      GError               **error)
{
  GPtrArray *raw;
  guint line = 0;
  guint width;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_fields != NULL, FALSE);

  /* The records read while looking for the header come first; after them
   * the backend fills one reused array: no allocation per record here. */
  if (!g_queue_is_empty (self->lookahead))
    {
      Record *record = g_queue_pop_head (self->lookahead);

      g_ptr_array_set_size (self->raw, 0);
      g_ptr_array_extend_and_steal (self->raw, g_steal_pointer (&record->fields));
      line = record->line;
      g_free (record);
    }
  else
    {
      do
        {
          g_ptr_array_set_size (self->raw, 0);
          if (!self->backend->next (self, self->raw, &line, error))
            return FALSE;
        }
      while (count_non_empty (self->raw) == 0);
    }

  raw = self->raw;
  width = trimmed_width (raw);

  /* Extra values, or (CSV) too few fields: a row that lost its tail. An
   * XLSX row simply has its last cells empty. */
  if (width > self->n_columns)
    return row_length_error (self, width, line, error);
  if (raw->len < self->n_columns && g_str_equal (self->format, "CSV"))
    return row_length_error (self, raw->len, line, error);

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (self->fields, i < raw->len ? g_steal_pointer (&g_ptr_array_index (raw, i)) : g_strdup (""));
  g_ptr_array_add (self->fields, NULL);

  *out_fields = (const char * const *) self->fields->pdata;
  if (out_line != NULL)
    *out_line = line;

  return TRUE;
}

gboolean
_hp_table_reader_next_raw (HpTableReader  *self,
                           GPtrArray     **out_fields,
                           guint          *out_line,
                           GError        **error)
{
  guint line = 0;

  if (!g_queue_is_empty (self->lookahead))
    {
      Record *record = g_queue_pop_head (self->lookahead);

      g_ptr_array_set_size (self->raw, 0);
      g_ptr_array_extend_and_steal (self->raw, g_steal_pointer (&record->fields));
      line = record->line;
      g_free (record);
    }
  else
    do
      {
        g_ptr_array_set_size (self->raw, 0);
        if (!self->backend->next (self, self->raw, &line, error))
          return FALSE;
      }
    while (count_non_empty (self->raw) == 0);

  *out_fields = self->raw;
  if (out_line != NULL)
    *out_line = line;
  return TRUE;
}

const char * const *
hp_table_reader_get_header (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->header->pdata;
}

guint
hp_table_reader_get_n_columns (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

guint
hp_table_reader_get_header_line (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header_line;
}

const char *
hp_table_reader_get_format (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

const char *
hp_table_reader_get_encoding (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

char
hp_table_reader_get_delimiter (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->delimiter;
}

const char *
hp_table_reader_get_sheet (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sheet;
}

const char *
hp_table_reader_get_display_name (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

double
hp_table_reader_get_progress (HpTableReader *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->backend ? self->backend->progress (self) : 0.0;
}

void
hp_table_reader_free (HpTableReader *self)
{
  if (self == NULL)
    return;

  if (self->backend != NULL)
    self->backend->free (self->backend_data);
  if (self->lookahead != NULL)
    g_queue_free_full (self->lookahead, record_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->raw, g_ptr_array_unref);
  g_free (self->encoding);
  g_free (self->display_name);
  g_free (self->sheet);
  g_strfreev (self->worksheets);
  g_free (self->path);
  g_free (self);
}
