/* hp-plan.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-store.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-plan
 *
 * Planning the drive: how many packs each school needs, how many can be built
 * from what was received, which product (and sponsor) is the bottleneck, how
 * the buildable packs are shared among the schools when there are too few,
 * and what to chase from which sponsor.
 *
 * hp_plan_compute() is a pure function over plain structs (#HpPlanInput), so
 * it is tested without a database; hp_plan_input_load() takes the snapshot
 * of one campaign from a store. All counts are pieces or packs.
 *
 * Rules:
 * - Packs needed per school = its graduates (the imported count when there
 *   are any, else the expected number, else 0) plus the campaign's spare
 *   percentage, rounded up (ceil (n × (100 + spare) / 100)).
 * - Under-18 packs per school: graduates younger than 18 on the school's
 *   hand-over date (else the campaign's) by their birth dates, when the school
 *   has graduates with birth dates; else the school's manual number
 *   (under18-expected); else 0. Never more than the graduates counted above
 *   (a larger manual number is a typing error). Spare packs are standard
 *   packs.
 * - Buildable packs: the standard and the under-18 variant share the same
 *   stock (received pieces; a negative figure counts as 0). Under-18 packs
 *   are built first, up to the number needed (a minor must not get the 18+
 *   product), then standard packs from what is left, also up to the number
 *   needed; for each variant the limit is the minimum over its recipe lines
 *   of stock ÷ pieces per pack. A variant without any recipe line cannot be
 *   built at all (so a campaign without a recipe builds nothing).
 * - Bottleneck: only when fewer packs can be built than needed, the recipe
 *   product that alone allows the fewest packs (under-18 first, then
 *   standard, as above, as if every other product were plentiful), if that
 *   is fewer than the recipe's variants could make at all; ties go to the
 *   first product in the input (packing order). None when everything needed
 *   can be built, or when only a variant without recipe lines falls short.
 *   (Counting packs rather than comparing stock ÷ pieces needed matters for
 *   products in both variants: the minors' packs take theirs first.)
 * - Allocation when fewer packs can be built than needed: proportional to
 *   each school's need, largest remainder (floor (buildable × need ÷ total
 *   need) each, the packs left over one each to the largest remainders),
 *   ties by school number compared as text (the order of the school lists),
 *   then by input order; separately for under-18 and standard packs. The
 *   allocation sums exactly to the buildable packs and no school gets more
 *   than it needs.
 *
 * Integer arithmetic only; linear in products and schools (plus sorting the
 * schools of a variant that falls short).
 */

/**
 * HpPlanProduct:
 * @product_id: the product
 * @name: (nullable): for reports
 * @sponsor_id, @sponsor_name: its sponsor
 * @per_standard: pieces in a standard pack (0: not in it)
 * @per_under18: pieces in an under-18 pack (0: not in it)
 * @pledged: pieces pledged in the campaign
 * @received: pieces received (stock)
 * @value_cents: in-kind value per piece
 */
typedef struct
{
  gint64      product_id;
  const char *name;
  gint64      sponsor_id;
  const char *sponsor_name;
  guint       per_standard;
  guint       per_under18;
  gint64      pledged;
  gint64      received;
  gint64      value_cents;
} HpPlanProduct;

/**
 * HpPlanSchool:
 * @school_id: the school
 * @number, @name: (nullable): for reports and ties (by number; a school
 *   without a number comes last)
 * @graduates: graduates stored for the school in the campaign
 * @expected: expected graduates, or %HP_UNSET
 * @under18_by_birth: graduates under 18 on the hand-over date by birth date
 * @with_birth_date: graduates whose birth date is known
 * @under18_manual: manual under-18 number, or %HP_UNSET
 */
typedef struct
{
  gint64      school_id;
  const char *number;
  const char *name;
  guint       graduates;
  int         expected;
  guint       under18_by_birth;
  guint       with_birth_date;
  int         under18_manual;
} HpPlanSchool;

typedef struct
{
  guint          spare_percent;
  HpPlanProduct *products;
  guint          n_products;
  HpPlanSchool  *schools;
  guint          n_schools;
} HpPlanInput;

/**
 * HpPlanProductResult:
 * @needed: pieces for all needed packs of both variants
 * @outstanding: pledged but not yet received (≥ 0)
 * @shortfall: needed but not received (≥ 0)
 * @to_chase: the part of the shortfall that the sponsor pledged and has not
 *   delivered yet (min (shortfall, outstanding)); the rest must be found
 *   elsewhere
 * @used: pieces that go into the buildable packs
 */
typedef struct
{
  gint64 product_id;
  gint64 needed;
  gint64 outstanding;
  gint64 shortfall;
  gint64 to_chase;
  gint64 used;
} HpPlanProductResult;

/**
 * HpPlanSchoolResult:
 * @needed_standard, @needed_under18: packs needed (spare packs included in
 *   @needed_standard)
 * @allocated_standard, @allocated_under18: packs the school gets
 */
typedef struct
{
  gint64 school_id;
  guint  needed_standard;
  guint  needed_under18;
  guint  allocated_standard;
  guint  allocated_under18;
} HpPlanSchoolResult;

/**
 * HpPlan:
 * @products: (array length=n_products): in the order of the input
 * @schools: (array length=n_schools): in the order of the input
 * @bottleneck_product_id: the limiting product, or 0
 */
typedef struct
{
  guint                needed_standard;
  guint                needed_under18;
  guint                buildable_standard;
  guint                buildable_under18;
  gint64               bottleneck_product_id;
  HpPlanProductResult *products;
  guint                n_products;
  HpPlanSchoolResult  *schools;
  guint                n_schools;
} HpPlan;

/**
 * hp_plan_compute:
 *
 * Returns: (transfer full): the plan of @input; never fails. A campaign with
 *   no recipe can build no pack.
 */
HpPlan      *hp_plan_compute     (const HpPlanInput *input);
void         hp_plan_free        (HpPlan            *plan);

/**
 * hp_plan_input_load:
 *
 * Takes the snapshot of @campaign_id that hp_plan_compute() needs: recipe
 * products with their stock, in packing order, and every school taking part
 * (a campaign_school row or graduates in the campaign), ordered by number.
 * Under-18 graduates are counted against the school's hand-over date (its
 * date part), else the campaign's, else 30 June of the campaign year: born
 * after that day minus 18 years. May run in a worker thread like the list
 * functions. Fails with %HP_STORE_ERROR_NOT_FOUND for an unknown campaign.
 *
 * Returns: (transfer full) (nullable): the input, whose strings stay valid
 *   until hp_plan_input_free().
 */
HpPlanInput *hp_plan_input_load  (HpStore           *store,
                                  gint64             campaign_id,
                                  GError           **error);
/**
 * hp_plan_input_free:
 *
 * Frees an input from hp_plan_input_load(), and only such an input: one built
 * by hand (e.g. on the stack in a test) belongs to whoever built it.
 */
void         hp_plan_input_free  (HpPlanInput       *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpPlan, hp_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpPlanInput, hp_plan_input_free)

G_END_DECLS
