/* hp-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the defaults for packing, kept per user in GSettings, and
 * the agency's details for printouts, kept in the open file (hp_store_get_
 * agency()) so that every colleague prints the same header. Changes are
 * stored as they are made; there is nothing to apply: a settings field is
 * bound to its key, the agency is written a moment after the last
 * keystroke (and when the window goes), and follows the file when another
 * writer changes it (a restore). A read-only file's agency is shown but
 * cannot be edited, and the group says why.
 *
 * hp_preferences_take_over_agency() moves the agency that older versions
 * kept in GSettings into a file, once.
 */

#define G_LOG_DOMAIN "hp-preferences-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

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
  AdwPreferencesGroup  *agency_group;
  AdwEntryRow          *agency_name_row;
  AdwEntryRow          *agency_street_row;
  AdwEntryRow          *agency_postcode_row;
  AdwEntryRow          *agency_town_row;
  AdwEntryRow          *agency_phone_row;
  AdwEntryRow          *agency_email_row;

  /* Owned */
  GSettings            *settings;
  HpStore              *store;
  guint                 save_source;
  gboolean              loading;      /* filling the rows from the file */
};

G_DEFINE_FINAL_TYPE (HpPreferencesWindow, hp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* a moment after the last keystroke */
#define SAVE_DELAY_MSEC 400

/* The agency's rows, by HpAgency property */
#define N_AGENCY_ROWS 6
static const struct {
  const char *property;
  gsize       offset;
} agency_rows[N_AGENCY_ROWS] = {
  { "name", G_STRUCT_OFFSET (HpPreferencesWindow, agency_name_row) },
  { "street", G_STRUCT_OFFSET (HpPreferencesWindow, agency_street_row) },
  { "postcode", G_STRUCT_OFFSET (HpPreferencesWindow, agency_postcode_row) },
  { "town", G_STRUCT_OFFSET (HpPreferencesWindow, agency_town_row) },
  { "phone", G_STRUCT_OFFSET (HpPreferencesWindow, agency_phone_row) },
  { "email", G_STRUCT_OFFSET (HpPreferencesWindow, agency_email_row) },
};

static GtkEditable *
agency_row (HpPreferencesWindow *self,
            guint                i)
{
  return G_STRUCT_MEMBER (GtkEditable *, self, agency_rows[i].offset);
}

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

/* The store's own check: what is red here is what it would refuse. */
static void
email_changed_cb (HpPreferencesWindow *self,
                  AdwEntryRow         *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  mark_row (row, hp_email_is_plausible (text));
}

/* ------------------------------------------------------------------------ */
/* The agency, in the file                                                   */

static void
load_agency (HpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpAgency) agency = NULL;

  if (self->store == NULL)
    return;

  agency = hp_store_get_agency (self->store, &error);
  if (agency == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      return;
    }

  self->loading = TRUE;
  for (guint i = 0; i < N_AGENCY_ROWS; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (agency_row (self, i))));

      g_object_get (agency, agency_rows[i].property, &value, NULL);
      /* only what differs: the cursor stays where the user is typing */
      if (g_strcmp0 (shown, value ? value : "") != 0)
        gtk_editable_set_text (agency_row (self, i), value ? value : "");
    }
  self->loading = FALSE;
}

static void
save_agency (HpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpAgency) agency = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store == NULL || hp_store_is_read_only (self->store))
    return;

  agency = hp_store_get_agency (self->store, &error);
  if (agency != NULL)
    for (guint i = 0; i < N_AGENCY_ROWS; i++)
      {
        const char *text = gtk_editable_get_text (agency_row (self, i));
        g_autofree char *trimmed = g_strstrip (g_strdup (text));

        /* an address half typed is no address: the file keeps the one it
         * has until the row holds one (it is red meanwhile) */
        if (g_str_equal (agency_rows[i].property, "email") && !hp_email_is_plausible (trimmed))
          continue;
        g_object_set (agency, agency_rows[i].property, text, NULL);
      }

  if (agency == NULL || !hp_store_set_agency (self->store, agency, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  HpPreferencesWindow *self = user_data;

  self->save_source = 0;
  save_agency (self);
  return G_SOURCE_REMOVE;
}

static void
agency_row_changed_cb (HpPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MSEC, save_timeout_cb, self);
}

static void
store_changed_cb (HpPreferencesWindow *self,
                  HpStoreChanges       changes)
{
  /* what another writer stored; not while the user's own edit waits */
  if ((changes & HP_STORE_CHANGED (HP_RECORD_AGENCY)) != 0 && self->save_source == 0)
    load_agency (self);
}

/* ------------------------------------------------------------------------ */
/* Taking the agency over from older versions                                */

/**
 * hp_preferences_take_over_agency:
 * @settings: the application's #GSettings
 * @store: the file just opened
 * @error: for the store's errors
 *
 * Older versions kept the agency in each user's settings; from database
 * version 5 it is the file's. When @store is writable, its agency is empty,
 * the settings still hold one and it has not been taken over before, the
 * settings' agency is written into the file: the user's header stays on
 * their delivery sheets instead of vanishing. Once only (the key
 * `agency-taken-over`): a file whose agency the user then empties stays
 * empty, and another file is not filled behind the user's back. The keys
 * keep their values.
 *
 * Returns: %TRUE if the agency was taken over (say so); %FALSE with @error
 *   unset when there was nothing to do.
 */
gboolean
hp_preferences_take_over_agency (GSettings  *settings,
                                 HpStore    *store,
                                 GError    **error)
{
  static const char *keys[N_AGENCY_ROWS] = {
    "agency-name", "agency-street", "agency-postcode", "agency-town", "agency-phone", "agency-email"
  };
  g_autoptr(HpAgency) current = NULL;
  g_autoptr(HpAgency) agency = hp_agency_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (HP_IS_STORE (store), FALSE);

  if (hp_store_is_read_only (store) || g_settings_get_boolean (settings, "agency-taken-over"))
    return FALSE;

  for (guint i = 0; i < N_AGENCY_ROWS; i++)
    {
      g_autofree char *value = g_settings_get_string (settings, keys[i]);

      g_object_set (agency, agency_rows[i].property, g_strstrip (value), NULL);
    }
  if (hp_agency_is_empty (agency))
    return FALSE;

  current = hp_store_get_agency (store, error);
  if (current == NULL)
    return FALSE;
  if (!hp_agency_is_empty (current))
    return FALSE;

  /* an address the store refuses stays behind in the settings, not the
   * rest of the header */
  if (!hp_email_is_plausible (hp_agency_get_email (agency)))
    hp_agency_set_email (agency, NULL);

  if (!hp_store_set_agency (store, agency, error))
    return FALSE;

  g_settings_set_boolean (settings, "agency-taken-over", TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_preferences_window_new:
 * @parent: (nullable): the window to stay above
 * @store: (nullable): the open file, whose agency the window edits (%NULL:
 *   the agency group is insensitive)
 */
HpPreferencesWindow *
hp_preferences_window_new (GtkWindow *parent,
                           HpStore   *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!store || HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_preferences_window_constructed (GObject *object)
{
  HpPreferencesWindow *self = HP_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hp_preferences_window_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      load_agency (self);
    }

  if (self->store == NULL || hp_store_is_read_only (self->store))
    {
      /* the rows, not the group: its description says why, undimmed */
      for (guint i = 0; i < N_AGENCY_ROWS; i++)
        gtk_widget_set_sensitive (GTK_WIDGET (agency_row (self, i)), FALSE);
      adw_preferences_group_set_description (self->agency_group,
                                             self->store == NULL
                                             ? _("Printed at the top of the delivery sheets; stored in the file, "
                                                 "and no file is open.")
                                             : _("Printed at the top of the delivery sheets; stored in the file, "
                                                 "which is open read-only, so it cannot be changed here."));
    }
}

static void
hp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HpPreferencesWindow *self = HP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HpPreferencesWindow *self = HP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_preferences_window_dispose (GObject *object)
{
  HpPreferencesWindow *self = HP_PREFERENCES_WINDOW (object);

  /* what was typed in the last moment is not lost with the window */
  if (self->save_source != 0)
    save_agency (self);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_preferences_window_parent_class)->dispose (object);
}

static void
hp_preferences_window_class_init (HpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hp_preferences_window_constructed;
  object_class->get_property = hp_preferences_window_get_property;
  object_class->set_property = hp_preferences_window_set_property;
  object_class->dispose = hp_preferences_window_dispose;

  /**
   * HpPreferencesWindow:store:
   *
   * The open file, whose agency the window edits.
   */
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, spare_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, crate_size_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_last_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, backup_keep_months_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, purge_reminder_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, data_info_label);
  gtk_widget_class_bind_template_child (widget_class, HpPreferencesWindow, agency_group);
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

  for (guint i = 0; i < N_AGENCY_ROWS; i++)
    g_signal_connect_object (agency_row (self, i), "changed", G_CALLBACK (agency_row_changed_cb), self,
                             G_CONNECT_SWAPPED);
}
