/* hp-campaign-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_CAMPAIGN_DIALOG (hp_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HpCampaignDialog, hp_campaign_dialog, HP, CAMPAIGN_DIALOG, AdwWindow)

HpCampaignDialog *hp_campaign_dialog_new          (HpStore          *store,
                                                   gboolean          copy);
HpCampaignDialog *hp_campaign_dialog_new_edit     (HpStore          *store,
                                                   HpCampaign       *campaign);
gboolean          hp_campaign_dialog_get_copy     (HpCampaignDialog *self);
HpCampaign       *hp_campaign_dialog_get_source   (HpCampaignDialog *self);
HpCampaign       *hp_campaign_dialog_get_campaign (HpCampaignDialog *self);

G_END_DECLS
