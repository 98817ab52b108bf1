/* hp-store.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-store
 *
 * #HpStore is Heimpack's database: one SQLite file per agency, usually
 * `$XDG_DATA_HOME/heimpack/heimpack.db` (see hp_store_get_default_path()).
 *
 * - Opening creates the file (mode 0600) and migrates it to
 *   %HP_STORE_SCHEMA_VERSION through `PRAGMA user_version`. A file written by a
 *   newer Heimpack is refused with %HP_STORE_ERROR_TOO_NEW and left untouched;
 *   an SQLite file of another program with %HP_STORE_ERROR_NOT_HEIMPACK.
 * - A writable store holds a lock next to the file (`FILE.lock`, an advisory
 *   flock() that the kernel drops when the process dies). A second opener gets
 *   %HP_STORE_ERROR_LOCKED, with a message naming user, host, process and
 *   since when; it may then open with %HP_STORE_OPEN_READ_ONLY.
 * - Writes that touch several rows run in one transaction; callers can group
 *   their own writes with hp_store_begin() / hp_store_commit().
 * - All SQL lives in the store; everything else calls these functions.
 *
 * Threading. An #HpStore belongs to the thread that opened it (the owner:
 * the window's main thread, the CLI's only one). The contract, in terms a
 * server backend can keep as well (one session per thread, each
 * transaction in one session):
 * - A transaction belongs to the thread that began it with
 *   hp_store_begin(); only that thread commits or rolls it back, and its
 *   writes, nested begins and reads go to that transaction and see its own
 *   uncommitted rows.
 * - The reads of every other thread never see rows a transaction has not
 *   committed: the owner thread reads through its own connection, a worker
 *   through a read-only connection of its own (one per worker reading at
 *   the same time, up to four; the statements one worker nests share one,
 *   and with it one snapshot). A long list keeps neither the owner nor
 *   another worker waiting.
 * - Writes (hp_store_add_*(), hp_store_update_*(), hp_store_remove_*() …)
 *   run in the owner thread, or in a worker between an hp_store_begin()
 *   and its commit or rollback: a worker's transaction (an import) writes
 *   through a connection of its own, one worker at a time (the next one
 *   waits in hp_store_begin()), so that the window stays usable beside it.
 *   Any other call is a programming error, reported with a critical.
 * - While one thread's transaction is open, a write or hp_store_begin() of
 *   another thread that is not a worker fails at once with
 *   %HP_STORE_ERROR_BUSY instead of waiting for it.
 * - The `hp_store_list_*()`, hp_store_stream_graduates(),
 *   hp_store_count_graduates() and hp_store_get_stats() functions may be
 *   called in any thread at any time.
 * - An export reads one snapshot: every sheet of a workbook sees the file
 *   as it was when the export began, whatever is committed meanwhile.
 * - Error messages are taken from the connection the calling thread used,
 *   under that connection's mutex.
 * An in-memory store (":memory:", for tests) has a single connection, so
 * its workers' reads are not isolated from transactions; file stores keep
 * every clause.
 *
 * Lists are returned as #GListModel (a #GListStore) of the model objects.
 *
 * The plan's graduate figures. hp_plan_input_load() needs five counts per
 * school from the graduate table, 350,000 rows at the national scale; the
 * store keeps them in memory between loads, per (campaign, school, the
 * school's hand-over day), so that the Planning page follows a booking or a
 * pack line within a frame. The school list, the hand-over days, the
 * hand-overs, gifts and pack lines are read from the file by every load. The
 * kept figures are never older than what the calling thread would read:
 * - every write of graduate rows (add, update, removal, ticks, import,
 *   purge) and every campaign write or removal, in any thread, empties them
 *   when it is committed, where the store announces its changes (and at a
 *   rollback, and after a restore of a backup);
 * - a commit of another connection to the file (another program: the CLI
 *   beside the window; or this store's own worker connection) is seen by
 *   `PRAGMA data_version` on the main connection, which every load polls:
 *   it empties them too, since the store cannot tell what was written;
 * - a load in a thread with a transaction of its own (which sees its
 *   uncommitted rows) or inside an export's snapshot counts everything and
 *   keeps nothing, as does a load that began beside a write that emptied
 *   them, or whose connection already held an older read.
 * The cache lives as long as the store, is shared by its threads under a
 * mutex (loads read an immutable table without it) and holds a few dozen
 * bytes per school and campaign loaded. A load that counts costs what a load
 * always cost (120-150 ms at the national scale, in the worker).
 *
 * Signals: #HpStore::changed, once per write or per outermost transaction,
 * says which kinds of rows were written, so that views can refresh. It is
 * always emitted in the thread that opened the store: a write committed in
 * a worker thread (an import) is announced from an idle source in that
 * thread's main context.
 */

#define HP_STORE_SCHEMA_VERSION 5

#define HP_STORE_ERROR (hp_store_error_quark ())

/**
 * HpStoreError:
 * @HP_STORE_ERROR_FAILED: an SQLite or I/O error without a better code
 * @HP_STORE_ERROR_NOT_FOUND: no row with that id
 * @HP_STORE_ERROR_CONSTRAINT: a value conflicts with other rows (a duplicate
 *   school number or campaign name, a second pledge for one product, …)
 * @HP_STORE_ERROR_INVALID: a value is not allowed in itself (a bad date, an
 *   empty name, a negative quantity, an 18+ product in the under-18 pack, …)
 * @HP_STORE_ERROR_IN_USE: the row is still referenced (a sponsor with
 *   products, a school with graduates, …); nothing is deleted
 * @HP_STORE_ERROR_BUSY: SQLite could not get its lock in time
 * @HP_STORE_ERROR_LOCKED: another Heimpack holds the file
 * @HP_STORE_ERROR_TOO_NEW: written by a newer Heimpack; left untouched
 * @HP_STORE_ERROR_NOT_HEIMPACK: not a Heimpack database
 * @HP_STORE_ERROR_READ_ONLY: the store was opened read-only
 */
typedef enum
{
  HP_STORE_ERROR_FAILED,
  HP_STORE_ERROR_NOT_FOUND,
  HP_STORE_ERROR_CONSTRAINT,
  HP_STORE_ERROR_INVALID,
  HP_STORE_ERROR_IN_USE,
  HP_STORE_ERROR_BUSY,
  HP_STORE_ERROR_LOCKED,
  HP_STORE_ERROR_TOO_NEW,
  HP_STORE_ERROR_NOT_HEIMPACK,
  HP_STORE_ERROR_READ_ONLY,
} HpStoreError;

/**
 * HpStoreOpenFlags:
 * @HP_STORE_OPEN_DEFAULT: read-write, create and migrate, take the lock
 * @HP_STORE_OPEN_READ_ONLY: read only, no lock, never create or migrate
 */
typedef enum
{
  HP_STORE_OPEN_DEFAULT   = 0,
  HP_STORE_OPEN_READ_ONLY = 1 << 0,
} HpStoreOpenFlags;

/**
 * HpStoreStats:
 *
 * Row counts over the whole file (all campaigns).
 */
typedef struct
{
  guint campaigns;
  guint sponsors;
  guint products;
  guint schools;
  guint graduates;
} HpStoreStats;

#define HP_TYPE_STORE (hp_store_get_type ())
G_DECLARE_FINAL_TYPE (HpStore, hp_store, HP, STORE, GObject)

GQuark       hp_store_error_quark     (void);

/**
 * hp_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/heimpack/heimpack.db`. The folder
 *   is not created here; hp_store_open() creates missing folders (mode 0700).
 */
char        *hp_store_get_default_path (void);

/**
 * hp_store_open:
 * @path: the database file, or ":memory:" for a private in-memory store
 * @flags: #HpStoreOpenFlags
 * @error: return location for a #GError in %HP_STORE_ERROR
 *
 * Opens (and with %HP_STORE_OPEN_DEFAULT creates and migrates) a store.
 * A file on read-only media or in a folder the user cannot write to is
 * refused by %HP_STORE_OPEN_DEFAULT with %HP_STORE_ERROR_READ_ONLY and
 * opens with %HP_STORE_OPEN_READ_ONLY (a cleanly closed WAL file is read
 * as immutable there, since SQLite cannot create its `-shm` file).
 * %HP_STORE_OPEN_READ_ONLY never creates a file: a missing one fails with
 * %HP_STORE_ERROR_NOT_FOUND naming it.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set.
 */
HpStore     *hp_store_open            (const char        *path,
                                       HpStoreOpenFlags   flags,
                                       GError           **error);
const char  *hp_store_get_path        (HpStore           *self);
gboolean     hp_store_is_read_only    (HpStore           *self);

/**
 * hp_store_get_location_writable:
 *
 * Returns: whether the file and its folder could be written when the store
 *   was opened: %FALSE for a file on read-only media (a read-only store
 *   says why it is read-only by this)
 */
gboolean     hp_store_get_location_writable (HpStore     *self);

/**
 * hp_store_get_schema_version:
 *
 * Returns: the `PRAGMA user_version` of the open file (%HP_STORE_SCHEMA_VERSION
 *   after a read-write open).
 */
int          hp_store_get_schema_version (HpStore        *self);

/**
 * hp_store_get_migration_notes:
 *
 * What opening the file changed beyond its format, for the user: that an
 * older file was upgraded and where the copy of it is, and what the upgrade
 * had to change (an 18+ item leaving the under-18 pack). Opening a file of
 * an older version first copies it into the folder `NAME.backups/` beside
 * it (see hp_store_get_upgrade_backup()).
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the notes,
 *   or %NULL when nothing was upgraded.
 */
const char * const *hp_store_get_migration_notes (HpStore    *self);
/**
 * hp_store_get_upgrade_backup:
 *
 * Returns: (nullable): the copy made before upgrading the file, or %NULL.
 */
const char  *hp_store_get_upgrade_backup (HpStore        *self);

/**
 * hp_store_begin:
 *
 * Starts a transaction of the calling thread, or a savepoint inside the
 * one it has open. Every hp_store_begin() is matched by exactly one
 * hp_store_commit() or hp_store_rollback() in the same thread. Use it to
 * make a series of writes all-or-nothing. In a worker it waits while
 * another worker's transaction is open; in the owner thread it fails with
 * %HP_STORE_ERROR_BUSY while a worker's is (see the threading contract
 * above).
 */
gboolean     hp_store_begin           (HpStore           *self,
                                       GError           **error);
gboolean     hp_store_commit          (HpStore           *self,
                                       GError           **error);
/**
 * hp_store_rollback:
 *
 * Undoes everything since the matching hp_store_begin(). Never fails in a way
 * the caller could act on, so it takes no #GError (problems are logged).
 */
void         hp_store_rollback        (HpStore           *self);

/* Inside a handler of HpStore::changed (documented in hp-store.c) */
HpStoreRowChange hp_store_get_changed_row (HpStore       *self,
                                       HpRecordKind       kind,
                                       gint64            *out_id);

gboolean     hp_store_get_stats       (HpStore           *self,
                                       HpStoreStats      *stats,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* The agency                                                                */

/**
 * hp_store_get_agency:
 *
 * The agency that runs the drive, as the file holds it (schema version 5:
 * before that it lived in each user's settings). A new file's agency is
 * empty (hp_agency_is_empty()). May run in any thread like the list
 * functions; an export reads it in its snapshot.
 *
 * Returns: (transfer full) (nullable): a copy of the file's agency, or
 *   %NULL with @error set.
 */
HpAgency    *hp_store_get_agency      (HpStore           *self,
                                       GError           **error);
/**
 * hp_store_set_agency:
 * @agency: the new values; every field is written (a %NULL one is cleared)
 *
 * Stores @agency as the file's agency, each field without leading and
 * trailing blanks ("" as %NULL). Fails with %HP_STORE_ERROR_INVALID for an
 * e-mail address that hp_email_is_plausible() refuses (nothing is written
 * then), %HP_STORE_ERROR_READ_ONLY on a read-only store. A postcode is not
 * checked: agencies abroad exist. When something changed, #HpStore::changed
 * follows with `HP_STORE_CHANGED (HP_RECORD_AGENCY)`, so that an open
 * preferences window follows another writer; values equal to the stored
 * ones write nothing and announce nothing.
 *
 * Returns: %TRUE on success.
 */
gboolean     hp_store_set_agency      (HpStore           *self,
                                       HpAgency          *agency,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Removing with undo                                                        */

/**
 * HpStoreRemoval:
 *
 * What hp_store_remove() took out of the file: the row and every row that
 * went with it (a school's campaign figures, a campaign's pledges, recipe and
 * graduates …), exactly, so that hp_store_restore() can put them back.
 */
typedef struct _HpStoreRemoval HpStoreRemoval;

/**
 * hp_store_remove:
 * @kind: what @id is; not %HP_RECORD_RECIPE
 * @id: the row's id
 *
 * Removes a row like the kind's own `hp_store_remove_*()` (with the same
 * refusals, e.g. %HP_STORE_ERROR_IN_USE for a sponsor with products), in one
 * transaction, and returns what was removed for an undo.
 *
 * Returns: (transfer full) (nullable): the removal; free it with
 *   hp_store_removal_free() when it can no longer be undone.
 */
HpStoreRemoval *hp_store_remove          (HpStore        *self,
                                          HpRecordKind    kind,
                                          gint64          id,
                                          GError        **error);
/**
 * hp_store_restore:
 *
 * Puts the rows of @removal back with their old ids, in one transaction.
 * Fails (and changes nothing) if the file has changed so that they no longer
 * fit, e.g. another school took the school number in the meantime.
 */
gboolean        hp_store_restore         (HpStore        *self,
                                          HpStoreRemoval *removal,
                                          GError        **error);
HpRecordKind    hp_store_removal_get_kind (HpStoreRemoval *removal);
gint64          hp_store_removal_get_id   (HpStoreRemoval *removal);
void            hp_store_removal_free     (HpStoreRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpStoreRemoval, hp_store_removal_free)

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                 */

/**
 * hp_store_list_campaigns:
 *
 * Returns: (transfer full): a #GListModel of #HpCampaign, newest year first.
 */
GListModel  *hp_store_list_campaigns  (HpStore           *self,
                                       GError           **error);
HpCampaign  *hp_store_get_campaign    (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_find_campaign:
 * @name_or_id: a campaign's name, or its id in decimal
 *
 * Returns: (transfer full) (nullable): the campaign, or %NULL with
 *   %HP_STORE_ERROR_NOT_FOUND.
 */
HpCampaign  *hp_store_find_campaign   (HpStore           *self,
                                       const char        *name_or_id,
                                       GError           **error);
/**
 * hp_store_get_current_campaign:
 *
 * Returns: (transfer full) (nullable): the campaign with the latest year (the
 *   newest by id among equals), or %NULL with %HP_STORE_ERROR_NOT_FOUND when
 *   the file has no campaign yet.
 */
HpCampaign  *hp_store_get_current_campaign (HpStore      *self,
                                            GError      **error);
/**
 * hp_store_add_campaign:
 *
 * Inserts @campaign and sets its `id`. Names are unique.
 */
gboolean     hp_store_add_campaign    (HpStore           *self,
                                       HpCampaign        *campaign,
                                       GError           **error);
gboolean     hp_store_update_campaign (HpStore           *self,
                                       HpCampaign        *campaign,
                                       GError           **error);
/**
 * hp_store_remove_campaign:
 *
 * Removes a campaign together with everything that belongs to it only
 * (pledges, receipts, recipe, school figures, graduates), in one transaction.
 * Sponsors, products and schools stay.
 */
gboolean     hp_store_remove_campaign (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * HpCampaignCounts:
 * @pledges: the sponsors' pledges of the campaign
 * @receipts: deliveries booked on them
 * @pack_lines: lines of its pack contents
 * @schools: schools with figures of their own in the campaign (expected
 *   graduates, hand-over, list complete)
 * @graduates: graduates listed for the campaign
 *
 * What belongs to a campaign only, and goes with it when it is removed.
 */
typedef struct
{
  guint pledges;
  guint receipts;
  guint pack_lines;
  guint schools;
  guint graduates;
} HpCampaignCounts;

/**
 * hp_store_count_campaign_rows:
 * @counts: (out caller-allocates): the counts
 *
 * Counts the rows that hp_store_remove_campaign() would remove with the
 * campaign, e.g. for the question before removing it. May run in a worker
 * thread like the list functions. Fails with %HP_STORE_ERROR_NOT_FOUND for
 * an unknown campaign.
 *
 * Returns: %TRUE on success.
 */
gboolean     hp_store_count_campaign_rows (HpStore          *self,
                                           gint64            campaign_id,
                                           HpCampaignCounts *counts,
                                           GError          **error);
/**
 * hp_store_clone_campaign:
 * @source_id: last year's campaign
 *
 * Creates a new campaign from @source_id in one transaction: its pledges are
 * copied as unconfirmed requests (same quantity, no due date, no receipts),
 * the pack contents are copied, and every school that took part is added with
 * its expected graduates from last year and no hand-over date. Graduates are
 * not copied.
 *
 * Returns: (transfer full) (nullable): the new campaign.
 */
HpCampaign  *hp_store_clone_campaign  (HpStore           *self,
                                       gint64             source_id,
                                       const char        *name,
                                       int                year,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Sponsors                                                                  */

/**
 * hp_store_list_sponsors:
 * @campaign_id: fill in the campaign figures of each sponsor for this
 *   campaign, or 0
 *
 * Returns: (transfer full): a #GListModel of #HpSponsor ordered by name.
 */
GListModel  *hp_store_list_sponsors   (HpStore           *self,
                                       gint64             campaign_id,
                                       GError           **error);
HpSponsor   *hp_store_get_sponsor     (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
gboolean     hp_store_add_sponsor     (HpStore           *self,
                                       HpSponsor         *sponsor,
                                       GError           **error);
gboolean     hp_store_update_sponsor  (HpStore           *self,
                                       HpSponsor         *sponsor,
                                       GError           **error);
/**
 * hp_store_remove_sponsor:
 *
 * Fails with %HP_STORE_ERROR_IN_USE while the sponsor has products: products
 * are never deleted behind the user's back.
 */
gboolean     hp_store_remove_sponsor  (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

/**
 * hp_store_list_products:
 * @campaign_id: fill in pledged / received / recipe figures for this
 *   campaign, or 0
 * @sponsor_id: only this sponsor's products, or 0 for all
 *
 * Returns: (transfer full): a #GListModel of #HpProduct ordered by name.
 */
GListModel  *hp_store_list_products   (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             sponsor_id,
                                       GError           **error);
HpProduct   *hp_store_get_product     (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
gboolean     hp_store_add_product     (HpStore           *self,
                                       HpProduct         *product,
                                       GError           **error);
gboolean     hp_store_update_product  (HpStore           *self,
                                       HpProduct         *product,
                                       GError           **error);
/**
 * hp_store_remove_product:
 *
 * Fails with %HP_STORE_ERROR_IN_USE while the gift has pledges (and so
 * bookings) in any campaign. Its item stays, with its pack lines.
 */
gboolean     hp_store_remove_product  (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Pledges and receipts                                                      */

/**
 * hp_store_list_pledges:
 *
 * Returns: (transfer full): a #GListModel of #HpPledge of @campaign_id,
 *   with `received` filled in, ordered by id.
 */
GListModel  *hp_store_list_pledges    (HpStore           *self,
                                       gint64             campaign_id,
                                       GError           **error);
gboolean     hp_store_add_pledge      (HpStore           *self,
                                       HpPledge          *pledge,
                                       GError           **error);
gboolean     hp_store_update_pledge   (HpStore           *self,
                                       HpPledge          *pledge,
                                       GError           **error);
/**
 * hp_store_remove_pledge:
 *
 * Fails with %HP_STORE_ERROR_IN_USE while receipts are booked on it.
 */
gboolean     hp_store_remove_pledge   (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_find_pledge:
 *
 * Returns: (transfer full) (nullable): the pledge of @product_id in
 *   @campaign_id with `received` filled in, or %NULL with
 *   %HP_STORE_ERROR_NOT_FOUND if the product has none there.
 */
HpPledge    *hp_store_find_pledge     (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             product_id,
                                       GError           **error);
/**
 * hp_store_book_receipt:
 * @iso_date: the delivery date, `YYYY-MM-DD`
 * @quantity: pieces, > 0
 * @note: (nullable): e.g. "Lieferschein 4711"
 *
 * Books a delivery ("Eingang buchen") of a gift in a campaign, in one
 * transaction: on the gift's pledge, or on a new unconfirmed pledge of 0
 * pieces if the sponsor delivered without one.
 *
 * Returns: (transfer full) (nullable): the stored receipt, its gift filled in.
 */
HpReceipt   *hp_store_book_receipt    (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             product_id,
                                       const char        *iso_date,
                                       gint64             quantity,
                                       const char        *note,
                                       GError           **error);
GListModel  *hp_store_list_receipts   (HpStore           *self,
                                       gint64             pledge_id,
                                       GError           **error);
/**
 * hp_store_list_campaign_receipts:
 * @product_id: only the bookings of this gift, or 0 for all
 *
 * Returns: (transfer full): a #GListModel of #HpReceipt of @campaign_id with
 *   their gift filled in, ordered by item, sponsor, date.
 */
GListModel  *hp_store_list_campaign_receipts (HpStore     *self,
                                              gint64       campaign_id,
                                              gint64       product_id,
                                              GError     **error);
HpReceipt   *hp_store_get_receipt     (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_update_receipt:
 *
 * Corrects a booking: quantity, date, note, and the gift it belongs to
 * (`product-id`; on that gift's pledge in the same campaign, made
 * unconfirmed with 0 pieces if there is none), in one transaction.
 */
gboolean     hp_store_update_receipt  (HpStore           *self,
                                       HpReceipt         *receipt,
                                       GError           **error);
gboolean     hp_store_add_receipt     (HpStore           *self,
                                       HpReceipt         *receipt,
                                       GError           **error);
gboolean     hp_store_remove_receipt  (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Hand-overs to schools                                                     */

/**
 * hp_store_list_handovers:
 * @school_id: only this school's hand-overs, or 0 for all
 *
 * May run in a worker thread.
 *
 * Returns: (transfer full): a #GListModel of #HpHandover of @campaign_id
 *   with their school's number and name filled in, oldest first.
 */
GListModel  *hp_store_list_handovers  (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             school_id,
                                       GError           **error);
HpHandover  *hp_store_get_handover    (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_add_handover:
 *
 * Records a hand-over of packs to a school; sets its `id`. Fails with
 * %HP_STORE_ERROR_INVALID without a valid date (and time) or without any
 * pack, with %HP_STORE_ERROR_NOT_FOUND for an unknown campaign or school.
 * Removing it with undo: hp_store_remove() with %HP_RECORD_HANDOVER.
 */
gboolean     hp_store_add_handover    (HpStore           *self,
                                       HpHandover        *handover,
                                       GError           **error);
/**
 * hp_store_update_handover:
 *
 * Corrects a recorded hand-over (school, date, packs, who signed, note);
 * the same checks as hp_store_add_handover(), %HP_STORE_ERROR_NOT_FOUND for
 * an unknown id.
 */
gboolean     hp_store_update_handover (HpStore           *self,
                                       HpHandover        *handover,
                                       GError           **error);
gboolean     hp_store_remove_handover (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Items                                                                     */

/**
 * hp_store_list_items:
 * @campaign_id: fill in the pack line and the pledged / received pieces (all
 *   gifts together) for this campaign, or 0
 *
 * Returns: (transfer full): a #GListModel of #HpItem ordered by name. May
 *   run in a worker thread like the other lists.
 */
GListModel  *hp_store_list_items      (HpStore           *self,
                                       gint64             campaign_id,
                                       GError           **error);
HpItem      *hp_store_get_item        (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_find_item:
 * @name: an item name; compared by hp_item_name_key()
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with
 *   %HP_STORE_ERROR_NOT_FOUND.
 */
HpItem      *hp_store_find_item       (HpStore           *self,
                                       const char        *name,
                                       GError           **error);
/**
 * hp_store_add_item:
 *
 * Inserts an item nobody gives yet (e.g. to put it in the pack first) and
 * sets its `id`. Fails with %HP_STORE_ERROR_CONSTRAINT when an item of that
 * name (by hp_item_name_key()) exists.
 */
gboolean     hp_store_add_item        (HpStore           *self,
                                       HpItem            *item,
                                       GError           **error);
/**
 * hp_store_update_item:
 *
 * Renames an item and sets its 18+ flag; every gift and pack line stays
 * with it. Fails with %HP_STORE_ERROR_CONSTRAINT when the new name is
 * another item's (merge them instead) and with %HP_STORE_ERROR_INVALID when
 * an item of the under-18 pack would become 18+.
 */
gboolean     hp_store_update_item     (HpStore           *self,
                                       HpItem            *item,
                                       GError           **error);
/**
 * hp_store_merge_items:
 * @from_id: the item that goes (e.g. the typo "Apfelschorle 0,33l")
 * @into_id: the item that stays
 *
 * Makes two items one, in one transaction: the gifts of @from_id become
 * gifts of @into_id, and in each campaign its pack line is added to that of
 * @into_id (pieces per pack added up, the earlier place in packing order) or
 * becomes it. The merged item is 18+ if either was; merging an 18+ item with
 * one in the under-18 pack fails with %HP_STORE_ERROR_INVALID.
 */
gboolean     hp_store_merge_items     (HpStore           *self,
                                       gint64             from_id,
                                       gint64             into_id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Pack contents                                                             */

/**
 * hp_store_list_recipe:
 *
 * Returns: (transfer full): a #GListModel of #HpRecipeItem of @campaign_id
 *   in packing order: the items of the standard and of the under-18 pack.
 */
GListModel  *hp_store_list_recipe     (HpStore           *self,
                                       gint64             campaign_id,
                                       GError           **error);
/**
 * hp_store_set_recipe_item:
 *
 * Inserts or replaces the pack line of @line's campaign and item. A line with
 * both quantities 0 removes it. Without a position (%HP_UNSET) a line keeps
 * its place and a new one goes last. Fails with %HP_STORE_ERROR_INVALID when
 * an 18+ item would go into the under-18 pack.
 */
gboolean     hp_store_set_recipe_item (HpStore           *self,
                                       HpRecipeItem      *line,
                                       GError           **error);
/**
 * hp_store_move_recipe_item:
 * @to_index: the new place in packing order, from 0 (past the end: last)
 *
 * Moves an item's line within the pack contents of @campaign_id and numbers
 * the positions 0, 1, … anew.
 */
gboolean     hp_store_move_recipe_item (HpStore          *self,
                                        gint64            campaign_id,
                                        gint64            item_id,
                                        guint             to_index,
                                        GError          **error);

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

/**
 * hp_store_list_schools:
 * @campaign_id: fill in the campaign figures for this campaign, or 0
 *
 * Returns: (transfer full): a #GListModel of #HpSchool ordered by number.
 */
GListModel  *hp_store_list_schools    (HpStore           *self,
                                       gint64             campaign_id,
                                       GError           **error);
HpSchool    *hp_store_get_school      (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
/**
 * hp_store_find_school:
 * @number: the official school number
 *
 * Returns: (transfer full) (nullable): the school (without campaign figures),
 *   or %NULL with %HP_STORE_ERROR_NOT_FOUND.
 */
HpSchool    *hp_store_find_school     (HpStore           *self,
                                       const char        *number,
                                       GError           **error);
gboolean     hp_store_add_school      (HpStore           *self,
                                       HpSchool          *school,
                                       GError           **error);
gboolean     hp_store_update_school   (HpStore           *self,
                                       HpSchool          *school,
                                       GError           **error);
/**
 * hp_store_set_school_campaign:
 *
 * Stores @school's per-campaign figures (`expected-graduates`,
 * `under18-expected`, `handover`, `list-complete`) for @campaign_id.
 */
gboolean     hp_store_set_school_campaign (HpStore       *self,
                                           gint64         campaign_id,
                                           HpSchool      *school,
                                           GError       **error);
/**
 * hp_store_set_school_list_complete:
 *
 * Marks the graduate list of a school in @campaign_id complete (the school
 * said so): from then on its graduates, not its expected number, are what
 * it needs. Takes the school into the campaign if it was not in it.
 */
gboolean     hp_store_set_school_list_complete (HpStore  *self,
                                                gint64    campaign_id,
                                                gint64    school_id,
                                                gboolean  complete,
                                                GError  **error);
/**
 * hp_store_remove_school:
 *
 * Fails with %HP_STORE_ERROR_IN_USE while graduates of any campaign belong to
 * the school.
 */
gboolean     hp_store_remove_school   (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

/**
 * hp_store_list_graduates:
 * @school_id: only this school's graduates, or 0 for all
 *
 * Returns: (transfer full): a #GListModel of #HpGraduate of @campaign_id,
 *   ordered by school number, class, last and first name.
 */
GListModel  *hp_store_list_graduates  (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             school_id,
                                       GError           **error);
/**
 * HpStoreBatchFunc:
 * @items: (transfer full): a #GPtrArray of model objects, with a free func
 * @user_data: the data given to the streaming call
 *
 * Receives one batch of a streamed list, in the thread that streams.
 *
 * Returns: %FALSE to stop the stream early.
 */
typedef gboolean (*HpStoreBatchFunc) (GPtrArray *items,
                                      gpointer   user_data);

/**
 * hp_store_stream_graduates:
 * @batch_size: objects per batch (the last batch may be smaller)
 * @cancellable: (nullable): stops the stream with %G_IO_ERROR_CANCELLED
 *
 * Like hp_store_list_graduates(), in the same order, but hands the rows over
 * in batches while it reads, so that a view can show the first ones at once.
 * May run in a worker thread like the list functions.
 *
 * Returns: %TRUE if the stream ended or @func stopped it, %FALSE with @error.
 */
gboolean     hp_store_stream_graduates (HpStore          *self,
                                        gint64            campaign_id,
                                        gint64            school_id,
                                        guint             batch_size,
                                        HpStoreBatchFunc  func,
                                        gpointer          user_data,
                                        GCancellable     *cancellable,
                                        GError          **error);
/**
 * hp_store_count_graduates:
 * @school_id: only this school, or 0 for all
 *
 * Returns: the number of graduates of @campaign_id, or -1 with @error set.
 */
gint64       hp_store_count_graduates (HpStore           *self,
                                       gint64             campaign_id,
                                       gint64             school_id,
                                       GError           **error);
HpGraduate  *hp_store_get_graduate    (HpStore           *self,
                                       gint64             id,
                                       GError           **error);
gboolean     hp_store_add_graduate    (HpStore           *self,
                                       HpGraduate        *graduate,
                                       GError           **error);
gboolean     hp_store_update_graduate (HpStore           *self,
                                       HpGraduate        *graduate,
                                       GError           **error);
gboolean     hp_store_remove_graduate (HpStore           *self,
                                       gint64             id,
                                       GError           **error);

/**
 * hp_store_set_packs_received:
 * @ids: (array length=n_ids): graduate ids
 * @n_ids: how many
 * @received: the tick: the graduate has (%TRUE) or has not got the pack
 *
 * Ticks (or unticks) "pack received" for the graduates @ids, in one
 * transaction: all or none. An id that is no graduate's fails with
 * %HP_STORE_ERROR_NOT_FOUND and nothing changes.
 *
 * Returns: %TRUE on success
 */
gboolean     hp_store_set_packs_received (HpStore         *self,
                                          const gint64    *ids,
                                          guint            n_ids,
                                          gboolean         received,
                                          GError         **error);

G_END_DECLS
