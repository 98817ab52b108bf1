/* hp-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a view stack with one page per list (sponsors, products,
 * schools, graduates) of one store and its current campaign. The window gets
 * the store from HpApplication and hands it to each page; the campaign is
 * passed on with a binding, so that switching campaigns reloads every page.
 */

#define G_LOG_DOMAIN "hp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-graduates-page.h"
#include "hp-products-page.h"
#include "hp-schools-page.h"
#include "hp-sponsors-page.h"
#include "hp-window-private.h"

struct _HpWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel             *campaign_label;
  GtkMenuButton        *primary_menu_button;
  GtkRevealer          *read_only_revealer;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;

  /* Owned */
  HpStore              *store;
  HpCampaign           *campaign;
  GSettings            *settings;
};

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
  { "schools", N_("Schools"), "heimpack-school-symbolic", hp_schools_page_new },
  /* Translators: the school leavers; German uses a gender-neutral form */
  { "graduates", N_("Graduates"), "heimpack-graduate-symbolic", hp_graduates_page_new },
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
update_subtitle (HpWindow *self)
{
  const char *name;
  g_autofree char *subtitle = NULL;

  if (self->campaign != NULL)
    name = hp_campaign_get_name (self->campaign);
  else
    name = _("No campaign yet");

  if (hp_store_is_read_only (self->store))
    /* Translators: %s is the campaign name, or "No campaign yet" */
    subtitle = g_strdup_printf (_("%s (read-only)"), name);
  else
    subtitle = g_strdup (name);

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  /* next to the view switcher the read-only banner says the rest */
  gtk_label_set_label (self->campaign_label, name);
}

static void
add_pages (HpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = pages[i].page_new (self->store, self->campaign);

      g_object_bind_property (self, "campaign", page, "campaign", G_BINDING_DEFAULT);
      adw_view_stack_add_titled_with_icon (self->view_stack, page, pages[i].name,
                                           _(pages[i].title), pages[i].icon_name);
    }
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
/* Actions                                                                   */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpWindow *self = HP_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    hp_table_page_reload (_hp_window_get_page (self, pages[i].name));
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
 * Shows @campaign's figures on every page (they reload).
 */
void
hp_window_set_campaign (HpWindow   *self,
                        HpCampaign *campaign)
{
  g_return_if_fail (HP_IS_WINDOW (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  if (self->store != NULL)
    update_subtitle (self);

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

/* ------------------------------------------------------------------------ */
/* For tests (hp-window-private.h)                                           */

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
_hp_window_get_primary_menu_button (HpWindow *self)
{
  return self->primary_menu_button;
}

GtkRevealer *
_hp_window_get_read_only_revealer (HpWindow *self)
{
  return self->read_only_revealer;
}

HpTablePage *
_hp_window_get_page (HpWindow   *self,
                     const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  return page ? HP_TABLE_PAGE (page) : NULL;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

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
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (hp_window_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (self->store));

  /* An empty file has no campaign yet: that is no error. */
  campaign = hp_store_get_current_campaign (self->store, &error);
  if (campaign == NULL && !g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
  g_set_object (&self->campaign, campaign);

  add_pages (self);
  gtk_revealer_set_reveal_child (self->read_only_revealer, hp_store_is_read_only (self->store));
  update_subtitle (self);
}

static void
hp_window_dispose (GObject *object)
{
  HpWindow *self = HP_WINDOW (object);

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
  gtk_widget_class_bind_template_child (widget_class, HpWindow, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HpWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
}

static void
hp_window_init (HpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_window_state (self);
}
