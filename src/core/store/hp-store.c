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
#include "hp-store-export-private.h"

G_DEFINE_QUARK (hp-store-error-quark, hp_store_error)

G_DEFINE_FINAL_TYPE (HpStore, hp_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean set_error_message (int          rc,
                                   const char  *msg,
                                   GError     **error);
static void     wrong_thread      (HpStore     *self,
                                   const char  *sql,
                                   GError     **error);

static void
connection_close (HpStore           *self,
                  HpStoreConnection *conn)
{
  /* statements first: a connection with statements does not close */
  g_clear_pointer (&conn->statements, g_hash_table_unref);
  if (conn->db != NULL && sqlite3_close (conn->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (conn->db));
  conn->db = NULL;
}

static void
hp_store_finalize (GObject *object)
{
  HpStore *self = (HpStore *)object;

  if (self->main.tx_depth > 0 || self->writer.tx_depth > 0)
    g_warning ("Store finalized inside an open transaction; rolling back");

  connection_close (self, &self->writer);
  g_mutex_clear (&self->writer_lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  for (guint i = 0; self->readers != NULL && i < self->readers->len; i++)
    {
      sqlite3 *reader = g_ptr_array_index (self->readers, i);

      if (sqlite3_close (reader) != SQLITE_OK)
        g_warning ("Could not close a reader of %s: %s", self->path, sqlite3_errmsg (reader));
    }
  g_clear_pointer (&self->readers, g_ptr_array_unref);
  g_mutex_clear (&self->reader_lock);
  g_clear_pointer (&self->data_version, sqlite3_finalize);
  connection_close (self, &self->main);
  g_clear_pointer (&self->plan_cache, _hp_plan_cache_free);
  _hp_store_lock_release (self->lock_fd);
  g_free (self->path);
  g_free (self->sqlite_uri);
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
  HpChangedRows   rows;
} PendingChanges;

/* Emits the signal with @rows to be asked for (hp_store_get_changed_row())
 * while its handlers run; a handler's own write announces inside it. */
static void
emit_now (HpStore             *self,
          HpStoreChanges       changes,
          const HpChangedRows *rows)
{
  const HpChangedRows *outer = self->announcing;

  self->announcing = rows;
  g_signal_emit (self, signals[CHANGED], 0, changes);
  self->announcing = outer;
}

static gboolean
emit_changes_cb (gpointer user_data)
{
  PendingChanges *pending = user_data;

  emit_now (pending->store, pending->changes, &pending->rows);
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
 * in the worker whenever the owner's context happens to be free).
 * @rows: (nullable): which rows, where the store knows */
static void
emit_changes (HpStore             *self,
              HpStoreChanges       changes,
              const HpChangedRows *rows)
{
  static const HpChangedRows unknown = { 0 };
  PendingChanges *pending;
  g_autoptr(GSource) source = NULL;

  if (changes == 0)
    return;
  if (rows == NULL)
    rows = &unknown;

  /* The rows are committed: a plan loaded from now on counts them. At once,
   * in this thread, not in the idle below, which may run much later. */
  _hp_plan_cache_changed (self, changes);

  if (g_thread_self () == self->owner)
    {
      emit_now (self, changes, rows);
      return;
    }

  pending = g_new0 (PendingChanges, 1);
  pending->store = g_object_ref (self);
  pending->changes = changes;
  pending->rows = *rows;
  source = g_idle_source_new ();
  g_source_set_callback (source, emit_changes_cb, pending, pending_changes_free);
  g_source_set_name (source, "[heimpack] store changed");
  g_source_attach (source, self->context);
}

/* The connection of the calling thread's open transaction, or %NULL. */
static HpStoreConnection *
own_transaction (HpStore *self)
{
  GThread *me = g_thread_self ();

  if (g_atomic_pointer_get (&self->main.tx_thread) == me)
    return &self->main;
  if (g_atomic_pointer_get (&self->writer.tx_thread) == me)
    return &self->writer;
  return NULL;
}

/* Whether a thread other than the caller has a transaction open. */
static gboolean
other_transaction (HpStore *self)
{
  GThread *me = g_thread_self ();
  GThread *main_thread = g_atomic_pointer_get (&self->main.tx_thread);
  GThread *writer_thread = g_atomic_pointer_get (&self->writer.tx_thread);

  return (main_thread != NULL && main_thread != me) || (writer_thread != NULL && writer_thread != me);
}

/* The connection the calling thread writes through: its transaction's, or
 * the owner's own outside one; %NULL for a worker outside a transaction of
 * its own, which must not write. */
static HpStoreConnection *
write_connection (HpStore *self)
{
  HpStoreConnection *conn = own_transaction (self);

  if (conn == NULL && g_thread_self () == self->owner)
    conn = &self->main;
  return conn;
}

/*
 * _hp_store_note_change:
 * Records that rows of @kind were written, rows the store does not name;
 * the signal follows at once outside a transaction, or at the outermost
 * commit of the thread's transaction.
 */
void
_hp_store_note_change (HpStore      *self,
                       HpRecordKind  kind)
{
  HpStoreConnection *conn = own_transaction (self);

  if (conn == NULL)
    {
      emit_changes (self, HP_STORE_CHANGED (kind), NULL);
      return;
    }
  conn->pending_changes |= HP_STORE_CHANGED (kind);
  conn->pending_rows.one_row &= ~HP_STORE_CHANGED (kind);
}

/*
 * _hp_store_note_row:
 * Records that the row @id of @kind was added, updated or removed, so that
 * a view can change that row alone (hp_store_get_changed_row()). A second
 * row of the kind in one transaction makes its rows unknown again.
 */
void
_hp_store_note_row (HpStore          *self,
                    HpRecordKind      kind,
                    HpStoreRowChange  change,
                    gint64            id)
{
  HpStoreConnection *conn = own_transaction (self);
  HpStoreChanges bit = HP_STORE_CHANGED (kind);
  HpChangedRows *rows;

  g_return_if_fail (kind < HP_RECORD_N_KINDS);

  if (conn == NULL)
    {
      HpChangedRows one = { .one_row = bit };

      one.ids[kind] = id;
      one.ops[kind] = change;
      emit_changes (self, bit, &one);
      return;
    }

  rows = &conn->pending_rows;
  if ((conn->pending_changes & bit) == 0)
    {
      rows->one_row |= bit;
      rows->ids[kind] = id;
      rows->ops[kind] = change;
    }
  else if ((rows->one_row & bit) != 0 && rows->ids[kind] == id &&
           rows->ops[kind] != HP_STORE_ROW_REMOVED && change != HP_STORE_ROW_REMOVED)
    {
      /* added, then written again: still added */
      if (rows->ops[kind] != HP_STORE_ROW_ADDED)
        rows->ops[kind] = change;
    }
  else
    {
      rows->one_row &= ~bit;
    }
  conn->pending_changes |= bit;
}

/**
 * hp_store_get_changed_row:
 * @kind: the kind of rows asked about
 * @out_id: (out) (optional): the row's id
 *
 * Inside a handler of #HpStore::changed: whether the rows of @kind that the
 * announcement names are exactly one row the store knows (a record saved,
 * added or removed on its own, or put back by hp_store_restore()), and what
 * became of it. A view can then change that row instead of loading all
 * again. Anything else (an import, several rows in one transaction, rows
 * written by other programs) is %HP_STORE_ROW_UNKNOWN.
 *
 * Returns: what became of the one row, or %HP_STORE_ROW_UNKNOWN
 */
HpStoreRowChange
hp_store_get_changed_row (HpStore      *self,
                          HpRecordKind  kind,
                          gint64       *out_id)
{
  g_return_val_if_fail (HP_IS_STORE (self), HP_STORE_ROW_UNKNOWN);
  g_return_val_if_fail (kind < HP_RECORD_N_KINDS, HP_STORE_ROW_UNKNOWN);

  if (self->announcing == NULL || (self->announcing->one_row & HP_STORE_CHANGED (kind)) == 0)
    return HP_STORE_ROW_UNKNOWN;
  if (out_id != NULL)
    *out_id = self->announcing->ids[kind];
  return self->announcing->ops[kind];
}

static void
hp_store_init (HpStore *self)
{
  self->lock_fd = -1;
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  g_mutex_init (&self->reader_lock);
  g_mutex_init (&self->writer_lock);
  self->readers = g_ptr_array_new ();
  self->plan_cache = _hp_plan_cache_new ();
  self->main.statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  self->writer.statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
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

/* Runs @sql on @db; the error message is read under the connection's
 * mutex, so that no other thread's call on it replaces it first. */
static gboolean
exec_on (HpStore     *self,
         sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc == SQLITE_OK)
    return TRUE;

  set_error_message (rc, message != NULL ? message : sqlite3_errstr (rc), error);
  sqlite3_free (message);
  return FALSE;
}

static gboolean
exec_simple (HpStore     *self,
             const char  *sql,
             GError     **error)
{
  return exec_on (self, self->main.db, sql, error);
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
  int rc = self->sqlite_uri != NULL
           ? sqlite3_open_v2 (self->sqlite_uri, db_out, sqlite_flags | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI, NULL)
           : sqlite3_open_v2 (self->path, db_out, sqlite_flags | SQLITE_OPEN_FULLMUTEX, NULL);

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
  return open_sqlite (self, sqlite_flags, &self->main.db, error) &&
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
 * Returns %NULL without @error where there is no reader (an in-memory
 * store, or none could be opened): the main connection takes it then; %NULL
 * with @error if the reader cannot prepare @sql, or @sql writes (a worker
 * writes only inside a transaction of its own). */
static sqlite3_stmt *
prepare_on_reader (HpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  ThreadReader *last = g_private_get (&thread_reader);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *reader = NULL;
  int rc;

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
      g_autoptr(GError) open_error = NULL;

      if (open_sqlite (self, SQLITE_OPEN_READONLY, &reader, &open_error))
        {
          g_ptr_array_add (self->readers, reader);
        }
      else
        {
          g_debug ("Workers share the connections they have: %s", open_error->message);
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

  rc = sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* (still under reader_lock: the message is this thread's) */
      set_error_message (rc, sqlite3_errmsg (reader), error);
      return NULL;
    }
  if (!sqlite3_stmt_readonly (stmt))
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      wrong_thread (self, sql, error);
      return NULL;
    }

  return stmt;
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

/* Whether @path and its folder can be written (a read-only mount fails
 * this for root too). */
static gboolean
location_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A WAL file in a folder we cannot write to: SQLite cannot make its -shm
 * file there, so it reads the file only as immutable. That is right when
 * nothing waits in a -wal file (a cleanly closed database has none); with
 * one, SQLite's own error is the honest answer. */
static char *
dup_immutable_uri (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  GStatBuf st;

  if (g_access (dir, W_OK) == 0 || g_file_test (shm, G_FILE_TEST_EXISTS) ||
      (g_stat (wal, &st) == 0 && st.st_size > 0))
    return NULL;

  /* (a file: URI needs an absolute path) */
  uri = g_filename_to_uri (absolute, NULL, NULL);
  return uri != NULL ? g_strconcat (uri, "?immutable=1", NULL) : NULL;
}

/* Lets SQLite roll back a hot journal beside @path, if there is one: its
 * first read on a writable connection does. A journal that a live writer
 * holds is not hot, and SQLite leaves it alone. */
static void
roll_back_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;

  if (!g_file_test (journal, G_FILE_TEST_EXISTS))
    return;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      int rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        g_debug ("Could not roll back the journal of %s: %s", path, sqlite3_errmsg (db));
    }
  sqlite3_close (db);
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

      self->location_writable = location_writable (path);
      self->sqlite_uri = dup_immutable_uri (path);
      if (!open_connection (self, SQLITE_OPEN_READONLY, error))
        return NULL;

      return g_steal_pointer (&self);
    }

  if (!refuse_unwritable_upgrade (path, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !location_writable (path))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
                   _("“%s” is on read-only media or in a folder you cannot write to: it can only be opened "
                     "read-only."),
                   name);
      return NULL;
    }

  if (!create_private_file (path, error))
    return NULL;
  self->location_writable = TRUE;

  self->lock_fd = _hp_store_lock_acquire (path, error);
  if (self->lock_fd < 0)
    return NULL;

  /* A program stopped in the middle of a change (a killed import before
   * the file was in WAL mode) left a hot journal, which only a writable
   * connection rolls back, to the last saved state: SQLite's recovery, not
   * a change. We hold the lock, so no writer of ours is at it. */
  roll_back_hot_journal (path);

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

gboolean
hp_store_get_location_writable (HpStore *self)
{
  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  return self->location_writable;
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

/* Maps SQLite's result code @rc with its message onto HP_STORE_ERROR.
 * Always returns FALSE. */
static gboolean
set_error_message (int          rc,
                   const char  *msg,
                   GError     **error)
{
  HpStoreError code;

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

/* ------------------------------------------------------------------------ */
/* Read snapshots                                                            */

struct _HpStoreSnapshot
{
  HpStore *store;   /* Owned */
  sqlite3 *db;      /* Owned; NULL for an in-memory store */
};

/* The snapshot the calling thread reads through (_hp_store_snapshot_enter()). */
static GPrivate thread_snapshot = G_PRIVATE_INIT (NULL);

static sqlite3 *
thread_snapshot_db (HpStore *self)
{
  HpStoreSnapshot *snapshot = g_private_get (&thread_snapshot);

  return snapshot != NULL && snapshot->store == self ? snapshot->db : NULL;
}

HpStoreSnapshot *
_hp_store_snapshot_begin (HpStore  *self,
                          GError  **error)
{
  g_autofree HpStoreSnapshot *snapshot = g_new0 (HpStoreSnapshot, 1);

  g_return_val_if_fail (g_private_get (&thread_snapshot) == NULL, NULL);

  /* An in-memory store has one connection: reads go where they always go. */
  if (!g_str_equal (self->path, ":memory:"))
    {
      if (!open_sqlite (self, SQLITE_OPEN_READONLY, &snapshot->db, error) ||
          /* a read transaction starts at the first read of the file */
          !exec_on (self, snapshot->db, "BEGIN; SELECT count(*) FROM sqlite_schema", error))
        {
          g_clear_pointer (&snapshot->db, sqlite3_close);
          return NULL;
        }
    }

  snapshot->store = g_object_ref (self);
  _hp_store_snapshot_enter (snapshot);
  return g_steal_pointer (&snapshot);
}

HpStoreSnapshot *
_hp_store_snapshot_current (void)
{
  return g_private_get (&thread_snapshot);
}

void
_hp_store_snapshot_enter (HpStoreSnapshot *snapshot)
{
  g_return_if_fail (g_private_get (&thread_snapshot) == NULL);
  g_private_set (&thread_snapshot, snapshot);
}

void
_hp_store_snapshot_leave (HpStoreSnapshot *snapshot)
{
  g_return_if_fail (g_private_get (&thread_snapshot) == snapshot);
  g_private_set (&thread_snapshot, NULL);
}

void
_hp_store_snapshot_end (HpStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  if (g_private_get (&thread_snapshot) == snapshot)
    g_private_set (&thread_snapshot, NULL);
  if (snapshot->db != NULL)
    {
      /* finalizes nothing of ours: callers finalize their statements */
      sqlite3_exec (snapshot->db, "COMMIT", NULL, NULL, NULL);
      if (sqlite3_close (snapshot->db) != SQLITE_OK)
        g_warning ("Could not close a snapshot of %s: %s", snapshot->store->path, sqlite3_errmsg (snapshot->db));
    }
  g_object_unref (snapshot->store);
  g_free (snapshot);
}

/* ------------------------------------------------------------------------ */
/* Which connection a thread uses                                            */

/*
 * The routing, in this order (the contract is in hp-store.h):
 * 1. a thread with a transaction open uses its connection, and sees its
 *    own uncommitted rows;
 * 2. a thread inside a read snapshot reads through it;
 * 3. the owner thread uses the main connection;
 * 4. a worker reads through a read-only connection (prepare_on_reader()),
 *    and so never sees another thread's uncommitted rows. Only an in-memory
 *    store, which has one connection, shares the main one.
 */
static sqlite3 *
read_connection (HpStore *self)
{
  HpStoreConnection *conn = own_transaction (self);
  sqlite3 *db;

  if (conn != NULL)
    return conn->db;
  if ((db = thread_snapshot_db (self)) != NULL)
    return db;
  if (g_thread_self () != self->owner)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reader_lock);

      if ((db = thread_last_reader (self)) != NULL)
        return db;
    }
  return self->main.db;
}

/*
 * _hp_store_set_error:
 * Wraps the last error of the connection the calling thread used as a
 * GError. Always returns FALSE so callers can `return _hp_store_set_error
 * (…)`.
 */
gboolean
_hp_store_set_error (HpStore  *self,
                     int       rc,
                     GError  **error)
{
  sqlite3 *db = read_connection (self);
  g_autofree char *msg = NULL;

  if (db == NULL)
    return set_error_message (rc, sqlite3_errstr (rc), error);

  /* under the connection's mutex: another thread's call on it would
   * replace the message */
  sqlite3_mutex_enter (sqlite3_db_mutex (db));
  msg = g_strdup (sqlite3_extended_errcode (db) == rc ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_mutex_leave (sqlite3_db_mutex (db));

  return set_error_message (rc, msg, error);
}

/* The critical for a write or owner-only call in the wrong thread; fills
 * @error too, so that release builds fail cleanly. */
static void
wrong_thread (HpStore     *self,
              const char  *sql,
              GError     **error)
{
  g_critical ("HpStore: “%s” is for the thread that opened the store, or for a thread inside a transaction "
              "it began; it was called in another thread", sql);
  g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                       "Internal error: the database was written from the wrong thread.");
}

/* Fails with BUSY at once while another thread's transaction is open: a
 * write would wait for it (the window would hang for the busy timeout) or,
 * on an in-memory store's one connection, join it. */
static gboolean
check_no_other_writer (HpStore  *self,
                       GError  **error)
{
  if (!other_transaction (self))
    return TRUE;

  g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_BUSY,
                       _("Another task is writing to the database (an import, say). Try again when it is done."));
  return FALSE;
}

/*
 * _hp_store_prepare:
 * Returns a cached statement, reset and with its bindings cleared, owned by
 * the store, on the connection the calling thread writes through: for the
 * owner thread, and for a worker inside a transaction it began (an import).
 * Anywhere else it is a programming error (a critical). A write while
 * another thread's transaction is open fails with %HP_STORE_ERROR_BUSY.
 * @sql must be a string literal, because its address is the cache key.
 */
sqlite3_stmt *
_hp_store_prepare (HpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  HpStoreConnection *conn = write_connection (self);
  sqlite3_stmt *stmt;
  int rc;

  if (conn == NULL)
    {
      wrong_thread (self, sql, error);
      return NULL;
    }

  stmt = g_hash_table_lookup (conn->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      rc = sqlite3_prepare_v2 (conn->db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _hp_store_set_error (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (conn->statements, (gpointer) sql, stmt);
    }

  if (!sqlite3_stmt_readonly (stmt) && !check_no_other_writer (self, error))
    return NULL;

  return stmt;
}

/*
 * _hp_store_prepare_owned:
 * Returns a statement of the caller's own, to finalize when done; safe in
 * any thread, routed as read_connection() says. A worker outside a
 * transaction reads through a read-only connection of its own
 * (prepare_on_reader()): a long list (the sort before the first row of
 * 350,000 graduates holds its connection for half a second) must keep
 * neither the window's own queries nor the other pages' lists waiting, and
 * it must never see rows another thread has not committed.
 */
sqlite3_stmt *
_hp_store_prepare_owned (HpStore     *self,
                         const char  *sql,
                         GError     **error)
{
  HpStoreConnection *conn = own_transaction (self);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  if (conn != NULL)
    db = conn->db;
  else if ((db = thread_snapshot_db (self)) != NULL)
    ;
  else if (g_thread_self () == self->owner)
    db = self->main.db;
  else if ((stmt = prepare_on_reader (self, sql, error)) != NULL)
    return stmt;
  else if (error != NULL && *error != NULL)
    return NULL;
  else
    /* no reader (an in-memory store): its one connection */
    db = self->main.db;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
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

/* The connection a worker's transaction writes through, opened at the
 * first; an in-memory store's only one. Under writer_lock. */
static HpStoreConnection *
open_writer (HpStore  *self,
             GError  **error)
{
  if (g_str_equal (self->path, ":memory:"))
    return &self->main;

  if (self->writer.db == NULL &&
      (!open_sqlite (self, SQLITE_OPEN_READWRITE, &self->writer.db, error) ||
       !exec_on (self, self->writer.db, "PRAGMA foreign_keys = ON", error)))
    {
      g_clear_pointer (&self->writer.db, sqlite3_close);
      return NULL;
    }

  return &self->writer;
}

gboolean
hp_store_begin (HpStore  *self,
                GError  **error)
{
  HpStoreConnection *conn;
  g_autofree char *sql = NULL;
  gboolean worker;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  conn = own_transaction (self);
  if (conn != NULL)
    {
      /* Savepoint names are our own counter, never user input. */
      sql = g_strdup_printf ("SAVEPOINT hp_%u", conn->tx_depth);
      if (!exec_on (self, conn->db, sql, error))
        return FALSE;
      conn->tx_depth++;
      return TRUE;
    }

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  /* the day's first change: a copy of the file as it was (hp-backup.h) */
  _hp_store_backup_before_change (self);

  worker = g_thread_self () != self->owner;
  if (worker)
    {
      /* one worker's transaction at a time; the next one waits here */
      g_mutex_lock (&self->writer_lock);
      conn = open_writer (self, error);
    }
  else
    {
      conn = &self->main;
    }

  /* The owner must not wait for a worker's long transaction (nor, on an
   * in-memory store, join it). A worker waits for the owner's short ones
   * in SQLite's busy handler. */
  if (conn == NULL || (!worker && !check_no_other_writer (self, error)) ||
      (worker && conn == &self->main && g_atomic_pointer_get (&self->main.tx_thread) != NULL &&
       !check_no_other_writer (self, error)) ||
      !exec_on (self, conn->db, "BEGIN IMMEDIATE", error))
    {
      if (worker)
        g_mutex_unlock (&self->writer_lock);
      return FALSE;
    }

  conn->tx_depth = 1;
  conn->pending_changes = 0;
  g_atomic_pointer_set (&conn->tx_thread, g_thread_self ());
  return TRUE;
}

/*
 * _hp_store_begin_raw:
 * The connection the calling thread may write through outside SQL
 * transactions (a restore with the backup API): the owner's own, if no
 * other thread's transaction is open; for a worker the worker connection,
 * held as by hp_store_begin() until _hp_store_end_raw(). %NULL with @error.
 */
sqlite3 *
_hp_store_begin_raw (HpStore  *self,
                     GError  **error)
{
  HpStoreConnection *conn;

  if (own_transaction (self) != NULL)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_BUSY,
                           _("Another task is writing to the database (an import, say). Try again when it is done."));
      return NULL;
    }
  if (g_thread_self () == self->owner)
    return check_no_other_writer (self, error) ? self->main.db : NULL;

  g_mutex_lock (&self->writer_lock);
  conn = open_writer (self, error);
  if (conn == NULL || (conn == &self->main && !check_no_other_writer (self, error)))
    {
      g_mutex_unlock (&self->writer_lock);
      return NULL;
    }
  g_atomic_pointer_set (&conn->tx_thread, g_thread_self ());
  return conn->db;
}

void
_hp_store_end_raw (HpStore *self)
{
  HpStoreConnection *conn;

  /* the whole file may be another now (a restore), whatever follows */
  _hp_plan_cache_changed (self, HP_STORE_CHANGED_ALL);

  if (g_thread_self () == self->owner)
    return;
  conn = own_transaction (self);
  g_return_if_fail (conn != NULL);
  g_atomic_pointer_set (&conn->tx_thread, NULL);
  g_mutex_unlock (&self->writer_lock);
}

/* Whether the calling thread has a transaction open. */
gboolean
_hp_store_in_transaction (HpStore *self)
{
  return own_transaction (self) != NULL;
}

/* Announces @changes (in the owner thread, as every change). */
void
_hp_store_announce (HpStore        *self,
                    HpStoreChanges  changes)
{
  emit_changes (self, changes, NULL);
}

/* Ends the calling thread's outermost transaction on @conn. */
static void
end_transaction (HpStore           *self,
                 HpStoreConnection *conn)
{
  g_atomic_pointer_set (&conn->tx_thread, NULL);
  if (g_thread_self () != self->owner)
    g_mutex_unlock (&self->writer_lock);
}

gboolean
hp_store_commit (HpStore  *self,
                 GError  **error)
{
  HpStoreConnection *conn;
  g_autofree char *sql = NULL;
  HpStoreChanges changes;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  conn = own_transaction (self);
  /* a commit in a thread without a transaction of its own */
  g_return_val_if_fail (conn != NULL && conn->tx_depth > 0, FALSE);

  sql = conn->tx_depth == 1 ? g_strdup ("COMMIT")
                            : g_strdup_printf ("RELEASE hp_%u", conn->tx_depth - 1);
  if (!exec_on (self, conn->db, sql, error))
    {
      /* A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open: undo
       * it so that the caller's all-or-nothing promise holds. */
      hp_store_rollback (self);
      return FALSE;
    }

  conn->tx_depth--;
  if (conn->tx_depth > 0)
    return TRUE;

  {
    HpChangedRows rows = conn->pending_rows;

    changes = conn->pending_changes;
    conn->pending_changes = 0;
    memset (&conn->pending_rows, 0, sizeof conn->pending_rows);
    end_transaction (self, conn);
    emit_changes (self, changes, &rows);
  }
  return TRUE;
}

void
hp_store_rollback (HpStore *self)
{
  HpStoreConnection *conn;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HP_IS_STORE (self));
  conn = own_transaction (self);
  g_return_if_fail (conn != NULL && conn->tx_depth > 0);

  sql = conn->tx_depth == 1
      ? g_strdup ("ROLLBACK")
      : g_strdup_printf ("ROLLBACK TO hp_%u; RELEASE hp_%u", conn->tx_depth - 1, conn->tx_depth - 1);

  /* Statements still stepping would keep the transaction alive. */
  {
    GHashTableIter iter;
    gpointer stmt;

    g_hash_table_iter_init (&iter, conn->statements);
    while (g_hash_table_iter_next (&iter, NULL, &stmt))
      sqlite3_reset (stmt);
  }

  if (!exec_on (self, conn->db, sql, &error) && sqlite3_get_autocommit (conn->db) == 0)
    g_critical ("Rollback failed: %s", error->message);

  conn->tx_depth--;
  if (conn->tx_depth > 0)
    /* Nothing reached the file; a savepoint's rollback may leave flags of
     * the outer transaction, which can only cause one refresh too many. */
    return;

  /* An in-memory store's workers read through the one connection, and may
   * have counted the rows that are gone now. */
  _hp_plan_cache_changed (self, conn->pending_changes);
  conn->pending_changes = 0;
  memset (&conn->pending_rows, 0, sizeof conn->pending_rows);
  end_transaction (self, conn);
}

/* ------------------------------------------------------------------------ */
/* For the plan cache (hp-store-plan-cache.c)                                */

/*
 * _hp_store_reads_committed:
 * Whether the calling thread reads what is committed, as the plan cache
 * holds it: not inside a transaction of its own (it sees its own
 * uncommitted rows) nor inside an export's snapshot (an older state).
 */
gboolean
_hp_store_reads_committed (HpStore *self)
{
  HpStoreSnapshot *snapshot = g_private_get (&thread_snapshot);

  return own_transaction (self) == NULL && (snapshot == NULL || snapshot->store != self);
}

/*
 * _hp_store_poll_data_version:
 * `PRAGMA data_version` of the main connection, which changes whenever
 * another connection commits to the file (another program, or our own
 * workers' connection), and not for the main connection's own commits,
 * which the store announces itself. Safe in any thread: it holds the
 * connection's mutex throughout.
 *
 * Returns: the version, or -1 when it cannot tell: a statement of the
 *   owner thread is stepping on the connection outside a transaction,
 *   holding a read (and with it the version) from before; or SQLite failed.
 */
gint64
_hp_store_poll_data_version (HpStore *self)
{
  sqlite3 *db = self->main.db;
  sqlite3_mutex *mutex = sqlite3_db_mutex (db);
  gint64 version = -1;
  int rc;

  sqlite3_mutex_enter (mutex);

  /* In a transaction of the owner's (BEGIN IMMEDIATE: the newest state, and
   * nobody else commits) the version is current; outside one, a statement
   * still stepping pins the state its read began with. */
  if (sqlite3_get_autocommit (db))
    for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
      if (sqlite3_stmt_busy (stmt))
        goto out;

  if (self->data_version == NULL &&
      (rc = sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &self->data_version, NULL)) != SQLITE_OK)
    {
      g_debug ("Could not prepare PRAGMA data_version: %s", sqlite3_errstr (rc));
      goto out;
    }

  if ((rc = sqlite3_step (self->data_version)) == SQLITE_ROW)
    version = sqlite3_column_int64 (self->data_version, 0);
  else
    g_debug ("PRAGMA data_version failed: %s", sqlite3_errstr (rc));
  sqlite3_reset (self->data_version);

out:
  sqlite3_mutex_leave (mutex);
  return version;
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

/* A graduate's contact data: only with consent (a date and where it was
 * given; the schema's triggers hold the same for every writer), and an
 * e-mail address that looks like one. */
gboolean
_hp_store_check_contact (const char  *email,
                         const char  *phone,
                         const char  *consent_date,
                         const char  *consent_source,
                         GError     **error)
{
  gboolean has_email = email != NULL && *email != '\0';
  gboolean has_phone = phone != NULL && *phone != '\0';
  if (!has_email && !has_phone)
    return TRUE;

  if (consent_date == NULL || *consent_date == '\0' || consent_source == NULL || *consent_source == '\0')
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("An e-mail address or phone number is stored only with the graduate’s consent: "
                             "give the consent date and where it was given."));
      return FALSE;
    }

  if (!hp_email_is_plausible (email))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address."), email);
      return FALSE;
    }

  return TRUE;
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
    case HP_RECORD_HANDOVER: g_set_error (error, d, c, _("There is no hand-over with ID %lld."), (long long) id); break;
    case HP_RECORD_RECIPE:
    case HP_RECORD_AGENCY:
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
  HpStoreConnection *conn = write_connection (self);

  if (conn != NULL && sqlite3_changes (conn->db) > 0)
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

  *out_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  _hp_store_note_row (self, kind, HP_STORE_ROW_ADDED, *out_id);
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

  _hp_store_note_row (self, kind, HP_STORE_ROW_UPDATED, id);
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

  _hp_store_note_row (self, kind, HP_STORE_ROW_REMOVED, id);
  return TRUE;
}
