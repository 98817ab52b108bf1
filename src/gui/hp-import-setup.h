/* hp-import-setup.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import assistant's steps choose, in one plain struct they all
 * share: the file and how to read it, the columns, the filters. Each step
 * writes its own part and reads the others'; hp_import_setup_create_import()
 * turns the whole into an HpImport for a run. No widgets here.
 */
#pragma once

#include <heimpack/heimpack.h>

G_BEGIN_DECLS

/**
 * HpImportYear:
 * @HP_IMPORT_YEAR_LAST: Q2 and 13, the importer's default
 * @HP_IMPORT_YEAR_ALL: every row
 * @HP_IMPORT_YEAR_OTHER: the rows whose year column says @year_value
 */
typedef enum
{
  HP_IMPORT_YEAR_LAST,
  HP_IMPORT_YEAR_ALL,
  HP_IMPORT_YEAR_OTHER,
} HpImportYear;

/**
 * HpImportSetup:
 * @store: where the rows go
 * @kind: schools, graduates or sponsors
 * @campaign: (nullable): graduates: where they go; sponsors: what the
 *   pledges count for
 * @file: (nullable): the chosen file
 * @path: (nullable): its local path
 * @file_serial: counts the files chosen (the same file chosen again, after
 *   it was edited, counts too): a step that read the file reads it again
 *   when this changes
 * @encoding: (nullable): a static string: the encoding chosen, or %NULL
 *   to detect it
 * @delimiter: the delimiter chosen, or 0 to detect it
 * @header: (nullable): the file's column headers, once it was read
 * @mapping: per field (hp_import_get_field()): a header, or %NULL
 * @n_fields: the number of fields of @kind
 * @district: (nullable): schools: the district key (e.g. "05958"), or
 *   %NULL for all
 * @abitur_only: schools: only forms that lead to the Abitur
 * @include_closed: schools: closed schools too
 * @school: (nullable): graduates: the number of the school of every row,
 *   or %NULL when a column says it
 * @year: graduates: the leaving year filter
 * @year_value: (nullable): with %HP_IMPORT_YEAR_OTHER
 * @list_complete: graduates of one school: mark its list complete
 *
 * Reference-counted (g_rc_box), so a step whose worker thread outlives the
 * assistant still finds it; otherwise a plain struct.
 */
typedef struct
{
  HpStore      *store;
  HpImportKind  kind;
  HpCampaign   *campaign;
  GFile        *file;
  char         *path;
  guint         file_serial;
  const char   *encoding;
  char          delimiter;
  char        **header;
  char        **mapping;
  guint         n_fields;
  char         *district;
  gboolean      abitur_only;
  gboolean      include_closed;
  char         *school;
  HpImportYear  year;
  char         *year_value;
  gboolean      list_complete;
} HpImportSetup;

HpImportSetup       *hp_import_setup_new            (HpStore              *store,
                                                     HpImportKind          kind);
HpImportSetup       *hp_import_setup_ref            (HpImportSetup        *setup);
void                 hp_import_setup_unref          (HpImportSetup        *setup);

const char          *hp_import_setup_get_title      (const HpImportSetup  *setup);
void                 hp_import_setup_get_options    (const HpImportSetup  *setup,
                                                     HpTableOptions       *options);
const HpImportField *hp_import_setup_get_field      (const HpImportSetup  *setup,
                                                     guint                 index);
int                  hp_import_setup_find_field     (const HpImportSetup  *setup,
                                                     const char           *name);
const char          *hp_import_setup_get_mapping    (const HpImportSetup  *setup,
                                                     const char           *name);
void                 hp_import_setup_set_mapping    (HpImportSetup        *setup,
                                                     guint                 index,
                                                     const char           *header);
void                 hp_import_setup_set_file       (HpImportSetup        *setup,
                                                     GFile                *file);
void                 hp_import_setup_clear_file     (HpImportSetup        *setup);
gboolean             hp_import_setup_offers_list_complete (const HpImportSetup *setup);
gboolean             hp_import_setup_result_imports (const HpImportSetup  *setup,
                                                     const HpImportResult *result);
HpImport            *hp_import_setup_create_import  (const HpImportSetup  *setup,
                                                     gboolean              dry_run,
                                                     GError              **error);

gboolean       hp_import_file_is_table (GFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpImportSetup, hp_import_setup_unref)

G_END_DECLS
