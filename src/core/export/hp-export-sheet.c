/* hp-export-sheet.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet-level helpers every workbook uses:
 *
 * - Legal, unique sheet names: Excel forbids []:*?/\ and leading or
 *   trailing apostrophes, allows 31 UTF-16 units and compares names without
 *   regard to case; "History" is reserved. Forbidden characters become
 *   look-alikes, and duplicates get " (2)", " (3)", … within the 31 units.
 * - The sticky libxlsxwriter error: the cell helpers check every return
 *   code, keep the first failure with its sheet and row, and skip further
 *   writes; _hp_export_step() turns it into a GError after every row, and
 *   also reports progress and notices a cancel.
 * - Always valid XML that shows as typed: every text (cells, page headers,
 *   sheet names, document properties) loses its control characters other
 *   than tab and line break (CR LF and a lone CR become LF), invalid UTF-8
 *   and the non-characters U+FFFE/U+FFFF; a literal `_xHHHH_` is escaped
 *   as `_x005F_xHHHH_`, which Excel and openpyxl decode back to the text as
 *   typed; a cell text over Excel's 32,767 characters is cut with "…" and
 *   the writer records a warning. libxlsxwriter 1.1.4 escapes control
 *   characters of cells itself (as `_xHHHH_`, which readers turn back into
 *   the raw character) but nothing in headers, and never an underscore; as
 *   no control character reaches it, nothing is escaped twice.
 * - Cells: text (NULL is blank), numbers, ISO dates and times as real date
 *   cells, formulas with their computed value.
 * - A4 print setup, page header and footer, column widths, table headers
 *   that repeat on every page under frozen panes, and the shared formats.
 *   Heading titles wrap at spaces only: columns are widened to their
 *   longest title word and heading rows get the height of their wrapped
 *   titles, since LibreOffice does not grow rows for wrapped text itself.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

/* Excel's limit for a sheet name, in UTF-16 code units. */
#define SHEET_NAME_MAX 31
/* Page header parts are cut to this many characters (libxlsxwriter refuses
 * header strings over 255). */
#define HEADER_PART_MAX 100


/* ------------------------------------------------------------------------ */
/* Texts                                                                     */

const char *_hp_export_test_refused_text = NULL;

/* At most this many warnings are kept; the rest are counted. */
#define MAX_WARNINGS 10
/* Characters of a cut text quoted in its warning. */
#define WARNING_QUOTE_CHARS 40

/* TRUE if @p (at an underscore) starts `_xHHHH_`, which spreadsheets read
 * as the character U+HHHH. Either case of x and the digits, to be safe:
 * the escape `_x005F_` reads as "_" whatever follows it. */
static gboolean
is_x_escape (const char *p)
{
  if (p[0] != '_' || (p[1] != 'x' && p[1] != 'X'))
    return FALSE;
  for (guint i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return p[6] == '_';
}

/* The fast path: TRUE if @text needs no change at all. Bytes are at least
 * UTF-16 units, so a text of at most @max bytes is never cut. */
static gboolean
text_is_clean (const char *text,
               guint       flags,
               gsize       max)
{
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20)
        {
          if ((*p == '\n' || *p == '\t') && !(flags & HP_EXPORT_TEXT_ONE_LINE))
            continue;
          return FALSE;
        }
      if (*p == 0x7F ||
          (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) ||             /* C1 controls */
          (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) || /* U+FFFE/F */
          (*p == '_' && (flags & HP_EXPORT_TEXT_ESCAPE) && is_x_escape ((const char *) p)))
        return FALSE;
    }

  if (max > 0 && (gsize) (p - (const guchar *) text) > max)
    return FALSE;

  return g_utf8_validate (text, p - (const guchar *) text, NULL);
}

char *
_hp_export_clean_text (const char *text,
                       guint       flags,
                       gsize       max,
                       gboolean   *out_cut)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  /* UTF-16 units a reader counts, and characters libxlsxwriter counts (in
   * the escaped text), so that neither goes over @max */
  gsize units = 0;
  gsize lxw_chars = 0;
  gsize cut_at = 0;
  gboolean cut_found = FALSE;

  if (out_cut != NULL)
    *out_cut = FALSE;

  if (text == NULL || text_is_clean (text, flags, max))
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean escape = FALSE;
      gsize width;

      if (c == '\r')
        {
          /* CR LF is one line break; a lone CR (old Macs) is one too. */
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (c == '\n' || c == '\t')
        {
          if (flags & HP_EXPORT_TEXT_ONE_LINE)
            c = ' ';
        }
      else if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
        continue;
      else if (c == '_' && (flags & HP_EXPORT_TEXT_ESCAPE) && is_x_escape (p))
        escape = TRUE;

      width = c > 0xFFFF ? 2 : 1;
      /* Where to cut if the whole text does not fit: before the character
       * that leaves no room for the "…". */
      if (max > 0 && !cut_found && (units + width > max - 1 || lxw_chars + (escape ? 7 : 1) > max - 1))
        {
          cut_at = out->len;
          cut_found = TRUE;
        }
      units += width;
      lxw_chars += escape ? 7 : 1;

      if (escape)
        g_string_append (out, "_x005F");
      g_string_append_unichar (out, c);
    }

  if (max > 0 && (units > max || lxw_chars > max))
    {
      g_string_truncate (out, cut_at);
      g_string_append (out, "…");
      if (out_cut != NULL)
        *out_cut = TRUE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
_hp_export_warn (HpExportWriter *w,
                 char           *message)
{
  if (w->warnings->len < MAX_WARNINGS)
    g_ptr_array_add (w->warnings, message);
  else
    {
      w->more_warnings++;
      g_free (message);
    }
}

/* A warning that the text of the cell at @row, @col was cut. */
static void
warn_cut (HpExportWriter *w,
          lxw_worksheet  *ws,
          lxw_row_t       row,
          lxw_col_t       col,
          const char     *original,
          const char     *cut)
{
  g_autofree char *cell = _hp_export_cell_name (row, col);
  g_autofree char *quote = g_utf8_substring (cut, 0, WARNING_QUOTE_CHARS);
  g_autofree char *length = g_strdup_printf ("%ld", g_utf8_strlen (original, -1));

  g_strdelimit (quote, "\t\n", ' ');
  _hp_export_warn (w, g_strdup_printf (
    /* Translators: a warning after an export; the sheet, a cell (e.g. "B7"),
     * the number of characters of the text and its beginning */
    _("Sheet “%s”, cell %s: a text of %s characters was cut to the 32,767 a cell can hold: “%s…”"),
    ws->name, cell, length, quote));
}

/* ------------------------------------------------------------------------ */
/* Sheet names                                                               */

static guint
utf16_length (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  return n;
}

/* Cuts @name to @max UTF-16 units and trims what Excel dislikes at the ends. */
static void
truncate_name (GString *name,
               guint    max)
{
  guint units = 0;

  while (name->len > 0 && (name->str[0] == ' ' || name->str[0] == '\''))
    g_string_erase (name, 0, 1);

  for (const char *p = name->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint width = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + width > max)
        {
          g_string_truncate (name, p - name->str);
          break;
        }
      units += width;
    }

  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '\''))
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && (name->str[0] == ' ' || name->str[0] == '\''))
    g_string_erase (name, 0, 1);
}

char *
_hp_export_sheet_name (GHashTable *taken,
                       const char *wanted)
{
  g_autoptr(GString) base = g_string_new (NULL);
  /* Control characters dropped, tabs and line breaks as spaces. */
  g_autofree char *clean = _hp_export_clean_text (wanted, HP_EXPORT_TEXT_ONE_LINE, 0, NULL);
  gboolean space = FALSE;

  if (clean != NULL)
    wanted = clean;

  /* Replace what Excel forbids with look-alikes, and collapse spaces. A
   * `_xHHHH_` would read as one character in some programs: its underscore
   * becomes a hyphen (escaping it would take 6 of the 31 characters). */
  for (const char *p = wanted != NULL ? wanted : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '[': c = '('; break;
        case ']': c = ')'; break;
        case '/': case '\\': c = '-'; break;
        case ':': case '*': case '?': c = ' '; break;
        case '_':
          if (is_x_escape (p))
            c = '-';
          break;
        default:
          if (g_unichar_isspace (c))
            c = ' ';
          break;
        }

      if (c == ' ')
        {
          space = base->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (base, ' ');
      space = FALSE;
      g_string_append_unichar (base, c);
    }

  truncate_name (base, SHEET_NAME_MAX);
  if (base->len == 0)
    g_string_assign (base, _("Sheet"));

  for (guint n = 1; ; n++)
    {
      g_autoptr(GString) candidate = g_string_new (base->str);
      g_autofree char *key = NULL;

      if (n > 1)
        {
          g_autofree char *suffix = g_strdup_printf (" (%u)", n);

          truncate_name (candidate, SHEET_NAME_MAX - utf16_length (suffix));
          g_string_append (candidate, suffix);
        }

      key = g_utf8_casefold (candidate->str, -1);
      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, g_steal_pointer (&key));
          return g_string_free (g_steal_pointer (&candidate), FALSE);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Errors, progress, cancelling                                              */

void
_hp_export_check (HpExportWriter *w,
                  lxw_worksheet  *ws,
                  lxw_row_t       row,
                  lxw_error       rc)
{
  if (rc == LXW_NO_ERROR || w->lxw_rc != LXW_NO_ERROR)
    return;

  w->lxw_rc = rc;
  w->failed_row = row;
  g_free (w->failed_sheet);
  w->failed_sheet = g_strdup (ws != NULL && ws->name != NULL ? ws->name : "");
}

gboolean
_hp_export_is_write_error (lxw_error rc)
{
  switch (rc)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return TRUE;
    case LXW_NO_ERROR:
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_FEATURE_NOT_SUPPORTED:
    case LXW_ERROR_NULL_PARAMETER_IGNORED:
    case LXW_ERROR_PARAMETER_VALIDATION:
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND:
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
    case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
    case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED:
    case LXW_ERROR_IMAGE_DIMENSIONS:
    case LXW_MAX_ERRNO:
    default:
      return FALSE;
    }
}

gboolean
_hp_export_ok (HpExportWriter  *w,
               GError         **error)
{
  if (w->lxw_rc == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, HP_EXPORT_ERROR,
               _hp_export_is_write_error (w->lxw_rc) ? HP_EXPORT_ERROR_WRITE : HP_EXPORT_ERROR_FAILED,
               /* Translators: the sheet name, a row number and the reason */
               _("Could not write sheet “%s”, row %u: %s"),
               w->failed_sheet, (guint) w->failed_row + 1, lxw_strerror (w->lxw_rc));
  return FALSE;
}

gboolean
_hp_export_step (HpExportWriter  *w,
                 guint64          units,
                 GError         **error)
{
  double fraction;

  if (!_hp_export_ok (w, error) ||
      g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;

  w->units_done += units;
  if (w->progress == NULL || w->units_total == 0)
    return TRUE;

  fraction = HP_EXPORT_WRITE_SHARE * MIN (1.0, (double) w->units_done / (double) w->units_total);
  if (fraction - w->reported >= 0.005)
    {
      w->reported = fraction;
      w->progress (fraction, w->progress_data);
      /* The callback may have cancelled. */
      if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

void
_hp_export_string (HpExportWriter *w,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   lxw_col_t       col,
                   const char     *text,
                   lxw_format     *format)
{
  if (w->lxw_rc != LXW_NO_ERROR)
    return;

  if (text == NULL || *text == '\0')
    {
      /* A blank without a format writes nothing, which is fine. */
      if (format != NULL)
        _hp_export_check (w, ws, row, worksheet_write_blank (ws, row, col, format));
      return;
    }

  if (G_UNLIKELY (_hp_export_test_refused_text != NULL) && g_str_equal (text, _hp_export_test_refused_text))
    {
      _hp_export_check (w, ws, row, LXW_ERROR_PARAMETER_VALIDATION);
      return;
    }

  {
    gboolean cut;
    g_autofree char *clean = _hp_export_clean_text (text, HP_EXPORT_TEXT_ESCAPE, HP_EXPORT_CELL_MAX, &cut);

    if (cut)
      warn_cut (w, ws, row, col, text, clean);
    _hp_export_check (w, ws, row, worksheet_write_string (ws, row, col, clean != NULL ? clean : text, format));
  }
}

void
_hp_export_number (HpExportWriter *w,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   lxw_col_t       col,
                   double          value,
                   lxw_format     *format)
{
  if (w->lxw_rc != LXW_NO_ERROR)
    return;

  _hp_export_check (w, ws, row, worksheet_write_number (ws, row, col, value, format));
}

/* The value of @n ASCII digits at @p. */
static int
read_digits (const char *p,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');

  return value;
}

/* Without sscanf(): the network export parses 350,000 dates. */
static gboolean
parse_iso (const char   *iso,
           lxw_datetime *out,
           gboolean     *out_has_time)
{
  /* Valid means `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, digits where digits go. */
  if (iso == NULL || !hp_iso_datetime_is_valid (iso))
    return FALSE;

  *out_has_time = iso[10] == 'T';
  *out = (lxw_datetime) {
    read_digits (iso, 4), read_digits (iso + 5, 2), read_digits (iso + 8, 2),
    *out_has_time ? read_digits (iso + 11, 2) : 0,
    *out_has_time ? read_digits (iso + 14, 2) : 0,
    0
  };
  return TRUE;
}

void
_hp_export_date (HpExportWriter *w,
                 lxw_worksheet  *ws,
                 lxw_row_t       row,
                 lxw_col_t       col,
                 const char     *iso,
                 lxw_format     *format)
{
  lxw_datetime when;
  gboolean has_time;

  if (w->lxw_rc != LXW_NO_ERROR)
    return;

  if (!parse_iso (iso, &when, &has_time))
    {
      _hp_export_string (w, ws, row, col, iso, format);
      return;
    }

  when.hour = when.min = 0;
  _hp_export_check (w, ws, row, worksheet_write_datetime (ws, row, col, &when, format));
}

void
_hp_export_time (HpExportWriter *w,
                 lxw_worksheet  *ws,
                 lxw_row_t       row,
                 lxw_col_t       col,
                 const char     *iso,
                 lxw_format     *format)
{
  lxw_datetime when;
  gboolean has_time;

  if (w->lxw_rc != LXW_NO_ERROR)
    return;

  if (!parse_iso (iso, &when, &has_time) || !has_time)
    {
      _hp_export_string (w, ws, row, col, NULL, format);
      return;
    }

  /* Year, month and day 0: a time of day without a date. */
  when.year = when.month = when.day = 0;
  _hp_export_check (w, ws, row, worksheet_write_datetime (ws, row, col, &when, format));
}

void
_hp_export_formula (HpExportWriter *w,
                    lxw_worksheet  *ws,
                    lxw_row_t       row,
                    lxw_col_t       col,
                    const char     *formula,
                    double          value,
                    lxw_format     *format)
{
  if (w->lxw_rc != LXW_NO_ERROR)
    return;

  if (formula == NULL)
    {
      _hp_export_check (w, ws, row, worksheet_write_number (ws, row, col, value, format));
      return;
    }

  _hp_export_check (w, ws, row, worksheet_write_formula_num (ws, row, col, formula, format, value));
}

char *
_hp_export_cell_name (lxw_row_t row,
                      lxw_col_t col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

char *
_hp_export_sum_formula (lxw_col_t col,
                        lxw_row_t first,
                        lxw_row_t last)
{
  g_autofree char *from = _hp_export_cell_name (first, col);
  g_autofree char *to = _hp_export_cell_name (last, col);

  /* No rows: no formula, or its range would be its own cell (a circular
   * reference, LibreOffice's Err:522) */
  if (last < first)
    return NULL;

  return g_strdup_printf ("=SUM(%s:%s)", from, to);
}

/* ------------------------------------------------------------------------ */
/* Sheets                                                                    */

/* A text for a page header: on one line, cleaned and `_xHHHH_` escaped,
 * with "&" (a command there) doubled, and cut so that its escaped form has
 * at most HEADER_PART_MAX characters (libxlsxwriter refuses header strings
 * over 255). */
static char *
escape_header_text (const char *text)
{
  g_autofree char *clean = _hp_export_clean_text (text, HP_EXPORT_TEXT_ONE_LINE, 0, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  if (clean != NULL)
    text = clean;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *piece = *p == '&' ? "&&" : is_x_escape (p) ? "_x005F_" : NULL;
      guint width = piece != NULL ? (guint) strlen (piece) : 1;

      if (n + width > HEADER_PART_MAX)
        break;
      n += width;
      if (piece != NULL)
        g_string_append (out, piece);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

lxw_worksheet *
_hp_export_add_sheet (HpExportWriter  *w,
                      const char      *wanted_name,
                      const char      *title,
                      gboolean         landscape,
                      GError         **error)
{
  g_autofree char *name = _hp_export_sheet_name (w->sheet_names, wanted_name);
  g_autofree char *campaign = escape_header_text (w->data->campaign.name);
  g_autofree char *sheet_title = escape_header_text (title);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_worksheet *ws;

  if (!_hp_export_ok (w, error))
    return NULL;

  ws = workbook_add_worksheet (w->workbook, name);
  if (ws == NULL)
    {
      /* In constant-memory mode this is the open-file limit: each sheet
       * keeps a temporary file open until the workbook closes. */
      g_set_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_TOO_MANY_SHEETS,
                   _("Could not add sheet “%s”: too many sheets are open at once (%u). "
                     "Raise the limit of open files (ulimit -n) and try again."),
                   name, g_hash_table_size (w->sheet_names));
      return NULL;
    }

  worksheet_set_paper (ws, 9);   /* A4 */
  if (landscape)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.6, 0.6, 0.8, 0.8);
  /* Each sheet counts its own pages, from 1 */
  worksheet_set_start_page (ws, 1);

  header = g_strdup_printf ("&L%s&R&\"-,Bold\"%s", campaign, sheet_title);
  /* Translators: page footer; &P is the page number (keep the code). A
   * sheet that knows its number of pages says "Page &P of %s" instead
   * (LibreOffice's &N would count the pages of the whole workbook). */
  footer = g_strdup_printf ("&C%s", _("Page &P"));
  _hp_export_check (w, ws, 0, worksheet_set_header (ws, header));
  _hp_export_check (w, ws, 0, worksheet_set_footer (ws, footer));

  if (!_hp_export_ok (w, error))
    return NULL;

  return ws;
}

void
_hp_export_set_page_count (HpExportWriter *w,
                           lxw_worksheet  *ws,
                           guint           pages)
{
  g_autofree char *count = g_strdup_printf ("%u", pages);
  g_autoptr(GString) footer = g_string_new ("&C");

  /* Translators: page footer of a sheet whose pages the export counts
   * itself; &P is the page number and %s the number of pages (keep both). */
  g_string_append_printf (footer, _("Page &P of %s"), count);
  _hp_export_check (w, ws, 0, worksheet_set_footer (ws, footer->str));
}

/* A table heading is bold and wraps at spaces: a column is at least as
 * wide as the longest word of its (translated) title, so that no word is
 * broken in the middle, and the heading row is as tall as its most wrapped
 * title. The export breaks the titles into lines itself (a line break in
 * the cell), each line at most the column's width less HEADING_GAP, so
 * that the lines are the same in every spreadsheet and font, the row is
 * exactly as tall as they are, and two right-aligned titles side by side
 * keep a gap between them ("Je Standardpaket" and "Je U18-Paket").
 * Widths are in column-width units (hp-export-metrics.c). */
#define HEADING_GAP        1.0
/* Points per line of the default 11 pt font: Excel's row for one line of
 * Calibri 11; LibreOffice's line of DejaVu Sans 11 is a little less. */
#define LINE_HEIGHT        HP_EXPORT_LINE_HEIGHT
/* Excel's limit for the height of a row, in points. */
#define ROW_HEIGHT_MAX     409.0

#define INDENT_WIDTH       HP_EXPORT_INDENT_WIDTH

/* What of @column's width a title line may take. */
static double
heading_room (const HpExportColumn *column,
              double                width)
{
  return width - HEADING_GAP - (column->indented ? INDENT_WIDTH : 0);
}

double
_hp_export_column_width (const HpExportColumn *column)
{
  const char *title;
  double width = column->width;
  double best;

  if (column->title == NULL)
    return width;

  /* Wide enough for the title on two lines at most (three stacked words
   * read badly): the narrowest of its breaks into two lines at a space,
   * e.g. "In geplanten / Paketen" rather than "In / geplanten Paketen". A
   * title of one word is its width. */
  title = _(column->title);
  best = _hp_export_text_width (title, -1, TRUE);
  for (const char *space = strchr (title, ' '); space != NULL; space = strchr (space + 1, ' '))
    best = MIN (best, MAX (_hp_export_text_width (title, space - title, TRUE),
                           _hp_export_text_width (space + 1, -1, TRUE)));
  width = MAX (width, best + HEADING_GAP + (column->indented ? INDENT_WIDTH : 0));

  /* what libxlsxwriter stores is whole pixels of Calibri's 7-pixel digit */
  return ceil (width * 7) / 7;
}

/* The title of @column broken into its lines (see above), and how many. */
static char *
heading_text (const HpExportColumn *column,
              guint                *out_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  *out_lines = _hp_export_wrap (_(column->title), heading_room (column, _hp_export_column_width (column)),
                                TRUE, FALSE, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_hp_export_set_columns (HpExportWriter       *w,
                        lxw_worksheet        *ws,
                        const HpExportColumn *columns,
                        guint                 n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    _hp_export_check (w, ws, 0, worksheet_set_column (ws, i, i, _hp_export_column_width (&columns[i]), NULL));
}

/* Product or sponsor columns as wide as the longest name, within these
 * bounds (characters). */
#define NAME_WIDTH_MIN 16
#define NAME_WIDTH_MAX 45

double
_hp_export_name_width (GPtrArray *products,
                       gboolean   sponsor)
{
  glong longest = 0;

  for (guint i = 0; i < products->len; i++)
    {
      const HpExportProductRow *p = g_ptr_array_index (products, i);
      const char *name = sponsor ? p->sponsor_name : p->name;

      if (name != NULL)
        longest = MAX (longest, g_utf8_strlen (name, -1));
    }

  return CLAMP ((double) longest + 2, NAME_WIDTH_MIN, NAME_WIDTH_MAX);
}

double
_hp_export_texts_width (const char * const *texts,
                        guint               n_texts)
{
  glong longest = 0;

  for (guint i = 0; i < n_texts; i++)
    if (texts[i] != NULL)
      longest = MAX (longest, g_utf8_strlen (texts[i], -1));

  return CLAMP ((double) longest + 2, NAME_WIDTH_MIN, NAME_WIDTH_MAX);
}

guint
_hp_export_text_lines (const char *text,
                       double      width)
{
  return _hp_export_wrap (text, width, FALSE, TRUE, NULL);
}

void
_hp_export_row_lines (HpExportWriter *w,
                      lxw_worksheet  *ws,
                      lxw_row_t       row,
                      guint           lines)
{
  /* Excel's tallest row is 409 points. */
  if (lines > 1)
    _hp_export_check (w, ws, row, worksheet_set_row (ws, row, MIN (lines * LINE_HEIGHT, ROW_HEIGHT_MAX), NULL));
}

void
_hp_export_heading_row (HpExportWriter       *w,
                        lxw_worksheet        *ws,
                        lxw_row_t             row,
                        const HpExportColumn *columns,
                        guint                 n_columns)
{
  g_auto(GStrv) titles = g_new0 (char *, n_columns + 1);
  guint lines = 1;

  for (guint i = 0; i < n_columns; i++)
    if (columns[i].title != NULL)
      {
        guint n;

        titles[i] = heading_text (&columns[i], &n);
        lines = MAX (lines, n);
      }

  /* Spreadsheets don't grow a row for wrapped text on opening
   * (LibreOffice doesn't), so the height is set here. */
  _hp_export_row_lines (w, ws, row, lines);

  for (guint i = 0; i < n_columns; i++)
    _hp_export_string (w, ws, row, i, titles[i],
                       columns[i].numeric ? w->heading_number
                       : columns[i].indented ? w->heading_indented : w->heading);
}

guint
_hp_export_heading_lines (const HpExportColumn *columns,
                          guint                 n_columns)
{
  guint lines = 1;

  for (guint i = 0; i < n_columns; i++)
    if (columns[i].title != NULL)
      {
        guint n;
        g_autofree char *title = heading_text (&columns[i], &n);

        lines = MAX (lines, n);
      }

  return lines;
}

void
_hp_export_table_header (HpExportWriter       *w,
                         lxw_worksheet        *ws,
                         lxw_row_t             row,
                         lxw_row_t             first_repeated,
                         const HpExportColumn *columns,
                         guint                 n_columns)
{
  _hp_export_check (w, ws, row, worksheet_repeat_rows (ws, first_repeated, row));
  worksheet_freeze_panes (ws, row + 1, 0);
  _hp_export_heading_row (w, ws, row, columns, n_columns);
}

/* ------------------------------------------------------------------------ */
/* Pages                                                                     */

/* A4 in points, and the margins of _hp_export_add_sheet() (inches). */
#define A4_SHORT      595.28
#define A4_LONG       841.89
#define MARGIN_SIDE   0.6
#define MARGIN_TOP    0.8
#define MARGIN_BOTTOM 0.8
/* Kept free on every page, for rounding in the spreadsheet's reckoning. */
#define PAGE_SLACK    HP_EXPORT_LINE_HEIGHT

void
_hp_export_pager_init (HpExportPager        *pager,
                       const HpExportColumn *columns,
                       guint                 n_columns,
                       gboolean              landscape)
{
  double page_width = (landscape ? A4_LONG : A4_SHORT) - 2 * 72 * MARGIN_SIDE;
  double page_height = (landscape ? A4_SHORT : A4_LONG) - 72 * (MARGIN_TOP + MARGIN_BOTTOM);
  double sheet_width = 0;
  double scale;

  /* Excel's columns: whole pixels of a 7-pixel digit, 5 pixels of
   * padding, at 96 pixels an inch. */
  for (guint i = 0; i < n_columns; i++)
    sheet_width += (floor (_hp_export_column_width (&columns[i]) * 7 + 0.5) + 5) * 0.75;
  scale = sheet_width > page_width ? page_width / sheet_width : 1.0;

  pager->capacity = page_height / scale - PAGE_SLACK;
  pager->repeated = 0;
  pager->used = 0;
  pager->breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
}

void
_hp_export_pager_clear (HpExportPager *pager)
{
  g_clear_pointer (&pager->breaks, g_array_unref);
}

void
_hp_export_pager_repeat (HpExportPager *pager,
                         double         height)
{
  pager->repeated = height;
}

static void
new_page (HpExportPager *pager,
          lxw_row_t      row)
{
  /* libxlsxwriter takes at most LXW_BREAKS_MAX; a sheet that long (over
   * a thousand pages) counts only those. */
  if (pager->breaks->len < LXW_BREAKS_MAX)
    g_array_append_val (pager->breaks, row);
  pager->used = pager->repeated;
}

void
_hp_export_pager_add (HpExportPager *pager,
                      lxw_row_t      row,
                      double         height)
{
  if (pager->used + height > pager->capacity && pager->used > pager->repeated)
    new_page (pager, row);
  pager->used += height;
}

void
_hp_export_pager_keep (HpExportPager *pager,
                       lxw_row_t      row,
                       double         height)
{
  if (pager->used + height > pager->capacity && pager->used > pager->repeated &&
      pager->repeated + height <= pager->capacity)
    new_page (pager, row);
}

guint
_hp_export_pager_finish (HpExportPager  *pager,
                         HpExportWriter *w,
                         lxw_worksheet  *ws)
{
  guint pages = 1 + pager->breaks->len;

  if (pager->breaks->len > 0)
    _hp_export_check (w, ws, 0, worksheet_set_h_pagebreaks (ws, (lxw_row_t *) (void *) pager->breaks->data));
  _hp_export_set_page_count (w, ws, pages);
  return pages;
}

lxw_row_t
_hp_export_caption (HpExportWriter *w,
                    lxw_worksheet  *ws,
                    const char     *title)
{
  _hp_export_string (w, ws, 0, 0, title, w->title);
  _hp_export_string (w, ws, 1, 0, w->data->campaign.name, w->subtitle);
  return 3;
}

/* ------------------------------------------------------------------------ */
/* Formats                                                                   */

void
_hp_export_add_formats (HpExportWriter *w)
{
  lxw_workbook *wb = w->workbook;

  w->title = workbook_add_format (wb);
  format_set_bold (w->title);
  format_set_font_size (w->title, 14);

  w->subtitle = workbook_add_format (wb);
  format_set_font_size (w->subtitle, 11);
  format_set_italic (w->subtitle);

  w->heading = workbook_add_format (wb);
  format_set_bold (w->heading);
  format_set_bg_color (w->heading, 0xD9D9D9);
  format_set_bottom (w->heading, LXW_BORDER_THIN);
  format_set_text_wrap (w->heading);
  format_set_align (w->heading, LXW_ALIGN_VERTICAL_TOP);

  /* over indented cells (dates, notes) after a right-aligned number */
  w->heading_indented = workbook_add_format (wb);
  format_set_bold (w->heading_indented);
  format_set_bg_color (w->heading_indented, 0xD9D9D9);
  format_set_bottom (w->heading_indented, LXW_BORDER_THIN);
  format_set_text_wrap (w->heading_indented);
  format_set_align (w->heading_indented, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent (w->heading_indented, 1);


  w->heading_number = workbook_add_format (wb);
  format_set_bold (w->heading_number);
  format_set_bg_color (w->heading_number, 0xD9D9D9);
  format_set_bottom (w->heading_number, LXW_BORDER_THIN);
  format_set_text_wrap (w->heading_number);
  format_set_align (w->heading_number, LXW_ALIGN_RIGHT);
  format_set_align (w->heading_number, LXW_ALIGN_VERTICAL_TOP);

  w->bold = workbook_add_format (wb);
  format_set_bold (w->bold);

  w->wrap = workbook_add_format (wb);
  format_set_text_wrap (w->wrap);
  format_set_align (w->wrap, LXW_ALIGN_VERTICAL_TOP);

  w->top = workbook_add_format (wb);
  format_set_align (w->top, LXW_ALIGN_VERTICAL_TOP);

  w->link = workbook_add_format (wb);
  format_set_underline (w->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (w->link, LXW_COLOR_BLUE);
  format_set_align (w->link, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent (w->link, 1);

  w->wrap_indented = workbook_add_format (wb);
  format_set_text_wrap (w->wrap_indented);
  format_set_align (w->wrap_indented, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent (w->wrap_indented, 1);

  /* Figures of tables stand at the top of their row, beside the first line
   * of a name or list that wraps (the packing list's sponsors). */
  w->integer = workbook_add_format (wb);
  format_set_num_format (w->integer, "#,##0");
  format_set_align (w->integer, LXW_ALIGN_VERTICAL_TOP);

  w->integer_left = workbook_add_format (wb);
  format_set_num_format (w->integer_left, "#,##0");
  format_set_align (w->integer_left, LXW_ALIGN_LEFT);
  format_set_indent (w->integer_left, 1);

  w->count = workbook_add_format (wb);
  format_set_num_format (w->count, "#,##0;-#,##0;\"–\"");
  format_set_align (w->count, LXW_ALIGN_VERTICAL_TOP);

  w->difference = workbook_add_format (wb);
  format_set_num_format (w->difference, "#,##0;[Red]-#,##0;0");
  format_set_align (w->difference, LXW_ALIGN_VERTICAL_TOP);

  w->money = workbook_add_format (wb);
  format_set_num_format (w->money, "#,##0.00 \"€\"");
  format_set_align (w->money, LXW_ALIGN_VERTICAL_TOP);

  w->date = workbook_add_format (wb);
  /* dates as the language writes them (dd.mm.yyyy in German), as the
   * window shows them */
  {
    g_autofree char *pattern = hp_format_get_spreadsheet_date_format ();

    format_set_num_format (w->date, pattern);
  }
  format_set_align (w->date, LXW_ALIGN_LEFT);
  format_set_align (w->date, LXW_ALIGN_VERTICAL_TOP);
  /* apart from a right-aligned number in the column before */
  format_set_indent (w->date, 1);

  w->time = workbook_add_format (wb);
  format_set_num_format (w->time, "hh:mm");
  format_set_align (w->time, LXW_ALIGN_LEFT);
  format_set_align (w->time, LXW_ALIGN_VERTICAL_TOP);

  w->total_text = workbook_add_format (wb);
  format_set_bold (w->total_text);
  format_set_top (w->total_text, LXW_BORDER_THIN);

  w->total_integer = workbook_add_format (wb);
  format_set_bold (w->total_integer);
  format_set_top (w->total_integer, LXW_BORDER_THIN);
  format_set_num_format (w->total_integer, "#,##0");

  w->total_money = workbook_add_format (wb);
  format_set_bold (w->total_money);
  format_set_top (w->total_money, LXW_BORDER_THIN);
  format_set_num_format (w->total_money, "#,##0.00 \"€\"");

  /* Text right after a right-aligned number: kept apart by an indent. */
  w->note = workbook_add_format (wb);
  format_set_indent (w->note, 1);
  format_set_align (w->note, LXW_ALIGN_VERTICAL_TOP);

  w->signature = workbook_add_format (wb);
  format_set_bottom (w->signature, LXW_BORDER_THIN);

  w->tick = workbook_add_format (wb);
  format_set_align (w->tick, LXW_ALIGN_CENTER);
  format_set_font_size (w->tick, 14);

  w->label_text = workbook_add_format (wb);
  format_set_bold (w->label_text);
  format_set_font_size (w->label_text, 16);
  format_set_text_wrap (w->label_text);
  format_set_align (w->label_text, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (w->label_text, LXW_BORDER_MEDIUM);

  w->label_number = workbook_add_format (wb);
  format_set_bold (w->label_number);
  format_set_font_size (w->label_number, 28);
  format_set_num_format (w->label_number, "0");
  format_set_align (w->label_number, LXW_ALIGN_CENTER);
  format_set_align (w->label_number, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (w->label_number, LXW_BORDER_MEDIUM);
}
