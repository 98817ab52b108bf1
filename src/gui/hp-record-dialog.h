/* hp-record-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hp-record-field.h"

G_BEGIN_DECLS

#define HP_TYPE_RECORD_DIALOG (hp_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HpRecordDialog, hp_record_dialog, HP, RECORD_DIALOG, AdwWindow)

/**
 * HpRecordSaveFunc:
 * @dialog: the editor
 * @record: a fresh copy of the record (or a new one) with the property
 *   fields applied; the function stores it
 *
 * Returns: %TRUE if saved (the editor closes), %FALSE with @error set (the
 *   editor stays open and shows the message).
 */
typedef gboolean (*HpRecordSaveFunc) (HpRecordDialog  *dialog,
                                      GObject         *record,
                                      gpointer         user_data,
                                      GError         **error);

HpRecordDialog *hp_record_dialog_new                (GtkWidget          *parent,
                                                     const char         *title,
                                                     GType               record_type,
                                                     GObject            *original,
                                                     const HpFieldGroup *groups,
                                                     guint               n_groups);
GObject        *hp_record_dialog_get_original       (HpRecordDialog     *self);
void            hp_record_dialog_set_save_func      (HpRecordDialog     *self,
                                                     HpRecordSaveFunc    func,
                                                     gpointer            user_data,
                                                     GDestroyNotify      destroy);
void            hp_record_dialog_set_save_label     (HpRecordDialog     *self,
                                                     const char         *label);
void            hp_record_dialog_set_choices        (HpRecordDialog     *self,
                                                     const char         *key,
                                                     GListModel         *items,
                                                     const char         *label_property);
void            hp_record_dialog_set_suggestions    (HpRecordDialog     *self,
                                                     const char         *key,
                                                     GListModel         *items,
                                                     const char         *label_property);
void            hp_record_dialog_set_default_date   (HpRecordDialog     *self,
                                                     const char         *iso);
void            hp_record_dialog_set_group_visible  (HpRecordDialog     *self,
                                                     guint               group,
                                                     gboolean            visible);
void            hp_record_dialog_set_group_description (HpRecordDialog  *self,
                                                     guint               group,
                                                     const char         *description);
void            hp_record_dialog_set_field_sensitive (HpRecordDialog    *self,
                                                     const char         *key,
                                                     gboolean            sensitive,
                                                     const char         *explanation);
void            hp_record_dialog_set_int            (HpRecordDialog     *self,
                                                     const char         *key,
                                                     gint64              value);
void            hp_record_dialog_set_string         (HpRecordDialog     *self,
                                                     const char         *key,
                                                     const char         *value);
void            hp_record_dialog_set_boolean        (HpRecordDialog     *self,
                                                     const char         *key,
                                                     gboolean            value);
gint64          hp_record_dialog_get_int            (HpRecordDialog     *self,
                                                     const char         *key);
char           *hp_record_dialog_dup_string         (HpRecordDialog     *self,
                                                     const char         *key);
gboolean        hp_record_dialog_get_boolean        (HpRecordDialog     *self,
                                                     const char         *key);

G_END_DECLS
