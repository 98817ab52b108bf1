/* hp-ui-test-utils.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI tests' shared helpers (hp-ui-test-utils.h), built as a small static
 * library that every UI test links. They drive GTK from the test's thread:
 * waiting means iterating the default main context until a condition holds
 * or a deadline passes, and a window counts as shown once it has drawn. The
 * setup helpers are for main(), before g_test_init() and gtk_init_check().
 */

#include "config.h"

#include <string.h>

#include "hp-ui-test-utils.h"

/**
 * hp_ui_test_drain_main_context:
 *
 * Dispatches whatever the default main context has pending, without waiting.
 */
void
hp_ui_test_drain_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * hp_ui_test_wait_until:
 * @done: called with @data before each iteration
 * @timeout_usec: how long to wait at most
 * @message: the error when the time is up
 *
 * Runs the default main context until @done returns %TRUE; fails the test
 * with @message after @timeout_usec.
 */
void
hp_ui_test_wait_until (HpUiTestCondition  done,
                       gpointer           data,
                       gint64             timeout_usec,
                       const char        *message)
{
  gint64 deadline = g_get_monotonic_time () + timeout_usec;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s", message);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/**
 * hp_ui_test_run_for:
 * @usec: how long
 *
 * Runs the default main context, and so the windows' frames, for @usec.
 */
void
hp_ui_test_run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/**
 * hp_ui_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): the first toplevel of @type
 */
gpointer
hp_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/**
 * hp_ui_test_find_label:
 *
 * Returns: (transfer none) (nullable): a GtkLabel in @widget's tree whose
 *   text contains @needle
 */
GtkLabel *
hp_ui_test_find_label (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = hp_ui_test_find_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * hp_ui_test_present:
 *
 * Presents @window and waits until it has been drawn.
 */
void
hp_ui_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/**
 * hp_ui_test_open_memory_store:
 *
 * Returns: (transfer full): a new store in memory
 */
HpStore *
hp_ui_test_open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  HpStore *store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/**
 * hp_ui_test_use_system_mime_database:
 *
 * G_TEST_OPTION_ISOLATE_DIRS hides the system's XDG data folders, and with
 * them the MIME database without which gdk-pixbuf cannot tell an SVG icon:
 * this keeps the system's. Test subprocesses inherit the isolated
 * environment, so the real list is passed on in a variable. Call it before
 * g_test_init().
 */
void
hp_ui_test_use_system_mime_database (void)
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

/**
 * hp_ui_test_add_gtk_schemas:
 *
 * Adds the system's schema folder, with GTK's own schemas (which the file
 * chooser needs), after the ones in GSETTINGS_SCHEMA_DIR. Call it before
 * g_test_init().
 */
void
hp_ui_test_add_gtk_schemas (void)
{
  const char *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *schema_dirs = NULL;

  schema_dirs = g_strjoin (G_SEARCHPATH_SEPARATOR_S, schema_dir ? schema_dir : "/usr/share/glib-2.0/schemas",
                           "/usr/share/glib-2.0/schemas", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dirs, TRUE);
}

/* glibc caches translations per locale, not per LANGUAGE: tell it that the
 * catalogues changed (the documented way, see the gettext manual). */
extern int _nl_msg_cat_cntr;

/**
 * hp_ui_test_set_language:
 * @language: (nullable): e.g. "de"; %NULL for the locale's own
 *
 * Sets LANGUAGE for the translations looked up from now on (gettext reads
 * it at every lookup; a window's templates are translated when it is
 * built).
 */
void
hp_ui_test_set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}
