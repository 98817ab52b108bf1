/* hp-agency.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpAgency is a plain value object like HpSponsor: six optional text fields
 * the store reads from and writes to the file's one agency row.
 */

#include "config.h"

#include "heimpack/hp-agency.h"
#include "hp-core-private.h"

struct _HpAgency
{
  GObject parent_instance;

  char   *name;
  char   *street;
  char   *postcode;
  char   *town;
  char   *phone;
  char   *email;
};

G_DEFINE_FINAL_TYPE (HpAgency, hp_agency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_TOWN,
  PROP_PHONE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields in property order, for the loops below. */
static char **
field (HpAgency *self,
       guint     prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:     return &self->name;
    case PROP_STREET:   return &self->street;
    case PROP_POSTCODE: return &self->postcode;
    case PROP_TOWN:     return &self->town;
    case PROP_PHONE:    return &self->phone;
    case PROP_EMAIL:    return &self->email;
    default:            g_assert_not_reached ();
    }
}

static void
set_field (HpAgency   *self,
           guint       prop_id,
           const char *value)
{
  g_return_if_fail (HP_IS_AGENCY (self));

  if (_hp_set_str (field (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_field (HpAgency *self,
           guint     prop_id)
{
  g_return_val_if_fail (HP_IS_AGENCY (self), NULL);

  return *field (self, prop_id);
}

static void
hp_agency_finalize (GObject *object)
{
  HpAgency *self = (HpAgency *) object;

  for (guint p = PROP_NAME; p < N_PROPS; p++)
    g_free (*field (self, p));

  G_OBJECT_CLASS (hp_agency_parent_class)->finalize (object);
}

static void
hp_agency_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HpAgency *self = HP_AGENCY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, *field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hp_agency_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HpAgency *self = HP_AGENCY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hp_agency_class_init (HpAgencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_agency_finalize;
  object_class->get_property = hp_agency_get_property;
  object_class->set_property = hp_agency_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_STREET] = g_param_spec_string ("street", NULL, NULL, NULL, rw);
  properties[PROP_POSTCODE] = g_param_spec_string ("postcode", NULL, NULL, NULL, rw);
  properties[PROP_TOWN] = g_param_spec_string ("town", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_agency_init (HpAgency *self)
{
}

HpAgency *
hp_agency_new (void)
{
  return g_object_new (HP_TYPE_AGENCY, NULL);
}

#define ACCESSORS(f, PROP)                                                   \
const char *                                                                 \
hp_agency_get_##f (HpAgency *self)                                           \
{                                                                            \
  return get_field (self, PROP);                                             \
}                                                                            \
                                                                             \
void                                                                         \
hp_agency_set_##f (HpAgency   *self,                                         \
                   const char *value)                                        \
{                                                                            \
  set_field (self, PROP, value);                                             \
}

ACCESSORS (name, PROP_NAME)
ACCESSORS (street, PROP_STREET)
ACCESSORS (postcode, PROP_POSTCODE)
ACCESSORS (town, PROP_TOWN)
ACCESSORS (phone, PROP_PHONE)
ACCESSORS (email, PROP_EMAIL)

#undef ACCESSORS

gboolean
hp_agency_is_empty (HpAgency *self)
{
  g_return_val_if_fail (HP_IS_AGENCY (self), TRUE);

  for (guint p = PROP_NAME; p < N_PROPS; p++)
    if (*field (self, p) != NULL)
      return FALSE;

  return TRUE;
}

gboolean
hp_agency_equal (HpAgency *a,
                 HpAgency *b)
{
  g_return_val_if_fail (HP_IS_AGENCY (a), FALSE);
  g_return_val_if_fail (HP_IS_AGENCY (b), FALSE);

  for (guint p = PROP_NAME; p < N_PROPS; p++)
    if (g_strcmp0 (*field (a, p), *field (b, p)) != 0)
      return FALSE;

  return TRUE;
}
