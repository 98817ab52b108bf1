/* hp-bench-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI figures of build-aux/bench, measured in-process on a real window
 * over a demo file (issue 4: at national scale a tab opens in under a second
 * and a search keystroke never blocks the main loop for more than a frame):
 *
 *  - opening: the time from creating the window with the graduates (then
 *    the products) page visible until that page's model has its first rows,
 *    until they were first painted, and until loading finished; against the
 *    same window over an empty file, and the core listing the same rows
 *    alone in the same process;
 *  - filtering: typing "Mül" into the graduates page one key at a time, then
 *    clearing it; the worst gap between main-loop iterations (a 1 ms
 *    high-priority timeout notes each one) and between frames, against the
 *    same idle window for the same time;
 *  - a session (issue 15: no stall over 16 ms): one window, once every
 *    page has loaded (the opening figures above cover the loading),
 *    visiting every tab, booking a delivery with the Planning page in
 *    view, sorting the graduates by two columns, editing one graduate (its
 *    row changes), deleting one and undoing it; the worst main-loop
 *    stall of each step until the page settled, against the idle loop; and
 *    the window's resident memory with every page visited, and its peak.
 *
 * Usage: hp-bench-ui FILE.db   (run under Xvfb; prints one line per figure;
 *        HP_BENCH_ONLY=session or =search runs only the session or only
 *        the search figures)
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "hp-page.h"
#include "hp-table-page-private.h"
#include "hp-window-private.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800

#define TIMEOUT_USEC    (120 * G_USEC_PER_SEC)
/* about the pace of typing */
#define KEY_GAP_USEC    (150 * 1000)
/* after the last key: GtkSearchEntry's delay (its own search-changed comes
 * then, after the hook already started the search), then this long without
 * changes */
#define SEARCH_DELAY_USEC (150 * 1000)
#define QUIET_USEC      (500 * 1000)

#define LABEL_WIDTH 44

/* ------------------------------------------------------------------------ */
/* Stall monitor                                                             */

typedef struct
{
  guint  timeout_id;
  guint  tick_id;
  gint64 last_iteration;
  gint64 last_frame;
  gint64 worst_iteration;   /* usec between two runs of the 1 ms timeout */
  gint64 worst_frame;       /* usec between two frame clock ticks */
  gint64 worst_since_mark;  /* worst_iteration since stall_monitor_mark() */
} StallMonitor;

static gboolean
stall_monitor_timeout_cb (gpointer user_data)
{
  StallMonitor *monitor = user_data;
  gint64 now = g_get_monotonic_time ();

  if (g_getenv ("HP_BENCH_TRACE") != NULL && now - monitor->last_iteration > 8000)
    g_print ("  gap %.1f ms\n", (now - monitor->last_iteration) / 1000.0);
  monitor->worst_iteration = MAX (monitor->worst_iteration, now - monitor->last_iteration);
  monitor->worst_since_mark = MAX (monitor->worst_since_mark, now - monitor->last_iteration);
  monitor->last_iteration = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
stall_monitor_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  StallMonitor *monitor = user_data;
  gint64 now = g_get_monotonic_time ();

  monitor->worst_frame = MAX (monitor->worst_frame, now - monitor->last_frame);
  monitor->last_frame = now;

  return G_SOURCE_CONTINUE;
}

/* HP_BENCH_TRACE=1: each frame that takes over 3 ms is printed with its
 * phases (events and ticks, layout, paint) and the main thread's page
 * faults since the frame before, to tell where a stall goes; so is each
 * gap of the main loop over 8 ms. */
/* the end of each phase: our handlers run after GTK's */
enum { PHASE_BEFORE, PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, PHASE_AFTER, N_PHASES };
static gint64 trace_at[N_PHASES];
static long   trace_faults;   /* the main thread's minor page faults at the last frame's end */

static long
thread_minor_faults (void)
{
  struct rusage usage;

  return getrusage (RUSAGE_THREAD, &usage) == 0 ? usage.ru_minflt : 0;
}

static void
trace_phase_cb (GdkFrameClock *clock,
                gpointer       data)
{
  int phase = GPOINTER_TO_INT (data);
  gint64 spent[N_PHASES] = { 0 };
  gint64 start = 0, last;
  long faults;

  trace_at[phase] = g_get_monotonic_time ();
  if (phase != PHASE_AFTER)
    return;
  /* GDK runs a phase only when something asked for it */
  for (int i = 0; i < N_PHASES; i++)
    if (trace_at[i] != 0 && start == 0)
      start = trace_at[i];
  last = start;
  for (int i = 1; i < N_PHASES; i++)
    if (trace_at[i] != 0)
      {
        spent[i - 1] = trace_at[i] - last;
        last = trace_at[i];
      }
  faults = thread_minor_faults () - trace_faults;
  trace_faults += faults;
  if (trace_at[PHASE_AFTER] - start > 3000)
    g_print ("  frame at %.3f s, %.1f ms: ticks %.1f, layout %.1f, paint %.1f, after %.1f; "
             "%ld page faults since the last\n",
             start / (double) G_USEC_PER_SEC, (trace_at[PHASE_AFTER] - start) / 1000.0, spent[PHASE_BEFORE] / 1000.0,
             spent[PHASE_UPDATE] / 1000.0, spent[PHASE_LAYOUT] / 1000.0, spent[PHASE_PAINT] / 1000.0,
             faults);
  memset (trace_at, 0, sizeof trace_at);
}

static gint64 trace_call_start;

static void
trace_call_begin (void)
{
  trace_call_start = g_get_monotonic_time ();
}

/* HP_BENCH_TRACE: how long a step's own call took, before any frame */
static void
trace_call_end (const char *what)
{
  if (g_getenv ("HP_BENCH_TRACE") != NULL)
    g_print ("  %s took %.1f ms\n", what, (g_get_monotonic_time () - trace_call_start) / 1000.0);
}

static void
trace_frames (GtkWidget *widget)
{
  static const char * const signals[] = { "before-paint", "update", "layout", "paint", "after-paint" };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (g_getenv ("HP_BENCH_TRACE") == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect (clock, signals[i], G_CALLBACK (trace_phase_cb), GINT_TO_POINTER (i));
}

/* @widget: (nullable): also note the gaps between its frames */
static void
stall_monitor_start (StallMonitor *monitor,
                     GtkWidget    *widget)
{
  memset (monitor, 0, sizeof *monitor);
  /* a stall right at the start counts too: the first gaps run from here */
  monitor->last_iteration = monitor->last_frame = g_get_monotonic_time ();
  monitor->timeout_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_monitor_timeout_cb,
                                            monitor, NULL);
  if (widget != NULL)
    monitor->tick_id = gtk_widget_add_tick_callback (widget, stall_monitor_tick_cb, monitor, NULL);
}

/* Returns the worst stall since the last mark (or the start), and sets a
 * mark. */
static gint64
stall_monitor_mark (StallMonitor *monitor)
{
  gint64 worst;

  stall_monitor_timeout_cb (monitor);
  worst = monitor->worst_since_mark;
  monitor->worst_since_mark = 0;

  return worst;
}

static void
stall_monitor_stop (StallMonitor *monitor,
                    GtkWidget    *widget)
{
  /* a stall right before the end counts too */
  stall_monitor_timeout_cb (monitor);
  g_clear_handle_id (&monitor->timeout_id, g_source_remove);
  if (monitor->tick_id != 0)
    gtk_widget_remove_tick_callback (widget, monitor->tick_id);
  monitor->tick_id = 0;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

/* the figures of the last line */
static struct
{
  gint64 first_rows;
  gint64 all_rows;
  gint64 worst_stall;   /* while filtering */
  gint64 idle_stall;    /* the idle loop, as long */
  gint64 session_stall; /* the worst step of the session */
  gint64 redraw_floor;  /* a full redraw of the idle window */
  const char *session_step;
  gint64 peak_kb;
} summary;

/* Each figure is one line: a label padded to LABEL_WIDTH, then the value,
 * as the other lines of build-aux/bench. */
static void G_GNUC_PRINTF (2, 0)
print_line (const char *value,
            const char *format,
            va_list     args)
{
  g_autofree char *label = g_strdup_vprintf (format, args);
  /* pad by characters, not bytes: labels have quotes and umlauts */
  glong pad = MAX (0, LABEL_WIDTH - g_utf8_strlen (label, -1));

  g_print ("%s%*s %s\n", label, (int) pad, "", value);
}

static void G_GNUC_PRINTF (2, 3)
print_seconds (gint64      usec,
               const char *format,
               ...)
{
  g_autofree char *value = g_strdup_printf ("%8.2f s", usec / (double) G_USEC_PER_SEC);
  va_list args;

  va_start (args, format);
  print_line (value, format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (2, 3)
print_ms (gint64      usec,
          const char *format,
          ...)
{
  g_autofree char *value = g_strdup_printf ("%8.1f ms", usec / 1000.0);
  va_list args;

  va_start (args, format);
  print_line (value, format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (3, 4)
print_ratio (gint64      value,
             gint64      baseline,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (baseline > 0)
    text = g_strdup_printf ("%8.2fx", value / (double) baseline);
  else
    text = g_strdup_printf ("%8s", "n/a");

  va_start (args, format);
  print_line (text, format, args);
  va_end (args);
}

/* ------------------------------------------------------------------------ */
/* Main loop helpers                                                         */

static gboolean
wake_up_cb (gpointer user_data)
{
  gboolean *woken = user_data;

  *woken = TRUE;

  return G_SOURCE_REMOVE;
}

/* One blocking iteration of the main loop, which returns after @max_usec
 * at the latest even if nothing else happens. */
static void
iterate (gint64 max_usec)
{
  gboolean woken = FALSE;
  guint id = g_timeout_add_full (G_PRIORITY_DEFAULT, MAX (1, max_usec / 1000), wake_up_cb, &woken, NULL);

  g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (id);
}

static void
run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;
  gint64 now;

  while ((now = g_get_monotonic_time ()) < end)
    iterate (end - now);
}

static void
wait_until_loaded (HpTablePage *page)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (hp_table_page_get_loading (page))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not finish loading in time", G_OBJECT_TYPE_NAME (page));
      iterate (10 * 1000);
    }
}

/* A window's store opens read-write, as staff open their file: a read-only
 * window shows a banner and lays out differently. Each window's store is
 * gone before the next one takes the file's lock; a second store beside it
 * opens read-only. */
static HpStore *
open_store (const char      *path,
            HpStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  HpStore *store = hp_store_open (path, flags, &error);

  if (store == NULL)
    g_error ("%s: %s", path, error->message);

  return store;
}

static void
close_window (HpWindow *window)
{
  static const char * const names[] = { "sponsors", "products", "schools", "graduates" };

  /* running loads hold references on their pages and the store */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HpTablePage *page = _hp_window_get_page (window, names[i]);

      if (page != NULL)
        wait_until_loaded (page);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Opening a page                                                            */

typedef struct
{
  gint64 start;
  gint64 first_rows;    /* the model has items */
  gint64 first_paint;   /* the first frame painted after that */
  gint64 any_paint;     /* the first frame painted at all */
  gint64 all_rows;      /* loading finished */
  StallMonitor *monitor;  /* (nullable): marked at the first frame */
  gint64 before_paint;  /* the worst stall until then: building the window */
} OpenTimes;

static void
open_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       OpenTimes  *times)
{
  if (times->first_rows == 0 && g_list_model_get_n_items (model) > 0)
    times->first_rows = g_get_monotonic_time ();
}

static void
open_after_paint_cb (GdkFrameClock *frame_clock,
                     OpenTimes     *times)
{
  gint64 now = g_get_monotonic_time ();

  if (times->any_paint == 0)
    {
      times->any_paint = now;
      if (times->monitor != NULL)
        times->before_paint = stall_monitor_mark (times->monitor);
    }
  if (times->first_rows != 0 && times->first_paint == 0)
    times->first_paint = now;
}

static HpWindow *
open_window_on_monitored (HpStore      *store,
                          const char   *page_name,
                          OpenTimes    *times,
                          StallMonitor *monitor)
{
  HpWindow *window;
  HpTablePage *page;
  GListModel *model;
  gint64 deadline;
  gulong paint_handler = 0;
  GdkFrameClock *frame_clock = NULL;

  memset (times, 0, sizeof *times);
  times->monitor = monitor;
  times->start = g_get_monotonic_time ();

  window = hp_window_new (NULL, store);
  page = _hp_window_get_page (window, page_name);
  if (page == NULL)
    g_error ("The window has no page “%s”", page_name);
  model = _hp_table_page_get_model (page);
  g_signal_connect (model, "items-changed", G_CALLBACK (open_items_changed_cb), times);

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), page_name);
  gtk_window_present (GTK_WINDOW (window));

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (frame_clock != NULL)
    paint_handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (open_after_paint_cb), times);

  deadline = times->start + TIMEOUT_USEC;
  for (;;)
    {
      /* an empty list has no first rows to paint */
      if (times->all_rows != 0
          && (frame_clock == NULL
              || (times->any_paint != 0
                  && (times->first_paint != 0 || g_list_model_get_n_items (model) == 0))))
        break;

      if (g_get_monotonic_time () > deadline)
        g_error ("The %s page did not load in time", page_name);
      iterate (10 * 1000);

      if (times->first_rows == 0 && g_list_model_get_n_items (model) > 0)
        times->first_rows = g_get_monotonic_time ();
      if (times->all_rows == 0 && !hp_table_page_get_loading (page))
        times->all_rows = g_get_monotonic_time ();
    }

  g_signal_handlers_disconnect_by_func (model, open_items_changed_cb, times);
  if (paint_handler != 0)
    g_signal_handler_disconnect (frame_clock, paint_handler);

  return window;
}

static HpWindow *
open_window_on (HpStore    *store,
                const char *page_name,
                OpenTimes  *times)
{
  return open_window_on_monitored (store, page_name, times, NULL);
}

/* What the page does, without the page: the core lists the same rows. */
static gint64
time_core_listing (const char *path,
                   const char *page_name,
                   guint      *n_items)
{
  g_autoptr(HpStore) store = open_store (path, HP_STORE_OPEN_READ_ONLY);
  g_autoptr(HpCampaign) campaign = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign_id, start;

  campaign = hp_store_get_current_campaign (store, &error);
  if (campaign == NULL && !g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    g_error ("%s: %s", path, error->message);
  g_clear_error (&error);
  campaign_id = campaign ? hp_campaign_get_id (campaign) : 0;

  start = g_get_monotonic_time ();
  if (g_str_equal (page_name, "graduates"))
    items = hp_store_list_graduates (store, campaign_id, 0, &error);
  else
    items = hp_store_list_products (store, campaign_id, 0, &error);
  if (items == NULL)
    g_error ("%s: %s", path, error->message);
  *n_items = g_list_model_get_n_items (items);

  return g_get_monotonic_time () - start;
}

/* The same window over an empty file: how long a window takes anyway. */
static gint64
time_empty_window (const char *page_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  OpenTimes times;
  HpWindow *window;

  if (store == NULL)
    g_error ("An empty store: %s", error->message);

  window = open_window_on (store, page_name, &times);
  close_window (window);

  return times.any_paint - times.start;
}

static void
bench_open (const char *path,
            const char *page_name)
{
  g_autoptr(HpStore) store = open_store (path, HP_STORE_OPEN_DEFAULT);
  StallMonitor monitor;
  OpenTimes times;
  HpWindow *window;
  gint64 core, empty;
  guint n_core, n_page;

  core = time_core_listing (path, page_name, &n_core);
  empty = time_empty_window (page_name);

  stall_monitor_start (&monitor, NULL);
  window = open_window_on_monitored (store, page_name, &times, &monitor);
  stall_monitor_stop (&monitor, NULL);
  n_page = g_list_model_get_n_items (_hp_table_page_get_model (_hp_window_get_page (window, page_name)));

  print_seconds (times.first_rows - times.start, "%s tab: first rows", page_name);
  print_seconds (times.first_paint - times.start, "%s tab: first painted with rows", page_name);
  print_seconds (times.all_rows - times.start, "%s tab: all %u rows", page_name, n_page);
  print_seconds (empty, "floor: empty file, window painted");
  print_ratio (times.first_paint - times.start, empty, "ratio first painted / floor");
  print_seconds (core, "floor: the core lists the %u %s", n_core, page_name);
  print_ratio (times.all_rows - times.start, core, "ratio all rows / floor");
  /* building the window and its pages happens before it shows at all */
  print_ms (times.before_paint, "%s tab: window built, before its first frame", page_name);
  print_ms (monitor.worst_since_mark, "%s tab: worst stall once shown, loading", page_name);

  if (g_str_equal (page_name, "graduates"))
    {
      summary.first_rows = times.first_rows - times.start;
      summary.all_rows = times.all_rows - times.start;
    }

  close_window (window);
}

/* ------------------------------------------------------------------------ */
/* Figures over several runs                                                 */

/* Each step's figure per run (HP_BENCH_SESSIONS): one run's figure is
 * one sample of a machine that also does other work. */
typedef struct
{
  GPtrArray  *names;   /* interned, in order */
  GHashTable *values;  /* name -> GArray of gint64 */
} Samples;

static Samples session_samples, search_samples;

/* the session's floor: what a step that changes what shows costs at least */
#define REDRAW_FLOOR "floor: the whole window drawn again"

static void
record_sample (Samples    *samples,
               const char *what,
               gint64      value)
{
  const char *name = g_intern_string (what);
  GArray *values;

  if (samples->values == NULL)
    {
      samples->names = g_ptr_array_new ();
      samples->values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
    }
  values = g_hash_table_lookup (samples->values, name);
  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (samples->values, (gpointer) name, values);
      g_ptr_array_add (samples->names, (gpointer) name);
    }
  g_array_append_val (values, value);
}

static gint64
median_of (GArray *values)
{
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, values->len / 2);
}

/* The median (of an even count, the higher middle one) and the worst of
 * each figure over the runs, and with @floor_name (a figure recorded in
 * @samples, or %NULL) each median as a ratio to the floor's; returns the
 * worst median of the other figures, and its name in @out_name unless
 * %NULL. */
static gint64
print_medians (Samples     *samples,
               const char  *heading,
               const char  *floor_name,
               const char **out_name)
{
  gint64 worst_median = 0;
  gint64 floor_median = 0;
  const char *worst_name = "-";

  if (floor_name != NULL && samples->values != NULL)
    {
      GArray *floor_values = g_hash_table_lookup (samples->values, g_intern_string (floor_name));

      if (floor_values != NULL)
        floor_median = median_of (floor_values);
    }

  g_print ("%s: median (worst)%s\n", heading, floor_median > 0 ? ", median / floor's median" : "");
  for (guint i = 0; samples->names != NULL && i < samples->names->len; i++)
    {
      const char *name = g_ptr_array_index (samples->names, i);
      GArray *values = g_hash_table_lookup (samples->values, name);
      g_autofree char *value = NULL;
      g_autofree char *ratio = NULL;
      gint64 median;

      median = median_of (values);
      value = g_strdup_printf ("%8.1f ms (%.1f)", median / 1000.0,
                               g_array_index (values, gint64, values->len - 1) / 1000.0);
      if (floor_median > 0)
        ratio = g_strdup_printf ("%8.2fx", (double) median / floor_median);
      g_print ("%s%*s %s%s\n", name, (int) MAX (0, LABEL_WIDTH - g_utf8_strlen (name, -1)), "", value,
               ratio != NULL ? ratio : "");
      if (name == g_intern_string (floor_name))
        continue;
      if (median > worst_median)
        {
          worst_median = median;
          worst_name = name;
        }
    }

  if (out_name != NULL)
    *out_name = worst_name;
  return worst_median;
}

static void
print_sessions (guint n_sessions)
{
  g_autofree char *heading = g_strdup_printf ("session steps over %u sessions", n_sessions);
  const char *worst_step;
  gint64 worst_median = print_medians (&session_samples, heading, REDRAW_FLOOR, &worst_step);

  g_print ("summary: worst median stall of %u sessions %.1f ms (%s)\n", n_sessions, worst_median / 1000.0,
           worst_step);
}

/* ------------------------------------------------------------------------ */
/* Filtering                                                                 */

typedef struct
{
  gint64 last_change;
} FilterTimes;

static void
filter_items_changed_cb (GListModel  *model,
                         guint        position,
                         guint        removed,
                         guint        added,
                         FilterTimes *times)
{
  times->last_change = g_get_monotonic_time ();
}

/* Types @texts one after another, KEY_GAP_USEC apart, then waits until
 * the page stopped filtering and its model stayed the same for QUIET_USEC.
 * Notes in @per_key the worst stall from each key until the next (the last
 * one: until the end), in @in_call how long the key itself took (the
 * search hook, before the main loop runs again). Returns the time from the last key until the last
 * change of the model (0 if it did not change). */
static gint64
type_keys (HpTablePage        *page,
           const char * const *texts,
           StallMonitor       *monitor,
           gint64             *per_key,
           gint64             *in_call,
           gint64             *out_duration)
{
  GListModel *model = _hp_table_page_get_model (page);
  FilterTimes times = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 last_key = 0, deadline;
  guint n_keys;

  g_signal_connect (model, "items-changed", G_CALLBACK (filter_items_changed_cb), &times);

  stall_monitor_mark (monitor);
  for (n_keys = 0; texts[n_keys] != NULL; n_keys++)
    {
      if (n_keys > 0)
        {
          run_for (KEY_GAP_USEC);
          per_key[n_keys - 1] = stall_monitor_mark (monitor);
        }
      last_key = g_get_monotonic_time ();
      if (g_getenv ("HP_BENCH_TRACE") != NULL)
        g_print ("  key “%s” at %.3f s\n", texts[n_keys], last_key / (double) G_USEC_PER_SEC);
      _hp_table_page_set_search_text (page, texts[n_keys]);
      in_call[n_keys] = g_get_monotonic_time () - last_key;
    }

  deadline = last_key + TIMEOUT_USEC;
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();

      if (now > deadline)
        g_error ("Filtering did not end in time");
      if (now - last_key > SEARCH_DELAY_USEC
          && !_hp_table_page_get_filtering (page)
          && now - MAX (times.last_change, last_key) > QUIET_USEC)
        break;
      iterate (10 * 1000);
    }

  g_signal_handlers_disconnect_by_func (model, filter_items_changed_cb, &times);
  per_key[n_keys - 1] = stall_monitor_mark (monitor);
  *out_duration = g_get_monotonic_time () - start;

  return times.last_change > last_key ? times.last_change - last_key : 0;
}

/* @read_only: the window over a read-only store, with its banner */
static void
bench_filter (const char *path,
              gboolean    read_only)
{
  static const char * const typing[] = { "M", "Mü", "Mül", NULL };
  static const char * const clearing[] = { "", NULL };
  static const struct
  {
    const char         *what;
    const char * const *texts;
  } steps[] = {
    { "search “Mül”", typing },
    { "clear search", clearing },
  };
  g_autoptr(HpStore) store = open_store (path, read_only ? HP_STORE_OPEN_READ_ONLY : HP_STORE_OPEN_DEFAULT);
  const char *where = read_only ? " (read-only window)" : "";
  OpenTimes times;
  HpWindow *window;
  HpTablePage *page;
  GtkWidget *widget;

  window = open_window_on (store, "graduates", &times);
  widget = GTK_WIDGET (window);
  page = _hp_window_get_page (window, "graduates");
  trace_frames (widget);
  run_for (QUIET_USEC);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      StallMonitor busy, idle;
      gint64 per_key[8] = { 0 }, in_call[8] = { 0 };
      g_autoptr(GString) keys = g_string_new (NULL);
      gint64 duration, final;

      g_assert (g_strv_length ((char **) steps[s].texts) < G_N_ELEMENTS (per_key));
      stall_monitor_start (&busy, widget);
      final = type_keys (page, steps[s].texts, &busy, per_key, in_call, &duration);
      stall_monitor_stop (&busy, widget);
      for (guint i = 0; steps[s].texts[i] != NULL; i++)
        g_string_append_printf (keys, "%s“%s” %.1f ms (%.1f ms in the key)", i > 0 ? ", " : "",
                                steps[s].texts[i], per_key[i] / 1000.0, in_call[i] / 1000.0);

      /* the same window, idle, for as long */
      stall_monitor_start (&idle, widget);
      run_for (duration);
      stall_monitor_stop (&idle, widget);

      print_seconds (final, "%s%s: count final after last key", steps[s].what, where);
      print_ms (busy.worst_iteration, "%s%s: worst main-loop stall", steps[s].what, where);
      print_ms (idle.worst_iteration, "floor: as long, idle main loop");
      print_ratio (busy.worst_iteration, idle.worst_iteration, "ratio stall / floor");
      print_ms (busy.worst_frame, "%s%s: worst frame gap", steps[s].what, where);
      print_ms (idle.worst_frame, "floor: as long, idle frame gap");
      print_ratio (busy.worst_frame, idle.worst_frame, "ratio frame gap / floor");
      g_print ("  rows shown: %u; worst stall after each key: %s\n",
               g_list_model_get_n_items (_hp_table_page_get_model (page)), keys->str);

      {
        g_autofree char *stall = g_strdup_printf ("%s%s: worst main-loop stall", steps[s].what, where);
        g_autofree char *floor = g_strdup_printf ("%s%s: idle main loop (floor)", steps[s].what, where);

        record_sample (&search_samples, stall, busy.worst_iteration);
        record_sample (&search_samples, floor, idle.worst_iteration);
      }

      if (busy.worst_iteration > summary.worst_stall)
        {
          summary.worst_stall = busy.worst_iteration;
          summary.idle_stall = idle.worst_iteration;
        }
    }

  close_window (window);
}

/* ------------------------------------------------------------------------ */
/* A session                                                                 */

/* VmRSS and VmHWM (the peak) of this process, in kB */
static void
read_memory (gint64 *rss_kb,
             gint64 *peak_kb)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  *rss_kb = *peak_kb = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        *rss_kb = g_ascii_strtoll (lines[i] + strlen ("VmRSS:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        *peak_kb = g_ascii_strtoll (lines[i] + strlen ("VmHWM:"), NULL, 10);
    }
}

static double
file_mb (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / 1048576.0 : 0.0;
}

/* the view keeps its columns alive */
static GtkColumnViewColumn *
get_column (GtkColumnView *view,
            guint          position)
{
  GtkColumnViewColumn *column = g_list_model_get_item (gtk_column_view_get_columns (view), position);

  g_object_unref (column);
  return column;
}

/* Whether @widget is a page that is loading or searching: the table pages,
 * the pack contents and the plan read their rows in workers and stream
 * them in. */
static gboolean
page_busy (GtkWidget *widget)
{
  return (HP_IS_TABLE_PAGE (widget) && _hp_table_page_get_busy (HP_TABLE_PAGE (widget))) ||
         (HP_IS_PAGE (widget) && hp_page_get_loading (HP_PAGE (widget)));
}

/* Whether any page of @window is busy */
static gboolean
window_busy (HpWindow *window)
{
  GtkWidget *stack = GTK_WIDGET (_hp_window_get_view_stack (window));

  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (page_busy (page))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until @page (if any), or every page of @window (if
 * any), is neither loading nor searching and nothing happened for
 * QUIET_USEC, at least @min_usec. */
static void
settle_pages (HpTablePage *page,
              HpWindow    *window,
              gint64       min_usec)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + TIMEOUT_USEC;
  gint64 quiet_since = start;

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();

      if (now > deadline)
        g_error ("The window did not settle in time");
      if ((page != NULL && page_busy (GTK_WIDGET (page))) || (window != NULL && window_busy (window)))
        quiet_since = now;
      if (now - start >= min_usec && now - quiet_since >= QUIET_USEC)
        return;
      iterate (10 * 1000);
    }
}

/* Measures the worst stall of @step (run by the caller between
 * step_begin() and step_end()) until @page settled. */
static gint64 step_started;

static void
step_begin (StallMonitor *monitor,
            GtkWidget    *widget)
{
  step_started = g_get_monotonic_time ();
  stall_monitor_start (monitor, widget);
}

static void
step_end (StallMonitor *monitor,
          GtkWidget    *widget,
          HpTablePage  *page,
          gint64        idle,
          const char   *format,
          ...) G_GNUC_PRINTF (5, 6);

static void
step_end (StallMonitor *monitor,
          GtkWidget    *widget,
          HpTablePage  *page,
          gint64        idle,
          const char   *format,
          ...)
{
  g_autofree char *what = NULL;
  va_list args;

  settle_pages (page, NULL, 300 * 1000);
  stall_monitor_stop (monitor, widget);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* to match with a profiler's clock (perf record -k CLOCK_MONOTONIC) */
  if (g_getenv ("HP_BENCH_TRACE") != NULL)
    g_print ("  step from %.6f to %.6f: %s\n", step_started / 1e6, g_get_monotonic_time () / 1e6, what);

  {
    gint64 rss, peak;

    read_memory (&rss, &peak);
    print_ms (monitor->worst_iteration, "%s: worst stall (%.0f MB, peak %.0f MB)", what, rss / 1024.0,
              peak / 1024.0);
  }
  print_ratio (monitor->worst_iteration, idle, "ratio stall / redraw floor");
  record_sample (&session_samples, what, monitor->worst_iteration);
  if (monitor->worst_iteration > summary.session_stall)
    {
      summary.session_stall = monitor->worst_iteration;
      summary.session_step = g_intern_string (what);
    }
}

/* The same window over an empty file, every page visited: what the window
 * holds anyway (GTK, fonts, the pages' widgets). First, so that what it
 * loads once is counted here. */
static gint64
empty_window_kb (void)
{
  static const char * const tabs[] = { "sponsors", "products", "pack", "schools", "graduates",
                                       "handovers", "plan" };
  g_autoptr(GError) error = NULL;
  g_autoptr(HpStore) store = hp_store_open (":memory:", HP_STORE_OPEN_DEFAULT, &error);
  OpenTimes times;
  HpWindow *window;
  gint64 rss, peak;

  if (store == NULL)
    g_error ("An empty store: %s", error->message);
  window = open_window_on (store, "sponsors", &times);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), tabs[i]);
      settle_pages (_hp_window_get_page (window, tabs[i]), NULL, 0);
    }
  read_memory (&rss, &peak);
  close_window (window);

  return rss;
}

static void
bench_session (const char *path)
{
  static const char * const tabs[] = { "sponsors", "products", "pack", "schools", "graduates",
                                       "handovers", "plan" };
  g_autoptr(HpStore) store = open_store (path, HP_STORE_OPEN_DEFAULT);
  g_autoptr(HpGraduate) edited = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *view;
  StallMonitor monitor, idle;
  HpTablePage *graduates;
  HpWindow *window;
  GtkWidget *widget;
  OpenTimes times;
  gint64 rss, peak, idle_stall;
  g_autofree char *class_name = NULL;
  gint64 empty_kb = empty_window_kb ();

  window = open_window_on (store, "sponsors", &times);
  widget = GTK_WIDGET (window);
  trace_frames (widget);
  /* the steps below measure what each one costs, not the lists still
   * streaming in behind it */
  settle_pages (NULL, window, 0);
  read_memory (&rss, &peak);
  g_print ("%-*s %8.1f MB (peak %.1f MB)\n", LABEL_WIDTH, "window open, every list loaded", rss / 1024.0,
           peak / 1024.0);

  /* the idle loop, as a floor */
  stall_monitor_start (&idle, widget);
  run_for (2 * G_USEC_PER_SEC);
  stall_monitor_stop (&idle, widget);
  print_ms (idle.worst_iteration, "floor: idle main loop, 2 s");
  /* GTK 4.8 with the cairo renderer draws the whole window again when a
   * tab changes: the least a step that changes what shows can cost. The
   * median of five full redraws of the idle window. */
  {
    gint64 redraws[5];

    for (guint i = 0; i < G_N_ELEMENTS (redraws); i++)
      {
        StallMonitor redraw;

        stall_monitor_start (&redraw, widget);
        gtk_widget_queue_draw (widget);
        run_for (200 * 1000);
        stall_monitor_stop (&redraw, widget);
        redraws[i] = redraw.worst_iteration;
      }
    qsort (redraws, G_N_ELEMENTS (redraws), sizeof redraws[0], compare_gint64);
    idle_stall = redraws[G_N_ELEMENTS (redraws) / 2];
    print_ms (idle_stall, REDRAW_FLOOR);
    record_sample (&session_samples, REDRAW_FLOOR, idle_stall);
    summary.redraw_floor = idle_stall;
  }

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      step_begin (&monitor, widget);
      trace_call_begin ();
      adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), tabs[i]);
      trace_call_end ("switching");
      step_end (&monitor, widget, _hp_window_get_page (window, tabs[i]), idle_stall,
                "open the %s tab", tabs[i]);
    }

  /* a booking with the Planning page in view: it follows within a frame
   * (the store keeps the graduate figures; a worker computes; the tables'
   * rows stay and show the new figures) */
  {
    g_autoptr(HpCampaign) campaign = hp_store_get_current_campaign (store, &error);
    g_autoptr(GListModel) products = NULL;
    g_autoptr(HpProduct) product = NULL;
    g_autoptr(HpPledge) pledge = NULL;
    g_autoptr(HpReceipt) receipt = NULL;

    if (campaign == NULL
        || (products = hp_store_list_products (store, hp_campaign_get_id (campaign), 0, &error)) == NULL)
      g_error ("Listing the products: %s", error->message);
    product = g_list_model_get_item (products, 0);
    pledge = hp_store_find_pledge (store, hp_campaign_get_id (campaign), hp_product_get_id (product), &error);
    if (pledge == NULL)
      g_error ("The first product's pledge: %s", error ? error->message : "none");
    receipt = hp_receipt_new (hp_pledge_get_id (pledge), "2027-05-02", 1);
    step_begin (&monitor, widget);
    if (!hp_store_add_receipt (store, receipt, &error))
      g_error ("Booking: %s", error->message);
    step_end (&monitor, widget, NULL, idle_stall, "book a delivery, Planning page in view");
  }

  graduates = _hp_window_get_page (window, "graduates");
  adw_view_stack_set_visible_child_name (_hp_window_get_view_stack (window), "graduates");
  settle_pages (graduates, NULL, 0);
  view = _hp_table_page_get_column_view (graduates);

  /* sorting: by last name (column 2), then by birth date (4), descending */
  step_begin (&monitor, widget);
  gtk_column_view_sort_by_column (view, get_column (view, 2), GTK_SORT_ASCENDING);
  step_end (&monitor, widget, graduates, idle_stall, "sort graduates by last name");
  step_begin (&monitor, widget);
  gtk_column_view_sort_by_column (view, get_column (view, 4), GTK_SORT_DESCENDING);
  step_end (&monitor, widget, graduates, idle_stall, "sort by birth date, descending");

  /* editing the first row's graduate as the editor saves it: the store
   * names the row, and the page changes that row alone */
  {
    g_autoptr(GObject) first = g_list_model_get_item (_hp_table_page_get_model (graduates), 0);

    _hp_table_page_select_id (graduates, _hp_table_page_get_item_id (first));
  }
  edited = HP_GRADUATE (g_object_ref (hp_table_page_get_selected (graduates)));
  class_name = g_strdup_printf ("%sx", hp_graduate_get_class_name (edited) ? hp_graduate_get_class_name (edited) : "");
  step_begin (&monitor, widget);
  hp_graduate_set_class_name (edited, class_name);
  trace_call_begin ();
  if (!hp_store_update_graduate (store, edited, &error))
    g_error ("Editing a graduate: %s", error->message);
  trace_call_end ("saving");
  step_end (&monitor, widget, graduates, idle_stall, "edit a graduate (its row changes)");

  /* deleting the selected graduate, then undoing it */
  step_begin (&monitor, widget);
  trace_call_begin ();
  gtk_widget_activate_action (GTK_WIDGET (graduates), "page.delete", NULL);
  trace_call_end ("deleting");
  step_end (&monitor, widget, graduates, idle_stall, "delete a graduate");
  step_begin (&monitor, widget);
  trace_call_begin ();
  gtk_widget_activate_action (GTK_WIDGET (graduates), "page.undo", NULL);
  trace_call_end ("undoing");
  step_end (&monitor, widget, graduates, idle_stall, "undo the deletion");

  read_memory (&rss, &peak);
  g_print ("%-*s %8.1f MB\n", LABEL_WIDTH, "window, every page visited: resident", rss / 1024.0);
  g_print ("%-*s %8.1f MB\n", LABEL_WIDTH, "peak resident (the whole benchmark so far)", peak / 1024.0);
  g_print ("%-*s %8.1f MB\n", LABEL_WIDTH, "floor: empty file, every page visited", empty_kb / 1024.0);
  g_print ("%-*s %8.1f MB\n", LABEL_WIDTH, "of which the graduates' rows",
           hp_row_pool_get_size (_hp_table_page_get_priv (graduates)->pool) / 1048576.0);
  g_print ("%-*s %8.1f MB\n", LABEL_WIDTH, "the file itself", file_mb (path));
  summary.peak_kb = peak;

  close_window (window);
}

/* ------------------------------------------------------------------------ */
/* Main                                                                      */

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HEIMPACK_LOCALEDIR");
  guint n_runs;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 2)
    {
      g_printerr ("Usage: hp-bench-ui FILE.db\n");
      return 2;
    }
  /* what the program sets at its start (src/gui/main.c) */
  hp_export_setup_process ();
  if (!gtk_init_check ())
    {
      g_printerr ("hp-bench-ui: cannot open a display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();

  /* Own the main context for good, as g_application_run() does in the
   * program: we iterate it by hand, and between iterations another thread
   * could otherwise acquire it (g_main_context_invoke() then runs its
   * callback in that thread). */
  if (!g_main_context_acquire (NULL))
    g_error ("Cannot acquire the main context");

  /* first: its memory figures are this process's. HP_BENCH_SESSIONS=N
   * runs it N times, each in a new window, and prints each step's median;
   * the search runs as many times.
   * HP_BENCH_ONLY=session or =search: only that part, while working on it */
  n_runs = MAX (1, (guint) g_ascii_strtoull (g_getenv ("HP_BENCH_SESSIONS") ? g_getenv ("HP_BENCH_SESSIONS") : "1",
                                             NULL, 10));
  if (g_strcmp0 (g_getenv ("HP_BENCH_ONLY"), "search") != 0)
    {
      for (guint i = 0; i < n_runs; i++)
        bench_session (argv[1]);
      if (n_runs > 1)
        print_sessions (n_runs);
    }
  if (g_strcmp0 (g_getenv ("HP_BENCH_ONLY"), "session") != 0)
    {
      if (g_strcmp0 (g_getenv ("HP_BENCH_ONLY"), "search") != 0)
        {
          bench_open (argv[1], "graduates");
          bench_open (argv[1], "products");
        }
      /* as many runs as sessions, each in a new window */
      for (guint i = 0; i < n_runs; i++)
        {
          bench_filter (argv[1], FALSE);
          bench_filter (argv[1], TRUE);
        }
      if (n_runs > 1)
        {
          g_autofree char *heading = g_strdup_printf ("search figures over %u runs", n_runs);

          print_medians (&search_samples, heading, NULL, NULL);
        }
    }

  g_print ("summary: first graduates rows %.2f s; all rows %.2f s; "
           "worst stall while filtering %.1f ms vs %.1f ms idle floor (%.1fx)\n",
           summary.first_rows / (double) G_USEC_PER_SEC, summary.all_rows / (double) G_USEC_PER_SEC,
           summary.worst_stall / 1000.0, summary.idle_stall / 1000.0,
           summary.idle_stall > 0 ? summary.worst_stall / (double) summary.idle_stall : 0.0);
  g_print ("summary: worst stall of the session %.1f ms (%s) vs %.1f ms to draw the window again; "
           "peak resident %.1f MB\n",
           summary.session_stall / 1000.0, summary.session_step ? summary.session_step : "-",
           summary.redraw_floor / 1000.0, summary.peak_kb / 1024.0);

  return 0;
}
