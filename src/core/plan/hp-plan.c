/* hp-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning the drive, as pure functions over the plain structs of hp-plan.h:
 * no store, no GObject, no floating point. hp_plan_compute() runs in four
 * passes:
 *
 *  1. needs: packs per school (its complete list, else the larger of
 *     expected and listed graduates, plus the spare percentage rounded up),
 *     split into under-18 and standard packs;
 *  2. stock: the gifts of each item pooled;
 *  3. build: under-18 packs first (up to their need), then standard packs
 *     from the stock that is left, each variant limited by the scarcest of
 *     its pack lines;
 *  4. bottleneck: the item that alone allows the fewest packs under the
 *     same build rule;
 *  5. chase list: per short item, its open pledges, largest first;
 *  6. allocation: when a variant falls short, its packs are shared out in
 *     proportion to the schools' needs by largest remainder (Hamilton), ties
 *     by school number, so that the shares sum exactly.
 *
 * Everything is O(items + gifts × log gifts + schools × log schools): the
 * national scale (5,000 gifts, 3,500 schools) takes well under a
 * millisecond.
 *
 * hp_plan_input_load() lives in src/core/store/hp-store-plan.c, because all
 * SQL lives in the store.
 */

#define G_LOG_DOMAIN "hp-plan"

#include "config.h"

#include <string.h>

#include "heimpack/hp-plan.h"

/* ------------------------------------------------------------------------ */
/* Needs                                                                     */

static guint
saturate_uint (guint64 value)
{
  return value > G_MAXUINT ? G_MAXUINT : (guint) value;
}

static void
compute_school_needs (const HpPlanSchool *school,
                      guint               spare_percent,
                      HpPlanSchoolResult *result)
{
  guint64 expected = school->expected > 0 ? (guint64) school->expected : 0;
  guint64 graduates;
  guint64 total;
  guint64 under18;

  if (school->list_complete)
    {
      result->source = HP_PLAN_SOURCE_LIST;
      graduates = school->graduates;
      under18 = school->under18_by_birth;
    }
  else
    {
      /* A list still coming in is a lower bound, not the count. */
      result->source = school->graduates > expected ? HP_PLAN_SOURCE_LISTED : HP_PLAN_SOURCE_EXPECTED;
      graduates = MAX (school->graduates, expected);
      under18 = MAX ((guint64) school->under18_by_birth,
                     school->under18_manual > 0 ? (guint64) school->under18_manual : 0);
    }

  /* ceil (n × (100 + spare) / 100) in integers */
  total = (graduates * (100 + (guint64) spare_percent) + 99) / 100;

  /* A number of minors above the graduates is a typing error; it must not
   * take packs from anyone else. */
  under18 = MIN (under18, graduates);

  result->school_id = school->school_id;
  result->graduates = saturate_uint (graduates);
  result->needed_under18 = saturate_uint (under18);
  result->needed_standard = saturate_uint (total - under18);

  /* Recorded facts, as they are */
  result->delivered_standard = school->delivered_standard;
  result->delivered_under18 = school->delivered_under18;
  result->handed_out = school->handed_out;
  result->handed_out_under18 = MIN (school->handed_out_under18, school->handed_out);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */

/* Packs of one variant that @stock allows at @per pieces a pack, at most
 * @wanted. An item that is not in the variant does not limit it. */
static guint64
packs_from_stock (guint64 stock,
                  guint   per,
                  guint64 wanted)
{
  if (per == 0)
    return wanted;
  return MIN (wanted, stock / per);
}

/* What one item alone allows under the build rule: under-18 packs first,
 * then standard packs from what is left. */
static void
item_allows (const HpPlanItem *item,
             guint64           stock,
             guint64           wanted_under18,
             guint64           wanted_standard,
             guint64          *out_under18,
             guint64          *out_standard)
{
  guint64 under18 = packs_from_stock (stock, item->per_under18, wanted_under18);
  guint64 left = stock - under18 * item->per_under18;

  *out_under18 = under18;
  *out_standard = packs_from_stock (left, item->per_standard, wanted_standard);
}

/* ------------------------------------------------------------------------ */
/* Chasing                                                                   */

typedef struct
{
  gint64 outstanding;
  guint  gift;
} OpenPledge;

static int
compare_open_pledges (gconstpointer a,
                      gconstpointer b)
{
  const OpenPledge *x = a;
  const OpenPledge *y = b;

  if (x->outstanding != y->outstanding)
    return x->outstanding > y->outstanding ? -1 : 1;
  return x->gift < y->gift ? -1 : (x->gift > y->gift ? 1 : 0);
}

/* Asks the gifts of one short item for what they still owe, largest first,
 * until its shortfall is covered. @open holds the item's open pledges. */
static void
chase_item (HpPlan     *plan,
            guint       item,
            OpenPledge *open,
            guint       n_open,
            GArray     *chase)
{
  HpPlanItemResult *result = &plan->items[item];
  gint64 remaining = result->shortfall;

  qsort (open, n_open, sizeof (OpenPledge), compare_open_pledges);
  for (guint k = 0; k < n_open && remaining > 0; k++)
    {
      HpPlanChase line = { item, open[k].gift, MIN (remaining, open[k].outstanding) };

      g_array_append_val (chase, line);
      remaining -= line.quantity;
    }

  result->to_chase = result->shortfall - remaining;
  result->unpledged = remaining;
}

/* ------------------------------------------------------------------------ */
/* Allocation                                                                */

typedef struct
{
  const HpPlanSchool *school;
  guint64             remainder;
  guint               index;
} Share;

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const Share *x = a;
  const Share *y = b;
  int by_number;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;

  /* Same order as the school lists (SQLite's binary collation); schools
   * without a number come last. */
  if (x->school->number == NULL || y->school->number == NULL)
    {
      if (x->school->number != y->school->number)
        return x->school->number == NULL ? 1 : -1;
    }
  else if ((by_number = strcmp (x->school->number, y->school->number)) != 0)
    return by_number;

  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* Shares @buildable packs among the schools in proportion to @need (an array
 * of n_schools counts summing to @total_need > @buildable): every school
 * gets floor (buildable × need / total), and the packs left over go one each
 * to the largest remainders. The result sums exactly to @buildable and no
 * school gets more than it needs. */
static void
allocate_variant (const HpPlanInput *input,
                  const guint       *need,
                  guint64            total_need,
                  guint64            buildable,
                  guint             *allocated,
                  Share             *shares)
{
  guint64 given = 0;
  guint n_shares = 0;

  if (buildable >= total_need)
    {
      memcpy (allocated, need, sizeof (guint) * input->n_schools);
      return;
    }

  for (guint i = 0; i < input->n_schools; i++)
    {
      /* buildable < total_need ≤ 2^32 × n_schools and need ≤ 2^32, so the
       * product fits in 64 bits for any realistic number of schools. */
      guint64 quota = buildable * need[i];

      allocated[i] = (guint) (quota / total_need);
      given += allocated[i];

      if (quota % total_need != 0)
        {
          shares[n_shares].school = &input->schools[i];
          shares[n_shares].remainder = quota % total_need;
          shares[n_shares].index = i;
          n_shares++;
        }
    }

  /* The leftover is the sum of the fractional parts, so it is smaller than
   * the number of schools with a remainder. */
  g_assert (buildable - given <= n_shares);

  qsort (shares, n_shares, sizeof (Share), compare_shares);
  for (guint k = 0; given < buildable; k++, given++)
    allocated[shares[k].index]++;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/* Index of each gift's item in the input's items, or -1 when the item is
 * not in the pack. */
static int *
map_gifts_to_items (const HpPlanInput *input)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  int *item_of = g_new (int, MAX (1, input->n_gifts));

  for (guint i = 0; i < input->n_items; i++)
    g_hash_table_insert (index, (gpointer) &input->items[i].item_id, GUINT_TO_POINTER (i + 1));

  for (guint g = 0; g < input->n_gifts; g++)
    item_of[g] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &input->gifts[g].item_id)) - 1;

  return item_of;
}

HpPlan *
hp_plan_compute (const HpPlanInput *input)
{
  HpPlan *plan;
  guint64 needed_standard = 0;
  guint64 needed_under18 = 0;
  guint64 buildable_standard;
  guint64 buildable_under18;
  gboolean has_standard = FALSE;
  gboolean has_under18 = FALSE;
  g_autofree int *item_of = NULL;
  g_autofree guint64 *stock = NULL;
  g_autofree guint *need = NULL;
  g_autofree guint *allocated = NULL;
  g_autofree Share *shares = NULL;
  g_autofree OpenPledge *open = NULL;
  g_autofree guint *bucket_start = NULL;
  g_autoptr(GArray) chase = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->n_items == 0 || input->items != NULL, NULL);
  g_return_val_if_fail (input->n_gifts == 0 || input->gifts != NULL, NULL);
  g_return_val_if_fail (input->n_schools == 0 || input->schools != NULL, NULL);

  plan = g_new0 (HpPlan, 1);
  plan->spare_percent = input->spare_percent;
  plan->n_items = input->n_items;
  plan->n_schools = input->n_schools;
  plan->items = g_new0 (HpPlanItemResult, MAX (1, input->n_items));
  plan->schools = g_new0 (HpPlanSchoolResult, MAX (1, input->n_schools));

  /* 1. Needs */
  for (guint i = 0; i < input->n_schools; i++)
    {
      compute_school_needs (&input->schools[i], input->spare_percent, &plan->schools[i]);
      needed_standard += plan->schools[i].needed_standard;
      needed_under18 += plan->schools[i].needed_under18;
      plan->delivered_standard = saturate_uint ((guint64) plan->delivered_standard +
                                                plan->schools[i].delivered_standard);
      plan->delivered_under18 = saturate_uint ((guint64) plan->delivered_under18 +
                                               plan->schools[i].delivered_under18);
      plan->handed_out_under18 = saturate_uint ((guint64) plan->handed_out_under18 +
                                                plan->schools[i].handed_out_under18);
      plan->handed_out_standard = saturate_uint ((guint64) plan->handed_out_standard +
                                                 plan->schools[i].handed_out - plan->schools[i].handed_out_under18);
    }

  plan->needed_standard = saturate_uint (needed_standard);
  plan->needed_under18 = saturate_uint (needed_under18);

  /* 2. Stock: every gift of an item counts toward it. */
  item_of = map_gifts_to_items (input);
  stock = g_new0 (guint64, MAX (1, input->n_items));
  for (guint g = 0; g < input->n_gifts; g++)
    {
      const HpPlanGift *gift = &input->gifts[g];
      HpPlanItemResult *result;

      if (item_of[g] < 0)
        continue;

      result = &plan->items[item_of[g]];
      result->received += gift->received;
      result->pledged += gift->pledged;
      /* A negative received figure counts as none here too: nobody owes
       * pieces they never pledged. */
      result->outstanding += MAX (0, gift->pledged - MAX (0, gift->received));
    }

  for (guint i = 0; i < input->n_items; i++)
    stock[i] = plan->items[i].received > 0 ? (guint64) plan->items[i].received : 0;

  /* 3. Build: a variant without any pack line is not a pack at all. */
  for (guint i = 0; i < input->n_items; i++)
    {
      has_standard |= input->items[i].per_standard > 0;
      has_under18 |= input->items[i].per_under18 > 0;
    }

  buildable_under18 = has_under18 ? needed_under18 : 0;
  for (guint i = 0; i < input->n_items; i++)
    buildable_under18 = packs_from_stock (stock[i], input->items[i].per_under18, buildable_under18);

  buildable_standard = has_standard ? needed_standard : 0;
  for (guint i = 0; i < input->n_items; i++)
    {
      guint64 left = stock[i] - buildable_under18 * input->items[i].per_under18;

      buildable_standard = packs_from_stock (left, input->items[i].per_standard, buildable_standard);
    }

  plan->buildable_standard = saturate_uint (buildable_standard);
  plan->buildable_under18 = saturate_uint (buildable_under18);

  /* Per item figures */
  for (guint i = 0; i < input->n_items; i++)
    {
      const HpPlanItem *item = &input->items[i];
      HpPlanItemResult *result = &plan->items[i];

      result->item_id = item->item_id;
      result->needed = (gint64) (needed_standard * item->per_standard + needed_under18 * item->per_under18);
      result->used = (gint64) (buildable_standard * item->per_standard + buildable_under18 * item->per_under18);
      result->shortfall = MAX (0, result->needed - (gint64) stock[i]);
      result->unpledged = result->shortfall;
    }

  /* 4. Bottleneck: only when something needed cannot be built, and only an
   * item can be one (missing pack contents are not an item). */
  if (buildable_standard + buildable_under18 < needed_standard + needed_under18)
    {
      guint64 wanted_under18 = has_under18 ? needed_under18 : 0;
      guint64 wanted_standard = has_standard ? needed_standard : 0;
      guint64 fewest = wanted_under18 + wanted_standard;

      for (guint i = 0; i < input->n_items; i++)
        {
          guint64 under18, standard;

          if (plan->items[i].needed == 0)
            continue;

          item_allows (&input->items[i], stock[i], wanted_under18, wanted_standard, &under18, &standard);
          /* Only an item that allows fewer packs than the pack contents
           * could make at all; ties go to the first one in packing order. */
          if (under18 + standard < fewest)
            {
              fewest = under18 + standard;
              plan->bottleneck_item_id = input->items[i].item_id;
              plan->bottleneck_item = i;
            }
        }
    }

  /* 5. Chase list, per short item in packing order. The open pledges are
   * sorted into one bucket per item first (a counting sort that keeps the
   * input order within an item), so that this stays linear in the gifts. */
  chase = g_array_new (FALSE, FALSE, sizeof (HpPlanChase));
  open = g_new (OpenPledge, MAX (1, input->n_gifts));
  bucket_start = g_new0 (guint, input->n_items + 1);
  for (guint g = 0; g < input->n_gifts; g++)
    if (item_of[g] >= 0 && input->gifts[g].pledged - MAX (0, input->gifts[g].received) > 0)
      bucket_start[item_of[g] + 1]++;
  for (guint i = 0; i < input->n_items; i++)
    bucket_start[i + 1] += bucket_start[i];
  {
    g_autofree guint *fill = g_memdup2 (bucket_start, sizeof (guint) * (input->n_items + 1));

    for (guint g = 0; g < input->n_gifts; g++)
      {
        gint64 outstanding = input->gifts[g].pledged - MAX (0, input->gifts[g].received);

        if (item_of[g] >= 0 && outstanding > 0)
          {
            OpenPledge *slot = &open[fill[item_of[g]]++];

            slot->outstanding = outstanding;
            slot->gift = g;
          }
      }
  }

  for (guint i = 0; i < input->n_items; i++)
    if (plan->items[i].shortfall > 0)
      chase_item (plan, i, open + bucket_start[i], bucket_start[i + 1] - bucket_start[i], chase);

  plan->n_chase = chase->len;
  plan->chase = (HpPlanChase *) (gpointer) g_array_free (g_steal_pointer (&chase), FALSE);

  /* 6. Allocation, separately per variant */
  need = g_new (guint, MAX (1, input->n_schools));
  allocated = g_new (guint, MAX (1, input->n_schools));
  shares = g_new (Share, MAX (1, input->n_schools));

  for (guint i = 0; i < input->n_schools; i++)
    need[i] = plan->schools[i].needed_under18;
  allocate_variant (input, need, needed_under18, buildable_under18, allocated, shares);
  for (guint i = 0; i < input->n_schools; i++)
    plan->schools[i].allocated_under18 = allocated[i];

  for (guint i = 0; i < input->n_schools; i++)
    need[i] = plan->schools[i].needed_standard;
  allocate_variant (input, need, needed_standard, buildable_standard, allocated, shares);
  for (guint i = 0; i < input->n_schools; i++)
    plan->schools[i].allocated_standard = allocated[i];

  return plan;
}

const char *
hp_plan_source_to_string (HpPlanSource source)
{
  switch (source)
    {
    case HP_PLAN_SOURCE_LIST:     return "list";
    case HP_PLAN_SOURCE_LISTED:   return "listed";
    case HP_PLAN_SOURCE_EXPECTED: return "expected";
    default:                      g_return_val_if_reached ("expected");
    }
}

void
hp_plan_free (HpPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->items);
  g_free (plan->chase);
  g_free (plan->schools);
  g_free (plan);
}
