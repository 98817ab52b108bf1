/* hp-campaign.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpCampaign:
 *
 * One year's drive, e.g. "Heimvorteil2GO 2027". Pledges, receipts, the pack
 * recipe, the schools' expected numbers and the graduates belong to a
 * campaign; sponsors, products and schools persist across campaigns.
 *
 * Properties: `id` (gint64, 0 until stored), `name`, `year` (gint),
 * `handover-date` (ISO-8601 `YYYY-MM-DD` or %NULL: the default hand-over date
 * for schools that have none of their own), `spare-percent` (gint, 0–100:
 * spare packs on top of the graduates, default 5).
 */
#define HP_TYPE_CAMPAIGN (hp_campaign_get_type ())
G_DECLARE_FINAL_TYPE (HpCampaign, hp_campaign, HP, CAMPAIGN, GObject)

HpCampaign *hp_campaign_new               (const char *name,
                                           int         year);
gint64      hp_campaign_get_id            (HpCampaign *self);
void        hp_campaign_set_id            (HpCampaign *self,
                                           gint64      id);
const char *hp_campaign_get_name          (HpCampaign *self);
void        hp_campaign_set_name          (HpCampaign *self,
                                           const char *name);
int         hp_campaign_get_year          (HpCampaign *self);
void        hp_campaign_set_year          (HpCampaign *self,
                                           int         year);
const char *hp_campaign_get_handover_date (HpCampaign *self);
/**
 * hp_campaign_dup_age_day:
 * @out_assumed: (out) (optional): %TRUE when the campaign has no hand-over
 *   date and 30 June of its year was assumed
 *
 * The day on which graduates' ages count for the under-18 pack when their
 * school has no hand-over date of its own: the campaign's hand-over date,
 * else 30 June of the campaign year.
 *
 * Returns: (transfer full): an ISO date, `YYYY-MM-DD`.
 */
char       *hp_campaign_dup_age_day       (HpCampaign *self,
                                           gboolean   *out_assumed);
void        hp_campaign_set_handover_date (HpCampaign *self,
                                           const char *iso_date);
int         hp_campaign_get_spare_percent (HpCampaign *self);
void        hp_campaign_set_spare_percent (HpCampaign *self,
                                           int         percent);

G_END_DECLS
