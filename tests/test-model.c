/* test-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model objects: constructors, defaults, getters/setters, "" stored as
 * NULL, and "notify" emitted exactly once per real change (never for a value
 * that did not change), through the C setters and through g_object_set().
 */

#include "config.h"

#include "hp-test-utils.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

typedef struct
{
  guint count;
} NotifyCount;

static void
notified_cb (GObject     *object,
             GParamSpec  *pspec,
             NotifyCount *nc)
{
  nc->count++;
}

static gulong
watch (gpointer     object,
       const char  *property,
       NotifyCount *nc)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
  nc->count = 0;

  return g_signal_connect (object, signal, G_CALLBACK (notified_cb), nc);
}

/* A string property through its C setter: set, same again, "" → NULL, NULL
 * again. @value must differ from the current value. */
#define CHECK_STRING(obj, prop, set, get, value)                          \
  G_STMT_START {                                                          \
    NotifyCount nc_;                                                      \
    gulong id_ = watch ((obj), (prop), &nc_);                             \
    g_autofree char *via_get_ = NULL;                                     \
    set ((obj), (value));                                                 \
    g_assert_cmpstr (get (obj), ==, (value));                             \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    set ((obj), (value));                                                 \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    g_object_get ((obj), (prop), &via_get_, NULL);                        \
    g_assert_cmpstr (via_get_, ==, (value));                              \
    set ((obj), "");                                                      \
    g_assert_null (get (obj));                                            \
    g_assert_cmpuint (nc_.count, ==, 2);                                  \
    set ((obj), NULL);                                                    \
    g_assert_null (get (obj));                                            \
    g_assert_cmpuint (nc_.count, ==, 2);                                  \
    set ((obj), (value));                                                 \
    g_assert_cmpuint (nc_.count, ==, 3);                                  \
    g_signal_handler_disconnect ((obj), id_);                             \
  } G_STMT_END

/* The same through g_object_set(): EXPLICIT_NOTIFY means no notify for an
 * unchanged value there either. Leaves the property at @value. */
#define CHECK_STRING_GOBJECT(obj, prop, get, value)                       \
  G_STMT_START {                                                          \
    NotifyCount nc_;                                                      \
    gulong id_;                                                           \
    g_object_set ((obj), (prop), NULL, NULL);                             \
    id_ = watch ((obj), (prop), &nc_);                                    \
    g_object_set ((obj), (prop), (value), NULL);                          \
    g_assert_cmpstr (get (obj), ==, (value));                             \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    g_object_set ((obj), (prop), (value), NULL);                          \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    g_object_set ((obj), (prop), "", NULL);                               \
    g_assert_null (get (obj));                                            \
    g_assert_cmpuint (nc_.count, ==, 2);                                  \
    g_object_set ((obj), (prop), (value), NULL);                          \
    g_assert_cmpuint (nc_.count, ==, 3);                                  \
    g_signal_handler_disconnect ((obj), id_);                             \
  } G_STMT_END

/* A number or boolean property: @v1 must differ from the current value and
 * from @v2. */
#define CHECK_VALUE(obj, prop, set, get, v1, v2)                          \
  G_STMT_START {                                                          \
    NotifyCount nc_;                                                      \
    gulong id_ = watch ((obj), (prop), &nc_);                             \
    set ((obj), (v1));                                                    \
    g_assert_cmpint (get (obj), ==, (v1));                                \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    set ((obj), (v1));                                                    \
    g_assert_cmpuint (nc_.count, ==, 1);                                  \
    set ((obj), (v2));                                                    \
    g_assert_cmpint (get (obj), ==, (v2));                                \
    g_assert_cmpuint (nc_.count, ==, 2);                                  \
    set ((obj), (v2));                                                    \
    g_assert_cmpuint (nc_.count, ==, 2);                                  \
    g_signal_handler_disconnect ((obj), id_);                             \
  } G_STMT_END

typedef struct
{
  const char *name;
  GType       type;     /* G_TYPE_NONE: checked at runtime below */
  gboolean    writable;
} PropSpec;

static void
check_props (GType           type,
             const PropSpec *specs,
             guint           n_specs)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < n_specs; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), specs[i].name);

      if (pspec == NULL)
        g_error ("%s has no property \"%s\"", g_type_name (type), specs[i].name);

      g_test_message ("%s:%s", g_type_name (type), specs[i].name);
      g_assert_cmpstr (g_type_name (pspec->value_type), ==, g_type_name (specs[i].type));
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      if (specs[i].writable)
        {
          if (!(pspec->flags & G_PARAM_WRITABLE))
            g_error ("%s:%s is documented as a stored property but is not writable",
                     g_type_name (type), specs[i].name);
          /* rule 4: setters notify themselves, only on change */
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
        }
    }
}

#define I64 G_TYPE_INT64
#define STR G_TYPE_STRING

/* ------------------------------------------------------------------------ */
/* HpCampaign                                                                */

static void
test_campaign_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "name", STR, TRUE }, { "year", G_TYPE_INT, TRUE },
    { "handover-date", STR, TRUE }, { "spare-percent", G_TYPE_INT, TRUE },
  };

  check_props (HP_TYPE_CAMPAIGN, specs, G_N_ELEMENTS (specs));
}

static void
test_campaign_basic (void)
{
  g_autoptr(HpCampaign) c = hp_campaign_new ("Heimvorteil2GO 2027", 2027);

  g_assert_true (HP_IS_CAMPAIGN (c));
  g_assert_cmpint (hp_campaign_get_id (c), ==, 0);
  g_assert_cmpstr (hp_campaign_get_name (c), ==, "Heimvorteil2GO 2027");
  g_assert_cmpint (hp_campaign_get_year (c), ==, 2027);
  g_assert_null (hp_campaign_get_handover_date (c));
  g_assert_cmpint (hp_campaign_get_spare_percent (c), ==, 5);

  CHECK_VALUE (c, "id", hp_campaign_set_id, hp_campaign_get_id, 42, G_GINT64_CONSTANT (9000000000));
  CHECK_STRING (c, "name", hp_campaign_set_name, hp_campaign_get_name, "Survival-Pack 2026 🎒");
  CHECK_STRING_GOBJECT (c, "name", hp_campaign_get_name, "Aktion Süd");
  CHECK_VALUE (c, "year", hp_campaign_set_year, hp_campaign_get_year, 2028, 2029);
  CHECK_STRING (c, "handover-date", hp_campaign_set_handover_date, hp_campaign_get_handover_date, "2027-06-25");
  CHECK_VALUE (c, "spare-percent", hp_campaign_set_spare_percent, hp_campaign_get_spare_percent, 0, 10);

  g_assert_finalize_object (g_steal_pointer (&c));
}

/* The day on which ages count for the under-18 pack: the campaign's
 * hand-over date, else 30 June of its year (and the caller is told so). */
static void
test_campaign_age_day (void)
{
  g_autoptr(HpCampaign) c = hp_campaign_new ("Heimvorteil2GO 2027", 2027);
  g_autofree char *assumed_day = NULL;
  g_autofree char *own_day = NULL;
  g_autofree char *no_out = NULL;
  gboolean assumed = FALSE;

  assumed_day = hp_campaign_dup_age_day (c, &assumed);
  g_assert_cmpstr (assumed_day, ==, "2027-06-30");
  g_assert_true (assumed);

  hp_campaign_set_handover_date (c, "2027-07-03");
  own_day = hp_campaign_dup_age_day (c, &assumed);
  g_assert_cmpstr (own_day, ==, "2027-07-03");
  g_assert_false (assumed);

  /* the out argument is optional */
  hp_campaign_set_handover_date (c, NULL);
  hp_campaign_set_year (c, 2031);
  no_out = hp_campaign_dup_age_day (c, NULL);
  g_assert_cmpstr (no_out, ==, "2031-06-30");
}

/* ------------------------------------------------------------------------ */
/* HpItem                                                                    */

static void
test_item_props (void)
{
  /* not static: G_TYPE_STRV is a function call */
  const PropSpec specs[] = {
    { "id", I64, TRUE }, { "name", STR, TRUE }, { "adult-only", G_TYPE_BOOLEAN, TRUE },
    { "gifts", G_TYPE_UINT, FALSE }, { "sponsors", G_TYPE_STRV, FALSE }, { "in-pack", G_TYPE_BOOLEAN, FALSE },
    { "per-standard", G_TYPE_UINT, FALSE }, { "per-under18", G_TYPE_UINT, FALSE },
    { "position", G_TYPE_INT, FALSE }, { "pledged", I64, FALSE }, { "received", I64, FALSE },
  };

  check_props (HP_TYPE_ITEM, specs, G_N_ELEMENTS (specs));
}

static void
test_item_basic (void)
{
  g_autoptr(HpItem) item = hp_item_new ("Apfelschorle 0,33 l");

  g_assert_true (HP_IS_ITEM (item));
  g_assert_cmpint (hp_item_get_id (item), ==, 0);
  g_assert_cmpstr (hp_item_get_name (item), ==, "Apfelschorle 0,33 l");
  g_assert_false (hp_item_get_adult_only (item));
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 0);
  g_assert_null (hp_item_get_sponsors (item)[0]);
  g_assert_false (hp_item_get_in_pack (item));
  g_assert_cmpuint (hp_item_get_per_standard (item), ==, 0);
  g_assert_cmpuint (hp_item_get_per_under18 (item), ==, 0);
  g_assert_cmpint (hp_item_get_pledged (item), ==, 0);
  g_assert_cmpint (hp_item_get_received (item), ==, 0);

  CHECK_VALUE (item, "id", hp_item_set_id, hp_item_get_id, 5, 6);
  CHECK_STRING (item, "name", hp_item_set_name, hp_item_get_name, "Radler 0,33 l");
  CHECK_STRING_GOBJECT (item, "name", hp_item_get_name, "Erdnüsse 50 g");
  CHECK_VALUE (item, "adult-only", hp_item_set_adult_only, hp_item_get_adult_only, TRUE, FALSE);

  {
    const char * const sponsors[] = { "Getränke Berger", "Mosterei Ohm", NULL };

    hp_item_set_figures (item, 3, sponsors, TRUE, 2, 1, 4, 150, 90);
  }
  g_assert_cmpuint (hp_item_get_gifts (item), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) hp_item_get_sponsors (item)), ==, 2);
  g_assert_cmpstr (hp_item_get_sponsors (item)[0], ==, "Getränke Berger");
  g_assert_cmpstr (hp_item_get_sponsors (item)[1], ==, "Mosterei Ohm");
  g_assert_true (hp_item_get_in_pack (item));
  g_assert_cmpuint (hp_item_get_per_standard (item), ==, 2);
  g_assert_cmpuint (hp_item_get_per_under18 (item), ==, 1);
  g_assert_cmpint (hp_item_get_position (item), ==, 4);
  g_assert_cmpint (hp_item_get_pledged (item), ==, 150);
  g_assert_cmpint (hp_item_get_received (item), ==, 90);

  g_assert_finalize_object (g_steal_pointer (&item));
}

/* ------------------------------------------------------------------------ */
/* HpSponsor                                                                 */

static void
test_sponsor_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "name", STR, TRUE }, { "contact", STR, TRUE },
    { "phone", STR, TRUE }, { "email", STR, TRUE }, { "address", STR, TRUE },
    { "notes", STR, TRUE }, { "product-count", G_TYPE_UINT, FALSE },
    { "pledged", I64, FALSE }, { "received", I64, FALSE }, { "value-cents", I64, FALSE },
  };

  check_props (HP_TYPE_SPONSOR, specs, G_N_ELEMENTS (specs));
}

static void
test_sponsor_basic (void)
{
  g_autoptr(HpSponsor) s = hp_sponsor_new ("Müller & Söhne – Bäckerei Groß");

  g_assert_true (HP_IS_SPONSOR (s));
  g_assert_cmpint (hp_sponsor_get_id (s), ==, 0);
  g_assert_cmpstr (hp_sponsor_get_name (s), ==, "Müller & Söhne – Bäckerei Groß");
  g_assert_null (hp_sponsor_get_contact (s));
  g_assert_null (hp_sponsor_get_phone (s));
  g_assert_null (hp_sponsor_get_email (s));
  g_assert_null (hp_sponsor_get_address (s));
  g_assert_null (hp_sponsor_get_notes (s));
  g_assert_cmpuint (hp_sponsor_get_product_count (s), ==, 0);
  g_assert_cmpint (hp_sponsor_get_pledged (s), ==, 0);
  g_assert_cmpint (hp_sponsor_get_received (s), ==, 0);
  g_assert_cmpint (hp_sponsor_get_value_cents (s), ==, 0);

  CHECK_VALUE (s, "id", hp_sponsor_set_id, hp_sponsor_get_id, 7, 8);
  CHECK_STRING (s, "name", hp_sponsor_set_name, hp_sponsor_get_name, "'); DROP TABLE school;--");
  CHECK_STRING_GOBJECT (s, "name", hp_sponsor_get_name, "=HYPERLINK(\"x\")");
  CHECK_STRING (s, "contact", hp_sponsor_set_contact, hp_sponsor_get_contact, "Frau Jäger");
  CHECK_STRING (s, "phone", hp_sponsor_set_phone, hp_sponsor_get_phone, "02961 1234");
  CHECK_STRING (s, "email", hp_sponsor_set_email, hp_sponsor_get_email, "info@example.de");
  CHECK_STRING (s, "address", hp_sponsor_set_address, hp_sponsor_get_address, "Hauptstr. 1\n59929 Brilon");
  CHECK_STRING (s, "notes", hp_sponsor_set_notes, hp_sponsor_get_notes, "🎒📦");
  CHECK_STRING_GOBJECT (s, "notes", hp_sponsor_get_notes, "Ruft zurück");

  g_assert_finalize_object (g_steal_pointer (&s));
}

static void
test_sponsor_empty_name (void)
{
  g_autoptr(HpSponsor) s = hp_sponsor_new ("");

  g_assert_null (hp_sponsor_get_name (s));
}

static void
test_sponsor_figures (void)
{
  g_autoptr(HpSponsor) s = hp_sponsor_new ("Brauerei");
  NotifyCount pledged, received, value, count;

  watch (s, "pledged", &pledged);
  watch (s, "received", &received);
  watch (s, "value-cents", &value);
  watch (s, "product-count", &count);

  hp_sponsor_set_figures (s, 3, 500, 120, 47880);
  g_assert_cmpuint (hp_sponsor_get_product_count (s), ==, 3);
  g_assert_cmpint (hp_sponsor_get_pledged (s), ==, 500);
  g_assert_cmpint (hp_sponsor_get_received (s), ==, 120);
  g_assert_cmpint (hp_sponsor_get_value_cents (s), ==, 47880);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (received.count, ==, 1);
  g_assert_cmpuint (value.count, ==, 1);
  g_assert_cmpuint (count.count, ==, 1);

  /* unchanged: nothing */
  hp_sponsor_set_figures (s, 3, 500, 120, 47880);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (received.count, ==, 1);
  g_assert_cmpuint (value.count, ==, 1);
  g_assert_cmpuint (count.count, ==, 1);

  /* only received changes */
  hp_sponsor_set_figures (s, 3, 500, 121, 47880);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (received.count, ==, 2);
  g_assert_cmpuint (value.count, ==, 1);
  g_assert_cmpuint (count.count, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&s));
}

/* ------------------------------------------------------------------------ */
/* HpProduct                                                                 */

static void
test_product_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "sponsor-id", I64, TRUE }, { "name", STR, TRUE },
    { "value-cents", I64, TRUE }, { "adult-only", G_TYPE_BOOLEAN, TRUE },
    { "best-before", STR, TRUE }, { "notes", STR, TRUE },
    { "sponsor-name", STR, FALSE }, { "pledged", I64, FALSE }, { "received", I64, FALSE },
    { "per-standard", G_TYPE_UINT, FALSE }, { "per-under18", G_TYPE_UINT, FALSE },
    { "item-id", I64, FALSE },
  };

  check_props (HP_TYPE_PRODUCT, specs, G_N_ELEMENTS (specs));
}

static void
test_product_basic (void)
{
  g_autoptr(HpProduct) p = hp_product_new (12, "Fahrradpumpe");
  NotifyCount pledged, per_u18;

  g_assert_true (HP_IS_PRODUCT (p));
  g_assert_cmpint (hp_product_get_id (p), ==, 0);
  g_assert_cmpint (hp_product_get_sponsor_id (p), ==, 12);
  g_assert_cmpstr (hp_product_get_name (p), ==, "Fahrradpumpe");
  g_assert_cmpint (hp_product_get_value_cents (p), ==, 0);
  g_assert_false (hp_product_get_adult_only (p));
  g_assert_null (hp_product_get_best_before (p));
  g_assert_null (hp_product_get_notes (p));
  g_assert_null (hp_product_get_sponsor_name (p));
  g_assert_cmpint (hp_product_get_pledged (p), ==, 0);
  g_assert_cmpint (hp_product_get_received (p), ==, 0);
  g_assert_cmpuint (hp_product_get_per_standard (p), ==, 0);
  g_assert_cmpuint (hp_product_get_per_under18 (p), ==, 0);
  g_assert_cmpint (hp_product_get_item_id (p), ==, 0);

  CHECK_VALUE (p, "id", hp_product_set_id, hp_product_get_id, 3, 4);
  CHECK_VALUE (p, "sponsor-id", hp_product_set_sponsor_id, hp_product_get_sponsor_id, 13, 14);
  CHECK_STRING (p, "name", hp_product_set_name, hp_product_get_name, "Dose Pils 0,33 l");
  CHECK_STRING_GOBJECT (p, "name", hp_product_get_name, "Socken „Sauerland“");
  CHECK_VALUE (p, "value-cents", hp_product_set_value_cents, hp_product_get_value_cents, 399, 123450);
  CHECK_VALUE (p, "adult-only", hp_product_set_adult_only, hp_product_get_adult_only, TRUE, FALSE);
  CHECK_STRING (p, "best-before", hp_product_set_best_before, hp_product_get_best_before, "2027-12-31");
  CHECK_STRING (p, "notes", hp_product_set_notes, hp_product_get_notes, "Kühl lagern");
  CHECK_STRING (p, "sponsor-name", hp_product_set_sponsor_name, hp_product_get_sponsor_name, "Brauerei Öhm");
  CHECK_VALUE (p, "item-id", hp_product_set_item_id, hp_product_get_item_id, 21, 22);

  watch (p, "pledged", &pledged);
  watch (p, "per-under18", &per_u18);
  hp_product_set_figures (p, 100, 40, 1, 2);
  g_assert_cmpint (hp_product_get_pledged (p), ==, 100);
  g_assert_cmpint (hp_product_get_received (p), ==, 40);
  g_assert_cmpuint (hp_product_get_per_standard (p), ==, 1);
  g_assert_cmpuint (hp_product_get_per_under18 (p), ==, 2);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (per_u18.count, ==, 1);
  hp_product_set_figures (p, 100, 40, 1, 2);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (per_u18.count, ==, 1);
  hp_product_set_figures (p, 100, 40, 1, 0);
  g_assert_cmpuint (pledged.count, ==, 1);
  g_assert_cmpuint (per_u18.count, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&p));
}

/* ------------------------------------------------------------------------ */
/* HpPledge                                                                  */

static void
test_pledge_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "campaign-id", I64, TRUE }, { "product-id", I64, TRUE },
    { "quantity", I64, TRUE }, { "due-date", STR, TRUE },
    { "confirmed", G_TYPE_BOOLEAN, TRUE }, { "received", I64, FALSE },
  };

  check_props (HP_TYPE_PLEDGE, specs, G_N_ELEMENTS (specs));
}

static void
test_pledge_basic (void)
{
  g_autoptr(HpPledge) p = hp_pledge_new (2, 5, 250);

  g_assert_true (HP_IS_PLEDGE (p));
  g_assert_cmpint (hp_pledge_get_id (p), ==, 0);
  g_assert_cmpint (hp_pledge_get_campaign_id (p), ==, 2);
  g_assert_cmpint (hp_pledge_get_product_id (p), ==, 5);
  g_assert_cmpint (hp_pledge_get_quantity (p), ==, 250);
  g_assert_null (hp_pledge_get_due_date (p));
  g_assert_true (hp_pledge_get_confirmed (p));
  g_assert_cmpint (hp_pledge_get_received (p), ==, 0);

  CHECK_VALUE (p, "id", hp_pledge_set_id, hp_pledge_get_id, 9, 10);
  CHECK_VALUE (p, "campaign-id", hp_pledge_set_campaign_id, hp_pledge_get_campaign_id, 3, 4);
  CHECK_VALUE (p, "product-id", hp_pledge_set_product_id, hp_pledge_get_product_id, 6, 7);
  CHECK_VALUE (p, "quantity", hp_pledge_set_quantity, hp_pledge_get_quantity, 0, 2500);
  CHECK_STRING (p, "due-date", hp_pledge_set_due_date, hp_pledge_get_due_date, "2027-05-01");
  CHECK_VALUE (p, "confirmed", hp_pledge_set_confirmed, hp_pledge_get_confirmed, FALSE, TRUE);
  CHECK_VALUE (p, "received", hp_pledge_set_received, hp_pledge_get_received, 120, 250);

  g_assert_finalize_object (g_steal_pointer (&p));
}

/* ------------------------------------------------------------------------ */
/* HpReceipt                                                                 */

static void
test_receipt_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "pledge-id", I64, TRUE }, { "date", STR, TRUE },
    { "quantity", I64, TRUE }, { "note", STR, TRUE },
    { "product-id", I64, TRUE }, { "campaign-id", I64, FALSE },
    { "item-name", STR, FALSE }, { "sponsor-name", STR, FALSE },
  };

  check_props (HP_TYPE_RECEIPT, specs, G_N_ELEMENTS (specs));
}

static void
test_receipt_basic (void)
{
  g_autoptr(HpReceipt) r = hp_receipt_new (4, "2027-04-03", 60);

  g_assert_true (HP_IS_RECEIPT (r));
  g_assert_cmpint (hp_receipt_get_id (r), ==, 0);
  g_assert_cmpint (hp_receipt_get_pledge_id (r), ==, 4);
  g_assert_cmpstr (hp_receipt_get_date (r), ==, "2027-04-03");
  g_assert_cmpint (hp_receipt_get_quantity (r), ==, 60);
  g_assert_null (hp_receipt_get_note (r));
  g_assert_cmpint (hp_receipt_get_campaign_id (r), ==, 0);
  g_assert_cmpint (hp_receipt_get_product_id (r), ==, 0);
  g_assert_null (hp_receipt_get_item_name (r));
  g_assert_null (hp_receipt_get_sponsor_name (r));

  CHECK_VALUE (r, "id", hp_receipt_set_id, hp_receipt_get_id, 1, 2);
  CHECK_VALUE (r, "pledge-id", hp_receipt_set_pledge_id, hp_receipt_get_pledge_id, 5, 6);
  CHECK_STRING (r, "date", hp_receipt_set_date, hp_receipt_get_date, "2027-04-04");
  CHECK_VALUE (r, "quantity", hp_receipt_set_quantity, hp_receipt_get_quantity, 61, 1);
  CHECK_STRING (r, "note", hp_receipt_set_note, hp_receipt_get_note, "Lieferschein 4711, 2 Kartons beschädigt");
  CHECK_VALUE (r, "product-id", hp_receipt_set_product_id, hp_receipt_get_product_id, 7, 8);

  /* the gift as the store fills it in: "" is NULL as everywhere */
  hp_receipt_set_gift (r, 3, 9, "Apfelschorle 0,33 l", "");
  g_assert_cmpint (hp_receipt_get_campaign_id (r), ==, 3);
  g_assert_cmpint (hp_receipt_get_product_id (r), ==, 9);
  g_assert_cmpstr (hp_receipt_get_item_name (r), ==, "Apfelschorle 0,33 l");
  g_assert_null (hp_receipt_get_sponsor_name (r));
  hp_receipt_set_gift (r, 3, 9, NULL, "Mosterei Ohm");
  g_assert_null (hp_receipt_get_item_name (r));
  g_assert_cmpstr (hp_receipt_get_sponsor_name (r), ==, "Mosterei Ohm");

  g_assert_finalize_object (g_steal_pointer (&r));
}

/* ------------------------------------------------------------------------ */
/* HpRecipeItem                                                              */

static void
test_recipe_item_props (void)
{
  static const PropSpec specs[] = {
    { "campaign-id", I64, TRUE }, { "item-id", I64, TRUE },
    { "per-standard", G_TYPE_UINT, TRUE }, { "per-under18", G_TYPE_UINT, TRUE },
    { "position", G_TYPE_INT, TRUE }, { "item-name", STR, FALSE },
  };

  check_props (HP_TYPE_RECIPE_ITEM, specs, G_N_ELEMENTS (specs));
}

static void
test_recipe_item_basic (void)
{
  g_autoptr(HpRecipeItem) item = hp_recipe_item_new (1, 2, 1, 0);

  g_assert_true (HP_IS_RECIPE_ITEM (item));
  g_assert_cmpint (hp_recipe_item_get_campaign_id (item), ==, 1);
  g_assert_cmpint (hp_recipe_item_get_item_id (item), ==, 2);
  g_assert_cmpuint (hp_recipe_item_get_per_standard (item), ==, 1);
  g_assert_cmpuint (hp_recipe_item_get_per_under18 (item), ==, 0);
  /* no position yet: keep the line's place, or put a new one last */
  g_assert_cmpint (hp_recipe_item_get_position (item), ==, HP_UNSET);
  g_assert_null (hp_recipe_item_get_item_name (item));

  CHECK_VALUE (item, "campaign-id", hp_recipe_item_set_campaign_id, hp_recipe_item_get_campaign_id, 3, 4);
  CHECK_VALUE (item, "item-id", hp_recipe_item_set_item_id, hp_recipe_item_get_item_id, 5, 6);
  CHECK_VALUE (item, "per-standard", hp_recipe_item_set_per_standard, hp_recipe_item_get_per_standard, 2, 0);
  CHECK_VALUE (item, "per-under18", hp_recipe_item_set_per_under18, hp_recipe_item_get_per_under18, 1, 3);
  CHECK_VALUE (item, "position", hp_recipe_item_set_position, hp_recipe_item_get_position, 17, 18);
  CHECK_STRING (item, "item-name", hp_recipe_item_set_item_name, hp_recipe_item_get_item_name, "Erdnüsse");

  g_assert_finalize_object (g_steal_pointer (&item));
}

/* ------------------------------------------------------------------------ */
/* HpSchool                                                                  */

static void
test_school_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "number", STR, TRUE }, { "name", STR, TRUE },
    { "street", STR, TRUE }, { "postcode", STR, TRUE }, { "town", STR, TRUE },
    { "district-key", STR, TRUE }, { "school-form", STR, TRUE },
    { "contact-teacher", STR, TRUE }, { "email", STR, TRUE }, { "phone", STR, TRUE },
    { "expected-graduates", G_TYPE_INT, TRUE }, { "under18-expected", G_TYPE_INT, TRUE },
    { "handover", STR, TRUE }, { "graduate-count", G_TYPE_UINT, FALSE },
    { "list-complete", G_TYPE_BOOLEAN, TRUE },
  };

  check_props (HP_TYPE_SCHOOL, specs, G_N_ELEMENTS (specs));
}

static void
test_school_basic (void)
{
  g_autoptr(HpSchool) s = hp_school_new ("012345", "Gymnasium Petrinum");

  g_assert_true (HP_IS_SCHOOL (s));
  g_assert_cmpint (hp_school_get_id (s), ==, 0);
  g_assert_cmpstr (hp_school_get_number (s), ==, "012345");
  g_assert_cmpstr (hp_school_get_name (s), ==, "Gymnasium Petrinum");
  g_assert_null (hp_school_get_street (s));
  g_assert_null (hp_school_get_postcode (s));
  g_assert_null (hp_school_get_town (s));
  g_assert_null (hp_school_get_district_key (s));
  g_assert_null (hp_school_get_school_form (s));
  g_assert_null (hp_school_get_contact_teacher (s));
  g_assert_null (hp_school_get_email (s));
  g_assert_null (hp_school_get_phone (s));
  g_assert_cmpint (hp_school_get_expected_graduates (s), ==, HP_UNSET);
  g_assert_cmpint (hp_school_get_under18_expected (s), ==, HP_UNSET);
  g_assert_null (hp_school_get_handover (s));
  g_assert_cmpuint (hp_school_get_graduate_count (s), ==, 0);
  g_assert_false (hp_school_get_list_complete (s));

  CHECK_VALUE (s, "id", hp_school_set_id, hp_school_get_id, 11, 12);
  CHECK_STRING (s, "number", hp_school_set_number, hp_school_get_number, "000777");
  CHECK_STRING (s, "name", hp_school_set_name, hp_school_get_name, "Städt. Gymnasium Schmallenberg");
  CHECK_STRING_GOBJECT (s, "name", hp_school_get_name, "Gesamtschule Bestwig");
  CHECK_STRING (s, "street", hp_school_set_street, hp_school_get_street, "Ringstraße 5");
  CHECK_STRING (s, "postcode", hp_school_set_postcode, hp_school_get_postcode, "01067");
  CHECK_STRING (s, "town", hp_school_set_town, hp_school_get_town, "Meschede");
  CHECK_STRING (s, "district-key", hp_school_set_district_key, hp_school_get_district_key, "05958004");
  CHECK_STRING (s, "school-form", hp_school_set_school_form, hp_school_get_school_form, "02");
  CHECK_STRING (s, "contact-teacher", hp_school_set_contact_teacher, hp_school_get_contact_teacher, "Hr. Kühn");
  CHECK_STRING (s, "email", hp_school_set_email, hp_school_get_email, "sekretariat@example.org");
  CHECK_STRING (s, "phone", hp_school_set_phone, hp_school_get_phone, "0291 99887");
  /* 0 is a real count, distinct from HP_UNSET */
  CHECK_VALUE (s, "expected-graduates", hp_school_set_expected_graduates, hp_school_get_expected_graduates, 0, 85);
  CHECK_VALUE (s, "expected-graduates", hp_school_set_expected_graduates, hp_school_get_expected_graduates, HP_UNSET, 0);
  CHECK_VALUE (s, "under18-expected", hp_school_set_under18_expected, hp_school_get_under18_expected, 0, 4);
  CHECK_STRING (s, "handover", hp_school_set_handover, hp_school_get_handover, "2027-06-25T11:00");
  CHECK_VALUE (s, "graduate-count", hp_school_set_graduate_count, hp_school_get_graduate_count, 80, 81);
  CHECK_VALUE (s, "list-complete", hp_school_set_list_complete, hp_school_get_list_complete, TRUE, FALSE);

  g_assert_finalize_object (g_steal_pointer (&s));
}

/* ------------------------------------------------------------------------ */
/* HpGraduate                                                                */

static void
test_graduate_props (void)
{
  static const PropSpec specs[] = {
    { "id", I64, TRUE }, { "campaign-id", I64, TRUE }, { "school-id", I64, TRUE },
    { "last-name", STR, TRUE }, { "first-name", STR, TRUE }, { "class-name", STR, TRUE },
    { "birth-date", STR, TRUE }, { "consent-date", STR, TRUE },
    { "consent-source", STR, TRUE }, { "pack-received", G_TYPE_BOOLEAN, TRUE },
    { "school-name", STR, FALSE }, { "under18", G_TYPE_INT, FALSE },
  };

  check_props (HP_TYPE_GRADUATE, specs, G_N_ELEMENTS (specs));
}

static void
test_graduate_basic (void)
{
  g_autoptr(HpGraduate) g = hp_graduate_new (1, 2);

  g_assert_true (HP_IS_GRADUATE (g));
  g_assert_cmpint (hp_graduate_get_id (g), ==, 0);
  g_assert_cmpint (hp_graduate_get_campaign_id (g), ==, 1);
  g_assert_cmpint (hp_graduate_get_school_id (g), ==, 2);
  g_assert_null (hp_graduate_get_last_name (g));
  g_assert_null (hp_graduate_get_first_name (g));
  g_assert_null (hp_graduate_get_class_name (g));
  g_assert_null (hp_graduate_get_birth_date (g));
  g_assert_null (hp_graduate_get_consent_date (g));
  g_assert_null (hp_graduate_get_consent_source (g));
  g_assert_null (hp_graduate_get_school_name (g));
  g_assert_false (hp_graduate_get_pack_received (g));
  /* unknown until the store works it out from a birth date */
  g_assert_cmpint (hp_graduate_get_under18 (g), ==, HP_UNSET);

  CHECK_VALUE (g, "id", hp_graduate_set_id, hp_graduate_get_id, 100, 101);
  CHECK_VALUE (g, "campaign-id", hp_graduate_set_campaign_id, hp_graduate_get_campaign_id, 3, 4);
  CHECK_VALUE (g, "school-id", hp_graduate_set_school_id, hp_graduate_get_school_id, 5, 6);
  CHECK_STRING (g, "last-name", hp_graduate_set_last_name, hp_graduate_get_last_name, "Özdemir");
  CHECK_STRING_GOBJECT (g, "last-name", hp_graduate_get_last_name, "Schäfer");
  CHECK_STRING (g, "first-name", hp_graduate_set_first_name, hp_graduate_get_first_name, "Zoë");
  CHECK_STRING (g, "class-name", hp_graduate_set_class_name, hp_graduate_get_class_name, "Q2");
  CHECK_STRING (g, "birth-date", hp_graduate_set_birth_date, hp_graduate_get_birth_date, "2009-02-28");
  CHECK_STRING (g, "consent-date", hp_graduate_set_consent_date, hp_graduate_get_consent_date, "2027-06-25");
  CHECK_STRING (g, "consent-source", hp_graduate_set_consent_source, hp_graduate_get_consent_source, "Formular Abiball");
  CHECK_VALUE (g, "pack-received", hp_graduate_set_pack_received, hp_graduate_get_pack_received, TRUE, FALSE);
  CHECK_STRING (g, "school-name", hp_graduate_set_school_name, hp_graduate_get_school_name, "Gymnasium Winterberg");
  CHECK_VALUE (g, "under18", hp_graduate_set_under18, hp_graduate_get_under18, 1, 0);
  CHECK_VALUE (g, "under18", hp_graduate_set_under18, hp_graduate_get_under18, HP_UNSET, 1);

  g_assert_finalize_object (g_steal_pointer (&g));
}

/* ------------------------------------------------------------------------ */
/* Guards (rule 8)                                                           */

static void
test_guards (void)
{
  if (g_test_subprocess ())
    {
      /* a sponsor is not a product: the public getter refuses it */
      g_autoptr(HpSponsor) s = hp_sponsor_new ("X");

      hp_product_get_name ((HpProduct *) s);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*HP_IS_PRODUCT*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/heimpack/model/campaign/properties", test_campaign_props);
  g_test_add_func ("/heimpack/model/campaign/basic", test_campaign_basic);
  g_test_add_func ("/heimpack/model/campaign/age-day", test_campaign_age_day);
  g_test_add_func ("/heimpack/model/item/properties", test_item_props);
  g_test_add_func ("/heimpack/model/item/basic", test_item_basic);
  g_test_add_func ("/heimpack/model/sponsor/properties", test_sponsor_props);
  g_test_add_func ("/heimpack/model/sponsor/basic", test_sponsor_basic);
  g_test_add_func ("/heimpack/model/sponsor/empty-name", test_sponsor_empty_name);
  g_test_add_func ("/heimpack/model/sponsor/figures", test_sponsor_figures);
  g_test_add_func ("/heimpack/model/product/properties", test_product_props);
  g_test_add_func ("/heimpack/model/product/basic", test_product_basic);
  g_test_add_func ("/heimpack/model/pledge/properties", test_pledge_props);
  g_test_add_func ("/heimpack/model/pledge/basic", test_pledge_basic);
  g_test_add_func ("/heimpack/model/receipt/properties", test_receipt_props);
  g_test_add_func ("/heimpack/model/receipt/basic", test_receipt_basic);
  g_test_add_func ("/heimpack/model/recipe-item/properties", test_recipe_item_props);
  g_test_add_func ("/heimpack/model/recipe-item/basic", test_recipe_item_basic);
  g_test_add_func ("/heimpack/model/school/properties", test_school_props);
  g_test_add_func ("/heimpack/model/school/basic", test_school_basic);
  g_test_add_func ("/heimpack/model/graduate/properties", test_graduate_props);
  g_test_add_func ("/heimpack/model/graduate/basic", test_graduate_basic);
  g_test_add_func ("/heimpack/model/guards", test_guards);

  return g_test_run ();
}
