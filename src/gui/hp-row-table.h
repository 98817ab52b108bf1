/* hp-row-table.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compact rows for the table pages. A national campaign has 350,000
 * graduates; as full objects they took 440 MB and every sort or filter
 * touched each of them on the main loop. A packed row keeps only what the
 * table shows: the item's id, one 4-byte cell per column (a flag, a number,
 * or the number of a text shared by every row that shows it: school names,
 * classes, first names repeat thousands of times) and, for a page that
 * narrows its list (e.g. to one school), one key. The item itself is made
 * again from the store when somebody needs it (the selected row, the
 * editor), unless the page keeps its few items (HpRowLayout.keep_items).
 *
 * A pool is filled by one thread at a time (the loader's worker). Its rows
 * and texts never change once made, so any thread may read the ones it was
 * handed, and searching and sorting (hp_row_pool_query()) run in workers.
 */
#pragma once

#include <gio/gio.h>

#include "hp-cell.h"

G_BEGIN_DECLS

/**
 * HpText:
 * @shown: the cell's text as the table shows it (a date already formatted)
 * @sort_key: what sorts it with strcmp(): the case-folded collation key of
 *   a text, the ISO form of a date
 * @folded: (nullable): for a searchable column, the text folded both ways
 *   of hp_fold_for_search(), separated by a newline where they differ
 */
typedef struct
{
  const char *shown;
  const char *sort_key;
  const char *folded;
} HpText;

/**
 * HpPackedRow:
 * @id: the item's id
 * @slots: the cells, 32 bits each: a text as its number in the pool (0:
 *   none), a flag or tristate as is, a number in two slots; then the
 *   narrowing key (two slots) and the kept item (two), where the layout
 *   has them. Read them with the hp_row_pool_get_*() calls.
 *
 * 48 bytes for a graduate of eight columns.
 */
typedef struct
{
  gint64  id;
  guint32 slots[];
} HpPackedRow;

/**
 * HpRowLayout:
 * @columns: (array length=n_columns): the table's columns
 * @keep_items: whether rows keep their items (short lists whose items carry
 *   figures the store computes only in a list, e.g. products)
 * @get_narrow_key: (nullable): the key a page narrows by, e.g. a graduate's
 *   school id; called in the loader's worker thread
 *
 * What a page's rows hold. A static table, like the columns.
 */
typedef struct
{
  const HpColumnSpec *columns;
  guint               n_columns;
  gboolean            keep_items;
  gint64            (*get_narrow_key) (GObject *item);
} HpRowLayout;

/**
 * HpRowQuery:
 * @terms: (nullable): the search words in pairs: folded plainly and
 *   transliterated ("" if the same), as the page makes them; %NULL: all
 * @narrowed: whether only rows with @narrow_key are wanted
 * @narrow_key: the key of the wanted rows
 * @sort_column: the column to sort by, or -1 for the store's order
 * @descending: whether that sort is reversed
 */
typedef struct
{
  char     **terms;
  gboolean   narrowed;
  gint64     narrow_key;
  int        sort_column;
  gboolean   descending;
} HpRowQuery;

typedef struct _HpRowPool HpRowPool;

HpRowPool   *hp_row_pool_new          (const HpRowLayout  *layout);
HpRowPool   *hp_row_pool_ref          (HpRowPool          *pool);
void         hp_row_pool_unref        (HpRowPool          *pool);
const HpRowLayout *hp_row_pool_get_layout (HpRowPool      *pool);
gsize        hp_row_pool_get_size     (HpRowPool          *pool);

HpPackedRow *hp_row_pool_pack         (HpRowPool          *pool,
                                       GObject            *item);

GPtrArray   *hp_row_pool_query        (HpRowPool          *pool,
                                       GPtrArray          *rows,
                                       const HpRowQuery   *query,
                                       GCancellable       *cancellable);

char        *hp_row_pool_format_cell  (HpRowPool          *pool,
                                       const HpPackedRow  *row,
                                       guint               column);
const HpText *hp_row_pool_get_text    (HpRowPool          *pool,
                                       const HpPackedRow  *row,
                                       guint               column);
gint64       hp_row_pool_get_number   (HpRowPool          *pool,
                                       const HpPackedRow  *row,
                                       guint               column);
gint64       hp_row_pool_get_narrow_key (HpRowPool        *pool,
                                       const HpPackedRow  *row);
GObject     *hp_row_pool_get_item     (HpRowPool          *pool,
                                       const HpPackedRow  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpRowPool, hp_row_pool_unref)

G_END_DECLS
