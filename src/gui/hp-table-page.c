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
 * The loader packs the items into compact rows in its worker
 * (hp-row-table.h). The view shows all rows, or the result of a query made
 * in a worker thread (search, the page's narrowing, the sorted column;
 * swapped in as one change) → HpRowModel (rows that stay while what they
 * show changes, so that GTK 4.8 does not rebuild every row for each
 * result) → GtkSingleSelection. An item is made again only for the
 * selected row (HpTablePageClass.load_item), unless the page's rows keep
 * their items.
 *
 * Searching and the view state live in hp-table-page-search.c; adding,
 * editing, deleting with undo and the row menu in hp-table-page-actions.c.
 * Subclasses only describe their table and editor (HpTablePageClass) and may
 * add widgets to the header (`<child type="header">`) and footer
 * (`<child type="footer">`) from their template.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <malloc.h>

#include <glib/gi18n.h>

#include "hp-column-widths.h"
#include "hp-page.h"
#include "hp-size-boundary.h"
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

HpTablePagePrivate *
_hp_table_page_get_priv (HpTablePage *self)
{
  return hp_table_page_get_instance_private (self);
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

/* The view's rows are HpRows over packed rows (see hp-row-model.c). */
static HpRow *
selected_row (HpTablePagePrivate *priv)
{
  return priv->selection ? gtk_single_selection_get_selected_item (priv->selection) : NULL;
}

static void
selected_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpRow *row = selected_row (priv);

  /* while the rows change, the selected item is the one before the change
   * (_hp_table_page_show_rows() moves the selection after it) */
  if (!priv->rows_changing)
    priv->selected_id = row != NULL && hp_row_get_packed (row) != NULL ? hp_row_get_packed (row)->id : 0;
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

/* Worker thread: packs a batch of items into the load's pool. */
static GPtrArray *
pack_batch (GPtrArray *items,
            gpointer   user_data)
{
  HpRowPool *pool = user_data;
  GPtrArray *rows = g_ptr_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, hp_row_pool_pack (pool, g_ptr_array_index (items, i)));
  /* the items go here, in the worker, unless the rows keep them */
  g_ptr_array_unref (items);

  return rows;
}

static void
batch_ready_cb (GPtrArray *batch,
                gpointer   user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  /* a reload keeps the old rows on screen until the new ones are all in */
  if (!priv->progressive)
    {
      g_ptr_array_extend (priv->pending, batch, NULL, NULL);
      return;
    }

  g_ptr_array_extend (priv->all, batch, NULL, NULL);
  /* a search, narrowing or sort shows the rows once all are in */
  if (!_hp_table_page_get_query_active (self))
    {
      guint old_n = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));

      hp_row_model_append (priv->rows, priv->pool, batch);
      if (priv->items_view != NULL)
        g_list_model_items_changed (priv->items_view, old_n, 0, batch->len);
    }
  _hp_table_page_update_view (self);
}

/* how long a page behind another tab waits before it reads again */
#define HIDDEN_RELOAD_DELAY_MS 300

static gboolean reload_idle_cb (gpointer user_data);

/* The column view gets its model when it is shown: the rows it creates for
 * a model (about 200 with all their cells in GTK 4.8, some 10 MB) would
 * cost every page a long stall while the window opens, and they come a
 * few per frame (hp-reveal-model.c). A reload put off behind another tab
 * starts now. */
static void
column_view_mapped_cb (HpTablePage   *self,
                       GtkColumnView *column_view)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  /* a few rows' widgets per frame; or back from where hiding
   * them got to (see below); a view that kept its rows shows them */
  if (gtk_column_view_get_model (column_view) == NULL || priv->hiding_rows)
    hp_reveal_model_start (priv->reveal, GTK_WIDGET (column_view),
                           hp_reveal_step (HP_TABLE_PAGE_GET_CLASS (self)->n_columns));
  priv->hiding_rows = FALSE;
  if (gtk_column_view_get_model (column_view) == NULL)
    gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (priv->selection));

  if (priv->reload_source != 0 && priv->reload_delayed)
    {
      g_source_remove (priv->reload_source);
      priv->reload_delayed = FALSE;
      priv->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
    }
}

static void
rows_hidden_cb (gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  priv->hiding_rows = FALSE;
  gtk_column_view_set_model (priv->column_view, NULL);
}

/* A page left at its top with nothing selected gives its rows' widgets
 * back when it is hidden; it shows the same when it comes back. A page
 * the user scrolled or selected in keeps them, and comes back as it was
 * left, without making 200 rows again at once. */
static void
column_view_unmapped_cb (HpTablePage   *self,
                         GtkColumnView *column_view)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled_window);

  if (gtk_adjustment_get_value (vadjustment) > 0.0 ||
      gtk_single_selection_get_selected (priv->selection) != GTK_INVALID_LIST_POSITION)
    return;

  /* letting go of 200 rows at once would stall as long as making them */
  priv->hiding_rows = TRUE;
  hp_reveal_model_hide (priv->reveal, rows_hidden_cb, self);
}

/**
 * _hp_table_page_select_position:
 * @position: a position of the page's rows, or %GTK_INVALID_LIST_POSITION
 *
 * Selects the row at @position, revealing all rows first if the view
 * does not show it yet (hp-reveal-model.c).
 */
void
_hp_table_page_select_position (HpTablePage *self,
                                guint        position)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (G_LIST_MODEL (priv->reveal)))
    hp_reveal_model_finish (priv->reveal);
  gtk_single_selection_set_selected (priv->selection, position);
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
  guint position = hp_row_model_find_id (priv->rows, id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  _hp_table_page_select_position (self, position);
  if (gtk_column_view_get_model (priv->column_view) != NULL)
    gtk_widget_activate_action (gtk_widget_get_last_child (GTK_WIDGET (priv->column_view)),
                                "list.scroll-to-item", "u", position);
  return TRUE;
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
trim_memory (gpointer unused)
{
  malloc_trim (0);
}

static void
show_loaded_rows (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  if (_hp_table_page_get_query_active (self))
    {
      /* the old results stay until the new ones are ready */
      priv->restore_after_search = TRUE;
      _hp_table_page_refilter (self);
      _hp_table_page_update_actions (self);
      return;
    }

  _hp_table_page_refilter (self);
  _hp_table_page_update_actions (self);
  _hp_table_page_restore_position (self);
}

static gboolean
row_changed_idle_cb (gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  priv->row_changed_source = 0;
  show_loaded_rows (self);

  return G_SOURCE_REMOVE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  /* Cancelled by a newer load or by dispose: that one owns the page now. */
  if (!hp_list_load_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_ptr_array_set_size (priv->pending, 0);
      g_clear_pointer (&priv->pending_pool, hp_row_pool_unref);
      priv->failed = TRUE;
      adw_status_page_set_description (priv->error_page, escaped);
      set_loading (self, FALSE);
      _hp_table_page_update_view (self);
      return;
    }

  if (!priv->progressive)
    {
      /* the old rows go in a worker (see _hp_table_page_release()) */
      _hp_table_page_release (g_steal_pointer (&priv->all), (GDestroyNotify) g_ptr_array_unref);
      _hp_table_page_release (g_steal_pointer (&priv->pool), (GDestroyNotify) hp_row_pool_unref);
      priv->all = g_steal_pointer (&priv->pending);
      priv->pool = g_steal_pointer (&priv->pending_pool);
      priv->pending = g_ptr_array_new ();
    }

  set_loading (self, FALSE);
  /* after the old rows went, in the same worker: reading a national list
   * makes and frees 350,000 objects in the loader's thread, whose free
   * memory glibc would otherwise keep */
  _hp_table_page_release (GUINT_TO_POINTER (1), trim_memory);

  show_loaded_rows (self);
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
  HpRowPool *pool;
  GObject *selected;
  gint64 campaign_id;

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  g_clear_handle_id (&priv->row_changed_source, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  g_ptr_array_set_size (priv->pending, 0);
  g_clear_pointer (&priv->pending_pool, hp_row_pool_unref);
  priv->failed = FALSE;
  priv->restore_after_search = FALSE;
  priv->removed_id = 0;

  selected = hp_table_page_get_selected (self);
  if (priv->keep_id == 0 && selected != NULL)
    priv->keep_id = _hp_table_page_get_item_id (selected);
  priv->keep_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window));

  campaign_id = hp_table_page_get_campaign_id (self);
  pool = hp_row_pool_new (klass->row_layout);
  priv->progressive = priv->all->len == 0;
  if (priv->progressive)
    {
      /* nothing on screen: the rows show as they come */
      g_clear_pointer (&priv->pool, hp_row_pool_unref);
      priv->pool = hp_row_pool_ref (pool);
    }
  else
    {
      priv->pending_pool = hp_row_pool_ref (pool);
    }
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
                      pack_batch,
                      pool,
                      (GDestroyNotify) hp_row_pool_unref,
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

/* The position of @id in @rows, or -1. */
static gint64
find_packed (GPtrArray *rows,
             gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((HpPackedRow *) g_ptr_array_index (rows, i))->id == id)
      return i;
  return -1;
}

/*
 * A single record saved, removed or put back changes its row alone: no
 * reload of 350,000 graduates (1.5-2.5 s, and a second set of rows in
 * memory while it runs); the edit shows at once, or as soon as the search
 * and sort of the page ran again in their worker. The rows of a running
 * search stay as they are: the page works on a copy then (350,000 rows'
 * pointers are 2.8 MB: not copied when nobody else reads them).
 *
 * Returns: %FALSE if the page must load again instead (it keeps items,
 *   is loading, or a new record's place in the store's order is unknown).
 */
static gboolean
change_row (HpTablePage      *self,
            HpStoreRowChange  change,
            gint64            id)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gboolean belongs = FALSE;
  gint64 index;

  if (klass->load_item == NULL || klass->get_campaign_id == NULL || priv->loading ||
      priv->reload_source != 0 || priv->failed || priv->pool == NULL)
    return FALSE;

  if (change != HP_STORE_ROW_REMOVED)
    {
      g_autoptr(GError) error = NULL;

      item = klass->load_item (priv->store, id, &error);
      if (item == NULL)
        return FALSE;
      belongs = klass->get_campaign_id (item) == hp_table_page_get_campaign_id (self);
    }

  index = find_packed (priv->all, id);
  /* a running search reads the rows in its worker: it keeps its own */
  all = priv->search_cancellable != NULL ? g_ptr_array_copy (priv->all, NULL, NULL)
                                         : g_ptr_array_ref (priv->all);
  if (belongs && index >= 0)
    {
      g_ptr_array_index (all, index) = hp_row_pool_pack (priv->pool, item);
    }
  else if (belongs)
    {
      /* an undo puts the row back where it was; a new record's place in
       * the store's order is the store's to say */
      if (id != priv->removed_id)
        return FALSE;
      g_ptr_array_insert (all, MIN (priv->removed_index, all->len), hp_row_pool_pack (priv->pool, item));
      priv->removed_id = 0;
    }
  else if (index >= 0)
    {
      g_ptr_array_remove_index (all, index);
      priv->removed_id = id;
      priv->removed_index = index;
    }
  else
    {
      /* neither was nor is on this page (another campaign's) */
      return TRUE;
    }

  g_ptr_array_unref (priv->all);
  priv->all = g_steal_pointer (&all);

  /* shown as after a reload, once the writer said which row to select */
  if (priv->keep_id == 0 && hp_table_page_get_selected (self) != NULL)
    priv->keep_id = _hp_table_page_get_item_id (hp_table_page_get_selected (self));
  priv->keep_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window));
  if (priv->row_changed_source == 0)
    priv->row_changed_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, row_changed_idle_cb, self, NULL);

  return TRUE;
}

static void
store_changed_cb (HpTablePage    *self,
                  HpStoreChanges  changes,
                  HpStore        *store)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  HpStoreRowChange change;
  gint64 id = 0;

  if ((changes & klass->reload_on) == 0)
    return;

  /* one record of the page's own kind, and nothing else it shows */
  if ((changes & klass->reload_on) == HP_STORE_CHANGED (klass->kind) &&
      (change = hp_store_get_changed_row (store, klass->kind, &id)) != HP_STORE_ROW_UNKNOWN &&
      change_row (self, change, id))
    return;

  /* One reload for a burst of writes (an import, a multi-row save). A page
   * behind another tab reads a moment later, so that taking its new rows
   * is not in the frame that shows the change where the user made it (a
   * deleted graduate changes the schools' counts); it reads at once when
   * it shows. */
  if (priv->reload_source != 0)
    return;
  priv->reload_delayed = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (priv->reload_delayed)
    priv->reload_source = g_timeout_add_full (G_PRIORITY_DEFAULT, HIDDEN_RELOAD_DELAY_MS, reload_idle_cb, self, NULL);
  else
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
  if (priv->rows != NULL)
    {
      /* another campaign's rows must not stay on screen while loading */
      _hp_table_page_cancel_search (self);
      _hp_table_page_release (g_steal_pointer (&priv->all), (GDestroyNotify) g_ptr_array_unref);
      priv->all = g_ptr_array_new ();
      _hp_table_page_show_rows (self, priv->pool, g_ptr_array_new ());
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

  HpRow *row;

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  row = selected_row (priv);
  return row != NULL ? hp_row_get_item (row) : NULL;
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

/* The rows' items, for tests and benchmarks: a model that makes the item
 * of each row asked for, and hears of every change of the rows. */

#define HP_TYPE_ITEMS_VIEW (hp_items_view_get_type ())
G_DECLARE_FINAL_TYPE (HpItemsView, hp_items_view, HP, ITEMS_VIEW, GObject)

struct _HpItemsView
{
  GObject     parent_instance;

  HpRowModel *rows;     /* unowned: the page owns both */
};

static GType
hp_items_view_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
hp_items_view_get_n_items (GListModel *list)
{
  HpItemsView *self = HP_ITEMS_VIEW (list);

  return self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
}

static gpointer
hp_items_view_get_item (GListModel *list,
                        guint       position)
{
  HpItemsView *self = HP_ITEMS_VIEW (list);
  g_autoptr(HpRow) row = self->rows ? g_list_model_get_item (G_LIST_MODEL (self->rows), position) : NULL;
  GObject *item = row ? hp_row_get_item (row) : NULL;

  return item ? g_object_ref (item) : NULL;
}

static void
hp_items_view_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hp_items_view_get_item_type;
  iface->get_n_items = hp_items_view_get_n_items;
  iface->get_item = hp_items_view_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HpItemsView, hp_items_view, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hp_items_view_iface_init))

static void
hp_items_view_class_init (HpItemsViewClass *klass)
{
}

static void
hp_items_view_init (HpItemsView *self)
{
}

/**
 * _hp_table_page_get_model:
 *
 * Returns: (transfer none): the items of the rows shown, in order (made
 *   when asked for: for tests and benchmarks)
 */
GListModel *
_hp_table_page_get_model (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (priv->items_view == NULL)
    {
      HpItemsView *view = g_object_new (HP_TYPE_ITEMS_VIEW, NULL);

      view->rows = priv->rows;
      priv->items_view = G_LIST_MODEL (view);
    }

  return priv->items_view;
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

/**
 * _hp_table_page_add_empty_action:
 * @label: the button's label, with a mnemonic
 * @action_name: its action, e.g. "win.import-schools"
 *
 * Adds a second button under the empty state's add button, e.g. to import
 * a list: the action bar with its "Import…" shows only once there are rows.
 *
 * Returns: (transfer none) (nullable): the button, or %NULL if the empty
 *   state has no add button
 */
GtkWidget *
_hp_table_page_add_empty_action (HpTablePage *self,
                                 const char  *label,
                                 const char  *action_name)
{
  AdwStatusPage *empty_page = _hp_table_page_get_priv (self)->empty_page;
  g_autoptr(GtkWidget) add_button = NULL;
  GtkWidget *button;
  GtkWidget *box;

  if (!GTK_IS_BUTTON (adw_status_page_get_child (empty_page)))
    return NULL;

  add_button = g_object_ref (adw_status_page_get_child (empty_page));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  adw_status_page_set_child (empty_page, box);
  gtk_box_append (GTK_BOX (box), add_button);

  button = gtk_button_new_with_mnemonic (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (box), button);

  return button;
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
 * Returns: %TRUE while the page loads, is about to reload, filters, still
 *   reveals its rows or tells them what they show, or runs a side task.
 */
gboolean
_hp_table_page_get_busy (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return priv->loading || priv->reload_source != 0 || priv->row_changed_source != 0 || _hp_table_page_get_filtering (self) ||
         /* a hidden view reveals no more until it shows again */
         (hp_reveal_model_get_revealing (priv->reveal) && gtk_widget_get_mapped (GTK_WIDGET (priv->column_view))) ||
         priv->n_side_tasks > 0 || hp_row_model_get_telling (priv->rows);
}

/**
 * _hp_table_page_begin_side_task:
 *
 * A subclass says that it reads something in a worker (which holds the
 * page and the store until it is done): the page is busy until the
 * matching _hp_table_page_end_side_task().
 */
void
_hp_table_page_begin_side_task (HpTablePage *self)
{
  _hp_table_page_get_priv (self)->n_side_tasks++;
}

void
_hp_table_page_end_side_task (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  g_return_if_fail (priv->n_side_tasks > 0);
  priv->n_side_tasks--;
}

/* ------------------------------------------------------------------------ */
/* Items                                                                     */

/* Makes the item of a row that does not keep it (HpRowModel asks). */
static GObject *
materialize_item (gint64   id,
                  gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  GObject *item;

  if (klass->load_item == NULL || priv->store == NULL)
    return NULL;

  item = klass->load_item (priv->store, id, &error);
  /* gone since the list was read: the reload that follows drops the row */
  if (item == NULL && !g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    g_warning ("Could not read item %" G_GINT64_FORMAT ": %s", id, error->message);

  return item;
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

  G_OBJECT_CLASS (hp_table_page_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (priv->store));
  g_assert (klass->load_items != NULL && klass->format_count != NULL && klass->save_item != NULL);

  hp_columns_append (priv->column_view, klass->item_type, klass->columns, klass->n_columns);
  hp_column_widths_attach (priv->column_view);

  if (klass->row_layout == NULL)
    {
      /* classes live as long as the program */
      HpRowLayout *layout = g_new0 (HpRowLayout, 1);

      layout->columns = klass->columns;
      layout->n_columns = klass->n_columns;
      layout->keep_items = klass->load_item == NULL;
      layout->get_narrow_key = klass->get_narrow_key;
      klass->row_layout = layout;
    }

  priv->all = g_ptr_array_new ();
  priv->pool = hp_row_pool_new (klass->row_layout);
  priv->sort_column = -1;
  priv->rows = hp_row_model_new ();
  hp_row_model_set_materialize (priv->rows, materialize_item, self);
  priv->reveal = hp_reveal_model_new (G_LIST_MODEL (priv->rows));
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->reveal)));
  g_signal_connect_object (priv->selection, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);

  g_signal_connect_object (priv->column_view, "map", G_CALLBACK (column_view_mapped_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->column_view, "unmap", G_CALLBACK (column_view_unmapped_cb), self,
                           G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (priv->column_view)))
    gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));

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
  g_clear_handle_id (&priv->row_changed_source, g_source_remove);
  _hp_table_page_cancel_search (self);
  _hp_table_page_dispose_actions (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->selection);
  if (priv->items_view != NULL)
    HP_ITEMS_VIEW (priv->items_view)->rows = NULL;
  g_clear_object (&priv->items_view);
  g_clear_object (&priv->reveal);
  g_clear_object (&priv->rows);
  g_clear_pointer (&priv->pool, hp_row_pool_unref);
  g_clear_pointer (&priv->pending_pool, hp_row_pool_unref);
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
  g_clear_pointer (&priv->all, g_ptr_array_unref);

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
  g_type_ensure (HP_TYPE_SIZE_BOUNDARY);
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

  priv->pending = g_ptr_array_new ();
  priv->expected = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}
