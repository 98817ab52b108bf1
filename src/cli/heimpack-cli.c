/* heimpack-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli: Heimpack without a window, for scripts, benchmarks and
 * people who like a terminal. Argument parsing and printing only: every
 * command calls the core.
 *
 * Exit status: 0 success; 1 failure, with one line on stderr; 2 usage error.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-cli-output.h"
#include "hp-cli-private.h"

#define EXIT_USAGE 2

/* Errors of the command line itself: they exit with 2. */
G_DEFINE_QUARK (hp-cli-usage-error-quark, hp_cli_usage_error)

static void
cli_clear (Cli *cli)
{
  g_clear_object (&cli->campaign);
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->campaign_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

gboolean
hp_cli_usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HP_CLI_USAGE_ERROR, 0, message);
  return FALSE;
}

/* Opens the store: read-only for commands that only read an existing file,
 * so that they work while the window has the file open. */
HpStore *
cli_get_store (Cli       *cli,
               gboolean   writes,
               GError   **error)
{
  if (cli->store != NULL)
    return cli->store;

  if (!writes && g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_READ_ONLY, &local_error);
      if (cli->store != NULL)
        return cli->store;

      /* An older file must be upgraded first, which needs write access. */
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_DEFAULT, error);
  return cli->store;
}

/* The campaign that commands work on: --campaign, else the newest. NULL
 * without error when there is none and @required is FALSE. */
HpCampaign *
cli_get_campaign (Cli       *cli,
                  gboolean   required,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cli->campaign != NULL)
    return cli->campaign;

  if (cli->campaign_name != NULL)
    {
      cli->campaign = hp_store_find_campaign (cli->store, cli->campaign_name, error);
      return cli->campaign;
    }

  cli->campaign = hp_store_get_current_campaign (cli->store, &local_error);
  if (cli->campaign == NULL)
    {
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (required)
        g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                             _("There is no campaign yet. Create one with “heimpack-cli campaign new NAME --year YEAR”."));
    }

  return cli->campaign;
}

gint64
cli_campaign_id (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  HpCampaign *campaign = cli_get_campaign (cli, FALSE, &error);

  return campaign ? hp_campaign_get_id (campaign) : 0;
}

/* ------------------------------------------------------------------------ */
/* Option parsing                                                            */

gboolean
hp_cli_parse_options (int           *argc,
               char        ***argv,
               const char    *parameter,
               const char    *summary,
               GOptionEntry  *entries,
               GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) local_error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &local_error))
    return hp_cli_usage_error (error, local_error->message);

  return TRUE;
}

gboolean
hp_cli_expect_args (int          argc,
             int          wanted,
             const char  *what,
             GError     **error)
{
  g_autofree char *message = NULL;

  if (argc == wanted)
    return TRUE;

  message = argc < wanted ? g_strdup_printf (_("Missing %s."), what)
                          : g_strdup_printf (_("Unexpected argument “%s”."), "…");
  return hp_cli_usage_error (error, message);
}

/* ------------------------------------------------------------------------ */
/* campaign, demo, stats                                                     */

static const HpCliColumn campaign_columns[] = {
  { "id",            N_("ID"),        HP_CELL_NUMBER },
  { "name",          N_("Campaign"),  HP_CELL_TEXT },
  { "year",          N_("Year"),      HP_CELL_NUMBER },
  { "handover-date", N_("Hand-over"), HP_CELL_DATE },
  { "spare-percent", N_("Spare %"),   HP_CELL_NUMBER },
};

static gboolean
parse_year (int          year,
            GError     **error)
{
  if (year == 0)
    return hp_cli_usage_error (error, _("Missing --year."));
  return TRUE;
}

static gboolean
run_campaign (Cli     *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  int year = 0;
  int spare = -1;
  g_autofree char *handover = NULL;
  g_autofree char *from = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  g_autofree char *message = NULL;

  if (verb == NULL)
    return hp_cli_usage_error (error, _("Missing action: campaign list|new|clone."));

  argc--;
  argv++;

  if (g_str_equal (verb, "list"))
    {
      GOptionEntry none[] = { { NULL } };
      g_autoptr(GListModel) campaigns = NULL;

      if (!hp_cli_parse_options (&argc, &argv, NULL, NULL, none, error) ||
          !hp_cli_expect_args (argc, 1, "", error) ||
          cli_get_store (cli, FALSE, error) == NULL)
        return FALSE;

      campaigns = hp_store_list_campaigns (cli->store, error);
      if (campaigns == NULL)
        return FALSE;

      if (cli->json)
        hp_cli_print_json_list (stdout, campaigns);
      else
        hp_cli_print_table (stdout, campaigns, campaign_columns, G_N_ELEMENTS (campaign_columns));
      return TRUE;
    }

  if (g_str_equal (verb, "new"))
    {
      GOptionEntry entries[] = {
        { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the campaign"), N_("YEAR") },
        { "handover-date", 0, 0, G_OPTION_ARG_STRING, &handover, N_("Default hand-over date"), N_("DATE") },
        { "spare-percent", 0, 0, G_OPTION_ARG_INT, &spare, N_("Spare packs in percent (default 5)"), N_("N") },
        { NULL }
      };

      if (!hp_cli_parse_options (&argc, &argv, _("NAME"), NULL, entries, error) ||
          !hp_cli_expect_args (argc, 2, _("the campaign name"), error) ||
          !parse_year (year, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      campaign = hp_campaign_new (argv[1], year);
      if (handover != NULL)
        {
          g_autofree char *iso = hp_parse_date (handover);

          if (iso == NULL)
            {
              g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("--handover-date: “%s” is not a date (DD.MM.YYYY or YYYY-MM-DD)."), handover);
              return FALSE;
            }
          hp_campaign_set_handover_date (campaign, iso);
        }
      if (spare >= 0)
        hp_campaign_set_spare_percent (campaign, spare);

      if (!hp_store_add_campaign (cli->store, campaign, error))
        return FALSE;
    }
  else if (g_str_equal (verb, "clone"))
    {
      g_autoptr(HpCampaign) source = NULL;
      GOptionEntry entries[] = {
        { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the new campaign"), N_("YEAR") },
        { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Campaign to copy (default: the newest)"), N_("NAME|ID") },
        { NULL }
      };

      if (!hp_cli_parse_options (&argc, &argv, _("NAME"), NULL, entries, error) ||
          !hp_cli_expect_args (argc, 2, _("the campaign name"), error) ||
          !parse_year (year, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      source = from ? hp_store_find_campaign (cli->store, from, error)
                    : g_object_ref (cli_get_campaign (cli, TRUE, error));
      if (source == NULL)
        return FALSE;

      campaign = hp_store_clone_campaign (cli->store, hp_campaign_get_id (source), argv[1], year, error);
      if (campaign == NULL)
        return FALSE;
    }
  else
    {
      g_autofree char *unknown = g_strdup_printf (_("Unknown action “%s”: use list, new or clone."), verb);
      return hp_cli_usage_error (error, unknown);
    }

  message = g_strdup_printf (_("Campaign “%s” created (ID %lld)."),
                             hp_campaign_get_name (campaign), (long long) hp_campaign_get_id (campaign));
  hp_cli_print_object (cli, G_OBJECT (campaign), message);
  return TRUE;
}

static void
print_stats (Cli                *cli,
             const HpStoreStats *stats)
{
  if (cli->json)
    {
      printf ("{\"campaigns\":%u,\"sponsors\":%u,\"products\":%u,\"schools\":%u,\"graduates\":%u}\n",
              stats->campaigns, stats->sponsors, stats->products, stats->schools, stats->graduates);
      return;
    }

  printf ("%-16s %9u\n", _("Campaigns"), stats->campaigns);
  printf ("%-16s %9u\n", _("Sponsors"), stats->sponsors);
  printf ("%-16s %9u\n", _("Products"), stats->products);
  printf ("%-16s %9u\n", _("Schools"), stats->schools);
  printf ("%-16s %9u\n", _("Graduates"), stats->graduates);
}

static gboolean
run_stats (Cli     *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  GOptionEntry none[] = { { NULL } };
  HpStoreStats stats;

  if (!hp_cli_parse_options (&argc, &argv, NULL, NULL, none, error) ||
      !hp_cli_expect_args (argc, 1, "", error) ||
      cli_get_store (cli, FALSE, error) == NULL ||
      !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  print_stats (cli, &stats);
  return TRUE;
}

static gboolean
run_demo (Cli     *cli,
          int      argc,
          char   **argv,
          GError **error)
{
  g_autofree char *scale_name = NULL;
  int seed = 1;
  HpDemoScale scale;
  g_autoptr(HpCampaign) campaign = NULL;
  HpStoreStats stats;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_name, N_("district, region or national"), N_("SCALE") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed; the same seed gives the same data (default 1)"), N_("N") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("Fills an empty database with realistic made-up data."), entries, error) ||
      !hp_cli_expect_args (argc, 1, "", error))
    return FALSE;

  if (scale_name == NULL)
    scale_name = g_strdup ("district");

  if (!hp_demo_scale_from_string (scale_name, &scale))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown scale “%s”: use district, region or national."),
                                                  scale_name);
      return hp_cli_usage_error (error, message);
    }

  if (cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  campaign = hp_demo_fill (cli->store, scale, (guint32) seed, error);
  if (campaign == NULL || !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  if (cli->json)
    print_stats (cli, &stats);
  else
    printf (_("Campaign “%s” created with %u schools, %u graduates, %u sponsors and %u products.\n"),
            hp_campaign_get_name (campaign), stats.schools, stats.graduates, stats.sponsors, stats.products);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* main                                                                      */

static const char usage_text[] =
  N_("Usage: heimpack-cli [--db FILE] [--json] [--campaign NAME|ID] COMMAND …\n"
     "\n"
     "Commands:\n"
     "  demo --scale district|region|national [--seed N]\n"
     "  stats\n"
     "  campaign list | new NAME --year YEAR | clone NAME --year YEAR [--from NAME|ID]\n"
     "  sponsor  list | add | edit ID | remove ID\n"
     "  product  list [--sponsor ID] | add | edit ID | remove ID\n"
     "  school   list | add | edit NUMBER | remove NUMBER\n"
     "  graduate list [--school NUMBER] | add | edit ID | remove ID\n"
     "  import schools FILE [--district PREFIX] [--abitur-only] [--map FIELD=HEADER]… [--dry-run]\n"
     "  import graduates FILE (--school NUMBER | --school-column HEADER) [--year VALUE] [--dry-run]\n"
     "  export packing-list|delivery-sheets|sponsor-report|network OUT.xlsx [--crate-size N] [--class-lists]\n"
     "         [--agency-name TEXT]\n"
     "  plan     (packs needed and buildable, bottleneck, packs per school, what to chase)\n"
     "\n"
     "“heimpack-cli COMMAND add --help” lists the fields of a record.\n"
     "The database defaults to %s.\n");

/* Takes the global options out of argv wherever they stand, so that both
 * "heimpack-cli --json stats" and "heimpack-cli stats --json" work. */
static gboolean
take_global_options (Cli     *cli,
                     int     *argc,
                     char   **argv,
                     GError **error)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *arg = argv[i];
      char **target = NULL;
      const char *value = NULL;

      if (g_str_equal (arg, "--json"))
        {
          cli->json = TRUE;
          continue;
        }

      if (g_str_equal (arg, "--db") || g_str_has_prefix (arg, "--db="))
        target = &cli->db_path;
      else if (g_str_equal (arg, "--campaign") || g_str_has_prefix (arg, "--campaign="))
        target = &cli->campaign_name;

      if (target == NULL)
        {
          argv[out++] = argv[i];
          continue;
        }

      if (strchr (arg, '=') != NULL)
        value = strchr (arg, '=') + 1;
      else if (i + 1 < *argc)
        value = argv[++i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("%s needs a value."), arg);
          return hp_cli_usage_error (error, message);
        }

      g_free (*target);
      *target = g_strdup (value);
    }

  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

static gboolean
run (Cli     *cli,
     int      argc,
     char   **argv,
     GError **error)
{
  const char *command;
  const Entity *entity;

  if (!take_global_options (cli, &argc, argv, error))
    return FALSE;

  if (cli->db_path == NULL)
    cli->db_path = hp_store_get_default_path ();

  command = argc > 1 ? argv[1] : NULL;
  if (command == NULL)
    return hp_cli_usage_error (error, _("Missing command."));

  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      printf (_(usage_text), cli->db_path);
      return TRUE;
    }

  if (g_str_equal (command, "--version"))
    {
      printf ("heimpack-cli %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  argc--;
  argv++;

  if (g_str_equal (command, "demo"))
    return run_demo (cli, argc, argv, error);
  if (g_str_equal (command, "stats"))
    return run_stats (cli, argc, argv, error);
  if (g_str_equal (command, "campaign") || g_str_equal (command, "campaigns"))
    return run_campaign (cli, argc, argv, error);
  if (g_str_equal (command, "import"))
    return hp_cli_run_import (cli, argc, argv, error);
  if (g_str_equal (command, "export"))
    return hp_cli_run_export (cli, argc, argv, error);
  if (g_str_equal (command, "plan"))
    return hp_cli_run_plan (cli, argc, argv, error);

  entity = hp_cli_find_entity (command);
  if (entity != NULL)
    return hp_cli_run_entity (cli, entity, argc, argv, error);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), command);
    return hp_cli_usage_error (error, message);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Cli) cli = { 0 };
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (run (&cli, argc, argv, &error))
    return EXIT_SUCCESS;

  /* One line, always: scripts read the first line of stderr. */
  g_strdelimit (error->message, "\n", ' ');
  fprintf (stderr, "heimpack-cli: %s\n", error->message);

  if (error->domain == HP_CLI_USAGE_ERROR)
    {
      fprintf (stderr, "%s\n", _("Try “heimpack-cli --help”."));
      return EXIT_USAGE;
    }

  return EXIT_FAILURE;
}
