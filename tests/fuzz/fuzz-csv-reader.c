/* fuzz-csv-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for HpTableReader's CSV path: any bytes must either read
 * to the end or stop with an HP_IMPORT_ERROR — no crash, no leak, no
 * undefined behaviour (build with -Db_sanitize=address,undefined; see
 * build-aux/fuzz). The reader takes a path, so each input goes through a
 * file in a private temporary folder.
 */

#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <heimpack/heimpack.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpTableReader) reader = NULL;
  const char * const *fields;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("hp-fuzz-XXXXXX", NULL);

      g_assert (dir != NULL);
      path = g_build_filename (dir, "input.csv", NULL);
    }

  /* XLSX has its own parser; this target is about CSV bytes. */
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    return 0;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;

  reader = hp_table_reader_open (path, NULL, &error);
  while (reader != NULL && hp_table_reader_next (reader, &fields, NULL, &error))
    {
      /* Every record has exactly the header's width. */
      for (guint i = 0; i < hp_table_reader_get_n_columns (reader); i++)
        g_assert (fields[i] != NULL);
      g_assert (fields[hp_table_reader_get_n_columns (reader)] == NULL);
    }

  g_assert (error == NULL || error->domain == HP_IMPORT_ERROR || error->domain == G_IO_ERROR ||
            error->domain == G_CONVERT_ERROR);
  return 0;
}
