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
};

G_DEFINE_FINAL_TYPE (HpReceipt, hp_receipt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLEDGE_ID,
  PROP_DATE,
  PROP_QUANTITY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_receipt_finalize (GObject *object)
{
  HpReceipt *self = (HpReceipt *)object;

  g_free (self->date);
  g_free (self->note);

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
