/* hp-date-button.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hp_date_button_new              (GtkEditable *entry);
void       hp_date_button_set_default_date (GtkWidget   *button,
                                            const char  *iso);

G_END_DECLS
