/* hp-list-loader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the store in a GTask worker thread (hp-store.h allows that for the
 * list functions), so that a page never blocks the window while it loads;
 * the main thread only sees finished models.
 */

#define G_LOG_DOMAIN "hp-list-loader"

#include "config.h"

#include "hp-list-loader.h"

typedef struct
{
  HpStore    *store;
  gint64      campaign_id;
  HpListFunc  list_func;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  /* Worker thread: only the task data is used, never the source object. */
  LoadData *load = task_data;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  if (g_task_return_error_if_cancelled (task))
    return;

  items = load->list_func (load->store, load->campaign_id, &error);
  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, items, g_object_unref);
}

/**
 * hp_list_load_async:
 * @source_object: (type GObject): the object that asks; the task keeps a
 *   reference to it until @callback has run
 * @store: the store to list
 * @campaign_id: passed to @list_func
 * @list_func: the listing, run in a worker thread
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context
 *
 * Lists @store in a worker thread. Finish with hp_list_load_finish().
 */
void
hp_list_load_async (gpointer             source_object,
                    HpStore             *store,
                    gint64               campaign_id,
                    HpListFunc           list_func,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_OBJECT (source_object));
  g_return_if_fail (HP_IS_STORE (store));
  g_return_if_fail (list_func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (store);
  load->campaign_id = campaign_id;
  load->list_func = list_func;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, hp_list_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/**
 * hp_list_load_finish:
 *
 * Returns: (transfer full) (nullable): the items, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the load was cancelled).
 */
GListModel *
hp_list_load_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hp_list_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
