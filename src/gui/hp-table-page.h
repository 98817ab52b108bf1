/* hp-table-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <heimpack/heimpack.h>

#include "hp-columns.h"
#include "hp-list-loader.h"

G_BEGIN_DECLS

#define HP_TYPE_TABLE_PAGE (hp_table_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (HpTablePage, hp_table_page, HP, TABLE_PAGE, GtkWidget)

/**
 * HpTablePageClass:
 * @item_type: the type of the listed items
 * @columns: (array length=n_columns): the table's columns (a static table)
 * @list_items: loads the items of @campaign_id (0: no campaign). Runs in a
 *   worker thread, so it gets no page, only the store.
 * @format_count: the footer text for @n_items items, e.g. "40 sponsors"
 *
 * Subclasses fill these in their class_init; the page does the rest.
 */
struct _HpTablePageClass
{
  GtkWidgetClass parent_class;

  GType               item_type;
  const HpColumnSpec *columns;
  guint               n_columns;

  HpListFunc          list_items;
  char             *(*format_count) (guint n_items);

  gpointer padding[4];
};

HpStore    *hp_table_page_get_store    (HpTablePage *self);
HpCampaign *hp_table_page_get_campaign (HpTablePage *self);
void        hp_table_page_set_campaign (HpTablePage *self,
                                        HpCampaign  *campaign);
gboolean    hp_table_page_get_loading  (HpTablePage *self);
void        hp_table_page_reload       (HpTablePage *self);

G_END_DECLS
