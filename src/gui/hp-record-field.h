/* hp-record-field.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of a record editor, described by static tables, and the text
 * rules behind them: how a value is shown for editing, parsed back and
 * checked. No widgets here, so the rules can be tested on their own.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HpFieldKind:
 * @HP_FIELD_TEXT: free text (a string)
 * @HP_FIELD_EMAIL: an e-mail address, `x@y.z` (a string)
 * @HP_FIELD_POSTCODE: a German postcode of five digits (a string)
 * @HP_FIELD_MONEY: euros typed as `3,99`, stored as #gint64 cents
 * @HP_FIELD_COUNT: a whole number ≥ 0 (#gint64; empty is %HP_UNSET)
 * @HP_FIELD_DATE: a date typed `dd.mm.yyyy`, stored as ISO `YYYY-MM-DD`
 * @HP_FIELD_DATETIME: date and time `dd.mm.yyyy hh:mm`, stored as ISO
 *   `YYYY-MM-DDTHH:MM` (the time may be left out)
 * @HP_FIELD_SWITCH: on or off (a #gboolean)
 * @HP_FIELD_CHOICE: one item of a list, stored as its `id` (#gint64)
 */
typedef enum
{
  HP_FIELD_TEXT,
  HP_FIELD_EMAIL,
  HP_FIELD_POSTCODE,
  HP_FIELD_MONEY,
  HP_FIELD_COUNT,
  HP_FIELD_DATE,
  HP_FIELD_DATETIME,
  HP_FIELD_SWITCH,
  HP_FIELD_CHOICE,
} HpFieldKind;

/**
 * HpFieldFlags:
 * @HP_FIELD_REQUIRED: may not be left empty
 * @HP_FIELD_POSITIVE: a %HP_FIELD_COUNT that must be > 0
 */
typedef enum
{
  HP_FIELD_DEFAULT  = 0,
  HP_FIELD_REQUIRED = 1 << 0,
  HP_FIELD_POSITIVE = 1 << 1,
} HpFieldFlags;

/**
 * HpFieldSpec:
 * @key: the record's property of that name, if it has one (read to fill
 *   the field in, written on save if writable); otherwise a name the page
 *   uses with hp_record_dialog_get_int() and friends
 * @title: the row title, marked with N_()
 * @kind: what is typed and stored
 * @flags: #HpFieldFlags
 * @subtitle: (nullable): for a switch, the explanation under its title;
 *   for a required field, the message while it is empty; marked with N_()
 */
typedef struct
{
  const char   *key;
  const char   *title;
  HpFieldKind   kind;
  HpFieldFlags  flags;
  const char   *subtitle;
} HpFieldSpec;

/**
 * HpFieldGroup:
 * @title: (nullable): the group title, marked with N_()
 * @fields: (array length=n_fields): the group's rows
 *
 * One #AdwPreferencesGroup of the editor.
 */
typedef struct
{
  const char        *title;
  const HpFieldSpec *fields;
  guint              n_fields;
} HpFieldGroup;

#define HP_FIELD_GROUP(title, fields) { title, fields, G_N_ELEMENTS (fields) }

GType  hp_field_kind_get_value_type (HpFieldKind        kind);
char  *hp_field_format              (const HpFieldSpec *spec,
                                     const GValue      *value);
char  *hp_field_parse               (const HpFieldSpec *spec,
                                     const char        *text,
                                     GValue            *value);
char  *hp_field_format_iso_date     (const char        *iso);

G_END_DECLS
