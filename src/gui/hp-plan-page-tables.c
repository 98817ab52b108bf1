/* hp-plan-page-tables.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning page's three tables: the products (with a bar for how much of
 * what is needed was received), the packs per school, and what to chase from
 * which sponsor. Here their columns and sorted models are set up once, and
 * their rows (HpPlanRow) are filled from each plan that hp-plan-page.c shows;
 * the "To Chase" tab is there only while something is missing.
 */

#define G_LOG_DOMAIN "hp-plan-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hp-columns.h"
#include "hp-plan-page-internal.h"
#include "hp-plan-row.h"

static const HpColumnSpec product_columns[] = {
  { N_("Product"), "name", HP_CELL_TEXT, 22, TRUE },
  { N_("Sponsor"), "detail", HP_CELL_TEXT, 18, TRUE },
  { N_("Per pack"), "per-standard", HP_CELL_NUMBER, 4 },
  { N_("Per U18 pack"), "per-under18", HP_CELL_NUMBER, 4 },
  { N_("Needed"), "needed", HP_CELL_NUMBER, 7 },
  { N_("Received"), "received", HP_CELL_NUMBER, 7 },
  { N_("Shortfall"), "shortfall", HP_CELL_NUMBER, 7 },
  { N_("To chase"), "to-chase", HP_CELL_NUMBER, 7 },
};

static const HpColumnSpec school_columns[] = {
  /* Translators: the official school number */
  { N_("No."), "detail", HP_CELL_TEXT, 8 },
  { N_("School"), "name", HP_CELL_TEXT, 30, TRUE },
  { N_("Needed"), "needed-standard", HP_CELL_NUMBER, 7 },
  { N_("U18 needed"), "needed-under18", HP_CELL_NUMBER, 7 },
  { N_("Allocated"), "allocated-standard", HP_CELL_NUMBER, 7 },
  { N_("U18 allocated"), "allocated-under18", HP_CELL_NUMBER, 7 },
};

static const HpColumnSpec chase_columns[] = {
  { N_("Sponsor"), "name", HP_CELL_TEXT, 22 },
  /* Translators: the products to chase, each with its missing pieces */
  { N_("Products"), "detail", HP_CELL_TEXT, 40, TRUE },
  { N_("Pieces"), "to-chase", HP_CELL_NUMBER, 7 },
};

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static void
fill_products (HpPlanPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = 0; p < self->plan->n_products; p++)
    {
      const HpPlanProduct *in = &self->input->products[p];
      const HpPlanProductResult *r = &self->plan->products[p];
      HpPlanRow *row = hp_plan_row_new (in->name, in->sponsor_name);

      hp_plan_row_set (row, HP_PLAN_ROW_PER_STANDARD, in->per_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_PER_UNDER18, in->per_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED, r->needed);
      hp_plan_row_set (row, HP_PLAN_ROW_RECEIVED, MAX (in->received, 0));
      hp_plan_row_set (row, HP_PLAN_ROW_SHORTFALL, r->shortfall);
      hp_plan_row_set (row, HP_PLAN_ROW_TO_CHASE, r->to_chase);
      g_ptr_array_add (rows, row);
    }

  g_list_store_splice (self->products, 0, g_list_model_get_n_items (G_LIST_MODEL (self->products)),
                       rows->pdata, rows->len);
}

static void
fill_schools (HpPlanPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->plan->n_schools; i++)
    {
      const HpPlanSchool *in = &self->input->schools[i];
      const HpPlanSchoolResult *r = &self->plan->schools[i];
      HpPlanRow *row = hp_plan_row_new (in->name, in->number);

      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED_STANDARD, r->needed_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED_UNDER18, r->needed_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_ALLOCATED_STANDARD, r->allocated_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_ALLOCATED_UNDER18, r->allocated_under18);
      g_ptr_array_add (rows, row);
    }

  g_list_store_splice (self->schools, 0, g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       rows->pdata, rows->len);
}

/* What to chase from one sponsor */
typedef struct
{
  gint64      sponsor_id;
  const char *sponsor_name;
  gint64      pieces;
  GString    *products;
} Chase;

static void
chase_free (gpointer data)
{
  Chase *chase = data;

  g_string_free (chase->products, TRUE);
  g_free (chase);
}

static int
compare_chases (gconstpointer a,
                gconstpointer b)
{
  const Chase *x = *(const Chase * const *) a;
  const Chase *y = *(const Chase * const *) b;
  int by_name = g_utf8_collate (x->sponsor_name ? x->sponsor_name : "",
                                y->sponsor_name ? y->sponsor_name : "");

  if (by_name != 0)
    return by_name;
  return x->sponsor_id < y->sponsor_id ? -1 : (x->sponsor_id > y->sponsor_id ? 1 : 0);
}

/* One row per sponsor with something to chase, by name; its products in
 * packing order. */
static void
fill_chases (HpPlanPage *self)
{
  g_autoptr(GPtrArray) chases = g_ptr_array_new_with_free_func (chase_free);
  g_autoptr(GHashTable) by_sponsor = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 shortfall = 0, to_chase = 0;

  for (guint p = 0; p < self->plan->n_products; p++)
    {
      const HpPlanProduct *in = &self->input->products[p];
      const HpPlanProductResult *r = &self->plan->products[p];
      g_autofree char *pieces = NULL;
      Chase *chase;

      shortfall += r->shortfall;
      to_chase += r->to_chase;
      if (r->to_chase <= 0)
        continue;

      chase = g_hash_table_lookup (by_sponsor, &in->sponsor_id);
      if (chase == NULL)
        {
          chase = g_new0 (Chase, 1);
          chase->sponsor_id = in->sponsor_id;
          chase->sponsor_name = in->sponsor_name;
          chase->products = g_string_new (NULL);
          g_ptr_array_add (chases, chase);
          g_hash_table_insert (by_sponsor, &chase->sponsor_id, chase);
        }

      pieces = _hp_plan_page_format_count (r->to_chase);
      if (chase->products->len > 0)
        g_string_append (chase->products, ", ");
      /* Translators: a product to chase and its missing pieces, e.g. "Socks (120)" */
      g_string_append_printf (chase->products, _("%s (%s)"), in->name ? in->name : "", pieces);
      chase->pieces += r->to_chase;
    }

  g_ptr_array_sort (chases, compare_chases);
  for (guint c = 0; c < chases->len; c++)
    {
      const Chase *chase = g_ptr_array_index (chases, c);
      HpPlanRow *row = hp_plan_row_new (chase->sponsor_name, chase->products->str);

      hp_plan_row_set (row, HP_PLAN_ROW_TO_CHASE, chase->pieces);
      g_ptr_array_add (rows, row);
    }

  g_list_store_splice (self->chases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chases)),
                       rows->pdata, rows->len);

  /* the tab is there while something is missing */
  gtk_widget_set_visible (gtk_stack_page_get_child (self->chase_stack_page), shortfall > 0);

  if (shortfall > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (to_chase > 0)
        {
          g_autofree char *pieces = _hp_plan_page_format_count (to_chase);

          /* Translators: %u is a number of sponsors, %s a number of pieces */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "Ask %u sponsor for %s pieces pledged but not delivered yet.",
                                                     "Ask %u sponsors for %s pieces pledged but not delivered yet.",
                                                     chases->len),
                                  chases->len, pieces);
        }
      if (shortfall > to_chase)
        {
          g_autofree char *pieces = _hp_plan_page_format_count (shortfall - to_chase);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* Translators: %s is a number of pieces */
          g_string_append_printf (text, _("%s pieces needed are pledged by nobody: find more donations."), pieces);
        }
      gtk_label_set_label (self->chase_label, text->str);
    }
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */

static void
setup_bar_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_bar_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  HpPlanRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  double fraction = hp_plan_row_get_fraction (row);
  g_autofree char *text = NULL;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), fraction);
  /* Translators: a percentage; use your language's spacing and sign */
  text = g_strdup_printf (_("%d %%"), (int) floor (fraction * 100.0));
  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
append_bar_column (GtkColumnView *view)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkExpression *expression;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_bar_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_bar_cb), NULL);

  /* Translators: a column with a bar: how much of what is needed was received */
  column = gtk_column_view_column_new (_("Received of needed"), factory);
  expression = gtk_property_expression_new (HP_TYPE_PLAN_ROW, NULL, "fraction");
  gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_numeric_sorter_new (expression)));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, 160);
  gtk_column_view_append_column (view, column);
}

static void
set_up_view (GtkColumnView *view,
             GListStore    *rows)
{
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (rows)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* ------------------------------------------------------------------------ */
/* Internal API (hp-plan-page-internal.h)                                    */

void
_hp_plan_page_set_up_tables (HpPlanPage *self)
{
  self->products = g_list_store_new (HP_TYPE_PLAN_ROW);
  self->schools = g_list_store_new (HP_TYPE_PLAN_ROW);
  self->chases = g_list_store_new (HP_TYPE_PLAN_ROW);

  hp_columns_append (self->product_view, HP_TYPE_PLAN_ROW, product_columns, G_N_ELEMENTS (product_columns));
  append_bar_column (self->product_view);
  hp_columns_append (self->school_view, HP_TYPE_PLAN_ROW, school_columns, G_N_ELEMENTS (school_columns));
  hp_columns_append (self->chase_view, HP_TYPE_PLAN_ROW, chase_columns, G_N_ELEMENTS (chase_columns));

  set_up_view (self->product_view, self->products);
  set_up_view (self->school_view, self->schools);
  set_up_view (self->chase_view, self->chases);
}

void
_hp_plan_page_fill_tables (HpPlanPage *self)
{
  fill_products (self);
  fill_schools (self);
  fill_chases (self);
}
