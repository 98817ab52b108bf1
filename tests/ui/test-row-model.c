/* test-row-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table pages' rows: HpRowPool (src/gui/hp-row-table.c) packs items
 * into compact rows and finds and sorts them; HpRowModel
 * (src/gui/hp-row-model.c) shows them as row objects that stay the same
 * while the rows shown change, so that only the length's change reaches
 * the view, and makes a row's item only when asked for.
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>
#include <heimpack/heimpack.h>

#include "hp-column-widths.h"
#include "hp-reveal-model.h"
#include "hp-row-model.h"
#include "hp-ui-test-utils.h"

/* last name, first name, birth date, pack received; searchable: the names */
static const HpColumnSpec columns[] = {
  { "Last name", "last-name", HP_CELL_TEXT, 10, .search = TRUE },
  { "First name", "first-name", HP_CELL_TEXT, 10, .search = TRUE },
  { "Birth date", "birth-date", HP_CELL_DATE, 10 },
  { "Pack received", "pack-received", HP_CELL_FLAG, 3, FALSE, "✓" },
};

enum { LAST, FIRST, BIRTH, RECEIVED };

static gint64
school_of (GObject *item)
{
  return hp_graduate_get_school_id (HP_GRADUATE (item));
}

static const HpRowLayout layout = { columns, G_N_ELEMENTS (columns), FALSE, school_of };
static const HpRowLayout keeping = { columns, G_N_ELEMENTS (columns), TRUE, NULL };

/* The graduates of the examples, in the store's order (ids 1-6):
 *   1 Müller  Lena  2008-03-01 school 10
 *   2 Muller  Paul  (none)     school 10  received
 *   3 Schmidt Emma  2007-11-20 school 20
 *   4 Müller  Anna  2008-03-01 school 20
 *   5 Becker  Jonas 2006-01-05 school 10  received
 *   6 (none)  Mia   2008-07-30 school 20 */
static const struct
{
  const char *last, *first, *birth;
  gint64      school;
  gboolean    received;
} people[] = {
  { "Müller", "Lena", "2008-03-01", 10, FALSE },
  { "Muller", "Paul", NULL, 10, TRUE },
  { "Schmidt", "Emma", "2007-11-20", 20, FALSE },
  { "Müller", "Anna", "2008-03-01", 20, FALSE },
  { "Becker", "Jonas", "2006-01-05", 10, TRUE },
  { NULL, "Mia", "2008-07-30", 20, FALSE },
};

static GObject *
new_person (guint i)
{
  return g_object_new (HP_TYPE_GRADUATE, "id", (gint64) i + 1, "school-id", people[i].school,
                       "last-name", people[i].last, "first-name", people[i].first,
                       "birth-date", people[i].birth, "pack-received", people[i].received, NULL);
}

/* packs the people into @pool, in order */
static GPtrArray *
pack_people (HpRowPool *pool)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(GObject) item = new_person (i);

      g_ptr_array_add (rows, hp_row_pool_pack (pool, item));
    }

  return rows;
}

/* the ids of @rows as "1 2 3" */
static char *
ids_of (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            ((HpPackedRow *) g_ptr_array_index (rows, i))->id);

  return g_string_free (text, FALSE);
}

static char *
query_ids (HpRowPool  *pool,
           GPtrArray  *rows,
           HpRowQuery *query)
{
  g_autoptr(GPtrArray) found = hp_row_pool_query (pool, rows, query, NULL);

  g_assert_nonnull (found);
  return ids_of (found);
}

/* the search words of @text as the page makes them (pairs) */
static char **
terms_of (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GPtrArray *terms = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *plain = hp_fold_for_search (words[i], FALSE);
      char *transliterated = hp_fold_for_search (words[i], TRUE);

      if (g_str_equal (plain, transliterated))
        *transliterated = '\0';
      g_ptr_array_add (terms, plain);
      g_ptr_array_add (terms, transliterated);
    }
  g_ptr_array_add (terms, NULL);

  return (char **) g_ptr_array_free (terms, FALSE);
}

static void
test_row_pool_packs (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) rows = pack_people (pool);
  HpPackedRow *lena = g_ptr_array_index (rows, 0);
  HpPackedRow *paul = g_ptr_array_index (rows, 1);
  HpPackedRow *anna = g_ptr_array_index (rows, 3);
  HpPackedRow *mia = g_ptr_array_index (rows, 5);
  g_autofree char *date = NULL;
  g_autofree char *expected_date = hp_format_date ("2008-03-01");
  g_autofree char *flag = NULL;
  g_autofree char *empty = NULL;

  g_assert_cmpint (lena->id, ==, 1);
  g_assert_cmpint (hp_row_pool_get_narrow_key (pool, anna), ==, 20);
  /* the rows keep no item: the page reads it from the store */
  g_assert_null (hp_row_pool_get_item (pool, lena));
  /* the flag is a number: Paul has his pack, Lena not */
  g_assert_cmpint (hp_row_pool_get_number (pool, paul, RECEIVED), ==, 1);
  g_assert_cmpint (hp_row_pool_get_number (pool, lena, RECEIVED), ==, 0);

  /* "Müller" is one text for both rows, and so is the birth date */
  g_assert_true (hp_row_pool_get_text (pool, lena, LAST) == hp_row_pool_get_text (pool, anna, LAST));
  g_assert_true (hp_row_pool_get_text (pool, lena, BIRTH) == hp_row_pool_get_text (pool, anna, BIRTH));
  g_assert_false (hp_row_pool_get_text (pool, lena, LAST) == hp_row_pool_get_text (pool, paul, LAST));
  g_assert_cmpstr (hp_row_pool_get_text (pool, lena, LAST)->shown, ==, "Müller");
  /* searchable: folded plainly ("muller") and transliterated ("mueller") */
  g_assert_cmpstr (hp_row_pool_get_text (pool, lena, LAST)->folded, ==, "muller\nmueller");
  /* an empty text is no text */
  g_assert_null (hp_row_pool_get_text (pool, mia, LAST));
  g_assert_null (hp_row_pool_get_text (pool, paul, BIRTH));

  /* the cells as the table shows them */
  date = hp_row_pool_format_cell (pool, lena, BIRTH);
  g_assert_cmpstr (date, ==, expected_date);
  flag = hp_row_pool_format_cell (pool, paul, RECEIVED);
  g_assert_cmpstr (flag, ==, "✓");
  empty = hp_row_pool_format_cell (pool, lena, RECEIVED);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_row_pool_keeps_items (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&keeping);
  g_autoptr(GObject) item = new_person (2);
  HpPackedRow *row = hp_row_pool_pack (pool, item);

  g_assert_true (hp_row_pool_get_item (pool, row) == item);
  /* the pool holds it: one reference here, one there */
  g_assert_cmpuint (G_OBJECT (item)->ref_count, ==, 2);
  g_clear_pointer (&pool, hp_row_pool_unref);
  g_assert_cmpuint (G_OBJECT (item)->ref_count, ==, 1);
}

static void
test_row_pool_finds (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) rows = pack_people (pool);
  HpRowQuery query = { .sort_column = -1 };
  g_autofree char *all = NULL, *mul = NULL, *muel = NULL, *two = NULL, *school = NULL, *both = NULL;
  g_autofree char *none = NULL;

  /* no query: every row, in the store's order */
  all = query_ids (pool, rows, &query);
  g_assert_cmpstr (all, ==, "1 2 3 4 5 6");

  /* "MUL": Müller folds to "muller", so both Müllers and Muller (1, 2, 4) */
  query.terms = terms_of ("MUL");
  mul = query_ids (pool, rows, &query);
  g_assert_cmpstr (mul, ==, "1 2 4");
  g_strfreev (query.terms);

  /* "mueller": only the umlaut ones, transliterated (1, 4) */
  query.terms = terms_of ("mueller");
  muel = query_ids (pool, rows, &query);
  g_assert_cmpstr (muel, ==, "1 4");
  g_strfreev (query.terms);

  /* every word in some column: "müller a" is Müller with an "a" in a
   * name: Lena (1), Anna (4); not Paul Muller? He has an "a" too (2) */
  query.terms = terms_of ("müller a");
  two = query_ids (pool, rows, &query);
  g_assert_cmpstr (two, ==, "1 2 4");
  g_strfreev (query.terms);

  /* a date is not searched: "2008" finds nobody */
  query.terms = terms_of ("2008");
  none = query_ids (pool, rows, &query);
  g_assert_cmpstr (none, ==, "");
  g_clear_pointer (&query.terms, g_strfreev);

  /* narrowed to school 20: 3, 4, 6 */
  query.narrowed = TRUE;
  query.narrow_key = 20;
  school = query_ids (pool, rows, &query);
  g_assert_cmpstr (school, ==, "3 4 6");

  /* and searched: Müller of school 20 is Anna (4) */
  query.terms = terms_of ("mül");
  both = query_ids (pool, rows, &query);
  g_assert_cmpstr (both, ==, "4");
  g_strfreev (query.terms);
}

static void
test_row_pool_sorts (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) rows = pack_people (pool);
  HpRowQuery query = { .sort_column = LAST };
  g_autofree char *by_name = NULL, *by_name_down = NULL, *by_birth = NULL, *by_flag = NULL;
  g_autofree char *found = NULL;

  /* Last names, case-folded and collated: empty (6) first, then Becker (5),
   * then Muller/Müller. In the C locale the collation is by code point, so
   * "muller" (2) sorts before "müller" (1, 4); the two Müllers are one
   * text and keep the store's order (1 before 4); Schmidt (3) last. */
  by_name = query_ids (pool, rows, &query);
  g_assert_cmpstr (by_name, ==, "6 5 2 1 4 3");

  /* descending reverses the order of the values; equal ones keep the
   * store's order (1 before 4) */
  query.descending = TRUE;
  by_name_down = query_ids (pool, rows, &query);
  g_assert_cmpstr (by_name_down, ==, "3 1 4 2 5 6");

  /* dates sort by their ISO form, the empty one (2) first:
   * 2006-01-05 (5), 2007-11-20 (3), 2008-03-01 (1, 4), 2008-07-30 (6) */
  query.sort_column = BIRTH;
  query.descending = FALSE;
  by_birth = query_ids (pool, rows, &query);
  g_assert_cmpstr (by_birth, ==, "2 5 3 1 4 6");

  /* a flag sorts as a number: not received (1, 3, 4, 6) before received
   * (2, 5) */
  query.sort_column = RECEIVED;
  by_flag = query_ids (pool, rows, &query);
  g_assert_cmpstr (by_flag, ==, "1 3 4 6 2 5");

  /* searched and sorted: the "mul" rows (1, 2, 4) by birth date, the
   * empty one first, descending: 1 and 4 (the same day) then 2 */
  query.terms = terms_of ("mul");
  query.sort_column = BIRTH;
  query.descending = TRUE;
  found = query_ids (pool, rows, &query);
  g_assert_cmpstr (found, ==, "1 4 2");
  g_strfreev (query.terms);
}

static void
test_row_pool_cancelled (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) rows = pack_people (pool);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HpRowQuery query = { .sort_column = LAST };

  g_cancellable_cancel (cancellable);
  g_assert_null (hp_row_pool_query (pool, rows, &query, cancellable));
}

/* ------------------------------------------------------------------------ */
/* HpRowModel                                                                */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_changes;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_changes++;
}

static void
notify_cb (GObject    *row,
           GParamSpec *pspec,
           guint      *n_notifies)
{
  (*n_notifies)++;
}

static const HpPackedRow *
row_packed (GListModel *rows,
            guint       position)
{
  g_autoptr(HpRow) row = g_list_model_get_item (rows, position);

  return hp_row_get_packed (row);
}

/* rows @first.. of @all, @n of them */
static GPtrArray *
slice (GPtrArray *all,
       guint      first,
       guint      n)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (rows, g_ptr_array_index (all, i));

  return rows;
}

static void
test_row_model_shows_rows (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) all = pack_people (pool);
  g_autoptr(HpRowModel) model = hp_row_model_new ();
  GListModel *rows = G_LIST_MODEL (model);

  g_assert_true (g_list_model_get_item_type (rows) == HP_TYPE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  hp_row_model_set_rows (model, pool, g_ptr_array_copy (all, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6);
  g_assert_null (g_list_model_get_item (rows, 6));
  g_assert_true (hp_row_model_get_pool (model) == pool);
  for (guint i = 0; i < 6; i++)
    g_assert_true (row_packed (rows, i) == g_ptr_array_index (all, i));

  /* ids are found by position: Becker is 5, at position 4 */
  g_assert_cmpuint (hp_row_model_find_id (model, 5), ==, 4);
  g_assert_cmpuint (hp_row_model_find_id (model, 99), ==, G_MAXUINT);
}

static void
test_row_model_rows_stay (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) all = pack_people (pool);
  g_autoptr(HpRowModel) model = hp_row_model_new ();
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(HpRow) first = NULL, third = NULL, last = NULL, again = NULL;
  Change change = { 0 };
  guint n_first = 0, n_third = 0;

  hp_row_model_set_rows (model, pool, g_ptr_array_copy (all, NULL, NULL));
  first = g_list_model_get_item (rows, 0);
  third = g_list_model_get_item (rows, 2);
  last = g_list_model_get_item (rows, 5);
  again = g_list_model_get_item (rows, 2);

  /* a held row is the one row of its position */
  g_assert_true (again == third);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_signal_connect (first, "notify::item", G_CALLBACK (notify_cb), &n_first);
  g_signal_connect (third, "notify::item", G_CALLBACK (notify_cb), &n_third);

  /* four rows instead of six, the first one the same (rows 1, 3, 4, 5 of
   * the store): the held rows at 0 and 2 stay; 0 shows the same and is not
   * told, 2 shows row 4 now; the view hears only of the two gone at the end */
  {
    GPtrArray *four = g_ptr_array_new ();

    g_ptr_array_add (four, g_ptr_array_index (all, 0));
    g_ptr_array_add (four, g_ptr_array_index (all, 2));
    g_ptr_array_add (four, g_ptr_array_index (all, 3));
    g_ptr_array_add (four, g_ptr_array_index (all, 4));
    hp_row_model_set_rows (model, pool, four);
  }
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (n_first, ==, 0);
  g_assert_cmpuint (n_third, ==, 1);
  g_assert_cmpint (hp_row_get_packed (third)->id, ==, 4);
  g_assert_true (hp_row_get_packed (first) == g_ptr_array_index (all, 0));
  /* the last one left the model */
  g_assert_null (hp_row_get_packed (last));
  g_assert_null (hp_row_get_item (last));

  /* appending while a list loads: the view hears of the new rows at the
   * end, the rows it holds are not told */
  change.n_changes = 0;
  {
    g_autoptr(GPtrArray) more = slice (all, 4, 2);

    hp_row_model_append (model, pool, more);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_cmpuint (n_third, ==, 1);
  g_assert_cmpint (row_packed (rows, 5)->id, ==, 6);
}

/* 120 rows held by a view; a new order: the 32 rows nearest to where the
 * view shows (the focus, 100: 100 ± 15 are 31 of them, the 32nd is 84 or
 * 116) are told at once, the other 88 in idle turns; all of them show
 * their new row at once when asked */
static void
test_row_model_tells_near_first (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HpRowModel) model = hp_row_model_new ();
  GPtrArray *reversed = g_ptr_array_new ();
  guint *n_told = g_new0 (guint, 120);
  guint n_now = 0, n_turns = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(GObject) item = new_person (i % G_N_ELEMENTS (people));

      g_ptr_array_add (all, hp_row_pool_pack (pool, item));
    }
  hp_row_model_set_rows (model, pool, g_ptr_array_copy (all, NULL, NULL));
  for (guint i = 0; i < 120; i++)
    {
      HpRow *row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_signal_connect (row, "notify::item", G_CALLBACK (notify_cb), &n_told[i]);
      g_ptr_array_add (held, row);
    }

  for (guint i = 0; i < 120; i++)
    g_ptr_array_add (reversed, g_ptr_array_index (all, 119 - i));
  hp_row_model_set_focus (model, 100);
  hp_row_model_set_rows (model, pool, reversed);

  for (guint i = 0; i < 120; i++)
    {
      /* what each row shows is right at once, told or not */
      g_assert_true (hp_row_get_packed (g_ptr_array_index (held, i)) == g_ptr_array_index (all, 119 - i));
      n_now += n_told[i];
    }
  g_assert_cmpuint (n_now, ==, 32);
  /* the focus and its neighbours (100 ± 15) were told; row 0 was not */
  g_assert_cmpuint (n_told[100], ==, 1);
  g_assert_cmpuint (n_told[85], ==, 1);
  g_assert_cmpuint (n_told[115], ==, 1);
  g_assert_cmpuint (n_told[83], ==, 0);
  g_assert_cmpuint (n_told[0], ==, 0);
  g_assert_true (hp_row_model_get_telling (model));

  while (hp_row_model_get_telling (model) && n_turns++ < 100)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 120; i++)
    g_assert_cmpuint (n_told[i], ==, 1);
  g_free (n_told);
}

typedef struct
{
  guint n_calls;
  gint64 last_id;
} Materialized;

static GObject *
materialize (gint64   id,
             gpointer user_data)
{
  Materialized *made = user_data;

  made->n_calls++;
  made->last_id = id;
  return new_person ((guint) id - 1);
}

static void
test_row_model_makes_items (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&layout);
  g_autoptr(GPtrArray) all = pack_people (pool);
  g_autoptr(HpRowModel) model = hp_row_model_new ();
  Materialized made = { 0 };
  g_autoptr(HpRow) row = NULL;
  GObject *item;

  hp_row_model_set_materialize (model, materialize, &made);
  hp_row_model_set_rows (model, pool, g_ptr_array_copy (all, NULL, NULL));
  row = g_list_model_get_item (G_LIST_MODEL (model), 2);

  /* nothing is made before somebody asks */
  g_assert_cmpuint (made.n_calls, ==, 0);
  item = hp_row_get_item (row);
  g_assert_cmpuint (made.n_calls, ==, 1);
  g_assert_cmpint (made.last_id, ==, 3);
  g_assert_cmpstr (hp_graduate_get_last_name (HP_GRADUATE (item)), ==, "Schmidt");
  /* asked again: the same item, not made again */
  g_assert_true (hp_row_get_item (row) == item);
  g_assert_cmpuint (made.n_calls, ==, 1);

  /* another row at its position: another item, made when asked */
  hp_row_model_set_rows (model, pool, slice (all, 3, 3));
  g_assert_cmpuint (made.n_calls, ==, 1);
  g_assert_cmpstr (hp_graduate_get_first_name (HP_GRADUATE (hp_row_get_item (row))), ==, "Mia");
  g_assert_cmpint (made.last_id, ==, 6);
}

static void
test_row_model_lets_go (void)
{
  g_autoptr(HpRowPool) pool = hp_row_pool_new (&keeping);
  g_autoptr(GPtrArray) all = pack_people (pool);
  g_autoptr(HpRowModel) model = hp_row_model_new ();
  HpRow *row, *kept;

  hp_row_model_set_rows (model, pool, g_ptr_array_copy (all, NULL, NULL));
  row = g_list_model_get_item (G_LIST_MODEL (model), 1);
  kept = g_list_model_get_item (G_LIST_MODEL (model), 2);

  /* the model holds no row itself */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_object_unref (row);
  g_assert_null (row);

  /* a row that outlives its model and the pool's other owners keeps what
   * it shows (it holds the pool) and goes quietly */
  g_clear_object (&model);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_clear_pointer (&pool, hp_row_pool_unref);
  g_assert_cmpstr (hp_graduate_get_last_name (HP_GRADUATE (hp_row_get_item (kept))), ==, "Schmidt");
  g_object_unref (kept);
}

/* ------------------------------------------------------------------------ */
/* HpStableModel and HpRevealModel                                           */

/* a store of @n distinct items */
static GListStore *
new_store (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
    }

  return store;
}

static GObject *
stable_item (GListModel *rows,
             guint       position)
{
  g_autoptr(HpRow) row = g_list_model_get_item (rows, position);

  return hp_row_get_item (row);
}

static void
test_stable_model (void)
{
  g_autoptr(GListStore) store = new_store (5);
  g_autoptr(HpStableModel) model = hp_stable_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(HpRow) second = g_list_model_get_item (rows, 1);
  g_autoptr(HpRow) fourth = g_list_model_get_item (rows, 3);
  g_autoptr(GObject) old_fourth = g_object_ref (hp_row_get_item (fourth));
  g_autoptr(GObject) replacement = g_object_new (G_TYPE_OBJECT, NULL);
  Change change = { 0 };
  guint n_second = 0, n_fourth = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (stable_item (rows, i) == item);
    }
  /* no packed row: a row of full items */
  g_assert_null (hp_row_get_packed (second));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_signal_connect (second, "notify::item", G_CALLBACK (notify_cb), &n_second);
  g_signal_connect (fourth, "notify::item", G_CALLBACK (notify_cb), &n_fourth);

  /* one item replaced: only its row changes, the length stays */
  g_list_store_splice (G_LIST_STORE (store), 1, 1, (gpointer *) &replacement, 1);
  g_assert_cmpuint (change.n_changes, ==, 0);
  g_assert_true (hp_row_get_item (second) == replacement);
  g_assert_cmpuint (n_second, ==, 1);
  g_assert_cmpuint (n_fourth, ==, 0);
  g_assert_true (hp_row_get_item (fourth) == old_fourth);

  /* all replaced by three (what a new plan does): the rows stay and show
   * the new items, the view hears only that the last two went */
  {
    g_autoptr(GListStore) three = new_store (3);
    g_autoptr(GObject) new_fourth = NULL;
    gpointer items[3];

    for (guint i = 0; i < 3; i++)
      items[i] = g_list_model_get_item (G_LIST_MODEL (three), i);
    g_list_store_splice (G_LIST_STORE (store), 0, 5, items, 3);
    for (guint i = 0; i < 3; i++)
      g_object_unref (items[i]);
  }
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (n_second, ==, 2);
  g_assert_null (hp_row_get_item (fourth));
}

static void
test_reveal_model (void)
{
  g_autoptr(GListStore) store = new_store (50);
  g_autoptr(HpRevealModel) reveal = hp_reveal_model_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (reveal);
  g_autoptr(GtkWidget) widget = g_object_ref_sink (gtk_label_new (NULL));
  Change change = { 0 };

  /* before it starts, everything shows */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  g_assert_false (hp_reveal_model_get_revealing (reveal));

  g_signal_connect (reveal, "items-changed", G_CALLBACK (items_changed_cb), &change);

  /* started: 10 show (a widget that draws no frames reveals no more) */
  hp_reveal_model_start (reveal, widget, 10);
  g_assert_true (hp_reveal_model_get_revealing (reveal));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  g_assert_cmpuint (change.position, ==, 10);
  g_assert_cmpuint (change.removed, ==, 40);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_null (g_list_model_get_item (model, 10));

  /* one removed at 5: it goes, and the 11th item slides up into sight:
   * 10 - 1 + 1 = 10 shown */
  g_list_store_remove (G_LIST_STORE (store), 5);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  {
    g_autoptr(GObject) below = g_list_model_get_item (G_LIST_MODEL (store), 9);
    g_autoptr(GObject) shown = g_list_model_get_item (model, 9);

    g_assert_true (below == shown);
  }

  /* one appended past what shows: nothing to say */
  change.n_changes = 0;
  {
    g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

    g_list_store_append (G_LIST_STORE (store), item);
  }
  g_assert_cmpuint (change.n_changes, ==, 0);

  /* finished: the other 40 (49 + 1 - 10) come at once */
  hp_reveal_model_finish (reveal);
  g_assert_false (hp_reveal_model_get_revealing (reveal));
  g_assert_cmpuint (change.position, ==, 10);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);

  /* emptied, then grown back to 100: only 10 show at first again */
  g_list_store_remove_all (G_LIST_STORE (store));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  {
    g_autoptr(GListStore) more = new_store (100);
    gpointer items[100];

    for (guint i = 0; i < 100; i++)
      items[i] = g_list_model_get_item (G_LIST_MODEL (more), i);
    g_list_store_splice (G_LIST_STORE (store), 0, 0, items, 100);
    for (guint i = 0; i < 100; i++)
      g_object_unref (items[i]);
  }
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 10);
  g_assert_true (hp_reveal_model_get_revealing (reveal));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
}

static gboolean
all_shown (gpointer data)
{
  return !hp_reveal_model_get_revealing (HP_REVEAL_MODEL (data));
}

static gboolean
sixty_shown (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) >= 60;
}

/* A hold (the user types or scrolls) stops the reveal once more rows show
 * than a view has room for (60), and the reveal goes on when it ends. */
static void
test_reveal_model_holds (void)
{
  g_autoptr(GListStore) store = new_store (300);
  g_autoptr(HpRevealModel) held = hp_reveal_model_new (G_LIST_MODEL (store));
  g_autoptr(HpRevealModel) brief = hp_reveal_model_new (G_LIST_MODEL (store));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("frames");
  gint64 started;

  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* held for longer than the test: 20 at the start, 20 more per frame up
   * to 60 (the rows in view come all the same), then no more */
  hp_reveal_model_start (held, label, 20);
  hp_reveal_model_hold (held, 60 * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (held)), ==, 20);
  hp_ui_test_wait_until (sixty_shown, held, 10 * G_USEC_PER_SEC, "The held reveal did not show 60 rows");
  hp_ui_test_run_for (300 * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (held)), ==, 60);
  g_assert_true (hp_reveal_model_get_revealing (held));

  /* held for 400 ms: all 300 show after it, not before */
  started = g_get_monotonic_time ();
  hp_reveal_model_start (brief, label, 20);
  hp_reveal_model_hold (brief, 400);
  hp_ui_test_wait_until (all_shown, brief, 10 * G_USEC_PER_SEC, "The reveal did not go on after its hold");
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 400 * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (brief)), ==, 300);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
hidden_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_reveal_model_hides (void)
{
  g_autoptr(GListStore) store = new_store (30);
  g_autoptr(HpRevealModel) reveal = hp_reveal_model_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (reveal);
  g_autoptr(GtkWidget) widget = g_object_ref_sink (gtk_label_new (NULL));
  guint n_hidden = 0, n_turns = 0;

  hp_reveal_model_start (reveal, widget, 8);
  hp_reveal_model_finish (reveal);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);

  /* hiding: 8 fewer per idle turn, 30 → 22 → 14 → 6 → 0, then the call */
  hp_reveal_model_hide (reveal, hidden_cb, &n_hidden);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);
  while (n_hidden == 0 && n_turns < 100)
    {
      g_main_context_iteration (NULL, TRUE);
      n_turns++;
    }
  g_assert_cmpuint (n_hidden, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  /* one turn per step, at least: never all at once */
  g_assert_cmpuint (n_turns, >=, 4);

  /* shown again: from the start, 8 at first */
  hp_reveal_model_start (reveal, widget, 8);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_true (hp_reveal_model_get_revealing (reveal));
}

/* Columns' fixed widths: natural widths when they fit, else minimum widths
 * and the rest shared out, the columns that want least first. */
static void
test_column_widths_share (void)
{
  static const int minimum[] = { 30, 40, 20 };
  static const int natural[] = { 100, 60, 50 };
  int widths[3];

  /* all fit (210 of 300): natural widths; GTK gives the rest to expanding columns */
  hp_column_widths_share (minimum, natural, 3, 300, widths);
  g_assert_cmpint (widths[0], ==, 100);
  g_assert_cmpint (widths[1], ==, 60);
  g_assert_cmpint (widths[2], ==, 50);

  /* not even the minimums fit: minimums (the view scrolls) */
  hp_column_widths_share (minimum, natural, 3, 80, widths);
  g_assert_cmpint (widths[0], ==, 30);
  g_assert_cmpint (widths[1], ==, 40);
  g_assert_cmpint (widths[2], ==, 20);

  /* 150: 60 over the minimums (90). Wants: 70, 20, 30. Column 1 (20) gets
   * min (20, 60 / 3) = 20, column 2 min (30, 40 / 2) = 20, column 0
   * min (70, 20 / 1) = 20: 50 + 60 + 40 = 150 */
  hp_column_widths_share (minimum, natural, 3, 150, widths);
  g_assert_cmpint (widths[0], ==, 50);
  g_assert_cmpint (widths[1], ==, 60);
  g_assert_cmpint (widths[2], ==, 40);

  /* 180: 90 over. Column 1 gets min (20, 30) = 20, column 2 min (30, 35)
   * = 30, column 0 min (70, 40) = 40: 70 + 60 + 50 = 180 */
  hp_column_widths_share (minimum, natural, 3, 180, widths);
  g_assert_cmpint (widths[0], ==, 70);
  g_assert_cmpint (widths[1], ==, 60);
  g_assert_cmpint (widths[2], ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  /* the sorting example assumes code-point collation */
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heimpack/row-pool/packs", test_row_pool_packs);
  g_test_add_func ("/heimpack/row-pool/keeps-items", test_row_pool_keeps_items);
  g_test_add_func ("/heimpack/row-pool/finds", test_row_pool_finds);
  g_test_add_func ("/heimpack/row-pool/sorts", test_row_pool_sorts);
  g_test_add_func ("/heimpack/row-pool/cancelled", test_row_pool_cancelled);
  g_test_add_func ("/heimpack/row-model/shows-rows", test_row_model_shows_rows);
  g_test_add_func ("/heimpack/row-model/rows-stay", test_row_model_rows_stay);
  g_test_add_func ("/heimpack/row-model/makes-items", test_row_model_makes_items);
  g_test_add_func ("/heimpack/row-model/tells-near-first", test_row_model_tells_near_first);
  g_test_add_func ("/heimpack/row-model/lets-go", test_row_model_lets_go);
  g_test_add_func ("/heimpack/row-model/stable", test_stable_model);
  g_test_add_func ("/heimpack/row-model/reveal", test_reveal_model);
  g_test_add_func ("/heimpack/row-model/reveal-hides", test_reveal_model_hides);
  g_test_add_func ("/heimpack/row-model/reveal-holds", test_reveal_model_holds);
  g_test_add_func ("/heimpack/column-widths/share", test_column_widths_share);

  return g_test_run ();
}
