/* hp-campaign-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog behind "New Campaign…", "Copy From Last Year…" and "Edit
 * Campaign…". It checks the form as the user types and says under each
 * field what is wrong; "Create" ("Save") stays insensitive until everything
 * is right. For a new campaign the name follows the year ("Heimvorteil2GO
 * 2028") until the user types a name of their own.
 *
 * Creating calls hp_store_add_campaign() or hp_store_clone_campaign(),
 * editing hp_store_update_campaign(); an error of the store is shown in the
 * dialog, which then stays open. On success the dialog emits
 * HpCampaignDialog::campaign-created (or ::campaign-updated) and closes.
 */

#define G_LOG_DOMAIN "hp-campaign-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hp-campaign-dialog-private.h"
#include "hp-date-button.h"
#include "hp-record-field.h"

#define MIN_YEAR 2000
#define MAX_YEAR 2200

/* The campaign's usual name: the brand of recent years and the year. */
#define DEFAULT_NAME_FORMAT "Heimvorteil2GO %d"

struct _HpCampaignDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *create_button;
  GtkLabel          *error_label;
  AdwPreferencesGroup *source_group;
  AdwComboRow       *source_row;
  AdwEntryRow       *name_row;
  GtkWidget         *name_message_row;
  GtkLabel          *name_message;
  AdwEntryRow       *year_row;
  GtkWidget         *year_message_row;
  GtkLabel          *year_message;
  AdwPreferencesGroup *details_group;
  AdwEntryRow       *date_row;
  GtkWidget         *date_button;  /* the calendar, a suffix of date_row */
  GtkWidget         *date_message_row;
  GtkLabel          *date_message;
  GtkSpinButton     *spare_spin;

  /* Owned */
  HpStore           *store;
  HpCampaign        *campaign;    /* the campaign edited, or NULL */
  GListModel        *campaigns;   /* NULL if they could not be listed */

  int                default_year;
  gboolean           copy;
  gboolean           name_edited;  /* the user typed a name of their own */
  gboolean           setting_name; /* the dialog itself is filling it in */
};

G_DEFINE_FINAL_TYPE (HpCampaignDialog, hp_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COPY,
  PROP_CAMPAIGN,
  N_PROPS
};

enum {
  CAMPAIGN_CREATED,
  CAMPAIGN_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gboolean
parse_year (const char *text,
            int        *out_year)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 year;

  if (!g_ascii_string_to_signed (stripped, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
    return FALSE;

  *out_year = (int) year;
  return TRUE;
}

static int
get_newest_year (HpCampaignDialog *self)
{
  g_autoptr(HpCampaign) newest = NULL;

  /* the store lists the newest year first */
  if (self->campaigns == NULL || g_list_model_get_n_items (self->campaigns) == 0)
    return 0;

  newest = g_list_model_get_item (self->campaigns, 0);
  return hp_campaign_get_year (newest);
}

static gboolean
name_is_taken (HpCampaignDialog *self,
               const char       *name)
{
  guint n_items;

  if (self->campaigns == NULL)
    return FALSE;

  n_items = g_list_model_get_n_items (self->campaigns);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HpCampaign) campaign = g_list_model_get_item (self->campaigns, i);

      /* the campaign edited keeps its own name */
      if (self->campaign != NULL && hp_campaign_get_id (campaign) == hp_campaign_get_id (self->campaign))
        continue;

      if (g_strcmp0 (hp_campaign_get_name (campaign), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Last year's name with this year in it ("Survival-Pack 2027" becomes
 * "Survival-Pack 2028"), else the usual name. */
static char *
suggest_name (HpCampaignDialog *self,
              int               year)
{
  HpCampaign *source = hp_campaign_dialog_get_source (self);

  if (source != NULL)
    {
      g_autofree char *old_year = g_strdup_printf ("%d", hp_campaign_get_year (source));
      g_autofree char *new_year = g_strdup_printf ("%d", year);
      const char *name = hp_campaign_get_name (source);

      if (strstr (name, old_year) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (name, old_year, -1);

          return g_strjoinv (new_year, parts);
        }
    }

  return g_strdup_printf (DEFAULT_NAME_FORMAT, year);
}

static void
suggest_name_for_year (HpCampaignDialog *self)
{
  g_autofree char *name = NULL;
  int year;

  if (self->name_edited || !parse_year (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &year))
    return;

  name = suggest_name (self, year);
  self->setting_name = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->setting_name = FALSE;
}

static void
set_field_message (HpCampaignDialog *self,
                   AdwEntryRow      *row,
                   GtkWidget        *message_row,
                   GtkLabel         *label,
                   const char       *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (message_row, invalid);

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Checks every field, says what is wrong under it, and enables "Create"
 * only for a complete form. */
static gboolean
validate (HpCampaignDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *iso_date = NULL;
  g_autofree char *date_message = NULL;
  g_autofree char *year_message = NULL;
  const char *name_message = NULL;
  gboolean have_year;
  int year = 0;

  if (name[0] == '\0')
    name_message = _("Enter a name for the campaign.");
  else if (name_is_taken (self, name))
    name_message = _("There is already a campaign with this name.");

  have_year = parse_year (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &year);
  if (!have_year)
    /* Translators: %d and %d are the first and last year allowed */
    year_message = g_strdup_printf (_("Enter a year from %d to %d."), MIN_YEAR, MAX_YEAR);

  if (!self->copy && date[0] != '\0')
    {
      iso_date = hp_parse_date (date);
      if (iso_date == NULL)
        /* Translators: %d is the campaign's year, in an example date (day.month.year) */
        date_message = g_strdup_printf (_("Enter the date as day.month.year, for example 26.06.%d, or leave it empty."),
                                        have_year ? year : self->default_year);
    }

  set_field_message (self, self->name_row, self->name_message_row, self->name_message, name_message);
  set_field_message (self, self->year_row, self->year_message_row, self->year_message, year_message);
  set_field_message (self, self->date_row, self->date_message_row, self->date_message, date_message);

  if (name_message != NULL || !have_year || date_message != NULL
      || self->campaigns == NULL
      || (self->copy && hp_campaign_dialog_get_source (self) == NULL))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
      return FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), TRUE);
  return TRUE;
}

static void
show_error (HpCampaignDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
load_campaigns (HpCampaignDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->campaigns);
  self->campaigns = hp_store_list_campaigns (self->store, &error);
  if (self->campaigns == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                 */

static void
name_changed_cb (HpCampaignDialog *self)
{
  if (!self->setting_name)
    self->name_edited = TRUE;

  validate (self);
}

static void
year_changed_cb (HpCampaignDialog *self)
{
  int year;

  suggest_name_for_year (self);
  validate (self);

  /* an empty date's calendar opens in the campaign's year, not in today's */
  if (parse_year (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &year))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-01", year, g_date_time_get_month (now));

      hp_date_button_set_default_date (self->date_button, iso);
    }
}

static void
date_changed_cb (HpCampaignDialog *self)
{
  validate (self);
}

static void
source_changed_cb (HpCampaignDialog *self)
{
  suggest_name_for_year (self);
  validate (self);
}

static void
create_clicked_cb (HpCampaignDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;

  /* validate () has checked the year as well */
  if (!validate (self) || !parse_year (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &year))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  if (self->campaign != NULL)
    {
      g_autofree char *iso_date = date[0] != '\0' ? hp_parse_date (date) : NULL;

      /* a copy: the window's campaign changes only once the store took it */
      campaign = hp_campaign_new (name, year);
      hp_campaign_set_id (campaign, hp_campaign_get_id (self->campaign));
      hp_campaign_set_handover_date (campaign, iso_date);
      hp_campaign_set_spare_percent (campaign, gtk_spin_button_get_value_as_int (self->spare_spin));
      if (!hp_store_update_campaign (self->store, campaign, &error))
        g_clear_object (&campaign);
    }
  else if (self->copy)
    {
      HpCampaign *source = hp_campaign_dialog_get_source (self);

      campaign = hp_store_clone_campaign (self->store, hp_campaign_get_id (source), name, year, &error);
    }
  else
    {
      g_autofree char *iso_date = date[0] != '\0' ? hp_parse_date (date) : NULL;

      campaign = hp_campaign_new (name, year);
      hp_campaign_set_handover_date (campaign, iso_date);
      hp_campaign_set_spare_percent (campaign, gtk_spin_button_get_value_as_int (self->spare_spin));
      if (!hp_store_add_campaign (self->store, campaign, &error))
        g_clear_object (&campaign);
    }

  if (campaign == NULL)
    {
      /* e.g. another Heimpack took the name meanwhile: list the campaigns
       * again, so that the name check knows it from now on */
      show_error (self, error->message);
      load_campaigns (self);
      validate (self);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[self->campaign ? CAMPAIGN_UPDATED : CAMPAIGN_CREATED], 0, campaign);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_campaign_dialog_new:
 * @store: where the campaign goes
 * @copy: %TRUE to copy an existing campaign ("Copy From Last Year…"),
 *   %FALSE for an empty one
 */
HpCampaignDialog *
hp_campaign_dialog_new (HpStore  *store,
                        gboolean  copy)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_CAMPAIGN_DIALOG,
                       "store", store,
                       "copy", copy,
                       NULL);
}

/**
 * hp_campaign_dialog_new_edit:
 * @store: where the campaign is
 * @campaign: the campaign to correct (name, year, hand-over date, spare
 *   packs); it is not changed itself: ::campaign-updated brings the new one
 */
HpCampaignDialog *
hp_campaign_dialog_new_edit (HpStore    *store,
                             HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (HP_IS_CAMPAIGN (campaign), NULL);

  return g_object_new (HP_TYPE_CAMPAIGN_DIALOG,
                       "store", store,
                       "campaign", campaign,
                       NULL);
}

/**
 * hp_campaign_dialog_get_campaign:
 *
 * Returns: (nullable) (transfer none): the campaign edited, %NULL when the
 *   dialog creates one.
 */
HpCampaign *
hp_campaign_dialog_get_campaign (HpCampaignDialog *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN_DIALOG (self), NULL);

  return self->campaign;
}

gboolean
hp_campaign_dialog_get_copy (HpCampaignDialog *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN_DIALOG (self), FALSE);

  return self->copy;
}

/**
 * hp_campaign_dialog_get_source:
 *
 * Returns: (nullable) (transfer none): the campaign to copy, %NULL for a
 *   new empty campaign.
 */
HpCampaign *
hp_campaign_dialog_get_source (HpCampaignDialog *self)
{
  g_return_val_if_fail (HP_IS_CAMPAIGN_DIALOG (self), NULL);

  if (!self->copy)
    return NULL;

  return adw_combo_row_get_selected_item (self->source_row);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-campaign-dialog-private.h)                                  */

AdwComboRow *
_hp_campaign_dialog_get_source_row (HpCampaignDialog *self)
{
  return self->source_row;
}

AdwEntryRow *
_hp_campaign_dialog_get_name_row (HpCampaignDialog *self)
{
  return self->name_row;
}

AdwEntryRow *
_hp_campaign_dialog_get_year_row (HpCampaignDialog *self)
{
  return self->year_row;
}

GtkWidget *
_hp_campaign_dialog_get_date_button (HpCampaignDialog *self)
{
  return self->date_button;
}

AdwEntryRow *
_hp_campaign_dialog_get_date_row (HpCampaignDialog *self)
{
  return self->date_row;
}

GtkSpinButton *
_hp_campaign_dialog_get_spare_spin (HpCampaignDialog *self)
{
  return self->spare_spin;
}

GtkLabel *
_hp_campaign_dialog_get_name_message (HpCampaignDialog *self)
{
  return self->name_message;
}

GtkLabel *
_hp_campaign_dialog_get_year_message (HpCampaignDialog *self)
{
  return self->year_message;
}

GtkLabel *
_hp_campaign_dialog_get_date_message (HpCampaignDialog *self)
{
  return self->date_message;
}

GtkLabel *
_hp_campaign_dialog_get_error_label (HpCampaignDialog *self)
{
  return self->error_label;
}

GtkButton *
_hp_campaign_dialog_get_create_button (HpCampaignDialog *self)
{
  return self->create_button;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_campaign_dialog_constructed (GObject *object)
{
  HpCampaignDialog *self = HP_CAMPAIGN_DIALOG (object);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *year_text = NULL;
  int newest_year;

  G_OBJECT_CLASS (hp_campaign_dialog_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  /* editing never copies */
  self->copy = self->copy && self->campaign == NULL;

  if (self->campaign != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Campaign"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Campaign"));
      gtk_button_set_label (self->create_button, _("_Save"));
    }
  else if (self->copy)
    {
      adw_window_title_set_title (self->window_title, _("Copy From Last Year"));
      gtk_window_set_title (GTK_WINDOW (self), _("Copy From Last Year"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Campaign"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Campaign"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), self->copy);
  /* a copy takes the spare packs from last year, and has no date yet */
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), !self->copy);

  gtk_spin_button_set_value (self->spare_spin, g_settings_get_int (settings, "spare-percent"));

  if (load_campaigns (self))
    {
      /* the store lists the newest first: that is the default source */
      adw_combo_row_set_model (self->source_row, self->campaigns);
      if (self->copy && g_list_model_get_n_items (self->campaigns) == 0)
        show_error (self, _("There is no campaign to copy yet."));
    }

  if (self->campaign != NULL)
    {
      g_autofree char *date_text = hp_field_format_iso_date (hp_campaign_get_handover_date (self->campaign));

      /* the form shows the campaign as it is; its name stays its own */
      self->name_edited = TRUE;
      self->default_year = hp_campaign_get_year (self->campaign);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), hp_campaign_get_name (self->campaign));
      year_text = g_strdup_printf ("%d", self->default_year);
      gtk_editable_set_text (GTK_EDITABLE (self->year_row), year_text);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text);
      gtk_spin_button_set_value (self->spare_spin, hp_campaign_get_spare_percent (self->campaign));
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  newest_year = get_newest_year (self);
  if (newest_year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      newest_year = g_date_time_get_year (now);
    }
  self->default_year = CLAMP (newest_year + 1, MIN_YEAR, MAX_YEAR);
  year_text = g_strdup_printf ("%d", self->default_year);
  /* sets the name too, through year_changed_cb() */
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year_text);
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hp_campaign_dialog_dispose (GObject *object)
{
  HpCampaignDialog *self = HP_CAMPAIGN_DIALOG (object);

  g_clear_object (&self->campaigns);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_campaign_dialog_parent_class)->dispose (object);
}

static void
hp_campaign_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HpCampaignDialog *self = HP_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COPY:
      g_value_set_boolean (value, self->copy);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_campaign_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HpCampaignDialog *self = HP_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_COPY:
      self->copy = g_value_get_boolean (value);
      break;
    case PROP_CAMPAIGN:
      self->campaign = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_campaign_dialog_class_init (HpCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hp_campaign_dialog_constructed;
  object_class->dispose = hp_campaign_dialog_dispose;
  object_class->get_property = hp_campaign_dialog_get_property;
  object_class->set_property = hp_campaign_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COPY] =
    g_param_spec_boolean ("copy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * HpCampaignDialog:campaign:
   *
   * The campaign to correct, or %NULL to create one.
   */
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HpCampaignDialog::campaign-created:
   * @self: the dialog
   * @campaign: the new campaign, stored
   *
   * The campaign was created; the dialog closes next.
   */
  signals[CAMPAIGN_CREATED] =
    g_signal_new ("campaign-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HP_TYPE_CAMPAIGN);

  /**
   * HpCampaignDialog::campaign-updated:
   * @self: the dialog
   * @campaign: the campaign as stored now (a new object, same id)
   *
   * The campaign edited was saved; the dialog closes next.
   */
  signals[CAMPAIGN_UPDATED] =
    g_signal_new ("campaign-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HP_TYPE_CAMPAIGN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, source_group);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, year_message_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, year_message);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, date_message_row);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, date_message);
  gtk_widget_class_bind_template_child (widget_class, HpCampaignDialog, spare_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hp_campaign_dialog_init (HpCampaignDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_button = hp_date_button_new (GTK_EDITABLE (self->date_row));
  adw_entry_row_add_suffix (self->date_row, self->date_button);

  expression = gtk_property_expression_new (HP_TYPE_CAMPAIGN, NULL, "name");
  adw_combo_row_set_expression (self->source_row, expression);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->name_row),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->name_message, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->year_row),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->year_message, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date_row),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->date_message, -1);
}
