/* test-store-handovers.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore: hand-overs of packs to schools. Round trip, order and filter by
 * school, refusals (no packs, bad date, unknown school), removal with undo,
 * a school with hand-overs cannot be removed, and removing a campaign takes
 * its hand-overs along and its undo brings them back.
 */

#include "config.h"

#include <locale.h>

#include "test-store-fixture.h"

static gint64
add_handover (Fixture    *f,
              gint64      school_id,
              const char *date,
              gint64      standard,
              gint64      under18)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpHandover) handover = hp_handover_new (cid (f), school_id, date, standard, under18);

  g_assert_true (hp_store_add_handover (f->store, handover, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hp_handover_get_id (handover), >, 0);
  return hp_handover_get_id (handover);
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "100234", UMLAUTS);
  g_autoptr(HpHandover) handover = hp_handover_new (cid (f), hp_school_get_id (school), "2027-07-03T12:00", 20, 7);
  g_autoptr(HpHandover) got = NULL;

  hp_handover_set_received_by (handover, "Frau Jäger " EMOJI);
  hp_handover_set_note (handover, EVIL_SQL);
  g_assert_true (hp_store_add_handover (f->store, handover, &error));
  g_assert_no_error (error);

  got = hp_store_get_handover (f->store, hp_handover_get_id (handover), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpint (hp_handover_get_campaign_id (got), ==, cid (f));
  g_assert_cmpint (hp_handover_get_school_id (got), ==, hp_school_get_id (school));
  g_assert_cmpstr (hp_handover_get_date (got), ==, "2027-07-03T12:00");
  g_assert_cmpint (hp_handover_get_standard (got), ==, 20);
  g_assert_cmpint (hp_handover_get_under18 (got), ==, 7);
  /* 20 standard + 7 under-18 = 27 packs */
  g_assert_cmpint (hp_handover_get_total (got), ==, 27);
  g_assert_cmpstr (hp_handover_get_received_by (got), ==, "Frau Jäger " EMOJI);
  g_assert_cmpstr (hp_handover_get_note (got), ==, EVIL_SQL);
  g_assert_cmpstr (hp_handover_get_school_number (got), ==, "100234");
  g_assert_cmpstr (hp_handover_get_school_name (got), ==, UMLAUTS);
  g_assert_cmpuint (count_schools (f->store), ==, 1);

  /* a correction: 20 + 7 were 25 + 2, signed by someone else */
  hp_handover_set_standard (got, 25);
  hp_handover_set_under18 (got, 2);
  hp_handover_set_received_by (got, "Herr Groß");
  hp_handover_set_date (got, "2027-07-03T12:30");
  g_assert_true (hp_store_update_handover (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_object (&handover);
  handover = hp_store_get_handover (f->store, hp_handover_get_id (got), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_handover_get_total (handover), ==, 27);
  g_assert_cmpint (hp_handover_get_standard (handover), ==, 25);
  g_assert_cmpstr (hp_handover_get_received_by (handover), ==, "Herr Groß");
  g_assert_cmpstr (hp_handover_get_date (handover), ==, "2027-07-03T12:30");

  /* and no correction to zero packs */
  hp_handover_set_standard (got, 0);
  hp_handover_set_under18 (got, 0);
  g_assert_false (hp_store_update_handover (f->store, got, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
}

static void
test_order_filter (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) a = add_school (f->store, "100001", "Gymnasium Nord");
  g_autoptr(HpSchool) b = add_school (f->store, "100002", "Realschule Süd");
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) only_a = NULL;
  g_autoptr(HpCampaign) other = hp_campaign_new ("Andere Kampagne", 2028);
  g_autoptr(GListModel) other_list = NULL;
  gint64 late = add_handover (f, hp_school_get_id (a), "2027-07-10", 45, 0);
  gint64 early = add_handover (f, hp_school_get_id (a), "2027-07-03T09:30", 20, 7);
  gint64 of_b = add_handover (f, hp_school_get_id (b), "2027-07-05", 10, 0);

  all = hp_store_list_handovers (f->store, cid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (all), ==, 3);
  /* oldest first: 03.07. (early), 05.07. (b), 10.07. (late) */
  {
    g_autoptr(HpHandover) h0 = hp_test_list_get (all, 0);
    g_autoptr(HpHandover) h1 = hp_test_list_get (all, 1);
    g_autoptr(HpHandover) h2 = hp_test_list_get (all, 2);

    g_assert_cmpint (hp_handover_get_id (h0), ==, early);
    g_assert_cmpint (hp_handover_get_id (h1), ==, of_b);
    g_assert_cmpint (hp_handover_get_id (h2), ==, late);
  }

  only_a = hp_store_list_handovers (f->store, cid (f), hp_school_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (only_a), ==, 2);

  /* another campaign has none of them */
  g_assert_true (hp_store_add_campaign (f->store, other, &error));
  g_assert_no_error (error);
  other_list = hp_store_list_handovers (f->store, hp_campaign_get_id (other), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (other_list), ==, 0);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HpSchool) school = add_school (f->store, "100001", "Gymnasium Nord");
  gint64 sid = hp_school_get_id (school);
  struct { const char *date; gint64 standard, under18; gint64 school; int code; } cases[] = {
    { "2027-07-03", 0, 0, 0, HP_STORE_ERROR_INVALID },      /* no pack */
    { "2027-07-03", -1, 5, 0, HP_STORE_ERROR_INVALID },     /* negative */
    { NULL, 5, 0, 0, HP_STORE_ERROR_INVALID },              /* no date */
    { "2027-02-30", 5, 0, 0, HP_STORE_ERROR_INVALID },      /* no such day */
    { "2027-07-03T25:00", 5, 0, 0, HP_STORE_ERROR_INVALID },/* no such hour */
    { "2027-07-03", 5, 0, 9999, HP_STORE_ERROR_NOT_FOUND }, /* no such school */
  };
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HpHandover) h = hp_handover_new (cid (f), cases[i].school ? cases[i].school : sid,
                                                 cases[i].date, cases[i].standard, cases[i].under18);

      g_assert_false (hp_store_add_handover (f->store, h, &error));
      g_assert_error (error, HP_STORE_ERROR, cases[i].code);
    }

  list = hp_store_list_handovers (f->store, cid (f), 0, NULL);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
}

static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "100001", "Gymnasium Nord");
  gint64 id = add_handover (f, hp_school_get_id (school), "2027-07-03T12:00", 20, 7);
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpHandover) back = NULL;
  g_autoptr(GListModel) list = NULL;

  /* the school's hand-overs keep it: the record of what was delivered */
  g_assert_false (hp_store_remove_school (f->store, hp_school_get_id (school), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  removal = hp_store_remove (f->store, HP_RECORD_HANDOVER, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  list = hp_store_list_handovers (f->store, cid (f), 0, NULL);
  g_assert_cmpuint (hp_test_list_count (list), ==, 0);
  g_clear_object (&list);

  g_assert_false (hp_store_remove_handover (f->store, id, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  back = hp_store_get_handover (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_handover_get_total (back), ==, 27);
  g_assert_cmpstr (hp_handover_get_date (back), ==, "2027-07-03T12:00");
}

static void
test_campaign_removal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = add_school (f->store, "100001", "Gymnasium Nord");
  gint64 id = add_handover (f, hp_school_get_id (school), "2027-07-03", 5, 1);
  g_autoptr(HpStoreRemoval) removal = NULL;
  g_autoptr(HpHandover) back = NULL;
  gint64 campaign_id = cid (f);

  removal = hp_store_remove (f->store, HP_RECORD_CAMPAIGN, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_null (hp_store_get_handover (f->store, id, NULL));
  /* with the campaign's hand-overs gone the school can go */
  g_assert_true (hp_store_restore (f->store, removal, &error));
  g_assert_no_error (error);
  back = hp_store_get_handover (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hp_handover_get_total (back), ==, 6);
}

static void
record_changes (HpStore        *store,
                HpStoreChanges  changes,
                HpStoreChanges *out)
{
  *out |= changes;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HpSchool) school = add_school (f->store, "100001", "Gymnasium Nord");
  HpStoreChanges changes = 0;
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (record_changes), &changes);
  id = add_handover (f, hp_school_get_id (school), "2027-07-03", 5, 1);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (changes & HP_STORE_CHANGED (HP_RECORD_HANDOVER), !=, 0);
  changes = 0;
  g_assert_true (hp_store_remove_handover (f->store, id, NULL));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (changes, ==, HP_STORE_CHANGED (HP_RECORD_HANDOVER));
  g_signal_handlers_disconnect_by_data (f->store, &changes);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  TEST ("handover/roundtrip", test_roundtrip);
  TEST ("handover/order-filter", test_order_filter);
  TEST ("handover/invalid", test_invalid);
  TEST ("handover/remove-undo", test_remove_undo);
  TEST ("handover/campaign-removal", test_campaign_removal);
  TEST ("handover/changed-signal", test_changed_signal);

  return g_test_run ();
}
