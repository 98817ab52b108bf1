/* heimpack-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli: Heimpack without a window, for scripts, benchmarks and
 * people who like a terminal. Argument parsing and printing only: every
 * command calls the core.
 *
 * Exit status: 0 success; 1 failure, with one line on stderr; 2 usage error.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-cli-output.h"
#include "hp-cli-private.h"

#define EXIT_USAGE 2

/* Errors of the command line itself: they exit with 2. */
#define HP_CLI_USAGE_ERROR (hp_cli_usage_error_quark ())
static G_DEFINE_QUARK (hp-cli-usage-error-quark, hp_cli_usage_error)

static void
cli_clear (Cli *cli)
{
  g_clear_object (&cli->campaign);
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->campaign_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HP_CLI_USAGE_ERROR, 0, message);
  return FALSE;
}

/* Opens the store: read-only for commands that only read an existing file,
 * so that they work while the window has the file open. */
HpStore *
cli_get_store (Cli       *cli,
               gboolean   writes,
               GError   **error)
{
  if (cli->store != NULL)
    return cli->store;

  if (!writes && g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_READ_ONLY, &local_error);
      if (cli->store != NULL)
        return cli->store;

      /* An older file must be upgraded first, which needs write access. */
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  cli->store = hp_store_open (cli->db_path, HP_STORE_OPEN_DEFAULT, error);
  return cli->store;
}

/* The campaign that commands work on: --campaign, else the newest. NULL
 * without error when there is none and @required is FALSE. */
HpCampaign *
cli_get_campaign (Cli       *cli,
                  gboolean   required,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;

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

gint64
cli_campaign_id (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  HpCampaign *campaign = cli_get_campaign (cli, FALSE, &error);

  return campaign ? hp_campaign_get_id (campaign) : 0;
}

/* ------------------------------------------------------------------------ */
/* Option parsing                                                            */

static gboolean
parse_options (int           *argc,
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
    return usage_error (error, local_error->message);

  return TRUE;
}

static gboolean
expect_args (int          argc,
             int          wanted,
             const char  *what,
             GError     **error)
{
  g_autofree char *message = NULL;

  if (argc == wanted)
    return TRUE;

  message = argc < wanted ? g_strdup_printf (_("Missing %s."), what)
                          : g_strdup_printf (_("Unexpected argument “%s”."), "…");
  return usage_error (error, message);
}

/* ------------------------------------------------------------------------ */
/* Fields: command-line options that map onto model properties              */

typedef struct
{
  const Field *field;
  char        *text;          /* value of a valued option */
  gboolean     flag_on;
  gboolean     flag_off;
} FieldValue;

static char *
parse_datetime (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *date = NULL;

  if (hp_iso_datetime_is_valid (text))
    return g_strdup (text);

  /* "25.06.2027 10:30" or "25.06.2027" */
  parts = g_strsplit (text, " ", 2);
  date = hp_parse_date (parts[0]);
  if (date == NULL)
    return NULL;
  if (parts[1] == NULL)
    return g_steal_pointer (&date);

  {
    g_autofree char *iso = g_strdup_printf ("%sT%s", date, g_strstrip (parts[1]));
    return hp_iso_datetime_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
  }
}

static gboolean
invalid_value (const Field  *field,
               const char   *text,
               const char   *expected,
               GError      **error)
{
  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
               _("--%s: “%s” is not %s."), field->option, text, expected);
  return FALSE;
}

static gboolean
apply_field (Cli         *cli,
             GObject     *object,
             FieldValue  *fv,
             GError     **error)
{
  const Field *field = fv->field;
  const char *text = fv->text;

  switch (field->kind)
    {
    case FIELD_FLAG:
      if (fv->flag_on || fv->flag_off)
        g_object_set (object, field->property, fv->flag_on, NULL);
      return TRUE;

    case FIELD_TEXT:
      g_object_set (object, field->property, text, NULL);
      return TRUE;

    case FIELD_DATE:
      {
        g_autofree char *iso = *text ? hp_parse_date (text) : NULL;

        if (*text && iso == NULL)
          return invalid_value (field, text, _("a date (DD.MM.YYYY or YYYY-MM-DD)"), error);
        g_object_set (object, field->property, iso, NULL);
        return TRUE;
      }

    case FIELD_DATETIME:
      {
        g_autofree char *iso = *text ? parse_datetime (text) : NULL;

        if (*text && iso == NULL)
          return invalid_value (field, text, _("a date and time (DD.MM.YYYY HH:MM)"), error);
        g_object_set (object, field->property, iso, NULL);
        return TRUE;
      }

    case FIELD_MONEY:
      {
        gint64 cents = 0;

        if (!hp_parse_money (text, &cents))
          return invalid_value (field, text, _("an amount in euros, e.g. 3,99"), error);
        g_object_set (object, field->property, cents, NULL);
        return TRUE;
      }

    case FIELD_COUNT:
      {
        guint64 n = 0;

        if (*text == '\0')
          {
            g_object_set (object, field->property, HP_UNSET, NULL);
            return TRUE;
          }
        if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &n, NULL))
          return invalid_value (field, text, _("a whole number of 0 or more"), error);
        g_object_set (object, field->property, (int) n, NULL);
        return TRUE;
      }

    case FIELD_ID:
      {
        guint64 id = 0;

        if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
          return invalid_value (field, text, _("an ID (a whole number)"), error);
        g_object_set (object, field->property, (gint64) id, NULL);
        return TRUE;
      }

    case FIELD_SCHOOL_NUMBER:
      {
        g_autoptr(HpSchool) school = hp_store_find_school (cli->store, text, error);

        if (school == NULL)
          return FALSE;
        g_object_set (object, field->property, hp_school_get_id (school), NULL);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}


/* Builds the GOptionEntry table for an entity's fields. For add every field
 * is offered; flags get a --no-… twin for edit. */
static GOptionEntry *
build_entries (const Entity *entity,
               FieldValue   *values,
               GPtrArray    *strings)
{
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const Field *field = &entity->fields[i];
      GOptionEntry entry = { field->option, 0, 0, G_OPTION_ARG_STRING, &values[i].text,
                             field->description, field->arg_description };

      values[i].field = field;
      if (field->kind == FIELD_FLAG)
        {
          char *no_option = g_strconcat ("no-", field->option, NULL);
          GOptionEntry off = { no_option, 0, 0, G_OPTION_ARG_NONE, &values[i].flag_off,
                               N_("Clear this flag"), NULL };

          g_ptr_array_add (strings, no_option);
          entry.arg = G_OPTION_ARG_NONE;
          entry.arg_data = &values[i].flag_on;
          g_array_append_val (entries, entry);
          g_array_append_val (entries, off);
          continue;
        }
      g_array_append_val (entries, entry);
    }

  return (GOptionEntry *) g_array_free (entries, FALSE);
}

static gboolean
apply_fields (Cli         *cli,
              const Entity *entity,
              GObject     *object,
              FieldValue  *values,
              gboolean     adding,
              gboolean    *out_per_campaign,
              GError     **error)
{
  *out_per_campaign = FALSE;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      gboolean given = values[i].text != NULL || values[i].flag_on || values[i].flag_off;

      if (adding && entity->fields[i].required && !given)
        {
          g_autofree char *message = g_strdup_printf (_("Missing --%s."), entity->fields[i].option);
          return usage_error (error, message);
        }

      if (!given)
        continue;

      if (entity->fields[i].per_campaign)
        *out_per_campaign = TRUE;

      if (!apply_field (cli, object, &values[i], error))
        return FALSE;
    }

  return TRUE;
}

static void
print_object (Cli        *cli,
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

static gboolean
run_entity (Cli           *cli,
            const Entity  *entity,
            int            argc,
            char         **argv,
            GError       **error)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  g_autofree FieldValue *values = g_new0 (FieldValue, entity->n_fields);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *parameter = NULL;
  gboolean ok = FALSE;

  if (verb == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Missing action: %s list|add|edit|remove."), entity->name);
      return usage_error (error, message);
    }

  argc--;
  argv++;

  if (g_str_equal (verb, "list"))
    {
      char *filter = NULL;
      GOptionEntry list_entries[] = {
        { entity->list_filter_option, 0, 0, G_OPTION_ARG_STRING, &filter,
          entity->list_filter_description, NULL },
        { NULL }
      };
      g_autoptr(GListModel) items = NULL;

      if (!parse_options (&argc, &argv, NULL, NULL,
                          entity->list_filter_option ? list_entries : &list_entries[1], error) ||
          !expect_args (argc, 1, "", error) ||
          cli_get_store (cli, FALSE, error) == NULL)
        {
          g_free (filter);
          return FALSE;
        }

      items = entity->list (cli, filter, error);
      g_free (filter);
      if (items == NULL)
        return FALSE;

      if (cli->json)
        hp_cli_print_json_list (stdout, items);
      else
        hp_cli_print_table (stdout, items, entity->columns, entity->n_columns);
      return TRUE;
    }

  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "edit") && !g_str_equal (verb, "remove"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s”: use list, add, edit or remove."), verb);
      return usage_error (error, message);
    }

  if (g_str_equal (verb, "remove"))
    {
      g_autoptr(GObject) object = NULL;
      GOptionEntry none[] = { { NULL } };

      parameter = g_strdup (entity->key_name);
      if (!parse_options (&argc, &argv, parameter, NULL, none, error) ||
          !expect_args (argc, 2, entity->key_name, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      object = entity->lookup (cli, argv[1], error);
      if (object == NULL || !entity->remove (cli, object, error))
        return FALSE;

      if (!cli->json)
        printf (_("%s %s removed.\n"), _(entity->label), argv[1]);
      else
        printf ("{\"removed\":%s}\n", "true");
      return TRUE;
    }

  entries = build_entries (entity, values, strings);

  if (g_str_equal (verb, "add"))
    {
      g_autoptr(GObject) object = g_object_new (entity->get_type (), NULL);
      g_autofree char *message = NULL;
      gboolean per_campaign = FALSE;

      if (!parse_options (&argc, &argv, NULL, NULL, entries, error) ||
          !expect_args (argc, 1, "", error))
        goto out;

      /* Check the required options before touching the file. */
      for (guint i = 0; i < entity->n_fields; i++)
        if (entity->fields[i].required && values[i].text == NULL && !values[i].flag_on)
          {
            g_autofree char *missing = g_strdup_printf (_("Missing --%s."), entity->fields[i].option);
            usage_error (error, missing);
            goto out;
          }

      if (cli_get_store (cli, TRUE, error) == NULL ||
          !apply_fields (cli, entity, object, values, TRUE, &per_campaign, error) ||
          !entity->add (cli, object, per_campaign, error))
        goto out;

      {
        gint64 id = 0;

        g_object_get (object, "id", &id, NULL);
        message = g_strdup_printf (_("%s with ID %lld added."), _(entity->label), (long long) id);
      }
      print_object (cli, object, message);
      ok = TRUE;
    }
  else
    {
      g_autoptr(GObject) object = NULL;
      g_autofree char *message = NULL;
      gboolean per_campaign = FALSE;

      parameter = g_strdup (entity->key_name);
      if (!parse_options (&argc, &argv, parameter, NULL, entries, error) ||
          !expect_args (argc, 2, entity->key_name, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        goto out;

      object = entity->lookup (cli, argv[1], error);
      if (object == NULL ||
          !apply_fields (cli, entity, object, values, FALSE, &per_campaign, error) ||
          !entity->update (cli, object, per_campaign, error))
        goto out;

      message = g_strdup_printf (_("%s %s saved."), _(entity->label), argv[1]);
      print_object (cli, object, message);
      ok = TRUE;
    }

out:
  for (guint i = 0; i < entity->n_fields; i++)
    g_free (values[i].text);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* campaign, demo, stats                                                     */

static const HpCliColumn campaign_columns[] = {
  { "id",            N_("ID"),        HP_CELL_NUMBER },
  { "name",          N_("Campaign"),  HP_CELL_TEXT },
  { "year",          N_("Year"),      HP_CELL_NUMBER },
  { "handover-date", N_("Hand-over"), HP_CELL_DATE },
  { "spare-percent", N_("Spare %"),   HP_CELL_NUMBER },
};

static gboolean
parse_year (int          year,
            GError     **error)
{
  if (year == 0)
    return usage_error (error, _("Missing --year."));
  return TRUE;
}

static gboolean
run_campaign (Cli     *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  int year = 0;
  int spare = -1;
  g_autofree char *handover = NULL;
  g_autofree char *from = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  g_autofree char *message = NULL;

  if (verb == NULL)
    return usage_error (error, _("Missing action: campaign list|new|clone."));

  argc--;
  argv++;

  if (g_str_equal (verb, "list"))
    {
      GOptionEntry none[] = { { NULL } };
      g_autoptr(GListModel) campaigns = NULL;

      if (!parse_options (&argc, &argv, NULL, NULL, none, error) ||
          !expect_args (argc, 1, "", error) ||
          cli_get_store (cli, FALSE, error) == NULL)
        return FALSE;

      campaigns = hp_store_list_campaigns (cli->store, error);
      if (campaigns == NULL)
        return FALSE;

      if (cli->json)
        hp_cli_print_json_list (stdout, campaigns);
      else
        hp_cli_print_table (stdout, campaigns, campaign_columns, G_N_ELEMENTS (campaign_columns));
      return TRUE;
    }

  if (g_str_equal (verb, "new"))
    {
      GOptionEntry entries[] = {
        { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the campaign"), N_("YEAR") },
        { "handover-date", 0, 0, G_OPTION_ARG_STRING, &handover, N_("Default hand-over date"), N_("DATE") },
        { "spare-percent", 0, 0, G_OPTION_ARG_INT, &spare, N_("Spare packs in percent (default 5)"), N_("N") },
        { NULL }
      };

      if (!parse_options (&argc, &argv, _("NAME"), NULL, entries, error) ||
          !expect_args (argc, 2, _("the campaign name"), error) ||
          !parse_year (year, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      campaign = hp_campaign_new (argv[1], year);
      if (handover != NULL)
        {
          g_autofree char *iso = hp_parse_date (handover);

          if (iso == NULL)
            {
              g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("--handover-date: “%s” is not a date (DD.MM.YYYY or YYYY-MM-DD)."), handover);
              return FALSE;
            }
          hp_campaign_set_handover_date (campaign, iso);
        }
      if (spare >= 0)
        hp_campaign_set_spare_percent (campaign, spare);

      if (!hp_store_add_campaign (cli->store, campaign, error))
        return FALSE;
    }
  else if (g_str_equal (verb, "clone"))
    {
      g_autoptr(HpCampaign) source = NULL;
      GOptionEntry entries[] = {
        { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the new campaign"), N_("YEAR") },
        { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Campaign to copy (default: the newest)"), N_("NAME|ID") },
        { NULL }
      };

      if (!parse_options (&argc, &argv, _("NAME"), NULL, entries, error) ||
          !expect_args (argc, 2, _("the campaign name"), error) ||
          !parse_year (year, error) ||
          cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      source = from ? hp_store_find_campaign (cli->store, from, error)
                    : g_object_ref (cli_get_campaign (cli, TRUE, error));
      if (source == NULL)
        return FALSE;

      campaign = hp_store_clone_campaign (cli->store, hp_campaign_get_id (source), argv[1], year, error);
      if (campaign == NULL)
        return FALSE;
    }
  else
    {
      g_autofree char *unknown = g_strdup_printf (_("Unknown action “%s”: use list, new or clone."), verb);
      return usage_error (error, unknown);
    }

  message = g_strdup_printf (_("Campaign “%s” created (ID %lld)."),
                             hp_campaign_get_name (campaign), (long long) hp_campaign_get_id (campaign));
  print_object (cli, G_OBJECT (campaign), message);
  return TRUE;
}

static void
print_stats (Cli                *cli,
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

static gboolean
run_stats (Cli     *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  GOptionEntry none[] = { { NULL } };
  HpStoreStats stats;

  if (!parse_options (&argc, &argv, NULL, NULL, none, error) ||
      !expect_args (argc, 1, "", error) ||
      cli_get_store (cli, FALSE, error) == NULL ||
      !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  print_stats (cli, &stats);
  return TRUE;
}

static gboolean
run_demo (Cli     *cli,
          int      argc,
          char   **argv,
          GError **error)
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

  if (!parse_options (&argc, &argv, NULL, _("Fills an empty database with realistic made-up data."), entries, error) ||
      !expect_args (argc, 1, "", error))
    return FALSE;

  if (scale_name == NULL)
    scale_name = g_strdup ("district");

  if (!hp_demo_scale_from_string (scale_name, &scale))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown scale “%s”: use district, region or national."),
                                                  scale_name);
      return usage_error (error, message);
    }

  if (cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  campaign = hp_demo_fill (cli->store, scale, (guint32) seed, error);
  if (campaign == NULL || !hp_store_get_stats (cli->store, &stats, error))
    return FALSE;

  if (cli->json)
    print_stats (cli, &stats);
  else
    printf (_("Campaign “%s” created with %u schools, %u graduates, %u sponsors and %u products.\n"),
            hp_campaign_get_name (campaign), stats.schools, stats.graduates, stats.sponsors, stats.products);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* main                                                                      */

static const char usage_text[] =
  N_("Usage: heimpack-cli [--db FILE] [--json] [--campaign NAME|ID] COMMAND …\n"
     "\n"
     "Commands:\n"
     "  demo --scale district|region|national [--seed N]\n"
     "  stats\n"
     "  campaign list | new NAME --year YEAR | clone NAME --year YEAR [--from NAME|ID]\n"
     "  sponsor  list | add | edit ID | remove ID\n"
     "  product  list [--sponsor ID] | add | edit ID | remove ID\n"
     "  school   list | add | edit NUMBER | remove NUMBER\n"
     "  graduate list [--school NUMBER] | add | edit ID | remove ID\n"
     "\n"
     "“heimpack-cli COMMAND add --help” lists the fields of a record.\n"
     "The database defaults to %s.\n");

/* Takes the global options out of argv wherever they stand, so that both
 * "heimpack-cli --json stats" and "heimpack-cli stats --json" work. */
static gboolean
take_global_options (Cli     *cli,
                     int     *argc,
                     char   **argv,
                     GError **error)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *arg = argv[i];
      char **target = NULL;
      const char *value = NULL;

      if (g_str_equal (arg, "--json"))
        {
          cli->json = TRUE;
          continue;
        }

      if (g_str_equal (arg, "--db") || g_str_has_prefix (arg, "--db="))
        target = &cli->db_path;
      else if (g_str_equal (arg, "--campaign") || g_str_has_prefix (arg, "--campaign="))
        target = &cli->campaign_name;

      if (target == NULL)
        {
          argv[out++] = argv[i];
          continue;
        }

      if (strchr (arg, '=') != NULL)
        value = strchr (arg, '=') + 1;
      else if (i + 1 < *argc)
        value = argv[++i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("%s needs a value."), arg);
          return usage_error (error, message);
        }

      g_free (*target);
      *target = g_strdup (value);
    }

  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

static gboolean
run (Cli     *cli,
     int      argc,
     char   **argv,
     GError **error)
{
  const char *command;
  const Entity *entity;

  if (!take_global_options (cli, &argc, argv, error))
    return FALSE;

  if (cli->db_path == NULL)
    cli->db_path = hp_store_get_default_path ();

  command = argc > 1 ? argv[1] : NULL;
  if (command == NULL)
    return usage_error (error, _("Missing command."));

  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      printf (_(usage_text), cli->db_path);
      return TRUE;
    }

  if (g_str_equal (command, "--version"))
    {
      printf ("heimpack-cli %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  argc--;
  argv++;

  if (g_str_equal (command, "demo"))
    return run_demo (cli, argc, argv, error);
  if (g_str_equal (command, "stats"))
    return run_stats (cli, argc, argv, error);
  if (g_str_equal (command, "campaign") || g_str_equal (command, "campaigns"))
    return run_campaign (cli, argc, argv, error);

  entity = hp_cli_find_entity (command);
  if (entity != NULL)
    return run_entity (cli, entity, argc, argv, error);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), command);
    return usage_error (error, message);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Cli) cli = { 0 };
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (run (&cli, argc, argv, &error))
    return EXIT_SUCCESS;

  /* One line, always: scripts read the first line of stderr. */
  g_strdelimit (error->message, "\n", ' ');
  fprintf (stderr, "heimpack-cli: %s\n", error->message);

  if (error->domain == HP_CLI_USAGE_ERROR)
    {
      fprintf (stderr, "%s\n", _("Try “heimpack-cli --help”."));
      return EXIT_USAGE;
    }

  return EXIT_FAILURE;
}
