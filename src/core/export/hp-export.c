/* hp-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hp_export_write(): the common part of every export.
 *
 * - Safe writing: the workbook goes to a hidden temporary folder next to
 *   the target, `.NAME.hp-HOST-PID-XXXXXX.tmp/` (mode 0700), as the file
 *   `workbook.xlsx` (mode 0600) in it, which is renamed over the target only
 *   when libxlsxwriter has closed it without error (libxlsxwriter 1.1.4
 *   cannot write to memory). libxlsxwriter's own temporary files (one per
 *   sheet in constant-memory mode, and the parts while zipping, `tmp.*`)
 *   go into that folder too: they are unlinked as soon as they are open,
 *   but a kill between the two leaves them, with class-list rows in them.
 *   Any failure or a cancel removes the folder and leaves the target as it
 *   was. Workbooks with personal data (class lists, the network) stay
 *   0600; the others get the mode of a new file under the umask just
 *   before the rename.
 * - Leftovers of a killed export: every export first removes the temporary
 *   folders of ours in its folder that nobody writes any more (see
 *   remove_leftovers()).
 * - Texts: cells, page headers, sheet names and document properties are
 *   cleaned so that the XML is always valid and shows the text as typed
 *   (hp-export-sheet.c); texts cut to fit a cell come back as warnings.
 * - Locale: libxlsxwriter formats doubles with snprintf(), so under a German
 *   LC_NUMERIC it writes "1,25" into the XML and the file is corrupt. The
 *   whole write runs under a thread-local C numeric locale (uselocale()).
 * - Constant-memory mode keeps one temporary file open per sheet until the
 *   workbook closes; where the process's open-file limit is too low for
 *   that we write in memory instead. The library changes no process-wide
 *   setting: the programs raise the limit (and pin malloc's mmap threshold)
 *   at their start (hp-cli, hp-application).
 * - Errors: libxlsxwriter's are mapped to HP_EXPORT_ERROR_WRITE (files) or
 *   _FAILED; a failed write of the file says why in the system's words
 *   ("No space left on device"), not in libxlsxwriter's.
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
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heimpack/hp-format.h"
#include "hp-export-private.h"

G_DEFINE_QUARK (hp-export-error-quark, hp_export_error)

int _hp_export_test_close_errno = 0;

/* Open files beyond one per sheet: the database, stdio, the zip writer. */
#define SPARE_FILES 64

/* A temporary file of another computer, or of a process id that runs
 * again, is a leftover when it is older than this (seconds): no export
 * takes a day, and a temporary file is written only when the workbook is
 * closed, so its age is the export's. */
#define LEFTOVER_AGE (24 * 60 * 60)
/* The part of a file name before the temporary suffix is cut to this many
 * bytes, so that the name stays within the 255 bytes of a file name. */
#define TEMP_BASE_MAX 160

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
 * FALSE (write in memory: slower and bigger, but complete) when the soft
 * open-file limit is too low for that. The limit is the program's to set
 * (heimpack-cli and the window raise it to the hard limit at start).
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

  g_message ("Only %lu open files allowed for %u sheets: writing the workbook in memory",
             (unsigned long) limit.rlim_cur, n_sheets);
  return FALSE;
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

/* The soft open-file limit hp_export_setup_process() asks for at most:
 * a delivery workbook of 16,000 schools. */
#define WANTED_OPEN_FILES 16384

void
hp_export_setup_process (void)
{
  struct rlimit limit;

#ifdef __GLIBC__
  /* Each sheet of constant-memory mode callocs a row buffer of 128 KiB, of
   * which it touches one page. glibc's dynamic mmap threshold, once raised
   * by an earlier free of a big block, serves those from the heap and
   * clears them; pinned at its default they stay lazily mapped. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < WANTED_OPEN_FILES)
    {
      rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? WANTED_OPEN_FILES
                                                       : MIN (limit.rlim_max, (rlim_t) WANTED_OPEN_FILES);

      if (wanted > limit.rlim_cur)
        {
          limit.rlim_cur = wanted;
          if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
            g_debug ("Could not raise the open-file limit to %lu: %s", (unsigned long) wanted, g_strerror (errno));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Temporary files                                                           */

/* A tag of this computer in temporary file names, so that a folder shared
 * by several computers is told apart: 8 hex digits of its host name. */
static guint32
host_tag (void)
{
  return g_str_hash (g_get_host_name ());
}

/*
 * parse_temp_name:
 * TRUE if @name is a temporary file of an export, `.NAME.hp-HOST-PID-XXXXXX.tmp`,
 * with its host tag and process id.
 */
static gboolean
parse_temp_name (const char *name,
                 guint32    *out_host,
                 gint64     *out_pid)
{
  const char *marker;
  const char *end;
  char *rest;
  guint64 host;
  guint64 pid;
  gsize len = strlen (name);

  /* ".hp-" + 8 + "-" + ≥1 + "-" + 6 + ".tmp" */
  if (name[0] != '.' || !g_str_has_suffix (name, ".tmp") || len < 1 + 4 + 8 + 1 + 1 + 1 + 6 + 4)
    return FALSE;

  end = name + len - 4 - 6;      /* at the XXXXXX */
  if (end[-1] != '-')
    return FALSE;
  /* The last ".hp-" before the suffix: NAME may hold one itself. */
  marker = g_strrstr_len (name, end - name, ".hp-");
  if (marker == NULL || marker == name)
    return FALSE;

  host = g_ascii_strtoull (marker + 4, &rest, 16);
  if (rest != marker + 4 + 8 || *rest != '-')
    return FALSE;
  pid = g_ascii_strtoull (rest + 1, &rest, 10);
  if (rest != end - 1 || pid == 0 || pid > G_MAXINT)
    return FALSE;

  *out_host = (guint32) host;
  *out_pid = (gint64) pid;
  return TRUE;
}

/* Removes the temporary folder @path: the files in it (libxlsxwriter's
 * and the workbook; nothing else is made there), then itself. */
static gboolean
remove_temp_dir (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }

  return g_rmdir (path) == 0;
}

/*
 * remove_leftovers:
 * Removes the temporary folders of killed exports from @dir. A folder is
 * ours when its name is `.NAME.hp-HOST-PID-XXXXXX.tmp` and it belongs to
 * this user. It is a leftover, which nobody will write or rename from any
 * more, when
 * - it was made on this computer by a process that no longer runs (a
 *   process id that does not exist: kill(pid, 0) fails with ESRCH), or
 * - it is older than LEFTOVER_AGE: made on another computer sharing the
 *   folder, whose processes we cannot see, or by a process id that has been
 *   given to another program since.
 * The files of this very process are left alone (another export of ours
 * may be running in another thread), and so are those of running
 * processes, including other users'. Errors are ignored: leftovers are
 * removed next time.
 */
static void
remove_leftovers (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint32 host = host_tag ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      guint32 file_host;
      gint64 pid;
      struct stat st;
      gboolean gone;

      if (!parse_temp_name (name, &file_host, &pid))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
        continue;

      if (file_host == host && pid == (gint64) getpid ())
        continue;

      gone = file_host == host && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
      if (!gone && now - (gint64) st.st_mtime < LEFTOVER_AGE)
        continue;

      if (remove_temp_dir (path))
        g_debug ("Removed the leftover temporary folder %s", path);
      else
        g_debug ("Could not remove the leftover temporary folder %s: %s", path, g_strerror (errno));
    }
}

/* The mode a new file gets: 0666 less the process's umask, read without
 * changing it (umask() would, for every thread); 022 if unknown. */
static mode_t
new_file_mode (void)
{
  g_autofree char *status = NULL;
  mode_t mask = 022;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "\nUmask:");

      if (line != NULL)
        mask = (mode_t) (g_ascii_strtoull (line + 7, NULL, 8) & 0777);
    }

  return 0666 & ~mask;
}

/* Creates the hidden temporary folder next to @path (0700) and in it the
 * file that becomes @path (0600); returns the folder. */
static char *
create_temp_dir (const char  *path,
                 char       **out_file,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *file = NULL;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (path, EISDIR, error);
      return NULL;
    }

  /* Cut on a character boundary. */
  if (strlen (base) > TEMP_BASE_MAX)
    *g_utf8_find_prev_char (base, base + TEMP_BASE_MAX + 1) = '\0';

  pattern = g_strdup_printf (".%s.hp-%08x-%ld-XXXXXX.tmp", base, host_tag (), (long) getpid ());
  tmp = g_build_filename (dir, pattern, NULL);

  if (g_mkdtemp_full (tmp, 0700) == NULL)
    {
      set_write_error (path, errno, error);
      return NULL;
    }

  file = g_build_filename (tmp, "workbook.xlsx", NULL);
  fd = g_open (file, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (path, errno, error);
      g_rmdir (tmp);
      return NULL;
    }

  close (fd);
  *out_file = g_steal_pointer (&file);
  return g_steal_pointer (&tmp);
}

/* The reason a file write failed, in the system's words where we can tell
 * it: libxlsxwriter only says "ZIP_ERRNO". @saved_errno is errno right
 * after the failure. */
static const char *
write_failure_reason (lxw_error   rc,
                      int         saved_errno,
                      const char *dir)
{
  struct statvfs fs;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EIO:
    case EROFS:
    case EACCES:
    case EPERM:
    case ENOENT:
      return g_strerror (saved_errno);
    default:
      break;
    }

  /* errno may have been overwritten while libxlsxwriter cleaned up: a
   * folder with next to no room left was full. */
  if (_hp_export_is_write_error (rc) && statvfs (dir, &fs) == 0 &&
      (guint64) fs.f_bavail * fs.f_frsize < 64 * 1024)
    return g_strerror (ENOSPC);

  return lxw_strerror (rc);
}

static gboolean
write_workbook (HpExportKind           kind,
                HpExportData          *data,
                const char            *tmp_dir,
                const char            *tmp_path,
                const char            *path,
                HpExportProgressFunc   progress,
                gpointer               user_data,
                GCancellable          *cancellable,
                GPtrArray             *warnings,
                GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *title = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_agency = NULL;
  lxw_workbook_options options = {
    .constant_memory = use_constant_memory (count_sheets (kind, data)),
    .tmpdir = (char *) tmp_dir,
  };
  HpExportWriter w = {
    .data = data,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = user_data,
    .units_total = count_units (kind, data),
    .warnings = warnings,
  };
  lxw_doc_properties properties = { 0 };
  lxw_error rc;
  int saved_errno;
  gboolean ok;

  w.workbook = workbook_new_opt (tmp_path, &options);
  if (w.workbook == NULL)
    return set_write_error (path, errno != 0 ? errno : EIO, error);

  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Excel reserves this name. */
  g_hash_table_add (w.sheet_names, g_strdup ("history"));
  _hp_export_add_formats (&w);

  /* The document properties are plain XML text: no control characters. */
  title = g_strdup_printf ("%s – %s", hp_export_kind_get_title (kind), data->campaign.name);
  clean_title = _hp_export_clean_text (title, HP_EXPORT_TEXT_ONE_LINE, 0, NULL);
  clean_agency = _hp_export_clean_text (data->options.agency_name, HP_EXPORT_TEXT_ONE_LINE, 0, NULL);
  properties.title = clean_title != NULL ? clean_title : title;
  properties.company = clean_agency != NULL ? clean_agency : (char *) data->options.agency_name;
  properties.author = properties.company;
  properties.created = time (NULL);
  _hp_export_check (&w, NULL, 0, workbook_set_properties (w.workbook, &properties));

  ok = _hp_export_ok (&w, error) &&
       write_kind (kind, &w, error) &&
       _hp_export_ok (&w, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);

  /* Always closed: lxw_workbook_free() would leak the open temporary files
   * of constant-memory mode. On failure it writes a file we then remove. */
  errno = 0;
  rc = workbook_close (w.workbook);
  saved_errno = errno;
  if (G_UNLIKELY (_hp_export_test_close_errno != 0) && rc == LXW_NO_ERROR)
    {
      rc = LXW_ERROR_ZIP_FILE_OPERATION;
      saved_errno = _hp_export_test_close_errno;
    }
  if (ok && rc != LXW_NO_ERROR)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, HP_EXPORT_ERROR,
                   _hp_export_is_write_error (rc) ? HP_EXPORT_ERROR_WRITE : HP_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), name, write_failure_reason (rc, saved_errno, dir));
      ok = FALSE;
    }

  if (ok && w.more_warnings > 0)
    g_ptr_array_add (warnings, hp_format_counted (ngettext ("… and %s more text was cut.",
                                                            "… and %s more texts were cut.",
                                                            w.more_warnings),
                                                  w.more_warnings));

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
  return hp_export_write_full (store, campaign_id, kind, options, path, progress, user_data,
                               cancellable, NULL, error);
}

gboolean
hp_export_write_full (HpStore                *store,
                      gint64                  campaign_id,
                      HpExportKind            kind,
                      const HpExportOptions  *options,
                      const char             *path,
                      HpExportProgressFunc    progress,
                      gpointer                user_data,
                      GCancellable           *cancellable,
                      GStrv                  *out_warnings,
                      GError                **error)
{
  g_autoptr(HpExportData) data = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  locale_t base_locale;
  locale_t c_locale;
  locale_t old_locale;
  g_autoptr(HpStoreSnapshot) snapshot = NULL;
  gboolean personal;
  gboolean ok;

  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_warnings != NULL)
    *out_warnings = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

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

  dir = g_path_get_dirname (path);
  remove_leftovers (dir);

  tmp_dir = create_temp_dir (path, &tmp_path, error);
  if (tmp_dir == NULL)
    return FALSE;

  /* libxlsxwriter prints doubles with the thread's LC_NUMERIC. */
  base_locale = duplocale (LC_GLOBAL_LOCALE);
  c_locale = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_locale == (locale_t) 0)
    {
      int saved_errno = errno;

      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      remove_temp_dir (tmp_dir);
      g_set_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_FAILED,
                   _("Could not switch to the C locale for writing numbers: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  warnings = g_ptr_array_new_with_free_func (g_free);
  old_locale = uselocale (c_locale);
  ok = write_workbook (kind, data, tmp_dir, tmp_path, path, progress, user_data, cancellable, warnings, error);
  uselocale (old_locale);
  freelocale (c_locale);

  /* Class lists and the network hold pupils' names: only for the user. */
  personal = kind == HP_EXPORT_NETWORK || (kind == HP_EXPORT_DELIVERY_SHEETS && data->options.class_lists);
  if (ok && !personal && g_chmod (tmp_path, new_file_mode ()) != 0)
    ok = set_write_error (path, errno, error);

  if (ok && g_rename (tmp_path, path) != 0)
    ok = set_write_error (path, errno, error);

  /* On success only libxlsxwriter's unlinked files were in it: empty. */
  remove_temp_dir (tmp_dir);
  if (!ok)
    return FALSE;

  if (out_warnings != NULL && warnings->len > 0)
    {
      g_ptr_array_add (warnings, NULL);
      *out_warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&warnings), FALSE);
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
