/* hp-export-reports.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports after the drive:
 *
 * - The sponsor report ("Sponsorenbericht"): a "Summary" sheet for the
 *   funder report (packs handed out, of them under 18, schools, sponsors,
 *   products, total in-kind value), and a "Sponsors" sheet: per sponsor its
 *   gifts (sponsor × item) with pledged, received and used pieces, value
 *   per piece, in-kind value (received × value per piece) and the schools
 *   reached (schools that get packs containing the item, if any of the
 *   gift's pieces were used), then a subtotal row per sponsor (whose
 *   schools reached count each school once) and a grand total. "Used" is
 *   the gift's share of what of its item goes into the packs the plan
 *   allocates: an item's gifts pool, so its used pieces are shared out in
 *   proportion to what each gift delivered, in whole pieces that add up to
 *   the item's (hp-export-data.c).
 * - The returnee network ("Rückkehrer-Netzwerk"): the graduates of every
 *   campaign who consented to be contacted, newest year first, with what
 *   the network needs to reach them (issue 14, point 6): last name, first
 *   name, e-mail, phone, school, year, consent date and where the consent
 *   was given. Contact data exists only with consent (the store holds it).
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hp-export-private.h"

/* ------------------------------------------------------------------------ */
/* Sponsor report                                                            */

static const HpExportColumn sponsor_columns[] = {
  { N_("Sponsor"), 30, FALSE },
  { N_("Product"), 30, FALSE },
  { N_("Pledged"), 10, TRUE },
  { N_("Received"), 10, TRUE },
  { N_("Used in packs"), 10, TRUE },
  { N_("Value per piece"), 11, TRUE },
  { N_("In-kind value"), 13, TRUE },
  { N_("Schools reached"), 10, TRUE },
};

/* The columns that add up: pledged, received, used, in-kind value. */
static const lxw_col_t value_columns[] = { 2, 3, 4, 6 };

static const HpExportColumn summary_columns[] = {
  { N_("Figure"), 40, FALSE },
  { N_("Value"), 16, TRUE },
};

/* How many schools get standard packs, under-18 packs, and either. */
typedef struct
{
  guint standard;
  guint under18;
  guint any;
} Reach;

static Reach
count_reach (HpExportData *data)
{
  Reach reach = { 0 };

  for (guint i = 0; i < data->schools->len; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);

      reach.standard += school->standard > 0;
      reach.under18 += school->under18 > 0;
      reach.any += school->standard + school->under18 > 0;
    }

  return reach;
}

/* Schools that get packs with a product in the standard and/or the
 * under-18 variant. */
static guint
schools_reached (const Reach *reach,
                 gboolean     in_standard,
                 gboolean     in_under18)
{
  if (in_standard && in_under18)
    return reach->any;
  if (in_standard)
    return reach->standard;
  if (in_under18)
    return reach->under18;
  return 0;
}

guint64
_hp_export_sponsor_units (HpExportData *data)
{
  return (guint64) data->products->len + 1;
}

static gboolean
write_summary (HpExportWriter  *w,
               GError         **error)
{
  HpExportData *data = w->data;
  Reach reach = count_reach (data);
  gint64 value_cents = 0;
  guint sponsors = 0;
  lxw_worksheet *ws;
  lxw_row_t row;

  for (guint i = 0; i < data->products->len; i++)
    {
      const HpExportProductRow *p = g_ptr_array_index (data->products, i);
      const HpExportProductRow *prev = i > 0 ? g_ptr_array_index (data->products, i - 1) : NULL;

      value_cents += p->received * p->value_cents;
      sponsors += prev == NULL || prev->sponsor_id != p->sponsor_id;
    }

  ws = _hp_export_add_sheet (w, _("Summary"), _("Sponsor report – summary"), FALSE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, summary_columns, G_N_ELEMENTS (summary_columns));
  row = _hp_export_caption (w, ws, _("Sponsor report – summary"));
  _hp_export_table_header (w, ws, row, row, summary_columns, G_N_ELEMENTS (summary_columns));
  row++;

  {
    const struct { const char *label; double value; gboolean money; } figures[] = {
      { N_("Packs handed out"), (double) data->packs_standard + data->packs_under18, FALSE },
      { N_("Of which under-18 packs"), data->packs_under18, FALSE },
      { N_("Schools supplied"), reach.any, FALSE },
      { N_("Sponsors"), sponsors, FALSE },
      { N_("Products"), data->products->len, FALSE },
      { N_("Total in-kind value"), value_cents / 100.0, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (figures); i++, row++)
      {
        _hp_export_string (w, ws, row, 0, _(figures[i].label), NULL);
        _hp_export_number (w, ws, row, 1, figures[i].value, figures[i].money ? w->money : w->integer);
      }
  }

  row++;
  /* Translators: the explanation below the summary of the sponsor report */
  _hp_export_string (w, ws, row, 0, _("In-kind value = pieces received × value per piece."), w->subtitle);

  return _hp_export_ok (w, error);
}

/* The subtotal row of the sponsor whose product rows are @first to @row - 1. */
static void
write_sponsor_total (HpExportWriter           *w,
                     lxw_worksheet            *ws,
                     lxw_row_t                 row,
                     lxw_row_t                 first,
                     const HpExportProductRow *p,
                     const gint64              sums[4],
                     guint                     reached)
{
  /* Translators: the subtotal row of one sponsor in the sponsor report */
  g_autofree char *label = g_strdup_printf (_("Total %s"), p->sponsor_name);

  _hp_export_string (w, ws, row, 0, label, w->total_text);
  _hp_export_string (w, ws, row, 1, NULL, w->total_text);
  for (guint i = 0; i < G_N_ELEMENTS (value_columns); i++)
    {
      lxw_col_t col = value_columns[i];
      g_autofree char *from = _hp_export_cell_name (first, col);
      g_autofree char *to = _hp_export_cell_name (row - 1, col);
      g_autofree char *formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", from, to);

      _hp_export_formula (w, ws, row, col, formula, col == 6 ? sums[i] / 100.0 : (double) sums[i],
                          col == 6 ? w->total_money : w->total_integer);
    }
  _hp_export_string (w, ws, row, 5, NULL, w->total_text);
  _hp_export_number (w, ws, row, 7, reached, w->total_integer);
}

static gboolean
write_sponsors (HpExportWriter  *w,
                GError         **error)
{
  HpExportData *data = w->data;
  Reach reach = count_reach (data);
  lxw_worksheet *ws;
  lxw_row_t row;
  lxw_row_t first;
  gint64 sums[4] = { 0 };     /* pledged, received, used, value in cents */
  gint64 totals[4] = { 0 };
  gboolean in_standard = FALSE;
  gboolean in_under18 = FALSE;
  lxw_row_t table_first;
  HpExportColumn columns[G_N_ELEMENTS (sponsor_columns)];

  ws = _hp_export_add_sheet (w, _("Sponsors"), _("Sponsor report"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  /* sponsor and product names in full */
  memcpy (columns, sponsor_columns, sizeof columns);
  columns[0].width = _hp_export_name_width (data->products, TRUE);
  columns[1].width = _hp_export_name_width (data->products, FALSE);
  _hp_export_set_columns (w, ws, columns, G_N_ELEMENTS (columns));
  row = _hp_export_caption (w, ws, _("Sponsor report"));
  _hp_export_table_header (w, ws, row, row, columns, G_N_ELEMENTS (columns));
  table_first = first = ++row;

  for (guint i = 0; i < data->products->len; i++)
    {
      const HpExportProductRow *p = g_ptr_array_index (data->products, i);
      const HpExportProductRow *next = i + 1 < data->products->len ? g_ptr_array_index (data->products, i + 1) : NULL;
      g_autofree char *received_cell = _hp_export_cell_name (row, 3);
      g_autofree char *value_cell = _hp_export_cell_name (row, 5);
      g_autofree char *in_kind = g_strdup_printf ("=%s*%s", received_cell, value_cell);
      gint64 used = g_array_index (data->used, gint64, i);
      gboolean in_packs = used > 0;

      _hp_export_string (w, ws, row, 0, p->sponsor_name, NULL);
      _hp_export_string (w, ws, row, 1, p->name, NULL);
      _hp_export_number (w, ws, row, 2, (double) p->pledged, w->integer);
      _hp_export_number (w, ws, row, 3, (double) p->received, w->integer);
      _hp_export_number (w, ws, row, 4, (double) used, w->integer);
      _hp_export_number (w, ws, row, 5, p->value_cents / 100.0, w->money);
      _hp_export_formula (w, ws, row, 6, in_kind, (p->received * p->value_cents) / 100.0, w->money);
      _hp_export_number (w, ws, row, 7,
                         schools_reached (&reach, in_packs && p->per_standard > 0, in_packs && p->per_under18 > 0),
                         w->integer);
      row++;

      sums[0] += p->pledged;
      sums[1] += p->received;
      sums[2] += used;
      sums[3] += p->received * p->value_cents;
      in_standard |= in_packs && p->per_standard > 0;
      in_under18 |= in_packs && p->per_under18 > 0;

      if (next == NULL || next->sponsor_id != p->sponsor_id)
        {
          write_sponsor_total (w, ws, row, first, p, sums, schools_reached (&reach, in_standard, in_under18));
          for (guint k = 0; k < 4; k++)
            {
              totals[k] += sums[k];
              sums[k] = 0;
            }
          in_standard = in_under18 = FALSE;
          first = row += 2;
        }

      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  /* Grand total: SUBTOTAL skips the sponsors' SUBTOTAL rows in its range. */
  _hp_export_string (w, ws, row, 0, _("Total of all sponsors"), w->total_text);
  _hp_export_string (w, ws, row, 1, NULL, w->total_text);
  for (guint i = 0; i < G_N_ELEMENTS (value_columns); i++)
    {
      lxw_col_t col = value_columns[i];
      g_autofree char *from = _hp_export_cell_name (table_first, col);
      g_autofree char *to = _hp_export_cell_name (MAX (table_first, row - 1), col);
      g_autofree char *formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", from, to);

      _hp_export_formula (w, ws, row, col, formula, col == 6 ? totals[i] / 100.0 : (double) totals[i],
                          col == 6 ? w->total_money : w->total_integer);
    }
  _hp_export_string (w, ws, row, 5, NULL, w->total_text);
  _hp_export_number (w, ws, row, 7, reach.any, w->total_integer);

  return _hp_export_ok (w, error);
}

gboolean
_hp_export_sponsor_report (HpExportWriter  *w,
                           GError         **error)
{
  return write_summary (w, error) &&
         write_sponsors (w, error);
}

/* ------------------------------------------------------------------------ */
/* Returnee network                                                          */

static const HpExportColumn network_columns[] = {
  { N_("Last name"), 18, FALSE },
  { N_("First name"), 14, FALSE },
  { N_("E-mail"), 30, FALSE },
  { N_("Phone"), 16, FALSE },
  { N_("School"), 34, FALSE },
  /* Translators: the graduate's school-leaving year ("Jahrgang") */
  { N_("Year"), 7, TRUE },
  { N_("Consent on"), 12, FALSE, TRUE },
  { N_("Consent source"), 22, FALSE },
};

typedef struct
{
  HpExportWriter *w;
  lxw_worksheet  *ws;
  lxw_row_t       row;
} Network;

guint64
_hp_export_network_units (HpExportData *data)
{
  return (guint64) MAX (data->consenting, 0) + 1;
}

static gboolean
write_member_cb (const HpExportGraduateRow  *graduate,
                 gpointer                    user_data,
                 GError                    **error)
{
  Network *net = user_data;
  HpExportWriter *w = net->w;

  _hp_export_string (w, net->ws, net->row, 0, graduate->last_name, NULL);
  _hp_export_string (w, net->ws, net->row, 1, graduate->first_name, NULL);
  _hp_export_string (w, net->ws, net->row, 2, graduate->email, NULL);
  _hp_export_string (w, net->ws, net->row, 3, graduate->phone, NULL);
  _hp_export_string (w, net->ws, net->row, 4, graduate->school_name, NULL);
  _hp_export_number (w, net->ws, net->row, 5, graduate->year, NULL);
  _hp_export_date (w, net->ws, net->row, 6, graduate->consent_date, w->date);
  _hp_export_string (w, net->ws, net->row, 7, graduate->consent_source, NULL);
  net->row++;

  return _hp_export_step (w, 1, error);
}

gboolean
_hp_export_network (HpExportWriter  *w,
                    GError         **error)
{
  HpExportData *data = w->data;
  Network net = { w, NULL, 0 };
  lxw_row_t row;

  /* eight columns of some 150 characters need an A4 page across */
  net.ws = _hp_export_add_sheet (w, _("Network"), _("Returnee network"), TRUE, error);
  if (net.ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, net.ws, network_columns, G_N_ELEMENTS (network_columns));
  row = _hp_export_caption (w, net.ws, _("Returnee network: graduates who consented to be contacted"));
  /* Before the data: constant-memory mode. The count may be off by a few
   * rows if the file changes meanwhile, which only widens the filter. */
  _hp_export_check (w, net.ws, row,
                    worksheet_autofilter (net.ws, row, 0, row + (lxw_row_t) MAX (data->consenting, 1),
                                          G_N_ELEMENTS (network_columns) - 1));
  _hp_export_table_header (w, net.ws, row, row, network_columns, G_N_ELEMENTS (network_columns));
  net.row = row + 1;

  if (!_hp_export_ok (w, error))
    return FALSE;

  /* Read in a thread of its own while this one writes: see
   * hp-export-prefetch.c. */
  return _hp_export_prefetch_graduates (data->store, _hp_store_export_consenting, write_member_cb, &net,
                                        w->cancellable, error);
}
