/* hp-cli-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli purge --campaign NAME|ID [--dry-run] [--force]: removes the
 * personal data of a campaign's graduates who did not consent (see
 * hp-purge.h). It first says what goes, per school; the campaign must be
 * named, and one whose hand-over lies ahead is refused without --force.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static void
print_json (HpCli          *cli,
            HpPurgePreview *preview,
            gboolean        dry_run,
            gboolean        purged,
            guint           n_purged)
{
  HpCliJson json;

  hp_cli_json_init (&json, stdout);
  hp_cli_json_begin_object (&json, NULL);
  hp_cli_json_begin_object (&json, "campaign");
  hp_cli_json_int (&json, "id", preview->campaign_id);
  hp_cli_json_string (&json, "name", preview->campaign_name);
  hp_cli_json_end (&json);
  hp_cli_json_string (&json, "last_handover", preview->last_handover);
  hp_cli_json_bool (&json, "drive_over", preview->drive_over);
  hp_cli_json_bool (&json, "dry_run", dry_run);
  hp_cli_json_int (&json, "graduates", preview->graduates);
  hp_cli_json_int (&json, "under18", preview->under18);
  hp_cli_json_int (&json, "consenting", preview->consenting);
  hp_cli_json_begin_array (&json, "schools");
  for (guint i = 0; i < preview->schools->len; i++)
    {
      HpPurgeSchool *school = g_ptr_array_index (preview->schools, i);

      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_string (&json, "number", school->number);
      hp_cli_json_string (&json, "name", school->name);
      hp_cli_json_int (&json, "graduates", school->graduates);
      hp_cli_json_int (&json, "under18", school->under18);
      hp_cli_json_end (&json);
    }
  hp_cli_json_end (&json);
  if (purged)
    hp_cli_json_int (&json, "purged", n_purged);
  else
    hp_cli_json_null (&json, "purged");
  hp_cli_json_string (&json, "purged_at", preview->purged_at);
  hp_cli_json_end (&json);
}

static void
print_report (HpPurgePreview *preview)
{
  g_autofree char *day = hp_format_date (preview->last_handover);

  printf (_("Personal data of “%s” (last hand-over %s):\n"), preview->campaign_name, day);
  if (preview->purged_at != NULL)
    {
      g_autofree char *iso_day = g_strndup (preview->purged_at, 10);
      g_autofree char *when = hp_format_date (iso_day);

      /* Translators: "on 03.12.2026 at 07:35" */
      printf (_("Last purged on %s at %.5s.\n"), when,
              strlen (preview->purged_at) >= 16 ? preview->purged_at + 11 : "00:00");
    }

  if (preview->graduates == 0)
    {
      printf (_("Nothing to remove: every graduate without consent has no personal data left.\n"));
      return;
    }

  {
    g_autofree char *graduates = hp_format_count (preview->graduates);
    g_autofree char *under18 = hp_format_count (preview->under18);

    /* Translators: the graduates (the form follows them), then those of them under 18 */
    printf (ngettext ("The names, birth dates, classes and contact data of %s graduate without consent "
                      "go (%s of them under 18; the counts stay):\n",
                      "The names, birth dates, classes and contact data of %s graduates without consent "
                      "go (%s of them under 18; the counts stay):\n",
                      preview->graduates),
            graduates, under18);
  }

  {
    const HpCliColumn columns[] = {
      { NULL, _("Number"), HP_CLI_CELL_TEXT },
      { NULL, _("School"), HP_CLI_CELL_TEXT },
      { NULL, _("Graduates"), HP_CLI_CELL_COUNT },
      /* Translators: column of graduates under 18 on the hand-over day */
      { NULL, _("U18"), HP_CLI_CELL_COUNT },
    };
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < preview->schools->len; i++)
      {
        HpPurgeSchool *school = g_ptr_array_index (preview->schools, i);

        g_ptr_array_add (cells, g_strdup (school->number));
        g_ptr_array_add (cells, g_strdup (school->name));
        g_ptr_array_add (cells, hp_format_count (school->graduates));
        g_ptr_array_add (cells, hp_format_count (school->under18));
      }
    hp_cli_print_cells (stdout, columns, G_N_ELEMENTS (columns), (char * const *) cells->pdata,
                        preview->schools->len);
  }

  hp_cli_print_counted (stdout, ngettext ("%s graduate who consented stays as they are.\n",
                                          "%s graduates who consented stay as they are.\n",
                                          preview->consenting),
                        preview->consenting);
}

gboolean
hp_cli_run_purge (HpCli    *cli,
                  int       argc,
                  char    **argv,
                  GError  **error)
{
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only say what would go; change nothing"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Purge even though the campaign’s hand-over lies ahead"), NULL },
    { NULL }
  };
  g_autoptr(HpPurgePreview) preview = NULL;
  HpCampaign *campaign;
  guint n_purged = 0;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Removes the names, birth dates, classes and contact data of the campaign’s "
                               "graduates who did not consent to be contacted (storage limitation, DSGVO "
                               "Art. 5). Counts per school, under-18 counts and hand-overs stay, so the plan "
                               "and the reports do not change. Says first what goes, then makes a backup."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  /* Never the newest campaign by default: personal data goes. */
  if (cli->campaign_name == NULL)
    return hp_cli_usage_error (error, _("Name the campaign to purge: --campaign NAME|ID."));

  if (hp_cli_get_store (cli, !dry_run, error) == NULL)
    return FALSE;
  campaign = hp_cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  preview = hp_store_purge_preview (cli->store, hp_campaign_get_id (campaign), NULL, error);
  if (preview == NULL)
    return FALSE;

  if (!preview->drive_over && !force && !dry_run)
    {
      g_autofree char *day = hp_format_date (preview->last_handover);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("The hand-over of “%s” on %s lies ahead, so its drive is not over; "
                     "purge with --force if you are sure."),
                   preview->campaign_name, day);
      return FALSE;
    }

  if (!cli->json)
    print_report (preview);

  if (dry_run || preview->graduates == 0)
    {
      if (cli->json)
        print_json (cli, preview, dry_run, FALSE, 0);
      else if (dry_run)
        printf (_("Dry run: nothing was changed.\n"));
      return TRUE;
    }

  if (!hp_store_purge (cli->store, hp_campaign_get_id (campaign), &n_purged, error))
    return FALSE;

  /* What it recorded, for the report */
  hp_purge_preview_free (g_steal_pointer (&preview));
  preview = hp_store_purge_preview (cli->store, hp_campaign_get_id (campaign), NULL, error);
  if (preview == NULL)
    return FALSE;

  if (cli->json)
    print_json (cli, preview, FALSE, TRUE, n_purged);
  else
    hp_cli_print_counted (stdout, ngettext ("Backed up, then removed the personal data of %s graduate.\n",
                                            "Backed up, then removed the personal data of %s graduates.\n",
                                            n_purged),
                          n_purged);
  return TRUE;
}
