/* test-migration.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file of the round-1 Heimpack (schema version 1) upgrades it to
 * version 2 after a backup: products become sponsors' gifts of items, the
 * recipe becomes pack lines per item. The fixture tests/data/v1/round1.db
 * was written by the round-1 code; tests/data/v1/make-round1-file.c shows
 * exactly what it holds:
 *
 *   campaigns  1 "Heimvorteil2GO 2026" (hand-over 03.07.2026),
 *              2 "Heimvorteil2GO 2027" (its clone, no hand-over date)
 *   sponsors   Mosterei Ohm, Getränke Berger, Brauerei Kolb, Nussrösterei Sauer
 *   products   p1 Ohm     "Apfelschorle 0,33 l"     60 ct, best before 2027-05-01
 *              p2 Berger  "Apfelschorle 0,33 l"     55 ct
 *              p3 Kolb    "Pils 0,33 l"             95 ct, 18+
 *              p4 Berger  "Radler 0,33 l"           80 ct
 *              p5 Kolb    "Radler 0,33 l"           85 ct, 18+
 *              p6 Sauer   "Erdnüsse 50 g"           40 ct, best before 2027-01-31
 *              p7 Berger  " apfelschorle 0,33 L "   50 ct
 *              p8 Ohm     "Fahrradpumpe"          1250 ct
 *   recipe     (both campaigns) p1 1/1 @0, p2 1/0 @1, p3 1/0 @2, p4 0/1 @3,
 *              p5 1/0 @4, p6 2/2 @5   (standard/under-18 @position)
 *   pledges    2026: p1 100 (due 2026-05-01), p2 50, p3 80, p4 40, p5 30
 *              (unconfirmed), p6 200, p7 0 (unconfirmed, made by a booking);
 *              2027: the same quantities, all unconfirmed
 *   receipts   2026: p1 60 + 30 ("Lieferschein 4711"), p2 50, p3 80, p4 20,
 *              p6 150, p7 10 ("ohne Zusage"); 2027: p1 10
 *   schools    170001 Gymnasium Arnsberg: 2026 expects 40, 5 under 18,
 *              hand-over 26.06.2026 11:00; 2027 expects 40
 *              170002 Gymnasium Brilon: expects 30 in both
 *   graduates  2026 at 170001: Müller (born 03.05.2008), Özdemir (15.09.2008),
 *              Schulte (no birth date)
 *
 * After the upgrade, items by name key: Apfelschorle 0,33 l (p1, p2, p7),
 * Pils 0,33 l (p3, 18+), Radler 0,33 l (p4, p5; 18+ because p5 was),
 * Erdnüsse 50 g (p6), Fahrradpumpe (p8). Pack lines add up per item:
 *   Apfelschorle  standard 1 + 1 = 2, under-18 1 + 0 = 1, at min (0, 1) = 0
 *   Pils          1 / 0 @2
 *   Radler        standard 0 + 1 = 1, under-18 1 + 0 = 1 → 0 (18+), @min (3, 4) = 3
 *   Erdnüsse      2 / 2 @5
 * and the Radler's 1 piece leaves the under-18 pack of both campaigns, which
 * the migration notes say.
 */

#include "config.h"

#include <grp.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hp-test-utils.h"

/* ------------------------------------------------------------------------ */
/* Fixture: a fresh copy of round1.db in a temp folder                      */

typedef struct
{
  char *dir;
  char *path;       /* dir/round1.db */
} Copy;

static char *
fixture_file (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "v1", "round1.db", NULL);
}

static void
copy_setup (Copy          *c,
            gconstpointer  data)
{
  g_autofree char *source = fixture_file ();
  g_autoptr(GBytes) bytes = hp_test_file_bytes (source);
  g_autoptr(GError) error = NULL;

  c->dir = hp_test_tmp_dir ();
  c->path = g_build_filename (c->dir, "round1.db", NULL);
  g_assert_true (g_file_set_contents_full (c->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
copy_teardown (Copy          *c,
               gconstpointer  data)
{
  hp_test_rm_rf (c->dir);
  g_free (c->dir);
  g_free (c->path);
}

#define MIGRATION_TEST(path, func) \
  g_test_add ("/heimpack/migration/" path, Copy, NULL, copy_setup, func, copy_teardown)

static HpStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HpStore *store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A second, untouched copy of the fixture beside @c's folder, to compare
 * with. */
static char *
pristine_copy (Copy *c)
{
  g_autofree char *source = fixture_file ();
  g_autoptr(GBytes) bytes = hp_test_file_bytes (source);
  g_autofree char *dir = g_build_filename (c->dir, "pristine", NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "round1.db", NULL);

  g_assert_no_errno (g_mkdir (dir, 0700));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* ------------------------------------------------------------------------ */
/* SQLite, for looking at the backup from outside                           */

static sqlite3 *
sql_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  return db;
}

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of @sql as text, one line each, columns by "|", NULL as "∅". */
static char *
sql_rows (sqlite3    *db,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c ? "|" : "", text ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The whole content of a file: its schema and every table's rows. */
static char *
sql_dump (const char *path)
{
  sqlite3 *db = sql_open (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *schema = sql_rows (db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name");
  g_autofree char *names = sql_rows (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  g_auto(GStrv) tables = g_strsplit (names, "\n", -1);

  g_string_append_printf (out, "user_version %" G_GINT64_FORMAT "\napplication_id %" G_GINT64_FORMAT "\n%s",
                          sql_int (db, "PRAGMA user_version"), sql_int (db, "PRAGMA application_id"), schema);
  for (guint i = 0; tables[i] != NULL && *tables[i] != '\0'; i++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", tables[i]);
      g_autofree char *rows = sql_rows (db, query);

      g_string_append_printf (out, "-- %s\n%s", tables[i], rows);
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Store helpers                                                             */

static char *
recipe_string (HpStore *store,
               gint64   campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = hp_store_list_recipe (store, campaign_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (lines, i);

      g_string_append_printf (out, "%s%s %u/%u@%d", i ? ", " : "", hp_recipe_item_get_item_name (line),
                              hp_recipe_item_get_per_standard (line), hp_recipe_item_get_per_under18 (line),
                              hp_recipe_item_get_position (line));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_list (GListModel *list,
            GError     *error)
{
  g_assert_no_error (error);
  return hp_test_list_count (list);
}

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_pattern_match_simple ("round1_*_before-version-5.db", name);
  return n;
}

/* ------------------------------------------------------------------------ */
/* The backup                                                                */

/* The upgrade first copies the file into round1.db.backups/ (folder 0700,
 * file 0600: personal data), and the copy is the version-1 file as it was,
 * row for row. */
static void
test_backup (Copy          *c,
             gconstpointer  data)
{
  g_autoptr(HpStore) store = open_store (c->path);
  g_autofree char *folder = g_strconcat (c->path, ".backups", NULL);
  g_autofree char *pristine = pristine_copy (c);
  g_autofree char *backup = g_strdup (hp_store_get_upgrade_backup (store));
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  const char * const *notes = hp_store_get_migration_notes (store);
  GStatBuf st;

  g_assert_nonnull (backup);
  backup_dir = g_path_get_dirname (backup);
  backup_name = g_path_get_basename (backup);
  g_assert_cmpstr (backup_dir, ==, folder);
  g_test_message ("backup: %s", backup_name);
  g_assert_true (g_regex_match_simple ("^round1_[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{6}_before-version-5\\.db$",
                                       backup_name, 0, 0));
  g_assert_cmpuint (count_backups (folder), ==, 1);

  /* the first note says where the copy is */
  g_assert_nonnull (notes);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], backup));

  g_assert_no_errno (g_stat (folder, &st));
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_no_errno (g_stat (backup, &st));
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);

  /* a sound version-1 file with the same schema and rows as the original */
  {
    sqlite3 *db = sql_open (backup);
    g_autofree char *check = sql_rows (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok\n");
    g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (sql_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'recipe_item'"), ==, 1);
    g_assert_cmpint (sql_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'item'"), ==, 0);
    sqlite3_close (db);
  }
  want = sql_dump (pristine);
  got = sql_dump (backup);
  g_assert_cmpstr (got, ==, want);
  g_assert_nonnull (strstr (got, "Lieferschein 4711"));

  /* Heimpack knows it as a version-1 file: read-only, it must be upgraded
   * first (and is left alone) */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HpStore) old = hp_store_open (backup, HP_STORE_OPEN_READ_ONLY, &error);

    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_assert_null (old);
  }
}

/* ------------------------------------------------------------------------ */
/* Nothing lost                                                              */

/* Every row of the backup is in the upgraded file with the same values;
 * only a product's name and 18+ flag are its item's now. */
static void
test_everything_kept (Copy          *c,
                      gconstpointer  data)
{
  g_autoptr(HpStore) store = open_store (c->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sql_open (hp_store_get_upgrade_backup (store));
  HpStoreStats stats = { 0, };
  sqlite3_stmt *stmt = NULL;
  guint pledges = 0, receipts = 0, rows = 0;

  g_assert_cmpint (hp_store_get_schema_version (store), ==, 5);
  g_assert_cmpint (hp_store_get_schema_version (store), ==, HP_STORE_SCHEMA_VERSION);

  /* counts */
  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.campaigns, ==, sql_int (db, "SELECT count(*) FROM campaign"));
  g_assert_cmpuint (stats.sponsors, ==, sql_int (db, "SELECT count(*) FROM sponsor"));
  g_assert_cmpuint (stats.products, ==, sql_int (db, "SELECT count(*) FROM product"));
  g_assert_cmpuint (stats.schools, ==, sql_int (db, "SELECT count(*) FROM school"));
  g_assert_cmpuint (stats.graduates, ==, sql_int (db, "SELECT count(*) FROM graduate"));
  g_assert_cmpuint (stats.campaigns, ==, 2);
  g_assert_cmpuint (stats.sponsors, ==, 4);
  g_assert_cmpuint (stats.products, ==, 8);
  g_assert_cmpuint (stats.schools, ==, 2);
  g_assert_cmpuint (stats.graduates, ==, 3);
  for (gint64 campaign = 1; campaign <= 2; campaign++)
    {
      g_autoptr(GListModel) p = hp_store_list_pledges (store, campaign, &error);
      g_autoptr(GListModel) r = NULL;

      pledges += count_list (p, error);
      r = hp_store_list_campaign_receipts (store, campaign, 0, &error);
      receipts += count_list (r, error);
    }
  g_assert_cmpuint (pledges, ==, sql_int (db, "SELECT count(*) FROM pledge"));
  g_assert_cmpuint (receipts, ==, sql_int (db, "SELECT count(*) FROM receipt"));
  g_assert_cmpuint (pledges, ==, 14);
  g_assert_cmpuint (receipts, ==, 8);

  /* sponsors */
  sqlite3_prepare_v2 (db, "SELECT id, name, contact, phone, email, address, notes FROM sponsor", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HpSponsor) s = hp_store_get_sponsor (store, sqlite3_column_int64 (stmt, 0), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hp_sponsor_get_name (s), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr (hp_sponsor_get_contact (s), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (hp_sponsor_get_phone (s), ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpstr (hp_sponsor_get_email (s), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpstr (hp_sponsor_get_address (s), ==, (const char *) sqlite3_column_text (stmt, 5));
      g_assert_cmpstr (hp_sponsor_get_notes (s), ==, (const char *) sqlite3_column_text (stmt, 6));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 4);

  /* products: the gift's own values stay; its name is its item's, whose
   * key is the old name's, and the item is 18+ if the product was */
  rows = 0;
  sqlite3_prepare_v2 (db, "SELECT id, sponsor_id, name, value_cents, adult_only, best_before, notes FROM product",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HpProduct) p = hp_store_get_product (store, sqlite3_column_int64 (stmt, 0), &error);
      g_autofree char *old_key = hp_item_name_key ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *new_key = NULL;

      g_assert_no_error (error);
      new_key = hp_item_name_key (hp_product_get_name (p));
      g_assert_cmpint (hp_product_get_sponsor_id (p), ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpstr (new_key, ==, old_key);
      g_assert_cmpint (hp_product_get_value_cents (p), ==, sqlite3_column_int64 (stmt, 3));
      if (sqlite3_column_int (stmt, 4))
        g_assert_true (hp_product_get_adult_only (p));
      g_assert_cmpstr (hp_product_get_best_before (p), ==, (const char *) sqlite3_column_text (stmt, 5));
      g_assert_cmpstr (hp_product_get_notes (p), ==, (const char *) sqlite3_column_text (stmt, 6));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 8);

  /* pledges, each with its campaign, gift, quantity, due date, confirmation */
  rows = 0;
  sqlite3_prepare_v2 (db, "SELECT id, campaign_id, product_id, quantity, due_date, confirmed FROM pledge",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HpPledge) p = hp_store_find_pledge (store, sqlite3_column_int64 (stmt, 1),
                                                    sqlite3_column_int64 (stmt, 2), &error);

      g_assert_no_error (error);
      g_assert_cmpint (hp_pledge_get_id (p), ==, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpint (hp_pledge_get_quantity (p), ==, sqlite3_column_int64 (stmt, 3));
      g_assert_cmpstr (hp_pledge_get_due_date (p), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_true (hp_pledge_get_confirmed (p) == (sqlite3_column_int (stmt, 5) != 0));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 14);

  /* receipts, each on its pledge (so with its gift and campaign) */
  rows = 0;
  sqlite3_prepare_v2 (db,
                      "SELECT r.id, r.pledge_id, r.received_on, r.quantity, r.note, pl.campaign_id, pl.product_id "
                      "FROM receipt r JOIN pledge pl ON pl.id = r.pledge_id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HpReceipt) r = hp_store_get_receipt (store, sqlite3_column_int64 (stmt, 0), &error);

      g_assert_no_error (error);
      g_assert_cmpint (hp_receipt_get_pledge_id (r), ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpstr (hp_receipt_get_date (r), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpint (hp_receipt_get_quantity (r), ==, sqlite3_column_int64 (stmt, 3));
      g_assert_cmpstr (hp_receipt_get_note (r), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpint (hp_receipt_get_campaign_id (r), ==, sqlite3_column_int64 (stmt, 5));
      g_assert_cmpint (hp_receipt_get_product_id (r), ==, sqlite3_column_int64 (stmt, 6));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 8);

  /* schools and their figures per campaign; none has a complete list yet */
  rows = 0;
  sqlite3_prepare_v2 (db,
                      "SELECT cs.campaign_id, s.id, s.number, s.name, s.town, cs.expected_graduates, "
                      "  cs.under18_expected, cs.handover_at "
                      "FROM campaign_school cs JOIN school s ON s.id = cs.school_id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GListModel) list = hp_store_list_schools (store, sqlite3_column_int64 (stmt, 0), &error);
      g_autoptr(HpSchool) s = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (list) && s == NULL; i++)
        {
          g_autoptr(HpSchool) row = g_list_model_get_item (list, i);

          if (hp_school_get_id (row) == sqlite3_column_int64 (stmt, 1))
            s = g_steal_pointer (&row);
        }
      g_assert_nonnull (s);
      g_assert_cmpstr (hp_school_get_number (s), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (hp_school_get_name (s), ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpstr (hp_school_get_town (s), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpint (hp_school_get_expected_graduates (s), ==,
                       sqlite3_column_type (stmt, 5) == SQLITE_NULL ? HP_UNSET : sqlite3_column_int (stmt, 5));
      g_assert_cmpint (hp_school_get_under18_expected (s), ==,
                       sqlite3_column_type (stmt, 6) == SQLITE_NULL ? HP_UNSET : sqlite3_column_int (stmt, 6));
      g_assert_cmpstr (hp_school_get_handover (s), ==, (const char *) sqlite3_column_text (stmt, 7));
      g_assert_false (hp_school_get_list_complete (s));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 4);

  /* graduates */
  rows = 0;
  sqlite3_prepare_v2 (db, "SELECT id, campaign_id, school_id, last_name, first_name, class, birth_date FROM graduate",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HpGraduate) g = hp_store_get_graduate (store, sqlite3_column_int64 (stmt, 0), &error);

      g_assert_no_error (error);
      g_assert_cmpint (hp_graduate_get_campaign_id (g), ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpint (hp_graduate_get_school_id (g), ==, sqlite3_column_int64 (stmt, 2));
      g_assert_cmpstr (hp_graduate_get_last_name (g), ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpstr (hp_graduate_get_first_name (g), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpstr (hp_graduate_get_class_name (g), ==, (const char *) sqlite3_column_text (stmt, 5));
      g_assert_cmpstr (hp_graduate_get_birth_date (g), ==, (const char *) sqlite3_column_text (stmt, 6));
      rows++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (rows, ==, 3);

  sqlite3_close (db);
}

/* ------------------------------------------------------------------------ */
/* Items and pack lines                                                      */

static HpProduct *
product (HpStore *store,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  HpProduct *p = hp_store_get_product (store, id, &error);

  g_assert_no_error (error);
  return p;
}

static void
test_items (Copy          *c,
            gconstpointer  data)
{
  g_autoptr(HpStore) store = open_store (c->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = hp_store_list_items (store, 0, &error);
  g_autoptr(HpProduct) p1 = product (store, 1);
  g_autoptr(HpProduct) p2 = product (store, 2);
  g_autoptr(HpProduct) p4 = product (store, 4);
  g_autoptr(HpProduct) p5 = product (store, 5);
  g_autoptr(HpProduct) p7 = product (store, 7);
  const char * const *notes = hp_store_get_migration_notes (store);
  static const struct { const char *name; guint gifts; gboolean adult; const char *sponsors; } expected[] = {
    { "Apfelschorle 0,33 l", 3, FALSE, "Getränke Berger, Mosterei Ohm" },
    { "Erdnüsse 50 g", 1, FALSE, "Nussrösterei Sauer" },
    { "Fahrradpumpe", 1, FALSE, "Mosterei Ohm" },
    { "Pils 0,33 l", 1, TRUE, "Brauerei Kolb" },
    { "Radler 0,33 l", 2, TRUE, "Brauerei Kolb, Getränke Berger" },
  };
  g_autofree char *recipe = NULL;

  /* five items, by name */
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (items), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HpItem) item = hp_test_list_get (items, i);

      g_assert_cmpstr (hp_item_get_name (item), ==, expected[i].name);
      g_assert_cmpuint (hp_item_get_gifts (item), ==, expected[i].gifts);
      g_assert_true (hp_item_get_adult_only (item) == expected[i].adult);
      hp_test_assert_names (hp_item_get_sponsors (item), expected[i].sponsors);
    }

  /* three products of one name key are one item, named as the first */
  g_assert_cmpint (hp_product_get_item_id (p2), ==, hp_product_get_item_id (p1));
  g_assert_cmpint (hp_product_get_item_id (p7), ==, hp_product_get_item_id (p1));
  g_assert_cmpstr (hp_product_get_name (p7), ==, "Apfelschorle 0,33 l");
  /* each gift keeps what is the sponsor's */
  g_assert_cmpint (hp_product_get_value_cents (p1), ==, 60);
  g_assert_cmpstr (hp_product_get_best_before (p1), ==, "2027-05-01");
  g_assert_cmpint (hp_product_get_value_cents (p7), ==, 50);
  g_assert_null (hp_product_get_best_before (p7));
  g_assert_cmpstr (hp_product_get_sponsor_name (p7), ==, "Getränke Berger");
  /* Berger's Radler was not 18+, Kolb's was: the item is, and so both read */
  g_assert_cmpint (hp_product_get_item_id (p4), ==, hp_product_get_item_id (p5));
  g_assert_true (hp_product_get_adult_only (p4));

  /* pledges and bookings stay with each gift: 2026 Ohm 100 pledged, 60 +
   * 30 received; Berger's " apfelschorle" 0 pledged, 10 booked */
  {
    g_autoptr(HpPledge) pledge = hp_store_find_pledge (store, 1, 1, &error);
    g_autoptr(GListModel) bookings = NULL;
    g_autoptr(HpReceipt) second = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_quantity (pledge), ==, 100);
    g_assert_cmpint (hp_pledge_get_received (pledge), ==, 90);
    g_assert_cmpstr (hp_pledge_get_due_date (pledge), ==, "2026-05-01");
    g_assert_true (hp_pledge_get_confirmed (pledge));
    bookings = hp_store_list_campaign_receipts (store, 1, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hp_test_list_count (bookings), ==, 2);
    second = hp_test_list_get (bookings, 1);
    g_assert_cmpstr (hp_receipt_get_date (second), ==, "2026-04-15");
    g_assert_cmpint (hp_receipt_get_quantity (second), ==, 30);
    g_assert_cmpstr (hp_receipt_get_note (second), ==, "Lieferschein 4711");
    g_assert_cmpstr (hp_receipt_get_item_name (second), ==, "Apfelschorle 0,33 l");
    g_assert_cmpstr (hp_receipt_get_sponsor_name (second), ==, "Mosterei Ohm");
  }
  {
    g_autoptr(HpPledge) pledge = hp_store_find_pledge (store, 1, 7, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_quantity (pledge), ==, 0);
    g_assert_false (hp_pledge_get_confirmed (pledge));
    g_assert_cmpint (hp_pledge_get_received (pledge), ==, 10);
  }
  {
    g_autoptr(HpPledge) pledge = hp_store_find_pledge (store, 2, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_quantity (pledge), ==, 100);
    g_assert_false (hp_pledge_get_confirmed (pledge));
    g_assert_cmpint (hp_pledge_get_received (pledge), ==, 10);
  }

  /* The pack lines of both campaigns, added up per item (see the top of
   * this file); the Radler has left the under-18 pack. */
  recipe = recipe_string (store, 1);
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 2/1@0, Pils 0,33 l 1/0@2, Radler 0,33 l 1/0@3, Erdnüsse 50 g 2/2@5");
  g_clear_pointer (&recipe, g_free);
  recipe = recipe_string (store, 2);
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 2/1@0, Pils 0,33 l 1/0@2, Radler 0,33 l 1/0@3, Erdnüsse 50 g 2/2@5");
  g_clear_pointer (&recipe, g_free);

  /* Apfelschorle in 2026: pledged 100 + 50 + 0 = 150, received 90 + 50 + 10 = 150 */
  g_clear_object (&items);
  items = hp_store_list_items (store, 1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HpItem) item = hp_test_list_get (items, 0);

    g_assert_true (hp_item_get_in_pack (item));
    g_assert_cmpint (hp_item_get_pledged (item), ==, 150);
    g_assert_cmpint (hp_item_get_received (item), ==, 150);
  }

  /* The notes: the backup, then the Radler per campaign, oldest first */
  g_assert_nonnull (notes);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], hp_store_get_upgrade_backup (store)));
  g_assert_nonnull (notes[1]);
  g_assert_nonnull (strstr (notes[1], "Radler 0,33 l"));
  g_assert_nonnull (strstr (notes[1], "Heimvorteil2GO 2026"));
  g_assert_nonnull (strstr (notes[1], "1 piece "));
  g_assert_nonnull (notes[2]);
  g_assert_nonnull (strstr (notes[2], "Radler 0,33 l"));
  g_assert_nonnull (strstr (notes[2], "Heimvorteil2GO 2027"));
  g_assert_null (notes[3]);
  for (guint i = 0; notes[i] != NULL; i++)
    g_test_message ("note: %s", notes[i]);

  /* Under 18 on 26.06.2026 (Gymnasium Arnsberg's own day): Müller (born
   * 03.05.2008) is 18, Özdemir (15.09.2008) is 17, Schulte unknown */
  {
    g_autoptr(GListModel) graduates = hp_store_list_graduates (store, 1, 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (graduates); i++)
      {
        g_autoptr(HpGraduate) g = g_list_model_get_item (graduates, i);
        const char *name = hp_graduate_get_last_name (g);

        g_assert_cmpint (hp_graduate_get_under18 (g), ==,
                         g_str_equal (name, "Özdemir") ? 1 : g_str_equal (name, "Müller") ? 0 : HP_UNSET);
      }
  }
}

/* Version 1 took a product name of blanks; such a product cannot share an
 * item by name, so it gets an item of its own, named after its number, and
 * the file opens (before, the upgrade failed on every open and left one
 * more backup each time). Here p6 (Erdnüsse, in the pack 2/2 @5) is named
 * "\t" and p8 (Fahrradpumpe) "   ". */
static void
test_blank_names (Copy          *c,
                  gconstpointer  data)
{
  g_autofree char *folder = g_strconcat (c->path, ".backups", NULL);
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpProduct) p6 = NULL;
  g_autoptr(HpProduct) p8 = NULL;
  g_autofree char *recipe = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (c->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE product SET name = char(9) WHERE id = 6;"
                                     "UPDATE product SET name = '   ' WHERE id = 8",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store (c->path);
  g_assert_cmpint (hp_store_get_schema_version (store), ==, 5);
  g_assert_cmpuint (count_backups (folder), ==, 1);
  p6 = product (store, 6);
  p8 = product (store, 8);
  g_assert_cmpstr (hp_product_get_name (p6), ==, "Product without a name (no. 6)");
  g_assert_cmpstr (hp_product_get_name (p8), ==, "Product without a name (no. 8)");
  g_assert_cmpint (hp_product_get_item_id (p6), !=, hp_product_get_item_id (p8));
  g_assert_cmpint (hp_product_get_value_cents (p6), ==, 40);
  recipe = recipe_string (store, 1);
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 2/1@0, Pils 0,33 l 1/0@2, Radler 0,33 l 1/0@3, "
                               "Product without a name (no. 6) 2/2@5");
}

/* ------------------------------------------------------------------------ */
/* The plan runs                                                             */

static const HpPlanGift *
chased_gift (const HpPlanInput *input,
             const HpPlan      *plan,
             guint              line)
{
  g_assert_cmpuint (line, <, plan->n_chase);
  return &input->gifts[plan->chase[line].gift];
}

/* 2026 (spare 5 %):
 *   Arnsberg: expects 40, 3 listed → 40; under 18 max (1 by birth, 5
 *     estimated) = 5; ceil (40 × 1.05) = 42 packs: 37 standard, 5 under 18
 *   Brilon: expects 30 → ceil (31.5) = 32 standard
 *   needed 69 standard, 5 under 18
 * Stock: Apfelschorle 90 + 50 + 10 = 150, Pils 80, Radler 20 + 0 = 20,
 * Erdnüsse 150.
 *   under-18 first: min (5, 150 ÷ 1, 150 ÷ 2 = 75) = 5 (5 Apfelschorle,
 *     10 Erdnüsse)
 *   standard: Apfelschorle 145 ÷ 2 = 72, Pils 80, Radler 20, Erdnüsse
 *     140 ÷ 2 = 70 → min (69, 72, 80, 20, 70) = 20; bottleneck Radler
 *   Radler: needed 69, shortfall 69 − 20 = 49; Kolb owes 30 − 0 = 30,
 *     Berger 40 − 20 = 20: chase Kolb 30, then Berger 19; unpledged 0
 *   Apfelschorle needs 69 × 2 + 5 = 143 ≤ 150, Erdnüsse 69 × 2 + 5 × 2 =
 *     148 ≤ 150, Pils 69 ≤ 80: nothing else short
 *   20 standard packs for 37 : 32 → 10.72 : 9.28 → 10 : 9, the one left
 *     to Arnsberg (.72 > .28): 11 : 9; the 5 under-18 packs to Arnsberg.
 * 2027 (the clone: no graduates, no estimates; only Ohm's 10 Apfelschorle
 * came): 40 → 42, 30 → 32, 74 standard packs.
 *   Apfelschorle allows 10 ÷ 2 = 5, Pils, Radler and Erdnüsse 0 →
 *     nothing buildable; the bottleneck is the first with the fewest: Pils
 *   chase, in packing order: Apfelschorle 148 − 10 = 138: Ohm 90, Berger 48;
 *     Pils 74: Kolb 74; Radler 74: Berger 40, Kolb 30, 4 unpledged;
 *     Erdnüsse 148: Sauer 148 */
static void
test_plan (Copy          *c,
           gconstpointer  data)
{
  g_autoptr(HpStore) store = open_store (c->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;
  static const struct { gint64 product; gint64 quantity; } chase_2027[] = {
    { 1, 90 }, { 2, 48 }, { 3, 74 }, { 4, 40 }, { 5, 30 }, { 6, 148 },
  };

  input = hp_plan_input_load (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->n_items, ==, 4);
  g_assert_cmpuint (input->n_gifts, ==, 7);
  g_assert_cmpuint (input->n_schools, ==, 2);
  plan = hp_plan_compute (input);

  g_assert_cmpuint (plan->needed_standard, ==, 69);
  g_assert_cmpuint (plan->needed_under18, ==, 5);
  g_assert_cmpuint (plan->schools[0].needed_standard, ==, 37);
  g_assert_cmpuint (plan->schools[0].needed_under18, ==, 5);
  g_assert_cmpint (plan->schools[0].source, ==, HP_PLAN_SOURCE_EXPECTED);
  g_assert_cmpuint (plan->schools[1].needed_standard, ==, 32);
  g_assert_cmpuint (plan->buildable_under18, ==, 5);
  g_assert_cmpuint (plan->buildable_standard, ==, 20);
  g_assert_cmpstr (input->items[plan->bottleneck_item].name, ==, "Radler 0,33 l");
  g_assert_cmpint (plan->items[0].received, ==, 150);
  g_assert_cmpint (plan->items[0].needed, ==, 143);
  g_assert_cmpint (plan->items[0].shortfall, ==, 0);
  g_assert_cmpint (plan->items[2].needed, ==, 69);
  g_assert_cmpint (plan->items[2].received, ==, 20);
  g_assert_cmpint (plan->items[2].outstanding, ==, 50);
  g_assert_cmpint (plan->items[2].shortfall, ==, 49);
  g_assert_cmpint (plan->items[2].unpledged, ==, 0);
  g_assert_cmpint (plan->items[3].needed, ==, 148);
  g_assert_cmpint (plan->items[3].shortfall, ==, 0);
  g_assert_cmpuint (plan->n_chase, ==, 2);
  g_assert_cmpint (chased_gift (input, plan, 0)->product_id, ==, 5);
  g_assert_cmpstr (chased_gift (input, plan, 0)->sponsor_name, ==, "Brauerei Kolb");
  g_assert_cmpint (plan->chase[0].quantity, ==, 30);
  g_assert_cmpint (chased_gift (input, plan, 1)->product_id, ==, 4);
  g_assert_cmpint (plan->chase[1].quantity, ==, 19);
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 11);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 9);
  g_assert_cmpuint (plan->schools[0].allocated_under18, ==, 5);
  g_clear_pointer (&plan, hp_plan_free);
  g_clear_pointer (&input, hp_plan_input_free);

  input = hp_plan_input_load (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->n_items, ==, 4);
  plan = hp_plan_compute (input);
  g_assert_cmpuint (plan->needed_standard, ==, 74);
  g_assert_cmpuint (plan->needed_under18, ==, 0);
  g_assert_cmpuint (plan->buildable_standard, ==, 0);
  g_assert_cmpstr (input->items[plan->bottleneck_item].name, ==, "Pils 0,33 l");
  g_assert_cmpint (plan->items[2].unpledged, ==, 4);
  g_assert_cmpuint (plan->n_chase, ==, G_N_ELEMENTS (chase_2027));
  for (guint i = 0; i < G_N_ELEMENTS (chase_2027); i++)
    {
      g_assert_cmpint (chased_gift (input, plan, i)->product_id, ==, chase_2027[i].product);
      g_assert_cmpint (plan->chase[i].quantity, ==, chase_2027[i].quantity);
    }
}

/* ------------------------------------------------------------------------ */
/* Once only; never read-only                                                */

static void
test_second_open (Copy          *c,
                  gconstpointer  data)
{
  g_autofree char *folder = g_strconcat (c->path, ".backups", NULL);
  g_autoptr(HpStore) store = open_store (c->path);
  HpStoreStats before = { 0, }, after = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (hp_store_get_migration_notes (store));
  g_assert_true (hp_store_get_stats (store, &before, &error));
  g_clear_object (&store);

  store = open_store (c->path);
  g_assert_null (hp_store_get_migration_notes (store));
  g_assert_null (hp_store_get_upgrade_backup (store));
  g_assert_cmpint (hp_store_get_schema_version (store), ==, 5);
  g_assert_cmpuint (count_backups (folder), ==, 1);
  g_assert_true (hp_store_get_stats (store, &after, &error));
  g_assert_no_error (error);
  g_assert_true (memcmp (&before, &after, sizeof before) == 0);
  g_clear_object (&store);

  /* and read-only, now that it is upgraded */
  store = hp_store_open (c->path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (hp_store_get_migration_notes (store));
  g_assert_cmpuint (count_backups (folder), ==, 1);
}

/* Read-only, an old file cannot be upgraded: refused, and the file stays
 * as it was, byte for byte, with no backup made. */
static void
test_read_only_before_upgrade (Copy          *c,
                               gconstpointer  data)
{
  g_autofree char *folder = g_strconcat (c->path, ".backups", NULL);
  g_autofree char *source = fixture_file ();
  g_autoptr(GBytes) original = hp_test_file_bytes (source);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autofree char *listing = NULL;

  store = hp_store_open (c->path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
  g_assert_null (store);

  after = hp_test_file_bytes (c->path);
  g_assert_true (hp_test_bytes_equal (after, original));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  listing = hp_test_list_dir (c->dir);
  g_test_message ("left in the folder: %s", listing);
}

/* The open of @path, in a subprocess (its own fixture, not used) as a
 * user the folder's mode binds: root is dropped to nobody, since root
 * writes to any folder. */
static void
unwritable_folder_child (Copy       *c,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;

  g_assert_nonnull (path);
  hp_test_rm_rf (c->dir);
  if (geteuid () == 0)
    {
      g_assert_no_errno (setgroups (0, NULL));
      g_assert_no_errno (setgid (65534));
      g_assert_no_errno (setuid (65534));
    }

  store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
}

/* In a folder one cannot write to, an old file cannot be backed up or
 * upgraded: refused before anything is written. */
static void
test_unwritable_folder (Copy          *c,
                        gconstpointer  data)
{
  g_autofree char *source = fixture_file ();
  g_autoptr(GBytes) original = hp_test_file_bytes (source);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;

  if (g_test_subprocess ())
    {
      unwritable_folder_child (c, g_getenv ("HP_TEST_UNWRITABLE_DB"));
      return;
    }

  listing = hp_test_list_dir (c->dir);
  /* readable by all, writable by nobody (root is dropped in the child) */
  g_assert_no_errno (g_chmod (c->path, 0644));
  g_assert_no_errno (g_chmod (c->dir, 0555));
  g_setenv ("HP_TEST_UNWRITABLE_DB", c->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("HP_TEST_UNWRITABLE_DB");
  g_assert_no_errno (g_chmod (c->dir, 0700));
  g_test_trap_assert_passed ();

  after = hp_test_file_bytes (c->path);
  g_assert_true (hp_test_bytes_equal (after, original));
  listing_after = hp_test_list_dir (c->dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

/* A new file is made at the current version: nothing to upgrade, nothing
 * to say. */
static void
test_new_file (Copy          *c,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (c->dir, "neu.db", NULL);
  g_autofree char *folder = g_strconcat (path, ".backups", NULL);
  g_autoptr(HpStore) store = open_store (path);
  g_autoptr(HpStore) memory = hp_test_store_new_memory ();

  g_assert_cmpint (hp_store_get_schema_version (store), ==, HP_STORE_SCHEMA_VERSION);
  g_assert_null (hp_store_get_migration_notes (store));
  g_assert_null (hp_store_get_upgrade_backup (store));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_null (hp_store_get_migration_notes (memory));
  g_assert_null (hp_store_get_upgrade_backup (memory));
}

/* Version 3 on the upgraded fixture: hand-overs, contact columns, and a
 * graduate's e-mail or phone refused without a consent date and source,
 * by any writer (here SQL straight into the file). */
static void
test_after_the_drive (Copy          *c,
                      gconstpointer  data)
{
  g_autoptr(HpStore) store = open_store (c->path);
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (hp_store_get_schema_version (store), ==, 5);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (c->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM handover"), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM campaign WHERE purged_at IS NOT NULL"), ==, 0);

  /* no consent: refused, on insert and on update */
  rc = sqlite3_exec (db, "UPDATE graduate SET email = 'a@example.org', consent_date = NULL "
                         "WHERE id = (SELECT min(id) FROM graduate)", NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "email_needs_consent"));
  g_clear_pointer (&message, sqlite3_free);
  /* a date without a source is no consent either */
  rc = sqlite3_exec (db, "UPDATE graduate SET phone = '0291 1234', consent_date = '2027-06-01', "
                         "consent_source = NULL WHERE id = (SELECT min(id) FROM graduate)", NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_clear_pointer (&message, sqlite3_free);
  /* with both: stored */
  rc = sqlite3_exec (db, "UPDATE graduate SET email = 'a@example.org', consent_date = '2027-06-01', "
                         "consent_source = 'Formular' WHERE id = (SELECT min(id) FROM graduate)", NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM graduate WHERE email = 'a@example.org'"), ==, 1);
  /* a hand-over of nothing is refused; a date with a time is fine */
  rc = sqlite3_exec (db, "INSERT INTO handover (campaign_id, school_id, handed_over_at, standard, under18) "
                         "SELECT campaign_id, school_id, '2027-06-25T11:00', 0, 0 FROM graduate LIMIT 1",
                     NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_clear_pointer (&message, sqlite3_free);
  rc = sqlite3_exec (db, "INSERT INTO handover (campaign_id, school_id, handed_over_at, standard, under18) "
                         "SELECT campaign_id, school_id, '2027-06-25T11:00', 27, 0 FROM graduate LIMIT 1",
                     NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  MIGRATION_TEST ("backup", test_backup);
  MIGRATION_TEST ("everything-kept", test_everything_kept);
  MIGRATION_TEST ("items", test_items);
  MIGRATION_TEST ("blank-names", test_blank_names);
  MIGRATION_TEST ("plan", test_plan);
  MIGRATION_TEST ("second-open", test_second_open);
  MIGRATION_TEST ("read-only", test_read_only_before_upgrade);
  MIGRATION_TEST ("unwritable-folder", test_unwritable_folder);
  MIGRATION_TEST ("new-file", test_new_file);
  MIGRATION_TEST ("after-the-drive", test_after_the_drive);

  return g_test_run ();
}
