/* hp-format.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SECTION:hp-format
 *
 * Parsing and display of the values Heimpack stores as integers and ISO
 * text: money in cents, dates as `YYYY-MM-DD`, hand-over times as
 * `YYYY-MM-DDTHH:MM`; storage never follows the user's conventions.
 *
 * Display holds one convention per language, everywhere (lists, dialogs,
 * entry fields, toasts, the command line, error messages, and the dates
 * and the counts in sentences that exports show), and the language is the
 * translation's: the date format and the separators are translated
 * strings, so LC_NUMERIC and LC_TIME do not change them. English text
 * under a German locale (LANGUAGE=en, LC_ALL=de_DE.UTF-8) is all English.
 *
 * | language | date | date and time | amount | count |
 * |---|---|---|---|---|
 * | German | `02.12.2026` | `02.12.2026, 11:00 Uhr` | `1.234,50 €` | `2.000` |
 * | English | `2026-12-02` | `2026-12-02, 11:00` | `1,234.50 €` | `2,000` |
 *
 * hp_parse_date() reads what hp_format_date() writes in every language,
 * and ISO and `dd.mm.yyyy` always (files to import use both).
 */

/**
 * hp_iso_date_is_valid:
 * @text: (nullable): text to check
 *
 * Returns: %TRUE if @text is a real calendar date written `YYYY-MM-DD`.
 */
gboolean hp_iso_date_is_valid      (const char *text);

/**
 * hp_iso_datetime_is_valid:
 *
 * Returns: %TRUE for `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` with a real date and
 *   time.
 */
gboolean hp_iso_datetime_is_valid  (const char *text);

/**
 * hp_parse_date:
 * @text: `YYYY-MM-DD`, `dd.mm.yyyy` or `d.m.yyyy`: what hp_format_date()
 *   writes in any language, and the forms of imported files
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, or %NULL if
 *   @text is not a real date in one of those forms.
 */
char    *hp_parse_date             (const char *text);

/**
 * hp_format_get_date_format:
 *
 * Returns: the language's date format for g_date_time_format():
 *   `%d.%m.%Y` in German, `%Y-%m-%d` in English
 */
const char *hp_format_get_date_format (void);

/**
 * hp_format_get_spreadsheet_date_format:
 *
 * Returns: (transfer full): the same as a spreadsheet number format:
 *   `dd.mm.yyyy` in German, `yyyy-mm-dd` in English
 */
char    *hp_format_get_spreadsheet_date_format (void);

/**
 * hp_format_count:
 *
 * Returns: (transfer full): @n with the language's thousands separator:
 *   `2.000` in German, `2,000` in English
 */
char    *hp_format_count           (gint64      n);

/**
 * hp_format_counted:
 * @format: a translated text with one `%s` where the count goes, as
 *   ngettext() chose it for @n: `ngettext ("%s graduate", "%s graduates", n)`
 * @n: the count
 *
 * A count in a sentence, grouped the language's way: "2,000 graduates",
 * "2.000 Absolvent:innen". Text that names a count writes `%s` for it, not
 * printf's `%'u` (that groups by LC_NUMERIC, so English text under a German
 * locale read "2.000 graduates"), and ngettext() still chooses the form by
 * the number. Only `%s` (or `%1$s`) and `%%` are read in @format; it is not
 * given to printf.
 *
 * Returns: (transfer full): @format with hp_format_count (@n) for its `%s`
 */
char    *hp_format_counted         (const char *format,
                                    gint64      n);

/**
 * hp_format_names:
 * @names: (array zero-terminated=1): names, in the order to show them
 * @max_named: how many to name at most (at least 1)
 *
 * A list of names that stays short: "A, B, C" as long as there are no more
 * than @max_named, else the first @max_named and how many more there are:
 * "A, B, C and 177 more" ("A, B, C und 177 weitere"). For cells and hints
 * that name the sponsors of an item: the national demo's beer has 180.
 *
 * Returns: (transfer full): the list; "" for no names
 */
char    *hp_format_names           (const char * const *names,
                                    guint               max_named);

/**
 * hp_format_sponsors:
 * @names: (array zero-terminated=1): the sponsors who give an item
 *
 * What a table cell says of them: the one sponsor's name, or how many
 * there are ("4 sponsors", "4 Sponsoren"), which a narrow column never
 * cuts; hp_format_names() names them in its tooltip.
 *
 * Returns: (transfer full): the name or the count; "" for none
 */
char    *hp_format_sponsors        (const char * const *names);

/**
 * hp_format_money_plain:
 *
 * Returns: (transfer full): @cents for an entry field: no currency sign,
 *   no grouping, the language's decimal separator (`1234,50` in German,
 *   `1234.50` in English); hp_parse_money() reads it back.
 */
char    *hp_format_money_plain     (gint64      cents);

/**
 * hp_parse_money:
 * @text: an amount in euros: `12`, `12,5`, `1.234,50`, `12.50`, `3,99 €`
 * @out_cents: (out): the amount in cents
 *
 * A single `.` or `,` followed by one or two digits is the decimal separator;
 * otherwise `.` groups thousands. Negative amounts are refused.
 *
 * Returns: %TRUE on success.
 */
gboolean hp_parse_money            (const char *text,
                                    gint64     *out_cents);

/**
 * hp_format_money:
 *
 * Returns: (transfer full): @cents for display in the language's
 *   convention: `1.234,50 €` in German, `1,234.50 €` in English.
 */
char    *hp_format_money           (gint64      cents);

/**
 * hp_format_date:
 * @iso: (nullable): `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 *
 * Returns: (transfer full): the date (and time) for display in the
 *   language's convention: `dd.mm.yyyy` (and `, HH:MM`) in German,
 *   `yyyy-mm-dd` in English; "" for %NULL; @iso itself if it is not a
 *   valid date.
 */
char    *hp_format_date            (const char *iso);

/**
 * hp_email_is_plausible:
 * @text: (nullable): an e-mail address as typed
 *
 * The shape check of every e-mail address Heimpack stores: one `@` with
 * text before and after it, and no blanks or `,;<>` (a list of addresses or
 * a name with brackets is refused). Nothing is looked up.
 *
 * Returns: %TRUE for such an address, and for %NULL or "" (no address).
 */
gboolean hp_email_is_plausible     (const char *text);

/**
 * hp_fold_for_search:
 * @text: UTF-8 text
 * @transliterate: %TRUE to write umlauts the German way when they cannot
 *   be typed: ä→ae, ö→oe, ü→ue; %FALSE to drop their dots like any accent
 *
 * Folds @text for a search: lower case, ß→ss, accents dropped (é→e), and
 * umlauts as @transliterate says. A search folds both the text and the
 * query both ways and matches if either fits, so that "mueller", "muller"
 * and "müller" all find "Müller" (the store's HP_NAME order folds the
 * first way only).
 *
 * Returns: (transfer full): the folded text
 */
char    *hp_fold_for_search        (const char *text,
                                    gboolean    transliterate);

G_END_DECLS
