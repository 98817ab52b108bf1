/* hp-table-reader.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SECTION:hp-table-reader
 *
 * #HpTableReader reads the rows of a CSV file or of one sheet of an XLSX
 * workbook as text records, streaming: memory stays flat in the file size. It
 * knows nothing about schools or graduates (that is hp-import.h).
 *
 * CSV: the encoding is UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or
 * Windows-1252 when the bytes are not UTF-8 (detected with uchardet, then
 * converted with GLib); the delimiter is `;`, `,` or tab, detected or given;
 * an Excel `sep=;` first line is honoured; LF, CRLF and CR-only line ends;
 * quoted fields with line breaks and doubled quotes (libcsv). Title lines
 * above the header are skipped: the header is the first line with as many
 * fields as the data below it. A trailing delimiter on the header line is
 * dropped. NUL bytes are refused.
 *
 * XLSX: the first visible sheet with data (or a chosen one): shared and inline strings,
 * numbers, booleans, dates (as `YYYY-MM-DD`), empty cells.
 *
 * Every record carries its physical line (CSV: the line its first field
 * starts on, counting from 1; XLSX: the row number), for error messages.
 */

#define HP_IMPORT_ERROR (hp_import_error_quark ())

/**
 * HpImportError:
 * @HP_IMPORT_ERROR_FAILED: reading failed (I/O)
 * @HP_IMPORT_ERROR_ENCODING: the bytes are no text in the file's encoding,
 *   or contain NUL bytes
 * @HP_IMPORT_ERROR_FORMAT: not a table Heimpack can read (no header, broken
 *   quoting, a damaged or unknown workbook)
 * @HP_IMPORT_ERROR_ROW_LENGTH: a row has more or fewer fields than the header
 * @HP_IMPORT_ERROR_MISSING_COLUMN: a required field has no column
 * @HP_IMPORT_ERROR_VALUE: a value does not fit its field
 * @HP_IMPORT_ERROR_DUPLICATE: a record is in the file twice
 *
 * Messages name the file, the line and, where it applies, the column.
 */
typedef enum
{
  HP_IMPORT_ERROR_FAILED,
  HP_IMPORT_ERROR_ENCODING,
  HP_IMPORT_ERROR_FORMAT,
  HP_IMPORT_ERROR_ROW_LENGTH,
  HP_IMPORT_ERROR_MISSING_COLUMN,
  HP_IMPORT_ERROR_VALUE,
  HP_IMPORT_ERROR_DUPLICATE,
} HpImportError;

GQuark hp_import_error_quark (void);

/**
 * HpTableOptions:
 * @encoding: (nullable): force a CSV encoding (a GLib/iconv name), or %NULL
 *   to detect it
 * @delimiter: force a CSV delimiter, or 0 to detect it
 * @sheet: (nullable): the XLSX sheet's name, or %NULL for the first sheet
 * @header_line: force the header's physical line (1-based), or 0 to detect it
 *
 * Zero-initialise and set what you need; `NULL` options mean all defaults.
 */
typedef struct
{
  const char *encoding;
  char        delimiter;
  const char *sheet;
  guint       header_line;
} HpTableOptions;

typedef struct _HpTableReader HpTableReader;

/**
 * hp_table_reader_open:
 * @path: a `.csv`, `.txt`, `.tsv` or `.xlsx` file (XLSX is recognised by its
 *   content, not only its name)
 * @options: (nullable): #HpTableOptions
 *
 * Opens @path, detects its shape and reads up to the header.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error in
 *   %HP_IMPORT_ERROR or %G_IO_ERROR.
 */
HpTableReader      *hp_table_reader_open         (const char            *path,
                                                  const HpTableOptions  *options,
                                                  GError               **error);
/**
 * hp_table_reader_next:
 * @out_fields: (out) (transfer none): the record's fields, valid until the
 *   next call; as many as the header has (trailing empty fields dropped or
 *   added); UTF-8
 * @out_line: (out) (optional): the record's physical line
 *
 * Reads the next non-empty record.
 *
 * Returns: %TRUE with a record; %FALSE at the end (with @error unset) or on
 *   an error (with @error set, e.g. %HP_IMPORT_ERROR_ROW_LENGTH).
 */
gboolean            hp_table_reader_next         (HpTableReader         *self,
                                                  const char * const   **out_fields,
                                                  guint                 *out_line,
                                                  GError               **error);
/* The header's fields (trimmed), as many as every record has. */
const char * const *hp_table_reader_get_header   (HpTableReader         *self);
guint               hp_table_reader_get_n_columns (HpTableReader        *self);
guint               hp_table_reader_get_header_line (HpTableReader      *self);
/* "CSV" or "XLSX" */
const char         *hp_table_reader_get_format   (HpTableReader         *self);
/* The detected or given encoding ("UTF-8", "UTF-16LE", "WINDOWS-1252", …);
 * "UTF-8" for XLSX. */
const char         *hp_table_reader_get_encoding (HpTableReader         *self);
/* The CSV delimiter; 0 for XLSX. */
char                hp_table_reader_get_delimiter (HpTableReader        *self);
/* XLSX: the name of the sheet read (the first with data unless
 * HpTableOptions.sheet chose one); %NULL for CSV. */
const char         *hp_table_reader_get_sheet    (HpTableReader         *self);
/* The file's name for messages. */
const char         *hp_table_reader_get_display_name (HpTableReader     *self);
/* How far reading has come, 0.0 … 1.0 (by bytes read, for progress bars). */
double              hp_table_reader_get_progress (HpTableReader         *self);
void                hp_table_reader_free         (HpTableReader         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpTableReader, hp_table_reader_free)

G_END_DECLS
