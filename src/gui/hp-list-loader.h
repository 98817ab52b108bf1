/* hp-list-loader.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a list of the store in a worker thread and hands it to the main
 * thread in batches, so that a page shows its first rows at once and never
 * blocks the window while it loads.
 */
#pragma once

#include <heimpack/heimpack.h>

G_BEGIN_DECLS

/**
 * HpLoadFunc:
 * @store: the store
 * @campaign_id: the campaign whose rows or figures to read, or 0
 * @func: receives the rows in batches (in the worker thread)
 * @func_data: data for @func
 * @cancellable: (nullable): stops the reading
 *
 * Reads rows of @store, e.g. with hp_store_stream_graduates(), or with a
 * `hp_store_list_*()` call handed on by hp_list_load_emit_model(). Called in
 * a worker thread.
 *
 * Returns: %TRUE when all rows were handed over, %FALSE with @error set.
 */
typedef gboolean (*HpLoadFunc) (HpStore           *store,
                                gint64             campaign_id,
                                HpStoreBatchFunc   func,
                                gpointer           func_data,
                                GCancellable      *cancellable,
                                GError           **error);

/**
 * HpPrepareFunc:
 * @items: (transfer full): a batch as read, of #GObject items
 *
 * Turns a freshly read batch into what the main thread gets, in the worker
 * thread (e.g. packs the items into compact rows and lets go of them).
 *
 * Returns: (transfer full): the batch the main thread gets
 */
typedef GPtrArray *(*HpPrepareFunc) (GPtrArray *items,
                                     gpointer   user_data);

/**
 * HpBatchReadyFunc:
 * @items: the items of one batch, in order (as the #HpPrepareFunc made them)
 *
 * Receives a batch in the main thread. Never called after the load was
 * cancelled, and always before the load's #GAsyncReadyCallback.
 */
typedef void (*HpBatchReadyFunc) (GPtrArray *items,
                                  gpointer   user_data);

gboolean hp_list_load_emit_model (GListModel         *items,
                                  HpStoreBatchFunc    func,
                                  gpointer            func_data);

void     hp_list_load_async      (gpointer            source_object,
                                  HpStore            *store,
                                  gint64              campaign_id,
                                  HpLoadFunc          load_func,
                                  HpPrepareFunc       prepare_func,
                                  gpointer            prepare_data,
                                  GDestroyNotify      prepare_destroy,
                                  HpBatchReadyFunc    ready_func,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
gboolean hp_list_load_finish     (GAsyncResult       *result,
                                  GError            **error);

G_END_DECLS
