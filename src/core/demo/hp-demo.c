/* hp-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic synthetic data at the sizes of DOMAIN.md, for trying the
 * program, for screenshots and for the benchmarks. A GRand seeded with the
 * caller's seed drives every choice, so a seed always gives the same rows.
 * Everything goes through the public store API (no SQL here) inside one
 * transaction.
 *
 * So that every rule of the drive shows, at any scale and seed:
 * - Several sponsors give the same items (sponsors of one trade make the
 *   same products, and the fourth sponsor always shares the third one's
 *   trade), and the pack is made of the items most sponsors give, plus a
 *   beer (18+) for the standard pack and a juice for the under-18 pack.
 * - The gifts are pledged against what the plan needs of each item
 *   (hp_plan_compute() on the schools and graduates made first): of the
 *   pack's items the one with the fewest gifts falls short even pooled,
 *   with pledges still open and pieces nobody pledged (the real shortfall
 *   and bottleneck); the others are covered, and where an item has two
 *   gifts or more (the one with the most always has), none alone covers
 *   the need, only all of them together (pooling relieves the bottleneck).
 * - Some schools sent a complete graduate list, the others an expected
 *   number besides a list (mostly above the list, for some below it); about
 *   one graduate in twenty is still 17 on the hand-over day (born in the
 *   second half of the year 18 years before).
 * - The first schools already had their hand-over: the first school a partial
 *   one (two fifths of its standard packs and all its under-18 packs), the
 *   second everything allocated to it, and the second school ticked four
 *   graduates in five on its returned list as having received their pack.
 *   These come last and draw no random numbers, so everything before stays
 *   as it was for a seed.
 */

#define G_LOG_DOMAIN "hp-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heimpack/heimpack.h"

static const char * const last_names[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
  "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
  "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
  "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
  "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
  "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
  "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
  "Kemper", "Hüttemann", "Rüther", "Wiegelmann", "Schulte", "Vollmer", "Kersting", "Tigges", "Rickert", "Ohm",
};

static const char * const first_names[] = {
  "Lena", "Mia", "Emma", "Hannah", "Sophie", "Lea", "Anna", "Marie", "Lina", "Emilia",
  "Clara", "Leonie", "Johanna", "Lara", "Paula", "Ida", "Nele", "Greta", "Charlotte", "Amelie",
  "Elif", "Zeynep", "Aylin", "Jana", "Luisa", "Frieda", "Maja", "Tabea", "Merle", "Pia",
  "Paul", "Leon", "Lukas", "Jonas", "Felix", "Finn", "Elias", "Noah", "Ben", "Luca",
  "Maximilian", "Tim", "Jan", "Niklas", "Moritz", "Julian", "Tom", "Henri", "Emil", "David",
  "Mehmet", "Can", "Milan", "Jakob", "Erik", "Ole", "Janne", "Mattis", "Hendrik", "Fabian",
};

typedef struct
{
  const char *town;
  const char *postcode;
  const char *district_key;
  const char *area_code;
} DemoTown;

static const DemoTown towns[] = {
  { "Arnsberg",      "59821", "05958004", "02931" },
  { "Meschede",      "59872", "05958032", "0291" },
  { "Brilon",        "59929", "05958012", "02961" },
  { "Sundern",       "59846", "05958044", "02933" },
  { "Schmallenberg", "57392", "05958040", "02972" },
  { "Winterberg",    "59955", "05958056", "02981" },
  { "Marsberg",      "34431", "05958028", "02992" },
  { "Olsberg",       "59939", "05958036", "02962" },
  { "Bestwig",       "59909", "05958008", "02904" },
  { "Eslohe",        "59889", "05958016", "02973" },
  { "Medebach",      "59964", "05958024", "02982" },
  { "Hallenberg",    "59969", "05958020", "02984" },
  { "Lennestadt",    "57368", "05966020", "02723" },
  { "Attendorn",     "57439", "05966004", "02722" },
  { "Olpe",          "57462", "05966024", "02761" },
  { "Siegen",        "57072", "05970040", "0271" },
  { "Lüdenscheid",   "58507", "05962032", "02351" },
  { "Iserlohn",      "58636", "05962024", "02371" },
  { "Soest",         "59494", "05974040", "02921" },
  { "Lippstadt",     "59555", "05974028", "02941" },
  { "Meppen",        "49716", "03454035", "05931" },
  { "Lingen (Ems)",  "49808", "03454032", "0591" },
  { "Papenburg",     "26871", "03454041", "04961" },
  { "Lüneburg",      "21335", "03355022", "04131" },
  { "Uelzen",        "29525", "03360025", "0581" },
  { "Bad Berleburg", "57319", "05970004", "02751" },
  { "Warstein",      "59581", "05974048", "02902" },
  { "Plettenberg",   "58840", "05962044", "02391" },
  { "Finnentrop",    "57413", "05966008", "02721" },
  { "Kreuztal",      "57223", "05970024", "02732" },
};

typedef struct
{
  const char *form_code;
  const char *prefix;        /* before the town or patron's name */
  const char *suffix;        /* after it */
  gboolean    patron;
} DemoSchoolKind;

static const DemoSchoolKind school_kinds[] = {
  { "20", "Gymnasium ", "", FALSE },
  { "20", "", "-Gymnasium", TRUE },
  { "15", "Gesamtschule ", "", FALSE },
  { "15", "", "-Gesamtschule", TRUE },
  { "10", "Berufskolleg ", "", FALSE },
  { "17", "Weiterbildungskolleg ", "", FALSE },
};

static const char * const patrons[] = {
  "Marien", "Benediktiner", "Petrus-Legge", "Annette-von-Droste-Hülshoff", "Friedrich-Spee",
  "Walburga", "Geschwister-Scholl", "St.-Ursula", "Laurentius", "August-Macke", "Sophie-Scholl",
  "Carl-Severing", "Fürstenberg", "Engelbert-Kaempfer", "Rivius",
};

static const char * const streets[] = {
  "Schulstraße", "Am Sportplatz", "Kirchplatz", "Gartenstraße", "Ruhrstraße", "Lindenweg",
  "Graf-Gottfried-Straße", "Im Ohl", "Zum Sportzentrum", "Brückenplatz", "Auf dem Hagen",
};

typedef struct
{
  const char *trade;                /* "Bäckerei", followed by a family name */
  const char *products[3];
  int         value_cents[3];
  gboolean    adult_only;
} DemoTrade;

/* Index 0 (brewery) makes the adult-only product of the recipe, index 1 its
 * under-18 substitute. */
static const DemoTrade trades[] = {
  { "Brauerei",           { "Pils 0,33 l", "Radler 0,33 l", "Bierdeckel-Set" }, { 95, 90, 150 }, TRUE },
  { "Mosterei",           { "Apfelschorle 0,33 l", "Apfelsaft 0,2 l", "Birnensaft 0,2 l" }, { 80, 70, 75 }, FALSE },
  { "Fahrradmanufaktur",  { "Fahrradpumpe", "Flickzeug", "Fahrradklingel" }, { 1290, 350, 490 }, FALSE },
  { "Elektro",            { "USB-Stick 16 GB", "Powerbank", "USB-Kabel" }, { 590, 1490, 299 }, FALSE },
  { "Strickwaren",        { "Socken", "Mütze", "Schal" }, { 690, 1290, 1990 }, FALSE },
  { "Nussrösterei",       { "Erdnüsse 150 g", "Cashewkerne 100 g", "Studentenfutter" }, { 199, 349, 249 }, FALSE },
  { "Druckerei",          { "Notizblock A6", "Kalender", "Postkartenset" }, { 150, 450, 300 }, FALSE },
  { "Holzbau",            { "Holzkugelschreiber", "Frühstücksbrett", "Handyhalter aus Holz" }, { 390, 890, 590 }, FALSE },
  { "Bäckerei",           { "Dauerbackwaren-Tüte", "Sauerländer Knäcke", "Honigkuchen" }, { 250, 220, 300 }, FALSE },
  { "Metallbau",          { "Flaschenöffner", "Schlüsselanhänger", "Karabiner" }, { 290, 190, 350 }, FALSE },
  { "Imkerei",            { "Honig 250 g", "Bienenwachskerze", "Lippenbalsam" }, { 490, 390, 290 }, FALSE },
  { "Kunststofftechnik",  { "Trinkflasche", "Brotdose", "Eiskratzer" }, { 890, 690, 190 }, FALSE },
};

static const char * const legal_forms[] = { "GmbH", "GmbH & Co. KG", "KG", "e. K.", "AG" };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

gboolean
hp_demo_scale_from_string (const char  *text,
                           HpDemoScale *out_scale)
{
  static const char * const names[] = { "district", "region", "national" };

  g_return_val_if_fail (out_scale != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *out_scale = (HpDemoScale) i;
        return TRUE;
      }

  return FALSE;
}

HpDemoSize
hp_demo_scale_get_size (HpDemoScale scale)
{
  switch (scale)
    {
    case HP_DEMO_SCALE_DISTRICT: return (HpDemoSize) { 30, 2000, 40, 60 };
    case HP_DEMO_SCALE_REGION:   return (HpDemoSize) { 150, 12000, 200, 300 };
    case HP_DEMO_SCALE_NATIONAL: return (HpDemoSize) { 3500, 350000, 2000, 5000 };
    default:                     g_return_val_if_reached ((HpDemoSize) { 0 });
    }
}

typedef struct
{
  HpStore    *store;
  GRand      *rand;
  HpDemoSize  size;
  gint64      campaign_id;
  int         year;            /* the campaign's */
  GArray     *product_ids;     /* gint64 */
  GArray     *product_adult;   /* gboolean, parallel to product_ids */
  GArray     *item_ids;        /* gint64, each product's item, parallel too */
  GPtrArray  *schools;         /* HpSchool, with their hand-over set */
  gint64      short_item;      /* the pack item that stays short */
} Demo;

static char *
make_phone (GRand          *rand,
            const DemoTown *town)
{
  return g_strdup_printf ("%s %d", town->area_code, g_rand_int_range (rand, 10000, 999999));
}

static char *
ascii_slug (const char *text)
{
  /* German transliteration: Günther → guenther, Weiß → weiss */
  g_autofree char *ascii = g_str_to_ascii (text, "de");
  g_autoptr(GString) slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

static gboolean
add_sponsors_and_products (Demo    *demo,
                           GError **error)
{
  const DemoTrade *third_trade = NULL;
  guint products_made = 0;

  for (guint i = 0; i < demo->size.sponsors; i++)
    {
      /* The first two sponsors are always the brewery and the cider press, so
       * that the recipe's 18+ product and its substitute exist at any scale;
       * the fourth is of the third one's trade (not a brewery), so that at
       * least one item besides them has two gifts to pool. */
      const DemoTrade *trade = i < 2 ? &trades[i]
                               : i == 2 ? &trades[g_rand_int_range (demo->rand, 2, G_N_ELEMENTS (trades))]
                               : i == 3 ? third_trade
                               : &PICK (demo->rand, trades);
      const DemoTown *town = &PICK (demo->rand, towns);
      const char *family = PICK (demo->rand, last_names);
      g_autofree char *base = g_strconcat (trade->trade, " ", family, NULL);
      g_autofree char *name = g_strdup_printf ("%s %s", base, PICK (demo->rand, legal_forms));
      g_autofree char *slug = ascii_slug (family);
      g_autofree char *email = g_strdup_printf ("info@%s-%s.de", slug, town->postcode);
      g_autofree char *contact = g_strdup_printf ("%s %s", PICK (demo->rand, first_names), family);
      g_autofree char *phone = make_phone (demo->rand, town);
      g_autofree char *address = g_strdup_printf ("%s %d, %s %s", PICK (demo->rand, streets),
                                                  g_rand_int_range (demo->rand, 1, 80), town->postcode, town->town);
      g_autoptr(HpSponsor) sponsor = hp_sponsor_new (name);
      /* Spread the products evenly: sponsor i makes products up to
       * (i + 1) * products / sponsors. */
      guint until = (guint) (((guint64) (i + 1) * demo->size.products) / demo->size.sponsors);

      if (i == 2)
        third_trade = trade;

      hp_sponsor_set_contact (sponsor, contact);
      hp_sponsor_set_phone (sponsor, phone);
      hp_sponsor_set_email (sponsor, email);
      hp_sponsor_set_address (sponsor, address);
      if (!hp_store_add_sponsor (demo->store, sponsor, error))
        return FALSE;

      for (guint k = 0; products_made < until; k++, products_made++)
        {
          guint which = k % 3;
          g_autoptr(HpProduct) product = NULL;
          g_autofree char *product_name = NULL;

          product_name = k < 3 ? g_strdup (trade->products[which])
                               : g_strdup_printf ("%s (Sorte %u)", trade->products[which], k / 3 + 1);
          product = hp_product_new (hp_sponsor_get_id (sponsor), product_name);
          hp_product_set_value_cents (product, trade->value_cents[which]);
          /* Only the beer itself is 18+; the brewery's other products are not. */
          hp_product_set_adult_only (product, trade->adult_only && which == 0);
          if (trade == &trades[0] || trade == &trades[1] || trade == &trades[5] || trade == &trades[8])
            {
              g_autofree char *best_before = g_strdup_printf ("%d-12-31", demo->year);

              hp_product_set_best_before (product, best_before);
            }
          if (!hp_store_add_product (demo->store, product, error))
            return FALSE;

          {
            gint64 id = hp_product_get_id (product);
            gint64 item_id = hp_product_get_item_id (product);
            gboolean adult = hp_product_get_adult_only (product);

            g_array_append_val (demo->product_ids, id);
            g_array_append_val (demo->item_ids, item_id);
            g_array_append_val (demo->product_adult, adult);
          }
        }
    }

  return TRUE;
}

/* An item with the gifts (products) of it, by index into demo->product_ids. */
typedef struct
{
  gint64    item_id;
  gboolean  adult;
  guint     first;    /* its first gift */
  GArray   *gifts;    /* guint */
} DemoItem;

static void
demo_item_clear (gpointer data)
{
  DemoItem *item = data;

  g_clear_pointer (&item->gifts, g_array_unref);
}

/* The items of the products made, in the order of their first gift. */
static GArray *
collect_items (Demo *demo)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (DemoItem));

  g_array_set_clear_func (items, demo_item_clear);
  for (guint i = 0; i < demo->product_ids->len; i++)
    {
      gint64 *item_id = &g_array_index (demo->item_ids, gint64, i);
      gpointer found = NULL;
      DemoItem *item;

      if (!g_hash_table_lookup_extended (index, item_id, NULL, &found))
        {
          DemoItem fresh = {
            .item_id = *item_id,
            .adult = g_array_index (demo->product_adult, gboolean, i),
            .first = i,
            .gifts = g_array_new (FALSE, FALSE, sizeof (guint)),
          };

          found = GUINT_TO_POINTER (items->len);
          g_array_append_val (items, fresh);
          g_hash_table_insert (index, item_id, found);
        }

      item = &g_array_index (items, DemoItem, GPOINTER_TO_UINT (found));
      g_array_append_val (item->gifts, i);
    }

  return items;
}

/* Most gifts first, then the item made first. */
static int
compare_most_gifts (gconstpointer a,
                    gconstpointer b)
{
  const DemoItem *ia = *(const DemoItem * const *) a;
  const DemoItem *ib = *(const DemoItem * const *) b;

  if (ia->gifts->len != ib->gifts->len)
    return ia->gifts->len > ib->gifts->len ? -1 : 1;
  return (ia->first > ib->first) - (ia->first < ib->first);
}

static int
compare_first_made (gconstpointer a,
                    gconstpointer b)
{
  const DemoItem *ia = *(const DemoItem * const *) a;
  const DemoItem *ib = *(const DemoItem * const *) b;

  return (ia->first > ib->first) - (ia->first < ib->first);
}

static gboolean
add_pack_line (Demo    *demo,
               gint64   item_id,
               guint    per_standard,
               guint    per_under18,
               int      position,
               GError **error)
{
  g_autoptr(HpRecipeItem) line = hp_recipe_item_new (demo->campaign_id, item_id, per_standard, per_under18);

  hp_recipe_item_set_position (line, position);
  return hp_store_set_recipe_item (demo->store, line, error);
}

/* The pack: the beer (standard pack only), the juice that replaces it in
 * the under-18 pack, and the (up to) six items most sponsors give, in the
 * order they were made. Of those six, the one with the fewest gifts is the
 * one that stays short (add_pledges()). */
static gboolean
add_recipe (Demo    *demo,
            GError **error)
{
  /* The beer is the first product of sponsor 0, the cider press's juice the
   * first of sponsor 1 (see add_sponsors_and_products). */
  guint substitute = (guint) (1 * (guint64) demo->product_ids->len / demo->size.sponsors);
  gint64 beer = g_array_index (demo->item_ids, gint64, 0);
  gint64 juice = g_array_index (demo->item_ids, gint64, substitute);
  g_autoptr(GArray) items = collect_items (demo);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  int position = 0;

  if (!add_pack_line (demo, beer, 1, 0, position++, error) ||
      !add_pack_line (demo, juice, 0, 1, position++, error))
    return FALSE;

  /* The pack has exactly one 18+ item, with its substitute. */
  for (guint i = 0; i < items->len; i++)
    {
      DemoItem *item = &g_array_index (items, DemoItem, i);

      if (!item->adult && item->item_id != beer && item->item_id != juice)
        g_ptr_array_add (chosen, item);
    }
  g_ptr_array_sort (chosen, compare_most_gifts);
  if (chosen->len > 6)
    g_ptr_array_set_size (chosen, 6);
  if (chosen->len == 0)
    return TRUE;

  demo->short_item = ((DemoItem *) g_ptr_array_index (chosen, chosen->len - 1))->item_id;

  g_ptr_array_sort (chosen, compare_first_made);
  for (guint i = 0; i < chosen->len; i++)
    {
      const DemoItem *item = g_ptr_array_index (chosen, i);
      guint per_pack = (i % 4 == 2) ? 2 : 1;

      if (!add_pack_line (demo, item->item_id, per_pack, per_pack, position++, error))
        return FALSE;
    }

  return TRUE;
}

/* Books @quantity pieces on @pledge in one to three deliveries. */
static gboolean
add_deliveries (Demo      *demo,
                HpPledge  *pledge,
                gint64     quantity,
                GError   **error)
{
  int n_receipts = g_rand_int_range (demo->rand, 1, 4);
  gint64 left = quantity;

  for (int r = 0; r < n_receipts && left > 0; r++)
    {
      gint64 part = r + 1 == n_receipts ? left : MAX (1, left * g_rand_int_range (demo->rand, 30, 70) / 100);
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", demo->year, 3 + r, g_rand_int_range (demo->rand, 1, 29));
      g_autoptr(HpReceipt) receipt = hp_receipt_new (hp_pledge_get_id (pledge), date, part);

      if (!hp_store_add_receipt (demo->store, receipt, error))
        return FALSE;
      left -= part;
    }

  return TRUE;
}

static HpPledge *
add_pledge (Demo    *demo,
            gint64   product_id,
            gint64   quantity,
            GError **error)
{
  g_autoptr(HpPledge) pledge = hp_pledge_new (demo->campaign_id, product_id, quantity);
  g_autofree char *due = g_strdup_printf ("%d-05-%d", demo->year, g_rand_boolean (demo->rand) ? 15 : 31);

  hp_pledge_set_due_date (pledge, due);
  hp_pledge_set_confirmed (pledge, g_rand_int_range (demo->rand, 0, 10) > 0);
  if (!hp_store_add_pledge (demo->store, pledge, error))
    return NULL;

  return g_steal_pointer (&pledge);
}

/* The gifts of one pack item: @pledged pieces in all (at least one each),
 * shared among them by random weights, so that with two gifts or more none
 * pledges more than 60 % of it; each delivers @percent of its pledge, or,
 * if @percent is 100 and there are two gifts or more, one of them may still
 * owe up to a tenth of its pledge (so at least 94 % of @pledged arrives). */
static gboolean
pledge_item (Demo           *demo,
             const DemoItem *item,
             gint64          pledged,
             guint           percent,
             GError        **error)
{
  guint n = item->gifts->len;
  g_autofree guint *weights = g_new (guint, n);
  guint sum = 0;
  /* which gift still owes a little, if any (G_MAXUINT: none) */
  guint owing = percent == 100 && n > 1 && g_rand_boolean (demo->rand) ? (guint) g_rand_int_range (demo->rand, 0, n)
                                                                          : G_MAXUINT;
  gint64 left = pledged;

  for (guint k = 0; k < n; k++)
    sum += weights[k] = (guint) g_rand_int_range (demo->rand, 40, 61);

  for (guint k = 0; k < n; k++)
    {
      guint index = g_array_index (item->gifts, guint, k);
      /* the last takes what the rounding left */
      gint64 quantity = MAX (1, k + 1 == n ? left : pledged * weights[k] / sum);
      gint64 delivered = quantity * (k == owing ? (guint) g_rand_int_range (demo->rand, 90, 100) : percent) / 100;
      g_autoptr(HpPledge) pledge = add_pledge (demo, g_array_index (demo->product_ids, gint64, index), quantity, error);

      if (pledge == NULL || !add_deliveries (demo, pledge, delivered, error))
        return FALSE;
      left -= quantity;
    }

  return TRUE;
}

static gboolean
add_pledges (Demo    *demo,
             GError **error)
{
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GArray) items = collect_items (demo);
  g_autoptr(GHashTable) needed = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* What the plan needs of each pack item, from the schools and graduates
   * already made (read inside the transaction). */
  input = hp_plan_input_load (demo->store, demo->campaign_id, error);
  if (input == NULL)
    return FALSE;
  plan = hp_plan_compute (input);
  for (guint i = 0; i < plan->n_items; i++)
    g_hash_table_insert (needed, &plan->items[i].item_id, &plan->items[i].needed);

  for (guint i = 0; i < items->len; i++)
    {
      const DemoItem *item = &g_array_index (items, DemoItem, i);
      const gint64 *need = g_hash_table_lookup (needed, &item->item_id);

      if (need != NULL && item->item_id == demo->short_item)
        {
          /* Short even pooled: 92 % pledged (8 % nobody pledged), of that
           * 88 % delivered (the rest still to chase). */
          if (!pledge_item (demo, item, MAX (1, *need * 92 / 100), 88, error))
            return FALSE;
        }
      else if (need != NULL)
        {
          /* Covered: 112 to 125 % pledged, nearly all of it delivered (at
           * least 106 %); with two gifts or more no gift alone covers it. */
          if (!pledge_item (demo, item, MAX (1, *need * g_rand_int_range (demo->rand, 112, 126) / 100), 100, error))
            return FALSE;
        }
      else
        {
          /* Not in the pack: a few hundred pieces per gift, maybe not
           * delivered yet. */
          for (guint k = 0; k < item->gifts->len; k++)
            {
              guint index = g_array_index (item->gifts, guint, k);
              gint64 quantity = g_rand_int_range (demo->rand, 1, 40) * 25;
              g_autoptr(HpPledge) pledge = add_pledge (demo, g_array_index (demo->product_ids, gint64, index),
                                                       quantity, error);

              if (pledge == NULL ||
                  (g_rand_int_range (demo->rand, 0, 4) > 0 && !add_deliveries (demo, pledge, quantity, error)))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
add_schools (Demo    *demo,
             GError **error)
{
  g_autoptr(GHashTable) names_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint number = 100000 + (guint) g_rand_int_range (demo->rand, 0, 1000);

  for (guint i = 0; i < demo->size.schools; i++)
    {
      const DemoTown *town = &towns[i % G_N_ELEMENTS (towns)];
      const DemoSchoolKind *kind = &PICK (demo->rand, school_kinds);
      g_autofree char *name = NULL;
      g_autofree char *number_text = NULL;
      g_autofree char *email = NULL;
      g_autofree char *street = NULL;
      g_autofree char *teacher = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *handover = NULL;
      g_autoptr(HpSchool) school = NULL;

      name = g_strconcat (kind->prefix, kind->patron ? PICK (demo->rand, patrons) : town->town, kind->suffix, NULL);
      if (kind->patron)
        {
          g_autofree char *with_town = g_strdup_printf ("%s %s", name, town->town);
          g_free (name);
          name = g_steal_pointer (&with_town);
        }
      /* Many schools share town and kind at larger scales: number them the
       * way real directories do ("Gymnasium Arnsberg II"). */
      for (guint n = 2; g_hash_table_contains (names_used, name); n++)
        {
          g_autofree char *numbered = g_strdup_printf ("%s %u", name, n);

          if (!g_hash_table_contains (names_used, numbered))
            {
              g_free (name);
              name = g_steal_pointer (&numbered);
            }
        }
      g_hash_table_add (names_used, g_strdup (name));

      number += (guint) g_rand_int_range (demo->rand, 1, 200);
      number_text = g_strdup_printf ("%06u", number);
      email = g_strdup_printf ("%s@schule.nrw.de", number_text);
      street = g_strdup_printf ("%s %d", PICK (demo->rand, streets), g_rand_int_range (demo->rand, 1, 60));
      teacher = g_strdup_printf ("%s %s", g_rand_boolean (demo->rand) ? "Frau" : "Herr", PICK (demo->rand, last_names));
      phone = make_phone (demo->rand, town);

      school = hp_school_new (number_text, name);
      hp_school_set_street (school, street);
      hp_school_set_postcode (school, town->postcode);
      hp_school_set_town (school, town->town);
      hp_school_set_district_key (school, town->district_key);
      hp_school_set_school_form (school, kind->form_code);
      hp_school_set_contact_teacher (school, teacher);
      hp_school_set_email (school, email);
      hp_school_set_phone (school, phone);
      if (!hp_store_add_school (demo->store, school, error))
        return FALSE;

      /* Hand-overs at the Abitur ceremonies, late June to early July. */
      handover = g_strdup_printf ("%d-%s-%02dT%02d:%s", demo->year,
                                  i % 3 == 0 ? "07" : "06",
                                  i % 3 == 0 ? g_rand_int_range (demo->rand, 1, 4) : g_rand_int_range (demo->rand, 18, 31),
                                  g_rand_int_range (demo->rand, 10, 19), g_rand_boolean (demo->rand) ? "00" : "30");
      hp_school_set_handover (school, handover);
      g_ptr_array_add (demo->schools, g_steal_pointer (&school));
    }

  return TRUE;
}


/* first.last@example.org, ASCII and lower case: "Zoë Özdemir" gives
 * "zoe.ozdemir@example.org". */
static void
set_demo_contact (HpGraduate *graduate,
                  guint       i)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", hp_graduate_get_first_name (graduate),
                                           hp_graduate_get_last_name (graduate));
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_autofree char *email = NULL;

  g_strdelimit (lower, " '", '-');
  email = g_strdup_printf ("%s@example.org", lower);
  hp_graduate_set_email (graduate, email);
  if (i % 3 == 0)
    {
      g_autofree char *phone = g_strdup_printf ("0151 %07u", (i * 7919u) % 10000000u);

      hp_graduate_set_phone (graduate, phone);
    }
}

static gboolean
add_graduates (Demo    *demo,
               GError **error)
{
  guint n_schools = demo->schools->len;
  guint total = demo->size.graduates;
  guint made = 0;

  for (guint s = 0; s < n_schools; s++)
    {
      HpSchool *school = g_ptr_array_index (demo->schools, s);
      gint64 school_id = hp_school_get_id (school);
      /* Uneven school sizes that still add up exactly: a random share around
       * the mean, and the last school takes the rest. */
      guint mean = total / n_schools;
      guint count = s + 1 == n_schools ? total - made
                                       : MIN (total - made, mean * g_rand_int_range (demo->rand, 70, 131) / 100);
      guint n_classes = MAX (1u, count / 25);

      for (guint i = 0; i < count; i++)
        {
          g_autoptr(HpGraduate) graduate = hp_graduate_new (demo->campaign_id, school_id);
          g_autofree char *birth = NULL;
          g_autofree char *class_name = NULL;
          int year;
          int month;

          /* Most are 18 or 19 at the hand-over in late June; about one in
           * twenty is still 17 (born in the second half of the year 18
           * years before), which is what the under-18 pack is for. */
          if (g_rand_int_range (demo->rand, 0, 20) == 0)
            {
              year = demo->year - 18;
              month = g_rand_int_range (demo->rand, 7, 13);
            }
          else
            {
              year = g_rand_int_range (demo->rand, demo->year - 20, demo->year - 18);
              month = g_rand_int_range (demo->rand, 1, 13);
            }
          birth = g_strdup_printf ("%d-%02d-%02d", year, month, g_rand_int_range (demo->rand, 1, 29));
          class_name = n_classes == 1 ? g_strdup ("Q2") : g_strdup_printf ("Q2-%u", i % n_classes + 1);

          hp_graduate_set_last_name (graduate, PICK (demo->rand, last_names));
          hp_graduate_set_first_name (graduate, PICK (demo->rand, first_names));
          hp_graduate_set_class_name (graduate, class_name);
          hp_graduate_set_birth_date (graduate, birth);
          if (g_rand_int_range (demo->rand, 0, 10) < 4)
            {
              g_autofree char *consent = g_strdup_printf ("%d-03-15", demo->year);

              hp_graduate_set_consent_date (graduate, consent);
              hp_graduate_set_consent_source (graduate, g_rand_boolean (demo->rand) ? "Formular Abiball"
                                                                                    : "Online-Anmeldung");
              /* Contact data for the returnee network, made from the name
               * without drawing from demo->rand (the numbers stay as they
               * were): an example.org address, every third a phone too. */
              set_demo_contact (graduate, i);
            }

          if (!hp_store_add_graduate (demo->store, graduate, error))
            return FALSE;
        }

      made += count;

      /* The school's own estimate, reported before the lists came in: a
       * little above its list, except that every fourth school has more on
       * its list than it expected (the plan counts the list, "listed"); and
       * every fourth has since said that its list is complete. */
      {
        guint spread = (guint) g_rand_int_range (demo->rand, 0, 5);
        guint expected = s % 4 == 3 && count > spread + 1 ? count - 1 - spread : count + spread;

        hp_school_set_expected_graduates (school, (int) expected);
      }
      hp_school_set_list_complete (school, s % 4 == 1);
      if (!hp_store_set_school_campaign (demo->store, demo->campaign_id, school, error))
        return FALSE;
    }

  return TRUE;
}

/* The hand-overs of the demo: see the header comment. */
static gboolean
add_handovers (Demo    *demo,
               GError **error)
{
  g_autoptr(HpPlanInput) input = NULL;
  g_autoptr(HpPlan) plan = NULL;

  if (demo->schools->len < 2)
    return TRUE;

  input = hp_plan_input_load (demo->store, demo->campaign_id, error);
  if (input == NULL)
    return FALSE;
  plan = hp_plan_compute (input);

  for (guint s = 0; s < 2; s++)
    {
      HpSchool *school = g_ptr_array_index (demo->schools, s);
      const HpPlanSchoolResult *r = NULL;
      g_autoptr(HpHandover) handover = NULL;
      gint64 standard;

      for (guint i = 0; i < plan->n_schools; i++)
        if (plan->schools[i].school_id == hp_school_get_id (school))
          r = &plan->schools[i];
      if (r == NULL)
        continue;

      standard = s == 0 ? r->allocated_standard * 2 / 5 : r->allocated_standard;
      if (standard + r->allocated_under18 == 0)
        continue;

      handover = hp_handover_new (demo->campaign_id, hp_school_get_id (school), hp_school_get_handover (school),
                                  standard, r->allocated_under18);
      hp_handover_set_received_by (handover, hp_school_get_contact_teacher (school));
      if (s == 0)
        hp_handover_set_note (handover, "Teillieferung, Rest folgt");
      if (!hp_store_add_handover (demo->store, handover, error))
        return FALSE;
    }

  /* The second school returned its class list: four in five ticked */
  {
    HpSchool *school = g_ptr_array_index (demo->schools, 1);
    g_autoptr(GListModel) graduates = hp_store_list_graduates (demo->store, demo->campaign_id,
                                                               hp_school_get_id (school), error);
    guint n;

    if (graduates == NULL)
      return FALSE;

    n = g_list_model_get_n_items (graduates);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(HpGraduate) graduate = g_list_model_get_item (graduates, i);

        if (i % 5 == 4)
          continue;
        hp_graduate_set_pack_received (graduate, TRUE);
        if (!hp_store_update_graduate (demo->store, graduate, error))
          return FALSE;
      }
  }

  return TRUE;
}

static HpCampaign *
add_campaign (HpStore  *store,
              GError  **error)
{
  g_autoptr(GListModel) campaigns = hp_store_list_campaigns (store, error);
  g_autoptr(HpCampaign) campaign = NULL;
  g_autofree char *name = NULL;

  if (campaigns == NULL)
    return NULL;

  /* "Heimvorteil2GO 2027", then "… 2028" if that exists already. */
  for (int year = 2027; campaign == NULL; year++)
    {
      g_autoptr(HpCampaign) existing = NULL;

      g_free (name);
      name = g_strdup_printf ("Heimvorteil2GO %d", year);
      existing = hp_store_find_campaign (store, name, NULL);
      if (existing == NULL)
        campaign = hp_campaign_new (name, year);
    }

  {
    g_autofree char *handover = g_strdup_printf ("%d-06-25", hp_campaign_get_year (campaign));

    hp_campaign_set_handover_date (campaign, handover);
  }
  hp_campaign_set_spare_percent (campaign, 5);

  if (!hp_store_add_campaign (store, campaign, error))
    return NULL;

  return g_steal_pointer (&campaign);
}

HpCampaign *
hp_demo_fill (HpStore      *store,
              HpDemoScale   scale,
              guint32       seed,
              GError      **error)
{
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) product_ids = NULL;
  g_autoptr(GArray) product_adult = NULL;
  g_autoptr(GArray) item_ids = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  HpStoreStats stats;
  Demo demo;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  if (!hp_store_get_stats (store, &stats, error))
    return NULL;

  /* Schools have unique numbers and sponsors would double: the demo wants a
   * file of its own. */
  if (stats.sponsors > 0 || stats.schools > 0)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("The demo data needs an empty database. Choose a new file for it."));
      return NULL;
    }

  rand = g_rand_new_with_seed (seed);
  product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  product_adult = g_array_new (FALSE, FALSE, sizeof (gboolean));
  item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  schools = g_ptr_array_new_with_free_func (g_object_unref);
  demo = (Demo) {
    .store = store,
    .rand = rand,
    .size = hp_demo_scale_get_size (scale),
    .product_ids = product_ids,
    .product_adult = product_adult,
    .item_ids = item_ids,
    .schools = schools,
  };

  if (!hp_store_begin (store, error))
    return NULL;

  campaign = add_campaign (store, error);
  if (campaign == NULL)
    goto fail;
  demo.campaign_id = hp_campaign_get_id (campaign);
  demo.year = hp_campaign_get_year (campaign);

  /* The pledges last: they are measured against what the plan needs. */
  if (!add_sponsors_and_products (&demo, error) ||
      !add_recipe (&demo, error) ||
      !add_schools (&demo, error) ||
      !add_graduates (&demo, error) ||
      !add_pledges (&demo, error) ||
      !add_handovers (&demo, error))
    goto fail;

  if (!hp_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&campaign);

fail:
  hp_store_rollback (store);
  return NULL;
}
