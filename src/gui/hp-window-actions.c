/* hp-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions. Most are installed on the class; the campaign
 * selector's radio items need a stateful action with an int64 target, which
 * class actions cannot be, so "win.select-campaign" is a GSimpleAction in
 * the window's own action map.
 *
 * Editing accelerators (Ctrl+N, Ctrl+F, Ctrl+Z) are window actions that
 * forward to the visible page's "page.add", "page.search" and "page.undo".
 *
 * Importing: "win.import-schools" and "win.import-graduates" open the import
 * assistant; "win.import" (Ctrl+I) and a table dropped on the window choose
 * by the visible page, or ask.
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-campaign-dialog.h"
#include "hp-export-runner.h"
#include "hp-import-assistant.h"
#include "hp-plan-page.h"
#include "hp-window-private.h"

/* _hp_window_import()'s kind: by the visible page, or ask */
#define IMPORT_KIND_ASK (-1)

/* ------------------------------------------------------------------------ */
/* Pages                                                                     */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  GtkWidget *child;

  _hp_window_reload_campaigns (self);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (HP_IS_TABLE_PAGE (child))
      hp_table_page_reload (HP_TABLE_PAGE (child));
    else if (HP_IS_PLAN_PAGE (child))
      hp_plan_page_reload (HP_PLAN_PAGE (child));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_debug ("No page called “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
forward_to_page (HpWindow   *self,
                 const char *page_action)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page == NULL || !gtk_widget_activate_action (page, page_action, NULL))
    g_debug ("The visible page has no %s", page_action);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  forward_to_page (HP_WINDOW (widget), "page.add");
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  forward_to_page (HP_WINDOW (widget), "page.search");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Application accelerators come before a text field's own keys: Ctrl+Z
   * while typing undoes the typing, not the last removal. */
  if (GTK_IS_TEXT (focus) && gtk_widget_activate_action (focus, "text.undo", NULL))
    return;

  forward_to_page (self, "page.undo");
}

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                 */

static void
select_campaign_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  HpWindow *self = HP_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  if (self->campaign != NULL && hp_campaign_get_id (self->campaign) == id)
    return;

  campaign = hp_store_get_campaign (self->store, id, &error);
  if (campaign == NULL)
    {
      /* e.g. removed by another Heimpack meanwhile */
      _hp_window_add_error_toast (self, error);
      _hp_window_reload_campaigns (self);
      return;
    }

  hp_window_set_campaign (self, campaign);
}

static void
campaign_created_cb (HpWindow         *self,
                     HpCampaign       *campaign,
                     HpCampaignDialog *dialog)
{
  HpCampaign *source = hp_campaign_dialog_get_source (dialog);
  g_autofree char *title = NULL;

  _hp_window_reload_campaigns (self);
  hp_window_set_campaign (self, campaign);

  if (source != NULL)
    /* Translators: a toast; the first %s is the new campaign, the second last year's */
    title = g_markup_printf_escaped (_("Created “%s” from “%s”"),
                                     hp_campaign_get_name (campaign),
                                     hp_campaign_get_name (source));
  else
    /* Translators: a toast; %s is the new campaign's name */
    title = g_markup_printf_escaped (_("Created “%s”"), hp_campaign_get_name (campaign));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
open_campaign_dialog (HpWindow *self,
                      gboolean  copy)
{
  HpCampaignDialog *dialog = hp_campaign_dialog_new (self->store, copy);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "campaign-created", G_CALLBACK (campaign_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_campaign_dialog (HP_WINDOW (widget), FALSE);
}

static void
copy_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_campaign_dialog (HP_WINDOW (widget), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Importing                                                                 */

static void
imported_cb (HpWindow          *self,
             HpImportAssistant *assistant)
{
  g_autofree char *text = hp_import_assistant_dup_result_text (assistant);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         hp_import_assistant_get_kind (assistant) == HP_IMPORT_SCHOOLS
                                         ? "schools" : "graduates");
  /* the pages reload through the store's "changed" signal */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
open_import_assistant (HpWindow     *self,
                       HpImportKind  kind,
                       GFile        *file)
{
  HpImportAssistant *assistant;

  if (self->import_assistant != NULL)
    {
      gtk_window_present (self->import_assistant);
      return;
    }

  assistant = hp_import_assistant_new (self->store, kind, self->campaign, file);
  gtk_window_set_transient_for (GTK_WINDOW (assistant), GTK_WINDOW (self));
  g_object_bind_property (self, "campaign", assistant, "campaign", G_BINDING_DEFAULT);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->import_assistant, GTK_WINDOW (assistant));
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
import_kind_chosen_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       HpWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "hp-file");

  if (g_strcmp0 (response, "schools") == 0)
    open_import_assistant (self, HP_IMPORT_SCHOOLS, file);
  else if (g_strcmp0 (response, "graduates") == 0)
    open_import_assistant (self, HP_IMPORT_GRADUATES, file);
}

static void
ask_import_kind (HpWindow *self,
                 GFile    *file)
{
  GtkWidget *dialog;
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Schools or Graduates?"), NULL);
  if (basename != NULL)
    /* Translators: %s is a file name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Is “%s” a school directory or a school’s list of graduates?"),
                                    basename);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Import a school directory or a school’s list of graduates?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "graduates", _("_Graduates"),
                                    "schools", _("_Schools"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "schools");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "hp-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_kind_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _hp_window_import:
 * @kind: an #HpImportKind, or -1 for the visible page's (asking on other
 *   pages)
 * @file: (nullable): the file to import, e.g. dropped on the window
 *
 * Opens the import assistant.
 */
void
_hp_window_import (HpWindow *self,
                   int       kind,
                   GFile    *file)
{
  const char *page;

  g_assert (HP_IS_WINDOW (self));

  if (hp_store_is_read_only (self->store))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This file is open read-only: nothing can be imported.")));
      return;
    }

  if (kind == IMPORT_KIND_ASK)
    {
      page = adw_view_stack_get_visible_child_name (self->view_stack);
      if (g_strcmp0 (page, "schools") == 0)
        kind = HP_IMPORT_SCHOOLS;
      else if (g_strcmp0 (page, "graduates") == 0)
        kind = HP_IMPORT_GRADUATES;
      else
        {
          ask_import_kind (self, file);
          return;
        }
    }

  open_import_assistant (self, (HpImportKind) kind, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _hp_window_import (HP_WINDOW (widget), IMPORT_KIND_ASK, NULL);
}

static void
import_schools_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _hp_window_import (HP_WINDOW (widget), HP_IMPORT_SCHOOLS, NULL);
}

static void
import_graduates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _hp_window_import (HP_WINDOW (widget), HP_IMPORT_GRADUATES, NULL);
}

static gboolean
file_dropped_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 HpWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  GFile *file = files ? files->data : NULL;
  gboolean accepted = FALSE;

  if (file != NULL && !hp_import_file_is_table (file))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Heimpack imports tables: CSV or Excel files "
                                                    "(.csv, .txt, .tsv, .xlsx).")));
    }
  else if (file != NULL && self->import_assistant != NULL)
    {
      /* one import at a time */
      gtk_window_present (self->import_assistant);
    }
  else if (file != NULL)
    {
      _hp_window_import (self, IMPORT_KIND_ASK, file);
      accepted = TRUE;
    }

  g_slist_free (files);
  return accepted;
}

/* ------------------------------------------------------------------------ */
/* Export                                                                    */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  HpExportKind kind;

  if (!hp_export_kind_from_string (name, &kind))
    {
      g_debug ("No export called “%s”", name);
      return;
    }

  if (self->campaign != NULL)
    hp_export_runner_choose_file (self, kind);
}

/* ------------------------------------------------------------------------ */
/* Internal API (hp-window-private.h)                                        */

/**
 * _hp_window_actions_update:
 *
 * Enables what the store allows: nothing that writes on a read-only file,
 * no copying without a campaign to copy.
 */
void
_hp_window_actions_update (HpWindow *self)
{
  gboolean writable;

  g_assert (HP_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  writable = !hp_store_is_read_only (self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-campaign",
                                 writable && self->n_campaigns > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-schools", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-graduates", writable);
  /* exporting only reads: fine on a read-only file */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->campaign != NULL);
}

void
_hp_window_actions_init (HpWindow *self)
{
  g_assert (HP_IS_WINDOW (self));
  g_assert (self->select_campaign_action == NULL);

  self->select_campaign_action =
    g_simple_action_new_stateful ("select-campaign", G_VARIANT_TYPE_INT64,
                                  g_variant_new_int64 (0));
  g_signal_connect_object (self->select_campaign_action, "activate",
                           G_CALLBACK (select_campaign_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->select_campaign_action));

  /* a table dropped on the window is imported */
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (file_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

void
_hp_window_class_actions_init (HpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.copy-campaign", NULL, copy_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-schools", NULL, import_schools_action);
  gtk_widget_class_install_action (widget_class, "win.import-graduates", NULL, import_graduates_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
}
