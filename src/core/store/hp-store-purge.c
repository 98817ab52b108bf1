/* hp-store-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The purge of a campaign's personal data (see hp-purge.h). Who goes: a
 * graduate of the campaign without a consent date who still has any
 * personal field. The under-18 flag is computed by the store's rule
 * (HP_SQL_AGE_DAY, HP_SQL_UNDER18_CUTOFF: the same expression the plan
 * uses per school) before the birth date is cleared, so that the plan's
 * count (hp-store-plan.c, GRADUATES_SQL) is the same afterwards.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-backup.h"
#include "heimpack/hp-purge.h"
#include "hp-store-private.h"

/* A graduate whose personal data the purge removes */
#define TO_GO \
  "g.campaign_id = ?1 AND g.consent_date IS NULL AND " \
  "(g.last_name IS NOT NULL OR g.first_name IS NOT NULL OR g.class IS NOT NULL OR " \
  " g.birth_date IS NOT NULL OR g.email IS NOT NULL OR g.phone IS NOT NULL)"

/* The graduate's under-18 flag on the hand-over day, by birth date, else
 * the flag kept by an earlier purge; NULL if neither is known. */
#define UNDER18_OF(g) \
  "CASE WHEN " g ".birth_date IS NULL THEN " g ".purged_under18 ELSE " \
  g ".birth_date > (SELECT " HP_SQL_UNDER18_CUTOFF (HP_SQL_AGE_DAY) " FROM campaign c " \
  "  LEFT JOIN campaign_school cs ON cs.campaign_id = c.id AND cs.school_id = " g ".school_id " \
  "  WHERE c.id = " g ".campaign_id) END"

static void
purge_school_free (gpointer data)
{
  HpPurgeSchool *school = data;

  g_free (school->number);
  g_free (school->name);
  g_free (school);
}

void
hp_purge_preview_free (HpPurgePreview *preview)
{
  if (preview == NULL)
    return;

  g_free (preview->campaign_name);
  g_free (preview->last_handover);
  g_free (preview->purged_at);
  g_clear_pointer (&preview->schools, g_ptr_array_unref);
  g_free (preview);
}

static gboolean
read_campaign (HpStore         *self,
               HpPurgePreview  *preview,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The last hand-over day: the schools' (date part) and the campaign's,
   * else 30 June of the campaign year, as HP_SQL_AGE_DAY. */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT c.name, c.purged_at, "
                                  "  max(coalesce(c.handover_date, printf('%04d-06-30', c.year)), "
                                  "      coalesce((SELECT max(substr(cs.handover_at, 1, 10)) FROM campaign_school cs "
                                  "                WHERE cs.campaign_id = c.id), '')), "
                                  "  (SELECT count(*) FROM graduate g WHERE g.campaign_id = c.id "
                                  "     AND g.consent_date IS NOT NULL) "
                                  "FROM campaign c WHERE c.id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, preview->campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, preview->campaign_id, error);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  preview->campaign_name = _hp_column_dup (stmt, 0);
  preview->purged_at = _hp_column_dup (stmt, 1);
  preview->last_handover = _hp_column_dup (stmt, 2);
  preview->consenting = (guint) sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

static gboolean
read_schools (HpStore         *self,
              HpPurgePreview  *preview,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT s.id, s.number, s.name, count(*), coalesce(sum(" UNDER18_OF ("g") "), 0) "
                                  "FROM graduate g JOIN school s ON s.id = g.school_id "
                                  "WHERE " TO_GO " "
                                  "GROUP BY s.id ORDER BY s.number",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, preview->campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPurgeSchool *school = g_new0 (HpPurgeSchool, 1);

      school->school_id = sqlite3_column_int64 (stmt, 0);
      school->number = _hp_column_dup (stmt, 1);
      school->name = _hp_column_dup (stmt, 2);
      school->graduates = (guint) sqlite3_column_int64 (stmt, 3);
      school->under18 = (guint) sqlite3_column_int64 (stmt, 4);
      preview->graduates += school->graduates;
      preview->under18 += school->under18;
      g_ptr_array_add (preview->schools, school);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

HpPurgePreview *
hp_store_purge_preview (HpStore     *self,
                        gint64       campaign_id,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(HpPurgePreview) preview = g_new0 (HpPurgePreview, 1);
  g_autofree char *now = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      now = g_date_time_format (local, "%Y-%m-%d");
      today = now;
    }

  preview->campaign_id = campaign_id;
  preview->schools = g_ptr_array_new_with_free_func (purge_school_free);

  if (!read_campaign (self, preview, error) || !read_schools (self, preview, error))
    return NULL;

  /* ISO dates compare as text */
  preview->drive_over = g_strcmp0 (preview->last_handover, today) < 0;
  return g_steal_pointer (&preview);
}

gboolean
hp_store_purge (HpStore  *self,
                gint64    campaign_id,
                guint    *out_purged,
                GError  **error)
{
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  sqlite3_stmt *stmt;
  gint64 exists = 0;
  guint purged;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  /* The copy first: no purge without it. It reads through a connection of
   * its own, so this may run in a worker (the window's does). */
  if (!hp_backup_before_purge (self, error))
    return FALSE;

  /* From here on inside the transaction: a worker may write there. */
  if (!hp_store_begin (self, error))
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM campaign WHERE id = ?1", campaign_id, &exists, error))
    goto fail;
  if (exists == 0)
    {
      _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);
      goto fail;
    }

  stmt = _hp_store_prepare (self,
                            "UPDATE graduate AS g SET purged_under18 = " UNDER18_OF ("g") ", "
                            "  last_name = NULL, first_name = NULL, class = NULL, birth_date = NULL, "
                            "  email = NULL, phone = NULL "
                            "WHERE " TO_GO,
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (!_hp_store_step_done (self, stmt, error))
    goto fail;
  purged = (guint) sqlite3_changes (sqlite3_db_handle (stmt));

  stmt = _hp_store_prepare (self, "UPDATE campaign SET purged_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  _hp_bind_text (stmt, 2, stamp);
  if (!_hp_store_step_done (self, stmt, error))
    goto fail;

  _hp_store_note_change (self, HP_RECORD_GRADUATE);
  _hp_store_note_change (self, HP_RECORD_CAMPAIGN);
  if (!hp_store_commit (self, error))
    return FALSE;

  if (out_purged != NULL)
    *out_purged = purged;
  return TRUE;

fail:
  hp_store_rollback (self);
  return FALSE;
}
