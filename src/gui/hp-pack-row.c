/* hp-pack-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of the pack contents page: an item of the pack with its pieces
 * per pack, its place in packing order, who gives it, and the pieces
 * received (all gifts together) and needed (from the plan). The page keeps
 * its rows when it reloads and updates them (hp_pack_row_update()), so that
 * only the cells whose figures changed are drawn again and an inline spin
 * button keeps its focus.
 */

#define G_LOG_DOMAIN "hp-pack-row"

#include "config.h"

#include <heimpack/heimpack.h>

#include "hp-pack-row.h"

/* A cell names an item's one sponsor, or says how many there are ("4
 * sponsors": a list of names cut by the column told nothing); its tooltip
 * names fifteen and how many more. The beer of a national drive has 180. */
#define SPONSORS_NAMED_IN_TOOLTIP 15

struct _HpPackRow
{
  GObject   parent_instance;

  gint64    item_id;
  char     *name;
  char     *sponsors;      /* the first few, for the cell */
  char     *sponsors_more;  /* more of them, for its tooltip */
  gint64    received;
  gint64    pledged;
  gint64    needed;        /* -1 while the plan is unknown */
  guint     per_standard;
  guint     per_under18;
  guint     position;
  gboolean  adult_only;
};

G_DEFINE_FINAL_TYPE (HpPackRow, hp_pack_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_NAME,
  PROP_ADULT_ONLY,
  PROP_PER_STANDARD,
  PROP_PER_UNDER18,
  PROP_POSITION,
  PROP_SPONSORS,
  PROP_SPONSORS_MORE,
  PROP_RECEIVED,
  PROP_PLEDGED,
  PROP_NEEDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * hp_pack_row_new:
 * @item: an item with the figures of a campaign (hp_store_list_items())
 * @position: its place in packing order, from 0
 * @needed: pieces needed for all packs, or -1 if not known
 */
HpPackRow *
hp_pack_row_new (HpItem *item,
                 guint   position,
                 gint64  needed)
{
  HpPackRow *self;

  g_return_val_if_fail (HP_IS_ITEM (item), NULL);

  self = g_object_new (HP_TYPE_PACK_ROW, NULL);
  hp_pack_row_update (self, item, position, needed);

  return self;
}

static void
set_int64 (HpPackRow *self,
           gint64    *field,
           gint64     value,
           guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (HpPackRow *self,
          guint     *field,
          guint      value,
          guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_string (HpPackRow   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  /* (g_set_str() is GLib 2.76) */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * hp_pack_row_update:
 *
 * Takes the figures of @item (the same item or another one) and notifies
 * the properties that changed, all at once.
 */
void
hp_pack_row_update (HpPackRow *self,
                    HpItem    *item,
                    guint      position,
                    gint64     needed)
{
  g_return_if_fail (HP_IS_PACK_ROW (self));
  g_return_if_fail (HP_IS_ITEM (item));

  g_object_freeze_notify (G_OBJECT (self));

  set_int64 (self, &self->item_id, hp_item_get_id (item), PROP_ITEM_ID);
  set_string (self, &self->name, hp_item_get_name (item), PROP_NAME);
  if (self->adult_only != hp_item_get_adult_only (item))
    {
      self->adult_only = hp_item_get_adult_only (item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADULT_ONLY]);
    }
  set_uint (self, &self->per_standard, hp_item_get_per_standard (item), PROP_PER_STANDARD);
  set_uint (self, &self->per_under18, hp_item_get_per_under18 (item), PROP_PER_UNDER18);
  set_uint (self, &self->position, position, PROP_POSITION);
  {
    const char * const *names = hp_item_get_sponsors (item);
    g_autofree char *named = hp_format_sponsors (names);
    g_autofree char *more = hp_format_names (names, SPONSORS_NAMED_IN_TOOLTIP);

    set_string (self, &self->sponsors, *named != '\0' ? named : NULL, PROP_SPONSORS);
    set_string (self, &self->sponsors_more, *more != '\0' ? more : NULL, PROP_SPONSORS_MORE);
  }
  set_int64 (self, &self->received, hp_item_get_received (item), PROP_RECEIVED);
  set_int64 (self, &self->pledged, hp_item_get_pledged (item), PROP_PLEDGED);
  set_int64 (self, &self->needed, needed, PROP_NEEDED);

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
hp_pack_row_get_item_id (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->item_id;
}

const char *
hp_pack_row_get_name (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), NULL);
  return self->name;
}

gboolean
hp_pack_row_get_adult_only (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), FALSE);
  return self->adult_only;
}

guint
hp_pack_row_get_per_standard (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->per_standard;
}

guint
hp_pack_row_get_per_under18 (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->per_under18;
}

guint
hp_pack_row_get_position (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->position;
}

/**
 * hp_pack_row_get_sponsors:
 *
 * Returns: (nullable): the one sponsor who gives the item, or how many
 *   do ("4 sponsors"); #HpPackRow:sponsors-more names them
 */
const char *
hp_pack_row_get_sponsors (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), NULL);
  return self->sponsors;
}

gint64
hp_pack_row_get_received (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->received;
}

gint64
hp_pack_row_get_pledged (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), 0);
  return self->pledged;
}

/**
 * hp_pack_row_get_needed:
 *
 * Returns: pieces needed for all needed packs, or -1 if not known
 */
gint64
hp_pack_row_get_needed (HpPackRow *self)
{
  g_return_val_if_fail (HP_IS_PACK_ROW (self), -1);
  return self->needed;
}

static void
hp_pack_row_finalize (GObject *object)
{
  HpPackRow *self = HP_PACK_ROW (object);

  g_free (self->name);
  g_free (self->sponsors);
  g_free (self->sponsors_more);

  G_OBJECT_CLASS (hp_pack_row_parent_class)->finalize (object);
}

static void
hp_pack_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HpPackRow *self = HP_PACK_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:      g_value_set_int64 (value, self->item_id); break;
    case PROP_NAME:         g_value_set_string (value, self->name); break;
    case PROP_ADULT_ONLY:   g_value_set_boolean (value, self->adult_only); break;
    case PROP_PER_STANDARD: g_value_set_uint (value, self->per_standard); break;
    case PROP_PER_UNDER18:  g_value_set_uint (value, self->per_under18); break;
    case PROP_POSITION:     g_value_set_uint (value, self->position); break;
    case PROP_SPONSORS:     g_value_set_string (value, self->sponsors); break;
    case PROP_SPONSORS_MORE: g_value_set_string (value, self->sponsors_more); break;
    case PROP_RECEIVED:     g_value_set_int64 (value, self->received); break;
    case PROP_PLEDGED:      g_value_set_int64 (value, self->pledged); break;
    case PROP_NEEDED:       g_value_set_int64 (value, self->needed); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_pack_row_class_init (HpPackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_pack_row_finalize;
  object_class->get_property = hp_pack_row_get_property;

  properties[PROP_ITEM_ID] = g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ADULT_ONLY] = g_param_spec_boolean ("adult-only", NULL, NULL, FALSE, ro);
  properties[PROP_PER_STANDARD] = g_param_spec_uint ("per-standard", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PER_UNDER18] = g_param_spec_uint ("per-under18", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SPONSORS] = g_param_spec_string ("sponsors", NULL, NULL, NULL, ro);
  /* the sponsors by name, fifteen and how many more: the cell's tooltip */
  properties[PROP_SPONSORS_MORE] = g_param_spec_string ("sponsors-more", NULL, NULL, NULL, ro);
  properties[PROP_RECEIVED] = g_param_spec_int64 ("received", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_PLEDGED] = g_param_spec_int64 ("pledged", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_NEEDED] = g_param_spec_int64 ("needed", NULL, NULL, -1, G_MAXINT64, -1, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_pack_row_init (HpPackRow *self)
{
  self->needed = -1;
}
