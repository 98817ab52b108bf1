/* hp-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpApplication owns the one HpStore of the process and hands it to its
 * windows. On the first activation it opens the database: the file given
 * with --db (or the "database" property), else the one opened last, else
 * hp_store_get_default_path(). A file that another Heimpack holds can be
 * opened read-only instead; any other error is shown, and the application
 * ends when the message is closed.
 */

#define G_LOG_DOMAIN "hp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-application.h"
#include "hp-window.h"

struct _HpApplication
{
  AdwApplication parent_instance;

  /* Owned */
  HpStore   *store;
  GSettings *settings;
  char      *database;
};

G_DEFINE_FINAL_TYPE (HpApplication, hp_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_store (HpApplication    *self,
                        HpStoreOpenFlags  flags);

/* ------------------------------------------------------------------------ */
/* Opening the store                                                         */

static char *
dup_database_path (HpApplication *self)
{
  g_autofree char *last = NULL;

  if (self->database != NULL)
    return g_strdup (self->database);

  last = g_settings_get_string (self->settings, "last-database");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return hp_store_get_default_path ();
}

static void
open_error_response_cb (HpApplication    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  /* Otherwise the dialog closes and, being the last window, ends the app. */
  if (g_strcmp0 (response, "read-only") == 0)
    open_store (self, HP_STORE_OPEN_READ_ONLY);
}

static void
show_open_error (HpApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  if (g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED))
    {
      /* the message names who holds the file and offers read-only */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("File Already in Use"),
                                                           error->message));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "read-only", _("Open _Read-Only"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "read-only");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Database"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_close_response (dialog, "close");
    }

  /* Keeps the application running while the question is open. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_store (HpApplication    *self,
            HpStoreOpenFlags  flags)
{
  g_autofree char *path = dup_database_path (self);
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = hp_store_open (path, flags, &error);
  if (store == NULL)
    {
      g_debug ("Could not open %s: %s", path, error->message);
      show_open_error (self, error);
      return;
    }

  g_set_object (&self->store, store);
  if (g_strcmp0 (path, ":memory:") != 0)
    g_settings_set_string (self->settings, "last-database", path);

  gtk_window_present (GTK_WINDOW (hp_window_new (GTK_APPLICATION (self), self->store)));
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HpApplication *self = user_data;
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;
  GtkWindow *parent;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  /* quit closes it with the other windows */
  gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));
  adw_about_window_set_application_name (about, "Heimpack");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Heimpack developers"));
  adw_about_window_set_comments (about, _("Survival packs of donated regional products for school leavers"));
  adw_about_window_set_copyright (about, _("© 2026 The Heimpack developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* an untranslated msgid means there is nobody to credit */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HpApplication *self = user_data;
  GList *windows;

  /* Closing (not just quitting) lets each window save its state; the
   * application ends with its last window. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

HpApplication *
hp_application_new (void)
{
  return g_object_new (HP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * hp_application_get_database:
 *
 * Returns: (nullable): the database file to open, or %NULL for the one
 *   opened last (or the default).
 */
const char *
hp_application_get_database (HpApplication *self)
{
  g_return_val_if_fail (HP_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * hp_application_set_database:
 * @database: (nullable): a file path or ":memory:"
 *
 * Chooses the database to open on the first activation.
 */
void
hp_application_set_database (HpApplication *self,
                             const char    *database)
{
  g_return_if_fail (HP_IS_APPLICATION (self));

  if (g_strcmp0 (self->database, database) == 0)
    return;

  g_free (self->database);
  self->database = g_strdup (database);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * hp_application_get_store:
 *
 * Returns: (nullable) (transfer none): the open store, %NULL before the first
 *   activation or when opening failed.
 */
HpStore *
hp_application_get_store (HpApplication *self)
{
  g_return_val_if_fail (HP_IS_APPLICATION (self), NULL);

  return self->store;
}

/* ------------------------------------------------------------------------ */
/* GApplication                                                              */

static int
hp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  HpApplication *self = HP_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;

      if (g_strcmp0 (db, ":memory:") == 0)
        path = g_strdup (db);
      else
        {
          file = g_file_new_for_commandline_arg (db);
          path = g_file_get_path (file);
        }
      hp_application_set_database (self, path);
    }

  return -1;
}

static void
hp_application_startup (GApplication *app)
{
  HpApplication *self = HP_APPLICATION (app);

  G_APPLICATION_CLASS (hp_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.reload",
                                         (const char *[]) { "F5", "<Control>r", NULL });
}

static void
hp_application_activate (GApplication *app)
{
  HpApplication *self = HP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (hp_window_new (GTK_APPLICATION (self), self->store)));
  else
    open_store (self, HP_STORE_OPEN_DEFAULT);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_application_dispose (GObject *object)
{
  HpApplication *self = HP_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hp_application_parent_class)->dispose (object);
}

static void
hp_application_finalize (GObject *object)
{
  HpApplication *self = HP_APPLICATION (object);

  g_free (self->database);

  G_OBJECT_CLASS (hp_application_parent_class)->finalize (object);
}

static void
hp_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HpApplication *self = HP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HpApplication *self = HP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      hp_application_set_database (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_application_class_init (HpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hp_application_dispose;
  object_class->finalize = hp_application_finalize;
  object_class->get_property = hp_application_get_property;
  object_class->set_property = hp_application_set_property;

  app_class->handle_local_options = hp_application_handle_local_options;
  app_class->startup = hp_application_startup;
  app_class->activate = hp_application_activate;

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_application_init (HpApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open FILE instead of the usual database"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan survival packs of regional products for school leavers."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
