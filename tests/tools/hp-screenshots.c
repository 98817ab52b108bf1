/* hp-screenshots.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the window and its dialogs to PNG files, in-process, so that
 * anyone can see the program without a display of their own: every page
 * over the district demo data (Planning with each of its tables), every
 * record dialog (add and edit), the campaign and bookings dialogs, each
 * step of the import assistant for schools, graduates and sponsors, the message
 * dialogs (remove a campaign, purge, what data, the reminder), a deletion's
 * undo toast, the shortcuts (each page), About, Backups and Preferences windows, every
 * page's empty state with and without a campaign, and the read-only
 * banner. Dialogs are pictured at their default size. build-aux/screenshots
 * runs it under Xvfb once per language and window size.
 *
 * Usage: hp-screenshots OUTDIR PREFIX
 *   writes OUTDIR/PREFIX-NAME.png and prints each path on a line of its
 *   own. Fails (exit 1) if a page shows none of the demo's rows or a
 *   dialog does not open. HP_SHOT_SIZE=WIDTHxHEIGHT sets the window size
 *   (default 1280x800).
 *
 * The language comes from the environment (LANGUAGE, LC_ALL); the catalogue
 * from HEIMPACK_LOCALEDIR, as for the program itself.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-application.h"
#include "hp-backups-window.h"
#include "hp-preferences-window.h"
#include "hp-bookings-dialog-private.h"
#include "hp-campaign-dialog.h"
#include "hp-import-assistant-private.h"
#include "hp-pack-page-private.h"
#include "hp-plan-page-private.h"
#include "hp-record-dialog-private.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"

/* 1280×800, or what HP_SHOT_SIZE says, e.g. "1100x720" */
static int shot_width = 1280;
static int shot_height = 800;
#define SHOT_WIDTH  shot_width
#define SHOT_HEIGHT shot_height
#define DEMO_SEED   1

/* how long a page may take to load before we give up */
#define LOAD_TIMEOUT_USEC (60 * G_USEC_PER_SEC)
/* long enough for the page's crossfade (200 ms) and the spinner to go */
#define SETTLE_USEC (500 * 1000)

/* the list pages */
static const char * const page_names[] = { "sponsors", "products", "schools", "graduates", "handovers" };
/* every page */
static const char * const all_page_names[] = { "sponsors", "products", "pack", "schools", "graduates", "handovers",
                                                "plan" };
/* the Planning page's tables besides "items" */
static const char * const plan_tables[] = { "schools", "chase" };

/* ------------------------------------------------------------------------ */
/* Main loop helpers                                                         */

static void
run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
wait_until_loaded (HpTablePage  *page,
                   GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;

  while (hp_table_page_get_loading (page))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "%s did not finish loading within %d s",
                       G_OBJECT_TYPE_NAME (page), (int) (LOAD_TIMEOUT_USEC / G_USEC_PER_SEC));
          return FALSE;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* Any page (HpPage), or the bookings dialog: both have "loading". */
static gboolean
wait_until_done (gpointer     object,
                 GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;
  gboolean loading = TRUE;

  while (TRUE)
    {
      g_object_get (object, "loading", &loading, NULL);
      if (!loading)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "%s did not finish loading within %d s",
                       G_OBJECT_TYPE_NAME (object), (int) (LOAD_TIMEOUT_USEC / G_USEC_PER_SEC));
          return FALSE;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
wait_until_all_loaded (HpWindow  *window,
                       GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_page_names); i++)
    {
      HpPage *page = _hp_window_get_any_page (window, all_page_names[i]);

      if (page == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The window has no page “%s”", all_page_names[i]);
          return FALSE;
        }
      if (!wait_until_done (page, error))
        return FALSE;
    }

  return TRUE;
}

/* The newest toplevel of @type that appears within the load timeout, or
 * NULL. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;
  GtkWindow *found = NULL;

  while (found == NULL && g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            found = toplevel;
        }
      if (found == NULL && !g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return found;
}

/* Shows the list page @name and waits until it has loaded and shows all
 * its rows; fails if @want_rows and it shows none. */
static HpTablePage *
show_table_page (HpWindow    *window,
                 const char  *name,
                 gboolean     want_rows,
                 GError     **error)
{
  HpTablePage *page = _hp_window_get_page (window, name);
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;

  if (page == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The window has no page “%s”", name);
      return NULL;
    }
  adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), name);
  if (!wait_until_loaded (page, error))
    return NULL;
  while (_hp_table_page_get_busy (page))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The %s page stayed busy", name);
          return NULL;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  if (want_rows && g_list_model_get_n_items (_hp_table_page_get_model (page)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The %s page shows no rows of the demo data", name);
      return NULL;
    }
  run_for (SETTLE_USEC);

  return page;
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                 */

static gboolean
save_window (GtkWindow   *window,
             const char  *path,
             GError     **error)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  GskRenderer *renderer;

  /* settle the last frame */
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: the window drew nothing", path);
      return FALSE;
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: could not write the PNG file", path);
      return FALSE;
    }

  g_print ("%s\n", path);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Windows                                                                   */

static HpWindow *
show_window (HpApplication *app,
             HpStore       *store)
{
  HpWindow *window = hp_window_new (GTK_APPLICATION (app), store);
  GtkWidget *widget = GTK_WIDGET (window);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), SHOT_WIDTH, SHOT_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (widget);

  /* if the default size counts a frame after all, grow the window by it */
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width != SHOT_WIDTH || height != SHOT_HEIGHT)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * SHOT_WIDTH - width, 2 * SHOT_HEIGHT - height);
      gtk_test_widget_wait_for_draw (widget);
    }

  return window;
}

static void
close_window (HpWindow *window)
{
  /* the loads hold references on their pages and the store: let them end */
  wait_until_all_loaded (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *
build_path (const char *outdir,
            const char *prefix,
            const char *name)
{
  g_autofree char *basename = g_strdup_printf ("%s-%s.png", prefix, name);

  return g_build_filename (outdir, basename, NULL);
}

/* ------------------------------------------------------------------------ */
/* The import assistant                                                      */

/* Until the assistant's workers are done. */
static gboolean
assistant_wait (HpImportAssistant  *assistant,
                GError            **error)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;

  while (_hp_import_assistant_get_busy (assistant))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The import assistant did not finish");
          return FALSE;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  run_for (SETTLE_USEC);

  return TRUE;
}

/* Opens the assistant of @action at its default size and pictures its
 * first step, OUTDIR/PREFIX-import-KIND-choose.png; then chooses @path
 * and pictures the preview, …-preview.png. */
static HpImportAssistant *
open_assistant (HpWindow    *window,
                const char  *action,
                const char  *path,
                const char  *outdir,
                const char  *prefix,
                const char  *kind,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *choose_name = g_strdup_printf ("import-%s-choose", kind);
  g_autofree char *preview_name = g_strdup_printf ("import-%s-preview", kind);
  g_autofree char *choose_path = build_path (outdir, prefix, choose_name);
  g_autofree char *preview_path = build_path (outdir, prefix, preview_name);
  GtkWindow *toplevel;
  HpImportAssistant *assistant;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  toplevel = wait_for_toplevel (HP_TYPE_IMPORT_ASSISTANT);
  if (toplevel == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s opened no import assistant", action);
      return NULL;
    }
  assistant = HP_IMPORT_ASSISTANT (toplevel);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (toplevel));
  run_for (SETTLE_USEC);
  if (!save_window (toplevel, choose_path, error))
    goto fail;

  _hp_import_assistant_choose_file (assistant, file);
  if (!assistant_wait (assistant, error))
    goto fail;
  if (g_strcmp0 (_hp_import_assistant_get_step (assistant), "preview") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: the assistant shows “%s”, not the preview",
                   path, _hp_import_assistant_get_step (assistant));
      goto fail;
    }
  if (!save_window (toplevel, preview_path, error))
    goto fail;

  return assistant;

fail:
  gtk_window_destroy (toplevel);
  return NULL;
}

/* "Next", then until the assistant's workers are done; pictures the step
 * it comes to as OUTDIR/PREFIX-import-KIND-STEP.png unless @kind is NULL. */
static gboolean
assistant_next (HpImportAssistant  *assistant,
                const char         *outdir,
                const char         *prefix,
                const char         *kind,
                GError            **error)
{
  GtkButton *next = _hp_import_assistant_get_next_button (assistant);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (next)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The assistant cannot go on from “%s”",
                   _hp_import_assistant_get_step (assistant));
      return FALSE;
    }
  g_signal_emit_by_name (next, "clicked");
  if (!assistant_wait (assistant, error))
    return FALSE;
  if (kind == NULL)
    return TRUE;

  name = g_strdup_printf ("import-%s-%s", kind, _hp_import_assistant_get_step (assistant));
  path = build_path (outdir, prefix, name);
  return save_window (GTK_WINDOW (assistant), path, error);
}

/* A chooser's popover cannot pop up under Xvfb (no monitor for it): its
 * content is shown in a window of its own. */
static gboolean
save_chooser (HpChoiceRow  *row,
              const char   *path,
              GError      **error)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (hp_choice_row_get_list (row)), GTK_TYPE_POPOVER);
  g_autoptr(GtkWidget) content = g_object_ref (gtk_popover_get_child (GTK_POPOVER (popover)));
  GtkWidget *window = gtk_window_new ();
  gboolean ok;

  gtk_popover_set_child (GTK_POPOVER (popover), NULL);
  gtk_widget_add_css_class (window, "popover");
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  run_for (SETTLE_USEC);
  ok = save_window (GTK_WINDOW (window), path, error);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_popover_set_child (GTK_POPOVER (popover), content);

  return ok;
}

/* A list of graduates as it comes in: from three schools of @store, each
 * with two graduates the campaign has already, three new ones and one of
 * Q1. */
static char *
write_graduate_list (HpStore     *store,
                     HpCampaign  *campaign,
                     GError     **error)
{
  static const char * const new_names[][2] = {
    { "Albers", "Mia" }, { "Brandt", "Luca" }, { "Cordes", "Emma" },
    { "Dreier", "Noah" }, { "Engel", "Lina" }, { "Fischer", "Ben" },
    { "Gerdes", "Hanna" }, { "Hoffmann", "Elias" }, { "Imhof", "Clara" },
  };
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GString) csv = g_string_new ("Schulnummer;Jahrgang;Klasse;Name;Vorname;GebDat\n");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint taken = 0;

  schools = hp_store_list_schools (store, hp_campaign_get_id (campaign), error);
  if (schools == NULL)
    return NULL;

  for (guint i = 0; taken < 3 && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(GListModel) graduates = NULL;
      const char *number = hp_school_get_number (school);

      graduates = hp_store_list_graduates (store, hp_campaign_get_id (campaign), hp_school_get_id (school), error);
      if (graduates == NULL)
        return NULL;
      if (g_list_model_get_n_items (graduates) < 2)
        continue;

      for (guint g = 0; g < 2; g++)
        {
          g_autoptr(HpGraduate) graduate = g_list_model_get_item (graduates, g);
          const char *class_name = hp_graduate_get_class_name (graduate);
          const char *last_name = hp_graduate_get_last_name (graduate);
          const char *first_name = hp_graduate_get_first_name (graduate);
          const char *birth_date = hp_graduate_get_birth_date (graduate);

          g_string_append_printf (csv, "%s;Q2;%s;%s;%s;%s\n", number, class_name ? class_name : "",
                                  last_name ? last_name : "", first_name ? first_name : "",
                                  birth_date ? birth_date : "");
        }
      for (guint n = 0; n < 3; n++)
        g_string_append_printf (csv, "%s;Q2;Q2;%s;%s;%02u.0%u.2008\n", number,
                                new_names[taken * 3 + n][0], new_names[taken * 3 + n][1], 10 + n, 3 + taken);
      g_string_append_printf (csv, "%s;Q1;Q1;Jansen;Paul;01.02.2009\n", number);
      taken++;
    }

  dir = g_dir_make_tmp ("hp-screenshots-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "Abiturientinnen.csv", NULL);
  if (!g_file_set_contents (path, csv->str, csv->len, error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
remove_graduate_list (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Every step for a school directory: the districts found in the file, the
 * chooser of one, and the summary per school. */
static gboolean
shoot_import_schools (HpWindow    *window,
                      const char  *outdir,
                      const char  *prefix,
                      GError     **error)
{
  g_autofree char *chooser_path = build_path (outdir, prefix, "import-schools-district-chooser");
  g_autofree char *file = g_build_filename (HP_TEST_DATA_DIR, "schools-directory.csv", NULL);
  HpImportAssistant *assistant;
  gboolean ok;

  assistant = open_assistant (window, "win.import-schools", file, outdir, prefix, "schools", error);
  if (assistant == NULL)
    return FALSE;

  /* preview → columns → filters: the districts found in the file */
  ok = assistant_next (assistant, outdir, prefix, "schools", error) &&
       assistant_next (assistant, outdir, prefix, NULL, error);
  if (ok)
    ok = save_chooser (_hp_import_assistant_get_district_row (assistant), chooser_path, error);
  if (ok)
    {
      g_autofree char *districts_path = build_path (outdir, prefix, "import-schools-filters");

      hp_choice_row_set_chosen_id (_hp_import_assistant_get_district_row (assistant), "05958");
      run_for (SETTLE_USEC);
      ok = save_window (GTK_WINDOW (assistant), districts_path, error);
    }
  if (ok)
    ok = assistant_next (assistant, outdir, prefix, "schools", error);

  gtk_window_destroy (GTK_WINDOW (assistant));

  return ok;
}

/* Every step for a list of graduates from three schools, before it is
 * stored. */
static gboolean
shoot_import_graduates (HpWindow    *window,
                        HpStore     *store,
                        HpCampaign  *campaign,
                        const char  *outdir,
                        const char  *prefix,
                        GError     **error)
{
  g_autofree char *file = write_graduate_list (store, campaign, error);
  HpImportAssistant *assistant;
  gboolean ok;

  if (file == NULL)
    return FALSE;

  assistant = open_assistant (window, "win.import-graduates", file, outdir, prefix, "graduates", error);
  ok = assistant != NULL;
  /* preview → columns → filters → summary */
  for (guint i = 0; ok && i < 3; i++)
    ok = assistant_next (assistant, outdir, prefix, "graduates", error);

  if (assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (assistant));
  remove_graduate_list (file);

  return ok;
}

/* Every step for last year's list of sponsors (tests/data/sponsors-list.csv:
 * three sponsors, their gifts and pledges), before it is stored. */
static gboolean
shoot_import_sponsors (HpWindow    *window,
                       const char  *outdir,
                       const char  *prefix,
                       GError     **error)
{
  g_autofree char *file = g_build_filename (HP_TEST_DATA_DIR, "sponsors-list.csv", NULL);
  HpImportAssistant *assistant;
  gboolean ok;

  assistant = open_assistant (window, "win.import-sponsors", file, outdir, prefix, "sponsors", error);
  ok = assistant != NULL;
  /* preview → columns → filters → summary */
  for (guint i = 0; ok && i < 3; i++)
    ok = assistant_next (assistant, outdir, prefix, "sponsors", error);

  if (assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (assistant));

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Personal data (issue 14)                                                  */

/* The message dialog that appears within the load timeout, or NULL. */
static GtkWindow *
wait_for_message_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;
  GtkWindow *found = NULL;

  while (found == NULL && g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel))
            found = toplevel;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return found;
}

static gboolean
shoot_dialog (GtkWindow   *dialog,
              const char  *path,
              GError     **error)
{
  gboolean ok;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  run_for (SETTLE_USEC);
  ok = save_window (dialog, path, error);
  gtk_window_destroy (dialog);
  return ok;
}

/* The graduate editor of the first graduate with (@consent) or without
 * consent: the contact fields, open or waiting for the consent. */
static gboolean
shoot_graduate_editor (HpWindow    *window,
                       gboolean     consent,
                       const char  *path,
                       GError     **error)
{
  HpTablePage *page = show_table_page (window, "graduates", TRUE, error);
  GListModel *model;
  HpRecordDialog *dialog;

  if (page == NULL)
    return FALSE;
  model = _hp_table_page_get_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (model, i);

      if ((hp_graduate_get_email (graduate) != NULL) == consent &&
          (consent || hp_graduate_get_consent_date (graduate) == NULL))
        {
          _hp_table_page_select_position (page, i);
          break;
        }
    }
  if (hp_table_page_get_selected (page) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No graduate %s consent in the demo data",
                   consent ? "with" : "without");
      return FALSE;
    }

  gtk_widget_activate_action (GTK_WIDGET (page), "page.edit", NULL);
  dialog = _hp_table_page_get_dialog (page);
  if (dialog == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The graduate editor did not open");
      return FALSE;
    }
  return shoot_dialog (GTK_WINDOW (dialog), path, error);
}

/* The editor with contact fields, the purge's question and "What data does
 * Heimpack store?". */
static gboolean
shoot_personal_data (HpWindow    *window,
                     const char  *outdir,
                     const char  *prefix,
                     GError     **error)
{
  g_autofree char *consent_path = build_path (outdir, prefix, "graduate-contact");
  g_autofree char *no_consent_path = build_path (outdir, prefix, "graduate-no-consent");
  g_autofree char *purge_path = build_path (outdir, prefix, "purge");
  g_autofree char *info_path = build_path (outdir, prefix, "data-info");
  GtkWindow *dialog;

  if (!shoot_graduate_editor (window, TRUE, consent_path, error) ||
      !shoot_graduate_editor (window, FALSE, no_consent_path, error))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.purge-personal-data", "x", (gint64) 0);
  dialog = wait_for_message_dialog ();
  if (dialog == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No question before the purge");
      return FALSE;
    }
  /* not answered: nothing is deleted */
  if (!shoot_dialog (dialog, purge_path, error))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-data-info", NULL);
  dialog = wait_for_message_dialog ();
  if (dialog == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No “What data” dialog");
      return FALSE;
    }
  return shoot_dialog (dialog, info_path, error);
}

/* The editor of a new record on the list page @name (PAGE-add.png) and,
 * unless @edit is FALSE, of its first row (PAGE-edit.png). */
static gboolean
shoot_record_dialogs (HpWindow    *window,
                      const char  *name,
                      gboolean     edit,
                      const char  *outdir,
                      const char  *prefix,
                      GError     **error)
{
  HpTablePage *page = show_table_page (window, name, TRUE, error);

  if (page == NULL)
    return FALSE;

  for (guint shot = 0; shot < (edit ? 2u : 1u); shot++)
    {
      g_autofree char *shot_name = g_strdup_printf ("%s-%s", name, shot == 0 ? "add" : "edit");
      g_autofree char *path = build_path (outdir, prefix, shot_name);
      HpRecordDialog *dialog;

      if (shot == 1)
        _hp_table_page_select_position (page, 0);
      gtk_widget_activate_action (GTK_WIDGET (page), shot == 0 ? "page.add" : "page.edit", NULL);
      dialog = _hp_table_page_get_dialog (page);
      if (dialog == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The %s page opened no editor (%s)",
                       name, shot == 0 ? "add" : "edit");
          return FALSE;
        }
      if (!shoot_dialog (GTK_WINDOW (dialog), path, error))
        return FALSE;
    }

  return TRUE;
}

/* A window of @type opened by @action (on @window, or the application's
 * when @app_action), pictured at its default size as NAME.png. */
static gboolean
shoot_action_window (HpWindow    *window,
                     const char  *action,
                     gboolean     app_action,
                     GType        type,
                     const char  *outdir,
                     const char  *prefix,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *path = build_path (outdir, prefix, name);
  GtkWindow *opened;

  if (app_action)
    g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))),
                                    action, NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  opened = wait_for_toplevel (type);
  if (opened == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s opened no %s", action, g_type_name (type));
      return FALSE;
    }
  return shoot_dialog (opened, path, error);
}

/* the first widget of @type in @widget, depth first */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window, each of its pages: shortcuts.png, shortcuts-2.png, … */
static gboolean
shoot_shortcuts (HpWindow    *window,
                 const char  *outdir,
                 const char  *prefix,
                 GError     **error)
{
  GtkWindow *opened;
  GtkWidget *section;
  GtkStack *pages;
  g_autoptr(GListModel) children = NULL;
  gboolean ok = TRUE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  opened = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  if (opened == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "win.show-help-overlay opened no shortcuts window");
      return FALSE;
    }

  /* a section lays its shortcuts out on pages of a stack of its own */
  section = find_widget (GTK_WIDGET (opened), GTK_TYPE_SHORTCUTS_SECTION);
  pages = section != NULL ? GTK_STACK (find_widget (section, GTK_TYPE_STACK)) : NULL;
  if (pages == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The shortcuts window has no pages");
      gtk_window_destroy (opened);
      return FALSE;
    }

  gtk_test_widget_wait_for_draw (GTK_WIDGET (opened));
  children = G_LIST_MODEL (gtk_stack_get_pages (pages));
  for (guint i = 0; ok && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (children, i);
      GtkWidget *child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));
      g_autofree char *name = i == 0 ? g_strdup ("shortcuts") : g_strdup_printf ("shortcuts-%u", i + 1);
      g_autofree char *path = build_path (outdir, prefix, name);

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_stack_set_visible_child (pages, child);
      run_for (SETTLE_USEC);
      ok = save_window (opened, path, error);
    }
  gtk_window_destroy (opened);
  return ok;
}

/* A row deleted from the hand-overs: the toast that can undo it, then
 * undone. */
static gboolean
shoot_delete_toast (HpWindow    *window,
                    const char  *outdir,
                    const char  *prefix,
                    GError     **error)
{
  g_autofree char *path = build_path (outdir, prefix, "delete-undo");
  HpTablePage *page = show_table_page (window, "handovers", TRUE, error);
  guint before;
  gboolean ok;

  if (page == NULL)
    return FALSE;
  before = g_list_model_get_n_items (_hp_table_page_get_model (page));
  _hp_table_page_select_position (page, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  if (_hp_table_page_get_undo_toast (page) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Deleting a hand-over showed no undo toast");
      return FALSE;
    }
  page = show_table_page (window, "handovers", TRUE, error);
  if (page == NULL)
    return FALSE;
  ok = save_window (GTK_WINDOW (window), path, error);

  gtk_widget_activate_action (GTK_WIDGET (page), "page.undo", NULL);
  if (ok && show_table_page (window, "handovers", TRUE, error) == NULL)
    ok = FALSE;
  if (ok && g_list_model_get_n_items (_hp_table_page_get_model (page)) != before)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Undo did not bring the hand-over back");
      ok = FALSE;
    }

  return ok;
}

static gboolean
shoot_demo (HpApplication  *app,
            const char     *outdir,
            const char     *prefix,
            GError        **error)
{
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  AdwViewStack *stack;
  HpWindow *window;
  gboolean ok = TRUE;

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, DEMO_SEED, error);
  if (campaign == NULL)
    return FALSE;

  window = show_window (app, store);
  stack = _hp_window_get_view_stack (window);

  for (guint i = 0; ok && i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *path = build_path (outdir, prefix, page_names[i]);
      HpTablePage *page = show_table_page (window, page_names[i], TRUE, error);

      ok = page != NULL;
      if (ok)
        ok = save_window (GTK_WINDOW (window), path, error);

      /* its record dialogs: a new one (the graduates' editor is pictured
       * with the personal data, below) and the first row's */
      if (ok && g_strcmp0 (page_names[i], "handovers") != 0)
        ok = shoot_record_dialogs (window, page_names[i], g_strcmp0 (page_names[i], "graduates") != 0,
                                   outdir, prefix, error);
      if (ok && g_strcmp0 (page_names[i], "handovers") == 0)
        {
          g_autofree char *edit_path = build_path (outdir, prefix, "handovers-edit");
          HpRecordDialog *dialog;

          _hp_table_page_select_position (page, 0);
          gtk_widget_activate_action (GTK_WIDGET (page), "page.edit", NULL);
          dialog = _hp_table_page_get_dialog (page);
          if (dialog == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The hand-overs page opened no editor (edit)");
              ok = FALSE;
            }
          else
            ok = shoot_dialog (GTK_WINDOW (dialog), edit_path, error);
        }

      /* The editor of a new hand-over, a school chosen and packs typed */
      if (ok && g_strcmp0 (page_names[i], "handovers") == 0)
        {
          g_autofree char *add_path = build_path (outdir, prefix, "handovers-add");
          HpRecordDialog *dialog;

          gtk_widget_activate_action (GTK_WIDGET (page), "page.add", NULL);
          dialog = _hp_table_page_get_dialog (page);
          if (dialog == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The hand-overs page opened no editor");
              ok = FALSE;
            }
          else
            {
              gtk_drop_down_set_selected (GTK_DROP_DOWN (_hp_record_dialog_get_editor (dialog, "school-id")), 0);
              /* typed as the window writes dates in this language */
              _hp_record_dialog_set_text (dialog, "date", g_str_equal (prefix, "de") ? "01.07.2027 14:00"
                                                                                     : "2027-07-01 14:00");
              _hp_record_dialog_set_text (dialog, "standard", "34");
              _hp_record_dialog_set_text (dialog, "received-by", "Herr Braun");
              _hp_record_dialog_set_text (dialog, "note", "Restlieferung");
              gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
              run_for (SETTLE_USEC);
              ok = save_window (GTK_WINDOW (dialog), add_path, error);
              gtk_window_destroy (GTK_WINDOW (dialog));
            }
        }

      /* The pack contents, after the products: they read when shown. */
      if (ok && g_strcmp0 (page_names[i], "products") == 0)
        {
          g_autofree char *pack_path = build_path (outdir, prefix, "pack");
          HpPage *pack = _hp_window_get_any_page (window, "pack");

          adw_view_stack_set_visible_child_name (stack, "pack");
          run_for (SETTLE_USEC);
          ok = wait_until_done (pack, error);
          if (ok && g_list_model_get_n_items (_hp_pack_page_get_rows (HP_PACK_PAGE (pack))) == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The pack contents page shows no lines of the demo data");
              ok = FALSE;
            }
          if (ok)
            {
              run_for (SETTLE_USEC);
              ok = save_window (GTK_WINDOW (window), pack_path, error);
            }

          /* the dialog that adds an item, with a name typed */
          if (ok)
            {
              g_autofree char *add_path = build_path (outdir, prefix, "pack-add");
              AdwMessageDialog *dialog;

              gtk_widget_activate_action (GTK_WIDGET (pack), "page.add", NULL);
              dialog = _hp_pack_page_get_dialog (HP_PACK_PAGE (pack));
              if (dialog == NULL)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The pack contents page added no item");
                  ok = FALSE;
                }
              else
                {
                  gtk_editable_set_text (_hp_pack_page_get_dialog_entry (HP_PACK_PAGE (pack)), "Erdnüsse 150 g");
                  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
                  run_for (SETTLE_USEC);
                  ok = save_window (GTK_WINDOW (dialog), add_path, error);
                  gtk_window_destroy (GTK_WINDOW (dialog));
                }
            }
        }
    }

  /* The Planning page: it computes when shown, in a worker ("loading"). */
  if (ok)
    {
      g_autofree char *path = build_path (outdir, prefix, "plan");
      GtkWidget *plan = adw_view_stack_get_child_by_name (stack, "plan");
      gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;
      gboolean loading = TRUE;

      adw_view_stack_set_visible_child_name (stack, "plan");
      run_for (SETTLE_USEC);
      while (plan != NULL && loading && g_get_monotonic_time () < deadline)
        {
          g_object_get (plan, "loading", &loading, NULL);
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }
      if (plan == NULL || loading)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The Planning page did not compute its plan");
          ok = FALSE;
        }
      else if (g_list_model_get_n_items (_hp_plan_page_get_item_model (HP_PLAN_PAGE (plan))) == 0 ||
               g_list_model_get_n_items (_hp_plan_page_get_school_model (HP_PLAN_PAGE (plan))) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The Planning page shows no rows of the demo data");
          ok = FALSE;
        }
      else
        {
          run_for (SETTLE_USEC);
          ok = save_window (GTK_WINDOW (window), path, error);
        }

      /* its other tables: each school's basis and the spares, what to chase */
      for (guint t = 0; ok && t < G_N_ELEMENTS (plan_tables); t++)
        {
          g_autofree char *tab_name = g_strconcat ("plan-", plan_tables[t], NULL);
          g_autofree char *tab_path = build_path (outdir, prefix, tab_name);

          gtk_stack_set_visible_child_name (_hp_plan_page_get_tables_stack (HP_PLAN_PAGE (plan)), plan_tables[t]);
          run_for (SETTLE_USEC);
          ok = save_window (GTK_WINDOW (window), tab_path, error);
        }
      if (ok)
        gtk_stack_set_visible_child_name (_hp_plan_page_get_tables_stack (HP_PLAN_PAGE (plan)), "items");
    }

  /* The question before a campaign is removed (counted in a worker). */
  if (ok)
    {
      g_autofree char *path = build_path (outdir, prefix, "remove-campaign");
      gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_USEC;
      GtkWindow *question = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-campaign", NULL);
      while (question == NULL && g_get_monotonic_time () < deadline)
        {
          GListModel *toplevels = gtk_window_get_toplevels ();

          for (guint i = 0; question == NULL && i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

              if (ADW_IS_MESSAGE_DIALOG (toplevel))
                question = toplevel;
            }
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }
      if (question == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No question before removing the campaign");
          ok = FALSE;
        }
      else
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (question));
          run_for (SETTLE_USEC);
          ok = save_window (question, path, error);
          /* answered "Cancel": nothing is removed */
          gtk_window_destroy (question);
        }
    }

  if (ok)
    ok = shoot_personal_data (window, outdir, prefix, error);

  /* The bookings, in their own window over the main one. */
  if (ok)
    {
      g_autofree char *path = build_path (outdir, prefix, "bookings");
      GtkWindow *bookings;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bookings", NULL);
      bookings = _hp_window_get_bookings_dialog (window);
      if (bookings == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The bookings did not open");
          ok = FALSE;
        }
      else
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (bookings));
          run_for (SETTLE_USEC);
          ok = wait_until_done (bookings, error);
          if (ok)
            {
              run_for (SETTLE_USEC);
              ok = save_window (bookings, path, error);
            }

          /* and the form that corrects one */
          if (ok)
            {
              g_autofree char *edit_path = build_path (outdir, prefix, "bookings-edit");
              g_autoptr(HpReceipt) first = g_list_model_get_item (_hp_bookings_dialog_get_model (HP_BOOKINGS_DIALOG (bookings)), 0);

              if (first != NULL)
                {
                  _hp_bookings_dialog_select (HP_BOOKINGS_DIALOG (bookings), hp_receipt_get_id (first));
                  gtk_widget_activate_action (GTK_WIDGET (bookings), "bookings.edit", NULL);
                  run_for (SETTLE_USEC);
                  ok = save_window (bookings, edit_path, error);
                }
            }
          gtk_window_destroy (bookings);
        }
    }

  /* the campaign's dialogs, the shortcuts, About and a deletion's toast */
  if (ok)
    ok = shoot_action_window (window, "win.new-campaign", FALSE, HP_TYPE_CAMPAIGN_DIALOG,
                              outdir, prefix, "campaign-new", error);
  if (ok)
    ok = shoot_action_window (window, "win.edit-campaign", FALSE, HP_TYPE_CAMPAIGN_DIALOG,
                              outdir, prefix, "campaign-edit", error);
  if (ok)
    ok = shoot_shortcuts (window, outdir, prefix, error);
  if (ok)
    ok = shoot_action_window (window, "about", TRUE, ADW_TYPE_ABOUT_WINDOW, outdir, prefix, "about", error);
  if (ok)
    ok = shoot_delete_toast (window, outdir, prefix, error);

  if (ok)
    ok = shoot_import_schools (window, outdir, prefix, error);
  if (ok)
    ok = shoot_import_graduates (window, store, campaign, outdir, prefix, error);
  if (ok)
    ok = shoot_import_sponsors (window, outdir, prefix, error);

  close_window (window);

  return ok;
}

/* Every page of the window over an empty file (empty-PAGE.png), then over
 * a file with a campaign and nothing else (empty-campaign-PAGE.png). */
static gboolean
shoot_empty (HpApplication  *app,
             const char     *outdir,
             const char     *prefix,
             GError        **error)
{
  g_autoptr(HpStore) store = NULL;
  gboolean ok = TRUE;

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;

  for (guint with_campaign = 0; ok && with_campaign < 2; with_campaign++)
    {
      HpWindow *window;

      if (with_campaign)
        {
          g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);

          hp_campaign_set_handover_date (campaign, "2027-06-25");
          if (!hp_store_add_campaign (store, campaign, error))
            return FALSE;
        }

      window = show_window (app, store);
      ok = wait_until_all_loaded (window, error);
      for (guint i = 0; ok && i < G_N_ELEMENTS (all_page_names); i++)
        {
          g_autofree char *name = g_strdup_printf ("empty-%s%s", with_campaign ? "campaign-" : "",
                                                   all_page_names[i]);
          g_autofree char *path = build_path (outdir, prefix, name);

          if (_hp_window_get_page (window, all_page_names[i]) != NULL)
            ok = show_table_page (window, all_page_names[i], FALSE, error) != NULL;
          else
            {
              adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), all_page_names[i]);
              ok = wait_until_done (_hp_window_get_any_page (window, all_page_names[i]), error);
              run_for (SETTLE_USEC);
            }
          if (ok)
            ok = save_window (GTK_WINDOW (window), path, error);
        }
      close_window (window);
    }

  return ok;
}

/* The window over a file it may only read: the banner that says so. */
static gboolean
shoot_read_only (HpApplication  *app,
                 const char     *outdir,
                 const char     *prefix,
                 GError        **error)
{
  g_autofree char *path = build_path (outdir, prefix, "read-only");
  g_autofree char *dir = g_dir_make_tmp ("hp-screenshots-XXXXXX", error);
  g_autofree char *db = NULL;
  g_autofree char *lock = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  HpWindow *window;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  db = g_build_filename (dir, "heimpack.db", NULL);
  lock = g_strconcat (db, ".lock", NULL);
  store = hp_store_open (db, HP_STORE_OPEN_DEFAULT, error);
  ok = store != NULL;
  if (ok)
    {
      campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, DEMO_SEED, error);
      ok = campaign != NULL;
    }
  g_clear_object (&store);
  if (ok)
    {
      store = hp_store_open (db, HP_STORE_OPEN_READ_ONLY, error);
      ok = store != NULL;
    }
  if (ok)
    {
      window = show_window (app, store);
      ok = show_table_page (window, "graduates", TRUE, error) != NULL &&
           gtk_revealer_get_reveal_child (_hp_window_get_read_only_revealer (window));
      if (!ok && error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The read-only window shows no banner");
      if (ok)
        ok = save_window (GTK_WINDOW (window), path, error);
      close_window (window);
    }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (db);
  g_unlink (lock);
  g_rmdir (dir);

  return ok;
}

/* The Backups window over a file of its own: empty first, then with
 * copies made for three reasons (the demo data, then one campaign more). */
static gboolean
shoot_backups (const char  *outdir,
               const char  *prefix,
               GError     **error)
{
  static const HpBackupReason reasons[] = { HP_BACKUP_REASON_DAILY, HP_BACKUP_REASON_IMPORT,
                                            HP_BACKUP_REASON_MANUAL };
  g_autofree char *dir = g_dir_make_tmp ("hp-screenshots-XXXXXX", error);
  g_autofree char *db = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  db = g_build_filename (dir, "heimpack.db", NULL);
  store = hp_store_open (db, HP_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;

  for (guint shot = 0; shot < 2 && ok; shot++)
    {
      g_autofree char *path = build_path (outdir, prefix, shot == 0 ? "backups-empty" : "backups");
      HpBackupsWindow *window;

      if (shot == 1)
        {
          campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, DEMO_SEED, error);
          ok = campaign != NULL;
          for (guint i = 0; ok && i < G_N_ELEMENTS (reasons); i++)
            {
              g_autoptr(HpBackupInfo) info = hp_backup_create (store, reasons[i], error);

              ok = info != NULL;
              run_for (1100 * 1000);   /* a second apart */
            }
          if (!ok)
            break;
        }

      window = hp_backups_window_new (store);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      while (hp_backups_window_get_busy (window))
        g_main_context_iteration (NULL, TRUE);
      run_for (SETTLE_USEC);
      ok = save_window (GTK_WINDOW (window), path, error);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  hp_backup_wait (store);
  g_clear_object (&store);
  {
    g_autofree char *folder = hp_backup_get_folder (db);
    g_autoptr(GDir) backups = g_dir_open (folder, 0, NULL);
    const char *name;
    g_autofree char *lock = g_strconcat (db, ".lock", NULL);

    while (backups != NULL && (name = g_dir_read_name (backups)) != NULL)
      {
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_unlink (file);
      }
    g_rmdir (folder);
    g_unlink (db);
    g_unlink (lock);
    g_rmdir (dir);
  }

  return ok;
}

/* The preferences, at their default size. */
static gboolean
shoot_preferences (const char  *outdir,
                   const char  *prefix,
                   GError     **error)
{
  g_autofree char *path = build_path (outdir, prefix, "preferences");
  g_autoptr(HpStore) store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, error);
  g_autoptr(HpAgency) agency = hp_agency_new ();
  HpPreferencesWindow *window;
  gboolean ok;

  if (store == NULL)
    return FALSE;
  /* the file's agency, as a user would have typed it */
  hp_agency_set_name (agency, "Regionalagentur Südwestfalen");
  hp_agency_set_street (agency, "Brückenplatz 1");
  hp_agency_set_postcode (agency, "59821");
  hp_agency_set_town (agency, "Arnsberg");
  hp_agency_set_phone (agency, "02931 94-0");
  hp_agency_set_email (agency, "info@agentur.example");
  if (!hp_store_set_agency (store, agency, error))
    return FALSE;

  window = hp_preferences_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  run_for (SETTLE_USEC);
  ok = save_window (GTK_WINDOW (window), path, error);
  gtk_window_destroy (GTK_WINDOW (window));
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Main                                                                      */

/* Without a compositor (Xvfb) GTK gives windows a "solid-csd" frame: a 5 px
 * grey resize border that no user sees on a desktop, where the window has a
 * shadow instead. Leave it out of the pictures. */
static void
load_screenshot_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider,
                                   "window.solid-csd { padding: 0; box-shadow: none; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
}

/* The reminder on start: a campaign whose hand-over lies long back, with
 * the personal data of graduates without consent still there. */
static gboolean
shoot_reminder (HpApplication  *app,
                const char     *outdir,
                const char     *prefix,
                GError        **error)
{
  g_autofree char *path = build_path (outdir, prefix, "purge-reminder");
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2025", 2025);
  g_autoptr(HpSchool) school = hp_school_new ("100112", "Benediktiner-Gesamtschule Arnsberg");
  static const char * const names[] = { "Bauer", "Keller", "Möller" };
  HpWindow *window;
  GtkWindow *dialog;
  gboolean ok;

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  hp_campaign_set_handover_date (campaign, "2025-06-27");
  if (!hp_store_add_campaign (store, campaign, error) || !hp_store_add_school (store, school, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HpGraduate) graduate = hp_graduate_new (hp_campaign_get_id (campaign), hp_school_get_id (school));

      hp_graduate_set_last_name (graduate, names[i]);
      if (!hp_store_add_graduate (store, graduate, error))
        return FALSE;
    }

  window = show_window (app, store);
  dialog = wait_for_message_dialog ();
  if (dialog == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No reminder to delete personal data");
      close_window (window);
      return FALSE;
    }
  ok = shoot_dialog (dialog, path, error);
  close_window (window);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");
  g_autoptr(HpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  const char *outdir, *prefix;

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 3)
    {
      g_printerr ("Usage: %s OUTDIR PREFIX\n", g_get_prgname () ? g_get_prgname () : argv[0]);
      return 2;
    }
  outdir = argv[1];
  prefix = argv[2];

  if (g_getenv ("HP_SHOT_SIZE") != NULL &&
      (sscanf (g_getenv ("HP_SHOT_SIZE"), "%dx%d", &shot_width, &shot_height) != 2 ||
       shot_width < 360 || shot_height < 294))
    {
      g_printerr ("hp-screenshots: HP_SHOT_SIZE must be WIDTHxHEIGHT, e.g. 1100x720\n");
      return 2;
    }

  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      g_printerr ("hp-screenshots: %s: %s\n", outdir, g_strerror (errno));
      return 1;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("hp-screenshots: cannot open a display (run it under xvfb-run)\n");
      return 1;
    }

  /* Own the main context for good, as g_application_run() does in the
   * program: we iterate it by hand, and between iterations another thread
   * could otherwise acquire it (g_main_context_invoke() then runs its
   * callback in that thread). */
  if (!g_main_context_acquire (NULL))
    g_error ("Cannot acquire the main context");

  load_screenshot_css ();

  /* The application brings what the window gets in real use: style.css and
   * the icons from the resources, and the accelerators. It is only
   * registered, never run: the windows here get the store of their own. */
  app = hp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error)
      || !shoot_demo (app, outdir, prefix, &error)
      || !shoot_reminder (app, outdir, prefix, &error)
      || !shoot_empty (app, outdir, prefix, &error)
      || !shoot_read_only (app, outdir, prefix, &error)
      || !shoot_backups (outdir, prefix, &error)
      || !shoot_preferences (outdir, prefix, &error))
    {
      g_printerr ("hp-screenshots: %s\n", error->message);
      return 1;
    }

  return 0;
}
