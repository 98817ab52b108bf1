/* test-import-received.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading back a returned, ticked class list (issue 14, point 2): a
 * workbook laid out as the delivery sheets' class lists, written here with
 * libxlsxwriter, so that the reading is checked on its own; the round trip
 * through the real export is in test-cli ("import-received").
 */

#include "config.h"

#include <xlsxwriter.h>

#include "test-store-fixture.h"

enum { ANNA, BEN, CARLA, DORIS, FINN, MAX1, MAX2, N_GRADUATES };

typedef struct
{
  Fixture  base;
  char    *dir;
  char    *path;
  gint64   ids[N_GRADUATES];
} Received;

static gint64
add (Received   *f,
     gint64      school_id,
     const char *class_name,
     const char *last_name,
     const char *first_name,
     gboolean    received)
{
  g_autoptr(HpGraduate) g = add_graduate (f->base.store, cid (&f->base), school_id, class_name, last_name,
                                          first_name);
  g_autoptr(GError) error = NULL;

  if (received)
    {
      hp_graduate_set_pack_received (g, TRUE);
      g_assert_true (hp_store_update_graduate (f->base.store, g, &error));
      g_assert_no_error (error);
    }
  return hp_graduate_get_id (g);
}

static void
write_row (lxw_worksheet *ws,
           lxw_row_t      row,
           const char    *class_name,
           const char    *last_name,
           const char    *first_name,
           const char    *tick,
           gint64         id)
{
  worksheet_write_string (ws, row, 0, class_name, NULL);
  worksheet_write_string (ws, row, 1, last_name, NULL);
  worksheet_write_string (ws, row, 2, first_name, NULL);
  worksheet_write_string (ws, row, 4, tick, NULL);
  if (id > 0)
    worksheet_write_number (ws, row, 6, (double) id, NULL);
}

static void
heading (lxw_worksheet *ws,
         lxw_row_t      row,
         const char    *number)
{
  worksheet_write_string (ws, 0, 0, "Südwestfalen Agentur GmbH", NULL);
  worksheet_write_string (ws, 7, 3, "School number", NULL);
  worksheet_write_string (ws, 7, 4, number, NULL);
  worksheet_write_string (ws, row, 0, "Class", NULL);
  worksheet_write_string (ws, row, 1, "Last name", NULL);
  worksheet_write_string (ws, row, 2, "First name", NULL);
  worksheet_write_string (ws, row, 3, "U18", NULL);
  worksheet_write_string (ws, row, 4, "received ☐", NULL);
  worksheet_write_string (ws, row, 6, "heimpack-id", NULL);
}

/*
 * Realschule (100001), as returned:
 *   row 21  Q2 Adler Anna     "x"    her ID        → ticked, matched, new
 *   row 22  Q2 Berg Ben       "☐"    his ID        → not ticked
 *   row 23  Q2 Conrad Carla   "✓"    no ID         → by name: matched, new
 *   row 24  Q2 Dorn Doris     "nein" her ID        → not ticked
 *   row 25  Q2 Unbekannt Udo  "x"    no ID         → unmatched
 *   row 26  Q2 Eck Emil       "x"    Anna's ID     → the name disagrees: unmatched
 *   row 27  Q2 Fink Finn      "X"    his ID        → matched, had it already
 * Gymnasium (100002): two Max Meier in Q1:
 *   row 21  Q1 Meier Max      "x"    no ID         → two by that name: unmatched
 * So 2 lists, 8 rows, 6 ticked, 3 matched (Anna, Carla, Finn), 2 new (Anna,
 * Carla), 3 unmatched.
 */
static void
received_setup (Received      *f,
                gconstpointer  data)
{
  g_autoptr(HpSchool) real = NULL;
  g_autoptr(HpSchool) gym = NULL;
  lxw_workbook *wb;
  lxw_worksheet *ws;

  fixture_setup (&f->base, data);
  real = add_school (f->base.store, "100001", "Realschule");
  gym = add_school (f->base.store, "100002", "Gymnasium");
  f->ids[ANNA] = add (f, hp_school_get_id (real), "Q2", "Adler", "Anna", FALSE);
  f->ids[BEN] = add (f, hp_school_get_id (real), "Q2", "Berg", "Ben", FALSE);
  f->ids[CARLA] = add (f, hp_school_get_id (real), "Q2", "Conrad", "Carla", FALSE);
  f->ids[DORIS] = add (f, hp_school_get_id (real), "Q2", "Dorn", "Doris", FALSE);
  f->ids[FINN] = add (f, hp_school_get_id (real), "Q2", "Fink", "Finn", TRUE);
  f->ids[MAX1] = add (f, hp_school_get_id (gym), "Q1", "Meier", "Max", FALSE);
  f->ids[MAX2] = add (f, hp_school_get_id (gym), "Q1", "Meier", "Max", FALSE);

  f->dir = hp_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  wb = workbook_new (f->path);
  ws = workbook_add_worksheet (wb, "Overview");
  worksheet_write_string (ws, 0, 0, "School no.", NULL);
  worksheet_write_string (ws, 1, 0, "100001", NULL);

  ws = workbook_add_worksheet (wb, "Realschule");
  heading (ws, 19, "100001");
  write_row (ws, 20, "Q2", "Adler", "Anna", "x", f->ids[ANNA]);
  write_row (ws, 21, "Q2", "Berg", "Ben", "☐", f->ids[BEN]);
  write_row (ws, 22, "Q2", "Conrad", "Carla", "✓", 0);
  write_row (ws, 23, "Q2", "Dorn", "Doris", "nein", f->ids[DORIS]);
  write_row (ws, 24, "Q2", "Unbekannt", "Udo", "x", 0);
  write_row (ws, 25, "Q2", "Eck", "Emil", "x", f->ids[ANNA]);
  write_row (ws, 26, "Q2", "Fink", "Finn", "X", f->ids[FINN]);

  ws = workbook_add_worksheet (wb, "Gymnasium");
  heading (ws, 19, "100002");
  write_row (ws, 20, "Q1", "Meier", "Max", "x", 0);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
}

static void
received_teardown (Received      *f,
                   gconstpointer  data)
{
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  fixture_teardown (&f->base, data);
}

static gboolean
got_it (Received *f,
        guint     who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) g = hp_store_get_graduate (f->base.store, f->ids[who], &error);

  g_assert_no_error (error);
  return hp_graduate_get_pack_received (g);
}

static void
assert_report (const HpReceivedReport *r)
{
  g_assert_cmpuint (r->sheets, ==, 2);
  g_assert_cmpuint (r->rows, ==, 8);
  g_assert_cmpuint (r->ticked, ==, 6);
  g_assert_cmpuint (r->matched, ==, 3);
  g_assert_cmpuint (r->unmatched, ==, 3);
  g_assert_cmpuint (r->unmatched_rows->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r->unmatched_rows, 0), ==, "Realschule, row 25: Q2 Unbekannt Udo");
  g_assert_cmpstr (g_ptr_array_index (r->unmatched_rows, 1), ==, "Realschule, row 26: Q2 Eck Emil");
  g_assert_cmpstr (g_ptr_array_index (r->unmatched_rows, 2), ==, "Gymnasium, row 21: Q1 Meier Max");
}

static void
test_received (Received      *f,
               gconstpointer  data)
{
  HpReceivedReport report = { 0 };
  g_autoptr(GError) error = NULL;

  /* a dry run counts and changes nothing */
  g_assert_true (hp_import_received (f->base.store, cid (&f->base), f->path, TRUE, &report, NULL, &error));
  g_assert_no_error (error);
  assert_report (&report);
  g_assert_cmpuint (report.newly, ==, 2);
  g_assert_false (got_it (f, ANNA));
  g_assert_false (got_it (f, CARLA));
  hp_received_report_clear (&report);

  g_assert_true (hp_import_received (f->base.store, cid (&f->base), f->path, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  assert_report (&report);
  g_assert_cmpuint (report.newly, ==, 2);
  hp_received_report_clear (&report);

  g_assert_true (got_it (f, ANNA));
  g_assert_false (got_it (f, BEN));
  g_assert_true (got_it (f, CARLA));
  g_assert_false (got_it (f, DORIS));
  g_assert_true (got_it (f, FINN));
  g_assert_false (got_it (f, MAX1));
  g_assert_false (got_it (f, MAX2));

  /* read again: nothing new */
  g_assert_true (hp_import_received (f->base.store, cid (&f->base), f->path, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.matched, ==, 3);
  g_assert_cmpuint (report.newly, ==, 0);
  hp_received_report_clear (&report);
}

/* A workbook without class lists is refused, and changes nothing. */
static void
test_no_list (Received      *f,
              gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Sonstiges.xlsx", NULL);
  HpReceivedReport report = { 0 };
  g_autoptr(GError) error = NULL;
  lxw_workbook *wb = workbook_new (other);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Tabelle1");

  worksheet_write_string (ws, 0, 0, "Name", NULL);
  worksheet_write_string (ws, 0, 1, "erhalten", NULL);
  worksheet_write_string (ws, 1, 0, "Adler", NULL);
  worksheet_write_string (ws, 1, 1, "x", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  g_assert_false (hp_import_received (f->base.store, cid (&f->base), other, FALSE, &report, NULL, &error));
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "no class list"));
  hp_received_report_clear (&report);
  g_assert_false (got_it (f, ANNA));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/heimpack/import-received/read", Received, NULL, received_setup, test_received, received_teardown);
  g_test_add ("/heimpack/import-received/no-list", Received, NULL, received_setup, test_no_list,
              received_teardown);

  return g_test_run ();
}
