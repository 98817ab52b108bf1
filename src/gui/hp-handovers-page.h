/* hp-handovers-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

#define HP_TYPE_HANDOVERS_PAGE (hp_handovers_page_get_type ())
G_DECLARE_FINAL_TYPE (HpHandoversPage, hp_handovers_page, HP, HANDOVERS_PAGE, HpTablePage)

GtkWidget *hp_handovers_page_new (HpStore    *store,
                                  HpCampaign *campaign);

G_END_DECLS
