/* hp-import-columns-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-import-step.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_COLUMNS_STEP (hp_import_columns_step_get_type ())
G_DECLARE_FINAL_TYPE (HpImportColumnsStep, hp_import_columns_step, HP, IMPORT_COLUMNS_STEP, HpImportStep)

/* for tests: (nullable): the row of @field (HpImportField.name) */
AdwComboRow *hp_import_columns_step_get_row     (HpImportColumnsStep *self,
                                                 const char          *field);
GtkLabel    *hp_import_columns_step_get_message (HpImportColumnsStep *self);

G_END_DECLS
