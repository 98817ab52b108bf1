/* test-xlsx-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpTableReader on XLSX workbooks, through the public API only. The
 * workbooks are made here, in a temp folder: by libxlsxwriter as Excel
 * writes them (shared strings; inline strings in constant_memory mode), or
 * part by part as XML zipped with libarchive, for what libxlsxwriter never
 * writes (rich text with phonetic runs, error cells, prefixed elements,
 * the 1904 system, damaged parts). One fixture comes from LibreOffice 7.4:
 * tests/data/xlsx-libreoffice.xlsx, made from xlsx-libreoffice.csv with
 *   soffice --headless --infilter="CSV:59,34,76,1,1/2/2/2/3/2,1031" \
 *           --convert-to xlsx xlsx-libreoffice.csv
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <xlsxwriter.h>

#include "hp-test-utils.h"

#define NS_MAIN   "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define WORKBOOK \
  XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>" \
  "<sheet name=\"Tabelle1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"

#define RELS \
  XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/></Relationships>"

#define SHEET(rows) \
  XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows "</sheetData></worksheet>"

/* Style 0 General, 1 built-in date 14 */
#define STYLES \
  XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\"><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>" \
  "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hp_test_tmp_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

/* Writes a ZIP archive of (name, content) pairs, NULL-terminated. */
static void
write_zip (const char *path,
           ...)
{
  struct archive *zip = archive_write_new ();
  const char *name;
  va_list args;

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) strlen (content));
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (zip, content, strlen (content)), ==, (la_ssize_t) strlen (content));
      archive_entry_free (entry);
    }
  va_end (args);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
}

/* A one-sheet workbook from its parts; @shared and @styles may be NULL. */
static char *
write_workbook (Fixture    *f,
                const char *basename,
                const char *sheet,
                const char *shared,
                const char *styles)
{
  char *path = g_build_filename (f->dir, basename, NULL);

  write_zip (path,
             "[Content_Types].xml", XML_DECL "<Types/>",
             "xl/workbook.xml", WORKBOOK,
             "xl/_rels/workbook.xml.rels", RELS,
             "xl/worksheets/sheet1.xml", sheet,
             /* absent parts: something harmless in their place */
             shared != NULL ? "xl/sharedStrings.xml" : "docProps/app.xml", shared != NULL ? shared : "<x/>",
             styles != NULL ? "xl/styles.xml" : "docProps/core.xml", styles != NULL ? styles : "<x/>",
             NULL);
  return path;
}

static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
assert_strv (const char * const *fields,
             va_list             args)
{
  const char *expected;
  guint i = 0;

  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (fields[i]);
      g_assert_cmpstr (fields[i], ==, expected);
      i++;
    }
  g_assert_null (fields[i]);
}

/* The header's line and fields, NULL-terminated. */
static void
assert_header (HpTableReader *reader,
               guint          line,
               ...)
{
  va_list args;

  g_assert_cmpuint (hp_table_reader_get_header_line (reader), ==, line);
  va_start (args, line);
  assert_strv (hp_table_reader_get_header (reader), args);
  va_end (args);
}

/* The next record's line and fields, NULL-terminated. */
static void
assert_record (HpTableReader *reader,
               guint          line,
               ...)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;
  guint got_line = 0;
  va_list args;

  g_assert_true (hp_table_reader_next (reader, &fields, &got_line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got_line, ==, line);
  va_start (args, line);
  assert_strv (fields, args);
  va_end (args);
}

static void
assert_end (HpTableReader *reader)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;

  g_assert_false (hp_table_reader_next (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (hp_table_reader_get_progress (reader), ==, 1.0);
}

static HpTableReader *
open_ok (const char *path,
         const char *sheet)
{
  g_autoptr(GError) error = NULL;
  HpTableOptions options = { 0 };
  HpTableReader *reader;

  options.sheet = sheet;
  reader = hp_table_reader_open (path, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpstr (hp_table_reader_get_format (reader), ==, "XLSX");
  g_assert_cmpstr (hp_table_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (hp_table_reader_get_delimiter (reader), ==, 0);
  return reader;
}

/* Opening fails with HP_IMPORT_ERROR_FORMAT and a message starting with
 * @prefix and containing @part. */
static void
assert_open_fails (const char *path,
                   const char *sheet,
                   const char *prefix,
                   const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpTableReader) reader = NULL;
  HpTableOptions options = { 0 };

  options.sheet = sheet;
  reader = hp_table_reader_open (path, &options, &error);
  g_assert_null (reader);
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, part));
}

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

/* ------------------------------------------------------------------------ */
/* Workbooks as Excel writes them (libxlsxwriter)                             */

static void
test_shared_strings (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "schulen.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  worksheet_write_string (sheet, 0, 0, "Schulname", NULL);
  worksheet_write_string (sheet, 0, 1, "Straße", NULL);
  worksheet_write_string (sheet, 0, 2, "Ort", NULL);
  worksheet_write_string (sheet, 1, 0, "Gymnasium Müllerstraße", NULL);
  worksheet_write_string (sheet, 1, 1, "Große Äußere Öde 5", NULL);
  worksheet_write_string (sheet, 1, 2, "Köln", NULL);
  worksheet_write_string (sheet, 2, 0, "Realschule „Am Bach“ – Süd", NULL);
  worksheet_write_string (sheet, 2, 1, " Leerzeichen außen ", NULL);
  worksheet_write_string (sheet, 2, 2, "Köln", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Schulname", "Straße", "Ort", NULL);
  assert_record (reader, 2, "Gymnasium Müllerstraße", "Große Äußere Öde 5", "Köln", NULL);
  assert_record (reader, 3, "Realschule „Am Bach“ – Süd", " Leerzeichen außen ", "Köln", NULL);
  assert_end (reader);
}

static void
test_inline_strings (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "inline.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = f->dir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  worksheet_write_string (sheet, 0, 0, "Nachname", NULL);
  worksheet_write_string (sheet, 0, 1, "Vorname", NULL);
  worksheet_write_string (sheet, 1, 0, "Müller-Lüdenscheidt", NULL);
  worksheet_write_string (sheet, 1, 1, "Jürgen & <Anna>", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Nachname", "Vorname", NULL);
  assert_record (reader, 2, "Müller-Lüdenscheidt", "Jürgen & <Anna>", NULL);
  assert_end (reader);
}

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "zahlen.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *money = workbook_add_format (workbook);
  lxw_format *metres = workbook_add_format (workbook);
  lxw_format *red = workbook_add_format (workbook);
  const char *header[] = { "Nummer", "Schlüssel", "Betrag", "Telefon", "Summe", "Aktiv", "Formel" };

  format_set_num_format (money, "#,##0.00 [$€-407]");
  format_set_num_format (metres, "0.0 \"mm\"");
  format_set_num_format (red, "[Red]0.00;[Magenta]-0.00");
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 0, c, header[c], NULL);

  worksheet_write_number (sheet, 1, 0, 5958004, NULL);
  worksheet_write_string (sheet, 1, 1, "05958004", NULL);
  worksheet_write_number (sheet, 1, 2, 1.5, money);
  worksheet_write_number (sheet, 1, 3, 4915112345678.0, NULL);
  worksheet_write_number (sheet, 1, 4, 0.1 + 0.2, NULL);
  worksheet_write_boolean (sheet, 1, 5, 1, NULL);
  worksheet_write_formula_str (sheet, 1, 6, "=B2&\"x\"", NULL, "05958004x");

  worksheet_write_number (sheet, 2, 0, -3.25, metres);
  worksheet_write_number (sheet, 2, 1, 0.00001, NULL);
  worksheet_write_number (sheet, 2, 2, 1e20, NULL);
  worksheet_write_number (sheet, 2, 3, 123456789012345.0, NULL);
  worksheet_write_number (sheet, 2, 4, 1234567.891, red);
  worksheet_write_boolean (sheet, 2, 5, 0, NULL);
  worksheet_write_number (sheet, 2, 6, 0, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Nummer", "Schlüssel", "Betrag", "Telefon", "Summe", "Aktiv", "Formel", NULL);
  assert_record (reader, 2, "5958004", "05958004", "1.5", "4915112345678", "0.3", "TRUE", "05958004x", NULL);
  assert_record (reader, 3, "-3.25", "0.00001", "1e+20", "123456789012345", "1234567.891", "FALSE", "0", NULL);
  assert_end (reader);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "daten.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *german = workbook_add_format (workbook);
  lxw_format *builtin = workbook_add_format (workbook);
  lxw_format *long_date = workbook_add_format (workbook);
  lxw_format *date_time = workbook_add_format (workbook);
  lxw_format *time = workbook_add_format (workbook);
  lxw_datetime birthday = { 2007, 3, 15, 0, 0, 0 };
  lxw_datetime early = { 1900, 1, 15, 0, 0, 0 };
  lxw_datetime leaving = { 2027, 6, 30, 0, 0, 0 };
  lxw_datetime handover = { 2027, 7, 1, 8, 30, 0 };
  lxw_datetime midnight = { 2027, 7, 2, 0, 0, 0 };
  const char *header[] = { "Geburtsdatum", "Eingeschult", "Abgang", "Übergabe", "Uhrzeit" };

  format_set_num_format (german, "dd.mm.yyyy");
  format_set_num_format_index (builtin, 14);
  format_set_num_format (long_date, "[$-407]DD. MMMM YYYY;@");
  format_set_num_format (date_time, "dd.mm.yyyy hh:mm");
  format_set_num_format (time, "hh:mm");
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 0, c, header[c], NULL);

  worksheet_write_datetime (sheet, 1, 0, &birthday, german);
  worksheet_write_datetime (sheet, 1, 1, &early, builtin);
  worksheet_write_datetime (sheet, 1, 2, &leaving, long_date);
  worksheet_write_datetime (sheet, 1, 3, &handover, date_time);
  worksheet_write_datetime (sheet, 1, 4, &handover, time);
  /* A date-time at midnight is a date; a date with a time keeps the date */
  worksheet_write_datetime (sheet, 2, 0, &handover, german);
  worksheet_write_datetime (sheet, 2, 3, &midnight, date_time);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Geburtsdatum", "Eingeschult", "Abgang", "Übergabe", "Uhrzeit", NULL);
  assert_record (reader, 2, "2007-03-15", "1900-01-15", "2027-06-30", "2027-07-01T08:30", "08:30", NULL);
  assert_record (reader, 3, "2027-07-01", "", "", "2027-07-02", "", NULL);
  assert_end (reader);
}

static void
test_empty_cells (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "luecken.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *bold = workbook_add_format (workbook);

  format_set_bold (bold);
  worksheet_write_string (sheet, 0, 0, "Schülerliste 2027", bold);
  worksheet_write_string (sheet, 2, 0, "Name", NULL);
  worksheet_write_string (sheet, 2, 1, "Vorname", NULL);
  worksheet_write_string (sheet, 2, 2, "Klasse", NULL);
  worksheet_write_string (sheet, 2, 3, "Bemerkung", NULL);
  worksheet_write_string (sheet, 3, 0, "Özdemir", NULL);
  worksheet_write_string (sheet, 3, 2, "10b", NULL);
  worksheet_write_string (sheet, 3, 3, "neu", NULL);
  worksheet_write_string (sheet, 4, 0, "Weiß", NULL);
  worksheet_write_string (sheet, 4, 1, "Lea", NULL);
  /* Row 6 has only a formatted empty cell; row 7 ends after its first cell */
  worksheet_write_blank (sheet, 5, 1, bold);
  worksheet_write_string (sheet, 6, 0, "Zander", NULL);
  worksheet_write_blank (sheet, 6, 3, bold);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 3, "Name", "Vorname", "Klasse", "Bemerkung", NULL);
  assert_record (reader, 4, "Özdemir", "", "10b", "neu", NULL);
  assert_record (reader, 5, "Weiß", "Lea", "", "", NULL);
  assert_record (reader, 7, "Zander", "", "", "", NULL);
  assert_end (reader);
}

static lxw_workbook *
two_sheets (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *schools = workbook_add_worksheet (workbook, "Schulen");
  lxw_worksheet *students = workbook_add_worksheet (workbook, "Schüler");

  worksheet_write_string (schools, 0, 0, "Schulnummer", NULL);
  worksheet_write_string (schools, 0, 1, "Name", NULL);
  worksheet_write_number (schools, 1, 0, 170500, NULL);
  worksheet_write_string (schools, 1, 1, "Realschule", NULL);
  worksheet_write_string (students, 0, 0, "Nachname", NULL);
  worksheet_write_string (students, 0, 1, "Vorname", NULL);
  worksheet_write_string (students, 4, 0, "Yılmaz", NULL);
  worksheet_write_string (students, 4, 1, "Elif", NULL);
  return workbook;
}

static void
test_sheet_by_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "zwei.xlsx", NULL);
  HpTableReader *reader;

  g_assert_cmpint (workbook_close (two_sheets (path)), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Schulnummer", "Name", NULL);
  assert_record (reader, 2, "170500", "Realschule", NULL);
  assert_end (reader);
  hp_table_reader_free (reader);

  reader = open_ok (path, "Schüler");
  g_assert_cmpstr (hp_table_reader_get_sheet (reader), ==, "Schüler");
  assert_header (reader, 1, "Nachname", "Vorname", NULL);
  assert_record (reader, 5, "Yılmaz", "Elif", NULL);
  assert_end (reader);
  hp_table_reader_free (reader);

  /* Excel's sheet names are case-insensitive */
  reader = open_ok (path, "SCHÜLER");
  assert_header (reader, 1, "Nachname", "Vorname", NULL);
  hp_table_reader_free (reader);

  assert_open_fails (path, "Lehrer", "zwei.xlsx: ", "“Lehrer”; its sheets are “Schulen”, “Schüler”");
}

/* A first sheet with nothing (a cover sheet left empty) and a second with
 * only a cell of spaces: the first sheet with data is read, and the reader
 * says which; a chosen sheet is read even when it is empty (an error). */
static void
test_first_sheet_with_data (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deckblatt.xlsx", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "leer.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *cover = workbook_add_worksheet (workbook, "Deckblatt");
  lxw_worksheet *blank = workbook_add_worksheet (workbook, "Leer");
  lxw_worksheet *list = workbook_add_worksheet (workbook, "Liste");
  HpTableReader *reader;

  (void) cover;
  worksheet_write_string (blank, 3, 2, "", NULL);
  worksheet_write_string (list, 0, 0, "Nachname", NULL);
  worksheet_write_string (list, 0, 1, "Vorname", NULL);
  worksheet_write_string (list, 1, 0, "Öztürk", NULL);
  worksheet_write_string (list, 1, 1, "Ayşe", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_ok (path, NULL);
  g_assert_cmpstr (hp_table_reader_get_sheet (reader), ==, "Liste");
  assert_header (reader, 1, "Nachname", "Vorname", NULL);
  assert_record (reader, 2, "Öztürk", "Ayşe", NULL);
  assert_end (reader);
  hp_table_reader_free (reader);

  /* Chosen: no other sheet instead */
  assert_open_fails (path, "Deckblatt", "deckblatt.xlsx: ", "empty");

  /* Every sheet empty: still "empty" */
  workbook = workbook_new (empty_path);
  workbook_add_worksheet (workbook, "Eins");
  workbook_add_worksheet (workbook, "Zwei");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  assert_open_fails (empty_path, NULL, "leer.xlsx: ", "empty");
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  const guint n_rows = 50000;
  g_autofree char *path = g_build_filename (f->dir, "gross.xlsx", NULL);
  g_autoptr(HpTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = f->dir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  const char * const *fields = NULL;
  gsize rss_early = 0;
  double progress = 0;
  guint line = 0;
  guint n = 0;

  worksheet_write_string (sheet, 0, 0, "Nachname", NULL);
  worksheet_write_string (sheet, 0, 1, "Vorname", NULL);
  worksheet_write_string (sheet, 0, 2, "Geburtsjahr", NULL);
  worksheet_write_string (sheet, 0, 3, "Schulnummer", NULL);
  worksheet_write_string (sheet, 0, 4, "Bemerkung", NULL);
  for (lxw_row_t r = 1; r <= n_rows; r++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "Schüler %u", r);
      worksheet_write_string (sheet, r, 0, name, NULL);
      worksheet_write_string (sheet, r, 1, "Anna-Lena", NULL);
      worksheet_write_number (sheet, r, 2, 2000 + r % 10, NULL);
      worksheet_write_number (sheet, r, 3, 100000 + r, NULL);
      worksheet_write_string (sheet, r, 4, "Eine längere Bemerkung, damit die Zeile etwas wiegt", NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  timer = g_timer_new ();
  reader = open_ok (path, NULL);
  while (hp_table_reader_next (reader, &fields, &line, &error))
    {
      double now = hp_table_reader_get_progress (reader);

      n++;
      g_assert_cmpuint (line, ==, n + 1);
      g_assert_cmpfloat (now, >=, progress);
      g_assert_cmpfloat (now, <=, 1.0);
      progress = now;
      if (n == 1000)
        rss_early = resident_bytes ();
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_rows);
  g_assert_cmpuint (line, ==, n_rows + 1);
  g_assert_cmpstr (fields[0], ==, "Schüler 50000");
  g_assert_cmpstr (fields[3], ==, "150000");
  g_assert_cmpfloat (hp_table_reader_get_progress (reader), ==, 1.0);
  g_test_message ("%u rows in %.2f s; RSS after 1000 rows %zu kB, at the end %zu kB", n,
                  g_timer_elapsed (timer, NULL), rss_early / 1024, resident_bytes () / 1024);
  /* Streaming: the sheet is several MB of XML, memory stays flat (not
   * under valgrind or AddressSanitizer, which hold freed blocks back) */
#ifndef __SANITIZE_ADDRESS__
  if (strstr (g_getenv ("LD_PRELOAD") != NULL ? g_getenv ("LD_PRELOAD") : "", "vgpreload") == NULL)
    g_assert_cmpuint (resident_bytes (), <, rss_early + 2 * 1024 * 1024);
#endif
}

/* ------------------------------------------------------------------------ */
/* Workbooks part by part                                                     */

static void
test_rich_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autofree char *path =
    write_workbook (f, "rich.xlsx",
                    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                           "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
                           "<c r=\"B2\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>Fett</t></r>"
                           "<r><t xml:space=\"preserve\"> und normal</t></r></is></c></row>"
                           "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"s\"><v>4</v></c></row>"
                           "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>5</v></c><c r=\"B4\" t=\"s\"><v>7</v></c></row>"
                           "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>x</t></is></c>"
                           "<c r=\"B5\" t=\"s\"><v>6</v></c></row>"),
                    XML_DECL "<sst xmlns=\"" NS_MAIN "\" count=\"8\" uniqueCount=\"8\">"
                    "<si><t>Name</t></si><si><t>Bemerkung</t></si>"
                    "<si><r><rPr><b/></rPr><t>Müller</t></r><r><t xml:space=\"preserve\">-Lüdenscheidt </t></r>"
                    "<rPh sb=\"0\" eb=\"1\"><t>ミュラー</t></rPh><phoneticPr fontId=\"1\"/></si>"
                    "<si><t xml:space=\"preserve\">  zwei Leerzeichen</t></si>"
                    "<si><t>Zeile 1_x000D_\nZeile 2</t></si>"
                    "<si><t>  getrimmt\n</t></si>"
                    "<si/>"
                    "<si><t>_x005F_x0041_ &amp; &#x20AC;</t></si></sst>",
                    NULL);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Name", "Bemerkung", NULL);
  assert_record (reader, 2, "Müller-Lüdenscheidt ", "Fett und normal", NULL);
  assert_record (reader, 3, "  zwei Leerzeichen", "Zeile 1\r\nZeile 2", NULL);
  assert_record (reader, 4, "getrimmt", "_x0041_ & €", NULL);
  assert_record (reader, 5, "x", "", NULL);
  assert_end (reader);
}

static void
test_cell_types (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  /* Prefixed elements, cells and a row without references, cells out of
   * order, no shared strings and no styles part */
  g_autofree char *path =
    write_workbook (f, "typen.xlsx",
                    XML_DECL "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:dimension ref=\"A1:F7\"/><x:sheetData>"
                    "<x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>Fehler</x:t></x:is></x:c>"
                    "<x:c t=\"inlineStr\"><x:is><x:t>Wahr</x:t></x:is></x:c>"
                    "<x:c t=\"inlineStr\"><x:is><x:t>Falsch</x:t></x:is></x:c>"
                    "<x:c t=\"inlineStr\"><x:is><x:t>Formel</x:t></x:is></x:c>"
                    "<x:c t=\"inlineStr\"><x:is><x:t>ISO</x:t></x:is></x:c>"
                    "<x:c t=\"inlineStr\"><x:is><x:t>Zahl</x:t></x:is></x:c></x:row>"
                    "<x:row r=\"2\"><x:c r=\"A2\" t=\"e\"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c>"
                    "<x:c r=\"B2\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"C2\" t=\"b\"><x:v>0</x:v></x:c>"
                    "<x:c r=\"D2\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>Fehlerx</x:v></x:c>"
                    "<x:c r=\"E2\" t=\"d\"><x:v>2027-06-30T00:00:00</x:v></x:c>"
                    "<x:c r=\"F2\"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>"
                    "<x:row><x:c t=\"e\"><x:v>#DIV/0!</x:v></x:c><x:c/><x:c s=\"0\" t=\"n\"/>"
                    "<x:c t=\"str\"><x:v></x:v></x:c><x:c t=\"d\"><x:v>2027-06-30T08:15:00</x:v></x:c>"
                    "<x:c><x:v>1.25E-3</x:v></x:c></x:row>"
                    "<x:row r=\"4\"/>"
                    "<x:row r=\"7\" spans=\"1:6\"><x:c r=\"F7\"><x:v>5958004</x:v></x:c>"
                    "<x:c r=\"A7\" t=\"inlineStr\"><x:is><x:t>rückwärts</x:t></x:is></x:c></x:row>"
                    "</x:sheetData><x:mergeCells count=\"0\"/></x:worksheet>",
                    NULL, NULL);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Fehler", "Wahr", "Falsch", "Formel", "ISO", "Zahl", NULL);
  assert_record (reader, 2, "#N/A", "TRUE", "FALSE", "Fehlerx", "2027-06-30", "2", NULL);
  assert_record (reader, 3, "#DIV/0!", "", "", "", "2027-06-30T08:15", "0.00125", NULL);
  assert_record (reader, 7, "rückwärts", "", "", "", "", "5958004", NULL);
  assert_end (reader);
}

static void
test_leap_year_bug (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autofree char *path =
    write_workbook (f, "1900.xlsx",
                    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Serial</t></is></c>"
                           "<c r=\"B1\" t=\"inlineStr\"><is><t>Datum</t></is></c></row>"
                           "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>1</v></c></row>"
                           "<row r=\"3\"><c r=\"A3\"><v>59</v></c><c r=\"B3\" s=\"1\"><v>59</v></c></row>"
                           "<row r=\"4\"><c r=\"A4\"><v>60</v></c><c r=\"B4\" s=\"1\"><v>60</v></c></row>"
                           "<row r=\"5\"><c r=\"A5\"><v>61</v></c><c r=\"B5\" s=\"1\"><v>61</v></c></row>"
                           "<row r=\"6\"><c r=\"A6\"><v>45000.75</v></c><c r=\"B6\" s=\"1\"><v>45000.75</v></c></row>"
                           "<row r=\"7\"><c r=\"A7\"><v>0</v></c><c r=\"B7\" s=\"1\"><v>0</v></c></row>"
                           "<row r=\"8\"><c r=\"A8\"><v>-1</v></c><c r=\"B8\" s=\"9\"><v>-1</v></c></row>"),
                    NULL, STYLES);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Serial", "Datum", NULL);
  assert_record (reader, 2, "1", "1900-01-01", NULL);
  assert_record (reader, 3, "59", "1900-02-28", NULL);
  assert_record (reader, 4, "60", "1900-02-29", NULL);   /* Excel's day that never was */
  assert_record (reader, 5, "61", "1900-03-01", NULL);
  assert_record (reader, 6, "45000.75", "2023-03-15", NULL);
  assert_record (reader, 7, "0", "0", NULL);
  assert_record (reader, 8, "-1", "-1", NULL);
  assert_end (reader);
}

static void
test_date_1904 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autofree char *path = g_build_filename (f->dir, "mac.xlsx", NULL);

  write_zip (path,
             "xl/workbook.xml",
             XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><workbookPr date1904=\"1\"/>"
             "<sheets><sheet name=\"Tabelle1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
             /* Excel 2010 adds another workbookPr (without date1904) */
             "<extLst><ext uri=\"{79F54976-1DA5-4618-B147-4CDE4B953A38}\" "
             "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\">"
             "<x14:workbookPr defaultImageDpi=\"32767\"/></ext></extLst></workbook>",
             "xl/_rels/workbook.xml.rels", RELS,
             "xl/styles.xml", STYLES,
             "xl/worksheets/sheet1.xml",
             SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Datum</t></is></c>"
                    "<c r=\"B1\" t=\"inlineStr\"><is><t>Zahl</t></is></c></row>"
                    "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c><c r=\"B2\"><v>0</v></c></row>"
                    "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>43538</v></c><c r=\"B3\"><v>43538</v></c></row>"),
             NULL);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Datum", "Zahl", NULL);
  assert_record (reader, 2, "1904-01-01", "0", NULL);
  assert_record (reader, 3, "2023-03-15", "43538", NULL);
  assert_end (reader);
}

/* The first sheet is hidden and the second a chart: the default is the
 * first visible worksheet. Part targets are absolute and oddly named. */
static void
test_first_visible_sheet (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autofree char *path = g_build_filename (f->dir, "versteckt.xlsx", NULL);

  write_zip (path,
             "xl/workbook.xml",
             XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
             "<sheet name=\"Hilfswerte\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
             "<sheet name=\"Diagramm\" sheetId=\"2\" r:id=\"rId2\"/>"
             "<sheet name=\"Liste\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>",
             "xl/_rels/workbook.xml.rels",
             XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"/xl/worksheets/hilfe.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" NS_REL "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
             "<Relationship Id=\"rId3\" Type=\"" NS_REL "/worksheet\" Target=\"./worksheets/../worksheets/liste.xml\"/>"
             "<Relationship Id=\"rId4\" Type=\"" NS_REL "/sharedStrings\" Target=\"/xl/texte.xml\"/>"
             "</Relationships>",
             "xl/worksheets/hilfe.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"),
             "xl/texte.xml",
             XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>Ort</t></si><si><t>PLZ</t></si><si><t>Köln</t></si></sst>",
             "xl/worksheets/liste.xml",
             SHEET ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>50667</v></c></row>"),
             NULL);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "Ort", "PLZ", NULL);
  assert_record (reader, 2, "Köln", "50667", NULL);
  assert_end (reader);
}

static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xlsx-libreoffice.xlsx", NULL);
  g_autoptr(HpTableReader) reader = open_ok (path, NULL);

  assert_header (reader, 1, "Schulnummer", "Name", "Ort", "Gründung", "Schüler", "Quote", "Beginn", NULL);
  assert_record (reader, 2, "05958004", "Gymnasium Müllerstraße", "Köln", "1905-04-01", "812", "0.25", "08:30", NULL);
  assert_record (reader, 3, "170500", "Realschule Am Bach", "Düsseldorf", "", "430", "", "", NULL);
  assert_record (reader, 4, "", "Gesamtschule Süd", "Essen", "2001-08-15", "1203", "1.5", "07:45", NULL);
  assert_end (reader);
}

/* ------------------------------------------------------------------------ */
/* Not workbooks, damaged workbooks                                           */

static void
test_not_zip (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "kaputt.xlsx", NULL);
  static const char bytes[] = "PK\x03\x04 this was cut off after the first bytes of a download";

  write_file (path, bytes, sizeof bytes - 1);
  assert_open_fails (path, NULL, "kaputt.xlsx: ", "not an Excel workbook (XLSX)");
}

static void
test_no_workbook (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "archiv.xlsx", NULL);
  g_autofree char *ods = g_build_filename (f->dir, "calc.xlsx", NULL);

  write_zip (path, "liesmich.txt", "Hallo", "daten/schulen.csv", "a;b\n1;2\n", NULL);
  assert_open_fails (path, NULL, "archiv.xlsx: ", "not an Excel workbook (XLSX)");

  write_zip (ods, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>", NULL);
  assert_open_fails (ods, NULL, "calc.xlsx: ", "OpenDocument");
}

static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "geheim.xlsx", NULL);
  char bytes[1024] = { '\xD0', '\xCF', '\x11', '\xE0', '\xA1', '\xB1', '\x1A', '\xE1' };

  write_file (path, bytes, sizeof bytes);
  assert_open_fails (path, NULL, "geheim.xlsx: ", "protected with a password or is an old .xls file");
}

static void
test_damaged_sheet (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HpTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rows = g_string_new ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>A</t></is></c>"
                                          "<c r=\"B1\" t=\"inlineStr\"><is><t>B</t></is></c></row>");
  g_autofree char *sheet = NULL;
  g_autofree char *path = NULL;
  const char * const *fields = NULL;
  guint line = 0;
  g_autofree char *missing =
    write_workbook (f, "fehlt.xlsx",
                    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
                           "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>"),
                    XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>X</t></si></sst>", NULL);
  g_autofree char *bad_styles =
    write_workbook (f, "stile.xlsx", SHEET (""), NULL, XML_DECL "<styleSheet><cellXfs></styleSheet>");

  /* Rows 2 … 100 are fine, row 101 lacks its </c> */
  for (guint r = 2; r <= 100; r++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c><c r=\"B%u\"><v>1</v></c></row>",
                            r, r, r, r);
  g_string_append (rows, "<row r=\"101\"><c r=\"A101\"><v>3</v></c><c r=\"B101\"><v>4</v></row>");
  sheet = g_strdup_printf (SHEET ("%s"), rows->str);
  path = write_workbook (f, "defekt.xlsx", sheet, NULL, NULL);

  reader = open_ok (path, NULL);
  assert_header (reader, 1, "A", "B", NULL);
  while (hp_table_reader_next (reader, &fields, &line, &error))
    g_assert_cmpstr (fields[1], ==, "1");
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  /* Every good row came through; the message names the first bad one (the
   * parser reads ahead 512 bytes, so in general it may name an earlier one) */
  g_assert_cmpuint (line, ==, 100);
  g_assert_true (g_str_has_prefix (error->message,
                                   "defekt.xlsx, line 101: The sheet is damaged (Opening and ending tag mismatch"));
  g_clear_pointer (&reader, hp_table_reader_free);
  g_clear_error (&error);

  /* The header search reads ahead, so this fails while opening */
  g_assert_null (hp_table_reader_open (missing, NULL, &error));
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, "fehlt.xlsx, line 2: The sheet is damaged (a cell refers to a missing shared text).");
  g_clear_error (&error);

  assert_open_fails (bad_styles, NULL, "stile.xlsx: ", "damaged (xl/styles.xml: ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define TEST(name, func) \
  g_test_add ("/heimpack/xlsx-reader/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  TEST ("shared-strings", test_shared_strings);
  TEST ("inline-strings", test_inline_strings);
  TEST ("numbers", test_numbers);
  TEST ("dates", test_dates);
  TEST ("empty-cells", test_empty_cells);
  TEST ("sheet-by-name", test_sheet_by_name);
  TEST ("first-sheet-with-data", test_first_sheet_with_data);
  TEST ("large", test_large);
  TEST ("rich-text", test_rich_text);
  TEST ("cell-types", test_cell_types);
  TEST ("leap-year-bug", test_leap_year_bug);
  TEST ("date-1904", test_date_1904);
  TEST ("first-visible-sheet", test_first_visible_sheet);
  TEST ("libreoffice", test_libreoffice);
  TEST ("not-zip", test_not_zip);
  TEST ("no-workbook", test_no_workbook);
  TEST ("password", test_password);
  TEST ("damaged-sheet", test_damaged_sheet);

  return g_test_run ();
}
