/* hp-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_APPLICATION (hp_application_get_type ())
G_DECLARE_FINAL_TYPE (HpApplication, hp_application, HP, APPLICATION, AdwApplication)

HpApplication *hp_application_new          (void);
const char    *hp_application_get_database (HpApplication *self);
void           hp_application_set_database (HpApplication *self,
                                            const char    *database);
HpStore       *hp_application_get_store    (HpApplication *self);
void           hp_application_open_file    (HpApplication *self,
                                            GFile         *file);
void           hp_application_create_file  (HpApplication *self,
                                            GFile         *file);

G_END_DECLS
