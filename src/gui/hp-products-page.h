/* hp-products-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hp-table-page.h"

G_BEGIN_DECLS

#define HP_TYPE_PRODUCTS_PAGE (hp_products_page_get_type ())
G_DECLARE_FINAL_TYPE (HpProductsPage, hp_products_page, HP, PRODUCTS_PAGE, HpTablePage)

GtkWidget *hp_products_page_new (HpStore    *store,
                                 HpCampaign *campaign);

G_END_DECLS
