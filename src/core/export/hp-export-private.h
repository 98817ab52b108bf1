/* hp-export-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the export files share: the campaign snapshot, the writer (workbook,
 * formats, sticky libxlsxwriter error, progress and cancelling) and the cell
 * helpers. Only src/core/export/ includes this, and only src/core/export/
 * includes <xlsxwriter.h>.
 */
#pragma once

#include <xlsxwriter.h>

#include "heimpack/hp-agency.h"
#include "heimpack/hp-export.h"
#include "heimpack/hp-plan.h"
#include "hp-store-export-private.h"
#include "hp-export-share-private.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* The snapshot                                                              */

/*
 * HpExportSchool:
 * A school with the packs the plan gives it.
 */
typedef struct
{
  const HpExportSchoolRow *row;        /* borrowed from HpExportData.school_rows */
  guint                    standard;   /* allocated standard packs */
  guint                    under18;    /* allocated under-18 packs */
  guint                    graduates;  /* counted by the plan, as the
                                        * Planning page shows them */
  guint                    listed;     /* stored graduates (class list rows) */
  guint                    needed_standard;     /* the plan's need */
  guint                    needed_under18;
  guint                    delivered_standard;  /* handed over (recorded) */
  guint                    delivered_under18;
  guint                    handed_out;          /* graduates ticked received */
  guint                    handed_out_under18;
} HpExportSchool;

/*
 * HpExportData:
 * Everything an export needs of one campaign, read from the store in the
 * thread that writes; plain data only.
 */
typedef struct
{
  HpStore              *store;          /* borrowed: graduates are streamed */
  HpExportCampaignRow   campaign;
  HpExportOptions       options;        /* strings borrowed from the caller,
                                         * or from @agency where it left
                                         * an agency field NULL */
  HpAgency             *agency;         /* owned: the file's */
  guint                 crate_size;

  HpPlanInput          *input;
  HpPlan               *plan;
  GPtrArray            *school_rows;    /* HpExportSchoolRow, by number */
  GArray               *schools;        /* HpExportSchool, parallel */
  GPtrArray            *products;       /* HpExportProductRow: the gifts, by sponsor */
  GArray               *used;           /* gint64, parallel: each gift's share
                                         * of its item's used pieces */
  GArray               *used_delivered; /* gint64, parallel: each gift's share
                                         * of its item's pieces in the packs
                                         * handed over to schools */
  GArray               *packs_delivered; /* gint64, parallel: each gift's
                                         * share of the packs handed over
                                         * that hold its item */
  GArray               *packs_planned;  /* gint64, parallel: the same of the
                                         * packs the plan allocates */
  GPtrArray            *handovers;      /* HpExportHandoverRow, by school id
                                         * then oldest first (delivery
                                         * sheets only, else NULL) */
  GPtrArray            *items;          /* HpExportItemRow: the pack lines,
                                         * packing order */
  GHashTable           *item_results;   /* item id -> HpPlanItemResult */

  guint                 packs_standard; /* allocated, over all schools */
  guint                 packs_under18;
  guint                 delivered_standard; /* handed over, all schools */
  guint                 delivered_under18;
  guint                 handed_out_standard; /* ticked received */
  guint                 handed_out_under18;
  guint                 schools_delivered;  /* with a hand-over */
  guint                 schools_returned;   /* with a graduate ticked */
  guint64               listed;         /* graduates stored for the
                                         * campaign's schools */
  gint64                consenting;     /* network rows (network only) */
} HpExportData;

HpExportData *_hp_export_data_load (HpStore                *store,
                                    gint64                  campaign_id,
                                    HpExportKind            kind,
                                    const HpExportOptions  *options,
                                    GError                **error);
void          _hp_export_data_free (HpExportData           *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpExportData, _hp_export_data_free)

/* The plan's figures of the item @item_id; all 0 for an item the plan
 * does not know. */
const HpPlanItemResult *_hp_export_item_result (const HpExportData *data,
                                                gint64              item_id);

/* ------------------------------------------------------------------------ */
/* The writer                                                                */

typedef struct
{
  /* Borrowed */
  lxw_workbook          *workbook;
  HpExportData          *data;
  GCancellable          *cancellable;
  HpExportProgressFunc   progress;
  gpointer               progress_data;

  /* Owned */
  GHashTable            *sheet_names;   /* case-folded names in use */
  char                  *failed_sheet;  /* where the first error happened */

  /* The first libxlsxwriter error; later writes are skipped */
  lxw_error              lxw_rc;
  lxw_row_t              failed_row;

  guint64                units_total;
  guint64                units_done;
  double                 reported;

  /* Warnings for the caller (texts cut), at most a few; the rest counted */
  GPtrArray             *warnings;      /* char *, owned */
  guint                  more_warnings;

  /* Formats, owned by the workbook */
  lxw_format            *title;
  lxw_format            *subtitle;
  lxw_format            *heading;
  lxw_format            *heading_number;
  lxw_format            *heading_indented;
  lxw_format            *bold;
  lxw_format            *wrap;
  lxw_format            *top;           /* plain text at the top of a
                                         * taller row */
  lxw_format            *link;          /* a link to another sheet, set off
                                         * from a number before */
  lxw_format            *wrap_indented; /* set off from a number before */
  lxw_format            *integer;
  lxw_format            *integer_left;  /* a figure in a form, like a date */
  lxw_format            *count;         /* 0 shows as "–" */
  lxw_format            *difference;    /* negative in red */
  lxw_format            *money;
  lxw_format            *date;
  lxw_format            *time;
  lxw_format            *total_text;
  lxw_format            *total_integer;
  lxw_format            *total_money;
  lxw_format            *note;          /* indented text */
  lxw_format            *signature;
  lxw_format            *tick;
  lxw_format            *label_text;
  lxw_format            *label_number;
} HpExportWriter;

/* Fraction of the progress that writing the sheets takes; closing the
 * workbook (zipping) takes the rest. */
#define HP_EXPORT_WRITE_SHARE 0.9

/* The class lists' hidden column of graduate IDs (G), and its heading,
 * untranslated: hp-import-received.c reads them back. */
#define HP_CLASS_LIST_ID_COLUMN  6
#define HP_CLASS_LIST_ID_HEADING "heimpack-id"

/*
 * HpExportColumn:
 * One column of a table: title and width in characters.
 */
typedef struct
{
  const char *title;
  double      width;
  gboolean    numeric;   /* right-aligned title */
  gboolean    indented;  /* title and cells set off from a number before */
} HpExportColumn;

/*
 * _hp_export_add_sheet:
 * Adds a print-ready sheet: A4, @landscape or portrait, fitted to the page
 * width, page header with the campaign and @title, footer "Page &P", its
 * pages numbered from 1 (see _hp_export_set_page_count()).
 * @wanted_name is made a legal, unique sheet name. NULL with @error (and the
 * writer's sticky error) on failure.
 */
lxw_worksheet *_hp_export_add_sheet     (HpExportWriter        *w,
                                         const char            *wanted_name,
                                         const char            *title,
                                         gboolean               landscape,
                                         GError               **error);
/* Sets the footer of @ws to "Page &P of @pages": for a sheet whose page
 * breaks the export sets itself, so that it knows its number of pages
 * (LibreOffice's &N counts the pages of the whole workbook). */
void           _hp_export_set_page_count (HpExportWriter       *w,
                                          lxw_worksheet        *ws,
                                          guint                 pages);
/* Sets the column widths (before any data: constant-memory mode), each at
 * least as wide as the longest word of its translated title in bold
 * (headings wrap at spaces only). */
void           _hp_export_set_columns   (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         const HpExportColumn  *columns,
                                         guint                  n_columns);
/* A width for a column of product (or, if @sponsor, sponsor) names: the
 * longest name of @products (HpExportProductRow) plus a margin, from 16
 * to 45 characters. */
double         _hp_export_name_width    (GPtrArray             *products,
                                         gboolean               sponsor);
/* The same for the names of @n_texts texts. */
double         _hp_export_texts_width   (const char * const    *texts,
                                         guint                  n_texts);
/* The width of @column as set (_hp_export_set_columns()): its own, or
 * more for the longest word of its title. */
double         _hp_export_column_width  (const HpExportColumn  *column);
/* How many lines the titles of @columns take at most in their heading
 * row (_hp_export_heading_row()). */
guint          _hp_export_heading_lines (const HpExportColumn  *columns,
                                         guint                  n_columns);
/* How many lines @text takes in a wrapping cell of a column @width
 * characters wide (less any indent): its lines, each wrapped as
 * LibreOffice wraps them (_hp_export_wrap() with hyphens), so that a row
 * of that many lines shows all of it and is no taller. */
guint          _hp_export_text_lines    (const char            *text,
                                         double                 width);
/* hp-export-metrics.c: how wide @length bytes of @text (-1: all) print,
 * in column-width units (the width of the default font's digit), in bold
 * or not; never less than in Calibri/Carlito or DejaVu Sans. */
double         _hp_export_text_width    (const char            *text,
                                         gssize                 length,
                                         gboolean               bold);
/* How many lines @text takes in a wrapping cell with @room units for a
 * line: each paragraph wrapped greedily at spaces (which hang at the end
 * of a line) and, with @hyphens, after a hyphen between letters, as
 * LibreOffice does; a piece wider than a line broken where the line is
 * full. With @out, appends the text with a line break ("\n") where each
 * line ends. */
guint          _hp_export_wrap          (const char            *text,
                                         double                 room,
                                         gboolean               bold,
                                         gboolean               hyphens,
                                         GString               *out);
/* Makes @row tall enough for @lines lines of text (before anything else in
 * @row); nothing for one line. */
void           _hp_export_row_lines     (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         guint                  lines);
/* Writes the titles of @columns in @row as headings, the row as tall as
 * the most wrapped title (before anything else in @row). */
void           _hp_export_heading_row   (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         const HpExportColumn  *columns,
                                         guint                  n_columns);
/* Writes the titles of @columns in @row (_hp_export_heading_row()),
 * repeats rows @first_repeated to @row on every printed page and freezes
 * the panes below @row. */
void           _hp_export_table_header  (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_row_t              first_repeated,
                                         const HpExportColumn  *columns,
                                         guint                  n_columns);
/* Points of a row of one line of the default font, and of the caption's
 * title row (14 pt bold, which spreadsheets make taller on opening). */
#define HP_EXPORT_LINE_HEIGHT  15.0
#define HP_EXPORT_TITLE_HEIGHT 20.0
/* What an indent of one level (HpExportColumn.indented) takes of a
 * column, in column-width units. */
#define HP_EXPORT_INDENT_WIDTH 1.5

/*
 * HpExportPager:
 * Where the printed pages of a sheet end, from the export's own row heights,
 * so that a group of rows that fits on a page is never split and the sheet
 * knows its number of pages ("Page 1 of 3").
 *
 * A page holds the rows of its printable height (A4 less the margins) at
 * the scale that fits the sheet's width to the page, reckoned with the
 * narrowest font the columns may print in (Calibri's 7-pixel digit), which
 * gives the largest scale and so the fewest rows; a page in a wider font
 * (LibreOffice with DejaVu Sans) holds more, so the spreadsheet never needs
 * a page break of its own between the export's.
 */
typedef struct
{
  double  capacity;   /* points of rows a page holds */
  double  repeated;   /* of the rows repeated on every page */
  double  used;       /* of the current page */
  GArray *breaks;     /* lxw_row_t, zero-terminated: rows that start a page */
} HpExportPager;

/* For a sheet with @columns, across if @landscape. */
void           _hp_export_pager_init    (HpExportPager         *pager,
                                         const HpExportColumn  *columns,
                                         guint                  n_columns,
                                         gboolean               landscape);
void           _hp_export_pager_clear   (HpExportPager         *pager);
/* Rows repeated at the top of every page after the first, @height points
 * in all (the table heading). */
void           _hp_export_pager_repeat  (HpExportPager         *pager,
                                         double                 height);
/* Row @row, @height points tall, comes next: a new page starts with it if
 * it does not fit on this one. */
void           _hp_export_pager_add     (HpExportPager         *pager,
                                         lxw_row_t              row,
                                         double                 height);
/* Rows from @row on, @height points in all, belong together: a new page
 * starts with them if they do not fit on this one but do on a new one
 * (a group taller than a page starts where it is, and its rows then break
 * as _hp_export_pager_add() breaks them). */
void           _hp_export_pager_keep    (HpExportPager         *pager,
                                         lxw_row_t              row,
                                         double                 height);
/* Sets the page breaks of @ws and its footer "Page &P of N"
 * (_hp_export_set_page_count()); returns N. */
guint          _hp_export_pager_finish  (HpExportPager         *pager,
                                         HpExportWriter        *w,
                                         lxw_worksheet         *ws);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HpExportPager, _hp_export_pager_clear)

/* Title and campaign in rows 0 and 1; returns the next free row (3). */
lxw_row_t      _hp_export_caption       (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         const char            *title);

void           _hp_export_check         (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_error              rc);
void           _hp_export_string        (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_col_t              col,
                                         const char            *text,
                                         lxw_format            *format);
void           _hp_export_number        (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_col_t              col,
                                         double                 value,
                                         lxw_format            *format);
/* A date cell from ISO `YYYY-MM-DD[THH:MM]` (the date part); blank for
 * NULL; the text itself if it is not a date. */
void           _hp_export_date          (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_col_t              col,
                                         const char            *iso,
                                         lxw_format            *format);
/* A time cell from the `THH:MM` part of @iso; blank without one. */
void           _hp_export_time          (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_col_t              col,
                                         const char            *iso,
                                         lxw_format            *format);
/* A formula with its computed value, for readers that don't recalculate;
 * a NULL @formula writes @value alone. */
void           _hp_export_formula       (HpExportWriter        *w,
                                         lxw_worksheet         *ws,
                                         lxw_row_t              row,
                                         lxw_col_t              col,
                                         const char            *formula,
                                         double                 value,
                                         lxw_format            *format);
/* "=SUM(C5:C9)" for column @col, rows @first to @last (0-based); NULL when
 * @last < @first (no rows), so that an empty table's total is a plain 0. */
char          *_hp_export_sum_formula   (lxw_col_t              col,
                                         lxw_row_t              first,
                                         lxw_row_t              last);
/* The cell name, e.g. "C5", of a 0-based row and column. */
char          *_hp_export_cell_name     (lxw_row_t              row,
                                         lxw_col_t              col);

/* FALSE with @error if a write failed so far. */
gboolean       _hp_export_ok            (HpExportWriter        *w,
                                         GError               **error);
/* Counts @units of work done, reports progress, and fails with the sticky
 * error or G_IO_ERROR_CANCELLED. */
gboolean       _hp_export_step          (HpExportWriter        *w,
                                         guint64                units,
                                         GError               **error);

/* Adds the formats of HpExportWriter to its workbook. */
void           _hp_export_add_formats   (HpExportWriter        *w);
/* TRUE for the errors of files and zipping (HP_EXPORT_ERROR_WRITE). */
gboolean       _hp_export_is_write_error (lxw_error            rc);

/* Test hooks, NULL and 0 except in tests (tests/test-export*.c), set
 * before an export starts: a cell text that the writer refuses as
 * libxlsxwriter refuses a bad value (LXW_ERROR_PARAMETER_VALIDATION), so
 * that an export fails midway; and an errno with which closing the
 * workbook fails (LXW_ERROR_ZIP_FILE_OPERATION, as with a full disk). */
extern const char *_hp_export_test_refused_text;
extern int         _hp_export_test_close_errno;

/* Excel's limit for the text of a cell, in UTF-16 units. */
#define HP_EXPORT_CELL_MAX 32767

typedef enum
{
  HP_EXPORT_TEXT_ESCAPE   = 1 << 0,  /* `_xHHHH_` -> `_x005F_xHHHH_` */
  HP_EXPORT_TEXT_ONE_LINE = 1 << 1,  /* tabs and line breaks as spaces */
} HpExportTextFlags;

/*
 * _hp_export_clean_text:
 * @text: (nullable): UTF-8 or not
 * @flags: HpExportTextFlags
 * @max: 0, or the most UTF-16 units (and characters of the escaped text,
 *   which libxlsxwriter counts) the result may have
 * @out_cut: (out) (optional): TRUE if the text was cut to @max - 1 and "…"
 *
 * A text that is valid in a workbook's XML and shows as typed: control
 * characters other than tab and line break dropped (CR LF and a lone CR
 * become LF), invalid UTF-8 repaired, U+FFFE and U+FFFF dropped; with
 * flags as above. Returns NULL when @text is fine as it is (the common
 * case, checked without copying), else the new text.
 */
char          *_hp_export_clean_text    (const char            *text,
                                         guint                  flags,
                                         gsize                  max,
                                         gboolean              *out_cut);
/* Adds @message (taken) to the writer's warnings. */
void           _hp_export_warn          (HpExportWriter        *w,
                                         char                  *message);

/* A legal, unique sheet name
 * (≤ 31 characters, none of []:*?/\, no leading or trailing apostrophe,
 * unique ignoring case). Records it in @taken (case-folded keys). */
char          *_hp_export_sheet_name    (GHashTable            *taken,
                                         const char            *wanted);

/* ------------------------------------------------------------------------ */
/* Prefetching                                                               */

/* A stream of graduates from the store, e.g. _hp_store_export_consenting(). */
typedef gboolean (*HpExportGraduateStream) (HpStore               *store,
                                            HpExportGraduateFunc   func,
                                            gpointer               user_data,
                                            GError               **error);

/*
 * _hp_export_prefetch_graduates:
 * Runs @stream on @store in a reader thread and calls @func for each row in
 * this thread, in the same order, with at most a few thousand rows held in
 * between (hp-export-prefetch.c). Stops when @func fails, @stream fails or
 * @cancellable is cancelled (G_IO_ERROR_CANCELLED), and returns only when
 * the reader has ended.
 */
gboolean       _hp_export_prefetch_graduates (HpStore                *store,
                                              HpExportGraduateStream  stream,
                                              HpExportGraduateFunc    func,
                                              gpointer                user_data,
                                              GCancellable           *cancellable,
                                              GError                **error);

/* ------------------------------------------------------------------------ */
/* The workbooks                                                             */

/* hp-export-packing.c */
guint64        _hp_export_packing_units    (HpExportData   *data);
gboolean       _hp_export_packing_list     (HpExportWriter *w,
                                            GError        **error);
/* hp-export-delivery.c */
guint64        _hp_export_delivery_units   (HpExportData   *data);
gboolean       _hp_export_delivery_sheets  (HpExportWriter *w,
                                            GError        **error);
/* hp-export-reports.c */
guint64        _hp_export_sponsor_units    (HpExportData   *data);
gboolean       _hp_export_sponsor_report   (HpExportWriter *w,
                                            GError        **error);
guint64        _hp_export_network_units    (HpExportData   *data);
gboolean       _hp_export_network          (HpExportWriter *w,
                                            GError        **error);

G_END_DECLS
