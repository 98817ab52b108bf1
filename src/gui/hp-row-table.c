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

/* above glibc's mmap threshold (which the programs pin at 128 KiB, see
 * hp_export_setup_process()): a pool's memory goes back to the system
 * when the pool goes */
#define BLOCK_SIZE (512 * 1024)

/* Texts are numbered; their pointers live in blocks that never move, so
 * that a thread that searches while the loader packs reads the ones it
 * was handed safely. */
#define TEXT_BLOCK_BITS 12
#define TEXT_BLOCK      (1u << TEXT_BLOCK_BITS)
#define MAX_TEXT_BLOCKS 4096

struct _HpRowPool
{
  const HpRowLayout *layout;
  gsize              row_size;
  guint             *offsets;     /* per column: its first slot */
  guint              narrow_slot; /* two slots, if the layout narrows */
  guint              item_slot;   /* two slots, if the layout keeps items */

  HpText           **text_blocks[MAX_TEXT_BLOCKS];
  guint              n_texts;     /* 0 is no text */

  /* Packing thread only */
  GPtrArray         *blocks;      /* of g_malloc'd memory */
  char              *free_start;
  gsize              free_size;
  gsize              size;        /* of the blocks */
  GHashTable        *texts[4];    /* raw text → HpText, by kind: is_date * 2 + searchable */
  GPtrArray         *items;       /* the rows' items, if the layout keeps them */
};

/* @size bytes aligned for @align (a power of two), zeroed */
static void *
pool_alloc (HpRowPool *pool,
            gsize      size,
            gsize      align)
{
  gsize pad = (align - ((guintptr) pool->free_start & (align - 1))) & (align - 1);
  void *memory;

  if (pool->free_start == NULL || size + pad > pool->free_size)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      pool->free_start = g_malloc0 (block);
      pool->free_size = block;
      pool->size += block;
      g_ptr_array_add (pool->blocks, pool->free_start);
      pad = 0;
    }

  memory = pool->free_start + pad;
  pool->free_start += size + pad;
  pool->free_size -= size + pad;

  return memory;
}

static const char *
pool_strdup (HpRowPool  *pool,
             const char *text)
{
  gsize len = strlen (text) + 1;

  return memcpy (pool_alloc (pool, len, 1), text, len);
}

/**
 * hp_row_pool_new:
 * @layout: what the rows hold; a static table that outlives the pool
 *
 * Returns: (transfer full): an empty pool
 */
/* a number of 64 bits, in two slots: money, counts, computed figures */
static gboolean
column_is_numeric (const HpColumnSpec *spec)
{
  return spec->get != NULL || spec->format == HP_CELL_NUMBER || spec->format == HP_CELL_MONEY;
}

HpRowPool *
hp_row_pool_new (const HpRowLayout *layout)
{
  HpRowPool *pool;
  guint n_slots = 0;

  g_return_val_if_fail (layout != NULL, NULL);

  pool = g_atomic_rc_box_new0 (HpRowPool);
  pool->layout = layout;
  pool->offsets = g_new (guint, MAX (1, layout->n_columns));
  for (guint i = 0; i < layout->n_columns; i++)
    {
      pool->offsets[i] = n_slots;
      n_slots += column_is_numeric (&layout->columns[i]) ? 2 : 1;
    }
  if (layout->get_narrow_key != NULL)
    {
      pool->narrow_slot = n_slots;
      n_slots += 2;
    }
  if (layout->keep_items)
    {
      pool->item_slot = n_slots;
      n_slots += 2;
    }
  pool->row_size = sizeof (HpPackedRow) + n_slots * sizeof (guint32);
  /* text 0 is none */
  pool->n_texts = 1;
  pool->blocks = g_ptr_array_new_with_free_func (g_free);
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
  g_free (pool->offsets);
  for (guint b = 0; b < MAX_TEXT_BLOCKS && pool->text_blocks[b] != NULL; b++)
    g_free (pool->text_blocks[b]);
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

/**
 * hp_row_pool_get_size:
 *
 * Returns: the bytes the pool's rows and texts take (its blocks), for
 *   benchmarks; read it in the packing thread or after packing
 */
gsize
hp_row_pool_get_size (HpRowPool *pool)
{
  return pool->size;
}

/* ------------------------------------------------------------------------ */
/* Packing                                                                   */

static inline const HpText *
text_at (HpRowPool *pool,
         guint32    index)
{
  return index == 0 ? NULL : pool->text_blocks[index >> TEXT_BLOCK_BITS][index & (TEXT_BLOCK - 1)];
}

/* Returns: the number of @raw's text in @pool, 0 for none */
static guint32
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

  guint32 index;

  if (raw == NULL || *raw == '\0')
    return 0;

  index = GPOINTER_TO_UINT (g_hash_table_lookup (table, raw));
  if (index != 0)
    return index;

  index = pool->n_texts;
  if ((index >> TEXT_BLOCK_BITS) >= MAX_TEXT_BLOCKS)
    g_error ("More than %u different texts in one list", MAX_TEXT_BLOCKS * TEXT_BLOCK);
  if (pool->text_blocks[index >> TEXT_BLOCK_BITS] == NULL)
    pool->text_blocks[index >> TEXT_BLOCK_BITS] = g_new0 (HpText *, TEXT_BLOCK);

  text = pool_alloc (pool, sizeof *text, sizeof (gpointer));
  if (is_date)
    {
      shown = hp_format_date (raw);
      text->shown = pool_strdup (pool, shown);
      text->sort_key = pool_strdup (pool, raw);
    }
  else
    {
      text->shown = pool_strdup (pool, raw);
      casefolded = g_utf8_casefold (raw, -1);
      collated = g_utf8_collate_key (casefolded, -1);
      text->sort_key = pool_strdup (pool, collated);
    }

  if (searchable)
    {
      g_autofree char *plain = hp_fold_for_search (text->shown, FALSE);
      g_autofree char *transliterated = hp_fold_for_search (text->shown, TRUE);

      /* both foldings, the second only where it differs (umlauts) */
      if (g_str_equal (plain, transliterated))
        text->folded = pool_strdup (pool, plain);
      else
        {
          g_autofree char *both = g_strconcat (plain, "\n", transliterated, NULL);

          text->folded = pool_strdup (pool, both);
        }
    }

  /* published only now that it is complete; the key is the pool's own
   * copy of @raw */
  pool->text_blocks[index >> TEXT_BLOCK_BITS][index & (TEXT_BLOCK - 1)] = text;
  pool->n_texts++;
  g_hash_table_insert (table, (gpointer) (is_date ? text->sort_key : text->shown), GUINT_TO_POINTER (index));
  return index;
}

static inline gint64
read_int64 (const HpPackedRow *row,
            guint              slot)
{
  gint64 value;

  memcpy (&value, &row->slots[slot], sizeof value);
  return value;
}

static inline void
write_int64 (HpPackedRow *row,
             guint        slot,
             gint64       value)
{
  memcpy (&row->slots[slot], &value, sizeof value);
}

/**
 * hp_row_pool_get_text:
 * @column: a %HP_CELL_TEXT or %HP_CELL_DATE column
 *
 * Returns: (transfer none) (nullable): the text of @row in @column, %NULL
 *   if empty
 */
const HpText *
hp_row_pool_get_text (HpRowPool         *pool,
                      const HpPackedRow *row,
                      guint              column)
{
  return text_at (pool, row->slots[pool->offsets[column]]);
}

/**
 * hp_row_pool_get_number:
 * @column: a column that is no text or date
 *
 * Returns: the value of @row in @column
 */
gint64
hp_row_pool_get_number (HpRowPool         *pool,
                        const HpPackedRow *row,
                        guint              column)
{
  const HpColumnSpec *spec = &pool->layout->columns[column];

  if (column_is_numeric (spec))
    return read_int64 (row, pool->offsets[column]);

  /* flags and tristates: one slot, signed (%HP_UNSET is -1) */
  return (gint32) row->slots[pool->offsets[column]];
}

/**
 * hp_row_pool_get_narrow_key:
 *
 * Returns: what the page narrows @row by, 0 if it does not narrow
 */
gint64
hp_row_pool_get_narrow_key (HpRowPool         *pool,
                            const HpPackedRow *row)
{
  return pool->layout->get_narrow_key != NULL ? read_int64 (row, pool->narrow_slot) : 0;
}

/**
 * hp_row_pool_get_item:
 *
 * Returns: (transfer none) (nullable): @row's item, if the layout keeps
 *   items
 */
GObject *
hp_row_pool_get_item (HpRowPool         *pool,
                      const HpPackedRow *row)
{
  return pool->layout->keep_items ? (GObject *) (guintptr) read_int64 (row, pool->item_slot) : NULL;
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
  HpPackedRow *row = pool_alloc (pool, pool->row_size, 8);

  g_object_get (item, "id", &row->id, NULL);
  if (layout->get_narrow_key != NULL)
    write_int64 (row, pool->narrow_slot, layout->get_narrow_key (item));
  if (layout->keep_items)
    {
      write_int64 (row, pool->item_slot, (gint64) (guintptr) g_object_ref (item));
      g_ptr_array_add (pool->items, item);
    }

  for (guint i = 0; i < layout->n_columns; i++)
    {
      const HpColumnSpec *spec = &layout->columns[i];
      g_auto(GValue) value = G_VALUE_INIT;

      guint slot = pool->offsets[i];

      if (spec->get != NULL)
        {
          write_int64 (row, slot, spec->get (item, NULL));
          continue;
        }

      g_object_get_property (item, spec->property, &value);
      switch (spec->format)
        {
        case HP_CELL_TEXT:
        case HP_CELL_DATE:
          row->slots[slot] = intern_text (pool, g_value_get_string (&value),
                                          spec->format == HP_CELL_DATE, spec->search);
          break;

        case HP_CELL_FLAG:
          row->slots[slot] = g_value_get_boolean (&value) ? 1 : 0;
          break;

        case HP_CELL_TRISTATE:
          row->slots[slot] = (guint32) (gint32) hp_cell_value_get_int64 (&value);
          break;

        case HP_CELL_NUMBER:
        case HP_CELL_MONEY:
        default:
          write_int64 (row, slot, hp_cell_value_get_int64 (&value));
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
      if (spec->get == NULL)
        {
          const HpText *text = hp_row_pool_get_text (pool, row, column);

          return g_strdup (text ? text->shown : "");
        }
      G_GNUC_FALLTHROUGH;

    case HP_CELL_NUMBER:
    case HP_CELL_MONEY:
    case HP_CELL_TRISTATE:
    default:
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, hp_row_pool_get_number (pool, row, column));
      break;

    case HP_CELL_FLAG:
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, hp_row_pool_get_number (pool, row, column) != 0);
      break;
    }

  return hp_columns_format_cell (spec, &value);
}

/* ------------------------------------------------------------------------ */
/* Searching and sorting                                                     */

static gboolean
row_matches (HpRowPool          *pool,
             const HpPackedRow  *row,
             const char * const *terms)
{
  const HpRowLayout *layout = pool->layout;

  /* pairs: the word folded plainly, and transliterated ("" if the same);
   * every word must be in some searchable cell */
  for (guint t = 0; terms[t] != NULL; t += 2)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < layout->n_columns && !found; i++)
        {
          const HpText *text;

          if (!layout->columns[i].search || column_is_numeric (&layout->columns[i]) ||
              (text = hp_row_pool_get_text (pool, row, i)) == NULL || text->folded == NULL)
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
  HpRowPool *pool;
  guint      column;
  gboolean   numeric;
  int        sign;
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
      gint64 u = hp_row_pool_get_number (sort->pool, x, sort->column);
      gint64 v = hp_row_pool_get_number (sort->pool, y, sort->column);

      result = (u > v) - (u < v);
    }
  else
    {
      const HpText *u = hp_row_pool_get_text (sort->pool, x, sort->column);
      const HpText *v = hp_row_pool_get_text (sort->pool, y, sort->column);

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
      if (query->narrowed && hp_row_pool_get_narrow_key (pool, row) != query->narrow_key)
        continue;
      if (query->terms != NULL && !row_matches (pool, row, (const char * const *) query->terms))
        continue;
      g_ptr_array_add (found, (gpointer) row);
    }

  if (query->sort_column >= 0 && (guint) query->sort_column < layout->n_columns && found->len > 1)
    {
      HpCellFormat format = layout->columns[query->sort_column].format;
      SortSpec sort = {
        .pool = pool,
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
