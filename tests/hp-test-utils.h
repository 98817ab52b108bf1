/* hp-test-utils.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared helpers of the core tests: stores, temp files, list models and
 * running heimpack-cli as a subprocess.
 */
#pragma once

#include <gio/gio.h>

#include "heimpack/heimpack.h"

G_BEGIN_DECLS

/* A fresh private ":memory:" store; aborts the test if it can't be opened. */
HpStore  *hp_test_store_new_memory (void);

/* A new empty folder under the temp dir (g_dir_make_tmp). */
char     *hp_test_tmp_dir          (void);

/* @dir/@basename; @dir NULL means a new folder from hp_test_tmp_dir(). */
char     *hp_test_tmp_path         (const char *dir,
                                    const char *basename);

/* Removes @dir and everything in it (test temp folders only). */
void      hp_test_rm_rf            (const char *dir);

/* Number of rows of @model, counted by walking it: every row must be a
 * non-NULL object of the model's item type. */
guint     hp_test_list_count       (GListModel *model);

/* Row @position of @model as a new reference, asserting it exists. */
gpointer  hp_test_list_get         (GListModel *model,
                                    guint       position);

/* Byte contents of @path (asserting it can be read). */
GBytes   *hp_test_file_bytes       (const char *path);

/* TRUE if the first file equals the second byte for byte. */
gboolean  hp_test_bytes_equal      (GBytes     *a,
                                    GBytes     *b);

/* ------------------------------------------------------------------------ */
/* heimpack-cli                                                               */

typedef struct
{
  int   status;       /* exit status (the test fails if the child crashed) */
  char *out;          /* stdout, UTF-8 */
  char *err;          /* stderr, UTF-8 */
} HpTestCliResult;

void             hp_test_cli_result_free (HpTestCliResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpTestCliResult, hp_test_cli_result_free)

/* $HEIMPACK_CLI, or NULL when it is not set (the tests then skip). */
const char      *hp_test_cli_path        (void);

/* Runs `$HEIMPACK_CLI --db @db ARGS...` (no --db if @db is NULL). */
HpTestCliResult *hp_test_run_cli         (const char *db,
                                          ...) G_GNUC_NULL_TERMINATED;
HpTestCliResult *hp_test_run_cli_argv    (const char * const *args);

/* Starts `$HEIMPACK_CLI --db @db ARGS...` with its output silenced, to be
 * killed (hp_test_kill_cli()). */
GSubprocess     *hp_test_spawn_cli       (const char *db,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Sends SIGKILL to @child after @delay_us microseconds and reaps it. TRUE
 * if the kill ended it, FALSE if it had already exited (by itself). */
gboolean         hp_test_kill_cli        (GSubprocess *child,
                                          gint64       delay_us);
/* Waits until @path exists (at most @timeout_us): TRUE if it appeared. */
gboolean         hp_test_wait_for_file   (const char *path,
                                          gint64      timeout_us);

/* ------------------------------------------------------------------------ */
/* Database files                                                             */

/* TRUE if `PRAGMA integrity_check` on @db (a read-write connection of its
 * own, which rolls back a hot journal first) says "ok"; prints what it says
 * otherwise. */
gboolean         hp_test_db_intact       (const char *db);
/* Asserts that the folder of the database @db holds only what Heimpack
 * keeps beside it: @db with SQLite's -wal and -shm, its .lock file, and
 * the backups folder NAME.backups/ with finished copies only (no hidden
 * copy being written). @others: further names allowed in the folder
 * (NULL-terminated list, may be NULL). */
void             hp_test_assert_only_database (const char          *db,
                                               const char * const  *others);

/* Number of lines of @text ("a\n" and "a" are one line, "" is none). */
guint            hp_test_count_lines     (const char *text);

/* ------------------------------------------------------------------------ */
/* JSON through /usr/bin/python3                                               */

/* TRUE if python3 is there to check JSON. */
gboolean         hp_test_have_python     (void);

/* Parses @json with python3's json module as `d` and evaluates @expr (which
 * may use `a` = the list of further string arguments); TRUE if the JSON
 * parsed and @expr is true. Prints python's complaint on failure. */
gboolean         hp_test_json_check      (const char *json,
                                          const char *expr,
                                          ...) G_GNUC_NULL_TERMINATED;

/* Evaluates @expr like hp_test_json_check() and returns str() of it. */
char            *hp_test_json_eval       (const char *json,
                                          const char *expr,
                                          ...) G_GNUC_NULL_TERMINATED;

/* ------------------------------------------------------------------------ */
/* Workbooks, read back by tests/check-xlsx.py                                 */

/* TRUE if /usr/bin/python3 has openpyxl (Debian's python3-openpyxl). */
gboolean         hp_test_have_openpyxl   (void);

/* Skips the test (and returns) without openpyxl. */
#define HP_TEST_REQUIRE_OPENPYXL() \
  G_STMT_START { \
    if (!hp_test_have_openpyxl ()) \
      { \
        g_test_skip ("/usr/bin/python3 with openpyxl is not installed"); \
        return; \
      } \
  } G_STMT_END

/* The JSON facts of tests/check-xlsx.py about the workbook @path, with up to
 * @max_rows rows per sheet; the test fails if openpyxl cannot read it. */
char            *hp_test_xlsx_facts      (const char *path,
                                          guint       max_rows);

/* A process id that is not running: that of a child that has ended. */
GPid             hp_test_dead_pid        (void);

/* Recomputes every formula of the workbooks @paths (NULL-terminated) with
 * tests/check-formulas.py from the values stored in them: the test fails,
 * naming the cells, if a stored value differs from what its formula
 * computes or a formula refers to its own cell. Returns how many formulas
 * were checked. */
guint            hp_test_check_formulas  (const char * const *paths);

/* TRUE if LibreOffice (soffice) is installed. */
gboolean         hp_test_have_libreoffice (void);

/* Opens @path in LibreOffice headless (converting it to ODS in @dir) and
 * returns the error values LibreOffice computed ("Err:522", "#VALUE!", …)
 * joined by " ", "" if none. */
char            *hp_test_libreoffice_errors (const char *path,
                                             const char *dir);

/* TRUE if LibreOffice and pdftotext (poppler-utils) are installed. */
gboolean         hp_test_have_pdftotext  (void);

/* Prints @path to PDF with LibreOffice headless (in @dir) and returns the
 * text of the PDF (pdftotext -layout): the pages in order, each ended by a
 * form feed ("\f"). */
char            *hp_test_libreoffice_pdf_text (const char *path,
                                               const char *dir);

/* The names of the files in @dir, sorted, joined by "|". */
char            *hp_test_list_dir        (const char *dir);

/* Asserts that @names (a %NULL-terminated array of names, e.g.
 * hp_item_get_sponsors()) joined with ", " are @expected ("" for none). */
#define hp_test_assert_names(names, expected) G_STMT_START {          \
    g_autofree char *hp_joined_ = g_strjoinv (", ", (char **) (names)); \
    g_assert_cmpstr (hp_joined_, ==, (expected));                        \
  } G_STMT_END

G_END_DECLS
