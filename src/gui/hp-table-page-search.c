/* hp-table-page-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding rows: the search bar of a table page, the filter behind it, the
 * row count in the footer and which state the page shows (loading, empty,
 * list, no results).
 *
 * Every item gets its search key in the loader's worker thread: the
 * case-folded text of its searchable columns. A keystroke then runs one
 * strstr() per word and row in a worker thread, over the loader's batches
 * (items do not change once loaded: an edit saves a copy and the page
 * loads again), and the matches replace the view's model in one change.
 * In GTK 4.8 every change of the shown rows makes the column view rebuild
 * the rows it keeps (about 200, each with all its cells), so one change per
 * keystroke is what keeps typing smooth at 350,000 graduates; the next
 * keystroke cancels a search still running.
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
matches_terms (GObject            *item,
               const char * const *terms)
{
  const char *key;

  if (terms == NULL)
    return TRUE;

  key = g_object_get_qdata (item, search_key_quark ());
  if (key == NULL)
    return FALSE;

  /* pairs: the word folded plainly, and transliterated ("" if the same) */
  for (guint i = 0; terms[i] != NULL; i += 2)
    if (strstr (key, terms[i]) == NULL &&
        (*terms[i + 1] == '\0' || strstr (key, terms[i + 1]) == NULL))
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
      gtk_widget_remove_css_class (GTK_WIDGET (priv->empty_button), "suggested-action");
      adw_status_page_set_icon_name (priv->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (priv->empty_page, _("Create a Campaign First"));
      adw_status_page_set_description (priv->empty_page,
                                       _("Graduates belong to a campaign, such as “Heimvorteil2GO 2027”. "
                                         "Create the campaign, then add its graduates here."));
      gtk_button_set_label (priv->empty_button, _("_New Campaign…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_button), "win.new-campaign");
      return;
    }

  /* without a campaign the window's banner has the one blue button */
  if (priv->campaign != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (priv->empty_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (priv->empty_button), "suggested-action");

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
  /* the page's own filters filter nothing on an empty page */
  gtk_widget_set_visible (GTK_WIDGET (priv->header_box),
                          gtk_widget_get_first_child (GTK_WIDGET (priv->header_box)) != NULL &&
                          (g_str_equal (name, "list") || g_str_equal (name, "no-results")));
  update_count (self);
}

static void
shown_items_changed_cb (HpTablePage *self)
{
  _hp_table_page_update_view (self);
}

/* ------------------------------------------------------------------------ */
/* Filtering                                                                 */

typedef struct
{
  GPtrArray *batches;     /* a snapshot of the page's batches */
  GPtrArray *previous;    /* the matches shown now, or NULL */
  char     **terms;       /* NULL: every item */
  GType      item_type;
} SearchData;

/* What a search hands back: its matches, and the model to show, or NULL if
 * the rows on screen are these matches already. */
typedef struct
{
  GPtrArray  *matches;
  GListStore *store;
} SearchResult;

/* Letting go of a long result (a GListStore of a few hundred thousand
 * rows, the GPtrArray of its matches) frees a node per row: some 25-50 ms
 * that a keystroke must not spend on the main loop. A worker does it, but
 * only once the main loop is back: the caller usually drops its own
 * references right after (the view lets go of the model it showed), and
 * whoever drops the last one frees the rows. */
typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Release;

static GPtrArray *pending_releases;   /* main thread only */

static void
release_worker (gpointer data,
                gpointer user_data)
{
  Release *release = data;

  release->destroy (release->data);
  g_free (release);
}

static gboolean
push_releases_cb (gpointer user_data)
{
  static GThreadPool *pool;   /* main thread only */

  if (pool == NULL)
    pool = g_thread_pool_new (release_worker, NULL, 1, FALSE, NULL);

  for (guint i = 0; i < pending_releases->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (pending_releases, i), NULL);
  g_ptr_array_set_size (pending_releases, 0);

  return G_SOURCE_REMOVE;
}

/**
 * _hp_table_page_release:
 * @data: (nullable) (transfer full): what to let go of
 * @destroy: how
 *
 * Lets go of @data in a worker thread, one after another in the order of
 * the calls, after the main loop's current callback: references the caller
 * drops before it returns are gone by then. Main thread only.
 */
void
_hp_table_page_release (gpointer       data,
                        GDestroyNotify destroy)
{
  Release *release;

  if (data == NULL)
    return;

  if (pending_releases == NULL)
    pending_releases = g_ptr_array_new ();
  if (pending_releases->len == 0)
    g_idle_add_full (G_PRIORITY_HIGH, push_releases_cb, NULL, NULL);

  release = g_new (Release, 1);
  release->data = data;
  release->destroy = destroy;
  g_ptr_array_add (pending_releases, release);
}

/**
 * _hp_table_page_show:
 * @model: (nullable): the items to show (sorted), %NULL for all of them
 *
 * Shows @model in the view, and lets go of the search result shown so far
 * in a worker.
 */
void
_hp_table_page_show (HpTablePage *self,
                     GListModel  *model)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  GListModel *shown = gtk_sort_list_model_get_model (priv->sorted);

  if (model == NULL)
    {
      model = G_LIST_MODEL (priv->items);
      _hp_table_page_release (g_steal_pointer (&priv->matches), (GDestroyNotify) g_ptr_array_unref);
    }

  if (shown == model)
    return;

  _hp_table_page_release (g_object_ref (shown), g_object_unref);
  gtk_sort_list_model_set_model (priv->sorted, model);
}

static void
search_result_free (gpointer data)
{
  SearchResult *result = data;

  g_clear_pointer (&result->matches, g_ptr_array_unref);
  g_clear_object (&result->store);
  g_free (result);
}

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_ptr_array_unref (search->batches);
  g_clear_pointer (&search->previous, g_ptr_array_unref);
  g_strfreev (search->terms);
  g_free (search);
}

/* Worker thread: reads only the batches and the items' search keys, which
 * the loader set before any thread but its own saw the items. */
static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *search = task_data;
  /* referenced: the page keeps the matches after the snapshot is gone */
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  SearchResult *result;

  for (guint b = 0; b < search->batches->len; b++)
    {
      GPtrArray *batch = g_ptr_array_index (search->batches, b);

      if (g_task_return_error_if_cancelled (task))
        return;

      for (guint i = 0; i < batch->len; i++)
        if (matches_terms (g_ptr_array_index (batch, i), (const char * const *) search->terms))
          g_ptr_array_add (matches, g_object_ref (g_ptr_array_index (batch, i)));
    }

  result = g_new0 (SearchResult, 1);
  /* typing on often finds the same rows: a new model would only make the
   * view rebuild its rows */
  if (search->previous == NULL || search->previous->len != matches->len ||
      (matches->len > 0 &&
       memcmp (search->previous->pdata, matches->pdata, matches->len * sizeof (gpointer)) != 0))
    {
      result->store = g_list_store_new (search->item_type);
      g_list_store_splice (result->store, 0, 0, matches->pdata, matches->len);
    }
  result->matches = g_steal_pointer (&matches);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, search_result_free);
  else
    search_result_free (result);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  SearchResult *found;
  g_autoptr(GListStore) matches = NULL;
  g_autoptr(GError) error = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  /* a newer search or dispose owns the page now */
  if (found == NULL)
    {
      g_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }

  g_clear_object (&priv->search_cancellable);
  _hp_table_page_release (g_steal_pointer (&priv->matches), (GDestroyNotify) g_ptr_array_unref);
  priv->matches = g_steal_pointer (&found->matches);
  matches = g_steal_pointer (&found->store);
  search_result_free (found);

  if (matches == NULL)
    {
      _hp_table_page_update_view (self);
      return;
    }

  /* the page's own narrowing reads its widgets, so it runs here, over the
   * matches only */
  if (priv->narrowed)
    {
      guint n_matches = g_list_model_get_n_items (G_LIST_MODEL (matches));
      g_autoptr(GPtrArray) narrowed = g_ptr_array_new_full (n_matches, g_object_unref);
      g_autoptr(GListStore) shown = g_list_store_new (klass->item_type);

      for (guint i = 0; i < n_matches; i++)
        {
          GObject *item = g_list_model_get_item (G_LIST_MODEL (matches), i);

          if (klass->match_item (self, item))
            g_ptr_array_add (narrowed, item);
          else
            g_object_unref (item);
        }
      g_list_store_splice (shown, 0, 0, narrowed->pdata, narrowed->len);
      g_set_object (&matches, shown);
    }

  _hp_table_page_show (self, G_LIST_MODEL (matches));
  _hp_table_page_update_view (self);
  if (priv->restore_after_search)
    _hp_table_page_restore_position (self);
}

static void
cancel_search (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  if (priv->search_cancellable != NULL)
    {
      g_cancellable_cancel (priv->search_cancellable);
      g_clear_object (&priv->search_cancellable);
    }
}

/**
 * _hp_table_page_get_search_active:
 *
 * Returns: %TRUE if the search or the page's narrowing hides rows.
 */
gboolean
_hp_table_page_get_search_active (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return priv->terms != NULL || priv->narrowed;
}

/**
 * _hp_table_page_refilter:
 * @changed: whether the items or the narrowing changed, rather than only
 *   the search text
 *
 * Shows the rows that match the search text and the page's narrowing:
 * all items at once without either, otherwise the result of a search in a
 * worker thread, which replaces one still running.
 */
void
_hp_table_page_refilter (HpTablePage *self,
                         gboolean     changed)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  /* a subclass's template may say so before the model exists */
  if (priv->sorted == NULL)
    return;

  cancel_search (self);

  if (changed)
    _hp_table_page_release (g_steal_pointer (&priv->matches), (GDestroyNotify) g_ptr_array_unref);

  if (!_hp_table_page_get_search_active (self))
    {
      _hp_table_page_show (self, NULL);
      _hp_table_page_update_view (self);
      return;
    }

  search = g_new0 (SearchData, 1);
  search->batches = g_ptr_array_copy (priv->batches, (GCopyFunc) g_ptr_array_ref, NULL);
  g_ptr_array_set_free_func (search->batches, (GDestroyNotify) g_ptr_array_unref);
  search->previous = priv->matches ? g_ptr_array_ref (priv->matches) : NULL;
  search->terms = g_strdupv (priv->terms);
  search->item_type = HP_TABLE_PAGE_GET_CLASS (self)->item_type;

  priv->search_cancellable = g_cancellable_new ();
  /* holds a reference on the page until search_cb has run */
  task = g_task_new (self, priv->search_cancellable, search_cb, NULL);
  g_task_set_source_tag (task, _hp_table_page_refilter);
  g_task_set_task_data (task, search, search_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, search_worker);

  _hp_table_page_update_view (self);
}

/**
 * _hp_table_page_cancel_search:
 *
 * Stops a running search and forgets the shown one's matches, e.g. before
 * the items go.
 */
void
_hp_table_page_cancel_search (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  cancel_search (self);
  g_clear_pointer (&priv->matches, g_ptr_array_unref);
}

static void
set_query (HpTablePage *self,
           const char  *text)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  g_autofree char *query = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_auto(GStrv) words = NULL;

  if (text != NULL && *text != '\0')
    query = g_utf8_casefold (text, -1);

  if (g_strcmp0 (query, priv->query) == 0)
    return;

  g_clear_pointer (&priv->terms, g_strfreev);
  if (query != NULL)
    {
      words = g_strsplit_set (query, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            char *plain = hp_fold_for_search (words[i], FALSE);
            char *transliterated = hp_fold_for_search (words[i], TRUE);

            /* "mueller" finds "Müller" the second way, "muller" the first */
            if (g_str_equal (plain, transliterated))
              *transliterated = '\0';
            g_ptr_array_add (terms, plain);
            g_ptr_array_add (terms, transliterated);
          }
    }
  if (terms->len > 0)
    {
      g_ptr_array_add (terms, NULL);
      priv->terms = (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
    }

  g_free (priv->query);
  priv->query = g_steal_pointer (&query);
  _hp_table_page_refilter (self, FALSE);
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
  _hp_table_page_refilter (self, TRUE);
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
  /* Replacing the text empties the entry first, and an empty entry says
   * so at once: that would show every row in between, as typing does not. */
  g_signal_handlers_block_by_func (priv->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (priv->search_entry, search_changed_cb, self);
  set_query (self, text);
}

/**
 * _hp_table_page_get_filtering:
 *
 * Returns: %TRUE while a search runs, until its result is shown.
 */
gboolean
_hp_table_page_get_filtering (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return priv->search_cancellable != NULL;
}

void
_hp_table_page_init_search (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

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
}
