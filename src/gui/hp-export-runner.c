/* hp-export-runner.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One export from the window's "Export" menu: a file chooser proposes a
 * name (hp_export_suggest_filename()) in the documents folder, then
 * hp_export_write() runs in a GTask worker on a plain-data job, so the
 * window stays usable. A toast shows the progress with "Cancel" when the
 * export takes more than a moment; the result is a toast "Saved “…”" with
 * "Open", a toast when cancelled, or a message dialog with the error; the
 * warnings of an export that succeeded (a text cut to fit its cell) come
 * in a message dialog beside the toast.
 *
 * hp_export_write() writes safely (a temporary file renamed at the end), so
 * a failed or cancelled export leaves an existing file as it was. While an
 * export runs it holds the application, which would otherwise end with its
 * last window and leave a temporary file behind.
 */

#define G_LOG_DOMAIN "hp-export-runner"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-export-runner-private.h"
#include "hp-toast.h"

/* the progress toast only appears for exports longer than this */
#define PROGRESS_DELAY_MSEC    300
#define PROGRESS_INTERVAL_MSEC 100

/* Everything the worker needs, as plain data: it touches no widget. */
typedef struct
{
  HpStore         *store;
  gint64           campaign_id;
  HpExportKind     kind;
  char            *path;
  HpExportOptions  options;
  int              permille;      /* progress, atomic */
  GStrv            warnings;      /* set by the worker, read after it ended */
} ExportJob;

struct _HpExportRunner
{
  GObject           parent_instance;

  /* Borrowed */
  AdwToastOverlay  *toasts;         /* weak: where to report, in the parent window */
  AdwMessageDialog *error_dialog;   /* weak */
  AdwMessageDialog *warnings_dialog; /* weak */
  GtkProgressBar   *progress_bar;   /* in the progress toast */

  ExportJob        *job;            /* the task's, while running */

  /* Owned */
  char             *path;
  HpExportKind      kind;
  GCancellable     *cancellable;
  GApplication     *application;    /* held while running */
  AdwToast         *progress_toast;
  AdwToast         *result_toast;
  guint             progress_source;
  guint             n_ticks;
  gboolean          running;
};

G_DEFINE_FINAL_TYPE (HpExportRunner, hp_export_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* The job                                                                   */

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->store);
  g_free (job->path);
  g_strfreev (job->warnings);
  g_free (job);
}

static ExportJob *
export_job_new (HpStore      *store,
                gint64        campaign_id,
                HpExportKind  kind,
                const char   *path,
                gboolean      class_lists)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ExportJob *job = g_new0 (ExportJob, 1);
  int crate_size;

  job->store = g_object_ref (store);
  job->campaign_id = campaign_id;
  job->kind = kind;
  job->path = g_strdup (path);

  /* The agency fields stay NULL: the export reads the file's agency in
   * its own snapshot (hp_store_get_agency()), so the sheets carry what the
   * file holds when the export starts, whoever runs it. */

  crate_size = g_settings_get_int (settings, "crate-size");
  job->options.crate_size = crate_size > 0 ? (guint) crate_size : 0;
  job->options.class_lists = class_lists;

  return job;
}

/* Worker thread */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

/* Worker thread */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!hp_export_write_full (job->store, job->campaign_id, job->kind, &job->options, job->path,
                             progress_cb, job, cancellable, &job->warnings, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                  */

static void
progress_toast_button_clicked_cb (HpExportRunner *self,
                                  AdwToast       *toast)
{
  hp_export_runner_cancel (self);
}

static void
show_progress_toast (HpExportRunner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *bar;
  g_autofree char *text = NULL;

  /* Translators: a toast while a workbook is written; %s is e.g. "Packing List" */
  text = g_strdup_printf (_("Exporting %s…"), hp_export_kind_get_title (self->kind));
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  bar = gtk_progress_bar_new ();
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);

  self->progress_bar = GTK_PROGRESS_BAR (bar);
  self->progress_toast = adw_toast_new ("");
  adw_toast_set_custom_title (self->progress_toast, box);
  adw_toast_set_button_label (self->progress_toast, _("_Cancel"));
  adw_toast_set_timeout (self->progress_toast, 0);
  adw_toast_set_priority (self->progress_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->progress_toast, "button-clicked",
                           G_CALLBACK (progress_toast_button_clicked_cb), self, G_CONNECT_SWAPPED);

  adw_toast_overlay_add_toast (self->toasts, g_object_ref (self->progress_toast));
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  HpExportRunner *self = HP_EXPORT_RUNNER (user_data);
  int permille;

  self->n_ticks++;
  if (self->progress_toast == NULL)
    {
      if (self->toasts == NULL || self->n_ticks * PROGRESS_INTERVAL_MSEC < PROGRESS_DELAY_MSEC)
        return G_SOURCE_CONTINUE;
      show_progress_toast (self);
    }

  permille = g_atomic_int_get (&self->job->permille);
  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------ */
/* The result                                                                */

/* The window the overlay is in: dialogs are transient for it. */
static GtkWindow *
parent_window (AdwToastOverlay *toasts)
{
  GtkRoot *root = toasts != NULL ? gtk_widget_get_root (GTK_WIDGET (toasts)) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent_window (toasts), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (toasts, adw_toast_new (escaped));
    }
}

/* (the toast outlives the runner: it knows only where it is shown) */
static void
open_button_clicked_cb (AdwToast        *toast,
                        AdwToastOverlay *toasts)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "hp-uri");

  gtk_show_uri_full (parent_window (toasts), uri, GDK_CURRENT_TIME, NULL,
                     open_finished_cb, g_object_ref (toasts));
}

static void
show_saved_toast (HpExportRunner *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: a toast; %s is the file name */
  title = g_markup_printf_escaped (_("Saved “%s”"), basename);
  self->result_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->result_toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (self->result_toast), "hp-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (self->result_toast, "button-clicked",
                           G_CALLBACK (open_button_clicked_cb), self->toasts, 0);
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (self->result_toast));
}

static void
show_error_dialog (HpExportRunner *self,
                   const GError   *error)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the file name */
  heading = g_strdup_printf (_("Could Not Save “%s”"), basename);
  dialog = adw_message_dialog_new (parent_window (self->toasts), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->error_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The export succeeded, but something is not as stored (a text cut to fit
 * its cell): the warnings in a dialog beside the "Saved" toast. */
static void
show_warnings_dialog (HpExportRunner     *self,
                      const char * const *warnings)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autofree char *heading = NULL;
  g_autofree char *body = g_strjoinv ("\n\n", (char **) warnings);
  GtkWidget *dialog;

  /* Translators: %s is the file name */
  heading = g_strdup_printf (_("Saved “%s” With Warnings"), basename);
  dialog = adw_message_dialog_new (parent_window (self->toasts), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->warnings_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_running (HpExportRunner *self,
             gboolean        running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HpExportRunner *self = HP_EXPORT_RUNNER (object);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->job = NULL;
  self->progress_bar = NULL;
  if (self->progress_toast != NULL)
    hp_toast_dismiss (self->progress_toast);

  /* the window may have been closed meanwhile: then there is nobody to tell */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Export to %s failed: %s", self->path, error->message);
      if (self->toasts == NULL)
        ;
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: a toast */
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Export cancelled")));
      else
        show_error_dialog (self, error);
    }
  else if (self->toasts != NULL)
    {
      ExportJob *job = g_task_get_task_data (G_TASK (result));

      show_saved_toast (self);
      if (job->warnings != NULL)
        show_warnings_dialog (self, (const char * const *) job->warnings);
    }

  g_clear_object (&self->cancellable);
  if (self->application != NULL)
    {
      g_application_release (self->application);
      g_clear_object (&self->application);
    }
  set_running (self, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Choosing the file                                                         */

static GFile *
dup_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

typedef struct
{
  AdwToastOverlay *toasts;    /* weak */
  HpStore         *store;
  HpCampaign      *campaign;
  HpExportKind     kind;
} Choosing;

static void
choosing_free (Choosing *choosing)
{
  g_clear_weak_pointer (&choosing->toasts);
  g_object_unref (choosing->store);
  g_object_unref (choosing->campaign);
  g_free (choosing);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     Choosing        *choosing)
{

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "class-lists");
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(HpExportRunner) runner = NULL;

      if (path == NULL)
        {
          g_autoptr(GError) error =
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Heimpack can only save files on this computer."));

          if (choosing->toasts != NULL)
            adw_toast_overlay_add_toast (choosing->toasts, adw_toast_new (error->message));
        }
      else
        {
          g_autofree char *basename = g_path_get_basename (path);

          /* without the extension the file would open in no spreadsheet */
          if (strchr (basename, '.') == NULL)
            {
              char *with_extension = g_strconcat (path, ".xlsx", NULL);

              g_free (path);
              path = with_extension;
            }

          if (choosing->toasts != NULL)
            runner = hp_export_runner_start (choosing->toasts, choosing->store, choosing->campaign, choosing->kind,
                                             path, g_strcmp0 (choice, "true") == 0);
        }
    }

  gtk_native_dialog_destroy (native);
  choosing_free (choosing);
  g_object_unref (native);
}

/**
 * hp_export_runner_choose_file:
 * @toasts: where to report: the overlay of the window the chooser is for
 * @store: the store to export from
 * @campaign: the campaign to export
 * @kind: which workbook
 *
 * Asks where to save the workbook (proposing a name in the documents
 * folder), then exports as hp_export_runner_start() does.
 */
void
hp_export_runner_choose_file (AdwToastOverlay *toasts,
                              HpStore         *store,
                              HpCampaign      *campaign,
                              HpExportKind     kind)
{
  Choosing *choosing;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (HP_IS_STORE (store));
  g_return_if_fail (HP_IS_CAMPAIGN (campaign));

  /* Translators: the file chooser's title; %s is e.g. "Packing List" */
  title = g_strdup_printf (_("Export %s"), hp_export_kind_get_title (kind));
  native = gtk_file_chooser_native_new (title, parent_window (toasts), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);

  if (kind == HP_EXPORT_DELIVERY_SHEETS)
    {
      /* personal data of minors, so off unless asked for */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "class-lists",
                                   _("Include class lists"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "class-lists", "false");
    }

  folder = dup_default_folder ();
  if (!gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, &error))
    g_debug ("Cannot start in the documents folder: %s", error->message);
  name = hp_export_suggest_filename (kind, hp_campaign_get_name (campaign), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  choosing = g_new0 (Choosing, 1);
  g_set_weak_pointer (&choosing->toasts, toasts);
  choosing->store = g_object_ref (store);
  choosing->campaign = g_object_ref (campaign);
  choosing->kind = kind;
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), choosing);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_export_runner_start:
 * @toasts: where to report: the overlay of the window the export is for
 *   (its dialogs are transient for that window)
 * @store: the store to export from
 * @campaign: the campaign to export
 * @kind: which workbook
 * @path: the file to write (replaced if it exists)
 * @class_lists: add the class lists to delivery sheets
 *
 * Writes the workbook in a worker thread; the window shows the progress
 * and the result. The agency is the file's (read by the export); the
 * crate size comes from the preferences.
 *
 * Returns: (transfer full): the running export.
 */
HpExportRunner *
hp_export_runner_start (AdwToastOverlay *toasts,
                        HpStore         *store,
                        HpCampaign      *campaign,
                        HpExportKind     kind,
                        const char      *path,
                        gboolean         class_lists)
{
  HpExportRunner *self;
  GtkWindow *parent;
  g_autoptr(GTask) task = NULL;
  GtkApplication *application;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (HP_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HP_TYPE_EXPORT_RUNNER, NULL);
  g_set_weak_pointer (&self->toasts, toasts);
  self->kind = kind;
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  self->job = export_job_new (store, hp_campaign_get_id (campaign), kind, path, class_lists);

  parent = parent_window (toasts);
  application = parent != NULL ? gtk_window_get_application (parent) : NULL;
  if (application != NULL)
    {
      self->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (self->application);
    }

  /* the task holds the runner until export_cb() */
  task = g_task_new (self, self->cancellable, export_cb, NULL);
  g_task_set_source_tag (task, hp_export_runner_start);
  g_task_set_name (task, "[hp] export");
  g_task_set_task_data (task, self->job, export_job_free);

  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MSEC, progress_tick_cb, self);
  set_running (self, TRUE);
  g_task_run_in_thread (task, export_thread);

  return self;
}

gboolean
hp_export_runner_get_running (HpExportRunner *self)
{
  g_return_val_if_fail (HP_IS_EXPORT_RUNNER (self), FALSE);

  return self->running;
}

const char *
hp_export_runner_get_path (HpExportRunner *self)
{
  g_return_val_if_fail (HP_IS_EXPORT_RUNNER (self), NULL);

  return self->path;
}

/**
 * hp_export_runner_cancel:
 *
 * Stops the export; an existing file stays as it was.
 */
void
hp_export_runner_cancel (HpExportRunner *self)
{
  g_return_if_fail (HP_IS_EXPORT_RUNNER (self));

  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-export-runner-private.h)                                    */

AdwToast *
_hp_export_runner_get_progress_toast (HpExportRunner *self)
{
  return self->progress_toast;
}

AdwToast *
_hp_export_runner_get_result_toast (HpExportRunner *self)
{
  return self->result_toast;
}

AdwMessageDialog *
_hp_export_runner_get_error_dialog (HpExportRunner *self)
{
  return self->error_dialog;
}

AdwMessageDialog *
_hp_export_runner_get_warnings_dialog (HpExportRunner *self)
{
  return self->warnings_dialog;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_export_runner_dispose (GObject *object)
{
  HpExportRunner *self = HP_EXPORT_RUNNER (object);

  /* not while running: the task holds a reference */
  g_assert (!self->running);

  g_clear_weak_pointer (&self->toasts);
  g_clear_weak_pointer (&self->error_dialog);
  g_clear_weak_pointer (&self->warnings_dialog);
  g_clear_object (&self->progress_toast);
  g_clear_object (&self->result_toast);

  G_OBJECT_CLASS (hp_export_runner_parent_class)->dispose (object);
}

static void
hp_export_runner_finalize (GObject *object)
{
  HpExportRunner *self = HP_EXPORT_RUNNER (object);

  g_free (self->path);

  G_OBJECT_CLASS (hp_export_runner_parent_class)->finalize (object);
}

static void
hp_export_runner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HpExportRunner *self = HP_EXPORT_RUNNER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_export_runner_class_init (HpExportRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hp_export_runner_dispose;
  object_class->finalize = hp_export_runner_finalize;
  object_class->get_property = hp_export_runner_get_property;

  /**
   * HpExportRunner:running:
   *
   * Whether the workbook is being written.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_export_runner_init (HpExportRunner *self)
{
}
