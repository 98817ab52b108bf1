/* hp-schools-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schools whose leavers get packs, with the current campaign's expected
 * graduates and hand-over, how many graduates are listed so far, and whether
 * the school said its list is complete (then its graduates, not its
 * expected number, are what it needs). The list's state is set in the
 * editor or, for the selected school, with the row menu's check item
 * (`page.list-complete`).
 */

#define G_LOG_DOMAIN "hp-schools-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-schools-page.h"
#include "hp-table-page-private.h"

struct _HpSchoolsPage
{
  HpTablePage parent_instance;

  gboolean    list_complete;   /* of the selected school */
};

G_DEFINE_FINAL_TYPE (HpSchoolsPage, hp_schools_page, HP_TYPE_TABLE_PAGE)

enum {
  PROP_0,
  PROP_LIST_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  GROUP_SCHOOL,
  GROUP_ADDRESS,
  GROUP_CONTACT,
  GROUP_CAMPAIGN,
};

static const HpColumnSpec columns[] = {
  /* Translators: column title, the official school number */
  { N_("No."), "number", HP_CELL_TEXT, 6, .search = TRUE },
  { N_("School"), "name", HP_CELL_TEXT, 28, TRUE, .search = TRUE },
  { N_("Town"), "town", HP_CELL_TEXT, 14, .search = TRUE },
  { N_("Contact teacher"), "contact-teacher", HP_CELL_TEXT, 18, .search = TRUE },
  /* Translators: column title, graduates the school expects */
  { N_("Expected"), "expected-graduates", HP_CELL_NUMBER, 5 },
  /* Translators: column title, date and time the packs are handed over */
  { N_("Hand-over"), "handover", HP_CELL_DATE, 21 },   /* "03.07.2027, 12:00 Uhr" */
  /* Translators: column title, graduates listed (imported or added) so far */
  { N_("Graduates listed"), "graduate-count", HP_CELL_NUMBER, 5 },
  /* Translators: column title, a ✓ when the school said its graduate list is complete */
  { N_("List complete"), "list-complete", HP_CELL_FLAG, 3, FALSE, "✓" },
};

static const HpFieldSpec school_fields[] = {
  { "number", N_("School number"), HP_FIELD_TEXT, HP_FIELD_REQUIRED, N_("Enter the official school number") },
  { "name", N_("Name"), HP_FIELD_TEXT, HP_FIELD_REQUIRED, N_("Enter the school’s name") },
  /* Translators: e.g. Gymnasium, Gesamtschule, Berufskolleg */
  { "school-form", N_("School form"), HP_FIELD_TEXT },
};

static const HpFieldSpec address_fields[] = {
  { "street", N_("Street"), HP_FIELD_TEXT },
  { "postcode", N_("Postcode"), HP_FIELD_POSTCODE },
  { "town", N_("Town"), HP_FIELD_TEXT },
  /* Translators: the official municipality key (Gemeindeschlüssel) */
  { "district-key", N_("Municipality key"), HP_FIELD_TEXT },
};

static const HpFieldSpec contact_fields[] = {
  { "contact-teacher", N_("Contact teacher"), HP_FIELD_TEXT },
  { "email", N_("E-mail"), HP_FIELD_EMAIL },
  { "phone", N_("Phone"), HP_FIELD_TEXT },
};

static const HpFieldSpec campaign_fields[] = {
  { "expected-graduates", N_("Expected graduates"), HP_FIELD_COUNT },
  { "under18-expected", N_("Of these under 18"), HP_FIELD_COUNT },
  { "handover", N_("Hand-over"), HP_FIELD_DATETIME },
  { "list-complete", N_("Graduate list complete"), HP_FIELD_SWITCH, 0,
    N_("The school said so: its listed graduates count, not the expected number") },
};

static const HpFieldGroup fields[] = {
  [GROUP_SCHOOL] = HP_FIELD_GROUP (NULL, school_fields),
  [GROUP_ADDRESS] = HP_FIELD_GROUP (N_("Address"), address_fields),
  [GROUP_CONTACT] = HP_FIELD_GROUP (N_("Contact"), contact_fields),
  [GROUP_CAMPAIGN] = HP_FIELD_GROUP (N_("Graduates and Hand-over"), campaign_fields),
};

static void
hp_schools_page_prepare_editor (HpTablePage    *page,
                                HpRecordDialog *dialog,
                                GObject        *item)
{
  HpCampaign *campaign = hp_table_page_get_campaign (page);

  hp_record_dialog_set_group_visible (dialog, GROUP_CAMPAIGN, campaign != NULL);
  if (campaign != NULL)
    {
      /* Translators: %s is the campaign's name */
      g_autofree char *description = g_strdup_printf (_("For “%s”"), hp_campaign_get_name (campaign));

      hp_record_dialog_set_group_description (dialog, GROUP_CAMPAIGN, description);
    }
}

static gboolean
hp_schools_page_save_item (HpTablePage     *page,
                           HpRecordDialog  *dialog,
                           GObject         *record,
                           GError         **error)
{
  HpStore *store = hp_table_page_get_store (page);
  gint64 campaign_id = hp_table_page_get_campaign_id (page);
  HpSchool *school = HP_SCHOOL (record);
  gboolean is_new = hp_school_get_id (school) == 0;

  if (!hp_store_begin (store, error))
    return FALSE;

  if (!(is_new ? hp_store_add_school (store, school, error)
               : hp_store_update_school (store, school, error)) ||
      (campaign_id != 0 && !hp_store_set_school_campaign (store, campaign_id, school, error)) ||
      !hp_store_commit (store, error))
    {
      hp_store_rollback (store);
      if (is_new)
        hp_school_set_id (school, 0);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The list's state                                                          */

/* Writes the flag of the selected school (the row menu's check item). */
static void
set_list_complete (HpSchoolsPage *self,
                   gboolean       complete)
{
  HpTablePage *page = HP_TABLE_PAGE (self);
  HpSchool *school = HP_SCHOOL (hp_table_page_get_selected (page));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  complete = !!complete;
  if (school == NULL || hp_table_page_get_campaign (page) == NULL || complete == self->list_complete)
    return;

  escaped = g_markup_escape_text (hp_school_get_name (school), -1);
  if (!hp_store_set_school_list_complete (hp_table_page_get_store (page), hp_table_page_get_campaign_id (page),
                                          hp_school_get_id (school), complete, &error))
    {
      hp_table_page_show_error (page, _("Could Not Change the List"), error);
      return;
    }

  self->list_complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_COMPLETE]);
  hp_table_page_add_toast (page,
                           adw_toast_new_format (complete ? _("The list of “%s” is complete")
                                                          : _("The list of “%s” is no longer complete"),
                                                 escaped));
}

static void
hp_schools_page_update_actions (HpTablePage *page,
                                GObject     *selected,
                                gboolean     writable)
{
  HpSchoolsPage *self = HP_SCHOOLS_PAGE (page);
  gboolean complete = selected != NULL && hp_school_get_list_complete (HP_SCHOOL (selected));

  if (self->list_complete != complete)
    {
      self->list_complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_COMPLETE]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.list-complete",
                                 writable && selected != NULL && hp_table_page_get_campaign (page) != NULL);
}

/* ------------------------------------------------------------------------ */
/* The list                                                                  */

static gboolean
hp_schools_page_load_items (HpStore           *store,
                            gint64             campaign_id,
                            HpStoreBatchFunc   func,
                            gpointer           func_data,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GListModel) items = hp_store_list_schools (store, campaign_id, error);

  return items != NULL && hp_list_load_emit_model (items, func, func_data);
}

static char *
hp_schools_page_format_count (guint n_shown,
                              guint n_total)
{
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  if (n_shown == n_total)
    return hp_format_counted (ngettext ("%s school", "%s schools", n_total), n_total);

  shown = hp_format_count (n_shown);
  total = hp_format_count (n_total);
  return g_strdup_printf (ngettext ("%s of %s school", "%s of %s schools", n_total), shown, total);
}

static void
hp_schools_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HpSchoolsPage *self = HP_SCHOOLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_COMPLETE:
      g_value_set_boolean (value, self->list_complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_schools_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HpSchoolsPage *self = HP_SCHOOLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_COMPLETE:
      set_list_complete (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_schools_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (hp_schools_page_parent_class)->constructed (object);

  _hp_table_page_add_empty_action (HP_TABLE_PAGE (object), _("_Import School Directory…"), "win.import-schools");
}

static void
hp_schools_page_class_init (HpSchoolsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  object_class->constructed = hp_schools_page_constructed;
  object_class->get_property = hp_schools_page_get_property;
  object_class->set_property = hp_schools_page_set_property;

  /**
   * HpSchoolsPage:list-complete:
   *
   * Whether the selected school's graduate list is complete in the
   * campaign; setting it writes that to the store.
   */
  properties[PROP_LIST_COMPLETE] =
    g_param_spec_boolean ("list-complete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->item_type = HP_TYPE_SCHOOL;
  page_class->kind = HP_RECORD_SCHOOL;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->fields = fields;
  page_class->n_field_groups = G_N_ELEMENTS (fields);
  page_class->reload_on = HP_STORE_CHANGED (HP_RECORD_SCHOOL) | HP_STORE_CHANGED (HP_RECORD_GRADUATE) |
                          HP_STORE_CHANGED (HP_RECORD_CAMPAIGN);
  page_class->new_title = N_("New School");
  page_class->edit_title = N_("Edit School");
  page_class->load_items = hp_schools_page_load_items;
  page_class->format_count = hp_schools_page_format_count;
  page_class->prepare_editor = hp_schools_page_prepare_editor;
  page_class->save_item = hp_schools_page_save_item;
  page_class->update_actions = hp_schools_page_update_actions;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-schools-page.ui");

  /* a check item in the row menu */
  gtk_widget_class_install_property_action (widget_class, "page.list-complete", "list-complete");
}

static void
hp_schools_page_init (HpSchoolsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_schools_page_new (HpStore    *store,
                     HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_SCHOOLS_PAGE, "store", store, "campaign", campaign, NULL);
}
