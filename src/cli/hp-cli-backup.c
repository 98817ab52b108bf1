/* hp-cli-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli backup list | now | restore ID|FILE: the dated copies in
 * `NAME.backups/` beside the database (see hp-backup.h).
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static void
json_info (HpCliJson          *json,
           const char         *key,
           const HpBackupInfo *info)
{
  g_autofree char *created = g_date_time_format_iso8601 (info->created);

  hp_cli_json_begin_object (json, key);
  hp_cli_json_string (json, "id", info->id);
  hp_cli_json_string (json, "file", info->path);
  hp_cli_json_string (json, "created", created);
  hp_cli_json_int (json, "size", info->size);
  if (info->readable)
    {
      hp_cli_json_int (json, "campaigns", info->campaigns);
      hp_cli_json_int (json, "graduates", info->graduates);
    }
  else
    {
      hp_cli_json_null (json, "campaigns");
      hp_cli_json_null (json, "graduates");
    }
  hp_cli_json_bool (json, "readable", info->readable);
  hp_cli_json_string (json, "reason", hp_backup_reason_to_string (info->reason));
  hp_cli_json_end (json);
}

static gboolean
run_list (HpCli    *cli,
          int       argc,
          char    **argv,
          GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(GPtrArray) infos = NULL;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Lists the backups beside the database, newest first."), none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  infos = hp_backup_list (cli->store, error);
  if (infos == NULL)
    return FALSE;

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_array (&json, NULL);
      for (guint i = 0; i < infos->len; i++)
        json_info (&json, NULL, g_ptr_array_index (infos, i));
      hp_cli_json_end (&json);
      return TRUE;
    }

  if (infos->len == 0)
    {
      g_autofree char *folder = hp_backup_get_folder (hp_store_get_path (cli->store));

      printf (_("No backups yet in %s.\n"), folder);
      return TRUE;
    }

  {
    const HpCliColumn columns[] = {
      { NULL, _("ID"), HP_CLI_CELL_TEXT },
      { NULL, _("Created"), HP_CLI_CELL_TEXT },
      { NULL, _("Size"), HP_CLI_CELL_NUMBER },
      { NULL, _("Campaigns"), HP_CLI_CELL_COUNT },
      { NULL, _("Graduates"), HP_CLI_CELL_COUNT },
      { NULL, _("Made"), HP_CLI_CELL_TEXT },
    };
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < infos->len; i++)
      {
        HpBackupInfo *info = g_ptr_array_index (infos, i);
        g_autofree char *format = g_strconcat (hp_format_get_date_format (), " %H:%M:%S", NULL);

        g_ptr_array_add (cells, g_strdup (info->id));
        g_ptr_array_add (cells, g_date_time_format (info->created, format));
        g_ptr_array_add (cells, g_format_size (info->size));
        g_ptr_array_add (cells, info->readable ? hp_format_count (info->campaigns) : g_strdup ("?"));
        g_ptr_array_add (cells, info->readable ? hp_format_count (info->graduates) : g_strdup ("?"));
        g_ptr_array_add (cells, g_strdup (info->readable ? hp_backup_reason_describe (info->reason)
                                                          : _("Damaged or unreadable")));
      }

    hp_cli_print_cells (stdout, columns, G_N_ELEMENTS (columns), (char * const *) cells->pdata, infos->len);
  }
  return TRUE;
}

static gboolean
run_now (HpCli    *cli,
         int       argc,
         char    **argv,
         GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpBackupInfo) info = NULL;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Backs up the database now into the folder beside it, checks the copy and "
                               "deletes backups that are no longer kept."), none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  info = hp_backup_create (cli->store, HP_BACKUP_REASON_MANUAL, error);
  if (info == NULL)
    return FALSE;

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      json_info (&json, NULL, info);
    }
  else
    printf (_("Backed up to “%s” (ID %s).\n"), info->path, info->id);
  return TRUE;
}

static gboolean
run_restore (HpCli    *cli,
             int       argc,
             char    **argv,
             GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpBackupInfo) info = NULL;
  g_autoptr(HpBackupInfo) safety = NULL;

  if (!hp_cli_parse_options (&argc, &argv, _("ID|FILE"),
                             _("Replaces the database’s content with a backup (its ID from “backup list”) "
                               "or another Heimpack file. The current state is backed up first, so a "
                               "restore can be undone by restoring that backup."), none, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("ID|FILE"), error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  info = hp_backup_find (cli->store, argv[1], error);
  if (info == NULL || !hp_backup_restore (cli->store, info->path, &safety, error))
    return FALSE;

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_object (&json, NULL);
      json_info (&json, "restored", info);
      json_info (&json, "replaced", safety);
      hp_cli_json_end (&json);
    }
  else
    printf (_("Restored “%s”. The state it replaced is backup %s (“%s”).\n"),
            info->path, safety->id, safety->path);
  return TRUE;
}

static const HpCliAction actions[] = {
  { "list",    run_list,    NULL },
  { "now",     run_now,     NULL },
  { "restore", run_restore, N_("ID|FILE") },
};

gboolean
hp_cli_run_backup (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  return hp_cli_run_action (cli, "backup",
                            N_("Backups are dated copies of the database in the folder NAME.backups beside it, "
                               "made before the first change of each day, before imports, campaign removals "
                               "and upgrades, and on demand."),
                            actions, G_N_ELEMENTS (actions), argc, argv, error);
}
