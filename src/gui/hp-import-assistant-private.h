/* hp-import-assistant-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the assistant's steps and their parts, without widening the
 * public API.
 */
#pragma once

#include "hp-import-assistant.h"
#include "hp-import-columns-step.h"
#include "hp-import-filters-step.h"
#include "hp-import-preview-step.h"
#include "hp-import-summary-step.h"

G_BEGIN_DECLS

/* what GtkFileChooserNative's response would do */
void                  _hp_import_assistant_choose_file        (HpImportAssistant *self,
                                                               GFile             *file);
/* "choose", "preview", "mapping", "filters", "summary" */
const char           *_hp_import_assistant_get_step           (HpImportAssistant *self);
/* on the summary step: "running", "ready", "error" */
const char           *_hp_import_assistant_get_summary_state  (HpImportAssistant *self);
/* %TRUE while a dry run or the import runs in its thread, or the districts
 * of the file are read */
gboolean              _hp_import_assistant_get_busy           (HpImportAssistant *self);
/* (nullable): the dry run's counts, once it succeeded */
const HpImportResult *_hp_import_assistant_get_dry_result     (HpImportAssistant *self);

GtkButton            *_hp_import_assistant_get_next_button    (HpImportAssistant *self);
GtkButton            *_hp_import_assistant_get_back_button    (HpImportAssistant *self);
AdwWindowTitle       *_hp_import_assistant_get_window_title   (HpImportAssistant *self);
HpImportPreviewStep  *_hp_import_assistant_get_preview_step   (HpImportAssistant *self);
HpImportColumnsStep  *_hp_import_assistant_get_columns_step   (HpImportAssistant *self);
HpImportFiltersStep  *_hp_import_assistant_get_filters_step   (HpImportAssistant *self);
HpImportSummaryStep  *_hp_import_assistant_get_summary_step   (HpImportAssistant *self);

/* The steps' parts, by the assistant */

static inline AdwActionRow *
_hp_import_assistant_get_file_row (HpImportAssistant *self)
{
  return hp_import_preview_step_get_file_row (_hp_import_assistant_get_preview_step (self));
}

static inline AdwComboRow *
_hp_import_assistant_get_encoding_row (HpImportAssistant *self)
{
  return hp_import_preview_step_get_encoding_row (_hp_import_assistant_get_preview_step (self));
}

static inline AdwComboRow *
_hp_import_assistant_get_delimiter_row (HpImportAssistant *self)
{
  return hp_import_preview_step_get_delimiter_row (_hp_import_assistant_get_preview_step (self));
}

static inline GtkColumnView *
_hp_import_assistant_get_preview_view (HpImportAssistant *self)
{
  return hp_import_preview_step_get_view (_hp_import_assistant_get_preview_step (self));
}

static inline GtkLabel *
_hp_import_assistant_get_preview_message (HpImportAssistant *self)
{
  return hp_import_preview_step_get_message (_hp_import_assistant_get_preview_step (self));
}

/* (nullable): the mapping row of @field (HpImportField.name) */
static inline AdwComboRow *
_hp_import_assistant_get_mapping_row (HpImportAssistant *self,
                                      const char        *field)
{
  return hp_import_columns_step_get_row (_hp_import_assistant_get_columns_step (self), field);
}

static inline GtkLabel *
_hp_import_assistant_get_mapping_message (HpImportAssistant *self)
{
  return hp_import_columns_step_get_message (_hp_import_assistant_get_columns_step (self));
}

static inline HpChoiceRow *
_hp_import_assistant_get_district_row (HpImportAssistant *self)
{
  return hp_import_filters_step_get_district_row (_hp_import_assistant_get_filters_step (self));
}

static inline GtkSwitch *
_hp_import_assistant_get_abitur_switch (HpImportAssistant *self)
{
  return hp_import_filters_step_get_abitur_switch (_hp_import_assistant_get_filters_step (self));
}

static inline GtkSwitch *
_hp_import_assistant_get_closed_switch (HpImportAssistant *self)
{
  return hp_import_filters_step_get_closed_switch (_hp_import_assistant_get_filters_step (self));
}

static inline AdwActionRow *
_hp_import_assistant_get_campaign_row (HpImportAssistant *self)
{
  return hp_import_filters_step_get_campaign_row (_hp_import_assistant_get_filters_step (self));
}

static inline HpChoiceRow *
_hp_import_assistant_get_school_row (HpImportAssistant *self)
{
  return hp_import_filters_step_get_school_row (_hp_import_assistant_get_filters_step (self));
}

/* the school chooser's popover: its search and the schools that match */
static inline GtkSearchEntry *
_hp_import_assistant_get_school_search (HpImportAssistant *self)
{
  return hp_choice_row_get_search (_hp_import_assistant_get_school_row (self));
}

static inline GtkListView *
_hp_import_assistant_get_school_list (HpImportAssistant *self)
{
  return hp_choice_row_get_list (_hp_import_assistant_get_school_row (self));
}

static inline GtkButton *
_hp_import_assistant_get_school_column_button (HpImportAssistant *self)
{
  return hp_choice_row_get_extra_button (_hp_import_assistant_get_school_row (self));
}

static inline AdwComboRow *
_hp_import_assistant_get_year_row (HpImportAssistant *self)
{
  return hp_import_filters_step_get_year_row (_hp_import_assistant_get_filters_step (self));
}

static inline AdwEntryRow *
_hp_import_assistant_get_year_value_row (HpImportAssistant *self)
{
  return hp_import_filters_step_get_year_value_row (_hp_import_assistant_get_filters_step (self));
}

static inline GtkLabel *
_hp_import_assistant_get_filters_message (HpImportAssistant *self)
{
  return hp_import_filters_step_get_message (_hp_import_assistant_get_filters_step (self));
}

static inline GtkButton *
_hp_import_assistant_get_stop_button (HpImportAssistant *self)
{
  return hp_import_summary_step_get_stop_button (_hp_import_assistant_get_summary_step (self));
}

static inline GtkListBox *
_hp_import_assistant_get_summary_list (HpImportAssistant *self)
{
  return hp_import_summary_step_get_list (_hp_import_assistant_get_summary_step (self));
}

/* the dry run's per-school list: HpChoice items (number, name, details) */
static inline GtkListView *
_hp_import_assistant_get_schools_list (HpImportAssistant *self)
{
  return hp_import_summary_step_get_schools_list (_hp_import_assistant_get_summary_step (self));
}

static inline GtkLabel *
_hp_import_assistant_get_error_label (HpImportAssistant *self)
{
  return hp_import_summary_step_get_error_label (_hp_import_assistant_get_summary_step (self));
}

static inline AdwStatusPage *
_hp_import_assistant_get_ready_page (HpImportAssistant *self)
{
  return hp_import_summary_step_get_ready_page (_hp_import_assistant_get_summary_step (self));
}

/* the summary's "This school's list is complete" (graduates of one school) */
static inline GtkCheckButton *
_hp_import_assistant_get_list_complete_check (HpImportAssistant *self)
{
  return hp_import_summary_step_get_list_complete_check (_hp_import_assistant_get_summary_step (self));
}

G_END_DECLS
