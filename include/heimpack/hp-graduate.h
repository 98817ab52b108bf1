/* hp-graduate.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpGraduate:
 *
 * A school leaver of one campaign and school. This is personal data of young
 * people: names and birth date are optional, so that counts alone work.
 *
 * Stored properties: `id`, `campaign-id`, `school-id` (gint64, required),
 * `last-name`, `first-name`, `class-name` (e.g. "Q2" or "13b"), `birth-date`
 * (ISO date or %NULL), `consent-date` (ISO date of the consent to be
 * contacted, %NULL if none), `consent-source` (where the consent was given,
 * e.g. "Formular Abiball"), `email` and `phone` (contact data for the
 * returnee network, stored only together with a consent date and source:
 * the store refuses them otherwise, see hp_graduate_has_consent()),
 * `pack-received` (gboolean).
 *
 * Filled in by hp_store_list_graduates(): `school-name`, and `under18`
 * (gint: 1 if not yet 18 on the hand-over day, 0 if 18 or older, %HP_UNSET
 * without a birth date). The hand-over day is the school's in the campaign,
 * else the campaign's, else 30 June of the campaign year
 * (hp_campaign_dup_age_day()); whoever turns 18 on that day is not under 18.
 */
#define HP_TYPE_GRADUATE (hp_graduate_get_type ())
G_DECLARE_FINAL_TYPE (HpGraduate, hp_graduate, HP, GRADUATE, GObject)

HpGraduate *hp_graduate_new                (gint64      campaign_id,
                                            gint64      school_id);
gint64      hp_graduate_get_id             (HpGraduate *self);
void        hp_graduate_set_id             (HpGraduate *self,
                                            gint64      id);
gint64      hp_graduate_get_campaign_id    (HpGraduate *self);
void        hp_graduate_set_campaign_id    (HpGraduate *self,
                                            gint64      campaign_id);
gint64      hp_graduate_get_school_id      (HpGraduate *self);
void        hp_graduate_set_school_id      (HpGraduate *self,
                                            gint64      school_id);
const char *hp_graduate_get_school_name    (HpGraduate *self);
void        hp_graduate_set_school_name    (HpGraduate *self,
                                            const char *school_name);
const char *hp_graduate_get_last_name      (HpGraduate *self);
void        hp_graduate_set_last_name      (HpGraduate *self,
                                            const char *last_name);
const char *hp_graduate_get_first_name     (HpGraduate *self);
void        hp_graduate_set_first_name     (HpGraduate *self,
                                            const char *first_name);
const char *hp_graduate_get_class_name     (HpGraduate *self);
void        hp_graduate_set_class_name     (HpGraduate *self,
                                            const char *class_name);
const char *hp_graduate_get_birth_date     (HpGraduate *self);
void        hp_graduate_set_birth_date     (HpGraduate *self,
                                            const char *iso_date);
const char *hp_graduate_get_consent_date   (HpGraduate *self);
void        hp_graduate_set_consent_date   (HpGraduate *self,
                                            const char *iso_date);
const char *hp_graduate_get_consent_source (HpGraduate *self);
void        hp_graduate_set_consent_source (HpGraduate *self,
                                            const char *source);
int         hp_graduate_get_under18        (HpGraduate *self);
void        hp_graduate_set_under18        (HpGraduate *self,
                                            int         under18);
const char *hp_graduate_get_email          (HpGraduate *self);
void        hp_graduate_set_email          (HpGraduate *self,
                                            const char *email);
const char *hp_graduate_get_phone          (HpGraduate *self);
void        hp_graduate_set_phone          (HpGraduate *self,
                                            const char *phone);
gboolean    hp_graduate_has_consent        (HpGraduate *self);
gboolean    hp_graduate_get_pack_received  (HpGraduate *self);
void        hp_graduate_set_pack_received  (HpGraduate *self,
                                            gboolean    received);

G_END_DECLS
