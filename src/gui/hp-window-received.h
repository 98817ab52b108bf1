/* hp-window-received.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's reading back of returned class lists (hp-window-received.c).
 */
#pragma once

#include "hp-window.h"

G_BEGIN_DECLS

void _hp_window_received_class_init     (GtkWidgetClass *widget_class);
void _hp_window_import_received         (HpWindow       *self,
                                         GFile          *file);

G_END_DECLS
