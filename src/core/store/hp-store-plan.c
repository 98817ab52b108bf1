/* hp-store-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hp_plan_input_load(): the snapshot of one campaign that hp_plan_compute()
 * works on: the campaign, its recipe products with pledged and received
 * pieces, the schools taking part with their graduate figures. Reads only, on owned statements, so that it may run in a worker
 * thread like the list functions.
 *
 * The input is a public plain struct; its strings live in a GStringChunk of
 * a private wrapper (HpPlanInput first, so the pointers are the same) and
 * stay valid until hp_plan_input_free().
 *
 * Under-18 counts are computed in SQL, per school, against its hand-over day
 * (campaign_school.handover_at, the date part), else the campaign's
 * handover_date, else 30 June of the campaign year: a graduate is under 18 if
 * born after that day minus 18 years (whoever turns 18 on the day is not).
 */

#define G_LOG_DOMAIN "hp-store"

#include "config.h"

#include "heimpack/hp-plan.h"
#include "hp-store-private.h"

typedef struct
{
  HpPlanInput   input;   /* first: HpPlanInput * is HpPlanInputReal * */

  GStringChunk *strings;
  GArray       *products;   /* HpPlanProduct */
  GArray       *schools;    /* HpPlanSchool */
} HpPlanInputReal;

G_STATIC_ASSERT (G_STRUCT_OFFSET (HpPlanInputReal, input) == 0);

static const char *
chunk_column (HpPlanInputReal *real,
              sqlite3_stmt    *stmt,
              int              column)
{
  const char *text = _hp_column_text (stmt, column);

  return text ? g_string_chunk_insert_const (real->strings, text) : NULL;
}

static int
column_optional_int (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? HP_UNSET : sqlite3_column_int (stmt, column);
}

static gboolean
load_campaign (HpStore          *self,
               gint64            campaign_id,
               HpPlanInputReal  *real,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self, "SELECT spare_percent FROM campaign WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _hp_store_not_found (HP_RECORD_CAMPAIGN, campaign_id, error);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  real->input.spare_percent = (guint) MAX (0, sqlite3_column_int (stmt, 0));
  return TRUE;
}

static gboolean
load_products (HpStore          *self,
               gint64            campaign_id,
               HpPlanInputReal  *real,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self,
                                  "SELECT p.id, p.name, s.id, s.name, ri.per_standard, ri.per_under18, "
                                  "  coalesce(pl.quantity, 0), "
                                  "  coalesce((SELECT sum(r.quantity) FROM receipt r WHERE r.pledge_id = pl.id), 0), "
                                  "  p.value_cents "
                                  "FROM recipe_item ri "
                                  "JOIN product p ON p.id = ri.product_id "
                                  "JOIN sponsor s ON s.id = p.sponsor_id "
                                  "LEFT JOIN pledge pl ON pl.product_id = ri.product_id AND pl.campaign_id = ri.campaign_id "
                                  "WHERE ri.campaign_id = ?1 "
                                  "ORDER BY ri.position, p.name, p.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPlanProduct product = {
        .product_id = sqlite3_column_int64 (stmt, 0),
        .name = chunk_column (real, stmt, 1),
        .sponsor_id = sqlite3_column_int64 (stmt, 2),
        .sponsor_name = chunk_column (real, stmt, 3),
        .per_standard = (guint) MAX (0, sqlite3_column_int (stmt, 4)),
        .per_under18 = (guint) MAX (0, sqlite3_column_int (stmt, 5)),
        .pledged = sqlite3_column_int64 (stmt, 6),
        .received = sqlite3_column_int64 (stmt, 7),
        .value_cents = sqlite3_column_int64 (stmt, 8),
      };

      g_array_append_val (real->products, product);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

/* The schools taking part: a campaign_school row, or graduates in the
 * campaign; in number order straight from the number index, each with its
 * cut-off day for the under-18 rule. */
#define SCHOOLS_SQL \
  "SELECT s.id, s.number, s.name, cs.expected_graduates, cs.under18_expected, " \
  "  coalesce(date(substr(cs.handover_at, 1, 10), '-18 years'), " \
  "           date(coalesce(c.handover_date, printf('%04d-06-30', c.year)), '-18 years')) " \
  "FROM campaign c JOIN school s " \
  "LEFT JOIN campaign_school cs ON cs.campaign_id = c.id AND cs.school_id = s.id " \
  "WHERE c.id = ?1 AND (cs.school_id IS NOT NULL OR " \
  "  EXISTS (SELECT 1 FROM graduate g WHERE g.campaign_id = ?1 AND g.school_id = s.id)) " \
  "ORDER BY s.number"

/* One school's graduates, on the (campaign_id, school_id) index. Run per
 * school with its own cut-off: at the national scale (350,000 graduates)
 * this is several times faster than one grouped join, which compares
 * against a per-row cut-off and sorts every graduate. */
#define GRADUATES_SQL \
  "SELECT count(*), count(birth_date), coalesce(sum(birth_date > ?3), 0) " \
  "FROM graduate WHERE campaign_id = ?1 AND school_id = ?2"

static gboolean
count_graduates (HpStore       *self,
                 sqlite3_stmt  *stmt,
                 HpPlanSchool  *school,
                 const char    *cutoff,
                 GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 2, school->school_id);
  _hp_bind_text (stmt, 3, cutoff);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _hp_store_set_error (self, rc, error);

  school->graduates = (guint) sqlite3_column_int64 (stmt, 0);
  school->with_birth_date = (guint) sqlite3_column_int64 (stmt, 1);
  school->under18_by_birth = (guint) sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

static gboolean
load_schools (HpStore          *self,
              gint64            campaign_id,
              HpPlanInputReal  *real,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) graduates = NULL;
  int rc;

  stmt = _hp_store_prepare_owned (self, SCHOOLS_SQL, error);
  if (stmt == NULL)
    return FALSE;
  graduates = _hp_store_prepare_owned (self, GRADUATES_SQL, error);
  if (graduates == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (graduates, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HpPlanSchool school = {
        .school_id = sqlite3_column_int64 (stmt, 0),
        .number = chunk_column (real, stmt, 1),
        .name = chunk_column (real, stmt, 2),
        .expected = column_optional_int (stmt, 3),
        .under18_manual = column_optional_int (stmt, 4),
      };

      if (!count_graduates (self, graduates, &school, _hp_column_text (stmt, 5), error))
        return FALSE;

      g_array_append_val (real->schools, school);
    }

  return rc == SQLITE_DONE ? TRUE : _hp_store_set_error (self, rc, error);
}

HpPlanInput *
hp_plan_input_load (HpStore  *self,
                    gint64    campaign_id,
                    GError  **error)
{
  HpPlanInputReal *real;

  g_return_val_if_fail (HP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  real = g_new0 (HpPlanInputReal, 1);
  real->strings = g_string_chunk_new (4096);
  real->products = g_array_new (FALSE, TRUE, sizeof (HpPlanProduct));
  real->schools = g_array_new (FALSE, TRUE, sizeof (HpPlanSchool));

  /* Plain reads, no transaction of our own: the connection is shared
   * with the owner thread, whose transactions we must not interfere with. A
   * write in between shows up at the next refresh like any other. */
  if (!load_campaign (self, campaign_id, real, error) ||
      !load_products (self, campaign_id, real, error) ||
      !load_schools (self, campaign_id, real, error))
    {
      hp_plan_input_free (&real->input);
      return NULL;
    }

  real->input.products = (HpPlanProduct *) (gpointer) real->products->data;
  real->input.n_products = real->products->len;
  real->input.schools = (HpPlanSchool *) (gpointer) real->schools->data;
  real->input.n_schools = real->schools->len;

  return &real->input;
}

void
hp_plan_input_free (HpPlanInput *input)
{
  HpPlanInputReal *real = (HpPlanInputReal *) input;

  if (input == NULL)
    return;

  g_string_chunk_free (real->strings);
  g_array_unref (real->products);
  g_array_unref (real->schools);
  g_free (real);
}
