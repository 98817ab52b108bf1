/* hp-import-received.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading back a returned class list (issue 14, point 2): the delivery
 * sheets with class lists (hp-export-delivery.c) go to the schools, which
 * tick the "received ☐" column and send the workbook back. Each school
 * sheet is a form: the letterhead, the school's facts (the label "School
 * number" with the number in the next cell), signature lines, then the
 * class list: a heading row whose fifth cell holds "☐", then one row per
 * graduate (class, last name, first name, U18, tick) with the graduate's ID
 * in the hidden column headed HP_CLASS_LIST_ID_HEADING. The sheets are read
 * through the table reader's raw records (any width), every sheet of the
 * workbook in turn.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-backup.h"
#include "heimpack/hp-graduate.h"
#include "heimpack/hp-import-received.h"
#include "heimpack/hp-school.h"
#include "hp-table-reader-private.h"
#include "../export/hp-export-private.h"

#define MAX_LISTED 200

void
hp_received_report_clear (HpReceivedReport *report)
{
  g_clear_pointer (&report->unmatched_rows, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

typedef struct
{
  GHashTable *by_id;     /* gint64 * → HpGraduate (borrowed from graduates) */
  GHashTable *by_key;    /* char * key → gint64 id, or -1 for two or more */
  GListModel *graduates;
  GHashTable *to_tick;   /* gint64 * set */
} Lookup;

static char *
fold (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (nfc ? nfc : "", -1);
}

static char *
make_key (const char *school_number,
          const char *class_name,
          const char *last_name,
          const char *first_name)
{
  g_autofree char *s = fold (school_number);
  g_autofree char *c = fold (class_name);
  g_autofree char *l = fold (last_name);
  g_autofree char *f = fold (first_name);

  return g_strjoin ("\x1f", s, c, l, f, NULL);
}

static gboolean
lookup_load (Lookup    *lookup,
             HpStore   *store,
             gint64     campaign_id,
             GError   **error)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  lookup->graduates = hp_store_list_graduates (store, campaign_id, 0, error);
  if (lookup->graduates == NULL)
    return FALSE;
  schools = hp_store_list_schools (store, 0, error);
  if (schools == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);

      g_hash_table_insert (numbers, g_memdup2 (&(gint64) { hp_school_get_id (school) }, sizeof (gint64)),
                           g_strdup (hp_school_get_number (school)));
    }

  lookup->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  lookup->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup->to_tick = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lookup->graduates); i++)
    {
      g_autoptr(HpGraduate) g = g_list_model_get_item (lookup->graduates, i);
      gint64 id = hp_graduate_get_id (g);
      gint64 school_id = hp_graduate_get_school_id (g);
      char *key;
      gint64 *found;

      g_hash_table_insert (lookup->by_id, g_memdup2 (&id, sizeof id), g);   /* the model keeps it */
      if (hp_graduate_get_last_name (g) == NULL && hp_graduate_get_first_name (g) == NULL)
        continue;
      key = make_key (g_hash_table_lookup (numbers, &school_id), hp_graduate_get_class_name (g),
                      hp_graduate_get_last_name (g), hp_graduate_get_first_name (g));
      found = g_hash_table_lookup (lookup->by_key, key);
      if (found != NULL)
        {
          *found = -1;   /* two of one name in one class: not by name */
          g_free (key);
        }
      else
        g_hash_table_insert (lookup->by_key, key, g_memdup2 (&id, sizeof id));
    }

  return TRUE;
}

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->by_id, g_hash_table_unref);
  g_clear_pointer (&lookup->by_key, g_hash_table_unref);
  g_clear_pointer (&lookup->to_tick, g_hash_table_unref);
  g_clear_object (&lookup->graduates);
}

static const char *
field (GPtrArray *fields,
       guint      i)
{
  const char *text = i < fields->len ? g_ptr_array_index (fields, i) : NULL;

  return text != NULL ? text : "";
}

/* A tick is any mark but these (a box left empty says nothing). */
static gboolean
is_tick (const char *text)
{
  static const char * const no[] = { "", "☐", "0", "-", "–", "no", "nein", "n" };
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (folded, no[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_school_number_label (const char *text)
{
  g_autofree char *folded = fold (text);
  g_autofree char *english = fold ("School number");
  g_autofree char *translated = fold (_("School number"));

  return g_str_equal (folded, english) || g_str_equal (folded, translated);
}

/* Reads one sheet; FALSE only on a read error. */
static gboolean
read_sheet (HpTableReader     *reader,
            const char        *sheet,
            Lookup            *lookup,
            HpReceivedReport  *report,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autofree char *school_number = NULL;
  gboolean in_list = FALSE;
  int id_column = -1;
  GPtrArray *fields;
  guint line;

  while (_hp_table_reader_next_raw (reader, &fields, &line, error))
    {
      const char *tick;
      gint64 id = 0;
      HpGraduate *graduate = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!in_list)
        {
          for (guint i = 0; i + 1 < fields->len; i++)
            if (school_number == NULL && is_school_number_label (field (fields, i)))
              school_number = g_strstrip (g_strdup (field (fields, i + 1)));

          /* the class list's heading: "☐" in its tick column */
          if (strstr (field (fields, 4), "☐") != NULL)
            {
              in_list = TRUE;
              report->sheets++;
              for (guint i = 0; i < fields->len; i++)
                {
                  g_autofree char *heading = g_strstrip (g_strdup (field (fields, i)));

                  if (g_str_equal (heading, HP_CLASS_LIST_ID_HEADING))
                    id_column = (int) i;
                }
            }
          continue;
        }

      report->rows++;
      tick = field (fields, 4);

      /* by the hidden ID, if the row's name agrees */
      if (id_column >= 0)
        {
          guint64 value = 0;
          g_autofree char *text = g_strstrip (g_strdup (field (fields, (guint) id_column)));

          /* numbers come back as "123" or "123.0" */
          if (g_str_has_suffix (text, ".0"))
            text[strlen (text) - 2] = '\0';
          if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
            {
              id = (gint64) value;
              graduate = g_hash_table_lookup (lookup->by_id, &id);
              if (graduate != NULL && *field (fields, 1) != '\0' && hp_graduate_get_last_name (graduate) != NULL)
                {
                  g_autofree char *a = fold (field (fields, 1));
                  g_autofree char *b = fold (hp_graduate_get_last_name (graduate));

                  if (!g_str_equal (a, b))
                    graduate = NULL;
                }
            }
        }

      /* else by school, class and name */
      if (graduate == NULL && school_number != NULL && (*field (fields, 1) != '\0' || *field (fields, 2) != '\0'))
        {
          g_autofree char *key = make_key (school_number, field (fields, 0), field (fields, 1), field (fields, 2));
          gint64 *found = g_hash_table_lookup (lookup->by_key, key);

          if (found != NULL && *found > 0)
            {
              id = *found;
              graduate = g_hash_table_lookup (lookup->by_id, &id);
            }
        }

      if (is_tick (tick))
        report->ticked++;

      if (graduate == NULL)
        {
          report->unmatched++;
          if (report->unmatched_rows->len < MAX_LISTED)
            {
              g_autofree char *who = g_strstrip (g_strjoin (" ", field (fields, 0), field (fields, 1),
                                                            field (fields, 2), NULL));

              /* Translators: an unmatched row of a returned class list: sheet, row, who */
              g_ptr_array_add (report->unmatched_rows,
                               g_strdup_printf (_("%s, row %u: %s"), sheet, line, *who ? who : "—"));
            }
          continue;
        }

      if (!is_tick (tick))
        continue;

      report->matched++;
      if (!hp_graduate_get_pack_received (graduate) && !g_hash_table_contains (lookup->to_tick, &id))
        {
          report->newly++;
          g_hash_table_add (lookup->to_tick, g_memdup2 (&id, sizeof id));
        }
    }

  return error == NULL || *error == NULL;
}

gboolean
hp_import_received (HpStore           *store,
                    gint64             campaign_id,
                    const char        *path,
                    gboolean           dry_run,
                    HpReceivedReport  *report,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(HpTableReader) first = NULL;
  g_auto(GStrv) sheets = NULL;
  Lookup lookup = { NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (HP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->unmatched_rows = g_ptr_array_new_with_free_func (g_free);

  /* The first line of every sheet is taken as its "header": the rows are
   * read raw. */
  first = hp_table_reader_open (path, &(HpTableOptions) { .header_line = 1 }, error);
  if (first == NULL)
    return FALSE;
  if (first->worksheets == NULL)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT,
                   _("“%s” is no workbook of delivery sheets: the class lists come back as the .xlsx file "
                     "Heimpack wrote."),
                   hp_table_reader_get_display_name (first));
      return FALSE;
    }
  sheets = g_strdupv (first->worksheets);

  if (!lookup_load (&lookup, store, campaign_id, error))
    goto out;

  for (guint i = 0; sheets[i] != NULL; i++)
    {
      g_autoptr(HpTableReader) reader = NULL;
      g_autoptr(GError) local_error = NULL;

      reader = hp_table_reader_open (path, &(HpTableOptions) { .header_line = 1, .sheet = sheets[i] }, &local_error);
      if (reader == NULL)
        {
          /* an empty sheet has no lines: nothing to read there */
          if (g_error_matches (local_error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto out;
        }
      if (!read_sheet (reader, sheets[i], &lookup, report, cancellable, error))
        goto out;
    }

  if (report->sheets == 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FORMAT,
                   _("“%s” holds no class list: export the delivery sheets with class lists, have the schools "
                     "tick “received” and read that workbook back."),
                   hp_table_reader_get_display_name (first));
      goto out;
    }

  if (!dry_run && g_hash_table_size (lookup.to_tick) > 0)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GHashTableIter iter;
      gint64 *id;

      g_hash_table_iter_init (&iter, lookup.to_tick);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        g_array_append_val (ids, *id);

      if (!hp_backup_before_import (store, error) ||
          !hp_store_set_packs_received (store, (const gint64 *) (gpointer) ids->data, ids->len, TRUE, error))
        goto out;
    }

  ok = TRUE;

out:
  lookup_clear (&lookup);
  return ok;
}
