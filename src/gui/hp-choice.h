/* hp-choice.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HP_TYPE_CHOICE (hp_choice_get_type ())
G_DECLARE_FINAL_TYPE (HpChoice, hp_choice, HP, CHOICE, GObject)

HpChoice   *hp_choice_new         (const char *id,
                                   const char *title,
                                   const char *details);
const char *hp_choice_get_id      (HpChoice   *self);
const char *hp_choice_get_title   (HpChoice   *self);
const char *hp_choice_get_details (HpChoice   *self);
gboolean    hp_choice_matches     (HpChoice   *self,
                                   const char *search);

G_END_DECLS
