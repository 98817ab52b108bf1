/* hp-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HpPage is the one contract between the window and its pages: the table
 * pages (through HpTablePage), the planning page and the pack contents page
 * implement it, and the window talks to them only through it. It is kept
 * small on purpose: a page has a store, a campaign and a loading state as
 * properties, and a reload. Everything else a page does it does by itself
 * (its own actions, the store's "changed" signal).
 */

#define G_LOG_DOMAIN "hp-page"

#include "config.h"

#include "hp-page.h"

G_DEFINE_INTERFACE (HpPage, hp_page, GTK_TYPE_WIDGET)

static void
hp_page_default_init (HpPageInterface *iface)
{
  /**
   * HpPage:store:
   *
   * The store the page shows; set once, at construction.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("store", NULL, NULL, HP_TYPE_STORE,
                                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                            G_PARAM_STATIC_STRINGS));
  /**
   * HpPage:campaign:
   *
   * The campaign whose figures the page shows, or %NULL; setting another
   * one reloads the page.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("campaign", NULL, NULL, HP_TYPE_CAMPAIGN,
                                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /**
   * HpPage:loading:
   *
   * %TRUE while the page reads from the store.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

/**
 * hp_page_get_store:
 *
 * Returns: (transfer none): the page's store
 */
HpStore *
hp_page_get_store (HpPage *self)
{
  g_autoptr(HpStore) store = NULL;

  g_return_val_if_fail (HP_IS_PAGE (self), NULL);

  g_object_get (self, "store", &store, NULL);

  /* the page keeps its own reference for as long as it lives */
  return store;
}

/**
 * hp_page_get_campaign:
 *
 * Returns: (transfer none) (nullable): the page's campaign, valid until it
 *   is set to another one
 */
HpCampaign *
hp_page_get_campaign (HpPage *self)
{
  g_autoptr(HpCampaign) campaign = NULL;

  g_return_val_if_fail (HP_IS_PAGE (self), NULL);

  g_object_get (self, "campaign", &campaign, NULL);

  /* the page keeps its own reference until the campaign changes */
  return campaign;
}

/**
 * hp_page_set_campaign:
 * @campaign: (nullable): the campaign to show
 */
void
hp_page_set_campaign (HpPage     *self,
                      HpCampaign *campaign)
{
  g_return_if_fail (HP_IS_PAGE (self));
  g_return_if_fail (!campaign || HP_IS_CAMPAIGN (campaign));

  g_object_set (self, "campaign", campaign, NULL);
}

/**
 * hp_page_get_loading:
 *
 * Returns: %TRUE while the page reads from the store
 */
gboolean
hp_page_get_loading (HpPage *self)
{
  gboolean loading = FALSE;

  g_return_val_if_fail (HP_IS_PAGE (self), FALSE);

  g_object_get (self, "loading", &loading, NULL);
  return loading;
}

/**
 * hp_page_reload:
 *
 * Reads the page's contents from the store again. Never blocks: the page
 * reads in a worker thread (#HpPage:loading says while), or, if it is not
 * on screen, may wait until it is shown.
 */
void
hp_page_reload (HpPage *self)
{
  HpPageInterface *iface;

  g_return_if_fail (HP_IS_PAGE (self));

  iface = HP_PAGE_GET_IFACE (self);
  g_return_if_fail (iface->reload != NULL);

  iface->reload (self);
}

/**
 * hp_page_warm:
 * @page: a page of the window's view stack, behind another tab
 *
 * Computes @page's styles and sizes and lays it out for the size it will
 * have (its stack's), so that the frame that shows it only draws it. GTK
 * keeps what it measured and allocated until something in the page
 * changes size, so a page that fills while hidden (the Planning page's
 * first plan) is warmed again afterwards. Costs 1-10 ms; meant for an idle
 * callback.
 *
 * The page gets the allocation the view stack gives its visible page
 * (adw_view_stack_size_allocate() in libadwaita 1.2: the stack's own
 * size), or its minimum size if that is larger; a page the window cannot
 * hold yet is laid out again when shown. Measuring alone leaves the
 * costliest part to the frame: a flow box of wrapping labels (the Planning
 * page's figures) asks them their width for a height while it allocates,
 * a new measurement.
 */
void
hp_page_warm (GtkWidget *page)
{
  GtkWidget *stack;
  int width, height, min_width, min_height;

  g_return_if_fail (GTK_IS_WIDGET (page));

  stack = gtk_widget_get_parent (page);
  if (stack == NULL || !gtk_widget_get_visible (page) ||
      (width = gtk_widget_get_width (stack)) <= 0 || (height = gtk_widget_get_height (stack)) <= 0)
    return;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, height, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  height = MAX (height, min_height);
  gtk_widget_allocate (page, width, height, -1, NULL);
}

typedef struct
{
  GtkWidget *page;
  guint     *source;
} WarmSoon;

static gboolean
warm_soon_cb (gpointer user_data)
{
  WarmSoon *warm = user_data;

  *warm->source = 0;
  if (!gtk_widget_get_mapped (warm->page))
    hp_page_warm (warm->page);

  return G_SOURCE_REMOVE;
}

/**
 * hp_page_warm_soon:
 * @page: a page that has just filled while hidden
 * @source: (inout): where @page keeps the idle's id; the page removes it
 *   when disposed
 *
 * Calls hp_page_warm() for @page in a low-priority idle, unless @page is
 * on screen by then (the frame that shows it measures it anyway).
 */
void
hp_page_warm_soon (GtkWidget *page,
                   guint     *source)
{
  WarmSoon *warm;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (source != NULL);

  if (*source != 0 || gtk_widget_get_mapped (page))
    return;

  warm = g_new (WarmSoon, 1);
  warm->page = page;
  warm->source = source;
  *source = g_idle_add_full (G_PRIORITY_LOW, warm_soon_cb, warm, g_free);
}
