/* test-real-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer against the public real-world files in ../shared/real-data
 * (see its SOURCES.md). Optional: every case skips when the folder is not
 * there; the files are never copied into the project. Facts asserted here
 * come from SOURCES.md; the row counts of the files known to import from
 * an independent reader (tests/real-data-rows.py).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hp-test-utils.h"

static char *
real_data_path (const char *relative)
{
  const char *root = g_getenv ("HEIMPACK_REAL_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

static HpStore *
store_with_campaign (gint64 *out_campaign_id)
{
  g_autoptr(GError) error = NULL;
  HpStore *store = hp_test_store_new_memory ();
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autoptr(HpSchool) school = hp_school_new ("170001", "Testschule");

  g_assert_true (hp_store_add_campaign (store, campaign, &error));
  g_assert_true (hp_store_add_school (store, school, &error));
  g_assert_no_error (error);
  *out_campaign_id = hp_campaign_get_id (campaign);
  return store;
}

static void
test_nrw_directory (void)
{
  g_autofree char *path = real_data_path ("schools-nrw/msb-schuldaten-2021-09.csv");
  gint64 campaign_id;
  g_autoptr(HpStore) store = NULL;
  HpImportResult r;

  if (path == NULL)
    {
      g_test_skip ("../shared/real-data is not here");
      return;
    }

  store = store_with_campaign (&campaign_id);

  /* 5,507 schools; 107 of them in the Hochsauerlandkreis */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HpImport) import = hp_import_new (store, HP_IMPORT_SCHOOLS, path, NULL, &error);

    g_assert_no_error (error);
    hp_import_set_district_prefix (import, "05958");
    hp_import_set_include_closed (import, TRUE);
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.rows, ==, 5507);
    g_assert_cmpuint (r.added, ==, 107);
  }

  /* Those that lead to the Abitur: 11 Gymnasien, 9 Berufskollegs, 1 WBK */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HpImport) import = hp_import_new (store, HP_IMPORT_SCHOOLS, path, NULL, &error);
    g_autoptr(HpSchool) school = NULL;
    HpStoreStats stats;

    hp_import_set_district_prefix (import, "05958");
    hp_import_set_abitur_only (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 21);
    g_assert_true (hp_store_get_stats (store, &stats, &error));
    g_assert_cmpuint (stats.schools, ==, 22);

    /* codes stay text, umlauts survive */
    school = hp_store_find_school (store, "169833", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hp_school_get_district_key (school), ==, "05958004");
    g_assert_cmpstr (hp_school_get_school_form (school), ==, "20");
    g_assert_true (g_str_has_prefix (hp_school_get_phone (school), "02931 "));
  }
}

/* SVWS's table of school providers (Schulträger) has the header shape of its
 * school directory (SchulNr, RegSchl, ABez1..3, SF, SchBetrSchl …), but it is
 * no list of schools: its rows have school form 00. Offered as schools, it
 * is refused at its first row, nothing stored. */
static void
test_svws_providers (void)
{
  g_autofree char *path = real_data_path ("schools-nrw/svws-schulver-Schultraeger.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpImport) import = NULL;
  gint64 campaign_id;
  HpImportResult r;
  HpStoreStats stats;

  if (path == NULL)
    {
      g_test_skip ("../shared/real-data is not here");
      return;
    }

  store = store_with_campaign (&campaign_id);
  import = hp_import_new (store, HP_IMPORT_SCHOOLS, path, NULL, &error);
  g_assert_no_error (error);
  /* the header is understood as SVWS's */
  g_assert_cmpstr (hp_import_get_mapping (import, "name_1"), ==, "ABez1");
  g_assert_cmpstr (hp_import_get_mapping (import, "district_key"), ==, "RegSchl");

  hp_import_set_district_prefix (import, "05958");
  g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "school provider"));
  g_clear_error (&error);

  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.schools, ==, 1);   /* the campaign's test school only */
}

static void
test_student_exports (void)
{
  g_autofree char *q2 = real_data_path ("students-pseudonymized/svws-klausurblockung001-schueler.txt");
  g_autofree char *q1 = real_data_path ("students-pseudonymized/svws-kursblockung001-Schueler.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  gint64 campaign_id;
  HpImportResult r;

  if (q2 == NULL || q1 == NULL)
    {
      g_test_skip ("../shared/real-data is not here");
      return;
    }

  store = store_with_campaign (&campaign_id);

  /* stufe: EF 123, Q1 148, Q2 146 — the Q2 are the leavers */
  {
    g_autoptr(HpImport) import = hp_import_new (store, HP_IMPORT_GRADUATES, q2, NULL, &error);

    g_assert_no_error (error);
    hp_import_set_campaign (import, campaign_id);
    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.rows, ==, 417);
    g_assert_cmpuint (r.added, ==, 146);
    g_assert_cmpuint (r.skipped, ==, 271);
  }

  /* SchILD export with BOM: Jahrgang Q1 only, so nobody by default */
  {
    g_autoptr(HpImport) import = hp_import_new (store, HP_IMPORT_GRADUATES, q1, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hp_import_get_mapping (import, "last_name"), ==, "Name");
    g_assert_cmpstr (hp_import_get_mapping (import, "birth_date"), ==, "GebDat");
    hp_import_set_campaign (import, campaign_id);
    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_cmpuint (r.rows, ==, 137);
    g_assert_cmpuint (r.added, ==, 0);
  }
}

/* The data rows of the files known to import, counted by an independent
 * reader (tests/real-data-rows.py: Python's csv module with each file's
 * encoding and delimiter from SOURCES.md, and openpyxl): relative path ->
 * rows. */
static GHashTable *
independent_counts (const char *root)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "real-data-rows.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, root, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", script, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);

      if (fields[0] == NULL || fields[0][0] == '\0')
        continue;
      g_assert_nonnull (fields[1]);
      g_hash_table_insert (counts, g_strdup (fields[0]), GUINT_TO_POINTER (g_ascii_strtoull (fields[1], NULL, 10)));
    }
  return counts;
}

/* Every table in the folder either reads to its end or stops with an import
 * error that names the file: no crash, no silent garbage. The files known
 * to import (@counts) read to their end with the rows the independent
 * reader counted; @seen counts them. */
static void
read_every_file (const char *root,
                 const char *dir,
                 GHashTable *counts,
                 guint      *seen)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HpTableReader) reader = NULL;
      const char * const *fields;
      const char *relative;
      gpointer expected;
      guint rows = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          read_every_file (root, path, counts, seen);
          continue;
        }

      if (!g_str_has_suffix (name, ".csv") && !g_str_has_suffix (name, ".txt") &&
          !g_str_has_suffix (name, ".xlsx") && !g_str_has_suffix (name, ".xlsm"))
        continue;

      reader = hp_table_reader_open (path, NULL, &error);
      while (reader != NULL && hp_table_reader_next (reader, &fields, NULL, &error))
        rows++;

      if (error != NULL)
        {
          g_assert_true (error->domain == HP_IMPORT_ERROR);
          g_assert_nonnull (strstr (error->message, name));
        }
      g_test_message ("%s: %u rows%s%s", name, rows, error ? "; " : "", error ? error->message : "");

      relative = path + strlen (root) + 1;
      if (g_hash_table_lookup_extended (counts, relative, NULL, &expected))
        {
          g_assert_no_error (error);
          g_assert_cmpuint (rows, ==, GPOINTER_TO_UINT (expected));
          (*seen)++;
        }
    }
}

static void
test_every_file (void)
{
  g_autofree char *found = real_data_path ("");
  g_autofree char *root = NULL;
  g_autoptr(GHashTable) counts = NULL;
  guint seen = 0;

  if (found == NULL)
    {
      g_test_skip ("../shared/real-data is not here");
      return;
    }

  root = g_strdup (found);
  while (g_str_has_suffix (root, G_DIR_SEPARATOR_S))
    root[strlen (root) - 1] = '\0';
  counts = independent_counts (root);
  /* 19 CSV and 8 XLSX files (the script's lists) */
  g_assert_cmpuint (g_hash_table_size (counts), ==, 27);

  read_every_file (root, root, counts, &seen);
  /* every listed file was found and read */
  g_assert_cmpuint (seen, ==, g_hash_table_size (counts));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/real-data/nrw-directory", test_nrw_directory);
  g_test_add_func ("/heimpack/real-data/svws-providers", test_svws_providers);
  g_test_add_func ("/heimpack/real-data/student-exports", test_student_exports);
  g_test_add_func ("/heimpack/real-data/every-file", test_every_file);

  return g_test_run ();
}
