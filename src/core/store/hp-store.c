/* hp-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore owns the SQLite connection of one Heimpack file: opening (lock,
 * inspection, migration), transactions, a cache of prepared statements for
 * the writes, and the mapping of SQLite's result codes onto HP_STORE_ERROR.
 * The rows themselves (campaigns, sponsors, …) are in hp-store-rows.c and
 * hp-store-people.c; the schema in hp-store-schema.c; the lock in
 * hp-store-lock.c.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-format.h"
#include "hp-store-private.h"

G_DEFINE_QUARK (hp-store-error-quark, hp_store_error)

G_DEFINE_FINAL_TYPE (HpStore, hp_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hp_store_finalize (GObject *object)
{
  HpStore *self = (HpStore *)object;

  if (self->tx_depth > 0)
    g_warning ("Store finalized inside an open transaction; rolling back");

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  for (guint i = 0; self->readers != NULL && i < self->readers->len; i++)
    {
      sqlite3 *reader = g_ptr_array_index (self->readers, i);

      if (sqlite3_close (reader) != SQLITE_OK)
        g_warning ("Could not close a reader of %s: %s", self->path, sqlite3_errmsg (reader));
    }
  g_clear_pointer (&self->readers, g_ptr_array_unref);
  g_mutex_clear (&self->reader_lock);
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
  _hp_store_lock_release (self->lock_fd);
  g_free (self->path);
  g_clear_pointer (&self->migration_notes, g_ptr_array_unref);
  g_free (self->upgrade_backup);

  G_OBJECT_CLASS (hp_store_parent_class)->finalize (object);
}

static void
hp_store_class_init (HpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hp_store_finalize;

  /**
   * HpStore::changed:
   * @self: the store
   * @changes: #HpStoreChanges, the kinds of rows written
   *
   * Emitted after a write outside a transaction, or once after the outermost
   * hp_store_commit() with everything written inside it. Not emitted for
   * writes that were rolled back.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);
}

typedef struct
{
  HpStore        *store;
  HpStoreChanges  changes;
} PendingChanges;

static gboolean
emit_changes_cb (gpointer user_data)
{
  PendingChanges *pending = user_data;

  g_signal_emit (pending->store, signals[CHANGED], 0, pending->changes);
  return G_SOURCE_REMOVE;
}

static void
pending_changes_free (gpointer data)
{
  PendingChanges *pending = data;

  g_object_unref (pending->store);
  g_free (pending);
}

/* The signal is for views, which live in the thread that opened the store:
 * a write committed in a worker (an import) is announced there, through an
 * idle source (never g_main_context_invoke(), which would run the handlers
 * in the worker whenever the owner's context happens to be free). */
static void
emit_pending_changes (HpStore *self)
{
  HpStoreChanges changes = self->pending_changes;
  PendingChanges *pending;
  g_autoptr(GSource) source = NULL;

  self->pending_changes = 0;
  if (changes == 0)
    return;

  if (g_thread_self () == self->owner)
    {
      g_signal_emit (self, signals[CHANGED], 0, changes);
      return;
    }

  pending = g_new0 (PendingChanges, 1);
  pending->store = g_object_ref (self);
  pending->changes = changes;
  source = g_idle_source_new ();
  g_source_set_callback (source, emit_changes_cb, pending, pending_changes_free);
  g_source_set_name (source, "[heimpack] store changed");
  g_source_attach (source, self->context);
}

/*
 * _hp_store_note_change:
 * Records that rows of @kind were written; the signal follows at once outside
 * a transaction, or at the outermost commit.
 */
void
_hp_store_note_change (HpStore      *self,
                       HpRecordKind  kind)
{
  self->pending_changes |= HP_STORE_CHANGED (kind);

  if (self->tx_depth == 0)
    emit_pending_changes (self);
}

static void
hp_store_init (HpStore *self)
{
  self->lock_fd = -1;
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  g_mutex_init (&self->reader_lock);
  self->readers = g_ptr_array_new ();
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
}

char *
hp_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "heimpack", "heimpack.db", NULL);
}

/* Creates a missing file with mode 0600 before SQLite sees it: graduates'
 * names are personal data, and SQLite would use the umask (usually 0644). Its
 * -wal and -shm files inherit the mode of the database. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);

  return TRUE;
}

static gboolean
exec_simple (HpStore     *self,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : _hp_store_set_error (self, rc, error);
}

/* ------------------------------------------------------------------------ */
/* HP_NAME: the order of a German telephone book (DIN 5007-1)               */

/* Yields the folded code points of a name one at a time: lower case, accents
 * dropped (ä→a, é→e), ß→ss. Only used in ORDER BY, never in the schema, so
 * that other tools can still read the file. */
typedef struct
{
  const char *p;
  const char *end;
  gunichar    pending;   /* second 's' of ß */
} Folder;

static gunichar
fold_next (Folder *f)
{
  gunichar c;

  if (f->pending)
    {
      c = f->pending;
      f->pending = 0;
      return c;
    }

  if (f->p >= f->end)
    return 0;

  if ((guchar) *f->p < 0x80)
    return g_ascii_tolower (*f->p++);

  c = g_utf8_get_char_validated (f->p, f->end - f->p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return (guchar) *f->p++;

  f->p = g_utf8_next_char (f->p);

  if (c == 0x00DF || c == 0x1E9E)   /* ß, ẞ */
    {
      f->pending = 's';
      return 's';
    }

  {
    gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

    if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
      c = decomposed[0];
  }

  return g_unichar_tolower (c);
}

static int
collate_names (void       *user_data,
               int         len_a,
               const void *a,
               int         len_b,
               const void *b)
{
  Folder fa = { a, (const char *) a + len_a, 0 };
  Folder fb = { b, (const char *) b + len_b, 0 };

  for (;;)
    {
      gunichar ca = fold_next (&fa);
      gunichar cb = fold_next (&fb);

      if (ca != cb)
        return ca < cb ? -1 : 1;
      if (ca == 0)
        break;
    }

  /* Equal when folded ("Muller", "Müller"): fall back to the bytes, so the
   * order is still total and stable. */
  {
    int n = memcmp (a, b, MIN (len_a, len_b));

    return n != 0 ? n : len_a - len_b;
  }
}

/* Opens @self's file into @db_out, set up as every connection of a store
 * is. On failure *@db_out may hold a connection to close. */
static gboolean
open_sqlite (HpStore   *self,
             int        sqlite_flags,
             sqlite3  **db_out,
             GError   **error)
{
  /* FULLMUTEX: the list functions may run in several worker threads at
   * once (see hp-store.h); SQLite serialises them on the connection. */
  int rc = sqlite3_open_v2 (self->path, db_out, sqlite_flags | SQLITE_OPEN_FULLMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED, _("Could not open “%s”: %s"),
                   name, *db_out ? sqlite3_errmsg (*db_out) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (*db_out, TRUE);
  sqlite3_busy_timeout (*db_out, 5000);
  sqlite3_create_collation_v2 (*db_out, "HP_NAME", SQLITE_UTF8, NULL, collate_names, NULL);

  return TRUE;
}

static gboolean
open_connection (HpStore     *self,
                 int          sqlite_flags,
                 GError     **error)
{
  return open_sqlite (self, sqlite_flags, &self->db, error) &&
         exec_simple (self, "PRAGMA foreign_keys = ON", error);
}

/* Workers that read at the same time (the four pages loading, an export's
 * reader thread) each get a connection of their own, up to this many. */
#define HP_STORE_MAX_READERS 4

/* The reader a thread used last, per thread: while its statements there
 * are open, its next one goes there too, so that the statements a worker
 * nests (schools, then each school's graduates) read one snapshot. */
typedef struct
{
  HpStore *store;    /* compared, never dereferenced */
  sqlite3 *reader;
} ThreadReader;

static GPrivate thread_reader = G_PRIVATE_INIT (g_free);

/* The reader this thread used last for @self, if it is still open; under
 * reader_lock. */
static sqlite3 *
thread_last_reader (HpStore *self)
{
  ThreadReader *last = g_private_get (&thread_reader);

  if (last == NULL || last->store != self || !g_ptr_array_find (self->readers, last->reader, NULL))
    return NULL;

  return last->reader;
}

/* Prepares @sql on a reader connection: the one this thread has statements
 * open on, else one that no statement is using, opened if there is none and
 * fewer than HP_STORE_MAX_READERS are open, else one shared in turn.
 * Returns %NULL where there is no reader (an in-memory store, or one could
 * not be opened), or if @sql is no read the reader can prepare: the main
 * connection takes it then. */
static sqlite3_stmt *
prepare_on_reader (HpStore    *self,
                   const char *sql)
{
  g_autoptr(GMutexLocker) locker = NULL;
  ThreadReader *last = g_private_get (&thread_reader);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *reader = NULL;

  if (g_str_equal (self->path, ":memory:"))
    return NULL;

  /* under the lock from choosing to preparing: two workers never take the
   * same idle connection */
  locker = g_mutex_locker_new (&self->reader_lock);
  reader = thread_last_reader (self);
  if (reader != NULL && sqlite3_next_stmt (reader, NULL) == NULL)
    reader = NULL;

  for (guint i = 0; i < self->readers->len && reader == NULL; i++)
    if (sqlite3_next_stmt (g_ptr_array_index (self->readers, i), NULL) == NULL)
      reader = g_ptr_array_index (self->readers, i);

  if (reader == NULL && !self->readers_failed && self->readers->len < HP_STORE_MAX_READERS)
    {
      g_autoptr(GError) error = NULL;

      if (open_sqlite (self, SQLITE_OPEN_READONLY, &reader, &error))
        {
          g_ptr_array_add (self->readers, reader);
        }
      else
        {
          g_debug ("Workers share the connections they have: %s", error->message);
          g_clear_pointer (&reader, sqlite3_close);
          self->readers_failed = TRUE;
        }
    }

  if (reader == NULL && self->readers->len > 0)
    reader = g_ptr_array_index (self->readers, self->next_reader++ % self->readers->len);
  if (reader == NULL)
    return NULL;

  if (last == NULL)
    {
      last = g_new0 (ThreadReader, 1);
      g_private_set (&thread_reader, last);
    }
  last->store = self;
  last->reader = reader;

  if (sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_stmt_readonly (stmt))
    return stmt;

  g_clear_pointer (&stmt, sqlite3_finalize);
  return NULL;
}

/* SQLite's memory statistics take a global mutex on every allocation; we
 * never read them, and an import makes millions of allocations. Only
 * possible before SQLite initialises, so once, before the first open. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      if (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        g_debug ("SQLite was initialised already; memory statistics stay on");
      g_once_init_leave (&configured, 1);
    }
}

/* An older file must be upgraded (and backed up beside it) before it can be
 * used; on read-only media or in a folder we cannot write to, say so rather
 * than fail on the lock file or half-way through. */
static gboolean
refuse_unwritable_upgrade (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = NULL;
  int version = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) ||
      (g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0))
    return TRUE;

  if (!_hp_store_inspect_file (path, &version, error))
    return FALSE;
  if (version == 0 || version >= HP_STORE_SCHEMA_VERSION)
    return TRUE;

  name = g_filename_display_basename (path);
  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
               _("“%s” was written by an older version of Heimpack and must be upgraded before it can be "
                 "opened, but it is on read-only media or in a folder you cannot write to. Copy it into a "
                 "folder of your own and open the copy; the file was not changed."),
               name);
  return FALSE;
}

HpStore *
hp_store_open (const char        *path,
               HpStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(HpStore) self = NULL;
  gboolean in_memory;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  configure_sqlite_once ();

  in_memory = g_str_equal (path, ":memory:");

  self = g_object_new (HP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & HP_STORE_OPEN_READ_ONLY) != 0;

  if (in_memory)
    {
      if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) ||
          !_hp_store_migrate (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (self->read_only)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                       _("“%s” does not exist."), name);
          return NULL;
        }

      if (!_hp_store_inspect_file (path, &self->schema_version, error))
        return NULL;

      if (self->schema_version < HP_STORE_SCHEMA_VERSION)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
                       _("“%s” must be upgraded before it can be read; open it once without read-only."),
                       name);
          return NULL;
        }

      if (!open_connection (self, SQLITE_OPEN_READONLY, error))
        return NULL;

      return g_steal_pointer (&self);
    }

  if (!refuse_unwritable_upgrade (path, error) || !create_private_file (path, error))
    return NULL;

  self->lock_fd = _hp_store_lock_acquire (path, error);
  if (self->lock_fd < 0)
    return NULL;

  /* Inspect first through a read-only connection: a file we refuse must come
   * out byte-identical. */
  if (!_hp_store_inspect_file (path, &self->schema_version, error))
    return NULL;

  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !exec_simple (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_simple (self, "PRAGMA synchronous = NORMAL", error) ||
      !_hp_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hp_store_get_path (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  return self->path;
}

gboolean
hp_store_is_read_only (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), TRUE);
  return self->read_only;
}

const char * const *
hp_store_get_migration_notes (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  if (self->migration_notes == NULL)
    return NULL;
  return (const char * const *) self->migration_notes->pdata;
}

const char *
hp_store_get_upgrade_backup (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  return self->upgrade_backup;
}

int
hp_store_get_schema_version (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), 0);
  return self->schema_version;
}

/* ------------------------------------------------------------------------ */
/* Errors and statements                                                     */

/*
 * _hp_store_set_error:
 * Wraps the connection's last error as a GError. Always returns FALSE so
 * callers can `return _hp_store_set_error (…)`.
 */
gboolean
_hp_store_set_error (HpStore  *self,
                     int       rc,
                     GError  **error)
{
  HpStoreError code;
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* the error of a statement of a reader connection: the one this worker
   * thread read through last (prepare_on_reader()) */
  if (g_thread_self () != self->owner)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reader_lock);
      sqlite3 *reader = thread_last_reader (self);

      if (reader != NULL && sqlite3_extended_errcode (reader) == rc)
        msg = sqlite3_errmsg (reader);
    }

  switch (rc)
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      /* The row functions check references first and say which; this is the
       * safety net behind them. */
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT,
                   _("The entry refers to something that does not exist, or something still refers to it (%s)."),
                   msg);
      return FALSE;

    case SQLITE_READONLY:
    case SQLITE_READONLY_DBMOVED:
    case SQLITE_READONLY_DIRECTORY:
    case SQLITE_READONLY_RECOVERY:
    case SQLITE_READONLY_ROLLBACK:
    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_CANTLOCK:
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
                   _("The database is open read-only (%s)."), msg);
      return FALSE;

    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: code = HP_STORE_ERROR_CONSTRAINT; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     code = HP_STORE_ERROR_BUSY; break;
    case SQLITE_NOTADB:     code = HP_STORE_ERROR_NOT_HEIMPACK; break;
    case SQLITE_READONLY:   code = HP_STORE_ERROR_READ_ONLY; break;
    default:                code = HP_STORE_ERROR_FAILED; break;
    }

  g_set_error (error, HP_STORE_ERROR, code, _("Database error: %s"), msg);
  return FALSE;
}

/*
 * _hp_store_prepare:
 * Returns a cached statement, reset and with its bindings cleared, owned by
 * the store. Only for the owner thread: the list functions, which may run in
 * a worker, use _hp_store_prepare_owned() instead. @sql must be a string
 * literal, because its address is the cache key.
 */
sqlite3_stmt *
_hp_store_prepare (HpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  stmt = _hp_store_prepare_owned (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/*
 * _hp_store_prepare_owned:
 * Returns a statement of the caller's own, to finalize when done; safe in
 * any thread. In a worker thread, a read while the main connection has no
 * transaction open goes through a read-only connection of its own
 * (prepare_on_reader()): a long list (the sort before the first row of
 * 350,000 graduates holds its connection for half a second) must keep
 * neither the window's own queries nor the other pages' lists waiting.
 * Inside a transaction, a worker reads through the main connection and
 * sees its uncommitted rows.
 */
sqlite3_stmt *
_hp_store_prepare_owned (HpStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* (a write, or SQL no reader can prepare: the main connection says what
   * is wrong with it) */
  if (g_thread_self () != self->owner && sqlite3_get_autocommit (self->db) &&
      (stmt = prepare_on_reader (self, sql)) != NULL)
    return stmt;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
_hp_store_step_done (HpStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc;
  gboolean ok;

  if (!sqlite3_stmt_readonly (stmt))
    _hp_store_backup_before_change (self);

  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
  if (!ok)
    _hp_store_set_error (self, rc, error);

  /* Release the statement's read lock early (cached statements live long). */
  sqlite3_reset (stmt);
  return ok;
}

/*
 * _hp_store_query_int64:
 * Runs a one-value query with at most one integer parameter on a cached
 * statement (owner thread only), for the checks in front of writes.
 */
gboolean
_hp_store_query_int64 (HpStore     *self,
                       const char  *sql,
                       gint64       param,
                       gint64      *out_value,
                       GError     **error)
{
  return _hp_store_query_int64_2 (self, sql, param, 0, out_value, error);
}

/* The same with two integer parameters, ?1 and ?2. */
gboolean
_hp_store_query_int64_2 (HpStore     *self,
                         const char  *sql,
                         gint64       param1,
                         gint64       param2,
                         gint64      *out_value,
                         GError     **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param1);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, param2);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);

  /* Never leave a cached reader open: it would pin a WAL snapshot. */
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW ? TRUE : _hp_store_set_error (self, rc, error);
}

gboolean
_hp_store_check_writable (HpStore  *self,
                          GError  **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
                       _("The database is open read-only: changes cannot be saved."));
  return FALSE;
}

void
_hp_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_hp_bind_optional_int (sqlite3_stmt *stmt,
                       int           index,
                       int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

const char *
_hp_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
_hp_column_dup (sqlite3_stmt *stmt,
                int           column)
{
  return g_strdup (_hp_column_text (stmt, column));
}

/* ------------------------------------------------------------------------ */
/* Transactions                                                              */

gboolean
hp_store_begin (HpStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  /* the day's first change: a copy of the file as it was (hp-backup.h) */
  _hp_store_backup_before_change (self);

  /* Savepoint names are our own counter, never user input. */
  sql = self->tx_depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                            : g_strdup_printf ("SAVEPOINT hp_%u", self->tx_depth);
  if (!exec_simple (self, sql, error))
    return FALSE;

  self->tx_depth++;
  return TRUE;
}

gboolean
hp_store_commit (HpStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  sql = self->tx_depth == 1 ? g_strdup ("COMMIT")
                            : g_strdup_printf ("RELEASE hp_%u", self->tx_depth - 1);
  if (!exec_simple (self, sql, error))
    {
      /* A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open: undo
       * it so that the caller's all-or-nothing promise holds. */
      hp_store_rollback (self);
      return FALSE;
    }

  self->tx_depth--;
  if (self->tx_depth == 0)
    emit_pending_changes (self);
  return TRUE;
}

void
hp_store_rollback (HpStore *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HP_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  sql = self->tx_depth == 1
      ? g_strdup ("ROLLBACK")
      : g_strdup_printf ("ROLLBACK TO hp_%u; RELEASE hp_%u", self->tx_depth - 1, self->tx_depth - 1);

  /* Statements still stepping would keep the transaction alive. */
  {
    GHashTableIter iter;
    gpointer stmt;

    g_hash_table_iter_init (&iter, self->statements);
    while (g_hash_table_iter_next (&iter, NULL, &stmt))
      sqlite3_reset (stmt);
  }

  if (!exec_simple (self, sql, &error) && sqlite3_get_autocommit (self->db) == 0)
    g_critical ("Rollback failed: %s", error->message);

  self->tx_depth--;
  /* Nothing reached the file; a savepoint's rollback may leave flags of the
   * outer transaction, which can only cause one refresh too many. */
  if (self->tx_depth == 0)
    self->pending_changes = 0;
}

/* ------------------------------------------------------------------------ */
/* Stats                                                                     */

gboolean
hp_store_get_stats (HpStore       *self,
                    HpStoreStats  *stats,
                    GError       **error)
{
  static const char * const queries[] = {
    "SELECT count(*) FROM campaign",
    "SELECT count(*) FROM sponsor",
    "SELECT count(*) FROM product",
    "SELECT count(*) FROM school",
    "SELECT count(*) FROM graduate",
  };
  guint *fields[] = { &stats->campaigns, &stats->sponsors, &stats->products,
                      &stats->schools, &stats->graduates };

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      /* Owned statements: this may run in a worker thread. */
      g_autoptr(sqlite3_stmt) stmt = _hp_store_prepare_owned (self, queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return _hp_store_set_error (self, rc, error);

      *fields[i] = (guint) sqlite3_column_int64 (stmt, 0);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Validation shared by the row files                                        */

gboolean
_hp_store_require_text (const char  *value,
                        const char  *label,
                        GError     **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
               _("%s must not be empty."), label);
  return FALSE;
}

gboolean
_hp_store_check_date (const char  *value,
                      const char  *label,
                      GError     **error)
{
  if (value == NULL || hp_iso_date_is_valid (value))
    return TRUE;

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
               _("%s “%s” is not a valid date (YYYY-MM-DD)."), label, value);
  return FALSE;
}

/* Always returns FALSE. */
gboolean
_hp_store_not_found (HpRecordKind   kind,
                     gint64      id,
                     GError    **error)
{
  const GQuark d = HP_STORE_ERROR;
  const int c = HP_STORE_ERROR_NOT_FOUND;

  /* One sentence per kind: German needs the right article for each. */
  switch (kind)
    {
    case HP_RECORD_CAMPAIGN: g_set_error (error, d, c, _("There is no campaign with ID %lld."), (long long) id); break;
    case HP_RECORD_SPONSOR:  g_set_error (error, d, c, _("There is no sponsor with ID %lld."), (long long) id); break;
    case HP_RECORD_PRODUCT:  g_set_error (error, d, c, _("There is no product with ID %lld."), (long long) id); break;
    case HP_RECORD_PLEDGE:   g_set_error (error, d, c, _("There is no pledge with ID %lld."), (long long) id); break;
    case HP_RECORD_RECEIPT:  g_set_error (error, d, c, _("There is no delivery with ID %lld."), (long long) id); break;
    case HP_RECORD_SCHOOL:   g_set_error (error, d, c, _("There is no school with ID %lld."), (long long) id); break;
    case HP_RECORD_GRADUATE: g_set_error (error, d, c, _("There is no graduate with ID %lld."), (long long) id); break;
    case HP_RECORD_ITEM:     g_set_error (error, d, c, _("There is no item with ID %lld."), (long long) id); break;
    case HP_RECORD_RECIPE:
    default: g_assert_not_reached ();
    }

  return FALSE;
}

gboolean
_hp_store_check_changed (HpStore     *self,
                         HpRecordKind    kind,
                         gint64       id,
                         GError     **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;

  return _hp_store_not_found (kind, id, error);
}

/*
 * _hp_store_collect_array:
 * Steps @stmt to its end, turning every row into an element with @read_row.
 * Returns NULL with @error on an SQLite error.
 */
GPtrArray *
_hp_store_collect_array (HpStore         *self,
                         sqlite3_stmt    *stmt,
                         HpRowReader      read_row,
                         GDestroyNotify   free_row,
                         GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GListModel *
_hp_store_collect (HpStore       *self,
                   sqlite3_stmt  *stmt,
                   GType          item_type,
                   HpRowReader    read_row,
                   GError       **error)
{
  g_autoptr(GPtrArray) items = _hp_store_collect_array (self, stmt, read_row, g_object_unref, error);
  g_autoptr(GListStore) list = NULL;

  if (items == NULL)
    return NULL;

  /* One splice, one items-changed. */
  list = g_list_store_new (item_type);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gpointer
_hp_store_get_one (HpStore       *self,
                   sqlite3_stmt  *stmt,
                   HpRowReader    read_row,
                   HpRecordKind      kind,
                   gint64         id,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return read_row (stmt);

  if (rc == SQLITE_DONE)
    _hp_store_not_found (kind, id, error);
  else
    _hp_store_set_error (self, rc, error);

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The three shapes of a single-row write                                    */

/*
 * _hp_store_insert_row:
 * Runs an INSERT whose parameters @bind fills from @object; returns the new
 * row's id in @out_id.
 */
gboolean
_hp_store_insert_row (HpStore      *self,
                      HpRecordKind  kind,
                      const char   *sql,
                      HpRowBinder   bind,
                      gpointer      object,
                      gint64       *out_id,
                      GError      **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind (stmt, object);
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  _hp_store_note_change (self, kind);
  return TRUE;
}

/*
 * _hp_store_update_row:
 * Runs an UPDATE whose parameters @bind fills from @object, except the last
 * one, which is the row's @id. Fails with NOT_FOUND if no row changed.
 */
gboolean
_hp_store_update_row (HpStore      *self,
                      const char   *sql,
                      HpRowBinder   bind,
                      gpointer      object,
                      HpRecordKind     kind,
                      gint64        id,
                      GError      **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind (stmt, object);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), id);
  if (!_hp_store_step_done (self, stmt, error) ||
      !_hp_store_check_changed (self, kind, id, error))
    return FALSE;

  _hp_store_note_change (self, kind);
  return TRUE;
}

/*
 * _hp_store_delete_row:
 * Runs a DELETE whose only parameter is @id. Fails with NOT_FOUND if no row
 * went.
 */
gboolean
_hp_store_delete_row (HpStore     *self,
                      const char  *sql,
                      HpRecordKind    kind,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_hp_store_step_done (self, stmt, error) ||
      !_hp_store_check_changed (self, kind, id, error))
    return FALSE;

  _hp_store_note_change (self, kind);
  return TRUE;
}
