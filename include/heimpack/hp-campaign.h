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
void        hp_campaign_set_handover_date (HpCampaign *self,
                                           const char *iso_date);
int         hp_campaign_get_spare_percent (HpCampaign *self);
void        hp_campaign_set_spare_percent (HpCampaign *self,
                                           int         percent);

G_END_DECLS
