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

/**
 * HP_UNSET:
 *
 * Value of an optional integer field (expected graduates, manual under-18
 * count, …) that nobody has filled in. Distinct from 0, which is a real count.
 */
#define HP_UNSET (-1)

G_END_DECLS
