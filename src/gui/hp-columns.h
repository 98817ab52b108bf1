/* hp-columns.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column views described by a table: one HpColumnSpec per column gives the
 * title, the model property and how to show it. Every column is sortable by
 * that property and resizable.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * HpCellFormat:
 * @HP_CELL_TEXT: a string, shown as is
 * @HP_CELL_NUMBER: an integer, right-aligned with digit grouping; negative
 *   values (%HP_UNSET) show as empty
 * @HP_CELL_MONEY: a #gint64 amount in cents, shown with hp_format_money()
 * @HP_CELL_DATE: an ISO date or date-time string, shown with hp_format_date()
 * @HP_CELL_FLAG: a #gboolean, shown as the spec's `flag_text` when %TRUE
 */
typedef enum
{
  HP_CELL_TEXT,
  HP_CELL_NUMBER,
  HP_CELL_MONEY,
  HP_CELL_DATE,
  HP_CELL_FLAG,
} HpCellFormat;

/**
 * HpColumnSpec:
 * @title: the untranslated title, marked with N_()
 * @property: the item property shown and sorted by
 * @format: how to show the value
 * @width_chars: natural width of the cells in characters
 * @expand: whether the column takes the space left over
 * @flag_text: for %HP_CELL_FLAG, the text shown for %TRUE
 */
typedef struct
{
  const char   *title;
  const char   *property;
  HpCellFormat  format;
  int           width_chars;
  gboolean      expand;
  const char   *flag_text;
} HpColumnSpec;

void  hp_columns_append      (GtkColumnView      *column_view,
                              GType               item_type,
                              const HpColumnSpec *specs,
                              guint               n_specs);
char *hp_columns_format_cell (const HpColumnSpec *spec,
                              const GValue       *value);

G_END_DECLS
