/* hp-cli-items.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items and the pack contents: heimpack-cli item list|edit|merge (the
 * things that go into the pack, whoever gives them; named by their name) and
 * recipe list|set|remove (how many pieces of an item go into the standard
 * and the under-18 pack of the campaign). "recipe set" makes an item that
 * nobody gives yet, since a pack may be planned before its sponsors are
 * found, and says so on stderr.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

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
/* item                                                                      */

static const HpCliColumn item_columns[] = {
  { "id",       N_("ID"),       HP_CLI_CELL_NUMBER },
  { "name",     N_("Item"),     HP_CLI_CELL_TEXT },
  { "adult-only", N_("18+"),    HP_CLI_CELL_FLAG },
  /* Translators: how many sponsors' gifts (products) of the item there are */
  { "gifts",    N_("Gifts"),    HP_CLI_CELL_COUNT },
  { "sponsors", N_("Sponsors"), HP_CLI_CELL_TEXT },
  { "in-pack",  N_("In pack"),  HP_CLI_CELL_FLAG },
};

static gboolean
run_item_list (HpCli    *cli,
               int       argc,
               char    **argv,
               GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(GListModel) items = NULL;
  gint64 campaign = 0;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("The items, with the sponsors giving them and whether they are in the campaign’s pack."),
                             none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      !hp_cli_get_campaign_id (cli, &campaign, error))
    return FALSE;

  items = hp_store_list_items (cli->store, campaign, error);
  if (items == NULL)
    return FALSE;

  if (cli->json)
    hp_cli_print_json_list (stdout, items);
  else
    hp_cli_print_table (stdout, items, item_columns, G_N_ELEMENTS (item_columns));
  return TRUE;
}

static gboolean
run_item_edit (HpCli    *cli,
               int       argc,
               char    **argv,
               GError  **error)
{
  g_autofree char *name = NULL;
  gboolean adult_only = FALSE;
  gboolean not_adult_only = FALSE;
  g_autoptr(HpItem) item = NULL;
  g_autofree char *message = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("TEXT") },
    { "adult-only", 0, 0, G_OPTION_ARG_NONE, &adult_only, N_("For adults only (18+): never in the under-18 pack"), NULL },
    { "no-adult-only", 0, 0, G_OPTION_ARG_NONE, &not_adult_only, N_("Not for adults only"), NULL },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("ITEM"),
                             _("Renames an item or sets its 18+ flag; its gifts and pack lines stay with it."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the item’s name"), error))
    return FALSE;

  if (adult_only && not_adult_only)
    return hp_cli_usage_error (error, _("--adult-only and --no-adult-only exclude each other."));

  if (hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  item = hp_cli_find_item (cli, argv[1], error);
  if (item == NULL)
    return FALSE;

  if (name != NULL)
    hp_item_set_name (item, name);
  if (adult_only || not_adult_only)
    hp_item_set_adult_only (item, adult_only);

  if (!hp_store_update_item (cli->store, item, error))
    return FALSE;

  message = g_strdup_printf (hp_item_get_adult_only (item) ? _("Item “%s” (18+) saved.") : _("Item “%s” saved."),
                             hp_item_get_name (item));
  hp_cli_print_object (cli, G_OBJECT (item), message);
  return TRUE;
}

static gboolean
run_item_merge (HpCli    *cli,
                int       argc,
                char    **argv,
                GError  **error)
{
  g_autofree char *into_name = NULL;
  g_autoptr(HpItem) from = NULL;
  g_autoptr(HpItem) into = NULL;
  g_autoptr(HpItem) merged = NULL;
  g_autofree char *message = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_STRING, &into_name, N_("The item that stays"), N_("ITEM") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("ITEM"),
                             _("Makes two items one (e.g. a misspelt one and the right one): the gifts and pack "
                               "lines of ITEM go to the item given with --into, and ITEM goes."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the item that goes"), error))
    return FALSE;

  if (into_name == NULL)
    return hp_cli_usage_error (error, _("Missing --into."));

  if (hp_cli_get_store (cli, TRUE, error) == NULL)
    return FALSE;

  from = hp_cli_find_item (cli, argv[1], error);
  if (from == NULL)
    return FALSE;
  into = hp_cli_find_item (cli, into_name, error);
  if (into == NULL)
    return FALSE;

  if (!hp_store_merge_items (cli->store, hp_item_get_id (from), hp_item_get_id (into), error))
    return FALSE;

  merged = hp_store_get_item (cli->store, hp_item_get_id (into), error);
  if (merged == NULL)
    return FALSE;

  message = g_strdup_printf (_("“%s” was merged into “%s”."), hp_item_get_name (from), hp_item_get_name (merged));
  hp_cli_print_object (cli, G_OBJECT (merged), message);
  return TRUE;
}

static const HpCliAction item_actions[] = {
  { "list",  run_item_list,  NULL },
  { "edit",  run_item_edit,  N_("ITEM [--name TEXT] [--adult-only|--no-adult-only]") },
  { "merge", run_item_merge, N_("ITEM --into ITEM") },
};

gboolean
hp_cli_run_item (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
{
  return hp_cli_run_action (cli, "item",
                            N_("The things that go into the pack, whoever gives them; ITEM is an item’s name. "
                               "“product add” makes an item, “recipe set” puts it into the pack."),
                            item_actions, G_N_ELEMENTS (item_actions), argc, argv, error);
}

/* ------------------------------------------------------------------------ */
/* recipe                                                                    */

static const HpCliColumn recipe_columns[] = {
  /* Translators: the place of an item in packing order */
  { NULL, N_("#"),            HP_CLI_CELL_NUMBER },
  { NULL, N_("Item"),         HP_CLI_CELL_TEXT },
  { NULL, N_("Per pack"),     HP_CLI_CELL_COUNT },
  { NULL, N_("Per U18 pack"), HP_CLI_CELL_COUNT },
  { NULL, N_("Received"),     HP_CLI_CELL_COUNT },
  { NULL, N_("Needed"),       HP_CLI_CELL_COUNT },
};

/* The pack contents in packing order with what was received and what all
 * needed packs take: the plan's items. */
static gboolean
run_recipe_list (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gint64 campaign;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("The pack contents in packing order: pieces per standard and per under-18 pack, "
                               "pieces received and pieces that all needed packs take."),
                             none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  input = hp_plan_input_load (cli->store, campaign, error);
  if (input == NULL)
    return FALSE;
  plan = hp_plan_compute (input);

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_array (&json, NULL);
      for (guint i = 0; i < input->n_items; i++)
        {
          hp_cli_json_begin_object (&json, NULL);
          hp_cli_json_int (&json, "position", i);
          hp_cli_json_int (&json, "item_id", input->items[i].item_id);
          hp_cli_json_string (&json, "item", input->items[i].name);
          hp_cli_json_int (&json, "per_standard", input->items[i].per_standard);
          hp_cli_json_int (&json, "per_under18", input->items[i].per_under18);
          hp_cli_json_int (&json, "pledged", plan->items[i].pledged);
          hp_cli_json_int (&json, "received", plan->items[i].received);
          hp_cli_json_int (&json, "needed", plan->items[i].needed);
          hp_cli_json_end (&json);
        }
      hp_cli_json_end (&json);
      return TRUE;
    }

  for (guint i = 0; i < input->n_items; i++)
    {
      g_ptr_array_add (cells, id_cell (i + 1));
      g_ptr_array_add (cells, g_strdup (input->items[i].name ? input->items[i].name : ""));
      g_ptr_array_add (cells, count_cell (input->items[i].per_standard));
      g_ptr_array_add (cells, count_cell (input->items[i].per_under18));
      g_ptr_array_add (cells, count_cell (plan->items[i].received));
      g_ptr_array_add (cells, count_cell (plan->items[i].needed));
    }

  hp_cli_print_cells (stdout, recipe_columns, G_N_ELEMENTS (recipe_columns),
                      (char * const *) cells->pdata, input->n_items);
  return TRUE;
}

/* The item's line in the campaign's pack contents, or NULL. */
static HpRecipeItem *
find_line (HpStore  *store,
           gint64    campaign,
           gint64    item_id,
           GError  **error)
{
  g_autoptr(GListModel) lines = hp_store_list_recipe (store, campaign, error);

  if (lines == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (lines, i);

      if (hp_recipe_item_get_item_id (line) == item_id)
        return g_steal_pointer (&line);
    }

  return NULL;
}

static void
print_line (HpCli        *cli,
            HpRecipeItem *line,
            const char   *item_name)
{
  guint per_standard = hp_recipe_item_get_per_standard (line);
  guint per_under18 = hp_recipe_item_get_per_under18 (line);

  if (cli->json)
    {
      HpCliJson json;

      hp_cli_json_init (&json, stdout);
      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_int (&json, "item_id", hp_recipe_item_get_item_id (line));
      hp_cli_json_string (&json, "item", item_name);
      hp_cli_json_int (&json, "per_standard", per_standard);
      hp_cli_json_int (&json, "per_under18", per_under18);
      if (per_standard == 0 && per_under18 == 0)
        hp_cli_json_null (&json, "position");
      else
        hp_cli_json_int (&json, "position", hp_recipe_item_get_position (line));
      hp_cli_json_end (&json);
      return;
    }

  if (per_standard == 0 && per_under18 == 0)
    printf (_("“%s” is not in the pack.\n"), item_name);
  else
    {
      g_autofree char *standard = hp_format_count (per_standard);
      g_autofree char *under18 = hp_format_count (per_under18);

      /* Translators: an item, then its pieces in a standard and in an under-18 pack */
      printf (_("Pack contents: “%s”, %s per standard pack, %s per under-18 pack.\n"),
              item_name, standard, under18);
    }
}

static gboolean
parse_per_pack (const char  *option,
                const char  *text,
                guint       *out_value,
                GError     **error)
{
  gint64 value = 0;

  if (text == NULL)
    return TRUE;
  if (!hp_cli_parse_count (option, text, 0, G_MAXINT, &value, error))
    return FALSE;

  *out_value = (guint) value;
  return TRUE;
}

static gboolean
run_recipe_set (HpCli    *cli,
                int       argc,
                char    **argv,
                GError  **error)
{
  g_autofree char *standard_text = NULL;
  g_autofree char *under18_text = NULL;
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpRecipeItem) current = NULL;
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(GError) local_error = NULL;
  guint per_standard = 0;
  guint per_under18 = 0;
  gboolean created = FALSE;
  gint64 campaign;
  GOptionEntry entries[] = {
    { "per-standard", 0, 0, G_OPTION_ARG_STRING, &standard_text, N_("Pieces in a standard pack"), N_("N") },
    { "per-under18", 0, 0, G_OPTION_ARG_STRING, &under18_text, N_("Pieces in an under-18 pack"), N_("N") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("ITEM"),
                             _("Sets how many pieces of an item go into each pack; a quantity not given stays as "
                               "it was (0 for an item new in the pack, which goes last). An item of that name is "
                               "made if there is none."),
                             entries, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the item’s name"), error))
    return FALSE;

  if (standard_text == NULL && under18_text == NULL)
    return hp_cli_usage_error (error, _("Missing --per-standard or --per-under18."));

  if (!parse_per_pack ("per-standard", standard_text, &per_standard, error) ||
      !parse_per_pack ("per-under18", under18_text, &per_under18, error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0 ||
      !hp_store_begin (cli->store, error))
    return FALSE;

  /* by name only: "recipe set 12" means an item called "12", not item 12 */
  item = hp_store_find_item (cli->store, argv[1], &local_error);
  if (item == NULL && g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      /* A pack may hold an item that nobody gives yet. */
      g_clear_error (&local_error);
      item = hp_item_new (argv[1]);
      created = TRUE;
      if (!hp_store_add_item (cli->store, item, &local_error))
        g_clear_object (&item);
    }
  if (item == NULL)
    goto fail;

  current = find_line (cli->store, campaign, hp_item_get_id (item), &local_error);
  if (local_error != NULL)
    goto fail;

  if (current != NULL)
    {
      if (standard_text == NULL)
        per_standard = hp_recipe_item_get_per_standard (current);
      if (under18_text == NULL)
        per_under18 = hp_recipe_item_get_per_under18 (current);
    }

  /* No position: an existing line keeps its place, a new one goes last. */
  line = hp_recipe_item_new (campaign, hp_item_get_id (item), per_standard, per_under18);
  if (!hp_store_set_recipe_item (cli->store, line, &local_error))
    goto fail;

  /* A failed commit has rolled back already. */
  if (!hp_store_commit (cli->store, error))
    return FALSE;

  if (created)
    fprintf (stderr, _("New item “%s”.\n"), hp_item_get_name (item));

  print_line (cli, line, hp_item_get_name (item));
  return TRUE;

fail:
  hp_store_rollback (cli->store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
run_recipe_remove (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 campaign;

  if (!hp_cli_parse_options (&argc, &argv, _("ITEM"), _("Takes an item out of the pack contents."), none, error) ||
      !hp_cli_expect_args (argc, argv, 2, _("the item’s name"), error) ||
      hp_cli_get_store (cli, TRUE, error) == NULL ||
      (campaign = hp_cli_require_campaign (cli, error)) == 0)
    return FALSE;

  item = hp_cli_find_item (cli, argv[1], error);
  if (item == NULL)
    return FALSE;

  line = find_line (cli->store, campaign, hp_item_get_id (item), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (line == NULL)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in the pack contents."), hp_item_get_name (item));
      return FALSE;
    }

  hp_recipe_item_set_per_standard (line, 0);
  hp_recipe_item_set_per_under18 (line, 0);
  if (!hp_store_set_recipe_item (cli->store, line, error))
    return FALSE;

  if (cli->json)
    printf ("{\"removed\":true}\n");
  else
    printf (_("“%s” was taken out of the pack contents.\n"), hp_item_get_name (item));
  return TRUE;
}

static const HpCliAction recipe_actions[] = {
  { "list",   run_recipe_list,   NULL },
  { "set",    run_recipe_set,    N_("ITEM [--per-standard N] [--per-under18 N]") },
  { "remove", run_recipe_remove, N_("ITEM") },
};

gboolean
hp_cli_run_recipe (HpCli    *cli,
                   int       argc,
                   char    **argv,
                   GError  **error)
{
  return hp_cli_run_action (cli, "recipe",
                            N_("The pack contents of the campaign: pieces of each item per standard pack and per "
                               "under-18 pack, in packing order. ITEM is an item’s name."),
                            recipe_actions, G_N_ELEMENTS (recipe_actions), argc, argv, error);
}
