/* hp-backups-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <heimpack/heimpack.h>

G_BEGIN_DECLS

#define HP_TYPE_BACKUPS_WINDOW (hp_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (HpBackupsWindow, hp_backups_window, HP, BACKUPS_WINDOW, AdwWindow)

HpBackupsWindow *hp_backups_window_new          (HpStore         *store);
/* How many backups the list shows (after the last load). */
guint            hp_backups_window_get_n_backups (HpBackupsWindow *self);
/* TRUE while the list loads, a copy is made or a restore runs. */
gboolean         hp_backups_window_get_busy      (HpBackupsWindow *self);
/* The id of the backup in row @index (0 the newest), or NULL. */
const char      *hp_backups_window_get_backup_id (HpBackupsWindow *self,
                                                  guint            index);

G_END_DECLS
