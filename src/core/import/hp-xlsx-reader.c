/* hp-xlsx-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX backend of HpTableReader. A workbook is a ZIP archive of XML
 * parts: libarchive reads the archive and libxml2's xmlTextReader the parts,
 * both streaming. Opening makes three passes over the archive (libarchive
 * reads entries in order): the workbook and its relationships (sheet names,
 * part paths, the 1904 flag); the shared strings and styles, at the paths the
 * relationships give; and the chosen sheet, which stays open. Every `next`
 * pulls XML nodes until one <row> is complete, so only the shared strings
 * and one row are ever in memory, however long the sheet.
 *
 * Cells come out as a person would type them: shared and inline strings
 * (rich text runs joined, phonetic runs dropped, _xHHHH_ escapes decoded),
 * numbers without exponent or ".0", TRUE/FALSE, error texts (#N/A), and
 * numbers in a date style as YYYY-MM-DD (Excel's 1900 leap-year bug and the
 * 1904 system included; a date-time with a time as YYYY-MM-DDTHH:MM, a time
 * as HH:MM). Cells sit at the column their reference names; the record ends
 * at its last non-empty cell, and its line is the row number.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <math.h>     /* isfinite, fabs: no libm */
#include <stdio.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>

#include "hp-table-reader-private.h"

#define MAX_COLUMNS  16384                /* XFD, Excel's last column */
#define MAX_SERIAL   2958466.0            /* 10000-01-01 */
#define EXACT_LIMIT  9007199254740992.0   /* 2^53: doubles hold integers exactly below */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

typedef enum
{
  KIND_NUMBER,
  KIND_DATE,
  KIND_DATETIME,
  KIND_TIME,
} NumberKind;

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

/* One archive entry read through an xmlTextReader. */
typedef struct
{
  struct archive   *archive;
  xmlTextReaderPtr  xml;
  char             *error;     /* the first I/O or XML error */
} Stream;

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} Sheet;

/* What the workbook part and its relationships say; needed while opening only. */
typedef struct
{
  GPtrArray  *sheets;          /* Sheet * */
  GHashTable *targets;         /* relationship id → part path */
  GHashTable *types;           /* relationship id → type URI */
  char       *shared_part;
  char       *styles_part;
  gboolean    date1904;
  GHashTable *formats;         /* custom numFmtId → NumberKind */
  GArray     *xf_formats;      /* guint numFmtId per cell style */
} Workbook;

typedef struct
{
  HpTableReader *reader;       /* Borrowed */

  Stream         sheet;
  GStringChunk  *chunk;        /* the shared strings' text */
  GPtrArray     *shared;       /* const char *, into chunk */
  GByteArray    *style_kinds;  /* NumberKind per cell style */
  gboolean       date1904;

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

typedef gboolean (*PartFunc) (xmlTextReaderPtr xml, gpointer data);

typedef struct
{
  const char *name;
  PartFunc    func;
  gpointer    data;
  gboolean    found;
} Part;

/* ------------------------------------------------------------------------ */
/* Archive and XML plumbing                                                   */

static void
stream_clear (Stream *s)
{
  /* The reader first: its close callback must not outlive the archive. */
  g_clear_pointer (&s->xml, xmlFreeTextReader);
  g_clear_pointer (&s->archive, archive_read_free);
  g_clear_pointer (&s->error, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stream, stream_clear)

static int
stream_read_cb (void *context,
                char *buffer,
                int   len)
{
  Stream *s = context;
  la_ssize_t n = archive_read_data (s->archive, buffer, (size_t) len);

  if (n < 0 && s->error == NULL)
    s->error = g_strdup (archive_error_string (s->archive));
  return n < 0 ? -1 : (int) n;
}

static int
stream_close_cb (void *context)
{
  return 0;
}

static void
stream_error_cb (void        *context,
                 xmlErrorPtr  xml_error)
{
  Stream *s = context;

  if (xml_error->level >= XML_ERR_ERROR && s->error == NULL && xml_error->message != NULL)
    s->error = g_strstrip (g_strdup (xml_error->message));
}

static gboolean
stream_open (Stream     *s,
             const char *path)
{
  s->archive = archive_read_new ();
  archive_read_support_format_zip (s->archive);
  if (archive_read_open_filename (s->archive, path, 64 * 1024) == ARCHIVE_OK)
    return TRUE;
  s->error = g_strdup (archive_error_string (s->archive));
  return FALSE;
}

/* Starts an xmlTextReader on the current entry's data. No network, no
 * entity substitution: a workbook is foreign data. */
static gboolean
stream_start_xml (Stream     *s,
                  const char *part)
{
  xmlInitParser ();
  s->xml = xmlReaderForIO (stream_read_cb, stream_close_cb, s, part, NULL,
                           XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (s->xml == NULL)
    {
      s->error = g_strdup (_("cannot read the XML"));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (s->xml, stream_error_cb, s);
  return TRUE;
}

/* Entry names compared as Excel does: case-insensitive, '/' or '\', no leading '/'. */
static gboolean
part_name_equal (const char *entry,
                 const char *part)
{
  while (*entry == '/' || *entry == '\\')
    entry++;
  for (; *entry != '\0' && *part != '\0'; entry++, part++)
    if (g_ascii_tolower (*entry) != g_ascii_tolower (*part) && !(*entry == '\\' && *part == '/'))
      return FALSE;
  return *entry == *part;
}

/* ARCHIVE_OK (warnings too), ARCHIVE_EOF or ARCHIVE_FATAL */
static int
next_header (struct archive        *archive,
             struct archive_entry **entry)
{
  int r = archive_read_next_header (archive, entry);

  return r == ARCHIVE_WARN ? ARCHIVE_OK : r == ARCHIVE_EOF ? ARCHIVE_EOF : r == ARCHIVE_OK ? r : ARCHIVE_FATAL;
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  if (name == NULL)
    name = archive_entry_pathname (entry);
  return name != NULL ? name : "";
}

static const char *
local_name (xmlTextReaderPtr xml)
{
  const xmlChar *name = xmlTextReaderConstLocalName (xml);

  return name != NULL ? (const char *) name : "";
}

static gboolean
is_element (xmlTextReaderPtr  xml,
            const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT && g_str_equal (local_name (xml), name);
}

/* An attribute by local name, whatever its prefix (r:id, xml:space). */
static char *
get_attr (xmlTextReaderPtr  xml,
          const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;
  do
    {
      if (g_str_equal (local_name (xml), name))
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
  xmlTextReaderMoveToElement (xml);
  return value;
}

/* Appends the text inside the current element and moves to its end. */
static gboolean
read_text (xmlTextReaderPtr  xml,
           GString          *out)
{
  int depth = xmlTextReaderDepth (xml);

  if (xmlTextReaderIsEmptyElement (xml))
    return TRUE;
  while (xmlTextReaderRead (xml) == 1)
    switch (xmlTextReaderNodeType (xml))
      {
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        g_string_append (out, (const char *) xmlTextReaderConstValue (xml));
        break;
      case XML_READER_TYPE_END_ELEMENT:
        if (xmlTextReaderDepth (xml) == depth)
          return TRUE;
        break;
      default:
        break;
      }
  return FALSE;
}

/* Decodes OOXML's _xHHHH_ escapes of control characters in place. */
static void
decode_escapes (GString *s)
{
  GString *out;
  const char *p;

  if (strstr (s->str, "_x") == NULL)
    return;
  out = g_string_sized_new (s->len);
  for (p = s->str; *p != '\0'; p++)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);

          if (c == 0 || g_unichar_validate (c))
            {
              if (c != 0)
                g_string_append_unichar (out, c);
              p += 6;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
  g_string_assign (s, out->str);
  g_string_free (out, TRUE);
}

/* A shared string item <si> or inline string <is>: plain <t>, or rich runs
 * <r><t>, joined (escapes not yet decoded); phonetic runs <rPh> dropped. Runs without xml:space
 * "preserve" lose their outer whitespace, as in Excel. */
static gboolean
read_string_item (xmlTextReaderPtr  xml,
                  GString          *out)
{
  int depth = xmlTextReaderDepth (xml);
  int phonetic_depth = -1;

  g_string_truncate (out, 0);
  if (xmlTextReaderIsEmptyElement (xml))
    return TRUE;
  while (xmlTextReaderRead (xml) == 1)
    {
      int type = xmlTextReaderNodeType (xml);
      int d = xmlTextReaderDepth (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
        return TRUE;
      if (type == XML_READER_TYPE_END_ELEMENT && d == phonetic_depth)
        phonetic_depth = -1;
      else if (type == XML_READER_TYPE_ELEMENT && phonetic_depth < 0 && g_str_equal (local_name (xml), "rPh"))
        phonetic_depth = xmlTextReaderIsEmptyElement (xml) ? -1 : d;
      else if (type == XML_READER_TYPE_ELEMENT && phonetic_depth < 0 && g_str_equal (local_name (xml), "t"))
        {
          g_autofree char *space = get_attr (xml, "space");
          gsize start = out->len;

          if (!read_text (xml, out))
            return FALSE;
          if (g_strcmp0 (space, "preserve") != 0)
            {
              gsize skip = start;

              while (out->len > start && strchr (" \t\r\n", out->str[out->len - 1]) != NULL)
                g_string_truncate (out, out->len - 1);
              while (skip < out->len && strchr (" \t\r\n", out->str[skip]) != NULL)
                skip++;
              g_string_erase (out, (gssize) start, (gssize) (skip - start));
            }
        }
    }
  return FALSE;
}

/* Reads the entries @parts name from one pass over the archive. Returns
 * FALSE with @out_message if the file is no ZIP archive or a part is
 * damaged; parts that are missing stay !found. */
static gboolean
read_parts (const char  *path,
            Part        *parts,
            guint        n_parts,
            gboolean    *out_is_zip,
            GPtrArray   *out_names,
            char       **out_message)
{
  g_auto(Stream) s = { 0 };
  struct archive_entry *entry;
  guint n_found = 0;
  int r = ARCHIVE_OK;

  *out_is_zip = FALSE;
  if (!stream_open (&s, path))
    goto failed;
  while (n_found < n_parts && (r = next_header (s.archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = entry_name (entry);

      *out_is_zip = TRUE;
      if (out_names != NULL)
        g_ptr_array_add (out_names, g_strdup (name));
      for (guint i = 0; i < n_parts; i++)
        {
          if (parts[i].found || !part_name_equal (name, parts[i].name))
            continue;
          parts[i].found = TRUE;
          n_found++;
          if (!stream_start_xml (&s, name) || !parts[i].func (s.xml, parts[i].data))
            {
              /* TRANSLATORS: "The workbook is damaged (xl/styles.xml: Premature end of data)." */
              *out_message = g_strdup_printf (_("The workbook is damaged (%s: %s)."), name,
                                              s.error != NULL ? s.error : _("unexpected content"));
              return FALSE;
            }
          g_clear_pointer (&s.xml, xmlFreeTextReader);
          break;
        }
    }
  if (r != ARCHIVE_FATAL)
    return TRUE;
  s.error = g_strdup (archive_error_string (s.archive));

failed:
  if (*out_is_zip)
    *out_message = g_strdup_printf (_("The workbook is damaged (%s)."), s.error);
  else
    *out_message = g_strdup_printf (_("The file is not an Excel workbook (XLSX), or it is damaged (%s)."),
                                    s.error);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Workbook, relationships, shared strings, styles                            */

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet);
}

static void
workbook_clear (Workbook *wb)
{
  g_clear_pointer (&wb->sheets, g_ptr_array_unref);
  g_clear_pointer (&wb->targets, g_hash_table_unref);
  g_clear_pointer (&wb->types, g_hash_table_unref);
  g_clear_pointer (&wb->shared_part, g_free);
  g_clear_pointer (&wb->styles_part, g_free);
  g_clear_pointer (&wb->formats, g_hash_table_unref);
  g_clear_pointer (&wb->xf_formats, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

static gboolean
parse_workbook (xmlTextReaderPtr xml,
                gpointer         data)
{
  Workbook *wb = data;
  int r;

  while ((r = xmlTextReaderRead (xml)) == 1)
    {
      if (is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = get_attr (xml, "date1904");

          wb->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (is_element (xml, "sheet"))
        {
          Sheet *sheet = g_new0 (Sheet, 1);
          g_autofree char *state = get_attr (xml, "state");

          sheet->name = get_attr (xml, "name");
          sheet->rel_id = get_attr (xml, "id");
          sheet->hidden = state != NULL && !g_str_equal (state, "visible");
          if (sheet->name == NULL)
            sheet->name = g_strdup ("");
          g_ptr_array_add (wb->sheets, sheet);
        }
    }
  return r == 0;
}

/* A relationship target, relative to xl/ or absolute, as a part name. */
static char *
resolve_target (const char *target)
{
  g_auto(GStrv) segments = g_strsplit (target, "/", -1);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  if (target[0] != '/')
    g_ptr_array_add (path, (char *) "xl");
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && path->len > 0)
        g_ptr_array_remove_index (path, path->len - 1);
      else if (segments[i][0] != '\0' && !g_str_equal (segments[i], ".") && !g_str_equal (segments[i], ".."))
        g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static gboolean
parse_relationships (xmlTextReaderPtr xml,
                     gpointer         data)
{
  Workbook *wb = data;
  int r;

  while ((r = xmlTextReaderRead (xml)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;

      if (!is_element (xml, "Relationship"))
        continue;
      id = get_attr (xml, "Id");
      type = get_attr (xml, "Type");
      target = get_attr (xml, "Target");
      mode = get_attr (xml, "TargetMode");
      if (id == NULL || type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;

      if (g_str_has_suffix (type, "/sharedStrings") && wb->shared_part == NULL)
        wb->shared_part = resolve_target (target);
      else if (g_str_has_suffix (type, "/styles") && wb->styles_part == NULL)
        wb->styles_part = resolve_target (target);
      g_hash_table_replace (wb->targets, g_strdup (id), resolve_target (target));
      g_hash_table_replace (wb->types, g_steal_pointer (&id), g_steal_pointer (&type));
    }
  return r == 0;
}

static gboolean
parse_shared_strings (xmlTextReaderPtr xml,
                      gpointer         data)
{
  Xlsx *x = data;
  int r;

  while ((r = xmlTextReaderRead (xml)) == 1)
    {
      if (!is_element (xml, "si"))
        continue;
      if (!read_string_item (xml, x->value))
        return FALSE;
      decode_escapes (x->value);
      g_ptr_array_add (x->shared, g_string_chunk_insert_len (x->chunk, x->value->str, (gssize) x->value->len));
    }
  return r == 0;
}

/* A custom number format shows dates if it has y with d or m outside
 * [colours/locales], "literals" and \escapes; times with h or s. */
static NumberKind
classify_format (const char *code)
{
  gboolean y = FALSE, m = FALSE, d = FALSE, h = FALSE, s = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '[')
        {
          /* [h] and [mm]:ss are elapsed times; [Red], [$-407] say nothing */
          const char *q = p + 1;

          while (*q != '\0' && strchr ("hHmMsS", *q) != NULL)
            q++;
          h |= q > p + 1 && *q == ']';
          while (p[1] != '\0' && *p != ']')
            p++;
        }
      else if (c == '"')
        {
          p++;
          while (*p != '\0' && *p != '"')
            p++;
          if (*p == '\0')
            break;
        }
      else if ((c == '\\' || c == '_' || c == '*') && p[1] != '\0')
        p++;
      else
        {
          y |= c == 'y';
          m |= c == 'm';
          d |= c == 'd';
          h |= c == 'h';
          s |= c == 's';
        }
    }

  if (y && (m || d))
    return h ? KIND_DATETIME : KIND_DATE;
  if (d && m)
    return KIND_DATE;
  if (h || (m && s))
    return KIND_TIME;
  return KIND_NUMBER;
}

static NumberKind
builtin_format_kind (guint id)
{
  if (id >= 14 && id <= 17)
    return KIND_DATE;
  if (id == 22)
    return KIND_DATETIME;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return KIND_TIME;
  return KIND_NUMBER;
}

static gboolean
parse_styles (xmlTextReaderPtr xml,
              gpointer         data)
{
  Workbook *wb = data;
  gboolean in_cell_xfs = FALSE;
  int r;

  while ((r = xmlTextReaderRead (xml)) == 1)
    {
      const char *name = local_name (xml);

      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "cellXfs"))
        in_cell_xfs = FALSE;
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;

      if (g_str_equal (name, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (g_str_equal (name, "numFmt"))
        {
          g_autofree char *id = get_attr (xml, "numFmtId");
          g_autofree char *code = get_attr (xml, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_replace (wb->formats, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                  GINT_TO_POINTER (classify_format (code)));
        }
      else if (g_str_equal (name, "xf") && in_cell_xfs)
        {
          g_autofree char *id = get_attr (xml, "numFmtId");
          guint format = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

          g_array_append_val (wb->xf_formats, format);
        }
    }
  return r == 0;
}

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
format_serial (double     serial,
               NumberKind kind,
               gboolean   date1904)
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

  if (kind == KIND_TIME && secs % 60 != 0)
    return g_strdup_printf ("%02u:%02u:%02u", secs / 3600, secs / 60 % 60, secs % 60);
  if (kind == KIND_TIME)
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

  if (kind == KIND_DATETIME && secs / 60 != 0)
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
  NumberKind kind = style < x->style_kinds->len ? (NumberKind) x->style_kinds->data[style] : KIND_NUMBER;
  guint64 index;
  double number;
  char *end;

  switch (type)
    {
    case CELL_SHARED:
      if (!g_ascii_string_to_unsigned (v->str, 10, 0, G_MAXUINT, &index, NULL) || index >= x->shared->len)
        return NULL;
      return g_strdup (g_ptr_array_index (x->shared, index));
    case CELL_INLINE:
    case CELL_STRING:
      decode_escapes (v);
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
      if (kind != KIND_NUMBER)
        {
          char *date = format_serial (number, kind, x->date1904);

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
  g_autofree char *r = get_attr (xml, "r");
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
          const char *name = local_name (xml);
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
          if (is_element (xml, "v"))
            {
              g_string_truncate (x->value, 0);
              has_value = read_text (xml, x->value);
              if (!has_value)
                return sheet_error (x, error, _("unexpected end"));
            }
          else if (is_element (xml, "is"))
            {
              has_value = read_string_item (xml, x->value);
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
        return sheet_error (x, error, _("unexpected content"));

      type = xmlTextReaderNodeType (xml);
      name = local_name (xml);
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
          g_autofree char *ref = get_attr (xml, "ref");
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

  stream_clear (&x->sheet);
  g_clear_pointer (&x->shared, g_ptr_array_unref);
  if (x->chunk != NULL)
    g_string_chunk_free (x->chunk);
  g_clear_pointer (&x->style_kinds, g_byte_array_unref);
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

/* The part of the sheet @wanted names, or of the first visible worksheet. */
static const char *
choose_sheet (HpTableReader  *reader,
              Workbook       *wb,
              const char     *wanted,
              GError        **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *message = NULL;
  Sheet *chosen = NULL;

  for (guint i = 0; i < wb->sheets->len && chosen == NULL; i++)
    {
      Sheet *sheet = g_ptr_array_index (wb->sheets, i);
      const char *type = sheet->rel_id != NULL ? g_hash_table_lookup (wb->types, sheet->rel_id) : NULL;

      if (wanted != NULL ? g_str_equal (sheet->name, wanted)
                         : !sheet->hidden && type != NULL && g_str_has_suffix (type, "/worksheet"))
        chosen = sheet;
    }
  /* Excel's sheet names are case-insensitive */
  for (guint i = 0; i < wb->sheets->len && chosen == NULL && wanted != NULL; i++)
    {
      Sheet *sheet = g_ptr_array_index (wb->sheets, i);
      g_autofree char *a = g_utf8_casefold (sheet->name, -1);
      g_autofree char *b = g_utf8_casefold (wanted, -1);

      if (g_str_equal (a, b))
        chosen = sheet;
    }
  if (chosen == NULL && wanted == NULL && wb->sheets->len > 0)
    chosen = g_ptr_array_index (wb->sheets, 0);

  if (chosen != NULL && chosen->rel_id != NULL && g_hash_table_contains (wb->targets, chosen->rel_id))
    return g_hash_table_lookup (wb->targets, chosen->rel_id);

  if (chosen != NULL)
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("The workbook is damaged (a sheet has no part)."));
      return NULL;
    }
  if (wanted == NULL)
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0, _("The workbook has no sheets."));
      return NULL;
    }

  for (guint i = 0; i < wb->sheets->len; i++)
    /* TRANSLATORS: one name in a list of sheet names */
    g_string_append_printf (names, i == 0 ? _("“%s”") : _(", “%s”"),
                            ((Sheet *) g_ptr_array_index (wb->sheets, i))->name);
  message = g_strdup_printf (_("The workbook has no sheet “%s”; its sheets are %s."), wanted, names->str);
  _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0, message);
  return NULL;
}

/* Why a ZIP archive without a workbook part is not one, by what it holds. */
static const char *
no_workbook_message (GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (part_name_equal (g_ptr_array_index (names, i), "content.xml"))
        return _("The file is an OpenDocument spreadsheet (ODS), not an Excel workbook (XLSX); "
                 "save it as .xlsx or CSV.");
      if (part_name_equal (g_ptr_array_index (names, i), "xl/workbook.bin"))
        return _("The file is a binary Excel workbook (XLSB), not an Excel workbook (XLSX); "
                 "save it as .xlsx or CSV.");
    }
  return _("The file is a ZIP archive, but not an Excel workbook (XLSX).");
}

static gboolean
is_ole_file (const char *path)
{
  static const guchar ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar head[sizeof ole] = { 0 };
  FILE *file = fopen (path, "rb");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fread (head, 1, sizeof head, file) == sizeof head && memcmp (head, ole, sizeof ole) == 0;
  fclose (file);
  return ok;
}

/* Also TRUE for OLE compound files (D0 CF 11 E0): password-protected XLSX
 * and old .xls workbooks, which _hp_xlsx_reader_open() then explains. */
gboolean
_hp_xlsx_reader_sniff (const char *path)
{
  guchar head[4] = { 0 };
  FILE *file;
  gboolean zip;

  g_return_val_if_fail (path != NULL, FALSE);

  file = fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  zip = fread (head, 1, sizeof head, file) == sizeof head && memcmp (head, "PK\x03\x04", 4) == 0;
  fclose (file);
  return zip || is_ole_file (path);
}

gboolean
_hp_xlsx_reader_open (HpTableReader         *reader,
                      const HpTableOptions  *options,
                      GError               **error)
{
  g_auto(Workbook) wb = { 0 };
  g_autoptr(Xlsx) x = g_new0 (Xlsx, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  const char *sheet_part;
  struct archive_entry *entry;
  gboolean is_zip;
  GStatBuf st;
  int r;
  Part meta[] = {
    { "xl/workbook.xml", parse_workbook, &wb, FALSE },
    { "xl/_rels/workbook.xml.rels", parse_relationships, &wb, FALSE },
  };
  Part data[] = {
    { NULL, parse_shared_strings, x, FALSE },
    { NULL, parse_styles, &wb, FALSE },
  };

  g_return_val_if_fail (reader != NULL && reader->path != NULL, FALSE);

  if (is_ole_file (reader->path))
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("The file is protected with a password or is an old .xls file; "
                                    "save it as .xlsx or CSV."));
      return FALSE;
    }

  x->reader = reader;
  x->chunk = g_string_chunk_new (64 * 1024);
  x->shared = g_ptr_array_new ();
  x->style_kinds = g_byte_array_new ();
  x->row = g_ptr_array_new_with_free_func (g_free);
  x->value = g_string_new (NULL);
  wb.sheets = g_ptr_array_new_with_free_func (sheet_free);
  wb.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wb.types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wb.formats = g_hash_table_new (NULL, NULL);
  wb.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Pass 1: which sheets, and where the parts are */
  if (!read_parts (reader->path, meta, G_N_ELEMENTS (meta), &is_zip, names, &message))
    goto failed;
  if (!meta[0].found)
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0, no_workbook_message (names));
      return FALSE;
    }
  sheet_part = choose_sheet (reader, &wb, options != NULL ? options->sheet : NULL, error);
  if (sheet_part == NULL)
    return FALSE;
  x->date1904 = wb.date1904;

  /* Pass 2: shared strings and styles (both optional) */
  data[0].name = wb.shared_part != NULL ? wb.shared_part : "xl/sharedStrings.xml";
  data[1].name = wb.styles_part != NULL ? wb.styles_part : "xl/styles.xml";
  if (!read_parts (reader->path, data, G_N_ELEMENTS (data), &is_zip, NULL, &message))
    goto failed;
  for (guint i = 0; i < wb.xf_formats->len; i++)
    {
      guint id = g_array_index (wb.xf_formats, guint, i);
      gpointer custom;
      guint8 kind = g_hash_table_lookup_extended (wb.formats, GUINT_TO_POINTER (id), NULL, &custom)
                      ? (guint8) GPOINTER_TO_INT (custom) : (guint8) builtin_format_kind (id);

      g_byte_array_append (x->style_kinds, &kind, 1);
    }

  /* Pass 3: the sheet, kept open for streaming */
  if (!stream_open (&x->sheet, reader->path))
    {
      message = g_strdup_printf (_("The workbook is damaged (%s)."), x->sheet.error);
      goto failed;
    }
  while ((r = next_header (x->sheet.archive, &entry)) == ARCHIVE_OK)
    if (part_name_equal (entry_name (entry), sheet_part))
      break;
  if (r != ARCHIVE_OK)
    {
      _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0,
                                  _("The workbook is damaged (the sheet’s part is missing)."));
      return FALSE;
    }
  if (!stream_start_xml (&x->sheet, sheet_part))
    {
      message = g_strdup_printf (_("The workbook is damaged (%s)."), x->sheet.error);
      goto failed;
    }
  if (g_stat (reader->path, &st) == 0)
    x->file_size = st.st_size;

  reader->backend = &xlsx_backend;
  reader->backend_data = g_steal_pointer (&x);
  reader->format = "XLSX";
  reader->encoding = g_strdup ("UTF-8");
  reader->delimiter = 0;
  return TRUE;

failed:
  _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0,
                              message != NULL ? message : _("The workbook is damaged."));
  return FALSE;
}
