/* hp-cli-output.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing model objects as aligned tables or as JSON.
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  HP_CELL_TEXT,
  HP_CELL_NUMBER,
  HP_CELL_MONEY,
  HP_CELL_DATE,
  HP_CELL_FLAG,
  HP_CELL_COUNT_OR_UNSET,
} HpCellKind;

/* One column of a table: which property, under which (translated) title. */
typedef struct
{
  const char *property;
  const char *title;
  HpCellKind  kind;
} HpCliColumn;

void hp_cli_print_table       (FILE              *out,
                               GListModel        *items,
                               const HpCliColumn *columns,
                               guint              n_columns);
/* Prints @n_rows rows of already formatted @cells (row by row, n_columns
 * each) under the titles of @columns, aligned like hp_cli_print_table(); the
 * columns' properties are not used. */
void hp_cli_print_cells       (FILE              *out,
                               const HpCliColumn *columns,
                               guint              n_columns,
                               char * const      *cells,
                               guint              n_rows);
void hp_cli_print_json_object (FILE              *out,
                               GObject           *object);
void hp_cli_print_json_list   (FILE              *out,
                               GListModel        *items);
void hp_cli_print_json_string (FILE              *out,
                               const char        *text);

G_END_DECLS
