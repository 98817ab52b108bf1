/* hp-store-removal.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Removing with undo. Before a row goes, every row that goes with it (by the
 * schema's cascades) is copied out as SQLite values, table by table, parents
 * first; restoring inserts them again with their old ids. Copying rows, not
 * objects, makes the undo exact for every kind without knowing its columns.
 * Table and column names in the SQL built here are the schema's own, never
 * user input; all values are bound.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hp-store-private.h"

typedef struct
{
  char      *table;
  gboolean   if_missing;   /* restore only rows that are not there */
  GPtrArray *columns;   /* char * */
  GPtrArray *rows;      /* GPtrArray of sqlite3_value * (sqlite3_value_dup) */
} CapturedTable;

struct _HpStoreRemoval
{
  HpRecordKind  kind;
  gint64        id;
  GPtrArray    *tables;   /* CapturedTable *, parents first */
};

static void
free_row (gpointer data)
{
  g_ptr_array_unref (data);
}

static void
captured_table_free (gpointer data)
{
  CapturedTable *captured = data;

  g_free (captured->table);
  g_ptr_array_unref (captured->columns);
  g_ptr_array_unref (captured->rows);
  g_free (captured);
}

HpStoreRemoval *
_hp_store_removal_new (HpRecordKind kind,
                       gint64       id)
{
  HpStoreRemoval *removal = g_new0 (HpStoreRemoval, 1);

  removal->kind = kind;
  removal->id = id;
  removal->tables = g_ptr_array_new_with_free_func (captured_table_free);
  return removal;
}

void
hp_store_removal_free (HpStoreRemoval *removal)
{
  if (removal == NULL)
    return;

  g_ptr_array_unref (removal->tables);
  g_free (removal);
}

HpRecordKind
hp_store_removal_get_kind (HpStoreRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, HP_RECORD_CAMPAIGN);
  return removal->kind;
}

gint64
hp_store_removal_get_id (HpStoreRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->id;
}

/*
 * _hp_store_capture:
 * Copies the rows of @table that match @where (an SQL condition with one
 * parameter, ?1 = @id) into @removal.
 */
gboolean
_hp_store_capture (HpStore         *self,
                   HpStoreRemoval  *removal,
                   const char      *table,
                   const char      *where,
                   gint64           id,
                   GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, where);
  g_autoptr(sqlite3_stmt) stmt = _hp_store_prepare_owned (self, sql, error);
  CapturedTable *captured;
  int n_columns;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  n_columns = sqlite3_column_count (stmt);

  captured = g_new0 (CapturedTable, 1);
  captured->table = g_strdup (table);
  captured->columns = g_ptr_array_new_with_free_func (g_free);
  captured->rows = g_ptr_array_new_with_free_func (free_row);
  for (int c = 0; c < n_columns; c++)
    g_ptr_array_add (captured->columns, g_strdup (sqlite3_column_name (stmt, c)));
  g_ptr_array_add (removal->tables, captured);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (n_columns, (GDestroyNotify) sqlite3_value_free);

      for (int c = 0; c < n_columns; c++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
      g_ptr_array_add (captured->rows, row);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

/* What goes with a row of each kind, parents first (the order of the
 * restore). The condition's ?1 is the removed row's id. */
typedef struct
{
  const char *table;
  const char *where;
  gboolean    if_missing;   /* rows that may still be there at the undo */
} CaptureStep;

static const CaptureStep campaign_steps[] = {
  { "campaign", "id = ?1" },
  { "pledge", "campaign_id = ?1" },
  { "receipt", "pledge_id IN (SELECT id FROM pledge WHERE campaign_id = ?1)" },
  { "pack_line", "campaign_id = ?1" },
  { "campaign_school", "campaign_id = ?1" },
  { "graduate", "campaign_id = ?1" },
  { "handover", "campaign_id = ?1" },
};
static const CaptureStep sponsor_steps[] = { { "sponsor", "id = ?1" } };
/* The gift's item stays when the gift goes, but a merge or a renamed gift
 * may take it away before the undo: then it comes back too. */
static const CaptureStep product_steps[] = {
  { "item", "id = (SELECT item_id FROM product WHERE id = ?1)", TRUE },
  { "product", "id = ?1" },
};
static const CaptureStep pledge_steps[] = { { "pledge", "id = ?1" } };
static const CaptureStep receipt_steps[] = { { "receipt", "id = ?1" } };
static const CaptureStep school_steps[] = {
  { "school", "id = ?1" },
  { "campaign_school", "school_id = ?1" },
};
static const CaptureStep graduate_steps[] = { { "graduate", "id = ?1" } };
static const CaptureStep handover_steps[] = { { "handover", "id = ?1" } };

static gboolean
remove_kind (HpStore       *self,
             HpRecordKind   kind,
             gint64         id,
             GError       **error)
{
  switch (kind)
    {
    case HP_RECORD_CAMPAIGN: return hp_store_remove_campaign (self, id, error);
    case HP_RECORD_SPONSOR:  return hp_store_remove_sponsor (self, id, error);
    case HP_RECORD_PRODUCT:  return hp_store_remove_product (self, id, error);
    case HP_RECORD_PLEDGE:   return hp_store_remove_pledge (self, id, error);
    case HP_RECORD_RECEIPT:  return hp_store_remove_receipt (self, id, error);
    case HP_RECORD_SCHOOL:   return hp_store_remove_school (self, id, error);
    case HP_RECORD_GRADUATE: return hp_store_remove_graduate (self, id, error);
    case HP_RECORD_HANDOVER: return hp_store_remove_handover (self, id, error);
    case HP_RECORD_RECIPE:
    case HP_RECORD_ITEM:
    case HP_RECORD_AGENCY:
    default:
      g_return_val_if_reached (FALSE);
    }
}

HpStoreRemoval *
hp_store_remove (HpStore       *self,
                 HpRecordKind   kind,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(HpStoreRemoval) removal = NULL;
  const CaptureStep *steps = NULL;
  guint n_steps = 0;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != HP_RECORD_RECIPE, NULL);

#define STEPS(array) steps = array; n_steps = G_N_ELEMENTS (array); break
  switch (kind)
    {
    case HP_RECORD_CAMPAIGN: STEPS (campaign_steps);
    case HP_RECORD_SPONSOR:  STEPS (sponsor_steps);
    case HP_RECORD_PRODUCT:  STEPS (product_steps);
    case HP_RECORD_PLEDGE:   STEPS (pledge_steps);
    case HP_RECORD_RECEIPT:  STEPS (receipt_steps);
    case HP_RECORD_SCHOOL:   STEPS (school_steps);
    case HP_RECORD_GRADUATE: STEPS (graduate_steps);
    case HP_RECORD_HANDOVER: STEPS (handover_steps);
    case HP_RECORD_RECIPE:
    case HP_RECORD_ITEM:
    case HP_RECORD_AGENCY:
    default:
      g_return_val_if_reached (NULL);
    }
#undef STEPS

  if (!_hp_store_check_writable (self, error) ||
      (kind == HP_RECORD_CAMPAIGN && !_hp_store_backup_before_removal (self, error)) ||
      !hp_store_begin (self, error))
    return NULL;

  removal = _hp_store_removal_new (kind, id);
  for (guint i = 0; i < n_steps; i++)
    {
      if (!_hp_store_capture (self, removal, steps[i].table, steps[i].where, id, error))
        goto fail;
      ((CapturedTable *) g_ptr_array_index (removal->tables, removal->tables->len - 1))->if_missing =
        steps[i].if_missing;
    }

  /* The kind's own removal: its refusals (in use, not found) apply. */
  if (!remove_kind (self, kind, id, error))
    goto fail;

  if (!hp_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&removal);

fail:
  hp_store_rollback (self);
  return NULL;
}

static gboolean
restore_table (HpStore        *self,
               CapturedTable  *captured,
               GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (captured->rows->len == 0)
    return TRUE;

  g_string_append_printf (sql, "INSERT %sINTO %s (", captured->if_missing ? "OR IGNORE " : "", captured->table);
  for (guint c = 0; c < captured->columns->len; c++)
    g_string_append_printf (sql, "%s%s", c ? ", " : "", (char *) g_ptr_array_index (captured->columns, c));
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < captured->columns->len; c++)
    g_string_append_printf (sql, "%s?%u", c ? ", " : "", c + 1);
  g_string_append (sql, ")");

  stmt = _hp_store_prepare_owned (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < captured->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (captured->rows, r);
      int rc;

      sqlite3_reset (stmt);
      for (guint c = 0; c < row->len; c++)
        sqlite3_bind_value (stmt, (int) c + 1, g_ptr_array_index (row, c));

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _hp_store_set_error (self, rc, error);
    }

  return TRUE;
}

gboolean
hp_store_restore (HpStore         *self,
                  HpStoreRemoval  *removal,
                  GError         **error)
{
  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (removal != NULL, FALSE);

  if (!_hp_store_check_writable (self, error) || !hp_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < removal->tables->len; i++)
    if (!restore_table (self, g_ptr_array_index (removal->tables, i), error))
      {
        g_prefix_error (error, _("Could not undo the removal: "));
        hp_store_rollback (self);
        return FALSE;
      }

  _hp_store_note_row (self, removal->kind, HP_STORE_ROW_ADDED, removal->id);
  if (removal->kind == HP_RECORD_CAMPAIGN)
    {
      for (HpRecordKind kind = HP_RECORD_PLEDGE; kind <= HP_RECORD_GRADUATE; kind++)
        _hp_store_note_change (self, kind);
      _hp_store_note_change (self, HP_RECORD_HANDOVER);
    }

  return hp_store_commit (self, error);
}
