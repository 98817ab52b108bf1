/* hp-store-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reads behind the exports (hp-store-export-private.h): the campaign,
 * its schools, its pack lines (per item, with the sponsors who pledged it)
 * and the gifts pledged in it as plain rows, and graduates streamed one row
 * at a time in the order they are printed (on class lists with the
 * under-18 flag of the store's rule). Reads only, on owned statements, so
 * that an export can run in a worker thread while the window goes on.
 * Graduates are personal data: nothing here logs them.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include "hp-store-private.h"
#include "hp-store-export-private.h"

/* "" and NULL are the same thing everywhere (see _hp_set_str()). */
static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = _hp_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static const char *
column_or_null (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = _hp_column_text (stmt, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

/* ------------------------------------------------------------------------ */
/* Campaign                                                                  */

gboolean
_hp_store_export_campaign (HpStore              *self,
                           gint64                campaign_id,
                           HpExportCampaignRow  *out_row,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  stmt = _hp_store_prepare_owned (self, "SELECT id, name, year, handover_date FROM campaign WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  out_row->id = sqlite3_column_int64 (stmt, 0);
  out_row->name = dup_column (stmt, 1);
  out_row->year = sqlite3_column_int (stmt, 2);
  out_row->handover_date = dup_column (stmt, 3);
  return TRUE;
}

void
_hp_export_campaign_row_clear (HpExportCampaignRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->handover_date, g_free);
}

/* ------------------------------------------------------------------------ */
/* Schools and products                                                      */

static void
school_row_free (gpointer data)
{
  HpExportSchoolRow *row = data;

  g_free (row->number);
  g_free (row->name);
  g_free (row->street);
  g_free (row->postcode);
  g_free (row->town);
  g_free (row->contact_teacher);
  g_free (row->phone);
  g_free (row->email);
  g_free (row->handover);
  g_free (row);
}

static gpointer
read_school_row (sqlite3_stmt *stmt)
{
  HpExportSchoolRow *row = g_new0 (HpExportSchoolRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->number = dup_column (stmt, 1);
  row->name = dup_column (stmt, 2);
  row->street = dup_column (stmt, 3);
  row->postcode = dup_column (stmt, 4);
  row->town = dup_column (stmt, 5);
  row->contact_teacher = dup_column (stmt, 6);
  row->phone = dup_column (stmt, 7);
  row->email = dup_column (stmt, 8);
  row->handover = dup_column (stmt, 9);
  return row;
}

GPtrArray *
_hp_store_export_schools (HpStore  *self,
                          gint64    campaign_id,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  /* Taking part = campaign figures, graduates or hand-overs in the
   * campaign, as in the plan (hp_plan_input_load()). */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT s.id, s.number, s.name, s.street, s.postcode, s.town, "
                                  "  s.contact_teacher, s.phone, s.email, cs.handover_at "
                                  "FROM school s "
                                  "LEFT JOIN campaign_school cs ON cs.school_id = s.id AND cs.campaign_id = ?1 "
                                  "WHERE cs.school_id IS NOT NULL "
                                  "   OR EXISTS (SELECT 1 FROM graduate g WHERE g.campaign_id = ?1 AND g.school_id = s.id) "
                                  "   OR EXISTS (SELECT 1 FROM handover h WHERE h.campaign_id = ?1 AND h.school_id = s.id) "
                                  "ORDER BY s.number",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect_array (self, stmt, read_school_row, school_row_free, error);
}

static void
product_row_free (gpointer data)
{
  HpExportProductRow *row = data;

  g_free (row->name);
  g_free (row->sponsor_name);
  g_free (row->sponsor_contact);
  g_free (row->sponsor_email);
  g_free (row->sponsor_address);
  g_free (row);
}

static gpointer
read_product_row (sqlite3_stmt *stmt)
{
  HpExportProductRow *row = g_new0 (HpExportProductRow, 1);

  row->product_id = sqlite3_column_int64 (stmt, 0);
  row->name = dup_column (stmt, 1);
  row->sponsor_id = sqlite3_column_int64 (stmt, 2);
  row->sponsor_name = dup_column (stmt, 3);
  row->value_cents = sqlite3_column_int64 (stmt, 4);
  row->adult_only = sqlite3_column_int (stmt, 5) != 0;
  row->pledged = sqlite3_column_int64 (stmt, 6);
  row->received = sqlite3_column_int64 (stmt, 7);
  row->per_standard = (guint) MAX (0, sqlite3_column_int (stmt, 8));
  row->per_under18 = (guint) MAX (0, sqlite3_column_int (stmt, 9));
  row->item_id = sqlite3_column_int64 (stmt, 10);
  row->sponsor_contact = dup_column (stmt, 11);
  row->sponsor_email = dup_column (stmt, 12);
  row->sponsor_address = dup_column (stmt, 13);
  return row;
}

GPtrArray *
_hp_store_export_products (HpStore  *self,
                           gint64    campaign_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  /* Receipts belong to a pledge, so a gift without one has no figures in
   * the campaign. */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT p.id, i.name, p.sponsor_id, s.name, p.value_cents, i.adult_only, "
                                  "  pl.quantity, "
                                  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0), "
                                  "  coalesce(li.per_standard, 0), coalesce(li.per_under18, 0), p.item_id, "
                                  "  s.contact, s.email, s.address "
                                  "FROM pledge pl JOIN product p ON p.id = pl.product_id "
                                  "JOIN sponsor s ON s.id = p.sponsor_id JOIN item i ON i.id = p.item_id "
                                  "LEFT JOIN pack_line li ON li.item_id = p.item_id AND li.campaign_id = ?1 "
                                  "WHERE pl.campaign_id = ?1 "
                                  "ORDER BY s.name COLLATE HP_NAME, s.id, i.name COLLATE HP_NAME, p.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect_array (self, stmt, read_product_row, product_row_free, error);
}

static void
item_row_free (gpointer data)
{
  HpExportItemRow *row = data;

  g_free (row->name);
  g_strfreev (row->sponsors);
  g_free (row);
}

GPtrArray *
_hp_store_export_items (HpStore  *self,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GStrvBuilder) sponsors = NULL;
  HpExportItemRow *item = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  /* One row per item and sponsor who pledged it (or one with NULL for an
   * item nobody pledged), items in packing order as hp_plan_input_load()
   * has them, sponsors by name. A sponsor with two gifts of the item (before
   * a merge, say) is named once. */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT i.id, i.name, i.adult_only, li.per_standard, li.per_under18, g.name "
                                  "FROM pack_line li JOIN item i ON i.id = li.item_id "
                                  "LEFT JOIN (SELECT DISTINCT p.item_id AS item_id, s.id AS sponsor_id, s.name AS name "
                                  "           FROM pledge pl JOIN product p ON p.id = pl.product_id "
                                  "           JOIN sponsor s ON s.id = p.sponsor_id "
                                  "           WHERE pl.campaign_id = ?1 AND (pl.quantity > 0 OR EXISTS "
                                  "             (SELECT 1 FROM receipt r WHERE r.pledge_id = pl.id))) g "
                                  "  ON g.item_id = li.item_id "
                                  "WHERE li.campaign_id = ?1 "
                                  "ORDER BY li.position, i.name COLLATE HP_NAME, i.id, g.name COLLATE HP_NAME, g.sponsor_id",
                                  error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (item_row_free);
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *sponsor = column_or_null (stmt, 5);

      if (item == NULL || item->item_id != id)
        {
          if (item != NULL)
            item->sponsors = g_strv_builder_end (sponsors);
          g_clear_pointer (&sponsors, g_strv_builder_unref);
          sponsors = g_strv_builder_new ();

          item = g_new0 (HpExportItemRow, 1);
          item->item_id = id;
          item->name = dup_column (stmt, 1);
          item->adult_only = sqlite3_column_int (stmt, 2) != 0;
          item->per_standard = (guint) MAX (0, sqlite3_column_int (stmt, 3));
          item->per_under18 = (guint) MAX (0, sqlite3_column_int (stmt, 4));
          item->rank = items->len + 1;
          g_ptr_array_add (items, item);
        }

      if (sponsor != NULL)
        g_strv_builder_add (sponsors, sponsor);
    }
  if (item != NULL)
    item->sponsors = g_strv_builder_end (sponsors);

  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* ------------------------------------------------------------------------ */
/* Graduates, streamed                                                       */

static gboolean
stream_graduates (HpStore               *self,
                  sqlite3_stmt          *stmt,
                  HpExportGraduateFunc   func,
                  gpointer               user_data,
                  GError               **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpExportGraduateRow row = {
        .school_id = sqlite3_column_int64 (stmt, 0),
        .school_number = column_or_null (stmt, 1),
        .school_name = column_or_null (stmt, 2),
        .last_name = column_or_null (stmt, 3),
        .first_name = column_or_null (stmt, 4),
        .class_name = column_or_null (stmt, 5),
        .consent_date = column_or_null (stmt, 6),
        .consent_source = column_or_null (stmt, 7),
        .year = sqlite3_column_int (stmt, 8),
        .under18 = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? HP_UNSET : sqlite3_column_int (stmt, 9) != 0,
        .email = column_or_null (stmt, 10),
        .phone = column_or_null (stmt, 11),
        .graduate_id = sqlite3_column_int64 (stmt, 12),
      };

      if (!func (&row, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return _hp_store_set_error (self, rc, error);

  return TRUE;
}

gboolean
_hp_store_export_class_list (HpStore               *self,
                             gint64                 campaign_id,
                             gint64                 school_id,
                             HpExportGraduateFunc   func,
                             gpointer               user_data,
                             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  /* The school's cut-off day once, as a constant subquery, rather than
   * per graduate: the rule is the store's (HP_SQL_AGE_DAY,
   * HP_SQL_UNDER18_CUTOFF); NULL, i.e. unknown, without a birth date. */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT g.school_id, s.number, s.name, g.last_name, g.first_name, g.class, "
                                  "  g.consent_date, g.consent_source, gc.year, "
                                  "  CASE WHEN g.birth_date IS NULL THEN g.purged_under18 ELSE "
                                  "  g.birth_date > (SELECT " HP_SQL_UNDER18_CUTOFF (HP_SQL_AGE_DAY) " "
                                  "                  FROM campaign c LEFT JOIN campaign_school cs "
                                  "                    ON cs.campaign_id = c.id AND cs.school_id = ?2 "
                                  "                  WHERE c.id = ?1) END, g.email, g.phone, g.id "
                                  "FROM graduate g JOIN school s ON s.id = g.school_id "
                                  "JOIN campaign gc ON gc.id = g.campaign_id "
                                  "WHERE g.campaign_id = ?1 AND g.school_id = ?2 "
                                  "ORDER BY g.class, g.last_name COLLATE HP_NAME, g.first_name COLLATE HP_NAME, g.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  return stream_graduates (self, stmt, func, user_data, error);
}

typedef struct
{
  gint64 id;
  int    year;
} ConsentingCampaign;

/*
 * _hp_store_export_consenting:
 * One statement over all campaigns (ORDER BY year DESC, campaign, school …)
 * sorts all 350,000 graduates of a national file in a temporary b-tree: half
 * a second before the first row. Per campaign, joined from the school's
 * number index to graduate_campaign_school, SQLite sorts only within a school
 * and the first row comes after milliseconds, so the rows can be written
 * while they are read. The order is the same.
 */
gboolean
_hp_store_export_consenting (HpStore               *self,
                             HpExportGraduateFunc   func,
                             gpointer               user_data,
                             GError               **error)
{
  g_autoptr(sqlite3_stmt) campaigns = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (ConsentingCampaign));
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  campaigns = _hp_store_prepare_owned (self,
                                       "SELECT c.id, c.year FROM campaign c "
                                       "WHERE EXISTS (SELECT 1 FROM graduate g "
                                       "              WHERE g.campaign_id = c.id AND g.consent_date IS NOT NULL) "
                                       "ORDER BY c.year DESC, c.id DESC",
                                       error);
  if (campaigns == NULL)
    return FALSE;

  while ((rc = sqlite3_step (campaigns)) == SQLITE_ROW)
    {
      ConsentingCampaign campaign = { sqlite3_column_int64 (campaigns, 0), sqlite3_column_int (campaigns, 1) };

      g_array_append_val (list, campaign);
    }
  if (rc != SQLITE_DONE)
    return _hp_store_set_error (self, rc, error);

  /* CROSS JOIN keeps the schools outside, in number order. The year is the
   * campaign's, passed through so that the columns match the other streams;
   * the network has no use for the under-18 flag. */
  stmt = _hp_store_prepare_owned (self,
                                  "SELECT g.school_id, s.number, s.name, g.last_name, g.first_name, g.class, "
                                  "  g.consent_date, g.consent_source, ?2, NULL, g.email, g.phone, g.id "
                                  "FROM school s CROSS JOIN graduate g "
                                  "WHERE g.campaign_id = ?1 AND g.school_id = s.id AND g.consent_date IS NOT NULL "
                                  "ORDER BY s.number, g.last_name COLLATE HP_NAME, g.first_name COLLATE HP_NAME, g.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const ConsentingCampaign *campaign = &g_array_index (list, ConsentingCampaign, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, campaign->id);
      sqlite3_bind_int (stmt, 2, campaign->year);
      if (!stream_graduates (self, stmt, func, user_data, error))
        return FALSE;
    }

  return TRUE;
}

gint64
_hp_store_export_count_consenting (HpStore  *self,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), -1);

  stmt = _hp_store_prepare_owned (self, "SELECT count(*) FROM graduate WHERE consent_date IS NOT NULL", error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _hp_store_set_error (self, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* ------------------------------------------------------------------------ */
/* Hand-overs                                                                */

static void
handover_row_free (gpointer data)
{
  HpExportHandoverRow *row = data;

  g_free (row->handed_over_at);
  g_free (row->received_by);
  g_free (row->note);
  g_free (row);
}

static gpointer
read_handover_row (sqlite3_stmt *stmt)
{
  HpExportHandoverRow *row = g_new0 (HpExportHandoverRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->school_id = sqlite3_column_int64 (stmt, 1);
  row->handed_over_at = dup_column (stmt, 2);
  row->standard = sqlite3_column_int64 (stmt, 3);
  row->under18 = sqlite3_column_int64 (stmt, 4);
  row->received_by = dup_column (stmt, 5);
  row->note = dup_column (stmt, 6);
  return row;
}

GPtrArray *
_hp_store_export_handovers (HpStore  *self,
                            gint64    campaign_id,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT id, school_id, handed_over_at, standard, under18, received_by, note "
                                  "FROM handover WHERE campaign_id = ?1 "
                                  "ORDER BY school_id, handed_over_at, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect_array (self, stmt, read_handover_row, handover_row_free, error);
}
