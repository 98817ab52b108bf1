/* hp-store-lock.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lock that keeps two Heimpacks from writing one file. It is an advisory
 * flock() on `FILE.lock`; the kernel drops it when the holder dies, so a crash
 * never leaves a stale lock. While held, the file names its holder (user,
 * host, pid, since) so that a second opener can tell the user who to ask.
 * flock() locks belong to an open file description, so a second open in the
 * same process is refused too, as it should be.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-format.h"
#include "hp-store-private.h"

static char *
lock_path_for (const char *db_path)
{
  return g_strconcat (db_path, ".lock", NULL);
}

static void
set_locked_error (const char  *db_path,
                  int          fd,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_basename (db_path);
  g_autofree char *since = NULL;
  char buf[512] = { 0 };
  g_auto(GStrv) fields = NULL;
  ssize_t n;

  n = pread (fd, buf, sizeof buf - 1, 0);
  if (n > 0)
    fields = g_strsplit (buf, "\n", 5);

  if (fields == NULL || g_strv_length (fields) < 4)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED,
                   _("“%s” is in use by another Heimpack. Close it there, or open the file read-only."),
                   name);
      return;
    }

  since = hp_format_date (fields[3]);
  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_LOCKED,
               _("“%s” is in use by %s on %s (process %s) since %s. "
                 "Close Heimpack there, or open the file read-only."),
               name, fields[0], fields[1], fields[2], since);
}

/*
 * _hp_store_lock_acquire:
 * Returns the fd holding the lock, or -1 with HP_STORE_ERROR_LOCKED (someone
 * else has it) or HP_STORE_ERROR_FAILED.
 */
int
_hp_store_lock_acquire (const char  *db_path,
                        GError     **error)
{
  g_autofree char *lock_path = lock_path_for (db_path);
  g_autofree char *info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  char host[256] = "localhost";
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (lock_path);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                   _("Could not create the lock file “%s”: %s"), name, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EWOULDBLOCK)
        set_locked_error (db_path, fd, error);
      else
        g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_FAILED,
                     _("Could not lock “%s”: %s"), lock_path, g_strerror (saved_errno));
      close (fd);
      return -1;
    }

  gethostname (host, sizeof host - 1);
  info = g_strdup_printf ("%s\n%s\n%d\n%s\n", g_get_user_name (), host, (int) getpid (), since);
  if (ftruncate (fd, 0) != 0 || pwrite (fd, info, strlen (info), 0) != (ssize_t) strlen (info))
    g_debug ("Could not write the holder into %s: %s", lock_path, g_strerror (errno));

  return fd;
}

void
_hp_store_lock_release (int lock_fd)
{
  if (lock_fd < 0)
    return;

  /* Emptied, not removed: unlinking would race with a second opener that has
   * the old inode open. An empty, unlocked file means "nobody". */
  if (ftruncate (lock_fd, 0) != 0)
    g_debug ("Could not empty the lock file: %s", g_strerror (errno));
  flock (lock_fd, LOCK_UN);
  close (lock_fd);
}
