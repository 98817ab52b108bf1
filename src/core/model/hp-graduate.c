/* hp-graduate.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpGraduate is a plain value object for one school leaver. The store
 * creates hundreds of thousands of them per list, so the object stays
 * small and hp_graduate_new() assigns its fields without notifications.
 * `school-name` is a read-only property that hp_store_list_graduates()
 * fills in through hp_graduate_set_school_name().
 */

#include "config.h"

#include "heimpack/hp-graduate.h"
#include "hp-core-private.h"

struct _HpGraduate
{
  GObject parent_instance;

  gint64    id;
  gint64    campaign_id;
  gint64    school_id;
  char     *last_name;
  char     *first_name;
  char     *class_name;
  char     *birth_date;
  char     *consent_date;
  char     *consent_source;
  char     *email;
  char     *phone;
  gboolean  pack_received;
  int       under18;

  char     *school_name;
};

G_DEFINE_FINAL_TYPE (HpGraduate, hp_graduate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_LAST_NAME,
  PROP_FIRST_NAME,
  PROP_CLASS_NAME,
  PROP_BIRTH_DATE,
  PROP_CONSENT_DATE,
  PROP_CONSENT_SOURCE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_PACK_RECEIVED,
  PROP_UNDER18,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_graduate_finalize (GObject *object)
{
  HpGraduate *self = (HpGraduate *)object;

  g_free (self->school_name);
  g_free (self->last_name);
  g_free (self->first_name);
  g_free (self->class_name);
  g_free (self->birth_date);
  g_free (self->consent_date);
  g_free (self->consent_source);
  g_free (self->email);
  g_free (self->phone);

  G_OBJECT_CLASS (hp_graduate_parent_class)->finalize (object);
}

static void
hp_graduate_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HpGraduate *self = HP_GRADUATE (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_CAMPAIGN_ID:    g_value_set_int64 (value, self->campaign_id); break;
    case PROP_SCHOOL_ID:      g_value_set_int64 (value, self->school_id); break;
    case PROP_SCHOOL_NAME:    g_value_set_string (value, self->school_name); break;
    case PROP_LAST_NAME:      g_value_set_string (value, self->last_name); break;
    case PROP_FIRST_NAME:     g_value_set_string (value, self->first_name); break;
    case PROP_CLASS_NAME:     g_value_set_string (value, self->class_name); break;
    case PROP_BIRTH_DATE:     g_value_set_string (value, self->birth_date); break;
    case PROP_CONSENT_DATE:   g_value_set_string (value, self->consent_date); break;
    case PROP_CONSENT_SOURCE: g_value_set_string (value, self->consent_source); break;
    case PROP_EMAIL:          g_value_set_string (value, self->email); break;
    case PROP_PHONE:          g_value_set_string (value, self->phone); break;
    case PROP_PACK_RECEIVED:  g_value_set_boolean (value, self->pack_received); break;
    case PROP_UNDER18:        g_value_set_int (value, self->under18); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_graduate_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HpGraduate *self = HP_GRADUATE (object);

  switch (prop_id)
    {
    case PROP_ID:             hp_graduate_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CAMPAIGN_ID:    hp_graduate_set_campaign_id (self, g_value_get_int64 (value)); break;
    case PROP_SCHOOL_ID:      hp_graduate_set_school_id (self, g_value_get_int64 (value)); break;
    case PROP_LAST_NAME:      hp_graduate_set_last_name (self, g_value_get_string (value)); break;
    case PROP_FIRST_NAME:     hp_graduate_set_first_name (self, g_value_get_string (value)); break;
    case PROP_CLASS_NAME:     hp_graduate_set_class_name (self, g_value_get_string (value)); break;
    case PROP_BIRTH_DATE:     hp_graduate_set_birth_date (self, g_value_get_string (value)); break;
    case PROP_CONSENT_DATE:   hp_graduate_set_consent_date (self, g_value_get_string (value)); break;
    case PROP_CONSENT_SOURCE: hp_graduate_set_consent_source (self, g_value_get_string (value)); break;
    case PROP_EMAIL:          hp_graduate_set_email (self, g_value_get_string (value)); break;
    case PROP_PHONE:          hp_graduate_set_phone (self, g_value_get_string (value)); break;
    case PROP_PACK_RECEIVED:  hp_graduate_set_pack_received (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_graduate_class_init (HpGraduateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_graduate_finalize;
  object_class->get_property = hp_graduate_get_property;
  object_class->set_property = hp_graduate_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, ro);
  properties[PROP_LAST_NAME] = g_param_spec_string ("last-name", NULL, NULL, NULL, rw);
  properties[PROP_FIRST_NAME] = g_param_spec_string ("first-name", NULL, NULL, NULL, rw);
  properties[PROP_CLASS_NAME] = g_param_spec_string ("class-name", NULL, NULL, NULL, rw);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL, rw);
  properties[PROP_CONSENT_DATE] = g_param_spec_string ("consent-date", NULL, NULL, NULL, rw);
  properties[PROP_CONSENT_SOURCE] = g_param_spec_string ("consent-source", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_PACK_RECEIVED] = g_param_spec_boolean ("pack-received", NULL, NULL, FALSE, rw);
  properties[PROP_UNDER18] = g_param_spec_int ("under18", NULL, NULL, HP_UNSET, 1, HP_UNSET,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_graduate_init (HpGraduate *self)
{
  self->under18 = HP_UNSET;
}

HpGraduate *
hp_graduate_new (gint64  campaign_id,
                 gint64  school_id)
{
  HpGraduate *self = g_object_new (HP_TYPE_GRADUATE, NULL);

  /* Direct assignment: nobody can be listening yet, and the store creates
   * hundreds of thousands of these per list. */
  self->campaign_id = campaign_id;
  self->school_id = school_id;
  return self;
}

gint64
hp_graduate_get_id (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), 0);
  return self->id;
}

void
hp_graduate_set_id (HpGraduate *self,
                    gint64      id)
{
  g_return_if_fail (HP_IS_GRADUATE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hp_graduate_get_campaign_id (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), 0);
  return self->campaign_id;
}

void
hp_graduate_set_campaign_id (HpGraduate *self,
                             gint64      campaign_id)
{
  g_return_if_fail (HP_IS_GRADUATE (self));

  if (self->campaign_id == campaign_id)
    return;

  self->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

gint64
hp_graduate_get_school_id (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), 0);
  return self->school_id;
}

void
hp_graduate_set_school_id (HpGraduate *self,
                           gint64      school_id)
{
  g_return_if_fail (HP_IS_GRADUATE (self));

  if (self->school_id == school_id)
    return;

  self->school_id = school_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_graduate_get_##field (HpGraduate *self)                                   \
{                                                                            \
  g_return_val_if_fail (HP_IS_GRADUATE (self), NULL);                        \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_graduate_set_##field (HpGraduate *self,                                   \
                         const char *value)                                  \
{                                                                            \
  g_return_if_fail (HP_IS_GRADUATE (self));                                  \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (school_name, PROP_SCHOOL_NAME)
STRING_ACCESSORS (last_name, PROP_LAST_NAME)
STRING_ACCESSORS (first_name, PROP_FIRST_NAME)
STRING_ACCESSORS (class_name, PROP_CLASS_NAME)
STRING_ACCESSORS (birth_date, PROP_BIRTH_DATE)
STRING_ACCESSORS (consent_date, PROP_CONSENT_DATE)
STRING_ACCESSORS (consent_source, PROP_CONSENT_SOURCE)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (phone, PROP_PHONE)

#undef STRING_ACCESSORS

gboolean
hp_graduate_get_pack_received (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), FALSE);
  return self->pack_received;
}

void
hp_graduate_set_pack_received (HpGraduate *self,
                               gboolean    received)
{
  g_return_if_fail (HP_IS_GRADUATE (self));

  received = !!received;

  if (self->pack_received == received)
    return;

  self->pack_received = received;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK_RECEIVED]);
}

int
hp_graduate_get_under18 (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), HP_UNSET);
  return self->under18;
}

void
hp_graduate_set_under18 (HpGraduate *self,
                         int         under18)
{
  g_return_if_fail (HP_IS_GRADUATE (self));
  g_return_if_fail (under18 >= HP_UNSET && under18 <= 1);

  if (self->under18 == under18)
    return;

  self->under18 = under18;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDER18]);
}

/**
 * hp_graduate_has_consent:
 *
 * Whether the graduate consented to be contacted: a consent date and a
 * source are both set. Only then may an e-mail address or phone number be
 * stored, and only then does the graduate appear in the network export.
 */
gboolean
hp_graduate_has_consent (HpGraduate *self)
{
  g_return_val_if_fail (HP_IS_GRADUATE (self), FALSE);

  return self->consent_date != NULL && *self->consent_date != '\0' &&
         self->consent_source != NULL && *self->consent_source != '\0';
}
