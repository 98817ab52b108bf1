/* hp-bookings-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_BOOKINGS_DIALOG (hp_bookings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HpBookingsDialog, hp_bookings_dialog, HP, BOOKINGS_DIALOG, AdwWindow)

HpBookingsDialog *hp_bookings_dialog_new          (HpStore          *store,
                                                   HpCampaign       *campaign);
HpCampaign       *hp_bookings_dialog_get_campaign (HpBookingsDialog *self);
void              hp_bookings_dialog_set_campaign (HpBookingsDialog *self,
                                                   HpCampaign       *campaign);
gboolean          hp_bookings_dialog_get_loading  (HpBookingsDialog *self);

G_END_DECLS
