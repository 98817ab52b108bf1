/* hp-xlsx-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX backend of HpTableReader, second half: the rows of one sheet
 * (hp-xlsx-workbook.c has read what the workbook says about itself first).
 * The sheet part stays open, streaming through libarchive and libxml2's
 * xmlTextReader: every `next` pulls XML nodes until one <row> is complete,
 * so only the shared strings and one row are ever in memory, however long
 * the sheet.
 *
 * Cells come out as a person would type them: strings as they are, numbers
 * without exponent or ".0", TRUE/FALSE, error texts (#N/A), and numbers in a
 * date style as YYYY-MM-DD (Excel's 1900 leap-year bug and the 1904 system
 * included; a date-time with a time as YYYY-MM-DDTHH:MM, a time as HH:MM).
 * Cells sit at the column their reference names; the record ends at its last
 * non-empty cell, and its line is the row number.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <math.h>     /* isfinite, fabs: no libm */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hp-xlsx-private.h"

#define MAX_COLUMNS  16384                /* XFD, Excel's last column */
#define MAX_SERIAL   2958466.0            /* 10000-01-01 */
#define EXACT_LIMIT  9007199254740992.0   /* 2^53: doubles hold integers exactly below */

typedef enum
{
  CELL_NUMBER,     /* no t, t="n" */
  CELL_SHARED,     /* t="s" */
  CELL_INLINE,     /* t="inlineStr" */
  CELL_STRING,     /* t="str", a formula's text */
  CELL_BOOLEAN,    /* t="b" */
  CELL_ERROR,      /* t="e" */
  CELL_ISO_DATE,   /* t="d" */
} CellType;

typedef struct
{
  HpTableReader *reader;       /* Borrowed */

  HpXlsxBook     book;
  HpXlsxStream   sheet;

  GPtrArray     *row;          /* char *, the row being assembled */
  GString       *value;        /* scratch */
  guint          row_number;
  guint          next_column;
  gboolean       in_row;
  guint          last_row;     /* from <dimension>, 0 if unknown */
  goffset        file_size;
  double         progress;
  gboolean       done;
} Xlsx;

/* ------------------------------------------------------------------------ */
/* Cell values                                                                */

/* A number as a person would type it: 5958004, 1.5, 0.00001. */
static char *
format_number (double value)
{
  char buf[64];
  char format[16];
  char *end;
  int decimals = 14;

  if (value == 0)
    return g_strdup ("0");
  if (fabs (value) < EXACT_LIMIT && value == (double) (gint64) value)
    return g_strdup_printf ("%.0f", value);

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (strchr (buf, 'e') == NULL || fabs (value) >= 1e15 || fabs (value) < 1e-12)
    return g_strdup (buf);

  /* Small values: 15 significant digits without an exponent */
  for (double v = fabs (value); v < 1.0; v *= 10)
    decimals++;
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  for (end = buf + strlen (buf) - 1; *end == '0'; end--)
    *end = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup (buf);
}

/* An Excel serial day number as YYYY-MM-DD (HH:MM), or NULL if no date. */
static char *
format_serial (double            serial,
               HpXlsxNumberKind  kind,
               gboolean          date1904)
{
  guint days, secs;
  GDate date;

  if (serial < 0 || serial >= MAX_SERIAL)
    return NULL;
  days = (guint) serial;
  secs = (guint) ((serial - days) * 86400.0 + 0.5);
  if (secs >= 86400)
    {
      days++;
      secs -= 86400;
    }

  if (kind == HP_XLSX_TIME && secs % 60 != 0)
    return g_strdup_printf ("%02u:%02u:%02u", secs / 3600, secs / 60 % 60, secs % 60);
  if (kind == HP_XLSX_TIME)
    return g_strdup_printf ("%02u:%02u", secs / 3600, secs / 60 % 60);

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days == 0)
    return NULL;                     /* Excel's "1900-01-00" */
  else if (days == 60)
    return g_strdup ("1900-02-29");  /* Excel's leap-year bug: no such day */
  else
    {
      /* Excel counts a 1900-02-29: serials before it are one day early */
      g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
      if (days < 60)
        days++;
    }
  g_date_add_days (&date, days);

  if (kind == HP_XLSX_DATETIME && secs / 60 != 0)
    return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), secs / 3600, secs / 60 % 60);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
is_plain_integer (const char *text)
{
  if (*text == '-')
    text++;
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* The cell's text, or NULL if it refers to a missing shared string. */
static char *
cell_text (Xlsx     *x,
           CellType  type,
           guint     style,
           GString  *v)
{
  GByteArray *kinds = x->book.style_kinds;
  HpXlsxNumberKind kind = style < kinds->len ? (HpXlsxNumberKind) kinds->data[style] : HP_XLSX_NUMBER;
  guint64 index;
  double number;
  char *end;

  switch (type)
    {
    case CELL_SHARED:
      if (!g_ascii_string_to_unsigned (v->str, 10, 0, G_MAXUINT, &index, NULL) || index >= x->book.shared->len)
        return NULL;
      return g_strdup (g_ptr_array_index (x->book.shared, index));
    case CELL_INLINE:
    case CELL_STRING:
      _hp_xlsx_decode_escapes (v);
      return g_strdup (v->str);
    case CELL_BOOLEAN:
      return g_strdup (g_str_equal (v->str, "1") || g_ascii_strcasecmp (v->str, "true") == 0 ? "TRUE" : "FALSE");
    case CELL_ERROR:
      return g_strdup (v->str);
    case CELL_ISO_DATE:
      /* 2027-06-30T00:00:00: the date, and the time only if there is one */
      if (v->len >= 16 && v->str[10] == 'T' && strncmp (v->str + 11, "00:00", 5) != 0)
        return g_strndup (v->str, 16);
      return g_strndup (v->str, 10);
    case CELL_NUMBER:
    default:
      g_strstrip (v->str);
      number = g_ascii_strtod (v->str, &end);
      if (end == v->str || *end != '\0' || !isfinite (number))
        return g_strdup (v->str);
      if (kind != HP_XLSX_NUMBER)
        {
          char *date = format_serial (number, kind, x->book.date1904);

          if (date != NULL)
            return date;
        }
      /* Integers beyond a double's precision keep their digits */
      if (is_plain_integer (v->str) && fabs (number) >= EXACT_LIMIT)
        return g_strdup (v->str);
      return format_number (number);
    }
}

/* ------------------------------------------------------------------------ */
/* The sheet                                                                  */

static gboolean
sheet_error (Xlsx        *x,
             GError     **error,
             const char  *detail)
{
  g_autofree char *message = NULL;

  if (x->sheet.error != NULL)
    detail = x->sheet.error;
  /* TRANSLATORS: the detail is libxml2's or libarchive's English message */
  message = g_strdup_printf (_("The sheet is damaged (%s)."), detail);
  /* Between rows, the damage is in a row not yet seen: the parser reads
   * ahead by up to 512 bytes, so it can be a few rows further on */
  _hp_table_reader_set_error (x->reader, error, HP_IMPORT_ERROR_FORMAT,
                              x->in_row ? x->row_number : x->row_number + 1, message);
  x->done = TRUE;
  return FALSE;
}

/* Column (0-based) and row of a reference like "AB12"; FALSE if it is none. */
static gboolean
parse_reference (const char *ref,
                 guint      *out_column,
                 guint      *out_row)
{
  guint column = 0;

  for (; g_ascii_isalpha (*ref); ref++)
    {
      column = column * 26 + (guint) (g_ascii_toupper (*ref) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return FALSE;
    }
  if (column == 0)
    return FALSE;
  *out_column = column - 1;
  if (out_row != NULL)
    *out_row = (guint) g_ascii_strtoull (ref, NULL, 10);
  return TRUE;
}

static void
start_row (Xlsx             *x,
           xmlTextReaderPtr  xml)
{
  g_autofree char *r = _hp_xlsx_get_attr (xml, "r");
  guint64 number;

  if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
    x->row_number = (guint) number;
  else
    x->row_number++;
  x->next_column = 0;
  x->in_row = !xmlTextReaderIsEmptyElement (xml);
  g_ptr_array_set_size (x->row, 0);
}

static gboolean
read_cell (Xlsx              *x,
           xmlTextReaderPtr   xml,
           GError           **error)
{
  CellType type = CELL_NUMBER;
  guint column = x->next_column;
  guint style = 0;
  gboolean has_value = FALSE;
  char *text;

  /* Attributes walked by hand: this runs for every cell */
  if (xmlTextReaderMoveToFirstAttribute (xml) == 1)
    {
      do
        {
          const char *name = _hp_xlsx_local_name (xml);
          const char *value = (const char *) xmlTextReaderConstValue (xml);

          if (value == NULL)
            continue;
          if (g_str_equal (name, "r") && !parse_reference (value, &column, NULL))
            return sheet_error (x, error, _("a cell reference is invalid"));
          else if (g_str_equal (name, "s"))
            style = (guint) g_ascii_strtoull (value, NULL, 10);
          else if (g_str_equal (name, "t"))
            type = g_str_equal (value, "s") ? CELL_SHARED
                 : g_str_equal (value, "inlineStr") ? CELL_INLINE
                 : g_str_equal (value, "str") ? CELL_STRING
                 : g_str_equal (value, "b") ? CELL_BOOLEAN
                 : g_str_equal (value, "e") ? CELL_ERROR
                 : g_str_equal (value, "d") ? CELL_ISO_DATE
                 : CELL_NUMBER;
        }
      while (xmlTextReaderMoveToNextAttribute (xml) == 1);
      xmlTextReaderMoveToElement (xml);
    }
  if (column >= MAX_COLUMNS)
    return sheet_error (x, error, _("a cell reference is invalid"));

  g_string_truncate (x->value, 0);
  if (!xmlTextReaderIsEmptyElement (xml))
    {
      int depth = xmlTextReaderDepth (xml);

      for (;;)
        {
          if (xmlTextReaderRead (xml) != 1)
            return sheet_error (x, error, _("unexpected end"));
          if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (xml) == depth)
            break;
          if (_hp_xlsx_is_element (xml, "v"))
            {
              g_string_truncate (x->value, 0);
              has_value = _hp_xlsx_read_text (xml, x->value);
              if (!has_value)
                return sheet_error (x, error, _("unexpected end"));
            }
          else if (_hp_xlsx_is_element (xml, "is"))
            {
              has_value = _hp_xlsx_read_string_item (xml, x->value);
              if (!has_value)
                return sheet_error (x, error, _("unexpected end"));
              type = CELL_INLINE;
            }
        }
    }

  x->next_column = column + 1;
  if (!has_value)
    return TRUE;
  text = cell_text (x, type, style, x->value);
  if (text == NULL)
    return sheet_error (x, error, _("a cell refers to a missing shared text"));

  if (x->row->len <= column)
    {
      while (x->row->len < column)
        g_ptr_array_add (x->row, g_strdup (""));
      g_ptr_array_add (x->row, text);
    }
  else
    {
      g_free (g_ptr_array_index (x->row, column));
      g_ptr_array_index (x->row, column) = text;
    }
  return TRUE;
}

/* Hands the row to @fields up to its last non-empty cell; FALSE if none. */
static gboolean
finish_row (Xlsx      *x,
            GPtrArray *fields)
{
  guint width = x->row->len;

  while (width > 0 && *(const char *) g_ptr_array_index (x->row, width - 1) == '\0')
    width--;
  for (guint i = 0; i < width; i++)
    g_ptr_array_add (fields, g_steal_pointer (&g_ptr_array_index (x->row, i)));
  g_ptr_array_set_size (x->row, 0);
  return width > 0;
}

static gboolean
xlsx_next (HpTableReader  *reader,
           GPtrArray      *fields,
           guint          *out_line,
           GError        **error)
{
  Xlsx *x = reader->backend_data;
  xmlTextReaderPtr xml = x->sheet.xml;

  while (!x->done)
    {
      int r = xmlTextReaderRead (xml);
      int type;
      const char *name;

      if (r == 0)
        break;
      if (r < 0)
        return sheet_error (x, error, _("unreadable XML"));

      type = xmlTextReaderNodeType (xml);
      name = _hp_xlsx_local_name (xml);
      if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "row"))
        start_row (x, xml);
      else if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "c") && x->in_row)
        {
          if (!read_cell (x, xml, error))
            return FALSE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "row") && x->in_row)
        {
          x->in_row = FALSE;
          if (finish_row (x, fields))
            {
              *out_line = x->row_number;
              return TRUE;
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "dimension"))
        {
          g_autofree char *ref = _hp_xlsx_get_attr (xml, "ref");
          const char *last = ref != NULL ? strrchr (ref, ':') : NULL;
          guint column;

          if (last == NULL || !parse_reference (last + 1, &column, &x->last_row))
            x->last_row = 0;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "sheetData"))
        break;
    }

  x->done = TRUE;
  x->progress = 1.0;
  return FALSE;
}

/* Rows seen of the rows <dimension> announces; else compressed bytes read. */
static double
xlsx_progress (HpTableReader *reader)
{
  Xlsx *x = reader->backend_data;
  double now;

  if (x->done)
    return 1.0;
  if (x->last_row > 1)
    now = (double) x->row_number / (double) x->last_row;
  else if (x->file_size > 0)
    now = (double) archive_filter_bytes (x->sheet.archive, -1) / (double) x->file_size;
  else
    now = 0.0;
  x->progress = MAX (x->progress, CLAMP (now, 0.0, 0.99));
  return x->progress;
}

static void
xlsx_free (gpointer data)
{
  Xlsx *x = data;

  _hp_xlsx_stream_clear (&x->sheet);
  _hp_xlsx_book_clear (&x->book);
  g_clear_pointer (&x->row, g_ptr_array_unref);
  if (x->value != NULL)
    g_string_free (x->value, TRUE);
  g_free (x);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Xlsx, xlsx_free)

static const HpTableBackend xlsx_backend = {
  xlsx_next,
  xlsx_progress,
  xlsx_free,
};

/* ------------------------------------------------------------------------ */
/* Opening                                                                    */

static gboolean
starts_with (const char *path,
             const char *magic,
             gsize       len)
{
  char head[8] = { 0 };
  FILE *file = fopen (path, "rb");
  gboolean ok;

  g_assert (len <= sizeof head);
  if (file == NULL)
    return FALSE;
  ok = fread (head, 1, len, file) == len && memcmp (head, magic, len) == 0;
  fclose (file);
  return ok;
}

/* An OLE compound file: an encrypted (password) XLSX or an old .xls */
static gboolean
is_ole_file (const char *path)
{
  return starts_with (path, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

/* Also TRUE for OLE compound files, which _hp_xlsx_reader_open() then
 * explains: the CSV reader would only see NUL bytes. */
gboolean
_hp_xlsx_reader_sniff (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return starts_with (path, "PK\x03\x04", 4) || is_ole_file (path);
}

gboolean
_hp_xlsx_reader_open (HpTableReader         *reader,
                      const HpTableOptions  *options,
                      GError               **error)
{
  g_autoptr(Xlsx) x = g_new0 (Xlsx, 1);
  g_autofree char *message = NULL;
  GStatBuf st;

  g_return_val_if_fail (reader != NULL && reader->path != NULL, FALSE);

  if (is_ole_file (reader->path))
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("The file is protected with a password or is an old .xls file; "
                                    "save it as .xlsx or CSV."));
      return FALSE;
    }

  x->reader = reader;
  x->row = g_ptr_array_new_with_free_func (g_free);
  x->value = g_string_new (NULL);
  if (!_hp_xlsx_book_load (&x->book, reader, options != NULL ? options->sheet : NULL, error))
    return FALSE;
  if (!_hp_xlsx_stream_open (&x->sheet, reader->path, x->book.sheet_part, &message))
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0, message);
      return FALSE;
    }
  if (g_stat (reader->path, &st) == 0)
    x->file_size = st.st_size;

  reader->backend = &xlsx_backend;
  reader->backend_data = g_steal_pointer (&x);
  reader->format = "XLSX";
  reader->encoding = g_strdup ("UTF-8");
  reader->delimiter = 0;
  reader->sheet = g_strdup (((Xlsx *) reader->backend_data)->book.sheet_name);
  reader->worksheets = g_strdupv (((Xlsx *) reader->backend_data)->book.worksheets);
  return TRUE;
}
