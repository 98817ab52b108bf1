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
void           hp_reveal_model_finish     (HpRevealModel *self);
gboolean       hp_reveal_model_get_revealing (HpRevealModel *self);

/**
 * HP_REVEAL_CELLS_PER_FRAME:
 *
 * How many cells' widgets a view makes per frame while it reveals its rows:
 * with about 0.1 ms each on the main loop (GTK 4.8, cairo), a few
 * milliseconds a frame. hp_reveal_step() turns it into rows.
 */
#define HP_REVEAL_CELLS_PER_FRAME 80

static inline guint
hp_reveal_step (guint n_columns)
{
  return MAX (2, HP_REVEAL_CELLS_PER_FRAME / MAX (1, n_columns));
}

G_END_DECLS
