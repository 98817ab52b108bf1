/* hp-import-columns-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's columns: one combo row per field of the import,
 * preselected with the setup's mapping (the preview's guess, or what the
 * user chose before), each change written back to the setup. Says which
 * field still needs a column.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-columns-step.h"

struct _HpImportColumnsStep
{
  HpImportStep         parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *mapping_group;
  GtkLabel            *mapping_message;

  /* Borrowed */
  GPtrArray           *rows;   /* AdwComboRow, one per field */
};

G_DEFINE_FINAL_TYPE (HpImportColumnsStep, hp_import_columns_step, HP_TYPE_IMPORT_STEP)

static char *
hp_import_columns_step_dup_problem (HpImportStep *step)
{
  HpImportSetup *setup = hp_import_step_get_setup (step);

  if (setup->header == NULL)
    return g_strdup (_("Choose a file first."));

  for (guint i = 0; i < setup->n_fields; i++)
    {
      const HpImportField *field = hp_import_setup_get_field (setup, i);

      if (field->required && setup->mapping[i] == NULL)
        /* Translators: %s is a field, such as “School number” */
        return g_strdup_printf (_("Choose a column for “%s”."), _(field->label));
    }

  if (setup->kind == HP_IMPORT_SCHOOLS &&
      hp_import_setup_get_mapping (setup, "name") == NULL &&
      hp_import_setup_get_mapping (setup, "name_1") == NULL)
    return g_strdup (_("Choose a column for the school name (“School name” or “School name, part 1”)."));

  /* a list of graduates is a list of people (a postcode list is not) */
  if (setup->kind == HP_IMPORT_GRADUATES &&
      hp_import_setup_get_mapping (setup, "last_name") == NULL &&
      hp_import_setup_get_mapping (setup, "first_name") == NULL)
    return g_strdup (_("Choose the column of the last names or of the first names. A file without names is no "
                       "list of graduates."));

  return NULL;
}

static void
update_message (HpImportColumnsStep *self)
{
  g_autofree char *problem = hp_import_columns_step_dup_problem (HP_IMPORT_STEP (self));

  hp_import_step_show_message (self->mapping_message, problem);
}

static void
mapping_changed_cb (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    HpImportColumnsStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hp-field"));
  guint selected = adw_combo_row_get_selected (row);
  const char *header = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && setup->header != NULL &&
      selected <= g_strv_length (setup->header))
    header = setup->header[selected - 1];
  hp_import_setup_set_mapping (setup, field, header);

  update_message (self);
  hp_import_step_changed (HP_IMPORT_STEP (self));
}

/* One row per field, from the setup's header and mapping */
static void
hp_import_columns_step_enter (HpImportStep *step)
{
  HpImportColumnsStep *self = HP_IMPORT_COLUMNS_STEP (step);
  HpImportSetup *setup = hp_import_step_get_setup (step);
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (setup->header == NULL)
    {
      update_message (self);
      return;
    }

  /* Translators: in a column chooser: the field gets no column */
  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; setup->header[c] != NULL; c++)
    {
      g_autofree char *untitled = NULL;

      if (setup->header[c][0] == '\0')
        /* Translators: a column without a header; %u is its position */
        untitled = g_strdup_printf (_("Column %u"), c + 1);
      gtk_string_list_append (columns, untitled ? untitled : setup->header[c]);
    }

  for (guint i = 0; i < setup->n_fields; i++)
    {
      const HpImportField *field = hp_import_setup_get_field (setup, i);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
      if (field->required)
        /* Translators: under a field that needs a column */
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (columns));
      if (setup->mapping[i] != NULL)
        for (guint c = 0; setup->header[c] != NULL; c++)
          if (g_str_equal (setup->header[c], setup->mapping[i]))
            {
              selected = c + 1;
              break;
            }
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "hp-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self, 0);

      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->rows, row);
    }

  update_message (self);
}

AdwComboRow *
hp_import_columns_step_get_row (HpImportColumnsStep *self,
                                const char          *field)
{
  int i = hp_import_setup_find_field (hp_import_step_get_setup (HP_IMPORT_STEP (self)), field);

  if (i < 0 || (guint) i >= self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, i);
}

GtkLabel *
hp_import_columns_step_get_message (HpImportColumnsStep *self)
{
  return self->mapping_message;
}

static void
hp_import_columns_step_finalize (GObject *object)
{
  HpImportColumnsStep *self = HP_IMPORT_COLUMNS_STEP (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (hp_import_columns_step_parent_class)->finalize (object);
}

static void
hp_import_columns_step_class_init (HpImportColumnsStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpImportStepClass *step_class = HP_IMPORT_STEP_CLASS (klass);

  object_class->finalize = hp_import_columns_step_finalize;
  step_class->enter = hp_import_columns_step_enter;
  step_class->dup_problem = hp_import_columns_step_dup_problem;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-columns-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportColumnsStep, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportColumnsStep, mapping_message);
}

static void
hp_import_columns_step_init (HpImportColumnsStep *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
