/* hp-import-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import assistant knows of its steps: each is a composite widget
 * that writes its part of the shared HpImportSetup, says when it changed,
 * and says why "Next" cannot be pressed yet. The assistant owns the setup
 * and hands it to each step once.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include "hp-import-step.h"

typedef struct
{
  HpImportSetup *setup;   /* shared with the assistant and the other steps */
} HpImportStepPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HpImportStep, hp_import_step, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hp_import_step_real_enter (HpImportStep *self)
{
}

static char *
hp_import_step_real_dup_problem (HpImportStep *self)
{
  return NULL;
}

static void
hp_import_step_finalize (GObject *object)
{
  HpImportStepPrivate *priv = hp_import_step_get_instance_private (HP_IMPORT_STEP (object));

  g_clear_pointer (&priv->setup, hp_import_setup_unref);

  G_OBJECT_CLASS (hp_import_step_parent_class)->finalize (object);
}

static void
hp_import_step_class_init (HpImportStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hp_import_step_finalize;

  klass->enter = hp_import_step_real_enter;
  klass->dup_problem = hp_import_step_real_dup_problem;

  /**
   * HpImportStep::changed:
   *
   * The step's choices (or its state) changed: the assistant checks
   * whether it can go on.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
hp_import_step_init (HpImportStep *self)
{
}

/* Returns: (transfer none): the setup the steps share */
HpImportSetup *
hp_import_step_get_setup (HpImportStep *self)
{
  HpImportStepPrivate *priv = hp_import_step_get_instance_private (self);

  g_return_val_if_fail (HP_IS_IMPORT_STEP (self), NULL);
  g_assert (priv->setup != NULL);

  return priv->setup;
}

/* @setup: (transfer none): the setup of all steps; the step keeps a reference */
void
hp_import_step_set_setup (HpImportStep  *self,
                          HpImportSetup *setup)
{
  HpImportStepPrivate *priv = hp_import_step_get_instance_private (self);

  g_return_if_fail (HP_IS_IMPORT_STEP (self));
  g_return_if_fail (priv->setup == NULL);

  priv->setup = hp_import_setup_ref (setup);
}

void
hp_import_step_enter (HpImportStep *self)
{
  g_return_if_fail (HP_IS_IMPORT_STEP (self));

  HP_IMPORT_STEP_GET_CLASS (self)->enter (self);
}

char *
hp_import_step_dup_problem (HpImportStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_STEP (self), NULL);

  return HP_IMPORT_STEP_GET_CLASS (self)->dup_problem (self);
}

void
hp_import_step_changed (HpImportStep *self)
{
  g_return_if_fail (HP_IS_IMPORT_STEP (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
hp_import_step_show_message (GtkLabel   *label,
                             const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
