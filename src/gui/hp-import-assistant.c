/* hp-import-assistant.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant: a modal window that takes a school directory, a
 * school's list of graduates or a list of sponsors and their gifts from a
 * file into the store, in five steps, each a widget of its own:
 *
 *  1. HpImportChooseStep: choose the file (skipped when a file was dropped
 *     on the window);
 *  2. HpImportPreviewStep: the first rows, with the detected encoding,
 *     delimiter and header line, which the user may override;
 *  3. HpImportColumnsStep: one row per field, preselected by header name;
 *  4. HpImportFiltersStep: the district (among those in the file) and school
 *     forms; or school, leaving year and campaign; or, for sponsors, the
 *     campaign their pledges count for;
 *  5. HpImportSummaryStep: a dry run says what would happen, in all and per
 *     school; "Import" then does it for real, with progress and "Stop".
 *
 * The steps share one HpImportSetup, which the assistant owns: each writes
 * its choices into it and emits HpImportStep::changed; the assistant asks
 * the shown step whether "Next" is possible. An import is all or nothing:
 * an error is shown and nothing is stored. On success the assistant emits
 * HpImportAssistant::imported and closes; the window shows the toast.
 *
 * Threading: while an import runs in its thread, the assistant is modal, so
 * nobody writes to the store.
 */

#define G_LOG_DOMAIN "hp-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-import-assistant-private.h"
#include "hp-import-choose-step.h"
#include "hp-import-columns-step.h"
#include "hp-import-filters-step.h"
#include "hp-import-preview-step.h"
#include "hp-import-setup.h"
#include "hp-import-summary-step.h"

typedef enum
{
  STEP_CHOOSE,
  STEP_PREVIEW,
  STEP_MAPPING,
  STEP_FILTERS,
  STEP_SUMMARY,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "choose", "preview", "mapping", "filters", "summary" };
static const char * const step_titles[N_STEPS] = {
  N_("Choose a File"),
  N_("Preview"),
  /* Translators: the step where file columns are assigned to fields */
  N_("Columns"),
  N_("Filters"),
  N_("Summary"),
};

struct _HpImportAssistant
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkStack            *stack;
  HpImportChooseStep  *choose_step;
  HpImportPreviewStep *preview_step;
  HpImportColumnsStep *columns_step;
  HpImportFiltersStep *filters_step;
  HpImportSummaryStep *summary_step;

  /* Owned */
  HpImportSetup       *setup;             /* made in constructed() */
  HpStore             *construct_store;   /* until then */
  GFile               *construct_file;

  HpImportKind         construct_kind;
  Step                 step;
  guint                close_when_done : 1;
};

G_DEFINE_FINAL_TYPE (HpImportAssistant, hp_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_CAMPAIGN,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Steps and buttons                                                         */

static HpImportStep *
get_step (HpImportAssistant *self,
          Step               step)
{
  switch (step)
    {
    case STEP_CHOOSE:
      return HP_IMPORT_STEP (self->choose_step);
    case STEP_PREVIEW:
      return HP_IMPORT_STEP (self->preview_step);
    case STEP_MAPPING:
      return HP_IMPORT_STEP (self->columns_step);
    case STEP_FILTERS:
      return HP_IMPORT_STEP (self->filters_step);
    case STEP_SUMMARY:
      return HP_IMPORT_STEP (self->summary_step);
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
get_busy (HpImportAssistant *self)
{
  return hp_import_summary_step_get_busy (self->summary_step);
}

static gboolean
can_go_next (HpImportAssistant *self)
{
  g_autofree char *problem = NULL;

  if (get_busy (self))
    return FALSE;

  problem = hp_import_step_dup_problem (get_step (self, self->step));
  return problem == NULL;
}

static void
update_buttons (HpImportAssistant *self)
{
  g_autofree char *subtitle = NULL;

  /* Translators: the assistant's subtitle, e.g. "Step 2 of 5: Preview" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1, N_STEPS, _(step_titles[self->step]));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > STEP_CHOOSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !get_busy (self));

  gtk_button_set_label (self->next_button, self->step == STEP_SUMMARY ? _("_Import") : _("_Next"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), can_go_next (self));
}

static void
go_to_step (HpImportAssistant *self,
            Step               step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  hp_import_step_enter (get_step (self, step));
  update_buttons (self);
}

static void
step_changed_cb (HpImportAssistant *self)
{
  /* the window was closed while an import ran: it has ended now */
  if (self->close_when_done && !get_busy (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  update_buttons (self);
}

static void
file_chosen_cb (HpImportAssistant *self,
                GFile             *file)
{
  hp_import_setup_set_file (self->setup, file);
  go_to_step (self, STEP_PREVIEW);
}

/* The real run succeeded: the window shows the toast. */
static void
imported_cb (HpImportAssistant *self)
{
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The dry run was stopped: back to the filters */
static void
stopped_cb (HpImportAssistant *self)
{
  if (!self->close_when_done)
    go_to_step (self, STEP_FILTERS);
}

static void
next_clicked_cb (HpImportAssistant *self)
{
  if (!can_go_next (self))
    return;

  switch (self->step)
    {
    case STEP_CHOOSE:
      if (self->setup->file != NULL)
        go_to_step (self, STEP_PREVIEW);
      else
        hp_import_choose_step_open_chooser (self->choose_step);
      break;
    case STEP_PREVIEW:
    case STEP_MAPPING:
    case STEP_FILTERS:
      go_to_step (self, self->step + 1);
      break;
    case STEP_SUMMARY:
      hp_import_summary_step_import (self->summary_step);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
back_clicked_cb (HpImportAssistant *self)
{
  if (get_busy (self) || self->step == STEP_CHOOSE)
    return;

  go_to_step (self, self->step - 1);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_import_assistant_new:
 * @store: where the rows go
 * @kind: schools, graduates or sponsors
 * @campaign: (nullable): the campaign graduates go to, or sponsors' pledges
 * @file: (nullable): the file, e.g. dropped on the window; %NULL to start by
 *   choosing one
 */
HpImportAssistant *
hp_import_assistant_new (HpStore      *store,
                         HpImportKind  kind,
                         HpCampaign   *campaign,
                         GFile        *file)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == HP_IMPORT_SCHOOLS || kind == HP_IMPORT_GRADUATES ||
                        kind == HP_IMPORT_SPONSORS, NULL);
  g_return_val_if_fail (!campaign || HP_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (HP_TYPE_IMPORT_ASSISTANT,
                       "store", store,
                       "kind", kind,
                       "campaign", campaign,
                       "file", file,
                       NULL);
}

HpImportKind
hp_import_assistant_get_kind (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), HP_IMPORT_SCHOOLS);

  return self->setup->kind;
}

HpCampaign *
hp_import_assistant_get_campaign (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  return self->setup->campaign;
}

/**
 * hp_import_assistant_set_campaign:
 * @campaign: (nullable): the campaign graduates go to
 */
void
hp_import_assistant_set_campaign (HpImportAssistant *self,
                                  HpCampaign        *campaign)
{
  g_return_if_fail (HP_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  /* a running import keeps its campaign */
  if (get_busy (self) || !g_set_object (&self->setup->campaign, campaign))
    return;

  /* graduates, pledges: what the dry run said was for the old campaign */
  if (self->setup->kind != HP_IMPORT_SCHOOLS && self->step == STEP_SUMMARY)
    go_to_step (self, STEP_FILTERS);
  else if (self->setup->kind != HP_IMPORT_SCHOOLS)
    hp_import_filters_step_update_campaign (self->filters_step);
  update_buttons (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * hp_import_assistant_get_result:
 *
 * Returns: (nullable): the counts of the import, once it has succeeded
 */
const HpImportResult *
hp_import_assistant_get_result (HpImportAssistant *self)
{
  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  return hp_import_summary_step_get_result (self->summary_step);
}

/**
 * hp_import_assistant_dup_result_text:
 *
 * Returns: (transfer full) (nullable): the import's counts for a toast,
 *   e.g. "21 schools imported, 86 skipped"
 */
/* Appends @format (ngettext's choice, one %s) with @n grouped the
 * language's way */
static void
append_counted (GString    *text,
                const char *format,
                guint       n)
{
  g_autofree char *counted = hp_format_counted (format, n);

  g_string_append (text, counted);
}

char *
hp_import_assistant_dup_result_text (HpImportAssistant *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const HpImportResult *r;
  guint imported;

  g_return_val_if_fail (HP_IS_IMPORT_ASSISTANT (self), NULL);

  r = hp_import_summary_step_get_result (self->summary_step);
  if (r == NULL)
    return NULL;

  imported = r->added + r->updated;
  if (self->setup->kind == HP_IMPORT_SPONSORS)
    {
      append_counted (text, ngettext ("%s sponsor imported", "%s sponsors imported", imported), imported);
      /* Translators: the parts after "12 sponsors imported, " in a toast */
      if (r->gifts_added > 0)
        append_counted (text, ngettext (", %s new gift", ", %s new gifts", r->gifts_added), r->gifts_added);
      if (r->pledges_set > 0)
        append_counted (text, ngettext (", %s pledge", ", %s pledges", r->pledges_set), r->pledges_set);
    }
  else if (self->setup->kind == HP_IMPORT_SCHOOLS)
    append_counted (text, ngettext ("%s school imported", "%s schools imported", imported), imported);
  else
    append_counted (text, ngettext ("%s graduate imported", "%s graduates imported", imported), imported);

  /* Translators: the parts after "21 schools imported, " in a toast */
  if (r->unchanged > 0)
    append_counted (text, ngettext (", %s unchanged", ", %s unchanged", r->unchanged), r->unchanged);
  if (r->duplicates > 0)
    append_counted (text, ngettext (", %s already listed", ", %s already listed", r->duplicates),
                    r->duplicates);
  if (r->skipped > 0)
    append_counted (text, ngettext (", %s skipped", ", %s skipped", r->skipped), r->skipped);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-import-assistant-private.h)                                 */

void
_hp_import_assistant_choose_file (HpImportAssistant *self,
                                  GFile             *file)
{
  file_chosen_cb (self, file);
}

const char *
_hp_import_assistant_get_step (HpImportAssistant *self)
{
  return step_names[self->step];
}

const char *
_hp_import_assistant_get_summary_state (HpImportAssistant *self)
{
  return hp_import_summary_step_get_state (self->summary_step);
}

gboolean
_hp_import_assistant_get_busy (HpImportAssistant *self)
{
  return get_busy (self) || hp_import_filters_step_get_surveying (self->filters_step);
}

const HpImportResult *
_hp_import_assistant_get_dry_result (HpImportAssistant *self)
{
  return hp_import_summary_step_get_dry_result (self->summary_step);
}

GtkButton *
_hp_import_assistant_get_next_button (HpImportAssistant *self)
{
  return self->next_button;
}

GtkButton *
_hp_import_assistant_get_back_button (HpImportAssistant *self)
{
  return self->back_button;
}

AdwWindowTitle *
_hp_import_assistant_get_window_title (HpImportAssistant *self)
{
  return self->window_title;
}

HpImportPreviewStep *
_hp_import_assistant_get_preview_step (HpImportAssistant *self)
{
  return self->preview_step;
}

HpImportColumnsStep *
_hp_import_assistant_get_columns_step (HpImportAssistant *self)
{
  return self->columns_step;
}

HpImportFiltersStep *
_hp_import_assistant_get_filters_step (HpImportAssistant *self)
{
  return self->filters_step;
}

HpImportSummaryStep *
_hp_import_assistant_get_summary_step (HpImportAssistant *self)
{
  return self->summary_step;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static gboolean
hp_import_assistant_close_request (GtkWindow *window)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (window);

  /* the thread must end before the window lets anyone touch the store */
  if (get_busy (self))
    {
      self->close_when_done = TRUE;
      hp_import_summary_step_stop (self->summary_step);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hp_import_assistant_parent_class)->close_request (window);
}

static void
hp_import_assistant_constructed (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);
  g_autoptr(GFile) file = g_steal_pointer (&self->construct_file);
  const char *title;

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->construct_store));

  self->setup = hp_import_setup_new (self->construct_store, self->construct_kind);
  self->setup->abitur_only = TRUE;
  g_clear_object (&self->construct_store);

  for (Step step = STEP_CHOOSE; step < N_STEPS; step++)
    hp_import_step_set_setup (get_step (self, step), self->setup);

  title = hp_import_setup_get_title (self->setup);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (file != NULL)
    {
      hp_import_setup_set_file (self->setup, file);
      go_to_step (self, STEP_PREVIEW);
    }
  else
    go_to_step (self, STEP_CHOOSE);
}

static void
hp_import_assistant_dispose (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  g_clear_object (&self->construct_store);
  g_clear_object (&self->construct_file);

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->dispose (object);
}

static void
hp_import_assistant_finalize (GObject *object)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  g_clear_pointer (&self->setup, hp_import_setup_unref);

  G_OBJECT_CLASS (hp_import_assistant_parent_class)->finalize (object);
}

static void
hp_import_assistant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->setup->store);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->setup->kind);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->setup->campaign);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->setup->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_import_assistant_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HpImportAssistant *self = HP_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->construct_store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->construct_kind = g_value_get_int (value);
      break;
    case PROP_CAMPAIGN:
      /* not construct-only: set after constructed(), when the setup exists */
      hp_import_assistant_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      self->construct_file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_import_assistant_class_init (HpImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hp_import_assistant_constructed;
  object_class->dispose = hp_import_assistant_dispose;
  object_class->finalize = hp_import_assistant_finalize;
  object_class->get_property = hp_import_assistant_get_property;
  object_class->set_property = hp_import_assistant_set_property;

  window_class->close_request = hp_import_assistant_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* HpImportKind has no GType */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HP_IMPORT_SCHOOLS, HP_IMPORT_SPONSORS, HP_IMPORT_SCHOOLS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HpImportAssistant::imported:
   * @self: the assistant
   *
   * The import has been stored (see hp_import_assistant_get_result()); the
   * assistant closes next.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (HP_TYPE_IMPORT_CHOOSE_STEP);
  g_type_ensure (HP_TYPE_IMPORT_PREVIEW_STEP);
  g_type_ensure (HP_TYPE_IMPORT_COLUMNS_STEP);
  g_type_ensure (HP_TYPE_IMPORT_FILTERS_STEP);
  g_type_ensure (HP_TYPE_IMPORT_SUMMARY_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, choose_step);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, preview_step);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, columns_step);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, filters_step);
  gtk_widget_class_bind_template_child (widget_class, HpImportAssistant, summary_step);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, imported_cb);
  gtk_widget_class_bind_template_callback (widget_class, stopped_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_import_assistant_init (HpImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
