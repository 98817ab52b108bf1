/* hp-import-step.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hp-import-setup.h"

G_BEGIN_DECLS

#define HP_TYPE_IMPORT_STEP (hp_import_step_get_type ())
G_DECLARE_DERIVABLE_TYPE (HpImportStep, hp_import_step, HP, IMPORT_STEP, AdwBin)

/**
 * HpImportStepClass:
 * @enter: the assistant shows the step: read the setup again (the steps
 *   before may have changed it)
 * @dup_problem: (nullable): why the assistant cannot go on yet, for the
 *   user; %NULL when it can
 *
 * One step of the import assistant. A step writes its choices into the
 * #HpImportSetup it shares with the others and emits
 * #HpImportStep::changed, so the assistant checks its buttons again.
 */
struct _HpImportStepClass
{
  AdwBinClass parent_class;

  void   (*enter)       (HpImportStep *self);
  char  *(*dup_problem) (HpImportStep *self);
};

HpImportSetup *hp_import_step_get_setup   (HpImportStep  *self);
void           hp_import_step_set_setup   (HpImportStep  *self,
                                           HpImportSetup *setup);
void           hp_import_step_enter       (HpImportStep  *self);
char          *hp_import_step_dup_problem (HpImportStep  *self);
void           hp_import_step_changed     (HpImportStep  *self);

/* the message label of a step: shows @message, hidden when %NULL */
void           hp_import_step_show_message (GtkLabel     *label,
                                            const char   *message);

G_END_DECLS
