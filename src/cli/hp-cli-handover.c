/* hp-cli-handover.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli handover: the hand-overs of packs to schools in the campaign
 * ("Übergaben"), each signed for by someone at the school. What a school was
 * delivered is the sum of its hand-overs.
 *
 *   handover list [--school NUMBER]
 *   handover add --school NUMBER --standard N --under18 N
 *                [--date "YYYY-MM-DD[ HH:MM]"] [--received-by TEXT] [--note TEXT]
 *   handover remove ID
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static const HpCliColumn handover_columns[] = {
  { NULL, N_("ID"),          HP_CLI_CELL_NUMBER },
  { NULL, N_("Date"),        HP_CLI_CELL_DATE },
  { NULL, N_("Number"),      HP_CLI_CELL_TEXT },
  { NULL, N_("School"),      HP_CLI_CELL_TEXT },
  { NULL, N_("Standard"),    HP_CLI_CELL_COUNT },
  { NULL, N_("Under 18"),    HP_CLI_CELL_COUNT },
  { NULL, N_("Total"),       HP_CLI_CELL_COUNT },
  { NULL, N_("Received by"), HP_CLI_CELL_TEXT },
  { NULL, N_("Note"),        HP_CLI_CELL_TEXT },
};

/* a count for people, grouped the language's way: 2,000 or 2.000 */
static char *
count_cell (gint64 value)
{
  return hp_format_count (value);
}

/* an ID as it is typed back: never grouped */
static char *
id_cell (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
json_handover (HpCliJson  *json,
               HpHandover *handover)
{
  hp_cli_json_begin_object (json, NULL);
  hp_cli_json_int (json, "id", hp_handover_get_id (handover));
  hp_cli_json_int (json, "campaign_id", hp_handover_get_campaign_id (handover));
  hp_cli_json_int (json, "school_id", hp_handover_get_school_id (handover));
  hp_cli_json_string (json, "school_number", hp_handover_get_school_number (handover));
  hp_cli_json_string (json, "school", hp_handover_get_school_name (handover));
  hp_cli_json_string (json, "date", hp_handover_get_date (handover));
  hp_cli_json_int (json, "standard", hp_handover_get_standard (handover));
  hp_cli_json_int (json, "under18", hp_handover_get_under18 (handover));
  hp_cli_json_int (json, "total", hp_handover_get_total (handover));
  hp_cli_json_string (json, "received_by", hp_handover_get_received_by (handover));
  hp_cli_json_string (json, "note", hp_handover_get_note (handover));
  hp_cli_json_end (json);
}

/* "27 packs to “Gymnasium Nord” (100234) on 03.07.2027 12:00" */
static char *
describe_handover (HpHandover *handover)
{
  g_autofree char *date = hp_format_date (hp_handover_get_date (handover));
  gint64 total = hp_handover_get_total (handover);
  g_autofree char *packs = hp_format_count (total);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s pack to “%s” (%s) on %s",
                                       "%s packs to “%s” (%s) on %s",
                                       (gulong) MIN (total, G_MAXLONG)),
                          packs, hp_handover_get_school_name (handover),
                          hp_handover_get_school_number (handover), date);
}

/* "25.06.2027 10:30", "25.06.2027" or ISO, as YYYY-MM-DD[THH:MM]. */
static char *
parse_datetime (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;

  if (hp_iso_datetime_is_valid (text))
    return g_strdup (text);

  parts = g_strsplit (text, " ", 2);
  date = hp_parse_date (parts[0]);
  if (date == NULL)
    return NULL;
  if (parts[1] == NULL || *g_strstrip (parts[1]) == '\0')
    return g_steal_pointer (&date);

  iso = g_strdup_printf ("%sT%s", date, parts[1]);
  return hp_iso_datetime_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
}

static gboolean
run_handover_list (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  g_autofree char *school_text = NULL;
  g_autoptr(GListModel) handovers = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gint64 school_id = 0;
  gint64 campaign;
  guint n;
  GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("Only this school’s hand-overs"), N_("NUMBER") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("The hand-overs of packs to schools in the campaign."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  if (school_text != NULL)
    {
      g_autoptr(HpSchool) school = hp_store_find_school (cli->store, school_text, error);

      if (school == NULL)
        return FALSE;
      school_id = hp_school_get_id (school);
    }

  handovers = hp_store_list_handovers (cli->store, campaign, school_id, error);
  if (handovers == NULL)
    return FALSE;

  n = g_list_model_get_n_items (handovers);
  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_array (&json, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HpHandover) handover = g_list_model_get_item (handovers, i);

          json_handover (&json, handover);
        }
      hp_cli_json_end (&json);
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HpHandover) handover = g_list_model_get_item (handovers, i);
      const char *received_by = hp_handover_get_received_by (handover);
      const char *note = hp_handover_get_note (handover);

      g_ptr_array_add (cells, id_cell (hp_handover_get_id (handover)));
      g_ptr_array_add (cells, hp_format_date (hp_handover_get_date (handover)));
      g_ptr_array_add (cells, g_strdup (hp_handover_get_school_number (handover)));
      g_ptr_array_add (cells, g_strdup (hp_handover_get_school_name (handover)));
      g_ptr_array_add (cells, count_cell (hp_handover_get_standard (handover)));
      g_ptr_array_add (cells, count_cell (hp_handover_get_under18 (handover)));
      g_ptr_array_add (cells, count_cell (hp_handover_get_total (handover)));
      g_ptr_array_add (cells, g_strdup (received_by ? received_by : ""));
      g_ptr_array_add (cells, g_strdup (note ? note : ""));
    }

  hp_cli_print_cells (stdout, handover_columns, G_N_ELEMENTS (handover_columns), (char * const *) cells->pdata, n);
  return TRUE;
}

static gboolean
run_handover_add (HpCli    *cli,
                  int       argc,
                  char    **argv,
                  GError  **error)
{
  g_autofree char *school_text = NULL;
  g_autofree char *standard_text = NULL;
  g_autofree char *under18_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *received_by = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(HpHandover) handover = NULL;
  g_autoptr(HpHandover) saved = NULL;
  gint64 standard = 0;
  gint64 under18 = 0;
  gint64 campaign;
  GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school (its number)"), N_("NUMBER") },
    { "standard", 0, 0, G_OPTION_ARG_STRING, &standard_text, N_("Standard packs handed over"), N_("N") },
    { "under18", 0, 0, G_OPTION_ARG_STRING, &under18_text, N_("Under-18 packs handed over"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When (default: now)"), N_("\"YYYY-MM-DD[ HH:MM]\"") },
    { "received-by", 0, 0, G_OPTION_ARG_STRING, &received_by, N_("Who signed for the packs at the school"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("Records a hand-over of packs to a school."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  if (school_text == NULL)
    return hp_cli_usage_error (error, _("Missing --school."));
  if (standard_text == NULL)
    return hp_cli_usage_error (error, _("Missing --standard."));
  if (under18_text == NULL)
    return hp_cli_usage_error (error, _("Missing --under18."));

  if (!hp_cli_parse_count ("standard", standard_text, 0, G_MAXINT, &standard, error) ||
      !hp_cli_parse_count ("under18", under18_text, 0, G_MAXINT, &under18, error))
    return FALSE;

  if (date_text != NULL && *date_text != '\0')
    {
      date = parse_datetime (date_text);
      if (date == NULL)
        {
          g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                       _("--%s: “%s” is not %s."), "date", date_text,
                       _("a date and time (YYYY-MM-DD HH:MM)"));
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%dT%H:%M");
    }

  if (hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  school = hp_store_find_school (cli->store, school_text, error);
  if (school == NULL)
    return FALSE;

  handover = hp_handover_new (campaign, hp_school_get_id (school), date, standard, under18);
  hp_handover_set_received_by (handover, received_by);
  hp_handover_set_note (handover, note);
  if (!hp_store_add_handover (cli->store, handover, error))
    return FALSE;

  saved = hp_store_get_handover (cli->store, hp_handover_get_id (handover), error);
  if (saved == NULL)
    return FALSE;

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      json_handover (&json, saved);
      return TRUE;
    }

  description = describe_handover (saved);
  /* Translators: "Recorded 27 packs to “Gymnasium Nord” (100234) on 03.07.2027 12:00 (hand-over 3)." */
  message = g_strdup_printf (_("Recorded %s (hand-over %lld)."), description, (long long) hp_handover_get_id (saved));
  printf ("%s\n", message);
  return TRUE;
}

static gboolean
run_handover_remove (HpCli    *cli,
                     int       argc,
                     char    **argv,
                     GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpHandover) handover = NULL;
  g_autofree char *description = NULL;
  gint64 id = 0;

  if (!hp_cli_parse_options (&argc, &argv, _("ID"), _("Removes a hand-over."), none, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the hand-over’s ID"), error) ||
      !hp_cli_parse_id ("ID", argv[1], &id, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  handover = hp_store_get_handover (cli->store, id, error);
  if (handover == NULL || !hp_store_remove_handover (cli->store, id, error))
    return FALSE;

  if (cli->json)
    {
      printf ("{\"removed\":true}\n");
      return TRUE;
    }

  description = describe_handover (handover);
  /* Translators: "Hand-over 3 removed: 27 packs to “Gymnasium Nord” (100234) on 03.07.2027 12:00." */
  printf (_("Hand-over %lld removed: %s.\n"), (long long) id, description);
  return TRUE;
}

static const HpCliAction handover_actions[] = {
  { "list",   run_handover_list,   N_("[--school NUMBER]") },
  { "add",    run_handover_add,    N_("--school NUMBER --standard N --under18 N [--date \"YYYY-MM-DD[ HH:MM]\"] "
                                      "[--received-by TEXT] [--note TEXT]") },
  { "remove", run_handover_remove, N_("ID") },
};

gboolean
hp_cli_run_handover (HpCli    *cli,
                     int       argc,
                     char    **argv,
                     GError  **error)
{
  return hp_cli_run_action (cli, "handover",
                            N_("The hand-overs of packs to schools (Übergaben) in the campaign."),
                            handover_actions, G_N_ELEMENTS (handover_actions), argc, argv, error);
}
