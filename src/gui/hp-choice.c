/* hp-choice.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thing to choose from a list (a school, a district): its id, a title
 * and the details that tell it from others of the same title ("170001 ·
 * Arnsberg"). An HpChoiceRow searches them; the import summary lists them.
 */

#define G_LOG_DOMAIN "hp-choice"

#include "config.h"

#include <string.h>

#include "hp-choice.h"

struct _HpChoice
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *details;
  char    *folded;   /* id, title and details, normalized and case-folded */
};

G_DEFINE_FINAL_TYPE (HpChoice, hp_choice, G_TYPE_OBJECT)

static char *
dup_folded (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

static void
hp_choice_finalize (GObject *object)
{
  HpChoice *self = HP_CHOICE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->details);
  g_free (self->folded);

  G_OBJECT_CLASS (hp_choice_parent_class)->finalize (object);
}

static void
hp_choice_class_init (HpChoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hp_choice_finalize;
}

static void
hp_choice_init (HpChoice *self)
{
}

/**
 * hp_choice_new:
 * @id: (nullable): what the choice stands for, e.g. a school's number
 * @title: what people read first, e.g. the school's name
 * @details: (nullable): a second line
 */
HpChoice *
hp_choice_new (const char *id,
               const char *title,
               const char *details)
{
  HpChoice *self = g_object_new (HP_TYPE_CHOICE, NULL);
  g_autofree char *joined = NULL;

  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");
  self->details = g_strdup (details);
  joined = g_strjoin (" ", id ? id : "", self->title, details ? details : "", NULL);
  self->folded = dup_folded (joined);

  return self;
}

const char *
hp_choice_get_id (HpChoice *self)
{
  g_return_val_if_fail (HP_IS_CHOICE (self), NULL);

  return self->id;
}

const char *
hp_choice_get_title (HpChoice *self)
{
  g_return_val_if_fail (HP_IS_CHOICE (self), NULL);

  return self->title;
}

const char *
hp_choice_get_details (HpChoice *self)
{
  g_return_val_if_fail (HP_IS_CHOICE (self), NULL);

  return self->details;
}

/**
 * hp_choice_matches:
 * @search: what was typed
 *
 * Returns: %TRUE if every word of @search is in the id, title or details,
 *   in any case (and any Unicode normal form)
 */
gboolean
hp_choice_matches (HpChoice   *self,
                   const char *search)
{
  g_autofree char *needle = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HP_IS_CHOICE (self), FALSE);

  needle = dup_folded (search);
  words = g_strsplit_set (needle, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (self->folded, words[i]) == NULL)
      return FALSE;

  return TRUE;
}
