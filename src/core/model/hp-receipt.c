/* hp-receipt.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpReceipt is a plain value object for one delivery against a pledge. The
 * store validates it on save (date required, quantity > 0).
 */

#include "config.h"

#include "heimpack/hp-receipt.h"
#include "hp-core-private.h"

struct _HpReceipt
{
  GObject parent_instance;

  gint64  id;
  gint64  pledge_id;
  char   *date;
  gint64  quantity;
  char   *note;

  /* The gift it was booked on, filled in by the store */
  gint64  campaign_id;
  gint64  product_id;
  char   *item_name;
  char   *sponsor_name;
};

G_DEFINE_FINAL_TYPE (HpReceipt, hp_receipt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLEDGE_ID,
  PROP_DATE,
  PROP_QUANTITY,
  PROP_NOTE,
  PROP_CAMPAIGN_ID,
  PROP_PRODUCT_ID,
  PROP_ITEM_NAME,
  PROP_SPONSOR_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_receipt_finalize (GObject *object)
{
  HpReceipt *self = (HpReceipt *)object;

  g_free (self->date);
  g_free (self->note);
  g_free (self->item_name);
  g_free (self->sponsor_name);

  G_OBJECT_CLASS (hp_receipt_parent_class)->finalize (object);
}

static void
hp_receipt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HpReceipt *self = HP_RECEIPT (object);

  switch (prop_id)
    {
    case PROP_ID:        g_value_set_int64 (value, self->id); break;
    case PROP_PLEDGE_ID: g_value_set_int64 (value, self->pledge_id); break;
    case PROP_DATE:      g_value_set_string (value, self->date); break;
    case PROP_QUANTITY:  g_value_set_int64 (value, self->quantity); break;
    case PROP_NOTE:      g_value_set_string (value, self->note); break;
    case PROP_CAMPAIGN_ID:  g_value_set_int64 (value, self->campaign_id); break;
    case PROP_PRODUCT_ID:   g_value_set_int64 (value, self->product_id); break;
    case PROP_ITEM_NAME:    g_value_set_string (value, self->item_name); break;
    case PROP_SPONSOR_NAME: g_value_set_string (value, self->sponsor_name); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_receipt_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HpReceipt *self = HP_RECEIPT (object);

  switch (prop_id)
    {
    case PROP_ID:        hp_receipt_set_id (self, g_value_get_int64 (value)); break;
    case PROP_PLEDGE_ID: hp_receipt_set_pledge_id (self, g_value_get_int64 (value)); break;
    case PROP_DATE:      hp_receipt_set_date (self, g_value_get_string (value)); break;
    case PROP_QUANTITY:  hp_receipt_set_quantity (self, g_value_get_int64 (value)); break;
    case PROP_NOTE:      hp_receipt_set_note (self, g_value_get_string (value)); break;
    case PROP_PRODUCT_ID: hp_receipt_set_product_id (self, g_value_get_int64 (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_receipt_class_init (HpReceiptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_receipt_finalize;
  object_class->get_property = hp_receipt_get_property;
  object_class->set_property = hp_receipt_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PLEDGE_ID] = g_param_spec_int64 ("pledge-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_QUANTITY] = g_param_spec_int64 ("quantity", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_ID] = g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ITEM_NAME] = g_param_spec_string ("item-name", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPONSOR_NAME] = g_param_spec_string ("sponsor-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_receipt_init (HpReceipt *self)
{
}

HpReceipt *
hp_receipt_new (gint64      pledge_id,
                const char *iso_date,
                gint64      quantity)
{
  HpReceipt *self = g_object_new (HP_TYPE_RECEIPT, NULL);

  /* Direct assignment: nobody can be listening yet. */
  self->pledge_id = pledge_id;
  _hp_set_str (&self->date, iso_date);
  self->quantity = quantity;
  return self;
}

gint64
hp_receipt_get_id (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), 0);
  return self->id;
}

void
hp_receipt_set_id (HpReceipt *self,
                   gint64     id)
{
  g_return_if_fail (HP_IS_RECEIPT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
hp_receipt_get_pledge_id (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), 0);
  return self->pledge_id;
}

void
hp_receipt_set_pledge_id (HpReceipt *self,
                          gint64     pledge_id)
{
  g_return_if_fail (HP_IS_RECEIPT (self));

  if (self->pledge_id == pledge_id)
    return;

  self->pledge_id = pledge_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLEDGE_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
const char *                                                                 \
hp_receipt_get_##field (HpReceipt *self)                                     \
{                                                                            \
  g_return_val_if_fail (HP_IS_RECEIPT (self), NULL);                         \
  return self->field;                                                        \
}                                                                            \
                                                                             \
void                                                                         \
hp_receipt_set_##field (HpReceipt  *self,                                    \
                        const char *value)                                   \
{                                                                            \
  g_return_if_fail (HP_IS_RECEIPT (self));                                   \
                                                                             \
  if (_hp_set_str (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
}

STRING_ACCESSORS (date, PROP_DATE)
STRING_ACCESSORS (note, PROP_NOTE)

#undef STRING_ACCESSORS

gint64
hp_receipt_get_quantity (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), 0);
  return self->quantity;
}

void
hp_receipt_set_quantity (HpReceipt *self,
                         gint64     quantity)
{
  g_return_if_fail (HP_IS_RECEIPT (self));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

gint64
hp_receipt_get_campaign_id (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), 0);
  return self->campaign_id;
}

gint64
hp_receipt_get_product_id (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), 0);
  return self->product_id;
}

void
hp_receipt_set_product_id (HpReceipt *self,
                           gint64     product_id)
{
  g_return_if_fail (HP_IS_RECEIPT (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

const char *
hp_receipt_get_item_name (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), NULL);
  return self->item_name;
}

const char *
hp_receipt_get_sponsor_name (HpReceipt *self)
{
  g_return_val_if_fail (HP_IS_RECEIPT (self), NULL);
  return self->sponsor_name;
}

void
hp_receipt_set_gift (HpReceipt  *self,
                     gint64      campaign_id,
                     gint64      product_id,
                     const char *item_name,
                     const char *sponsor_name)
{
  g_return_if_fail (HP_IS_RECEIPT (self));

  /* Filled in once, right after reading: nobody listens yet. */
  self->campaign_id = campaign_id;
  self->product_id = product_id;
  _hp_set_str (&self->item_name, item_name);
  _hp_set_str (&self->sponsor_name, sponsor_name);
}
