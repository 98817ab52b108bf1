/* hp-import-summary-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-import-step.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_SUMMARY_STEP (hp_import_summary_step_get_type ())
G_DECLARE_FINAL_TYPE (HpImportSummaryStep, hp_import_summary_step, HP, IMPORT_SUMMARY_STEP, HpImportStep)

void                  hp_import_summary_step_import         (HpImportSummaryStep *self);
void                  hp_import_summary_step_stop           (HpImportSummaryStep *self);
gboolean              hp_import_summary_step_get_busy       (HpImportSummaryStep *self);
const char           *hp_import_summary_step_get_state      (HpImportSummaryStep *self);
const HpImportResult *hp_import_summary_step_get_dry_result (HpImportSummaryStep *self);
const HpImportResult *hp_import_summary_step_get_result     (HpImportSummaryStep *self);

/* for tests */
GtkButton            *hp_import_summary_step_get_stop_button    (HpImportSummaryStep *self);
GtkListBox           *hp_import_summary_step_get_list           (HpImportSummaryStep *self);
GtkListView          *hp_import_summary_step_get_schools_list   (HpImportSummaryStep *self);
GtkLabel             *hp_import_summary_step_get_error_label    (HpImportSummaryStep *self);
AdwStatusPage        *hp_import_summary_step_get_ready_page     (HpImportSummaryStep *self);
GtkCheckButton       *hp_import_summary_step_get_list_complete_check (HpImportSummaryStep *self);

G_END_DECLS
