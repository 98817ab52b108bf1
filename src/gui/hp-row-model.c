/* hp-row-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view's model of a table page: packed rows (hp-row-table.h) in the
 * order the page's worker found and sorted them, as stable row objects.
 *
 * GTK 4.8's list and column views keep about 200 rows around the visible
 * ones, with a widget per cell. When the items at their positions are
 * removed, which is what a search result or a reload replacing the whole
 * list does, they throw all of those away and build new ones: about
 * 150 ms on the main loop for seven columns, for every keystroke. They keep
 * a row whose item stays the same object, though, and that is what this
 * model gives them: its item at position N is one HpRow for as long as
 * position N exists. When the rows change (hp_row_model_set_rows()), the
 * HpRows that exist (the ones the view holds) show another packed row
 * (HpRow:item changes) and the view only hears about a change of the
 * length, at the end of the list. Cells bind to the HpRow (hp-columns.c).
 *
 * Only the HpRows somebody holds exist; the model keeps no reference on
 * them, so memory does not grow with the length of the list. A row's item
 * is made only when asked for (hp_row_get_item()): the selected row's, the
 * editor's.
 */

#define G_LOG_DOMAIN "hp-row-model"

#include "config.h"

#include "hp-row-model.h"

struct _HpRow
{
  GObject            parent_instance;

  GHashTable        *owner;      /* unowned: the rows of its model; NULL once the row left it */
  HpRowModel        *model;      /* unowned: its model, if an HpRowModel; else NULL */
  guint              position;
  const HpPackedRow *packed;     /* NULL once the row left the model */
  HpRowPool         *pool;       /* owns @packed */
  GObject           *item;       /* @packed's item, once asked for */
  gboolean           stale;      /* @packed changed; its cells are not told yet */
};

struct _HpRowModel
{
  GObject            parent_instance;

  HpRowPool         *pool;
  GPtrArray         *rows;       /* of HpPackedRow, in @pool */
  GHashTable        *hp_rows;    /* position → HpRow, unowned: a row removes itself */
  HpMaterializeFunc  materialize;
  gpointer           materialize_data;
  guint              focus;      /* about where the view shows rows */
  GPtrArray         *stale;      /* HpRows to tell, nearest to @focus last */
  guint              stale_source;
};

/* How many rows' cells learn at once that they show another row; the rest
 * (GTK 4.8 keeps about 200) learn in idle turns, as many at a time: a
 * search result or a reload then costs a keystroke the rows on screen,
 * not all 200. */
#define TELL_AT_ONCE 32

enum {
  ROW_PROP_0,
  ROW_PROP_ITEM,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (HpRow, hp_row, G_TYPE_OBJECT)

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HpRowModel, hp_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ------------------------------------------------------------------------ */
/* HpRow                                                                     */

static void
hp_row_finalize (GObject *object)
{
  HpRow *self = HP_ROW (object);

  if (self->owner != NULL)
    g_hash_table_remove (self->owner, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->item);
  g_clear_pointer (&self->pool, hp_row_pool_unref);

  G_OBJECT_CLASS (hp_row_parent_class)->finalize (object);
}

static void
hp_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  HpRow *self = HP_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ITEM:
      g_value_set_object (value, hp_row_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_row_class_init (HpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hp_row_finalize;
  object_class->get_property = hp_row_get_property;

  /**
   * HpRow:item:
   *
   * The item of the packed row at this row's position, made when first
   * asked for. It changes (and is notified) when the model's rows change;
   * cells follow notify::item and read the packed row.
   */
  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
hp_row_init (HpRow *self)
{
}

/* Shows @packed of @pool (NULL: nothing); says so now if @tell, else
 * marks the row stale for its model to tell later. */
static void
row_set_packed (HpRow             *self,
                HpRowPool         *pool,
                const HpPackedRow *packed,
                gboolean           tell)
{
  if (self->packed == packed && !self->stale)
    return;

  if (self->packed != packed)
    {
      g_clear_object (&self->item);
      if (self->pool != pool)
        {
          g_clear_pointer (&self->pool, hp_row_pool_unref);
          self->pool = pool ? hp_row_pool_ref (pool) : NULL;
        }
      self->packed = packed;
    }

  self->stale = !tell;
  if (tell)
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
}

/**
 * hp_row_get_packed:
 *
 * Returns: (transfer none) (nullable): what the row shows, %NULL once its
 *   position left the model; valid while the row shows it
 */
const HpPackedRow *
hp_row_get_packed (HpRow *self)
{
  g_return_val_if_fail (HP_IS_ROW (self), NULL);

  return self->packed;
}

/**
 * hp_row_get_pool:
 *
 * Returns: (transfer none) (nullable): the pool of the packed row shown
 */
HpRowPool *
hp_row_get_pool (HpRow *self)
{
  g_return_val_if_fail (HP_IS_ROW (self), NULL);

  return self->pool;
}

/**
 * hp_row_get_item:
 *
 * Makes the item of the packed row shown the first time it is asked for
 * (the model's #HpMaterializeFunc), unless the row kept it.
 *
 * Returns: (transfer none) (nullable): the item the row shows, %NULL once
 *   its position left the model or if the item is gone from the store
 */
GObject *
hp_row_get_item (HpRow *self)
{
  g_return_val_if_fail (HP_IS_ROW (self), NULL);

  /* a row of an HpStableModel shows an item, not a packed row */
  if (self->packed == NULL)
    return self->item;
  if (hp_row_pool_get_item (self->pool, self->packed) != NULL)
    return hp_row_pool_get_item (self->pool, self->packed);
  if (self->item == NULL && self->model != NULL && self->model->materialize != NULL)
    self->item = self->model->materialize (self->packed->id, self->model->materialize_data);

  return self->item;
}

/* ------------------------------------------------------------------------ */
/* HpRowModel                                                                */

static GType
hp_row_model_get_item_type (GListModel *list)
{
  return HP_TYPE_ROW;
}

static guint
hp_row_model_get_n_items (GListModel *list)
{
  return HP_ROW_MODEL (list)->rows->len;
}

static gpointer
hp_row_model_get_item (GListModel *list,
                       guint       position)
{
  HpRowModel *self = HP_ROW_MODEL (list);
  HpRow *row;

  if (position >= self->rows->len)
    return NULL;

  row = g_hash_table_lookup (self->hp_rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (HP_TYPE_ROW, NULL);
  row->owner = self->hp_rows;
  row->model = self;
  row->position = position;
  row->packed = g_ptr_array_index (self->rows, position);
  row->pool = hp_row_pool_ref (self->pool);
  g_hash_table_insert (self->hp_rows, GUINT_TO_POINTER (position), row);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hp_row_model_get_item_type;
  iface->get_n_items = hp_row_model_get_n_items;
  iface->get_item = hp_row_model_get_item;
}

static void
detach_row (gpointer key,
            gpointer value,
            gpointer user_data)
{
  HP_ROW (value)->owner = NULL;
  HP_ROW (value)->model = NULL;
}

static void
hp_row_model_dispose (GObject *object)
{
  HpRowModel *self = HP_ROW_MODEL (object);

  g_clear_handle_id (&self->stale_source, g_source_remove);
  g_ptr_array_set_size (self->stale, 0);
  g_hash_table_foreach (self->hp_rows, detach_row, NULL);
  g_hash_table_remove_all (self->hp_rows);

  G_OBJECT_CLASS (hp_row_model_parent_class)->dispose (object);
}

static void
hp_row_model_finalize (GObject *object)
{
  HpRowModel *self = HP_ROW_MODEL (object);

  g_hash_table_unref (self->hp_rows);
  g_ptr_array_unref (self->stale);
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->pool, hp_row_pool_unref);

  G_OBJECT_CLASS (hp_row_model_parent_class)->finalize (object);
}

static void
hp_row_model_class_init (HpRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hp_row_model_dispose;
  object_class->finalize = hp_row_model_finalize;
}

static void
hp_row_model_init (HpRowModel *self)
{
  self->hp_rows = g_hash_table_new (NULL, NULL);
  self->rows = g_ptr_array_new ();
  self->stale = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * hp_row_model_new:
 *
 * Returns: (transfer full): an empty model
 */
HpRowModel *
hp_row_model_new (void)
{
  return g_object_new (HP_TYPE_ROW_MODEL, NULL);
}

/**
 * hp_row_model_set_materialize:
 * @func: (nullable): makes the items of rows that do not keep them
 *
 * @user_data must outlive the model (the page that owns it).
 */
void
hp_row_model_set_materialize (HpRowModel        *self,
                              HpMaterializeFunc  func,
                              gpointer           user_data)
{
  g_return_if_fail (HP_IS_ROW_MODEL (self));

  self->materialize = func;
  self->materialize_data = user_data;
}

static int
compare_distance (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint focus = GPOINTER_TO_UINT (user_data);
  const HpRow *x = *(HpRow * const *) a, *y = *(HpRow * const *) b;
  guint dx = x->position > focus ? x->position - focus : focus - x->position;
  guint dy = y->position > focus ? y->position - focus : focus - y->position;

  return (dx > dy) - (dx < dy);
}

/* Tells the next rows whose cells show an old row. */
static gboolean
tell_stale_cb (gpointer user_data)
{
  HpRowModel *self = HP_ROW_MODEL (user_data);
  guint n = MIN (self->stale->len, TELL_AT_ONCE);

  for (guint i = 0; i < n; i++)
    {
      HpRow *row = g_ptr_array_index (self->stale, i);

      if (row->stale && row->model == self)
        row_set_packed (row, row->pool, row->packed, TRUE);
    }
  g_ptr_array_remove_range (self->stale, 0, n);

  if (self->stale->len > 0)
    return G_SOURCE_CONTINUE;

  self->stale_source = 0;
  return G_SOURCE_REMOVE;
}

/**
 * hp_row_model_set_focus:
 * @position: about the first row the view shows
 *
 * Where the rows are that the user sees: after hp_row_model_set_rows(),
 * those nearest to it show their new rows at once, the others in idle
 * turns.
 */
void
hp_row_model_set_focus (HpRowModel *self,
                        guint       position)
{
  g_return_if_fail (HP_IS_ROW_MODEL (self));

  self->focus = position;
}

/**
 * hp_row_model_get_telling:
 *
 * Returns: %TRUE while some rows' cells still show what they showed
 *   before the last hp_row_model_set_rows()
 */
gboolean
hp_row_model_get_telling (HpRowModel *self)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), FALSE);

  return self->stale_source != 0;
}

/**
 * hp_row_model_set_rows:
 * @pool: (nullable): the pool of @rows
 * @rows: (transfer full) (element-type HpPackedRow): what to show, in
 *   order; nobody changes the array afterwards
 *
 * Shows @rows instead of the rows shown so far: the HpRows that exist show
 * the new row at their position, and the view only hears of the change of
 * the length. The rows nearest to the focus (hp_row_model_set_focus())
 * tell their cells at once, the others in idle turns.
 */
void
hp_row_model_set_rows (HpRowModel *self,
                       HpRowPool  *pool,
                       GPtrArray  *rows)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old_rows = NULL;
  g_autoptr(HpRowPool) old_pool = NULL;
  guint old_n, new_n;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (HP_IS_ROW_MODEL (self));
  g_return_if_fail (rows != NULL);

  old_n = self->rows->len;
  new_n = rows->len;
  /* the old rows live until the HpRows moved on */
  old_rows = g_steal_pointer (&self->rows);
  old_pool = g_steal_pointer (&self->pool);
  self->rows = rows;
  self->pool = pool ? hp_row_pool_ref (pool) : NULL;

  /* Collected first: the notifications below run the cells' handlers. */
  g_hash_table_iter_init (&iter, self->hp_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HpRow *row = value;

      if (row->position >= new_n)
        {
          /* gone: the view drops it with the items-changed below */
          row->owner = NULL;
          row->model = NULL;
          g_hash_table_iter_remove (&iter);
          g_ptr_array_add (changed, g_object_ref (row));
        }
      else if (row->packed != g_ptr_array_index (rows, row->position))
        {
          g_ptr_array_add (changed, g_object_ref (row));
        }
    }

  /* the rows nearest to where the view shows learn first */
  g_ptr_array_sort_with_data (changed, compare_distance, GUINT_TO_POINTER (self->focus));
  for (guint i = 0; i < changed->len; i++)
    {
      HpRow *row = g_ptr_array_index (changed, i);

      if (row->model == NULL)
        row_set_packed (row, NULL, NULL, TRUE);
      else if (i < TELL_AT_ONCE)
        row_set_packed (row, self->pool, g_ptr_array_index (rows, row->position), TRUE);
      else
        {
          row_set_packed (row, self->pool, g_ptr_array_index (rows, row->position), FALSE);
          g_ptr_array_add (self->stale, g_object_ref (row));
        }
    }
  if (self->stale->len > 0 && self->stale_source == 0)
    self->stale_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, tell_stale_cb, self, NULL);

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

/**
 * hp_row_model_append:
 * @pool: the pool of @rows: the model's, unless the model is empty
 * @rows: (element-type HpPackedRow): rows to add at the end
 *
 * Adds @rows while a list loads.
 */
void
hp_row_model_append (HpRowModel *self,
                     HpRowPool  *pool,
                     GPtrArray  *rows)
{
  guint old_n;

  g_return_if_fail (HP_IS_ROW_MODEL (self));
  g_return_if_fail (self->rows->len == 0 || self->pool == pool);

  if (rows->len == 0)
    return;

  if (self->pool != pool)
    {
      g_clear_pointer (&self->pool, hp_row_pool_unref);
      self->pool = hp_row_pool_ref (pool);
    }
  old_n = self->rows->len;
  g_ptr_array_extend (self->rows, rows, NULL, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, rows->len);
}

/**
 * hp_row_model_get_pool:
 *
 * Returns: (transfer none) (nullable): the pool of the rows shown
 */
HpRowPool *
hp_row_model_get_pool (HpRowModel *self)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), NULL);

  return self->pool;
}

/**
 * hp_row_model_get_rows:
 *
 * Returns: (transfer none) (element-type HpPackedRow): the rows shown
 */
GPtrArray *
hp_row_model_get_rows (HpRowModel *self)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), NULL);

  return self->rows;
}

/**
 * hp_row_model_get_packed:
 *
 * Returns: (transfer none) (nullable): the packed row at @position
 */
const HpPackedRow *
hp_row_model_get_packed (HpRowModel *self,
                         guint       position)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), NULL);

  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}

/**
 * hp_row_model_find_id:
 *
 * Returns: the position of the row of the item with @id, or
 *   %GTK_INVALID_LIST_POSITION (%G_MAXUINT)
 */
guint
hp_row_model_find_id (HpRowModel *self,
                      gint64      id)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    if (((const HpPackedRow *) g_ptr_array_index (self->rows, i))->id == id)
      return i;

  return G_MAXUINT;
}

/* ------------------------------------------------------------------------ */
/* HpStableModel                                                             */

struct _HpStableModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  GHashTable *rows;       /* position → HpRow, unowned: a row removes itself */
};

static void stable_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HpStableModel, hp_stable_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, stable_model_iface_init))

static GType
hp_stable_model_get_item_type (GListModel *list)
{
  return HP_TYPE_ROW;
}

static guint
hp_stable_model_get_n_items (GListModel *list)
{
  return HP_STABLE_MODEL (list)->n_items;
}

static gpointer
hp_stable_model_get_item (GListModel *list,
                          guint       position)
{
  HpStableModel *self = HP_STABLE_MODEL (list);
  HpRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (HP_TYPE_ROW, NULL);
  row->owner = self->rows;
  row->position = position;
  row->item = g_list_model_get_item (self->model, position);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);

  return row;
}

static void
stable_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hp_stable_model_get_item_type;
  iface->get_n_items = hp_stable_model_get_n_items;
  iface->get_item = hp_stable_model_get_item;
}

/* takes @item */
static void
row_set_item (HpRow   *self,
              GObject *item)
{
  if (self->item == item)
    {
      g_clear_object (&item);
      return;
    }

  g_clear_object (&self->item);
  self->item = item;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
}

static void
stable_items_changed_cb (HpStableModel *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (model);
  /* the rows in [position, end) show another item now: only the replaced
   * ones if the length stays, else every one after @position moved */
  guint end = removed == added ? position + added : G_MAXUINT;
  GHashTableIter iter;
  gpointer key, value;

  self->n_items = new_n;

  /* Collected first: the notifications below run the cells' handlers. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HpRow *row = value;

      if (row->position >= new_n)
        {
          /* gone: the view drops it with the items-changed below */
          row->owner = NULL;
          g_hash_table_iter_remove (&iter);
          g_ptr_array_add (changed, g_object_ref (row));
        }
      else if (row->position >= position && row->position < end)
        {
          g_ptr_array_add (changed, g_object_ref (row));
        }
    }

  for (guint i = 0; i < changed->len; i++)
    {
      HpRow *row = g_ptr_array_index (changed, i);

      row_set_item (row, row->owner != NULL ? g_list_model_get_item (model, row->position) : NULL);
    }

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
hp_stable_model_dispose (GObject *object)
{
  HpStableModel *self = HP_STABLE_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, stable_items_changed_cb, self);
  g_clear_object (&self->model);
  g_hash_table_foreach (self->rows, detach_row, NULL);
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (hp_stable_model_parent_class)->dispose (object);
}

static void
hp_stable_model_finalize (GObject *object)
{
  g_hash_table_unref (HP_STABLE_MODEL (object)->rows);

  G_OBJECT_CLASS (hp_stable_model_parent_class)->finalize (object);
}

static void
hp_stable_model_class_init (HpStableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hp_stable_model_dispose;
  object_class->finalize = hp_stable_model_finalize;
}

static void
hp_stable_model_init (HpStableModel *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * hp_stable_model_new:
 * @model: the model whose items the rows show
 *
 * The same trick as #HpRowModel for a short list of full items (the
 * Planning page's tables): one #HpRow per position of @model for as long
 * as the position exists, showing the item there (HpRow:item changes when
 * @model changes); the view only hears of changes of the length.
 *
 * Returns: (transfer full): a model of one #HpRow per item of @model
 */
HpStableModel *
hp_stable_model_new (GListModel *model)
{
  HpStableModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (HP_TYPE_STABLE_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (stable_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}
