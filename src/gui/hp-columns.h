/* hp-columns.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column views described by a table: one HpColumnSpec per column gives the
 * title, the model property and how to show it. Every column is resizable
 * and sortable: a click on its header sorts the page's rows by it, in the
 * page's worker (hp_columns_get_sort() tells which column and way).
 */
#pragma once

#include <gtk/gtk.h>

#include "hp-cell.h"

G_BEGIN_DECLS

void  hp_columns_append      (GtkColumnView      *column_view,
                              GType               item_type,
                              const HpColumnSpec *specs,
                              guint               n_specs);
char *hp_columns_dup_search_key (const HpColumnSpec *specs,
                                 guint               n_specs,
                                 GObject            *item);
guint hp_columns_get_position  (GtkWidget          *cell);
void  hp_columns_get_sort      (GtkColumnView      *column_view,
                                int                *out_column,
                                gboolean           *out_descending);

G_END_DECLS
