/* hp-table-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpTablePage is the frame shared by the list pages of the main window: it
 * loads the items of its store and campaign in a worker thread, shows a
 * spinner meanwhile, then either an empty state (text from the subclass's
 * template), an error with "Try Again", or a column view with a row count.
 *
 * Subclasses only describe their table (HpTablePageClass): item type,
 * columns, how to list the items and how to count them.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hp-table-page-private.h"

typedef struct
{
  /* Template widgets */
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkColumnView *column_view;
  GtkLabel      *count_label;

  /* Owned */
  HpStore          *store;
  HpCampaign       *campaign;
  GListStore       *items;
  GtkSortListModel *sorted;
  GCancellable     *cancellable;
  char             *empty[3];   /* icon name, title, description */

  guint loading : 1;
} HpTablePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HpTablePage, hp_table_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_LOADING,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static void
set_loading (HpTablePage *self,
             gboolean     loading)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  if (priv->loading == !!loading)
    return;

  priv->loading = !!loading;
  gtk_spinner_set_spinning (priv->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_items (HpTablePage *self,
            GListModel  *items)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  g_list_store_splice (priv->items, 0, g_list_model_get_n_items (G_LIST_MODEL (priv->items)),
                       array->pdata, array->len);

  count = klass->format_count (n_items);
  gtk_label_set_label (priv->count_label, count);
  gtk_stack_set_visible_child_name (priv->stack, n_items > 0 ? "list" : "empty");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  items = hp_list_load_finish (result, &error);

  /* Cancelled by a newer load or by dispose: that one owns the page now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);

  if (items == NULL)
    {
      adw_status_page_set_description (priv->error_page, error->message);
      gtk_stack_set_visible_child_name (priv->stack, "error");
      return;
    }

  show_items (self, items);
}

/**
 * hp_table_page_reload:
 *
 * Loads the items again from the store, in a worker thread. A load that is
 * still running is cancelled.
 */
void
hp_table_page_reload (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (priv->items)) == 0)
    gtk_stack_set_visible_child_name (priv->stack, "loading");

  /* holds a reference on the page until load_cb has run */
  hp_list_load_async (self,
                      priv->store,
                      priv->campaign ? hp_campaign_get_id (priv->campaign) : 0,
                      HP_TABLE_PAGE_GET_CLASS (self)->list_items,
                      priv->cancellable,
                      load_cb,
                      NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hp_table_page_reload (HP_TABLE_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Properties                                                                */

HpStore *
hp_table_page_get_store (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  return priv->store;
}

HpCampaign *
hp_table_page_get_campaign (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), NULL);

  return priv->campaign;
}

/**
 * hp_table_page_set_campaign:
 * @campaign: (nullable): the campaign whose figures to show
 *
 * Sets the campaign and reloads the page if it changed.
 */
void
hp_table_page_set_campaign (HpTablePage *self,
                            HpCampaign  *campaign)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_if_fail (HP_IS_TABLE_PAGE (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&priv->campaign, campaign))
    return;

  /* before constructed(), the first load is still to come */
  if (priv->items != NULL)
    hp_table_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

gboolean
hp_table_page_get_loading (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_return_val_if_fail (HP_IS_TABLE_PAGE (self), FALSE);

  return priv->loading;
}

static void
set_empty_text (HpTablePage *self,
                guint        prop_id,
                const char  *value)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  char **field = &priv->empty[prop_id - PROP_EMPTY_ICON_NAME];

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-table-page-private.h)                                       */

GListModel *
_hp_table_page_get_model (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  return G_LIST_MODEL (priv->sorted);
}

GtkColumnView *
_hp_table_page_get_column_view (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  return priv->column_view;
}

GtkStack *
_hp_table_page_get_stack (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  return priv->stack;
}

GtkLabel *
_hp_table_page_get_count_label (HpTablePage *self)
{
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  return priv->count_label;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_table_page_constructed (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSorter *sorter;

  G_OBJECT_CLASS (hp_table_page_parent_class)->constructed (object);

  g_assert (HP_IS_STORE (priv->store));
  g_assert (klass->list_items != NULL && klass->format_count != NULL);

  hp_columns_append (priv->column_view, klass->item_type, klass->columns, klass->n_columns);

  priv->items = g_list_store_new (klass->item_type);
  sorter = gtk_column_view_get_sorter (priv->column_view);
  priv->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->items)),
                                          g_object_ref (sorter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (selection));

  hp_table_page_reload (self);
}

static void
hp_table_page_dispose (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  if (priv->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (priv->stack));
      priv->stack = NULL;
    }

  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->sorted);
  g_clear_object (&priv->items);
  g_clear_object (&priv->campaign);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (hp_table_page_parent_class)->dispose (object);
}

static void
hp_table_page_finalize (GObject *object)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  for (guint i = 0; i < G_N_ELEMENTS (priv->empty); i++)
    g_free (priv->empty[i]);

  G_OBJECT_CLASS (hp_table_page_parent_class)->finalize (object);
}

static void
hp_table_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, priv->campaign);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, priv->empty[prop_id - PROP_EMPTY_ICON_NAME]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_table_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = hp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN:
      hp_table_page_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_ICON_NAME:
    case PROP_EMPTY_TITLE:
    case PROP_EMPTY_DESCRIPTION:
      set_empty_text (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_table_page_class_init (HpTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = hp_table_page_constructed;
  object_class->dispose = hp_table_page_dispose;
  object_class->finalize = hp_table_page_finalize;
  object_class->get_property = hp_table_page_get_property;
  object_class->set_property = hp_table_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN, rw | G_PARAM_CONSTRUCT);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hp-table-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, error_page);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, HpTablePage, count_label);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
}

static void
hp_table_page_init (HpTablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
