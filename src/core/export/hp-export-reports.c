/* hp-export-reports.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports after the drive:
 *
 * - The sponsor report ("Sponsorenbericht") states facts, each labelled as
 *   what it is. A "Summary" sheet for the funder report sets side by side
 *   the packs (and under-18 packs, and schools) planned — what the plan
 *   allocates from the goods received —, handed over to schools — the sum of
 *   the recorded hand-overs, 0 before the first — and handed out to
 *   graduates — ticked as received on the lists the schools returned —;
 *   below them sponsors, products and the total in-kind value. A "Sponsors"
 *   sheet: per sponsor its
 *   gifts (sponsor × item) with pledged, received and used pieces, value
 *   per piece, in-kind value (received × value per piece) and the schools
 *   reached (schools that get packs containing the item, if any of the
 *   gift's pieces were used), then a subtotal row per sponsor (whose
 *   schools reached count each school once) and a grand total. "Used" is
 *   the gift's share of what of its item goes into the packs the plan
 *   allocates: an item's gifts pool, so its used pieces are shared out in
 *   proportion to what each gift delivered, in whole pieces that add up to
 *   the item's (hp-export-data.c); "Used in packs handed over" is the same
 *   of the item's pieces in the packs recorded as handed over.
 *   A "Thank you" sheet for a mail merge: one row per sponsor with contact,
 *   its figures (pieces received, used in packs handed over, packs and
 *   schools they went to, in-kind value) and a ready sentence ("Ihre
 *   800 Stück „USB-Stick“ gingen in 780 Pakete an 12 Schulen."): about the
 *   packs handed over once any hand-over is recorded, before that about the
 *   packs planned, in words that say so.
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

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

/* ------------------------------------------------------------------------ */
/* Sponsor report                                                            */

static const HpExportColumn sponsor_columns[] = {
  { N_("Sponsor"), 30, FALSE },
  { N_("Product"), 30, FALSE },
  { N_("Pledged"), 10, TRUE },
  { N_("Received"), 10, TRUE },
  { N_("Used in planned packs"), 10, TRUE },
  { N_("Value per piece"), 11, TRUE },
  { N_("In-kind value"), 13, TRUE },
  { N_("Schools reached"), 10, TRUE },
  { N_("Used in packs handed over"), 12, TRUE },
};

/* The columns that add up: pledged, received, used (planned, handed over),
 * in-kind value. */
static const lxw_col_t value_columns[] = { 2, 3, 4, 6, 8 };
#define N_SUMS G_N_ELEMENTS (value_columns)

static const HpExportColumn summary_columns[] = {
  { N_("Figure"), 34, FALSE },
  /* Translators: column titles of the sponsor report's summary: packs
   * planned (allocated), handed over to schools (recorded hand-overs) and
   * handed out to graduates (ticked on the returned lists) */
  { N_("Planned"), 12, TRUE },
  { N_("Handed over to schools"), 14, TRUE },
  { N_("Handed out to graduates"), 14, TRUE },
};

static const HpExportColumn thanks_columns[] = {
  { N_("Sponsor"), 30, FALSE },
  { N_("Contact"), 20, FALSE },
  { N_("E-mail"), 26, FALSE },
  { N_("Address"), 26, FALSE },
  { N_("Pieces received"), 10, TRUE },
  { N_("Used in packs handed over"), 12, TRUE },
  { N_("Packs"), 9, TRUE },
  { N_("Schools"), 9, TRUE },
  { N_("In-kind value"), 13, TRUE },
  { N_("Sentence"), 70, FALSE, TRUE },
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

/* The same for the packs handed over (recorded hand-overs). */
static Reach
count_delivered_reach (HpExportData *data)
{
  Reach reach = { 0 };

  for (guint i = 0; i < data->schools->len; i++)
    {
      const HpExportSchool *school = &g_array_index (data->schools, HpExportSchool, i);

      reach.standard += school->delivered_standard > 0;
      reach.under18 += school->delivered_under18 > 0;
      reach.any += school->delivered_standard + school->delivered_under18 > 0;
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

/* The rows of _hp_export_caption() and an empty row, then the table
 * heading of @heading_lines lines, which repeats on every page. */
static void
add_caption_rows (HpExportPager *pager,
                  guint          heading_lines)
{
  _hp_export_pager_add (pager, 0, HP_EXPORT_TITLE_HEIGHT);
  _hp_export_pager_add (pager, 1, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_add (pager, 2, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_add (pager, 3, heading_lines * HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_repeat (pager, heading_lines * HP_EXPORT_LINE_HEIGHT);
}

guint64
_hp_export_sponsor_units (HpExportData *data)
{
  /* the sponsors sheet, then the thank-you sheet, a product at a time */
  return 2 * (guint64) data->products->len + 1;
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

  ws = _hp_export_add_sheet (w, _("Summary"), _("Sponsor report – summary"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  _hp_export_set_columns (w, ws, summary_columns, G_N_ELEMENTS (summary_columns));
  row = _hp_export_caption (w, ws, _("Sponsor report – summary"));
  _hp_export_table_header (w, ws, row, row, summary_columns, G_N_ELEMENTS (summary_columns));
  row++;

  /* Planned, handed over to schools, handed out to graduates: side by side,
   * each in its own labelled column. */
  {
    const struct { const char *label; double planned, delivered, handed_out; } facts[] = {
      { N_("Packs"),
        (double) data->packs_standard + data->packs_under18,
        (double) data->delivered_standard + data->delivered_under18,
        (double) data->handed_out_standard + data->handed_out_under18 },
      { N_("Of which under-18 packs"), data->packs_under18, data->delivered_under18, data->handed_out_under18 },
      { N_("Schools"), reach.any, data->schools_delivered, data->schools_returned },
    };

    for (guint i = 0; i < G_N_ELEMENTS (facts); i++, row++)
      {
        _hp_export_string (w, ws, row, 0, _(facts[i].label), NULL);
        _hp_export_number (w, ws, row, 1, facts[i].planned, w->integer);
        _hp_export_number (w, ws, row, 2, facts[i].delivered, w->integer);
        _hp_export_number (w, ws, row, 3, facts[i].handed_out, w->integer);
      }
  }

  row++;
  {
    const struct { const char *label; double value; gboolean money; } figures[] = {
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
  /* Translators: the explanations below the summary of the sponsor report */
  _hp_export_string (w, ws, row++, 0,
                     _("Planned: the packs the plan allocates to the schools from the goods received."),
                     w->subtitle);
  _hp_export_string (w, ws, row++, 0,
                     _("Handed over to schools: the sum of the recorded hand-overs, signed for at the schools."),
                     w->subtitle);
  _hp_export_string (w, ws, row++, 0,
                     _("Handed out to graduates: graduates ticked as having received their pack, where schools "
                       "returned their lists; Schools: how many returned them."),
                     w->subtitle);
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
                     const gint64              sums[N_SUMS],
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
  gint64 sums[N_SUMS] = { 0 };     /* pledged, received, used, value in cents, used handed over */
  gint64 totals[N_SUMS] = { 0 };
  gboolean in_standard = FALSE;
  gboolean in_under18 = FALSE;
  lxw_row_t table_first;
  HpExportColumn columns[G_N_ELEMENTS (sponsor_columns)];
  g_auto(HpExportPager) pager = { 0 };

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

  /* A sponsor's rows and subtotal on one page where they fit (the table
   * heading repeats on every page). */
  _hp_export_pager_init (&pager, columns, G_N_ELEMENTS (columns), TRUE);
  add_caption_rows (&pager, _hp_export_heading_lines (columns, G_N_ELEMENTS (columns)));

  for (guint i = 0; i < data->products->len; i++)
    {
      const HpExportProductRow *p = g_ptr_array_index (data->products, i);
      const HpExportProductRow *next = i + 1 < data->products->len ? g_ptr_array_index (data->products, i + 1) : NULL;

      g_autofree char *received_cell = _hp_export_cell_name (row, 3);
      g_autofree char *value_cell = _hp_export_cell_name (row, 5);
      g_autofree char *in_kind = g_strdup_printf ("=%s*%s", received_cell, value_cell);
      gint64 used = g_array_index (data->used, gint64, i);
      gint64 used_delivered = g_array_index (data->used_delivered, gint64, i);
      gboolean in_packs = used > 0;

      if (row == first)
        {
          /* the sponsor's products and their subtotal */
          guint n = 1;

          for (guint k = i + 1; k < data->products->len &&
               ((const HpExportProductRow *) g_ptr_array_index (data->products, k))->sponsor_id == p->sponsor_id; k++)
            n++;
          _hp_export_pager_keep (&pager, row, (n + 1) * HP_EXPORT_LINE_HEIGHT);
        }
      _hp_export_pager_add (&pager, row, HP_EXPORT_LINE_HEIGHT);
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
      _hp_export_number (w, ws, row, 8, (double) used_delivered, w->integer);
      row++;

      sums[0] += p->pledged;
      sums[1] += p->received;
      sums[2] += used;
      sums[3] += p->received * p->value_cents;
      sums[4] += used_delivered;
      in_standard |= in_packs && p->per_standard > 0;
      in_under18 |= in_packs && p->per_under18 > 0;

      if (next == NULL || next->sponsor_id != p->sponsor_id)
        {
          _hp_export_pager_add (&pager, row, HP_EXPORT_LINE_HEIGHT);
          write_sponsor_total (w, ws, row, first, p, sums, schools_reached (&reach, in_standard, in_under18));
          for (guint k = 0; k < N_SUMS; k++)
            {
              totals[k] += sums[k];
              sums[k] = 0;
            }
          in_standard = in_under18 = FALSE;
          /* the empty row between sponsors */
          _hp_export_pager_add (&pager, row + 1, HP_EXPORT_LINE_HEIGHT);
          first = row += 2;
        }

      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  /* Grand total: SUBTOTAL skips the sponsors' SUBTOTAL rows in its range. */
  _hp_export_pager_add (&pager, row, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_finish (&pager, w, ws);
  _hp_export_string (w, ws, row, 0, _("Total of all sponsors"), w->total_text);
  _hp_export_string (w, ws, row, 1, NULL, w->total_text);
  for (guint i = 0; i < G_N_ELEMENTS (value_columns); i++)
    {
      lxw_col_t col = value_columns[i];
      g_autofree char *from = _hp_export_cell_name (table_first, col);
      g_autofree char *to = _hp_export_cell_name (MAX (table_first, row - 1), col);
      /* no sponsors: a plain 0, not a range of its own cell */
      g_autofree char *formula = row > table_first ? g_strdup_printf ("=SUBTOTAL(9,%s:%s)", from, to) : NULL;

      _hp_export_formula (w, ws, row, col, formula, col == 6 ? totals[i] / 100.0 : (double) totals[i],
                          col == 6 ? w->total_money : w->total_integer);
    }
  _hp_export_string (w, ws, row, 5, NULL, w->total_text);
  _hp_export_number (w, ws, row, 7, reach.any, w->total_integer);

  return _hp_export_ok (w, error);
}

/* "800 pieces of “USB-Stick”, 300 pieces of “Honig” and …" */
static char *
gifts_phrase (GPtrArray *phrases)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < phrases->len; k++)
    {
      if (k > 0)
        /* Translators: between the gifts in the thank-you sentence: "A, B and C" */
        g_string_append (text, k + 1 == phrases->len ? _(" and ") : _(", "));
      g_string_append (text, g_ptr_array_index (phrases, k));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The thank-you sentence of one sponsor: about the packs handed over if any
 * hand-over is recorded, else about the packs planned. */
static char *
thanks_sentence (HpExportData *data,
                 GPtrArray    *phrases,
                 gint64        received,
                 gint64        packs,
                 guint         schools,
                 gboolean      delivered)
{
  g_autofree char *gifts = NULL;
  g_autofree char *packs_text = NULL;
  g_autofree char *schools_text = NULL;

  if (received <= 0 || phrases->len == 0)
    /* Translators: the thank-you sentence for a sponsor who pledged but
     * delivered nothing (yet) */
    return g_strdup (_("Thank you for your pledge."));

  gifts = gifts_phrase (phrases);
  if (packs <= 0)
    /* Translators: the thank-you sentence for gifts that went into no pack;
     * %s is e.g. "800 pieces of “Flyer”" */
    return g_strdup_printf (_("Thank you for your %s."), gifts);

  /* Translators: part of the thank-you sentence: "780 packs" */
  packs_text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s pack", "%s packs", (gulong) MIN (packs, G_MAXLONG)),
                                  packs);
  /* Translators: part of the thank-you sentence: "12 schools" */
  schools_text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s school", "%s schools", schools), schools);

  if (delivered)
    /* Translators: the thank-you sentence for a mail merge, e.g. "Your 800
     * pieces of “USB-Stick” went into 780 packs for 12 schools." */
    return g_strdup_printf (_("Your %s went into %s for %s."), gifts, packs_text, schools_text);

  /* Translators: the same before any hand-over is recorded: "Your 800 pieces
   * of “USB-Stick” are planned for 780 packs for 12 schools." */
  return g_strdup_printf (_("Your %s are planned for %s for %s."), gifts, packs_text, schools_text);
}

static gboolean
write_thanks (HpExportWriter  *w,
              GError         **error)
{
  HpExportData *data = w->data;
  gboolean delivered = data->delivered_standard + data->delivered_under18 > 0;
  Reach reach = delivered ? count_delivered_reach (data) : count_reach (data);
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  lxw_worksheet *ws;
  lxw_row_t row;
  gint64 received = 0;
  gint64 used = 0;
  gint64 packs = 0;
  gint64 value_cents = 0;
  gboolean in_standard = FALSE;
  gboolean in_under18 = FALSE;
  HpExportColumn columns[G_N_ELEMENTS (thanks_columns)];
  g_auto(HpExportPager) pager = { 0 };
  double address_width;
  double sentence_width;

  ws = _hp_export_add_sheet (w, _("Thank you"), _("Sponsor report – thank-you letters"), TRUE, error);
  if (ws == NULL)
    return FALSE;

  memcpy (columns, thanks_columns, sizeof columns);
  columns[0].width = _hp_export_name_width (data->products, TRUE);
  _hp_export_set_columns (w, ws, columns, G_N_ELEMENTS (columns));
  row = _hp_export_caption (w, ws, delivered ? _("Thank-you letters: what the sponsors’ gifts went into")
                                             : _("Thank-you letters: no hand-over recorded yet, the figures are planned"));
  _hp_export_table_header (w, ws, row, row, columns, G_N_ELEMENTS (columns));
  row++;

  /* Rows as tall as their address and sentence wrap to. */
  _hp_export_pager_init (&pager, columns, G_N_ELEMENTS (columns), TRUE);
  add_caption_rows (&pager, _hp_export_heading_lines (columns, G_N_ELEMENTS (columns)));
  address_width = _hp_export_column_width (&columns[3]);
  sentence_width = _hp_export_column_width (&columns[9]) - HP_EXPORT_INDENT_WIDTH;

  for (guint i = 0; i < data->products->len; i++)
    {
      const HpExportProductRow *p = g_ptr_array_index (data->products, i);
      const HpExportProductRow *next = i + 1 < data->products->len ? g_ptr_array_index (data->products, i + 1) : NULL;
      gint64 gift_used = g_array_index (delivered ? data->used_delivered : data->used, gint64, i);
      gint64 gift_packs = g_array_index (delivered ? data->packs_delivered : data->packs_planned, gint64, i);

      received += p->received;
      used += g_array_index (data->used_delivered, gint64, i);
      value_cents += p->received * p->value_cents;
      /* the packs its gifts went into: at least as many as the gift that
       * went into the most */
      packs = MAX (packs, gift_used > 0 ? gift_packs : 0);
      in_standard |= gift_used > 0 && p->per_standard > 0;
      in_under18 |= gift_used > 0 && p->per_under18 > 0;
      if (p->received > 0)
        {
          g_autofree char *pieces = hp_format_count (p->received);

          g_ptr_array_add (phrases,
                           /* Translators: a gift in the thank-you sentence: "800 pieces of “USB-Stick 16 GB”";
                            * the first %s is the number of pieces (1,200 in English, 1.200 in German) */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s piece of “%s”", "%s pieces of “%s”",
                                                         (gulong) MIN (p->received, G_MAXLONG)),
                                            pieces, p->name));
        }

      if (next == NULL || next->sponsor_id != p->sponsor_id)
        {
          guint schools = packs > 0 ? schools_reached (&reach, in_standard, in_under18) : 0;
          g_autofree char *sentence = thanks_sentence (data, phrases, received, packs, schools, delivered);
          guint lines = MAX (_hp_export_text_lines (p->sponsor_address, address_width),
                             _hp_export_text_lines (sentence, sentence_width));

          _hp_export_row_lines (w, ws, row, lines);
          _hp_export_pager_add (&pager, row, lines * HP_EXPORT_LINE_HEIGHT);
          _hp_export_string (w, ws, row, 0, p->sponsor_name, w->wrap);
          _hp_export_string (w, ws, row, 1, p->sponsor_contact, w->wrap);
          _hp_export_string (w, ws, row, 2, p->sponsor_email, w->wrap);
          _hp_export_string (w, ws, row, 3, p->sponsor_address, w->wrap);
          _hp_export_number (w, ws, row, 4, (double) received, w->integer);
          _hp_export_number (w, ws, row, 5, (double) used, w->integer);
          _hp_export_number (w, ws, row, 6, delivered ? (double) packs : 0, w->integer);
          _hp_export_number (w, ws, row, 7, delivered ? schools : 0, w->integer);
          _hp_export_number (w, ws, row, 8, value_cents / 100.0, w->money);
          _hp_export_string (w, ws, row, 9, sentence, w->wrap_indented);
          row++;

          g_ptr_array_set_size (phrases, 0);
          received = used = packs = value_cents = 0;
          in_standard = in_under18 = FALSE;
        }

      if (!_hp_export_step (w, 1, error))
        return FALSE;
    }

  row++;
  /* Translators: below the thank-you sheet */
  _hp_export_string (w, ws, row++, 0,
                     delivered
                     ? _("Packs and schools: the packs handed over to schools that hold the sponsor’s items; a pooled "
                         "item is shared out by what each sponsor delivered.")
                     : _("No hand-over is recorded yet: the sentences speak of the packs planned, the figures of "
                         "packs handed over are 0."),
                     w->subtitle);
  _hp_export_pager_add (&pager, row - 2, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_keep (&pager, row - 1, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_add (&pager, row - 1, HP_EXPORT_LINE_HEIGHT);
  _hp_export_pager_finish (&pager, w, ws);

  return _hp_export_ok (w, error);
}

gboolean
_hp_export_sponsor_report (HpExportWriter  *w,
                           GError         **error)
{
  return write_summary (w, error) &&
         write_sponsors (w, error) &&
         write_thanks (w, error);
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

  /* The workbook's only sheet: LibreOffice's count of the workbook's
   * pages is this sheet's. */
  {
    /* Translators: page footer; &P is the page number and &N the number
     * of pages (keep both codes). */
    g_autofree char *footer = g_strdup_printf ("&C%s", _("Page &P of &N"));

    _hp_export_check (w, net.ws, 0, worksheet_set_footer (net.ws, footer));
  }
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
