/* hp-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpItem is a plain value object for one thing that goes into the pack. Its
 * identity is its name key (hp_item_name_key()), so that two sponsors'
 * "Apfelschorle 0,33 l" are one item; the store makes the key and keeps it
 * beside the name.
 */

#include "config.h"

#include <string.h>

#include "heimpack/hp-item.h"
#include "hp-core-private.h"

struct _HpItem
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  gboolean  adult_only;

  /* Figures, read-only */
  guint     gifts;
  char    **sponsors;    /* never NULL */
  gboolean  in_pack;
  guint     per_standard;
  guint     per_under18;
  int       position;
  gint64    pledged;
  gint64    received;
};

G_DEFINE_FINAL_TYPE (HpItem, hp_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ADULT_ONLY,
  PROP_GIFTS,
  PROP_SPONSORS,
  PROP_IN_PACK,
  PROP_PER_STANDARD,
  PROP_PER_UNDER18,
  PROP_POSITION,
  PROP_PLEDGED,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hp_item_finalize (GObject *object)
{
  HpItem *self = (HpItem *)object;

  g_free (self->name);
  g_strfreev (self->sponsors);

  G_OBJECT_CLASS (hp_item_parent_class)->finalize (object);
}

static void
hp_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HpItem *self = HP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_NAME:         g_value_set_string (value, self->name); break;
    case PROP_ADULT_ONLY:   g_value_set_boolean (value, self->adult_only); break;
    case PROP_GIFTS:        g_value_set_uint (value, self->gifts); break;
    case PROP_SPONSORS:     g_value_set_boxed (value, self->sponsors); break;
    case PROP_IN_PACK:      g_value_set_boolean (value, self->in_pack); break;
    case PROP_PER_STANDARD: g_value_set_uint (value, self->per_standard); break;
    case PROP_PER_UNDER18:  g_value_set_uint (value, self->per_under18); break;
    case PROP_POSITION:     g_value_set_int (value, self->position); break;
    case PROP_PLEDGED:      g_value_set_int64 (value, self->pledged); break;
    case PROP_RECEIVED:     g_value_set_int64 (value, self->received); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HpItem *self = HP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:         hp_item_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME:       hp_item_set_name (self, g_value_get_string (value)); break;
    case PROP_ADULT_ONLY: hp_item_set_adult_only (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_item_class_init (HpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hp_item_finalize;
  object_class->get_property = hp_item_get_property;
  object_class->set_property = hp_item_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ADULT_ONLY] = g_param_spec_boolean ("adult-only", NULL, NULL, FALSE, rw);
  properties[PROP_GIFTS] = g_param_spec_uint ("gifts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SPONSORS] = g_param_spec_boxed ("sponsors", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_IN_PACK] = g_param_spec_boolean ("in-pack", NULL, NULL, FALSE, ro);
  properties[PROP_PER_STANDARD] = g_param_spec_uint ("per-standard", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PER_UNDER18] = g_param_spec_uint ("per-under18", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_PLEDGED] = g_param_spec_int64 ("pledged", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_RECEIVED] = g_param_spec_int64 ("received", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_item_init (HpItem *self)
{
  self->sponsors = g_new0 (char *, 1);
}

HpItem *
hp_item_new (const char *name)
{
  HpItem *self = g_object_new (HP_TYPE_ITEM, NULL);

  _hp_set_str (&self->name, name);
  return self;
}

gint64
hp_item_get_id (HpItem *self)
{
  g_return_val_if_fail (HP_IS_ITEM (self), 0);
  return self->id;
}

void
hp_item_set_id (HpItem *self,
                gint64  id)
{
  g_return_if_fail (HP_IS_ITEM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hp_item_get_name (HpItem *self)
{
  g_return_val_if_fail (HP_IS_ITEM (self), NULL);
  return self->name;
}

void
hp_item_set_name (HpItem     *self,
                  const char *name)
{
  g_return_if_fail (HP_IS_ITEM (self));

  if (_hp_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
hp_item_get_adult_only (HpItem *self)
{
  g_return_val_if_fail (HP_IS_ITEM (self), FALSE);
  return self->adult_only;
}

void
hp_item_set_adult_only (HpItem   *self,
                        gboolean  adult_only)
{
  g_return_if_fail (HP_IS_ITEM (self));

  adult_only = !!adult_only;
  if (self->adult_only == adult_only)
    return;

  self->adult_only = adult_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADULT_ONLY]);
}

#define FIGURE_GETTER(type, field, fallback)      \
type                                              \
hp_item_get_##field (HpItem *self)                \
{                                                 \
  g_return_val_if_fail (HP_IS_ITEM (self), fallback); \
  return self->field;                             \
}

FIGURE_GETTER (guint, gifts, 0)
FIGURE_GETTER (gboolean, in_pack, FALSE)
FIGURE_GETTER (guint, per_standard, 0)
FIGURE_GETTER (guint, per_under18, 0)
FIGURE_GETTER (int, position, 0)
FIGURE_GETTER (gint64, pledged, 0)
FIGURE_GETTER (gint64, received, 0)

#undef FIGURE_GETTER

const char * const *
hp_item_get_sponsors (HpItem *self)
{
  g_return_val_if_fail (HP_IS_ITEM (self), NULL);
  return (const char * const *) self->sponsors;
}

void
hp_item_set_figures (HpItem              *self,
                     guint                gifts,
                     const char * const  *sponsors,
                     gboolean             in_pack,
                     guint                per_standard,
                     guint                per_under18,
                     int                  position,
                     gint64               pledged,
                     gint64               received)
{
  g_return_if_fail (HP_IS_ITEM (self));

  /* Figures are filled in once, right after reading; nobody listens yet, so
   * one notification of the whole object would be noise. */
  self->gifts = gifts;
  g_strfreev (self->sponsors);
  self->sponsors = sponsors != NULL ? g_strdupv ((char **) sponsors) : g_new0 (char *, 1);
  self->in_pack = !!in_pack;
  self->per_standard = per_standard;
  self->per_under18 = per_under18;
  self->position = position;
  self->pledged = pledged;
  self->received = received;
}

char *
hp_item_name_trim (const char *name)
{
  const char *start;
  const char *end;

  if (name == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (name, -1, NULL))
    return g_strstrip (g_strdup (name));

  /* Unicode white space too: a name pasted from a spreadsheet or a web page
   * often ends in a no-break space. */
  start = name;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, (gsize) (end - start));
}

char *
hp_item_name_key (const char *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  char *key;

  if (name == NULL)
    return g_strdup ("");

  trimmed = hp_item_name_trim (name);
  nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)   /* not UTF-8: compare the bytes as they are */
    return g_steal_pointer (&trimmed);

  folded = g_utf8_casefold (nfc, -1);
  /* Folding can leave a sequence that is no longer composed ("ǰ" → j +
   * caron): compose again, so that equal keys are equal bytes. */
  key = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  return key ? key : g_steal_pointer (&folded);
}
