/* test-batch-pipe.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpBatchPipe, the producer/consumer that the import and the network export
 * share: every row arrives once and in order, the producer's error after
 * the rows before it, and a consumer that stops early stops the producer
 * without a deadlock and with every batch freed.
 */

#include "config.h"

#include <gio/gio.h>

#include "hp-batch-pipe-private.h"

#define ROWS_PER_BATCH 10

typedef struct
{
  GArray *numbers;
} Batch;

static gint batches_alive;

static gpointer
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_atomic_int_inc (&batches_alive);
  return batch;
}

static void
batch_clear (gpointer data)
{
  g_array_set_size (((Batch *) data)->numbers, 0);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_array_unref (batch->numbers);
  g_free (batch);
  g_atomic_int_add (&batches_alive, -1);
}

typedef struct
{
  guint  n_rows;      /* produces 1 … n_rows */
  guint  fail_after;  /* 0: never; else an error after this many rows */
  guint  produced;
  gboolean saw_stop;
} Producer;

static void
produce (HpBatchPipe *pipe,
         gpointer     user_data)
{
  Producer *producer = user_data;
  Batch *batch;

  while ((batch = hp_batch_pipe_take (pipe)) != NULL)
    {
      while (batch->numbers->len < ROWS_PER_BATCH && producer->produced < producer->n_rows)
        {
          guint n;

          if (hp_batch_pipe_stopped (pipe))
            {
              producer->saw_stop = TRUE;
              hp_batch_pipe_give (pipe, batch, TRUE, NULL);
              return;
            }
          if (producer->fail_after != 0 && producer->produced == producer->fail_after)
            {
              hp_batch_pipe_give (pipe, batch, TRUE,
                                  g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "row %u is bad", producer->produced + 1));
              return;
            }
          n = ++producer->produced;
          g_array_append_val (batch->numbers, n);
        }

      if (producer->produced == producer->n_rows)
        {
          hp_batch_pipe_give (pipe, batch, TRUE, NULL);
          return;
        }
      hp_batch_pipe_give (pipe, batch, FALSE, NULL);
    }
  producer->saw_stop = TRUE;
}

static const HpBatchPipeFuncs funcs = {
  .new_batch = batch_new,
  .clear_batch = batch_clear,
  .free_batch = batch_free,
  .produce = produce,
};

/* Consumes until the last batch or @stop_after rows; returns the sum. */
static guint64
consume (HpBatchPipe *pipe,
         guint        stop_after,
         guint       *n_seen,
         GError     **error)
{
  guint64 sum = 0;
  gboolean last = FALSE;
  guint expected = 1;

  *n_seen = 0;
  while (!last)
    {
      Batch *batch = hp_batch_pipe_next (pipe, &last, error);

      for (guint i = 0; i < batch->numbers->len; i++)
        {
          guint n = g_array_index (batch->numbers, guint, i);

          /* in order, each once */
          g_assert_cmpuint (n, ==, expected);
          expected++;
          sum += n;
          (*n_seen)++;
        }
      hp_batch_pipe_recycle (pipe, batch);
      if ((error != NULL && *error != NULL) || (stop_after != 0 && *n_seen >= stop_after))
        break;
    }

  return sum;
}

/* 1 … 1,000 through 3 batches of 10: the sum is 1000 × 1001 / 2 = 500,500. */
static void
test_all_rows (void)
{
  Producer producer = { 1000, 0 };
  g_autoptr(GError) error = NULL;
  HpBatchPipe *pipe = hp_batch_pipe_start (&funcs, 3, "producer", &producer, &error);
  guint seen;

  g_assert_no_error (error);
  g_assert_cmpuint (consume (pipe, 0, &seen, &error), ==, 500500);
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 1000);
  hp_batch_pipe_free (pipe);
  g_assert_false (producer.saw_stop);
  g_assert_cmpint (g_atomic_int_get (&batches_alive), ==, 0);
}

/* An error after 25 rows: the consumer sees rows 1 … 25 (sum 25 × 26 / 2 =
 * 325), then the error, with the batch of rows 21 … 25. */
static void
test_producer_error (void)
{
  Producer producer = { 1000, 25 };
  g_autoptr(GError) error = NULL;
  HpBatchPipe *pipe = hp_batch_pipe_start (&funcs, 3, "producer", &producer, &error);
  guint seen;

  g_assert_no_error (error);
  g_assert_cmpuint (consume (pipe, 0, &seen, &error), ==, 325);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "row 26 is bad");
  g_assert_cmpuint (seen, ==, 25);
  hp_batch_pipe_free (pipe);
  g_assert_cmpint (g_atomic_int_get (&batches_alive), ==, 0);
}

/* The consumer stops after 15 of 100,000 rows: the producer, waiting for an
 * empty batch or within one, stops; no deadlock, every batch freed. */
static void
test_consumer_stops (void)
{
  for (guint round = 0; round < 50; round++)
    {
      Producer producer = { 100000, 0 };
      g_autoptr(GError) error = NULL;
      HpBatchPipe *pipe = hp_batch_pipe_start (&funcs, 2, "producer", &producer, &error);
      guint seen;

      g_assert_no_error (error);
      /* 1 … 20: the two batches the stop falls in */
      g_assert_cmpuint (consume (pipe, 15, &seen, &error), ==, 210);
      g_assert_cmpuint (seen, ==, 20);
      hp_batch_pipe_free (pipe);
      g_assert_true (producer.saw_stop);
      g_assert_cmpuint (producer.produced, <, 100000);
      g_assert_cmpint (g_atomic_int_get (&batches_alive), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heimpack/batch-pipe/all-rows", test_all_rows);
  g_test_add_func ("/heimpack/batch-pipe/producer-error", test_producer_error);
  g_test_add_func ("/heimpack/batch-pipe/consumer-stops", test_consumer_stops);

  return g_test_run ();
}
