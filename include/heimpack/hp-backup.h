/* hp-backup.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-store.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-backup
 *
 * Dated copies of a store's file, made with SQLite's online backup API, and
 * restoring one of them.
 *
 * - Where: the folder `NAME.backups/` beside the database `NAME` (mode
 *   0700), one file per copy (mode 0600: copies hold personal data too),
 *   named `BASE_YYYY-MM-DD_HHMMSS[-N]_REASON.db`, where BASE is the file's
 *   name without `.db`, the date and time are local time, `-N` tells apart
 *   copies made in one second and REASON says why the copy was made
 *   (#HpBackupReason). The id of a copy is its `YYYY-MM-DD_HHMMSS[-N]`.
 * - When: before the first change of each day (a copy of the state before
 *   that change, taken without making the change wait: see
 *   hp_store_begin()), before a schema migration, before every import that
 *   is not a dry run, before a campaign is removed, before a personal-data
 *   purge (hp_backup_before_purge()), before a restore, and on demand
 *   (hp_backup_create()). A file with no campaigns, sponsors or schools
 *   gets no daily copy.
 * - Every copy is written under a hidden temporary name
 *   (`.NAME_STAMP_REASON.hp-HOST-PID.partial`), switched to
 *   rollback-journal mode, checked with `PRAGMA integrity_check` and only
 *   then given its name. A copy that fails the check is deleted, reported
 *   as %HP_BACKUP_ERROR_DAMAGED, and nothing is pruned. Each backup first
 *   removes the hidden copies of killed processes from the folder: of this
 *   computer's processes that no longer run at once, others (another
 *   computer's on a shared drive) after a day.
 * - Retention (#HpBackupRetention), applied after each verified copy, by the
 *   time in the file names: see hp_backup_retention_select().
 *
 * In-memory stores have no backups: hp_backup_create() fails with
 * %HP_BACKUP_ERROR_FAILED and the automatic copies are skipped.
 */

#define HP_BACKUP_ERROR (hp_backup_error_quark ())

/**
 * HpBackupError:
 * @HP_BACKUP_ERROR_FAILED: an I/O or SQLite error
 * @HP_BACKUP_ERROR_NOT_FOUND: no backup with that id or file
 * @HP_BACKUP_ERROR_DAMAGED: the copy fails `PRAGMA integrity_check`
 * @HP_BACKUP_ERROR_BUSY: a transaction is open; restore outside one
 *
 * A file that is not a Heimpack database, or one of a newer version, is
 * refused with the store's %HP_STORE_ERROR_NOT_HEIMPACK or
 * %HP_STORE_ERROR_TOO_NEW.
 */
typedef enum
{
  HP_BACKUP_ERROR_FAILED,
  HP_BACKUP_ERROR_NOT_FOUND,
  HP_BACKUP_ERROR_DAMAGED,
  HP_BACKUP_ERROR_BUSY,
} HpBackupError;

GQuark hp_backup_error_quark (void);

/**
 * HpBackupReason:
 * @HP_BACKUP_REASON_MANUAL: on demand ("manual")
 * @HP_BACKUP_REASON_DAILY: before the first change of the day ("daily")
 * @HP_BACKUP_REASON_UPGRADE: before a schema migration ("before-version-N")
 * @HP_BACKUP_REASON_IMPORT: before an import ("before-import")
 * @HP_BACKUP_REASON_REMOVAL: before a campaign was removed ("before-removal")
 * @HP_BACKUP_REASON_PURGE: before personal data was purged ("before-purge")
 * @HP_BACKUP_REASON_RESTORE: the state a restore replaced ("before-restore")
 * @HP_BACKUP_REASON_UNKNOWN: a name this version does not know
 *
 * Why a copy was made; the word in quotes ends its file name.
 */
typedef enum
{
  HP_BACKUP_REASON_MANUAL,
  HP_BACKUP_REASON_DAILY,
  HP_BACKUP_REASON_UPGRADE,
  HP_BACKUP_REASON_IMPORT,
  HP_BACKUP_REASON_REMOVAL,
  HP_BACKUP_REASON_PURGE,
  HP_BACKUP_REASON_RESTORE,
  HP_BACKUP_REASON_UNKNOWN,
} HpBackupReason;

/**
 * hp_backup_reason_describe:
 *
 * Returns: a translated phrase for @reason, e.g. "Before an import".
 */
const char *hp_backup_reason_describe (HpBackupReason reason);
/**
 * hp_backup_reason_to_string:
 *
 * Returns: the word for @reason in file names ("manual", "daily",
 *   "before-import", …; "upgrade" for %HP_BACKUP_REASON_UPGRADE, "unknown")
 */
const char *hp_backup_reason_to_string (HpBackupReason reason);

/**
 * HpBackupRetention:
 * @keep_last: the newest copies kept whatever their age (default 10)
 * @keep_weeks: of the older copies, the newest of each ISO week is kept for
 *   this many weeks, counting the week of the newest copy as the first
 *   (default 8)
 * @keep_months: likewise per calendar month (default 12)
 *
 * How many copies survive pruning. The window reads the numbers from its
 * settings; the core takes them as they are. The newest copy is always
 * kept, even with @keep_last 0.
 */
typedef struct
{
  guint keep_last;
  guint keep_weeks;
  guint keep_months;
} HpBackupRetention;

#define HP_BACKUP_KEEP_LAST_DEFAULT   10
#define HP_BACKUP_KEEP_WEEKS_DEFAULT   8
#define HP_BACKUP_KEEP_MONTHS_DEFAULT 12

/**
 * HpBackupInfo:
 * @id: `YYYY-MM-DD_HHMMSS[-N]`, unique in the folder
 * @path: the file
 * @created: when the copy was made (local time, from the file name)
 * @size: the file's size in bytes
 * @reason: why it was made
 * @readable: %FALSE if the copy could not be read as a Heimpack database
 *   (then @campaigns and @graduates are 0); such copies are listed, but not
 *   counted by retention and never pruned
 * @campaigns: how many campaigns the copy holds
 * @graduates: how many graduates the copy holds (all campaigns)
 */
typedef struct
{
  char           *id;
  char           *path;
  GDateTime      *created;
  goffset         size;
  HpBackupReason  reason;
  gboolean        readable;
  guint           campaigns;
  guint           graduates;
} HpBackupInfo;

void          hp_backup_info_free     (HpBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpBackupInfo, hp_backup_info_free)

/**
 * hp_backup_get_folder:
 * @db_path: a database file
 *
 * Returns: (transfer full): `DB_PATH.backups`
 */
char         *hp_backup_get_folder    (const char         *db_path);

/**
 * hp_backup_list:
 * @store: the store whose copies to list
 * @error: a #GError
 *
 * Lists the copies in the store's backups folder, newest first, with the
 * counts read from each copy through a read-only connection. Files whose
 * names are not of a backup are left out. No folder is an empty list.
 * May be called from a worker thread.
 *
 * Returns: (transfer full) (element-type HpBackupInfo): the copies
 */
GPtrArray    *hp_backup_list          (HpStore            *store,
                                       GError            **error);

/**
 * hp_backup_find:
 * @store: the store
 * @id_or_file: a backup's id (see hp_backup_list()), or the path of a file
 *
 * Returns: (transfer full) (nullable): the copy with that id, or the file
 *   described as a copy (an existing file outside the folder, too), or %NULL
 *   with %HP_BACKUP_ERROR_NOT_FOUND.
 */
HpBackupInfo *hp_backup_find          (HpStore            *store,
                                       const char         *id_or_file,
                                       GError            **error);

/**
 * hp_backup_create:
 * @store: a store on a file
 * @reason: why
 * @error: a #GError
 *
 * Copies the committed state of the file into its backups folder, checks
 * the copy and then prunes older copies (hp_backup_prune()). Reads through
 * a connection of its own, so it never holds or waits for the store's
 * transaction, and may be called from a worker thread. Copies are made one
 * at a time in the process.
 *
 * Returns: (transfer full) (nullable): the new copy, or %NULL with @error
 */
HpBackupInfo *hp_backup_create        (HpStore            *store,
                                       HpBackupReason      reason,
                                       GError            **error);

/**
 * hp_backup_before_purge:
 *
 * The copy to make before personal data is purged; the purge calls this
 * first and does not run if it fails.
 */
gboolean      hp_backup_before_purge  (HpStore            *store,
                                       GError            **error);
/**
 * hp_backup_before_import:
 *
 * The copy hp_import_run() makes before an import that is not a dry run;
 * the import does not run if it fails. Both do nothing for in-memory stores.
 */
gboolean      hp_backup_before_import (HpStore            *store,
                                       GError            **error);

/**
 * hp_backup_wait:
 *
 * Waits until the copies started without waiting (before the first change of
 * the day, before a campaign removal) are written. Finalizing the store
 * waits for them too.
 */
void          hp_backup_wait          (HpStore            *store);

/**
 * hp_backup_set_retention:
 * @retention: (nullable): the numbers, or %NULL for the defaults
 *
 * What the store's copies keep from now on (automatic ones too).
 */
void          hp_backup_set_retention (HpStore                 *store,
                                       const HpBackupRetention *retention);
void          hp_backup_get_retention (HpStore                 *store,
                                       HpBackupRetention       *out_retention);

/**
 * hp_backup_verify:
 * @path: a file
 *
 * Checks that @path is a Heimpack database of this or an older version and
 * passes `PRAGMA integrity_check`, through a read-only connection.
 */
gboolean      hp_backup_verify        (const char         *path,
                                       GError            **error);

/**
 * hp_backup_retention_select:
 * @times: (array length=n): when each copy was made, newest first
 * @n: how many
 * @retention: the numbers
 * @keep: (array length=n) (out caller-allocates): set to %TRUE for the
 *   copies that stay
 *
 * The rule, a pure function: the first @keep_last copies stay (at least
 * the newest). Of the others, walking from new to old, a copy stays if it is
 * the first seen of its ISO week and that week is one of the @keep_weeks
 * weeks ending with the week of the newest copy, or if it is the first seen
 * of its calendar month and that month is one of the @keep_months months
 * ending with the month of the newest copy. Everything else goes.
 */
void          hp_backup_retention_select (GDateTime * const      *times,
                                          guint                   n,
                                          const HpBackupRetention *retention,
                                          gboolean               *keep);

/**
 * hp_backup_prune:
 * @folder: a backups folder
 * @retention: the numbers
 * @out_removed: (out) (optional): how many files were deleted
 *
 * Deletes the copies that hp_backup_retention_select() does not keep.
 * Copies that cannot be read are not counted and not deleted.
 */
gboolean      hp_backup_prune         (const char              *folder,
                                       const HpBackupRetention *retention,
                                       guint                   *out_removed,
                                       GError                 **error);

/**
 * hp_backup_restore:
 * @store: the store, opened read-write, with no transaction open
 * @path: the copy to bring back (a backup, or any Heimpack file)
 * @out_safety: (out) (optional) (transfer full): the copy of the state that
 *   was replaced
 * @error: a #GError
 *
 * Replaces the store's content with @path's: refuses a file that is not a
 * Heimpack database, of a newer version, or that fails
 * `PRAGMA integrity_check`; then copies the current state into the backups
 * folder (%HP_BACKUP_REASON_RESTORE, so the restore can itself be undone),
 * then copies @path into the store's own connection with the backup API
 * (readers see the restored data from their next read), upgrades it if it
 * is of an older version, and emits #HpStore::changed for every kind of row.
 * Call it from the thread that opened the store, or from a worker while
 * that thread does not write.
 */
gboolean      hp_backup_restore       (HpStore            *store,
                                       const char         *path,
                                       HpBackupInfo      **out_safety,
                                       GError            **error);

G_END_DECLS
