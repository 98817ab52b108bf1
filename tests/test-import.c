/* test-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpTableReader and HpImport on our own fixtures (tests/data/): encodings,
 * delimiters, line ends, quoting, title lines, code repairs, filters, merge
 * by school number, duplicates, all-or-nothing with line-numbered errors;
 * heimpack-cli killed at random moments of an import.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hp-test-utils.h"

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hp_test_store_new_memory ();
  f->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_assert_true (hp_store_add_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->campaign);
  g_assert_finalize_object (f->store);
}

#define TEST(path, func) \
  g_test_add ("/heimpack/import/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static HpImport *
new_import (Fixture      *f,
            HpImportKind  kind,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  HpImport *import = hp_import_new (f->store, kind, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  hp_import_set_campaign (import, hp_campaign_get_id (f->campaign));
  return import;
}

static void
add_school (Fixture    *f,
            const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new (number, "Schule");

  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);
}

static HpStoreStats
stats (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats s;

  g_assert_true (hp_store_get_stats (f->store, &s, &error));
  g_assert_no_error (error);
  return s;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static void
test_reader_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("schools-directory.csv");
  g_autoptr(HpTableReader) reader = hp_table_reader_open (path, NULL, &error);
  const char * const *header;
  const char * const *fields;
  guint line = 0;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (hp_table_reader_get_format (reader), ==, "CSV");
  g_assert_cmpstr (hp_table_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (hp_table_reader_get_delimiter (reader), ==, ';');
  /* line 1 is "sep=;"; the header ends with a delimiter too many */
  g_assert_cmpuint (hp_table_reader_get_header_line (reader), ==, 2);
  g_assert_cmpuint (hp_table_reader_get_n_columns (reader), ==, 13);
  header = hp_table_reader_get_header (reader);
  g_assert_cmpstr (header[0], ==, "Schulnummer");
  g_assert_cmpstr (header[12], ==, "Schulbetriebsschluessel");
  g_assert_null (header[13]);

  while (hp_table_reader_next (reader, &fields, &line, &error))
    {
      if (n == 0)
        {
          g_assert_cmpuint (line, ==, 3);
          g_assert_cmpstr (fields[2], ==, "Städt. Gymnasium Laurentianum");
          g_assert_cmpstr (fields[11], ==, "05958004");
        }
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (line, ==, 9);
}

static void
test_reader_encodings (void)
{
  static const struct { const char *file; const char *encoding; char delimiter; const char *first; guint line; } cases[] = {
    { "schools-cp1252.csv", "WINDOWS-1252", ',', "Gymnasium „Am Ring“ – Förderverein 5 €", 2 },
    { "graduates-schild.csv", "UTF-8", ';', "Q2", 2 },
    { "graduates-utf16.tsv", "UTF-16LE", '\t', "Kemper", 2 },
    { "graduates-cr.csv", "UTF-8", ';', "Hüttemann", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(HpTableReader) reader = hp_table_reader_open (path, NULL, &error);
      const char * const *fields;
      guint line = 0;

      g_assert_no_error (error);
      g_assert_cmpstr (hp_table_reader_get_encoding (reader), ==, cases[i].encoding);
      g_assert_cmpint (hp_table_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_true (hp_table_reader_next (reader, &fields, &line, &error));
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_true (g_strv_contains (fields, cases[i].first));
    }
}

/* A quoted field over two physical lines; the next record starts after it;
 * doubled quotes; CR-only line ends. */
static void
test_reader_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("graduates-cr.csv");
  g_autoptr(HpTableReader) reader = hp_table_reader_open (path, NULL, &error);
  const char * const *fields;
  guint line = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (hp_table_reader_get_header_line (reader), ==, 3);
  g_assert_true (hp_table_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (fields[3], ==, "Zwei\rZeilen");
  g_assert_true (hp_table_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpstr (fields[0], ==, "Rickert");
  g_assert_true (hp_table_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpstr (fields[3], ==, "sagt \"Hallo\"");
  g_assert_false (hp_table_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
}

static void
test_reader_errors (void)
{
  static const struct { const char *file; int code; const char *needle; } cases[] = {
    { "graduates-nul.csv", HP_IMPORT_ERROR_ENCODING, "line 3" },
    { "schools-bad-row.csv", HP_IMPORT_ERROR_ROW_LENGTH, "schools-bad-row.csv, line 4" },
    { "graduates-unclosed-quote.csv", HP_IMPORT_ERROR_FORMAT, "line 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(HpTableReader) reader = hp_table_reader_open (path, NULL, &error);
      const char * const *fields;

      if (reader != NULL)
        while (hp_table_reader_next (reader, &fields, NULL, &error))
          ;

      g_assert_error (error, HP_IMPORT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("“%s” does not name “%s”", error->message, cases[i].needle);
    }
}

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

static void
test_schools_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "schools-directory.csv");
  HpImportResult r;

  g_assert_cmpstr (hp_import_get_mapping (import, "number"), ==, "Schulnummer");
  g_assert_cmpstr (hp_import_get_mapping (import, "name_2"), ==, "Schulbezeichnung_2");
  g_assert_cmpstr (hp_import_get_mapping (import, "district_key"), ==, "Gemeindeschluessel");
  g_assert_null (hp_import_get_mapping (import, "name"));

  g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.rows, ==, 7);
  g_assert_cmpuint (r.added, ==, 6);
  g_assert_cmpuint (r.skipped, ==, 1);          /* closed (Schulbetriebsschluessel 9) */
  g_assert_cmpuint (r.repaired, ==, 4);         /* 5958012, 2961, "2", 9889 */

  {
    g_autoptr(HpSchool) bk = hp_store_find_school (f->store, "170003", &error);
    g_autoptr(HpSchool) gs = hp_store_find_school (f->store, "170006", &error);
    g_autoptr(HpSchool) ge = hp_store_find_school (f->store, "170002", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hp_school_get_name (bk), ==, "Berufskolleg des Hochsauerlandkreises");
    g_assert_cmpstr (hp_school_get_district_key (bk), ==, "05958012");
    g_assert_cmpstr (hp_school_get_phone (bk), ==, "02961 777");
    g_assert_cmpstr (hp_school_get_school_form (gs), ==, "02");
    g_assert_cmpstr (hp_school_get_postcode (gs), ==, "09889");
    g_assert_cmpstr (hp_school_get_name (ge), ==, "Städt. Gesamtschule Sekundarstufe I u. II");
    g_assert_cmpstr (hp_school_get_email (ge), ==, "170002@schule.nrw.de");
  }

  /* The same file again: merged by number, nothing doubled */
  {
    g_autoptr(HpImport) again = new_import (f, HP_IMPORT_SCHOOLS, "schools-directory.csv");

    g_assert_true (hp_import_run (again, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_cmpuint (r.added, ==, 0);
    g_assert_cmpuint (r.unchanged, ==, 6);
    g_assert_cmpuint (stats (f).schools, ==, 6);
  }
}

static void
test_schools_filters (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "schools-directory.csv");
  HpImportResult r;

  hp_import_set_district_prefix (import, "05958");
  hp_import_set_abitur_only (import, TRUE);
  g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Gymnasium, Gesamtschule, Berufskolleg of the HSK; not the Hauptschule,
   * the Grundschule, the closed Gymnasium or the one in Olpe */
  g_assert_cmpuint (r.added, ==, 3);
  g_assert_cmpuint (r.skipped, ==, 4);
  g_assert_cmpuint (r.repaired, ==, 2);
  g_assert_true (hp_import_school_form_leads_to_abitur ("20"));
  g_assert_false (hp_import_school_form_leads_to_abitur ("04"));
}

static void
test_schools_update_and_dry_run (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "moved.csv", NULL);
  HpImportResult r;

  add_school (f, "190002");

  /* Dry run: counts, stores nothing */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "schools-cp1252.csv");

    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 1);
    g_assert_cmpuint (r.updated, ==, 1);
    g_assert_cmpuint (stats (f).schools, ==, 1);
  }

  g_assert_true (g_file_set_contents (path, "Schulnummer;Schulname;Ort\n190002;Gesamtschule Soest;Bad Sassendorf\n",
                                      -1, &error));
  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, path, NULL, &error);
    g_autoptr(HpSchool) school = NULL;

    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.updated, ==, 1);
    school = hp_store_find_school (f->store, "190002", &error);
    g_assert_cmpstr (hp_school_get_town (school), ==, "Bad Sassendorf");
    g_assert_cmpstr (hp_school_get_name (school), ==, "Gesamtschule Soest");
  }

  hp_test_rm_rf (dir);
}

/* Any error: nothing stored, and the message names file, line (and column) */
static void
test_schools_all_or_nothing (Fixture       *f,
                             gconstpointer  data)
{
  static const struct { const char *file; int code; const char *needle; } cases[] = {
    { "schools-bad-row.csv", HP_IMPORT_ERROR_ROW_LENGTH, "schools-bad-row.csv, line 4" },
    { "schools-bad-postcode.csv", HP_IMPORT_ERROR_VALUE, "schools-bad-postcode.csv, line 3, column “PLZ”" },
    { "schools-duplicate.csv", HP_IMPORT_ERROR_DUPLICATE, "line 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, cases[i].file);
      HpImportResult r;

      g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
      g_assert_error (error, HP_IMPORT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("“%s” does not name “%s”", error->message, cases[i].needle);
      g_assert_cmpuint (stats (f).schools, ==, 0);
    }
}

static void
test_schools_mapping (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.csv", NULL);
  HpImportResult r;

  g_assert_true (g_file_set_contents (path, "Dienststelle;Titel;Postleitbereich\n300001;Gymnasium X;57392\n", -1, &error));

  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, path, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
    g_clear_error (&error);
  }
  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, path, NULL, &error);
    g_autoptr(HpSchool) school = NULL;

    g_assert_false (hp_import_set_mapping (import, "number", "Nummer", &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
    g_clear_error (&error);
    g_assert_true (hp_import_set_mapping (import, "number", "Dienststelle", &error));
    g_assert_true (hp_import_set_mapping (import, "name", "Titel", &error));
    g_assert_true (hp_import_set_mapping (import, "postcode", "Postleitbereich", &error));
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    school = hp_store_find_school (f->store, "300001", &error);
    g_assert_cmpstr (hp_school_get_postcode (school), ==, "57392");
  }

  hp_test_rm_rf (dir);
}

/* SVWS's school directory (Schulen.csv, 47 columns): known by its headers,
 * RegSchl "958012" completed to "05958012". tests/data/svws-schulen.csv: 8
 * schools; 6 in the HSK (958xxx), of them one closed (SchBetrSchl 9); 1 in
 * Olpe (966024), 1 in Köln (315000). */
static void
test_schools_svws_directory (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "svws-schulen.csv");
  HpImportResult r;

  g_assert_cmpstr (hp_import_get_mapping (import, "number"), ==, "SchulNr");
  g_assert_cmpstr (hp_import_get_mapping (import, "name_1"), ==, "ABez1");
  g_assert_cmpstr (hp_import_get_mapping (import, "name_3"), ==, "ABez3");
  g_assert_cmpstr (hp_import_get_mapping (import, "district_key"), ==, "RegSchl");
  g_assert_cmpstr (hp_import_get_mapping (import, "phone_prefix"), ==, "TelVorw");
  g_assert_cmpstr (hp_import_get_mapping (import, "phone"), ==, "Telefon");
  g_assert_cmpstr (hp_import_get_mapping (import, "school_form"), ==, "SF");
  g_assert_cmpstr (hp_import_get_mapping (import, "status"), ==, "SchBetrSchl");
  g_assert_cmpstr (hp_import_get_mapping (import, "email"), ==, "Email");
  g_assert_null (hp_import_get_mapping (import, "name"));   /* not KurzBez */

  hp_import_set_district_prefix (import, "05958");
  g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* 8 rows = 5 added + 2 outside the HSK + 1 closed */
  g_assert_cmpuint (r.rows, ==, 8);
  g_assert_cmpuint (r.added, ==, 5);
  g_assert_cmpuint (r.skipped_district, ==, 2);
  g_assert_cmpuint (r.skipped_closed, ==, 1);
  g_assert_cmpuint (r.skipped, ==, 3);
  /* the five keys were completed, nothing was repaired */
  g_assert_cmpuint (r.completed_district_key, ==, 5);
  g_assert_cmpuint (r.repaired, ==, 0);
  g_assert_cmpuint (r.repaired_district_key, ==, 0);
  g_assert_cmpuint (stats (f).schools, ==, 5);

  {
    g_autoptr(HpSchool) gy = hp_store_find_school (f->store, "170101", &error);
    g_autoptr(HpSchool) bk = hp_store_find_school (f->store, "170102", &error);
    g_autoptr(HpSchool) wbk = hp_store_find_school (f->store, "170103", &error);
    g_autoptr(HpSchool) gs = hp_store_find_school (f->store, "170104", &error);
    g_autoptr(HpSchool) rs = hp_store_find_school (f->store, "170106", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hp_school_get_name (gy), ==, "Städt. Gymnasium Laurentianum");
    g_assert_cmpstr (hp_school_get_district_key (gy), ==, "05958004");
    g_assert_cmpstr (hp_school_get_phone (gy), ==, "02931 12345");
    g_assert_cmpstr (hp_school_get_email (gy), ==, "170101@schule.nrw.de");
    g_assert_cmpstr (hp_school_get_street (gy), ==, "Klosterstr. 1");
    g_assert_cmpstr (hp_school_get_postcode (gy), ==, "59821");
    g_assert_cmpstr (hp_school_get_town (gy), ==, "Arnsberg");
    /* "Hochsauerland-" + "kreises" + "in Brilon" */
    g_assert_cmpstr (hp_school_get_name (bk), ==, "Berufskolleg des Hochsauerlandkreises in Brilon");
    g_assert_cmpstr (hp_school_get_district_key (bk), ==, "05958012");
    g_assert_cmpstr (hp_school_get_school_form (bk), ==, "30");
    g_assert_cmpstr (hp_school_get_phone (bk), ==, "02961 9660");
    g_assert_cmpstr (hp_school_get_name (wbk), ==, "Abendgymnasium und Kolleg des Hochsauerlandkreises");
    g_assert_cmpstr (hp_school_get_school_form (wbk), ==, "25");
    g_assert_cmpstr (hp_school_get_name (gs), ==, "Städt. Kath. Grundschule - Primarstufe -");
    g_assert_cmpstr (hp_school_get_school_form (gs), ==, "02");
    /* SchBetrSchl 0: closes at the end of the school year, still running */
    g_assert_cmpstr (hp_school_get_district_key (rs), ==, "05958044");
  }

  /* Again: merged by number, the keys compare completed, nothing changes */
  {
    g_autoptr(HpImport) again = new_import (f, HP_IMPORT_SCHOOLS, "svws-schulen.csv");

    hp_import_set_district_prefix (again, "05958");
    g_assert_true (hp_import_run (again, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 0);
    g_assert_cmpuint (r.updated, ==, 0);
    g_assert_cmpuint (r.unchanged, ==, 5);
    g_assert_cmpuint (stats (f).schools, ==, 5);
  }
}

static void
test_schools_svws_abitur (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HpImportResult r;

  /* HSK and Abitur: Gymnasium 170101 (20), Berufskolleg 170102 (30),
   * Weiterbildungskolleg 170103 (25); not the Grundschule (02), the
   * Realschule (10), the closed Gymnasium, Olpe or Köln: 3 added, 5 skipped */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "svws-schulen.csv");
    HpSchool *school;
    g_autoptr(GListModel) schools = NULL;

    hp_import_set_district_prefix (import, "05958");
    hp_import_set_abitur_only (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 3);
    g_assert_cmpuint (r.skipped, ==, 5);
    g_assert_cmpuint (r.skipped_district, ==, 2);
    g_assert_cmpuint (r.skipped_school_form, ==, 2);
    g_assert_cmpuint (r.skipped_closed, ==, 1);

    schools = hp_store_list_schools (f->store, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        school = g_list_model_get_item (schools, i);
        g_assert_true (g_str_has_prefix (hp_school_get_district_key (school), "05958"));
        g_assert_true (hp_import_school_form_leads_to_abitur (hp_school_get_school_form (school)));
        g_object_unref (school);
      }
  }

  /* --include-closed brings the closed Gymnasium 170105 too */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "svws-schulen.csv");

    hp_import_set_district_prefix (import, "05958");
    hp_import_set_abitur_only (import, TRUE);
    hp_import_set_include_closed (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 1);
    g_assert_cmpuint (r.unchanged, ==, 3);
  }
}

/* SVWS's table of school providers (Schultraeger.csv) has the directory's
 * header shape but every row has school form 00: not a list of schools.
 * Our own two made-up rows in that shape. */
static void
test_schools_svws_providers (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "svws-traeger.csv", NULL);
  HpImportResult r;

  g_assert_true (g_file_set_contents (path,
    "SchulNr;RegSchl;KoRe;KoHo;ABez1;ABez2;ABez3;PLZ;Ort;Strasse;TelVorw;Telefon;SF;OeffPri;KurzBez;"
    "SchBetrSchl;SchBetrSchlDatum;ArtDerTraegerschaft;SchultraegerNr;Schulgliederung;Ganztagsbetrieb;Aktiv;"
    "gueltigVon;gueltigBis\n"
    "90001;958000;;;Landkreis Beispiel;;;59872;Meschede;Amtsweg 1;0291;94-1;00;1;Meschede, Kreis;1;20190801;01;0;;0;1;;\n"
    "90002;958032;;;Stadt Beispiel;;;59872;Meschede;Rathausplatz 2;0291;205-0;00;1;Meschede, Stadt;1;20190801;02;0;;0;1;;\n",
    -1, &error));

  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, path, NULL, &error);

    g_assert_no_error (error);
    hp_import_set_district_prefix (import, "05966");   /* refused before any filter */
    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "line 2"));
    g_assert_nonnull (strstr (error->message, "school provider"));
    g_assert_cmpuint (stats (f).schools, ==, 0);
  }

  hp_test_rm_rf (dir);
}

/* Only codes that lost a leading zero are repaired, and only a changed value
 * is counted, per column. */
static void
test_schools_repairs_counted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "repairs.csv", NULL);
  g_autofree char *six = g_build_filename (dir, "six.csv", NULL);
  g_autofree char *svws = g_build_filename (dir, "svws.csv", NULL);
  HpImportResult r;

  /* Row 1: "5958004" → 05958004, "9889" → 09889, "2" → 02, "2931" → 02931: 4.
   * Row 2: all whole: 0. Row 3: "5958004.0" → 05958004: 1 (key).
   * Row 4: "05 958 004": only tidied, no zero put back: 0.
   * Keys 2, postcodes 1, school forms 1, area codes 1: 5 in all. */
  g_assert_true (g_file_set_contents (path,
    "Schulnummer;Schulname;PLZ;Gemeindeschluessel;Schulform;Telefonvorwahl;Telefon\n"
    "300001;A;9889;5958004;2;2931;1\n"
    "300002;B;59821;05958004;20;02931;2\n"
    "300003;C;59821;5958004.0;20;02931;3\n"
    "300004;D;59821;05 958 004;20;02931;4\n", -1, &error));
  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, path, NULL, &error);
    g_autoptr(HpSchool) d = NULL;

    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 4);
    g_assert_cmpuint (r.repaired_district_key, ==, 2);
    g_assert_cmpuint (r.repaired_postcode, ==, 1);
    g_assert_cmpuint (r.repaired_school_form, ==, 1);
    g_assert_cmpuint (r.repaired_phone_prefix, ==, 1);
    g_assert_cmpuint (r.repaired, ==, 5);
    g_assert_cmpuint (r.completed_district_key, ==, 0);
    d = hp_store_find_school (f->store, "300004", &error);
    g_assert_cmpstr (hp_school_get_district_key (d), ==, "05958004");
  }

  /* A 6-digit Gemeindeschlüssel did not lose zeros (no key starts "00"):
   * it is an error, not "00958004"; nothing stored */
  g_assert_true (g_file_set_contents (six, "Schulnummer;Schulname;Gemeindeschluessel\n300009;X;958004\n", -1, &error));
  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, six, NULL, &error);

    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "958004"));
    g_clear_error (&error);
    g_assert_cmpuint (stats (f).schools, ==, 4);
  }

  /* RegSchl (SVWS): 6 digits completed (not a repair); 8 digits kept;
   * 7 digits lost the zero of "05": repaired. */
  g_assert_true (g_file_set_contents (svws, "SchulNr;RegSchl;ABez1\n"
                                            "310001;958004;A\n310002;05958004;B\n310003;5958004;C\n", -1, &error));
  {
    g_autoptr(HpImport) import = hp_import_new (f->store, HP_IMPORT_SCHOOLS, svws, NULL, &error);

    hp_import_set_district_prefix (import, "05958");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 3);
    g_assert_cmpuint (r.completed_district_key, ==, 1);
    g_assert_cmpuint (r.repaired_district_key, ==, 1);
    g_assert_cmpuint (r.repaired, ==, 1);
  }

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

static guint
count_graduates (Fixture *f)
{
  return stats (f).graduates;
}

static void
test_graduates_schild (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HpImportResult r;

  add_school (f, "170001");
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-schild.csv");
    g_autoptr(GListModel) list = NULL;

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.rows, ==, 6);
    g_assert_cmpuint (r.skipped, ==, 1);      /* Q1 */
    g_assert_cmpuint (r.duplicates, ==, 1);   /* Lena Müller twice */
    g_assert_cmpuint (r.added, ==, 4);

    list = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign), 0, &error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
    {
      g_autoptr(HpGraduate) g = NULL;

      for (guint i = 0; i < 4; i++)
        {
          g_clear_object (&g);
          g = g_list_model_get_item (list, i);
          if (g_strcmp0 (hp_graduate_get_last_name (g), "Weiß") == 0)
            break;
        }
      g_assert_cmpstr (hp_graduate_get_first_name (g), ==, "Jana");
      g_assert_cmpstr (hp_graduate_get_birth_date (g), ==, "2008-07-30");
      g_assert_cmpstr (hp_graduate_get_class_name (g), ==, "Q2");
    }
  }

  /* Again: everyone is there already */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-schild.csv");

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_cmpuint (r.added, ==, 0);
    g_assert_cmpuint (r.duplicates, ==, 5);
  }

  /* Every year: the Q1 student too */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-schild.csv");

    hp_import_set_school (import, "170001");
    hp_import_set_leaving_year (import, "");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_cmpuint (r.added, ==, 1);
    g_assert_cmpuint (count_graduates (f), ==, 5);
  }
}

static void
test_graduates_other_shapes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HpImportResult r;

  add_school (f, "170001");
  add_school (f, "170002");

  /* UTF-16, tabs, a school number per row */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-utf16.tsv");
    g_autoptr(HpSchool) s2 = hp_store_find_school (f->store, "170002", &error);

    g_assert_cmpstr (hp_import_get_mapping (import, "school_number"), ==, "Schulnummer");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 2);
    g_assert_cmpint (hp_store_count_graduates (f->store, hp_campaign_get_id (f->campaign),
                                               hp_school_get_id (s2), &error), ==, 1);
  }

  /* CR-only, title lines, a year column named Stufe */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-cr.csv");

    hp_import_set_school (import, "170002");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 3);
  }

  /* Counts only (class and year, no names): not a list of people, refused
   * before anything is stored (issue 13) */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-counts.csv");

    hp_import_set_school (import, "170001");
    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
    g_assert_nonnull (strstr (error->message, "last or first names"));
    g_assert_cmpuint (r.added, ==, 0);
    g_clear_error (&error);
  }

  /* 5 = 2 + 3 of the lists above; the counts-only list added none */
  g_assert_cmpuint (count_graduates (f), ==, 5);
}

static void
test_graduates_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HpImportResult r;

  add_school (f, "170001");

  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-bad-date.csv");

    hp_import_set_school (import, "170001");
    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    /* the forms hp_parse_date() reads, named in the message */
    g_assert_cmpstr (error->message, ==, "graduates-bad-date.csv, line 3, column “Geburtsdatum”: "
                                         "“31.02.2008” is not a date (YYYY-MM-DD or DD.MM.YYYY).");
    g_clear_error (&error);
    g_assert_cmpuint (count_graduates (f), ==, 0);   /* line 2 was fine, and is not stored either */
  }

  /* A school number that is not in the store */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-utf16.tsv");

    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "line 3"));
    g_assert_nonnull (strstr (error->message, "170002"));
    g_clear_error (&error);
    g_assert_cmpuint (count_graduates (f), ==, 0);
  }

  /* No school at all */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-schild.csv");

    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
  }
}

static void
test_graduates_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Name;Vorname\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HpImport) import = NULL;
  HpImportResult r;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "Name%u;Vorname%u\n", i, i);
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  add_school (f, "170001");

  import = hp_import_new (f->store, HP_IMPORT_GRADUATES, path, NULL, &error);
  hp_import_set_campaign (import, hp_campaign_get_id (f->campaign));
  hp_import_set_school (import, "170001");
  g_cancellable_cancel (cancellable);
  g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_graduates (f), ==, 0);

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* Tolerance (issue 13)                                                      */

static void
test_placeholders (void)
{
  static const char * const empty[] = { "-", "--", "---", "/", "?", "k. A.", "k.A.", "K.A.", "k.a", "n. v.",
                                        "n.v.", "null", "NULL", "n/a", "N/A", "keine Angabe", "\u2013" };
  static const char * const values[] = { "", "Klaus", "Nina", "Q2", "13", "5a", "-1", "k", "n", "null1",
                                          "Null-Acht", "keine Angaben!", "12.03.2009", "Kai-" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    g_assert_true (hp_import_is_placeholder (empty[i]));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_false (hp_import_is_placeholder (values[i]));
}

static HpGraduate *
find_graduate (GListModel *list,
               const char *last_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (list, i);

      if (g_strcmp0 (hp_graduate_get_last_name (graduate), last_name) == 0)
        return g_steal_pointer (&graduate);
    }

  g_assert_not_reached ();
}

/* An SVWS-like student export: Jahrgang all "--", classes "--", "null", "/",
 * "-", birth dates "--", "k. A.", "NULL", "n. v." and one real date. */
static void
test_graduates_placeholders (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpGraduate) brandt = NULL;
  HpImportResult r;

  add_school (f, "170001");

  /* Default options (year filter Q2/13): no row states a year, so it does
   * not apply: 5 rows, 5 added, 0 skipped */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-svws-no-year.csv");

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.rows, ==, 5);
    g_assert_cmpuint (r.added, ==, 5);
    g_assert_cmpuint (r.skipped, ==, 0);
    g_assert_true (r.no_year_in_file);
    g_assert_null (hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI));
  }

  list = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (list, i);
      const char *class_name = hp_graduate_get_class_name (graduate);

      /* no "--", "null", "/" or "-" as a class */
      g_assert_true (class_name == NULL || *class_name == '\0');
    }
  brandt = find_graduate (list, "Brandt");
  g_assert_cmpstr (hp_graduate_get_birth_date (brandt), ==, "2009-02-14");
  {
    g_autoptr(HpGraduate) abel = find_graduate (list, "Abel");

    g_assert_true (hp_graduate_get_birth_date (abel) == NULL || *hp_graduate_get_birth_date (abel) == '\0');
  }

  /* Again: 0 added, 5 duplicates */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "graduates-svws-no-year.csv");

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 0);
    g_assert_cmpuint (r.duplicates, ==, 5);
    g_assert_null (hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI));
  }
  g_assert_cmpuint (count_graduates (f), ==, 5);
}

static char *
write_tmp (const char *dir,
           const char *basename,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, basename, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static HpImport *
new_import_path (Fixture      *f,
                 HpImportKind  kind,
                 const char   *path)
{
  g_autoptr(GError) error = NULL;
  HpImport *import = hp_import_new (f->store, kind, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  hp_import_set_campaign (import, hp_campaign_get_id (f->campaign));
  return import;
}

static gboolean
list_complete (Fixture    *f,
               const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) schools = hp_store_list_schools (f->store, hp_campaign_get_id (f->campaign), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

      if (g_str_equal (hp_school_get_number (school), number))
        return hp_school_get_list_complete (school);
    }

  g_assert_not_reached ();
}

/* Rows that state a year are filtered; rows without one are left out when
 * others state theirs, counted apart; a row without a name is left out. */
static void
test_graduates_year_filter (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *mixed = write_tmp (dir, "gemischt.csv",
                                      "Nachname;Vorname;Jahrgang\n"
                                      "Adler;Ana;Q2\n"        /* kept */
                                      "Bauer;Ben;Q1\n"        /* other year */
                                      "Cramer;Cem;--\n"       /* no year */
                                      "Dorn;Dana;\n"          /* no year */
                                      "Eck;Emil;13\n"         /* kept */
                                      ";;Q2\n"                /* no name */
                                      "--;k. A.;Q2\n");       /* no name (placeholders) */
  g_autofree char *q1 = write_tmp (dir, "q1.csv", "Nachname;Vorname;Jahrgang\nFink;Fia;Q1\nGast;Gil;Q1\n");
  HpImportResult r;

  add_school (f, "170001");

  /* 7 rows = 2 added + 3 skipped (1 other year + 2 without a year) + 2 without a name */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, mixed);

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.rows, ==, 7);
    g_assert_cmpuint (r.added, ==, 2);
    g_assert_cmpuint (r.skipped, ==, 3);
    g_assert_cmpuint (r.skipped_year, ==, 1);
    g_assert_cmpuint (r.skipped_no_year, ==, 2);
    g_assert_cmpuint (r.no_name, ==, 2);
    g_assert_false (r.no_year_in_file);
    g_assert_cmpuint (r.rows, ==, r.added + r.duplicates + r.skipped + r.no_name);
  }

  /* --year "": every row with a name, 7 - 2 = 5 */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, mixed);

    hp_import_set_school (import, "170001");
    hp_import_set_leaving_year (import, "");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 5);
    g_assert_cmpuint (r.skipped, ==, 0);
    g_assert_false (r.no_year_in_file);
  }

  /* Only Q1: nothing imported, the message says which filter and how to
   * widen it; the list is not marked complete */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, q1);
    g_autofree char *message = NULL;

    hp_import_set_school (import, "170001");
    hp_import_set_list_complete (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 0);
    g_assert_cmpuint (r.skipped_year, ==, 2);
    message = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, "2 rows are of another year than Q2/13"));
    g_assert_nonnull (strstr (message, "--year"));
    g_assert_false (list_complete (f, "170001"));
  }

  /* --year Q1 and the list marked complete, in the same run; a dry run
   * marks nothing */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, q1);

    hp_import_set_school (import, "170001");
    hp_import_set_leaving_year (import, "Q1");
    hp_import_set_list_complete (import, TRUE);
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 2);
    g_assert_false (list_complete (f, "170001"));
  }
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, q1);

    hp_import_set_school (import, "170001");
    hp_import_set_leaving_year (import, "Q1");
    hp_import_set_list_complete (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 2);
    g_assert_true (list_complete (f, "170001"));
  }
  g_assert_cmpuint (count_graduates (f), ==, 2);

  hp_test_rm_rf (dir);
}

/* Schools: a placeholder school number is a missing one; the filters are
 * named when they leave out every row */
static void
test_schools_placeholders_and_filters (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *placeholder = write_tmp (dir, "platzhalter.csv",
                                            "Schulnummer;Schulname;Ort;Telefon;Schulform;Gemeindeschluessel\n"
                                            "170001;Gymnasium Am Berg;--;k. A.;20;05958004\n"
                                            "--;Realschule Tal;Brilon;;10;05958008\n");
  g_autofree char *good = write_tmp (dir, "gut.csv",
                                     "Schulnummer;Schulname;Ort;Telefon;Schulform;Gemeindeschluessel\n"
                                     "170001;Gymnasium Am Berg;--;k. A.;20;05958004\n"
                                     "170002;Realschule Tal;Brilon;;10;05958008\n");
  HpImportResult r;

  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, placeholder);

    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "line 3"));
    g_assert_nonnull (strstr (error->message, "school number is empty"));
    g_clear_error (&error);
  }

  /* District 05970: 2 rows, 2 outside it */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, good);
    g_autofree char *message = NULL;

    hp_import_set_district_prefix (import, "05970");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.skipped_district, ==, 2);
    message = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_nonnull (strstr (message, "2 schools are outside the district 05970"));
    g_assert_nonnull (strstr (message, "--district"));
  }

  /* Abitur only: 1 of 2 (the Realschule, form 10, left out) */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, good);
    g_autoptr(HpSchool) school = NULL;

    hp_import_set_abitur_only (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 1);
    g_assert_cmpuint (r.skipped_school_form, ==, 1);
    g_assert_null (hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI));

    /* "--" town and "k. A." phone are empty, not data */
    school = hp_store_find_school (f->store, "170001", &error);
    g_assert_no_error (error);
    g_assert_true (hp_school_get_town (school) == NULL || *hp_school_get_town (school) == '\0');
    g_assert_true (hp_school_get_phone (school) == NULL || *hp_school_get_phone (school) == '\0');
  }

  hp_test_rm_rf (dir);
}

/* A graduate list is a list of people: a postcode list is refused before
 * anything is stored */
static void
test_graduates_not_people (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpImport) import = new_import (f, HP_IMPORT_GRADUATES, "postcodes.csv");
  HpStoreStats before = stats (f);
  HpStoreStats after;
  HpImportResult r;

  add_school (f, "170001");
  before = stats (f);
  hp_import_set_school (import, "170001");
  g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "postcodes.csv"));
  g_assert_nonnull (strstr (error->message, "last or first names"));
  after = stats (f);
  g_assert_cmpint (memcmp (&before, &after, sizeof before), ==, 0);
  g_assert_cmpuint (count_graduates (f), ==, 0);
}

/* Rows wider than their header: the header is still the line of names,
 * and the message names the line and both widths */
static void
test_reader_wide_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = write_tmp (dir, "breit.csv",
                                     "Schulnummer;Schulname;Ort\n"
                                     "170001;Gymnasium;Arnsberg;Nord\n"
                                     "170002;Realschule;Brilon;Süd\n");
  g_autoptr(HpTableReader) reader = hp_table_reader_open (path, NULL, &error);
  const char * const *fields;

  g_assert_no_error (error);
  g_assert_cmpuint (hp_table_reader_get_header_line (reader), ==, 1);
  g_assert_cmpstr (hp_table_reader_get_header (reader)[0], ==, "Schulnummer");
  g_assert_false (hp_table_reader_next (reader, &fields, NULL, &error));
  g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_ROW_LENGTH);
  g_assert_cmpstr (error->message, ==, "breit.csv, line 2: The row has 4 fields, but the header has 3 columns.");

  hp_test_rm_rf (dir);
}

/* The CLI: exit statuses, the database untouched on refusal, the summary */
/* ------------------------------------------------------------------------ */
/* Issue 13, point 7: the advice in the window's words, the districts of a
 * directory, what a run did per school                                      */

/* The same filters, in the CLI's words and in the window's: the window's
 * name the assistant's rows ("Leaving Year", "All Years" …), never an
 * option. */
static void
test_describe_advice (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  /* 2 rows of Q1 and 1 without a year: the default filter (Q2/13) leaves
   * out all 3 (2 of another year + 1 without a year while others state
   * theirs) */
  g_autofree char *q1 = write_tmp (dir, "q1.csv", "Nachname;Vorname;Jahrgang\nFink;Fia;Q1\nGast;Gil;Q1\nHahn;Hal;\n");
  g_autofree char *nameless = write_tmp (dir, "ohne-namen.csv", "Nachname;Vorname;Klasse\n;;Q2a\n--;;Q2b\n");
  /* 2 schools: one in the HSK (05958), one closed Realschule in Soest */
  g_autofree char *schools = write_tmp (dir, "schulen.csv",
                                        "Schulnummer;Schulbezeichnung_1;Gemeindeschluessel;Schulform;Schulbetriebsschluessel\n"
                                        "170001;Realschule Arnsberg;05958004;10;1\n"
                                        "170002;Realschule Soest;05974040;10;9\n");
  g_autofree char *notes = write_tmp (dir, "notizen.csv", "Firma;Bemerkung\n;erste Notiz\n;zweite Notiz\n");
  HpImportResult r;

  add_school (f, "170001");

  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, q1);
    g_autofree char *cli = NULL;
    g_autofree char *window = NULL;

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.skipped_year, ==, 2);
    g_assert_cmpuint (r.skipped_no_year, ==, 1);

    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_cmpstr (cli, ==,
                     "Nothing was imported from the 3 rows of q1.csv: "
                     "2 rows are of another year than Q2/13; choose the year with --year VALUE, "
                     "or keep every row with --year \"\". "
                     "1 row states no year while others do; keep it with --year \"\".");

    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_cmpstr (window, ==,
                     "Nothing was imported from the 3 rows of q1.csv: "
                     "2 rows are of another year than Q2/13; choose the year under “Leaving Year”, "
                     "or keep every row with “All Years”. "
                     "1 row states no year while others do; choose “All Years” to keep it.");
    g_assert_null (strstr (window, "--"));

    /* Issue 15, "Numbers": the counts are written the language's way, as
     * the lists write them. Had the file held 1202 rows of Q1 and the
     * one without a year: 1202 + 1 = 1203 rows, grouped 1|203 and 1|202
     * ("1,203", "1,202"; before: "1203"); 1 has nothing to group. */
    r.rows = 1203;
    r.skipped_year = 1202;
    g_clear_pointer (&cli, g_free);
    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_cmpstr (cli, ==,
                     "Nothing was imported from the 1,203 rows of q1.csv: "
                     "1,202 rows are of another year than Q2/13; choose the year with --year VALUE, "
                     "or keep every row with --year \"\". "
                     "1 row states no year while others do; keep it with --year \"\".");
  }

  /* No name in any row: the Columns step */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, nameless);
    g_autofree char *window = NULL;

    hp_import_set_school (import, "170001");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.no_name, ==, 2);
    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_nonnull (strstr (window, "2 rows have no name; check on the “Columns” step which column holds the names."));
    g_assert_null (strstr (window, "--"));
  }

  /* Schools: district (the HSK school is outside 05970, the Soest one too),
   * then abitur only (Realschule: 1 left out, the closed one as well) */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, schools);
    g_autofree char *cli = NULL;
    g_autofree char *window = NULL;

    hp_import_set_district_prefix (import, "05970");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.skipped_district, ==, 2);
    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_nonnull (strstr (cli, "2 schools are outside the district 05970; check the key or leave out --district."));
    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_nonnull (strstr (window, "2 schools are outside the district 05970; choose another district or “All Districts”."));
    g_assert_null (strstr (window, "--"));
  }
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, schools);
    g_autofree char *cli = NULL;
    g_autofree char *window = NULL;

    hp_import_set_abitur_only (import, TRUE);
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    /* both are Realschulen: the form filter comes before the closed one */
    g_assert_cmpuint (r.skipped_school_form, ==, 2);
    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_nonnull (strstr (cli, "2 schools do not lead to the Abitur; leave out --abitur-only."));
    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_nonnull (strstr (window, "2 schools do not lead to the Abitur; turn off “Only Schools That Lead to the Abitur”."));
    g_assert_null (strstr (window, "--"));
  }
  /* Only the Soest school (district 05974), which is closed */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, schools);
    g_autofree char *cli = NULL;
    g_autofree char *window = NULL;

    hp_import_set_district_prefix (import, "05974");
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.skipped_closed, ==, 1);
    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_nonnull (strstr (cli, "1 school is closed; add --include-closed to import it."));
    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_nonnull (strstr (window, "1 school is closed; turn on “Include Closed Schools” to import it."));
    g_assert_null (strstr (window, "--"));
  }

  /* Sponsors: 2 rows of notes, no sponsor's name, nothing else read */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SPONSORS, notes);
    g_autofree char *cli = NULL;
    g_autofree char *window = NULL;

    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.no_name, ==, 2);
    cli = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_CLI);
    g_assert_cmpstr (cli, ==, "Nothing was imported: none of the 2 rows of notizen.csv names a sponsor. Check which "
                              "column holds the sponsors’ names (--map name=HEADER).");
    window = hp_import_describe_nothing_imported (import, &r, HP_IMPORT_ADVICE_WINDOW);
    g_assert_cmpstr (window, ==, "Nothing was imported: none of the 2 rows of notizen.csv names a sponsor. Check on "
                                 "the “Columns” step which column holds the sponsors’ names.");
  }

  hp_test_rm_rf (dir);
}

static HpImportDistrict *
district_at (GPtrArray *districts,
             guint      index)
{
  g_assert_cmpuint (index, <, districts->len);
  return g_ptr_array_index (districts, index);
}

static char *
joined_towns (HpImportDistrict *district)
{
  return g_strjoinv ("|", district->towns);
}

/* The districts of a directory, read as the run reads it. Six schools:
 *   170002 Brilon    05958012 form 04 (Hauptschule)
 *   170001 Arnsberg  05958004 form 20 (Gymnasium: Abitur)
 *   170003 Arnsberg  5958032  form 2 (7 digits: lost its 0 → 05958032; form → 02)
 *   170005 Soest     05974040 form 15 (Gesamtschule: Abitur)
 *   170004 Ense      05974008 form 20, status 9 (closed)
 *   170006 Hagen     "--"     form 10 (no key: district "")
 * 05958: 3 schools (170001 + 170002 + 170003), of them 1 to the Abitur (20;
 * not 04, not 02), towns Arnsberg (twice in the file, once here) and Brilon;
 * 05974: 1 school (the closed one left out), 1 to the Abitur; with closed
 * schools 2 and 2, towns Ense and Soest. "" (no key): 1, none to the Abitur. */
static void
test_list_districts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *path = write_tmp (dir, "schulen.csv",
                                     "Schulnummer;Schulbezeichnung_1;Ort;Gemeindeschluessel;Schulform;Schulbetriebsschluessel\n"
                                     "170002;Hauptschule Brilon;Brilon;05958012;04;1\n"
                                     "170001;Gymnasium Laurentianum;Arnsberg;05958004;20;1\n"
                                     "170003;Grundschule Neheim;Arnsberg;5958032;2;1\n"
                                     "170005;Gesamtschule Soest;Soest;05974040;15;1\n"
                                     "170004;Gymnasium Ense;Ense;05974008;20;9\n"
                                     "170006;Realschule Hagen;Hagen;--;10;1\n");
  g_autofree char *bad = write_tmp (dir, "kaputt.csv",
                                    "Schulnummer;Schulbezeichnung_1;Gemeindeschluessel\n"
                                    "170001;Gymnasium;05958004\n"
                                    "170002;Realschule;595\n");
  g_autofree char *no_key = write_tmp (dir, "ohne-schluessel.csv", "Schulnummer;Schulbezeichnung_1\n170001;Gymnasium\n");
  g_autofree char *providers = write_tmp (dir, "svws-traeger.csv",
                                          "SchulNr;RegSchl;ABez1;ABez2;ABez3;PLZ;Ort;SF;SchBetrSchl\n"
                                          "90001;958000;Landkreis Beispiel;;;59872;Meschede;00;1\n");

  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, path);
    g_autoptr(GPtrArray) districts = NULL;
    HpImportResult r;

    /* The filters are what the list helps to choose: ignored */
    hp_import_set_district_prefix (import, "05974");
    hp_import_set_abitur_only (import, TRUE);
    districts = hp_import_list_districts (import, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (districts->len, ==, 3);

    g_assert_cmpstr (district_at (districts, 0)->key, ==, "");
    g_assert_cmpuint (district_at (districts, 0)->n_schools, ==, 1);
    g_assert_cmpuint (district_at (districts, 0)->n_abitur, ==, 0);

    {
      g_autofree char *towns = joined_towns (district_at (districts, 1));

      g_assert_cmpstr (district_at (districts, 1)->key, ==, "05958");
      g_assert_cmpstr (towns, ==, "Arnsberg|Brilon");
      g_assert_cmpuint (district_at (districts, 1)->n_schools, ==, 3);
      g_assert_cmpuint (district_at (districts, 1)->n_abitur, ==, 1);
    }
    {
      g_autofree char *towns = joined_towns (district_at (districts, 2));

      g_assert_cmpstr (district_at (districts, 2)->key, ==, "05974");
      g_assert_cmpstr (towns, ==, "Soest");
      g_assert_cmpuint (district_at (districts, 2)->n_schools, ==, 1);
      g_assert_cmpuint (district_at (districts, 2)->n_abitur, ==, 1);
    }

    /* Once per import, like the run; nothing was stored */
    g_test_expect_message ("hp-import", G_LOG_LEVEL_CRITICAL, "*!self->ran*");
    g_assert_false (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_cmpuint (stats (f).schools, ==, 0);
  }

  /* With closed schools: 05974 has 2, both to the Abitur, in Ense and Soest */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, path);
    g_autoptr(GPtrArray) districts = NULL;
    g_autofree char *towns = NULL;

    hp_import_set_include_closed (import, TRUE);
    districts = hp_import_list_districts (import, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (districts->len, ==, 3);
    g_assert_cmpstr (district_at (districts, 2)->key, ==, "05974");
    g_assert_cmpuint (district_at (districts, 2)->n_schools, ==, 2);
    g_assert_cmpuint (district_at (districts, 2)->n_abitur, ==, 2);
    towns = joined_towns (district_at (districts, 2));
    g_assert_cmpstr (towns, ==, "Ense|Soest");
    /* 05958 is as before */
    g_assert_cmpuint (district_at (districts, 1)->n_schools, ==, 3);
  }

  /* SVWS: RegSchl completed with 05. tests/data/svws-schulen.csv: Köln
   * 315000 (form 30), the HSK 958xxx (20, 30, 25, 02, 10 and a closed 20),
   * Olpe 966024 (20): 05315 1/1, 05958 5/3, 05966 1/1 */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SCHOOLS, "svws-schulen.csv");
    g_autoptr(GPtrArray) districts = hp_import_list_districts (import, NULL, &error);
    g_autofree char *towns = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (districts->len, ==, 3);
    g_assert_cmpstr (district_at (districts, 0)->key, ==, "05315");
    g_assert_cmpuint (district_at (districts, 0)->n_schools, ==, 1);
    g_assert_cmpuint (district_at (districts, 0)->n_abitur, ==, 1);
    g_assert_cmpstr (district_at (districts, 1)->key, ==, "05958");
    g_assert_cmpuint (district_at (districts, 1)->n_schools, ==, 5);
    g_assert_cmpuint (district_at (districts, 1)->n_abitur, ==, 3);
    towns = joined_towns (district_at (districts, 1));
    g_assert_cmpstr (towns, ==, "Arnsberg|Brilon|Eslohe|Meschede|Sundern");
    g_assert_cmpstr (district_at (districts, 2)->key, ==, "05966");
    g_assert_cmpuint (district_at (districts, 2)->n_schools, ==, 1);
  }

  /* A key that cannot be repaired: the run's error, with line and column */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, bad);
    g_autoptr(GPtrArray) districts = hp_import_list_districts (import, NULL, &error);

    g_assert_null (districts);
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "kaputt.csv, line 3, column “Gemeindeschluessel”"));
    g_assert_nonnull (strstr (error->message, "“595”"));
    g_clear_error (&error);
  }

  /* SVWS's table of school providers: refused as the run refuses it */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, providers);
    g_autoptr(GPtrArray) districts = hp_import_list_districts (import, NULL, &error);

    g_assert_null (districts);
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "line 2, column “SF”"));
    g_assert_nonnull (strstr (error->message, "school provider"));
    g_clear_error (&error);
  }

  /* No municipality key column */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, no_key);
    g_autoptr(GPtrArray) districts = hp_import_list_districts (import, NULL, &error);

    g_assert_null (districts);
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN);
    g_clear_error (&error);
  }

  /* Cancelled */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, path);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GPtrArray) districts = NULL;

    g_cancellable_cancel (cancellable);
    districts = hp_import_list_districts (import, cancellable, &error);
    g_assert_null (districts);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* Schools only */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, path);

    g_test_expect_message ("hp-import", G_LOG_LEVEL_CRITICAL, "*HP_IMPORT_SCHOOLS*");
    g_assert_null (hp_import_list_districts (import, NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
  }

  hp_test_rm_rf (dir);
}

static const HpImportSchoolSummary *
summary_at (HpImport *import,
            guint     index)
{
  GPtrArray *schools = hp_import_get_schools (import);

  g_assert_cmpuint (index, <, schools->len);
  return g_ptr_array_index (schools, index);
}

static void
add_school_in (Fixture    *f,
               const char *number,
               const char *name,
               const char *town)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new (number, name);

  hp_school_set_town (school, town);
  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);
}

/* A schools import: each school it adds, updates or finds unchanged, named
 * as the file has it, sorted by number; not those the filters left out. */
static void
test_schools_summary (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  const char *header = "Schulnummer;Schulbezeichnung_1;Ort;Gemeindeschluessel;Schulform\n";
  g_autofree char *first = g_strconcat (header,
                                        "170002;Hauptschule Brilon;Brilon;05958012;04\n"
                                        "170001;Gymnasium Laurentianum;Arnsberg;05958004;20\n"
                                        "170009;Gesamtschule Soest;Soest;05974040;15\n", NULL);
  g_autofree char *second = g_strconcat (header,
                                         "170003;Realschule Sundern;;05958044;10\n"
                                         "170002;Städt. Hauptschule Brilon;Brilon;05958012;04\n"
                                         "170001;Gymnasium Laurentianum;Arnsberg;05958004;20\n", NULL);
  g_autofree char *first_path = write_tmp (dir, "erste.csv", first);
  g_autofree char *second_path = write_tmp (dir, "zweite.csv", second);
  HpImportResult r;

  /* Before a run: empty */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, first_path);

    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 0);

    /* HSK only: 170001 and 170002 added, 170009 (Soest) left out */
    hp_import_set_district_prefix (import, "05958");
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 2);
    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 2);
    g_assert_cmpstr (summary_at (import, 0)->number, ==, "170001");
    g_assert_cmpstr (summary_at (import, 0)->name, ==, "Gymnasium Laurentianum");
    g_assert_cmpstr (summary_at (import, 0)->town, ==, "Arnsberg");
    g_assert_cmpint (summary_at (import, 0)->change, ==, HP_IMPORT_SCHOOL_ADDED);
    g_assert_cmpstr (summary_at (import, 1)->number, ==, "170002");
    g_assert_cmpint (summary_at (import, 1)->change, ==, HP_IMPORT_SCHOOL_ADDED);
    g_assert_cmpuint (summary_at (import, 1)->added, ==, 0);   /* graduates' counts stay 0 */
  }

  /* The second file: 170003 new (no town), 170002 renamed, 170001 as
   * stored; a dry run tells the same */
  for (guint dry = 0; dry < 2; dry++)
    {
      g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, second_path);

      g_assert_true (hp_import_run (import, dry == 0, &r, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 3);
      g_assert_cmpstr (summary_at (import, 0)->number, ==, "170001");
      g_assert_cmpint (summary_at (import, 0)->change, ==, HP_IMPORT_SCHOOL_UNCHANGED);
      g_assert_cmpstr (summary_at (import, 1)->number, ==, "170002");
      g_assert_cmpstr (summary_at (import, 1)->name, ==, "Städt. Hauptschule Brilon");
      g_assert_cmpint (summary_at (import, 1)->change, ==, HP_IMPORT_SCHOOL_UPDATED);
      g_assert_cmpstr (summary_at (import, 2)->number, ==, "170003");
      g_assert_null (summary_at (import, 2)->town);
      g_assert_cmpint (summary_at (import, 2)->change, ==, HP_IMPORT_SCHOOL_ADDED);
    }
  g_assert_cmpuint (stats (f).schools, ==, 3);

  /* A run that fails: nothing per school */
  {
    g_autofree char *broken = write_tmp (dir, "kaputt.csv", "Schulnummer;Schulbezeichnung_1;Gemeindeschluessel\n"
                                                            "170004;Gymnasium;05958004\n"
                                                            "170005;Realschule;595\n");
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_SCHOOLS, broken);

    g_assert_false (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 0);
  }

  hp_test_rm_rf (dir);
}

/*
 * A graduates import per school, worked by hand. Before: Adler (born
 * 01.02.2008) is listed at school A (170001), whose list is marked complete;
 * school B (170002) has none. The file, rows of A and B mixed:
 *   A Adler Q2 01.02.2008   already listed      → duplicate
 *   A Bauer Q2              new                 → added
 *   B Cramer Q2             new                 → added
 *   B Dorn Q1               another year        → skipped
 *   A Eck 13                new (A again)       → added
 *   B (no name) Q2                              → no name
 * A: 3 rows = 2 added + 1 duplicate; listed before 1, complete.
 * B: 3 rows = 1 added + 1 skipped + 1 without a name; listed before 0.
 * Totals: 6 rows = 3 added + 1 duplicate + 1 skipped + 1 no name.
 */
static void
test_graduates_summary (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *before = write_tmp (dir, "vorher.csv", "Schulnummer;Nachname;Vorname;Jahrgang;Geburtsdatum\n"
                                                          "170001;Adler;Ana;Q2;01.02.2008\n");
  g_autofree char *path = write_tmp (dir, "abschluss.csv", "Schulnummer;Nachname;Vorname;Jahrgang;Geburtsdatum\n"
                                                           "170001;Adler;Ana;Q2;01.02.2008\n"
                                                           "170001;Bauer;Ben;Q2;\n"
                                                           "170002;Cramer;Cem;Q2;\n"
                                                           "170002;Dorn;Dana;Q1;\n"
                                                           "170001;Eck;Emil;13;\n"
                                                           "170002;;;Q2;\n");
  gint64 campaign_id = hp_campaign_get_id (f->campaign);
  HpImportResult r;

  add_school_in (f, "170001", "Gymnasium Laurentianum", "Arnsberg");
  add_school_in (f, "170002", "Realschule Brilon", NULL);
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, before);

    hp_import_set_school (import, "170001");
    hp_import_set_list_complete (import, TRUE);
    g_assert_true (hp_import_run (import, FALSE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.added, ==, 1);
    /* the list was not complete before this run */
    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 1);
    g_assert_false (summary_at (import, 0)->list_complete);
    g_assert_cmpuint (summary_at (import, 0)->listed_before, ==, 0);
    g_assert_true (list_complete (f, "170001"));
  }

  /* Dry run, then the real one: the same per school */
  for (guint dry = 0; dry < 2; dry++)
    {
      g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, path);
      const HpImportSchoolSummary *a, *b;

      g_assert_true (hp_import_set_mapping (import, "school_number", "Schulnummer", &error));
      g_assert_true (hp_import_run (import, dry == 0, &r, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (r.rows, ==, 6);
      g_assert_cmpuint (r.added, ==, 3);
      g_assert_cmpuint (r.duplicates, ==, 1);
      g_assert_cmpuint (r.skipped, ==, 1);
      g_assert_cmpuint (r.no_name, ==, 1);

      g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 2);
      a = summary_at (import, 0);
      b = summary_at (import, 1);

      g_assert_cmpstr (a->number, ==, "170001");
      g_assert_cmpstr (a->name, ==, "Gymnasium Laurentianum");
      g_assert_cmpstr (a->town, ==, "Arnsberg");
      g_assert_cmpint (a->change, ==, HP_IMPORT_SCHOOL_GRADUATES);
      g_assert_cmpuint (a->added, ==, 2);
      g_assert_cmpuint (a->duplicates, ==, 1);
      g_assert_cmpuint (a->skipped, ==, 0);
      g_assert_cmpuint (a->no_name, ==, 0);
      g_assert_cmpuint (a->listed_before, ==, 1);
      g_assert_true (a->list_complete);

      g_assert_cmpstr (b->number, ==, "170002");
      g_assert_cmpstr (b->name, ==, "Realschule Brilon");
      g_assert_null (b->town);
      g_assert_cmpint (b->change, ==, HP_IMPORT_SCHOOL_GRADUATES);
      g_assert_cmpuint (b->added, ==, 1);
      g_assert_cmpuint (b->duplicates, ==, 0);
      g_assert_cmpuint (b->skipped, ==, 1);
      g_assert_cmpuint (b->no_name, ==, 1);
      g_assert_cmpuint (b->listed_before, ==, 0);
      g_assert_false (b->list_complete);
    }
  /* 1 before + 3 */
  g_assert_cmpint (hp_store_count_graduates (f->store, campaign_id, 0, &error), ==, 4);

  /* Again: A's 3 named rows and B's Cramer are listed now; listed before
   * A 1 + 2 = 3, B 0 + 1 = 1 */
  {
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, path);

    g_assert_true (hp_import_set_mapping (import, "school_number", "Schulnummer", &error));
    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary_at (import, 0)->added, ==, 0);
    g_assert_cmpuint (summary_at (import, 0)->duplicates, ==, 3);
    g_assert_cmpuint (summary_at (import, 0)->listed_before, ==, 3);
    g_assert_cmpuint (summary_at (import, 1)->added, ==, 0);
    g_assert_cmpuint (summary_at (import, 1)->duplicates, ==, 1);
    g_assert_cmpuint (summary_at (import, 1)->skipped, ==, 1);
    g_assert_cmpuint (summary_at (import, 1)->no_name, ==, 1);
    g_assert_cmpuint (summary_at (import, 1)->listed_before, ==, 1);
  }

  /* A row of an unknown school stops the run: nothing per school */
  {
    g_autofree char *unknown = write_tmp (dir, "unbekannt.csv", "Schulnummer;Nachname;Jahrgang\n"
                                                                "170001;Fink;Q2\n"
                                                                "179999;Gast;Q2\n");
    g_autoptr(HpImport) import = new_import_path (f, HP_IMPORT_GRADUATES, unknown);

    g_assert_true (hp_import_set_mapping (import, "school_number", "Schulnummer", &error));
    g_assert_false (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 0);
  }

  /* Sponsors: never any school */
  {
    g_autoptr(HpImport) import = new_import (f, HP_IMPORT_SPONSORS, "sponsors-list.csv");

    g_assert_true (hp_import_run (import, TRUE, &r, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (r.sponsors_added, >, 0);
    g_assert_cmpuint (hp_import_get_schools (import)->len, ==, 0);
  }

  hp_test_rm_rf (dir);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = hp_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "t.heimpack", NULL);
  g_autofree char *svws = fixture_path ("graduates-svws-no-year.csv");
  g_autofree char *postcodes = fixture_path ("postcodes.csv");
  g_autofree char *xlsx = fixture_path ("graduates-second-sheet.xlsx");
  g_autofree char *q1 = write_tmp (dir, "q1.csv", "Nachname;Vorname;Jahrgang\nFink;Fia;Q1\n");

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      hp_test_rm_rf (dir);
      return;
    }

  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "campaign", "new", "K 2027", "--year", "2027", NULL);
    g_assert_cmpint (r->status, ==, 0);
  }
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "school", "add", "--number", "170001", "--name", "Gym", NULL);
    g_assert_cmpint (r->status, ==, 0);
  }

  /* Help of every form exits 0 */
  {
    const char *helps[][3] = { { "import", "--help", NULL }, { "import", "graduates", "--help" },
                               { "import", "schools", "--help" } };

    for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
      {
        g_autoptr(HpTestCliResult) r = hp_test_run_cli (NULL, helps[i][0], helps[i][1], helps[i][2], NULL);

        g_assert_cmpint (r->status, ==, 0);
        g_assert_nonnull (strstr (r->out, "--list-complete"));
        g_assert_nonnull (strstr (r->out, "--sheet"));
      }
  }

  /* A postcode list as graduates: exit 1, the file byte for byte the same */
  {
    g_autoptr(GBytes) before = hp_test_file_bytes (db);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", postcodes, "--school", "170001", NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "no list of graduates"));
    after = hp_test_file_bytes (db);
    g_assert_true (hp_test_bytes_equal (before, after));
  }

  /* Only Q1 with the default filter: exit 1, the filter named, unchanged */
  {
    g_autoptr(GBytes) before = hp_test_file_bytes (db);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", q1, "--school", "170001", NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "another year than Q2/13"));
    after = hp_test_file_bytes (db);
    g_assert_true (hp_test_bytes_equal (before, after));
  }

  /* --list-complete without --school: a usage error (2) */
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", svws, "--school-column", "Status",
                                                    "--list-complete", NULL);
    g_assert_cmpint (r->status, ==, 2);
    g_assert_nonnull (strstr (r->err, "--school NUMBER"));
  }

  /* The SVWS export with the defaults: all 5 kept, then 0 added */
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", svws, "--school", "170001",
                                                    "--list-complete", NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "5 graduates added"));
    g_assert_nonnull (strstr (r->out, "No year in the file: all 5 rows were kept"));
    g_assert_nonnull (strstr (r->out, "marked complete"));
  }
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", svws, "--school", "170001", NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "0 graduates added, 5 duplicates"));
  }

  /* XLSX with an empty first sheet: the second is read, and named;
   * 3 rows: Q2 Fuchs and Haas kept, Q1 Gruber left out */
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", xlsx, "--school", "170001", "--dry-run",
                                                    NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "Sheet “Abschluss 2027” read."));
    g_assert_nonnull (strstr (r->out, "3 rows read: 2 graduates added, 0 duplicates left out, 1 skipped"));
  }
  {
    g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "import", "graduates", xlsx, "--school", "170001",
                                                    "--sheet", "Hinweise", "--dry-run", NULL);
    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "empty"));
  }

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* Killing heimpack-cli                                                      */

/* The import's CSV and the database it goes into; each trial starts from a
 * fresh copy of the base file. */
typedef struct
{
  char *base;      /* demo + an empty campaign, never imported into */
  char *run_dir;   /* the trial's folder */
  char *db;        /* run_dir/hp.db */
  char *backups;   /* run_dir/hp.db.backups */
  char *csv;
} KillFiles;

/* The counts of `stats --json` before the import (campaign 2 empty) and
 * after it, worked by hand:
 * - demo --scale district: 30 schools, 2,000 graduates in campaign 1,
 *   40 sponsors, 60 products (hp-demo.c, HP_DEMO_SCALE_DISTRICT);
 * - campaign clone: campaign 2, the same schools, no graduates;
 * - the CSV: 100 rows for each of the 30 schools = 3,000 rows, all Q2 (the
 *   default year filter keeps them) and all different names, so all
 *   3,000 are added to campaign 2: 2,000 + 3,000 = 5,000 graduates. */
#define KILL_BEFORE "{\"campaigns\":2,\"sponsors\":40,\"products\":60,\"schools\":30,\"graduates\":2000}"
#define KILL_AFTER  "{\"campaigns\":2,\"sponsors\":40,\"products\":60,\"schools\":30,\"graduates\":5000}"
#define KILL_ROWS_PER_SCHOOL 100

static char *
kill_stats (const char *db)
{
  g_autoptr(HpTestCliResult) r = hp_test_run_cli (db, "--json", "stats", NULL);

  g_assert_cmpint (r->status, ==, 0);
  return g_strdup (g_strchomp (r->out));
}

static void
kill_fresh_copy (KillFiles *k)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  hp_test_rm_rf (k->run_dir);
  g_assert_no_errno (g_mkdir (k->run_dir, 0700));
  g_file_get_contents (k->base, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (k->db, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static HpTestCliResult *
kill_import_run (KillFiles *k)
{
  return hp_test_run_cli (k->db, "--campaign", "2", "import", "graduates", k->csv, "--school-column",
                          "Schulnummer", NULL);
}

/* The base file: the district demo, an empty second campaign, and the CSV
 * of 100 graduates for each of its 30 schools. */
static void
kill_setup (KillFiles  *k,
            const char *dir)
{
  g_autofree char *base_dir = g_build_filename (dir, "base", NULL);
  g_autoptr(HpTestCliResult) demo = NULL;
  g_autoptr(HpTestCliResult) clone = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GString) csv = g_string_new ("Schulnummer;Nachname;Vorname;Klasse;Jahrgang;Geburtsdatum\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *stats = NULL;
  guint n;

  g_assert_no_errno (g_mkdir (base_dir, 0700));
  k->base = g_build_filename (base_dir, "hp.db", NULL);
  k->csv = g_build_filename (base_dir, "graduates.csv", NULL);
  k->run_dir = g_build_filename (dir, "run", NULL);
  k->db = g_build_filename (k->run_dir, "hp.db", NULL);
  k->backups = hp_backup_get_folder (k->db);

  demo = hp_test_run_cli (k->base, "demo", "--scale", "district", NULL);
  g_assert_cmpint (demo->status, ==, 0);
  clone = hp_test_run_cli (k->base, "campaign", "clone", "Abi 2099", "--year", "2099", NULL);
  g_assert_cmpint (clone->status, ==, 0);
  stats = kill_stats (k->base);
  g_assert_cmpstr (stats, ==, KILL_BEFORE);

  store = hp_store_open (k->base, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  schools = hp_store_list_schools (store, 0, &error);
  g_assert_no_error (error);
  n = hp_test_list_count (schools);
  g_assert_cmpuint (n, ==, 30);
  for (guint i = 0; i < n * KILL_ROWS_PER_SCHOOL; i++)
    {
      g_autoptr(HpSchool) school = hp_test_list_get (schools, i % n);

      g_string_append_printf (csv, "%s;Name%u;Vorname%u;Q2-%u;Q2;01.02.2008\n", hp_school_get_number (school), i, i,
                              i % 4 + 1);
    }
  g_clear_object (&store);
  g_file_set_contents (k->csv, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
}

static void
kill_files_clear (KillFiles *k)
{
  g_free (k->base);
  g_free (k->run_dir);
  g_free (k->db);
  g_free (k->backups);
  g_free (k->csv);
}

/*
 * Kills `heimpack-cli import graduates` (3,000 rows into a district-scale
 * file, some 100 ms, two backups first) with SIGKILL ten times: five times
 * at a random moment of the run, five times at a random moment in the
 * first quarter of a run after its backups folder appeared (the import is
 * under way). After each kill the file passes its integrity check and
 * holds either none of the rows or all 3,000 (see KILL_BEFORE and
 * KILL_AFTER); the import run again ends with all of them, and nothing is
 * left beside the file (a backup copy being written when killed is removed
 * by the next run's backup).
 */
static void
test_kill (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(HpTestCliResult) first = NULL;
  g_autofree char *stats = NULL;
  KillFiles k = { NULL };
  gint64 start;
  gint64 duration;
  guint none = 0;
  guint all = 0;
  guint under_way = 0;
  guint partial_copies = 0;

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return;
    }

  dir = hp_test_tmp_dir ();
  kill_setup (&k, dir);

  /* how long one import takes */
  kill_fresh_copy (&k);
  start = g_get_monotonic_time ();
  first = kill_import_run (&k);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpint (first->status, ==, 0);
  stats = kill_stats (k.db);
  g_assert_cmpstr (stats, ==, KILL_AFTER);
  g_test_message ("One import takes %.0f ms", duration / 1000.0);

  for (guint trial = 0; trial < 10; trial++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(HpTestCliResult) again = NULL;
      g_autofree char *killed_stats = NULL;
      g_autofree char *final_stats = NULL;
      g_autofree char *listing = NULL;
      gboolean waited = FALSE;
      gboolean killed;
      gint64 delay;

      kill_fresh_copy (&k);
      child = hp_test_spawn_cli (k.db, "--campaign", "2", "import", "graduates", k.csv, "--school-column",
                                 "Schulnummer", NULL);
      if (trial % 2 == 1)
        {
          waited = hp_test_wait_for_file (k.backups, 2 * duration);
          delay = g_test_rand_int_range (0, (gint32) MAX (duration / 4, 1));
        }
      else
        delay = g_test_rand_int_range (0, (gint32) MAX (duration, 1));

      killed = hp_test_kill_cli (child, delay);
      /* what the kill left: the file intact, all or nothing of the rows,
       * no half-written copy named as a backup */
      g_assert_true (hp_test_db_intact (k.db));
      killed_stats = kill_stats (k.db);
      if (g_str_equal (killed_stats, KILL_BEFORE))
        none++;
      else
        {
          g_assert_cmpstr (killed_stats, ==, KILL_AFTER);
          all++;
        }
      under_way += killed && g_file_test (k.backups, G_FILE_TEST_IS_DIR);
      if (g_file_test (k.backups, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *copies = hp_test_list_dir (k.backups);

          partial_copies += strstr (copies, ".partial") != NULL;
          listing = g_steal_pointer (&copies);
        }
      g_test_message ("Kill %u after %.1f ms%s: %s, %s; backups: %s", trial + 1, delay / 1000.0,
                      waited ? " of the backups folder" : "", killed ? "killed" : "had ended",
                      g_str_equal (killed_stats, KILL_BEFORE) ? "none of the rows" : "all rows",
                      listing != NULL ? listing : "none");

      /* The next run: adds the 3,000 rows, or finds them all there
       * (3,000 duplicates); either way 5,000 graduates. */
      again = kill_import_run (&k);
      g_assert_cmpint (again->status, ==, 0);
      final_stats = kill_stats (k.db);
      g_assert_cmpstr (final_stats, ==, KILL_AFTER);
      g_assert_true (hp_test_db_intact (k.db));
      hp_test_assert_only_database (k.db, NULL);
    }

  g_test_message ("%u of 10 kills left none of the rows, %u all of them; %u landed after the backups began, "
                  "%u left a copy being written", none, all, under_way, partial_copies);
  /* The kills after the backups folder appeared came before the end (a
   * quarter of a run after it at most), mostly: the test tests something. */
  g_assert_cmpuint (under_way, >=, 3);
  g_assert_cmpuint (none, >=, 3);

  kill_files_clear (&k);
  hp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/import/reader/directory", test_reader_directory);
  g_test_add_func ("/heimpack/import/reader/encodings", test_reader_encodings);
  g_test_add_func ("/heimpack/import/reader/quoting", test_reader_quoting);
  g_test_add_func ("/heimpack/import/reader/errors", test_reader_errors);
  g_test_add_func ("/heimpack/import/reader/wide-rows", test_reader_wide_rows);
  g_test_add_func ("/heimpack/import/placeholders", test_placeholders);
  g_test_add_func ("/heimpack/import/kill", test_kill);
  TEST ("schools/directory", test_schools_directory);
  TEST ("schools/filters", test_schools_filters);
  TEST ("schools/update-and-dry-run", test_schools_update_and_dry_run);
  TEST ("schools/all-or-nothing", test_schools_all_or_nothing);
  TEST ("schools/mapping", test_schools_mapping);
  TEST ("schools/svws-directory", test_schools_svws_directory);
  TEST ("schools/svws-abitur", test_schools_svws_abitur);
  TEST ("schools/svws-providers", test_schools_svws_providers);
  TEST ("schools/repairs-counted", test_schools_repairs_counted);
  TEST ("graduates/schild", test_graduates_schild);
  TEST ("graduates/other-shapes", test_graduates_other_shapes);
  TEST ("graduates/errors", test_graduates_errors);
  TEST ("graduates/cancel", test_graduates_cancel);
  TEST ("graduates/placeholders", test_graduates_placeholders);
  TEST ("graduates/year-filter", test_graduates_year_filter);
  TEST ("graduates/not-people", test_graduates_not_people);
  TEST ("schools/placeholders-and-filters", test_schools_placeholders_and_filters);
  TEST ("describe-advice", test_describe_advice);
  TEST ("schools/list-districts", test_list_districts);
  TEST ("schools/summary", test_schools_summary);
  TEST ("graduates/summary", test_graduates_summary);
  TEST ("cli", test_cli);

  return g_test_run ();
}
