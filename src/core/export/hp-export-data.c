/* hp-export-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpExportData: the snapshot of one campaign that an export writes from.
 * It is read in the thread that writes, through the store's worker-safe
 * reads (hp_plan_input_load() and hp-store-export-private.h), and joins the
 * plan's results to the schools, the pack lines and the gifts:
 *
 * - a school's packs are its allocation, its graduates the ones the plan
 *   counts (as on the Planning page);
 * - an item's figures (needed, received over all its gifts, used) are the
 *   plan's, since the pack contents are per item and its gifts pool;
 * - a gift's "used" pieces are its share of its item's used pieces, in
 *   proportion to what it delivered (_hp_export_share_out(): whole pieces,
 *   largest remainder), so that the gifts of an item add up to the item;
 *   likewise its share of the item's pieces in the packs handed over to
 *   schools (recorded hand-overs, never more than was received) and of the
 *   packs, planned and handed over, that hold the item;
 * - what was handed over to each school and handed out to its graduates are
 *   the plan's figures (recorded hand-overs, graduates ticked as received).
 *
 * Graduates are not part of it; the exports stream them.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <stdlib.h>

#include "hp-export-private.h"

/* ------------------------------------------------------------------------ */
/* Sharing out                                                               */

typedef struct
{
  guint  index;
  gint64 remainder;
} Remainder;

static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Remainder *ra = a;
  const Remainder *rb = b;

  /* largest first, then in input order */
  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;
  return (ra->index > rb->index) - (ra->index < rb->index);
}

void
_hp_export_share_out (gint64        total,
                      const gint64 *weights,
                      guint         n,
                      gint64       *out_shares)
{
  g_autofree Remainder *remainders = NULL;
  gint64 sum = 0;
  gint64 left;

  g_return_if_fail (n == 0 || (weights != NULL && out_shares != NULL));

  total = MAX (total, 0);
  for (guint i = 0; i < n; i++)
    sum += MAX (weights[i], 0);

  if (sum == 0)
    {
      for (guint i = 0; i < n; i++)
        out_shares[i] = 0;
      return;
    }

  remainders = g_new (Remainder, n);
  left = total;
  for (guint i = 0; i < n; i++)
    {
      gint64 part = total * MAX (weights[i], 0);

      out_shares[i] = part / sum;
      remainders[i] = (Remainder) { i, part % sum };
      left -= out_shares[i];
    }

  /* The remainders add up to left × sum, each under sum: so more than
   * `left` of them are positive, and a weight of 0 never gets a piece. */
  qsort (remainders, n, sizeof *remainders, compare_remainders);
  for (guint k = 0; k < n && left > 0; k++, left--)
    out_shares[remainders[k].index]++;
}

/* Pieces of @item in the packs handed over to schools: the delivered packs
 * of each variant that holds it, times its pieces per pack; never more than
 * was received of it (the pieces cannot come from anywhere else). */
static gint64
item_delivered_pieces (const HpExportData       *data,
                       const HpExportProductRow *p,
                       const HpPlanItemResult   *result)
{
  gint64 pieces = (gint64) data->delivered_standard * p->per_standard +
                  (gint64) data->delivered_under18 * p->per_under18;

  return MIN (pieces, MAX (result->received, 0));
}

/* Packs holding @p's item, of @standard and @under18 packs. */
static gint64
item_packs (const HpExportProductRow *p,
            guint                     standard,
            guint                     under18)
{
  return (p->per_standard > 0 ? (gint64) standard : 0) + (p->per_under18 > 0 ? (gint64) under18 : 0);
}

/* Each gift's share of its item's used pieces, by what it delivered; the
 * same of the pieces in the packs handed over, and of the packs (planned
 * and handed over) that hold the item. */
static void
share_used (HpExportData *data)
{
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  GArray *gifts;

  data->used = g_array_sized_new (FALSE, TRUE, sizeof (gint64), data->products->len);
  g_array_set_size (data->used, data->products->len);
  data->used_delivered = g_array_sized_new (FALSE, TRUE, sizeof (gint64), data->products->len);
  g_array_set_size (data->used_delivered, data->products->len);
  data->packs_delivered = g_array_sized_new (FALSE, TRUE, sizeof (gint64), data->products->len);
  g_array_set_size (data->packs_delivered, data->products->len);
  data->packs_planned = g_array_sized_new (FALSE, TRUE, sizeof (gint64), data->products->len);
  g_array_set_size (data->packs_planned, data->products->len);

  /* The gifts of each item, in the order of the report. */
  for (guint i = 0; i < data->products->len; i++)
    {
      HpExportProductRow *p = g_ptr_array_index (data->products, i);

      gifts = g_hash_table_lookup (by_item, &p->item_id);
      if (gifts == NULL)
        {
          gifts = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_item, &p->item_id, gifts);
        }
      g_array_append_val (gifts, i);
    }

  g_hash_table_iter_init (&iter, by_item);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &gifts))
    {
      const HpExportProductRow *first = g_ptr_array_index (data->products, g_array_index (gifts, guint, 0));
      const HpPlanItemResult *result = _hp_export_item_result (data, first->item_id);
      g_autofree gint64 *received = g_new (gint64, gifts->len);
      g_autofree gint64 *shares = g_new (gint64, gifts->len);

      for (guint k = 0; k < gifts->len; k++)
        {
          const HpExportProductRow *p = g_ptr_array_index (data->products, g_array_index (gifts, guint, k));

          received[k] = p->received;
        }

      _hp_export_share_out (result->used, received, gifts->len, shares);
      for (guint k = 0; k < gifts->len; k++)
        g_array_index (data->used, gint64, g_array_index (gifts, guint, k)) = shares[k];

      _hp_export_share_out (item_delivered_pieces (data, first, result), received, gifts->len, shares);
      for (guint k = 0; k < gifts->len; k++)
        g_array_index (data->used_delivered, gint64, g_array_index (gifts, guint, k)) = shares[k];

      /* Packs are shared only among gifts whose pieces went into them */
      _hp_export_share_out (item_packs (first, data->delivered_standard, data->delivered_under18),
                            received, gifts->len, shares);
      for (guint k = 0; k < gifts->len; k++)
        g_array_index (data->packs_delivered, gint64, g_array_index (gifts, guint, k)) = shares[k];

      _hp_export_share_out (result->used > 0 ? item_packs (first, data->packs_standard, data->packs_under18) : 0,
                            received, gifts->len, shares);
      for (guint k = 0; k < gifts->len; k++)
        g_array_index (data->packs_planned, gint64, g_array_index (gifts, guint, k)) = shares[k];
    }
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static gboolean
load_plan (HpExportData  *data,
           GError       **error)
{
  g_autoptr(GHashTable) by_school = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_int64_hash, g_int64_equal);

  data->input = hp_plan_input_load (data->store, data->campaign.id, error);
  if (data->input == NULL)
    return FALSE;

  data->plan = hp_plan_compute (data->input);

  for (guint i = 0; i < data->plan->n_items; i++)
    g_hash_table_insert (data->item_results, &data->plan->items[i].item_id, &data->plan->items[i]);

  for (guint i = 0; i < data->plan->n_schools; i++)
    g_hash_table_insert (by_school, &data->plan->schools[i].school_id, &data->plan->schools[i]);
  for (guint i = 0; i < data->input->n_schools; i++)
    g_hash_table_insert (inputs, &data->input->schools[i].school_id, &data->input->schools[i]);

  data->schools = g_array_sized_new (FALSE, TRUE, sizeof (HpExportSchool), data->school_rows->len);
  for (guint i = 0; i < data->school_rows->len; i++)
    {
      const HpExportSchoolRow *row = g_ptr_array_index (data->school_rows, i);
      const HpPlanSchoolResult *result = g_hash_table_lookup (by_school, &row->id);
      const HpPlanSchool *input = g_hash_table_lookup (inputs, &row->id);
      HpExportSchool school = { .row = row };

      if (result != NULL)
        {
          school.standard = result->allocated_standard;
          school.under18 = result->allocated_under18;
          school.graduates = result->graduates;
          school.needed_standard = result->needed_standard;
          school.needed_under18 = result->needed_under18;
          school.delivered_standard = result->delivered_standard;
          school.delivered_under18 = result->delivered_under18;
          school.handed_out = result->handed_out;
          school.handed_out_under18 = result->handed_out_under18;
        }
      if (input != NULL)
        school.listed = input->graduates;

      data->packs_standard += school.standard;
      data->packs_under18 += school.under18;
      data->listed += school.listed;
      data->delivered_standard += school.delivered_standard;
      data->delivered_under18 += school.delivered_under18;
      data->handed_out_under18 += school.handed_out_under18;
      data->handed_out_standard += school.handed_out - school.handed_out_under18;
      data->schools_delivered += school.delivered_standard + school.delivered_under18 > 0;
      data->schools_returned += school.handed_out > 0;
      g_array_append_val (data->schools, school);
    }

  return TRUE;
}

HpExportData *
_hp_export_data_load (HpStore                *store,
                      gint64                  campaign_id,
                      HpExportKind            kind,
                      const HpExportOptions  *options,
                      GError                **error)
{
  g_autoptr(HpExportData) data = g_new0 (HpExportData, 1);

  data->store = store;
  if (options != NULL)
    data->options = *options;
  data->crate_size = data->options.crate_size > 0 ? data->options.crate_size : HP_EXPORT_DEFAULT_CRATE_SIZE;
  data->item_results = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!_hp_store_export_campaign (store, campaign_id, &data->campaign, error))
    return NULL;

  /* The agency is the file's; what the caller gives overrides it field by
   * field (`heimpack-cli export --agency-name`). */
  data->agency = hp_store_get_agency (store, error);
  if (data->agency == NULL)
    return NULL;
#define FROM_FILE(field) \
  if (data->options.agency_##field == NULL) data->options.agency_##field = hp_agency_get_##field (data->agency);
  FROM_FILE (name)
  FROM_FILE (street)
  FROM_FILE (postcode)
  FROM_FILE (town)
  FROM_FILE (phone)
  FROM_FILE (email)
#undef FROM_FILE

  if (kind == HP_EXPORT_NETWORK)
    {
      data->consenting = _hp_store_export_count_consenting (store, error);
      return data->consenting >= 0 ? g_steal_pointer (&data) : NULL;
    }

  data->school_rows = _hp_store_export_schools (store, campaign_id, error);
  if (data->school_rows == NULL)
    return NULL;

  data->products = _hp_store_export_products (store, campaign_id, error);
  if (data->products == NULL)
    return NULL;

  data->items = _hp_store_export_items (store, campaign_id, error);
  if (data->items == NULL)
    return NULL;

  if (!load_plan (data, error))
    return NULL;

  if (kind == HP_EXPORT_DELIVERY_SHEETS)
    {
      data->handovers = _hp_store_export_handovers (store, campaign_id, error);
      if (data->handovers == NULL)
        return NULL;
    }

  share_used (data);
  return g_steal_pointer (&data);
}

void
_hp_export_data_free (HpExportData *data)
{
  _hp_export_campaign_row_clear (&data->campaign);
  g_clear_object (&data->agency);
  g_clear_pointer (&data->plan, hp_plan_free);
  g_clear_pointer (&data->input, hp_plan_input_free);
  g_clear_pointer (&data->schools, g_array_unref);
  g_clear_pointer (&data->used, g_array_unref);
  g_clear_pointer (&data->used_delivered, g_array_unref);
  g_clear_pointer (&data->packs_delivered, g_array_unref);
  g_clear_pointer (&data->packs_planned, g_array_unref);
  g_clear_pointer (&data->handovers, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->products, g_ptr_array_unref);
  g_clear_pointer (&data->school_rows, g_ptr_array_unref);
  g_clear_pointer (&data->item_results, g_hash_table_unref);
  g_free (data);
}

const HpPlanItemResult *
_hp_export_item_result (const HpExportData *data,
                        gint64              item_id)
{
  static const HpPlanItemResult none = { 0 };
  const HpPlanItemResult *result = g_hash_table_lookup (data->item_results, &item_id);

  return result != NULL ? result : &none;
}
