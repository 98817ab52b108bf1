/* hp-store-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store's own files share: the instance struct, statement helpers,
 * error mapping, the lock and the migrations. Only src/core/store/ includes
 * this, and only src/core/store/ contains SQL.
 */
#pragma once

#include <sqlite3.h>

#include "heimpack/hp-store.h"
#include "../hp-store-bulk-private.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct _HpPlanCache HpPlanCache;

/*
 * HpStoreConnection:
 * One SQLite connection that writes: the owner thread's (`main`) or the one
 * workers write their transactions through (`writer`). Its transaction
 * belongs to the thread that began it (@tx_thread, read atomically by the
 * others); only that thread uses the connection while it is open.
 */
/*
 * HpChangedRows:
 * Of the kinds an announcement names, those whose rows the store can name:
 * exactly one row each (@one_row), which (@ids) and what became of it
 * (@ops), indexed by #HpRecordKind.
 */
typedef struct
{
  HpStoreChanges    one_row;
  gint64            ids[HP_RECORD_N_KINDS];
  HpStoreRowChange  ops[HP_RECORD_N_KINDS];
} HpChangedRows;

typedef struct
{
  sqlite3        *db;
  GHashTable     *statements;       /* const char *sql (static) -> sqlite3_stmt * */
  GThread        *tx_thread;        /* Borrowed: whose transaction is open, or NULL */
  guint           tx_depth;
  HpStoreChanges  pending_changes;  /* written in the open transaction */
  HpChangedRows   pending_rows;     /* of those, the kinds of one known row */
} HpStoreConnection;

struct _HpStore
{
  GObject     parent_instance;

  /* Owned */
  char       *path;
  char       *sqlite_uri;   /* "file:…?immutable=1" on read-only media, else NULL */
  int         lock_fd;      /* -1 when read-only or in memory */
  GMainContext *context;    /* of the thread that opened the store */
  GThread    *owner;        /* Borrowed: that thread */
  /* The owner thread's connection; `main.db` is also the one every
   * connection-wide setting and the schema work use. */
  HpStoreConnection main;
  /* Workers' transactions (an import): a connection of their own, opened at
   * the first, held by one worker at a time under writer_lock from
   * hp_store_begin() to the outermost commit or rollback. In-memory stores
   * have no second connection: workers' transactions use `main` then. */
  HpStoreConnection writer;
  GMutex      writer_lock;
  /* Read-only connections for reads in worker threads (see
   * _hp_store_prepare_owned()): sqlite3 *, opened as needed, up to
   * HP_STORE_MAX_READERS, under reader_lock. None for in-memory stores, and
   * no more once one could not be opened (readers_failed). */
  GPtrArray  *readers;
  GMutex      reader_lock;
  gboolean    readers_failed;
  guint       next_reader;   /* where to share when all are busy */

  /* The plan's per-(campaign, school) graduate figures, kept between
   * hp_plan_input_load() calls (hp-store-plan-cache.c) */
  HpPlanCache   *plan_cache;
  /* (nullable): the rows of the announcement being emitted */
  const HpChangedRows *announcing;
  /* `PRAGMA data_version` on `main`, for the plan cache's poll; used under
   * main.db's mutex, in any thread */
  sqlite3_stmt  *data_version;

  int            schema_version;
  GPtrArray     *migration_notes;   /* char *, NULL-terminated; or NULL */
  char          *upgrade_backup;    /* the copy made before migrating */
  guint       read_only : 1;
  guint       location_writable : 1;   /* the file and its folder */
};

/* The day on which a graduate's age counts, in SQL: the school's hand-over
 * day in the campaign, else the campaign's, else 30 June of the campaign
 * year. Needs `c` (campaign) and `cs` (campaign_school, may be NULL). */
#define HP_SQL_AGE_DAY \
  "coalesce(substr(cs.handover_at, 1, 10), c.handover_date, printf('%04d-06-30', c.year))"

/* Graduates born after this day are under 18 on @day (an SQL date
 * expression): whoever turns 18 on the day is not. On 29 February the day
 * 18 years before is normalised to 1 March, so one day is taken off: born
 * on 1 March, one is 17 on that 29 February. */
#define HP_SQL_UNDER18_CUTOFF(day) \
  "date(" day ", '-18 years', CASE WHEN strftime('%m-%d', " day ") = '02-29' THEN '-1 day' ELSE '+0 days' END)"

/* hp-store.c */
gboolean      _hp_store_set_error     (HpStore       *self,
                                       int            rc,
                                       GError       **error);
sqlite3_stmt *_hp_store_prepare       (HpStore       *self,
                                       const char    *sql,
                                       GError       **error);
sqlite3_stmt *_hp_store_prepare_owned (HpStore       *self,
                                       const char    *sql,
                                       GError       **error);
gboolean      _hp_store_step_done     (HpStore       *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean      _hp_store_query_int64   (HpStore       *self,
                                       const char    *sql,
                                       gint64         param,
                                       gint64        *out_value,
                                       GError       **error);
gboolean      _hp_store_query_int64_2 (HpStore       *self,
                                       const char    *sql,
                                       gint64         param1,
                                       gint64         param2,
                                       gint64        *out_value,
                                       GError       **error);
gboolean      _hp_store_check_writable (HpStore      *self,
                                        GError      **error);
void          _hp_bind_text           (sqlite3_stmt  *stmt,
                                       int            index,
                                       const char    *text);
void          _hp_bind_optional_int   (sqlite3_stmt  *stmt,
                                       int            index,
                                       int            value);
char         *_hp_column_dup          (sqlite3_stmt  *stmt,
                                       int            column);
const char   *_hp_column_text         (sqlite3_stmt  *stmt,
                                       int            column);

typedef gpointer (*HpRowReader) (sqlite3_stmt *stmt);

gboolean      _hp_store_not_found     (HpRecordKind      kind,
                                       gint64         id,
                                       GError       **error);

gboolean      _hp_store_require_text  (const char    *value,
                                       const char    *label,
                                       GError       **error);
gboolean      _hp_store_check_date    (const char    *value,
                                       const char    *label,
                                       GError       **error);
gboolean      _hp_store_check_changed (HpStore       *self,
                                       HpRecordKind      kind,
                                       gint64         id,
                                       GError       **error);
GPtrArray    *_hp_store_collect_array (HpStore       *self,
                                       sqlite3_stmt  *stmt,
                                       HpRowReader    read_row,
                                       GDestroyNotify free_row,
                                       GError       **error);
GListModel   *_hp_store_collect       (HpStore       *self,
                                       sqlite3_stmt  *stmt,
                                       GType          item_type,
                                       HpRowReader    read_row,
                                       GError       **error);
gpointer      _hp_store_get_one       (HpStore       *self,
                                       sqlite3_stmt  *stmt,
                                       HpRowReader    read_row,
                                       HpRecordKind      kind,
                                       gint64         id,
                                       GError       **error);

typedef void (*HpRowBinder) (sqlite3_stmt *stmt,
                             gpointer      object);

void          _hp_store_note_change   (HpStore       *self,
                                       HpRecordKind   kind);
void          _hp_store_note_row      (HpStore       *self,
                                       HpRecordKind   kind,
                                       HpStoreRowChange change,
                                       gint64         id);
gboolean      _hp_store_insert_row    (HpStore       *self,
                                       HpRecordKind   kind,
                                       const char    *sql,
                                       HpRowBinder    bind,
                                       gpointer       object,
                                       gint64        *out_id,
                                       GError       **error);
gboolean      _hp_store_update_row    (HpStore       *self,
                                       const char    *sql,
                                       HpRowBinder    bind,
                                       gpointer       object,
                                       HpRecordKind      kind,
                                       gint64         id,
                                       GError       **error);
gboolean      _hp_store_delete_row    (HpStore       *self,
                                       const char    *sql,
                                       HpRecordKind      kind,
                                       gint64         id,
                                       GError       **error);

/* hp-store-items.c */
gboolean      _hp_store_ensure_item   (HpStore       *self,
                                       const char    *name,
                                       gboolean       adult_only,
                                       gint64         current_item_id,
                                       gint64        *out_item_id,
                                       GError       **error);
gboolean      _hp_store_drop_unused_item (HpStore    *self,
                                       gint64         item_id,
                                       GError       **error);

/* hp-store-backup.c */
/* hp-store.c: for the backups (hp-store-backup.c) */
sqlite3      *_hp_store_begin_raw             (HpStore         *self,
                                               GError         **error);
void          _hp_store_end_raw               (HpStore         *self);
gboolean      _hp_store_in_transaction        (HpStore         *self);
void          _hp_store_announce              (HpStore         *self,
                                               HpStoreChanges   changes);
void          _hp_store_backup_before_change  (HpStore  *self);
gboolean      _hp_store_backup_before_removal (HpStore  *self,
                                               GError  **error);
char         *_hp_store_backup_before_upgrade (HpStore  *self,
                                               GError  **error);

/* hp-store.c: for the plan cache (hp-store-plan-cache.c) */
gboolean      _hp_store_reads_committed       (HpStore         *self);
gint64        _hp_store_poll_data_version     (HpStore         *self);

/* hp-store-plan-cache.c */
/*
 * HpGraduateFigures:
 * What hp_plan_input_load() counts of one school's graduates in one
 * campaign, against the cut-off of @day (HP_SQL_AGE_DAY: the school's
 * hand-over day; born after the cut-off is under 18 on it).
 */
typedef struct
{
  char   day[16];           /* "YYYY-MM-DD", NUL-terminated */
  guint  graduates;
  guint  with_birth_date;
  guint  under18_by_birth;
  guint  handed_out;
  guint  handed_out_under18;
} HpGraduateFigures;

/*
 * HpPlanCacheRead:
 * One hp_plan_input_load()'s use of the cache: what it found at the start
 * (@figures, a table nobody changes any more), and what it counted itself
 * (@counted), published at the end if nothing was written meanwhile.
 */
typedef struct
{
  gint64       campaign_id;
  gboolean     usable;       /* FALSE: count everything, keep nothing */
  gboolean     keep_nothing; /* use what is kept, but keep nothing counted */
  guint64      generation;
  GHashTable  *figures;      /* Owned ref: gint64 * school_id -> HpGraduateFigures *; or NULL */
  GArray      *counted;      /* Owned: HpPlanCacheCounted */
  guint        n_counted;    /* schools counted, kept or not */
} HpPlanCacheRead;

HpPlanCache  *_hp_plan_cache_new              (void);
void          _hp_plan_cache_free             (HpPlanCache     *cache);
void          _hp_plan_cache_changed          (HpStore         *self,
                                               HpStoreChanges   changes);
void          _hp_plan_cache_read_begin       (HpStore         *self,
                                               gint64           campaign_id,
                                               HpPlanCacheRead *read);
void          _hp_plan_cache_check_statement  (HpPlanCacheRead *read,
                                               sqlite3_stmt    *stmt);
gboolean      _hp_plan_cache_set_day       (HpGraduateFigures *figures,
                                               const char      *day);
const HpGraduateFigures *
              _hp_plan_cache_lookup           (HpPlanCacheRead *read,
                                               gint64           school_id,
                                               const char      *day);
void          _hp_plan_cache_counted          (HpPlanCacheRead *read,
                                               gint64           school_id,
                                               const HpGraduateFigures *figures);
void          _hp_plan_cache_read_end         (HpStore         *self,
                                               HpPlanCacheRead *read,
                                               gboolean         publish);
guint         _hp_plan_cache_get_n_counted    (HpStore         *self);

/* hp-store-lock.c */
int           _hp_store_lock_acquire  (const char    *db_path,
                                       GError       **error);
void          _hp_store_lock_release  (int            lock_fd);

/* hp-store-removal.c */
HpStoreRemoval *_hp_store_removal_new  (HpRecordKind   kind,
                                        gint64         id);
gboolean        _hp_store_capture      (HpStore       *self,
                                        HpStoreRemoval *removal,
                                        const char    *table,
                                        const char    *where,
                                        gint64         id,
                                        GError       **error);

/* hp-store-schema.c */
gboolean      _hp_store_inspect_file  (const char    *path,
                                       int           *out_version,
                                       GError       **error);
gboolean      _hp_store_migrate       (HpStore       *self,
                                       GError       **error);

G_END_DECLS
