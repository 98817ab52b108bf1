/* hp-export-packing.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packing list ("Packliste") for packing day, four sheets. The pack
 * contents are per item: one line per item in packing order, whoever gave
 * it, with the sponsors who pledged it (see HpExportItemRow); its pieces
 * are pooled over all its gifts, as the plan counts them.
 *
 * - "Contents per pack": the pack lines, pieces per standard and per
 *   under-18 pack.
 * - "Total quantities": for the packs needed, per item the pieces needed,
 *   received (all its gifts together) and the difference (negative =
 *   missing).
 * - "Packing stations": the pack lines in packing order, three or four
 *   items a station, one printed page per station, with the pieces for the
 *   packs the plan allocates (what can be built).
 * - "Crate labels": one label (one tall row, never split over two pages)
 *   per crate: school and address, crate k of n, packs in it and how many
 *   of them are under-18 packs. Each school's standard packs fill its first
 *   crates, its under-18 packs the last ones.
 *
 * An item given by several sponsors lists them in one wrapping cell (up to
 * SPONSORS_SHOWN names, then "+ N more"), its row as tall as that takes.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

/* At most this many pack lines at one packing station. */
#define ITEMS_PER_STATION 4
/* Height of a crate label row, in points (a sixth of an A4 page or so). */
#define LABEL_HEIGHT 100
/* Sponsors named per item; the rest are counted. */
#define SPONSORS_SHOWN 5
/* What an indent of the item's name takes of its column. */
#define INDENT HP_EXPORT_INDENT_WIDTH

static guint
crates_for (guint packs,
            guint crate_size)
{
  return (packs + crate_size - 1) / crate_size;
}

guint64
_hp_export_packing_units (HpExportData *data)
{
  guint64 units = 3 * (guint64) data->items->len + 1;

  for (guint i = 0; i < data->schools->len; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);

      units += crates_for (school->standard + school->under18, data->crate_size);
    }

  return units;
}

/* ------------------------------------------------------------------------ */
/* Pack lines                                                                */

/* "A, B, C" for the sponsors of @item; after SPONSORS_SHOWN names, "+ N
 * more" (unless N is 1: then the name takes no more room). */
static char *
sponsors_text (const HpExportItemRow *item)
{
  guint n = g_strv_length (item->sponsors);
  guint shown = n > SPONSORS_SHOWN + 1 ? SPONSORS_SHOWN : n;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, item->sponsors[i]);
    }

  if (shown < n)
    {
      guint more = n - shown;
      g_autofree char *more_text = NULL;

      g_string_append_c (text, ' ');
      /* Translators: after the first five sponsors of an item on the
       * packing list: "Brauerei A, Mosterei B, … + 12 more" */
      more_text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "+ %s more", "+ %s more", more), more);
      g_string_append (text, more_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The sponsors' texts of the pack lines, parallel to data->items. */
static GStrv
items_sponsors (HpExportData *data)
{
  GStrv texts = g_new0 (char *, data->items->len + 1);

  for (guint i = 0; i < data->items->len; i++)
    texts[i] = sponsors_text (g_ptr_array_index (data->items, i));

  return texts;
}

/* @columns with the item and sponsor columns fitted to the pack lines (every
 * sponsor's name on one line, up to 45 characters); free with g_free(). */
static HpExportColumn *
item_columns (HpExportData         *data,
              const HpExportColumn *columns,
              guint                 n_columns)
{
  HpExportColumn *fitted = g_memdup2 (columns, n_columns * sizeof *columns);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) sponsors = g_ptr_array_new ();

  for (guint i = 0; i < data->items->len; i++)
    {
      const HpExportItemRow *item = g_ptr_array_index (data->items, i);

      g_ptr_array_add (names, item->name);
      for (guint k = 0; item->sponsors[k] != NULL; k++)
        g_ptr_array_add (sponsors, item->sponsors[k]);
    }

  fitted[1].width = _hp_export_texts_width ((const char * const *) names->pdata, names->len) + INDENT;
  fitted[2].width = _hp_export_texts_width ((const char * const *) sponsors->pdata, sponsors->len);
  return fitted;
}

/* Number, item (set off from the number), sponsors and pieces per pack in
 * columns A–E of @row, the row as tall as the item's name and sponsors
 * wrap to; top-aligned, so that the figures stand beside the first line. */
static void
write_item_cells (HpExportWriter        *w,
                  lxw_worksheet         *ws,
                  lxw_row_t              row,
                  const HpExportColumn  *columns,
                  const HpExportItemRow *item,
                  const char            *sponsors)
{
  guint lines = MAX (_hp_export_text_lines (item->name, _hp_export_column_width (&columns[1]) - INDENT),
                     _hp_export_text_lines (sponsors, _hp_export_column_width (&columns[2])));

  _hp_export_row_lines (w, ws, row, lines);
  _hp_export_number (w, ws, row, 0, item->rank, w->wrap);
  _hp_export_string (w, ws, row, 1, item->name, w->wrap_indented);
  _hp_export_string (w, ws, row, 2, sponsors, w->wrap);
  _hp_export_number (w, ws, row, 3, item->per_standard, w->count);
  _hp_export_number (w, ws, row, 4, item->per_under18, w->count);
}

/* ------------------------------------------------------------------------ */
/* Contents per pack                                                         */

static const HpExportColumn contents_columns[] = {
  { N_("No."), 5, TRUE },
  /* Translators: the thing that goes into the pack ("Artikel") */
  { N_("Item"), 34, FALSE, TRUE },
  { N_("Sponsors"), 30, FALSE },
  { N_("Standard pack (pieces)"), 12, TRUE },
  { N_("Under-18 pack (pieces)"), 12, TRUE },
  { N_("Note"), 12, FALSE, TRUE },
};

static gboolean
write_contents (HpExportWriter  *w,
                GError         **error)
{
  HpExportData *data = w->data;
  g_autofree HpExportColumn *columns = item_columns (data, contents_columns, G_N_ELEMENTS (contents_columns));
  g_auto(GStrv) sponsors = items_sponsors (data);
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t first;
  gint64 sum_standard = 0;
  gint64 sum_under18 = 0;
  g_autofree char *sum_d = NULL;
  g_autofree char *sum_e = NULL;

  ws = _hp_export_add_sheet (w, _("Contents per pack"), _("Contents per pack"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, columns, G_N_ELEMENTS (contents_columns));
  row = _hp_export_caption (w, ws, _("Contents per pack"));
  _hp_export_table_header (w, ws, row, row, columns, G_N_ELEMENTS (contents_columns));
  first = ++row;

  for (guint i = 0; i < data->items->len; i++, row++)
    {
      const HpExportItemRow *item = g_ptr_array_index (data->items, i);

      write_item_cells (w, ws, row, columns, item, sponsors[i]);
      /* Translators: note on the packing list for an alcoholic item */
      _hp_export_string (w, ws, row, 5, item->adult_only ? _("18+ only") : NULL, w->note);
      sum_standard += item->per_standard;
      sum_under18 += item->per_under18;
      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  _hp_export_string (w, ws, row, 0, NULL, w->total_text);
  _hp_export_string (w, ws, row, 1, _("Pieces per pack"), w->total_text);
  _hp_export_string (w, ws, row, 2, NULL, w->total_text);
  sum_d = _hp_export_sum_formula (3, first, row - 1);
  sum_e = _hp_export_sum_formula (4, first, row - 1);
  _hp_export_formula (w, ws, row, 3, sum_d, (double) sum_standard, w->total_integer);
  _hp_export_formula (w, ws, row, 4, sum_e, (double) sum_under18, w->total_integer);
  _hp_export_string (w, ws, row, 5, NULL, w->total_text);

  return _hp_export_ok (w, error);
}

/* ------------------------------------------------------------------------ */
/* Total quantities                                                          */

static const HpExportColumn totals_columns[] = {
  { N_("No."), 5, TRUE },
  { N_("Item"), 32, FALSE, TRUE },
  { N_("Sponsors"), 28, FALSE },
  { N_("Per standard pack"), 11, TRUE },
  { N_("Per under-18 pack"), 11, TRUE },
  { N_("Needed"), 12, TRUE },
  { N_("Received"), 12, TRUE },
  { N_("Difference"), 12, TRUE },
};

static gboolean
write_totals (HpExportWriter  *w,
              GError         **error)
{
  HpExportData *data = w->data;
  guint needed_standard = data->plan->needed_standard;
  guint needed_under18 = data->plan->needed_under18;
  g_autofree HpExportColumn *columns = item_columns (data, totals_columns, G_N_ELEMENTS (totals_columns));
  g_auto(GStrv) sponsors = items_sponsors (data);
  lxw_worksheet *ws;
  lxw_row_t row;
  g_autofree char *f_std = NULL;
  g_autofree char *f_u18 = NULL;
  g_autofree char *packs_total = NULL;

  ws = _hp_export_add_sheet (w, _("Total quantities"), _("Total quantities"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, columns, G_N_ELEMENTS (totals_columns));
  row = _hp_export_caption (w, ws, _("Total quantities"));

  f_std = _hp_export_cell_name (row, 5);
  f_u18 = _hp_export_cell_name (row + 1, 5);
  packs_total = g_strdup_printf ("=%s+%s", f_std, f_u18);
  _hp_export_string (w, ws, row, 1, _("Standard packs needed"), NULL);
  _hp_export_number (w, ws, row, 5, needed_standard, w->integer);
  _hp_export_string (w, ws, row + 1, 1, _("Under-18 packs needed"), NULL);
  _hp_export_number (w, ws, row + 1, 5, needed_under18, w->integer);
  _hp_export_string (w, ws, row + 2, 1, _("Packs needed"), w->bold);
  _hp_export_formula (w, ws, row + 2, 5, packs_total, (double) needed_standard + needed_under18, w->total_integer);
  row += 4;

  _hp_export_table_header (w, ws, row, row, columns, G_N_ELEMENTS (totals_columns));
  row++;

  for (guint i = 0; i < data->items->len; i++, row++)
    {
      const HpExportItemRow *item = g_ptr_array_index (data->items, i);
      /* pooled: all the item's gifts together */
      const HpPlanItemResult *result = _hp_export_item_result (data, item->item_id);
      g_autofree char *received_cell = _hp_export_cell_name (row, 6);
      g_autofree char *needed_cell = _hp_export_cell_name (row, 5);
      g_autofree char *difference = g_strdup_printf ("=%s-%s", received_cell, needed_cell);

      write_item_cells (w, ws, row, columns, item, sponsors[i]);
      _hp_export_number (w, ws, row, 5, (double) result->needed, w->integer);
      _hp_export_number (w, ws, row, 6, (double) result->received, w->integer);
      _hp_export_formula (w, ws, row, 7, difference, (double) (result->received - result->needed), w->difference);
      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  return _hp_export_ok (w, error);
}

/* ------------------------------------------------------------------------ */
/* Packing stations                                                          */

static const HpExportColumn station_columns[] = {
  { N_("No."), 5, TRUE },
  { N_("Item"), 34, FALSE, TRUE },
  { N_("Sponsors"), 28, FALSE },
  { N_("Per standard pack"), 10, TRUE },
  { N_("Per under-18 pack"), 10, TRUE },
  { N_("Pieces in total"), 12, TRUE },
};

static gboolean
write_stations (HpExportWriter  *w,
                GError         **error)
{
  HpExportData *data = w->data;
  guint n_lines = data->items->len;
  guint n_stations = (n_lines + ITEMS_PER_STATION - 1) / ITEMS_PER_STATION;
  g_autoptr(GArray) breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
  g_autofree HpExportColumn *columns = item_columns (data, station_columns, G_N_ELEMENTS (station_columns));
  g_auto(GStrv) sponsors = items_sponsors (data);
  lxw_worksheet *ws;
  lxw_row_t row;
  guint line = 0;

  ws = _hp_export_add_sheet (w, _("Packing stations"), _("Packing stations"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, columns, G_N_ELEMENTS (station_columns));
  row = _hp_export_caption (w, ws, _("Packing stations"));
  _hp_export_string (w, ws, row, 1, _("Standard packs to pack"), NULL);
  _hp_export_number (w, ws, row, 5, data->packs_standard, w->integer);
  _hp_export_string (w, ws, row + 1, 1, _("Under-18 packs to pack"), NULL);
  _hp_export_number (w, ws, row + 1, 5, data->packs_under18, w->integer);
  row += 2;
  worksheet_freeze_panes (ws, row, 0);
  _hp_export_check (w, ws, row, worksheet_repeat_rows (ws, 0, 1));

  for (guint s = 0; s < n_stations; s++)
    {
      /* Spread the lines evenly: 10 lines make stations of 4, 3 and 3. */
      guint in_station = n_lines / n_stations + (s < n_lines % n_stations ? 1 : 0);
      g_autofree char *station_title = g_strdup_printf (_("Station %u"), s + 1);

      row++;
      if (s > 0 && breaks->len < LXW_BREAKS_MAX)
        g_array_append_val (breaks, row);

      _hp_export_string (w, ws, row++, 0, station_title, w->title);
      _hp_export_heading_row (w, ws, row++, columns, G_N_ELEMENTS (station_columns));

      for (guint i = 0; i < in_station; i++, line++, row++)
        {
          const HpExportItemRow *item = g_ptr_array_index (data->items, line);
          gint64 pieces = (gint64) item->per_standard * data->packs_standard
                          + (gint64) item->per_under18 * data->packs_under18;

          write_item_cells (w, ws, row, columns, item, sponsors[line]);
          _hp_export_number (w, ws, row, 5, (double) pieces, w->integer);
          if (!_hp_export_step (w, 1, error))
            return FALSE;
        }
    }

  if (breaks->len > 0)
    _hp_export_check (w, ws, row, worksheet_set_h_pagebreaks (ws, (lxw_row_t *) (void *) breaks->data));

  return _hp_export_ok (w, error);
}

/* ------------------------------------------------------------------------ */
/* Crate labels                                                              */

static const HpExportColumn label_columns[] = {
  { N_("School"), 44, FALSE },
  { N_("Crate"), 9, TRUE },
  /* Translators: column of the crate labels: crate 2 "of" 5 */
  { N_("of"), 9, TRUE },
  { N_("Packs"), 10, TRUE },
  { N_("Of which under 18"), 10, TRUE },
};

/* School, address and the day the crate goes there: the school's own
 * hand-over, else the campaign's. */
static char *
school_label (const HpExportSchoolRow *school,
              const char              *campaign_handover)
{
  g_autoptr(GString) text = g_string_new (school->name);
  const char *handover = school->handover != NULL ? school->handover : campaign_handover;

  if (school->street != NULL)
    g_string_append_printf (text, "\n%s", school->street);
  if (school->postcode != NULL || school->town != NULL)
    g_string_append_printf (text, "\n%s%s%s", school->postcode ? school->postcode : "",
                            school->postcode && school->town ? " " : "", school->town ? school->town : "");
  if (handover != NULL)
    {
      g_autofree char *when = hp_format_date (handover);

      g_string_append_c (text, '\n');
      /* Translators: on a crate label; %s is the date (and time) */
      g_string_append_printf (text, _("Hand-over: %s"), when);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
write_labels (HpExportWriter  *w,
              GError         **error)
{
  HpExportData *data = w->data;
  guint size = data->crate_size;
  lxw_worksheet *ws;
  lxw_row_t row;

  ws = _hp_export_add_sheet (w, _("Crate labels"), _("Crate labels"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, label_columns, G_N_ELEMENTS (label_columns));
  row = _hp_export_caption (w, ws, _("Crate labels"));
  _hp_export_table_header (w, ws, row, row, label_columns, G_N_ELEMENTS (label_columns));
  row++;

  for (guint i = 0; i < data->schools->len; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);
      guint packs = school->standard + school->under18;
      guint n = crates_for (packs, size);
      g_autofree char *label = n > 0 ? school_label (school->row, data->campaign.handover_date) : NULL;

      for (guint k = 0; k < n; k++, row++)
        {
          /* Packs [k·size, k·size + in_crate); the under-18 ones are last. */
          guint start = k * size;
          guint in_crate = MIN (size, packs - start);
          guint end = start + in_crate;
          guint under18 = end > school->standard ? end - MAX (start, school->standard) : 0;

          _hp_export_check (w, ws, row, worksheet_set_row (ws, row, LABEL_HEIGHT, NULL));
          _hp_export_string (w, ws, row, 0, label, w->label_text);
          _hp_export_number (w, ws, row, 1, k + 1, w->label_number);
          _hp_export_number (w, ws, row, 2, n, w->label_number);
          _hp_export_number (w, ws, row, 3, in_crate, w->label_number);
          _hp_export_number (w, ws, row, 4, under18, w->label_number);
          if (!_hp_export_step (w, 1, error))
            return FALSE;
        }
    }

  return _hp_export_ok (w, error);
}

gboolean
_hp_export_packing_list (HpExportWriter  *w,
                         GError         **error)
{
  return write_contents (w, error) &&
         write_totals (w, error) &&
         write_stations (w, error) &&
         write_labels (w, error);
}
