/* hp-export-runner-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an export showed, for tests.
 */
#pragma once

#include "hp-export-runner.h"

G_BEGIN_DECLS

AdwToast         *_hp_export_runner_get_progress_toast (HpExportRunner *self);
AdwToast         *_hp_export_runner_get_result_toast   (HpExportRunner *self);
AdwMessageDialog *_hp_export_runner_get_error_dialog   (HpExportRunner *self);
AdwMessageDialog *_hp_export_runner_get_warnings_dialog (HpExportRunner *self);

G_END_DECLS
