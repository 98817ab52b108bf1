/* hp-choice-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row to choose one of many (a school among hundreds, a district): it
 * shows the chosen one whole, title and details, and its "Choose…" button
 * ("Change…" once one is chosen) opens a popover that searches the choices by every word typed (id, title
 * and details, any case). Enter takes the first match. An optional extra
 * button above the list chooses nothing in particular ("All Districts",
 * "From the Column …"); the row then shows its placeholder.
 */

#define G_LOG_DOMAIN "hp-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hp-choice-row.h"

struct _HpChoiceRow
{
  AdwActionRow     parent_instance;

  /* Template widgets */
  GtkMenuButton   *button;
  GtkPopover      *popover;
  GtkSearchEntry  *search;
  GtkButton       *extra_button;
  GtkListView     *list;
  GtkLabel        *none_label;

  /* Owned */
  GListModel      *choices;
  GtkCustomFilter *filter;
  char            *chosen_id;
  char            *placeholder;
};

G_DEFINE_FINAL_TYPE (HpChoiceRow, hp_choice_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHOSEN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HpChoice *
find_choice (HpChoiceRow *self,
             const char  *id)
{
  guint n = self->choices ? g_list_model_get_n_items (self->choices) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(HpChoice) choice = g_list_model_get_item (self->choices, i);

      if (g_strcmp0 (hp_choice_get_id (choice), id) == 0)
        return g_steal_pointer (&choice);
    }

  return NULL;
}

static void
update_subtitle (HpChoiceRow *self)
{
  g_autoptr(HpChoice) choice = find_choice (self, self->chosen_id);

  /* the row's subtitle shows what is chosen; the button then changes it */
  gtk_menu_button_set_label (self->button, choice != NULL ? _("_Change…") : _("_Choose…"));

  if (choice != NULL && hp_choice_get_details (choice) != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", hp_choice_get_title (choice),
                                                   hp_choice_get_details (choice));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
    }
  else if (choice != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), hp_choice_get_title (choice));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->placeholder ? self->placeholder : "");
}

static gboolean
choice_matches (gpointer item,
                gpointer user_data)
{
  HpChoiceRow *self = user_data;

  return hp_choice_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
search_changed_cb (HpChoiceRow *self)
{
  GListModel *matches = G_LIST_MODEL (gtk_list_view_get_model (self->list));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), g_list_model_get_n_items (matches) == 0);
}

static void
activated_cb (HpChoiceRow *self,
              guint        position)
{
  GListModel *matches = G_LIST_MODEL (gtk_list_view_get_model (self->list));
  g_autoptr(HpChoice) choice = g_list_model_get_item (matches, position);

  if (choice == NULL)
    return;

  hp_choice_row_set_chosen_id (self, hp_choice_get_id (choice));
  gtk_popover_popdown (self->popover);
}

/* Enter in the search: the first match */
static void
search_activate_cb (HpChoiceRow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->list))) > 0)
    activated_cb (self, 0);
}

static void
extra_clicked_cb (HpChoiceRow *self)
{
  hp_choice_row_set_chosen_id (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
popover_show_cb (HpChoiceRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  HpChoice *choice = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (title);

  gtk_label_set_label (GTK_LABEL (title), hp_choice_get_title (choice));
  gtk_label_set_label (GTK_LABEL (details), hp_choice_get_details (choice) ? hp_choice_get_details (choice) : "");
  gtk_widget_set_visible (details, hp_choice_get_details (choice) != NULL);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

/**
 * hp_choice_row_create_factory:
 *
 * Returns: (transfer full): a factory for a list of #HpChoice, as the
 *   row's popover shows them: the title, and the details under it
 */
GtkListItemFactory *
hp_choice_row_create_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  return factory;
}

GtkWidget *
hp_choice_row_new (void)
{
  return g_object_new (HP_TYPE_CHOICE_ROW, NULL);
}

/**
 * hp_choice_row_set_choices:
 * @choices: (nullable): #HpChoice items
 *
 * The chosen id stays chosen while a choice has it; else nothing is chosen.
 */
void
hp_choice_row_set_choices (HpChoiceRow *self,
                           GListModel  *choices)
{
  GtkFilterListModel *matches;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(HpChoice) chosen = NULL;

  g_return_if_fail (HP_IS_CHOICE_ROW (self));
  g_return_if_fail (!choices || G_IS_LIST_MODEL (choices));

  g_set_object (&self->choices, choices);
  matches = gtk_filter_list_model_new (choices ? g_object_ref (choices) : NULL,
                                       GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (matches));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));

  chosen = find_choice (self, self->chosen_id);
  if (chosen == NULL)
    hp_choice_row_set_chosen_id (self, NULL);
  update_subtitle (self);
}

/* Returns: (nullable): the id of the chosen one */
const char *
hp_choice_row_get_chosen_id (HpChoiceRow *self)
{
  g_return_val_if_fail (HP_IS_CHOICE_ROW (self), NULL);

  return self->chosen_id;
}

/* Returns: (transfer full) (nullable): the chosen one */
HpChoice *
hp_choice_row_get_chosen (HpChoiceRow *self)
{
  g_return_val_if_fail (HP_IS_CHOICE_ROW (self), NULL);

  return find_choice (self, self->chosen_id);
}

void
hp_choice_row_set_chosen_id (HpChoiceRow *self,
                             const char  *id)
{
  g_return_if_fail (HP_IS_CHOICE_ROW (self));

  if (g_strcmp0 (self->chosen_id, id) == 0)
    return;

  g_free (self->chosen_id);
  self->chosen_id = g_strdup (id);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN_ID]);
}

/* What the row says while nothing is chosen */
void
hp_choice_row_set_placeholder (HpChoiceRow *self,
                               const char  *placeholder)
{
  g_return_if_fail (HP_IS_CHOICE_ROW (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_subtitle (self);
}

/**
 * hp_choice_row_set_extra_label:
 * @label: (nullable): the label of a button that chooses none in
 *   particular, or %NULL for no such button
 */
void
hp_choice_row_set_extra_label (HpChoiceRow *self,
                               const char  *label)
{
  g_return_if_fail (HP_IS_CHOICE_ROW (self));

  gtk_button_set_label (self->extra_button, label ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->extra_button), label != NULL);
}

void
hp_choice_row_set_search_placeholder (HpChoiceRow *self,
                                      const char  *text)
{
  g_return_if_fail (HP_IS_CHOICE_ROW (self));

  g_object_set (self->search, "placeholder-text", text, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

GtkSearchEntry *
hp_choice_row_get_search (HpChoiceRow *self)
{
  return self->search;
}

GtkListView *
hp_choice_row_get_list (HpChoiceRow *self)
{
  return self->list;
}

GtkButton *
hp_choice_row_get_extra_button (HpChoiceRow *self)
{
  return self->extra_button;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
hp_choice_row_dispose (GObject *object)
{
  HpChoiceRow *self = HP_CHOICE_ROW (object);

  g_clear_object (&self->choices);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (hp_choice_row_parent_class)->dispose (object);
}

static void
hp_choice_row_finalize (GObject *object)
{
  HpChoiceRow *self = HP_CHOICE_ROW (object);

  g_free (self->chosen_id);
  g_free (self->placeholder);

  G_OBJECT_CLASS (hp_choice_row_parent_class)->finalize (object);
}

static void
hp_choice_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HpChoiceRow *self = HP_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CHOSEN_ID:
      g_value_set_string (value, self->chosen_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_choice_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HpChoiceRow *self = HP_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CHOSEN_ID:
      hp_choice_row_set_chosen_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hp_choice_row_class_init (HpChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hp_choice_row_dispose;
  object_class->finalize = hp_choice_row_finalize;
  object_class->get_property = hp_choice_row_get_property;
  object_class->set_property = hp_choice_row_set_property;

  /**
   * HpChoiceRow:chosen-id:
   *
   * The id of the chosen #HpChoice, or %NULL.
   */
  properties[PROP_CHOSEN_ID] =
    g_param_spec_string ("chosen-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hp-choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, button);
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, popover);
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, search);
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, extra_button);
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, list);
  gtk_widget_class_bind_template_child (widget_class, HpChoiceRow, none_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, extra_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
hp_choice_row_init (HpChoiceRow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (choice_matches, self, NULL);
  factory = hp_choice_row_create_factory ();
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  hp_choice_row_set_choices (self, NULL);
}
