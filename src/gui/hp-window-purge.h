/* hp-window-purge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's part of the purge of personal data (hp-window-purge.c).
 */
#pragma once

#include "hp-window.h"

G_BEGIN_DECLS

void  _hp_window_purge_class_init     (GtkWidgetClass *widget_class);
void  _hp_window_purge_remind         (HpWindow       *self);
char *hp_data_info_dup_text           (guint           weeks);

G_END_DECLS
