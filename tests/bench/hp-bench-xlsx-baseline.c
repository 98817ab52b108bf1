/* hp-bench-xlsx-baseline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of the export figures in build-aux/bench: a bare
 * libxlsxwriter loop in constant-memory mode that reads the same rows from
 * a Heimpack file with the plain SQLite C API (not through Heimpack) and
 * writes the same sheets and cells as Heimpack's exports, with the same A4
 * print setup, but with no plan, no checks beyond aborting on an error, no
 * progress, no cancelling, no locale switch and no temporary file + rename.
 *
 * Usage: hp-bench-xlsx-baseline delivery SRC.db OUT.xlsx
 *          an overview and one sheet per school with its class list
 *        hp-bench-xlsx-baseline network SRC.db OUT.xlsx
 *          one sheet of the graduates who consented to be contacted, with
 *          the network export's five columns (last and first name, school,
 *          year, consent date)
 *        hp-bench-xlsx-baseline network-memory SRC.db OUT.xlsx
 *          the same sheet with the rows read into memory first; prints the
 *          seconds libxlsxwriter takes to write it (the floor of any export
 *          of these cells)
 *        hp-bench-xlsx-baseline network-csv SRC.db OUT.csv
 *          the same rows as CSV (UTF-8, comma, ISO dates), e.g. for
 *          `soffice --headless --convert-to xlsx`
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

static sqlite3 *db;
static char tmpdir[4096];   /* the output's folder, as Heimpack uses */

static void
check_sql (int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "hp-bench-xlsx-baseline: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static void
check_lxw (lxw_error rc)
{
  if (rc != LXW_NO_ERROR)
    {
      fprintf (stderr, "hp-bench-xlsx-baseline: %s\n", lxw_strerror (rc));
      exit (1);
    }
}

static sqlite3_stmt *
prepare (const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check_sql (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), sql);
  return stmt;
}

static const char *
text (sqlite3_stmt *stmt, int col)
{
  const char *t = (const char *) sqlite3_column_text (stmt, col);
  return t != NULL ? t : "";
}

static lxw_datetime
parse_datetime (const char *iso)
{
  lxw_datetime dt = { 0 };

  sscanf (iso, "%4d-%2d-%2dT%2d:%2d", &dt.year, &dt.month, &dt.day, &dt.hour, &dt.min);
  return dt;
}

static lxw_worksheet *
add_sheet (lxw_workbook *wb, const char *name, int landscape)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);

  if (ws == NULL)
    {
      fprintf (stderr, "hp-bench-xlsx-baseline: could not add sheet %s\n", name);
      exit (1);
    }
  worksheet_set_paper (ws, 9);
  if (landscape)
    worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.6, 0.6, 0.8, 0.8);
  check_lxw (worksheet_set_header (ws, "&LHeimvorteil2GO 2027&R&\"-,Bold\"Lieferscheine"));
  check_lxw (worksheet_set_footer (ws, "&CSeite &P von &N"));
  return ws;
}

static void
raise_open_files (unsigned n)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < n + 64)
    {
      limit.rlim_cur = limit.rlim_max == RLIM_INFINITY || limit.rlim_max > n + 64 ? n + 64 : limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

static int
delivery (const char *out)
{
  lxw_workbook_options options = { .constant_memory = 1, .tmpdir = tmpdir };
  lxw_workbook *wb;
  lxw_worksheet *ov;
  lxw_format *bold, *date, *time_format, *integer, *line;
  sqlite3_stmt *schools, *graduates;
  lxw_row_t row = 4;
  unsigned n_schools = 0;
  char buf[256];

  schools = prepare ("SELECT count(*) FROM campaign_school WHERE campaign_id = 1");
  check_sql (sqlite3_step (schools), "count");
  raise_open_files ((unsigned) sqlite3_column_int (schools, 0) + 1);
  sqlite3_finalize (schools);

  wb = workbook_new_opt (out, &options);
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  date = workbook_add_format (wb);
  format_set_num_format (date, "dd.mm.yyyy");
  time_format = workbook_add_format (wb);
  format_set_num_format (time_format, "hh:mm");
  integer = workbook_add_format (wb);
  format_set_num_format (integer, "#,##0");
  line = workbook_add_format (wb);
  format_set_bottom (line, LXW_BORDER_THIN);

  schools = prepare ("SELECT s.id, s.number, s.name, s.street, s.postcode, s.town, s.contact_teacher, s.phone, "
                     "  s.email, cs.handover_at, coalesce(cs.expected_graduates, 0), coalesce(cs.under18_expected, 0) "
                     "FROM school s JOIN campaign_school cs ON cs.school_id = s.id AND cs.campaign_id = 1 "
                     "ORDER BY s.number");
  graduates = prepare ("SELECT class, last_name, first_name FROM graduate WHERE campaign_id = 1 AND school_id = ?1 "
                       "ORDER BY class, last_name, first_name, id");

  /* The overview first, then one sheet per school, as Heimpack does. */
  ov = add_sheet (wb, "Übersicht", 1);
  for (lxw_col_t c = 0; c < 10; c++)
    check_lxw (worksheet_set_column (ov, c, c, 12, NULL));
  check_lxw (worksheet_repeat_rows (ov, 3, 3));
  worksheet_freeze_panes (ov, 4, 0);
  check_lxw (worksheet_write_string (ov, 0, 0, "Lieferscheine – Übersicht", bold));
  check_lxw (worksheet_write_string (ov, 1, 0, "Heimvorteil2GO 2027", NULL));
  for (lxw_col_t c = 0; c < 10; c++)
    check_lxw (worksheet_write_string (ov, 3, c, "Spalte", bold));

  while (sqlite3_step (schools) == SQLITE_ROW)
    {
      lxw_datetime when = parse_datetime (text (schools, 9));
      lxw_datetime day = when, clock = when;
      double std = sqlite3_column_int (schools, 10), u18 = sqlite3_column_int (schools, 11);

      day.hour = day.min = 0;
      clock.year = clock.month = clock.day = 0;
      snprintf (buf, sizeof buf, "S%s", text (schools, 1));
      check_lxw (worksheet_write_string (ov, row, 0, text (schools, 1), NULL));
      check_lxw (worksheet_write_string (ov, row, 1, text (schools, 2), NULL));
      check_lxw (worksheet_write_string (ov, row, 2, text (schools, 5), NULL));
      check_lxw (worksheet_write_datetime (ov, row, 3, &day, date));
      check_lxw (worksheet_write_datetime (ov, row, 4, &clock, time_format));
      check_lxw (worksheet_write_number (ov, row, 5, std, integer));
      check_lxw (worksheet_write_number (ov, row, 6, u18, integer));
      check_lxw (worksheet_write_formula_num (ov, row, 7, "=F5+G5", integer, std + u18));
      check_lxw (worksheet_write_number (ov, row, 8, 2, integer));
      check_lxw (worksheet_write_string (ov, row, 9, buf, NULL));
      row++;
      n_schools++;
    }
  sqlite3_reset (schools);

  while (sqlite3_step (schools) == SQLITE_ROW)
    {
      lxw_worksheet *ws;
      lxw_datetime when = parse_datetime (text (schools, 9));
      lxw_datetime day = when, clock = when;
      double std = sqlite3_column_int (schools, 10), u18 = sqlite3_column_int (schools, 11);
      lxw_row_t breaks[] = { 27, 0 };
      lxw_row_t r;

      day.hour = day.min = 0;
      clock.year = clock.month = clock.day = 0;
      snprintf (buf, sizeof buf, "S%s", text (schools, 1));
      ws = add_sheet (wb, buf, 0);
      for (lxw_col_t c = 0; c < 6; c++)
        check_lxw (worksheet_set_column (ws, c, c, 18, NULL));

      check_lxw (worksheet_write_string (ws, 0, 0, "Agentur", bold));
      check_lxw (worksheet_write_string (ws, 1, 0, "Am Markt 1 · 59872 Meschede", NULL));
      check_lxw (worksheet_write_string (ws, 2, 0, "Tel. 0291 123", NULL));
      check_lxw (worksheet_write_string (ws, 4, 0, "Lieferschein / Übergabeprotokoll", bold));
      check_lxw (worksheet_write_string (ws, 5, 0, "Heimvorteil2GO 2027", NULL));
      for (int i = 0; i < 4; i++)
        {
          check_lxw (worksheet_write_string (ws, 7 + i, 0, text (schools, i == 0 ? 2 : i == 1 ? 3 : i == 2 ? 5 : 4), NULL));
          check_lxw (worksheet_write_string (ws, 7 + i, 3, "Feld", bold));
          check_lxw (worksheet_write_string (ws, 7 + i, 4, text (schools, 6 + i), NULL));
        }
      check_lxw (worksheet_write_string (ws, 12, 0, "Übergabe am", bold));
      check_lxw (worksheet_write_datetime (ws, 12, 1, &day, date));
      check_lxw (worksheet_write_string (ws, 12, 3, "um", bold));
      check_lxw (worksheet_write_datetime (ws, 12, 4, &clock, time_format));
      check_lxw (worksheet_write_string (ws, 14, 0, "Pakete", bold));
      check_lxw (worksheet_write_string (ws, 14, 1, "Anzahl", bold));
      check_lxw (worksheet_write_string (ws, 15, 0, "Standardpakete", NULL));
      check_lxw (worksheet_write_number (ws, 15, 1, std, integer));
      check_lxw (worksheet_write_string (ws, 16, 0, "Pakete unter 18", NULL));
      check_lxw (worksheet_write_number (ws, 16, 1, u18, integer));
      check_lxw (worksheet_write_string (ws, 17, 0, "Pakete gesamt", bold));
      check_lxw (worksheet_write_formula_num (ws, 17, 1, "=B16+B17", integer, std + u18));
      check_lxw (worksheet_write_string (ws, 18, 0, "Kisten", NULL));
      check_lxw (worksheet_write_number (ws, 18, 1, 2, integer));
      check_lxw (worksheet_write_string (ws, 18, 2, "20 Pakete je Kiste", NULL));
      check_lxw (worksheet_write_string (ws, 20, 0, "Übergeben", bold));
      check_lxw (worksheet_write_string (ws, 20, 3, "Empfangen", bold));
      for (r = 22; r <= 26; r += 2)
        {
          check_lxw (worksheet_set_row (ws, r, 24, NULL));
          check_lxw (worksheet_write_string (ws, r, 0, "Name:", NULL));
          check_lxw (worksheet_write_blank (ws, r, 1, line));
          check_lxw (worksheet_write_blank (ws, r, 2, line));
          check_lxw (worksheet_write_string (ws, r, 3, "Name:", NULL));
          check_lxw (worksheet_write_blank (ws, r, 4, line));
          check_lxw (worksheet_write_blank (ws, r, 5, line));
        }
      check_lxw (worksheet_set_h_pagebreaks (ws, breaks));
      check_lxw (worksheet_write_string (ws, 28, 0, "Klassenliste", bold));
      check_lxw (worksheet_repeat_rows (ws, 30, 30));
      for (lxw_col_t c = 0; c < 4; c++)
        check_lxw (worksheet_write_string (ws, 30, c, "Spalte", bold));

      sqlite3_bind_int64 (graduates, 1, sqlite3_column_int64 (schools, 0));
      for (r = 31; sqlite3_step (graduates) == SQLITE_ROW; r++)
        {
          check_lxw (worksheet_write_string (ws, r, 0, text (graduates, 0), NULL));
          check_lxw (worksheet_write_string (ws, r, 1, text (graduates, 1), NULL));
          check_lxw (worksheet_write_string (ws, r, 2, text (graduates, 2), NULL));
          check_lxw (worksheet_write_string (ws, r, 3, "☐", NULL));
        }
      sqlite3_reset (graduates);
    }

  sqlite3_finalize (schools);
  sqlite3_finalize (graduates);
  check_lxw (workbook_close (wb));
  fprintf (stderr, "%u school sheets\n", n_schools);
  return 0;
}

#define NETWORK_SQL \
  "SELECT g.last_name, g.first_name, s.name, c.year, g.consent_date " \
  "FROM graduate g JOIN school s ON s.id = g.school_id JOIN campaign c ON c.id = g.campaign_id " \
  "WHERE g.consent_date IS NOT NULL ORDER BY c.year DESC, c.id DESC, s.number, g.last_name, g.first_name, g.id"

/* One row of the network sheet, for the loop from memory. */
typedef struct
{
  char *last, *first, *school, *consent;
  int   year;
} NetworkRow;

static char *
dup_text (sqlite3_stmt *stmt, int col)
{
  return strdup (text (stmt, col));
}

/* @rows: NULL to read them from the file while writing, else the rows */
static int
network_write (const char       *out,
               const NetworkRow *rows,
               size_t            n_rows)
{
  lxw_workbook_options options = { .constant_memory = 1, .tmpdir = tmpdir };
  lxw_workbook *wb = workbook_new_opt (out, &options);
  lxw_worksheet *ws = add_sheet (wb, "Netzwerk", 1);
  lxw_format *date = workbook_add_format (wb);
  sqlite3_stmt *stmt = rows == NULL ? prepare (NETWORK_SQL) : NULL;
  lxw_row_t row = 4;

  format_set_num_format (date, "dd.mm.yyyy");
  for (lxw_col_t c = 0; c < 5; c++)
    check_lxw (worksheet_set_column (ws, c, c, 16, NULL));
  check_lxw (worksheet_repeat_rows (ws, 3, 3));
  worksheet_freeze_panes (ws, 4, 0);
  check_lxw (worksheet_write_string (ws, 0, 0, "Rückkehrer-Netzwerk", NULL));
  check_lxw (worksheet_write_string (ws, 1, 0, "Heimvorteil2GO 2027", NULL));
  for (lxw_col_t c = 0; c < 5; c++)
    check_lxw (worksheet_write_string (ws, 3, c, "Spalte", NULL));

  for (size_t i = 0; rows != NULL ? i < n_rows : sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      NetworkRow from_file = { 0 };
      const NetworkRow *r = rows != NULL ? &rows[i] : &from_file;
      lxw_datetime day;

      if (rows == NULL)
        from_file = (NetworkRow) { (char *) text (stmt, 0), (char *) text (stmt, 1), (char *) text (stmt, 2),
                                   (char *) text (stmt, 4), sqlite3_column_int (stmt, 3) };
      day = parse_datetime (r->consent);
      check_lxw (worksheet_write_string (ws, row, 0, r->last, NULL));
      check_lxw (worksheet_write_string (ws, row, 1, r->first, NULL));
      check_lxw (worksheet_write_string (ws, row, 2, r->school, NULL));
      check_lxw (worksheet_write_number (ws, row, 3, r->year, NULL));
      check_lxw (worksheet_write_datetime (ws, row, 4, &day, date));
      row++;
    }

  sqlite3_finalize (stmt);
  check_lxw (workbook_close (wb));
  fprintf (stderr, "%u rows\n", row - 4);
  return 0;
}

static int
network (const char *out)
{
  return network_write (out, NULL, 0);
}

/* The same sheet with the rows read into memory first: what libxlsxwriter
 * alone takes for these cells. Prints the seconds of the writing. */
static int
network_memory (const char *out)
{
  sqlite3_stmt *stmt = prepare (NETWORK_SQL);
  NetworkRow *rows = NULL;
  size_t n = 0, size = 0;
  struct timespec start, end;
  int status;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n == size)
        {
          size = size ? 2 * size : 1024;
          rows = realloc (rows, size * sizeof *rows);
          if (rows == NULL)
            abort ();
        }
      rows[n++] = (NetworkRow) { dup_text (stmt, 0), dup_text (stmt, 1), dup_text (stmt, 2),
                                 dup_text (stmt, 4), sqlite3_column_int (stmt, 3) };
    }
  sqlite3_finalize (stmt);

  clock_gettime (CLOCK_MONOTONIC, &start);
  status = network_write (out, rows, n);
  clock_gettime (CLOCK_MONOTONIC, &end);
  printf ("%.2f\n", (double) (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);

  for (size_t i = 0; i < n; i++)
    {
      free (rows[i].last);
      free (rows[i].first);
      free (rows[i].school);
      free (rows[i].consent);
    }
  free (rows);
  return status;
}

static void
csv_field (FILE *f, const char *value, char end)
{
  fputc ('"', f);
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        fputc ('"', f);
      fputc (*p, f);
    }
  fputc ('"', f);
  fputc (end, f);
}

static int
network_csv (const char *out)
{
  FILE *f = fopen (out, "w");
  sqlite3_stmt *stmt = prepare (NETWORK_SQL);

  if (f == NULL)
    {
      perror (out);
      return 1;
    }
  fputs ("Nachname,Vorname,Schule,Jahrgang,Einwilligung am\n", f);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      csv_field (f, text (stmt, 0), ',');
      csv_field (f, text (stmt, 1), ',');
      csv_field (f, text (stmt, 2), ',');
      fprintf (f, "%d,%s\n", sqlite3_column_int (stmt, 3), text (stmt, 4));
    }
  sqlite3_finalize (stmt);
  return fclose (f) == 0 ? 0 : 1;
}

int
main (int argc, char *argv[])
{
  if (argc != 4)
    {
      fprintf (stderr, "usage: hp-bench-xlsx-baseline delivery|network|network-memory|network-csv SRC.db OUT\n");
      return 2;
    }

  check_sql (sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READONLY, NULL), "open");
  snprintf (tmpdir, sizeof tmpdir, "%s", argv[3]);
  if (strrchr (tmpdir, '/') != NULL)
    *strrchr (tmpdir, '/') = '\0';
  else
    snprintf (tmpdir, sizeof tmpdir, ".");

  if (strcmp (argv[1], "delivery") == 0)
    return delivery (argv[3]);
  if (strcmp (argv[1], "network") == 0)
    return network (argv[3]);
  if (strcmp (argv[1], "network-csv") == 0)
    return network_csv (argv[3]);
  if (strcmp (argv[1], "network-memory") == 0)
    return network_memory (argv[3]);

  fprintf (stderr, "hp-bench-xlsx-baseline: unknown mode %s\n", argv[1]);
  return 2;
}
