/* hp-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_PAGE (hp_page_get_type ())
G_DECLARE_INTERFACE (HpPage, hp_page, HP, PAGE, GtkWidget)

/**
 * HpPageInterface:
 * @reload: reads the page's rows (or figures) from the store again,
 *   without blocking the window: in a worker thread, or once the page is
 *   on screen
 *
 * What the window knows of its pages: each shows one store
 * (#HpPage:store, construct-only) and one of its campaigns
 * (#HpPage:campaign, bound to the window's), says while it is loading
 * (#HpPage:loading), and can be told to reload. Implementations declare
 * these three properties with the same names and types.
 */
struct _HpPageInterface
{
  GTypeInterface g_iface;

  void (*reload) (HpPage *self);
};

HpStore    *hp_page_get_store    (HpPage     *self);
HpCampaign *hp_page_get_campaign (HpPage     *self);
void        hp_page_set_campaign (HpPage     *self,
                                  HpCampaign *campaign);
gboolean    hp_page_get_loading  (HpPage     *self);
void        hp_page_reload       (HpPage     *self);

void        hp_page_warm         (GtkWidget  *page);
void        hp_page_warm_soon    (GtkWidget  *page,
                                  guint      *source);

G_END_DECLS
