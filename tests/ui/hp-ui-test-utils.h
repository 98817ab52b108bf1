/* hp-ui-test-utils.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers that every UI test needs: running the main context until a
 * condition holds, finding toplevels and widgets, presenting a window, and
 * undoing what G_TEST_OPTION_ISOLATE_DIRS hides (the MIME database, GTK's
 * schemas), switching the language of the translations.
 */
#pragma once

#include <gtk/gtk.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

typedef gboolean (*HpUiTestCondition) (gpointer data);

void      hp_ui_test_drain_main_context       (void);
void      hp_ui_test_run_for                  (gint64             usec);
void      hp_ui_test_wait_until               (HpUiTestCondition  done,
                                               gpointer           data,
                                               gint64             timeout_usec,
                                               const char        *message);
gpointer  hp_ui_test_find_toplevel            (GType              type);
GtkLabel *hp_ui_test_find_label               (GtkWidget         *widget,
                                               const char        *needle);
void      hp_ui_test_present                  (GtkWindow         *window);
HpStore  *hp_ui_test_open_memory_store        (void);
void      hp_ui_test_use_system_mime_database (void);
void      hp_ui_test_add_gtk_schemas          (void);
void      hp_ui_test_set_language             (const char        *language);

G_END_DECLS
