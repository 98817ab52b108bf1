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
 * into a GStringChunk per batch). BATCHES batches go round between two
 * queues, empty ones to the reader and full ones to the writer, so at most
 * BATCHES × BATCH_ROWS rows are held whatever the size of the file.
 *
 * Stopping, both ways, without a deadlock: the reader only ever waits for an
 * empty batch, the writer only for a full one.
 * - The writer fails (libxlsxwriter, a cancel seen in its callback): it sets
 *   `stop` and then hands back its batch, so that a reader waiting for one
 *   wakes up; the reader checks `stop` and the cancellable at every row, ends
 *   its stream, and is joined.
 * - The reader fails (SQLite) or sees the cancel first: its error travels
 *   with its last batch, after the rows before it, and the writer returns it.
 * At the end every batch is in one of the queues, which free them.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

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
  GError       *error;   /* the reader's, after the rows before it */
  gboolean      last;
} Batch;

typedef struct
{
  /* Borrowed */
  HpStore                *store;
  HpStoreSnapshot        *snapshot;   /* the writing thread's, or NULL */
  HpExportGraduateStream  stream;
  GCancellable           *cancellable;

  /* Owned */
  GAsyncQueue            *empty;
  GAsyncQueue            *full;
  Batch                  *batch;   /* the one the reader fills */
  gint                    stop;    /* set by the writer */
} Prefetch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->strings = g_string_chunk_new (CHUNK_SIZE);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (HpExportGraduateRow), BATCH_ROWS);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_chunk_free (batch->strings);
  g_array_unref (batch->rows);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* ------------------------------------------------------------------------ */
/* The reader thread                                                         */

static Batch *
take_empty_batch (Prefetch *p)
{
  Batch *batch = g_async_queue_pop (p->empty);

  g_string_chunk_clear (batch->strings);
  g_array_set_size (batch->rows, 0);
  g_clear_error (&batch->error);
  batch->last = FALSE;
  return batch;
}

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
      g_async_queue_push (p->full, g_steal_pointer (&p->batch));
      p->batch = take_empty_batch (p);
    }

  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;
  if (g_atomic_int_get (&p->stop))
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

static gpointer
read_rows (gpointer data)
{
  Prefetch *p = data;
  GError *error = NULL;

  /* the writing thread's snapshot: the rows agree with its other sheets */
  if (p->snapshot != NULL)
    _hp_store_snapshot_enter (p->snapshot);
  p->batch = take_empty_batch (p);
  p->stream (p->store, copy_row_cb, p, &error);
  if (p->snapshot != NULL)
    _hp_store_snapshot_leave (p->snapshot);

  if (g_atomic_int_get (&p->stop))
    {
      g_clear_error (&error);
      g_async_queue_push (p->empty, g_steal_pointer (&p->batch));
      return NULL;
    }

  p->batch->error = error;
  p->batch->last = TRUE;
  g_async_queue_push (p->full, g_steal_pointer (&p->batch));
  return NULL;
}

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
  GThread *thread;
  gboolean ok = TRUE;
  gboolean done = FALSE;

  p.empty = g_async_queue_new_full (batch_free);
  p.full = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < BATCHES; i++)
    g_async_queue_push (p.empty, batch_new ());

  thread = g_thread_try_new ("hp-export-reader", read_rows, &p, error);
  if (thread == NULL)
    ok = FALSE;

  while (ok && !done)
    {
      Batch *batch = g_async_queue_pop (p.full);

      for (guint i = 0; ok && i < batch->rows->len; i++)
        ok = func (&g_array_index (batch->rows, HpExportGraduateRow, i), user_data, error);

      done = batch->last;
      if (ok && batch->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&batch->error));
          ok = FALSE;
        }

      /* In this order: a reader that waits for the batch must see the stop. */
      if (!ok)
        g_atomic_int_set (&p.stop, TRUE);
      g_async_queue_push (p.empty, batch);
    }

  if (thread != NULL)
    g_thread_join (thread);
  g_async_queue_unref (p.empty);
  g_async_queue_unref (p.full);
  return ok;
}
