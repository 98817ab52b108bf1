/* test-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX exports, read back by an independent reader: tests/check-xlsx.py
 * (Debian's python3-openpyxl) turns a workbook into JSON facts, which the
 * checks below evaluate in Python (hp_test_json_check()). Covered: sheet
 * names, cell values and types, number formats, print setup, frozen panes;
 * pack numbers against the plan; one packing-list line per item with the
 * pieces of all its gifts pooled, and the sponsor report sharing an item's
 * used pieces out among its gifts (worked by hand on a small campaign, and
 * the sharing rule itself); the class lists' under-18 marks; a German
 * process locale; a failed and a cancelled export leaving the old file
 * intact; unsafe school names; hostile texts (control characters, literal
 * `_xHHHH_`, a text longer than a cell) giving valid workbooks that show
 * them as typed; file modes; the leftovers of killed exports, and killing
 * heimpack-cli at random moments; a full disk.
 */

#include "config.h"

#include <grp.h>
#include <libintl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "hp-test-utils.h"
/* _hp_export_share_out(), plain GLib */
#include "src/core/export/hp-export-share-private.h"
/* _hp_export_clean_text() and the test hooks */
#include "src/core/export/hp-export-private.h"

#define SEED 20270625

typedef struct
{
  HpStore    *store;
  HpCampaign *campaign;
  char       *dir;
} Fixture;

static void small_setup (Fixture *f, gconstpointer data);

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hp_test_store_new_memory ();
  f->campaign = hp_demo_fill (f->store, HP_DEMO_SCALE_DISTRICT, SEED, &error);
  g_assert_no_error (error);
  f->dir = hp_test_tmp_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->campaign);
  g_assert_finalize_object (f->store);
}

#define TEST(path, func) \
  g_test_add ("/heimpack/export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
/* The small campaign worked by hand (small_setup()). */
#define TEST_SMALL(path, func) \
  g_test_add ("/heimpack/export/" path, Fixture, NULL, small_setup, func, fixture_teardown)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
export (Fixture               *f,
        HpExportKind           kind,
        const HpExportOptions *options,
        const char            *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hp_export_write (f->store, hp_campaign_get_id (f->campaign), kind, options, path,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

#define CHECK(facts, expr, ...) g_assert_true (hp_test_json_check (facts, expr, __VA_ARGS__))

/* Print setup every sheet shares: A4, fit to width, header and footer,
 * pages numbered per sheet from 1 ("Page &P", or "Page &P of 3" where the
 * sheet knows its pages; &N only in a workbook of one sheet, where
 * LibreOffice's count of the workbook's pages is the sheet's), and one
 * orientation for the whole workbook. */
#define PRINT_SETUP_OK \
  "all(s['paper'] == 9 and s['fit_to_page'] and s['fit_width'] in (None, 1) and s['fit_height'] == 0 " \
  "    and s['first_page'] == 1 " \
  "    and re.fullmatch(r'Page &P( of [0-9]+)?' if len(d['sheets']) > 1 else r'Page &P of &N', s['footer'][1]) " \
  "    and s['header'][0] == a[0] and s['header'][2] " \
  "    and s['orientation'] in ('portrait', 'landscape') for s in d['sheets']) " \
  "and len(set(s['orientation'] for s in d['sheets'])) == 1"

/* Every table heading (grey row) as LibreOffice prints it: the export
 * breaks each title into its lines itself (hp-export-sheet.c), so the row
 * is exactly as tall as its most broken title, 15 pt a line (no empty band
 * under the labels, nothing cut); and no line is much wider than its
 * column: bold letters take about one unit of width each, narrow ones
 * ("i", "l", " ") half of it, so a line has at most 1.25 letters a unit
 * ("Quelle der Einwilligung", 23 letters, prints on one line in a column
 * of 22 + 0.71: 23 <= 27.5). */
#define HEADINGS_OK \
  "not [(s['name'], r, cell[0]) for s in d['sheets'] for r in s['heading_rows'] " \
  "     for c, cell in enumerate(s['rows'][r - 1]) if cell[1] == 's' and (" \
  "       s['widths'][c] is None " \
  "       or max(len(line) for line in cell[0].split('\\n')) > 1.25 * (s['widths'][c] - 0.71) " \
  "       or (s['heights'][r - 1] or 15) != 15 * max(x[0].count('\\n') + 1 " \
  "                                                  for x in s['rows'][r - 1] if x[1] == 's'))]"

/* { "school number": [standard, under18, graduates listed, graduates
 * counted by the plan], … }, computed here independently of the export. */
static char *
expected_allocation (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, hp_campaign_get_id (f->campaign), &error);
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GString) json = g_string_new ("{");

  g_assert_no_error (error);
  plan = hp_plan_compute (input);
  g_assert_cmpuint (plan->n_schools, ==, input->n_schools);

  for (guint i = 0; i < plan->n_schools; i++)
    {
      g_autoptr(HpSchool) school = hp_store_get_school (f->store, plan->schools[i].school_id, &error);
      gint64 graduates = hp_store_count_graduates (f->store, hp_campaign_get_id (f->campaign),
                                                   plan->schools[i].school_id, &error);

      g_assert_no_error (error);
      g_string_append_printf (json, "%s\"%s\": [%u, %u, %" G_GINT64_FORMAT ", %u]", i > 0 ? ", " : "",
                              hp_school_get_number (school), plan->schools[i].allocated_standard,
                              plan->schools[i].allocated_under18, graduates, plan->schools[i].graduates);
    }

  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* { "school number": [standard, under18 of this delivery note], … }: the
 * school's latest recorded hand-over, else its allocation (hp-export.h),
 * computed here from the store's own lists. */
static char *
expected_notes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, hp_campaign_get_id (f->campaign), &error);
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GString) json = g_string_new ("{");

  g_assert_no_error (error);
  plan = hp_plan_compute (input);
  for (guint i = 0; i < plan->n_schools; i++)
    {
      g_autoptr(GListModel) handovers = hp_store_list_handovers (f->store, hp_campaign_get_id (f->campaign),
                                                                 plan->schools[i].school_id, &error);
      guint n;
      gint64 standard = plan->schools[i].allocated_standard;
      gint64 under18 = plan->schools[i].allocated_under18;

      g_assert_no_error (error);
      n = g_list_model_get_n_items (handovers);
      if (n > 0)
        {
          g_autoptr(HpHandover) latest = g_list_model_get_item (handovers, n - 1);

          standard = hp_handover_get_standard (latest);
          under18 = hp_handover_get_under18 (latest);
        }
      g_string_append_printf (json, "%s\"%s\": [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]", i > 0 ? ", " : "",
                              input->schools[i].number, standard, under18);
    }

  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* ------------------------------------------------------------------------ */
/* A small campaign, worked by hand                                          */

/*
 * "Aktion 2027", hand-over on 10 July 2027 (the campaign's day), no spare
 * packs. The pack: 1 × "Pils" (18+) in the standard pack, "Apfelsaft" 1 × in
 * the standard and 2 × in the under-18 pack. Gifts:
 *
 *   Brauerei Alt    Pils        pledged  8, received 5 (3 + 2)
 *   Mosterei Berg   Apfelsaft   pledged 10, received 7
 *   Mosterei Claas  APFELSAFT   pledged  6, received 6   (the same item)
 *
 * Schools:
 *   100001 Gymnasium Am Berg: hand-over 25 June 2027 10:00 (its own), 6
 *     expected, list not complete: Adler Anna (born 25.06.2009: 18 on the
 *     day), Brandt Ben (26.06.2009: 17), Celik Cem (no birth date), Dietz
 *     Dora (2008), Ernst Emil (01.07.2009: 17 on 25 June). Counted:
 *     max (6, 5) = 6; under 18 by birth: Ben and Emil = 2; so 4 standard and
 *     2 under-18 packs.
 *   100002 Realschule Tal: no hand-over of its own (the campaign's 10 July),
 *     5 expected but its list is complete: Fuchs Frida (11.07.2009: 17 on
 *     10 July), Graf Gil (01.07.2009: 18 on 10 July). Counted: 2; under 18:
 *     Frida; so 1 standard and 1 under-18 pack.
 *
 * Needed: 5 standard, 3 under-18 packs. Pils: 5 × 1 = 5 pieces; Apfelsaft:
 * 5 × 1 + 3 × 2 = 11 pieces. Received, pooled: Pils 5, Apfelsaft 7 + 6 =
 * 13 (neither gift alone covers 11). Built: under-18 packs first: 3 (6
 * Apfelsaft), then standard packs from what is left: min (5 Pils, 7
 * Apfelsaft, 5 needed) = 5. All packs built; used: Pils 5, Apfelsaft 6 + 5
 * = 11.
 */
static HpSponsor *
small_sponsor (HpStore    *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = hp_sponsor_new (name);

  g_assert_true (hp_store_add_sponsor (store, sponsor, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&sponsor);
}

/* A gift of @name with a pledge and its deliveries (0-terminated). */
static gint64
small_gift (Fixture    *f,
            const char *sponsor_name,
            const char *name,
            gint64      value_cents,
            gboolean    adult_only,
            gint64      pledged,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSponsor) sponsor = small_sponsor (f->store, sponsor_name);
  g_autoptr(HpProduct) product = hp_product_new (hp_sponsor_get_id (sponsor), name);
  g_autoptr(HpPledge) pledge = NULL;
  va_list args;

  hp_product_set_value_cents (product, value_cents);
  hp_product_set_adult_only (product, adult_only);
  g_assert_true (hp_store_add_product (f->store, product, &error));
  g_assert_no_error (error);

  pledge = hp_pledge_new (hp_campaign_get_id (f->campaign), hp_product_get_id (product), pledged);
  g_assert_true (hp_store_add_pledge (f->store, pledge, &error));
  g_assert_no_error (error);

  va_start (args, pledged);
  for (gint64 q = va_arg (args, gint64); q > 0; q = va_arg (args, gint64))
    {
      g_autoptr(HpReceipt) receipt = hp_receipt_new (hp_pledge_get_id (pledge), "2027-05-02", q);

      g_assert_true (hp_store_add_receipt (f->store, receipt, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  return hp_product_get_item_id (product);
}

static void
small_pack_line (Fixture *f,
                 gint64   item_id,
                 guint    per_standard,
                 guint    per_under18,
                 int      position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpRecipeItem) line = hp_recipe_item_new (hp_campaign_get_id (f->campaign), item_id,
                                                     per_standard, per_under18);

  hp_recipe_item_set_position (line, position);
  g_assert_true (hp_store_set_recipe_item (f->store, line, &error));
  g_assert_no_error (error);
}

static gint64
small_school (Fixture    *f,
              const char *number,
              const char *name,
              const char *handover,
              int         expected,
              gboolean    list_complete)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_school_new (number, name);

  g_assert_true (hp_store_add_school (f->store, school, &error));
  g_assert_no_error (error);
  hp_school_set_handover (school, handover);
  hp_school_set_expected_graduates (school, expected);
  hp_school_set_list_complete (school, list_complete);
  g_assert_true (hp_store_set_school_campaign (f->store, hp_campaign_get_id (f->campaign), school, &error));
  g_assert_no_error (error);
  return hp_school_get_id (school);
}

static void
small_graduate (Fixture    *f,
                gint64      school_id,
                const char *last_name,
                const char *first_name,
                const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpGraduate) graduate = hp_graduate_new (hp_campaign_get_id (f->campaign), school_id);

  hp_graduate_set_class_name (graduate, "Q2");
  hp_graduate_set_last_name (graduate, last_name);
  hp_graduate_set_first_name (graduate, first_name);
  hp_graduate_set_birth_date (graduate, birth_date);
  g_assert_true (hp_store_add_graduate (f->store, graduate, &error));
  g_assert_no_error (error);
}

static void
small_setup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pils, juice, other_juice;
  gint64 berg, tal;

  f->store = hp_test_store_new_memory ();
  f->dir = hp_test_tmp_dir ();
  f->campaign = hp_campaign_new ("Aktion 2027", 2027);
  hp_campaign_set_handover_date (f->campaign, "2027-07-10");
  hp_campaign_set_spare_percent (f->campaign, 0);
  g_assert_true (hp_store_add_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);

  pils = small_gift (f, "Brauerei Alt", "Pils", 95, TRUE, 8, (gint64) 3, (gint64) 2, (gint64) 0);
  juice = small_gift (f, "Mosterei Berg", "Apfelsaft", 80, FALSE, 10, (gint64) 7, (gint64) 0);
  other_juice = small_gift (f, "Mosterei Claas", "APFELSAFT", 75, FALSE, 6, (gint64) 6, (gint64) 0);
  g_assert_cmpint (other_juice, ==, juice);
  small_pack_line (f, pils, 1, 0, 0);
  small_pack_line (f, juice, 1, 2, 1);

  berg = small_school (f, "100001", "Gymnasium Am Berg", "2027-06-25T10:00", 6, FALSE);
  tal = small_school (f, "100002", "Realschule Tal", NULL, 5, TRUE);
  small_graduate (f, berg, "Adler", "Anna", "2009-06-25");
  small_graduate (f, berg, "Brandt", "Ben", "2009-06-26");
  small_graduate (f, berg, "Celik", "Cem", NULL);
  small_graduate (f, berg, "Dietz", "Dora", "2008-01-01");
  small_graduate (f, berg, "Ernst", "Emil", "2009-07-01");
  small_graduate (f, tal, "Fuchs", "Frida", "2009-07-11");
  small_graduate (f, tal, "Graf", "Gil", "2009-07-01");
}

static void
test_small_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, hp_campaign_get_id (f->campaign), &error);
  g_autoptr(HpPlan) plan = NULL;

  /* The example's own premises, as the plan sees them. */
  g_assert_no_error (error);
  plan = hp_plan_compute (input);
  g_assert_cmpuint (plan->n_items, ==, 2);
  g_assert_cmpuint (input->n_gifts, ==, 3);
  g_assert_cmpuint (plan->needed_standard, ==, 5);
  g_assert_cmpuint (plan->needed_under18, ==, 3);
  g_assert_cmpuint (plan->buildable_standard, ==, 5);
  g_assert_cmpuint (plan->buildable_under18, ==, 3);
  g_assert_cmpint (plan->items[0].needed, ==, 5);
  g_assert_cmpint (plan->items[0].received, ==, 5);
  g_assert_cmpint (plan->items[0].used, ==, 5);
  g_assert_cmpint (plan->items[1].needed, ==, 11);
  g_assert_cmpint (plan->items[1].received, ==, 13);
  g_assert_cmpint (plan->items[1].used, ==, 11);
  g_assert_cmpuint (plan->schools[0].graduates, ==, 6);
  g_assert_cmpuint (plan->schools[1].graduates, ==, 2);
}

static void
test_packing_list_pooled (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Packliste.xlsx", NULL);
  g_autofree char *facts = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_PACKING_LIST, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);

  /* One line per item, never per gift: the two juices are one line, with
   * both sponsors. */
  CHECK (facts, "[r[:6] for r in d['sheets'][0]['rows'][4:6]] == ["
                "  [[1, 'n', 'General', None], ['Pils', 's', 'General', None], ['Brauerei Alt', 's', 'General', None], "
                "   [1, 'n', '#,##0;-#,##0;\"–\"', None], [0, 'n', '#,##0;-#,##0;\"–\"', None], "
                "   ['18+ only', 's', 'General', None]], "
                "  [[2, 'n', 'General', None], ['Apfelsaft', 's', 'General', None], "
                "   ['Mosterei Berg, Mosterei Claas', 's', 'General', None], "
                "   [1, 'n', '#,##0;-#,##0;\"–\"', None], [2, 'n', '#,##0;-#,##0;\"–\"', None], [None, None, 'General', None]]]",
         NULL);
  CHECK (facts, "d['sheets'][0]['rows'][6][1][0] == 'Pieces per pack' and d['sheets'][0]['rows'][6][4][0] == 2", NULL);

  /* Total quantities, pooled: needed, received of all gifts, difference
   * (Pils 5 − 5 = 0; Apfelsaft 13 − 11 = 2), the packs needed 5 + 3. */
  CHECK (facts, "[[c[0] for c in r[1:2] + r[5:8]] for r in d['sheets'][1]['rows'][8:]] == "
                "[['Pils', 5, 5, 0], ['Apfelsaft', 11, 13, 2]]", NULL);
  CHECK (facts, "[d['sheets'][1]['rows'][r][5][0] for r in (3, 4, 5)] == [5, 3, 8]", NULL);

  /* Packing stations: pieces for the packs built: Pils 5 × 1; Apfelsaft
   * 5 × 1 + 3 × 2 = 11. */
  CHECK (facts, "[[r[1][0], r[5][0]] for r in d['sheets'][2]['rows'] if r[0][1] == 'n'] == "
                "[['Pils', 5], ['Apfelsaft', 11]]", NULL);
}

static void
test_sponsor_report_pooled (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Sponsorenbericht.xlsx", NULL);
  g_autofree char *facts = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);

  /* Per gift: pledged, received, used. The 11 Apfelsaft used are shared by
   * what each gift delivered, 7 : 6 of 13: 11 × 7 / 13 = 5.92 and
   * 11 × 6 / 13 = 5.08, whole parts 5 + 5 = 10, the piece left over to the
   * larger remainder (77 mod 13 = 12 against 66 mod 13 = 1): Berg 6, Claas
   * 5, together the item's 11 (cut down, each would be 5: 10). Pils 5 of 5.
   * In-kind value = received × value per piece. */
  CHECK (facts, "[[c[0] for c in r[:7]] for r in d['sheets'][1]['rows'][4:] if r[1][0] is not None] == ["
                "  ['Brauerei Alt', 'Pils', 8, 5, 5, 0.95, 4.75], "
                "  ['Mosterei Berg', 'Apfelsaft', 10, 7, 6, 0.8, 5.6], "
                "  ['Mosterei Claas', 'Apfelsaft', 6, 6, 5, 0.75, 4.5]]", NULL);
  /* The used pieces of the gifts sum to the items' (5 + 11), in the total
   * row's formula and value. */
  CHECK (facts, "(lambda t: t[0][0] == 'Total of all sponsors' and t[4][0] == 16 and t[4][3].startswith('=SUBTOTAL(9,'))"
                "(d['sheets'][1]['rows'][-1])", NULL);
  /* Both schools get packs with either item. */
  CHECK (facts, "[r[7][0] for r in d['sheets'][1]['rows'][4:] if r[1][0] is not None] == [2, 2, 2]", NULL);
  /* Before any hand-over: 8 packs planned, 0 handed over to schools, 0
   * handed out; the thank-you sentences say "planned". Pils is in the 5
   * standard packs; Apfelsaft in all 8, shared 7 : 6 of 13: 8 × 7 = 56 =
   * 4 × 13 + 4, 8 × 6 = 48 = 3 × 13 + 9, whole parts 4 + 3 = 7, the pack
   * left over to the larger remainder (9: Claas): 4 and 4. */
  CHECK (facts, "{r[0][0]: [c[0] for c in r[1:4]] for r in d['sheets'][0]['rows'][4:11] if r[0][0]} == {"
                "'Packs': [8, 0, 0], 'Of which under-18 packs': [3, 0, 0], 'Schools': [2, 0, 0], "
                "'Sponsors': [3, None, None], 'Products': [3, None, None], "
                "'Total in-kind value': [14.85, None, None]}", NULL);
  CHECK (facts, "[r[9][0] for r in d['sheets'][2]['rows'][4:7]] == ["
                "'Your 5 pieces of “Pils” are planned for 5 packs for 2 schools.', "
                "'Your 7 pieces of “Apfelsaft” are planned for 4 packs for 2 schools.', "
                "'Your 6 pieces of “Apfelsaft” are planned for 4 packs for 2 schools.']", NULL);
  g_assert_cmpuint (hp_test_check_formulas ((const char * const[]) { path, NULL }), >, 0);
}

static void
small_handover (Fixture    *f,
                const char *number,
                gint64      standard,
                gint64      under18)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpSchool) school = hp_store_find_school (f->store, number, &error);
  g_autoptr(HpHandover) handover = NULL;

  g_assert_no_error (error);
  handover = hp_handover_new (hp_campaign_get_id (f->campaign), hp_school_get_id (school), "2027-06-25T10:00",
                              standard, under18);
  hp_handover_set_received_by (handover, "Frau Jäger");
  g_assert_true (hp_store_add_handover (f->store, handover, &error));
  g_assert_no_error (error);
}

/* Delivery notes with hand-overs, worked by hand on the small campaign:
 * Am Berg needs 4 standard + 2 under-18 packs (6), Tal 1 + 1 (2).
 * Recorded: Am Berg 2 + 2 (partial: 4 of 6, 2 to follow), Tal 1 + 1
 * (complete, no line). Then a second hand-over to Am Berg, 2 + 0: its note
 * is now for that one: this 2, before 4, still to come 0 ("Final
 * delivery"), number 2027-100001-2. */
#define NOTE_LABEL "(lambda s, label, k=1: next(r[i + k][0] for r in s['rows'] for i, c in enumerate(r[:-k]) if c[0] == label))"

static void
test_delivery_partial (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  HP_TEST_REQUIRE_OPENPYXL ();

  small_handover (f, "100001", 2, 2);
  small_handover (f, "100002", 1, 1);
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);

  /* needed, before, this (standard, under 18, total), still to come */
  CHECK (facts, "[[c[0] for c in r[5:12]] for r in d['sheets'][0]['rows'][4:6]] == ["
                "  ['2027-100001-1', 6, 0, 2, 2, 4, 2], ['2027-100002-1', 2, 0, 1, 1, 2, 0]]", NULL);
  CHECK (facts, "(lambda lab: [[lab(s, 'Standard packs', k) for k in (1, 2, 3, 4)] + "
                "  [lab(s, 'Under-18 packs', k) for k in (1, 2, 3, 4)] for s in d['sheets'][1:]])(" NOTE_LABEL ") == ["
                "  [2, 4, 0, 2, 2, 2, 0, 0], [1, 1, 0, 0, 1, 1, 0, 0]]", NULL);
  CHECK (facts, "(lambda lab: [lab(s, 'Delivery note no.') for s in d['sheets'][1:]] == "
                "  ['2027-100001-1', '2027-100002-1'] and all(lab(s, 'Issued on') == a[0] for s in d['sheets'][1:]))"
                "(" NOTE_LABEL ")", today, NULL);
  CHECK (facts, "any(r[0][0] == 'Partial delivery: 4 of 6 packs, 2 to follow.' for r in d['sheets'][1]['rows']) and "
                "not any(str(r[0][0]).startswith(('Partial', 'Final')) for r in d['sheets'][2]['rows'])", NULL);
  /* who signed for it is on the receiving name line */
  CHECK (facts, "[r[4][0] for r in d['sheets'][1]['rows'] if r[3][0] == 'Name:'] == ['Frau Jäger']", NULL);
  g_assert_cmpuint (hp_test_check_formulas ((const char * const[]) { path, NULL }), >, 0);

  /* the second hand-over to Am Berg: the note is for it now */
  small_handover (f, "100001", 2, 0);
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  g_clear_pointer (&facts, g_free);
  facts = hp_test_xlsx_facts (path, 100);
  CHECK (facts, "[c[0] for c in d['sheets'][0]['rows'][4][5:12]] == ['2027-100001-2', 6, 4, 2, 0, 2, 0]", NULL);
  CHECK (facts, "any(r[0][0] == 'Final delivery: 2 of 6 packs (4 delivered before).' for r in d['sheets'][1]['rows'])",
         NULL);
}
#undef NOTE_LABEL

/* Issue 15, "Numbers": the partial-delivery line writes its counts the
 * language's way, as the window's lists do, whatever LC_NUMERIC says.
 * Worked by hand: a third school of the small campaign expects 1052
 * graduates and lists none, so it needs 1052 standard packs; 22 are handed
 * over, 1052 - 22 = 1030 follow. 1052 groups as 1|052 and 1030 as 1|030;
 * 22 has nothing to group. English: "Partial delivery: 22 of 1,052 packs,
 * 1,030 to follow." German: "Teillieferung: 22 von 1.052 Paketen, 1.030
 * folgen." (before, the note read "1052" and "1030"). */
static void
test_delivery_partial_grouped (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autofree char *old_locale = NULL;
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");

  HP_TEST_REQUIRE_OPENPYXL ();

  small_school (f, "100003", "Gesamtschule Groß", "2027-06-25T12:00", 1052, FALSE);
  small_handover (f, "100003", 22, 0);

  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);
  CHECK (facts, "sum(r[0][0] == 'Partial delivery: 22 of 1,052 packs, 1,030 to follow.' "
                "    for s in d['sheets'] for r in s['rows']) == 1", NULL);

  if (localedir == NULL)
    {
      g_test_skip ("HEIMPACK_LOCALEDIR is not set (run through meson test)");
      return;
    }
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (locale-gen de_DE.UTF-8)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* English text under a German locale (LANGUAGE=en, LC_ALL=de_DE.UTF-8):
   * English grouping still, not LC_NUMERIC's "1.052" */
  g_setenv ("LANGUAGE", "en", TRUE);
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  g_clear_pointer (&facts, g_free);
  facts = hp_test_xlsx_facts (path, 100);
  CHECK (facts, "sum(r[0][0] == 'Partial delivery: 22 of 1,052 packs, 1,030 to follow.' "
                "    for s in d['sheets'] for r in s['rows']) == 1", NULL);

  g_setenv ("LANGUAGE", "de", TRUE);
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);

  g_clear_pointer (&facts, g_free);
  facts = hp_test_xlsx_facts (path, 100);
  CHECK (facts, "sum(r[0][0] == 'Teillieferung: 22 von 1.052 Paketen, 1.030 folgen.' "
                "    for s in d['sheets'] for r in s['rows']) == 1", NULL);
  /* and no English line left on any note */
  CHECK (facts, "not any('Partial' in str(r[0][0]) for s in d['sheets'] for r in s['rows'])", NULL);
}

/* The sponsor report once two hand-overs are recorded, one of them partial,
 * with a third sponsor of the pooled Apfelsaft. Worked by hand:
 *
 * Apfelsaft received: Berg 7, Claas 6, Dorn 4 = 17 (1 a standard pack, 2 an
 * under-18 pack); the plan builds all 8 packs (5 standard, 3 under 18).
 * Am Berg needs 4 + 2 and gets 2 + 2 (partial: 4 of 6, 2 to follow); Tal
 * needs 1 + 1 and gets both. Handed over: 3 standard + 3 under 18 = 6.
 *
 * Apfelsaft in the packs handed over: 3 × 1 + 3 × 2 = 9 pieces, shared by
 * what each delivered (7 : 6 : 4 of 17): 9 × 7 = 63 = 3 × 17 + 12,
 * 9 × 6 = 54 = 3 × 17 + 3, 9 × 4 = 36 = 2 × 17 + 2; whole parts 3 + 3 + 2
 * = 8, the piece left over to the largest remainder (12: Berg): Berg 4,
 * Claas 3, Dorn 2 = 9. Pils (standard only): 3 × 1 = 3, all Alt's.
 * The packs holding Apfelsaft (6) the same way: 42 = 2 × 17 + 8,
 * 36 = 2 × 17 + 2, 24 = 1 × 17 + 7 → 2 + 2 + 1 = 5, the last to Berg (8):
 * Berg 3, Claas 2, Dorn 1. One graduate of Am Berg (18) is ticked. */
static void
test_sponsor_report_handovers (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Sponsorenbericht.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) graduates = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  small_gift (f, "Mosterei Dorn", "Apfelsaft", 70, FALSE, 4, (gint64) 4, (gint64) 0);
  small_handover (f, "100001", 2, 2);
  small_handover (f, "100002", 1, 1);
  graduates = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign), 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HpGraduate) adler = g_list_model_get_item (graduates, 0);

    g_assert_cmpstr (hp_graduate_get_last_name (adler), ==, "Adler");
    hp_graduate_set_pack_received (adler, TRUE);
    g_assert_true (hp_store_update_graduate (f->store, adler, &error));
    g_assert_no_error (error);
  }

  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);

  /* planned 8, handed over 2 + 2 + 1 + 1 = 6, handed out 1 */
  CHECK (facts, "{r[0][0]: [c[0] for c in r[1:4]] for r in d['sheets'][0]['rows'][4:7]} == {"
                "'Packs': [8, 6, 1], 'Of which under-18 packs': [3, 3, 0], 'Schools': [2, 2, 1]}", NULL);
  /* used in packs handed over per gift, and their sum in the total row:
   * Alt 3, Berg 4, Claas 3, Dorn 2 = 12 = 3 (Pils) + 9 (Apfelsaft) */
  CHECK (facts, "[[c[0] for c in r[:2]] + [r[8][0]] for r in d['sheets'][1]['rows'][4:] "
                "  if r[1][0] is not None and r[0][0] is not None] == ["
                "  ['Brauerei Alt', 'Pils', 3], ['Mosterei Berg', 'Apfelsaft', 4], "
                "  ['Mosterei Claas', 'Apfelsaft', 3], ['Mosterei Dorn', 'Apfelsaft', 2]]", NULL);
  CHECK (facts, "(lambda t: t[0][0] == 'Total of all sponsors' and t[8][0] == 12 and t[8][3].startswith('=SUBTOTAL(9,'))"
                "(d['sheets'][1]['rows'][-1])", NULL);
  /* the thank-you sheet: one row per sponsor, its figures and sentence */
  CHECK (facts, "[[c[0] for c in r[4:10]] for r in d['sheets'][2]['rows'][4:8]] == ["
                "  [5, 3, 3, 2, 4.75, 'Your 5 pieces of “Pils” went into 3 packs for 2 schools.'], "
                "  [7, 4, 3, 2, 5.6, 'Your 7 pieces of “Apfelsaft” went into 3 packs for 2 schools.'], "
                "  [6, 3, 2, 2, 4.5, 'Your 6 pieces of “Apfelsaft” went into 2 packs for 2 schools.'], "
                "  [4, 2, 1, 2, 2.8, 'Your 4 pieces of “Apfelsaft” went into 1 pack for 2 schools.']]", NULL);
  g_assert_cmpuint (hp_test_check_formulas ((const char * const[]) { path, NULL }), >, 0);
}

/* The class list of one school sheet: [last name, U18 mark, bold] per
 * graduate. */
#define CLASS_LIST(sheet) \
  "(lambda s: [[r[1][0], r[3][0], 'D%d' % (i + 1) in s['bold']] for i, r in enumerate(s['rows']) " \
  "  if i > next(k for k, q in enumerate(s['rows']) if q[0][0] == 'Class')])(" sheet ")"

static void
test_class_list_under18 (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GError) error = NULL;
  HpExportOptions options = { .class_lists = TRUE };

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_DELIVERY_SHEETS, &options, path);
  facts = hp_test_xlsx_facts (path, 200);

  /* Read back with openpyxl: "U18", in bold, for who is 17 on the school's
   * hand-over day (its own, 25 June: Ben, born 26.06.2009, and Emil, born
   * 01.07.2009; not Anna, 18 that very day; nobody knows about Cem), else
   * the campaign's (10 July: Frida, born 11.07.2009; not Gil, born
   * 01.07.2009, like Emil). */
  CHECK (facts, "[s['name'] for s in d['sheets']] == ['Overview', 'Gymnasium Am Berg', 'Realschule Tal']", NULL);
  CHECK (facts, CLASS_LIST ("d['sheets'][1]") " == [['Adler', None, False], ['Brandt', 'U18', True], "
                "['Celik', None, False], ['Dietz', None, False], ['Ernst', 'U18', True]]", NULL);
  CHECK (facts, CLASS_LIST ("d['sheets'][2]") " == [['Fuchs', 'U18', True], ['Graf', None, False]]", NULL);
  /* The heading, and the tick column after it; still A4 upright. */
  CHECK (facts, "all([c[0] for c in r[:5]] == ['Class', 'Last name', 'First name', 'U18', 'received ☐'] "
                "    for s in d['sheets'][1:] for r in s['rows'] if r[0][0] == 'Class')", NULL);
  CHECK (facts, "all(r[4][0] == '☐' for s in d['sheets'][1:] "
                "    for r in s['rows'][next(i for i, q in enumerate(s['rows']) if q[0][0] == 'Class') + 1:])", NULL);
  CHECK (facts, "all(s['orientation'] == 'portrait' and s['paper'] == 9 and s['fit_width'] in (None, 1) "
                "    for s in d['sheets'][1:])", NULL);
  /* Each school's note counts its own pages: the note on page 1, a page
   * break before the class list, whose 3 (or 2) graduates fit the 45 of
   * page 2: "Page &P of 2" (1 + 1 break), not the workbook's &N. */
  CHECK (facts, "all(s['footer'][1] == 'Page &P of 2' and s['first_page'] == 1 "
                "    and s['breaks'] == [next(k for k, q in enumerate(s['rows']) "
                "                             if str(q[0][0]).startswith('Class list:'))] "
                "    for s in d['sheets'][1:])", NULL);
  CHECK (facts, "d['sheets'][0]['footer'][1] == 'Page &P of 1' and d['sheets'][0]['breaks'] == []", NULL);

  /* The graduates on each sheet are the plan's: 6 expected over 5 listed
   * at the Gymnasium, 2 of a complete list at the Realschule; as are the
   * packs (4 + 2 and 1 + 1). */
#define LABEL "(lambda s, label: next(r[i + 1][0] for r in s['rows'] for i, c in enumerate(r[:-1]) if c[0] == label))"
  CHECK (facts, "(lambda lab: [[lab(s, 'Graduates'), lab(s, 'Standard packs'), lab(s, 'Under-18 packs')] "
                "  for s in d['sheets'][1:]] == [[6, 4, 2], [2, 1, 1]])(" LABEL ")", NULL);
#undef LABEL

  /* Without the campaign's day, 30 June of its year: now Gil (born
   * 01.07.2009) is 17 too. */
  hp_campaign_set_handover_date (f->campaign, NULL);
  g_assert_true (hp_store_update_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);
  export (f, HP_EXPORT_DELIVERY_SHEETS, &options, path);
  g_clear_pointer (&facts, g_free);
  facts = hp_test_xlsx_facts (path, 200);
  CHECK (facts, CLASS_LIST ("d['sheets'][2]") " == [['Fuchs', 'U18', True], ['Graf', 'U18', True]]", NULL);
  CHECK (facts, "[r[2] for r in " CLASS_LIST ("d['sheets'][1]") "] == [False, True, False, False, True]", NULL);
}

/* ------------------------------------------------------------------------ */
/* Sharing out in proportion                                                 */

static void
assert_shares (gint64        total,
               const gint64 *weights,
               guint         n,
               const gint64 *expected)
{
  g_autofree gint64 *shares = g_new (gint64, n);

  _hp_export_share_out (total, weights, n, shares);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (shares[i], ==, expected[i]);
}

static void
test_share_out (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  /* 45 of 20 + 25: exactly 20 and 25, nothing left over. */
  assert_shares (45, (gint64[]) { 20, 25 }, 2, (gint64[]) { 20, 25 });
  /* 10 of 3 + 3 + 3: 3.33 each, whole parts 9, the one piece left to the
   * first of the equal remainders. */
  assert_shares (10, (gint64[]) { 3, 3, 3 }, 3, (gint64[]) { 4, 3, 3 });
  /* 2 of 1 + 1 + 1: 0.67 each: the first two. */
  assert_shares (2, (gint64[]) { 1, 1, 1 }, 3, (gint64[]) { 1, 1, 0 });
  /* 11 of 7 + 6 (the small campaign): 5.92 and 5.08, remainders 12 and 1
   * (in thirteenths): 6 and 5. */
  assert_shares (11, (gint64[]) { 7, 6 }, 2, (gint64[]) { 6, 5 });
  /* The largest remainder wins, not the first: 10 of 1 + 2 + 7:
   * 1, 2, 7 exactly; 7 of 1 + 2 + 7: 0.7, 1.4, 4.9: whole 0 + 1 + 4 = 5,
   * the two pieces left to 0.9 and 0.7. */
  assert_shares (10, (gint64[]) { 1, 2, 7 }, 3, (gint64[]) { 1, 2, 7 });
  assert_shares (7, (gint64[]) { 1, 2, 7 }, 3, (gint64[]) { 1, 1, 5 });
  /* Nothing delivered, nothing shared; nothing used, nothing shared; a
   * gift that delivered nothing (or less, wrongly) gets nothing. */
  assert_shares (5, (gint64[]) { 0, 0 }, 2, (gint64[]) { 0, 0 });
  assert_shares (0, (gint64[]) { 4, 9 }, 2, (gint64[]) { 0, 0 });
  assert_shares (5, (gint64[]) { -3, 0, 2 }, 3, (gint64[]) { 0, 0, 5 });
  assert_shares (3, NULL, 0, NULL);

  /* Always the whole total, each share the whole part of its quota or one
   * more, and never more for a smaller weight. */
  for (guint round = 0; round < 2000; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 9);
      gint64 weights[8];
      gint64 shares[8];
      gint64 total = g_rand_int_range (rand, 0, 5000);
      gint64 sum_weights = 0;
      gint64 sum_shares = 0;

      for (guint i = 0; i < n; i++)
        sum_weights += weights[i] = g_rand_int_range (rand, 0, 3000);
      _hp_export_share_out (total, weights, n, shares);

      for (guint i = 0; i < n; i++)
        {
          sum_shares += shares[i];
          if (sum_weights > 0)
            {
              g_assert_cmpint (shares[i], >=, total * weights[i] / sum_weights);
              g_assert_cmpint (shares[i], <=, total * weights[i] / sum_weights + 1);
            }
          for (guint k = 0; k < n; k++)
            if (weights[k] < weights[i])
              g_assert_cmpint (shares[k], <=, shares[i]);
        }
      g_assert_cmpint (sum_shares, ==, sum_weights > 0 ? total : 0);
    }
}

/* ------------------------------------------------------------------------ */
/* The four workbooks                                                        */

/* @text as a JSON string, quotes included. */
static char *
json_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* [[item name, needed, received, used], …] of the plan, in packing order. */
static char *
expected_items (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpPlanInput) input = hp_plan_input_load (f->store, hp_campaign_get_id (f->campaign), &error);
  g_autoptr(HpPlan) plan = NULL;
  g_autoptr(GString) json = g_string_new ("[");

  g_assert_no_error (error);
  plan = hp_plan_compute (input);
  for (guint i = 0; i < plan->n_items; i++)
    {
      g_autofree char *name = json_string (input->items[i].name);

      g_string_append_printf (json, "%s[%s, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                              i > 0 ? ", " : "", name, plan->items[i].needed, plan->items[i].received,
                              plan->items[i].used);
    }

  g_string_append (json, "]");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
test_packing_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Packliste.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *items = expected_items (f);
  g_autoptr(GListModel) recipe = NULL;
  g_autofree char *n_recipe = NULL;
  HpExportOptions options = { .crate_size = 12 };
  g_autoptr(GError) error = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_PACKING_LIST, &options, path);
  facts = hp_test_xlsx_facts (path, 2000);

  recipe = hp_store_list_recipe (f->store, hp_campaign_get_id (f->campaign), &error);
  g_assert_no_error (error);
  n_recipe = g_strdup_printf ("%u", g_list_model_get_n_items (recipe));

  CHECK (facts, "[s['name'] for s in d['sheets']] == "
                "['Contents per pack', 'Total quantities', 'Packing stations', 'Crate labels']", NULL);
  CHECK (facts, PRINT_SETUP_OK, hp_campaign_get_name (f->campaign), NULL);
  CHECK (facts, "[s['freeze'] for s in d['sheets']] == ['A5', 'A9', 'A6', 'A5']", NULL);
  CHECK (facts, "[s['title_rows'] for s in d['sheets']] == ['$4:$4', '$8:$8', '$1:$2', '$4:$4']", NULL);

  /* Contents: one row per pack line (item) in packing order, the items as
   * the plan has them, each once, although the demo's items have several
   * gifts each; numbers numeric, and a total row whose formula carries its
   * value. */
  CHECK (facts, "(lambda rows: [r[0][0] for r in rows] == list(range(1, int(a[0]) + 1)) "
                "  and all(r[3][1] == 'n' and r[4][1] == 'n' and r[1][1] == 's' for r in rows))"
                "(d['sheets'][0]['rows'][4:4 + int(a[0])])", n_recipe, NULL);
  CHECK (facts, "[r[1][0] for r in d['sheets'][0]['rows'][4:4 + len(json.loads(a[0]))]] == "
                "[i[0] for i in json.loads(a[0])]", items, NULL);
  CHECK (facts, "(lambda t, rows: t[3][3].startswith('=SUM(') and t[3][0] == sum(r[3][0] for r in rows))"
                "(d['sheets'][0]['rows'][4 + int(a[0])], d['sheets'][0]['rows'][4:4 + int(a[0])])", n_recipe, NULL);
  /* Several sponsors for an item, each named once. */
  CHECK (facts, "(lambda rows: any(', ' in r[2][0] for r in rows) and all("
                "  len(set(r[2][0].split(', '))) == len(r[2][0].split(', ')) for r in rows))"
                "(d['sheets'][0]['rows'][4:4 + int(a[0])])", n_recipe, NULL);
  /* The 18+ item is marked and is in no under-18 pack. */
  CHECK (facts, "any(r[5][0] == '18+ only' and r[4][0] == 0 for r in d['sheets'][0]['rows'][4:])", NULL);

  /* Total quantities: per item the plan's needed and received (all gifts
   * pooled), difference = received − needed, as a formula. */
  CHECK (facts, "all(r[7][3] == '=G%d-F%d' % (i + 9, i + 9) and r[7][0] == r[6][0] - r[5][0] "
                "    and r[5][1] == 'n' for i, r in enumerate(d['sheets'][1]['rows'][8:]))", NULL);
  CHECK (facts, "[[r[1][0], r[5][0], r[6][0]] for r in d['sheets'][1]['rows'][8:]] == "
                "[i[:3] for i in json.loads(a[0])]", items, NULL);
  /* the demo has one item short and others received in plenty */
  CHECK (facts, "(lambda diff: min(diff) < 0 < max(diff))([r[7][0] for r in d['sheets'][1]['rows'][8:]])", NULL);

  /* Packing stations: every pack line once, three or four per station,
   * with the pieces for the packs built: the plan's used pieces. */
  CHECK (facts, "(lambda rows: sorted(r[0][0] for r in rows if r[0][1] == 'n') == list(range(1, int(a[0]) + 1)))"
                "(d['sheets'][2]['rows'])", n_recipe, NULL);
  CHECK (facts, "(lambda rows: (lambda idx: all(3 <= n <= 4 for n in "
                "  [len([r for r in rows[i + 2:j] if r[0][1] == 'n']) for i, j in zip(idx, idx[1:] + [len(rows)])]))"
                "  ([i for i, r in enumerate(rows) if str(r[0][0]).startswith('Station ')]))"
                "(d['sheets'][2]['rows'])", NULL);
  CHECK (facts, "[[r[1][0], r[5][0]] for r in d['sheets'][2]['rows'] if r[0][1] == 'n'] == "
                "[[i[0], i[3]] for i in json.loads(a[0])]", items, NULL);

  /* Crate labels: crates of 12, packs add up to the allocation. */
  expected = expected_allocation (f);
  CHECK (facts, "(lambda exp, rows: sum(r[3][0] for r in rows) == sum(v[0] + v[1] for v in exp.values()) "
                "  and sum(r[4][0] for r in rows) == sum(v[1] for v in exp.values()) "
                "  and all(0 < r[3][0] <= 12 and r[1][0] <= r[2][0] for r in rows) "
                "  and sum(1 for r in rows if r[1][0] == 1) == sum(1 for v in exp.values() if v[0] + v[1] > 0))"
                "(json.loads(a[0]), d['sheets'][3]['rows'][4:])", expected, NULL);
  /* each label says when the crate goes to the school (the demo campaign
   * and some of its schools have a hand-over day) */
  CHECK (facts, "all(r[0][0].split('\\n')[-1].startswith('Hand-over: ') for r in d['sheets'][3]['rows'][4:])",
         NULL);

  /* Readable when printed: headings; every sponsor's name whole on a line
   * (up to 45 characters); the rows of an item with several sponsors tall
   * enough for them (15 pt a line, a line at most the column's width); the
   * note set off from the number before it. */
  CHECK (facts, HEADINGS_OK, NULL);
  CHECK (facts, "all(s['widths'][2] - 0.71 >= min(45, max(len(n) for r in s['rows'] if r[2][1] == 's' "
                "    for n in r[2][0].split(', '))) for s in d['sheets'][:3])", NULL);
  CHECK (facts, "all((s['heights'][i] or 15) >= 15 * -(-len(r[2][0].replace(' ', '')) // int(s['widths'][2] - 1.71)) "
                "    for s in d['sheets'][:3] for i, r in enumerate(s['rows']) if r[0][1] == 'n' and r[2][1] == 's')",
         NULL);
  CHECK (facts, "any((h or 15) > 15 for h in d['sheets'][0]['heights'][4:])", NULL);
  CHECK (facts, "(lambda s: all(s['indents'].get('F%d' % (i + 1)) for i, r in enumerate(s['rows']) "
                "  if r[5][0] == '18+ only'))(d['sheets'][0])", NULL);
}

/* { "school number": graduates under 18 by the store, … } */
static char *
count_under18 (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) schools = hp_store_list_schools (f->store, hp_campaign_get_id (f->campaign), &error);
  g_autoptr(GString) json = g_string_new ("{");

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(HpSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(GListModel) own = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign),
                                                           hp_school_get_id (school), &error);
      guint n = 0;

      g_assert_no_error (error);
      for (guint k = 0; k < g_list_model_get_n_items (own); k++)
        {
          g_autoptr(HpGraduate) g = g_list_model_get_item (own, k);

          n += hp_graduate_get_under18 (g) == 1;
        }
      g_string_append_printf (json, "%s\"%s\": %u", i > 0 ? ", " : "", hp_school_get_number (school), n);
    }

  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
test_delivery_sheets (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *under18 = NULL;
  HpExportOptions options = {
    .agency_name = "Südwestfalen Agentur GmbH",
    .agency_street = "Am Markt 1",
    .agency_postcode = "59872",
    .agency_town = "Meschede",
    .agency_phone = "0291 123",
    .class_lists = TRUE,
  };

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_DELIVERY_SHEETS, &options, path);
  facts = hp_test_xlsx_facts (path, 400);
  expected = expected_allocation (f);
  notes = expected_notes (f);
  under18 = count_under18 (f);

  /* An overview and one legal, unique sheet per school. */
  CHECK (facts, "len(d['sheets']) == 31 and d['sheets'][0]['name'] == 'Overview'", NULL);
  CHECK (facts, "len(set(s['name'].casefold() for s in d['sheets'])) == 31 "
                "and all(0 < len(s['name']) <= 31 and not set(s['name']) & set('[]:*?/\\\\') for s in d['sheets'])",
         NULL);
  CHECK (facts, PRINT_SETUP_OK, hp_campaign_get_name (f->campaign), NULL);
  CHECK (facts, "(lambda o: o['freeze'] == 'A5' and o['title_rows'] == '$4:$4' and o['orientation'] == 'portrait' "
                "  and o['autofilter'].startswith('A4:N'))(d['sheets'][0])", NULL);

  /* The overview: each school's delivery note, the packs of the latest
   * recorded hand-over (the demo has two) or else the plan's allocation,
   * the sheet names, dates as dates, a total row with cached sums. */
  CHECK (facts, "(lambda exp, rows: len(rows) == 30 and "
                "  all([r[8][0], r[9][0]] == exp[r[0][0]] and r[10][0] == r[8][0] + r[9][0] for r in rows))"
                "(json.loads(a[0]), d['sheets'][0]['rows'][4:34])", notes, NULL);
  /* needed = delivered before + this delivery + still to come, unless more
   * was delivered than needed; the note's number is YEAR-NUMBER-N */
  CHECK (facts, "all(r[6][0] == r[7][0] + r[10][0] + r[11][0] and r[5][0] == '2027-%s-1' % r[0][0] "
                "    for r in d['sheets'][0]['rows'][4:34])", NULL);
  /* The school's full name in column B; column N links to its sheet by
   * the sheet's name, with "…" where that is the name cut to Excel's 31
   * characters ("Engelbert-Kaempfer-Gesamtschule Kreuztal", 40, has the
   * sheet "Engelbert-Kaempfer-Gesamtschule" and the link text
   * "Engelbert-Kaempfer-Gesamtschule…"). */
  CHECK (facts, "(lambda o, names: all("
                "  r[13][0] == (n + '…' if r[1][0] != n and r[1][0].startswith(n) else n) "
                "  and o['links']['N%d' % (i + 5)] == \"'%s'!A1\" % n.replace(\"'\", \"''\") "
                "  for i, (r, n) in enumerate(zip(o['rows'][4:34], names))) "
                "  and any(len(r[1][0]) > 31 and r[13][0].endswith('…') for r in o['rows'][4:34]))"
                "(d['sheets'][0], [s['name'] for s in d['sheets'][1:]])", NULL);
  CHECK (facts, "all(r[3][1] == 'date' and r[3][2] == 'yyyy-mm-dd' and r[4][1] == 'time' and r[0][1] == 's' "
                "    for r in d['sheets'][0]['rows'][4:34])", NULL);
  CHECK (facts, "(lambda t: t[1][0] == 'Total' and t[10][3] == '=SUM(K5:K34)' "
                "  and t[10][0] == sum(r[10][0] for r in d['sheets'][0]['rows'][4:34]))(d['sheets'][0]['rows'][34])",
         NULL);

  /* Each school sheet: its packs from the plan, the class list with one
   * row per graduate, the agency on top, signature lines. */
#define LABEL "(lambda s, label: next(r[i + 1][0] for r in s['rows'] for i, c in enumerate(r[:-1]) if c[0] == label))"
  CHECK (facts, "(lambda exp, notes, lab: all("
                "  [lab(s, 'Standard packs'), lab(s, 'Under-18 packs'), "
                "   s['max_row'] - 1 - next(i for i, r in enumerate(s['rows']) if r[0][0] == 'Class')] "
                "  == notes[lab(s, 'School number')] + exp[lab(s, 'School number')][2:3] for s in d['sheets'][1:]))"
                "(json.loads(a[0]), json.loads(a[1]), " LABEL ")", expected, notes, NULL);
  /* The graduates the plan counts, not the ones listed (with some complete
   * lists and some expected numbers above the list, they differ). */
  CHECK (facts, "(lambda exp, lab: all(lab(s, 'Graduates') == exp[lab(s, 'School number')][3] "
                "  for s in d['sheets'][1:]) and any(v[2] != v[3] for v in exp.values()))"
                "(json.loads(a[0]), " LABEL ")", expected, NULL);
  /* The class lists mark the graduates the store counts under 18, in bold,
   * and nobody else. */
  CHECK (facts, "(lambda exp, lab: all((lambda rows: "
                "  [r[3][0] for r in rows].count('U18') == exp[lab(s, 'School number')] "
                "  and all(r[3][0] in ('U18', None) for r in rows) "
                "  and all('D%d' % (i + 1) in s['bold'] for i, r in enumerate(s['rows']) if r[3][0] == 'U18'))"
                "  (s['rows'][next(i for i, r in enumerate(s['rows']) if r[0][0] == 'Class') + 1:]) "
                "  for s in d['sheets'][1:]) and sum(exp.values()) > 0)"
                "(json.loads(a[0]), " LABEL ")", under18, NULL);
  CHECK (facts, "(lambda lab: all(lab(s, 'Packs in total') == lab(s, 'Standard packs') + lab(s, 'Under-18 packs') "
                "  for s in d['sheets'][1:]))(" LABEL ")", NULL);
#undef LABEL
  CHECK (facts, "all(s['rows'][0][0][0] == 'Südwestfalen Agentur GmbH' and s['rows'][1][0][0] == 'Am Markt 1 · 59872 Meschede' "
                "    and s['rows'][2][0][0] == 'Phone 0291 123' for s in d['sheets'][1:])", NULL);
  CHECK (facts, "all([r[0][0] for r in s['rows']].count('Signature:') == 1 and "
                "    sum(1 for r in s['rows'] for c in r if c[0] in ('Handed over', 'Received')) == 2 "
                "    for s in d['sheets'][1:])", NULL);
  CHECK (facts, "all(next(r for r in s['rows'] if r[0][0] == 'Hand-over on')[1][1] == 'date' for s in d['sheets'][1:])",
         NULL);
  /* The class list: sorted by class, last and first name; tick column. */
  CHECK (facts, "all((lambda rows: all(r[4][0] == '☐' for r in rows) and "
                "  [r[0][0] for r in rows] == sorted(r[0][0] for r in rows))"
                "  (s['rows'][next(i for i, r in enumerate(s['rows']) if r[0][0] == 'Class') + 1:]) "
                "  for s in d['sheets'][1:])", NULL);
  CHECK (facts, "all(s['title_rows'] is not None and s['freeze'] is None for s in d['sheets'][1:])", NULL);

  /* Readable when printed: headings; the sheet names (up to 31
   * characters) fit their column and are set off from the crates before
   * them; "20 packs per crate" is set off from the number of crates. */
  CHECK (facts, HEADINGS_OK, NULL);
  CHECK (facts, "(lambda o: o['widths'][13] - 0.71 >= 32 and all(o['indents'].get('N%d' % r) for r in range(5, 35)))"
                "(d['sheets'][0])", NULL);
  /* a long school name wraps in its column, and the town after it is set
   * off by an indent */
  CHECK (facts, "(lambda o: all(o['indents'].get('C%d' % r) for r in range(5, 35)))(d['sheets'][0])", NULL);
  CHECK (facts, "all(s['indents'].get('C%d' % (1 + next(i for i, r in enumerate(s['rows']) if r[0][0] == 'Crates'))) "
                "    for s in d['sheets'][1:])", NULL);
}

static void
test_delivery_sheets_plain (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  /* No options at all: no agency, default crates, no class lists. */
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  facts = hp_test_xlsx_facts (path, 100);

  CHECK (facts, "len(d['sheets']) == 31 and all(s['max_row'] < 40 and s['title_rows'] is None "
                "for s in d['sheets'][1:])", NULL);
  CHECK (facts, "all(r[12][0] == (r[10][0] + 19) // 20 for r in d['sheets'][0]['rows'][4:34])", NULL);
}

/* The agency is the file's: an export without agency options prints the
 * file's header; an option overrides its field only (the name here), the
 * rest still comes from the file, and "" prints nothing in its place. */
static void
test_delivery_sheets_file_agency (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Lieferscheine.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(HpAgency) agency = hp_agency_new ();
  g_autoptr(GError) error = NULL;
  HpExportOptions options = { .agency_name = "Agentur (Vertretung)", .agency_phone = "" };

  HP_TEST_REQUIRE_OPENPYXL ();

  hp_agency_set_name (agency, "Regionalagentur Südwestfalen");
  hp_agency_set_street (agency, "Brückenplatz 1");
  hp_agency_set_postcode (agency, "59821");
  hp_agency_set_town (agency, "Arnsberg");
  hp_agency_set_phone (agency, "02931 94-0");
  hp_agency_set_email (agency, "info@agentur.example");
  g_assert_true (hp_store_set_agency (f->store, agency, &error));
  g_assert_no_error (error);

  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  facts = hp_test_xlsx_facts (path, 20);
  CHECK (facts, "all(s['rows'][0][0][0] == 'Regionalagentur Südwestfalen' "
                "    and s['rows'][1][0][0] == 'Brückenplatz 1 · 59821 Arnsberg' "
                "    and s['rows'][2][0][0] == 'Phone 02931 94-0 · E-mail info@agentur.example' "
                "    for s in d['sheets'][1:])", NULL);
  g_clear_pointer (&facts, g_free);

  export (f, HP_EXPORT_DELIVERY_SHEETS, &options, path);
  facts = hp_test_xlsx_facts (path, 20);
  CHECK (facts, "all(s['rows'][0][0][0] == 'Agentur (Vertretung)' "
                "    and s['rows'][1][0][0] == 'Brückenplatz 1 · 59821 Arnsberg' "
                "    and s['rows'][2][0][0] == 'E-mail info@agentur.example' "
                "    for s in d['sheets'][1:])", NULL);
}

static void
test_sponsor_report (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Sponsorenbericht.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *n_products = NULL;
  g_autofree char *items = expected_items (f);
  gint64 cents = 0;
  guint n = 0;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  facts = hp_test_xlsx_facts (path, 1000);

  /* The in-kind value, independently: received × value per piece. */
  products = hp_store_list_products (f->store, hp_campaign_get_id (f->campaign), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(HpProduct) p = g_list_model_get_item (products, i);

      /* the gifts of the campaign: pledged (receipts need a pledge) */
      if (hp_product_get_pledged (p) == 0 && hp_product_get_received (p) == 0)
        continue;
      cents += hp_product_get_received (p) * hp_product_get_value_cents (p);
      n++;
    }
  value = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
  n_products = g_strdup_printf ("%u", n);

  CHECK (facts, "[s['name'] for s in d['sheets']] == ['Summary', 'Sponsors', 'Thank you']", NULL);
  CHECK (facts, PRINT_SETUP_OK, hp_campaign_get_name (f->campaign), NULL);
  CHECK (facts, "[s['freeze'] for s in d['sheets']] == ['A5', 'A5', 'A5']", NULL);
  CHECK (facts, HEADINGS_OK, NULL);
  /* sponsor and product names in full, up to 45 characters; the subtotal
   * and total rows' labels in column A are no names */
  CHECK (facts, "(lambda s: all(s['widths'][c] - 0.71 >= min(45, max(len(r[c][0]) for r in s['rows'][4:] "
                "  if r[0][1] == 's' and r[1][1] == 's')) for c in (0, 1)))(d['sheets'][1])", NULL);

  /* The summary block for the funder report: planned, handed over to
   * schools and handed out to graduates side by side, each under its own
   * heading (which the export breaks into lines itself); the demo's two
   * hand-overs are the store's. */
  CHECK (facts, "[[c[0].replace('\\n', ' ')] + c[1:] for c in d['sheets'][0]['rows'][3][1:4]] == "
                "[[t, 's', 'General', None] for t in ['Planned', 'Handed over to schools', 'Handed out to graduates']]",
         NULL);
  CHECK (facts, "(lambda f: f['Total in-kind value'][0] == round(int(a[0]) / 100, 2) "
                "  and f['Total in-kind value'][2] == '#,##0.00 \"€\"' and f['Products'][0] == int(a[1]) "
                "  and f['Sponsors'][0] == 40 and f['Schools'][0] == 30 "
                "  and f['Packs'][1] == 'n')"
                "({r[0][0]: r[1] for r in d['sheets'][0]['rows'][4:11] if r[0][0]})", value, n_products, NULL);
  {
    g_autoptr(GListModel) handovers = hp_store_list_handovers (f->store, hp_campaign_get_id (f->campaign), 0, &error);
    g_autofree char *delivered = NULL;
    g_autofree char *delivered_u18 = NULL;
    gint64 total = 0, under18 = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (handovers), ==, 2);
    for (guint i = 0; i < g_list_model_get_n_items (handovers); i++)
      {
        g_autoptr(HpHandover) h = g_list_model_get_item (handovers, i);

        total += hp_handover_get_total (h);
        under18 += hp_handover_get_under18 (h);
      }
    delivered = g_strdup_printf ("%" G_GINT64_FORMAT, total);
    delivered_u18 = g_strdup_printf ("%" G_GINT64_FORMAT, under18);
    CHECK (facts, "(lambda f: f['Packs'][2] == int(a[0]) and f['Of which under-18 packs'][2] == int(a[1]) "
                  "  and f['Schools'][2] == 2 and f['Packs'][3] > 0 and f['Schools'][3] == 1)"
                  "({r[0][0]: [c[0] for c in r] for r in d['sheets'][0]['rows'][4:7]})",
           delivered, delivered_u18, NULL);
  }

  /* Per product: in-kind value = received × value per piece, in euros. */
  CHECK (facts, "(lambda rows: len(rows) == int(a[0]) and all("
                "  abs(r[6][0] - r[3][0] * r[5][0]) < 0.005 and r[6][2] == '#,##0.00 \"€\"' and r[5][2] == r[6][2] "
                "  and r[6][3].startswith('=D') for r in rows))"
                "([r for r in d['sheets'][1]['rows'][4:] if r[1][0] is not None and r[0][0] is not None])",
         n_products, NULL);
  /* Sponsor subtotals and the grand total carry their values. */
  CHECK (facts, "(lambda rows: rows[-1][0][0] == 'Total of all sponsors' and abs(rows[-1][6][0] - int(a[0]) / 100) < 0.005 "
                "  and rows[-1][6][3].startswith('=SUBTOTAL(9,') "
                "  and len([r for r in rows if str(r[0][0]).startswith('Total ') and r[2][3]]) == 41)"
                "(d['sheets'][1]['rows'])", value, NULL);
  /* Products in packs reach every school that gets packs of their variant. */
  CHECK (facts, "any(r[4][1] == 'n' and r[4][0] > 0 and r[7][0] == 30 for r in d['sheets'][1]['rows'][4:])", NULL);
  CHECK (facts, "all(r[7][0] == 0 for r in d['sheets'][1]['rows'][4:] if r[4][1] == 'n' and r[4][0] == 0)", NULL);

  /* Used in packs: an item's gifts share its used pieces (the plan's) out
   * in whole pieces that add up to exactly the item's, each the whole part
   * of its share by what it received, or one more; items outside the pack
   * are used in no pack. */
  CHECK (facts, "(lambda items, rows: all(sum(r[4][0] for r in rows if r[1][0] == i[0]) == i[3] "
                "  and all(0 <= r[4][0] - i[3] * r[3][0] // max(1, sum(q[3][0] for q in rows if q[1][0] == i[0])) <= 1 "
                "          for r in rows if r[1][0] == i[0]) for i in items) "
                "  and all(r[4][0] == 0 for r in rows if r[1][0] not in [i[0] for i in items]) "
                "  and sum(1 for r in rows if r[1][0] == items[-1][0]) > 1)"
                "(json.loads(a[0]), [r for r in d['sheets'][1]['rows'][4:] if r[1][0] is not None and r[0][0] is not None])",
         items, NULL);
}

static void
test_network (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Netzwerk.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autoptr(GListModel) graduates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint consenting = 0;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_NETWORK, NULL, path);
  facts = hp_test_xlsx_facts (path, 5000);

  graduates = hp_store_list_graduates (f->store, hp_campaign_get_id (f->campaign), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (graduates); i++)
    {
      g_autoptr(HpGraduate) g = g_list_model_get_item (graduates, i);

      consenting += hp_graduate_get_consent_date (g) != NULL;
    }
  g_assert_cmpuint (consenting, >, 0);
  g_assert_cmpuint (consenting, <, g_list_model_get_n_items (graduates));
  count = g_strdup_printf ("%u", consenting);

  CHECK (facts, "[s['name'] for s in d['sheets']] == ['Network']", NULL);
  CHECK (facts, PRINT_SETUP_OK, hp_campaign_get_name (f->campaign), NULL);
  CHECK (facts, HEADINGS_OK, NULL);
  /* The columns issue 14 lists, no more: eight, the filter over all of them. */
  CHECK (facts, "(lambda s: s['freeze'] == 'A5' and s['title_rows'] == '$4:$4' and s['max_row'] == 4 + int(a[0]) "
                "  and s['max_col'] == 8 and s['autofilter'] == 'A4:H%d' % (4 + int(a[0])))(d['sheets'][0])",
         count, NULL);
  CHECK (facts, "[[c[0].replace('\\n', ' ')] + c[1:] for c in d['sheets'][0]['rows'][3]] == [[t, 's', 'General', None] "
                "for t in ['Last name', 'First name', 'E-mail', 'Phone', 'School', 'Year', 'Consent on', 'Consent source']]",
         NULL);
  /* across: eight columns do not fit upright; the date, and its heading,
   * set off from the year before it */
  CHECK (facts, "d['sheets'][0]['orientation'] == 'landscape'", NULL);
  CHECK (facts, "all(d['sheets'][0]['indents'].get('G%d' % r) for r in range(4, 5 + int(a[0])))", count, NULL);
  /* the demo gives every consenting graduate an example.org address */
  CHECK (facts, "all(len(r) == 8 and r[0][1] == 's' and r[1][1] == 's' and r[4][1] == 's' "
                "    and r[2][0].endswith('@example.org') "
                "    and r[5] == [2027, 'n', 'General', None] and r[7][1] == 's' "
                "    and r[6][1] == 'date' and r[6][2] == 'yyyy-mm-dd' for r in d['sheets'][0]['rows'][4:])", NULL);
}

/* ------------------------------------------------------------------------ */
/* Formulas and empty campaigns                                              */

/* Every workbook of @campaign_id: each formula's stored value is what it
 * computes, none refers to its own cell, and (where LibreOffice is
 * installed) LibreOffice opens each without an error value. */
static void
check_all_workbooks (Fixture *f,
                     gint64   campaign_id,
                     gboolean expect_formulas)
{
  const HpExportKind kinds[] = {
    HP_EXPORT_PACKING_LIST, HP_EXPORT_DELIVERY_SHEETS, HP_EXPORT_SPONSOR_REPORT, HP_EXPORT_NETWORK,
  };
  const char *names[] = { "Packliste.xlsx", "Lieferscheine.xlsx", "Sponsorenbericht.xlsx", "Netzwerk.xlsx" };
  HpExportOptions options = { .class_lists = TRUE };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      char *path = g_build_filename (f->dir, names[i], NULL);

      g_assert_true (hp_export_write (f->store, campaign_id, kinds[i], &options, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
      g_free (hp_test_xlsx_facts (path, 10));   /* well-formed XML, openpyxl reads it */
    }
  g_ptr_array_add (paths, NULL);

  n = hp_test_check_formulas ((const char * const *) paths->pdata);
  if (expect_formulas)
    g_assert_cmpuint (n, >, 0);

  if (!hp_test_have_libreoffice ())
    {
      g_test_message ("LibreOffice (soffice) is not installed: only the formula check ran");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *errors = hp_test_libreoffice_errors (g_ptr_array_index (paths, i), f->dir);

      g_assert_cmpstr (errors, ==, "");
    }
}

static void
test_formulas_demo (Fixture       *f,
                    gconstpointer  data)
{
  HP_TEST_REQUIRE_OPENPYXL ();

  check_all_workbooks (f, hp_campaign_get_id (f->campaign), TRUE);
}

/* An empty campaign: no schools, no gifts, no pack contents. The packing
 * list's "pieces per pack" total once read =SUM(D5:D5) in D5 itself (a
 * circular reference, LibreOffice's Err:522); now every empty total is a
 * plain 0. */
static void
test_empty_campaign (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpCampaign) empty = hp_campaign_new ("Leer 2030", 2030);
  g_autofree char *path = g_build_filename (f->dir, "Packliste-leer.xlsx", NULL);
  g_autofree char *facts = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  g_assert_true (hp_store_add_campaign (f->store, empty, &error));
  g_assert_no_error (error);
  check_all_workbooks (f, hp_campaign_get_id (empty), FALSE);

  g_assert_true (hp_export_write (f->store, hp_campaign_get_id (empty), HP_EXPORT_PACKING_LIST, NULL, path,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = hp_test_xlsx_facts (path, 20);
  CHECK (facts, "(lambda r: r[1][0] == 'Pieces per pack' and r[3][:2] == [0, 'n'] and r[3][3] is None "
                "  and r[4][:2] == [0, 'n'] and r[4][3] is None)(d['sheets'][0]['rows'][4])", NULL);
}

/* ------------------------------------------------------------------------ */
/* German locale, worker thread                                              */

typedef struct
{
  Fixture      *f;
  HpExportKind  kind;
  const char   *path;
  GError       *error;
} Job;

static gpointer
export_thread (gpointer data)
{
  Job *job = data;

  if (!hp_export_write (job->f->store, hp_campaign_get_id (job->f->campaign), job->kind, NULL, job->path,
                        NULL, NULL, NULL, &job->error))
    return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

static void
test_german_locale (Fixture       *f,
                    gconstpointer  data)
{
  const HpExportKind kinds[] = { HP_EXPORT_PACKING_LIST, HP_EXPORT_DELIVERY_SHEETS, HP_EXPORT_SPONSOR_REPORT };
  g_autofree char *old_locale = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (locale-gen de_DE.UTF-8)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *c_path = g_build_filename (f->dir, "c.xlsx", NULL);
      g_autofree char *de_path = g_build_filename (f->dir, "de.xlsx", NULL);
      g_autofree char *de_facts = NULL;
      g_autofree char *c_facts = NULL;
      g_autofree char *both = NULL;
      g_autofree char *printed = NULL;
      Job job = { f, kinds[i], de_path, NULL };
      GThread *thread;

      /* German process locale, written from a worker thread as the GUI
       * will do; then the same export under the C locale. */
      thread = g_thread_new ("export", export_thread, &job);
      g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
      g_assert_no_error (job.error);

      /* The process locale is still German afterwards. */
      printed = g_strdup_printf ("%.2f", 1.25);
      g_assert_cmpstr (printed, ==, "1,25");

      de_facts = hp_test_xlsx_facts (de_path, 2000);

      setlocale (LC_ALL, "C.UTF-8");
      export (f, kinds[i], NULL, c_path);
      c_facts = hp_test_xlsx_facts (c_path, 2000);
      setlocale (LC_ALL, "de_DE.UTF-8");

      /* Same numbers, same types, same formats (the texts may be
       * translated). */
      both = g_strdup_printf ("{\"de\": %s, \"c\": %s}", de_facts, c_facts);
      CHECK (both, "(lambda nums: nums(d['de']) == nums(d['c']) and len(nums(d['c'])) > 20)"
                   "(lambda w: [c for s in w['sheets'] for r in s['rows'] for c in r if c[1] in ('n', 'date', 'time')])",
             NULL);
      CHECK (both, "[s['max_row'] for s in d['de']['sheets']] == [s['max_row'] for s in d['c']['sheets']]", NULL);
    }

  setlocale (LC_ALL, old_locale);
}

/* ------------------------------------------------------------------------ */
/* Print layout: text widths, wrapping, page breaks                          */

/* Widths are in column-width units, the default font's digit "0" (1.00);
 * a space is 0.50 (DejaVu Sans 0.50, Carlito 0.45: the larger), a bold
 * digit 1.10 (DejaVu Sans Bold 1.094, rounded up). */
static void
test_text_wrap (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpfloat_with_epsilon (_hp_export_text_width ("0000", -1, FALSE), 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (_hp_export_text_width ("00 00", -1, FALSE), 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (_hp_export_text_width ("00", -1, TRUE), 2.2, 1e-9);
  /* only the first 2 bytes */
  g_assert_cmpfloat_with_epsilon (_hp_export_text_width ("0000", 2, FALSE), 2.0, 1e-9);

  /* "00000 00000" is 5 + 0.5 + 5 = 10.5 wide: one line in 10.5, two in
   * 10 (the space hangs at the end of the first) */
  g_assert_cmpuint (_hp_export_text_lines ("00000 00000", 10.5), ==, 1);
  g_assert_cmpuint (_hp_export_text_lines ("00000 00000", 10), ==, 2);
  /* a line break is a line; an empty text one line */
  g_assert_cmpuint (_hp_export_text_lines ("0\n0", 10), ==, 2);
  g_assert_cmpuint (_hp_export_text_lines ("", 10), ==, 1);
  /* a word of 12 digits in 5: broken where the line is full, 5 + 5 + 2 */
  g_assert_cmpuint (_hp_export_text_lines ("000000000000", 5), ==, 3);
  /* after a hyphen between letters a line may end, as LibreOffice ends
   * it: "ab-cd" in the room of "ab-" is two lines; "0-5" (a digit after
   * the hyphen) is one piece, broken only where the line is full */
  g_assert_cmpuint (_hp_export_text_lines ("ab-cd", _hp_export_text_width ("ab-", -1, FALSE)), ==, 2);
  g_assert_cmpuint (_hp_export_text_lines ("ab-cd", _hp_export_text_width ("ab-cd", -1, FALSE)), ==, 1);

  /* A heading's lines as the export breaks them: bold "00 00" is 2.2 +
   * 0.55 + 2.2 = 4.95, in 3 two lines "00" / "00" */
  g_assert_cmpuint (_hp_export_wrap ("00 00", 3, TRUE, FALSE, out), ==, 2);
  g_assert_cmpstr (out->str, ==, "00\n00");
  g_string_truncate (out, 0);
  g_assert_cmpuint (_hp_export_wrap ("00 00", 5, TRUE, FALSE, out), ==, 1);
  g_assert_cmpstr (out->str, ==, "00 00");

  /* A column is at least as wide as its title on two lines, plus a gap
   * of 1 and any indent, in whole pixels of a 7-pixel digit: "No." (3
   * characters) keeps its 5; English "Per standard pack" breaks best as
   * "Per standard" / "pack", so the column is wider than "standard" alone. */
  {
    const HpExportColumn number = { "No.", 5, TRUE, FALSE };
    const HpExportColumn per = { "Per standard pack", 4, TRUE, FALSE };
    double first_line = _hp_export_text_width ("Per standard", -1, TRUE);

    g_assert_cmpfloat_with_epsilon (_hp_export_column_width (&number), 5.0, 1e-9);
    g_assert_cmpfloat (_hp_export_column_width (&per), >=, first_line + 1.0);
    g_assert_cmpfloat (_hp_export_column_width (&per), <, first_line + 1.0 + 1.0 / 7 + 1e-9);
    g_assert_cmpuint (_hp_export_heading_lines (&per, 1), ==, 2);
  }
}

/* The pages of a sheet, from the export's own row heights (HpExportPager):
 * A4 across is 595.28 pt high, less 0.8 in top and bottom (115.2 pt):
 * 480.08 pt of rows at scale 1, less one row (15 pt) kept free: 465.08 pt.
 * Columns of 100 units (Excel: 700 + 5 pixels, 528.75 pt) need no
 * scaling on the 755.49 pt across the page. */
static void
test_pager (void)
{
  const HpExportColumn columns[] = { { NULL, 100, FALSE, FALSE } };
  g_auto(HpExportPager) pager = { 0 };

  _hp_export_pager_init (&pager, columns, 1, TRUE);
  g_assert_cmpfloat_with_epsilon (pager.capacity, 465.08, 0.01);

  /* a heading of 30 pt repeated, and rows of 15: page 1 holds the
   * heading and 29 rows (30 + 29 × 15 = 465); row 30 starts page 2 */
  _hp_export_pager_add (&pager, 0, 30);
  _hp_export_pager_repeat (&pager, 30);
  for (lxw_row_t r = 1; r <= 29; r++)
    _hp_export_pager_add (&pager, r, 15);
  g_assert_cmpuint (pager.breaks->len, ==, 0);
  _hp_export_pager_add (&pager, 30, 15);
  g_assert_cmpuint (pager.breaks->len, ==, 1);
  g_assert_cmpuint (g_array_index (pager.breaks, lxw_row_t, 0), ==, 30);

  /* page 2 has 30 + 15 = 45 pt; a group of 28 rows (420 pt) fits
   * (465 ≥ 45 + 420), one of 29 (435 pt) does not but fits on a new page
   * (30 + 435 ≤ 465): it starts page 3 */
  _hp_export_pager_keep (&pager, 31, 28 * 15);
  g_assert_cmpuint (pager.breaks->len, ==, 1);
  _hp_export_pager_keep (&pager, 31, 29 * 15);
  g_assert_cmpuint (pager.breaks->len, ==, 2);
  g_assert_cmpuint (g_array_index (pager.breaks, lxw_row_t, 1), ==, 31);
  /* a group taller than any page starts where it is */
  _hp_export_pager_add (&pager, 31, 15);
  _hp_export_pager_keep (&pager, 32, 40 * 15);
  g_assert_cmpuint (pager.breaks->len, ==, 2);
}

/* The sponsor report's sponsors sheet: a sponsor's rows and subtotal are
 * never split over two pages (each demo sponsor has 1 to 3 products), the
 * page breaks are the export's own and the footer counts them; the
 * thank-you sheet's rows are as tall as their address and sentence wrap
 * to. Where LibreOffice and pdftotext are installed, the printed pages say
 * so too. */
static void
test_sponsor_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Sponsorenbericht.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages_path = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  facts = hp_test_xlsx_facts (path, 400);

  /* 'breaks' are the last rows (1-based) of a page, so rows[b] (0-based)
   * starts the next one: never a subtotal, nor a product after a product
   * of the same sponsor */
  CHECK (facts, "(lambda s: len(s['breaks']) >= 1 and s['footer'][1] == 'Page &P of %d' % (len(s['breaks']) + 1) "
                "  and all(not str(s['rows'][b][0][0]).startswith('Total ') "
                "          and not (s['rows'][b][0][0] is not None and s['rows'][b][0][0] == s['rows'][b - 1][0][0]) "
                "          for b in s['breaks']))(d['sheets'][1])", NULL);
  /* thank-you rows: the tallest set height is a whole number of lines */
  CHECK (facts, "(lambda s: any(h for h in s['heights'][4:]) and all(h is None or h % 15 == 0 for h in s['heights'][4:]) "
                "  and s['footer'][1].startswith('Page &P of '))(d['sheets'][2])", NULL);
  /* headings break into their lines themselves, at most two */
  CHECK (facts, "all(c[0] is None or c[0].count('\\n') <= 1 for s in d['sheets'] for r in s['heading_rows'] "
                "    for c in s['rows'][r - 1]) and any('\\n' in (c[0] or '') for c in d['sheets'][1]['rows'][3])", NULL);

  if (!hp_test_have_pdftotext ())
    {
      g_test_message ("LibreOffice or pdftotext is not installed: the printed pages are not checked");
      return;
    }
  text = hp_test_libreoffice_pdf_text (path, f->dir);
  pages_path = g_build_filename (f->dir, "pages.txt", NULL);
  g_assert_true (g_file_set_contents (pages_path, text, -1, NULL));
  /* the summary ("Page 1"), then the sponsors' pages as the footer counts
   * them; each product row ("Brauerei Lang GmbH & Co. KG   Pils 0,33 l")
   * printed on the page of its sponsor's subtotal */
  CHECK (facts, "(lambda pages, s: (lambda n: all('Page %d of %d' % (k + 1, n) in pages[1 + k] for k in range(n)) "
                "  and all(any(re.search(re.escape(r[0][0]) + r' {2,}' + re.escape(r[1][0]), pages[1 + k]) "
                "              and ('Total ' + r[0][0]) in pages[1 + k] for k in range(n)) "
                "          for r in s['rows'][4:] if r[1][1] == 's'))"
                "  (len(s['breaks']) + 1))(open(a[0], encoding='utf-8').read().split('\\f'), d['sheets'][1])",
         pages_path, NULL);
}

/* The headings in German, whose words are long ("Standardpaket",
 * "Eingegangen"): every workbook as LibreOffice prints it in German. */
static void
test_german_headings (Fixture       *f,
                      gconstpointer  data)
{
  const HpExportKind kinds[] = {
    HP_EXPORT_PACKING_LIST, HP_EXPORT_DELIVERY_SHEETS, HP_EXPORT_SPONSOR_REPORT, HP_EXPORT_NETWORK,
  };
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");
  HpExportOptions options = { .class_lists = TRUE };
  g_autofree char *old_locale = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  if (localedir == NULL)
    {
      g_test_skip ("HEIMPACK_LOCALEDIR is not set (run through meson test)");
      return;
    }
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (locale-gen de_DE.UTF-8)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "de", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "de.xlsx", NULL);
      g_autofree char *facts = NULL;

      export (f, kinds[i], &options, path);
      facts = hp_test_xlsx_facts (path, 200);
      /* German indeed: the heading rows have German titles. */
      CHECK (facts, "any(c[0] in ('Nr.', 'Schulnr.', 'Sponsor', 'Nachname', 'Kennzahl') "
                    "    for s in d['sheets'] for r in s['heading_rows'] for c in s['rows'][r - 1])", NULL);
      CHECK (facts, HEADINGS_OK, NULL);
      /* dates as the German window shows them (English: yyyy-mm-dd) */
      CHECK (facts, "all(c[2] == 'dd.mm.yyyy' for s in d['sheets'] for r in s['rows'] for c in r "
                    "    if len(c) > 2 and c[1] == 'date')", NULL);
      if (kinds[i] == HP_EXPORT_DELIVERY_SHEETS)
        CHECK (facts, "any(len(c) > 2 and c[1] == 'date' for s in d['sheets'] for r in s['rows'] for c in r)", NULL);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);
}

/* ------------------------------------------------------------------------ */
/* Safe writing                                                              */

static const char old_contents[] = "the previous workbook";

static char *
write_old_file (Fixture    *f,
                const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, old_contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_old_file (Fixture    *f,
                 const char *path,
                 const char *expected_listing)
{
  g_autofree char *contents = NULL;
  g_autofree char *listing = hp_test_list_dir (f->dir);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, old_contents);
  /* No temporary file left behind. */
  g_assert_cmpstr (listing, ==, expected_listing);
}

static void
test_write_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *old = write_old_file (f, "out.xlsx");
  g_autofree char *missing = g_build_filename (f->dir, "no such folder", "out.xlsx", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a folder.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = hp_campaign_get_id (f->campaign);

  /* The folder does not exist. */
  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_PACKING_LIST, NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.xlsx"));
  g_clear_error (&error);

  /* The target is a folder. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_PACKING_LIST, NULL, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_old_file (f, old, "a folder.xlsx|out.xlsx");

  /* An unknown campaign. */
  g_assert_false (hp_export_write (f->store, 9999, HP_EXPORT_DELIVERY_SHEETS, NULL, old, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_old_file (f, old, "a folder.xlsx|out.xlsx");
}

/* The export into @path, whose folder nobody may write to, in a
 * subprocess (its own fixture: the district campaign in memory) as a user
 * the folder's mode binds: root is dropped to nobody, since root writes to
 * a 0555 folder anyway. */
static void
read_only_folder_child (Fixture    *f,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *probe = NULL;

  g_assert_nonnull (path);
  /* (this child's own folder is not used: gone before root is) */
  hp_test_rm_rf (f->dir);
  if (geteuid () == 0)
    {
      g_assert_no_errno (setgroups (0, NULL));
      g_assert_no_errno (setgid (65534));
      g_assert_no_errno (setuid (65534));
    }

  /* the folder's mode binds now */
  folder = g_path_get_dirname (path);
  probe = g_build_filename (folder, "probe", NULL);
  g_assert_false (g_file_set_contents (probe, "", 0, NULL));

  g_assert_false (hp_export_write (f->store, hp_campaign_get_id (f->campaign), HP_EXPORT_SPONSOR_REPORT,
                                   NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.xlsx"));
}

/* An export into a folder nobody may write to fails with a write error,
 * and the old workbook and the folder stay as they were. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *old = NULL;
  g_autofree char *probe = NULL;

  if (g_test_subprocess ())
    {
      read_only_folder_child (f, g_getenv ("HP_TEST_READ_ONLY_OUT"));
      return;
    }

  old = write_old_file (f, "out.xlsx");
  probe = g_build_filename (f->dir, "probe", NULL);
  g_assert_no_errno (g_chmod (old, 0644));
  g_assert_no_errno (g_chmod (f->dir, 0555));
  /* Not root, yet the folder is writable (a capability?): nothing to test. */
  if (geteuid () != 0 && g_file_set_contents (probe, "", 0, NULL))
    {
      g_remove (probe);
      g_chmod (f->dir, 0755);
      g_test_skip ("The read-only folder is writable");
      return;
    }

  g_setenv ("HP_TEST_READ_ONLY_OUT", old, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("HP_TEST_READ_ONLY_OUT");
  g_assert_no_errno (g_chmod (f->dir, 0755));
  g_test_trap_assert_passed ();
  assert_old_file (f, old, "out.xlsx");
}

static void
test_failed_midway (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *old = write_old_file (f, "out.xlsx");
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A name the writer refuses (the test hook stands for a value that
   * libxlsxwriter refuses), after the temporary file is open and some
   * sheets are written. */
  schools = hp_store_list_schools (f->store, hp_campaign_get_id (f->campaign), &error);
  g_assert_no_error (error);
  school = hp_test_list_get (schools, 5);
  hp_school_set_name (school, "Refused school");
  g_assert_true (hp_store_update_school (f->store, school, &error));
  g_assert_no_error (error);

  _hp_export_test_refused_text = "Refused school";
  ok = hp_export_write (f->store, hp_campaign_get_id (f->campaign), HP_EXPORT_DELIVERY_SHEETS, NULL,
                        old, NULL, NULL, NULL, &error);
  _hp_export_test_refused_text = NULL;
  g_assert_false (ok);
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_FAILED);
  assert_old_file (f, old, "out.xlsx");
}

/* A full disk when the workbook is zipped (the test hook makes closing
 * fail as libxlsxwriter does then, with errno ENOSPC): one line in the
 * system's words, nothing of libxlsxwriter's "ZIP_ERRNO", and the old file
 * as it was. */
static void
test_disk_full_hook (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *old = write_old_file (f, "out.xlsx");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  _hp_export_test_close_errno = ENOSPC;
  ok = hp_export_write (f->store, hp_campaign_get_id (f->campaign), HP_EXPORT_PACKING_LIST, NULL,
                        old, NULL, NULL, NULL, &error);
  _hp_export_test_close_errno = 0;
  g_assert_false (ok);
  g_assert_error (error, HP_EXPORT_ERROR, HP_EXPORT_ERROR_WRITE);
  g_assert_true (g_str_has_suffix (error->message, ": No space left on device"));
  g_assert_null (strstr (error->message, "ZIP"));
  g_assert_null (strchr (error->message, '\n'));
  assert_old_file (f, old, "out.xlsx");
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
} Progress;

static void
cancel_halfway_cb (double   fraction,
                   gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (fraction >= 0.5)
    g_cancellable_cancel (p->cancellable);
}

static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  p->calls++;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *old = write_old_file (f, "out.xlsx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { cancellable, 0, 0 };
  Progress all = { NULL, 0, 0 };
  HpExportOptions options = { .class_lists = TRUE };
  g_autoptr(GError) error = NULL;
  gint64 id = hp_campaign_get_id (f->campaign);

  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_DELIVERY_SHEETS, &options, old,
                                   cancel_halfway_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (p.last, >=, 0.5);
  g_assert_cmpfloat (p.last, <, 0.6);
  assert_old_file (f, old, "out.xlsx");
  g_clear_error (&error);

  /* Cancelled before it starts. */
  g_assert_false (hp_export_write (f->store, id, HP_EXPORT_NETWORK, NULL, old, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_old_file (f, old, "out.xlsx");
  g_clear_error (&error);

  /* Uncancelled: progress from 0 to 1 in many steps, and the old file is
   * replaced. */
  g_assert_true (hp_export_write (f->store, id, HP_EXPORT_DELIVERY_SHEETS, &options, old,
                                  record_progress_cb, &all, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (all.last, ==, 1.0);
  g_assert_cmpuint (all.calls, >, 20);
  {
    g_autofree char *listing = hp_test_list_dir (f->dir);

    g_assert_cmpstr (listing, ==, "out.xlsx");
  }
}

/* ------------------------------------------------------------------------ */
/* Sheet names                                                               */

static void
rename_school (Fixture    *f,
               GListModel *schools,
               guint       position,
               const char *name)
{
  g_autoptr(HpSchool) school = hp_test_list_get (schools, position);
  g_autoptr(GError) error = NULL;

  hp_school_set_name (school, name);
  g_assert_true (hp_store_update_school (f->store, school, &error));
  g_assert_no_error (error);
}

static void
test_sheet_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "names.xlsx", NULL);
  g_autofree char *facts = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  HP_TEST_REQUIRE_OPENPYXL ();

  schools = hp_store_list_schools (f->store, hp_campaign_get_id (f->campaign), &error);
  g_assert_no_error (error);
  /* In school-number order, which is the order of the sheets. */
  rename_school (f, schools, 0, "Gymnasium [Am See]: Nord/Süd * ?");
  rename_school (f, schools, 1, "Gymnasium [Am See]: Nord/Süd * ?");
  rename_school (f, schools, 2, "overview");
  rename_school (f, schools, 3, "'Städtisches Gymnasium an der Ruhr und am Möhnesee'");
  rename_school (f, schools, 4, "Städtisches Gymnasium an der Ruhr und am Möhnesee");
  rename_school (f, schools, 5, "HISTORY");
  rename_school (f, schools, 6, "Schule 😀 mit Emoji");

  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  facts = hp_test_xlsx_facts (path, 5);
  names = hp_test_json_eval (facts, "[s['name'] for s in d['sheets'][:8]]", NULL);
  g_test_message ("Sheet names: %s", names);

  CHECK (facts, "[s['name'] for s in d['sheets'][:8]] == ['Overview', 'Gymnasium (Am See) Nord-Süd', "
                "'Gymnasium (Am See) Nord-Süd (2)', 'overview (2)', 'Städtisches Gymnasium an der Ru', "
                "'Städtisches Gymnasium an de (2)', 'HISTORY (2)', 'Schule 😀 mit Emoji']", NULL);
  /* The overview names the sheets as they are. */
  CHECK (facts, "[r[13][0] for r in d['sheets'][0]['rows'][4:5]] == ['Gymnasium (Am See) Nord-Süd']", NULL);
  /* The school's own name stays as it is on its sheet. */
  CHECK (facts, "d['sheets'][1]['rows'][4][0][0] == 'Delivery sheet / hand-over record'", NULL);
}

/* ------------------------------------------------------------------------ */
/* Hostile texts                                                             */

static void
assert_clean (const char *text,
              guint       flags,
              const char *expected)
{
  g_autofree char *clean = _hp_export_clean_text (text, flags, 0, NULL);

  /* NULL means "unchanged". */
  g_assert_cmpstr (clean != NULL ? clean : text, ==, expected);
}

static void
test_clean_text (void)
{
  g_autofree char *long_a = g_strnfill (32766, 'a');
  g_autofree char *emoji = g_strconcat (long_a, "😀b", NULL);
  g_autofree char *escaped_end = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *expected = NULL;
  gboolean was_cut;

  /* Unchanged texts come back as NULL, without a copy. */
  g_assert_null (_hp_export_clean_text ("Schule am See", HP_EXPORT_TEXT_ESCAPE, HP_EXPORT_CELL_MAX, NULL));
  g_assert_null (_hp_export_clean_text ("a\tb\nc", HP_EXPORT_TEXT_ESCAPE, 0, NULL));
  g_assert_null (_hp_export_clean_text ("_x0041_", 0, 0, NULL));
  g_assert_null (_hp_export_clean_text ("_x004_ _x0041 x0041_", HP_EXPORT_TEXT_ESCAPE, 0, NULL));

  /* A vertical tab (0x0B), ESC (0x1B), DEL (0x7F), NEL (U+0085, a C1
   * control) and U+FFFE are dropped; tab and line feed stay. */
  assert_clean ("Real\vschule\x1b Nord\x7f", 0, "Realschule Nord");
  assert_clean ("x\xc2\x85y\xef\xbf\xbez\tw\n", 0, "xyz\tw\n");
  /* CR LF and a lone CR are one line feed each. */
  assert_clean ("a\r\nb\rc", 0, "a\nb\nc");
  /* On one line (page headers): tab and line feed become spaces. */
  assert_clean ("a\tb\r\nc", HP_EXPORT_TEXT_ONE_LINE, "a b c");
  /* Invalid UTF-8 is repaired (U+FFFD). */
  assert_clean ("a\xff" "b", 0, "a\xef\xbf\xbd" "b");
  /* A literal _xHHHH_ gets its underscore escaped, in either case. */
  assert_clean ("_x0041_", HP_EXPORT_TEXT_ESCAPE, "_x005F_x0041_");
  assert_clean ("A_X00aF_B", HP_EXPORT_TEXT_ESCAPE, "A_x005F_X00aF_B");

  /* Cutting to 32,767: 32,766 "a", then 😀 (2 UTF-16 units) and "b" are
   * 32,769 units; the cut comes before the 😀, and "…" makes 32,767. */
  cut = _hp_export_clean_text (emoji, HP_EXPORT_TEXT_ESCAPE, HP_EXPORT_CELL_MAX, &was_cut);
  g_assert_true (was_cut);
  expected = g_strconcat (long_a, "…", NULL);
  g_assert_cmpstr (cut, ==, expected);
  g_clear_pointer (&cut, g_free);
  g_clear_pointer (&expected, g_free);

  /* 32,760 "a" and "_x0041_" are 32,767 characters as shown, but escaped
   * 32,760 + 13 = 32,773, more than libxlsxwriter takes: cut before the
   * escape, 32,760 "a" and "…". */
  escaped_end = g_strconcat (long_a + 6, "_x0041_", NULL);
  g_assert_cmpuint (g_utf8_strlen (escaped_end, -1), ==, 32767);
  cut = _hp_export_clean_text (escaped_end, HP_EXPORT_TEXT_ESCAPE, HP_EXPORT_CELL_MAX, &was_cut);
  g_assert_true (was_cut);
  expected = g_strconcat (long_a + 6, "…", NULL);
  g_assert_cmpstr (cut, ==, expected);
  /* Without the escape it fits: unchanged. */
  g_assert_null (_hp_export_clean_text (escaped_end, 0, HP_EXPORT_CELL_MAX, &was_cut));
  g_assert_false (was_cut);
}

/* Every string cell of @facts (all sheets), as one Python list. */
#define ALL_TEXTS "[c[0] for s in d['sheets'] for r in s.get('rows', []) for c in r if c[1] == 's']"

static void
test_hostile_texts (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hostile.xlsx", NULL);
  g_autofree char *long_teacher = NULL;
  g_autofree char *expected_cut = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GListModel) graduates = NULL;
  g_autoptr(HpSchool) school = NULL;
  g_autoptr(HpSchool) second = NULL;
  g_autoptr(HpGraduate) graduate = NULL;
  g_autoptr(GError) error = NULL;
  HpExportOptions options = { .class_lists = TRUE, .agency_name = "Agentur\x01 Nord" };
  gint64 id = hp_campaign_get_id (f->campaign);
  HpExportKind kinds[] = { HP_EXPORT_PACKING_LIST, HP_EXPORT_DELIVERY_SHEETS,
                           HP_EXPORT_SPONSOR_REPORT, HP_EXPORT_NETWORK };

  HP_TEST_REQUIRE_OPENPYXL ();

  /* The campaign (page headers, document title), a school (cells, its
   * sheet's name and page header), a graduate (class list, network). */
  hp_campaign_set_name (f->campaign, "Heimvorteil\v2027 _x0042_");
  g_assert_true (hp_store_update_campaign (f->store, f->campaign, &error));
  g_assert_no_error (error);

  schools = hp_store_list_schools (f->store, id, &error);
  g_assert_no_error (error);
  school = hp_test_list_get (schools, 0);
  hp_school_set_name (school, "Real\vschule _x0041_ Nord");
  hp_school_set_contact_teacher (school, "Frau\r\nM\x1büller");
  g_assert_true (hp_store_update_school (f->store, school, &error));
  g_assert_no_error (error);

  /* 100 kB: "Lehrer " and 100,000 "x" are 100,007 characters. */
  long_teacher = g_strconcat ("Lehrer ", NULL);
  {
    g_autofree char *xs = g_strnfill (100000, 'x');

    g_free (long_teacher);
    long_teacher = g_strconcat ("Lehrer ", xs, NULL);
    /* Cut to 32,766 characters and "…": "Lehrer " (7) and 32,759 "x". */
    g_free (xs);
    xs = g_strnfill (32759, 'x');
    expected_cut = g_strconcat ("Lehrer ", xs, "…", NULL);
    g_assert_cmpuint (g_utf8_strlen (expected_cut, -1), ==, 32767);
  }
  second = hp_test_list_get (schools, 1);
  hp_school_set_contact_teacher (second, long_teacher);
  g_assert_true (hp_store_update_school (f->store, second, &error));
  g_assert_no_error (error);

  graduates = hp_store_list_graduates (f->store, id, hp_school_get_id (school), &error);
  g_assert_no_error (error);
  graduate = hp_test_list_get (graduates, 0);
  hp_graduate_set_last_name (graduate, "Müller\vSchmidt");
  hp_graduate_set_first_name (graduate, "_x0041_nna");
  hp_graduate_set_consent_date (graduate, "2027-03-15");
  g_assert_true (hp_store_update_graduate (f->store, graduate, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *facts = NULL;

      g_clear_pointer (&warnings, g_strfreev);
      g_assert_true (hp_export_write_full (f->store, id, kinds[i], &options, path, NULL, NULL, NULL,
                                           &warnings, &error));
      g_assert_no_error (error);

      /* check-xlsx.py parses every XML part first and fails on a bad one;
       * openpyxl then opens the workbook. */
      facts = hp_test_xlsx_facts (path, 100);
      /* No control character in any text but tab and line feed. */
      CHECK (facts, "not [t for t in " ALL_TEXTS " if any(ord(ch) < 32 and ch not in '\\t\\n' for ch in t)]",
             NULL);
      /* The campaign in every page header, as typed without the tab. */
      CHECK (facts, "all(s['header'][0] == 'Heimvorteil2027 _x0042_' for s in d['sheets'] if 'header' in s)",
             NULL);
      /* The document title: control characters dropped there too. */
      CHECK (facts, "'Heimvorteil2027 _x0042_</dc:title>' in "
                    "__import__('zipfile').ZipFile(a[0]).read('docProps/core.xml').decode()", path, NULL);

      switch (kinds[i])
        {
        case HP_EXPORT_DELIVERY_SHEETS:
          /* The school on the overview and its own sheet, as typed; the
           * XML holds the escape that makes Excel show it so. */
          CHECK (facts, "'Realschule _x0041_ Nord' in " ALL_TEXTS, NULL);
          CHECK (facts, "'Frau\\nMüller' in " ALL_TEXTS, NULL);
          CHECK (facts, "any('Realschule _x005F_x0041_ Nord' in __import__('zipfile').ZipFile(a[0]).read(n).decode() "
                        "    for n in __import__('zipfile').ZipFile(a[0]).namelist() if n.startswith('xl/worksheets/'))",
                 path, NULL);
          /* Its sheet: no escape in a sheet name (31 characters), a
           * hyphen instead; the page header shows the name as typed. */
          CHECK (facts, "any(s['name'] == 'Realschule -x0041_ Nord' and s['header'][2] == 'Realschule _x0041_ Nord' "
                        "    for s in d['sheets'])", NULL);
          /* The class list: the graduate as typed. */
          CHECK (facts, "any(r[1][0] == 'MüllerSchmidt' and r[2][0] == '_x0041_nna' "
                        "    for s in d['sheets'] for r in s['rows'] if len(r) > 2)", NULL);
          /* The long text: cut, one warning naming where. */
          CHECK (facts, "a[0] in " ALL_TEXTS, expected_cut, NULL);
          g_assert_nonnull (warnings);
          g_assert_cmpuint (g_strv_length (warnings), ==, 1);
          g_test_message ("Warning: %s", warnings[0]);
          g_assert_nonnull (strstr (warnings[0], "100007 characters"));
          g_assert_nonnull (strstr (warnings[0], "“Lehrer xxx"));
          g_assert_nonnull (strstr (warnings[0], "cell "));
          break;
        case HP_EXPORT_NETWORK:
          CHECK (facts, "any(r[0][0] == 'MüllerSchmidt' and r[1][0] == '_x0041_nna' and r[4][0] == "
                        "'Realschule _x0041_ Nord' for r in d['sheets'][0]['rows'])", NULL);
          g_assert_null (warnings);
          break;
        case HP_EXPORT_PACKING_LIST:
        case HP_EXPORT_SPONSOR_REPORT:
        default:
          g_assert_null (warnings);
          break;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* File modes and leftovers                                                  */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_file_modes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "mode.xlsx", NULL);
  HpExportOptions class_lists = { .class_lists = TRUE };
  mode_t old_mask = umask (022);

  /* Without personal data: a new file's mode, 0666 less the umask. */
  export (f, HP_EXPORT_PACKING_LIST, NULL, path);
  g_assert_cmpuint (file_mode (path), ==, 0644);
  export (f, HP_EXPORT_DELIVERY_SHEETS, NULL, path);
  g_assert_cmpuint (file_mode (path), ==, 0644);
  /* With pupils' names: 0600, also over a 0644 file. */
  export (f, HP_EXPORT_DELIVERY_SHEETS, &class_lists, path);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  g_assert_cmpuint (file_mode (path), ==, 0644);
  export (f, HP_EXPORT_NETWORK, NULL, path);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* The umask as it is: 0666 & ~027 = 0640. */
  umask (027);
  export (f, HP_EXPORT_SPONSOR_REPORT, NULL, path);
  g_assert_cmpuint (file_mode (path), ==, 0640);

  umask (old_mask);
}

/* A file @name in @dir; with @temp_dir a folder @name as a killed export
 * leaves it, with a partial workbook and one of libxlsxwriter's files. */
static void
make_entry (const char *dir,
            const char *name,
            gboolean    temp_dir,
            gboolean    old)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (temp_dir)
    {
      g_autofree char *workbook = g_build_filename (path, "workbook.xlsx", NULL);
      g_autofree char *sheet = g_build_filename (path, "tmp.Ab12Cd34Ef", NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_file_set_contents (workbook, "partial workbook", -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (sheet, "<row>", -1, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_file_set_contents (path, "partial workbook", -1, &error);
      g_assert_no_error (error);
    }

  if (old)
    {
      /* two days ago */
      struct utimbuf times = { time (NULL) - 2 * 24 * 3600, time (NULL) - 2 * 24 * 3600 };

      g_assert_cmpint (utime (path, &times), ==, 0);
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_leftovers (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *listing = NULL;
  guint32 host = g_str_hash (g_get_host_name ());
  guint32 other = host ^ 0x5a5a5a5a;
  GPid dead = hp_test_dead_pid ();
  g_autofree char *a = g_strdup_printf (".out.xlsx.hp-%08x-%d-aaaaaa.tmp", host, dead);
  g_autofree char *b = g_strdup_printf (".out.xlsx.hp-%08x-%d-bbbbbb.tmp", host, (int) getpid ());
  g_autofree char *c = g_strdup_printf (".out.xlsx.hp-%08x-1-cccccc.tmp", host);
  g_autofree char *d = g_strdup_printf (".other.xlsx.hp-%08x-%d-dddddd.tmp", other, dead);
  g_autofree char *e = g_strdup_printf (".old.xlsx.hp-%08x-%d-eeeeee.tmp", other, dead);
  g_autofree char *g = g_strdup_printf (".out.xlsx.hp-%08x-1-gggggg.tmp", host);
  g_autofree char *h = g_strdup_printf ("notes.hp-%08x-%d-hhhhhh.tmp", host, dead);
  g_autofree char *i = g_strdup_printf (".dir.hp-%08x-%d-iiiiii.tmp", host, dead);
  g_autofree char *expected = NULL;

  /* Removed: this computer, a process that has ended. */
  make_entry (f->dir, a, TRUE, FALSE);
  /* Kept: this very process (another export of ours may be writing it). */
  make_entry (f->dir, b, TRUE, FALSE);
  /* Kept: process 1 runs. */
  make_entry (f->dir, c, TRUE, FALSE);
  /* Kept: another computer's, an hour or less old. */
  make_entry (f->dir, d, TRUE, FALSE);
  /* Removed: another computer's, two days old. */
  make_entry (f->dir, e, TRUE, TRUE);
  /* Removed: two days old, though its process id runs (given again). */
  make_entry (f->dir, g, TRUE, TRUE);
  /* Kept: not ours (no leading dot), and an old-style name. */
  make_entry (f->dir, h, TRUE, FALSE);
  make_entry (f->dir, ".out.xlsx.Ab12Cd", FALSE, FALSE);
  /* Kept: a file, not a folder, by that name. */
  make_entry (f->dir, i, FALSE, FALSE);

  export (f, HP_EXPORT_PACKING_LIST, NULL, path);

  listing = hp_test_list_dir (f->dir);
  {
    const char *names[] = { b, c, d, i, ".out.xlsx.Ab12Cd", h, "out.xlsx", NULL };

    qsort (names, G_N_ELEMENTS (names) - 1, sizeof (char *), compare_names);
    expected = g_strjoinv ("|", (char **) names);
  }
  g_assert_cmpstr (listing, ==, expected);
}

/* ------------------------------------------------------------------------ */
/* Killing heimpack-cli                                                      */

/* The temporary folders in @dir. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".tmp"))
      n++;

  return n;
}

/* TRUE if @dir holds a temporary folder whose name contains @tag. */
static gboolean
has_temp_dir (const char *dir,
              const char *tag)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".tmp") && strstr (name, tag) != NULL)
      return TRUE;

  return FALSE;
}

static guint64
file_inode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

static gboolean
is_complete_workbook (const char *path)
{
  /* The zip's own check: every member's CRC. */
  return hp_test_json_check ("{}", "__import__('zipfile').ZipFile(a[0]).testzip() is None", path, NULL);
}

/*
 * Kills `heimpack-cli export delivery-sheets --class-lists` (district
 * scale, about 50 ms) with SIGKILL ten times: five times at a random
 * moment of the run, five times at a random moment after its temporary
 * file appeared. After each kill the workbook is the previous one byte for
 * byte, or (killed after the rename) a complete new one, and the database
 * passes its integrity check. Then one more export into the folder leaves
 * only the workbook there, 0600, and nothing stray beside the database.
 * (The import and the demo are killed in test-import.c and test-demo.c.)
 */
static void
test_kill (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autoptr(HpTestCliResult) demo = NULL;
  g_autoptr(HpTestCliResult) first = NULL;
  g_autoptr(HpTestCliResult) last = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autofree char *listing = NULL;
  gint64 start;
  gint64 duration;
  guint unchanged = 0;
  guint leftovers = 0;
  guint left_folder = 0;
  guint64 inode;

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return;
    }

  dir = hp_test_tmp_dir ();
  out_dir = g_build_filename (dir, "out", NULL);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  db = g_build_filename (dir, "hp.db", NULL);
  out = g_build_filename (out_dir, "Lieferscheine.xlsx", NULL);

  demo = hp_test_run_cli (db, "demo", "--scale", "district", NULL);
  g_assert_cmpint (demo->status, ==, 0);

  start = g_get_monotonic_time ();
  first = hp_test_run_cli (db, "export", "delivery-sheets", out, "--class-lists", NULL);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpint (first->status, ==, 0);
  previous = hp_test_file_bytes (out);
  inode = file_inode (out);
  g_test_message ("One export takes %.0f ms", duration / 1000.0);

  for (guint trial = 0; trial < 10; trial++)
    {
      g_autoptr(GSubprocess) child = hp_test_spawn_cli (db, "export", "delivery-sheets", out, "--class-lists", NULL);
      g_autoptr(GBytes) now = NULL;
      guint unchanged_before = unchanged;
      gint64 delay;

      if (trial % 2 == 1)
        {
          /* Wait for its temporary folder (at most twice the run's
           * length), `.Lieferscheine.xlsx.hp-HOST-PID-XXXXXX.tmp`. */
          g_autofree char *tag = g_strdup_printf ("-%s-", g_subprocess_get_identifier (child));
          gint64 deadline = g_get_monotonic_time () + 2 * duration;

          while (!has_temp_dir (out_dir, tag) && g_get_monotonic_time () < deadline)
            g_usleep (200);
          delay = g_test_rand_int_range (0, (gint32) MAX (duration / 4, 1));
        }
      else
        delay = g_test_rand_int_range (0, (gint32) MAX (duration, 1));

      hp_test_kill_cli (child, delay);
      /* an export only reads the database */
      g_assert_true (hp_test_db_intact (db));

      /* The same file (inode): byte for byte as it was. Another file: the
       * rename had happened (bytes alone can't tell: two exports in the
       * same second are identical), and it is a complete workbook. */
      now = hp_test_file_bytes (out);
      if (file_inode (out) == inode)
        {
          g_assert_true (hp_test_bytes_equal (now, previous));
          unchanged++;
        }
      else
        {
          g_assert_true (is_complete_workbook (out));
          g_clear_pointer (&previous, g_bytes_unref);
          previous = g_steal_pointer (&now);
          inode = file_inode (out);
        }
      leftovers = count_temp_files (out_dir);
      left_folder += leftovers > 0;
      g_test_message ("Kill %u after %.1f ms%s: the workbook %s, %u temporary folders", trial + 1,
                      delay / 1000.0, trial % 2 == 1 ? " of the temporary folder" : "",
                      unchanged > unchanged_before ? "kept" : "replaced", leftovers);
    }

  g_test_message ("%u of 10 kills left the previous workbook, %u a temporary folder", unchanged, left_folder);
  /* The kills after the temporary folder appeared come before the end
   * (a quarter of a run after it at most), mostly: the test tests
   * something. */
  g_assert_cmpuint (unchanged, >=, 4);
  g_assert_cmpuint (left_folder, >=, 3);

  /* The next export removes the leftovers of the killed ones. */
  last = hp_test_run_cli (db, "export", "delivery-sheets", out, "--class-lists", NULL);
  g_assert_cmpint (last->status, ==, 0);
  listing = hp_test_list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "Lieferscheine.xlsx");
  g_assert_true (is_complete_workbook (out));
  g_assert_cmpuint (file_mode (out), ==, 0600);
  g_assert_true (hp_test_db_intact (db));
  {
    const char *others[] = { "out", NULL };

    hp_test_assert_only_database (db, others);
  }

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* A full disk                                                               */

/* heimpack-cli exporting into a tmpfs of 200 kB that holds a 120 kB
 * workbook: the new one (about 105 kB) does not fit. Needs root to mount;
 * skipped otherwise (test_disk_full_hook() covers the message then). */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mnt = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *old = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(HpTestCliResult) demo = NULL;
  g_autoptr(HpTestCliResult) full = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *mount_argv[] = { "mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", NULL, NULL };
  const char *umount_argv[] = { "umount", NULL, NULL };
  int status = -1;

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("Mounting a small tmpfs needs root");
      return;
    }

  dir = hp_test_tmp_dir ();
  mnt = g_build_filename (dir, "full", NULL);
  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  mount_argv[6] = mnt;
  if (!g_spawn_sync (NULL, (char **) mount_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    {
      hp_test_rm_rf (dir);
      g_test_skip ("Could not mount a tmpfs (no CAP_SYS_ADMIN?)");
      return;
    }

  db = g_build_filename (dir, "hp.db", NULL);
  out = g_build_filename (mnt, "Lieferscheine.xlsx", NULL);
  demo = hp_test_run_cli (db, "demo", "--scale", "district", NULL);
  g_assert_cmpint (demo->status, ==, 0);

  /* The previous workbook: 120 kB of something. */
  old = g_strnfill (120 * 1024, 'w');
  g_file_set_contents (out, old, -1, &error);
  g_assert_no_error (error);
  before = hp_test_file_bytes (out);

  full = hp_test_run_cli (db, "export", "delivery-sheets", out, "--class-lists", NULL);
  after = hp_test_file_bytes (out);
  listing = hp_test_list_dir (mnt);

  umount_argv[1] = mnt;
  g_spawn_sync (NULL, (char **) umount_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL);

  g_test_message ("stderr: %s", full->err);
  g_assert_cmpint (full->status, ==, 1);
  /* One line, in the system's words, naming the file. */
  g_assert_cmpuint (hp_test_count_lines (full->err), ==, 1);
  g_assert_nonnull (strstr (full->err, "No space left on device"));
  g_assert_nonnull (strstr (full->err, "Lieferscheine.xlsx"));
  g_assert_null (strstr (full->err, "ZIP"));
  /* The previous file as it was, and nothing else. */
  g_assert_true (hp_test_bytes_equal (before, after));
  g_assert_cmpstr (listing, ==, "Lieferscheine.xlsx");

  hp_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* File names, kinds, the command line                                       */

static void
test_suggest_filename (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 22, 10, 0, 0);
  g_autofree char *packing = hp_export_suggest_filename (HP_EXPORT_PACKING_LIST, "Heimvorteil2GO 2027", date);
  g_autofree char *slash = hp_export_suggest_filename (HP_EXPORT_NETWORK, "HSK/Olpe: 2027?", date);
  g_autofree char *today = hp_export_suggest_filename (HP_EXPORT_SPONSOR_REPORT, "X", NULL);
  HpExportKind kind;

  g_assert_cmpstr (packing, ==, "Packing list Heimvorteil2GO 2027 2026-11-22.xlsx");
  g_assert_cmpstr (slash, ==, "Returnee network HSK-Olpe- 2027- 2026-11-22.xlsx");
  g_assert_true (g_str_has_prefix (today, "Sponsor report X 20"));

  g_assert_true (hp_export_kind_from_string ("delivery-sheets", &kind));
  g_assert_cmpint (kind, ==, HP_EXPORT_DELIVERY_SHEETS);
  g_assert_false (hp_export_kind_from_string ("delivery", &kind));
  g_assert_cmpstr (hp_export_kind_get_title (HP_EXPORT_SPONSOR_REPORT), ==, "Sponsor report");
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autoptr(HpTestCliResult) demo = NULL;
  g_autoptr(HpTestCliResult) ok = NULL;
  g_autoptr(HpTestCliResult) bad = NULL;
  g_autoptr(HpTestCliResult) missing = NULL;

  if (hp_test_cli_path () == NULL)
    {
      g_test_skip ("HEIMPACK_CLI is not set");
      return;
    }

  dir = hp_test_tmp_dir ();
  db = g_build_filename (dir, "hp.db", NULL);
  out = g_build_filename (dir, "Lieferscheine.xlsx", NULL);

  demo = hp_test_run_cli (db, "demo", "--scale", "district", NULL);
  g_assert_cmpint (demo->status, ==, 0);

  ok = hp_test_run_cli (db, "export", "delivery-sheets", out, "--crate-size", "10", "--class-lists",
                        "--agency-name", "Agentur", NULL);
  g_assert_cmpint (ok->status, ==, 0);
  g_assert_cmpstr (g_strchomp (ok->out), ==, out);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  bad = hp_test_run_cli (db, "export", "lieferscheine", out, NULL);
  g_assert_cmpint (bad->status, ==, 2);

  missing = hp_test_run_cli (db, "export", "network", "/nonexistent/folder/x.xlsx", NULL);
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_cmpuint (hp_test_count_lines (missing->err), ==, 1);

  hp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST ("packing-list", test_packing_list);
  TEST ("delivery-sheets", test_delivery_sheets);
  TEST ("delivery-sheets-plain", test_delivery_sheets_plain);
  TEST ("delivery-sheets-file-agency", test_delivery_sheets_file_agency);
  TEST ("sponsor-report", test_sponsor_report);
  TEST ("sponsor-pages", test_sponsor_pages);
  TEST ("formulas-demo", test_formulas_demo);
  TEST ("empty-campaign", test_empty_campaign);
  TEST ("network", test_network);
  TEST ("german-locale", test_german_locale);
  TEST ("german-headings", test_german_headings);
  TEST ("write-errors", test_write_errors);
  TEST ("read-only-folder", test_read_only_folder);
  TEST ("failed-midway", test_failed_midway);
  TEST ("disk-full-hook", test_disk_full_hook);
  TEST ("hostile-texts", test_hostile_texts);
  TEST ("file-modes", test_file_modes);
  TEST ("leftovers", test_leftovers);
  TEST ("cancel", test_cancel);
  TEST ("sheet-names", test_sheet_names);
  TEST_SMALL ("small-plan", test_small_plan);
  TEST_SMALL ("packing-list-pooled", test_packing_list_pooled);
  TEST_SMALL ("sponsor-report-pooled", test_sponsor_report_pooled);
  TEST_SMALL ("sponsor-report-handovers", test_sponsor_report_handovers);
  TEST_SMALL ("delivery-partial", test_delivery_partial);
  TEST_SMALL ("delivery-partial-grouped", test_delivery_partial_grouped);
  TEST_SMALL ("class-list-under18", test_class_list_under18);
  g_test_add_func ("/heimpack/export/share-out", test_share_out);
  g_test_add_func ("/heimpack/export/suggest-filename", test_suggest_filename);
  g_test_add_func ("/heimpack/export/cli", test_cli);
  g_test_add_func ("/heimpack/export/clean-text", test_clean_text);
  g_test_add_func ("/heimpack/export/text-wrap", test_text_wrap);
  g_test_add_func ("/heimpack/export/pager", test_pager);
  g_test_add_func ("/heimpack/export/kill", test_kill);
  g_test_add_func ("/heimpack/export/disk-full", test_disk_full);

  return g_test_run ();
}
