/* hp-cli-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli plan: the plan of the campaign (hp_plan_input_load() and
 * hp_plan_compute()) as a headline, an item table, a per-school table and
 * what to chase from which sponsor; or, with --json, all of it as one
 * object. The chase list is the core's (plan->chase), only grouped here by
 * sponsor for printing.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

/* What to chase from one sponsor: indices into plan->chase. */
typedef struct
{
  const HpPlanGift *gift;    /* the sponsor's first gift in the list */
  gint64            pieces;
  GArray           *lines;   /* guint */
} Chase;

static void
chase_free (gpointer data)
{
  Chase *chase = data;

  g_array_unref (chase->lines);
  g_free (chase);
}

/* The input's gifts come sorted by sponsor in telephone-book order
 * (HP_NAME, as every list), a sponsor's gifts together: their order is the
 * sponsors' order. */
static int
compare_chases (gconstpointer a,
                gconstpointer b)
{
  const Chase *x = *(const Chase * const *) a;
  const Chase *y = *(const Chase * const *) b;

  return x->gift < y->gift ? -1 : (x->gift > y->gift ? 1 : 0);
}

/* The core's chase list grouped by sponsor, sponsors by name, each with its
 * lines in the core's order (packing order). */
static GPtrArray *
group_chase_by_sponsor (const HpPlanInput *input,
                        const HpPlan      *plan)
{
  g_autoptr(GPtrArray) chases = g_ptr_array_new_with_free_func (chase_free);
  g_autoptr(GHashTable) by_sponsor = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint c = 0; c < plan->n_chase; c++)
    {
      const HpPlanGift *gift = &input->gifts[plan->chase[c].gift];
      Chase *chase = g_hash_table_lookup (by_sponsor, &gift->sponsor_id);

      if (chase == NULL)
        {
          chase = g_new0 (Chase, 1);
          chase->gift = gift;
          chase->lines = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (chases, chase);
          g_hash_table_insert (by_sponsor, (gpointer) &gift->sponsor_id, chase);
        }

      chase->pieces += plan->chase[c].quantity;
      g_array_append_val (chase->lines, c);
    }

  g_ptr_array_sort (chases, compare_chases);
  return g_steal_pointer (&chases);
}

static gint64
gift_outstanding (const HpPlanGift *gift)
{
  return MAX (0, gift->pledged - gift->received);
}

/* One sponsor's gifts of one item together (a sponsor may give an item
 * twice, e.g. after two items were merged). */
typedef struct
{
  const HpPlanGift *gift;          /* the first */
  GArray           *product_ids;   /* gint64 */
  gint64            pledged;
  gint64            received;
  gint64            outstanding;
} ItemSponsor;

static void
item_sponsor_clear (gpointer data)
{
  ItemSponsor *sponsor = data;

  g_array_unref (sponsor->product_ids);
}

/* The sponsors giving item @item_id, in the order of the gifts (by sponsor
 * name); with @open_only only those that still owe some of it. */
static GArray *
collect_item_sponsors (const HpPlanInput *input,
                       gint64             item_id,
                       gboolean           open_only)
{
  GArray *sponsors = g_array_new (FALSE, TRUE, sizeof (ItemSponsor));

  g_array_set_clear_func (sponsors, item_sponsor_clear);

  for (guint g = 0; g < input->n_gifts; g++)
    {
      const HpPlanGift *gift = &input->gifts[g];
      ItemSponsor *sponsor = NULL;

      if (gift->item_id != item_id || (open_only && gift_outstanding (gift) == 0))
        continue;

      for (guint k = 0; k < sponsors->len && sponsor == NULL; k++)
        if (g_array_index (sponsors, ItemSponsor, k).gift->sponsor_id == gift->sponsor_id)
          sponsor = &g_array_index (sponsors, ItemSponsor, k);

      if (sponsor == NULL)
        {
          ItemSponsor added = { gift, g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0, 0 };

          g_array_append_val (sponsors, added);
          sponsor = &g_array_index (sponsors, ItemSponsor, sponsors->len - 1);
        }

      g_array_append_val (sponsor->product_ids, gift->product_id);
      sponsor->pledged += gift->pledged;
      sponsor->received += gift->received;
      sponsor->outstanding += gift_outstanding (gift);
    }

  return sponsors;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                      */

static void
json_totals (HpCliJson  *json,
             const char *key,
             guint       standard,
             guint       under18)
{
  hp_cli_json_begin_object (json, key);
  hp_cli_json_int (json, "standard", standard);
  hp_cli_json_int (json, "under18", under18);
  hp_cli_json_int (json, "total", (gint64) standard + under18);
  hp_cli_json_end (json);
}

/* "sponsors": [NAME, …], the sponsors by name, and under @detail_key the
 * same with their figures: [{sponsor_id, sponsor, product_ids, pledged,
 * received, outstanding}, …] */
static void
json_item_sponsors (HpCliJson         *json,
                    const HpPlanInput *input,
                    gint64             item_id,
                    gboolean           open_only,
                    const char        *detail_key)
{
  g_autoptr(GArray) sponsors = collect_item_sponsors (input, item_id, open_only);

  hp_cli_json_begin_array (json, "sponsors");
  for (guint k = 0; k < sponsors->len; k++)
    hp_cli_json_string (json, NULL, g_array_index (sponsors, ItemSponsor, k).gift->sponsor_name);
  hp_cli_json_end (json);

  hp_cli_json_begin_array (json, detail_key);
  for (guint k = 0; k < sponsors->len; k++)
    {
      const ItemSponsor *sponsor = &g_array_index (sponsors, ItemSponsor, k);

      hp_cli_json_begin_object (json, NULL);
      hp_cli_json_int (json, "sponsor_id", sponsor->gift->sponsor_id);
      hp_cli_json_string (json, "sponsor", sponsor->gift->sponsor_name);
      hp_cli_json_begin_array (json, "product_ids");
      for (guint p = 0; p < sponsor->product_ids->len; p++)
        hp_cli_json_int (json, NULL, g_array_index (sponsor->product_ids, gint64, p));
      hp_cli_json_end (json);
      hp_cli_json_int (json, "pledged", sponsor->pledged);
      hp_cli_json_int (json, "received", sponsor->received);
      hp_cli_json_int (json, "outstanding", sponsor->outstanding);
      hp_cli_json_end (json);
    }
  hp_cli_json_end (json);
}

static void
print_json (HpCampaign        *campaign,
            const HpPlanInput *input,
            const HpPlan      *plan,
            GPtrArray         *chases)
{
  HpCliJson json;

  hp_cli_json_init (&json, stdout);
  hp_cli_json_begin_object (&json, NULL);

  hp_cli_json_begin_object (&json, "campaign");
  hp_cli_json_int (&json, "id", hp_campaign_get_id (campaign));
  hp_cli_json_string (&json, "name", hp_campaign_get_name (campaign));
  hp_cli_json_end (&json);
  hp_cli_json_int (&json, "spare_percent", plan->spare_percent);
  json_totals (&json, "needed", plan->needed_standard, plan->needed_under18);
  json_totals (&json, "buildable", plan->buildable_standard, plan->buildable_under18);
  json_totals (&json, "delivered", plan->delivered_standard, plan->delivered_under18);
  json_totals (&json, "handed_out", plan->handed_out_standard, plan->handed_out_under18);

  /* The item that limits the packs, and who could still deliver it */
  if (plan->bottleneck_item_id == 0)
    hp_cli_json_null (&json, "bottleneck");
  else
    {
      const HpPlanItem *item = &input->items[plan->bottleneck_item];

      hp_cli_json_begin_object (&json, "bottleneck");
      hp_cli_json_int (&json, "item_id", item->item_id);
      hp_cli_json_string (&json, "item", item->name);
      json_item_sponsors (&json, input, item->item_id, TRUE, "open_pledges");
      hp_cli_json_end (&json);
    }

  hp_cli_json_begin_array (&json, "items");
  for (guint i = 0; i < plan->n_items; i++)
    {
      const HpPlanItem *in = &input->items[i];
      const HpPlanItemResult *r = &plan->items[i];

      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_int (&json, "item_id", in->item_id);
      hp_cli_json_string (&json, "item", in->name);
      hp_cli_json_int (&json, "per_standard", in->per_standard);
      hp_cli_json_int (&json, "per_under18", in->per_under18);
      hp_cli_json_int (&json, "needed", r->needed);
      hp_cli_json_int (&json, "pledged", r->pledged);
      hp_cli_json_int (&json, "received", r->received);
      hp_cli_json_int (&json, "outstanding", r->outstanding);
      hp_cli_json_int (&json, "shortfall", r->shortfall);
      hp_cli_json_int (&json, "to_chase", r->to_chase);
      hp_cli_json_int (&json, "unpledged", r->unpledged);
      hp_cli_json_int (&json, "used", r->used);
      json_item_sponsors (&json, input, in->item_id, FALSE, "gifts");
      hp_cli_json_end (&json);
    }
  hp_cli_json_end (&json);

  hp_cli_json_begin_array (&json, "schools");
  for (guint i = 0; i < plan->n_schools; i++)
    {
      const HpPlanSchool *in = &input->schools[i];
      const HpPlanSchoolResult *r = &plan->schools[i];

      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_int (&json, "school_id", in->school_id);
      hp_cli_json_string (&json, "number", in->number);
      hp_cli_json_string (&json, "name", in->name);
      hp_cli_json_string (&json, "source", hp_plan_source_to_string (r->source));
      hp_cli_json_int (&json, "graduates", r->graduates);
      hp_cli_json_int (&json, "listed", in->graduates);
      hp_cli_json_optional_int (&json, "expected", in->expected);
      hp_cli_json_bool (&json, "list_complete", in->list_complete);
      hp_cli_json_int (&json, "needed_standard", r->needed_standard);
      hp_cli_json_int (&json, "needed_under18", r->needed_under18);
      hp_cli_json_int (&json, "needed", (gint64) r->needed_standard + r->needed_under18);
      hp_cli_json_int (&json, "allocated_standard", r->allocated_standard);
      hp_cli_json_int (&json, "allocated_under18", r->allocated_under18);
      hp_cli_json_int (&json, "allocated", (gint64) r->allocated_standard + r->allocated_under18);
      hp_cli_json_int (&json, "delivered_standard", r->delivered_standard);
      hp_cli_json_int (&json, "delivered_under18", r->delivered_under18);
      hp_cli_json_int (&json, "delivered", (gint64) r->delivered_standard + r->delivered_under18);
      hp_cli_json_int (&json, "handed_out", r->handed_out);
      hp_cli_json_end (&json);
    }
  hp_cli_json_end (&json);

  /* One entry per sponsor, from the core's chase list */
  hp_cli_json_begin_array (&json, "to_chase");
  for (guint c = 0; c < chases->len; c++)
    {
      const Chase *chase = g_ptr_array_index (chases, c);

      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_int (&json, "sponsor_id", chase->gift->sponsor_id);
      hp_cli_json_string (&json, "sponsor", chase->gift->sponsor_name);
      hp_cli_json_string (&json, "phone", chase->gift->sponsor_phone);
      hp_cli_json_string (&json, "email", chase->gift->sponsor_email);
      hp_cli_json_int (&json, "pieces", chase->pieces);
      hp_cli_json_begin_array (&json, "products");
      for (guint k = 0; k < chase->lines->len; k++)
        {
          const HpPlanChase *line = &plan->chase[g_array_index (chase->lines, guint, k)];
          const HpPlanItem *item = &input->items[line->item];

          hp_cli_json_begin_object (&json, NULL);
          hp_cli_json_int (&json, "product_id", input->gifts[line->gift].product_id);
          hp_cli_json_string (&json, "product", item->name);
          hp_cli_json_int (&json, "item_id", item->item_id);
          hp_cli_json_string (&json, "item", item->name);
          hp_cli_json_int (&json, "pieces", line->quantity);
          hp_cli_json_end (&json);
        }
      hp_cli_json_end (&json);
      hp_cli_json_end (&json);
    }
  hp_cli_json_end (&json);

  /* What no pledge covers */
  hp_cli_json_begin_array (&json, "unpledged");
  for (guint i = 0; i < plan->n_items; i++)
    {
      if (plan->items[i].unpledged <= 0)
        continue;

      hp_cli_json_begin_object (&json, NULL);
      hp_cli_json_int (&json, "item_id", input->items[i].item_id);
      hp_cli_json_string (&json, "item", input->items[i].name);
      hp_cli_json_int (&json, "pieces", plan->items[i].unpledged);
      hp_cli_json_end (&json);
    }
  hp_cli_json_end (&json);

  hp_cli_json_end (&json);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

static const HpCliColumn item_columns[] = {
  { NULL, N_("Item"),         HP_CLI_CELL_TEXT },
  { NULL, N_("Per pack"),     HP_CLI_CELL_COUNT },
  { NULL, N_("Per U18 pack"), HP_CLI_CELL_COUNT },
  { NULL, N_("Needed"),       HP_CLI_CELL_COUNT },
  { NULL, N_("Pledged"),      HP_CLI_CELL_COUNT },
  { NULL, N_("Received"),     HP_CLI_CELL_COUNT },
  { NULL, N_("Shortfall"),    HP_CLI_CELL_COUNT },
  { NULL, N_("Sponsors"),     HP_CLI_CELL_TEXT },
};

static const HpCliColumn school_columns[] = {
  /* Translators: the official school number */
  { NULL, N_("No."),           HP_CLI_CELL_TEXT },
  { NULL, N_("School"),        HP_CLI_CELL_TEXT },
  /* Translators: where a school's number of graduates comes from */
  { NULL, N_("Counted from"),  HP_CLI_CELL_TEXT },
  { NULL, N_("Graduates"),     HP_CLI_CELL_COUNT },
  { NULL, N_("Needed"),        HP_CLI_CELL_COUNT },
  /* Translators: column title: the under-18 packs among the packs left of it */
  { NULL, N_("of which U18"),  HP_CLI_CELL_COUNT },
  { NULL, N_("Allocated"),     HP_CLI_CELL_COUNT },
  { NULL, N_("of which U18"),  HP_CLI_CELL_COUNT },
  /* Translators: column title: packs handed over to the school (recorded) */
  { NULL, N_("Delivered"),     HP_CLI_CELL_COUNT },
  /* Translators: column title: packs handed out to graduates (ticked as received) */
  { NULL, N_("Handed out"),    HP_CLI_CELL_COUNT },
};

/* a count for people, grouped the language's way: 2,000 or 2.000 */
static char *
count_cell (gint64 value)
{
  return hp_format_count (value);
}

static const char *
source_label (HpPlanSource source)
{
  switch (source)
    {
    case HP_PLAN_SOURCE_LIST:
      return _("complete list");
    case HP_PLAN_SOURCE_LISTED:
      return _("list so far");
    case HP_PLAN_SOURCE_EXPECTED:
      return _("expected");
    default:
      g_assert_not_reached ();
    }
}

/* "Mosterei Ohm, Getränke Berger": the sponsors giving item @item_id */
static char *
item_sponsors (const HpPlanInput *input,
               gint64             item_id)
{
  g_autoptr(GArray) sponsors = collect_item_sponsors (input, item_id, FALSE);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < sponsors->len; k++)
    {
      const char *name = g_array_index (sponsors, ItemSponsor, k).gift->sponsor_name;

      g_string_append_printf (names, "%s%s", k > 0 ? ", " : "", name ? name : "");
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
print_items (const HpPlanInput *input,
             const HpPlan      *plan)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < plan->n_items; i++)
    {
      const HpPlanItem *in = &input->items[i];
      const HpPlanItemResult *r = &plan->items[i];

      g_ptr_array_add (cells, g_strdup (in->name ? in->name : ""));
      g_ptr_array_add (cells, count_cell (in->per_standard));
      g_ptr_array_add (cells, count_cell (in->per_under18));
      g_ptr_array_add (cells, count_cell (r->needed));
      g_ptr_array_add (cells, count_cell (r->pledged));
      g_ptr_array_add (cells, count_cell (r->received));
      g_ptr_array_add (cells, count_cell (r->shortfall));
      g_ptr_array_add (cells, item_sponsors (input, in->item_id));
    }

  hp_cli_print_cells (stdout, item_columns, G_N_ELEMENTS (item_columns),
                      (char * const *) cells->pdata, plan->n_items);
}

static void
print_schools (const HpPlanInput *input,
               const HpPlan      *plan)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < plan->n_schools; i++)
    {
      const HpPlanSchool *in = &input->schools[i];
      const HpPlanSchoolResult *r = &plan->schools[i];

      g_ptr_array_add (cells, g_strdup (in->number ? in->number : ""));
      g_ptr_array_add (cells, g_strdup (in->name ? in->name : ""));
      g_ptr_array_add (cells, g_strdup (source_label (r->source)));
      g_ptr_array_add (cells, count_cell (r->graduates));
      g_ptr_array_add (cells, count_cell ((gint64) r->needed_standard + r->needed_under18));
      g_ptr_array_add (cells, count_cell (r->needed_under18));
      g_ptr_array_add (cells, count_cell ((gint64) r->allocated_standard + r->allocated_under18));
      g_ptr_array_add (cells, count_cell (r->allocated_under18));
      g_ptr_array_add (cells, count_cell ((gint64) r->delivered_standard + r->delivered_under18));
      g_ptr_array_add (cells, count_cell (r->handed_out));
    }

  hp_cli_print_cells (stdout, school_columns, G_N_ELEMENTS (school_columns),
                      (char * const *) cells->pdata, plan->n_schools);
}

/* "Bottleneck: Apfelschorle 0,33 l; open pledges: Mosterei Ohm 30, …" */
static void
print_bottleneck (const HpPlanInput *input,
                  const HpPlan      *plan)
{
  const HpPlanItem *item = &input->items[plan->bottleneck_item];
  g_autoptr(GArray) sponsors = collect_item_sponsors (input, item->item_id, TRUE);
  g_autoptr(GString) open = g_string_new (NULL);

  for (guint k = 0; k < sponsors->len; k++)
    {
      const ItemSponsor *sponsor = &g_array_index (sponsors, ItemSponsor, k);
      g_autofree char *outstanding = hp_format_count (sponsor->outstanding);

      g_string_append_printf (open, "%s%s %s", k > 0 ? ", " : "",
                              sponsor->gift->sponsor_name ? sponsor->gift->sponsor_name : "", outstanding);
    }

  if (open->len > 0)
    /* Translators: "Bottleneck: Apfelschorle 0,33 l; open pledges: Mosterei Ohm 30, Getränke Berger 5" */
    printf (_("Bottleneck: %s; open pledges: %s\n"), item->name, open->str);
  else
    printf (_("Bottleneck: %s; nobody has pledged more of it.\n"), item->name);
}

/* "Packs needed: 2,061 standard + 92 under 18 = 2,153" */
static void
print_packs (const char *label,
             guint       standard,
             guint       under18)
{
  g_autofree char *standard_text = hp_format_count (standard);
  g_autofree char *under18_text = hp_format_count (under18);
  g_autofree char *total_text = hp_format_count ((gint64) standard + under18);

  /* Translators: e.g. "Packs needed: 2,061 standard + 92 under 18 = 2,153";
   * the first %s is what the packs are, the others are counts */
  printf (_("%s: %s standard + %s under 18 = %s\n"), label, standard_text, under18_text, total_text);
}

static void
print_human (HpCampaign        *campaign,
             const HpPlanInput *input,
             const HpPlan      *plan,
             GPtrArray         *chases)
{
  guint64 needed = (guint64) plan->needed_standard + plan->needed_under18;
  gboolean unpledged_header = FALSE;

  printf (_("Plan for “%s” (%u %% spare packs)\n"), hp_campaign_get_name (campaign), plan->spare_percent);
  print_packs (_("Packs needed"), plan->needed_standard, plan->needed_under18);
  print_packs (_("Packs that can be built"), plan->buildable_standard, plan->buildable_under18);
  print_packs (_("Packs handed over to schools"), plan->delivered_standard, plan->delivered_under18);
  print_packs (_("Packs handed out to graduates (ticked as received)"), plan->handed_out_standard,
               plan->handed_out_under18);

  if (plan->bottleneck_item_id != 0)
    print_bottleneck (input, plan);
  else if (needed == 0)
    printf ("%s\n", _("No packs are needed yet: no school with graduates takes part."));
  else if (input->n_items == 0)
    printf ("%s\n", _("The campaign has no pack contents yet."));
  else if (plan->buildable_under18 < plan->needed_under18)
    printf ("%s\n", _("The under-18 pack has no contents yet."));
  else if (plan->buildable_standard < plan->needed_standard)
    printf ("%s\n", _("The standard pack has no contents yet."));
  else
    printf ("%s\n", _("Every pack needed can be built."));

  if (plan->n_items > 0)
    {
      printf ("\n%s\n", _("Items"));
      print_items (input, plan);
    }

  if (plan->n_schools > 0)
    {
      printf ("\n%s\n", _("Packs per school"));
      print_schools (input, plan);
      printf (_("%u %% spares included.\n"), plan->spare_percent);
    }

  if (chases->len > 0)
    {
      printf ("\n%s\n", _("To chase (pledged, not yet delivered, and needed)"));
      for (guint c = 0; c < chases->len; c++)
        {
          const Chase *chase = g_ptr_array_index (chases, c);
          const HpPlanGift *gift = chase->gift;
          g_autoptr(GString) contact = g_string_new (NULL);
          g_autofree char *pieces = hp_format_count (chase->pieces);

          if (gift->sponsor_phone != NULL && *gift->sponsor_phone != '\0')
            g_string_append (contact, gift->sponsor_phone);
          if (gift->sponsor_email != NULL && *gift->sponsor_email != '\0')
            g_string_append_printf (contact, "%s%s", contact->len > 0 ? ", " : "", gift->sponsor_email);

          if (contact->len > 0)
            printf ("  %s (%s): %s\n", gift->sponsor_name, contact->str, pieces);
          else
            printf ("  %s: %s\n", gift->sponsor_name, pieces);

          for (guint k = 0; k < chase->lines->len; k++)
            {
              const HpPlanChase *line = &plan->chase[g_array_index (chase->lines, guint, k)];
              g_autofree char *quantity = hp_format_count (line->quantity);

              printf ("    %s: %s\n", input->items[line->item].name, quantity);
            }
        }
    }

  for (guint i = 0; i < plan->n_items; i++)
    {
      gint64 unpledged = plan->items[i].unpledged;
      g_autofree char *nobody = NULL;

      if (unpledged <= 0)
        continue;

      if (!unpledged_header)
        printf ("\n%s\n", _("Needed beyond all pledges (to be found elsewhere)"));
      unpledged_header = TRUE;
      nobody = hp_format_counted (g_dngettext (GETTEXT_PACKAGE, "nobody pledged %s piece\n", "nobody pledged %s pieces\n",
                                               (gulong) MIN (unpledged, G_MAXLONG)),
                                  unpledged);
      printf ("  %s: %s", input->items[i].name, nobody);
    }
}

/* ------------------------------------------------------------------------ */

gboolean
hp_cli_run_plan (HpCli    *cli,
                 int       argc,
                 char    **argv,
                 GError  **error)
{
  GOptionEntry none[] = { { NULL } };
  HpCampaign *campaign;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GPtrArray) chases = NULL;

  if (!hp_cli_parse_options (&argc, &argv, NULL,
                             _("How many packs are needed and can be built, the bottleneck, packs per school "
                               "and what to chase from which sponsor."),
                             none, error) ||
      !hp_cli_expect_args (argc, argv, 1, "", error) ||
      hp_cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  campaign = hp_cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  input = hp_plan_input_load (cli->store, hp_campaign_get_id (campaign), error);
  if (input == NULL)
    return FALSE;

  plan = hp_plan_compute (input);
  chases = group_chase_by_sponsor (input, plan);

  if (cli->json)
    print_json (campaign, input, plan, chases);
  else
    print_human (campaign, input, plan, chases);

  return TRUE;
}
