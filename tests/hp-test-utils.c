/* hp-test-utils.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hp-test-utils.h"

#define PYTHON "/usr/bin/python3"

HpStore *
hp_test_store_new_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = NULL;

  store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (hp_store_is_read_only (store));

  return g_steal_pointer (&store);
}

char *
hp_test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("heimpack-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

char *
hp_test_tmp_path (const char *dir,
                  const char *basename)
{
  g_autofree char *owned = NULL;

  if (dir == NULL)
    dir = owned = hp_test_tmp_dir ();

  return g_build_filename (dir, basename, NULL);
}

void
hp_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      g_remove (dir);
      return;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hp_test_rm_rf (child);
      else
        g_remove (child);
    }

  g_rmdir (dir);
}

guint
hp_test_list_count (GListModel *model)
{
  GType item_type;
  guint n = 0;

  g_assert_true (G_IS_LIST_MODEL (model));
  item_type = g_list_model_get_item_type (model);

  for (;;)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n);

      if (item == NULL)
        break;

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, item_type));
      n++;
    }

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (model));

  return n;
}

gpointer
hp_test_list_get (GListModel *model,
                  guint       position)
{
  gpointer item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);

  return item;
}

GBytes *
hp_test_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

gboolean
hp_test_bytes_equal (GBytes *a,
                     GBytes *b)
{
  return g_bytes_equal (a, b);
}

/* ------------------------------------------------------------------------ */
/* heimpack-cli                                                               */

void
hp_test_cli_result_free (HpTestCliResult *result)
{
  if (result == NULL)
    return;

  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

const char *
hp_test_cli_path (void)
{
  const char *path = g_getenv ("HEIMPACK_CLI");

  if (path == NULL || *path == '\0')
    return NULL;

  return path;
}

HpTestCliResult *
hp_test_run_cli_argv (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *cmdline = NULL;
  HpTestCliResult *result;

  g_assert_nonnull (hp_test_cli_path ());

  g_ptr_array_add (argv, (gpointer) hp_test_cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  cmdline = g_strjoinv (" ", (char **) argv->pdata);
  g_test_message ("running: %s", cmdline);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);

  result = g_new0 (HpTestCliResult, 1);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  if (result->out == NULL)
    result->out = g_strdup ("");
  if (result->err == NULL)
    result->err = g_strdup ("");

  /* A crash is never an acceptable way to fail. */
  if (!g_subprocess_get_if_exited (proc))
    g_error ("%s did not exit normally (signal %d); stderr: %s",
             cmdline, g_subprocess_get_term_sig (proc), result->err);

  result->status = g_subprocess_get_exit_status (proc);
  g_test_message ("exit %d\nstdout: %.2000s\nstderr: %s", result->status, result->out, result->err);

  return result;
}

HpTestCliResult *
hp_test_run_cli (const char *db,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  if (db != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, (gpointer) db);
    }

  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  g_ptr_array_add (args, NULL);

  return hp_test_run_cli_argv ((const char * const *) args->pdata);
}

GSubprocess *
hp_test_spawn_cli (const char *db,
                   ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *child;
  const char *arg;
  va_list ap;

  g_assert_nonnull (hp_test_cli_path ());
  g_ptr_array_add (argv, (gpointer) hp_test_cli_path ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  return child;
}

gboolean
hp_test_kill_cli (GSubprocess *child,
                  gint64       delay_us)
{
  g_autoptr(GError) error = NULL;

  if (delay_us > 0)
    g_usleep ((gulong) delay_us);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (child))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      return TRUE;
    }
  /* it ended by itself before the signal: then it must have ended well
   * or with an error, never by a crash */
  g_assert_true (g_subprocess_get_if_exited (child));
  return FALSE;
}

gboolean
hp_test_wait_for_file (const char *path,
                       gint64      timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      g_usleep (100);
    }
  return TRUE;
}

gboolean
hp_test_db_intact (const char *db)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  int rc;

  /* read-write (never creating), as the next program to change the file
   * opens it: SQLite then rolls back a hot journal that a killed program
   * left (which a read-only connection cannot: SQLITE_READONLY) */
  rc = sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (said, "%s%s", said->len > 0 ? "; " : "", (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_OK)
    g_string_append_printf (said, "%s", sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  if (g_strcmp0 (said->str, "ok") == 0)
    return TRUE;
  g_test_message ("integrity_check of %s: %s", db, said->str);
  return FALSE;
}

void
hp_test_assert_only_database (const char         *db,
                              const char * const *others)
{
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *base = g_path_get_basename (db);
  g_autofree char *wal = g_strconcat (base, "-wal", NULL);
  g_autofree char *shm = g_strconcat (base, "-shm", NULL);
  g_autofree char *lock = g_strconcat (base, ".lock", NULL);
  g_autofree char *backups = g_strconcat (base, ".backups", NULL);
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_equal (name, base) || g_str_equal (name, wal) || g_str_equal (name, shm) ||
          g_str_equal (name, lock) || (others != NULL && g_strv_contains (others, name)))
        continue;

      if (g_str_equal (name, backups))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GDir) copies = g_dir_open (path, 0, NULL);
          const char *copy;

          g_assert_nonnull (copies);
          while ((copy = g_dir_read_name (copies)) != NULL)
            if (copy[0] == '.' || !g_str_has_suffix (copy, ".db"))
              g_error ("A leftover in %s: %s", path, copy);
          continue;
        }

      g_error ("A leftover beside %s: %s", db, name);
    }
}

guint
hp_test_count_lines (const char *text)
{
  guint n = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return 0;

  for (p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  if (p[-1] != '\n')
    n++;

  return n;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                       */

gboolean
hp_test_have_python (void)
{
  return g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE);
}

static gboolean
run_python (const char  *json,
            const char  *expr,
            va_list      ap,
            char       **out_value)
{
  static const char script[] =
    "import json, re, sys\n"
    "a = sys.argv[2:]\n"
    "d = json.loads(sys.stdin.read())\n"
    "v = eval(sys.argv[1])\n"
    "print(v)\n"
    "sys.exit(0 if v else 3)\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;

  g_assert_true (hp_test_have_python ());

  g_ptr_array_add (argv, (gpointer) PYTHON);
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) script);
  g_ptr_array_add (argv, (gpointer) expr);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE |
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, json, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  status = g_subprocess_get_exit_status (proc);
  if (status != 0 && status != 3)
    g_test_message ("JSON check `%s` failed: %s\nJSON was: %.2000s", expr, err, json);
  else if (status == 3)
    g_test_message ("JSON check `%s` is false\nJSON was: %.2000s", expr, json);

  if (out_value != NULL)
    {
      if (status == 0 || status == 3)
        *out_value = g_strchomp (g_steal_pointer (&out));
      else
        *out_value = NULL;
    }

  return status == 0;
}

gboolean
hp_test_json_check (const char *json,
                    const char *expr,
                    ...)
{
  gboolean ret;
  va_list ap;

  va_start (ap, expr);
  ret = run_python (json, expr, ap, NULL);
  va_end (ap);

  return ret;
}

char *
hp_test_json_eval (const char *json,
                   const char *expr,
                   ...)
{
  char *value = NULL;
  va_list ap;

  va_start (ap, expr);
  run_python (json, expr, ap, &value);
  va_end (ap);

  return value;
}

/* ------------------------------------------------------------------------ */
/* Workbooks                                                                  */

gboolean
hp_test_have_openpyxl (void)
{
  static int have = -1;

  if (have < 0)
    {
      g_autoptr(GSubprocess) proc = NULL;

      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                               PYTHON, "-c", "import openpyxl", NULL);
      have = proc != NULL && g_subprocess_wait_check (proc, NULL, NULL);
    }

  return have;
}

char *
hp_test_xlsx_facts (const char *path,
                    guint       max_rows)
{
  const char *script = HP_TEST_CHECK_XLSX_PY;
  g_autofree char *rows = g_strdup_printf ("%u", max_rows);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           PYTHON, script, path, rows, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (proc))
    g_error ("openpyxl could not read %s: %s", path, err);

  return g_steal_pointer (&out);
}

guint
hp_test_check_formulas (const char * const *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint64 n = 0;

  g_ptr_array_add (argv, (gpointer) PYTHON);
  g_ptr_array_add (argv, (gpointer) HP_TEST_CHECK_FORMULAS_PY);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) paths[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (proc))
    g_error ("formulas whose stored value is not what they compute:\n%s%s", out, err);

  g_assert_true (g_str_has_suffix (g_strstrip (out), " formulas"));
  n = g_ascii_strtoull (out, NULL, 10);
  return (guint) n;
}

gboolean
hp_test_have_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  return soffice != NULL;
}

gboolean
hp_test_have_pdftotext (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  return soffice != NULL && pdftotext != NULL;
}

char *
hp_test_libreoffice_pdf_text (const char *path,
                              const char *dir)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *outdir = g_build_filename (dir, "lo-pdf", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".xlsx") ? 5 : 0));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  char *out = NULL;

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

    /* as in hp_test_libreoffice_errors() */
    for (guint i = 0; i < 6; i++)
      g_subprocess_launcher_unsetenv (launcher, (const char *[]) { "MALLOC_PERTURB_", "MALLOC_CHECK_", "G_DEBUG",
                                                                   "GSETTINGS_BACKEND", "GSETTINGS_SCHEMA_DIR",
                                                                   "G_SLICE" }[i]);
    proc = g_subprocess_launcher_spawn (launcher, &error, "soffice", env, "--headless", "--norestore",
                                        "--convert-to", "pdf", "--outdir", outdir, path, NULL);
  }
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice could not print %s", path);
  g_clear_object (&proc);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", "-layout", pdf, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));

  return out;
}

char *
hp_test_libreoffice_errors (const char *path,
                            const char *dir)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *outdir = g_build_filename (dir, "lo-out", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".xlsx") ? 5 : 0));
  g_autofree char *ods_name = g_strconcat (stem, ".ods", NULL);
  g_autofree char *ods = g_build_filename (outdir, ods_name, NULL);
  g_autofree char *script = g_strdup_printf (
    "import re, sys, zipfile\n"
    "xml = zipfile.ZipFile(sys.argv[1]).read('content.xml').decode()\n"
    "print(' '.join(re.findall(r'Err:\\d+|#(?:VALUE|REF|NAME\\?|DIV/0|NUM|NULL)!|#N/A', xml)))\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

    /* LibreOffice runs as a user's would, without the tests' debugging
     * environment (fatal GLib warnings, the project's GSettings schemas,
     * glibc's malloc checks), under which it aborts */
    for (guint i = 0; i < 6; i++)
      g_subprocess_launcher_unsetenv (launcher, (const char *[]) { "MALLOC_PERTURB_", "MALLOC_CHECK_", "G_DEBUG",
                                                                   "GSETTINGS_BACKEND", "GSETTINGS_SCHEMA_DIR",
                                                                   "G_SLICE" }[i]);
    proc = g_subprocess_launcher_spawn (launcher, &error, "soffice", env, "--headless", "--norestore",
                                        "--convert-to", "ods", "--outdir", outdir, path, NULL);
  }
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  if (!g_file_test (ods, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice could not open %s", path);
  g_clear_object (&proc);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, PYTHON, "-c", script, ods, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));

  return g_strdup (g_strstrip (out));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
hp_test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

GPid
hp_test_dead_pid (void)
{
  const char *argv[] = { "/bin/true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (kill (pid, 0), !=, 0);
  return pid;
}
