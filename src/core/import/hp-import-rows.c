/* hp-import-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of an import: a school of a directory (filters, code repairs,
 * merge by school number) or a graduate of a school's list (leaving-year
 * filter, duplicates, rows without a name). Graduates take a lean path to the
 * store (hp-store-bulk-private.h): a list may have 350,000 rows.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-format.h"
#include "heimpack/hp-campaign.h"
#include "heimpack/hp-school.h"
#include "hp-import-private.h"
#include "hp-store-bulk-private.h"

/* NRW Schulbetriebsschluessel of a closed school */
#define STATUS_CLOSED "9"

gboolean
hp_import_school_form_leads_to_abitur (const char *code)
{
  static const char * const forms[] = { "20", "15", "17", "19", "87", "30", "25" };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (code, forms[i]))
      return TRUE;

  return FALSE;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* "05 958 004", "5958004.0" from a spreadsheet → "05958004", "5958004" */
static void
tidy_code (GString *value)
{
  for (gsize i = 0; i < value->len; )
    if (value->str[i] == ' ')
      g_string_erase (value, i, 1);
    else
      i++;
  if (g_str_has_suffix (value->str, ".0"))
    g_string_truncate (value, value->len - 2);
}

/*
 * repair_code:
 * A numeric code of @width digits that a spreadsheet turned into a number
 * lost its leading zero: put it back (and count it). Only one can be lost:
 * no German municipality key or postcode starts with "00". Empty stays
 * empty. Anything else that is not @width digits is an error.
 */
static gboolean
repair_code (HpImport        *self,
             GString         *value,
             guint            width,
             const char      *what,
             guint            line,
             int              spec,
             guint           *repaired,
             GError         **error)
{
  if (value->len == 0)
    return TRUE;

  tidy_code (value);

  if (all_digits (value->str) && value->len == width - 1)
    {
      while (value->len < width)
        g_string_prepend_c (value, '0');
      (*repaired)++;
      return TRUE;
    }

  if (all_digits (value->str) && value->len == width)
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a %s (%u digits)."), value->str, what, width);
    return _hp_import_value_error (self, error, line, spec, message);
  }
}

/* An SVWS school directory (or a table of the same shape): its municipality
 * key is `RegSchl`, 6 digits without the Land's "05". */
gboolean
_hp_import_is_svws_directory (HpImport *self)
{
  int spec = _hp_import_spec (self, "district_key");
  int column = spec >= 0 ? self->columns[spec] : -1;

  return column >= 0 &&
         g_ascii_strcasecmp (hp_table_reader_get_header (self->reader)[column], "RegSchl") == 0;
}

/*
 * _hp_import_school_codes:
 * The codes of a school row that decide where it belongs, read as every
 * school run reads them (the import and hp_import_list_districts()): the
 * municipality key completed (SVWS `RegSchl`) or repaired, the school form
 * repaired, the operating status. Fails for a key that cannot be repaired
 * and for a row of SVWS's table of school providers.
 */
gboolean
_hp_import_school_codes (HpImport            *self,
                         const char * const  *fields,
                         guint                line,
                         gboolean             svws,
                         HpSchoolCodes       *codes,
                         GError             **error)
{
  int district_spec = _hp_import_spec (self, "district_key");
  int form_spec = _hp_import_spec (self, "school_form");
  GString *key = codes->district_key;
  GString *form = codes->school_form;

  codes->repaired_district_key = 0;
  codes->repaired_school_form = 0;
  codes->completed_district_key = 0;

  g_string_assign (key, _hp_import_value (self, fields, district_spec, key));
  /* SVWS: RegSchl "958004" is the key without NRW's "05": completed, not repaired */
  if (svws)
    {
      tidy_code (key);
      if (key->len == 6 && all_digits (key->str))
        {
          g_string_prepend (key, "05");
          codes->completed_district_key++;
        }
    }
  if (!repair_code (self, key, 8, _("municipality key"), line, district_spec, &codes->repaired_district_key, error))
    return FALSE;

  g_string_assign (form, _hp_import_value (self, fields, form_spec, form));
  if (form->len == 1 && g_ascii_isdigit (form->str[0]))
    {
      g_string_prepend_c (form, '0');
      codes->repaired_school_form++;
    }

  /* SVWS's table of school providers (Schultraeger.csv) has the directory's
   * header; its rows have school form 00, which no school has. */
  if (svws && g_str_equal (form->str, "00"))
    return _hp_import_value_error (self, error, line, form_spec,
                                   _("School form 00 marks a school provider (Schulträger), not a school: "
                                     "this is SVWS’s table of school providers, not its school directory "
                                     "(Schulen.csv)."));

  codes->closed = g_str_equal (_hp_import_value (self, fields, _hp_import_spec (self, "status"), codes->status),
                               STATUS_CLOSED);
  return TRUE;
}

static gboolean
prepare_schools (HpImport  *self,
                 GError   **error)
{
  if (_hp_import_spec (self, "name") >= 0 &&
      self->columns[_hp_import_spec (self, "name")] < 0 &&
      self->columns[_hp_import_spec (self, "name_1")] < 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s has no column for the school name. Choose one, e.g. with --map name=HEADER."),
                   hp_table_reader_get_display_name (self->reader));
      return FALSE;
    }

  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

/* Joins "Schulbezeichnung_1..3", which are cut at 40 characters: after a
 * hyphen the parts join without a space, and a lower-case continuation was a
 * hyphenated word ("Hochsauerland-" + "kreises" → "Hochsauerlandkreises",
 * but "Bodelschwingh-" + "Schule" → "Bodelschwingh-Schule"). */
static void
join_name_part (GString    *name,
                const char *part)
{
  if (*part == '\0')
    return;

  if (name->len > 0 && name->str[name->len - 1] == '-')
    {
      if (g_unichar_islower (g_utf8_get_char (part)))
        g_string_truncate (name, name->len - 1);
    }
  else if (name->len > 0)
    g_string_append_c (name, ' ');

  g_string_append (name, part);
}

/* Sets a mapped, non-empty value; returns TRUE if it changed the school. */
static gboolean
set_if_given (HpSchool   *school,
              const char *property,
              const char *value)
{
  g_autofree char *old = NULL;

  if (value == NULL || *value == '\0')
    return FALSE;

  g_object_get (school, property, &old, NULL);
  if (g_strcmp0 (old, value) == 0)
    return FALSE;

  g_object_set (school, property, value, NULL);
  return TRUE;
}

/* One entry of hp_import_get_schools(), named as @school is now (for a
 * schools import: as the file has it). */
static HpImportSchoolSummary *
add_summary (HpImport             *self,
             HpSchool             *school,
             HpImportSchoolChange  change)
{
  HpImportSchoolSummary *summary = g_new0 (HpImportSchoolSummary, 1);
  const char *town = hp_school_get_town (school);

  summary->number = g_strdup (hp_school_get_number (school));
  summary->name = g_strdup (hp_school_get_name (school));
  summary->town = town != NULL && *town != '\0' ? g_strdup (town) : NULL;
  summary->change = change;
  g_ptr_array_add (self->schools, summary);
  return summary;
}

static gboolean
import_school (HpImport            *self,
               const char * const  *fields,
               guint                line,
               HpImportResult      *result,
               GError             **error)
{
  GString **s = self->scratch;
  int number_spec = _hp_import_spec (self, "number");
  int postcode_spec = _hp_import_spec (self, "postcode");
  g_autoptr(GString) name = g_string_new (_hp_import_value (self, fields, _hp_import_spec (self, "name"), s[0]));
  g_autoptr(GString) phone = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *number;
  gboolean changed = FALSE;
  HpSchoolCodes codes = { .district_key = s[2], .school_form = s[4], .status = s[5] };
  HpImportSchoolChange change;
  guint repaired_postcode = 0, repaired_prefix = 0;

  number = _hp_import_value (self, fields, number_spec, s[1]);
  if (*number == '\0')
    return _hp_import_value_error (self, error, line, number_spec, _("The school number is empty."));

  for (guint part = 1; part <= 3; part++)
    {
      char field[8];

      g_snprintf (field, sizeof field, "name_%u", part);
      join_name_part (name, _hp_import_value (self, fields, _hp_import_spec (self, field), s[0]));
    }

  if (!_hp_import_school_codes (self, fields, line, _hp_import_is_svws_directory (self), &codes, error))
    return FALSE;
  g_string_assign (s[3], _hp_import_value (self, fields, postcode_spec, s[3]));
  if (!repair_code (self, s[3], 5, _("postcode"), line, postcode_spec, &repaired_postcode, error))
    return FALSE;

  /* Filters: district, school form, closed schools */
  if (self->district_prefix != NULL && !g_str_has_prefix (codes.district_key->str, self->district_prefix))
    {
      result->skipped++;
      result->skipped_district++;
      return TRUE;
    }
  if (self->abitur_only && !hp_import_school_form_leads_to_abitur (codes.school_form->str))
    {
      result->skipped++;
      result->skipped_school_form++;
      return TRUE;
    }
  if (!self->include_closed && codes.closed)
    {
      result->skipped++;
      result->skipped_closed++;
      return TRUE;
    }

  if (name->len == 0)
    return _hp_import_value_error (self, error, line, _hp_import_spec (self, "name_1"),
                                   _("The school name is empty."));

  {
    gpointer first_line = g_hash_table_lookup (self->seen, number);

    if (first_line != NULL)
      {
        g_autofree char *message = g_strdup_printf (_("The school number %s appears a second time (first in line %u)."),
                                                    number, GPOINTER_TO_UINT (first_line));
        _hp_import_value_error (self, error, line, number_spec, message);
        (*error)->code = HP_IMPORT_ERROR_DUPLICATE;
        return FALSE;
      }
    g_hash_table_insert (self->seen, g_strdup (number), GUINT_TO_POINTER (line));
  }

  /* Phone: area code + number; an area code lost its 0 in a spreadsheet */
  {
    GString *prefix = s[6];
    const char *rest;

    g_string_assign (prefix, _hp_import_value (self, fields, _hp_import_spec (self, "phone_prefix"), s[6]));
    rest = _hp_import_value (self, fields, _hp_import_spec (self, "phone"), s[7]);
    if (all_digits (prefix->str) && prefix->str[0] != '0' && prefix->len >= 2 && prefix->len <= 5)
      {
        g_string_prepend_c (prefix, '0');
        repaired_prefix++;
      }
    phone = g_string_new (prefix->str);
    if (phone->len > 0 && *rest != '\0')
      g_string_append_c (phone, ' ');
    g_string_append (phone, rest);
  }

  school = hp_store_find_school (self->store, number, &local_error);
  if (school == NULL && !g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (school == NULL)
    {
      g_clear_error (&local_error);
      school = hp_school_new (number, name->str);
    }

  changed |= set_if_given (school, "name", name->str);
  changed |= set_if_given (school, "street", _hp_import_value (self, fields, _hp_import_spec (self, "street"), s[5]));
  changed |= set_if_given (school, "postcode", s[3]->str);
  changed |= set_if_given (school, "town", _hp_import_value (self, fields, _hp_import_spec (self, "town"), s[5]));
  changed |= set_if_given (school, "district-key", codes.district_key->str);
  changed |= set_if_given (school, "school-form", codes.school_form->str);
  changed |= set_if_given (school, "phone", phone->str);
  changed |= set_if_given (school, "email", _hp_import_value (self, fields, _hp_import_spec (self, "email"), s[5]));
  changed |= set_if_given (school, "contact-teacher",
                           _hp_import_value (self, fields, _hp_import_spec (self, "contact_teacher"), s[5]));

  if (hp_school_get_id (school) == 0)
    {
      if (!hp_store_add_school (self->store, school, &local_error))
        goto store_error;
      result->added++;
      change = HP_IMPORT_SCHOOL_ADDED;
    }
  else if (changed)
    {
      if (!hp_store_update_school (self->store, school, &local_error))
        goto store_error;
      result->updated++;
      change = HP_IMPORT_SCHOOL_UPDATED;
    }
  else
    {
      result->unchanged++;
      change = HP_IMPORT_SCHOOL_UNCHANGED;
    }
  add_summary (self, school, change);

  result->repaired_district_key += codes.repaired_district_key;
  result->repaired_postcode += repaired_postcode;
  result->repaired_school_form += codes.repaired_school_form;
  result->repaired_phone_prefix += repaired_prefix;
  result->repaired += codes.repaired_district_key + repaired_postcode + codes.repaired_school_form + repaired_prefix;
  result->completed_district_key += codes.completed_district_key;
  return TRUE;

store_error:
  return _hp_import_value_error (self, error, line, -1, local_error->message);
}

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

static gboolean
prepare_graduates (HpImport  *self,
                   GError   **error)
{
  g_autoptr(HpCampaign) campaign = NULL;

  if (self->campaign_id == 0)
    {
      g_set_error_literal (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FAILED,
                           _("Choose the campaign the graduates belong to."));
      return FALSE;
    }

  campaign = hp_store_get_campaign (self->store, self->campaign_id, error);
  if (campaign == NULL)
    return FALSE;

  if (self->school_number != NULL)
    {
      g_autoptr(HpSchool) school = hp_store_find_school (self->store, self->school_number, error);

      if (school == NULL)
        return FALSE;
      self->fixed_school_id = hp_school_get_id (school);
    }
  else if (self->columns[_hp_import_spec (self, "school_number")] < 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s has no school number column: choose the school the list belongs to."),
                   hp_table_reader_get_display_name (self->reader));
      return FALSE;
    }

  /* Every school number known up front: rows are resolved in the reader
   * thread, which must not use the store. */
  {
    g_autoptr(GListModel) schools = hp_store_list_schools (self->store, 0, error);

    if (schools == NULL)
      return FALSE;

    self->school_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
        gint64 *id = g_new (gint64, 1);

        *id = hp_school_get_id (school);
        g_hash_table_insert (self->school_ids, g_strdup (hp_school_get_number (school)), id);
      }
  }

  self->school_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->seen = _hp_store_graduate_keys (self->store, self->campaign_id, error);
  return self->seen != NULL;
}

static gboolean
school_for_row (HpImport            *self,
                const char * const  *fields,
                guint                line,
                gint64              *out_id,
                GError             **error)
{
  int spec = _hp_import_spec (self, "school_number");
  const char *number;
  gint64 *id;

  if (self->fixed_school_id != 0)
    {
      *out_id = self->fixed_school_id;
      return TRUE;
    }

  number = _hp_import_value (self, fields, spec, self->scratch[7]);
  if (*number == '\0')
    return _hp_import_value_error (self, error, line, spec, _("The school number is empty."));
  id = g_hash_table_lookup (self->school_ids, number);
  if (id == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no school with the number “%s”. Import or add the school first."), number);
      return _hp_import_value_error (self, error, line, spec, message);
    }

  *out_id = *id;
  return TRUE;
}

/* The school of a row left out before its school is checked (another year,
 * no year, no name), for the per-school counts: 0 when the row names no
 * known school, which is no error for a row that is not imported. */
static gint64
known_school (HpImport           *self,
              const char * const *fields)
{
  const gint64 *id;

  if (self->fixed_school_id != 0)
    return self->fixed_school_id;

  id = g_hash_table_lookup (self->school_ids,
                            _hp_import_value (self, fields, _hp_import_spec (self, "school_number"),
                                              self->scratch[7]));
  return id != NULL ? *id : 0;
}

/* "Q2", "q 2", "13" … with the default filter; or exactly the chosen value. */
static gboolean
in_leaving_year (HpImport   *self,
                 const char *year)
{
  g_autofree char *compact = g_ascii_strup (year, -1);

  g_strdelimit (compact, " ", ' ');
  for (char *r = compact, *w = compact; ; r++)
    {
      if (*r != ' ')
        *w++ = *r;
      if (*r == '\0')
        break;
    }

  if (self->leaving_year == NULL)
    return g_str_equal (compact, "Q2") || g_str_equal (compact, "13");

  if (*self->leaving_year == '\0')
    return TRUE;

  return g_ascii_strcasecmp (compact, self->leaving_year) == 0;
}

static const char *
chunk_or_null (GStringChunk *strings,
               const char   *text)
{
  return text != NULL && *text != '\0' ? g_string_chunk_insert (strings, text) : NULL;
}

/*
 * _hp_import_prepare_graduate:
 * Everything about a graduate row that needs no store, in the reader thread:
 * the leaving-year filter, the birth date, the school by its number (from the
 * map loaded before), and duplicates. The row's strings go into @strings.
 */
gboolean
_hp_import_prepare_graduate (HpImport            *self,
                             const char * const  *fields,
                             guint                line,
                             GStringChunk        *strings,
                             HpPreparedRow       *row,
                             GError             **error)
{
  GString **s = self->scratch;
  int year_spec = _hp_import_spec (self, "year");
  int birth_spec = _hp_import_spec (self, "birth_date");
  const char *last = _hp_import_value (self, fields, _hp_import_spec (self, "last_name"), s[0]);
  const char *first = _hp_import_value (self, fields, _hp_import_spec (self, "first_name"), s[1]);
  const char *class_name = _hp_import_value (self, fields, _hp_import_spec (self, "class"), s[2]);
  const char *birth = _hp_import_value (self, fields, birth_spec, s[3]);
  int consent_spec = _hp_import_spec (self, "consent_date");
  int email_spec = _hp_import_spec (self, "email");
  g_autofree char *birth_iso = NULL;
  g_autofree char *consent_iso = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *source = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  guint64 key;

  *row = (HpPreparedRow) { .kind = HP_PREPARED_SKIPPED, .line = line };

  /* The year filter, for rows that state a year; rows without one are left
   * out only when other rows of the file state theirs. */
  if (self->columns[year_spec] >= 0 && !(self->leaving_year != NULL && *self->leaving_year == '\0'))
    {
      const char *year = _hp_import_value (self, fields, year_spec, s[4]);

      if (*year == '\0' && self->year_in_file)
        {
          row->kind = HP_PREPARED_NO_YEAR;
          row->school_id = known_school (self, fields);
          return TRUE;
        }
      if (*year != '\0' && !in_leaving_year (self, year))
        {
          row->kind = HP_PREPARED_OTHER_YEAR;
          row->school_id = known_school (self, fields);
          return TRUE;
        }
    }

  /* A graduate is a person: a row without any name is none. */
  if (*last == '\0' && *first == '\0')
    {
      row->kind = HP_PREPARED_NO_NAME;
      row->school_id = known_school (self, fields);
      return TRUE;
    }

  if (*birth != '\0')
    {
      birth_iso = hp_parse_date (birth);
      if (birth_iso == NULL)
        {
          /* Translators: an imported date that is none; name the forms
           * hp_parse_date() reads, in the language's words, the language's
           * own form first (German: "TT.MM.JJJJ oder JJJJ-MM-TT") */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD or DD.MM.YYYY)."), birth);
          return _hp_import_value_error (self, error, line, birth_spec, message);
        }
    }

  /* Consent, and contact data only with it (date and source). Read into
   * copies: the scratch strings are shared by the fields above. */
  consent = g_strdup (_hp_import_value (self, fields, consent_spec, s[4]));
  source = g_strdup (_hp_import_value (self, fields, _hp_import_spec (self, "consent_source"), s[4]));
  email = g_strdup (_hp_import_value (self, fields, email_spec, s[4]));
  phone = g_strdup (_hp_import_value (self, fields, _hp_import_spec (self, "phone"), s[4]));
  if (*consent != '\0')
    {
      consent_iso = hp_parse_date (consent);
      if (consent_iso == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD or DD.MM.YYYY)."),
                                                      consent);
          return _hp_import_value_error (self, error, line, consent_spec, message);
        }
    }
  if (*email != '\0' || *phone != '\0')
    {
      g_autoptr(GError) contact_error = NULL;

      if (consent_iso == NULL || *source == '\0')
        {
          row->contact_dropped = TRUE;
          *email = '\0';
          *phone = '\0';
        }
      else if (!_hp_store_check_contact (email, phone, consent_iso, source, &contact_error))
        return _hp_import_value_error (self, error, line, email_spec, contact_error->message);
    }

  if (!school_for_row (self, fields, line, &row->school_id, error))
    return FALSE;

  key = _hp_store_graduate_key (row->school_id, last, first, birth_iso);
  if (key != 0 && !g_hash_table_add (self->seen, HP_GRADUATE_KEY_TO_POINTER (key)))
    {
      row->kind = HP_PREPARED_DUPLICATE;
      return TRUE;
    }

  row->kind = HP_PREPARED_INSERT;
  row->last_name = chunk_or_null (strings, last);
  row->first_name = chunk_or_null (strings, first);
  row->class_name = chunk_or_null (strings, class_name);
  row->birth_date = chunk_or_null (strings, birth_iso);
  row->consent_date = chunk_or_null (strings, consent_iso);
  row->consent_source = chunk_or_null (strings, source);
  row->email = chunk_or_null (strings, email);
  row->phone = chunk_or_null (strings, phone);
  return TRUE;
}

/*
 * school_summary:
 * The per-school counts of @school_id, made at the school's first row with
 * its figures in the campaign before the import (one query per school: no
 * row of it is stored yet). Rows come grouped by school, so the last one is
 * kept at hand; the others are found through their id.
 */
static HpImportSchoolSummary *
school_summary (HpImport  *self,
                gint64     school_id,
                guint      line,
                GError   **error)
{
  HpImportSchoolSummary *summary;

  if (school_id == self->last_school_id && self->last_summary != NULL)
    return self->last_summary;

  summary = g_hash_table_lookup (self->school_index, &school_id);
  if (summary == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HpSchool) school = _hp_store_get_campaign_school (self->store, self->campaign_id, school_id,
                                                                  &local_error);
      gint64 *key;

      if (school == NULL)
        {
          _hp_import_value_error (self, error, line, -1, local_error->message);
          return NULL;
        }

      summary = add_summary (self, school, HP_IMPORT_SCHOOL_GRADUATES);
      summary->listed_before = hp_school_get_graduate_count (school);
      summary->list_complete = hp_school_get_list_complete (school);
      key = g_new (gint64, 1);
      *key = school_id;
      g_hash_table_insert (self->school_index, key, summary);
    }

  self->last_school_id = school_id;
  self->last_summary = summary;
  return summary;
}

/* The rest, in the importing thread: count it (per school too), store it. */
gboolean
_hp_import_store_graduate (HpImport             *self,
                           const HpPreparedRow  *row,
                           HpImportResult       *result,
                           GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  HpImportSchoolSummary *summary = NULL;
  HpImportSchoolSummary none = { 0 };

  /* A row left out may name no known school: counted in the totals only */
  if (row->school_id != 0)
    {
      summary = school_summary (self, row->school_id, row->line, error);
      if (summary == NULL)
        return FALSE;
    }
  else
    summary = &none;

  switch (row->kind)
    {
    case HP_PREPARED_SKIPPED:
      result->skipped++;
      summary->skipped++;
      return TRUE;

    case HP_PREPARED_DUPLICATE:
      result->duplicates++;
      summary->duplicates++;
      return TRUE;

    case HP_PREPARED_OTHER_YEAR:
      result->skipped++;
      result->skipped_year++;
      summary->skipped++;
      return TRUE;

    case HP_PREPARED_NO_YEAR:
      result->skipped++;
      result->skipped_no_year++;
      summary->skipped++;
      return TRUE;

    case HP_PREPARED_NO_NAME:
      result->no_name++;
      summary->no_name++;
      return TRUE;

    case HP_PREPARED_INSERT:
      if (!_hp_store_insert_graduate_row (self->store, self->campaign_id, row->school_id, row->last_name,
                                          row->first_name, row->class_name, row->birth_date,
                                          row->consent_date, row->consent_source, row->email, row->phone,
                                          &local_error))
        return _hp_import_value_error (self, error, row->line, -1, local_error->message);
      result->added++;
      result->contacts_without_consent += row->contact_dropped;
      summary->added++;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */

void
_hp_import_init_scratch (HpImport *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->scratch); i++)
    if (self->scratch[i] == NULL)
      self->scratch[i] = g_string_new (NULL);
}

gboolean
_hp_import_prepare (HpImport  *self,
                    GError   **error)
{
  _hp_import_init_scratch (self);

  switch (self->kind)
    {
    case HP_IMPORT_SCHOOLS:   return prepare_schools (self, error);
    case HP_IMPORT_GRADUATES: return prepare_graduates (self, error);
    case HP_IMPORT_SPONSORS:  return _hp_import_prepare_sponsors (self, error);
    default:                  g_return_val_if_reached (FALSE);
    }
}

gboolean
_hp_import_row (HpImport            *self,
                const char * const  *fields,
                guint                line,
                HpImportResult      *result,
                GError             **error)
{
  switch (self->kind)
    {
    case HP_IMPORT_SCHOOLS:   return import_school (self, fields, line, result, error);
    case HP_IMPORT_SPONSORS:  return _hp_import_sponsor_row (self, fields, line, result, error);
    case HP_IMPORT_GRADUATES: /* prepared in the reader thread, see hp-import.c */
    default:                  g_return_val_if_reached (FALSE);
    }
}

void
_hp_import_clear_state (HpImport *self)
{
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->school_ids, g_hash_table_unref);
  g_clear_pointer (&self->school_index, g_hash_table_unref);
  self->last_school_id = 0;
  self->last_summary = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->scratch); i++)
    if (self->scratch[i] != NULL)
      {
        g_string_free (self->scratch[i], TRUE);
        self->scratch[i] = NULL;
      }
}
