/* hp-row-model.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HP_TYPE_ROW (hp_row_get_type ())
G_DECLARE_FINAL_TYPE (HpRow, hp_row, HP, ROW, GObject)

#define HP_TYPE_ROW_MODEL (hp_row_model_get_type ())
G_DECLARE_FINAL_TYPE (HpRowModel, hp_row_model, HP, ROW_MODEL, GObject)

GObject    *hp_row_get_item       (HpRow      *self);

HpRowModel *hp_row_model_new      (GListModel *model);
GListModel *hp_row_model_get_model (HpRowModel *self);

G_END_DECLS
