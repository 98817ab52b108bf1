/* hp-cli-campaign.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli campaign list|new|clone|edit|remove. Removing a campaign
 * takes its pledges, bookings, pack contents, school figures and graduates
 * with it, so it first says what would go and needs --yes.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static const HpCliColumn campaign_columns[] = {
  { "id",            N_("ID"),        HP_CLI_CELL_NUMBER },
  { "name",          N_("Campaign"),  HP_CLI_CELL_TEXT },
  { "year",          N_("Year"),      HP_CLI_CELL_NUMBER },
  { "handover-date", N_("Hand-over"), HP_CLI_CELL_DATE },
  { "spare-percent", N_("Spare %"),   HP_CLI_CELL_NUMBER },
};

static gboolean
require_year (int      year,
              GError **error)
{
  if (year == 0)
    return hp_cli_usage_error (error, _("Missing --year."));
  return TRUE;
}

/* --spare-percent not given */
#define SPARE_UNSET G_MININT

static gboolean
check_spare (int      spare,
             GError **error)
{
  if (spare != SPARE_UNSET && spare > 100)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("--spare-percent: %d is more than 100."), spare);
      return FALSE;
    }
  if (spare != SPARE_UNSET && spare < 0)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("--spare-percent: %d is less than 0."), spare);
      return FALSE;
    }
  return TRUE;
}

static void
print_campaign (HpCli      *cli,
                HpCampaign *campaign,
                gboolean    created)
{
  g_autofree char *message = NULL;

  if (created)
    message = g_strdup_printf (_("Campaign “%s” created (ID %lld)."), hp_campaign_get_name (campaign),
                               (long long) hp_campaign_get_id (campaign));
  else
    message = g_strdup_printf (_("Campaign “%s” (ID %lld) saved."), hp_campaign_get_name (campaign),
                               (long long) hp_campaign_get_id (campaign));

  hp_cli_print_object (cli, G_OBJECT (campaign), message);
}

/* ------------------------------------------------------------------------ */

static gboolean
run_list (HpCli    *cli,
          int       argc,
          char    **argv,
          GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(GListModel) campaigns = NULL;

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("The campaigns, newest first."), none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL)
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

static gboolean
run_new (HpCli    *cli,
         int       argc,
         char    **argv,
         GError  **error)
{
  int year = 0;
  int spare = SPARE_UNSET;
  g_autofree char *handover = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the campaign"), N_("YEAR") },
    { "handover-date", 0, 0, G_OPTION_ARG_STRING, &handover, N_("Default hand-over date"), N_("DATE") },
    { "spare-percent", 0, 0, G_OPTION_ARG_INT, &spare, N_("Spare packs in percent (default 5)"), N_("N") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("NAME"), _("Starts a new campaign."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the campaign name"), error) ||
      !require_year (year, error) ||
      (handover != NULL && !hp_cli_parse_date ("handover-date", handover, &iso, error)) ||
      !check_spare (spare, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  campaign = hp_campaign_new (argv[1], year);
  hp_campaign_set_handover_date (campaign, iso);
  if (spare != SPARE_UNSET)
    hp_campaign_set_spare_percent (campaign, spare);

  if (!hp_store_add_campaign (cli->store, campaign, error))
    return FALSE;

  print_campaign (cli, campaign, TRUE);
  return TRUE;
}

static gboolean
run_clone (HpCli    *cli,
           int       argc,
           char    **argv,
           GError  **error)
{
  int year = 0;
  g_autofree char *from = NULL;
  g_autoptr(HpCampaign) source = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the new campaign"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Campaign to copy (default: the newest)"), N_("NAME|ID") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("NAME"),
                             _("Starts a new campaign from last year’s: its pledges as requests, its pack "
                               "contents and its schools with their expected graduates."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the campaign name"), error) ||
      !require_year (year, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  if (from != NULL)
    source = hp_store_find_campaign (cli->store, from, error);
  else
    {
      g_autoptr(GError) local_error = NULL;
      HpCampaign *current = hp_cli_get_campaign (cli, FALSE, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (current == NULL)
        {
          g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                               _("There is no campaign to copy yet. Create one with "
                                 "“heimpack-cli campaign new NAME --year YEAR”."));
          return FALSE;
        }
      source = g_object_ref (current);
    }
  if (source == NULL)
    return FALSE;

  campaign = hp_store_clone_campaign (cli->store, hp_campaign_get_id (source), argv[1], year, error);
  if (campaign == NULL)
    return FALSE;

  print_campaign (cli, campaign, TRUE);
  return TRUE;
}

static gboolean
run_edit (HpCli    *cli,
          int       argc,
          char    **argv,
          GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *handover = NULL;
  g_autofree char *iso = NULL;
  int year = 0;
  int spare = SPARE_UNSET;
  g_autoptr(HpCampaign) campaign = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the campaign"), N_("N") },
    { "handover-date", 0, 0, G_OPTION_ARG_STRING, &handover, N_("Default hand-over date (\"\" clears it)"), N_("DATE") },
    { "spare-percent", 0, 0, G_OPTION_ARG_INT, &spare, N_("Spare packs in percent"), N_("N") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("NAME|ID"), _("Changes a campaign."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the campaign (name or ID)"), error) ||
      (handover != NULL && !hp_cli_parse_date ("handover-date", handover, &iso, error)) ||
      !check_spare (spare, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  campaign = hp_store_find_campaign (cli->store, argv[1], error);
  if (campaign == NULL)
    return FALSE;

  if (name != NULL)
    hp_campaign_set_name (campaign, name);
  if (year != 0)
    hp_campaign_set_year (campaign, year);
  if (handover != NULL)
    hp_campaign_set_handover_date (campaign, iso);
  if (spare != SPARE_UNSET)
    hp_campaign_set_spare_percent (campaign, spare);

  if (!hp_store_update_campaign (cli->store, campaign, error))
    return FALSE;

  print_campaign (cli, campaign, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* remove                                                                    */

static void
print_contents (HpCli                  *cli,
                HpCampaign             *campaign,
                const HpCampaignCounts *c,
                gboolean                removed)
{
  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_object (&json, "campaign", G_OBJECT (campaign));
      hp_cli_json_int (&json, "pledges", c->pledges);
      hp_cli_json_int (&json, "receipts", c->receipts);
      hp_cli_json_int (&json, "pack_lines", c->pack_lines);
      hp_cli_json_int (&json, "schools", c->schools);
      hp_cli_json_int (&json, "graduates", c->graduates);
      hp_cli_json_bool (&json, "removed", removed);
      hp_cli_json_end (&json);
      return;
    }

  if (removed)
    printf (_("Campaign “%s” removed, and with it:\n"), hp_campaign_get_name (campaign));
  else
    printf (_("Removing campaign “%s” would also remove:\n"), hp_campaign_get_name (campaign));

  printf ("  ");
  hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE, "%s pledge\n", "%s pledges\n", c->pledges),
                        c->pledges);
  printf ("  ");
  hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE, "%s booking of a delivery\n",
                                             "%s bookings of deliveries\n", c->receipts),
                        c->receipts);
  printf ("  ");
  hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE, "%s line of the pack contents\n",
                                             "%s lines of the pack contents\n", c->pack_lines),
                        c->pack_lines);
  printf ("  ");
  hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE, "the figures of %s school\n",
                                             "the figures of %s schools\n", c->schools),
                        c->schools);
  printf ("  ");
  hp_cli_print_counted (stdout, g_dngettext (GETTEXT_PACKAGE, "%s graduate\n", "%s graduates\n",
                                             (gulong) MIN (c->graduates, G_MAXLONG)),
                        c->graduates);
  printf ("%s\n", _("Sponsors, products, items and schools stay."));
}

static gboolean
run_remove (HpCli    *cli,
            int       argc,
            char    **argv,
            GError  **error)
{
  gboolean yes = FALSE;
  g_autoptr(HpCampaign) campaign = NULL;
  HpCampaignCounts contents = { 0 };
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Really remove it (without: only say what would go)"), NULL },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("NAME|ID"),
                             _("Removes a campaign with its pledges, bookings, pack contents, school figures "
                               "and graduates. Sponsors, products, items and schools stay."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the campaign (name or ID)"), error) ||
      hp_cli_get_store (cli, yes, error) == NULL)
    return FALSE;

  campaign = hp_store_find_campaign (cli->store, argv[1], error);
  if (campaign == NULL ||
      !hp_store_count_campaign_rows (cli->store, hp_campaign_get_id (campaign), &contents, error))
    return FALSE;

  if (!yes)
    {
      print_contents (cli, campaign, &contents, FALSE);
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Nothing was removed. To remove campaign “%s” with all of that, add --yes."),
                   hp_campaign_get_name (campaign));
      return FALSE;
    }

  if (!hp_store_remove_campaign (cli->store, hp_campaign_get_id (campaign), error))
    return FALSE;

  print_contents (cli, campaign, &contents, TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static const HpCliAction actions[] = {
  { "list",   run_list,   NULL },
  { "new",    run_new,    N_("NAME --year YEAR [--handover-date DATE] [--spare-percent N]") },
  { "clone",  run_clone,  N_("NAME --year YEAR [--from NAME|ID]") },
  { "edit",   run_edit,   N_("NAME|ID [--name TEXT] [--year N] [--handover-date DATE] [--spare-percent N]") },
  { "remove", run_remove, N_("NAME|ID --yes") },
};

gboolean
hp_cli_run_campaign (HpCli    *cli,
                     int       argc,
                     char    **argv,
                     GError  **error)
{
  return hp_cli_run_action (cli, "campaign",
                            N_("A campaign is one year’s drive; the other commands work on the newest "
                               "unless --campaign says otherwise."),
                            actions, G_N_ELEMENTS (actions), argc, argv, error);
}
