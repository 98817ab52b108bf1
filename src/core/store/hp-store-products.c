/* hp-store-products.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Products, pledges, receipts and the pack recipe. Same rules as
 * hp-store-rows.c: bound parameters only, reads on owned statements, writes
 * on cached ones.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-pledge.h"
#include "heimpack/hp-product.h"
#include "heimpack/hp-receipt.h"
#include "heimpack/hp-recipe-item.h"
#include "hp-store-private.h"

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

#define PRODUCT_SELECT \
  "SELECT p.id, p.sponsor_id, s.name, p.name, p.value_cents, p.adult_only, p.best_before, p.notes, " \
  "  coalesce(pl.quantity, 0), " \
  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0), " \
  "  coalesce(ri.per_standard, 0), coalesce(ri.per_under18, 0) " \
  "FROM product p JOIN sponsor s ON s.id = p.sponsor_id " \
  "LEFT JOIN pledge pl ON pl.product_id = p.id AND pl.campaign_id = ?1 " \
  "LEFT JOIN recipe_item ri ON ri.product_id = p.id AND ri.campaign_id = ?1 "

static gpointer
read_product (sqlite3_stmt *stmt)
{
  HpProduct *product = hp_product_new (sqlite3_column_int64 (stmt, 1), _hp_column_text (stmt, 3));

  hp_product_set_id (product, sqlite3_column_int64 (stmt, 0));
  hp_product_set_sponsor_name (product, _hp_column_text (stmt, 2));
  hp_product_set_value_cents (product, sqlite3_column_int64 (stmt, 4));
  hp_product_set_adult_only (product, sqlite3_column_int (stmt, 5) != 0);
  hp_product_set_best_before (product, _hp_column_text (stmt, 6));
  hp_product_set_notes (product, _hp_column_text (stmt, 7));
  hp_product_set_figures (product,
                          sqlite3_column_int64 (stmt, 8),
                          sqlite3_column_int64 (stmt, 9),
                          sqlite3_column_int (stmt, 10),
                          sqlite3_column_int (stmt, 11));
  return product;
}

static gboolean
validate_product (HpStore    *self,
                  HpProduct  *product,
                  GError    **error)
{
  gint64 exists = 0;

  if (!_hp_store_require_text (hp_product_get_name (product), _("The product name"), error) ||
      !_hp_store_check_date (hp_product_get_best_before (product), _("The best-before date"), error))
    return FALSE;

  if (hp_product_get_value_cents (product) < 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("The value per piece must not be negative."));
      return FALSE;
    }

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM sponsor WHERE id = ?1",
                              hp_product_get_sponsor_id (product), &exists, error))
    return FALSE;

  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_SPONSOR, hp_product_get_sponsor_id (product), error);

  return TRUE;
}

static void
bind_product (sqlite3_stmt *stmt,
              HpProduct    *product)
{
  sqlite3_bind_int64 (stmt, 1, hp_product_get_sponsor_id (product));
  _hp_bind_text (stmt, 2, hp_product_get_name (product));
  sqlite3_bind_int64 (stmt, 3, hp_product_get_value_cents (product));
  sqlite3_bind_int (stmt, 4, hp_product_get_adult_only (product) ? 1 : 0);
  _hp_bind_text (stmt, 5, hp_product_get_best_before (product));
  _hp_bind_text (stmt, 6, hp_product_get_notes (product));
}

GListModel *
hp_store_list_products (HpStore  *self,
                        gint64    campaign_id,
                        gint64    sponsor_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  PRODUCT_SELECT
                                  "WHERE ?2 = 0 OR p.sponsor_id = ?2 "
                                  "ORDER BY p.name COLLATE HP_NAME, p.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, sponsor_id);
  return _hp_store_collect (self, stmt, HP_TYPE_PRODUCT, read_product, error);
}

HpProduct *
hp_store_get_product (HpStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, PRODUCT_SELECT "WHERE p.id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, 0);
  sqlite3_bind_int64 (stmt, 2, id);
  return _hp_store_get_one (self, stmt, read_product, HP_RECORD_PRODUCT, id, error);
}

gboolean
hp_store_add_product (HpStore    *self,
                      HpProduct  *product,
                      GError    **error)
{
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PRODUCT (product), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_product (self, product, error))
    return FALSE;

  if (!_hp_store_insert_row (self, HP_RECORD_PRODUCT,
                             "INSERT INTO product (sponsor_id, name, value_cents, adult_only, best_before, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             (HpRowBinder) bind_product, product, &id, error))
    return FALSE;

  hp_product_set_id (product, id);
  return TRUE;
}

gboolean
hp_store_update_product (HpStore    *self,
                         HpProduct  *product,
                         GError    **error)
{
  gint64 in_u18_recipe = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PRODUCT (product), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_product (self, product, error))
    return FALSE;

  /* Marking a product 18+ must not leave it in an under-18 pack. */
  if (hp_product_get_adult_only (product))
    {
      if (!_hp_store_query_int64 (self,
                                  "SELECT count(*) FROM recipe_item WHERE product_id = ?1 AND per_under18 > 0",
                                  hp_product_get_id (product), &in_u18_recipe, error))
        return FALSE;

      if (in_u18_recipe > 0)
        {
          g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                       _("“%s” is in the under-18 pack, so it cannot be marked 18+. "
                         "Take it out of the under-18 pack first."),
                       hp_product_get_name (product));
          return FALSE;
        }
    }

  return _hp_store_update_row (self,
                               "UPDATE product SET sponsor_id = ?1, name = ?2, value_cents = ?3, adult_only = ?4, "
                               "best_before = ?5, notes = ?6 WHERE id = ?7",
                               (HpRowBinder) bind_product, product,
                               HP_RECORD_PRODUCT, hp_product_get_id (product), error);
}

gboolean
hp_store_remove_product (HpStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(HpProduct) product = NULL;
  gint64 n_pledges = 0;
  gint64 n_recipes = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  product = hp_store_get_product (self, id, error);
  if (product == NULL)
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM pledge WHERE product_id = ?1", id, &n_pledges, error) ||
      !_hp_store_query_int64 (self, "SELECT count(*) FROM recipe_item WHERE product_id = ?1", id, &n_recipes, error))
    return FALSE;

  if (n_pledges > 0 || n_recipes > 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                   _("“%s” has pledges or is part of a pack recipe, so it cannot be removed."),
                   hp_product_get_name (product));
      return FALSE;
    }

  return _hp_store_delete_row (self, "DELETE FROM product WHERE id = ?1", HP_RECORD_PRODUCT, id, error);
}

/* ------------------------------------------------------------------------ */
/* Pledges                                                                   */

static gpointer
read_pledge (sqlite3_stmt *stmt)
{
  HpPledge *pledge = hp_pledge_new (sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_int64 (stmt, 2),
                                    sqlite3_column_int64 (stmt, 3));

  hp_pledge_set_id (pledge, sqlite3_column_int64 (stmt, 0));
  hp_pledge_set_due_date (pledge, _hp_column_text (stmt, 4));
  hp_pledge_set_confirmed (pledge, sqlite3_column_int (stmt, 5) != 0);
  hp_pledge_set_received (pledge, sqlite3_column_int64 (stmt, 6));
  return pledge;
}

static gboolean
validate_pledge (HpPledge  *pledge,
                 GError   **error)
{
  if (hp_pledge_get_quantity (pledge) < 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("The pledged quantity must not be negative."));
      return FALSE;
    }

  return _hp_store_check_date (hp_pledge_get_due_date (pledge), _("The due date"), error);
}

static void
bind_pledge (sqlite3_stmt *stmt,
             HpPledge     *pledge)
{
  sqlite3_bind_int64 (stmt, 1, hp_pledge_get_campaign_id (pledge));
  sqlite3_bind_int64 (stmt, 2, hp_pledge_get_product_id (pledge));
  sqlite3_bind_int64 (stmt, 3, hp_pledge_get_quantity (pledge));
  _hp_bind_text (stmt, 4, hp_pledge_get_due_date (pledge));
  sqlite3_bind_int (stmt, 5, hp_pledge_get_confirmed (pledge) ? 1 : 0);
}

#define PLEDGE_SELECT \
  "SELECT pl.id, pl.campaign_id, pl.product_id, pl.quantity, pl.due_date, pl.confirmed, " \
  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0) " \
  "FROM pledge pl "

GListModel *
hp_store_list_pledges (HpStore  *self,
                       gint64    campaign_id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, PLEDGE_SELECT "WHERE pl.campaign_id = ?1 ORDER BY pl.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_PLEDGE, read_pledge, error);
}

HpPledge *
hp_store_find_pledge (HpStore  *self,
                      gint64    campaign_id,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, PLEDGE_SELECT "WHERE pl.campaign_id = ?1 AND pl.product_id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_pledge (stmt);
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                       _("This product has no pledge in this campaign."));
  return NULL;
}

HpReceipt *
hp_store_book_receipt (HpStore     *self,
                       gint64       campaign_id,
                       gint64       product_id,
                       const char  *iso_date,
                       gint64       quantity,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  g_autoptr(HpReceipt) receipt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  if (!_hp_store_check_writable (self, error) || !hp_store_begin (self, error))
    return NULL;

  pledge = hp_store_find_pledge (self, campaign_id, product_id, &local_error);
  if (pledge == NULL)
    {
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }

      /* Delivered without a pledge: book it on an unconfirmed one of 0. */
      pledge = hp_pledge_new (campaign_id, product_id, 0);
      hp_pledge_set_confirmed (pledge, FALSE);
      if (!hp_store_add_pledge (self, pledge, error))
        goto fail;
    }

  receipt = hp_receipt_new (hp_pledge_get_id (pledge), iso_date, quantity);
  hp_receipt_set_note (receipt, note);
  if (!hp_store_add_receipt (self, receipt, error))
    goto fail;

  /* A failed commit has rolled back already. */
  if (!hp_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&receipt);

fail:
  hp_store_rollback (self);
  return NULL;
}

gboolean
hp_store_add_pledge (HpStore   *self,
                     HpPledge  *pledge,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 exists = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PLEDGE (pledge), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_pledge (pledge, error))
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM product WHERE id = ?1",
                              hp_pledge_get_product_id (pledge), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_PRODUCT, hp_pledge_get_product_id (pledge), error);

  stmt = _hp_store_prepare (self,
                            "INSERT INTO pledge (campaign_id, product_id, quantity, due_date, confirmed) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_pledge (stmt, pledge);
  if (!_hp_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT,
                               _("This product already has a pledge in this campaign; change that one instead."));
        }
      return FALSE;
    }

  hp_pledge_set_id (pledge, sqlite3_last_insert_rowid (self->db));
  _hp_store_note_change (self, HP_RECORD_PLEDGE);
  return TRUE;
}

gboolean
hp_store_update_pledge (HpStore   *self,
                        HpPledge  *pledge,
                        GError   **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PLEDGE (pledge), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_pledge (pledge, error))
    return FALSE;

  return _hp_store_update_row (self,
                               "UPDATE pledge SET campaign_id = ?1, product_id = ?2, quantity = ?3, due_date = ?4, "
                               "confirmed = ?5 WHERE id = ?6",
                               (HpRowBinder) bind_pledge, pledge,
                               HP_RECORD_PLEDGE, hp_pledge_get_id (pledge), error);
}

gboolean
hp_store_remove_pledge (HpStore  *self,
                        gint64    id,
                        GError  **error)
{
  gint64 n_receipts = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_query_int64 (self, "SELECT count(*) FROM receipt WHERE pledge_id = ?1", id, &n_receipts, error))
    return FALSE;

  if (n_receipts > 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                           _("Deliveries have been booked on this pledge, so it cannot be removed."));
      return FALSE;
    }

  return _hp_store_delete_row (self, "DELETE FROM pledge WHERE id = ?1", HP_RECORD_PLEDGE, id, error);
}

/* ------------------------------------------------------------------------ */
/* Receipts                                                                  */

static gpointer
read_receipt (sqlite3_stmt *stmt)
{
  HpReceipt *receipt = hp_receipt_new (sqlite3_column_int64 (stmt, 1),
                                       _hp_column_text (stmt, 2),
                                       sqlite3_column_int64 (stmt, 3));

  hp_receipt_set_id (receipt, sqlite3_column_int64 (stmt, 0));
  hp_receipt_set_note (receipt, _hp_column_text (stmt, 4));
  return receipt;
}

GListModel *
hp_store_list_receipts (HpStore  *self,
                        gint64    pledge_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT id, pledge_id, received_on, quantity, note FROM receipt "
                                  "WHERE pledge_id = ?1 ORDER BY received_on, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pledge_id);
  return _hp_store_collect (self, stmt, HP_TYPE_RECEIPT, read_receipt, error);
}

gboolean
hp_store_add_receipt (HpStore    *self,
                      HpReceipt  *receipt,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 exists = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_RECEIPT (receipt), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_require_text (hp_receipt_get_date (receipt), _("The delivery date"), error) ||
      !_hp_store_check_date (hp_receipt_get_date (receipt), _("The delivery date"), error))
    return FALSE;

  if (hp_receipt_get_quantity (receipt) <= 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("A delivery must contain at least one piece."));
      return FALSE;
    }

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM pledge WHERE id = ?1",
                              hp_receipt_get_pledge_id (receipt), &exists, error))
    return FALSE;
  if (exists == 0)
    return _hp_store_not_found (HP_RECORD_PLEDGE, hp_receipt_get_pledge_id (receipt), error);

  stmt = _hp_store_prepare (self,
                            "INSERT INTO receipt (pledge_id, received_on, quantity, note) VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, hp_receipt_get_pledge_id (receipt));
  _hp_bind_text (stmt, 2, hp_receipt_get_date (receipt));
  sqlite3_bind_int64 (stmt, 3, hp_receipt_get_quantity (receipt));
  _hp_bind_text (stmt, 4, hp_receipt_get_note (receipt));
  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  hp_receipt_set_id (receipt, sqlite3_last_insert_rowid (self->db));
  _hp_store_note_change (self, HP_RECORD_RECEIPT);
  return TRUE;
}

gboolean
hp_store_remove_receipt (HpStore  *self,
                         gint64    id,
                         GError  **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  return _hp_store_delete_row (self, "DELETE FROM receipt WHERE id = ?1", HP_RECORD_RECEIPT, id, error);
}

/* ------------------------------------------------------------------------ */
/* Pack recipe                                                               */

static gpointer
read_recipe_item (sqlite3_stmt *stmt)
{
  HpRecipeItem *item = hp_recipe_item_new (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           sqlite3_column_int (stmt, 3),
                                           sqlite3_column_int (stmt, 4));

  hp_recipe_item_set_product_name (item, _hp_column_text (stmt, 2));
  hp_recipe_item_set_position (item, sqlite3_column_int (stmt, 5));
  return item;
}

GListModel *
hp_store_list_recipe (HpStore  *self,
                      gint64    campaign_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT ri.campaign_id, ri.product_id, p.name, ri.per_standard, ri.per_under18, "
                                  "  ri.position "
                                  "FROM recipe_item ri JOIN product p ON p.id = ri.product_id "
                                  "WHERE ri.campaign_id = ?1 ORDER BY ri.position, p.name COLLATE HP_NAME",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_RECIPE_ITEM, read_recipe_item, error);
}

gboolean
hp_store_set_recipe_item (HpStore       *self,
                          HpRecipeItem  *item,
                          GError       **error)
{
  g_autoptr(HpProduct) product = NULL;
  sqlite3_stmt *stmt;
  gint64 product_id;
  gint64 campaign_id;
  gboolean remove;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (item), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  product_id = hp_recipe_item_get_product_id (item);
  campaign_id = hp_recipe_item_get_campaign_id (item);
  product = hp_store_get_product (self, product_id, error);
  if (product == NULL)
    return FALSE;

  if (hp_product_get_adult_only (product) && hp_recipe_item_get_per_under18 (item) > 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” is for adults only (18+) and cannot go into the under-18 pack."),
                   hp_product_get_name (product));
      return FALSE;
    }

  remove = hp_recipe_item_get_per_standard (item) == 0 && hp_recipe_item_get_per_under18 (item) == 0;
  if (remove)
    stmt = _hp_store_prepare (self, "DELETE FROM recipe_item WHERE campaign_id = ?1 AND product_id = ?2", error);
  else
    stmt = _hp_store_prepare (self,
                              "INSERT INTO recipe_item (campaign_id, product_id, per_standard, per_under18, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (campaign_id, product_id) DO UPDATE SET "
                              "  per_standard = excluded.per_standard, per_under18 = excluded.per_under18, "
                              "  position = excluded.position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  if (!remove)
    {
      sqlite3_bind_int (stmt, 3, hp_recipe_item_get_per_standard (item));
      sqlite3_bind_int (stmt, 4, hp_recipe_item_get_per_under18 (item));
      sqlite3_bind_int (stmt, 5, hp_recipe_item_get_position (item));
    }

  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  hp_recipe_item_set_product_name (item, hp_product_get_name (product));
  _hp_store_note_change (self, HP_RECORD_RECIPE);
  return TRUE;
}
