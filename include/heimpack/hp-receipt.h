/* hp-receipt.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpReceipt:
 *
 * One delivery against a pledge ("Eingang"). Receipts are kept as their own
 * rows so that the history of deliveries survives.
 *
 * Properties: `id`, `pledge-id` (gint64), `date` (ISO date, required),
 * `quantity` (gint64 pieces, > 0), `note`.
 *
 * The gift it was booked on, filled in by the store's receipt lists:
 * `campaign-id`, `product-id` (the sponsor's gift, #HpProduct),
 * `item-name`, `sponsor-name`. Setting `product-id` to another gift and
 * calling hp_store_update_receipt() books the delivery on that gift instead.
 */
#define HP_TYPE_RECEIPT (hp_receipt_get_type ())
G_DECLARE_FINAL_TYPE (HpReceipt, hp_receipt, HP, RECEIPT, GObject)

HpReceipt  *hp_receipt_new           (gint64      pledge_id,
                                      const char *iso_date,
                                      gint64      quantity);
gint64      hp_receipt_get_id        (HpReceipt  *self);
void        hp_receipt_set_id        (HpReceipt  *self,
                                      gint64      id);
gint64      hp_receipt_get_pledge_id (HpReceipt  *self);
void        hp_receipt_set_pledge_id (HpReceipt  *self,
                                      gint64      pledge_id);
const char *hp_receipt_get_date      (HpReceipt  *self);
void        hp_receipt_set_date      (HpReceipt  *self,
                                      const char *iso_date);
gint64      hp_receipt_get_quantity  (HpReceipt  *self);
void        hp_receipt_set_quantity  (HpReceipt  *self,
                                      gint64      quantity);
const char *hp_receipt_get_note      (HpReceipt  *self);
void        hp_receipt_set_note      (HpReceipt  *self,
                                      const char *note);

gint64      hp_receipt_get_campaign_id  (HpReceipt  *self);
gint64      hp_receipt_get_product_id   (HpReceipt  *self);
void        hp_receipt_set_product_id   (HpReceipt  *self,
                                         gint64      product_id);
const char *hp_receipt_get_item_name    (HpReceipt  *self);
const char *hp_receipt_get_sponsor_name (HpReceipt  *self);
void        hp_receipt_set_gift         (HpReceipt  *self,
                                         gint64      campaign_id,
                                         gint64      product_id,
                                         const char *item_name,
                                         const char *sponsor_name);

G_END_DECLS
