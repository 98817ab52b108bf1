/* hp-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hp_export_write(): the common part of every export.
 *
 * - Safe writing: the workbook goes to a hidden temporary file next to the
 *   target, which is renamed over the target only when libxlsxwriter has
 *   closed it without error. Any failure or a cancel removes the temporary
 *   file and leaves the target as it was.
 * - Locale: libxlsxwriter formats doubles with snprintf(), so under a German
 *   LC_NUMERIC it writes "1,25" into the XML and the file is corrupt. The
 *   whole write runs under a thread-local C numeric locale (uselocale()).
 * - Constant-memory mode keeps one temporary file open per sheet until the
 *   workbook closes; the soft RLIMIT_NOFILE is raised for big workbooks, and
 *   where the hard limit is too low we write in memory instead.
 * - Errors: libxlsxwriter's are mapped to HP_EXPORT_ERROR_WRITE (files) or
 *   _FAILED, with lxw_strerror() in the message.
 *
 * Cells, sheets and formats are in hp-export-sheet.c, the snapshot in
 * hp-export-data.c, the workbooks in hp-export-packing.c,
 * hp-export-delivery.c and hp-export-reports.c.
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

G_DEFINE_QUARK (hp-export-error-quark, hp_export_error)

/* Open files beyond one per sheet: the database, stdio, the zip writer. */
#define SPARE_FILES 64

/* ------------------------------------------------------------------------ */
/* Kinds and file names                                                      */

static const struct
{
  const char *id;
  const char *title;
} kinds[] = {
  [HP_EXPORT_PACKING_LIST] = { "packing-list", N_("Packing list") },
  [HP_EXPORT_DELIVERY_SHEETS] = { "delivery-sheets", N_("Delivery sheets") },
  [HP_EXPORT_SPONSOR_REPORT] = { "sponsor-report", N_("Sponsor report") },
  [HP_EXPORT_NETWORK] = { "network", N_("Returnee network") },
};

const char *
hp_export_kind_get_title (HpExportKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].title);
}

gboolean
hp_export_kind_from_string (const char   *text,
                            HpExportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i].id))
      {
        *out_kind = (HpExportKind) i;
        return TRUE;
      }

  return FALSE;
}

char *
hp_export_suggest_filename (HpExportKind  kind,
                            const char   *campaign_name,
                            GDateTime    *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  char *name;

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  day = g_date_time_format (date, "%Y-%m-%d");

  /* Translators: a proposed file name: the kind of export (e.g. "Packing
   * list"), the campaign name and the date (YYYY-MM-DD). */
  name = g_strdup_printf (_("%s %s %s.xlsx"), hp_export_kind_get_title (kind),
                          campaign_name != NULL ? campaign_name : "", day);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return name;
}

/* ------------------------------------------------------------------------ */
/* The workbook                                                              */

static guint64
count_units (HpExportKind  kind,
             HpExportData *data)
{
  switch (kind)
    {
    case HP_EXPORT_PACKING_LIST:
      return _hp_export_packing_units (data);
    case HP_EXPORT_DELIVERY_SHEETS:
      return _hp_export_delivery_units (data);
    case HP_EXPORT_SPONSOR_REPORT:
      return _hp_export_sponsor_units (data);
    case HP_EXPORT_NETWORK:
      return _hp_export_network_units (data);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_kind (HpExportKind     kind,
            HpExportWriter  *w,
            GError         **error)
{
  switch (kind)
    {
    case HP_EXPORT_PACKING_LIST:
      return _hp_export_packing_list (w, error);
    case HP_EXPORT_DELIVERY_SHEETS:
      return _hp_export_delivery_sheets (w, error);
    case HP_EXPORT_SPONSOR_REPORT:
      return _hp_export_sponsor_report (w, error);
    case HP_EXPORT_NETWORK:
      return _hp_export_network (w, error);
    default:
      g_assert_not_reached ();
    }
}

/* Sheets a workbook will have, for the open-file limit. */
static guint
count_sheets (HpExportKind  kind,
              HpExportData *data)
{
  return kind == HP_EXPORT_DELIVERY_SHEETS ? data->schools->len + 1 : 4;
}

/*
 * use_constant_memory:
 * Constant-memory mode needs one open file per sheet until workbook_close().
 * Raises the soft limit of the process toward the hard limit when that is
 * not enough; FALSE (write in memory) when even the hard limit is too low.
 */
static gboolean
use_constant_memory (guint n_sheets)
{
  struct rlimit limit;
  rlim_t needed = (rlim_t) n_sheets + SPARE_FILES;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return n_sheets < 512;

  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= needed)
    return TRUE;

  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
    {
      g_message ("Only %lu open files allowed for %u sheets: writing the workbook in memory",
                 (unsigned long) limit.rlim_max, n_sheets);
      return FALSE;
    }

  /* Process-wide, and harmless: a higher soft limit only allows more. */
  limit.rlim_cur = needed;
  if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
    {
      g_message ("Could not raise the open-file limit to %lu: %s; writing the workbook in memory",
                 (unsigned long) needed, g_strerror (errno));
      return FALSE;
    }

  g_debug ("Raised the open-file limit to %lu for %u sheets", (unsigned long) needed, n_sheets);
  return TRUE;
}

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Creates the hidden temporary file next to @path that becomes @path. */
static char *
create_temp_file (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, pattern, NULL);
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (path, EISDIR, error);
      return NULL;
    }

  /* 0666 through the umask, like any new file of the user's. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (path, errno, error);
      return NULL;
    }

  close (fd);
  return g_steal_pointer (&tmp);
}

static gboolean
write_workbook (HpExportKind           kind,
                HpExportData          *data,
                const char            *tmp_path,
                const char            *path,
                HpExportProgressFunc   progress,
                gpointer               user_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *title = NULL;
  lxw_workbook_options options = {
    .constant_memory = use_constant_memory (count_sheets (kind, data)),
    .tmpdir = dir,
  };
  HpExportWriter w = {
    .data = data,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = user_data,
    .units_total = count_units (kind, data),
  };
  lxw_doc_properties properties = { 0 };
  lxw_error rc;
  gboolean ok;

  w.workbook = workbook_new_opt (tmp_path, &options);
  if (w.workbook == NULL)
    return set_write_error (path, errno != 0 ? errno : EIO, error);

  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Excel reserves this name. */
  g_hash_table_add (w.sheet_names, g_strdup ("history"));
  _hp_export_add_formats (&w);

  title = g_strdup_printf ("%s – %s", hp_export_kind_get_title (kind), data->campaign.name);
  properties.title = title;
  properties.company = (char *) data->options.agency_name;
  properties.author = (char *) data->options.agency_name;
  properties.created = time (NULL);
  _hp_export_check (&w, NULL, 0, workbook_set_properties (w.workbook, &properties));

  ok = _hp_export_ok (&w, error) &&
       write_kind (kind, &w, error) &&
       _hp_export_ok (&w, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);

  /* Always closed: lxw_workbook_free() would leak the open temporary files
   * of constant-memory mode. On failure it writes a file we then remove. */
  rc = workbook_close (w.workbook);
  if (ok && rc != LXW_NO_ERROR)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, HP_EXPORT_ERROR,
                   _hp_export_is_write_error (rc) ? HP_EXPORT_ERROR_WRITE : HP_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), name, lxw_strerror (rc));
      ok = FALSE;
    }

  g_hash_table_unref (w.sheet_names);
  g_free (w.failed_sheet);
  return ok;
}

gboolean
hp_export_write (HpStore                *store,
                 gint64                  campaign_id,
                 HpExportKind            kind,
                 const HpExportOptions  *options,
                 const char             *path,
                 HpExportProgressFunc    progress,
                 gpointer                user_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(HpExportData) data = NULL;
  g_autofree char *tmp_path = NULL;
  locale_t base_locale;
  locale_t c_locale;
  locale_t old_locale;
  g_autoptr(HpStoreSnapshot) snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

#ifdef __GLIBC__
  /* Each sheet of constant-memory mode callocs a row buffer of 128 KiB, of
   * which it touches one page. glibc's dynamic mmap threshold, once raised
   * by an earlier free of a big block, serves those from the heap and clears
   * them: 3,500 sheets then take 500 MB instead of 100 MB. Pinning the
   * threshold at its default keeps them lazily mapped (process-wide; only
   * the dynamic raising is lost). */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif

  if (progress != NULL)
    progress (0.0, user_data);

  /* One snapshot for every sheet: a write committed meanwhile (the window
   * stays usable) must not make the sheets disagree. */
  snapshot = _hp_store_snapshot_begin (store, error);
  if (snapshot == NULL)
    return FALSE;

  data = _hp_export_data_load (store, campaign_id, kind, options, error);
  if (data == NULL)
    return FALSE;

  tmp_path = create_temp_file (path, error);
  if (tmp_path == NULL)
    return FALSE;

  /* libxlsxwriter prints doubles with the thread's LC_NUMERIC. */
  base_locale = duplocale (LC_GLOBAL_LOCALE);
  c_locale = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_locale == (locale_t) 0)
    {
      int saved_errno = errno;

      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      g_unlink (tmp_path);
      g_set_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_FAILED,
                   _("Could not switch to the C locale for writing numbers: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  old_locale = uselocale (c_locale);
  ok = write_workbook (kind, data, tmp_path, path, progress, user_data, cancellable, error);
  uselocale (old_locale);
  freelocale (c_locale);

  if (ok && g_rename (tmp_path, path) != 0)
    ok = set_write_error (path, errno, error);

  if (!ok)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
