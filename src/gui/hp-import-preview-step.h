/* hp-import-preview-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-import-step.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_PREVIEW_STEP (hp_import_preview_step_get_type ())
G_DECLARE_FINAL_TYPE (HpImportPreviewStep, hp_import_preview_step, HP, IMPORT_PREVIEW_STEP, HpImportStep)

/* for tests */
AdwActionRow  *hp_import_preview_step_get_file_row      (HpImportPreviewStep *self);
AdwComboRow   *hp_import_preview_step_get_encoding_row  (HpImportPreviewStep *self);
AdwComboRow   *hp_import_preview_step_get_delimiter_row (HpImportPreviewStep *self);
GtkColumnView *hp_import_preview_step_get_view          (HpImportPreviewStep *self);
GtkLabel      *hp_import_preview_step_get_message       (HpImportPreviewStep *self);

G_END_DECLS
