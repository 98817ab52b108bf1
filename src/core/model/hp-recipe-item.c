/* hp-recipe-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpRecipeItem is a plain value object for one line of a campaign's pack
 * recipe. It has no id of its own: campaign and product identify it. The
 * store enforces the adult-only rule on save. `item-name` is a read-only
 * property that hp_store_list_recipe() fills in through
 * hp_recipe_item_set_item_name().
 */

#include "config.h"

#include "heimpack/hp-recipe-item.h"
#include "hp-core-private.h"

struct _HpRecipeItem
{
  GObject parent_instance;

  gint64  campaign_id;
  gint64  item_id;
  guint   per_standard;
  guint   per_under18;
  int     position;

  char   *item_name;
};

G_DEFINE_FINAL_TYPE (HpRecipeItem, hp_recipe_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_ITEM_ID,
  PROP_ITEM_NAME,
  PROP_PER_STANDARD,
  PROP_PER_UNDER18,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_recipe_item_finalize (GObject *object)
{
  HpRecipeItem *self = (HpRecipeItem *)object;

  g_free (self->item_name);

  G_OBJECT_CLASS (hp_recipe_item_parent_class)->finalize (object);
}

static void
hp_recipe_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HpRecipeItem *self = HP_RECIPE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:  g_value_set_int64 (value, self->campaign_id); break;
    case PROP_ITEM_ID:   g_value_set_int64 (value, self->item_id); break;
    case PROP_ITEM_NAME: g_value_set_string (value, self->item_name); break;
    case PROP_PER_STANDARD: g_value_set_uint (value, self->per_standard); break;
    case PROP_PER_UNDER18:  g_value_set_uint (value, self->per_under18); break;
    case PROP_POSITION:     g_value_set_int (value, self->position); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_recipe_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HpRecipeItem *self = HP_RECIPE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:  hp_recipe_item_set_campaign_id (self, g_value_get_int64 (value)); break;
    case PROP_ITEM_ID:   hp_recipe_item_set_item_id (self, g_value_get_int64 (value)); break;
    case PROP_PER_STANDARD: hp_recipe_item_set_per_standard (self, g_value_get_uint (value)); break;
    case PROP_PER_UNDER18:  hp_recipe_item_set_per_under18 (self, g_value_get_uint (value)); break;
    case PROP_POSITION:     hp_recipe_item_set_position (self, g_value_get_int (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_recipe_item_class_init (HpRecipeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_recipe_item_finalize;
  object_class->get_property = hp_recipe_item_get_property;
  object_class->set_property = hp_recipe_item_set_property;

  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ITEM_ID] = g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ITEM_NAME] = g_param_spec_string ("item-name", NULL, NULL, NULL, ro);
  properties[PROP_PER_STANDARD] = g_param_spec_uint ("per-standard", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PER_UNDER18] = g_param_spec_uint ("per-under18", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, HP_UNSET, G_MAXINT, HP_UNSET, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_recipe_item_init (HpRecipeItem *self)
{
  self->position = HP_UNSET;
}

HpRecipeItem *
hp_recipe_item_new (gint64  campaign_id,
                    gint64  item_id,
                    guint   per_standard,
                    guint   per_under18)
{
  HpRecipeItem *self = g_object_new (HP_TYPE_RECIPE_ITEM, NULL);

  /* Direct assignment: nobody can be listening yet. */
  self->campaign_id = campaign_id;
  self->item_id = item_id;
  self->per_standard = per_standard;
  self->per_under18 = per_under18;
  return self;
}

gint64
hp_recipe_item_get_campaign_id (HpRecipeItem *self)
{
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), 0);
  return self->campaign_id;
}

void
hp_recipe_item_set_campaign_id (HpRecipeItem *self,
                                gint64        campaign_id)
{
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));

  if (self->campaign_id == campaign_id)
    return;

  self->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

gint64
hp_recipe_item_get_item_id (HpRecipeItem *self)
{
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), 0);
  return self->item_id;
}

void
hp_recipe_item_set_item_id (HpRecipeItem *self,
                               gint64        item_id)
{
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));

  if (self->item_id == item_id)
    return;

  self->item_id = item_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_recipe_item_get_##field (HpRecipeItem *self)                              \
{                                                                            \
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), NULL);                     \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_recipe_item_set_##field (HpRecipeItem *self,                              \
                            const char   *value)                             \
{                                                                            \
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));                               \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (item_name, PROP_ITEM_NAME)

#undef STRING_ACCESSORS

guint
hp_recipe_item_get_per_standard (HpRecipeItem *self)
{
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), 0);
  return self->per_standard;
}

void
hp_recipe_item_set_per_standard (HpRecipeItem *self,
                                 guint         per_standard)
{
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));

  if (self->per_standard == per_standard)
    return;

  self->per_standard = per_standard;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PER_STANDARD]);
}

guint
hp_recipe_item_get_per_under18 (HpRecipeItem *self)
{
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), 0);
  return self->per_under18;
}

void
hp_recipe_item_set_per_under18 (HpRecipeItem *self,
                                guint         per_under18)
{
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));

  if (self->per_under18 == per_under18)
    return;

  self->per_under18 = per_under18;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PER_UNDER18]);
}

int
hp_recipe_item_get_position (HpRecipeItem *self)
{
  g_return_val_if_fail (HP_IS_RECIPE_ITEM (self), 0);
  return self->position;
}

void
hp_recipe_item_set_position (HpRecipeItem *self,
                             int           position)
{
  g_return_if_fail (HP_IS_RECIPE_ITEM (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
