/* hp-window-received.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.import-received: reads back the class lists the schools returned,
 * ticked (hp_import_received()), in a worker, then says what it found:
 * how many graduates are now ticked as having their pack, and which rows
 * matched nobody.
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-window-private.h"
#include "hp-window-received.h"

/* Rows named in the dialog; the rest are counted */
#define MAX_ROWS_LISTED 10

typedef struct
{
  HpStore          *store;
  gint64            campaign_id;
  char             *path;
  HpReceivedReport  report;
} ReceivedData;

static void
received_data_free (gpointer data)
{
  ReceivedData *d = data;

  g_clear_object (&d->store);
  g_free (d->path);
  hp_received_report_clear (&d->report);
  g_free (d);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReceivedData *d = task_data;
  GError *error = NULL;

  /* the write is a transaction of the worker's own (see hp-store.h) */
  if (!hp_import_received (d->store, d->campaign_id, d->path, FALSE, &d->report, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HpWindow *self = HP_WINDOW (object);
  ReceivedData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GString *body;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Read the Class Lists"),
                                                           error->message));
    }
  else
    {
      g_autofree char *sheets = hp_format_count (d->report.sheets);
      g_autofree char *rows = hp_format_count (d->report.rows);
      g_autofree char *ticked = hp_format_count (d->report.ticked);
      g_autofree char *newly = hp_format_counted (ngettext ("%s graduate is newly ticked as having received the pack.",
                                                            "%s graduates are newly ticked as having received the pack.",
                                                            d->report.newly),
                                                  d->report.newly);

      body = g_string_new (NULL);
      /* Translators: class lists (the form follows their number), graduate rows, rows ticked */
      g_string_append_printf (body, ngettext ("%s class list with %s graduate rows: %s ticked as received.",
                                              "%s class lists with %s graduate rows: %s ticked as received.",
                                              d->report.sheets),
                              sheets, rows, ticked);
      g_string_append (body, "\n");
      g_string_append (body, newly);
      if (d->report.unmatched > 0)
        {
          g_autofree char *unmatched = hp_format_counted (ngettext ("%s row matched no graduate of the campaign:",
                                                                    "%s rows matched no graduate of the campaign:",
                                                                    d->report.unmatched),
                                                          d->report.unmatched);

          g_string_append (body, "\n\n");
          g_string_append (body, unmatched);
          for (guint i = 0; i < d->report.unmatched_rows->len && i < MAX_ROWS_LISTED; i++)
            g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (d->report.unmatched_rows, i));
          if (d->report.unmatched > MAX_ROWS_LISTED)
            {
              guint more = d->report.unmatched - MAX_ROWS_LISTED;
              g_autofree char *text = hp_format_counted (ngettext ("• and %s more", "• and %s more", more), more);

              g_string_append_c (body, '\n');
              g_string_append (body, text);
            }
        }
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Class Lists Read"), body->str));
      g_string_free (body, TRUE);
    }

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _hp_window_import_received:
 * @file: the returned workbook
 *
 * Reads @file's class lists into the current campaign, in a worker, and
 * reports in a dialog.
 */
void
_hp_window_import_received (HpWindow *self,
                            GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  ReceivedData *d;

  if (self->campaign == NULL || self->store == NULL)
    return;

  d = g_new0 (ReceivedData, 1);
  d->store = g_object_ref (self->store);
  d->campaign_id = hp_campaign_get_id (self->campaign);
  d->path = g_file_get_path (file);
  task = g_task_new (self, NULL, read_done_cb, NULL);
  g_task_set_source_tag (task, _hp_window_import_received);
  g_task_set_name (task, "[hp] import received");
  g_task_set_task_data (task, d, received_data_free);
  g_task_run_in_thread (task, read_thread);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     HpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _hp_window_import_received (self, file);
    }
  g_object_unref (native);
}

static void
import_received_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Read Back Class Lists"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Read"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_hp_window_received_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-received", NULL, import_received_action);
}
