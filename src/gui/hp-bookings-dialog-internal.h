/* hp-bookings-dialog-internal.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the bookings dialog's files share: the instance struct and the
 * functions one calls in the other. hp-bookings-dialog.c loads and lists
 * the bookings; hp-bookings-dialog-actions.c corrects and removes them.
 * Not for tests: they use hp-bookings-dialog-private.h.
 */
#pragma once

#include "hp-bookings-dialog-private.h"

G_BEGIN_DECLS

struct _HpBookingsDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *save_button;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkLabel            *error_label;
  AdwComboRow         *gift_row;
  AdwEntryRow         *date_row;
  GtkSpinButton       *quantity_spin;
  AdwEntryRow         *note_row;
  GtkActionBar        *action_bar;
  GtkLabel            *count_label;

  /* Owned */
  HpStore             *store;
  HpCampaign          *campaign;
  GListStore          *receipts;     /* of HpReceipt, in the store's order */
  GtkSortListModel    *sorted;       /* by the column headers */
  GtkSingleSelection  *selection;    /* over sorted */
  GListStore          *gifts;        /* of HpProduct: every sponsor's gifts */
  HpReceipt           *editing;      /* the booking in the form, or NULL */
  HpStoreRemoval      *removal;      /* the last removal, while it can be undone */
  GCancellable        *cancellable;  /* of the running load */
  gint64               keep_id;      /* the booking to select after the load */
  guint                reload_source;

  /* Borrowed */
  AdwToast            *undo_toast;   /* weak */
  AdwToast            *info_toast;   /* weak: the last message */

  guint                loading : 1;
};

/* hp-bookings-dialog.c */
char     *_hp_bookings_dialog_format_count        (gint64            n);
void      _hp_bookings_dialog_add_toast           (HpBookingsDialog *self,
                                                   const char       *text);
void      _hp_bookings_dialog_dismiss_info_toast  (HpBookingsDialog *self);
void      _hp_bookings_dialog_show_error          (HpBookingsDialog *self,
                                                   const char       *heading,
                                                   const GError     *error);
gboolean  _hp_bookings_dialog_is_editing          (HpBookingsDialog *self);
void      _hp_bookings_dialog_update_actions      (HpBookingsDialog *self);
void      _hp_bookings_dialog_show_list           (HpBookingsDialog *self);
void      _hp_bookings_dialog_select_gift         (HpBookingsDialog *self,
                                                   gint64            product_id);

/* hp-bookings-dialog-actions.c */
void      _hp_bookings_dialog_class_init_actions  (GtkWidgetClass   *widget_class);
void      _hp_bookings_dialog_forget_removal      (HpBookingsDialog *self);
void      _hp_bookings_dialog_dispose_actions     (HpBookingsDialog *self);

G_END_DECLS
