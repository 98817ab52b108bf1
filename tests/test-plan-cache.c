/* test-plan-cache.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's graduate figures that the store keeps between
 * hp_plan_input_load() calls (src/core/store/hp-store-plan-cache.c): after
 * every kind of write that can change them, the store's input equals the
 * input a new store on the same file loads (nothing kept), and the edits
 * that cannot change them (a booking, a pack line, a school's name) are
 * followed without counting any graduates again.
 *
 * The file: campaign "Kampagne 2027", hand-over day 30 June 2027, so the
 * cut-off is 30 June 2009 (born after it: under 18). School 100 has
 *   g1 born 2008-01-15  19 on the day
 *   g2 born 2010-03-01  17 on the day: under 18
 *   g3 no birth date    unknown
 * → listed 3, with a birth date 2, under 18 1, none ticked. School 200
 * takes part with 10 expected graduates and none listed.
 */

#include "config.h"

#include <sqlite3.h>

#include "store/hp-store-private.h"
#include "test-store-fixture.h"

typedef struct
{
  char    *dir;
  char    *path;
  HpStore *store;
  gint64   campaign_id;
  gint64   school_a;      /* "100" */
  gint64   school_b;      /* "200" */
  gint64   product_id;
  gint64   item_id;
  gint64   g1, g2, g3;
} CacheFixture;

#define CACHE_TEST(path, func) \
  g_test_add ("/heimpack/plan-cache/" path, CacheFixture, NULL, cache_setup, func, cache_teardown)

static gint64
add_graduate_born (HpStore    *store,
                   gint64      campaign_id,
                   gint64      school_id,
                   const char *last_name,
                   const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) graduate = hp_graduate_new (campaign_id, school_id);

  hp_graduate_set_last_name (graduate, last_name);
  hp_graduate_set_first_name (graduate, "Test");
  hp_graduate_set_birth_date (graduate, birth_date);
  g_assert_true (hp_store_add_graduate (store, graduate, &error));
  g_assert_no_error (error);
  return hp_graduate_get_id (graduate);
}

static void
cache_setup (CacheFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Kampagne 2027", 2027);
  g_autoptr(HpSponsor) sponsor = NULL;
  g_autoptr(HpProduct) product = NULL;
  g_autoptr(HpSchool) a = NULL;
  g_autoptr(HpSchool) b = NULL;
  g_autoptr(HpPledge) pledge = NULL;

  f->dir = hp_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "heimpack.db", NULL);
  f->store = hp_store_open (f->path, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  hp_campaign_set_handover_date (campaign, "2027-06-30");
  g_assert_true (hp_store_add_campaign (f->store, campaign, &error));
  f->campaign_id = hp_campaign_get_id (campaign);

  a = add_school (f->store, "100", "Gymnasium Am Ring");
  b = add_school (f->store, "200", "Realschule Süd");
  f->school_a = hp_school_get_id (a);
  f->school_b = hp_school_get_id (b);
  hp_school_set_expected_graduates (b, 10);
  g_assert_true (hp_store_set_school_campaign (f->store, f->campaign_id, b, &error));
  g_assert_no_error (error);

  sponsor = add_sponsor (f->store, "Mosterei Berger");
  product = add_product (f->store, hp_sponsor_get_id (sponsor), "Apfelschorle", 80, FALSE);
  f->product_id = hp_product_get_id (product);
  f->item_id = hp_product_get_item_id (product);
  set_recipe (f->store, f->campaign_id, f->item_id, 1, 1, HP_UNSET);
  pledge = add_pledge (f->store, f->campaign_id, f->product_id, 100);

  f->g1 = add_graduate_born (f->store, f->campaign_id, f->school_a, "Adler", "2008-01-15");
  f->g2 = add_graduate_born (f->store, f->campaign_id, f->school_a, "Bauer", "2010-03-01");
  f->g3 = add_graduate_born (f->store, f->campaign_id, f->school_a, "Cramer", NULL);
}

static void
cache_teardown (CacheFixture  *f,
                gconstpointer  data)
{
  g_clear_object (&f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static const HpPlanSchool *
find_school (const HpPlanInput *input,
             const char        *number)
{
  for (guint i = 0; i < input->n_schools; i++)
    if (g_strcmp0 (input->schools[i].number, number) == 0)
      return &input->schools[i];
  return NULL;
}

static void
assert_same_input (const HpPlanInput *kept,
                   const HpPlanInput *fresh)
{
  g_assert_cmpuint (kept->spare_percent, ==, fresh->spare_percent);

  g_assert_cmpuint (kept->n_items, ==, fresh->n_items);
  for (guint i = 0; i < kept->n_items; i++)
    {
      g_assert_cmpint (kept->items[i].item_id, ==, fresh->items[i].item_id);
      g_assert_cmpstr (kept->items[i].name, ==, fresh->items[i].name);
      g_assert_cmpuint (kept->items[i].per_standard, ==, fresh->items[i].per_standard);
      g_assert_cmpuint (kept->items[i].per_under18, ==, fresh->items[i].per_under18);
    }

  g_assert_cmpuint (kept->n_gifts, ==, fresh->n_gifts);
  for (guint i = 0; i < kept->n_gifts; i++)
    {
      g_assert_cmpint (kept->gifts[i].product_id, ==, fresh->gifts[i].product_id);
      g_assert_cmpint (kept->gifts[i].pledged, ==, fresh->gifts[i].pledged);
      g_assert_cmpint (kept->gifts[i].received, ==, fresh->gifts[i].received);
    }

  g_assert_cmpuint (kept->n_schools, ==, fresh->n_schools);
  for (guint i = 0; i < kept->n_schools; i++)
    {
      const HpPlanSchool *k = &kept->schools[i], *s = &fresh->schools[i];

      g_assert_cmpint (k->school_id, ==, s->school_id);
      g_assert_cmpstr (k->number, ==, s->number);
      g_assert_cmpstr (k->name, ==, s->name);
      g_assert_cmpuint (k->graduates, ==, s->graduates);
      g_assert_cmpint (k->expected, ==, s->expected);
      g_assert_cmpint (k->list_complete, ==, s->list_complete);
      g_assert_cmpuint (k->under18_by_birth, ==, s->under18_by_birth);
      g_assert_cmpuint (k->with_birth_date, ==, s->with_birth_date);
      g_assert_cmpint (k->under18_manual, ==, s->under18_manual);
      g_assert_cmpuint (k->delivered_standard, ==, s->delivered_standard);
      g_assert_cmpuint (k->delivered_under18, ==, s->delivered_under18);
      g_assert_cmpuint (k->handed_out, ==, s->handed_out);
      g_assert_cmpuint (k->handed_out_under18, ==, s->handed_out_under18);
    }
}

/* The input from a store of its own on the file (read-only: the fixture's
 * store holds the lock), which has kept nothing. */
static HpPlanInput *
load_fresh (const char *path,
            gint64      campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_store_open (path, HP_STORE_OPEN_READ_ONLY, &error);
  HpPlanInput *input;

  g_assert_no_error (error);
  input = hp_plan_input_load (store, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_hp_plan_cache_get_n_counted (store), ==, input->n_schools);
  return input;
}

/* The fixture store's input, checked against a fresh one; @out_counted:
 * how many schools this load counted (0: all kept). */
static HpPlanInput *
load_checked (CacheFixture *f,
              guint        *out_counted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) fresh = load_fresh (f->path, f->campaign_id);
  guint before = _hp_plan_cache_get_n_counted (f->store);
  HpPlanInput *input = hp_plan_input_load (f->store, f->campaign_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (input);
  if (out_counted != NULL)
    *out_counted = _hp_plan_cache_get_n_counted (f->store) - before;
  assert_same_input (input, fresh);
  return input;
}

static void
assert_school (const HpPlanInput *input,
               const char        *number,
               guint              graduates,
               guint              with_birth_date,
               guint              under18,
               guint              handed_out,
               guint              handed_out_under18)
{
  const HpPlanSchool *school = find_school (input, number);

  g_assert_nonnull (school);
  g_assert_cmpuint (school->graduates, ==, graduates);
  g_assert_cmpuint (school->with_birth_date, ==, with_birth_date);
  g_assert_cmpuint (school->under18_by_birth, ==, under18);
  g_assert_cmpuint (school->handed_out, ==, handed_out);
  g_assert_cmpuint (school->handed_out_under18, ==, handed_out_under18);
}

/* ------------------------------------------------------------------------ */

/* A booking and a pack line change the gifts and items, never the
 * graduates: nothing is counted again. Every graduate write is. */
static void
test_graduate_writes (CacheFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  guint counted = 0;

  /* first load: both schools counted; 100: 3 listed, 2 dated, 1 under 18 */
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 2);
  assert_school (input, "100", 3, 2, 1, 0, 0);
  assert_school (input, "200", 0, 0, 0, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* again: all kept */
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* a booking of 7 pieces: received 0 → 7, graduates kept */
  {
    g_autoptr(HpReceipt) receipt = hp_store_book_receipt (f->store, f->campaign_id, f->product_id,
                                                          "2027-05-02", 7, NULL, &error);

    g_assert_no_error (error);
    input = load_checked (f, &counted);
    g_assert_cmpuint (counted, ==, 0);
    g_assert_cmpint (input->gifts[0].received, ==, 7);
    g_clear_pointer (&input, hp_plan_input_free);
  }

  /* a pack line: 1 → 2 pieces per standard pack, graduates kept */
  set_recipe (f->store, f->campaign_id, f->item_id, 2, 1, HP_UNSET);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 0);
  g_assert_cmpuint (input->items[0].per_standard, ==, 2);
  g_clear_pointer (&input, hp_plan_input_free);

  /* add g4 born 2009-12-31: after the 2009-06-30 cut-off, under 18:
   * 3 + 1 = 4 listed, 2 + 1 = 3 dated, 1 + 1 = 2 under 18 */
  {
    gint64 g4 = add_graduate_born (f->store, f->campaign_id, f->school_a, "Dorn", "2009-12-31");

    g_assert_cmpint (g4, >, 0);
    input = load_checked (f, &counted);
    g_assert_cmpuint (counted, ==, 2);
    assert_school (input, "100", 4, 3, 2, 0, 0);
    g_clear_pointer (&input, hp_plan_input_free);
  }

  /* remove g2 (under 18): 4 - 1 = 3 listed, 2 dated, 1 under 18 (g4) */
  g_assert_true (hp_store_remove_graduate (f->store, f->g2, &error));
  g_assert_no_error (error);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 2);
  assert_school (input, "100", 3, 2, 1, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* g1's birth date corrected to 2011-05-05 (16): under 18 now g1 and g4 */
  {
    g_autoptr(HpGraduate) g1 = hp_store_get_graduate (f->store, f->g1, &error);

    g_assert_no_error (error);
    hp_graduate_set_birth_date (g1, "2011-05-05");
    g_assert_true (hp_store_update_graduate (f->store, g1, &error));
    g_assert_no_error (error);
    input = load_checked (f, &counted);
    g_assert_cmpuint (counted, ==, 2);
    assert_school (input, "100", 3, 2, 2, 0, 0);
    g_clear_pointer (&input, hp_plan_input_free);
  }

  /* g1 and g3 got their packs: 2 handed out, of them under 18 only g1 */
  {
    gint64 ids[] = { f->g1, f->g3 };

    g_assert_true (hp_store_set_packs_received (f->store, ids, G_N_ELEMENTS (ids), TRUE, &error));
    g_assert_no_error (error);
    input = load_checked (f, &counted);
    g_assert_cmpuint (counted, ==, 2);
    assert_school (input, "100", 3, 2, 2, 2, 1);
    g_clear_pointer (&input, hp_plan_input_free);
  }

  /* g3 moves to school 200: 100 has 2 (both dated, both under 18, g1
   * ticked), 200 has g3 (undated, ticked) */
  {
    g_autoptr(HpGraduate) g3 = hp_store_get_graduate (f->store, f->g3, &error);

    g_assert_no_error (error);
    hp_graduate_set_school_id (g3, f->school_b);
    g_assert_true (hp_store_update_graduate (f->store, g3, &error));
    g_assert_no_error (error);
    input = load_checked (f, &counted);
    assert_school (input, "100", 2, 2, 2, 1, 1);
    assert_school (input, "200", 1, 0, 0, 1, 0);
    g_clear_pointer (&input, hp_plan_input_free);
  }
}

/* The cut-off follows the hand-over day: a changed day is a miss for the
 * schools whose day it is, and only for them. */
static void
test_handover_days (CacheFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpCampaign) campaign = NULL;
  guint counted = 0;

  /* g4 born 2009-12-31: under 18 on 2027-06-30 (cut-off 2009-06-30) with
   * g2 (2010-03-01): 2 */
  add_graduate_born (f->store, f->campaign_id, f->school_a, "Dorn", "2009-12-31");
  input = load_checked (f, NULL);
  assert_school (input, "100", 4, 3, 2, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* the campaign's day moves to 2028-01-01 (cut-off 2010-01-01): g4 turned
   * 18 on 2027-12-31; only g2 is under 18 */
  campaign = hp_store_get_campaign (f->store, f->campaign_id, &error);
  g_assert_no_error (error);
  hp_campaign_set_handover_date (campaign, "2028-01-01");
  g_assert_true (hp_store_update_campaign (f->store, campaign, &error));
  g_assert_no_error (error);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 2);
  assert_school (input, "100", 4, 3, 1, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* school 100 hands over on 2027-06-01 at 10:00 (cut-off 2009-06-01): g2
   * and g4 under 18 again. One school's day: one school counted. */
  {
    g_autoptr(HpSchool) a = hp_store_get_school (f->store, f->school_a, &error);

    g_assert_no_error (error);
    hp_school_set_handover (a, "2027-06-01T10:00");
    g_assert_true (hp_store_set_school_campaign (f->store, f->campaign_id, a, &error));
    g_assert_no_error (error);
  }
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 1);
  assert_school (input, "100", 4, 3, 2, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);
}

/* School rows, the list flag, hand-overs and removing a school are read
 * afresh by every load: followed without counting graduates. */
static void
test_school_writes (CacheFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpStoreRemoval) removal = NULL;
  guint counted = 0;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  /* renamed */
  {
    g_autoptr(HpSchool) a = hp_store_get_school (f->store, f->school_a, &error);

    hp_school_set_name (a, "Gymnasium Am Wall");
    g_assert_true (hp_store_update_school (f->store, a, &error));
    g_assert_no_error (error);
  }
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 0);
  g_assert_cmpstr (find_school (input, "100")->name, ==, "Gymnasium Am Wall");
  g_clear_pointer (&input, hp_plan_input_free);

  /* 100's list is complete */
  g_assert_true (hp_store_set_school_list_complete (f->store, f->campaign_id, f->school_a, TRUE, &error));
  g_assert_no_error (error);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 0);
  g_assert_true (find_school (input, "100")->list_complete);
  g_clear_pointer (&input, hp_plan_input_free);

  /* hand-overs to 100: 2 + 1 standard, 1 under-18 pack */
  {
    g_autoptr(HpHandover) first = hp_handover_new (f->campaign_id, f->school_a, "2027-06-30", 2, 1);
    g_autoptr(HpHandover) second = hp_handover_new (f->campaign_id, f->school_a, "2027-07-01", 1, 0);

    g_assert_true (hp_store_add_handover (f->store, first, &error));
    g_assert_true (hp_store_add_handover (f->store, second, &error));
    g_assert_no_error (error);
  }
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 0);
  g_assert_cmpuint (find_school (input, "100")->delivered_standard, ==, 3);
  g_assert_cmpuint (find_school (input, "100")->delivered_under18, ==, 1);
  g_clear_pointer (&input, hp_plan_input_free);

  /* 200 (no graduates) removed, then the removal undone */
  removal = hp_store_remove (f->store, HP_RECORD_SCHOOL, f->school_b, &error);
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  g_assert_cmpuint (input->n_schools, ==, 1);
  g_clear_pointer (&input, hp_plan_input_free);
  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  g_assert_cmpuint (input->n_schools, ==, 2);
  g_assert_cmpint (find_school (input, "200")->expected, ==, 10);
  g_clear_pointer (&input, hp_plan_input_free);
}

/* Removing with undo: a graduate, the whole campaign. */
static void
test_removal_undo (CacheFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpStoreRemoval) graduate = NULL;
  g_autoptr(HpStoreRemoval) campaign = NULL;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  /* g2 goes: 2 listed, 1 dated, 0 under 18; and comes back: 3, 2, 1 */
  graduate = hp_store_remove (f->store, HP_RECORD_GRADUATE, f->g2, &error);
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  assert_school (input, "100", 2, 1, 0, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);
  g_assert_true (hp_store_restore (f->store, graduate, &error));
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  assert_school (input, "100", 3, 2, 1, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  /* the campaign goes (its graduates with it), and comes back */
  campaign = hp_store_remove (f->store, HP_RECORD_CAMPAIGN, f->campaign_id, &error);
  g_assert_no_error (error);
  input = hp_plan_input_load (f->store, f->campaign_id, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (input);
  g_clear_error (&error);
  g_assert_true (hp_store_restore (f->store, campaign, &error));
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  assert_school (input, "100", 3, 2, 1, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);
}

/* An import of two graduates of school 100, one born 01.02.2011 (under
 * 18), one without a date: 3 + 2 = 5 listed, 2 + 1 = 3 dated, 1 + 1 = 2
 * under 18. */
static void
test_import (CacheFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "abschluss.csv", NULL);
  g_autoptr(HpImport) import = NULL;
  HpImportResult result;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  g_assert_true (g_file_set_contents (csv,
                                      "Schulnummer;Nachname;Vorname;Geburtsdatum\n"
                                      "100;Eck;Emil;01.02.2011\n"
                                      "100;Fuchs;Frida;\n",
                                      -1, &error));
  import = hp_import_new (f->store, HP_IMPORT_GRADUATES, csv, NULL, &error);
  g_assert_no_error (error);
  hp_import_set_campaign (import, f->campaign_id);
  g_assert_true (hp_import_set_mapping (import, "school_number", "Schulnummer", &error));
  g_assert_true (hp_import_run (import, FALSE, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);

  input = load_checked (f, NULL);
  assert_school (input, "100", 5, 3, 2, 0, 0);
}

/* A purge clears birth dates but keeps the under-18 flag: the figures stay
 * 3, 2, 1, counted anew from the flags. */
static void
test_purge (CacheFixture  *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  guint counted = 0, purged = 0;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  g_assert_true (hp_store_purge (f->store, f->campaign_id, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged, ==, 3);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 2);
  assert_school (input, "100", 3, 2, 1, 0, 0);
}

/* Restoring a backup brings the file back as it was: 3 graduates, after
 * a fourth was added. */
static void
test_restore (CacheFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpBackupInfo) backup = NULL;
  g_autoptr(HpBackupInfo) safety = NULL;

  backup = hp_backup_create (f->store, HP_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  add_graduate_born (f->store, f->campaign_id, f->school_a, "Dorn", "2009-12-31");
  input = load_checked (f, NULL);
  assert_school (input, "100", 4, 3, 2, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  g_assert_true (hp_backup_restore (f->store, backup->path, &safety, &error));
  g_assert_no_error (error);
  input = load_checked (f, NULL);
  assert_school (input, "100", 3, 2, 1, 0, 0);
}

/* Inside its own transaction a thread sees its uncommitted rows, which the
 * kept figures do not hold; after a rollback they are gone again. */
static void
test_transaction (CacheFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  guint before;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  g_assert_true (hp_store_begin (f->store, &error));
  add_graduate_born (f->store, f->campaign_id, f->school_a, "Dorn", "2009-12-31");
  before = _hp_plan_cache_get_n_counted (f->store);
  input = hp_plan_input_load (f->store, f->campaign_id, &error);
  g_assert_no_error (error);
  /* 3 + 1 uncommitted, counted in the transaction, not taken from the cache */
  assert_school (input, "100", 4, 3, 2, 0, 0);
  g_assert_cmpuint (_hp_plan_cache_get_n_counted (f->store) - before, ==, 2);
  g_clear_pointer (&input, hp_plan_input_free);
  hp_store_rollback (f->store);

  input = load_checked (f, NULL);
  assert_school (input, "100", 3, 2, 1, 0, 0);
  g_clear_pointer (&input, hp_plan_input_free);

  g_assert_true (hp_store_begin (f->store, &error));
  add_graduate_born (f->store, f->campaign_id, f->school_a, "Dorn", "2009-12-31");
  g_assert_true (hp_store_commit (f->store, &error));
  input = load_checked (f, NULL);
  assert_school (input, "100", 4, 3, 2, 0, 0);
}

/* Writes of other connections: another program's SQL on the file beside
 * the fixture's store (the sqlite3 shell, say), and a second HpStore
 * writing while a read-only one (a second window) keeps figures. */
static void
test_other_connections (CacheFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpStore) reader = NULL;
  sqlite3 *db = NULL;
  g_autofree char *sql = NULL;
  guint counted = 0;

  input = load_checked (f, NULL);
  g_clear_pointer (&input, hp_plan_input_free);

  /* g2 ticked by another program: 1 handed out, under 18 */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE graduate SET pack_received = 1 WHERE id = %" G_GINT64_FORMAT, f->g2);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  input = load_checked (f, &counted);
  g_assert_cmpuint (counted, ==, 2);
  assert_school (input, "100", 3, 2, 1, 1, 1);
  g_clear_pointer (&input, hp_plan_input_free);

  /* a read-only store keeps its figures, the fixture's store writes */
  reader = hp_store_open (f->path, HP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  input = hp_plan_input_load (reader, f->campaign_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&input, hp_plan_input_free);
  input = hp_plan_input_load (reader, f->campaign_id, &error);
  g_assert_cmpuint (_hp_plan_cache_get_n_counted (reader), ==, 2);   /* the second load kept all */
  g_clear_pointer (&input, hp_plan_input_free);

  /* g5 born 2012-01-01 at 100: 4 listed, 3 dated, 2 under 18 */
  add_graduate_born (f->store, f->campaign_id, f->school_a, "Engel", "2012-01-01");
  input = hp_plan_input_load (reader, f->campaign_id, &error);
  g_assert_no_error (error);
  assert_school (input, "100", 4, 3, 2, 1, 1);
  g_assert_cmpuint (_hp_plan_cache_get_n_counted (reader), ==, 4);
  g_clear_pointer (&input, hp_plan_input_free);

  /* and a booking of the writer: the reader cannot tell what another
   * connection wrote, so it counts again, and gets it right */
  {
    g_autoptr(HpReceipt) receipt = hp_store_book_receipt (f->store, f->campaign_id, f->product_id,
                                                          "2027-05-02", 3, NULL, &error);
    g_autoptr(HpPlanInput) fresh = load_fresh (f->path, f->campaign_id);

    g_assert_no_error (error);
    input = hp_plan_input_load (reader, f->campaign_id, &error);
    g_assert_no_error (error);
    assert_same_input (input, fresh);
    g_assert_cmpint (input->gifts[0].received, ==, 3);
  }
}

/* A worker loading over and over while the owner thread adds graduates:
 * every load counts at least the graduates whose add had returned before
 * it began (never older figures), none it could not have seen, and the last
 * equals a fresh store's. */
#define RACE_ADDS 40

typedef struct
{
  CacheFixture *f;
  gint          written;   /* atomic: graduates added and returned */
  gint          done;      /* atomic */
  guint         loads;
} Race;

static gpointer
race_worker (gpointer data)
{
  Race *race = data;

  while (!g_atomic_int_get (&race->done))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HpPlanInput) input = NULL;
      guint written = (guint) g_atomic_int_get (&race->written);
      const HpPlanSchool *a;

      input = hp_plan_input_load (race->f->store, race->f->campaign_id, &error);
      g_assert_no_error (error);
      a = find_school (input, "100");
      g_assert_nonnull (a);
      g_assert_cmpuint (a->graduates, >=, 3 + written);
      g_assert_cmpuint (a->graduates, <=, 3 + RACE_ADDS);
      /* every one added is born 2010-01-01, under 18 */
      g_assert_cmpuint (a->under18_by_birth, ==, a->graduates - 2);
      race->loads++;
    }

  return NULL;
}

static void
test_race (CacheFixture  *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = NULL;
  Race race = { .f = f };
  GThread *worker;

  worker = g_thread_new ("plan-loader", race_worker, &race);
  for (guint i = 0; i < RACE_ADDS; i++)
    {
      g_autoptr(HpReceipt) receipt = NULL;

      add_graduate_born (f->store, f->campaign_id, f->school_a, "Race", "2010-01-01");
      g_atomic_int_inc (&race.written);
      /* bookings in between, which keep the figures */
      receipt = hp_store_book_receipt (f->store, f->campaign_id, f->product_id, "2027-05-02", 1, NULL, &error);
      g_assert_no_error (error);
      g_usleep (500);
    }
  g_atomic_int_set (&race.done, TRUE);
  g_thread_join (worker);
  g_test_message ("%u loads beside %d writes", race.loads, RACE_ADDS);
  g_assert_cmpuint (race.loads, >, 0);

  /* 3 + 40 listed, 2 + 40 dated, 1 + 40 under 18 */
  input = load_checked (f, NULL);
  assert_school (input, "100", 3 + RACE_ADDS, 2 + RACE_ADDS, 1 + RACE_ADDS, 0, 0);
  g_assert_cmpint (input->gifts[0].received, ==, RACE_ADDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  CACHE_TEST ("graduate-writes", test_graduate_writes);
  CACHE_TEST ("handover-days", test_handover_days);
  CACHE_TEST ("school-writes", test_school_writes);
  CACHE_TEST ("removal-undo", test_removal_undo);
  CACHE_TEST ("import", test_import);
  CACHE_TEST ("purge", test_purge);
  CACHE_TEST ("restore", test_restore);
  CACHE_TEST ("transaction", test_transaction);
  CACHE_TEST ("other-connections", test_other_connections);
  CACHE_TEST ("race", test_race);

  return g_test_run ();
}
