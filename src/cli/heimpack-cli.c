/* heimpack-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli: Heimpack without a window, for scripts, benchmarks and
 * people who like a terminal. This file takes the global options and hands
 * the command to its handler from the table below; the commands live in
 * hp-cli-*.c and call the core.
 *
 * Exit status: 0 success; 1 failure, with one line on stderr; 2 usage error.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-cli-context.h"
#include "hp-cli-private.h"

#define EXIT_USAGE 2

/*
 * The commands: the word that names each (and its plural, which works as
 * well), its handler, and its line in `heimpack-cli --help` (continuation
 * lines start with "|").
 */
static const struct
{
  const char   *name;
  const char   *alias;
  HpCliRunFunc  run;
  const char   *synopsis;
} commands[] = {
  { "demo", NULL, hp_cli_run_demo,
    N_("--scale district|region|national [--seed N]   (made-up data in an empty file)") },
  { "stats", NULL, hp_cli_run_stats,
    N_("(how many campaigns, sponsors, products, schools and graduates)") },
  { "campaign", "campaigns", hp_cli_run_campaign,
    N_("list | new NAME --year YEAR | clone NAME --year YEAR [--from NAME|ID]\n"
       "| edit NAME|ID [--name TEXT] [--year N] [--handover-date DATE] [--spare-percent N]\n"
       "| remove NAME|ID --yes") },
  { "sponsor", "sponsors", hp_cli_run_sponsor,
    N_("list | add --name TEXT … | edit ID | remove ID") },
  { "product", "products", hp_cli_run_product,
    N_("list [--sponsor ID] | add --sponsor ID --name ITEM [--value AMOUNT] … | edit ID | remove ID") },
  { "item", "items", hp_cli_run_item,
    N_("list | edit ITEM [--name TEXT] [--adult-only|--no-adult-only] | merge ITEM --into ITEM") },
  { "recipe", NULL, hp_cli_run_recipe,
    N_("list | set ITEM [--per-standard N] [--per-under18 N] | remove ITEM") },
  { "pledge", "pledges", hp_cli_run_pledge,
    N_("list | set --product ID --quantity N [--due DATE] [--confirmed|--unconfirmed]\n"
       "| remove --product ID") },
  { "receipt", "receipts", hp_cli_run_receipt,
    N_("list [--product ID] | add --product ID --quantity N [--date DATE] [--note TEXT]\n"
       "| edit ID [--quantity N] [--date DATE] [--note TEXT] [--product ID] | remove ID") },
  { "school", "schools", hp_cli_run_school,
    N_("list | add --number NUMBER --name TEXT … | edit NUMBER [--list-complete|--no-list-complete] …\n"
       "| remove NUMBER") },
  { "graduate", "graduates", hp_cli_run_graduate,
    N_("list [--school NUMBER] | add --school NUMBER … | edit ID | remove ID") },
  { "handover", "handovers", hp_cli_run_handover,
    N_("list [--school NUMBER] | add --school NUMBER --standard N --under18 N\n"
       "[--date \"YYYY-MM-DD[ HH:MM]\"] [--received-by TEXT] [--note TEXT] | remove ID") },
  { "import", NULL, hp_cli_run_import,
    N_("schools FILE [--district PREFIX] [--abitur-only] [--map FIELD=HEADER]… [--dry-run]\n"
       "| graduates FILE (--school NUMBER | --school-column HEADER) [--year VALUE] [--dry-run]\n"
       "| received FILE [--dry-run]   (returned class lists: who got a pack)") },
  { "export", NULL, hp_cli_run_export,
    N_("packing-list|delivery-sheets|sponsor-report|network OUT.xlsx [--crate-size N]\n"
       "[--class-lists] [--agency-name TEXT] …   (the agency options override the file’s agency)") },
  { "agency", NULL, hp_cli_run_agency,
    N_("show | set [--name TEXT] [--street TEXT] [--postcode TEXT] [--town TEXT] [--phone TEXT]\n"
       "[--email ADDRESS]   (the delivery sheets’ header, stored in the file)") },
  { "backup", "backups", hp_cli_run_backup,
    N_("list | now | restore ID|FILE   (copies in the folder NAME.backups beside the database)") },
  { "plan", NULL, hp_cli_run_plan,
    N_("(packs needed and buildable, bottleneck, packs per school, what to chase)") },
  { "purge", NULL, hp_cli_run_purge,
    N_("--campaign NAME|ID [--dry-run] [--force]   (personal data of graduates without consent)") },
};

static void
print_usage (HpCli *cli)
{
  printf ("%s\n\n%s\n",
          _("Usage: heimpack-cli [--db FILE] [--json] [--campaign NAME|ID] COMMAND …"),
          _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) lines = g_strsplit (_(commands[i].synopsis), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        printf ("  %-9s%s\n", l == 0 ? commands[i].name : "", lines[l]);
    }

  printf ("\n%s\n%s\n", _("“heimpack-cli COMMAND --help” lists a command’s actions,"),
          _("“heimpack-cli COMMAND ACTION --help” the options of an action."));
  printf (_("The database defaults to %s.\n"), cli->db_path);
}

/* Takes the global options out of argv wherever they stand, so that both
 * "heimpack-cli --json stats" and "heimpack-cli stats --json" work. */
static gboolean
take_global_options (HpCli   *cli,
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
run (HpCli   *cli,
     int      argc,
     char   **argv,
     GError **error)
{
  const char *command;

  if (!take_global_options (cli, &argc, argv, error))
    return FALSE;

  if (cli->db_path == NULL)
    cli->db_path = hp_store_get_default_path ();

  command = argc > 1 ? argv[1] : NULL;
  if (command == NULL)
    return hp_cli_usage_error (error, _("Missing command."));

  /* "heimpack-cli help campaign new" is "heimpack-cli campaign new --help" */
  if (hp_cli_is_help (command) && argc > 2)
    {
      memmove (&argv[1], &argv[2], (gsize) (argc - 2) * sizeof (char *));
      argv[argc - 1] = (char *) "--help";
      command = argv[1];
    }
  else if (hp_cli_is_help (command))
    {
      print_usage (cli);
      return TRUE;
    }

  if (g_str_equal (command, "--version"))
    {
      printf ("heimpack-cli %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (command, commands[i].name) || g_strcmp0 (command, commands[i].alias) == 0)
      {
        hp_cli_set_help_topic (cli, commands[i].name, NULL);
        return commands[i].run (cli, argc - 1, argv + 1, error);
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), command);
    return hp_cli_usage_error (error, message);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_auto(HpCli) cli = { 0 };
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Open files and malloc for big exports (process-wide: the program's). */
  hp_export_setup_process ();

  if (run (&cli, argc, argv, &error))
    return EXIT_SUCCESS;

  /* One line, always: scripts read the first line of stderr. */
  g_strdelimit (error->message, "\n", ' ');
  fprintf (stderr, "heimpack-cli: %s\n", error->message);

  if (error->domain == HP_CLI_USAGE_ERROR)
    {
      g_autofree char *hint = cli.help_topic
                                ? g_strdup_printf (_("Try “heimpack-cli %s --help”."), cli.help_topic)
                                : g_strdup (_("Try “heimpack-cli --help”."));

      fprintf (stderr, "%s\n", hint);
      return EXIT_USAGE;
    }

  return EXIT_FAILURE;
}
