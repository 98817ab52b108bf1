/* hp-bench-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan figures of build-aux/bench (issue 6: "plan at national scale
 * under 50 ms"), in-process, each the median of RUNS runs on the file's
 * current campaign:
 *
 * - hp_plan_input_load(): the snapshot from the file (pack lines, the gifts
 *   of their items with pledged and received pieces, every school with its
 *   graduates and under-18 counts),
 * - hp_plan_compute(): the plan itself, from that snapshot,
 * - the baseline: a bare SQLite statement counting the same graduates per
 *   school (all, with a birth date, under 18 on one day), which is the bulk
 *   of what the snapshot reads.
 *
 * Usage: hp-bench-plan FILE.db
 */

#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "heimpack/heimpack.h"

#define RUNS 15

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  gint64 load[RUNS], compute[RUNS], bare[RUNS];
  guint n_schools = 0, n_items = 0, n_gifts = 0;
  sqlite3 *db = NULL;
  double load_ms, compute_ms, bare_ms;

  if (argc != 2)
    {
      g_printerr ("usage: hp-bench-plan FILE.db\n");
      return 2;
    }

  store = hp_store_open (argv[1], HP_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    campaign = hp_store_get_current_campaign (store, &error);
  if (campaign == NULL)
    g_error ("%s: %s", argv[1], error->message);
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", argv[1], sqlite3_errmsg (db));

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(HpPlanInput) input = NULL;
      g_autoptr(HpPlan) plan = NULL;
      gint64 start = g_get_monotonic_time ();

      input = hp_plan_input_load (store, hp_campaign_get_id (campaign), &error);
      if (input == NULL)
        g_error ("%s: %s", argv[1], error->message);
      load[i] = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      plan = hp_plan_compute (input);
      compute[i] = g_get_monotonic_time () - start;

      n_schools = plan->n_schools;
      n_items = plan->n_items;
      n_gifts = input->n_gifts;
      bare[i] = bare_counts (db, hp_campaign_get_id (campaign));
    }
  sqlite3_close (db);

  load_ms = median_ms (load);
  compute_ms = median_ms (compute);
  bare_ms = median_ms (bare);
  g_print ("%-44s %8.1f ms\n", "plan: load the input (hp_plan_input_load)", load_ms);
  g_print ("%-44s %8.1f ms\n", "plan: compute (hp_plan_compute)", compute_ms);
  g_print ("%-44s %8.1f ms\n", "plan: together", load_ms + compute_ms);
  g_print ("%-44s %8.1f ms\n", "floor: bare SQLite counts per school", bare_ms);
  g_print ("%-44s %8.2fx\n", "ratio together / floor", bare_ms > 0 ? (load_ms + compute_ms) / bare_ms : 0);
  g_print ("  (median of %d runs; %u schools, %u items in the pack, %u gifts of them)\n",
           RUNS, n_schools, n_items, n_gifts);

  return 0;
}
