/* hp-store-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups of a store's file (see hp-backup.h): one code path that writes a
 * copy with SQLite's online backup API, checks it and prunes, used by every
 * kind of backup; the copy before the first change of the day, whose read
 * snapshot is taken at once and whose pages are copied in a thread of its
 * own; listing, retention and restoring.
 */

#define G_LOG_DOMAIN "hp-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-backup.h"
#include "hp-store-private.h"

G_DEFINE_QUARK (hp-backup-error-quark, hp_backup_error)

/* All copies of the process are written one at a time: two never pick the
 * same name, and pruning never runs beside a copy being written. */
static GMutex backup_lock;

static const struct
{
  HpBackupReason  reason;
  const char     *word;
} reason_words[] = {
  { HP_BACKUP_REASON_MANUAL, "manual" },
  { HP_BACKUP_REASON_DAILY, "daily" },
  { HP_BACKUP_REASON_IMPORT, "before-import" },
  { HP_BACKUP_REASON_REMOVAL, "before-removal" },
  { HP_BACKUP_REASON_PURGE, "before-purge" },
  { HP_BACKUP_REASON_RESTORE, "before-restore" },
};

const char *
hp_backup_reason_describe (HpBackupReason reason)
{
  switch (reason)
    {
    case HP_BACKUP_REASON_MANUAL:  return _("Backed up on demand");
    case HP_BACKUP_REASON_DAILY:   return _("Before the first change of the day");
    case HP_BACKUP_REASON_UPGRADE: return _("Before an upgrade of the file");
    case HP_BACKUP_REASON_IMPORT:  return _("Before an import");
    case HP_BACKUP_REASON_REMOVAL: return _("Before a campaign was removed");
    case HP_BACKUP_REASON_PURGE:   return _("Before personal data was purged");
    case HP_BACKUP_REASON_RESTORE: return _("Before a restore");
    case HP_BACKUP_REASON_UNKNOWN:
    default:                       return _("Backup");
    }
}

const char *
hp_backup_reason_to_string (HpBackupReason reason)
{
  if (reason == HP_BACKUP_REASON_UPGRADE)
    return "upgrade";
  if (reason == HP_BACKUP_REASON_UNKNOWN)
    return "unknown";

  for (guint i = 0; i < G_N_ELEMENTS (reason_words); i++)
    if (reason_words[i].reason == reason)
      return reason_words[i].word;

  return "unknown";
}

static char *
reason_word (HpBackupReason reason)
{
  if (reason == HP_BACKUP_REASON_UPGRADE)
    return g_strdup_printf ("before-version-%d", HP_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (reason_words); i++)
    if (reason_words[i].reason == reason)
      return g_strdup (reason_words[i].word);

  g_return_val_if_reached (g_strdup ("manual"));
}

static HpBackupReason
reason_from_word (const char *word)
{
  if (g_str_has_prefix (word, "before-version-"))
    return HP_BACKUP_REASON_UPGRADE;

  for (guint i = 0; i < G_N_ELEMENTS (reason_words); i++)
    if (g_str_equal (reason_words[i].word, word))
      return reason_words[i].reason;

  return HP_BACKUP_REASON_UNKNOWN;
}

void
hp_backup_info_free (HpBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info);
}

char *
hp_backup_get_folder (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".backups", NULL);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

/* BASE_YYYY-MM-DD_HHMMSS[-N]_REASON.db; hidden files (copies being
 * written) never match. */
static GRegex *
name_regex (void)
{
  static gsize regex = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       (gsize) g_regex_new ("^[^.].*_(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?"
                                            "_([a-z0-9-]+)\\.db$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return (GRegex *) regex;
}

typedef struct
{
  GDateTime      *created;
  guint           counter;   /* 0 for the first copy of its second */
  char           *id;
  HpBackupReason  reason;
} ParsedName;

static gboolean
parse_name (const char *name,
            ParsedName *out)
{
  g_autoptr(GMatchInfo) match = NULL;
  int parts[6];
  g_autofree char *counter = NULL;
  g_autofree char *word = NULL;
  g_autofree char *stamp = NULL;

  if (!g_regex_match (name_regex (), name, 0, &match))
    return FALSE;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *part = g_match_info_fetch (match, (int) i + 1);
      parts[i] = atoi (part);
    }

  out->created = g_date_time_new_local (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
  if (out->created == NULL)
    return FALSE;

  counter = g_match_info_fetch (match, 7);
  word = g_match_info_fetch (match, 8);
  out->counter = counter != NULL && *counter != '\0' ? (guint) atoi (counter) : 0;
  out->reason = reason_from_word (word);
  stamp = g_strdup_printf ("%04d-%02d-%02d_%02d%02d%02d", parts[0], parts[1], parts[2],
                           parts[3], parts[4], parts[5]);
  out->id = out->counter > 0 ? g_strdup_printf ("%s-%u", stamp, out->counter) : g_steal_pointer (&stamp);
  return TRUE;
}

static char *
base_name (const char *db_path)
{
  g_autofree char *basename = g_path_get_basename (db_path);

  return g_str_has_suffix (basename, ".db") ? g_strndup (basename, strlen (basename) - 3)
                                             : g_steal_pointer (&basename);
}

/* ------------------------------------------------------------------------ */
/* Reading a copy                                                            */

/* A read-only connection to a copy; a copy in WAL mode (older Heimpack
 * made those) without its -shm file is opened as immutable. */
static sqlite3 *
open_copy (const char  *path,
           GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

  if ((rc & 0xff) == SQLITE_CANTOPEN)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri ? uri : "", "?immutable=1", NULL);

      g_clear_pointer (&db, sqlite3_close);
      rc = sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED, _("Could not open “%s”: %s"),
                   name, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  return db;
}

static gboolean
read_counts (const char *path,
             guint      *out_campaigns,
             guint      *out_graduates)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int version = 0;
  gboolean ok = FALSE;

  if (!_hp_store_inspect_file (path, &version, &error) || version == 0)
    return FALSE;

  db = open_copy (path, NULL);
  if (db == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM campaign), (SELECT count(*) FROM graduate)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_campaigns = (guint) sqlite3_column_int64 (stmt, 0);
      *out_graduates = (guint) sqlite3_column_int64 (stmt, 1);
      ok = TRUE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static HpBackupInfo *
info_new (const char *path,
          ParsedName *parsed)
{
  HpBackupInfo *info = g_new0 (HpBackupInfo, 1);
  GStatBuf st;

  info->path = g_strdup (path);
  info->id = parsed->id;
  info->created = parsed->created;
  info->reason = parsed->reason;
  if (g_stat (path, &st) == 0)
    info->size = st.st_size;
  info->readable = read_counts (path, &info->campaigns, &info->graduates);
  return info;
}

static guint
id_counter (const HpBackupInfo *info)
{
  const char *dash = strchr (info->id + 11, '-');

  return dash != NULL ? (guint) atoi (dash + 1) : 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HpBackupInfo *x = *(HpBackupInfo * const *) a;
  const HpBackupInfo *y = *(HpBackupInfo * const *) b;
  int cmp = g_date_time_compare (y->created, x->created);

  if (cmp != 0)
    return cmp;
  return (int) id_counter (y) - (int) id_counter (x);
}

static GPtrArray *
list_folder (const char  *folder,
             GError     **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hp_backup_info_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&infos);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      ParsedName parsed = { 0 };
      g_autofree char *path = NULL;

      if (!parse_name (name, &parsed))
        continue;

      path = g_build_filename (folder, name, NULL);
      g_ptr_array_add (infos, info_new (path, &parsed));
    }

  g_ptr_array_sort (infos, compare_newest_first);
  return g_steal_pointer (&infos);
}

GPtrArray *
hp_backup_list (HpStore  *store,
                GError  **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  if (g_str_equal (store->path, ":memory:"))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hp_backup_info_free);

  folder = hp_backup_get_folder (store->path);
  return list_folder (folder, error);
}

HpBackupInfo *
hp_backup_find (HpStore     *store,
                const char  *id_or_file,
                GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (id_or_file != NULL, NULL);

  infos = hp_backup_list (store, error);
  if (infos == NULL)
    return NULL;

  for (guint i = 0; i < infos->len; i++)
    {
      HpBackupInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->id, id_or_file))
        return g_ptr_array_steal_index (infos, i);
    }

  if (g_file_test (id_or_file, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_path_get_basename (id_or_file);
      ParsedName parsed = { 0 };

      if (!parse_name (name, &parsed))
        {
          GStatBuf st;

          parsed.id = g_strdup (name);
          parsed.reason = HP_BACKUP_REASON_UNKNOWN;
          parsed.created = g_stat (id_or_file, &st) == 0
                             ? g_date_time_new_from_unix_local (st.st_mtime)
                             : g_date_time_new_now_local ();
        }
      return info_new (id_or_file, &parsed);
    }

  g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_NOT_FOUND,
               _("There is no backup “%s”: give the id from the list of backups or the path of a file."),
               id_or_file);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Checking a copy                                                           */

gboolean
hp_backup_verify (const char  *path,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;
  int version = 0;
  int rc;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  name = g_filename_display_basename (path);
  if (!_hp_store_inspect_file (path, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK,
                   _("“%s” is not a Heimpack database."), name);
      return FALSE;
    }

  db = open_copy (path, error);
  if (db == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  /* one row "ok", else one row per problem */
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_DAMAGED,
                 _("“%s” is damaged: %s"), name,
                 rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : sqlite3_errmsg (db));

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Retention                                                                 */

/* The Monday of @dt's ISO week as a Julian day number. */
static gint64
iso_week_start (GDateTime *dt)
{
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (dt),
                                          (GDateMonth) g_date_time_get_month (dt),
                                          (GDateYear) g_date_time_get_year (dt));

  return (gint64) g_date_get_julian (date) - (g_date_time_get_day_of_week (dt) - 1);
}

static gint64
month_index (GDateTime *dt)
{
  return (gint64) g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

void
hp_backup_retention_select (GDateTime * const       *times,
                            guint                    n,
                            const HpBackupRetention *retention,
                            gboolean                *keep)
{
  g_autofree gboolean *week_seen = NULL;
  g_autofree gboolean *month_seen = NULL;
  guint keep_last;

  g_return_if_fail (retention != NULL);
  g_return_if_fail (n == 0 || (times != NULL && keep != NULL));

  if (n == 0)
    return;

  keep_last = MAX (1, retention->keep_last);
  week_seen = g_new0 (gboolean, retention->keep_weeks + 1);
  month_seen = g_new0 (gboolean, retention->keep_months + 1);

  for (guint i = 0; i < n; i++)
    {
      gint64 week = (iso_week_start (times[0]) - iso_week_start (times[i])) / 7;
      gint64 month = month_index (times[0]) - month_index (times[i]);

      keep[i] = i < keep_last;
      if (keep[i])
        continue;

      if (week >= 0 && week < retention->keep_weeks && !week_seen[week])
        week_seen[week] = keep[i] = TRUE;
      if (month >= 0 && month < retention->keep_months && !month_seen[month])
        {
          month_seen[month] = TRUE;
          keep[i] = TRUE;
        }
    }
}

gboolean
hp_backup_prune (const char               *folder,
                 const HpBackupRetention  *retention,
                 guint                    *out_removed,
                 GError                  **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) readable = g_ptr_array_new ();
  g_autofree GDateTime **times = NULL;
  g_autofree gboolean *keep = NULL;
  guint removed = 0;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (retention != NULL, FALSE);

  if (out_removed != NULL)
    *out_removed = 0;

  infos = list_folder (folder, error);
  if (infos == NULL)
    return FALSE;

  /* a copy that cannot be read neither counts nor goes */
  for (guint i = 0; i < infos->len; i++)
    if (((HpBackupInfo *) g_ptr_array_index (infos, i))->readable)
      g_ptr_array_add (readable, g_ptr_array_index (infos, i));

  times = g_new0 (GDateTime *, readable->len + 1);
  keep = g_new0 (gboolean, readable->len + 1);
  for (guint i = 0; i < readable->len; i++)
    times[i] = ((HpBackupInfo *) g_ptr_array_index (readable, i))->created;

  hp_backup_retention_select (times, readable->len, retention, keep);

  for (guint i = 0; i < readable->len; i++)
    {
      HpBackupInfo *info = g_ptr_array_index (readable, i);

      if (keep[i])
        continue;

      if (g_unlink (info->path) != 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (info->path);

          g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED,
                       _("Could not delete the old backup “%s”: %s"), name, g_strerror (saved_errno));
          if (out_removed != NULL)
            *out_removed = removed;
          return FALSE;
        }
      g_debug ("Pruned backup %s", info->path);
      removed++;
    }

  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Per-store state                                                           */

typedef struct
{
  GMutex             lock;
  HpBackupRetention  retention;
  char              *daily_done;   /* the local day the daily copy was seen to */
  GPtrArray         *threads;      /* GThread *: copies being written */
} BackupState;

static void
backup_state_free (gpointer data)
{
  BackupState *state = data;

  for (guint i = 0; i < state->threads->len; i++)
    g_thread_join (g_ptr_array_index (state->threads, i));
  g_ptr_array_unref (state->threads);
  g_free (state->daily_done);
  g_mutex_clear (&state->lock);
  g_free (state);
}

static void join_threads (BackupState *state);

/* Before the store closes its connection (weak references are notified in
 * dispose, before finalize): the copies being written end first, so that
 * the store's connection is the file's last and checkpoints it. */
static void
store_disposed_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  join_threads (data);
}

static BackupState *
get_state (HpStore *self)
{
  static GMutex create_lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&create_lock);
  BackupState *state = g_object_get_data (G_OBJECT (self), "hp-backup-state");

  if (state == NULL)
    {
      state = g_new0 (BackupState, 1);
      g_mutex_init (&state->lock);
      state->retention.keep_last = HP_BACKUP_KEEP_LAST_DEFAULT;
      state->retention.keep_weeks = HP_BACKUP_KEEP_WEEKS_DEFAULT;
      state->retention.keep_months = HP_BACKUP_KEEP_MONTHS_DEFAULT;
      state->threads = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (self), "hp-backup-state", state, backup_state_free);
      g_object_weak_ref (G_OBJECT (self), store_disposed_cb, state);
    }

  return state;
}

void
hp_backup_set_retention (HpStore                 *store,
                         const HpBackupRetention *retention)
{
  BackupState *state;

  g_return_if_fail (HP_IS_STORE (store));

  state = get_state (store);
  g_mutex_lock (&state->lock);
  if (retention != NULL)
    state->retention = *retention;
  else
    state->retention = (HpBackupRetention) { HP_BACKUP_KEEP_LAST_DEFAULT, HP_BACKUP_KEEP_WEEKS_DEFAULT,
                                             HP_BACKUP_KEEP_MONTHS_DEFAULT };
  g_mutex_unlock (&state->lock);
}

void
hp_backup_get_retention (HpStore           *store,
                         HpBackupRetention *out_retention)
{
  BackupState *state;

  g_return_if_fail (HP_IS_STORE (store));
  g_return_if_fail (out_retention != NULL);

  state = get_state (store);
  g_mutex_lock (&state->lock);
  *out_retention = state->retention;
  g_mutex_unlock (&state->lock);
}

static void
join_threads (BackupState *state)
{
  g_autoptr(GPtrArray) threads = NULL;

  g_mutex_lock (&state->lock);
  threads = g_steal_pointer (&state->threads);
  state->threads = g_ptr_array_new ();
  g_mutex_unlock (&state->lock);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

void
hp_backup_wait (HpStore *store)
{
  g_return_if_fail (HP_IS_STORE (store));

  join_threads (get_state (store));
}

/* ------------------------------------------------------------------------ */
/* Writing a copy: the one code path                                         */

static gboolean
folder_error (const char  *folder,
              int          saved_errno,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (folder);

  g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED,
               _("Could not write a backup into “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static GHashTable *
taken_ids (const char *folder)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      ParsedName parsed = { 0 };

      if (parse_name (name, &parsed))
        {
          g_hash_table_add (ids, parsed.id);
          g_date_time_unref (parsed.created);
        }
    }

  return ids;
}

/* ------------------------------------------------------------------------ */
/* Copies being written                                                      */

/* A copy being written is `.NAME_STAMP_REASON.hp-HOST-PID.partial` (HOST:
 * 8 hex digits of the host name, as an export's temporary folder has), and
 * SQLite may add its `-journal`, `-wal` and `-shm` beside it. A copy of
 * another computer, or of a process id that runs again, is a leftover
 * when it is older than this (seconds): a copy takes seconds. */
#define PARTIAL_AGE (24 * 60 * 60)

static guint32
host_tag (void)
{
  return g_str_hash (g_get_host_name ());
}

/*
 * parse_partial_name:
 * TRUE if @name is a copy being written (or one of SQLite's files beside
 * it); @out_host and @out_pid are its host tag and process id, or 0 for an
 * untagged name of an older version (`.NAME_STAMP_REASON.partial`).
 */
static gboolean
parse_partial_name (const char *name,
                    guint32    *out_host,
                    gint64     *out_pid)
{
  static const char * const sqlite_suffixes[] = { "-journal", "-wal", "-shm" };
  g_autofree char *copy = g_strdup (name);
  const char *marker;
  char *rest;
  guint64 host;
  guint64 pid;

  *out_host = 0;
  *out_pid = 0;
  if (name[0] != '.')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    if (g_str_has_suffix (copy, sqlite_suffixes[i]))
      copy[strlen (copy) - strlen (sqlite_suffixes[i])] = '\0';
  if (!g_str_has_suffix (copy, ".partial"))
    return FALSE;
  copy[strlen (copy) - strlen (".partial")] = '\0';

  marker = g_strrstr (copy, ".hp-");
  if (marker == NULL)
    return TRUE;
  host = g_ascii_strtoull (marker + 4, &rest, 16);
  if (rest != marker + 4 + 8 || *rest != '-')
    return TRUE;
  pid = g_ascii_strtoull (rest + 1, &rest, 10);
  if (*rest != '\0' || pid == 0 || pid > G_MAXINT)
    return TRUE;

  *out_host = (guint32) host;
  *out_pid = (gint64) pid;
  return TRUE;
}

/*
 * remove_partial_leftovers:
 * Removes from the backups @folder the copies that a killed process was
 * writing (they hold personal data, and nobody finishes them). Under
 * backup_lock, so no copy of this process is being written: one with this
 * process's id is a leftover of an earlier process that had it. A copy is
 * a leftover when
 * - it was made on this computer by a process that no longer runs
 *   (kill(pid, 0) fails with ESRCH), or by this process, or
 * - it is older than PARTIAL_AGE: another computer's (a folder on a shared
 *   drive), an untagged one, or one whose process id runs again.
 * Copies of running processes (another program on the same file) are left
 * alone. Errors are ignored: leftovers are removed next time.
 */
static void
remove_partial_leftovers (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint32 host = host_tag ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      guint32 file_host;
      gint64 pid;
      struct stat st;
      gboolean gone;

      if (!parse_partial_name (name, &file_host, &pid))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      gone = pid != 0 && file_host == host &&
             (pid == (gint64) getpid () || (kill ((pid_t) pid, 0) != 0 && errno == ESRCH));
      if (!gone && now - (gint64) st.st_mtime < PARTIAL_AGE)
        continue;

      if (g_unlink (path) == 0)
        g_debug ("Removed the leftover copy %s", path);
      else
        g_debug ("Could not remove the leftover copy %s: %s", path, g_strerror (errno));
    }
}

/* Copies @source (a connection to @db_path, possibly inside a read
 * transaction whose snapshot is to be copied) into the backups folder,
 * checks the copy, names it and, if @prune, prunes the folder. Under
 * backup_lock. */
static HpBackupInfo *
write_copy (const char               *db_path,
            sqlite3                  *source,
            HpBackupReason            reason,
            const HpBackupRetention  *retention,
            gboolean                  prune,
            GError                  **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&backup_lock);
  g_autofree char *folder = hp_backup_get_folder (db_path);
  g_autofree char *base = base_name (db_path);
  g_autofree char *word = reason_word (reason);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d_%H%M%S");
  g_autofree char *tmp_name = g_strdup_printf (".%s_%s_%s.hp-%08x-%ld.partial", base, stamp, word, host_tag (),
                                               (long) getpid ());
  g_autofree char *tmp = g_build_filename (folder, tmp_name, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) verify_error = NULL;
  g_autoptr(GError) prune_error = NULL;
  g_autofree char *file_name = NULL;
  ParsedName parsed = { 0 };
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return folder_error (folder, errno, error), NULL;
  /* ours: whatever made it, it holds personal data */
  g_chmod (folder, 0700);
  /* copies a killed process was writing */
  remove_partial_leftovers (folder);

  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return folder_error (folder, errno, error), NULL;
  close (fd);

  rc = sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", source, "main");
      if (backup != NULL)
        {
          /* all pages in one step, inside the source's read snapshot: anything
           * but DONE is no whole copy */
          int step_rc = sqlite3_backup_step (backup, -1);

          rc = sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK && step_rc != SQLITE_DONE)
            rc = step_rc;
        }
      else
        rc = sqlite3_errcode (copy);
    }

  /* A copy of a WAL file is a WAL file: make it one file that a read-only
   * connection can open anywhere. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED,
                   _("Could not write a backup into “%s”: %s"), name,
                   copy != NULL && sqlite3_errcode (copy) != SQLITE_OK ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (tmp);
      return NULL;
    }
  sqlite3_close (copy);

  if (!hp_backup_verify (tmp, &verify_error))
    {
      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_DAMAGED,
                   _("The backup failed its check and was deleted; older backups were kept: %s"),
                   verify_error->message);
      g_unlink (tmp);
      return NULL;
    }

  /* ids are unique in the folder: a second copy in one second is -2 */
  {
    g_autoptr(GHashTable) ids = taken_ids (folder);
    g_autofree char *id = g_strdup (stamp);

    for (guint n = 2; g_hash_table_contains (ids, id); n++)
      {
        g_free (id);
        id = g_strdup_printf ("%s-%u", stamp, n);
      }
    file_name = g_strdup_printf ("%s_%s_%s.db", base, id, word);
    path = g_build_filename (folder, file_name, NULL);
  }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return folder_error (folder, saved_errno, error), NULL;
    }

  if (prune && !hp_backup_prune (folder, retention, NULL, &prune_error))
    g_warning ("%s", prune_error->message);

  if (!parse_name (file_name, &parsed))
    g_return_val_if_reached (NULL);
  return info_new (path, &parsed);
}

static sqlite3 *
open_source (HpStore  *self,
             GError  **error)
{
  sqlite3 *source = NULL;
  int rc = sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED, _("Could not open “%s”: %s"),
                   name, source ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
      sqlite3_close (source);
      return NULL;
    }

  sqlite3_busy_timeout (source, 5000);
  return source;
}

static HpBackupInfo *
create_now (HpStore         *self,
            HpBackupReason   reason,
            gboolean         prune,
            GError         **error)
{
  HpBackupRetention retention;
  HpBackupInfo *info;
  sqlite3 *source;

  if (g_str_equal (self->path, ":memory:"))
    {
      g_set_error_literal (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED,
                           _("A database in memory cannot be backed up."));
      return NULL;
    }

  source = open_source (self, error);
  if (source == NULL)
    return NULL;

  hp_backup_get_retention (self, &retention);
  info = write_copy (self->path, source, reason, &retention, prune, error);
  sqlite3_close (source);
  return info;
}

HpBackupInfo *
hp_backup_create (HpStore         *store,
                  HpBackupReason   reason,
                  GError         **error)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return create_now (store, reason, TRUE, error);
}

/* The automatic copy before a change: none for stores in memory. */
static gboolean
create_before (HpStore         *self,
               HpBackupReason   reason,
               GError         **error)
{
  g_autoptr(HpBackupInfo) info = NULL;

  if (g_str_equal (self->path, ":memory:"))
    return TRUE;

  info = create_now (self, reason, TRUE, error);
  if (info == NULL)
    {
      g_prefix_error (error, _("Nothing was changed, because the file could not be backed up first: "));
      return FALSE;
    }

  return TRUE;
}

gboolean
hp_backup_before_purge (HpStore  *store,
                        GError  **error)
{
  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  return create_before (store, HP_BACKUP_REASON_PURGE, error);
}

gboolean
hp_backup_before_import (HpStore  *store,
                         GError  **error)
{
  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  return create_before (store, HP_BACKUP_REASON_IMPORT, error);
}

char *
_hp_store_backup_before_upgrade (HpStore  *self,
                                 GError  **error)
{
  g_autoptr(HpBackupInfo) info = create_now (self, HP_BACKUP_REASON_UPGRADE, TRUE, error);

  return info != NULL ? g_strdup (info->path) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Copies that do not make the change wait                                   */

typedef struct
{
  char              *db_path;
  sqlite3           *source;   /* inside its read transaction */
  HpBackupReason     reason;
  HpBackupRetention  retention;
} SnapshotJob;

static gpointer
snapshot_thread (gpointer data)
{
  SnapshotJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpBackupInfo) info = write_copy (job->db_path, job->source, job->reason, &job->retention,
                                             TRUE, &error);

  if (info == NULL)
    g_warning ("%s", error->message);

  sqlite3_exec (job->source, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (job->source);
  g_free (job->db_path);
  g_free (job);
  return NULL;
}

/* Opens a connection of its own and begins its read transaction now, so
 * that it holds the state of the file before the change the caller is about
 * to make (the file is in WAL mode: the change does not wait for it); the
 * pages are copied in a thread. With @skip_if_empty a file without
 * campaigns, sponsors and schools is not copied. */
static gboolean
start_snapshot (HpStore         *self,
                HpBackupReason   reason,
                gboolean         skip_if_empty,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BackupState *state = get_state (self);
  SnapshotJob *job;
  sqlite3 *source;
  gboolean has_rows = FALSE;
  int rc;

  source = open_source (self, error);
  if (source == NULL)
    return FALSE;

  rc = sqlite3_exec (source, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (source,
                             "SELECT EXISTS (SELECT 1 FROM campaign) OR EXISTS (SELECT 1 FROM sponsor)"
                             " OR EXISTS (SELECT 1 FROM school)",
                             -1, &stmt, NULL);
  /* the first read begins the snapshot */
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      has_rows = sqlite3_column_int (stmt, 0) != 0;
      rc = SQLITE_OK;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED, _("Could not read “%s”: %s"),
                   name, sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }

  if (skip_if_empty && !has_rows)
    {
      sqlite3_exec (source, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (source);
      return TRUE;
    }

  job = g_new0 (SnapshotJob, 1);
  job->db_path = g_strdup (self->path);
  job->source = source;
  job->reason = reason;
  hp_backup_get_retention (self, &job->retention);

  g_mutex_lock (&state->lock);
  g_ptr_array_add (state->threads, g_thread_new ("hp-backup", snapshot_thread, job));
  g_mutex_unlock (&state->lock);
  return TRUE;
}

/* Is there a copy made on @day (YYYY-MM-DD) in the folder? */
static gboolean
has_copy_of_day (const char *db_path,
                 const char *day)
{
  g_autofree char *folder = hp_backup_get_folder (db_path);
  g_autofree char *needle = g_strdup_printf ("_%s_", day);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strstr (name, needle) != NULL && g_str_has_suffix (name, ".db"))
      return TRUE;

  return FALSE;
}

/*
 * _hp_store_backup_before_change:
 * Called before a write outside a transaction and at the outermost
 * hp_store_begin(): the first time on each day that the folder has no copy
 * of that day yet, starts the daily copy of the state before the change.
 */
void
_hp_store_backup_before_change (HpStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  BackupState *state;

  if (_hp_store_in_transaction (self) || self->read_only || self->schema_version < HP_STORE_SCHEMA_VERSION ||
      g_str_equal (self->path, ":memory:"))
    return;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  state = get_state (self);

  g_mutex_lock (&state->lock);
  if (g_strcmp0 (state->daily_done, today) == 0)
    {
      g_mutex_unlock (&state->lock);
      return;
    }
  /* one try a day, even if it fails */
  g_free (state->daily_done);
  state->daily_done = g_strdup (today);
  g_mutex_unlock (&state->lock);

  if (has_copy_of_day (self->path, today))
    return;

  if (!start_snapshot (self, HP_BACKUP_REASON_DAILY, TRUE, &error))
    g_warning ("%s", error->message);
}

/*
 * _hp_store_backup_before_removal:
 * The copy before a campaign is removed: a snapshot now, the pages copied
 * in a thread. Counts as the day's copy.
 */
gboolean
_hp_store_backup_before_removal (HpStore  *self,
                                 GError  **error)
{
  g_autoptr(GDateTime) now = NULL;
  BackupState *state;

  if (g_str_equal (self->path, ":memory:") || self->read_only)
    return TRUE;

  now = g_date_time_new_now_local ();
  state = get_state (self);
  g_mutex_lock (&state->lock);
  g_free (state->daily_done);
  state->daily_done = g_date_time_format (now, "%Y-%m-%d");
  g_mutex_unlock (&state->lock);

  if (!start_snapshot (self, HP_BACKUP_REASON_REMOVAL, FALSE, error))
    {
      g_prefix_error (error, _("Nothing was changed, because the file could not be backed up first: "));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Restore                                                                   */

gboolean
hp_backup_restore (HpStore        *store,
                   const char     *path,
                   HpBackupInfo  **out_safety,
                   GError        **error)
{
  g_autoptr(HpBackupInfo) safety = NULL;
  g_autoptr(GError) prune_error = NULL;
  g_autofree char *folder = NULL;
  HpBackupRetention retention;
  sqlite3 *source;
  sqlite3_backup *backup;
  sqlite3 *db;
  GHashTableIter iter;
  gpointer stmt;
  int version = 0;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_hp_store_check_writable (store, error))
    return FALSE;
  if (_hp_store_in_transaction (store))
    {
      g_set_error_literal (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_BUSY,
                           _("A backup cannot be restored while changes are being saved."));
      return FALSE;
    }

  /* refuses other files, newer versions and damaged copies */
  if (!_hp_store_inspect_file (path, &version, error) || !hp_backup_verify (path, error))
    return FALSE;

  /* the state about to be replaced; not pruned yet, which could take the
   * very copy being restored */
  safety = create_now (store, HP_BACKUP_REASON_RESTORE, FALSE, error);
  if (safety == NULL)
    {
      g_prefix_error (error, _("Nothing was restored, because the current state could not be backed up first: "));
      return FALSE;
    }

  source = open_copy (path, error);
  if (source == NULL)
    return FALSE;

  /* the connection this thread may write through (the worker's one for
   * a restore in a worker), held until the copy is in */
  db = _hp_store_begin_raw (store, error);
  if (db == NULL)
    {
      sqlite3_close (source);
      return FALSE;
    }

  /* statements still stepping would hold the owner connection's read */
  if (db == store->main.db)
    {
      g_hash_table_iter_init (&iter, store->main.statements);
      while (g_hash_table_iter_next (&iter, NULL, &stmt))
        sqlite3_reset (stmt);
    }

  backup = sqlite3_backup_init (db, "main", source, "main");
  if (backup != NULL)
    {
      int step_rc = sqlite3_backup_step (backup, -1);

      rc = sqlite3_backup_finish (backup);
      if (rc == SQLITE_OK && step_rc != SQLITE_DONE)
        rc = step_rc;
    }
  else
    rc = sqlite3_errcode (db);
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, HP_BACKUP_ERROR, HP_BACKUP_ERROR_FAILED,
                   _("Could not restore “%s”: %s; the file was not changed."), name,
                   sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      _hp_store_end_raw (store);
      return FALSE;
    }
  _hp_store_end_raw (store);

  /* a copy of an older version is brought up to this one */
  store->schema_version = version;
  if (!_hp_store_migrate (store, error))
    return FALSE;

  folder = hp_backup_get_folder (store->path);
  hp_backup_get_retention (store, &retention);
  g_mutex_lock (&backup_lock);
  if (!hp_backup_prune (folder, &retention, NULL, &prune_error))
    g_warning ("%s", prune_error->message);
  g_mutex_unlock (&backup_lock);

  _hp_store_announce (store, HP_STORE_CHANGED_ALL);

  if (out_safety != NULL)
    *out_safety = g_steal_pointer (&safety);
  return TRUE;
}
