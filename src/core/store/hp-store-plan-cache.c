/* hp-store-plan-cache.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's graduate figures, kept between hp_plan_input_load() calls.
 *
 * hp_plan_input_load() needs five counts per (campaign, school) from the
 * graduate table (listed, with a known under-18 status, under 18 on the
 * hand-over day, ticked "pack received", of those under 18). At the
 * national scale that is 350,000 rows, 60-150 ms however the query is put,
 * while everything else the plan reads takes a few milliseconds. The counts
 * change only when graduate rows do, so the store keeps them:
 *
 * - per campaign a table school_id -> HpGraduateFigures, each entry with the
 *   day the graduates' age was counted on (the school's or the campaign's
 *   hand-over day). The load reads the days afresh from the file, so a
 *   changed hand-over day is a miss for the schools it moves, nothing else.
 * - Tables are immutable once published: a load takes a reference under the
 *   lock and reads without it; what it had to count itself it publishes at
 *   the end as a new table (copy and add).
 * - Every change of the graduate figures empties the cache and counts one
 *   up (`generation`): _hp_plan_cache_changed() with the kinds a write
 *   announces (graduates, and campaigns for what goes with one), called
 *   where the store announces its changes (after the commit, so a load that
 *   starts later counts from the new rows), at the rollback of a
 *   transaction that wrote them, and after a raw write (a restore). A load
 *   publishes only if the generation is still the one it started with: a
 *   write that ran beside it leaves nothing behind.
 * - Writes of other connections (another program on the file, the CLI
 *   beside the window, or our own workers' connection): `PRAGMA
 *   data_version` on the store's main connection changes when any other
 *   connection commits; every load polls it and empties the cache when it
 *   moved. While the owner thread is inside a read on that connection
 *   (which pins an older snapshot, and with it the version) the poll cannot
 *   tell, and the load neither uses nor fills the cache.
 * - A thread inside a transaction of its own (it sees its uncommitted rows)
 *   or inside an export's snapshot (an older state) neither uses nor fills
 *   it; nor does a load whose reads share a connection with a read that
 *   began before it (a worker's reader connection shared when all are
 *   busy), since those reads may be older than the generation.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <string.h>

#include "hp-store-private.h"

struct _HpPlanCache
{
  GMutex      lock;
  /* under lock: */
  guint64     generation;     /* counted up at every emptying */
  gint64      data_version;   /* of the main connection when last polled; -1 before */
  GHashTable *campaigns;      /* gint64 * campaign_id -> GHashTable * (Entry), immutable */
  /* atomic: schools whose graduates loads counted (for the tests) */
  guint       n_counted;
};

typedef struct
{
  gint64            school_id;   /* the key points here */
  HpGraduateFigures figures;
} Entry;

typedef Entry HpPlanCacheCounted;

/* What can change the graduate figures: graduate rows, and a campaign's
 * removal or restore (its graduates go and come with it; they are announced
 * as graduates too, this is the belt to those braces). School and hand-over
 * changes need nothing: the school list and the cut-off days are read
 * afresh by every load. */
#define PLAN_CACHE_CHANGES (HP_STORE_CHANGED (HP_RECORD_GRADUATE) | HP_STORE_CHANGED (HP_RECORD_CAMPAIGN))

HpPlanCache *
_hp_plan_cache_new (void)
{
  HpPlanCache *cache = g_new0 (HpPlanCache, 1);

  g_mutex_init (&cache->lock);
  cache->data_version = -1;
  cache->campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
  return cache;
}

void
_hp_plan_cache_free (HpPlanCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->campaigns);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Under the lock. */
static void
empty_locked (HpPlanCache *cache)
{
  cache->generation++;
  g_hash_table_remove_all (cache->campaigns);
}

/*
 * _hp_plan_cache_changed:
 * Empties the cache if @changes can change graduate figures. Called after
 * the rows are committed (or rolled back, or restored), in any thread.
 */
void
_hp_plan_cache_changed (HpStore        *self,
                        HpStoreChanges  changes)
{
  HpPlanCache *cache = self->plan_cache;

  if ((changes & PLAN_CACHE_CHANGES) == 0 || cache == NULL)
    return;

  g_mutex_lock (&cache->lock);
  empty_locked (cache);
  g_mutex_unlock (&cache->lock);
}

/*
 * _hp_plan_cache_read_begin:
 * Starts one load's use of the cache: polls for other connections' commits
 * and takes the campaign's table as it is now. Never fails: where the cache
 * cannot be trusted, @read says so (usable FALSE) and the load counts
 * everything, as it would without a cache.
 */
void
_hp_plan_cache_read_begin (HpStore         *self,
                           gint64           campaign_id,
                           HpPlanCacheRead *read)
{
  HpPlanCache *cache = self->plan_cache;
  GHashTable *figures;
  gint64 version;

  memset (read, 0, sizeof *read);
  read->campaign_id = campaign_id;
  read->counted = g_array_new (FALSE, FALSE, sizeof (HpPlanCacheCounted));

  if (!_hp_store_reads_committed (self))
    return;

  /* Outside our lock: the poll takes the main connection's mutex, and a
   * writer may hold that one while it announces (and so takes ours). Two
   * polls that cross may empty the cache once more than needed, never
   * less. */
  version = _hp_store_poll_data_version (self);
  if (version < 0)
    return;

  g_mutex_lock (&cache->lock);
  if (version != cache->data_version)
    {
      if (cache->data_version >= 0)
        g_debug ("Another connection wrote to %s: the plan counts its graduates again", self->path);
      empty_locked (cache);
      cache->data_version = version;
    }
  read->usable = TRUE;
  read->generation = cache->generation;
  figures = g_hash_table_lookup (cache->campaigns, &campaign_id);
  read->figures = figures != NULL ? g_hash_table_ref (figures) : NULL;
  g_mutex_unlock (&cache->lock);
}

/*
 * _hp_plan_cache_check_statement:
 * To be called with the load's first statement before its first step:
 * if its connection is inside a read already (another worker's statement
 * on a shared reader), the load's rows may be older than the cache's
 * generation, and what it counts is not kept.
 */
void
_hp_plan_cache_check_statement (HpPlanCacheRead *read,
                                sqlite3_stmt    *stmt)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  sqlite3_mutex *mutex = sqlite3_db_mutex (db);

  if (!read->usable)
    return;

  sqlite3_mutex_enter (mutex);
  if (!sqlite3_get_autocommit (db))
    read->keep_nothing = TRUE;
  for (sqlite3_stmt *other = sqlite3_next_stmt (db, NULL);
       other != NULL && !read->keep_nothing;
       other = sqlite3_next_stmt (db, other))
    if (sqlite3_stmt_busy (other))
      read->keep_nothing = TRUE;
  sqlite3_mutex_leave (mutex);
}

/* The figures of @school_id counted against @day's cut-off, if the cache
 * has them. */
const HpGraduateFigures *
_hp_plan_cache_lookup (HpPlanCacheRead *read,
                       gint64           school_id,
                       const char      *day)
{
  Entry *entry;

  if (!read->usable || read->figures == NULL || day == NULL)
    return NULL;

  entry = g_hash_table_lookup (read->figures, &school_id);
  if (entry == NULL || !g_str_equal (entry->figures.day, day))
    return NULL;

  return &entry->figures;
}

/*
 * _hp_plan_cache_counted:
 * Notes figures the load counted itself, for _hp_plan_cache_read_end().
 * @figures->day must be set by _hp_plan_cache_set_day().
 */
void
_hp_plan_cache_counted (HpPlanCacheRead         *read,
                        gint64                   school_id,
                        const HpGraduateFigures *figures)
{
  HpPlanCacheCounted counted = { .school_id = school_id, .figures = *figures };

  if (read->usable && !read->keep_nothing)
    g_array_append_val (read->counted, counted);
}

/*
 * _hp_plan_cache_set_day:
 * Copies @day into @figures. Returns FALSE if there is none or it does not
 * fit (not a date): then the figures are not kept.
 */
gboolean
_hp_plan_cache_set_day (HpGraduateFigures *figures,
                        const char        *day)
{
  return day != NULL && g_strlcpy (figures->day, day, sizeof figures->day) < sizeof figures->day;
}

/*
 * _hp_plan_cache_read_end:
 * Ends one load's use of the cache; with @publish (the load succeeded)
 * keeps what it counted, unless the figures changed meanwhile.
 */
void
_hp_plan_cache_read_end (HpStore         *self,
                         HpPlanCacheRead *read,
                         gboolean         publish)
{
  HpPlanCache *cache = self->plan_cache;

  g_atomic_int_add (&cache->n_counted, read->n_counted);

  if (publish && read->usable && !read->keep_nothing && read->counted->len > 0)
    {
      g_mutex_lock (&cache->lock);
      if (cache->generation == read->generation)
        {
          GHashTable *current = g_hash_table_lookup (cache->campaigns, &read->campaign_id);
          GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
          GHashTableIter iter;
          gpointer value;

          /* copy what another load may have published meanwhile, then ours */
          if (current != NULL)
            {
              g_hash_table_iter_init (&iter, current);
              while (g_hash_table_iter_next (&iter, NULL, &value))
                {
                  Entry *entry = g_memdup2 (value, sizeof (Entry));

                  g_hash_table_replace (table, &entry->school_id, entry);
                }
            }
          for (guint i = 0; i < read->counted->len; i++)
            {
              Entry *entry = g_memdup2 (&g_array_index (read->counted, HpPlanCacheCounted, i), sizeof (Entry));

              g_hash_table_replace (table, &entry->school_id, entry);
            }

          g_hash_table_replace (cache->campaigns, g_memdup2 (&read->campaign_id, sizeof (gint64)), table);
        }
      g_mutex_unlock (&cache->lock);
    }

  g_clear_pointer (&read->figures, g_hash_table_unref);
  g_clear_pointer (&read->counted, g_array_unref);
}

/*
 * _hp_plan_cache_get_n_counted:
 * How many times loads of @self counted a school's graduates (rather than
 * take the kept figures), for the tests.
 */
guint
_hp_plan_cache_get_n_counted (HpStore *self)
{
  return (guint) g_atomic_int_get (&self->plan_cache->n_counted);
}
