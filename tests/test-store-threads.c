/* test-store-threads.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's threading contract (hp-store.h, "Threading"), clause by
 * clause, on a file store: a transaction belongs to the thread that began
 * it; no other thread reads its uncommitted rows; workers write only inside
 * a transaction of their own, one at a time; the owner is refused at once
 * while a worker writes; an export's snapshot holds for every thread in it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "heimpack/heimpack.h"
#include "heimpack/hp-import.h"
#include "hp-store-export-private.h"
#include "hp-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  HpStore    *store;
  gint64      campaign_id;
} Fixture;

static HpSchool *
add_school (HpStore    *store,
            const char *number,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  HpSchool *school = hp_school_new (number, name);

  g_assert_true (hp_store_add_school (store, school, &error));
  g_assert_no_error (error);
  return school;
}

static void
add_graduate (Fixture    *f,
              gint64      school_id,
              const char *last_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) graduate = hp_graduate_new (f->campaign_id, school_id);

  hp_graduate_set_last_name (graduate, last_name);

  g_assert_true (hp_store_add_graduate (f->store, graduate, &error));
  g_assert_no_error (error);
}

/* A file store with a campaign, the school 170001 and its two graduates. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autoptr(HpSchool) school = NULL;

  f->dir = g_dir_make_tmp ("hp-threads-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "drive.heimpack", NULL);
  f->store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hp_store_add_campaign (f->store, campaign, &error));
  g_assert_no_error (error);
  f->campaign_id = hp_campaign_get_id (campaign);
  school = add_school (f->store, "170001", "Gymnasium Laurentianum");
  add_graduate (f, hp_school_get_id (school), "Adler");
  add_graduate (f, hp_school_get_id (school), "Bauer");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* a worker's commit is announced from an idle source holding the store */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
count_graduates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = hp_store_count_graduates (f->store, f->campaign_id, 0, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_schools (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) schools = hp_store_list_schools (store, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (schools);
}

/* ------------------------------------------------------------------------ */
/* The dirty read of the issue: an import's dry run holds its transaction   */

typedef struct
{
  Fixture     *f;
  char        *csv;
  GAsyncQueue *holding;   /* from the importer: its rows are written */
  GAsyncQueue *go;        /* to it: roll back now */
  gboolean     held;
  gint64       seen_inside;
  HpImportResult result;
  gboolean     ok;
} DryRun;

static void
hold_at_end_cb (double   fraction,
                gpointer user_data)
{
  DryRun *run = user_data;

  /* 1.0 comes after the last row, before the rollback (the last batch
   * may report it too): hold once */
  if (fraction < 1.0 || run->held)
    return;
  run->held = TRUE;
  run->seen_inside = count_graduates (run->f);
  g_async_queue_push (run->holding, GINT_TO_POINTER (1));
  g_async_queue_pop (run->go);
}

static gpointer
dry_run_thread (gpointer data)
{
  DryRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpImport) import = hp_import_new (run->f->store, HP_IMPORT_GRADUATES, run->csv, NULL, &error);

  g_assert_no_error (error);
  hp_import_set_campaign (import, run->f->campaign_id);
  hp_import_set_school (import, "170001");
  run->ok = hp_import_run (import, TRUE, &run->result, hold_at_end_cb, run, NULL, &error);
  g_assert_no_error (error);
  return NULL;
}

typedef struct
{
  Fixture *f;
  guint    streamed;
} Streamer;

static gboolean
count_batch_cb (GPtrArray *items,
                gpointer   user_data)
{
  Streamer *s = user_data;

  s->streamed += items->len;
  g_ptr_array_unref (items);
  return TRUE;
}

static gpointer
stream_thread (gpointer data)
{
  Streamer *s = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hp_store_stream_graduates (s->f->store, s->f->campaign_id, 0, 100, count_batch_cb, s, NULL,
                                            &error));
  g_assert_no_error (error);
  return NULL;
}

/* The file has 3 new graduates; the school had 2 (Adler, Bauer). While the
 * dry run holds its transaction: the importer sees 2 + 3 = 5, every other
 * thread 2 (the old store streamed 5 to the worker and counted 5 in the
 * owner thread, rows the rollback then took back). */
static void
test_dirty_read (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "abitur.csv", NULL);
  DryRun run = { f, csv, g_async_queue_new (), g_async_queue_new () };
  Streamer streamer = { f };
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new ("170002", "Realschule Brilon");
  GThread *importer;

  g_assert_true (g_file_set_contents (csv, "Nachname;Vorname\nCramer;Cem\nDorn;Dana\nEbert;Eva\n", -1, &error));
  g_assert_no_error (error);

  importer = g_thread_new ("importer", dry_run_thread, &run);
  g_async_queue_pop (run.holding);

  /* the importer's own reads see its rows */
  g_assert_cmpint (run.seen_inside, ==, 5);
  /* a worker streaming graduates does not */
  g_thread_join (g_thread_new ("streamer", stream_thread, &streamer));
  g_assert_cmpuint (streamer.streamed, ==, 2);
  /* nor the owner thread */
  g_assert_cmpint (count_graduates (f), ==, 2);

  /* the owner's writes are refused at once instead of waiting */
  g_assert_false (hp_store_add_school (f->store, school, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (hp_store_begin (f->store, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_BUSY);
  g_clear_error (&error);

  g_async_queue_push (run.go, GINT_TO_POINTER (1));
  g_thread_join (importer);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.result.added, ==, 3);

  /* rolled back: still 2, and the owner writes again */
  g_assert_cmpint (count_graduates (f), ==, 2);
  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);

  g_async_queue_unref (run.holding);
  g_async_queue_unref (run.go);
}

/* ------------------------------------------------------------------------ */
/* The owner's transaction is its own too                                    */

static gpointer
count_schools_thread (gpointer data)
{
  return GINT_TO_POINTER ((int) count_schools (data));
}

/* Owner: begin, add 170002 (1 + 1 = 2 schools inside); a worker counts 1. */
static void
test_owner_transaction (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = NULL;

  g_assert_true (hp_store_begin (f->store, &error));
  school = add_school (f->store, "170002", "Realschule Brilon");
  g_assert_cmpint (count_schools (f->store), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (g_thread_new ("counter", count_schools_thread, f->store))), ==, 1);
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (g_thread_new ("counter", count_schools_thread, f->store))), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Workers write inside a transaction of their own, one at a time            */

typedef struct
{
  HpStore     *store;
  const char  *number;
  GAsyncQueue *began;
  GAsyncQueue *go;
  gint         committing;     /* set by the first just before its commit */
  gboolean     saw_committing; /* the second's begin returned after it */
} Writers;

static gpointer
first_writer (gpointer data)
{
  Writers *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = NULL;

  g_assert_true (hp_store_begin (w->store, &error));
  school = add_school (w->store, "170003", "Berufskolleg Brilon");
  g_async_queue_push (w->began, GINT_TO_POINTER (1));
  g_async_queue_pop (w->go);
  g_atomic_int_set (&w->committing, 1);
  g_assert_true (hp_store_commit (w->store, &error));
  g_assert_no_error (error);
  return NULL;
}

static gpointer
second_writer (gpointer data)
{
  Writers *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = NULL;

  /* waits here until the first has committed */
  g_assert_true (hp_store_begin (w->store, &error));
  w->saw_committing = g_atomic_int_get (&w->committing);
  school = add_school (w->store, "170004", "Gesamtschule Meschede");
  g_assert_true (hp_store_commit (w->store, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_workers_one_at_a_time (Fixture       *f,
                            gconstpointer  data)
{
  Writers w = { f->store, NULL, g_async_queue_new (), g_async_queue_new () };
  GThread *first = g_thread_new ("first", first_writer, &w);
  GThread *second;

  g_async_queue_pop (w.began);
  second = g_thread_new ("second", second_writer, &w);
  /* give the second time to reach its begin; it must not get past it */
  g_usleep (50 * 1000);
  g_async_queue_push (w.go, GINT_TO_POINTER (1));
  g_thread_join (first);
  g_thread_join (second);

  g_assert_true (w.saw_committing);
  /* 1 + 170003 + 170004 */
  g_assert_cmpint (count_schools (f->store), ==, 3);

  g_async_queue_unref (w.began);
  g_async_queue_unref (w.go);
}

static gpointer
write_outside_transaction (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new ("170009", "Schule ohne Transaktion");

  hp_store_add_school (data, school, &error);
  return NULL;
}

/* A worker's write outside a transaction of its own is a programming
 * error: a critical, in a subprocess. */
static void
test_worker_write_refused (Fixture       *f,
                           gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_thread_join (g_thread_new ("stray", write_outside_transaction, f->store));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*is for the thread that opened the store*");
}

/* ------------------------------------------------------------------------ */
/* Read snapshots                                                            */

typedef struct
{
  HpStore         *store;
  HpStoreSnapshot *snapshot;
  GAsyncQueue     *counted;
  GAsyncQueue     *go;
  gint64           counts[3];
} SnapshotJob;

static gpointer
join_snapshot (gpointer data)
{
  SnapshotJob *job = data;
  gint64 n;

  _hp_store_snapshot_enter (job->snapshot);
  n = count_schools (job->store);
  _hp_store_snapshot_leave (job->snapshot);
  return GINT_TO_POINTER ((int) n);
}

static gpointer
snapshot_thread (gpointer data)
{
  SnapshotJob *job = data;
  g_autoptr(GError) error = NULL;

  job->snapshot = _hp_store_snapshot_begin (job->store, &error);
  g_assert_no_error (error);
  job->counts[0] = count_schools (job->store);
  g_async_queue_push (job->counted, GINT_TO_POINTER (1));
  g_async_queue_pop (job->go);
  job->counts[1] = count_schools (job->store);
  /* another thread (an export's reader) joins it */
  job->counts[2] = GPOINTER_TO_INT (g_thread_join (g_thread_new ("joiner", join_snapshot, job)));
  g_clear_pointer (&job->snapshot, _hp_store_snapshot_end);
  return NULL;
}

/* 1 school when the snapshot begins; the owner commits a second meanwhile:
 * both threads in the snapshot still count 1, a read after it 2. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  SnapshotJob job = { f->store, NULL, g_async_queue_new (), g_async_queue_new () };
  g_autoptr(HpSchool) school = NULL;
  GThread *thread = g_thread_new ("export", snapshot_thread, &job);

  g_async_queue_pop (job.counted);
  school = add_school (f->store, "170002", "Realschule Brilon");
  g_async_queue_push (job.go, GINT_TO_POINTER (1));
  g_thread_join (thread);

  g_assert_cmpint (job.counts[0], ==, 1);
  g_assert_cmpint (job.counts[1], ==, 1);
  g_assert_cmpint (job.counts[2], ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (g_thread_new ("after", count_schools_thread, f->store))), ==, 2);

  g_async_queue_unref (job.counted);
  g_async_queue_unref (job.go);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define TEST(name, func) \
  g_test_add ("/heimpack/store-threads/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  TEST ("dirty-read", test_dirty_read);
  TEST ("owner-transaction", test_owner_transaction);
  TEST ("workers-one-at-a-time", test_workers_one_at_a_time);
  TEST ("worker-write-refused", test_worker_write_refused);
  TEST ("snapshot", test_snapshot);
#undef TEST

  return g_test_run ();
}
