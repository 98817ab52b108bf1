/* hp-cli-context.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state that every command of heimpack-cli shares (HpCli): the store,
 * opened read-only when a command only reads, and the campaign; option
 * parsing and usage errors; the values typed on the command line; and the
 * dispatch of a command's actions with their help.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-context.h"

G_DEFINE_QUARK (hp-cli-usage-error-quark, hp_cli_usage_error)

void
hp_cli_clear (HpCli *cli)
{
  g_clear_object (&cli->campaign);
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->campaign_name, g_free);
  g_clear_pointer (&cli->help_topic, g_free);
}

void
hp_cli_set_help_topic (HpCli      *cli,
                       const char *command,
                       const char *action)
{
  g_autofree char *prgname = NULL;

  g_free (cli->help_topic);
  cli->help_topic = action ? g_strdup_printf ("%s %s", command, action) : g_strdup (command);

  /* For the "Usage:" line of GOption's --help */
  prgname = g_strdup_printf ("heimpack-cli %s", cli->help_topic);
  g_set_prgname (prgname);
}

gboolean
hp_cli_usage_error (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, HP_CLI_USAGE_ERROR, 0, message);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Store and campaign                                                        */

/* An upgraded file says so before the command's own output, one line each:
 * where the copy of the old file is, and what the upgrade changed. */
static void
print_migration_notes (HpStore *store)
{
  const char * const *notes = hp_store_get_migration_notes (store);

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      g_autofree char *line = g_strdelimit (g_strdup (notes[i]), "\n", ' ');

      fprintf (stderr, "%s\n", line);
    }
  fflush (stderr);
}

#define SCHEMA_ID "io.github.heimpack.Heimpack"

/* The window's retention settings, where its schema is installed: a backup
 * made from the command line prunes as the window would. */
static void
apply_backup_settings (HpStore *store)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  HpBackupRetention retention;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backup-keep-last"))
    return;

  settings = g_settings_new (SCHEMA_ID);
  retention.keep_last = g_settings_get_uint (settings, "backup-keep-last");
  retention.keep_weeks = g_settings_get_uint (settings, "backup-keep-weeks");
  retention.keep_months = g_settings_get_uint (settings, "backup-keep-months");
  hp_backup_set_retention (store, &retention);
}

HpStore *
hp_cli_get_store (HpCli     *cli,
                  gboolean   writes,
                  GError   **error)
{
  if (cli->store != NULL)
    return cli->store;

  /* A reading command never creates a file (a mistyped --db is an error
   * naming it) and reads files on read-only media. */
  if (!writes)
    {
      g_autoptr(GError) local_error = NULL;

      cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_READ_ONLY, &local_error);
      if (cli->store != NULL)
        {
          apply_backup_settings (cli->store);
          return cli->store;
        }

      /* An older file must be upgraded first, which needs write access. */
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_DEFAULT, error);
  if (cli->store != NULL)
    {
      print_migration_notes (cli->store);
      apply_backup_settings (cli->store);
    }

  return cli->store;
}

HpCampaign *
hp_cli_get_campaign (HpCli     *cli,
                     gboolean   required,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_assert (cli->store != NULL);

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

gboolean
hp_cli_get_campaign_id (HpCli    *cli,
                        gint64   *out_id,
                        GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  HpCampaign *campaign = hp_cli_get_campaign (cli, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *out_id = campaign != NULL ? hp_campaign_get_id (campaign) : 0;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Options and arguments                                                     */

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
                    char       **argv,
                    int          wanted,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *message = NULL;

  if (argc == wanted)
    return TRUE;

  if (argc < wanted)
    message = g_strdup_printf (_("Missing %s."), what);
  else
    message = g_strdup_printf (_("Unexpected argument “%s”."), argv[wanted]);

  return hp_cli_usage_error (error, message);
}

static gboolean
invalid_value (const char  *option,
               const char  *text,
               const char  *expected,
               GError     **error)
{
  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
               /* Translators: "--quantity: “x” is not a whole number." */
               _("--%s: “%s” is not %s."), option, text, expected);
  return FALSE;
}

gboolean
hp_cli_parse_id (const char  *option,
                 const char  *text,
                 gint64      *out_id,
                 GError     **error)
{
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return invalid_value (option, text, _("an ID (a whole number)"), error);

  *out_id = (gint64) id;
  return TRUE;
}

gboolean
hp_cli_parse_count (const char  *option,
                    const char  *text,
                    gint64       minimum,
                    gint64       maximum,
                    gint64      *out_value,
                    GError     **error)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, minimum, maximum, &value, NULL))
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number of %lld or more"), (long long) minimum);

      return invalid_value (option, text, expected, error);
    }

  *out_value = value;
  return TRUE;
}

gboolean
hp_cli_parse_date (const char  *option,
                   const char  *text,
                   char       **out_iso,
                   GError     **error)
{
  g_autofree char *iso = NULL;

  if (*text == '\0')
    {
      *out_iso = NULL;
      return TRUE;
    }

  iso = hp_parse_date (text);
  if (iso == NULL)
    return invalid_value (option, text, _("a date (YYYY-MM-DD or DD.MM.YYYY)"), error);

  *out_iso = g_steal_pointer (&iso);
  return TRUE;
}

HpItem *
hp_cli_find_item (HpCli       *cli,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  HpItem *item;
  guint64 id = 0;

  item = hp_store_find_item (cli->store, name, &local_error);
  if (item != NULL)
    return item;

  if (g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND) &&
      g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_clear_error (&local_error);
      item = hp_store_get_item (cli->store, (gint64) id, &local_error);
      if (item != NULL)
        return item;
    }

  if (g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                   _("There is no item “%s”. “heimpack-cli item list” shows the items."), name);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

void
hp_cli_print_object (HpCli      *cli,
                     GObject    *object,
                     const char *message)
{
  if (cli->json)
    {
      hp_cli_print_json_object (stdout, object);
      fputc ('\n', stdout);
    }
  else
    printf ("%s\n", message);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

gboolean
hp_cli_is_help (const char *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0 ||
         g_strcmp0 (arg, "-?") == 0 || g_strcmp0 (arg, "help") == 0;
}

void
hp_cli_print_actions_help (const char        *command,
                           const char        *summary,
                           const HpCliAction *actions,
                           guint              n_actions)
{
  printf (_("Usage: heimpack-cli [--db FILE] [--json] [--campaign NAME|ID] %s ACTION …\n"), command);
  if (summary != NULL)
    printf ("\n%s\n", _(summary));

  printf ("\n%s\n", _("Actions:"));
  for (guint i = 0; i < n_actions; i++)
    {
      const char *synopsis = actions[i].synopsis ? _(actions[i].synopsis) : "";

      printf ("  %s %s%s%s\n", command, actions[i].name, *synopsis ? " " : "", synopsis);
    }

  printf ("\n");
  printf (_("“heimpack-cli %s ACTION --help” describes the options of an action.\n"), command);
}

static char *
join_action_names (const HpCliAction *actions,
                   guint              n_actions)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", actions[i].name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
hp_cli_run_action (HpCli             *cli,
                   const char        *command,
                   const char        *summary,
                   const HpCliAction *actions,
                   guint              n_actions,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  g_autofree char *names = join_action_names (actions, n_actions);

  hp_cli_set_help_topic (cli, command, NULL);

  if (verb == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Missing action: %s %s."), command, names);
      return hp_cli_usage_error (error, message);
    }

  if (hp_cli_is_help (verb))
    {
      hp_cli_print_actions_help (command, summary, actions, n_actions);
      return TRUE;
    }

  for (guint i = 0; i < n_actions; i++)
    if (g_str_equal (verb, actions[i].name))
      {
        hp_cli_set_help_topic (cli, command, verb);
        return actions[i].run (cli, argc - 1, argv + 1, error);
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown action “%s”: use %s %s."), verb, command, names);
    return hp_cli_usage_error (error, message);
  }
}

gint64
hp_cli_require_campaign (HpCli   *cli,
                         GError **error)
{
  HpCampaign *campaign = hp_cli_get_campaign (cli, TRUE, error);

  return campaign != NULL ? hp_campaign_get_id (campaign) : 0;
}
