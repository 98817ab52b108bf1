/* hp-export-delivery.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delivery sheets ("Lieferscheine / Übergabeprotokolle"), one workbook:
 *
 * - "Overview": every school taking part, by school number, with the
 *   hand-over date and time of its note, the note's number, the packs it
 *   needs, delivered before, this delivery (standard, under 18, total),
 *   still to come, crates and the name of its sheet; a total row.
 *
 * Which delivery a note is for (documented in hp-export.h): the school's
 * latest recorded hand-over, with the earlier ones as "delivered before";
 * without any, the packs still to deliver: its allocation, on its planned
 * hand-over day. Still to come = needed − before − this (≥ 0).
 * - One sheet per school, named after the school (made legal and unique):
 *   the agency, the title, the school's postal address (name / street /
 *   postcode town) with number, contact teacher and phone, the hand-over
 *   date and time, the graduates the plan counts (as the Planning page
 *   shows them), the packs and crates, and signature lines for handing
 *   over and receiving. With class lists, the school's graduates follow on
 *   a new page, by class, last and first name, with a column "U18" that
 *   marks, in bold, who is under 18 on the hand-over day and gets the
 *   under-18 pack (empty for the others and for those without a birth
 *   date), and a tick column; the list's header repeats on every page. A
 *   hidden column G holds each graduate's ID, so that a returned, ticked
 *   list can be read back (hp_import_received()).
 *
 * The school sheets are forms, so they have no frozen panes; the overview
 * is a table and freezes its header.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

/* ------------------------------------------------------------------------ */
/* Overview                                                                  */

static const HpExportColumn overview_columns[] = {
  { N_("School no."), 10, FALSE },
  { N_("School"), 34, FALSE },
  /* set off from a long school name before it */
  { N_("Town"), 16, FALSE, TRUE },
  { N_("Hand-over"), 11, FALSE },
  { N_("Time"), 7, FALSE },
  /* Translators: the delivery note's number */
  { N_("Note no."), 15, FALSE },
  /* Translators: packs the school needs */
  { N_("Needed"), 9, TRUE },
  /* Translators: packs handed over to the school before this delivery */
  { N_("Delivered before"), 10, TRUE },
  { N_("Standard packs"), 10, TRUE },
  { N_("Under-18 packs"), 10, TRUE },
  { N_("Packs in total"), 10, TRUE },
  /* Translators: packs the school still gets after this delivery */
  { N_("Still to come"), 9, TRUE },
  { N_("Crates"), 8, TRUE },
  /* Sheet names have up to 31 characters (and "…" for a cut one). */
  { N_("Sheet"), 33, FALSE, TRUE },
};

/* The columns of the overview (overview_columns) */
enum {
  COL_NUMBER, COL_NAME, COL_TOWN, COL_DATE, COL_TIME, COL_NOTE, COL_NEEDED, COL_BEFORE,
  COL_STANDARD, COL_UNDER18, COL_TOTAL, COL_TO_COME, COL_CRATES, COL_SHEET,
};

/* What one school's delivery note is for. */
typedef struct
{
  guint       this_standard;
  guint       this_under18;
  guint       before_standard;
  guint       before_under18;
  guint       to_come_standard;
  guint       to_come_under18;
  const char *handover;       /* ISO date (and time), or NULL */
  const char *received_by;    /* from the recorded hand-over, or NULL */
  guint       sequence;       /* the how-manieth delivery to the school */
  char       *number;         /* "2027-100112-2" */
} Note;

static void
note_clear (gpointer data)
{
  g_free (((Note *) data)->number);
}

static guint
clamp_count (gint64 value)
{
  return (guint) CLAMP (value, 0, G_MAXUINT);
}

guint64
_hp_export_delivery_units (HpExportData *data)
{
  guint64 units = 2 * (guint64) data->schools->len;

  if (data->options.class_lists)
    units += data->listed;

  return units;
}

static guint
crates_for (HpExportData *data,
            const Note   *note)
{
  return (note->this_standard + note->this_under18 + data->crate_size - 1) / data->crate_size;
}

static const char *
handover_of (HpExportData         *data,
             const HpExportSchool *school)
{
  return school->row->handover != NULL ? school->row->handover : data->campaign.handover_date;
}

/* The notes of all schools, parallel to data->schools (see the top). */
static GArray *
make_notes (HpExportData *data)
{
  g_autoptr(GHashTable) latest = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *notes = g_array_sized_new (FALSE, TRUE, sizeof (Note), data->schools->len);

  g_array_set_clear_func (notes, note_clear);

  /* oldest first per school: the last one seen is the latest */
  for (guint i = 0; data->handovers != NULL && i < data->handovers->len; i++)
    {
      HpExportHandoverRow *h = g_ptr_array_index (data->handovers, i);

      g_hash_table_insert (latest, &h->school_id, h);
      g_hash_table_insert (counts, &h->school_id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &h->school_id)) + 1));
    }

  for (guint i = 0; i < data->schools->len; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);
      const HpExportHandoverRow *h = g_hash_table_lookup (latest, &school->row->id);
      Note note = { 0 };

      if (h != NULL)
        {
          note.this_standard = clamp_count (h->standard);
          note.this_under18 = clamp_count (h->under18);
          note.before_standard = school->delivered_standard - MIN (school->delivered_standard, note.this_standard);
          note.before_under18 = school->delivered_under18 - MIN (school->delivered_under18, note.this_under18);
          note.handover = h->handed_over_at;
          note.received_by = h->received_by;
          note.sequence = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &school->row->id));
        }
      else
        {
          note.this_standard = school->standard;
          note.this_under18 = school->under18;
          note.handover = handover_of (data, school);
          note.sequence = 1;
        }

      note.to_come_standard = school->needed_standard -
                              MIN (school->needed_standard, note.before_standard + note.this_standard);
      note.to_come_under18 = school->needed_under18 -
                             MIN (school->needed_under18, note.before_under18 + note.this_under18);
      note.number = g_strdup_printf ("%d-%s-%u", data->campaign.year,
                                     school->row->number != NULL ? school->row->number : "0", note.sequence);
      g_array_append_val (notes, note);
    }

  return notes;
}

/* The text of the overview's link to a school's sheet: the sheet's name,
 * with "…" where it is the school's name cut to Excel's 31 characters, so
 * that it reads as the shortened name it is (the school's full name stands
 * in its own column). */
static char *
sheet_reference (const char *sheet_name,
                 const char *school_name)
{
  if (school_name != NULL && !g_str_equal (sheet_name, school_name) &&
      g_str_has_prefix (school_name, sheet_name))
    return g_strconcat (sheet_name, "…", NULL);
  return g_strdup (sheet_name);
}

/* A link in @row to cell A1 of the sheet @sheet_name, showing @text. */
static void
write_sheet_link (HpExportWriter *w,
                  lxw_worksheet  *ws,
                  lxw_row_t       row,
                  lxw_col_t       col,
                  const char     *sheet_name,
                  const char     *text)
{
  g_autoptr(GString) target = g_string_new ("internal:'");
  /* Translators: tooltip of the link from the overview to a school's sheet */
  g_autofree char *tip = g_strdup_printf (_("Go to sheet “%s”"), sheet_name);

  if (w->lxw_rc != LXW_NO_ERROR)
    return;
  /* an apostrophe in a quoted sheet name is doubled */
  for (const char *p = sheet_name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (target, '\'');
      g_string_append_c (target, *p);
    }
  g_string_append (target, "'!A1");
  _hp_export_check (w, ws, row, worksheet_write_url_opt (ws, row, col, target->str, w->link, text, tip));
}

static gboolean
write_overview (HpExportWriter  *w,
                GArray          *notes,
                char           **sheet_names,
                GError         **error)
{
  HpExportData *data = w->data;
  guint n = data->schools->len;
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t first;
  double sums[COL_CRATES + 1] = { 0 };
  g_auto(HpExportPager) pager = { 0 };
  double heading;
  double name_width;
  double town_width;

  ws = _hp_export_add_sheet (w, _("Overview"), _("Delivery sheets – overview"), FALSE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, overview_columns, G_N_ELEMENTS (overview_columns));
  row = _hp_export_caption (w, ws, _("Delivery sheets – overview"));
  _hp_export_check (w, ws, row, worksheet_autofilter (ws, row, 0, row + MAX (n, 1), G_N_ELEMENTS (overview_columns) - 1));
  _hp_export_table_header (w, ws, row, row, overview_columns, G_N_ELEMENTS (overview_columns));
  first = ++row;

  /* The pages from the rows' own heights (a long name wraps), so that the
   * sheet knows its number of pages. */
  _hp_export_pager_init (&pager, overview_columns, G_N_ELEMENTS (overview_columns), FALSE);
  _hp_export_pager_add (&pager, 0, HP_EXPORT_TITLE_HEIGHT);
  _hp_export_pager_add (&pager, 1, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_add (&pager, 2, HP_EXPORT_LINE_HEIGHT);
  heading = _hp_export_heading_lines (overview_columns, G_N_ELEMENTS (overview_columns)) * HP_EXPORT_LINE_HEIGHT;
  _hp_export_pager_add (&pager, 3, heading);
  _hp_export_pager_repeat (&pager, heading);
  name_width = _hp_export_column_width (&overview_columns[COL_NAME]);
  town_width = _hp_export_column_width (&overview_columns[COL_TOWN]) - HP_EXPORT_INDENT_WIDTH;

  for (guint i = 0; i < n; i++, row++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);
      const Note *note = &g_array_index (notes, Note, i);

      g_autofree char *f_std = _hp_export_cell_name (row, COL_STANDARD);
      g_autofree char *f_u18 = _hp_export_cell_name (row, COL_UNDER18);
      g_autofree char *total = g_strdup_printf ("=%s+%s", f_std, f_u18);
      const double values[] = {
        [COL_NEEDED] = (double) school->needed_standard + school->needed_under18,
        [COL_BEFORE] = (double) note->before_standard + note->before_under18,
        [COL_STANDARD] = note->this_standard,
        [COL_UNDER18] = note->this_under18,
        [COL_TOTAL] = (double) note->this_standard + note->this_under18,
        [COL_TO_COME] = (double) note->to_come_standard + note->to_come_under18,
        [COL_CRATES] = crates_for (data, note),
      };
      /* a long name or town wraps in its column, the row as tall */
      guint lines = MAX (_hp_export_text_lines (school->row->name, name_width),
                         _hp_export_text_lines (school->row->town, town_width));
      g_autofree char *reference = sheet_reference (sheet_names[i], school->row->name);

      _hp_export_row_lines (w, ws, row, lines);
      _hp_export_pager_add (&pager, row, lines * HP_EXPORT_LINE_HEIGHT);
      _hp_export_string (w, ws, row, COL_NUMBER, school->row->number, w->top);
      _hp_export_string (w, ws, row, COL_NAME, school->row->name, w->wrap);
      _hp_export_string (w, ws, row, COL_TOWN, school->row->town, w->wrap_indented);
      _hp_export_date (w, ws, row, COL_DATE, note->handover, w->date);
      _hp_export_time (w, ws, row, COL_TIME, note->handover, w->time);
      _hp_export_string (w, ws, row, COL_NOTE, note->number, w->top);
      for (guint c = COL_NEEDED; c <= COL_CRATES; c++)
        {
          if (c == COL_TOTAL)
            _hp_export_formula (w, ws, row, c, total, values[c], w->integer);
          else
            _hp_export_number (w, ws, row, c, values[c], w->integer);
          sums[c] += values[c];
        }
      write_sheet_link (w, ws, row, COL_SHEET, sheet_names[i], reference);
      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  _hp_export_string (w, ws, row, 0, NULL, w->total_text);
  _hp_export_string (w, ws, row, 1, _("Total"), w->total_text);
  for (lxw_col_t c = COL_TOWN; c <= COL_NOTE; c++)
    _hp_export_string (w, ws, row, c, NULL, w->total_text);
  for (lxw_col_t c = COL_NEEDED; c <= COL_CRATES; c++)
    {
      g_autofree char *sum = _hp_export_sum_formula (c, first, row - 1);

      _hp_export_formula (w, ws, row, c, sum, sums[c], w->total_integer);
    }
  _hp_export_string (w, ws, row, COL_SHEET, NULL, w->total_text);
  _hp_export_pager_add (&pager, row, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_finish (&pager, w, ws);

  return _hp_export_ok (w, error);
}

/* ------------------------------------------------------------------------ */
/* One school                                                                */

/* A: labels, B–C: values, D: labels, E–F: values */
static const HpExportColumn school_columns[] = {
  { NULL, 18, FALSE },
  { NULL, 20, FALSE },
  { NULL, 12, FALSE },
  { NULL, 18, FALSE },
  { NULL, 20, FALSE },
  { NULL, 12, FALSE },
};

/* Graduates on a printed page of a class list: its rows (with the 14 pt
 * tick box about 19 pt tall) and the repeated heading fit an A4 page with
 * room to spare. */
#define CLASS_LIST_PAGE 45

/* In the columns of the form above it (school_columns). */
static const HpExportColumn class_list_columns[] = {
  { N_("Class"), 18, FALSE },
  { N_("Last name"), 20, FALSE },
  { N_("First name"), 12, FALSE },
  /* Translators: column of the class list that marks graduates under 18
   * (who get the alcohol-free pack); German "U18" */
  { N_("U18"), 18, FALSE },
  /* Translators: the tick column of the class list; ☐ is a box to tick */
  { N_("received ☐"), 20, FALSE },
};

typedef struct
{
  HpExportWriter *w;
  lxw_worksheet  *ws;
  lxw_row_t       row;
  const char     *u18;  /* the mark, translated once */
} ClassList;

static gboolean
write_graduate_cb (const HpExportGraduateRow  *graduate,
                   gpointer                    user_data,
                   GError                    **error)
{
  ClassList *list = user_data;
  HpExportWriter *w = list->w;

  _hp_export_string (w, list->ws, list->row, 0, graduate->class_name, NULL);
  _hp_export_string (w, list->ws, list->row, 1, graduate->last_name, NULL);
  _hp_export_string (w, list->ws, list->row, 2, graduate->first_name, NULL);
  /* Unknown (no birth date) stays empty, like 18 and older. */
  _hp_export_string (w, list->ws, list->row, 3, graduate->under18 == 1 ? list->u18 : NULL, w->bold);
  _hp_export_string (w, list->ws, list->row, 4, "☐", w->tick);
  _hp_export_number (w, list->ws, list->row, HP_CLASS_LIST_ID_COLUMN, (double) graduate->graduate_id, NULL);
  list->row++;

  return _hp_export_step (w, 1, error);
}

static char *
join_nonempty (const char *separator,
               ...) G_GNUC_NULL_TERMINATED;

static char *
join_nonempty (const char *separator,
               ...)
{
  g_autoptr(GString) out = g_string_new (NULL);
  va_list args;

  va_start (args, separator);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    {
      /* An empty part stands for a missing field. */
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define OR_EMPTY(s) ((s) != NULL ? (s) : "")

/* Agency, title and campaign; returns the next free row. */
static lxw_row_t
write_letterhead (HpExportWriter *w,
                  lxw_worksheet  *ws)
{
  const HpExportOptions *o = &w->data->options;
  g_autofree char *town = join_nonempty (" ", OR_EMPTY (o->agency_postcode), OR_EMPTY (o->agency_town), NULL);
  g_autofree char *address = join_nonempty (" · ", OR_EMPTY (o->agency_street), town, NULL);
  g_autofree char *phone = o->agency_phone && *o->agency_phone
                           ? g_strdup_printf (_("Phone %s"), o->agency_phone) : g_strdup ("");
  g_autofree char *email = o->agency_email && *o->agency_email
                           ? g_strdup_printf (_("E-mail %s"), o->agency_email) : g_strdup ("");
  g_autofree char *contact = join_nonempty (" · ", phone, email, NULL);

  _hp_export_string (w, ws, 0, 0, o->agency_name, w->bold);
  _hp_export_string (w, ws, 1, 0, address, NULL);
  _hp_export_string (w, ws, 2, 0, contact, NULL);
  _hp_export_string (w, ws, 4, 0, _("Delivery sheet / hand-over record"), w->title);
  _hp_export_string (w, ws, 5, 0, w->data->campaign.name, w->subtitle);
  return 7;
}

/* "Partial delivery: 27 of 72 packs, 45 to follow." and the like, or NULL
 * for a complete first delivery. */
static char *
partial_line (const HpExportSchool *school,
              const Note           *note)
{
  guint needed = school->needed_standard + school->needed_under18;
  guint this = note->this_standard + note->this_under18;
  guint before = note->before_standard + note->before_under18;
  guint to_come = note->to_come_standard + note->to_come_under18;
  g_autofree char *needed_text = hp_format_count (needed);
  g_autofree char *this_text = hp_format_count (this);
  g_autofree char *before_text = hp_format_count (before);
  g_autofree char *to_come_text = hp_format_count (to_come);

  if (to_come > 0 && before == 0)
    /* Translators: on the delivery note: "Partial delivery: 27 of 72 packs,
     * 45 to follow." (German: "Teillieferung: 27 von 72 Paketen, 45 folgen.");
     * the counts are written the language's way (1,052 / 1.052), the form
     * follows the second */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Partial delivery: %s of %s pack, %s to follow.",
                                         "Partial delivery: %s of %s packs, %s to follow.", needed),
                            this_text, needed_text, to_come_text);
  if (to_come > 0)
    /* Translators: on the delivery note of a later delivery: "Partial
     * delivery: 30 of 72 packs (27 delivered before), 15 to follow." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Partial delivery: %s of %s pack (%s delivered before), %s to follow.",
                                         "Partial delivery: %s of %s packs (%s delivered before), %s to follow.",
                                         needed),
                            this_text, needed_text, before_text, to_come_text);
  if (before > 0)
    /* Translators: on the delivery note of the last of several deliveries:
     * "Final delivery: 45 of 72 packs (27 delivered before)." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Final delivery: %s of %s pack (%s delivered before).",
                                         "Final delivery: %s of %s packs (%s delivered before).", needed),
                            this_text, needed_text, before_text);
  return NULL;
}

static gboolean
write_school (HpExportWriter        *w,
              const HpExportSchool  *school,
              const Note            *note,
              const char            *issued,
              const char            *sheet_name,
              GError               **error)
{
  HpExportData *data = w->data;
  const HpExportSchoolRow *s = school->row;
  const char *handover = note->handover;
  g_autofree char *partial = partial_line (school, note);
  gboolean class_list = data->options.class_lists;
  g_autofree char *town = join_nonempty (" ", OR_EMPTY (s->postcode), OR_EMPTY (s->town), NULL);
  /* Translators: on the delivery note, how the packs are packed */
  g_autofree char *per_crate = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s pack per crate",
                                                               "%s packs per crate", data->crate_size),
                                                  data->crate_size);
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t packs_row;
  guint pages = 1;

  ws = _hp_export_add_sheet (w, sheet_name, s->name, FALSE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, school_columns, G_N_ELEMENTS (school_columns));
  if (class_list)
    {
      lxw_row_col_options hidden = { .hidden = 1 };

      _hp_export_check (w, ws, 0, worksheet_set_column_opt (ws, HP_CLASS_LIST_ID_COLUMN, HP_CLASS_LIST_ID_COLUMN,
                                                            13, NULL, &hidden));
    }
  row = write_letterhead (w, ws);

  /* The school in German postal layout, and the facts beside it. */
  _hp_export_string (w, ws, row, 0, _("School"), w->bold);
  _hp_export_string (w, ws, row, 3, _("School number"), w->bold);
  _hp_export_string (w, ws, row, 4, s->number, NULL);
  row++;
  _hp_export_string (w, ws, row, 0, s->name, NULL);
  _hp_export_string (w, ws, row, 3, _("Contact teacher"), w->bold);
  _hp_export_string (w, ws, row, 4, s->contact_teacher, NULL);
  row++;
  _hp_export_string (w, ws, row, 0, s->street, NULL);
  _hp_export_string (w, ws, row, 3, _("Phone"), w->bold);
  _hp_export_string (w, ws, row, 4, s->phone, NULL);
  row++;
  _hp_export_string (w, ws, row, 0, town, NULL);
  _hp_export_string (w, ws, row, 3, _("E-mail"), w->bold);
  _hp_export_string (w, ws, row, 4, s->email, NULL);
  row++;
  _hp_export_string (w, ws, row, 3, _("Delivery note no."), w->bold);
  _hp_export_string (w, ws, row, 4, note->number, NULL);
  row++;
  /* Translators: the day the delivery note was printed */
  _hp_export_string (w, ws, row, 3, _("Issued on"), w->bold);
  _hp_export_date (w, ws, row, 4, issued, w->date);
  row += 2;

  _hp_export_string (w, ws, row, 0, _("Hand-over on"), w->bold);
  _hp_export_date (w, ws, row, 1, handover, w->date);
  _hp_export_string (w, ws, row, 3, _("at (time)"), w->bold);
  _hp_export_time (w, ws, row, 4, handover, w->time);
  row++;
  /* The plan's count, as on the Planning page: the complete list, else the
   * larger of the expected and the listed graduates. */
  _hp_export_string (w, ws, row, 0, _("Graduates"), w->bold);
  _hp_export_number (w, ws, row, 1, school->graduates, w->integer_left);
  row += 2;

  /* This delivery first, then what it stands in: needed, delivered
   * before, still to come. */
  _hp_export_string (w, ws, row, 0, _("Packs"), w->heading);
  /* Translators: column titles of the packs on the delivery note */
  _hp_export_string (w, ws, row, 1, _("This delivery"), w->heading_number);
  _hp_export_string (w, ws, row, 2, _("Needed"), w->heading_number);
  _hp_export_string (w, ws, row, 3, _("Delivered before"), w->heading_number);
  _hp_export_string (w, ws, row, 4, _("Still to come"), w->heading_number);
  row++;
  packs_row = row;
  {
    const struct { const char *label; guint this, needed, before, to_come; } lines[] = {
      { N_("Standard packs"), note->this_standard, school->needed_standard, note->before_standard,
        note->to_come_standard },
      { N_("Under-18 packs"), note->this_under18, school->needed_under18, note->before_under18,
        note->to_come_under18 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++, row++)
      {
        _hp_export_string (w, ws, row, 0, _(lines[i].label), NULL);
        _hp_export_number (w, ws, row, 1, lines[i].this, w->integer);
        _hp_export_number (w, ws, row, 2, lines[i].needed, w->integer);
        _hp_export_number (w, ws, row, 3, lines[i].before, w->integer);
        _hp_export_number (w, ws, row, 4, lines[i].to_come, w->integer);
      }
  }
  _hp_export_string (w, ws, row, 0, _("Packs in total"), w->total_text);
  {
    const double totals[] = {
      (double) note->this_standard + note->this_under18,
      (double) school->needed_standard + school->needed_under18,
      (double) note->before_standard + note->before_under18,
      (double) note->to_come_standard + note->to_come_under18,
    };

    for (lxw_col_t c = 1; c <= 4; c++)
      {
        g_autofree char *f_a = _hp_export_cell_name (packs_row, c);
        g_autofree char *f_b = _hp_export_cell_name (packs_row + 1, c);
        g_autofree char *sum = g_strdup_printf ("=%s+%s", f_a, f_b);

        _hp_export_formula (w, ws, row, c, sum, totals[c - 1], w->total_integer);
      }
  }
  row++;
  _hp_export_string (w, ws, row, 0, _("Crates"), NULL);
  _hp_export_number (w, ws, row, 1, crates_for (data, note), w->integer);
  _hp_export_string (w, ws, row, 2, per_crate, w->note);
  row++;
  if (partial != NULL)
    _hp_export_string (w, ws, row, 0, partial, w->bold);
  row += 2;

  /* Signatures: handed over (the agency's driver) and received (school). */
  /* Translators: signature block of the delivery sheet ("Übergeben") */
  _hp_export_string (w, ws, row, 0, C_("delivery sheet", "Handed over"), w->title);
  /* Translators: signature block of the delivery sheet ("Empfangen"), not
   * the goods received from a sponsor */
  _hp_export_string (w, ws, row, 3, C_("delivery sheet", "Received"), w->title);
  row += 2;
  {
    const char *lines[] = { N_("Name:"), N_("Date:"), N_("Signature:") };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++, row += 2)
      {
        _hp_export_check (w, ws, row, worksheet_set_row (ws, row, 24, NULL));
        _hp_export_string (w, ws, row, 0, _(lines[i]), NULL);
        _hp_export_string (w, ws, row, 1, NULL, w->signature);
        _hp_export_string (w, ws, row, 2, NULL, w->signature);
        _hp_export_string (w, ws, row, 3, _(lines[i]), NULL);
        /* who signed for the recorded hand-over */
        _hp_export_string (w, ws, row, 4, i == 0 ? note->received_by : NULL, w->signature);
        _hp_export_string (w, ws, row, 5, NULL, w->signature);
      }
  }

  if (class_list)
    {
      ClassList list = { w, ws, 0, _("U18") };
      g_autoptr(GArray) breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
      g_autofree char *list_title = g_strdup_printf (_("Class list: %s"), s->name);
      lxw_row_t first;

      /* The note on page 1, the class list from page 2 */
      g_array_append_val (breaks, row);
      _hp_export_string (w, ws, row, 0, list_title, w->title);
      row += 2;
      _hp_export_check (w, ws, row, worksheet_repeat_rows (ws, row, row));
      _hp_export_heading_row (w, ws, row, class_list_columns, G_N_ELEMENTS (class_list_columns));
      _hp_export_string (w, ws, row, HP_CLASS_LIST_ID_COLUMN, HP_CLASS_LIST_ID_HEADING, NULL);
      first = list.row = row + 1;

      if (!_hp_export_ok (w, error) ||
          !_hp_store_export_class_list (data->store, data->campaign.id, s->id, write_graduate_cb, &list, error))
        return FALSE;

      /* CLASS_LIST_PAGE graduates a page, so that the sheet knows its
       * pages: 100 graduates are pages 2, 3 and 4 (45 + 45 + 10). */
      for (lxw_row_t r = first + CLASS_LIST_PAGE; r < list.row && breaks->len < LXW_BREAKS_MAX; r += CLASS_LIST_PAGE)
        g_array_append_val (breaks, r);
      _hp_export_check (w, ws, row, worksheet_set_h_pagebreaks (ws, (lxw_row_t *) (void *) breaks->data));
      pages = 1 + breaks->len;
    }
  _hp_export_set_page_count (w, ws, pages);

  return _hp_export_step (w, 1, error);
}

gboolean
_hp_export_delivery_sheets (HpExportWriter  *w,
                            GError         **error)
{
  HpExportData *data = w->data;
  guint n = data->schools->len;
  g_auto(GStrv) names = g_new0 (char *, n + 1);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *overview_key = g_utf8_casefold (_("Overview"), -1);
  g_autoptr(GArray) notes = make_notes (data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *issued = g_date_time_format (now, "%Y-%m-%d");

  /* The school sheets' names first, so that the overview can list them;
   * they are made unique among themselves and against "Overview". The
   * writer's own bookkeeping then accepts them unchanged. */
  g_hash_table_add (taken, g_strdup ("history"));
  g_hash_table_add (taken, g_steal_pointer (&overview_key));
  for (guint i = 0; i < n; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);

      names[i] = _hp_export_sheet_name (taken, school->row->name);
    }

  if (!write_overview (w, notes, names, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!write_school (w, &g_array_index (data->schools, HpExportSchool, i), &g_array_index (notes, Note, i),
                       issued, names[i], error))
      return FALSE;

  return TRUE;
}
