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
  GObject         *(*lookup)   (Cli *cli, const char *key, GError **error);
  gboolean         (*add)      (Cli *cli, GObject *object, gboolean per_campaign, GError **error);
  gboolean         (*update)   (Cli *cli, GObject *object, gboolean per_campaign, GError **error);
  gboolean         (*remove)   (Cli *cli, GObject *object, GError **error);
  const char        *key_name;  /* "ID" or "NUMBER" */
} Entity;

const Entity *hp_cli_find_entity (const char *name);

HpStore      *cli_get_store      (Cli        *cli,
                                  gboolean    writes,
                                  GError    **error);
HpCampaign   *cli_get_campaign   (Cli        *cli,
                                  gboolean    required,
                                  GError    **error);
gint64        cli_campaign_id    (Cli        *cli);

G_END_DECLS
