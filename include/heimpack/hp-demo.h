/* hp-demo.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-store.h"

G_BEGIN_DECLS

/**
 * HpDemoScale:
 * @HP_DEMO_SCALE_DISTRICT: 30 schools, 2,000 graduates, 40 sponsors, 60 products
 * @HP_DEMO_SCALE_REGION: 150 schools, 12,000 graduates, 200 sponsors, 300 products
 * @HP_DEMO_SCALE_NATIONAL: 3,500 schools, 350,000 graduates, 2,000 sponsors, 5,000 products
 *
 * The sizes of DOMAIN.md.
 */
typedef enum
{
  HP_DEMO_SCALE_DISTRICT,
  HP_DEMO_SCALE_REGION,
  HP_DEMO_SCALE_NATIONAL,
} HpDemoScale;

/**
 * HpDemoSize:
 *
 * The row counts one #HpDemoScale produces.
 */
typedef struct
{
  guint schools;
  guint graduates;
  guint sponsors;
  guint products;
} HpDemoSize;

/**
 * hp_demo_scale_from_string:
 * @text: "district", "region" or "national"
 * @out_scale: (out)
 *
 * Returns: %TRUE if @text names a scale.
 */
gboolean    hp_demo_scale_from_string (const char  *text,
                                       HpDemoScale *out_scale);
HpDemoSize  hp_demo_scale_get_size    (HpDemoScale  scale);

/**
 * hp_demo_fill:
 * @store: a writable store
 * @scale: how big
 * @seed: the same seed gives the same data
 * @error: return location for a #GError
 *
 * Adds one campaign filled with realistic synthetic data: German-looking
 * companies and their gifts of items (several sponsors give the same items,
 * which pool), schools with towns and postcodes (every fourth with a complete
 * graduate list), graduates with names and birth dates (some under 18 on the
 * hand-over day), pledges with partial receipts, and pack contents with one
 * 18+ item and its under-18 substitute. Pooling lifts at least one item
 * above its need that no single gift covers, and one item stays short.
 * Two schools had their hand-over (the first a partial one), and the second
 * ticked most of its graduates as having received their pack.
 * Everything is written in one transaction: on error nothing is added.
 *
 * Returns: (transfer full) (nullable): the new campaign.
 */
HpCampaign *hp_demo_fill              (HpStore     *store,
                                       HpDemoScale  scale,
                                       guint32      seed,
                                       GError     **error);

G_END_DECLS
