/* hp-date-button.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hp_date_button_new (GtkEditable *entry);

G_END_DECLS
