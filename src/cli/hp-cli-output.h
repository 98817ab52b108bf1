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
  HP_CLI_CELL_TEXT,
  HP_CLI_CELL_NUMBER,         /* an ID, a year, a percentage: as it is typed */
  HP_CLI_CELL_COUNT,          /* a count: grouped the language's way, 2,000 */
  HP_CLI_CELL_MONEY,
  HP_CLI_CELL_DATE,
  HP_CLI_CELL_FLAG,
  HP_CLI_CELL_COUNT_OR_UNSET, /* a count, or "" if unset */
  HP_CLI_CELL_YES_NO_UNSET,   /* an int 1 / 0 / HP_UNSET: "✓", "", "?" */
} HpCliCellKind;

/* One column of a table: which property, under which (translated) title. */
typedef struct
{
  const char *property;
  const char *title;
  HpCliCellKind kind;
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
/* Prints a sentence with one count to @out: @format as ngettext() chose it
 * for @n, with `%s` where the count goes, grouped the language's way
 * (hp_format_counted()): "2,000 rows read" / "2.000 Zeilen gelesen". */
void hp_cli_print_counted     (FILE              *out,
                               const char        *format,
                               gint64             n);

/*
 * HpCliJson:
 *
 * Writes one JSON value piece by piece, with the commas where they belong:
 * each call writes a member of the object being written (@key given) or an
 * element of the array (@key NULL). hp_cli_json_end() of the outermost value
 * ends the line.
 */
typedef struct
{
  FILE    *out;
  guint    depth;
  guint64  has_members;   /* bit n: the value at depth n has a member */
  guint64  is_array;      /* bit n: the value at depth n is an array */
} HpCliJson;

void hp_cli_json_init         (HpCliJson   *json,
                               FILE        *out);
void hp_cli_json_begin_object (HpCliJson   *json,
                               const char  *key);
void hp_cli_json_begin_array  (HpCliJson   *json,
                               const char  *key);
void hp_cli_json_end          (HpCliJson   *json);
void hp_cli_json_string       (HpCliJson   *json,
                               const char  *key,
                               const char  *value);
void hp_cli_json_int          (HpCliJson   *json,
                               const char  *key,
                               gint64       value);
/* %HP_UNSET is null */
void hp_cli_json_optional_int (HpCliJson   *json,
                               const char  *key,
                               gint64       value);
void hp_cli_json_bool         (HpCliJson   *json,
                               const char  *key,
                               gboolean     value);
void hp_cli_json_null         (HpCliJson   *json,
                               const char  *key);
/* Every readable property of @object, as hp_cli_print_json_object() does */
void hp_cli_json_object       (HpCliJson   *json,
                               const char  *key,
                               GObject     *object);

G_END_DECLS
