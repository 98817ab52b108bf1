/* hp-cli-agency.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli agency show | set: the agency at the top of the delivery
 * sheets, stored in the file (hp_store_get_agency()). `export
 * --agency-name` and its siblings still override it for one export.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

/* The fields in print order: property, label (printed padded). */
static const struct
{
  const char *property;
  const char *label;
} fields[] = {
  /* Translators: labels of `heimpack-cli agency show`, padded to one width */
  { "name",     N_("Name") },
  { "street",   N_("Street") },
  { "postcode", N_("Postcode") },
  { "town",     N_("Town") },
  { "phone",    N_("Phone") },
  { "email",    N_("E-mail") },
};

static void
print_agency (HpCli    *cli,
              HpAgency *agency)
{
  glong width = 0;

  if (cli->json)
    {
      hp_cli_print_json_object (stdout, G_OBJECT (agency));
      fputc ('\n', stdout);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    width = MAX (width, g_utf8_strlen (_(fields[i].label), -1));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;
      const char *label = _(fields[i].label);

      g_object_get (agency, fields[i].property, &value, NULL);
      /* padded by characters, not bytes: "Straße" */
      if (value != NULL)
        printf ("%s%*s  %s\n", label, (int) (width - g_utf8_strlen (label, -1)), "", value);
      else
        printf ("%s\n", label);
    }

  if (hp_agency_is_empty (agency))
    printf ("\n%s\n", _("No agency is stored in this file yet: “heimpack-cli agency set --name …” stores it."));
}

static gboolean
run_show (HpCli    *cli,
          int       argc,
          char    **argv,
          GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpAgency) agency = NULL;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Shows the agency printed at the top of the delivery sheets, as the file "
                               "holds it."), none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  agency = hp_store_get_agency (cli->store, error);
  if (agency == NULL)
    return FALSE;

  print_agency (cli, agency);
  return TRUE;
}

static gboolean
run_set (HpCli    *cli,
         int       argc,
         char    **argv,
         GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *town = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  const char *values[G_N_ELEMENTS (fields)];
  g_autoptr(HpAgency) agency = NULL;
  gboolean any = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The agency’s name"), N_("TEXT") },
    { "street", 0, 0, G_OPTION_ARG_STRING, &street, N_("Street and number"), N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &postcode, N_("Postcode"), N_("TEXT") },
    { "town", 0, 0, G_OPTION_ARG_STRING, &town, N_("Town"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), N_("ADDRESS") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Stores the agency printed at the top of the delivery sheets in the file. "
                               "Fields not given stay as they are; \"\" clears one."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  {
    const char *given[] = { name, street, postcode, town, phone, email };

    G_STATIC_ASSERT (G_N_ELEMENTS (given) == G_N_ELEMENTS (fields));
    memcpy (values, given, sizeof values);
  }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    any |= values[i] != NULL;
  if (!any)
    return hp_cli_usage_error (error, _("Give at least one of --name, --street, --postcode, --town, --phone "
                                        "and --email."));

  if (hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  agency = hp_store_get_agency (cli->store, error);
  if (agency == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (values[i] != NULL)
      g_object_set (agency, fields[i].property, values[i], NULL);

  if (!hp_store_set_agency (cli->store, agency, error))
    return FALSE;

  /* what the file holds now (trimmed) */
  g_clear_object (&agency);
  agency = hp_store_get_agency (cli->store, error);
  if (agency == NULL)
    return FALSE;

  print_agency (cli, agency);
  return TRUE;
}

static const HpCliAction actions[] = {
  { "show", run_show, NULL },
  { "set",  run_set,  N_("[--name TEXT] [--street TEXT] [--postcode TEXT] [--town TEXT] [--phone TEXT] "
                         "[--email ADDRESS]") },
};

gboolean
hp_cli_run_agency (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  return hp_cli_run_action (cli, "agency",
                            N_("The agency printed at the top of the delivery sheets is stored in the "
                               "database, so that everyone who opens the file prints the same header."),
                            actions, G_N_ELEMENTS (actions), argc, argv, error);
}
