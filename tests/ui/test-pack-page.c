/* test-pack-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack contents page ("Paketinhalt"), driven in-process under Xvfb over
 * a small drive worked by hand: the lines in packing order with the pooled
 * received figure and the pieces needed, moving a line, taking one out and
 * undoing that, the pieces per pack, adding an item, renaming, merging
 * through the page's dialog, the 18+ mark, and the empty states.
 *
 * The drive (campaign "Heimvorteil2GO 2027", no spare packs):
 *   school 170001 expects 50 graduates, none listed: 50 standard packs,
 *   0 under-18 packs needed;
 *   pack contents, in packing order:
 *     0  Apfelschorle 0,33 l   1 standard, 1 under-18
 *        given by Getränke Arnsberg (received 20) and Brunnen Sauerland (25)
 *     1  USB-Stick             1 standard, 1 under-18
 *        given by Sparkasse (received 60)
 *     2  Pils 0,33 l (18+)     1 standard, 0 under-18
 *        given by Brauerei (received 0)
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-pack-page-private.h"
#include "hp-page.h"
#include "hp-ui-test-utils.h"

#define WAIT_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;
  GtkWindow  *window;
  HpPackPage *page;
  gint64      schorle_id;
  gint64      usb_id;
  gint64      pils_id;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static HpSponsor *
add_sponsor (HpStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  HpSponsor *sponsor = hp_sponsor_new (name);

  hp_store_add_sponsor (store, sponsor, &error);
  g_assert_no_error (error);
  return sponsor;
}

/* A sponsor's gift of an item, with a pledge and what was received. */
static HpProduct *
add_gift (HpStore    *store,
          gint64      campaign_id,
          const char *sponsor_name,
          const char *name,
          gboolean    adult_only,
          gint64      received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (store, sponsor_name);
  g_autoptr(HpPledge) pledge = NULL;
  HpProduct *product = hp_product_new (hp_sponsor_get_id (sponsor), name);

  hp_product_set_adult_only (product, adult_only);
  hp_store_add_product (store, product, &error);
  g_assert_no_error (error);
  pledge = hp_pledge_new (campaign_id, hp_product_get_id (product), 60);
  hp_store_add_pledge (store, pledge, &error);
  g_assert_no_error (error);
  if (received > 0)
    {
      g_autoptr(HpReceipt) receipt = hp_store_book_receipt (store, campaign_id, hp_product_get_id (product),
                                                            "2027-05-02", received, NULL, &error);

      g_assert_no_error (error);
    }
  return product;
}

static void
set_line (HpStore *store,
          gint64   campaign_id,
          gint64   item_id,
          guint    per_standard,
          guint    per_under18)
{
  g_autoptr(HpRecipeItem) line = hp_recipe_item_new (campaign_id, item_id, per_standard, per_under18);
  g_autoptr(GError) error = NULL;

  hp_store_set_recipe_item (store, line, &error);
  g_assert_no_error (error);
}

static gboolean
page_loaded (gpointer data)
{
  return !hp_page_get_loading (HP_PAGE (data));
}

static void
wait_loaded (HpPackPage *page)
{
  hp_ui_test_wait_until (page_loaded, page, WAIT_TIMEOUT_USEC, "The pack contents did not load in time");
}

typedef struct
{
  HpPackPage *page;
  guint       n_loaded;
} LoadCount;

static gboolean
loaded_again (gpointer data)
{
  LoadCount *count = data;

  return _hp_pack_page_get_n_loaded (count->page) > count->n_loaded && !hp_page_get_loading (HP_PAGE (count->page));
}

/* Runs @write's effect through the store's "changed" signal: waits for
 * the load that follows it. */
#define WAIT_FOR_RELOAD(page, statement)                                                \
  G_STMT_START {                                                                        \
    LoadCount count_ = { (page), _hp_pack_page_get_n_loaded (page) };                   \
    statement;                                                                          \
    hp_ui_test_wait_until (loaded_again, &count_, WAIT_TIMEOUT_USEC,                    \
                           "The pack contents did not load again in time");             \
  } G_STMT_END

static HpPackRow *
row_at (Fixture *fixture,
        guint    position)
{
  HpPackRow *row = g_list_model_get_item (_hp_pack_page_get_rows (fixture->page), position);

  g_assert_nonnull (row);
  /* the page's model keeps it */
  g_object_unref (row);
  return row;
}

static guint
count_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (_hp_pack_page_get_rows (fixture->page));
}

/* The item ids of the store's pack lines, in packing order. */
static GArray *
stored_order (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = hp_store_list_recipe (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                      &error);
  GArray *order = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (lines, i);
      gint64 id = hp_recipe_item_get_item_id (line);

      g_array_append_val (order, id);
    }
  return order;
}

static HpRecipeItem *
stored_line (Fixture *fixture,
             gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = hp_store_list_recipe (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                      &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      HpRecipeItem *line = g_list_model_get_item (lines, i);

      if (hp_recipe_item_get_item_id (line) == item_id)
        return line;
      g_object_unref (line);
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                  */

static void
show_page (Fixture *fixture)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1100, 600);
  fixture->page = HP_PACK_PAGE (hp_pack_page_new (fixture->store, fixture->campaign));
  g_object_ref (fixture->page);
  /* toasts need an overlay, as in the window */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  hp_ui_test_present (fixture->window);
  wait_loaded (fixture->page);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpProduct) schorle_a = NULL;
  g_autoptr(HpProduct) schorle_b = NULL;
  g_autoptr(HpProduct) usb = NULL;
  g_autoptr(HpProduct) pils = NULL;
  g_autoptr(HpSchool) school = hp_school_new ("170001", "Gymnasium Arnsberg");
  gint64 campaign_id;

  fixture->store = hp_ui_test_open_memory_store ();
  fixture->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  hp_campaign_set_spare_percent (fixture->campaign, 0);
  hp_store_add_campaign (fixture->store, fixture->campaign, &error);
  g_assert_no_error (error);
  campaign_id = hp_campaign_get_id (fixture->campaign);

  /* one item, two sponsors: their gifts pool */
  schorle_a = add_gift (fixture->store, campaign_id, "Getränke Arnsberg", "Apfelschorle 0,33 l", FALSE, 20);
  schorle_b = add_gift (fixture->store, campaign_id, "Brunnen Sauerland", "Apfelschorle 0,33 l", FALSE, 25);
  usb = add_gift (fixture->store, campaign_id, "Sparkasse", "USB-Stick", FALSE, 60);
  pils = add_gift (fixture->store, campaign_id, "Brauerei", "Pils 0,33 l", TRUE, 0);
  g_assert_cmpint (hp_product_get_item_id (schorle_a), ==, hp_product_get_item_id (schorle_b));
  fixture->schorle_id = hp_product_get_item_id (schorle_a);
  fixture->usb_id = hp_product_get_item_id (usb);
  fixture->pils_id = hp_product_get_item_id (pils);

  set_line (fixture->store, campaign_id, fixture->schorle_id, 1, 1);
  set_line (fixture->store, campaign_id, fixture->usb_id, 1, 1);
  set_line (fixture->store, campaign_id, fixture->pils_id, 1, 0);

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  hp_school_set_expected_graduates (school, 50);
  hp_store_set_school_campaign (fixture->store, campaign_id, school, &error);
  g_assert_no_error (error);

  show_page (fixture);
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_ui_test_open_memory_store ();
  fixture->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  hp_store_add_campaign (fixture->store, fixture->campaign, &error);
  g_assert_no_error (error);
  show_page (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  /* a running load holds a reference on the page and the store */
  wait_loaded (fixture->page);
  gtk_window_destroy (fixture->window);
  hp_ui_test_drain_main_context ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static void
test_pack_page_lines (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const names[] = { "Apfelschorle 0,33 l", "USB-Stick", "Pils 0,33 l" };
  HpPackRow *schorle, *usb, *pils;

  g_assert_true (HP_IS_PAGE (fixture->page));
  g_assert_true (hp_page_get_store (HP_PAGE (fixture->page)) == fixture->store);
  g_assert_true (hp_page_get_campaign (HP_PAGE (fixture->page)) == fixture->campaign);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_hp_pack_page_get_stack (fixture->page)), ==, "list");

  /* in packing order */
  g_assert_cmpuint (count_rows (fixture), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, i)), ==, names[i]);
      g_assert_cmpuint (hp_pack_row_get_position (row_at (fixture, i)), ==, i);
    }

  schorle = row_at (fixture, 0);
  usb = row_at (fixture, 1);
  pils = row_at (fixture, 2);

  /* the two gifts pool: 20 from Getränke Arnsberg + 25 from Brunnen
   * Sauerland = 45 received; needed: 1 per standard pack × 50 standard
   * packs + 1 per under-18 pack × 0 under-18 packs = 50 */
  g_assert_cmpint (hp_pack_row_get_received (schorle), ==, 45);
  g_assert_cmpint (hp_pack_row_get_needed (schorle), ==, 50);
  g_assert_cmpuint (hp_pack_row_get_per_standard (schorle), ==, 1);
  g_assert_cmpuint (hp_pack_row_get_per_under18 (schorle), ==, 1);
  /* two sponsors counted, named in name order in the tooltip; one named */
  g_assert_cmpstr (hp_pack_row_get_sponsors (schorle), ==, "2 sponsors");
  {
    g_autofree char *tooltip = NULL;

    g_object_get (schorle, "sponsors-more", &tooltip, NULL);
    g_assert_cmpstr (tooltip, ==, "Brunnen Sauerland, Getränke Arnsberg");
  }
  g_assert_cmpstr (hp_pack_row_get_sponsors (usb), ==, "Sparkasse");
  g_assert_false (hp_pack_row_get_adult_only (schorle));

  g_assert_cmpint (hp_pack_row_get_received (usb), ==, 60);
  g_assert_cmpint (hp_pack_row_get_needed (usb), ==, 50);

  /* the 18+ item: marked, not in the under-18 pack */
  g_assert_true (hp_pack_row_get_adult_only (pils));
  g_assert_cmpuint (hp_pack_row_get_per_under18 (pils), ==, 0);
  g_assert_cmpint (hp_pack_row_get_received (pils), ==, 0);

  /* 3 items; per standard pack 1 + 1 + 1 = 3 pieces, per under-18 pack
   * 1 + 1 + 0 = 2; short: Apfelschorle (45 < 50) and Pils (0 < 50) */
  g_assert_cmpstr (gtk_label_get_label (_hp_pack_page_get_summary_label (fixture->page)), ==,
                   "3 items · 3 pieces per standard pack, 2 per under-18 pack · 2 items short");
}

static void
test_pack_page_follows_store (Fixture       *fixture,
                              gconstpointer  data)
{
  HpPackRow *schorle = row_at (fixture, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new ("170002", "Gymnasium Brilon");
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);

  /* a second school expecting 10: 50 + 10 = 60 standard packs, so 60
   * pieces of Apfelschorle needed; the row stays and updates */
  WAIT_FOR_RELOAD (fixture->page, {
    hp_store_add_school (fixture->store, school, &error);
    g_assert_no_error (error);
    hp_school_set_expected_graduates (school, 10);
    hp_store_set_school_campaign (fixture->store, campaign_id, school, &error);
    g_assert_no_error (error);
  });
  g_assert_true (row_at (fixture, 0) == schorle);
  g_assert_cmpint (hp_pack_row_get_needed (schorle), ==, 60);

  /* another booking of 5 on the first gift: 45 + 5 = 50 received */
  WAIT_FOR_RELOAD (fixture->page, {
    g_autoptr(GListModel) products = hp_store_list_products (fixture->store, campaign_id, 0, &error);
    g_autoptr(HpProduct) first = g_list_model_get_item (products, 0);
    g_autoptr(HpReceipt) receipt = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (hp_product_get_item_id (first), ==, fixture->schorle_id);
    receipt = hp_store_book_receipt (fixture->store, campaign_id, hp_product_get_id (first), "2027-05-09", 5,
                                     NULL, &error);
    g_assert_no_error (error);
  });
  g_assert_cmpint (hp_pack_row_get_received (schorle), ==, 50);
}

static void
test_pack_page_move (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) order = NULL;

  /* the first line cannot move up */
  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->schorle_id));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move-up", NULL);
  hp_ui_test_drain_main_context ();
  order = stored_order (fixture);
  g_assert_cmpint (g_array_index (order, gint64, 0), ==, fixture->schorle_id);
  g_clear_pointer (&order, g_array_unref);

  /* Pils moves up one: Apfelschorle, Pils, USB-Stick */
  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->pils_id));
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move-up", NULL)));

  order = stored_order (fixture);
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpint (g_array_index (order, gint64, 0), ==, fixture->schorle_id);
  g_assert_cmpint (g_array_index (order, gint64, 1), ==, fixture->pils_id);
  g_assert_cmpint (g_array_index (order, gint64, 2), ==, fixture->usb_id);

  /* the page shows the new order, and the moved line stays selected */
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 1)), ==, "Pils 0,33 l");
  g_assert_cmpuint (hp_pack_row_get_position (row_at (fixture, 1)), ==, 1);
  g_assert_cmpint (hp_pack_row_get_item_id (_hp_pack_page_get_selected (fixture->page)), ==, fixture->pils_id);

  /* and down again */
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move-down", NULL)));
  g_clear_pointer (&order, g_array_unref);
  order = stored_order (fixture);
  g_assert_cmpint (g_array_index (order, gint64, 1), ==, fixture->usb_id);
  g_assert_cmpint (g_array_index (order, gint64, 2), ==, fixture->pils_id);
}

static void
test_pack_page_remove_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(HpRecipeItem) line = NULL;
  AdwToast *toast;

  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->usb_id));
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL)));

  /* out of the store and off the page */
  g_assert_null (stored_line (fixture, fixture->usb_id));
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 1)), ==, "Pils 0,33 l");

  /* the toast offers to undo */
  toast = _hp_pack_page_get_undo_toast (fixture->page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“USB-Stick” taken out of the pack");

  WAIT_FOR_RELOAD (fixture->page, g_signal_emit_by_name (toast, "button-clicked"));

  /* back at its old place (the middle) with its pieces */
  order = stored_order (fixture);
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpint (g_array_index (order, gint64, 1), ==, fixture->usb_id);
  line = stored_line (fixture, fixture->usb_id);
  g_assert_cmpuint (hp_recipe_item_get_per_standard (line), ==, 1);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (line), ==, 1);
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 1)), ==, "USB-Stick");
  g_assert_null (_hp_pack_page_get_undo_toast (fixture->page));

  /* undone once: page.undo (Ctrl+Z) has nothing left to put back */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo", NULL);
  hp_ui_test_drain_main_context ();
  g_clear_pointer (&order, g_array_unref);
  order = stored_order (fixture);
  g_assert_cmpuint (order->len, ==, 3);
}

/* The spin button in the table for @position's pieces. */
static GtkSpinButton *
find_spin (GtkWidget *widget,
           guint      position,
           gboolean   under18)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "hp-list-item");

      if (list_item != NULL && gtk_list_item_get_position (list_item) == position &&
          !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "hp-under18")) == !under18)
        return GTK_SPIN_BUTTON (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_spin (child, position, under18);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *view;
  guint      position;
} SpinWait;

static gboolean
spin_shown (gpointer data)
{
  SpinWait *wait = data;

  return find_spin (wait->view, wait->position, FALSE) != NULL;
}

/* The spin buttons of the row at @position, once the view made its row
 * (a few rows per frame: hp-reveal-model.c) */
static GtkSpinButton *
wait_for_spin (Fixture  *fixture,
               guint     position,
               gboolean  under18)
{
  SpinWait wait = { GTK_WIDGET (_hp_pack_page_get_column_view (fixture->page)), position };

  hp_ui_test_wait_until (spin_shown, &wait, WAIT_TIMEOUT_USEC, "The row's spin buttons did not show");
  return find_spin (wait.view, position, under18);
}

static void
test_pack_page_pieces (Fixture       *fixture,
                       gconstpointer  data)
{
  HpPackRow *schorle = row_at (fixture, 0);
  HpPackRow *pils = row_at (fixture, 2);
  g_autoptr(HpRecipeItem) line = NULL;

  /* 2 pieces per standard pack: 2 × 50 standard packs = 100 needed */
  WAIT_FOR_RELOAD (fixture->page, g_assert_true (_hp_pack_page_set_pieces (fixture->page, schorle, 2, 1)));
  line = stored_line (fixture, fixture->schorle_id);
  g_assert_cmpuint (hp_recipe_item_get_per_standard (line), ==, 2);
  g_assert_cmpuint (hp_pack_row_get_per_standard (schorle), ==, 2);
  g_assert_cmpint (hp_pack_row_get_needed (schorle), ==, 100);

  /* typed into the table: USB-Stick 3 per standard pack, so 3 × 50
   * standard packs + 1 × 0 under-18 packs = 150 pieces needed */
  {
    GtkSpinButton *spin = wait_for_spin (fixture, 1, FALSE);
    GtkSpinButton *pils_under18 = wait_for_spin (fixture, 2, TRUE);
    g_autoptr(HpRecipeItem) usb = NULL;

    g_assert_nonnull (spin);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 1);
    WAIT_FOR_RELOAD (fixture->page, gtk_spin_button_set_value (spin, 3));
    usb = stored_line (fixture, fixture->usb_id);
    g_assert_cmpuint (hp_recipe_item_get_per_standard (usb), ==, 3);
    g_assert_cmpuint (hp_recipe_item_get_per_under18 (usb), ==, 1);
    g_assert_cmpint (hp_pack_row_get_needed (row_at (fixture, 1)), ==, 150);

    /* the 18+ item's under-18 pieces cannot be typed */
    g_assert_nonnull (pils_under18);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (pils_under18)));
  }

  /* an 18+ item stays out of the under-18 pack: refused, nothing changes */
  g_assert_false (_hp_pack_page_set_pieces (fixture->page, pils, 1, 1));
  g_clear_object (&line);
  line = stored_line (fixture, fixture->pils_id);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (line), ==, 0);
  g_assert_cmpuint (hp_pack_row_get_per_under18 (pils), ==, 0);
}

static void
test_pack_page_add (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpItem) bell = NULL;
  AdwMessageDialog *dialog;

  /* through the dialog: a new item goes last, with a new line */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL));
  dialog = _hp_pack_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (_hp_pack_page_get_dialog_entry (fixture->page), "Fahrradklingel");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  WAIT_FOR_RELOAD (fixture->page, adw_message_dialog_response (dialog, "add"));

  bell = hp_store_find_item (fixture->store, "Fahrradklingel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 3)), ==, "Fahrradklingel");
  g_assert_cmpint (hp_pack_row_get_item_id (row_at (fixture, 3)), ==, hp_item_get_id (bell));
  /* nobody gives it yet: 0 received of 1 × 50 needed */
  g_assert_cmpint (hp_pack_row_get_received (row_at (fixture, 3)), ==, 0);
  g_assert_cmpint (hp_pack_row_get_needed (row_at (fixture, 3)), ==, 50);

  /* a name typed another way is the same item: its line gets the pieces */
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (_hp_pack_page_add_item (fixture->page, "  usb-STICK ", 2, 0, &error)));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 1)), ==, "USB-Stick");
  g_assert_cmpuint (hp_pack_row_get_per_standard (row_at (fixture, 1)), ==, 2);
  g_assert_cmpuint (hp_pack_row_get_per_under18 (row_at (fixture, 1)), ==, 0);

  /* an 18+ item into the under-18 pack: the store's refusal comes back,
   * and the line stays as it was (1 standard, 0 under-18) */
  g_assert_false (_hp_pack_page_add_item (fixture->page, "Pils 0,33 l", 1, 1, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  {
    g_autoptr(HpRecipeItem) line = stored_line (fixture, fixture->pils_id);

    g_assert_cmpuint (hp_recipe_item_get_per_standard (line), ==, 1);
    g_assert_cmpuint (hp_recipe_item_get_per_under18 (line), ==, 0);
  }
}

static void
test_pack_page_rename (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HpItem) renamed = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->usb_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.rename", NULL));
  dialog = _hp_pack_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (_hp_pack_page_get_dialog_entry (fixture->page)), ==, "USB-Stick");
  gtk_editable_set_text (_hp_pack_page_get_dialog_entry (fixture->page), "USB-Stick 16 GB");
  WAIT_FOR_RELOAD (fixture->page, adw_message_dialog_response (dialog, "rename"));

  renamed = hp_store_get_item (fixture->store, fixture->usb_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_item_get_name (renamed), ==, "USB-Stick 16 GB");
  g_assert_cmpstr (hp_pack_row_get_name (row_at (fixture, 1)), ==, "USB-Stick 16 GB");

  /* the name of another item: the page offers to merge instead */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.rename", NULL));
  dialog = _hp_pack_page_get_dialog (fixture->page);
  gtk_editable_set_text (_hp_pack_page_get_dialog_entry (fixture->page), "pils 0,33 L");
  adw_message_dialog_response (dialog, "rename");
  hp_ui_test_drain_main_context ();
  dialog = _hp_pack_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“Pils 0,33 l” Exists Already");
  g_assert_true (adw_message_dialog_has_response (dialog, "merge"));
  adw_message_dialog_response (dialog, "cancel");
  g_clear_object (&renamed);
  renamed = hp_store_get_item (fixture->store, fixture->usb_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_item_get_name (renamed), ==, "USB-Stick 16 GB");
}

static void
test_pack_page_merge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HpProduct) typo = NULL;
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(HpItem) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  AdwMessageDialog *dialog;
  GtkDropDown *choice;
  GListModel *choices;
  guint target = GTK_INVALID_LIST_POSITION;
  HpPackRow *schorle;

  /* a third sponsor typed the item without the space: another item, with
   * 5 received and a line of its own (1 standard, 0 under-18), last */
  WAIT_FOR_RELOAD (fixture->page, {
    typo = add_gift (fixture->store, campaign_id, "Hof Schulte", "Apfelschorle 0,33l", FALSE, 5);
    set_line (fixture->store, campaign_id, hp_product_get_item_id (typo), 1, 0);
  });
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpint (hp_product_get_item_id (typo), !=, fixture->schorle_id);

  /* the page's action: choose the item that stays, confirm */
  g_assert_true (_hp_pack_page_select_item (fixture->page, hp_product_get_item_id (typo)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.merge", NULL));
  dialog = _hp_pack_page_get_dialog (fixture->page);
  choice = _hp_pack_page_get_merge_choice (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (choice);
  choices = gtk_drop_down_get_model (choice);
  /* every other item: Apfelschorle, USB-Stick, Pils */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(HpItem) item = g_list_model_get_item (choices, i);

      g_assert_cmpint (hp_item_get_id (item), !=, hp_product_get_item_id (typo));
      if (hp_item_get_id (item) == fixture->schorle_id)
        target = i;
    }
  g_assert_cmpuint (target, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (choice, target);
  WAIT_FOR_RELOAD (fixture->page, adw_message_dialog_response (dialog, "merge"));

  /* one item left: the typo's gift is Apfelschorle's now */
  gone = hp_store_get_item (fixture->store, hp_product_get_item_id (typo), &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  /* the lines added up: 1 + 1 = 2 per standard pack, 1 + 0 = 1 per
   * under-18 pack, at Apfelschorle's (the earlier) place; received
   * 20 + 25 + 5 = 50, needed 2 × 50 = 100 */
  g_assert_cmpuint (count_rows (fixture), ==, 3);
  schorle = row_at (fixture, 0);
  g_assert_cmpint (hp_pack_row_get_item_id (schorle), ==, fixture->schorle_id);
  g_assert_cmpuint (hp_pack_row_get_per_standard (schorle), ==, 2);
  g_assert_cmpuint (hp_pack_row_get_per_under18 (schorle), ==, 1);
  g_assert_cmpint (hp_pack_row_get_received (schorle), ==, 50);
  g_assert_cmpint (hp_pack_row_get_needed (schorle), ==, 100);
  g_assert_cmpstr (hp_pack_row_get_sponsors (schorle), ==, "3 sponsors");
  line = stored_line (fixture, fixture->schorle_id);
  g_assert_cmpuint (hp_recipe_item_get_per_standard (line), ==, 2);
  /* the item that stays is selected */
  g_assert_cmpint (hp_pack_row_get_item_id (_hp_pack_page_get_selected (fixture->page)), ==, fixture->schorle_id);

  /* a fourth sponsor: the cell counts four; its tooltip names all four,
   * in name order */
  {
    g_autoptr(HpProduct) fourth = NULL;
    g_autofree char *tooltip = NULL;

    WAIT_FOR_RELOAD (fixture->page,
                     fourth = add_gift (fixture->store, hp_campaign_get_id (fixture->campaign), "Mosterei Ohm",
                                        "Apfelschorle 0,33 l", FALSE, 0));
    schorle = row_at (fixture, 0);
    g_assert_cmpint (hp_product_get_item_id (fourth), ==, fixture->schorle_id);
    g_assert_cmpstr (hp_pack_row_get_sponsors (schorle), ==, "4 sponsors");
    g_object_get (schorle, "sponsors-more", &tooltip, NULL);
    g_assert_cmpstr (tooltip, ==, "Brunnen Sauerland, Getränke Arnsberg, Hof Schulte, Mosterei Ohm");
  }
}

static void
test_pack_page_adult_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gboolean adult_only = TRUE;

  /* Pils is 18+: the check box shows it; taking the mark off is stored */
  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->pils_id));
  g_object_get (fixture->page, "selected-adult-only", &adult_only, NULL);
  g_assert_true (adult_only);
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.adult-only", NULL)));
  item = hp_store_get_item (fixture->store, fixture->pils_id, &error);
  g_assert_no_error (error);
  g_assert_false (hp_item_get_adult_only (item));
  g_assert_false (hp_pack_row_get_adult_only (row_at (fixture, 2)));

  /* Apfelschorle is in the under-18 pack: the store refuses the mark, and
   * the page says so */
  g_assert_true (_hp_pack_page_select_item (fixture->page, fixture->schorle_id));
  g_assert_null (hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.adult-only", NULL);
  dialog = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Mark “Apfelschorle 0,33 l” as 18+");
  g_clear_object (&item);
  item = hp_store_get_item (fixture->store, fixture->schorle_id, &error);
  g_assert_no_error (error);
  g_assert_false (hp_item_get_adult_only (item));
  g_object_get (fixture->page, "selected-adult-only", &adult_only, NULL);
  g_assert_false (adult_only);
}

static void
test_pack_page_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *stack = _hp_pack_page_get_stack (fixture->page);
  GtkActionBar *bar = _hp_pack_page_get_action_bar (fixture->page);
  AdwStatusPage *empty = _hp_pack_page_get_empty_page (fixture->page);
  GtkWidget *button = adw_status_page_get_child (empty);
  g_autoptr(GError) error = NULL;

  /* a campaign without pack contents: what to do next */
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "The Pack Is Empty");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "page.add");
  /* its button is the one way on: the bar's buttons act on lines */
  g_assert_false (gtk_action_bar_get_revealed (bar));

  /* the first item shows the list, and the bar */
  WAIT_FOR_RELOAD (fixture->page,
                   g_assert_true (_hp_pack_page_add_item (fixture->page, "Socken", 1, 1, &error)));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_true (gtk_action_bar_get_revealed (bar));

  /* without a campaign: create one first */
  hp_page_set_campaign (HP_PAGE (fixture->page), NULL);
  wait_loaded (fixture->page);
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Create a Campaign First");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-campaign");
  /* the window's banner has the blue "New Campaign" button: this one is plain */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "suggested-action"));
  g_assert_false (gtk_action_bar_get_revealed (bar));
  g_assert_false (_hp_pack_page_add_item (fixture->page, "Socken", 1, 1, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
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

  g_test_add ("/heimpack/pack-page/lines", Fixture, NULL,
              fixture_setup, test_pack_page_lines, fixture_teardown);
  g_test_add ("/heimpack/pack-page/follows-store", Fixture, NULL,
              fixture_setup, test_pack_page_follows_store, fixture_teardown);
  g_test_add ("/heimpack/pack-page/move", Fixture, NULL,
              fixture_setup, test_pack_page_move, fixture_teardown);
  g_test_add ("/heimpack/pack-page/remove-undo", Fixture, NULL,
              fixture_setup, test_pack_page_remove_undo, fixture_teardown);
  g_test_add ("/heimpack/pack-page/pieces", Fixture, NULL,
              fixture_setup, test_pack_page_pieces, fixture_teardown);
  g_test_add ("/heimpack/pack-page/add", Fixture, NULL,
              fixture_setup, test_pack_page_add, fixture_teardown);
  g_test_add ("/heimpack/pack-page/rename", Fixture, NULL,
              fixture_setup, test_pack_page_rename, fixture_teardown);
  g_test_add ("/heimpack/pack-page/merge", Fixture, NULL,
              fixture_setup, test_pack_page_merge, fixture_teardown);
  g_test_add ("/heimpack/pack-page/adult-only", Fixture, NULL,
              fixture_setup, test_pack_page_adult_only, fixture_teardown);
  g_test_add ("/heimpack/pack-page/empty", Fixture, NULL,
              fixture_setup_empty, test_pack_page_empty, fixture_teardown);

  return g_test_run ();
}
