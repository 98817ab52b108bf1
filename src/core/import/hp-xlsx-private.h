/* hp-xlsx-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two halves of HpTableReader's XLSX backend: hp-xlsx-workbook.c reads
 * what a workbook says about itself (its sheets and where their parts are,
 * the shared strings, which cell styles are dates), hp-xlsx-reader.c streams
 * the rows of one sheet. Both read ZIP entries with libarchive through
 * libxml2's xmlTextReader, with the helpers declared here.
 */
#pragma once

#include <archive.h>
#include <libxml/xmlreader.h>

#include "hp-table-reader-private.h"

G_BEGIN_DECLS

/* How the style of a number cell shows it. */
typedef enum
{
  HP_XLSX_NUMBER,
  HP_XLSX_DATE,
  HP_XLSX_DATETIME,
  HP_XLSX_TIME,
} HpXlsxNumberKind;

/* One part (a ZIP entry) read through an xmlTextReader. */
typedef struct
{
  struct archive   *archive;
  xmlTextReaderPtr  xml;
  char             *error;        /* the first I/O or XML error (English) */
} HpXlsxStream;

/* What reading one sheet of a workbook needs to know. */
typedef struct
{
  char          *sheet_part;      /* "xl/worksheets/sheet1.xml" */
  char          *sheet_name;      /* the chosen sheet's name */
  GStrv          worksheets;      /* the visible worksheets' names, in order */
  gboolean       date1904;
  GStringChunk  *chunk;           /* the shared strings' text */
  GPtrArray     *shared;          /* const char *, into chunk */
  GByteArray    *style_kinds;     /* HpXlsxNumberKind per cell style index */
} HpXlsxBook;

/* Reads the workbook part, its relationships, the shared strings and the
 * styles of @reader's file, and picks @sheet (NULL: the first visible
 * worksheet). Errors are %HP_IMPORT_ERROR_FORMAT. */
gboolean     _hp_xlsx_book_load        (HpXlsxBook        *book,
                                        HpTableReader     *reader,
                                        const char        *sheet,
                                        GError           **error);
void         _hp_xlsx_book_clear       (HpXlsxBook        *book);

/* Opens @path and starts reading its entry @part; FALSE with a message for
 * the user if that fails. */
gboolean     _hp_xlsx_stream_open      (HpXlsxStream      *stream,
                                        const char        *path,
                                        const char        *part,
                                        char             **out_message);
void         _hp_xlsx_stream_clear     (HpXlsxStream      *stream);

/* The element's or attribute's name without its prefix ("x:row" → "row"). */
const char  *_hp_xlsx_local_name       (xmlTextReaderPtr   xml);
gboolean     _hp_xlsx_is_element       (xmlTextReaderPtr   xml,
                                        const char        *name);
/* An attribute by local name, whatever its prefix (r:id, xml:space). */
char        *_hp_xlsx_get_attr         (xmlTextReaderPtr   xml,
                                        const char        *name);
/* Appends the text inside the current element and moves to its end. */
gboolean     _hp_xlsx_read_text        (xmlTextReaderPtr   xml,
                                        GString           *out);
/* A shared string item <si> or inline string <is> into @out (replaced). */
gboolean     _hp_xlsx_read_string_item (xmlTextReaderPtr   xml,
                                        GString           *out);
/* Decodes OOXML's _xHHHH_ escapes of control characters, in place. */
void         _hp_xlsx_decode_escapes   (GString           *text);

G_END_DECLS
