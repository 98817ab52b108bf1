/* hp-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_WINDOW (hp_window_get_type ())
G_DECLARE_FINAL_TYPE (HpWindow, hp_window, HP, WINDOW, AdwApplicationWindow)

HpWindow   *hp_window_new          (GtkApplication *application,
                                    HpStore        *store);
HpStore    *hp_window_get_store    (HpWindow       *self);
HpCampaign *hp_window_get_campaign (HpWindow       *self);
void        hp_window_set_campaign (HpWindow       *self,
                                    HpCampaign     *campaign);
void        hp_window_add_toast    (HpWindow       *self,
                                    AdwToast       *toast);

G_END_DECLS
