/* hp-record-dialog-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the editor's parts, without widening the public API.
 */
#pragma once

#include "hp-record-dialog.h"

G_BEGIN_DECLS

GtkWidget *_hp_record_dialog_get_row          (HpRecordDialog *self,
                                               const char     *key);
GtkWidget *_hp_record_dialog_get_editor       (HpRecordDialog *self,
                                               const char     *key);
GtkLabel  *_hp_record_dialog_get_message      (HpRecordDialog *self,
                                               const char     *key);
GtkWidget   *_hp_record_dialog_get_date_button         (HpRecordDialog *self,
                                                       const char     *key);
GtkPopover  *_hp_record_dialog_get_suggestions_popover (HpRecordDialog *self,
                                                       const char     *key);
GtkListView *_hp_record_dialog_get_suggestion_view  (HpRecordDialog *self,
                                                     const char     *key);
GtkWidget *_hp_record_dialog_get_save_button  (HpRecordDialog *self);
GtkLabel  *_hp_record_dialog_get_error_label  (HpRecordDialog *self);
void       _hp_record_dialog_set_text         (HpRecordDialog *self,
                                               const char     *key,
                                               const char     *text);

G_END_DECLS
