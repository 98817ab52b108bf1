/* hp-store-agency.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agency that runs the drive, as printed on the delivery sheets: the
 * file's one `agency` row (schema version 5), so that the header travels
 * with the drive's data instead of staying in one user's settings.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-agency.h"
#include "heimpack/hp-format.h"
#include "hp-store-private.h"

HpAgency *
hp_store_get_agency (HpStore  *self,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HpAgency) agency = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, "SELECT name, street, postcode, town, phone, email FROM agency WHERE id = 1",
                                  error);
  if (stmt == NULL)
    return NULL;

  agency = hp_agency_new ();
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      hp_agency_set_name (agency, _hp_column_text (stmt, 0));
      hp_agency_set_street (agency, _hp_column_text (stmt, 1));
      hp_agency_set_postcode (agency, _hp_column_text (stmt, 2));
      hp_agency_set_town (agency, _hp_column_text (stmt, 3));
      hp_agency_set_phone (agency, _hp_column_text (stmt, 4));
      hp_agency_set_email (agency, _hp_column_text (stmt, 5));
    }
  else if (rc != SQLITE_DONE)
    {
      /* no row (someone deleted it with another program) reads as empty */
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&agency);
}

/* Trimmed, "" as NULL: what is stored. */
static char *
clean (const char *value)
{
  char *copy = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gboolean
hp_store_set_agency (HpStore   *self,
                     HpAgency  *agency,
                     GError   **error)
{
  g_autoptr(HpAgency) current = NULL;
  g_autofree char *name = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *town = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  const char *fields[6];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_AGENCY (agency), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  fields[0] = name = clean (hp_agency_get_name (agency));
  fields[1] = street = clean (hp_agency_get_street (agency));
  fields[2] = postcode = clean (hp_agency_get_postcode (agency));
  fields[3] = town = clean (hp_agency_get_town (agency));
  fields[4] = phone = clean (hp_agency_get_phone (agency));
  fields[5] = email = clean (hp_agency_get_email (agency));

  if (!hp_email_is_plausible (fields[5]))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address."), fields[5]);
      return FALSE;
    }

  /* Nothing to write, nothing to announce: the preferences save as the
   * user types, and an unchanged field must not wake every view. */
  current = hp_store_get_agency (self, error);
  if (current == NULL)
    return FALSE;
  if (g_strcmp0 (fields[0], hp_agency_get_name (current)) == 0 &&
      g_strcmp0 (fields[1], hp_agency_get_street (current)) == 0 &&
      g_strcmp0 (fields[2], hp_agency_get_postcode (current)) == 0 &&
      g_strcmp0 (fields[3], hp_agency_get_town (current)) == 0 &&
      g_strcmp0 (fields[4], hp_agency_get_phone (current)) == 0 &&
      g_strcmp0 (fields[5], hp_agency_get_email (current)) == 0)
    return TRUE;

  /* An upsert: a file whose row another program deleted gets it back. */
  stmt = _hp_store_prepare (self,
                            "INSERT INTO agency (id, name, street, postcode, town, phone, email) "
                            "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) "
                            "ON CONFLICT (id) DO UPDATE SET name = ?1, street = ?2, postcode = ?3, town = ?4, "
                            "  phone = ?5, email = ?6",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (int i = 0; i < 6; i++)
    _hp_bind_text (stmt, i + 1, fields[i]);

  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  _hp_store_note_change (self, HP_RECORD_AGENCY);
  return TRUE;
}
