/* test-plan-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning page, in-process under Xvfb: the figures agree with
 * hp_plan_compute() over hp_plan_input_load(), the tables have a row per
 * recipe product and school, the allocation adds up, the page follows the
 * store without a reload, and its empty states point at the next step.
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-plan-page-private.h"
#include "hp-plan-row.h"
#include "hp-ui-test-utils.h"
#include "hp-window-private.h"

#define WAIT_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* NULL for a file without campaign */
  GtkWindow  *window;
  HpPlanPage *page;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

typedef struct
{
  HpPlanPage *page;
  guint       n_computed;
} Computed;

static gboolean
computed (gpointer data)
{
  Computed *c = data;

  return _hp_plan_page_get_n_computed (c->page) >= c->n_computed && !hp_plan_page_get_loading (c->page);
}

static void
wait_for_computed (HpPlanPage *page,
                   guint       n_computed)
{
  Computed c = { page, n_computed };

  hp_ui_test_wait_until (computed, &c, WAIT_TIMEOUT_USEC, "The plan was not computed in time");
}

static HpPlan *
compute_expected (Fixture *fixture)
{
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(GError) error = NULL;

  input = hp_plan_input_load (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);

  return hp_plan_compute (input);
}

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
show_page (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->page = HP_PLAN_PAGE (hp_plan_page_new (fixture->store, fixture->campaign));
  g_object_ref (fixture->page);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  hp_ui_test_present (fixture->window);
}

static void
fixture_setup_demo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->campaign = hp_demo_fill (fixture->store, HP_DEMO_SCALE_DISTRICT, 42, &error);
  g_assert_no_error (error);
  show_page (fixture);
  wait_for_computed (fixture->page, 1);
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  show_page (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  wait_for_computed (fixture->page, 0);

  gtk_window_destroy (fixture->window);
  hp_ui_test_drain_main_context ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->page);

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static guint64
sum_allocated (GListModel *schools)
{
  guint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpPlanRow) row = g_list_model_get_item (schools, i);

      sum += hp_plan_row_get (row, HP_PLAN_ROW_ALLOCATED_STANDARD);
      sum += hp_plan_row_get (row, HP_PLAN_ROW_ALLOCATED_UNDER18);
    }

  return sum;
}

static void
test_plan_page_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HpPlan) expected = compute_expected (fixture);
  const HpPlan *shown = _hp_plan_page_get_plan (fixture->page);
  g_autoptr(GListModel) recipe = NULL;
  g_autoptr(GError) error = NULL;
  guint64 needed = (guint64) expected->needed_standard + expected->needed_under18;
  guint64 buildable = (guint64) expected->buildable_standard + expected->buildable_under18;
  g_autofree char *needed_text = format_count (needed);
  g_autofree char *buildable_text = format_count (buildable);
  GListModel *products = _hp_plan_page_get_product_model (fixture->page);
  GListModel *schools = _hp_plan_page_get_school_model (fixture->page);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (_hp_plan_page_get_stack (fixture->page)), ==, "plan");

  /* the headline */
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->needed_standard, ==, expected->needed_standard);
  g_assert_cmpuint (shown->needed_under18, ==, expected->needed_under18);
  g_assert_cmpuint (shown->buildable_standard, ==, expected->buildable_standard);
  g_assert_cmpuint (shown->buildable_under18, ==, expected->buildable_under18);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_needed_label (fixture->page)), ==, needed_text);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_buildable_label (fixture->page)), ==, buildable_text);

  /* the district demo falls short on purpose: a bottleneck is named */
  g_assert_cmpuint (buildable, <, needed);
  g_assert_cmpint (expected->bottleneck_product_id, !=, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_hp_plan_page_get_buildable_label (fixture->page)),
                                           "warning"));
  for (guint p = 0; p < g_list_model_get_n_items (products); p++)
    if (expected->products[p].product_id == expected->bottleneck_product_id)
      {
        g_autoptr(HpPlanRow) row = g_list_model_get_item (products, p);

        g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_label (fixture->page)), ==,
                         hp_plan_row_get_name (row));
        g_assert_cmpint (hp_plan_row_get (row, HP_PLAN_ROW_SHORTFALL), >, 0);
        g_assert_cmpfloat (hp_plan_row_get_fraction (row), <, 1.0);
      }

  /* one product row per recipe line, in packing order */
  recipe = hp_store_list_recipe (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, g_list_model_get_n_items (recipe));
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, expected->n_products);
  for (guint p = 0; p < expected->n_products; p++)
    {
      g_autoptr(HpPlanRow) row = g_list_model_get_item (products, p);

      g_assert_cmpint (hp_plan_row_get (row, HP_PLAN_ROW_NEEDED), ==, expected->products[p].needed);
      g_assert_cmpint (hp_plan_row_get (row, HP_PLAN_ROW_TO_CHASE), ==, expected->products[p].to_chase);
    }
  /* the bar column comes after the figures */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (_hp_plan_page_get_product_view (fixture->page))),
                    ==, 9);

  /* one row per school; the allocation adds up to what can be built */
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, expected->n_schools);
  g_assert_cmpuint (sum_allocated (schools), ==, buildable);

  /* something is missing, so there is someone to ask */
  g_assert_cmpuint (g_list_model_get_n_items (_hp_plan_page_get_chase_model (fixture->page)), >, 0);
  g_assert_true (gtk_widget_get_visible (gtk_stack_get_child_by_name (_hp_plan_page_get_tables_stack (fixture->page),
                                                                      "chase")));
}

static void
test_plan_page_follows_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HpPlan) before = compute_expected (fixture);
  g_autoptr(HpPlan) after = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  guint n_computed = _hp_plan_page_get_n_computed (fixture->page);
  const HpPlan *shown;
  gint64 shortfall = 0;

  g_assert_cmpint (before->bottleneck_product_id, !=, 0);
  for (guint p = 0; p < before->n_products; p++)
    if (before->products[p].product_id == before->bottleneck_product_id)
      shortfall = before->products[p].shortfall;
  g_assert_cmpint (shortfall, >, 0);

  /* the bottleneck's sponsor delivers what was missing */
  receipt = hp_store_book_receipt (fixture->store, hp_campaign_get_id (fixture->campaign),
                                   before->bottleneck_product_id, "2027-05-02", shortfall,
                                   "Lieferschein 4711", &error);
  g_assert_no_error (error);
  g_assert_nonnull (receipt);

  /* no reload asked for */
  wait_for_computed (fixture->page, n_computed + 1);

  after = compute_expected (fixture);
  shown = _hp_plan_page_get_plan (fixture->page);
  g_assert_cmpuint ((guint64) after->buildable_standard + after->buildable_under18, >,
                    (guint64) before->buildable_standard + before->buildable_under18);
  g_assert_cmpuint (shown->buildable_standard, ==, after->buildable_standard);
  g_assert_cmpuint (shown->buildable_under18, ==, after->buildable_under18);
  g_assert_cmpint (shown->bottleneck_product_id, !=, before->bottleneck_product_id);
  g_assert_cmpuint (sum_allocated (_hp_plan_page_get_school_model (fixture->page)), ==,
                    (guint64) after->buildable_standard + after->buildable_under18);

  /* a burst of writes is computed once, after the burst */
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HpReceipt) more = hp_store_book_receipt (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                         before->products[i].product_id, "2027-05-03", 1,
                                                         NULL, &error);
      g_assert_no_error (error);
    }
  hp_store_commit (fixture->store, &error);
  g_assert_no_error (error);
  wait_for_computed (fixture->page, n_computed + 1);
  g_assert_cmpuint (_hp_plan_page_get_n_computed (fixture->page), ==, n_computed + 1);
}

static void
test_plan_page_campaign_switch (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkStack *stack = _hp_plan_page_get_stack (fixture->page);
  AdwStatusPage *empty = _hp_plan_page_get_empty_page (fixture->page);
  GtkButton *button = _hp_plan_page_get_empty_button (fixture->page);
  g_autoptr(HpCampaign) bare = hp_campaign_new ("Leere Aktion 2028", 2028);
  g_autoptr(GError) error = NULL;
  guint n_computed;

  /* a campaign without recipe: the way to the products page */
  hp_store_add_campaign (fixture->store, bare, &error);
  g_assert_no_error (error);
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_plan_page_set_campaign (fixture->page, bare);
  wait_for_computed (fixture->page, n_computed + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Pack Recipe");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-page");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                   ==, "products");
  g_assert_cmpuint (g_list_model_get_n_items (_hp_plan_page_get_product_model (fixture->page)), ==, 0);

  /* and back */
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_plan_page_set_campaign (fixture->page, fixture->campaign);
  wait_for_computed (fixture->page, n_computed + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");

  /* no campaign at all */
  hp_plan_page_set_campaign (fixture->page, NULL);
  g_assert_false (hp_plan_page_get_loading (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Campaign Yet");
  g_assert_null (_hp_plan_page_get_plan (fixture->page));
}

static void
test_plan_page_no_campaign (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkStack *stack = _hp_plan_page_get_stack (fixture->page);
  GtkButton *button = _hp_plan_page_get_empty_button (fixture->page);

  g_assert_false (hp_plan_page_get_loading (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (_hp_plan_page_get_empty_page (fixture->page)), ==,
                   "No Campaign Yet");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-campaign");
  g_assert_null (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));

  /* writes to an empty file start nothing */
  {
    g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
    g_autoptr(GError) error = NULL;

    hp_store_add_campaign (fixture->store, campaign, &error);
    g_assert_no_error (error);
    hp_ui_test_drain_main_context ();
    g_assert_false (hp_plan_page_get_loading (fixture->page));
    g_assert_cmpuint (_hp_plan_page_get_n_computed (fixture->page), ==, 0);
  }
}

/* In the window: the fifth page, computed when it is first shown. */
static void
test_plan_page_in_window (void)
{
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlan) expected = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  HpWindow *window;
  AdwViewStack *stack;
  HpPlanPage *page;

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, 7, &error);
  g_assert_no_error (error);

  window = g_object_ref (hp_window_new (NULL, store));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  stack = _hp_window_get_view_stack (window);
  page = HP_PLAN_PAGE (adw_view_stack_get_child_by_name (stack, "plan"));
  g_assert_nonnull (page);
  g_assert_true (hp_plan_page_get_campaign (page) == hp_window_get_campaign (window));

  /* hidden: nothing computed yet */
  g_assert_cmpuint (_hp_plan_page_get_n_computed (page), ==, 0);
  g_assert_false (hp_plan_page_get_loading (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "plan");
  wait_for_computed (page, 1);

  input = hp_plan_input_load (store, hp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  expected = hp_plan_compute (input);
  g_assert_cmpuint (_hp_plan_page_get_plan (page)->buildable_standard, ==, expected->buildable_standard);
  g_assert_cmpuint (_hp_plan_page_get_plan (page)->needed_under18, ==, expected->needed_under18);

  /* win.reload computes again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_for_computed (page, 2);

  /* the table pages load too: wait for them before closing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sponsors");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const names[] = { "sponsors", "products", "schools", "graduates" };
      HpTablePage *table = _hp_window_get_page (window, names[i]);
      gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_USEC;

      while (hp_table_page_get_loading (table))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  hp_ui_test_drain_main_context ();
  g_assert_finalize_object (window);
  g_clear_object (&campaign);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  hp_ui_test_use_system_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");

  /* Fails hard without a display: CI must run this under Xvfb. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the UI tests under xvfb-run");
  adw_init ();

  g_test_add ("/heimpack/plan-page/demo", Fixture, NULL,
              fixture_setup_demo, test_plan_page_demo, fixture_teardown);
  g_test_add ("/heimpack/plan-page/follows-store", Fixture, NULL,
              fixture_setup_demo, test_plan_page_follows_store, fixture_teardown);
  g_test_add ("/heimpack/plan-page/campaign-switch", Fixture, NULL,
              fixture_setup_demo, test_plan_page_campaign_switch, fixture_teardown);
  g_test_add ("/heimpack/plan-page/no-campaign", Fixture, NULL,
              fixture_setup_empty, test_plan_page_no_campaign, fixture_teardown);
  g_test_add_func ("/heimpack/plan-page/in-window", test_plan_page_in_window);

  return g_test_run ();
}
