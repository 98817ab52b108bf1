/* hp-cli-records.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * list/add/edit/remove for the record kinds of hp-cli-entities.c: options
 * built from each kind's fields, values parsed (dates, money, counts) and set
 * as properties, and the store called, all or nothing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hp-cli-private.h"

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
apply_field (HpCli       *cli,
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
          return invalid_value (field, text, _("a date (YYYY-MM-DD or DD.MM.YYYY)"), error);
        g_object_set (object, field->property, iso, NULL);
        return TRUE;
      }

    case FIELD_DATETIME:
      {
        g_autofree char *iso = *text ? parse_datetime (text) : NULL;

        if (*text && iso == NULL)
          return invalid_value (field, text, _("a date and time (YYYY-MM-DD HH:MM)"), error);
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
apply_fields (HpCli       *cli,
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
          return hp_cli_usage_error (error, message);
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

/* Adds or updates a record and what goes beside it, all or nothing. */
static gboolean
save_record (HpCli          *cli,
             const Entity   *entity,
             gboolean      (*save) (HpStore *store, gpointer object, GError **error),
             GObject        *object,
             gboolean        per_campaign,
             GError        **error)
{
  if (!hp_store_begin (cli->store, error))
    return FALSE;

  if (!save (cli->store, object, error) ||
      (entity->save_extra != NULL && !entity->save_extra (cli, object, per_campaign, error)))
    {
      hp_store_rollback (cli->store);
      return FALSE;
    }

  return hp_store_commit (cli->store, error);
}

/* The record as the store has it now, with what it fills in (a product's
 * item name and sponsor, a school's campaign figures), for printing. */
static GObject *
reread (HpCli         *cli,
        const Entity  *entity,
        GObject       *object,
        GError       **error)
{
  g_autofree char *key = NULL;

  if (entity->key_property != NULL)
    g_object_get (object, entity->key_property, &key, NULL);
  else
    {
      gint64 id = 0;

      g_object_get (object, "id", &id, NULL);
      key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }

  return hp_cli_lookup (cli, entity, key, error);
}

/* "sponsor --help": the actions with their arguments. */
static void
print_entity_help (const Entity *entity)
{
  g_autofree char *list = entity->list_filter_option
                            ? g_strdup_printf ("[--%s VALUE]", entity->list_filter_option) : g_strdup ("");
  g_autofree char *edit = g_strdup_printf (_("%s [--FIELD VALUE]…"), entity->key_name);
  const HpCliAction actions[] = {
    { "list",   NULL, list },
    { "add",    NULL, N_("--FIELD VALUE…") },
    { "edit",   NULL, edit },
    { "remove", NULL, entity->key_name },
  };

  hp_cli_print_actions_help (entity->name, entity->summary, actions, G_N_ELEMENTS (actions));
}

gboolean
hp_cli_run_entity (HpCli         *cli,
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

  hp_cli_set_help_topic (cli, entity->name, NULL);

  if (verb == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Missing action: %s list|add|edit|remove."), entity->name);
      return hp_cli_usage_error (error, message);
    }

  if (hp_cli_is_help (verb))
    {
      print_entity_help (entity);
      return TRUE;
    }

  if (!g_str_equal (verb, "list") && !g_str_equal (verb, "add") && !g_str_equal (verb, "edit") &&
      !g_str_equal (verb, "remove"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s”: use list, add, edit or remove."), verb);
      return hp_cli_usage_error (error, message);
    }

  hp_cli_set_help_topic (cli, entity->name, verb);
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

      if (!hp_cli_parse_options (&argc, &argv, NULL, NULL,
                                 entity->list_filter_option ? list_entries : &list_entries[1], error) ||
          !hp_cli_expect_args (argc, argv, 1, "", error) ||
          hp_cli_get_store (cli, FALSE, error) == NULL)
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


  if (g_str_equal (verb, "remove"))
    {
      g_autoptr(GObject) object = NULL;
      GOptionEntry none[] = { { NULL } };

      parameter = g_strdup (entity->key_name);
      if (!hp_cli_parse_options (&argc, &argv, parameter, NULL, none, error) ||
          !hp_cli_expect_args (argc, argv, 2, entity->key_name, error) ||
          hp_cli_get_store (cli, TRUE, error) == NULL)
        return FALSE;

      object = hp_cli_lookup (cli, entity, argv[1], error);
      if (object == NULL)
        return FALSE;

      {
        gint64 id = 0;

        g_object_get (object, "id", &id, NULL);
        if (!entity->remove (cli->store, id, error))
          return FALSE;
      }

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

      if (!hp_cli_parse_options (&argc, &argv, NULL, NULL, entries, error) ||
          !hp_cli_expect_args (argc, argv, 1, "", error))
        goto out;

      /* Check the required options before touching the file. */
      for (guint i = 0; i < entity->n_fields; i++)
        if (entity->fields[i].required && values[i].text == NULL && !values[i].flag_on)
          {
            g_autofree char *missing = g_strdup_printf (_("Missing --%s."), entity->fields[i].option);
            hp_cli_usage_error (error, missing);
            goto out;
          }

      if (hp_cli_get_store (cli, TRUE, error) == NULL ||
          !apply_fields (cli, entity, object, values, TRUE, &per_campaign, error) ||
          (entity->prepare != NULL && !entity->prepare (cli, object, error)) ||
          !save_record (cli, entity, entity->add, object, per_campaign, error))
        goto out;

      {
        gint64 id = 0;

        g_object_get (object, "id", &id, NULL);
        message = g_strdup_printf (_("%s with ID %lld added."), _(entity->label), (long long) id);
      }

      if (cli->json)
        {
          g_autoptr(GObject) saved = reread (cli, entity, object, error);

          if (saved == NULL)
            goto out;
          hp_cli_print_object (cli, saved, message);
        }
      else
        hp_cli_print_object (cli, object, message);
      ok = TRUE;
    }
  else
    {
      g_autoptr(GObject) object = NULL;
      g_autofree char *message = NULL;
      gboolean per_campaign = FALSE;

      parameter = g_strdup (entity->key_name);
      if (!hp_cli_parse_options (&argc, &argv, parameter, NULL, entries, error) ||
          !hp_cli_expect_args (argc, argv, 2, entity->key_name, error) ||
          hp_cli_get_store (cli, TRUE, error) == NULL)
        goto out;

      object = hp_cli_lookup (cli, entity, argv[1], error);
      if (object == NULL ||
          !apply_fields (cli, entity, object, values, FALSE, &per_campaign, error) ||
          !save_record (cli, entity, entity->update, object, per_campaign, error))
        goto out;

      message = g_strdup_printf (_("%s %s saved."), _(entity->label), argv[1]);
      if (cli->json)
        {
          g_autoptr(GObject) saved = reread (cli, entity, object, error);

          if (saved == NULL)
            goto out;
          hp_cli_print_object (cli, saved, message);
        }
      else
        hp_cli_print_object (cli, object, message);
      ok = TRUE;
    }

out:
  for (guint i = 0; i < entity->n_fields; i++)
    g_free (values[i].text);
  return ok;
}
