/* test-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore on a private ":memory:" database: campaigns, cloning and removing
 * them, the error codes of the contract, transactions and statistics.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-store-fixture.h"

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

  set_recipe (f->store, cid (f), hp_product_get_item_id (sc->beer), 1, 0, 0);
  set_recipe (f->store, cid (f), hp_product_get_item_id (sc->juice), 0, 1, 1);
  set_recipe (f->store, cid (f), hp_product_get_item_id (sc->pump), 1, 1, 2);

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
  /* a's list is complete this year */
  g_assert_true (hp_store_set_school_list_complete (f->store, cid (f), hp_school_get_id (sc->a), TRUE, &error));
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
    g_autoptr(HpRecipeItem) beer = find_row (list, "item-id", hp_product_get_item_id (sc.beer));
    g_autoptr(HpRecipeItem) juice = find_row (list, "item-id", hp_product_get_item_id (sc.juice));
    g_autoptr(HpRecipeItem) pump = find_row (list, "item-id", hp_product_get_item_id (sc.pump));

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
    /* in the same packing order, with the items' names */
    g_assert_cmpint (hp_recipe_item_get_position (beer), ==, 0);
    g_assert_cmpint (hp_recipe_item_get_position (juice), ==, 1);
    g_assert_cmpint (hp_recipe_item_get_position (pump), ==, 2);
    g_assert_cmpstr (hp_recipe_item_get_item_name (beer), ==, "Pils");
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
    /* a new year's list is not complete yet */
    g_assert_false (hp_school_get_list_complete (a));
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
    g_assert_true (hp_school_get_list_complete (a));
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

/* ------------------------------------------------------------------------ */
/* The agency                                                                */

static void
count_changes_cb (HpStore        *store,
                  HpStoreChanges  changes,
                  gpointer        user_data)
{
  HpStoreChanges *seen = user_data;

  *seen |= changes;
}

/* The file's agency: empty in a new file, stored trimmed ("" and blanks
 * as nothing), announced once per real change and not at all when nothing
 * changed. */
static void
test_agency (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpAgency) agency = hp_store_get_agency (f->store, &error);
  g_autoptr(HpAgency) read = NULL;
  HpStoreChanges seen = 0;

  g_assert_no_error (error);
  g_assert_true (hp_agency_is_empty (agency));

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changes_cb), &seen);

  hp_agency_set_name (agency, "  Regionalagentur Südwestfalen ");
  hp_agency_set_street (agency, "Brückenplatz 1");
  hp_agency_set_postcode (agency, "59821");
  hp_agency_set_town (agency, "Arnsberg");
  hp_agency_set_phone (agency, "   ");
  hp_agency_set_email (agency, "info@agentur.example");
  g_assert_true (hp_store_set_agency (f->store, agency, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, HP_STORE_CHANGED (HP_RECORD_AGENCY));

  read = hp_store_get_agency (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_agency_get_name (read), ==, "Regionalagentur Südwestfalen");
  g_assert_cmpstr (hp_agency_get_street (read), ==, "Brückenplatz 1");
  g_assert_cmpstr (hp_agency_get_postcode (read), ==, "59821");
  g_assert_cmpstr (hp_agency_get_town (read), ==, "Arnsberg");
  g_assert_null (hp_agency_get_phone (read));
  g_assert_cmpstr (hp_agency_get_email (read), ==, "info@agentur.example");
  g_assert_false (hp_agency_is_empty (read));

  /* the same values again: nothing written, nothing announced */
  seen = 0;
  g_assert_true (hp_store_set_agency (f->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 0);

  /* in a transaction the change is announced at its commit */
  g_assert_true (hp_store_begin (f->store, &error));
  hp_agency_set_phone (read, "02931 94-0");
  g_assert_true (hp_store_set_agency (f->store, read, &error));
  g_assert_cmpuint (seen, ==, 0);
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, HP_STORE_CHANGED (HP_RECORD_AGENCY));

  /* clearing a field clears it in the file */
  hp_agency_set_street (read, NULL);
  g_assert_true (hp_store_set_agency (f->store, read, &error));
  g_clear_object (&agency);
  agency = hp_store_get_agency (f->store, &error);
  g_assert_null (hp_agency_get_street (agency));
  g_assert_cmpstr (hp_agency_get_phone (agency), ==, "02931 94-0");

  g_signal_handlers_disconnect_by_func (f->store, count_changes_cb, &seen);
}

/* An e-mail address that is none is refused, and nothing of the row is
 * written (not the name beside it either). A foreign postcode is fine. */
static void
test_agency_invalid (Fixture       *f,
                     gconstpointer  data)
{
  const char *refused[] = { "info", "@agentur.example", "info@", "a@b@c", "info @agentur.example",
                            "a@example.org, b@example.org", "Agentur <info@agentur.example>" };
  g_autoptr(HpAgency) agency = hp_agency_new ();
  g_autoptr(HpAgency) read = NULL;
  g_autoptr(GError) error = NULL;

  hp_agency_set_name (agency, "Agentur");
  hp_agency_set_postcode (agency, "A-6020");
  g_assert_true (hp_store_set_agency (f->store, agency, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      hp_agency_set_name (agency, "Andere Agentur");
      hp_agency_set_email (agency, refused[i]);
      g_assert_false (hp_store_set_agency (f->store, agency, &error));
      g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i]));
      g_clear_error (&error);
    }

  read = hp_store_get_agency (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_agency_get_name (read), ==, "Agentur");
  g_assert_cmpstr (hp_agency_get_postcode (read), ==, "A-6020");
  g_assert_null (hp_agency_get_email (read));
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
  TEST ("not-found", test_not_found);
  TEST ("transaction/rollback", test_transaction_rollback);
  TEST ("transaction/nested", test_transaction_nested);
  TEST ("transaction/failed-write", test_failed_write_in_transaction);
  TEST ("stats", test_stats);
  TEST ("agency", test_agency);
  TEST ("agency/invalid", test_agency_invalid);

  return g_test_run ();
}
