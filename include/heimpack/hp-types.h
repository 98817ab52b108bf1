/* hp-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forward declarations and enums shared by the whole core contract.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _HpStore      HpStore;
typedef struct _HpCampaign   HpCampaign;
typedef struct _HpSponsor    HpSponsor;
typedef struct _HpProduct    HpProduct;
typedef struct _HpPledge     HpPledge;
typedef struct _HpReceipt    HpReceipt;
typedef struct _HpRecipeItem HpRecipeItem;
typedef struct _HpSchool     HpSchool;
typedef struct _HpGraduate   HpGraduate;
typedef struct _HpItem       HpItem;
typedef struct _HpHandover   HpHandover;
typedef struct _HpAgency     HpAgency;

/**
 * HP_UNSET:
 *
 * Value of an optional integer field (expected graduates, manual under-18
 * count, …) that nobody has filled in. Distinct from 0, which is a real count.
 */
#define HP_UNSET (-1)

/**
 * HpRecordKind:
 *
 * The kinds of rows in a Heimpack file, e.g. for hp_store_remove().
 * %HP_RECORD_AGENCY is the file's one agency row (hp_store_set_agency()),
 * never removed.
 */
typedef enum
{
  HP_RECORD_CAMPAIGN,
  HP_RECORD_SPONSOR,
  HP_RECORD_PRODUCT,
  HP_RECORD_PLEDGE,
  HP_RECORD_RECEIPT,
  HP_RECORD_RECIPE,
  HP_RECORD_SCHOOL,
  HP_RECORD_GRADUATE,
  HP_RECORD_ITEM,
  HP_RECORD_HANDOVER,
  HP_RECORD_AGENCY,
} HpRecordKind;

/**
 * HpStoreChanges:
 *
 * Flags of the #HpRecordKind that a write touched: `1 << kind`, e.g.
 * `HP_STORE_CHANGED (HP_RECORD_SCHOOL)`.
 */
typedef guint HpStoreChanges;
#define HP_STORE_CHANGED(kind) ((HpStoreChanges) 1u << (kind))
#define HP_STORE_CHANGED_ALL   ((HpStoreChanges) 0x7ff)
#define HP_RECORD_N_KINDS      11

/**
 * HpStoreRowChange:
 * @HP_STORE_ROW_UNKNOWN: no row, several rows or rows the store cannot name
 * @HP_STORE_ROW_ADDED: one row was added (or came back by an undo)
 * @HP_STORE_ROW_UPDATED: one row was written again
 * @HP_STORE_ROW_REMOVED: one row went
 *
 * What a #HpStore::changed announcement did to the rows of one kind; see
 * hp_store_get_changed_row().
 */
typedef enum
{
  HP_STORE_ROW_UNKNOWN,
  HP_STORE_ROW_ADDED,
  HP_STORE_ROW_UPDATED,
  HP_STORE_ROW_REMOVED,
} HpStoreRowChange;

G_END_DECLS
