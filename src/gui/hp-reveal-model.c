/* hp-reveal-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model that shows the items of another one a few more per frame.
 *
 * When a GTK 4.8 list or column view first gets a long model, or a short
 * one grows long (a search cleared, a list loaded), it makes the widgets of
 * about 200 rows at once, every cell of each: 100-250 ms on the main loop
 * for a table of seven to ten columns, one long freeze when a tab opens.
 * Shown through this model, the view sees at most @step more items per
 * frame until it holds all the rows it keeps; then the whole length. The
 * first rows paint at once, and each frame makes only a few rows' widgets.
 *
 * While it reveals, the model's length is at most what it revealed so far;
 * every change of the model below reaches the view, cut to that length.
 */

#define G_LOG_DOMAIN "hp-reveal-model"

#include "config.h"

#include "hp-reveal-model.h"

/* GTK 4.8's list views keep about this many rows around the visible ones
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS); past it, growing costs no widgets */
#define ROWS_KEPT 200

/* more rows than a table shows on a tall screen: once these are there, a
 * hold (hp_reveal_model_hold()) only delays rows out of view */
#define ROWS_IN_VIEW_AT_MOST 60

struct _HpRevealModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_below;    /* the length of @model */
  guint       limit;      /* how many items show at most; G_MAXUINT once all do */
  guint       step;
  GtkWidget  *widget;     /* weak: whose frames reveal */
  guint       tick_id;
  gint64      hold_until; /* monotonic µs: reveal no more until then */
  gboolean    hiding;     /* shrinking to nothing, a few items per idle turn */
  guint       hide_id;
  GCallback   hidden_func;
  gpointer    hidden_data;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HpRevealModel, hp_reveal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void start_ticking (HpRevealModel *self);

static guint
shown (HpRevealModel *self,
       guint          n_below)
{
  return MIN (n_below, self->limit);
}

static GType
hp_reveal_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (HP_REVEAL_MODEL (list)->model);
}

static guint
hp_reveal_model_get_n_items (GListModel *list)
{
  HpRevealModel *self = HP_REVEAL_MODEL (list);

  return shown (self, self->n_below);
}

static gpointer
hp_reveal_model_get_item (GListModel *list,
                          guint       position)
{
  HpRevealModel *self = HP_REVEAL_MODEL (list);

  if (position >= shown (self, self->n_below))
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hp_reveal_model_get_item_type;
  iface->get_n_items = hp_reveal_model_get_n_items;
  iface->get_item = hp_reveal_model_get_item;
}

static void
model_items_changed_cb (HpRevealModel *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  guint old_shown = shown (self, self->n_below);
  guint new_shown;

  self->n_below = self->n_below - removed + added;
  /* growing into the rows the view keeps: a few more per frame */
  if (self->step > 0 && !self->hiding && old_shown < ROWS_KEPT && self->n_below > old_shown + self->step)
    {
      self->limit = MAX (old_shown, self->step);
      start_ticking (self);
    }
  new_shown = shown (self, self->n_below);

  /* a change past what shows changes nothing here */
  if (position >= old_shown && position >= new_shown)
    return;
  position = MIN (position, old_shown);

  /* what shows of the removed ones goes; what shows now after them came
   * (the added ones, and ones that slid up from past the limit) */
  removed = MIN (removed, old_shown - position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed,
                              new_shown - (old_shown - removed));
}

/* Shows up to @limit items. */
static void
set_limit (HpRevealModel *self,
           guint          limit)
{
  guint old_shown = shown (self, self->n_below);
  guint new_shown;

  self->limit = limit;
  new_shown = shown (self, self->n_below);

  if (new_shown > old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, new_shown - old_shown);
  else if (new_shown < old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), new_shown, old_shown - new_shown, 0);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  HpRevealModel *self = HP_REVEAL_MODEL (user_data);

  if (self->limit >= ROWS_KEPT || self->limit >= self->n_below)
    {
      self->tick_id = 0;
      set_limit (self, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  if (self->limit >= ROWS_IN_VIEW_AT_MOST && gdk_frame_clock_get_frame_time (frame_clock) < self->hold_until)
    return G_SOURCE_CONTINUE;

  set_limit (self, self->limit + self->step);
  return G_SOURCE_CONTINUE;
}

/* A hidden view draws no frames: hiding goes on between other work. */
static gboolean
hide_idle_cb (gpointer user_data)
{
  HpRevealModel *self = HP_REVEAL_MODEL (user_data);
  guint now = shown (self, self->n_below);

  if (now > self->step)
    {
      set_limit (self, now - self->step);
      return G_SOURCE_CONTINUE;
    }

  self->hide_id = 0;
  self->hiding = FALSE;
  set_limit (self, 0);
  if (self->hidden_func != NULL)
    ((void (*) (gpointer)) self->hidden_func) (self->hidden_data);
  return G_SOURCE_REMOVE;
}

static void
stop_ticking (HpRevealModel *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->hide_id, g_source_remove);
}

static void
start_ticking (HpRevealModel *self)
{
  if (self->tick_id == 0 && self->widget != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
  /* without a widget (gone), all at once */
  if (self->widget == NULL)
    self->limit = G_MAXUINT;
}

static void
hp_reveal_model_dispose (GObject *object)
{
  HpRevealModel *self = HP_REVEAL_MODEL (object);

  stop_ticking (self);
  g_clear_weak_pointer (&self->widget);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hp_reveal_model_parent_class)->dispose (object);
}

static void
hp_reveal_model_class_init (HpRevealModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hp_reveal_model_dispose;
}

static void
hp_reveal_model_init (HpRevealModel *self)
{
  self->limit = G_MAXUINT;
}

/**
 * hp_reveal_model_new:
 * @model: the items to show
 *
 * Returns: (transfer full): a model that shows all of @model until
 *   hp_reveal_model_start() is called
 */
HpRevealModel *
hp_reveal_model_new (GListModel *model)
{
  HpRevealModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (HP_TYPE_REVEAL_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_below = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * hp_reveal_model_get_model:
 *
 * Returns: (transfer none): the model whose items show
 */
GListModel *
hp_reveal_model_get_model (HpRevealModel *self)
{
  g_return_val_if_fail (HP_IS_REVEAL_MODEL (self), NULL);

  return self->model;
}

/**
 * hp_reveal_model_start:
 * @widget: the view whose frames reveal the items
 * @step: how many more items each frame shows
 *
 * Shows only the first @step items now, and @step more on each frame of
 * @widget until the view holds all the rows it keeps; then all items. From
 * now on, whenever the list grows into the rows the view keeps, it grows
 * the same way. Call it before the view first gets the model, e.g. when it
 * is mapped.
 */
void
hp_reveal_model_start (HpRevealModel *self,
                       GtkWidget     *widget,
                       guint          step)
{
  g_return_if_fail (HP_IS_REVEAL_MODEL (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (step > 0);

  stop_ticking (self);
  g_set_weak_pointer (&self->widget, widget);
  self->step = step;
  if (self->hiding)
    /* turned round: on from what still shows */
    self->hiding = FALSE;
  else
    set_limit (self, step);
  start_ticking (self);
}

/**
 * hp_reveal_model_hide:
 * @hidden_func: (scope notified) (nullable): called once nothing shows
 * @user_data: for @hidden_func
 *
 * The other way round: shows @step items fewer on each idle turn of the
 * main loop until none shows, so that a hidden view lets go of its rows'
 * widgets a few at a time, then calls @hidden_func.
 * hp_reveal_model_start() turns it round again.
 */
void
hp_reveal_model_hide (HpRevealModel *self,
                      void         (*hidden_func) (gpointer user_data),
                      gpointer       user_data)
{
  g_return_if_fail (HP_IS_REVEAL_MODEL (self));
  g_return_if_fail (self->widget != NULL);

  stop_ticking (self);
  self->hiding = TRUE;
  self->hidden_func = (GCallback) hidden_func;
  self->hidden_data = user_data;
  self->limit = shown (self, self->n_below);
  self->hide_id = g_idle_add_full (G_PRIORITY_LOW, hide_idle_cb, self, NULL);
}

/**
 * hp_reveal_model_hold:
 * @msec: for how long from now
 *
 * Reveals no more items for @msec, once there are more than a view shows;
 * a later call may extend the hold. Each frame that reveals makes a row's
 * widgets and measures every row made so far again (5-8 ms at 200 rows of
 * a wide table): a frame that also shows what the user typed or scrolled
 * to would be late. The page holds while the user types or scrolls.
 */
void
hp_reveal_model_hold (HpRevealModel *self,
                      guint          msec)
{
  g_return_if_fail (HP_IS_REVEAL_MODEL (self));

  self->hold_until = MAX (self->hold_until, g_get_monotonic_time () + (gint64) msec * 1000);
}

/**
 * hp_reveal_model_finish:
 *
 * Shows all items at once, e.g. before selecting a row far down.
 */
void
hp_reveal_model_finish (HpRevealModel *self)
{
  g_return_if_fail (HP_IS_REVEAL_MODEL (self));

  stop_ticking (self);
  set_limit (self, G_MAXUINT);
}

/**
 * hp_reveal_model_get_revealing:
 *
 * Returns: %TRUE while not all items show yet
 */
gboolean
hp_reveal_model_get_revealing (HpRevealModel *self)
{
  g_return_val_if_fail (HP_IS_REVEAL_MODEL (self), FALSE);

  return self->limit != G_MAXUINT && !self->hiding;
}
