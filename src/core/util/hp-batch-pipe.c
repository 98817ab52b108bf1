/* hp-batch-pipe.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The producer and consumer of hp-batch-pipe-private.h: two queues, a stop
 * flag, and a marker that wakes a producer waiting for an empty batch.
 */

#define G_LOG_DOMAIN "hp-batch-pipe"

#include "config.h"

#include "hp-batch-pipe-private.h"

/* A full batch on its way to the consumer */
typedef struct
{
  gpointer  batch;
  gboolean  last;
  GError   *error;
} Full;

struct _HpBatchPipe
{
  HpBatchPipeFuncs  funcs;
  gpointer          user_data;
  GAsyncQueue      *empty;     /* batches, and the wake-up marker */
  GAsyncQueue      *full;      /* Full */
  GThread          *thread;
  gint              stop;      /* set by the consumer */
  gboolean          finished;  /* the consumer took the last batch */
};

/* Pushed on the empty queue to wake a producer that waits for a batch */
static char wake_up;

static gpointer
produce_thread (gpointer data)
{
  HpBatchPipe *self = data;

  self->funcs.produce (self, self->user_data);
  return NULL;
}

HpBatchPipe *
hp_batch_pipe_start (const HpBatchPipeFuncs  *funcs,
                     guint                    n_batches,
                     const char              *thread_name,
                     gpointer                 user_data,
                     GError                 **error)
{
  HpBatchPipe *self;

  g_return_val_if_fail (funcs != NULL && funcs->produce != NULL, NULL);
  g_return_val_if_fail (n_batches > 0, NULL);

  self = g_new0 (HpBatchPipe, 1);
  self->funcs = *funcs;
  self->user_data = user_data;
  self->empty = g_async_queue_new ();
  self->full = g_async_queue_new ();
  for (guint i = 0; i < n_batches; i++)
    g_async_queue_push (self->empty, funcs->new_batch ());

  self->thread = g_thread_try_new (thread_name, produce_thread, self, error);
  if (self->thread == NULL)
    {
      hp_batch_pipe_free (self);
      return NULL;
    }

  return self;
}

gpointer
hp_batch_pipe_take (HpBatchPipe *self)
{
  gpointer batch;

  if (g_atomic_int_get (&self->stop))
    return NULL;

  batch = g_async_queue_pop (self->empty);
  if (batch == &wake_up)
    return NULL;
  if (g_atomic_int_get (&self->stop))
    {
      /* back, to be freed with the rest */
      g_async_queue_push (self->empty, batch);
      return NULL;
    }

  self->funcs.clear_batch (batch);
  return batch;
}

void
hp_batch_pipe_give (HpBatchPipe *self,
                    gpointer     batch,
                    gboolean     last,
                    GError      *error)
{
  Full *full = g_new0 (Full, 1);

  full->batch = batch;
  full->last = last || error != NULL;
  full->error = error;
  g_async_queue_push (self->full, full);
}

gboolean
hp_batch_pipe_stopped (HpBatchPipe *self)
{
  return g_atomic_int_get (&self->stop);
}

gpointer
hp_batch_pipe_next (HpBatchPipe  *self,
                    gboolean     *last,
                    GError      **error)
{
  Full *full;
  gpointer batch;

  if (self->finished)
    {
      *last = TRUE;
      return NULL;
    }

  full = g_async_queue_pop (self->full);
  batch = full->batch;
  *last = self->finished = full->last;
  if (full->error != NULL)
    g_propagate_error (error, full->error);
  g_free (full);
  return batch;
}

void
hp_batch_pipe_recycle (HpBatchPipe *self,
                       gpointer     batch)
{
  g_async_queue_push (self->empty, batch);
}

void
hp_batch_pipe_free (HpBatchPipe *self)
{
  gpointer item;

  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      /* In this order: a producer that waits for a batch must see the stop. */
      g_atomic_int_set (&self->stop, TRUE);
      g_async_queue_push (self->empty, &wake_up);
      g_thread_join (self->thread);
    }

  while ((item = g_async_queue_try_pop (self->empty)) != NULL)
    if (item != &wake_up)
      self->funcs.free_batch (item);
  while ((item = g_async_queue_try_pop (self->full)) != NULL)
    {
      Full *full = item;

      self->funcs.free_batch (full->batch);
      g_clear_error (&full->error);
      g_free (full);
    }
  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->full);
  g_free (self);
}
