/* test-store-fixture.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-fixture.h"

void
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

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->campaign);
  g_assert_finalize_object (f->store);
}


/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

gint64
cid (Fixture *f)
{
  return hp_campaign_get_id (f->campaign);
}

HpSponsor *
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

HpProduct *
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
  g_assert_cmpint (hp_product_get_item_id (p), >, 0);

  return g_steal_pointer (&p);
}

HpSchool *
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

HpGraduate *
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

HpPledge *
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

gint64
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

void
set_recipe (HpStore *store,
            gint64   campaign_id,
            gint64   item_id,
            guint    per_standard,
            guint    per_under18,
            int      position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpRecipeItem) item = hp_recipe_item_new (campaign_id, item_id, per_standard, per_under18);

  g_assert_cmpint (item_id, >, 0);

  hp_recipe_item_set_position (item, position);
  g_assert_true (hp_store_set_recipe_item (store, item, &error));
  g_assert_no_error (error);
}

HpItem *
get_item (HpStore *store,
          gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  HpItem *item = hp_store_get_item (store, item_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* The row of @model whose gint64 property @prop is @value, or NULL. */
gpointer
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

HpStoreStats
get_stats (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  HpStoreStats stats = { 0, };

  g_assert_true (hp_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);

  return stats;
}

guint
count_sponsors (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_sponsors (store, 0, &error);

  g_assert_no_error (error);
  return hp_test_list_count (list);
}

guint
count_schools (HpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hp_store_list_schools (store, 0, &error);

  g_assert_no_error (error);
  return hp_test_list_count (list);
}
