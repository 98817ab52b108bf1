/* hp-table-page-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding rows: the search bar of a table page, the filter behind it, the
 * row count in the footer and which state the page shows (loading, empty,
 * list, no results).
 *
 * The rows are packed (hp-row-table.h): a keystroke, a click on a column
 * header or the page's own narrowing (a school) runs one query over them
 * in a worker thread (hp_row_pool_query(): one strstr() per word and
 * searchable text, then a stable sort), and its result replaces the rows
 * shown in one change. In GTK 4.8 every change of the shown rows makes the
 * column view rebuild the rows it keeps (about 200, each with all its
 * cells) unless the row objects stay (hp-row-model.c), so one change per
 * query is what keeps typing smooth at 350,000 graduates; the next query
 * cancels one still running.
 */

#define G_LOG_DOMAIN "hp-table-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hp-table-page-private.h"

/* How long the rows out of view wait after a key, a search result or a
 * scroll (hp_reveal_model_hold()): about the pace of typing and the search
 * entry's delay, 150 ms each */
#define REVEAL_HOLD_MSEC 300

/* ------------------------------------------------------------------------ */
/* Count and view state                                                      */

static void
update_count (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  HpTablePageClass *klass = HP_TABLE_PAGE_GET_CLASS (self);
  guint n_total = priv->all->len;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));
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
                                       _(HP_TABLE_PAGE_GET_CLASS (self)->no_campaign_text));
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
  guint n_total, n_shown;

  if (priv->all == NULL || priv->rows == NULL)
    return;

  n_total = priv->all->len;
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));

  if (priv->failed)
    name = "error";
  else if (n_total == 0)
    name = priv->loading ? "loading" : "empty";
  else if (n_shown == 0 && priv->loading && priv->progressive)
    /* a search, narrowing or sort shows the rows once they are all in */
    name = "loading";
  else if (n_shown == 0 && !_hp_table_page_get_filtering (self))
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
  HpRowPool  *pool;
  GPtrArray  *rows;       /* all rows, or a snapshot of them while they load */
  HpRowQuery  query;      /* its terms owned */
} SearchData;

/* What a query hands back: its rows, in order. */
typedef struct
{
  HpRowPool *pool;
  GPtrArray *rows;
} SearchResult;

/* Letting go of a long result (the old rows of a reload: a pool of a few
 * hundred thousand rows, with their texts) frees many blocks: time that a
 * keystroke must not spend on the main loop. A worker does it, but only
 * once the main loop is back: the caller usually drops its own references
 * right after, and whoever drops the last one frees the rows. */
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

/* The view's rows show @rows now; does the selected row still show the
 * selected item? Else the selection moves to the row that shows it, or
 * goes. */
static void
follow_selection (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  guint selected = gtk_single_selection_get_selected (priv->selection);
  const HpPackedRow *row = hp_row_model_get_packed (priv->rows, selected);
  guint position;

  if (row != NULL && row->id == priv->selected_id)
    return;

  position = priv->selected_id != 0 ? hp_row_model_find_id (priv->rows, priv->selected_id)
                                    : GTK_INVALID_LIST_POSITION;
  _hp_table_page_select_position (self, position);
  row = hp_row_model_get_packed (priv->rows, position);
  priv->selected_id = row != NULL ? row->id : 0;
}

/**
 * _hp_table_page_show_rows:
 * @pool: the pool of @rows
 * @rows: (transfer full): the rows to show, in order
 *
 * Shows @rows in the view (the view's row objects stay, see
 * hp-row-model.c), keeps the selected item selected if it is shown, and
 * lets go of the rows shown so far in a worker.
 */
void
_hp_table_page_show_rows (HpTablePage *self,
                          HpRowPool   *pool,
                          GPtrArray   *rows)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  GPtrArray *shown = hp_row_model_get_rows (priv->rows);
  guint old_n = shown->len;

  /* typing on often finds the same rows */
  if (hp_row_model_get_pool (priv->rows) == pool && shown->len == rows->len &&
      (rows->len == 0 || memcmp (shown->pdata, rows->pdata, rows->len * sizeof (gpointer)) == 0))
    {
      g_ptr_array_unref (rows);
      _hp_table_page_update_view (self);
      return;
    }

  _hp_table_page_release (g_ptr_array_ref (shown), (GDestroyNotify) g_ptr_array_unref);
  if (hp_row_model_get_pool (priv->rows) != NULL)
    _hp_table_page_release (hp_row_pool_ref (hp_row_model_get_pool (priv->rows)),
                            (GDestroyNotify) hp_row_pool_unref);

  /* the rows on screen show the new rows first */
  {
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled_window);
    double upper = gtk_adjustment_get_upper (vadjustment);

    hp_row_model_set_focus (priv->rows, upper > 0.0 ? (guint) (old_n * gtk_adjustment_get_value (vadjustment) / upper) : 0);
  }

  priv->rows_changing = TRUE;
  hp_row_model_set_rows (priv->rows, pool, rows);
  priv->rows_changing = FALSE;
  follow_selection (self);

  if (priv->items_view != NULL)
    g_list_model_items_changed (priv->items_view, 0, old_n, rows->len);
  _hp_table_page_update_view (self);
}

static void
show_all (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  _hp_table_page_show_rows (self, priv->pool, g_ptr_array_copy (priv->all, NULL, NULL));
}

static void
search_result_free (gpointer data)
{
  SearchResult *result = data;

  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->pool, hp_row_pool_unref);
  g_free (result);
}

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_ptr_array_unref (search->rows);
  hp_row_pool_unref (search->pool);
  g_strfreev (search->query.terms);
  g_free (search);
}

/* Worker thread: reads only the rows, which never change once packed. */
static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *search = task_data;
  SearchResult *result;
  GPtrArray *rows;

  /* NULL only if cancelled */
  rows = hp_row_pool_query (search->pool, search->rows, &search->query, cancellable);
  if (rows == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_ptr_array_unref (rows);
      return;
    }

  result = g_new0 (SearchResult, 1);
  result->pool = hp_row_pool_ref (search->pool);
  result->rows = rows;
  g_task_return_pointer (task, result, search_result_free);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HpTablePage *self = HP_TABLE_PAGE (object);
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  SearchResult *found;
  g_autoptr(GError) error = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  /* a newer search or dispose owns the page now */
  if (found == NULL)
    {
      g_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }

  g_clear_object (&priv->search_cancellable);
  hp_reveal_model_hold (priv->reveal, REVEAL_HOLD_MSEC);
  _hp_table_page_show_rows (self, found->pool, g_steal_pointer (&found->rows));
  search_result_free (found);

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
 * _hp_table_page_get_query_active:
 *
 * Returns: %TRUE if the rows shown are not simply all rows in the store's
 *   order: a search, the page's narrowing or a sorted column.
 */
gboolean
_hp_table_page_get_query_active (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  return _hp_table_page_get_search_active (self) || priv->sort_column >= 0;
}

/**
 * _hp_table_page_refilter:
 *
 * Shows the rows that match the search text and the page's narrowing, in
 * the order of the sorted column: all rows at once without any of these,
 * otherwise the result of a query in a worker thread, which replaces one
 * still running.
 */
void
_hp_table_page_refilter (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  /* a subclass's template may say so before the model exists */
  if (priv->rows == NULL || priv->pool == NULL)
    return;

  cancel_search (self);

  if (!_hp_table_page_get_query_active (self))
    {
      show_all (self);
      return;
    }

  search = g_new0 (SearchData, 1);
  search->pool = hp_row_pool_ref (priv->pool);
  /* the rows of a first load still grow in the main thread */
  search->rows = priv->loading && priv->progressive ? g_ptr_array_copy (priv->all, NULL, NULL)
                                                    : g_ptr_array_ref (priv->all);
  search->query.terms = g_strdupv (priv->terms);
  search->query.narrowed = priv->narrowed;
  search->query.narrow_key = priv->narrow_key;
  search->query.sort_column = priv->sort_column;
  search->query.descending = priv->sort_descending;

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
 * Stops a running search, e.g. before the rows go.
 */
void
_hp_table_page_cancel_search (HpTablePage *self)
{
  cancel_search (self);
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
  /* the frames that show the result are the user's */
  hp_reveal_model_hold (priv->reveal, REVEAL_HOLD_MSEC);

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
  _hp_table_page_refilter (self);
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
 * @narrowed: whether the page's own filter hides rows now
 * @key: the rows it keeps: those whose HpTablePageClass.get_narrow_key()
 *   is @key
 *
 * Call it whenever that filter changed, e.g. another school was chosen.
 */
void
_hp_table_page_set_narrowed (HpTablePage *self,
                             gboolean     narrowed,
                             gint64       key)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);

  g_return_if_fail (!narrowed || HP_TABLE_PAGE_GET_CLASS (self)->get_narrow_key != NULL);

  if (priv->narrowed == !!narrowed && (!narrowed || priv->narrow_key == key))
    return;

  priv->narrowed = !!narrowed;
  priv->narrow_key = key;
  _hp_table_page_refilter (self);
}

static void
sort_changed_cb (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  gboolean descending;
  int column;

  hp_columns_get_sort (priv->column_view, &column, &descending);
  if (column == priv->sort_column && descending == priv->sort_descending)
    return;

  priv->sort_column = column;
  priv->sort_descending = descending;
  _hp_table_page_refilter (self);
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

/* Scrolling while the view still makes the rows it keeps out of view:
 * those wait, the frames are the scrolling's; unless the user scrolls to
 * within two pages of the last rows shown so far, and needs them. */
static void
scrolled_cb (HpTablePage   *self,
             GtkAdjustment *vadjustment)
{
  double page = gtk_adjustment_get_page_size (vadjustment);

  if (gtk_adjustment_get_value (vadjustment) + 2 * page < gtk_adjustment_get_upper (vadjustment))
    hp_reveal_model_hold (_hp_table_page_get_priv (self)->reveal, REVEAL_HOLD_MSEC);
}

void
_hp_table_page_init_search (HpTablePage *self)
{
  HpTablePagePrivate *priv = _hp_table_page_get_priv (self);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled_window);

  gtk_search_bar_connect_entry (priv->search_bar, GTK_EDITABLE (priv->search_entry));
  /* typing while the list has the focus starts a search */
  gtk_search_bar_set_key_capture_widget (priv->search_bar, GTK_WIDGET (self));

  g_signal_connect_object (priv->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->rows, "items-changed",
                           G_CALLBACK (shown_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (priv->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
}
