/* hp-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpApplication owns the one HpStore of the process and hands it to its
 * windows. On the first activation it opens the database: the file given
 * with --db (or the "database" property), else the one opened last, else
 * hp_store_get_default_path(). A file that another Heimpack holds can be
 * opened read-only instead; any other error is shown, and the application
 * ends when the message is closed.
 *
 * "Open File…" and "New File…" switch to another file: the new store is
 * opened first (on error the old one stays), then a new window for it
 * replaces the old windows, which release the old store as they close.
 */

#define G_LOG_DOMAIN "hp-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hp-application.h"
#include "hp-preferences-window.h"
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

static gboolean open_store (HpApplication    *self,
                            const char       *path,
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

static gboolean
is_open (HpApplication *self,
         const char    *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) open_file = NULL;

  if (self->store == NULL || g_strcmp0 (hp_store_get_path (self->store), ":memory:") == 0)
    return FALSE;

  file = g_file_new_for_path (path);
  open_file = g_file_new_for_path (hp_store_get_path (self->store));

  return g_file_equal (file, open_file);
}

static void
open_error_response_cb (HpApplication    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "hp-path"));

  /* Otherwise the dialog closes: at start-up, being the last window, that
   * ends the application; later the file that was open stays open. */
  if (g_strcmp0 (response, "read-only") == 0)
    {
      /* the window it belongs to is about to be replaced */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      open_store (self, path, HP_STORE_OPEN_READ_ONLY);
    }
}

static void
show_open_error (HpApplication *self,
                 const char    *path,
                 const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  if (g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED))
    {
      /* the message names who holds the file and offers read-only */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("File Already in Use"),
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
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Open the Database"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_close_response (dialog, "close");
    }

  g_object_set_data_full (G_OBJECT (dialog), "hp-path", g_strdup (path), g_free);
  /* Keeps the application running while the question is open. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The automatic backups keep what the preferences say, also after a
 * change there while the file is open. */
static void
apply_retention (HpApplication *self)
{
  HpBackupRetention retention = {
    g_settings_get_uint (self->settings, "backup-keep-last"),
    g_settings_get_uint (self->settings, "backup-keep-weeks"),
    g_settings_get_uint (self->settings, "backup-keep-months"),
  };

  if (self->store != NULL)
    hp_backup_set_retention (self->store, &retention);
}

/* Opens @path and shows it in a new window that replaces the windows of
 * the file open so far. On error the old file stays open. */
static gboolean
open_store (HpApplication    *self,
            const char       *path,
            HpStoreOpenFlags  flags)
{
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old_windows = g_ptr_array_new_with_free_func (g_object_unref);
  HpWindow *window;

  store = hp_store_open (path, flags, &error);
  /* on read-only media: read it, and the banner says why */
  if (store == NULL && flags == HP_STORE_OPEN_DEFAULT &&
      g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY))
    store = hp_store_open (path, HP_STORE_OPEN_READ_ONLY, NULL);
  if (store == NULL)
    {
      g_debug ("Could not open %s: %s", path, error->message);
      show_open_error (self, path, error);
      return FALSE;
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HP_IS_WINDOW (l->data))
      g_ptr_array_add (old_windows, g_object_ref (l->data));

  g_set_object (&self->store, store);
  apply_retention (self);
  if (g_strcmp0 (path, ":memory:") != 0)
    g_settings_set_string (self->settings, "last-database", path);

  window = hp_window_new (GTK_APPLICATION (self), self->store);
  if (old_windows->len > 0)
    {
      GtkWindow *old = g_ptr_array_index (old_windows, 0);
      int width, height;

      /* the new window takes the old one's place */
      gtk_window_get_default_size (old, &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      if (gtk_window_is_maximized (old))
        gtk_window_maximize (GTK_WINDOW (window));
    }
  gtk_window_present (GTK_WINDOW (window));

  /* only now: closing the last window would end the application; the
   * preferences edit the old file's agency, so they go with it */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HP_IS_PREFERENCES_WINDOW (l->data))
      g_ptr_array_add (old_windows, g_object_ref (l->data));
  for (guint i = 0; i < old_windows->len; i++)
    gtk_window_close (g_ptr_array_index (old_windows, i));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Choosing files                                                            */

static void
add_file_filters (GtkFileChooser *chooser,
                  gboolean        with_all_files)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Heimpack files"));
  gtk_file_filter_add_pattern (filter, "*.heimpack");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (chooser, filter);

  if (with_all_files)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, all);
    }

  gtk_file_chooser_set_filter (chooser, filter);
}

static void
set_folder_of_open_file (HpApplication  *self,
                         GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || g_strcmp0 (hp_store_get_path (self->store), ":memory:") == 0)
    return;

  file = g_file_new_for_path (hp_store_get_path (self->store));
  folder = g_file_get_parent (file);
  if (folder != NULL && !gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("Cannot start in the open file's folder: %s", error->message);
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  HpApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      hp_application_open_file (self, file);
    }

  g_object_unref (native);
}

static void
new_file_response_cb (GtkNativeDialog *native,
                      int              response,
                      HpApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *basename = g_file_get_basename (file);

      /* without an extension the file would not show up under "Heimpack files" */
      if (basename != NULL && strchr (basename, '.') == NULL)
        {
          g_autofree char *with_extension = g_strconcat (basename, ".db", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, with_extension));
        }

      hp_application_create_file (self, file);
    }

  g_object_unref (native);
}

static void
exists_response_cb (HpApplication    *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "hp-file");

  if (g_strcmp0 (response, "open") == 0)
    {
      /* the window it belongs to is about to be replaced */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      hp_application_open_file (self, file);
    }
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open File"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (native), TRUE);
  set_folder_of_open_file (self, GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_file_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("New File"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (native), FALSE);
  set_folder_of_open_file (self, GTK_FILE_CHOOSER (native));
  /* Translators: the proposed name of a new database file; keep the .db */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Heimpack.db"));
  g_signal_connect (native, "response", G_CALLBACK (new_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HpPreferencesWindow *preferences;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HP_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  preferences = hp_preferences_window_new (parent, self->store);
  /* quit closes it with the other windows */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

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
  adw_about_window_set_website (about, "https://github.com/heimpack/heimpack");
  adw_about_window_set_issue_url (about, "https://github.com/heimpack/heimpack/issues");
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
  { "open", open_activated },
  { "new-file", new_file_activated },
  { "preferences", preferences_activated },
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

/**
 * hp_application_open_file:
 * @file: a database file
 *
 * Opens @file and shows it in a new window instead of the file open so far.
 * If it cannot be opened, a message says why and the old file stays open; a
 * file that another Heimpack holds can be opened read-only instead. The
 * file open already is just presented again.
 */
void
hp_application_open_file (HpApplication *self,
                          GFile         *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Heimpack can only open files on this computer."));
      g_autofree char *uri = g_file_get_uri (file);

      show_open_error (self, uri, error);
      return;
    }

  if (is_open (self, path))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (window != NULL)
        gtk_window_present (window);
      return;
    }

  open_store (self, path, HP_STORE_OPEN_DEFAULT);
}

/**
 * hp_application_create_file:
 * @file: where the new database goes
 *
 * Creates an empty database at @file and opens it as
 * hp_application_open_file() does. An existing file is never overwritten:
 * the user is asked whether to open it instead.
 */
void
hp_application_create_file (HpApplication *self,
                            GFile         *file)
{
  GtkWindow *parent;
  AdwMessageDialog *dialog;
  g_autofree char *basename = NULL;

  g_return_if_fail (HP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_file_query_exists (file, NULL))
    {
      hp_application_open_file (self, file);
      return;
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  basename = g_file_get_basename (file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("File Already Exists"), NULL));
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (dialog, _("There is already a file called “%s”. Heimpack does not replace files: open it, or choose another name."),
                                  basename);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hp-file", g_object_ref (file), g_object_unref);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (exists_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

/* Every one of these is listed in gtk/help-overlay.ui. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.open", { "<Control>o", NULL } },
  { "app.new-file", { "<Control><Shift>n", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.reload", { "F5", "<Control>r", NULL } },
  { "win.show-page('sponsors')", { "<Alt>1", NULL } },
  { "win.show-page('products')", { "<Alt>2", NULL } },
  { "win.show-pack-contents", { "<Alt>3", NULL } },
  { "win.show-page('schools')", { "<Alt>4", NULL } },
  { "win.show-page('graduates')", { "<Alt>5", NULL } },
  { "win.show-page('handovers')", { "<Alt>6", NULL } },
  { "win.show-page('plan')", { "<Alt>7", NULL } },
  { "win.show-bookings", { "<Control>b", NULL } },
  /* forwarded to the visible page */
  { "win.add-item", { "<Control>n", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  /* schools or graduates, by the visible page */
  { "win.import", { "<Control>i", NULL } },
};

static void
hp_application_startup (GApplication *app)
{
  HpApplication *self = HP_APPLICATION (app);

  G_APPLICATION_CLASS (hp_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::backup-keep-last", G_CALLBACK (apply_retention), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::backup-keep-weeks", G_CALLBACK (apply_retention), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::backup-keep-months", G_CALLBACK (apply_retention), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
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
    {
      g_autofree char *path = dup_database_path (self);

      open_store (self, path, HP_STORE_OPEN_DEFAULT);
    }
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
