/* hp-sponsors-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

#define HP_TYPE_SPONSORS_PAGE (hp_sponsors_page_get_type ())
G_DECLARE_FINAL_TYPE (HpSponsorsPage, hp_sponsors_page, HP, SPONSORS_PAGE, HpTablePage)

GtkWidget *hp_sponsors_page_new (HpStore    *store,
                                 HpCampaign *campaign);

G_END_DECLS
