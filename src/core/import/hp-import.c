/* hp-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpImport: rows of an HpTableReader into the store. This file maps columns
 * by header name and runs the import loop (one transaction, all or nothing,
 * cancellable, with progress); hp-import-rows.c turns one row into a school
 * or a graduate, with the filters and code repairs.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-backup.h"
#include "heimpack/hp-format.h"
#include "hp-batch-pipe-private.h"
#include "hp-import-private.h"
#include "hp-table-reader-private.h"

/* Rows handed from the reader thread to the importing one at a time, and
 * how many such batches may be under way (bounded: memory stays flat). */
#define BATCH_ROWS    1024
#define BATCHES       4

/* The longest placeholder ("keine angabe"), in bytes */
#define PLACEHOLDER_MAX 12

/* The first bytes placeholders start with */
static inline gboolean
placeholder_start (char c)
{
  switch (c)
    {
    case '-': case '/': case '?': case '.': case 'k': case 'K': case 'n': case 'N': case '\xE2':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Header aliases, compared after normalize_header(). */
static const HpImportFieldSpec school_specs[] = {
  { { "number", N_("School number"), TRUE }, { "schulnummer", "schulnr", "nummer", "schulnummerdienststelle", NULL } },
  { { "name", N_("School name"), FALSE }, { "schulname", "name", "bezeichnung", "schulbezeichnung", NULL } },
  { { "name_1", N_("School name, part 1"), FALSE }, { "schulbezeichnung1", "bezeichnung1", "name1", "abez1", NULL } },
  { { "name_2", N_("School name, part 2"), FALSE }, { "schulbezeichnung2", "bezeichnung2", "name2", "abez2", NULL } },
  { { "name_3", N_("School name, part 3"), FALSE }, { "schulbezeichnung3", "bezeichnung3", "name3", "abez3", NULL } },
  { { "street", N_("Street"), FALSE }, { "strasse", "strassehausnummer", "anschrift", "adresse", NULL } },
  { { "postcode", N_("Postcode"), FALSE }, { "plz", "postleitzahl", NULL } },
  { { "town", N_("Town"), FALSE }, { "ort", "stadt", "schulort", NULL } },
  { { "district_key", N_("Municipality key"), FALSE }, { "gemeindeschluessel", "ags", "regschl", "regionalschluessel", "gemeindekennziffer", NULL } },
  { { "school_form", N_("School form"), FALSE }, { "schulform", "sf", "schulformschluessel", NULL } },
  { { "phone_prefix", N_("Area code"), FALSE }, { "telefonvorwahl", "vorwahl", "telvorw", NULL } },
  { { "phone", N_("Phone"), FALSE }, { "telefon", "telefonnummer", "tel", NULL } },
  { { "email", N_("E-mail"), FALSE }, { "email", "mail", "emailadresse", NULL } },
  { { "contact_teacher", N_("Contact teacher"), FALSE }, { "ansprechpartner", "kontaktlehrer", "lehrkraft", "kontakt", NULL } },
  { { "status", N_("Operating status"), FALSE }, { "schulbetriebsschluessel", "betriebsstatus", "status", "schbetrschl", NULL } },
};

static const HpImportFieldSpec graduate_specs[] = {
  { { "last_name", N_("Last name"), FALSE }, { "nachname", "name", "familienname", "zuname", NULL } },
  { { "first_name", N_("First name"), FALSE }, { "vorname", "rufname", "vornamen", NULL } },
  { { "class", N_("Class"), FALSE }, { "klasse", "klassenbezeichnung", "kurs", NULL } },
  { { "year", N_("Year (Jahrgang)"), FALSE }, { "jahrgang", "stufe", "jahrgangsstufe", "jgst", NULL } },
  { { "birth_date", N_("Birth date"), FALSE }, { "gebdat", "geburtsdatum", "geburtstag", "gebdatum", NULL } },
  { { "school_number", N_("School number"), FALSE }, { "schulnummer", "schulnr", NULL } },
  /* Contact data for the returnee network: stored only for rows with a
   * consent date and source (hp-import-rows.c) */
  { { "consent_date", N_("Consent given on"), FALSE }, { "einwilligung", "einwilligungsdatum", "einwilligungam", NULL } },
  { { "consent_source", N_("Consent source"), FALSE }, { "einwilligungsquelle", "quelledereinwilligung", NULL } },
  { { "email", N_("E-mail"), FALSE }, { "email", "mail", "emailadresse", NULL } },
  { { "phone", N_("Phone"), FALSE }, { "telefon", "telefonnummer", "handy", "mobil", NULL } },
};

static const HpImportFieldSpec *
specs_for (HpImportKind  kind,
           guint        *n_specs)
{
  switch (kind)
    {
    case HP_IMPORT_SCHOOLS:
      *n_specs = G_N_ELEMENTS (school_specs);
      return school_specs;
    case HP_IMPORT_GRADUATES:
      *n_specs = G_N_ELEMENTS (graduate_specs);
      return graduate_specs;
    case HP_IMPORT_SPONSORS:
      return _hp_import_sponsor_specs (n_specs);
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
hp_import_get_n_fields (HpImportKind kind)
{
  guint n_specs = 0;

  specs_for (kind, &n_specs);
  return n_specs;
}

const HpImportField *
hp_import_get_field (HpImportKind kind,
                     guint        index)
{
  guint n_specs = 0;
  const HpImportFieldSpec *specs = specs_for (kind, &n_specs);

  g_return_val_if_fail (index < n_specs, NULL);
  return &specs[index].field;
}

/* "Schulbezeichnung_1" → "schulbezeichnung1", "Geb.-Datum" → "gebdatum",
 * "Gemeindeschlüssel" → "gemeindeschluessel". */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0x00E4: g_string_append (out, "ae"); break;   /* ä */
        case 0x00F6: g_string_append (out, "oe"); break;   /* ö */
        case 0x00FC: g_string_append (out, "ue"); break;   /* ü */
        case 0x00DF: g_string_append (out, "ss"); break;   /* ß */
        default:
          if (g_unichar_isalnum (c))
            g_string_append_unichar (out, c);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
find_spec (HpImport   *self,
           const char *field)
{
  for (guint i = 0; i < self->n_specs; i++)
    if (g_str_equal (self->specs[i].field.name, field))
      return (int) i;

  return -1;
}

static void
guess_mapping (HpImport *self)
{
  const char * const *header = hp_table_reader_get_header (self->reader);
  guint n_columns = hp_table_reader_get_n_columns (self->reader);
  g_autoptr(GPtrArray) normalized = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (normalized, normalize_header (header[c]));

  for (guint i = 0; i < self->n_specs; i++)
    {
      self->columns[i] = -1;

      /* Aliases in order of preference, then columns left to right. */
      for (guint a = 0; self->specs[i].aliases[a] != NULL && self->columns[i] < 0; a++)
        for (guint c = 0; c < n_columns; c++)
          if (g_str_equal (g_ptr_array_index (normalized, c), self->specs[i].aliases[a]))
            {
              self->columns[i] = (int) c;
              break;
            }
    }
}

static void
school_summary_free (gpointer data)
{
  HpImportSchoolSummary *summary = data;

  g_free (summary->number);
  g_free (summary->name);
  g_free (summary->town);
  g_free (summary);
}

static int
compare_school_summaries (gconstpointer a,
                          gconstpointer b)
{
  const HpImportSchoolSummary *sa = *(HpImportSchoolSummary * const *) a;
  const HpImportSchoolSummary *sb = *(HpImportSchoolSummary * const *) b;

  return strcmp (sa->number, sb->number);
}

HpImport *
hp_import_new (HpStore               *store,
               HpImportKind           kind,
               const char            *path,
               const HpTableOptions  *options,
               GError               **error)
{
  g_autoptr(HpImport) self = NULL;

  g_return_val_if_fail (HP_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (HpImport, 1);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->specs = specs_for (kind, &self->n_specs);
  self->columns = g_new0 (int, self->n_specs);
  self->schools = g_ptr_array_new_with_free_func (school_summary_free);

  self->reader = hp_table_reader_open (path, options, error);
  if (self->reader == NULL)
    return NULL;

  /* To open the same table a second time (the year scan) */
  self->path = g_strdup (path);
  if (options != NULL)
    self->options = *options;
  self->options_encoding = g_strdup (self->options.encoding);
  self->options.encoding = self->options_encoding;
  self->options.sheet = hp_table_reader_get_sheet (self->reader);
  self->options.header_line = hp_table_reader_get_header_line (self->reader);

  guess_mapping (self);
  return g_steal_pointer (&self);
}

HpTableReader *
hp_import_get_reader (HpImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reader;
}

gboolean
hp_import_set_mapping (HpImport    *self,
                       const char  *field,
                       const char  *header,
                       GError     **error)
{
  const char * const *names;
  int spec;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  spec = find_spec (self, field);
  if (spec < 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_FAILED, _("There is no field “%s” to map."), field);
      return FALSE;
    }

  if (header == NULL)
    {
      self->columns[spec] = -1;
      return TRUE;
    }

  names = hp_table_reader_get_header (self->reader);
  for (guint c = 0; names[c] != NULL; c++)
    if (g_str_equal (names[c], header))
      {
        self->columns[spec] = (int) c;
        return TRUE;
      }

  g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
               _("%s has no column “%s”."), hp_table_reader_get_display_name (self->reader), header);
  return FALSE;
}

const char *
hp_import_get_mapping (HpImport   *self,
                       const char *field)
{
  int spec;

  g_return_val_if_fail (self != NULL, NULL);

  spec = find_spec (self, field);
  if (spec < 0 || self->columns[spec] < 0)
    return NULL;

  return hp_table_reader_get_header (self->reader)[self->columns[spec]];
}

void
hp_import_set_district_prefix (HpImport   *self,
                               const char *prefix)
{
  g_return_if_fail (self != NULL);
  g_free (self->district_prefix);
  self->district_prefix = prefix && *prefix ? g_strdup (prefix) : NULL;
}

void
hp_import_set_abitur_only (HpImport *self,
                           gboolean  abitur_only)
{
  g_return_if_fail (self != NULL);
  self->abitur_only = abitur_only;
}

void
hp_import_set_include_closed (HpImport *self,
                              gboolean  include_closed)
{
  g_return_if_fail (self != NULL);
  self->include_closed = include_closed;
}

void
hp_import_set_campaign (HpImport *self,
                        gint64    campaign_id)
{
  g_return_if_fail (self != NULL);
  self->campaign_id = campaign_id;
}

void
hp_import_set_school (HpImport   *self,
                      const char *school_number)
{
  g_return_if_fail (self != NULL);
  g_free (self->school_number);
  self->school_number = g_strdup (school_number);
}

void
hp_import_set_list_complete (HpImport *self,
                             gboolean  list_complete)
{
  g_return_if_fail (self != NULL);
  self->list_complete = list_complete;
}

void
hp_import_set_leaving_year (HpImport   *self,
                            const char *value)
{
  g_return_if_fail (self != NULL);
  g_free (self->leaving_year);
  self->leaving_year = g_strdup (value);
}

/* ------------------------------------------------------------------------ */
/* Running                                                                   */

/*
 * _hp_import_value_error:
 * "FILE, line N, column “Header”: problem". Always returns FALSE.
 */
gboolean
_hp_import_value_error (HpImport     *self,
                        GError      **error,
                        guint         line,
                        int           spec,
                        const char   *message)
{
  const char *name = hp_table_reader_get_display_name (self->reader);

  if (spec >= 0 && self->columns[spec] >= 0)
    /* TRANSLATORS: "FILE, line N, column “HEADER”: problem" */
    g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE, _("%s, line %u, column “%s”: %s"), name, line,
                 hp_table_reader_get_header (self->reader)[self->columns[spec]], message);
  else
    g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_VALUE, _("%s, line %u: %s"), name, line, message);

  return FALSE;
}

/* The value of field @spec in @fields, trimmed; "" if it has no column. */
const char *
_hp_import_value (HpImport           *self,
                  const char * const *fields,
                  int                 spec,
                  GString            *scratch)
{
  const char *value;

  if (spec < 0 || self->columns[spec] < 0)
    return "";

  value = fields[self->columns[spec]];
  while (g_ascii_isspace (*value))
    value++;
  g_string_assign (scratch, value);
  while (scratch->len > 0 && g_ascii_isspace (scratch->str[scratch->len - 1]))
    g_string_truncate (scratch, scratch->len - 1);

  /* Length and first byte first: most values are no placeholder. */
  if (scratch->len > 0 && scratch->len <= PLACEHOLDER_MAX && placeholder_start (scratch->str[0]) &&
      hp_import_is_placeholder (scratch->str))
    g_string_truncate (scratch, 0);

  return scratch->str;
}

/* "--", "k. A." (keine Angabe), "n. v." (nicht vorhanden) … */
static const char * const placeholders[] = {
  "-", "--", "---", "\u2013", "\u2014", "/", "//", "?", "??", ".", "...", "k.a.", "k. a.", "k.a", "k. a",
  "n.v.", "n. v.", "n.v", "n/a", "null", "nil", "none", "keine", "keine angabe",
};


gboolean
hp_import_is_placeholder (const char *value)
{
  gsize len;

  g_return_val_if_fail (value != NULL, FALSE);

  len = strlen (value);
  if (len == 0 || len > PLACEHOLDER_MAX || !placeholder_start (value[0]))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strlen (placeholders[i]) == len && g_ascii_strcasecmp (value, placeholders[i]) == 0)
      return TRUE;

  return FALSE;
}

int
_hp_import_spec (HpImport   *self,
                 const char *field)
{
  return find_spec (self, field);
}

static gboolean
check_required (HpImport  *self,
                GError   **error)
{
  /* A graduate list is a list of people: a postcode list is not. */
  if (self->kind == HP_IMPORT_GRADUATES &&
      self->columns[find_spec (self, "last_name")] < 0 && self->columns[find_spec (self, "first_name")] < 0)
    {
      g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s has no column for the graduates’ last or first names, so it is no list of graduates. "
                     "If it is one, choose the column, e.g. with --map last_name=HEADER."),
                   hp_table_reader_get_display_name (self->reader));
      return FALSE;
    }

  for (guint i = 0; i < self->n_specs; i++)
    if (self->specs[i].field.required && self->columns[i] < 0)
      {
        g_set_error (error, HP_IMPORT_ERROR, HP_IMPORT_ERROR_MISSING_COLUMN,
                     _("%s has no column for “%s”. Choose one, e.g. with --map %s=HEADER."),
                     hp_table_reader_get_display_name (self->reader), _(self->specs[i].field.label),
                     self->specs[i].field.name);
        return FALSE;
      }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The reader thread: parsing (and decoding) the file runs on the second core
 * while this thread writes to the store (hp-batch-pipe-private.h). */

typedef struct
{
  /* The rows' strings live in one chunk and the fields are a flat array of
   * n_columns + 1 (NULL) pointers per row: no allocation per field, and
   * nothing allocated in one thread is freed in the other. */
  GStringChunk *strings;
  GPtrArray    *fields;     /* schools: the raw fields */
  GArray       *prepared;   /* graduates: HpPreparedRow, resolved by the reader */
  GArray       *lines;      /* guint, one per row */
  guint         n_rows;
  double        progress;
} Batch;

static gpointer
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->strings = g_string_chunk_new (64 * 1024);
  batch->fields = g_ptr_array_new ();
  batch->prepared = g_array_sized_new (FALSE, FALSE, sizeof (HpPreparedRow), BATCH_ROWS);
  batch->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), BATCH_ROWS);
  return batch;
}

static void
batch_clear (gpointer data)
{
  Batch *batch = data;

  g_string_chunk_clear (batch->strings);
  g_ptr_array_set_size (batch->fields, 0);
  g_array_set_size (batch->prepared, 0);
  g_array_set_size (batch->lines, 0);
  batch->n_rows = 0;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_chunk_free (batch->strings);
  g_ptr_array_unref (batch->fields);
  g_array_unref (batch->prepared);
  g_array_unref (batch->lines);
  g_free (batch);
}

static void
read_batches (HpBatchPipe *pipe,
              gpointer     user_data)
{
  HpImport *import = user_data;
  Batch *batch;

  while ((batch = hp_batch_pipe_take (pipe)) != NULL)
    {
      GError *error = NULL;
      const char * const *fields;
      guint line;

      while (batch->n_rows < BATCH_ROWS &&
             hp_table_reader_next (import->reader, &fields, &line, &error))
        {
          if (import->kind == HP_IMPORT_GRADUATES)
            {
              HpPreparedRow row;

              /* A row that cannot be imported ends the batch like a reading
               * error: the rows before it are counted first. */
              if (!_hp_import_prepare_graduate (import, fields, line, batch->strings, &row, &error))
                break;
              g_array_append_val (batch->prepared, row);
            }
          else
            {
              for (guint c = 0; fields[c] != NULL; c++)
                g_ptr_array_add (batch->fields, g_string_chunk_insert (batch->strings, fields[c]));
              g_ptr_array_add (batch->fields, NULL);
            }
          g_array_append_val (batch->lines, line);
          batch->n_rows++;
        }

      batch->progress = hp_table_reader_get_progress (import->reader);
      if (batch->n_rows < BATCH_ROWS || error != NULL)
        {
          hp_batch_pipe_give (pipe, batch, TRUE, error);
          return;
        }
      hp_batch_pipe_give (pipe, batch, FALSE, NULL);
    }
}

static const HpBatchPipeFuncs import_pipe_funcs = {
  .new_batch = batch_new,
  .clear_batch = batch_clear,
  .free_batch = batch_free,
  .produce = read_batches,
};

/*
 * scan_years:
 * Does any row state a year? Reads a second time up to the first row that
 * does (usually the first row): only a file whose year column is all empty
 * or placeholders is read through. A reading error here is left to the run.
 */
static void
scan_years (HpImport *self)
{
  int spec = find_spec (self, "year");
  g_autoptr(HpTableReader) reader = NULL;
  g_autoptr(GString) scratch = NULL;
  const char * const *fields;

  /* No column, or no filter ("" keeps all): nothing to know */
  self->year_in_file = FALSE;
  if (self->columns[spec] < 0 || (self->leaving_year != NULL && *self->leaving_year == '\0'))
    return;

  reader = hp_table_reader_open (self->path, &self->options, NULL);
  if (reader == NULL || hp_table_reader_get_n_columns (reader) != hp_table_reader_get_n_columns (self->reader))
    {
      self->year_in_file = TRUE;
      return;
    }

  scratch = g_string_new (NULL);
  while (hp_table_reader_next (reader, &fields, NULL, NULL))
    if (*_hp_import_value (self, fields, spec, scratch) != '\0')
      {
        self->year_in_file = TRUE;
        return;
      }
}

static gboolean
nothing_imported (const HpImportResult *result)
{
  return result->rows > 0 && result->added + result->updated + result->unchanged + result->duplicates == 0 &&
         result->skipped + result->no_name > 0;
}

/* One more sentence of the "nothing imported" text */
G_GNUC_PRINTF (2, 3)
static void
append_sentence (GString    *text,
                 const char *format,
                 ...)
{
  va_list args;

  g_string_append_c (text, ' ');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

char *
hp_import_describe_nothing_imported (HpImport             *self,
                                     const HpImportResult *r,
                                     HpImportAdvice        advice)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *skipped_year_text = NULL;
  g_autofree char *skipped_no_year_text = NULL;
  g_autofree char *skipped_district_text = NULL;
  g_autofree char *skipped_school_form_text = NULL;
  g_autofree char *skipped_closed_text = NULL;
  g_autofree char *no_name_text = NULL;
  gboolean cli = advice == HP_IMPORT_ADVICE_CLI;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (advice == HP_IMPORT_ADVICE_CLI || advice == HP_IMPORT_ADVICE_WINDOW, NULL);

  if (!nothing_imported (r))
    return NULL;

  if (self->kind == HP_IMPORT_SPONSORS)
    return _hp_import_describe_sponsors_nothing (self, r, advice);

  /* The window's advice names the import assistant's rows and steps by their
   * labels, through the same msgids, so that the words match. */
  rows_text = hp_format_count (r->rows);
  skipped_year_text = hp_format_count (r->skipped_year);
  skipped_no_year_text = hp_format_count (r->skipped_no_year);
  skipped_district_text = hp_format_count (r->skipped_district);
  skipped_school_form_text = hp_format_count (r->skipped_school_form);
  skipped_closed_text = hp_format_count (r->skipped_closed);
  no_name_text = hp_format_count (r->no_name);
  text = g_string_new (NULL);
  /* Translators: the counts in these sentences are written the language's
   * way (1,052 / 1.052); ngettext chooses the form by the number */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Nothing was imported from the %s row of %s:",
                                             "Nothing was imported from the %s rows of %s:", r->rows),
                          rows_text, hp_table_reader_get_display_name (self->reader));

  if (r->skipped_year > 0)
    {
      g_autofree char *year = g_strdup (self->leaving_year != NULL ? self->leaving_year : "Q2/13");

      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row is of another year than %s; choose the year with --year VALUE, "
                                      "or keep every row with --year \"\".",
                                      "%s rows are of another year than %s; choose the year with --year VALUE, "
                                      "or keep every row with --year \"\".", r->skipped_year),
                         skipped_year_text, year);
      else
        append_sentence (text,
                         /* TRANSLATORS: the third %s is "Leaving Year", the fourth "All Years" (the import
                          * assistant's row and its choice) */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row is of another year than %s; choose the year under “%s”, "
                                      "or keep every row with “%s”.",
                                      "%s rows are of another year than %s; choose the year under “%s”, "
                                      "or keep every row with “%s”.", r->skipped_year),
                         skipped_year_text, year, _("Leaving Year"), _("All Years"));
    }
  if (r->skipped_no_year > 0)
    {
      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row states no year while others do; keep it with --year \"\".",
                                      "%s rows state no year while others do; keep them with --year \"\".",
                                      r->skipped_no_year),
                         skipped_no_year_text);
      else
        append_sentence (text,
                         /* TRANSLATORS: %s is "All Years", a choice of the import assistant's "Leaving Year" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row states no year while others do; choose “%s” to keep it.",
                                      "%s rows state no year while others do; choose “%s” to keep them.",
                                      r->skipped_no_year),
                         skipped_no_year_text, _("All Years"));
    }
  if (r->skipped_district > 0)
    {
      const char *district = self->district_prefix != NULL ? self->district_prefix : "";

      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school is outside the district %s; check the key or leave out --district.",
                                      "%s schools are outside the district %s; check the key or leave out --district.",
                                      r->skipped_district),
                         skipped_district_text, district);
      else
        append_sentence (text,
                         /* TRANSLATORS: the second %s is "All Districts", the first choice of the import
                          * assistant's "District" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school is outside the district %s; choose another district or “%s”.",
                                      "%s schools are outside the district %s; choose another district or “%s”.",
                                      r->skipped_district),
                         skipped_district_text, district, _("All Districts"));
    }
  if (r->skipped_school_form > 0)
    {
      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school does not lead to the Abitur; leave out --abitur-only.",
                                      "%s schools do not lead to the Abitur; leave out --abitur-only.",
                                      r->skipped_school_form),
                         skipped_school_form_text);
      else
        append_sentence (text,
                         /* TRANSLATORS: %s is the import assistant's switch "Only Schools That Lead to the Abitur" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school does not lead to the Abitur; turn off “%s”.",
                                      "%s schools do not lead to the Abitur; turn off “%s”.",
                                      r->skipped_school_form),
                         skipped_school_form_text, _("Only Schools That Lead to the Abitur"));
    }
  if (r->skipped_closed > 0)
    {
      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school is closed; add --include-closed to import it.",
                                      "%s schools are closed; add --include-closed to import them.",
                                      r->skipped_closed),
                         skipped_closed_text);
      else
        append_sentence (text,
                         /* TRANSLATORS: %s is the import assistant's switch "Include Closed Schools" */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s school is closed; turn on “%s” to import it.",
                                      "%s schools are closed; turn on “%s” to import them.",
                                      r->skipped_closed),
                         skipped_closed_text, _("Include Closed Schools"));
    }
  if (r->no_name > 0)
    {
      if (cli)
        append_sentence (text,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row has no name; check which column holds the names (--map last_name=HEADER).",
                                      "%s rows have no name; check which column holds the names (--map last_name=HEADER).",
                                      r->no_name),
                         no_name_text);
      else
        append_sentence (text,
                         /* TRANSLATORS: %s is "Columns", the import assistant's step where columns are assigned */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s row has no name; check on the “%s” step which column holds the names.",
                                      "%s rows have no name; check on the “%s” step which column holds the names.",
                                      r->no_name),
                         no_name_text, _("Columns"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
hp_import_run (HpImport              *self,
               gboolean               dry_run,
               HpImportResult        *result,
               HpImportProgressFunc   progress,
               gpointer               user_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  HpBatchPipe *pipe = NULL;
  gboolean done = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (!self->ran, FALSE);

  self->ran = TRUE;
  memset (result, 0, sizeof *result);

  /* a copy first (not held inside the transaction), so the import can be undone */
  if (!check_required (self, error) ||
      (!dry_run && !hp_backup_before_import (self->store, error)) ||
      !hp_store_begin (self->store, error))
    return FALSE;

  if (!_hp_import_prepare (self, error))
    goto out;

  if (self->kind == HP_IMPORT_GRADUATES)
    {
      scan_years (self);
      result->no_year_in_file = self->columns[find_spec (self, "year")] >= 0 && !self->year_in_file &&
                                !(self->leaving_year != NULL && *self->leaving_year == '\0');
    }

  pipe = hp_batch_pipe_start (&import_pipe_funcs, BATCHES, "hp-import-reader", self, &local_error);

  while (pipe != NULL && !done && local_error == NULL)
    {
      g_autoptr(GError) reader_error = NULL;
      Batch *batch = hp_batch_pipe_next (pipe, &done, &reader_error);
      guint width = hp_table_reader_get_n_columns (self->reader) + 1;

      for (guint i = 0; i < batch->n_rows && local_error == NULL; i++)
        {
          result->rows++;
          if (self->kind == HP_IMPORT_GRADUATES)
            _hp_import_store_graduate (self, &g_array_index (batch->prepared, HpPreparedRow, i), result,
                                       &local_error);
          else
            _hp_import_row (self, (const char * const *) batch->fields->pdata + (gsize) i * width,
                            g_array_index (batch->lines, guint, i), result, &local_error);
        }

      if (local_error == NULL && reader_error != NULL)
        local_error = g_steal_pointer (&reader_error);
      if (local_error == NULL)
        g_cancellable_set_error_if_cancelled (cancellable, &local_error);
      if (local_error == NULL && progress != NULL)
        progress (batch->progress, user_data);

      hp_batch_pipe_recycle (pipe, batch);
    }

  /* Stops the reader if it still runs, and waits for it. */
  g_clear_pointer (&pipe, hp_batch_pipe_free);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  if (self->list_complete && self->fixed_school_id != 0 && !nothing_imported (result) &&
      !hp_store_set_school_list_complete (self->store, self->campaign_id, self->fixed_school_id, TRUE, error))
    goto out;

  ok = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);

out:
  /* Per school: sorted after a run, nothing after a failed one */
  self->last_summary = NULL;
  if (ok)
    g_ptr_array_sort (self->schools, compare_school_summaries);
  else
    g_ptr_array_set_size (self->schools, 0);

  if (ok && !dry_run)
    {
      if (hp_store_commit (self->store, error))
        return TRUE;
      g_ptr_array_set_size (self->schools, 0);
      return FALSE;
    }

  hp_store_rollback (self->store);
  return ok;
}

GPtrArray *
hp_import_get_schools (HpImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->schools;
}

void
hp_import_free (HpImport *self)
{
  if (self == NULL)
    return;

  _hp_import_clear_state (self);
  g_clear_pointer (&self->reader, hp_table_reader_free);
  g_clear_object (&self->store);
  g_free (self->columns);
  g_free (self->district_prefix);
  g_free (self->school_number);
  g_free (self->leaving_year);
  g_free (self->path);
  g_free (self->options_encoding);
  g_ptr_array_unref (self->schools);
  g_free (self);
}
