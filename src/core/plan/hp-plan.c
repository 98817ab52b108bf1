/* hp-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning the drive, as pure functions over the plain structs of hp-plan.h:
 * no store, no GObject, no floating point. hp_plan_compute() runs in four
 * passes:
 *
 *  1. needs: packs per school (graduates or expected, plus the spare
 *     percentage rounded up), split into under-18 and standard packs;
 *  2. build: under-18 packs first (up to their need), then standard packs
 *     from the stock that is left, each variant limited by the scarcest of
 *     its recipe lines;
 *  3. bottleneck: the product that alone allows the fewest packs under the
 *     same build rule;
 *  4. allocation: when a variant falls short, its packs are shared out in
 *     proportion to the schools' needs by largest remainder (Hamilton), ties
 *     by school number, so that the shares sum exactly.
 *
 * Everything is O(products + schools × log schools): the national scale
 * (5,000 products, 3,500 schools) takes well under a millisecond.
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

static guint64
school_graduates (const HpPlanSchool *school)
{
  if (school->graduates > 0)
    return school->graduates;
  if (school->expected > 0)
    return (guint64) school->expected;
  return 0;
}

static void
compute_school_needs (const HpPlanSchool *school,
                      guint               spare_percent,
                      HpPlanSchoolResult *result)
{
  guint64 graduates = school_graduates (school);
  /* ceil (n × (100 + spare) / 100) in integers */
  guint64 total = (graduates * (100 + (guint64) spare_percent) + 99) / 100;
  guint64 under18 = 0;

  if (school->with_birth_date > 0)
    under18 = school->under18_by_birth;
  else if (school->under18_manual > 0)
    under18 = (guint64) school->under18_manual;

  /* A number of minors above the graduates is a typing error; it must not
   * take packs from anyone else. */
  under18 = MIN (under18, graduates);

  result->school_id = school->school_id;
  result->needed_under18 = saturate_uint (under18);
  result->needed_standard = saturate_uint (total - under18);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */

static guint64
product_stock (const HpPlanProduct *product)
{
  return product->received > 0 ? (guint64) product->received : 0;
}

/* Packs of one variant that @stock allows at @per pieces a pack, at most
 * @wanted. A product that is not in the variant does not limit it. */
static guint64
packs_from_stock (guint64 stock,
                  guint   per,
                  guint64 wanted)
{
  if (per == 0)
    return wanted;
  return MIN (wanted, stock / per);
}

/* What one product alone allows under the build rule: under-18 packs first,
 * then standard packs from what is left. */
static void
product_allows (const HpPlanProduct *product,
                guint64              wanted_under18,
                guint64              wanted_standard,
                guint64             *out_under18,
                guint64             *out_standard)
{
  guint64 stock = product_stock (product);
  guint64 under18 = packs_from_stock (stock, product->per_under18, wanted_under18);
  guint64 left = stock - under18 * product->per_under18;

  *out_under18 = under18;
  *out_standard = packs_from_stock (left, product->per_standard, wanted_standard);
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
  g_autofree guint *need = NULL;
  g_autofree guint *allocated = NULL;
  g_autofree Share *shares = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->n_products == 0 || input->products != NULL, NULL);
  g_return_val_if_fail (input->n_schools == 0 || input->schools != NULL, NULL);

  plan = g_new0 (HpPlan, 1);
  plan->n_products = input->n_products;
  plan->n_schools = input->n_schools;
  plan->products = g_new0 (HpPlanProductResult, MAX (1, input->n_products));
  plan->schools = g_new0 (HpPlanSchoolResult, MAX (1, input->n_schools));

  /* 1. Needs */
  for (guint i = 0; i < input->n_schools; i++)
    {
      compute_school_needs (&input->schools[i], input->spare_percent, &plan->schools[i]);
      needed_standard += plan->schools[i].needed_standard;
      needed_under18 += plan->schools[i].needed_under18;
    }

  plan->needed_standard = saturate_uint (needed_standard);
  plan->needed_under18 = saturate_uint (needed_under18);

  /* 2. Build: a variant without any recipe line is not a pack at all. */
  for (guint p = 0; p < input->n_products; p++)
    {
      has_standard |= input->products[p].per_standard > 0;
      has_under18 |= input->products[p].per_under18 > 0;
    }

  buildable_under18 = has_under18 ? needed_under18 : 0;
  for (guint p = 0; p < input->n_products; p++)
    buildable_under18 = packs_from_stock (product_stock (&input->products[p]),
                                          input->products[p].per_under18, buildable_under18);

  buildable_standard = has_standard ? needed_standard : 0;
  for (guint p = 0; p < input->n_products; p++)
    {
      const HpPlanProduct *product = &input->products[p];
      guint64 left = product_stock (product) - buildable_under18 * product->per_under18;

      buildable_standard = packs_from_stock (left, product->per_standard, buildable_standard);
    }

  plan->buildable_standard = saturate_uint (buildable_standard);
  plan->buildable_under18 = saturate_uint (buildable_under18);

  /* Per product figures */
  for (guint p = 0; p < input->n_products; p++)
    {
      const HpPlanProduct *product = &input->products[p];
      HpPlanProductResult *result = &plan->products[p];
      gint64 stock = (gint64) product_stock (product);

      result->product_id = product->product_id;
      result->needed = (gint64) (needed_standard * product->per_standard +
                                 needed_under18 * product->per_under18);
      result->used = (gint64) (buildable_standard * product->per_standard +
                               buildable_under18 * product->per_under18);
      result->outstanding = MAX (0, product->pledged - stock);
      result->shortfall = MAX (0, result->needed - stock);
      result->to_chase = MIN (result->shortfall, result->outstanding);
    }

  /* 3. Bottleneck: only when something needed cannot be built, and only a
   * product can be one (a missing recipe is not a product). */
  if (buildable_standard + buildable_under18 < needed_standard + needed_under18)
    {
      guint64 wanted_under18 = has_under18 ? needed_under18 : 0;
      guint64 wanted_standard = has_standard ? needed_standard : 0;
      guint64 fewest = wanted_under18 + wanted_standard;

      for (guint p = 0; p < input->n_products; p++)
        {
          const HpPlanProduct *product = &input->products[p];
          guint64 under18, standard;

          if (plan->products[p].needed == 0)
            continue;

          product_allows (product, wanted_under18, wanted_standard, &under18, &standard);
          /* Only a product that allows fewer packs than the recipe could
           * make at all; ties go to the first one in packing order. */
          if (under18 + standard < fewest)
            {
              fewest = under18 + standard;
              plan->bottleneck_product_id = product->product_id;
            }
        }
    }

  /* 4. Allocation, separately per variant */
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

void
hp_plan_free (HpPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->products);
  g_free (plan->schools);
  g_free (plan);
}
