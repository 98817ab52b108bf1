/* hp-import-assistant-mapping.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's columns and filters steps: one combo row per field
 * of the import, preselected by the preview's guess, and the filters of a
 * schools import (district, school forms) or of a graduates import
 * (campaign, school, leaving year). Each step says why "Next" is not yet
 * possible; hp-import-assistant-run.c applies the choices to the HpImport.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-assistant-internal.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gboolean
is_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Problems                                                                  */

/* Returns: (nullable): why Next is not possible on the mapping step */
char *
_hp_import_assistant_dup_mapping_problem (HpImportAssistant *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      const HpImportField *field = _hp_import_assistant_get_field (self, i);

      if (field->required && self->mapping[i] == NULL)
        /* Translators: %s is a field, such as “School number” */
        return g_strdup_printf (_("Choose a column for “%s”."), _(field->label));
    }

  if (self->kind == HP_IMPORT_SCHOOLS &&
      _hp_import_assistant_get_mapping (self, "name") == NULL &&
      _hp_import_assistant_get_mapping (self, "name_1") == NULL)
    return g_strdup (_("Choose a column for the school name (“School name” or “School name, part 1”)."));

  return NULL;
}

const char *
_hp_import_assistant_get_chosen_school (HpImportAssistant *self)
{
  guint position = adw_combo_row_get_selected (self->school_row);

  if (self->school_numbers == NULL || position >= self->school_numbers->len)
    return NULL;

  return g_ptr_array_index (self->school_numbers, position);
}

/* Returns: (nullable): why Next is not possible on the filters step */
char *
_hp_import_assistant_dup_filters_problem (HpImportAssistant *self)
{
  if (self->kind == HP_IMPORT_SCHOOLS)
    {
      g_autofree char *prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->district_row))));

      if (!is_digits (prefix))
        return g_strdup (_("A municipality key has only digits, e.g. 05958."));

      return NULL;
    }

  if (self->campaign == NULL)
    return g_strdup (_("Graduates belong to a campaign. Create one first."));

  if (_hp_import_assistant_get_chosen_school (self) == NULL &&
      _hp_import_assistant_get_mapping (self, "school_number") == NULL)
    {
      if (self->school_numbers == NULL || self->school_numbers->len <= 1)
        return g_strdup (_("There are no schools yet. Import or add the schools first."));
      return g_strdup (_("Choose the school the list comes from."));
    }

  if (adw_combo_row_get_selected (self->year_row) == YEAR_OTHER)
    {
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_value_row))));

      if (value[0] == '\0')
        return g_strdup (_("Enter the value of the year column, e.g. Q2."));
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* 3. Columns                                                                */

static void
mapping_changed_cb (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    HpImportAssistant *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hp-field"));
  guint selected = adw_combo_row_get_selected (row);

  g_assert (field < self->n_fields);

  g_clear_pointer (&self->mapping[field], g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->header != NULL &&
      selected <= g_strv_length (self->header))
    self->mapping[field] = g_strdup (self->header[selected - 1]);

  _hp_import_assistant_update_buttons (self);
}

void
_hp_import_assistant_rebuild_mapping_rows (HpImportAssistant *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);

  if (self->header == NULL)
    return;

  /* Translators: in a column chooser: the field gets no column */
  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; self->header[c] != NULL; c++)
    {
      g_autofree char *untitled = NULL;

      if (self->header[c][0] == '\0')
        /* Translators: a column without a header; %u is its position */
        untitled = g_strdup_printf (_("Column %u"), c + 1);
      gtk_string_list_append (columns, untitled ? untitled : self->header[c]);
    }

  for (guint i = 0; i < self->n_fields; i++)
    {
      const HpImportField *field = _hp_import_assistant_get_field (self, i);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
      if (field->required)
        /* Translators: under a field that needs a column */
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (columns));
      if (self->mapping[i] != NULL)
        for (guint c = 0; self->header[c] != NULL; c++)
          if (g_str_equal (self->header[c], self->mapping[i]))
            {
              selected = c + 1;
              break;
            }
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "hp-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self, 0);

      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
}

/* ------------------------------------------------------------------------ */
/* 4. Filters                                                                */

void
_hp_import_assistant_update_campaign_row (HpImportAssistant *self)
{
  if (self->campaign != NULL)
    adw_action_row_set_subtitle (self->campaign_row, hp_campaign_get_name (self->campaign));
  else
    adw_action_row_set_subtitle (self->campaign_row, _("No campaign yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->new_campaign_button), self->campaign == NULL);
}

/* The school row: "From the column …" or "Choose a School", then the
 * store's schools; the chosen school stays chosen. */
static void
fill_school_row (HpImportAssistant *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_strdup (_hp_import_assistant_get_chosen_school (self));
  const char *column = _hp_import_assistant_get_mapping (self, "school_number");
  guint selected = 0;

  g_clear_pointer (&self->school_numbers, g_ptr_array_unref);
  self->school_numbers = g_ptr_array_new_with_free_func (g_free);

  if (column != NULL)
    {
      /* Translators: the school of each row comes from a column of the file */
      g_autofree char *label = g_strdup_printf (_("From the Column “%s”"), column);

      gtk_string_list_append (labels, label);
    }
  else
    gtk_string_list_append (labels, _("Choose a School"));
  g_ptr_array_add (self->school_numbers, NULL);

  schools = hp_store_list_schools (self->store, 0, &error);
  if (schools == NULL)
    _hp_import_assistant_set_label_message (self->filters_message, error->message);
  else
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
        g_autofree char *label = g_strdup_printf ("%s (%s)", hp_school_get_name (school),
                                                  hp_school_get_number (school));

        if (g_strcmp0 (chosen, hp_school_get_number (school)) == 0)
          selected = self->school_numbers->len;
        g_ptr_array_add (self->school_numbers, g_strdup (hp_school_get_number (school)));
        gtk_string_list_append (labels, label);
      }

  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->school_row, selected);
}

void
_hp_import_assistant_prepare_filters (HpImportAssistant *self)
{
  gboolean schools = self->kind == HP_IMPORT_SCHOOLS;

  gtk_widget_set_visible (GTK_WIDGET (self->district_group), schools);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_group), !schools);
  gtk_widget_set_visible (GTK_WIDGET (self->graduates_group), !schools);

  if (schools)
    return;

  _hp_import_assistant_update_campaign_row (self);
  fill_school_row (self);

  if (_hp_import_assistant_get_mapping (self, "year") != NULL)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %s is the header of the file's year column */
      subtitle = g_strdup_printf (_("By the column “%s”"), _hp_import_assistant_get_mapping (self, "year"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row), subtitle);
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row),
                                   _("The file has no year column: every row is imported."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), FALSE);
    }
}

static void
filters_changed_cb (HpImportAssistant *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->year_value_row),
                          adw_combo_row_get_selected (self->year_row) == YEAR_OTHER &&
                          gtk_widget_get_sensitive (GTK_WIDGET (self->year_row)));
  _hp_import_assistant_update_buttons (self);
}

static void
new_campaign_clicked_cb (HpImportAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* the window's campaign dialog; the window passes the new campaign on */
  if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-campaign", NULL))
    g_debug ("No window to create a campaign in");
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_import_assistant_mapping_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_campaign_clicked_cb);
}
