/* test-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli as a user or script sees it: the real binary ($HEIMPACK_CLI)
 * on a database in a temp folder. Exit status 0 / 1 (one line on stderr) /
 * 2 (usage), JSON output (checked with python3's json module), and the
 * database left alone when it is too new.
 */

#include "config.h"

#include <locale.h>

#include <string.h>

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
  g_unsetenv ("LANGUAGE");
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

  return g_test_run ();
}
