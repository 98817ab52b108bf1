/* hp-plan-page-tables.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning page's three tables: the items of the pack contents (with a
 * bar for how much of what is needed was received, all sponsors' gifts of
 * an item together), the packs per school with where each school's number
 * comes from, and the core's chase list (hp-plan.h: what to ask which
 * sponsor for, and what nobody pledged). Here their columns and sorted
 * models are set up once, and their rows (HpPlanRow) are filled from each
 * plan that hp-plan-page.c shows; the "To Chase" tab says "Nothing to
 * Chase" unless something is missing.
 */

#define G_LOG_DOMAIN "hp-plan-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hp-column-widths.h"
#include "hp-columns.h"
#include "hp-plan-page-internal.h"
#include "hp-plan-row.h"
#include "hp-reveal-model.h"
#include "hp-row-model.h"

/* The item columns before the bar … */
static const HpColumnSpec item_columns[] = {
  /* Translators: column title, a thing that goes into the pack (Artikel) */
  { N_("Item"), "name", HP_CELL_TEXT, 22 },
  { N_("Per pack"), "per-standard", HP_CELL_NUMBER, 4 },
  { N_("Per U18 pack"), "per-under18", HP_CELL_NUMBER, 4 },
  { N_("Needed"), "needed", HP_CELL_NUMBER, 7 },
  { N_("Received"), "received", HP_CELL_NUMBER, 7 },
};

/* … and after it */
static const HpColumnSpec item_columns_after_bar[] = {
  { N_("Shortfall"), "shortfall", HP_CELL_NUMBER, 7 },
  { N_("To chase"), "to-chase", HP_CELL_NUMBER, 7 },
  /* Translators: column title, the sponsors who give the item: one's
   * name, or how many, with their names as tooltip */
  { N_("Sponsors"), "detail", HP_CELL_TEXT, 30, TRUE,
    /* Translators: in the Sponsors column of the planning's items, for an
     * item that no sponsor gives yet */
    .empty_text = N_("Nobody yet"), .tooltip = "note" },
};

/* Packs as on the command line (heimpack-cli plan): both kinds together,
 * then the under-18 packs among them, which keeps the headers short. */
static const HpColumnSpec school_columns[] = {
  /* Translators: the official school number */
  { N_("No."), "detail", HP_CELL_TEXT, 7 },
  { N_("School"), "name", HP_CELL_TEXT, 30, TRUE },
  /* Translators: column title: what the school's number of graduates is
   * based on ("Complete list", "List so far", "Expected") */
  { N_("Basis"), "note", HP_CELL_TEXT, 15 },
  /* Translators: column title, graduates counted for the school */
  { N_("Graduates"), "graduates", HP_CELL_NUMBER, 6 },
  /* Translators: column titles: the packs a school needs (spares
   * included), and the packs allocated to it from what can be built */
  { N_("Needed"), "needed", HP_CELL_NUMBER, 6 },
  /* Translators: column title: the under-18 packs among the packs left of it */
  { N_("of which U18"), "needed-under18", HP_CELL_NUMBER, 6 },
  { N_("Allocated"), "allocated", HP_CELL_NUMBER, 6 },
  { N_("of which U18"), "allocated-under18", HP_CELL_NUMBER, 6 },
  /* Translators: column titles: packs handed over to the school (recorded
   * hand-overs), and packs handed out to its graduates (ticked as received) */
  { N_("Delivered"), "delivered", HP_CELL_NUMBER, 6 },
  { N_("Handed out"), "handed-out", HP_CELL_NUMBER, 6 },
};

static const HpColumnSpec chase_columns[] = {
  { N_("Item"), "name", HP_CELL_TEXT, 22 },
  { N_("Sponsor"), "detail", HP_CELL_TEXT, 34, TRUE },
  { N_("Pieces"), "to-chase", HP_CELL_NUMBER, 7 },
  /* Translators: column title, the sponsor's phone and e-mail */
  { N_("Contact"), "note", HP_CELL_TEXT, 30, TRUE,
    /* Translators: in the Contact column of the chase list, for a sponsor
     * with neither phone nor e-mail */
    .empty_text = N_("No contact details") },
};

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static void
replace_rows (GListStore *store,
              GPtrArray  *rows)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
}

/* The sponsors of an item in the items table: a sponsor's name, or how
 * many give it ("4 sponsors": a list of names cut by the column told
 * nothing), with their names as tooltip, the first fifteen and how many
 * more (hp_format_names()): the beer of a national drive has 180. */
#define SPONSORS_NAMED_IN_TOOLTIP 15

typedef struct
{
  char *text;      /* the cell */
  char *tooltip;   /* the names, or NULL */
} SponsorsText;

static void
sponsors_text_free (gpointer data)
{
  SponsorsText *sponsors = data;

  g_free (sponsors->text);
  g_free (sponsors->tooltip);
  g_free (sponsors);
}

/* Returns: (transfer full): for each item of the input, a SponsorsText of
 * the sponsors who give it, in the order of the gifts (by sponsor name) */
static GPtrArray *
collect_sponsors (const HpPlanInput *input)
{
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) last_sponsor = g_array_sized_new (FALSE, TRUE, sizeof (gint64), input->n_items);
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (input->n_items, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *texts = g_ptr_array_new_full (input->n_items, sponsors_text_free);

  g_array_set_size (last_sponsor, input->n_items);
  for (guint i = 0; i < input->n_items; i++)
    {
      g_hash_table_insert (index_of, (gpointer) &input->items[i].item_id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (names, g_ptr_array_new ());
    }

  for (guint g = 0; g < input->n_gifts; g++)
    {
      const HpPlanGift *gift = &input->gifts[g];
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &gift->item_id));

      if (i == 0)
        continue;
      i--;

      /* one sponsor's gifts of an item are next to each other */
      if (g_array_index (last_sponsor, gint64, i) == gift->sponsor_id)
        continue;
      g_array_index (last_sponsor, gint64, i) = gift->sponsor_id;

      g_ptr_array_add (g_ptr_array_index (names, i), (gpointer) (gift->sponsor_name ? gift->sponsor_name : ""));
    }

  for (guint i = 0; i < names->len; i++)
    {
      GPtrArray *of_item = g_ptr_array_index (names, i);
      SponsorsText *sponsors = g_new0 (SponsorsText, 1);

      g_ptr_array_add (of_item, NULL);
      sponsors->text = hp_format_sponsors ((const char * const *) of_item->pdata);
      sponsors->tooltip = hp_format_names ((const char * const *) of_item->pdata, SPONSORS_NAMED_IN_TOOLTIP);
      g_ptr_array_add (texts, sponsors);
    }

  return texts;
}

static GPtrArray *
build_items (const HpPlanInput *input,
             const HpPlan      *plan)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sponsors = collect_sponsors (input);

  for (guint i = 0; i < plan->n_items; i++)
    {
      const HpPlanItem *in = &input->items[i];
      const HpPlanItemResult *r = &plan->items[i];
      const SponsorsText *given_by = g_ptr_array_index (sponsors, i);
      HpPlanRow *row = hp_plan_row_new (in->name, given_by->text);

      hp_plan_row_set_note (row, given_by->tooltip);

      hp_plan_row_set (row, HP_PLAN_ROW_PER_STANDARD, in->per_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_PER_UNDER18, in->per_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED, r->needed);
      hp_plan_row_set (row, HP_PLAN_ROW_RECEIVED, r->received);
      hp_plan_row_set (row, HP_PLAN_ROW_SHORTFALL, r->shortfall);
      hp_plan_row_set (row, HP_PLAN_ROW_TO_CHASE, r->to_chase);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

const char *
_hp_plan_page_source_label (HpPlanSource source)
{
  switch (source)
    {
    case HP_PLAN_SOURCE_LIST:
      /* Translators: a school's graduates are counted from its complete list */
      return C_("basis", "Complete list");
    case HP_PLAN_SOURCE_LISTED:
      /* Translators: a school's graduates are counted from its list, which is
       * not complete yet but already longer than the expected number */
      return C_("basis", "List so far");
    case HP_PLAN_SOURCE_EXPECTED:
      /* Translators: a school's graduates are the number it expects */
      return C_("basis", "Expected");
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
build_schools (const HpPlanInput *input,
               const HpPlan      *plan)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < plan->n_schools; i++)
    {
      const HpPlanSchool *in = &input->schools[i];
      const HpPlanSchoolResult *r = &plan->schools[i];
      HpPlanRow *row = hp_plan_row_new (in->name, in->number);

      hp_plan_row_set_note (row, _hp_plan_page_source_label (r->source));
      hp_plan_row_set (row, HP_PLAN_ROW_GRADUATES, r->graduates);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED_STANDARD, r->needed_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED_UNDER18, r->needed_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_ALLOCATED_STANDARD, r->allocated_standard);
      hp_plan_row_set (row, HP_PLAN_ROW_ALLOCATED_UNDER18, r->allocated_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_NEEDED, (gint64) r->needed_standard + r->needed_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_ALLOCATED, (gint64) r->allocated_standard + r->allocated_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_DELIVERED, (gint64) r->delivered_standard + r->delivered_under18);
      hp_plan_row_set (row, HP_PLAN_ROW_HANDED_OUT, r->handed_out);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
fill_schools (HpPlanPage *self,
              GPtrArray  *rows)
{
  g_autofree char *text = NULL;

  replace_rows (self->schools, rows);

  /* Translators: above the packs per school; %u is the campaign's spare
   * percentage */
  text = g_strdup_printf (_("Packs needed: the graduates plus %u %% spares, rounded up (spare packs are standard packs). "
                            "A school counts its complete list; until its list is complete, the larger of expected and listed graduates."),
                          self->plan->spare_percent);
  gtk_label_set_label (self->schools_label, text);
}

static char *
dup_contact (const HpPlanGift *gift)
{
  gboolean phone = gift->sponsor_phone != NULL && *gift->sponsor_phone != '\0';
  gboolean email = gift->sponsor_email != NULL && *gift->sponsor_email != '\0';

  if (phone && email)
    /* Translators: a sponsor's phone and e-mail */
    return g_strdup_printf (_("%s · %s"), gift->sponsor_phone, gift->sponsor_email);

  return g_strdup (phone ? gift->sponsor_phone : email ? gift->sponsor_email : "");
}

/* The core's chase list (plan->chase), in its order: by item in packing
 * order, within an item the largest open pledge first; after an item's
 * lines what nobody pledged of it, if anything. */
static GPtrArray *
build_chases (const HpPlanInput *input,
              const HpPlan      *plan)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint c = 0;

  for (guint i = 0; i < plan->n_items; i++)
    {
      const HpPlanItem *item = &input->items[i];
      const HpPlanItemResult *r = &plan->items[i];

      for (; c < plan->n_chase && plan->chase[c].item == i; c++)
        {
          const HpPlanGift *gift = &input->gifts[plan->chase[c].gift];
          HpPlanRow *row = hp_plan_row_new (item->name, gift->sponsor_name);
          g_autofree char *contact = dup_contact (gift);

          hp_plan_row_set (row, HP_PLAN_ROW_TO_CHASE, plan->chase[c].quantity);
          hp_plan_row_set_note (row, contact);
          g_ptr_array_add (rows, row);
        }

      if (r->unpledged > 0)
        {
          /* Translators: in the Sponsor column of the chase list: pieces
           * still needed that no sponsor pledged */
          HpPlanRow *row = hp_plan_row_new (item->name, _("Nobody pledged these"));

          hp_plan_row_set (row, HP_PLAN_ROW_TO_CHASE, r->unpledged);
          /* Translators: in the Contact column of the chase list, next to
           * pieces nobody pledged */
          hp_plan_row_set_note (row, _("Find another sponsor"));
          g_ptr_array_add (rows, row);
        }
    }
  /* the core orders its chase list by item in packing order */
  g_warn_if_fail (c == plan->n_chase);

  return rows;
}

static void
fill_chases (HpPlanPage *self,
             GPtrArray  *rows)
{
  const HpPlanInput *input = self->input;
  const HpPlan *plan = self->plan;
  g_autoptr(GHashTable) sponsors = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 shortfall = 0, to_chase = 0, unpledged = 0;

  for (guint i = 0; i < plan->n_items; i++)
    {
      shortfall += plan->items[i].shortfall;
      to_chase += plan->items[i].to_chase;
      unpledged += plan->items[i].unpledged;
    }
  for (guint c = 0; c < plan->n_chase; c++)
    g_hash_table_add (sponsors, (gpointer) &input->gifts[plan->chase[c].gift].sponsor_id);

  replace_rows (self->chases, rows);

  /* the tab is always there; with nothing missing it says so */
  gtk_stack_set_visible_child_name (self->chase_content_stack, shortfall > 0 ? "list" : "empty");

  if (shortfall > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_sponsors = g_hash_table_size (sponsors);

      if (to_chase > 0)
        {
          g_autofree char *sponsors_text = _hp_plan_page_format_count (n_sponsors);
          g_autofree char *pieces = _hp_plan_page_format_count (to_chase);

          /* Translators: the first %s is a number of sponsors (the form
           * follows it), the second a number of pieces */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "Ask %s sponsor for %s pieces pledged but not delivered yet.",
                                                     "Ask %s sponsors for %s pieces pledged but not delivered yet.",
                                                     n_sponsors),
                                  sponsors_text, pieces);
        }
      if (unpledged > 0)
        {
          g_autofree char *pieces = _hp_plan_page_format_count (unpledged);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* Translators: %s is a number of pieces */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "Nobody pledged %s piece that is still needed: find more donations.",
                                                     "Nobody pledged %s pieces that are still needed: find more donations.",
                                                     (gulong) MIN (unpledged, G_MAXLONG)),
                                  pieces);
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
show_bar (GtkWidget *box,
          HpPlanRow *row)
{
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  double fraction = row != NULL ? hp_plan_row_get_fraction (row) : 0.0;
  g_autofree char *text = NULL;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), fraction);
  /* Translators: a percentage; use your language's spacing and sign */
  text = g_strdup_printf (_("%d %%"), (int) floor (fraction * 100.0));
  gtk_label_set_label (GTK_LABEL (label), row != NULL ? text : "");
}

/* the row stays while what it shows changes (hp_stable_model_new()) */
static void
bar_row_changed_cb (HpRow      *row,
                    GParamSpec *pspec,
                    GtkWidget  *box)
{
  show_bar (box, HP_PLAN_ROW (hp_row_get_item (row)));
}

static void
bind_bar_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  HpRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_signal_connect_object (row, "notify::item", G_CALLBACK (bar_row_changed_cb), box, 0);
  show_bar (box, HP_PLAN_ROW (hp_row_get_item (row)));
}

static void
unbind_bar_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), bar_row_changed_cb,
                                        gtk_list_item_get_child (list_item));
}

static void
append_bar_column (GtkColumnView *view)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkExpression *expression;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_bar_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_bar_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_bar_cb), NULL);

  /* Translators: a column with a bar: how much of what is needed was
   * received. The column is 160 px wide: keep the title short */
  column = gtk_column_view_column_new (_("Received of needed"), factory);
  expression = gtk_property_expression_new (HP_TYPE_PLAN_ROW, NULL, "fraction");
  gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_numeric_sorter_new (expression)));
  gtk_column_view_column_set_resizable (column, TRUE);
  /* the bar (80 px) and "100 %", or the header, whichever is wider:
   * "Received of needed" takes 146 px, the German "Bedarfsdeckung" 108 */
  gtk_column_view_column_set_fixed_width (column, 160);
  gtk_column_view_append_column (view, column);
}

/* A table's rows stay while the plan changes (hp_stable_model_new()): a
 * new plan after every edit only changes what they show, instead of GTK
 * making the widgets of 200 rows again. Rows that first show, or come
 * when a table grows, come a few per frame (hp-reveal-model.c); a hidden
 * table makes its rows' widgets too, when the plan fills it. */
static void
set_up_view (GtkColumnView *view,
             GListStore    *rows)
{
  guint n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (view));
  GtkSortListModel *sorted;
  HpStableModel *stable;
  HpRevealModel *reveal;
  g_autoptr(GtkNoSelection) selection = NULL;

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (rows)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  stable = hp_stable_model_new (G_LIST_MODEL (sorted));
  g_object_unref (sorted);
  reveal = hp_reveal_model_new (G_LIST_MODEL (stable));
  g_object_unref (stable);
  hp_reveal_model_start (reveal, GTK_WIDGET (view), hp_reveal_step (n_columns));
  /* the selection owns the reveal model, the view the selection */
  selection = gtk_no_selection_new (G_LIST_MODEL (reveal));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* ------------------------------------------------------------------------ */
/* Internal API (hp-plan-page-internal.h)                                    */

void
_hp_plan_page_set_up_tables (HpPlanPage *self)
{
  self->items = g_list_store_new (HP_TYPE_PLAN_ROW);
  self->schools = g_list_store_new (HP_TYPE_PLAN_ROW);
  self->chases = g_list_store_new (HP_TYPE_PLAN_ROW);

  hp_columns_append (self->item_view, HP_TYPE_PLAN_ROW, item_columns, G_N_ELEMENTS (item_columns));
  append_bar_column (self->item_view);
  hp_columns_append (self->item_view, HP_TYPE_PLAN_ROW, item_columns_after_bar,
                     G_N_ELEMENTS (item_columns_after_bar));
  hp_columns_append (self->school_view, HP_TYPE_PLAN_ROW, school_columns, G_N_ELEMENTS (school_columns));
  hp_columns_append (self->chase_view, HP_TYPE_PLAN_ROW, chase_columns, G_N_ELEMENTS (chase_columns));

  set_up_view (self->item_view, self->items);
  set_up_view (self->school_view, self->schools);
  set_up_view (self->chase_view, self->chases);
  /* GTK 4.8 measures all of a column's cells for each new one */
  hp_column_widths_attach (self->item_view);
  hp_column_widths_attach (self->school_view);
  hp_column_widths_attach (self->chase_view);
}

/**
 * _hp_plan_page_build_rows:
 *
 * Makes the tables' rows of a plan. Safe in a worker thread: it reads only
 * @input and @plan.
 *
 * Returns: (transfer full): the rows
 */
HpPlanPageRows *
_hp_plan_page_build_rows (const HpPlanInput *input,
                          const HpPlan      *plan)
{
  HpPlanPageRows *rows = g_new0 (HpPlanPageRows, 1);

  rows->items = build_items (input, plan);
  rows->schools = build_schools (input, plan);
  rows->chases = build_chases (input, plan);

  return rows;
}

void
_hp_plan_page_rows_free (HpPlanPageRows *rows)
{
  g_clear_pointer (&rows->items, g_ptr_array_unref);
  g_clear_pointer (&rows->schools, g_ptr_array_unref);
  g_clear_pointer (&rows->chases, g_ptr_array_unref);
  g_free (rows);
}

/* Shows @rows, made by _hp_plan_page_build_rows() from the page's plan. */
void
_hp_plan_page_fill_tables (HpPlanPage     *self,
                           HpPlanPageRows *rows)
{
  replace_rows (self->items, rows->items);
  fill_schools (self, rows->schools);
  fill_chases (self, rows->chases);
}
