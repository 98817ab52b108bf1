/* hp-cli-stats.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli stats (row counts of the file) and demo (made-up data in an
 * empty file, then its counts).
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static void
print_stats (HpCli              *cli,
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

gboolean
hp_cli_run_stats (HpCli    *cli,
                  int       argc,
                  char    **argv,
                  GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  HpStoreStats stats;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("How many campaigns, sponsors, products, schools and graduates the file holds."),
                             none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  print_stats (cli, &stats);
  return TRUE;
}

gboolean
hp_cli_run_demo (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
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
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  if (scale_name == NULL)
    scale_name = g_strdup ("district");

  if (!hp_demo_scale_from_string (scale_name, &scale))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown scale “%s”: use district, region or national."),
                                                  scale_name);
      return hp_cli_usage_error (error, message);
    }

  if (hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  campaign = hp_demo_fill (cli->store, scale, (guint32) seed, error);
  if (campaign == NULL || !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  if (cli->json)
    print_stats (cli, &stats);
  else
    {
      g_autofree char *schools = hp_format_counted (ngettext ("%s school", "%s schools", stats.schools),
                                                    stats.schools);
      g_autofree char *graduates = hp_format_counted (ngettext ("%s graduate", "%s graduates", stats.graduates),
                                                      stats.graduates);
      g_autofree char *sponsors = hp_format_counted (ngettext ("%s sponsor", "%s sponsors", stats.sponsors),
                                                     stats.sponsors);
      g_autofree char *products = hp_format_counted (ngettext ("%s product", "%s products", stats.products),
                                                     stats.products);

      /* Translators: the %s after the name are counts with their nouns,
       * "12 schools", "1 sponsor" */
      printf (_("Campaign “%s” created with %s, %s, %s and %s.\n"),
              hp_campaign_get_name (campaign), schools, graduates, sponsors, products);
    }
  return TRUE;
}
