/* test-row-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpRowModel (src/gui/hp-row-model.c): the rows stay the same objects
 * while the model below changes, show its items, and only the length's
 * change reaches the view.
 */

#include "config.h"

#include <gio/gio.h>

#include "hp-row-model.h"

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
row_item (GListModel *rows,
          guint       position)
{
  g_autoptr(HpRow) row = g_list_model_get_item (rows, position);

  return hp_row_get_item (row);
}

static void
test_row_model_mirrors (void)
{
  g_autoptr(GListStore) store = new_store (5);
  g_autoptr(HpRowModel) model = hp_row_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);

  g_assert_true (g_list_model_get_item_type (rows) == HP_TYPE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_null (g_list_model_get_item (rows, 5));
  g_assert_true (hp_row_model_get_model (model) == G_LIST_MODEL (store));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (row_item (rows, i) == item);
    }
}

static void
test_row_model_rows_stay (void)
{
  g_autoptr(GListStore) store = new_store (6);
  g_autoptr(GListStore) other = new_store (4);
  g_autoptr(HpRowModel) model = hp_row_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(HpRow) first = g_list_model_get_item (rows, 0);
  g_autoptr(HpRow) third = g_list_model_get_item (rows, 2);
  g_autoptr(HpRow) last = g_list_model_get_item (rows, 5);
  g_autoptr(HpRow) again = g_list_model_get_item (rows, 2);
  g_autoptr(GObject) other_first = g_list_model_get_item (G_LIST_MODEL (other), 0);
  g_autoptr(GObject) other_third = g_list_model_get_item (G_LIST_MODEL (other), 2);
  Change change = { 0 };
  guint n_notifies = 0;

  /* a held row is the one row of its position */
  g_assert_true (again == third);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_signal_connect (first, "notify::item", G_CALLBACK (notify_cb), &n_notifies);
  g_signal_connect (third, "notify::item", G_CALLBACK (notify_cb), &n_notifies);

  /* everything replaced by a shorter list: the held rows show the new
   * items, the view hears only of the two rows gone at the end */
  g_list_store_splice (store, 0, 6, NULL, 0);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 6);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_null (hp_row_get_item (first));
  g_assert_null (hp_row_get_item (last));

  change.n_changes = 0;
  n_notifies = 0;
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (other), i);

      g_list_store_append (store, item);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  /* each append grows the list by one at its end */
  g_assert_cmpuint (change.n_changes, ==, 4);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  /* the rows emptied above were let go; new ones show the new items */
  g_assert_true (row_item (rows, 0) == other_first);
  g_assert_true (row_item (rows, 2) == other_third);
  g_assert_cmpuint (n_notifies, ==, 0);
}

static void
test_row_model_same_length (void)
{
  g_autoptr(GListStore) store = new_store (5);
  g_autoptr(HpRowModel) model = hp_row_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(HpRow) second = g_list_model_get_item (rows, 1);
  g_autoptr(HpRow) fourth = g_list_model_get_item (rows, 3);
  g_autoptr(GObject) old_fourth = g_object_ref (hp_row_get_item (fourth));
  g_autoptr(GObject) replacement = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) removed = NULL;
  Change change = { 0 };
  guint n_second = 0, n_fourth = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_signal_connect (second, "notify::item", G_CALLBACK (notify_cb), &n_second);
  g_signal_connect (fourth, "notify::item", G_CALLBACK (notify_cb), &n_fourth);

  /* one item replaced: only its row changes, the length stays */
  g_list_store_splice (store, 1, 1, (gpointer *) &replacement, 1);
  g_assert_cmpuint (change.n_changes, ==, 0);
  g_assert_true (hp_row_get_item (second) == replacement);
  g_assert_cmpuint (n_second, ==, 1);
  g_assert_cmpuint (n_fourth, ==, 0);
  g_assert_true (hp_row_get_item (fourth) == old_fourth);

  /* one removed in the middle: every row after it moves up a place, and
   * the last position goes */
  removed = g_list_model_get_item (G_LIST_MODEL (store), 2);
  g_list_store_remove (store, 2);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_true (hp_row_get_item (second) == replacement);
  g_assert_cmpuint (n_second, ==, 1);
  {
    g_autoptr(GObject) now_fourth = g_list_model_get_item (G_LIST_MODEL (store), 3);

    g_assert_true (hp_row_get_item (fourth) == now_fourth);
    g_assert_false (now_fourth == old_fourth);
    g_assert_cmpuint (n_fourth, ==, 1);
  }
}

static void
test_row_model_lets_go (void)
{
  g_autoptr(GListStore) store = new_store (3);
  g_autoptr(HpRowModel) model = hp_row_model_new (G_LIST_MODEL (store));
  HpRow *row = g_list_model_get_item (G_LIST_MODEL (model), 1);
  HpRow *kept = g_list_model_get_item (G_LIST_MODEL (model), 2);

  /* the model holds no row itself */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_object_unref (row);
  g_assert_null (row);

  /* a row that outlives its model keeps its item and goes quietly */
  g_clear_object (&model);
  g_assert_nonnull (hp_row_get_item (kept));
  g_object_unref (kept);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/row-model/mirrors", test_row_model_mirrors);
  g_test_add_func ("/heimpack/row-model/rows-stay", test_row_model_rows_stay);
  g_test_add_func ("/heimpack/row-model/same-length", test_row_model_same_length);
  g_test_add_func ("/heimpack/row-model/lets-go", test_row_model_lets_go);

  return g_test_run ();
}
