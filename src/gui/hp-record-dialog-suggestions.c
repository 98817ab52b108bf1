/* hp-record-dialog-suggestions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions under a text field of the record editor: while the user
 * types, what exists already and contains the text (case ignored) shows in
 * a list under the field, e.g. the item names of other sponsors' gifts, so
 * that "Apfelschorle 0,33 l" is picked rather than typed a second way.
 * The arrow keys move through the list, Enter or a click puts the chosen
 * text into the field, Escape closes the list (and only a second Escape the
 * editor). Anything else can still be typed.
 *
 * The list is a popover hung on the field's row that never takes the focus,
 * so typing goes on in the field.
 */

#define G_LOG_DOMAIN "hp-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-record-dialog-suggestions.h"

struct _HpRecordSuggestions
{
  /* Borrowed: the field's row (an editable) */
  GtkWidget          *row;

  /* Owned */
  GtkPopover         *popover;    /* parented to row */
  GtkListView        *view;       /* in the popover */
  GtkFilterListModel *matches;    /* what contains the text */
  GtkSingleSelection *selection;  /* the suggestion the arrow keys reached */
  GtkEventController *keys;       /* on row */
  GtkEventController *focus;      /* on row */
  gboolean            choosing;   /* a suggestion is being put in */
};

static char *
dup_suggestion_label (HpRecordSuggestions *self,
                      gpointer             item)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->matches);
  GtkExpression *expression = gtk_string_filter_get_expression (GTK_STRING_FILTER (filter));
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL || !gtk_expression_evaluate (expression, item, &value))
    return NULL;

  return g_value_dup_string (&value);
}

static char *
dup_suggestion_text (HpRecordSuggestions *self,
                     guint                position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  return dup_suggestion_label (self, item);
}

static void
hide_suggestions (HpRecordSuggestions *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
}

/* Shows what matches the text, unless it is empty or nothing but itself. */
static void
update_suggestions (HpRecordSuggestions *self)
{
  GtkStringFilter *filter = GTK_STRING_FILTER (gtk_filter_list_model_get_filter (self->matches));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row))));
  guint n_items;

  if (self->choosing)
    return;

  if (*text == '\0')
    {
      hide_suggestions (self);
      return;
    }

  gtk_string_filter_set_search (filter, text);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (n_items == 1)
    {
      /* nothing to suggest but what was typed */
      g_autofree char *only = dup_suggestion_text (self, 0);
      g_autofree char *only_key = g_utf8_casefold (only ? only : "", -1);
      g_autofree char *text_key = g_utf8_casefold (text, -1);

      if (g_str_equal (only_key, text_key))
        n_items = 0;
    }
  if (n_items == 0)
    {
      hide_suggestions (self);
      return;
    }

  if (!gtk_widget_get_mapped (self->row))
    return;

  gtk_widget_set_size_request (gtk_popover_get_child (self->popover),
                               MAX (gtk_widget_get_width (self->row) - 24, 200), -1);
  gtk_popover_popup (self->popover);
}

static void
choose_suggestion (HpRecordSuggestions *self,
                   guint                position)
{
  g_autofree char *text = dup_suggestion_text (self, position);

  if (text == NULL)
    return;

  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->row), -1);
  self->choosing = FALSE;
  hide_suggestions (self);
}

static void
suggestion_activated_cb (GtkListView *view,
                         guint        position,
                         HpRecordSuggestions *self)
{
  choose_suggestion (self, position);
}

static void
move_suggestion (HpRecordSuggestions *self,
                 int                  step)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = step > 0 ? 0 : n_items - 1;
  else if (step > 0)
    selected = selected + 1 < n_items ? selected + 1 : 0;
  else
    selected = selected > 0 ? selected - 1 : n_items - 1;

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", selected);
}

static gboolean
suggestion_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           HpRecordSuggestions   *self)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->popover));
  guint selected;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!shown)
        {
          update_suggestions (self);
          return gtk_widget_get_visible (GTK_WIDGET (self->popover));
        }
      move_suggestion (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!shown)
        return FALSE;
      move_suggestion (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_single_selection_get_selected (self->selection);
      if (!shown || selected == GTK_INVALID_LIST_POSITION)
        {
          hide_suggestions (self);
          return FALSE;
        }
      choose_suggestion (self, selected);
      return TRUE;

    case GDK_KEY_Escape:
      /* the first Escape closes the list, the next one the editor */
      if (!shown)
        return FALSE;
      hide_suggestions (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
suggestion_focus_left_cb (GtkEventControllerFocus *controller,
                          HpRecordSuggestions     *self)
{
  hide_suggestions (self);
}

static void
setup_suggestion_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_suggestion_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    HpRecordSuggestions      *self)
{
  g_autofree char *label = dup_suggestion_label (self, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), label);
}

static void
create_suggestions (HpRecordSuggestions *self,
                    GListModel          *items,
                    const char          *label_property)
{
  GtkStringFilter *filter;
  GtkListItemFactory *factory;
  GtkWidget *scrolled;

  filter = gtk_string_filter_new (gtk_property_expression_new (g_list_model_get_item_type (items),
                                                               NULL, label_property));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  self->matches = gtk_filter_list_model_new (g_object_ref (items), GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_suggestion_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_suggestion_cb), self);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "navigation-sidebar");
  g_signal_connect (self->view, "activate", G_CALLBACK (suggestion_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));

  /* The list never takes the focus: typing goes on in the field, and a click
   * on a suggestion does not count as leaving it. */
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, scrolled);
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->popover), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), self->row);

  /* before the text sees the keys */
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (suggestion_key_pressed_cb), self);
  gtk_widget_add_controller (self->row, self->keys);

  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect (self->focus, "leave", G_CALLBACK (suggestion_focus_left_cb), self);
  gtk_widget_add_controller (self->row, self->focus);
}

/* ------------------------------------------------------------------------ */
/* Internal API (hp-record-dialog-suggestions.h)                             */

/**
 * _hp_record_suggestions_new:
 * @row: the field's row, a #GtkEditable
 * @items: what to suggest
 * @label_property: the string property of @items that is suggested
 */
HpRecordSuggestions *
_hp_record_suggestions_new (GtkWidget  *row,
                            GListModel *items,
                            const char *label_property)
{
  HpRecordSuggestions *self = g_new0 (HpRecordSuggestions, 1);

  g_assert (GTK_IS_EDITABLE (row));

  self->row = row;
  create_suggestions (self, items, label_property);

  return self;
}

/**
 * _hp_record_suggestions_update:
 *
 * Follows the field's text: call when it changed.
 */
void
_hp_record_suggestions_update (HpRecordSuggestions *self)
{
  update_suggestions (self);
}

GtkPopover *
_hp_record_suggestions_get_popover (HpRecordSuggestions *self)
{
  return self->popover;
}

GtkListView *
_hp_record_suggestions_get_view (HpRecordSuggestions *self)
{
  return self->view;
}

/**
 * _hp_record_suggestions_free:
 *
 * Takes the list off the row (before the row goes).
 */
void
_hp_record_suggestions_free (HpRecordSuggestions *self)
{
  /* only this knows of the popover: the row does not unparent it */
  gtk_widget_unparent (GTK_WIDGET (self->popover));
  gtk_widget_remove_controller (self->row, self->keys);
  gtk_widget_remove_controller (self->row, self->focus);
  g_clear_object (&self->selection);
  g_clear_object (&self->matches);
  g_free (self);
}
