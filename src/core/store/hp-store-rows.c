/* hp-store-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Campaigns, sponsors, products, pledges, receipts and the pack contents: the
 * goods side of the store. Every statement binds its values; reads prepare
 * their own statement (they may run in a worker thread), writes use the
 * store's statement cache. Schools and graduates are in hp-store-people.c.
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/hp-campaign.h"
#include "heimpack/hp-format.h"
#include "heimpack/hp-pledge.h"
#include "heimpack/hp-product.h"
#include "heimpack/hp-receipt.h"
#include "heimpack/hp-recipe-item.h"
#include "heimpack/hp-sponsor.h"
#include "hp-store-private.h"

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                 */

#define CAMPAIGN_COLUMNS "c.id, c.name, c.year, c.handover_date, c.spare_percent"

static gpointer
read_campaign (sqlite3_stmt *stmt)
{
  HpCampaign *campaign = hp_campaign_new (_hp_column_text (stmt, 1), sqlite3_column_int (stmt, 2));

  hp_campaign_set_id (campaign, sqlite3_column_int64 (stmt, 0));
  hp_campaign_set_handover_date (campaign, _hp_column_text (stmt, 3));
  hp_campaign_set_spare_percent (campaign, sqlite3_column_int (stmt, 4));
  return campaign;
}

static gboolean
validate_campaign (HpCampaign  *campaign,
                   GError     **error)
{
  int year = hp_campaign_get_year (campaign);
  int spare = hp_campaign_get_spare_percent (campaign);

  if (!_hp_store_require_text (hp_campaign_get_name (campaign), _("The campaign name"), error) ||
      !_hp_store_check_date (hp_campaign_get_handover_date (campaign), _("The hand-over date"), error))
    return FALSE;

  if (year < 2000 || year > 2200)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("The year %d is not plausible for a campaign."), year);
      return FALSE;
    }

  if (spare < 0 || spare > 100)
    {
      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                   _("The spare packs must be between 0 and 100 percent, not %d."), spare);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_campaign_name_free (HpStore     *self,
                          HpCampaign  *campaign,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _hp_store_prepare_owned (self, "SELECT 1 FROM campaign WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;

  _hp_bind_text (stmt, 1, hp_campaign_get_name (campaign));
  sqlite3_bind_int64 (stmt, 2, hp_campaign_get_id (campaign));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT,
               _("A campaign named “%s” already exists."), hp_campaign_get_name (campaign));
  return FALSE;
}

static void
bind_campaign (sqlite3_stmt *stmt,
               HpCampaign   *campaign)
{
  _hp_bind_text (stmt, 1, hp_campaign_get_name (campaign));
  sqlite3_bind_int (stmt, 2, hp_campaign_get_year (campaign));
  _hp_bind_text (stmt, 3, hp_campaign_get_handover_date (campaign));
  sqlite3_bind_int (stmt, 4, hp_campaign_get_spare_percent (campaign));
}

GListModel *
hp_store_list_campaigns (HpStore  *self,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT " CAMPAIGN_COLUMNS " FROM campaign c ORDER BY c.year DESC, c.id DESC",
                                  error);
  if (stmt == NULL)
    return NULL;

  return _hp_store_collect (self, stmt, HP_TYPE_CAMPAIGN, read_campaign, error);
}

HpCampaign *
hp_store_get_campaign (HpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaign c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _hp_store_get_one (self, stmt, read_campaign, HP_RECORD_CAMPAIGN, id, error);
}

HpCampaign *
hp_store_find_campaign (HpStore     *self,
                        const char  *name_or_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 id = 0;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if (g_ascii_string_to_unsigned (name_or_id, 10, 1, G_MAXINT64, &id, NULL))
    {
      HpCampaign *campaign = hp_store_get_campaign (self, (gint64) id, NULL);

      if (campaign != NULL)
        return campaign;
    }

  stmt = _hp_store_prepare_owned (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaign c WHERE c.name = ?1", error);
  if (stmt == NULL)
    return NULL;

  _hp_bind_text (stmt, 1, name_or_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_campaign (stmt);
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
               _("There is no campaign “%s”."), name_or_id);
  return NULL;
}

HpCampaign *
hp_store_get_current_campaign (HpStore  *self,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT " CAMPAIGN_COLUMNS " FROM campaign c ORDER BY c.year DESC, c.id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_campaign (stmt);
  if (rc != SQLITE_DONE)
    {
      _hp_store_set_error (self, rc, error);
      return NULL;
    }

  g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND,
                       _("There is no campaign yet."));
  return NULL;
}

gboolean
hp_store_add_campaign (HpStore     *self,
                       HpCampaign  *campaign,
                       GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_CAMPAIGN (campaign), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !validate_campaign (campaign, error) ||
      !check_campaign_name_free (self, campaign, error))
    return FALSE;

  if (!_hp_store_insert_row (self, HP_RECORD_CAMPAIGN,
                             "INSERT INTO campaign (name, year, handover_date, spare_percent) "
                             "VALUES (?1, ?2, ?3, ?4)",
                             (HpRowBinder) bind_campaign, campaign, &id, error))
    return FALSE;

  hp_campaign_set_id (campaign, id);
  return TRUE;
}

gboolean
hp_store_update_campaign (HpStore     *self,
                          HpCampaign  *campaign,
                          GError     **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_CAMPAIGN (campaign), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !validate_campaign (campaign, error) ||
      !check_campaign_name_free (self, campaign, error))
    return FALSE;

  return _hp_store_update_row (self,
                               "UPDATE campaign SET name = ?1, year = ?2, handover_date = ?3, spare_percent = ?4 "
                               "WHERE id = ?5",
                               (HpRowBinder) bind_campaign, campaign,
                               HP_RECORD_CAMPAIGN, hp_campaign_get_id (campaign), error);
}

gboolean
hp_store_remove_campaign (HpStore  *self,
                          gint64    id,
                          GError  **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  /* ON DELETE CASCADE takes the campaign's own rows with it. */
  if (!hp_store_begin (self, error))
    return FALSE;

  if (!_hp_store_delete_row (self, "DELETE FROM campaign WHERE id = ?1", HP_RECORD_CAMPAIGN, id, error))
    {
      hp_store_rollback (self);
      return FALSE;
    }

  /* what went with it */
  for (HpRecordKind kind = HP_RECORD_PLEDGE; kind <= HP_RECORD_GRADUATE; kind++)
    _hp_store_note_change (self, kind);
  _hp_store_note_change (self, HP_RECORD_HANDOVER);

  return hp_store_commit (self, error);
}

gboolean
hp_store_count_campaign_rows (HpStore           *self,
                              gint64             campaign_id,
                              HpCampaignCounts  *counts,
                              GError           **error)
{
  static const char * const queries[] = {
    "SELECT count(*) FROM campaign WHERE id = ?1",
    "SELECT count(*) FROM pledge WHERE campaign_id = ?1",
    "SELECT count(*) FROM receipt r JOIN pledge pl ON pl.id = r.pledge_id WHERE pl.campaign_id = ?1",
    "SELECT count(*) FROM pack_line WHERE campaign_id = ?1",
    /* a row with nothing in it is no figure of the school's */
    "SELECT count(*) FROM campaign_school WHERE campaign_id = ?1 AND (expected_graduates IS NOT NULL OR "
    "  under18_expected IS NOT NULL OR handover_at IS NOT NULL OR list_complete = 1)",
    "SELECT count(*) FROM graduate WHERE campaign_id = ?1",
  };
  guint exists = 0;
  guint *fields[] = { &exists, &counts->pledges, &counts->receipts, &counts->pack_lines,
                      &counts->schools, &counts->graduates };

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      /* Owned statements: this may run in a worker thread. */
      g_autoptr(sqlite3_stmt) stmt = _hp_store_prepare_owned (self, queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, campaign_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return _hp_store_set_error (self, rc, error);

      *fields[i] = (guint) sqlite3_column_int64 (stmt, 0);
      if (i == 0 && exists == 0)
        return _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);
    }

  return TRUE;
}

static gboolean
run_copy (HpStore     *self,
          const char  *sql,
          gint64       new_id,
          gint64       old_id,
          GError     **error)
{
  sqlite3_stmt *stmt = _hp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, old_id);
  return _hp_store_step_done (self, stmt, error);
}

HpCampaign *
hp_store_clone_campaign (HpStore     *self,
                         gint64       source_id,
                         const char  *name,
                         int          year,
                         GError     **error)
{
  g_autoptr(HpCampaign) source = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  gint64 new_id;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  if (!_hp_store_check_writable (self, error))
    return NULL;

  source = hp_store_get_campaign (self, source_id, error);
  if (source == NULL)
    return NULL;

  campaign = hp_campaign_new (name, year);
  hp_campaign_set_spare_percent (campaign, hp_campaign_get_spare_percent (source));

  if (!hp_store_begin (self, error))
    return NULL;

  if (!hp_store_add_campaign (self, campaign, error))
    goto fail;

  new_id = hp_campaign_get_id (campaign);

  /* Last year's pledges become this year's requests. */
  if (!run_copy (self,
                 "INSERT INTO pledge (campaign_id, product_id, quantity, due_date, confirmed) "
                 "SELECT ?1, product_id, quantity, NULL, 0 FROM pledge WHERE campaign_id = ?2",
                 new_id, source_id, error) ||
      !run_copy (self,
                 "INSERT INTO pack_line (campaign_id, item_id, per_standard, per_under18, position) "
                 "SELECT ?1, item_id, per_standard, per_under18, position FROM pack_line WHERE campaign_id = ?2",
                 new_id, source_id, error) ||
      /* The schools that took part: with figures, or with graduates. Last
       * year's expected number (else its graduates) is this year's estimate. */
      !run_copy (self,
                 "INSERT INTO campaign_school (campaign_id, school_id, expected_graduates) "
                 "SELECT ?1, s.id, coalesce(cs.expected_graduates, "
                 "  (SELECT nullif(count(*), 0) FROM graduate g WHERE g.school_id = s.id AND g.campaign_id = ?2)) "
                 "FROM school s LEFT JOIN campaign_school cs ON cs.school_id = s.id AND cs.campaign_id = ?2 "
                 "WHERE cs.school_id IS NOT NULL "
                 "   OR EXISTS (SELECT 1 FROM graduate g WHERE g.school_id = s.id AND g.campaign_id = ?2)",
                 new_id, source_id, error))
    goto fail;

  _hp_store_note_change (self, HP_RECORD_PLEDGE);
  _hp_store_note_change (self, HP_RECORD_RECIPE);
  _hp_store_note_change (self, HP_RECORD_SCHOOL);

  if (!hp_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&campaign);

fail:
  hp_store_rollback (self);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Sponsors                                                                  */

static gpointer
read_sponsor (sqlite3_stmt *stmt)
{
  HpSponsor *sponsor = hp_sponsor_new (_hp_column_text (stmt, 1));

  hp_sponsor_set_id (sponsor, sqlite3_column_int64 (stmt, 0));
  hp_sponsor_set_contact (sponsor, _hp_column_text (stmt, 2));
  hp_sponsor_set_phone (sponsor, _hp_column_text (stmt, 3));
  hp_sponsor_set_email (sponsor, _hp_column_text (stmt, 4));
  hp_sponsor_set_address (sponsor, _hp_column_text (stmt, 5));
  hp_sponsor_set_notes (sponsor, _hp_column_text (stmt, 6));
  if (sqlite3_column_count (stmt) > 7)
    hp_sponsor_set_figures (sponsor,
                            sqlite3_column_int (stmt, 7),
                            sqlite3_column_int64 (stmt, 8),
                            sqlite3_column_int64 (stmt, 9),
                            sqlite3_column_int64 (stmt, 10));
  return sponsor;
}

static void
bind_sponsor (sqlite3_stmt *stmt,
              HpSponsor    *sponsor)
{
  _hp_bind_text (stmt, 1, hp_sponsor_get_name (sponsor));
  _hp_bind_text (stmt, 2, hp_sponsor_get_contact (sponsor));
  _hp_bind_text (stmt, 3, hp_sponsor_get_phone (sponsor));
  _hp_bind_text (stmt, 4, hp_sponsor_get_email (sponsor));
  _hp_bind_text (stmt, 5, hp_sponsor_get_address (sponsor));
  _hp_bind_text (stmt, 6, hp_sponsor_get_notes (sponsor));
}

GListModel *
hp_store_list_sponsors (HpStore  *self,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
    "SELECT s.id, s.name, s.contact, s.phone, s.email, s.address, s.notes, "
    "  count(DISTINCT p.id), coalesce(sum(pl.quantity), 0), coalesce(sum(r.received), 0), "
    "  coalesce(sum(r.received * p.value_cents), 0) "
    "FROM sponsor s "
    "LEFT JOIN product p ON p.sponsor_id = s.id "
    "LEFT JOIN pledge pl ON pl.product_id = p.id AND pl.campaign_id = ?1 "
    "LEFT JOIN (SELECT pledge_id, sum(quantity) AS received FROM receipt GROUP BY pledge_id) r "
    "  ON r.pledge_id = pl.id "
    "GROUP BY s.id ORDER BY s.name COLLATE HP_NAME, s.id",
    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return _hp_store_collect (self, stmt, HP_TYPE_SPONSOR, read_sponsor, error);
}

HpSponsor *
hp_store_get_sponsor (HpStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT id, name, contact, phone, email, address, notes FROM sponsor WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _hp_store_get_one (self, stmt, read_sponsor, HP_RECORD_SPONSOR, id, error);
}

gboolean
hp_store_add_sponsor (HpStore    *self,
                      HpSponsor  *sponsor,
                      GError    **error)
{
  gint64 id = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_SPONSOR (sponsor), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_require_text (hp_sponsor_get_name (sponsor), _("The company name"), error))
    return FALSE;

  if (!_hp_store_insert_row (self, HP_RECORD_SPONSOR,
                             "INSERT INTO sponsor (name, contact, phone, email, address, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             (HpRowBinder) bind_sponsor, sponsor, &id, error))
    return FALSE;

  hp_sponsor_set_id (sponsor, id);
  return TRUE;
}

gboolean
hp_store_update_sponsor (HpStore    *self,
                         HpSponsor  *sponsor,
                         GError    **error)
{

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);
  g_return_val_if_fail (HP_IS_SPONSOR (sponsor), FALSE);

  if (!_hp_store_check_writable (self, error) ||
      !_hp_store_require_text (hp_sponsor_get_name (sponsor), _("The company name"), error))
    return FALSE;

  return _hp_store_update_row (self,
                               "UPDATE sponsor SET name = ?1, contact = ?2, phone = ?3, email = ?4, "
                               "address = ?5, notes = ?6 WHERE id = ?7",
                               (HpRowBinder) bind_sponsor, sponsor,
                               HP_RECORD_SPONSOR, hp_sponsor_get_id (sponsor), error);
}

gboolean
hp_store_remove_sponsor (HpStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(HpSponsor) sponsor = NULL;
  gint64 n_products = 0;

  g_return_val_if_fail (HP_IS_STORE (self), FALSE);

  if (!_hp_store_check_writable (self, error))
    return FALSE;

  sponsor = hp_store_get_sponsor (self, id, error);
  if (sponsor == NULL)
    return FALSE;

  if (!_hp_store_query_int64 (self, "SELECT count(*) FROM product WHERE sponsor_id = ?1", id, &n_products, error))
    return FALSE;

  if (n_products > 0)
    {
      g_autofree char *count = hp_format_count (n_products);

      g_set_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %s product. Remove or reassign it first.",
                                "“%s” still has %s products. Remove or reassign them first.",
                                (gulong) MIN (n_products, G_MAXLONG)),
                   hp_sponsor_get_name (sponsor), count);
      return FALSE;
    }

  return _hp_store_delete_row (self, "DELETE FROM sponsor WHERE id = ?1", HP_RECORD_SPONSOR, id, error);
}
