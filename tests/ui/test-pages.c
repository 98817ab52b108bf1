/* test-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four list pages, driven in-process under Xvfb through their actions
 * and by setting widget values: adding, editing, deleting with undo,
 * validation, searching, empty states, deliveries, a gift's item chosen
 * from the suggestions, the graduates' U18 column, and a school's list
 * marked complete.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-graduates-page.h"
#include "hp-products-page.h"
#include "hp-record-dialog-private.h"
#include "hp-handovers-page.h"
#include "hp-schools-page.h"
#include "hp-sponsors-page.h"
#include "hp-table-page-private.h"
#include "hp-ui-test-utils.h"

#define WAIT_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct
{
  HpStore     *store;
  HpCampaign  *campaign;   /* NULL for a file without campaign */
  GtkWindow   *window;
  HpTablePage *page;
} Fixture;

typedef GtkWidget *(*PageNew) (HpStore *store, HpCampaign *campaign);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  hp_ui_test_wait_until (done, data, WAIT_TIMEOUT_USEC, "Timed out waiting");
}

static gboolean
page_settled (gpointer page)
{
  return !_hp_table_page_get_busy (page);
}

static void
wait_settled (HpTablePage *page)
{
  wait_until (page_settled, page);
}

static guint
n_shown (HpTablePage *page)
{
  return g_list_model_get_n_items (_hp_table_page_get_model (page));
}

static const char *
visible_state (HpTablePage *page)
{
  return gtk_stack_get_visible_child_name (_hp_table_page_get_stack (page));
}

static void
show_page (Fixture *fixture,
           PageNew  page_new)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->page = HP_TABLE_PAGE (page_new (fixture->store, fixture->campaign));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, overlay);
  hp_ui_test_present (fixture->window);
  wait_settled (fixture->page);
}

static void
open_store (Fixture    *fixture,
            gboolean    with_campaign,
            gboolean    with_demo)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  if (with_demo)
    {
      fixture->campaign = hp_demo_fill (fixture->store, HP_DEMO_SCALE_DISTRICT, 7, &error);
      g_assert_no_error (error);
    }
  else if (with_campaign)
    {
      fixture->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
      hp_store_add_campaign (fixture->store, fixture->campaign, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  open_store (fixture, FALSE, FALSE);
}

static void
fixture_setup_campaign (Fixture       *fixture,
                        gconstpointer  data)
{
  open_store (fixture, TRUE, FALSE);
}

static void
fixture_setup_demo (Fixture       *fixture,
                    gconstpointer  data)
{
  open_store (fixture, TRUE, TRUE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->page != NULL)
    wait_settled (fixture->page);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
}

/* Opens the editor through @action and returns it. */
static HpRecordDialog *
open_editor (HpTablePage *page,
             const char  *action)
{
  HpRecordDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  dialog = _hp_table_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return dialog;
}

static gboolean
save_sensitive (HpRecordDialog *dialog)
{
  return gtk_widget_is_sensitive (_hp_record_dialog_get_save_button (dialog));
}

/* Saves and checks that the editor closed. */
static void
save (HpTablePage    *page,
      HpRecordDialog *dialog)
{
  g_assert_true (save_sensitive (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  g_assert_null (_hp_table_page_get_dialog (page));
  wait_settled (page);
}

static void
select_position (HpTablePage *page,
                 guint        position)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (_hp_table_page_get_column_view (page));

  gtk_selection_model_select_item (selection, position, TRUE);
  g_assert_nonnull (hp_table_page_get_selected (page));
}

static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      if (g_strcmp0 (sa, sb) != 0)
        g_error ("Property %s differs: %s vs %s", pspecs[i]->name, sa, sb);
    }
}

static gboolean
widget_has_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (widget_has_text (child, text))
      return TRUE;

  return FALSE;
}

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

/* ------------------------------------------------------------------------ */
/* Empty states                                                              */

static void
test_pages_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  HpRecordDialog *dialog;
  AdwStatusPage *empty;
  GtkLabel *import_label;

  show_page (fixture, hp_sponsors_page_new);
  empty = _hp_table_page_get_empty_page (fixture->page);

  g_assert_cmpstr (visible_state (fixture->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Sponsors Yet");
  g_assert_false (gtk_action_bar_get_revealed (_hp_table_page_get_action_bar (fixture->page)));
  g_assert_true (widget_has_text (GTK_WIDGET (empty), "Add Sponsor"));
  /* and last year's list, which the hidden action bar's "Import…" offers
   * once there are rows */
  import_label = hp_ui_test_find_label (GTK_WIDGET (empty), "Import Last Year’s List");
  g_assert_nonnull (import_label);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_ancestor (GTK_WIDGET (import_label),
                                                                                            GTK_TYPE_BUTTON))),
                   ==, "win.import-sponsors");

  dialog = open_editor (fixture->page, "page.add");
  g_assert_false (save_sensitive (dialog));
  _hp_record_dialog_set_text (dialog, "name", "Brauerei Veltins");
  save (fixture->page, dialog);

  g_assert_cmpstr (visible_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  g_assert_true (gtk_action_bar_get_revealed (_hp_table_page_get_action_bar (fixture->page)));
  /* the new row is selected, ready for Edit or Delete */
  g_assert_nonnull (hp_table_page_get_selected (fixture->page));
}

static void
test_pages_graduates_need_campaign (Fixture       *fixture,
                                    gconstpointer  data)
{
  show_page (fixture, hp_graduates_page_new);

  g_assert_cmpstr (visible_state (fixture->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (_hp_table_page_get_empty_page (fixture->page)),
                   ==, "Create a Campaign First");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (_hp_table_page_get_empty_page (fixture->page)),
                                   "Graduates belong to a campaign"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL) &&
                  _hp_table_page_get_dialog (fixture->page) != NULL);
}

/* The Hand-overs page without a campaign speaks of hand-overs, not of
 * the graduates the empty state once borrowed its text from. */
static void
test_pages_handovers_need_campaign (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *description;

  show_page (fixture, hp_handovers_page_new);

  g_assert_cmpstr (visible_state (fixture->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (_hp_table_page_get_empty_page (fixture->page)),
                   ==, "Create a Campaign First");
  description = adw_status_page_get_description (_hp_table_page_get_empty_page (fixture->page));
  g_assert_true (g_str_has_prefix (description, "Hand-overs belong to a campaign"));
  g_assert_null (strstr (description, "graduates"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL) &&
                  _hp_table_page_get_dialog (fixture->page) != NULL);
}

/* ------------------------------------------------------------------------ */
/* Sponsors: add, edit, delete, undo, refusal                                */

static void
test_pages_sponsor_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HpSponsor) original = NULL;
  g_autoptr(HpSponsor) restored = NULL;
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;
  gint64 id;

  show_page (fixture, hp_sponsors_page_new);

  dialog = open_editor (fixture->page, "page.add");
  _hp_record_dialog_set_text (dialog, "name", "Sauerland Socken GmbH");
  _hp_record_dialog_set_text (dialog, "contact", "Frau Kemper");
  _hp_record_dialog_set_text (dialog, "email", "kemper@socken");
  g_assert_false (save_sensitive (dialog));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (_hp_record_dialog_get_message (dialog, "email")))));
  _hp_record_dialog_set_text (dialog, "email", "kemper@socken.de");
  _hp_record_dialog_set_text (dialog, "phone", "02961 1234");
  save (fixture->page, dialog);

  /* edit the selected row */
  dialog = open_editor (fixture->page, "page.edit");
  _hp_record_dialog_set_text (dialog, "notes", "Liefert im Mai");
  save (fixture->page, dialog);

  original = g_object_ref (HP_SPONSOR (hp_table_page_get_selected (fixture->page)));
  g_assert_cmpstr (hp_sponsor_get_notes (original), ==, "Liefert im Mai");
  g_assert_cmpstr (hp_sponsor_get_email (original), ==, "kemper@socken.de");
  id = hp_sponsor_get_id (original);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));
  g_assert_nonnull (_hp_table_page_get_undo_toast (fixture->page));
  g_assert_true (strstr (adw_toast_get_title (_hp_table_page_get_undo_toast (fixture->page)),
                         "Sauerland Socken GmbH") != NULL);
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo", NULL));
  g_assert_null (_hp_table_page_get_undo_toast (fixture->page));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);

  restored = hp_store_get_sponsor (fixture->store, id, &error);
  g_assert_no_error (error);
  assert_same_properties (G_OBJECT (original), G_OBJECT (restored));
  assert_same_properties (G_OBJECT (original), hp_table_page_get_selected (fixture->page));
}

static void
test_pages_sponsor_in_use (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HpSponsor) sponsor = add_sponsor (fixture->store, "Brauerei Veltins");
  g_autoptr(HpProduct) product = hp_product_new (hp_sponsor_get_id (sponsor), "Pils 0,33 l");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;

  hp_store_add_product (fixture->store, product, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_sponsors_page_new);

  select_position (fixture->page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));

  message = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (strstr (adw_message_dialog_get_heading (message), "Brauerei Veltins") != NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (message), "Pils") != NULL ||
                 strstr (adw_message_dialog_get_body (message), "product") != NULL);
  g_assert_null (_hp_table_page_get_undo_toast (fixture->page));
  adw_message_dialog_response (message, "close");
  gtk_window_destroy (GTK_WINDOW (message));

  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
}

/* ------------------------------------------------------------------------ */
/* Schools: validation, store errors in the dialog, campaign figures         */

/* The text of @product's cell in the products column titled @title. */
static char *
product_cell (HpProduct  *product,
              const char *title)
{
  HpTablePageClass *klass = g_type_class_ref (HP_TYPE_PRODUCTS_PAGE);

  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i].title, title))
      {
        g_auto(GValue) value = G_VALUE_INIT;
        char *text;

        g_value_init (&value, G_TYPE_INT64);
        g_value_set_int64 (&value, klass->columns[i].get (product, NULL));
        text = hp_columns_format_cell (&klass->columns[i], &value);
        g_type_class_unref (klass);
        return text;
      }

  g_error ("No column “%s”", title);
}

/* "Per pack" is empty for an item that is not in that pack, not "0" */
static void
test_pages_products_per_pack (void)
{
  g_autoptr(HpProduct) both = hp_product_new (1, "Apfelschorle 0,33 l");
  g_autoptr(HpProduct) under18_only = hp_product_new (1, "Apfelschorle 0,33 l");
  g_autoptr(HpProduct) none = hp_product_new (1, "Fahrradpumpe");
  g_autofree char *both_standard = NULL, *both_under18 = NULL;
  g_autofree char *only_standard = NULL, *only_under18 = NULL;
  g_autofree char *none_standard = NULL, *none_under18 = NULL;

  /* pledged 475, received 475; 2 per standard pack and 1 per under-18 pack */
  hp_product_set_figures (both, 475, 475, 2, 1);
  hp_product_set_figures (under18_only, 41, 41, 0, 1);
  hp_product_set_figures (none, 175, 175, 0, 0);

  both_standard = product_cell (both, "Per pack");
  both_under18 = product_cell (both, "Per under-18 pack");
  only_standard = product_cell (under18_only, "Per pack");
  only_under18 = product_cell (under18_only, "Per under-18 pack");
  none_standard = product_cell (none, "Per pack");
  none_under18 = product_cell (none, "Per under-18 pack");
  g_assert_cmpstr (both_standard, ==, "2");
  g_assert_cmpstr (both_under18, ==, "1");
  g_assert_cmpstr (only_standard, ==, "");
  g_assert_cmpstr (only_under18, ==, "1");
  g_assert_cmpstr (none_standard, ==, "");
  g_assert_cmpstr (none_under18, ==, "");
}

/* An empty date's calendar opens on the campaign's hand-over, not today;
 * a filled one on its own date. */
static void
test_pages_calendar_default (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;
  GtkWidget *button;
  GtkPopover *popover;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) own = NULL;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  hp_campaign_set_handover_date (fixture->campaign, "2027-06-25");
  show_page (fixture, hp_graduates_page_new);
  dialog = open_editor (fixture->page, "page.add");

  button = _hp_record_dialog_get_date_button (dialog, "consent-date");
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shown = gtk_calendar_get_date (GTK_CALENDAR (gtk_popover_get_child (popover)));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 25);
  gtk_popover_popdown (popover);

  _hp_record_dialog_set_text (dialog, "consent-date", "03.03.2027");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  own = gtk_calendar_get_date (GTK_CALENDAR (gtk_popover_get_child (popover)));
  g_assert_cmpint (g_date_time_get_month (own), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (own), ==, 3);
  gtk_popover_popdown (popover);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The cursor starts in the first field                                      */

static void
assert_focus_in (HpRecordDialog *dialog,
                 const char     *key)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  GtkWidget *row = _hp_record_dialog_get_row (dialog, key);

  g_assert_nonnull (focus);
  if (focus != row && !gtk_widget_is_ancestor (focus, row))
    g_error ("The focus is on a %s, not in the field “%s”", G_OBJECT_TYPE_NAME (focus), key);
}

static void
check_editor_focus (Fixture    *fixture,
                    PageNew     page_new,
                    const char *key)
{
  HpRecordDialog *dialog;

  show_page (fixture, page_new);
  dialog = open_editor (fixture->page, "page.add");
  assert_focus_in (dialog, key);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
}

static void
test_pages_editor_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HpSchool) first = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpSchool) second = hp_school_new ("170124", "Städtisches Gymnasium Arnsberg");
  g_autoptr(GError) error = NULL;

  /* two schools: the school is still to be chosen, so it is the first field */
  hp_store_add_school (fixture->store, first, &error);
  g_assert_no_error (error);
  hp_store_add_school (fixture->store, second, &error);
  g_assert_no_error (error);

  check_editor_focus (fixture, hp_sponsors_page_new, "name");
  check_editor_focus (fixture, hp_schools_page_new, "number");
  check_editor_focus (fixture, hp_graduates_page_new, "school-id");
  check_editor_focus (fixture, hp_handovers_page_new, "school-id");
}

/* A required choice is no error before the user touched it; with one
 * school there is nothing to choose. */
static void
test_pages_editor_choice (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HpSchool) first = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpSchool) second = hp_school_new ("170124", "Städtisches Gymnasium Arnsberg");
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;
  GtkWidget *row;
  GtkLabel *message;

  /* one school: chosen already, the cursor waits in the class */
  hp_store_add_school (fixture->store, first, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_graduates_page_new);
  dialog = open_editor (fixture->page, "page.add");
  g_assert_cmpint (hp_record_dialog_get_int (dialog, "school-id"), ==, hp_school_get_id (first));
  assert_focus_in (dialog, "class-name");
  g_assert_false (gtk_widget_has_css_class (_hp_record_dialog_get_row (dialog, "school-id"), "error"));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (_hp_record_dialog_get_message (dialog, "school-id"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  /* two schools: nothing chosen, a hint why Save waits, but no error */
  hp_store_add_school (fixture->store, second, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_graduates_page_new);
  dialog = open_editor (fixture->page, "page.add");
  row = _hp_record_dialog_get_row (dialog, "school-id");
  message = _hp_record_dialog_get_message (dialog, "school-id");
  g_assert_cmpint (hp_record_dialog_get_int (dialog, "school-id"), ==, 0);
  g_assert_false (save_sensitive (dialog));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "dim-label"));
  /* the drop-down asks for a choice instead of GTK's "(None)", and has the
   * focus where the user sees it: the focus ring shows without a key
   * pressed first */
  {
    GtkWidget *editor = _hp_record_dialog_get_editor (dialog, "school-id");
    GtkLabel *empty = hp_ui_test_find_label (editor, "Choose…");

    g_assert_nonnull (empty);
    g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (empty)));
    g_assert_null (hp_ui_test_find_label (editor, "(None)"));
    assert_focus_in (dialog, "school-id");
    g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (dialog)));
  }

  /* the user chooses the second school, then takes it back: now an error */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")), 1);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")),
                              GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_pages_school_validation (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HpSchool) existing = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;
  GtkLabel *message;
  HpSchool *saved;

  hp_store_add_school (fixture->store, existing, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_schools_page_new);

  dialog = open_editor (fixture->page, "page.add");
  _hp_record_dialog_set_text (dialog, "number", "170124");
  _hp_record_dialog_set_text (dialog, "name", "Städtisches Gymnasium Arnsberg");
  g_assert_true (save_sensitive (dialog));

  /* four digits: blocked, with the reason under the field */
  _hp_record_dialog_set_text (dialog, "postcode", "5982");
  message = _hp_record_dialog_get_message (dialog, "postcode");
  g_assert_false (save_sensitive (dialog));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (message)));
  g_assert_true (strstr (gtk_label_get_label (message), "five digits") != NULL);
  g_assert_true (gtk_widget_has_css_class (_hp_record_dialog_get_row (dialog, "postcode"), "error"));

  _hp_record_dialog_set_text (dialog, "postcode", "59821");
  g_assert_true (save_sensitive (dialog));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (message)));

  _hp_record_dialog_set_text (dialog, "handover", "25.06.2027 25:00");
  g_assert_false (save_sensitive (dialog));
  /* the hour alone is the full hour: "25.6.2027 11" is 11:00 */
  _hp_record_dialog_set_text (dialog, "handover", "25.6.2027 11");
  g_assert_true (save_sensitive (dialog));
  {
    g_autofree char *handover = hp_record_dialog_dup_string (dialog, "handover");

    g_assert_cmpstr (handover, ==, "2027-06-25T11:00");
  }
  _hp_record_dialog_set_text (dialog, "handover", "25.6.2027 11:");
  g_assert_false (save_sensitive (dialog));
  _hp_record_dialog_set_text (dialog, "handover", "25.06.2027 11:00");
  _hp_record_dialog_set_text (dialog, "expected-graduates", "84");
  g_assert_true (save_sensitive (dialog));

  /* a number that is taken: the store's message stays in the dialog */
  _hp_record_dialog_set_text (dialog, "number", "170123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  g_assert_true (_hp_table_page_get_dialog (fixture->page) == dialog);
  g_assert_nonnull (_hp_record_dialog_get_error_label (dialog));
  g_assert_true (strstr (gtk_label_get_label (_hp_record_dialog_get_error_label (dialog)), "170123") != NULL);

  _hp_record_dialog_set_text (dialog, "number", "170124");
  save (fixture->page, dialog);

  g_assert_cmpuint (n_shown (fixture->page), ==, 2);
  saved = HP_SCHOOL (hp_table_page_get_selected (fixture->page));
  g_assert_cmpstr (hp_school_get_postcode (saved), ==, "59821");
  g_assert_cmpint (hp_school_get_expected_graduates (saved), ==, 84);
  g_assert_cmpstr (hp_school_get_handover (saved), ==, "2027-06-25T11:00");

  /* Escape cancels: nothing half-saved */
  dialog = open_editor (fixture->page, "page.edit");
  _hp_record_dialog_set_text (dialog, "name", "Changed");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_null (_hp_table_page_get_dialog (fixture->page));
  g_assert_cmpstr (hp_school_get_name (HP_SCHOOL (hp_table_page_get_selected (fixture->page))),
                   ==, "Städtisches Gymnasium Arnsberg");
}

/* ------------------------------------------------------------------------ */
/* Products: the item from the suggestions, pledge, pack line, delivery    */

static HpProduct *
add_product (HpStore    *store,
             HpSponsor  *sponsor,
             const char *name,
             gboolean    adult_only)
{
  g_autoptr(GError) error = NULL;
  HpProduct *product = hp_product_new (hp_sponsor_get_id (sponsor), name);

  hp_product_set_adult_only (product, adult_only);
  hp_store_add_product (store, product, &error);
  g_assert_no_error (error);
  return product;
}

/* The text of @page's column @title for @item. */
static char *
dup_cell_text (HpTablePage *page,
               const char  *title,
               GObject     *item)
{
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (page);

  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i].title, title))
      {
        const HpColumnSpec *spec = &klass->columns[i];
        g_auto(GValue) value = G_VALUE_INIT;

        if (spec->get != NULL)
          {
            g_value_init (&value, G_TYPE_INT64);
            g_value_set_int64 (&value, spec->get (item, NULL));
          }
        else
          {
            g_object_get_property (item, spec->property, &value);
          }
        return hp_columns_format_cell (spec, &value);
      }

  g_error ("No column “%s”", title);
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

static void
test_pages_product_item_delivery (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(HpSponsor) veltins = add_sponsor (fixture->store, "Brauerei Veltins");
  g_autoptr(HpSponsor) getraenke = add_sponsor (fixture->store, "Getränke Arnsberg");
  g_autoptr(HpProduct) pils = add_product (fixture->store, veltins, "Pils 0,33 l", TRUE);
  g_autoptr(HpProduct) schorle = add_product (fixture->store, veltins, "Apfelschorle 0,33 l", FALSE);
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  g_autofree char *cell = NULL;
  HpRecordDialog *dialog;
  GtkPopover *popover;
  GtkListView *suggestions;
  HpProduct *product;

  /* two pieces of the Apfelschorle in each pack; the Pils in none */
  line = hp_recipe_item_new (hp_campaign_get_id (fixture->campaign), hp_product_get_item_id (schorle), 2, 2);
  hp_store_set_recipe_item (fixture->store, line, &error);
  g_assert_no_error (error);

  show_page (fixture, hp_products_page_new);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);

  /* Getränke Arnsberg gives Apfelschorle too: "apfel" suggests the item */
  dialog = open_editor (fixture->page, "page.add");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  popover = _hp_record_dialog_get_suggestions_popover (dialog, "name");
  suggestions = _hp_record_dialog_get_suggestion_view (dialog, "name");
  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "sponsor-id")), 1);
  g_assert_false (save_sensitive (dialog));      /* no item yet */

  _hp_record_dialog_set_text (dialog, "name", "apfel");
  hp_ui_test_wait_until (popover_shown, popover, WAIT_TIMEOUT_USEC, "No suggestions shown");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (suggestions))), ==, 1);
  g_signal_emit_by_name (suggestions, "activate", 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hp_record_dialog_get_editor (dialog, "name"))), ==,
                   "Apfelschorle 0,33 l");

  /* "l" matches both items, the full name only itself: nothing to suggest */
  _hp_record_dialog_set_text (dialog, "name", "l");
  hp_ui_test_wait_until (popover_shown, popover, WAIT_TIMEOUT_USEC, "No suggestions shown");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (suggestions))), ==, 2);
  _hp_record_dialog_set_text (dialog, "name", "APFELSCHORLE 0,33 L");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  _hp_record_dialog_set_text (dialog, "value-cents", "0,49");
  _hp_record_dialog_set_text (dialog, "pledged", "500");
  _hp_record_dialog_set_text (dialog, "due-date", "15.05.2027");
  save (fixture->page, dialog);

  /* one item, two gifts: its pack line is this gift's too */
  product = HP_PRODUCT (hp_table_page_get_selected (fixture->page));
  g_assert_nonnull (product);
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);
  g_assert_cmpint (hp_product_get_sponsor_id (product), ==, hp_sponsor_get_id (getraenke));
  g_assert_cmpint (hp_product_get_item_id (product), ==, hp_product_get_item_id (schorle));
  g_assert_cmpstr (hp_product_get_name (product), ==, "Apfelschorle 0,33 l");
  g_assert_cmpint (hp_product_get_value_cents (product), ==, 49);
  g_assert_cmpint (hp_product_get_pledged (product), ==, 500);
  g_assert_cmpuint (hp_product_get_per_standard (product), ==, 2);
  pledge = hp_store_find_pledge (fixture->store, hp_campaign_get_id (fixture->campaign),
                                 hp_product_get_id (product), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_pledge_get_due_date (pledge), ==, "2027-05-15");

  /* "Per pack" is the item's line, empty for an item not in the pack */
  cell = dup_cell_text (fixture->page, "Per pack", G_OBJECT (product));
  g_assert_cmpstr (cell, ==, "2");
  g_clear_pointer (&cell, g_free);
  cell = dup_cell_text (fixture->page, "Per pack", G_OBJECT (pils));
  g_assert_cmpstr (cell, ==, "");
  g_clear_pointer (&cell, g_free);

  /* the pack contents are visible as a filter: both gifts of the item */
  _hp_table_page_set_narrowed (fixture->page, TRUE, 1);
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);
  _hp_table_page_set_narrowed (fixture->page, FALSE, 0);
  wait_settled (fixture->page);

  /* choosing an 18+ item turns the switch on: the flag is the item's */
  dialog = open_editor (fixture->page, "page.add");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (_hp_record_dialog_get_editor (dialog, "adult-only"))));
  _hp_record_dialog_set_text (dialog, "name", "pils");
  popover = _hp_record_dialog_get_suggestions_popover (dialog, "name");
  hp_ui_test_wait_until (popover_shown, popover, WAIT_TIMEOUT_USEC, "No suggestions shown");
  g_signal_emit_by_name (_hp_record_dialog_get_suggestion_view (dialog, "name"), "activate", 0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (_hp_record_dialog_get_editor (dialog, "adult-only"))));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_null (_hp_table_page_get_dialog (fixture->page));

  /* book a delivery: one action away from the row */
  g_assert_true (_hp_table_page_select_id (fixture->page, hp_product_get_id (schorle)));
  dialog = open_editor (fixture->page, "page.book-delivery");
  g_assert_false (save_sensitive (dialog));      /* no quantity yet */
  _hp_record_dialog_set_text (dialog, "quantity", "0");
  g_assert_false (save_sensitive (dialog));
  _hp_record_dialog_set_text (dialog, "quantity", "120");
  _hp_record_dialog_set_text (dialog, "note", "Lieferschein 4711");
  save (fixture->page, dialog);

  product = HP_PRODUCT (hp_table_page_get_selected (fixture->page));
  g_assert_cmpint (hp_product_get_id (product), ==, hp_product_get_id (schorle));
  g_assert_cmpint (hp_product_get_received (product), ==, 120);

  /* a gift with a pledge is refused, visibly */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));
  g_assert_nonnull (hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
}

/* ------------------------------------------------------------------------ */
/* Graduates: counts alone, school filter, undo                              */

static void
test_pages_graduates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpGraduate) original = NULL;
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_graduates_page_new);
  g_assert_cmpstr (adw_status_page_get_title (_hp_table_page_get_empty_page (fixture->page)),
                   ==, "No Graduates Yet");

  /* names are optional */
  dialog = open_editor (fixture->page, "page.add");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")), 0);
  _hp_record_dialog_set_text (dialog, "class-name", "Q2");
  save (fixture->page, dialog);

  dialog = open_editor (fixture->page, "page.add");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")), 0);
  _hp_record_dialog_set_text (dialog, "last-name", "Schulte");
  _hp_record_dialog_set_text (dialog, "first-name", "Lena");
  _hp_record_dialog_set_text (dialog, "birth-date", "3.4.2009");
  _hp_record_dialog_set_text (dialog, "consent-date", "01.03.2027");
  _hp_record_dialog_set_text (dialog, "consent-source", "Formular");
  save (fixture->page, dialog);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);

  original = g_object_ref (HP_GRADUATE (hp_table_page_get_selected (fixture->page)));
  g_assert_cmpstr (hp_graduate_get_birth_date (original), ==, "2009-04-03");
  g_assert_cmpint (hp_graduate_get_campaign_id (original), ==, hp_campaign_get_id (fixture->campaign));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo", NULL));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);
  assert_same_properties (G_OBJECT (original), hp_table_page_get_selected (fixture->page));
}

/* The text the page's row at @position shows in the column @title: what
 * the packed row holds, not the store's item. */
static char *
dup_row_text (HpTablePage *page,
              guint        position,
              const char  *title)
{
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (page);
  HpRowModel *rows = _hp_table_page_get_priv (page)->rows;
  GPtrArray *shown = hp_row_model_get_rows (rows);

  g_assert_cmpuint (position, <, shown->len);
  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i].title, title))
      return hp_row_pool_format_cell (hp_row_model_get_pool (rows), g_ptr_array_index (shown, position), i);

  g_error ("No column “%s”", title);
}

static void
count_loads_cb (HpTablePage *page,
                GParamSpec  *pspec,
                guint       *loads)
{
  if (hp_table_page_get_loading (page))
    (*loads)++;
}

#define ASSERT_ROW(position, title, text) \
  G_STMT_START { \
    g_autofree char *shown_ = dup_row_text (fixture->page, position, title); \
    g_assert_cmpstr (shown_, ==, text); \
  } G_STMT_END

/* A graduate saved, removed or put back changes its row alone: no reload
 * of the whole list (a national campaign's takes seconds), the row shows
 * the new text, a removed row comes back where it was. */
static void
test_pages_graduates_row_in_place (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpCampaign) other = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  HpGraduate *graduates[3];
  static const char * const names[3][3] = {
    { "13a", "Becker", "Anna" }, { "13a", "Kemper", "Ben" }, { "13b", "Albers", "Carl" },
  };
  guint loads = 0;

  g_assert_true (hp_store_add_school (fixture->store, school, &error));
  g_assert_true (hp_store_add_campaign (fixture->store, other, &error));
  for (guint i = 0; i < 3; i++)
    {
      graduates[i] = hp_graduate_new (campaign_id, hp_school_get_id (school));
      hp_graduate_set_class_name (graduates[i], names[i][0]);
      hp_graduate_set_last_name (graduates[i], names[i][1]);
      hp_graduate_set_first_name (graduates[i], names[i][2]);
      g_assert_true (hp_store_add_graduate (fixture->store, graduates[i], &error));
    }
  g_assert_no_error (error);
  show_page (fixture, hp_graduates_page_new);
  wait_settled (fixture->page);
  g_signal_connect (fixture->page, "notify::loading", G_CALLBACK (count_loads_cb), &loads);

  /* the store's order: class, then name: Becker (13a), Kemper (13a), Albers (13b) */
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);
  ASSERT_ROW (1, "Last name", "Kemper");

  /* saved: Ben becomes Benedikt, in his row, without a load */
  hp_graduate_set_first_name (graduates[1], "Benedikt");
  g_assert_true (hp_store_update_graduate (fixture->store, graduates[1], &error));
  wait_settled (fixture->page);
  g_assert_cmpuint (loads, ==, 0);
  ASSERT_ROW (1, "First name", "Benedikt");
  ASSERT_ROW (1, "Last name", "Kemper");
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);

  /* removed: Becker's row (position 0) goes; undone: it comes back there */
  removal = hp_store_remove (fixture->store, HP_RECORD_GRADUATE, hp_graduate_get_id (graduates[0]), &error);
  g_assert_no_error (error);
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);
  ASSERT_ROW (0, "Last name", "Kemper");
  g_assert_true (hp_store_restore (fixture->store, removal, &error));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);
  ASSERT_ROW (0, "Last name", "Becker");
  ASSERT_ROW (2, "Last name", "Albers");
  g_assert_cmpuint (loads, ==, 0);

  /* moved to another campaign: the row leaves this one's page */
  hp_graduate_set_campaign_id (graduates[2], hp_campaign_get_id (other));
  g_assert_true (hp_store_update_graduate (fixture->store, graduates[2], &error));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);
  g_assert_cmpuint (loads, ==, 0);

  /* a new graduate's place in the store's order is the store's: one load */
  {
    g_autoptr(HpGraduate) added = hp_graduate_new (campaign_id, hp_school_get_id (school));

    hp_graduate_set_class_name (added, "13a");
    hp_graduate_set_last_name (added, "Arndt");
    g_assert_true (hp_store_add_graduate (fixture->store, added, &error));
  }
  wait_settled (fixture->page);
  g_assert_cmpuint (loads, ==, 1);
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);
  ASSERT_ROW (0, "Last name", "Arndt");
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    g_object_unref (graduates[i]);
}

/* The sum of @view's columns' fixed widths, or -1 while one has none */
static int
sum_fixed_widths (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  int sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_fixed_width (column) < 0)
        return -1;
      sum += gtk_column_view_column_get_fixed_width (column);
    }
  return sum;
}

typedef struct
{
  GtkColumnView *view;
  int            width;   /* the view's width the columns should fit */
  int            wider;   /* for columns_fit_narrow(): the width before */
} FitCheck;

static gboolean
columns_fit (gpointer data)
{
  FitCheck *check = data;
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (check->view));
  int sum = sum_fixed_widths (check->view);

  return sum > 0 && (int) gtk_adjustment_get_page_size (h) == check->width && sum <= check->width &&
         gtk_adjustment_get_upper (h) <= gtk_adjustment_get_page_size (h);
}

/* the view narrowed, and the columns fit it */
static gboolean
columns_fit_narrow (gpointer data)
{
  FitCheck *check = data;
  check->width = gtk_widget_get_width (GTK_WIDGET (check->view));

  return check->width < check->wider && columns_fit (check);
}

/* The columns get fixed widths from their titles and first row (GTK 4.8
 * would measure every cell of a column again for each new row) and fit the
 * view when the window narrows: no sideways scrolling. */
static void
test_pages_column_widths (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(GError) error = NULL;
  GtkColumnView *view;
  FitCheck check;
  int wide;

  g_assert_true (hp_store_add_school (fixture->store, school, &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(HpGraduate) graduate = hp_graduate_new (campaign_id, hp_school_get_id (school));

      hp_graduate_set_last_name (graduate, "Kemper");
      g_assert_true (hp_store_add_graduate (fixture->store, graduate, &error));
    }
  show_page (fixture, hp_graduates_page_new);
  view = _hp_table_page_get_column_view (fixture->page);

  /* 1000 px: every column has its width, and they fit */
  check.view = view;
  check.width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpint (check.width, >, 0);
  wait_until (columns_fit, &check);
  wide = sum_fixed_widths (view);
  check.wider = check.width;

  /* 600 px: narrower columns that fit again */
  gtk_window_set_default_size (fixture->window, 600, 700);
  wait_until (columns_fit_narrow, &check);
  g_assert_cmpint (sum_fixed_widths (view), <, wide);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* Hand-overs: record, correct, remove with undo                             */

static void
test_pages_handovers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpHandover) original = NULL;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  HpRecordDialog *dialog;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_handovers_page_new);
  g_assert_cmpstr (visible_state (fixture->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (_hp_table_page_get_empty_page (fixture->page)),
                   ==, "No Hand-overs Yet");

  /* a new hand-over starts now, with no packs: that is refused */
  dialog = open_editor (fixture->page, "page.add");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  g_assert_true (_hp_table_page_get_dialog (fixture->page) == dialog);

  /* 20 standard + 7 under 18, signed by Frau Jäger */
  _hp_record_dialog_set_text (dialog, "date", "03.07.2027 12:00");
  _hp_record_dialog_set_text (dialog, "standard", "20");
  _hp_record_dialog_set_text (dialog, "under18", "7");
  _hp_record_dialog_set_text (dialog, "received-by", "Frau Jäger");
  save (fixture->page, dialog);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);

  stored = hp_store_list_handovers (fixture->store, hp_campaign_get_id (fixture->campaign), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 1);
  original = g_list_model_get_item (stored, 0);
  g_assert_cmpstr (hp_handover_get_date (original), ==, "2027-07-03T12:00");
  g_assert_cmpint (hp_handover_get_total (original), ==, 27);
  g_assert_cmpint (hp_handover_get_school_id (original), ==, hp_school_get_id (school));
  g_assert_cmpstr (hp_handover_get_received_by (original), ==, "Frau Jäger");

  /* the row is the stored hand-over, its school filled in */
  select_position (fixture->page, 0);
  g_assert_cmpstr (hp_handover_get_school_name (HP_HANDOVER (hp_table_page_get_selected (fixture->page))), ==,
                   "Gymnasium Petrinum");
  g_assert_cmpstr (gtk_label_get_label (_hp_table_page_get_count_label (fixture->page)), ==, "1 hand-over");

  /* remove, and undo brings it back exactly */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 0);
  g_assert_nonnull (_hp_table_page_get_undo_toast (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo", NULL));
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  select_position (fixture->page, 0);
  assert_same_properties (G_OBJECT (original), hp_table_page_get_selected (fixture->page));
}

/* The graduate of @page's model with @id, and its position. */
static HpGraduate *
find_graduate (HpTablePage *page,
               gint64       id,
               guint       *out_position)
{
  GListModel *model = _hp_table_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (model, i);

      if (hp_graduate_get_id (graduate) == id)
        {
          *out_position = i;
          return graduate;   /* the model keeps it */
        }
    }

  g_error ("Graduate %" G_GINT64_FORMAT " not shown", id);
}

static gint64
add_graduate (HpStore    *store,
              gint64      campaign_id,
              gint64      school_id,
              const char *last_name,
              const char *birth_date)
{
  g_autoptr(HpGraduate) graduate = hp_graduate_new (campaign_id, school_id);
  g_autoptr(GError) error = NULL;

  hp_graduate_set_last_name (graduate, last_name);
  hp_graduate_set_birth_date (graduate, birth_date);
  hp_store_add_graduate (store, graduate, &error);
  g_assert_no_error (error);
  return hp_graduate_get_id (graduate);
}

static GtkWidget *find_cell (HpTablePage *page, guint position, const char *text);

static gboolean
label_shown (gpointer label)
{
  return gtk_widget_get_visible (label);
}

static gboolean
label_hidden (gpointer label)
{
  return !gtk_widget_get_visible (label);
}

/* Under 18 on the hand-over day; without one, on 30 June of the campaign
 * year, which the page says it assumed. Worked by hand for 2027:
 *   born 2009-07-01: 17 on 2027-06-30 → U18
 *   born 2009-06-30: 18 on 2027-06-30 (the birthday counts) → not U18
 *   born 2009-06-28: 18 on 2027-06-30 → not U18; with the school's
 *     hand-over on 2027-06-25 it is 17 that day → U18 (and so is the one
 *     born 2009-06-30)
 *   born 2009-06-25: 18 on either day (on its birthday) → not U18
 *   no birth date → not known, "?" */
static void
test_pages_graduates_under18 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(GError) error = NULL;
  g_autofree char *day = hp_format_date ("2027-06-30");
  g_autofree char *note = g_strdup_printf ("Ages as on %s (assumed hand-over day)", day);
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  gint64 minor, of_age, late, early, unknown;
  GtkLabel *label;
  guint position;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  minor = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Albers", "2009-07-01");
  of_age = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Berger", "2009-06-30");
  late = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Claasen", "2009-06-28");
  early = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Dahlmann", "2009-06-25");
  unknown = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Eickhoff", NULL);
  show_page (fixture, hp_graduates_page_new);
  g_assert_cmpuint (n_shown (fixture->page), ==, 5);

  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, minor, &position)), ==, 1);
  find_cell (fixture->page, position, "U18");
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, of_age, &position)), ==, 0);
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, late, &position)), ==, 0);
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, early, &position)), ==, 0);
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, unknown, &position)), ==, HP_UNSET);
  find_cell (fixture->page, position, "?");

  /* neither the campaign nor the school has a hand-over day: say so */
  label = hp_ui_test_find_label (GTK_WIDGET (fixture->page), "assumed hand-over day");
  g_assert_nonnull (label);
  hp_ui_test_wait_until (label_shown, label, WAIT_TIMEOUT_USEC, "No note on the assumed day");
  g_assert_cmpstr (gtk_label_get_label (label), ==, note);

  /* the school's own hand-over: ages on that day, nothing assumed */
  hp_school_set_handover (school, "2027-06-25T11:00");
  hp_store_set_school_campaign (fixture->store, campaign_id, school, &error);
  g_assert_no_error (error);
  wait_settled (fixture->page);
  hp_ui_test_wait_until (label_hidden, label, WAIT_TIMEOUT_USEC, "The note stayed");
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, late, &position)), ==, 1);
  find_cell (fixture->page, position, "U18");
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, of_age, &position)), ==, 1);
  g_assert_cmpint (hp_graduate_get_under18 (find_graduate (fixture->page, early, &position)), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Schools: the graduate list complete                                       */

static gboolean
school_list_complete (HpStore *store,
                      gint64   campaign_id,
                      gint64   school_id)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  schools = hp_store_list_schools (store, campaign_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

      if (hp_school_get_id (school) == school_id)
        return hp_school_get_list_complete (school);
    }

  g_error ("No school %" G_GINT64_FORMAT, school_id);
}

static void
test_pages_school_list_complete (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(GError) error = NULL;
  g_autofree char *cell = NULL;
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  HpRecordDialog *dialog;
  HpSchool *shown;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  hp_school_set_expected_graduates (school, 50);
  hp_store_set_school_campaign (fixture->store, campaign_id, school, &error);
  g_assert_no_error (error);
  show_page (fixture, hp_schools_page_new);

  select_position (fixture->page, 0);
  cell = dup_cell_text (fixture->page, "List complete", hp_table_page_get_selected (fixture->page));
  g_assert_cmpstr (cell, ==, "");
  g_clear_pointer (&cell, g_free);

  /* the row menu's check item */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.list-complete", NULL));
  wait_settled (fixture->page);
  g_assert_true (school_list_complete (fixture->store, campaign_id, hp_school_get_id (school)));
  shown = HP_SCHOOL (hp_table_page_get_selected (fixture->page));
  g_assert_true (hp_school_get_list_complete (shown));
  find_cell (fixture->page, 0, "✓");
  {
    gboolean state = FALSE;

    g_object_get (fixture->page, "list-complete", &state, NULL);
    g_assert_true (state);
  }

  /* editing the school keeps its list complete */
  dialog = open_editor (fixture->page, "page.edit");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (_hp_record_dialog_get_editor (dialog, "list-complete"))));
  _hp_record_dialog_set_text (dialog, "name", "Gymnasium Petrinum Brilon");
  save (fixture->page, dialog);
  g_assert_true (school_list_complete (fixture->store, campaign_id, hp_school_get_id (school)));
  shown = HP_SCHOOL (hp_table_page_get_selected (fixture->page));
  g_assert_cmpstr (hp_school_get_name (shown), ==, "Gymnasium Petrinum Brilon");
  g_assert_cmpint (hp_school_get_expected_graduates (shown), ==, 50);

  /* and the editor's switch takes it back */
  dialog = open_editor (fixture->page, "page.edit");
  gtk_switch_set_active (GTK_SWITCH (_hp_record_dialog_get_editor (dialog, "list-complete")), FALSE);
  save (fixture->page, dialog);
  g_assert_false (school_list_complete (fixture->store, campaign_id, hp_school_get_id (school)));
  g_assert_false (hp_school_get_list_complete (HP_SCHOOL (hp_table_page_get_selected (fixture->page))));
}

/* ------------------------------------------------------------------------ */
/* Searching, keeping in sync                                                */

/* how many rows the column view holds so far (hp-reveal-model.c) */
static guint
n_revealed (HpTablePage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (_hp_table_page_get_column_view (page))));
}

static gboolean
sixty_revealed (gpointer page)
{
  return n_revealed (page) >= 60;
}

static gboolean
unmapped_rows_given_back (gpointer page)
{
  return gtk_column_view_get_model (_hp_table_page_get_column_view (page)) == NULL;
}

/* While a page shows its first rows a few per frame, scrolling holds the
 * rows out of view back (the frames are the scrolling's), unless the user
 * scrolls toward the last rows shown so far. */
static void
test_pages_scroll_holds_reveal (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkAdjustment *vadjustment;
  gint64 held_at;
  guint n_before, n_held;

  show_page (fixture, hp_graduates_page_new);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (_hp_table_page_get_column_view (fixture->page)));

  /* hidden at its top, the page gives its rows back; shown again, it
   * reveals them anew */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  wait_until (unmapped_rows_given_back, fixture->page);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  wait_until (sixty_revealed, fixture->page);
  g_assert_cmpuint (n_revealed (fixture->page), <, 200);

  /* scrolling on at the last rows shown for 600 ms: more come all the same
   * (a hold would last as long as the scrolling) */
  n_before = n_revealed (fixture->page);
  held_at = g_get_monotonic_time ();
  for (guint i = 0; g_get_monotonic_time () - held_at < 600 * 1000; i++)
    {
      /* a pixel up and down: the value changes each time */
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) -
                                             gtk_adjustment_get_page_size (vadjustment) - i % 2);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_cmpuint (n_revealed (fixture->page), >, n_before);

  /* back near the top: none for a while */
  gtk_adjustment_set_value (vadjustment, 0.0);
  held_at = g_get_monotonic_time ();
  n_held = n_revealed (fixture->page);
  hp_ui_test_run_for (150 * 1000);
  /* the hold lasts 300 ms: a loop that overran says nothing */
  if (g_get_monotonic_time () - held_at < 300 * 1000)
    g_assert_cmpuint (n_revealed (fixture->page), ==, n_held);
  wait_settled (fixture->page);
  g_assert_cmpuint (n_revealed (fixture->page), ==, 2000);
}

static void
test_pages_search (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkLabel *count;
  guint n_all;

  show_page (fixture, hp_graduates_page_new);
  count = _hp_table_page_get_count_label (fixture->page);
  n_all = n_shown (fixture->page);
  g_assert_cmpuint (n_all, ==, 2000);

  /* a closed search bar takes no room above the list */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_hp_table_page_get_search_bar (fixture->page))));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (_hp_table_page_get_search_bar (fixture->page))), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (_hp_table_page_get_search_bar (fixture->page)));

  _hp_table_page_set_search_text (fixture->page, "a");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), <, n_all);
  g_assert_cmpuint (n_shown (fixture->page), >, 0);
  /* 2000 groups as 2|000 in English */
  g_assert_true (strstr (gtk_label_get_label (count), " of 2,000 graduates") != NULL);

  _hp_table_page_set_search_text (fixture->page, "zzzzzz");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 0);
  g_assert_cmpstr (visible_state (fixture->page), ==, "no-results");

  _hp_table_page_set_search_text (fixture->page, "");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, n_all);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "2,000 graduates");
  g_assert_cmpstr (visible_state (fixture->page), ==, "list");
}

/* German names typed without umlauts, or with them */
static void
test_pages_search_umlauts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HpSponsor) umlaut = add_sponsor (fixture->store, "Bäckerei Müller");
  g_autoptr(HpSponsor) written_out = add_sponsor (fixture->store, "Mueller Getränke");
  g_autoptr(HpSponsor) plain = add_sponsor (fixture->store, "Muller & Söhne");
  g_autoptr(HpSponsor) other = add_sponsor (fixture->store, "Meyer Straßenbau");

  show_page (fixture, hp_sponsors_page_new);
  g_assert_cmpuint (n_shown (fixture->page), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.search", NULL));

  /* "mueller": "Mueller" as it is, "Müller" as ü = ue; not "Muller" */
  _hp_table_page_set_search_text (fixture->page, "mueller");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);

  /* "muller": "Muller" as it is, "Müller" without the dots */
  _hp_table_page_set_search_text (fixture->page, "muller");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2);

  /* "Müller": all three (ü→u finds Muller and Müller, ü→ue Mueller) */
  _hp_table_page_set_search_text (fixture->page, "Müller");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);

  /* ß = ss, both in the text and in the query; "soehne" = "Söhne" */
  _hp_table_page_set_search_text (fixture->page, "strassenbau");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  _hp_table_page_set_search_text (fixture->page, "soehne");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
}

/* The cells of the view's row at @position, added to @cells. */
static void
collect_row_cells (GtkWidget  *widget,
                   guint       position,
                   GPtrArray  *cells)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "hp-list-item");

  if (GTK_IS_INSCRIPTION (widget) && list_item != NULL &&
      gtk_list_item_get_position (list_item) == position)
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_row_cells (child, position, cells);
}

/* Returns: (transfer none): the cell of the row at @position that shows
 * @text */
static GtkWidget *
find_cell (HpTablePage *page,
           guint        position,
           const char  *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  collect_row_cells (GTK_WIDGET (_hp_table_page_get_column_view (page)), position, cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return g_ptr_array_index (cells, i);

  g_error ("Row %u does not show “%s”", position, text);
}

/* The view's rows stay while what they show changes (hp-row-model.c): a
 * search result reuses the rows' cells, which show its rows; the selection
 * stays with its graduate while the search shows it, and goes when it
 * does not. */
static void
test_pages_search_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *model;
  g_autoptr(HpGraduate) chosen = NULL;
  g_autoptr(HpGraduate) first = NULL;
  g_autoptr(HpGraduate) found = NULL;
  g_autofree char *query = NULL;
  GtkWidget *cell;

  show_page (fixture, hp_graduates_page_new);
  model = _hp_table_page_get_model (fixture->page);
  first = g_list_model_get_item (model, 0);
  chosen = g_list_model_get_item (model, 7);
  g_assert_cmpstr (hp_graduate_get_first_name (first), !=, hp_graduate_get_first_name (chosen));
  cell = find_cell (fixture->page, 0, hp_graduate_get_first_name (first));

  query = g_strdup_printf ("%s %s", hp_graduate_get_first_name (chosen), hp_graduate_get_last_name (chosen));
  _hp_table_page_set_search_text (fixture->page, query);
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), <, 2000);
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (hp_graduate_get_first_name (found), ==, hp_graduate_get_first_name (chosen));
  /* the same cell, showing the search's first row */
  g_assert_true (find_cell (fixture->page, 0, hp_graduate_get_first_name (found)) == cell);
  find_cell (fixture->page, 0, hp_graduate_get_last_name (found));

  _hp_table_page_set_search_text (fixture->page, "");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, 2000);
  g_assert_true (find_cell (fixture->page, 0, hp_graduate_get_first_name (first)) == cell);

  /* rows out of sight (unmapped) follow too */
  _hp_table_page_set_search_text (fixture->page, "e");
  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), >, 150);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  {
    g_autoptr(HpGraduate) far = g_list_model_get_item (model, 150);

    find_cell (fixture->page, 150, hp_graduate_get_first_name (far));
    find_cell (fixture->page, 150, hp_graduate_get_last_name (far));
  }
  _hp_table_page_set_search_text (fixture->page, "");
  wait_settled (fixture->page);

  /* the selection follows its graduate into the search's rows... */
  select_position (fixture->page, 7);
  _hp_table_page_set_search_text (fixture->page, query);
  wait_settled (fixture->page);
  g_assert_cmpint (_hp_table_page_get_item_id (hp_table_page_get_selected (fixture->page)), ==,
                   hp_graduate_get_id (chosen));

  /* ...and goes with it */
  _hp_table_page_set_search_text (fixture->page, "zzzzzz");
  wait_settled (fixture->page);
  g_assert_null (hp_table_page_get_selected (fixture->page));
  _hp_table_page_set_search_text (fixture->page, "");
  wait_settled (fixture->page);
  g_assert_null (hp_table_page_get_selected (fixture->page));
}

static void
freed_cb (gpointer  data,
          GObject  *where_the_object_was)
{
  g_atomic_pointer_set ((GThread **) data, g_thread_self ());
}

static gboolean
freed (gpointer data)
{
  return g_atomic_pointer_get ((GThread **) data) != NULL;
}

/* What _hp_table_page_release() lets go of waits for the main loop: the
 * caller's own references, dropped before it returns (the view letting go
 * of the model it showed), must not be the last ones, or the main thread
 * would free it after all. */
static void
test_pages_release_after_callback (void)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);
  GThread *thread = NULL;

  g_object_weak_ref (object, freed_cb, &thread);
  _hp_table_page_release (g_object_ref (object), g_object_unref);
  /* time enough for a worker to drop its reference now */
  g_usleep (100 * 1000);
  g_object_unref (object);
  g_assert_null (g_atomic_pointer_get (&thread));

  hp_ui_test_wait_until (freed, &thread, 10 * G_USEC_PER_SEC, "Nothing freed the object");
  g_assert_true (g_atomic_pointer_get (&thread) != g_thread_self ());
}

/* What the search shows: the rows whose searchable columns hold every
 * word, folded one way or the other (hp_fold_for_search(): "MÜL" is "mul"
 * or "muel"), in the order of the store (no column sorted). */
static GArray *
expected_ids (HpTablePage *page,
              const char  *text)
{
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (page);
  /* the store's list, not the page's rows */
  g_autoptr(GListModel) items = hp_store_list_graduates (hp_table_page_get_store (page),
                                                         hp_table_page_get_campaign_id (page), 0, NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *key = hp_columns_dup_search_key (klass->columns, klass->n_columns, item);
      gboolean match = TRUE;
      gint64 id = _hp_table_page_get_item_id (item);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *plain = hp_fold_for_search (words[w], FALSE);
          g_autofree char *transliterated = hp_fold_for_search (words[w], TRUE);

          if (*words[w] != '\0' && strstr (key, plain) == NULL && strstr (key, transliterated) == NULL)
            match = FALSE;
        }
      if (match)
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
assert_shows_ids (HpTablePage *page,
                  GArray      *ids)
{
  GListModel *model = _hp_table_page_get_model (page);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_cmpint (_hp_table_page_get_item_id (item), ==, g_array_index (ids, gint64, i));
    }
}

static void
test_pages_search_semantics (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const queries[] = { "a", "MÜL", "q2 a", "  e   n ", "zzzzzz" };

  show_page (fixture, hp_graduates_page_new);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) ids = expected_ids (fixture->page, queries[q]);

      _hp_table_page_set_search_text (fixture->page, queries[q]);
      g_assert_true (_hp_table_page_get_filtering (fixture->page));
      wait_settled (fixture->page);
      assert_shows_ids (fixture->page, ids);
    }
}

static void
test_pages_search_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  show_page (fixture, hp_graduates_page_new);
  ids = expected_ids (fixture->page, "an");

  /* the second keystroke comes before the first search is done: only its
   * result may show */
  _hp_table_page_set_search_text (fixture->page, "zzzzzz");
  _hp_table_page_set_search_text (fixture->page, "an");
  wait_settled (fixture->page);
  assert_shows_ids (fixture->page, ids);
  g_assert_cmpstr (visible_state (fixture->page), ==, "list");

  /* nothing late arrives afterwards */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  assert_shows_ids (fixture->page, ids);
}

static void
test_pages_search_sorted (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) last_name = NULL;
  GListModel *model;
  g_autofree char *previous = NULL;
  guint n_items;

  show_page (fixture, hp_graduates_page_new);
  view = _hp_table_page_get_column_view (fixture->page);
  last_name = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  g_assert_cmpstr (gtk_column_view_column_get_title (last_name), ==, "Last name");
  gtk_column_view_sort_by_column (view, last_name, GTK_SORT_DESCENDING);

  _hp_table_page_set_search_text (fixture->page, "e");
  wait_settled (fixture->page);
  model = _hp_table_page_get_model (fixture->page);
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, 1);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (model, i);
      const char *last = hp_graduate_get_last_name (graduate);
      /* as GtkStringSorter compares: case-folded, collated */
      g_autofree char *name = g_utf8_casefold (last ? last : "", -1);

      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, name), >=, 0);
      g_free (previous);
      previous = g_steal_pointer (&name);
    }
}

static void
test_pages_sync (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HpSponsor) sponsor = NULL;
  guint before;

  show_page (fixture, hp_sponsors_page_new);
  before = n_shown (fixture->page);

  /* a burst of writes elsewhere reloads the page once */
  g_assert_true (hp_store_begin (fixture->store, NULL));
  sponsor = add_sponsor (fixture->store, "Neuer Sponsor A");
  g_clear_object (&sponsor);
  sponsor = add_sponsor (fixture->store, "Neuer Sponsor B");
  g_assert_true (hp_store_commit (fixture->store, NULL));

  wait_settled (fixture->page);
  g_assert_cmpuint (n_shown (fixture->page), ==, before + 2);
}

/* ------------------------------------------------------------------------ */
/* Accessibility                                                             */

static void
assert_icon_buttons_labelled (GtkWidget *widget)
{
  /* what the user sees; libadwaita keeps e.g. an entry row's apply
   * button unrevealed */
  if (!gtk_widget_get_mapped (widget))
    return;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_get_first_child (widget) != NULL &&
      GTK_IS_IMAGE (gtk_widget_get_first_child (widget)) &&
      gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget)) == NULL)
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("Icon-only %s in %s in %s without an accessible label", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_icon_buttons_labelled (child);
}

static void
test_pages_a11y (Fixture       *fixture,
                 gconstpointer  data)
{
  HpRecordDialog *dialog;

  show_page (fixture, hp_products_page_new);
  assert_icon_buttons_labelled (GTK_WIDGET (fixture->page));

  select_position (fixture->page, 0);
  dialog = open_editor (fixture->page, "page.edit");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  assert_icon_buttons_labelled (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Graduates: contact data with consent, "received" ticks (issue 14)         */

static gboolean
received_in_store (HpStore *store,
                   gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) graduate = hp_store_get_graduate (store, id, &error);

  g_assert_no_error (error);
  return hp_graduate_get_pack_received (graduate);
}

static void
test_pages_graduates_contact_received (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(HpSchool) school = hp_school_new ("170123", "Gymnasium Petrinum");
  g_autoptr(HpSchool) other = hp_school_new ("170999", "Realschule Brilon");
  g_autoptr(GError) error = NULL;
  gint64 campaign_id = hp_campaign_get_id (fixture->campaign);
  gint64 ids[3], elsewhere;
  HpRecordDialog *dialog;
  HpGraduate *shown;
  guint position;

  hp_store_add_school (fixture->store, school, &error);
  g_assert_no_error (error);
  hp_store_add_school (fixture->store, other, &error);
  g_assert_no_error (error);
  ids[0] = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Adler", NULL);
  ids[1] = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Berg", NULL);
  ids[2] = add_graduate (fixture->store, campaign_id, hp_school_get_id (school), "Conrad", NULL);
  elsewhere = add_graduate (fixture->store, campaign_id, hp_school_get_id (other), "Dorn", NULL);
  show_page (fixture, hp_graduates_page_new);

  /* e-mail and phone wait for the consent's date and source */
  find_graduate (fixture->page, ids[0], &position);
  select_position (fixture->page, position);
  dialog = open_editor (fixture->page, "page.edit");
  g_assert_false (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "email")));
  g_assert_false (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "phone")));
  _hp_record_dialog_set_text (dialog, "consent-date", "01.03.2027");
  g_assert_false (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "email")));
  _hp_record_dialog_set_text (dialog, "consent-source", "Abiball");
  g_assert_true (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "email")));
  g_assert_true (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "phone")));
  _hp_record_dialog_set_text (dialog, "email", "adler@example.org");
  save (fixture->page, dialog);
  {
    g_autoptr(HpGraduate) saved = hp_store_get_graduate (fixture->store, ids[0], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hp_graduate_get_email (saved), ==, "adler@example.org");
  }

  /* the consent withdrawn: the contact data goes with it */
  find_graduate (fixture->page, ids[0], &position);
  select_position (fixture->page, position);
  dialog = open_editor (fixture->page, "page.edit");
  g_assert_true (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "email")));
  _hp_record_dialog_set_text (dialog, "consent-source", "");
  g_assert_false (gtk_widget_get_sensitive (_hp_record_dialog_get_row (dialog, "email")));
  save (fixture->page, dialog);
  {
    g_autoptr(HpGraduate) saved = hp_store_get_graduate (fixture->store, ids[0], &error);

    g_assert_no_error (error);
    g_assert_null (hp_graduate_get_email (saved));
    g_assert_null (hp_graduate_get_consent_source (saved));
  }

  /* one tick from the row menu */
  shown = find_graduate (fixture->page, ids[1], &position);
  select_position (fixture->page, position);
  g_assert_false (hp_graduate_get_pack_received (shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.pack-received", NULL));
  wait_settled (fixture->page);
  g_assert_true (received_in_store (fixture->store, ids[1]));
  g_assert_false (received_in_store (fixture->store, ids[0]));

  /* all of the selected graduate's school: Adler and Conrad now, not the
   * other school's Dorn; undo unticks those two, not Berg ticked before */
  shown = find_graduate (fixture->page, ids[2], &position);
  select_position (fixture->page, position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.school-received", NULL));
  wait_settled (fixture->page);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (received_in_store (fixture->store, ids[i]));
  g_assert_false (received_in_store (fixture->store, elsewhere));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo-received", NULL));
  wait_settled (fixture->page);
  g_assert_false (received_in_store (fixture->store, ids[0]));
  g_assert_true (received_in_store (fixture->store, ids[1]));
  g_assert_false (received_in_store (fixture->store, ids[2]));
  g_assert_false (received_in_store (fixture->store, elsewhere));
  /* once: a second undo changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.undo-received", NULL);
  wait_settled (fixture->page);
  g_assert_true (received_in_store (fixture->store, ids[1]));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/heimpack/pages/empty", Fixture, NULL,
              fixture_setup_empty, test_pages_empty, fixture_teardown);
  g_test_add ("/heimpack/pages/graduates-need-campaign", Fixture, NULL,
              fixture_setup_empty, test_pages_graduates_need_campaign, fixture_teardown);
  g_test_add ("/heimpack/pages/handovers-need-campaign", Fixture, NULL,
              fixture_setup_empty, test_pages_handovers_need_campaign, fixture_teardown);
  g_test_add ("/heimpack/pages/sponsor-undo", Fixture, NULL,
              fixture_setup_campaign, test_pages_sponsor_undo, fixture_teardown);
  g_test_add ("/heimpack/pages/sponsor-in-use", Fixture, NULL,
              fixture_setup_campaign, test_pages_sponsor_in_use, fixture_teardown);
  g_test_add_func ("/heimpack/pages/products-per-pack", test_pages_products_per_pack);
  g_test_add ("/heimpack/pages/calendar-default", Fixture, NULL,
              fixture_setup_campaign, test_pages_calendar_default, fixture_teardown);
  g_test_add ("/heimpack/pages/editor-focus", Fixture, NULL,
              fixture_setup_campaign, test_pages_editor_focus, fixture_teardown);
  g_test_add ("/heimpack/pages/editor-choice", Fixture, NULL,
              fixture_setup_campaign, test_pages_editor_choice, fixture_teardown);
  g_test_add ("/heimpack/pages/school-validation", Fixture, NULL,
              fixture_setup_campaign, test_pages_school_validation, fixture_teardown);
  g_test_add ("/heimpack/pages/product-item-delivery", Fixture, NULL,
              fixture_setup_campaign, test_pages_product_item_delivery, fixture_teardown);
  g_test_add ("/heimpack/pages/handovers", Fixture, NULL,
              fixture_setup_campaign, test_pages_handovers, fixture_teardown);
  g_test_add ("/heimpack/pages/graduates", Fixture, NULL,
              fixture_setup_campaign, test_pages_graduates, fixture_teardown);
  g_test_add ("/heimpack/pages/column-widths", Fixture, NULL,
              fixture_setup_campaign, test_pages_column_widths, fixture_teardown);
  g_test_add ("/heimpack/pages/graduates-row-in-place", Fixture, NULL,
              fixture_setup_campaign, test_pages_graduates_row_in_place, fixture_teardown);
  g_test_add ("/heimpack/pages/graduates-contact-received", Fixture, NULL,
              fixture_setup_campaign, test_pages_graduates_contact_received, fixture_teardown);
  g_test_add ("/heimpack/pages/graduates-under18", Fixture, NULL,
              fixture_setup_campaign, test_pages_graduates_under18, fixture_teardown);
  g_test_add ("/heimpack/pages/school-list-complete", Fixture, NULL,
              fixture_setup_campaign, test_pages_school_list_complete, fixture_teardown);
  g_test_add ("/heimpack/pages/scroll-holds-reveal", Fixture, NULL,
              fixture_setup_demo, test_pages_scroll_holds_reveal, fixture_teardown);
  g_test_add ("/heimpack/pages/search", Fixture, NULL,
              fixture_setup_demo, test_pages_search, fixture_teardown);
  g_test_add ("/heimpack/pages/search-umlauts", Fixture, NULL,
              fixture_setup_campaign, test_pages_search_umlauts, fixture_teardown);
  g_test_add ("/heimpack/pages/search-rows", Fixture, NULL,
              fixture_setup_demo, test_pages_search_rows, fixture_teardown);
  g_test_add_func ("/heimpack/pages/release-after-callback", test_pages_release_after_callback);
  g_test_add ("/heimpack/pages/search-semantics", Fixture, NULL,
              fixture_setup_demo, test_pages_search_semantics, fixture_teardown);
  g_test_add ("/heimpack/pages/search-cancel", Fixture, NULL,
              fixture_setup_demo, test_pages_search_cancel, fixture_teardown);
  g_test_add ("/heimpack/pages/search-sorted", Fixture, NULL,
              fixture_setup_demo, test_pages_search_sorted, fixture_teardown);
  g_test_add ("/heimpack/pages/sync", Fixture, NULL,
              fixture_setup_demo, test_pages_sync, fixture_teardown);
  g_test_add ("/heimpack/pages/a11y", Fixture, NULL,
              fixture_setup_demo, test_pages_a11y, fixture_teardown);

  return g_test_run ();
}
