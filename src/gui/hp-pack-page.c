/* hp-pack-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Pack Contents" page ("Paketinhalt"): the items of the standard and
 * the under-18 pack of the campaign, in packing order, with the pieces of
 * each per pack (spin buttons in the table), who gives it, and the pieces
 * received (all gifts of the item together) against those needed for the
 * packs the schools need. 18+ items are marked; they stay out of the
 * under-18 pack.
 *
 * The lines (hp_store_list_recipe()), the items with their figures
 * (hp_store_list_items()) and the plan (hp_plan_input_load() and
 * hp_plan_compute(), for the pieces needed) are read in a GTask worker;
 * the page shows them in the main thread. It reads again when the campaign
 * changes and, coalesced in an idle, when the store says it changed; a page
 * that is not on screen only notes that it is stale and reads when shown.
 * A reload updates the rows in place when the lines are the same, so that
 * a spin button being used keeps its focus.
 *
 * The table's cells are made in hp-pack-page-cells.c; what the user does
 * with the lines is in hp-pack-page-actions.c.
 */

#define G_LOG_DOMAIN "hp-pack-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-page.h"
#include "hp-pack-page-internal.h"
#include "hp-size-boundary.h"

static void hp_pack_page_page_init (HpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HpPackPage, hp_pack_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (HP_TYPE_PAGE, hp_pack_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_LOADING,
  PROP_SELECTED_ADULT_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

gint64
_hp_pack_page_get_campaign_id (HpPackPage *self)
{
  return self->campaign ? hp_campaign_get_id (self->campaign) : 0;
}

static void
set_loading (HpPackPage *self,
             gboolean    loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * _hp_pack_page_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window's toast overlay.
 */
void
_hp_pack_page_add_toast (HpPackPage *self,
                         AdwToast   *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

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
 * _hp_pack_page_show_error:
 * @heading: what could not be done
 * @error: the reason, shown as it is
 *
 * Shows a message dialog over the page's window.
 */
void
_hp_pack_page_show_error (HpPackPage   *self,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_empty (HpPackPage *self,
            const char *title,
            const char *description,
            const char *button_label,
            const char *action_name)
{
  gboolean no_campaign = g_strcmp0 (action_name, "win.new-campaign") == 0;

  /* without a campaign the window's banner has the one blue button, as on
   * the table pages */
  adw_status_page_set_icon_name (self->empty_page,
                                 no_campaign ? "x-office-calendar-symbolic" : "view-list-ordered-symbolic");
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_button_set_label (self->empty_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action_name);
  if (no_campaign)
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_summary (HpPackPage *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint standard = 0, under18 = 0, short_items = 0;
  g_autofree char *items = NULL;
  g_autofree char *short_text = NULL;
  GString *summary;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(HpPackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      standard += hp_pack_row_get_per_standard (row);
      under18 += hp_pack_row_get_per_under18 (row);
      if (hp_pack_row_get_received (row) < hp_pack_row_get_needed (row))
        short_items++;
    }

  summary = g_string_new (NULL);
  /* Translators: the footer of the pack contents; %s is a number of items */
  items = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n_rows), n_rows);
  g_string_append (summary, items);
  g_string_append (summary, " · ");
  /* Translators: the footer; the pieces in one standard and one under-18 pack */
  g_string_append_printf (summary, _("%u pieces per standard pack, %u per under-18 pack"), standard, under18);
  if (short_items > 0)
    {
      g_string_append (summary, " · ");
      /* Translators: the footer; items of which less was received than is needed */
      short_text = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s item short", "%s items short",
                                                   short_items),
                                      short_items);
      g_string_append (summary, short_text);
    }

  gtk_label_set_label (self->summary_label, summary->str);
  g_string_free (summary, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

/**
 * _hp_pack_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected line
 */
HpPackRow *
_hp_pack_page_get_selected (HpPackPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * _hp_pack_page_select_item:
 *
 * Selects the line of @item_id.
 *
 * Returns: %TRUE if the item is in the pack.
 */
gboolean
_hp_pack_page_select_item (HpPackPage *self,
                           gint64      item_id)
{
  GListModel *rows = G_LIST_MODEL (self->rows);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HpPackRow) row = g_list_model_get_item (rows, i);

      if (hp_pack_row_get_item_id (row) != item_id)
        continue;

      if (i >= g_list_model_get_n_items (G_LIST_MODEL (self->reveal)))
        hp_reveal_model_finish (self->reveal);
      gtk_single_selection_set_selected (self->selection, i);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
        gtk_widget_activate_action (gtk_widget_get_last_child (GTK_WIDGET (self->column_view)),
                                    "list.scroll-to-item", "u", i);
      return TRUE;
    }

  return FALSE;
}

static void
selection_changed_cb (HpPackPage *self)
{
  _hp_pack_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ADULT_ONLY]);
}

/* ------------------------------------------------------------------------ */
/* The row menu (the cells are made in hp-pack-page-cells.c)                 */

static void
row_right_clicked_cb (HpPackPage      *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  GtkListItem *list_item = NULL;
  double page_x, page_y;

  for (GtkWidget *w = picked; w != NULL && w != view && list_item == NULL; w = gtk_widget_get_parent (w))
    list_item = g_object_get_data (G_OBJECT (w), "hp-list-item");

  if (list_item == NULL || gtk_list_item_get_position (list_item) == GTK_INVALID_LIST_POSITION)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));

  gtk_widget_translate_coordinates (view, GTK_WIDGET (self), x, y, &page_x, &page_y);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) page_x, (int) page_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
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
  GListModel  *lines;
  GListModel  *items;
  HpPlanInput *input;
  HpPlan      *plan;
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

  g_clear_object (&result->lines);
  g_clear_object (&result->items);
  g_clear_pointer (&result->plan, hp_plan_free);
  g_clear_pointer (&result->input, hp_plan_input_free);
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

  if ((result->lines = hp_store_list_recipe (load->store, load->campaign_id, &error)) == NULL ||
      (result->items = hp_store_list_items (load->store, load->campaign_id, &error)) == NULL ||
      (result->input = hp_plan_input_load (load->store, load->campaign_id, &error)) == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      load_result_free (result);
      return;
    }

  result->plan = hp_plan_compute (result->input);
  g_task_return_pointer (task, result, load_result_free);
}

static gint64
needed_of (const LoadResult *result,
           gint64            item_id)
{
  for (guint i = 0; i < result->input->n_items; i++)
    if (result->input->items[i].item_id == item_id)
      return result->plan->items[i].needed;

  return -1;
}

/* The rows stay when the lines are the same items in the same order: then
 * only their figures change. */
static void
show_lines (HpPackPage *self,
            LoadResult *result)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  guint n_lines = g_list_model_get_n_items (result->lines);
  guint n_items = g_list_model_get_n_items (result->items);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  HpPackRow *selected = _hp_pack_page_get_selected (self);
  gint64 keep_id = self->keep_item_id ? self->keep_item_id
                                      : (selected ? hp_pack_row_get_item_id (selected) : 0);
  gboolean same = TRUE;

  self->keep_item_id = 0;

  for (guint i = 0; i < n_items; i++)
    {
      HpItem *item = g_list_model_get_item (result->items, i);

      gint64 *id = g_new (gint64, 1);

      /* the list keeps the item alive */
      g_object_unref (item);
      *id = hp_item_get_id (item);
      g_hash_table_insert (items, id, item);
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (result->lines, i);
      gint64 item_id = hp_recipe_item_get_item_id (line);
      HpItem *item = g_hash_table_lookup (items, &item_id);

      /* written meanwhile between the two reads: the next load has it */
      if (item != NULL)
        g_ptr_array_add (found, item);
    }

  if (found->len != n_rows)
    same = FALSE;
  for (guint i = 0; same && i < found->len; i++)
    {
      g_autoptr(HpPackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      same = hp_pack_row_get_item_id (row) == hp_item_get_id (g_ptr_array_index (found, i));
    }

  if (same)
    {
      for (guint i = 0; i < found->len; i++)
        {
          g_autoptr(HpPackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
          HpItem *item = g_ptr_array_index (found, i);

          hp_pack_row_update (row, item, i, needed_of (result, hp_item_get_id (item)));
        }
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < found->len; i++)
        {
          HpItem *item = g_ptr_array_index (found, i);

          g_ptr_array_add (rows, hp_pack_row_new (item, i, needed_of (result, hp_item_get_id (item))));
        }
      g_list_store_splice (self->rows, 0, n_rows, rows->pdata, rows->len);
    }

  g_set_object (&self->items, result->items);

  if (keep_id != 0)
    _hp_pack_page_select_item (self, keep_id);
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  HpPackPage *self = HP_PACK_PAGE (object);
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      /* a newer load (or none) took over */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->cancellable);
      g_list_store_remove_all (self->rows);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_loading (self, FALSE);
      _hp_pack_page_update_actions (self);
      return;
    }

  g_clear_object (&self->cancellable);
  show_lines (self, result);
  load_result_free (result);
  self->n_loaded++;
  self->loaded_campaign_id = ((LoadData *) g_task_get_task_data (G_TASK (res)))->campaign_id;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    show_empty (self,
                _("The Pack Is Empty"),
                _("Add the items that go into every pack, in packing order, with the pieces of each per pack. "
                  "Items for adults only (18+) stay out of the under-18 pack."),
                _("_Add Item…"), "page.add");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  update_summary (self);
  set_loading (self, FALSE);
  _hp_pack_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ADULT_ONLY]);

  /* loaded behind another tab: measured now, not in the frame that shows it */
  hp_page_warm_soon (GTK_WIDGET (self), &self->warm_source);
}

static void
start_load (HpPackPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->campaign == NULL)
    {
      self->dirty = FALSE;
      self->loaded_campaign_id = 0;
      g_list_store_remove_all (self->rows);
      g_clear_object (&self->items);
      show_empty (self,
                  _("Create a Campaign First"),
                  _("The pack contents belong to a campaign, such as “Heimvorteil2GO 2027”. "
                    "Create the campaign, then set here what goes into its packs."),
                  _("_New Campaign…"), "win.new-campaign");
      set_loading (self, FALSE);
      _hp_pack_page_update_actions (self);
      return;
    }

  /* A campaign's lines are read at once, also behind another tab, so that
   * the tab opens on them; after a change, a hidden page reads again when
   * it is shown, and shows the old lines until then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      self->loaded_campaign_id == hp_campaign_get_id (self->campaign))
    {
      self->dirty = TRUE;
      set_loading (self, FALSE);
      return;
    }

  self->dirty = FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (self->store);
  load->campaign_id = hp_campaign_get_id (self->campaign);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_name (task, "[hp] pack contents");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  HpPackPage *self = HP_PACK_PAGE (user_data);

  self->reload_source = 0;
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HpPackPage     *self,
                  HpStoreChanges  changes,
                  HpStore        *store)
{
  /* the figures needed depend on schools and graduates too; a burst of
   * writes reads once */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (HP_PACK_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* HpPage                                                                    */

static void
hp_pack_page_page_reload (HpPage *page)
{
  start_load (HP_PACK_PAGE (page));
}

static void
hp_pack_page_page_init (HpPageInterface *iface)
{
  iface->reload = hp_pack_page_page_reload;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_pack_page_new:
 * @store: the store
 * @campaign: (nullable): the campaign whose pack contents to show
 */
GtkWidget *
hp_pack_page_new (HpStore    *store,
                  HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (!campaign || HP_IS_CAMPAIGN (campaign), NULL);

  return g_object_new (HP_TYPE_PACK_PAGE,
                       "store", store,
                       "campaign", campaign,
                       NULL);
}

static void
set_campaign (HpPackPage *self,
              HpCampaign *campaign)
{
  if (!g_set_object (&self->campaign, campaign))
    return;

  /* another campaign's lines must not stay, nor be undone into this one */
  _hp_pack_page_forget_removal (self);
  g_list_store_remove_all (self->rows);

  /* during construction, constructed() takes over */
  if (self->store != NULL)
    start_load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-pack-page-private.h)                                        */

GListModel *
_hp_pack_page_get_rows (HpPackPage *self)
{
  return G_LIST_MODEL (self->rows);
}

GtkStack *
_hp_pack_page_get_stack (HpPackPage *self)
{
  return self->stack;
}

GtkActionBar *
_hp_pack_page_get_action_bar (HpPackPage *self)
{
  return self->action_bar;
}

AdwStatusPage *
_hp_pack_page_get_empty_page (HpPackPage *self)
{
  return self->empty_page;
}

GtkColumnView *
_hp_pack_page_get_column_view (HpPackPage *self)
{
  return self->column_view;
}

GtkLabel *
_hp_pack_page_get_summary_label (HpPackPage *self)
{
  return self->summary_label;
}

guint
_hp_pack_page_get_n_loaded (HpPackPage *self)
{
  return self->n_loaded;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_pack_page_map (GtkWidget *widget)
{
  HpPackPage *self = HP_PACK_PAGE (widget);

  GTK_WIDGET_CLASS (hp_pack_page_parent_class)->map (widget);

  if (self->dirty && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
hp_pack_page_constructed (GObject *object)
{
  HpPackPage *self = HP_PACK_PAGE (object);

  G_OBJECT_CLASS (hp_pack_page_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start_load (self);
  _hp_pack_page_update_actions (self);
}

static void
hp_pack_page_dispose (GObject *object)
{
  HpPackPage *self = HP_PACK_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _hp_pack_page_dispose_actions (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HP_TYPE_PACK_PAGE);
  /* the template's root box has no name of its own */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->reveal);
  g_clear_object (&self->rows);
  g_clear_object (&self->items);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_pack_page_parent_class)->dispose (object);
}

static void
hp_pack_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HpPackPage *self = HP_PACK_PAGE (object);
  HpPackRow *selected;

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
    case PROP_SELECTED_ADULT_ONLY:
      selected = self->selection ? _hp_pack_page_get_selected (self) : NULL;
      g_value_set_boolean (value, selected && hp_pack_row_get_adult_only (selected));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_pack_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HpPackPage *self = HP_PACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      set_campaign (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ADULT_ONLY:
      _hp_pack_page_set_adult_only (self, g_value_get_boolean (value));
      /* the action's check box shows what the store holds */
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_pack_page_class_init (HpPackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hp_pack_page_constructed;
  object_class->dispose = hp_pack_page_dispose;
  object_class->get_property = hp_pack_page_get_property;
  object_class->set_property = hp_pack_page_set_property;

  widget_class->map = hp_pack_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HpPackPage:selected-adult-only:
   *
   * Whether the selected line's item is for adults only (18+); setting it
   * marks the item in the store. Behind the check box "page.adult-only".
   */
  properties[PROP_SELECTED_ADULT_ONLY] =
    g_param_spec_boolean ("selected-adult-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-pack-page.ui");
  g_type_ensure (HP_TYPE_SIZE_BOUNDARY);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, standard_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, under18_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, sponsors_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, needed_column);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, HpPackPage, row_popover);
  gtk_widget_class_bind_template_callback (widget_class, row_right_clicked_cb);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  _hp_pack_page_class_init_actions (widget_class);
}

/* The bar's buttons act on the lines: an empty state, an error or the
 * first load has a button of its own or none, as on the table pages. */
static void
stack_child_cb (HpPackPage *self)
{
  gtk_action_bar_set_revealed (self->action_bar,
                               g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0);
}

static void
hp_pack_page_init (HpPackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (stack_child_cb), self,
                           G_CONNECT_SWAPPED);
  stack_child_cb (self);

  self->rows = g_list_store_new (HP_TYPE_PACK_ROW);
  /* a pack line's row has spin buttons and a bar: some 2 ms each to make */
  self->reveal = hp_reveal_model_new (G_LIST_MODEL (self->rows));
  hp_reveal_model_start (self->reveal, GTK_WIDGET (self->column_view), hp_reveal_step (7));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->reveal)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  _hp_pack_page_set_up_columns (self);
}
