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
 * from what was received, which item is the bottleneck, how the buildable
 * packs are shared among the schools when there are too few, and what to
 * chase from which sponsor.
 *
 * hp_plan_compute() is a pure function over plain structs (#HpPlanInput), so
 * it is tested without a database; hp_plan_input_load() takes the snapshot
 * of one campaign from a store. All counts are pieces or packs.
 *
 * Rules:
 * - Items pool: everything received of an item counts toward it, whichever
 *   sponsor gave it (its gifts, #HpPlanGift).
 * - Graduates counted per school (its `source`): its graduate list when the
 *   school marked it complete (%HP_PLAN_SOURCE_LIST); otherwise the larger of
 *   the expected number and the graduates listed so far
 *   (%HP_PLAN_SOURCE_LISTED when the list is larger, else
 *   %HP_PLAN_SOURCE_EXPECTED, also on a tie and when there is neither).
 * - Packs needed per school = graduates counted plus the campaign's spare
 *   percentage, rounded up (ceil (n × (100 + spare) / 100)).
 * - Under-18 packs per school: with a complete list, its graduates younger
 *   than 18 on the hand-over day by their birth dates; otherwise the larger
 *   of those and the school's under-18 estimate (under18-expected). Never
 *   more than the graduates counted (a larger estimate is a typing error).
 *   Spare packs are standard packs.
 * - Buildable packs: the standard and the under-18 variant share the same
 *   stock (received pieces of the item; a negative figure counts as 0).
 *   Under-18 packs are built first, up to the number needed (a minor must not
 *   get the 18+ item), then standard packs from what is left, also up to the
 *   number needed; for each variant the limit is the minimum over its pack
 *   lines of stock ÷ pieces per pack. A variant without any pack line cannot
 *   be built at all (so a campaign without pack contents builds nothing).
 * - Bottleneck: only when fewer packs can be built than needed, the item
 *   that alone allows the fewest packs (under-18 first, then standard, as
 *   above, as if every other item were plentiful), if that is fewer than the
 *   pack lines' variants could make at all; ties go to the first item in
 *   packing order. None when everything needed can be built, or when only a
 *   variant without pack lines falls short.
 * - Per item: shortfall = pieces needed for all needed packs − stock (≥ 0).
 *   Chase list: for each short item, in packing order, the gifts with
 *   outstanding pledges (pledged − received > 0) are asked for what they
 *   still owe, largest first (ties in input order), until the shortfall is
 *   covered; whatever no pledge covers is `unpledged` ("nobody pledged N
 *   pieces").
 * - Allocation when fewer packs can be built than needed: proportional to
 *   each school's need, largest remainder (floor (buildable × need ÷ total
 *   need) each, the packs left over one each to the largest remainders),
 *   ties by school number compared as text (the order of the school lists),
 *   then by input order; separately for under-18 and standard packs. The
 *   allocation sums exactly to the buildable packs and no school gets more
 *   than it needs.
 *
 * Integer arithmetic only; linear in items, gifts and schools (plus sorting
 * the schools of a variant that falls short and the gifts of a short item).
 */

/**
 * HpPlanItem:
 * @item_id: the item
 * @name: (nullable): for reports
 * @per_standard: pieces in a standard pack (0: not in it)
 * @per_under18: pieces in an under-18 pack (0: not in it)
 *
 * One line of the pack contents.
 */
typedef struct
{
  gint64      item_id;
  const char *name;
  guint       per_standard;
  guint       per_under18;
} HpPlanItem;

/**
 * HpPlanGift:
 * @product_id: the sponsor's gift (#HpProduct)
 * @item_id: its item; gifts of items not in the pack are ignored
 * @sponsor_id, @sponsor_name, @sponsor_phone, @sponsor_email: its sponsor
 * @pledged: pieces pledged in the campaign
 * @received: pieces received
 * @value_cents: in-kind value per piece
 */
typedef struct
{
  gint64      product_id;
  gint64      item_id;
  gint64      sponsor_id;
  const char *sponsor_name;
  const char *sponsor_phone;
  const char *sponsor_email;
  gint64      pledged;
  gint64      received;
  gint64      value_cents;
} HpPlanGift;

/**
 * HpPlanSchool:
 * @school_id: the school
 * @number, @name: (nullable): for reports and ties (by number; a school
 *   without a number comes last)
 * @graduates: graduates listed for the school in the campaign
 * @expected: expected graduates, or %HP_UNSET
 * @list_complete: the school said its list is complete
 * @under18_by_birth: listed graduates under 18 on the hand-over day
 * @with_birth_date: listed graduates whose under-18 status is known: a birth
 *   date, or the flag a purge kept in its place (hp_store_purge())
 * @under18_manual: the school's under-18 estimate, or %HP_UNSET
 * @delivered_standard, @delivered_under18: packs handed over to the school,
 *   the sum of its recorded hand-overs (#HpHandover)
 * @handed_out: listed graduates ticked as having received their pack
 * @handed_out_under18: of those, the ones under 18 on the hand-over day
 */
typedef struct
{
  gint64      school_id;
  const char *number;
  const char *name;
  guint       graduates;
  int         expected;
  gboolean    list_complete;
  guint       under18_by_birth;
  guint       with_birth_date;
  int         under18_manual;
  guint       delivered_standard;
  guint       delivered_under18;
  guint       handed_out;
  guint       handed_out_under18;
} HpPlanSchool;

typedef struct
{
  guint          spare_percent;
  HpPlanItem    *items;
  guint          n_items;
  HpPlanGift    *gifts;
  guint          n_gifts;
  HpPlanSchool  *schools;
  guint          n_schools;
} HpPlanInput;

/**
 * HpPlanItemResult:
 * @needed: pieces for all needed packs of both variants
 * @received: pieces received, all gifts together (the stock)
 * @pledged: pieces pledged, all gifts together
 * @outstanding: pledged but not yet received, summed over the gifts (each
 *   gift ≥ 0)
 * @shortfall: needed but not received (≥ 0)
 * @to_chase: the part of the shortfall that sponsors pledged and have not
 *   delivered yet (min (shortfall, outstanding)); see #HpPlanChase
 * @unpledged: the rest of the shortfall, which nobody pledged
 * @used: pieces that go into the buildable packs
 */
typedef struct
{
  gint64 item_id;
  gint64 needed;
  gint64 received;
  gint64 pledged;
  gint64 outstanding;
  gint64 shortfall;
  gint64 to_chase;
  gint64 unpledged;
  gint64 used;
} HpPlanItemResult;

/**
 * HpPlanChase:
 * @item: index into the input's items
 * @gift: index into the input's gifts
 * @quantity: pieces to ask this gift's sponsor for (> 0)
 *
 * One line of the chase list.
 */
typedef struct
{
  guint  item;
  guint  gift;
  gint64 quantity;
} HpPlanChase;

/**
 * HpPlanSource:
 * @HP_PLAN_SOURCE_EXPECTED: the expected number (also on a tie with the
 *   list, and when there is neither)
 * @HP_PLAN_SOURCE_LISTED: the graduates listed so far, more than expected
 * @HP_PLAN_SOURCE_LIST: the complete graduate list
 *
 * Where a school's number of graduates comes from.
 */
typedef enum
{
  HP_PLAN_SOURCE_EXPECTED,
  HP_PLAN_SOURCE_LISTED,
  HP_PLAN_SOURCE_LIST,
} HpPlanSource;

/**
 * hp_plan_source_to_string:
 *
 * Returns: "expected", "listed" or "list" (for JSON and scripts).
 */
const char *hp_plan_source_to_string (HpPlanSource source);

/**
 * HpPlanSchoolResult:
 * @source: where @graduates comes from
 * @graduates: graduates counted (before spares)
 * @needed_standard, @needed_under18: packs needed (spare packs included in
 *   @needed_standard)
 * @allocated_standard, @allocated_under18: packs the school gets
 * @delivered_standard, @delivered_under18: packs handed over to it so far
 *   (recorded hand-overs; copied from the input)
 * @handed_out: packs handed out to its graduates (ticked as received)
 * @handed_out_under18: of those, to graduates under 18
 *
 * Where every pack went: planned (needed) → allocated → delivered → handed
 * out. Delivered may exceed allocated (the office hands over what it has);
 * nothing here clamps the recorded facts.
 */
typedef struct
{
  gint64       school_id;
  HpPlanSource source;
  guint        graduates;
  guint        needed_standard;
  guint        needed_under18;
  guint        allocated_standard;
  guint        allocated_under18;
  guint        delivered_standard;
  guint        delivered_under18;
  guint        handed_out;
  guint        handed_out_under18;
} HpPlanSchoolResult;

/**
 * HpPlan:
 * @items: (array length=n_items): in the order of the input
 * @chase: (array length=n_chase): the chase list, by item in packing order,
 *   within an item largest first
 * @schools: (array length=n_schools): in the order of the input
 * @bottleneck_item_id: the limiting item, or 0
 * @bottleneck_item: its index in the input's items (valid when
 *   @bottleneck_item_id is not 0)
 * @delivered_standard, @delivered_under18: packs handed over to all schools
 * @handed_out_standard, @handed_out_under18: packs handed out to graduates
 *   (a graduate under 18 got an under-18 pack, everyone else a standard one)
 */
typedef struct
{
  guint                spare_percent;
  guint                needed_standard;
  guint                needed_under18;
  guint                buildable_standard;
  guint                buildable_under18;
  guint                delivered_standard;
  guint                delivered_under18;
  guint                handed_out_standard;
  guint                handed_out_under18;
  gint64               bottleneck_item_id;
  guint                bottleneck_item;
  HpPlanItemResult    *items;
  guint                n_items;
  HpPlanChase         *chase;
  guint                n_chase;
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
 * Takes the snapshot of @campaign_id that hp_plan_compute() needs: the pack
 * lines in packing order, the gifts of their items with pledged and
 * received pieces (ordered by sponsor name), and every school taking part
 * (a campaign_school row, graduates or hand-overs in the campaign), ordered
 * by number, with the packs handed over to it (the sum of its hand-overs) and
 * its graduates ticked as having received their pack.
 * Under-18 graduates are counted against the school's hand-over date (its
 * date part), else the campaign's, else 30 June of the campaign year: born
 * after that day minus 18 years. May run in a worker thread like the list
 * functions. Fails with %HP_STORE_ERROR_NOT_FOUND for an unknown campaign.
 *
 * The graduate figures of each school (@graduates, @with_birth_date,
 * @under18_by_birth, @handed_out, @handed_out_under18 of #HpPlanSchool) are
 * kept by @store between calls, per campaign, school and hand-over day
 * (see "The plan's graduate figures" in hp-store.h): a load after a
 * booking, a pack line or a school edit reads the gifts, pack lines and
 * schools afresh but counts no graduates (at the national scale about 12
 * ms instead of 120-150 ms); the first load, and the first after a write
 * of graduates or another program's write to the file, counts them all
 * again. What it returns is never older than the last write that returned
 * before it began.
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
