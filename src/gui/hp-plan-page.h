/* hp-plan-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_PLAN_PAGE (hp_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (HpPlanPage, hp_plan_page, HP, PLAN_PAGE, GtkWidget)

GtkWidget  *hp_plan_page_new          (HpStore    *store,
                                       HpCampaign *campaign);
HpStore    *hp_plan_page_get_store    (HpPlanPage *self);
HpCampaign *hp_plan_page_get_campaign (HpPlanPage *self);
void        hp_plan_page_set_campaign (HpPlanPage *self,
                                       HpCampaign *campaign);
gboolean    hp_plan_page_get_loading  (HpPlanPage *self);
void        hp_plan_page_reload       (HpPlanPage *self);

G_END_DECLS
