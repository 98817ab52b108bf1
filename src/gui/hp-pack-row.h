/* hp-pack-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_PACK_ROW (hp_pack_row_get_type ())
G_DECLARE_FINAL_TYPE (HpPackRow, hp_pack_row, HP, PACK_ROW, GObject)

HpPackRow  *hp_pack_row_new              (HpItem    *item,
                                          guint      position,
                                          gint64     needed);
void        hp_pack_row_update           (HpPackRow *self,
                                          HpItem    *item,
                                          guint      position,
                                          gint64     needed);
gint64      hp_pack_row_get_item_id      (HpPackRow *self);
const char *hp_pack_row_get_name         (HpPackRow *self);
gboolean    hp_pack_row_get_adult_only   (HpPackRow *self);
guint       hp_pack_row_get_per_standard (HpPackRow *self);
guint       hp_pack_row_get_per_under18  (HpPackRow *self);
guint       hp_pack_row_get_position     (HpPackRow *self);
const char *hp_pack_row_get_sponsors     (HpPackRow *self);
gint64      hp_pack_row_get_received     (HpPackRow *self);
gint64      hp_pack_row_get_pledged      (HpPackRow *self);
gint64      hp_pack_row_get_needed       (HpPackRow *self);

G_END_DECLS
