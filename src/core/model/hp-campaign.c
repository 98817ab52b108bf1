/* hp-campaign.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpCampaign is a plain value object for one year's drive. The store fills
 * it and validates it on save (e.g. the year range), the UI binds to its
 * properties, and nothing in it talks to the database.
 */

#include "config.h"

#include "heimpack/hp-campaign.h"
#include "hp-core-private.h"

struct _HpCampaign
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  int     year;
  char   *handover_date;
  int     spare_percent;
};

G_DEFINE_FINAL_TYPE (HpCampaign, hp_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_YEAR,
  PROP_HANDOVER_DATE,
  PROP_SPARE_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_campaign_finalize (GObject *object)
{
  HpCampaign *self = (HpCampaign *)object;

  g_free (self->name);
  g_free (self->handover_date);

  G_OBJECT_CLASS (hp_campaign_parent_class)->finalize (object);
}

static void
hp_campaign_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HpCampaign *self = HP_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_NAME:          g_value_set_string (value, self->name); break;
    case PROP_YEAR:          g_value_set_int (value, self->year); break;
    case PROP_HANDOVER_DATE: g_value_set_string (value, self->handover_date); break;
    case PROP_SPARE_PERCENT: g_value_set_int (value, self->spare_percent); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_campaign_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HpCampaign *self = HP_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:            hp_campaign_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME:          hp_campaign_set_name (self, g_value_get_string (value)); break;
    case PROP_YEAR:          hp_campaign_set_year (self, g_value_get_int (value)); break;
    case PROP_HANDOVER_DATE: hp_campaign_set_handover_date (self, g_value_get_string (value)); break;
    case PROP_SPARE_PERCENT: hp_campaign_set_spare_percent (self, g_value_get_int (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_campaign_class_init (HpCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_campaign_finalize;
  object_class->get_property = hp_campaign_get_property;
  object_class->set_property = hp_campaign_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, rw);
  properties[PROP_HANDOVER_DATE] = g_param_spec_string ("handover-date", NULL, NULL, NULL, rw);
  properties[PROP_SPARE_PERCENT] = g_param_spec_int ("spare-percent", NULL, NULL, 0, 100, 5, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_campaign_init (HpCampaign *self)
{
  self->spare_percent = 5;
}

HpCampaign *
hp_campaign_new (const char *name,
                 int         year)
{
  HpCampaign *self = g_object_new (HP_TYPE_CAMPAIGN, NULL);

  /* Direct assignment: nobody can be listening yet. */
  _hp_set_str (&self->name, name);
  self->year = year;
  return self;
}

gint64
hp_campaign_get_id (HpCampaign *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN (self), 0);
  return self->id;
}

void
hp_campaign_set_id (HpCampaign *self,
                    gint64      id)
{
  g_return_if_fail (HP_IS_CAMPAIGN (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_campaign_get_##field (HpCampaign *self)                                   \
{                                                                            \
  g_return_val_if_fail (HP_IS_CAMPAIGN (self), NULL);                        \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_campaign_set_##field (HpCampaign *self,                                   \
                         const char *value)                                  \
{                                                                            \
  g_return_if_fail (HP_IS_CAMPAIGN (self));                                  \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (handover_date, PROP_HANDOVER_DATE)

#undef STRING_ACCESSORS

int
hp_campaign_get_year (HpCampaign *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN (self), 0);
  return self->year;
}

void
hp_campaign_set_year (HpCampaign *self,
                      int         year)
{
  g_return_if_fail (HP_IS_CAMPAIGN (self));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
hp_campaign_get_spare_percent (HpCampaign *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN (self), 0);
  return self->spare_percent;
}

void
hp_campaign_set_spare_percent (HpCampaign *self,
                               int         percent)
{
  g_return_if_fail (HP_IS_CAMPAIGN (self));

  if (self->spare_percent == percent)
    return;

  self->spare_percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPARE_PERCENT]);
}

char *
hp_campaign_dup_age_day (HpCampaign *self,
                         gboolean   *out_assumed)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN (self), NULL);

  if (out_assumed != NULL)
    *out_assumed = self->handover_date == NULL;

  if (self->handover_date != NULL)
    return g_strdup (self->handover_date);

  return g_strdup_printf ("%04d-06-30", self->year);
}
