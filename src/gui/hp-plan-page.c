/* hp-plan-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Planning" page: how many packs the campaign needs (spares included),
 * how many can be built from what was received and which item limits them,
 * with the sponsors who still owe pieces of it (three headline figures),
 * then one table at a time: the items of the pack contents with what is
 * needed and received of each (all sponsors' gifts together), the packs per
 * school and what each school's number is based on, and the core's chase
 * list when something is missing. Hints about the pack contents lead to its
 * page (`win.show-pack-contents`).
 *
 * The plan is taken (hp_plan_input_load()) and computed (hp_plan_compute())
 * in a GTask worker; the page shows the result in the main thread. It
 * computes again when the campaign changes and, coalesced in an idle, when
 * the store says it changed. A page that is not on screen only notes that
 * its plan is stale and computes when it is mapped again.
 *
 * The three tables are set up and filled in hp-plan-page-tables.c; both
 * files share hp-plan-page-internal.h.
 */

#define G_LOG_DOMAIN "hp-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-page.h"
#include "hp-plan-page-internal.h"
#include "hp-size-boundary.h"

/* HpPage (hp-page.h): the window reaches the page through it; the store,
 * campaign and loading properties below are the interface's. */
static void
hp_plan_page_page_reload (HpPage *page)
{
  hp_plan_page_reload (HP_PLAN_PAGE (page));
}

static void
hp_plan_page_page_init (HpPageInterface *iface)
{
  iface->reload = hp_plan_page_page_reload;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HpPlanPage, hp_plan_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (HP_TYPE_PAGE, hp_plan_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

char *
_hp_plan_page_format_count (gint64 n)
{
  /* the language's way: 2,113 or 2.113 */
  return hp_format_count (n);
}

static void
set_loading (HpPlanPage *self,
             gboolean    loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_empty (HpPlanPage *self,
            const char *title,
            const char *description,
            const char *button_label,
            const char *action_name,
            const char *page_name)
{
  gboolean no_campaign = g_strcmp0 (action_name, "win.new-campaign") == 0;

  /* without a campaign the window's banner has the one blue button, as on
   * the table pages */
  adw_status_page_set_icon_name (self->empty_page,
                                 no_campaign ? "x-office-calendar-symbolic" : "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_button_set_label (self->empty_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action_name);
  if (no_campaign)
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  if (page_name != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_button), "s", page_name);
  else
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_no_campaign (HpPlanPage *self)
{
  show_empty (self,
              _("Create a Campaign First"),
              _("The plan belongs to a campaign, such as “Heimvorteil2GO 2027”. Create the campaign: the plan "
                "then shows how many packs it needs, how many can be built from the donations received, and "
                "what is still missing."),
              _("_New Campaign…"), "win.new-campaign", NULL);
}

/* ------------------------------------------------------------------------ */
/* Showing a plan                                                            */

/* "The under-18 pack has no contents yet." when only a variant without pack
 * lines falls short. */
static const char *
describe_empty_variant (const HpPlanInput *input)
{
  gboolean standard = FALSE, under18 = FALSE;

  for (guint i = 0; i < input->n_items; i++)
    {
      standard |= input->items[i].per_standard > 0;
      under18 |= input->items[i].per_under18 > 0;
    }

  if (!standard)
    return _("The standard pack has no contents yet.");
  if (!under18)
    return _("The under-18 pack has no contents yet.");
  /* not reached with the core's rules; say something true anyway */
  return _("Check the pack contents.");
}

static int
compare_outstanding (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const HpPlanInput *input = user_data;
  const HpPlanGift *x = &input->gifts[*(const guint *) a];
  const HpPlanGift *y = &input->gifts[*(const guint *) b];
  gint64 ox = x->pledged - MAX (x->received, 0);
  gint64 oy = y->pledged - MAX (y->received, 0);

  /* largest first, then in input order (by sponsor name) */
  if (ox != oy)
    return ox > oy ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

#define MAX_SPONSORS_NAMED 3

/* Returns: (transfer full): who pledged pieces of @item_id and has not
 * delivered them all yet, largest open pledge first. */
static char *
dup_open_pledges (const HpPlanInput *input,
                  gint64             item_id)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint g = 0; g < input->n_gifts; g++)
    if (input->gifts[g].item_id == item_id &&
        input->gifts[g].pledged - MAX (input->gifts[g].received, 0) > 0)
      g_array_append_val (open, g);

  if (open->len == 0)
    return g_strdup (_("Nobody pledged more of it: find another sponsor."));

  g_array_sort_with_data (open, compare_outstanding, (gpointer) input);
  for (guint i = 0; i < MIN (open->len, MAX_SPONSORS_NAMED); i++)
    {
      const HpPlanGift *gift = &input->gifts[g_array_index (open, guint, i)];
      g_autofree char *pieces = _hp_plan_page_format_count (gift->pledged - MAX (gift->received, 0));

      if (names->len > 0)
        g_string_append (names, ", ");
      /* Translators: a sponsor and the pieces they still owe, e.g. "Brauerei Veltins (300)" */
      g_string_append_printf (names, _("%s (%s)"), gift->sponsor_name ? gift->sponsor_name : "", pieces);
    }
  if (open->len > MAX_SPONSORS_NAMED)
    {
      guint more = open->len - MAX_SPONSORS_NAMED;
      g_autofree char *text = NULL;

      /* Translators: after the names of sponsors, e.g. "A (3), B (2), C (1) and 4 more" */
      text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, " and %s more", " and %s more", more), more);
      g_string_append (names, text);
    }

  /* Translators: %s is a list of sponsors, e.g. "Brauerei Veltins (300), Sauerland Socken (120)" */
  return g_strdup_printf (_("Pledged, not delivered yet: %s"), names->str);
}

static void
show_bottleneck (HpPlanPage *self,
                 gboolean    falls_short)
{
  const HpPlanInput *input = self->input;
  const HpPlan *plan = self->plan;

  gtk_widget_set_visible (GTK_WIDGET (self->pack_contents_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->bottleneck_sponsors_label), FALSE);

  if (plan->bottleneck_item_id != 0)
    {
      const HpPlanItem *item = &input->items[plan->bottleneck_item];
      gint64 shortfall = plan->items[plan->bottleneck_item].shortfall;
      g_autofree char *pieces = _hp_plan_page_format_count (shortfall);
      g_autofree char *missing = NULL;
      g_autofree char *sponsors = NULL;

      gtk_label_set_label (self->bottleneck_label, item->name ? item->name : "");
      /* Translators: %s is a number of pieces */
      missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s piece missing", "%s pieces missing",
                                              (gulong) MIN (shortfall, G_MAXLONG)),
                                 pieces);
      gtk_label_set_label (self->bottleneck_detail_label, missing);

      sponsors = dup_open_pledges (input, item->item_id);
      gtk_label_set_label (self->bottleneck_sponsors_label, sponsors);
      gtk_widget_set_visible (GTK_WIDGET (self->bottleneck_sponsors_label), TRUE);
    }
  else if (falls_short)
    {
      /* only a variant without pack lines falls short */
      /* Translators: no bottleneck item */
      gtk_label_set_label (self->bottleneck_label, C_("bottleneck", "None"));
      gtk_label_set_label (self->bottleneck_detail_label, describe_empty_variant (input));
      gtk_widget_set_visible (GTK_WIDGET (self->pack_contents_button), TRUE);
    }
  else
    {
      gtk_label_set_label (self->bottleneck_label, C_("bottleneck", "None"));
      gtk_label_set_label (self->bottleneck_detail_label, _("Every pack needed can be built."));
    }
}

static void
show_figures (HpPlanPage *self)
{
  const HpPlan *plan = self->plan;
  guint64 needed = (guint64) plan->needed_standard + plan->needed_under18;
  guint64 buildable = (guint64) plan->buildable_standard + plan->buildable_under18;
  g_autofree char *needed_text = _hp_plan_page_format_count (needed);
  g_autofree char *buildable_text = _hp_plan_page_format_count (buildable);
  g_autofree char *text = NULL;

  gtk_label_set_label (self->needed_label, needed_text);
  gtk_label_set_label (self->buildable_label, buildable_text);

  {
    g_autofree char *standard = _hp_plan_page_format_count (plan->needed_standard);
    g_autofree char *under18 = _hp_plan_page_format_count (plan->needed_under18);

    /* Translators: packs; the first %s is the standard packs, the second the under-18 packs */
    text = g_strdup_printf (_("%s standard · %s under 18"), standard, under18);
    gtk_label_set_label (self->needed_detail_label, text);
    g_clear_pointer (&text, g_free);
  }
  {
    g_autofree char *standard = _hp_plan_page_format_count (plan->buildable_standard);
    g_autofree char *under18 = _hp_plan_page_format_count (plan->buildable_under18);

    text = g_strdup_printf (_("%s standard · %s under 18"), standard, under18);
    gtk_label_set_label (self->buildable_detail_label, text);
    g_clear_pointer (&text, g_free);
  }

  /* Where the packs went: recorded hand-overs, and the graduates ticked */
  {
    guint64 delivered = (guint64) plan->delivered_standard + plan->delivered_under18;
    guint64 handed_out = (guint64) plan->handed_out_standard + plan->handed_out_under18;
    g_autofree char *delivered_text = _hp_plan_page_format_count (delivered);
    g_autofree char *standard = _hp_plan_page_format_count (plan->delivered_standard);
    g_autofree char *under18 = _hp_plan_page_format_count (plan->delivered_under18);
    g_autofree char *handed_out_text = _hp_plan_page_format_count (handed_out);

    gtk_label_set_label (self->delivered_label, delivered_text);
    text = g_strdup_printf (_("%s standard · %s under 18"), standard, under18);
    gtk_label_set_label (self->delivered_detail_label, text);
    g_clear_pointer (&text, g_free);
    /* Translators: under the packs handed over to schools; %s is a number
     * of packs that graduates were ticked as having received */
    text = g_strdup_printf (_("Handed out to graduates (ticked as received): %s"), handed_out_text);
    gtk_label_set_label (self->handed_out_label, text);
    g_clear_pointer (&text, g_free);
  }

  if (plan->spare_percent > 0)
    /* Translators: under the packs needed; %u is the campaign's spare
     * percentage, e.g. "5 % spares included" */
    text = g_strdup_printf (_("%u %% spares included"), plan->spare_percent);
  else
    text = g_strdup (_("No spare packs"));
  gtk_label_set_label (self->spare_label, text);

  if (buildable < needed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->buildable_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->buildable_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->buildable_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->buildable_label), "success");
    }

  show_bottleneck (self, buildable < needed);
}

static void
show_plan (HpPlanPage     *self,
           gint64          campaign_id,
           HpPlanInput    *input,
           HpPlan         *plan,
           HpPlanPageRows *rows)
{
  g_clear_pointer (&self->plan, hp_plan_free);
  g_clear_pointer (&self->input, hp_plan_input_free);
  self->input = input;
  self->plan = plan;
  self->plan_campaign_id = campaign_id;

  show_figures (self);
  _hp_plan_page_fill_tables (self, rows);

  if (input->n_items == 0)
    show_empty (self,
                _("No Pack Contents"),
                _("Set the pack contents first: which items go into a pack, and how many pieces of each."),
                _("_Open Pack Contents"), "win.show-pack-contents", NULL);
  else if (input->n_schools == 0)
    show_empty (self,
                _("No Schools"),
                _("Add or import the schools that take part, with their expected number of graduates."),
                _("Go to _Schools"), "win.show-page", "schools");
  else
    gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
clear_plan (HpPlanPage *self)
{
  g_clear_pointer (&self->plan, hp_plan_free);
  g_clear_pointer (&self->input, hp_plan_input_free);
  self->plan_campaign_id = 0;
  g_list_store_remove_all (self->items);
  g_list_store_remove_all (self->schools);
  g_list_store_remove_all (self->chases);
}

/* ------------------------------------------------------------------------ */
/* Computing                                                                 */

typedef struct
{
  HpStore *store;
  gint64   campaign_id;
} LoadData;

typedef struct
{
  HpPlanInput    *input;
  HpPlan         *plan;
  HpPlanPageRows *rows;     /* the tables' rows: 3,500 schools' take 17 ms to make */
} LoadResult;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->plan, hp_plan_free);
  g_clear_pointer (&result->input, hp_plan_input_free);
  g_clear_pointer (&result->rows, _hp_plan_page_rows_free);
  g_free (result);
}

/* Worker thread: touches only the store's thread-safe reads. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  input = hp_plan_input_load (load->store, load->campaign_id, &error);
  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (LoadResult, 1);
  result->plan = hp_plan_compute (input);
  result->rows = _hp_plan_page_build_rows (input, result->plan);
  result->input = g_steal_pointer (&input);
  g_task_return_pointer (task, result, load_result_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);
  GTask *task = G_TASK (res);
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  result = g_task_propagate_pointer (task, &error);
  if (result == NULL)
    {
      /* a newer computation (or none) took over */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("Could not compute the plan: %s", error->message);
      g_clear_object (&self->cancellable);
      clear_plan (self);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_loading (self, FALSE);
      return;
    }

  g_clear_object (&self->cancellable);
  show_plan (self, load->campaign_id, g_steal_pointer (&result->input), g_steal_pointer (&result->plan),
             result->rows);
  load_result_free (result);
  self->n_computed++;
  set_loading (self, FALSE);

  /* filled behind another tab: measured now, not in the frame that shows it */
  hp_page_warm_soon (GTK_WIDGET (self), &self->warm_source);
}

static void
start_load (HpPlanPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;
  gint64 campaign_id;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->campaign == NULL)
    {
      self->dirty = FALSE;
      clear_plan (self);
      show_no_campaign (self);
      set_loading (self, FALSE);
      return;
    }

  /* The first plan of a campaign is computed at once, also behind another
   * tab, so that the tab opens on its figures; after a change, a hidden
   * page computes again when it is shown, and shows the old plan until
   * then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      self->plan != NULL && self->plan_campaign_id == hp_campaign_get_id (self->campaign))
    {
      self->dirty = TRUE;
      set_loading (self, FALSE);
      return;
    }

  self->dirty = FALSE;
  campaign_id = hp_campaign_get_id (self->campaign);

  /* A new plan of the campaign shown replaces the old one when it is
   * ready; only another campaign's plan goes at once. */
  if (self->plan == NULL || self->plan_campaign_id != campaign_id)
    {
      clear_plan (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  set_loading (self, TRUE);

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (self->store);
  load->campaign_id = campaign_id;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_name (task, "[hp] plan");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  HpPlanPage *self = HP_PLAN_PAGE (user_data);

  self->reload_source = 0;
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HpPlanPage     *self,
                  HpStoreChanges  changes,
                  HpStore        *store)
{
  /* any kind of row can change the plan; a burst of writes computes once */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hp_plan_page_reload (HP_PLAN_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_plan_page_new:
 * @store: the store
 * @campaign: (nullable): the campaign to plan
 */
GtkWidget *
hp_plan_page_new (HpStore    *store,
                  HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (!campaign || HP_IS_CAMPAIGN (campaign), NULL);

  return g_object_new (HP_TYPE_PLAN_PAGE,
                       "store", store,
                       "campaign", campaign,
                       NULL);
}

HpStore *
hp_plan_page_get_store (HpPlanPage *self)
{
  g_return_val_if_fail (HP_IS_PLAN_PAGE (self), NULL);

  return self->store;
}

HpCampaign *
hp_plan_page_get_campaign (HpPlanPage *self)
{
  g_return_val_if_fail (HP_IS_PLAN_PAGE (self), NULL);

  return self->campaign;
}

/**
 * hp_plan_page_set_campaign:
 * @campaign: (nullable): the campaign to plan
 *
 * Plans @campaign instead (computed again even for the same campaign: its
 * figures may have changed).
 */
void
hp_plan_page_set_campaign (HpPlanPage *self,
                           HpCampaign *campaign)
{
  g_return_if_fail (HP_IS_PLAN_PAGE (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  /* during construction, constructed() takes over */
  if (self->store != NULL)
    start_load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * hp_plan_page_get_loading:
 *
 * Returns: whether a plan is being computed.
 */
gboolean
hp_plan_page_get_loading (HpPlanPage *self)
{
  g_return_val_if_fail (HP_IS_PLAN_PAGE (self), FALSE);

  return self->loading;
}

/**
 * hp_plan_page_reload:
 *
 * Computes the plan again (when the page is on screen; else once it is).
 */
void
hp_plan_page_reload (HpPlanPage *self)
{
  g_return_if_fail (HP_IS_PLAN_PAGE (self));

  start_load (self);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-plan-page-private.h)                                        */

const HpPlan *
_hp_plan_page_get_plan (HpPlanPage *self)
{
  return self->plan;
}

guint
_hp_plan_page_get_n_computed (HpPlanPage *self)
{
  return self->n_computed;
}

GtkStack *
_hp_plan_page_get_stack (HpPlanPage *self)
{
  return self->stack;
}

AdwStatusPage *
_hp_plan_page_get_empty_page (HpPlanPage *self)
{
  return self->empty_page;
}

GtkButton *
_hp_plan_page_get_empty_button (HpPlanPage *self)
{
  return self->empty_button;
}

GtkStack *
_hp_plan_page_get_tables_stack (HpPlanPage *self)
{
  return self->tables_stack;
}

GtkLabel *
_hp_plan_page_get_delivered_label (HpPlanPage *self)
{
  return self->delivered_label;
}

GtkLabel *
_hp_plan_page_get_handed_out_label (HpPlanPage *self)
{
  return self->handed_out_label;
}

GtkLabel *
_hp_plan_page_get_needed_label (HpPlanPage *self)
{
  return self->needed_label;
}

GtkLabel *
_hp_plan_page_get_buildable_label (HpPlanPage *self)
{
  return self->buildable_label;
}

GtkLabel *
_hp_plan_page_get_bottleneck_label (HpPlanPage *self)
{
  return self->bottleneck_label;
}

GtkLabel *
_hp_plan_page_get_bottleneck_detail_label (HpPlanPage *self)
{
  return self->bottleneck_detail_label;
}

GtkLabel *
_hp_plan_page_get_bottleneck_sponsors_label (HpPlanPage *self)
{
  return self->bottleneck_sponsors_label;
}

GtkButton *
_hp_plan_page_get_pack_contents_button (HpPlanPage *self)
{
  return self->pack_contents_button;
}

GtkLabel *
_hp_plan_page_get_spare_label (HpPlanPage *self)
{
  return self->spare_label;
}

GtkStack *
_hp_plan_page_get_chase_content_stack (HpPlanPage *self)
{
  return self->chase_content_stack;
}

GtkLabel *
_hp_plan_page_get_chase_label (HpPlanPage *self)
{
  return self->chase_label;
}

GtkColumnView *
_hp_plan_page_get_item_view (HpPlanPage *self)
{
  return self->item_view;
}

GtkColumnView *
_hp_plan_page_get_school_view (HpPlanPage *self)
{
  return self->school_view;
}

GtkColumnView *
_hp_plan_page_get_chase_view (HpPlanPage *self)
{
  return self->chase_view;
}

GListModel *
_hp_plan_page_get_item_model (HpPlanPage *self)
{
  return G_LIST_MODEL (self->items);
}

GListModel *
_hp_plan_page_get_school_model (HpPlanPage *self)
{
  return G_LIST_MODEL (self->schools);
}

GListModel *
_hp_plan_page_get_chase_model (HpPlanPage *self)
{
  return G_LIST_MODEL (self->chases);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_plan_page_map (GtkWidget *widget)
{
  HpPlanPage *self = HP_PLAN_PAGE (widget);

  GTK_WIDGET_CLASS (hp_plan_page_parent_class)->map (widget);

  if (self->dirty && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
hp_plan_page_constructed (GObject *object)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);

  G_OBJECT_CLASS (hp_plan_page_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start_load (self);
}

static void
hp_plan_page_dispose (GObject *object)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), HP_TYPE_PLAN_PAGE);

  g_clear_object (&self->items);
  g_clear_object (&self->schools);
  g_clear_object (&self->chases);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_plan_page_parent_class)->dispose (object);
}

static void
hp_plan_page_finalize (GObject *object)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);

  g_clear_pointer (&self->plan, hp_plan_free);
  g_clear_pointer (&self->input, hp_plan_input_free);

  G_OBJECT_CLASS (hp_plan_page_parent_class)->finalize (object);
}

static void
hp_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HpPlanPage *self = HP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      hp_plan_page_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_plan_page_class_init (HpPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hp_plan_page_constructed;
  object_class->dispose = hp_plan_page_dispose;
  object_class->finalize = hp_plan_page_finalize;
  object_class->get_property = hp_plan_page_get_property;
  object_class->set_property = hp_plan_page_set_property;

  widget_class->map = hp_plan_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-plan-page.ui");
  g_type_ensure (HP_TYPE_SIZE_BOUNDARY);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, needed_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, needed_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, spare_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, buildable_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, buildable_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, delivered_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, delivered_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, handed_out_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, bottleneck_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, bottleneck_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, bottleneck_sponsors_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, pack_contents_button);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, tables_stack);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, chase_content_stack);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, schools_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, chase_label);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, item_view);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, school_view);
  gtk_widget_class_bind_template_child (widget_class, HpPlanPage, chase_view);

  gtk_widget_class_install_action (widget_class, "plan.reload", NULL, reload_action);
}

static void
hp_plan_page_init (HpPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _hp_plan_page_set_up_tables (self);
}
