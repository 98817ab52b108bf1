/* hp-batch-pipe-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpBatchPipe: a producer thread fills batches of rows while the calling
 * thread (the consumer) works through them, so that reading and writing run
 * side by side on two cores: the import reads and parses a file while it
 * writes to the store, the network export reads the store while it writes
 * the workbook. Not part of the contract.
 *
 * A fixed number of batches go round between two queues, empty ones to the
 * producer and full ones to the consumer, so at most that many batches are
 * held whatever the size of the data.
 *
 * Stopping, one rule for both sides, without a deadlock: the producer only
 * ever waits for an empty batch (hp_batch_pipe_take()), the consumer only
 * for a full one (hp_batch_pipe_next()).
 * - The producer ends the data, or fails: it gives its last batch with
 *   `last` set, and its error with it, after the rows before it; then it
 *   returns. The consumer handles those rows first, then the error.
 * - The consumer stops early (its own error, a cancel): hp_batch_pipe_free()
 *   says so and wakes a producer waiting for a batch; the producer sees it
 *   in hp_batch_pipe_take() (which returns %NULL then) or, within a batch,
 *   in hp_batch_pipe_stopped(), gives back what it holds and returns; the
 *   thread is joined.
 * At the end every batch is in one of the queues, which free them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HpBatchPipe HpBatchPipe;

/*
 * HpBatchPipeFuncs:
 * @new_batch: makes an empty batch
 * @clear_batch: empties a used batch before the producer fills it again
 * @free_batch: frees a batch
 * @produce: runs in the producer thread: takes empty batches, fills them and
 *   gives them back, the last one with `last` set, then returns
 */
typedef struct
{
  gpointer (*new_batch)   (void);
  void     (*clear_batch) (gpointer batch);
  void     (*free_batch)  (gpointer batch);
  void     (*produce)     (HpBatchPipe *pipe,
                           gpointer     user_data);
} HpBatchPipeFuncs;

/* Starts the producer thread with @n_batches batches; NULL with @error if
 * the thread cannot be made. */
HpBatchPipe *hp_batch_pipe_start   (const HpBatchPipeFuncs *funcs,
                                    guint                   n_batches,
                                    const char             *thread_name,
                                    gpointer                user_data,
                                    GError                **error);

/* Producer: an empty batch, or NULL once the consumer stopped (then give
 * nothing more and return). */
gpointer     hp_batch_pipe_take    (HpBatchPipe            *self);
/* Producer: hands @batch to the consumer; @error (transfer full, nullable)
 * travels with it, after its rows, and makes it the last. */
void         hp_batch_pipe_give    (HpBatchPipe            *self,
                                    gpointer                batch,
                                    gboolean                last,
                                    GError                 *error);
/* Producer: whether the consumer stopped; worth checking at every row of a
 * long batch. Then give the batch held back (as the last) and return. */
gboolean     hp_batch_pipe_stopped (HpBatchPipe            *self);

/* Consumer: the next full batch, to hand back with hp_batch_pipe_recycle();
 * *@last is set for the producer's last one, and *@error to the producer's
 * error that came with it (handle the batch's rows first). NULL after the
 * last batch was taken. */
gpointer     hp_batch_pipe_next    (HpBatchPipe            *self,
                                    gboolean               *last,
                                    GError                **error);
void         hp_batch_pipe_recycle (HpBatchPipe            *self,
                                    gpointer                batch);

/* Consumer: stops the producer if it still runs, joins it, frees every
 * batch. NULL is ignored. */
void         hp_batch_pipe_free    (HpBatchPipe            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpBatchPipe, hp_batch_pipe_free)

G_END_DECLS
