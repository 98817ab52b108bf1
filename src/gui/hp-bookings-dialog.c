/* hp-bookings-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Bookings" ("Wareneingänge"): every delivery booked in the campaign, by
 * item and sponsor (hp_store_list_campaign_receipts()), with date, pieces
 * and note. A booking can be corrected in a form (pieces, date, note, and
 * the sponsor's gift it belongs to, chosen as "Item — Sponsor") through
 * hp_store_update_receipt(), or removed with undo (hp_store_remove() and
 * hp_store_restore(), as the list pages do).
 *
 * The bookings and the gifts are read in a GTask worker; the dialog reads
 * again, coalesced in an idle, when the store says it changed, keeping the
 * selected booking. The window opens one dialog per window and binds its
 * campaign to the dialog's. Correcting and removing are in
 * hp-bookings-dialog-actions.c.
 */

#define G_LOG_DOMAIN "hp-bookings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-bookings-dialog-internal.h"
#include "hp-columns.h"
#include "hp-date-button.h"
#include "hp-toast.h"


G_DEFINE_FINAL_TYPE (HpBookingsDialog, hp_bookings_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* in the order of the list: by item, then sponsor, then date. Within the
 * dialog's 820 px: items are short ("Holzkugelschreiber"), sponsors long
 * ("Fahrradmanufaktur Becker GmbH & Co. KG", 280 px): the sponsor takes
 * 34 characters (8 px each) and shares what is left with the note. */
static const HpColumnSpec columns[] = {
  { .title = N_("Item"), .property = "item-name", .format = HP_CELL_TEXT, .width_chars = 18 },
  { .title = N_("Sponsor"), .property = "sponsor-name", .format = HP_CELL_TEXT, .width_chars = 34, .expand = TRUE },
  /* Translators: column; the day a delivery arrived */
  { .title = N_("Date"), .property = "date", .format = HP_CELL_DATE, .width_chars = 10 },
  /* Translators: column; pieces delivered */
  { .title = N_("Pieces"), .property = "quantity", .format = HP_CELL_NUMBER, .width_chars = 7 },
  { .title = N_("Note"), .property = "note", .format = HP_CELL_TEXT, .width_chars = 14, .expand = TRUE },
};

static void start_load (HpBookingsDialog *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

char *
_hp_bookings_dialog_format_count (gint64 n)
{
  /* the language's way, not LC_NUMERIC's: 2,113 or 2.113 */
  return hp_format_count (n);
}

/* A message replaces the one before: libadwaita 1.2 cannot show a toast
 * again that an undo toast pushed back while it was still on screen. */
void
_hp_bookings_dialog_dismiss_info_toast (HpBookingsDialog *self)
{
  if (self->info_toast != NULL)
    {
      AdwToast *toast = self->info_toast;

      g_clear_weak_pointer (&self->info_toast);
      hp_toast_dismiss (toast);
    }
}

void
_hp_bookings_dialog_add_toast (HpBookingsDialog *self,
                const char       *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  _hp_bookings_dialog_dismiss_info_toast (self);
  g_set_weak_pointer (&self->info_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_hp_bookings_dialog_show_error (HpBookingsDialog *self,
            const char       *heading,
            const GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_loading (HpBookingsDialog *self,
             gboolean          loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
is_writable (HpBookingsDialog *self)
{
  /* (before construction ends there is no store yet) */
  return self->store != NULL && !hp_store_is_read_only (self->store) && self->campaign != NULL;
}

gboolean
_hp_bookings_dialog_is_editing (HpBookingsDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0;
}

/**
 * _hp_bookings_dialog_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected booking
 */
HpReceipt *
_hp_bookings_dialog_get_selected (HpBookingsDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

void
_hp_bookings_dialog_update_actions (HpBookingsDialog *self)
{
  gboolean writable = is_writable (self);
  gboolean listed = !_hp_bookings_dialog_is_editing (self) && _hp_bookings_dialog_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.edit", writable && listed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.remove", writable && listed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.undo", writable && self->removal != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.save", writable && _hp_bookings_dialog_is_editing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookings.cancel", _hp_bookings_dialog_is_editing (self));
}

static void
update_count (HpBookingsDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->receipts);
  guint n_items = g_list_model_get_n_items (model);
  g_autofree char *bookings = NULL;
  g_autofree char *pieces = NULL;
  g_autofree char *text = NULL;
  gint64 total = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HpReceipt) receipt = g_list_model_get_item (model, i);

      total += hp_receipt_get_quantity (receipt);
    }

  bookings = _hp_bookings_dialog_format_count (n_items);
  pieces = _hp_bookings_dialog_format_count (total);
  /* Translators: the footer; the first %s is the number of bookings (the
   * form follows it), the second the pieces in all */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s booking · %s pieces", "%s bookings · %s pieces",
                                       n_items),
                          bookings, pieces);
  gtk_label_set_label (self->count_label, text);
}

/**
 * _hp_bookings_dialog_select:
 *
 * Selects the booking @receipt_id.
 *
 * Returns: %TRUE if it is listed.
 */
gboolean
_hp_bookings_dialog_select (HpBookingsDialog *self,
                            gint64            receipt_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HpReceipt) receipt = g_list_model_get_item (model, i);

      if (hp_receipt_get_id (receipt) != receipt_id)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
        gtk_widget_activate_action (gtk_widget_get_last_child (GTK_WIDGET (self->column_view)),
                                    "list.scroll-to-item", "u", i);
      return TRUE;
    }

  return FALSE;
}

void
_hp_bookings_dialog_show_list (HpBookingsDialog *self)
{
  g_clear_object (&self->editing);

  if (self->campaign == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->receipts)) == 0)
    gtk_stack_set_visible_child_name (self->stack, self->loading ? "loading" : "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* ------------------------------------------------------------------------ */
/* The gift drop-down                                                        */

/* The drop-down's text of a gift (the expression's "this"). */
static char *
gift_label (HpProduct *gift,
            gpointer   unused)
{
  if (gift == NULL)
    return g_strdup ("");

  /* Translators: a sponsor's gift in a drop-down: the item, then the sponsor */
  return g_strdup_printf (_("%s — %s"), hp_product_get_name (gift),
                          hp_product_get_sponsor_name (gift) ? hp_product_get_sponsor_name (gift) : "");
}

void
_hp_bookings_dialog_select_gift (HpBookingsDialog *self,
             gint64            product_id)
{
  GListModel *gifts = G_LIST_MODEL (self->gifts);

  for (guint i = 0; i < g_list_model_get_n_items (gifts); i++)
    {
      g_autoptr(HpProduct) gift = g_list_model_get_item (gifts, i);

      if (hp_product_get_id (gift) == product_id)
        {
          adw_combo_row_set_selected (self->gift_row, i);
          return;
        }
    }

  adw_combo_row_set_selected (self->gift_row, GTK_INVALID_LIST_POSITION);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

typedef struct
{
  HpStore *store;
  gint64   campaign_id;
} LoadData;

typedef struct
{
  GListModel *receipts;
  GListModel *gifts;
} LoadResult;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->receipts);
  g_clear_object (&result->gifts);
  g_free (result);
}

/* Worker thread: touches only the store's thread-safe reads. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;

  if ((result->receipts = hp_store_list_campaign_receipts (load->store, load->campaign_id, 0, &error)) == NULL ||
      (result->gifts = hp_store_list_products (load->store, load->campaign_id, 0, &error)) == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, load_result_free);
}

static void
replace_all (GListStore *store,
             GListModel *with)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (with); i++)
    g_ptr_array_add (items, g_list_model_get_item (with, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (object);
  g_autoptr(GError) error = NULL;
  HpReceipt *selected = _hp_bookings_dialog_get_selected (self);
  gint64 keep_id = self->keep_id ? self->keep_id : (selected ? hp_receipt_get_id (selected) : 0);
  gint64 chosen_gift = 0;
  LoadResult *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      /* a newer load (or none) took over */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->cancellable);
      set_loading (self, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      _hp_bookings_dialog_update_actions (self);
      return;
    }

  /* The gift chosen in an open form, which a reload must not take back. */
  if (self->editing != NULL)
    {
      guint chosen_pos = adw_combo_row_get_selected (self->gift_row);
      g_autoptr(HpProduct) chosen = NULL;

      if (chosen_pos != GTK_INVALID_LIST_POSITION)
        chosen = g_list_model_get_item (G_LIST_MODEL (self->gifts), chosen_pos);
      chosen_gift = chosen ? hp_product_get_id (chosen) : hp_receipt_get_product_id (self->editing);
    }

  g_clear_object (&self->cancellable);
  self->keep_id = 0;
  replace_all (self->receipts, result->receipts);
  replace_all (self->gifts, result->gifts);
  load_result_free (result);
  set_loading (self, FALSE);

  if (self->editing != NULL)
    /* the form stays, and so does the gift chosen in it */
    _hp_bookings_dialog_select_gift (self, chosen_gift);
  else
    _hp_bookings_dialog_show_list (self);

  if (keep_id != 0)
    _hp_bookings_dialog_select (self, keep_id);
  update_count (self);
  _hp_bookings_dialog_update_actions (self);
}

static void
start_load (HpBookingsDialog *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->campaign == NULL)
    {
      g_list_store_remove_all (self->receipts);
      g_list_store_remove_all (self->gifts);
      set_loading (self, FALSE);
      _hp_bookings_dialog_show_list (self);
      update_count (self);
      _hp_bookings_dialog_update_actions (self);
      return;
    }

  set_loading (self, TRUE);
  if (self->editing == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->receipts)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (self->store);
  load->campaign_id = hp_campaign_get_id (self->campaign);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_name (task, "[hp] bookings");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (user_data);

  self->reload_source = 0;
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HpBookingsDialog *self,
                  HpStoreChanges    changes,
                  HpStore          *store)
{
  const HpStoreChanges shown = HP_STORE_CHANGED (HP_RECORD_RECEIPT) | HP_STORE_CHANGED (HP_RECORD_PLEDGE) |
                               HP_STORE_CHANGED (HP_RECORD_PRODUCT) | HP_STORE_CHANGED (HP_RECORD_SPONSOR) |
                               HP_STORE_CHANGED (HP_RECORD_ITEM) | HP_STORE_CHANGED (HP_RECORD_CAMPAIGN);

  /* one load for a burst of writes */
  if ((changes & shown) && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (HP_BOOKINGS_DIALOG (widget));
}

static void
stack_page_changed_cb (HpBookingsDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  gboolean editing = g_strcmp0 (name, "edit") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), editing);
  gtk_action_bar_set_revealed (self->action_bar, g_strcmp0 (name, "list") == 0);
  /* the window's close button would drop the form without a word */
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (gtk_widget_get_ancestor (GTK_WIDGET (self->save_button),
                                                                                      ADW_TYPE_HEADER_BAR)),
                                             !editing);
  gtk_window_set_default_widget (GTK_WINDOW (self), editing ? GTK_WIDGET (self->save_button) : NULL);
  _hp_bookings_dialog_update_actions (self);
}

static void
selection_changed_cb (HpBookingsDialog *self)
{
  _hp_bookings_dialog_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_bookings_dialog_new:
 * @store: the store
 * @campaign: (nullable): the campaign whose bookings to list
 */
HpBookingsDialog *
hp_bookings_dialog_new (HpStore    *store,
                        HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (!campaign || HP_IS_CAMPAIGN (campaign), NULL);

  return g_object_new (HP_TYPE_BOOKINGS_DIALOG,
                       "store", store,
                       "campaign", campaign,
                       NULL);
}

HpCampaign *
hp_bookings_dialog_get_campaign (HpBookingsDialog *self)
{
  g_return_val_if_fail (HP_IS_BOOKINGS_DIALOG (self), NULL);

  return self->campaign;
}

/**
 * hp_bookings_dialog_set_campaign:
 * @campaign: (nullable): the campaign whose bookings to list
 *
 * Lists another campaign's bookings; a correction being typed is dropped.
 */
void
hp_bookings_dialog_set_campaign (HpBookingsDialog *self,
                                 HpCampaign       *campaign)
{
  g_return_if_fail (HP_IS_BOOKINGS_DIALOG (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  adw_window_title_set_subtitle (self->window_title, campaign ? hp_campaign_get_name (campaign) : NULL);

  /* another campaign's booking is neither corrected nor put back here */
  _hp_bookings_dialog_forget_removal (self);
  g_clear_object (&self->editing);
  g_list_store_remove_all (self->receipts);

  /* during construction, constructed() takes over */
  if (self->store != NULL)
    start_load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * hp_bookings_dialog_get_loading:
 *
 * Returns: %TRUE while the bookings are being read
 */
gboolean
hp_bookings_dialog_get_loading (HpBookingsDialog *self)
{
  g_return_val_if_fail (HP_IS_BOOKINGS_DIALOG (self), FALSE);

  return self->loading;
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-bookings-dialog-private.h)                                  */

GListModel *
_hp_bookings_dialog_get_model (HpBookingsDialog *self)
{
  return G_LIST_MODEL (self->sorted);
}

GtkStack *
_hp_bookings_dialog_get_stack (HpBookingsDialog *self)
{
  return self->stack;
}

GtkLabel *
_hp_bookings_dialog_get_count_label (HpBookingsDialog *self)
{
  return self->count_label;
}

AdwComboRow *
_hp_bookings_dialog_get_gift_row (HpBookingsDialog *self)
{
  return self->gift_row;
}

AdwEntryRow *
_hp_bookings_dialog_get_date_row (HpBookingsDialog *self)
{
  return self->date_row;
}

GtkSpinButton *
_hp_bookings_dialog_get_quantity_spin (HpBookingsDialog *self)
{
  return self->quantity_spin;
}

AdwEntryRow *
_hp_bookings_dialog_get_note_row (HpBookingsDialog *self)
{
  return self->note_row;
}

GtkLabel *
_hp_bookings_dialog_get_error_label (HpBookingsDialog *self)
{
  return self->error_label;
}

AdwToast *
_hp_bookings_dialog_get_undo_toast (HpBookingsDialog *self)
{
  return self->undo_toast;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_bookings_dialog_constructed (GObject *object)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (object);

  G_OBJECT_CLASS (hp_bookings_dialog_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start_load (self);
}

static void
hp_bookings_dialog_dispose (GObject *object)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _hp_bookings_dialog_dispose_actions (self);
  g_clear_weak_pointer (&self->info_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), HP_TYPE_BOOKINGS_DIALOG);

  g_clear_object (&self->editing);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->receipts);
  g_clear_object (&self->gifts);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_bookings_dialog_parent_class)->dispose (object);
}

static void
hp_bookings_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_bookings_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HpBookingsDialog *self = HP_BOOKINGS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      hp_bookings_dialog_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_bookings_dialog_class_init (HpBookingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hp_bookings_dialog_constructed;
  object_class->dispose = hp_bookings_dialog_dispose;
  object_class->get_property = hp_bookings_dialog_get_property;
  object_class->set_property = hp_bookings_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-bookings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, gift_row);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, action_bar);
  gtk_widget_class_bind_template_child (widget_class, HpBookingsDialog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "bookings.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "bookings.reload", NULL);
  _hp_bookings_dialog_class_init_actions (widget_class);
}

static void
hp_bookings_dialog_init (HpBookingsDialog *self)
{
  g_autoptr(GtkExpression) gift_expression = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  hp_columns_append (self->column_view, HP_TYPE_RECEIPT, columns, G_N_ELEMENTS (columns));

  self->receipts = g_list_store_new (HP_TYPE_RECEIPT);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->receipts)), g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->gifts = g_list_store_new (HP_TYPE_PRODUCT);
  gift_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                 G_CALLBACK (gift_label), NULL, NULL);
  adw_combo_row_set_expression (self->gift_row, gift_expression);
  adw_combo_row_set_model (self->gift_row, G_LIST_MODEL (self->gifts));

  adw_entry_row_add_suffix (self->date_row, hp_date_button_new (GTK_EDITABLE (self->date_row)));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date_row),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label, -1);

  stack_page_changed_cb (self);
}
