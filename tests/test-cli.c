/* test-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli as a user or script sees it: the real binary ($HEIMPACK_CLI)
 * on a database in a temp folder. Exit status 0 / 1 (one line on stderr) /
 * 2 (usage), JSON output (checked with python3's json module), the database
 * left alone when it is too new, a round-1 file upgraded, and a whole drive
 * run from the command line (pledges, bookings, pack contents, items, the
 * plan).
 */

#include "config.h"

#include <locale.h>

#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "hp-test-utils.h"

#define EVIL_SQL "'); DROP TABLE school;--"
#define UMLAUTS  "Müller & Söhne – Bäckerei Groß"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hp_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "heimpack.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static gboolean
can_run (void)
{
  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return FALSE;
    }
  if (!hp_test_have_python ())
    {
      g_test_skip ("/usr/bin/python3 is needed to check JSON");
      return FALSE;
    }
  return TRUE;
}

#define TEST(path, func) \
  g_test_add ("/heimpack/cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

#define RUN(...) hp_test_run_cli (f->db, __VA_ARGS__, NULL)

/* Success: exit 0, nothing on stderr. */
static void
assert_ok (HpTestCliResult *r)
{
  if (r->status != 0)
    g_error ("expected exit 0, got %d; stderr: %s", r->status, r->err);
  g_assert_cmpint (r->status, ==, 0);
}

/* Failure: exit 1 and exactly one line "heimpack-cli: …" on stderr. */
static void
assert_failure (HpTestCliResult *r)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "heimpack-cli: "));
  g_assert_cmpuint (hp_test_count_lines (r->err), ==, 1);
  g_assert_cmpuint (strlen (r->err), >, strlen ("heimpack-cli: \n"));
}

/* Usage error: exit 2 with a message. */
static void
assert_usage (HpTestCliResult *r)
{
  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpuint (strlen (g_strstrip (r->err)), >, 0);
}

/* Success with nothing on stderr. */
static void
assert_ok_quiet (HpTestCliResult *r)
{
  assert_ok (r);
  g_assert_cmpstr (r->err, ==, "");
}

static gint64
json_int (const char *json,
          const char *expr)
{
  g_autofree char *value = hp_test_json_eval (json, expr, NULL);
  char *end = NULL;
  gint64 v;

  g_assert_nonnull (value);
  v = g_ascii_strtoll (value, &end, 10);
  g_assert_true (end != value && *end == '\0');

  return v;
}

/* The "id" of the record that a --json add printed, as an argument. */
static char *
json_id (HpTestCliResult *r)
{
  assert_ok (r);
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
}

/* ------------------------------------------------------------------------ */

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("frobnicate");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (f->db, NULL);
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "frobnicate");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "huge");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--name", "Ohne Sponsor");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Ohne Jahr");
    assert_usage (r);
  }

  /* nothing of that created a database with data in it */
  if (g_file_test (f->db, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HpStore) store = hp_store_open (f->db, HP_STORE_OPEN_READ_ONLY, &error);
      HpStoreStats stats = { 0, };

      g_assert_no_error (error);
      g_assert_true (hp_store_get_stats (store, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.sponsors + stats.products + stats.campaigns, ==, 0);
    }
}

static void
test_demo_stats (Fixture       *f,
                 gconstpointer  data)
{
  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district", "--seed", "7");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("stats", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "isinstance(d, dict)", NULL));
    g_assert_cmpint (json_int (r->out, "d['campaigns']"), ==, 1);
    g_assert_cmpint (json_int (r->out, "d['sponsors']"), ==, 40);
    g_assert_cmpint (json_int (r->out, "d['products']"), ==, 60);
    g_assert_cmpint (json_int (r->out, "d['schools']"), ==, 30);
    g_assert_cmpint (json_int (r->out, "d['graduates']"), ==, 2000);
  }
  {
    /* global options before the command, too */
    const char *args[] = { "--json", "--db", f->db, "stats", NULL };
    g_autoptr(HpTestCliResult) r = hp_test_run_cli_argv (args);

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['graduates']"), ==, 2000);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("stats");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "30"));
    g_assert_false (hp_test_json_check (r->out, "True", NULL));   /* a table, not JSON */
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "isinstance(d, list) and len(d) == 30", NULL));
    g_assert_true (hp_test_json_check (r->out, "all(len(s['postcode']) == 5 and isinstance(s['number'], str) for s in d)", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsors", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 40 and all(isinstance(s['id'], int) and s['name'] for s in d)", NULL));
  }
}

static void
test_sponsor_roundtrip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *evil_id = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", UMLAUTS,
                                        "--contact", "Frau Jäger", "--email", "info@example.de",
                                        "--phone", "02961 1234", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == a[0] and d['contact'] == a[1] and d['id'] > 0",
                                       UMLAUTS, "Frau Jäger", NULL));
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", EVIL_SQL, "--json");

    assert_ok (r);
    evil_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "=HYPERLINK(\"x\")");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 3", NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "any(s['name'] == a[0] and s['contact'] == a[1] and s['email'] == a[2] and s['phone'] == a[3] and str(s['id']) == a[4] for s in d)",
                                       UMLAUTS, "Frau Jäger", "info@example.de", "02961 1234", id, NULL));
    g_assert_true (hp_test_json_check (r->out, "any(s['name'] == a[0] and str(s['id']) == a[1] for s in d)",
                                       EVIL_SQL, evil_id, NULL));
    g_assert_true (hp_test_json_check (r->out, "any(s['name'] == a[0] for s in d)", "=HYPERLINK(\"x\")", NULL));
  }
  {
    /* the text table shows the names as they are */
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, UMLAUTS));
    g_assert_nonnull (strstr (r->out, EVIL_SQL));
  }

  /* the school table survived */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "123456", "--name", EVIL_SQL);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("schools", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['name'] == a[0] and d[0]['number'] == '123456'",
                                       EVIL_SQL, NULL));
  }

  /* edit */
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "edit", id, "--name", "Bäckerei Groß GmbH", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == a[0] and d['contact'] == a[1]",
                                       "Bäckerei Groß GmbH", "Frau Jäger", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "any(s['name'] == a[0] and str(s['id']) == a[1] for s in d)",
                                       "Bäckerei Groß GmbH", id, NULL));
    g_assert_true (hp_test_json_check (r->out, "not any(s['name'] == a[0] for s in d)", UMLAUTS, NULL));
  }

  /* remove */
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "remove", evil_id);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2 and not any(s['name'] == a[0] for s in d)", EVIL_SQL, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "remove", "987654");
    assert_failure (r);
  }
}

static void
test_product_and_in_use (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *sponsor = NULL;
  g_autofree char *product = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Brauerei Veltins", "--json");

    assert_ok (r);
    sponsor = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Pils 0,33 l",
                                        "--value", "3,99", "--adult-only", "--best-before", "5.1.2028", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['value_cents'] == 399 and d['adult_only'] is True and d['best_before'] == '2028-01-05' and d['name'] == a[0] and str(d['sponsor_id']) == a[1]",
                                       "Pils 0,33 l", sponsor, NULL));
    product = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Öffner", "--value", "1.234,50");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("products", "list", "--sponsor", sponsor, "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2", NULL));
    g_assert_true (hp_test_json_check (r->out, "any(p['name'] == a[0] and p['value_cents'] == 123450 and p['adult_only'] is False for p in d)",
                                       "Öffner", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "edit", product, "--value", "4");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "any(str(p['id']) == a[0] and p['value_cents'] == 400 and p['adult_only'] is True for p in d)",
                                       product, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Kaputt", "--value", "abc");

    g_assert_cmpint (r->status, !=, 0);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Kaputt", "--best-before", "31.02.2028");

    g_assert_cmpint (r->status, !=, 0);
  }

  /* a sponsor with products stays */
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "remove", sponsor);

    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and str(d[0]['id']) == a[0]", sponsor, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2", NULL));
  }

  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "remove", product);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }
}

static void
test_campaign_school_graduate (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *grad = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Heimvorteil2GO 2027", "--year", "2027",
                                        "--handover-date", "25.06.2027", "--spare-percent", "8", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == a[0] and d['year'] == 2027 and d['handover_date'] == '2027-06-25' and d['spare_percent'] == 8",
                                       "Heimvorteil2GO 2027", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "012345", "--name", "Gymnasium Petrinum",
                                        "--postcode", "01067", "--town", "Brilon", "--district-key", "05958004",
                                        "--school-form", "02", "--expected", "80", "--handover", "2027-06-25T11:00");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d) == 1 and d[0]['number'] == '012345' and d[0]['postcode'] == '01067' and "
                                       "d[0]['district_key'] == '05958004' and d[0]['school_form'] == '02' and "
                                       "d[0]['expected_graduates'] == 80 and d[0]['handover'] == '2027-06-25T11:00'",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "012345", "--last-name", "Özdemir",
                                        "--first-name", "Zoë 🎒", "--class", "Q2", "--birth-date", "05.01.2009",
                                        "--consent-date", "2027-06-25", "--consent-source", "Formular Abiball",
                                        "--pack-received", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['last_name'] == a[0] and d['first_name'] == a[1] and d['birth_date'] == '2009-01-05' and "
                                       "d['class_name'] == 'Q2' and d['pack_received'] is True and d['consent_source'] == a[2]",
                                       "Özdemir", "Zoë 🎒", "Formular Abiball", NULL));
    grad = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "012345", "--birth-date", "2009-02-30");

    g_assert_cmpint (r->status, !=, 0);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "999999");

    g_assert_cmpint (r->status, !=, 0);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduates", "list", "--school", "012345", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['last_name'] == a[0] and d[0]['school_name'] == a[1]",
                                       "Özdemir", "Gymnasium Petrinum", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "edit", grad, "--class", "13b");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['class_name'] == '13b' and d[0]['birth_date'] == '2009-01-05'", NULL));
  }

  /* duplicate school number */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "012345", "--name", "Doppelt");

    assert_failure (r);
  }
  /* a school with graduates stays */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "remove", "012345");

    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }

  /* clone: newest first in the list */
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "clone", "Heimvorteil2GO 2028", "--year", "2028",
                                        "--from", "Heimvorteil2GO 2027");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaigns", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2 and d[0]['year'] == 2028 and d[1]['name'] == a[0]",
                                       "Heimvorteil2GO 2027", NULL));
  }
  {
    /* the new campaign is current: no graduates yet, expected carried over */
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d == []", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json", "--campaign", "Heimvorteil2GO 2028");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d[0]['expected_graduates'] == 80 and d[0]['handover'] is None", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--campaign", "Heimvorteil2GO 2027", "graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--campaign", "Gibt es nicht");

    assert_failure (r);
  }

  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "remove", grad);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "remove", "012345");
    assert_ok (r);
  }
}

/* ------------------------------------------------------------------------ */
/* Databases the CLI must not touch or cannot have                           */

static void
bump_user_version (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", HP_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Brauerei Veltins");
    assert_ok (r);
  }
  bump_user_version (f->db);
  /* all of it is in the main file, none in a write-ahead log */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) wal_bytes = hp_test_file_bytes (wal);

      g_assert_cmpuint (g_bytes_get_size (wal_bytes), ==, 0);
    }
  before = hp_test_file_bytes (f->db);

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Neu");
    g_autoptr(GBytes) after = NULL;

    assert_failure (r);
    after = hp_test_file_bytes (f->db);
    g_assert_true (hp_test_bytes_equal (before, after));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list");
    g_autoptr(GBytes) after = NULL;

    assert_failure (r);
    after = hp_test_file_bytes (f->db);
    g_assert_true (hp_test_bytes_equal (before, after));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("stats", "--json");
    g_autoptr(GBytes) after = NULL;

    assert_failure (r);
    g_assert_cmpstr (r->out, ==, "");
    after = hp_test_file_bytes (f->db);
    g_assert_true (hp_test_bytes_equal (before, after));
  }
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Brauerei Veltins");
    assert_ok (r);
  }

  store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Gesperrt");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, g_get_user_name ()));
  }
  {
    /* reading works next to the writer */
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }

  g_assert_finalize_object (g_steal_pointer (&store));

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Wieder frei");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2", NULL));
  }
}

static void
test_not_heimpack (Fixture       *f,
                   gconstpointer  data)
{
  static const char text[] = "Das ist keine Datenbank.\n";
  g_autoptr(GError) error = NULL;

  if (!can_run ())
    return;

  g_file_set_contents (f->db, text, -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "X");
    g_autoptr(GBytes) after = hp_test_file_bytes (f->db);
    g_autoptr(GBytes) expected = g_bytes_new_static (text, sizeof text - 1);

    assert_failure (r);
    g_assert_true (hp_test_bytes_equal (expected, after));
  }
}

/* With LANGUAGE=de the tables and messages are German (the catalogue comes
 * from the build tree through HEIMPACK_LOCALEDIR, set by tests/meson.build). */
static void
test_german (Fixture       *f,
             gconstpointer  data)
{
  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");
    assert_ok (r);
  }

  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("stats");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "Sponsoren"));
    g_assert_nonnull (strstr (r->out, "Absolvent:innen"));
  }
  {
    /* 30 schools with graduates: removing one is refused, in German */
    g_autoptr(HpTestCliResult) list = RUN ("school", "list", "--json");
    g_autofree char *number = NULL;
    g_autoptr(HpTestCliResult) r = NULL;

    assert_ok (list);
    number = hp_test_json_eval (list->out, "d[0]['number']", NULL);
    g_assert_nonnull (number);
    r = RUN ("school", "remove", number);
    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "Absolvent:innen"));
    g_assert_nonnull (strstr (r->err, "Entfernen Sie"));
  }
  {
    /* the agency's labels, aligned by characters: "Straße" is 6 of them
     * (7 bytes), "Postleitzahl" the longest with 12, so the values start
     * at column 12 + 2 = 14 */
    g_autoptr(HpTestCliResult) r = RUN ("agency", "set", "--name", "Agentur", "--street", "Am Markt 1");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Straße        Am Markt 1\n"));
    g_assert_nonnull (strstr (r->out, "Name          Agentur\n"));
  }
  g_unsetenv ("LANGUAGE");
}

/* Issue 15, "Numbers": text output groups counts the language's way, not
 * LC_NUMERIC's, and the help writes dates the language's way; --json keeps
 * raw numbers, and a date is read in both forms. Worked by hand: a booking
 * of 1234567 pieces groups as 1|234|567, "1,234,567" in English even
 * under LC_ALL=de_DE.UTF-8, "1.234.567" in German. */
static void
test_counts_and_dates_follow_language (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *old_lc_all = g_strdup (g_getenv ("LC_ALL"));

  if (!can_run ())
    return;

  assert_ok (RUN ("demo", "--scale", "district"));
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    product = hp_test_json_eval (r->out, "d[0]['id']", NULL);
    g_assert_nonnull (product);
  }

  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", product, "--quantity", "1234567",
                                        "--date", "2027-04-02");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Booked 1,234,567 pieces of “"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "list", "--product", product);

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, " 1,234,567 "));
    g_assert_null (strstr (r->out, "1.234.567"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "list", "--product", product, "--json");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "\"quantity\":1234567"));
  }
  {
    /* the help writes the English (ISO) date; DD.MM.YYYY stays accepted */
    g_autoptr(HpTestCliResult) r = RUN ("handover", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "[--date \"YYYY-MM-DD[ HH:MM]\"]"));
    g_assert_null (strstr (r->out, "DD.MM.YYYY"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", product, "--quantity", "1",
                                        "--date", "03.04.2027");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Booked 1 piece of “"));
    g_assert_nonnull (strstr (r->out, " on 2027-04-03 "));
  }

  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "list", "--product", product);

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, " 1.234.567 "));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "[--date \"TT.MM.JJJJ[ HH:MM]\"]"));
  }

  g_unsetenv ("LANGUAGE");
  if (old_lc_all != NULL)
    g_setenv ("LC_ALL", old_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
}

/* Issue 15: an imported date that is none names the forms that are read
 * (hp_parse_date(): ISO and day.month.year), in the language's words:
 * 31.02.2008 is no calendar date (February has at most 29 days). */
static void
test_date_error_names_forms (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "graduates-bad-date.csv", NULL);
  g_autofree char *number = NULL;

  if (!can_run ())
    return;

  assert_ok (RUN ("demo", "--scale", "district"));
  {
    g_autoptr(HpTestCliResult) list = RUN ("school", "list", "--json");

    assert_ok (list);
    number = hp_test_json_eval (list->out, "d[0]['number']", NULL);
    g_assert_nonnull (number);
  }

  g_setenv ("LANGUAGE", "en", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "graduates", csv, "--school", number);

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "graduates-bad-date.csv, line 3, column “Geburtsdatum”: "
                                      "“31.02.2008” is not a date (YYYY-MM-DD or DD.MM.YYYY).\n"));
  }
  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "graduates", csv, "--school", number);

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "„31.02.2008“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).\n"));
  }
  g_unsetenv ("LANGUAGE");
}

/* Issue 15, "Numbers": the CLI's sentences (not only its tables) write
 * counts the language's way. Worked by hand on the district demo: 30
 * schools, 2000 graduates, 40 sponsors, 60 products; 2000 groups as
 * 2|000, so the demo line and the removal list read "2,000 graduates" in
 * English even under LC_ALL=de_DE.UTF-8 (printf's %u wrote "2000") and
 * "2.000 Absolvent:innen" in German; 30, 40 and 60 have nothing to group.
 * German names the campaign's parts in the nominative after a colon
 * ("… angelegt: 30 Schulen, …, 60 Produkte."), so the products read as
 * the products page counts them. */
static void
test_sentences_group_counts (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *old_lc_all = g_strdup (g_getenv ("LC_ALL"));

  if (!can_run ())
    return;

  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");

    assert_ok (r);
    g_assert_cmpstr (r->out, ==, "Campaign “Heimvorteil2GO 2027” created with 30 schools, 2,000 graduates, "
                                 "40 sponsors and 60 products.\n");
  }
  {
    /* without --yes: what would go, and a refusal */
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027");

    assert_failure (r);
    g_assert_nonnull (strstr (r->out, "\n  the figures of 30 schools\n  2,000 graduates\n"));
  }

  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027");

    assert_failure (r);
    g_assert_nonnull (strstr (r->out, "\n  die Angaben zu 30 Schulen\n  2.000 Absolvent:innen\n"));
  }
  {
    g_autofree char *other = g_build_filename (f->dir, "zweite.db", NULL);
    const char *args[] = { "--db", other, "demo", "--scale", "district", NULL };
    g_autoptr(HpTestCliResult) r = hp_test_run_cli_argv (args);

    assert_ok (r);
    g_assert_cmpstr (r->out, ==, "Kampagne „Heimvorteil2GO 2027“ angelegt: 30 Schulen, 2.000 Absolvent:innen, "
                                 "40 Sponsoren und 60 Produkte.\n");
  }

  g_unsetenv ("LANGUAGE");
  if (old_lc_all != NULL)
    g_setenv ("LC_ALL", old_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
}

/* ------------------------------------------------------------------------ */
/* Running a drive from the command line                                     */

#define ITEM "Apfelschorle 0,33 l"

/* The acceptance scenario of issue 11, in a fresh file, CLI only. */
static void
test_acceptance (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ohm = NULL;
  g_autofree char *berger = NULL;
  g_autofree char *gift_ohm = NULL;
  g_autofree char *gift_berger = NULL;
  g_autofree char *booking_20 = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Heimvorteil2GO 2027", "--year", "2027",
                                        "--spare-percent", "0", "--handover-date", "03.07.2027");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Mosterei Ohm", "--json");
    ohm = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Getränke Berger", "--json");
    berger = json_id (r);
  }
  /* two sponsors give the same item: two gifts of one item */
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", ohm, "--name", ITEM, "--json");
    gift_ohm = json_id (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == a[0] and d['sponsor_name'] == 'Mosterei Ohm'", ITEM, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", berger, "--name", ITEM, "--json");
    gift_berger = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['name'] == a[0] and d[0]['gifts'] == 2", ITEM, NULL));
  }
  /* 20 and 25 pieces booked as received, without pledges */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", gift_ohm, "--quantity", "20",
                                        "--date", "01.06.2027", "--json");
    booking_20 = json_id (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['quantity'] == 20 and d['date'] == '2027-06-01' and d['item'] == a[0] and "
                                       "d['sponsor'] == 'Mosterei Ohm' and str(d['product_id']) == a[1]",
                                       ITEM, gift_ohm, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", gift_berger, "--quantity", "25",
                                        "--date", "2027-06-02");
    assert_ok_quiet (r);
  }
  /* 1 per standard pack, 1 per under-18 pack */
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", ITEM, "--per-standard", "1", "--per-under18", "1");
    assert_ok_quiet (r);
  }
  /* a gift edited with --json shows its figures in the campaign, as the
   * list does: Mosterei Ohm's 20 pieces, its item 1 per pack */
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "edit", gift_ohm, "--value", "0,60", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['value_cents'] == 60 and d['received'] == 20 and d['per_standard'] == 1",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "100001", "--name", "Gymnasium Arnsberg",
                                        "--expected", "50");
    assert_ok_quiet (r);
  }

  /* 50 expected, 0 % spares: ceil (50 × 100 / 100) = 50 packs, all standard
   * (no birth dates known). Stock 20 + 25 = 45 pieces at 1 per pack: 45
   * packs; the item is the bottleneck. The bookings made unconfirmed
   * pledges of 0, so nobody owes anything: no sponsor to chase, and
   * 50 − 45 = 5 pieces nobody pledged. */
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok_quiet (r);
    g_assert_cmpint (json_int (r->out, "d['needed']['total']"), ==, 50);
    g_assert_cmpint (json_int (r->out, "d['needed']['under18']"), ==, 0);
    g_assert_cmpint (json_int (r->out, "d['buildable']['total']"), ==, 45);
    g_assert_cmpint (json_int (r->out, "d['spare_percent']"), ==, 0);
    g_assert_true (hp_test_json_check (r->out, "d['bottleneck']['item'] == a[0] and d['bottleneck']['sponsors'] == []",
                                       ITEM, NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d['items']) == 1 and d['items'][0]['item'] == a[0] and "
                                       "d['items'][0]['per_standard'] == 1 and d['items'][0]['per_under18'] == 1 and "
                                       "d['items'][0]['received'] == 45 and d['items'][0]['needed'] == 50 and "
                                       "d['items'][0]['shortfall'] == 5 and "
                                       "sorted(d['items'][0]['sponsors']) == ['Getränke Berger', 'Mosterei Ohm'] and "
                                       "sorted(s['sponsor'] for s in d['items'][0]['gifts']) == ['Getränke Berger', 'Mosterei Ohm']",
                                       ITEM, NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['to_chase'] == [] and d['unpledged'] == [{'item_id': d['items'][0]['item_id'], 'item': a[0], 'pieces': 5}]",
                                       ITEM, NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['schools'][0]['number'] == '100001' and d['schools'][0]['source'] == 'expected' and "
                                       "d['schools'][0]['needed'] == 50 and d['schools'][0]['graduates'] == 50 and "
                                       "d['schools'][0]['allocated'] == 45", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Bottleneck: " ITEM));
    g_assert_nonnull (strstr (r->out, "nobody pledged 5 pieces"));
    g_assert_nonnull (strstr (r->out, "0 % spares included"));
    g_assert_nonnull (strstr (r->out, "expected"));
  }

  /* The 20-piece booking was 5: 5 + 25 = 30 packs */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "edit", booking_20, "--quantity", "5", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['quantity'] == 5 and d['date'] == '2027-06-01'", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['buildable']['total']"), ==, 30);
  }
  /* and is removed: 25 packs */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "remove", booking_20);
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['buildable']['total']"), ==, 25);
  }

  /* Two graduates listed: 2 < 50 expected, so the school still needs 50
   * (source "expected"). Born 15.09.2009: 18 only on 15.09.2027, after the
   * hand-over on 03.07.2027, so under 18; born 01.01.2008: 18 since
   * 01.01.2026. Needed: 1 under-18 + 49 standard = 50. */
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Özdemir",
                                        "--birth-date", "15.09.2009");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Berg",
                                        "--birth-date", "01.01.2008");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "{g['birth_date']: g['under18'] for g in d} == {'2009-09-15': True, '2008-01-01': False}",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['needed']['total']"), ==, 50);
    g_assert_cmpint (json_int (r->out, "d['needed']['under18']"), ==, 1);
    g_assert_true (hp_test_json_check (r->out, "d['schools'][0]['source'] == 'expected' and d['schools'][0]['listed'] == 2",
                                       NULL));
  }

  /* The school says its list is complete: its 2 graduates are what it needs
   * (1 under-18 + 1 standard); 25 pieces build both, no bottleneck. */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "edit", "100001", "--list-complete");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['needed']['total']"), ==, 2);
    g_assert_cmpint (json_int (r->out, "d['buildable']['total']"), ==, 2);
    g_assert_true (hp_test_json_check (r->out, "d['schools'][0]['source'] == 'list' and d['bottleneck'] is None", NULL));
  }
  /* Editing another figure of the school keeps the list complete */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "edit", "100001", "--expected", "60", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['expected_graduates'] == 60 and d['list_complete'] is True", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['needed']['total']"), ==, 2);
  }
  /* and --no-list-complete undoes it: max (60 expected, 2 listed) = 60 */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "edit", "100001", "--no-list-complete");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['needed']['total']"), ==, 60);
    g_assert_true (hp_test_json_check (r->out, "d['schools'][0]['source'] == 'expected'", NULL));
  }
}

/* One pledge per gift and campaign: set makes it or changes it, keeping
 * what is not given; bookings go on pledges. */
static void
test_pledges_and_receipts (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sponsor = NULL;
  g_autofree char *gift = NULL;
  g_autofree char *other_gift = NULL;
  g_autofree char *booking = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Aktion 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Mosterei Ohm", "--json");
    sponsor = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", ITEM, "--value", "0,60", "--json");
    gift = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Fahrradpumpe", "--json");
    other_gift = json_id (r);
  }

  /* a new pledge is confirmed unless said otherwise */
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", gift, "--quantity", "100", "--due", "01.05.2027",
                                        "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['quantity'] == 100 and d['due_date'] == '2027-05-01' and d['confirmed'] is True and "
                                       "str(d['product_id']) == a[0] and d['item'] == a[1] and d['sponsor'] == 'Mosterei Ohm'",
                                       gift, ITEM, NULL));
  }
  /* a negative spare percentage is refused, not taken for "not given" */
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Negativ", "--year", "2027", "--spare-percent", "-3");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "-3"));
  }
  /* setting it again replaces it: a request of 80 without a due date */
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", gift, "--quantity", "80", "--unconfirmed",
                                        "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['quantity'] == 80 and d['due_date'] is None and d['confirmed'] is False",
                                       NULL));
  }
  {
    /* the quantity is what a pledge is: never left out */
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", gift, "--unconfirmed");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['quantity'] == 80 and d[0]['received'] == 0", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", other_gift);
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", gift, "--confirmed", "--unconfirmed");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", "4711", "--quantity", "1");
    assert_failure (r);
  }

  /* A booking without --date is today's and counts on the pledge */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", gift, "--quantity", "30", "--note", "LS 4711",
                                        "--json");

    booking = json_id (r);
    now = g_date_time_new_now_local ();
    today = g_date_time_format (now, "%Y-%m-%d");
    g_assert_true (hp_test_json_check (r->out, "d['date'] == a[0] and d['note'] == 'LS 4711'", today, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", gift, "--quantity", "0");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--quantity", "3");
    assert_usage (r);
  }
  {
    /* 80 pledged, 30 received */
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d[0]['quantity'] == 80 and d[0]['received'] == 30", NULL));
  }
  /* a pledge with bookings stays */
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "remove", "--product", gift);
    assert_failure (r);
  }

  /* A delivery of a gift without a pledge makes an unconfirmed pledge of 0;
   * setting it afterwards is a real, confirmed pledge. */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", other_gift, "--quantity", "10");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "[(p['quantity'], p['received'], p['confirmed']) for p in d if str(p['product_id']) == a[0]] == [(0, 10, False)]",
                                       other_gift, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", other_gift, "--quantity", "40", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['quantity'] == 40 and d['received'] == 10 and d['confirmed'] is True", NULL));
  }

  /* receipt list --json: what scripts read */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d) == 2 and all({'id', 'product_id', 'item', 'sponsor', 'quantity', 'date'} <= set(x) for x in d)",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "list", "--product", gift, "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and str(d[0]['id']) == a[0] and d[0]['item'] == a[1]",
                                       booking, ITEM, NULL));
  }

  /* The 30 pieces were really the pump: booked on that gift instead; the
   * note is cleared. Pump: 10 + 30 = 40 received; schorle: 0. */
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "edit", booking, "--product", other_gift, "--note", "", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "str(d['product_id']) == a[0] and d['item'] == 'Fahrradpumpe' and d['quantity'] == 30 and "
                                       "d['note'] is None",
                                       other_gift, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "sorted((p['item'], p['received']) for p in d) == [('Apfelschorle 0,33 l', 0), ('Fahrradpumpe', 40)]",
                                       NULL));
  }
  /* now nothing is booked on the schorle pledge, so it can go */
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "remove", "--product", gift);
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "[p['item'] for p in d] == ['Fahrradpumpe']", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "edit", "987654", "--quantity", "2");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "edit", booking, "--date", "31.02.2027");
    assert_failure (r);
  }
}

/* The pack contents by item name; a quantity not given stays. */
static void
test_recipe (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sponsor = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Aktion 2027", "--year", "2027");
    assert_ok (r);
  }

  /* an item nobody gives yet is made, and said so */
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Fahrradpumpe", "--per-standard", "1", "--json");

    assert_ok (r);
    g_assert_nonnull (strstr (r->err, "New item “Fahrradpumpe”."));
    g_assert_cmpuint (hp_test_count_lines (r->err), ==, 1);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['item'] == 'Fahrradpumpe' and d['per_standard'] == 1 and d['per_under18'] == 0 and d['position'] == 0",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Erdnüsse 50 g", "--per-standard", "2", "--per-under18", "2");
    assert_ok (r);
  }
  /* only the under-18 quantity changes; the line keeps its place */
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Fahrradpumpe", "--per-under18", "1", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['per_standard'] == 1 and d['per_under18'] == 1 and d['position'] == 0",
                                       NULL));
  }
  /* the same item whatever the case and spaces */
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", " erdnüsse 50 G", "--per-standard", "3");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "[(x['item'], x['per_standard'], x['per_under18']) for x in d] == "
                                       "[('Fahrradpumpe', 1, 1), ('Erdnüsse 50 g', 3, 2)]",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Fahrradpumpe");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Fahrradpumpe", "--per-standard", "-1");
    assert_failure (r);
  }

  /* an 18+ item stays out of the under-18 pack */
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Brauerei Kolb", "--json");
    sponsor = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", "Pils 0,33 l", "--adult-only",
                                        "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['adult_only'] is True", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Pils 0,33 l", "--per-under18", "1");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Pils 0,33 l", "--per-standard", "1");
    assert_ok_quiet (r);
  }

  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "remove", "Fahrradpumpe");
    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "remove", "Fahrradpumpe");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "[x['item'] for x in d] == ['Erdnüsse 50 g', 'Pils 0,33 l']", NULL));
  }
  /* the item itself stays */
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "{i['name']: (i['in_pack'], i['adult_only'], i['gifts']) for i in d} == "
                                       "{'Erdnüsse 50 g': (True, False, 0), 'Fahrradpumpe': (False, False, 0), "
                                       "'Pils 0,33 l': (True, True, 1)}",
                                       NULL));
  }
}

/* A misspelt item merged into the right one: gifts move, pack lines add up. */
static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *ohm = NULL;
  g_autofree char *berger = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Aktion 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Mosterei Ohm", "--json");
    ohm = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Getränke Berger", "--json");
    berger = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", ohm, "--name", ITEM);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", berger, "--name", "Apfelschorle 0,33l");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", ITEM, "--per-standard", "1");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Apfelschorle 0,33l", "--per-standard", "1", "--per-under18", "1");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2 and all(i['gifts'] == 1 and i['in_pack'] and isinstance(i['sponsors'], str) for i in d)", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "list");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Getränke Berger"));
  }

  /* the pieces per pack add up: standard 1 + 1 = 2, under-18 0 + 1 = 1 */
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "merge", "Apfelschorle 0,33l", "--into", ITEM, "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == a[0] and d['gifts'] == 2", ITEM, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['sponsors'] == 'Getränke Berger, Mosterei Ohm'", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['per_standard'] == 2 and d[0]['per_under18'] == 1",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2 and all(p['name'] == a[0] for p in d)", ITEM, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "merge", ITEM, "--into", ITEM);
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "merge", "Gibt es nicht", "--into", ITEM);
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "merge", ITEM);
    assert_usage (r);
  }

  /* rename, and the 18+ flag: not while the item is in the under-18 pack */
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "edit", ITEM, "--name", "Apfelschorle 0,5 l", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['name'] == 'Apfelschorle 0,5 l'", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("item", "edit", "apfelschorle 0,5 L", "--adult-only");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "all(p['name'] == 'Apfelschorle 0,5 l' and not p['adult_only'] for p in d)",
                                       NULL));
  }
}

/* campaign edit and remove; remove says what would go and needs --yes. */
static void
test_campaign_edit_remove (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sponsor = NULL;
  g_autofree char *gift = NULL;

  if (!can_run ())
    return;

  {
    /* nothing to copy in an empty file: an error, not a crash */
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "clone", "Aktion 2028", "--year", "2028");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Aktion 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "edit", "Aktion 2027", "--spare-percent", "10",
                                        "--handover-date", "01.07.2027", "--name", "Heimvorteil2GO 2027", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['name'] == 'Heimvorteil2GO 2027' and d['year'] == 2027 and d['spare_percent'] == 10 "
                                       "and d['handover_date'] == '2027-07-01'", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "edit", "Heimvorteil2GO 2027", "--handover-date", "", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['handover_date'] is None and d['spare_percent'] == 10", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "edit", "Aktion 2027", "--year", "2028");
    assert_failure (r);
  }

  /* one of everything that belongs to the campaign */
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "add", "--name", "Mosterei Ohm", "--json");
    sponsor = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("product", "add", "--sponsor", sponsor, "--name", ITEM, "--json");
    gift = json_id (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "set", "--product", gift, "--quantity", "10");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "add", "--product", gift, "--quantity", "4");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", ITEM, "--per-standard", "1");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "100001", "--name", "Gymnasium", "--expected", "30");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Berg");
    assert_ok (r);
  }

  /* without --yes: what would go, exit 1, nothing removed */
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "--yes"));
    g_assert_nonnull (strstr (r->out, "1 pledge\n"));
    g_assert_nonnull (strstr (r->out, "1 booking of a delivery\n"));
    g_assert_nonnull (strstr (r->out, "1 line of the pack contents\n"));
    g_assert_nonnull (strstr (r->out, "the figures of 1 school\n"));
    g_assert_nonnull (strstr (r->out, "1 graduate\n"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027", "--json");

    assert_failure (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "(d['pledges'], d['receipts'], d['pack_lines'], d['schools'], d['graduates'], d['removed']) "
                                       "== (1, 1, 1, 1, 1, False)", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("pledge", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1", NULL));
  }

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027", "--yes");

    assert_ok_quiet (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d == []", NULL));
  }
  {
    /* sponsors, products and schools stay */
    g_autoptr(HpTestCliResult) r = RUN ("stats", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "(d['campaigns'], d['sponsors'], d['products'], d['schools'], d['graduates']) == (0, 1, 1, 1, 0)",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "remove", "Heimvorteil2GO 2027", "--yes");
    assert_failure (r);
  }
}

/* Every command and action answers --help with exit status 0. */
static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const calls[][3] = {
    { "--help" }, { "help" }, { "help", "campaign" },
    { "demo", "--help" }, { "stats", "--help" }, { "plan", "--help" }, { "import", "--help" }, { "export", "--help" },
    { "campaign", "--help" }, { "campaign", "list", "--help" }, { "campaign", "new", "--help" },
    { "campaign", "clone", "--help" }, { "campaign", "edit", "--help" }, { "campaign", "remove", "--help" },
    { "sponsor", "--help" }, { "sponsor", "list", "--help" }, { "sponsor", "add", "--help" },
    { "sponsor", "edit", "--help" }, { "sponsor", "remove", "--help" },
    { "product", "--help" }, { "product", "add", "--help" }, { "school", "-h" }, { "school", "edit", "--help" },
    { "graduate", "--help" }, { "graduate", "list", "--help" },
    { "item", "--help" }, { "item", "list", "--help" }, { "item", "edit", "--help" }, { "item", "merge", "--help" },
    { "recipe", "--help" }, { "recipe", "list", "--help" }, { "recipe", "set", "--help" }, { "recipe", "remove", "--help" },
    { "pledge", "--help" }, { "pledge", "list", "--help" }, { "pledge", "set", "--help" }, { "pledge", "remove", "--help" },
    { "receipt", "--help" }, { "receipt", "list", "--help" }, { "receipt", "add", "--help" },
    { "receipt", "edit", "--help" }, { "receipt", "remove", "--help" },
  };

  if (!can_run ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(HpTestCliResult) r = RUN (calls[i][0], calls[i][1], calls[i][2]);

      assert_ok_quiet (r);
      g_assert_cmpuint (strlen (r->out), >, 20);
    }

  /* nothing of that made a file */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "campaign edit NAME|ID"));
    g_assert_nonnull (strstr (r->out, "campaign remove NAME|ID --yes"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "edit", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "heimpack-cli receipt edit"));
    g_assert_nonnull (strstr (r->out, "--product"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "edit", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "--list-complete"));
    g_assert_nonnull (strstr (r->out, "--no-list-complete"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "pledge"));
    g_assert_nonnull (strstr (r->out, "receipt"));
    g_assert_nonnull (strstr (r->out, "recipe"));
  }
}

/* A usage error names the argument that is one too many. */
static void
test_unexpected_argument (Fixture       *f,
                          gconstpointer  data)
{
  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("stats", "überzählig");

    assert_usage (r);
    g_assert_nonnull (strstr (r->err, "Unexpected argument “überzählig”."));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "edit", "Aktion", "2027");

    assert_usage (r);
    g_assert_nonnull (strstr (r->err, "Unexpected argument “2027”."));
    g_assert_nonnull (strstr (r->err, "heimpack-cli campaign edit --help"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("recipe", "set", "Apfelschorle", "0,33 l", "--per-standard", "1");

    assert_usage (r);
    g_assert_nonnull (strstr (r->err, "“0,33 l”"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("sponsor", "remove", "1", "2");

    assert_usage (r);
    g_assert_nonnull (strstr (r->err, "“2”"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign");

    assert_usage (r);
    g_assert_nonnull (strstr (r->err, "list|new|clone|edit|remove"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("receipt", "frobnicate");
    assert_usage (r);
  }
}

/* SVWS's school directory through the CLI, no --map: tests/data/svws-schulen.csv
 * has 6 HSK schools (one closed), 1 in Olpe, 1 in Köln. */
static void
test_import_svws (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "svws-schulen.csv", NULL);
  g_autofree char *db_copy = g_build_filename (f->dir, "before.db", NULL);

  if (!can_run ())
    return;

  /* --abitur-only: Gymnasium, Berufskolleg, Weiterbildungskolleg = 3 */
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "schools", path, "--district", "05958", "--abitur-only", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "d['added']"), ==, 3);
    g_assert_cmpint (json_int (r->out, "d['skipped_school_form']"), ==, 2);
    g_assert_cmpint (json_int (r->out, "d['completed_district_key']"), ==, 3);
    g_assert_cmpint (json_int (r->out, "d['repaired']"), ==, 0);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "len(d)"), ==, 3);
    g_assert_cmpint (json_int (r->out, "int(sorted(s['school_form'] for s in d) == ['20', '25', '30'])"), ==, 1);
  }

  /* Then the whole district: 5 schools (not the closed one), keys 05958…,
   * names whole, phones with their area code; said in words */
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "schools", path, "--district", "05958");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "8 rows read: 2 schools added, 0 updated, 3 unchanged, 3 skipped by the filters."));
    g_assert_nonnull (strstr (r->out, "5 SVWS municipality keys (RegSchl) completed with NRW’s 05."));
    g_assert_null (strstr (r->out, "leading zeros"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "list", "--json");

    assert_ok (r);
    g_assert_cmpint (json_int (r->out, "len(d)"), ==, 5);
    g_assert_cmpint (json_int (r->out, "int(all(s['district_key'].startswith('05958') for s in d))"), ==, 1);
    g_assert_cmpint (json_int (r->out, "int(all(s['phone'].startswith('0') and ' ' in s['phone'] for s in d))"), ==, 1);
    g_assert_cmpint (json_int (r->out, "int([s['name'] for s in d if s['number'] == '170102'] == "
                                       "['Berufskolleg des Hochsauerlandkreises in Brilon'])"), ==, 1);
  }

  /* A table of school providers in the same shape: refused, exit 1, the
   * database untouched */
  {
    g_autofree char *providers = g_build_filename (f->dir, "traeger.csv", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize before_len = 0, after_len = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(HpTestCliResult) r = NULL;

    g_assert_true (g_file_set_contents (providers,
      "SchulNr;RegSchl;ABez1;ABez2;ABez3;PLZ;Ort;Strasse;TelVorw;Telefon;SF;SchBetrSchl;Aktiv\n"
      "90001;958000;Landkreis Beispiel;;;59872;Meschede;Amtsweg 1;0291;94-1;00;1;1\n", -1, &error));
    g_assert_true (g_file_get_contents (f->db, &before, &before_len, &error));
    r = RUN ("import", "schools", providers);
    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "school provider"));
    g_assert_true (g_file_get_contents (f->db, &after, &after_len, &error));
    g_assert_no_error (error);
    g_assert_cmpmem (before, before_len, after, after_len);
  }
}

/* A round-1 file (schema version 1): opened by a command that only reads,
 * it is copied into NAME.backups/, upgraded, and the notes say so on
 * stderr, once. */
static void
test_upgrade_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "v1", "round1.db", NULL);
  g_autofree char *backups = g_strconcat (f->db, ".backups", NULL);
  g_autofree char *plan_db = g_build_filename (f->dir, "plan.db", NULL);
  g_autofree char *plan_backups = g_strconcat (plan_db, ".backups", NULL);
  g_autoptr(GError) error = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(GFile) from = g_file_new_for_path (fixture);
    g_autoptr(GFile) to = g_file_new_for_path (f->db);
    g_autoptr(GFile) to_plan = g_file_new_for_path (plan_db);

    g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_file_copy (from, to_plan, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(HpTestCliResult) r = RUN ("stats", "--json");
    g_autofree char *files = NULL;

    assert_ok (r);
    /* the notes: where the copy is, and the 18+ "Radler" that left the
     * under-18 pack of each of the two campaigns */
    g_assert_cmpuint (hp_test_count_lines (r->err), ==, 3);
    g_assert_nonnull (strstr (r->err, ".backups"));
    g_assert_nonnull (strstr (r->err, "Radler"));
    g_assert_true (hp_test_json_check (r->out, "d['campaigns'] == 2 and d['products'] == 8 and d['graduates'] == 3", NULL));

    g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
    files = hp_test_list_dir (backups);
    g_assert_true (g_str_has_prefix (files, "heimpack_"));
    g_assert_true (g_str_has_suffix (files, "_before-version-5.db"));
    g_assert_null (strchr (files, '|'));
  }
  {
    /* upgraded once: no notes the second time */
    g_autoptr(HpTestCliResult) r = RUN ("stats");
    assert_ok_quiet (r);
  }
  {
    /* The plan of the newest campaign (the clone): "Apfelschorle 0,33 l"
     * of two sponsors and " apfelschorle 0,33 L " are one item, whose pack
     * lines of 1 + 1 add up to 2 per standard pack. */
    g_autoptr(HpTestCliResult) r = RUN ("plan", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['campaign']['name'] == 'Heimvorteil2GO 2027' and "
                                       "[(i['item'], i['per_standard']) for i in d['items'] if i['item'].startswith('Apfel')] == "
                                       "[('Apfelschorle 0,33 l', 2)] and len(d['schools']) == 2",
                                       NULL));
    /* Nothing of Pils arrived in 2027: it alone allows 0 packs, the first
     * such item in packing order (Apfelschorle's 10 pieces allow 10 ÷ 2 =
     * 5). Brauerei Kolb pledged 80 again (cloned as a request) and owes
     * them all, so it is the one to ask. */
    g_assert_true (hp_test_json_check (r->out,
                                       "d['bottleneck']['item'] == 'Pils 0,33 l' and "
                                       "d['bottleneck']['sponsors'] == ['Brauerei Kolb'] and "
                                       "d['bottleneck']['open_pledges'][0]['outstanding'] == 80",
                                       NULL));
  }

  /* a round-1 file that `plan` opens first */
  {
    const char *args[] = { "--db", plan_db, "plan", NULL };
    g_autoptr(HpTestCliResult) r = hp_test_run_cli_argv (args);

    assert_ok (r);
    g_assert_nonnull (strstr (r->err, ".backups"));
    g_assert_nonnull (strstr (r->out, "Packs needed"));
    g_assert_true (g_file_test (plan_backups, G_FILE_TEST_IS_DIR));
  }
}

/*
 * import sponsors: sponsors-list.csv (tests/test-import-sponsors.c works it
 * through) adds 3 sponsors, 3 gifts (Brauerei Veltins spans 2 rows: 2 gifts)
 * and 3 pledges in the newest campaign (500 + 1000 + 800 = 2300 pieces);
 * the same file again adds 0 sponsors and 0 gifts; a dry run of a new file
 * counts and stores nothing; a bad money value fails with its line and
 * column, and nothing is stored.
 */
static void
test_import_sponsors (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "sponsors-list.csv", NULL);
  g_autofree char *xlsx = g_test_build_filename (G_TEST_DIST, "data", "sponsors-list.xlsx", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "sponsors-bad-money.csv", NULL);

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Heimvorteil2GO 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "sponsors", csv);

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "(d['rows'], d['sponsors_added'], d['sponsors_unchanged'], d['gifts_added'], "
                                       "d['pledges_set'], d['conflicts'], d['dry_run']) == (4, 3, 0, 3, 3, 0, False)",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "product", "list");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "(len(d), sum(p['pledged'] for p in d), "
                                       "len([p for p in d if p['sponsor_name'] == 'Brauerei Veltins GmbH'])) == (3, 2300, 2)",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "sponsors", csv);

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "4 rows read: 0 sponsors added, 0 updated, 3 unchanged; 0 gifts added, 0 pledges set."));
  }
  {
    /* Stadtwerke Brilon would be new (1), Sparkasse filled (1) */
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "sponsors", xlsx, "--dry-run");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "(d['sponsors_added'], d['sponsors_updated'], d['dry_run'], d['sheet']) == "
                                       "(1, 1, True, 'Sponsoren 2026')",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "sponsors", bad);

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "line 3, column “Einzelwert”"));
  }
  {
    /* 3 sponsors, 3 products: neither the dry run nor the failed file stored any */
    g_autoptr(HpTestCliResult) r = RUN ("stats", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "(d['sponsors'], d['products']) == (3, 3)", NULL));
  }
}

/*
 * import: options of another kind of import are usage errors that name the
 * option (exit 2, the database untouched); a graduates import names each
 * school after its totals; --json has a "schools" array.
 *
 * The schools file adds 170001 (Arnsberg) and 170002 (no town). The
 * graduates file, by the Schulnummer column: 170001 Adler and Bauer (Q2),
 * 170002 Cramer (Q2) and Dorn (Q1, another year). After Adler is imported
 * alone first: 170001 → 1 added (Bauer) + 1 already listed (Adler), listed
 * before 1; 170002 → 1 added + 1 skipped, listed before 0.
 */
static void
test_import_options_and_schools (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *schools = g_build_filename (f->dir, "schulen.csv", NULL);
  g_autofree char *graduates = g_build_filename (f->dir, "abschluss.csv", NULL);
  g_autofree char *adler = g_build_filename (f->dir, "adler.csv", NULL);
  g_autofree char *sponsors = g_test_build_filename (G_TEST_DIST, "data", "sponsors-list.csv", NULL);
  g_autoptr(GError) error = NULL;

  if (!can_run ())
    return;

  g_assert_true (g_file_set_contents (schools, "Schulnummer;Schulbezeichnung_1;Ort;Gemeindeschluessel;Schulform\n"
                                               "170002;Realschule Brilon;;05958012;10\n"
                                               "170001;Gymnasium Laurentianum;Arnsberg;05958004;20\n", -1, &error));
  g_assert_true (g_file_set_contents (graduates, "Schulnummer;Nachname;Vorname;Jahrgang\n"
                                                 "170001;Adler;Ana;Q2\n"
                                                 "170001;Bauer;Ben;Q2\n"
                                                 "170002;Cramer;Cem;Q2\n"
                                                 "170002;Dorn;Dana;Q1\n", -1, &error));
  g_assert_true (g_file_set_contents (adler, "Nachname;Vorname;Jahrgang\nAdler;Ana;Q2\n", -1, &error));
  g_assert_no_error (error);

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Heimvorteil2GO 2027", "--year", "2027");
    assert_ok (r);
  }

  /* Refused before anything is read or stored */
  {
    static const struct { const char *what; const char *option; const char *value; const char *message; } cases[] = {
      { "sponsors", "--district", "05958", "--district applies to “import schools” only." },
      { "sponsors", "--abitur-only", NULL, "--abitur-only applies to “import schools” only." },
      { "sponsors", "--include-closed", NULL, "--include-closed applies to “import schools” only." },
      { "sponsors", "--school", "170001", "--school applies to “import graduates” only." },
      { "sponsors", "--school-column", "Schulnummer", "--school-column applies to “import graduates” only." },
      { "sponsors", "--year", "Q2", "--year applies to “import graduates” only." },
      { "sponsors", "--list-complete", NULL, "--list-complete applies to “import graduates” only." },
      { "schools", "--school", "170001", "--school applies to “import graduates” only." },
      { "schools", "--year", "", "--year applies to “import graduates” only." },
      { "schools", "--list-complete", NULL, "--list-complete applies to “import graduates” only." },
      { "graduates", "--district", "05958", "--district applies to “import schools” only." },
      { "graduates", "--abitur-only", NULL, "--abitur-only applies to “import schools” only." },
      { "graduates", "--include-closed", NULL, "--include-closed applies to “import schools” only." },
    };
    g_autoptr(GBytes) before = hp_test_file_bytes (f->db);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *file = g_str_equal (cases[i].what, "sponsors") ? sponsors
                           : g_str_equal (cases[i].what, "schools") ? schools : graduates;
        /* graduates need their school: --school-column is given */
        const char *args[] = { "--db", f->db, "import", cases[i].what, file, cases[i].option, cases[i].value,
                               NULL, NULL, NULL };
        g_autoptr(HpTestCliResult) r = NULL;
        g_autoptr(GBytes) after = NULL;
        guint n = cases[i].value != NULL ? 7 : 6;

        if (g_str_equal (cases[i].what, "graduates"))
          {
            args[n] = "--school-column";
            args[n + 1] = "Schulnummer";
          }
        r = hp_test_run_cli_argv (args);
        assert_usage (r);
        if (strstr (r->err, cases[i].message) == NULL)
          g_error ("case %u: expected “%s” in: %s", i, cases[i].message, r->err);
        after = hp_test_file_bytes (f->db);
        g_assert_true (hp_test_bytes_equal (before, after));
      }
  }

  /* Schools: "schools" says what became of each, sorted by number */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "schools", schools);

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "[(s['number'], s['name'], s['town'], s['change'], s['added']) for s in d['schools']] == "
                                       "[('170001', 'Gymnasium Laurentianum', 'Arnsberg', 'added', 0), "
                                       "('170002', 'Realschule Brilon', None, 'added', 0)]",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "schools", schools, "--dry-run");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "[s['change'] for s in d['schools']] == ['unchanged', 'unchanged']",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "graduates", adler, "--school", "170001");
    assert_ok_quiet (r);
    /* one school, named after the totals; nothing listed before; one of
     * each is singular: "1 row", "1 graduate", but "0 duplicates" */
    g_assert_nonnull (strstr (r->out, "1 row read: 1 graduate added, 0 duplicates left out, 0 skipped by the year filter.\n"
                                      "  170001 Gymnasium Laurentianum: 1 added\n"));
  }

  /* Graduates, plain: the totals line as before, then one line per school */
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "graduates", graduates, "--school-column", "Schulnummer", "--dry-run");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out,
                              "4 rows read: 2 graduates added, 1 duplicate left out, 1 skipped by the year filter.\n"
                              "  170001 Gymnasium Laurentianum: 1 added, 1 already listed; 1 listed before\n"
                              "  170002 Realschule Brilon: 1 added, 1 skipped by the year filter\n"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "graduates", graduates, "--school-column", "Schulnummer");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "[(s['number'], s['name'], s['town'], s['change'], s['added'], s['duplicates'], "
                                       "s['skipped'], s['no_name'], s['listed_before'], s['list_complete']) "
                                       "for s in d['schools']] == "
                                       "[('170001', 'Gymnasium Laurentianum', 'Arnsberg', 'graduates', 1, 1, 0, 0, 1, False), "
                                       "('170002', 'Realschule Brilon', None, 'graduates', 1, 0, 1, 0, 0, False)]",
                                       NULL));
  }

  /* Sponsors: an empty "schools" */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "import", "sponsors", sponsors, "--dry-run");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['schools'] == []", NULL));
  }
}

/* backup list | now | restore ID|FILE: the copy an import makes, listed with
 * its counts; restore by id brings back the counts before the import and
 * keeps the state it replaced; restore by file; help and usage. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "abi.csv", NULL);
  g_autofree char *import_id = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *replaced_file = NULL;

  if (!can_run ())
    return;

  g_file_set_contents (csv, "Nachname;Vorname;Jahrgang\nFink;Fia;Q2\nGast;Gil;Q2\nHahn;Hal;Q2\n", -1, &error);
  g_assert_no_error (error);

  assert_ok_quiet (RUN ("campaign", "new", "Abi 2027", "--year", "2027"));
  assert_ok_quiet (RUN ("school", "add", "--number", "170001", "--name", "Gymnasium"));

  /* help exits 0; no action, an unknown one, or restore without ID|FILE: 2 */
  {
    g_autoptr(HpTestCliResult) r = RUN ("backup", "--help");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "restore ID|FILE"));
  }
  assert_usage (RUN ("backup"));
  assert_usage (RUN ("backup", "later"));
  assert_usage (RUN ("backup", "restore"));
  assert_usage (RUN ("backup", "list", "extra"));

  /* the school added on a file with a campaign: that day's first copy */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "backup", "list");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['reason'] == 'daily' and d[0]['campaigns'] == 1", NULL));
  }

  assert_ok (RUN ("import", "graduates", csv, "--school", "170001"));

  /* the copy before the import: newest, 1 campaign, 0 graduates, every field */
  {
    g_autoptr(HpTestCliResult) r = RUN ("backup", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d) == 2 and sorted(d[0].keys()) == sorted(['id', 'file', 'created', "
                                       "'size', 'campaigns', 'graduates', 'readable', 'reason'])",
                                       NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d[0]['reason'] == 'before-import' and d[0]['campaigns'] == 1 and "
                                       "d[0]['graduates'] == 0 and d[0]['size'] > 0 and "
                                       "d[0]['file'].endswith('_before-import.db')",
                                       NULL));
    /* ISO 8601, and the id is its date and time */
    g_assert_true (hp_test_json_check (r->out,
                                       "__import__('datetime').datetime.fromisoformat(d[0]['created'].replace('Z', '+00:00')) "
                                       "is not None and d[0]['id'][:10] == d[0]['created'][:10]",
                                       NULL));
    import_id = hp_test_json_eval (r->out, "d[0]['id']", NULL);
    import_file = hp_test_json_eval (r->out, "d[0]['file']", NULL);
  }

  /* restore by id: 3 graduates → 0 */
  {
    g_autoptr(HpTestCliResult) before = RUN ("--json", "stats");
    g_autoptr(HpTestCliResult) r = RUN ("backup", "restore", import_id);
    g_autoptr(HpTestCliResult) after = RUN ("--json", "stats");

    g_assert_true (hp_test_json_check (before->out, "d['graduates'] == 3", NULL));
    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "_before-restore.db"));
    g_assert_true (hp_test_json_check (after->out, "d['graduates'] == 0 and d['campaigns'] == 1", NULL));
  }

  /* the replaced state is kept, with its 3 graduates */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "backup", "list");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d) == 3 and d[0]['reason'] == 'before-restore' and d[0]['graduates'] == 3",
                                       NULL));
    replaced_file = hp_test_json_eval (r->out, "d[0]['file']", NULL);
  }

  /* restore by file undoes the restore: 3 graduates again */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "backup", "restore", replaced_file);
    g_autoptr(HpTestCliResult) after = RUN ("--json", "stats");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['restored']['graduates'] == 3 and d['replaced']['graduates'] == 0", NULL));
    g_assert_true (hp_test_json_check (after->out, "d['graduates'] == 3", NULL));
  }

  /* backup now: one more, on demand, with the current counts */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "backup", "now");
    g_autoptr(HpTestCliResult) listed = RUN ("--json", "backup", "list");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['reason'] == 'manual' and d['graduates'] == 3", NULL));
    g_assert_true (hp_test_json_check (listed->out, "len(d) == 5 and d[0]['reason'] == 'manual'", NULL));
  }

  /* an unknown id, and a file that is not Heimpack's: exit 1, one line */
  assert_failure (RUN ("backup", "restore", "1999-01-01_000000"));
  assert_failure (RUN ("backup", "restore", csv));
  {
    g_autoptr(HpTestCliResult) after = RUN ("--json", "stats");

    g_assert_true (hp_test_json_check (after->out, "d['graduates'] == 3", NULL));
  }
}

/* A reading command on a path that does not exist (a mistyped --db) is an
 * error naming it, and creates neither the file nor its folder; a writing
 * one creates it. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "tippfehler", NULL);
  g_autofree char *db = g_build_filename (folder, "heimpak.db", NULL);
  static const char * const reading[][3] = {
    { "stats", NULL, NULL },
    { "campaign", "list", NULL },
    { "school", "list", NULL },
    { "plan", NULL, NULL },
  };

  if (!can_run ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (reading); i++)
    {
      const char *args[] = { "--db", db, reading[i][0], reading[i][1], NULL };
      g_autoptr(HpTestCliResult) r = hp_test_run_cli_argv (args);
      g_autofree char *expected = g_strdup_printf ("heimpack-cli: “%s” does not exist.\n", db);

      assert_failure (r);
      g_assert_cmpstr (r->err, ==, expected);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }

  {
    const char *args[] = { "--db", db, "campaign", "new", "Heimvorteil2GO 2027", "--year", "2027", NULL };
    g_autoptr(HpTestCliResult) r = hp_test_run_cli_argv (args);

    assert_ok (r);
    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  }
}

/* Issue 14, point 6: contact data only with consent. */
static void
test_graduate_contacts (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *lena = NULL;
  g_autofree char *kurt = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Heimvorteil2GO 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "100001", "--name", "Realschule Brilon");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Schmidt",
                                        "--first-name", "Lena", "--consent-date", "01.02.2027",
                                        "--consent-source", "Abiball", "--email", "lena@example.org",
                                        "--phone", "0171 2345678", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['email'] == 'lena@example.org' and d['phone'] == '0171 2345678'",
                                       NULL));
    lena = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  /* no consent: a clear error, exit 1, and nobody added */
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Abel",
                                        "--email", "kurt@example.org");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "consent"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "add", "--school", "100001", "--last-name", "Abel", "--json");

    assert_ok (r);
    kurt = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (r->out, "d['id']"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "edit", kurt, "--phone", "0171 1111111");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "consent"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "edit", lena, "--email", "lena.schmidt@example.org");

    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "sorted((g['last_name'], g['email'], g['phone']) for g in d) == "
                                       "[('Abel', None, None), ('Schmidt', 'lena.schmidt@example.org', '0171 2345678')]",
                                       NULL));
  }

  /* A school's list with contact columns: e-mail and phone are kept only
   * where the row gives consent date and source. Of the three rows, Otto
   * has both (kept), Pia no consent at all and Udo no source: 2 contacts
   * left out, the graduates themselves all added. */
  {
    g_autofree char *csv = g_build_filename (f->dir, "liste.csv", NULL);
    g_autoptr(GError) error = NULL;

    g_file_set_contents (csv,
                         "Name;Vorname;Einwilligung;Einwilligungsquelle;E-Mail;Telefon\n"
                         "Otto;Ole;15.03.2027;Abiball;ole.otto@example.org;0151 1\n"
                         "Pohl;Pia;;;pia@example.org;\n"
                         "Ude;Udo;15.03.2027;;;0151 3\n", -1, &error);
    g_assert_no_error (error);
    {
      g_autoptr(HpTestCliResult) r = RUN ("import", "graduates", csv, "--school", "100001", "--json");

      assert_ok (r);
      g_assert_true (hp_test_json_check (r->out, "d['added'] == 3 and d['contacts_without_consent'] == 2", NULL));
    }
    {
      g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

      assert_ok (r);
      g_assert_true (hp_test_json_check (r->out,
                                         "sorted((g['last_name'], g['email'], g['phone'], g['consent_date']) "
                                         "       for g in d if g['last_name'] in ('Otto', 'Pohl', 'Ude')) == "
                                         "[('Otto', 'ole.otto@example.org', '0151 1', '2027-03-15'), "
                                         " ('Pohl', None, None, None), ('Ude', None, None, '2027-03-15')]", NULL));
    }
  }
}

/* Issue 14, point 7: the acceptance lines of the purge, by the CLI. A
 * file's bytes (empty if it does not exist), to compare byte for byte. */
static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_bytes_new (NULL, 0);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_purge (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *backups = g_strconcat (f->db, ".backups", NULL);
  g_autofree char *plan_before = NULL;
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) db_after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autofree char *listing = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "plan");
    assert_ok (r);
    plan_before = g_strdup (r->out);
  }
  /* the campaign must be named */
  {
    g_autoptr(HpTestCliResult) r = RUN ("purge");
    assert_usage (r);
  }
  /* the demo's hand-over (2027) lies ahead: refused without --force */
  {
    g_autoptr(HpTestCliResult) r = RUN ("purge", "--campaign", "1");
    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "--force"));
  }
  /* a dry run reports and changes nothing, byte for byte */
  db_before = read_file (f->db);
  wal_before = read_file (wal);
  {
    g_autoptr(HpTestCliResult) r = RUN ("purge", "--campaign", "1", "--force", "--dry-run", "--json");

    assert_ok (r);
    /* per school its graduates without consent; together all but those who
     * consented; nothing purged */
    g_assert_true (hp_test_json_check (r->out,
                                       "d['dry_run'] and d['purged'] is None and d['graduates'] > 0 and "
                                       "d['graduates'] == sum(s['graduates'] for s in d['schools']) and "
                                       "d['under18'] == sum(s['under18'] for s in d['schools']) and "
                                       "d['graduates'] + d['consenting'] == 2000 and not d['drive_over']", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("purge", "--campaign", "1", "--force", "--dry-run");

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "Dry run"));
  }
  db_after = read_file (f->db);
  wal_after = read_file (wal);
  g_assert_cmpuint (g_bytes_get_size (db_before), >, 0);
  g_assert_true (g_bytes_equal (db_before, db_after));
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS) &&
                  strstr ((listing = hp_test_list_dir (backups)), "before-purge") != NULL);
  g_clear_pointer (&listing, g_free);

  {
    g_autoptr(HpTestCliResult) r = RUN ("purge", "--campaign", "Heimvorteil2GO 2027", "--force", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "d['purged'] > 0 and d['graduates'] == 0 and d['purged_at']", NULL));
  }
  /* the plan is unchanged */
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "plan");
    assert_ok (r);
    g_assert_cmpstr (r->out, ==, plan_before);
  }
  /* the graduates without consent keep nothing personal; the others all */
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "len(d) == 2000 and all((g['consent_date'] is None) == "
                                       "  (g['last_name'] is None and g['first_name'] is None and g['class_name'] is None "
                                       "   and g['birth_date'] is None and g['email'] is None and g['phone'] is None) "
                                       "  for g in d) and "
                                       "all(g['last_name'] and g['birth_date'] and g['email'] for g in d if g['consent_date'])",
                                       NULL));
  }
  /* and a backup from before */
  listing = hp_test_list_dir (backups);
  g_assert_nonnull (strstr (listing, "_before-purge.db"));
}

/* Issue 14, point 2: the delivery sheets' class lists, exported, ticked by
 * a school (openpyxl stands in for it) and read back. */
static void
test_import_received (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *back = g_build_filename (f->dir, "zurueck.xlsx", NULL);
  g_autofree char *script = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", NULL, out, back, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!can_run ())
    return;
  HP_TEST_REQUIRE_OPENPYXL ();

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");
    assert_ok (r);
  }
  /* before any list came back (the demo has one school's ticks) */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE graduate SET pack_received = 0", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("export", "delivery-sheets", out, "--class-lists");
    assert_ok (r);
  }
  /* The first school ticks its first three rows ("x", "☑", "ja"), a fourth
   * row loses its ID and is found by name, a fifth is renamed beyond
   * recognition (unmatched, though ticked). */
  script = g_strdup ("import sys, openpyxl\n"
                     "wb = openpyxl.load_workbook(sys.argv[1])\n"
                     "ws = wb.worksheets[1]\n"
                     "rows = list(ws.iter_rows(values_only=True))\n"
                     "h = next(i for i, r in enumerate(rows) if r[4] and '\u2610' in str(r[4]))\n"
                     "for k, mark in enumerate(['x', '\u2611', 'ja', 'X', 'x']):\n"
                     "    ws.cell(h + 2 + k, 5).value = mark\n"
                     "ws.cell(h + 5, 7).value = None\n"
                     "ws.cell(h + 6, 7).value = None\n"
                     "ws.cell(h + 6, 2).value = 'Niemand'\n"
                     "wb.save(sys.argv[2])\n");
  argv[2] = script;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "received", back, "--dry-run", "--json");

    assert_ok (r);
    /* 2000 graduates on 30 lists; 5 ticked, 4 of them found */
    g_assert_true (hp_test_json_check (r->out,
                                       "d['class_lists'] == 30 and d['rows'] == 2000 and d['ticked'] == 5 and "
                                       "d['matched'] == 4 and d['newly_received'] == 4 and d['unmatched'] == 1 and "
                                       "'Niemand' in d['unmatched_rows'][0]", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "sum(g['pack_received'] for g in d) == 0", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "received", back);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "4 graduates newly ticked"));
    g_assert_nonnull (strstr (r->out, "1 row matched no graduate"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("graduate", "list", "--json");

    assert_ok (r);
    g_assert_true (hp_test_json_check (r->out, "sum(g['pack_received'] for g in d) == 4", NULL));
  }
  /* not a workbook with class lists: exit 1 */
  {
    g_autoptr(HpTestCliResult) r = RUN ("export", "packing-list", out);
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("import", "received", out);
    assert_failure (r);
  }
}

/* A program stopped in the middle of a change before the file was in WAL
 * mode leaves a hot journal. `stats` (a reading command) reads the file as
 * it was last saved: 2,000 demo graduates, none of the half-made change
 * (every last name + "X"), and the journal is gone. */
static void
test_hot_journal (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->db, "-journal", NULL);
  sqlite3 *db = NULL;
  pid_t pid;
  int status = 0;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");
    assert_ok (r);
  }

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* the writer dies inside its transaction, pages already spilled */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *writer = NULL;

      if (sqlite3_open_v2 (f->db, &writer, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (writer, "PRAGMA cache_size = 1; BEGIN; UPDATE graduate SET last_name = last_name || 'X'",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "stats");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d['graduates'] == 2000", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "graduate", "list");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "not any(g['last_name'].endswith('X') for g in d)", NULL));
  }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* heimpack-cli handover: the syntax of issue 14, its JSON, its refusals, and
 * what the list shows after two hand-overs and a removal. */
static void
test_handover (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!can_run ())
    return;

  {
    g_autoptr(HpTestCliResult) r = RUN ("campaign", "new", "Aktion 2027", "--year", "2027");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "100234", "--name", "Gymnasium Nord");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "add", "--number", "100235", "--name", "Realschule Süd");
    assert_ok (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "100234", "--standard", "20", "--under18", "7",
                                        "--date", "03.07.2027 12:00", "--received-by", "Frau Jäger",
                                        "--note", "Teillieferung", "--json");

    first = json_id (r);
    g_assert_true (hp_test_json_check (r->out,
                                       "d['school_number'] == '100234' and d['standard'] == 20 and d['under18'] == 7 "
                                       "and d['total'] == 27 and d['date'] == '2027-07-03T12:00' "
                                       "and d['received_by'] == 'Frau Jäger' and d['note'] == 'Teillieferung'",
                                       NULL));
  }
  /* without --date: now, with the time */
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "100235", "--standard", "10", "--under18", "0",
                                        "--json");
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    second = json_id (r);
    g_assert_true (hp_test_json_check (r->out, "d['date'].startswith(a[0] + 'T') and len(d['date']) == 16 "
                                       "and d['received_by'] is None", today, NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "list", "--json");

    assert_ok_quiet (r);
    /* 27 + 10 = 37 packs in two hand-overs, oldest first */
    g_assert_true (hp_test_json_check (r->out, "len(d) == 2 and sum(h['total'] for h in d) == 37 "
                                       "and [h['date'] for h in d] == sorted(h['date'] for h in d)", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "list", "--school", "100235", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and d[0]['total'] == 10", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "list");

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "Gymnasium Nord"));
    g_assert_nonnull (strstr (r->out, "Frau Jäger"));
  }
  /* refusals: no packs, a wrong date, an unknown school (exit 1); a missing
   * option (exit 2) */
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "100234", "--standard", "0", "--under18", "0");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "100234", "--standard", "1", "--under18", "0",
                                        "--date", "31.02.2027");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "999999", "--standard", "1", "--under18", "0");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "add", "--school", "100234", "--standard", "1");
    assert_usage (r);
  }
  /* a school with hand-overs stays */
  {
    g_autoptr(HpTestCliResult) r = RUN ("school", "remove", "100234");
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "remove", first);

    assert_ok_quiet (r);
    g_assert_nonnull (strstr (r->out, "27"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "remove", first);
    assert_failure (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("handover", "list", "--json");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "len(d) == 1 and str(d[0]['id']) == a[0]", second, NULL));
  }
}

/* ------------------------------------------------------------------------ */
/* The agency                                                                */

/* `agency set` stores what it is given (trimmed) and keeps the rest; a bad
 * e-mail address is refused and changes nothing; "" clears a field; the
 * delivery sheets print the file's agency, and `export --agency-name`
 * overrides the name only. */
static void
test_agency (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);

  if (!can_run ())
    return;
  HP_TEST_REQUIRE_OPENPYXL ();

  {
    g_autoptr(HpTestCliResult) r = RUN ("demo", "--scale", "district");
    assert_ok (r);
  }
  {
    /* a new file's agency is empty, and the output says how to set it */
    g_autoptr(HpTestCliResult) r = RUN ("--json", "agency", "show");
    g_autoptr(HpTestCliResult) plain = RUN ("agency", "show");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "all(v is None for v in d.values()) and len(d) == 6", NULL));
    assert_ok_quiet (plain);
    g_assert_nonnull (strstr (plain->out, "agency set --name"));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("agency", "set");
    assert_usage (r);
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("--json", "agency", "set", "--name", " Regionalagentur Südwestfalen ",
                                        "--town", "Arnsberg", "--email", "info@agentur.example");

    assert_ok_quiet (r);
    g_assert_true (hp_test_json_check (r->out, "d == {'name': 'Regionalagentur Südwestfalen', 'street': None, "
                                               "'postcode': None, 'town': 'Arnsberg', 'phone': None, "
                                               "'email': 'info@agentur.example'}", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("agency", "set", "--email", "info agentur.example", "--phone", "0291");
    g_autoptr(HpTestCliResult) show = RUN ("--json", "agency", "show");

    assert_failure (r);
    g_assert_nonnull (strstr (r->err, "info agentur.example"));
    g_assert_true (hp_test_json_check (show->out, "d['email'] == 'info@agentur.example' and d['phone'] is None",
                                       NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("agency", "set", "--phone", "02931 94-0", "--street", "Brückenplatz 1",
                                        "--postcode", "59821");
    g_autoptr(HpTestCliResult) cleared = RUN ("--json", "agency", "set", "--email", "");

    assert_ok_quiet (r);
    /* one field a line, the values aligned after the longest label */
    g_assert_nonnull (strstr (r->out, "\nTown      Arnsberg\n"));
    g_assert_nonnull (strstr (r->out, "\nPhone     02931 94-0\n"));
    assert_ok_quiet (cleared);
    g_assert_true (hp_test_json_check (cleared->out, "d['email'] is None and d['town'] == 'Arnsberg'", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("export", "delivery-sheets", out);
    g_autofree char *facts = NULL;

    assert_ok (r);
    facts = hp_test_xlsx_facts (out, 5);
    g_assert_true (hp_test_json_check (facts, "all(s['rows'][0][0][0] == 'Regionalagentur Südwestfalen' "
                                              "and s['rows'][1][0][0] == 'Brückenplatz 1 · 59821 Arnsberg' "
                                              "for s in d['sheets'][1:])", NULL));
  }
  {
    g_autoptr(HpTestCliResult) r = RUN ("export", "delivery-sheets", out, "--agency-name", "Vertretung");
    g_autofree char *facts = NULL;

    assert_ok (r);
    facts = hp_test_xlsx_facts (out, 5);
    g_assert_true (hp_test_json_check (facts, "all(s['rows'][0][0][0] == 'Vertretung' "
                                              "and s['rows'][2][0][0] == 'Phone 02931 94-0' "
                                              "for s in d['sheets'][1:])", NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST ("usage", test_usage);
  TEST ("demo-stats", test_demo_stats);
  TEST ("sponsor", test_sponsor_roundtrip);
  TEST ("product-in-use", test_product_and_in_use);
  TEST ("campaign-school-graduate", test_campaign_school_graduate);
  TEST ("too-new", test_too_new);
  TEST ("locked", test_locked);
  TEST ("not-heimpack", test_not_heimpack);
  TEST ("german", test_german);
  TEST ("counts-and-dates-follow-language", test_counts_and_dates_follow_language);
  TEST ("sentences-group-counts", test_sentences_group_counts);
  TEST ("date-error-names-forms", test_date_error_names_forms);
  TEST ("acceptance", test_acceptance);
  TEST ("pledges-receipts", test_pledges_and_receipts);
  TEST ("recipe", test_recipe);
  TEST ("items", test_items);
  TEST ("campaign-edit-remove", test_campaign_edit_remove);
  TEST ("help", test_help);
  TEST ("unexpected-argument", test_unexpected_argument);
  TEST ("upgrade-v1", test_upgrade_v1);
  TEST ("import-svws", test_import_svws);
  TEST ("import-sponsors", test_import_sponsors);
  TEST ("import-options-and-schools", test_import_options_and_schools);
  TEST ("backup", test_backup);
  TEST ("graduate-contacts", test_graduate_contacts);
  TEST ("purge", test_purge);
  TEST ("import-received", test_import_received);
  TEST ("missing-database", test_missing_database);
  TEST ("handover", test_handover);
  TEST ("hot-journal", test_hot_journal);
  TEST ("agency", test_agency);

  return g_test_run ();
}
