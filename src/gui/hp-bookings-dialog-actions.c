/* hp-bookings-dialog-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the bookings dialog does with a booking: the `bookings.*` actions
 * that correct one in the form (pieces, date, note, and the gift it
 * belongs to, through hp_store_update_receipt()) and remove one with undo
 * (hp_store_remove() and hp_store_restore(), as the list pages do), and the
 * keys behind them: Return or a double click corrects, Delete removes,
 * Ctrl+Z undoes, Escape leaves the form or closes the dialog.
 */

#define G_LOG_DOMAIN "hp-bookings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-bookings-dialog-internal.h"
#include "hp-record-field.h"
#include "hp-toast.h"

/* ------------------------------------------------------------------------ */
/* Correcting a booking                                                      */

static void
set_form_error (HpBookingsDialog *self,
                const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
form_changed_cb (HpBookingsDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *iso = hp_parse_date (text);

  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
edit (HpBookingsDialog *self,
      HpReceipt        *receipt)
{
  g_autofree char *date = hp_field_format_iso_date (hp_receipt_get_date (receipt));

  g_set_object (&self->editing, receipt);
  set_form_error (self, NULL);
  _hp_bookings_dialog_select_gift (self, hp_receipt_get_product_id (receipt));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_spin_button_set_value (self->quantity_spin, (double) hp_receipt_get_quantity (receipt));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         hp_receipt_get_note (receipt) ? hp_receipt_get_note (receipt) : "");
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->quantity_spin));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (widget);
  HpReceipt *receipt = _hp_bookings_dialog_get_selected (self);

  if (receipt != NULL)
    edit (self, receipt);
}

static void
row_activated_cb (HpBookingsDialog *self,
                  guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "bookings.edit", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (widget);
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *note = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  HpProduct *gift = adw_combo_row_get_selected_item (self->gift_row);

  if (self->editing == NULL)
    return;

  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  iso = hp_parse_date (date);
  if (iso == NULL)
    {
      g_autofree char *example = hp_format_date ("2027-06-24");
      g_autofree char *message = NULL;

      /* Translators: %s is a date as the language writes it, "24.06.2027" */
      message = g_strdup_printf (_("Enter the delivery date, for example %s."), example);
      set_form_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (gift == NULL)
    {
      set_form_error (self, _("Choose the gift the delivery belongs to."));
      return;
    }

  /* the spin button takes what was typed into it only on activate */
  gtk_spin_button_update (self->quantity_spin);
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  receipt = hp_receipt_new (hp_receipt_get_pledge_id (self->editing), iso,
                            (gint64) gtk_spin_button_get_value (self->quantity_spin));
  hp_receipt_set_id (receipt, hp_receipt_get_id (self->editing));
  hp_receipt_set_note (receipt, *note != '\0' ? note : NULL);
  hp_receipt_set_product_id (receipt, hp_product_get_id (gift));

  if (!hp_store_update_receipt (self->store, receipt, &error))
    {
      set_form_error (self, error->message);
      return;
    }

  self->keep_id = hp_receipt_get_id (receipt);
  g_clear_object (&self->editing);
  gtk_stack_set_visible_child_name (self->stack, "list");
  _hp_bookings_dialog_add_toast (self, _("Booking corrected"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _hp_bookings_dialog_show_list (HP_BOOKINGS_DIALOG (widget));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (widget);

  if (_hp_bookings_dialog_is_editing (self))
    _hp_bookings_dialog_show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* Removing and undoing                                                      */

void
_hp_bookings_dialog_forget_removal (HpBookingsDialog *self)
{
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_weak_pointer (&self->undo_toast);
      hp_toast_dismiss (toast);
    }

  g_clear_pointer (&self->removal, hp_store_removal_free);
  _hp_bookings_dialog_update_actions (self);
}

static void
undo_toast_dismissed_cb (HpBookingsDialog *self,
                         AdwToast         *toast)
{
  if (toast != self->undo_toast)
    return;

  g_clear_weak_pointer (&self->undo_toast);
  _hp_bookings_dialog_forget_removal (self);
}

static void
undo (HpBookingsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->removal == NULL)
    return;

  if (hp_store_restore (self->store, self->removal, &error))
    self->keep_id = hp_store_removal_get_id (self->removal);
  else
    _hp_bookings_dialog_show_error (self, _("Could Not Undo"), error);

  _hp_bookings_dialog_forget_removal (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (HP_BOOKINGS_DIALOG (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (widget);
  HpReceipt *receipt = _hp_bookings_dialog_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *pieces = NULL;
  g_autofree char *item = NULL;
  HpStoreRemoval *removal;
  AdwToast *toast;

  if (receipt == NULL)
    return;

  removal = hp_store_remove (self->store, HP_RECORD_RECEIPT, hp_receipt_get_id (receipt), &error);
  if (removal == NULL)
    {
      _hp_bookings_dialog_show_error (self, _("Could Not Remove the Booking"), error);
      return;
    }

  /* only the last removal can be undone */
  _hp_bookings_dialog_forget_removal (self);
  _hp_bookings_dialog_dismiss_info_toast (self);
  self->removal = removal;

  pieces = _hp_bookings_dialog_format_count (hp_receipt_get_quantity (receipt));
  item = g_markup_escape_text (hp_receipt_get_item_name (receipt) ? hp_receipt_get_item_name (receipt) : "", -1);
  /* Translators: a toast; the first %s is a number of pieces, the second an item */
  toast = adw_toast_new_format (_("Booking of %s × “%s” removed"), pieces, item);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  _hp_bookings_dialog_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_bookings_dialog_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "bookings.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "bookings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "bookings.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "bookings.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "bookings.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "bookings.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "bookings.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "bookings.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "bookings.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "bookings.escape", NULL);
}

void
_hp_bookings_dialog_dispose_actions (HpBookingsDialog *self)
{
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_weak_pointer (&self->undo_toast);
    }
  g_clear_pointer (&self->removal, hp_store_removal_free);
}
