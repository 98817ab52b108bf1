/* hp-core-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the core's own files. Not part of the contract.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * _hp_set_str:
 * Replaces *field with a copy of @value; "" is stored as NULL so that an empty
 * field and an unset one are the same thing everywhere (store, UI, exports).
 * Returns TRUE if the value changed, for g_object_notify_by_pspec().
 */
static inline gboolean
_hp_set_str (char       **field,
             const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

G_END_DECLS
