/* test-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning the drive: hp_plan_compute() on hand-built inputs (needs, spare
 * rounding, under-18 packs sharing stock with the standard pack, bottleneck,
 * allocation by largest remainder, a national-scale random case), then
 * hp_plan_input_load() on real stores and `heimpack-cli plan --json`.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "hp-test-utils.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static HpPlanProduct
product (gint64      id,
         guint       per_standard,
         guint       per_under18,
         gint64      pledged,
         gint64      received)
{
  HpPlanProduct p = {
    .product_id = id,
    .name = "Product",
    .sponsor_id = 1000 + id,
    .sponsor_name = "Sponsor",
    .per_standard = per_standard,
    .per_under18 = per_under18,
    .pledged = pledged,
    .received = received,
    .value_cents = 100,
  };

  return p;
}

static HpPlanSchool
school (gint64      id,
        const char *number,
        guint       graduates,
        int         expected)
{
  HpPlanSchool s = {
    .school_id = id,
    .number = number,
    .name = "School",
    .graduates = graduates,
    .expected = expected,
    .under18_by_birth = 0,
    .with_birth_date = 0,
    .under18_manual = HP_UNSET,
  };

  return s;
}

static const HpPlanProductResult *
find_product (const HpPlan *plan,
              gint64        id)
{
  for (guint i = 0; i < plan->n_products; i++)
    if (plan->products[i].product_id == id)
      return &plan->products[i];

  g_assert_not_reached ();
  return NULL;
}

/* The invariants of every plan: needs add up, allocation sums exactly to
 * the buildable packs and never exceeds a school's need, nothing uses more
 * than was received. */
static void
assert_consistent (const HpPlanInput *input,
                   const HpPlan      *plan)
{
  guint64 needed_standard = 0, needed_under18 = 0;
  guint64 allocated_standard = 0, allocated_under18 = 0;

  g_assert_cmpuint (plan->n_products, ==, input->n_products);
  g_assert_cmpuint (plan->n_schools, ==, input->n_schools);

  for (guint i = 0; i < plan->n_schools; i++)
    {
      const HpPlanSchoolResult *s = &plan->schools[i];

      g_assert_cmpint (s->school_id, ==, input->schools[i].school_id);
      g_assert_cmpuint (s->allocated_standard, <=, s->needed_standard);
      g_assert_cmpuint (s->allocated_under18, <=, s->needed_under18);
      needed_standard += s->needed_standard;
      needed_under18 += s->needed_under18;
      allocated_standard += s->allocated_standard;
      allocated_under18 += s->allocated_under18;
    }

  g_assert_cmpuint (needed_standard, ==, plan->needed_standard);
  g_assert_cmpuint (needed_under18, ==, plan->needed_under18);
  g_assert_cmpuint (plan->buildable_standard, <=, plan->needed_standard);
  g_assert_cmpuint (plan->buildable_under18, <=, plan->needed_under18);
  g_assert_cmpuint (allocated_standard, ==, plan->buildable_standard);
  g_assert_cmpuint (allocated_under18, ==, plan->buildable_under18);

  for (guint p = 0; p < plan->n_products; p++)
    {
      const HpPlanProduct *in = &input->products[p];
      const HpPlanProductResult *r = &plan->products[p];

      g_assert_cmpint (r->product_id, ==, in->product_id);
      g_assert_cmpint (r->needed, ==, (gint64) in->per_standard * plan->needed_standard +
                                      (gint64) in->per_under18 * plan->needed_under18);
      g_assert_cmpint (r->used, ==, (gint64) in->per_standard * plan->buildable_standard +
                                    (gint64) in->per_under18 * plan->buildable_under18);
      g_assert_cmpint (r->used, <=, MAX (0, in->received));
      g_assert_cmpint (r->outstanding, >=, 0);
      g_assert_cmpint (r->shortfall, >=, 0);
      g_assert_cmpint (r->shortfall, ==, MAX (0, r->needed - MAX (0, in->received)));
      g_assert_cmpint (r->to_chase, ==, MIN (r->shortfall, r->outstanding));
    }

  if (plan->buildable_standard + plan->buildable_under18 == plan->needed_standard + plan->needed_under18)
    g_assert_cmpint (plan->bottleneck_product_id, ==, 0);
}

static HpPlan *
compute (const HpPlanInput *input)
{
  HpPlan *plan = hp_plan_compute (input);

  g_assert_nonnull (plan);
  assert_consistent (input, plan);
  return plan;
}

/* ------------------------------------------------------------------------ */
/* Needs                                                                     */

static void
test_spare_rounding (void)
{
  HpPlanProduct products[] = { product (1, 1, 1, 0, 100000) };
  HpPlanSchool schools[] = {
    school (1, "100001", 85, HP_UNSET),    /* 85 × 1.05 = 89.25 → 90 */
    school (2, "100002", 100, HP_UNSET),   /* exactly 105 */
    school (3, "100003", 1, HP_UNSET),     /* 1.05 → 2 */
    school (4, "100004", 0, HP_UNSET),     /* nothing known: 0 */
  };
  HpPlanInput input = { 5, products, G_N_ELEMENTS (products), schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->schools[0].needed_standard, ==, 90);
  g_assert_cmpuint (plan->schools[1].needed_standard, ==, 105);
  g_assert_cmpuint (plan->schools[2].needed_standard, ==, 2);
  g_assert_cmpuint (plan->schools[3].needed_standard, ==, 0);
  g_assert_cmpuint (plan->needed_standard, ==, 197);
  g_assert_cmpuint (plan->needed_under18, ==, 0);
  g_assert_cmpuint (plan->buildable_standard, ==, 197);
  g_assert_cmpint (plan->bottleneck_product_id, ==, 0);

  /* 0 % and 100 % */
  input.spare_percent = 0;
  {
    g_autoptr(HpPlan) none = compute (&input);
    g_assert_cmpuint (none->schools[0].needed_standard, ==, 85);
  }
  input.spare_percent = 100;
  {
    g_autoptr(HpPlan) twice = compute (&input);
    g_assert_cmpuint (twice->schools[0].needed_standard, ==, 170);
  }
}

static void
test_expected_when_no_graduates (void)
{
  HpPlanProduct products[] = { product (1, 1, 1, 0, 100000) };
  HpPlanSchool schools[] = {
    school (1, "1", 0, 40),            /* nothing imported: the expected 40 → 42 */
    school (2, "2", 30, 40),           /* imported graduates win over expected */
    school (3, "3", 0, 0),             /* expected 0 is a real 0 */
  };
  HpPlanInput input = { 5, products, 1, schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->schools[0].needed_standard, ==, 42);
  g_assert_cmpuint (plan->schools[1].needed_standard, ==, 32);   /* 31.5 → 32 */
  g_assert_cmpuint (plan->schools[2].needed_standard, ==, 0);
}

static void
test_under18_numbers (void)
{
  HpPlanProduct products[] = { product (1, 1, 1, 0, 100000) };
  HpPlanSchool schools[] = {
    school (1, "1", 0, 40),
    school (2, "2", 50, HP_UNSET),
    school (3, "3", 50, HP_UNSET),
    school (4, "4", 10, HP_UNSET),
  };
  HpPlanInput input = { 10, products, 1, schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = NULL;

  schools[0].under18_manual = 3;        /* expected numbers only: the manual number */
  schools[1].under18_manual = 9;        /* birth dates known: they win */
  schools[1].with_birth_date = 48;
  schools[1].under18_by_birth = 4;
  schools[2].under18_manual = 6;        /* graduates without birth dates: manual */
  schools[3].under18_manual = 25;       /* more minors than graduates: capped */

  plan = compute (&input);

  /* 40 + 10 % = 44 packs, 3 of them under 18; spare packs are standard */
  g_assert_cmpuint (plan->schools[0].needed_under18, ==, 3);
  g_assert_cmpuint (plan->schools[0].needed_standard, ==, 41);
  g_assert_cmpuint (plan->schools[1].needed_under18, ==, 4);
  g_assert_cmpuint (plan->schools[1].needed_standard, ==, 51);
  g_assert_cmpuint (plan->schools[2].needed_under18, ==, 6);
  g_assert_cmpuint (plan->schools[2].needed_standard, ==, 49);
  g_assert_cmpuint (plan->schools[3].needed_under18, ==, 10);
  g_assert_cmpuint (plan->schools[3].needed_standard, ==, 1);
  g_assert_cmpuint (plan->needed_under18, ==, 23);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */

static void
test_no_recipe (void)
{
  HpPlanSchool schools[] = { school (1, "1", 20, HP_UNSET), school (2, "2", 0, 10) };
  HpPlanInput input = { 5, NULL, 0, schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->needed_standard, ==, 21 + 11);
  g_assert_cmpuint (plan->buildable_standard, ==, 0);
  g_assert_cmpuint (plan->buildable_under18, ==, 0);
  g_assert_cmpint (plan->bottleneck_product_id, ==, 0);
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 0);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 0);

  /* Nothing at all */
  {
    HpPlanInput empty = { 5, NULL, 0, NULL, 0 };
    g_autoptr(HpPlan) nothing = compute (&empty);

    g_assert_cmpuint (nothing->needed_standard + nothing->needed_under18, ==, 0);
    g_assert_cmpint (nothing->bottleneck_product_id, ==, 0);
  }
}

static void
test_zero_stock (void)
{
  HpPlanProduct products[] = {
    product (1, 1, 1, 500, 0),
    product (2, 2, 2, 100, 0),
    product (3, 1, 1, 0, -5),     /* a negative stock counts as none */
  };
  HpPlanSchool schools[] = { school (1, "1", 100, HP_UNSET), school (2, "2", 50, HP_UNSET) };
  HpPlanInput input = { 0, products, G_N_ELEMENTS (products), schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->needed_standard, ==, 150);
  g_assert_cmpuint (plan->buildable_standard, ==, 0);
  g_assert_cmpint (plan->bottleneck_product_id, ==, 1);    /* first in packing order */

  g_assert_cmpint (plan->products[0].needed, ==, 150);
  g_assert_cmpint (plan->products[0].shortfall, ==, 150);
  g_assert_cmpint (plan->products[0].outstanding, ==, 500);
  g_assert_cmpint (plan->products[0].to_chase, ==, 150);
  g_assert_cmpint (plan->products[1].needed, ==, 300);
  g_assert_cmpint (plan->products[1].to_chase, ==, 100);   /* the other 200 must be found elsewhere */
  g_assert_cmpint (plan->products[2].outstanding, ==, 0);
  g_assert_cmpint (plan->products[2].to_chase, ==, 0);
  g_assert_cmpint (plan->products[0].used, ==, 0);
}

static void
test_one_bottleneck (void)
{
  HpPlanProduct products[] = {
    product (1, 1, 1, 1000, 1000),
    product (2, 2, 2, 1000, 171),   /* 85 packs */
    product (3, 1, 1, 1000, 1000),
  };
  HpPlanSchool schools[] = { school (1, "1", 60, HP_UNSET), school (2, "2", 40, HP_UNSET) };
  HpPlanInput input = { 0, products, G_N_ELEMENTS (products), schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->needed_standard, ==, 100);
  g_assert_cmpuint (plan->buildable_standard, ==, 85);
  g_assert_cmpint (plan->bottleneck_product_id, ==, 2);
  g_assert_cmpint (find_product (plan, 2)->shortfall, ==, 29);
  g_assert_cmpint (find_product (plan, 2)->to_chase, ==, 29);
  g_assert_cmpint (find_product (plan, 2)->used, ==, 170);
  g_assert_cmpint (find_product (plan, 1)->shortfall, ==, 0);
  g_assert_cmpint (find_product (plan, 1)->used, ==, 85);
  /* 60 : 40 of 85 = 51 : 34 */
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 51);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 34);
}

/* The 18+ beer goes only into the standard pack and its juice substitute only
 * into the under-18 pack; the socks go into both and share one stock. */
enum { BEER = 1, JUICE = 2, SOCKS = 3 };

static void
test_under18_shares_stock (void)
{
  HpPlanProduct products[] = {
    product (BEER, 1, 0, 1000, 1000),
    product (JUICE, 0, 1, 1000, 1000),
    product (SOCKS, 2, 2, 1000, 150),
  };
  HpPlanSchool schools[] = { school (1, "1", 50, HP_UNSET), school (2, "2", 50, HP_UNSET) };
  HpPlanInput input = { 0, products, G_N_ELEMENTS (products), schools, G_N_ELEMENTS (schools) };
  HpPlan *plan;

  schools[0].under18_manual = 4;
  schools[1].under18_manual = 6;

  /* Socks run out and limit both: the 10 minors get theirs first (20
   * socks), the other 130 make 65 standard packs. */
  plan = compute (&input);
  g_assert_cmpuint (plan->needed_standard, ==, 90);
  g_assert_cmpuint (plan->needed_under18, ==, 10);
  g_assert_cmpuint (plan->buildable_under18, ==, 10);
  g_assert_cmpuint (plan->buildable_standard, ==, 65);
  g_assert_cmpint (plan->bottleneck_product_id, ==, SOCKS);
  g_assert_cmpint (find_product (plan, SOCKS)->needed, ==, 200);
  g_assert_cmpint (find_product (plan, SOCKS)->used, ==, 150);
  g_assert_cmpint (find_product (plan, SOCKS)->shortfall, ==, 50);
  g_assert_cmpint (find_product (plan, BEER)->needed, ==, 90);
  g_assert_cmpint (find_product (plan, BEER)->used, ==, 65);
  g_assert_cmpint (find_product (plan, JUICE)->needed, ==, 10);
  g_assert_cmpint (find_product (plan, JUICE)->used, ==, 10);
  g_assert_cmpuint (plan->schools[0].allocated_under18, ==, 4);
  g_assert_cmpuint (plan->schools[1].allocated_under18, ==, 6);
  /* 46 : 44 of 65 = 33.2 : 31.8 → 33 : 32 */
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 33);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 32);
  hp_plan_free (plan);

  /* Too little juice: only 4 under-18 packs; the socks they don't take go
   * into standard packs, and the juice is the bottleneck. */
  products[1].received = 4;
  products[2].received = 1000;
  plan = compute (&input);
  g_assert_cmpuint (plan->buildable_under18, ==, 4);
  g_assert_cmpuint (plan->buildable_standard, ==, 90);
  g_assert_cmpint (plan->bottleneck_product_id, ==, JUICE);
  g_assert_cmpint (find_product (plan, JUICE)->shortfall, ==, 6);
  /* 4 : 6 of 4 = 1.6 : 2.4 → 2 : 2 (remainders 0.6 > 0.4) */
  g_assert_cmpuint (plan->schools[0].allocated_under18, ==, 2);
  g_assert_cmpuint (plan->schools[1].allocated_under18, ==, 2);
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 46);
  hp_plan_free (plan);

  /* Too little beer only: every minor gets a pack, the beer limits the
   * standard packs (not the juice or the socks). */
  products[0].received = 30;
  products[1].received = 1000;
  plan = compute (&input);
  g_assert_cmpuint (plan->buildable_under18, ==, 10);
  g_assert_cmpuint (plan->buildable_standard, ==, 30);
  g_assert_cmpint (plan->bottleneck_product_id, ==, BEER);
  hp_plan_free (plan);
}

/* The bottleneck is the product that alone allows the fewest packs under the
 * build rule, not the one with the smallest share of its need: shared socks
 * cover 100 of 150 pieces (67 %) but leave only 50 standard packs after the
 * minors; the beer covers 60 % and would allow 60. */
static void
test_bottleneck_counts_shared_stock (void)
{
  HpPlanProduct products[] = {
    product (BEER, 1, 0, 0, 60),
    product (SOCKS, 1, 1, 0, 100),
    product (JUICE, 0, 1, 0, 1000),
  };
  HpPlanSchool schools[] = { school (1, "1", 150, HP_UNSET) };
  HpPlanInput input = { 0, products, G_N_ELEMENTS (products), schools, 1 };
  g_autoptr(HpPlan) plan = NULL;

  schools[0].under18_manual = 50;
  plan = compute (&input);
  g_assert_cmpuint (plan->buildable_under18, ==, 50);
  g_assert_cmpuint (plan->buildable_standard, ==, 50);
  g_assert_cmpint (plan->bottleneck_product_id, ==, SOCKS);
}

/* A recipe with only standard lines cannot build an under-18 pack, but no
 * product is to blame for that. */
static void
test_no_under18_recipe (void)
{
  HpPlanProduct products[] = { product (BEER, 1, 0, 0, 1000) };
  HpPlanSchool schools[] = { school (1, "1", 100, HP_UNSET) };
  HpPlanInput input = { 0, products, 1, schools, 1 };
  g_autoptr(HpPlan) plan = NULL;

  schools[0].under18_manual = 10;
  plan = compute (&input);
  g_assert_cmpuint (plan->buildable_under18, ==, 0);
  g_assert_cmpuint (plan->buildable_standard, ==, 90);
  g_assert_cmpint (plan->bottleneck_product_id, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Allocation                                                                */

static void
test_allocation_largest_remainder (void)
{
  HpPlanProduct products[] = { product (1, 1, 0, 0, 50) };
  HpPlanSchool schools[] = {
    school (1, "1", 10, HP_UNSET),
    school (2, "2", 20, HP_UNSET),
    school (3, "3", 30, HP_UNSET),
  };
  HpPlanInput input = { 0, products, 1, schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  /* 8.33, 16.67, 25 → 8, 16, 25 and the one left over to 16.67 */
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 8);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 17);
  g_assert_cmpuint (plan->schools[2].allocated_standard, ==, 25);
}

static void
test_allocation_ties (void)
{
  /* Five schools of 3 each (15 needed), 7 packs: 1.4 each, so 5 + 2 left
   * over for equal remainders. The input is not in number order, and one
   * number is shorter: ties go by number as text ("0042" < "1000" < "11"
   * < "200" < "3000"), the order of the school lists. */
  HpPlanProduct products[] = { product (1, 1, 0, 0, 7) };
  HpPlanSchool schools[] = {
    school (1, "3000", 3, HP_UNSET),
    school (2, "200", 3, HP_UNSET),
    school (3, "11", 3, HP_UNSET),
    school (4, "1000", 3, HP_UNSET),
    school (5, "0042", 3, HP_UNSET),
  };
  HpPlanInput input = { 0, products, 1, schools, G_N_ELEMENTS (schools) };
  g_autoptr(HpPlan) plan = compute (&input);

  g_assert_cmpuint (plan->buildable_standard, ==, 7);
  g_assert_cmpuint (plan->schools[4].allocated_standard, ==, 2);   /* 0042 */
  g_assert_cmpuint (plan->schools[3].allocated_standard, ==, 2);   /* 1000 */
  g_assert_cmpuint (plan->schools[2].allocated_standard, ==, 1);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 1);
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 1);

  /* The same input in another order gives the same shares per school. */
  {
    HpPlanSchool reversed[G_N_ELEMENTS (schools)];
    HpPlanInput input2 = { 0, products, 1, reversed, G_N_ELEMENTS (schools) };
    g_autoptr(HpPlan) plan2 = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
      reversed[i] = schools[G_N_ELEMENTS (schools) - 1 - i];
    plan2 = compute (&input2);
    for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
      g_assert_cmpuint (plan2->schools[G_N_ELEMENTS (schools) - 1 - i].allocated_standard, ==,
                        plan->schools[i].allocated_standard);
  }
}

/* Under-18 and standard packs are shared out separately. */
static void
test_allocation_per_variant (void)
{
  HpPlanProduct products[] = {
    product (BEER, 1, 0, 0, 10),
    product (JUICE, 0, 1, 0, 3),
  };
  HpPlanSchool schools[] = {
    school (1, "1", 20, HP_UNSET),    /* 20 standard */
    school (2, "2", 10, HP_UNSET),    /* 4 under 18, 6 standard */
  };
  HpPlanInput input = { 0, products, 2, schools, 2 };
  g_autoptr(HpPlan) plan = NULL;

  schools[1].under18_manual = 4;
  plan = compute (&input);
  g_assert_cmpuint (plan->schools[0].allocated_under18, ==, 0);
  g_assert_cmpuint (plan->schools[1].allocated_under18, ==, 3);
  /* 20 : 6 of 10 = 7.69 : 2.31 → 8 : 2 */
  g_assert_cmpuint (plan->schools[0].allocated_standard, ==, 8);
  g_assert_cmpuint (plan->schools[1].allocated_standard, ==, 2);
}

/* ------------------------------------------------------------------------ */
/* National scale                                                            */

static void
test_large_random (void)
{
  const guint n_products = 5000, n_schools = 3500;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270625);
  g_autofree HpPlanProduct *products = g_new0 (HpPlanProduct, n_products);
  g_autofree HpPlanSchool *schools = g_new0 (HpPlanSchool, n_schools);
  g_autofree char *numbers = g_new0 (char, n_schools * 8);
  HpPlanInput input = { 5, products, n_products, schools, n_schools };
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < n_schools; i++)
    {
      char *number = numbers + i * 8;

      /* Numbers repeat in pairs, so that ties by number fall back to order */
      g_snprintf (number, 8, "%06u", g_rand_int_range (rand, 0, 1000000) / 2 * 2);
      schools[i] = school (i + 1, number, g_rand_int_range (rand, 0, 4) ? (guint) g_rand_int_range (rand, 20, 180) : 0,
                           g_rand_int_range (rand, 0, 2) ? g_rand_int_range (rand, 20, 180) : HP_UNSET);
      if (schools[i].graduates > 0 && g_rand_boolean (rand))
        {
          schools[i].with_birth_date = schools[i].graduates;
          schools[i].under18_by_birth = (guint) g_rand_int_range (rand, 0, 10);
        }
      else
        schools[i].under18_manual = g_rand_int_range (rand, -1, 8);
    }

  /* 40 products in the recipe (one standard-only, one under-18-only), the
   * rest not (zero lines); received around the need of about 330,000 packs,
   * so that the plan falls short and must share out. */
  for (guint p = 0; p < n_products; p++)
    {
      gboolean in_recipe = p % 125 == 0;
      guint per_standard = in_recipe && p != 125 ? (guint) g_rand_int_range (rand, 1, 3) : 0;
      guint per_under18 = in_recipe && p != 0 ? per_standard ? per_standard : 1 : 0;
      gint64 received = (gint64) g_rand_int_range (rand, 300000, 420000) * MAX (1, MAX (per_standard, per_under18));

      products[p] = product (p + 1, per_standard, per_under18, g_rand_int_range (rand, 0, 900000), received);
    }

  for (int run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HpPlan) plan = hp_plan_compute (&input);
      gint64 took = g_get_monotonic_time () - start;

      best = MIN (best, took);
      assert_consistent (&input, plan);
      if (run == 0)
        g_test_message ("national plan: %u + %u packs needed, %u + %u buildable, bottleneck %" G_GINT64_FORMAT,
                        plan->needed_standard, plan->needed_under18,
                        plan->buildable_standard, plan->buildable_under18, plan->bottleneck_product_id);
    }

  g_test_message ("hp_plan_compute, %u schools × %u products: best of 5 %.3f ms",
                  n_schools, n_products, best / 1000.0);
  /* Generous against slow CI machines and sanitizers; the goal is ≪ 50 ms. */
  g_assert_cmpint (best, <, 50 * 1000);
}

/* ------------------------------------------------------------------------ */
/* From the store                                                            */

/* The under-18 rule counted the slow way, in C: born after the hand-over
 * day (the school's, else the campaign's) minus 18 years. */
static guint
count_under18 (HpStore    *store,
               HpCampaign *campaign,
               GListModel *schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) graduates = hp_store_list_graduates (store, hp_campaign_get_id (campaign), 0, &error);
  g_autoptr(GHashTable) cutoffs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) s = g_list_model_get_item (schools, i);
      const char *day = hp_school_get_handover (s) ? hp_school_get_handover (s)
                                                   : hp_campaign_get_handover_date (campaign);
      gint64 *key = g_new (gint64, 1);

      g_assert_nonnull (day);
      *key = hp_school_get_id (s);
      g_hash_table_insert (cutoffs, key, g_strdup_printf ("%04d%.6s", atoi (day) - 18, day + 4));
    }

  for (guint i = 0; i < g_list_model_get_n_items (graduates); i++)
    {
      g_autoptr(HpGraduate) g = g_list_model_get_item (graduates, i);
      gint64 school_id = hp_graduate_get_school_id (g);
      const char *cutoff = g_hash_table_lookup (cutoffs, &school_id);

      g_assert_nonnull (cutoff);
      if (hp_graduate_get_birth_date (g) && strcmp (hp_graduate_get_birth_date (g), cutoff) > 0)
        n++;
    }

  return n;
}

static void
test_load_demo (void)
{
  g_autoptr(HpStore) store = hp_test_store_new_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, 1, &error);
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(GListModel) recipe = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(HpPlan) plan = NULL;
  guint graduates = 0, under18 = 0;

  g_assert_no_error (error);
  input = hp_plan_input_load (store, hp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  g_assert_nonnull (input);

  recipe = hp_store_list_recipe (store, hp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  schools = hp_store_list_schools (store, hp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  products = hp_store_list_products (store, hp_campaign_get_id (campaign), 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (input->spare_percent, ==, hp_campaign_get_spare_percent (campaign));
  g_assert_cmpuint (input->n_schools, ==, 30);
  g_assert_cmpuint (input->n_products, ==, g_list_model_get_n_items (recipe));
  g_assert_cmpuint (input->n_products, >, 2);

  /* Products in packing order, with the store's figures */
  for (guint i = 0; i < input->n_products; i++)
    {
      g_autoptr(HpRecipeItem) item = g_list_model_get_item (recipe, i);
      const HpPlanProduct *in = &input->products[i];

      g_assert_cmpint (in->product_id, ==, hp_recipe_item_get_product_id (item));
      g_assert_cmpuint (in->per_standard, ==, hp_recipe_item_get_per_standard (item));
      g_assert_cmpuint (in->per_under18, ==, hp_recipe_item_get_per_under18 (item));
      g_assert_nonnull (in->name);
      g_assert_nonnull (in->sponsor_name);

      for (guint k = 0; k < g_list_model_get_n_items (products); k++)
        {
          g_autoptr(HpProduct) p = g_list_model_get_item (products, k);

          if (hp_product_get_id (p) != in->product_id)
            continue;
          g_assert_cmpint (in->pledged, ==, hp_product_get_pledged (p));
          g_assert_cmpint (in->received, ==, hp_product_get_received (p));
          g_assert_cmpint (in->sponsor_id, ==, hp_product_get_sponsor_id (p));
          g_assert_cmpstr (in->name, ==, hp_product_get_name (p));
        }
    }

  /* Schools in number order, with the store's graduate counts */
  for (guint i = 0; i < input->n_schools; i++)
    {
      g_autoptr(HpSchool) s = g_list_model_get_item (schools, i);
      const HpPlanSchool *in = &input->schools[i];

      g_assert_cmpint (in->school_id, ==, hp_school_get_id (s));
      g_assert_cmpstr (in->number, ==, hp_school_get_number (s));
      g_assert_cmpstr (in->name, ==, hp_school_get_name (s));
      g_assert_cmpuint (in->graduates, ==, hp_school_get_graduate_count (s));
      g_assert_cmpint (in->expected, ==, hp_school_get_expected_graduates (s));
      g_assert_cmpint (in->under18_manual, ==, hp_school_get_under18_expected (s));
      g_assert_cmpuint (in->with_birth_date, ==, in->graduates);   /* the demo knows every birth date */
      g_assert_cmpuint (in->under18_by_birth, <, in->graduates);
      graduates += in->graduates;
      under18 += in->under18_by_birth;
    }
  g_assert_cmpuint (graduates, ==, 2000);
  g_assert_cmpuint (under18, ==, count_under18 (store, campaign, schools));
  g_assert_cmpuint (under18, >, 0);

  plan = compute (input);
  g_assert_cmpuint (plan->needed_standard + plan->needed_under18, >=, 2100);
  g_assert_cmpuint (plan->needed_under18, ==, under18);
}

/* Who takes part, and the hand-over day of the under-18 rule: the school's
 * own, else the campaign's, else 30 June of the campaign year; whoever turns
 * 18 on the day is not under 18. */
static void
add_graduate (HpStore    *store,
              gint64      campaign_id,
              gint64      school_id,
              const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) graduate = hp_graduate_new (campaign_id, school_id);

  hp_graduate_set_birth_date (graduate, birth_date);
  hp_store_add_graduate (store, graduate, &error);
  g_assert_no_error (error);
}

static HpSchool *
add_school (HpStore    *store,
            const char *number)
{
  g_autoptr(GError) error = NULL;
  HpSchool *s = hp_school_new (number, number);

  hp_store_add_school (store, s, &error);
  g_assert_no_error (error);
  return s;
}

static const HpPlanSchool *
find_school (const HpPlanInput *input,
             const char        *number)
{
  for (guint i = 0; i < input->n_schools; i++)
    if (g_strcmp0 (input->schools[i].number, number) == 0)
      return &input->schools[i];
  return NULL;
}

static void
test_load_under18_dates (void)
{
  g_autoptr(HpStore) store = hp_test_store_new_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autoptr(HpCampaign) other = hp_campaign_new ("Heimvorteil2GO 2026", 2026);
  g_autoptr(HpSchool) a = add_school (store, "100");
  g_autoptr(HpSchool) b = add_school (store, "200");
  g_autoptr(HpSchool) c = add_school (store, "300");
  g_autoptr(HpSchool) d = add_school (store, "400");
  g_autoptr(HpPlanInput) input = NULL;
  gint64 id;

  hp_store_add_campaign (store, campaign, &error);
  g_assert_no_error (error);
  hp_store_add_campaign (store, other, &error);
  g_assert_no_error (error);
  id = hp_campaign_get_id (campaign);

  /* a: own hand-over day with a time; figures only */
  hp_school_set_handover (a, "2027-07-01T10:30");
  hp_school_set_expected_graduates (a, 50);
  hp_school_set_under18_expected (a, 2);
  hp_store_set_school_campaign (store, id, a, &error);
  g_assert_no_error (error);
  add_graduate (store, id, hp_school_get_id (a), "2009-07-01");   /* 18 on the day */
  add_graduate (store, id, hp_school_get_id (a), "2009-07-02");   /* 17 */
  add_graduate (store, id, hp_school_get_id (a), NULL);

  /* b: graduates only, no campaign_school row: 30 June 2027 */
  add_graduate (store, id, hp_school_get_id (b), "2009-06-30");   /* 18 on the day */
  add_graduate (store, id, hp_school_get_id (b), "2009-07-01");   /* 17 */
  add_graduate (store, id, hp_school_get_id (b), "2010-01-01");   /* 17 */

  /* c: takes part only in last year's campaign; d: not at all */
  hp_store_set_school_campaign (store, hp_campaign_get_id (other), c, &error);
  g_assert_no_error (error);
  add_graduate (store, hp_campaign_get_id (other), hp_school_get_id (c), "2010-01-01");

  input = hp_plan_input_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->n_schools, ==, 2);
  g_assert_cmpuint (input->n_products, ==, 0);
  g_assert_cmpuint (input->spare_percent, ==, 5);
  g_assert_null (find_school (input, "300"));
  g_assert_null (find_school (input, "400"));

  g_assert_cmpstr (input->schools[0].number, ==, "100");
  g_assert_cmpuint (input->schools[0].graduates, ==, 3);
  g_assert_cmpuint (input->schools[0].with_birth_date, ==, 2);
  g_assert_cmpuint (input->schools[0].under18_by_birth, ==, 1);
  g_assert_cmpint (input->schools[0].expected, ==, 50);
  g_assert_cmpint (input->schools[0].under18_manual, ==, 2);

  g_assert_cmpstr (input->schools[1].number, ==, "200");
  g_assert_cmpuint (input->schools[1].graduates, ==, 3);
  g_assert_cmpuint (input->schools[1].with_birth_date, ==, 3);
  g_assert_cmpuint (input->schools[1].under18_by_birth, ==, 2);
  g_assert_cmpint (input->schools[1].expected, ==, HP_UNSET);
  g_assert_cmpint (input->schools[1].under18_manual, ==, HP_UNSET);
  g_clear_pointer (&input, hp_plan_input_free);

  /* The campaign's hand-over day moves b's cut-off */
  hp_campaign_set_handover_date (campaign, "2027-07-01");
  hp_store_update_campaign (store, campaign, &error);
  g_assert_no_error (error);
  input = hp_plan_input_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_school (input, "200")->under18_by_birth, ==, 1);
  g_assert_cmpuint (find_school (input, "100")->under18_by_birth, ==, 1);
  g_clear_pointer (&input, hp_plan_input_free);

  /* No such campaign */
  input = hp_plan_input_load (store, 9999, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (input);
}

/* ------------------------------------------------------------------------ */
/* heimpack-cli plan                                                         */

static void
test_cli_plan (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return;
    }
  if (!hp_test_have_python ())
    {
      g_test_skip ("/usr/bin/python3 is needed to check JSON");
      return;
    }

  dir = hp_test_tmp_dir ();
  db = g_build_filename (dir, "heimpack.db", NULL);

  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "demo", "--scale", "district", NULL);
    g_assert_cmpint (r->status, ==, 0);
  }

  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "plan", "--json", NULL);

    if (r->status != 0)
      g_error ("plan --json failed (%d): %s", r->status, r->err);
    g_assert_cmpstr (r->err, ==, "");
    g_assert_true (hp_test_json_check (r->out, "isinstance(d, dict) and len(d['schools']) == 30", NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['needed']['total'] == sum(s['needed'] for s in d['schools']) and "
                                       "d['needed']['total'] == d['needed']['standard'] + d['needed']['under18'] and "
                                       "d['needed']['total'] >= 2100", NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['buildable']['total'] <= d['needed']['total'] and "
                                       "d['buildable']['standard'] <= d['needed']['standard'] and "
                                       "d['buildable']['under18'] <= d['needed']['under18']", NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['buildable']['total'] == sum(s['allocated'] for s in d['schools']) and "
                                       "all(s['allocated'] <= s['needed'] for s in d['schools'])", NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "all(p['shortfall'] == max(0, p['needed'] - p['received']) and "
                                       "p['to_chase'] <= p['shortfall'] for p in d['products'])", NULL));
    /* A bottleneck exactly when something cannot be built, named with its
     * sponsor, and then something to chase. */
    g_assert_true (hp_test_json_check (r->out,
                                       "(d['bottleneck'] is None) == (d['buildable']['total'] == d['needed']['total'])",
                                       NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "d['bottleneck'] is None or (d['bottleneck']['product'] and d['bottleneck']['sponsor'])",
                                       NULL));
    g_assert_true (hp_test_json_check (r->out,
                                       "sum(c['pieces'] for c in d['to_chase']) == sum(p['to_chase'] for p in d['products'])",
                                       NULL));
  }

  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "plan", NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_false (hp_test_json_check (r->out, "True", NULL));   /* a table, not JSON */
    g_assert_nonnull (strstr (r->out, "Packs needed"));
  }

  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "plan", "extra", NULL);
    g_assert_cmpint (r->status, ==, 2);
  }

  hp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/plan/spare-rounding", test_spare_rounding);
  g_test_add_func ("/heimpack/plan/expected", test_expected_when_no_graduates);
  g_test_add_func ("/heimpack/plan/under18-numbers", test_under18_numbers);
  g_test_add_func ("/heimpack/plan/no-recipe", test_no_recipe);
  g_test_add_func ("/heimpack/plan/zero-stock", test_zero_stock);
  g_test_add_func ("/heimpack/plan/one-bottleneck", test_one_bottleneck);
  g_test_add_func ("/heimpack/plan/under18-shares-stock", test_under18_shares_stock);
  g_test_add_func ("/heimpack/plan/bottleneck-shared-stock", test_bottleneck_counts_shared_stock);
  g_test_add_func ("/heimpack/plan/no-under18-recipe", test_no_under18_recipe);
  g_test_add_func ("/heimpack/plan/allocation-remainder", test_allocation_largest_remainder);
  g_test_add_func ("/heimpack/plan/allocation-ties", test_allocation_ties);
  g_test_add_func ("/heimpack/plan/allocation-per-variant", test_allocation_per_variant);
  g_test_add_func ("/heimpack/plan/large-random", test_large_random);
  g_test_add_func ("/heimpack/plan/load-demo", test_load_demo);
  g_test_add_func ("/heimpack/plan/load-under18-dates", test_load_under18_dates);
  g_test_add_func ("/heimpack/plan/cli", test_cli_plan);

  return g_test_run ();
}
