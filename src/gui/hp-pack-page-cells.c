/* hp-pack-page-cells.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells of the pack contents table: the place in packing order, the
 * item with its 18+ mark, the pieces per standard and per under-18 pack as
 * spin buttons, who gives the item, and the pieces received and needed.
 *
 * Every cell follows its row through expressions on the list item's
 * HpPackRow (gtk_expression_bind()), so a reload that only updates the
 * rows' figures redraws the cells without rebuilding them. A spin button
 * changed by the user hands the new pieces to hp-pack-page-actions.c; one
 * set from its row (bound, recycled or updated) shows the row's own figure
 * and writes nothing.
 */

#define G_LOG_DOMAIN "hp-pack-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-pack-page-internal.h"

/* the pieces per pack a spin button offers */
#define MAX_PIECES 999

static char *
format_count (gint64 n)
{
  /* the language's way: 2,113 or 2.113 */
  return hp_format_count (n);
}

/* The row of the list item a cell's widget belongs to. */
static HpPackRow *
cell_get_row (GtkWidget *widget)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "hp-list-item");

  return list_item ? gtk_list_item_get_item (list_item) : NULL;
}

/* An expression for @property of the list item's HpPackRow. */
static GtkExpression *
row_property (const char *property)
{
  return gtk_property_expression_new (HP_TYPE_PACK_ROW,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

static void
bind (GtkListItem   *list_item,
      GtkExpression *expression,
      gpointer       target,
      const char     *target_property)
{
  gtk_expression_bind (expression, target, target_property, list_item);
}

static char *
position_text (gpointer unused,
               guint    position)
{
  return g_strdup_printf ("%u", position + 1);
}

static char *
count_text (gpointer unused,
            gint64   n)
{
  return n < 0 ? g_strdup ("") : format_count (n);
}

static char *
sponsors_text (gpointer    unused,
               const char *sponsors)
{
  /* Translators: in the pack contents, for an item that no sponsor gives yet */
  return g_strdup (sponsors && *sponsors ? sponsors : _("Nobody yet"));
}

/* An 18+ item has no under-18 pieces to type; a read-only file none at all. */
static gboolean
under18_editable (gpointer    unused,
                  gboolean    adult_only,
                  HpPackPage *self)
{
  return !adult_only && !hp_store_is_read_only (self->store);
}

static char *
under18_tooltip (gpointer unused,
                 gboolean adult_only)
{
  return g_strdup (adult_only ? _("Items for adults only (18+) stay out of the under-18 pack.") : NULL);
}

/* Short of what is needed: the received figure warns. */
static GStrv
received_classes (gpointer unused,
                  gint64   received,
                  gint64   needed)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv classes;

  g_strv_builder_add (builder, "numeric");
  if (needed > 0 && received < needed)
    g_strv_builder_add (builder, "warning");
  else if (needed > 0)
    g_strv_builder_add (builder, "success");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return classes;
}

static GtkExpression *
closure_of (GType        type,
            GCallback    func,
            guint        n_params,
            const char  *first,
            const char  *second)
{
  GtkExpression *params[2] = { row_property (first), second ? row_property (second) : NULL };

  return gtk_cclosure_expression_new (type, NULL, n_params, params, func, NULL, NULL);
}

static GtkWidget *
new_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static void
setup_position_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   HpPackPage               *self)
{
  GtkWidget *label = new_label (1.0);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (label), "hp-list-item", list_item);
  bind (list_item, closure_of (G_TYPE_STRING, G_CALLBACK (position_text), 1, "position", NULL), label, "label");
  gtk_list_item_set_child (list_item, label);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               HpPackPage               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = new_label (0.0);
  /* Translators: the mark of an item for adults only; keep it short */
  GtkWidget *badge = gtk_label_new (_("18+"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "hp-adult-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, _("For adults only: not in the under-18 pack"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  g_object_set_data (G_OBJECT (box), "hp-list-item", list_item);

  bind (list_item, row_property ("name"), label, "label");
  bind (list_item, row_property ("adult-only"), badge, "visible");
  gtk_list_item_set_child (list_item, box);
}

static void
pieces_changed_cb (GtkSpinButton *spin,
                   HpPackPage    *self)
{
  HpPackRow *row = cell_get_row (GTK_WIDGET (spin));
  gboolean under18 = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "hp-under18"));
  guint value = (guint) gtk_spin_button_get_value_as_int (spin);
  guint per_standard, per_under18;

  if (row == NULL)
    return;

  per_standard = hp_pack_row_get_per_standard (row);
  per_under18 = hp_pack_row_get_per_under18 (row);

  /* the row's own figure, shown when the cell was bound or updated */
  if (value == (under18 ? per_under18 : per_standard))
    return;

  if (under18)
    per_under18 = value;
  else
    per_standard = value;

  _hp_pack_page_pieces_changed (self, row, per_standard, per_under18);
}

static GtkWidget *
new_pieces_spin (HpPackPage  *self,
                 GtkListItem *list_item,
                 gboolean     under18)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_PIECES, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
  gtk_widget_set_sensitive (spin, !hp_store_is_read_only (self->store));
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (spin), "hp-list-item", list_item);
  g_object_set_data (G_OBJECT (spin), "hp-under18", GINT_TO_POINTER (under18));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  under18 ? _("Pieces per under-18 pack") : _("Pieces per standard pack"),
                                  -1);

  /* the value follows the row; a change by the user is saved */
  bind (list_item, row_property (under18 ? "per-under18" : "per-standard"), spin, "value");
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (pieces_changed_cb), self, 0);

  return spin;
}

static void
setup_standard_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   HpPackPage               *self)
{
  gtk_list_item_set_child (list_item, new_pieces_spin (self, list_item, FALSE));
}

static void
setup_under18_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  HpPackPage               *self)
{
  GtkWidget *spin = new_pieces_spin (self, list_item, TRUE);
  GtkExpression *adult_only = row_property ("adult-only");

  bind (list_item,
        gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, &adult_only, G_CALLBACK (under18_editable), self, NULL),
        spin, "sensitive");
  bind (list_item, closure_of (G_TYPE_STRING, G_CALLBACK (under18_tooltip), 1, "adult-only", NULL),
        spin, "tooltip-text");
  gtk_list_item_set_child (list_item, spin);
}

static void
setup_sponsors_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   HpPackPage               *self)
{
  GtkWidget *label = new_label (0.0);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  g_object_set_data (G_OBJECT (label), "hp-list-item", list_item);
  bind (list_item, closure_of (G_TYPE_STRING, G_CALLBACK (sponsors_text), 1, "sponsors", NULL), label, "label");
  bind (list_item, row_property ("sponsors-more"), label, "tooltip-text");
  gtk_list_item_set_child (list_item, label);
}

static void
setup_received_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   HpPackPage               *self)
{
  GtkWidget *label = new_label (1.0);

  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  g_object_set_data (G_OBJECT (label), "hp-list-item", list_item);
  bind (list_item, closure_of (G_TYPE_STRING, G_CALLBACK (count_text), 1, "received", NULL), label, "label");
  bind (list_item, closure_of (G_TYPE_STRV, G_CALLBACK (received_classes), 2, "received", "needed"),
        label, "css-classes");
  gtk_list_item_set_child (list_item, label);
}

static void
setup_needed_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 HpPackPage               *self)
{
  GtkWidget *label = new_label (1.0);

  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "hp-list-item", list_item);
  bind (list_item, closure_of (G_TYPE_STRING, G_CALLBACK (count_text), 1, "needed", NULL), label, "label");
  gtk_list_item_set_child (list_item, label);
}

static void
set_factory (HpPackPage          *self,
             GtkColumnViewColumn *column,
             GCallback            setup)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/**
 * _hp_pack_page_set_up_columns:
 *
 * Gives each column of the template its cells.
 */
void
_hp_pack_page_set_up_columns (HpPackPage *self)
{
  set_factory (self, self->position_column, G_CALLBACK (setup_position_cb));
  set_factory (self, self->name_column, G_CALLBACK (setup_name_cb));
  set_factory (self, self->standard_column, G_CALLBACK (setup_standard_cb));
  set_factory (self, self->under18_column, G_CALLBACK (setup_under18_cb));
  set_factory (self, self->sponsors_column, G_CALLBACK (setup_sponsors_cb));
  set_factory (self, self->received_column, G_CALLBACK (setup_received_cb));
  set_factory (self, self->needed_column, G_CALLBACK (setup_needed_cb));
}
