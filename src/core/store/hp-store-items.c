/* hp-store-items.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items: the things that go into the pack, whoever gives them. An item is
 * found by its name key (hp_item_name_key(), stored in item.name_key), made
 * in C because SQLite's NOCASE folds ASCII only. Sponsors' gifts (products)
 * point at an item; the pack contents (pack_line) list items. Renaming keeps
 * everything with the item; merging moves the gifts and pack lines of one
 * item to another and adds up the pieces per pack of a campaign that had
 * both. Same rules as hp-store-rows.c: bound parameters only, reads on owned
 * statements, writes on cached ones.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-item.h"
#include "hp-store-private.h"

#define ITEM_SELECT \
  "SELECT i.id, i.name, i.adult_only, " \
  "  (SELECT count(*) FROM product p WHERE p.item_id = i.id), " \
  "  (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT s.name AS name FROM product p " \
  "     JOIN sponsor s ON s.id = p.sponsor_id WHERE p.item_id = i.id ORDER BY s.name COLLATE HP_NAME)), " \
  "  li.item_id IS NOT NULL, coalesce(li.per_standard, 0), coalesce(li.per_under18, 0), " \
  "  coalesce(li.position, 0), " \
  "  coalesce((SELECT sum(pl.quantity) FROM pledge pl JOIN product p ON p.id = pl.product_id " \
  "            WHERE p.item_id = i.id AND pl.campaign_id = ?1), 0), " \
  "  coalesce((SELECT sum(r.quantity) FROM receipt r JOIN pledge pl ON pl.id = r.pledge_id " \
  "            JOIN product p ON p.id = pl.product_id WHERE p.item_id = i.id AND pl.campaign_id = ?1), 0) " \
  "FROM item i LEFT JOIN pack_line li ON li.item_id = i.id AND li.campaign_id = ?1 "

static gpointer
read_item (sqlite3_stmt *stmt)
{
  HpItem *item = hp_item_new (_hp_column_text (stmt, 1));
  const char *names = _hp_column_text (stmt, 4);
  /* the names, split where group_concat() joined them (a unit separator,
   * which nobody types into a name; a ", " somebody might) */
  g_auto(GStrv) sponsors = names != NULL ? g_strsplit (names, "\x1f", -1) : NULL;

  hp_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  hp_item_set_adult_only (item, sqlite3_column_int (stmt, 2) != 0);
  hp_item_set_figures (item,
                       (guint) sqlite3_column_int (stmt, 3),
                       (const char * const *) sponsors,
                       sqlite3_column_int (stmt, 5) != 0,
                       (guint) sqlite3_column_int (stmt, 6),
                       (guint) sqlite3_column_int (stmt, 7),
                       sqlite3_column_int (stmt, 8),
                       sqlite3_column_int64 (stmt, 9),
                       sqlite3_column_int64 (stmt, 10));
  return item;
}

GListModel *
hp_store_list_items (HpStore  *self,
                     gint64    campaign_id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, ITEM_SELECT "ORDER BY i.name COLLATE HP_NAME, i.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_ITEM, read_item, error);
}

HpItem *
hp_store_get_item (HpStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, ITEM_SELECT "WHERE i.id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, 0);
  sqlite3_bind_int64 (stmt, 2, id);
  return _hp_store_get_one (self, stmt, read_item, HP_RECORD_ITEM, id, error);
}

HpItem *
hp_store_find_item (HpStore     *self,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = hp_item_name_key (name);
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, ITEM_SELECT "WHERE i.name_key = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, 0);
  _hp_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_item (stmt);
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
               _("There is no item “%s”."), name ? name : "");
  return NULL;
}

/* The id of the item with @key, or 0. */
static gboolean
lookup_key (HpStore     *self,
            const char  *key,
            gint64      *out_id,
            GError     **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, "SELECT id FROM item WHERE name_key = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _hp_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

static gboolean
check_adult_allowed (HpStore     *self,
                     gint64       item_id,
                     const char  *name,
                     GError     **error)
{
  gint64 in_u18_pack = 0;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM pack_line WHERE item_id = ?1 AND per_under18 > 0",
                              item_id, &in_u18_pack, error))
    return FALSE;

  if (in_u18_pack > 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” is in the under-18 pack, so it cannot be marked 18+. "
                     "Take it out of the under-18 pack first."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_adult_only (HpStore     *self,
                gint64       item_id,
                const char  *name,
                gboolean     adult_only,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (adult_only && !check_adult_allowed (self, item_id, name, error))
    return FALSE;

  stmt = _hp_store_prepare (self, "UPDATE item SET adult_only = ?2 WHERE id = ?1 AND adult_only <> ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int (stmt, 2, adult_only ? 1 : 0);
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) > 0)
    _hp_store_note_change (self, HP_RECORD_ITEM);
  return TRUE;
}

static gboolean
insert_item (HpStore     *self,
             const char  *name,
             const char  *key,
             gboolean     adult_only,
             gint64      *out_id,
             GError     **error)
{
  g_autofree char *trimmed = hp_item_name_trim (name);
  sqlite3_stmt *stmt;

  stmt = _hp_store_prepare (self, "INSERT INTO item (name, name_key, adult_only) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  _hp_bind_text (stmt, 1, trimmed);
  _hp_bind_text (stmt, 2, key);
  sqlite3_bind_int (stmt, 3, adult_only ? 1 : 0);
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  _hp_store_note_change (self, HP_RECORD_ITEM);
  return TRUE;
}

/*
 * _hp_store_ensure_item:
 * The item named @name, made if there is none yet. Its 18+ flag becomes
 * @adult_only if it is @current_item_id (the gift stays with its item);
 * otherwise it is only ever raised, never cleared.
 */
gboolean
_hp_store_ensure_item (HpStore     *self,
                       const char  *name,
                       gboolean     adult_only,
                       gint64       current_item_id,
                       gint64      *out_item_id,
                       GError     **error)
{
  g_autofree char *key = hp_item_name_key (name);
  gint64 id = 0;

  if (*key == '\0')
    return _hp_store_require_text (NULL, _("The item name"), error);

  if (!lookup_key (self, key, &id, error))
    return FALSE;

  if (id == 0)
    {
      if (!insert_item (self, name, key, adult_only, &id, error))
        return FALSE;
    }
  else if ((id == current_item_id || adult_only) &&
           !set_adult_only (self, id, name, adult_only, error))
    return FALSE;

  *out_item_id = id;
  return TRUE;
}

/*
 * _hp_store_drop_unused_item:
 * Removes an item that no gift and no pack line names any more (a gift
 * renamed away from a typo), so that the item lists stay clean.
 */
gboolean
_hp_store_drop_unused_item (HpStore  *self,
                            gint64    item_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = _hp_store_prepare (self,
                            "DELETE FROM item WHERE id = ?1 "
                            "AND NOT EXISTS (SELECT 1 FROM product WHERE item_id = ?1) "
                            "AND NOT EXISTS (SELECT 1 FROM pack_line WHERE item_id = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) > 0)
    _hp_store_note_change (self, HP_RECORD_ITEM);
  return TRUE;
}

static gboolean
duplicate_name_error (const char  *name,
                      GError     **error)
{
  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT,
               _("There is already an item “%s”. To make the two one item, merge them."), name);
  return FALSE;
}

gboolean
hp_store_add_item (HpStore  *self,
                   HpItem   *item,
                   GError  **error)
{
  g_autofree char *key = NULL;
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_ITEM (item), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_require_text (hp_item_get_name (item), _("The item name"), error))
    return FALSE;

  key = hp_item_name_key (hp_item_get_name (item));
  if (*key == '\0')
    return _hp_store_require_text (NULL, _("The item name"), error);
  if (!lookup_key (self, key, &id, error))
    return FALSE;
  if (id != 0)
    return duplicate_name_error (hp_item_get_name (item), error);

  if (!insert_item (self, hp_item_get_name (item), key, hp_item_get_adult_only (item), &id, error))
    return FALSE;

  hp_item_set_id (item, id);
  return TRUE;
}

gboolean
hp_store_update_item (HpStore  *self,
                      HpItem   *item,
                      GError  **error)
{
  g_autofree char *key = NULL;
  g_autofree char *trimmed = NULL;
  gint64 other = 0;
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_ITEM (item), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_require_text (hp_item_get_name (item), _("The item name"), error))
    return FALSE;

  id = hp_item_get_id (item);
  key = hp_item_name_key (hp_item_get_name (item));
  if (*key == '\0')
    return _hp_store_require_text (NULL, _("The item name"), error);
  if (!lookup_key (self, key, &other, error))
    return FALSE;
  if (other != 0 && other != id)
    return duplicate_name_error (hp_item_get_name (item), error);

  if (!hp_store_begin (self, error))
    return FALSE;

  trimmed = hp_item_name_trim (hp_item_get_name (item));
  stmt = _hp_store_prepare (self, "UPDATE item SET name = ?2, name_key = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  _hp_bind_text (stmt, 2, trimmed);
  _hp_bind_text (stmt, 3, key);
  if (!_hp_store_step_done (self, stmt, error) ||
      !_hp_store_check_changed (self, HP_RECORD_ITEM, id, error) ||
      !set_adult_only (self, id, hp_item_get_name (item), hp_item_get_adult_only (item), error))
    goto fail;

  /* Products and pack lines show the item's name. */
  _hp_store_note_change (self, HP_RECORD_ITEM);
  _hp_store_note_change (self, HP_RECORD_PRODUCT);
  _hp_store_note_change (self, HP_RECORD_RECIPE);
  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
}

/* Statements of a merge, in order; ?1 is the item that goes, ?2 the one that
 * stays. A campaign's pack line of the item that goes is added to the line
 * of the one that stays, or becomes it. */
static const char * const merge_steps[] = {
  "UPDATE item SET adult_only = 1 WHERE id = ?2 AND (SELECT adult_only FROM item WHERE id = ?1) = 1",
  "UPDATE pack_line AS keep SET "
  "  per_standard = keep.per_standard + gone.per_standard, "
  "  per_under18 = keep.per_under18 + gone.per_under18, "
  "  position = min (keep.position, gone.position) "
  "FROM pack_line AS gone WHERE keep.item_id = ?2 AND gone.item_id = ?1 AND gone.campaign_id = keep.campaign_id",
  "DELETE FROM pack_line WHERE item_id = ?1 "
  "  AND campaign_id IN (SELECT campaign_id FROM pack_line WHERE item_id = ?2)",
  "UPDATE pack_line SET item_id = ?2 WHERE item_id = ?1",
  "UPDATE product SET item_id = ?2 WHERE item_id = ?1",
  "DELETE FROM item WHERE id = ?1",
};

gboolean
hp_store_merge_items (HpStore  *self,
                      gint64    from_id,
                      gint64    into_id,
                      GError  **error)
{
  g_autoptr(HpItem) from = NULL;
  g_autoptr(HpItem) into = NULL;
  gint64 u18_lines = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  from = hp_store_get_item (self, from_id, error);
  if (from == NULL)
    return FALSE;
  into = hp_store_get_item (self, into_id, error);
  if (into == NULL)
    return FALSE;

  if (from_id == into_id)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” cannot be merged into itself."), hp_item_get_name (from));
      return FALSE;
    }

  /* The merged item is 18+ if either was; then it cannot stay in the
   * under-18 pack, which the user must settle first. */
  if (hp_item_get_adult_only (from) != hp_item_get_adult_only (into))
    {
      gint64 young = hp_item_get_adult_only (from) ? into_id : from_id;

      if (!_hp_store_query_int64 (self, "SELECT count(*) FROM pack_line WHERE item_id = ?1 AND per_under18 > 0",
                                  young, &u18_lines, error))
        return FALSE;

      if (u18_lines > 0)
        {
          g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                       _("“%s” is for adults only and “%s” is in the under-18 pack, so they cannot be merged. "
                         "Take “%s” out of the under-18 pack first."),
                       hp_item_get_adult_only (from) ? hp_item_get_name (from) : hp_item_get_name (into),
                       hp_item_get_adult_only (from) ? hp_item_get_name (into) : hp_item_get_name (from),
                       hp_item_get_adult_only (from) ? hp_item_get_name (into) : hp_item_get_name (from));
          return FALSE;
        }
    }

  if (!hp_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (merge_steps); i++)
    {
      sqlite3_stmt *stmt = _hp_store_prepare (self, merge_steps[i], error);

      if (stmt == NULL)
        goto fail;

      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_int64 (stmt, 2, into_id);
      if (!_hp_store_step_done (self, stmt, error))
        goto fail;
    }

  _hp_store_note_change (self, HP_RECORD_ITEM);
  _hp_store_note_change (self, HP_RECORD_PRODUCT);
  _hp_store_note_change (self, HP_RECORD_RECIPE);
  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
}
