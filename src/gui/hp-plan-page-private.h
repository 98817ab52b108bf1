/* hp-plan-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning page's parts, for tests.
 */
#pragma once

#include "hp-plan-page.h"

G_BEGIN_DECLS

const HpPlan      *_hp_plan_page_get_plan            (HpPlanPage *self);
guint              _hp_plan_page_get_n_computed      (HpPlanPage *self);
GtkStack          *_hp_plan_page_get_stack           (HpPlanPage *self);
AdwStatusPage     *_hp_plan_page_get_empty_page      (HpPlanPage *self);
GtkButton         *_hp_plan_page_get_empty_button    (HpPlanPage *self);
GtkStack          *_hp_plan_page_get_tables_stack    (HpPlanPage *self);
GtkStack          *_hp_plan_page_get_chase_content_stack (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_needed_label    (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_delivered_label (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_handed_out_label (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_buildable_label (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_bottleneck_label (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_bottleneck_detail_label (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_bottleneck_sponsors_label (HpPlanPage *self);
GtkButton         *_hp_plan_page_get_pack_contents_button (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_spare_label     (HpPlanPage *self);
GtkLabel          *_hp_plan_page_get_chase_label     (HpPlanPage *self);
GtkColumnView     *_hp_plan_page_get_item_view       (HpPlanPage *self);
GtkColumnView     *_hp_plan_page_get_school_view     (HpPlanPage *self);
GtkColumnView     *_hp_plan_page_get_chase_view      (HpPlanPage *self);
GListModel        *_hp_plan_page_get_item_model      (HpPlanPage *self);
GListModel        *_hp_plan_page_get_school_model    (HpPlanPage *self);
GListModel        *_hp_plan_page_get_chase_model     (HpPlanPage *self);

G_END_DECLS
