/* hp-plan-page-internal.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the planning page's files share: the instance struct and the
 * functions one calls in the other. hp-plan-page.c computes and shows the
 * plan; hp-plan-page-tables.c sets up and fills its three tables. Not for
 * tests: they use hp-plan-page-private.h.
 */
#pragma once

#include "hp-plan-page-private.h"

G_BEGIN_DECLS

struct _HpPlanPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_page;
  GtkButton      *empty_button;
  AdwStatusPage  *error_page;
  GtkLabel       *needed_label;
  GtkLabel       *needed_detail_label;
  GtkLabel       *spare_label;
  GtkLabel       *buildable_label;
  GtkLabel       *buildable_detail_label;
  GtkLabel       *delivered_label;
  GtkLabel       *delivered_detail_label;
  GtkLabel       *handed_out_label;
  GtkLabel       *bottleneck_label;
  GtkLabel       *bottleneck_detail_label;
  GtkLabel       *bottleneck_sponsors_label;
  GtkButton      *pack_contents_button;
  GtkStack       *tables_stack;
  GtkLabel       *schools_label;
  GtkLabel       *chase_label;
  GtkColumnView  *item_view;
  GtkColumnView  *school_view;
  GtkColumnView  *chase_view;

  /* Borrowed from the template */
  GtkStack       *chase_content_stack;  /* "list", or "empty" with nothing to chase */

  /* Owned */
  HpStore        *store;
  HpCampaign     *campaign;
  GListStore     *items;         /* of HpPlanRow */
  GListStore     *schools;       /* of HpPlanRow */
  GListStore     *chases;        /* of HpPlanRow */
  HpPlanInput    *input;         /* of the plan shown, or NULL */
  HpPlan         *plan;
  gint64          plan_campaign_id;
  GCancellable   *cancellable;   /* of the running computation */
  guint           reload_source;
  guint           warm_source;   /* measures the page after a hidden fill */
  guint           n_computed;
  guint           dirty : 1;     /* stale while unmapped */
  guint           loading : 1;
};

/* hp-plan-page.c */
char *_hp_plan_page_format_count  (gint64      n);

/* hp-plan-page-tables.c */
void        _hp_plan_page_set_up_tables  (HpPlanPage   *self);
/* The rows of the three tables, made in the page's worker */
typedef struct
{
  GPtrArray *items;
  GPtrArray *schools;
  GPtrArray *chases;
} HpPlanPageRows;

HpPlanPageRows *_hp_plan_page_build_rows (const HpPlanInput *input,
                                          const HpPlan      *plan);
void        _hp_plan_page_rows_free      (HpPlanPageRows *rows);
void        _hp_plan_page_fill_tables    (HpPlanPage     *self,
                                          HpPlanPageRows *rows);
const char *_hp_plan_page_source_label   (HpPlanSource  source);

G_END_DECLS
