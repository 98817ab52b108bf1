/* hp-date-button.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A calendar next to a date field, for those who would rather click than
 * type `24.06.2027`. It opens on the field's date, or on the day the page
 * suggests when the field is empty (the campaign's hand-over: not today,
 * months before it), and writes the chosen day back in the language's
 * form (hp_format_date(): `24.06.2027` in German, `2027-06-24` in English),
 * keeping a time of day after it (a hand-over).
 */

#define G_LOG_DOMAIN "hp-date-button"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <heimpack/heimpack.h>

#include "hp-date-button.h"

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkEditable *entry)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  /* the language's form, as the lists show dates */
  g_autofree char *text = g_date_time_format (date, hp_format_get_date_format ());
  const char *time = strchr (gtk_editable_get_text (entry), ' ');
  g_autofree char *with_time = g_strconcat (text, time, NULL);

  gtk_editable_set_text (entry, with_time);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
popover_show_cb (GtkPopover  *popover,
                 GtkEditable *entry)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (entry), " ", 2);
  /* an empty field splits into no parts at all */
  g_autofree char *iso = parts[0] ? hp_parse_date (g_strstrip (parts[0])) : NULL;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso == NULL)
    iso = g_strdup (g_object_get_data (G_OBJECT (popover), "hp-default-date"));
  if (iso != NULL && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, day_selected_cb, entry);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, day_selected_cb, entry);
}

/**
 * hp_date_button_new:
 * @entry: the date field; it must outlive the button (make the button its
 *   suffix)
 *
 * Returns: (transfer floating): a flat calendar button
 */
GtkWidget *
hp_date_button_new (GtkEditable *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  -1);

  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), entry);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), entry);

  return button;
}

/**
 * hp_date_button_set_default_date:
 * @button: a button from hp_date_button_new()
 * @iso: (nullable): `YYYY-MM-DD` (a time after it is ignored), or %NULL
 *   for today
 *
 * Sets the day the calendar opens on while the field is empty.
 */
void
hp_date_button_set_default_date (GtkWidget  *button,
                                 const char *iso)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_object_set_data_full (G_OBJECT (popover), "hp-default-date",
                          iso ? g_strndup (iso, 10) : NULL, g_free);
}
