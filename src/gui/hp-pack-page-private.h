/* hp-pack-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack contents page's parts, for tests.
 */
#pragma once

#include "hp-pack-page.h"
#include "hp-pack-row.h"

G_BEGIN_DECLS

GListModel       *_hp_pack_page_get_rows          (HpPackPage  *self);
GtkStack         *_hp_pack_page_get_stack         (HpPackPage  *self);
GtkActionBar     *_hp_pack_page_get_action_bar    (HpPackPage  *self);
AdwStatusPage    *_hp_pack_page_get_empty_page    (HpPackPage  *self);
GtkColumnView    *_hp_pack_page_get_column_view   (HpPackPage  *self);
GtkLabel         *_hp_pack_page_get_summary_label (HpPackPage  *self);
guint             _hp_pack_page_get_n_loaded      (HpPackPage  *self);
gboolean          _hp_pack_page_select_item       (HpPackPage  *self,
                                                   gint64       item_id);
HpPackRow        *_hp_pack_page_get_selected      (HpPackPage  *self);
gboolean          _hp_pack_page_set_pieces        (HpPackPage  *self,
                                                   HpPackRow   *row,
                                                   guint        per_standard,
                                                   guint        per_under18);
gboolean          _hp_pack_page_add_item          (HpPackPage  *self,
                                                   const char  *name,
                                                   guint        per_standard,
                                                   guint        per_under18,
                                                   GError     **error);
AdwMessageDialog *_hp_pack_page_get_dialog        (HpPackPage  *self);
GtkEditable      *_hp_pack_page_get_dialog_entry  (HpPackPage  *self);
GtkDropDown      *_hp_pack_page_get_merge_choice  (HpPackPage  *self);
AdwToast         *_hp_pack_page_get_undo_toast    (HpPackPage  *self);

G_END_DECLS
