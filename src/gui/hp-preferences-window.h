/* hp-preferences-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include <heimpack/hp-store.h>

G_BEGIN_DECLS

#define HP_TYPE_PREFERENCES_WINDOW (hp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HpPreferencesWindow, hp_preferences_window, HP, PREFERENCES_WINDOW, AdwPreferencesWindow)

HpPreferencesWindow *hp_preferences_window_new       (GtkWindow  *parent,
                                                      HpStore    *store);

gboolean             hp_preferences_take_over_agency (GSettings  *settings,
                                                      HpStore    *store,
                                                      GError    **error);

G_END_DECLS
