/* hp-store-schema.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema and its migrations, in one place. A file's `PRAGMA user_version`
 * says how many migrations it has seen; opening read-write runs the missing
 * ones in one transaction. `PRAGMA application_id` marks the file as ours so
 * that another program's SQLite file is refused instead of "migrated".
 *
 * Rules for the next person: never edit a migration that has shipped; append
 * one, and raise HP_STORE_SCHEMA_VERSION in hp-store.h to its number.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hp-store-private.h"

/* "HPK1" */
#define HP_APPLICATION_ID 0x48504B31

/* Money in integer cents, dates as ISO-8601 text, codes as TEXT so that
 * leading zeros survive. Deleting is RESTRICTed wherever a user could lose
 * data by accident; only what belongs to a campaign cascades with it. */
static const char migration_1[] =
  "CREATE TABLE campaign ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),"
  "  handover_date TEXT CHECK (handover_date IS NULL OR date(handover_date) = handover_date),"
  "  spare_percent INTEGER NOT NULL DEFAULT 5 CHECK (spare_percent BETWEEN 0 AND 100),"
  "  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE TABLE sponsor ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL CHECK (name <> ''),"
  "  contact TEXT, phone TEXT, email TEXT, address TEXT, notes TEXT"
  ");"
  "CREATE TABLE product ("
  "  id          INTEGER PRIMARY KEY,"
  "  sponsor_id  INTEGER NOT NULL REFERENCES sponsor (id) ON DELETE RESTRICT,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),"
  "  adult_only  INTEGER NOT NULL DEFAULT 0 CHECK (adult_only IN (0, 1)),"
  "  best_before TEXT CHECK (best_before IS NULL OR date(best_before) = best_before),"
  "  notes       TEXT"
  ");"
  "CREATE INDEX product_sponsor ON product (sponsor_id);"
  "CREATE TABLE pledge ("
  "  id          INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  product_id  INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  quantity    INTEGER NOT NULL CHECK (quantity >= 0),"
  "  due_date    TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),"
  "  confirmed   INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),"
  "  UNIQUE (campaign_id, product_id)"
  ");"
  "CREATE INDEX pledge_product ON pledge (product_id);"
  "CREATE TABLE receipt ("
  "  id          INTEGER PRIMARY KEY,"
  "  pledge_id   INTEGER NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,"
  "  received_on TEXT NOT NULL CHECK (date(received_on) = received_on),"
  "  quantity    INTEGER NOT NULL CHECK (quantity > 0),"
  "  note        TEXT"
  ");"
  "CREATE INDEX receipt_pledge ON receipt (pledge_id);"
  "CREATE TABLE recipe_item ("
  "  campaign_id  INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  product_id   INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  per_standard INTEGER NOT NULL DEFAULT 0 CHECK (per_standard >= 0),"
  "  per_under18  INTEGER NOT NULL DEFAULT 0 CHECK (per_under18 >= 0),"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (campaign_id, product_id)"
  ");"
  "CREATE INDEX recipe_item_product ON recipe_item (product_id);"
  "CREATE TABLE school ("
  "  id              INTEGER PRIMARY KEY,"
  "  number          TEXT NOT NULL UNIQUE CHECK (number <> ''),"
  "  name            TEXT NOT NULL CHECK (name <> ''),"
  "  street TEXT, postcode TEXT, town TEXT, district_key TEXT, school_form TEXT,"
  "  contact_teacher TEXT, email TEXT, phone TEXT"
  ");"
  "CREATE TABLE campaign_school ("
  "  campaign_id        INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  school_id          INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  expected_graduates INTEGER CHECK (expected_graduates >= 0),"
  "  under18_expected   INTEGER CHECK (under18_expected >= 0),"
  "  handover_at        TEXT,"
  "  PRIMARY KEY (campaign_id, school_id)"
  ");"
  "CREATE INDEX campaign_school_school ON campaign_school (school_id);"
  "CREATE TABLE graduate ("
  "  id             INTEGER PRIMARY KEY,"
  "  campaign_id    INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  school_id      INTEGER NOT NULL REFERENCES school (id) ON DELETE RESTRICT,"
  "  last_name      TEXT,"
  "  first_name     TEXT,"
  "  class          TEXT,"
  "  birth_date     TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),"
  "  consent_date   TEXT CHECK (consent_date IS NULL OR date(consent_date) = consent_date),"
  "  consent_source TEXT,"
  "  pack_received  INTEGER NOT NULL DEFAULT 0 CHECK (pack_received IN (0, 1))"
  ");"
  /* One index for graduates: every look-up names the campaign. Removing a
   * school (rare) scans them instead of slowing down every import. */
  "CREATE INDEX graduate_campaign_school ON graduate (campaign_id, school_id);";

static const char * const migrations[] = {
  migration_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HP_STORE_SCHEMA_VERSION);

static gboolean
not_heimpack_error (const char  *path,
                    GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_HEIMPACK,
               _("“%s” is not a Heimpack database."), name);
  return FALSE;
}

static gboolean
read_pragma (sqlite3     *db,
             const char  *sql,
             gint64      *out_value,
             int         *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out_rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*out_rc != SQLITE_OK)
    return FALSE;

  *out_rc = sqlite3_step (stmt);
  if (*out_rc != SQLITE_ROW)
    return FALSE;

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/*
 * _hp_store_inspect_file:
 * Looks at an existing file through a read-only connection, so that a file we
 * must refuse is never written to: not by a migration, not by switching the
 * journal mode. Returns its schema version, or an error for a file that is
 * too new or not ours. A 0-byte file is a fresh database (version 0).
 */
gboolean
_hp_store_inspect_file (const char  *path,
                        int         *out_version,
                        GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_objects = 0;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), name,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }

  if (!read_pragma (db, "PRAGMA user_version", &version, &rc) ||
      !read_pragma (db, "PRAGMA application_id", &app_id, &rc) ||
      !read_pragma (db, "SELECT count(*) FROM sqlite_master", &n_objects, &rc))
    {
      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        not_heimpack_error (path, error);
      else
        g_set_error (error, HP_STORE_ERROR,
                     rc == SQLITE_BUSY ? HP_STORE_ERROR_BUSY : HP_STORE_ERROR_FAILED,
                     _("Could not read “%s”: %s"), name, sqlite3_errmsg (db));
      goto out;
    }

  if (app_id != HP_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      not_heimpack_error (path, error);
      goto out;
    }

  if (version > HP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Heimpack (database version %d; "
                     "this version knows up to %d). Please update Heimpack; the file was not changed."),
                   name, (int) version, HP_STORE_SCHEMA_VERSION);
      goto out;
    }

  *out_version = (int) version;
  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

static gboolean
exec (HpStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _hp_store_set_error (self, rc, error);

  return TRUE;
}

/*
 * _hp_store_migrate:
 * Brings an open read-write store to HP_STORE_SCHEMA_VERSION, all steps in
 * one transaction: a failed migration leaves the file as it was.
 */
gboolean
_hp_store_migrate (HpStore  *self,
                   GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_app_id = NULL;

  if (self->schema_version >= HP_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!hp_store_begin (self, error))
    return FALSE;

  for (int v = self->schema_version; v < HP_STORE_SCHEMA_VERSION; v++)
    {
      g_debug ("Migrating %s to schema version %d", self->path, v + 1);
      if (!exec (self, migrations[v], error))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), v + 1);
          hp_store_rollback (self);
          return FALSE;
        }
    }

  /* PRAGMAs take no bound parameters; both values are our own integers. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", HP_STORE_SCHEMA_VERSION);
  set_app_id = g_strdup_printf ("PRAGMA application_id = %d", HP_APPLICATION_ID);
  if (!exec (self, set_version, error) || !exec (self, set_app_id, error))
    {
      hp_store_rollback (self);
      return FALSE;
    }

  if (!hp_store_commit (self, error))
    return FALSE;

  self->schema_version = HP_STORE_SCHEMA_VERSION;
  return TRUE;
}
