/* test-store-undo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore: removing with undo (hp_store_remove / hp_store_restore), the
 * HpStore::changed signal, booking deliveries, and streaming graduates.
 */

#include "config.h"

#include <locale.h>

#include "test-store-fixture.h"

/* Every readable property of @a equals @b's. */
static void
assert_same_object (gpointer a,
                    gpointer b)
{
  guint n_props = 0;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_props);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, props[i]->value_type);
      g_value_init (&vb, props[i]->value_type);
      g_object_get_property (a, props[i]->name, &va);
      g_object_get_property (b, props[i]->name, &vb);
      if (g_param_values_cmp (props[i], &va, &vb) != 0)
        g_error ("property %s differs", props[i]->name);
    }
}

/* ------------------------------------------------------------------------ */
/* Remove and restore                                                        */

static void
test_undo_sponsor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, UMLAUTS);
  g_autoptr(HpSponsor) before = NULL;
  g_autoptr(HpSponsor) after = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  gint64 id = hp_sponsor_get_id (sponsor);

  hp_sponsor_set_contact (sponsor, "Anna Kemper");
  hp_sponsor_set_email (sponsor, "anna@example.org");
  hp_sponsor_set_notes (sponsor, EMOJI);
  g_assert_true (hp_store_update_sponsor (f->store, sponsor, &error));
  before = hp_store_get_sponsor (f->store, id, &error);
  g_assert_no_error (error);

  removal = hp_store_remove (f->store, HP_RECORD_SPONSOR, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_cmpint (hp_store_removal_get_kind (removal), ==, HP_RECORD_SPONSOR);
  g_assert_cmpint (hp_store_removal_get_id (removal), ==, id);
  g_assert_cmpuint (count_sponsors (f->store), ==, 0);

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);

  after = hp_store_get_sponsor (f->store, id, &error);
  g_assert_no_error (error);
  assert_same_object (before, after);
}

static void
test_undo_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Brauerei Veltins");
  g_autoptr(HpProduct) product = add_product (f->store, hp_sponsor_get_id (sponsor), "Pils", 95, TRUE);
  g_autoptr(HpStoreRemoval) removal = NULL;

  /* The kind's own refusal applies: nothing removed, nothing to undo. */
  removal = hp_store_remove (f->store, HP_RECORD_SPONSOR, hp_sponsor_get_id (sponsor), &error);
  g_assert_null (removal);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_assert_cmpuint (count_sponsors (f->store), ==, 1);
  g_clear_error (&error);

  removal = hp_store_remove (f->store, HP_RECORD_GRADUATE, 4711, &error);
  g_assert_null (removal);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_school (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "170123", "Gymnasium Arnsberg");
  g_autoptr(HpCampaign) other = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) before_other = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) after_other = NULL;
  gint64 id = hp_school_get_id (school);

  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  hp_school_set_postcode (school, "59821");
  hp_school_set_expected_graduates (school, 85);
  hp_school_set_handover (school, "2027-06-25T11:00");
  g_assert_true (hp_store_update_school (f->store, school, &error));
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), school, &error));
  hp_school_set_expected_graduates (school, 90);
  hp_school_set_handover (school, NULL);
  g_assert_true (hp_store_set_school_campaign (f->store, hp_campaign_get_id (other), school, &error));
  g_assert_no_error (error);

  before = hp_store_list_schools (f->store, cid (f), &error);
  before_other = hp_store_list_schools (f->store, hp_campaign_get_id (other), &error);

  /* The school and its figures in both campaigns go … */
  removal = hp_store_remove (f->store, HP_RECORD_SCHOOL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_schools (f->store), ==, 0);

  /* … and come back exactly, figures included. */
  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  after = hp_store_list_schools (f->store, cid (f), &error);
  after_other = hp_store_list_schools (f->store, hp_campaign_get_id (other), &error);
  g_assert_cmpuint (hp_test_list_count (after), ==, 1);
  {
    g_autoptr(HpSchool) a = hp_test_list_get (before, 0);
    g_autoptr(HpSchool) b = hp_test_list_get (after, 0);
    g_autoptr(HpSchool) c = hp_test_list_get (before_other, 0);
    g_autoptr(HpSchool) d = hp_test_list_get (after_other, 0);

    assert_same_object (a, b);
    assert_same_object (c, d);
    g_assert_cmpint (hp_school_get_expected_graduates (b), ==, 85);
    g_assert_cmpint (hp_school_get_expected_graduates (d), ==, 90);
  }
}

static void
test_undo_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "170123", "Gymnasium Arnsberg");
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpSchool) newcomer = NULL;

  removal = hp_store_remove (f->store, HP_RECORD_SCHOOL, hp_school_get_id (school), &error);
  g_assert_no_error (error);

  /* Someone takes the number in the meantime: the undo must fail cleanly. */
  newcomer = add_school (f->store, "170123", "Gesamtschule Arnsberg");
  g_assert_false (hp_store_restore (f->store, removal, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (count_schools (f->store), ==, 1);
}

static void
test_undo_graduate_and_campaign (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "170123", "Gymnasium Arnsberg");
  g_autoptr(HpGraduate) graduate = NULL;
  g_autoptr(HpGraduate) before = NULL;
  g_autoptr(HpGraduate) after = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpStoreRemoval) campaign_removal = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Nussrösterei Kemper");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (sponsor), "Erdnüsse", 199, FALSE);
  g_autoptr(HpPledge) pledge = add_pledge (f->store, cid (f), hp_product_get_id (nuts), 500);
  HpStoreStats stats;

  graduate = add_graduate (f->store, cid (f), hp_school_get_id (school), "Q2", "Müller", "Lena");
  hp_graduate_set_birth_date (graduate, "2009-03-05");
  hp_graduate_set_consent_date (graduate, "2027-03-15");
  hp_graduate_set_consent_source (graduate, "Formular Abiball");
  g_assert_true (hp_store_update_graduate (f->store, graduate, &error));
  before = hp_store_get_graduate (f->store, hp_graduate_get_id (graduate), &error);
  add_receipt (f->store, hp_pledge_get_id (pledge), "2027-04-01", 200);
  set_recipe (f->store, cid (f), hp_product_get_item_id (nuts), 1, 1, 0);

  removal = hp_store_remove (f->store, HP_RECORD_GRADUATE, hp_graduate_get_id (graduate), &error);
  g_assert_no_error (error);
  g_assert_true (hp_store_restore (f->store, removal, &error));
  after = hp_store_get_graduate (f->store, hp_graduate_get_id (graduate), &error);
  g_assert_no_error (error);
  assert_same_object (before, after);

  /* A whole campaign: pledges, receipts, recipe, graduates come back. */
  campaign_removal = hp_store_remove (f->store, HP_RECORD_CAMPAIGN, cid (f), &error);
  g_assert_no_error (error);
  stats = get_stats (f->store);
  g_assert_cmpuint (stats.campaigns, ==, 0);
  g_assert_cmpuint (stats.graduates, ==, 0);

  g_assert_true (hp_store_restore (f->store, campaign_removal, &error));
  g_assert_no_error (error);
  stats = get_stats (f->store);
  g_assert_cmpuint (stats.campaigns, ==, 1);
  g_assert_cmpuint (stats.graduates, ==, 1);
  {
    g_autoptr(HpPledge) p = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (nuts), &error);
    g_autoptr(GListModel) recipe = hp_store_list_recipe (f->store, cid (f), &error);

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_quantity (p), ==, 500);
    g_assert_cmpint (hp_pledge_get_received (p), ==, 200);
    g_assert_cmpuint (hp_test_list_count (recipe), ==, 1);
  }
}

/* The pack contents of @campaign_id as "name std/u18@position, …". */
static char *
recipe_string (HpStore *store,
               gint64   campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = hp_store_list_recipe (store, campaign_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(HpRecipeItem) line = g_list_model_get_item (lines, i);

      g_string_append_printf (out, "%s%s %u/%u@%d", i ? ", " : "", hp_recipe_item_get_item_name (line),
                              hp_recipe_item_get_per_standard (line), hp_recipe_item_get_per_under18 (line),
                              hp_recipe_item_get_position (line));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A booking removed by mistake comes back exactly, and so do the pieces
 * received: 30 + 20 booked, 20 removed → 30, restored → 50. */
static void
test_undo_receipt (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (sponsor), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpReceipt) first = NULL;
  g_autoptr(HpReceipt) second = NULL;
  g_autoptr(HpReceipt) before = NULL;
  g_autoptr(HpReceipt) after = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpPledge) pledge = NULL;
  g_autoptr(GListModel) list = NULL;

  first = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (juice), "2027-04-01", 30, NULL, &error);
  g_assert_no_error (error);
  second = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (juice), "2027-04-15", 20, "Lieferschein 4711", &error);
  g_assert_no_error (error);
  before = hp_store_get_receipt (f->store, hp_receipt_get_id (second), &error);
  g_assert_no_error (error);

  removal = hp_store_remove (f->store, HP_RECORD_RECEIPT, hp_receipt_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_cmpint (hp_store_removal_get_kind (removal), ==, HP_RECORD_RECEIPT);
  list = hp_store_list_campaign_receipts (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 1);
  g_clear_object (&list);
  pledge = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (juice), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_pledge_get_received (pledge), ==, 30);
  g_clear_object (&pledge);

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  after = hp_store_get_receipt (f->store, hp_receipt_get_id (second), &error);
  g_assert_no_error (error);
  assert_same_object (before, after);
  g_assert_cmpstr (hp_receipt_get_note (after), ==, "Lieferschein 4711");
  g_assert_cmpstr (hp_receipt_get_sponsor_name (after), ==, "Mosterei Ohm");
  list = hp_store_list_campaign_receipts (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);
  pledge = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (juice), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_pledge_get_received (pledge), ==, 50);
}

/* Removing a campaign takes its pack lines (table pack_line) with it, not
 * the items; the undo brings the lines back with their pieces and places. */
static void
test_undo_campaign_pack_lines (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) kolb = add_sponsor (f->store, "Brauerei Kolb");
  g_autoptr(HpProduct) beer = add_product (f->store, hp_sponsor_get_id (kolb), "Pils 0,33 l", 95, TRUE);
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (kolb), "Apfelschorle 0,33 l", 55, FALSE);
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (kolb), "Erdnüsse 50 g", 40, FALSE);
  g_autoptr(HpCampaign) other = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *recipe_before = NULL;
  g_autofree char *recipe_after = NULL;

  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);
  set_recipe (f->store, cid (f), hp_product_get_item_id (beer), 1, 0, 0);
  set_recipe (f->store, cid (f), hp_product_get_item_id (juice), 0, 1, 2);
  set_recipe (f->store, cid (f), hp_product_get_item_id (nuts), 2, 2, 5);
  set_recipe (f->store, hp_campaign_get_id (other), hp_product_get_item_id (nuts), 3, 3, 0);
  recipe_before = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe_before, ==, "Pils 0,33 l 1/0@0, Apfelschorle 0,33 l 0/1@2, Erdnüsse 50 g 2/2@5");

  removal = hp_store_remove (f->store, HP_RECORD_CAMPAIGN, cid (f), &error);
  g_assert_no_error (error);
  recipe_after = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe_after, ==, "");
  g_clear_pointer (&recipe_after, g_free);
  /* the items stay, and the other campaign's line */
  items = hp_store_list_items (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (items), ==, 3);
  recipe_after = recipe_string (f->store, hp_campaign_get_id (other));
  g_assert_cmpstr (recipe_after, ==, "Erdnüsse 50 g 3/3@0");
  g_clear_pointer (&recipe_after, g_free);

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  recipe_after = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe_after, ==, recipe_before);
}

/* A gift removed with undo: its item stays (it may be in the pack), and the
 * gift comes back to it. */
static void
test_undo_product (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (sponsor), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpProduct) before = NULL;
  g_autoptr(HpProduct) after = NULL;
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autofree char *recipe = NULL;

  hp_product_set_best_before (juice, "2027-05-01");
  g_assert_true (hp_store_update_product (f->store, juice, &error));
  g_assert_no_error (error);
  set_recipe (f->store, cid (f), hp_product_get_item_id (juice), 1, 1, 0);
  before = hp_store_get_product (f->store, hp_product_get_id (juice), &error);
  g_assert_no_error (error);

  removal = hp_store_remove (f->store, HP_RECORD_PRODUCT, hp_product_get_id (juice), &error);
  g_assert_no_error (error);
  item = get_item (f->store, hp_product_get_item_id (juice));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 0);
  g_clear_object (&item);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 1/1@0");

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  after = hp_store_get_product (f->store, hp_product_get_id (juice), &error);
  g_assert_no_error (error);
  assert_same_object (before, after);
  item = get_item (f->store, hp_product_get_item_id (juice));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
}

/* A gift of a misspelt item removed, then the item merged away: the undo
 * brings the item back with the gift, as it was. */
static void
test_undo_product_after_merge (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpProduct) typo = add_product (f->store, hp_sponsor_get_id (sponsor), "Apfelschorle 0,33l", 60, FALSE);
  g_autoptr(HpProduct) right = add_product (f->store, hp_sponsor_get_id (sponsor), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpProduct) before = hp_store_get_product (f->store, hp_product_get_id (typo), &error);
  g_autoptr(HpProduct) after = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpItem) gone = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_item_id (typo), !=, hp_product_get_item_id (right));

  removal = hp_store_remove (f->store, HP_RECORD_PRODUCT, hp_product_get_id (typo), &error);
  g_assert_no_error (error);
  g_assert_true (hp_store_merge_items (f->store, hp_product_get_item_id (typo), hp_product_get_item_id (right),
                                       &error));
  g_assert_no_error (error);
  gone = hp_store_get_item (f->store, hp_product_get_item_id (typo), &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  after = hp_store_get_product (f->store, hp_product_get_id (typo), &error);
  g_assert_no_error (error);
  assert_same_object (before, after);
  g_assert_cmpstr (hp_product_get_name (after), ==, "Apfelschorle 0,33l");
}

/* ------------------------------------------------------------------------ */
/* HpStore::changed                                                          */

static void
changed_cb (HpStore        *store,
            HpStoreChanges  changes,
            GArray         *seen)
{
  g_array_append_val (seen, changes);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (HpStoreChanges));
  g_autoptr(HpSponsor) sponsor = NULL;
  g_autoptr(HpSchool) school = NULL;
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);

  /* A write outside a transaction: at once. */
  sponsor = add_sponsor (f->store, "Elektro Becker");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, HpStoreChanges, 0), ==, HP_STORE_CHANGED (HP_RECORD_SPONSOR));

  /* Inside a transaction: once, at the outermost commit, with every kind. */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_true (hp_store_begin (f->store, &error));
  school = add_school (f->store, "170123", "Gymnasium Arnsberg");
  g_assert_true (hp_store_commit (f->store, &error));
  {
    g_autoptr(HpProduct) p = add_product (f->store, hp_sponsor_get_id (sponsor), "USB-Stick", 590, FALSE);
  }
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  /* The first gift of "USB-Stick" made that item too. */
  g_assert_cmpuint (g_array_index (seen, HpStoreChanges, 1), ==,
                    HP_STORE_CHANGED (HP_RECORD_SCHOOL) | HP_STORE_CHANGED (HP_RECORD_PRODUCT) |
                    HP_STORE_CHANGED (HP_RECORD_ITEM));

  /* Rolled back: nothing to tell. */
  g_assert_true (hp_store_begin (f->store, &error));
  {
    g_autoptr(HpSchool) s = add_school (f->store, "170124", "Gesamtschule Arnsberg");
  }
  hp_store_rollback (f->store);
  g_assert_cmpuint (seen->len, ==, 2);

  /* A failed write tells nothing either. */
  g_assert_false (hp_store_remove_school (f->store, 4711, &error));
  g_clear_error (&error);
  g_assert_cmpuint (seen->len, ==, 2);

  g_signal_handler_disconnect (f->store, handler);
}

/* What hp_store_get_changed_row() said in each emission about graduates */
typedef struct
{
  HpStoreRowChange change;
  gint64           id;
} RowSeen;

static void
row_changed_cb (HpStore        *store,
                HpStoreChanges  changes,
                GArray         *seen)
{
  RowSeen row = { 0 };

  row.change = hp_store_get_changed_row (store, HP_RECORD_GRADUATE, &row.id);
  g_array_append_val (seen, row);
}

#define ROW_SEEN(i) g_array_index (seen, RowSeen, i)

/* A view can change one row instead of loading all again: the store names
 * the row of a single save, addition, removal or undo, and no row where it
 * cannot (several rows in one transaction, a bulk write). */
static void
test_changed_row (Fixture       *f,
                  gconstpointer  data)
{
  gint64 campaign_id = hp_campaign_get_id (f->campaign);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, TRUE, sizeof (RowSeen));
  g_autoptr(HpSchool) school = add_school (f->store, "170123", "Gymnasium Arnsberg");
  g_autoptr(HpGraduate) anna = NULL;
  g_autoptr(HpGraduate) ben = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  gint64 school_id = hp_school_get_id (school);
  gint64 ids[2];
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (row_changed_cb), seen);

  /* outside a handler: nothing to name */
  g_assert_cmpint (hp_store_get_changed_row (f->store, HP_RECORD_GRADUATE, NULL), ==, HP_STORE_ROW_UNKNOWN);

  /* 1: added */
  anna = add_graduate (f->store, campaign_id, school_id, "13a", "Kemper", "Anna");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (ROW_SEEN (0).change, ==, HP_STORE_ROW_ADDED);
  g_assert_cmpint (ROW_SEEN (0).id, ==, hp_graduate_get_id (anna));

  /* 2: saved again */
  hp_graduate_set_class_name (anna, "13b");
  g_assert_true (hp_store_update_graduate (f->store, anna, &error));
  g_assert_cmpint (ROW_SEEN (1).change, ==, HP_STORE_ROW_UPDATED);
  g_assert_cmpint (ROW_SEEN (1).id, ==, hp_graduate_get_id (anna));

  /* 3: removed with undo, 4: put back */
  removal = hp_store_remove (f->store, HP_RECORD_GRADUATE, hp_graduate_get_id (anna), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ROW_SEEN (2).change, ==, HP_STORE_ROW_REMOVED);
  g_assert_cmpint (ROW_SEEN (2).id, ==, hp_graduate_get_id (anna));
  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_cmpint (ROW_SEEN (3).change, ==, HP_STORE_ROW_ADDED);
  g_assert_cmpint (ROW_SEEN (3).id, ==, hp_graduate_get_id (anna));

  /* 5: one transaction, one graduate added and saved again: still added */
  g_assert_true (hp_store_begin (f->store, &error));
  ben = add_graduate (f->store, campaign_id, school_id, "13a", "Becker", "Ben");
  hp_graduate_set_first_name (ben, "Benedikt");
  g_assert_true (hp_store_update_graduate (f->store, ben, &error));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpint (ROW_SEEN (4).change, ==, HP_STORE_ROW_ADDED);
  g_assert_cmpint (ROW_SEEN (4).id, ==, hp_graduate_get_id (ben));

  /* 6: two graduates in one transaction: no one row */
  g_assert_true (hp_store_begin (f->store, &error));
  hp_graduate_set_class_name (anna, "13c");
  hp_graduate_set_class_name (ben, "13c");
  g_assert_true (hp_store_update_graduate (f->store, anna, &error));
  g_assert_true (hp_store_update_graduate (f->store, ben, &error));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_cmpint (ROW_SEEN (5).change, ==, HP_STORE_ROW_UNKNOWN);

  /* 7: a bulk write of one row (packs handed over): the store does not name it */
  ids[0] = hp_graduate_get_id (anna);
  g_assert_true (hp_store_set_packs_received (f->store, ids, 1, TRUE, &error));
  g_assert_cmpint (ROW_SEEN (6).change, ==, HP_STORE_ROW_UNKNOWN);

  /* 8: one row saved, then a bulk write in the same transaction: unknown */
  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_true (hp_store_update_graduate (f->store, ben, &error));
  ids[1] = hp_graduate_get_id (ben);
  g_assert_true (hp_store_set_packs_received (f->store, ids, 2, FALSE, &error));
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_cmpint (ROW_SEEN (7).change, ==, HP_STORE_ROW_UNKNOWN);

  /* 9: a school saved names no graduate */
  hp_school_set_name (school, "Gymnasium Arnsberg-Hüsten");
  g_assert_true (hp_store_update_school (f->store, school, &error));
  g_assert_cmpint (ROW_SEEN (8).change, ==, HP_STORE_ROW_UNKNOWN);
  g_assert_cmpuint (seen->len, ==, 9);
  g_assert_no_error (error);

  g_signal_handler_disconnect (f->store, handler);
}

typedef struct
{
  HpStore *store;
  GThread *emitted_in;
  guint    emissions;
} ThreadCheck;

static void
changed_thread_cb (HpStore        *store,
                   HpStoreChanges  changes,
                   ThreadCheck    *check)
{
  check->emitted_in = g_thread_self ();
  check->emissions++;
}

static gpointer
write_in_worker (gpointer data)
{
  ThreadCheck *check = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = NULL;

  /* a worker writes inside a transaction of its own, as an import does */
  g_assert_true (hp_store_begin (check->store, &error));
  g_assert_no_error (error);
  sponsor = add_sponsor (check->store, "Imkerei Kersting");
  g_assert_true (hp_store_commit (check->store, &error));
  g_assert_no_error (error);

  return NULL;
}

/* A write committed in a worker (an import) is announced in the thread that
 * opened the store, where the views are. */
static void
test_changed_from_worker (Fixture       *f,
                          gconstpointer  data)
{
  ThreadCheck check = { f->store, NULL, 0 };
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_thread_cb), &check);
  GThread *worker = g_thread_new ("writer", write_in_worker, &check);
  gint64 deadline;

  g_thread_join (worker);
  g_assert_cmpuint (check.emissions, ==, 0);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (check.emissions == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (check.emissions, ==, 1);
  g_assert_true (check.emitted_in == g_thread_self ());
  g_signal_handler_disconnect (f->store, handler);
}

typedef struct
{
  HpStore *store;
  gint64   campaign_id;
} ListInWorker;

static gpointer
list_in_worker (gpointer data)
{
  ListInWorker *job = data;
  g_autoptr(GError) error = NULL;
  GListModel *graduates = hp_store_list_graduates (job->store, job->campaign_id, 0, &error);

  g_assert_no_error (error);
  return graduates;
}

/* the graduates' last names, as a worker lists them */
static char *
names_listed_in_worker (HpStore *store,
                        gint64   campaign_id)
{
  ListInWorker job = { store, campaign_id };
  g_autoptr(GListModel) graduates = g_thread_join (g_thread_new ("lister", list_in_worker, &job));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (graduates); i++)
    {
      g_autoptr(HpGraduate) graduate = g_list_model_get_item (graduates, i);

      g_string_append_printf (names, "%s%s", i ? " " : "", hp_graduate_get_last_name (graduate));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Workers list a file through a connection of their own (so that a long
 * list never keeps the window waiting): they see what was committed, sorted
 * with the German name order, and never the rows of a transaction the
 * owner thread has open. */
static void
test_workers_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "workers.heimpack", NULL);
  g_autoptr(HpStore) store = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autoptr(HpSchool) school = NULL;
  g_autofree char *names = NULL;
  gint64 id;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  store = hp_store_open (path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hp_store_add_campaign (store, campaign, &error));
  g_assert_no_error (error);
  id = hp_campaign_get_id (campaign);
  school = add_school (store, "195717", "Gymnasium Laurentianum");

  g_object_unref (add_graduate (store, id, hp_school_get_id (school), "Q2", "Zimmermann", "Lena"));
  g_object_unref (add_graduate (store, id, hp_school_get_id (school), "Q2", "Özdemir", "Elif"));
  names = names_listed_in_worker (store, id);
  g_assert_cmpstr (names, ==, "Özdemir Zimmermann");
  g_clear_pointer (&names, g_free);

  /* committed since the worker's last list */
  g_object_unref (add_graduate (store, id, hp_school_get_id (school), "Q2", "Albers", "Paul"));
  names = names_listed_in_worker (store, id);
  g_assert_cmpstr (names, ==, "Albers Özdemir Zimmermann");
  g_clear_pointer (&names, g_free);

  /* inside the owner's transaction: not its uncommitted row (the rollback
   * below takes it back), nor after the rollback */
  g_assert_true (hp_store_begin (store, &error));
  g_object_unref (add_graduate (store, id, hp_school_get_id (school), "Q2", "Brinkmann", "Mia"));
  names = names_listed_in_worker (store, id);
  g_assert_cmpstr (names, ==, "Albers Özdemir Zimmermann");
  g_clear_pointer (&names, g_free);
  hp_store_rollback (store);
  names = names_listed_in_worker (store, id);
  g_assert_cmpstr (names, ==, "Albers Özdemir Zimmermann");
}

/* ------------------------------------------------------------------------ */
/* Deliveries                                                                */

static void
test_book_receipt (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = add_sponsor (f->store, "Strickwaren Tigges");
  g_autoptr(HpProduct) socks = add_product (f->store, hp_sponsor_get_id (sponsor), "Socken", 690, FALSE);
  g_autoptr(HpProduct) caps = add_product (f->store, hp_sponsor_get_id (sponsor), "Mütze", 1290, FALSE);
  g_autoptr(HpPledge) pledge = add_pledge (f->store, cid (f), hp_product_get_id (socks), 1000);
  g_autoptr(HpReceipt) first = NULL;
  g_autoptr(HpReceipt) second = NULL;
  g_autoptr(HpReceipt) unpledged = NULL;
  g_autoptr(HpReceipt) bad = NULL;
  g_autoptr(HpPledge) found = NULL;
  g_autoptr(HpPledge) created = NULL;
  g_autoptr(GListModel) receipts = NULL;

  /* On the existing pledge, history kept */
  first = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (socks), "2027-04-01", 300, "Lieferschein 4711", &error);
  g_assert_no_error (error);
  second = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (socks), "2027-05-02", 250, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_receipt_get_pledge_id (first), ==, hp_pledge_get_id (pledge));
  found = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (socks), &error);
  g_assert_cmpint (hp_pledge_get_received (found), ==, 550);
  receipts = hp_store_list_receipts (f->store, hp_pledge_get_id (pledge), &error);
  g_assert_cmpuint (hp_test_list_count (receipts), ==, 2);

  /* Without a pledge: an unconfirmed pledge of 0 carries it */
  g_assert_null (hp_store_find_pledge (f->store, cid (f), hp_product_get_id (caps), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  unpledged = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (caps), "2027-04-03", 40, NULL, &error);
  g_assert_no_error (error);
  created = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (caps), &error);
  g_assert_cmpint (hp_pledge_get_quantity (created), ==, 0);
  g_assert_false (hp_pledge_get_confirmed (created));
  g_assert_cmpint (hp_pledge_get_received (created), ==, 40);

  /* A bad delivery leaves no pledge behind */
  {
    g_autoptr(HpProduct) pump = add_product (f->store, hp_sponsor_get_id (sponsor), "Pumpe", 1290, FALSE);

    bad = hp_store_book_receipt (f->store, cid (f), hp_product_get_id (pump), "2027-02-30", 5, NULL, &error);
    g_assert_null (bad);
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (hp_store_find_pledge (f->store, cid (f), hp_product_get_id (pump), &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  }
}

/* ------------------------------------------------------------------------ */
/* Streaming graduates                                                       */

typedef struct
{
  GPtrArray *all;
  guint      batches;
  guint      stop_after;
} Stream;

static gboolean
collect_batch (GPtrArray *items,
               gpointer   user_data)
{
  Stream *stream = user_data;

  stream->batches++;
  g_ptr_array_extend_and_steal (stream->all, items);
  return stream->stop_after == 0 || stream->batches < stream->stop_after;
}

static void
test_stream_graduates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_test_store_new_memory ();
  g_autoptr(HpCampaign) campaign = hp_demo_fill (store, HP_DEMO_SCALE_DISTRICT, 3, &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Stream stream = { all, 0, 0 };
  gint64 id;

  g_assert_no_error (error);
  id = hp_campaign_get_id (campaign);
  g_assert_cmpint (hp_store_count_graduates (store, id, 0, &error), ==, 2000);

  /* Same rows, same order as the list, in batches of 300 */
  g_assert_true (hp_store_stream_graduates (store, id, 0, 300, collect_batch, &stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stream.batches, ==, 7);
  list = hp_store_list_graduates (store, id, 0, &error);
  g_assert_cmpuint (all->len, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < all->len; i += 97)
    {
      g_autoptr(HpGraduate) g = hp_test_list_get (list, i);

      g_assert_cmpint (hp_graduate_get_id (g), ==, hp_graduate_get_id (g_ptr_array_index (all, i)));
    }

  /* The callback can stop it … */
  g_ptr_array_set_size (all, 0);
  stream = (Stream) { all, 0, 2 };
  g_assert_true (hp_store_stream_graduates (store, id, 0, 300, collect_batch, &stream, NULL, &error));
  g_assert_cmpuint (all->len, ==, 600);

  /* … and so can a cancellable */
  g_cancellable_cancel (cancellable);
  g_assert_false (hp_store_stream_graduates (store, id, 0, 300, collect_batch, &stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* One school only */
  {
    g_autoptr(GListModel) schools = hp_store_list_schools (store, id, &error);
    g_autoptr(HpSchool) first = hp_test_list_get (schools, 0);

    g_assert_cmpint (hp_store_count_graduates (store, id, hp_school_get_id (first), &error), ==,
                     hp_school_get_graduate_count (first));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST ("undo/sponsor", test_undo_sponsor);
  TEST ("undo/refused", test_undo_refused);
  TEST ("undo/school", test_undo_school);
  TEST ("undo/conflict", test_undo_conflict);
  TEST ("undo/graduate-and-campaign", test_undo_graduate_and_campaign);
  TEST ("undo/receipt", test_undo_receipt);
  TEST ("undo/campaign-pack-lines", test_undo_campaign_pack_lines);
  TEST ("undo/product", test_undo_product);
  TEST ("undo/product-after-merge", test_undo_product_after_merge);
  TEST ("changed", test_changed_signal);
  TEST ("changed-row", test_changed_row);
  TEST ("changed-from-worker", test_changed_from_worker);
  TEST ("book-receipt", test_book_receipt);
  g_test_add_func ("/heimpack/store/stream-graduates", test_stream_graduates);
  g_test_add_func ("/heimpack/store/workers-read-file", test_workers_read_file);

  return g_test_run ();
}
