/* hp-pack-page-internal.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pack contents page's files share: the instance struct and the
 * functions one calls in the other. hp-pack-page.c loads and shows the
 * lines; hp-pack-page-cells.c makes the table's cells;
 * hp-pack-page-actions.c is what the user does with the lines (adding,
 * pieces, order, removing with undo, renaming, merging, the 18+ mark).
 * Not for tests: they use hp-pack-page-private.h.
 */
#pragma once

#include "hp-pack-page-private.h"
#include "hp-reveal-model.h"

G_BEGIN_DECLS

struct _HpPackPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *standard_column;
  GtkColumnViewColumn *under18_column;
  GtkColumnViewColumn *sponsors_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *needed_column;
  GtkLabel            *summary_label;
  GtkActionBar        *action_bar;
  GtkPopoverMenu      *row_popover;

  /* Owned */
  HpStore             *store;
  HpCampaign          *campaign;
  GListStore          *rows;          /* of HpPackRow, in packing order */
  HpRevealModel       *reveal;        /* over rows: their widgets a few per frame when first shown */
  GtkSingleSelection  *selection;     /* over reveal */
  GListModel          *items;         /* every HpItem, with the campaign's figures */
  GCancellable        *cancellable;   /* of the running load */
  HpRecipeItem        *removed_line;  /* the last line taken out, while it can be undone */
  guint                removed_index; /* and its place in packing order */
  gint64               keep_item_id;  /* the line to select after the next load */
  guint                reload_source;
  guint                warm_source;   /* measures the page after a hidden load */
  gint64               loaded_campaign_id;  /* whose lines are shown, or 0 */
  guint                n_loaded;

  /* Borrowed */
  AdwToast            *undo_toast;    /* weak */
  AdwMessageDialog    *dialog;        /* weak: the open add / rename / merge dialog */
  GtkEditable         *dialog_entry;  /* in it, or NULL */
  GtkDropDown         *merge_choice;  /* in it, or NULL */

  guint                loading : 1;
  guint                dirty : 1;     /* stale while not on screen */
};

/* hp-pack-page-cells.c */
void        _hp_pack_page_set_up_columns     (HpPackPage   *self);

/* hp-pack-page.c */
void        _hp_pack_page_show_error         (HpPackPage   *self,
                                              const char   *heading,
                                              const GError *error);
void        _hp_pack_page_add_toast          (HpPackPage   *self,
                                              AdwToast     *toast);
gint64      _hp_pack_page_get_campaign_id    (HpPackPage   *self);

/* hp-pack-page-actions.c */
void        _hp_pack_page_class_init_actions (GtkWidgetClass *widget_class);
void        _hp_pack_page_update_actions     (HpPackPage   *self);
void        _hp_pack_page_forget_removal     (HpPackPage   *self);
void        _hp_pack_page_dispose_actions    (HpPackPage   *self);
void        _hp_pack_page_set_adult_only     (HpPackPage   *self,
                                              gboolean      adult_only);
void        _hp_pack_page_pieces_changed     (HpPackPage   *self,
                                              HpPackRow    *row,
                                              guint         per_standard,
                                              guint         per_under18);

G_END_DECLS
