/* hp-export-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpExportData: the snapshot of one campaign that an export writes from.
 * It is read in the thread that writes, through the store's worker-safe
 * reads (hp_plan_input_load() and hp-store-export-private.h), and joins the
 * plan's results to the schools and products: a school's packs are its
 * allocation, a product's "used" pieces are what goes into those packs.
 * Graduates are not part of it; the exports stream them.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include "hp-export-private.h"

static int
compare_recipe_rank (gconstpointer a,
                     gconstpointer b)
{
  const HpExportProductRow *pa = *(const HpExportProductRow * const *) a;
  const HpExportProductRow *pb = *(const HpExportProductRow * const *) b;

  return (pa->recipe_rank > pb->recipe_rank) - (pa->recipe_rank < pb->recipe_rank);
}

static gboolean
load_plan (HpExportData  *data,
           GError       **error)
{
  g_autoptr(GHashTable) by_school = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) graduates = g_hash_table_new (g_int64_hash, g_int64_equal);

  data->input = hp_plan_input_load (data->store, data->campaign.id, error);
  if (data->input == NULL)
    return FALSE;

  data->plan = hp_plan_compute (data->input);

  for (guint i = 0; i < data->plan->n_items; i++)
    g_hash_table_insert (data->product_results, &data->plan->items[i].item_id, &data->plan->items[i]);

  for (guint i = 0; i < data->plan->n_schools; i++)
    g_hash_table_insert (by_school, &data->plan->schools[i].school_id, &data->plan->schools[i]);
  for (guint i = 0; i < data->input->n_schools; i++)
    g_hash_table_insert (graduates, &data->input->schools[i].school_id, &data->input->schools[i]);

  data->schools = g_array_sized_new (FALSE, TRUE, sizeof (HpExportSchool), data->school_rows->len);
  for (guint i = 0; i < data->school_rows->len; i++)
    {
      const HpExportSchoolRow *row = g_ptr_array_index (data->school_rows, i);
      const HpPlanSchoolResult *result = g_hash_table_lookup (by_school, &row->id);
      const HpPlanSchool *input = g_hash_table_lookup (graduates, &row->id);
      HpExportSchool school = { .row = row };

      if (result != NULL)
        {
          school.standard = result->allocated_standard;
          school.under18 = result->allocated_under18;
        }
      if (input != NULL)
        school.graduates = input->graduates;

      data->packs_standard += school.standard;
      data->packs_under18 += school.under18;
      data->graduates += school.graduates;
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
  data->product_results = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!_hp_store_export_campaign (store, campaign_id, &data->campaign, error))
    return NULL;

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

  data->recipe = g_ptr_array_new ();
  for (guint i = 0; i < data->products->len; i++)
    {
      HpExportProductRow *row = g_ptr_array_index (data->products, i);

      if (row->recipe_rank > 0)
        g_ptr_array_add (data->recipe, row);
    }
  g_ptr_array_sort (data->recipe, compare_recipe_rank);

  if (!load_plan (data, error))
    return NULL;

  return g_steal_pointer (&data);
}

void
_hp_export_data_free (HpExportData *data)
{
  _hp_export_campaign_row_clear (&data->campaign);
  g_clear_pointer (&data->plan, hp_plan_free);
  g_clear_pointer (&data->input, hp_plan_input_free);
  g_clear_pointer (&data->schools, g_array_unref);
  g_clear_pointer (&data->recipe, g_ptr_array_unref);
  g_clear_pointer (&data->products, g_ptr_array_unref);
  g_clear_pointer (&data->school_rows, g_ptr_array_unref);
  g_clear_pointer (&data->product_results, g_hash_table_unref);
  g_free (data);
}

gint64
_hp_export_pieces_packed (const HpExportData       *data,
                          const HpExportProductRow *row)
{
  return (gint64) row->per_standard * data->packs_standard
         + (gint64) row->per_under18 * data->packs_under18;
}
