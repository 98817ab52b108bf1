/* hp-export-prefetch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _hp_export_prefetch_graduates(): a stream of graduates read in a thread of
 * its own while the calling thread writes the rows.
 *
 * Why: the network export of a national file (350,000 graduates on one
 * sheet) must be at least 8× faster than LibreOffice converting the same
 * rows from CSV (15 s), so under 1.85 s. libxlsxwriter alone needs about
 * 1.5 s for its five columns and SQLite about 0.4 s to step through the rows;
 * one after the other that is too slow, side by side on two cores the
 * reading hides behind the writing.
 *
 * How: the reader copies the rows into batches of BATCH_ROWS (the strings
 * into a GStringChunk per batch) that go round between the two threads in
 * an HpBatchPipe (hp-batch-pipe-private.h, shared with the import), so at
 * most BATCHES × BATCH_ROWS rows are held whatever the size of the file,
 * and both sides stop by its one rule: the writer's error or a cancel stops
 * the reader at its next row; the reader's error travels with its last
 * batch, after the rows before it.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include "hp-batch-pipe-private.h"
#include "hp-export-private.h"

#define BATCH_ROWS 1024
#define BATCHES    4
/* Under glibc's mmap threshold (128 KiB unless raised; the programs pin it), so
 * that the blocks come from the heap and are not mapped anew for each batch. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GStringChunk *strings;
  GArray       *rows;    /* HpExportGraduateRow, strings in @strings */
} Batch;

typedef struct
{
  /* Borrowed */
  HpStore                *store;
  HpStoreSnapshot        *snapshot;   /* the writing thread's, or NULL */
  HpExportGraduateStream  stream;
  GCancellable           *cancellable;
  HpBatchPipe            *pipe;
  Batch                  *batch;      /* the one the reader fills */
} Prefetch;

static gpointer
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->strings = g_string_chunk_new (CHUNK_SIZE);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (HpExportGraduateRow), BATCH_ROWS);
  return batch;
}

static void
batch_clear (gpointer data)
{
  Batch *batch = data;

  g_string_chunk_clear (batch->strings);
  g_array_set_size (batch->rows, 0);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_chunk_free (batch->strings);
  g_array_unref (batch->rows);
  g_free (batch);
}

/* ------------------------------------------------------------------------ */
/* The reader thread                                                         */

static const char *
copy_text (GStringChunk *strings,
           const char   *text)
{
  return text != NULL ? g_string_chunk_insert (strings, text) : NULL;
}

static gboolean
copy_row_cb (const HpExportGraduateRow  *row,
             gpointer                    user_data,
             GError                    **error)
{
  Prefetch *p = user_data;
  GStringChunk *strings;
  HpExportGraduateRow copy;

  if (p->batch->rows->len == BATCH_ROWS)
    {
      hp_batch_pipe_give (p->pipe, g_steal_pointer (&p->batch), FALSE, NULL);
      p->batch = hp_batch_pipe_take (p->pipe);
    }

  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;
  if (p->batch == NULL || hp_batch_pipe_stopped (p->pipe))
    {
      /* Never seen: the writer has an error of its own. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Stopped by the writer");
      return FALSE;
    }

  strings = p->batch->strings;
  copy = *row;
  copy.school_number = copy_text (strings, row->school_number);
  copy.school_name = copy_text (strings, row->school_name);
  copy.last_name = copy_text (strings, row->last_name);
  copy.first_name = copy_text (strings, row->first_name);
  copy.class_name = copy_text (strings, row->class_name);
  copy.consent_date = copy_text (strings, row->consent_date);
  copy.consent_source = copy_text (strings, row->consent_source);
  copy.email = copy_text (strings, row->email);
  copy.phone = copy_text (strings, row->phone);
  g_array_append_val (p->batch->rows, copy);
  return TRUE;
}

static void
read_rows (HpBatchPipe *pipe,
           gpointer     user_data)
{
  Prefetch *p = user_data;
  GError *error = NULL;

  p->pipe = pipe;
  p->batch = hp_batch_pipe_take (pipe);
  if (p->batch == NULL)
    return;

  /* the writing thread's snapshot: the rows agree with its other sheets */
  if (p->snapshot != NULL)
    _hp_store_snapshot_enter (p->snapshot);
  p->stream (p->store, copy_row_cb, p, &error);
  if (p->snapshot != NULL)
    _hp_store_snapshot_leave (p->snapshot);

  /* the writer stopped: it reads no more, its error is the one to tell */
  if (hp_batch_pipe_stopped (pipe))
    g_clear_error (&error);
  /* the last batch, with the reader's error (else freed with the pipe) */
  if (p->batch != NULL)
    hp_batch_pipe_give (pipe, g_steal_pointer (&p->batch), TRUE, g_steal_pointer (&error));
  g_clear_error (&error);
}

static const HpBatchPipeFuncs prefetch_funcs = {
  .new_batch = batch_new,
  .clear_batch = batch_clear,
  .free_batch = batch_free,
  .produce = read_rows,
};

/* ------------------------------------------------------------------------ */
/* The writing thread                                                        */

gboolean
_hp_export_prefetch_graduates (HpStore                 *store,
                               HpExportGraduateStream   stream,
                               HpExportGraduateFunc     func,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  Prefetch p = {
    .store = store,
    .snapshot = _hp_store_snapshot_current (),
    .stream = stream,
    .cancellable = cancellable,
  };
  g_autoptr(HpBatchPipe) pipe = NULL;
  gboolean ok = TRUE;
  gboolean done = FALSE;

  pipe = hp_batch_pipe_start (&prefetch_funcs, BATCHES, "hp-export-reader", &p, error);
  if (pipe == NULL)
    return FALSE;

  while (ok && !done)
    {
      g_autoptr(GError) reader_error = NULL;
      Batch *batch = hp_batch_pipe_next (pipe, &done, &reader_error);

      for (guint i = 0; ok && i < batch->rows->len; i++)
        ok = func (&g_array_index (batch->rows, HpExportGraduateRow, i), user_data, error);

      if (ok && reader_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&reader_error));
          ok = FALSE;
        }
      hp_batch_pipe_recycle (pipe, batch);
    }

  /* (on an error of the writer's: stops the reader at its next row) */
  g_clear_pointer (&pipe, hp_batch_pipe_free);
  return ok;
}
