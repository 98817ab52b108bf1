/* hp-agency.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpAgency:
 *
 * The agency that runs the drive (a regional development agency), as it
 * stands at the top of the delivery sheets. Stored once per file, beside the
 * drive's data (hp_store_get_agency(), hp_store_set_agency()), so that every
 * colleague who opens the file prints the same header.
 *
 * Properties, all optional text ("" reads as %NULL): `name`, `street`
 * (street and number), `postcode`, `town`, `phone`, `email`.
 */
#define HP_TYPE_AGENCY (hp_agency_get_type ())
G_DECLARE_FINAL_TYPE (HpAgency, hp_agency, HP, AGENCY, GObject)

HpAgency   *hp_agency_new          (void);
const char *hp_agency_get_name     (HpAgency   *self);
void        hp_agency_set_name     (HpAgency   *self,
                                    const char *name);
const char *hp_agency_get_street   (HpAgency   *self);
void        hp_agency_set_street   (HpAgency   *self,
                                    const char *street);
const char *hp_agency_get_postcode (HpAgency   *self);
void        hp_agency_set_postcode (HpAgency   *self,
                                    const char *postcode);
const char *hp_agency_get_town     (HpAgency   *self);
void        hp_agency_set_town     (HpAgency   *self,
                                    const char *town);
const char *hp_agency_get_phone    (HpAgency   *self);
void        hp_agency_set_phone    (HpAgency   *self,
                                    const char *phone);
const char *hp_agency_get_email    (HpAgency   *self);
void        hp_agency_set_email    (HpAgency   *self,
                                    const char *email);

/**
 * hp_agency_is_empty:
 *
 * Returns: %TRUE when no field is filled in (a new file's agency).
 */
gboolean    hp_agency_is_empty     (HpAgency   *self);

/**
 * hp_agency_equal:
 *
 * Returns: %TRUE when @a and @b hold the same text in every field.
 */
gboolean    hp_agency_equal        (HpAgency   *a,
                                    HpAgency   *b);

G_END_DECLS
