/* test-store-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore on real files: creation and migration, file mode, reopening, files
 * that are too new or not ours (left untouched), the lock against a second
 * writer, read-only opening and the default path.
 */

#include "config.h"

#include <grp.h>
#include <locale.h>

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hp-store-private.h"
#include "hp-test-utils.h"

typedef struct
{
  char *dir;
  char *path;   /* dir/heimpack.db, not created */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hp_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "heimpack.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

#define TEST(path, func) \
  g_test_add ("/heimpack/store-file/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* ------------------------------------------------------------------------ */
/* Helpers: SQLite directly, behind the store's back                         */

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
sql_pragma_int (const char *path,
                const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

static HpStore *
open_ok (const char       *path,
         HpStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  HpStore *store = hp_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
add_sponsor (HpStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = hp_sponsor_new (name);

  g_assert_true (hp_store_add_sponsor (store, s, &error));
  g_assert_no_error (error);
}

static guint
count_sponsors (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_sponsors (store, 0, &error);

  g_assert_no_error (error);
  return hp_test_list_count (list);
}

/* A write-ahead log with content would mean the bytes of the main file are
 * not the whole story. */
static void
assert_no_pending_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_size, ==, 0);
}

/* Creates a Heimpack file with one sponsor at @path and closes it. */
static void
make_heimpack_file (const char *path)
{
  g_autoptr(HpStore) store = open_ok (path, HP_STORE_OPEN_DEFAULT);

  add_sponsor (store, "Brauerei Veltins");
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* ------------------------------------------------------------------------ */
/* Creation and migration                                                    */

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HpStore) store = NULL;
  GStatBuf st;

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (hp_store_get_path (store), ==, f->path);
  g_assert_false (hp_store_is_read_only (store));
  g_assert_cmpint (hp_store_get_schema_version (store), ==, HP_STORE_SCHEMA_VERSION);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  add_sponsor (store, "Erster Sponsor");
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sql_pragma_int (f->path, "user_version"), ==, HP_STORE_SCHEMA_VERSION);
}

static void
test_missing_folders (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "a", NULL);
  g_autofree char *path = g_build_filename (f->dir, "a", "b", "heimpack.db", NULL);
  g_autoptr(HpStore) store = NULL;
  GStatBuf st;

  store = open_ok (path, HP_STORE_OPEN_DEFAULT);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;

  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);

  store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_assert_cmpint (hp_store_get_schema_version (store), ==, HP_STORE_SCHEMA_VERSION);
  add_sponsor (store, "Sponsor");
  g_assert_cmpuint (count_sponsors (store), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_cmpint (sql_pragma_int (f->path, "user_version"), ==, HP_STORE_SCHEMA_VERSION);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_autoptr(HpSchool) school = hp_school_new ("012345", "Gymnasium Müller & Söhne 🎒");
  g_autoptr(HpSchool) got = NULL;
  g_autoptr(HpCampaign) current = NULL;
  g_autoptr(HpCampaign) c = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  HpStoreStats stats = { 0, };

  add_sponsor (store, "Brauerei Veltins");
  g_assert_true (hp_store_add_school (store, school, &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_add_campaign (store, c, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_assert_cmpint (hp_store_get_schema_version (store), ==, HP_STORE_SCHEMA_VERSION);
  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.sponsors, ==, 1);
  g_assert_cmpuint (stats.schools, ==, 1);
  g_assert_cmpuint (stats.campaigns, ==, 1);

  got = hp_store_get_school (store, hp_school_get_id (school), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_school_get_number (got), ==, "012345");
  g_assert_cmpstr (hp_school_get_name (got), ==, "Gymnasium Müller & Söhne 🎒");

  current = hp_store_get_current_campaign (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (current), ==, "Heimvorteil2GO 2027");

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* ------------------------------------------------------------------------ */
/* Files we must not touch                                                   */

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;

  make_heimpack_file (f->path);
  sql = g_strdup_printf ("PRAGMA user_version = %d", HP_STORE_SCHEMA_VERSION + 1);
  sql_exec (f->path, sql);
  g_assert_cmpint (sql_pragma_int (f->path, "user_version"), ==, HP_STORE_SCHEMA_VERSION + 1);
  assert_no_pending_wal (f->path);
  before = hp_test_file_bytes (f->path);

  store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_clear_error (&error);

  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
  assert_no_pending_wal (f->path);
  g_assert_cmpint (sql_pragma_int (f->path, "user_version"), ==, HP_STORE_SCHEMA_VERSION + 1);

  /* the refused open left no lock behind: the same answer again */
  store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_clear_error (&error);

  g_clear_pointer (&after, g_bytes_unref);
  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
}

static void
test_not_heimpack (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  sql_exec (f->path,
            "CREATE TABLE rezepte (id INTEGER PRIMARY KEY, titel TEXT);"
            "INSERT INTO rezepte (titel) VALUES ('Pfannkuchen');");
  g_assert_cmpint (sql_pragma_int (f->path, "application_id"), ==, 0);
  before = hp_test_file_bytes (f->path);

  store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK);
  g_assert_null (store);
  g_clear_error (&error);

  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
  assert_no_pending_wal (f->path);
  g_clear_pointer (&after, g_bytes_unref);

  /* read-only is no way around it */
  store = hp_store_open (f->path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK);
  g_assert_null (store);
  g_clear_error (&error);

  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  static const char text[] = "Schulnummer;Name\n123456;Gymnasium\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) before = g_bytes_new_static (text, sizeof text - 1);

  g_file_set_contents (f->path, text, -1, &error);
  g_assert_no_error (error);

  store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK);
  g_assert_null (store);
  g_clear_error (&error);

  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
}

/* ------------------------------------------------------------------------ */
/* Lock and read-only                                                        */

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) first = NULL;
  g_autoptr(HpStore) second = NULL;
  g_autoptr(HpStore) reader = NULL;
  g_autoptr(HpStore) again = NULL;
  g_autoptr(HpSponsor) s = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *lock_path = g_strconcat (f->path, ".lock", NULL);

  first = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  add_sponsor (first, "Brauerei Veltins");
  add_sponsor (first, "Sauerland Snacks");
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  second = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED);
  g_assert_null (second);
  g_test_message ("lock message: %s", error->message);
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, pid));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* the first store is unharmed */
  add_sponsor (first, "Tischlerei Kemper");
  g_assert_cmpuint (count_sponsors (first), ==, 3);

  /* read-only works next to the writer and sees its data */
  reader = open_ok (f->path, HP_STORE_OPEN_READ_ONLY);
  g_assert_true (hp_store_is_read_only (reader));
  g_assert_cmpint (hp_store_get_schema_version (reader), ==, HP_STORE_SCHEMA_VERSION);
  list = hp_store_list_sponsors (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  s = hp_test_list_get (list, 0);
  g_assert_cmpstr (hp_sponsor_get_name (s), ==, "Brauerei Veltins");
  g_clear_object (&list);

  /* ... and refuses writes */
  {
    g_autoptr(HpSponsor) n = hp_sponsor_new ("Neu");
    g_autoptr(HpSchool) sc = hp_school_new ("100001", "Schule");
    g_autoptr(HpCampaign) c = hp_campaign_new ("Aktion", 2027);

    g_assert_false (hp_store_add_sponsor (reader, n, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);

    hp_sponsor_set_name (s, "Umbenannt");
    g_assert_false (hp_store_update_sponsor (reader, s, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);

    g_assert_false (hp_store_remove_sponsor (reader, hp_sponsor_get_id (s), &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);

    g_assert_false (hp_store_add_school (reader, sc, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);

    g_assert_false (hp_store_add_campaign (reader, c, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_sponsors (reader), ==, 3);
  g_assert_cmpuint (count_sponsors (first), ==, 3);
  {
    g_autoptr(HpSponsor) still = hp_store_get_sponsor (first, hp_sponsor_get_id (s), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hp_sponsor_get_name (still), ==, "Brauerei Veltins");
  }

  /* once the writer is gone, a writer may open again */
  g_assert_finalize_object (g_steal_pointer (&first));
  again = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_assert_false (hp_store_is_read_only (again));
  add_sponsor (again, "Nach dem Schließen");
  g_assert_cmpuint (count_sponsors (again), ==, 4);

  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&reader));
}

static void
test_read_only_missing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;

  /* read-only never creates */
  store = hp_store_open (f->path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, HP_STORE_ERROR);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_no_migration (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HpStore) reader = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  make_heimpack_file (f->path);
  before = hp_test_file_bytes (f->path);

  reader = open_ok (f->path, HP_STORE_OPEN_READ_ONLY);
  g_assert_cmpuint (count_sponsors (reader), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&reader));

  after = hp_test_file_bytes (f->path);
  g_assert_true (hp_test_bytes_equal (before, after));
}

/* ------------------------------------------------------------------------ */
/* Read-only media                                                           */

typedef struct
{
  HpStore *store;
  guint    count;
} WorkerCount;

static gpointer
count_sponsors_in_worker (gpointer data)
{
  WorkerCount *job = data;

  job->count = count_sponsors (job->store);
  return NULL;
}

/* The body, in a subprocess as a user the folder's mode binds (root is
 * dropped to nobody: root writes to a 0555 folder anyway). */
static void
read_only_folder_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  WorkerCount job = { NULL, 0 };

  if (geteuid () == 0)
    {
      g_assert_no_errno (setgroups (0, NULL));
      g_assert_no_errno (setgid (65534));
      g_assert_no_errno (setuid (65534));
    }

  /* writing is refused before anything is touched, and says why */
  store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only media"));
  g_clear_error (&error);

  /* reading works, in the owner thread and in a worker (a reader
   * connection, immutable like the main one) */
  store = open_ok (path, HP_STORE_OPEN_READ_ONLY);
  g_assert_true (hp_store_is_read_only (store));
  g_assert_false (hp_store_get_location_writable (store));
  g_assert_cmpuint (count_sponsors (store), ==, 1);
  job.store = store;
  g_thread_join (g_thread_new ("reader", count_sponsors_in_worker, &job));
  g_assert_cmpuint (job.count, ==, 1);
}

/* A cleanly closed database in a folder nobody may write to (read-only
 * media): SQLite cannot make its -shm file there, so it is read as
 * immutable. The file stays byte-identical and nothing is created. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "stick", NULL);
  g_autofree char *path = g_build_filename (folder, "heimpack.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = NULL;

  /* (the child sets up a fixture of its own: the path comes by the
   * environment) */
  if (g_test_subprocess ())
    {
      read_only_folder_child (g_getenv ("HP_TEST_READ_ONLY_DB"));
      return;
    }

  g_assert_no_errno (g_mkdir (folder, 0755));
  make_heimpack_file (path);
  /* closed cleanly: no -wal and no -shm left (the lock file stays) */
  listing = hp_test_list_dir (folder);
  g_assert_cmpstr (listing, ==, "heimpack.db|heimpack.db.lock");
  g_assert_no_errno (g_chmod (path, 0644));
  g_assert_no_errno (g_chmod (folder, 0555));
  g_assert_no_errno (g_chmod (f->dir, 0755));
  before = hp_test_file_bytes (path);

  g_setenv ("HP_TEST_READ_ONLY_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("HP_TEST_READ_ONLY_DB");
  g_assert_no_errno (g_chmod (folder, 0755));
  g_test_trap_assert_passed ();

  after = hp_test_file_bytes (path);
  g_assert_true (hp_test_bytes_equal (before, after));
  g_clear_pointer (&listing, g_free);
  listing = hp_test_list_dir (folder);
  g_assert_cmpstr (listing, ==, "heimpack.db|heimpack.db.lock");
}

/* ------------------------------------------------------------------------ */
/* Worker connections                                                        */

/* Counts the schools in the calling worker thread; sets *@handle to the
 * connection that read them. Returns the statement, still open (and with
 * it its read transaction). */
static sqlite3_stmt *
worker_count_schools (HpStore  *store,
                      gint64   *count,
                      sqlite3 **handle)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _hp_store_prepare_owned (store, "SELECT count(*) FROM school", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *count = sqlite3_column_int64 (stmt, 0);
  *handle = sqlite3_db_handle (stmt);
  return stmt;
}

typedef struct
{
  HpStore     *store;
  GAsyncQueue *counted;  /* from the worker that holds a statement open */
  GAsyncQueue *go;       /* to it */
  gint64       count[2];
  sqlite3     *handle[2];
} Holder;

/* Counts the schools, keeps that statement open until told to go on,
 * counts them again, then lets both go. */
static gpointer
hold_statement (gpointer data)
{
  Holder *h = data;
  sqlite3_stmt *first = worker_count_schools (h->store, &h->count[0], &h->handle[0]);

  g_async_queue_push (h->counted, GINT_TO_POINTER (1));
  g_async_queue_pop (h->go);
  sqlite3_finalize (worker_count_schools (h->store, &h->count[1], &h->handle[1]));
  sqlite3_finalize (first);
  return NULL;
}

typedef struct
{
  HpStore *store;
  gint64   count;
  sqlite3 *handle;
} Counter;

static void
add_school_ok (HpStore    *store,
               const char *number,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new (number, name);

  g_assert_true (hp_store_add_school (store, school, &error));
  g_assert_no_error (error);
}

static gpointer
count_once (gpointer data)
{
  Counter *c = data;

  sqlite3_finalize (worker_count_schools (c->store, &c->count, &c->handle));
  return NULL;
}

/* Workers that read at the same time each get a connection of their own,
 * none of them the main one, so that a long list in one keeps no other
 * waiting; a worker's nested statements share one, and with it one
 * snapshot, even while the owner thread commits meanwhile. */
static void
test_worker_connections (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HpStore) store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  Holder holder = { store, g_async_queue_new (), g_async_queue_new () };
  Counter other = { store }, after = { store };
  GThread *thread;

  add_school_ok (store, "100001", "Gymnasium Arnsberg");

  thread = g_thread_new ("holder", hold_statement, &holder);
  g_async_queue_pop (holder.counted);
  g_assert_cmpint (holder.count[0], ==, 1);
  g_assert_true (holder.handle[0] != store->main.db);

  /* another worker meanwhile: a connection of its own */
  g_thread_join (g_thread_new ("other", count_once, &other));
  g_assert_cmpint (other.count, ==, 1);
  g_assert_true (other.handle != store->main.db);
  g_assert_true (other.handle != holder.handle[0]);

  /* the owner commits a school; the holder's next statement still reads
   * its snapshot, through the same connection */
  add_school_ok (store, "100002", "Realschule Meschede");
  g_async_queue_push (holder.go, GINT_TO_POINTER (1));
  g_thread_join (thread);
  g_assert_true (holder.handle[1] == holder.handle[0]);
  g_assert_cmpint (holder.count[1], ==, 1);

  /* a worker after it sees the commit */
  g_thread_join (g_thread_new ("after", count_once, &after));
  g_assert_cmpint (after.count, ==, 2);
  g_assert_true (after.handle != store->main.db);

  g_async_queue_unref (holder.counted);
  g_async_queue_unref (holder.go);
}

/* ------------------------------------------------------------------------ */
/* Default path                                                              */

static void
test_default_path (void)
{
  g_autofree char *path = hp_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "heimpack", "heimpack.db", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "heimpack", NULL);

  g_assert_true (g_str_has_suffix (path, "heimpack/heimpack.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpstr (path, ==, expected);
  /* not created here */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* A file of schema version 4 (before the agency moved into the file):
 * made here as version 4 was, a current file without the agency table and
 * with user_version 4, since version 5 only added that table. Opening it
 * upgrades it after a copy, keeps every row, and gives it an empty agency
 * that can then be set; the value is in the file for the next open. */
static void
test_agency_from_version_4 (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *backups = g_strconcat (f->path, ".backups", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(HpStore) store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_autoptr(HpAgency) agency = NULL;
  g_autoptr(GError) error = NULL;

  add_sponsor (store, "Mosterei Ohm");
  add_sponsor (store, "Brauerei Kolb");
  g_clear_object (&store);
  sql_exec (f->path, "DROP TABLE agency; PRAGMA user_version = 4;");
  g_assert_cmpint (sql_pragma_int (f->path, "user_version"), ==, 4);

  store = open_ok (f->path, HP_STORE_OPEN_DEFAULT);
  g_assert_cmpint (hp_store_get_schema_version (store), ==, 5);
  g_assert_nonnull (hp_store_get_upgrade_backup (store));
  listing = hp_test_list_dir (backups);
  g_assert_nonnull (strstr (listing, "_before-version-5.db"));
  g_assert_cmpuint (count_sponsors (store), ==, 2);

  agency = hp_store_get_agency (store, &error);
  g_assert_no_error (error);
  g_assert_true (hp_agency_is_empty (agency));
  hp_agency_set_name (agency, "Regionalagentur");
  hp_agency_set_town (agency, "Arnsberg");
  g_assert_true (hp_store_set_agency (store, agency, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_object (&agency);

  /* the next open (read-only, as a colleague's might be) reads it back */
  store = open_ok (f->path, HP_STORE_OPEN_READ_ONLY);
  agency = hp_store_get_agency (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_agency_get_name (agency), ==, "Regionalagentur");
  g_assert_cmpstr (hp_agency_get_town (agency), ==, "Arnsberg");
  g_assert_null (hp_agency_get_street (agency));
  g_assert_cmpuint (count_sponsors (store), ==, 2);

  /* read-only: refused, and said so */
  hp_agency_set_name (agency, "Andere Agentur");
  g_assert_false (hp_store_set_agency (store, agency, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/store-file/default-path", test_default_path);
  TEST ("new-file", test_new_file);
  TEST ("worker-connections", test_worker_connections);
  TEST ("missing-folders", test_missing_folders);
  TEST ("empty-file", test_empty_file);
  TEST ("reopen", test_reopen);
  TEST ("too-new", test_too_new);
  TEST ("not-heimpack", test_not_heimpack);
  TEST ("not-sqlite", test_not_sqlite);
  TEST ("lock", test_lock);
  TEST ("read-only-missing", test_read_only_missing);
  TEST ("read-only-no-migration", test_read_only_no_migration);
  TEST ("read-only-folder", test_read_only_folder);
  TEST ("agency-from-version-4", test_agency_from_version_4);

  return g_test_run ();
}
