/* hp-import-received.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-store.h"
#include "hp-table-reader.h"

G_BEGIN_DECLS

/**
 * HpReceivedReport:
 * @sheets: class lists found in the workbook (school sheets with a list)
 * @rows: graduate rows read from them
 * @ticked: of them with a tick in the "received" column
 * @matched: ticked rows matched to a graduate of the campaign
 * @newly: of those, graduates not ticked before (now ticked)
 * @unmatched: rows (ticked or not) matched to no graduate, or to more than
 *   one
 * @unmatched_rows: (element-type utf8): one line per unmatched row, "SHEET,
 *   row N: CLASS LAST FIRST", for the report
 *
 * What reading back a returned class list found and did.
 */
typedef struct
{
  guint      sheets;
  guint      rows;
  guint      ticked;
  guint      matched;
  guint      newly;
  guint      unmatched;
  GPtrArray *unmatched_rows;
} HpReceivedReport;

void     hp_received_report_clear (HpReceivedReport *report);

/**
 * hp_import_received:
 * @store: the store
 * @campaign_id: the campaign whose graduates the lists are of
 * @path: a delivery-sheets workbook with class lists (XLSX), as Heimpack
 *   wrote it and a school returned it, ticked
 * @dry_run: only count, change nothing
 * @report: (out caller-allocates): what was found; clear it with
 *   hp_received_report_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Reads every school sheet's class list (the rows under the heading whose
 * tick column holds "☐") and ticks "pack received" for each graduate whose
 * row is ticked: any mark other than an empty cell, "☐", "0", "-", "no" or
 * "nein". A row is matched by the hidden ID column the class lists carry
 * (its last name, where the row has one, must agree), else by the sheet's
 * school number, class, last and first name (case and Unicode folded),
 * which must name exactly one graduate. Ticks are only added, never taken
 * away: an empty box says nothing new. Not a dry run: a backup first
 * (hp_backup_before_import()), then one transaction. A write: the owner
 * thread, or a worker (it begins its own transaction).
 *
 * Returns: %TRUE on success; %FALSE with @error (%HP_IMPORT_ERROR_FORMAT
 *   when the workbook holds no class list)
 */
gboolean hp_import_received       (HpStore           *store,
                                   gint64             campaign_id,
                                   const char        *path,
                                   gboolean           dry_run,
                                   HpReceivedReport  *report,
                                   GCancellable      *cancellable,
                                   GError           **error);

G_END_DECLS
