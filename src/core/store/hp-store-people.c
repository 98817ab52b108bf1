/* hp-store-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schools (which persist across campaigns, with per-campaign figures in
 * campaign_school) and graduates (which belong to one campaign and school).
 * Graduates are personal data of young people: nothing here logs their
 * names.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "heimpack/hp-graduate.h"
#include "heimpack/hp-school.h"
#include "hp-store-private.h"
#include "hp-store-bulk-private.h"

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

#define SCHOOL_SELECT \
  "SELECT s.id, s.number, s.name, s.street, s.postcode, s.town, s.district_key, s.school_form, " \
  "  s.contact_teacher, s.email, s.phone, cs.expected_graduates, cs.under18_expected, cs.handover_at, " \
  "  (SELECT count(*) FROM graduate g WHERE g.school_id = s.id AND g.campaign_id = ?1), " \
  "  coalesce(cs.list_complete, 0) " \
  "FROM school s LEFT JOIN campaign_school cs ON cs.school_id = s.id AND cs.campaign_id = ?1 "

static gpointer
read_school (sqlite3_stmt *stmt)
{
  HpSchool *school = hp_school_new (_hp_column_text (stmt, 1), _hp_column_text (stmt, 2));

  hp_school_set_id (school, sqlite3_column_int64 (stmt, 0));
  hp_school_set_street (school, _hp_column_text (stmt, 3));
  hp_school_set_postcode (school, _hp_column_text (stmt, 4));
  hp_school_set_town (school, _hp_column_text (stmt, 5));
  hp_school_set_district_key (school, _hp_column_text (stmt, 6));
  hp_school_set_school_form (school, _hp_column_text (stmt, 7));
  hp_school_set_contact_teacher (school, _hp_column_text (stmt, 8));
  hp_school_set_email (school, _hp_column_text (stmt, 9));
  hp_school_set_phone (school, _hp_column_text (stmt, 10));
  hp_school_set_expected_graduates (school, sqlite3_column_type (stmt, 11) == SQLITE_NULL
                                              ? HP_UNSET : sqlite3_column_int (stmt, 11));
  hp_school_set_under18_expected (school, sqlite3_column_type (stmt, 12) == SQLITE_NULL
                                            ? HP_UNSET : sqlite3_column_int (stmt, 12));
  hp_school_set_handover (school, _hp_column_text (stmt, 13));
  hp_school_set_graduate_count (school, sqlite3_column_int (stmt, 14));
  hp_school_set_list_complete (school, sqlite3_column_int (stmt, 15) != 0);
  return school;
}

static gboolean
validate_school (HpStore   *self,
                 HpSchool  *school,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_hp_store_require_text (hp_school_get_number (school), _("The school number"), error) ||
      !_hp_store_require_text (hp_school_get_name (school), _("The school name"), error))
    return FALSE;

  stmt = _hp_store_prepare_owned (self, "SELECT name FROM school WHERE number = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;

  _hp_bind_text (stmt, 1, hp_school_get_number (school));
  sqlite3_bind_int64 (stmt, 2, hp_school_get_id (school));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT,
                   _("The school number %s already belongs to “%s”."),
                   hp_school_get_number (school), _hp_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

static void
bind_school (sqlite3_stmt *stmt,
             HpSchool     *school)
{
  _hp_bind_text (stmt, 1, hp_school_get_number (school));
  _hp_bind_text (stmt, 2, hp_school_get_name (school));
  _hp_bind_text (stmt, 3, hp_school_get_street (school));
  _hp_bind_text (stmt, 4, hp_school_get_postcode (school));
  _hp_bind_text (stmt, 5, hp_school_get_town (school));
  _hp_bind_text (stmt, 6, hp_school_get_district_key (school));
  _hp_bind_text (stmt, 7, hp_school_get_school_form (school));
  _hp_bind_text (stmt, 8, hp_school_get_contact_teacher (school));
  _hp_bind_text (stmt, 9, hp_school_get_email (school));
  _hp_bind_text (stmt, 10, hp_school_get_phone (school));
}

GListModel *
hp_store_list_schools (HpStore  *self,
                       gint64    campaign_id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, SCHOOL_SELECT "ORDER BY s.number", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_SCHOOL, read_school, error);
}

HpSchool *
hp_store_get_school (HpStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, SCHOOL_SELECT "WHERE s.id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, 0);
  sqlite3_bind_int64 (stmt, 2, id);
  return _hp_store_get_one (self, stmt, read_school, HP_RECORD_SCHOOL, id, error);
}

HpSchool *
hp_store_find_school (HpStore     *self,
                      const char  *number,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = _hp_store_prepare_owned (self, SCHOOL_SELECT "WHERE s.number = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, 0);
  _hp_bind_text (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_school (stmt);
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
               _("There is no school with the number %s."), number);
  return NULL;
}

gboolean
hp_store_add_school (HpStore   *self,
                     HpSchool  *school,
                     GError   **error)
{
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_SCHOOL (school), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_school (self, school, error))
    return FALSE;

  if (!_hp_store_insert_row (self, HP_RECORD_SCHOOL,
                             "INSERT INTO school (number, name, street, postcode, town, district_key, school_form, "
                             "  contact_teacher, email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             (HpRowBinder) bind_school, school, &id, error))
    return FALSE;

  hp_school_set_id (school, id);
  return TRUE;
}

gboolean
hp_store_update_school (HpStore   *self,
                        HpSchool  *school,
                        GError   **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_SCHOOL (school), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_school (self, school, error))
    return FALSE;

  return _hp_store_update_row (self,
                               "UPDATE school SET number = ?1, name = ?2, street = ?3, postcode = ?4, town = ?5, "
                               "  district_key = ?6, school_form = ?7, contact_teacher = ?8, email = ?9, phone = ?10 "
                               "WHERE id = ?11",
                               (HpRowBinder) bind_school, school,
                               HP_RECORD_SCHOOL, hp_school_get_id (school), error);
}

gboolean
hp_store_set_school_campaign (HpStore   *self,
                              gint64     campaign_id,
                              HpSchool  *school,
                              GError   **error)
{
  const char *handover;
  sqlite3_stmt *stmt;
  gint64 exists = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_SCHOOL (school), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  handover = hp_school_get_handover (school);
  if (handover != NULL && !hp_iso_datetime_is_valid (handover))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("The hand-over “%s” is not a valid date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)."),
                   handover);
      return FALSE;
    }

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM campaign WHERE id = ?1", campaign_id, &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);

  stmt = _hp_store_prepare (self,
                            "INSERT INTO campaign_school (campaign_id, school_id, expected_graduates, "
                            "  under18_expected, handover_at, list_complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "ON CONFLICT (campaign_id, school_id) DO UPDATE SET "
                            "  expected_graduates = excluded.expected_graduates, "
                            "  under18_expected = excluded.under18_expected, handover_at = excluded.handover_at, "
                            "  list_complete = excluded.list_complete",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, hp_school_get_id (school));
  _hp_bind_optional_int (stmt, 3, hp_school_get_expected_graduates (school));
  _hp_bind_optional_int (stmt, 4, hp_school_get_under18_expected (school));
  _hp_bind_text (stmt, 5, handover);
  sqlite3_bind_int (stmt, 6, hp_school_get_list_complete (school) ? 1 : 0);
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  _hp_store_note_change (self, HP_RECORD_SCHOOL);
  return TRUE;
}

gboolean
hp_store_set_school_list_complete (HpStore   *self,
                                   gint64     campaign_id,
                                   gint64     school_id,
                                   gboolean   complete,
                                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HpSchool) school = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  /* The school with its figures in this campaign, so that only the flag
   * changes. */
  stmt = _hp_store_prepare_owned (self, SCHOOL_SELECT "WHERE s.id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _hp_store_not_found (HP_RECORD_SCHOOL, school_id, error);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  school = read_school (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);
  hp_school_set_list_complete (school, complete);
  return hp_store_set_school_campaign (self, campaign_id, school, error);
}

gboolean
hp_store_remove_school (HpStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(HpSchool) school = NULL;
  gint64 n_graduates = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  school = hp_store_get_school (self, id, error);
  if (school == NULL)
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM graduate WHERE school_id = ?1", id, &n_graduates, error))
    return FALSE;

  if (n_graduates > 0)
    {
      g_autofree char *count = hp_format_count (n_graduates);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %s graduate. Remove the graduate first.",
                                "“%s” still has %s graduates. Remove the graduates first.",
                                (gulong) MIN (n_graduates, G_MAXLONG)),
                   hp_school_get_name (school), count);
      return FALSE;
    }

  /* Hand-overs are the record of what was delivered: they are removed one
   * by one, on purpose, never with the school. */
  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM handover WHERE school_id = ?1", id, &n_graduates, error))
    return FALSE;
  if (n_graduates > 0)
    {
      g_autofree char *count = hp_format_count (n_graduates);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %s recorded hand-over. Remove the hand-over first.",
                                "“%s” has %s recorded hand-overs. Remove the hand-overs first.",
                                (gulong) MIN (n_graduates, G_MAXLONG)),
                   hp_school_get_name (school), count);
      return FALSE;
    }

  return _hp_store_delete_row (self, "DELETE FROM school WHERE id = ?1", HP_RECORD_SCHOOL, id, error);
}

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

/* The age day's parts (the school's hand-over, the campaign's date, its
 * year) are read raw and compared in C (under18_on()): SQLite's date() on
 * every row took 0.6 s of a 350,000-graduate list's 1.4 s. */
#define GRADUATE_SELECT \
  "SELECT g.id, g.campaign_id, g.school_id, s.name, g.last_name, g.first_name, g.class, g.birth_date, " \
  "  g.consent_date, g.consent_source, g.pack_received, cs.handover_at, c.handover_date, c.year, " \
  "  g.email, g.phone, g.purged_under18 " \
  "FROM graduate g JOIN school s ON s.id = g.school_id JOIN campaign c ON c.id = g.campaign_id " \
  "LEFT JOIN campaign_school cs ON cs.campaign_id = g.campaign_id AND cs.school_id = g.school_id "

#define GRADUATE_WHERE_ORDER \
  "WHERE g.campaign_id = ?1 AND (?2 = 0 OR g.school_id = ?2) " \
  "ORDER BY s.number, g.class, g.last_name COLLATE HP_NAME, g.first_name COLLATE HP_NAME, g.id"

/* Reads "YYYY-MM-DD" at the start of @text; the store holds no other form. */
static gboolean
parse_iso_day (const char *text,
               int        *year,
               int        *month,
               int        *day)
{
  int parts[3] = { 0, 0, 0 };
  const int widths[3] = { 4, 2, 2 };
  const char *p = text;

  for (int k = 0; k < 3; k++)
    {
      for (int i = 0; i < widths[k]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          parts[k] = parts[k] * 10 + (*p - '0');
        }
      if (k < 2 && *p++ != '-')
        return FALSE;
    }

  *year = parts[0];
  *month = parts[1];
  *day = parts[2];
  return TRUE;
}

/*
 * under18_on:
 * Whether someone born on @birth is not yet 18 on @day (both ISO dates): 1,
 * 0, or HP_UNSET without a birth date. The C twin of
 * HP_SQL_UNDER18_CUTOFF, which the plan and the class lists use per school:
 * born after the day 18 years before; for a hand-over on 29 February that day
 * is 28 February (18 years before a leap year is never one).
 */
static int
under18_on (const char *birth,
            const char *day)
{
  int by, bm, bd, y, m, d;

  if (birth == NULL || day == NULL || !parse_iso_day (birth, &by, &bm, &bd) || !parse_iso_day (day, &y, &m, &d))
    return HP_UNSET;

  y -= 18;
  if (m == 2 && d == 29)
    d = 28;

  if (by != y)
    return by > y;
  if (bm != m)
    return bm > m;
  return bd > d;
}

static gpointer
read_graduate (sqlite3_stmt *stmt)
{
  HpGraduate *graduate = hp_graduate_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));

  hp_graduate_set_id (graduate, sqlite3_column_int64 (stmt, 0));
  hp_graduate_set_school_name (graduate, _hp_column_text (stmt, 3));
  hp_graduate_set_last_name (graduate, _hp_column_text (stmt, 4));
  hp_graduate_set_first_name (graduate, _hp_column_text (stmt, 5));
  hp_graduate_set_class_name (graduate, _hp_column_text (stmt, 6));
  hp_graduate_set_birth_date (graduate, _hp_column_text (stmt, 7));
  hp_graduate_set_consent_date (graduate, _hp_column_text (stmt, 8));
  hp_graduate_set_consent_source (graduate, _hp_column_text (stmt, 9));
  hp_graduate_set_pack_received (graduate, sqlite3_column_int (stmt, 10) != 0);
  hp_graduate_set_email (graduate, _hp_column_text (stmt, 14));
  hp_graduate_set_phone (graduate, _hp_column_text (stmt, 15));

  /* After a purge the birth date is gone; the flag it gave is kept. */
  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL && sqlite3_column_type (stmt, 16) != SQLITE_NULL)
    {
      hp_graduate_set_under18 (graduate, sqlite3_column_int (stmt, 16) != 0);
      return graduate;
    }

  /* the school's hand-over day, else the campaign's, else 30 June */
  {
    const char *day = _hp_column_text (stmt, 11);
    char june[16];

    if (day == NULL)
      day = _hp_column_text (stmt, 12);
    if (day == NULL)
      {
        g_snprintf (june, sizeof june, "%04d-06-30", sqlite3_column_int (stmt, 13));
        day = june;
      }
    hp_graduate_set_under18 (graduate, under18_on (_hp_column_text (stmt, 7), day));
  }
  return graduate;
}

static gboolean
validate_graduate (HpStore     *self,
                   HpGraduate  *graduate,
                   GError     **error)
{
  gint64 exists = 0;

  if (!_hp_store_check_date (hp_graduate_get_birth_date (graduate), _("The birth date"), error) ||
      !_hp_store_check_date (hp_graduate_get_consent_date (graduate), _("The consent date"), error))
    return FALSE;

  if (!_hp_store_check_contact (hp_graduate_get_email (graduate), hp_graduate_get_phone (graduate),
                                hp_graduate_get_consent_date (graduate), hp_graduate_get_consent_source (graduate),
                                error))
    return FALSE;

  /* Checked here rather than left to the foreign key, so the message can say
   * which one is missing. Cheap: both are primary-key look-ups. */
  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM school WHERE id = ?1",
                              hp_graduate_get_school_id (graduate), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_SCHOOL, hp_graduate_get_school_id (graduate), error);

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM campaign WHERE id = ?1",
                              hp_graduate_get_campaign_id (graduate), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, hp_graduate_get_campaign_id (graduate), error);

  return TRUE;
}

static void
bind_graduate (sqlite3_stmt *stmt,
               HpGraduate   *graduate)
{
  sqlite3_bind_int64 (stmt, 1, hp_graduate_get_campaign_id (graduate));
  sqlite3_bind_int64 (stmt, 2, hp_graduate_get_school_id (graduate));
  _hp_bind_text (stmt, 3, hp_graduate_get_last_name (graduate));
  _hp_bind_text (stmt, 4, hp_graduate_get_first_name (graduate));
  _hp_bind_text (stmt, 5, hp_graduate_get_class_name (graduate));
  _hp_bind_text (stmt, 6, hp_graduate_get_birth_date (graduate));
  _hp_bind_text (stmt, 7, hp_graduate_get_consent_date (graduate));
  _hp_bind_text (stmt, 8, hp_graduate_get_consent_source (graduate));
  sqlite3_bind_int (stmt, 9, hp_graduate_get_pack_received (graduate) ? 1 : 0);
  _hp_bind_text (stmt, 10, hp_graduate_get_email (graduate));
  _hp_bind_text (stmt, 11, hp_graduate_get_phone (graduate));
}

GListModel *
hp_store_list_graduates (HpStore  *self,
                         gint64    campaign_id,
                         gint64    school_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, GRADUATE_SELECT GRADUATE_WHERE_ORDER, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  return _hp_store_collect (self, stmt, HP_TYPE_GRADUATE, read_graduate, error);
}

gboolean
hp_store_stream_graduates (HpStore           *self,
                           gint64             campaign_id,
                           gint64             school_id,
                           guint              batch_size,
                           HpStoreBatchFunc   func,
                           gpointer           user_data,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  int rc = SQLITE_ROW;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch_size > 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _hp_store_prepare_owned (self, GRADUATE_SELECT GRADUATE_WHERE_ORDER, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);

  for (;;)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      batch = g_ptr_array_new_full (batch_size, g_object_unref);
      while (batch->len < batch_size && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (batch, read_graduate (stmt));

      if (batch->len < batch_size && rc != SQLITE_DONE)
        return _hp_store_set_error (self, rc, error);

      if (batch->len > 0 && !func (g_steal_pointer (&batch), user_data))
        return TRUE;

      if (rc == SQLITE_DONE)
        return TRUE;

      g_clear_pointer (&batch, g_ptr_array_unref);
    }
}

gint64
hp_store_count_graduates (HpStore  *self,
                          gint64    campaign_id,
                          gint64    school_id,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), -1);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT count(*) FROM graduate WHERE campaign_id = ?1 AND (?2 = 0 OR school_id = ?2)",
                                  error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _hp_store_set_error (self, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

HpGraduate *
hp_store_get_graduate (HpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, GRADUATE_SELECT "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _hp_store_get_one (self, stmt, read_graduate, HP_RECORD_GRADUATE, id, error);
}

gboolean
hp_store_add_graduate (HpStore     *self,
                       HpGraduate  *graduate,
                       GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_GRADUATE (graduate), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_graduate (self, graduate, error))
    return FALSE;

  if (!_hp_store_insert_row (self, HP_RECORD_GRADUATE,
                             "INSERT INTO graduate (campaign_id, school_id, last_name, first_name, class, birth_date, "
                             "  consent_date, consent_source, pack_received, email, phone) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                             (HpRowBinder) bind_graduate, graduate, &id, error))
    return FALSE;

  hp_graduate_set_id (graduate, id);
  return TRUE;
}

gboolean
hp_store_update_graduate (HpStore     *self,
                          HpGraduate  *graduate,
                          GError     **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_GRADUATE (graduate), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_graduate (self, graduate, error))
    return FALSE;

  return _hp_store_update_row (self,
                               "UPDATE graduate SET campaign_id = ?1, school_id = ?2, last_name = ?3, first_name = ?4, "
                               "  class = ?5, birth_date = ?6, consent_date = ?7, consent_source = ?8, "
                               "  pack_received = ?9, email = ?10, phone = ?11 WHERE id = ?12",
                               (HpRowBinder) bind_graduate, graduate,
                               HP_RECORD_GRADUATE, hp_graduate_get_id (graduate), error);
}

gboolean
hp_store_remove_graduate (HpStore  *self,
                          gint64    id,
                          GError  **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  return _hp_store_delete_row (self, "DELETE FROM graduate WHERE id = ?1", HP_RECORD_GRADUATE, id, error);
}

gboolean
hp_store_set_packs_received (HpStore       *self,
                             const gint64  *ids,
                             guint          n_ids,
                             gboolean       received,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;
  if (n_ids == 0)
    return TRUE;

  if (!hp_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      stmt = _hp_store_prepare (self, "UPDATE graduate SET pack_received = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int (stmt, 2, received ? 1 : 0);
      if (!_hp_store_step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
        {
          _hp_store_not_found (HP_RECORD_GRADUATE, ids[i], error);
          goto fail;
        }
    }

  _hp_store_note_change (self, HP_RECORD_GRADUATE);
  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* For the importer                                                          */

static void
bind_static (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

gboolean
_hp_store_insert_graduate_row (HpStore     *self,
                               gint64       campaign_id,
                               gint64       school_id,
                               const char  *last_name,
                               const char  *first_name,
                               const char  *class_name,
                               const char  *birth_date,
                               const char  *consent_date,
                               const char  *consent_source,
                               const char  *email,
                               const char  *phone,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  stmt = _hp_store_prepare (self,
                            "INSERT INTO graduate (campaign_id, school_id, last_name, first_name, class, birth_date, "
                            "  consent_date, consent_source, email, phone) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* Hold the connection's (recursive) mutex across the row: each bind would
   * take it otherwise, which costs more than the insert at 350,000 rows. */
  sqlite3_mutex_enter (sqlite3_db_mutex (sqlite3_db_handle (stmt)));
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  /* SQLITE_STATIC: the strings outlive the step (the statement is reset
   * before this returns), so SQLite need not copy them. */
  bind_static (stmt, 3, last_name);
  bind_static (stmt, 4, first_name);
  bind_static (stmt, 5, class_name);
  bind_static (stmt, 6, birth_date);
  bind_static (stmt, 7, consent_date);
  bind_static (stmt, 8, consent_source);
  bind_static (stmt, 9, email);
  bind_static (stmt, 10, phone);
  ok = _hp_store_step_done (self, stmt, error);
  sqlite3_mutex_leave (sqlite3_db_mutex (sqlite3_db_handle (stmt)));
  if (!ok)
    return FALSE;

  _hp_store_note_change (self, HP_RECORD_GRADUATE);
  return TRUE;
}

HpSchool *
_hp_store_get_campaign_school (HpStore  *self,
                               gint64    campaign_id,
                               gint64    school_id,
                               GError  **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, SCHOOL_SELECT "WHERE s.id = ?2", error);
  HpSchool *school;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  school = _hp_store_get_one (self, stmt, read_school, HP_RECORD_SCHOOL, school_id, error);
  /* Release the statement's read lock (cached statements live long) */
  sqlite3_reset (stmt);
  return school;
}

/* FNV-1a, 64 bit */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static guint64
hash_bytes (guint64     hash,
            const char *data,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    hash = (hash ^ (guchar) data[i]) * FNV_PRIME;

  return hash;
}

static guint64
hash_folded (guint64     hash,
             const char *text)
{
  gboolean ascii = TRUE;

  if (text == NULL)
    return hash_bytes (hash, "\x1f", 1);

  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    for (const char *p = text; *p; p++)
      hash = (hash ^ (guchar) g_ascii_tolower (*p)) * FNV_PRIME;
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      hash = hash_bytes (hash, folded, strlen (folded));
    }

  return hash_bytes (hash, "\x1f", 1);
}

guint64
_hp_store_graduate_key (gint64       school_id,
                        const char  *last_name,
                        const char  *first_name,
                        const char  *birth_date)
{
  guint64 hash = FNV_OFFSET;

  if ((last_name == NULL || *last_name == '\0') && (first_name == NULL || *first_name == '\0'))
    return 0;

  hash = hash_bytes (hash, (const char *) &school_id, sizeof school_id);
  hash = hash_folded (hash, last_name);
  hash = hash_folded (hash, first_name);
  hash = hash_bytes (hash, birth_date ? birth_date : "", birth_date ? strlen (birth_date) : 0);

  /* 0 means "no key" */
  return hash != 0 ? hash : 1;
}

GHashTable *
_hp_store_graduate_keys (HpStore  *self,
                         gint64    campaign_id,
                         GError  **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT school_id, last_name, first_name, birth_date FROM graduate "
                                  "WHERE campaign_id = ?1",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 key = _hp_store_graduate_key (sqlite3_column_int64 (stmt, 0), _hp_column_text (stmt, 1),
                                            _hp_column_text (stmt, 2), _hp_column_text (stmt, 3));

      if (key != 0)
        g_hash_table_add (keys, HP_GRADUATE_KEY_TO_POINTER (key));
    }

  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}
