/* hp-table-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by hp-table-page*.c and the pages (the private struct and the
 * helpers between them), and by tests and benchmarks (the page's parts),
 * without widening the public API.
 */
#pragma once

#include "hp-table-page.h"
#include "hp-reveal-model.h"
#include "hp-row-model.h"

G_BEGIN_DECLS

typedef struct
{
  /* Template widgets */
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkBox                *header_box;
  GtkStack              *stack;
  GtkSpinner            *spinner;
  AdwStatusPage         *empty_page;
  GtkButton             *empty_button;
  AdwStatusPage         *error_page;
  GtkScrolledWindow     *scrolled_window;
  GtkColumnView         *column_view;
  GtkActionBar          *action_bar;
  GtkLabel              *count_label;
  AdwButtonContent      *add_button_content;
  GtkBox                *footer_end_box;
  GMenu                 *row_menu;
  GtkPopoverMenu        *row_popover;

  /* Owned */
  HpStore               *store;
  HpCampaign            *campaign;
  HpRowPool             *pool;           /* the rows of @all */
  GPtrArray             *all;            /* every loaded row (HpPackedRow), in the store's order;
                                          * appended to only while a first load comes in */
  HpRowModel            *rows;           /* the view's rows: all, or a search's result, sorted */
  HpRevealModel         *reveal;         /* over rows: a few more rows' widgets per frame */
  GListModel            *items_view;     /* the rows' items, for tests; or NULL */
  GtkSingleSelection    *selection;      /* over reveal */
  gint64                 selected_id;    /* what the selected row showed last, or 0 */
  gpointer               actions_row;    /* the selected HpRow the actions were set for (compared only) */
  gconstpointer          actions_packed; /* and what it showed then */
  GCancellable          *cancellable;    /* the running load */
  GCancellable          *search_cancellable; /* the running search, or NULL */
  HpRowPool             *pending_pool;   /* a reload's pool... */
  GPtrArray             *pending;        /* ...and rows, shown when complete */
  char                  *empty[3];       /* icon name, title, description */
  char                  *add_label;
  char                  *query;          /* case-folded search text, or NULL */
  char                 **terms;          /* its words in pairs: folded plainly, transliterated ("" if the same) */
  gint64                 narrow_key;     /* what the page's narrowing keeps */
  int                    sort_column;    /* the column the view sorts by, or -1 */
  gboolean               sort_descending;
  HpStoreRemoval        *removal;        /* the last removal, while it can be undone */
  AdwToast              *undo_toast;     /* weak */
  AdwToast              *pending_toast;  /* the undo toast, until the frame after the removal */
  guint                  toast_source;
  HpRecordDialog        *dialog;         /* weak: the open editor */
  gint64                 expected;       /* rows the running load brings, or -1 */
  gint64                 keep_id;        /* the row to select after the load */
  double                 keep_scroll;
  gint64                 removed_id;     /* the row change_row() took out last, and where */
  guint                  removed_index;
  guint                  reload_source;
  guint                  row_changed_source;
  guint                  n_side_tasks;   /* a subclass's own work in a worker */

  guint                  loading : 1;
  guint                  progressive : 1;
  guint                  failed : 1;
  guint                  narrowed : 1;
  guint                  restore_after_search : 1;
  guint                  rows_changing : 1;
  guint                  reload_delayed : 1;  /* reload_source is a timeout */
  guint                  hiding_rows : 1;    /* letting go of the rows' widgets */
} HpTablePagePrivate;

HpTablePagePrivate *_hp_table_page_get_priv        (HpTablePage *self);

/* hp-table-page-search.c */
void        _hp_table_page_init_search              (HpTablePage *self);
void        _hp_table_page_update_view              (HpTablePage *self);
void        _hp_table_page_show_rows                (HpTablePage *self,
                                                     HpRowPool   *pool,
                                                     GPtrArray   *rows);
void        _hp_table_page_release                  (gpointer     data,
                                                     GDestroyNotify destroy);
void        _hp_table_page_set_narrowed             (HpTablePage *self,
                                                     gboolean     narrowed,
                                                     gint64       key);
gboolean    _hp_table_page_get_search_active        (HpTablePage *self);
gboolean    _hp_table_page_get_query_active         (HpTablePage *self);
void        _hp_table_page_select_position          (HpTablePage *self,
                                                     guint        position);
void        _hp_table_page_refilter                 (HpTablePage *self);
void        _hp_table_page_cancel_search           (HpTablePage *self);
void        _hp_table_page_restore_position         (HpTablePage *self);

/* hp-table-page-actions.c */
void        _hp_table_page_class_init_actions       (GtkWidgetClass *widget_class);
void        _hp_table_page_init_actions             (HpTablePage *self);
void        _hp_table_page_dispose_actions          (HpTablePage *self);
void        _hp_table_page_update_actions           (HpTablePage *self);
gint64      _hp_table_page_get_item_id              (gpointer     item);

/* For tests and benchmarks */
GListModel     *_hp_table_page_get_model            (HpTablePage *self);
GtkColumnView  *_hp_table_page_get_column_view      (HpTablePage *self);
GtkStack       *_hp_table_page_get_stack            (HpTablePage *self);
GtkLabel       *_hp_table_page_get_count_label      (HpTablePage *self);
AdwStatusPage  *_hp_table_page_get_empty_page       (HpTablePage *self);
GtkWidget      *_hp_table_page_add_empty_action     (HpTablePage *self,
                                                     const char  *label,
                                                     const char  *action_name);
GtkSearchBar   *_hp_table_page_get_search_bar       (HpTablePage *self);
GtkActionBar   *_hp_table_page_get_action_bar       (HpTablePage *self);
HpRecordDialog *_hp_table_page_get_dialog           (HpTablePage *self);
AdwToast       *_hp_table_page_get_undo_toast       (HpTablePage *self);
GtkPopoverMenu *_hp_table_page_get_row_popover      (HpTablePage *self);
void            _hp_table_page_set_search_text      (HpTablePage *self,
                                                     const char  *text);
gboolean        _hp_table_page_get_filtering        (HpTablePage *self);
gboolean        _hp_table_page_get_busy             (HpTablePage *self);
void            _hp_table_page_begin_side_task      (HpTablePage *self);
void            _hp_table_page_end_side_task        (HpTablePage *self);
gboolean        _hp_table_page_select_id            (HpTablePage *self,
                                                     gint64       id);

G_END_DECLS
