/* hp-import-setup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The choices of the import assistant's steps, and the HpImport they make.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-import-setup.h"

HpImportSetup *
hp_import_setup_new (HpStore      *store,
                     HpImportKind  kind)
{
  HpImportSetup *setup;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  setup = g_rc_box_new0 (HpImportSetup);
  setup->store = g_object_ref (store);
  setup->kind = kind;
  setup->n_fields = hp_import_get_n_fields (kind);
  setup->mapping = g_new0 (char *, setup->n_fields + 1);

  return setup;
}

static void
setup_clear (gpointer data)
{
  HpImportSetup *setup = data;

  g_clear_object (&setup->store);
  g_clear_object (&setup->campaign);
  g_clear_object (&setup->file);
  g_free (setup->path);
  g_strfreev (setup->header);
  g_strfreev (setup->mapping);
  g_free (setup->district);
  g_free (setup->school);
  g_free (setup->year_value);
}

HpImportSetup *
hp_import_setup_ref (HpImportSetup *setup)
{
  return g_rc_box_acquire (setup);
}

void
hp_import_setup_unref (HpImportSetup *setup)
{
  g_rc_box_release_full (setup, setup_clear);
}

const char *
hp_import_setup_get_title (const HpImportSetup *setup)
{
  switch (setup->kind)
    {
    case HP_IMPORT_SCHOOLS:
      return _("Import Schools");
    case HP_IMPORT_GRADUATES:
      return _("Import Graduates");
    case HP_IMPORT_SPONSORS:
      return _("Import Sponsors");
    default:
      g_assert_not_reached ();
    }
}

void
hp_import_setup_get_options (const HpImportSetup *setup,
                             HpTableOptions      *options)
{
  memset (options, 0, sizeof *options);
  options->encoding = setup->encoding;
  options->delimiter = setup->delimiter;
}

const HpImportField *
hp_import_setup_get_field (const HpImportSetup *setup,
                           guint                index)
{
  g_assert (index < setup->n_fields);

  return hp_import_get_field (setup->kind, index);
}

int
hp_import_setup_find_field (const HpImportSetup *setup,
                            const char          *name)
{
  for (guint i = 0; i < setup->n_fields; i++)
    if (g_str_equal (hp_import_setup_get_field (setup, i)->name, name))
      return (int) i;

  return -1;
}

/* Returns: (nullable): the header mapped to the field @name */
const char *
hp_import_setup_get_mapping (const HpImportSetup *setup,
                             const char          *name)
{
  int i = hp_import_setup_find_field (setup, name);

  return i >= 0 ? setup->mapping[i] : NULL;
}

void
hp_import_setup_set_mapping (HpImportSetup *setup,
                             guint          index,
                             const char    *header)
{
  g_assert (index < setup->n_fields);

  if (g_strcmp0 (setup->mapping[index], header) == 0)
    return;

  g_free (setup->mapping[index]);
  setup->mapping[index] = g_strdup (header);
}

/* A file was chosen (or the same one again): the steps read it anew. */
void
hp_import_setup_set_file (HpImportSetup *setup,
                          GFile         *file)
{
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&setup->file, file);
  g_free (setup->path);
  setup->path = g_file_get_path (file);
  setup->file_serial++;
  hp_import_setup_clear_file (setup);
}

/* Forgets what was read from the file: its header and the mapping. */
void
hp_import_setup_clear_file (HpImportSetup *setup)
{
  g_clear_pointer (&setup->header, g_strfreev);
  for (guint i = 0; i < setup->n_fields; i++)
    g_clear_pointer (&setup->mapping[i], g_free);
}

/* Graduates of one chosen school: the list can be marked complete. */
gboolean
hp_import_setup_offers_list_complete (const HpImportSetup *setup)
{
  return setup->kind == HP_IMPORT_GRADUATES && setup->school != NULL;
}

/* Whether a run with @result stores anything. */
gboolean
hp_import_setup_result_imports (const HpImportSetup  *setup,
                                const HpImportResult *result)
{
  if (setup->kind == HP_IMPORT_SPONSORS)
    return result->sponsors_added + result->sponsors_updated + result->gifts_added +
           result->gifts_updated + result->pledges_set > 0;

  return result->added + result->updated > 0;
}

/**
 * hp_import_setup_create_import:
 * @dry_run: for a dry run (a list-complete mark is only set on the real one)
 *
 * Returns: (transfer full) (nullable): an import of the file with the
 *   mapping and filters applied, ready to run once
 */
HpImport *
hp_import_setup_create_import (const HpImportSetup  *setup,
                               gboolean              dry_run,
                               GError              **error)
{
  g_autoptr(HpImport) import = NULL;
  HpTableOptions options;

  g_return_val_if_fail (setup->path != NULL, NULL);

  hp_import_setup_get_options (setup, &options);
  import = hp_import_new (setup->store, setup->kind, setup->path, &options, error);
  if (import == NULL)
    return NULL;

  for (guint i = 0; i < setup->n_fields; i++)
    if (!hp_import_set_mapping (import, hp_import_setup_get_field (setup, i)->name, setup->mapping[i], error))
      return NULL;

  switch (setup->kind)
    {
    case HP_IMPORT_SCHOOLS:
      hp_import_set_district_prefix (import, setup->district);
      hp_import_set_abitur_only (import, setup->abitur_only);
      hp_import_set_include_closed (import, setup->include_closed);
      break;

    case HP_IMPORT_SPONSORS:
      if (setup->campaign != NULL)
        hp_import_set_campaign (import, hp_campaign_get_id (setup->campaign));
      break;

    case HP_IMPORT_GRADUATES:
      g_assert (setup->campaign != NULL);
      hp_import_set_campaign (import, hp_campaign_get_id (setup->campaign));
      if (setup->school != NULL)
        hp_import_set_school (import, setup->school);
      /* in the import's transaction, and only when it imports something */
      if (!dry_run && hp_import_setup_offers_list_complete (setup))
        hp_import_set_list_complete (import, setup->list_complete);
      switch (setup->year)
        {
        case HP_IMPORT_YEAR_ALL:
          hp_import_set_leaving_year (import, "");
          break;
        case HP_IMPORT_YEAR_OTHER:
          hp_import_set_leaving_year (import, setup->year_value ? setup->year_value : "");
          break;
        case HP_IMPORT_YEAR_LAST:
        default:
          hp_import_set_leaving_year (import, NULL);
          break;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&import);
}

/**
 * hp_import_file_is_table:
 *
 * Returns: %TRUE if @file's name says it is a table Heimpack can import
 *   (.csv, .txt, .tsv, .xlsx)
 */
gboolean
hp_import_file_is_table (GFile *file)
{
  static const char * const suffixes[] = { ".csv", ".txt", ".tsv", ".xlsx" };
  g_autofree char *basename = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return FALSE;

  folded = g_ascii_strdown (basename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (folded, suffixes[i]))
      return TRUE;

  return FALSE;
}
