/* hp-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-store.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-export
 *
 * The paper of the drive, as print-ready XLSX workbooks (libxlsxwriter):
 *
 * - %HP_EXPORT_PACKING_LIST, "Packliste": the contents of one pack (standard
 *   and under 18), one line per item in packing order, with the sponsors who
 *   give it; the total quantities for the packs needed (needed, received of
 *   all its gifts together, difference); the packing stations (the items in
 *   packing order, three or four a station) with the pieces for the packs
 *   that can be built; one crate label per crate.
 * - %HP_EXPORT_DELIVERY_SHEETS, "Lieferscheine": an overview of all schools
 *   with their delivery notes, then one delivery note per school: the
 *   agency, the note's number and issue date (the day of the export), the
 *   school's postal address, contact teacher, hand-over date and time, the
 *   packs (standard / under 18 / total) of this delivery beside what the
 *   school needs, what was delivered before and what is still to come, with
 *   a line saying so when the delivery is partial ("Partial delivery: 27 of
 *   72 packs, 45 to follow"), crates, signature lines for handing over and
 *   receiving, and optionally the class list to tick off, with a column
 *   "U18" marking the graduates not yet 18 on the hand-over day (they get
 *   the under-18 pack).
 *   Which delivery a school's note is for: its latest recorded hand-over
 *   (#HpHandover: its date and time, its packs, who signed for them, the
 *   earlier hand-overs as "delivered before"); a school without any recorded
 *   hand-over gets the note for the packs still to deliver, its allocated
 *   packs on its planned hand-over day. Still to come = needed − delivered
 *   before − this delivery (never below 0), per variant. The note's number
 *   is "YEAR-SCHOOLNUMBER-N", N counting the school's deliveries (the
 *   latest hand-over's place among them, oldest first; 1 when none is
 *   recorded), so a reprint of the same delivery has the same number.
 * - %HP_EXPORT_SPONSOR_REPORT, "Sponsorenbericht": a summary for the funder
 *   report that sets side by side the packs planned, handed over to schools
 *   (recorded hand-overs; 0 before the first) and handed out to graduates
 *   (ticked as received on the lists the schools returned); then per sponsor
 *   and gift what was pledged, received and used in the planned packs and in
 *   the packs handed over (an item's pieces shared out over its gifts in
 *   proportion to what each delivered, by largest remainder, so the gifts
 *   add up to the item), the in-kind value (received × value per piece) and
 *   the schools reached; and a thank-you sheet for a mail merge, one row per
 *   sponsor with contact, figures and a ready sentence ("Your 800 pieces of
 *   “USB-Stick” went into 780 packs for 12 schools.", in German in a German
 *   locale).
 * - %HP_EXPORT_NETWORK, "Rückkehrer-Netzwerk": the graduates of all
 *   campaigns who consented to be contacted, on one sheet with the columns
 *   last name, first name, school, year (of the campaign) and consent date;
 *   newest year first, then the newer campaign, then by school number, last
 *   and first name (telephone-book order). Where a consent came from is not
 *   printed.
 *
 * Pack numbers come from the plan (hp_plan_compute()): a school gets its
 * allocated packs, which are the packs it needs when everything can be built.
 *
 * Every sheet prints on A4 fitted to the page width, all sheets of a
 * workbook the same way round (delivery sheets upright, the packing list
 * and the sponsor report across, the network across), with the campaign
 * and sheet title in the page header and its table header repeated on
 * every page. Each sheet numbers its pages from 1: "Page 2 of 3" where the
 * export sets the page breaks itself and so knows the count (a school's
 * delivery note: the note, then 45 graduates of its class list a page;
 * the overview, the sponsor report's sponsors and thank-you sheets: as
 * many rows a page as their heights fill, reckoned for the narrowest font
 * the sheet may print in, so that the spreadsheet adds no break of its
 * own; a sponsor's rows and subtotal are never split over two pages where
 * they fit on one), "Page 2" on the other sheets of a workbook, "Page 2 of
 * 17" on the network's single sheet. Rows are as tall as their wrapped
 * text (spreadsheets don't grow them on opening), measured with the
 * widths of Calibri/Carlito and of DejaVu Sans (LibreOffice's stand-in
 * where Carlito is missing), whichever is wider; table headings are broken
 * into lines by the export (a line break in the cell, at most two lines),
 * each line leaving a gap to the next column. The delivery overview shows
 * each school's full name (wrapping, never into the town) and links to its
 * sheet by the sheet's name, with "…" where that is the name cut to
 * Excel's 31 characters. Numbers are numeric cells, money is
 * formatted `#,##0.00 "€"`, dates are date cells (`dd.mm.yyyy`), and
 * formulas carry their computed value for readers that don't recalculate.
 * Sheet and column titles are translated (German is the documents'
 * language; an English locale gets English sheets).
 *
 * Safe writing: the workbook is written into a hidden temporary folder
 * next to @path, `.NAME.hp-HOST-PID-XXXXXX.tmp/` (HOST: 8 hex digits of a
 * hash of the host name, PID: the process id; mode 0700), as a file of
 * mode 0600 that is renamed over @path only when it is complete;
 * libxlsxwriter's own temporary files go into that folder too. A failed or
 * cancelled export leaves an existing @path byte for byte as it was and
 * removes the folder. A killed export cannot remove it: the next export
 * into the same folder does, for every such folder of the user that nobody
 * writes any more, i.e. made on this computer by a process that no longer
 * runs, or older than a day (made on another computer sharing the folder,
 * or by a process id that is in use again). Folders of running processes
 * are never touched.
 *
 * File modes: workbooks with personal data (delivery sheets with class
 * lists, the network) are created 0600, readable by the user only; the
 * others get the mode of any new file (0666 less the umask).
 *
 * Always a valid workbook: control characters other than tab and line
 * break are dropped from every text (cells, page headers, sheet names,
 * document properties); a literal `_xHHHH_` is written escaped
 * (`_x005F_xHHHH_`) so that spreadsheets show it as typed; a text longer
 * than a cell can hold (32,767 characters) is cut, ending in "…", and
 * hp_export_write_full() returns a warning naming its sheet and cell and
 * quoting its beginning.
 *
 * Threading: hp_export_write() is meant to run in a worker thread (a
 * #GTask). It reads its snapshot of the campaign from @store with the
 * store's read functions that may run in a worker (see #HpStore), and
 * touches no other object. It writes numbers under the C numeric locale of
 * its own thread (uselocale()), so a German process locale cannot corrupt
 * the file, and other threads keep their locale. The network export reads
 * its rows in a second thread of its own, with the same read functions,
 * while the calling thread writes them; that thread has ended when
 * hp_export_write() returns, whatever the outcome.
 *
 * Large workbooks are written in libxlsxwriter's constant-memory mode, which
 * keeps one temporary file open per sheet until the workbook is complete: a
 * delivery workbook for 3,500 schools needs more than the usual 1,024 open
 * files. hp_export_write() changes no process-wide setting: where the soft
 * `RLIMIT_NOFILE` is too low it writes the workbook in memory instead
 * (slower and bigger, but complete). Programs should raise the soft limit
 * to the hard limit at start, and with glibc pin malloc's mmap threshold at
 * its default of 128 KiB (`mallopt (M_MMAP_THRESHOLD, 128 * 1024)`): each
 * sheet of constant-memory mode callocs a 128 KiB row buffer that must stay
 * lazily mapped, and with glibc's dynamic threshold raised by an earlier
 * free, 3,500 sheets take several hundred MB more. heimpack-cli and the
 * window do both.
 */

#define HP_EXPORT_ERROR (hp_export_error_quark ())

/**
 * HpExportError:
 * @HP_EXPORT_ERROR_FAILED: libxlsxwriter refused something (the message
 *   carries lxw_strerror()), or the campaign could not be read
 * @HP_EXPORT_ERROR_WRITE: the file could not be written: the folder does not
 *   exist or is read-only, the disk is full, the rename failed; @path is
 *   unchanged
 * @HP_EXPORT_ERROR_TOO_MANY_SHEETS: a sheet could not be added because the
 *   process ran out of open files (see the section documentation)
 *
 * Cancelling through the #GCancellable gives %G_IO_ERROR_CANCELLED in
 * %G_IO_ERROR, never one of these.
 */
typedef enum
{
  HP_EXPORT_ERROR_FAILED,
  HP_EXPORT_ERROR_WRITE,
  HP_EXPORT_ERROR_TOO_MANY_SHEETS,
} HpExportError;

/**
 * HpExportKind:
 * @HP_EXPORT_PACKING_LIST: "Packliste"
 * @HP_EXPORT_DELIVERY_SHEETS: "Lieferscheine", one sheet per school
 * @HP_EXPORT_SPONSOR_REPORT: "Sponsorenbericht"
 * @HP_EXPORT_NETWORK: "Rückkehrer-Netzwerk"
 */
typedef enum
{
  HP_EXPORT_PACKING_LIST,
  HP_EXPORT_DELIVERY_SHEETS,
  HP_EXPORT_SPONSOR_REPORT,
  HP_EXPORT_NETWORK,
} HpExportKind;

/**
 * HP_EXPORT_DEFAULT_CRATE_SIZE:
 *
 * Packs per crate when #HpExportOptions.crate_size is 0.
 */
#define HP_EXPORT_DEFAULT_CRATE_SIZE 20

/**
 * HpExportOptions:
 * @agency_name: (nullable): the agency, at the top of each delivery sheet
 * @agency_street: (nullable): its street and number
 * @agency_postcode: (nullable): its postcode
 * @agency_town: (nullable): its town
 * @agency_phone: (nullable): its phone number
 * @agency_email: (nullable): its e-mail address
 * @crate_size: packs per crate; 0 means %HP_EXPORT_DEFAULT_CRATE_SIZE
 * @class_lists: add each school's class list with a tick column to its
 *   delivery sheet
 *
 * The agency fields override the file's agency (hp_store_get_agency())
 * one by one: a field left %NULL is taken from the file, read in the
 * export's snapshot; "" prints nothing there.
 *
 * Plain data, copied by nobody: the strings must stay valid during
 * hp_export_write(). Initialise with `{ 0 }` (or pass %NULL for all
 * defaults) so that fields added later stay off.
 */
typedef struct
{
  const char *agency_name;
  const char *agency_street;
  const char *agency_postcode;
  const char *agency_town;
  const char *agency_phone;
  const char *agency_email;
  guint       crate_size;
  gboolean    class_lists;
} HpExportOptions;

/**
 * HpExportProgressFunc:
 * @fraction: how much is done, from 0 to 1, never decreasing
 * @user_data: the data given to hp_export_write()
 *
 * Reports progress from the thread that writes; a GUI must hand it over to
 * its main context (e.g. g_main_context_invoke()). It may cancel the export
 * through its #GCancellable.
 */
typedef void (*HpExportProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark       hp_export_error_quark       (void);

/**
 * hp_export_write:
 * @store: the store to read from
 * @campaign_id: the campaign to export
 * @kind: which workbook
 * @options: (nullable): agency, crate size, class lists; %NULL for defaults
 * @path: the `.xlsx` file to write; replaced if it exists
 * @progress: (nullable) (scope call): progress callback
 * @user_data: data for @progress
 * @cancellable: (nullable): stops the export with %G_IO_ERROR_CANCELLED
 * @error: return location for a #GError in %HP_EXPORT_ERROR, %G_IO_ERROR or
 *   %HP_STORE_ERROR (the campaign could not be read)
 *
 * Writes the workbook @kind of @campaign_id to @path, safely: @path is
 * either the complete new workbook or untouched. May run in a worker
 * thread; see the section documentation.
 *
 * Returns: %TRUE if @path was written.
 */
gboolean     hp_export_write             (HpStore                *store,
                                          gint64                  campaign_id,
                                          HpExportKind            kind,
                                          const HpExportOptions  *options,
                                          const char             *path,
                                          HpExportProgressFunc    progress,
                                          gpointer                user_data,
                                          GCancellable           *cancellable,
                                          GError                **error);

/**
 * hp_export_write_full:
 * @store: the store to read from
 * @campaign_id: the campaign to export
 * @kind: which workbook
 * @options: (nullable): agency, crate size, class lists; %NULL for defaults
 * @path: the `.xlsx` file to write; replaced if it exists
 * @progress: (nullable) (scope call): progress callback
 * @user_data: data for @progress
 * @cancellable: (nullable): stops the export with %G_IO_ERROR_CANCELLED
 * @out_warnings: (out) (optional) (transfer full) (nullable): the warnings
 *   of a successful export, translated, one a line, e.g. a text that was
 *   cut to fit its cell; %NULL when there are none (and on failure)
 * @error: as for hp_export_write()
 *
 * hp_export_write() with warnings: the export succeeded, but something in
 * the workbook is not as stored, and the user should be told.
 *
 * Returns: %TRUE if @path was written.
 */
gboolean     hp_export_write_full        (HpStore                *store,
                                          gint64                  campaign_id,
                                          HpExportKind            kind,
                                          const HpExportOptions  *options,
                                          const char             *path,
                                          HpExportProgressFunc    progress,
                                          gpointer                user_data,
                                          GCancellable           *cancellable,
                                          GStrv                  *out_warnings,
                                          GError                **error);

/**
 * hp_export_setup_process:
 *
 * For programs, once at start while they have one thread: raises the soft
 * open-file limit (`RLIMIT_NOFILE`) toward the hard limit, up to 16,384, so
 * that big workbooks are written in constant-memory mode, and with glibc
 * pins malloc's mmap threshold at its default of 128 KiB (see the section
 * documentation). Both are process-wide; the library never calls this
 * itself. heimpack-cli and the window do.
 */
void         hp_export_setup_process     (void);

/**
 * hp_export_kind_get_title:
 *
 * Returns: the translated name of @kind for menus and messages, e.g.
 *   "Packliste" in German.
 */
const char  *hp_export_kind_get_title    (HpExportKind            kind);

/**
 * hp_export_kind_from_string:
 * @text: "packing-list", "delivery-sheets", "sponsor-report" or "network"
 * @out_kind: (out): the kind
 *
 * Returns: %TRUE if @text names a kind (for the command line).
 */
gboolean     hp_export_kind_from_string  (const char             *text,
                                          HpExportKind           *out_kind);

/**
 * hp_export_suggest_filename:
 * @kind: which workbook
 * @campaign_name: the campaign's name
 * @date: (nullable): the export date; %NULL for today
 *
 * Proposes a file name for a file chooser: the translated kind, the
 * campaign and the date, e.g. "Packliste Heimvorteil2GO 2027
 * 2026-11-22.xlsx". Characters that are not allowed in file names on
 * common systems (`/ \ : * ? " < > |`) become "-".
 *
 * Returns: (transfer full): the file name, without a folder.
 */
char        *hp_export_suggest_filename  (HpExportKind            kind,
                                          const char             *campaign_name,
                                          GDateTime              *date);

G_END_DECLS
