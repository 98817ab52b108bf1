/* hp-purge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-store.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-purge
 *
 * Deleting personal data when the drive is over (DSGVO Art. 5 (1) e,
 * storage limitation). The purge of a campaign clears the last and first
 * name, class, birth date, e-mail address and phone number of each of its
 * graduates who did not consent to be contacted (no consent date). The
 * graduate rows stay, with their school, campaign and "received" tick, so
 * that the counts per school, the plan and the reports work as before; the
 * under-18 flag a birth date gave on the hand-over day is kept in its place
 * (schema version 4, `graduate.purged_under18`), so that hp_plan_compute()
 * gives the same figures after a purge. Consenting graduates are not
 * touched. Hand-over records are not touched.
 *
 * A purge first makes a backup (hp_backup_before_purge(); backups expire by
 * their retention), then clears the rows and records when it ran
 * (`campaign.purged_at`), all in one transaction.
 */

/**
 * HpPurgeSchool:
 * @school_id: the school
 * @number: its official number
 * @name: its name
 * @graduates: its graduates whose personal data goes
 * @under18: of them, under 18 on the hand-over day (the flag stays)
 *
 * One school's line of an #HpPurgePreview.
 */
typedef struct
{
  gint64  school_id;
  char   *number;
  char   *name;
  guint   graduates;
  guint   under18;
} HpPurgeSchool;

/**
 * HpPurgePreview:
 * @campaign_id: the campaign
 * @campaign_name: its name
 * @last_handover: the last hand-over day of the drive (ISO date): the
 *   latest of the schools' hand-over days and the campaign's, else 30 June
 *   of the campaign year
 * @drive_over: @last_handover lies before the day the preview was made for
 * @purged_at: when the last purge of the campaign ran (local time,
 *   `YYYY-MM-DDTHH:MM:SS`), or %NULL
 * @graduates: graduates whose personal data goes, all schools
 * @under18: of them under 18 on the hand-over day
 * @consenting: graduates who consented: they stay as they are
 * @schools: (element-type HpPurgeSchool): per school with something to go,
 *   by school number
 *
 * What hp_store_purge() would remove, and whether the drive is over.
 */
typedef struct
{
  gint64     campaign_id;
  char      *campaign_name;
  char      *last_handover;
  gboolean   drive_over;
  char      *purged_at;
  guint      graduates;
  guint      under18;
  guint      consenting;
  GPtrArray *schools;
} HpPurgePreview;

void            hp_purge_preview_free   (HpPurgePreview  *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpPurgePreview, hp_purge_preview_free)

/**
 * hp_store_purge_preview:
 * @self: the store
 * @campaign_id: the campaign
 * @today: (nullable): the day to judge "the drive is over" by (ISO date),
 *   %NULL for today
 * @error: a #GError
 *
 * Says what a purge of @campaign_id would remove; reads only, so it may run
 * in any thread.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error
 *   (%HP_STORE_ERROR_NOT_FOUND for an unknown campaign)
 */
HpPurgePreview *hp_store_purge_preview  (HpStore         *self,
                                         gint64           campaign_id,
                                         const char      *today,
                                         GError         **error);

/**
 * hp_store_purge:
 * @self: the store
 * @campaign_id: the campaign
 * @out_purged: (out) (optional): how many graduates lost their personal data
 * @error: a #GError
 *
 * Makes a backup (hp_backup_before_purge(); nothing happens if that
 * fails), then in one transaction clears the personal data of @campaign_id's
 * graduates without consent, keeps their under-18 flag, and sets the
 * campaign's `purged_at`. Whether the drive is over is the caller's to
 * check (hp_store_purge_preview()). A write: in the owner thread, or in a
 * worker (it begins its own transaction, see hp_store_begin()).
 *
 * Returns: %TRUE on success
 */
gboolean        hp_store_purge          (HpStore         *self,
                                         gint64           campaign_id,
                                         guint           *out_purged,
                                         GError         **error);

G_END_DECLS
