/* hp-choice-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hp-choice.h"

G_BEGIN_DECLS

#define HP_TYPE_CHOICE_ROW (hp_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (HpChoiceRow, hp_choice_row, HP, CHOICE_ROW, AdwActionRow)

GtkWidget      *hp_choice_row_new              (void);
void            hp_choice_row_set_choices      (HpChoiceRow *self,
                                                GListModel  *choices);
const char     *hp_choice_row_get_chosen_id    (HpChoiceRow *self);
void            hp_choice_row_set_chosen_id    (HpChoiceRow *self,
                                                const char  *id);
HpChoice       *hp_choice_row_get_chosen       (HpChoiceRow *self);
void            hp_choice_row_set_placeholder  (HpChoiceRow *self,
                                                const char  *placeholder);
void            hp_choice_row_set_extra_label  (HpChoiceRow *self,
                                                const char  *label);
void            hp_choice_row_set_search_placeholder (HpChoiceRow *self,
                                                      const char  *text);

GtkListItemFactory *hp_choice_row_create_factory (void);

/* for tests: the popover's parts */
GtkSearchEntry *hp_choice_row_get_search       (HpChoiceRow *self);
GtkListView    *hp_choice_row_get_list         (HpChoiceRow *self);
GtkButton      *hp_choice_row_get_extra_button (HpChoiceRow *self);

G_END_DECLS
