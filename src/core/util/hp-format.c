/* hp-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing and display of money and dates. Storage forms are fixed (cents,
 * ISO-8601); display forms follow the language the user reads, that is the
 * translation, not LC_NUMERIC or LC_TIME: English text with German numbers
 * and ISO dates (LANGUAGE=en under a de_DE locale) mixed two conventions
 * in one window. German: `1.234,50 €`, `02.12.2026`; English (no
 * translation): `1,234.50 €`, `2026-12-02`.
 */

#define G_LOG_DOMAIN "hp-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"

static gboolean
parse_fixed_digits (const char *text,
                    guint       n_digits,
                    guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

static gboolean
ymd_is_valid (guint year,
              guint month,
              guint day)
{
  return year >= 1 && year <= 9999 &&
         g_date_valid_month ((GDateMonth) month) &&
         day >= 1 && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

gboolean
hp_iso_date_is_valid (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  return parse_fixed_digits (text, 4, &y) &&
         parse_fixed_digits (text + 5, 2, &m) &&
         parse_fixed_digits (text + 8, 2, &d) &&
         ymd_is_valid (y, m, d);
}

gboolean
hp_iso_datetime_is_valid (const char *text)
{
  guint h, min;

  if (text == NULL)
    return FALSE;

  if (strlen (text) == 10)
    return hp_iso_date_is_valid (text);

  if (strlen (text) != 16 || text[10] != 'T' || text[13] != ':')
    return FALSE;

  {
    char date[11];

    memcpy (date, text, 10);
    date[10] = '\0';
    if (!hp_iso_date_is_valid (date))
      return FALSE;
  }

  return parse_fixed_digits (text + 11, 2, &h) &&
         parse_fixed_digits (text + 14, 2, &min) &&
         h < 24 && min < 60;
}

/* Reads 1 to @max digits; returns the position after them, or NULL. */
static const char *
read_number (const char *p,
             guint       max,
             guint      *out_value)
{
  guint value = 0;
  guint n = 0;

  while (n < max && g_ascii_isdigit (p[n]))
    {
      value = value * 10 + (guint) (p[n] - '0');
      n++;
    }

  if (n == 0 || g_ascii_isdigit (p[n]))
    return NULL;

  *out_value = value;
  return p + n;
}

char *
hp_parse_date (const char *text)
{
  guint d, m, y;
  const char *p;

  if (text == NULL)
    return NULL;

  if (hp_iso_date_is_valid (text))
    return g_strdup (text);

  /* d.m.yyyy, without allocating: importers call this for every row */
  if ((p = read_number (text, 2, &d)) == NULL || *p++ != '.' ||
      (p = read_number (p, 2, &m)) == NULL || *p++ != '.' ||
      !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]) ||
      (p = read_number (p, 4, &y)) == NULL || *p != '\0' ||
      !ymd_is_valid (y, m, d))
    return NULL;

  {
    char *iso = g_malloc (11);

    iso[0] = (char) ('0' + y / 1000);
    iso[1] = (char) ('0' + y / 100 % 10);
    iso[2] = (char) ('0' + y / 10 % 10);
    iso[3] = (char) ('0' + y % 10);
    iso[4] = '-';
    iso[5] = (char) ('0' + m / 10);
    iso[6] = (char) ('0' + m % 10);
    iso[7] = '-';
    iso[8] = (char) ('0' + d / 10);
    iso[9] = (char) ('0' + d % 10);
    iso[10] = '\0';
    return iso;
  }
}

gboolean
hp_parse_money (const char *text,
                gint64     *out_cents)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  const char *decimal = NULL;
  gint64 euros = 0;
  gint64 cents = 0;
  char *end;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (trimmed, "€"))
    trimmed[strlen (trimmed) - strlen ("€")] = '\0';
  g_strstrip (trimmed);
  if (*trimmed == '\0')
    return FALSE;

  /* The last separator followed by one or two digits at the end is the
   * decimal one; every other '.' (or ',' before a decimal '.') groups
   * thousands. */
  {
    const char *last = NULL;

    for (const char *p = trimmed; *p; p++)
      if (*p == '.' || *p == ',')
        last = p;

    if (last != NULL)
      {
        size_t tail = strlen (last + 1);

        if ((tail == 1 || tail == 2) && (*last == ',' || strchr (trimmed, '.') == last))
          decimal = last;
        else if (*last == ',')
          return FALSE;
      }
  }

  for (const char *p = trimmed; *p && p != decimal; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '.' && !(*p == ',' && decimal != NULL && *decimal == '.'))
        return FALSE;
    }

  if (digits->len == 0 || digits->len > 15)
    return FALSE;

  euros = g_ascii_strtoll (digits->str, &end, 10);

  if (decimal != NULL)
    {
      const char *frac = decimal + 1;

      if (!g_ascii_isdigit (frac[0]) || (frac[1] != '\0' && !g_ascii_isdigit (frac[1])))
        return FALSE;
      cents = (frac[0] - '0') * 10 + (frac[1] ? frac[1] - '0' : 0);
    }

  *out_cents = euros * 100 + cents;
  return TRUE;
}

/* Groups digits with the locale's thousands separator (or none). */
static void
append_grouped (GString    *out,
                guint64     value,
                const char *separator)
{
  char buf[32];
  size_t len;

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  len = strlen (buf);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, buf[i]);
    }
}

/* The language's separators: the translation's, English without one. */
static const char *
decimal_separator (void)
{
  /* TRANSLATORS: the decimal separator of amounts (3.99 €); German ",".
   * One convention per language: dates, amounts and counts follow the
   * translation, not the locale. */
  return C_("decimal separator", ".");
}

static const char *
thousands_separator (void)
{
  /* TRANSLATORS: the separator of thousands in counts and amounts
   * (1,234.50 €, 2,000 packs); German "." */
  return C_("thousands separator", ",");
}

const char *
hp_format_get_date_format (void)
{
  /* TRANSLATORS: date format for g_date_time_format(); German: "%d.%m.%Y".
   * Whatever it writes, hp_parse_date() must read: use %d, %m and %Y with
   * "." or "-" between them.
   * xgettext:no-c-format */
  return _("%Y-%m-%d");
}

char *
hp_format_count (gint64 n)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint64 magnitude = n < 0 ? (guint64) -n : (guint64) n;

  if (n < 0)
    g_string_append_c (number, '-');
  append_grouped (number, magnitude, thousands_separator ());
  return g_string_free (g_steal_pointer (&number), FALSE);
}

char *
hp_format_names (const char * const *names,
                 guint               max_named)
{
  GString *out = g_string_new (NULL);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  g_return_val_if_fail (max_named > 0, g_string_free (out, FALSE));

  for (guint i = 0; i < n && i < max_named; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, names[i]);
    }
  if (n > max_named)
    {
      guint more = n - max_named;
      g_autofree char *text = NULL;

      /* Translators: after the names of sponsors, e.g. "A (3), B (2), C (1) and 4 more" */
      text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, " and %s more", " and %s more", more), more);
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

char *
hp_format_sponsors (const char * const *names)
{
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  if (n <= 1)
    return g_strdup (n == 1 ? names[0] : "");

  return hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s sponsor", "%s sponsors", n), n);
}

char *
hp_format_counted (const char *format,
                   gint64      n)
{
  g_autofree char *count = hp_format_count (n);
  GString *out;

  g_return_val_if_fail (format != NULL, NULL);

  out = g_string_sized_new (strlen (format) + 16);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (out, count);
          p++;
        }
      else if (g_str_has_prefix (p, "%1$s"))
        {
          g_string_append (out, count);
          p += 3;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
hp_format_money (gint64 cents)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;

  if (cents < 0)
    g_string_append_c (number, '-');
  append_grouped (number, magnitude / 100, thousands_separator ());
  g_string_append_printf (number, "%s%02u", decimal_separator (), (guint) (magnitude % 100));

  /* TRANSLATORS: an amount of money; %s is the number, e.g. "1.234,50" */
  return g_strdup_printf (_("%s €"), number->str);
}

char *
hp_format_money_plain (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02u", cents < 0 ? "-" : "", magnitude / 100,
                          decimal_separator (), (guint) (magnitude % 100));
}

char *
hp_format_get_spreadsheet_date_format (void)
{
  const char *format = hp_format_get_date_format ();
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'd')
        g_string_append (out, "dd");
      else if (p[0] == '%' && p[1] == 'm')
        g_string_append (out, "mm");
      else if (p[0] == '%' && p[1] == 'Y')
        g_string_append (out, "yyyy");
      else
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
    }

  return g_string_free (out, FALSE);
}

char *
hp_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date_part = NULL;
  guint y = 0, m = 0, d = 0;

  if (iso == NULL)
    return g_strdup ("");

  if (!hp_iso_datetime_is_valid (iso))
    return g_strdup (iso);

  parse_fixed_digits (iso, 4, &y);
  parse_fixed_digits (iso + 5, 2, &m);
  parse_fixed_digits (iso + 8, 2, &d);
  dt = g_date_time_new_utc ((int) y, (int) m, (int) d, 0, 0, 0);

  date_part = g_date_time_format (dt, hp_format_get_date_format ());

  if (strlen (iso) == 16)
    /* TRANSLATORS: a date and a time of day, e.g. "22.11.2026, 10:30" */
    return g_strdup_printf (_("%s, %.5s"), date_part, iso + 11);

  return g_steal_pointer (&date_part);
}

char *
hp_fold_for_search (const char *text,
                     gboolean    transliterate)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* "u" + combining diaeresis is "ü" too; casefold makes ß "ss" */
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL)
    return g_utf8_make_valid (text, -1);
  folded = g_utf8_casefold (composed, -1);
  out = g_string_sized_new (strlen (folded) + 8);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }

      if (transliterate && (c == 0x00E4 || c == 0x00F6 || c == 0x00FC))   /* ä ö ü */
        {
          g_string_append_c (out, c == 0x00E4 ? 'a' : c == 0x00F6 ? 'o' : 'u');
          g_string_append_c (out, 'e');
          continue;
        }

      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
hp_email_is_plausible (const char *text)
{
  const char *at;

  if (text == NULL || *text == '\0')
    return TRUE;

  at = strchr (text, '@');
  return at != NULL && at != text && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strpbrk (text, " \t\r\n,;<>") == NULL;
}
