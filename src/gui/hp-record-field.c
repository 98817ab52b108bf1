/* hp-record-field.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor shows values the way people write them in a German office
 * (`24.06.2027`, `3,99`, `25.06.2027 11:00`) and stores them the way the
 * store wants them (ISO dates, cents). Every parse either gives a value or a
 * sentence that says what is expected, shown under the field as you type.
 */

#define G_LOG_DOMAIN "hp-record-field"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <heimpack/heimpack.h>

#include "hp-record-field.h"

/**
 * hp_field_kind_get_value_type:
 *
 * Returns: the #GType of the values of @kind.
 */
GType
hp_field_kind_get_value_type (HpFieldKind kind)
{
  switch (kind)
    {
    case HP_FIELD_TEXT:
    case HP_FIELD_EMAIL:
    case HP_FIELD_POSTCODE:
    case HP_FIELD_DATE:
    case HP_FIELD_DATETIME:
      return G_TYPE_STRING;
    case HP_FIELD_MONEY:
    case HP_FIELD_COUNT:
    case HP_FIELD_CHOICE:
      return G_TYPE_INT64;
    case HP_FIELD_SWITCH:
      return G_TYPE_BOOLEAN;
    default:
      g_assert_not_reached ();
    }
}

/**
 * hp_field_format_iso_date:
 * @iso: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): the date of @iso (a time after it is left
 *   out) as the lists show it, in the language's convention (`24.06.2027`
 *   in German, `2027-06-24` in English), which hp_parse_date() reads back;
 *   "" for %NULL.
 */
char *
hp_field_format_iso_date (const char *iso)
{
  char date[11];

  if (iso == NULL || !hp_iso_datetime_is_valid (iso))
    return g_strdup (iso ? iso : "");

  g_strlcpy (date, iso, sizeof date);
  return hp_format_date (date);
}

/* An example of a date (and time) as the field wants it, for the hints */
static char *
example_date (gboolean with_time)
{
  g_autofree char *date = hp_format_date ("2027-06-24");

  return with_time ? g_strconcat (date, " 11:00", NULL) : g_steal_pointer (&date);
}

static char *
format_money (gint64 cents)
{
  /* without currency sign or grouping: easy to change, and hp_parse_money
   * reads both "3,99" and "3.99" */
  return hp_format_money_plain (cents);
}

/**
 * hp_field_format:
 * @value: a value of the kind's type (see hp_field_kind_get_value_type())
 *
 * Returns: (transfer full): @value as the text to edit.
 */
char *
hp_field_format (const HpFieldSpec *spec,
                 const GValue      *value)
{
  const char *text;
  gint64 number;

  switch (spec->kind)
    {
    case HP_FIELD_TEXT:
    case HP_FIELD_EMAIL:
    case HP_FIELD_POSTCODE:
      text = g_value_get_string (value);
      return g_strdup (text ? text : "");

    case HP_FIELD_DATE:
      return hp_field_format_iso_date (g_value_get_string (value));

    case HP_FIELD_DATETIME:
      text = g_value_get_string (value);
      if (text != NULL && strlen (text) == 16 && hp_iso_datetime_is_valid (text))
        {
          g_autofree char *date = hp_field_format_iso_date (text);
          return g_strdup_printf ("%s %s", date, text + 11);
        }
      return hp_field_format_iso_date (text);

    case HP_FIELD_MONEY:
      return format_money (g_value_get_int64 (value));

    case HP_FIELD_COUNT:
      number = g_value_get_int64 (value);
      return number < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, number);

    case HP_FIELD_SWITCH:
    case HP_FIELD_CHOICE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strpbrk (text, " \t<>,;") != NULL)
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_postcode (const char *text)
{
  if (strlen (text) != 5)
    return FALSE;

  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static char *
parse_datetime (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", 2);
  g_autofree char *date = hp_parse_date (parts[0]);
  g_autofree char *iso = NULL;
  guint hour, minute;
  char tail;

  if (date == NULL)
    return NULL;
  if (parts[1] == NULL || *g_strstrip (parts[1]) == '\0')
    return g_steal_pointer (&date);

  /* "11:30", or the hour alone: "11" is 11:00 */
  if (sscanf (parts[1], "%u:%u%c", &hour, &minute, &tail) != 2)
    {
      minute = 0;
      if (sscanf (parts[1], "%u%c", &hour, &tail) != 1 || strchr (parts[1], ':') != NULL)
        return NULL;
    }
  if (hour > 23 || minute > 59)
    return NULL;

  iso = g_strdup_printf ("%sT%02u:%02u", date, hour, minute);
  return hp_iso_datetime_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
}

static char *
parse_count (const HpFieldSpec *spec,
             const char        *text,
             GValue            *value)
{
  guint64 number;

  if (*text == '\0')
    {
      g_value_set_int64 (value, HP_UNSET);
      return NULL;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &number, NULL))
    return g_strdup (_("Enter a whole number, such as 25"));

  if ((spec->flags & HP_FIELD_POSITIVE) && number == 0)
    return g_strdup (_("Enter a number greater than 0"));

  g_value_set_int64 (value, (gint64) number);
  return NULL;
}

/**
 * hp_field_parse:
 * @text: what was typed
 * @value: (out caller-allocates): an empty #GValue, initialised here
 *
 * Parses and checks @text for @spec (not %HP_FIELD_SWITCH nor
 * %HP_FIELD_CHOICE). Empty text is a valid "no value" (%NULL, %HP_UNSET
 * or 0) unless the field is required.
 *
 * Returns: (transfer full) (nullable): %NULL if @text is valid, otherwise
 *   what is wrong, for the user; @value is then the kind's default.
 */
char *
hp_field_parse (const HpFieldSpec *spec,
                const char        *text,
                GValue            *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *iso = NULL;
  gint64 cents;

  g_value_init (value, hp_field_kind_get_value_type (spec->kind));

  if (*stripped == '\0' && (spec->flags & HP_FIELD_REQUIRED))
    return g_strdup (spec->subtitle ? _(spec->subtitle) : _("Required"));

  switch (spec->kind)
    {
    case HP_FIELD_TEXT:
      break;

    case HP_FIELD_EMAIL:
      if (*stripped != '\0' && !is_email (stripped))
        return g_strdup (_("Enter an e-mail address such as name@example.de"));
      break;

    case HP_FIELD_POSTCODE:
      if (*stripped != '\0' && !is_postcode (stripped))
        return g_strdup (_("A postcode has exactly five digits, such as 59872"));
      break;

    case HP_FIELD_MONEY:
      if (*stripped == '\0')
        return NULL;
      if (!hp_parse_money (stripped, &cents))
        {
          g_autofree char *example = hp_format_money_plain (399);

          /* Translators: %s is an amount as the language writes it, "3,99" */
          return g_strdup_printf (_("Enter an amount in euros, such as %s"), example);
        }
      g_value_set_int64 (value, cents);
      return NULL;

    case HP_FIELD_COUNT:
      return parse_count (spec, stripped, value);

    case HP_FIELD_DATE:
      if (*stripped == '\0')
        return NULL;
      iso = hp_parse_date (stripped);
      if (iso == NULL)
        {
          g_autofree char *example = example_date (FALSE);

          /* Translators: %s is a date as the language writes it, "24.06.2027" */
          return g_strdup_printf (_("Enter a date such as %s"), example);
        }
      g_value_take_string (value, g_steal_pointer (&iso));
      return NULL;

    case HP_FIELD_DATETIME:
      if (*stripped == '\0')
        return NULL;
      iso = parse_datetime (stripped);
      if (iso == NULL)
        {
          g_autofree char *example = example_date (TRUE);

          /* Translators: %s is a date and time, "24.06.2027 11:00" */
          return g_strdup_printf (_("Enter a date and time, such as %s"), example);
        }
      g_value_take_string (value, g_steal_pointer (&iso));
      return NULL;

    case HP_FIELD_SWITCH:
    case HP_FIELD_CHOICE:
    default:
      g_assert_not_reached ();
    }

  if (*stripped != '\0')
    g_value_take_string (value, g_steal_pointer (&stripped));

  return NULL;
}
