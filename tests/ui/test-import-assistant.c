/* test-import-assistant.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant, driven in-process under Xvfb from the window's
 * actions and drop target, over the fixtures in tests/data: preview,
 * mapping, filters, dry run, import, errors, stopping and closing; schools,
 * graduates and sponsors; what the summary says the filters did.
 *
 * With HP_SCREENSHOT_DIR set, every step is also saved there as a PNG.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-import-assistant-private.h"
#include "hp-table-page-private.h"
#include "hp-ui-test-utils.h"
#include "hp-window-private.h"

#define WAIT_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

static const char * const page_names[] = { "sponsors", "products", "schools", "graduates" };

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* NULL for a file without campaign */
  HpWindow   *window;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  hp_ui_test_wait_until (done, data, WAIT_TIMEOUT_USEC, "Timed out waiting");
}

static gboolean
page_loaded (gpointer page)
{
  return !_hp_table_page_get_busy (page);
}

static gboolean
assistant_idle (gpointer assistant)
{
  return !_hp_import_assistant_get_busy (assistant);
}

static gboolean
pointer_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}

static HpStoreStats
get_stats (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats stats;

  g_assert_true (hp_store_get_stats (fixture->store, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

static const char *
get_selected_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (item);
}

static guint
find_string (AdwComboRow *row,
             const char  *needle)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), needle) != NULL)
        return i;
    }

  g_error ("No “%s” in the row “%s”", needle, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* Saves @window as HP_SCREENSHOT_DIR/import-@name.png, if that is set. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("HP_SCREENSHOT_DIR");
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* let transitions end */
  hp_ui_test_run_for (400 * 1000);
  gtk_test_widget_wait_for_draw (window);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  basename = g_strdup_printf ("import-%s.png", name);
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

/* A chooser's popover does not pop up under Xvfb (no monitor for it): for
 * the screenshot, its content is shown in a window of its own. */
static void
screenshot_chooser (HpChoiceRow *row,
                    const char  *name)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (hp_choice_row_get_list (row)), GTK_TYPE_POPOVER);
  g_autoptr(GtkWidget) content = NULL;
  GtkWidget *window;

  if (g_getenv ("HP_SCREENSHOT_DIR") == NULL)
    return;

  content = g_object_ref (gtk_popover_get_child (GTK_POPOVER (popover)));
  gtk_popover_set_child (GTK_POPOVER (popover), NULL);
  window = gtk_window_new ();
  gtk_widget_add_css_class (window, "popover");
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  hp_ui_test_present (GTK_WINDOW (window));
  screenshot (window, name);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_popover_set_child (GTK_POPOVER (popover), content);
}

/* ------------------------------------------------------------------------ */
/* Driving the assistant                                                     */

static HpImportAssistant *
open_assistant (Fixture    *fixture,
                const char *action)
{
  HpImportAssistant *assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  assistant = hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (assistant)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant)) == GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (assistant));

  return assistant;
}

static void
choose_fixture (HpImportAssistant *assistant,
                const char        *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _hp_import_assistant_choose_file (assistant, file);
}

static void
click_next (HpImportAssistant *assistant)
{
  GtkButton *next = _hp_import_assistant_get_next_button (assistant);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (next)));
  g_signal_emit_by_name (next, "clicked");
}

static void
assert_step (HpImportAssistant *assistant,
             const char        *step)
{
  g_assert_cmpstr (_hp_import_assistant_get_step (assistant), ==, step);
}

/* Next on the filters step: the dry run, then its outcome. */
static void
run_dry (HpImportAssistant *assistant)
{
  assert_step (assistant, "filters");
  click_next (assistant);
  assert_step (assistant, "summary");
  wait_until (assistant_idle, assistant);
}

/* "Import": waits until the assistant has closed and is gone. */
static void
import_and_wait_closed (HpImportAssistant *assistant)
{
  gpointer weak = assistant;

  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);
  g_assert_cmpstr (gtk_button_get_label (_hp_import_assistant_get_next_button (assistant)), ==, "_Import");
  click_next (assistant);
  g_assert_true (_hp_import_assistant_get_busy (assistant));
  wait_until (pointer_cleared, &weak);
  g_assert_null (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
}

static guint
count_page_items (Fixture    *fixture,
                  const char *name)
{
  HpTablePage *page = _hp_window_get_page (fixture->window, name);

  wait_until (page_loaded, page);
  return g_list_model_get_n_items (_hp_table_page_get_model (page));
}

typedef struct
{
  HpTablePage *page;
  guint        expected;
} PageCount;

static gboolean
page_shows (gpointer data)
{
  PageCount *count = data;

  return !_hp_table_page_get_busy (count->page) &&
         g_list_model_get_n_items (_hp_table_page_get_model (count->page)) == count->expected;
}

/* The store announces an import committed in a worker from an idle source,
 * and the page reloads after that: wait until it shows @expected rows. */
static void
wait_for_page_items (Fixture    *fixture,
                     const char *name,
                     guint       expected)
{
  PageCount count = { _hp_window_get_page (fixture->window, name), expected };

  wait_until (page_shows, &count);
  g_assert_cmpuint (count_page_items (fixture, name), ==, expected);
}

static GtkLabel *
find_summary_label (HpImportAssistant *assistant,
                    const char        *needle)
{
  return hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_summary_list (assistant)), needle);
}

static gboolean
next_sensitive (HpImportAssistant *assistant)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant)));
}

/* Whether the school @number's list is complete in @fixture's campaign. */
static gboolean
school_list_complete (Fixture    *fixture,
                      const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) schools = hp_store_list_schools (fixture->store, hp_campaign_get_id (fixture->campaign),
                                                         &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

      if (g_str_equal (hp_school_get_number (school), number))
        return hp_school_get_list_complete (school);
    }

  g_error ("No school %s", number);
}

/* Types @text into a chooser's search: how many choices match. */
static guint
search_choices (HpChoiceRow *row,
                const char  *text)
{
  GtkSearchEntry *search = hp_choice_row_get_search (row);

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  /* at once, not after the entry's typing delay */
  g_signal_emit_by_name (search, "search-changed");
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (hp_choice_row_get_list (row))));
}

/* Types @text into the school chooser's search: how many schools match. */
static guint
search_school (HpImportAssistant *assistant,
               const char        *text)
{
  return search_choices (_hp_import_assistant_get_school_row (assistant), text);
}

/* Chooses the school that @text finds, as a click on it would. */
static void
choose_school (HpImportAssistant *assistant,
               const char        *text)
{
  g_assert_cmpuint (search_school (assistant, text), ==, 1);
  g_signal_emit_by_name (_hp_import_assistant_get_school_list (assistant), "activate", 0);
}

/* Emits the window's drop target's "drop" as a drop of @path would. */
static gboolean
drop_file (Fixture    *fixture,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  /* GdkFileList has no autoptr cleanup: the value owns it */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (_hp_window_get_drop_target (fixture->window), "drop", &value, 10.0, 10.0, &accepted);

  return accepted;
}

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                  */

static void
show_window (Fixture *fixture)
{
  fixture->window = g_object_ref (hp_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  hp_ui_test_present (GTK_WINDOW (fixture->window));
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture->store = hp_ui_test_open_memory_store ();
  show_window (fixture);
}

/* A campaign and the school the graduates list comes from. */
static void
fixture_setup_school (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new ("170001", "Städt. Gymnasium Laurentianum");
  g_autoptr(HpSchool) other = hp_school_new ("170002", "Städt. Gesamtschule");

  hp_school_set_town (school, "Arnsberg");
  hp_school_set_town (other, "Meschede");

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_assert_true (hp_store_add_campaign (fixture->store, fixture->campaign, &error));
  g_assert_true (hp_store_add_school (fixture->store, school, &error));
  g_assert_true (hp_store_add_school (fixture->store, other, &error));
  g_assert_no_error (error);
  show_window (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *leftover;

  while ((leftover = hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT)) != NULL ||
         (leftover = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (leftover);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    wait_until (page_loaded, _hp_window_get_page (fixture->window, page_names[i]));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  hp_ui_test_drain_main_context ();
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
}

/* the first menu button in @widget (a choice row's "Choose…") */
static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *button = find_menu_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

/* The whole way, from the Schools page's action to the toast. */
static void
test_schools (Fixture       *fixture,
              gconstpointer  data)
{
  HpChoiceRow *district_row;
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-schools");
  AdwWindowTitle *title = _hp_import_assistant_get_window_title (assistant);
  GtkColumnView *view = _hp_import_assistant_get_preview_view (assistant);
  AdwComboRow *number_row;
  GListModel *rows;
  const HpImportResult *dry;
  GtkLabel *toast;

  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Import Schools");
  assert_step (assistant, "choose");
  /* Enter is Next */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (assistant)) ==
                 GTK_WIDGET (_hp_import_assistant_get_next_button (assistant)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_back_button (assistant))));
  screenshot (GTK_WIDGET (assistant), "1-choose");

  /* 2. preview: what was detected, and the rows */
  choose_fixture (assistant, "schools-directory.csv");
  assert_step (assistant, "preview");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Step 2 of 5: Preview");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (_hp_import_assistant_get_file_row (assistant))),
                   ==, "schools-directory.csv");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_file_row (assistant)),
                   ==, "UTF-8, semicolon, header in line 2");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_preview_message (assistant))));
  /* the line column and the file's 13 */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 14);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);

    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Schulnummer");
  }
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
  {
    g_autoptr(GObject) first = g_list_model_get_item (rows, 0);
    char **fields = g_object_get_data (first, "hp-fields");

    g_assert_cmpstr (fields[0], ==, "170001");
    g_assert_cmpstr (fields[2], ==, "Städt. Gymnasium Laurentianum");
    g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (first, "hp-line")), ==, 3);
  }
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (view), "Laurentianum"));
  screenshot (GTK_WIDGET (assistant), "2-preview");

  /* a forced delimiter opens the file again: with commas it is one column */
  adw_combo_row_set_selected (_hp_import_assistant_get_delimiter_row (assistant), 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), !=, 14);
  adw_combo_row_set_selected (_hp_import_assistant_get_delimiter_row (assistant), 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 14);
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_file_row (assistant)),
                   ==, "UTF-8, semicolon, header in line 2");

  /* 3. columns, by header name; a required field without column stops Next */
  click_next (assistant);
  assert_step (assistant, "mapping");
  number_row = _hp_import_assistant_get_mapping_row (assistant, "number");
  g_assert_nonnull (number_row);
  g_assert_cmpstr (get_selected_string (number_row), ==, "Schulnummer");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "district_key")),
                   ==, "Gemeindeschluessel");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "contact_teacher")),
                   ==, "(none)");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_mapping_message (assistant))));
  screenshot (GTK_WIDGET (assistant), "3-mapping");

  adw_combo_row_set_selected (number_row, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_mapping_message (assistant))));
  g_assert_nonnull (strstr (gtk_label_get_label (_hp_import_assistant_get_mapping_message (assistant)),
                            "School number"));
  adw_combo_row_set_selected (number_row, find_string (number_row, "Schulnummer"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));

  /* 4. filters: the Hochsauerlandkreis, Abitur only (the default) */
  click_next (assistant);
  assert_step (assistant, "filters");
  g_assert_true (gtk_switch_get_active (_hp_import_assistant_get_abitur_switch (assistant)));
  g_assert_false (gtk_switch_get_active (_hp_import_assistant_get_closed_switch (assistant)));

  /* the districts of the file, read in a worker: 05958 has Arnsberg (20),
   * Meschede (15), Brilon (30, its key 5958012 repaired), Sundern (04) and
   * Eslohe (2 → 02); Gymnasium Alt in Marsberg is closed and left out:
   * 5 schools, 3 of them (20, 15, 30) lead to the Abitur. 05966: Olpe's
   * Gymnasium alone. Nothing chosen yet: all districts. */
  wait_until (assistant_idle, assistant);
  district_row = _hp_import_assistant_get_district_row (assistant);
  g_assert_null (hp_choice_row_get_chosen_id (district_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (district_row)), ==, "All districts (2 in the file)");
  g_assert_cmpstr (gtk_menu_button_get_label (find_menu_button (GTK_WIDGET (district_row))), ==, "_Choose…");
  g_assert_cmpuint (search_choices (district_row, ""), ==, 2);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (hp_choice_row_get_list (district_row)),
                                           "Arnsberg, Brilon, Eslohe, Meschede, Sundern"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (hp_choice_row_get_list (district_row)),
                                           "05958 · 5 schools, 3 of them lead to the Abitur"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (hp_choice_row_get_list (district_row)),
                                           "05966 · 1 school, which leads to the Abitur"));
  screenshot_chooser (district_row, "4a-district-chooser");
  /* searched by town: Brilon is in the Hochsauerlandkreis */
  g_assert_cmpuint (search_choices (district_row, "brilon"), ==, 1);
  g_signal_emit_by_name (hp_choice_row_get_search (district_row), "activate");
  g_assert_cmpstr (hp_choice_row_get_chosen_id (district_row), ==, "05958");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (district_row)), ==,
                   "Arnsberg, Brilon, Eslohe, Meschede, Sundern\n05958 · 5 schools, 3 of them lead to the Abitur");
  /* the subtitle says what is chosen, the button that it can be changed */
  g_assert_cmpstr (gtk_menu_button_get_label (find_menu_button (GTK_WIDGET (district_row))), ==, "_Change…");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  screenshot (GTK_WIDGET (assistant), "4-filters");

  /* closed schools counted in: Marsberg joins 05958 (6 schools, 4 with the
   * Abitur); the district stays chosen */
  gtk_switch_set_active (_hp_import_assistant_get_closed_switch (assistant), TRUE);
  wait_until (assistant_idle, assistant);
  g_assert_cmpstr (hp_choice_row_get_chosen_id (district_row), ==, "05958");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (district_row)),
                            "05958 · 6 schools, 4 of them lead to the Abitur"));
  gtk_switch_set_active (_hp_import_assistant_get_closed_switch (assistant), FALSE);
  wait_until (assistant_idle, assistant);

  /* 5. the dry run stores nothing */
  run_dry (assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  dry = _hp_import_assistant_get_dry_result (assistant);
  g_assert_nonnull (dry);
  g_assert_cmpuint (dry->added, ==, 3);
  g_assert_cmpuint (dry->skipped, ==, 4);
  g_assert_cmpuint (get_stats (fixture).schools, ==, 0);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_summary_list (assistant)),
                                           "3 schools will be added"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_summary_list (assistant)),
                                           "4 rows are left out by the filters"));
  /* which filter: Olpe (05966) outside; the Hauptschule (04) and the
   * Grundschule (2 → 02) lead to no Abitur; Gymnasium Alt closed (9) */
  g_assert_nonnull (find_summary_label (assistant, "1 outside the district, 2 whose school form does not lead "
                                                   "to the Abitur, 1 closed"));
  /* only the kept rows' repairs: the Berufskolleg's key 5958012 and its
   * area code 2961; the Grundschule's 2 and 9889 are left out with it */
  g_assert_nonnull (find_summary_label (assistant, "2 codes that had lost their leading zeros are repaired"));
  g_assert_nonnull (find_summary_label (assistant, "1 municipality key, 1 area code"));
  screenshot (GTK_WIDGET (assistant), "5-summary");

  /* Import: stored, closed, a toast, the page shows them */
  import_and_wait_closed (assistant);
  g_assert_cmpuint (get_stats (fixture).schools, ==, 3);
  toast = hp_ui_test_find_label (GTK_WIDGET (fixture->window), "3 schools imported, 4 skipped");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_hp_window_get_view_stack (fixture->window)),
                   ==, "schools");
  wait_for_page_items (fixture, "schools", 3);
  screenshot (GTK_WIDGET (fixture->window), "6-toast");
}

/* A row too long: the dry run names file and line; nothing is stored. */
static void
test_bad_row (Fixture       *fixture,
              gconstpointer  data)
{
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-schools");
  GtkLabel *message = _hp_import_assistant_get_preview_message (assistant);
  GtkLabel *error_label;

  choose_fixture (assistant, "schools-bad-row.csv");
  assert_step (assistant, "preview");
  /* the rows before the problem, and the problem */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "line 4"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      _hp_import_assistant_get_preview_view (assistant)))), ==, 2);

  click_next (assistant);
  click_next (assistant);
  /* no school form column: the Abitur filter would leave out every row */
  gtk_switch_set_active (_hp_import_assistant_get_abitur_switch (assistant), FALSE);
  run_dry (assistant);

  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "error");
  error_label = _hp_import_assistant_get_error_label (assistant);
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "schools-bad-row.csv, line 4"));
  g_assert_null (_hp_import_assistant_get_dry_result (assistant));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_back_button (assistant))));
  g_assert_cmpuint (get_stats (fixture).schools, ==, 0);
  screenshot (GTK_WIDGET (assistant), "7-error");

  /* Back goes to the filters again */
  g_signal_emit_by_name (_hp_import_assistant_get_back_button (assistant), "clicked");
  assert_step (assistant, "filters");

  gtk_window_close (GTK_WINDOW (assistant));
  hp_ui_test_drain_main_context ();
  g_assert_null (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
  g_assert_cmpuint (get_stats (fixture).schools, ==, 0);
}

/* A school's list into a chosen school: Q1 left out, a duplicate found. */
static void
test_graduates (Fixture       *fixture,
                gconstpointer  data)
{
  HpImportAssistant *assistant;
  HpChoiceRow *school_row;
  const HpImportResult *dry;
  GtkLabel *name;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  assistant = open_assistant (fixture, "win.import-graduates");
  g_assert_cmpstr (adw_window_title_get_title (_hp_import_assistant_get_window_title (assistant)),
                   ==, "Import Graduates");

  choose_fixture (assistant, "graduates-schild.csv");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_file_row (assistant)),
                   ==, "UTF-8, semicolon, header in line 1");
  click_next (assistant);
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "last_name")), ==, "Name");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "year")), ==, "Jahrgang");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "school_number")),
                   ==, "(none)");
  click_next (assistant);

  /* the campaign is shown; the school must be chosen */
  assert_step (assistant, "filters");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_campaign_row (assistant)),
                   ==, "Heimvorteil2GO 2027");
  school_row = _hp_import_assistant_get_school_row (assistant);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "Choose the school the list comes from");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_nonnull (strstr (gtk_label_get_label (_hp_import_assistant_get_filters_message (assistant)),
                            "Choose the school"));
  /* no column for the school: no "From the column" in the chooser */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_school_column_button (assistant))));

  /* the chooser searches number, name and town, every word, any case:
   * "städt" is in both names, "170002" one number, "STÄDT. arns" only the
   * Laurentianum in Arnsberg; nothing has "xyz" */
  g_assert_cmpuint (search_school (assistant, ""), ==, 2);
  g_assert_cmpuint (search_school (assistant, "städt"), ==, 2);
  g_assert_cmpuint (search_school (assistant, "170002"), ==, 1);
  g_assert_cmpuint (search_school (assistant, "Meschede"), ==, 1);
  g_assert_cmpuint (search_school (assistant, "STÄDT. arns"), ==, 1);
  /* the name whole, with number and town under it */
  name = hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_school_list (assistant)),
                                "Städt. Gymnasium Laurentianum");
  g_assert_nonnull (name);
  g_assert_cmpint (gtk_label_get_ellipsize (name), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_school_list (assistant)),
                                           "170001 · Arnsberg"));
  g_assert_cmpuint (search_school (assistant, "xyz"), ==, 0);

  /* Enter in the search takes the first school found */
  g_assert_cmpuint (search_school (assistant, "arns"), ==, 1);
  screenshot_chooser (_hp_import_assistant_get_school_row (assistant), "8a-school-chooser");
  g_signal_emit_by_name (_hp_import_assistant_get_school_search (assistant), "activate");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "Städt. Gymnasium Laurentianum\n170001 · Arnsberg");
  choose_school (assistant, "laurentianum");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "Städt. Gymnasium Laurentianum\n170001 · Arnsberg");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_cmpuint (adw_combo_row_get_selected (_hp_import_assistant_get_year_row (assistant)), ==, 0);
  screenshot (GTK_WIDGET (assistant), "8-graduates-filters");

  run_dry (assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  dry = _hp_import_assistant_get_dry_result (assistant);
  g_assert_cmpuint (dry->added, ==, 4);
  g_assert_cmpuint (dry->duplicates, ==, 1);
  g_assert_cmpuint (dry->skipped, ==, 1);
  g_assert_cmpuint (get_stats (fixture).graduates, ==, 0);
  /* per school, before anything is stored: all 6 rows are the
   * Laurentianum's: 6 = 4 new + 1 (Lena Müller's second row) already listed
   * + 1 (Paul Schmidt, Q1) left out; nobody was listed before */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (assistant));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_schools_list (assistant)),
                                           "Städt. Gymnasium Laurentianum"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_schools_list (assistant)),
                                           "170001 · Arnsberg: 4 will be added, 1 already listed, "
                                           "1 left out by the year"));
  screenshot (GTK_WIDGET (assistant), "9-graduates-summary");

  import_and_wait_closed (assistant);
  g_assert_cmpuint (get_stats (fixture).graduates, ==, 4);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (fixture->window), "4 graduates imported, 1 already listed, 1 skipped"));
  wait_for_page_items (fixture, "graduates", 4);
}

/* Graduates need a campaign: the assistant says so and follows the window. */
static void
test_graduates_no_campaign (Fixture       *fixture,
                            gconstpointer  data)
{
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-graduates");
  AdwActionRow *campaign_row = _hp_import_assistant_get_campaign_row (assistant);
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(GError) error = NULL;

  choose_fixture (assistant, "graduates-schild.csv");
  click_next (assistant);
  click_next (assistant);
  assert_step (assistant, "filters");
  g_assert_cmpstr (adw_action_row_get_subtitle (campaign_row), ==, "No campaign yet");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_nonnull (strstr (gtk_label_get_label (_hp_import_assistant_get_filters_message (assistant)),
                            "campaign"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (campaign_row), "New Campaign"));

  /* what the campaign dialog does: the window passes the new one on */
  g_assert_true (hp_store_add_campaign (fixture->store, campaign, &error));
  g_assert_no_error (error);
  hp_window_set_campaign (fixture->window, campaign);
  g_assert_true (hp_import_assistant_get_campaign (assistant) == campaign);
  g_assert_cmpstr (adw_action_row_get_subtitle (campaign_row), ==, "Heimvorteil2GO 2028");
  /* still no school to choose: the store has none */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  g_assert_nonnull (strstr (gtk_label_get_label (_hp_import_assistant_get_filters_message (assistant)),
                            "no schools yet"));
}

/* Writes a directory of @n Gymnasien of the Hochsauerlandkreis. */
static char *
write_big_directory (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("Schulnummer;Schulform;Schulbezeichnung_1;PLZ;Ort;Gemeindeschluessel\n");
  g_autofree char *dir = g_dir_make_tmp ("hp-import-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%06u;20;Gymnasium Nr. %u;59821;Arnsberg;05958004\n", 300000 + i, i);
  path = g_build_filename (dir, "big.csv", NULL);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_big_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* "Stop" and closing during the import store nothing. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_big_directory (60000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HpImportAssistant *assistant;
  gpointer weak;

  assistant = open_assistant (fixture, "win.import-schools");
  _hp_import_assistant_choose_file (assistant, file);
  click_next (assistant);
  click_next (assistant);
  run_dry (assistant);
  g_assert_cmpuint (_hp_import_assistant_get_dry_result (assistant)->added, ==, 60000);

  /* Stop, at once */
  click_next (assistant);
  g_assert_true (_hp_import_assistant_get_busy (assistant));
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "running");
  screenshot (GTK_WIDGET (assistant), "10-running");
  g_signal_emit_by_name (_hp_import_assistant_get_stop_button (assistant), "clicked");
  wait_until (assistant_idle, assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (assistant), "Nothing was stored"));
  g_assert_cmpuint (get_stats (fixture).schools, ==, 0);
  /* the store's handlers work again */
  g_assert_cmpuint (g_signal_handler_find (fixture->store, G_SIGNAL_MATCH_ID, g_signal_lookup ("changed", HP_TYPE_STORE),
                                           0, NULL, NULL, NULL), !=, 0);

  /* Closing while it runs: the window stays until the thread is done */
  weak = assistant;
  g_object_add_weak_pointer (G_OBJECT (assistant), &weak);
  click_next (assistant);
  g_assert_true (_hp_import_assistant_get_busy (assistant));
  gtk_window_close (GTK_WINDOW (assistant));
  g_assert_nonnull (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
  wait_until (pointer_cleared, &weak);
  g_assert_cmpuint (get_stats (fixture).schools, ==, 0);
  g_assert_cmpuint (count_page_items (fixture, "schools"), ==, 0);

  remove_big_directory (path);
}

/* A table dropped on the window: by the visible page, or asked. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *schools = fixture_path ("schools-directory.csv");
  g_autofree char *graduates = fixture_path ("graduates-schild.csv");
  AdwViewStack *stack = _hp_window_get_view_stack (fixture->window);
  HpImportAssistant *assistant;
  AdwMessageDialog *question;

  /* on the Schools page: schools, straight to the preview */
  adw_view_stack_set_visible_child_name (stack, "schools");
  g_assert_true (drop_file (fixture, schools));
  assistant = hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_cmpint (hp_import_assistant_get_kind (assistant), ==, HP_IMPORT_SCHOOLS);
  assert_step (assistant, "preview");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_file_row (assistant)),
                   ==, "UTF-8, semicolon, header in line 2");
  /* one at a time */
  g_assert_false (drop_file (fixture, graduates));
  gtk_window_destroy (GTK_WINDOW (assistant));

  /* on the Sponsors page: sponsors */
  adw_view_stack_set_visible_child_name (stack, "sponsors");
  g_assert_true (drop_file (fixture, graduates));
  assistant = hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_cmpint (hp_import_assistant_get_kind (assistant), ==, HP_IMPORT_SPONSORS);
  gtk_window_destroy (GTK_WINDOW (assistant));

  /* elsewhere: asked, sponsors among the answers */
  adw_view_stack_set_visible_child_name (stack, "products");
  g_assert_true (drop_file (fixture, graduates));
  g_assert_null (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
  question = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "graduates-schild.csv"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "sponsors"));
  g_assert_true (adw_message_dialog_has_response (question, "sponsors"));
  adw_message_dialog_response (question, "graduates");
  assistant = hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_cmpint (hp_import_assistant_get_kind (assistant), ==, HP_IMPORT_GRADUATES);
  assert_step (assistant, "preview");
  gtk_window_destroy (GTK_WINDOW (assistant));

  /* not a table */
  g_assert_false (drop_file (fixture, "/tmp/Foerderantrag.pdf"));
  g_assert_null (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (fixture->window), "CSV or Excel"));
}

/* A workbook: its own detection line; encoding and delimiter do not apply. */
static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-schools");

  choose_fixture (assistant, "xlsx-libreoffice.xlsx");
  assert_step (assistant, "preview");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_file_row (assistant)),
                   ==, "Excel workbook, header in row 1");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_encoding_row (assistant))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_delimiter_row (assistant))));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (_hp_import_assistant_get_preview_view (assistant)),
                                           "Gymnasium Müllerstraße"));
  click_next (assistant);
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "number")),
                   ==, "Schulnummer");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "name")), ==, "Name");
}

/* The pages offer importing: their footer and empty state. */
static void
test_page_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  HpTablePage *schools = _hp_window_get_page (fixture->window, "schools");
  HpTablePage *graduates = _hp_window_get_page (fixture->window, "graduates");
  GtkLabel *label;

  wait_until (page_loaded, schools);
  wait_until (page_loaded, graduates);

  label = hp_ui_test_find_label (GTK_WIDGET (_hp_table_page_get_empty_page (schools)), "Import School Directory");
  g_assert_nonnull (label);
  adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (fixture->window), "schools");
  screenshot (GTK_WIDGET (fixture->window), "0-empty-schools");
  label = hp_ui_test_find_label (GTK_WIDGET (_hp_table_page_get_action_bar (schools)), "Import…");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_ancestor (GTK_WIDGET (label),
                                                                                            GTK_TYPE_BUTTON))),
                   ==, "win.import-schools");

  /* no campaign: the graduates' empty state asks for one, not for a file */
  label = hp_ui_test_find_label (GTK_WIDGET (_hp_table_page_get_empty_page (graduates)), "Import a List");
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_is_visible (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON)));

  /* Ctrl+I on the Graduates page imports graduates */
  adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (fixture->window), "graduates");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL));
  g_assert_cmpint (hp_import_assistant_get_kind (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT)), ==, HP_IMPORT_GRADUATES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT)),
                                             "window.close", NULL));
  hp_ui_test_drain_main_context ();
  g_assert_null (hp_ui_test_find_toplevel (HP_TYPE_IMPORT_ASSISTANT));
}

/* A search left on in the Sponsors page would hide the imported sponsors
 * without a word: a toast says so and clears it. */
static void
test_sponsors_search_hides (Fixture       *fixture,
                            gconstpointer  data)
{
  HpTablePage *page = _hp_window_get_page (fixture->window, "sponsors");
  GtkSearchBar *search_bar = _hp_table_page_get_search_bar (page);
  HpImportAssistant *assistant;
  GtkLabel *label;
  GtkWidget *button;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  wait_until (page_loaded, page);
  _hp_table_page_set_search_text (page, "zzzz");
  wait_until (page_loaded, page);

  assistant = open_assistant (fixture, "win.import-sponsors");
  choose_fixture (assistant, "sponsors-list.csv");
  click_next (assistant);
  click_next (assistant);
  run_dry (assistant);
  import_and_wait_closed (assistant);
  g_assert_cmpuint (get_stats (fixture).sponsors, ==, 3);

  label = hp_ui_test_find_label (GTK_WIDGET (fixture->window), "The search “zzzz” hides the imported rows");
  g_assert_nonnull (label);
  button = GTK_WIDGET (hp_ui_test_find_label (GTK_WIDGET (fixture->window), "_Clear Search"));
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  wait_for_page_items (fixture, "sponsors", 3);
}

/* Sponsors and their gifts from last year's list, from the Sponsors page's
 * button to the toast; the same list again adds nothing. */
static void
test_sponsors (Fixture       *fixture,
               gconstpointer  data)
{
  HpTablePage *page = _hp_window_get_page (fixture->window, "sponsors");
  HpImportAssistant *assistant;
  const HpImportResult *dry;
  GtkLabel *label;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  wait_until (page_loaded, page);
  label = hp_ui_test_find_label (GTK_WIDGET (_hp_table_page_get_action_bar (page)), "Import…");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_ancestor (GTK_WIDGET (label),
                                                                                            GTK_TYPE_BUTTON))),
                   ==, "win.import-sponsors");

  assistant = open_assistant (fixture, "win.import-sponsors");
  g_assert_cmpint (hp_import_assistant_get_kind (assistant), ==, HP_IMPORT_SPONSORS);
  g_assert_cmpstr (adw_window_title_get_title (_hp_import_assistant_get_window_title (assistant)),
                   ==, "Import Sponsors");
  choose_fixture (assistant, "sponsors-list.csv");
  click_next (assistant);
  assert_step (assistant, "mapping");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "name")), ==, "Firma");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "item")), ==, "Artikel");
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "pledged")), ==, "Zusage");
  screenshot (GTK_WIDGET (assistant), "11-sponsors-mapping");
  click_next (assistant);

  /* the pledges count for the window's campaign; no school filters */
  assert_step (assistant, "filters");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (_hp_import_assistant_get_campaign_row (assistant))),
                   ==, "The Pledges Count For");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hp_import_assistant_get_campaign_row (assistant)),
                   ==, "Heimvorteil2GO 2027");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (_hp_import_assistant_get_district_row (assistant))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (_hp_import_assistant_get_school_row (assistant))));

  /* Veltins spans two rows (Apfelschorle, Kugelschreiber), the Sparkasse
   * gives Notizblöcke, the Bäckerei nothing: 3 sponsors, 3 gifts, 3 pledges */
  run_dry (assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  dry = _hp_import_assistant_get_dry_result (assistant);
  g_assert_cmpuint (dry->sponsors_added, ==, 3);
  g_assert_cmpuint (dry->gifts_added, ==, 3);
  g_assert_cmpuint (dry->pledges_set, ==, 3);
  g_assert_nonnull (find_summary_label (assistant, "3 sponsors will be added"));
  g_assert_nonnull (find_summary_label (assistant, "3 gifts will be added"));
  g_assert_nonnull (find_summary_label (assistant, "3 pledges will be set"));
  g_assert_null (find_summary_label (assistant, "differ"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_list_complete_check (assistant))));
  g_assert_true (next_sensitive (assistant));
  g_assert_cmpuint (get_stats (fixture).sponsors, ==, 0);
  screenshot (GTK_WIDGET (assistant), "12-sponsors-summary");

  import_and_wait_closed (assistant);
  g_assert_cmpuint (get_stats (fixture).sponsors, ==, 3);
  g_assert_cmpuint (get_stats (fixture).products, ==, 3);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (fixture->window), "3 sponsors imported, 3 new gifts, 3 pledges"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_hp_window_get_view_stack (fixture->window)),
                   ==, "sponsors");
  wait_for_page_items (fixture, "sponsors", 3);

  /* again: the three are known by name, nothing is new, Import is off */
  assistant = open_assistant (fixture, "win.import-sponsors");
  choose_fixture (assistant, "sponsors-list.csv");
  click_next (assistant);
  click_next (assistant);
  run_dry (assistant);
  g_assert_nonnull (find_summary_label (assistant, "3 sponsors are already up to date"));
  g_assert_null (find_summary_label (assistant, "will be added"));
  g_assert_cmpstr (adw_status_page_get_title (_hp_import_assistant_get_ready_page (assistant)), ==, "Nothing to Import");
  g_assert_false (next_sensitive (assistant));
}

/* Pledges need a campaign; a list without pledges does not. */
static void
test_sponsors_no_campaign (Fixture       *fixture,
                           gconstpointer  data)
{
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-sponsors");
  AdwComboRow *pledged;

  choose_fixture (assistant, "sponsors-list.csv");
  click_next (assistant);
  click_next (assistant);
  assert_step (assistant, "filters");
  g_assert_false (next_sensitive (assistant));
  g_assert_nonnull (strstr (gtk_label_get_label (_hp_import_assistant_get_filters_message (assistant)),
                            "Pieces pledged"));

  /* back, no column for the pledges: sponsors and gifts only */
  g_signal_emit_by_name (_hp_import_assistant_get_back_button (assistant), "clicked");
  pledged = _hp_import_assistant_get_mapping_row (assistant, "pledged");
  adw_combo_row_set_selected (pledged, 0);
  click_next (assistant);
  g_assert_true (next_sensitive (assistant));
  run_dry (assistant);
  g_assert_nonnull (find_summary_label (assistant, "3 gifts will be added"));
  g_assert_null (find_summary_label (assistant, "pledge"));
}

/* An SVWS student export whose Jahrgang is all "--": the year filter does not
 * apply, and the summary says so; the school's list can be marked complete. */
static void
test_graduates_no_year (Fixture       *fixture,
                        gconstpointer  data)
{
  HpImportAssistant *assistant;
  GtkCheckButton *check;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  assistant = open_assistant (fixture, "win.import-graduates");
  choose_fixture (assistant, "graduates-svws-no-year.csv");
  click_next (assistant);
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "year")), ==, "Jahrgang");
  click_next (assistant);
  choose_school (assistant, "170001");

  /* 5 rows, Jahrgang "--" in each: none states a year, all 5 kept */
  run_dry (assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  g_assert_true (_hp_import_assistant_get_dry_result (assistant)->no_year_in_file);
  g_assert_nonnull (find_summary_label (assistant, "5 graduates will be added"));
  g_assert_nonnull (find_summary_label (assistant, "No year in the file: all 5 rows are kept"));
  g_assert_null (find_summary_label (assistant, "left out"));

  /* one school: offered, off until ticked */
  check = _hp_import_assistant_get_list_complete_check (assistant);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (gtk_check_button_get_label (check), ==, "This school’s list is _complete");
  gtk_check_button_set_active (check, TRUE);
  screenshot (GTK_WIDGET (assistant), "13-graduates-no-year");
  /* the dry run stores nothing, not the mark either */
  g_assert_false (school_list_complete (fixture, "170001"));

  import_and_wait_closed (assistant);
  g_assert_cmpuint (get_stats (fixture).graduates, ==, 5);
  g_assert_true (school_list_complete (fixture, "170001"));
  g_assert_false (school_list_complete (fixture, "170002"));
  /* the pages reload from an idle source: let them, before the teardown */
  wait_for_page_items (fixture, "graduates", 5);
}

/* Unticked, the list stays open; a year no row has imports nothing and
 * says which filter, with Import off. */
static void
test_graduates_filters_said (Fixture       *fixture,
                             gconstpointer  data)
{
  HpImportAssistant *assistant;
  AdwStatusPage *ready;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  assistant = open_assistant (fixture, "win.import-graduates");
  choose_fixture (assistant, "graduates-schild.csv");
  click_next (assistant);
  click_next (assistant);
  choose_school (assistant, "Gesamtschule");

  /* Q2 and 13: Schmidt is Q1, 1 left out; 5 left, Müller twice: 4 added */
  run_dry (assistant);
  g_assert_nonnull (find_summary_label (assistant, "4 graduates will be added"));
  g_assert_nonnull (find_summary_label (assistant, "1 row is left out by the leaving year"));
  g_assert_null (find_summary_label (assistant, "No year"));

  /* a year no row has: all 6 left out, nothing to import, and why */
  g_signal_emit_by_name (_hp_import_assistant_get_back_button (assistant), "clicked");
  adw_combo_row_set_selected (_hp_import_assistant_get_year_row (assistant), 2);
  gtk_editable_set_text (GTK_EDITABLE (_hp_import_assistant_get_year_value_row (assistant)), "Q3");
  run_dry (assistant);
  g_assert_cmpstr (_hp_import_assistant_get_summary_state (assistant), ==, "ready");
  g_assert_cmpuint (_hp_import_assistant_get_dry_result (assistant)->skipped_year, ==, 6);
  g_assert_nonnull (find_summary_label (assistant, "6 rows are left out by the leaving year"));
  ready = _hp_import_assistant_get_ready_page (assistant);
  g_assert_cmpstr (adw_status_page_get_title (ready), ==, "Nothing to Import");
  g_assert_nonnull (strstr (adw_status_page_get_description (ready),
                            "Nothing was imported from the 6 rows of graduates-schild.csv"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ready), "another year than Q3"));
  g_assert_false (next_sensitive (assistant));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hp_import_assistant_get_list_complete_check (assistant))));
  screenshot (GTK_WIDGET (assistant), "15-graduates-nothing");
  g_assert_cmpuint (get_stats (fixture).graduates, ==, 0);
}

/* A column says each row's school: the chooser offers it, and a school
 * chosen overrides it until "From the column" is clicked again. */
static void
test_school_column (Fixture       *fixture,
                    gconstpointer  data)
{
  HpImportAssistant *assistant;
  HpChoiceRow *school_row;
  AdwComboRow *number_row;
  GtkButton *column_button;

  hp_window_set_campaign (fixture->window, fixture->campaign);
  assistant = open_assistant (fixture, "win.import-graduates");
  choose_fixture (assistant, "graduates-schild.csv");
  click_next (assistant);
  number_row = _hp_import_assistant_get_mapping_row (assistant, "school_number");
  adw_combo_row_set_selected (number_row, find_string (number_row, "IdNr"));
  click_next (assistant);

  school_row = _hp_import_assistant_get_school_row (assistant);
  column_button = _hp_import_assistant_get_school_column_button (assistant);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "From the column “IdNr”");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (column_button)));
  g_assert_cmpstr (gtk_button_get_label (column_button), ==, "From the Column “IdNr”");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
  screenshot (GTK_WIDGET (assistant), "16-school-column");

  choose_school (assistant, "170002");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "Städt. Gesamtschule\n170002 · Meschede");
  g_signal_emit_by_name (column_button, "clicked");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (school_row)), ==, "From the column “IdNr”");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_hp_import_assistant_get_next_button (assistant))));
}

/* The SVWS directory: what each filter left out, and the completed keys. */
static void
test_svws_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  HpImportAssistant *assistant = open_assistant (fixture, "win.import-schools");
  GtkLabel *label;

  choose_fixture (assistant, "svws-schulen.csv");
  click_next (assistant);
  g_assert_cmpstr (get_selected_string (_hp_import_assistant_get_mapping_row (assistant, "district_key")), ==, "RegSchl");
  click_next (assistant);
  /* the districts of the file, keys completed: 05958, 05966 (Olpe), 05315 (Köln) */
  wait_until (assistant_idle, assistant);
  g_assert_cmpuint (search_choices (_hp_import_assistant_get_district_row (assistant), ""), ==, 3);
  g_assert_cmpuint (search_choices (_hp_import_assistant_get_district_row (assistant), "05958"), ==, 1);
  g_signal_emit_by_name (hp_choice_row_get_list (_hp_import_assistant_get_district_row (assistant)), "activate", 0);
  g_assert_cmpstr (hp_choice_row_get_chosen_id (_hp_import_assistant_get_district_row (assistant)), ==, "05958");

  /* 8 schools: Olpe and Köln outside 05958, the Grundschule and the
   * Realschule lead to no Abitur, Gymnasium Alt is closed: 5 left out, 3 in */
  run_dry (assistant);
  g_assert_nonnull (find_summary_label (assistant, "3 schools will be added"));
  label = find_summary_label (assistant, "5 rows are left out by the filters");
  g_assert_nonnull (label);
  g_assert_nonnull (find_summary_label (assistant,
                                        "2 outside the district, 2 whose school form does not lead to the Abitur, "
                                        "1 closed"));
  /* the 3 stored schools' 6-digit RegSchl, each completed to 05958… */
  g_assert_nonnull (find_summary_label (assistant, "3 SVWS municipality keys (RegSchl) are completed with NRW’s 05"));
  g_assert_null (find_summary_label (assistant, "leading zeros"));
  screenshot (GTK_WIDGET (assistant), "14-svws-summary");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Fails hard without a display: CI must run this under Xvfb. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the UI tests under xvfb-run");
  adw_init ();

  g_test_add ("/heimpack/import-assistant/schools", Fixture, NULL,
              fixture_setup_empty, test_schools, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/xlsx", Fixture, NULL,
              fixture_setup_empty, test_xlsx, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/bad-row", Fixture, NULL,
              fixture_setup_empty, test_bad_row, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/graduates", Fixture, NULL,
              fixture_setup_school, test_graduates, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/graduates-no-campaign", Fixture, NULL,
              fixture_setup_empty, test_graduates_no_campaign, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/cancel", Fixture, NULL,
              fixture_setup_empty, test_cancel, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/drop", Fixture, NULL,
              fixture_setup_empty, test_drop, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/page-buttons", Fixture, NULL,
              fixture_setup_empty, test_page_buttons, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/sponsors-search-hides", Fixture, NULL,
              fixture_setup_school, test_sponsors_search_hides, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/sponsors", Fixture, NULL,
              fixture_setup_school, test_sponsors, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/sponsors-no-campaign", Fixture, NULL,
              fixture_setup_empty, test_sponsors_no_campaign, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/graduates-no-year", Fixture, NULL,
              fixture_setup_school, test_graduates_no_year, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/graduates-filters-said", Fixture, NULL,
              fixture_setup_school, test_graduates_filters_said, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/school-column", Fixture, NULL,
              fixture_setup_school, test_school_column, fixture_teardown);
  g_test_add ("/heimpack/import-assistant/svws-summary", Fixture, NULL,
              fixture_setup_empty, test_svws_summary, fixture_teardown);

  return g_test_run ();
}
