/* hp-handover.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpHandover is a plain value object for one hand-over of packs to a school.
 * The store validates it on save (date required, packs > 0).
 */

#include "config.h"

#include "heimpack/hp-handover.h"
#include "hp-core-private.h"

struct _HpHandover
{
  GObject parent_instance;

  gint64  id;
  gint64  campaign_id;
  gint64  school_id;
  char   *date;
  gint64  standard;
  gint64  under18;
  char   *received_by;
  char   *note;

  /* Filled in by the store */
  char   *school_number;
  char   *school_name;
};

G_DEFINE_FINAL_TYPE (HpHandover, hp_handover, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_SCHOOL_ID,
  PROP_DATE,
  PROP_STANDARD,
  PROP_UNDER18,
  PROP_TOTAL,
  PROP_RECEIVED_BY,
  PROP_NOTE,
  PROP_SCHOOL_NUMBER,
  PROP_SCHOOL_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_handover_finalize (GObject *object)
{
  HpHandover *self = (HpHandover *)object;

  g_free (self->date);
  g_free (self->received_by);
  g_free (self->note);
  g_free (self->school_number);
  g_free (self->school_name);

  G_OBJECT_CLASS (hp_handover_parent_class)->finalize (object);
}

static void
hp_handover_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HpHandover *self = HP_HANDOVER (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_CAMPAIGN_ID:   g_value_set_int64 (value, self->campaign_id); break;
    case PROP_SCHOOL_ID:     g_value_set_int64 (value, self->school_id); break;
    case PROP_DATE:          g_value_set_string (value, self->date); break;
    case PROP_STANDARD:      g_value_set_int64 (value, self->standard); break;
    case PROP_UNDER18:       g_value_set_int64 (value, self->under18); break;
    case PROP_TOTAL:         g_value_set_int64 (value, self->standard + self->under18); break;
    case PROP_RECEIVED_BY:   g_value_set_string (value, self->received_by); break;
    case PROP_NOTE:          g_value_set_string (value, self->note); break;
    case PROP_SCHOOL_NUMBER: g_value_set_string (value, self->school_number); break;
    case PROP_SCHOOL_NAME:   g_value_set_string (value, self->school_name); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_handover_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HpHandover *self = HP_HANDOVER (object);

  switch (prop_id)
    {
    case PROP_ID:          hp_handover_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CAMPAIGN_ID: hp_handover_set_campaign_id (self, g_value_get_int64 (value)); break;
    case PROP_SCHOOL_ID:   hp_handover_set_school_id (self, g_value_get_int64 (value)); break;
    case PROP_DATE:        hp_handover_set_date (self, g_value_get_string (value)); break;
    case PROP_STANDARD:    hp_handover_set_standard (self, g_value_get_int64 (value)); break;
    case PROP_UNDER18:     hp_handover_set_under18 (self, g_value_get_int64 (value)); break;
    case PROP_RECEIVED_BY: hp_handover_set_received_by (self, g_value_get_string (value)); break;
    case PROP_NOTE:        hp_handover_set_note (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_handover_class_init (HpHandoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_handover_finalize;
  object_class->get_property = hp_handover_get_property;
  object_class->set_property = hp_handover_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_STANDARD] = g_param_spec_int64 ("standard", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UNDER18] = g_param_spec_int64 ("under18", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RECEIVED_BY] = g_param_spec_string ("received-by", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_SCHOOL_NUMBER] = g_param_spec_string ("school-number", NULL, NULL, NULL, ro);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_handover_init (HpHandover *self)
{
}

HpHandover *
hp_handover_new (gint64      campaign_id,
                 gint64      school_id,
                 const char *iso_date,
                 gint64      standard,
                 gint64      under18)
{
  HpHandover *self = g_object_new (HP_TYPE_HANDOVER, NULL);

  /* Direct assignment: nobody can be listening yet. */
  self->campaign_id = campaign_id;
  self->school_id = school_id;
  _hp_set_str (&self->date, iso_date);
  self->standard = standard;
  self->under18 = under18;
  return self;
}

#define INT64_ACCESSORS(field, PROP, ...)                                    \
gint64                                                                       \
hp_handover_get_##field (HpHandover *self)                                   \
{                                                                            \
  g_return_val_if_fail (HP_IS_HANDOVER (self), 0);                           \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_handover_set_##field (HpHandover *self,                                   \
                         gint64      value)                                  \
{                                                                            \
  g_return_if_fail (HP_IS_HANDOVER (self));                                  \
                                                                             \
  if (self->field == value)                                                  \
    return;                                                                  \
                                                                             \
  self->field = value;                                                       \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);              \
  __VA_ARGS__                                                                \
}

INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (campaign_id, PROP_CAMPAIGN_ID)
INT64_ACCESSORS (school_id, PROP_SCHOOL_ID)
INT64_ACCESSORS (standard, PROP_STANDARD, g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);)
INT64_ACCESSORS (under18, PROP_UNDER18, g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);)

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_handover_get_##field (HpHandover *self)                                   \
{                                                                            \
  g_return_val_if_fail (HP_IS_HANDOVER (self), NULL);                        \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_handover_set_##field (HpHandover *self,                                   \
                         const char *value)                                  \
{                                                                            \
  g_return_if_fail (HP_IS_HANDOVER (self));                                  \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (date, PROP_DATE)
STRING_ACCESSORS (received_by, PROP_RECEIVED_BY)
STRING_ACCESSORS (note, PROP_NOTE)

gint64
hp_handover_get_total (HpHandover *self)
{
  g_return_val_if_fail (HP_IS_HANDOVER (self), 0);
  return self->standard + self->under18;
}

const char *
hp_handover_get_school_number (HpHandover *self)
{
  g_return_val_if_fail (HP_IS_HANDOVER (self), NULL);
  return self->school_number;
}

const char *
hp_handover_get_school_name (HpHandover *self)
{
  g_return_val_if_fail (HP_IS_HANDOVER (self), NULL);
  return self->school_name;
}

void
hp_handover_set_school (HpHandover *self,
                        const char *number,
                        const char *name)
{
  g_return_if_fail (HP_IS_HANDOVER (self));

  if (_hp_set_str (&self->school_number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_NUMBER]);
  if (_hp_set_str (&self->school_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_NAME]);
}
