/* hp-campaign-dialog-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the dialog's fields, without widening the public API.
 */
#pragma once

#include "hp-campaign-dialog.h"

G_BEGIN_DECLS

AdwComboRow   *_hp_campaign_dialog_get_source_row    (HpCampaignDialog *self);
AdwEntryRow   *_hp_campaign_dialog_get_name_row      (HpCampaignDialog *self);
AdwEntryRow   *_hp_campaign_dialog_get_year_row      (HpCampaignDialog *self);
AdwEntryRow   *_hp_campaign_dialog_get_date_row      (HpCampaignDialog *self);
GtkWidget          *_hp_campaign_dialog_get_date_button (HpCampaignDialog *self);
GtkSpinButton *_hp_campaign_dialog_get_spare_spin    (HpCampaignDialog *self);
GtkLabel      *_hp_campaign_dialog_get_name_message  (HpCampaignDialog *self);
GtkLabel      *_hp_campaign_dialog_get_year_message  (HpCampaignDialog *self);
GtkLabel      *_hp_campaign_dialog_get_date_message  (HpCampaignDialog *self);
GtkLabel      *_hp_campaign_dialog_get_error_label   (HpCampaignDialog *self);
GtkButton     *_hp_campaign_dialog_get_create_button (HpCampaignDialog *self);

G_END_DECLS
