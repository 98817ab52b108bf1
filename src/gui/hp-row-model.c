/* hp-row-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model over another one whose items are stable row objects.
 *
 * GTK 4.8's list and column views keep about 200 rows around the visible
 * ones, with a widget per cell. When the items at their positions are
 * removed, which is what a search result or a reload replacing the whole
 * list does, they throw all of those away and build new ones: about
 * 150 ms on the main loop for seven columns, for every keystroke. They keep
 * a row whose item stays the same object, though, and that is what this
 * model gives them: its item at position N is one HpRow for as long as
 * position N exists. When the model below changes, the rows that exist
 * (the ones the view holds) show another item (HpRow:item changes) and
 * the view only hears about a change of the length, at the end of the
 * list. Cells bind to HpRow:item (see hp-columns.c).
 *
 * Only the rows somebody holds exist; the model keeps no reference on
 * them, so memory does not grow with the length of the list.
 */

#define G_LOG_DOMAIN "hp-row-model"

#include "config.h"

#include "hp-row-model.h"

struct _HpRow
{
  GObject     parent_instance;

  HpRowModel *model;      /* unowned; NULL once the row left the model */
  guint       position;
  GObject    *item;
};

struct _HpRowModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  GHashTable *rows;       /* position → HpRow, unowned: a row removes itself */
};

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

  if (self->model != NULL)
    g_hash_table_remove (self->model->rows, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->item);

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
      g_value_set_object (value, self->item);
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
   * The item of the model below at this row's position. It changes when
   * that model changes; cells that show it follow notify::item.
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

/**
 * hp_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item the row shows, %NULL once
 *   its position left the model
 */
GObject *
hp_row_get_item (HpRow *self)
{
  g_return_val_if_fail (HP_IS_ROW (self), NULL);

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
  return HP_ROW_MODEL (list)->n_items;
}

static gpointer
hp_row_model_get_item (GListModel *list,
                       guint       position)
{
  HpRowModel *self = HP_ROW_MODEL (list);
  HpRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (HP_TYPE_ROW, NULL);
  row->model = self;
  row->position = position;
  row->item = g_list_model_get_item (self->model, position);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);

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
  HP_ROW (value)->model = NULL;
}

static void
model_items_changed_cb (HpRowModel *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
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
          row->model = NULL;
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

      row_set_item (row, row->model != NULL ? g_list_model_get_item (model, row->position) : NULL);
    }

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
hp_row_model_dispose (GObject *object)
{
  HpRowModel *self = HP_ROW_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_hash_table_foreach (self->rows, detach_row, NULL);
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (hp_row_model_parent_class)->dispose (object);
}

static void
hp_row_model_finalize (GObject *object)
{
  HpRowModel *self = HP_ROW_MODEL (object);

  g_hash_table_unref (self->rows);

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
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * hp_row_model_new:
 * @model: the model whose items the rows show
 *
 * Returns: (transfer full): a model of one #HpRow per item of @model
 */
HpRowModel *
hp_row_model_new (GListModel *model)
{
  HpRowModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (HP_TYPE_ROW_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * hp_row_model_get_model:
 *
 * Returns: (transfer none): the model whose items the rows show
 */
GListModel *
hp_row_model_get_model (HpRowModel *self)
{
  g_return_val_if_fail (HP_IS_ROW_MODEL (self), NULL);

  return self->model;
}
