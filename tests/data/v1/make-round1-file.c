/* make-round1-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How tests/data/v1/round1.db was made: built against the round-1 core
 * (commit 1153bad, schema version 1) and run once. It is kept for the record
 * and is not built: the core's API has moved on since. The file holds two
 * campaigns (the second a clone of the first), products of the same name
 * from several sponsors (one spelt "apfelschorle 0,33 L "), an 18+ "Radler"
 * beside a harmless one that was in the under-18 pack, pledges, receipts,
 * recipe lines, schools with figures and graduates.
 *
 *   gcc -I include -I build make-round1-file.c build/src/core/libhp_core.a \
 *     $(pkg-config --cflags --libs gio-2.0 sqlite3 xlsxwriter uchardet libarchive libxml-2.0) -lcsv
 */
#include <heimpack/heimpack.h>

#define CHECK(x) do { if (!(x)) g_error ("%s: %s", #x, error ? error->message : "?"); } while (0)

static gint64
sponsor (HpStore *store, const char *name)
{
  g_autoptr(HpSponsor) s = hp_sponsor_new (name);
  GError *error = NULL;
  CHECK (hp_store_add_sponsor (store, s, &error));
  return hp_sponsor_get_id (s);
}

static gint64
product (HpStore *store, gint64 sponsor_id, const char *name, gint64 cents, gboolean adult, const char *bb)
{
  g_autoptr(HpProduct) p = hp_product_new (sponsor_id, name);
  GError *error = NULL;
  hp_product_set_value_cents (p, cents);
  hp_product_set_adult_only (p, adult);
  hp_product_set_best_before (p, bb);
  CHECK (hp_store_add_product (store, p, &error));
  return hp_product_get_id (p);
}

static void
pledge (HpStore *store, gint64 campaign, gint64 product_id, gint64 qty, gboolean confirmed, const char *due)
{
  g_autoptr(HpPledge) p = hp_pledge_new (campaign, product_id, qty);
  GError *error = NULL;
  hp_pledge_set_confirmed (p, confirmed);
  hp_pledge_set_due_date (p, due);
  CHECK (hp_store_add_pledge (store, p, &error));
}

static void
receipt (HpStore *store, gint64 campaign, gint64 product_id, const char *date, gint64 qty, const char *note)
{
  g_autoptr(HpReceipt) r = NULL;
  GError *error = NULL;
  r = hp_store_book_receipt (store, campaign, product_id, date, qty, note, &error);
  CHECK (r != NULL);
}

static void
recipe (HpStore *store, gint64 campaign, gint64 product_id, guint std, guint u18, int pos)
{
  g_autoptr(HpRecipeItem) r = hp_recipe_item_new (campaign, product_id, std, u18);
  GError *error = NULL;
  hp_recipe_item_set_position (r, pos);
  CHECK (hp_store_set_recipe_item (store, r, &error));
}

static gint64
school (HpStore *store, gint64 campaign, const char *number, const char *name, int expected, int u18, const char *handover)
{
  g_autoptr(HpSchool) s = hp_school_new (number, name);
  GError *error = NULL;
  hp_school_set_town (s, "Arnsberg");
  CHECK (hp_store_add_school (store, s, &error));
  hp_school_set_expected_graduates (s, expected);
  hp_school_set_under18_expected (s, u18);
  hp_school_set_handover (s, handover);
  CHECK (hp_store_set_school_campaign (store, campaign, s, &error));
  return hp_school_get_id (s);
}

static void
graduate (HpStore *store, gint64 campaign, gint64 school_id, const char *last, const char *first, const char *birth)
{
  g_autoptr(HpGraduate) g = hp_graduate_new (campaign, school_id);
  GError *error = NULL;
  hp_graduate_set_last_name (g, last);
  hp_graduate_set_first_name (g, first);
  hp_graduate_set_class_name (g, "Q2");
  hp_graduate_set_birth_date (g, birth);
  CHECK (hp_store_add_graduate (store, g, &error));
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  g_autoptr(HpStore) store = hp_store_open (argv[1], HP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(HpCampaign) a = hp_campaign_new ("Heimvorteil2GO 2026", 2026);
  g_autoptr(HpCampaign) b = NULL;
  gint64 ohm, berger, kolb, nuss, c, p1, p2, p3, p4, p5, p6, p7, s1;

  CHECK (store != NULL);
  hp_campaign_set_handover_date (a, "2026-07-03");
  CHECK (hp_store_add_campaign (store, a, &error));
  c = hp_campaign_get_id (a);

  ohm = sponsor (store, "Mosterei Ohm");
  berger = sponsor (store, "Getränke Berger");
  kolb = sponsor (store, "Brauerei Kolb");
  nuss = sponsor (store, "Nussrösterei Sauer");

  p1 = product (store, ohm, "Apfelschorle 0,33 l", 60, FALSE, "2027-05-01");
  p2 = product (store, berger, "Apfelschorle 0,33 l", 55, FALSE, NULL);
  p3 = product (store, kolb, "Pils 0,33 l", 95, TRUE, NULL);
  p4 = product (store, berger, "Radler 0,33 l", 80, FALSE, NULL);
  p5 = product (store, kolb, "Radler 0,33 l", 85, TRUE, NULL);
  p6 = product (store, nuss, "Erdnüsse 50 g", 40, FALSE, "2027-01-31");
  p7 = product (store, berger, " apfelschorle 0,33 L ", 50, FALSE, NULL);
  product (store, ohm, "Fahrradpumpe", 1250, FALSE, NULL);

  recipe (store, c, p1, 1, 1, 0);
  recipe (store, c, p2, 1, 0, 1);
  recipe (store, c, p3, 1, 0, 2);
  recipe (store, c, p4, 0, 1, 3);
  recipe (store, c, p5, 1, 0, 4);
  recipe (store, c, p6, 2, 2, 5);

  pledge (store, c, p1, 100, TRUE, "2026-05-01");
  pledge (store, c, p2, 50, TRUE, NULL);
  pledge (store, c, p3, 80, TRUE, NULL);
  pledge (store, c, p4, 40, TRUE, NULL);
  pledge (store, c, p5, 30, FALSE, NULL);
  pledge (store, c, p6, 200, TRUE, NULL);

  receipt (store, c, p1, "2026-04-01", 60, NULL);
  receipt (store, c, p1, "2026-04-15", 30, "Lieferschein 4711");
  receipt (store, c, p2, "2026-04-20", 50, NULL);
  receipt (store, c, p3, "2026-04-20", 80, NULL);
  receipt (store, c, p4, "2026-04-22", 20, NULL);
  receipt (store, c, p6, "2026-04-23", 150, NULL);
  receipt (store, c, p7, "2026-04-24", 10, "ohne Zusage");

  s1 = school (store, c, "170001", "Gymnasium Arnsberg", 40, 5, "2026-06-26T11:00");
  school (store, c, "170002", "Gymnasium Brilon", 30, -1, NULL);
  graduate (store, c, s1, "Müller", "Lena", "2008-05-03");
  graduate (store, c, s1, "Özdemir", "Can", "2008-09-15");
  graduate (store, c, s1, "Schulte", "Jonas", NULL);

  b = hp_store_clone_campaign (store, c, "Heimvorteil2GO 2027", 2027, &error);
  CHECK (b != NULL);
  receipt (store, hp_campaign_get_id (b), p1, "2027-03-01", 10, NULL);
  return 0;
}
