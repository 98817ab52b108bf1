/* hp-backups-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Backups" ("Sicherungen…" in the primary menu): the copies in the folder
 * beside the database (hp-backup.h), newest first, each with its date, what
 * it holds and its size; "Back Up Now" ("backups.back-up-now") and
 * "Restore…" per row ("backups.restore", the backup's id), which asks first
 * and backs up the current state before it. Listing, copying and restoring
 * run in GTask workers; the store's "changed" signal refreshes the pages
 * after a restore.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hp-backups-window.h"

#define SCHEMA_ID "io.github.heimpack.Heimpack"

struct _HpBackupsWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *back_up_button;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  GtkLabel        *folder_label;
  GtkListBox      *list_box;

  /* Owned */
  HpStore         *store;
  GPtrArray       *backups;     /* HpBackupInfo *, as listed */
  GCancellable    *cancellable;
  guint            busy;
};

G_DEFINE_FINAL_TYPE (HpBackupsWindow, hp_backups_window, ADW_TYPE_WINDOW)

static void reload (HpBackupsWindow *self);

static void
set_busy (HpBackupsWindow *self,
          gboolean         busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore",
                                 self->busy == 0 && self->store != NULL && !hp_store_is_read_only (self->store));
}

static void
toast (HpBackupsWindow *self,
       const char      *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The window's retention settings, read again before each copy. */
static void
apply_retention (HpBackupsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  HpBackupRetention retention;

  if (schema == NULL || !g_settings_schema_has_key (schema, "backup-keep-last"))
    return;

  settings = g_settings_new (SCHEMA_ID);
  retention.keep_last = g_settings_get_uint (settings, "backup-keep-last");
  retention.keep_weeks = g_settings_get_uint (settings, "backup-keep-weeks");
  retention.keep_months = g_settings_get_uint (settings, "backup-keep-months");
  hp_backup_set_retention (self->store, &retention);
}

static char *
format_created (GDateTime *created)
{
  /* Translators: date and time of a backup, see g_date_time_format() */
  return g_date_time_format (created, _("%Y-%m-%d %H:%M"));
}

/* @text with its spaces made no-break spaces: "2.000 Absolvent:innen",
 * "319,5 KB" stay on one line, a count with its noun, a size with its
 * unit, wherever the row's subtitle wraps. */
static char *
join_words (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_contents (const HpBackupInfo *info)
{
  g_autofree char *size = NULL;
  g_autofree char *campaigns = NULL;
  g_autofree char *graduates = NULL;
  g_autofree char *text = NULL;

  text = g_format_size (info->size);
  size = join_words (text);
  g_clear_pointer (&text, g_free);

  if (!info->readable)
    /* Translators: a backup file that cannot be read; %s is its size */
    return g_strdup_printf (_("Damaged or unreadable · %s"), size);

  text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s campaign", "%s campaigns", info->campaigns),
                            info->campaigns);
  campaigns = join_words (text);
  g_clear_pointer (&text, g_free);
  text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s graduate", "%s graduates", info->graduates),
                            info->graduates);
  graduates = join_words (text);

  /* Translators: why a backup was made, then on a line of its own what it
   * holds · its size */
  return g_strdup_printf (_("%s\n%s, %s · %s"), hp_backup_reason_describe (info->reason),
                          campaigns, graduates, size);
}

static GtkWidget *
make_row (const HpBackupInfo *info)
{
  g_autofree char *title = format_created (info->created);
  g_autofree char *subtitle = describe_contents (info);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->id);
  gtk_widget_set_sensitive (button, info->readable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* ------------------------------------------------------------------------ */
/* Listing                                                                   */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *infos = hp_backup_list (task_data, &error);

  if (infos == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  set_busy (self, FALSE);
  if (infos == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < infos->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (infos, i)));

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = g_steal_pointer (&infos);
  gtk_stack_set_visible_child_name (self->stack, self->backups->len > 0 ? "list" : "empty");
}

static void
reload (HpBackupsWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, list_done_cb, NULL);

  set_busy (self, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/* ------------------------------------------------------------------------ */
/* Back Up Now                                                               */

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  HpBackupInfo *info = hp_backup_create (task_data, HP_BACKUP_REASON_MANUAL, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) hp_backup_info_free);
}

static void
back_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(HpBackupInfo) info = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  toast (self, _("Backed up and checked"));
  reload (self);
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (widget);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, back_up_done_cb, NULL);

  apply_retention (self);
  set_busy (self, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, back_up_thread);
}

/* ------------------------------------------------------------------------ */
/* Restore                                                                   */

typedef struct
{
  HpStore *store;
  char    *path;
} RestoreData;

static void
restore_data_free (gpointer data)
{
  RestoreData *rd = data;

  g_object_unref (rd->store);
  g_free (rd->path);
  g_free (rd);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *rd = task_data;
  GError *error = NULL;
  HpBackupInfo *safety = NULL;

  if (!hp_backup_restore (rd->store, rd->path, &safety, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, safety, (GDestroyNotify) hp_backup_info_free);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(HpBackupInfo) safety = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (safety == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  when = format_created (safety->created);
  /* Translators: %s is the date and time of the backup of the replaced state */
  message = g_strdup_printf (_("Backup restored. The state it replaced is the backup of %s."), when);
  toast (self, message);
  reload (self);
}

static const HpBackupInfo *
find_backup (HpBackupsWindow *self,
             const char      *id)
{
  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    {
      const HpBackupInfo *info = g_ptr_array_index (self->backups, i);

      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (user_data);
  const char *path = g_object_get_data (G_OBJECT (dialog), "hp-backup-path");
  g_autoptr(GTask) task = NULL;
  RestoreData *rd;

  if (!g_str_equal (response, "restore") || self->busy > 0)
    return;

  rd = g_new0 (RestoreData, 1);
  rd->store = g_object_ref (self->store);
  rd->path = g_strdup (path);
  apply_retention (self);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, restore_done_cb, NULL);
  g_task_set_task_data (task, rd, restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HpBackupsWindow *self = HP_BACKUPS_WINDOW (widget);
  const HpBackupInfo *info = find_backup (self, g_variant_get_string (parameter, NULL));
  g_autofree char *when = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (info == NULL)
    return;

  when = format_created (info->created);
  contents = describe_contents (info);
  /* Translators: %s is the date and time of the backup, then what it holds */
  body = g_strdup_printf (_("Everything in the file is replaced by the backup of %s (%s). The current state is "
                            "backed up first, so you can undo this by restoring that backup."),
                          when, contents);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hp-backup-path", g_strdup (info->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static void
hp_backups_window_dispose (GObject *object)
{
  HpBackupsWindow *self = (HpBackupsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HP_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (hp_backups_window_parent_class)->dispose (object);
}

static void
hp_backups_window_finalize (GObject *object)
{
  HpBackupsWindow *self = (HpBackupsWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  G_OBJECT_CLASS (hp_backups_window_parent_class)->finalize (object);
}

static void
hp_backups_window_class_init (HpBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hp_backups_window_dispose;
  object_class->finalize = hp_backups_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heimpack/Heimpack/ui/hp-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, folder_label);
  gtk_widget_class_bind_template_child (widget_class, HpBackupsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_backups_window_init (HpBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

HpBackupsWindow *
hp_backups_window_new (HpStore *store)
{
  HpBackupsWindow *self;
  g_autofree char *folder = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  self = g_object_new (HP_TYPE_BACKUPS_WINDOW, NULL);
  self->store = g_object_ref (store);

  /* the folder's name, beside the database file; where that is, in the
   * tooltip */
  folder = hp_backup_get_folder (hp_store_get_path (store));
  display = g_filename_display_name (folder);
  name = g_filename_display_basename (folder);
  /* Translators: %s is the name of the folder of the backups, e.g.
   * "heimpack.db.backups"; its full path is in the tooltip */
  text = g_strdup_printf (_("Newest first, in the folder “%s”."), name);
  gtk_label_set_text (self->folder_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), display);

  reload (self);
  return self;
}

guint
hp_backups_window_get_n_backups (HpBackupsWindow *self)
{
  g_return_val_if_fail (HP_IS_BACKUPS_WINDOW (self), 0);
  return self->backups != NULL ? self->backups->len : 0;
}

gboolean
hp_backups_window_get_busy (HpBackupsWindow *self)
{
  g_return_val_if_fail (HP_IS_BACKUPS_WINDOW (self), FALSE);
  return self->busy > 0;
}

const char *
hp_backups_window_get_backup_id (HpBackupsWindow *self,
                                 guint            index)
{
  g_return_val_if_fail (HP_IS_BACKUPS_WINDOW (self), NULL);

  if (self->backups == NULL || index >= self->backups->len)
    return NULL;
  return ((HpBackupInfo *) g_ptr_array_index (self->backups, index))->id;
}
