/* hp-cli-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli import schools|graduates|sponsors FILE …: options to an HpImport, the
 * counts (or the error line) out.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hp-cli-private.h"

/* Sponsors: who was added or filled in, the gifts, the pledges, and the
 * values of the file that differ from stored ones (the stored ones stay). */
static void
print_sponsor_result (const HpImportResult *r)
{
  g_autofree char *rows = hp_format_counted (ngettext ("%s row read", "%s rows read", r->rows), r->rows);
  g_autofree char *added = hp_format_counted (ngettext ("%s sponsor added", "%s sponsors added", r->sponsors_added),
                                              r->sponsors_added);
  g_autofree char *updated = hp_format_count (r->sponsors_updated);
  g_autofree char *unchanged = hp_format_count (r->sponsors_unchanged);
  g_autofree char *gifts = hp_format_counted (ngettext ("%s gift added", "%s gifts added", r->gifts_added),
                                              r->gifts_added);
  g_autofree char *pledges = hp_format_counted (ngettext ("%s pledge set", "%s pledges set", r->pledges_set),
                                                r->pledges_set);

  /* Translators: "4 rows read: 1 sponsor added, 0 updated, 3 unchanged;
   * 2 gifts added, 1 pledge set." The %s are counts, some with their nouns. */
  printf (_("%s: %s, %s updated, %s unchanged; %s, %s.\n"),
          rows, added, updated, unchanged, gifts, pledges);
  if (r->gifts_updated > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s gift got its value per piece.\n",
                                               "%s gifts got their value per piece.\n", r->gifts_updated),
                          r->gifts_updated);
  if (r->conflicts > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s value in the file differs from the one already stored; the "
                                               "stored one was kept.\n",
                                               "%s values in the file differ from the ones already stored; the "
                                               "stored ones were kept.\n",
                                               r->conflicts),
                          r->conflicts);
  if (r->no_name > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s row without a sponsor’s name or any other value left out.\n",
                                               "%s rows without a sponsor’s name or any other value left out.\n",
                                               r->no_name),
                          r->no_name);
}

static const char *
change_to_string (HpImportSchoolChange change)
{
  switch (change)
    {
    case HP_IMPORT_SCHOOL_ADDED:     return "added";
    case HP_IMPORT_SCHOOL_UPDATED:   return "updated";
    case HP_IMPORT_SCHOOL_UNCHANGED: return "unchanged";
    case HP_IMPORT_SCHOOL_GRADUATES: return "graduates";
    default:                         g_return_val_if_reached ("");
    }
}

/* "schools": what the run did per school (hp_import_get_schools()) */
static void
print_json_schools (GPtrArray *schools)
{
  printf (",\"schools\":[");
  for (guint i = 0; i < schools->len; i++)
    {
      const HpImportSchoolSummary *school = g_ptr_array_index (schools, i);

      printf ("%s{\"number\":", i > 0 ? "," : "");
      hp_cli_print_json_string (stdout, school->number);
      printf (",\"name\":");
      hp_cli_print_json_string (stdout, school->name);
      printf (",\"town\":");
      if (school->town != NULL)
        hp_cli_print_json_string (stdout, school->town);
      else
        printf ("null");
      printf (",\"change\":\"%s\",\"added\":%u,\"duplicates\":%u,\"skipped\":%u,\"no_name\":%u,"
              "\"listed_before\":%u,\"list_complete\":%s}",
              change_to_string (school->change), school->added, school->duplicates, school->skipped,
              school->no_name, school->listed_before, school->list_complete ? "true" : "false");
    }
  printf ("]");
}

static void
append_counted (GString    *line,
                const char *format,
                gint64      n)
{
  g_autofree char *text = hp_format_counted (format, n);

  g_string_append (line, text);
}

/* Graduates: one line per school after the totals, e.g.
 * "  170001 Städt. Gymnasium Arnsberg: 45 added, 2 already listed, 3 skipped
 * by the year filter; 12 listed before" */
static void
print_graduate_schools (GPtrArray *schools)
{
  for (guint i = 0; i < schools->len; i++)
    {
      const HpImportSchoolSummary *school = g_ptr_array_index (schools, i);
      g_autoptr(GString) line = g_string_new (NULL);

      append_counted (line, g_dngettext (GETTEXT_PACKAGE, "%s added", "%s added", school->added), school->added);
      if (school->duplicates > 0)
        {
          g_string_append (line, ", ");
          append_counted (line, g_dngettext (GETTEXT_PACKAGE, "%s already listed", "%s already listed",
                                             school->duplicates),
                          school->duplicates);
        }
      if (school->skipped > 0)
        {
          g_string_append (line, ", ");
          append_counted (line, g_dngettext (GETTEXT_PACKAGE, "%s skipped by the year filter",
                                             "%s skipped by the year filter", school->skipped),
                          school->skipped);
        }
      if (school->no_name > 0)
        {
          g_string_append (line, ", ");
          append_counted (line, g_dngettext (GETTEXT_PACKAGE, "%s without a name", "%s without a name",
                                             school->no_name),
                          school->no_name);
        }
      if (school->listed_before > 0)
        {
          g_string_append (line, "; ");
          append_counted (line, g_dngettext (GETTEXT_PACKAGE, "%s listed before", "%s listed before",
                                             school->listed_before),
                          school->listed_before);
        }
      if (school->list_complete)
        {
          g_string_append (line, "; ");
          g_string_append (line, _("list already marked complete"));
        }

      printf ("  %s %s: %s\n", school->number, school->name, line->str);
    }
}

static void
print_result (HpCli                *cli,
              HpImport             *import,
              HpImportKind          kind,
              gboolean              dry_run,
              gboolean              list_complete,
              const HpImportResult *r)
{
  const char *sheet = hp_table_reader_get_sheet (hp_import_get_reader (import));

  if (cli->json)
    {
      printf ("{\"rows\":%u,\"added\":%u,\"updated\":%u,\"unchanged\":%u,\"skipped\":%u,"
              "\"duplicates\":%u,\"repaired\":%u,\"repaired_district_key\":%u,\"repaired_postcode\":%u,"
              "\"repaired_school_form\":%u,\"repaired_phone_prefix\":%u,\"completed_district_key\":%u,"
              "\"skipped_district\":%u,\"skipped_school_form\":%u,"
              "\"skipped_closed\":%u,\"skipped_year\":%u,\"skipped_no_year\":%u,\"no_year_in_file\":%s,"
              "\"no_name\":%u,\"contacts_without_consent\":%u,\"list_complete\":%s,\"dry_run\":%s,\"sheet\":",
              r->rows, r->added, r->updated, r->unchanged, r->skipped, r->duplicates, r->repaired,
              r->repaired_district_key, r->repaired_postcode, r->repaired_school_form, r->repaired_phone_prefix,
              r->completed_district_key,
              r->skipped_district, r->skipped_school_form, r->skipped_closed, r->skipped_year, r->skipped_no_year,
              r->no_year_in_file ? "true" : "false", r->no_name, r->contacts_without_consent,
              list_complete ? "true" : "false",
              dry_run ? "true" : "false");
      if (sheet != NULL)
        hp_cli_print_json_string (stdout, sheet);
      else
        printf ("null");
      if (kind == HP_IMPORT_SPONSORS)
        printf (",\"sponsors_added\":%u,\"sponsors_updated\":%u,\"sponsors_unchanged\":%u,\"gifts_added\":%u,"
                "\"gifts_updated\":%u,\"pledges_set\":%u,\"conflicts\":%u",
                r->sponsors_added, r->sponsors_updated, r->sponsors_unchanged, r->gifts_added, r->gifts_updated,
                r->pledges_set, r->conflicts);
      print_json_schools (hp_import_get_schools (import));
      printf ("}\n");
      return;
    }

  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was stored."));

  if (sheet != NULL)
    printf (_("Sheet “%s” read.\n"), sheet);

  if (kind == HP_IMPORT_SPONSORS)
    {
      print_sponsor_result (r);
      return;
    }

  if (kind == HP_IMPORT_SCHOOLS)
    {
      g_autofree char *rows = hp_format_counted (ngettext ("%s row read", "%s rows read", r->rows), r->rows);
      g_autofree char *added = hp_format_counted (ngettext ("%s school added", "%s schools added", r->added),
                                                  r->added);
      g_autofree char *updated = hp_format_count (r->updated);
      g_autofree char *unchanged = hp_format_count (r->unchanged);
      g_autofree char *skipped = hp_format_count (r->skipped);

      /* Translators: "8 rows read: 2 schools added, 0 updated, 3 unchanged,
       * 3 skipped by the filters." The %s are counts, some with their nouns. */
      printf (_("%s: %s, %s updated, %s unchanged, %s skipped by the filters.\n"),
              rows, added, updated, unchanged, skipped);
    }
  else
    {
      g_autofree char *rows = hp_format_counted (ngettext ("%s row read", "%s rows read", r->rows), r->rows);
      g_autofree char *added = hp_format_counted (ngettext ("%s graduate added", "%s graduates added", r->added),
                                                  r->added);
      g_autofree char *duplicates = hp_format_counted (ngettext ("%s duplicate left out", "%s duplicates left out",
                                                                 r->duplicates),
                                                       r->duplicates);
      g_autofree char *skipped = hp_format_count (r->skipped_year);

      /* Translators: "4 rows read: 2 graduates added, 1 duplicate left out,
       * 1 skipped by the year filter." The %s are counts, some with their nouns. */
      printf (_("%s: %s, %s, %s skipped by the year filter.\n"), rows, added, duplicates, skipped);
      print_graduate_schools (hp_import_get_schools (import));
    }

  if (r->contacts_without_consent > 0)
    hp_cli_print_counted (stdout,
                          ngettext ("%s graduate’s e-mail or phone left out: the row gives no consent date and "
                                    "source.\n",
                                    "%s graduates’ e-mail or phone left out: their rows give no consent date and "
                                    "source.\n",
                                    r->contacts_without_consent),
                          r->contacts_without_consent);
  if (r->no_year_in_file && r->no_name == 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "No year in the file: the %s row was kept (the year filter did "
                                               "not apply).\n",
                                               "No year in the file: all %s rows were kept (the year filter did "
                                               "not apply).\n", r->rows),
                          r->rows);
  else if (r->no_year_in_file)
    printf ("%s\n", _("No year in the file: the year filter did not apply."));
  if (r->skipped_no_year > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s row without a year left out (other rows state theirs).\n",
                                               "%s rows without a year left out (other rows state theirs).\n",
                                               r->skipped_no_year),
                          r->skipped_no_year);
  if (r->no_name > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s row without a name left out.\n",
                                               "%s rows without a name left out.\n", r->no_name),
                          r->no_name);

  /* What was really changed, per column */
  if (r->repaired > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (r->repaired_district_key > 0)
        g_ptr_array_add (parts, hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s municipality key",
                                                                "%s municipality keys", r->repaired_district_key),
                                                   r->repaired_district_key));
      if (r->repaired_postcode > 0)
        g_ptr_array_add (parts, hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s postcode",
                                                                "%s postcodes", r->repaired_postcode),
                                                   r->repaired_postcode));
      if (r->repaired_school_form > 0)
        g_ptr_array_add (parts, hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s school form",
                                                                "%s school forms", r->repaired_school_form),
                                                   r->repaired_school_form));
      if (r->repaired_phone_prefix > 0)
        g_ptr_array_add (parts, hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "%s area code",
                                                                "%s area codes", r->repaired_phone_prefix),
                                                   r->repaired_phone_prefix));
      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (", ", (char **) parts->pdata);
      printf (_("Lost leading zeros put back: %s.\n"), joined);
    }
  if (r->completed_district_key > 0)
    hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE,
                                               "%s SVWS municipality key (RegSchl) completed with NRW’s 05.\n",
                                               "%s SVWS municipality keys (RegSchl) completed with NRW’s 05.\n",
                                               r->completed_district_key),
                          r->completed_district_key);

  if (list_complete && !dry_run)
    printf ("%s\n", _("The school’s list is marked complete."));
}

static gboolean
apply_maps (HpImport  *import,
            char     **maps,
            GError   **error)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (maps[i], "=", 2);

      if (parts[0] == NULL || parts[1] == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("--map wants FIELD=HEADER, not “%s”."), maps[i]);
          return hp_cli_usage_error (error, message);
        }

      if (!hp_import_set_mapping (import, parts[0], *parts[1] ? parts[1] : NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* import received FILE: the returned class lists (hp-import-received.h) */
static gboolean
run_import_received (HpCli       *cli,
                     const char  *path,
                     gboolean     dry_run,
                     GError     **error)
{
  HpReceivedReport report = { 0 };
  HpCampaign *campaign;
  gboolean ok;

  /* a dry run only reads */
  if (hp_cli_get_store (cli, !dry_run, error) == NULL)
    return FALSE;
  campaign = hp_cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  ok = hp_import_received (cli->store, hp_campaign_get_id (campaign), path, dry_run, &report, NULL, error);
  if (ok && cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_bool (&json, "dry_run", dry_run);
      hp_cli_json_int (&json, "class_lists", report.sheets);
      hp_cli_json_int (&json, "rows", report.rows);
      hp_cli_json_int (&json, "ticked", report.ticked);
      hp_cli_json_int (&json, "matched", report.matched);
      hp_cli_json_int (&json, "newly_received", report.newly);
      hp_cli_json_int (&json, "unmatched", report.unmatched);
      hp_cli_json_begin_array (&json, "unmatched_rows");
      for (guint i = 0; i < report.unmatched_rows->len; i++)
        hp_cli_json_string (&json, NULL, g_ptr_array_index (report.unmatched_rows, i));
      hp_cli_json_end (&json);
      hp_cli_json_end (&json);
    }
  else if (ok)
    {
      g_autofree char *sheets = hp_format_count (report.sheets);
      g_autofree char *rows = hp_format_count (report.rows);
      g_autofree char *ticked = hp_format_count (report.ticked);
      g_autofree char *matched = hp_format_count (report.matched);

      /* Translators: class lists (the form follows their number), graduate
       * rows, rows ticked, of them matched */
      printf (ngettext ("%s class list, %s graduate row: %s ticked as received, %s of them matched.\n",
                        "%s class lists, %s graduate rows: %s ticked as received, %s of them matched.\n",
                        report.sheets),
              sheets, rows, ticked, matched);
      hp_cli_print_counted (stdout,
                            dry_run ? ngettext ("%s graduate would be ticked as having received the pack (dry run: "
                                                "nothing changed).\n",
                                                "%s graduates would be ticked as having received the pack (dry run: "
                                                "nothing changed).\n", report.newly)
                                    : ngettext ("%s graduate newly ticked as having received the pack.\n",
                                                "%s graduates newly ticked as having received the pack.\n",
                                                report.newly),
                            report.newly);
      if (report.unmatched > 0)
        {
          hp_cli_print_counted (stdout, ngettext ("%s row matched no graduate of the campaign:\n",
                                                  "%s rows matched no graduate of the campaign:\n", report.unmatched),
                                report.unmatched);
          for (guint i = 0; i < report.unmatched_rows->len; i++)
            printf ("  %s\n", (const char *) g_ptr_array_index (report.unmatched_rows, i));
        }
    }

  hp_received_report_clear (&report);
  return ok;
}

gboolean
hp_cli_run_import (HpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  const char *what;
  g_autofree char *district = NULL;
  g_autofree char *school = NULL;
  g_autofree char *school_column = NULL;
  g_autofree char *year = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *sheet = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean abitur_only = FALSE;
  gboolean include_closed = FALSE;
  gboolean dry_run = FALSE;
  gboolean list_complete = FALSE;
  g_autofree char *nothing = NULL;
  HpTableOptions options = { 0 };
  HpImportKind kind;
  HpImportResult result;
  g_autoptr(HpImport) import = NULL;
  GOptionEntry entries[] = {
    { "district", 0, 0, G_OPTION_ARG_STRING, &district, N_("Schools: only municipality keys starting with PREFIX (05958 = Hochsauerlandkreis)"), N_("PREFIX") },
    { "abitur-only", 0, 0, G_OPTION_ARG_NONE, &abitur_only, N_("Schools: only school forms that lead to the Abitur"), NULL },
    { "include-closed", 0, 0, G_OPTION_ARG_NONE, &include_closed, N_("Schools: also closed schools"), NULL },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school, N_("Graduates: all rows belong to this school (number)"), N_("NUMBER") },
    { "list-complete", 0, 0, G_OPTION_ARG_NONE, &list_complete, N_("Graduates of one school (--school): mark its list complete in the campaign"), NULL },
    { "school-column", 0, 0, G_OPTION_ARG_STRING, &school_column, N_("Graduates: the column with each row's school number"), N_("HEADER") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("Graduates: keep rows of this year (default Q2 and 13; \"\" keeps all)"), N_("VALUE") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Map a field to a column (repeatable)"), N_("FIELD=HEADER") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only count what would happen"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("CSV encoding (default: detected)"), N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter, N_("CSV delimiter (default: detected)"), N_("CHAR") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("XLSX sheet (default: the first with data)"), N_("NAME") },
    { NULL }
  };

  /* Options first, so that "import --help" works too */
  if (!hp_cli_parse_options (&argc, &argv, _("schools|graduates|sponsors|received FILE"),
                             _("Reads schools (e.g. an official school directory), graduates (a school’s list) or "
                               "sponsors with their gifts and pledges (e.g. last year’s sponsor list) from a CSV or "
                               "XLSX file; “received” reads back the delivery sheets’ class lists as the schools "
                               "returned them, ticked, and ticks “pack received” for those graduates."),
                             entries, error))
    return FALSE;

  what = argc > 1 ? argv[1] : NULL;
  if (what != NULL && g_str_equal (what, "received"))
    {
      if (district != NULL || abitur_only || include_closed || school != NULL || school_column != NULL ||
          year != NULL || list_complete || maps != NULL || encoding != NULL || delimiter != NULL || sheet != NULL)
        return hp_cli_usage_error (error, _("“import received FILE” takes --dry-run only."));
      if (!hp_cli_expect_args (argc, argv, 3, _("the file to import"), error))
        return FALSE;
      return run_import_received (cli, argv[2], dry_run, error);
    }
  if (what == NULL ||
      (!g_str_equal (what, "schools") && !g_str_equal (what, "graduates") && !g_str_equal (what, "sponsors")))
    return hp_cli_usage_error (error, _("Import what? Use “import schools FILE”, “import graduates FILE” or "
                                        "“import sponsors FILE”."));
  kind = g_str_equal (what, "schools") ? HP_IMPORT_SCHOOLS
         : g_str_equal (what, "graduates") ? HP_IMPORT_GRADUATES : HP_IMPORT_SPONSORS;

  if (!hp_cli_expect_args (argc, argv, 3, _("the file to import"), error))
    return FALSE;

  if (kind == HP_IMPORT_GRADUATES && school == NULL && school_column == NULL)
    return hp_cli_usage_error (error, _("Say which school the graduates belong to: --school NUMBER or --school-column HEADER."));

  /* Options of the other kinds of import: refused, not silently ignored */
  {
    const struct { const char *option; gboolean given; HpImportKind kind; } scoped[] = {
      { "--district", district != NULL, HP_IMPORT_SCHOOLS },
      { "--abitur-only", abitur_only, HP_IMPORT_SCHOOLS },
      { "--include-closed", include_closed, HP_IMPORT_SCHOOLS },
      { "--school", school != NULL, HP_IMPORT_GRADUATES },
      { "--school-column", school_column != NULL, HP_IMPORT_GRADUATES },
      { "--year", year != NULL, HP_IMPORT_GRADUATES },
      { "--list-complete", list_complete, HP_IMPORT_GRADUATES },
    };

    for (guint i = 0; i < G_N_ELEMENTS (scoped); i++)
      if (scoped[i].given && scoped[i].kind != kind)
        {
          g_autofree char *message =
            g_strdup_printf (scoped[i].kind == HP_IMPORT_SCHOOLS ? _("%s applies to “import schools” only.")
                                                                 : _("%s applies to “import graduates” only."),
                             scoped[i].option);
          return hp_cli_usage_error (error, message);
        }
  }

  if (list_complete && (kind != HP_IMPORT_GRADUATES || school == NULL))
    return hp_cli_usage_error (error, _("--list-complete marks one school’s list complete: "
                                        "use it with “import graduates” and --school NUMBER."));

  options.encoding = encoding;
  options.delimiter = delimiter ? (g_str_equal (delimiter, "\\t") || g_str_equal (delimiter, "tab") ? '\t'
                                                                                                    : delimiter[0])
                                : 0;
  options.sheet = sheet;

  /* A dry run writes too, inside a transaction it rolls back. */
  if (hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  import = hp_import_new (cli->store, kind, argv[2], &options, error);
  if (import == NULL || !apply_maps (import, maps, error))
    return FALSE;

  if (school_column != NULL && !hp_import_set_mapping (import, "school_number", school_column, error))
    return FALSE;

  hp_import_set_district_prefix (import, district);
  hp_import_set_abitur_only (import, abitur_only);
  hp_import_set_include_closed (import, include_closed);
  hp_import_set_school (import, school);
  hp_import_set_leaving_year (import, year);
  hp_import_set_list_complete (import, list_complete);
  /* Sponsors: pledged pieces go to the campaign (--campaign or the newest);
   * a list without pledges needs none. */
  if (kind == HP_IMPORT_SPONSORS)
    {
      gint64 campaign_id = 0;

      if (!hp_cli_get_campaign_id (cli, &campaign_id, error))
        return FALSE;
      hp_import_set_campaign (import, campaign_id);
    }
  if (kind == HP_IMPORT_GRADUATES)
    {
      HpCampaign *campaign = hp_cli_get_campaign (cli, TRUE, error);

      if (campaign == NULL)
        return FALSE;
      hp_import_set_campaign (import, hp_campaign_get_id (campaign));
    }

  if (!hp_import_run (import, dry_run, &result, NULL, NULL, NULL, error))
    return FALSE;

  /* Filters that left out every row: say which, and fail (nothing changed) */
  nothing = hp_import_describe_nothing_imported (import, &result, HP_IMPORT_ADVICE_CLI);
  print_result (cli, import, kind, dry_run, list_complete && nothing == NULL, &result);
  if (nothing != NULL)
    {
      g_set_error_literal (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FAILED, nothing);
      return FALSE;
    }

  return TRUE;
}
