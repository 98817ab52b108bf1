/* hp-cli-context.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every command of heimpack-cli shares: the global options, the store
 * and campaign it works on (opened on first use), option parsing, usage
 * errors, the parsing of values typed on the command line, and the dispatch
 * of a command's actions ("campaign list|new|…") with their help.
 */
#pragma once

#include <heimpack/heimpack.h>

#include "hp-cli-output.h"

G_BEGIN_DECLS

/**
 * HpCli:
 *
 * The state of one run of heimpack-cli, passed to every command.
 */
typedef struct
{
  /* Global options */
  char       *db_path;
  char       *campaign_name;
  gboolean    json;

  /* Owned, opened on first use */
  HpStore    *store;
  HpCampaign *campaign;

  /* For the hint after a usage error and the "Usage:" line of --help:
   * "campaign", "campaign new", … or NULL */
  char       *help_topic;
} HpCli;

void          hp_cli_clear          (HpCli         *cli);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HpCli, hp_cli_clear)

/* Sets the command (and action, if not NULL) that help is about. */
void          hp_cli_set_help_topic (HpCli         *cli,
                                     const char    *command,
                                     const char    *action);

/* Errors of the command line itself: they exit with 2. */
#define HP_CLI_USAGE_ERROR (hp_cli_usage_error_quark ())
GQuark        hp_cli_usage_error_quark (void);

/* Sets a usage error; always returns FALSE. */
gboolean      hp_cli_usage_error    (GError       **error,
                                     const char    *message);

/* Opens the store: read-only for commands that only read (@writes FALSE) an
 * existing file, so that they work while the window has it open; a file
 * that must be upgraded first is opened read-write. After an upgrade the
 * store's migration notes go to stderr, one line each. */
HpStore      *hp_cli_get_store      (HpCli         *cli,
                                     gboolean       writes,
                                     GError       **error);
/* The campaign the commands work on: --campaign, else the newest. NULL
 * without error when there is none and @required is FALSE. */
HpCampaign   *hp_cli_get_campaign   (HpCli         *cli,
                                     gboolean       required,
                                     GError       **error);
/* The id of that campaign, 0 when the file has none; fails only when
 * --campaign names one that does not exist. */
gboolean      hp_cli_get_campaign_id (HpCli        *cli,
                                      gint64       *out_id,
                                      GError      **error);
/* The id of that campaign, for commands that need one: 0 with an error
 * when the file has none yet. */
gint64        hp_cli_require_campaign (HpCli       *cli,
                                       GError     **error);

/* Parses the options of an action. --help prints the help and exits 0.
 * Leaves the positional arguments in @argc/@argv (argv[0] the action). */
gboolean      hp_cli_parse_options  (int           *argc,
                                     char        ***argv,
                                     const char    *parameter,
                                     const char    *summary,
                                     GOptionEntry  *entries,
                                     GError       **error);
/* Exactly @wanted arguments (with argv[0]); else a usage error that says
 * what is missing or names the first argument too many. */
gboolean      hp_cli_expect_args    (int            argc,
                                     char         **argv,
                                     int            wanted,
                                     const char    *what,
                                     GError       **error);

/* Values typed on the command line; @option names the option in errors
 * (e.g. "quantity"). Errors are HP_STORE_ERROR_INVALID. */
gboolean      hp_cli_parse_id       (const char    *option,
                                     const char    *text,
                                     gint64        *out_id,
                                     GError       **error);
gboolean      hp_cli_parse_count    (const char    *option,
                                     const char    *text,
                                     gint64         minimum,
                                     gint64         maximum,
                                     gint64        *out_value,
                                     GError       **error);
/* A date (DD.MM.YYYY or YYYY-MM-DD) as an ISO date; "" gives NULL. */
gboolean      hp_cli_parse_date     (const char    *option,
                                     const char    *text,
                                     char         **out_iso,
                                     GError       **error);

/* The item named @name (by hp_item_name_key()); an all-digit @name that is
 * no item's name is taken as an item ID. */
HpItem       *hp_cli_find_item      (HpCli         *cli,
                                     const char    *name,
                                     GError       **error);

/* Prints @object as JSON with --json, else @message. */
void          hp_cli_print_object   (HpCli         *cli,
                                     GObject       *object,
                                     const char    *message);

/* ------------------------------------------------------------------------ */
/* Commands and their actions                                                */

typedef gboolean (*HpCliRunFunc) (HpCli    *cli,
                                  int       argc,
                                  char    **argv,
                                  GError  **error);

/**
 * HpCliAction:
 * @name: the action word, e.g. "list"
 * @run: runs it; its argv[0] is the action word
 * @synopsis: (translatable): its arguments, e.g. "NAME --year YEAR"
 */
typedef struct
{
  const char   *name;
  HpCliRunFunc  run;
  const char   *synopsis;
} HpCliAction;

/* Runs the action that argv[1] names. "--help", "-h" and "help" print the
 * command's actions; no action or an unknown one is a usage error. */
gboolean      hp_cli_run_action     (HpCli             *cli,
                                     const char        *command,
                                     const char        *summary,
                                     const HpCliAction *actions,
                                     guint              n_actions,
                                     int                argc,
                                     char             **argv,
                                     GError           **error);

/* The help of a command: its summary and actions. */
void          hp_cli_print_actions_help (const char        *command,
                                         const char        *summary,
                                         const HpCliAction *actions,
                                         guint              n_actions);

/* TRUE if @arg asks for help: "--help", "-h", "-?" or "help". */
gboolean      hp_cli_is_help        (const char        *arg);

G_END_DECLS
