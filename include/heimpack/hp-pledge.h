/* hp-pledge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpPledge:
 *
 * What a sponsor promised for one product in one campaign.
 *
 * Stored properties: `id`, `campaign-id`, `product-id` (gint64; one pledge per
 * campaign and product), `quantity` (gint64 pieces, ≥ 0), `due-date` (ISO date
 * or %NULL), `confirmed` (gboolean: %FALSE while it is only a request, e.g.
 * copied from last year by hp_store_clone_campaign()).
 *
 * Filled in by hp_store_list_pledges(): `received` (sum of its receipts).
 */
#define HP_TYPE_PLEDGE (hp_pledge_get_type ())
G_DECLARE_FINAL_TYPE (HpPledge, hp_pledge, HP, PLEDGE, GObject)

HpPledge   *hp_pledge_new             (gint64      campaign_id,
                                       gint64      product_id,
                                       gint64      quantity);
gint64      hp_pledge_get_id          (HpPledge   *self);
void        hp_pledge_set_id          (HpPledge   *self,
                                       gint64      id);
gint64      hp_pledge_get_campaign_id (HpPledge   *self);
void        hp_pledge_set_campaign_id (HpPledge   *self,
                                       gint64      campaign_id);
gint64      hp_pledge_get_product_id  (HpPledge   *self);
void        hp_pledge_set_product_id  (HpPledge   *self,
                                       gint64      product_id);
gint64      hp_pledge_get_quantity    (HpPledge   *self);
void        hp_pledge_set_quantity    (HpPledge   *self,
                                       gint64      quantity);
const char *hp_pledge_get_due_date    (HpPledge   *self);
void        hp_pledge_set_due_date    (HpPledge   *self,
                                       const char *iso_date);
gboolean    hp_pledge_get_confirmed   (HpPledge   *self);
void        hp_pledge_set_confirmed   (HpPledge   *self,
                                       gboolean    confirmed);
gint64      hp_pledge_get_received    (HpPledge   *self);
void        hp_pledge_set_received    (HpPledge   *self,
                                       gint64      received);

G_END_DECLS
