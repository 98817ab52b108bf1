/* hp-table-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the page's parts, without widening the public API.
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

GListModel    *_hp_table_page_get_model       (HpTablePage *self);
GtkColumnView *_hp_table_page_get_column_view (HpTablePage *self);
GtkStack      *_hp_table_page_get_stack       (HpTablePage *self);
GtkLabel      *_hp_table_page_get_count_label (HpTablePage *self);

G_END_DECLS
