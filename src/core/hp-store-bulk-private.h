/* hp-store-bulk-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lean store calls for the importer (src/core/import), which writes hundreds
 * of thousands of rows in one transaction and checks their references once
 * per school rather than once per row. Not part of the contract.
 */
#pragma once

#include "heimpack/hp-store.h"

G_BEGIN_DECLS

/*
 * _hp_store_insert_graduate_row:
 * Inserts one graduate without building an object. The caller has checked
 * that the campaign and school exist, that @birth_date and @consent_date
 * are NULL or valid ISO dates, and that contact data (@email, @phone) comes
 * only with consent date and source (_hp_store_check_contact()); the schema
 * checks again.
 */
gboolean    _hp_store_insert_graduate_row (HpStore     *self,
                                           gint64       campaign_id,
                                           gint64       school_id,
                                           const char  *last_name,
                                           const char  *first_name,
                                           const char  *class_name,
                                           const char  *birth_date,
                                           const char  *consent_date,
                                           const char  *consent_source,
                                           const char  *email,
                                           const char  *phone,
                                           GError     **error);

/*
 * _hp_store_check_contact:
 * A graduate's contact data: only with a consent date and source, and an
 * e-mail address that looks like one. HP_STORE_ERROR_INVALID otherwise.
 */
gboolean    _hp_store_check_contact       (const char  *email,
                                           const char  *phone,
                                           const char  *consent_date,
                                           const char  *consent_source,
                                           GError     **error);

/*
 * _hp_store_graduate_key:
 * The identity of a graduate at a school for duplicate detection, as a
 * 64-bit hash of school, last and first name (case-folded) and birth date:
 * 8 bytes a row instead of the strings. 0 when the row has no name
 * (counts-only lists have no duplicates).
 */
guint64     _hp_store_graduate_key        (gint64       school_id,
                                           const char  *last_name,
                                           const char  *first_name,
                                           const char  *birth_date);

/*
 * _hp_store_graduate_keys:
 * A set (keys as pointers, g_direct_hash) of the keys of the graduates of
 * @campaign_id that are already stored.
 */
GHashTable *_hp_store_graduate_keys       (HpStore     *self,
                                           gint64       campaign_id,
                                           GError     **error);

/*
 * _hp_store_get_campaign_school:
 * The school @school_id with its figures in @campaign_id (`graduate-count`,
 * `list-complete` …), as hp_store_list_schools() fills them in, on a cached
 * statement: once per school of an import run, in the importing thread,
 * inside its transaction. %NULL with %HP_STORE_ERROR_NOT_FOUND.
 */
HpSchool   *_hp_store_get_campaign_school (HpStore     *self,
                                           gint64       campaign_id,
                                           gint64       school_id,
                                           GError     **error);

#define HP_GRADUATE_KEY_TO_POINTER(key) ((gpointer) (guintptr) (key))

G_END_DECLS
