/* hp-row-model.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-row-table.h"

G_BEGIN_DECLS

#define HP_TYPE_ROW (hp_row_get_type ())
G_DECLARE_FINAL_TYPE (HpRow, hp_row, HP, ROW, GObject)

#define HP_TYPE_ROW_MODEL (hp_row_model_get_type ())
G_DECLARE_FINAL_TYPE (HpRowModel, hp_row_model, HP, ROW_MODEL, GObject)

#define HP_TYPE_STABLE_MODEL (hp_stable_model_get_type ())
G_DECLARE_FINAL_TYPE (HpStableModel, hp_stable_model, HP, STABLE_MODEL, GObject)

/**
 * HpMaterializeFunc:
 * @id: the item's id
 *
 * Makes the item of a packed row that does not keep it, e.g. by reading it
 * from the store. Main thread.
 *
 * Returns: (transfer full) (nullable): the item, %NULL if it is gone
 */
typedef GObject *(*HpMaterializeFunc) (gint64   id,
                                       gpointer user_data);

const HpPackedRow *hp_row_get_packed     (HpRow             *self);
HpRowPool         *hp_row_get_pool       (HpRow             *self);
GObject           *hp_row_get_item       (HpRow             *self);

HpRowModel *hp_row_model_new             (void);
void        hp_row_model_set_materialize (HpRowModel        *self,
                                          HpMaterializeFunc  func,
                                          gpointer           user_data);
void        hp_row_model_set_rows        (HpRowModel        *self,
                                          HpRowPool         *pool,
                                          GPtrArray         *rows);
void        hp_row_model_append          (HpRowModel        *self,
                                          HpRowPool         *pool,
                                          GPtrArray         *rows);
void        hp_row_model_set_focus       (HpRowModel        *self,
                                          guint              position);
gboolean    hp_row_model_get_telling     (HpRowModel        *self);
HpRowPool  *hp_row_model_get_pool        (HpRowModel        *self);
GPtrArray  *hp_row_model_get_rows        (HpRowModel        *self);
guint       hp_row_model_find_id         (HpRowModel        *self,
                                          gint64             id);
const HpPackedRow *hp_row_model_get_packed (HpRowModel      *self,
                                          guint              position);

HpStableModel *hp_stable_model_new        (GListModel        *model);

G_END_DECLS
