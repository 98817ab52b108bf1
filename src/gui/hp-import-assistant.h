/* hp-import-assistant.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

#include "hp-import-setup.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_ASSISTANT (hp_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (HpImportAssistant, hp_import_assistant, HP, IMPORT_ASSISTANT, AdwWindow)

HpImportAssistant    *hp_import_assistant_new             (HpStore           *store,
                                                           HpImportKind       kind,
                                                           HpCampaign        *campaign,
                                                           GFile             *file);
HpImportKind          hp_import_assistant_get_kind        (HpImportAssistant *self);
HpCampaign           *hp_import_assistant_get_campaign    (HpImportAssistant *self);
void                  hp_import_assistant_set_campaign    (HpImportAssistant *self,
                                                           HpCampaign        *campaign);
const HpImportResult *hp_import_assistant_get_result      (HpImportAssistant *self);
char                 *hp_import_assistant_dup_result_text (HpImportAssistant *self);


G_END_DECLS
