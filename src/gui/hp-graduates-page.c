/* hp-graduates-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graduates of the current campaign: personal data of young people, so
 * only what the hand-over needs is shown. Names are optional: a school may
 * only send how many leave. A national campaign has 350,000 of them, so the
 * list streams in batches and a school filter narrows it in memory.
 *
 * Who gets the under-18 pack (column "U18") is decided on the hand-over day:
 * the school's, else the campaign's, else 30 June of the campaign year. When
 * that last day was assumed, a note in the header says so.
 *
 * Who got a pack: the row menu ticks one graduate (page.pack-received), and
 * "All Received" ticks every graduate of the school the filter shows, or of
 * the selected graduate's school (page.school-received), with undo.
 *
 * The editor's e-mail and phone (for the returnee network) are insensitive,
 * with a note, until a consent date and its source are filled in; a consent
 * withdrawn (date or source cleared) takes the contact data with it.
 */

#define G_LOG_DOMAIN "hp-graduates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-graduates-page.h"
#include "hp-table-page-private.h"

struct _HpGraduatesPage
{
  HpTablePage parent_instance;

  /* Template widgets */
  GtkDropDown *school_drop_down;
  GtkLabel    *age_day_label;

  /* Borrowed */
  GtkWidget   *empty_import_button;

  /* Owned */
  GArray      *school_ids;      /* the dropdown's ids; 0 at position 0: all schools */
  GArray      *school_dated;    /* gboolean, parallel: the school has its own hand-over
                                 * (only known while the campaign has none) */
  GArray      *undo_ids;        /* gint64: the graduates the last "All Received" ticked */
  gboolean     pack_received;   /* the selected graduate's tick (page.pack-received) */
  guint        fill_source;     /* a pending filling of the school filter */
  GCancellable *filter_cancellable; /* its listing in a worker, while it runs */
  gboolean     filter_stale;    /* schools changed while the list was loading */
};

G_DEFINE_FINAL_TYPE (HpGraduatesPage, hp_graduates_page, HP_TYPE_TABLE_PAGE)

enum {
  PROP_0,
  PROP_PACK_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* a batch's objects live only until they are packed (hp-row-table.h) */
#define BATCH_SIZE 1000

static const HpColumnSpec columns[] = {
  { N_("School"), "school-name", HP_CELL_TEXT, 24, TRUE, .search = TRUE },
  /* Translators: column title, a school class such as "Q2" or "13b" */
  { N_("Class"), "class-name", HP_CELL_TEXT, 5, .search = TRUE },
  { N_("Last name"), "last-name", HP_CELL_TEXT, 14, .search = TRUE },
  { N_("First name"), "first-name", HP_CELL_TEXT, 12, .search = TRUE },
  { N_("Birth date"), "birth-date", HP_CELL_DATE, 10 },
  /* "U18" marks who gets the under-18 pack; "?" who has no birth date */
  /* Translators: column title: under 18 on the hand-over day, so the graduate gets the under-18 pack */
  /* 4 characters: "U18" is wider than 3 average ones and was cut to "U…" */
  { N_("U18"), "under18", HP_CELL_TRISTATE, 4, FALSE, "U18" },
  /* Translators: column title, the date of the consent to be contacted */
  { N_("Consent"), "consent-date", HP_CELL_DATE, 10 },
  { N_("Pack received"), "pack-received", HP_CELL_FLAG, 3, FALSE, "✓" },
};

static const HpFieldSpec person_fields[] = {
  { "school-id", N_("School"), HP_FIELD_CHOICE, HP_FIELD_REQUIRED, N_("Choose the graduate’s school") },
  { "class-name", N_("Class"), HP_FIELD_TEXT },
  { "last-name", N_("Last name"), HP_FIELD_TEXT },
  { "first-name", N_("First name"), HP_FIELD_TEXT },
  { "birth-date", N_("Birth date"), HP_FIELD_DATE },
};

static const HpFieldSpec consent_fields[] = {
  { "consent-date", N_("Consent given on"), HP_FIELD_DATE },
  /* Translators: where the consent came from, e.g. "form at school" */
  { "consent-source", N_("Consent source"), HP_FIELD_TEXT },
  { "email", N_("E-mail"), HP_FIELD_EMAIL },
  { "phone", N_("Phone"), HP_FIELD_TEXT },
};

enum { GROUP_PERSON, GROUP_CONSENT, GROUP_HANDOVER };

static const HpFieldSpec handover_fields[] = {
  { "pack-received", N_("Pack received"), HP_FIELD_SWITCH, 0, N_("The graduate has their pack") },
};

static const HpFieldGroup fields[] = {
  HP_FIELD_GROUP (NULL, person_fields),
  HP_FIELD_GROUP (N_("Consent to Be Contacted"), consent_fields),
  HP_FIELD_GROUP (NULL, handover_fields),
};

static gint64
get_chosen_school (HpGraduatesPage *self)
{
  guint position = gtk_drop_down_get_selected (self->school_drop_down);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->school_ids->len)
    return 0;

  return g_array_index (self->school_ids, gint64, position);
}

/* ------------------------------------------------------------------------ */
/* The assumed hand-over day                                                 */

/* Says on which day ages count when 30 June was assumed for the graduates
 * shown: the campaign has no hand-over date, nor the school (or, for all
 * schools, some school). */
static void
update_age_day (HpGraduatesPage *self)
{
  HpCampaign *campaign = hp_table_page_get_campaign (HP_TABLE_PAGE (self));
  guint position = gtk_drop_down_get_selected (self->school_drop_down);
  g_autofree char *day = NULL;
  g_autofree char *shown_day = NULL;
  g_autofree char *text = NULL;
  gboolean assumed = FALSE;
  guint n_undated = 0;

  if (campaign != NULL)
    day = hp_campaign_dup_age_day (campaign, &assumed);

  /* the school list of the filter knows the schools' own days */
  if (assumed && self->school_dated->len == self->school_ids->len)
    {
      if (position != GTK_INVALID_LIST_POSITION && position > 0 && position < self->school_dated->len)
        n_undated = !g_array_index (self->school_dated, gboolean, position);
      else
        for (guint i = 1; i < self->school_dated->len; i++)
          n_undated += !g_array_index (self->school_dated, gboolean, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->age_day_label), n_undated > 0);
  if (n_undated == 0)
    return;

  shown_day = hp_format_date (day);
  if (position > 0 || n_undated == self->school_dated->len - 1)
    /* Translators: %s is a date, e.g. "30.06.2027" */
    text = g_strdup_printf (_("Ages as on %s (assumed hand-over day)"), shown_day);
  else
    /* Translators: %s is a date, e.g. "30.06.2027" */
    text = g_strdup_printf (_("Ages as on %s (assumed hand-over day) where a school has no hand-over date"),
                            shown_day);
  gtk_label_set_label (self->age_day_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->age_day_label),
                               _("Who gets the under-18 pack is decided on the hand-over day. Neither the campaign nor the school has one, so 30 June of the campaign year is assumed."));
}

/* ------------------------------------------------------------------------ */
/* The school filter                                                         */

/* What the school filter lists, read in a worker: with 3,500 schools and,
 * while the campaign has no hand-over day, each school's own day, listing
 * them took 60 ms of the main loop. */
typedef struct
{
  HpStore *store;
  gint64   campaign_id;   /* 0: without the schools' days */
} FilterQuery;

typedef struct
{
  GArray  *ids;           /* gint64, 0 first: all schools */
  GArray  *dated;         /* gboolean, parallel; empty without the days */
  GStrv    labels;
} FilterList;

static void
filter_query_free (gpointer data)
{
  FilterQuery *query = data;

  g_clear_object (&query->store);
  g_free (query);
}

static void
filter_list_free (gpointer data)
{
  FilterList *list = data;

  g_array_unref (list->ids);
  g_array_unref (list->dated);
  g_strfreev (list->labels);
  g_free (list);
}

static void
list_schools_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  FilterQuery *query = task_data;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  FilterList *list;
  gint64 none = 0;

  schools = hp_store_list_schools (query->store, query->campaign_id, &error);
  if (schools == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  list = g_new0 (FilterList, 1);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  list->dated = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_array_append_val (list->ids, none);
  if (query->campaign_id != 0)
    {
      gboolean all_dated = FALSE;   /* "All schools": not read */

      g_array_append_val (list->dated, all_dated);
    }
  g_strv_builder_add (labels, _("All schools"));

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
      gint64 id = hp_school_get_id (school);
      g_autofree char *label = g_strdup_printf ("%s (%s)", hp_school_get_name (school),
                                                hp_school_get_number (school));

      g_array_append_val (list->ids, id);
      if (query->campaign_id != 0)
        {
          gboolean dated = hp_school_get_handover (school) != NULL;

          g_array_append_val (list->dated, dated);
        }
      g_strv_builder_add (labels, label);
    }
  list->labels = g_strv_builder_end (labels);

  g_task_return_pointer (task, list, filter_list_free);
}

static void
list_schools_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GError) error = NULL;
  FilterList *list;
  gint64 chosen;
  guint selected = 0;

  _hp_table_page_end_side_task (HP_TABLE_PAGE (self));
  list = g_task_propagate_pointer (G_TASK (result), &error);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the schools for the filter: %s", error->message);
      return;
    }
  g_clear_object (&self->filter_cancellable);

  chosen = get_chosen_school (self);
  for (guint i = 0; i < list->ids->len; i++)
    if (g_array_index (list->ids, gint64, i) == chosen)
      selected = i;

  g_array_set_size (self->school_ids, 0);
  g_array_append_vals (self->school_ids, list->ids->data, list->ids->len);
  g_array_set_size (self->school_dated, 0);
  g_array_append_vals (self->school_dated, list->dated->data, list->dated->len);
  labels = gtk_string_list_new ((const char * const *) list->labels);
  filter_list_free (list);

  gtk_drop_down_set_model (self->school_drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->school_drop_down, selected);
  update_age_day (self);
}

/* The pending filling holds the page busy, as the listing does. */
static void
clear_fill_source (HpGraduatesPage *self)
{
  if (self->fill_source == 0)
    return;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  _hp_table_page_end_side_task (HP_TABLE_PAGE (self));
}

static void
fill_school_filter (HpGraduatesPage *self)
{
  HpStore *store = hp_table_page_get_store (HP_TABLE_PAGE (self));
  HpCampaign *campaign = hp_table_page_get_campaign (HP_TABLE_PAGE (self));
  g_autoptr(GTask) task = NULL;
  g_autofree char *day = NULL;
  gboolean assumed = FALSE;
  FilterQuery *query;

  clear_fill_source (self);
  if (store == NULL)
    return;

  /* The schools' own hand-over days matter only while the campaign has
   * none; without them the list is quicker (no figures per school). */
  if (campaign != NULL)
    day = hp_campaign_dup_age_day (campaign, &assumed);

  query = g_new0 (FilterQuery, 1);
  query->store = g_object_ref (store);
  query->campaign_id = assumed ? hp_campaign_get_id (campaign) : 0;

  /* a newer list replaces one still being read */
  if (self->filter_cancellable != NULL)
    g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);
  self->filter_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->filter_cancellable, list_schools_cb, NULL);
  g_task_set_source_tag (task, fill_school_filter);
  g_task_set_task_data (task, query, filter_query_free);
  g_task_set_return_on_cancel (task, FALSE);
  _hp_table_page_begin_side_task (HP_TABLE_PAGE (self));
  g_task_run_in_thread (task, list_schools_thread);
}

static gboolean
fill_school_filter_cb (gpointer user_data)
{
  HpGraduatesPage *self = user_data;

  self->fill_source = 0;
  _hp_table_page_end_side_task (HP_TABLE_PAGE (self));
  /* a load may have started since this was scheduled */
  if (hp_table_page_get_loading (HP_TABLE_PAGE (self)))
    self->filter_stale = TRUE;
  else
    fill_school_filter (self);
  return G_SOURCE_REMOVE;
}

/* Lists the schools for the filter once the graduates have loaded: the
 * store serialises its connection, so listing them on this thread while the
 * loader streams 350,000 graduates in its worker would wait for that and
 * freeze the window. */
static void
request_school_filter (HpGraduatesPage *self)
{
  if (hp_table_page_get_loading (HP_TABLE_PAGE (self)))
    {
      self->filter_stale = TRUE;
      return;
    }

  self->filter_stale = FALSE;
  if (self->fill_source == 0)
    {
      self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_school_filter_cb, self, NULL);
      _hp_table_page_begin_side_task (HP_TABLE_PAGE (self));
    }
}

static void
loading_changed_cb (HpGraduatesPage *self)
{
  if (self->filter_stale)
    request_school_filter (self);
}

static void
school_chosen_cb (HpGraduatesPage *self)
{
  _hp_table_page_set_narrowed (HP_TABLE_PAGE (self), get_chosen_school (self) != 0,
                               get_chosen_school (self));
  update_age_day (self);
  _hp_table_page_update_actions (HP_TABLE_PAGE (self));
}

/* the school filter keeps one school's graduates */
static gint64
hp_graduates_page_get_narrow_key (GObject *item)
{
  return hp_graduate_get_school_id (HP_GRADUATE (item));
}

static GObject *
hp_graduates_page_load_item (HpStore  *store,
                             gint64    id,
                             GError  **error)
{
  return G_OBJECT (hp_store_get_graduate (store, id, error));
}

static gint64
hp_graduates_page_get_campaign_id (GObject *item)
{
  return hp_graduate_get_campaign_id (HP_GRADUATE (item));
}

static void
store_changed_cb (HpGraduatesPage *self,
                  HpStoreChanges   changes)
{
  /* a hand-over day may have come or gone */
  if (changes & (HP_STORE_CHANGED (HP_RECORD_SCHOOL) | HP_STORE_CHANGED (HP_RECORD_CAMPAIGN)))
    request_school_filter (self);
}

/* ------------------------------------------------------------------------ */
/* The editor                                                                */

static gboolean
dialog_has_consent (HpRecordDialog *dialog)
{
  g_autofree char *date = hp_record_dialog_dup_string (dialog, "consent-date");
  g_autofree char *source = hp_record_dialog_dup_string (dialog, "consent-source");

  return date != NULL && *date != '\0' && source != NULL && *g_strstrip (source) != '\0';
}

/* Contact data only with consent: the fields wait for date and source. */
static void
consent_changed_cb (HpRecordDialog *dialog,
                    const char     *key)
{
  gboolean consent = dialog_has_consent (dialog);
  const char *why = consent ? NULL : _("Fill in the consent date and source first");

  hp_record_dialog_set_field_sensitive (dialog, "email", consent, why);
  hp_record_dialog_set_field_sensitive (dialog, "phone", consent, why);
}

static void
hp_graduates_page_prepare_editor (HpTablePage    *page,
                                  HpRecordDialog *dialog,
                                  GObject        *item)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  /* a new graduate goes to the school the list shows */
  if (item == NULL && get_chosen_school (HP_GRADUATES_PAGE (page)) != 0)
    hp_record_dialog_set_int (dialog, "school-id", get_chosen_school (HP_GRADUATES_PAGE (page)));

  schools = hp_store_list_schools (hp_table_page_get_store (page), 0, &error);
  if (schools == NULL)
    schools = G_LIST_MODEL (g_list_store_new (HP_TYPE_SCHOOL));
  hp_record_dialog_set_choices (dialog, "school-id", schools, "name");

  hp_record_dialog_set_group_description (dialog, GROUP_CONSENT,
                                          _("E-mail and phone are for the returnee network. They are kept only "
                                            "with the date of the consent and where it was given."));
  g_signal_connect (dialog, "field-changed::consent-date", G_CALLBACK (consent_changed_cb), NULL);
  g_signal_connect (dialog, "field-changed::consent-source", G_CALLBACK (consent_changed_cb), NULL);
  consent_changed_cb (dialog, NULL);
}

static gboolean
hp_graduates_page_save_item (HpTablePage     *page,
                             HpRecordDialog  *dialog,
                             GObject         *record,
                             GError         **error)
{
  HpStore *store = hp_table_page_get_store (page);
  HpGraduate *graduate = HP_GRADUATE (record);

  /* a consent withdrawn takes the contact data with it */
  if (!hp_graduate_has_consent (graduate))
    {
      hp_graduate_set_email (graduate, NULL);
      hp_graduate_set_phone (graduate, NULL);
    }

  if (hp_graduate_get_id (graduate) != 0)
    return hp_store_update_graduate (store, graduate, error);

  hp_graduate_set_campaign_id (graduate, hp_table_page_get_campaign_id (page));
  return hp_store_add_graduate (store, graduate, error);
}

static char *
hp_graduates_page_dup_item_title (HpTablePage *page,
                                  GObject     *item)
{
  HpGraduate *graduate = HP_GRADUATE (item);
  const char *first = hp_graduate_get_first_name (graduate);
  const char *last = hp_graduate_get_last_name (graduate);
  g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s", first ? first : "", last ? last : ""));

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: a graduate listed without a name; %s is the school */
  return g_strdup_printf (_("Graduate of %s"), hp_graduate_get_school_name (graduate));
}

/* ------------------------------------------------------------------------ */
/* Who got a pack                                                            */

/* Ticks the selected graduate (the row menu's check item). */
static void
set_pack_received (HpGraduatesPage *self,
                   gboolean         received)
{
  HpTablePage *page = HP_TABLE_PAGE (self);
  HpGraduate *graduate = HP_GRADUATE (hp_table_page_get_selected (page));
  g_autoptr(GError) error = NULL;
  gint64 id;

  received = !!received;
  if (graduate == NULL || received == self->pack_received)
    return;

  id = hp_graduate_get_id (graduate);
  if (!hp_store_set_packs_received (hp_table_page_get_store (page), &id, 1, received, &error))
    {
      hp_table_page_show_error (page, _("Could Not Change the Tick"), error);
      return;
    }

  self->pack_received = received;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK_RECEIVED]);
}

/* The school "All Received" is for: the one the filter shows, else the
 * selected graduate's; 0 for none. */
static gint64
get_tick_school (HpGraduatesPage *self)
{
  GObject *selected = hp_table_page_get_selected (HP_TABLE_PAGE (self));

  if (get_chosen_school (self) != 0)
    return get_chosen_school (self);
  return selected != NULL ? hp_graduate_get_school_id (HP_GRADUATE (selected)) : 0;
}

static void
undo_received_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->undo_ids->len == 0)
    return;

  if (!hp_store_set_packs_received (hp_table_page_get_store (HP_TABLE_PAGE (self)),
                                    (const gint64 *) (gpointer) self->undo_ids->data, self->undo_ids->len,
                                    FALSE, &error))
    hp_table_page_show_error (HP_TABLE_PAGE (self), _("Could Not Undo"), error);
  g_array_set_size (self->undo_ids, 0);
  gtk_widget_action_set_enabled (widget, "page.undo-received", FALSE);
}

/* Ticks every graduate of a school who is not yet ticked; the toast undoes
 * exactly those. */
static void
school_received_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (widget);
  HpTablePage *page = HP_TABLE_PAGE (self);
  gint64 school_id = get_tick_school (self);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *school_name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (school_id == 0)
    return;

  /* the school's graduates as stored, whatever the search shows */
  model = hp_store_list_graduates (hp_table_page_get_store (page), hp_table_page_get_campaign_id (page),
                                   school_id, &error);
  if (model == NULL)
    {
      hp_table_page_show_error (page, _("Could Not Change the Ticks"), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (model, i);

      if (hp_graduate_get_school_id (graduate) != school_id)
        continue;
      if (school_name == NULL)
        school_name = g_strdup (hp_graduate_get_school_name (graduate));
      if (!hp_graduate_get_pack_received (graduate))
        {
          gint64 id = hp_graduate_get_id (graduate);

          g_array_append_val (ids, id);
        }
    }

  escaped = g_markup_escape_text (school_name ? school_name : "", -1);
  if (ids->len == 0)
    {
      hp_table_page_add_toast (page, adw_toast_new_format (_("Every graduate of “%s” has their pack already"),
                                                           escaped));
      return;
    }

  if (!hp_store_set_packs_received (hp_table_page_get_store (page), (const gint64 *) (gpointer) ids->data,
                                    ids->len, TRUE, &error))
    {
      hp_table_page_show_error (page, _("Could Not Change the Ticks"), error);
      return;
    }

  g_array_set_size (self->undo_ids, 0);
  g_array_append_vals (self->undo_ids, ids->data, ids->len);

  count = hp_format_count (ids->len);
  /* Translators: the number of graduates, then their school */
  title = g_strdup_printf (ngettext ("%s graduate of “%s” ticked as received",
                                     "%s graduates of “%s” ticked as received", ids->len),
                           count, escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "page.undo-received");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo-received", TRUE);
  hp_table_page_add_toast (page, toast);
}

static void
hp_graduates_page_update_actions (HpTablePage *page,
                                  GObject     *selected,
                                  gboolean     writable)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (page);
  gboolean received = selected != NULL && hp_graduate_get_pack_received (HP_GRADUATE (selected));

  if (self->pack_received != received)
    {
      self->pack_received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK_RECEIVED]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.pack-received", writable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.school-received",
                                 writable && get_tick_school (self) != 0);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static gboolean
hp_graduates_page_load_items (HpStore           *store,
                              gint64             campaign_id,
                              HpStoreBatchFunc   func,
                              gpointer           func_data,
                              GCancellable      *cancellable,
                              GError           **error)
{
  /* graduates belong to a campaign: without one there are none */
  if (campaign_id == 0)
    return TRUE;

  return hp_store_stream_graduates (store, campaign_id, 0, BATCH_SIZE, func, func_data,
                                    cancellable, error);
}

static gint64
hp_graduates_page_count_items (HpStore *store,
                               gint64   campaign_id)
{
  g_autoptr(GError) error = NULL;

  /* only for "Loading… N of M": without it the footer counts what came */
  return hp_store_count_graduates (store, campaign_id, 0, &error);
}

static char *
hp_graduates_page_format_count (guint n_shown,
                                guint n_total)
{
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  if (n_shown == n_total)
    return hp_format_counted (ngettext ("%s graduate", "%s graduates", n_total), n_total);

  shown = hp_format_count (n_shown);
  total = hp_format_count (n_total);
  return g_strdup_printf (ngettext ("%s of %s graduate", "%s of %s graduates", n_total), shown, total);
}

/* ------------------------------------------------------------------------ */
/* Importing                                                                 */

static void
campaign_changed_cb (HpGraduatesPage *self)
{
  /* without a campaign the empty state asks for one first */
  if (self->empty_import_button != NULL)
    gtk_widget_set_visible (self->empty_import_button,
                            hp_table_page_get_campaign (HP_TABLE_PAGE (self)) != NULL);

  /* the schools' days are listed for a campaign without its own */
  request_school_filter (self);
  update_age_day (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_graduates_page_constructed (GObject *object)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);

  G_OBJECT_CLASS (hp_graduates_page_parent_class)->constructed (object);

  g_signal_connect (self, "notify::loading", G_CALLBACK (loading_changed_cb), NULL);
  request_school_filter (self);
  g_signal_connect_object (hp_table_page_get_store (HP_TABLE_PAGE (self)), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->empty_import_button = _hp_table_page_add_empty_action (HP_TABLE_PAGE (self), _("_Import a List…"),
                                                               "win.import-graduates");
  g_signal_connect (self, "notify::campaign", G_CALLBACK (campaign_changed_cb), NULL);
  campaign_changed_cb (self);
}

static void
hp_graduates_page_dispose (GObject *object)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);

  clear_fill_source (self);
  if (self->filter_cancellable != NULL)
    g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);

  G_OBJECT_CLASS (hp_graduates_page_parent_class)->dispose (object);
}

static void
hp_graduates_page_finalize (GObject *object)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);

  g_array_unref (self->school_ids);
  g_array_unref (self->school_dated);
  g_array_unref (self->undo_ids);

  G_OBJECT_CLASS (hp_graduates_page_parent_class)->finalize (object);
}

static void
hp_graduates_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PACK_RECEIVED:
      g_value_set_boolean (value, self->pack_received);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_graduates_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HpGraduatesPage *self = HP_GRADUATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PACK_RECEIVED:
      set_pack_received (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_graduates_page_class_init (HpGraduatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  object_class->constructed = hp_graduates_page_constructed;
  object_class->dispose = hp_graduates_page_dispose;
  object_class->finalize = hp_graduates_page_finalize;
  object_class->get_property = hp_graduates_page_get_property;
  object_class->set_property = hp_graduates_page_set_property;

  /**
   * HpGraduatesPage:pack-received:
   *
   * The selected graduate's "pack received" tick; setting it stores it
   * (the row menu's check item, page.pack-received).
   */
  properties[PROP_PACK_RECEIVED] =
    g_param_spec_boolean ("pack-received", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->item_type = HP_TYPE_GRADUATE;
  page_class->kind = HP_RECORD_GRADUATE;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->fields = fields;
  page_class->n_field_groups = G_N_ELEMENTS (fields);
  page_class->reload_on = HP_STORE_CHANGED (HP_RECORD_GRADUATE) | HP_STORE_CHANGED (HP_RECORD_SCHOOL) |
                          HP_STORE_CHANGED (HP_RECORD_CAMPAIGN);
  page_class->needs_campaign = TRUE;
  page_class->no_campaign_text = N_("Graduates belong to a campaign, such as “Heimvorteil2GO 2027”. "
                                    "Create the campaign, then add its graduates here.");
  page_class->new_title = N_("New Graduate");
  page_class->edit_title = N_("Edit Graduate");
  page_class->load_items = hp_graduates_page_load_items;
  page_class->count_items = hp_graduates_page_count_items;
  page_class->format_count = hp_graduates_page_format_count;
  page_class->dup_item_title = hp_graduates_page_dup_item_title;
  page_class->get_narrow_key = hp_graduates_page_get_narrow_key;
  page_class->load_item = hp_graduates_page_load_item;
  page_class->get_campaign_id = hp_graduates_page_get_campaign_id;
  page_class->prepare_editor = hp_graduates_page_prepare_editor;
  page_class->save_item = hp_graduates_page_save_item;
  page_class->update_actions = hp_graduates_page_update_actions;

  gtk_widget_class_install_property_action (widget_class, "page.pack-received", "pack-received");
  gtk_widget_class_install_action (widget_class, "page.school-received", NULL, school_received_action);
  gtk_widget_class_install_action (widget_class, "page.undo-received", NULL, undo_received_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hp-graduates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HpGraduatesPage, school_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HpGraduatesPage, age_day_label);
  gtk_widget_class_bind_template_callback (widget_class, school_chosen_cb);
}

static void
hp_graduates_page_init (HpGraduatesPage *self)
{
  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->school_dated = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo-received", FALSE);
}

GtkWidget *
hp_graduates_page_new (HpStore    *store,
                       HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_GRADUATES_PAGE, "store", store, "campaign", campaign, NULL);
}
