/* test-export-network.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The returnee network export as a stream. Its rows are read in a thread of
 * their own and handed to the writing thread in batches
 * (src/core/export/hp-export-prefetch.c), so besides the sheet itself
 * (test-export.c) this checks:
 *
 * - the order over several campaigns: newest year first, then the newer
 *   campaign, school number, last and first name in telephone-book order,
 *   and the order of entry;
 * - a few thousand rows (more than the batches in flight), none lost or
 *   doubled;
 * - every way the stream stops halfway: a cancel, libxlsxwriter refusing a
 *   cell in the writing thread, SQLite failing in the reader. Each returns
 *   its own error and leaves the old file as it was; a reader that was not
 *   stopped would hang the test until its timeout.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-store-fixture.h"
/* the test hooks */
#include "src/core/export/hp-export-private.h"

#define SEED 20270625

static const char old_contents[] = "the old workbook";

#define CHECK(facts, expr, ...) g_assert_true (hp_test_json_check (facts, expr, __VA_ARGS__))

/* Gives a graduate added with add_graduate() a consent date and source. */
static void
set_consent (HpStore    *store,
             HpGraduate *graduate,
             const char *date)
{
  g_autoptr(GError) error = NULL;

  hp_graduate_set_consent_date (graduate, date);
  hp_graduate_set_consent_source (graduate, "Abiball");
  g_assert_true (hp_store_update_graduate (store, graduate, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* The order over campaigns                                                  */

/* The campaigns after the fixture's "Heimvorteil2GO 2027" (2027, the lowest
 * id): ids in neither year order nor its reverse, and two of one year. */
static const struct
{
  const char *name;
  int         year;
} campaigns[] = {
  { "Heimvorteil2GO 2026", 2026 },
  { "Heimvorteil2GO 2027 Nachzügler", 2027 },
  { "Heimvorteil2GO 2028", 2028 },
};

enum { C2027A, C2026, C2027B, C2028 };
enum { REAL, GYM };

/* Entered in an order that is none of the sheet's; NULL: no consent. */
static const struct
{
  guint       campaign;
  guint       school;
  const char *last_name;
  const char *first_name;
  const char *consent;
} entered[] = {
  { C2026, REAL, "Adler", "Finn", "2026-01-16" },
  { C2026, GYM, "Wolf", "Nina", "2026-01-15" },
  { C2028, GYM, "Neu", "Nick", NULL },
  { C2027B, REAL, "Zimmermann", "Anna", "2027-03-01" },
  { C2027B, GYM, "Meier", "Paul", "2027-01-12" },
  { C2027B, GYM, "Müller", "Jonas", "2027-02-01" },
  { C2027B, GYM, "Özdemir", "Can", "2027-02-05" },
  { C2027B, GYM, "Otto", "Max", "2027-02-04" },
  { C2027B, GYM, "Muller", "Ben", "2027-02-03" },
  { C2027B, GYM, "Mueller", "Lea", "2027-02-02" },
  { C2027A, REAL, "Schmidt", "Lena", "2026-12-24" },
  { C2027A, GYM, "Abel", "Kurt", NULL },
  { C2027B, GYM, "Meier", "Paul", "2027-01-11" },
  { C2027B, GYM, "Meier", "Bernd", "2027-01-10" },
  { C2027B, GYM, "Meier", "anna", "2027-01-09" },
  { C2027B, GYM, "Grosz", "Udo", "2027-01-08" },
  { C2027B, GYM, "Groß", "Eva", "2027-01-07" },
  { C2027B, GYM, "Bauer", "Tom", "2027-01-06" },
  { C2027B, GYM, "Ährens", "Ida", "2027-01-05" },
};

/* Last name, first name, school, year, consent date. Byte order would put
 * "Bauer" before "Ährens", "Grosz" before "Groß" and "Bernd" before "anna";
 * telephone-book order does not. */
static const char expected_order[] =
  "Ährens;Ida;Gymnasium;2027;2027-01-05\n"
  "Bauer;Tom;Gymnasium;2027;2027-01-06\n"
  "Groß;Eva;Gymnasium;2027;2027-01-07\n"
  "Grosz;Udo;Gymnasium;2027;2027-01-08\n"
  "Meier;anna;Gymnasium;2027;2027-01-09\n"
  "Meier;Bernd;Gymnasium;2027;2027-01-10\n"
  "Meier;Paul;Gymnasium;2027;2027-01-12\n"   /* entered first */
  "Meier;Paul;Gymnasium;2027;2027-01-11\n"
  "Mueller;Lea;Gymnasium;2027;2027-02-02\n"
  "Muller;Ben;Gymnasium;2027;2027-02-03\n"
  "Müller;Jonas;Gymnasium;2027;2027-02-01\n"
  "Otto;Max;Gymnasium;2027;2027-02-04\n"
  "Özdemir;Can;Gymnasium;2027;2027-02-05\n"
  "Zimmermann;Anna;Realschule;2027;2027-03-01\n"
  "Schmidt;Lena;Realschule;2027;2026-12-24\n"
  "Wolf;Nina;Gymnasium;2026;2026-01-15\n"
  "Adler;Finn;Realschule;2026;2026-01-16";

/* On the store tests' fixture: a ":memory:" store with one campaign. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "Netzwerk.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) real = NULL;
  g_autoptr(HpSchool) gym = NULL;
  gint64 campaign_ids[G_N_ELEMENTS (campaigns) + 1] = { cid (f) };
  gint64 school_ids[2];

  HP_TEST_REQUIRE_OPENPYXL ();

  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      g_autoptr(HpCampaign) campaign = hp_campaign_new (campaigns[i].name, campaigns[i].year);

      g_assert_true (hp_store_add_campaign (f->store, campaign, &error));
      g_assert_no_error (error);
      campaign_ids[i + 1] = hp_campaign_get_id (campaign);
    }
  /* School numbers are text: "100" before "20". */
  real = add_school (f->store, "20", "Realschule");
  gym = add_school (f->store, "100", "Gymnasium");
  school_ids[REAL] = hp_school_get_id (real);
  school_ids[GYM] = hp_school_get_id (gym);

  for (guint i = 0; i < G_N_ELEMENTS (entered); i++)
    {
      g_autoptr(HpGraduate) graduate = add_graduate (f->store, campaign_ids[entered[i].campaign],
                                                     school_ids[entered[i].school], NULL,
                                                     entered[i].last_name, entered[i].first_name);

      if (entered[i].consent != NULL)
        set_consent (f->store, graduate, entered[i].consent);
    }

  g_assert_true (hp_export_write (f->store, campaign_ids[C2026], HP_EXPORT_NETWORK, NULL, path,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = hp_test_xlsx_facts (path, 100);

  /* columns: last, first, e-mail, phone, school, year, consent on, source */
  CHECK (facts, "[';'.join(str(r[k][0]) for k in (0, 1, 4, 5, 6)) for r in d['sheets'][0]['rows'][4:]] "
                "== a[0].split('\\n')",
         expected_order, NULL);
  CHECK (facts, "all(r[5][1] == 'n' and r[6][1] == 'date' and r[7][0] == 'Abiball' "
                "    for r in d['sheets'][0]['rows'][4:])", NULL);

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* A region: more rows than the batches in flight                            */

typedef struct
{
  char       *dir;
  char       *db;
  char       *out_dir;
  char       *out;        /* holds old_contents before each test */
  HpStore    *store;
  HpCampaign *campaign;
} Region;

static void
region_setup (Region        *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hp_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "heimpack.db", NULL);
  f->out_dir = g_build_filename (f->dir, "out", NULL);
  f->out = g_build_filename (f->out_dir, "Netzwerk.xlsx", NULL);
  g_assert_cmpint (g_mkdir (f->out_dir, 0700), ==, 0);
  g_file_set_contents (f->out, old_contents, -1, &error);
  g_assert_no_error (error);

  /* A file, so that the reader test can damage it. */
  f->store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->campaign = hp_demo_fill (f->store, HP_DEMO_SCALE_REGION, SEED, &error);
  g_assert_no_error (error);
}

static void
region_teardown (Region        *f,
                 gconstpointer  data)
{
  g_clear_object (&f->campaign);
  g_assert_finalize_object (f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->out);
  g_free (f->out_dir);
  g_free (f->db);
  g_free (f->dir);
}

#define REGION_TEST(path, func) \
  g_test_add ("/heimpack/export-network/" path, Region, NULL, region_setup, func, region_teardown)

typedef struct
{
  GCancellable *cancel_at_half;   /* nullable */
  double        last;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  if (p->cancel_at_half != NULL && fraction >= 0.45)
    g_cancellable_cancel (p->cancel_at_half);
}

static void
assert_old_file (Region *f)
{
  g_autofree char *contents = NULL;
  g_autofree char *listing = hp_test_list_dir (f->out_dir);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (f->out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, old_contents);
  /* No temporary file left behind. */
  g_assert_cmpstr (listing, ==, "Netzwerk.xlsx");
}

/* Of the consenting graduates: "last;first;school;date", one a line, and
 * the names of their schools in number order (hp_store_list_graduates()
 * lists by school number), one a line. */
static guint
list_consenting (Region   *f,
                 char    **out_rows,
                 char    **out_schools)
{
  g_autoptr(GListModel) graduates = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GString) schools = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *school = NULL;
  guint n = 0;

  graduates = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign), 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (graduates); i++)
    {
      g_autoptr(HpGraduate) g = g_list_model_get_item (graduates, i);

      if (hp_graduate_get_consent_date (g) == NULL)
        continue;

      g_string_append_printf (rows, "%s%s;%s;%s;%s", n > 0 ? "\n" : "",
                              hp_graduate_get_last_name (g), hp_graduate_get_first_name (g),
                              hp_graduate_get_school_name (g), hp_graduate_get_consent_date (g));
      if (g_strcmp0 (school, hp_graduate_get_school_name (g)) != 0)
        g_string_append_printf (schools, "%s%s", n > 0 ? "\n" : "", hp_graduate_get_school_name (g));
      school = hp_graduate_get_school_name (g);
      n++;
    }

  *out_rows = g_string_free (g_steal_pointer (&rows), FALSE);
  *out_schools = g_string_free (g_steal_pointer (&schools), FALSE);
  return n;
}

static void
test_batches (Region        *f,
              gconstpointer  data)
{
  g_autofree char *facts = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *rows_path = g_build_filename (f->dir, "rows.txt", NULL);
  g_autofree char *schools = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  HP_TEST_REQUIRE_OPENPYXL ();

  n = list_consenting (f, &rows, &schools);
  /* More than the reader may hold (4 batches of 1,024): it has to wait. */
  g_assert_cmpuint (n, >, 4 * 1024);
  count = g_strdup_printf ("%u", n);

  g_assert_true (hp_export_write (f->store, hp_campaign_get_id (f->campaign), HP_EXPORT_NETWORK, NULL, f->out,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = hp_test_xlsx_facts (f->out, n + 10);

  CHECK (facts, "d['sheets'][0]['max_row'] == 4 + int(a[0])", count, NULL);
  /* Every consenting graduate once (too many for an argument: a file) … */
  g_file_set_contents (rows_path, rows, -1, &error);
  g_assert_no_error (error);
  CHECK (facts, "sorted(';'.join(str(c[0]) for c in (r[0], r[1], r[4])) + ';' + r[6][0] "
                "       for r in d['sheets'][0]['rows'][4:]) == sorted(open(a[0]).read().split('\\n'))",
         rows_path, NULL);
  /* … school after school, by number. */
  CHECK (facts, "[k for k, _ in __import__('itertools').groupby(r[4][0] for r in d['sheets'][0]['rows'][4:])] "
                "== a[0].split('\\n')", schools, NULL);
}

/* ------------------------------------------------------------------------ */
/* Stopping halfway                                                          */

static void
test_cancel (Region        *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { cancellable, 0 };
  Progress all = { NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = hp_campaign_get_id (f->campaign);

  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_NETWORK, NULL, f->out, progress_cb, &p,
                                   cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (p.last, >=, 0.45);
  g_assert_cmpfloat (p.last, <, 0.55);
  assert_old_file (f);
  g_clear_error (&error);

  /* Nothing is left over: the next export runs to the end. */
  g_assert_true (hp_export_write (f->store, id, HP_EXPORT_NETWORK, NULL, f->out, progress_cb, &all,
                                  NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (all.last, ==, 1.0);
}

static void
test_writer_fails (Region        *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(HpGraduate) graduate = NULL;
  Progress p = { NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = hp_campaign_get_id (f->campaign);
  gboolean ok;

  /* A name the writer refuses (the test hook stands for a value that
   * libxlsxwriter refuses), in a school halfway down the list: it fails
   * while the reader is well ahead. */
  schools = hp_store_list_schools (f->store, id, &error);
  g_assert_no_error (error);
  school = hp_test_list_get (schools, g_list_model_get_n_items (schools) / 2);
  graduate = add_graduate (f->store, id, hp_school_get_id (school), NULL, "Refused-Name", "Anna");
  set_consent (f->store, graduate, "2027-03-15");

  _hp_export_test_refused_text = "Refused-Name";
  ok = hp_export_write (f->store, id, HP_EXPORT_NETWORK, NULL, f->out, progress_cb, &p, NULL, &error);
  _hp_export_test_refused_text = NULL;
  g_assert_false (ok);
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Network"));
  g_assert_cmpfloat (p.last, >, 0.2);
  g_assert_cmpfloat (p.last, <, 0.8);
  assert_old_file (f);
}

/* Overwrites a leaf page of the index that the network query walks school
 * by school, 60 % of the way along: SQLite fails in the reader thread when
 * it gets there, after thousands of rows. */
static void
damage_index (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0;
  gint64 page_size = 0;
  gsize length = 0;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno, (SELECT page_size FROM pragma_page_size) FROM dbstat "
                                       "WHERE name = 'graduate_campaign_school' AND pagetype = 'leaf' "
                                       "ORDER BY path LIMIT 1 OFFSET "
                                       "  (SELECT count(*) * 6 / 10 FROM dbstat "
                                       "   WHERE name = 'graduate_campaign_school' AND pagetype = 'leaf')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);

  g_file_get_contents (db_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, (gsize) (page * page_size));
  memset (contents + (page - 1) * page_size, 0xff, 16);
  g_file_set_contents (db_path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_reader_fails (Region        *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Progress p = { NULL, 0 };
  gint64 id = hp_campaign_get_id (f->campaign);

  /* Closed first: the last connection folds the WAL into the file. */
  g_assert_finalize_object (g_steal_pointer (&f->store));
  damage_index (f->db);
  f->store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_NETWORK, NULL, f->out, progress_cb, &p, NULL, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "malformed"));
  g_assert_cmpfloat (p.last, >, 0.2);
  assert_old_file (f);
}

/* ------------------------------------------------------------------------ */
/* Contacts with consent (issue 14, point 6)                                 */

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "Netzwerk.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(HpGraduate) lena = NULL;
  g_autoptr(HpGraduate) kurt = NULL;
  g_autoptr(HpGraduate) again = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  school = add_school (f->store, "20", "Realschule");
  lena = add_graduate (f->store, cid (f), hp_school_get_id (school), NULL, "Schmidt", "Lena");
  kurt = add_graduate (f->store, cid (f), hp_school_get_id (school), NULL, "Abel", "Kurt");

  /* Kurt never consented: no e-mail address for him, and nothing stored. */
  hp_graduate_set_email (kurt, "kurt@example.org");
  g_assert_false (hp_store_update_graduate (f->store, kurt, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "consent"));
  g_clear_error (&error);
  /* a consent date alone is not enough: where it was given belongs to it */
  hp_graduate_set_consent_date (kurt, "2027-03-01");
  g_assert_false (hp_store_update_graduate (f->store, kurt, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again = hp_store_get_graduate (f->store, hp_graduate_get_id (kurt), &error);
  g_assert_no_error (error);
  g_assert_null (hp_graduate_get_email (again));
  g_assert_null (hp_graduate_get_consent_date (again));
  g_clear_object (&again);

  /* Lena consented at the Abiball: e-mail and phone are kept. */
  hp_graduate_set_consent_date (lena, "2027-02-01");
  hp_graduate_set_consent_source (lena, "Abiball");
  hp_graduate_set_email (lena, "no-at-sign.example.org");
  g_assert_false (hp_store_update_graduate (f->store, lena, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  hp_graduate_set_email (lena, "lena.schmidt@example.org");
  hp_graduate_set_phone (lena, "0171 2345678");
  g_assert_true (hp_store_update_graduate (f->store, lena, &error));
  g_assert_no_error (error);
  again = hp_store_get_graduate (f->store, hp_graduate_get_id (lena), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_graduate_get_email (again), ==, "lena.schmidt@example.org");
  g_assert_cmpstr (hp_graduate_get_phone (again), ==, "0171 2345678");
  g_assert_true (hp_graduate_has_consent (again));

  g_assert_true (hp_export_write (f->store, cid (f), HP_EXPORT_NETWORK, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = hp_test_xlsx_facts (path, 100);

  /* one row, Lena's, with her contact data; Kurt does not appear */
  CHECK (facts, "[[c[0] for c in r] for r in d['sheets'][0]['rows'][4:]] == "
                "[['Schmidt', 'Lena', 'lena.schmidt@example.org', '0171 2345678', 'Realschule', 2027, "
                "  r[6][0], 'Abiball'] for r in d['sheets'][0]['rows'][4:5]]", NULL);
  CHECK (facts, "d['sheets'][0]['max_row'] == 5", NULL);

  hp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/heimpack/export-network/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/heimpack/export-network/contacts", Fixture, NULL, fixture_setup, test_contacts, fixture_teardown);
  REGION_TEST ("batches", test_batches);
  REGION_TEST ("cancel", test_cancel);
  REGION_TEST ("writer-fails", test_writer_fails);
  REGION_TEST ("reader-fails", test_reader_fails);

  return g_test_run ();
}
