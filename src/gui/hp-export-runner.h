/* hp-export-runner.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_EXPORT_RUNNER (hp_export_runner_get_type ())
G_DECLARE_FINAL_TYPE (HpExportRunner, hp_export_runner, HP, EXPORT_RUNNER, GObject)

void            hp_export_runner_choose_file  (AdwToastOverlay *toasts,
                                               HpStore         *store,
                                               HpCampaign      *campaign,
                                               HpExportKind     kind);
HpExportRunner *hp_export_runner_start        (AdwToastOverlay *toasts,
                                               HpStore         *store,
                                               HpCampaign      *campaign,
                                               HpExportKind     kind,
                                               const char      *path,
                                               gboolean         class_lists);
gboolean        hp_export_runner_get_running  (HpExportRunner *self);
const char     *hp_export_runner_get_path     (HpExportRunner *self);
void            hp_export_runner_cancel       (HpExportRunner *self);

G_END_DECLS
