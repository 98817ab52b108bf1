/* hp-import-choose-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's first step: what kind of file to bring, a button
 * that opens the file chooser, and a drop target. The chosen file is
 * announced with HpImportChooseStep::file-chosen; the assistant then shows
 * the preview. The step is skipped when a file was dropped on the window.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-assistant.h"
#include "hp-import-choose-step.h"
#include "hp-import-setup.h"

struct _HpImportChooseStep
{
  HpImportStep          parent_instance;

  /* Template widgets */
  AdwStatusPage        *choose_page;

  /* Owned */
  GtkFileChooserNative *chooser;

};

G_DEFINE_FINAL_TYPE (HpImportChooseStep, hp_import_choose_step, HP_TYPE_IMPORT_STEP)

enum {
  FILE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chooser_response_cb (HpImportChooseStep *self,
                     int                 response,
                     GtkNativeDialog    *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    g_signal_emit (self, signals[FILE_CHOSEN], 0, file);
}

void
hp_import_choose_step_open_chooser (HpImportChooseStep *self)
{
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root;

  g_return_if_fail (HP_IS_IMPORT_CHOOSE_STEP (self));

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (tables, _("Tables (CSV, Excel)"));
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (hp_import_setup_get_title (hp_import_step_get_setup (HP_IMPORT_STEP (self))),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_clicked_cb (HpImportChooseStep *self)
{
  hp_import_choose_step_open_chooser (self);
}

static gboolean
file_dropped_cb (GtkDropTarget      *target,
                 const GValue       *value,
                 double              x,
                 double              y,
                 HpImportChooseStep *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean accepted = FALSE;

  if (files != NULL && hp_import_file_is_table (files->data))
    {
      g_signal_emit (self, signals[FILE_CHOSEN], 0, files->data);
      accepted = TRUE;
    }

  g_slist_free (files);
  return accepted;
}

static void
hp_import_choose_step_enter (HpImportStep *step)
{
  HpImportChooseStep *self = HP_IMPORT_CHOOSE_STEP (step);

  switch (hp_import_step_get_setup (step)->kind)
    {
    case HP_IMPORT_SCHOOLS:
      adw_status_page_set_description (self->choose_page,
                                       _("The official school directory, such as NRW’s “Schulgrunddaten”, "
                                         "as a CSV or Excel file. You can also drop the file here."));
      break;
    case HP_IMPORT_GRADUATES:
      adw_status_page_set_description (self->choose_page,
                                       _("The list of school leavers a school sent, as a CSV or Excel file. "
                                         "Names are optional. You can also drop the file here."));
      break;
    case HP_IMPORT_SPONSORS:
    default:
      adw_status_page_set_description (self->choose_page,
                                       _("Last year’s list of sponsors, as a CSV or Excel file: one row per "
                                         "sponsor, or one per gift with its item, value per piece and pieces "
                                         "pledged. You can also drop the file here."));
      break;
    }
}

static void
hp_import_choose_step_dispose (GObject *object)
{
  HpImportChooseStep *self = HP_IMPORT_CHOOSE_STEP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (hp_import_choose_step_parent_class)->dispose (object);
}

static void
hp_import_choose_step_class_init (HpImportChooseStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpImportStepClass *step_class = HP_IMPORT_STEP_CLASS (klass);

  object_class->dispose = hp_import_choose_step_dispose;
  step_class->enter = hp_import_choose_step_enter;

  /**
   * HpImportChooseStep::file-chosen:
   * @file: the file chosen or dropped
   */
  signals[FILE_CHOSEN] =
    g_signal_new ("file-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-choose-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportChooseStep, choose_page);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
}

static void
hp_import_choose_step_init (HpImportChooseStep *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (file_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->choose_page), GTK_EVENT_CONTROLLER (drop_target));
}
