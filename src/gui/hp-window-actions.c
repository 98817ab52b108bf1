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
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-campaign-dialog.h"
#include "hp-window-private.h"

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
}
