/* test-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window and the application shell, driven in-process under Xvfb.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-application.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"

#define LOAD_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

static const char * const page_names[] = { "sponsors", "products", "schools", "graduates" };

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* the demo campaign, or NULL */
  HpWindow   *window;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
drain_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until_loaded (HpTablePage *page)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;

  while (hp_table_page_get_loading (page))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not finish loading in time", G_OBJECT_TYPE_NAME (page));
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static HpTablePage *
get_loaded_page (Fixture    *fixture,
                 const char *name)
{
  HpTablePage *page = _hp_window_get_page (fixture->window, name);

  g_assert_nonnull (page);
  wait_until_loaded (page);

  return page;
}

static void
show_window (Fixture *fixture)
{
  /* GTK owns toplevels; the fixture takes its own reference to check that
   * the window is finalized in the end. */
  fixture->window = g_object_ref (hp_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  show_window (fixture);
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
  g_assert_nonnull (fixture->campaign);
  show_window (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* running loads hold references on their page and the store */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    wait_until_loaded (_hp_window_get_page (fixture->window, page_names[i]));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain_main_context ();
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
}

/* ------------------------------------------------------------------------ */
/* Window                                                                    */

static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const titles[] = { "Sponsors", "Products", "Schools", "Graduates" };
  AdwViewStack *stack = _hp_window_get_view_stack (fixture->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (titles));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, page_names[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_true (HP_IS_TABLE_PAGE (adw_view_stack_page_get_child (page)));
    }

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "sponsors");
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewSwitcherTitle *title = _hp_window_get_switcher_title (fixture->window);

  g_assert_null (hp_window_get_campaign (fixture->window));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "No campaign yet");
  g_assert_false (gtk_revealer_get_reveal_child (_hp_window_get_read_only_revealer (fixture->window)));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      HpTablePage *page = get_loaded_page (fixture, page_names[i]);
      GtkStack *stack = _hp_table_page_get_stack (page);

      g_assert_cmpuint (g_list_model_get_n_items (_hp_table_page_get_model (page)), ==, 0);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
      g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (stack)));
      g_assert_nonnull (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))));
    }
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  static const guint expected[] = { 40, 60, 30, 2000 };
  AdwViewSwitcherTitle *title = _hp_window_get_switcher_title (fixture->window);
  HpCampaign *campaign = hp_window_get_campaign (fixture->window);

  g_assert_nonnull (campaign);
  g_assert_cmpint (hp_campaign_get_id (campaign), ==, hp_campaign_get_id (fixture->campaign));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==,
                   hp_campaign_get_name (fixture->campaign));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      HpTablePage *page = get_loaded_page (fixture, page_names[i]);
      GtkStack *stack = _hp_table_page_get_stack (page);

      g_assert_cmpuint (g_list_model_get_n_items (_hp_table_page_get_model (page)), ==, expected[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
    }

  /* LC_ALL=C.UTF-8 has no digit grouping */
  g_assert_cmpstr (gtk_label_get_label (_hp_table_page_get_count_label (get_loaded_page (fixture, "graduates"))),
                   ==, "2000 graduates");
  g_assert_cmpstr (gtk_label_get_label (_hp_table_page_get_count_label (get_loaded_page (fixture, "sponsors"))),
                   ==, "40 sponsors");
}

static GtkColumnViewColumn *
get_column (HpTablePage *page,
            guint        position)
{
  GListModel *columns = gtk_column_view_get_columns (_hp_table_page_get_column_view (page));
  GtkColumnViewColumn *column = g_list_model_get_item (columns, position);

  /* the view keeps the column alive */
  g_object_unref (column);

  return column;
}

static void
test_window_sort (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      HpTablePage *page = get_loaded_page (fixture, page_names[i]);
      GListModel *model = _hp_table_page_get_model (page);
      GtkColumnView *view = _hp_table_page_get_column_view (page);
      g_autoptr(GObject) first_before = g_list_model_get_item (model, 0);
      g_autoptr(GObject) first_after = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), >=, 5);

      /* the store lists in ascending order, so descending moves another item up */
      gtk_column_view_sort_by_column (view, get_column (page, 1), GTK_SORT_DESCENDING);
      first_after = g_list_model_get_item (model, 0);
      g_assert_true (first_after != first_before);
    }
}

static void
test_window_sort_numeric (Fixture       *fixture,
                          gconstpointer  data)
{
  HpTablePage *page = get_loaded_page (fixture, "sponsors");
  GListModel *model = _hp_table_page_get_model (page);
  GtkColumnViewColumn *value_column = get_column (page, 7);
  gint64 previous = G_MAXINT64;

  g_assert_cmpstr (gtk_column_view_column_get_title (value_column), ==, "In-kind value");
  gtk_column_view_sort_by_column (_hp_table_page_get_column_view (page), value_column,
                                  GTK_SORT_DESCENDING);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HpSponsor) sponsor = g_list_model_get_item (model, i);
      gint64 value = hp_sponsor_get_value_cents (sponsor);

      g_assert_cmpint (value, <=, previous);
      previous = value;
    }

  /* the demo data has sponsors that delivered something */
  {
    g_autoptr(HpSponsor) top = g_list_model_get_item (model, 0);
    g_assert_cmpint (hp_sponsor_get_value_cents (top), >, 0);
  }
}

static void
test_window_menu_a11y (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkMenuButton *button = _hp_window_get_primary_menu_button (fixture->window);

  g_assert_cmpstr (gtk_menu_button_get_icon_name (button), ==, "open-menu-symbolic");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
}

static void
test_window_reload (Fixture       *fixture,
                    gconstpointer  data)
{
  HpTablePage *page = get_loaded_page (fixture, "schools");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  g_assert_true (hp_table_page_get_loading (page));
  wait_until_loaded (page);
  g_assert_cmpuint (g_list_model_get_n_items (_hp_table_page_get_model (page)), ==, 30);
}

static void
test_window_read_only (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "read-only.db", NULL);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { NULL };
  HpStore *writer;

  writer = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (writer);

  fixture.store = hp_store_open (path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  show_window (&fixture);

  g_assert_true (gtk_revealer_get_reveal_child (_hp_window_get_read_only_revealer (fixture.window)));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (_hp_window_get_switcher_title (fixture.window)),
                   ==, "No campaign yet (read-only)");

  fixture_teardown (&fixture, NULL);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  HpWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = hp_window_new (NULL, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    wait_until_loaded (_hp_window_get_page (window, page_names[i]));

  /* only a realized window can be closed */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* ------------------------------------------------------------------------ */
/* Application                                                               */

static HpApplication *
create_application (const char *database)
{
  HpApplication *app = hp_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  hp_application_set_database (app, database);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static gpointer
find_window_of_type (HpApplication *app,
                     GType          type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

/* Quits @app by closing all its windows. GtkApplication keeps its D-Bus
 * objects exported for the life of the process, so each application test
 * runs in a subprocess of its own (see run_in_subprocess()). */
static void
quit_application (HpApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  drain_main_context ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_unref (app);
}

static void
application_actions (void)
{
  HpApplication *app = create_application (":memory:");
  g_auto(GStrv) accels = NULL;
  AdwAboutWindow *about;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_window_of_type (app, ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Heimpack");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);

  quit_application (app);
}

static void
application_activate (void)
{
  HpApplication *app = create_application (":memory:");
  HpWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = find_window_of_type (app, HP_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (hp_window_get_store (window) == hp_application_get_store (app));
  g_assert_false (hp_store_is_read_only (hp_window_get_store (window)));
  /* gtk/help-overlay.ui was found in the resources */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* a second activation presents the same window */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    wait_until_loaded (_hp_window_get_page (window, page_names[i]));
  quit_application (app);
}

static void
application_locked (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "locked.db", NULL);
  HpApplication *app = create_application (path);
  g_autoptr(HpStore) holder = NULL;
  g_autoptr(HpStore) probe = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  HpWindow *window;

  holder = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* the lock may be per process; then there is nothing to test here */
  probe = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  if (probe != NULL)
    {
      g_test_skip ("the store lock does not apply within one process");
      return;
    }
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED);

  g_application_activate (G_APPLICATION (app));
  g_assert_null (find_window_of_type (app, HP_TYPE_WINDOW));
  dialog = find_window_of_type (app, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Already in Use");
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));

  adw_message_dialog_response (dialog, "read-only");
  drain_main_context ();

  window = find_window_of_type (app, HP_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (hp_store_is_read_only (hp_window_get_store (window)));
  g_assert_true (gtk_revealer_get_reveal_child (_hp_window_get_read_only_revealer (window)));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    wait_until_loaded (_hp_window_get_page (window, page_names[i]));
  quit_application (app);
}

/* The isolated XDG_DATA_DIRS have no MIME database, without which gdk-pixbuf
 * cannot tell an SVG icon: keep the system's. Test subprocesses inherit the
 * isolated environment, so the real list is passed on in a variable. */
static void
use_system_mime_database (void)
{
  g_auto(GStrv) data_dirs = NULL;
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  if (g_getenv ("HP_TEST_SYSTEM_DATA_DIRS") == NULL)
    {
      const char *system = g_getenv ("XDG_DATA_DIRS");

      g_setenv ("HP_TEST_SYSTEM_DATA_DIRS", system ? system : "/usr/local/share:/usr/share", TRUE);
    }

  data_dirs = g_strsplit (g_getenv ("HP_TEST_SYSTEM_DATA_DIRS"), G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (data_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
}

static void
run_in_subprocess (gconstpointer data)
{
  void (*body) (void) = (void (*) (void)) data;

  if (g_test_subprocess ())
    {
      body ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------------ */
/* German                                                                    */

/* glibc caches translations per locale, not per LANGUAGE: tell it that the
 * catalogues changed (the documented way, see the gettext manual). */
extern int _nl_msg_cat_cntr;

static void
set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

static void
fixture_setup_german (Fixture       *fixture,
                      gconstpointer  data)
{
  /* gettext reads LANGUAGE at every lookup; the window's templates are
   * translated when it is built. */
  set_language ("de");
  fixture_setup_empty (fixture, data);
}

static void
fixture_teardown_german (Fixture       *fixture,
                         gconstpointer  data)
{
  set_language (NULL);
  fixture_teardown (fixture, data);
}

static void
test_window_german (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const titles[] = { "Sponsoren", "Produkte", "Schulen", "Absolvent:innen" };
  AdwViewStack *stack = _hp_window_get_view_stack (fixture->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  const char *subtitle = adw_view_switcher_title_get_subtitle (_hp_window_get_switcher_title (fixture->window));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
    }

  g_assert_nonnull (strstr (subtitle, "Noch keine Aktion"));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  /* What gtk_test_init() does, but with isolated XDG folders per test (it
   * calls g_test_init() itself, without options) and the locale of the
   * environment (LC_ALL=C.UTF-8 from meson) instead of en_US. */
  use_system_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Fails hard without a display: CI must run this under Xvfb. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the UI tests under xvfb-run");
  adw_init ();

  g_test_add ("/heimpack/window/pages", Fixture, NULL,
              fixture_setup_empty, test_window_pages, fixture_teardown);
  g_test_add ("/heimpack/window/empty", Fixture, NULL,
              fixture_setup_empty, test_window_empty, fixture_teardown);
  g_test_add ("/heimpack/window/menu-a11y", Fixture, NULL,
              fixture_setup_empty, test_window_menu_a11y, fixture_teardown);
  g_test_add ("/heimpack/window/demo", Fixture, NULL,
              fixture_setup_demo, test_window_demo, fixture_teardown);
  g_test_add ("/heimpack/window/sort", Fixture, NULL,
              fixture_setup_demo, test_window_sort, fixture_teardown);
  g_test_add ("/heimpack/window/sort-numeric", Fixture, NULL,
              fixture_setup_demo, test_window_sort_numeric, fixture_teardown);
  g_test_add ("/heimpack/window/reload", Fixture, NULL,
              fixture_setup_demo, test_window_reload, fixture_teardown);
  g_test_add ("/heimpack/window/german", Fixture, NULL,
              fixture_setup_german, test_window_german, fixture_teardown_german);
  g_test_add_func ("/heimpack/window/read-only", test_window_read_only);
  g_test_add_func ("/heimpack/window/size-remembered", test_window_size_remembered);
  g_test_add_data_func ("/heimpack/application/actions",
                        (gconstpointer) application_actions, run_in_subprocess);
  g_test_add_data_func ("/heimpack/application/activate",
                        (gconstpointer) application_activate, run_in_subprocess);
  g_test_add_data_func ("/heimpack/application/locked",
                        (gconstpointer) application_locked, run_in_subprocess);

  return g_test_run ();
}
