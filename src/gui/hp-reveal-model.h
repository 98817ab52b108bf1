/* hp-reveal-model.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HP_TYPE_REVEAL_MODEL (hp_reveal_model_get_type ())
G_DECLARE_FINAL_TYPE (HpRevealModel, hp_reveal_model, HP, REVEAL_MODEL, GObject)

HpRevealModel *hp_reveal_model_new        (GListModel    *model);
GListModel    *hp_reveal_model_get_model  (HpRevealModel *self);
void           hp_reveal_model_start      (HpRevealModel *self,
                                           GtkWidget     *widget,
                                           guint          step);
void           hp_reveal_model_hide       (HpRevealModel *self,
                                           void         (*hidden_func) (gpointer user_data),
                                           gpointer       user_data);
void           hp_reveal_model_hold       (HpRevealModel *self,
                                           guint          msec);
void           hp_reveal_model_finish     (HpRevealModel *self);
gboolean       hp_reveal_model_get_revealing (HpRevealModel *self);

/**
 * HP_REVEAL_CELLS_PER_FRAME:
 *
 * How many cells' widgets a view makes per frame while it reveals its rows.
 * A frame costs the new cells (about 0.3 ms each with their styles, GTK
 * 4.8, cairo) and measuring again every row made so far (GTK queues a
 * resize of each cell of a column when it gets a cell): at 200 rows that
 * is most of a frame, so a frame adds about one row of a wide table. The
 * 20 rows in view come within a third of a second. hp_reveal_step() turns
 * it into rows.
 */
#define HP_REVEAL_CELLS_PER_FRAME 12

static inline guint
hp_reveal_step (guint n_columns)
{
  return MAX (1, HP_REVEAL_CELLS_PER_FRAME / MAX (1, n_columns));
}

G_END_DECLS
