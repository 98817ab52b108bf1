/* hp-product.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpProduct is a plain value object for a donated product. `sponsor-name`
 * and the campaign figures are read-only properties that
 * hp_store_list_products() fills in; they are never written back.
 */

#include "config.h"

#include "heimpack/hp-product.h"
#include "hp-core-private.h"

struct _HpProduct
{
  GObject parent_instance;

  gint64    id;
  gint64    sponsor_id;
  char     *name;
  gint64    value_cents;
  gboolean  adult_only;
  char     *best_before;
  char     *notes;

  char     *sponsor_name;
  gint64    item_id;
  gint64    pledged;
  gint64    received;
  guint     per_standard;
  guint     per_under18;
};

G_DEFINE_FINAL_TYPE (HpProduct, hp_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SPONSOR_ID,
  PROP_SPONSOR_NAME,
  PROP_ITEM_ID,
  PROP_NAME,
  PROP_VALUE_CENTS,
  PROP_ADULT_ONLY,
  PROP_BEST_BEFORE,
  PROP_NOTES,
  PROP_PLEDGED,
  PROP_RECEIVED,
  PROP_PER_STANDARD,
  PROP_PER_UNDER18,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_product_finalize (GObject *object)
{
  HpProduct *self = (HpProduct *)object;

  g_free (self->sponsor_name);
  g_free (self->name);
  g_free (self->best_before);
  g_free (self->notes);

  G_OBJECT_CLASS (hp_product_parent_class)->finalize (object);
}

static void
hp_product_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HpProduct *self = HP_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_SPONSOR_ID:   g_value_set_int64 (value, self->sponsor_id); break;
    case PROP_SPONSOR_NAME: g_value_set_string (value, self->sponsor_name); break;
    case PROP_ITEM_ID:      g_value_set_int64 (value, self->item_id); break;
    case PROP_NAME:         g_value_set_string (value, self->name); break;
    case PROP_VALUE_CENTS:  g_value_set_int64 (value, self->value_cents); break;
    case PROP_ADULT_ONLY:   g_value_set_boolean (value, self->adult_only); break;
    case PROP_BEST_BEFORE:  g_value_set_string (value, self->best_before); break;
    case PROP_NOTES:        g_value_set_string (value, self->notes); break;
    case PROP_PLEDGED:      g_value_set_int64 (value, self->pledged); break;
    case PROP_RECEIVED:     g_value_set_int64 (value, self->received); break;
    case PROP_PER_STANDARD: g_value_set_uint (value, self->per_standard); break;
    case PROP_PER_UNDER18:  g_value_set_uint (value, self->per_under18); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_product_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HpProduct *self = HP_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:          hp_product_set_id (self, g_value_get_int64 (value)); break;
    case PROP_SPONSOR_ID:  hp_product_set_sponsor_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME:        hp_product_set_name (self, g_value_get_string (value)); break;
    case PROP_VALUE_CENTS: hp_product_set_value_cents (self, g_value_get_int64 (value)); break;
    case PROP_ADULT_ONLY:  hp_product_set_adult_only (self, g_value_get_boolean (value)); break;
    case PROP_BEST_BEFORE: hp_product_set_best_before (self, g_value_get_string (value)); break;
    case PROP_NOTES:       hp_product_set_notes (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_product_class_init (HpProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_product_finalize;
  object_class->get_property = hp_product_get_property;
  object_class->set_property = hp_product_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SPONSOR_ID] = g_param_spec_int64 ("sponsor-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SPONSOR_NAME] = g_param_spec_string ("sponsor-name", NULL, NULL, NULL, ro);
  properties[PROP_ITEM_ID] = g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_VALUE_CENTS] = g_param_spec_int64 ("value-cents", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ADULT_ONLY] = g_param_spec_boolean ("adult-only", NULL, NULL, FALSE, rw);
  properties[PROP_BEST_BEFORE] = g_param_spec_string ("best-before", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_PLEDGED] = g_param_spec_int64 ("pledged", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RECEIVED] = g_param_spec_int64 ("received", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PER_STANDARD] = g_param_spec_uint ("per-standard", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PER_UNDER18] = g_param_spec_uint ("per-under18", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_product_init (HpProduct *self)
{
}

HpProduct *
hp_product_new (gint64      sponsor_id,
                const char *name)
{
  HpProduct *self = g_object_new (HP_TYPE_PRODUCT, NULL);

  /* Direct assignment: nobody can be listening yet. */
  self->sponsor_id = sponsor_id;
  _hp_set_str (&self->name, name);
  return self;
}

gint64
hp_product_get_id (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->id;
}

void
hp_product_set_id (HpProduct *self,
                   gint64     id)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hp_product_get_sponsor_id (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->sponsor_id;
}

void
hp_product_set_sponsor_id (HpProduct *self,
                           gint64     sponsor_id)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  if (self->sponsor_id == sponsor_id)
    return;

  self->sponsor_id = sponsor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPONSOR_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_product_get_##field (HpProduct *self)                                     \
{                                                                            \
  g_return_val_if_fail (HP_IS_PRODUCT (self), NULL);                         \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_product_set_##field (HpProduct  *self,                                    \
                        const char *value)                                   \
{                                                                            \
  g_return_if_fail (HP_IS_PRODUCT (self));                                   \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (sponsor_name, PROP_SPONSOR_NAME)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (best_before, PROP_BEST_BEFORE)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef STRING_ACCESSORS

gint64
hp_product_get_value_cents (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->value_cents;
}

void
hp_product_set_value_cents (HpProduct *self,
                            gint64     value_cents)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  if (self->value_cents == value_cents)
    return;

  self->value_cents = value_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_CENTS]);
}

gboolean
hp_product_get_adult_only (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), FALSE);
  return self->adult_only;
}

void
hp_product_set_adult_only (HpProduct *self,
                           gboolean   adult_only)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  adult_only = !!adult_only;

  if (self->adult_only == adult_only)
    return;

  self->adult_only = adult_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADULT_ONLY]);
}

gint64
hp_product_get_pledged (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->pledged;
}

gint64
hp_product_get_received (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->received;
}

guint
hp_product_get_per_standard (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->per_standard;
}

guint
hp_product_get_per_under18 (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->per_under18;
}

/**
 * hp_product_set_figures:
 *
 * Sets the campaign figures at once (one notification per changed figure).
 */
void
hp_product_set_figures (HpProduct *self,
                        gint64     pledged,
                        gint64     received,
                        guint      per_standard,
                        guint      per_under18)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  g_object_freeze_notify (G_OBJECT (self));
#define SET_FIGURE(field, PROP) \
  if (self->field != field) { self->field = field; g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); }
  SET_FIGURE (pledged, PROP_PLEDGED)
  SET_FIGURE (received, PROP_RECEIVED)
  SET_FIGURE (per_standard, PROP_PER_STANDARD)
  SET_FIGURE (per_under18, PROP_PER_UNDER18)
#undef SET_FIGURE
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
hp_product_get_item_id (HpProduct *self)
{
  g_return_val_if_fail (HP_IS_PRODUCT (self), 0);
  return self->item_id;
}

void
hp_product_set_item_id (HpProduct *self,
                        gint64     item_id)
{
  g_return_if_fail (HP_IS_PRODUCT (self));

  if (self->item_id == item_id)
    return;

  self->item_id = item_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}
