/* hp-import.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hp-store.h"
#include "hp-table-reader.h"

G_BEGIN_DECLS

/**
 * SECTION:hp-import
 *
 * Importing the files agencies get: official school directories (e.g. NRW's
 * "Schulgrunddaten") and the student lists schools export, as CSV or XLSX
 * (read by #HpTableReader).
 *
 * Columns are mapped by header name, never by position: built-in aliases
 * cover the NRW directory (`Schulnummer`, `Schulbezeichnung_1..3`, `PLZ`,
 * `Ort`, `Strasse`, `Gemeindeschluessel`, `Schulform`, `Telefonvorwahl` +
 * `Telefon`, `E-Mail`, `Schulbetriebsschluessel`) and school-software exports
 * (`Name`/`Nachname`, `Vorname`, `Klasse`, `Jahrgang`/`Stufe`,
 * `GebDat`/`Geburtsdatum`); anything else is mapped with
 * hp_import_set_mapping(). Codes stay text; a code that lost its leading
 * zeros in a spreadsheet (a 7-digit Gemeindeschlüssel, a 4-digit postcode, a
 * one-digit Schulform, an area code without its 0) is repaired and counted;
 * a code that cannot be repaired stops the import with its line and column.
 *
 * The school directory of NRW's school software SVWS (`Schulen.csv`:
 * `SchulNr`, `RegSchl`, `ABez1..3`, `PLZ`, `Ort`, `Strasse`, `TelVorw` +
 * `Telefon`, `SF`, `SchBetrSchl`, `Email`) is known by its headers. Its
 * `RegSchl` is the municipality key without the Land: a 6-digit `RegSchl` is
 * completed with NRW's `05` (counted apart, not as a repair). A row of such a
 * table with school form `00` is a school provider (SVWS's `Schultraeger.csv`
 * shares the header): the import stops, as the file is no list of schools.
 *
 * An import is all or nothing: one transaction; on any error nothing is
 * stored and the message names the file, line, column and problem. A dry
 * run does everything and then rolls back, to preview the counts.
 *
 * Sponsor lists (#HP_IMPORT_SPONSORS, e.g. last year's spreadsheet): the
 * sponsor (`Firma`, `Unternehmen`, `Sponsor`, `Name`), `Ansprechpartner(in)`,
 * `Telefon`, `E-Mail`, `Anschrift`/`Adresse` (or `Straße`, `PLZ`, `Ort`),
 * and per row optionally a gift: the item (`Artikel`, `Produkt`,
 * `Sachspende`), its value per piece (`Wert je Stück`, `Stückwert`,
 * `Einzelwert`, `Wert`: "0,95 €", "1.234,50") and the pieces pledged in the
 * campaign (`Zusage`, `zugesagt`, `Menge`, `Stück`). A sponsor may span rows,
 * one per gift. Sponsors merge by name (as hp_item_name_key() compares),
 * gifts by sponsor and item; the file fills a stored sponsor's empty fields
 * but never overwrites one (#HpImportResult.conflicts); a pledge is created
 * or replaced.
 */

typedef enum
{
  HP_IMPORT_SCHOOLS,
  HP_IMPORT_GRADUATES,
  HP_IMPORT_SPONSORS,
} HpImportKind;

/**
 * HpImportField:
 * @name: the field's id, for hp_import_set_mapping() and `--map name=Header`
 * @label: for people: an English msgid of the "heimpack" domain, to be shown
 *   through gettext
 * @required: the import needs a column for it
 */
typedef struct
{
  const char *name;
  const char *label;
  gboolean    required;
} HpImportField;

/**
 * HpImportResult:
 * @rows: data rows read
 * @added: new records
 * @updated: existing records (schools, by number) that changed
 * @unchanged: existing records that were already so
 * @skipped: rows left out by a filter (district, school form, closed school,
 *   leaving year)
 * @duplicates: graduates already at their school (same name and birth date),
 *   in the file or in the campaign; not added again
 * @repaired: codes whose lost leading zeros were put back (the sum of the
 *   four counts below)
 * @repaired_district_key: of @repaired, municipality keys (7 digits → 8)
 * @repaired_postcode: of @repaired, postcodes (4 digits → 5)
 * @repaired_school_form: of @repaired, school forms (1 digit → 2)
 * @repaired_phone_prefix: of @repaired, area codes that lost their 0
 * @completed_district_key: municipality keys of an SVWS directory
 *   (`RegSchl`, 6 digits without the Land) completed with NRW's `05`;
 *   not a repair, not in @repaired
 * @skipped_district: of @skipped, schools outside the district prefix
 * @skipped_school_form: of @skipped, schools whose form does not lead to
 *   the Abitur (with hp_import_set_abitur_only())
 * @skipped_closed: of @skipped, closed schools
 * @skipped_year: of @skipped, graduates of another year
 * @skipped_no_year: of @skipped, graduates whose row states no year while
 *   other rows of the file do
 * @no_year_in_file: the file has a year column but no row states a year
 *   (all empty or placeholders such as `--`): the year filter did not apply
 * @no_name: graduate rows without any name: left out, not in @skipped
 * @contacts_without_consent: graduates added whose e-mail or phone was left
 *   out because the row gives no consent date and source
 *
 * @sponsors_added: sponsors (with #HP_IMPORT_SPONSORS) new to the store;
 *   a sponsor spanning rows (one row per gift) counts once. @added,
 *   @updated and @unchanged count the same sponsors.
 * @sponsors_updated: stored sponsors (found by name: trimmed, any case)
 *   whose empty fields the file filled
 * @sponsors_unchanged: stored sponsors the file named and left as they were
 * @gifts_added: new gifts (a sponsor's item); a gift is found by sponsor
 *   and item name
 * @gifts_updated: stored gifts whose empty value per piece the file filled
 * @pledges_set: pledges of the campaign created, or changed to the pieces
 *   the file says
 * @conflicts: values of the file that differ from a non-empty stored one
 *   (a sponsor's contact, phone, e-mail or address, a gift's value per
 *   piece): the stored value is kept
 *
 * For graduates, @rows = @added + @duplicates + @skipped + @no_name. For
 * sponsors, @no_name counts rows without a sponsor's name and without any
 * other value read (a row with values but no name is an error).
 */
typedef struct
{
  guint rows;
  guint added;
  guint updated;
  guint unchanged;
  guint skipped;
  guint duplicates;
  guint repaired;
  guint repaired_district_key;
  guint repaired_postcode;
  guint repaired_school_form;
  guint repaired_phone_prefix;
  guint completed_district_key;
  guint skipped_district;
  guint skipped_school_form;
  guint skipped_closed;
  guint skipped_year;
  guint skipped_no_year;
  gboolean no_year_in_file;
  guint no_name;
  guint contacts_without_consent;
  guint sponsors_added;
  guint sponsors_updated;
  guint sponsors_unchanged;
  guint gifts_added;
  guint gifts_updated;
  guint pledges_set;
  guint conflicts;
} HpImportResult;

/**
 * HpImportProgressFunc:
 * @fraction: 0.0 … 1.0
 *
 * Called now and then during hp_import_run(), in its thread.
 */
typedef void (*HpImportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct _HpImport HpImport;

/* The fields of @kind: @index < hp_import_get_n_fields() */
guint                hp_import_get_n_fields (HpImportKind          kind);
const HpImportField *hp_import_get_field    (HpImportKind          kind,
                                             guint                 index);

/**
 * hp_import_new:
 * @store: where the rows go
 * @kind: schools or graduates
 * @path: the CSV or XLSX file
 * @options: (nullable): how to read it
 *
 * Opens @path and maps its columns by their header names.
 *
 * Returns: (transfer full) (nullable): the import, ready to run.
 */
HpImport            *hp_import_new          (HpStore              *store,
                                             HpImportKind          kind,
                                             const char           *path,
                                             const HpTableOptions *options,
                                             GError              **error);
HpTableReader       *hp_import_get_reader   (HpImport             *self);

/**
 * hp_import_set_mapping:
 * @field: a field name (HpImportField.name)
 * @header: (nullable): the column's header, or %NULL for none
 *
 * Returns: %FALSE with %HP_IMPORT_ERROR_MISSING_COLUMN if the file has no
 *   such column, or %HP_IMPORT_ERROR_FAILED for an unknown field.
 */
gboolean             hp_import_set_mapping  (HpImport             *self,
                                             const char           *field,
                                             const char           *header,
                                             GError              **error);
/* Returns: (nullable): the header mapped to @field */
const char          *hp_import_get_mapping  (HpImport             *self,
                                             const char           *field);

/* Schools: only district keys (Gemeindeschlüssel) starting with @prefix,
 * e.g. "05958" for the Hochsauerlandkreis; NULL for all. */
void                 hp_import_set_district_prefix (HpImport      *self,
                                                    const char    *prefix);
/* Schools: only school forms that lead to the Abitur (see
 * hp_import_school_form_leads_to_abitur()). */
void                 hp_import_set_abitur_only     (HpImport      *self,
                                                    gboolean       abitur_only);
/* Schools: keep schools whose status says they are closed (NRW
 * Schulbetriebsschluessel 9). Default FALSE: closed schools are skipped. */
void                 hp_import_set_include_closed  (HpImport      *self,
                                                    gboolean       include_closed);

/* Graduates: the campaign they belong to (required). Sponsors: the campaign
 * of the pledged pieces (needed only when the file has some). */
void                 hp_import_set_campaign        (HpImport      *self,
                                                    gint64         campaign_id);
/* Graduates: all rows go to this school (its official number); otherwise a
 * column mapped to "school_number" says which school each row belongs to. */
void                 hp_import_set_school          (HpImport      *self,
                                                    const char    *school_number);
/**
 * hp_import_set_leaving_year:
 * @value: (nullable): keep rows whose year column (`Jahrgang`, `Stufe`) has
 *   this value; "" keeps every row; %NULL (the default) keeps "Q2" and "13"
 *
 * Only applies to rows that state a year: when no row of the file does
 * (the column is empty or holds placeholders like `--`), every row is kept
 * (#HpImportResult.no_year_in_file); otherwise rows without a year are left
 * out and counted in #HpImportResult.skipped_no_year.
 */
void                 hp_import_set_leaving_year    (HpImport      *self,
                                                    const char    *value);
/* Graduates of one school (hp_import_set_school()): mark its list complete
 * in the campaign at the end of the run, in the same transaction; not when
 * nothing was imported (see hp_import_describe_nothing_imported()). */
void                 hp_import_set_list_complete   (HpImport      *self,
                                                    gboolean       list_complete);

/**
 * hp_import_is_placeholder:
 * @value: a trimmed cell value
 *
 * Whether @value only says "no value": `-`, `--`, `/`, `k. A.`, `n. v.`,
 * `null`, `n/a` and the like. Such cells count as empty in every field.
 */
gboolean             hp_import_is_placeholder      (const char    *value);

/**
 * HpImportAdvice:
 * @HP_IMPORT_ADVICE_CLI: name `heimpack-cli import` options (`--year`,
 *   `--district`, `--map` …)
 * @HP_IMPORT_ADVICE_WINDOW: name the import assistant's rows ("All Years",
 *   "All Districts", the Columns step …)
 *
 * How hp_import_describe_nothing_imported() says how to widen a filter.
 */
typedef enum
{
  HP_IMPORT_ADVICE_CLI,
  HP_IMPORT_ADVICE_WINDOW,
} HpImportAdvice;

/**
 * hp_import_describe_nothing_imported:
 * @result: the counts of a run
 *
 * When rows were read but nothing was imported because filters left every
 * row out (or no row had a name), says which filter and how to widen it,
 * in the words of @advice.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL when something
 *   was imported, or the file had no rows
 */
char                *hp_import_describe_nothing_imported (HpImport            *self,
                                                          const HpImportResult *result,
                                                          HpImportAdvice       advice);

/**
 * HpImportDistrict:
 * @key: the district's key: the first five digits of the municipality key
 *   (Land, Regierungsbezirk, Kreis), e.g. "05958" for the
 *   Hochsauerlandkreis; "" for rows without a municipality key
 * @towns: (array zero-terminated=1): the towns (`Ort`) of its schools,
 *   each once, sorted as people sort them (g_utf8_collate_key())
 * @n_schools: schools of the file with this key, closed ones left out
 *   unless hp_import_set_include_closed() was set
 * @n_abitur: of @n_schools, those whose school form leads to the Abitur
 *
 * A district found in a school directory by hp_import_list_districts().
 */
typedef struct
{
  char  *key;
  char **towns;
  guint  n_schools;
  guint  n_abitur;
} HpImportDistrict;

/* Frees a district of hp_import_list_districts() (the array's free func) */
void                 hp_import_district_free      (HpImportDistrict *district);

/**
 * hp_import_list_districts:
 * @cancellable: (nullable): cancels with %G_IO_ERROR_CANCELLED
 *
 * Schools: reads the whole file and lists the districts its schools are
 * in, with the municipality keys repaired or completed (SVWS `RegSchl`)
 * exactly as hp_import_run() would; the district prefix and abitur-only
 * filters are ignored (the list is what to choose them from). Stores
 * nothing. Like hp_import_run(), runs once per #HpImport, and either one
 * or the other; may be called in a worker thread.
 *
 * Returns: (transfer full) (element-type HpImportDistrict): the districts,
 *   sorted by key; %NULL with @error when the file cannot be read (line
 *   and column named) or has no municipality key column
 */
GPtrArray           *hp_import_list_districts     (HpImport      *self,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

/**
 * HpImportSchoolChange:
 * @HP_IMPORT_SCHOOL_ADDED: a schools import adds the school
 * @HP_IMPORT_SCHOOL_UPDATED: a schools import changes the stored school
 * @HP_IMPORT_SCHOOL_UNCHANGED: a schools import finds it as stored
 * @HP_IMPORT_SCHOOL_GRADUATES: a graduates import has rows of the school
 */
typedef enum
{
  HP_IMPORT_SCHOOL_ADDED,
  HP_IMPORT_SCHOOL_UPDATED,
  HP_IMPORT_SCHOOL_UNCHANGED,
  HP_IMPORT_SCHOOL_GRADUATES,
} HpImportSchoolChange;

/**
 * HpImportSchoolSummary:
 * @number: the school's official number
 * @name: its name (schools: as the file has it; graduates: as stored)
 * @town: (nullable): its town
 * @change: what the import does with the school itself
 * @added: graduates: new graduates of the school
 * @duplicates: graduates: rows already listed (in the file or the campaign)
 * @skipped: graduates: rows left out by the leaving year (another year, or
 *   no year while other rows state one)
 * @no_name: graduates: rows without any name, left out
 * @listed_before: graduates: the school's graduates in the campaign
 *   before the import
 * @list_complete: graduates: the school's list was already marked complete
 *   in the campaign before the import
 *
 * What one run did (or, for a dry run, would do) to one school.
 */
typedef struct
{
  char                 *number;
  char                 *name;
  char                 *town;
  HpImportSchoolChange  change;
  guint                 added;
  guint                 duplicates;
  guint                 skipped;
  guint                 no_name;
  guint                 listed_before;
  gboolean              list_complete;
} HpImportSchoolSummary;

/**
 * hp_import_get_schools:
 *
 * After hp_import_run() (a dry run too): per school what the run did.
 * Schools imports list every school added, updated or found unchanged (not
 * those the filters left out); graduates imports every school a row was
 * counted for (rows whose school is unknown stop the import anyway).
 * Sponsors imports: empty.
 *
 * Returns: (transfer none) (element-type HpImportSchoolSummary): sorted by
 *   number; owned by the import; empty before the run and after a run
 *   that failed
 */
GPtrArray           *hp_import_get_schools        (HpImport      *self);

/**
 * hp_import_run:
 * @dry_run: roll back at the end: only count
 * @result: (out caller-allocates): the counts
 * @progress: (nullable): progress callback
 * @cancellable: (nullable): cancels with %G_IO_ERROR_CANCELLED; nothing is
 *   stored then
 *
 * Reads every row and stores it, all in one transaction of the calling
 * thread. May be called in a worker thread: it then writes through the
 * store's worker connection, no other thread sees its rows before the
 * commit, and the owner thread's writes meanwhile fail with
 * %HP_STORE_ERROR_BUSY (see the threading contract in hp-store.h). Runs
 * once per #HpImport.
 */
gboolean             hp_import_run          (HpImport             *self,
                                             gboolean              dry_run,
                                             HpImportResult       *result,
                                             HpImportProgressFunc  progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);
void                 hp_import_free         (HpImport             *self);

/**
 * hp_import_school_form_leads_to_abitur:
 * @code: an NRW Schulform key, e.g. "20"
 *
 * The school forms with a gymnasiale Oberstufe or another way to the Abitur:
 * Gymnasium (20), Gesamtschule (15), Freie Waldorfschule (17), Freie
 * Waldorfförderschule (19), Förderschule im Bereich Gymnasium (87) — the
 * `hatGymOb` forms
 * of the SVWS-Server's Schulform table (SVWS-NRW/SVWS-Server,
 * `svws-asd/.../schule/Schulform.json`, BSD-3-Clause) — plus Berufskolleg
 * (30, berufliches Gymnasium) and Weiterbildungskolleg (25, Abendgymnasium
 * and Kolleg).
 */
gboolean             hp_import_school_form_leads_to_abitur (const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HpImport, hp_import_free)

G_END_DECLS
