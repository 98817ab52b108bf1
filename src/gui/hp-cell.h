/* hp-cell.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a table's columns show and how a cell is written, without GTK:
 * shared by the column views (hp-columns.c) and the compact rows the pages
 * keep (hp-row-table.c).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HpCellFormat:
 * @HP_CELL_TEXT: a string, shown as is
 * @HP_CELL_NUMBER: an integer, right-aligned with digit grouping; negative
 *   values (%HP_UNSET) show as empty
 * @HP_CELL_MONEY: a #gint64 amount in cents, shown with hp_format_money()
 * @HP_CELL_DATE: an ISO date or date-time string, shown with hp_format_date()
 * @HP_CELL_FLAG: a #gboolean, shown as the spec's `flag_text` when %TRUE
 * @HP_CELL_TRISTATE: an int that is 1 (shown as the spec's `flag_text`), 0
 *   (empty) or %HP_UNSET, not known (shown as “?”)
 */
typedef enum
{
  HP_CELL_TEXT,
  HP_CELL_NUMBER,
  HP_CELL_MONEY,
  HP_CELL_DATE,
  HP_CELL_FLAG,
  HP_CELL_TRISTATE,
} HpCellFormat;

/**
 * HpCellGetter:
 * @item: (type GObject): the row's item
 *
 * Computes a number that is no property of the item, e.g. what a sponsor
 * still owes. Called with a second, unused argument (closure data).
 */
typedef gint64 (*HpCellGetter) (gpointer item,
                                gpointer unused);

/**
 * HpColumnSpec:
 * @title: the untranslated title, marked with N_()
 * @property: the item property shown and sorted by, or %NULL with @get
 * @format: how to show the value
 * @width_chars: natural width of the cells in characters
 * @expand: whether the column takes the space left over
 * @flag_text: for %HP_CELL_FLAG and %HP_CELL_TRISTATE, the text shown for
 *   %TRUE
 * @get: for a computed %HP_CELL_NUMBER or %HP_CELL_MONEY column
 * @search: whether the text of the column is found by the page's search
 * @empty_text: (nullable): for a %HP_CELL_TEXT column, the untranslated
 *   text (N_()) an empty cell shows, dimmed, e.g. "No contact details"
 * @tooltip: (nullable): the string property of the item shown as the
 *   cell's tooltip (e.g. the names behind "4 sponsors"); not for rows
 *   packed by an #HpRowPool
 */
typedef struct
{
  const char   *title;
  const char   *property;
  HpCellFormat  format;
  int           width_chars;
  gboolean      expand;
  const char   *flag_text;
  HpCellGetter  get;
  gboolean      search;
  const char   *empty_text;
  const char   *tooltip;
} HpColumnSpec;

char     *hp_columns_format_cell    (const HpColumnSpec *spec,
                                     const GValue       *value);
gboolean  hp_cell_format_is_numeric (HpCellFormat        format);
gint64    hp_cell_value_get_int64   (const GValue       *value);

G_END_DECLS
