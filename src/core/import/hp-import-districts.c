/* hp-import-districts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hp_import_list_districts(): the districts a school directory's schools are
 * in, for the import assistant to choose from before the run. The rows are
 * read as the run reads them (_hp_import_school_codes(): municipality keys
 * completed or repaired, school forms repaired, closed schools and SVWS's
 * table of school providers), then grouped by the first five digits of the
 * key. One pass over the file, in the calling thread; per row nothing is
 * allocated but what a new district or a new town needs.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hp-import-private.h"

/* Rows between two looks at the cancellable */
#define CANCEL_ROWS 1024

/* The Land, Regierungsbezirk and Kreis of a municipality key */
#define DISTRICT_KEY_LENGTH 5

typedef struct
{
  char       *key;
  GHashTable *towns;      /* town → NULL, a set */
  guint       n_schools;
  guint       n_abitur;
} District;

static void
district_free (gpointer data)
{
  District *district = data;

  g_free (district->key);
  g_hash_table_unref (district->towns);
  g_free (district);
}

void
hp_import_district_free (HpImportDistrict *district)
{
  if (district == NULL)
    return;

  g_free (district->key);
  g_strfreev (district->towns);
  g_free (district);
}

typedef struct
{
  char *collate_key;
  char *town;
} Town;

static int
compare_towns (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Town *) a)->collate_key, ((const Town *) b)->collate_key);
}

static int
compare_districts (gconstpointer a,
                   gconstpointer b)
{
  const HpImportDistrict *da = *(HpImportDistrict * const *) a;
  const HpImportDistrict *db = *(HpImportDistrict * const *) b;

  return strcmp (da->key, db->key);
}

/* The towns of @district, each once, as people sort them */
static char **
sorted_towns (District *district)
{
  guint n = g_hash_table_size (district->towns);
  g_autofree Town *towns = g_new (Town, n);
  char **out = g_new (char *, n + 1);
  GHashTableIter iter;
  gpointer town;
  guint i = 0;

  g_hash_table_iter_init (&iter, district->towns);
  while (g_hash_table_iter_next (&iter, &town, NULL))
    {
      towns[i].town = town;
      towns[i].collate_key = g_utf8_collate_key (town, -1);
      i++;
    }
  qsort (towns, n, sizeof *towns, compare_towns);

  for (i = 0; i < n; i++)
    {
      out[i] = g_strdup (towns[i].town);
      g_free (towns[i].collate_key);
    }
  out[n] = NULL;
  return out;
}

GPtrArray *
hp_import_list_districts (HpImport      *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GHashTable) districts = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) local_error = NULL;
  GString **s;
  HpSchoolCodes codes;
  const char * const *fields;
  gboolean svws;
  int town_spec;
  guint line = 0;
  guint n_rows = 0;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == HP_IMPORT_SCHOOLS, NULL);
  g_return_val_if_fail (!self->ran, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->ran = TRUE;

  if (self->columns[_hp_import_spec (self, "district_key")] < 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s has no column for the municipality key (Gemeindeschlüssel), so its schools cannot be "
                     "told apart by district."),
                   hp_table_reader_get_display_name (self->reader));
      return NULL;
    }

  _hp_import_init_scratch (self);
  s = self->scratch;
  codes = (HpSchoolCodes) { .district_key = s[2], .school_form = s[4], .status = s[5] };
  svws = _hp_import_is_svws_directory (self);
  town_spec = _hp_import_spec (self, "town");
  districts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, district_free);

  while (hp_table_reader_next (self->reader, &fields, &line, &local_error))
    {
      District *district;
      const char *town;
      char key[DISTRICT_KEY_LENGTH + 1];

      if (++n_rows % CANCEL_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;

      if (!_hp_import_school_codes (self, fields, line, svws, &codes, &local_error))
        break;
      if (!self->include_closed && codes.closed)
        continue;

      /* A repaired key has 8 digits, or none */
      g_strlcpy (key, codes.district_key->str, sizeof key);
      district = g_hash_table_lookup (districts, key);
      if (district == NULL)
        {
          district = g_new0 (District, 1);
          district->key = g_strdup (key);
          district->towns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (districts, district->key, district);
        }

      district->n_schools++;
      if (hp_import_school_form_leads_to_abitur (codes.school_form->str))
        district->n_abitur++;

      town = _hp_import_value (self, fields, town_spec, s[6]);
      if (*town != '\0' && !g_hash_table_contains (district->towns, town))
        g_hash_table_add (district->towns, g_strdup (town));
    }

  if (local_error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  out = g_ptr_array_new_full (g_hash_table_size (districts), (GDestroyNotify) hp_import_district_free);
  g_hash_table_iter_init (&iter, districts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      District *district = value;
      HpImportDistrict *found = g_new0 (HpImportDistrict, 1);

      found->key = g_strdup (district->key);
      found->towns = sorted_towns (district);
      found->n_schools = district->n_schools;
      found->n_abitur = district->n_abitur;
      g_ptr_array_add (out, found);
    }
  g_ptr_array_sort (out, compare_districts);

  return g_steal_pointer (&out);
}
