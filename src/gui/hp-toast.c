/* hp-toast.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dismissing a toast without crashing libadwaita 1.2.2. A toast slides in
 * for 300 ms, or 500 ms when it takes the place of one that slides out. If
 * it is dismissed while it slides in, it slides out (300 ms) and is freed,
 * but its slide-in goes on: when that ends, or the window closes first, it
 * writes to the freed toast and the program crashes (adw-toast-overlay.c,
 * show_done_cb()). An undo toast dismissed by the next write met this: the
 * window's test of removing a campaign twice crashed when it waited 400 ms
 * before closing the window. So toasts are dismissed only once they have
 * surely slid in. (libadwaita 1.2 does not say whether a toast is shown.)
 */

#define G_LOG_DOMAIN "hp-toast"

#include "config.h"

#include "hp-toast.h"

/* longer than the longest slide-in (REPLACE_DURATION, 500 ms) */
#define SLIDE_IN_MS 600

static gboolean
dismiss_cb (gpointer user_data)
{
  /* a toast of a closed window has no overlay: then this does nothing */
  adw_toast_dismiss (ADW_TOAST (user_data));

  return G_SOURCE_REMOVE;
}

/**
 * hp_toast_dismiss:
 * @toast: a toast given to an #AdwToastOverlay
 *
 * Dismisses @toast as adw_toast_dismiss() does, 600 ms later, when it
 * cannot be sliding in any more (unless the overlay showed it again
 * meanwhile, after a toast of high priority pushed it back: our undo
 * toasts are of high priority themselves). A toast of a closed window is
 * left alone.
 */
void
hp_toast_dismiss (AdwToast *toast)
{
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_timeout_add_full (G_PRIORITY_DEFAULT, SLIDE_IN_MS, dismiss_cb, g_object_ref (toast), g_object_unref);
}
