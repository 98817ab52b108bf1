/* test-export-gui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's "Export" menu, in-process under Xvfb: the actions and their
 * availability, the file chooser's proposal, and exports started past the
 * chooser (hp_export_runner_start()) that write a workbook and say so, fail
 * with a message and write nothing, or are cancelled and leave the old file.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-export-runner-private.h"
#include "hp-test-utils.h"
#include "hp-ui-test-utils.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"

#define WAIT_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* NULL for a file without campaign */
  HpWindow   *window;
  char       *tmpdir;
} Fixture;

/* An export of the window's campaign, reported in the window */
static HpExportRunner *
start_export (Fixture      *fixture,
              HpExportKind  kind,
              const char   *path,
              gboolean      class_lists)
{
  return hp_export_runner_start (_hp_window_get_toast_overlay (fixture->window),
                                 hp_window_get_store (fixture->window), hp_window_get_campaign (fixture->window),
                                 kind, path, class_lists);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  hp_ui_test_wait_until (done, data, WAIT_TIMEOUT_USEC, "Timed out waiting");
}

static gboolean
runner_done (gpointer runner)
{
  return !hp_export_runner_get_running (runner);
}

static gboolean
pages_loaded (gpointer window)
{
  static const char * const names[] = { "sponsors", "products", "schools", "graduates" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    /* a load, or a page's own work in a worker (the graduates' school
     * filter), holds the page and the store */
    if (_hp_table_page_get_busy (_hp_window_get_page (window, names[i])))
      return FALSE;

  return TRUE;
}

/* (transfer none): the menu button in @widget's tree showing @icon_name */
static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (widget)
      && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0)
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
starts_with_zip_magic (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
show_window (Fixture *fixture)
{
  fixture->window = g_object_ref (hp_window_new (NULL, fixture->store));
  hp_ui_test_present (GTK_WINDOW (fixture->window));
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
  fixture->tmpdir = g_dir_make_tmp ("heimpack-export-XXXXXX", &error);
  g_assert_no_error (error);
  show_window (fixture);
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->tmpdir = g_dir_make_tmp ("heimpack-export-XXXXXX", &error);
  g_assert_no_error (error);
  show_window (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  wait_until (pages_loaded, fixture->window);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  hp_ui_test_drain_main_context ();
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);

  remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static void
test_export_menu (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const targets[] = { "packing-list", "delivery-sheets", "sponsor-report", "network" };
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (fixture->window), "document-save-as-symbolic");
  GMenuModel *menu;
  GMenuModel *section;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Export");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Export");

  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (targets));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_cmpstr (action, ==, "win.export");
      g_assert_cmpstr (target, ==, targets[i]);
      g_assert_true (g_str_has_suffix (label, "…"));
    }
  g_object_unref (section);
}

/* The chooser proposes the core's file name; cancelling writes nothing. */
static void
test_export_chooser (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *expected = hp_export_suggest_filename (HP_EXPORT_DELIVERY_SHEETS,
                                                         hp_campaign_get_name (fixture->campaign), NULL);
  GtkFileChooserDialog *dialog;
  const char *choice;
  g_autofree char *name = NULL;

  g_assert_null (hp_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", "s", "delivery-sheets"));
  hp_ui_test_drain_main_context ();

  /* without a portal, GtkFileChooserNative falls back to GTK's own dialog */
  dialog = hp_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "class-lists");
  g_assert_cmpstr (choice, ==, "false");

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  hp_ui_test_drain_main_context ();
  g_assert_null (hp_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
test_export_writes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "Packliste Test.xlsx", NULL);
  g_autoptr(HpExportRunner) runner = NULL;
  AdwToast *toast;

  runner = start_export (fixture, HP_EXPORT_PACKING_LIST, path, FALSE);
  g_assert_true (hp_export_runner_get_running (runner));
  wait_until (runner_done, runner);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (starts_with_zip_magic (path));
  /* no temporary file left over */
  g_assert_cmpuint (count_files (fixture->tmpdir), ==, 1);

  g_assert_null (_hp_export_runner_get_error_dialog (runner));
  toast = _hp_export_runner_get_result_toast (runner);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Saved “Packliste Test.xlsx”");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");

  /* delivery sheets with class lists, into the same folder */
  {
    g_autofree char *delivery = g_build_filename (fixture->tmpdir, "Lieferscheine.xlsx", NULL);
    g_autoptr(HpExportRunner) second = start_export (fixture, HP_EXPORT_DELIVERY_SHEETS,
                                                               delivery, TRUE);

    wait_until (runner_done, second);
    g_assert_true (starts_with_zip_magic (delivery));
    g_assert_nonnull (_hp_export_runner_get_result_toast (second));
  }
}

static void
fixture_setup_german (Fixture       *fixture,
                      gconstpointer  data)
{
  hp_ui_test_set_language ("de");
  fixture_setup_demo (fixture, data);
}

static void
fixture_teardown_german (Fixture       *fixture,
                         gconstpointer  data)
{
  hp_ui_test_set_language (NULL);
  fixture_teardown (fixture, data);
}

/* Writes @kind the way the window does, into the file name it proposes;
 * returns the facts of the workbook (hp_test_xlsx_facts()). */
static char *
export_from_window (Fixture      *fixture,
                    HpExportKind  kind,
                    gboolean      class_lists)
{
  g_autofree char *name = hp_export_suggest_filename (kind, hp_campaign_get_name (fixture->campaign), NULL);
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
  g_autoptr(HpExportRunner) runner = start_export (fixture, kind, path, class_lists);

  wait_until (runner_done, runner);
  g_assert_null (_hp_export_runner_get_error_dialog (runner));
  g_assert_nonnull (_hp_export_runner_get_result_toast (runner));

  return hp_test_xlsx_facts (path, 200);
}

#define CHECK(facts, expr, ...) g_assert_true (hp_test_json_check (facts, expr, __VA_ARGS__))

/* Every sheet on A4, fit to width, its header the campaign, its footer
 * "Seite 1 von 3". */
/* each sheet counts its own pages: "Seite &P", or "Seite &P von N" where
 * the export knows N, or "… von &N" in a workbook of one sheet */
#define PRINTS_IN_GERMAN \
  "all(s['paper'] == 9 and s['fit_to_page'] and s['header'][0] == a[0] " \
  "    and (s['footer'][1] == 'Seite &P' or (s['footer'][1].startswith('Seite &P von ') and " \
  "         (s['footer'][1][13:].isdigit() or (s['footer'][1][13:] == '&N' and len(d['sheets']) == 1)))) " \
  "    for s in d['sheets'])"

/* Issue 6's acceptance, as the window does it: the four workbooks of the
 * district demo in German, with the file's agency (not the one older
 * versions kept in the user's settings), their
 * pack numbers those of the plan (as on the Planning page). */
static void
test_export_german_workbooks (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *packs = NULL;
  g_autofree char *n_schools = NULL;
  g_autoptr(HpAgency) agency = hp_agency_new ();
  guint total = 0;

  HP_TEST_REQUIRE_OPENPYXL ();

  hp_agency_set_name (agency, "Regionalagentur Hochsauerland");
  hp_agency_set_town (agency, "Meschede");
  g_assert_true (hp_store_set_agency (fixture->store, agency, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "agency-name", "Nur in den Einstellungen");
  g_settings_set_int (settings, "crate-size", 25);

  input = hp_plan_input_load (fixture->store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  plan = hp_plan_compute (input);
  /* each school's delivery note: its latest recorded hand-over (the demo
   * has two), else its allocation */
  for (guint i = 0; i < plan->n_schools; i++)
    {
      g_autoptr(GListModel) handovers = hp_store_list_handovers (fixture->store,
                                                                 hp_campaign_get_id (fixture->campaign),
                                                                 plan->schools[i].school_id, &error);
      guint n;

      g_assert_no_error (error);
      n = g_list_model_get_n_items (handovers);
      if (n > 0)
        {
          g_autoptr(HpHandover) latest = g_list_model_get_item (handovers, n - 1);

          total += (guint) hp_handover_get_total (latest);
        }
      else
        total += plan->schools[i].allocated_standard + plan->schools[i].allocated_under18;
    }
  g_assert_cmpuint (total, >, 0);
  packs = g_strdup_printf ("%u", total);
  n_schools = g_strdup_printf ("%u", plan->n_schools);

  facts = export_from_window (fixture, HP_EXPORT_PACKING_LIST, FALSE);
  CHECK (facts, "[s['name'] for s in d['sheets']] == "
                "['Inhalt je Paket', 'Gesamtmengen', 'Packstationen', 'Kistenetiketten']", NULL);
  CHECK (facts, PRINTS_IN_GERMAN, hp_campaign_get_name (fixture->campaign), NULL);
  g_clear_pointer (&facts, g_free);

  facts = export_from_window (fixture, HP_EXPORT_DELIVERY_SHEETS, TRUE);
  CHECK (facts, "d['sheets'][0]['name'] == 'Übersicht' and len(d['sheets']) == 1 + int(a[0])",
         n_schools, NULL);
  CHECK (facts, PRINTS_IN_GERMAN, hp_campaign_get_name (fixture->campaign), NULL);
  /* the total of the overview's packs column is that of the notes */
  CHECK (facts, "[r[10][0] for r in d['sheets'][0]['rows'] if (r[10][3] or '').startswith('=SUM(')] == [int(a[0])]",
         packs, NULL);
  /* each school's sheet: the file's agency on top, not the settings' */
  CHECK (facts, "all(any('Regionalagentur Hochsauerland' == c[0] for r in s['rows'][:4] for c in r) "
                "    for s in d['sheets'][1:])", NULL);
  CHECK (facts, "not any(c[0] == 'Nur in den Einstellungen' for s in d['sheets'] for r in s['rows'] for c in r)",
         NULL);
  g_clear_pointer (&facts, g_free);

  facts = export_from_window (fixture, HP_EXPORT_SPONSOR_REPORT, FALSE);
  CHECK (facts, "[s['name'] for s in d['sheets']] == ['Zusammenfassung', 'Sponsoren', 'Dankschreiben']", NULL);
  CHECK (facts, PRINTS_IN_GERMAN, hp_campaign_get_name (fixture->campaign), NULL);
  g_clear_pointer (&facts, g_free);

  facts = export_from_window (fixture, HP_EXPORT_NETWORK, FALSE);
  CHECK (facts, "[s['name'] for s in d['sheets']] == ['Netzwerk']", NULL);
  /* the export breaks a heading into its lines itself ("Einwilligung" /
   * "am") */
  CHECK (facts, "[c[0].replace('\\n', ' ') for c in d['sheets'][0]['rows'][3]] == "
                "['Nachname', 'Vorname', 'E-Mail', 'Telefon', 'Schule', 'Jahr', 'Einwilligung am', "
                " 'Quelle der Einwilligung']", NULL);
  CHECK (facts, PRINTS_IN_GERMAN, hp_campaign_get_name (fixture->campaign), NULL);

  g_settings_reset (settings, "agency-name");
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "does", "not", "exist", NULL);
  g_autofree char *path = g_build_filename (folder, "Sponsorenbericht.xlsx", NULL);
  g_autoptr(HpExportRunner) runner = NULL;
  AdwMessageDialog *dialog;

  runner = start_export (fixture, HP_EXPORT_SPONSOR_REPORT, path, FALSE);
  wait_until (runner_done, runner);

  dialog = _hp_export_runner_get_error_dialog (runner);
  g_assert_nonnull (dialog);
  g_assert_true (hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “Sponsorenbericht.xlsx”");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_null (_hp_export_runner_get_result_toast (runner));

  /* nothing written anywhere */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->tmpdir), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  hp_ui_test_drain_main_context ();
  g_assert_null (_hp_export_runner_get_error_dialog (runner));
}

/* A text longer than a cell holds: saved, with the warning in a dialog
 * beside the "Saved" toast. */
static void
test_export_warnings (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "Lieferscheine.xlsx", NULL);
  g_autofree char *long_name = g_strnfill (40000, 'x');
  g_autoptr(HpExportRunner) runner = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  HpStore *store = fixture->store;
  AdwMessageDialog *dialog;

  schools = hp_store_list_schools (store, hp_campaign_get_id (fixture->campaign), &error);
  g_assert_no_error (error);
  school = g_list_model_get_item (schools, 0);
  hp_school_set_contact_teacher (school, long_name);
  g_assert_true (hp_store_update_school (store, school, &error));
  g_assert_no_error (error);

  runner = start_export (fixture, HP_EXPORT_DELIVERY_SHEETS, path, FALSE);
  wait_until (runner_done, runner);

  g_assert_nonnull (_hp_export_runner_get_result_toast (runner));
  g_assert_null (_hp_export_runner_get_error_dialog (runner));
  dialog = _hp_export_runner_get_warnings_dialog (runner);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Saved “Lieferscheine.xlsx” With Warnings");
  /* 40,000 characters, cut to 32,767 */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "a text of 40000 characters was cut"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_close (GTK_WINDOW (dialog));
  hp_ui_test_drain_main_context ();
  g_assert_null (_hp_export_runner_get_warnings_dialog (runner));
}

static void
test_export_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "Netzwerk.xlsx", NULL);
  g_autoptr(HpExportRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (path, "the old file", -1, &error);
  g_assert_no_error (error);

  runner = start_export (fixture, HP_EXPORT_NETWORK, path, FALSE);
  hp_export_runner_cancel (runner);
  wait_until (runner_done, runner);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the old file");
  g_assert_cmpuint (count_files (fixture->tmpdir), ==, 1);
  g_assert_null (_hp_export_runner_get_error_dialog (runner));
  g_assert_null (_hp_export_runner_get_result_toast (runner));
}

static void
test_export_needs_campaign (Fixture       *fixture,
                            gconstpointer  data)
{
  /* disabled: activating does nothing */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", "s", "packing-list");
  hp_ui_test_drain_main_context ();
  g_assert_null (hp_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  /* the file chooser needs GTK's own schemas too */
  hp_ui_test_add_gtk_schemas ();
  hp_ui_test_use_system_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  /* The German workbooks: the build's translations. No textdomain(): with
   * a default domain that has no English catalogue, g_dgettext() would
   * switch translations off for good at its first call, in English. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HEIMPACK_LOCALEDIR") ? g_getenv ("HEIMPACK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* Fails hard without a display: CI must run this under Xvfb. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the UI tests under xvfb-run");
  adw_init ();

  g_test_add ("/heimpack/export-gui/menu", Fixture, NULL,
              fixture_setup_demo, test_export_menu, fixture_teardown);
  g_test_add ("/heimpack/export-gui/chooser", Fixture, NULL,
              fixture_setup_demo, test_export_chooser, fixture_teardown);
  g_test_add ("/heimpack/export-gui/writes", Fixture, NULL,
              fixture_setup_demo, test_export_writes, fixture_teardown);
  g_test_add ("/heimpack/export-gui/german-workbooks", Fixture, NULL,
              fixture_setup_german, test_export_german_workbooks, fixture_teardown_german);
  g_test_add ("/heimpack/export-gui/error", Fixture, NULL,
              fixture_setup_demo, test_export_error, fixture_teardown);
  g_test_add ("/heimpack/export-gui/warnings", Fixture, NULL,
              fixture_setup_demo, test_export_warnings, fixture_teardown);
  g_test_add ("/heimpack/export-gui/cancelled", Fixture, NULL,
              fixture_setup_demo, test_export_cancelled, fixture_teardown);
  g_test_add ("/heimpack/export-gui/needs-campaign", Fixture, NULL,
              fixture_setup_empty, test_export_needs_campaign, fixture_teardown);

  return g_test_run ();
}
