/* hp-import-choose-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-import-step.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_CHOOSE_STEP (hp_import_choose_step_get_type ())
G_DECLARE_FINAL_TYPE (HpImportChooseStep, hp_import_choose_step, HP, IMPORT_CHOOSE_STEP, HpImportStep)

void hp_import_choose_step_open_chooser (HpImportChooseStep *self);

G_END_DECLS
