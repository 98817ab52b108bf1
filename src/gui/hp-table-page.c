/* hp-table-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpTablePage is the frame shared by the list pages of the main window. It
 * loads the items of its store and campaign in a worker thread, in batches
 * (the first rows show at once, the footer counts while the rest comes),
 * then shows an empty state that says what to do next, an error with "Try
 * Again", or a column view. The store's "changed" signal makes it load
 * again, once per burst, keeping the selected row.
 *
 * The view shows items, or the result of a search made in a worker thread
 * (swapped in as one change), → GtkSortListModel (column headers) →
 * HpRowModel (rows that stay while what they show changes, so that GTK 4.8
 * does not rebuild every row for each result) → GtkSingleSelection.
 *
 * Searching and the view state live in hp-table-page-search.c; adding,
 * editing, deleting with undo and the row menu in hp-table-page-actions.c.
 * Subclasses only describe their table and editor (HpTablePageClass) and may
 * add widgets to the header (`<child type="header">`) and footer
 * (`<child type="footer">`) from their template.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-page.h"
#include "hp-table-page-private.h"

static void hp_table_page_buildable_init (GtkBuildableIface *iface);
static void hp_table_page_page_init      (HpPageInterface   *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (HpTablePage, hp_table_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (HpTablePage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                         hp_table_page_buildable_init)
                                  G_IMPLEMENT_INTERFACE (HP_TYPE_PAGE,
                                                         hp_table_page_page_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_LOADING,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_ADD_LABEL,
  PROP_EXTRA_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A long list sorts in idle steps, so that a click on a column header
 * never freezes the window; a short one sorts at once. */
#define INCREMENTAL_SORT_FROM 20000

HpTablePagePrivate *
_hp_table_page_get_priv (HpTablePage *self)
{
  return hp_table_page_get_instance_private (self);
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

/* The view's rows are HpRows over the sorted items (see hp-row-model.c). */
static GObject *
selected_item (HpTablePagePrivate *priv)
{
  HpRow *row = priv->selection ? gtk_single_selection_get_selected_item (priv->selection) : NULL;

  return row != NULL ? hp_row_get_item (row) : NULL;
}

/* A selection follows its item through a change of a list up to this
 * long; in a longer one, looking for it would stall the window. */
#define FOLLOW_SELECTION_UP_TO 20000

static void
selected_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  /* while the rows change, the selected item is the one before the change */
  if (!priv->rows_changing)
    g_set_object (&priv->selected_item, selected_item (priv));
}

/* Runs before the rows follow a change of the sorted items... */
static void
sorted_changing_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  priv->rows_changing = TRUE;
}

/* ...and this after them. The selected row may show another item now (the
 * rows stay while their items change): the selection moves to the row of
 * the item that was selected, or goes if that is no longer shown. */
static void
sorted_changed_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  GListModel *sorted = G_LIST_MODEL (priv->sorted);
  guint n_items, position = GTK_INVALID_LIST_POSITION;

  priv->rows_changing = FALSE;
  /* (the sort model may still change while the page is disposed) */
  if (sorted == NULL || priv->selection == NULL || selected_item (priv) == priv->selected_item)
    return;

  n_items = g_list_model_get_n_items (sorted);
  if (priv->selected_item != NULL && n_items <= FOLLOW_SELECTION_UP_TO)
    {
      for (guint i = 0; i < n_items && position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (sorted, i);

          if (item == priv->selected_item)
            position = i;
        }
    }

  gtk_single_selection_set_selected (priv->selection, position);
  g_set_object (&priv->selected_item, selected_item (priv));
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static void
set_loading (HpTablePage *self,
             gboolean     loading)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  if (priv->loading == !!loading)
    return;

  priv->loading = !!loading;
  gtk_spinner_set_spinning (priv->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
batch_ready_cb (GPtrArray *batch,
                gpointer   user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  /* the batch stays as it is: searches read it in their worker thread */
  g_ptr_array_add (priv->pending, g_ptr_array_ref (batch));

  /* a reload keeps the old rows on screen until the new ones are all in */
  if (!priv->progressive)
    return;

  g_ptr_array_add (priv->batches, g_ptr_array_ref (batch));
  g_list_store_splice (priv->items, g_list_model_get_n_items (G_LIST_MODEL (priv->items)), 0,
                       batch->pdata, batch->len);
  _hp_table_page_update_view (self);
}

/* The column view gets its model when it is first shown: the rows it
 * creates for a model (about 200 with all their cells in GTK 4.8) would
 * cost every page a long stall while the window opens. */
static void
column_view_mapped_cb (HpTablePage   *self,
                       GtkColumnView *column_view)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_signal_handlers_disconnect_by_func (column_view, column_view_mapped_cb, self);
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (priv->selection));
}

/**
 * _hp_table_page_select_id:
 *
 * Selects the row of the item with @id and scrolls to it.
 *
 * Returns: %TRUE if the row is shown.
 */
gboolean
_hp_table_page_select_id (HpTablePage *self,
                          gint64       id)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  GListModel *model = G_LIST_MODEL (priv->sorted);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (_hp_table_page_get_item_id (item) != id)
        continue;

      gtk_single_selection_set_selected (priv->selection, i);
      if (gtk_column_view_get_model (priv->column_view) != NULL)
        gtk_widget_activate_action (gtk_widget_get_last_child (GTK_WIDGET (priv->column_view)),
                                    "list.scroll-to-item", "u", i);
      return TRUE;
    }

  return FALSE;
}

/**
 * _hp_table_page_restore_position:
 *
 * After a reload (and the search that follows it): selects the row that
 * was selected before, or scrolls back to where the list was.
 */
void
_hp_table_page_restore_position (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled_window);
  gint64 id = priv->keep_id;

  priv->keep_id = 0;
  priv->restore_after_search = FALSE;
  if (id != 0 && _hp_table_page_select_id (self, id))
    return;

  gtk_adjustment_set_value (vadjustment, priv->keep_scroll);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  guint n_items;

  /* Cancelled by a newer load or by dispose: that one owns the page now. */
  if (!hp_list_load_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_ptr_array_set_size (priv->pending, 0);
      priv->failed = TRUE;
      adw_status_page_set_description (priv->error_page, escaped);
      set_loading (self, FALSE);
      _hp_table_page_update_view (self);
      return;
    }

  if (!priv->progressive)
    {
      g_autoptr(GListStore) items = g_list_store_new (HP_TABLE_PAGE_GET_CLASS (self)->item_type);

      /* one change for the view instead of removing and adding every row */
      for (guint i = 0; i < priv->pending->len; i++)
        {
          GPtrArray *batch = g_ptr_array_index (priv->pending, i);

          g_list_store_splice (items, g_list_model_get_n_items (G_LIST_MODEL (items)), 0,
                               batch->pdata, batch->len);
        }
      /* the old rows go in a worker (see _hp_table_page_release()) */
      _hp_table_page_release (g_steal_pointer (&priv->items), g_object_unref);
      priv->items = g_steal_pointer (&items);
      _hp_table_page_release (g_steal_pointer (&priv->batches), (GDestroyNotify) g_ptr_array_unref);
      priv->batches = g_ptr_array_ref (priv->pending);
    }
  g_ptr_array_unref (priv->pending);
  priv->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (priv->items));
  gtk_sort_list_model_set_incremental (priv->sorted, n_items >= INCREMENTAL_SORT_FROM);

  set_loading (self, FALSE);

  if (_hp_table_page_get_search_active (self))
    {
      /* the old results stay until the new ones are ready */
      priv->restore_after_search = TRUE;
      _hp_table_page_refilter (self, TRUE);
      _hp_table_page_update_actions (self);
      return;
    }

  _hp_table_page_show (self, NULL);
  _hp_table_page_update_view (self);
  _hp_table_page_update_actions (self);
  _hp_table_page_restore_position (self);
}

/**
 * hp_table_page_reload:
 *
 * Loads the items again from the store, in a worker thread. A load that is
 * still running is cancelled. The rows on screen stay until the new ones
 * are all in; an empty page shows them as they come.
 */
void
hp_table_page_reload (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  GObject *selected;
  gint64 campaign_id;

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  g_ptr_array_set_size (priv->pending, 0);
  priv->failed = FALSE;
  priv->restore_after_search = FALSE;

  selected = hp_table_page_get_selected (self);
  if (priv->keep_id == 0 && selected != NULL)
    priv->keep_id = _hp_table_page_get_item_id (selected);
  priv->keep_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window));

  campaign_id = hp_table_page_get_campaign_id (self);
  priv->progressive = g_list_model_get_n_items (G_LIST_MODEL (priv->items)) == 0;
  if (priv->progressive)
    g_ptr_array_set_size (priv->batches, 0);
  priv->expected = -1;
  if (priv->progressive && klass->count_items != NULL && (campaign_id != 0 || !klass->needs_campaign))
    priv->expected = klass->count_items (priv->store, campaign_id);

  set_loading (self, TRUE);
  _hp_table_page_update_view (self);

  /* holds a reference on the page until load_cb has run */
  hp_list_load_async (self,
                      priv->store,
                      campaign_id,
                      klass->load_items,
                      _hp_table_page_prepare_item,
                      klass,
                      batch_ready_cb,
                      priv->cancellable,
                      load_cb,
                      NULL);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  priv->reload_source = 0;
  hp_table_page_reload (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HpTablePage    *self,
                  HpStoreChanges  changes,
                  HpStore        *store)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  /* one reload for a burst of writes (an import, a multi-row save) */
  if ((changes & HP_TABLE_PAGE_GET_CLASS (self)->reload_on) && priv->reload_source == 0)
    priv->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hp_table_page_reload (HP_TABLE_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Properties                                                                */

HpStore *
hp_table_page_get_store (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  return priv->store;
}

HpCampaign *
hp_table_page_get_campaign (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  return priv->campaign;
}

/**
 * hp_table_page_get_campaign_id:
 *
 * Returns: the id of the page's campaign, or 0 without one.
 */
gint64
hp_table_page_get_campaign_id (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), 0);

  return priv->campaign ? hp_campaign_get_id (priv->campaign) : 0;
}

/**
 * hp_table_page_set_campaign:
 * @campaign: (nullable): the campaign whose figures to show
 *
 * Sets the campaign and reloads the page if it changed.
 */
void
hp_table_page_set_campaign (HpTablePage *self,
                            HpCampaign  *campaign)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&priv->campaign, campaign))
    return;

  /* before constructed(), the first load is still to come */
  if (priv->items != NULL)
    {
      /* another campaign's rows must not stay on screen while loading */
      _hp_table_page_cancel_search (self);
      _hp_table_page_release (g_steal_pointer (&priv->items), g_object_unref);
      priv->items = g_list_store_new (HP_TABLE_PAGE_GET_CLASS (self)->item_type);
      _hp_table_page_release (g_steal_pointer (&priv->batches), (GDestroyNotify) g_ptr_array_unref);
      priv->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      _hp_table_page_show (self, NULL);
      hp_table_page_reload (self);
      _hp_table_page_update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * hp_table_page_get_loading:
 *
 * Returns: %TRUE from hp_table_page_reload() until the last batch is in.
 */
gboolean
hp_table_page_get_loading (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), FALSE);

  return priv->loading;
}

/**
 * hp_table_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected item
 */
GObject *
hp_table_page_get_selected (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  return selected_item (priv);
}

static void
set_text_property (HpTablePage  *self,
                   char        **field,
                   guint         prop_id,
                   const char   *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  _hp_table_page_update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-table-page-private.h)                                       */

GListModel *
_hp_table_page_get_model (HpTablePage *self)
{
  return G_LIST_MODEL (_hp_table_page_get_priv (self)->sorted);
}

GtkColumnView *
_hp_table_page_get_column_view (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->column_view;
}

GtkStack *
_hp_table_page_get_stack (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->stack;
}

GtkLabel *
_hp_table_page_get_count_label (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->count_label;
}

AdwStatusPage *
_hp_table_page_get_empty_page (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->empty_page;
}

GtkSearchBar *
_hp_table_page_get_search_bar (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->search_bar;
}

GtkActionBar *
_hp_table_page_get_action_bar (HpTablePage *self)
{
  return _hp_table_page_get_priv (self)->action_bar;
}

/**
 * _hp_table_page_get_busy:
 *
 * Returns: %TRUE while the page loads, is about to reload or filters.
 */
gboolean
_hp_table_page_get_busy (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return priv->loading || priv->reload_source != 0 || _hp_table_page_get_filtering (self);
}

/* ------------------------------------------------------------------------ */
/* GtkBuildable: subclasses add to the header and the footer                 */

static void
hp_table_page_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (HP_TABLE_PAGE (buildable));

  if (g_strcmp0 (type, "header") == 0)
    {
      gtk_box_append (priv->header_box, GTK_WIDGET (child));
      gtk_widget_set_visible (GTK_WIDGET (priv->header_box), TRUE);
    }
  else if (g_strcmp0 (type, "footer") == 0)
    {
      gtk_box_prepend (priv->footer_end_box, GTK_WIDGET (child));
    }
  else
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
    }
}

static void
hp_table_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = hp_table_page_add_child;
}

/* ------------------------------------------------------------------------ */
/* HpPage: the store, campaign and loading properties are the page's own     */

static void
hp_table_page_page_reload (HpPage *page)
{
  hp_table_page_reload (HP_TABLE_PAGE (page));
}

static void
hp_table_page_page_init (HpPageInterface *iface)
{
  iface->reload = hp_table_page_page_reload;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_table_page_constructed (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  GtkSorter *sorter;

  G_OBJECT_CLASS (hp_table_page_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (priv->store));
  g_assert (klass->load_items != NULL && klass->format_count != NULL && klass->save_item != NULL);

  hp_columns_append (priv->column_view, klass->item_type, klass->columns, klass->n_columns);

  priv->items = g_list_store_new (klass->item_type);
  sorter = gtk_column_view_get_sorter (priv->column_view);
  priv->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->items)),
                                          g_object_ref (sorter));
  /* In this order: see sorted_changing_cb() and sorted_changed_cb(). */
  g_signal_connect_object (priv->sorted, "items-changed", G_CALLBACK (sorted_changing_cb), self,
                           G_CONNECT_SWAPPED);
  priv->rows = hp_row_model_new (G_LIST_MODEL (priv->sorted));
  g_signal_connect_object (priv->sorted, "items-changed", G_CALLBACK (sorted_changed_cb), self,
                           G_CONNECT_SWAPPED);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->rows)));
  g_signal_connect_object (priv->selection, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  if (gtk_widget_get_mapped (GTK_WIDGET (priv->column_view)))
    gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
  else
    g_signal_connect_object (priv->column_view, "map", G_CALLBACK (column_view_mapped_cb), self,
                             G_CONNECT_SWAPPED);

  _hp_table_page_init_search (self);
  _hp_table_page_init_actions (self);

  g_signal_connect_object (priv->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  hp_table_page_reload (self);
  _hp_table_page_update_actions (self);
}

static void
hp_table_page_dispose (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  GtkWidget *child;

  g_cancellable_cancel (priv->cancellable);
  g_clear_handle_id (&priv->reload_source, g_source_remove);
  _hp_table_page_cancel_search (self);
  _hp_table_page_dispose_actions (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->selected_item);
  g_clear_object (&priv->sorted);
  g_clear_object (&priv->items);
  g_clear_object (&priv->campaign);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (hp_table_page_parent_class)->dispose (object);
}

static void
hp_table_page_finalize (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  for (guint i = 0; i < G_N_ELEMENTS (priv->empty); i++)
    g_free (priv->empty[i]);
  g_free (priv->add_label);
  g_free (priv->query);
  g_strfreev (priv->terms);
  g_ptr_array_unref (priv->pending);
  g_ptr_array_unref (priv->batches);

  G_OBJECT_CLASS (hp_table_page_parent_class)->finalize (object);
}

static void
hp_table_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, priv->campaign);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, priv->empty[prop_id - PROP_EMPTY_ICON_NAME]);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, priv->add_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_table_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      hp_table_page_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      set_text_property (self, &priv->empty[prop_id - PROP_EMPTY_ICON_NAME], prop_id,
                         g_value_get_string (value));
      break;
    case PROP_ADD_LABEL:
      set_text_property (self, &priv->add_label, prop_id, g_value_get_string (value));
      adw_button_content_set_label (priv->add_button_content, priv->add_label ? priv->add_label : "");
      break;
    case PROP_EXTRA_MENU:
      if (g_value_get_object (value) != NULL)
        g_menu_append_section (priv->row_menu, NULL, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_table_page_class_init (HpTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = hp_table_page_constructed;
  object_class->dispose = hp_table_page_dispose;
  object_class->finalize = hp_table_page_finalize;
  object_class->get_property = hp_table_page_get_property;
  object_class->set_property = hp_table_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN, rw | G_PARAM_CONSTRUCT);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL, rw);
  /**
   * HpTablePage:add-label:
   *
   * The mnemonic label of the page's add buttons, e.g. "_Add Sponsor".
   */
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL, rw);
  /**
   * HpTablePage:extra-menu:
   *
   * A section the subclass adds to the row's context menu.
   */
  properties[PROP_EXTRA_MENU] =
    g_param_spec_object ("extra-menu", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hp-table-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, search_bar);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, header_box);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, empty_button);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, error_page);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, scrolled_window);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, action_bar);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, add_button_content);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, footer_end_box);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, row_menu);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, row_popover);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  _hp_table_page_class_init_actions (widget_class);
}

static void
hp_table_page_init (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  priv->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  priv->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  priv->expected = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}
