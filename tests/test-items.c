/* test-items.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items, the things that go into the pack, whoever gives them: the name key,
 * sponsors' gifts sharing an item, renaming and merging items, the 18+ flag
 * (never into the under-18 pack), and the pack contents per item (adding a
 * line last, keeping its place, moving it).
 */

#include "config.h"

#include <locale.h>

#include "test-store-fixture.h"

#define ITEM_TEST(path, func) \
  g_test_add ("/heimpack/items/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* "Ä" typed as A + COMBINING DIAERESIS (U+0308), as some keyboards and
 * macOS file names produce it. */
#define A_DECOMPOSED "A\xcc\x88"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static HpItem *
find_item (HpStore    *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  HpItem *item = hp_store_find_item (store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static void
assert_no_item (HpStore *store,
                gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpItem) gone = hp_store_get_item (store, item_id, &error);

  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
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

      g_assert_cmpint (hp_recipe_item_get_campaign_id (line), ==, campaign_id);
      g_string_append_printf (out, "%s%s %u/%u@%d", i ? ", " : "", hp_recipe_item_get_item_name (line),
                              hp_recipe_item_get_per_standard (line), hp_recipe_item_get_per_under18 (line),
                              hp_recipe_item_get_position (line));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Sets a pack line with no position: a new line goes last, a line keeps its
 * place. Returns the position the store gave it. */
static int
put_in_pack (HpStore *store,
             gint64   campaign_id,
             gint64   item_id,
             guint    per_standard,
             guint    per_under18)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpRecipeItem) line = hp_recipe_item_new (campaign_id, item_id, per_standard, per_under18);

  g_assert_cmpint (hp_recipe_item_get_position (line), ==, HP_UNSET);
  g_assert_true (hp_store_set_recipe_item (store, line, &error));
  g_assert_no_error (error);
  return hp_recipe_item_get_position (line);
}

static gint64
book (HpStore *store,
      gint64   campaign_id,
      gint64   product_id,
      gint64   quantity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpReceipt) r = hp_store_book_receipt (store, campaign_id, product_id, "2027-04-01", quantity, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return hp_receipt_get_id (r);
}

/* ------------------------------------------------------------------------ */
/* The name key                                                              */

static void
test_name_key (void)
{
  g_autofree char *typed = hp_item_name_key ("  " A_DECOMPOSED "pfel 0,33 L ");
  g_autofree char *lower = hp_item_name_key ("äpfel 0,33 l");
  g_autofree char *upper = hp_item_name_key ("ÄPFEL 0,33 L");
  g_autofree char *other = hp_item_name_key ("Äpfel 0,33l");
  g_autofree char *null_key = hp_item_name_key (NULL);
  g_autofree char *blank = hp_item_name_key (" \t ");
  /* pasted from a spreadsheet: a no-break space (U+00A0) at the end */
  g_autofree char *pasted = hp_item_name_key ("äpfel 0,33 l\u00a0");
  g_autofree char *trimmed = hp_item_name_trim ("\u00a0 Äpfel 0,33\u00a0l\u00a0");

  /* trimmed, composed (NFC), case-folded: all three are one key, which is
   * the lower-case, composed spelling itself */
  g_assert_cmpstr (typed, ==, lower);
  g_assert_cmpstr (upper, ==, lower);
  g_assert_cmpstr (lower, ==, "äpfel 0,33 l");
  /* a typo is another item (merge it by hand) */
  g_assert_cmpstr (other, !=, lower);
  g_assert_cmpstr (null_key, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (pasted, ==, lower);
  /* only the ends: the no-break space inside the name stays */
  g_assert_cmpstr (trimmed, ==, "Äpfel 0,33\u00a0l");
}

/* ------------------------------------------------------------------------ */
/* Gifts of one item                                                         */

/* Two sponsors' products "Apfelschorle 0,33 l" and " apfelschorle 0,33 L "
 * are one item, named as it was first written; a third spelling finds it. */
static void
test_shared_item (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) ohm = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) first = add_product (f->store, hp_sponsor_get_id (ohm), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpProduct) second = add_product (f->store, hp_sponsor_get_id (berger), " apfelschorle 0,33 L ", 55, FALSE);
  g_autoptr(HpProduct) pump = add_product (f->store, hp_sponsor_get_id (ohm), "Fahrradpumpe", 1250, FALSE);
  g_autoptr(HpProduct) got = NULL;
  g_autoptr(HpItem) item = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(HpPledge) p1 = NULL;
  g_autoptr(HpPledge) p2 = NULL;

  g_assert_cmpint (hp_product_get_item_id (second), ==, hp_product_get_item_id (first));
  g_assert_cmpint (hp_product_get_item_id (pump), !=, hp_product_get_item_id (first));

  /* the gift shows its item's name; each gift keeps its own value */
  got = hp_store_get_product (f->store, hp_product_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_product_get_name (got), ==, "Apfelschorle 0,33 l");
  g_assert_cmpint (hp_product_get_value_cents (got), ==, 55);
  g_assert_cmpstr (hp_product_get_sponsor_name (got), ==, "Getränke Berger");

  item = find_item (f->store, "APFELSCHORLE 0,33 L");
  g_assert_cmpint (hp_item_get_id (item), ==, hp_product_get_item_id (first));
  g_assert_cmpstr (hp_item_get_name (item), ==, "Apfelschorle 0,33 l");
  g_assert_false (hp_item_get_adult_only (item));
  g_clear_object (&item);

  {
    g_autoptr(HpItem) none = hp_store_find_item (f->store, "Apfelschorle 0,5 l", &error);

    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_clear_error (&error);
  }

  /* Without a campaign: the gifts and their sponsors (by name, once each),
   * no pack figures. Items by name. */
  items = hp_store_list_items (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (items), ==, 2);
  item = hp_test_list_get (items, 0);
  g_assert_cmpstr (hp_item_get_name (item), ==, "Apfelschorle 0,33 l");
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 2);
  hp_test_assert_names (hp_item_get_sponsors (item), "Getränke Berger, Mosterei Ohm");
  g_assert_false (hp_item_get_in_pack (item));
  g_assert_cmpint (hp_item_get_received (item), ==, 0);
  g_clear_object (&item);
  item = hp_test_list_get (items, 1);
  g_assert_cmpstr (hp_item_get_name (item), ==, "Fahrradpumpe");
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
  hp_test_assert_names (hp_item_get_sponsors (item), "Mosterei Ohm");
  g_clear_object (&item);
  g_clear_object (&items);

  /* In the campaign: pledged 30 + 22 = 52 and received 20 + 25 = 45, both
   * gifts together; in the pack, 1 a standard and 1 an under-18 pack */
  p1 = add_pledge (f->store, cid (f), hp_product_get_id (first), 30);
  p2 = add_pledge (f->store, cid (f), hp_product_get_id (second), 22);
  book (f->store, cid (f), hp_product_get_id (first), 20);
  book (f->store, cid (f), hp_product_get_id (second), 25);
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (first), 1, 1), ==, 0);

  items = hp_store_list_items (f->store, cid (f), &error);
  g_assert_no_error (error);
  item = find_row (items, "id", hp_product_get_item_id (first));
  g_assert_true (hp_item_get_in_pack (item));
  g_assert_cmpuint (hp_item_get_per_standard (item), ==, 1);
  g_assert_cmpuint (hp_item_get_per_under18 (item), ==, 1);
  g_assert_cmpint (hp_item_get_position (item), ==, 0);
  g_assert_cmpint (hp_item_get_pledged (item), ==, 52);
  g_assert_cmpint (hp_item_get_received (item), ==, 45);
  g_clear_object (&item);
  item = find_row (items, "id", hp_product_get_item_id (pump));
  g_assert_false (hp_item_get_in_pack (item));
  g_assert_cmpint (hp_item_get_pledged (item), ==, 0);
  g_clear_object (&item);
  g_clear_object (&items);

  /* another campaign: its own figures */
  {
    g_autoptr(HpCampaign) other = hp_campaign_new ("Aktion 2026", 2026);

    g_assert_true (hp_store_add_campaign (f->store, other, &error));
    g_assert_no_error (error);
    items = hp_store_list_items (f->store, hp_campaign_get_id (other), &error);
    g_assert_no_error (error);
    item = find_row (items, "id", hp_product_get_item_id (first));
    g_assert_false (hp_item_get_in_pack (item));
    g_assert_cmpint (hp_item_get_pledged (item), ==, 0);
    g_assert_cmpint (hp_item_get_received (item), ==, 0);
  }
}

/* An item nobody gives yet, e.g. to put it in the pack first; a gift of
 * that name joins it. */
static void
test_add_item (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpItem) item = hp_item_new ("Flyer Rückkehrernetzwerk");
  g_autoptr(HpItem) dup = hp_item_new ("  FLYER rückkehrernetzwerk");
  g_autoptr(HpItem) blank = hp_item_new ("   ");
  g_autoptr(HpItem) got = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Regionalagentur");
  g_autoptr(HpProduct) p = NULL;

  g_assert_true (hp_store_add_item (f->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_item_get_id (item), >, 0);

  got = get_item (f->store, hp_item_get_id (item));
  g_assert_cmpstr (hp_item_get_name (got), ==, "Flyer Rückkehrernetzwerk");
  g_assert_cmpuint (hp_item_get_gifts (got), ==, 0);
  hp_test_assert_names (hp_item_get_sponsors (got), "");
  g_clear_object (&got);

  g_assert_false (hp_store_add_item (f->store, dup, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (hp_item_get_id (dup), ==, 0);
  g_clear_error (&error);

  g_assert_false (hp_store_add_item (f->store, blank, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* in the pack before anybody gives it */
  put_in_pack (f->store, cid (f), hp_item_get_id (item), 1, 1);

  p = add_product (f->store, hp_sponsor_get_id (s), "flyer rückkehrernetzwerk", 0, FALSE);
  g_assert_cmpint (hp_product_get_item_id (p), ==, hp_item_get_id (item));
  got = get_item (f->store, hp_item_get_id (item));
  g_assert_cmpuint (hp_item_get_gifts (got), ==, 1);
  hp_test_assert_names (hp_item_get_sponsors (got), "Regionalagentur");
}

/* ------------------------------------------------------------------------ */
/* The 18+ flag                                                              */

/* A gift never clears its item's 18+ flag when it is added (another sponsor
 * may give the same beer); updating a gift sets the flag only while the gift
 * stays with its item. */
static void
test_adult_flag (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) kolb = add_sponsor (f->store, "Brauerei Kolb");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) beer = add_product (f->store, hp_sponsor_get_id (kolb), "Pils 0,33 l", 95, TRUE);
  g_autoptr(HpProduct) same_beer = add_product (f->store, hp_sponsor_get_id (berger), "pils 0,33 l", 90, FALSE);
  g_autoptr(HpProduct) lemonade = add_product (f->store, hp_sponsor_get_id (berger), "Zitronenlimo", 70, FALSE);
  g_autoptr(HpProduct) got = NULL;
  g_autoptr(HpItem) item = NULL;

  g_assert_cmpint (hp_product_get_item_id (same_beer), ==, hp_product_get_item_id (beer));
  item = get_item (f->store, hp_product_get_item_id (beer));
  g_assert_true (hp_item_get_adult_only (item));
  g_clear_object (&item);
  /* the gift reads its item's flag */
  got = hp_store_get_product (f->store, hp_product_get_id (same_beer), &error);
  g_assert_no_error (error);
  g_assert_true (hp_product_get_adult_only (got));
  g_clear_object (&got);

  /* A gift moving to the 18+ item (renamed to "Pils 0,33 l") with the flag
   * off does not clear that item's flag. */
  hp_product_set_name (lemonade, "Pils 0,33 l");
  hp_product_set_adult_only (lemonade, FALSE);
  g_assert_true (hp_store_update_product (f->store, lemonade, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_item_id (lemonade), ==, hp_product_get_item_id (beer));
  item = get_item (f->store, hp_product_get_item_id (beer));
  g_assert_true (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 3);
  g_clear_object (&item);

  /* A gift staying with its item sets the item's flag, both ways (the item
   * was marked 18+ by mistake, say). */
  got = hp_store_get_product (f->store, hp_product_get_id (same_beer), &error);
  g_assert_no_error (error);
  hp_product_set_adult_only (got, FALSE);
  g_assert_true (hp_store_update_product (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  item = get_item (f->store, hp_product_get_item_id (beer));
  g_assert_false (hp_item_get_adult_only (item));
  g_clear_object (&item);
  got = hp_store_get_product (f->store, hp_product_get_id (beer), &error);
  g_assert_no_error (error);
  g_assert_false (hp_product_get_adult_only (got));
  hp_product_set_adult_only (got, TRUE);
  g_assert_true (hp_store_update_product (f->store, got, &error));
  g_assert_no_error (error);
  item = get_item (f->store, hp_product_get_item_id (beer));
  g_assert_true (hp_item_get_adult_only (item));
}

/* An 18+ item never goes into the under-18 pack, whichever way it would
 * get there; nothing changes when it is refused. */
static void
test_adult_not_in_under18_pack (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) kolb = add_sponsor (f->store, "Brauerei Kolb");
  g_autoptr(HpProduct) beer = add_product (f->store, hp_sponsor_get_id (kolb), "Pils 0,33 l", 95, TRUE);
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (kolb), "Apfelschorle 0,33 l", 55, FALSE);
  g_autoptr(HpRecipeItem) bad = hp_recipe_item_new (cid (f), hp_product_get_item_id (beer), 1, 1);
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpProduct) extra = hp_product_new (hp_sponsor_get_id (kolb), "APFELSCHORLE 0,33 L");
  g_autofree char *recipe = NULL;

  /* into the standard pack: fine; into both: refused */
  put_in_pack (f->store, cid (f), hp_product_get_item_id (beer), 1, 0);
  g_assert_false (hp_store_set_recipe_item (f->store, bad, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  put_in_pack (f->store, cid (f), hp_product_get_item_id (juice), 0, 1);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Pils 0,33 l 1/0@0, Apfelschorle 0,33 l 0/1@1");
  g_clear_pointer (&recipe, g_free);

  /* an item of the under-18 pack cannot become 18+: by the item … */
  item = get_item (f->store, hp_product_get_item_id (juice));
  hp_item_set_adult_only (item, TRUE);
  g_assert_false (hp_store_update_item (f->store, item, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&item);

  /* … by its gift … */
  hp_product_set_adult_only (juice, TRUE);
  g_assert_false (hp_store_update_product (f->store, juice, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* … or by a new gift marked 18+ (which is not added) */
  hp_product_set_adult_only (extra, TRUE);
  g_assert_false (hp_store_add_product (f->store, extra, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hp_product_get_id (extra), ==, 0);

  item = get_item (f->store, hp_product_get_item_id (juice));
  g_assert_false (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
  g_clear_object (&item);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Pils 0,33 l 1/0@0, Apfelschorle 0,33 l 0/1@1");
  g_clear_pointer (&recipe, g_free);

  /* Out of the under-18 pack, it can be marked 18+ */
  put_in_pack (f->store, cid (f), hp_product_get_item_id (juice), 1, 0);
  item = get_item (f->store, hp_product_get_item_id (juice));
  hp_item_set_adult_only (item, TRUE);
  g_assert_true (hp_store_update_item (f->store, item, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* Renaming and merging                                                      */

/* Renaming keeps the gifts and the pack lines with the item; another
 * item's name is refused (merge them instead). */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) ohm = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) a = add_product (f->store, hp_sponsor_get_id (ohm), "Apfelschorle 0,33l", 60, FALSE);
  g_autoptr(HpProduct) b = add_product (f->store, hp_sponsor_get_id (berger), "Apfelschorle 0,33l", 55, FALSE);
  g_autoptr(HpProduct) radler = add_product (f->store, hp_sponsor_get_id (berger), "Radler 0,33 l", 80, TRUE);
  g_autoptr(HpItem) item = get_item (f->store, hp_product_get_item_id (a));
  g_autoptr(HpItem) got = NULL;
  g_autoptr(HpProduct) gift = NULL;
  g_autofree char *recipe = NULL;
  gint64 id = hp_item_get_id (item);

  put_in_pack (f->store, cid (f), id, 1, 1);

  hp_item_set_name (item, " Apfelschorle 0,33 l ");
  g_assert_true (hp_store_update_item (f->store, item, &error));
  g_assert_no_error (error);

  got = get_item (f->store, id);
  g_assert_cmpstr (hp_item_get_name (got), ==, "Apfelschorle 0,33 l");   /* trimmed */
  g_assert_cmpuint (hp_item_get_gifts (got), ==, 2);
  g_clear_object (&got);
  gift = hp_store_get_product (f->store, hp_product_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hp_product_get_name (gift), ==, "Apfelschorle 0,33 l");
  g_assert_cmpint (hp_product_get_item_id (gift), ==, id);
  g_clear_object (&gift);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 1/1@0");
  g_clear_pointer (&recipe, g_free);
  got = find_item (f->store, "apfelschorle 0,33 L");
  g_assert_cmpint (hp_item_get_id (got), ==, id);
  g_clear_object (&got);

  /* its own name in other letters is still its own */
  hp_item_set_name (item, "APFELSCHORLE 0,33 L");
  g_assert_true (hp_store_update_item (f->store, item, &error));
  g_assert_no_error (error);

  /* another item's name, in any spelling: refused, nothing changes */
  hp_item_set_name (item, "radler 0,33 L");
  g_assert_false (hp_store_update_item (f->store, item, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  got = get_item (f->store, id);
  g_assert_cmpstr (hp_item_get_name (got), ==, "APFELSCHORLE 0,33 L");
  g_clear_object (&got);
  got = get_item (f->store, hp_product_get_item_id (radler));
  g_assert_cmpstr (hp_item_get_name (got), ==, "Radler 0,33 l");
  g_assert_cmpuint (hp_item_get_gifts (got), ==, 1);
  g_clear_object (&got);

  /* blank and unknown */
  hp_item_set_name (item, "  ");
  g_assert_false (hp_store_update_item (f->store, item, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(HpItem) ghost = hp_item_new ("Gibt es nicht");

    hp_item_set_id (ghost, 4711);
    g_assert_false (hp_store_update_item (f->store, ghost, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

/* Merging the typo "Apfelschorle 0,33l" (from) into "Apfelschorle 0,33 l"
 * (into):
 *   campaign 2027, both in the pack:
 *     typo  2 std / 0 u18 at position 0,  into  1 std / 1 u18 at position 2
 *     → one line 1 + 2 = 3 std, 1 + 0 = 1 u18, at the earlier position 0
 *   campaign 2026, only the typo: 1 / 0 at 0 → becomes the line of "into"
 *   campaign 2028, only "into": 1 / 1 at 0, unchanged
 * The typo's gift (Berger, pledged 40, received 25) moves to "into" with its
 * pledge and receipt: "into" then has pledged 30 + 40 = 70, received 20 + 25
 * = 45. The typo item is gone. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) ohm = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) good = add_product (f->store, hp_sponsor_get_id (ohm), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpProduct) typo = add_product (f->store, hp_sponsor_get_id (berger), "Apfelschorle 0,33l", 55, FALSE);
  g_autoptr(HpProduct) pump = add_product (f->store, hp_sponsor_get_id (ohm), "Fahrradpumpe", 1250, FALSE);
  g_autoptr(HpCampaign) last_year = hp_campaign_new ("Heimvorteil2GO 2026", 2026);
  g_autoptr(HpCampaign) next_year = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(HpPledge) pg = add_pledge (f->store, cid (f), hp_product_get_id (good), 30);
  g_autoptr(HpPledge) pt = add_pledge (f->store, cid (f), hp_product_get_id (typo), 40);
  g_autoptr(HpItem) into = NULL;
  g_autoptr(HpProduct) moved = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *recipe = NULL;
  gint64 into_id = hp_product_get_item_id (good);
  gint64 from_id = hp_product_get_item_id (typo);

  g_assert_cmpint (into_id, !=, from_id);
  g_assert_true (hp_store_add_campaign (f->store, last_year, &error));
  g_assert_true (hp_store_add_campaign (f->store, next_year, &error));
  g_assert_no_error (error);
  book (f->store, cid (f), hp_product_get_id (good), 20);
  book (f->store, cid (f), hp_product_get_id (typo), 25);

  set_recipe (f->store, cid (f), from_id, 2, 0, 0);
  set_recipe (f->store, cid (f), hp_product_get_item_id (pump), 1, 1, 1);
  set_recipe (f->store, cid (f), into_id, 1, 1, 2);
  set_recipe (f->store, hp_campaign_get_id (last_year), from_id, 1, 0, 0);
  set_recipe (f->store, hp_campaign_get_id (next_year), into_id, 1, 1, 0);

  /* into itself, or an unknown item: refused */
  g_assert_false (hp_store_merge_items (f->store, into_id, into_id, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hp_store_merge_items (f->store, 4711, into_id, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (hp_store_merge_items (f->store, from_id, into_id, &error));
  g_assert_no_error (error);

  assert_no_item (f->store, from_id);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 3/1@0, Fahrradpumpe 1/1@1");
  g_clear_pointer (&recipe, g_free);
  recipe = recipe_string (f->store, hp_campaign_get_id (last_year));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 1/0@0");
  g_clear_pointer (&recipe, g_free);
  recipe = recipe_string (f->store, hp_campaign_get_id (next_year));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0,33 l 1/1@0");
  g_clear_pointer (&recipe, g_free);

  /* the gift moved, with its value, pledge and receipt */
  moved = hp_store_get_product (f->store, hp_product_get_id (typo), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_item_id (moved), ==, into_id);
  g_assert_cmpstr (hp_product_get_name (moved), ==, "Apfelschorle 0,33 l");
  g_assert_cmpint (hp_product_get_value_cents (moved), ==, 55);
  {
    g_autoptr(HpPledge) still = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (typo), &error);

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_id (still), ==, hp_pledge_get_id (pt));
    g_assert_cmpint (hp_pledge_get_quantity (still), ==, 40);
    g_assert_cmpint (hp_pledge_get_received (still), ==, 25);
  }

  items = hp_store_list_items (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (items), ==, 2);
  into = find_row (items, "id", into_id);
  g_assert_cmpuint (hp_item_get_gifts (into), ==, 2);
  hp_test_assert_names (hp_item_get_sponsors (into), "Getränke Berger, Mosterei Ohm");
  g_assert_cmpint (hp_item_get_pledged (into), ==, 70);
  g_assert_cmpint (hp_item_get_received (into), ==, 45);
  g_assert_cmpuint (hp_item_get_per_standard (into), ==, 3);
  g_assert_cmpuint (hp_item_get_per_under18 (into), ==, 1);
  g_assert_cmpint (hp_item_get_position (into), ==, 0);

  /* the gift that was already there is untouched */
  {
    g_autoptr(HpPledge) kept = hp_store_find_pledge (f->store, cid (f), hp_product_get_id (good), &error);

    g_assert_no_error (error);
    g_assert_cmpint (hp_pledge_get_id (kept), ==, hp_pledge_get_id (pg));
    g_assert_cmpint (hp_pledge_get_quantity (kept), ==, 30);
    g_assert_cmpint (hp_pledge_get_received (kept), ==, 20);
  }
}

/* The merged item is 18+ if either was; an 18+ item does not merge with
 * one that is in the under-18 pack. */
static void
test_merge_adult (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) kolb = add_sponsor (f->store, "Brauerei Kolb");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) radler = add_product (f->store, hp_sponsor_get_id (kolb), "Radler", 85, TRUE);
  g_autoptr(HpProduct) radler_long = add_product (f->store, hp_sponsor_get_id (berger), "Radler 0,33 l", 80, FALSE);
  g_autoptr(HpProduct) juice = add_product (f->store, hp_sponsor_get_id (berger), "Apfelschorle", 55, FALSE);
  g_autoptr(HpItem) item = NULL;
  g_autofree char *recipe = NULL;

  /* 18+ "Radler" into the harmless "Apfelschorle" of the under-18 pack, and
   * the other way round: refused, nothing changes */
  put_in_pack (f->store, cid (f), hp_product_get_item_id (juice), 0, 1);
  g_assert_false (hp_store_merge_items (f->store, hp_product_get_item_id (radler),
                                        hp_product_get_item_id (juice), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hp_store_merge_items (f->store, hp_product_get_item_id (juice),
                                        hp_product_get_item_id (radler), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  item = get_item (f->store, hp_product_get_item_id (radler));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
  g_clear_object (&item);
  item = get_item (f->store, hp_product_get_item_id (juice));
  g_assert_false (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
  g_clear_object (&item);

  /* 18+ "Radler" (from) into the plain "Radler 0,33 l" (into, standard pack
   * only): the result is 18+, and both gifts read so */
  put_in_pack (f->store, cid (f), hp_product_get_item_id (radler_long), 1, 0);
  g_assert_true (hp_store_merge_items (f->store, hp_product_get_item_id (radler),
                                       hp_product_get_item_id (radler_long), &error));
  g_assert_no_error (error);
  assert_no_item (f->store, hp_product_get_item_id (radler));
  item = get_item (f->store, hp_product_get_item_id (radler_long));
  g_assert_true (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 2);
  g_clear_object (&item);
  {
    g_autoptr(HpProduct) got = hp_store_get_product (f->store, hp_product_get_id (radler_long), &error);

    g_assert_no_error (error);
    g_assert_true (hp_product_get_adult_only (got));
  }
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Apfelschorle 0/1@0, Radler 0,33 l 1/0@1");
}

/* A gift renamed to another item's name joins that item; its old item goes
 * when nothing else uses it (no other gift, no pack line). */
static void
test_product_repoint (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) ohm = add_sponsor (f->store, "Mosterei Ohm");
  g_autoptr(HpSponsor) berger = add_sponsor (f->store, "Getränke Berger");
  g_autoptr(HpProduct) good = add_product (f->store, hp_sponsor_get_id (ohm), "Apfelschorle 0,33 l", 60, FALSE);
  g_autoptr(HpProduct) typo = add_product (f->store, hp_sponsor_get_id (berger), "Apfelschorle 0,33l", 55, FALSE);
  g_autoptr(HpProduct) in_pack = add_product (f->store, hp_sponsor_get_id (berger), "Aplfelschorle", 50, FALSE);
  g_autoptr(HpItem) item = NULL;
  gint64 typo_item = hp_product_get_item_id (typo);
  gint64 pack_item = hp_product_get_item_id (in_pack);

  hp_product_set_name (typo, "apfelschorle 0,33 l");
  g_assert_true (hp_store_update_product (f->store, typo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_product_get_item_id (typo), ==, hp_product_get_item_id (good));
  assert_no_item (f->store, typo_item);
  item = get_item (f->store, hp_product_get_item_id (good));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 2);
  g_assert_cmpstr (hp_item_get_name (item), ==, "Apfelschorle 0,33 l");
  g_clear_object (&item);

  /* an old item still in the pack stays, without gifts */
  put_in_pack (f->store, cid (f), pack_item, 1, 0);
  hp_product_set_name (in_pack, "Apfelschorle 0,33 l");
  g_assert_true (hp_store_update_product (f->store, in_pack, &error));
  g_assert_no_error (error);
  item = get_item (f->store, pack_item);
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 0);
  g_clear_object (&item);

  /* a new name makes a new item, with the gift's 18+ flag */
  hp_product_set_name (in_pack, "Apfel-Radler");
  hp_product_set_adult_only (in_pack, TRUE);
  g_assert_true (hp_store_update_product (f->store, in_pack, &error));
  g_assert_no_error (error);
  item = find_item (f->store, "Apfel-Radler");
  g_assert_cmpint (hp_item_get_id (item), ==, hp_product_get_item_id (in_pack));
  g_assert_true (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 1);
  g_clear_object (&item);
  /* and the Apfelschorle item it left keeps its flag */
  item = get_item (f->store, hp_product_get_item_id (good));
  g_assert_false (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Pack contents                                                             */

/* Without a position a new line goes last and a line keeps its place; an
 * explicit position is taken as given; both quantities 0 remove a line. */
static void
test_recipe_position (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) nuts = add_product (f->store, hp_sponsor_get_id (s), "Erdnüsse", 40, FALSE);
  g_autoptr(HpProduct) chips = add_product (f->store, hp_sponsor_get_id (s), "Chips", 90, FALSE);
  g_autoptr(HpProduct) pump = add_product (f->store, hp_sponsor_get_id (s), "Fahrradpumpe", 1250, FALSE);
  g_autofree char *recipe = NULL;

  /* the first line: 0; then max + 1 */
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (pump), 1, 1), ==, 0);
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (nuts), 2, 2), ==, 1);
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (chips), 1, 0), ==, 2);

  /* changing the pump's pieces keeps it first */
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (pump), 2, 1), ==, 0);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Fahrradpumpe 2/1@0, Erdnüsse 2/2@1, Chips 1/0@2");
  g_clear_pointer (&recipe, g_free);

  /* an explicit position */
  set_recipe (f->store, cid (f), hp_product_get_item_id (chips), 1, 0, 7);
  set_recipe (f->store, cid (f), hp_product_get_item_id (nuts), 2, 2, 9);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Fahrradpumpe 2/1@0, Chips 1/0@7, Erdnüsse 2/2@9");
  g_clear_pointer (&recipe, g_free);

  /* out, and back in: last, after 9 */
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (pump), 0, 0), ==, HP_UNSET);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "Chips 1/0@7, Erdnüsse 2/2@9");
  g_clear_pointer (&recipe, g_free);
  g_assert_cmpint (put_in_pack (f->store, cid (f), hp_product_get_item_id (pump), 1, 1), ==, 10);

  /* an unknown item or campaign is refused */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HpRecipeItem) no_item = hp_recipe_item_new (cid (f), 4711, 1, 0);
    g_autoptr(HpRecipeItem) no_campaign = hp_recipe_item_new (4711, hp_product_get_item_id (pump), 1, 0);
    g_autoptr(GListModel) lines = NULL;

    g_assert_false (hp_store_set_recipe_item (f->store, no_item, &error));
    g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (hp_store_set_recipe_item (f->store, no_campaign, &error));
    g_assert_nonnull (error);
    g_test_message ("unknown campaign: %s", error->message);
    g_clear_error (&error);
    lines = hp_store_list_recipe (f->store, 4711, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hp_test_list_count (lines), ==, 0);
  }
}

/* Moving a line numbers the pack 0, 1, … anew. Lines A, B, C:
 *   C to 0    → C A B
 *   C to 99   → A B C (past the end: last)
 *   A to 1    → B A C
 *   B to 0    → B A C (already there) */
static void
test_recipe_move (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) s = add_sponsor (f->store, "Sauerland Snacks");
  g_autoptr(HpProduct) a = add_product (f->store, hp_sponsor_get_id (s), "A-Chips", 40, FALSE);
  g_autoptr(HpProduct) b = add_product (f->store, hp_sponsor_get_id (s), "B-Nüsse", 90, FALSE);
  g_autoptr(HpProduct) c = add_product (f->store, hp_sponsor_get_id (s), "C-Pumpe", 1250, FALSE);
  g_autoptr(HpProduct) outside = add_product (f->store, hp_sponsor_get_id (s), "D-Socken", 300, FALSE);
  g_autofree char *recipe = NULL;

  /* positions with gaps, as after removing lines */
  set_recipe (f->store, cid (f), hp_product_get_item_id (a), 1, 1, 3);
  set_recipe (f->store, cid (f), hp_product_get_item_id (b), 1, 1, 5);
  set_recipe (f->store, cid (f), hp_product_get_item_id (c), 1, 0, 8);

  g_assert_true (hp_store_move_recipe_item (f->store, cid (f), hp_product_get_item_id (c), 0, &error));
  g_assert_no_error (error);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "C-Pumpe 1/0@0, A-Chips 1/1@1, B-Nüsse 1/1@2");
  g_clear_pointer (&recipe, g_free);

  g_assert_true (hp_store_move_recipe_item (f->store, cid (f), hp_product_get_item_id (c), 99, &error));
  g_assert_no_error (error);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "A-Chips 1/1@0, B-Nüsse 1/1@1, C-Pumpe 1/0@2");
  g_clear_pointer (&recipe, g_free);

  g_assert_true (hp_store_move_recipe_item (f->store, cid (f), hp_product_get_item_id (a), 1, &error));
  g_assert_no_error (error);
  g_assert_true (hp_store_move_recipe_item (f->store, cid (f), hp_product_get_item_id (b), 0, &error));
  g_assert_no_error (error);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "B-Nüsse 1/1@0, A-Chips 1/1@1, C-Pumpe 1/0@2");
  g_clear_pointer (&recipe, g_free);

  /* an item that is not in the pack */
  g_assert_false (hp_store_move_recipe_item (f->store, cid (f), hp_product_get_item_id (outside), 0, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  recipe = recipe_string (f->store, cid (f));
  g_assert_cmpstr (recipe, ==, "B-Nüsse 1/1@0, A-Chips 1/1@1, C-Pumpe 1/0@2");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* report every failing case, not only the first one */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/heimpack/items/name-key", test_name_key);
  ITEM_TEST ("shared", test_shared_item);
  ITEM_TEST ("add", test_add_item);
  ITEM_TEST ("adult-flag", test_adult_flag);
  ITEM_TEST ("adult-not-in-under18-pack", test_adult_not_in_under18_pack);
  ITEM_TEST ("rename", test_rename);
  ITEM_TEST ("merge", test_merge);
  ITEM_TEST ("merge-adult", test_merge_adult);
  ITEM_TEST ("product-repoint", test_product_repoint);
  ITEM_TEST ("recipe/position", test_recipe_position);
  ITEM_TEST ("recipe/move", test_recipe_move);

  return g_test_run ();
}
