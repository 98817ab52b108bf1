/* hp-table-page-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a table page does with its rows: the `page.*` actions (add, edit,
 * delete, search, undo), the editor they open, the toast that undoes a
 * removal, and the context menu. The window forwards Ctrl+N, Ctrl+F and
 * Ctrl+Z to page.add, page.search and page.undo of the visible page.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-columns.h"
#include "hp-table-page-private.h"
#include "hp-toast.h"

gint64
_hp_table_page_get_item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

static char *
dup_item_title (HpTablePage *self,
                GObject     *item)
{
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  char *name = NULL;

  if (klass->dup_item_title != NULL)
    return klass->dup_item_title (self, item);

  g_object_get (item, "name", &name, NULL);
  return name;
}

/* ------------------------------------------------------------------------ */
/* Messages                                                                  */

/**
 * hp_table_page_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window's toast overlay.
 */
void
hp_table_page_add_toast (HpTablePage *self,
                         AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (HP_IS_TABLE_PAGE (self));

  if (overlay == NULL)
    {
      /* a page outside a window (a test): nobody would see it */
      g_debug ("No toast overlay for “%s”", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * hp_table_page_show_error:
 * @heading: what could not be done, e.g. "Cannot Delete “Brauerei Veltins”"
 * @error: the reason; its message is shown as it is
 *
 * Shows a message dialog over the page's window.
 */
void
hp_table_page_show_error (HpTablePage  *self,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Availability                                                              */

/**
 * _hp_table_page_update_actions:
 *
 * Enables what makes sense now: writing needs a writable store, editing and
 * deleting a selected row, adding on some pages a campaign.
 */
void
_hp_table_page_update_actions (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  GObject *selected = hp_table_page_get_selected (self);
  gboolean writable;

  if (priv->store == NULL)
    return;

  writable = !hp_store_is_read_only (priv->store);
  priv->actions_row = gtk_single_selection_get_selected_item (priv->selection);
  priv->actions_packed = priv->actions_row != NULL ? hp_row_get_packed (priv->actions_row) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add",
                                 writable && (priv->campaign != NULL || !klass->needs_campaign));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", writable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", writable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo", writable && priv->removal != NULL);

  if (klass->update_actions != NULL)
    klass->update_actions (self, selected, writable);
}

static void
selection_changed_cb (HpTablePage *self)
{
  _hp_table_page_update_actions (self);
}

/* The rows change often (a row per frame while a view fills, every result
 * of a search): only a different selected row changes what can be done. */
static void
selection_items_changed_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpRow *row = gtk_single_selection_get_selected_item (priv->selection);

  if (row == priv->actions_row && (row == NULL || hp_row_get_packed (row) == priv->actions_packed))
    return;
  _hp_table_page_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Adding and editing                                                        */

static gboolean
save_item_cb (HpRecordDialog  *dialog,
              GObject         *record,
              gpointer         user_data,
              GError         **error)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (!HP_TABLE_PAGE_GET_CLASS (self)->save_item (self, dialog, record, error))
    return FALSE;

  /* the reload that follows selects the saved row */
  priv->keep_id = _hp_table_page_get_item_id (record);
  return TRUE;
}

static void
open_editor (HpTablePage *self,
             GObject     *item)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  HpRecordDialog *dialog;

  dialog = hp_record_dialog_new (GTK_WIDGET (self),
                                 _(item ? klass->edit_title : klass->new_title),
                                 klass->item_type, item,
                                 klass->fields, klass->n_field_groups);
  hp_record_dialog_set_save_func (dialog, save_item_cb, g_object_ref (self), g_object_unref);
  /* an empty date's calendar opens on the hand-over, not on today */
  if (priv->campaign != NULL)
    hp_record_dialog_set_default_date (dialog, hp_campaign_get_handover_date (priv->campaign));
  if (klass->prepare_editor != NULL)
    klass->prepare_editor (self, dialog, item);

  g_set_weak_pointer (&priv->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (HP_TABLE_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HpTablePage *self = HP_TABLE_PAGE (widget);
  GObject *selected = hp_table_page_get_selected (self);

  if (selected != NULL)
    open_editor (self, selected);
}

static void
row_activated_cb (HpTablePage *self,
                  guint        position)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  gtk_single_selection_set_selected (priv->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "page.edit", NULL);
}

/* ------------------------------------------------------------------------ */
/* Deleting and undoing                                                      */

static void
forget_removal (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (priv->undo_toast != NULL)
    {
      AdwToast *toast = priv->undo_toast;

      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_weak_pointer (&priv->undo_toast);
      hp_toast_dismiss (toast);
    }
  /* not shown yet: never */
  g_clear_handle_id (&priv->toast_source, g_source_remove);
  g_clear_object (&priv->pending_toast);

  g_clear_pointer (&priv->removal, hp_store_removal_free);
  _hp_table_page_update_actions (self);
}

static void
undo_toast_dismissed_cb (HpTablePage *self,
                         AdwToast    *toast)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (toast != priv->undo_toast)
    return;

  g_clear_weak_pointer (&priv->undo_toast);
  forget_removal (self);
}

static void
undo (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  g_autoptr(GError) error = NULL;

  if (priv->removal == NULL)
    return;

  if (hp_store_restore (priv->store, priv->removal, &error))
    priv->keep_id = hp_store_removal_get_id (priv->removal);
  else
    hp_table_page_show_error (self, _("Could Not Undo"), error);

  forget_removal (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (HP_TABLE_PAGE (widget));
}

static gboolean
show_toast_idle_cb (gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  priv->toast_source = 0;
  if (priv->pending_toast != NULL)
    hp_table_page_add_toast (self, g_steal_pointer (&priv->pending_toast));

  return G_SOURCE_REMOVE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpTablePage *self = HP_TABLE_PAGE (widget);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  GObject *selected = hp_table_page_get_selected (self);
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GError) error = NULL;
  HpStoreRemoval *removal;
  AdwToast *toast;

  if (selected == NULL)
    return;

  name = dup_item_title (self, selected);
  removal = hp_store_remove (priv->store, HP_TABLE_PAGE_GET_CLASS (self)->kind,
                             _hp_table_page_get_item_id (selected), &error);
  if (removal == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Delete “%s”"), name);

      hp_table_page_show_error (self, heading, error);
      return;
    }

  /* only the last removal can be undone */
  forget_removal (self);
  priv->removal = removal;

  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of what was deleted */
  toast = adw_toast_new_format (_("“%s” deleted"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&priv->undo_toast, toast);
  /* The toast comes in the frame after the row went (an idle runs after
   * the frame GTK has due): making both in one frame took twice as long
   * as each (GTK 4.8, cairo: about 15 ms each at the national scale). */
  g_clear_object (&priv->pending_toast);
  priv->pending_toast = toast;
  if (priv->toast_source == 0)
    priv->toast_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_toast_idle_cb, self, NULL);

  _hp_table_page_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Search and the row menu                                                   */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (HP_TABLE_PAGE (widget));

  gtk_search_bar_set_search_mode (priv->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
row_right_clicked_cb (HpTablePage     *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  GtkWidget *view = GTK_WIDGET (priv->column_view);
  GtkWidget *cell = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  guint position = cell ? hp_columns_get_position (cell) : GTK_INVALID_LIST_POSITION;
  double page_x, page_y;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (priv->selection, position);

  gtk_widget_translate_coordinates (view, GTK_WIDGET (self), x, y, &page_x, &page_y);
  gtk_popover_set_pointing_to (GTK_POPOVER (priv->row_popover),
                               &(GdkRectangle) { (int) page_x, (int) page_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (priv->row_popover));
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-table-page-private.h)                                       */

HpRecordDialog *
_hp_table_page_get_dialog (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->dialog;
}

AdwToast *
_hp_table_page_get_undo_toast (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->undo_toast;
}

GtkPopoverMenu *
_hp_table_page_get_row_popover (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->row_popover;
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_table_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_right_clicked_cb);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "page.delete", NULL);
}

void
_hp_table_page_init_actions (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  g_signal_connect_object (priv->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_hp_table_page_dispose_actions (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (priv->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->undo_toast, self);
      g_clear_weak_pointer (&priv->undo_toast);
    }
  g_clear_handle_id (&priv->toast_source, g_source_remove);
  g_clear_object (&priv->pending_toast);
  g_clear_pointer (&priv->removal, hp_store_removal_free);
  g_clear_weak_pointer (&priv->dialog);
}
