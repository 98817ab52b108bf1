/* test-backups-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Backups window ("Sicherungen…"): opened from the main window's
 * primary-menu action; the empty state; the list shows the copy an import
 * made; "Back Up Now" adds one; "Restore…" asks in an AdwMessageDialog and,
 * after "Restore", brings back the counts of the copy, keeps a copy of the
 * replaced state and makes the store emit its change signal.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-backups-window.h"
#include "hp-ui-test-utils.h"
#include "hp-window.h"
#include "hp-test-utils.h"

typedef struct
{
  char     *dir;
  char     *db;
  HpStore  *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hp_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "heimpack.db", NULL);
  f->store = hp_store_open (f->db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hp_ui_test_drain_main_context ();
  g_clear_object (&f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static gboolean
not_busy (gpointer data)
{
  return !hp_backups_window_get_busy (data);
}

static void
wait_idle (HpBackupsWindow *window)
{
  hp_ui_test_wait_until (not_busy, window, 20 * G_USEC_PER_SEC, "the backups window to finish");
}

static guint
graduates (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats stats;

  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  return stats.graduates;
}

static void
on_changed (HpStore        *store,
            HpStoreChanges  changes,
            gpointer        user_data)
{
  *(HpStoreChanges *) user_data |= changes;
}

static gboolean
changed_all (gpointer data)
{
  return *(HpStoreChanges *) data == HP_STORE_CHANGED_ALL;
}

static void
test_backups_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Abi 2027", 2027);
  g_autoptr(HpSchool) school = hp_school_new ("170001", "Gymnasium");
  g_autofree char *csv = g_build_filename (f->dir, "abi.csv", NULL);
  HpBackupsWindow *window;
  HpWindow *main_window;
  AdwMessageDialog *dialog;
  HpStoreChanges changes = 0;
  g_autofree char *import_id = NULL;

  g_assert_true (hp_store_add_campaign (f->store, campaign, &error));
  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);

  /* opened from the primary menu's action; nothing there yet */
  main_window = hp_window_new (NULL, f->store);
  hp_ui_test_present (GTK_WINDOW (main_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-backups", NULL));
  window = hp_ui_test_find_toplevel (HP_TYPE_BACKUPS_WINDOW);
  g_assert_nonnull (window);
  wait_idle (window);
  g_assert_cmpuint (hp_backups_window_get_n_backups (window), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hp_ui_test_find_label (GTK_WIDGET (window), "No Backups Yet"))));
  gtk_window_destroy (GTK_WINDOW (window));
  hp_ui_test_drain_main_context ();

  /* an import of 3 graduates copies the file first */
  {
    HpImport *import;
    HpImportResult r;

    g_file_set_contents (csv, "Nachname;Vorname;Jahrgang\nFink;Fia;Q2\nGast;Gil;Q2\nHahn;Hal;Q2\n", -1, &error);
    import = hp_import_new (f->store, HP_IMPORT_GRADUATES, csv, NULL, &error);
    g_assert_no_error (error);
    hp_import_set_campaign (import, hp_campaign_get_id (campaign));
    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    hp_import_free (import);
    g_assert_cmpuint (graduates (f->store), ==, 3);
  }

  /* the list shows it, with what it holds: a count and its noun joined by
   * a no-break space, so that a wrapping line keeps them together */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-backups", NULL));
  window = hp_ui_test_find_toplevel (HP_TYPE_BACKUPS_WINDOW);
  wait_idle (window);
  g_assert_cmpuint (hp_backups_window_get_n_backups (window), ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hp_ui_test_find_label (GTK_WIDGET (window), "No Backups Yet"))));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (window), "Before an import"));
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (window), "1\u00a0campaign, 0\u00a0graduates"));
  /* the folder by its name, beside heimpack.db; where it is in the tooltip */
  {
    GtkLabel *folder = hp_ui_test_find_label (GTK_WIDGET (window), "Newest first");
    g_autofree char *path = g_build_filename (f->dir, "heimpack.db.backups", NULL);

    g_assert_nonnull (folder);
    g_assert_cmpstr (gtk_label_get_text (folder), ==, "Newest first, in the folder “heimpack.db.backups”.");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (folder)), ==, path);
  }
  import_id = g_strdup (hp_backups_window_get_backup_id (window, 0));

  /* Back Up Now adds one, newest first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "backups.back-up-now", NULL));
  g_assert_true (hp_backups_window_get_busy (window));
  wait_idle (window);
  g_assert_cmpuint (hp_backups_window_get_n_backups (window), ==, 2);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (window), "1\u00a0campaign, 3\u00a0graduates"));
  g_assert_cmpstr (hp_backups_window_get_backup_id (window, 1), ==, import_id);

  /* Restore… asks first; Cancel changes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "backups.restore", "s", import_id));
  dialog = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  hp_ui_test_drain_main_context ();
  g_assert_false (hp_backups_window_get_busy (window));
  g_assert_cmpuint (graduates (f->store), ==, 3);

  /* … and Restore brings back the 0 graduates before the import */
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "backups.restore", "s", import_id));
  dialog = hp_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  wait_idle (window);
  hp_ui_test_wait_until (changed_all, &changes, 5 * G_USEC_PER_SEC, "the store's change signal");
  g_assert_cmpuint (graduates (f->store), ==, 0);

  /* the replaced state is the newest backup, with its 3 graduates */
  g_assert_cmpuint (hp_backups_window_get_n_backups (window), ==, 3);
  g_assert_nonnull (hp_ui_test_find_label (GTK_WIDGET (window), "Before a restore"));

  g_signal_handlers_disconnect_by_data (f->store, &changes);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  hp_ui_test_use_system_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the UI tests under xvfb-run");
  adw_init ();

  g_test_add ("/heimpack/backups-window/list-back-up-restore", Fixture, NULL,
              fixture_setup, test_backups_window, fixture_teardown);

  return g_test_run ();
}
