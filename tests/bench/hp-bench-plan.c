/* hp-bench-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan figures of build-aux/bench (issue 15: "the Planning page follows
 * an edit within one frame: plan load and compute at national scale under
 * 16 ms"), in-process, each the median of RUNS runs on the file's current
 * campaign, on a copy of the file (the bench writes):
 *
 * - cold load: hp_plan_input_load() on a store just opened, nothing kept
 *   yet: it counts every school's graduates;
 * - warm load after a booking (hp_store_book_receipt()) and after a pack
 *   line edit (hp_store_set_recipe_item()): the edits the Planning page
 *   follows; the store keeps the graduate figures across them;
 * - after a graduate edit (a "pack received" tick): the figures are counted
 *   again, as after any graduate write, in the worker that loads;
 * - after a write by another connection (a booking by another program on
 *   the file): the store cannot tell what it changed, and counts again;
 * - hp_plan_compute() on that input;
 * - together: warm load after a booking plus compute, against
 * - the floor: a bare SQLite statement counting the graduates per school
 *   (all, with a birth date, under 18 on one day), what a load without
 *   kept figures cannot go below.
 *
 * Usage: hp-bench-plan FILE.db
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "heimpack/heimpack.h"

#define RUNS 15

typedef enum
{
  COLD,
  AFTER_BOOKING,
  AFTER_PACK_LINE,
  AFTER_GRADUATE,
  AFTER_OTHER,
  COMPUTE,
  FLOOR,
  N_FIGURES
} Figure;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (gint64 *usec)
{
  qsort (usec, RUNS, sizeof *usec, compare_gint64);
  return usec[RUNS / 2] / 1000.0;
}

static gint64
bare_counts (sqlite3 *db,
             gint64   campaign_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_schools = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT school_id, count(*), count(birth_date), coalesce(sum(birth_date > ?2), 0) "
                          "FROM graduate WHERE campaign_id = ?1 GROUP BY school_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("baseline: %s", sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, "2009-06-30", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n_schools++;
  if (rc != SQLITE_DONE)
    g_error ("baseline: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (n_schools == 0)
    g_error ("baseline: the campaign has no graduates");

  return g_get_monotonic_time () - start;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* The file as it is, WAL included, into @copy: the bench writes. */
static void
copy_file (const char *path,
           const char *copy)
{
  sqlite3 *from = NULL, *to = NULL;
  sqlite3_backup *backup;

  if (sqlite3_open_v2 (path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open (copy, &to) != SQLITE_OK)
    g_error ("%s: cannot copy", path);
  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE || sqlite3_backup_finish (backup) != SQLITE_OK)
    g_error ("%s: cannot copy: %s", path, sqlite3_errmsg (to));
  exec_or_die (to, "PRAGMA journal_mode = WAL");
  sqlite3_close (from);
  sqlite3_close (to);
}

/* The bench's folder: the copy, its WAL and lock, the backup the store made
 * before the first change. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* hp_plan_input_load() of @campaign_id, timed into @out_usec. */
static HpPlanInput *
timed_load (HpStore *store,
            gint64   campaign_id,
            gint64  *out_usec)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  HpPlanInput *input = hp_plan_input_load (store, campaign_id, &error);

  *out_usec = g_get_monotonic_time () - start;
  if (input == NULL)
    g_error ("plan: %s", error->message);
  return input;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(HpPlanInput) first = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 usec[N_FIGURES][RUNS];
  double ms[N_FIGURES];
  gint64 campaign_id, product_id, graduate_id;
  HpPlanItem line;
  guint n_schools, n_items, n_gifts;
  sqlite3 *db = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: hp-bench-plan FILE.db\n");
      return 2;
    }

  dir = g_dir_make_tmp ("hp-bench-plan-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "plan.db", NULL);
  copy_file (argv[1], path);

  store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    campaign = hp_store_get_current_campaign (store, &error);
  if (campaign == NULL)
    g_error ("%s: %s", argv[1], error->message);
  campaign_id = hp_campaign_get_id (campaign);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);

  /* what the edits touch: the first gift and pack line, one graduate */
  first = timed_load (store, campaign_id, &usec[COLD][0]);
  if (first->n_gifts == 0 || first->n_items == 0)
    g_error ("%s: the campaign has no pack contents or gifts", argv[1]);
  product_id = first->gifts[0].product_id;
  line = first->items[0];
  n_schools = first->n_schools;
  n_items = first->n_items;
  n_gifts = first->n_gifts;
  {
    g_autoptr(GListModel) graduates = hp_store_list_graduates (store, campaign_id, first->schools[0].school_id, &error);

    if (graduates == NULL || g_list_model_get_n_items (graduates) == 0)
      g_error ("%s: no graduates at the first school", argv[1]);
    graduate_id = hp_graduate_get_id (g_list_model_get_item (graduates, 0));
    g_object_unref (g_list_model_get_item (graduates, 0));   /* (get_item's reference) */
  }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(HpPlanInput) cold = NULL;
      g_autoptr(HpPlanInput) booked = NULL;
      g_autoptr(HpPlanInput) packed = NULL;
      g_autoptr(HpPlanInput) ticked = NULL;
      g_autoptr(HpPlanInput) other = NULL;
      g_autoptr(HpPlan) plan = NULL;
      g_autoptr(HpReceipt) receipt = NULL;
      g_autoptr(HpRecipeItem) recipe = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 start;

      /* cold: a store just opened */
      g_clear_object (&store);
      store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &local_error);
      check (store != NULL, local_error);
      cold = timed_load (store, campaign_id, &usec[COLD][i]);

      /* a booking of one piece */
      receipt = hp_store_book_receipt (store, campaign_id, product_id, "2027-05-02", 1, "Bench", &local_error);
      check (receipt != NULL, local_error);
      booked = timed_load (store, campaign_id, &usec[AFTER_BOOKING][i]);

      start = g_get_monotonic_time ();
      plan = hp_plan_compute (booked);
      usec[COMPUTE][i] = g_get_monotonic_time () - start;

      /* a pack line: one piece more, then back on the next run */
      recipe = hp_recipe_item_new (campaign_id, line.item_id, line.per_standard + (i % 2 == 0 ? 1 : 0),
                                   line.per_under18);
      check (hp_store_set_recipe_item (store, recipe, &local_error), local_error);
      packed = timed_load (store, campaign_id, &usec[AFTER_PACK_LINE][i]);

      /* a graduate's tick: counted again */
      check (hp_store_set_packs_received (store, &graduate_id, 1, i % 2 == 0, &local_error), local_error);
      ticked = timed_load (store, campaign_id, &usec[AFTER_GRADUATE][i]);

      /* another program books a piece (the CLI beside the window) */
      exec_or_die (db, "UPDATE receipt SET quantity = quantity + 1 WHERE id = (SELECT max(id) FROM receipt)");
      other = timed_load (store, campaign_id, &usec[AFTER_OTHER][i]);
      if (other->n_schools != n_schools)
        g_error ("plan: %u schools after a write, %u before", other->n_schools, n_schools);

      usec[FLOOR][i] = bare_counts (db, campaign_id);
    }
  sqlite3_close (db);
  g_clear_object (&store);
  remove_tree (dir);

  for (guint f = 0; f < N_FIGURES; f++)
    ms[f] = median_ms (usec[f]);

#define ROW(label, value) g_print ("%-52s %8.1f ms\n", label, value)
  ROW ("plan: cold load (first, nothing kept)", ms[COLD]);
  ROW ("plan: load after a booking", ms[AFTER_BOOKING]);
  ROW ("plan: load after a pack line edit", ms[AFTER_PACK_LINE]);
  ROW ("plan: load after a graduate edit (counts again)", ms[AFTER_GRADUATE]);
  ROW ("plan: load after another program's write (again)", ms[AFTER_OTHER]);
  ROW ("plan: compute (hp_plan_compute)", ms[COMPUTE]);
  ROW ("plan: together (load after a booking + compute)", ms[AFTER_BOOKING] + ms[COMPUTE]);
  ROW ("floor: bare SQLite counts per school", ms[FLOOR]);
  g_print ("%-52s %8.2fx\n", "ratio together / floor",
           ms[FLOOR] > 0 ? (ms[AFTER_BOOKING] + ms[COMPUTE]) / ms[FLOOR] : 0);
  g_print ("  (median of %d runs; %u schools, %u items in the pack, %u gifts of them)\n",
           RUNS, n_schools, n_items, n_gifts);

  return 0;
}
