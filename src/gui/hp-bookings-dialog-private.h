/* hp-bookings-dialog-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the dialog's parts, without widening the public API.
 */
#pragma once

#include "hp-bookings-dialog.h"

G_BEGIN_DECLS

GListModel    *_hp_bookings_dialog_get_model         (HpBookingsDialog *self);
GtkStack      *_hp_bookings_dialog_get_stack         (HpBookingsDialog *self);
GtkLabel      *_hp_bookings_dialog_get_count_label   (HpBookingsDialog *self);
gboolean       _hp_bookings_dialog_select            (HpBookingsDialog *self,
                                                      gint64            receipt_id);
HpReceipt     *_hp_bookings_dialog_get_selected      (HpBookingsDialog *self);
AdwComboRow   *_hp_bookings_dialog_get_gift_row      (HpBookingsDialog *self);
AdwEntryRow   *_hp_bookings_dialog_get_date_row      (HpBookingsDialog *self);
GtkSpinButton *_hp_bookings_dialog_get_quantity_spin (HpBookingsDialog *self);
AdwEntryRow   *_hp_bookings_dialog_get_note_row      (HpBookingsDialog *self);
GtkLabel      *_hp_bookings_dialog_get_error_label   (HpBookingsDialog *self);
AdwToast      *_hp_bookings_dialog_get_undo_toast    (HpBookingsDialog *self);

G_END_DECLS
