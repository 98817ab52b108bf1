/* hp-graduates-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

#define HP_TYPE_GRADUATES_PAGE (hp_graduates_page_get_type ())
G_DECLARE_FINAL_TYPE (HpGraduatesPage, hp_graduates_page, HP, GRADUATES_PAGE, HpTablePage)

GtkWidget *hp_graduates_page_new (HpStore    *store,
                                  HpCampaign *campaign);

G_END_DECLS
