/* hp-store-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hp_plan_input_load(): the snapshot of one campaign that hp_plan_compute()
 * works on: the campaign, its pack lines, the gifts of their items with
 * pledged and received pieces, the schools taking part with their graduate
 * figures. Reads only, on owned statements, so that it may run in a worker
 * thread like the list functions.
 *
 * The input is a public plain struct; its strings live in a GStringChunk of
 * a private wrapper (HpPlanInput first, so the pointers are the same) and
 * stay valid until hp_plan_input_free().
 *
 * Under-18 counts are computed in SQL, per school, against its hand-over day
 * (campaign_school.handover_at, the date part), else the campaign's
 * handover_date, else 30 June of the campaign year: a graduate is under 18 if
 * born after HP_SQL_UNDER18_CUTOFF of that day (whoever turns 18 on the day
 * is not).
 *
 * Those counts are the bulk of the work (350,000 graduates at the national
 * scale), and only graduate rows change them: the store keeps them per
 * (campaign, school, cut-off day) between loads (hp-store-plan-cache.c), so
 * that a load after a booking or a pack line edit counts nothing.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include "heimpack/hp-plan.h"
#include "hp-store-private.h"

typedef struct
{
  HpPlanInput   input;   /* first: HpPlanInput * is HpPlanInputReal * */

  GStringChunk *strings;
  GArray       *items;      /* HpPlanItem */
  GArray       *gifts;      /* HpPlanGift */
  GArray       *schools;    /* HpPlanSchool */
} HpPlanInputReal;

G_STATIC_ASSERT (G_STRUCT_OFFSET (HpPlanInputReal, input) == 0);

/* Copied, not shared with equal strings (g_string_chunk_insert_const()):
 * hashing every school's number and name was a tenth of a load. */
static const char *
chunk_column (HpPlanInputReal *real,
              sqlite3_stmt    *stmt,
              int              column)
{
  const char *text = _hp_column_text (stmt, column);

  return text ? g_string_chunk_insert_len (real->strings, text, sqlite3_column_bytes (stmt, column)) : NULL;
}

static int
column_optional_int (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? HP_UNSET : sqlite3_column_int (stmt, column);
}

static gboolean
load_campaign (HpStore          *self,
               gint64            campaign_id,
               HpPlanInputReal  *real,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self, "SELECT spare_percent FROM campaign WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  real->input.spare_percent = (guint) MAX (0, sqlite3_column_int (stmt, 0));
  return TRUE;
}

static gboolean
load_items (HpStore          *self,
            gint64            campaign_id,
            HpPlanInputReal  *real,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT i.id, i.name, li.per_standard, li.per_under18 "
                                  "FROM pack_line li JOIN item i ON i.id = li.item_id "
                                  "WHERE li.campaign_id = ?1 "
                                  "ORDER BY li.position, i.name COLLATE HP_NAME, i.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPlanItem item = {
        .item_id = sqlite3_column_int64 (stmt, 0),
        .name = chunk_column (real, stmt, 1),
        .per_standard = (guint) MAX (0, sqlite3_column_int (stmt, 2)),
        .per_under18 = (guint) MAX (0, sqlite3_column_int (stmt, 3)),
      };

      g_array_append_val (real->items, item);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

/* Every gift of an item in the pack, with its pledge and receipts in the
 * campaign (0 without), by sponsor name. */
static gboolean
load_gifts (HpStore          *self,
            gint64            campaign_id,
            HpPlanInputReal  *real,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT p.id, p.item_id, s.id, s.name, s.phone, s.email, "
                                  "  coalesce(pl.quantity, 0), "
                                  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0), "
                                  "  p.value_cents "
                                  "FROM pack_line li JOIN product p ON p.item_id = li.item_id "
                                  "JOIN sponsor s ON s.id = p.sponsor_id "
                                  "LEFT JOIN pledge pl ON pl.product_id = p.id AND pl.campaign_id = li.campaign_id "
                                  "WHERE li.campaign_id = ?1 "
                                  "ORDER BY s.name COLLATE HP_NAME, s.id, p.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPlanGift gift = {
        .product_id = sqlite3_column_int64 (stmt, 0),
        .item_id = sqlite3_column_int64 (stmt, 1),
        .sponsor_id = sqlite3_column_int64 (stmt, 2),
        .sponsor_name = chunk_column (real, stmt, 3),
        .sponsor_phone = chunk_column (real, stmt, 4),
        .sponsor_email = chunk_column (real, stmt, 5),
        .pledged = sqlite3_column_int64 (stmt, 6),
        .received = sqlite3_column_int64 (stmt, 7),
        .value_cents = sqlite3_column_int64 (stmt, 8),
      };

      g_array_append_val (real->gifts, gift);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

/* The schools taking part: a campaign_school row, or graduates in the
 * campaign; in number order straight from the number index, each with the
 * day its graduates' age counts on (the cut-off is computed from it only
 * where they are counted: a date() per school is a good part of a load
 * that counts nothing). */
#define SCHOOLS_SQL \
  "SELECT s.id, s.number, s.name, cs.expected_graduates, cs.under18_expected, " \
  "  " HP_SQL_AGE_DAY ", coalesce(cs.list_complete, 0) " \
  "FROM campaign c JOIN school s " \
  "LEFT JOIN campaign_school cs ON cs.campaign_id = c.id AND cs.school_id = s.id " \
  "WHERE c.id = ?1 AND (cs.school_id IS NOT NULL OR " \
  "  EXISTS (SELECT 1 FROM graduate g WHERE g.campaign_id = ?1 AND g.school_id = s.id) OR " \
  "  EXISTS (SELECT 1 FROM handover h WHERE h.campaign_id = ?1 AND h.school_id = s.id)) " \
  "ORDER BY s.number"

/* One school's graduates, on the (campaign_id, school_id) index, against
 * the cut-off of its day ?3 (computed once per statement). Run per school
 * with its own cut-off: at the national scale (350,000 graduates) this is
 * several times faster than one grouped join, which compares against a
 * per-row cut-off and sorts every graduate. */
/* A purged graduate (hp_store_purge()) has no birth date but the flag it
 * gave on the hand-over day, so that the plan is the same after a purge. */
#define HP_SQL_GRADUATE_UNDER18(cutoff) \
  "(CASE WHEN birth_date IS NULL THEN purged_under18 ELSE birth_date > " cutoff " END)"
#define GRADUATES_SQL \
  "SELECT count(*), count(coalesce(birth_date, purged_under18)), " \
  "  coalesce(sum(" HP_SQL_GRADUATE_UNDER18 ("k.cutoff") "), 0), " \
  "  coalesce(sum(pack_received), 0), coalesce(sum(pack_received AND " HP_SQL_GRADUATE_UNDER18 ("k.cutoff") "), 0) " \
  "FROM graduate, (SELECT " HP_SQL_UNDER18_CUTOFF ("?3") " AS cutoff) k " \
  "WHERE campaign_id = ?1 AND school_id = ?2"

/* What each school was handed over: a few rows per school at most. */
#define HANDOVERS_SQL \
  "SELECT school_id, coalesce(sum(standard), 0), coalesce(sum(under18), 0) " \
  "FROM handover WHERE campaign_id = ?1 GROUP BY school_id"

typedef struct
{
  gint64 school_id;   /* the key points here */
  guint  standard;
  guint  under18;
} Delivered;

static gboolean
count_graduates (HpStore            *self,
                 sqlite3_stmt       *stmt,
                 gint64              school_id,
                 const char         *day,
                 HpGraduateFigures  *figures,
                 GError            **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 2, school_id);
  _hp_bind_text (stmt, 3, day);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  figures->graduates = (guint) sqlite3_column_int64 (stmt, 0);
  figures->with_birth_date = (guint) sqlite3_column_int64 (stmt, 1);
  figures->under18_by_birth = (guint) sqlite3_column_int64 (stmt, 2);
  figures->handed_out = (guint) sqlite3_column_int64 (stmt, 3);
  figures->handed_out_under18 = (guint) sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

/* school_id -> Delivered, for the schools with hand-overs in the campaign. */
static GHashTable *
load_handovers (HpStore  *self,
                gint64    campaign_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) delivered = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  int rc;

  stmt = _hp_store_prepare_owned (self, HANDOVERS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Delivered *row = g_new (Delivered, 1);

      row->school_id = sqlite3_column_int64 (stmt, 0);
      row->standard = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
      row->under18 = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
      g_hash_table_replace (delivered, &row->school_id, row);
    }

  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&delivered);
}

/* One school's graduate figures: kept by the store since an earlier load
 * against the same hand-over day, else counted (and then kept). */
static gboolean
school_figures (HpStore          *self,
                HpPlanCacheRead  *cache,
                sqlite3_stmt    **graduates,
                HpPlanSchool     *school,
                const char       *day,
                GError          **error)
{
  const HpGraduateFigures *kept = _hp_plan_cache_lookup (cache, school->school_id, day);
  HpGraduateFigures counted = { { 0 } };

  if (kept == NULL)
    {
      if (*graduates == NULL)
        {
          *graduates = _hp_store_prepare_owned (self, GRADUATES_SQL, error);
          if (*graduates == NULL)
            return FALSE;
          sqlite3_bind_int64 (*graduates, 1, cache->campaign_id);
        }
      if (!count_graduates (self, *graduates, school->school_id, day, &counted, error))
        return FALSE;
      cache->n_counted++;
      if (_hp_plan_cache_set_day (&counted, day))
        _hp_plan_cache_counted (cache, school->school_id, &counted);
      kept = &counted;
    }

  school->graduates = kept->graduates;
  school->with_birth_date = kept->with_birth_date;
  school->under18_by_birth = kept->under18_by_birth;
  school->handed_out = kept->handed_out;
  school->handed_out_under18 = kept->handed_out_under18;
  return TRUE;
}

static gboolean
load_schools (HpStore          *self,
              gint64            campaign_id,
              HpPlanInputReal  *real,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) graduates = NULL;
  g_autoptr(GHashTable) delivered = NULL;
  HpPlanCacheRead cache;
  gboolean ok = FALSE;
  int rc;

  /* before the first read: what the cache holds is at least as new */
  _hp_plan_cache_read_begin (self, campaign_id, &cache);

  stmt = _hp_store_prepare_owned (self, SCHOOLS_SQL, error);
  if (stmt == NULL)
    goto out;
  _hp_plan_cache_check_statement (&cache, stmt);
  sqlite3_bind_int64 (stmt, 1, campaign_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPlanSchool school = {
        .school_id = sqlite3_column_int64 (stmt, 0),
        .number = chunk_column (real, stmt, 1),
        .name = chunk_column (real, stmt, 2),
        .expected = column_optional_int (stmt, 3),
        .under18_manual = column_optional_int (stmt, 4),
        .list_complete = sqlite3_column_int (stmt, 6) != 0,
      };

      if (!school_figures (self, &cache, &graduates, &school, _hp_column_text (stmt, 5), error))
        goto out;

      g_array_append_val (real->schools, school);
    }
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&graduates, sqlite3_finalize);

  /* the hand-overs are not kept: a few hundred rows, read in one go */
  delivered = load_handovers (self, campaign_id, error);
  if (delivered == NULL)
    goto out;
  for (guint i = 0; i < real->schools->len; i++)
    {
      HpPlanSchool *school = &g_array_index (real->schools, HpPlanSchool, i);
      Delivered *row = g_hash_table_lookup (delivered, &school->school_id);

      if (row != NULL)
        {
          school->delivered_standard = row->standard;
          school->delivered_under18 = row->under18;
        }
    }
  ok = TRUE;

out:
  _hp_plan_cache_read_end (self, &cache, ok);
  return ok;
}

HpPlanInput *
hp_plan_input_load (HpStore  *self,
                    gint64    campaign_id,
                    GError  **error)
{
  HpPlanInputReal *real;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  real = g_new0 (HpPlanInputReal, 1);
  real->strings = g_string_chunk_new (64 * 1024);
  real->items = g_array_new (FALSE, TRUE, sizeof (HpPlanItem));
  real->gifts = g_array_new (FALSE, TRUE, sizeof (HpPlanGift));
  real->schools = g_array_new (FALSE, TRUE, sizeof (HpPlanSchool));

  /* Plain reads, no transaction of our own: the connection is shared
   * with the owner thread, whose transactions we must not interfere with. A
   * write in between shows up at the next refresh like any other. */
  if (!load_campaign (self, campaign_id, real, error) ||
      !load_items (self, campaign_id, real, error) ||
      !load_gifts (self, campaign_id, real, error) ||
      !load_schools (self, campaign_id, real, error))
    {
      hp_plan_input_free (&real->input);
      return NULL;
    }

  real->input.items = (HpPlanItem *) (gpointer) real->items->data;
  real->input.n_items = real->items->len;
  real->input.gifts = (HpPlanGift *) (gpointer) real->gifts->data;
  real->input.n_gifts = real->gifts->len;
  real->input.schools = (HpPlanSchool *) (gpointer) real->schools->data;
  real->input.n_schools = real->schools->len;

  return &real->input;
}

void
hp_plan_input_free (HpPlanInput *input)
{
  HpPlanInputReal *real = (HpPlanInputReal *) input;

  if (input == NULL)
    return;

  g_string_chunk_free (real->strings);
  g_array_unref (real->items);
  g_array_unref (real->gifts);
  g_array_unref (real->schools);
  g_free (real);
}
