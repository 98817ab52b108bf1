/* hp-import-filters-step.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's filters, written into the setup as they change:
 *  - schools: the district, chosen among the districts found in the file
 *    (read by hp_import_list_districts() in a worker thread each time the
 *    step is shown, with their towns and school counts), the school forms
 *    that lead to the Abitur, closed schools;
 *  - graduates: the campaign, the school (a searchable chooser of the
 *    store's schools, or the file's school column) and the leaving year;
 *  - sponsors: the campaign the pledged pieces count for.
 * Says why "Next" is not yet possible.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-filters-step.h"

struct _HpImportFiltersStep
{
  HpImportStep         parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *district_group;
  HpChoiceRow         *district_row;
  GtkSwitch           *abitur_switch;
  GtkSwitch           *closed_switch;
  AdwPreferencesGroup *campaign_group;
  AdwActionRow        *campaign_row;
  GtkButton           *new_campaign_button;
  AdwPreferencesGroup *graduates_group;
  HpChoiceRow         *school_row;
  AdwComboRow         *year_row;
  AdwEntryRow         *year_value_row;
  GtkLabel            *filters_message;

  /* Owned */
  GListStore          *districts;          /* HpChoice: key, towns, counts */
  GListStore          *schools;            /* HpChoice: number, name, number and town */
  GCancellable        *survey_cancellable; /* the districts' worker */
  char                *store_problem;      /* the schools could not be read */

  guint                surveyed_serial;    /* HpImportSetup.file_serial surveyed */
  gboolean             surveyed_closed;    /* include_closed of the survey */
  guint                syncing : 1;        /* the widgets are set from the setup */
};

G_DEFINE_FINAL_TYPE (HpImportFiltersStep, hp_import_filters_step, HP_TYPE_IMPORT_STEP)

/* ------------------------------------------------------------------------ */
/* Districts                                                                 */

/* "05958 · 107 schools, 21 of them lead to the Abitur" */
static char *
dup_district_details (const HpImportDistrict *district)
{
  g_autofree char *schools = NULL;
  g_autofree char *abitur = NULL;

  if (district->n_schools == 1)
    return g_strdup_printf (district->n_abitur == 1
                            /* Translators: a district's key and its only school */
                            ? _("%s · 1 school, which leads to the Abitur")
                            : _("%s · 1 school, which does not lead to the Abitur"),
                            district->key);

  schools = hp_format_counted (ngettext ("%s school", "%s schools", district->n_schools), district->n_schools);

  /* Translators: a district's key and its schools, e.g. “05958 · 107 schools,
   * 21 of them lead to the Abitur” */
  abitur = hp_format_count (district->n_abitur);
  return g_strdup_printf (ngettext ("%s · %s, %s of them leads to the Abitur",
                                    "%s · %s, %s of them lead to the Abitur", district->n_abitur),
                          district->key, schools, abitur);
}

static void
update_district_placeholder (HpImportFiltersStep *self,
                             const char          *problem)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  g_autofree char *placeholder = NULL;

  if (self->survey_cancellable != NULL)
    placeholder = g_strdup (_("Reading the districts of the file…"));
  else if (problem != NULL)
    /* Translators: %s says why the file's districts could not be read */
    placeholder = g_strdup_printf (_("All districts (the file’s districts could not be read: %s)"), problem);
  else
    /* Translators: no district chosen: the schools of all %s districts are imported */
    placeholder = hp_format_counted (ngettext ("All districts (%s in the file)", "All districts (%s in the file)", n), n);

  hp_choice_row_set_placeholder (self->district_row, placeholder);
}

static void
list_districts_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GPtrArray *districts;
  GError *error = NULL;

  /* only the task data here, never the step */
  districts = hp_import_list_districts (task_data, cancellable, &error);
  if (districts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, districts, (GDestroyNotify) g_ptr_array_unref);
}

/* One splice: appending one by one to a shown list costs a relayout each. */
static void
replace_choices (GListStore *store,
                 GPtrArray  *choices)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), choices->pdata, choices->len);
}

static void
districts_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HpImportFiltersStep *self = HP_IMPORT_FILTERS_STEP (object);
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GError) error = NULL;

  districts = g_task_propagate_pointer (G_TASK (result), &error);
  /* a newer survey runs, or the step is gone (disposed) */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->survey_cancellable)
    return;

  g_clear_object (&self->survey_cancellable);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      const HpImportDistrict *district = g_ptr_array_index (districts, i);
      g_autofree char *towns = NULL;
      g_autofree char *details = NULL;

      /* schools without a key cannot be chosen by it */
      if (district->key[0] == '\0')
        continue;

      towns = district->towns[0] != NULL ? g_strjoinv (", ", district->towns) : g_strdup (district->key);
      details = dup_district_details (district);
      g_ptr_array_add (choices, hp_choice_new (district->key, towns, details));
    }
  replace_choices (self->districts, choices);

  /* the chosen district stays chosen if the file still has it */
  hp_choice_row_set_choices (self->district_row, G_LIST_MODEL (self->districts));
  gtk_widget_set_sensitive (GTK_WIDGET (self->district_row), TRUE);
  update_district_placeholder (self, error ? error->message : NULL);
  hp_import_step_changed (HP_IMPORT_STEP (self));
}

static void
survey_districts (HpImportFiltersStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  g_autoptr(HpImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->survey_cancellable != NULL)
    g_cancellable_cancel (self->survey_cancellable);
  g_clear_object (&self->survey_cancellable);

  self->surveyed_serial = setup->file_serial;
  self->surveyed_closed = setup->include_closed;

  import = setup->path != NULL ? hp_import_setup_create_import (setup, TRUE, &error) : NULL;
  if (import == NULL)
    {
      g_list_store_remove_all (self->districts);
      hp_choice_row_set_choices (self->district_row, G_LIST_MODEL (self->districts));
      update_district_placeholder (self, error ? error->message : NULL);
      return;
    }

  self->survey_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->district_row), FALSE);
  update_district_placeholder (self, NULL);

  task = g_task_new (self, self->survey_cancellable, districts_listed_cb, NULL);
  g_task_set_source_tag (task, survey_districts);
  g_task_set_task_data (task, g_steal_pointer (&import), (GDestroyNotify) hp_import_free);
  g_task_run_in_thread (task, list_districts_thread);
}

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

/* The store's schools as choices: "170001 · Arnsberg" tells schools of the
 * same name apart. */
static void
fill_schools (HpImportFiltersStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->store_problem, g_free);

  schools = hp_store_list_schools (setup->store, 0, &error);
  if (schools == NULL)
    self->store_problem = g_strdup (error->message);

  for (guint i = 0; schools != NULL && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
      const char *town = hp_school_get_town (school);
      g_autofree char *details = NULL;

      if (town != NULL && town[0] != '\0')
        /* Translators: a school's number and town, e.g. “170001 · Arnsberg” */
        details = g_strdup_printf (_("%s · %s"), hp_school_get_number (school), town);
      else
        details = g_strdup (hp_school_get_number (school));
      g_ptr_array_add (choices, hp_choice_new (hp_school_get_number (school), hp_school_get_name (school), details));
    }
  replace_choices (self->schools, choices);

  hp_choice_row_set_choices (self->school_row, G_LIST_MODEL (self->schools));
}

static void
update_school_row (HpImportFiltersStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  const char *column = hp_import_setup_get_mapping (setup, "school_number");

  if (column != NULL)
    {
      /* Translators: the school of each row comes from a column of the file */
      g_autofree char *placeholder = g_strdup_printf (_("From the column “%s”"), column);
      /* Translators: in the school chooser: take each row's school from the column */
      g_autofree char *label = g_strdup_printf (_("From the Column “%s”"), column);

      hp_choice_row_set_placeholder (self->school_row, placeholder);
      hp_choice_row_set_extra_label (self->school_row, label);
    }
  else
    {
      hp_choice_row_set_placeholder (self->school_row, _("Choose the school the list comes from"));
      hp_choice_row_set_extra_label (self->school_row, NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* The step                                                                  */

static void filters_changed_cb (HpImportFiltersStep *self);

void
hp_import_filters_step_update_campaign (HpImportFiltersStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));

  if (setup->campaign != NULL)
    adw_action_row_set_subtitle (self->campaign_row, hp_campaign_get_name (setup->campaign));
  else
    adw_action_row_set_subtitle (self->campaign_row, _("No campaign yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->new_campaign_button), setup->campaign == NULL);
  filters_changed_cb (self);
}

static char *
hp_import_filters_step_dup_problem (HpImportStep *step)
{
  HpImportFiltersStep *self = HP_IMPORT_FILTERS_STEP (step);
  HpImportSetup *setup = hp_import_step_get_setup (step);

  switch (setup->kind)
    {
    case HP_IMPORT_SCHOOLS:
      return NULL;

    case HP_IMPORT_SPONSORS:
      if (setup->campaign == NULL && hp_import_setup_get_mapping (setup, "pledged") != NULL)
        return g_strdup (_("Pledged pieces belong to a campaign. Create one first, or choose no column "
                           "for “Pieces pledged”."));
      return NULL;

    case HP_IMPORT_GRADUATES:
    default:
      break;
    }

  if (setup->campaign == NULL)
    return g_strdup (_("Graduates belong to a campaign. Create one first."));

  if (setup->school == NULL && hp_import_setup_get_mapping (setup, "school_number") == NULL)
    {
      if (self->store_problem != NULL)
        return g_strdup (self->store_problem);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->schools)) == 0)
        return g_strdup (_("There are no schools yet. Import or add the schools first."));
      return g_strdup (_("Choose the school the list comes from."));
    }

  if (setup->year == HP_IMPORT_YEAR_OTHER && (setup->year_value == NULL || setup->year_value[0] == '\0'))
    return g_strdup (_("Enter the value of the year column, e.g. Q2."));

  return NULL;
}

/* Writes the widgets' state into the setup. */
static void
filters_changed_cb (HpImportFiltersStep *self)
{
  HpImportSetup *setup = hp_import_step_get_setup (HP_IMPORT_STEP (self));
  g_autofree char *problem = NULL;

  if (self->syncing)
    return;

  g_free (setup->district);
  setup->district = g_strdup (hp_choice_row_get_chosen_id (self->district_row));
  setup->abitur_only = gtk_switch_get_active (self->abitur_switch);
  setup->include_closed = gtk_switch_get_active (self->closed_switch);

  g_free (setup->school);
  setup->school = g_strdup (hp_choice_row_get_chosen_id (self->school_row));
  switch (adw_combo_row_get_selected (self->year_row))
    {
    case 1:
      setup->year = HP_IMPORT_YEAR_ALL;
      break;
    case 2:
      setup->year = HP_IMPORT_YEAR_OTHER;
      break;
    case 0:
    default:
      setup->year = HP_IMPORT_YEAR_LAST;
      break;
    }
  g_free (setup->year_value);
  setup->year_value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_value_row))));

  gtk_widget_set_visible (GTK_WIDGET (self->year_value_row),
                          setup->year == HP_IMPORT_YEAR_OTHER &&
                          gtk_widget_get_sensitive (GTK_WIDGET (self->year_row)));

  /* closed schools count in the districts' figures */
  if (setup->kind == HP_IMPORT_SCHOOLS && self->surveyed_serial != 0 &&
      self->surveyed_closed != setup->include_closed)
    survey_districts (self);

  problem = hp_import_filters_step_dup_problem (HP_IMPORT_STEP (self));
  hp_import_step_show_message (self->filters_message, problem);
  hp_import_step_changed (HP_IMPORT_STEP (self));
}

static void
hp_import_filters_step_enter (HpImportStep *step)
{
  HpImportFiltersStep *self = HP_IMPORT_FILTERS_STEP (step);
  HpImportSetup *setup = hp_import_step_get_setup (step);
  gboolean schools = setup->kind == HP_IMPORT_SCHOOLS;
  gboolean graduates = setup->kind == HP_IMPORT_GRADUATES;

  gtk_widget_set_visible (GTK_WIDGET (self->district_group), schools);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_group), !schools);
  gtk_widget_set_visible (GTK_WIDGET (self->graduates_group), graduates);

  if (schools)
    /* the file, its reading options or its columns may have changed */
    survey_districts (self);
  else if (setup->kind == HP_IMPORT_SPONSORS)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row), _("The Pledges Count For"));
      adw_preferences_group_set_description (self->campaign_group,
                                             hp_import_setup_get_mapping (setup, "pledged") != NULL
                                             ? _("The pieces pledged in the file are pledges for this campaign.")
                                             : _("The file has no column of pieces pledged: only sponsors and "
                                                 "their gifts are imported."));
    }
  else
    {
      const char *year = hp_import_setup_get_mapping (setup, "year");

      fill_schools (self);
      update_school_row (self);
      if (year != NULL)
        {
          /* Translators: %s is the header of the file's year column */
          g_autofree char *subtitle = g_strdup_printf (_("By the column “%s”"), year);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row),
                                     _("The file has no year column: every row is imported."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), year != NULL);
    }

  if (!schools)
    hp_import_filters_step_update_campaign (self);
  else
    filters_changed_cb (self);
}

static void
new_campaign_clicked_cb (HpImportFiltersStep *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  /* the window's campaign dialog; the window passes the new campaign on */
  if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-campaign", NULL))
    g_debug ("No window to create a campaign in");
}

/* %TRUE while the districts of the file are read */
gboolean
hp_import_filters_step_get_surveying (HpImportFiltersStep *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_FILTERS_STEP (self), FALSE);

  return self->survey_cancellable != NULL;
}

HpChoiceRow *
hp_import_filters_step_get_district_row (HpImportFiltersStep *self)
{
  return self->district_row;
}

GtkSwitch *
hp_import_filters_step_get_abitur_switch (HpImportFiltersStep *self)
{
  return self->abitur_switch;
}

GtkSwitch *
hp_import_filters_step_get_closed_switch (HpImportFiltersStep *self)
{
  return self->closed_switch;
}

AdwActionRow *
hp_import_filters_step_get_campaign_row (HpImportFiltersStep *self)
{
  return self->campaign_row;
}

HpChoiceRow *
hp_import_filters_step_get_school_row (HpImportFiltersStep *self)
{
  return self->school_row;
}

AdwComboRow *
hp_import_filters_step_get_year_row (HpImportFiltersStep *self)
{
  return self->year_row;
}

AdwEntryRow *
hp_import_filters_step_get_year_value_row (HpImportFiltersStep *self)
{
  return self->year_value_row;
}

GtkLabel *
hp_import_filters_step_get_message (HpImportFiltersStep *self)
{
  return self->filters_message;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_import_filters_step_dispose (GObject *object)
{
  HpImportFiltersStep *self = HP_IMPORT_FILTERS_STEP (object);

  if (self->survey_cancellable != NULL)
    g_cancellable_cancel (self->survey_cancellable);
  g_clear_object (&self->survey_cancellable);
  g_clear_object (&self->districts);
  g_clear_object (&self->schools);

  G_OBJECT_CLASS (hp_import_filters_step_parent_class)->dispose (object);
}

static void
hp_import_filters_step_finalize (GObject *object)
{
  HpImportFiltersStep *self = HP_IMPORT_FILTERS_STEP (object);

  g_free (self->store_problem);

  G_OBJECT_CLASS (hp_import_filters_step_parent_class)->finalize (object);
}

static void
hp_import_filters_step_class_init (HpImportFiltersStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpImportStepClass *step_class = HP_IMPORT_STEP_CLASS (klass);

  object_class->dispose = hp_import_filters_step_dispose;
  object_class->finalize = hp_import_filters_step_finalize;
  step_class->enter = hp_import_filters_step_enter;
  step_class->dup_problem = hp_import_filters_step_dup_problem;

  g_type_ensure (HP_TYPE_CHOICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-filters-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, district_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, district_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, abitur_switch);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, campaign_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, new_campaign_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, graduates_group);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, school_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, year_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, year_value_row);
  gtk_widget_class_bind_template_child (widget_class, HpImportFiltersStep, filters_message);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_campaign_clicked_cb);
}

static void
hp_import_filters_step_init (HpImportFiltersStep *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->districts = g_list_store_new (HP_TYPE_CHOICE);
  self->schools = g_list_store_new (HP_TYPE_CHOICE);

  hp_choice_row_set_extra_label (self->district_row, _("All Districts"));
  hp_choice_row_set_search_placeholder (self->district_row, _("Key or town"));
  hp_choice_row_set_search_placeholder (self->school_row, _("Number, name or town"));
}
