/* hp-import-assistant-mapping.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's columns and filters steps: one combo row per field
 * of the import, preselected by the preview's guess, and the filters of a
 * schools import (district, school forms), of a graduates import
 * (campaign, school, leaving year) or of a sponsors import (the campaign of
 * the pledges). Each step says why "Next" is not yet
 * possible; hp-import-assistant-run.c applies the choices to the HpImport.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <string.h>

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
  return self->chosen_school;
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

  if (self->kind == HP_IMPORT_SPONSORS)
    {
      if (self->campaign == NULL && _hp_import_assistant_get_mapping (self, "pledged") != NULL)
        return g_strdup (_("Pledged pieces belong to a campaign. Create one first, or choose no column "
                           "for “Pieces pledged”."));
      return NULL;
    }

  if (self->campaign == NULL)
    return g_strdup (_("Graduates belong to a campaign. Create one first."));

  if (_hp_import_assistant_get_chosen_school (self) == NULL &&
      _hp_import_assistant_get_mapping (self, "school_number") == NULL)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->schools)) == 0)
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

/* The school chooser: the store's schools in a popover, searched by
 * number, name and town (every word of the search, in any case); the row
 * shows the chosen one whole, with its number and town. */

static char *
dup_folded (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

/* "170001 · Arnsberg": what tells schools of the same name apart */
static char *
dup_school_details (HpSchool *school)
{
  const char *town = hp_school_get_town (school);

  if (town == NULL || town[0] == '\0')
    return g_strdup (hp_school_get_number (school));

  /* Translators: a school's number and town, e.g. “170001 · Arnsberg” */
  return g_strdup_printf (_("%s · %s"), hp_school_get_number (school), town);
}

static gboolean
school_matches (gpointer item,
                gpointer user_data)
{
  HpImportAssistant *self = user_data;
  HpSchool *school = item;
  g_autofree char *needle = dup_folded (gtk_editable_get_text (GTK_EDITABLE (self->school_search)));
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = NULL;

  if (needle[0] == '\0')
    return TRUE;

  {
    const char *town = hp_school_get_town (school);
    g_autofree char *joined = g_strdup_printf ("%s %s %s", hp_school_get_number (school),
                                               hp_school_get_name (school), town ? town : "");

    haystack = dup_folded (joined);
  }

  words = g_strsplit_set (needle, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static HpSchool *
find_school (HpImportAssistant *self,
             const char        *number)
{
  for (guint i = 0; number != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->schools)); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (G_LIST_MODEL (self->schools), i);

      if (g_strcmp0 (hp_school_get_number (school), number) == 0)
        return g_steal_pointer (&school);
    }

  return NULL;
}

static void
update_school_row (HpImportAssistant *self)
{
  g_autoptr(HpSchool) school = find_school (self, self->chosen_school);
  const char *column = _hp_import_assistant_get_mapping (self, "school_number");

  if (school != NULL)
    {
      g_autofree char *details = dup_school_details (school);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", hp_school_get_name (school), details);

      adw_action_row_set_subtitle (self->school_row, subtitle);
    }
  else if (column != NULL)
    {
      /* Translators: the school of each row comes from a column of the file */
      g_autofree char *subtitle = g_strdup_printf (_("From the column “%s”"), column);

      adw_action_row_set_subtitle (self->school_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->school_row, _("Choose the school the list comes from"));

  if (column != NULL)
    {
      /* Translators: in the school chooser: take each row's school from the column */
      g_autofree char *label = g_strdup_printf (_("From the Column “%s”"), column);

      gtk_button_set_label (self->school_column_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->school_column_button), column != NULL);
}

static void
choose_school (HpImportAssistant *self,
               const char        *number)
{
  g_free (self->chosen_school);
  self->chosen_school = g_strdup (number);
  update_school_row (self);
  _hp_import_assistant_update_buttons (self);
}

/* The store's schools; the chosen school stays chosen while it is there. */
static void
fill_school_row (HpImportAssistant *self)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) chosen = NULL;

  g_list_store_remove_all (self->schools);
  schools = hp_store_list_schools (self->store, 0, &error);
  if (schools == NULL)
    _hp_import_assistant_set_label_message (self->filters_message, error->message);
  else
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

        g_list_store_append (self->schools, school);
      }

  chosen = find_school (self, self->chosen_school);
  if (chosen == NULL)
    g_clear_pointer (&self->chosen_school, g_free);
  update_school_row (self);
}

static void
school_search_changed_cb (HpImportAssistant *self)
{
  GListModel *matches = G_LIST_MODEL (gtk_list_view_get_model (self->school_list));

  gtk_filter_changed (GTK_FILTER (self->school_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->school_none_label), g_list_model_get_n_items (matches) == 0);
}

static void
school_activated_cb (HpImportAssistant *self,
                     guint              position)
{
  GListModel *matches = G_LIST_MODEL (gtk_list_view_get_model (self->school_list));
  g_autoptr(HpSchool) school = g_list_model_get_item (matches, position);

  if (school == NULL)
    return;

  choose_school (self, hp_school_get_number (school));
  gtk_popover_popdown (self->school_popover);
}

/* Enter in the search: the first school that matches */
static void
school_search_activate_cb (HpImportAssistant *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->school_list))) > 0)
    school_activated_cb (self, 0);
}

static void
school_column_clicked_cb (HpImportAssistant *self)
{
  choose_school (self, NULL);
  gtk_popover_popdown (self->school_popover);
}

static void
school_popover_show_cb (HpImportAssistant *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->school_search), "");
  school_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->school_search));
}

static void
school_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
school_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  HpSchool *school = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  g_autofree char *details = dup_school_details (school);

  gtk_label_set_label (GTK_LABEL (name), hp_school_get_name (school));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), details);
}

void
_hp_import_assistant_prepare_filters (HpImportAssistant *self)
{
  gboolean schools = self->kind == HP_IMPORT_SCHOOLS;
  gboolean graduates = self->kind == HP_IMPORT_GRADUATES;

  gtk_widget_set_visible (GTK_WIDGET (self->district_group), schools);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_group), !schools);
  gtk_widget_set_visible (GTK_WIDGET (self->graduates_group), graduates);

  if (self->kind == HP_IMPORT_SPONSORS)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), _("The Pledges Count For"));
      adw_preferences_group_set_description (self->campaign_group,
                                             _hp_import_assistant_get_mapping (self, "pledged") != NULL
                                             ? _("The pieces pledged in the file are pledges for this campaign.")
                                             : _("The file has no column of pieces pledged: only sponsors and "
                                                 "their gifts are imported."));
      _hp_import_assistant_update_campaign_row (self);
      return;
    }

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
_hp_import_assistant_mapping_init (HpImportAssistant *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *matches;
  GtkNoSelection *selection;

  self->schools = g_list_store_new (HP_TYPE_SCHOOL);
  self->school_filter = gtk_custom_filter_new (school_matches, self, NULL);
  matches = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->schools)),
                                       GTK_FILTER (g_object_ref (self->school_filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (matches));
  g_signal_connect (factory, "setup", G_CALLBACK (school_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (school_bind_cb), NULL);
  gtk_list_view_set_factory (self->school_list, factory);
  gtk_list_view_set_model (self->school_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (factory);
}

void
_hp_import_assistant_mapping_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, school_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_column_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_campaign_clicked_cb);
}
