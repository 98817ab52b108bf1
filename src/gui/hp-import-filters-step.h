/* hp-import-filters-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-choice-row.h"
#include "hp-import-step.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_FILTERS_STEP (hp_import_filters_step_get_type ())
G_DECLARE_FINAL_TYPE (HpImportFiltersStep, hp_import_filters_step, HP, IMPORT_FILTERS_STEP, HpImportStep)

void          hp_import_filters_step_update_campaign (HpImportFiltersStep *self);
gboolean      hp_import_filters_step_get_surveying   (HpImportFiltersStep *self);

/* for tests */
HpChoiceRow  *hp_import_filters_step_get_district_row   (HpImportFiltersStep *self);
GtkSwitch    *hp_import_filters_step_get_abitur_switch  (HpImportFiltersStep *self);
GtkSwitch    *hp_import_filters_step_get_closed_switch  (HpImportFiltersStep *self);
AdwActionRow *hp_import_filters_step_get_campaign_row   (HpImportFiltersStep *self);
HpChoiceRow  *hp_import_filters_step_get_school_row     (HpImportFiltersStep *self);
AdwComboRow  *hp_import_filters_step_get_year_row       (HpImportFiltersStep *self);
AdwEntryRow  *hp_import_filters_step_get_year_value_row (HpImportFiltersStep *self);
GtkLabel     *hp_import_filters_step_get_message        (HpImportFiltersStep *self);

G_END_DECLS
