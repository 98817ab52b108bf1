/* hp-school.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpSchool is a plain value object. The school's own fields persist across
 * campaigns; `expected-graduates`, `under18-expected` and `handover` belong
 * to one campaign and the store fills them in together with the read-only
 * `graduate-count` (hp_school_set_graduate_count()). Unreported numbers are
 * HP_UNSET, which is distinct from a real 0.
 */

#include "config.h"

#include "heimpack/hp-school.h"
#include "hp-core-private.h"

struct _HpSchool
{
  GObject parent_instance;

  gint64  id;
  char   *number;
  char   *name;
  char   *street;
  char   *postcode;
  char   *town;
  char   *district_key;
  char   *school_form;
  char   *contact_teacher;
  char   *email;
  char   *phone;

  int     expected_graduates;
  int     under18_expected;
  char   *handover;
  guint   graduate_count;
  gboolean list_complete;
};

G_DEFINE_FINAL_TYPE (HpSchool, hp_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NAME,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_TOWN,
  PROP_DISTRICT_KEY,
  PROP_SCHOOL_FORM,
  PROP_CONTACT_TEACHER,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_EXPECTED_GRADUATES,
  PROP_UNDER18_EXPECTED,
  PROP_HANDOVER,
  PROP_GRADUATE_COUNT,
  PROP_LIST_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_school_finalize (GObject *object)
{
  HpSchool *self = (HpSchool *)object;

  g_free (self->number);
  g_free (self->name);
  g_free (self->street);
  g_free (self->postcode);
  g_free (self->town);
  g_free (self->district_key);
  g_free (self->school_form);
  g_free (self->contact_teacher);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->handover);

  G_OBJECT_CLASS (hp_school_parent_class)->finalize (object);
}

static void
hp_school_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HpSchool *self = HP_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:                 g_value_set_int64 (value, self->id); break;
    case PROP_NUMBER:             g_value_set_string (value, self->number); break;
    case PROP_NAME:               g_value_set_string (value, self->name); break;
    case PROP_STREET:             g_value_set_string (value, self->street); break;
    case PROP_POSTCODE:           g_value_set_string (value, self->postcode); break;
    case PROP_TOWN:               g_value_set_string (value, self->town); break;
    case PROP_DISTRICT_KEY:       g_value_set_string (value, self->district_key); break;
    case PROP_SCHOOL_FORM:        g_value_set_string (value, self->school_form); break;
    case PROP_CONTACT_TEACHER:    g_value_set_string (value, self->contact_teacher); break;
    case PROP_EMAIL:              g_value_set_string (value, self->email); break;
    case PROP_PHONE:              g_value_set_string (value, self->phone); break;
    case PROP_EXPECTED_GRADUATES: g_value_set_int (value, self->expected_graduates); break;
    case PROP_UNDER18_EXPECTED:   g_value_set_int (value, self->under18_expected); break;
    case PROP_HANDOVER:           g_value_set_string (value, self->handover); break;
    case PROP_GRADUATE_COUNT:     g_value_set_uint (value, self->graduate_count); break;
    case PROP_LIST_COMPLETE:      g_value_set_boolean (value, self->list_complete); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_school_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HpSchool *self = HP_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:                 hp_school_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NUMBER:             hp_school_set_number (self, g_value_get_string (value)); break;
    case PROP_NAME:               hp_school_set_name (self, g_value_get_string (value)); break;
    case PROP_STREET:             hp_school_set_street (self, g_value_get_string (value)); break;
    case PROP_POSTCODE:           hp_school_set_postcode (self, g_value_get_string (value)); break;
    case PROP_TOWN:               hp_school_set_town (self, g_value_get_string (value)); break;
    case PROP_DISTRICT_KEY:       hp_school_set_district_key (self, g_value_get_string (value)); break;
    case PROP_SCHOOL_FORM:        hp_school_set_school_form (self, g_value_get_string (value)); break;
    case PROP_CONTACT_TEACHER:    hp_school_set_contact_teacher (self, g_value_get_string (value)); break;
    case PROP_EMAIL:              hp_school_set_email (self, g_value_get_string (value)); break;
    case PROP_PHONE:              hp_school_set_phone (self, g_value_get_string (value)); break;
    case PROP_EXPECTED_GRADUATES: hp_school_set_expected_graduates (self, g_value_get_int (value)); break;
    case PROP_UNDER18_EXPECTED:   hp_school_set_under18_expected (self, g_value_get_int (value)); break;
    case PROP_LIST_COMPLETE:      hp_school_set_list_complete (self, g_value_get_boolean (value)); break;
    case PROP_HANDOVER:           hp_school_set_handover (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_school_class_init (HpSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_school_finalize;
  object_class->get_property = hp_school_get_property;
  object_class->set_property = hp_school_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_STREET] = g_param_spec_string ("street", NULL, NULL, NULL, rw);
  properties[PROP_POSTCODE] = g_param_spec_string ("postcode", NULL, NULL, NULL, rw);
  properties[PROP_TOWN] = g_param_spec_string ("town", NULL, NULL, NULL, rw);
  properties[PROP_DISTRICT_KEY] = g_param_spec_string ("district-key", NULL, NULL, NULL, rw);
  properties[PROP_SCHOOL_FORM] = g_param_spec_string ("school-form", NULL, NULL, NULL, rw);
  properties[PROP_CONTACT_TEACHER] = g_param_spec_string ("contact-teacher", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_GRADUATES] = g_param_spec_int ("expected-graduates", NULL, NULL, HP_UNSET, G_MAXINT, HP_UNSET, rw);
  properties[PROP_UNDER18_EXPECTED] = g_param_spec_int ("under18-expected", NULL, NULL, HP_UNSET, G_MAXINT, HP_UNSET, rw);
  properties[PROP_HANDOVER] = g_param_spec_string ("handover", NULL, NULL, NULL, rw);
  properties[PROP_GRADUATE_COUNT] = g_param_spec_uint ("graduate-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LIST_COMPLETE] = g_param_spec_boolean ("list-complete", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_school_init (HpSchool *self)
{
  self->expected_graduates = HP_UNSET;
  self->under18_expected = HP_UNSET;
}

HpSchool *
hp_school_new (const char *number,
               const char *name)
{
  HpSchool *self = g_object_new (HP_TYPE_SCHOOL, NULL);

  /* Direct assignment: nobody can be listening yet. */
  _hp_set_str (&self->number, number);
  _hp_set_str (&self->name, name);
  return self;
}

gint64
hp_school_get_id (HpSchool *self)
{
  g_return_val_if_fail (HP_IS_SCHOOL (self), 0);
  return self->id;
}

void
hp_school_set_id (HpSchool *self,
                  gint64    id)
{
  g_return_if_fail (HP_IS_SCHOOL (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_school_get_##field (HpSchool *self)                                       \
{                                                                            \
  g_return_val_if_fail (HP_IS_SCHOOL (self), NULL);                          \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_school_set_##field (HpSchool   *self,                                     \
                       const char *value)                                    \
{                                                                            \
  g_return_if_fail (HP_IS_SCHOOL (self));                                    \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (number, PROP_NUMBER)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (street, PROP_STREET)
STRING_ACCESSORS (postcode, PROP_POSTCODE)
STRING_ACCESSORS (town, PROP_TOWN)
STRING_ACCESSORS (district_key, PROP_DISTRICT_KEY)
STRING_ACCESSORS (school_form, PROP_SCHOOL_FORM)
STRING_ACCESSORS (contact_teacher, PROP_CONTACT_TEACHER)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_ACCESSORS (handover, PROP_HANDOVER)

#undef STRING_ACCESSORS

int
hp_school_get_expected_graduates (HpSchool *self)
{
  g_return_val_if_fail (HP_IS_SCHOOL (self), HP_UNSET);
  return self->expected_graduates;
}

void
hp_school_set_expected_graduates (HpSchool *self,
                                  int       expected)
{
  g_return_if_fail (HP_IS_SCHOOL (self));

  if (self->expected_graduates == expected)
    return;

  self->expected_graduates = expected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_GRADUATES]);
}

int
hp_school_get_under18_expected (HpSchool *self)
{
  g_return_val_if_fail (HP_IS_SCHOOL (self), HP_UNSET);
  return self->under18_expected;
}

void
hp_school_set_under18_expected (HpSchool *self,
                                int       expected)
{
  g_return_if_fail (HP_IS_SCHOOL (self));

  if (self->under18_expected == expected)
    return;

  self->under18_expected = expected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDER18_EXPECTED]);
}

guint
hp_school_get_graduate_count (HpSchool *self)
{
  g_return_val_if_fail (HP_IS_SCHOOL (self), 0);
  return self->graduate_count;
}

/**
 * hp_school_set_graduate_count:
 *
 * Sets the read-only `graduate-count` figure for the listed campaign.
 */
void
hp_school_set_graduate_count (HpSchool *self,
                              guint     count)
{
  g_return_if_fail (HP_IS_SCHOOL (self));

  if (self->graduate_count == count)
    return;

  self->graduate_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADUATE_COUNT]);
}

gboolean
hp_school_get_list_complete (HpSchool *self)
{
  g_return_val_if_fail (HP_IS_SCHOOL (self), FALSE);
  return self->list_complete;
}

void
hp_school_set_list_complete (HpSchool *self,
                             gboolean  complete)
{
  g_return_if_fail (HP_IS_SCHOOL (self));

  complete = !!complete;
  if (self->list_complete == complete)
    return;

  self->list_complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_COMPLETE]);
}
