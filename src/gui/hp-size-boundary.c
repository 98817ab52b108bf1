/* hp-size-boundary.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bin that does not ask its child how tall it wants to be. GTK 4.8 asks
 * a scrolled window's child for its height whenever anything inside it
 * changes size, although the scrolled window throws the answer away: for a
 * list, that measures every row (some 200 in a column view), each time a
 * frame adds a row or a row changes. Around a scrolled window that fills
 * its space, this boundary asks its child for its height once and answers
 * that from then on (a scrolled window's own height does not depend on its
 * rows); its width comes from the child as before, and it expands where
 * the child does. The child's rows are then measured once per frame, where
 * the list lays them out.
 */

#define G_LOG_DOMAIN "hp-size-boundary"

#include "config.h"

#include "hp-size-boundary.h"

struct _HpSizeBoundary
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        height[2];   /* the child's minimum and natural height, or -1 */
};

G_DEFINE_FINAL_TYPE (HpSizeBoundary, hp_size_boundary, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * hp_size_boundary_set_child:
 * @child: (nullable): the widget to hold, e.g. a #GtkScrolledWindow
 */
void
hp_size_boundary_set_child (HpSizeBoundary *self,
                            GtkWidget      *child)
{
  g_return_if_fail (HP_IS_SIZE_BOUNDARY (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->height[0] = self->height[1] = -1;
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

static void
hp_size_boundary_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (widget);

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->child, orientation, -1, minimum, natural, NULL, NULL);
      return;
    }
  if (self->height[0] < 0)
    gtk_widget_measure (self->child, orientation, -1, &self->height[0], &self->height[1], NULL, NULL);
  *minimum = self->height[0];
  *natural = self->height[1];
}

/* as a bin: a scrolled window that expands makes the boundary expand, so
 * that a box gives it the room (it asks for its child's height only once) */
static void
hp_size_boundary_compute_expand (GtkWidget *widget,
                                 gboolean  *hexpand,
                                 gboolean  *vexpand)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static GtkSizeRequestMode
hp_size_boundary_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
hp_size_boundary_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, -1, NULL);
}

static void
hp_size_boundary_dispose (GObject *object)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (hp_size_boundary_parent_class)->dispose (object);
}

static void
hp_size_boundary_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_size_boundary_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HpSizeBoundary *self = HP_SIZE_BOUNDARY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      hp_size_boundary_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_size_boundary_class_init (HpSizeBoundaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hp_size_boundary_dispose;
  object_class->get_property = hp_size_boundary_get_property;
  object_class->set_property = hp_size_boundary_set_property;

  widget_class->measure = hp_size_boundary_measure;
  widget_class->get_request_mode = hp_size_boundary_get_request_mode;
  widget_class->compute_expand = hp_size_boundary_compute_expand;
  widget_class->size_allocate = hp_size_boundary_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hp_size_boundary_init (HpSizeBoundary *self)
{
  self->height[0] = self->height[1] = -1;
}
