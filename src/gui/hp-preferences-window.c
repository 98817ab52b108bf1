/* hp-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the defaults for packing and the agency's details for
 * printouts. Every field is bound to its GSettings key, so changes are
 * stored as they are made; there is nothing to apply.
 */

#define G_LOG_DOMAIN "hp-preferences-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hp-preferences-window.h"
#include "hp-window-purge.h"

struct _HpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSpinButton        *spare_percent_spin;
  GtkSpinButton        *crate_size_spin;
  GtkSpinButton        *backup_keep_last_spin;
  GtkSpinButton        *backup_keep_weeks_spin;
  GtkSpinButton        *backup_keep_months_spin;
  GtkSpinButton        *purge_reminder_weeks_spin;
  GtkLabel             *data_info_label;
  AdwEntryRow          *agency_name_row;
  AdwEntryRow          *agency_street_row;
  AdwEntryRow          *agency_postcode_row;
  AdwEntryRow          *agency_town_row;
  AdwEntryRow          *agency_phone_row;
  AdwEntryRow          *agency_email_row;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (HpPreferencesWindow, hp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* "What Data Does Heimpack Store?" names the reminder's weeks. */
static void
update_data_info (HpPreferencesWindow *self)
{
  g_autofree char *text = hp_data_info_dup_text (g_settings_get_uint (self->settings, "purge-reminder-weeks"));

  gtk_label_set_label (self->data_info_label, text);
}

/* ------------------------------------------------------------------------ */
/* Hints                                                                     */

/* Both are only hints (a red field): a foreign postcode or an unusual
 * address is still stored as typed. */
static void
mark_row (AdwEntryRow *row,
          gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
postcode_changed_cb (HpPreferencesWindow *self,
                     AdwEntryRow         *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean valid = TRUE;

  /* German postcodes: five digits */
  if (text[0] != '\0')
    {
      valid = strlen (text) == 5;
      for (const char *p = text; valid && *p != '\0'; p++)
        valid = g_ascii_isdigit (*p);
    }

  mark_row (row, valid);
}

static void
email_changed_cb (HpPreferencesWindow *self,
                  AdwEntryRow         *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *at = strchr (text, '@');

  mark_row (row, text[0] == '\0'
                 || (at != NULL && at != text && strchr (at + 1, '.') != NULL && strchr (text, ' ') == NULL));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_preferences_window_new:
 * @parent: (nullable): the window to stay above
 */
HpPreferencesWindow *
hp_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (HP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_preferences_window_dispose (GObject *object)
{
  HpPreferencesWindow *self = HP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hp_preferences_window_parent_class)->dispose (object);
}

static void
hp_preferences_window_class_init (HpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, spare_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, crate_size_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_last_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_months_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, purge_reminder_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, data_info_label);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_name_row);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_street_row);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_postcode_row);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_town_row);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_phone_row);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_email_row);
  gtk_widget_class_bind_template_callback (widget_class, postcode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
}

static void
hp_preferences_window_init (HpPreferencesWindow *self)
{
  static const struct {
    const char *key;
    gsize       offset;
    const char *property;
  } bindings[] = {
    { "spare-percent", G_STRUCT_OFFSET (HpPreferencesWindow, spare_percent_spin), "value" },
    { "crate-size", G_STRUCT_OFFSET (HpPreferencesWindow, crate_size_spin), "value" },
    { "backup-keep-last", G_STRUCT_OFFSET (HpPreferencesWindow, backup_keep_last_spin), "value" },
    { "backup-keep-weeks", G_STRUCT_OFFSET (HpPreferencesWindow, backup_keep_weeks_spin), "value" },
    { "backup-keep-months", G_STRUCT_OFFSET (HpPreferencesWindow, backup_keep_months_spin), "value" },
    { "purge-reminder-weeks", G_STRUCT_OFFSET (HpPreferencesWindow, purge_reminder_weeks_spin), "value" },
    { "agency-name", G_STRUCT_OFFSET (HpPreferencesWindow, agency_name_row), "text" },
    { "agency-street", G_STRUCT_OFFSET (HpPreferencesWindow, agency_street_row), "text" },
    { "agency-postcode", G_STRUCT_OFFSET (HpPreferencesWindow, agency_postcode_row), "text" },
    { "agency-town", G_STRUCT_OFFSET (HpPreferencesWindow, agency_town_row), "text" },
    { "agency-phone", G_STRUCT_OFFSET (HpPreferencesWindow, agency_phone_row), "text" },
    { "agency-email", G_STRUCT_OFFSET (HpPreferencesWindow, agency_email_row), "text" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      GObject *widget = G_STRUCT_MEMBER (GObject *, self, bindings[i].offset);

      g_settings_bind (self->settings, bindings[i].key, widget, bindings[i].property,
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->settings, "changed::purge-reminder-weeks", G_CALLBACK (update_data_info),
                           self, G_CONNECT_SWAPPED);
  update_data_info (self);
}
