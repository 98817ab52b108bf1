/* hp-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions. Most are installed on the class; the campaign
 * selector's radio items need a stateful action with an int64 target, which
 * class actions cannot be, so "win.select-campaign" is a GSimpleAction in
 * the window's own action map.
 *
 * Editing accelerators (Ctrl+N, Ctrl+F, Ctrl+Z) are window actions that
 * forward to the visible page's "page.add", "page.search" and "page.undo";
 * Ctrl+Z first undoes the removal of a campaign while its toast is shown.
 * Pages are reached only through the HpPage interface.
 *
 * Campaigns: new, copied from last year, edited (the campaign dialog in
 * its edit mode), and removed after a question that says what goes with
 * the campaign (counted in a worker), with undo. "win.show-bookings" opens
 * the campaign's bookings (one dialog per window).
 *
 * Importing: "win.import-schools", "win.import-graduates" and
 * "win.import-sponsors" open the import assistant; "win.import" (Ctrl+I) and
 * a table dropped on the window choose by the visible page, or ask.
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-backups-window.h"
#include "hp-bookings-dialog.h"
#include "hp-campaign-dialog.h"
#include "hp-export-runner.h"
#include "hp-import-assistant.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"
#include "hp-window-purge.h"
#include "hp-window-received.h"
#include "hp-toast.h"

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
    if (HP_IS_PAGE (child))
      hp_page_reload (HP_PAGE (child));
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
show_pack_contents_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (HP_WINDOW (widget)->view_stack, "pack");
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

static void undo_campaign_removal (HpWindow *self);

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

  /* a whole campaign weighs more than a row of a page */
  if (self->campaign_removal != NULL)
    {
      undo_campaign_removal (self);
      return;
    }

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
campaign_updated_cb (HpWindow         *self,
                     HpCampaign       *campaign,
                     HpCampaignDialog *dialog)
{
  g_autofree char *title = NULL;

  if (self->campaign != NULL && hp_campaign_get_id (self->campaign) == hp_campaign_get_id (campaign))
    {
      /* The campaign shown, with new figures: the pages keep the object, and
       * with it what they hold (an undo, a booking being corrected), and
       * read again. */
      hp_campaign_set_name (self->campaign, hp_campaign_get_name (campaign));
      hp_campaign_set_year (self->campaign, hp_campaign_get_year (campaign));
      hp_campaign_set_handover_date (self->campaign, hp_campaign_get_handover_date (campaign));
      hp_campaign_set_spare_percent (self->campaign, hp_campaign_get_spare_percent (campaign));
      _hp_window_update_campaign_display (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
    }
  else
    {
      _hp_window_reload_campaigns (self);
      hp_window_set_campaign (self, campaign);
    }

  /* Translators: a toast; %s is the campaign's name */
  title = g_markup_printf_escaped (_("Saved “%s”"), hp_campaign_get_name (campaign));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
edit_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  HpCampaignDialog *dialog;

  if (self->campaign == NULL)
    return;

  dialog = hp_campaign_dialog_new_edit (self->store, self->campaign);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "campaign-updated", G_CALLBACK (campaign_updated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Removing a campaign: count what goes with it (in a worker), ask, remove,
 * offer to undo. */

static void
forget_campaign_removal (HpWindow *self)
{
  g_clear_signal_handler (&self->campaign_removal_changed_id, self->store);

  if (self->campaign_undo_toast != NULL)
    {
      AdwToast *toast = self->campaign_undo_toast;

      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_weak_pointer (&self->campaign_undo_toast);
      hp_toast_dismiss (toast);
    }

  g_clear_pointer (&self->campaign_removal, hp_store_removal_free);
  g_clear_pointer (&self->removed_campaign_name, g_free);
}

static void
undo_campaign_removal (HpWindow *self)
{
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  if (self->campaign_removal == NULL)
    return;

  /* the restore is a write of its own, not a later one */
  g_clear_signal_handler (&self->campaign_removal_changed_id, self->store);
  if (hp_store_restore (self->store, self->campaign_removal, &error))
    campaign = hp_store_get_campaign (self->store, hp_store_removal_get_id (self->campaign_removal), &error);

  if (campaign == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Undo"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  forget_campaign_removal (self);
  _hp_window_reload_campaigns (self);
  if (campaign != NULL)
    hp_window_set_campaign (self, campaign);
}

static void
campaign_undo_toast_dismissed_cb (HpWindow *self,
                                  AdwToast *toast)
{
  if (toast != self->campaign_undo_toast)
    return;

  g_clear_weak_pointer (&self->campaign_undo_toast);
  forget_campaign_removal (self);
}

static void
remove_campaign (HpWindow   *self,
                 HpCampaign *campaign)
{
  g_autoptr(HpCampaign) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  HpStoreRemoval *removal;
  AdwToast *toast;

  removal = hp_store_remove (self->store, HP_RECORD_CAMPAIGN, hp_campaign_get_id (campaign), &error);
  if (removal == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Remove “%s”"), hp_campaign_get_name (campaign));
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* only the last removal can be undone */
  forget_campaign_removal (self);
  self->campaign_removal = removal;
  self->removed_campaign_name = g_strdup (hp_campaign_get_name (campaign));
  /* and only until something else is written: then Ctrl+Z belongs to that */
  self->campaign_removal_changed_id =
    g_signal_connect_object (self->store, "changed", G_CALLBACK (forget_campaign_removal), self,
                             G_CONNECT_SWAPPED);

  /* the newest campaign left, or none */
  next = hp_store_get_current_campaign (self->store, &error);
  if (next == NULL && !g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    _hp_window_add_error_toast (self, error);
  _hp_window_reload_campaigns (self);
  hp_window_set_campaign (self, next);

  escaped = g_markup_escape_text (self->removed_campaign_name, -1);
  /* Translators: a toast; %s is the campaign's name */
  toast = adw_toast_new_format (_("“%s” removed"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* a campaign is worth more than the usual few seconds */
  adw_toast_set_timeout (toast, 30);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_campaign_removal), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (campaign_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->campaign_undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_campaign_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             HpWindow         *self)
{
  HpCampaign *campaign = g_object_get_data (G_OBJECT (dialog), "hp-campaign");

  if (g_strcmp0 (response, "remove") == 0)
    remove_campaign (self, campaign);
}

/* One line of the list, if there is something to count. The format is
 * the g_dngettext() of the caller: so xgettext finds both forms, and the
 * compiler checks them against @n. */
#define APPEND_COUNT(body, n, format)                   \
  G_STMT_START {                                        \
    if ((n) > 0)                                        \
      {                                                 \
        g_autofree char *text_ = hp_format_counted ((format), (n)); \
        g_string_append ((body), "\n• ");               \
        g_string_append ((body), text_);                \
      }                                                 \
  } G_STMT_END

static void
ask_remove_campaign (HpWindow               *self,
                     HpCampaign             *campaign,
                     const HpCampaignCounts *counts)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GString *body = g_string_new (NULL);

  /* Translators: a question; %s is the campaign's name */
  heading = g_strdup_printf (_("Remove “%s”?"), hp_campaign_get_name (campaign));

  if (counts->pledges + counts->receipts + counts->pack_lines + counts->schools + counts->graduates == 0)
    g_string_append (body, _("The campaign has no pledges, bookings, pack contents, school figures or graduates yet."));
  else
    {
      g_string_append (body, _("Everything that belongs to the campaign goes with it:"));
      APPEND_COUNT (body, counts->pledges,
                    g_dngettext (GETTEXT_PACKAGE, "%s pledge of a sponsor", "%s pledges of sponsors",
                                 counts->pledges));
      APPEND_COUNT (body, counts->receipts,
                    g_dngettext (GETTEXT_PACKAGE, "%s booking of a delivery", "%s bookings of deliveries",
                                 counts->receipts));
      APPEND_COUNT (body, counts->pack_lines,
                    g_dngettext (GETTEXT_PACKAGE, "%s line of the pack contents",
                                 "%s lines of the pack contents", counts->pack_lines));
      APPEND_COUNT (body, counts->schools,
                    g_dngettext (GETTEXT_PACKAGE, "the figures of %s school (expected graduates, hand-over)",
                                 "the figures of %s schools (expected graduates, hand-over)", counts->schools));
      APPEND_COUNT (body, counts->graduates,
                    g_dngettext (GETTEXT_PACKAGE, "%s graduate with their data", "%s graduates with their data",
                                 counts->graduates));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Sponsors, their gifts and the schools themselves stay. "
                           "The removal can be undone right afterwards."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body->str));
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove Campaign"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "hp-campaign", g_object_ref (campaign), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_campaign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;
} CountData;

static void
count_data_free (gpointer data)
{
  CountData *count = data;

  g_clear_object (&count->store);
  g_clear_object (&count->campaign);
  g_free (count);
}

/* Worker thread: a read of the store that lists may do. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountData *count = task_data;
  HpCampaignCounts *counts = g_new0 (HpCampaignCounts, 1);
  g_autoptr(GError) error = NULL;

  if (!hp_store_count_campaign_rows (count->store, hp_campaign_get_id (count->campaign), counts, &error))
    {
      g_free (counts);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, counts, g_free);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HpWindow *self = HP_WINDOW (object);
  CountData *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree HpCampaignCounts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hp_window_add_error_toast (self, error);
      return;
    }

  g_clear_object (&self->count_cancellable);
  ask_remove_campaign (self, count->campaign, counts);
}

static void
remove_campaign_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  CountData *count;

  if (self->campaign == NULL)
    return;

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  count = g_new0 (CountData, 1);
  count->store = g_object_ref (self->store);
  count->campaign = g_object_ref (self->campaign);

  task = g_task_new (self, self->count_cancellable, count_cb, NULL);
  g_task_set_source_tag (task, remove_campaign_action);
  g_task_set_name (task, "[hp] count campaign rows");
  g_task_set_task_data (task, count, count_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, count_thread);
}

/* ------------------------------------------------------------------------ */
/* Bookings                                                                  */

static void
show_bookings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  HpBookingsDialog *dialog;

  if (self->bookings_dialog != NULL)
    {
      gtk_window_present (self->bookings_dialog);
      return;
    }

  dialog = hp_bookings_dialog_new (self->store, self->campaign);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_object_bind_property (self, "campaign", dialog, "campaign", G_BINDING_DEFAULT);
  g_set_weak_pointer (&self->bookings_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Backups                                                                   */

static void
show_backups_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  HpBackupsWindow *backups;

  if (self->backups_window != NULL)
    {
      gtk_window_present (self->backups_window);
      return;
    }

  backups = hp_backups_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (backups), GTK_WINDOW (self));
  g_set_weak_pointer (&self->backups_window, GTK_WINDOW (backups));
  gtk_window_present (GTK_WINDOW (backups));
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
clear_search_cb (GtkSearchBar *search_bar)
{
  /* a closed search bar hides nothing */
  gtk_search_bar_set_search_mode (search_bar, FALSE);
}

static void
imported_cb (HpWindow          *self,
             HpImportAssistant *assistant)
{
  g_autofree char *text = hp_import_assistant_dup_result_text (assistant);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  static const char * const pages[] = {
    [HP_IMPORT_SCHOOLS] = "schools",
    [HP_IMPORT_GRADUATES] = "graduates",
    [HP_IMPORT_SPONSORS] = "sponsors",
  };

  GtkWidget *page;

  adw_view_stack_set_visible_child_name (self->view_stack, pages[hp_import_assistant_get_kind (assistant)]);
  /* the pages reload through the store's "changed" signal */

  /* a search left on would hide what was just imported without a word */
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (HP_IS_TABLE_PAGE (page) && _hp_table_page_get_priv (HP_TABLE_PAGE (page))->terms != NULL)
    {
      HpTablePagePrivate *priv = _hp_table_page_get_priv (HP_TABLE_PAGE (page));
      g_autofree char *search = g_markup_escape_text (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)), -1);
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: after an import; %s is the search text, e.g. "müller" */
      title = g_strdup_printf (_("The search “%s” hides the imported rows it does not match."), search);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Clear Search"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (clear_search_cb),
                               priv->search_bar, G_CONNECT_SWAPPED);
      /* first: the result waits its turn (a toast of high priority would
       * push it away, which libadwaita 1.2 does not survive at once) */
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

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
  else if (g_strcmp0 (response, "sponsors") == 0)
    open_import_assistant (self, HP_IMPORT_SPONSORS, file);
}

static void
ask_import_kind (HpWindow *self,
                 GFile    *file)
{
  GtkWidget *dialog;
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Does the File Hold?"), NULL);
  if (basename != NULL)
    /* Translators: %s is a file name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Is “%s” a school directory, a school’s list of graduates or a list "
                                      "of sponsors?"),
                                    basename);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Import a school directory, a school’s list of graduates or a list of "
                                   "sponsors?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sponsors", _("S_ponsors"),
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
      else if (g_strcmp0 (page, "sponsors") == 0)
        kind = HP_IMPORT_SPONSORS;
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

static void
import_sponsors_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _hp_window_import (HP_WINDOW (widget), HP_IMPORT_SPONSORS, NULL);
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
    hp_export_runner_choose_file (self->toast_overlay, self->store, self->campaign, kind);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-campaign", writable && self->campaign != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-campaign", writable && self->campaign != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-campaign",
                                 writable && self->n_campaigns > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-schools", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-graduates", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-sponsors", writable);
  /* exporting only reads: fine on a read-only file */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->campaign != NULL);
  /* the list reads; its corrections check the store themselves */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-bookings", self->campaign != NULL);
  /* both change graduates of the campaign */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.purge-personal-data", writable && self->campaign != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-received", writable && self->campaign != NULL);
}

void
_hp_window_dispose_actions (HpWindow *self)
{
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->campaign_removal_changed_id, self->store);
  if (self->campaign_undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->campaign_undo_toast, self);
      g_clear_weak_pointer (&self->campaign_undo_toast);
    }
  g_clear_pointer (&self->campaign_removal, hp_store_removal_free);
  g_clear_pointer (&self->removed_campaign_name, g_free);
  g_clear_weak_pointer (&self->bookings_dialog);
  g_clear_weak_pointer (&self->backups_window);
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
  gtk_widget_class_install_action (widget_class, "win.show-pack-contents", NULL, show_pack_contents_action);
  gtk_widget_class_install_action (widget_class, "win.show-bookings", NULL, show_bookings_action);
  gtk_widget_class_install_action (widget_class, "win.show-backups", NULL, show_backups_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.copy-campaign", NULL, copy_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.edit-campaign", NULL, edit_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.remove-campaign", NULL, remove_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-schools", NULL, import_schools_action);
  gtk_widget_class_install_action (widget_class, "win.import-graduates", NULL, import_graduates_action);
  gtk_widget_class_install_action (widget_class, "win.import-sponsors", NULL, import_sponsors_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  _hp_window_purge_class_init (widget_class);
  _hp_window_received_class_init (widget_class);
}
