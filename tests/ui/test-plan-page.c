/* test-plan-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning page, in-process under Xvfb: the figures agree with
 * hp_plan_compute() over hp_plan_input_load(), the tables have a row per
 * item of the pack contents and per school, the allocation adds up, the
 * chase list is the core's, the page follows the store without a reload,
 * and its empty states point at the next step. A small drive worked by hand
 * checks the pooled item figures, the bottleneck card, each school's basis
 * and the spares note, and that marking a school's list complete on the
 * schools page changes its figure here.
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-columns.h"
#include "hp-pack-page-private.h"
#include "hp-plan-page-private.h"
#include "hp-plan-row.h"
#include "hp-reveal-model.h"
#include "hp-schools-page.h"
#include "hp-table-page-private.h"
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
  /* the language's grouping (English here: 2,145), as every count in the
   * window; test-format checks hp_format_count() itself */
  return hp_format_count ((gint64) n);
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

static void fixture_setup_pooled (Fixture *fixture, gconstpointer data);

/* The pooled drive with the schools page beside the plan. */
static void
fixture_setup_pooled_shown (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *schools;

  fixture_setup_pooled (fixture, data);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1400, 700);
  fixture->page = HP_PLAN_PAGE (hp_plan_page_new (fixture->store, fixture->campaign));
  g_object_ref (fixture->page);
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->page), TRUE);
  schools = hp_schools_page_new (fixture->store, fixture->campaign);
  gtk_widget_set_hexpand (schools, TRUE);
  g_object_set_data (G_OBJECT (fixture->window), "schools-page", schools);
  gtk_box_append (GTK_BOX (box), schools);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->page));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  gtk_window_set_child (fixture->window, overlay);
  hp_ui_test_present (fixture->window);
  wait_for_computed (fixture->page, 1);
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

/* The chase rows the page must show: the core's chase lines, and after an
 * item's lines what nobody pledged of it. */
static guint
expected_chase_rows (const HpPlan *plan)
{
  guint n = plan->n_chase;

  for (guint i = 0; i < plan->n_items; i++)
    n += plan->items[i].unpledged > 0;

  return n;
}

static void
test_plan_page_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) expected = NULL;
  const HpPlan *shown = _hp_plan_page_get_plan (fixture->page);
  g_autoptr(GListModel) recipe = NULL;
  g_autoptr(GError) error = NULL;
  guint64 needed, buildable;
  g_autofree char *needed_text = NULL;
  g_autofree char *buildable_text = NULL;
  GListModel *items = _hp_plan_page_get_item_model (fixture->page);
  GListModel *schools = _hp_plan_page_get_school_model (fixture->page);
  GListModel *chases = _hp_plan_page_get_chase_model (fixture->page);
  const char *sponsors_text;
  gint64 shortfall = 0;
  guint row = 0;

  input = hp_plan_input_load (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  expected = hp_plan_compute (input);
  needed = (guint64) expected->needed_standard + expected->needed_under18;
  buildable = (guint64) expected->buildable_standard + expected->buildable_under18;
  needed_text = format_count (needed);
  buildable_text = format_count (buildable);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (_hp_plan_page_get_stack (fixture->page)), ==, "plan");

  /* the headline */
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->needed_standard, ==, expected->needed_standard);
  g_assert_cmpuint (shown->needed_under18, ==, expected->needed_under18);
  g_assert_cmpuint (shown->buildable_standard, ==, expected->buildable_standard);
  g_assert_cmpuint (shown->buildable_under18, ==, expected->buildable_under18);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_needed_label (fixture->page)), ==, needed_text);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_buildable_label (fixture->page)), ==, buildable_text);

  /* the district demo falls short on purpose: a bottleneck item is named,
   * with the sponsors who still owe pieces of it */
  g_assert_cmpuint (buildable, <, needed);
  g_assert_cmpint (expected->bottleneck_item_id, !=, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_hp_plan_page_get_buildable_label (fixture->page)),
                                           "warning"));
  {
    g_autoptr(HpPlanRow) bottleneck = g_list_model_get_item (items, expected->bottleneck_item);

    g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_label (fixture->page)), ==,
                     input->items[expected->bottleneck_item].name);
    g_assert_cmpstr (hp_plan_row_get_name (bottleneck), ==, input->items[expected->bottleneck_item].name);
    g_assert_cmpint (hp_plan_row_get (bottleneck, HP_PLAN_ROW_SHORTFALL), >, 0);
    g_assert_cmpfloat (hp_plan_row_get_fraction (bottleneck), <, 1.0);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hp_plan_page_get_bottleneck_sponsors_label (fixture->page))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_plan_page_get_pack_contents_button (fixture->page))));
  sponsors_text = gtk_label_get_label (_hp_plan_page_get_bottleneck_sponsors_label (fixture->page));
  for (guint g = 0; g < input->n_gifts; g++)
    if (input->gifts[g].item_id == expected->bottleneck_item_id &&
        input->gifts[g].pledged > input->gifts[g].received)
      {
        /* the largest open pledge is named first; some sponsor is named */
        g_assert_true (g_str_has_prefix (sponsors_text, "Pledged, not delivered yet: "));
        break;
      }

  /* one item row per pack line, in packing order, its figures the core's */
  recipe = hp_store_list_recipe (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_list_model_get_n_items (recipe));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, expected->n_items);
  for (guint i = 0; i < expected->n_items; i++)
    {
      g_autoptr(HpPlanRow) item = g_list_model_get_item (items, i);
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (recipe, i);

      g_assert_cmpstr (hp_plan_row_get_name (item), ==, hp_recipe_item_get_item_name (line));
      g_assert_cmpint (hp_plan_row_get (item, HP_PLAN_ROW_NEEDED), ==, expected->items[i].needed);
      g_assert_cmpint (hp_plan_row_get (item, HP_PLAN_ROW_RECEIVED), ==, expected->items[i].received);
      g_assert_cmpint (hp_plan_row_get (item, HP_PLAN_ROW_TO_CHASE), ==, expected->items[i].to_chase);
      shortfall += expected->items[i].shortfall;
    }
  /* item, per pack, per U18 pack, needed, received, the bar, shortfall, to
   * chase, sponsors */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (_hp_plan_page_get_item_view (fixture->page))),
                    ==, 9);

  /* one row per school; the allocation adds up to what can be built */
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, expected->n_schools);
  g_assert_cmpuint (sum_allocated (schools), ==, buildable);

  /* where the packs went: the demo recorded two hand-overs (one partial)
   * and one school ticked its list; the card and the school rows are the
   * core's figures */
  {
    guint64 delivered = (guint64) expected->delivered_standard + expected->delivered_under18;
    guint64 handed_out = (guint64) expected->handed_out_standard + expected->handed_out_under18;
    g_autofree char *delivered_text = format_count (delivered);
    g_autofree char *handed_out_text = format_count (handed_out);
    gint64 delivered_rows = 0;
    gint64 handed_out_rows = 0;

    g_assert_cmpuint (delivered, >, 0);
    g_assert_cmpuint (handed_out, >, 0);
    g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_delivered_label (fixture->page)), ==, delivered_text);
    g_assert_true (g_str_has_suffix (gtk_label_get_label (_hp_plan_page_get_handed_out_label (fixture->page)),
                                     handed_out_text));
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpPlanRow) school = g_list_model_get_item (schools, i);

        delivered_rows += hp_plan_row_get (school, HP_PLAN_ROW_DELIVERED);
        handed_out_rows += hp_plan_row_get (school, HP_PLAN_ROW_HANDED_OUT);
      }
    g_assert_cmpint (delivered_rows, ==, (gint64) delivered);
    g_assert_cmpint (handed_out_rows, ==, (gint64) handed_out);
  }

  /* something is missing: the chase list is the core's, line by line, and
   * with what nobody pledged it adds up to the shortfall */
  g_assert_cmpuint (g_list_model_get_n_items (chases), ==, expected_chase_rows (expected));
  g_assert_cmpuint (g_list_model_get_n_items (chases), >, 0);
  for (guint i = 0, c = 0; i < expected->n_items; i++)
    {
      for (; c < expected->n_chase && expected->chase[c].item == i; c++, row++)
        {
          g_autoptr(HpPlanRow) chase = g_list_model_get_item (chases, row);

          g_assert_cmpstr (hp_plan_row_get_name (chase), ==, input->items[i].name);
          g_assert_cmpstr (hp_plan_row_get_detail (chase), ==, input->gifts[expected->chase[c].gift].sponsor_name);
          g_assert_cmpint (hp_plan_row_get (chase, HP_PLAN_ROW_TO_CHASE), ==, expected->chase[c].quantity);
          shortfall -= expected->chase[c].quantity;
        }
      if (expected->items[i].unpledged > 0)
        {
          g_autoptr(HpPlanRow) nobody = g_list_model_get_item (chases, row++);

          g_assert_cmpstr (hp_plan_row_get_name (nobody), ==, input->items[i].name);
          g_assert_cmpstr (hp_plan_row_get_detail (nobody), ==, "Nobody pledged these");
          g_assert_cmpint (hp_plan_row_get (nobody, HP_PLAN_ROW_TO_CHASE), ==, expected->items[i].unpledged);
          shortfall -= expected->items[i].unpledged;
        }
    }
  g_assert_cmpint (shortfall, ==, 0);
  g_assert_true (gtk_widget_get_visible (gtk_stack_get_child_by_name (_hp_plan_page_get_tables_stack (fixture->page),
                                                                      "chase")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_hp_plan_page_get_chase_content_stack (fixture->page)), ==,
                   "list");
}

static void
test_plan_page_follows_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) before = NULL;
  g_autoptr(HpPlan) after = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  guint n_computed = _hp_plan_page_get_n_computed (fixture->page);
  const HpPlan *shown;
  gint64 shortfall;
  gint64 gift_id = 0;

  input = hp_plan_input_load (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  before = hp_plan_compute (input);
  g_assert_cmpint (before->bottleneck_item_id, !=, 0);
  shortfall = before->items[before->bottleneck_item].shortfall;
  g_assert_cmpint (shortfall, >, 0);
  for (guint g = 0; g < input->n_gifts && gift_id == 0; g++)
    if (input->gifts[g].item_id == before->bottleneck_item_id)
      gift_id = input->gifts[g].product_id;
  g_assert_cmpint (gift_id, !=, 0);

  /* one of the bottleneck item's sponsors delivers what was missing */
  receipt = hp_store_book_receipt (fixture->store, hp_campaign_get_id (fixture->campaign),
                                   gift_id, "2027-05-02", shortfall, "Lieferschein 4711", &error);
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
  g_assert_cmpint (shown->bottleneck_item_id, !=, before->bottleneck_item_id);
  g_assert_cmpuint (sum_allocated (_hp_plan_page_get_school_model (fixture->page)), ==,
                    (guint64) after->buildable_standard + after->buildable_under18);

  /* a burst of writes is computed once, after the burst */
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HpReceipt) more = hp_store_book_receipt (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                         input->gifts[i].product_id, "2027-05-03", 1,
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

  /* a campaign without pack contents: the way to the pack contents page */
  hp_store_add_campaign (fixture->store, bare, &error);
  g_assert_no_error (error);
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_plan_page_set_campaign (fixture->page, bare);
  wait_for_computed (fixture->page, n_computed + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Pack Contents");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-pack-contents");
  g_assert_null (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
  g_assert_cmpuint (g_list_model_get_n_items (_hp_plan_page_get_item_model (fixture->page)), ==, 0);

  /* and back */
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  hp_plan_page_set_campaign (fixture->page, fixture->campaign);
  wait_for_computed (fixture->page, n_computed + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");

  /* no campaign at all */
  hp_plan_page_set_campaign (fixture->page, NULL);
  g_assert_false (hp_plan_page_get_loading (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Create a Campaign First");
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
                   "Create a Campaign First");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-campaign");
  /* the window's banner has the blue "New Campaign" button: this one is plain */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "suggested-action"));
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

/* ------------------------------------------------------------------------ */
/* A small drive, worked by hand                                             */

static HpSponsor *
add_sponsor (HpStore    *store,
             const char *name,
             const char *phone,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  HpSponsor *sponsor = hp_sponsor_new (name);

  hp_sponsor_set_phone (sponsor, phone);
  hp_sponsor_set_email (sponsor, email);
  hp_store_add_sponsor (store, sponsor, &error);
  g_assert_no_error (error);
  return sponsor;
}

/* A gift with its pledge and what was received of it. */
static HpProduct *
add_gift (HpStore    *store,
          gint64      campaign_id,
          HpSponsor  *sponsor,
          const char *name,
          gint64      pledged,
          gint64      received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  HpProduct *product = hp_product_new (hp_sponsor_get_id (sponsor), name);

  hp_store_add_product (store, product, &error);
  g_assert_no_error (error);
  pledge = hp_pledge_new (campaign_id, hp_product_get_id (product), pledged);
  hp_pledge_set_confirmed (pledge, TRUE);
  hp_store_add_pledge (store, pledge, &error);
  g_assert_no_error (error);
  receipt = hp_store_book_receipt (store, campaign_id, hp_product_get_id (product), "2027-05-02", received,
                                   NULL, &error);
  g_assert_no_error (error);
  return product;
}

static void
add_school (HpStore    *store,
            gint64      campaign_id,
            const char *number,
            const char *name,
            int         expected,
            guint       listed)
{
  g_autoptr(HpSchool) school = hp_school_new (number, name);
  g_autoptr(GError) error = NULL;

  hp_store_add_school (store, school, &error);
  g_assert_no_error (error);
  hp_school_set_expected_graduates (school, expected);
  hp_store_set_school_campaign (store, campaign_id, school, &error);
  g_assert_no_error (error);

  /* names and birth dates are optional: counts alone work */
  for (guint i = 0; i < listed; i++)
    {
      g_autoptr(HpGraduate) graduate = hp_graduate_new (campaign_id, hp_school_get_id (school));

      hp_store_add_graduate (store, graduate, &error);
      g_assert_no_error (error);
    }
}

/* The drive of test_plan_page_pooled(): two sponsors give one item. */
static void
fixture_setup_pooled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) getraenke = NULL;
  g_autoptr(HpSponsor) brunnen = NULL;
  g_autoptr(HpSponsor) socken = NULL;
  g_autoptr(HpProduct) schorle_a = NULL;
  g_autoptr(HpProduct) schorle_b = NULL;
  g_autoptr(HpProduct) socks = NULL;
  gint64 campaign_id;
  gint64 item_ids[2];

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  hp_campaign_set_spare_percent (fixture->campaign, 5);
  hp_store_add_campaign (fixture->store, fixture->campaign, &error);
  g_assert_no_error (error);
  campaign_id = hp_campaign_get_id (fixture->campaign);

  getraenke = add_sponsor (fixture->store, "Getränke Arnsberg", "02931 1234", "info@getraenke-arnsberg.de");
  brunnen = add_sponsor (fixture->store, "Brunnen Sauerland", NULL, NULL);
  socken = add_sponsor (fixture->store, "Sauerland Socken", NULL, "socken@example.de");

  /* the same item, typed two ways by two sponsors */
  schorle_a = add_gift (fixture->store, campaign_id, getraenke, "Apfelschorle 0,33 l", 30, 20);
  schorle_b = add_gift (fixture->store, campaign_id, brunnen, " apfelschorle 0,33 L", 25, 25);
  socks = add_gift (fixture->store, campaign_id, socken, "Socken", 100, 100);
  g_assert_cmpint (hp_product_get_item_id (schorle_a), ==, hp_product_get_item_id (schorle_b));

  item_ids[0] = hp_product_get_item_id (schorle_a);
  item_ids[1] = hp_product_get_item_id (socks);
  for (guint i = 0; i < G_N_ELEMENTS (item_ids); i++)
    {
      g_autoptr(HpRecipeItem) line = hp_recipe_item_new (campaign_id, item_ids[i], 1, 1);

      hp_store_set_recipe_item (fixture->store, line, &error);
      g_assert_no_error (error);
    }

  add_school (fixture->store, campaign_id, "170001", "Gymnasium Arnsberg", 50, 10);
  add_school (fixture->store, campaign_id, "170002", "Gymnasium Brilon", 10, 12);
}

static void
fixture_teardown_pooled (Fixture       *fixture,
                         gconstpointer  data)
{
  HpTablePage *schools = g_object_get_data (G_OBJECT (fixture->window), "schools-page");

  wait_for_computed (fixture->page, 0);
  while (hp_table_page_get_loading (schools))
    g_main_context_iteration (NULL, TRUE);

  fixture_teardown (fixture, data);
}

static gboolean
schools_page_loaded (gpointer page)
{
  return !hp_table_page_get_loading (page) &&
         g_list_model_get_n_items (_hp_table_page_get_model (page)) > 0;
}

static void
assert_school_row (GListModel *schools,
                   guint       position,
                   const char *name,
                   const char *basis,
                   gint64      graduates,
                   gint64      needed)
{
  g_autoptr(HpPlanRow) row = g_list_model_get_item (schools, position);

  g_assert_cmpstr (hp_plan_row_get_name (row), ==, name);
  g_assert_cmpstr (hp_plan_row_get_note (row), ==, basis);
  g_assert_cmpint (hp_plan_row_get (row, HP_PLAN_ROW_GRADUATES), ==, graduates);
  g_assert_cmpint (hp_plan_row_get (row, HP_PLAN_ROW_NEEDED_STANDARD), ==, needed);
}

static gboolean
view_has_column (GtkColumnView *view,
                 const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Worked by hand (spares 5 %, no birth dates, so no under-18 packs):
 *
 * Schools, neither list complete yet:
 *   Gymnasium Arnsberg: expected 50, listed 10 → basis "Expected", 50
 *     graduates, needs ceil (50 × 105 / 100) = ceil (52.5) = 53 packs
 *   Gymnasium Brilon: expected 10, listed 12 → basis "List so far", 12
 *     graduates, needs ceil (12.6) = 13 packs
 *   needed 53 + 13 = 66 standard packs
 * Items, one piece of each per pack:
 *   Apfelschorle 0,33 l, given by Getränke Arnsberg (pledged 30, received
 *     20) and Brunnen Sauerland (pledged 25, received 25), one item:
 *     received 20 + 25 = 45, needed 66, shortfall 66 − 45 = 21;
 *     open pledges: Getränke Arnsberg 30 − 20 = 10, so 10 to chase from it
 *     and 21 − 10 = 11 nobody pledged
 *   Socken: received 100 ≥ 66, no shortfall
 * Buildable: min (45 / 1, 100 / 1) = 45 < 66: the bottleneck is the
 *   Apfelschorle, 21 pieces missing.
 * Allocation of 45 by need: Arnsberg floor (45 × 53 / 66) = 36 (rest .14),
 *   Brilon floor (45 × 13 / 66) = 8 (rest .86) + the 1 left over = 9.
 *
 * Marking Arnsberg's list complete on the schools page: its 10 listed
 * graduates count, basis "Complete list", ceil (10.5) = 11 packs; needed
 * 11 + 13 = 24 ≤ 45: every pack can be built, nothing to chase. */
static void
test_plan_page_pooled (Fixture       *fixture,
                       gconstpointer  data)
{
  HpTablePage *schools_page = g_object_get_data (G_OBJECT (fixture->window), "schools-page");
  GListModel *items = _hp_plan_page_get_item_model (fixture->page);
  GListModel *schools = _hp_plan_page_get_school_model (fixture->page);
  GListModel *chases = _hp_plan_page_get_chase_model (fixture->page);
  const HpPlan *plan = _hp_plan_page_get_plan (fixture->page);
  guint n_computed;

  g_assert_cmpuint (plan->needed_standard, ==, 66);
  g_assert_cmpuint (plan->needed_under18, ==, 0);
  g_assert_cmpuint (plan->buildable_standard, ==, 45);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_needed_label (fixture->page)), ==, "66");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_spare_label (fixture->page)), ==, "5 % spares included");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hp_plan_page_get_spare_label (fixture->page))));

  /* the item row pools both gifts */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  {
    g_autoptr(HpPlanRow) schorle = g_list_model_get_item (items, 0);
    g_autoptr(HpPlanRow) socks = g_list_model_get_item (items, 1);

    g_assert_cmpstr (hp_plan_row_get_name (schorle), ==, "Apfelschorle 0,33 l");
    g_assert_cmpint (hp_plan_row_get (schorle, HP_PLAN_ROW_RECEIVED), ==, 45);
    g_assert_cmpint (hp_plan_row_get (schorle, HP_PLAN_ROW_NEEDED), ==, 66);
    g_assert_cmpint (hp_plan_row_get (schorle, HP_PLAN_ROW_SHORTFALL), ==, 21);
    g_assert_cmpint (hp_plan_row_get (schorle, HP_PLAN_ROW_TO_CHASE), ==, 10);
    g_assert_cmpint (hp_plan_row_get (schorle, HP_PLAN_ROW_PER_STANDARD), ==, 1);
    /* how many sponsors give it, their names by name as the tooltip */
    g_assert_cmpstr (hp_plan_row_get_detail (schorle), ==, "2 sponsors");
    g_assert_cmpstr (hp_plan_row_get_note (schorle), ==, "Brunnen Sauerland, Getränke Arnsberg");

    g_assert_cmpstr (hp_plan_row_get_name (socks), ==, "Socken");
    /* one sponsor: named */
    g_assert_cmpstr (hp_plan_row_get_detail (socks), ==, "Sauerland Socken");
    g_assert_cmpint (hp_plan_row_get (socks, HP_PLAN_ROW_SHORTFALL), ==, 0);
    g_assert_cmpfloat (hp_plan_row_get_fraction (socks), ==, 1.0);
  }
  g_assert_true (view_has_column (_hp_plan_page_get_item_view (fixture->page), "Sponsors"));

  /* the bottleneck card names the item and who still owes pieces of it */
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_label (fixture->page)), ==,
                   "Apfelschorle 0,33 l");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_detail_label (fixture->page)), ==,
                   "21 pieces missing");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_sponsors_label (fixture->page)), ==,
                   "Pledged, not delivered yet: Getränke Arnsberg (10)");

  /* each school's basis */
  g_assert_true (view_has_column (_hp_plan_page_get_school_view (fixture->page), "Basis"));
  assert_school_row (schools, 0, "Gymnasium Arnsberg", "Expected", 50, 53);
  assert_school_row (schools, 1, "Gymnasium Brilon", "List so far", 12, 13);
  g_assert_cmpuint (sum_allocated (schools), ==, 45);
  {
    g_autoptr(HpPlanRow) arnsberg = g_list_model_get_item (schools, 0);

    g_assert_cmpint (hp_plan_row_get (arnsberg, HP_PLAN_ROW_ALLOCATED_STANDARD), ==, 36);
    /* the table shows both kinds together, then the under-18 packs among
     * them, as the command line does: needed 53 + 0 = 53, allocated
     * 36 + 0 = 36 */
    g_assert_cmpint (hp_plan_row_get (arnsberg, HP_PLAN_ROW_NEEDED), ==, 53);
    g_assert_cmpint (hp_plan_row_get (arnsberg, HP_PLAN_ROW_ALLOCATED), ==, 36);
  }
  g_assert_true (view_has_column (_hp_plan_page_get_school_view (fixture->page), "Allocated"));
  g_assert_true (view_has_column (_hp_plan_page_get_school_view (fixture->page), "of which U18"));
  g_assert_false (view_has_column (_hp_plan_page_get_school_view (fixture->page), "Standard needed"));

  /* the chase list: what the sponsor owes, then what nobody pledged */
  g_assert_cmpuint (g_list_model_get_n_items (chases), ==, 2);
  {
    g_autoptr(HpPlanRow) ask = g_list_model_get_item (chases, 0);
    g_autoptr(HpPlanRow) nobody = g_list_model_get_item (chases, 1);

    g_assert_cmpstr (hp_plan_row_get_name (ask), ==, "Apfelschorle 0,33 l");
    g_assert_cmpstr (hp_plan_row_get_detail (ask), ==, "Getränke Arnsberg");
    g_assert_cmpint (hp_plan_row_get (ask, HP_PLAN_ROW_TO_CHASE), ==, 10);
    g_assert_cmpstr (hp_plan_row_get_note (ask), ==, "02931 1234 · info@getraenke-arnsberg.de");

    g_assert_cmpstr (hp_plan_row_get_name (nobody), ==, "Apfelschorle 0,33 l");
    g_assert_cmpstr (hp_plan_row_get_detail (nobody), ==, "Nobody pledged these");
    g_assert_cmpint (hp_plan_row_get (nobody, HP_PLAN_ROW_TO_CHASE), ==, 11);
  }
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_chase_label (fixture->page)), ==,
                   "Ask 1 sponsor for 10 pieces pledged but not delivered yet. "
                   "Nobody pledged 11 pieces that are still needed: find more donations.");

  /* the schools page marks Arnsberg's list complete: its figure here follows */
  hp_ui_test_wait_until (schools_page_loaded, schools_page, WAIT_TIMEOUT_USEC, "The schools did not load");
  gtk_selection_model_select_item (gtk_column_view_get_model (_hp_table_page_get_column_view (schools_page)), 0, TRUE);
  g_assert_cmpstr (hp_school_get_name (HP_SCHOOL (hp_table_page_get_selected (schools_page))), ==,
                   "Gymnasium Arnsberg");
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (schools_page), "page.list-complete", NULL));
  wait_for_computed (fixture->page, n_computed + 1);

  assert_school_row (schools, 0, "Gymnasium Arnsberg", "Complete list", 10, 11);
  assert_school_row (schools, 1, "Gymnasium Brilon", "List so far", 12, 13);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_needed_label (fixture->page)), ==, "24");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_label (fixture->page)), ==, "None");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_detail_label (fixture->page)), ==,
                   "Every pack needed can be built.");
  /* nothing to chase: the tab says so rather than showing an empty table */
  g_assert_cmpuint (g_list_model_get_n_items (chases), ==, 0);
  g_assert_true (gtk_widget_get_visible (gtk_stack_get_child_by_name (_hp_plan_page_get_tables_stack (fixture->page),
                                                                      "chase")));
  {
    GtkStack *content = _hp_plan_page_get_chase_content_stack (fixture->page);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (content))), ==,
                     "Nothing to Chase");
  }

  /* and back */
  hp_ui_test_wait_until (schools_page_loaded, schools_page, WAIT_TIMEOUT_USEC, "The schools did not load");
  g_assert_true (hp_school_get_list_complete (HP_SCHOOL (hp_table_page_get_selected (schools_page))));
  n_computed = _hp_plan_page_get_n_computed (fixture->page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (schools_page), "page.list-complete", NULL));
  wait_for_computed (fixture->page, n_computed + 1);
  assert_school_row (schools, 0, "Gymnasium Arnsberg", "Expected", 50, 53);
}

/* A variant without pack lines: no item to blame, the way to the pack
 * contents instead. */
static void
test_plan_page_empty_variant (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GListModel) recipe = NULL;
  g_autoptr(GError) error = NULL;
  guint n_computed = _hp_plan_page_get_n_computed (fixture->page);
  GtkButton *button = _hp_plan_page_get_pack_contents_button (fixture->page);

  /* both items only in the standard pack; an estimate of 2 minors at
   * Brilon needs 2 under-18 packs that cannot be built; 30 more pieces of
   * Apfelschorle (75) build every standard pack (53 + 13 − 2 = 64) */
  recipe = hp_store_list_recipe (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  hp_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (recipe); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (recipe, i);

      hp_recipe_item_set_per_under18 (line, 0);
      hp_store_set_recipe_item (fixture->store, line, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr(HpSchool) brilon = hp_store_find_school (fixture->store, "170002", &error);
    g_autoptr(HpProduct) schorle = NULL;
    g_autoptr(HpReceipt) receipt = NULL;
    g_autoptr(GListModel) products = hp_store_list_products (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                             0, &error);

    g_assert_no_error (error);
    schorle = g_list_model_get_item (products, 0);
    g_assert_cmpstr (hp_product_get_name (schorle), ==, "Apfelschorle 0,33 l");
    receipt = hp_store_book_receipt (fixture->store, hp_campaign_get_id (fixture->campaign),
                                     hp_product_get_id (schorle), "2027-05-03", 30, NULL, &error);
    g_assert_no_error (error);

    g_assert_no_error (error);
    hp_school_set_expected_graduates (brilon, 10);
    hp_school_set_under18_expected (brilon, 2);
    hp_store_set_school_campaign (fixture->store, hp_campaign_get_id (fixture->campaign), brilon, &error);
    g_assert_no_error (error);
  }
  hp_store_commit (fixture->store, &error);
  g_assert_no_error (error);
  wait_for_computed (fixture->page, n_computed + 1);

  g_assert_cmpuint (_hp_plan_page_get_plan (fixture->page)->needed_under18, ==, 2);
  g_assert_cmpuint (_hp_plan_page_get_plan (fixture->page)->buildable_under18, ==, 0);
  g_assert_cmpuint (_hp_plan_page_get_plan (fixture->page)->needed_standard, ==, 64);
  g_assert_cmpuint (_hp_plan_page_get_plan (fixture->page)->buildable_standard, ==, 64);
  /* Brilon's row: its 12 listed graduates need ceil (12.6) = 13 packs,
   * 2 of them under-18 packs (13 − 2 = 11 standard); of the 13 only the
   * 11 standard packs can be allocated (no under-18 pack can be built):
   * "Needed" 13, "of which U18" 2, "Allocated" 11 + 0 = 11, "of which
   * U18" 0 */
  {
    GListModel *schools = _hp_plan_page_get_school_model (fixture->page);
    g_autoptr(HpPlanRow) brilon = NULL;

    for (guint i = 0; brilon == NULL && i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpPlanRow) row = g_list_model_get_item (schools, i);

        if (g_str_equal (hp_plan_row_get_name (row), "Gymnasium Brilon"))
          brilon = g_steal_pointer (&row);
      }
    g_assert_nonnull (brilon);
    g_assert_cmpint (hp_plan_row_get (brilon, HP_PLAN_ROW_NEEDED), ==, 13);
    g_assert_cmpint (hp_plan_row_get (brilon, HP_PLAN_ROW_NEEDED_UNDER18), ==, 2);
    g_assert_cmpint (hp_plan_row_get (brilon, HP_PLAN_ROW_ALLOCATED), ==, 11);
    g_assert_cmpint (hp_plan_row_get (brilon, HP_PLAN_ROW_ALLOCATED_UNDER18), ==, 0);
  }
  g_assert_cmpint (_hp_plan_page_get_plan (fixture->page)->bottleneck_item_id, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_label (fixture->page)), ==, "None");
  g_assert_cmpstr (gtk_label_get_label (_hp_plan_page_get_bottleneck_detail_label (fixture->page)), ==,
                   "The under-18 pack has no contents yet.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-pack-contents");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_plan_page_get_bottleneck_sponsors_label (fixture->page))));
}

static gboolean
pack_loaded (gpointer data)
{
  const guint *wanted = g_object_get_data (G_OBJECT (data), "test-n-loaded");

  return _hp_pack_page_get_n_loaded (HP_PACK_PAGE (data)) >= *wanted && !hp_page_get_loading (HP_PAGE (data));
}

static void
wait_for_pack_loaded (HpPackPage *page,
                      guint       n_loaded)
{
  g_object_set_data (G_OBJECT (page), "test-n-loaded", &n_loaded);
  hp_ui_test_wait_until (pack_loaded, page, WAIT_TIMEOUT_USEC, "The pack contents did not load in time");
  g_object_set_data (G_OBJECT (page), "test-n-loaded", NULL);
}

/* @data: a page of the window's view stack, laid out with the stack's size */
static gboolean
laid_out_as_stack (gpointer data)
{
  GtkWidget *page = data;
  GtkWidget *stack = gtk_widget_get_parent (page);

  return gtk_widget_get_width (stack) > 0 &&
         gtk_widget_get_width (page) == gtk_widget_get_width (stack) &&
         gtk_widget_get_height (page) == gtk_widget_get_height (stack) &&
         !gtk_widget_get_mapped (page);
}

/* the view shows as many rows as its model below the reveal has */
static gboolean
shows_all_rows (gpointer data)
{
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (data)));
  GListModel *reveal = gtk_no_selection_get_model (GTK_NO_SELECTION (shown));

  return g_list_model_get_n_items (shown) == g_list_model_get_n_items (hp_reveal_model_get_model (HP_REVEAL_MODEL (reveal)));
}

/* In the window: the first plan is computed behind another tab, so that
 * the tab opens on its figures; a change while the tab is hidden is
 * computed when it shows, not before. The pack contents page does the
 * same with its lines. */
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
  HpPackPage *pack;

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

  /* hidden: the first plan is computed all the same, the pack read */
  pack = HP_PACK_PAGE (adw_view_stack_get_child_by_name (stack, "pack"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pack)));
  wait_for_computed (page, 1);
  wait_for_pack_loaded (pack, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_hp_pack_page_get_rows (pack)), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_hp_plan_page_get_stack (page)), ==, "plan");
  /* and laid out for the stack's size once filled (hp_page_warm()), so
   * that the frame that shows it only draws */
  hp_ui_test_wait_until (laid_out_as_stack, page, WAIT_TIMEOUT_USEC,
                         "The hidden Planning page was not laid out in time");

  input = hp_plan_input_load (store, hp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  expected = hp_plan_compute (input);
  g_assert_cmpuint (_hp_plan_page_get_plan (page)->buildable_standard, ==, expected->buildable_standard);
  g_assert_cmpuint (_hp_plan_page_get_plan (page)->needed_under18, ==, expected->needed_under18);

  /* a change behind another tab waits: the old plan stays until the tab shows */
  {
    g_autoptr(HpCampaign) copy = hp_store_get_campaign (store, hp_campaign_get_id (campaign), &error);

    g_assert_no_error (error);
    hp_campaign_set_spare_percent (copy, hp_campaign_get_spare_percent (copy) + 10);
    hp_store_update_campaign (store, copy, &error);
    g_assert_no_error (error);
    hp_ui_test_drain_main_context ();
    g_assert_cmpuint (_hp_plan_page_get_n_computed (page), ==, 1);
    g_assert_false (hp_plan_page_get_loading (page));
    g_assert_cmpuint (_hp_pack_page_get_n_loaded (pack), ==, 1);
    g_assert_cmpuint (_hp_plan_page_get_plan (page)->needed_standard, ==, expected->needed_standard);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "plan");
  wait_for_computed (page, 2);
  /* ten more spare percent: more packs needed than before */
  g_assert_cmpuint (_hp_plan_page_get_plan (page)->needed_standard, >, expected->needed_standard);

  /* the other tables show all their rows once their tab is chosen, and
   * take the room below their sentence (a table one row tall once showed
   * a single school) */
  {
    static const char * const tables[] = { "schools", "chase" };
    GtkWidget *views[] = {
      GTK_WIDGET (_hp_plan_page_get_school_view (page)), GTK_WIDGET (_hp_plan_page_get_chase_view (page)),
    };
    GListModel *rows[] = { _hp_plan_page_get_school_model (page), _hp_plan_page_get_chase_model (page) };
    GtkWidget *tables_stack = GTK_WIDGET (_hp_plan_page_get_tables_stack (page));

    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        gtk_stack_set_visible_child_name (GTK_STACK (tables_stack), tables[t]);
        g_assert_cmpuint (g_list_model_get_n_items (rows[t]), >, t == 0 ? 20 : 0);
        hp_ui_test_wait_until (shows_all_rows, views[t], WAIT_TIMEOUT_USEC, "A Planning table did not show all its rows");
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (views[t])))),
                          ==, g_list_model_get_n_items (rows[t]));
        g_assert_cmpint (gtk_widget_get_height (views[t]), >, gtk_widget_get_height (tables_stack) / 2);
      }
  }
  gtk_stack_set_visible_child_name (_hp_plan_page_get_tables_stack (page), "items");

  /* win.reload computes again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_for_computed (page, 3);

  /* the pack page reads the change when it shows */
  g_assert_cmpuint (_hp_pack_page_get_n_loaded (pack), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pack"));
  wait_for_pack_loaded (pack, 2);

  /* the table pages load too: wait for them before closing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sponsors");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const names[] = { "sponsors", "products", "schools", "graduates" };
      HpTablePage *table = _hp_window_get_page (window, names[i]);
      gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_USEC;

      while (_hp_table_page_get_busy (table))
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

/* The inscriptions under @widget, in order, and whether each is dimmed */
static void
collect_inscriptions (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_string_append_printf (out, "%s%s|", gtk_inscription_get_text (GTK_INSCRIPTION (widget)),
                            gtk_widget_has_css_class (widget, "dim-label") ? " (dim)" : "");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, out);
}

/* A window with a column view of @rows in @columns, drawn; the caller
 * destroys the window. */
static GtkWindow *
show_plan_rows (const HpColumnSpec *columns,
                guint               n_columns,
                GListStore         *rows,
                GtkColumnView     **view_out)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  hp_columns_append (view, HP_TYPE_PLAN_ROW, columns, n_columns);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)))));
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 600, 300);
  hp_ui_test_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  *view_out = view;
  return window;
}

/* A sponsor to chase without phone or e-mail: the contact cell says so,
 * dimmed, instead of staying blank */
static void
test_plan_page_no_contact (void)
{
  static const HpColumnSpec columns[] = {
    { "Sponsor", "detail", HP_CELL_TEXT, 20 },
    { "Contact", "note", HP_CELL_TEXT, 30, TRUE, .empty_text = "No contact details" },
  };
  g_autoptr(GListStore) rows = g_list_store_new (HP_TYPE_PLAN_ROW);
  g_autoptr(HpPlanRow) reachable = hp_plan_row_new ("Apfelschorle 0,33 l", "Getränke Arnsberg");
  g_autoptr(HpPlanRow) silent = hp_plan_row_new ("Apfelschorle 0,33 l", "Brunnen Sauerland");
  g_autoptr(GString) cells = g_string_new (NULL);
  GtkColumnView *view;
  GtkWindow *window;

  hp_plan_row_set_note (reachable, "02931 1234");
  g_list_store_append (rows, reachable);
  g_list_store_append (rows, silent);
  window = show_plan_rows (columns, G_N_ELEMENTS (columns), rows, &view);

  collect_inscriptions (GTK_WIDGET (view), cells);
  g_assert_cmpstr (cells->str, ==,
                   "Getränke Arnsberg|02931 1234|Brunnen Sauerland|No contact details (dim)|");
  gtk_window_destroy (window);
}

static GtkInscription *
find_inscription (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return GTK_INSCRIPTION (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkInscription *found = find_inscription (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The items' sponsors: one sponsor's name, or how many; the names in the
 * cell's tooltip */
static void
test_plan_page_sponsors_tooltip (void)
{
  static const HpColumnSpec columns[] = {
    { "Item", "name", HP_CELL_TEXT, 10 },
    { "Sponsors", "detail", HP_CELL_TEXT, 20, TRUE, .empty_text = "Nobody yet", .tooltip = "note" },
  };
  g_autoptr(GListStore) rows = g_list_store_new (HP_TYPE_PLAN_ROW);
  g_autoptr(HpPlanRow) one = hp_plan_row_new ("Socken", "Sauerland Socken");
  g_autoptr(HpPlanRow) two = hp_plan_row_new ("Apfelschorle 0,33 l", "2 sponsors");
  g_autoptr(HpPlanRow) none = hp_plan_row_new ("Honig 250 g", "");
  GtkInscription *cell;
  GtkColumnView *view;
  GtkWindow *window;

  hp_plan_row_set_note (one, "Sauerland Socken");
  hp_plan_row_set_note (two, "Brunnen Sauerland, Getränke Arnsberg");
  g_list_store_append (rows, one);
  g_list_store_append (rows, two);
  g_list_store_append (rows, none);
  window = show_plan_rows (columns, G_N_ELEMENTS (columns), rows, &view);

  cell = find_inscription (GTK_WIDGET (view), "2 sponsors");
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), ==, "Brunnen Sauerland, Getränke Arnsberg");
  cell = find_inscription (GTK_WIDGET (view), "Sauerland Socken");
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), ==, "Sauerland Socken");
  /* nobody: no tooltip; the cell says so */
  cell = find_inscription (GTK_WIDGET (view), "Nobody yet");
  g_assert_nonnull (cell);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));
  /* the item cells have none */
  cell = find_inscription (GTK_WIDGET (view), "Socken");
  g_assert_nonnull (cell);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));
  gtk_window_destroy (window);
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
  g_test_add ("/heimpack/plan-page/pooled", Fixture, NULL,
              fixture_setup_pooled_shown, test_plan_page_pooled, fixture_teardown_pooled);
  g_test_add ("/heimpack/plan-page/empty-variant", Fixture, NULL,
              fixture_setup_pooled_shown, test_plan_page_empty_variant, fixture_teardown_pooled);
  g_test_add_func ("/heimpack/plan-page/in-window", test_plan_page_in_window);
  g_test_add_func ("/heimpack/plan-page/no-contact", test_plan_page_no_contact);
  g_test_add_func ("/heimpack/plan-page/sponsors-tooltip", test_plan_page_sponsors_tooltip);

  return g_test_run ();
}
