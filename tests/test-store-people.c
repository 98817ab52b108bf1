/* test-store-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore: schools with their per-campaign figures (a complete graduate list
 * among them), and graduates with their under-18 flag on the hand-over day.
 */

#include "config.h"

#include <locale.h>

#include "test-store-fixture.h"

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

/* A school says its graduate list is complete, per campaign: from then on
 * its graduates, not its expected number, are what it needs. Only the flag
 * changes; the other figures stay. */
static void
test_school_list_complete (Fixture       *f,
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
  g_assert_true (hp_store_set_school_campaign (f->store, hp_campaign_get_id (other), a, &error));
  g_assert_no_error (error);

  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hp_test_list_count (list), ==, 2);   /* every school, with this campaign's figures */
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_false (hp_school_get_list_complete (row));
  g_clear_object (&row);
  g_clear_object (&list);

  g_assert_true (hp_store_set_school_list_complete (f->store, cid (f), hp_school_get_id (a), TRUE, &error));
  g_assert_no_error (error);
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_true (hp_school_get_list_complete (row));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 80);
  g_assert_cmpint (hp_school_get_under18_expected (row), ==, 5);
  g_assert_cmpstr (hp_school_get_handover (row), ==, "2027-06-25T11:00");
  g_clear_object (&list);

  /* An object from the list carries the flag: storing its figures again
   * (a new expected number) keeps it. */
  hp_school_set_expected_graduates (row, 85);
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), row, &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_true (hp_school_get_list_complete (row));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 85);
  g_clear_object (&row);
  g_clear_object (&list);

  /* per campaign: last year's list is not complete */
  list = hp_store_list_schools (f->store, hp_campaign_get_id (other), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_false (hp_school_get_list_complete (row));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 80);
  g_clear_object (&row);
  g_clear_object (&list);

  /* A school not yet in the campaign (not in its plan) is taken into it,
   * without figures */
  {
    g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, cid (f), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (input->n_schools, ==, 1);
  }
  g_assert_true (hp_store_set_school_list_complete (f->store, cid (f), hp_school_get_id (b), TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, cid (f), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (input->n_schools, ==, 2);
    g_assert_cmpint (input->schools[1].school_id, ==, hp_school_get_id (b));
    g_assert_true (input->schools[1].list_complete);
  }
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (b));
  g_assert_true (hp_school_get_list_complete (row));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, HP_UNSET);
  g_assert_null (hp_school_get_handover (row));
  g_clear_object (&row);
  g_clear_object (&list);

  /* and back */
  g_assert_true (hp_store_set_school_list_complete (f->store, cid (f), hp_school_get_id (a), FALSE, &error));
  g_assert_no_error (error);
  list = hp_store_list_schools (f->store, cid (f), &error);
  g_assert_no_error (error);
  row = find_row (list, "id", hp_school_get_id (a));
  g_assert_false (hp_school_get_list_complete (row));
  g_assert_cmpint (hp_school_get_expected_graduates (row), ==, 85);
  g_clear_object (&row);
  g_clear_object (&list);

  /* unknown school or campaign */
  g_assert_false (hp_store_set_school_list_complete (f->store, cid (f), 4711, TRUE, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hp_store_set_school_list_complete (f->store, 4711, hp_school_get_id (a), TRUE, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
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

/* Issue 15, "Numbers": the refusal counts the way the lists do. Worked by
 * hand: 1001 graduates group as 1|001, "1,001 graduates" (was "1001"). */
static void
test_school_in_use_grouped (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = add_school (f->store, "100001", "Gymnasium A");

  g_assert_true (hp_store_begin (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 1001; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);

      g_object_unref (add_graduate (f->store, cid (f), hp_school_get_id (s), "Q2", name, NULL));
    }
  g_assert_true (hp_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_false (hp_store_remove_school (f->store, hp_school_get_id (s), &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“Gymnasium A” still has 1,001 graduates. Remove the graduates first.");
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

/* Adds a graduate born on @birth_date (or without one) and returns its id. */
static gint64
add_born (HpStore    *store,
          gint64      campaign_id,
          gint64      school_id,
          const char *last_name,
          const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) g = hp_graduate_new (campaign_id, school_id);

  hp_graduate_set_last_name (g, last_name);
  hp_graduate_set_birth_date (g, birth_date);
  g_assert_true (hp_store_add_graduate (store, g, &error));
  g_assert_no_error (error);
  return hp_graduate_get_id (g);
}

/* `under18` of each graduate of @campaign_id in list order, as "Name=1 …"
 * (U for unknown); the stream gives the same. */
static char *
under18_flags (HpStore *store,
               gint64   campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_graduates (store, campaign_id, 0, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HpGraduate) g = g_list_model_get_item (list, i);
      int u = hp_graduate_get_under18 (g);

      g_string_append_printf (out, "%s%s=%s", i ? " " : "", hp_graduate_get_last_name (g),
                              u == HP_UNSET ? "U" : u ? "1" : "0");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Under 18 on the hand-over day, from the birth date: the school's day in
 * the campaign, else the campaign's, else 30 June of the campaign year;
 * whoever turns 18 on the day is 18.
 *
 * Campaign 2027, hand-over 03.07.2027 (the day 18 years before: 03.07.2009):
 *   A  born 15.09.2009 → 17 on the day (18 only on 15.09.2027)     → 1
 *   B  born 01.01.2008 → 19                                        → 0
 *   C  no birth date                                               → unknown
 *   D  born 03.07.2009 → turns 18 that very day                    → 0
 *   E  born 04.07.2009 → turns 18 the day after                    → 1
 * A school with its own hand-over, 20.09.2027 10:00 (its date counts):
 *   F  born 15.09.2009 → turned 18 five days before                → 0
 *   G  born 21.09.2009 → 18 the day after                          → 1
 * Campaign 2027 without a hand-over date: 30.06.2027
 *   H  born 30.06.2009 → 18 that day                               → 0
 *   I  born 01.07.2009 → 17                                        → 1
 *   J  born 15.09.2009 → 17                                        → 1
 * Campaign 2028, hand-over 29.02.2028 (18 years before there is no
 * 29.02.2010; one is 18 on 28.02. or 01.03. by one's own birthday):
 *   K  born 01.03.2010 → 18 only on 01.03.2028                     → 1
 *   L  born 28.02.2010 → 18 on 28.02.2028, the day before          → 0
 * The plan's counts per school (hp_plan_input_load) agree. */
static void
test_graduate_under18 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) plain = add_school (f->store, "100001", "Gymnasium A");
  g_autoptr(HpSchool) late = add_school (f->store, "100002", "Gymnasium B");
  g_autoptr(HpCampaign) undated = hp_campaign_new ("Nachzügler 2027", 2027);
  g_autoptr(HpCampaign) leap = hp_campaign_new ("Heimvorteil2GO 2028", 2028);
  g_autoptr(HpPlanInput) input = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *age_day = NULL;
  gboolean assumed = FALSE;

  hp_campaign_set_handover_date (f->campaign, "2027-07-03");
  g_assert_true (hp_store_update_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);
  hp_school_set_handover (late, "2027-09-20T10:00");
  g_assert_true (hp_store_set_school_campaign (f->store, cid (f), late, &error));
  g_assert_no_error (error);

  add_born (f->store, cid (f), hp_school_get_id (plain), "A", "2009-09-15");
  add_born (f->store, cid (f), hp_school_get_id (plain), "B", "2008-01-01");
  add_born (f->store, cid (f), hp_school_get_id (plain), "C", NULL);
  add_born (f->store, cid (f), hp_school_get_id (plain), "D", "2009-07-03");
  add_born (f->store, cid (f), hp_school_get_id (plain), "E", "2009-07-04");
  add_born (f->store, cid (f), hp_school_get_id (late), "F", "2009-09-15");
  add_born (f->store, cid (f), hp_school_get_id (late), "G", "2009-09-21");

  flags = under18_flags (f->store, cid (f));
  g_assert_cmpstr (flags, ==, "A=1 B=0 C=U D=0 E=1 F=0 G=1");
  g_clear_pointer (&flags, g_free);

  input = hp_plan_input_load (f->store, cid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->n_schools, ==, 2);
  g_assert_cmpuint (input->schools[0].under18_by_birth, ==, 2);   /* A, E */
  g_assert_cmpuint (input->schools[0].with_birth_date, ==, 4);
  g_assert_cmpuint (input->schools[1].under18_by_birth, ==, 1);   /* G */
  g_clear_pointer (&input, hp_plan_input_free);

  /* no date anywhere: 30 June of the campaign year, and the campaign says
   * it was assumed */
  g_assert_true (hp_store_add_campaign (f->store, undated, &error));
  g_assert_no_error (error);
  age_day = hp_campaign_dup_age_day (undated, &assumed);
  g_assert_cmpstr (age_day, ==, "2027-06-30");
  g_assert_true (assumed);
  add_born (f->store, hp_campaign_get_id (undated), hp_school_get_id (plain), "H", "2009-06-30");
  add_born (f->store, hp_campaign_get_id (undated), hp_school_get_id (plain), "I", "2009-07-01");
  add_born (f->store, hp_campaign_get_id (undated), hp_school_get_id (plain), "J", "2009-09-15");
  flags = under18_flags (f->store, hp_campaign_get_id (undated));
  g_assert_cmpstr (flags, ==, "H=0 I=1 J=1");
  g_clear_pointer (&flags, g_free);

  /* a hand-over on 29 February */
  hp_campaign_set_handover_date (leap, "2028-02-29");
  g_assert_true (hp_store_add_campaign (f->store, leap, &error));
  g_assert_no_error (error);
  add_born (f->store, hp_campaign_get_id (leap), hp_school_get_id (plain), "K", "2010-03-01");
  add_born (f->store, hp_campaign_get_id (leap), hp_school_get_id (plain), "L", "2010-02-28");
  flags = under18_flags (f->store, hp_campaign_get_id (leap));
  g_assert_cmpstr (flags, ==, "K=1 L=0");
  g_clear_pointer (&flags, g_free);
  input = hp_plan_input_load (f->store, hp_campaign_get_id (leap), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->schools[0].under18_by_birth, ==, 1);
  g_clear_pointer (&input, hp_plan_input_free);

  /* the same 29 February as a school's own hand-over, in the 2027 campaign
   * of 03.07.2027: the school's day wins for its graduates */
  {
    g_autoptr(HpSchool) leap_school = add_school (f->store, "100003", "Gymnasium C");

    hp_school_set_handover (leap_school, "2028-02-29T09:00");
    g_assert_true (hp_store_set_school_campaign (f->store, cid (f), leap_school, &error));
    g_assert_no_error (error);
    add_born (f->store, cid (f), hp_school_get_id (leap_school), "M", "2010-03-01");
    add_born (f->store, cid (f), hp_school_get_id (leap_school), "N", "2010-02-28");
    flags = under18_flags (f->store, cid (f));
    g_assert_cmpstr (flags, ==, "A=1 B=0 C=U D=0 E=1 F=0 G=1 M=1 N=0");
  }
}

/* Streaming graduates fills in `under18` like the list. */
static gboolean
keep_batch (GPtrArray *items,
            gpointer   user_data)
{
  g_ptr_array_extend_and_steal (user_data, items);
  return TRUE;
}

static void
test_graduate_under18_stream (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) s = add_school (f->store, "100001", "Gymnasium A");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  /* the fixture's campaign has no hand-over date: 30.06.2027 */
  add_born (f->store, cid (f), hp_school_get_id (s), "A", "2009-06-30");   /* 18 that day */
  add_born (f->store, cid (f), hp_school_get_id (s), "B", "2009-07-01");   /* 17 */
  add_born (f->store, cid (f), hp_school_get_id (s), "C", NULL);

  g_assert_true (hp_store_stream_graduates (f->store, cid (f), 0, 2, keep_batch, all, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (hp_graduate_get_under18 (g_ptr_array_index (all, 0)), ==, 0);
  g_assert_cmpint (hp_graduate_get_under18 (g_ptr_array_index (all, 1)), ==, 1);
  g_assert_cmpint (hp_graduate_get_under18 (g_ptr_array_index (all, 2)), ==, HP_UNSET);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* report every failing case, not only the first one */
  g_test_set_nonfatal_assertions ();

  TEST ("school/roundtrip", test_school_roundtrip);
  TEST ("school/order", test_school_order);
  TEST ("school/campaign", test_school_campaign);
  TEST ("school/list-complete", test_school_list_complete);
  TEST ("school/invalid", test_school_invalid);
  TEST ("school/in-use", test_school_in_use);
  TEST ("school/in-use-grouped", test_school_in_use_grouped);
  TEST ("graduate/roundtrip", test_graduate_roundtrip);
  TEST ("graduate/invalid", test_graduate_invalid);
  TEST ("graduate/order", test_graduate_order);
  TEST ("graduate/under18", test_graduate_under18);
  TEST ("graduate/under18-stream", test_graduate_under18_stream);

  return g_test_run ();
}
