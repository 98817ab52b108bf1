/* hp-table-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

#include "hp-columns.h"
#include "hp-list-loader.h"
#include "hp-record-dialog.h"
#include "hp-row-table.h"

G_BEGIN_DECLS

#define HP_TYPE_TABLE_PAGE (hp_table_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (HpTablePage, hp_table_page, HP, TABLE_PAGE, GtkWidget)

/**
 * HpTablePageClass:
 * @item_type: the type of the listed items (they have an `id` property)
 * @kind: what the items are, for hp_store_remove()
 * @columns: (array length=n_columns): the table's columns (a static table)
 * @fields: (array length=n_field_groups): the editor's fields (a static table)
 * @reload_on: the #HpStoreChanges that make the page load again
 * @needs_campaign: without a campaign the page has no rows and no adding
 * @no_campaign_text: with @needs_campaign, what the page's empty state
 *   says without a campaign, marked with N_(): what its items belong to
 * @new_title: the editor's title for a new item, marked with N_()
 * @edit_title: the editor's title for an existing item, marked with N_()
 * @load_items: reads the items of @campaign_id (0: no campaign). Runs in a
 *   worker thread, so it gets no page, only the store.
 * @count_items: (nullable): how many items a load will bring, for the
 *   footer while a long load is running
 * @load_item: (nullable): reads one item by id, e.g. hp_store_get_graduate():
 *   a page that has it keeps only compact rows (hp-row-table.h) and reads
 *   the selected item when asked for it; without it, rows keep their items
 *   (short lists, whose items carry figures only a list computes)
 * @get_campaign_id: (nullable): the campaign @item belongs to. A page that
 *   has it and @load_item changes one row when the store names the one
 *   record of @kind that a save, removal or undo wrote
 *   (hp_store_get_changed_row()), instead of loading all again
 * @format_count: the footer text: "40 sponsors", or "12 of 40 sponsors"
 *   while @n_shown < @n_total
 * @dup_item_title: (nullable): the name of @item for messages ("“%s”
 *   removed"); the `name` property if %NULL
 * @get_narrow_key: (nullable): the key the page's own narrowing of the
 *   list compares (see _hp_table_page_set_narrowed()), in addition to the
 *   search, e.g. a graduate's school id. Runs in the loader's worker thread.
 * @prepare_editor: (nullable): fills in what the fields cannot read from
 *   the item (choices, campaign figures); @item is %NULL for a new one
 * @save_item: stores the editor's @record (new if its id is 0)
 * @update_actions: (nullable): enables the subclass's own actions;
 *   @selected is %NULL without a selection
 *
 * Subclasses fill these in their class_init; the page does the rest.
 */
struct _HpTablePageClass
{
  GtkWidgetClass parent_class;

  GType               item_type;
  HpRecordKind        kind;
  const HpColumnSpec *columns;
  guint               n_columns;
  const HpFieldGroup *fields;
  guint               n_field_groups;
  HpStoreChanges      reload_on;
  gboolean            needs_campaign;
  const char         *no_campaign_text;
  const char         *new_title;
  const char         *edit_title;

  HpLoadFunc          load_items;
  gint64            (*count_items)    (HpStore        *store,
                                       gint64          campaign_id);
  GObject          *(*load_item)      (HpStore        *store,
                                       gint64          id,
                                       GError        **error);
  gint64            (*get_campaign_id) (GObject       *item);
  char             *(*format_count)   (guint           n_shown,
                                       guint           n_total);
  char             *(*dup_item_title) (HpTablePage    *self,
                                       GObject        *item);
  gint64            (*get_narrow_key) (GObject        *item);
  void              (*prepare_editor) (HpTablePage    *self,
                                       HpRecordDialog *dialog,
                                       GObject        *item);
  gboolean          (*save_item)      (HpTablePage    *self,
                                       HpRecordDialog *dialog,
                                       GObject        *record,
                                       GError        **error);
  void              (*update_actions) (HpTablePage    *self,
                                       GObject        *selected,
                                       gboolean        writable);

  /*< private >*/
  HpRowLayout        *row_layout;       /* made from the above on first use */

  gpointer padding[3];
};

HpStore    *hp_table_page_get_store     (HpTablePage *self);
HpCampaign *hp_table_page_get_campaign  (HpTablePage *self);
gint64      hp_table_page_get_campaign_id (HpTablePage *self);
void        hp_table_page_set_campaign  (HpTablePage *self,
                                         HpCampaign  *campaign);
gboolean    hp_table_page_get_loading   (HpTablePage *self);
void        hp_table_page_reload        (HpTablePage *self);
GObject    *hp_table_page_get_selected  (HpTablePage *self);
void        hp_table_page_add_toast     (HpTablePage *self,
                                         AdwToast    *toast);
void        hp_table_page_show_error    (HpTablePage *self,
                                         const char  *heading,
                                         const GError *error);

G_END_DECLS
