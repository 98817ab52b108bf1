/* hp-table-page-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding rows: the search bar of a table page, the filter behind it, the
 * row count in the footer and which state the page shows (loading, empty,
 * list, no results).
 *
 * Every item gets its search key in the loader's worker thread: the
 * case-folded text of its searchable columns. A keystroke then costs one
 * strstr() per word and row, run by GtkFilterListModel in idle steps, so
 * even 350,000 graduates never block the window. Typing more only looks at
 * the rows that still match, deleting only at those that did not.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-table-page-private.h"

static GQuark
search_key_quark (void)
{
  return g_quark_from_static_string ("hp-search-key");
}

/**
 * _hp_table_page_prepare_item:
 * @klass: the page's #HpTablePageClass
 *
 * Attaches @item's search key. Runs in the loader's worker thread, before
 * the main thread sees @item.
 */
void
_hp_table_page_prepare_item (GObject  *item,
                             gpointer  klass)
{
  HpTablePageClass *page_class = klass;

  g_object_set_qdata_full (item, search_key_quark (),
                           hp_columns_dup_search_key (page_class->columns,
                                                      page_class->n_columns, item),
                           g_free);
}

static gboolean
match_item_cb (gpointer item,
               gpointer user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (user_data);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (priv->terms != NULL)
    {
      const char *key = g_object_get_qdata (item, search_key_quark ());

      if (key == NULL)
        return FALSE;

      for (guint i = 0; priv->terms[i] != NULL; i++)
        if (strstr (key, priv->terms[i]) == NULL)
          return FALSE;
    }

  if (priv->narrowed && !HP_TABLE_PAGE_GET_CLASS (self)->match_item (self, item))
    return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Count and view state                                                      */

static void
update_count (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (priv->items));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->sorted));
  g_autofree char *count = NULL;

  if (priv->loading && priv->progressive && priv->expected > n_total)
    {
      g_autofree char *of = klass->format_count (n_total, (guint) priv->expected);

      /* Translators: %s is e.g. "5,000 of 350,000 graduates" */
      count = g_strdup_printf (_("Loading… %s"), of);
    }
  else
    {
      count = klass->format_count (n_shown, n_total);
    }

  gtk_label_set_label (priv->count_label, count);
}

static void
update_empty_page (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (HP_TABLE_PAGE_GET_CLASS (self)->needs_campaign && priv->campaign == NULL)
    {
      adw_status_page_set_icon_name (priv->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (priv->empty_page, _("Create a Campaign First"));
      adw_status_page_set_description (priv->empty_page,
                                       _("Graduates belong to a campaign, such as “Heimvorteil2GO 2027”. "
                                         "Create the campaign, then add its graduates here."));
      gtk_button_set_label (priv->empty_button, _("_New Campaign…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_button), "win.new-campaign");
      return;
    }

  adw_status_page_set_icon_name (priv->empty_page, priv->empty[0]);
  adw_status_page_set_title (priv->empty_page, priv->empty[1]);
  adw_status_page_set_description (priv->empty_page, priv->empty[2]);
  gtk_button_set_label (priv->empty_button, priv->add_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_button), "page.add");
}

/**
 * _hp_table_page_update_view:
 *
 * Shows what fits the page's state: the spinner while the first rows are
 * coming, the empty state, an error, the table, or "No Results".
 */
void
_hp_table_page_update_view (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  const char *name;
  guint n_total;

  if (priv->items == NULL)
    return;

  n_total = g_list_model_get_n_items (G_LIST_MODEL (priv->items));

  if (priv->failed)
    name = "error";
  else if (n_total == 0)
    name = priv->loading ? "loading" : "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (priv->sorted)) == 0 &&
           !_hp_table_page_get_filtering (self))
    name = "no-results";
  else
    name = "list";

  if (g_str_equal (name, "empty"))
    update_empty_page (self);

  gtk_stack_set_visible_child_name (priv->stack, name);
  gtk_action_bar_set_revealed (priv->action_bar,
                               g_str_equal (name, "list") || g_str_equal (name, "no-results"));
  update_count (self);
}

static void
shown_items_changed_cb (HpTablePage *self)
{
  _hp_table_page_update_view (self);
}

/* ------------------------------------------------------------------------ */
/* Filtering                                                                 */

static void
apply_filter (HpTablePage     *self,
              GtkFilterChange  change)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  gboolean active = priv->terms != NULL || priv->narrowed;

  /* a subclass's template may say so before the model exists */
  if (priv->filtered == NULL)
    return;

  if (!active)
    {
      /* no filter at all: every row at once, without asking each */
      gtk_filter_list_model_set_filter (priv->filtered, NULL);
    }
  else if (gtk_filter_list_model_get_filter (priv->filtered) == NULL)
    {
      gtk_filter_list_model_set_filter (priv->filtered, GTK_FILTER (priv->filter));
    }
  else
    {
      gtk_filter_changed (GTK_FILTER (priv->filter), change);
    }

  _hp_table_page_update_view (self);
}

static void
set_query (HpTablePage *self,
           const char  *text)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  g_autofree char *query = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_auto(GStrv) words = NULL;

  if (text != NULL && *text != '\0')
    query = g_utf8_casefold (text, -1);

  if (g_strcmp0 (query, priv->query) == 0)
    return;

  if (priv->query != NULL && query != NULL)
    {
      if (g_str_has_prefix (query, priv->query))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (g_str_has_prefix (priv->query, query))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  g_clear_pointer (&priv->terms, g_strfreev);
  if (query != NULL)
    {
      words = g_strsplit_set (query, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_ptr_array_add (terms, g_strdup (words[i]));
    }
  if (terms->len > 0)
    {
      g_ptr_array_add (terms, NULL);
      priv->terms = (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
    }

  g_free (priv->query);
  priv->query = g_steal_pointer (&query);
  apply_filter (self, change);
}

static void
search_changed_cb (HpTablePage    *self,
                   GtkSearchEntry *entry)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (HpTablePage    *self,
                GtkSearchEntry *entry)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (priv->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
search_mode_changed_cb (HpTablePage  *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  /* a closed search bar hides nothing */
  if (!gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      set_query (self, NULL);
    }
}

/**
 * _hp_table_page_set_narrowed:
 * @narrowed: whether the page's own filter (HpTablePageClass.match_item)
 *   hides rows now
 *
 * Call it whenever that filter changed, e.g. another school was chosen.
 */
void
_hp_table_page_set_narrowed (HpTablePage *self,
                             gboolean     narrowed)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  g_return_if_fail (!narrowed || HP_TABLE_PAGE_GET_CLASS (self)->match_item != NULL);

  priv->narrowed = !!narrowed;
  apply_filter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * _hp_table_page_set_search_text:
 *
 * Types @text into the search entry and starts filtering at once, without
 * the entry's delay.
 */
void
_hp_table_page_set_search_text (HpTablePage *self,
                                const char  *text)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  gtk_search_bar_set_search_mode (priv->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text ? text : "");
  set_query (self, text);
}

/**
 * _hp_table_page_get_filtering:
 *
 * Returns: %TRUE while the incremental filter has rows left to check.
 */
gboolean
_hp_table_page_get_filtering (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return priv->filtered != NULL && gtk_filter_list_model_get_pending (priv->filtered) > 0;
}

void
_hp_table_page_init_search (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  priv->filter = gtk_custom_filter_new (match_item_cb, self, NULL);

  gtk_search_bar_connect_entry (priv->search_bar, GTK_EDITABLE (priv->search_entry));
  /* typing while the list has the focus starts a search */
  gtk_search_bar_set_key_capture_widget (priv->search_bar, GTK_WIDGET (self));

  g_signal_connect_object (priv->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->sorted, "items-changed",
                           G_CALLBACK (shown_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->filtered, "notify::pending",
                           G_CALLBACK (shown_items_changed_cb), self, G_CONNECT_SWAPPED);
}
