/* hp-columns.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hp-columns"

#include "config.h"

#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-columns.h"
#include "hp-row-model.h"

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

/* What a column's factory callbacks get: owned by the factory. */
typedef struct
{
  const HpColumnSpec *spec;
  guint               index;
} ColumnInfo;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  const HpColumnSpec *spec = info->spec;
  GtkWidget *cell;

  cell = gtk_inscription_new (NULL);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), spec->width_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  if (hp_cell_format_is_numeric (spec->format))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  else if (spec->format == HP_CELL_FLAG || spec->format == HP_CELL_TRISTATE)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.5);
    }

  /* for row_item_changed_cb() */
  g_object_set_data (G_OBJECT (cell), "hp-column-info", (gpointer) info);
  gtk_list_item_set_child (list_item, cell);
}

static void
get_cell_value (const HpColumnSpec *spec,
                GObject            *item,
                GValue             *value)
{
  if (spec->get != NULL)
    {
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, spec->get (item, NULL));
    }
  else
    {
      g_object_get_property (item, spec->property, value);
    }
}

/* Writes @row's packed cell (or @item's value, for a view whose items are
 * not HpRows) into @cell; neither empties it. */
static void
show_cell (GtkWidget          *cell,
           const HpColumnSpec *spec,
           guint               index,
           HpRow              *row,
           GObject            *item)
{
  g_autofree char *text = NULL;
  gboolean shown = FALSE;

  if (row != NULL && hp_row_get_packed (row) != NULL)
    {
      text = hp_row_pool_format_cell (hp_row_get_pool (row), hp_row_get_packed (row), index);
      shown = TRUE;
    }
  else if (row != NULL)
    {
      /* a row of an HpStableModel shows an item */
      item = hp_row_get_item (row);
    }

  if (!shown && item != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      get_cell_value (spec, item, &value);
      text = hp_columns_format_cell (spec, &value);
      shown = TRUE;
    }

  /* an empty cell may say what is missing, dimmed */
  if (spec->empty_text != NULL && shown && (text == NULL || *text == '\0'))
    {
      g_free (text);
      text = g_strdup (_(spec->empty_text));
      gtk_widget_add_css_class (cell, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (cell, "dim-label");
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);

  if (spec->tooltip != NULL)
    {
      g_autofree char *tooltip = NULL;

      if (item != NULL)
        g_object_get (item, spec->tooltip, &tooltip, NULL);
      gtk_widget_set_tooltip_text (cell, tooltip != NULL && *tooltip != '\0' ? tooltip : NULL);
    }
}

static void
row_item_changed_cb (HpRow      *row,
                     GParamSpec *pspec,
                     GtkWidget  *cell)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (cell), "hp-column-info");

  show_cell (cell, info->spec, info->index, row, NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A row of an HpRowModel stays while what it shows changes (see
   * hp-row-model.c): the cell follows it. */
  if (HP_IS_ROW (item))
    {
      g_signal_connect_object (item, "notify::item", G_CALLBACK (row_item_changed_cb), cell, 0);
      g_object_set_data_full (G_OBJECT (cell), "hp-row", g_object_ref (item), g_object_unref);
      show_cell (cell, info->spec, info->index, HP_ROW (item), NULL);
    }
  else
    {
      show_cell (cell, info->spec, info->index, NULL, item);
    }

  /* lets a click on the cell find its row (GTK 4.8 has no row widgets) */
  g_object_set_data (G_OBJECT (cell), "hp-list-item", list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *row = g_object_get_data (G_OBJECT (cell), "hp-row");

  if (row != NULL)
    {
      g_signal_handlers_disconnect_by_func (row, row_item_changed_cb, cell);
      g_object_set_data (G_OBJECT (cell), "hp-row", NULL);
    }
  g_object_set_data (G_OBJECT (cell), "hp-list-item", NULL);
}

/**
 * hp_columns_get_position:
 * @cell: a widget in a column view made by hp_columns_append(), e.g. the
 *   one gtk_widget_pick() found under the pointer
 *
 * Returns: the position of the row that @cell belongs to, or
 *   %GTK_INVALID_LIST_POSITION if it is no cell (a header, the background).
 */
guint
hp_columns_get_position (GtkWidget *cell)
{
  for (GtkWidget *w = cell; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (w), "hp-list-item");

      if (list_item != NULL)
        return gtk_list_item_get_position (list_item);
      if (GTK_IS_COLUMN_VIEW (w))
        break;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * hp_columns_dup_search_key:
 * @item: an item of the view's type
 *
 * Safe in any thread that owns @item.
 *
 * Returns: (transfer full): the folded text of the searchable columns,
 *   separated by newlines, for a quick strstr() per keystroke: folded
 *   both ways of hp_fold_for_search() (the second after another newline,
 *   if it differs), so a query folded either way can be found in it.
 */
char *
hp_columns_dup_search_key (const HpColumnSpec *specs,
                           guint               n_specs,
                           GObject            *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *plain = NULL;
  g_autofree char *transliterated = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *cell = NULL;

      if (!specs[i].search)
        continue;

      get_cell_value (&specs[i], item, &value);
      cell = hp_columns_format_cell (&specs[i], &value);
      g_string_append (text, cell);
      g_string_append_c (text, '\n');
    }

  plain = hp_fold_for_search (text->str, FALSE);
  transliterated = hp_fold_for_search (text->str, TRUE);
  /* both foldings (hp_fold_for_search()), the second only where it
   * differs, i.e. where there are umlauts */
  if (g_str_equal (plain, transliterated))
    return g_steal_pointer (&plain);
  return g_strconcat (plain, "\n", transliterated, NULL);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */

/* A column's sorter compares two items by the column's value, for a view
 * sorted by GTK (a GtkSortListModel over a short list: the Planning page).
 * The table pages sort in their worker instead (hp_row_pool_query()) and
 * only need to know by which column. GTK 4.8 has no call for the column
 * view's primary sort column (that came in 4.10), so hp_columns_get_sort()
 * asks the view's sorter to compare two probe objects. It consults its
 * columns' sorters in order, primary first, and inverts a descending
 * column's answer; the first column sorter asked notes its column and
 * answers "smaller". */

static GtkSorter *
create_sorter (GType               item_type,
               const HpColumnSpec *spec)
{
  GtkExpression *expression;
  g_autoptr(GTypeClass) item_class = g_type_class_ref (item_type);
  GParamSpec *pspec;

  if (spec->get != NULL)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL,
                                                G_CALLBACK (spec->get), NULL, NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }

  pspec = g_object_class_find_property (G_OBJECT_CLASS (item_class), spec->property);
  expression = gtk_property_expression_new (item_type, NULL, pspec->name);

  /* ISO dates sort correctly as text */
  if (pspec->value_type == G_TYPE_STRING)
    return GTK_SORTER (gtk_string_sorter_new (expression));

  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

#define HP_TYPE_COLUMN_SORTER (hp_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (HpColumnSorter, hp_column_sorter, HP, COLUMN_SORTER, GtkSorter)

struct _HpColumnSorter
{
  GtkSorter  parent_instance;

  guint      index;
  GtkSorter *values;    /* compares the items' values */
};

G_DEFINE_FINAL_TYPE (HpColumnSorter, hp_column_sorter, GTK_TYPE_SORTER)

/* main thread only */
static GObject *probes[2];
static int probed_column = -1;

static GtkOrdering
hp_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  if (item1 != probes[0] || item2 != probes[1])
    return gtk_sorter_compare (HP_COLUMN_SORTER (sorter)->values, item1, item2);

  if (probed_column < 0)
    probed_column = (int) HP_COLUMN_SORTER (sorter)->index;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
hp_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
hp_column_sorter_finalize (GObject *object)
{
  g_clear_object (&HP_COLUMN_SORTER (object)->values);

  G_OBJECT_CLASS (hp_column_sorter_parent_class)->finalize (object);
}

static void
hp_column_sorter_class_init (HpColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hp_column_sorter_finalize;
  sorter_class->compare = hp_column_sorter_compare;
  sorter_class->get_order = hp_column_sorter_get_order;
}

static void
hp_column_sorter_init (HpColumnSorter *self)
{
}

/**
 * hp_columns_get_sort:
 * @column_view: a view made by hp_columns_append()
 * @out_column: (out): the index of the column the view sorts by, or -1
 * @out_descending: (out): whether it sorts that column descending
 *
 * Reads what the user chose by clicking the column headers.
 */
void
hp_columns_get_sort (GtkColumnView *column_view,
                     int           *out_column,
                     gboolean      *out_descending)
{
  GtkOrdering ordering;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  if (probes[0] == NULL)
    {
      probes[0] = g_object_new (G_TYPE_OBJECT, NULL);
      probes[1] = g_object_new (G_TYPE_OBJECT, NULL);
    }

  probed_column = -1;
  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (column_view), probes[0], probes[1]);
  *out_column = probed_column;
  *out_descending = probed_column >= 0 && ordering == GTK_ORDERING_LARGER;
  probed_column = -1;
}

/**
 * hp_columns_append:
 * @column_view: the view to add columns to
 * @item_type: the #GObject type of the model's items
 * @specs: (array length=n_specs): the columns, in order; the array must
 *   outlive the view (use a static table)
 *
 * Appends one sortable, resizable column per spec.
 */
void
hp_columns_append (GtkColumnView      *column_view,
                   GType               item_type,
                   const HpColumnSpec *specs,
                   guint               n_specs)
{
  g_autoptr(GTypeClass) item_class = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT));
  g_return_if_fail (specs != NULL || n_specs == 0);

  item_class = g_type_class_ref (item_type);

  for (guint i = 0; i < n_specs; i++)
    {
      const HpColumnSpec *spec = &specs[i];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkListItemFactory *factory;
      ColumnInfo *info;
      /* a column shows a property of the items, or computes its number */
      g_assert (spec->get != NULL ||
                g_object_class_find_property (G_OBJECT_CLASS (item_class), spec->property) != NULL);

      info = g_new (ColumnInfo, 1);
      info->spec = spec;
      info->index = i;
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data_full (G_OBJECT (factory), "hp-column-info", info, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);

      /* the column takes the factory's reference */
      column = gtk_column_view_column_new (_(spec->title), factory);
      sorter = g_object_new (HP_TYPE_COLUMN_SORTER, NULL);
      HP_COLUMN_SORTER (sorter)->index = i;
      HP_COLUMN_SORTER (sorter)->values = create_sorter (item_type, spec);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, spec->expand);
      gtk_column_view_append_column (column_view, column);
    }
}
