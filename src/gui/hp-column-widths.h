/* hp-column-widths.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hp_column_widths_attach (GtkColumnView *view);

void hp_column_widths_share  (const int     *minimum,
                              const int     *natural,
                              guint          n_columns,
                              int            available,
                              int           *out_widths);

G_END_DECLS
