/* hp-school.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpSchool:
 *
 * A school whose leavers get packs. Persists across campaigns; codes are text
 * so that leading zeros survive (`district-key` "05958004", `school-form` "02").
 *
 * Stored properties: `id` (gint64), `number` (official school number, unique,
 * required), `name` (required), `street`, `postcode`, `town`, `district-key`
 * (Gemeindeschlüssel), `school-form` (Schulform code), `contact-teacher`,
 * `email`, `phone`.
 *
 * Per campaign, stored with hp_store_set_school_campaign() and filled in by
 * hp_store_list_schools() for that campaign: `expected-graduates` (gint,
 * %HP_UNSET if not reported), `under18-expected` (gint, manual number of
 * under-18 packs, %HP_UNSET if not given), `handover` (ISO `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM`, or %NULL), `list-complete` (gboolean: the school said
 * its graduate list is complete, so its graduates are what it needs), and
 * the read-only `graduate-count` (graduates stored for this school in the
 * campaign).
 */
#define HP_TYPE_SCHOOL (hp_school_get_type ())
G_DECLARE_FINAL_TYPE (HpSchool, hp_school, HP, SCHOOL, GObject)

HpSchool   *hp_school_new                    (const char *number,
                                              const char *name);
gint64      hp_school_get_id                 (HpSchool   *self);
void        hp_school_set_id                 (HpSchool   *self,
                                              gint64      id);
const char *hp_school_get_number             (HpSchool   *self);
void        hp_school_set_number             (HpSchool   *self,
                                              const char *number);
const char *hp_school_get_name               (HpSchool   *self);
void        hp_school_set_name               (HpSchool   *self,
                                              const char *name);
const char *hp_school_get_street             (HpSchool   *self);
void        hp_school_set_street             (HpSchool   *self,
                                              const char *street);
const char *hp_school_get_postcode           (HpSchool   *self);
void        hp_school_set_postcode           (HpSchool   *self,
                                              const char *postcode);
const char *hp_school_get_town               (HpSchool   *self);
void        hp_school_set_town               (HpSchool   *self,
                                              const char *town);
const char *hp_school_get_district_key       (HpSchool   *self);
void        hp_school_set_district_key       (HpSchool   *self,
                                              const char *district_key);
const char *hp_school_get_school_form        (HpSchool   *self);
void        hp_school_set_school_form        (HpSchool   *self,
                                              const char *school_form);
const char *hp_school_get_contact_teacher    (HpSchool   *self);
void        hp_school_set_contact_teacher    (HpSchool   *self,
                                              const char *contact_teacher);
const char *hp_school_get_email              (HpSchool   *self);
void        hp_school_set_email              (HpSchool   *self,
                                              const char *email);
const char *hp_school_get_phone              (HpSchool   *self);
void        hp_school_set_phone              (HpSchool   *self,
                                              const char *phone);
int         hp_school_get_expected_graduates (HpSchool   *self);
void        hp_school_set_expected_graduates (HpSchool   *self,
                                              int         expected);
int         hp_school_get_under18_expected   (HpSchool   *self);
void        hp_school_set_under18_expected   (HpSchool   *self,
                                              int         expected);
const char *hp_school_get_handover           (HpSchool   *self);
void        hp_school_set_handover           (HpSchool   *self,
                                              const char *iso_datetime);
gboolean    hp_school_get_list_complete      (HpSchool   *self);
void        hp_school_set_list_complete      (HpSchool   *self,
                                              gboolean    complete);
guint       hp_school_get_graduate_count     (HpSchool   *self);
void        hp_school_set_graduate_count     (HpSchool   *self,
                                              guint       count);

G_END_DECLS
