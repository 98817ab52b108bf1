/* hp-store-export-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lean reads for the exports (src/core/export): plain rows instead of model
 * objects, and graduates streamed row by row, so that a national delivery
 * workbook never holds 350,000 objects. Like the store's list functions,
 * these use statements of their own and may run in a worker thread. Not part
 * of the contract.
 */
#pragma once

#include "heimpack/hp-store.h"

G_BEGIN_DECLS

/*
 * HpStoreSnapshot:
 * A read snapshot: every read of a thread inside it (_hp_store_snapshot_begin()
 * or _enter()) sees the file as it was when it began, whatever is committed
 * meanwhile, so that the sheets of one workbook agree with each other. Its
 * own read-only connection; a no-op on an in-memory store. A thread is in at
 * most one snapshot; another thread (an export's reader) may join it with
 * _enter() and must _leave() before the snapshot ends.
 */
typedef struct _HpStoreSnapshot HpStoreSnapshot;

/* Begins a snapshot and enters it in the calling thread; NULL with @error */
HpStoreSnapshot *_hp_store_snapshot_begin (HpStore         *self,
                                           GError         **error);
/* The snapshot the calling thread is in, or NULL */
HpStoreSnapshot *_hp_store_snapshot_current (void);
void             _hp_store_snapshot_enter (HpStoreSnapshot *snapshot);
void             _hp_store_snapshot_leave (HpStoreSnapshot *snapshot);
/* Leaves it (if the calling thread is in it) and ends it; NULL is ignored.
 * The statements read through it must be finalized first. */
void             _hp_store_snapshot_end   (HpStoreSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpStoreSnapshot, _hp_store_snapshot_end)

/*
 * HpExportCampaignRow:
 * The campaign's own fields; strings are owned.
 */
typedef struct
{
  gint64  id;
  char   *name;
  int     year;
  char   *handover_date;   /* ISO date or NULL */
} HpExportCampaignRow;

/*
 * HpExportSchoolRow:
 * A school taking part in a campaign (campaign figures or graduates there),
 * with its address; strings are owned, "" is NULL.
 */
typedef struct
{
  gint64  id;
  char   *number;
  char   *name;
  char   *street;
  char   *postcode;
  char   *town;
  char   *contact_teacher;
  char   *phone;
  char   *email;
  char   *handover;        /* the school's own hand-over, ISO, or NULL */
} HpExportSchoolRow;

/*
 * HpExportProductRow:
 * A sponsor's gift (#HpProduct) pledged in the campaign, with its item's
 * pack line and the gift's own campaign figures; strings are owned.
 * @name and @adult_only are the item's.
 * @per_standard, @per_under18: the item's pack line (0 when not in the pack)
 * @sponsor_contact, @sponsor_email, @sponsor_address: for the thank-you
 *   letters (mail merge)
 */
typedef struct
{
  gint64    product_id;
  gint64    item_id;
  char     *name;
  gint64    sponsor_id;
  char     *sponsor_name;
  gint64    value_cents;
  gboolean  adult_only;
  gint64    pledged;
  gint64    received;
  guint     per_standard;
  guint     per_under18;
  char     *sponsor_contact;
  char     *sponsor_email;
  char     *sponsor_address;
} HpExportProductRow;

/*
 * HpExportHandoverRow:
 * One recorded hand-over of packs to a school; strings are owned.
 * @handed_over_at: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 */
typedef struct
{
  gint64  id;
  gint64  school_id;
  char   *handed_over_at;
  gint64  standard;
  gint64  under18;
  char   *received_by;
  char   *note;
} HpExportHandoverRow;

/*
 * HpExportItemRow:
 * One line of the pack contents: an item with its pieces per pack;
 * strings are owned.
 * @rank: 1, 2, … in packing order
 * @sponsors: the names of the sponsors who pledged the item in the
 *   campaign, by name (NULL-terminated, possibly empty)
 */
typedef struct
{
  gint64    item_id;
  char     *name;
  gboolean  adult_only;
  guint     per_standard;
  guint     per_under18;
  guint     rank;
  GStrv     sponsors;
} HpExportItemRow;

/*
 * HpExportGraduateRow:
 * One streamed graduate; the strings are borrowed for the callback only.
 */
typedef struct
{
  gint64      school_id;
  const char *school_number;
  const char *school_name;
  const char *last_name;
  const char *first_name;
  const char *class_name;
  const char *consent_date;
  const char *consent_source;
  const char *email;
  const char *phone;
  gint64      graduate_id;
  int         year;            /* of the graduate's campaign */
  int         under18;         /* on the hand-over day: 1, 0, or HP_UNSET
                                * without a birth date (class lists only) */
} HpExportGraduateRow;

/* Returns FALSE with @error set to stop the stream. */
typedef gboolean (*HpExportGraduateFunc) (const HpExportGraduateRow  *row,
                                          gpointer                    user_data,
                                          GError                    **error);

gboolean   _hp_store_export_campaign   (HpStore              *self,
                                        gint64                campaign_id,
                                        HpExportCampaignRow  *out_row,
                                        GError              **error);
void       _hp_export_campaign_row_clear (HpExportCampaignRow *row);

/* Schools of @campaign_id ordered by number: a GPtrArray of HpExportSchoolRow
 * that frees its rows. */
GPtrArray *_hp_store_export_schools    (HpStore              *self,
                                        gint64                campaign_id,
                                        GError              **error);

/* The gifts pledged in @campaign_id ordered by sponsor name, sponsor, item
 * name, gift: a GPtrArray of HpExportProductRow that frees its rows. */
GPtrArray *_hp_store_export_products   (HpStore              *self,
                                        gint64                campaign_id,
                                        GError              **error);

/* The hand-overs of @campaign_id ordered by school id, then oldest first:
 * a GPtrArray of HpExportHandoverRow that frees its rows. */
GPtrArray *_hp_store_export_handovers  (HpStore              *self,
                                        gint64                campaign_id,
                                        GError              **error);

/* The pack lines of @campaign_id in packing order (position, then item
 * name, as hp_plan_input_load()): a GPtrArray of HpExportItemRow that frees
 * its rows. */
GPtrArray *_hp_store_export_items      (HpStore              *self,
                                        gint64                campaign_id,
                                        GError              **error);

/*
 * _hp_store_export_class_list:
 * Streams the graduates of @school_id in @campaign_id ordered by class, last
 * and first name (German telephone-book order), as on the class list, each
 * with `under18` by the store's rule: born after the day 18 years before the
 * school's hand-over day, else the campaign's, else 30 June of the campaign
 * year (HP_SQL_UNDER18_CUTOFF, as hp_store_list_graduates()).
 */
gboolean   _hp_store_export_class_list (HpStore              *self,
                                        gint64                campaign_id,
                                        gint64                school_id,
                                        HpExportGraduateFunc  func,
                                        gpointer              user_data,
                                        GError              **error);

/*
 * _hp_store_export_consenting:
 * Streams the graduates of all campaigns who consented to be contacted,
 * newest campaign year first (of one year the higher campaign id first),
 * then by school number, last and first name and id. Campaign by campaign,
 * so that the first row comes at once (see hp-store-export.c).
 */
gboolean   _hp_store_export_consenting (HpStore              *self,
                                        HpExportGraduateFunc  func,
                                        gpointer              user_data,
                                        GError              **error);

/* Number of graduates of all campaigns who consented, or -1 with @error. */
gint64     _hp_store_export_count_consenting (HpStore        *self,
                                              GError        **error);

G_END_DECLS
