/* hp-sponsor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpSponsor is a plain value object: the store fills it, the UI binds to its
 * properties, and nothing in it talks to the database. The campaign figures
 * are read-only properties that hp_store_list_sponsors() fills in.
 */

#include "config.h"

#include "heimpack/hp-sponsor.h"
#include "hp-core-private.h"

struct _HpSponsor
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  char   *contact;
  char   *phone;
  char   *email;
  char   *address;
  char   *notes;

  guint   product_count;
  gint64  pledged;
  gint64  received;
  gint64  value_cents;
};

G_DEFINE_FINAL_TYPE (HpSponsor, hp_sponsor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CONTACT,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_NOTES,
  PROP_PRODUCT_COUNT,
  PROP_PLEDGED,
  PROP_RECEIVED,
  PROP_VALUE_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_sponsor_finalize (GObject *object)
{
  HpSponsor *self = (HpSponsor *)object;

  g_free (self->name);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->notes);

  G_OBJECT_CLASS (hp_sponsor_parent_class)->finalize (object);
}

static void
hp_sponsor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HpSponsor *self = HP_SPONSOR (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_NAME:          g_value_set_string (value, self->name); break;
    case PROP_CONTACT:       g_value_set_string (value, self->contact); break;
    case PROP_PHONE:         g_value_set_string (value, self->phone); break;
    case PROP_EMAIL:         g_value_set_string (value, self->email); break;
    case PROP_ADDRESS:       g_value_set_string (value, self->address); break;
    case PROP_NOTES:         g_value_set_string (value, self->notes); break;
    case PROP_PRODUCT_COUNT: g_value_set_uint (value, self->product_count); break;
    case PROP_PLEDGED:       g_value_set_int64 (value, self->pledged); break;
    case PROP_RECEIVED:      g_value_set_int64 (value, self->received); break;
    case PROP_VALUE_CENTS:   g_value_set_int64 (value, self->value_cents); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_sponsor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HpSponsor *self = HP_SPONSOR (object);

  switch (prop_id)
    {
    case PROP_ID:      hp_sponsor_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME:    hp_sponsor_set_name (self, g_value_get_string (value)); break;
    case PROP_CONTACT: hp_sponsor_set_contact (self, g_value_get_string (value)); break;
    case PROP_PHONE:   hp_sponsor_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL:   hp_sponsor_set_email (self, g_value_get_string (value)); break;
    case PROP_ADDRESS: hp_sponsor_set_address (self, g_value_get_string (value)); break;
    case PROP_NOTES:   hp_sponsor_set_notes (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_sponsor_class_init (HpSponsorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_sponsor_finalize;
  object_class->get_property = hp_sponsor_get_property;
  object_class->set_property = hp_sponsor_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_PRODUCT_COUNT] = g_param_spec_uint ("product-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PLEDGED] = g_param_spec_int64 ("pledged", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RECEIVED] = g_param_spec_int64 ("received", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_VALUE_CENTS] = g_param_spec_int64 ("value-cents", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_sponsor_init (HpSponsor *self)
{
}

HpSponsor *
hp_sponsor_new (const char *name)
{
  HpSponsor *self = g_object_new (HP_TYPE_SPONSOR, NULL);

  /* Direct assignment: nobody can be listening yet, and the store creates
   * thousands of these per list. */
  _hp_set_str (&self->name, name);
  return self;
}

gint64
hp_sponsor_get_id (HpSponsor *self)
{
  g_return_val_if_fail (HP_IS_SPONSOR (self), 0);
  return self->id;
}

void
hp_sponsor_set_id (HpSponsor *self,
                   gint64     id)
{
  g_return_if_fail (HP_IS_SPONSOR (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_sponsor_get_##field (HpSponsor *self)                                     \
{                                                                            \
  g_return_val_if_fail (HP_IS_SPONSOR (self), NULL);                         \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_sponsor_set_##field (HpSponsor  *self,                                    \
                        const char *value)                                   \
{                                                                            \
  g_return_if_fail (HP_IS_SPONSOR (self));                                   \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (contact, PROP_CONTACT)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (address, PROP_ADDRESS)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef STRING_ACCESSORS

guint
hp_sponsor_get_product_count (HpSponsor *self)
{
  g_return_val_if_fail (HP_IS_SPONSOR (self), 0);
  return self->product_count;
}

gint64
hp_sponsor_get_pledged (HpSponsor *self)
{
  g_return_val_if_fail (HP_IS_SPONSOR (self), 0);
  return self->pledged;
}

gint64
hp_sponsor_get_received (HpSponsor *self)
{
  g_return_val_if_fail (HP_IS_SPONSOR (self), 0);
  return self->received;
}

gint64
hp_sponsor_get_value_cents (HpSponsor *self)
{
  g_return_val_if_fail (HP_IS_SPONSOR (self), 0);
  return self->value_cents;
}

/**
 * hp_sponsor_set_figures:
 *
 * Sets the campaign figures at once (one notification per changed figure).
 */
void
hp_sponsor_set_figures (HpSponsor *self,
                        guint      product_count,
                        gint64     pledged,
                        gint64     received,
                        gint64     value_cents)
{
  g_return_if_fail (HP_IS_SPONSOR (self));

  g_object_freeze_notify (G_OBJECT (self));
#define SET_FIGURE(field, PROP) \
  if (self->field != field) { self->field = field; g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); }
  SET_FIGURE (product_count, PROP_PRODUCT_COUNT)
  SET_FIGURE (pledged, PROP_PLEDGED)
  SET_FIGURE (received, PROP_RECEIVED)
  SET_FIGURE (value_cents, PROP_VALUE_CENTS)
#undef SET_FIGURE
  g_object_thaw_notify (G_OBJECT (self));
}
