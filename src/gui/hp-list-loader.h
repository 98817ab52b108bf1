/* hp-list-loader.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs one of the hp_store_list_*() functions in a worker thread.
 */
#pragma once

#include <heimpack/heimpack.h>

G_BEGIN_DECLS

/**
 * HpListFunc:
 * @store: the store
 * @campaign_id: the campaign whose figures to fill in, or 0
 *
 * Lists items of @store. Called in a worker thread.
 *
 * Returns: (transfer full) (nullable): the items, or %NULL with @error set.
 */
typedef GListModel *(*HpListFunc) (HpStore  *store,
                                   gint64    campaign_id,
                                   GError  **error);

void        hp_list_load_async  (gpointer              source_object,
                                 HpStore              *store,
                                 gint64                campaign_id,
                                 HpListFunc            list_func,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
GListModel *hp_list_load_finish (GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
