/* hp-cli-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * heimpack-cli export KIND OUT.xlsx …: options to hp_export_write_full(),
 * the path written (or the error line) out, and its warnings (e.g. a text
 * cut to fit a cell) on stderr, one line each, with exit status 0.
 *
 * libxlsxwriter prints diagnostics of its own on stderr besides returning
 * an error code (a full disk gave "[ERROR][./src/packager.c:1541]: Error in
 * closing member in the zipfile" and "[ERROR] workbook_close(): Zip
 * ZIP_ERRNO error …" before our line). While the export runs, stderr goes
 * to a memory file: a failed export prints only its own one line, and
 * whatever was printed during a successful one follows it.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "hp-cli-private.h"

/* Sends stderr to a memory file; returns the saved stderr, or -1. */
static int
capture_stderr (int *out_capture)
{
  int saved;
  int capture = memfd_create ("heimpack-cli-stderr", MFD_CLOEXEC);

  *out_capture = -1;
  if (capture < 0)
    return -1;

  fflush (stderr);
  saved = dup (STDERR_FILENO);
  if (saved < 0 || dup2 (capture, STDERR_FILENO) < 0)
    {
      if (saved >= 0)
        close (saved);
      close (capture);
      return -1;
    }

  *out_capture = capture;
  return saved;
}

/* Puts stderr back; copies what was captured to it if @replay. */
static void
restore_stderr (int      saved,
                int      capture,
                gboolean replay)
{
  if (saved < 0)
    return;

  fflush (stderr);
  dup2 (saved, STDERR_FILENO);
  close (saved);

  if (replay && lseek (capture, 0, SEEK_SET) == 0)
    {
      char buffer[4096];
      ssize_t n;

      while ((n = read (capture, buffer, sizeof buffer)) > 0)
        if (write (STDERR_FILENO, buffer, (size_t) n) != n)
          break;
    }
  close (capture);
}

gboolean
hp_cli_run_export (HpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_autofree char *agency_name = NULL;
  g_autofree char *agency_street = NULL;
  g_autofree char *agency_postcode = NULL;
  g_autofree char *agency_town = NULL;
  g_autofree char *agency_phone = NULL;
  g_autofree char *agency_email = NULL;
  g_autofree char *path = NULL;
  int crate_size = 0;
  gboolean class_lists = FALSE;
  HpExportKind kind;
  HpCampaign *campaign;
  HpExportOptions options = { 0 };
  g_auto(GStrv) warnings = NULL;
  int saved_stderr;
  int capture;
  gboolean ok;
  GOptionEntry entries[] = {
    { "crate-size", 0, 0, G_OPTION_ARG_INT, &crate_size, N_("Packs per crate (default 20)"), N_("N") },
    { "class-lists", 0, 0, G_OPTION_ARG_NONE, &class_lists, N_("Delivery sheets: add each school’s class list"), NULL },
    { "agency-name", 0, 0, G_OPTION_ARG_STRING, &agency_name, N_("Agency name for the delivery sheets, instead of the file’s (see “agency show”)"), N_("TEXT") },
    { "agency-street", 0, 0, G_OPTION_ARG_STRING, &agency_street, N_("Agency street, instead of the file’s"), N_("TEXT") },
    { "agency-postcode", 0, 0, G_OPTION_ARG_STRING, &agency_postcode, N_("Agency postcode, instead of the file’s"), N_("TEXT") },
    { "agency-town", 0, 0, G_OPTION_ARG_STRING, &agency_town, N_("Agency town, instead of the file’s"), N_("TEXT") },
    { "agency-phone", 0, 0, G_OPTION_ARG_STRING, &agency_phone, N_("Agency phone, instead of the file’s"), N_("TEXT") },
    { "agency-email", 0, 0, G_OPTION_ARG_STRING, &agency_email, N_("Agency e-mail, instead of the file’s"), N_("TEXT") },
    { NULL }
  };

  if (!hp_cli_parse_options (&argc, &argv, _("packing-list|delivery-sheets|sponsor-report|network OUT.xlsx"),
                             _("Writes a print-ready workbook of the campaign."), entries, error) ||
      !hp_cli_expect_args (argc, argv, 3, _("the export kind and the output file"), error))
    return FALSE;

  if (!hp_export_kind_from_string (argv[1], &kind))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown export “%s”: use packing-list, delivery-sheets, "
                                                    "sponsor-report or network."), argv[1]);
      return hp_cli_usage_error (error, message);
    }

  if (crate_size < 0)
    return hp_cli_usage_error (error, _("--crate-size must be a positive number."));

  if (hp_cli_get_store (cli, FALSE, error) == NULL)
    return FALSE;

  campaign = hp_cli_get_campaign (cli, TRUE, error);
  if (campaign == NULL)
    return FALSE;

  options.agency_name = agency_name;
  options.agency_street = agency_street;
  options.agency_postcode = agency_postcode;
  options.agency_town = agency_town;
  options.agency_phone = agency_phone;
  options.agency_email = agency_email;
  options.crate_size = (guint) crate_size;
  options.class_lists = class_lists;

  path = g_canonicalize_filename (argv[2], NULL);
  saved_stderr = capture_stderr (&capture);
  ok = hp_export_write_full (cli->store, hp_campaign_get_id (campaign), kind, &options, path,
                             NULL, NULL, NULL, &warnings, error);
  restore_stderr (saved_stderr, capture, ok);
  if (!ok)
    return FALSE;

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    {
      /* Translators: a warning line after an export (exit status 0) */
      g_autofree char *line = g_strdup_printf (_("Warning: %s"), warnings[i]);

      fprintf (stderr, "heimpack-cli: %s\n", g_strdelimit (line, "\n", ' '));
    }

  if (cli->json)
    {
      printf ("{\"path\":");
      hp_cli_print_json_string (stdout, path);
      printf ("}\n");
    }
  else
    printf ("%s\n", path);

  return TRUE;
}
