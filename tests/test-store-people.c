/* test-store-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpStore: schools with their per-campaign figures, and graduates.
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
  TEST ("school/invalid", test_school_invalid);
  TEST ("school/in-use", test_school_in_use);
  TEST ("graduate/roundtrip", test_graduate_roundtrip);
  TEST ("graduate/invalid", test_graduate_invalid);
  TEST ("graduate/order", test_graduate_order);

  return g_test_run ();
}
