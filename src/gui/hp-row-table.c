/* hp-row-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Packed rows (see hp-row-table.h): made in the loader's worker, searched
 * and sorted in other workers, shown by HpRowModel.
 *
 * Memory: rows and texts come from large blocks, freed with the pool; a
 * text is made once per distinct value and column kind (the hash tables
 * are only used while packing, by the one packing thread).
 */

#define G_LOG_DOMAIN "hp-row-table"

#include "config.h"

#include <string.h>

#include <heimpack/heimpack.h>

#include "hp-row-table.h"

#define BLOCK_SIZE (256 * 1024)

struct _HpRowPool
{
  const HpRowLayout *layout;
  gsize              row_size;

  /* Packing thread only */
  GPtrArray         *blocks;      /* of g_malloc'd memory */
  char              *free_start;
  gsize              free_size;
  GStringChunk      *strings;
  GHashTable        *texts[4];    /* raw text → HpText, by kind: is_date * 2 + searchable */
  GPtrArray         *items;       /* the rows' items, if the layout keeps them */
};

static void *
pool_alloc (HpRowPool *pool,
            gsize      size)
{
  void *memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > pool->free_size)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      pool->free_start = g_malloc0 (block);
      pool->free_size = block;
      g_ptr_array_add (pool->blocks, pool->free_start);
    }

  memory = pool->free_start;
  pool->free_start += size;
  pool->free_size -= size;

  return memory;
}

/**
 * hp_row_pool_new:
 * @layout: what the rows hold; a static table that outlives the pool
 *
 * Returns: (transfer full): an empty pool
 */
HpRowPool *
hp_row_pool_new (const HpRowLayout *layout)
{
  HpRowPool *pool;

  g_return_val_if_fail (layout != NULL, NULL);

  pool = g_atomic_rc_box_new0 (HpRowPool);
  pool->layout = layout;
  pool->row_size = sizeof (HpPackedRow) + layout->n_columns * sizeof (HpCell);
  pool->blocks = g_ptr_array_new_with_free_func (g_free);
  pool->strings = g_string_chunk_new (64 * 1024);
  for (guint i = 0; i < G_N_ELEMENTS (pool->texts); i++)
    pool->texts[i] = g_hash_table_new (g_str_hash, g_str_equal);
  pool->items = g_ptr_array_new_with_free_func (g_object_unref);

  return pool;
}

HpRowPool *
hp_row_pool_ref (HpRowPool *pool)
{
  return g_atomic_rc_box_acquire (pool);
}

static void
pool_clear (gpointer data)
{
  HpRowPool *pool = data;

  g_ptr_array_unref (pool->items);
  g_ptr_array_unref (pool->blocks);
  g_string_chunk_free (pool->strings);
  for (guint i = 0; i < G_N_ELEMENTS (pool->texts); i++)
    g_hash_table_unref (pool->texts[i]);
}

void
hp_row_pool_unref (HpRowPool *pool)
{
  g_atomic_rc_box_release_full (pool, pool_clear);
}

const HpRowLayout *
hp_row_pool_get_layout (HpRowPool *pool)
{
  return pool->layout;
}

/* ------------------------------------------------------------------------ */
/* Packing                                                                   */

static const HpText *
intern_text (HpRowPool  *pool,
             const char *raw,
             gboolean    is_date,
             gboolean    searchable)
{
  GHashTable *table = pool->texts[(is_date ? 2 : 0) + (searchable ? 1 : 0)];
  HpText *text;
  g_autofree char *shown = NULL;
  g_autofree char *casefolded = NULL;
  g_autofree char *collated = NULL;

  if (raw == NULL || *raw == '\0')
    return NULL;

  text = g_hash_table_lookup (table, raw);
  if (text != NULL)
    return text;

  text = pool_alloc (pool, sizeof *text);
  if (is_date)
    {
      shown = hp_format_date (raw);
      text->shown = g_string_chunk_insert_const (pool->strings, shown);
      text->sort_key = g_string_chunk_insert_const (pool->strings, raw);
    }
  else
    {
      text->shown = g_string_chunk_insert_const (pool->strings, raw);
      casefolded = g_utf8_casefold (raw, -1);
      collated = g_utf8_collate_key (casefolded, -1);
      text->sort_key = g_string_chunk_insert (pool->strings, collated);
    }

  if (searchable)
    {
      g_autofree char *plain = hp_fold_for_search (text->shown, FALSE);
      g_autofree char *transliterated = hp_fold_for_search (text->shown, TRUE);

      /* both foldings, the second only where it differs (umlauts) */
      if (g_str_equal (plain, transliterated))
        text->folded = g_string_chunk_insert (pool->strings, plain);
      else
        {
          g_autofree char *both = g_strconcat (plain, "\n", transliterated, NULL);

          text->folded = g_string_chunk_insert (pool->strings, both);
        }
    }

  /* the key is the pool's own copy of @raw */
  g_hash_table_insert (table, (gpointer) (is_date ? text->sort_key : text->shown), text);
  return text;
}

static gint64
value_to_int64 (const GValue *value)
{
  g_auto(GValue) as_int64 = G_VALUE_INIT;

  g_value_init (&as_int64, G_TYPE_INT64);
  if (!g_value_transform (value, &as_int64))
    g_assert_not_reached ();

  return g_value_get_int64 (&as_int64);
}

/**
 * hp_row_pool_pack:
 * @item: an item of the page's type, with an `id` property
 *
 * Packs @item into a row of @pool. Only one thread may pack into a pool
 * (the loader's worker); the row may be handed to any thread afterwards.
 *
 * Returns: (transfer none): the row, which lives as long as @pool
 */
HpPackedRow *
hp_row_pool_pack (HpRowPool *pool,
                  GObject   *item)
{
  const HpRowLayout *layout = pool->layout;
  HpPackedRow *row = pool_alloc (pool, pool->row_size);

  g_object_get (item, "id", &row->id, NULL);
  if (layout->get_narrow_key != NULL)
    row->narrow_key = layout->get_narrow_key (item);
  if (layout->keep_items)
    {
      row->item = g_object_ref (item);
      g_ptr_array_add (pool->items, row->item);
    }

  for (guint i = 0; i < layout->n_columns; i++)
    {
      const HpColumnSpec *spec = &layout->columns[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (spec->get != NULL)
        {
          row->cells[i].number = spec->get (item, NULL);
          continue;
        }

      g_object_get_property (item, spec->property, &value);
      switch (spec->format)
        {
        case HP_CELL_TEXT:
        case HP_CELL_DATE:
          row->cells[i].text = intern_text (pool, g_value_get_string (&value),
                                            spec->format == HP_CELL_DATE, spec->search);
          break;

        case HP_CELL_FLAG:
          row->cells[i].number = g_value_get_boolean (&value) ? 1 : 0;
          break;

        case HP_CELL_NUMBER:
        case HP_CELL_MONEY:
        case HP_CELL_TRISTATE:
        default:
          row->cells[i].number = value_to_int64 (&value);
          break;
        }
    }

  return row;
}

/* ------------------------------------------------------------------------ */
/* Showing                                                                   */

/**
 * hp_row_pool_format_cell:
 *
 * Returns: (transfer full): the text of @row's cell in @column, as
 *   hp_columns_format_cell() writes it
 */
char *
hp_row_pool_format_cell (HpRowPool         *pool,
                         const HpPackedRow *row,
                         guint              column)
{
  const HpColumnSpec *spec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (column < pool->layout->n_columns, NULL);

  spec = &pool->layout->columns[column];
  switch (spec->format)
    {
    case HP_CELL_TEXT:
    case HP_CELL_DATE:
      return g_strdup (row->cells[column].text ? row->cells[column].text->shown : "");

    case HP_CELL_FLAG:
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, row->cells[column].number != 0);
      break;

    case HP_CELL_NUMBER:
    case HP_CELL_MONEY:
    case HP_CELL_TRISTATE:
    default:
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, row->cells[column].number);
      break;
    }

  return hp_columns_format_cell (spec, &value);
}

/* ------------------------------------------------------------------------ */
/* Searching and sorting                                                     */

static gboolean
row_matches (const HpRowLayout  *layout,
             const HpPackedRow  *row,
             const char * const *terms)
{
  /* pairs: the word folded plainly, and transliterated ("" if the same);
   * every word must be in some searchable cell */
  for (guint t = 0; terms[t] != NULL; t += 2)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < layout->n_columns && !found; i++)
        {
          const HpText *text;

          if (!layout->columns[i].search || (text = row->cells[i].text) == NULL || text->folded == NULL)
            continue;
          found = strstr (text->folded, terms[t]) != NULL ||
                  (*terms[t + 1] != '\0' && strstr (text->folded, terms[t + 1]) != NULL);
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint    column;
  gboolean numeric;
  int      sign;
} SortSpec;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortSpec *sort = user_data;
  const HpPackedRow *x = *(HpPackedRow * const *) a;
  const HpPackedRow *y = *(HpPackedRow * const *) b;
  int result;

  if (sort->numeric)
    {
      gint64 u = x->cells[sort->column].number, v = y->cells[sort->column].number;

      result = (u > v) - (u < v);
    }
  else
    {
      const HpText *u = x->cells[sort->column].text, *v = y->cells[sort->column].text;

      /* empty cells first, as GTK's string sorter has them */
      if (u == v)
        result = 0;
      else if (u == NULL || v == NULL)
        result = u == NULL ? -1 : 1;
      else
        result = strcmp (u->sort_key, v->sort_key);
    }

  return result * sort->sign;
}

/**
 * hp_row_pool_query:
 * @rows: (element-type HpPackedRow): rows of @pool in the store's order;
 *   nobody may change the array while the query runs
 * @cancellable: (nullable): stops the query
 *
 * Finds the rows that match @query and sorts them: a stable sort, so rows
 * that sort alike keep the store's order. Safe in any thread.
 *
 * Returns: (transfer full) (nullable): the matching rows, sorted; %NULL if
 *   cancelled
 */
GPtrArray *
hp_row_pool_query (HpRowPool        *pool,
                   GPtrArray        *rows,
                   const HpRowQuery *query,
                   GCancellable     *cancellable)
{
  const HpRowLayout *layout = pool->layout;
  g_autoptr(GPtrArray) found = g_ptr_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      const HpPackedRow *row = g_ptr_array_index (rows, i);

      if ((i & 0x3fff) == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      if (query->narrowed && row->narrow_key != query->narrow_key)
        continue;
      if (query->terms != NULL && !row_matches (layout, row, (const char * const *) query->terms))
        continue;
      g_ptr_array_add (found, (gpointer) row);
    }

  if (query->sort_column >= 0 && (guint) query->sort_column < layout->n_columns && found->len > 1)
    {
      HpCellFormat format = layout->columns[query->sort_column].format;
      SortSpec sort = {
        .column = (guint) query->sort_column,
        .numeric = layout->columns[query->sort_column].get != NULL ||
                   (format != HP_CELL_TEXT && format != HP_CELL_DATE),
        .sign = query->descending ? -1 : 1,
      };

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      /* GLib's sort is a stable merge sort */
      g_qsort_with_data (found->pdata, (int) found->len, sizeof (gpointer), compare_rows, &sort);
    }

  return g_steal_pointer (&found);
}
