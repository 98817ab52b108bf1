/* hp-window-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's instance struct, shared with hp-window-actions.c, and its
 * parts for tests, without widening the public API.
 */
#pragma once

#include "hp-window.h"
#include "hp-page.h"
#include "hp-table-page.h"

G_BEGIN_DECLS

struct _HpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *campaign_button;
  GtkLabel             *campaign_button_label;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *search_button;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkRevealer          *no_campaign_revealer;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;

  /* Borrowed from the template */
  GMenu                *campaign_section;

  /* Borrowed */
  GtkDropTarget        *drop_target;       /* owned by the window */
  GtkWindow            *import_assistant;  /* weak: the open one */
  GtkWindow            *bookings_dialog;   /* weak: the open one */
  GtkWindow            *backups_window;    /* weak: the open one */
  AdwToast             *campaign_undo_toast; /* weak */
  GBinding             *search_binding;    /* weak: search_button ↔ the visible page's search bar */
  GtkStack             *list_stack;        /* weak: the visible list page's view (list, empty …) */

  /* Owned */
  HpStore              *store;
  HpCampaign           *campaign;
  GSettings            *settings;
  GSimpleAction        *select_campaign_action;
  HpStoreRemoval       *campaign_removal;  /* the campaign removed last, while it can be undone */
  char                 *removed_campaign_name;
  gulong                campaign_removal_changed_id;   /* on the store, while it can be undone */
  GCancellable         *count_cancellable; /* counting what goes with a campaign */
  guint                 n_campaigns;
  guint                 warm_source;     /* styles and measures the hidden pages */
  guint                 migration_notes_shown : 1;
};

/* hp-window-actions.c */
void                  _hp_window_class_actions_init      (HpWindowClass *klass);
void                  _hp_window_actions_init            (HpWindow      *self);
void                  _hp_window_actions_update          (HpWindow      *self);
void                  _hp_window_import                  (HpWindow      *self,
                                                          int            kind,
                                                          GFile         *file);
void                  _hp_window_dispose_actions         (HpWindow      *self);

/* hp-window.c */
void                  _hp_window_reload_campaigns        (HpWindow      *self);
void                  _hp_window_update_campaign_display (HpWindow      *self);
void                  _hp_window_add_error_toast         (HpWindow      *self,
                                                          const GError  *error);

/* for tests */
AdwViewStack         *_hp_window_get_view_stack          (HpWindow      *self);
AdwToastOverlay      *_hp_window_get_toast_overlay       (HpWindow      *self);
AdwViewSwitcherTitle *_hp_window_get_switcher_title      (HpWindow      *self);
GtkMenuButton        *_hp_window_get_campaign_button     (HpWindow      *self);
GtkLabel             *_hp_window_get_campaign_label      (HpWindow      *self);
GMenuModel           *_hp_window_get_campaign_section    (HpWindow      *self);
GtkMenuButton        *_hp_window_get_primary_menu_button (HpWindow      *self);
GtkRevealer          *_hp_window_get_read_only_revealer  (HpWindow      *self);
GtkRevealer          *_hp_window_get_no_campaign_revealer (HpWindow     *self);
HpTablePage          *_hp_window_get_page                (HpWindow      *self,
                                                          const char    *name);
HpPage               *_hp_window_get_any_page            (HpWindow      *self,
                                                          const char    *name);
GtkWindow            *_hp_window_get_bookings_dialog     (HpWindow      *self);
AdwToast             *_hp_window_get_campaign_undo_toast (HpWindow      *self);
GtkDropTarget        *_hp_window_get_drop_target         (HpWindow      *self);

G_END_DECLS
