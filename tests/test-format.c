/* test-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing and display of dates and money (hp-format.h).
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "hp-test-utils.h"

/* Only the digits of @text, for checks that must not depend on the locale's
 * separators. */
static char *
digits_of (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);

  return g_string_free (s, FALSE);
}

static void
test_iso_date_is_valid (void)
{
  g_assert_true (hp_iso_date_is_valid ("2024-02-29"));
  g_assert_true (hp_iso_date_is_valid ("2027-01-05"));
  g_assert_true (hp_iso_date_is_valid ("2027-12-31"));
  g_assert_true (hp_iso_date_is_valid ("2000-02-29"));

  g_assert_false (hp_iso_date_is_valid ("2023-02-29"));
  g_assert_false (hp_iso_date_is_valid ("1900-02-29"));
  g_assert_false (hp_iso_date_is_valid ("2027-02-30"));
  g_assert_false (hp_iso_date_is_valid ("2027-04-31"));
  g_assert_false (hp_iso_date_is_valid ("2027-13-01"));
  g_assert_false (hp_iso_date_is_valid ("2027-00-10"));
  g_assert_false (hp_iso_date_is_valid ("2027-01-00"));
  g_assert_false (hp_iso_date_is_valid ("2024-1-5"));
  g_assert_false (hp_iso_date_is_valid ("31.12.2027"));
  g_assert_false (hp_iso_date_is_valid ("20240229"));
  g_assert_false (hp_iso_date_is_valid ("2024-02-29x"));
  g_assert_false (hp_iso_date_is_valid (" 2024-02-29"));
  g_assert_false (hp_iso_date_is_valid ("2024-02-29T10:00"));
  g_assert_false (hp_iso_date_is_valid ("abcd-ef-gh"));
  g_assert_false (hp_iso_date_is_valid (""));
  g_assert_false (hp_iso_date_is_valid (NULL));
}

static void
test_iso_datetime_is_valid (void)
{
  g_assert_true (hp_iso_datetime_is_valid ("2026-11-22"));
  g_assert_true (hp_iso_datetime_is_valid ("2026-11-22T14:30"));
  g_assert_true (hp_iso_datetime_is_valid ("2024-02-29T00:00"));
  g_assert_true (hp_iso_datetime_is_valid ("2026-11-22T23:59"));

  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22T24:00"));
  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22T14:60"));
  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22T7:30"));
  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22T"));
  g_assert_false (hp_iso_datetime_is_valid ("2023-02-29T10:00"));
  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22Tab:cd"));
  g_assert_false (hp_iso_datetime_is_valid ("2026-11-22T14:30x"));
  g_assert_false (hp_iso_datetime_is_valid ("22.11.2026 14:30"));
  g_assert_false (hp_iso_datetime_is_valid (""));
  g_assert_false (hp_iso_datetime_is_valid (NULL));
}

static void
check_parse_date (const char *text,
                  const char *expected)
{
  g_autofree char *iso = hp_parse_date (text);

  g_test_message ("hp_parse_date (\"%s\")", text);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_parse_date (void)
{
  check_parse_date ("5.1.2027", "2027-01-05");
  check_parse_date ("05.01.2027", "2027-01-05");
  check_parse_date ("29.02.2024", "2024-02-29");
  check_parse_date ("31.12.2027", "2027-12-31");
  check_parse_date ("2027-01-05", "2027-01-05");
  check_parse_date ("2024-02-29", "2024-02-29");

  check_parse_date ("31.02.2027", NULL);
  check_parse_date ("29.02.2023", NULL);
  check_parse_date ("1.13.2027", NULL);
  check_parse_date ("0.1.2027", NULL);
  check_parse_date ("2027-02-30", NULL);
  check_parse_date ("2027-1-5", NULL);
  check_parse_date ("5.1.", NULL);
  check_parse_date ("5.1.2027x", NULL);
  check_parse_date ("morgen", NULL);
  check_parse_date ("", NULL);
}

static void
check_money (const char *text,
             gint64      expected)
{
  gint64 cents = -12345;

  g_test_message ("hp_parse_money (\"%s\")", text);
  g_assert_true (hp_parse_money (text, &cents));
  g_assert_cmpint (cents, ==, expected);
}

static void
check_money_refused (const char *text)
{
  gint64 cents = 0;

  g_test_message ("hp_parse_money (\"%s\") must fail", text);
  g_assert_false (hp_parse_money (text, &cents));
}

static void
test_parse_money (void)
{
  check_money ("12", 1200);
  check_money ("0", 0);
  check_money ("12,5", 1250);
  check_money ("12,50", 1250);
  check_money ("12.5", 1250);
  check_money ("12.50", 1250);
  check_money ("0,05", 5);
  check_money ("1.234,50", 123450);
  check_money ("1.234", 123400);
  check_money ("1.234.567,89", 123456789);
  check_money ("3,99 €", 399);
  check_money ("3,99€", 399);
  check_money ("1234", 123400);

  check_money_refused ("-1");
  check_money_refused ("-3,99");
  check_money_refused ("abc");
  check_money_refused ("12abc");
  check_money_refused ("€");
  check_money_refused ("");
  check_money_refused ("1,2,3");
}

static void
test_format_money_c (void)
{
  g_autofree char *a = hp_format_money (123450);
  g_autofree char *b = hp_format_money (399);
  g_autofree char *c = hp_format_money (5);
  g_autofree char *d = hp_format_money (0);
  g_autofree char *da = digits_of (a);
  g_autofree char *db = digits_of (b);
  g_autofree char *dc = digits_of (c);
  g_autofree char *dd = digits_of (d);

  g_test_message ("C.UTF-8: %s | %s | %s | %s", a, b, c, d);
  g_assert_true (g_utf8_validate (a, -1, NULL));
  g_assert_nonnull (strstr (a, "€"));
  g_assert_nonnull (strstr (b, "€"));
  g_assert_cmpstr (da, ==, "123450");
  g_assert_cmpstr (db, ==, "399");
  g_assert_cmpstr (dc, ==, "005");
  g_assert_cmpstr (dd, ==, "000");
}

static void
test_format_date_c (void)
{
  g_autofree char *a = hp_format_date ("2026-11-22");
  g_autofree char *b = hp_format_date ("2026-11-22T14:30");
  g_autofree char *n = hp_format_date (NULL);
  g_autofree char *bad = hp_format_date ("kaputt");
  g_autofree char *bad2 = hp_format_date ("2027-02-30");

  g_test_message ("C.UTF-8: %s | %s", a, b);
  g_assert_nonnull (strstr (a, "22"));
  g_assert_nonnull (strstr (a, "11"));
  g_assert_nonnull (strstr (a, "26"));
  g_assert_nonnull (strstr (b, "22"));
  g_assert_nonnull (strstr (b, "14"));
  g_assert_nonnull (strstr (b, "30"));
  g_assert_cmpstr (n, ==, "");
  g_assert_cmpstr (bad, ==, "kaputt");
  g_assert_cmpstr (bad2, ==, "2027-02-30");
}

static void
test_format_german (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *old_env = g_strdup (g_getenv ("LC_ALL"));
  const char *names[] = { "de_DE.UTF-8", "de_DE.utf8" };
  gboolean ok = FALSE;

  /* a German user: both the C library's locale and the environment that
   * gettext and g_get_language_names() read */
  for (guint i = 0; i < G_N_ELEMENTS (names) && !ok; i++)
    {
      ok = setlocale (LC_ALL, names[i]) != NULL;
      if (ok)
        g_setenv ("LC_ALL", names[i], TRUE);
    }

  if (!ok)
    {
      g_test_skip ("locale de_DE.UTF-8 is not generated");
      return;
    }

  {
    g_autofree char *money = hp_format_money (123450);
    g_autofree char *small = hp_format_money (399);
    g_autofree char *date = hp_format_date ("2026-11-22");
    g_autofree char *datetime = hp_format_date ("2026-11-22T14:30");

    setlocale (LC_ALL, old);
    if (old_env != NULL)
      g_setenv ("LC_ALL", old_env, TRUE);
    else
      g_unsetenv ("LC_ALL");
    g_test_message ("de_DE: %s | %s | %s | %s", money, small, date, datetime);

    /* the space may be a (narrow) no-break space */
    g_assert_true (g_str_has_prefix (money, "1.234,50"));
    g_assert_true (g_str_has_suffix (money, "€"));
    g_assert_true (g_str_has_prefix (small, "3,99"));
    g_assert_cmpstr (date, ==, "22.11.2026");
    g_assert_true (g_str_has_prefix (datetime, "22.11.2026"));
    g_assert_nonnull (strstr (datetime, "14:30"));
  }
}

static void
test_fold_for_search (void)
{
  static const struct { const char *text; const char *plain; const char *transliterated; } cases[] = {
    { "Müller",            "muller",    "mueller" },
    { "MÜLLER",            "muller",    "mueller" },
    { "Mu\xcc\x88ller",     "muller",    "mueller" },    /* u + combining diaeresis */
    { "Mueller",           "mueller",   "mueller" },
    { "Straße",            "strasse",   "strasse" },
    { "Jäger Größe",       "jager grosse", "jaeger groesse" },
    { "René",              "rene",      "rene" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = hp_fold_for_search (cases[i].text, FALSE);
      g_autofree char *transliterated = hp_fold_for_search (cases[i].text, TRUE);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (transliterated, ==, cases[i].transliterated);
    }

  /* "mueller" finds "Müller" the second way: both fold to "mueller";
   * "muller" finds it the first way: both fold to "muller" */
}

/* ------------------------------------------------------------------------ */
/* One convention per language                                               */

extern int _nl_msg_cat_cntr;

typedef struct
{
  const char *language;   /* LANGUAGE, NULL for none */
  const char *locale;     /* LC_ALL */
  /* what the language writes */
  const char *money;      /* 123450 cents */
  const char *negative;   /* -5 cents */
  const char *count;      /* 1234567 */
  const char *date;       /* 2026-12-02 */
  const char *datetime;   /* 2026-12-02T11:00 */
  const char *entry;      /* 123450 cents, for an entry field */
  const char *sheet;      /* the spreadsheet date format */
  const char *graduates;  /* 2000 graduates, a count label of the window */
  const char *graduate;   /* 1 graduate */
} Convention;

/* Sets LANGUAGE and the locale for the next lookups; FALSE if the locale
 * is not generated. */
static gboolean
use_language (const char *language,
              const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
  return TRUE;
}

/* The combinations of text and locale: the convention follows the text
 * (the translation), never LC_NUMERIC or LC_TIME. Worked by hand:
 *   123450 cents = 1234 € 50 ct; 1234 groups as 1|234: "1.234,50 €" in
 *   German, "1,234.50 €" in English; -5 cents = "-0,05 €" / "-0.05 €";
 *   1234567 groups as 1|234|567: "1.234.567" / "1,234,567";
 *   2 December 2026: "02.12.2026" / "2026-12-02", at 11:00 with ", 11:00 Uhr"
 *   / ", 11:00".
 * The third row is the trap: English text under a German locale is all
 * English, not English words with German numbers and ISO dates. */
static void
test_conventions (void)
{
  static const Convention cases[] = {
    { NULL, "C.UTF-8", "1,234.50 €", "-0.05 €", "1,234,567", "2026-12-02", "2026-12-02, 11:00", "1234.50", "yyyy-mm-dd",
      "2,000 graduates", "1 graduate" },
    { "en", "C.UTF-8", "1,234.50 €", "-0.05 €", "1,234,567", "2026-12-02", "2026-12-02, 11:00", "1234.50", "yyyy-mm-dd",
      "2,000 graduates", "1 graduate" },
    { "en", "de_DE.UTF-8", "1,234.50 €", "-0.05 €", "1,234,567", "2026-12-02", "2026-12-02, 11:00", "1234.50", "yyyy-mm-dd",
      "2,000 graduates", "1 graduate" },
    { "de", "de_DE.UTF-8", "1.234,50 €", "-0,05 €", "1.234.567", "02.12.2026", "02.12.2026, 11:00 Uhr", "1234,50", "dd.mm.yyyy",
      "2.000 Absolvent:innen", "1 Absolvent:in" },
    { "de", "C.UTF-8", "1.234,50 €", "-0,05 €", "1.234.567", "02.12.2026", "02.12.2026, 11:00 Uhr", "1234,50", "dd.mm.yyyy",
      "2.000 Absolvent:innen", "1 Absolvent:in" },
    /* a German user who set no LANGUAGE: the locale names the translation */
    { NULL, "de_DE.UTF-8", "1.234,50 €", "-0,05 €", "1.234.567", "02.12.2026", "02.12.2026, 11:00 Uhr", "1234,50", "dd.mm.yyyy",
      "2.000 Absolvent:innen", "1 Absolvent:in" },
  };
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Convention *c = &cases[i];
      g_autofree char *money = NULL, *negative = NULL, *count = NULL, *date = NULL, *datetime = NULL;
      g_autofree char *entry = NULL, *sheet = NULL, *back = NULL;
      g_autofree char *graduates = NULL, *graduate = NULL;
      gint64 cents = 0;

      if (!use_language (c->language, c->locale))
        {
          g_test_message ("locale %s is not generated: skipped", c->locale);
          continue;
        }
      g_test_message ("LANGUAGE=%s LC_ALL=%s", c->language ? c->language : "", c->locale);

      money = hp_format_money (123450);
      negative = hp_format_money (-5);
      count = hp_format_count (1234567);
      date = hp_format_date ("2026-12-02");
      datetime = hp_format_date ("2026-12-02T11:00");
      entry = hp_format_money_plain (123450);
      sheet = hp_format_get_spreadsheet_date_format ();
      g_assert_cmpstr (money, ==, c->money);
      g_assert_cmpstr (negative, ==, c->negative);
      g_assert_cmpstr (count, ==, c->count);
      g_assert_cmpstr (date, ==, c->date);
      g_assert_cmpstr (datetime, ==, c->datetime);
      g_assert_cmpstr (entry, ==, c->entry);
      g_assert_cmpstr (sheet, ==, c->sheet);

      /* the count label of the graduates page and the backups window:
       * 2000 groups as 2|000, ngettext picks the plural for 2000 and the
       * singular for 1 (which has nothing to group) */
      graduates = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s graduate", "%s graduates", 2000), 2000);
      graduate = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s graduate", "%s graduates", 1), 1);
      g_assert_cmpstr (graduates, ==, c->graduates);
      g_assert_cmpstr (graduate, ==, c->graduate);

      /* what is written is read back: the date, the amount both ways */
      back = hp_parse_date (date);
      g_assert_cmpstr (back, ==, "2026-12-02");
      g_assert_true (hp_parse_money (money, &cents));
      g_assert_cmpint (cents, ==, 123450);
      cents = 0;
      g_assert_true (hp_parse_money (entry, &cents));
      g_assert_cmpint (cents, ==, 123450);

      /* and ISO and dd.mm.yyyy always, whatever the language */
      g_clear_pointer (&back, g_free);
      back = hp_parse_date ("02.12.2026");
      g_assert_cmpstr (back, ==, "2026-12-02");
      g_clear_pointer (&back, g_free);
      back = hp_parse_date ("2026-12-02");
      g_assert_cmpstr (back, ==, "2026-12-02");
    }

  use_language (old_language, old_locale);
}

/* A list of sponsors that stays short. Worked by hand: five names, three
 * named, 5 - 3 = 2 more; 1003 names, 1003 - 3 = 1000 more, grouped as
 * 1|000; in German "weitere" (plural) and for one more "weiterer". */
static void
test_format_names (void)
{
  static const char * const five[] = { "Brauerei Berger", "Getränke Arnsberg", "Hof Schulte",
                                       "Mosterei Ohm", "Sauerland Socken", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  char *text;

  for (guint i = 0; i < 1003; i++)
    g_ptr_array_add (many, g_strdup_printf ("Brauerei %u", i));
  g_ptr_array_add (many, NULL);

  use_language ("en", "C.UTF-8");
  text = hp_format_names (five, 3);
  g_assert_cmpstr (text, ==, "Brauerei Berger, Getränke Arnsberg, Hof Schulte and 2 more");
  g_free (text);
  text = hp_format_names (five, 5);
  g_assert_cmpstr (text, ==, "Brauerei Berger, Getränke Arnsberg, Hof Schulte, Mosterei Ohm, Sauerland Socken");
  g_free (text);
  text = hp_format_names (five, 4);
  g_assert_cmpstr (text, ==, "Brauerei Berger, Getränke Arnsberg, Hof Schulte, Mosterei Ohm and 1 more");
  g_free (text);
  text = hp_format_names (none, 3);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = hp_format_names ((const char * const *) many->pdata, 3);
  g_assert_cmpstr (text, ==, "Brauerei 0, Brauerei 1, Brauerei 2 and 1,000 more");
  g_free (text);
  /* a cell: one named, five counted, 1003 counted and grouped */
  text = hp_format_sponsors (five + 4);
  g_assert_cmpstr (text, ==, "Sauerland Socken");
  g_free (text);
  text = hp_format_sponsors (five);
  g_assert_cmpstr (text, ==, "5 sponsors");
  g_free (text);
  text = hp_format_sponsors ((const char * const *) many->pdata);
  g_assert_cmpstr (text, ==, "1,003 sponsors");
  g_free (text);
  text = hp_format_sponsors (none);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  if (use_language ("de", "de_DE.UTF-8"))
    {
      text = hp_format_names (five, 3);
      g_assert_cmpstr (text, ==, "Brauerei Berger, Getränke Arnsberg, Hof Schulte und 2 weitere");
      g_free (text);
      text = hp_format_names (five, 4);
      g_assert_cmpstr (text, ==, "Brauerei Berger, Getränke Arnsberg, Hof Schulte, Mosterei Ohm und 1 weiterer");
      g_free (text);
      text = hp_format_names ((const char * const *) many->pdata, 3);
      g_assert_cmpstr (text, ==, "Brauerei 0, Brauerei 1, Brauerei 2 und 1.000 weitere");
      g_free (text);
      text = hp_format_sponsors (five);
      g_assert_cmpstr (text, ==, "5 Sponsoren");
      g_free (text);
    }
  else
    {
      g_test_message ("locale de_DE.UTF-8 is not generated: German skipped");
    }

  use_language (old_language, old_locale);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* the conventions are the translation's: the catalogue of the build */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* report every failing case, not only the first one */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/heimpack/format/iso-date-is-valid", test_iso_date_is_valid);
  g_test_add_func ("/heimpack/format/iso-datetime-is-valid", test_iso_datetime_is_valid);
  g_test_add_func ("/heimpack/format/parse-date", test_parse_date);
  g_test_add_func ("/heimpack/format/parse-money", test_parse_money);
  g_test_add_func ("/heimpack/format/format-money-c", test_format_money_c);
  g_test_add_func ("/heimpack/format/format-date-c", test_format_date_c);
  g_test_add_func ("/heimpack/format/german", test_format_german);
  g_test_add_func ("/heimpack/format/conventions", test_conventions);
  g_test_add_func ("/heimpack/format/fold-for-search", test_fold_for_search);
  g_test_add_func ("/heimpack/format/names", test_format_names);

  return g_test_run ();
}
