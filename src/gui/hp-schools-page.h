/* hp-schools-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

#define HP_TYPE_SCHOOLS_PAGE (hp_schools_page_get_type ())
G_DECLARE_FINAL_TYPE (HpSchoolsPage, hp_schools_page, HP, SCHOOLS_PAGE, HpTablePage)

GtkWidget *hp_schools_page_new (HpStore    *store,
                                HpCampaign *campaign);

G_END_DECLS
