/* hp-products-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The donated products: each is one sponsor's gift of an item, with what
 * the sponsor pledged and delivered in the current campaign and how many
 * pieces of the item go into a pack. The editor keeps the gift and its
 * pledge together, saved in one transaction; its item is typed by name, with
 * the names of existing items suggested, so that two sponsors' "Apfelschorle
 * 0,33 l" become one item. What goes into a pack is set in the pack contents
 * (`win.show-pack-contents`), for all gifts of an item together. "Book
 * Delivery…" records what arrived; "Bookings…" lists what was booked.
 */

#define G_LOG_DOMAIN "hp-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-products-page.h"
#include "hp-table-page-private.h"

struct _HpProductsPage
{
  HpTablePage parent_instance;

  /* Template widgets */
  GtkCheckButton *in_pack_check;
};

G_DEFINE_FINAL_TYPE (HpProductsPage, hp_products_page, HP_TYPE_TABLE_PAGE)

enum {
  GROUP_PRODUCT,
  GROUP_CAMPAIGN,
};

static gint64
get_outstanding (gpointer item,
                 gpointer unused)
{
  return MAX (0, hp_product_get_pledged (item) - hp_product_get_received (item));
}

/* A pack line's pieces; empty for an item that is not in that pack (an
 * item only in the under-18 pack shows nothing under "Per pack", not "0"),
 * so that the pack's items stand out. */
static gint64
get_per_standard (gpointer item,
                  gpointer unused)
{
  HpProduct *product = item;

  return hp_product_get_per_standard (product) > 0 ? (gint64) hp_product_get_per_standard (product) : HP_UNSET;
}

static gint64
get_per_under18 (gpointer item,
                 gpointer unused)
{
  HpProduct *product = item;

  return hp_product_get_per_under18 (product) > 0 ? (gint64) hp_product_get_per_under18 (product) : HP_UNSET;
}

static const HpColumnSpec columns[] = {
  /* Translators: column title, the thing donated (Artikel), e.g. "Apfelschorle 0,33 l" */
  /* 18 characters hold "Dauerbackwaren-Tüte"; every character the other
   * columns do not take goes to the sponsor's name, the longest text here
   * ("Fahrradmanufaktur Becker GmbH & Co. KG") */
  { N_("Item"), "name", HP_CELL_TEXT, 18, .search = TRUE },
  { N_("Sponsor"), "sponsor-name", HP_CELL_TEXT, 28, TRUE, .search = TRUE },
  /* Translators: column title and field, the value of one piece of a gift
   * (Stückwert); keep it short, the products list has ten columns */
  { N_("Unit value"), "value-cents", HP_CELL_MONEY, 8 },
  /* "18+" is the same in every language: only the column title is translated */
  /* Translators: column title, marks products for adults only (alcohol) */
  { N_("18+"), "adult-only", HP_CELL_FLAG, 3, FALSE, "18+" },
  { N_("Best before"), "best-before", HP_CELL_DATE, 10 },
  /* Translators: column title, pieces promised by the sponsor */
  { N_("Pledged"), "pledged", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces that arrived */
  { N_("Received"), "received", HP_CELL_NUMBER, 6 },
  /* Translators: column title, pieces pledged but not yet received */
  { N_("Outstanding"), NULL, HP_CELL_NUMBER, 6, .get = get_outstanding },
  /* Translators: column title, pieces of this product in one standard pack */
  { N_("Per pack"), NULL, HP_CELL_NUMBER, 4, .get = get_per_standard },
  /* Translators: column title, pieces of this product in one pack for a minor */
  { N_("Per under-18 pack"), NULL, HP_CELL_NUMBER, 4, .get = get_per_under18 },
};

static const HpFieldSpec product_fields[] = {
  { "sponsor-id", N_("Sponsor"), HP_FIELD_CHOICE, HP_FIELD_REQUIRED, N_("Choose the sponsor who donates it") },
  /* Translators: the thing donated (Artikel) */
  { "name", N_("Item"), HP_FIELD_TEXT, HP_FIELD_REQUIRED, N_("Enter the item, such as “Apfelschorle 0,33 l”") },
  { "value-cents", N_("Unit value"), HP_FIELD_MONEY },
  { "adult-only", N_("For adults only"), HP_FIELD_SWITCH, 0,
    N_("Alcohol and the like: the item never goes into the under-18 pack") },
  { "best-before", N_("Best before"), HP_FIELD_DATE },
  { "notes", N_("Notes"), HP_FIELD_TEXT },
};

static const HpFieldSpec campaign_fields[] = {
  { "pledged", N_("Pledged pieces"), HP_FIELD_COUNT },
  /* Translators: the date by which the sponsor promised to deliver */
  { "due-date", N_("Delivery due by"), HP_FIELD_DATE },
};

static const HpFieldGroup fields[] = {
  [GROUP_PRODUCT] = HP_FIELD_GROUP (NULL, product_fields),
  /* Translators: title of the editor's group with what the sponsor pledged */
  [GROUP_CAMPAIGN] = HP_FIELD_GROUP (N_("Pledge"), campaign_fields),
};

static const HpFieldSpec delivery_fields[] = {
  { "date", N_("Received on"), HP_FIELD_DATE, HP_FIELD_REQUIRED, N_("Enter the day the goods arrived") },
  { "quantity", N_("Pieces"), HP_FIELD_COUNT, HP_FIELD_REQUIRED | HP_FIELD_POSITIVE,
    N_("Enter how many pieces arrived") },
  /* Translators: e.g. the number of the delivery note */
  { "note", N_("Note"), HP_FIELD_TEXT },
};

static const HpFieldGroup delivery_groups[] = {
  HP_FIELD_GROUP (NULL, delivery_fields),
};

/* ------------------------------------------------------------------------ */
/* The editor                                                                */

/* The item of a typed name: an existing item's 18+ flag is the gift's. */
static void
name_changed_cb (HpRecordDialog *dialog,
                 const char     *key,
                 GHashTable     *items_by_key)
{
  g_autofree char *name = hp_record_dialog_dup_string (dialog, "name");
  g_autofree char *name_key = hp_item_name_key (name);
  HpItem *item = g_hash_table_lookup (items_by_key, name_key);

  if (item != NULL)
    hp_record_dialog_set_boolean (dialog, "adult-only", hp_item_get_adult_only (item));
}

/* Says where the gift's item is in the campaign's pack contents, which are
 * set on their own page for all gifts of an item together. */
static char *
describe_pack_line (HpCampaign *campaign,
                    HpProduct  *product)
{
  guint per_standard = product ? hp_product_get_per_standard (product) : 0;
  guint per_under18 = product ? hp_product_get_per_under18 (product) : 0;

  if (product == NULL)
    /* Translators: the editor's pledge group; %s is the campaign's name */
    return g_strdup_printf (_("For “%s”. What goes into a pack is set in the pack contents, for all gifts of an item together."),
                            hp_campaign_get_name (campaign));

  if (per_standard == 0 && per_under18 == 0)
    /* Translators: the editor's pledge group; %s is the campaign's name */
    return g_strdup_printf (_("For “%s”. The item is not in the pack; what goes into a pack is set in the pack contents."),
                            hp_campaign_get_name (campaign));

  /* Translators: the editor's pledge group; %s is the campaign's name, the
   * numbers are pieces of the item in each pack */
  return g_strdup_printf (_("For “%s”. In the pack: %u per pack, %u per under-18 pack (for all gifts of the item, set in the pack contents)."),
                          hp_campaign_get_name (campaign), per_standard, per_under18);
}

static void
hp_products_page_prepare_editor (HpTablePage    *page,
                                 HpRecordDialog *dialog,
                                 GObject        *item)
{
  HpStore *store = hp_table_page_get_store (page);
  HpCampaign *campaign = hp_table_page_get_campaign (page);
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *items_by_key;

  sponsors = hp_store_list_sponsors (store, 0, &error);
  if (sponsors == NULL)
    {
      g_warning ("Could not list the sponsors: %s", error->message);
      g_clear_error (&error);
      sponsors = G_LIST_MODEL (g_list_store_new (HP_TYPE_SPONSOR));
    }
  hp_record_dialog_set_choices (dialog, "sponsor-id", sponsors, "name");

  /* what other sponsors give already, suggested while the name is typed */
  items = hp_store_list_items (store, 0, &error);
  if (items == NULL)
    {
      g_warning ("Could not list the items: %s", error->message);
      g_clear_error (&error);
      items = G_LIST_MODEL (g_list_store_new (HP_TYPE_ITEM));
    }
  hp_record_dialog_set_suggestions (dialog, "name", items, "name");

  items_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      HpItem *existing = g_list_model_get_item (items, i);

      g_hash_table_replace (items_by_key, hp_item_name_key (hp_item_get_name (existing)), existing);
    }
  g_signal_connect_data (dialog, "field-changed::name", G_CALLBACK (name_changed_cb),
                         items_by_key, (GClosureNotify) (void (*) (void)) g_hash_table_unref, 0);

  hp_record_dialog_set_group_visible (dialog, GROUP_CAMPAIGN, campaign != NULL);
  if (campaign != NULL)
    {
      g_autofree char *description = describe_pack_line (campaign, item ? HP_PRODUCT (item) : NULL);
      g_autoptr(HpPledge) pledge = NULL;

      hp_record_dialog_set_group_description (dialog, GROUP_CAMPAIGN, description);

      if (item != NULL)
        pledge = hp_store_find_pledge (store, hp_campaign_get_id (campaign),
                                       hp_product_get_id (HP_PRODUCT (item)), NULL);
      hp_record_dialog_set_int (dialog, "pledged", pledge ? hp_pledge_get_quantity (pledge) : HP_UNSET);
      hp_record_dialog_set_string (dialog, "due-date", pledge ? hp_pledge_get_due_date (pledge) : NULL);
    }
}

static gboolean
save_pledge (HpStore         *store,
             gint64           campaign_id,
             HpProduct       *product,
             HpRecordDialog  *dialog,
             GError         **error)
{
  gint64 quantity = hp_record_dialog_get_int (dialog, "pledged");
  g_autofree char *due_date = hp_record_dialog_dup_string (dialog, "due-date");
  g_autoptr(HpPledge) pledge = NULL;
  g_autoptr(GError) local_error = NULL;

  pledge = hp_store_find_pledge (store, campaign_id, hp_product_get_id (product), &local_error);
  if (pledge == NULL && !g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (pledge == NULL)
    {
      /* nothing pledged, nothing to store */
      if (quantity <= 0 && due_date == NULL)
        return TRUE;

      pledge = hp_pledge_new (campaign_id, hp_product_get_id (product), MAX (quantity, 0));
      hp_pledge_set_due_date (pledge, due_date);
      hp_pledge_set_confirmed (pledge, TRUE);
      return hp_store_add_pledge (store, pledge, error);
    }

  if (hp_pledge_get_quantity (pledge) == MAX (quantity, 0) &&
      g_strcmp0 (hp_pledge_get_due_date (pledge), due_date) == 0)
    return TRUE;

  hp_pledge_set_quantity (pledge, MAX (quantity, 0));
  hp_pledge_set_due_date (pledge, due_date);
  return hp_store_update_pledge (store, pledge, error);
}

static gboolean
hp_products_page_save_item (HpTablePage     *page,
                            HpRecordDialog  *dialog,
                            GObject         *record,
                            GError         **error)
{
  HpStore *store = hp_table_page_get_store (page);
  gint64 campaign_id = hp_table_page_get_campaign_id (page);
  HpProduct *product = HP_PRODUCT (record);
  gboolean is_new = hp_product_get_id (product) == 0;

  if (!hp_store_begin (store, error))
    return FALSE;

  if (!(is_new ? hp_store_add_product (store, product, error)
               : hp_store_update_product (store, product, error)) ||
      (campaign_id != 0 && !save_pledge (store, campaign_id, product, dialog, error)) ||
      !hp_store_commit (store, error))
    {
      hp_store_rollback (store);
      /* the next try adds the product again */
      if (is_new)
        hp_product_set_id (product, 0);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Booking a delivery                                                        */

static gboolean
book_delivery_cb (HpRecordDialog  *dialog,
                  GObject         *record,
                  gpointer         user_data,
                  GError         **error)
{
  HpTablePage *page = HP_TABLE_PAGE (user_data);
  HpProduct *product = HP_PRODUCT (g_object_get_data (G_OBJECT (dialog), "hp-product"));
  HpReceipt *draft = HP_RECEIPT (record);
  g_autoptr(HpReceipt) receipt = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *pieces = NULL;
  gint64 quantity = hp_receipt_get_quantity (draft);

  receipt = hp_store_book_receipt (hp_table_page_get_store (page),
                                   hp_table_page_get_campaign_id (page),
                                   hp_product_get_id (product),
                                   hp_receipt_get_date (draft),
                                   quantity,
                                   hp_receipt_get_note (draft),
                                   error);
  if (receipt == NULL)
    return FALSE;

  _hp_table_page_get_priv (page)->keep_id = hp_product_get_id (product);

  escaped = g_markup_escape_text (hp_product_get_name (product), -1);
  pieces = hp_format_count (quantity);
  hp_table_page_add_toast (page,
                           adw_toast_new_format (ngettext ("%s piece of “%s” booked",
                                                           "%s pieces of “%s” booked",
                                                           (gulong) quantity),
                                                 pieces, escaped));
  return TRUE;
}

static void
book_delivery_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HpTablePage *page = HP_TABLE_PAGE (widget);
  HpProduct *product = HP_PRODUCT (hp_table_page_get_selected (page));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *figures = NULL;
  g_autofree char *pledged = NULL;
  g_autofree char *received = NULL;
  HpRecordDialog *dialog;

  if (product == NULL)
    return;

  dialog = hp_record_dialog_new (widget, _("Book Delivery"), HP_TYPE_RECEIPT, NULL,
                                 delivery_groups, G_N_ELEMENTS (delivery_groups));
  g_object_set_data_full (G_OBJECT (dialog), "hp-product", g_object_ref (product), g_object_unref);
  hp_record_dialog_set_save_label (dialog, _("_Book"));
  hp_record_dialog_set_save_func (dialog, book_delivery_cb, g_object_ref (page), g_object_unref);
  hp_record_dialog_set_string (dialog, "date", today);

  /* Translators: above the delivery's fields: product, sponsor, figures */
  pledged = hp_format_count (hp_product_get_pledged (product));
  received = hp_format_count (hp_product_get_received (product));
  figures = g_strdup_printf (_("%s from %s. Pledged: %s, received so far: %s."),
                             hp_product_get_name (product),
                             hp_product_get_sponsor_name (product),
                             pledged, received);
  hp_record_dialog_set_group_description (dialog, 0, figures);

  g_set_weak_pointer (&_hp_table_page_get_priv (page)->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hp_products_page_update_actions (HpTablePage *page,
                                 GObject     *selected,
                                 gboolean     writable)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.book-delivery",
                                 writable && selected != NULL &&
                                 hp_table_page_get_campaign (page) != NULL);
}

/* ------------------------------------------------------------------------ */
/* The list                                                                  */

/* 1 for a product in the pack, 0 for the others: the check box keeps 1s */
static gint64
hp_products_page_get_narrow_key (GObject *item)
{
  return hp_product_get_per_standard (HP_PRODUCT (item)) > 0 ||
         hp_product_get_per_under18 (HP_PRODUCT (item)) > 0;
}

static void
in_pack_toggled_cb (HpProductsPage *self)
{
  _hp_table_page_set_narrowed (HP_TABLE_PAGE (self),
                               gtk_check_button_get_active (self->in_pack_check), 1);
}

static gboolean
hp_products_page_load_items (HpStore           *store,
                             gint64             campaign_id,
                             HpStoreBatchFunc   func,
                             gpointer           func_data,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(GListModel) items = hp_store_list_products (store, campaign_id, 0, error);

  return items != NULL && hp_list_load_emit_model (items, func, func_data);
}

static char *
hp_products_page_format_count (guint n_shown,
                               guint n_total)
{
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  if (n_shown == n_total)
    return hp_format_counted (ngettext ("%s product", "%s products", n_total), n_total);

  shown = hp_format_count (n_shown);
  total = hp_format_count (n_total);
  return g_strdup_printf (ngettext ("%s of %s product", "%s of %s products", n_total), shown, total);
}

static void
hp_products_page_class_init (HpProductsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HpTablePageClass *page_class = HP_TABLE_PAGE_CLASS (klass);

  page_class->item_type = HP_TYPE_PRODUCT;
  page_class->kind = HP_RECORD_PRODUCT;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->fields = fields;
  page_class->n_field_groups = G_N_ELEMENTS (fields);
  page_class->reload_on = HP_STORE_CHANGED (HP_RECORD_PRODUCT) | HP_STORE_CHANGED (HP_RECORD_SPONSOR) |
                          HP_STORE_CHANGED (HP_RECORD_PLEDGE) | HP_STORE_CHANGED (HP_RECORD_RECEIPT) |
                          HP_STORE_CHANGED (HP_RECORD_RECIPE) | HP_STORE_CHANGED (HP_RECORD_CAMPAIGN) |
                          HP_STORE_CHANGED (HP_RECORD_ITEM);
  page_class->new_title = N_("New Product");
  page_class->edit_title = N_("Edit Product");
  page_class->load_items = hp_products_page_load_items;
  page_class->format_count = hp_products_page_format_count;
  page_class->get_narrow_key = hp_products_page_get_narrow_key;
  page_class->prepare_editor = hp_products_page_prepare_editor;
  page_class->save_item = hp_products_page_save_item;
  page_class->update_actions = hp_products_page_update_actions;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hp-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HpProductsPage, in_pack_check);
  gtk_widget_class_bind_template_callback (widget_class, in_pack_toggled_cb);

  gtk_widget_class_install_action (widget_class, "page.book-delivery", NULL, book_delivery_action);
}

static void
hp_products_page_init (HpProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hp_products_page_new (HpStore    *store,
                      HpCampaign *campaign)
{
  g_return_val_if_fail (HP_IS_STORE (store), NULL);

  return g_object_new (HP_TYPE_PRODUCTS_PAGE, "store", store, "campaign", campaign, NULL);
}
