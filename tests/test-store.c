/* test-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore on a private ":memory:" database: every entity's round trip,
 * ordering, campaign figures, the error codes of the contract, transactions,
 * cloning a campaign and statistics.
 */

#include "config.h"

#include <locale.h>

#include "hp-test-utils.h"

#define EVIL_SQL    "'); DROP TABLE school;--"
#define EVIL_CSV    "=HYPERLINK(\"x\")"
#define UMLAUTS     "Müller & Söhne – Bäckerei Groß"
#define EMOJI       "🎒📦"

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* "Heimvorteil2GO 2027", stored */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hp_test_store_new_memory ();
  f->campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_assert_true (hp_store_add_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_campaign_get_id (f->campaign), >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->campaign);
  g_assert_finalize_object (f->store);
}

#define TEST(path, func) \
  g_test_add ("/heimpack/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gint64
cid (Fixture *f)
{
  return hp_campaign_get_id (f->campaign);
}

static HpSponsor *
add_sponsor (HpStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = hp_sponsor_new (name);

  g_assert_true (hp_store_add_sponsor (store, s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_sponsor_get_id (s), >, 0);

  return g_steal_pointer (&s);
}

static HpProduct *
add_product (HpStore    *store,
             gint64      sponsor_id,
             const char *name,
             gint64      value_cents,
             gboolean    adult_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpProduct) p = hp_product_new (sponsor_id, name);

  hp_product_set_value_cents (p, value_cents);
  hp_product_set_adult_only (p, adult_only);
  g_assert_true (hp_store_add_product (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_id (p), >, 0);

  return g_steal_pointer (&p);
}

static HpSchool *
add_school (HpStore    *store,
            const char *number,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = hp_school_new (number, name);

  g_assert_true (hp_store_add_school (store, s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_school_get_id (s), >, 0);

  return g_steal_pointer (&s);
}

static HpGraduate *
add_graduate (HpStore    *store,
              gint64      campaign_id,
              gint64      school_id,
              const char *class_name,
              const char *last_name,
              const char *first_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) g = hp_graduate_new (campaign_id, school_id);

  hp_graduate_set_class_name (g, class_name);
  hp_graduate_set_last_name (g, last_name);
  hp_graduate_set_first_name (g, first_name);
  g_assert_true (hp_store_add_graduate (store, g, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_graduate_get_id (g), >, 0);

  return g_steal_pointer (&g);
}

static HpPledge *
add_pledge (HpStore *store,
            gint64   campaign_id,
            gint64   product_id,
            gint64   quantity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPledge) p = hp_pledge_new (campaign_id, product_id, quantity);

  g_assert_true (hp_store_add_pledge (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_pledge_get_id (p), >, 0);

  return g_steal_pointer (&p);
}

static gint64
add_receipt (HpStore    *store,
             gint64      pledge_id,
             const char *date,
             gint64      quantity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpReceipt) r = hp_receipt_new (pledge_id, date, quantity);

  g_assert_true (hp_store_add_receipt (store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_receipt_get_id (r), >, 0);

  return hp_receipt_get_id (r);
}

static void
set_recipe (HpStore *store,
            gint64   campaign_id,
            gint64   product_id,
            guint    per_standard,
            guint    per_under18,
            int      position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpRecipeItem) item = hp_recipe_item_new (campaign_id, product_id, per_standard, per_under18);

  hp_recipe_item_set_position (item, position);
  g_assert_true (hp_store_set_recipe_item (store, item, &error));
  g_assert_no_error (error);
}

/* The row of @model whose gint64 property @prop is @value, or NULL. */
static gpointer
find_row (GListModel *model,
          const char *prop,
          gint64      value)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 v = 0;

      g_object_get (item, prop, &v, NULL);
      if (v == value)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static HpStoreStats
get_stats (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats stats = { 0, };

  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);

  return stats;
}

static guint
count_sponsors (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_sponsors (store, 0, &error);

  g_assert_no_error (error);
  return hp_test_list_count (list);
}

static guint
count_schools (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_schools (store, 0, &error);

  g_assert_no_error (error);
  return hp_test_list_count (list);
}

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                 */

static void
test_campaign_roundtrip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) got = NULL;
  g_autoptr(HpCampaign) other = hp_campaign_new ("Survival-Pack 2026", 2026);
  g_autoptr(HpCampaign) gone = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *id_text = NULL;
  gint64 other_id;

  got = hp_store_get_campaign (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_campaign_get_id (got), ==, cid (f));
  g_assert_cmpstr (hp_campaign_get_name (got), ==, "Heimvorteil2GO 2027");
  g_assert_cmpint (hp_campaign_get_year (got), ==, 2027);
  g_assert_null (hp_campaign_get_handover_date (got));
  g_assert_cmpint (hp_campaign_get_spare_percent (got), ==, 5);
  g_clear_object (&got);

  hp_campaign_set_name (f->campaign, "Heimvorteil2GO 2027 – Süd " EMOJI);
  hp_campaign_set_handover_date (f->campaign, "2027-06-25");
  hp_campaign_set_spare_percent (f->campaign, 8);
  hp_campaign_set_year (f->campaign, 2028);
  g_assert_true (hp_store_update_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);

  got = hp_store_get_campaign (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (got), ==, "Heimvorteil2GO 2027 – Süd " EMOJI);
  g_assert_cmpstr (hp_campaign_get_handover_date (got), ==, "2027-06-25");
  g_assert_cmpint (hp_campaign_get_spare_percent (got), ==, 8);
  g_assert_cmpint (hp_campaign_get_year (got), ==, 2028);
  g_clear_object (&got);

  got = hp_store_find_campaign (f->store, "Heimvorteil2GO 2027 – Süd " EMOJI, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_campaign_get_id (got), ==, cid (f));
  g_clear_object (&got);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, cid (f));
  got = hp_store_find_campaign (f->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (got), ==, "Heimvorteil2GO 2027 – Süd " EMOJI);
  g_clear_object (&got);

  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);
  other_id = hp_campaign_get_id (other);
  g_assert_cmpint (other_id, >, 0);
  g_assert_cmpint (other_id, !=, cid (f));

  list = hp_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  g_clear_object (&list);

  g_assert_true (hp_store_remove_campaign (f->store, other_id, &error));
  g_assert_no_error (error);
  gone = hp_store_get_campaign (f->store, other_id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  list = hp_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
}

static void
test_campaign_order (Fixture       *f,
                     gconstpointer  data)
{
  static const int years[] = { 2025, 2029, 2026 };
  static const int expected[] = { 2029, 2027, 2026, 2025 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *name = g_strdup_printf ("Aktion %d", years[i]);
      g_autoptr(HpCampaign) c = hp_campaign_new (name, years[i]);

      g_assert_true (hp_store_add_campaign (f->store, c, &error));
      g_assert_no_error (error);
    }

  list = hp_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HpCampaign) c = hp_test_list_get (list, i);

      g_assert_cmpint (hp_campaign_get_year (c), ==, expected[i]);
    }
}

static void
test_campaign_current (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_test_store_new_memory ();
  g_autoptr(HpCampaign) current = NULL;
  g_autoptr(HpCampaign) b = hp_campaign_new ("B 2028", 2028);
  static const struct { const char *name; int year; } rows[] = {
    { "A 2026", 2026 }, { "A 2028", 2028 }, { "A 2027", 2027 },
  };

  current = hp_store_get_current_campaign (store, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (current);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HpCampaign) c = hp_campaign_new (rows[i].name, rows[i].year);

      g_assert_true (hp_store_add_campaign (store, c, &error));
      g_assert_no_error (error);
    }

  current = hp_store_get_current_campaign (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (current), ==, "A 2028");
  g_clear_object (&current);

  /* the same year again: the newest by id wins */
  g_assert_true (hp_store_add_campaign (store, b, &error));
  g_assert_no_error (error);
  current = hp_store_get_current_campaign (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (current), ==, "B 2028");
  g_assert_cmpint (hp_campaign_get_id (current), ==, hp_campaign_get_id (b));
  g_clear_object (&current);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_campaign_invalid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) dup = hp_campaign_new ("Heimvorteil2GO 2027", 2028);
  g_autoptr(HpCampaign) empty = hp_campaign_new ("", 2028);
  g_autoptr(HpCampaign) bad_date = hp_campaign_new ("Aktion 2028", 2028);
  g_autoptr(HpCampaign) german_date = hp_campaign_new ("Aktion 2029", 2029);
  g_autoptr(HpCampaign) spare = hp_campaign_new ("Aktion 2030", 2030);
  g_autoptr(GListModel) list = NULL;

  g_assert_false (hp_store_add_campaign (f->store, dup, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (hp_campaign_get_id (dup), ==, 0);
  g_clear_error (&error);

  g_assert_false (hp_store_add_campaign (f->store, empty, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_campaign_set_handover_date (bad_date, "2027-02-30");
  g_assert_false (hp_store_add_campaign (f->store, bad_date, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_campaign_set_handover_date (german_date, "25.06.2029");
  g_assert_false (hp_store_add_campaign (f->store, german_date, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* spare-percent is 0–100 (which code is not specified) */
  hp_campaign_set_spare_percent (spare, 101);
  g_assert_false (hp_store_add_campaign (f->store, spare, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, HP_STORE_ERROR);
  g_clear_error (&error);

  /* an update with a bad value is refused as well and changes nothing */
  hp_campaign_set_handover_date (f->campaign, "31.12.2027");
  g_assert_false (hp_store_update_campaign (f->store, f->campaign, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = hp_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  {
    g_autoptr(HpCampaign) c = hp_test_list_get (list, 0);

    g_assert_null (hp_campaign_get_handover_date (c));
  }
}

/* ------------------------------------------------------------------------ */
/* Sponsors                                                                  */

static void
assert_sponsor_equal (HpSponsor *a,
                      HpSponsor *b)
{
  g_assert_cmpint (hp_sponsor_get_id (a), ==, hp_sponsor_get_id (b));
  g_assert_cmpstr (hp_sponsor_get_name (a), ==, hp_sponsor_get_name (b));
  g_assert_cmpstr (hp_sponsor_get_contact (a), ==, hp_sponsor_get_contact (b));
  g_assert_cmpstr (hp_sponsor_get_phone (a), ==, hp_sponsor_get_phone (b));
  g_assert_cmpstr (hp_sponsor_get_email (a), ==, hp_sponsor_get_email (b));
  g_assert_cmpstr (hp_sponsor_get_address (a), ==, hp_sponsor_get_address (b));
  g_assert_cmpstr (hp_sponsor_get_notes (a), ==, hp_sponsor_get_notes (b));
}

static void
test_sponsor_roundtrip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = hp_sponsor_new (UMLAUTS);
  g_autoptr(HpSponsor) got = NULL;
  g_autoptr(HpSponsor) row = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  hp_sponsor_set_contact (s, "Frau Jäger");
  hp_sponsor_set_phone (s, "02961 1234-0");
  hp_sponsor_set_email (s, "info@baeckerei-gross.example");
  hp_sponsor_set_address (s, "Marktplatz 3\n59929 Brilon");
  hp_sponsor_set_notes (s, "Liefert selbst " EMOJI);

  g_assert_true (hp_store_add_sponsor (f->store, s, &error));
  g_assert_no_error (error);
  id = hp_sponsor_get_id (s);
  g_assert_cmpint (id, >, 0);

  got = hp_store_get_sponsor (f->store, id, &error);
  g_assert_no_error (error);
  assert_sponsor_equal (got, s);
  g_clear_object (&got);

  list = hp_store_list_sponsors (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  row = hp_test_list_get (list, 0);
  assert_sponsor_equal (row, s);
  g_clear_object (&row);
  g_clear_object (&list);

  /* update, including clearing a field */
  hp_sponsor_set_name (s, "Bäckerei Groß GmbH");
  hp_sponsor_set_contact (s, NULL);
  hp_sponsor_set_phone (s, "");
  hp_sponsor_set_notes (s, "Neuer Ansprechpartner ab März");
  g_assert_true (hp_store_update_sponsor (f->store, s, &error));
  g_assert_no_error (error);

  got = hp_store_get_sponsor (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_sponsor_get_name (got), ==, "Bäckerei Groß GmbH");
  g_assert_null (hp_sponsor_get_contact (got));
  g_assert_null (hp_sponsor_get_phone (got));
  g_assert_cmpstr (hp_sponsor_get_email (got), ==, "info@baeckerei-gross.example");
  assert_sponsor_equal (got, s);
  g_clear_object (&got);

  g_assert_true (hp_store_remove_sponsor (f->store, id, &error));
  g_assert_no_error (error);
  got = hp_store_get_sponsor (f->store, id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  g_assert_cmpuint (count_sponsors (f->store), ==, 0);
}

static void
test_sponsor_order (Fixture       *f,
                    gconstpointer  data)
{
  static const char *names[] = { "Zimmerei Ziegler", "Apfelhof Arns", "Metallbau Kemper", "Brauerei Veltins" };
  static const char *sorted[] = { "Apfelhof Arns", "Brauerei Veltins", "Metallbau Kemper", "Zimmerei Ziegler" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_sponsor (f->store, names[i]));

  list = hp_store_list_sponsors (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(HpSponsor) s = hp_test_list_get (list, i);

      g_assert_cmpstr (hp_sponsor_get_name (s), ==, sorted[i]);
    }
}

/* German users look for "Öhm" among the O, not after the Z. */
static void
test_sponsor_order_umlauts (Fixture       *f,
                            gconstpointer  data)
{
  static const char *names[] = { "Zeller Obst", "Öhm Brauerei", "Apfelhof Arns", "Pfeffer Metall", "Ober Druck" };
  static const char *sorted[] = { "Apfelhof Arns", "Ober Druck", "Öhm Brauerei", "Pfeffer Metall", "Zeller Obst" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_sponsor (f->store, names[i]));

  list = hp_store_list_sponsors (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(HpSponsor) s = hp_test_list_get (list, i);

      g_assert_cmpstr (hp_sponsor_get_name (s), ==, sorted[i]);
    }
}

static void
test_sponsor_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) empty = hp_sponsor_new ("");
  g_autoptr(HpSponsor) null_name = hp_sponsor_new (NULL);
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerländer Strumpfwerk");
  g_autoptr(HpSponsor) got = NULL;

  g_assert_false (hp_store_add_sponsor (f->store, empty, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_assert_cmpint (hp_sponsor_get_id (empty), ==, 0);
  g_clear_error (&error);

  g_assert_false (hp_store_add_sponsor (f->store, null_name, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_sponsor_set_name (s, "");
  g_assert_false (hp_store_update_sponsor (f->store, s, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  got = hp_store_get_sponsor (f->store, hp_sponsor_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_sponsor_get_name (got), ==, "Sauerländer Strumpfwerk");
  g_assert_cmpuint (count_sponsors (f->store), ==, 1);
}

static void
test_hostile_names (Fixture       *f,
                    gconstpointer  data)
{
  static const char *names[] = { EVIL_SQL, EVIL_CSV, UMLAUTS, EMOJI, "O'Brien \"Quotes\" \\ %s %n ;" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *number = g_strdup_printf ("90000%u", i);
      g_autoptr(HpSponsor) s = add_sponsor (f->store, names[i]);
      g_autoptr(HpProduct) p = add_product (f->store, hp_sponsor_get_id (s), names[i], 1, FALSE);
      g_autoptr(HpSchool) sc = add_school (f->store, number, names[i]);
      g_autoptr(HpGraduate) gr = add_graduate (f->store, cid (f), hp_school_get_id (sc), names[i], names[i], names[i]);
      g_autoptr(HpCampaign) c = hp_campaign_new (names[i], 2030 + (int) i);
      g_autoptr(HpSponsor) s2 = NULL;
      g_autoptr(HpProduct) p2 = NULL;
      g_autoptr(HpSchool) sc2 = NULL;
      g_autoptr(HpGraduate) gr2 = NULL;
      g_autoptr(HpCampaign) c2 = NULL;

      g_assert_true (hp_store_add_campaign (f->store, c, &error));
      g_assert_no_error (error);

      s2 = hp_store_get_sponsor (f->store, hp_sponsor_get_id (s), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hp_sponsor_get_name (s2), ==, names[i]);

      p2 = hp_store_get_product (f->store, hp_product_get_id (p), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hp_product_get_name (p2), ==, names[i]);

      sc2 = hp_store_get_school (f->store, hp_school_get_id (sc), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hp_school_get_name (sc2), ==, names[i]);

      gr2 = hp_store_get_graduate (f->store, hp_graduate_get_id (gr), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hp_graduate_get_last_name (gr2), ==, names[i]);
      g_assert_cmpstr (hp_graduate_get_first_name (gr2), ==, names[i]);
      g_assert_cmpstr (hp_graduate_get_class_name (gr2), ==, names[i]);

      c2 = hp_store_find_campaign (f->store, names[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (hp_campaign_get_id (c2), ==, hp_campaign_get_id (c));
    }

  /* the school table still exists and works */
  g_assert_cmpuint (count_schools (f->store), ==, G_N_ELEMENTS (names));
  g_object_unref (add_school (f->store, "123456", "Gymnasium nach dem Angriff"));
  g_assert_cmpuint (count_schools (f->store), ==, G_N_ELEMENTS (names) + 1);

  {
    g_autoptr(GListModel) list = hp_store_list_sponsors (f->store, cid (f), &error);
    gboolean seen = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(HpSponsor) s = hp_test_list_get (list, i);

        seen |= g_strcmp0 (hp_sponsor_get_name (s), EVIL_SQL) == 0;
      }
    g_assert_true (seen);
  }
}

static void
test_sponsor_in_use (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Brauerei Veltins");
  g_autoptr(HpProduct) p1 = add_product (f->store, hp_sponsor_get_id (s), "Pils", 99, TRUE);
  g_autoptr(HpProduct) p2 = add_product (f->store, hp_sponsor_get_id (s), "Flaschenöffner", 150, FALSE);
  g_autoptr(HpSponsor) still = NULL;
  g_autoptr(GListModel) products = NULL;

  g_assert_false (hp_store_remove_sponsor (f->store, hp_sponsor_get_id (s), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  still = hp_store_get_sponsor (f->store, hp_sponsor_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_sponsor_get_name (still), ==, "Brauerei Veltins");
  g_assert_cmpuint (count_sponsors (f->store), ==, 1);

  products = hp_store_list_products (f->store, 0, hp_sponsor_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (products), ==, 2);
  g_clear_object (&products);

  /* without products it goes */
  g_assert_true (hp_store_remove_product (f->store, hp_product_get_id (p1), &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_remove_product (f->store, hp_product_get_id (p2), &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_remove_sponsor (f->store, hp_sponsor_get_id (s), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sponsors (f->store), ==, 0);
}

static void
test_sponsor_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpSponsor) idle = add_sponsor (f->store, "Tischlerei Idle");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) chips = add_product (f->store, hp_sponsor_get_id (s), "Chips", 1000, FALSE);
  g_autoptr(HpPledge) pn = add_pledge (f->store, cid (f), hp_product_get_id (nuts), 100);
  g_autoptr(HpPledge) pc = add_pledge (f->store, cid (f), hp_product_get_id (chips), 10);
  g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpSponsor) row = NULL;

  add_receipt (f->store, hp_pledge_get_id (pn), "2027-03-01", 30);
  add_receipt (f->store, hp_pledge_get_id (pn), "2027-03-15", 20);
  add_receipt (f->store, hp_pledge_get_id (pc), "2027-03-02", 10);

  list = hp_store_list_sponsors (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "id", hp_sponsor_get_id (s));
  g_assert_nonnull (row);
  g_assert_cmpuint (hp_sponsor_get_product_count (row), ==, 2);
  g_assert_cmpint (hp_sponsor_get_pledged (row), ==, 110);
  g_assert_cmpint (hp_sponsor_get_received (row), ==, 60);
  g_assert_cmpint (hp_sponsor_get_value_cents (row), ==, 50 * 399 + 10 * 1000);
  g_clear_object (&row);

  row = find_row (list, "id", hp_sponsor_get_id (idle));
  g_assert_nonnull (row);
  g_assert_cmpuint (hp_sponsor_get_product_count (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_pledged (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_received (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_value_cents (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  /* without a campaign: no figures */
  list = hp_store_list_sponsors (f->store, 0, &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_sponsor_get_id (s));
  g_assert_nonnull (row);
  g_assert_cmpint (hp_sponsor_get_pledged (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_received (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_value_cents (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  /* figures are per campaign */
  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);
  list = hp_store_list_sponsors (f->store, hp_campaign_get_id (other), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_sponsor_get_id (s));
  g_assert_nonnull (row);
  g_assert_cmpint (hp_sponsor_get_pledged (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_received (row), ==, 0);
  g_assert_cmpint (hp_sponsor_get_value_cents (row), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

static void
test_product_roundtrip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Brauerei Öhm");
  g_autoptr(HpProduct) p = hp_product_new (hp_sponsor_get_id (s), "Dose Pils 0,33 l");
  g_autoptr(HpProduct) got = NULL;
  g_autoptr(HpProduct) row = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  hp_product_set_value_cents (p, 129);
  hp_product_set_adult_only (p, TRUE);
  hp_product_set_best_before (p, "2028-02-29");
  hp_product_set_notes (p, "Kühl lagern " EMOJI);
  g_assert_true (hp_store_add_product (f->store, p, &error));
  g_assert_no_error (error);
  id = hp_product_get_id (p);
  g_assert_cmpint (id, >, 0);

  got = hp_store_get_product (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_id (got), ==, id);
  g_assert_cmpint (hp_product_get_sponsor_id (got), ==, hp_sponsor_get_id (s));
  g_assert_cmpstr (hp_product_get_name (got), ==, "Dose Pils 0,33 l");
  g_assert_cmpint (hp_product_get_value_cents (got), ==, 129);
  g_assert_true (hp_product_get_adult_only (got));
  g_assert_cmpstr (hp_product_get_best_before (got), ==, "2028-02-29");
  g_assert_cmpstr (hp_product_get_notes (got), ==, "Kühl lagern " EMOJI);
  g_clear_object (&got);

  list = hp_store_list_products (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  row = hp_test_list_get (list, 0);
  g_assert_cmpint (hp_product_get_id (row), ==, id);
  g_assert_cmpstr (hp_product_get_sponsor_name (row), ==, "Brauerei Öhm");
  g_assert_cmpstr (hp_product_get_name (row), ==, "Dose Pils 0,33 l");
  g_assert_cmpint (hp_product_get_value_cents (row), ==, 129);
  g_assert_true (hp_product_get_adult_only (row));
  g_assert_cmpstr (hp_product_get_best_before (row), ==, "2028-02-29");
  g_clear_object (&row);
  g_clear_object (&list);

  hp_product_set_name (p, "Alkoholfreies Pils");
  hp_product_set_adult_only (p, FALSE);
  hp_product_set_value_cents (p, 0);
  hp_product_set_best_before (p, NULL);
  hp_product_set_notes (p, "");
  g_assert_true (hp_store_update_product (f->store, p, &error));
  g_assert_no_error (error);

  got = hp_store_get_product (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_product_get_name (got), ==, "Alkoholfreies Pils");
  g_assert_false (hp_product_get_adult_only (got));
  g_assert_cmpint (hp_product_get_value_cents (got), ==, 0);
  g_assert_null (hp_product_get_best_before (got));
  g_assert_null (hp_product_get_notes (got));
  g_clear_object (&got);

  g_assert_true (hp_store_remove_product (f->store, id, &error));
  g_assert_no_error (error);
  got = hp_store_get_product (f->store, id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
}

static void
test_product_order_filter (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) a = add_sponsor (f->store, "A-Werk");
  g_autoptr(HpSponsor) b = add_sponsor (f->store, "B-Werk");
  g_autoptr(GListModel) list = NULL;
  static const char *sorted[] = { "Fahrradpumpe", "Kugelschreiber", "Socken", "USB-Stick" };

  g_object_unref (add_product (f->store, hp_sponsor_get_id (a), "USB-Stick", 500, FALSE));
  g_object_unref (add_product (f->store, hp_sponsor_get_id (b), "Fahrradpumpe", 1200, FALSE));
  g_object_unref (add_product (f->store, hp_sponsor_get_id (a), "Socken", 300, FALSE));
  g_object_unref (add_product (f->store, hp_sponsor_get_id (b), "Kugelschreiber", 50, FALSE));

  list = hp_store_list_products (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(HpProduct) p = hp_test_list_get (list, i);

      g_assert_cmpstr (hp_product_get_name (p), ==, sorted[i]);
    }
  g_clear_object (&list);

  list = hp_store_list_products (f->store, 0, hp_sponsor_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  {
    g_autoptr(HpProduct) p0 = hp_test_list_get (list, 0);
    g_autoptr(HpProduct) p1 = hp_test_list_get (list, 1);

    g_assert_cmpstr (hp_product_get_name (p0), ==, "Socken");
    g_assert_cmpstr (hp_product_get_name (p1), ==, "USB-Stick");
    g_assert_cmpint (hp_product_get_sponsor_id (p0), ==, hp_sponsor_get_id (a));
    g_assert_cmpstr (hp_product_get_sponsor_name (p1), ==, "A-Werk");
  }
}

static void
test_product_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) plain = add_product (f->store, hp_sponsor_get_id (s), "Flyer", 0, FALSE);
  g_autoptr(HpPledge) pn = add_pledge (f->store, cid (f), hp_product_get_id (nuts), 100);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpProduct) row = NULL;

  add_receipt (f->store, hp_pledge_get_id (pn), "2027-03-01", 30);
  add_receipt (f->store, hp_pledge_get_id (pn), "2027-03-15", 25);
  set_recipe (f->store, cid (f), hp_product_get_id (nuts), 2, 1, 0);

  list = hp_store_list_products (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "id", hp_product_get_id (nuts));
  g_assert_nonnull (row);
  g_assert_cmpint (hp_product_get_pledged (row), ==, 100);
  g_assert_cmpint (hp_product_get_received (row), ==, 55);
  g_assert_cmpuint (hp_product_get_per_standard (row), ==, 2);
  g_assert_cmpuint (hp_product_get_per_under18 (row), ==, 1);
  g_clear_object (&row);

  row = find_row (list, "id", hp_product_get_id (plain));
  g_assert_nonnull (row);
  g_assert_cmpint (hp_product_get_pledged (row), ==, 0);
  g_assert_cmpint (hp_product_get_received (row), ==, 0);
  g_assert_cmpuint (hp_product_get_per_standard (row), ==, 0);
  g_assert_cmpuint (hp_product_get_per_under18 (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  list = hp_store_list_products (f->store, 0, 0, &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_product_get_id (nuts));
  g_assert_nonnull (row);
  g_assert_cmpint (hp_product_get_pledged (row), ==, 0);
  g_assert_cmpint (hp_product_get_received (row), ==, 0);
  g_assert_cmpuint (hp_product_get_per_standard (row), ==, 0);
}

static void
test_product_in_use (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) pledged = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) in_recipe = add_product (f->store, hp_sponsor_get_id (s), "Flyer", 0, FALSE);
  g_autoptr(HpPledge) pledge = add_pledge (f->store, cid (f), hp_product_get_id (pledged), 10);
  g_autoptr(HpProduct) still = NULL;

  set_recipe (f->store, cid (f), hp_product_get_id (in_recipe), 1, 1, 0);

  g_assert_false (hp_store_remove_product (f->store, hp_product_get_id (pledged), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  still = hp_store_get_product (f->store, hp_product_get_id (pledged), &error);
  g_assert_no_error (error);
  g_clear_object (&still);

  g_assert_false (hp_store_remove_product (f->store, hp_product_get_id (in_recipe), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  still = hp_store_get_product (f->store, hp_product_get_id (in_recipe), &error);
  g_assert_no_error (error);
  g_clear_object (&still);

  /* the pledge is still there too */
  {
    g_autoptr(GListModel) pledges = hp_store_list_pledges (f->store, cid (f), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hp_test_list_count (pledges), ==, 1);
  }
}

static void
test_product_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) empty = hp_product_new (hp_sponsor_get_id (s), "");
  g_autoptr(HpProduct) german = hp_product_new (hp_sponsor_get_id (s), "Kekse");
  g_autoptr(HpProduct) bad = hp_product_new (hp_sponsor_get_id (s), "Kekse");
  g_autoptr(HpProduct) orphan = hp_product_new (99999, "Waise");
  g_autoptr(HpProduct) negative = hp_product_new (hp_sponsor_get_id (s), "Minus");
  g_autoptr(GListModel) list = NULL;

  g_assert_false (hp_store_add_product (f->store, empty, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_product_set_best_before (german, "31.12.2027");
  g_assert_false (hp_store_add_product (f->store, german, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_product_set_best_before (bad, "2027-02-30");
  g_assert_false (hp_store_add_product (f->store, bad, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* which code is not specified: a missing sponsor must be refused */
  g_assert_false (hp_store_add_product (f->store, orphan, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, HP_STORE_ERROR);
  g_clear_error (&error);

  hp_product_set_value_cents (negative, -1);
  g_assert_false (hp_store_add_product (f->store, negative, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, HP_STORE_ERROR);
  g_clear_error (&error);

  list = hp_store_list_products (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Pledges and receipts                                                      */

static void
test_pledge_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) chips = add_product (f->store, hp_sponsor_get_id (s), "Chips", 100, FALSE);
  g_autoptr(HpPledge) p = hp_pledge_new (cid (f), hp_product_get_id (nuts), 100);
  g_autoptr(HpPledge) second = NULL;
  g_autoptr(HpPledge) row = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) receipts = NULL;
  gint64 r1, r2;

  hp_pledge_set_due_date (p, "2027-04-30");
  g_assert_true (hp_store_add_pledge (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_pledge_get_id (p), >, 0);
  second = add_pledge (f->store, cid (f), hp_product_get_id (chips), 5);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = hp_test_list_get (list, 0);   /* ordered by id */
  g_assert_cmpint (hp_pledge_get_id (row), ==, hp_pledge_get_id (p));
  g_assert_cmpint (hp_pledge_get_campaign_id (row), ==, cid (f));
  g_assert_cmpint (hp_pledge_get_product_id (row), ==, hp_product_get_id (nuts));
  g_assert_cmpint (hp_pledge_get_quantity (row), ==, 100);
  g_assert_cmpstr (hp_pledge_get_due_date (row), ==, "2027-04-30");
  g_assert_true (hp_pledge_get_confirmed (row));
  g_assert_cmpint (hp_pledge_get_received (row), ==, 0);
  g_clear_object (&row);
  row = hp_test_list_get (list, 1);
  g_assert_cmpint (hp_pledge_get_id (row), ==, hp_pledge_get_id (second));
  g_clear_object (&row);
  g_clear_object (&list);

  /* receipts */
  r1 = add_receipt (f->store, hp_pledge_get_id (p), "2027-03-01", 30);
  r2 = add_receipt (f->store, hp_pledge_get_id (p), "2027-03-15", 20);
  g_assert_cmpint (r1, !=, r2);

  receipts = hp_store_list_receipts (f->store, hp_pledge_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (receipts), ==, 2);
  {
    g_autoptr(HpReceipt) rr = find_row (receipts, "id", r2);

    g_assert_nonnull (rr);
    g_assert_cmpint (hp_receipt_get_pledge_id (rr), ==, hp_pledge_get_id (p));
    g_assert_cmpstr (hp_receipt_get_date (rr), ==, "2027-03-15");
    g_assert_cmpint (hp_receipt_get_quantity (rr), ==, 20);
  }
  g_clear_object (&receipts);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_pledge_get_id (p));
  g_assert_cmpint (hp_pledge_get_received (row), ==, 50);
  g_clear_object (&row);
  row = find_row (list, "id", hp_pledge_get_id (second));
  g_assert_cmpint (hp_pledge_get_received (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  /* update persists */
  hp_pledge_set_quantity (p, 120);
  hp_pledge_set_confirmed (p, FALSE);
  hp_pledge_set_due_date (p, NULL);
  g_assert_true (hp_store_update_pledge (f->store, p, &error));
  g_assert_no_error (error);
  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_pledge_get_id (p));
  g_assert_cmpint (hp_pledge_get_quantity (row), ==, 120);
  g_assert_false (hp_pledge_get_confirmed (row));
  g_assert_null (hp_pledge_get_due_date (row));
  g_assert_cmpint (hp_pledge_get_received (row), ==, 50);
  g_clear_object (&row);
  g_clear_object (&list);

  /* a pledge with receipts stays */
  g_assert_false (hp_store_remove_pledge (f->store, hp_pledge_get_id (p), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (hp_store_remove_receipt (f->store, r1, &error));
  g_assert_no_error (error);
  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_pledge_get_id (p));
  g_assert_cmpint (hp_pledge_get_received (row), ==, 20);
  g_clear_object (&row);
  g_clear_object (&list);

  g_assert_true (hp_store_remove_receipt (f->store, r2, &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_remove_pledge (f->store, hp_pledge_get_id (p), &error));
  g_assert_no_error (error);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
}

static void
test_pledge_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) chips = add_product (f->store, hp_sponsor_get_id (s), "Chips", 399, FALSE);
  g_autoptr(HpPledge) p = add_pledge (f->store, cid (f), hp_product_get_id (nuts), 100);
  g_autoptr(HpPledge) dup = hp_pledge_new (cid (f), hp_product_get_id (nuts), 5);
  g_autoptr(HpPledge) bad_due = hp_pledge_new (cid (f), hp_product_get_id (chips), 1);
  g_autoptr(HpReceipt) bad_date = hp_receipt_new (hp_pledge_get_id (p), "2027-02-30", 3);
  g_autoptr(HpReceipt) german_date = hp_receipt_new (hp_pledge_get_id (p), "01.03.2027", 3);
  g_autoptr(HpReceipt) no_date = hp_receipt_new (hp_pledge_get_id (p), NULL, 3);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) receipts = NULL;

  /* one pledge per campaign and product */
  g_assert_false (hp_store_add_pledge (f->store, dup, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  hp_pledge_set_due_date (bad_due, "31.12.2027");
  g_assert_false (hp_store_add_pledge (f->store, bad_due, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hp_store_add_receipt (f->store, bad_date, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hp_store_add_receipt (f->store, german_date, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the date is required */
  g_assert_false (hp_store_add_receipt (f->store, no_date, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  receipts = hp_store_list_receipts (f->store, hp_pledge_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (receipts), ==, 0);
}

/* hp-store.h: INVALID is "a value is not allowed in itself (…, a negative
 * quantity, …)"; nothing is written. */
static void
test_negative_quantity (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 399, FALSE);
  g_autoptr(HpProduct) chips = add_product (f->store, hp_sponsor_get_id (s), "Chips", 399, FALSE);
  g_autoptr(HpPledge) p = add_pledge (f->store, cid (f), hp_product_get_id (nuts), 100);
  g_autoptr(HpPledge) negative = hp_pledge_new (cid (f), hp_product_get_id (chips), -1);
  g_autoptr(HpReceipt) negative_r = hp_receipt_new (hp_pledge_get_id (p), "2027-03-01", -3);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) receipts = NULL;

  g_assert_false (hp_store_add_pledge (f->store, negative, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hp_store_add_receipt (f->store, negative_r, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_pledge_set_quantity (p, -5);
  g_assert_false (hp_store_update_pledge (f->store, p, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  {
    g_autoptr(HpPledge) row = hp_test_list_get (list, 0);

    g_assert_cmpint (hp_pledge_get_quantity (row), ==, 100);
  }
  receipts = hp_store_list_receipts (f->store, hp_pledge_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (receipts), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Recipe                                                                    */

static void
test_recipe (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Brauerei");
  g_autoptr(HpProduct) beer = add_product (f->store, hp_sponsor_get_id (s), "Pils", 99, TRUE);
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (s), "Apfelschorle", 89, FALSE);
  g_autoptr(HpProduct) pump = add_product (f->store, hp_sponsor_get_id (s), "Fahrradpumpe", 1299, FALSE);
  g_autoptr(HpRecipeItem) bad = hp_recipe_item_new (cid (f), hp_product_get_id (beer), 1, 1);
  g_autoptr(HpRecipeItem) row = NULL;
  g_autoptr(GListModel) list = NULL;

  set_recipe (f->store, cid (f), hp_product_get_id (pump), 1, 1, 3);
  set_recipe (f->store, cid (f), hp_product_get_id (beer), 1, 0, 1);
  set_recipe (f->store, cid (f), hp_product_get_id (juice), 0, 1, 2);

  list = hp_store_list_recipe (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  /* packing order */
  row = hp_test_list_get (list, 0);
  g_assert_cmpint (hp_recipe_item_get_product_id (row), ==, hp_product_get_id (beer));
  g_assert_cmpint (hp_recipe_item_get_campaign_id (row), ==, cid (f));
  g_assert_cmpstr (hp_recipe_item_get_product_name (row), ==, "Pils");
  g_assert_cmpuint (hp_recipe_item_get_per_standard (row), ==, 1);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (row), ==, 0);
  g_clear_object (&row);
  row = hp_test_list_get (list, 1);
  g_assert_cmpint (hp_recipe_item_get_product_id (row), ==, hp_product_get_id (juice));
  g_assert_cmpuint (hp_recipe_item_get_per_standard (row), ==, 0);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (row), ==, 1);
  g_clear_object (&row);
  row = hp_test_list_get (list, 2);
  g_assert_cmpint (hp_recipe_item_get_product_id (row), ==, hp_product_get_id (pump));
  g_clear_object (&row);
  g_clear_object (&list);

  /* adult-only never into the under-18 pack; nothing changes */
  g_assert_false (hp_store_set_recipe_item (f->store, bad, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = hp_store_list_recipe (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "product-id", hp_product_get_id (beer));
  g_assert_nonnull (row);
  g_assert_cmpuint (hp_recipe_item_get_per_standard (row), ==, 1);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  /* nor by turning a product of the under-18 pack into an adult-only one */
  hp_product_set_adult_only (juice, TRUE);
  g_assert_false (hp_store_update_product (f->store, juice, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(HpProduct) still = hp_store_get_product (f->store, hp_product_get_id (juice), &error);

    g_assert_no_error (error);
    g_assert_false (hp_product_get_adult_only (still));
  }

  /* replace a line */
  set_recipe (f->store, cid (f), hp_product_get_id (pump), 2, 2, 3);
  list = hp_store_list_recipe (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  row = find_row (list, "product-id", hp_product_get_id (pump));
  g_assert_cmpuint (hp_recipe_item_get_per_standard (row), ==, 2);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (row), ==, 2);
  g_clear_object (&row);
  g_clear_object (&list);

  /* both 0 removes the line */
  set_recipe (f->store, cid (f), hp_product_get_id (pump), 0, 0, 3);
  list = hp_store_list_recipe (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "product-id", hp_product_get_id (pump));
  g_assert_null (row);
  g_clear_object (&list);

  /* the recipe is per campaign */
  {
    g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);

    g_assert_true (hp_store_add_campaign (f->store, other, &error));
    g_assert_no_error (error);
    list = hp_store_list_recipe (f->store, hp_campaign_get_id (other), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hp_test_list_count (list), ==, 0);
  }
}

/* ------------------------------------------------------------------------ */
/* Schools                                                                   */

static void
test_school_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = hp_school_new ("012345", "Städt. Gymnasium – Petrinum");
  g_autoptr(HpSchool) got = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  hp_school_set_street (s, "Propst-Meyer-Straße 1");
  hp_school_set_postcode (s, "01067");
  hp_school_set_town (s, "Brilon");
  hp_school_set_district_key (s, "05958004");
  hp_school_set_school_form (s, "02");
  hp_school_set_contact_teacher (s, "Fr. Öztürk");
  hp_school_set_email (s, "sekretariat@petrinum.example");
  hp_school_set_phone (s, "02961 0000");
  g_assert_true (hp_store_add_school (f->store, s, &error));
  g_assert_no_error (error);
  id = hp_school_get_id (s);
  g_assert_cmpint (id, >, 0);

  got = hp_store_get_school (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_school_get_id (got), ==, id);
  g_assert_cmpstr (hp_school_get_number (got), ==, "012345");
  g_assert_cmpstr (hp_school_get_name (got), ==, "Städt. Gymnasium – Petrinum");
  g_assert_cmpstr (hp_school_get_street (got), ==, "Propst-Meyer-Straße 1");
  g_assert_cmpstr (hp_school_get_postcode (got), ==, "01067");
  g_assert_cmpstr (hp_school_get_town (got), ==, "Brilon");
  g_assert_cmpstr (hp_school_get_district_key (got), ==, "05958004");
  g_assert_cmpstr (hp_school_get_school_form (got), ==, "02");
  g_assert_cmpstr (hp_school_get_contact_teacher (got), ==, "Fr. Öztürk");
  g_assert_cmpstr (hp_school_get_email (got), ==, "sekretariat@petrinum.example");
  g_assert_cmpstr (hp_school_get_phone (got), ==, "02961 0000");
  g_clear_object (&got);

  got = hp_store_find_school (f->store, "012345", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_school_get_id (got), ==, id);
  g_clear_object (&got);

  got = hp_store_find_school (f->store, "12345", &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);

  hp_school_set_name (s, "Gymnasium Petrinum");
  hp_school_set_street (s, NULL);
  hp_school_set_number (s, "012346");
  g_assert_true (hp_store_update_school (f->store, s, &error));
  g_assert_no_error (error);
  got = hp_store_get_school (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_school_get_name (got), ==, "Gymnasium Petrinum");
  g_assert_cmpstr (hp_school_get_number (got), ==, "012346");
  g_assert_null (hp_school_get_street (got));
  g_assert_cmpstr (hp_school_get_district_key (got), ==, "05958004");
  g_clear_object (&got);

  list = hp_store_list_schools (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  g_clear_object (&list);

  g_assert_true (hp_store_remove_school (f->store, id, &error));
  g_assert_no_error (error);
  got = hp_store_get_school (f->store, id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  g_assert_cmpuint (count_schools (f->store), ==, 0);
}

static void
test_school_order (Fixture       *f,
                   gconstpointer  data)
{
  static const char *numbers[] = { "170003", "170001", "170002", "070009" };
  static const char *sorted[] = { "070009", "170001", "170002", "170003" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_object_unref (add_school (f->store, numbers[i], "Schule"));

  list = hp_store_list_schools (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(HpSchool) s = hp_test_list_get (list, i);

      g_assert_cmpstr (hp_school_get_number (s), ==, sorted[i]);
    }
}

static void
test_school_campaign (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) a = add_school (f->store, "100001", "Gymnasium A");
  g_autoptr(HpSchool) b = add_school (f->store, "100002", "Gymnasium B");
  g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpSchool) row = NULL;

  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);

  hp_school_set_expected_graduates (a, 80);
  hp_school_set_under18_expected (a, 5);
  hp_school_set_handover (a, "2027-06-25T11:00");
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), a, &error));
  g_assert_no_error (error);

  hp_school_set_expected_graduates (b, 0);
  hp_school_set_handover (b, "2027-06-26");
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), b, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 3; i++)
    g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (a), "Q2", "Schulz", NULL));
  g_object_unref (add_graduate (f->store, hp_campaign_get_id (other), hp_school_get_id (a), "Q2", "Alt", NULL));

  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 80);
  g_assert_cmpint (hp_school_get_under18_expected (row), ==, 5);
  g_assert_cmpstr (hp_school_get_handover (row), ==, "2027-06-25T11:00");
  g_assert_cmpuint (hp_school_get_graduate_count (row), ==, 3);
  g_assert_cmpstr (hp_school_get_name (row), ==, "Gymnasium A");
  g_clear_object (&row);
  row = find_row (list, "id", hp_school_get_id (b));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 0);   /* 0 is not unset */
  g_assert_cmpint (hp_school_get_under18_expected (row), ==, HP_UNSET);
  g_assert_cmpstr (hp_school_get_handover (row), ==, "2027-06-26");
  g_assert_cmpuint (hp_school_get_graduate_count (row), ==, 0);
  g_clear_object (&row);
  g_clear_object (&list);

  /* another campaign has its own figures */
  list = hp_store_list_schools (f->store, hp_campaign_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, HP_UNSET);
  g_assert_cmpint (hp_school_get_under18_expected (row), ==, HP_UNSET);
  g_assert_null (hp_school_get_handover (row));
  g_assert_cmpuint (hp_school_get_graduate_count (row), ==, 1);
  g_clear_object (&row);
  g_clear_object (&list);

  /* no campaign: no figures */
  list = hp_store_list_schools (f->store, 0, &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, HP_UNSET);
  g_assert_null (hp_school_get_handover (row));
  g_clear_object (&row);
  g_clear_object (&list);

  /* changing back to unset persists as unset */
  hp_school_set_expected_graduates (a, HP_UNSET);
  hp_school_set_handover (a, NULL);
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), a, &error));
  g_assert_no_error (error);
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, HP_UNSET);
  g_assert_cmpint (hp_school_get_under18_expected (row), ==, 5);
  g_assert_null (hp_school_get_handover (row));
  g_clear_object (&row);
  g_clear_object (&list);

  /* invalid hand-over */
  hp_school_set_handover (b, "2027-06-25T25:00");
  g_assert_false (hp_store_set_school_campaign (f->store, cid (f), b, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  hp_school_set_handover (b, "25.06.2027");
  g_assert_false (hp_store_set_school_campaign (f->store, cid (f), b, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (b));
  g_assert_cmpstr (hp_school_get_handover (row), ==, "2027-06-26");
}

static void
test_school_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) a = add_school (f->store, "100001", "Gymnasium A");
  g_autoptr(HpSchool) b = add_school (f->store, "100002", "Gymnasium B");
  g_autoptr(HpSchool) dup = hp_school_new ("100001", "Doppelt");
  g_autoptr(HpSchool) no_number = hp_school_new ("", "Ohne Nummer");
  g_autoptr(HpSchool) no_name = hp_school_new ("100009", "");
  g_autoptr(HpSchool) got = NULL;

  g_assert_false (hp_store_add_school (f->store, dup, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (hp_school_get_id (dup), ==, 0);
  g_clear_error (&error);

  hp_school_set_number (b, "100001");
  g_assert_false (hp_store_update_school (f->store, b, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (hp_store_add_school (f->store, no_number, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hp_store_add_school (f->store, no_name, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count_schools (f->store), ==, 2);
  got = hp_store_get_school (f->store, hp_school_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_school_get_number (got), ==, "100002");
  g_clear_object (&got);
  got = hp_store_find_school (f->store, "100001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_school_get_id (got), ==, hp_school_get_id (a));
  g_assert_cmpstr (hp_school_get_name (got), ==, "Gymnasium A");
}

static void
test_school_in_use (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = add_school (f->store, "100001", "Gymnasium A");
  g_autoptr(HpGraduate) g1 = add_graduate (f->store, cid (f), hp_school_get_id (s), "Q2", "Adler", "Anna");
  g_autoptr(HpGraduate) g2 = add_graduate (f->store, cid (f), hp_school_get_id (s), "Q2", "Berg", "Ben");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpSchool) still = NULL;

  g_assert_false (hp_store_remove_school (f->store, hp_school_get_id (s), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  still = hp_store_get_school (f->store, hp_school_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_schools (f->store), ==, 1);
  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  g_clear_object (&list);

  g_assert_true (hp_store_remove_graduate (f->store, hp_graduate_get_id (g1), &error));
  g_assert_no_error (error);
  g_assert_false (hp_store_remove_school (f->store, hp_school_get_id (s), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (hp_store_remove_graduate (f->store, hp_graduate_get_id (g2), &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_remove_school (f->store, hp_school_get_id (s), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_schools (f->store), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Graduates                                                                 */

static void
test_graduate_roundtrip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = add_school (f->store, "100001", "Gymnasium Winterberg");
  g_autoptr(HpSchool) s2 = add_school (f->store, "100002", "Gymnasium Olsberg");
  g_autoptr(HpGraduate) g = hp_graduate_new (cid (f), hp_school_get_id (s));
  g_autoptr(HpGraduate) anon = hp_graduate_new (cid (f), hp_school_get_id (s));
  g_autoptr(HpGraduate) got = NULL;
  g_autoptr(HpGraduate) row = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  hp_graduate_set_last_name (g, "Özdemir-Müller");
  hp_graduate_set_first_name (g, "Zoë " EMOJI);
  hp_graduate_set_class_name (g, "Q2");
  hp_graduate_set_birth_date (g, "2008-02-29");
  hp_graduate_set_consent_date (g, "2027-06-25");
  hp_graduate_set_consent_source (g, "Formular Abiball");
  hp_graduate_set_pack_received (g, TRUE);
  g_assert_true (hp_store_add_graduate (f->store, g, &error));
  g_assert_no_error (error);
  id = hp_graduate_get_id (g);
  g_assert_cmpint (id, >, 0);

  /* names are optional: counts alone work */
  g_assert_true (hp_store_add_graduate (f->store, anon, &error));
  g_assert_no_error (error);

  got = hp_store_get_graduate (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_graduate_get_id (got), ==, id);
  g_assert_cmpint (hp_graduate_get_campaign_id (got), ==, cid (f));
  g_assert_cmpint (hp_graduate_get_school_id (got), ==, hp_school_get_id (s));
  g_assert_cmpstr (hp_graduate_get_last_name (got), ==, "Özdemir-Müller");
  g_assert_cmpstr (hp_graduate_get_first_name (got), ==, "Zoë " EMOJI);
  g_assert_cmpstr (hp_graduate_get_class_name (got), ==, "Q2");
  g_assert_cmpstr (hp_graduate_get_birth_date (got), ==, "2008-02-29");
  g_assert_cmpstr (hp_graduate_get_consent_date (got), ==, "2027-06-25");
  g_assert_cmpstr (hp_graduate_get_consent_source (got), ==, "Formular Abiball");
  g_assert_true (hp_graduate_get_pack_received (got));
  g_clear_object (&got);

  got = hp_store_get_graduate (f->store, hp_graduate_get_id (anon), &error);
  g_assert_no_error (error);
  g_assert_null (hp_graduate_get_last_name (got));
  g_assert_null (hp_graduate_get_birth_date (got));
  g_assert_false (hp_graduate_get_pack_received (got));
  g_clear_object (&got);

  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  row = find_row (list, "id", id);
  g_assert_nonnull (row);
  g_assert_cmpstr (hp_graduate_get_school_name (row), ==, "Gymnasium Winterberg");
  g_assert_cmpstr (hp_graduate_get_first_name (row), ==, "Zoë " EMOJI);
  g_clear_object (&row);
  g_clear_object (&list);

  /* update: move to another school, withdraw consent */
  hp_graduate_set_school_id (g, hp_school_get_id (s2));
  hp_graduate_set_consent_date (g, NULL);
  hp_graduate_set_consent_source (g, "");
  hp_graduate_set_pack_received (g, FALSE);
  hp_graduate_set_class_name (g, "13b");
  g_assert_true (hp_store_update_graduate (f->store, g, &error));
  g_assert_no_error (error);
  got = hp_store_get_graduate (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_graduate_get_school_id (got), ==, hp_school_get_id (s2));
  g_assert_null (hp_graduate_get_consent_date (got));
  g_assert_null (hp_graduate_get_consent_source (got));
  g_assert_false (hp_graduate_get_pack_received (got));
  g_assert_cmpstr (hp_graduate_get_class_name (got), ==, "13b");
  g_assert_cmpstr (hp_graduate_get_birth_date (got), ==, "2008-02-29");
  g_clear_object (&got);

  g_assert_true (hp_store_remove_graduate (f->store, id, &error));
  g_assert_no_error (error);
  got = hp_store_get_graduate (f->store, id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);

  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
}

static void
test_graduate_invalid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = add_school (f->store, "100001", "Gymnasium");
  g_autoptr(HpGraduate) g = hp_graduate_new (cid (f), hp_school_get_id (s));
  g_autoptr(HpGraduate) no_school = hp_graduate_new (cid (f), 0);
  g_autoptr(HpGraduate) stored = add_graduate (f->store, cid (f), hp_school_get_id (s), "Q2", "Schmidt", "Lea");
  g_autoptr(HpGraduate) got = NULL;
  g_autoptr(GListModel) list = NULL;

  hp_graduate_set_birth_date (g, "2027-02-30");
  g_assert_false (hp_store_add_graduate (f->store, g, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_graduate_set_birth_date (g, "31.12.2008");
  g_assert_false (hp_store_add_graduate (f->store, g, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hp_graduate_set_birth_date (g, NULL);
  hp_graduate_set_consent_date (g, "2027-13-01");
  g_assert_false (hp_store_add_graduate (f->store, g, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hp_graduate_get_id (g), ==, 0);

  /* the school is required (which code is not specified) */
  g_assert_false (hp_store_add_graduate (f->store, no_school, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, HP_STORE_ERROR);
  g_clear_error (&error);

  hp_graduate_set_birth_date (stored, "2009-02-29");
  g_assert_false (hp_store_update_graduate (f->store, stored, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  got = hp_store_get_graduate (f->store, hp_graduate_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_null (hp_graduate_get_birth_date (got));

  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
}

static void
test_graduate_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) b = add_school (f->store, "100002", "Schule B");
  g_autoptr(HpSchool) a = add_school (f->store, "100001", "Schule A");
  g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);
  g_autoptr(GListModel) list = NULL;
  static const struct { const char *cls, *last, *first; } expected[] = {
    { "Q1", "Zander", "Carl" },
    { "Q2", "Berg", "Anna" },
    { "Q2", "Zander", "Anna" },
    { "Q2", "Zander", "Ben" },
  };

  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);

  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (b), "Q1", "Adler", "Ada"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (a), "Q2", "Zander", "Ben"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (a), "Q2", "Berg", "Anna"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (a), "Q1", "Zander", "Carl"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (a), "Q2", "Zander", "Anna"));
  g_object_unref (add_graduate (f->store, hp_campaign_get_id (other), hp_school_get_id (a), "Q2", "Früher", "Fritz"));

  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HpGraduate) g = hp_test_list_get (list, i);

      g_assert_cmpint (hp_graduate_get_school_id (g), ==, hp_school_get_id (a));
      g_assert_cmpstr (hp_graduate_get_class_name (g), ==, expected[i].cls);
      g_assert_cmpstr (hp_graduate_get_last_name (g), ==, expected[i].last);
      g_assert_cmpstr (hp_graduate_get_first_name (g), ==, expected[i].first);
    }
  {
    g_autoptr(HpGraduate) last = hp_test_list_get (list, 4);

    g_assert_cmpint (hp_graduate_get_school_id (last), ==, hp_school_get_id (b));
    g_assert_cmpstr (hp_graduate_get_school_name (last), ==, "Schule B");
  }
  g_clear_object (&list);

  list = hp_store_list_graduates (f->store, cid (f), hp_school_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  g_clear_object (&list);

  list = hp_store_list_graduates (f->store, hp_campaign_get_id (other), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  {
    g_autoptr(HpGraduate) g = hp_test_list_get (list, 0);

    g_assert_cmpstr (hp_graduate_get_last_name (g), ==, "Früher");
  }
}

/* ------------------------------------------------------------------------ */
/* Missing rows                                                              */

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const gint64 missing = 987654;

#define EXPECT_NOT_FOUND(call)                                            \
  G_STMT_START {                                                          \
    gpointer obj_ = (call);                                               \
    g_assert_null (obj_);                                                 \
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);     \
    g_clear_error (&error);                                               \
  } G_STMT_END
#define EXPECT_FAIL_NOT_FOUND(call)                                       \
  G_STMT_START {                                                          \
    g_assert_false (call);                                                \
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);     \
    g_clear_error (&error);                                               \
  } G_STMT_END

  EXPECT_NOT_FOUND (hp_store_get_campaign (f->store, missing, &error));
  EXPECT_NOT_FOUND (hp_store_find_campaign (f->store, "Gibt es nicht", &error));
  EXPECT_NOT_FOUND (hp_store_find_campaign (f->store, "987654", &error));
  EXPECT_NOT_FOUND (hp_store_get_sponsor (f->store, missing, &error));
  EXPECT_NOT_FOUND (hp_store_get_product (f->store, missing, &error));
  EXPECT_NOT_FOUND (hp_store_get_school (f->store, missing, &error));
  EXPECT_NOT_FOUND (hp_store_find_school (f->store, "999999", &error));
  EXPECT_NOT_FOUND (hp_store_get_graduate (f->store, missing, &error));
  EXPECT_NOT_FOUND (hp_store_clone_campaign (f->store, missing, "Klon", 2030, &error));

  EXPECT_FAIL_NOT_FOUND (hp_store_remove_sponsor (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_product (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_school (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_graduate (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_campaign (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_pledge (f->store, missing, &error));
  EXPECT_FAIL_NOT_FOUND (hp_store_remove_receipt (f->store, missing, &error));

  {
    g_autoptr(HpSponsor) s = hp_sponsor_new ("Niemand");
    g_autoptr(HpSchool) sc = hp_school_new ("424242", "Nirgendwo");

    hp_sponsor_set_id (s, missing);
    EXPECT_FAIL_NOT_FOUND (hp_store_update_sponsor (f->store, s, &error));
    hp_school_set_id (sc, missing);
    EXPECT_FAIL_NOT_FOUND (hp_store_update_school (f->store, sc, &error));
  }

  g_assert_cmpuint (count_sponsors (f->store), ==, 0);
  g_assert_cmpuint (count_schools (f->store), ==, 0);

#undef EXPECT_NOT_FOUND
#undef EXPECT_FAIL_NOT_FOUND
}

/* ------------------------------------------------------------------------ */
/* Transactions                                                              */

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Eins"));
  g_object_unref (add_sponsor (f->store, "Zwei"));
  g_object_unref (add_school (f->store, "100001", "Schule"));
  g_assert_cmpuint (count_sponsors (f->store), ==, 2);
  hp_store_rollback (f->store);

  g_assert_cmpuint (count_sponsors (f->store), ==, 0);
  g_assert_cmpuint (count_schools (f->store), ==, 0);

  /* the store is usable afterwards, and a commit keeps */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Drei"));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sponsors (f->store), ==, 1);
}

static void
test_transaction_nested (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HpSponsor) s = NULL;

  /* inner commit inside an outer rollback: all gone */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Außen"));
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Innen"));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sponsors (f->store), ==, 2);
  hp_store_rollback (f->store);
  g_assert_cmpuint (count_sponsors (f->store), ==, 0);

  /* inner rollback inside an outer commit: only the inner part goes */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Außen"));
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_sponsor (f->store, "Innen"));
  hp_store_rollback (f->store);
  g_assert_cmpuint (count_sponsors (f->store), ==, 1);
  g_object_unref (add_sponsor (f->store, "Danach"));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);

  list = hp_store_list_sponsors (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  s = hp_test_list_get (list, 0);
  g_assert_cmpstr (hp_sponsor_get_name (s), ==, "Außen");
  g_clear_object (&s);
  s = hp_test_list_get (list, 1);
  g_assert_cmpstr (hp_sponsor_get_name (s), ==, "Danach");
}

static void
test_failed_write_in_transaction (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) dup = hp_school_new ("100001", "Doppelt");

  /* an error inside a caller's transaction does not end it */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (add_school (f->store, "100001", "Erste"));
  g_assert_false (hp_store_add_school (f->store, dup, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_unref (add_school (f->store, "100002", "Zweite"));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_schools (f->store), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Clone, remove, stats                                                      */

typedef struct
{
  HpSponsor *sponsor;
  HpProduct *beer, *juice, *pump;
  HpPledge  *pledge_beer, *pledge_pump;
  HpSchool  *a, *b, *c;
} Scenario;

static void
scenario_fill (Fixture  *f,
               Scenario *sc)
{
  g_autoptr(GError) error = NULL;

  sc->sponsor = add_sponsor (f->store, "Brauerei Veltins");
  sc->beer = add_product (f->store, hp_sponsor_get_id (sc->sponsor), "Pils", 99, TRUE);
  sc->juice = add_product (f->store, hp_sponsor_get_id (sc->sponsor), "Apfelschorle", 89, FALSE);
  sc->pump = add_product (f->store, hp_sponsor_get_id (sc->sponsor), "Fahrradpumpe", 1299, FALSE);

  sc->pledge_beer = hp_pledge_new (cid (f), hp_product_get_id (sc->beer), 500);
  hp_pledge_set_due_date (sc->pledge_beer, "2027-05-01");
  g_assert_true (hp_store_add_pledge (f->store, sc->pledge_beer, &error));
  g_assert_no_error (error);
  sc->pledge_pump = add_pledge (f->store, cid (f), hp_product_get_id (sc->pump), 300);
  add_receipt (f->store, hp_pledge_get_id (sc->pledge_beer), "2027-04-01", 200);
  add_receipt (f->store, hp_pledge_get_id (sc->pledge_pump), "2027-04-02", 300);

  set_recipe (f->store, cid (f), hp_product_get_id (sc->beer), 1, 0, 0);
  set_recipe (f->store, cid (f), hp_product_get_id (sc->juice), 0, 1, 1);
  set_recipe (f->store, cid (f), hp_product_get_id (sc->pump), 1, 1, 2);

  sc->a = add_school (f->store, "100001", "Gymnasium A");
  sc->b = add_school (f->store, "100002", "Gymnasium B");
  sc->c = add_school (f->store, "100003", "Gymnasium C (nicht dabei)");
  hp_school_set_expected_graduates (sc->a, 80);
  hp_school_set_handover (sc->a, "2027-06-25T11:00");
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), sc->a, &error));
  g_assert_no_error (error);
  hp_school_set_expected_graduates (sc->b, 45);
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), sc->b, &error));
  g_assert_no_error (error);

  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (sc->a), "Q2", "Adler", "Ada"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (sc->a), "Q2", "Berg", "Ben"));
  g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (sc->b), "Q2", "Claas", "Cem"));
}

static void
scenario_clear (Scenario *sc)
{
  g_clear_object (&sc->sponsor);
  g_clear_object (&sc->beer);
  g_clear_object (&sc->juice);
  g_clear_object (&sc->pump);
  g_clear_object (&sc->pledge_beer);
  g_clear_object (&sc->pledge_pump);
  g_clear_object (&sc->a);
  g_clear_object (&sc->b);
  g_clear_object (&sc->c);
}

static void
test_clone_campaign (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) clone = NULL;
  g_autoptr(HpCampaign) dup = NULL;
  g_autoptr(HpCampaign) got = NULL;
  g_autoptr(GListModel) list = NULL;
  Scenario sc = { 0, };
  gint64 new_id;

  scenario_fill (f, &sc);

  clone = hp_store_clone_campaign (f->store, cid (f), "Heimvorteil2GO 2028", 2028, &error);
  g_assert_no_error (error);
  g_assert_nonnull (clone);
  new_id = hp_campaign_get_id (clone);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (new_id, !=, cid (f));
  g_assert_cmpstr (hp_campaign_get_name (clone), ==, "Heimvorteil2GO 2028");
  g_assert_cmpint (hp_campaign_get_year (clone), ==, 2028);

  got = hp_store_get_campaign (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_campaign_get_name (got), ==, "Heimvorteil2GO 2028");
  g_clear_object (&got);

  got = hp_store_get_current_campaign (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_campaign_get_id (got), ==, new_id);
  g_clear_object (&got);

  /* pledges: unconfirmed requests, same quantity, no due date, no receipts */
  list = hp_store_list_pledges (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HpPledge) p = hp_test_list_get (list, i);
      gint64 expected = hp_pledge_get_product_id (p) == hp_product_get_id (sc.beer) ? 500 : 300;

      g_assert_cmpint (hp_pledge_get_campaign_id (p), ==, new_id);
      g_assert_false (hp_pledge_get_confirmed (p));
      g_assert_cmpint (hp_pledge_get_quantity (p), ==, expected);
      g_assert_null (hp_pledge_get_due_date (p));
      g_assert_cmpint (hp_pledge_get_received (p), ==, 0);
      g_assert_cmpint (hp_pledge_get_id (p), !=, hp_pledge_get_id (sc.pledge_beer));
      g_assert_cmpint (hp_pledge_get_id (p), !=, hp_pledge_get_id (sc.pledge_pump));
    }
  g_clear_object (&list);
  {
    g_autoptr(GListModel) src = hp_store_list_pledges (f->store, new_id, &error);
    g_autoptr(HpPledge) pb = NULL;
    g_autoptr(GListModel) receipts = NULL;

    g_assert_no_error (error);
    pb = find_row (src, "product-id", hp_product_get_id (sc.pump));
    g_assert_nonnull (pb);
    receipts = hp_store_list_receipts (f->store, hp_pledge_get_id (pb), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hp_test_list_count (receipts), ==, 0);
  }

  /* the recipe */
  list = hp_store_list_recipe (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  {
    g_autoptr(HpRecipeItem) beer = find_row (list, "product-id", hp_product_get_id (sc.beer));
    g_autoptr(HpRecipeItem) juice = find_row (list, "product-id", hp_product_get_id (sc.juice));
    g_autoptr(HpRecipeItem) pump = find_row (list, "product-id", hp_product_get_id (sc.pump));

    g_assert_nonnull (beer);
    g_assert_nonnull (juice);
    g_assert_nonnull (pump);
    g_assert_cmpint (hp_recipe_item_get_campaign_id (beer), ==, new_id);
    g_assert_cmpuint (hp_recipe_item_get_per_standard (beer), ==, 1);
    g_assert_cmpuint (hp_recipe_item_get_per_under18 (beer), ==, 0);
    g_assert_cmpuint (hp_recipe_item_get_per_standard (juice), ==, 0);
    g_assert_cmpuint (hp_recipe_item_get_per_under18 (juice), ==, 1);
    g_assert_cmpuint (hp_recipe_item_get_per_standard (pump), ==, 1);
    g_assert_cmpuint (hp_recipe_item_get_per_under18 (pump), ==, 1);
  }
  g_clear_object (&list);

  /* the schools' expected graduates, no hand-over, no graduates */
  list = hp_store_list_schools (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  {
    g_autoptr(HpSchool) a = find_row (list, "id", hp_school_get_id (sc.a));
    g_autoptr(HpSchool) b = find_row (list, "id", hp_school_get_id (sc.b));
    g_autoptr(HpSchool) c = find_row (list, "id", hp_school_get_id (sc.c));

    g_assert_cmpint (hp_school_get_expected_graduates (a), ==, 80);
    g_assert_null (hp_school_get_handover (a));
    g_assert_cmpuint (hp_school_get_graduate_count (a), ==, 0);
    g_assert_cmpint (hp_school_get_expected_graduates (b), ==, 45);
    g_assert_cmpuint (hp_school_get_graduate_count (b), ==, 0);
    g_assert_cmpint (hp_school_get_expected_graduates (c), ==, HP_UNSET);
  }
  g_clear_object (&list);

  list = hp_store_list_graduates (f->store, new_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
  g_clear_object (&list);

  /* last year is untouched */
  list = hp_store_list_graduates (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 3);
  g_clear_object (&list);
  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  {
    g_autoptr(HpPledge) p = find_row (list, "id", hp_pledge_get_id (sc.pledge_beer));

    g_assert_true (hp_pledge_get_confirmed (p));
    g_assert_cmpint (hp_pledge_get_received (p), ==, 200);
    g_assert_cmpstr (hp_pledge_get_due_date (p), ==, "2027-05-01");
  }
  g_clear_object (&list);
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  {
    g_autoptr(HpSchool) a = find_row (list, "id", hp_school_get_id (sc.a));

    g_assert_cmpstr (hp_school_get_handover (a), ==, "2027-06-25T11:00");
    g_assert_cmpuint (hp_school_get_graduate_count (a), ==, 2);
  }
  g_clear_object (&list);

  /* a clone under a taken name fails and adds nothing */
  dup = hp_store_clone_campaign (f->store, cid (f), "Heimvorteil2GO 2028", 2029, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_assert_null (dup);
  g_clear_error (&error);
  list = hp_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  g_clear_object (&list);

  scenario_clear (&sc);
}

static void
test_remove_campaign (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  HpStoreStats stats;
  Scenario sc = { 0, };

  scenario_fill (f, &sc);

  g_assert_true (hp_store_remove_campaign (f->store, cid (f), &error));
  g_assert_no_error (error);

  stats = get_stats (f->store);
  g_assert_cmpuint (stats.campaigns, ==, 0);
  g_assert_cmpuint (stats.sponsors, ==, 1);
  g_assert_cmpuint (stats.products, ==, 3);
  g_assert_cmpuint (stats.schools, ==, 3);
  g_assert_cmpuint (stats.graduates, ==, 0);

  list = hp_store_list_pledges (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
  g_clear_object (&list);
  list = hp_store_list_recipe (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
  g_clear_object (&list);

  /* nothing refers to products and schools any more */
  g_assert_true (hp_store_remove_product (f->store, hp_product_get_id (sc.beer), &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_remove_school (f->store, hp_school_get_id (sc.a), &error));
  g_assert_no_error (error);

  scenario_clear (&sc);
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HpStore) empty = hp_test_store_new_memory ();
  HpStoreStats stats;
  Scenario sc = { 0, };

  stats = get_stats (empty);
  g_assert_cmpuint (stats.campaigns, ==, 0);
  g_assert_cmpuint (stats.sponsors, ==, 0);
  g_assert_cmpuint (stats.products, ==, 0);
  g_assert_cmpuint (stats.schools, ==, 0);
  g_assert_cmpuint (stats.graduates, ==, 0);

  scenario_fill (f, &sc);
  g_object_unref (add_sponsor (f->store, "Noch ein Sponsor"));
  {
    g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);
    g_autoptr(GError) error = NULL;

    g_assert_true (hp_store_add_campaign (f->store, other, &error));
    g_assert_no_error (error);
    g_object_unref (add_graduate (f->store, hp_campaign_get_id (other), hp_school_get_id (sc.c), NULL, NULL, NULL));
  }

  stats = get_stats (f->store);
  g_assert_cmpuint (stats.campaigns, ==, 2);
  g_assert_cmpuint (stats.sponsors, ==, 2);
  g_assert_cmpuint (stats.products, ==, 3);
  g_assert_cmpuint (stats.schools, ==, 3);
  g_assert_cmpuint (stats.graduates, ==, 4);   /* over all campaigns */

  scenario_clear (&sc);
}

/* ------------------------------------------------------------------------ */
/* Misc                                                                      */

static void
test_memory_store (void)
{
  g_autoptr(HpStore) a = hp_test_store_new_memory ();
  g_autoptr(HpStore) b = hp_test_store_new_memory ();

  g_assert_cmpint (hp_store_get_schema_version (a), ==, HP_STORE_SCHEMA_VERSION);
  g_assert_false (hp_store_is_read_only (a));
  g_assert_cmpstr (hp_store_get_path (a), ==, ":memory:");

  /* two memory stores are private to each other */
  g_object_unref (add_sponsor (a, "Nur in A"));
  g_assert_cmpuint (count_sponsors (a), ==, 1);
  g_assert_cmpuint (count_sponsors (b), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
test_guards (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(HpSponsor) s = hp_sponsor_new ("X");
      g_autoptr(GError) error = NULL;

      hp_store_add_sponsor (NULL, s, &error);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*HP_IS_STORE*");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* report every failing case, not only the first one */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/heimpack/store/memory", test_memory_store);
  g_test_add_func ("/heimpack/store/guards", test_guards);
  g_test_add_func ("/heimpack/store/campaign/current", test_campaign_current);
  TEST ("campaign/roundtrip", test_campaign_roundtrip);
  TEST ("campaign/order", test_campaign_order);
  TEST ("campaign/invalid", test_campaign_invalid);
  TEST ("campaign/clone", test_clone_campaign);
  TEST ("campaign/remove", test_remove_campaign);
  TEST ("sponsor/roundtrip", test_sponsor_roundtrip);
  TEST ("sponsor/order", test_sponsor_order);
  TEST ("sponsor/order-umlauts", test_sponsor_order_umlauts);
  TEST ("sponsor/invalid", test_sponsor_invalid);
  TEST ("sponsor/in-use", test_sponsor_in_use);
  TEST ("sponsor/figures", test_sponsor_figures);
  TEST ("product/roundtrip", test_product_roundtrip);
  TEST ("product/order-filter", test_product_order_filter);
  TEST ("product/figures", test_product_figures);
  TEST ("product/in-use", test_product_in_use);
  TEST ("product/invalid", test_product_invalid);
  TEST ("pledge/roundtrip", test_pledge_roundtrip);
  TEST ("pledge/invalid", test_pledge_invalid);
  TEST ("pledge/negative-quantity", test_negative_quantity);
  TEST ("recipe", test_recipe);
  TEST ("school/roundtrip", test_school_roundtrip);
  TEST ("school/order", test_school_order);
  TEST ("school/campaign", test_school_campaign);
  TEST ("school/invalid", test_school_invalid);
  TEST ("school/in-use", test_school_in_use);
  TEST ("graduate/roundtrip", test_graduate_roundtrip);
  TEST ("graduate/invalid", test_graduate_invalid);
  TEST ("graduate/order", test_graduate_order);
  TEST ("hostile-names", test_hostile_names);
  TEST ("not-found", test_not_found);
  TEST ("transaction/rollback", test_transaction_rollback);
  TEST ("transaction/nested", test_transaction_nested);
  TEST ("transaction/failed-write", test_failed_write_in_transaction);
  TEST ("stats", test_stats);

  return g_test_run ();
}
