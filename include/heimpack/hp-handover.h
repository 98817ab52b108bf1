/* hp-handover.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpHandover:
 *
 * One hand-over ("Übergabe") of packs to a school in a campaign, signed for
 * by someone there. A school may have any number of them; the packs
 * **delivered** to a school are the sum of its hand-overs (what graduates
 * were then **handed out** is counted from their "received" ticks).
 *
 * Stored properties: `id`, `campaign-id`, `school-id` (gint64), `date`
 * (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, required), `standard` and `under18`
 * (gint64 packs, ≥ 0, together > 0), `received-by` (who signed), `note`.
 *
 * Filled in by the store's lists: `school-number`, `school-name`.
 */
#define HP_TYPE_HANDOVER (hp_handover_get_type ())
G_DECLARE_FINAL_TYPE (HpHandover, hp_handover, HP, HANDOVER, GObject)

HpHandover *hp_handover_new             (gint64       campaign_id,
                                         gint64       school_id,
                                         const char  *iso_date,
                                         gint64       standard,
                                         gint64       under18);
gint64      hp_handover_get_id          (HpHandover  *self);
void        hp_handover_set_id          (HpHandover  *self,
                                         gint64       id);
gint64      hp_handover_get_campaign_id (HpHandover  *self);
void        hp_handover_set_campaign_id (HpHandover  *self,
                                         gint64       campaign_id);
gint64      hp_handover_get_school_id   (HpHandover  *self);
void        hp_handover_set_school_id   (HpHandover  *self,
                                         gint64       school_id);
const char *hp_handover_get_date        (HpHandover  *self);
void        hp_handover_set_date        (HpHandover  *self,
                                         const char  *iso_date);
gint64      hp_handover_get_standard    (HpHandover  *self);
void        hp_handover_set_standard    (HpHandover  *self,
                                         gint64       standard);
gint64      hp_handover_get_under18     (HpHandover  *self);
void        hp_handover_set_under18     (HpHandover  *self,
                                         gint64       under18);
/**
 * hp_handover_get_total:
 *
 * Returns: standard plus under-18 packs.
 */
gint64      hp_handover_get_total       (HpHandover  *self);
const char *hp_handover_get_received_by (HpHandover  *self);
void        hp_handover_set_received_by (HpHandover  *self,
                                         const char  *received_by);
const char *hp_handover_get_note        (HpHandover  *self);
void        hp_handover_set_note        (HpHandover  *self,
                                         const char  *note);

const char *hp_handover_get_school_number (HpHandover *self);
const char *hp_handover_get_school_name   (HpHandover *self);
void        hp_handover_set_school        (HpHandover *self,
                                           const char *number,
                                           const char *name);

G_END_DECLS
