/* hp-cli-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What heimpack-cli.c and hp-cli-entities.c share.
 */
#pragma once

#include <heimpack/heimpack.h>

#include "hp-cli-output.h"

G_BEGIN_DECLS

typedef struct
{
  /* Global options */
  char       *db_path;
  char       *campaign_name;
  gboolean    json;

  /* Owned, opened on first use */
  HpStore    *store;
  HpCampaign *campaign;
} Cli;

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_DATETIME,
  FIELD_MONEY,
  FIELD_COUNT,
  FIELD_ID,
  FIELD_FLAG,
  FIELD_SCHOOL_NUMBER,
} FieldKind;

typedef struct
{
  const char *option;
  const char *property;
  FieldKind   kind;
  gboolean    required;
  gboolean    per_campaign;   /* stored with the campaign (schools) */
  const char *description;
  const char *arg_description;
} Field;

typedef struct
{
  const char        *name;
  const char        *plural;
  const char        *label;     /* N_() noun for messages, e.g. "School" */
  const Field       *fields;
  guint              n_fields;
  const HpCliColumn *columns;
  guint              n_columns;
  GType            (*get_type) (void);
  GListModel      *(*list)     (Cli *cli, const char *filter, GError **error);
  const char        *list_filter_option;
  const char        *list_filter_description;
  /* The store's own calls, cast to take any object. */
  gpointer         (*get)      (HpStore *store, gint64 id, GError **error);
  gboolean         (*add)      (HpStore *store, gpointer object, GError **error);
  gboolean         (*update)   (HpStore *store, gpointer object, GError **error);
  gboolean         (*remove)   (HpStore *store, gint64 id, GError **error);
  /* Optional: find a record by something else than its ID (schools by number) */
  GObject         *(*lookup)   (Cli *cli, const char *key, GError **error);
  /* Optional: fill in what the options don't (a graduate's campaign) */
  gboolean         (*prepare)  (Cli *cli, GObject *object, GError **error);
  /* Optional: store what goes beside the record, in its transaction */
  gboolean         (*save_extra) (Cli *cli, GObject *object, gboolean per_campaign, GError **error);
  const char        *key_name;  /* "ID" or "NUMBER" */
} Entity;

/* Errors of the command line itself: they exit with 2. */
#define HP_CLI_USAGE_ERROR (hp_cli_usage_error_quark ())
GQuark        hp_cli_usage_error_quark (void);

gboolean      hp_cli_usage_error   (GError       **error,
                                    const char    *message);
gboolean      hp_cli_parse_options (int           *argc,
                                    char        ***argv,
                                    const char    *parameter,
                                    const char    *summary,
                                    GOptionEntry  *entries,
                                    GError       **error);
gboolean      hp_cli_expect_args   (int            argc,
                                    int            wanted,
                                    const char    *what,
                                    GError       **error);
void          hp_cli_print_object  (Cli           *cli,
                                    GObject       *object,
                                    const char    *message);
gboolean      hp_cli_run_entity    (Cli           *cli,
                                    const Entity  *entity,
                                    int            argc,
                                    char         **argv,
                                    GError       **error);

const Entity *hp_cli_find_entity (const char *name);

/* hp-cli-import.c */
gboolean      hp_cli_run_import    (Cli           *cli,
                                    int            argc,
                                    char         **argv,
                                    GError       **error);
GObject      *hp_cli_lookup      (Cli           *cli,
                                  const Entity  *entity,
                                  const char    *key,
                                  GError       **error);

HpStore      *cli_get_store      (Cli        *cli,
                                  gboolean    writes,
                                  GError    **error);
HpCampaign   *cli_get_campaign   (Cli        *cli,
                                  gboolean    required,
                                  GError    **error);
gint64        cli_campaign_id    (Cli        *cli);

/* hp-cli-export.c */
gboolean      hp_cli_run_export    (Cli           *cli,
                                    int            argc,
                                    char         **argv,
                                    GError       **error);

/* hp-cli-plan.c */
gboolean      hp_cli_run_plan      (Cli           *cli,
                                    int            argc,
                                    char         **argv,
                                    GError       **error);

G_END_DECLS
