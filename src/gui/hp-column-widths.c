/* hp-column-widths.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 measures a column by measuring every cell it has, and a new cell
 * makes all the column's cells measure again (gtk_column_view_column_add_cell()
 * queues a resize of each). While a table page shows its first ~200 rows a
 * few per frame, each frame then measured every cell made so far: 10-30 ms
 * a frame at the end. Our cells are GtkInscriptions, whose width does not
 * depend on their text, so one row's cells and the titles say what the
 * whole column needs. This measures them once and gives each column that
 * width as its fixed width, sharing out the view's width as GTK would when
 * the natural widths do not fit; a column the user resized keeps its width.
 */

#define G_LOG_DOMAIN "hp-column-widths"

#include "config.h"

#include "hp-column-widths.h"

typedef struct
{
  GtkColumnView *view;       /* weak: owns us */
  GtkAdjustment *adjustment; /* the view's hadjustment, while connected */
  int           *minimum;    /* per column, once measured */
  int           *natural;
  int           *set;        /* the width we gave, or -1 */
  guint          n_columns;
  guint          tick_id;
  guint          apply_id;   /* the idle that shares out a new width */
  int            width;      /* the view's width we shared out last */
} Widths;

static void
widths_free (gpointer data)
{
  Widths *widths = data;

  g_clear_handle_id (&widths->apply_id, g_source_remove);
  if (widths->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (widths->adjustment, widths);
  g_clear_object (&widths->adjustment);
  g_free (widths->minimum);
  g_free (widths->natural);
  g_free (widths->set);
  g_free (widths);
}

/* What each column gets of @available pixels: its natural width if all
 * fit (GTK gives what is left to the expanding columns), else its minimum
 * and a share of the rest, the columns that want least first, as
 * gtk_distribute_natural_allocation() does. */
void
hp_column_widths_share (const int *minimum,
                        const int *natural,
                        guint      n_columns,
                        int        available,
                        int       *out_widths)
{
  g_autofree guint *order = g_new (guint, n_columns);
  int sum_min = 0, sum_nat = 0, extra;

  for (guint i = 0; i < n_columns; i++)
    {
      sum_min += minimum[i];
      sum_nat += MAX (minimum[i], natural[i]);
      out_widths[i] = minimum[i];
      order[i] = i;
    }
  if (sum_nat <= available)
    {
      for (guint i = 0; i < n_columns; i++)
        out_widths[i] = MAX (minimum[i], natural[i]);
      return;
    }
  if (sum_min >= available)
    return;

  /* by the width each still wants, smallest first (a stable insertion sort:
   * a dozen columns) */
  for (guint i = 1; i < n_columns; i++)
    for (guint j = i; j > 0; j--)
      {
        guint a = order[j - 1], b = order[j];

        if (natural[a] - minimum[a] <= natural[b] - minimum[b])
          break;
        order[j - 1] = b;
        order[j] = a;
      }

  extra = available - sum_min;
  for (guint k = 0; k < n_columns; k++)
    {
      guint i = order[k];
      int share = extra / (int) (n_columns - k);
      int give = MIN (MAX (0, natural[i] - minimum[i]), share);

      out_widths[i] += give;
      extra -= give;
    }
}

/* The view's @index-th child, or NULL */
static GtkWidget *
nth_child (GtkWidget *widget,
           guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
apply (Widths *widths)
{
  GListModel *columns = gtk_column_view_get_columns (widths->view);
  g_autofree int *minimum = g_new (int, widths->n_columns);
  g_autofree int *natural = g_new (int, widths->n_columns);
  g_autofree int *shared = g_new (int, widths->n_columns);

  if (widths->width <= 0 || g_list_model_get_n_items (columns) != widths->n_columns)
    return;

  for (guint i = 0; i < widths->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int fixed = gtk_column_view_column_get_fixed_width (column);

      /* a width the user dragged to stays */
      if (fixed >= 0 && fixed != widths->set[i])
        minimum[i] = natural[i] = fixed;
      else
        minimum[i] = widths->minimum[i], natural[i] = widths->natural[i];
    }

  hp_column_widths_share (minimum, natural, widths->n_columns, widths->width, shared);

  for (guint i = 0; i < widths->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int fixed = gtk_column_view_column_get_fixed_width (column);

      if (fixed >= 0 && fixed != widths->set[i])
        continue;
      if (fixed != shared[i])
        gtk_column_view_column_set_fixed_width (column, shared[i]);
      widths->set[i] = shared[i];
    }
}

static gboolean
apply_idle_cb (gpointer user_data)
{
  Widths *widths = user_data;

  widths->apply_id = 0;
  apply (widths);

  return G_SOURCE_REMOVE;
}

/* The scrolled window says so while it allocates: the widths change after
 * that frame, not inside its layout. */
static void
page_size_cb (GtkAdjustment *adjustment,
              GParamSpec    *pspec,
              Widths        *widths)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width == widths->width || width <= 0)
    return;
  widths->width = width;
  if (widths->apply_id == 0)
    widths->apply_id = g_idle_add (apply_idle_cb, widths);
}

/* Measures the titles and the first row's cells, once the view has a row. */
static gboolean
measure_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  Widths *widths = user_data;
  GtkColumnView *view = GTK_COLUMN_VIEW (widget);
  guint n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (view));
  /* GTK 4.8: the header (the titles), then the list view (the rows) */
  GtkWidget *header = nth_child (widget, 0);
  GtkWidget *list = nth_child (widget, 1);
  GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;

  if (header == NULL || row == NULL || count_children (header) != n_columns ||
      count_children (row) != n_columns)
    return G_SOURCE_CONTINUE;

  widths->n_columns = n_columns;
  widths->minimum = g_new (int, n_columns);
  widths->natural = g_new (int, n_columns);
  widths->set = g_new (int, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      int title_min, title_nat, cell_min, cell_nat;

      gtk_widget_measure (nth_child (header, i), GTK_ORIENTATION_HORIZONTAL, -1, &title_min, &title_nat,
                          NULL, NULL);
      gtk_widget_measure (nth_child (row, i), GTK_ORIENTATION_HORIZONTAL, -1, &cell_min, &cell_nat,
                          NULL, NULL);
      widths->minimum[i] = MAX (title_min, cell_min);
      widths->natural[i] = MAX (title_nat, cell_nat);
      widths->set[i] = -1;
    }

  widths->adjustment = g_object_ref (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)));
  g_signal_connect (widths->adjustment, "notify::page-size", G_CALLBACK (page_size_cb), widths);
  widths->tick_id = 0;
  widths->width = (int) gtk_adjustment_get_page_size (widths->adjustment);
  apply (widths);

  return G_SOURCE_REMOVE;
}

static void
view_mapped_cb (GtkWidget *view,
                Widths    *widths)
{
  if (widths->minimum == NULL && widths->tick_id == 0)
    widths->tick_id = gtk_widget_add_tick_callback (view, measure_tick_cb, widths, NULL);
}

static void
view_unmapped_cb (GtkWidget *view,
                  Widths    *widths)
{
  if (widths->tick_id != 0)
    gtk_widget_remove_tick_callback (view, widths->tick_id);
  widths->tick_id = 0;
}

/**
 * hp_column_widths_attach:
 * @view: a column view whose cells are one GtkInscription each
 *   (hp_columns_append())
 *
 * Gives the columns of @view fixed widths measured from its titles and
 * first row, once it has one, and shares the view's width out again when
 * it changes. The columns must all be there.
 */
void
hp_column_widths_attach (GtkColumnView *view)
{
  Widths *widths;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  widths = g_new0 (Widths, 1);
  widths->view = view;
  g_object_set_data_full (G_OBJECT (view), "hp-column-widths", widths, widths_free);
  g_signal_connect (view, "map", G_CALLBACK (view_mapped_cb), widths);
  g_signal_connect (view, "unmap", G_CALLBACK (view_unmapped_cb), widths);
}
