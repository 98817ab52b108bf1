/* hp-cli-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands of heimpack-cli, for the dispatch table in heimpack-cli.c,
 * and the record kinds (Entity) that hp-cli-entities.c describes and
 * hp-cli-records.c runs list/add/edit/remove on.
 */
#pragma once

#include <heimpack/heimpack.h>

#include "hp-cli-context.h"
#include "hp-cli-output.h"

G_BEGIN_DECLS

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
  const char        *summary;   /* N_() what the command is about */
  const Field       *fields;
  guint              n_fields;
  const HpCliColumn *columns;
  guint              n_columns;
  GType            (*get_type) (void);
  GListModel      *(*list)     (HpCli *cli, const char *filter, GError **error);
  const char        *list_filter_option;
  const char        *list_filter_description;
  /* The store's own calls, cast to take any object. */
  gpointer         (*get)      (HpStore *store, gint64 id, GError **error);
  gboolean         (*add)      (HpStore *store, gpointer object, GError **error);
  gboolean         (*update)   (HpStore *store, gpointer object, GError **error);
  gboolean         (*remove)   (HpStore *store, gint64 id, GError **error);
  /* Optional: find a record by something else than its ID (schools by number) */
  GObject         *(*lookup)   (HpCli *cli, const char *key, GError **error);
  /* Optional: fill in what the options don't (a graduate's campaign) */
  gboolean         (*prepare)  (HpCli *cli, GObject *object, GError **error);
  /* Optional: store what goes beside the record, in its transaction */
  gboolean         (*save_extra) (HpCli *cli, GObject *object, gboolean per_campaign, GError **error);
  const char        *key_name;  /* "ID" or "NUMBER" */
  const char        *key_property; /* the property that @lookup finds by, or NULL */
} Entity;

/* hp-cli-entities.c */
extern const Entity hp_cli_sponsor_entity;
extern const Entity hp_cli_product_entity;
extern const Entity hp_cli_school_entity;
extern const Entity hp_cli_graduate_entity;

GObject      *hp_cli_lookup        (HpCli         *cli,
                                    const Entity  *entity,
                                    const char    *key,
                                    GError       **error);

/* hp-cli-records.c: list|add|edit|remove of @entity */
gboolean      hp_cli_run_entity    (HpCli         *cli,
                                    const Entity  *entity,
                                    int            argc,
                                    char         **argv,
                                    GError       **error);

/* The commands: argv[0] is the command word. */
gboolean      hp_cli_run_sponsor   (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_product   (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_school    (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_graduate  (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-campaign.c */
gboolean      hp_cli_run_campaign  (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-stats.c */
gboolean      hp_cli_run_demo      (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_stats     (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-goods.c */
gboolean      hp_cli_run_pledge    (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_receipt   (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-handover.c */
gboolean      hp_cli_run_handover  (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-items.c */
gboolean      hp_cli_run_item      (HpCli *cli, int argc, char **argv, GError **error);
gboolean      hp_cli_run_recipe    (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-import.c */
gboolean      hp_cli_run_import    (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-export.c */
gboolean      hp_cli_run_export    (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-agency.c */
gboolean      hp_cli_run_agency    (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-backup.c */
gboolean      hp_cli_run_backup    (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-plan.c */
gboolean      hp_cli_run_plan      (HpCli *cli, int argc, char **argv, GError **error);
/* hp-cli-purge.c */
gboolean      hp_cli_run_purge     (HpCli *cli, int argc, char **argv, GError **error);

G_END_DECLS
