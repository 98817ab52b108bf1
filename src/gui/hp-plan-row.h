/* hp-plan-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of a table on the planning page: an item, a school or a line of
 * the chase list, as an immutable GObject whose figures are properties, so
 * that hp_columns_append() can show and sort them.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HpPlanRowField:
 *
 * The counts a row can carry; each is an #gint64 property of the same name
 * ("per-standard", "needed", …). Unused ones stay 0. A school's "needed"
 * and "allocated" are its packs of both kinds together.
 */
typedef enum
{
  HP_PLAN_ROW_PER_STANDARD,
  HP_PLAN_ROW_PER_UNDER18,
  HP_PLAN_ROW_NEEDED,
  HP_PLAN_ROW_RECEIVED,
  HP_PLAN_ROW_SHORTFALL,
  HP_PLAN_ROW_TO_CHASE,
  HP_PLAN_ROW_NEEDED_STANDARD,
  HP_PLAN_ROW_NEEDED_UNDER18,
  HP_PLAN_ROW_ALLOCATED_STANDARD,
  HP_PLAN_ROW_ALLOCATED_UNDER18,
  HP_PLAN_ROW_ALLOCATED,
  HP_PLAN_ROW_GRADUATES,
  HP_PLAN_ROW_DELIVERED,
  HP_PLAN_ROW_HANDED_OUT,
  HP_PLAN_ROW_N_FIELDS
} HpPlanRowField;

#define HP_TYPE_PLAN_ROW (hp_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (HpPlanRow, hp_plan_row, HP, PLAN_ROW, GObject)

HpPlanRow  *hp_plan_row_new          (const char     *name,
                                      const char     *detail);
const char *hp_plan_row_get_name     (HpPlanRow      *self);
const char *hp_plan_row_get_detail   (HpPlanRow      *self);
const char *hp_plan_row_get_note     (HpPlanRow      *self);
void        hp_plan_row_set_note     (HpPlanRow      *self,
                                      const char     *note);
gint64      hp_plan_row_get          (HpPlanRow      *self,
                                      HpPlanRowField  field);
void        hp_plan_row_set          (HpPlanRow      *self,
                                      HpPlanRowField  field,
                                      gint64          value);
double      hp_plan_row_get_fraction (HpPlanRow      *self);

G_END_DECLS
