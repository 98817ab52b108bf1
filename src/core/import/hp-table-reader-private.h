/* hp-table-reader-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The backends of HpTableReader (CSV, XLSX). A backend delivers raw records
 * (any number of fields); hp-table-reader.c finds the header among the first
 * records and holds every record to the header's width.
 */
#pragma once

#include "heimpack/hp-table-reader.h"

G_BEGIN_DECLS

typedef struct
{
  /* Fills @fields (emptied by the caller; add g_strdup'ed UTF-8 strings)
   * with the next raw record and @out_line with its physical line. Returns
   * FALSE at the end (error unset) or on an error. */
  gboolean (*next)     (HpTableReader  *self,
                        GPtrArray      *fields,
                        guint          *out_line,
                        GError        **error);
  /* 0.0 … 1.0 */
  double   (*progress) (HpTableReader  *self);
  /* Frees backend_data. */
  void     (*free)     (gpointer        backend_data);
} HpTableBackend;

struct _HpTableReader
{
  const HpTableBackend *backend;
  gpointer              backend_data;

  char                 *path;
  char                 *display_name;
  const char           *format;        /* "CSV" / "XLSX", static */
  char                 *encoding;
  char                  delimiter;
  char                 *sheet;         /* XLSX: the sheet read */
  GStrv                 worksheets;    /* XLSX: the visible worksheets */

  GPtrArray            *header;        /* char *, NULL-terminated */
  guint                 header_line;
  guint                 n_columns;

  GPtrArray            *fields;        /* the current record, NULL-terminated */
  GPtrArray            *raw;           /* the backend's record before that */
  GQueue               *lookahead;     /* records read while finding the header */
  gboolean              empty;         /* no record at all */
};

/* hp-csv-reader.c: sets backend, backend_data, format, encoding, delimiter */
gboolean _hp_csv_reader_open  (HpTableReader         *self,
                               const HpTableOptions  *options,
                               GError               **error);

/* hp-xlsx-reader.c: sets backend, backend_data, format, encoding */
gboolean _hp_xlsx_reader_open (HpTableReader         *self,
                               const HpTableOptions  *options,
                               GError               **error);

/* TRUE if the file starts like a ZIP archive (an XLSX workbook). */
gboolean _hp_xlsx_reader_sniff (const char           *path);

/* The next non-empty record as the backend read it, whatever the header's
 * width (for forms, such as a returned class list): @out_fields is valid
 * until the next call. FALSE at the end (error unset) or on an error. */
gboolean _hp_table_reader_next_raw (HpTableReader   *self,
                                    GPtrArray      **out_fields,
                                    guint           *out_line,
                                    GError         **error);
/* "FILE, line N: " prefixed errors, for all backends. */
void     _hp_table_reader_set_error (HpTableReader   *self,
                                     GError         **error,
                                     HpImportError    code,
                                     guint            line,
                                     const char      *message);

G_END_DECLS
