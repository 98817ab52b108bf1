/* hp-cli-goods.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goods of a campaign as they come in: heimpack-cli pledge (what a
 * sponsor promised of a gift: one pledge per gift and campaign, set or
 * replaced) and receipt (the bookings of deliveries, "Wareneingang"). A
 * booking without a pledge books on an unconfirmed pledge of 0, as the core
 * does.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

static HpProduct *
get_product (HpCli       *cli,
             const char  *text,
             GError     **error)
{
  gint64 id = 0;

  if (!hp_cli_parse_id ("product", text, &id, error))
    return NULL;

  return hp_store_get_product (cli->store, id, error);
}

/* a count for people, grouped the language's way: 2,000 or 2.000 */
static char *
count_cell (gint64 value)
{
  return hp_format_count (value);
}

/* an ID as it is typed back: never grouped */
static char *
id_cell (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* ------------------------------------------------------------------------ */
/* pledge                                                                    */

static const HpCliColumn pledge_columns[] = {
  { NULL, N_("ID"),        HP_CLI_CELL_NUMBER },
  /* Translators: the ID of the sponsor's gift (product) */
  { NULL, N_("Product"),   HP_CLI_CELL_NUMBER },
  { NULL, N_("Item"),      HP_CLI_CELL_TEXT },
  { NULL, N_("Sponsor"),   HP_CLI_CELL_TEXT },
  { NULL, N_("Pledged"),   HP_CLI_CELL_COUNT },
  { NULL, N_("Received"),  HP_CLI_CELL_COUNT },
  { NULL, N_("Due"),       HP_CLI_CELL_DATE },
  { NULL, N_("Confirmed"), HP_CLI_CELL_TEXT },
};

static void
json_pledge (HpCliJson  *json,
             HpPledge   *pledge,
             HpProduct  *product)
{
  hp_cli_json_begin_object (json, NULL);
  hp_cli_json_int (json, "id", hp_pledge_get_id (pledge));
  hp_cli_json_int (json, "campaign_id", hp_pledge_get_campaign_id (pledge));
  hp_cli_json_int (json, "product_id", hp_pledge_get_product_id (pledge));
  hp_cli_json_int (json, "item_id", hp_product_get_item_id (product));
  hp_cli_json_string (json, "item", hp_product_get_name (product));
  hp_cli_json_int (json, "sponsor_id", hp_product_get_sponsor_id (product));
  hp_cli_json_string (json, "sponsor", hp_product_get_sponsor_name (product));
  hp_cli_json_int (json, "quantity", hp_pledge_get_quantity (pledge));
  hp_cli_json_int (json, "received", hp_pledge_get_received (pledge));
  hp_cli_json_string (json, "due_date", hp_pledge_get_due_date (pledge));
  hp_cli_json_bool (json, "confirmed", hp_pledge_get_confirmed (pledge));
  hp_cli_json_end (json);
}

static gboolean
run_pledge_list (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(GListModel) pledges = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GHashTable) by_product = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  HpCliJson json;
  gint64 campaign;
  guint n_rows = 0;

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("The pledges of the campaign, by item and sponsor."),
                             none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  pledges = hp_store_list_pledges (cli->store, campaign, error);
  if (pledges == NULL)
    return FALSE;
  products = hp_store_list_products (cli->store, campaign, 0, error);
  if (products == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (pledges); i++)
    {
      HpPledge *pledge = g_list_model_get_item (pledges, i);

      g_hash_table_insert (by_product, g_memdup2 (&(gint64) { hp_pledge_get_product_id (pledge) }, sizeof (gint64)),
                           pledge);
    }

  hp_cli_json_init (&json, stdout);
  if (cli->json)
    hp_cli_json_begin_array (&json, NULL);

  /* In the order of the products: by item, then sponsor */
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(HpProduct) product = g_list_model_get_item (products, i);
      gint64 product_id = hp_product_get_id (product);
      HpPledge *pledge = g_hash_table_lookup (by_product, &product_id);

      if (pledge == NULL)
        continue;

      if (cli->json)
        {
          json_pledge (&json, pledge, product);
          continue;
        }

      g_ptr_array_add (cells, id_cell (hp_pledge_get_id (pledge)));
      g_ptr_array_add (cells, id_cell (product_id));
      g_ptr_array_add (cells, g_strdup (hp_product_get_name (product)));
      g_ptr_array_add (cells, g_strdup (hp_product_get_sponsor_name (product)));
      g_ptr_array_add (cells, count_cell (hp_pledge_get_quantity (pledge)));
      g_ptr_array_add (cells, count_cell (hp_pledge_get_received (pledge)));
      g_ptr_array_add (cells, hp_format_date (hp_pledge_get_due_date (pledge)));
      g_ptr_array_add (cells, g_strdup (hp_pledge_get_confirmed (pledge) ? "✓" : _("requested")));
      n_rows++;
    }

  if (cli->json)
    hp_cli_json_end (&json);
  else
    hp_cli_print_cells (stdout, pledge_columns, G_N_ELEMENTS (pledge_columns),
                        (char * const *) cells->pdata, n_rows);
  return TRUE;
}

static gboolean
run_pledge_set (HpCli    *cli,
                int       argc,
                char    **argv,
                GError  **error)
{
  g_autofree char *product_text = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *due = NULL;
  gboolean confirmed = FALSE;
  gboolean unconfirmed = FALSE;
  gint64 quantity = 0;
  gint64 campaign;
  g_autoptr(HpProduct) product = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pieces = NULL;
  g_autofree char *message = NULL;
  gboolean ok;
  GOptionEntry entries[] = {
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_text, N_("The sponsor’s gift (product ID)"), N_("ID") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity_text, N_("Pieces pledged"), N_("N") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text, N_("Delivery promised by"), N_("DATE") },
    { "confirmed", 0, 0, G_OPTION_ARG_NONE, &confirmed, N_("The sponsor confirmed it (the default)"), NULL },
    { "unconfirmed", 0, 0, G_OPTION_ARG_NONE, &unconfirmed, N_("Only requested, not yet confirmed"), NULL },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Sets the pledge of a gift in the campaign: makes it, or replaces the one there is "
                               "(the deliveries booked on it stay)."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  if (product_text == NULL)
    return hp_cli_usage_error (error, _("Missing --product."));
  if (quantity_text == NULL)
    return hp_cli_usage_error (error, _("Missing --quantity."));
  if (confirmed && unconfirmed)
    return hp_cli_usage_error (error, _("--confirmed and --unconfirmed exclude each other."));

  if (!hp_cli_parse_count ("quantity", quantity_text, 0, G_MAXINT64, &quantity, error) ||
      (due_text != NULL && !hp_cli_parse_date ("due", due_text, &due, error)) ||
      hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  product = get_product (cli, product_text, error);
  if (product == NULL)
    return FALSE;

  pledge = hp_store_find_pledge (cli->store, campaign, hp_product_get_id (product), &local_error);
  if (pledge == NULL && !g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Creates or replaces: what is not given is not kept from the old one
   * (no due date, confirmed), only the deliveries booked on it stay. */
  if (pledge == NULL)
    {
      pledge = hp_pledge_new (campaign, hp_product_get_id (product), quantity);
      hp_pledge_set_confirmed (pledge, !unconfirmed);
      hp_pledge_set_due_date (pledge, due);
      ok = hp_store_add_pledge (cli->store, pledge, error);
    }
  else
    {
      hp_pledge_set_quantity (pledge, quantity);
      hp_pledge_set_due_date (pledge, due);
      hp_pledge_set_confirmed (pledge, !unconfirmed);
      ok = hp_store_update_pledge (cli->store, pledge, error);
    }

  if (!ok)
    return FALSE;

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      json_pledge (&json, pledge, product);
      return TRUE;
    }

  pieces = hp_format_count (hp_pledge_get_quantity (pledge));
  /* Translators: a sponsor, the pieces (the form follows them), a product */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s pledges %s piece of “%s”.",
                                          "%s pledges %s pieces of “%s”.",
                                          (gulong) MIN (hp_pledge_get_quantity (pledge), G_MAXLONG)),
                             hp_product_get_sponsor_name (product), pieces, hp_product_get_name (product));
  printf ("%s\n", message);
  return TRUE;
}

static gboolean
run_pledge_remove (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  g_autofree char *product_text = NULL;
  g_autoptr(HpProduct) product = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  gint64 campaign;
  GOptionEntry entries[] = {
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_text, N_("The sponsor’s gift (product ID)"), N_("ID") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Removes the pledge of a gift in the campaign (not while deliveries are booked on it)."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  if (product_text == NULL)
    return hp_cli_usage_error (error, _("Missing --product."));

  if (hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  product = get_product (cli, product_text, error);
  if (product == NULL)
    return FALSE;

  pledge = hp_store_find_pledge (cli->store, campaign, hp_product_get_id (product), error);
  if (pledge == NULL || !hp_store_remove_pledge (cli->store, hp_pledge_get_id (pledge), error))
    return FALSE;

  if (cli->json)
    printf ("{\"removed\":true}\n");
  else
    printf (_("The pledge of %s for “%s” was removed.\n"),
            hp_product_get_sponsor_name (product), hp_product_get_name (product));
  return TRUE;
}

static const HpCliAction pledge_actions[] = {
  { "list",   run_pledge_list,   NULL },
  { "set",    run_pledge_set,    N_("--product ID --quantity N [--due DATE] [--confirmed|--unconfirmed]") },
  { "remove", run_pledge_remove, N_("--product ID") },
};

gboolean
hp_cli_run_pledge (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  return hp_cli_run_action (cli, "pledge",
                            N_("What sponsors promised: one pledge per gift (product) and campaign."),
                            pledge_actions, G_N_ELEMENTS (pledge_actions), argc, argv, error);
}

/* ------------------------------------------------------------------------ */
/* receipt                                                                   */

static const HpCliColumn receipt_columns[] = {
  { NULL, N_("ID"),       HP_CLI_CELL_NUMBER },
  { NULL, N_("Date"),     HP_CLI_CELL_DATE },
  { NULL, N_("Item"),     HP_CLI_CELL_TEXT },
  { NULL, N_("Sponsor"),  HP_CLI_CELL_TEXT },
  /* Translators: the ID of the sponsor's gift (product) */
  { NULL, N_("Product"),  HP_CLI_CELL_NUMBER },
  { NULL, N_("Pieces"),   HP_CLI_CELL_COUNT },
  { NULL, N_("Note"),     HP_CLI_CELL_TEXT },
};

static void
json_receipt (HpCliJson *json,
              HpReceipt *receipt)
{
  hp_cli_json_begin_object (json, NULL);
  hp_cli_json_int (json, "id", hp_receipt_get_id (receipt));
  hp_cli_json_int (json, "campaign_id", hp_receipt_get_campaign_id (receipt));
  hp_cli_json_int (json, "pledge_id", hp_receipt_get_pledge_id (receipt));
  hp_cli_json_int (json, "product_id", hp_receipt_get_product_id (receipt));
  hp_cli_json_string (json, "item", hp_receipt_get_item_name (receipt));
  hp_cli_json_string (json, "sponsor", hp_receipt_get_sponsor_name (receipt));
  hp_cli_json_int (json, "quantity", hp_receipt_get_quantity (receipt));
  hp_cli_json_string (json, "date", hp_receipt_get_date (receipt));
  hp_cli_json_string (json, "note", hp_receipt_get_note (receipt));
  hp_cli_json_end (json);
}

static void
print_receipt (HpCli      *cli,
               HpReceipt  *receipt,
               const char *message)
{
  HpCliJson json;

  if (!cli->json)
    {
      printf ("%s\n", message);
      return;
    }

  hp_cli_json_init (&json, stdout);
  json_receipt (&json, receipt);
}

static char *
describe_receipt (HpReceipt *receipt)
{
  g_autofree char *date = hp_format_date (hp_receipt_get_date (receipt));
  gint64 quantity = hp_receipt_get_quantity (receipt);
  g_autofree char *pieces = hp_format_count (quantity);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s piece of “%s” from %s on %s",
                                       "%s pieces of “%s” from %s on %s",
                                       (gulong) MIN (quantity, G_MAXLONG)),
                          pieces, hp_receipt_get_item_name (receipt), hp_receipt_get_sponsor_name (receipt), date);
}

static gboolean
run_receipt_list (HpCli    *cli,
                  int       argc,
                  char    **argv,
                  GError  **error)
{
  g_autofree char *product_text = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gint64 product_id = 0;
  gint64 campaign;
  guint n;
  GOptionEntry entries[] = {
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_text, N_("Only the bookings of this gift (product ID)"), N_("ID") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL, _("The bookings of deliveries in the campaign."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      (product_text != NULL && !hp_cli_parse_id ("product", product_text, &product_id, error)) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  receipts = hp_store_list_campaign_receipts (cli->store, campaign, product_id, error);
  if (receipts == NULL)
    return FALSE;

  n = g_list_model_get_n_items (receipts);
  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_array (&json, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HpReceipt) receipt = g_list_model_get_item (receipts, i);

          json_receipt (&json, receipt);
        }
      hp_cli_json_end (&json);
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HpReceipt) receipt = g_list_model_get_item (receipts, i);
      const char *note = hp_receipt_get_note (receipt);

      g_ptr_array_add (cells, id_cell (hp_receipt_get_id (receipt)));
      g_ptr_array_add (cells, hp_format_date (hp_receipt_get_date (receipt)));
      g_ptr_array_add (cells, g_strdup (hp_receipt_get_item_name (receipt)));
      g_ptr_array_add (cells, g_strdup (hp_receipt_get_sponsor_name (receipt)));
      g_ptr_array_add (cells, id_cell (hp_receipt_get_product_id (receipt)));
      g_ptr_array_add (cells, count_cell (hp_receipt_get_quantity (receipt)));
      g_ptr_array_add (cells, g_strdup (note ? note : ""));
    }

  hp_cli_print_cells (stdout, receipt_columns, G_N_ELEMENTS (receipt_columns), (char * const *) cells->pdata, n);
  return TRUE;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
run_receipt_add (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
{
  g_autofree char *product_text = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(HpProduct) product = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  gint64 quantity = 0;
  gint64 campaign;
  GOptionEntry entries[] = {
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_text, N_("The sponsor’s gift delivered (product ID)"), N_("ID") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity_text, N_("Pieces delivered"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Delivery date (default: today)"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note, e.g. the delivery note number"), N_("TEXT") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("Books a delivery of a gift in the campaign; without a pledge it is booked on an "
                               "unconfirmed pledge of 0."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error))
    return FALSE;

  if (product_text == NULL)
    return hp_cli_usage_error (error, _("Missing --product."));
  if (quantity_text == NULL)
    return hp_cli_usage_error (error, _("Missing --quantity."));

  if (!hp_cli_parse_count ("quantity", quantity_text, 1, G_MAXINT64, &quantity, error))
    return FALSE;
  if (date_text != NULL && *date_text != '\0')
    {
      if (!hp_cli_parse_date ("date", date_text, &date, error))
        return FALSE;
    }
  else
    date = today ();

  if (hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  product = get_product (cli, product_text, error);
  if (product == NULL)
    return FALSE;

  receipt = hp_store_book_receipt (cli->store, campaign, hp_product_get_id (product), date, quantity,
                                   note != NULL && *note != '\0' ? note : NULL, error);
  if (receipt == NULL)
    return FALSE;

  description = describe_receipt (receipt);
  /* Translators: "Booked 20 pieces of “Apfelschorle” from Mosterei Ohm on 01.04.2027 (booking 7)." */
  message = g_strdup_printf (_("Booked %s (booking %lld)."), description, (long long) hp_receipt_get_id (receipt));
  print_receipt (cli, receipt, message);
  return TRUE;
}

static gboolean
run_receipt_edit (HpCli    *cli,
                  int       argc,
                  char    **argv,
                  GError  **error)
{
  g_autofree char *product_text = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(HpReceipt) receipt = NULL;
  g_autoptr(HpReceipt) saved = NULL;
  gint64 id = 0;
  gint64 quantity = 0;
  gint64 product_id = 0;
  GOptionEntry entries[] = {
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity_text, N_("Pieces delivered"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Delivery date"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note (\"\" clears it)"), N_("TEXT") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &product_text, N_("Book it on this gift instead (product ID)"), N_("ID") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("ID"),
                             _("Corrects a booking; what is not given stays as it was."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the booking’s ID"), error) ||
      !hp_cli_parse_id ("ID", argv[1], &id, error) ||
      (quantity_text != NULL && !hp_cli_parse_count ("quantity", quantity_text, 1, G_MAXINT64, &quantity, error)) ||
      (date_text != NULL && !hp_cli_parse_date ("date", date_text, &date, error)) ||
      (product_text != NULL && !hp_cli_parse_id ("product", product_text, &product_id, error)) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  receipt = hp_store_get_receipt (cli->store, id, error);
  if (receipt == NULL)
    return FALSE;

  if (quantity_text != NULL)
    hp_receipt_set_quantity (receipt, quantity);
  if (date_text != NULL)
    hp_receipt_set_date (receipt, date);
  if (note != NULL)
    hp_receipt_set_note (receipt, *note != '\0' ? note : NULL);
  if (product_id != 0)
    {
      /* The gift must exist; the store makes its pledge if need be. */
      g_autoptr(HpProduct) product = hp_store_get_product (cli->store, product_id, error);

      if (product == NULL)
        return FALSE;
      hp_receipt_set_product_id (receipt, product_id);
    }

  if (!hp_store_update_receipt (cli->store, receipt, error))
    return FALSE;

  /* With the gift it is booked on now */
  saved = hp_store_get_receipt (cli->store, id, error);
  if (saved == NULL)
    return FALSE;

  description = describe_receipt (saved);
  /* Translators: "Booking 7 saved: 5 pieces of “Apfelschorle” from Mosterei Ohm on 01.04.2027." */
  message = g_strdup_printf (_("Booking %lld saved: %s."), (long long) id, description);
  print_receipt (cli, saved, message);
  return TRUE;
}

static gboolean
run_receipt_remove (HpCli    *cli,
                    int       argc,
                    char    **argv,
                    GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpReceipt) receipt = NULL;
  g_autofree char *description = NULL;
  gint64 id = 0;

  if (!hp_cli_parse_options (&argc, &argv, _("ID"), _("Removes a booking."), none, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the booking’s ID"), error) ||
      !hp_cli_parse_id ("ID", argv[1], &id, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  receipt = hp_store_get_receipt (cli->store, id, error);
  if (receipt == NULL || !hp_store_remove_receipt (cli->store, id, error))
    return FALSE;

  if (cli->json)
    {
      printf ("{\"removed\":true}\n");
      return TRUE;
    }

  description = describe_receipt (receipt);
  /* Translators: "Booking 7 removed: 5 pieces of “Apfelschorle” from Mosterei Ohm on 01.04.2027." */
  printf (_("Booking %lld removed: %s.\n"), (long long) id, description);
  return TRUE;
}

static const HpCliAction receipt_actions[] = {
  { "list",   run_receipt_list,   N_("[--product ID]") },
  { "add",    run_receipt_add,    N_("--product ID --quantity N [--date DATE] [--note TEXT]") },
  { "edit",   run_receipt_edit,   N_("ID [--quantity N] [--date DATE] [--note TEXT] [--product ID]") },
  { "remove", run_receipt_remove, N_("ID") },
};

gboolean
hp_cli_run_receipt (HpCli    *cli,
                    int       argc,
                    char    **argv,
                    GError  **error)
{
  return hp_cli_run_action (cli, "receipt",
                            N_("The bookings of deliveries received (Wareneingang) in the campaign."),
                            receipt_actions, G_N_ELEMENTS (receipt_actions), argc, argv, error);
}
