/* hp-import-assistant-internal.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import assistant's files share: the instance struct, the steps,
 * and the functions one file calls in another. hp-import-assistant.c holds
 * the widget, the navigation between steps and the GObject boilerplate;
 * -preview.c reads the file and shows its first rows; -mapping.c has the
 * columns and filters steps; -run.c the dry run and the import in a GTask.
 * Not for tests: they use hp-import-assistant-private.h.
 */
#pragma once

#include "hp-import-assistant-private.h"

G_BEGIN_DECLS

typedef enum
{
  STEP_CHOOSE,
  STEP_PREVIEW,
  STEP_MAPPING,
  STEP_FILTERS,
  STEP_SUMMARY,
  N_STEPS
} Step;

/* the leaving year row */
enum {
  YEAR_LAST,    /* Q2 and 13: the importer's default */
  YEAR_ALL,
  YEAR_OTHER,
};

/* One run of hp_import_run() in a worker thread (hp-import-assistant-run.c). */
typedef struct _RunData RunData;

struct _HpImportAssistant
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *next_button;
  GtkStack             *stack;
  AdwStatusPage        *choose_page;
  AdwActionRow         *file_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *delimiter_row;
  GtkLabel             *preview_message;
  GtkColumnView        *preview_view;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *mapping_message;
  AdwPreferencesGroup  *district_group;
  AdwEntryRow          *district_row;
  GtkSwitch            *abitur_switch;
  GtkSwitch            *closed_switch;
  AdwPreferencesGroup  *campaign_group;
  AdwActionRow         *campaign_row;
  GtkButton            *new_campaign_button;
  AdwPreferencesGroup  *graduates_group;
  AdwActionRow         *school_row;
  GtkMenuButton        *school_button;
  GtkPopover           *school_popover;
  GtkSearchEntry       *school_search;
  GtkListView          *school_list;
  GtkLabel             *school_none_label;
  GtkButton            *school_column_button;
  AdwComboRow          *year_row;
  AdwEntryRow          *year_value_row;
  GtkLabel             *filters_message;
  GtkStack             *summary_stack;
  AdwStatusPage        *running_page;
  GtkProgressBar       *progress_bar;
  GtkButton            *stop_button;
  AdwStatusPage        *ready_page;
  GtkListBox           *summary_list;
  GtkCheckButton       *list_complete_check;
  GtkLabel             *cancelled_label;
  GtkLabel             *error_label;

  /* Borrowed */
  GPtrArray            *mapping_rows;     /* AdwComboRow, one per field */
  RunData              *run;              /* the task's data while it runs */

  /* Owned */
  HpStore              *store;
  HpCampaign           *campaign;
  GFile                *file;
  char                 *path;
  GtkFileChooserNative *chooser;
  char                **header;           /* the file's column headers */
  char                **mapping;          /* per field: a header, or NULL */
  GListStore           *schools;          /* HpSchool: what the school chooser offers */
  GtkCustomFilter      *school_filter;    /* by the chooser's search: number, name, town */
  char                 *chosen_school;    /* its number; NULL: none yet, or the column's */
  GCancellable         *cancellable;
  HpImportResult        dry_result;
  HpImportResult        result;
  char                 *nothing_message;  /* the dry run's: why nothing would be imported */

  HpImportKind          kind;
  Step                  step;
  guint                 n_fields;
  guint                 progress_source;
  guint                 readable : 1;     /* the file opened with a header */
  guint                 have_dry_result : 1;
  guint                 have_result : 1;
  guint                 close_when_done : 1;
};

/* hp-import-assistant.c: helpers, steps and buttons */
const char          *_hp_import_assistant_get_title            (HpImportAssistant *self);
gboolean             _hp_import_assistant_result_imports       (HpImportAssistant    *self,
                                                                const HpImportResult *result);
const HpImportField *_hp_import_assistant_get_field            (HpImportAssistant *self,
                                                                guint              index);
int                  _hp_import_assistant_find_field           (HpImportAssistant *self,
                                                                const char        *name);
const char          *_hp_import_assistant_get_mapping          (HpImportAssistant *self,
                                                                const char        *name);
void                 _hp_import_assistant_clear_mapping        (HpImportAssistant *self);
void                 _hp_import_assistant_set_label_message    (GtkLabel          *label,
                                                                const char        *message);
void                 _hp_import_assistant_update_buttons       (HpImportAssistant *self);
void                 _hp_import_assistant_go_to_step           (HpImportAssistant *self,
                                                                Step               step);
void                 _hp_import_assistant_emit_imported        (HpImportAssistant *self);

/* hp-import-assistant-preview.c: 1. choose a file, 2. preview */
void                 _hp_import_assistant_load_file            (HpImportAssistant *self,
                                                                GFile             *file);
void                 _hp_import_assistant_open_chooser         (HpImportAssistant *self);
void                 _hp_import_assistant_get_options          (HpImportAssistant *self,
                                                                HpTableOptions    *options);
void                 _hp_import_assistant_preview_init         (HpImportAssistant *self);
void                 _hp_import_assistant_preview_class_init   (GtkWidgetClass    *widget_class);

/* hp-import-assistant-mapping.c: 3. columns, 4. filters */
char                *_hp_import_assistant_dup_mapping_problem  (HpImportAssistant *self);
char                *_hp_import_assistant_dup_filters_problem  (HpImportAssistant *self);
const char          *_hp_import_assistant_get_chosen_school    (HpImportAssistant *self);
void                 _hp_import_assistant_rebuild_mapping_rows (HpImportAssistant *self);
void                 _hp_import_assistant_update_campaign_row  (HpImportAssistant *self);
void                 _hp_import_assistant_prepare_filters      (HpImportAssistant *self);
void                 _hp_import_assistant_mapping_init         (HpImportAssistant *self);
void                 _hp_import_assistant_mapping_class_init   (GtkWidgetClass    *widget_class);

/* hp-import-assistant-run.c: 5. summary, dry run and import */
void                 _hp_import_assistant_start_run            (HpImportAssistant *self,
                                                                gboolean           dry_run);
void                 _hp_import_assistant_run_class_init       (GtkWidgetClass    *widget_class);

G_END_DECLS
