/* hp-sponsor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpSponsor:
 *
 * A company that donates products. Persists across campaigns.
 *
 * Stored properties: `id` (gint64, 0 until stored), `name` (company name,
 * required), `contact` (contact person), `phone`, `email`, `address`, `notes`.
 *
 * Figures filled in by hp_store_list_sponsors() for one campaign (0 otherwise,
 * never written back): `product-count`, `pledged` and `received` (pieces over
 * all its products), `value-cents` (in-kind value of the received pieces).
 */
#define HP_TYPE_SPONSOR (hp_sponsor_get_type ())
G_DECLARE_FINAL_TYPE (HpSponsor, hp_sponsor, HP, SPONSOR, GObject)

HpSponsor  *hp_sponsor_new               (const char *name);
gint64      hp_sponsor_get_id            (HpSponsor  *self);
void        hp_sponsor_set_id            (HpSponsor  *self,
                                          gint64      id);
const char *hp_sponsor_get_name          (HpSponsor  *self);
void        hp_sponsor_set_name          (HpSponsor  *self,
                                          const char *name);
const char *hp_sponsor_get_contact       (HpSponsor  *self);
void        hp_sponsor_set_contact       (HpSponsor  *self,
                                          const char *contact);
const char *hp_sponsor_get_phone         (HpSponsor  *self);
void        hp_sponsor_set_phone         (HpSponsor  *self,
                                          const char *phone);
const char *hp_sponsor_get_email         (HpSponsor  *self);
void        hp_sponsor_set_email         (HpSponsor  *self,
                                          const char *email);
const char *hp_sponsor_get_address       (HpSponsor  *self);
void        hp_sponsor_set_address       (HpSponsor  *self,
                                          const char *address);
const char *hp_sponsor_get_notes         (HpSponsor  *self);
void        hp_sponsor_set_notes         (HpSponsor  *self,
                                          const char *notes);
guint       hp_sponsor_get_product_count (HpSponsor  *self);
gint64      hp_sponsor_get_pledged       (HpSponsor  *self);
gint64      hp_sponsor_get_received      (HpSponsor  *self);
gint64      hp_sponsor_get_value_cents   (HpSponsor  *self);
void        hp_sponsor_set_figures       (HpSponsor  *self,
                                          guint       product_count,
                                          gint64      pledged,
                                          gint64      received,
                                          gint64      value_cents);

G_END_DECLS
