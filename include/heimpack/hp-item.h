/* hp-item.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-types.h"

G_BEGIN_DECLS

/**
 * HpItem:
 *
 * A thing that goes into the pack ("Apfelschorle 0,33 l", "Fahrradpumpe"),
 * whoever gives it. Sponsors give items: each sponsor's gift of an item is an
 * #HpProduct, and everything received of an item counts toward it. Persists
 * across campaigns.
 *
 * Stored properties: `id` (gint64), `name` (required; unique after
 * hp_item_name_key()), `adult-only` (gboolean: alcohol and other goods that
 * the Jugendschutzgesetz keeps from minors; such an item never goes into the
 * under-18 pack).
 *
 * Filled in by hp_store_list_items() (never written back): `gifts` (number of
 * sponsors' gifts of the item), `sponsors` (their names, in name
 * order: a %NULL-terminated array, empty when nobody gives it), and for one campaign `in-pack` (it has a line in the
 * pack contents), `per-standard`, `per-under18`, `position` (packing order),
 * `pledged` and `received` (pieces, all gifts together).
 */
#define HP_TYPE_ITEM (hp_item_get_type ())
G_DECLARE_FINAL_TYPE (HpItem, hp_item, HP, ITEM, GObject)

HpItem     *hp_item_new              (const char *name);
gint64      hp_item_get_id           (HpItem     *self);
void        hp_item_set_id           (HpItem     *self,
                                      gint64      id);
const char *hp_item_get_name         (HpItem     *self);
void        hp_item_set_name         (HpItem     *self,
                                      const char *name);
gboolean    hp_item_get_adult_only   (HpItem     *self);
void        hp_item_set_adult_only   (HpItem     *self,
                                      gboolean    adult_only);
guint       hp_item_get_gifts        (HpItem     *self);
const char * const *hp_item_get_sponsors (HpItem *self);
gboolean    hp_item_get_in_pack      (HpItem     *self);
guint       hp_item_get_per_standard (HpItem     *self);
guint       hp_item_get_per_under18  (HpItem     *self);
int         hp_item_get_position     (HpItem     *self);
gint64      hp_item_get_pledged      (HpItem     *self);
gint64      hp_item_get_received     (HpItem     *self);

/**
 * hp_item_set_figures:
 * @per_standard, @per_under18, @position: the pack line, when @in_pack
 *
 * Sets the read-only figures at once (for the store).
 */
void        hp_item_set_figures      (HpItem     *self,
                                      guint       gifts,
                                      const char * const *sponsors,
                                      gboolean    in_pack,
                                      guint       per_standard,
                                      guint       per_under18,
                                      int         position,
                                      gint64      pledged,
                                      gint64      received);

/**
 * hp_item_name_trim:
 * @name: an item name as typed
 *
 * Returns: (transfer full): @name without leading and trailing white space,
 *   Unicode white space (a no-break space) included: the name as stored.
 */
char       *hp_item_name_trim        (const char *name);

/**
 * hp_item_name_key:
 * @name: an item name as typed
 *
 * The key under which item names are compared: the name without leading
 * and trailing white space (hp_item_name_trim()), in Unicode NFC,
 * case-folded. "Äpfel " and
 * "äpfel" have the same key ("Ä" typed as A + combining diaeresis too);
 * SQLite's NOCASE would fold ASCII only.
 *
 * Returns: (transfer full): the key ("" for %NULL or blank names).
 */
char       *hp_item_name_key         (const char *name);

G_END_DECLS
