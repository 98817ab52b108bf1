/* hp-product.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpProduct:
 *
 * One sponsor's gift of an item (Sachspende): what of the item belongs to
 * that sponsor. Persists across campaigns.
 *
 * Stored properties: `id` (gint64), `sponsor-id` (gint64, required),
 * `value-cents` (gint64, in-kind value per piece in euro cents, ≥ 0, for
 * donation receipts), `best-before` (ISO date or %NULL), `notes`. Pledges and
 * receipts belong to the gift too (#HpPledge, #HpReceipt).
 *
 * The item: `name` is the item's name (required) and `adult-only` its 18+
 * flag (#HpItem). Saving a product picks the item of that name (compared by
 * hp_item_name_key()) or makes a new one; adding never clears an item's 18+
 * flag, and updating sets it only while the gift stays with its item.
 * `item-id` is filled in by the store.
 *
 * Filled in by hp_store_list_products() (never written back): `sponsor-name`,
 * and for one campaign `pledged`, `received` (pieces of this gift),
 * `per-standard` and `per-under18` (pieces of the item in each pack).
 */
#define HP_TYPE_PRODUCT (hp_product_get_type ())
G_DECLARE_FINAL_TYPE (HpProduct, hp_product, HP, PRODUCT, GObject)

HpProduct  *hp_product_new              (gint64      sponsor_id,
                                         const char *name);
gint64      hp_product_get_id           (HpProduct  *self);
void        hp_product_set_id           (HpProduct  *self,
                                         gint64      id);
gint64      hp_product_get_sponsor_id   (HpProduct  *self);
void        hp_product_set_sponsor_id   (HpProduct  *self,
                                         gint64      sponsor_id);
gint64      hp_product_get_item_id      (HpProduct  *self);
void        hp_product_set_item_id      (HpProduct  *self,
                                         gint64      item_id);
const char *hp_product_get_sponsor_name (HpProduct  *self);
void        hp_product_set_sponsor_name (HpProduct  *self,
                                         const char *sponsor_name);
const char *hp_product_get_name         (HpProduct  *self);
void        hp_product_set_name         (HpProduct  *self,
                                         const char *name);
gint64      hp_product_get_value_cents  (HpProduct  *self);
void        hp_product_set_value_cents  (HpProduct  *self,
                                         gint64      value_cents);
gboolean    hp_product_get_adult_only   (HpProduct  *self);
void        hp_product_set_adult_only   (HpProduct  *self,
                                         gboolean    adult_only);
const char *hp_product_get_best_before  (HpProduct  *self);
void        hp_product_set_best_before  (HpProduct  *self,
                                         const char *iso_date);
const char *hp_product_get_notes        (HpProduct  *self);
void        hp_product_set_notes        (HpProduct  *self,
                                         const char *notes);
gint64      hp_product_get_pledged      (HpProduct  *self);
gint64      hp_product_get_received     (HpProduct  *self);
guint       hp_product_get_per_standard (HpProduct  *self);
guint       hp_product_get_per_under18  (HpProduct  *self);
void        hp_product_set_figures      (HpProduct  *self,
                                         gint64      pledged,
                                         gint64      received,
                                         guint       per_standard,
                                         guint       per_under18);

G_END_DECLS
