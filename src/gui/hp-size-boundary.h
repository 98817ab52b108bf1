/* hp-size-boundary.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HP_TYPE_SIZE_BOUNDARY (hp_size_boundary_get_type ())
G_DECLARE_FINAL_TYPE (HpSizeBoundary, hp_size_boundary, HP, SIZE_BOUNDARY, GtkWidget)

void       hp_size_boundary_set_child (HpSizeBoundary *self,
                                       GtkWidget      *child);

G_END_DECLS
