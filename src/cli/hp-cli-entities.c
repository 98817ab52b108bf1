/* hp-cli-entities.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four record kinds of the CLI (sponsor, product, school, graduate): their
 * options, their table columns, and thin wrappers over the store, so that
 * hp-cli-records.c can run list/add/edit/remove the same way for each.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static gboolean
parse_key_id (const char  *key,
              gint64      *out_id,
              GError     **error)
{
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not an ID (a whole number)."), key);
      return FALSE;
    }

  *out_id = (gint64) id;
  return TRUE;
}

/* The campaign figures come with a list for the campaign the CLI works on. */
static gboolean
campaign_id (HpCli   *cli,
             gint64  *out_id,
             GError **error)
{
  return hp_cli_get_campaign_id (cli, out_id, error);
}

/* ------------------------------------------------------------------------ */
/* Sponsors                                                                  */

static const Field sponsor_fields[] = {
  { "name",    "name",    FIELD_TEXT, TRUE,  FALSE, N_("Company name"), N_("TEXT") },
  { "contact", "contact", FIELD_TEXT, FALSE, FALSE, N_("Contact person"), N_("TEXT") },
  { "phone",   "phone",   FIELD_TEXT, FALSE, FALSE, N_("Phone number"), N_("TEXT") },
  { "email",   "email",   FIELD_TEXT, FALSE, FALSE, N_("E-mail address"), N_("TEXT") },
  { "address", "address", FIELD_TEXT, FALSE, FALSE, N_("Postal address"), N_("TEXT") },
  { "notes",   "notes",   FIELD_TEXT, FALSE, FALSE, N_("Notes"), N_("TEXT") },
};

static const HpCliColumn sponsor_columns[] = {
  { "id",            N_("ID"),       HP_CLI_CELL_NUMBER },
  { "name",          N_("Company"),  HP_CLI_CELL_TEXT },
  { "contact",       N_("Contact"),  HP_CLI_CELL_TEXT },
  { "phone",         N_("Phone"),    HP_CLI_CELL_TEXT },
  { "product-count", N_("Products"), HP_CLI_CELL_COUNT },
  { "pledged",       N_("Pledged"),  HP_CLI_CELL_COUNT },
  { "received",      N_("Received"), HP_CLI_CELL_COUNT },
  { "value-cents",   N_("In-kind value"), HP_CLI_CELL_MONEY },
};

static GListModel *
list_sponsors (HpCli       *cli,
               const char  *filter,
               GError     **error)
{
  gint64 campaign = 0;

  if (!campaign_id (cli, &campaign, error))
    return NULL;

  return hp_store_list_sponsors (cli->store, campaign, error);
}

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

static const Field product_fields[] = {
  { "sponsor",     "sponsor-id",  FIELD_ID,    TRUE,  FALSE, N_("ID of the sponsor"), N_("ID") },
  { "name",        "name",        FIELD_TEXT,  TRUE,  FALSE, N_("The item given (made if new)"), N_("ITEM") },
  { "value",       "value-cents", FIELD_MONEY, FALSE, FALSE, N_("Value per piece in euros"), N_("AMOUNT") },
  { "adult-only",  "adult-only",  FIELD_FLAG,  FALSE, FALSE, N_("The item is for adults only (18+)"), NULL },
  { "best-before", "best-before", FIELD_DATE,  FALSE, FALSE, N_("Best-before date"), N_("DATE") },
  { "notes",       "notes",       FIELD_TEXT,  FALSE, FALSE, N_("Notes"), N_("TEXT") },
};

static const HpCliColumn product_columns[] = {
  { "id",           N_("ID"),          HP_CLI_CELL_NUMBER },
  { "name",         N_("Product"),     HP_CLI_CELL_TEXT },
  { "sponsor-name", N_("Sponsor"),     HP_CLI_CELL_TEXT },
  { "value-cents",  N_("Value"),       HP_CLI_CELL_MONEY },
  { "adult-only",   N_("18+"),         HP_CLI_CELL_FLAG },
  { "best-before",  N_("Best before"), HP_CLI_CELL_DATE },
  { "pledged",      N_("Pledged"),     HP_CLI_CELL_COUNT },
  { "received",     N_("Received"),    HP_CLI_CELL_COUNT },
  { "per-standard", N_("Per pack"),    HP_CLI_CELL_COUNT },
  { "per-under18",  N_("Per U18 pack"), HP_CLI_CELL_COUNT },
};

static GListModel *
list_products (HpCli       *cli,
               const char  *filter,
               GError     **error)
{
  gint64 sponsor_id = 0;
  gint64 campaign = 0;

  if ((filter != NULL && !parse_key_id (filter, &sponsor_id, error)) ||
      !campaign_id (cli, &campaign, error))
    return NULL;

  return hp_store_list_products (cli->store, campaign, sponsor_id, error);
}

/* A product with its figures in the campaign the CLI works on (pledged,
 * received, its item's pieces per pack), as "product list" shows them. */
static GObject *
lookup_product (HpCli       *cli,
                const char  *key,
                GError     **error)
{
  g_autoptr(HpProduct) product = NULL;
  g_autoptr(GListModel) gifts = NULL;
  gint64 id;
  gint64 campaign = 0;

  if (!parse_key_id (key, &id, error))
    return NULL;

  product = hp_store_get_product (cli->store, id, error);
  if (product == NULL || !campaign_id (cli, &campaign, error))
    return NULL;
  if (campaign == 0)
    return G_OBJECT (g_steal_pointer (&product));

  gifts = hp_store_list_products (cli->store, campaign, hp_product_get_sponsor_id (product), error);
  if (gifts == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (gifts); i++)
    {
      g_autoptr(HpProduct) gift = g_list_model_get_item (gifts, i);

      if (hp_product_get_id (gift) == id)
        return G_OBJECT (g_steal_pointer (&gift));
    }

  return G_OBJECT (g_steal_pointer (&product));
}

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

static const Field school_fields[] = {
  { "number",          "number",             FIELD_TEXT,     TRUE,  FALSE, N_("Official school number"), N_("NUMBER") },
  { "name",            "name",               FIELD_TEXT,     TRUE,  FALSE, N_("School name"), N_("TEXT") },
  { "street",          "street",             FIELD_TEXT,     FALSE, FALSE, N_("Street and house number"), N_("TEXT") },
  { "postcode",        "postcode",           FIELD_TEXT,     FALSE, FALSE, N_("Postcode"), N_("TEXT") },
  { "town",            "town",               FIELD_TEXT,     FALSE, FALSE, N_("Town"), N_("TEXT") },
  { "district-key",    "district-key",       FIELD_TEXT,     FALSE, FALSE, N_("Municipality key (Gemeindeschlüssel)"), N_("KEY") },
  { "school-form",     "school-form",        FIELD_TEXT,     FALSE, FALSE, N_("School form code"), N_("CODE") },
  { "contact-teacher", "contact-teacher",    FIELD_TEXT,     FALSE, FALSE, N_("Contact teacher"), N_("TEXT") },
  { "email",           "email",              FIELD_TEXT,     FALSE, FALSE, N_("E-mail address"), N_("TEXT") },
  { "phone",           "phone",              FIELD_TEXT,     FALSE, FALSE, N_("Phone number"), N_("TEXT") },
  { "expected",        "expected-graduates", FIELD_COUNT,    FALSE, TRUE,  N_("Expected graduates in the campaign"), N_("N") },
  { "under18",         "under18-expected",   FIELD_COUNT,    FALSE, TRUE,  N_("Under-18 packs, if known"), N_("N") },
  { "handover",        "handover",           FIELD_DATETIME, FALSE, TRUE,  N_("Hand-over date and time"), N_("\"YYYY-MM-DD HH:MM\"") },
  { "list-complete",   "list-complete",      FIELD_FLAG,     FALSE, TRUE,  N_("The school’s graduate list is complete"), NULL },
};

static const HpCliColumn school_columns[] = {
  { "id",                 N_("ID"),              HP_CLI_CELL_NUMBER },
  { "number",             N_("No."),             HP_CLI_CELL_TEXT },
  { "name",               N_("School"),          HP_CLI_CELL_TEXT },
  { "town",               N_("Town"),            HP_CLI_CELL_TEXT },
  { "contact-teacher",    N_("Contact teacher"), HP_CLI_CELL_TEXT },
  { "expected-graduates", N_("Expected"),        HP_CLI_CELL_COUNT_OR_UNSET },
  { "handover",           N_("Hand-over"),       HP_CLI_CELL_DATE },
  { "graduate-count",     N_("Graduates"),       HP_CLI_CELL_COUNT },
  { "list-complete",      N_("List complete"),   HP_CLI_CELL_FLAG },
};

static GListModel *
list_schools (HpCli       *cli,
              const char  *filter,
              GError     **error)
{
  gint64 campaign = 0;

  if (!campaign_id (cli, &campaign, error))
    return NULL;

  return hp_store_list_schools (cli->store, campaign, error);
}

/* Schools are addressed by their official number, and come with the current
 * campaign's figures so that editing one figure keeps the others. */
static GObject *
lookup_school (HpCli       *cli,
               const char  *key,
               GError     **error)
{
  g_autoptr(GListModel) schools = list_schools (cli, NULL, error);

  if (schools == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

      if (g_strcmp0 (hp_school_get_number (school), key) == 0)
        return G_OBJECT (g_steal_pointer (&school));
    }

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
               _("There is no school with the number %s."), key);
  return NULL;
}

static gboolean
save_school_campaign (HpCli     *cli,
                      GObject   *object,
                      gboolean   per_campaign,
                      GError   **error)
{
  HpCampaign *campaign;

  if (!per_campaign)
    return TRUE;

  campaign = hp_cli_get_campaign (cli, TRUE, error);
  return campaign != NULL &&
         hp_store_set_school_campaign (cli->store, hp_campaign_get_id (campaign), HP_SCHOOL (object), error);
}

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

static const Field graduate_fields[] = {
  { "school",         "school-id",      FIELD_SCHOOL_NUMBER, TRUE,  FALSE, N_("Number of the school"), N_("NUMBER") },
  { "last-name",      "last-name",      FIELD_TEXT,          FALSE, FALSE, N_("Last name"), N_("TEXT") },
  { "first-name",     "first-name",     FIELD_TEXT,          FALSE, FALSE, N_("First name"), N_("TEXT") },
  { "class",          "class-name",     FIELD_TEXT,          FALSE, FALSE, N_("Class or year, e.g. Q2"), N_("TEXT") },
  { "birth-date",     "birth-date",     FIELD_DATE,          FALSE, FALSE, N_("Date of birth"), N_("DATE") },
  { "consent-date",   "consent-date",   FIELD_DATE,          FALSE, FALSE, N_("Date of the consent to be contacted"), N_("DATE") },
  { "consent-source", "consent-source", FIELD_TEXT,          FALSE, FALSE, N_("Where the consent was given"), N_("TEXT") },
  { "email",          "email",          FIELD_TEXT,          FALSE, FALSE,
    N_("E-mail address for the returnee network (only with consent)"), N_("TEXT") },
  { "phone",          "phone",          FIELD_TEXT,          FALSE, FALSE,
    N_("Phone number for the returnee network (only with consent)"), N_("TEXT") },
  { "pack-received",  "pack-received",  FIELD_FLAG,          FALSE, FALSE, N_("The pack was handed over"), NULL },
};

static const HpCliColumn graduate_columns[] = {
  { "id",            N_("ID"),         HP_CLI_CELL_NUMBER },
  { "school-name",   N_("School"),     HP_CLI_CELL_TEXT },
  { "class-name",    N_("Class"),      HP_CLI_CELL_TEXT },
  { "last-name",     N_("Last name"),  HP_CLI_CELL_TEXT },
  { "first-name",    N_("First name"), HP_CLI_CELL_TEXT },
  { "birth-date",    N_("Born"),       HP_CLI_CELL_DATE },
  /* Translators: column of graduates under 18 on the hand-over day */
  { "under18",       N_("U18"),        HP_CLI_CELL_YES_NO_UNSET },
  { "consent-date",  N_("Consent"),    HP_CLI_CELL_DATE },
  { "email",         N_("E-mail"),     HP_CLI_CELL_TEXT },
  { "pack-received", N_("Pack"),       HP_CLI_CELL_FLAG },
};

static GListModel *
list_graduates (HpCli       *cli,
                const char  *filter,
                GError     **error)
{
  HpCampaign *campaign = hp_cli_get_campaign (cli, TRUE, error);
  gint64 school_id = 0;

  if (campaign == NULL)
    return NULL;

  if (filter != NULL)
    {
      g_autoptr(HpSchool) school = hp_store_find_school (cli->store, filter, error);

      if (school == NULL)
        return NULL;
      school_id = hp_school_get_id (school);
    }

  return hp_store_list_graduates (cli->store, hp_campaign_get_id (campaign), school_id, error);
}

/* New graduates belong to the campaign the CLI works on. */
static gboolean
prepare_graduate (HpCli    *cli,
                  GObject  *object,
                  GError  **error)
{
  HpCampaign *campaign;

  if (hp_graduate_get_campaign_id (HP_GRADUATE (object)) != 0)
    return TRUE;

  campaign = hp_cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  hp_graduate_set_campaign_id (HP_GRADUATE (object), hp_campaign_get_id (campaign));
  return TRUE;
}

/* ------------------------------------------------------------------------ */

#define STORE_CALLS(kind) \
  (gpointer (*) (HpStore *, gint64, GError **)) hp_store_get_##kind, \
  (gboolean (*) (HpStore *, gpointer, GError **)) hp_store_add_##kind, \
  (gboolean (*) (HpStore *, gpointer, GError **)) hp_store_update_##kind, \
  hp_store_remove_##kind

const Entity hp_cli_sponsor_entity = {
  "sponsor", "sponsors", N_("Sponsor"), N_("The companies that give the items."),
  sponsor_fields, G_N_ELEMENTS (sponsor_fields), sponsor_columns, G_N_ELEMENTS (sponsor_columns),
  hp_sponsor_get_type, list_sponsors, NULL, NULL,
  STORE_CALLS (sponsor), NULL, NULL, NULL, "ID", NULL
};

const Entity hp_cli_product_entity = {
  "product", "products", N_("Product"),
  N_("Each sponsor’s gift of an item: “product add --sponsor ID --name ITEM” makes the item if it is new."),
  product_fields, G_N_ELEMENTS (product_fields), product_columns, G_N_ELEMENTS (product_columns),
  hp_product_get_type, list_products, "sponsor", N_("Only the products of this sponsor (ID)"),
  STORE_CALLS (product), lookup_product, NULL, NULL, "ID", NULL
};

const Entity hp_cli_school_entity = {
  "school", "schools", N_("School"),
  N_("The schools, by their official number, with their figures in the campaign."),
  school_fields, G_N_ELEMENTS (school_fields), school_columns, G_N_ELEMENTS (school_columns),
  hp_school_get_type, list_schools, NULL, NULL,
  STORE_CALLS (school), lookup_school, NULL, save_school_campaign, "NUMBER", "number"
};

const Entity hp_cli_graduate_entity = {
  "graduate", "graduates", N_("Graduate"), N_("The school leavers of the campaign."),
  graduate_fields, G_N_ELEMENTS (graduate_fields), graduate_columns, G_N_ELEMENTS (graduate_columns),
  hp_graduate_get_type, list_graduates, "school", N_("Only the graduates of this school (number)"),
  STORE_CALLS (graduate), NULL, prepare_graduate, NULL, "ID", NULL
};

gboolean
hp_cli_run_sponsor (HpCli    *cli,
                    int       argc,
                    char    **argv,
                    GError  **error)
{
  return hp_cli_run_entity (cli, &hp_cli_sponsor_entity, argc, argv, error);
}

gboolean
hp_cli_run_product (HpCli    *cli,
                    int       argc,
                    char    **argv,
                    GError  **error)
{
  return hp_cli_run_entity (cli, &hp_cli_product_entity, argc, argv, error);
}

gboolean
hp_cli_run_school (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  return hp_cli_run_entity (cli, &hp_cli_school_entity, argc, argv, error);
}

gboolean
hp_cli_run_graduate (HpCli    *cli,
                     int       argc,
                     char    **argv,
                     GError  **error)
{
  return hp_cli_run_entity (cli, &hp_cli_graduate_entity, argc, argv, error);
}

/* The record @key names: by ID, or by the entity's own lookup. */
GObject *
hp_cli_lookup (HpCli         *cli,
               const Entity  *entity,
               const char    *key,
               GError       **error)
{
  gint64 id;

  if (entity->lookup != NULL)
    return entity->lookup (cli, key, error);

  if (!parse_key_id (key, &id, error))
    return NULL;

  return entity->get (cli->store, id, error);
}
