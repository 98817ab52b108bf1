/* hp-cli-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli plan: the plan of the campaign (hp_plan_input_load() and
 * hp_plan_compute()) as a headline, a product table, a per-school allocation
 * table and what to chase from which sponsor; or, with --json, all of it as
 * one object.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hp-cli-private.h"

/* What to chase from one sponsor: indices into the input's products. */
typedef struct
{
  gint64      sponsor_id;
  const char *sponsor_name;
  gint64      pieces;
  GArray     *products;   /* guint */
} Chase;

static void
chase_free (gpointer data)
{
  Chase *chase = data;

  g_array_unref (chase->products);
  g_free (chase);
}

static int
compare_chases (gconstpointer a,
                gconstpointer b)
{
  const Chase *x = *(const Chase * const *) a;
  const Chase *y = *(const Chase * const *) b;
  int by_name = g_utf8_collate (x->sponsor_name ? x->sponsor_name : "", y->sponsor_name ? y->sponsor_name : "");

  if (by_name != 0)
    return by_name;
  return x->sponsor_id < y->sponsor_id ? -1 : (x->sponsor_id > y->sponsor_id ? 1 : 0);
}

/* Sponsors with something to chase, by name, each with its products in
 * packing order. */
static GPtrArray *
collect_chases (const HpPlanInput *input,
                const HpPlan      *plan)
{
  g_autoptr(GPtrArray) chases = g_ptr_array_new_with_free_func (chase_free);
  g_autoptr(GHashTable) by_sponsor = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint p = 0; p < plan->n_products; p++)
    {
      const HpPlanProduct *product = &input->products[p];
      Chase *chase;

      if (plan->products[p].to_chase <= 0)
        continue;

      chase = g_hash_table_lookup (by_sponsor, &product->sponsor_id);
      if (chase == NULL)
        {
          chase = g_new0 (Chase, 1);
          chase->sponsor_id = product->sponsor_id;
          chase->sponsor_name = product->sponsor_name;
          chase->products = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (chases, chase);
          g_hash_table_insert (by_sponsor, &chase->sponsor_id, chase);
        }

      chase->pieces += plan->products[p].to_chase;
      g_array_append_val (chase->products, p);
    }

  g_ptr_array_sort (chases, compare_chases);
  return g_steal_pointer (&chases);
}

static const HpPlanProduct *
find_input_product (const HpPlanInput *input,
                    gint64             product_id)
{
  for (guint p = 0; p < input->n_products; p++)
    if (input->products[p].product_id == product_id)
      return &input->products[p];
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                      */

static void
print_json_key_string (const char *key,
                       const char *value)
{
  hp_cli_print_json_string (stdout, key);
  fputc (':', stdout);
  hp_cli_print_json_string (stdout, value);
}

static void
print_json (HpCampaign        *campaign,
            const HpPlanInput *input,
            const HpPlan      *plan,
            GPtrArray         *chases)
{
  const HpPlanProduct *bottleneck = find_input_product (input, plan->bottleneck_product_id);

  printf ("{\"campaign\":{\"id\":%" G_GINT64_FORMAT ",", hp_campaign_get_id (campaign));
  print_json_key_string ("name", hp_campaign_get_name (campaign));
  printf ("},\"spare_percent\":%u,", input->spare_percent);
  printf ("\"needed\":{\"standard\":%u,\"under18\":%u,\"total\":%" G_GUINT64_FORMAT "},",
          plan->needed_standard, plan->needed_under18, (guint64) plan->needed_standard + plan->needed_under18);
  printf ("\"buildable\":{\"standard\":%u,\"under18\":%u,\"total\":%" G_GUINT64_FORMAT "},",
          plan->buildable_standard, plan->buildable_under18,
          (guint64) plan->buildable_standard + plan->buildable_under18);

  fputs ("\"bottleneck\":", stdout);
  if (bottleneck == NULL)
    fputs ("null", stdout);
  else
    {
      printf ("{\"product_id\":%" G_GINT64_FORMAT ",", bottleneck->product_id);
      print_json_key_string ("product", bottleneck->name);
      printf (",\"sponsor_id\":%" G_GINT64_FORMAT ",", bottleneck->sponsor_id);
      print_json_key_string ("sponsor", bottleneck->sponsor_name);
      fputc ('}', stdout);
    }

  fputs (",\n\"products\":[", stdout);
  for (guint p = 0; p < plan->n_products; p++)
    {
      const HpPlanProduct *in = &input->products[p];
      const HpPlanProductResult *r = &plan->products[p];

      printf ("%s{\"product_id\":%" G_GINT64_FORMAT ",", p > 0 ? ",\n " : "", in->product_id);
      print_json_key_string ("product", in->name);
      printf (",\"sponsor_id\":%" G_GINT64_FORMAT ",", in->sponsor_id);
      print_json_key_string ("sponsor", in->sponsor_name);
      printf (",\"per_standard\":%u,\"per_under18\":%u,\"value_cents\":%" G_GINT64_FORMAT ","
              "\"pledged\":%" G_GINT64_FORMAT ",\"received\":%" G_GINT64_FORMAT ","
              "\"needed\":%" G_GINT64_FORMAT ",\"outstanding\":%" G_GINT64_FORMAT ","
              "\"shortfall\":%" G_GINT64_FORMAT ",\"to_chase\":%" G_GINT64_FORMAT ",\"used\":%" G_GINT64_FORMAT "}",
              in->per_standard, in->per_under18, in->value_cents, in->pledged, in->received,
              r->needed, r->outstanding, r->shortfall, r->to_chase, r->used);
    }

  fputs ("],\n\"schools\":[", stdout);
  for (guint i = 0; i < plan->n_schools; i++)
    {
      const HpPlanSchool *in = &input->schools[i];
      const HpPlanSchoolResult *r = &plan->schools[i];

      printf ("%s{\"school_id\":%" G_GINT64_FORMAT ",", i > 0 ? ",\n " : "", in->school_id);
      print_json_key_string ("number", in->number);
      fputc (',', stdout);
      print_json_key_string ("name", in->name);
      printf (",\"graduates\":%u,\"needed_standard\":%u,\"needed_under18\":%u,\"needed\":%" G_GUINT64_FORMAT ","
              "\"allocated_standard\":%u,\"allocated_under18\":%u,\"allocated\":%" G_GUINT64_FORMAT "}",
              in->graduates, r->needed_standard, r->needed_under18,
              (guint64) r->needed_standard + r->needed_under18,
              r->allocated_standard, r->allocated_under18,
              (guint64) r->allocated_standard + r->allocated_under18);
    }

  fputs ("],\n\"to_chase\":[", stdout);
  for (guint c = 0; c < chases->len; c++)
    {
      const Chase *chase = g_ptr_array_index (chases, c);

      printf ("%s{\"sponsor_id\":%" G_GINT64_FORMAT ",", c > 0 ? ",\n " : "", chase->sponsor_id);
      print_json_key_string ("sponsor", chase->sponsor_name);
      printf (",\"pieces\":%" G_GINT64_FORMAT ",\"products\":[", chase->pieces);
      for (guint k = 0; k < chase->products->len; k++)
        {
          guint p = g_array_index (chase->products, guint, k);

          printf ("%s{\"product_id\":%" G_GINT64_FORMAT ",", k > 0 ? "," : "", input->products[p].product_id);
          print_json_key_string ("product", input->products[p].name);
          printf (",\"pieces\":%" G_GINT64_FORMAT "}", plan->products[p].to_chase);
        }
      fputs ("]}", stdout);
    }
  fputs ("]}\n", stdout);
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */

static const HpCliColumn product_columns[] = {
  { NULL, N_("Product"),     HP_CELL_TEXT },
  { NULL, N_("Sponsor"),     HP_CELL_TEXT },
  { NULL, N_("Per pack"),    HP_CELL_NUMBER },
  { NULL, N_("Per U18 pack"), HP_CELL_NUMBER },
  { NULL, N_("Needed"),      HP_CELL_NUMBER },
  { NULL, N_("Pledged"),     HP_CELL_NUMBER },
  { NULL, N_("Received"),    HP_CELL_NUMBER },
  { NULL, N_("Shortfall"),   HP_CELL_NUMBER },
  { NULL, N_("To chase"),    HP_CELL_NUMBER },
};

static const HpCliColumn school_columns[] = {
  /* Translators: the official school number */
  { NULL, N_("No."),         HP_CELL_TEXT },
  { NULL, N_("School"),      HP_CELL_TEXT },
  { NULL, N_("Needed"),      HP_CELL_NUMBER },
  { NULL, N_("U18 needed"),  HP_CELL_NUMBER },
  { NULL, N_("Allocated"),   HP_CELL_NUMBER },
  { NULL, N_("U18 allocated"), HP_CELL_NUMBER },
};

static char *
count_cell (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
print_products (const HpPlanInput *input,
                const HpPlan      *plan)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < plan->n_products; p++)
    {
      const HpPlanProduct *in = &input->products[p];
      const HpPlanProductResult *r = &plan->products[p];

      g_ptr_array_add (cells, g_strdup (in->name ? in->name : ""));
      g_ptr_array_add (cells, g_strdup (in->sponsor_name ? in->sponsor_name : ""));
      g_ptr_array_add (cells, count_cell (in->per_standard));
      g_ptr_array_add (cells, count_cell (in->per_under18));
      g_ptr_array_add (cells, count_cell (r->needed));
      g_ptr_array_add (cells, count_cell (in->pledged));
      g_ptr_array_add (cells, count_cell (in->received));
      g_ptr_array_add (cells, count_cell (r->shortfall));
      g_ptr_array_add (cells, count_cell (r->to_chase));
    }

  hp_cli_print_cells (stdout, product_columns, G_N_ELEMENTS (product_columns),
                      (char * const *) cells->pdata, plan->n_products);
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
      g_ptr_array_add (cells, count_cell ((gint64) r->needed_standard + r->needed_under18));
      g_ptr_array_add (cells, count_cell (r->needed_under18));
      g_ptr_array_add (cells, count_cell ((gint64) r->allocated_standard + r->allocated_under18));
      g_ptr_array_add (cells, count_cell (r->allocated_under18));
    }

  hp_cli_print_cells (stdout, school_columns, G_N_ELEMENTS (school_columns),
                      (char * const *) cells->pdata, plan->n_schools);
}

static void
print_human (HpCampaign        *campaign,
             const HpPlanInput *input,
             const HpPlan      *plan,
             GPtrArray         *chases)
{
  const HpPlanProduct *bottleneck = find_input_product (input, plan->bottleneck_product_id);
  guint64 needed = (guint64) plan->needed_standard + plan->needed_under18;
  guint64 buildable = (guint64) plan->buildable_standard + plan->buildable_under18;
  gboolean elsewhere_header = FALSE;

  printf (_("Plan for “%s” (%u %% spare packs)\n"), hp_campaign_get_name (campaign), input->spare_percent);
  printf (_("Packs needed: %u standard + %u under 18 = %llu\n"),
          plan->needed_standard, plan->needed_under18, (unsigned long long) needed);
  printf (_("Packs that can be built: %u standard + %u under 18 = %llu\n"),
          plan->buildable_standard, plan->buildable_under18, (unsigned long long) buildable);

  if (bottleneck != NULL)
    printf (_("Bottleneck: %s (%s)\n"), bottleneck->name, bottleneck->sponsor_name);
  else if (needed == 0)
    printf ("%s\n", _("No packs are needed yet: no school with graduates takes part."));
  else if (input->n_products == 0)
    printf ("%s\n", _("The campaign has no pack recipe yet."));
  else if (plan->buildable_under18 < plan->needed_under18)
    printf ("%s\n", _("The under-18 pack has no recipe lines yet."));
  else if (plan->buildable_standard < plan->needed_standard)
    printf ("%s\n", _("The standard pack has no recipe lines yet."));
  else
    printf ("%s\n", _("Every pack needed can be built."));

  if (plan->n_products > 0)
    {
      printf ("\n%s\n", _("Products"));
      print_products (input, plan);
    }

  if (plan->n_schools > 0)
    {
      printf ("\n%s\n", _("Packs per school"));
      print_schools (input, plan);
    }

  if (chases->len > 0)
    {
      printf ("\n%s\n", _("To chase (pledged, not yet delivered, and needed)"));
      for (guint c = 0; c < chases->len; c++)
        {
          const Chase *chase = g_ptr_array_index (chases, c);

          printf ("  %s: %" G_GINT64_FORMAT "\n", chase->sponsor_name, chase->pieces);
          for (guint k = 0; k < chase->products->len; k++)
            {
              guint p = g_array_index (chase->products, guint, k);

              printf ("    %s: %" G_GINT64_FORMAT "\n", input->products[p].name, plan->products[p].to_chase);
            }
        }
    }

  for (guint p = 0; p < plan->n_products; p++)
    {
      gint64 elsewhere = plan->products[p].shortfall - plan->products[p].to_chase;

      if (elsewhere <= 0)
        continue;

      if (!elsewhere_header)
        printf ("\n%s\n", _("Needed beyond all pledges (to be found elsewhere)"));
      elsewhere_header = TRUE;
      printf ("  %s (%s): %" G_GINT64_FORMAT "\n", input->products[p].name, input->products[p].sponsor_name, elsewhere);
    }
}

/* ------------------------------------------------------------------------ */

gboolean
hp_cli_run_plan (Cli     *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
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
      !hp_cli_expect_args (argc, 1, "", error) ||
      cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  campaign = cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  input = hp_plan_input_load (cli->store, hp_campaign_get_id (campaign), error);
  if (input == NULL)
    return FALSE;

  plan = hp_plan_compute (input);
  chases = collect_chases (input, plan);

  if (cli->json)
    print_json (campaign, input, plan, chases);
  else
    print_human (campaign, input, plan, chases);

  return TRUE;
}
