/* hp-recipe-item.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpRecipeItem:
 *
 * One line of a campaign's pack contents ("Paketinhalt"): how many pieces of
 * an item (#HpItem) go into the standard pack and into the under-18 pack.
 * An adult-only item has `per-under18` 0 (the store refuses anything else);
 * its under-18 substitute is an item with `per-standard` 0 and `per-under18`
 * > 0.
 *
 * Properties: `campaign-id`, `item-id` (gint64), `per-standard`,
 * `per-under18` (guint), `position` (gint, packing order from 0; %HP_UNSET,
 * the default, keeps a line where it is and puts a new one last). Filled in
 * by hp_store_list_recipe(): `item-name`.
 */
#define HP_TYPE_RECIPE_ITEM (hp_recipe_item_get_type ())
G_DECLARE_FINAL_TYPE (HpRecipeItem, hp_recipe_item, HP, RECIPE_ITEM, GObject)

HpRecipeItem *hp_recipe_item_new              (gint64        campaign_id,
                                               gint64        item_id,
                                               guint         per_standard,
                                               guint         per_under18);
gint64        hp_recipe_item_get_campaign_id  (HpRecipeItem *self);
void          hp_recipe_item_set_campaign_id  (HpRecipeItem *self,
                                               gint64        campaign_id);
gint64        hp_recipe_item_get_item_id   (HpRecipeItem *self);
void          hp_recipe_item_set_item_id   (HpRecipeItem *self,
                                               gint64        item_id);
const char   *hp_recipe_item_get_item_name (HpRecipeItem *self);
void          hp_recipe_item_set_item_name (HpRecipeItem *self,
                                               const char   *item_name);
guint         hp_recipe_item_get_per_standard (HpRecipeItem *self);
void          hp_recipe_item_set_per_standard (HpRecipeItem *self,
                                               guint         per_standard);
guint         hp_recipe_item_get_per_under18  (HpRecipeItem *self);
void          hp_recipe_item_set_per_under18  (HpRecipeItem *self,
                                               guint         per_under18);
int           hp_recipe_item_get_position     (HpRecipeItem *self);
void          hp_recipe_item_set_position     (HpRecipeItem *self,
                                               int           position);

G_END_DECLS
