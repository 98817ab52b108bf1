/* hp-store-handovers.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-overs of packs to schools ("Übergaben"): list by campaign and school,
 * add, remove (with undo through hp_store_remove()), and the sums per school
 * that the plan calls "delivered". Same rules as the other rows: bound
 * parameters, lists may run in workers (_hp_store_prepare_owned), writes in
 * the owner thread or a worker's own transaction.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "heimpack/hp-handover.h"
#include "hp-store-private.h"

#define HANDOVER_SELECT \
  "SELECT h.id, h.campaign_id, h.school_id, h.handed_over_at, h.standard, h.under18, h.received_by, h.note, " \
  "  s.number, s.name " \
  "FROM handover h JOIN school s ON s.id = h.school_id "

static gpointer
read_handover (sqlite3_stmt *stmt)
{
  HpHandover *handover = hp_handover_new (sqlite3_column_int64 (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2),
                                          _hp_column_text (stmt, 3),
                                          sqlite3_column_int64 (stmt, 4),
                                          sqlite3_column_int64 (stmt, 5));

  hp_handover_set_id (handover, sqlite3_column_int64 (stmt, 0));
  hp_handover_set_received_by (handover, _hp_column_text (stmt, 6));
  hp_handover_set_note (handover, _hp_column_text (stmt, 7));
  hp_handover_set_school (handover, _hp_column_text (stmt, 8), _hp_column_text (stmt, 9));
  return handover;
}

GListModel *
hp_store_list_handovers (HpStore  *self,
                         gint64    campaign_id,
                         gint64    school_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  HANDOVER_SELECT
                                  "WHERE h.campaign_id = ?1 AND (?2 = 0 OR h.school_id = ?2) "
                                  "ORDER BY h.handed_over_at, h.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  return _hp_store_collect (self, stmt, HP_TYPE_HANDOVER, read_handover, error);
}

HpHandover *
hp_store_get_handover (HpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, HANDOVER_SELECT "WHERE h.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _hp_store_get_one (self, stmt, read_handover, HP_RECORD_HANDOVER, id, error);
}

static gboolean
validate_handover (HpHandover  *handover,
                   GError     **error)
{
  const char *date = hp_handover_get_date (handover);

  if (!_hp_store_require_text (date, _("The hand-over date"), error))
    return FALSE;

  if (!hp_iso_datetime_is_valid (date))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("The hand-over date “%s” is not a valid date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)."),
                   date);
      return FALSE;
    }

  if (hp_handover_get_standard (handover) < 0 || hp_handover_get_under18 (handover) < 0 ||
      hp_handover_get_total (handover) <= 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("A hand-over must contain at least one pack."));
      return FALSE;
    }

  return TRUE;
}

/* ?1 … ?7: campaign, school, date, standard, under-18, received by, note */
static void
bind_handover (sqlite3_stmt *stmt,
               gpointer      object)
{
  HpHandover *handover = object;

  sqlite3_bind_int64 (stmt, 1, hp_handover_get_campaign_id (handover));
  sqlite3_bind_int64 (stmt, 2, hp_handover_get_school_id (handover));
  _hp_bind_text (stmt, 3, hp_handover_get_date (handover));
  sqlite3_bind_int64 (stmt, 4, hp_handover_get_standard (handover));
  sqlite3_bind_int64 (stmt, 5, hp_handover_get_under18 (handover));
  _hp_bind_text (stmt, 6, hp_handover_get_received_by (handover));
  _hp_bind_text (stmt, 7, hp_handover_get_note (handover));
}

gboolean
hp_store_add_handover (HpStore     *self,
                       HpHandover  *handover,
                       GError     **error)
{
  gint64 exists = 0;
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_HANDOVER (handover), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_handover (handover, error))
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM campaign WHERE id = ?1",
                              hp_handover_get_campaign_id (handover), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, hp_handover_get_campaign_id (handover), error);

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM school WHERE id = ?1",
                              hp_handover_get_school_id (handover), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_SCHOOL, hp_handover_get_school_id (handover), error);

  if (!_hp_store_insert_row (self, HP_RECORD_HANDOVER,
                             "INSERT INTO handover (campaign_id, school_id, handed_over_at, standard, under18, "
                             "  received_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             bind_handover, handover, &id, error))
    return FALSE;

  hp_handover_set_id (handover, id);
  return TRUE;
}

gboolean
hp_store_remove_handover (HpStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  return _hp_store_delete_row (self, "DELETE FROM handover WHERE id = ?1", HP_RECORD_HANDOVER, id, error);
}

gboolean
hp_store_update_handover (HpStore     *self,
                          HpHandover  *handover,
                          GError     **error)
{
  gint64 exists = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_HANDOVER (handover), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_handover (handover, error))
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM school WHERE id = ?1",
                              hp_handover_get_school_id (handover), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_SCHOOL, hp_handover_get_school_id (handover), error);

  /* (the campaign stays: ?1 is bound but not used) */
  return _hp_store_update_row (self,
                               "UPDATE handover SET school_id = ?2, handed_over_at = ?3, standard = ?4, "
                               "  under18 = ?5, received_by = ?6, note = ?7 WHERE id = ?8",
                               bind_handover, handover, HP_RECORD_HANDOVER, hp_handover_get_id (handover), error);
}
