/* hp-import-sponsors.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of a sponsor list (last year's spreadsheet): the sponsor, merged by
 * name (trimmed, any case: hp_item_name_key()), whose empty fields the file
 * fills without ever overwriting stored ones; optionally a gift of an item
 * (merged by sponsor and item), its value per piece and the pieces pledged
 * in the campaign (created or replaced). One sponsor may span rows, one row
 * per gift.
 */

#define G_LOG_DOMAIN "hp-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "heimpack/hp-campaign.h"
#include "heimpack/hp-format.h"
#include "heimpack/hp-item.h"
#include "heimpack/hp-pledge.h"
#include "heimpack/hp-product.h"
#include "heimpack/hp-sponsor.h"
#include "hp-import-private.h"

/* Header aliases, compared after hp-import.c's normalize_header():
 * "Ansprechpartner(in)" → "ansprechpartnerin", "Wert je Stück" →
 * "wertjestueck", "Tel." → "tel". */
static const HpImportFieldSpec sponsor_specs[] = {
  { { "name", N_("Sponsor"), TRUE }, { "firma", "unternehmen", "sponsor", "firmenname", "sponsorname", "spender", "name", NULL } },
  { { "contact", N_("Contact person"), FALSE }, { "ansprechpartner", "ansprechpartnerin", "kontakt", "kontaktperson", "ansprechperson", "ansprechpartnerinnen", NULL } },
  { { "phone", N_("Phone"), FALSE }, { "telefon", "tel", "telefonnummer", "telnr", "fon", "telefonnr", NULL } },
  { { "email", N_("E-mail"), FALSE }, { "email", "mail", "emailadresse", "mailadresse", NULL } },
  { { "address", N_("Address"), FALSE }, { "anschrift", "adresse", "postanschrift", "firmenanschrift", NULL } },
  { { "street", N_("Street"), FALSE }, { "strasse", "strassehausnummer", "strasseundhausnummer", NULL } },
  { { "postcode", N_("Postcode"), FALSE }, { "plz", "postleitzahl", NULL } },
  { { "town", N_("Town"), FALSE }, { "ort", "stadt", "wohnort", NULL } },
  { { "item", N_("Item"), FALSE }, { "artikel", "produkt", "sachspende", "ware", "spende", "artikelbezeichnung", NULL } },
  { { "value", N_("Value per piece"), FALSE }, { "wertjestueck", "stueckwert", "einzelwert", "wertprostueck", "wert", "einzelpreis", "warenwert", NULL } },
  { { "pledged", N_("Pieces pledged"), FALSE }, { "zusage", "zugesagt", "menge", "stueck", "stueckzahl", "anzahl", "zugesagtemenge", NULL } },
};

const HpImportFieldSpec *
_hp_import_sponsor_specs (guint *n_specs)
{
  *n_specs = G_N_ELEMENTS (sponsor_specs);
  return sponsor_specs;
}

/* A sponsor known to the run: from the store or added by an earlier row. */
typedef enum
{
  SPONSOR_NOT_IN_FILE,   /* stored, no row named it yet */
  SPONSOR_ADDED,
  SPONSOR_UPDATED,
  SPONSOR_UNCHANGED,
} SponsorState;

typedef struct
{
  gint64 id;
  gint64 value_cents;
} Gift;

typedef struct
{
  HpSponsor    *sponsor;
  SponsorState  state;
  GHashTable   *gifts;   /* item name key → Gift */
} Sponsor;

static Sponsor *
sponsor_entry_new (HpSponsor    *sponsor,
                   SponsorState  state)
{
  Sponsor *entry = g_new0 (Sponsor, 1);

  entry->sponsor = g_object_ref (sponsor);
  entry->state = state;
  entry->gifts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return entry;
}

static void
sponsor_entry_free (gpointer data)
{
  Sponsor *entry = data;

  g_object_unref (entry->sponsor);
  g_hash_table_unref (entry->gifts);
  g_free (entry);
}

static void
add_gift (Sponsor    *entry,
          const char *item_name,
          gint64      id,
          gint64      value_cents)
{
  Gift *gift = g_new (Gift, 1);

  gift->id = id;
  gift->value_cents = value_cents;
  g_hash_table_replace (entry->gifts, hp_item_name_key (item_name), gift);
}

/*
 * _hp_import_prepare_sponsors:
 * Every stored sponsor by its name key, with its gifts by item key (in
 * self->seen), and the campaign checked when one is set.
 */
gboolean
_hp_import_prepare_sponsors (HpImport  *self,
                             GError   **error)
{
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  if (self->campaign_id != 0)
    {
      g_autoptr(HpCampaign) campaign = hp_store_get_campaign (self->store, self->campaign_id, error);

      if (campaign == NULL)
        return FALSE;
    }

  sponsors = hp_store_list_sponsors (self->store, 0, error);
  if (sponsors == NULL)
    return FALSE;
  products = hp_store_list_products (self->store, 0, 0, error);
  if (products == NULL)
    return FALSE;

  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sponsor_entry_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr(HpSponsor) sponsor = g_list_model_get_item (sponsors, i);
      g_autofree char *key = hp_item_name_key (hp_sponsor_get_name (sponsor));
      Sponsor *entry;

      /* Two stored sponsors of one name (typed by hand): the first one */
      if (g_hash_table_contains (self->seen, key))
        continue;

      entry = sponsor_entry_new (sponsor, SPONSOR_NOT_IN_FILE);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { hp_sponsor_get_id (sponsor) }, sizeof (gint64)), entry);
      g_hash_table_insert (self->seen, g_steal_pointer (&key), entry);
    }

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(HpProduct) product = g_list_model_get_item (products, i);
      gint64 sponsor_id = hp_product_get_sponsor_id (product);
      Sponsor *entry = g_hash_table_lookup (by_id, &sponsor_id);

      if (entry != NULL && hp_product_get_name (product) != NULL)
        {
          g_autofree char *key = hp_item_name_key (hp_product_get_name (product));

          /* Two stored gifts of one item: the first one */
          if (!g_hash_table_contains (entry->gifts, key))
            add_gift (entry, hp_product_get_name (product), hp_product_get_id (product),
                      hp_product_get_value_cents (product));
        }
    }

  return TRUE;
}

/* Phone numbers are the same when their digits are ("02931 123" and
 * "02931/123"), e-mail addresses in any case, the rest as written. */
static gboolean
same_value (const char *property,
            const char *a,
            const char *b)
{
  if (g_str_equal (property, "phone"))
    {
      g_autoptr(GString) da = g_string_new (NULL);
      g_autoptr(GString) db = g_string_new (NULL);

      for (const char *p = a; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (da, *p);
      for (const char *p = b; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (db, *p);
      if (da->len > 0)
        return g_str_equal (da->str, db->str);
    }

  if (g_str_equal (property, "email"))
    return g_ascii_strcasecmp (a, b) == 0;

  return g_str_equal (a, b);
}

/* Fills an empty field from the file; a stored value that differs stays and
 * is counted. Returns TRUE if it changed the sponsor. */
static gboolean
fill_field (HpSponsor      *sponsor,
            const char     *property,
            const char     *value,
            HpImportResult *result)
{
  g_autofree char *old = NULL;

  if (*value == '\0')
    return FALSE;

  g_object_get (sponsor, property, &old, NULL);
  if (old == NULL || *old == '\0')
    {
      g_object_set (sponsor, property, value, NULL);
      return TRUE;
    }

  if (!same_value (property, old, value))
    result->conflicts++;

  return FALSE;
}

/* "500", "1.000", "1 000", "500 Stück", "500 Stk." → pieces */
static gboolean
parse_pieces (const char *text,
              gint64     *out)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *lower = g_utf8_casefold (text, -1);
  static const char * const units[] = { "stück", "stueck", "stk.", "stk", "st.", "pcs", "x" };
  gsize len = strlen (lower);
  gsize group = 0;
  gboolean grouped = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (lower, units[i]))
      {
        len -= strlen (units[i]);
        break;
      }
  while (len > 0 && lower[len - 1] == ' ')
    len--;

  /* Digits, with "." or " " grouping thousands in threes */
  for (gsize i = 0; i < len; i++)
    {
      char c = lower[i];

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (digits, c);
          group++;
        }
      else if ((c == '.' || c == ' ') && group > 0 && (!grouped || group == 3))
        {
          grouped = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }

  if (digits->len == 0 || digits->len > 12 || (grouped && group != 3))
    return FALSE;

  *out = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

/* hp_parse_money() ("0,95", "0,95 €", "1.234,50"), and "0,95 EUR" */
static gboolean
parse_money (const char *text,
             gint64     *out_cents)
{
  static const char * const units[] = { "euro", "eur" };
  gsize len = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize unit = strlen (units[i]);

      if (len > unit && g_ascii_strcasecmp (text + len - unit, units[i]) == 0)
        {
          g_autofree char *amount = g_strndup (text, len - unit);

          return hp_parse_money (amount, out_cents);
        }
    }

  return hp_parse_money (text, out_cents);
}

/* "Street, Postcode Town" from the parts when there is no address column */
static void
join_address (HpImport            *self,
              const char * const  *fields,
              GString             *address,
              GString             *scratch)
{
  g_autoptr(GString) place = NULL;

  if (address->len > 0)
    return;

  g_string_append (address, _hp_import_value (self, fields, _hp_import_spec (self, "street"), scratch));
  place = g_string_new (_hp_import_value (self, fields, _hp_import_spec (self, "postcode"), scratch));
  {
    const char *town = _hp_import_value (self, fields, _hp_import_spec (self, "town"), scratch);

    if (place->len > 0 && *town != '\0')
      g_string_append_c (place, ' ');
    g_string_append (place, town);
  }

  if (address->len > 0 && place->len > 0)
    g_string_append (address, ", ");
  g_string_append (address, place->str);
}

static gboolean
store_failed (HpImport  *self,
              GError   **error,
              guint      line,
              GError    *local_error)
{
  return _hp_import_value_error (self, error, line, -1, local_error->message);
}

/* The sponsor of a row: found by name or added; empty fields filled. */
static Sponsor *
sponsor_for_row (HpImport            *self,
                 const char          *name,
                 const char * const  *values,   /* contact, phone, email, address */
                 guint                line,
                 HpImportResult      *result,
                 GError             **error)
{
  static const char * const properties[] = { "contact", "phone", "email", "address" };
  g_autofree char *key = hp_item_name_key (name);
  g_autoptr(GError) local_error = NULL;
  Sponsor *entry = g_hash_table_lookup (self->seen, key);
  gboolean changed = FALSE;

  if (entry == NULL)
    {
      g_autofree char *trimmed = hp_item_name_trim (name);   /* Unicode spaces too */
      g_autoptr(HpSponsor) sponsor = hp_sponsor_new (trimmed);

      for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
        fill_field (sponsor, properties[i], values[i], result);
      if (!hp_store_add_sponsor (self->store, sponsor, &local_error))
        {
          store_failed (self, error, line, local_error);
          return NULL;
        }

      entry = sponsor_entry_new (sponsor, SPONSOR_ADDED);
      g_hash_table_insert (self->seen, g_steal_pointer (&key), entry);
      result->sponsors_added++;
      result->added++;
      return entry;
    }

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    changed |= fill_field (entry->sponsor, properties[i], values[i], result);

  if (changed && !hp_store_update_sponsor (self->store, entry->sponsor, &local_error))
    {
      store_failed (self, error, line, local_error);
      return NULL;
    }

  /* Counted once per sponsor, however many rows it spans */
  switch (entry->state)
    {
    case SPONSOR_NOT_IN_FILE:
      entry->state = changed ? SPONSOR_UPDATED : SPONSOR_UNCHANGED;
      if (changed)
        {
          result->sponsors_updated++;
          result->updated++;
        }
      else
        {
          result->sponsors_unchanged++;
          result->unchanged++;
        }
      break;

    case SPONSOR_UNCHANGED:
      if (changed)
        {
          entry->state = SPONSOR_UPDATED;
          result->sponsors_unchanged--;
          result->unchanged--;
          result->sponsors_updated++;
          result->updated++;
        }
      break;

    case SPONSOR_ADDED:
    case SPONSOR_UPDATED:
    default:
      break;
    }

  return entry;
}

/* The sponsor's gift of @item: found or added; an empty value filled. */
static Gift *
gift_for_row (HpImport        *self,
              Sponsor         *entry,
              const char      *item,
              gboolean         have_value,
              gint64           value_cents,
              guint            line,
              HpImportResult  *result,
              GError         **error)
{
  g_autofree char *key = hp_item_name_key (item);
  g_autoptr(GError) local_error = NULL;
  Gift *gift = g_hash_table_lookup (entry->gifts, key);

  if (gift == NULL)
    {
      g_autoptr(HpProduct) product = hp_product_new (hp_sponsor_get_id (entry->sponsor), item);

      if (have_value)
        hp_product_set_value_cents (product, value_cents);
      if (!hp_store_add_product (self->store, product, &local_error))
        {
          store_failed (self, error, line, local_error);
          return NULL;
        }

      add_gift (entry, item, hp_product_get_id (product), hp_product_get_value_cents (product));
      result->gifts_added++;
      return g_hash_table_lookup (entry->gifts, key);
    }

  if (have_value && gift->value_cents != value_cents)
    {
      g_autoptr(HpProduct) product = NULL;

      if (gift->value_cents != 0)
        {
          result->conflicts++;
          return gift;
        }

      product = hp_store_get_product (self->store, gift->id, &local_error);
      if (product == NULL)
        {
          store_failed (self, error, line, local_error);
          return NULL;
        }
      hp_product_set_value_cents (product, value_cents);
      if (!hp_store_update_product (self->store, product, &local_error))
        {
          store_failed (self, error, line, local_error);
          return NULL;
        }
      gift->value_cents = value_cents;
      result->gifts_updated++;
    }

  return gift;
}

/* Creates or replaces the gift's pledge in the campaign: the pieces the
 * file says, confirmed (a Zusage); its due date and bookings stay. */
static gboolean
set_pledge (HpImport        *self,
            Gift            *gift,
            gint64           pieces,
            guint            line,
            HpImportResult  *result,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HpPledge) pledge = hp_store_find_pledge (self->store, self->campaign_id, gift->id, &local_error);

  if (pledge == NULL)
    {
      if (!g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
        return store_failed (self, error, line, local_error);
      g_clear_error (&local_error);

      pledge = hp_pledge_new (self->campaign_id, gift->id, pieces);
      hp_pledge_set_confirmed (pledge, TRUE);
      if (!hp_store_add_pledge (self->store, pledge, &local_error))
        return store_failed (self, error, line, local_error);
      result->pledges_set++;
      return TRUE;
    }

  if (hp_pledge_get_quantity (pledge) == pieces && hp_pledge_get_confirmed (pledge))
    return TRUE;

  hp_pledge_set_quantity (pledge, pieces);
  hp_pledge_set_confirmed (pledge, TRUE);
  if (!hp_store_update_pledge (self->store, pledge, &local_error))
    return store_failed (self, error, line, local_error);
  result->pledges_set++;
  return TRUE;
}

gboolean
_hp_import_sponsor_row (HpImport            *self,
                        const char * const  *fields,
                        guint                line,
                        HpImportResult      *result,
                        GError             **error)
{
  GString **s = self->scratch;
  int name_spec = _hp_import_spec (self, "name");
  int item_spec = _hp_import_spec (self, "item");
  int value_spec = _hp_import_spec (self, "value");
  int pledged_spec = _hp_import_spec (self, "pledged");
  const char *name = _hp_import_value (self, fields, name_spec, s[0]);
  const char *contact = _hp_import_value (self, fields, _hp_import_spec (self, "contact"), s[1]);
  const char *phone = _hp_import_value (self, fields, _hp_import_spec (self, "phone"), s[2]);
  const char *email = _hp_import_value (self, fields, _hp_import_spec (self, "email"), s[3]);
  const char *item = _hp_import_value (self, fields, item_spec, s[5]);
  const char *value = _hp_import_value (self, fields, value_spec, s[6]);
  const char *pledged = _hp_import_value (self, fields, pledged_spec, s[7]);
  g_autoptr(GString) address = g_string_new (_hp_import_value (self, fields, _hp_import_spec (self, "address"),
                                                               s[4]));
  const char *values[4];
  gint64 value_cents = 0;
  gint64 pieces = 0;
  Sponsor *entry;
  Gift *gift;

  join_address (self, fields, address, s[4]);

  if (*name == '\0')
    {
      /* Nothing in the fields we read: a row of other notes, left out */
      if (*contact == '\0' && *phone == '\0' && *email == '\0' && address->len == 0 && *item == '\0' &&
          *value == '\0' && *pledged == '\0')
        {
          result->no_name++;
          return TRUE;
        }
      return _hp_import_value_error (self, error, line, name_spec,
                                     _("The sponsor’s name is empty, but the row has other values."));
    }

  if (*value != '\0' && !parse_money (value, &value_cents))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount of money (e.g. 0,95 €)."), value);
      return _hp_import_value_error (self, error, line, value_spec, message);
    }

  if (*pledged != '\0' && !parse_pieces (pledged, &pieces))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of pieces."), pledged);
      return _hp_import_value_error (self, error, line, pledged_spec, message);
    }

  if (*item == '\0' && (*value != '\0' || *pledged != '\0'))
    return _hp_import_value_error (self, error, line, item_spec >= 0 && self->columns[item_spec] >= 0 ? item_spec
                                                                                                      : value_spec,
                                   _("The item is empty, but the row gives its value or pledged pieces."));

  if (*pledged != '\0' && self->campaign_id == 0)
    return _hp_import_value_error (self, error, line, pledged_spec,
                                   _("Pledged pieces belong to a campaign, and there is none yet. "
                                     "Create one first, or leave the column out (--map pledged=)."));

  values[0] = contact;
  values[1] = phone;
  values[2] = email;
  values[3] = address->str;
  entry = sponsor_for_row (self, name, values, line, result, error);
  if (entry == NULL)
    return FALSE;

  if (*item == '\0')
    return TRUE;

  gift = gift_for_row (self, entry, item, *value != '\0', value_cents, line, result, error);
  if (gift == NULL)
    return FALSE;

  if (*pledged != '\0')
    return set_pledge (self, gift, pieces, line, result, error);

  return TRUE;
}

char *
_hp_import_describe_sponsors_nothing (HpImport             *self,
                                      const HpImportResult *r,
                                      HpImportAdvice        advice)
{
  const char *name = hp_table_reader_get_display_name (hp_import_get_reader (self));
  g_autofree char *rows = hp_format_count (r->rows);

  if (advice == HP_IMPORT_ADVICE_CLI)
    /* TRANSLATORS: the first %s is the number of rows (1,052 in English,
     * 1.052 in German), the second the file */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Nothing was imported: the %s row of %s names no sponsor. Check which column "
                                         "holds the sponsors’ names (--map name=HEADER).",
                                         "Nothing was imported: none of the %s rows of %s names a sponsor. Check which "
                                         "column holds the sponsors’ names (--map name=HEADER).", r->rows),
                            rows, name);

  /* TRANSLATORS: the first %s is the number of rows, the second the file,
   * the third "Columns", the import assistant's step where columns are
   * assigned */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Nothing was imported: the %s row of %s names no sponsor. Check on the “%s” "
                                       "step which column holds the sponsors’ names.",
                                       "Nothing was imported: none of the %s rows of %s names a sponsor. Check on "
                                       "the “%s” step which column holds the sponsors’ names.", r->rows),
                          rows, name, _("Columns"));
}
