/* hp-export-delivery.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delivery sheets ("Lieferscheine / Übergabeprotokolle"), one workbook:
 *
 * - "Overview": every school taking part, by school number, with hand-over
 *   date and time, packs (standard, under 18, total), crates and the name of
 *   its sheet; a total row.
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

#include "hp-export-private.h"

/* ------------------------------------------------------------------------ */
/* Overview                                                                  */

static const HpExportColumn overview_columns[] = {
  { N_("School no."), 10, FALSE },
  { N_("School"), 38, FALSE },
  { N_("Town"), 20, FALSE },
  { N_("Hand-over"), 11, FALSE },
  { N_("Time"), 7, FALSE },
  { N_("Standard packs"), 10, TRUE },
  { N_("Under-18 packs"), 10, TRUE },
  { N_("Packs in total"), 10, TRUE },
  { N_("Crates"), 8, TRUE },
  /* Sheet names have up to 31 characters. */
  { N_("Sheet"), 32, FALSE, TRUE },
};

guint64
_hp_export_delivery_units (HpExportData *data)
{
  guint64 units = 2 * (guint64) data->schools->len;

  if (data->options.class_lists)
    units += data->listed;

  return units;
}

static guint
crates_for (HpExportData         *data,
            const HpExportSchool *school)
{
  return (school->standard + school->under18 + data->crate_size - 1) / data->crate_size;
}

static const char *
handover_of (HpExportData         *data,
             const HpExportSchool *school)
{
  return school->row->handover != NULL ? school->row->handover : data->campaign.handover_date;
}

static gboolean
write_overview (HpExportWriter  *w,
                char           **sheet_names,
                GError         **error)
{
  HpExportData *data = w->data;
  guint n = data->schools->len;
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t first;
  guint64 crates = 0;

  ws = _hp_export_add_sheet (w, _("Overview"), _("Delivery sheets – overview"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, overview_columns, G_N_ELEMENTS (overview_columns));
  row = _hp_export_caption (w, ws, _("Delivery sheets – overview"));
  _hp_export_check (w, ws, row, worksheet_autofilter (ws, row, 0, row + MAX (n, 1), G_N_ELEMENTS (overview_columns) - 1));
  _hp_export_table_header (w, ws, row, row, overview_columns, G_N_ELEMENTS (overview_columns));
  first = ++row;

  for (guint i = 0; i < n; i++, row++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);
      const char *handover = handover_of (data, school);
      g_autofree char *f_std = _hp_export_cell_name (row, 5);
      g_autofree char *f_u18 = _hp_export_cell_name (row, 6);
      g_autofree char *total = g_strdup_printf ("=%s+%s", f_std, f_u18);
      guint school_crates = crates_for (data, school);

      _hp_export_string (w, ws, row, 0, school->row->number, NULL);
      _hp_export_string (w, ws, row, 1, school->row->name, NULL);
      _hp_export_string (w, ws, row, 2, school->row->town, NULL);
      _hp_export_date (w, ws, row, 3, handover, w->date);
      _hp_export_time (w, ws, row, 4, handover, w->time);
      _hp_export_number (w, ws, row, 5, school->standard, w->integer);
      _hp_export_number (w, ws, row, 6, school->under18, w->integer);
      _hp_export_formula (w, ws, row, 7, total, (double) school->standard + school->under18, w->integer);
      _hp_export_number (w, ws, row, 8, school_crates, w->integer);
      _hp_export_string (w, ws, row, 9, sheet_names[i], w->note);
      crates += school_crates;
      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  _hp_export_string (w, ws, row, 0, NULL, w->total_text);
  _hp_export_string (w, ws, row, 1, _("Total"), w->total_text);
  for (lxw_col_t c = 2; c <= 4; c++)
    _hp_export_string (w, ws, row, c, NULL, w->total_text);
  {
    const double sums[] = {
      data->packs_standard, data->packs_under18,
      (double) data->packs_standard + data->packs_under18, (double) crates,
    };

    for (lxw_col_t c = 5; c <= 8; c++)
      {
        g_autofree char *sum = _hp_export_sum_formula (c, first, MAX (first, row - 1));

        _hp_export_formula (w, ws, row, c, sum, n > 0 ? sums[c - 5] : 0, w->total_integer);
      }
  }
  _hp_export_string (w, ws, row, 9, NULL, w->total_text);

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

static gboolean
write_school (HpExportWriter        *w,
              const HpExportSchool  *school,
              const char            *sheet_name,
              GError               **error)
{
  HpExportData *data = w->data;
  const HpExportSchoolRow *s = school->row;
  const char *handover = handover_of (data, school);
  gboolean class_list = data->options.class_lists;
  g_autofree char *town = join_nonempty (" ", OR_EMPTY (s->postcode), OR_EMPTY (s->town), NULL);
  g_autofree char *f_std = NULL;
  g_autofree char *f_u18 = NULL;
  g_autofree char *total = NULL;
  g_autofree char *per_crate = g_strdup_printf (_("%u packs per crate"), data->crate_size);
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t packs_row;

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

  _hp_export_string (w, ws, row, 0, _("Packs"), w->heading);
  _hp_export_string (w, ws, row, 1, _("Quantity"), w->heading_number);
  row++;
  packs_row = row;
  _hp_export_string (w, ws, row, 0, _("Standard packs"), NULL);
  _hp_export_number (w, ws, row, 1, school->standard, w->integer);
  row++;
  _hp_export_string (w, ws, row, 0, _("Under-18 packs"), NULL);
  _hp_export_number (w, ws, row, 1, school->under18, w->integer);
  row++;
  f_std = _hp_export_cell_name (packs_row, 1);
  f_u18 = _hp_export_cell_name (packs_row + 1, 1);
  total = g_strdup_printf ("=%s+%s", f_std, f_u18);
  _hp_export_string (w, ws, row, 0, _("Packs in total"), w->total_text);
  _hp_export_formula (w, ws, row, 1, total, (double) school->standard + school->under18, w->total_integer);
  row++;
  _hp_export_string (w, ws, row, 0, _("Crates"), NULL);
  _hp_export_number (w, ws, row, 1, crates_for (data, school), w->integer);
  _hp_export_string (w, ws, row, 2, per_crate, w->note);
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
        _hp_export_string (w, ws, row, 4, NULL, w->signature);
        _hp_export_string (w, ws, row, 5, NULL, w->signature);
      }
  }

  if (class_list)
    {
      ClassList list = { w, ws, 0, _("U18") };
      lxw_row_t breaks[] = { row, 0 };
      g_autofree char *list_title = g_strdup_printf (_("Class list: %s"), s->name);

      _hp_export_check (w, ws, row, worksheet_set_h_pagebreaks (ws, breaks));
      _hp_export_string (w, ws, row, 0, list_title, w->title);
      row += 2;
      _hp_export_check (w, ws, row, worksheet_repeat_rows (ws, row, row));
      _hp_export_heading_row (w, ws, row, class_list_columns, G_N_ELEMENTS (class_list_columns));
      _hp_export_string (w, ws, row, HP_CLASS_LIST_ID_COLUMN, HP_CLASS_LIST_ID_HEADING, NULL);
      list.row = row + 1;

      if (!_hp_export_ok (w, error) ||
          !_hp_store_export_class_list (data->store, data->campaign.id, s->id, write_graduate_cb, &list, error))
        return FALSE;
    }

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

  if (!write_overview (w, names, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!write_school (w, &g_array_index (data->schools, HpExportSchool, i), names[i], error))
      return FALSE;

  return TRUE;
}
