/* hp-cell.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hp-cell"

#include "config.h"

#include <heimpack/heimpack.h>

#include "hp-cell.h"

/**
 * hp_cell_format_is_numeric:
 *
 * Returns: %TRUE for a number or an amount: right-aligned, sorted as numbers
 */
gboolean
hp_cell_format_is_numeric (HpCellFormat format)
{
  return format == HP_CELL_NUMBER || format == HP_CELL_MONEY;
}

/**
 * hp_cell_value_get_int64:
 * @value: a value of an integer or boolean type
 *
 * Returns: @value as a #gint64
 */
gint64
hp_cell_value_get_int64 (const GValue *value)
{
  g_auto(GValue) as_int64 = G_VALUE_INIT;

  g_value_init (&as_int64, G_TYPE_INT64);
  if (!g_value_transform (value, &as_int64))
    g_assert_not_reached ();

  return g_value_get_int64 (&as_int64);
}

/**
 * hp_columns_format_cell:
 * @spec: the column
 * @value: the item's value of `spec->property`
 *
 * Returns: (transfer full): the text of the cell, never %NULL.
 */
char *
hp_columns_format_cell (const HpColumnSpec *spec,
                        const GValue       *value)
{
  gint64 number;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  switch (spec->format)
    {
    case HP_CELL_TEXT:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

    case HP_CELL_DATE:
      return hp_format_date (g_value_get_string (value));

    case HP_CELL_FLAG:
      return g_strdup (g_value_get_boolean (value) ? spec->flag_text : "");

    case HP_CELL_TRISTATE:
      number = hp_cell_value_get_int64 (value);
      return g_strdup (number > 0 ? spec->flag_text : number < 0 ? "?" : "");

    case HP_CELL_MONEY:
      return hp_format_money (hp_cell_value_get_int64 (value));

    case HP_CELL_NUMBER:
      number = hp_cell_value_get_int64 (value);
      if (number < 0)
        return g_strdup ("");
      /* the language's way, as every count: 2,000 or 2.000 */
      return hp_format_count (number);

    default:
      g_assert_not_reached ();
    }
}

