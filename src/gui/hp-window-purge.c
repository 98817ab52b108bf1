/* hp-window-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Personal data after the drive (issue 14, point 7), for the window:
 * - win.purge-personal-data: says what goes from the current campaign (per
 *   school, read in a worker), asks, then purges in a worker
 *   (hp_store_purge(): backup first, one transaction).
 * - The reminder on start: a campaign whose last hand-over lies more than
 *   "purge-reminder-weeks" weeks back (a preference; 0 turns it off) and
 *   whose graduates without consent still have personal data.
 * - win.show-data-info: "What Data Does Heimpack Store?" (what, why, how
 *   long).
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-window-purge.h"
#include "hp-window-private.h"

/* Schools named in the dialog; the rest are counted */
#define MAX_SCHOOLS_LISTED 8

typedef struct
{
  HpStore   *store;
  GArray    *campaign_ids;   /* gint64 */
  GPtrArray *previews;       /* HpPurgePreview, the result */
  gint64     purge_id;       /* for the purge task */
  guint      purged;
} PurgeData;

static void
purge_data_free (gpointer data)
{
  PurgeData *d = data;

  g_clear_object (&d->store);
  g_clear_pointer (&d->campaign_ids, g_array_unref);
  g_clear_pointer (&d->previews, g_ptr_array_unref);
  g_free (d);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PurgeData *d = task_data;
  GError *error = NULL;

  d->previews = g_ptr_array_new_with_free_func ((GDestroyNotify) hp_purge_preview_free);
  for (guint i = 0; i < d->campaign_ids->len; i++)
    {
      HpPurgePreview *preview = hp_store_purge_preview (d->store, g_array_index (d->campaign_ids, gint64, i),
                                                        NULL, &error);

      if (preview == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (d->previews, preview);
    }
  g_task_return_boolean (task, TRUE);
}

static void
run_previews (HpWindow            *self,
              GArray              *campaign_ids,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, NULL);
  PurgeData *d = g_new0 (PurgeData, 1);

  d->store = g_object_ref (self->store);
  d->campaign_ids = g_array_ref (campaign_ids);
  g_task_set_source_tag (task, run_previews);
  g_task_set_name (task, "[hp] purge preview");
  g_task_set_task_data (task, d, purge_data_free);
  g_task_run_in_thread (task, preview_thread);
}

/* ------------------------------------------------------------------------ */
/* Purging                                                                   */

static void
purge_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PurgeData *d = task_data;
  GError *error = NULL;

  /* a worker may write inside its own transaction: hp_store_purge() begins one */
  if (!hp_store_purge (d->store, d->purge_id, &d->purged, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
purge_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HpWindow *self = HP_WINDOW (object);
  PurgeData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _hp_window_add_error_toast (self, error);
      return;
    }

  title = hp_format_counted (ngettext ("Personal data of %s graduate deleted; a backup was made before",
                                       "Personal data of %s graduates deleted; a backup was made before",
                                       d->purged),
                             d->purged);
  hp_window_add_toast (self, adw_toast_new (title));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HpWindow         *self)
{
  gint64 campaign_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "hp-campaign-id"));
  g_autoptr(GTask) task = NULL;
  PurgeData *d;

  if (!g_str_equal (response, "purge") || self->store == NULL)
    return;

  d = g_new0 (PurgeData, 1);
  d->store = g_object_ref (self->store);
  d->purge_id = campaign_id;
  task = g_task_new (self, NULL, purge_done_cb, NULL);
  g_task_set_source_tag (task, confirm_response_cb);
  g_task_set_name (task, "[hp] purge");
  g_task_set_task_data (task, d, purge_data_free);
  g_task_run_in_thread (task, purge_thread);
}

/* The confirmation: what goes, per school, and what stays. */
static char *
describe (HpPurgePreview *p)
{
  GString *body = g_string_new (NULL);
  g_autofree char *day = hp_format_date (p->last_handover);
  g_autofree char *graduates = hp_format_count (p->graduates);
  g_autofree char *under18 = hp_format_count (p->under18);

  g_string_append_printf (body,
                          /* Translators: the campaign, then the graduates and those of them under 18 */
                          ngettext ("In “%s”, the names, birth dates, classes and contact data of %s graduate "
                                    "without consent will be deleted (%s of them under 18):",
                                    "In “%s”, the names, birth dates, classes and contact data of %s graduates "
                                    "without consent will be deleted (%s of them under 18):",
                                    p->graduates),
                          p->campaign_name, graduates, under18);
  g_string_append_c (body, '\n');
  for (guint i = 0; i < p->schools->len && i < MAX_SCHOOLS_LISTED; i++)
    {
      HpPurgeSchool *school = g_ptr_array_index (p->schools, i);
      g_autofree char *school_graduates = hp_format_count (school->graduates);
      g_autofree char *school_under18 = hp_format_count (school->under18);

      /* Translators: one school's line in the purge dialog: name, number, graduates, under 18 */
      g_string_append_printf (body, _("\n• %s (%s): %s, %s under 18"), school->name, school->number,
                              school_graduates, school_under18);
    }
  if (p->schools->len > MAX_SCHOOLS_LISTED)
    {
      guint more = p->schools->len - MAX_SCHOOLS_LISTED;
      g_autofree char *text = hp_format_counted (ngettext ("• and %s more school", "• and %s more schools", more),
                                                 more);

      g_string_append_c (body, '\n');
      g_string_append (body, text);
    }

  g_string_append (body, "\n\n");
  g_string_append (body, _("The counts per school, under-18 counts and hand-overs stay, so the plan and the "
                           "reports do not change. Graduates who consented are kept. A backup is made first."));
  if (!p->drive_over)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, _("The hand-over on %s lies ahead: this drive is not over yet."), day);
    }

  return g_string_free (body, FALSE);
}

static void
show_confirmation (HpWindow       *self,
                   HpPurgePreview *p)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (p->graduates == 0)
    {
      body = g_strdup_printf (_("In “%s”, no graduate without consent has personal data left."), p->campaign_name);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing to Delete"), body));
      adw_message_dialog_add_response (dialog, "close", _("_OK"));
    }
  else
    {
      body = describe (p);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Personal Data?"), body));
      adw_message_dialog_add_responses (dialog, "close", _("_Cancel"),
                                        "purge", p->drive_over ? _("_Delete") : _("_Delete Anyway"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "purge", ADW_RESPONSE_DESTRUCTIVE);
      g_object_set_data (G_OBJECT (dialog), "hp-campaign-id", GSIZE_TO_POINTER ((gsize) p->campaign_id));
      g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
    }
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
purge_preview_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HpWindow *self = HP_WINDOW (object);
  PurgeData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _hp_window_add_error_toast (self, error);
      return;
    }

  show_confirmation (self, g_ptr_array_index (d->previews, 0));
}

static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  if (self->campaign == NULL)
    return;

  id = parameter != NULL && g_variant_get_int64 (parameter) > 0 ? g_variant_get_int64 (parameter)
                                                                : hp_campaign_get_id (self->campaign);
  g_array_append_val (ids, id);
  run_previews (self, ids, purge_preview_cb);
}

/* ------------------------------------------------------------------------ */
/* The reminder                                                              */

static void
reminder_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      HpWindow         *self)
{
  gint64 campaign_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "hp-campaign-id"));

  if (g_str_equal (response, "review"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.purge-personal-data", "x", campaign_id);
}

static void
reminder_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HpWindow *self = HP_WINDOW (object);
  PurgeData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint weeks = g_settings_get_uint (self->settings, "purge-reminder-weeks");
  g_autoptr(GDateTime) limit = g_date_time_add_weeks (now, -(int) weeks);
  g_autofree char *limit_day = g_date_time_format (limit, "%Y-%m-%d");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("No purge reminder: %s", error->message);
      return;
    }

  for (guint i = 0; i < d->previews->len; i++)
    {
      HpPurgePreview *p = g_ptr_array_index (d->previews, i);
      g_autofree char *day = NULL;
      g_autofree char *since = NULL;
      g_autofree char *who = NULL;
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      /* more than @weeks weeks back, and something left to delete */
      if (p->graduates == 0 || g_strcmp0 (p->last_handover, limit_day) >= 0)
        continue;

      day = hp_format_date (p->last_handover);
      /* Translators: the middle of "The hand-over … was on %s, %s, and …" */
      since = g_strdup_printf (ngettext ("more than %u week ago", "more than %u weeks ago", weeks), weeks);
      /* Translators: the end of "… and the names, birth dates and classes of %s are still stored" */
      who = hp_format_counted (ngettext ("%s graduate without consent", "%s graduates without consent",
                                         p->graduates),
                               p->graduates);
      body = g_strdup_printf (_("The hand-over of “%s” was on %s, %s, and the names, birth dates and classes of %s "
                                "are still stored. Data protection (DSGVO Art. 5) asks to delete personal data "
                                "once it is no longer needed."),
                              p->campaign_name, day, since, who);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Personal Data Still Stored"),
                                                           body));
      adw_message_dialog_add_responses (dialog, "later", _("_Later"), "review", _("_Review and Delete…"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "review", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "review");
      adw_message_dialog_set_close_response (dialog, "later");
      g_object_set_data (G_OBJECT (dialog), "hp-campaign-id", GSIZE_TO_POINTER ((gsize) p->campaign_id));
      g_signal_connect_object (dialog, "response", G_CALLBACK (reminder_response_cb), self, 0);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      /* one reminder at a time; the next start names the next campaign */
      return;
    }
}

/**
 * _hp_window_purge_remind:
 *
 * Checks, in a worker, whether a campaign's personal data should have been
 * deleted by now, and if so asks (see the top of this file). Nothing on a
 * read-only file, nothing with the preference at 0.
 */
void
_hp_window_purge_remind (HpWindow *self)
{
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || hp_store_is_read_only (self->store) ||
      g_settings_get_uint (self->settings, "purge-reminder-weeks") == 0)
    return;

  campaigns = hp_store_list_campaigns (self->store, &error);
  if (campaigns == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(HpCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = hp_campaign_get_id (campaign);

      g_array_append_val (ids, id);
    }
  if (ids->len > 0)
    run_previews (self, ids, reminder_cb);
}

/* ------------------------------------------------------------------------ */
/* What Heimpack stores                                                      */

/**
 * hp_data_info_dup_text:
 * @weeks: the reminder preference
 *
 * Returns: (transfer full): "What Data Does Heimpack Store?": what, why and
 *   how long, for the dialog and the preferences.
 */
char *
hp_data_info_dup_text (guint weeks)
{
  g_autofree char *remind = g_strdup_printf (ngettext ("Heimpack reminds you when a hand-over lies more than %u "
                                                       "week back.",
                                                       "Heimpack reminds you when a hand-over lies more than %u "
                                                       "weeks back.",
                                                       weeks),
                                             weeks);

  return g_strdup_printf ("%s\n\n%s\n\n%s %s\n\n%s",
                          _("What: sponsors and their gifts; schools with their contact teacher; per campaign "
                            "the graduates of each school: name, class and birth date where the school sends "
                            "them, whether they received their pack, and, only with their consent (its date and "
                            "where it was given), an e-mail address and phone number."),
                          _("Why: names and classes go on the class lists with which a school hands out the "
                            "packs; the birth date decides who gets the under-18 pack; the contact data is for "
                            "the returnee network, which graduates join by consenting."),
                          _("How long: when a campaign’s drive is over, Heimpack deletes the names, birth dates, "
                            "classes and contact data of the graduates who did not consent (“Delete Personal "
                            "Data…” in the menu). Counts per school stay for the reports and next year’s "
                            "planning; graduates who consented are kept until they withdraw their consent."),
                          remind,
                          _("Everything stays in the database file on this computer and in the backups beside "
                            "it, which hold the same data and are deleted by their retention. Heimpack sends "
                            "nothing anywhere."));
}

static void
show_data_info_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);
  g_autofree char *text = hp_data_info_dup_text (g_settings_get_uint (self->settings, "purge-reminder-weeks"));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("What Data Does Heimpack Store?"),
                                                       text));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

void
_hp_window_purge_class_init (GtkWidgetClass *widget_class)
{
  /* the parameter names a campaign (the reminder's); 0 is the current one */
  gtk_widget_class_install_action (widget_class, "win.purge-personal-data", "x", purge_action);
  gtk_widget_class_install_action (widget_class, "win.show-data-info", NULL, show_data_info_action);
}
