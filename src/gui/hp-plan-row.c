/* hp-plan-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are filled once, before they go into a model, and never change: the
 * planning page replaces them all when the plan is computed again. So the
 * setter emits no notifications.
 */

#define G_LOG_DOMAIN "hp-plan-page"

#include "config.h"

#include "hp-plan-row.h"

struct _HpPlanRow
{
  GObject  parent_instance;

  /* Owned */
  char    *name;
  char    *detail;
  char    *note;
  gint64   values[HP_PLAN_ROW_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (HpPlanRow, hp_plan_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DETAIL,
  PROP_NOTE,
  PROP_FRACTION,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + HP_PLAN_ROW_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

/* the property names of HpPlanRowField, in order */
static const char * const field_names[HP_PLAN_ROW_N_FIELDS] = {
  "per-standard",
  "per-under18",
  "needed",
  "received",
  "shortfall",
  "to-chase",
  "needed-standard",
  "needed-under18",
  "allocated-standard",
  "allocated-under18",
  "allocated",
  "graduates",
  "delivered",
  "handed-out",
};

/**
 * hp_plan_row_new:
 * @name: (nullable): an item or a school
 * @detail: (nullable): its sponsors, school number, …
 */
HpPlanRow *
hp_plan_row_new (const char *name,
                 const char *detail)
{
  HpPlanRow *self = g_object_new (HP_TYPE_PLAN_ROW, NULL);

  self->name = g_strdup (name ? name : "");
  self->detail = g_strdup (detail ? detail : "");
  self->note = g_strdup ("");

  return self;
}

const char *
hp_plan_row_get_name (HpPlanRow *self)
{
  g_return_val_if_fail (HP_IS_PLAN_ROW (self), NULL);

  return self->name;
}

const char *
hp_plan_row_get_detail (HpPlanRow *self)
{
  g_return_val_if_fail (HP_IS_PLAN_ROW (self), NULL);

  return self->detail;
}

const char *
hp_plan_row_get_note (HpPlanRow *self)
{
  g_return_val_if_fail (HP_IS_PLAN_ROW (self), NULL);

  return self->note;
}

/**
 * hp_plan_row_set_note:
 * @note: (nullable): a third text: where a school's figure comes from, a
 *   sponsor's phone and e-mail, …
 *
 * Only while the row is being filled, before anyone shows it.
 */
void
hp_plan_row_set_note (HpPlanRow  *self,
                      const char *note)
{
  g_return_if_fail (HP_IS_PLAN_ROW (self));

  g_free (self->note);
  self->note = g_strdup (note ? note : "");
}

gint64
hp_plan_row_get (HpPlanRow      *self,
                 HpPlanRowField  field)
{
  g_return_val_if_fail (HP_IS_PLAN_ROW (self), 0);
  g_return_val_if_fail (field < HP_PLAN_ROW_N_FIELDS, 0);

  return self->values[field];
}

/**
 * hp_plan_row_set:
 *
 * Only while the row is being filled, before anyone shows it.
 */
void
hp_plan_row_set (HpPlanRow      *self,
                 HpPlanRowField  field,
                 gint64          value)
{
  g_return_if_fail (HP_IS_PLAN_ROW (self));
  g_return_if_fail (field < HP_PLAN_ROW_N_FIELDS);

  self->values[field] = value;
}

/**
 * hp_plan_row_get_fraction:
 *
 * Returns: how much of what is needed was received, from 0 to 1 (1 when
 *   nothing is needed).
 */
double
hp_plan_row_get_fraction (HpPlanRow *self)
{
  gint64 needed, received;

  g_return_val_if_fail (HP_IS_PLAN_ROW (self), 0.0);

  needed = self->values[HP_PLAN_ROW_NEEDED];
  received = MAX (self->values[HP_PLAN_ROW_RECEIVED], 0);

  if (needed <= 0 || received >= needed)
    return 1.0;

  return (double) received / (double) needed;
}

static void
hp_plan_row_finalize (GObject *object)
{
  HpPlanRow *self = HP_PLAN_ROW (object);

  g_free (self->name);
  g_free (self->detail);
  g_free (self->note);

  G_OBJECT_CLASS (hp_plan_row_parent_class)->finalize (object);
}

static void
hp_plan_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HpPlanRow *self = HP_PLAN_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, hp_plan_row_get_fraction (self));
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_int64 (value, self->values[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_plan_row_class_init (HpPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hp_plan_row_finalize;
  object_class->get_property = hp_plan_row_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < HP_PLAN_ROW_N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_int64 (field_names[i], NULL, NULL, G_MININT64, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_plan_row_init (HpPlanRow *self)
{
}
