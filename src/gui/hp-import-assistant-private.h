/* hp-import-assistant-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the assistant's parts and steps, without widening the public
 * API.
 */
#pragma once

#include "hp-import-assistant.h"

G_BEGIN_DECLS

/* what GtkFileChooserNative's response would do */
void                  _hp_import_assistant_choose_file        (HpImportAssistant *self,
                                                               GFile             *file);
/* "choose", "preview", "mapping", "filters", "summary" */
const char           *_hp_import_assistant_get_step           (HpImportAssistant *self);
/* on the summary step: "running", "ready", "error" */
const char           *_hp_import_assistant_get_summary_state  (HpImportAssistant *self);
/* %TRUE while a dry run or the import runs in its thread */
gboolean              _hp_import_assistant_get_busy           (HpImportAssistant *self);
/* (nullable): the dry run's counts, once it succeeded */
const HpImportResult *_hp_import_assistant_get_dry_result     (HpImportAssistant *self);

GtkButton            *_hp_import_assistant_get_next_button    (HpImportAssistant *self);
GtkButton            *_hp_import_assistant_get_back_button    (HpImportAssistant *self);
GtkButton            *_hp_import_assistant_get_stop_button    (HpImportAssistant *self);
AdwWindowTitle       *_hp_import_assistant_get_window_title   (HpImportAssistant *self);
AdwActionRow         *_hp_import_assistant_get_file_row       (HpImportAssistant *self);
AdwComboRow          *_hp_import_assistant_get_encoding_row   (HpImportAssistant *self);
AdwComboRow          *_hp_import_assistant_get_delimiter_row  (HpImportAssistant *self);
GtkColumnView        *_hp_import_assistant_get_preview_view   (HpImportAssistant *self);
GtkLabel             *_hp_import_assistant_get_preview_message (HpImportAssistant *self);
/* (nullable): the mapping row of @field (HpImportField.name) */
AdwComboRow          *_hp_import_assistant_get_mapping_row    (HpImportAssistant *self,
                                                               const char        *field);
GtkLabel             *_hp_import_assistant_get_mapping_message (HpImportAssistant *self);
AdwEntryRow          *_hp_import_assistant_get_district_row   (HpImportAssistant *self);
GtkSwitch            *_hp_import_assistant_get_abitur_switch  (HpImportAssistant *self);
GtkSwitch            *_hp_import_assistant_get_closed_switch  (HpImportAssistant *self);
AdwActionRow         *_hp_import_assistant_get_campaign_row   (HpImportAssistant *self);
AdwActionRow         *_hp_import_assistant_get_school_row     (HpImportAssistant *self);
/* the school chooser's popover: its search and the schools that match */
GtkSearchEntry       *_hp_import_assistant_get_school_search  (HpImportAssistant *self);
GtkListView          *_hp_import_assistant_get_school_list    (HpImportAssistant *self);
GtkButton            *_hp_import_assistant_get_school_column_button (HpImportAssistant *self);
AdwComboRow          *_hp_import_assistant_get_year_row       (HpImportAssistant *self);
AdwEntryRow          *_hp_import_assistant_get_year_value_row (HpImportAssistant *self);
GtkLabel             *_hp_import_assistant_get_filters_message (HpImportAssistant *self);
GtkListBox           *_hp_import_assistant_get_summary_list   (HpImportAssistant *self);
GtkLabel             *_hp_import_assistant_get_error_label    (HpImportAssistant *self);
AdwStatusPage        *_hp_import_assistant_get_ready_page     (HpImportAssistant *self);
/* the summary's "This school's list is complete" (graduates of one school) */
GtkCheckButton       *_hp_import_assistant_get_list_complete_check (HpImportAssistant *self);

G_END_DECLS
