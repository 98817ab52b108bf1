/* hp-import-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What hp-import.c and hp-import-rows.c share.
 */
#pragma once

#include "heimpack/hp-import.h"

G_BEGIN_DECLS

typedef struct
{
  HpImportField field;
  const char   *aliases[8];   /* normalized header names, NULL-terminated */
} HpImportFieldSpec;

struct _HpImport
{
  /* Owned */
  HpStore                 *store;
  HpTableReader           *reader;
  int                     *columns;   /* per spec: column index or -1 */

  HpImportKind             kind;
  const HpImportFieldSpec *specs;
  guint                    n_specs;
  gboolean                 ran;

  /* Options */
  char                    *district_prefix;
  gboolean                 abitur_only;
  gboolean                 include_closed;
  gint64                   campaign_id;
  char                    *school_number;
  char                    *leaving_year;
  gboolean                 list_complete;
  char                    *path;
  HpTableOptions           options;     /* strings owned below */
  char                    *options_encoding;
  gboolean                 year_in_file; /* some row states a year */

  /* State of a run (hp-import-rows.c) */
  GHashTable              *seen;        /* schools: number -> line; graduates: duplicate keys */
  GHashTable              *school_ids;  /* number -> gint64 id (boxed) */
  gint64                   fixed_school_id;
  GString                 *scratch[8];

  /* What the run did per school (hp_import_get_schools()) */
  GPtrArray               *schools;      /* HpImportSchoolSummary, owned */
  GHashTable              *school_index; /* graduates: school id (gint64 *) -> summary */
  gint64                   last_school_id;
  HpImportSchoolSummary   *last_summary; /* of last_school_id: rows come grouped */
};

gboolean    _hp_import_value_error (HpImport           *self,
                                    GError            **error,
                                    guint               line,
                                    int                 spec,
                                    const char         *message);
const char *_hp_import_value       (HpImport           *self,
                                    const char * const *fields,
                                    int                 spec,
                                    GString            *scratch);
int         _hp_import_spec        (HpImport           *self,
                                    const char         *field);

/* A graduate row, checked and resolved in the reader thread: what is left
 * for the importing thread is to count it and, for INSERT, to store it. */
typedef enum
{
  HP_PREPARED_INSERT,
  HP_PREPARED_SKIPPED,
  HP_PREPARED_DUPLICATE,
  HP_PREPARED_OTHER_YEAR,
  HP_PREPARED_NO_YEAR,
  HP_PREPARED_NO_NAME,
} HpPreparedKind;

typedef struct
{
  HpPreparedKind  kind;
  guint           line;
  gint64          school_id;
  const char     *last_name;    /* in the batch's string chunk, or NULL */
  const char     *first_name;
  const char     *class_name;
  const char     *birth_date;
  const char     *consent_date;  /* ISO */
  const char     *consent_source;
  const char     *email;         /* only with consent date and source */
  const char     *phone;
  gboolean        contact_dropped;  /* contact data without consent, left out */
} HpPreparedRow;

/* hp-import-rows.c */
gboolean    _hp_import_prepare_graduate (HpImport           *self,
                                         const char * const *fields,
                                         guint               line,
                                         GStringChunk       *strings,
                                         HpPreparedRow      *row,
                                         GError            **error);
gboolean    _hp_import_store_graduate   (HpImport           *self,
                                         const HpPreparedRow *row,
                                         HpImportResult     *result,
                                         GError            **error);
gboolean    _hp_import_prepare     (HpImport           *self,
                                    GError            **error);
gboolean    _hp_import_row         (HpImport           *self,
                                    const char * const *fields,
                                    guint               line,
                                    HpImportResult     *result,
                                    GError            **error);
void        _hp_import_clear_state (HpImport           *self);
void        _hp_import_init_scratch (HpImport          *self);

/* A school row's codes as a run reads them (hp-import-rows.c): the
 * municipality key completed (SVWS) or repaired, the school form repaired,
 * the operating status. */
typedef struct
{
  GString  *district_key;   /* in: scratch; out: 8 digits or "" */
  GString  *school_form;    /* in: scratch; out: the form, 2 digits if numeric */
  GString  *status;         /* in: scratch */
  guint     repaired_district_key;
  guint     repaired_school_form;
  guint     completed_district_key;
  gboolean  closed;         /* Schulbetriebsschluessel 9 */
} HpSchoolCodes;

gboolean    _hp_import_school_codes (HpImport           *self,
                                     const char * const *fields,
                                     guint               line,
                                     gboolean            svws,
                                     HpSchoolCodes      *codes,
                                     GError            **error);
gboolean    _hp_import_is_svws_directory (HpImport     *self);

/* hp-import-sponsors.c: sponsors use self->seen (name key → sponsor, with
 * its gifts by item key), freed by _hp_import_clear_state(). */
const HpImportFieldSpec *_hp_import_sponsor_specs (guint              *n_specs);
gboolean    _hp_import_prepare_sponsors (HpImport           *self,
                                         GError            **error);
gboolean    _hp_import_sponsor_row      (HpImport           *self,
                                         const char * const *fields,
                                         guint               line,
                                         HpImportResult     *result,
                                         GError            **error);
char       *_hp_import_describe_sponsors_nothing (HpImport             *self,
                                                  const HpImportResult *result,
                                                  HpImportAdvice        advice);

G_END_DECLS
