/* hp-list-loader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the store in a GTask worker thread (hp-store.h allows that for the
 * list and stream functions). The worker prepares each item, queues whole
 * batches and wakes the main context; the main thread splices them in as
 * they come. The completion callback drains the queue first, so the caller
 * sees every batch before it hears that the load is done.
 */

#define G_LOG_DOMAIN "hp-list-loader"

#include "config.h"

#include "hp-list-loader.h"

typedef struct
{
  /* Set once, then read-only */
  HpStore          *store;
  gint64            campaign_id;
  HpLoadFunc        load_func;
  HpPrepareFunc     prepare_func;
  gpointer          prepare_data;
  GDestroyNotify    prepare_destroy;
  HpBatchReadyFunc  ready_func;
  gpointer          ready_data;    /* the source object: only touched in the main thread */
  GCancellable     *cancellable;
  GMainContext     *context;

  /* Shared between the threads, under @lock */
  GMutex            lock;
  GQueue            batches;       /* of GPtrArray */
  gboolean          wakeup_pending;
} LoadData;

static void
load_data_clear (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_clear_object (&load->cancellable);
  if (load->prepare_destroy != NULL)
    load->prepare_destroy (load->prepare_data);
  g_clear_pointer (&load->context, g_main_context_unref);
  g_queue_clear_full (&load->batches, (GDestroyNotify) g_ptr_array_unref);
  g_mutex_clear (&load->lock);
}

static LoadData *
load_data_ref (LoadData *load)
{
  return g_atomic_rc_box_acquire (load);
}

static void
load_data_unref (gpointer load)
{
  g_atomic_rc_box_release_full (load, load_data_clear);
}

/* Main thread: hands every queued batch on, unless the load was cancelled
 * (cancelling happens in the main thread too, so nothing slips through). */
static void
drain_batches (LoadData *load)
{
  for (;;)
    {
      g_autoptr(GPtrArray) batch = NULL;

      g_mutex_lock (&load->lock);
      batch = g_queue_pop_head (&load->batches);
      load->wakeup_pending = FALSE;
      g_mutex_unlock (&load->lock);

      if (batch == NULL)
        return;

      if (!g_cancellable_is_cancelled (load->cancellable))
        load->ready_func (batch, load->ready_data);
    }
}

/* Main thread: one batch per main loop iteration, so that the window
 * draws and reacts between batches however fast the worker reads. */
static gboolean
drain_one_batch_cb (gpointer data)
{
  LoadData *load = data;
  g_autoptr(GPtrArray) batch = NULL;
  gboolean more;

  g_mutex_lock (&load->lock);
  batch = g_queue_pop_head (&load->batches);
  more = !g_queue_is_empty (&load->batches);
  if (!more)
    load->wakeup_pending = FALSE;
  g_mutex_unlock (&load->lock);

  if (batch != NULL && !g_cancellable_is_cancelled (load->cancellable))
    load->ready_func (batch, load->ready_data);

  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Worker thread */
static gboolean
batch_read_cb (GPtrArray *items,
               gpointer   user_data)
{
  LoadData *load = user_data;
  gboolean wake;

  if (load->prepare_func != NULL)
    items = load->prepare_func (items, load->prepare_data);

  g_mutex_lock (&load->lock);
  g_queue_push_tail (&load->batches, items);
  wake = !load->wakeup_pending;
  load->wakeup_pending = TRUE;
  g_mutex_unlock (&load->lock);

  /* Not g_main_context_invoke(): with the main thread between iterations it
   * would run the callback right here, in the worker. */
  if (wake)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, drain_one_batch_cb, load_data_ref (load), load_data_unref);
      g_source_set_static_name (source, "[heimpack] hp_list_load batches");
      g_source_attach (source, load->context);
    }

  return !g_cancellable_is_cancelled (load->cancellable);
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

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!load->load_func (load->store, load->campaign_id, batch_read_cb, load, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = G_TASK (result);
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;

  drain_batches (load);
  if (g_task_propagate_boolean (task, &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, g_steal_pointer (&error));
}

/**
 * hp_list_load_emit_model:
 * @items: a list, e.g. from hp_store_list_sponsors()
 *
 * Hands all of @items to @func as one batch: turns a list function into an
 * #HpLoadFunc.
 *
 * Returns: %TRUE (an #HpLoadFunc may return it).
 */
gboolean
hp_list_load_emit_model (GListModel       *items,
                         HpStoreBatchFunc  func,
                         gpointer          func_data)
{
  guint n_items = g_list_model_get_n_items (items);
  GPtrArray *batch = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (batch, g_list_model_get_item (items, i));

  /* FALSE from @func only means "stop": nothing follows anyway */
  func (batch, func_data);
  return TRUE;
}

/**
 * hp_list_load_async:
 * @source_object: (type GObject): the object that asks; the load keeps a
 *   reference to it until @callback has run
 * @load_func: reads the rows, run in a worker thread
 * @prepare_func: (nullable): run on each batch in the worker thread
 * @prepare_data: (nullable): its data
 * @prepare_destroy: (nullable): frees @prepare_data when the load is over
 *   (in whichever thread lets go of the load last)
 * @ready_func: receives the batches in the caller's main context, with
 *   @source_object as its data
 * @cancellable: (nullable): stops the load; batches not yet handed over are
 *   dropped
 *
 * Loads rows in a worker thread. Finish with hp_list_load_finish().
 */
void
hp_list_load_async (gpointer             source_object,
                    HpStore             *store,
                    gint64               campaign_id,
                    HpLoadFunc           load_func,
                    HpPrepareFunc        prepare_func,
                    gpointer             prepare_data,
                    GDestroyNotify       prepare_destroy,
                    HpBatchReadyFunc     ready_func,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  LoadData *load;

  g_return_if_fail (G_IS_OBJECT (source_object));
  g_return_if_fail (HP_IS_STORE (store));
  g_return_if_fail (load_func != NULL);
  g_return_if_fail (ready_func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  load = g_atomic_rc_box_new0 (LoadData);
  g_mutex_init (&load->lock);
  g_queue_init (&load->batches);
  load->store = g_object_ref (store);
  load->campaign_id = campaign_id;
  load->load_func = load_func;
  load->prepare_func = prepare_func;
  load->prepare_data = prepare_data;
  load->prepare_destroy = prepare_destroy;
  load->ready_func = ready_func;
  load->ready_data = source_object;
  load->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  load->context = g_main_context_ref_thread_default ();

  /* The outer task is what the caller sees; the inner one runs the worker
   * and lets load_done_cb drain the last batches before reporting. */
  outer = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hp_list_load_async);

  task = g_task_new (source_object, load->cancellable, load_done_cb, outer);
  g_task_set_source_tag (task, hp_list_load_async);
  g_task_set_task_data (task, load, load_data_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_worker);
}

/**
 * hp_list_load_finish:
 *
 * Returns: %TRUE if every batch was handed over, %FALSE with @error set
 *   (%G_IO_ERROR_CANCELLED if the load was cancelled).
 */
gboolean
hp_list_load_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hp_list_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
