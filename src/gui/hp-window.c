/* hp-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a view stack with one page per list (sponsors, products,
 * pack contents, schools, graduates) and the plan, of one store and one of
 * its campaigns. The window gets the store from HpApplication and hands it
 * to each page; the campaign is passed on with a binding, so that switching
 * campaigns reloads every page. The window talks to its pages only through
 * the HpPage interface (store, campaign, loading, reload).
 *
 * A file that opening upgraded from an older version brings notes for the
 * user (hp_store_get_migration_notes()): the window shows them once, when it
 * first appears. Then, once, the agency older versions kept in the user's
 * settings moves into a file that has none (a toast says so).
 *
 * The campaign selector at the start of the header bar lists the file's
 * campaigns (a radio section of its menu, rebuilt whenever it opens) and
 * starts the campaign dialogs. The campaign shown last is remembered per
 * file in GSettings ("last-campaigns"). The actions live in
 * hp-window-actions.c.
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-graduates-page.h"
#include "hp-handovers-page.h"
#include "hp-pack-page.h"
#include "hp-page.h"
#include "hp-plan-page.h"
#include "hp-preferences-window.h"
#include "hp-products-page.h"
#include "hp-schools-page.h"
#include "hp-sponsors-page.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"
#include "hp-window-purge.h"

/* how many files "last-campaigns" remembers */
#define MAX_REMEMBERED_FILES 20

G_DEFINE_FINAL_TYPE (HpWindow, hp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GtkWidget  *(*page_new) (HpStore *store, HpCampaign *campaign);
} pages[] = {
  { "sponsors", N_("Sponsors"), "emblem-favorite-symbolic", hp_sponsors_page_new },
  { "products", N_("Products"), "package-x-generic-symbolic", hp_products_page_new },
  /* Translators: the page with the items of the pack in packing order
   * ("Paketinhalt"); keep it short, the page switcher is crowded */
  { "pack", N_("Pack Contents"), "view-list-ordered-symbolic", hp_pack_page_new },
  { "schools", N_("Schools"), "heimpack-school-symbolic", hp_schools_page_new },
  /* Translators: the school leavers; German uses a gender-neutral form */
  { "graduates", N_("Graduates"), "heimpack-graduate-symbolic", hp_graduates_page_new },
  /* Translators: the page of the deliveries of packs to schools ("Übergaben") */
  { "handovers", N_("Hand-overs"), "mail-send-symbolic", hp_handovers_page_new },
  /* Translators: the page with needed and buildable packs ("Planung") */
  { "plan", N_("Planning"), "x-office-spreadsheet-symbolic", hp_plan_page_new },
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gboolean
store_is_in_memory (HpStore *store)
{
  return g_strcmp0 (hp_store_get_path (store), ":memory:") == 0;
}

/* A banner out of sight is not even in the box: GTK 4.8 measures the
 * wrapping label of a GtkRevealer revealed to nothing at every relayout of
 * the window, which once cost a search keystroke 15 ms. Shown before it
 * slides in, hidden once it slid out (banner_child_revealed_cb()). */
static void
set_banner_revealed (GtkRevealer *banner,
                     gboolean     revealed)
{
  if (revealed)
    gtk_widget_set_visible (GTK_WIDGET (banner), TRUE);
  gtk_revealer_set_reveal_child (banner, revealed);
}

static void
banner_child_revealed_cb (GtkRevealer *banner,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  if (!gtk_revealer_get_reveal_child (banner) && !gtk_revealer_get_child_revealed (banner))
    gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
}

void
_hp_window_update_campaign_display (HpWindow *self)
{
  gboolean writable = !hp_store_is_read_only (self->store);
  g_autofree char *subtitle = NULL;
  const char *name;

  if (self->campaign != NULL)
    name = hp_campaign_get_name (self->campaign);
  else
    name = _("No campaign yet");

  if (!writable)
    /* Translators: %s is the campaign name, or "No campaign yet" */
    subtitle = g_strdup_printf (_("%s (read-only)"), name);
  else
    subtitle = g_strdup (name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* Translators: the campaign selector's label when the file has none */
  gtk_label_set_label (self->campaign_button_label,
                       self->campaign ? hp_campaign_get_name (self->campaign) : _("No Campaign"));

  /* An empty file: the banner points at the first step, with the one blue
   * button ("New Campaign…"); the selector and the pages' buttons stay
   * plain (hp-table-page-search.c). */
  set_banner_revealed (self->no_campaign_revealer, self->campaign == NULL && writable);

  g_simple_action_set_state (self->select_campaign_action,
                             g_variant_new_int64 (self->campaign ? hp_campaign_get_id (self->campaign) : 0));
  _hp_window_actions_update (self);
}

/* The search button shows where there are rows to search: the list, or
 * "No Results" (to change or clear the search), not an empty page. */
static void
list_view_changed_cb (HpWindow   *self,
                      GParamSpec *pspec,
                      GtkStack   *list_stack)
{
  const char *name = gtk_stack_get_visible_child_name (list_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->search_button),
                          g_strcmp0 (name, "list") == 0 || g_strcmp0 (name, "no-results") == 0);
}

/* The search button in the header bar opens and closes the visible list's
 * search bar; pages without one (pack, plan) hide it. */
static void
visible_page_changed_cb (HpWindow   *self,
                         GParamSpec *pspec,
                         AdwViewStack *stack)
{
  GtkWidget *page = adw_view_stack_get_visible_child (stack);

  if (self->search_binding != NULL)
    g_binding_unbind (self->search_binding);
  if (self->list_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->list_stack, list_view_changed_cb, self);
  g_clear_weak_pointer (&self->list_stack);

  if (HP_IS_TABLE_PAGE (page))
    {
      GtkSearchBar *search_bar = _hp_table_page_get_search_bar (HP_TABLE_PAGE (page));

      g_set_weak_pointer (&self->search_binding,
                          g_object_bind_property (search_bar, "search-mode-enabled",
                                                  self->search_button, "active",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_set_weak_pointer (&self->list_stack, _hp_table_page_get_stack (HP_TABLE_PAGE (page)));
      g_signal_connect_swapped (self->list_stack, "notify::visible-child-name",
                                G_CALLBACK (list_view_changed_cb), self);
      list_view_changed_cb (self, NULL, self->list_stack);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_button), FALSE);
    }
}

static void
add_pages (HpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = pages[i].page_new (self->store, self->campaign);

      g_assert (HP_IS_PAGE (page));
      g_object_bind_property (self, "campaign", page, "campaign", G_BINDING_DEFAULT);
      adw_view_stack_add_titled_with_icon (self->view_stack, page, pages[i].name,
                                           _(pages[i].title), pages[i].icon_name);
    }

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self, NULL, self->view_stack);
}

static void
update_title (HpWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  if (store_is_in_memory (self->store))
    return;

  /* the window list tells files apart; the header bar shows the pages */
  basename = g_path_get_basename (hp_store_get_path (self->store));
  /* Translators: the window title; %s is the file name */
  title = g_strdup_printf (_("%s – Heimpack"), basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
load_window_state (HpWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (HpWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* the default size is the unmaximized size */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

/* ------------------------------------------------------------------------ */
/* The campaign remembered per file                                          */

static gint64
lookup_remembered_campaign (HpWindow *self)
{
  g_autoptr(GVariant) files = g_settings_get_value (self->settings, "last-campaigns");
  gint64 id = 0;

  if (store_is_in_memory (self->store))
    return 0;

  g_variant_lookup (files, hp_store_get_path (self->store), "x", &id);

  return id;
}

static void
remember_campaign (HpWindow *self)
{
  g_autoptr(GVariant) files = NULL;
  const char *path = hp_store_get_path (self->store);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  gint64 id;
  guint n = 1;

  /* every in-memory store is called ":memory:": nothing to tell apart */
  if (self->campaign == NULL || store_is_in_memory (self->store))
    return;

  if (lookup_remembered_campaign (self) == hp_campaign_get_id (self->campaign))
    return;

  /* this file first, then the others that were used most recently */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  g_variant_builder_add (&builder, "{sx}", path, hp_campaign_get_id (self->campaign));

  files = g_settings_get_value (self->settings, "last-campaigns");
  g_variant_iter_init (&iter, files);
  while (n < MAX_REMEMBERED_FILES && g_variant_iter_next (&iter, "{&sx}", &other, &id))
    {
      if (g_strcmp0 (other, path) == 0)
        continue;
      g_variant_builder_add (&builder, "{sx}", other, id);
      n++;
    }

  g_settings_set_value (self->settings, "last-campaigns", g_variant_builder_end (&builder));
}

/* The remembered campaign if it still exists, else the newest one. */
static HpCampaign *
dup_initial_campaign (HpWindow *self)
{
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lookup_remembered_campaign (self);

  if (id > 0)
    {
      campaign = hp_store_get_campaign (self->store, id, &error);
      if (campaign != NULL)
        return g_steal_pointer (&campaign);
      /* removed since, or another file under the same name */
      g_debug ("Remembered campaign %" G_GINT64_FORMAT " is gone: %s", id, error->message);
      g_clear_error (&error);
    }

  /* An empty file has no campaign yet: that is no error. */
  campaign = hp_store_get_current_campaign (self->store, &error);
  if (campaign == NULL && !g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    _hp_window_add_error_toast (self, error);

  return g_steal_pointer (&campaign);
}

/* ------------------------------------------------------------------------ */
/* The campaign selector                                                     */

/**
 * _hp_window_reload_campaigns:
 *
 * Lists the store's campaigns in the selector's menu again, newest first.
 */
void
_hp_window_reload_campaigns (HpWindow *self)
{
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_assert (HP_IS_WINDOW (self));

  campaigns = hp_store_list_campaigns (self->store, &error);
  if (campaigns == NULL)
    {
      _hp_window_add_error_toast (self, error);
      return;
    }

  n_items = g_list_model_get_n_items (campaigns);
  g_menu_remove_all (self->campaign_section);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HpCampaign) campaign = g_list_model_get_item (campaigns, i);
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* menu labels take mnemonics: keep underscores in names */
      parts = g_strsplit (hp_campaign_get_name (campaign), "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.select-campaign",
                                               g_variant_new_int64 (hp_campaign_get_id (campaign)));
      g_menu_append_item (self->campaign_section, item);
    }

  self->n_campaigns = n_items;
  _hp_window_actions_update (self);
}

static void
campaign_popup_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  /* Runs whenever the menu opens: another Heimpack (or the CLI) may have
   * added campaigns meanwhile. */
  _hp_window_reload_campaigns (HP_WINDOW (user_data));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_window_new:
 * @application: (nullable): the application
 * @store: the open store to show
 */
HpWindow *
hp_window_new (GtkApplication *application,
               HpStore        *store)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

HpStore *
hp_window_get_store (HpWindow *self)
{
  g_return_val_if_fail (HP_IS_WINDOW (self), NULL);

  return self->store;
}

HpCampaign *
hp_window_get_campaign (HpWindow *self)
{
  g_return_val_if_fail (HP_IS_WINDOW (self), NULL);

  return self->campaign;
}

/**
 * hp_window_set_campaign:
 * @campaign: (nullable): the campaign to show
 *
 * Shows @campaign's figures on every page (they reload) and remembers it as
 * the campaign to show next time this file is opened.
 */
void
hp_window_set_campaign (HpWindow   *self,
                        HpCampaign *campaign)
{
  g_return_if_fail (HP_IS_WINDOW (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  /* during construction, constructed() takes over */
  if (self->store != NULL && self->select_campaign_action != NULL)
    {
      _hp_window_update_campaign_display (self);
      remember_campaign (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

void
hp_window_add_toast (HpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (HP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_hp_window_add_error_toast (HpWindow     *self,
                            const GError *error)
{
  g_autofree char *escaped = NULL;

  g_assert (HP_IS_WINDOW (self));
  g_assert (error != NULL);

  /* toast titles are markup */
  escaped = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-window-private.h)                                           */

AdwToastOverlay *
_hp_window_get_toast_overlay (HpWindow *self)
{
  return self->toast_overlay;
}

AdwViewStack *
_hp_window_get_view_stack (HpWindow *self)
{
  return self->view_stack;
}

AdwViewSwitcherTitle *
_hp_window_get_switcher_title (HpWindow *self)
{
  return self->switcher_title;
}

GtkMenuButton *
_hp_window_get_campaign_button (HpWindow *self)
{
  return self->campaign_button;
}

GtkLabel *
_hp_window_get_campaign_label (HpWindow *self)
{
  return self->campaign_button_label;
}

GMenuModel *
_hp_window_get_campaign_section (HpWindow *self)
{
  return G_MENU_MODEL (self->campaign_section);
}

GtkMenuButton *
_hp_window_get_primary_menu_button (HpWindow *self)
{
  return self->primary_menu_button;
}

GtkRevealer *
_hp_window_get_read_only_revealer (HpWindow *self)
{
  return self->read_only_revealer;
}

GtkRevealer *
_hp_window_get_no_campaign_revealer (HpWindow *self)
{
  return self->no_campaign_revealer;
}

/**
 * _hp_window_get_page:
 *
 * Returns: (nullable): the list page called @name (sponsors, products,
 *   schools, graduates), %NULL for another name
 */
HpTablePage *
_hp_window_get_page (HpWindow   *self,
                     const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  return page && HP_IS_TABLE_PAGE (page) ? HP_TABLE_PAGE (page) : NULL;
}

/**
 * _hp_window_get_any_page:
 *
 * Returns: (nullable): the page called @name, of whatever kind
 */
HpPage *
_hp_window_get_any_page (HpWindow   *self,
                         const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  return page ? HP_PAGE (page) : NULL;
}

GtkWindow *
_hp_window_get_bookings_dialog (HpWindow *self)
{
  return self->bookings_dialog;
}

AdwToast *
_hp_window_get_campaign_undo_toast (HpWindow *self)
{
  return self->campaign_undo_toast;
}

GtkDropTarget *
_hp_window_get_drop_target (HpWindow *self)
{
  return self->drop_target;
}

/* ------------------------------------------------------------------------ */
/* Migration notes                                                           */

/* Once per store: another window of the same file says nothing again. */
#define NOTES_SHOWN_KEY "hp-migration-notes-shown"
#define PURGE_REMINDED_KEY "hp-purge-reminded"

static void
show_migration_notes (HpWindow *self)
{
  const char * const *notes = hp_store_get_migration_notes (self->store);
  AdwMessageDialog *dialog;
  GString *body;

  if (notes == NULL || notes[0] == NULL || self->migration_notes_shown ||
      g_object_get_data (G_OBJECT (self->store), NOTES_SHOWN_KEY) != NULL)
    return;

  self->migration_notes_shown = TRUE;
  g_object_set_data (G_OBJECT (self->store), NOTES_SHOWN_KEY, GINT_TO_POINTER (TRUE));

  body = g_string_new (_("This file was written by an older version of Heimpack and has been brought up to date."));
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (body, "\n\n• %s", notes[i]);

  /* Translators: a dialog heading, after an older file was upgraded ("Datei aktualisiert") */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("File Updated"), body->str));
  adw_message_dialog_add_response (dialog, "close", _("_OK"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  g_string_free (body, TRUE);
}

/* ------------------------------------------------------------------------ */
/* The agency of older versions                                              */

#define AGENCY_CHECKED_KEY "hp-agency-taken-over-checked"

/* The agency older versions kept in the user's settings goes into the file
 * (hp_preferences_take_over_agency()), once, and the toast says so: the
 * user's header stays on their delivery sheets, and where it lives now is
 * one click away. Once per store, as the notes. */
static void
take_over_agency (HpWindow *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (g_object_get_data (G_OBJECT (self->store), AGENCY_CHECKED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (self->store), AGENCY_CHECKED_KEY, GINT_TO_POINTER (TRUE));

  settings = g_settings_new (APP_ID);
  if (!hp_preferences_take_over_agency (settings, self->store, &error))
    {
      if (error != NULL)
        _hp_window_add_error_toast (self, error);
      return;
    }

  toast = adw_toast_new (_("The agency’s address from your preferences is now stored in this file, "
                           "so everyone who opens it prints the same delivery sheets"));
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "app.preferences");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

/* A page shown the first time computes the styles and sizes of all its
 * widgets in that frame: 10-20 ms for a table page. The hidden pages do it
 * beforehand, one per idle turn once the window shows. A page keeps what it
 * computed until something in it changes. */
static gboolean
warm_pages_idle_cb (gpointer user_data)
{
  HpWindow *self = HP_WINDOW (user_data);
  GtkWidget *stack = GTK_WIDGET (self->view_stack);
  GtkWidget *shown = adw_view_stack_get_visible_child (self->view_stack);

  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (page == shown || g_object_get_data (G_OBJECT (page), "hp-warm") != NULL)
        continue;
      g_object_set_data (G_OBJECT (page), "hp-warm", GINT_TO_POINTER (TRUE));
      hp_page_warm (page);
      return G_SOURCE_CONTINUE;
    }

  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

static void
hp_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hp_window_parent_class)->map (widget);

  if (HP_WINDOW (widget)->warm_source == 0)
    HP_WINDOW (widget)->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_pages_idle_cb, widget, NULL);

  take_over_agency (HP_WINDOW (widget));

  /* when the window is there to be the dialog's parent */
  show_migration_notes (HP_WINDOW (widget));
  /* One dialog at a time: after an upgrade's notes, the next start reminds.
   * Once per store, as the notes: another window of the file says nothing. */
  if (g_object_get_data (G_OBJECT (HP_WINDOW (widget)->store), PURGE_REMINDED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (HP_WINDOW (widget)->store), PURGE_REMINDED_KEY, GINT_TO_POINTER (TRUE));
      if (!HP_WINDOW (widget)->migration_notes_shown)
        _hp_window_purge_remind (HP_WINDOW (widget));
    }
}

static gboolean
hp_window_close_request (GtkWindow *window)
{
  save_window_state (HP_WINDOW (window));

  return GTK_WINDOW_CLASS (hp_window_parent_class)->close_request (window);
}

static void
hp_window_constructed (GObject *object)
{
  HpWindow *self = HP_WINDOW (object);

  G_OBJECT_CLASS (hp_window_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  _hp_window_actions_init (self);
  self->campaign = dup_initial_campaign (self);

  add_pages (self);
  if (hp_store_is_read_only (self->store) && !hp_store_get_location_writable (self->store))
    gtk_label_set_label (self->read_only_label,
                         _("Opened read-only: the file is on read-only media or in a folder you cannot write to. "
                           "To change it, copy it into a folder of your own and open the copy."));
  set_banner_revealed (self->read_only_revealer, hp_store_is_read_only (self->store));
  update_title (self);
  _hp_window_reload_campaigns (self);
  _hp_window_update_campaign_display (self);
}

static void
hp_window_dispose (GObject *object)
{
  HpWindow *self = HP_WINDOW (object);

  _hp_window_dispose_actions (self);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_weak_pointer (&self->import_assistant);
  g_clear_weak_pointer (&self->search_binding);
  if (self->list_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->list_stack, list_view_changed_cb, self);
  g_clear_weak_pointer (&self->list_stack);
  g_clear_object (&self->select_campaign_action);
  g_clear_object (&self->settings);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hp_window_parent_class)->dispose (object);
}

static void
hp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HpWindow *self = HP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HpWindow *self = HP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      hp_window_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_window_class_init (HpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hp_window_constructed;
  object_class->dispose = hp_window_dispose;
  object_class->get_property = hp_window_get_property;
  object_class->set_property = hp_window_set_property;

  widget_class->map = hp_window_map;
  window_class->close_request = hp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, campaign_button_label);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, campaign_section);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, no_campaign_revealer);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, banner_child_revealed_cb);

  _hp_window_class_actions_init (klass);
}

static void
hp_window_init (HpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_window_state (self);

  gtk_menu_button_set_create_popup_func (self->campaign_button, campaign_popup_cb, self, NULL);
}
