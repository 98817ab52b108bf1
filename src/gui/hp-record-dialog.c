/* hp-record-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpRecordDialog edits one record (a sponsor, a product, a school, a
 * graduate, a delivery) in a modal window in the style of GNOME 43's
 * editors: "Cancel" and "Save" in the header bar, one row per field in
 * preference groups. The rows come from a static table of #HpFieldSpec, so
 * every page gets the same behaviour:
 *
 * - each field is checked as you type; what is wrong is shown right under
 *   the row, and "Save" stays insensitive while anything is invalid;
 * - Escape or "Cancel" closes without writing anything;
 * - "Save" hands a fresh copy of the record with the fields applied to the
 *   page's save function, so a failed save leaves the original untouched;
 *   the store's message then shows at the top and the editor stays open;
 * - a text field can suggest what exists already as you type (e.g. the item
 *   names of other sponsors' gifts; hp-record-dialog-suggestions.c).
 */

#define G_LOG_DOMAIN "hp-record-dialog"

#include "config.h"


#include <glib/gi18n.h>
#include <heimpack/heimpack.h>

#include "hp-date-button.h"
#include "hp-record-dialog-private.h"
#include "hp-record-dialog-suggestions.h"

typedef struct
{
  const HpFieldSpec *spec;
  GParamSpec        *pspec;        /* the record's property of that name, if any */

  /* Borrowed: children of the dialog */
  GtkWidget         *row;
  GtkWidget         *editor;       /* the entry row, a GtkSwitch or a GtkDropDown */
  GtkWidget         *date_button;  /* of a date field, or NULL */
  GtkWidget         *message_row;
  GtkLabel          *message;

  /* Owned */
  HpRecordSuggestions *suggestions; /* or NULL */
  GValue             value;
  char              *problem;      /* what is wrong with the text, or NULL */
  char              *explanation;  /* why the field is insensitive, or NULL */
  gint64             wanted_id;    /* a choice set before its items */
  gboolean           touched;
} Field;

struct _HpRecordDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesPage *preferences_page;

  /* Owned */
  GType               record_type;
  GObject            *original;
  GPtrArray          *groups;      /* of AdwPreferencesGroup, borrowed */
  GPtrArray          *fields;      /* of Field */
  HpRecordSaveFunc    save_func;
  gpointer            save_data;
  GDestroyNotify      save_destroy;

  guint               loading : 1;
};

G_DEFINE_FINAL_TYPE (HpRecordDialog, hp_record_dialog, ADW_TYPE_WINDOW)

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (gpointer data)
{
  Field *field = data;

  g_value_unset (&field->value);
  g_clear_pointer (&field->suggestions, _hp_record_suggestions_free);
  g_free (field->problem);
  g_free (field->explanation);
  g_free (field);
}

static Field *
find_field (HpRecordDialog *self,
            const char     *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->key, key))
        return field;
    }

  g_critical ("The editor has no field “%s”", key);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Checking                                                                  */

static void
update_message (Field *field)
{
  const char *text = NULL;
  gboolean is_error = FALSE;

  if (!gtk_widget_get_sensitive (field->row) && field->explanation != NULL)
    text = field->explanation;
  else if (field->problem != NULL && field->touched)
    text = field->problem, is_error = TRUE;
  else if (field->problem != NULL && field->spec->kind == HP_FIELD_CHOICE)
    /* a choice not made yet says why Save is insensitive, as a hint: it is
     * no error before the user has done anything */
    text = field->problem;

  gtk_label_set_label (field->message, text);
  gtk_widget_set_visible (field->message_row, text != NULL);

  if (is_error)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "dim-label");
    }
}

static void
update_save_enabled (HpRecordDialog *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->fields->len && valid; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      /* a field switched off counts as its default, not as its text */
      if (gtk_widget_get_sensitive (field->row) && field->problem != NULL)
        valid = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.save", valid);
}

static gint64
get_item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

/* Reads the field's widget into field->value and field->problem. */
static void
read_field (Field *field)
{
  GtkDropDown *drop_down;
  g_autoptr(GObject) item = NULL;

  g_clear_pointer (&field->problem, g_free);

  switch (field->spec->kind)
    {
    case HP_FIELD_SWITCH:
      g_value_set_boolean (&field->value, gtk_switch_get_active (GTK_SWITCH (field->editor)));
      break;

    case HP_FIELD_CHOICE:
      drop_down = GTK_DROP_DOWN (field->editor);
      if (gtk_drop_down_get_model (drop_down) != NULL &&
          gtk_drop_down_get_selected (drop_down) != GTK_INVALID_LIST_POSITION)
        item = g_list_model_get_item (gtk_drop_down_get_model (drop_down),
                                      gtk_drop_down_get_selected (drop_down));
      g_value_set_int64 (&field->value, item ? get_item_id (item) : field->wanted_id);
      if (g_value_get_int64 (&field->value) == 0 && (field->spec->flags & HP_FIELD_REQUIRED))
        field->problem = g_strdup (field->spec->subtitle ? _(field->spec->subtitle) : _("Required"));
      break;

    case HP_FIELD_TEXT:
    case HP_FIELD_EMAIL:
    case HP_FIELD_POSTCODE:
    case HP_FIELD_MONEY:
    case HP_FIELD_COUNT:
    case HP_FIELD_DATE:
    case HP_FIELD_DATETIME:
    default:
      g_value_unset (&field->value);
      field->problem = hp_field_parse (field->spec,
                                       gtk_editable_get_text (GTK_EDITABLE (field->editor)),
                                       &field->value);
      break;
    }
}

static void
field_changed (HpRecordDialog *self,
               Field          *field)
{
  read_field (field);

  if (field->suggestions != NULL && !self->loading)
    _hp_record_suggestions_update (field->suggestions);

  if (!self->loading)
    field->touched = TRUE;

  update_message (field);
  update_save_enabled (self);

  if (!self->loading)
    g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_string (field->spec->key),
                   field->spec->key);
}

static void
editor_changed_cb (HpRecordDialog *self,
                   GParamSpec     *pspec,
                   GtkWidget      *editor)
{
  field_changed (self, g_object_get_data (G_OBJECT (editor), "hp-field"));
}

static void
text_changed_cb (GtkEditable    *editable,
                 HpRecordDialog *self)
{
  field_changed (self, g_object_get_data (G_OBJECT (editable), "hp-field"));
}

/* ------------------------------------------------------------------------ */
/* Building the rows                                                         */

static GtkWidget *
create_entry_row (HpRecordDialog *self,
                  Field          *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);

  switch (field->spec->kind)
    {
    case HP_FIELD_EMAIL:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
      break;
    case HP_FIELD_POSTCODE:
    case HP_FIELD_COUNT:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;
    case HP_FIELD_MONEY:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), gtk_label_new ("€"));
      break;
    case HP_FIELD_DATE:
    case HP_FIELD_DATETIME:
      field->date_button = hp_date_button_new (GTK_EDITABLE (row));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), field->date_button);
      break;
    case HP_FIELD_TEXT:
    case HP_FIELD_SWITCH:
    case HP_FIELD_CHOICE:
    default:
      break;
    }

  field->editor = row;
  g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), self);
  return row;
}

/* GTK 4.8's drop-down says "(None)" while nothing is chosen, which reads
 * like a value ("no school"). Its button shows a stack whose "empty" page
 * is that label; say "Choose…" there instead. Leaves a drop-down of
 * another make alone. */
static void
set_drop_down_empty_text (GtkDropDown *drop_down,
                          const char  *text)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  GtkWidget *box = button ? gtk_widget_get_first_child (button) : NULL;
  GtkWidget *stack = box ? gtk_widget_get_first_child (box) : NULL;
  GtkWidget *empty = GTK_IS_STACK (stack) ? gtk_stack_get_child_by_name (GTK_STACK (stack), "empty") : NULL;

  if (GTK_IS_LABEL (empty))
    gtk_label_set_label (GTK_LABEL (empty), text);
}

static GtkWidget *
create_suffix_row (HpRecordDialog *self,
                   Field          *field)
{
  GtkWidget *row = adw_action_row_new ();

  if (field->spec->kind == HP_FIELD_SWITCH)
    {
      field->editor = gtk_switch_new ();
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->editor);
      g_signal_connect_object (field->editor, "notify::active", G_CALLBACK (editor_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    {
      field->editor = gtk_drop_down_new (NULL, NULL);
      /* Translators: a drop-down of a dialog with nothing chosen yet */
      set_drop_down_empty_text (GTK_DROP_DOWN (field->editor), _("Choose…"));
      g_signal_connect_object (field->editor, "notify::selected", G_CALLBACK (editor_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (field->spec->kind == HP_FIELD_SWITCH && field->spec->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->spec->subtitle));

  gtk_widget_set_valign (field->editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->spec->title),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->editor);
  return row;
}

static void
load_field (HpRecordDialog *self,
            Field          *field,
            GObject        *source)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (field->pspec == NULL || !(field->pspec->flags & G_PARAM_READABLE))
    return;

  g_value_init (&value, hp_field_kind_get_value_type (field->spec->kind));
  g_object_get_property (source, field->pspec->name, &value);

  switch (field->spec->kind)
    {
    case HP_FIELD_SWITCH:
      hp_record_dialog_set_boolean (self, field->spec->key, g_value_get_boolean (&value));
      break;
    case HP_FIELD_CHOICE:
    case HP_FIELD_MONEY:
    case HP_FIELD_COUNT:
      hp_record_dialog_set_int (self, field->spec->key, g_value_get_int64 (&value));
      break;
    case HP_FIELD_TEXT:
    case HP_FIELD_EMAIL:
    case HP_FIELD_POSTCODE:
    case HP_FIELD_DATE:
    case HP_FIELD_DATETIME:
    default:
      hp_record_dialog_set_string (self, field->spec->key, g_value_get_string (&value));
      break;
    }
}

static void
add_field (HpRecordDialog       *self,
           AdwPreferencesGroup  *group,
           const HpFieldSpec    *spec,
           GObjectClass         *record_class)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *label;

  field->spec = spec;
  field->pspec = g_object_class_find_property (record_class, spec->key);
  g_value_init (&field->value, hp_field_kind_get_value_type (spec->kind));
  g_ptr_array_add (self->fields, field);

  if (spec->kind == HP_FIELD_SWITCH || spec->kind == HP_FIELD_CHOICE)
    field->row = create_suffix_row (self, field);
  else
    field->row = create_entry_row (self, field);

  g_object_set_data (G_OBJECT (field->editor), "hp-field", field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(spec->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), FALSE);
  adw_preferences_group_add (group, field->row);

  /* The message goes right under its row, inside the list. Hidden rows
   * take no space and draw no separator. */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  field->message = GTK_LABEL (label);
  field->message_row = adw_preferences_row_new ();
  gtk_widget_add_css_class (field->message_row, "hp-field-message");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_widget_set_focusable (field->message_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), label);
  gtk_widget_set_visible (field->message_row, FALSE);
  adw_preferences_group_add (group, field->message_row);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->message, NULL,
                                  -1);
}

static void
build (HpRecordDialog     *self,
       const HpFieldGroup *groups,
       guint               n_groups)
{
  g_autoptr(GTypeClass) record_class = g_type_class_ref (self->record_type);
  g_autoptr(GObject) defaults = NULL;

  for (guint i = 0; i < n_groups; i++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      if (groups[i].title != NULL)
        adw_preferences_group_set_title (group, _(groups[i].title));

      for (guint j = 0; j < groups[i].n_fields; j++)
        add_field (self, group, &groups[i].fields[j], G_OBJECT_CLASS (record_class));

      adw_preferences_page_add (self->preferences_page, group);
      g_ptr_array_add (self->groups, group);
    }

  /* a new record starts with the defaults of its type */
  defaults = self->original ? g_object_ref (self->original) : g_object_new (self->record_type, NULL);

  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      load_field (self, field, defaults);
      field_changed (self, field);
    }
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                    */

static GObject *
create_draft (HpRecordDialog *self)
{
  GObject *draft = g_object_new (self->record_type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (self->original != NULL)
    {
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->original), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
              (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
            continue;

          g_value_init (&value, pspecs[i]->value_type);
          g_object_get_property (self->original, pspecs[i]->name, &value);
          g_object_set_property (draft, pspecs[i]->name, &value);
        }
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (field->pspec == NULL || !(field->pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, field->pspec->value_type);
      /* HP_UNSET has no place in an unsigned property: that means 0 */
      if (G_VALUE_HOLDS_INT64 (&field->value) && g_value_get_int64 (&field->value) < 0 &&
          (field->pspec->value_type == G_TYPE_UINT || field->pspec->value_type == G_TYPE_UINT64))
        continue;
      if (!g_value_transform (&field->value, &value))
        g_assert_not_reached ();
      g_object_set_property (draft, field->pspec->name, &value);
    }

  return draft;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HpRecordDialog *self = HP_RECORD_DIALOG (widget);
  g_autoptr(GObject) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->save_func != NULL);

  draft = create_draft (self);
  if (self->save_func (self, draft, self->save_data, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_label_set_label (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_record_dialog_new:
 * @parent: a widget in the window the editor belongs to
 * @title: the window title, e.g. "New Sponsor"
 * @record_type: the type of the record
 * @original: (nullable): the record to edit, or %NULL for a new one
 * @groups: (array length=n_groups): the fields (a static table)
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself
 *   when closed.
 */
HpRecordDialog *
hp_record_dialog_new (GtkWidget          *parent,
                      const char         *title,
                      GType               record_type,
                      GObject            *original,
                      const HpFieldGroup *groups,
                      guint               n_groups)
{
  HpRecordDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (!original || G_TYPE_CHECK_INSTANCE_TYPE (original, record_type), NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (HP_TYPE_RECORD_DIALOG,
                       "title", title,
                       "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                       NULL);
  self->record_type = record_type;
  g_set_object (&self->original, original);
  build (self, groups, n_groups);

  return self;
}

GObject *
hp_record_dialog_get_original (HpRecordDialog *self)
{
  g_return_val_if_fail (HP_IS_RECORD_DIALOG (self), NULL);

  return self->original;
}

void
hp_record_dialog_set_save_func (HpRecordDialog   *self,
                                HpRecordSaveFunc  func,
                                gpointer          user_data,
                                GDestroyNotify    destroy)
{
  g_return_if_fail (HP_IS_RECORD_DIALOG (self));

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);

  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

/**
 * hp_record_dialog_set_save_label:
 * @label: a mnemonic label for the button that saves, e.g. "_Book"
 */
void
hp_record_dialog_set_save_label (HpRecordDialog *self,
                                 const char     *label)
{
  g_return_if_fail (HP_IS_RECORD_DIALOG (self));

  gtk_button_set_label (GTK_BUTTON (self->save_button), label);
}

/**
 * hp_record_dialog_set_choices:
 * @key: a %HP_FIELD_CHOICE field
 * @items: objects with an `id` property
 * @label_property: the string property shown for each item
 *
 * Sets what can be chosen, and selects the item of the field's value, or
 * the only item when the field has no value yet.
 */
void
hp_record_dialog_set_choices (HpRecordDialog *self,
                              const char     *key,
                              GListModel     *items,
                              const char     *label_property)
{
  Field *field = find_field (self, key);
  GtkDropDown *drop_down;
  gint64 wanted;
  guint n_items;

  g_return_if_fail (field != NULL && field->spec->kind == HP_FIELD_CHOICE);
  g_return_if_fail (G_IS_LIST_MODEL (items));

  drop_down = GTK_DROP_DOWN (field->editor);
  wanted = g_value_get_int64 (&field->value);
  n_items = g_list_model_get_n_items (items);

  self->loading = TRUE;
  gtk_drop_down_set_expression (drop_down,
                                gtk_property_expression_new (g_list_model_get_item_type (items),
                                                             NULL, label_property));
  gtk_drop_down_set_enable_search (drop_down, n_items > 12);
  gtk_drop_down_set_model (drop_down, items);
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n_items && wanted != 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (get_item_id (item) == wanted)
        gtk_drop_down_set_selected (drop_down, i);
    }
  /* one school, one sponsor: there is nothing to choose */
  if (wanted == 0 && n_items == 1)
    gtk_drop_down_set_selected (drop_down, 0);
  field->wanted_id = 0;
  field_changed (self, field);
  self->loading = FALSE;
}

/**
 * hp_record_dialog_set_suggestions:
 * @key: a %HP_FIELD_TEXT field
 * @items: what exists already, e.g. the #HpItem list
 * @label_property: the string property of @items that is suggested
 *
 * While the user types in the field, the items whose label contains the
 * text (case ignored) show in a list under it; choosing one puts its label
 * into the field. Anything else can still be typed. Call once.
 */
void
hp_record_dialog_set_suggestions (HpRecordDialog *self,
                                  const char     *key,
                                  GListModel     *items,
                                  const char     *label_property)
{
  Field *field = find_field (self, key);

  g_return_if_fail (field != NULL && field->spec->kind == HP_FIELD_TEXT);
  g_return_if_fail (field->suggestions == NULL);
  g_return_if_fail (G_IS_LIST_MODEL (items));
  g_return_if_fail (label_property != NULL);

  field->suggestions = _hp_record_suggestions_new (field->row, items, label_property);
}

/**
 * hp_record_dialog_set_default_date:
 * @iso: (nullable): `YYYY-MM-DD`, e.g. the campaign's hand-over
 *
 * The day the calendars of the date fields open on while a field is empty.
 */
void
hp_record_dialog_set_default_date (HpRecordDialog *self,
                                   const char     *iso)
{
  g_return_if_fail (HP_IS_RECORD_DIALOG (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->date_button != NULL)
        hp_date_button_set_default_date (field->date_button, iso);
    }
}

void
hp_record_dialog_set_group_visible (HpRecordDialog *self,
                                    guint           group,
                                    gboolean        visible)
{
  g_return_if_fail (HP_IS_RECORD_DIALOG (self));
  g_return_if_fail (group < self->groups->len);

  gtk_widget_set_visible (g_ptr_array_index (self->groups, group), visible);
}

/**
 * hp_record_dialog_set_group_description:
 * @description: (nullable): plain text
 */
void
hp_record_dialog_set_group_description (HpRecordDialog *self,
                                        guint           group,
                                        const char     *description)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (HP_IS_RECORD_DIALOG (self));
  g_return_if_fail (group < self->groups->len);

  /* the group shows markup; names like "Lang GmbH & Co. KG" are text */
  escaped = description ? g_markup_escape_text (description, -1) : NULL;
  adw_preferences_group_set_description (g_ptr_array_index (self->groups, group), escaped);
}

/**
 * hp_record_dialog_set_field_sensitive:
 * @explanation: (nullable): shown under the row while it is insensitive
 *
 * An insensitive field does not stop saving, whatever its text.
 */
void
hp_record_dialog_set_field_sensitive (HpRecordDialog *self,
                                      const char     *key,
                                      gboolean        sensitive,
                                      const char     *explanation)
{
  Field *field = find_field (self, key);

  g_return_if_fail (field != NULL);

  g_free (field->explanation);
  field->explanation = g_strdup (explanation);
  gtk_widget_set_sensitive (field->row, sensitive);
  update_message (field);
  update_save_enabled (self);
}

static void
set_text (HpRecordDialog *self,
          Field          *field,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field->editor), text ? text : "");
}

void
hp_record_dialog_set_int (HpRecordDialog *self,
                          const char     *key,
                          gint64          value)
{
  Field *field = find_field (self, key);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_return_if_fail (field != NULL);

  if (field->spec->kind == HP_FIELD_CHOICE)
    {
      /* selected when the items come (hp_record_dialog_set_choices) */
      field->wanted_id = value;
      g_value_set_int64 (&field->value, value);
      field_changed (self, field);
      return;
    }

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  text = hp_field_format (field->spec, &gvalue);
  set_text (self, field, text);
}

void
hp_record_dialog_set_string (HpRecordDialog *self,
                             const char     *key,
                             const char     *value)
{
  Field *field = find_field (self, key);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_return_if_fail (field != NULL);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  text = hp_field_format (field->spec, &gvalue);
  set_text (self, field, text);
}

void
hp_record_dialog_set_boolean (HpRecordDialog *self,
                              const char     *key,
                              gboolean        value)
{
  Field *field = find_field (self, key);

  g_return_if_fail (field != NULL && field->spec->kind == HP_FIELD_SWITCH);

  gtk_switch_set_active (GTK_SWITCH (field->editor), value);
}

/**
 * hp_record_dialog_get_int:
 *
 * Returns: the value of a money, count or choice field (%HP_UNSET for an
 *   empty count, 0 for no choice).
 */
gint64
hp_record_dialog_get_int (HpRecordDialog *self,
                          const char     *key)
{
  Field *field = find_field (self, key);

  g_return_val_if_fail (field != NULL, 0);

  return g_value_get_int64 (&field->value);
}

/**
 * hp_record_dialog_dup_string:
 *
 * Returns: (transfer full) (nullable): the value of a text or date field in
 *   its stored form (ISO for dates), %NULL if empty.
 */
char *
hp_record_dialog_dup_string (HpRecordDialog *self,
                             const char     *key)
{
  Field *field = find_field (self, key);

  g_return_val_if_fail (field != NULL, NULL);

  return g_value_dup_string (&field->value);
}

gboolean
hp_record_dialog_get_boolean (HpRecordDialog *self,
                              const char     *key)
{
  Field *field = find_field (self, key);

  g_return_val_if_fail (field != NULL, FALSE);

  return g_value_get_boolean (&field->value);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-record-dialog-private.h)                                    */

GtkWidget *
_hp_record_dialog_get_row (HpRecordDialog *self,
                           const char     *key)
{
  return find_field (self, key)->row;
}

GtkWidget *
_hp_record_dialog_get_editor (HpRecordDialog *self,
                              const char     *key)
{
  return find_field (self, key)->editor;
}

GtkLabel *
_hp_record_dialog_get_message (HpRecordDialog *self,
                               const char     *key)
{
  return find_field (self, key)->message;
}

GtkWidget *
_hp_record_dialog_get_date_button (HpRecordDialog *self,
                                   const char     *key)
{
  return find_field (self, key)->date_button;
}

GtkPopover *
_hp_record_dialog_get_suggestions_popover (HpRecordDialog *self,
                                           const char     *key)
{
  Field *field = find_field (self, key);

  return field->suggestions ? _hp_record_suggestions_get_popover (field->suggestions) : NULL;
}

GtkListView *
_hp_record_dialog_get_suggestion_view (HpRecordDialog *self,
                                       const char     *key)
{
  Field *field = find_field (self, key);

  return field->suggestions ? _hp_record_suggestions_get_view (field->suggestions) : NULL;
}

GtkWidget *
_hp_record_dialog_get_save_button (HpRecordDialog *self)
{
  return self->save_button;
}

GtkLabel *
_hp_record_dialog_get_error_label (HpRecordDialog *self)
{
  return gtk_revealer_get_reveal_child (self->error_revealer) ? self->error_label : NULL;
}

void
_hp_record_dialog_set_text (HpRecordDialog *self,
                            const char     *key,
                            const char     *text)
{
  set_text (self, find_field (self, key), text);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

/* Puts the cursor in the first field the user can change, so that typing
 * goes there and not to "Cancel" (GtkWindow would otherwise focus the first
 * focusable widget, the header bar's button). A choice still to be made
 * counts as a field; a switch or a choice made already does not. */
static void
focus_first_field (HpRecordDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      GtkWidget *group = gtk_widget_get_ancestor (field->row, ADW_TYPE_PREFERENCES_GROUP);

      if (!gtk_widget_get_visible (field->row) || !gtk_widget_get_sensitive (field->row) ||
          (group != NULL && !gtk_widget_get_visible (group)))
        continue;

      /* a switch or a choice made already (the only school) needs no typing */
      if (field->spec->kind == HP_FIELD_SWITCH)
        continue;
      if (field->spec->kind == HP_FIELD_CHOICE)
        {
          if (g_value_get_int64 (&field->value) != 0)
            continue;
          gtk_widget_grab_focus (field->editor);
        }
      else
        gtk_widget_grab_focus (field->row);
      return;
    }
}

static void
hp_record_dialog_show (GtkWidget *widget)
{
  HpRecordDialog *self = HP_RECORD_DIALOG (widget);
  GtkWidget *focus;

  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    focus_first_field (self);

  GTK_WIDGET_CLASS (hp_record_dialog_parent_class)->show (widget);

  /* A text field shows that it has the focus; a drop-down only with the
   * focus ring, which GTK draws after a key was pressed, not after the
   * click that opened the dialog (showing the window turns it off). */
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) != NULL)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

static void
hp_record_dialog_dispose (GObject *object)
{
  HpRecordDialog *self = HP_RECORD_DIALOG (object);

  /* the suggestions' popovers hang on the rows, which go with the window */
  for (guint i = 0; i < self->fields->len; i++)
    g_clear_pointer (&((Field *) g_ptr_array_index (self->fields, i))->suggestions,
                     _hp_record_suggestions_free);

  hp_record_dialog_set_save_func (self, NULL, NULL, NULL);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (hp_record_dialog_parent_class)->dispose (object);
}

static void
hp_record_dialog_finalize (GObject *object)
{
  HpRecordDialog *self = HP_RECORD_DIALOG (object);

  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (hp_record_dialog_parent_class)->finalize (object);
}

static void
hp_record_dialog_class_init (HpRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hp_record_dialog_dispose;
  object_class->finalize = hp_record_dialog_finalize;
  widget_class->show = hp_record_dialog_show;

  /**
   * HpRecordDialog::field-changed:
   * @self: the editor
   * @key: the field's key (also the signal detail)
   *
   * Emitted when the user changed a field, e.g. to switch another one off.
   */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hp-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HpRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HpRecordDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HpRecordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HpRecordDialog, preferences_page);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_record_dialog_init (HpRecordDialog *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
