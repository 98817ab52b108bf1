/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include <heimpack/heimpack.h>

#include "hp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HpApplication) app = NULL;
  const char *localedir;

  /* HEIMPACK_LOCALEDIR points tests and build-aux/run at the build tree. */
  localedir = g_getenv ("HEIMPACK_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Open files and malloc for big exports, while there is one thread. */
  hp_export_setup_process ();

  app = hp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
