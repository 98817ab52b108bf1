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

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-item.h"
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

/* Version 2: items. A pack holds items ("Apfelschorle 0,33 l"), whoever
 * gives them; a product becomes one sponsor's gift of an item and keeps what
 * is the sponsor's (value, best-before date, pledges, receipts). The pack
 * contents move from products to items (pack_line), and a school's list of
 * graduates can be marked complete. migrate_to_items() does the rest in C,
 * because item names are compared by a key SQLite cannot make. */
static const char migration_2[] =
  "CREATE TABLE item ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL CHECK (name <> ''),"
  "  name_key   TEXT NOT NULL UNIQUE CHECK (name_key <> ''),"
  "  adult_only INTEGER NOT NULL DEFAULT 0 CHECK (adult_only IN (0, 1))"
  ");"
  "ALTER TABLE product ADD COLUMN item_id INTEGER REFERENCES item (id) ON DELETE RESTRICT;"
  "CREATE TABLE pack_line ("
  "  campaign_id  INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  item_id      INTEGER NOT NULL REFERENCES item (id) ON DELETE RESTRICT,"
  "  per_standard INTEGER NOT NULL DEFAULT 0 CHECK (per_standard >= 0),"
  "  per_under18  INTEGER NOT NULL DEFAULT 0 CHECK (per_under18 >= 0),"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (campaign_id, item_id)"
  ");"
  "CREATE INDEX pack_line_item ON pack_line (item_id);"
  "ALTER TABLE campaign_school ADD COLUMN list_complete INTEGER NOT NULL DEFAULT 0 "
  "  CHECK (list_complete IN (0, 1));";

/* After migrate_to_items(): the product's own name and flag are the item's
 * now. ALTER TABLE cannot add NOT NULL to item_id; the triggers hold it. */
static const char migration_2_end[] =
  "DROP TABLE recipe_item;"
  "ALTER TABLE product DROP COLUMN name;"
  "ALTER TABLE product DROP COLUMN adult_only;"
  "CREATE INDEX product_item ON product (item_id);"
  "CREATE TRIGGER product_item_required BEFORE INSERT ON product WHEN NEW.item_id IS NULL "
  "  BEGIN SELECT RAISE (ABORT, 'NOT NULL constraint failed: product.item_id'); END;"
  "CREATE TRIGGER product_item_kept BEFORE UPDATE OF item_id ON product WHEN NEW.item_id IS NULL "
  "  BEGIN SELECT RAISE (ABORT, 'NOT NULL constraint failed: product.item_id'); END;"
  /* The plan counts each school's graduates and those under 18 by birth
   * date: with the birth date in the index it reads the index alone, not
   * every graduate's row (national scale: 125 → about 55 ms). */
  "DROP INDEX graduate_campaign_school;"
  "CREATE INDEX graduate_campaign_school ON graduate (campaign_id, school_id, birth_date);";

/* Version 3: after the drive. Hand-overs record the packs delivered to a
 * school, signed for there (date, or date and time, as `YYYY-MM-DDTHH:MM`).
 * A graduate's e-mail address and phone number are stored only with a
 * consent date and source (CHECK constraints hold that for every writer). A
 * campaign records when its personal data was purged. */
static const char migration_3[] =
  "CREATE TABLE handover ("
  "  id             INTEGER PRIMARY KEY,"
  "  campaign_id    INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  school_id      INTEGER NOT NULL REFERENCES school (id) ON DELETE RESTRICT,"
  "  handed_over_at TEXT NOT NULL CHECK (date(substr(handed_over_at, 1, 10)) = substr(handed_over_at, 1, 10)),"
  "  standard       INTEGER NOT NULL DEFAULT 0 CHECK (standard >= 0),"
  "  under18        INTEGER NOT NULL DEFAULT 0 CHECK (under18 >= 0),"
  "  received_by    TEXT,"
  "  note           TEXT,"
  "  CHECK (standard + under18 > 0)"
  ");"
  "CREATE INDEX handover_campaign_school ON handover (campaign_id, school_id);"
  "CREATE INDEX handover_school ON handover (school_id);"
  /* CHECKs, not triggers: a trigger's program on every insert made a
   * 300,000-row import 12 % slower */
  "ALTER TABLE graduate ADD COLUMN email TEXT CONSTRAINT email_needs_consent "
  "  CHECK (email IS NULL OR (consent_date IS NOT NULL AND consent_source IS NOT NULL));"
  "ALTER TABLE graduate ADD COLUMN phone TEXT CONSTRAINT phone_needs_consent "
  "  CHECK (phone IS NULL OR (consent_date IS NOT NULL AND consent_source IS NOT NULL));"
  "ALTER TABLE campaign ADD COLUMN purged_at TEXT;";

/* Version 4: the purge (hp_store_purge()) clears a non-consenting
 * graduate's birth date, but the plan still counts the graduate as under 18
 * or not: the flag on the hand-over day is kept in purged_under18 (NULL
 * while the birth date is there). In the index beside the birth date, with
 * the "pack received" tick the plan counts as handed out, so that the
 * plan's count still reads the index alone. */
static const char migration_4[] =
  "ALTER TABLE graduate ADD COLUMN purged_under18 INTEGER CHECK (purged_under18 IS NULL OR purged_under18 IN (0, 1));"
  "DROP INDEX graduate_campaign_school;"
  "CREATE INDEX graduate_campaign_school ON graduate (campaign_id, school_id, birth_date, purged_under18, "
  "  pack_received);";

/* Version 5: the agency that runs the drive (name and address at the top
 * of the delivery sheets) is the file's, no longer each user's settings:
 * one row, id 1, made here so that reading it never finds none. */
static const char migration_5[] =
  "CREATE TABLE agency ("
  "  id       INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name     TEXT,"
  "  street   TEXT,"
  "  postcode TEXT,"
  "  town     TEXT,"
  "  phone    TEXT,"
  "  email    TEXT"
  ");"
  "INSERT INTO agency (id) VALUES (1);";

static gboolean
exec (HpStore     *self,
      const char  *sql,
      GError     **error);

static gboolean
migrate_to_items (HpStore  *self,
                  GError  **error);

typedef struct
{
  const char *sql;
  gboolean  (*func) (HpStore *self, GError **error);
  const char *sql_end;
} Migration;

static const Migration migrations[] = {
  { migration_1, NULL, NULL },
  { migration_2, migrate_to_items, migration_2_end },
  { migration_3, NULL, NULL },
  { migration_4, NULL, NULL },
  { migration_5, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HP_STORE_SCHEMA_VERSION);

static void
add_note (HpStore    *self,
          const char *note)
{
  if (self->migration_notes == NULL)
    self->migration_notes = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_ptr_array_add (self->migration_notes, g_strdup (note));
}

static gboolean
step_error (HpStore  *self,
            int       rc,
            GError  **error)
{
  return _hp_store_set_error (self, rc, error);
}

/* Each product's name becomes an item, products whose names have the same
 * key (hp_item_name_key()) share one, named as the oldest product; an item
 * is 18+ if any of its products was. */
static gboolean
make_items (HpStore  *self,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) products = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(sqlite3_stmt) adult = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if ((rc = sqlite3_prepare_v2 (self->main.db, "SELECT id, name, adult_only FROM product ORDER BY id", -1,
                                &products, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (self->main.db, "INSERT INTO item (name, name_key) VALUES (?1, ?2)", -1,
                                &insert, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (self->main.db, "UPDATE product SET item_id = ?1 WHERE id = ?2", -1,
                                &link, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (self->main.db, "UPDATE item SET adult_only = 1 WHERE id = ?1", -1,
                                &adult, NULL)) != SQLITE_OK)
    return step_error (self, rc, error);

  while ((rc = sqlite3_step (products)) == SQLITE_ROW)
    {
      const char *name = _hp_column_text (products, 1);
      g_autofree char *key = hp_item_name_key (name);
      g_autofree char *unnamed = NULL;
      gpointer found = NULL;
      gint64 item_id;

      /* Version 1 took a name of blanks, which makes no item key: such a
       * product gets an item of its own, named after its number. */
      if (*key == '\0')
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (products, 0));

          unnamed = g_strdup_printf (_("Product without a name (no. %s)"), number);
          name = unnamed;
          g_free (key);
          key = hp_item_name_key (name);
        }

      if (!g_hash_table_lookup_extended (items, key, NULL, &found))
        {
          g_autofree char *trimmed = hp_item_name_trim (name);

          sqlite3_reset (insert);
          _hp_bind_text (insert, 1, trimmed);
          _hp_bind_text (insert, 2, key);
          if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
            return step_error (self, rc, error);
          item_id = sqlite3_last_insert_rowid (self->main.db);
          g_hash_table_insert (items, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) item_id));
        }
      else
        item_id = (gint64) GPOINTER_TO_SIZE (found);

      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, item_id);
      sqlite3_bind_int64 (link, 2, sqlite3_column_int64 (products, 0));
      if ((rc = sqlite3_step (link)) != SQLITE_DONE)
        return step_error (self, rc, error);

      if (sqlite3_column_int (products, 2) != 0)
        {
          sqlite3_reset (adult);
          sqlite3_bind_int64 (adult, 1, item_id);
          if ((rc = sqlite3_step (adult)) != SQLITE_DONE)
            return step_error (self, rc, error);
        }
    }

  return rc == SQLITE_DONE ? TRUE : step_error (self, rc, error);
}

/* Says which 18+ items leave an under-18 pack: a product that was not 18+
 * was in it, and another sponsor's product of the same name was 18+. */
static gboolean
note_adult_lines (HpStore  *self,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->main.db,
                           "SELECT i.name, c.name, sum(ri.per_under18) "
                           "FROM recipe_item ri JOIN product p ON p.id = ri.product_id "
                           "JOIN item i ON i.id = p.item_id JOIN campaign c ON c.id = ri.campaign_id "
                           "WHERE i.adult_only = 1 GROUP BY ri.campaign_id, i.id "
                           "HAVING sum(ri.per_under18) > 0 ORDER BY c.year, c.id, i.name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return step_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "“%s” is for adults only (a sponsor’s product of that name was "
                                           "marked 18+), so its %d piece left the under-18 pack of “%s”.",
                                           "“%s” is for adults only (a sponsor’s product of that name was "
                                           "marked 18+), so its %d pieces left the under-18 pack of “%s”.",
                                           sqlite3_column_int (stmt, 2)),
                              _hp_column_text (stmt, 0), sqlite3_column_int (stmt, 2),
                              _hp_column_text (stmt, 1));
      add_note (self, note);
    }

  return rc == SQLITE_DONE ? TRUE : step_error (self, rc, error);
}

/* The recipe of products becomes the pack contents of items: lines of
 * products of one item add up, so each pack holds what it held, except that
 * an 18+ item leaves the under-18 pack; a line left empty goes. */
static gboolean
migrate_to_items (HpStore  *self,
                  GError  **error)
{
  return make_items (self, error) &&
         note_adult_lines (self, error) &&
         exec (self,
               "INSERT INTO pack_line (campaign_id, item_id, per_standard, per_under18, position) "
               "SELECT ri.campaign_id, p.item_id, sum(ri.per_standard), "
               "  CASE WHEN i.adult_only THEN 0 ELSE sum(ri.per_under18) END, min(ri.position) "
               "FROM recipe_item ri JOIN product p ON p.id = ri.product_id JOIN item i ON i.id = p.item_id "
               "GROUP BY ri.campaign_id, p.item_id;"
               "DELETE FROM pack_line WHERE per_standard = 0 AND per_under18 = 0;",
               error);
}

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
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_objects = 0;
  int probe_rc = SQLITE_OK;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK && !read_pragma (db, "PRAGMA user_version", &version, &probe_rc) &&
      ((probe_rc & 0xff) == SQLITE_CANTOPEN || (probe_rc & 0xff) == SQLITE_READONLY) &&
      (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0))
    {
      /* A WAL file on read-only media or in a folder we cannot write to:
       * SQLite cannot make its -shm file, so it only reads the file as
       * immutable. Enough to look at its header;
       * nothing else is read this way. */
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri ? uri : "", "?immutable=1", NULL);

      sqlite3_close (db);
      db = NULL;
      rc = uri != NULL ? sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
                       : SQLITE_CANTOPEN;
    }
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
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        not_heimpack_error (path, error);
      else if ((rc & 0xff) == SQLITE_READONLY && g_file_test (journal, G_FILE_TEST_EXISTS))
        /* A hot journal: a program was stopped in the middle of a change,
         * and only a writable open rolls it back (as SQLite does then, to
         * the last state saved). The caller may open it so. */
        g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY,
                     _("“%s” was left in the middle of a change by a program that was stopped; it must be "
                       "opened for changes once, which takes it back to its last saved state."),
                     name);
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
  int rc = sqlite3_exec (self->main.db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _hp_store_set_error (self, rc, error);

  return TRUE;
}

/* Copies the file as it is into `NAME.backups/` beside it, as every backup
 * is made (hp-store-backup.c), so that an older file can be had back after
 * the upgrade. */
static gboolean
backup_before_upgrade (HpStore  *self,
                       GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = _hp_store_backup_before_upgrade (self, &local_error);
  g_autofree char *display = NULL;
  g_autofree char *note = NULL;

  if (path == NULL)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Could not back up the file before upgrading it: %s"), local_error->message);
      return FALSE;
    }

  display = g_filename_display_name (path);
  note = g_strdup_printf (_("The file was upgraded for this version of Heimpack; a copy of it as it was is in “%s”."),
                          display);
  add_note (self, note);
  g_free (self->upgrade_backup);
  self->upgrade_backup = g_steal_pointer (&path);
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

  /* A file of an older Heimpack (not a new, empty one) is kept as it was. */
  if (self->schema_version > 0 && !g_str_equal (self->path, ":memory:") &&
      !backup_before_upgrade (self, error))
    return FALSE;

  if (!hp_store_begin (self, error))
    return FALSE;

  for (int v = self->schema_version; v < HP_STORE_SCHEMA_VERSION; v++)
    {
      const Migration *m = &migrations[v];

      g_debug ("Migrating %s to schema version %d", self->path, v + 1);
      if (!exec (self, m->sql, error) ||
          (m->func != NULL && !m->func (self, error)) ||
          (m->sql_end != NULL && !exec (self, m->sql_end, error)))
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
