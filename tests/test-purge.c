/* test-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The purge of a campaign's personal data (issue 14, point 7): who loses
 * what, that the plan's figures stay, that consenting graduates are not
 * touched, the backup before, purged_at after, and "is the drive over".
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-store-fixture.h"

typedef struct
{
  char       *dir;
  HpStore    *store;
  gint64      campaign_id;
  gint64      school_id;
  gint64      ids[4];   /* ANNA, BEN, CARLA, DORIS */
} Purge;

enum { ANNA, BEN, CARLA, DORIS };

static gint64
add (Purge      *f,
     const char *last_name,
     const char *class_name,
     const char *birth,
     const char *consent)
{
  g_autoptr(HpGraduate) g = hp_graduate_new (f->campaign_id, f->school_id);
  g_autoptr(GError) error = NULL;

  hp_graduate_set_last_name (g, last_name);
  hp_graduate_set_first_name (g, "Vorname");
  hp_graduate_set_class_name (g, class_name);
  hp_graduate_set_birth_date (g, birth);
  if (consent != NULL)
    {
      hp_graduate_set_consent_date (g, consent);
      hp_graduate_set_consent_source (g, "Abiball");
      hp_graduate_set_email (g, "carla@example.org");
    }
  g_assert_true (hp_store_add_graduate (f->store, g, &error));
  g_assert_no_error (error);
  return hp_graduate_get_id (g);
}

/*
 * One school, hand-over on 25.06.2027 (the school's, a day after the
 * campaign's 24.06.2027). Under 18 means born after 25.06.2009:
 * - Anna, born 26.06.2009: 17 on the day: under 18, no consent
 * - Ben, born 25.06.2009: turns 18 on the day: not under 18, no consent
 * - Carla, born 01.12.2009: under 18, consented (with e-mail)
 * - Doris, no birth date, no consent
 * So 4 graduates, 2 under 18 by birth (Anna, Carla); the purge takes
 * Anna, Ben and Doris (3, of them 1 under 18: Anna), and Carla stays.
 */
static void
purge_setup (Purge         *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) campaign = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autoptr(HpSchool) school = hp_school_new ("100001", "Realschule Brilon");
  g_autofree char *db = NULL;

  f->dir = hp_test_tmp_dir ();
  db = g_build_filename (f->dir, "heimpack.db", NULL);
  f->store = hp_store_open (db, HP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  hp_campaign_set_handover_date (campaign, "2027-06-24");
  hp_campaign_set_spare_percent (campaign, 5);
  g_assert_true (hp_store_add_campaign (f->store, campaign, &error));
  g_assert_no_error (error);
  f->campaign_id = hp_campaign_get_id (campaign);
  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);
  f->school_id = hp_school_get_id (school);
  hp_school_set_handover (school, "2027-06-25");
  hp_school_set_list_complete (school, TRUE);
  g_assert_true (hp_store_set_school_campaign (f->store, f->campaign_id, school, &error));
  g_assert_no_error (error);

  f->ids[ANNA] = add (f, "Adler", "Q2", "2009-06-26", NULL);
  f->ids[BEN] = add (f, "Berg", "Q2", "2009-06-25", NULL);
  f->ids[CARLA] = add (f, "Conrad", "Q2", "2009-12-01", "2027-03-15");
  f->ids[DORIS] = add (f, "Dorn", "Q1", NULL, NULL);
}

static void
purge_teardown (Purge         *f,
                gconstpointer  data)
{
  hp_backup_wait (f->store);
  g_assert_finalize_object (f->store);
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
}

static HpGraduate *
get (Purge *f,
     guint  who)
{
  g_autoptr(GError) error = NULL;
  HpGraduate *g = hp_store_get_graduate (f->store, f->ids[who], &error);

  g_assert_no_error (error);
  return g;
}

/* graduates, under 18 by birth, and the packs of the school */
static char *
plan_figures (Purge *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, f->campaign_id, &error);
  g_autoptr(HpPlan) plan = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (input->n_schools, ==, 1);
  plan = hp_plan_compute (input);
  return g_strdup_printf ("%u %u %u %u", input->schools[0].graduates, input->schools[0].under18_by_birth,
                          plan->schools[0].needed_standard, plan->schools[0].needed_under18);
}

static void
test_preview (Purge         *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPurgePreview) p = NULL;
  HpPurgeSchool *school;

  p = hp_store_purge_preview (f->store, f->campaign_id, "2027-06-25", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->graduates, ==, 3);     /* Anna, Ben, Doris */
  g_assert_cmpuint (p->under18, ==, 1);       /* Anna */
  g_assert_cmpuint (p->consenting, ==, 1);    /* Carla */
  g_assert_cmpuint (p->schools->len, ==, 1);
  school = g_ptr_array_index (p->schools, 0);
  g_assert_cmpstr (school->number, ==, "100001");
  g_assert_cmpuint (school->graduates, ==, 3);
  g_assert_cmpuint (school->under18, ==, 1);
  /* the school's day (25th) is later than the campaign's (24th) */
  g_assert_cmpstr (p->last_handover, ==, "2027-06-25");
  /* on the hand-over day itself the drive is not over; the day after it is */
  g_assert_false (p->drive_over);
  g_assert_null (p->purged_at);
  g_clear_pointer (&p, hp_purge_preview_free);

  p = hp_store_purge_preview (f->store, f->campaign_id, "2027-06-26", &error);
  g_assert_no_error (error);
  g_assert_true (p->drive_over);
  g_clear_pointer (&p, hp_purge_preview_free);

  p = hp_store_purge_preview (f->store, 999, NULL, &error);
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_assert_null (p);
}

static void
test_purge (Purge         *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPurgePreview) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *before = plan_figures (f);
  g_autofree char *figures = NULL;
  guint purged = 0;
  guint purge_backups = 0;

  /* 4 graduates (a complete list), 2 under 18 by birth; with 5 % spare
   * 4 × 1.05 = 4.2, rounded up 5 packs: 2 under-18 and 3 standard */
  g_assert_cmpstr (before, ==, "4 2 3 2");

  g_assert_true (hp_store_purge (f->store, f->campaign_id, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged, ==, 3);

  /* the plan is the same: Anna's flag stays without her birth date */
  figures = plan_figures (f);
  g_assert_cmpstr (figures, ==, before);

  for (guint who = ANNA; who <= DORIS; who++)
    {
      g_autoptr(HpGraduate) g = get (f, who);

      g_assert_cmpint (hp_graduate_get_school_id (g), ==, f->school_id);
      if (who == CARLA)
        {
          /* untouched */
          g_assert_cmpstr (hp_graduate_get_last_name (g), ==, "Conrad");
          g_assert_cmpstr (hp_graduate_get_class_name (g), ==, "Q2");
          g_assert_cmpstr (hp_graduate_get_birth_date (g), ==, "2009-12-01");
          g_assert_cmpstr (hp_graduate_get_email (g), ==, "carla@example.org");
          g_assert_cmpint (hp_graduate_get_under18 (g), ==, 1);
          continue;
        }
      g_assert_null (hp_graduate_get_last_name (g));
      g_assert_null (hp_graduate_get_first_name (g));
      g_assert_null (hp_graduate_get_class_name (g));
      g_assert_null (hp_graduate_get_birth_date (g));
      g_assert_null (hp_graduate_get_email (g));
      g_assert_null (hp_graduate_get_phone (g));
      /* Anna under 18, Ben not, Doris unknown as before */
      g_assert_cmpint (hp_graduate_get_under18 (g), ==, who == ANNA ? 1 : who == BEN ? 0 : HP_UNSET);
    }

  /* recorded, and nothing left to go */
  after = hp_store_purge_preview (f->store, f->campaign_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after->purged_at);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$",
                                       after->purged_at, 0, 0));
  g_assert_cmpuint (after->graduates, ==, 0);
  g_assert_cmpuint (after->consenting, ==, 1);

  /* a second purge changes nothing, and the plan still holds */
  g_assert_true (hp_store_purge (f->store, f->campaign_id, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged, ==, 0);
  g_free (figures);
  figures = plan_figures (f);
  g_assert_cmpstr (figures, ==, before);

  /* a copy before each purge, holding the 4 graduates */
  hp_backup_wait (f->store);
  backups = hp_backup_list (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      HpBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->reason == HP_BACKUP_REASON_PURGE)
        {
          g_assert_cmpuint (info->graduates, ==, 4);
          purge_backups++;
        }
    }
  g_assert_cmpuint (purge_backups, ==, 2);
}

/* The schema's triggers, and the store: no contact data without consent,
 * so the purge never meets any; a purged graduate can get names again. */
static void
test_edit_after (Purge         *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) ben = NULL;

  g_assert_true (hp_store_purge (f->store, f->campaign_id, NULL, &error));
  g_assert_no_error (error);
  ben = get (f, BEN);
  hp_graduate_set_email (ben, "ben@example.org");
  g_assert_false (hp_store_update_graduate (f->store, ben, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  hp_graduate_set_email (ben, NULL);
  hp_graduate_set_pack_received (ben, TRUE);
  g_assert_true (hp_store_update_graduate (f->store, ben, &error));
  g_assert_no_error (error);
  g_clear_object (&ben);
  ben = get (f, BEN);
  g_assert_true (hp_graduate_get_pack_received (ben));
  g_assert_cmpint (hp_graduate_get_under18 (ben), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/heimpack/purge/preview", Purge, NULL, purge_setup, test_preview, purge_teardown);
  g_test_add ("/heimpack/purge/purge", Purge, NULL, purge_setup, test_purge, purge_teardown);
  g_test_add ("/heimpack/purge/edit-after", Purge, NULL, purge_setup, test_edit_after, purge_teardown);

  return g_test_run ();
}
