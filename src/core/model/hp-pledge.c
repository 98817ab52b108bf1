/* hp-pledge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpPledge is a plain value object: what a sponsor promised for one product
 * in one campaign. `received` is a read-only property that
 * hp_store_list_pledges() fills in through hp_pledge_set_received().
 */

#include "config.h"

#include "heimpack/hp-pledge.h"
#include "hp-core-private.h"

struct _HpPledge
{
  GObject parent_instance;

  gint64    id;
  gint64    campaign_id;
  gint64    product_id;
  gint64    quantity;
  char     *due_date;
  gboolean  confirmed;

  gint64    received;
};

G_DEFINE_FINAL_TYPE (HpPledge, hp_pledge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_PRODUCT_ID,
  PROP_QUANTITY,
  PROP_DUE_DATE,
  PROP_CONFIRMED,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_pledge_finalize (GObject *object)
{
  HpPledge *self = (HpPledge *)object;

  g_free (self->due_date);

  G_OBJECT_CLASS (hp_pledge_parent_class)->finalize (object);
}

static void
hp_pledge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HpPledge *self = HP_PLEDGE (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_CAMPAIGN_ID: g_value_set_int64 (value, self->campaign_id); break;
    case PROP_PRODUCT_ID:  g_value_set_int64 (value, self->product_id); break;
    case PROP_QUANTITY:    g_value_set_int64 (value, self->quantity); break;
    case PROP_DUE_DATE:    g_value_set_string (value, self->due_date); break;
    case PROP_CONFIRMED:   g_value_set_boolean (value, self->confirmed); break;
    case PROP_RECEIVED:    g_value_set_int64 (value, self->received); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_pledge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HpPledge *self = HP_PLEDGE (object);

  switch (prop_id)
    {
    case PROP_ID:          hp_pledge_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CAMPAIGN_ID: hp_pledge_set_campaign_id (self, g_value_get_int64 (value)); break;
    case PROP_PRODUCT_ID:  hp_pledge_set_product_id (self, g_value_get_int64 (value)); break;
    case PROP_QUANTITY:    hp_pledge_set_quantity (self, g_value_get_int64 (value)); break;
    case PROP_DUE_DATE:    hp_pledge_set_due_date (self, g_value_get_string (value)); break;
    case PROP_CONFIRMED:   hp_pledge_set_confirmed (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_pledge_class_init (HpPledgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_pledge_finalize;
  object_class->get_property = hp_pledge_get_property;
  object_class->set_property = hp_pledge_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PRODUCT_ID] = g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_QUANTITY] = g_param_spec_int64 ("quantity", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, rw);
  properties[PROP_CONFIRMED] = g_param_spec_boolean ("confirmed", NULL, NULL, TRUE, rw);
  properties[PROP_RECEIVED] = g_param_spec_int64 ("received", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_pledge_init (HpPledge *self)
{
  self->confirmed = TRUE;
}

HpPledge *
hp_pledge_new (gint64  campaign_id,
               gint64  product_id,
               gint64  quantity)
{
  HpPledge *self = g_object_new (HP_TYPE_PLEDGE, NULL);

  /* Direct assignment: nobody can be listening yet. */
  self->campaign_id = campaign_id;
  self->product_id = product_id;
  self->quantity = quantity;
  return self;
}

gint64
hp_pledge_get_id (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), 0);
  return self->id;
}

void
hp_pledge_set_id (HpPledge *self,
                  gint64    id)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hp_pledge_get_campaign_id (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), 0);
  return self->campaign_id;
}

void
hp_pledge_set_campaign_id (HpPledge *self,
                           gint64    campaign_id)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  if (self->campaign_id == campaign_id)
    return;

  self->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

gint64
hp_pledge_get_product_id (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), 0);
  return self->product_id;
}

void
hp_pledge_set_product_id (HpPledge *self,
                          gint64    product_id)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

gint64
hp_pledge_get_quantity (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), 0);
  return self->quantity;
}

void
hp_pledge_set_quantity (HpPledge *self,
                        gint64    quantity)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_pledge_get_##field (HpPledge *self)                                       \
{                                                                            \
  g_return_val_if_fail (HP_IS_PLEDGE (self), NULL);                          \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_pledge_set_##field (HpPledge   *self,                                     \
                       const char *value)                                    \
{                                                                            \
  g_return_if_fail (HP_IS_PLEDGE (self));                                    \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (due_date, PROP_DUE_DATE)

#undef STRING_ACCESSORS

gboolean
hp_pledge_get_confirmed (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), FALSE);
  return self->confirmed;
}

void
hp_pledge_set_confirmed (HpPledge *self,
                         gboolean  confirmed)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  confirmed = !!confirmed;

  if (self->confirmed == confirmed)
    return;

  self->confirmed = confirmed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED]);
}

gint64
hp_pledge_get_received (HpPledge *self)
{
  g_return_val_if_fail (HP_IS_PLEDGE (self), 0);
  return self->received;
}

/**
 * hp_pledge_set_received:
 *
 * Sets the read-only `received` figure (the store's sum of the receipts).
 */
void
hp_pledge_set_received (HpPledge *self,
                        gint64    received)
{
  g_return_if_fail (HP_IS_PLEDGE (self));

  if (self->received == received)
    return;

  self->received = received;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
}
