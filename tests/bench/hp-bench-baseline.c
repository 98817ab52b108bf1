/* hp-bench-baseline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for build-aux/bench: the same rows as a Heimpack file,
 * inserted by a bare SQLite loop (one prepared INSERT per table, bound
 * values, one transaction, same pragmas), with none of Heimpack's objects,
 * validation or checks. Rows are read from SRC (an ATTACHed Heimpack file)
 * inside the loop, which costs the baseline a little, never Heimpack.
 *
 * Usage: hp-bench-baseline SRC.db DST.db
 */

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

/* Parents first: a product names its item, a pack line its campaign and
 * item (schema version 2). */
static const char * const tables[] = {
  "campaign", "sponsor", "item", "product", "pledge", "receipt", "pack_line",
  "school", "campaign_school", "graduate",
};

static void
check (sqlite3 *db, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "hp-bench-baseline: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static void
exec (sqlite3 *db, const char *sql)
{
  check (db, sqlite3_exec (db, sql, NULL, NULL, NULL), sql);
}

int
main (int argc, char *argv[])
{
  sqlite3 *db;
  sqlite3_stmt *schema;
  char *sql;

  if (argc != 3)
    {
      fprintf (stderr, "usage: hp-bench-baseline SRC.db DST.db\n");
      return 2;
    }

  remove (argv[2]);
  check (NULL, sqlite3_open (argv[2], &db), "open");
  exec (db, "PRAGMA journal_mode = WAL");
  exec (db, "PRAGMA synchronous = NORMAL");
  exec (db, "PRAGMA foreign_keys = ON");

  sql = sqlite3_mprintf ("ATTACH %Q AS src", argv[1]);
  exec (db, sql);
  sqlite3_free (sql);

  /* Same tables and indexes as the source. */
  check (db, sqlite3_prepare_v2 (db, "SELECT sql FROM src.sqlite_master WHERE sql IS NOT NULL "
                                     "ORDER BY type = 'index', rowid", -1, &schema, NULL), "schema");
  while (sqlite3_step (schema) == SQLITE_ROW)
    exec (db, (const char *) sqlite3_column_text (schema, 0));
  sqlite3_finalize (schema);

  exec (db, "BEGIN");
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
    {
      sqlite3_stmt *select, *insert;
      int n_cols;
      char *select_sql = sqlite3_mprintf ("SELECT * FROM src.%s", tables[t]);
      char *insert_sql;
      char *params;

      check (db, sqlite3_prepare_v2 (db, select_sql, -1, &select, NULL), select_sql);
      n_cols = sqlite3_column_count (select);
      params = sqlite3_mprintf ("?");
      for (int c = 1; c < n_cols; c++)
        {
          char *more = sqlite3_mprintf ("%s, ?", params);
          sqlite3_free (params);
          params = more;
        }
      insert_sql = sqlite3_mprintf ("INSERT INTO main.%s VALUES (%s)", tables[t], params);
      check (db, sqlite3_prepare_v2 (db, insert_sql, -1, &insert, NULL), insert_sql);

      while (sqlite3_step (select) == SQLITE_ROW)
        {
          for (int c = 0; c < n_cols; c++)
            sqlite3_bind_value (insert, c + 1, sqlite3_column_value (select, c));
          check (db, sqlite3_step (insert), insert_sql);
          sqlite3_reset (insert);
        }

      sqlite3_finalize (select);
      sqlite3_finalize (insert);
      sqlite3_free (select_sql);
      sqlite3_free (insert_sql);
      sqlite3_free (params);
    }
  exec (db, "COMMIT");
  exec (db, "DETACH src");

  check (db, sqlite3_close (db), "close");
  return 0;
}
