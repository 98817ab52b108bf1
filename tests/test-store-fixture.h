/* test-store-fixture.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture and row helpers of the store tests (test-store*.c): a
 * ":memory:" store with one campaign, and one-line ways to add rows.
 */
#pragma once

#include "hp-test-utils.h"

G_BEGIN_DECLS

#define EVIL_SQL    "'); DROP TABLE school;--"
#define EVIL_CSV    "=HYPERLINK(\"x\")"
#define UMLAUTS     "Müller & Söhne – Bäckerei Groß"
#define EMOJI       "🎒📦"

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;   /* "Heimvorteil2GO 2027", stored */
} Fixture;

#define TEST(path, func) \
  g_test_add ("/heimpack/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);
gint64 cid (Fixture *f);
HpSponsor * add_sponsor (HpStore *store, const char *name);
HpProduct * add_product (HpStore *store, gint64 sponsor_id, const char *name, gint64 value_cents, gboolean adult_only);
HpSchool * add_school (HpStore *store, const char *number, const char *name);
HpGraduate * add_graduate (HpStore *store, gint64 campaign_id, gint64 school_id, const char *class_name, const char *last_name, const char *first_name);
HpPledge * add_pledge (HpStore *store, gint64 campaign_id, gint64 product_id, gint64 quantity);
gint64 add_receipt (HpStore *store, gint64 pledge_id, const char *date, gint64 quantity);
/* The pack line of @item_id (e.g. hp_product_get_item_id() of a gift). */
void set_recipe (HpStore *store, gint64 campaign_id, gint64 item_id, guint per_standard, guint per_under18, int position);
HpItem * get_item (HpStore *store, gint64 item_id);
gpointer find_row (GListModel *model, const char *prop, gint64 value);
HpStoreStats get_stats (HpStore *store);
guint count_sponsors (HpStore *store);
guint count_schools (HpStore *store);

G_END_DECLS
