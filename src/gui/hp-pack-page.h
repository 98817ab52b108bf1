/* hp-pack-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_PACK_PAGE (hp_pack_page_get_type ())
G_DECLARE_FINAL_TYPE (HpPackPage, hp_pack_page, HP, PACK_PAGE, GtkWidget)

GtkWidget *hp_pack_page_new (HpStore    *store,
                             HpCampaign *campaign);

G_END_DECLS
