/* hp-record-dialog-suggestions.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For hp-record-dialog.c: the list of suggestions under a text field of the
 * editor (see hp_record_dialog_set_suggestions()).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _HpRecordSuggestions HpRecordSuggestions;

HpRecordSuggestions *_hp_record_suggestions_new         (GtkWidget           *row,
                                                         GListModel          *items,
                                                         const char          *label_property);
void                 _hp_record_suggestions_update      (HpRecordSuggestions *self);
GtkPopover          *_hp_record_suggestions_get_popover (HpRecordSuggestions *self);
GtkListView         *_hp_record_suggestions_get_view    (HpRecordSuggestions *self);
void                 _hp_record_suggestions_free        (HpRecordSuggestions *self);

G_END_DECLS
