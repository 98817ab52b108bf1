/* test-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups (hp-backup.h): the copy before an import, verified and listed;
 * restore brings back the counts before the import and keeps a copy of what
 * it replaced; the daily copy holds the state before the day's first
 * change; retention worked by hand over 30 made-up copies; damaged copies;
 * modes of folder and files; refusals of restore; the copies a killed
 * process was writing removed by the next backup.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hp-test-utils.h"

typedef struct
{
  char    *dir;
  char    *db;
  char    *folder;
  HpStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hp_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "heimpack.db", NULL);
  f->folder = hp_backup_get_folder (f->db);
  f->store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->folder);
}

#define TEST(path, func) \
  g_test_add ("/heimpack/backup/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static char *
write_tmp (const char *dir,
           const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static HpCampaign *
add_campaign (HpStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  HpCampaign *campaign = hp_campaign_new (name, 2027);

  g_assert_true (hp_store_add_campaign (store, campaign, &error));
  g_assert_no_error (error);
  return campaign;
}

static void
add_school (HpStore    *store,
            const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new (number, "Schule");

  g_assert_true (hp_store_add_school (store, school, &error));
  g_assert_no_error (error);
}

static HpStoreStats
stats (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats s;

  g_assert_true (hp_store_get_stats (store, &s, &error));
  g_assert_no_error (error);
  return s;
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GPtrArray *
list (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *infos = hp_backup_list (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (infos);
  return infos;
}

/* Imports three graduates (Q2) into school 170001 of @campaign. */
static void
import_three (Fixture    *f,
              HpCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_tmp (f->dir, "abi.csv",
                                    "Nachname;Vorname;Jahrgang\nFink;Fia;Q2\nGast;Gil;Q2\nHahn;Hal;Q2\n");
  HpImport *import = hp_import_new (f->store, HP_IMPORT_GRADUATES, csv, NULL, &error);
  HpImportResult r;

  g_assert_no_error (error);
  hp_import_set_campaign (import, hp_campaign_get_id (campaign));
  hp_import_set_school (import, "170001");
  g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 3);
  hp_import_free (import);
}

/* ------------------------------------------------------------------------ */

static void
on_changed (HpStore        *store,
            HpStoreChanges  changes,
            gpointer        user_data)
{
  *(HpStoreChanges *) user_data |= changes;
}

static void
test_import_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = add_campaign (f->store, "Abi 2027");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(HpBackupInfo) safety = NULL;
  HpBackupInfo *copy;
  HpStoreChanges changes = 0;

  add_school (f->store, "170001");
  hp_backup_wait (f->store);
  /* the file was empty at its first change: no daily copy of nothing */
  before = list (f->store);
  g_assert_cmpuint (before->len, ==, 0);

  /* a dry run makes no copy */
  {
    g_autofree char *csv = write_tmp (f->dir, "dry.csv", "Nachname;Vorname;Jahrgang\nFink;Fia;Q2\n");
    HpImport *import = hp_import_new (f->store, HP_IMPORT_GRADUATES, csv, NULL, &error);
    HpImportResult r;

    hp_import_set_campaign (import, hp_campaign_get_id (campaign));
    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    hp_import_free (import);
    g_clear_pointer (&before, g_ptr_array_unref);
    before = list (f->store);
    g_assert_cmpuint (before->len, ==, 0);
  }

  import_three (f, campaign);
  g_assert_cmpuint (stats (f->store).graduates, ==, 3);

  /* one copy, of the state before the import: 1 campaign, 0 graduates */
  after = list (f->store);
  g_assert_cmpuint (after->len, ==, 1);
  copy = g_ptr_array_index (after, 0);
  g_assert_true (copy->readable);
  g_assert_cmpint (copy->reason, ==, HP_BACKUP_REASON_IMPORT);
  g_assert_cmpuint (copy->campaigns, ==, 1);
  g_assert_cmpuint (copy->graduates, ==, 0);
  g_assert_cmpint (copy->size, >, 0);
  g_assert_true (g_str_has_suffix (copy->path, "_before-import.db"));
  g_assert_true (hp_backup_verify (copy->path, &error));
  g_assert_no_error (error);

  /* 0700 and 0600: the copies hold names of pupils */
  g_assert_cmpuint (mode_of (f->folder), ==, 0700);
  g_assert_cmpuint (mode_of (copy->path), ==, 0600);

  /* found by its id */
  {
    g_autoptr(HpBackupInfo) found = hp_backup_find (f->store, copy->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (found->path, ==, copy->path);
  }

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_true (hp_backup_restore (f->store, copy->path, &safety, &error));
  g_assert_no_error (error);

  /* the counts before the import: 1 campaign, 1 school, 0 graduates */
  g_assert_cmpuint (stats (f->store).campaigns, ==, 1);
  g_assert_cmpuint (stats (f->store).schools, ==, 1);
  g_assert_cmpuint (stats (f->store).graduates, ==, 0);
  /* every page refreshes */
  g_assert_cmpuint (changes, ==, HP_STORE_CHANGED_ALL);

  /* the replaced state is kept: its 3 graduates */
  g_assert_nonnull (safety);
  g_assert_cmpint (safety->reason, ==, HP_BACKUP_REASON_RESTORE);
  g_assert_cmpuint (safety->graduates, ==, 3);
  g_assert_cmpuint (mode_of (safety->path), ==, 0600);

  /* and the restore can be undone with it */
  {
    g_autoptr(GPtrArray) now = list (f->store);
    g_autoptr(HpBackupInfo) undo_safety = NULL;

    g_assert_cmpuint (now->len, ==, 2);
    g_assert_true (hp_backup_restore (f->store, safety->path, &undo_safety, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats (f->store).graduates, ==, 3);
  }

  /* a second connection (a reader) sees the restored file */
  {
    g_autoptr(HpStore) reader = hp_store_open (f->db, HP_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stats (reader).graduates, ==, 3);
  }
}

static void
test_daily_snapshot (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = add_campaign (f->store, "Abi 2027");
  g_autoptr(HpCampaign) second = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) later = NULL;
  HpBackupInfo *daily;

  /* the first store saw an empty file at its first change: no copy */
  hp_backup_wait (f->store);
  g_clear_object (&f->store);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  /* opened again on the same day, with 1 campaign: the first change copies
   * the file as it was before that change */
  f->store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  second = add_campaign (f->store, "Abi 2028");
  g_assert_cmpuint (stats (f->store).campaigns, ==, 2);
  hp_backup_wait (f->store);

  infos = list (f->store);
  g_assert_cmpuint (infos->len, ==, 1);
  daily = g_ptr_array_index (infos, 0);
  g_assert_cmpint (daily->reason, ==, HP_BACKUP_REASON_DAILY);
  g_assert_true (daily->readable);
  g_assert_cmpuint (daily->campaigns, ==, 1);   /* not 2: before the change */

  /* more changes that day: no more daily copies */
  add_school (f->store, "170001");
  hp_backup_wait (f->store);
  later = list (f->store);
  g_assert_cmpuint (later->len, ==, 1);

  /* a campaign removal copies first (its pages in a thread) */
  {
    HpStoreRemoval *removal = hp_store_remove (f->store, HP_RECORD_CAMPAIGN, hp_campaign_get_id (second), &error);
    g_autoptr(GPtrArray) after = NULL;
    HpBackupInfo *newest;

    g_assert_no_error (error);
    hp_store_removal_free (removal);
    hp_backup_wait (f->store);
    after = list (f->store);
    g_assert_cmpuint (after->len, ==, 2);
    newest = g_ptr_array_index (after, 0);
    g_assert_cmpint (newest->reason, ==, HP_BACKUP_REASON_REMOVAL);
    g_assert_cmpuint (newest->campaigns, ==, 2);   /* still both */
    g_assert_cmpuint (stats (f->store).campaigns, ==, 1);
  }

  /* the purge's copy */
  {
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (hp_backup_before_purge (f->store, &error));
    g_assert_no_error (error);
    after = list (f->store);
    g_assert_cmpuint (after->len, ==, 3);
    g_assert_cmpint (((HpBackupInfo *) g_ptr_array_index (after, 0))->reason, ==, HP_BACKUP_REASON_PURGE);
  }
}

/* ------------------------------------------------------------------------ */
/* Retention                                                                 */

/* 30 copies, newest first, made up. The newest is Wednesday 2 December
 * 2026, ISO week 49 (Monday 30 November); its month is December 2026.
 * Defaults: the newest 10; then per ISO week for weeks 0..7 back, per month
 * for months 0..11 back.
 *
 *  #  time              week back        month back  kept because
 *  0-9 2.12. … 27.11.   (newest 10)                  newest 10
 * 10  2026-11-26 Thu    w48 → 49-48 = 1  Nov → 1     first of week 1 (and of Nov)
 * 11  2026-11-24 Tue    1 (seen)         1 (seen)    — deleted
 * 12  2026-11-20 Fri    w47 → 2          1 (seen)    first of week 2
 * 13  2026-11-10 Tue    w46 → 3          1           first of week 3
 * 14  2026-11-09 Mon    w46 → 3 (seen)   1           — deleted
 * 15  2026-10-28 Wed    w44 → 5          Oct → 2     first of week 5 and of Oct
 * 16  2026-10-15 Thu    w42 → 7          2 (seen)    first of week 7 (7 < 8)
 * 17  2026-10-05 Mon    w41 → 8 (≥ 8)    2 (seen)    — deleted
 * 18  2026-09-30 Wed    w40 → 9          Sep → 3     first of Sep
 * 19  2026-09-02 Wed    …                3 (seen)    — deleted
 * 20  2026-08-15        Aug → 4                      first of Aug
 * 21  2026-07-20        Jul → 5                      first of Jul
 * 22  2026-07-01        5 (seen)                     — deleted
 * 23  2026-06-10        Jun → 6                      first of Jun
 * 24  2026-06-01        6 (seen)                     — deleted
 * 25  2026-01-31        Jan 2026 → 11 (< 12)         first of Jan
 * 26  2026-01-05        11 (seen)                    — deleted
 * 27  2025-12-31        Dec 2025 → 12 (≥ 12)         — deleted
 * 28  2025-11-15        13                           — deleted
 * 29  2025-10-01        14                           — deleted
 * Kept: 10 + 10 (10, 12, 13, 15, 16, 18, 20, 21, 23, 25) = 20; deleted 10.
 */
static const char * const made_up[30] = {
  "2026-12-02_100000", "2026-12-02_090000", "2026-12-02_080000", "2026-12-01_180000",
  "2026-12-01_120000", "2026-11-30_090000", "2026-11-29_200000", "2026-11-29_100000",
  "2026-11-28_100000", "2026-11-27_100000",
  "2026-11-26_100000", "2026-11-24_100000", "2026-11-20_100000", "2026-11-10_100000",
  "2026-11-09_100000", "2026-10-28_100000", "2026-10-15_100000", "2026-10-05_100000",
  "2026-09-30_100000", "2026-09-02_100000", "2026-08-15_100000", "2026-07-20_100000",
  "2026-07-01_100000", "2026-06-10_100000", "2026-06-01_100000", "2026-01-31_100000",
  "2026-01-05_100000", "2025-12-31_100000", "2025-11-15_100000", "2025-10-01_100000",
};
static const guint deleted[] = { 11, 14, 17, 19, 22, 24, 26, 27, 28, 29 };

static gboolean
is_deleted (guint i)
{
  for (guint d = 0; d < G_N_ELEMENTS (deleted); d++)
    if (deleted[d] == i)
      return TRUE;
  return FALSE;
}

static GDateTime *
parse_stamp (const char *stamp)
{
  int y, mo, d, h, mi, s;

  g_assert_cmpint (sscanf (stamp, "%4d-%2d-%2d_%2d%2d%2d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

static void
test_retention_rule (Fixture       *f,
                     gconstpointer  data)
{
  HpBackupRetention defaults = { 10, 8, 12 };
  HpBackupRetention none = { 0, 0, 0 };
  GDateTime *times[30];
  gboolean keep[30];
  guint n_kept = 0;

  for (guint i = 0; i < 30; i++)
    times[i] = parse_stamp (made_up[i]);

  hp_backup_retention_select (times, 30, &defaults, keep);
  for (guint i = 0; i < 30; i++)
    {
      if (keep[i] == is_deleted (i))
        g_error ("copy %u (%s): expected %s", i, made_up[i], is_deleted (i) ? "deleted" : "kept");
      n_kept += keep[i];
    }
  g_assert_cmpuint (n_kept, ==, 20);

  /* keep nothing: the newest stays all the same */
  hp_backup_retention_select (times, 30, &none, keep);
  g_assert_true (keep[0]);
  for (guint i = 1; i < 30; i++)
    g_assert_false (keep[i]);

  /* 3 newest, 1 week, 0 months: copies 0-2, and #3 (1 Dec, week 0, the
   * first after the newest 3) */
  {
    HpBackupRetention small = { 3, 1, 0 };

    hp_backup_retention_select (times, 30, &small, keep);
    for (guint i = 0; i < 30; i++)
      g_assert_cmpint (keep[i], ==, i <= 3);
  }

  for (guint i = 0; i < 30; i++)
    g_date_time_unref (times[i]);
}

/* The same 30 as files: a valid copy under each name, plus a damaged
 * newer one that is neither counted nor deleted. */
static void
test_prune_files (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = add_campaign (f->store, "Abi 2027");
  g_autoptr(HpBackupInfo) seed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *damaged = NULL;
  HpBackupRetention defaults = { 10, 8, 12 };
  guint removed = 0;

  seed = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  bytes = hp_test_file_bytes (seed->path);
  g_assert_cmpint (g_unlink (seed->path), ==, 0);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("heimpack_%s_daily.db", made_up[i]);
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }

  /* newer than all, but garbage: if it counted, copy #9 would go */
  damaged = write_tmp (f->folder, "heimpack_2026-12-03_100000_manual.db", "not a database at all");
  /* a file of someone else's in the folder is left alone */
  g_free (write_tmp (f->folder, "notes.txt", "x"));

  g_assert_true (hp_backup_prune (f->folder, &defaults, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 10);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("heimpack_%s_daily.db", made_up[i]);
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, !is_deleted (i));
    }
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));

  /* the list shows the damaged one, unreadable, first (newest) */
  {
    g_autoptr(GPtrArray) infos = list (f->store);
    HpBackupInfo *first = g_ptr_array_index (infos, 0);

    g_assert_cmpuint (infos->len, ==, 21);
    g_assert_cmpstr (first->id, ==, "2026-12-03_100000");
    g_assert_false (first->readable);
    g_assert_true (((HpBackupInfo *) g_ptr_array_index (infos, 1))->readable);
  }

  /* a damaged copy fails its check */
  g_assert_false (hp_backup_verify (damaged, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a new copy today prunes by the new newest (today, not 2 December) */
  {
    g_autoptr(HpBackupInfo) info = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
    g_autoptr(GPtrArray) infos = NULL;

    g_assert_no_error (error);
    infos = list (f->store);
    /* the new one is among them and never pruned */
    g_assert_true (g_file_test (info->path, G_FILE_TEST_EXISTS));
  }
}

/* A copy whose pages are damaged fails integrity_check: verify says so and
 * restore refuses it, leaving the store as it was. */
/* Copies a killed process was writing (hidden `.partial` files with
 * personal data in them) are removed by the next backup of the file; those
 * of running processes and of other computers are kept for a day. */
static void
test_partial_leftovers (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpBackupInfo) first = NULL;
  g_autoptr(HpBackupInfo) second = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint32 host = g_str_hash (g_get_host_name ());
  guint32 other = host ^ 0x5a5a5a5a;
  GPid dead = hp_test_dead_pid ();
  const char *stem = ".heimpack.db_2027-03-01_101500_before-import";
  g_autofree char *a = g_strdup_printf ("%s.hp-%08x-%d.partial", stem, host, dead);
  g_autofree char *a_journal = g_strdup_printf ("%s-journal", a);
  g_autofree char *b = g_strdup_printf ("%s.hp-%08x-%d.partial", stem, host, (int) getpid ());
  g_autofree char *c = g_strdup_printf ("%s.hp-%08x-1.partial", stem, host);
  g_autofree char *d = g_strdup_printf ("%s.hp-%08x-%d.partial", stem, other, dead);
  g_autofree char *e = g_strdup_printf ("%s-2.hp-%08x-%d.partial", stem, other, dead);
  g_autofree char *old_style = g_strdup_printf ("%s.partial", stem);
  g_autofree char *old_style_2 = g_strdup_printf ("%s-2.partial", stem);
  const char *name;

  add_school (f->store, "170001");
  first = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  /* Removed: this computer, a process that has ended (and SQLite's
   * journal beside it). */
  g_free (write_tmp (f->folder, a, "partial copy"));
  g_free (write_tmp (f->folder, a_journal, "journal"));
  /* Removed: this very process id, which writes no copy now (copies are
   * written one at a time): an earlier process had the id. */
  g_free (write_tmp (f->folder, b, "partial copy"));
  /* Kept: process 1 runs (another program writing a copy of the file). */
  g_free (write_tmp (f->folder, c, "partial copy"));
  /* Kept: another computer's, fresh. */
  g_free (write_tmp (f->folder, d, "partial copy"));
  /* Removed: another computer's, two days old. */
  g_free (write_tmp (f->folder, e, "partial copy"));
  /* Kept: an older version's untagged name, fresh; removed: two days old. */
  g_free (write_tmp (f->folder, old_style, "partial copy"));
  g_free (write_tmp (f->folder, old_style_2, "partial copy"));
  {
    struct utimbuf times = { time (NULL) - 2 * 24 * 3600, time (NULL) - 2 * 24 * 3600 };
    g_autofree char *e_path = g_build_filename (f->folder, e, NULL);
    g_autofree char *old_path = g_build_filename (f->folder, old_style_2, NULL);

    g_assert_no_errno (utime (e_path, &times));
    g_assert_no_errno (utime (old_path, &times));
  }

  second = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  dir = g_dir_open (f->folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      g_ptr_array_add (names, g_strdup (name));
  {
    const char *kept[] = { c, d, old_style };

    g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (kept));
    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      g_assert_true (g_ptr_array_find_with_equal_func (names, kept[i], g_str_equal, NULL));
  }

  /* the two copies are there and listed; no hidden file is */
  infos = list (f->store);
  g_assert_cmpuint (infos->len, ==, 2);
}

static void
test_damaged_copy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = add_campaign (f->store, "Abi 2027");
  g_autoptr(HpBackupInfo) info = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  add_school (f->store, "170001");
  info = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  /* overwrite the second half of the file (the data pages; page 1 with the
   * header and schema stays) */
  g_assert_true (g_file_get_contents (info->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, length - 4096);
  g_assert_true (g_file_set_contents (info->path, contents, length, NULL));

  g_assert_false (hp_backup_verify (info->path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (hp_backup_restore (f->store, info->path, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (stats (f->store).schools, ==, 1);

  /* no safety copy was made for a refused restore */
  infos = list (f->store);
  g_assert_cmpuint (infos->len, ==, 1);
}

static void
test_restore_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = add_campaign (f->store, "Abi 2027");
  g_autofree char *text = write_tmp (f->dir, "text.db", "hello");
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);

  /* not a database */
  g_assert_false (hp_backup_restore (f->store, text, NULL, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK);
  g_clear_error (&error);

  /* a file of a newer Heimpack */
  {
    g_autoptr(HpStore) other = hp_store_open (newer, HP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(HpBackupInfo) copy = NULL;

    g_assert_no_error (error);
    g_clear_object (&other);
    set_user_version (newer, HP_STORE_SCHEMA_VERSION + 1);
  }
  g_assert_false (hp_backup_restore (f->store, newer, NULL, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* inside a transaction */
  {
    g_autoptr(HpBackupInfo) copy = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);

    g_assert_no_error (error);
    g_assert_true (hp_store_begin (f->store, &error));
    g_assert_false (hp_backup_restore (f->store, copy->path, NULL, &error));
    g_assert_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_BUSY);
    g_clear_error (&error);
    hp_store_rollback (f->store);
  }

  /* an unknown id */
  g_assert_null (hp_backup_find (f->store, "2020-01-01_000000", &error));
  g_assert_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (stats (f->store).campaigns, ==, 1);
}

/* In memory: no copies, and the automatic ones do not get in the way. */
static void
test_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_test_store_new_memory ();
  g_autoptr(HpCampaign) campaign = add_campaign (store, "Abi 2027");
  g_autoptr(GPtrArray) infos = list (store);

  g_assert_cmpuint (infos->len, ==, 0);
  g_assert_null (hp_backup_create (store, HP_BACKUP_REASON_MANUAL, &error));
  g_assert_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (hp_backup_before_purge (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST ("import-and-restore", test_import_and_restore);
  TEST ("daily-snapshot", test_daily_snapshot);
  TEST ("retention-rule", test_retention_rule);
  TEST ("prune-files", test_prune_files);
  TEST ("damaged-copy", test_damaged_copy);
  TEST ("partial-leftovers", test_partial_leftovers);
  TEST ("restore-refusals", test_restore_refusals);
  g_test_add_func ("/heimpack/backup/memory", test_memory);

  return g_test_run ();
}
