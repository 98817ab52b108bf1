/* hp-cli-output.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables for people (titles translated, money, dates and counts in the
 * language's form, columns aligned by characters, not bytes) and JSON for scripts
 * (every readable property, keys with '_' for '-', values unformatted).
 */

#include "config.h"

#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-cli-output.h"

static char *
format_cell (GObject          *object,
             const HpCliColumn *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), column->property);
  gint64 number = 0;

  g_return_val_if_fail (pspec != NULL, g_strdup ("?"));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, column->property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);

      return column->kind == HP_CLI_CELL_DATE ? hp_format_date (text) : g_strdup (text ? text : "");
    }

  /* names (an item's sponsors): all of them, ", "-separated */
  if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
    return g_value_get_boxed (&value) != NULL ? g_strjoinv (", ", g_value_get_boxed (&value)) : g_strdup ("");

  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? (column->kind == HP_CLI_CELL_FLAG ? "✓" : _("yes")) : "");

  if (G_VALUE_HOLDS_INT64 (&value))
    number = g_value_get_int64 (&value);
  else if (G_VALUE_HOLDS_INT (&value))
    number = g_value_get_int (&value);
  else if (G_VALUE_HOLDS_UINT (&value))
    number = g_value_get_uint (&value);

  if (column->kind == HP_CLI_CELL_MONEY)
    return hp_format_money (number);
  if (column->kind == HP_CLI_CELL_COUNT_OR_UNSET && number == HP_UNSET)
    return g_strdup ("");
  if (column->kind == HP_CLI_CELL_YES_NO_UNSET)
    return g_strdup (number == HP_UNSET ? "?" : (number != 0 ? "✓" : ""));

  if (column->kind == HP_CLI_CELL_COUNT || column->kind == HP_CLI_CELL_COUNT_OR_UNSET)
    return hp_format_count (number);

  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

static void
print_padded (FILE       *out,
              const char *text,
              guint       width,
              gboolean    right)
{
  guint len = (guint) g_utf8_strlen (text, -1);
  guint pad = width > len ? width - len : 0;

  if (right)
    fprintf (out, "%*s%s", (int) pad, "", text);
  else
    fprintf (out, "%s%*s", text, (int) pad, "");
}

void
hp_cli_print_cells (FILE              *out,
                    const HpCliColumn *columns,
                    guint              n_columns,
                    char * const      *cells,
                    guint              n_rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = (guint) g_utf8_strlen (_(columns[c].title), -1);

  for (guint i = 0; i < n_rows; i++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[i * n_columns + c], -1));

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean right = columns[c].kind != HP_CLI_CELL_TEXT && columns[c].kind != HP_CLI_CELL_DATE;

      print_padded (out, _(columns[c].title), widths[c], right);
      fputs (c + 1 < n_columns ? "  " : "\n", out);
    }

  for (guint i = 0; i < n_rows; i++)
    for (guint c = 0; c < n_columns; c++)
      {
        gboolean right = columns[c].kind != HP_CLI_CELL_TEXT && columns[c].kind != HP_CLI_CELL_DATE;

        print_padded (out, cells[i * n_columns + c], widths[c], right);
        fputs (c + 1 < n_columns ? "  " : "\n", out);
      }
}

void
hp_cli_print_table (FILE              *out,
                    GListModel        *items,
                    const HpCliColumn *columns,
                    guint              n_columns)
{
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (cells, format_cell (item, &columns[c]));
    }

  hp_cli_print_cells (out, columns, n_columns, (char * const *) cells->pdata, n_items);
}

void
hp_cli_print_counted (FILE       *out,
                      const char *format,
                      gint64      n)
{
  g_autofree char *text = hp_format_counted (format, n);

  fputs (text, out);
}

void
hp_cli_print_json_string (FILE       *out,
                          const char *text)
{
  if (text == NULL)
    {
      fputs ("null", out);
      return;
    }

  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':  fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\r': fputs ("\\r", out); break;
        case '\t': fputs ("\\t", out); break;
        default:
          if (*p < 0x20)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

void
hp_cli_print_json_object (FILE    *out,
                          GObject *object)
{
  guint n_props = 0;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  fputc ('{', out);
  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = g_strdelimit (g_strdup (props[i]->name), "-", '_');

      g_value_init (&value, props[i]->value_type);
      g_object_get_property (object, props[i]->name, &value);

      if (i > 0)
        fputc (',', out);
      hp_cli_print_json_string (out, key);
      fputc (':', out);

      if (G_VALUE_HOLDS_STRING (&value))
        hp_cli_print_json_string (out, g_value_get_string (&value));
      else if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          /* one string, ", "-separated, as scripts have always read an
           * item's "sponsors"; null for none */
          g_autofree char *joined = NULL;

          if (g_value_get_boxed (&value) != NULL && ((char **) g_value_get_boxed (&value))[0] != NULL)
            joined = g_strjoinv (", ", g_value_get_boxed (&value));
          hp_cli_print_json_string (out, joined);
        }
      else if (G_VALUE_HOLDS_BOOLEAN (&value))
        fputs (g_value_get_boolean (&value) ? "true" : "false", out);
      else if (G_VALUE_HOLDS_INT64 (&value))
        fprintf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (&value));
      else if (G_VALUE_HOLDS_INT (&value))
        {
          GParamSpecInt *int_spec = G_PARAM_SPEC_INT (props[i]);
          int v = g_value_get_int (&value);

          /* Unset optional counts are null, not -1, for scripts; an int
           * that is 1, 0 or unset (a graduate's under18) is true, false or
           * null. */
          if (v == HP_UNSET && int_spec->default_value == HP_UNSET)
            fputs ("null", out);
          else if (int_spec->minimum == HP_UNSET && int_spec->maximum == 1)
            fputs (v != 0 ? "true" : "false", out);
          else
            fprintf (out, "%d", v);
        }
      else if (G_VALUE_HOLDS_UINT (&value))
        fprintf (out, "%u", g_value_get_uint (&value));
      else
        fputs ("null", out);
    }
  fputc ('}', out);
}

void
hp_cli_print_json_list (FILE       *out,
                        GListModel *items)
{
  guint n_items = g_list_model_get_n_items (items);

  fputc ('[', out);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      fputs (i > 0 ? ",\n " : "", out);
      hp_cli_print_json_object (out, item);
    }
  fputs ("]\n", out);
}

/* ------------------------------------------------------------------------ */
/* HpCliJson                                                                 */

void
hp_cli_json_init (HpCliJson *json,
                  FILE      *out)
{
  json->out = out;
  json->depth = 0;
  json->has_members = 0;
  json->is_array = 0;
}

/* The comma before a member, and its key. */
static void
json_member (HpCliJson  *json,
             const char *key)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << json->depth;

  g_assert (json->depth < 64);

  if (json->has_members & bit)
    fputc (',', json->out);
  json->has_members |= bit;

  if (key != NULL)
    {
      hp_cli_print_json_string (json->out, key);
      fputc (':', json->out);
    }
}

static void
json_begin (HpCliJson  *json,
            const char *key,
            gboolean    array)
{
  guint64 bit;

  json_member (json, key);
  fputc (array ? '[' : '{', json->out);
  json->depth++;
  g_assert (json->depth < 64);

  bit = G_GUINT64_CONSTANT (1) << json->depth;
  json->has_members &= ~bit;
  if (array)
    json->is_array |= bit;
  else
    json->is_array &= ~bit;
}

void
hp_cli_json_begin_object (HpCliJson  *json,
                          const char *key)
{
  json_begin (json, key, FALSE);
}

void
hp_cli_json_begin_array (HpCliJson  *json,
                         const char *key)
{
  json_begin (json, key, TRUE);
}

/* Closes the object or array that the last begin opened. */
void
hp_cli_json_end (HpCliJson *json)
{
  g_assert (json->depth > 0);
  fputc ((json->is_array >> json->depth) & 1 ? ']' : '}', json->out);
  json->depth--;
  if (json->depth == 0)
    fputc ('\n', json->out);
}

void
hp_cli_json_string (HpCliJson  *json,
                    const char *key,
                    const char *value)
{
  json_member (json, key);
  hp_cli_print_json_string (json->out, value);
}

void
hp_cli_json_int (HpCliJson  *json,
                 const char *key,
                 gint64      value)
{
  json_member (json, key);
  fprintf (json->out, "%" G_GINT64_FORMAT, value);
}

void
hp_cli_json_optional_int (HpCliJson  *json,
                          const char *key,
                          gint64      value)
{
  if (value == HP_UNSET)
    hp_cli_json_null (json, key);
  else
    hp_cli_json_int (json, key, value);
}

void
hp_cli_json_bool (HpCliJson  *json,
                  const char *key,
                  gboolean    value)
{
  json_member (json, key);
  fputs (value ? "true" : "false", json->out);
}

void
hp_cli_json_null (HpCliJson  *json,
                  const char *key)
{
  json_member (json, key);
  fputs ("null", json->out);
}

void
hp_cli_json_object (HpCliJson  *json,
                    const char *key,
                    GObject    *object)
{
  json_member (json, key);
  hp_cli_print_json_object (json->out, object);
}
