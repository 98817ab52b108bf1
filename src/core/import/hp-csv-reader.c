/* hp-csv-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV backend of HpTableReader. It streams: the file is read in chunks,
 * converted to UTF-8 by a GCharsetConverter where needed, split into
 * physical lines here (LF, CRLF and CR-only), and fed to libcsv line by line,
 * which does the quoting (embedded line breaks, doubled quotes). Feeding by
 * line is what lets every record know the physical line it starts on.
 *
 * Before parsing, one pass over the bytes decides the encoding: a BOM says it
 * (UTF-8, UTF-16 LE/BE); bytes that are valid UTF-8 are UTF-8; anything else
 * is what uchardet says, and for 8-bit text that is taken as Windows-1252,
 * the superset of Latin-1 that Excel writes (€, „“ survive). NUL bytes are
 * refused: they mean a binary file or UTF-16 without a BOM.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <uchardet.h>

#include <glib/gi18n-lib.h>

#include "hp-table-reader-private.h"

#define CHUNK_SIZE       (64 * 1024)
#define DETECT_SIZE      (256 * 1024)
#define DELIMITER_LINES  30    /* records looked at for the delimiter */

/* libcsv's parser states (csv.h keeps the state in the public struct; the
 * values are libcsv's ROW_NOT_BEGUN and FIELD_BEGUN). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN   2

typedef struct
{
  GPtrArray *fields;
  guint      line;
} CsvRecord;

typedef struct
{
  HpTableReader    *reader;      /* Borrowed */

  GFileInputStream *file;
  GInputStream     *text;        /* UTF-8: the file itself or a converter over it */
  goffset           size;

  struct csv_parser parser;
  gboolean          parser_ready;

  char             *buf;         /* decoded text */
  gsize             buf_len;
  gsize             buf_pos;
  gboolean          eof;

  GString          *line;        /* the physical line being assembled */
  guint             line_no;     /* number of the next line to be fed */
  guint             record_start;
  gboolean          first_line;

  GPtrArray        *current;     /* fields of the record being parsed */
  GQueue           *ready;       /* CsvRecord * */
  GPtrArray        *spare;       /* an emptied field array, for the next record */
} Csv;

static void
csv_record_free (gpointer data)
{
  CsvRecord *record = data;

  g_clear_pointer (&record->fields, g_ptr_array_unref);
  g_free (record);
}

static void
csv_free_data (gpointer data)
{
  Csv *csv = data;

  if (csv->parser_ready)
    csv_free (&csv->parser);
  g_clear_object (&csv->text);
  g_clear_object (&csv->file);
  g_free (csv->buf);
  g_string_free (csv->line, TRUE);
  g_ptr_array_unref (csv->current);
  g_clear_pointer (&csv->spare, g_ptr_array_unref);
  g_queue_free_full (csv->ready, csv_record_free);
  g_free (csv);
}

/* ------------------------------------------------------------------------ */
/* Encoding                                                                  */

static char *
encoding_from_uchardet (const char *data,
                        gsize       len)
{
  uchardet_t detector = uchardet_new ();
  g_autofree char *charset = NULL;

  uchardet_handle_data (detector, data, len);
  uchardet_data_end (detector);
  charset = g_ascii_strup (uchardet_get_charset (detector), -1);
  uchardet_delete (detector);

  if (g_str_has_prefix (charset, "UTF-16") || g_str_has_prefix (charset, "UTF-32"))
    return g_steal_pointer (&charset);

  /* German office files that are not UTF-8 are Windows-1252 (or its subset
   * Latin-1), whatever similar 8-bit code page uchardet guesses. */
  return g_strdup ("WINDOWS-1252");
}

/* Counts the physical lines in @data up to @len (for messages). */
static guint
count_lines (const char *data,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
      n++;

  return n;
}

/* One pass over the bytes: is it UTF-8, is there a NUL byte? */
static gboolean
detect_encoding (Csv         *csv,
                 char       **out_encoding,
                 gsize       *out_skip,
                 GError     **error)
{
  HpTableReader *reader = csv->reader;
  g_autofree char *chunk = g_malloc (CHUNK_SIZE + 4);
  g_autoptr(GString) head = g_string_new (NULL);
  gboolean valid_utf8 = TRUE;
  gsize carry = 0;
  guint lines = 0;
  gssize n;

  *out_skip = 0;

  while ((n = g_input_stream_read (G_INPUT_STREAM (csv->file), chunk + carry, CHUNK_SIZE, NULL, error)) > 0)
    {
      gsize len = carry + (gsize) n;
      const char *end = NULL;
      const char *nul;

      if (head->len < DETECT_SIZE)
        g_string_append_len (head, chunk + carry, MIN ((gsize) n, DETECT_SIZE - head->len));

      /* UTF-16 with a BOM: NULs are part of the text; checked after decoding. */
      if (head->len >= 2 && (memcmp (head->str, "\xff\xfe", 2) == 0 || memcmp (head->str, "\xfe\xff", 2) == 0))
        break;

      nul = memchr (chunk, '\0', len);
      if (nul != NULL)
        {
          _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_ENCODING,
                                      lines + count_lines (chunk, nul - chunk) + 1,
                                      _("The file contains NUL bytes: it is not a text file, or it is UTF-16 "
                                        "without a byte order mark. Save it again as CSV (UTF-8)."));
          return FALSE;
        }

      if (valid_utf8 && !g_utf8_validate_len (chunk, len, &end))
        {
          /* An incomplete sequence at the end of the chunk is fine. */
          gsize rest = len - (gsize) (end - chunk);

          if (rest < 4 && g_utf8_get_char_validated (end, rest) == (gunichar) -2)
            {
              memmove (chunk, end, rest);
              lines += count_lines (chunk, len - rest);
              carry = rest;
              continue;
            }
          valid_utf8 = FALSE;
        }

      lines += count_lines (chunk, len);
      carry = 0;
    }

  if (n < 0)
    return FALSE;

  if (head->len >= 3 && memcmp (head->str, "\xef\xbb\xbf", 3) == 0)
    {
      *out_encoding = g_strdup ("UTF-8");
      *out_skip = 3;
    }
  else if (head->len >= 2 && memcmp (head->str, "\xff\xfe", 2) == 0)
    {
      *out_encoding = g_strdup ("UTF-16LE");
      *out_skip = 2;
    }
  else if (head->len >= 2 && memcmp (head->str, "\xfe\xff", 2) == 0)
    {
      *out_encoding = g_strdup ("UTF-16BE");
      *out_skip = 2;
    }
  else if (valid_utf8 && carry == 0)
    *out_encoding = g_strdup ("UTF-8");
  else
    *out_encoding = encoding_from_uchardet (head->str, head->len);

  return TRUE;
}

static gboolean
open_text_stream (Csv         *csv,
                  const char  *encoding,
                  gsize        skip,
                  GError     **error)
{
  if (!g_seekable_seek (G_SEEKABLE (csv->file), (goffset) skip, G_SEEK_SET, NULL, error))
    return FALSE;

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      csv->text = g_object_ref (G_INPUT_STREAM (csv->file));
      return TRUE;
    }

  {
    g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", encoding, error);

    if (converter == NULL)
      {
        g_prefix_error (error, "%s: ", csv->reader->display_name);
        return FALSE;
      }
    csv->text = g_converter_input_stream_new (G_INPUT_STREAM (csv->file), G_CONVERTER (converter));
  }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading text                                                              */

/* Refills the text buffer; FALSE on error. Sets eof at the end. */
static gboolean
fill_buffer (Csv     *csv,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (csv->buf_pos < csv->buf_len || csv->eof)
    return TRUE;

  n = g_input_stream_read (csv->text, csv->buf, CHUNK_SIZE, NULL, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
          g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
        {
          g_autofree char *message = g_strdup_printf (_("The text is not valid %s."), csv->reader->encoding);

          _hp_table_reader_set_error (csv->reader, error, HP_IMPORT_ERROR_ENCODING, csv->line_no, message);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n == 0)
    csv->eof = TRUE;

  if (memchr (csv->buf, '\0', (gsize) n) != NULL)
    {
      _hp_table_reader_set_error (csv->reader, error, HP_IMPORT_ERROR_ENCODING, csv->line_no,
                                  _("The file contains NUL characters: it is not a text file."));
      return FALSE;
    }

  csv->buf_len = (gsize) n;
  csv->buf_pos = 0;
  return TRUE;
}

/* Reads the next physical line, terminator included, into csv->line.
 * Returns FALSE at the end (line empty) or on error. */
static gboolean
read_line (Csv      *csv,
           gboolean *out_have_line,
           GError  **error)
{
  g_string_truncate (csv->line, 0);
  *out_have_line = FALSE;

  for (;;)
    {
      const char *start;
      const char *p;
      const char *end;

      if (!fill_buffer (csv, error))
        return FALSE;

      if (csv->buf_pos >= csv->buf_len)
        {
          *out_have_line = csv->line->len > 0;
          return TRUE;
        }

      start = csv->buf + csv->buf_pos;
      end = csv->buf + csv->buf_len;

      /* A CR that ended the previous chunk may be followed by this LF. */
      if (csv->line->len > 0 && csv->line->str[csv->line->len - 1] == '\r')
        {
          if (*start == '\n')
            {
              g_string_append_c (csv->line, '\n');
              csv->buf_pos++;
            }
          *out_have_line = TRUE;
          return TRUE;
        }

      for (p = start; p < end && *p != '\n' && *p != '\r'; p++)
        ;

      if (p == end)
        {
          g_string_append_len (csv->line, start, end - start);
          csv->buf_pos = csv->buf_len;
          continue;
        }

      if (*p == '\r')
        {
          if (p + 1 < end)
            {
              gsize len = (p + 1 < end && p[1] == '\n') ? 2 : 1;

              g_string_append_len (csv->line, start, (p - start) + len);
              csv->buf_pos += (p - start) + len;
              *out_have_line = TRUE;
              return TRUE;
            }

          /* CR at the end of the chunk: look at the next one first. */
          g_string_append_len (csv->line, start, (p - start) + 1);
          csv->buf_pos = csv->buf_len;
          continue;
        }

      g_string_append_len (csv->line, start, (p - start) + 1);
      csv->buf_pos += (p - start) + 1;
      *out_have_line = TRUE;
      return TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Delimiter                                                                 */

static gboolean
is_sep_line (const char *line,
             char       *out_delimiter)
{
  if (!g_str_has_prefix (line, "sep=") || line[4] == '\0')
    return FALSE;

  for (const char *p = line + 5; *p; p++)
    if (*p != '\r' && *p != '\n' && *p != ' ')
      return FALSE;

  *out_delimiter = line[4];
  return TRUE;
}

/* The candidate that splits the first records most consistently. Quotes are
 * followed across line breaks, so a quoted cell with tabs or line breaks in
 * it does not vote. */
static char
guess_delimiter (const char *text,
                 gsize       len)
{
  static const char candidates[] = { ';', ',', '\t' };
  char best = ';';
  guint best_score = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
      gboolean quoted = FALSE;
      guint mode_lines = 0;
      guint records = 0;
      guint n = 0;

      for (gsize i = 0; i <= len && records < DELIMITER_LINES; i++)
        {
          char ch = i < len ? text[i] : '\n';

          if (ch == '"')
            quoted = !quoted;
          else if (!quoted && ch == candidates[c])
            n++;
          else if (!quoted && (ch == '\n' || ch == '\r'))
            {
              if (n > 0)
                {
                  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;

                  g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (seen));
                  mode_lines = MAX (mode_lines, seen);
                  records++;
                }
              n = 0;
            }
        }

      if (mode_lines > best_score)
        {
          best = candidates[c];
          best_score = mode_lines;
        }
    }

  return best;
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Csv *csv = user_data;

  g_ptr_array_add (csv->current, g_strndup (data, len));
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Csv *csv = user_data;
  CsvRecord *record = g_new0 (CsvRecord, 1);

  record->fields = g_steal_pointer (&csv->current);
  record->line = csv->record_start;
  g_queue_push_tail (csv->ready, record);
  csv->current = csv->spare ? g_steal_pointer (&csv->spare) : g_ptr_array_new_with_free_func (g_free);
}

static gboolean
feed_line (Csv      *csv,
           GError  **error)
{
  char delimiter;

  if (csv->first_line)
    {
      csv->first_line = FALSE;
      /* Excel's hint line, not data. */
      if (is_sep_line (csv->line->str, &delimiter))
        {
          csv->line_no++;
          return TRUE;
        }
    }

  if (csv->parser.pstate == CSV_ROW_NOT_BEGUN)
    csv->record_start = csv->line_no;

  if (csv_parse (&csv->parser, csv->line->str, csv->line->len, field_cb, row_cb, csv) != csv->line->len)
    {
      _hp_table_reader_set_error (csv->reader, error, HP_IMPORT_ERROR_FORMAT, csv->line_no,
                                  csv_strerror (csv_error (&csv->parser)));
      return FALSE;
    }

  csv->line_no++;
  return TRUE;
}

static gboolean
csv_next (HpTableReader  *reader,
          GPtrArray      *fields,
          guint          *out_line,
          GError        **error)
{
  Csv *csv = reader->backend_data;

  while (g_queue_is_empty (csv->ready))
    {
      gboolean have_line = FALSE;

      if (!read_line (csv, &have_line, error))
        return FALSE;

      if (!have_line)
        {
          if (!csv->parser_ready)
            return FALSE;

          /* A quote still open at the end swallowed the rest of the file. */
          if ((csv->parser.pstate == CSV_FIELD_BEGUN && csv->parser.quoted) ||
              csv_fini (&csv->parser, field_cb, row_cb, csv) != 0)
            {
              _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, csv->record_start,
                                          _("A quoted field that starts on this line is never closed."));
              return FALSE;
            }
          csv_free (&csv->parser);
          csv->parser_ready = FALSE;
          continue;
        }

      if (!feed_line (csv, error))
        return FALSE;
    }

  {
    CsvRecord *record = g_queue_pop_head (csv->ready);

    /* Hand the strings over and keep the array for the next record. */
    for (guint i = 0; i < record->fields->len; i++)
      g_ptr_array_add (fields, g_steal_pointer (&g_ptr_array_index (record->fields, i)));
    g_ptr_array_set_size (record->fields, 0);
    *out_line = record->line;
    if (csv->spare == NULL)
      csv->spare = g_steal_pointer (&record->fields);
    csv_record_free (record);
  }

  return TRUE;
}

static double
csv_progress (HpTableReader *reader)
{
  Csv *csv = reader->backend_data;

  if (csv->size <= 0)
    return 1.0;

  return CLAMP ((double) g_seekable_tell (G_SEEKABLE (csv->file)) / (double) csv->size, 0.0, 1.0);
}

static const HpTableBackend csv_backend = {
  csv_next,
  csv_progress,
  csv_free_data,
};

static int
is_space (unsigned char c)
{
  /* Only blanks around unquoted fields; a tab may be the delimiter. */
  return c == CSV_SPACE;
}

gboolean
_hp_csv_reader_open (HpTableReader         *reader,
                     const HpTableOptions  *options,
                     GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (reader->path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *encoding = NULL;
  Csv *csv;
  gsize skip = 0;
  char delimiter = options ? options->delimiter : 0;

  csv = g_new0 (Csv, 1);
  csv->reader = reader;
  csv->buf = g_malloc (CHUNK_SIZE);
  csv->line = g_string_new (NULL);
  csv->line_no = 1;
  csv->first_line = TRUE;
  csv->current = g_ptr_array_new_with_free_func (g_free);
  csv->ready = g_queue_new ();
  reader->backend = &csv_backend;
  reader->backend_data = csv;
  reader->format = "CSV";

  csv->file = g_file_read (file, NULL, error);
  if (csv->file == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (csv->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  csv->size = info ? g_file_info_get_size (info) : 0;

  if (!detect_encoding (csv, &encoding, &skip, error))
    return FALSE;

  if (options != NULL && options->encoding != NULL)
    {
      g_free (encoding);
      encoding = g_strdup (options->encoding);
    }
  reader->encoding = g_steal_pointer (&encoding);

  if (!open_text_stream (csv, reader->encoding, skip, error) || !fill_buffer (csv, error))
    return FALSE;

  /* A BOM that survived conversion (UTF-8 text saved with two) */
  if (csv->buf_len >= 3 && memcmp (csv->buf, "\xef\xbb\xbf", 3) == 0)
    csv->buf_pos = 3;

  if (delimiter == 0 && !is_sep_line (csv->buf + csv->buf_pos, &delimiter))
    delimiter = guess_delimiter (csv->buf + csv->buf_pos, csv->buf_len - csv->buf_pos);
  reader->delimiter = delimiter;

  if (csv_init (&csv->parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FAILED, g_strerror (ENOMEM));
      return FALSE;
    }
  csv->parser_ready = TRUE;
  csv_set_delim (&csv->parser, (unsigned char) delimiter);
  csv_set_space_func (&csv->parser, is_space);

  return TRUE;
}
