/* hp-window-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the window's parts, without widening the public API.
 */
#pragma once

#include "hp-window.h"
#include "hp-table-page.h"

G_BEGIN_DECLS

AdwViewStack         *_hp_window_get_view_stack          (HpWindow   *self);
AdwViewSwitcherTitle *_hp_window_get_switcher_title      (HpWindow   *self);
GtkMenuButton        *_hp_window_get_primary_menu_button (HpWindow   *self);
GtkRevealer          *_hp_window_get_read_only_revealer  (HpWindow   *self);
HpTablePage          *_hp_window_get_page                (HpWindow   *self,
                                                          const char *name);

G_END_DECLS
