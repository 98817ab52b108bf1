/* hp-store-products.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Products (gifts of items), pledges, receipts and the pack contents. Same rules as
 * hp-store-rows.c: bound parameters only, reads on owned statements, writes
 * on cached ones.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-item.h"
#include "heimpack/hp-pledge.h"
#include "heimpack/hp-product.h"
#include "heimpack/hp-receipt.h"
#include "heimpack/hp-recipe-item.h"
#include "hp-store-private.h"

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

#define PRODUCT_SELECT \
  "SELECT p.id, p.sponsor_id, s.name, i.name, p.value_cents, i.adult_only, p.best_before, p.notes, " \
  "  coalesce(pl.quantity, 0), " \
  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0), " \
  "  coalesce(li.per_standard, 0), coalesce(li.per_under18, 0), p.item_id " \
  "FROM product p JOIN sponsor s ON s.id = p.sponsor_id JOIN item i ON i.id = p.item_id " \
  "LEFT JOIN pledge pl ON pl.product_id = p.id AND pl.campaign_id = ?1 " \
  "LEFT JOIN pack_line li ON li.item_id = p.item_id AND li.campaign_id = ?1 "

static gpointer
read_product (sqlite3_stmt *stmt)
{
  HpProduct *product = hp_product_new (sqlite3_column_int64 (stmt, 1), _hp_column_text (stmt, 3));

  hp_product_set_id (product, sqlite3_column_int64 (stmt, 0));
  hp_product_set_item_id (product, sqlite3_column_int64 (stmt, 12));
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
  sqlite3_bind_int64 (stmt, 2, hp_product_get_item_id (product));
  sqlite3_bind_int64 (stmt, 3, hp_product_get_value_cents (product));
  _hp_bind_text (stmt, 4, hp_product_get_best_before (product));
  _hp_bind_text (stmt, 5, hp_product_get_notes (product));
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
                                  "ORDER BY i.name COLLATE HP_NAME, s.name COLLATE HP_NAME, p.id",
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
  gint64 item_id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PRODUCT (product), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_product (self, product, error) ||
      !hp_store_begin (self, error))
    return FALSE;

  /* A new gift never clears the item's 18+ flag: another sponsor may give
   * the same beer. */
  if (!_hp_store_ensure_item (self, hp_product_get_name (product), hp_product_get_adult_only (product),
                              0, &item_id, error))
    goto fail;

  hp_product_set_item_id (product, item_id);
  if (!_hp_store_insert_row (self, HP_RECORD_PRODUCT,
                             "INSERT INTO product (sponsor_id, item_id, value_cents, best_before, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             (HpRowBinder) bind_product, product, &id, error))
    goto fail;

  if (!hp_store_commit (self, error))
    return FALSE;

  hp_product_set_id (product, id);
  return TRUE;

fail:
  hp_store_rollback (self);
  return FALSE;
}

gboolean
hp_store_update_product (HpStore    *self,
                         HpProduct  *product,
                         GError    **error)
{
  gint64 old_item_id = 0;
  gint64 item_id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_PRODUCT (product), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_product (self, product, error))
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT coalesce((SELECT item_id FROM product WHERE id = ?1), 0)",
                              hp_product_get_id (product), &old_item_id, error))
    return FALSE;
  if (old_item_id == 0)
    return _hp_store_not_found (HP_RECORD_PRODUCT, hp_product_get_id (product), error);

  if (!hp_store_begin (self, error))
    return FALSE;

  /* The name picks the item; the 18+ flag is the item's, set here only while
   * the gift stays with its item (a gift moving to another item must not
   * clear that item's flag). */
  if (!_hp_store_ensure_item (self, hp_product_get_name (product), hp_product_get_adult_only (product),
                              old_item_id, &item_id, error))
    goto fail;

  hp_product_set_item_id (product, item_id);
  if (!_hp_store_update_row (self,
                             "UPDATE product SET sponsor_id = ?1, item_id = ?2, value_cents = ?3, "
                             "best_before = ?4, notes = ?5 WHERE id = ?6",
                             (HpRowBinder) bind_product, product,
                             HP_RECORD_PRODUCT, hp_product_get_id (product), error))
    goto fail;

  if (old_item_id != item_id && !_hp_store_drop_unused_item (self, old_item_id, error))
    goto fail;

  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
}

gboolean
hp_store_remove_product (HpStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(HpProduct) product = NULL;
  gint64 n_pledges = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  product = hp_store_get_product (self, id, error);
  if (product == NULL)
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM pledge WHERE product_id = ?1", id, &n_pledges, error))
    return FALSE;

  if (n_pledges > 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                   _("“%s” of %s has pledges or deliveries, so it cannot be removed."),
                   hp_product_get_name (product), hp_product_get_sponsor_name (product));
      return FALSE;
    }

  /* The item stays (it may be in the pack, or be given again), so that an
   * undo finds it. */
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

/* The pledge of @product_id in @campaign_id, made (unconfirmed, 0 pieces)
 * when the sponsor delivered without one. */
static gboolean
ensure_pledge (HpStore  *self,
               gint64    campaign_id,
               gint64    product_id,
               gint64   *out_pledge_id,
               GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HpPledge) pledge = NULL;

  pledge = hp_store_find_pledge (self, campaign_id, product_id, &local_error);
  if (pledge == NULL)
    {
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      pledge = hp_pledge_new (campaign_id, product_id, 0);
      hp_pledge_set_confirmed (pledge, FALSE);
      if (!hp_store_add_pledge (self, pledge, error))
        return FALSE;
    }

  *out_pledge_id = hp_pledge_get_id (pledge);
  return TRUE;
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
  g_autoptr(HpReceipt) receipt = NULL;
  gint64 pledge_id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  if (!_hp_store_check_writable (self, error) || !hp_store_begin (self, error))
    return NULL;

  /* Delivered without a pledge: booked on an unconfirmed one of 0. */
  if (!ensure_pledge (self, campaign_id, product_id, &pledge_id, error))
    goto fail;

  receipt = hp_receipt_new (pledge_id, iso_date, quantity);
  hp_receipt_set_note (receipt, note);
  if (!hp_store_add_receipt (self, receipt, error))
    goto fail;

  /* A failed commit has rolled back already. */
  if (!hp_store_commit (self, error))
    return NULL;

  /* with its gift filled in */
  return hp_store_get_receipt (self, hp_receipt_get_id (receipt), error);

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

  hp_pledge_set_id (pledge, sqlite3_last_insert_rowid (sqlite3_db_handle (stmt)));
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

#define RECEIPT_SELECT \
  "SELECT r.id, r.pledge_id, r.received_on, r.quantity, r.note, pl.campaign_id, pl.product_id, i.name, s.name " \
  "FROM receipt r JOIN pledge pl ON pl.id = r.pledge_id JOIN product p ON p.id = pl.product_id " \
  "JOIN item i ON i.id = p.item_id JOIN sponsor s ON s.id = p.sponsor_id "

static gpointer
read_receipt (sqlite3_stmt *stmt)
{
  HpReceipt *receipt = hp_receipt_new (sqlite3_column_int64 (stmt, 1),
                                       _hp_column_text (stmt, 2),
                                       sqlite3_column_int64 (stmt, 3));

  hp_receipt_set_id (receipt, sqlite3_column_int64 (stmt, 0));
  hp_receipt_set_note (receipt, _hp_column_text (stmt, 4));
  hp_receipt_set_gift (receipt,
                       sqlite3_column_int64 (stmt, 5),
                       sqlite3_column_int64 (stmt, 6),
                       _hp_column_text (stmt, 7),
                       _hp_column_text (stmt, 8));
  return receipt;
}

GListModel *
hp_store_list_receipts (HpStore  *self,
                        gint64    pledge_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, RECEIPT_SELECT "WHERE r.pledge_id = ?1 ORDER BY r.received_on, r.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pledge_id);
  return _hp_store_collect (self, stmt, HP_TYPE_RECEIPT, read_receipt, error);
}

GListModel *
hp_store_list_campaign_receipts (HpStore  *self,
                                 gint64    campaign_id,
                                 gint64    product_id,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  RECEIPT_SELECT
                                  "WHERE pl.campaign_id = ?1 AND (?2 = 0 OR pl.product_id = ?2) "
                                  "ORDER BY i.name COLLATE HP_NAME, s.name COLLATE HP_NAME, r.received_on, r.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  return _hp_store_collect (self, stmt, HP_TYPE_RECEIPT, read_receipt, error);
}

HpReceipt *
hp_store_get_receipt (HpStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, RECEIPT_SELECT "WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _hp_store_get_one (self, stmt, read_receipt, HP_RECORD_RECEIPT, id, error);
}

static gboolean
validate_receipt (HpReceipt  *receipt,
                  GError    **error)
{
  if (!_hp_store_require_text (hp_receipt_get_date (receipt), _("The delivery date"), error) ||
      !_hp_store_check_date (hp_receipt_get_date (receipt), _("The delivery date"), error))
    return FALSE;

  if (hp_receipt_get_quantity (receipt) <= 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("A delivery must contain at least one piece."));
      return FALSE;
    }

  return TRUE;
}

gboolean
hp_store_update_receipt (HpStore    *self,
                         HpReceipt  *receipt,
                         GError    **error)
{
  g_autoptr(HpReceipt) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 pledge_id;
  gint64 product_id;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_RECEIPT (receipt), FALSE);

  if (!_hp_store_check_writable (self, error) || !validate_receipt (receipt, error))
    return FALSE;

  stored = hp_store_get_receipt (self, hp_receipt_get_id (receipt), error);
  if (stored == NULL)
    return FALSE;

  if (!hp_store_begin (self, error))
    return FALSE;

  /* Booked on another gift: on that gift's pledge in the same campaign. */
  pledge_id = hp_receipt_get_pledge_id (stored);
  product_id = hp_receipt_get_product_id (receipt);
  if (product_id != 0 && product_id != hp_receipt_get_product_id (stored) &&
      !ensure_pledge (self, hp_receipt_get_campaign_id (stored), product_id, &pledge_id, error))
    goto fail;

  stmt = _hp_store_prepare (self,
                            "UPDATE receipt SET pledge_id = ?2, received_on = ?3, quantity = ?4, note = ?5 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, hp_receipt_get_id (receipt));
  sqlite3_bind_int64 (stmt, 2, pledge_id);
  _hp_bind_text (stmt, 3, hp_receipt_get_date (receipt));
  sqlite3_bind_int64 (stmt, 4, hp_receipt_get_quantity (receipt));
  _hp_bind_text (stmt, 5, hp_receipt_get_note (receipt));
  if (!_hp_store_step_done (self, stmt, error))
    goto fail;

  hp_receipt_set_pledge_id (receipt, pledge_id);
  _hp_store_note_change (self, HP_RECORD_RECEIPT);
  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
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

  if (!_hp_store_check_writable (self, error) || !validate_receipt (receipt, error))
    return FALSE;

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

  hp_receipt_set_id (receipt, sqlite3_last_insert_rowid (sqlite3_db_handle (stmt)));
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
/* Pack contents                                                             */

static gpointer
read_recipe_item (sqlite3_stmt *stmt)
{
  HpRecipeItem *item = hp_recipe_item_new (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           sqlite3_column_int (stmt, 3),
                                           sqlite3_column_int (stmt, 4));

  hp_recipe_item_set_item_name (item, _hp_column_text (stmt, 2));
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
                                  "SELECT li.campaign_id, li.item_id, i.name, li.per_standard, li.per_under18, "
                                  "  li.position "
                                  "FROM pack_line li JOIN item i ON i.id = li.item_id "
                                  "WHERE li.campaign_id = ?1 ORDER BY li.position, i.name COLLATE HP_NAME",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_RECIPE_ITEM, read_recipe_item, error);
}

gboolean
hp_store_set_recipe_item (HpStore       *self,
                          HpRecipeItem  *line,
                          GError       **error)
{
  g_autoptr(HpItem) item = NULL;
  sqlite3_stmt *stmt;
  gint64 item_id;
  gint64 campaign_id;
  gint64 position = hp_recipe_item_get_position (line);
  gboolean remove;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (line), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  item_id = hp_recipe_item_get_item_id (line);
  campaign_id = hp_recipe_item_get_campaign_id (line);
  item = hp_store_get_item (self, item_id, error);
  if (item == NULL)
    return FALSE;

  if (hp_item_get_adult_only (item) && hp_recipe_item_get_per_under18 (line) > 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("“%s” is for adults only (18+) and cannot go into the under-18 pack."),
                   hp_item_get_name (item));
      return FALSE;
    }

  remove = hp_recipe_item_get_per_standard (line) == 0 && hp_recipe_item_get_per_under18 (line) == 0;

  /* No position given: a line keeps its place, a new one goes last. */
  if (!remove && position < 0 &&
      !_hp_store_query_int64_2 (self,
                              "SELECT coalesce((SELECT position FROM pack_line WHERE campaign_id = ?1 AND item_id = ?2),"
                              "  (SELECT max(position) + 1 FROM pack_line WHERE campaign_id = ?1), 0)",
                              campaign_id, item_id, &position, error))
    return FALSE;

  if (remove)
    stmt = _hp_store_prepare (self, "DELETE FROM pack_line WHERE campaign_id = ?1 AND item_id = ?2", error);
  else
    stmt = _hp_store_prepare (self,
                              "INSERT INTO pack_line (campaign_id, item_id, per_standard, per_under18, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (campaign_id, item_id) DO UPDATE SET "
                              "  per_standard = excluded.per_standard, per_under18 = excluded.per_under18, "
                              "  position = excluded.position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  if (!remove)
    {
      sqlite3_bind_int (stmt, 3, hp_recipe_item_get_per_standard (line));
      sqlite3_bind_int (stmt, 4, hp_recipe_item_get_per_under18 (line));
      sqlite3_bind_int64 (stmt, 5, position);
    }

  if (!_hp_store_step_done (self, stmt, error))
    return FALSE;

  hp_recipe_item_set_item_name (line, hp_item_get_name (item));
  if (!remove)
    hp_recipe_item_set_position (line, (int) position);
  _hp_store_note_change (self, HP_RECORD_RECIPE);
  return TRUE;
}

gboolean
hp_store_move_recipe_item (HpStore  *self,
                           gint64    campaign_id,
                           gint64    item_id,
                           guint     to_index,
                           GError  **error)
{
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  lines = hp_store_list_recipe (self, campaign_id, error);
  if (lines == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (lines, i);
      gint64 id = hp_recipe_item_get_item_id (line);

      if (id == item_id)
        found = TRUE;
      else
        g_array_append_val (order, id);
    }

  if (!found)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                           _("This item is not in the pack."));
      return FALSE;
    }

  g_array_insert_val (order, MIN (to_index, order->len), item_id);

  if (!hp_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      stmt = _hp_store_prepare (self, "UPDATE pack_line SET position = ?3 WHERE campaign_id = ?1 AND item_id = ?2",
                                error);
      if (stmt == NULL)
        goto fail;

      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!_hp_store_step_done (self, stmt, error))
        goto fail;
    }

  _hp_store_note_change (self, HP_RECORD_RECIPE);
  return hp_store_commit (self, error);

fail:
  hp_store_rollback (self);
  return FALSE;
}
