/* hp-xlsx-workbook.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first half of the XLSX backend (the second is hp-xlsx-reader.c): what
 * a workbook says about itself. libarchive reads the ZIP entries in order, so
 * this makes two passes: the workbook part and its relationships (the sheets
 * and their part paths, the 1904 flag), then the shared strings and styles at
 * the paths the relationships give. The shared strings are kept (rich text
 * runs joined, phonetic runs dropped, _xHHHH_ escapes decoded); the styles
 * only as "is this style a date, a date-time, a time or a number".
 *
 * Also here: reading an entry through xmlTextReader's I/O callbacks, with no
 * network and no entity substitution, since a workbook is foreign data.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "hp-xlsx-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HpXlsxStream, _hp_xlsx_stream_clear)

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} Sheet;

/* What the workbook part and its relationships say, while loading. */
typedef struct
{
  GPtrArray  *sheets;          /* Sheet * */
  GHashTable *targets;         /* relationship id → part path */
  GHashTable *types;           /* relationship id → type URI */
  char       *shared_part;
  char       *styles_part;
  gboolean    date1904;
  GHashTable *formats;         /* custom numFmtId → HpXlsxNumberKind */
  GArray     *xf_formats;      /* guint numFmtId per cell style */
} Workbook;

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

void
_hp_xlsx_stream_clear (HpXlsxStream *s)
{
  /* The reader first: its close callback must not outlive the archive. */
  g_clear_pointer (&s->xml, xmlFreeTextReader);
  g_clear_pointer (&s->archive, archive_read_free);
  g_clear_pointer (&s->error, g_free);
}

static char *
archive_error (struct archive *archive)
{
  const char *message = archive_error_string (archive);

  return g_strdup (message != NULL ? message : _("unknown error"));
}

static int
stream_read_cb (void *context,
                char *buffer,
                int   len)
{
  HpXlsxStream *s = context;
  la_ssize_t n = archive_read_data (s->archive, buffer, (size_t) len);

  if (n < 0 && s->error == NULL)
    s->error = archive_error (s->archive);
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
  HpXlsxStream *s = context;

  if (xml_error->level >= XML_ERR_ERROR && s->error == NULL && xml_error->message != NULL)
    s->error = g_strstrip (g_strdup (xml_error->message));
}

static gboolean
open_archive (HpXlsxStream *s,
              const char   *path)
{
  s->archive = archive_read_new ();
  archive_read_support_format_zip (s->archive);
  if (archive_read_open_filename (s->archive, path, 64 * 1024) == ARCHIVE_OK)
    return TRUE;
  s->error = archive_error (s->archive);
  return FALSE;
}

/* An xmlTextReader on the current entry's data */
static gboolean
start_xml (HpXlsxStream *s,
           const char   *part)
{
  static gsize initialised = 0;

  /* Once, and not racing: imports may run in a thread */
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
  s->xml = xmlReaderForIO (stream_read_cb, stream_close_cb, s, part, NULL,
                           XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (s->xml == NULL)
    {
      if (s->error == NULL)
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

const char *
_hp_xlsx_local_name (xmlTextReaderPtr xml)
{
  const xmlChar *name = xmlTextReaderConstLocalName (xml);

  return name != NULL ? (const char *) name : "";
}

gboolean
_hp_xlsx_is_element (xmlTextReaderPtr  xml,
                     const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT && g_str_equal (_hp_xlsx_local_name (xml), name);
}

char *
_hp_xlsx_get_attr (xmlTextReaderPtr  xml,
                   const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;
  do
    {
      if (g_str_equal (_hp_xlsx_local_name (xml), name))
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
  xmlTextReaderMoveToElement (xml);
  return value;
}

gboolean
_hp_xlsx_read_text (xmlTextReaderPtr  xml,
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

void
_hp_xlsx_decode_escapes (GString *text)
{
  GString *out;
  const char *p;

  if (strstr (text->str, "_x") == NULL)
    return;
  out = g_string_sized_new (text->len);
  for (p = text->str; *p != '\0'; p++)
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
  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* Plain <t>, or rich text runs <r><t> joined; phonetic runs <rPh> dropped;
 * escapes not yet decoded. Runs without xml:space="preserve" lose their
 * outer whitespace. */
gboolean
_hp_xlsx_read_string_item (xmlTextReaderPtr  xml,
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
      else if (phonetic_depth < 0 && _hp_xlsx_is_element (xml, "rPh"))
        phonetic_depth = xmlTextReaderIsEmptyElement (xml) ? -1 : d;
      else if (phonetic_depth < 0 && _hp_xlsx_is_element (xml, "t"))
        {
          g_autofree char *space = _hp_xlsx_get_attr (xml, "space");
          gsize start = out->len;

          if (!_hp_xlsx_read_text (xml, out))
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
  g_auto(HpXlsxStream) s = { 0 };
  struct archive_entry *entry;
  guint n_found = 0;
  int r = ARCHIVE_OK;

  *out_is_zip = FALSE;
  if (!open_archive (&s, path))
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
          if (!start_xml (&s, name) || !parts[i].func (s.xml, parts[i].data))
            {
              /* TRANSLATORS: "The workbook is damaged (xl/styles.xml: Premature end of data)." */
              *out_message = g_strdup_printf (_("The workbook is damaged (%s: %s)."), name,
                                              s.error != NULL ? s.error : _("unexpected content"));
              return FALSE;
            }
          g_clear_pointer (&s.xml, xmlFreeTextReader);
          g_clear_pointer (&s.error, g_free);
          break;
        }
    }
  if (r != ARCHIVE_FATAL)
    return TRUE;
  g_free (s.error);
  s.error = archive_error (s.archive);

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
      if (_hp_xlsx_is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = _hp_xlsx_get_attr (xml, "date1904");

          /* x14:workbookPr in <extLst> has the same local name */
          if (date1904 != NULL)
            wb->date1904 = g_str_equal (date1904, "1") || g_str_equal (date1904, "true");
        }
      else if (_hp_xlsx_is_element (xml, "sheet"))
        {
          Sheet *sheet = g_new0 (Sheet, 1);
          g_autofree char *state = _hp_xlsx_get_attr (xml, "state");

          sheet->name = _hp_xlsx_get_attr (xml, "name");
          sheet->rel_id = _hp_xlsx_get_attr (xml, "id");
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

      if (!_hp_xlsx_is_element (xml, "Relationship"))
        continue;
      id = _hp_xlsx_get_attr (xml, "Id");
      type = _hp_xlsx_get_attr (xml, "Type");
      target = _hp_xlsx_get_attr (xml, "Target");
      mode = _hp_xlsx_get_attr (xml, "TargetMode");
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
  HpXlsxBook *book = data;
  g_autoptr(GString) text = g_string_new (NULL);
  int r;

  while ((r = xmlTextReaderRead (xml)) == 1)
    {
      if (!_hp_xlsx_is_element (xml, "si"))
        continue;
      if (!_hp_xlsx_read_string_item (xml, text))
        return FALSE;
      _hp_xlsx_decode_escapes (text);
      g_ptr_array_add (book->shared, g_string_chunk_insert_len (book->chunk, text->str, (gssize) text->len));
    }
  return r == 0;
}

/* A custom number format shows dates if it has y with d or m outside
 * [colours/locales], "literals" and \escapes; times with h or s. */
static HpXlsxNumberKind
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
    return h ? HP_XLSX_DATETIME : HP_XLSX_DATE;
  if (d && m)
    return HP_XLSX_DATE;
  if (h || (m && s))
    return HP_XLSX_TIME;
  return HP_XLSX_NUMBER;
}

static HpXlsxNumberKind
builtin_format_kind (guint id)
{
  if (id >= 14 && id <= 17)
    return HP_XLSX_DATE;
  if (id == 22)
    return HP_XLSX_DATETIME;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return HP_XLSX_TIME;
  return HP_XLSX_NUMBER;
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
      const char *name = _hp_xlsx_local_name (xml);

      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "cellXfs"))
        in_cell_xfs = FALSE;
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;

      if (g_str_equal (name, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (g_str_equal (name, "numFmt"))
        {
          g_autofree char *id = _hp_xlsx_get_attr (xml, "numFmtId");
          g_autofree char *code = _hp_xlsx_get_attr (xml, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_replace (wb->formats, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                  GINT_TO_POINTER (classify_format (code)));
        }
      else if (g_str_equal (name, "xf") && in_cell_xfs)
        {
          g_autofree char *id = _hp_xlsx_get_attr (xml, "numFmtId");
          guint format = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

          g_array_append_val (wb->xf_formats, format);
        }
    }
  return r == 0;
}

/* The part of the sheet @wanted names, or of the first visible worksheet. */
static const char *
choose_sheet (HpTableReader  *reader,
              Workbook       *wb,
              const char     *wanted,
              const char    **out_name,
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
    {
      *out_name = chosen->name;
      return g_hash_table_lookup (wb->targets, chosen->rel_id);
    }

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

/* ------------------------------------------------------------------------ */
/* Loading                                                                    */

gboolean
_hp_xlsx_book_load (HpXlsxBook     *book,
                    HpTableReader  *reader,
                    const char     *sheet,
                    GError        **error)
{
  g_auto(Workbook) wb = { 0 };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  const char *sheet_part;
  const char *sheet_name = NULL;
  gboolean is_zip;
  Part meta[] = {
    { "xl/workbook.xml", parse_workbook, &wb, FALSE },
    { "xl/_rels/workbook.xml.rels", parse_relationships, &wb, FALSE },
  };
  Part data[] = {
    { NULL, parse_shared_strings, book, FALSE },
    { NULL, parse_styles, &wb, FALSE },
  };

  book->chunk = g_string_chunk_new (64 * 1024);
  book->shared = g_ptr_array_new ();
  book->style_kinds = g_byte_array_new ();
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
  sheet_part = choose_sheet (reader, &wb, sheet, &sheet_name, error);
  if (sheet_part == NULL)
    return FALSE;
  book->sheet_part = g_strdup (sheet_part);
  book->sheet_name = g_strdup (sheet_name);
  {
    g_autoptr(GStrvBuilder) worksheets = g_strv_builder_new ();

    for (guint i = 0; i < wb.sheets->len; i++)
      {
        Sheet *s = g_ptr_array_index (wb.sheets, i);
        const char *type = s->rel_id != NULL ? g_hash_table_lookup (wb.types, s->rel_id) : NULL;

        if (!s->hidden && type != NULL && g_str_has_suffix (type, "/worksheet"))
          g_strv_builder_add (worksheets, s->name);
      }
    book->worksheets = g_strv_builder_end (worksheets);
  }
  book->date1904 = wb.date1904;

  /* Pass 2: shared strings and styles, both optional */
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

      g_byte_array_append (book->style_kinds, &kind, 1);
    }
  return TRUE;

failed:
  _hp_table_reader_set_error (reader, error, HP_IMPORT_ERROR_FORMAT, 0, message);
  return FALSE;
}

void
_hp_xlsx_book_clear (HpXlsxBook *book)
{
  g_clear_pointer (&book->sheet_part, g_free);
  g_clear_pointer (&book->sheet_name, g_free);
  g_clear_pointer (&book->worksheets, g_strfreev);
  g_clear_pointer (&book->shared, g_ptr_array_unref);
  g_clear_pointer (&book->chunk, g_string_chunk_free);
  g_clear_pointer (&book->style_kinds, g_byte_array_unref);
}

gboolean
_hp_xlsx_stream_open (HpXlsxStream  *s,
                      const char    *path,
                      const char    *part,
                      char         **out_message)
{
  struct archive_entry *entry;
  int r;

  if (!open_archive (s, path))
    {
      *out_message = g_strdup_printf (_("The workbook is damaged (%s)."), s->error);
      return FALSE;
    }
  while ((r = next_header (s->archive, &entry)) == ARCHIVE_OK)
    if (part_name_equal (entry_name (entry), part))
      break;
  if (r != ARCHIVE_OK)
    {
      /* TRANSLATORS: the part is a file inside the workbook, like xl/worksheets/sheet1.xml */
      *out_message = g_strdup_printf (_("The workbook is damaged (%s is missing)."), part);
      return FALSE;
    }
  if (!start_xml (s, part))
    {
      *out_message = g_strdup_printf (_("The workbook is damaged (%s: %s)."), part, s->error);
      return FALSE;
    }
  return TRUE;
}
