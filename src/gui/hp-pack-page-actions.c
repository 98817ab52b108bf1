/* hp-pack-page-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user does with the pack contents: the `page.*` actions (add an
 * item, take a line out and undo that, move a line in packing order,
 * rename an item, merge it into another, mark it 18+), the pieces typed
 * into the table's spin buttons, and the small dialogs behind them. The
 * window forwards Ctrl+N and Ctrl+Z to page.add and page.undo of the
 * visible page; Alt+↑/↓, F2 and Delete are the page's own keys.
 *
 * Every write goes to the store; the page shows the result when the store
 * says it changed (hp-pack-page.c), keeping the line selected that the
 * action was about.
 */

#define G_LOG_DOMAIN "hp-pack-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hp-pack-page-internal.h"
#include "hp-toast.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gboolean
is_writable (HpPackPage *self)
{
  return self->store != NULL && !hp_store_is_read_only (self->store);
}

static GtkWindow *
get_window (HpPackPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_text_toast (HpPackPage *self,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  _hp_pack_page_add_toast (self, adw_toast_new (escaped));
}

/* The item of @name among the page's items, compared by hp_item_name_key(). */
static HpItem *
find_item (HpPackPage *self,
           const char *name)
{
  g_autofree char *key = hp_item_name_key (name);

  if (self->items == NULL || *key == '\0')
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(HpItem) item = g_list_model_get_item (self->items, i);
      g_autofree char *item_key = hp_item_name_key (hp_item_get_name (item));

      if (g_strcmp0 (key, item_key) == 0)
        return item;  /* the list keeps it alive */
    }

  return NULL;
}

/* An item to write back: the row's, with its current name and flag. */
static HpItem *
item_of_row (HpPackRow *row)
{
  HpItem *item = hp_item_new (hp_pack_row_get_name (row));

  hp_item_set_id (item, hp_pack_row_get_item_id (row));
  hp_item_set_adult_only (item, hp_pack_row_get_adult_only (row));
  return item;
}

static AdwMessageDialog *
new_dialog (HpPackPage *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->dialog, dialog);
  return dialog;
}

/* ------------------------------------------------------------------------ */
/* Availability                                                              */

/**
 * _hp_pack_page_update_actions:
 *
 * Enables what makes sense now: writing needs a writable store and a
 * campaign, the line actions a selected line, moving a place to move to.
 */
void
_hp_pack_page_update_actions (HpPackPage *self)
{
  HpPackRow *selected = _hp_pack_page_get_selected (self);
  guint n_rows = g_list_model_get_n_items (_hp_pack_page_get_rows (self));
  gboolean writable = is_writable (self) && self->campaign != NULL;
  gboolean line = writable && selected != NULL;
  guint position = selected ? hp_pack_row_get_position (selected) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo", writable && self->removed_line != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-up", line && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-down", line && position + 1 < n_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.rename", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.merge", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.adult-only", line);
}

/* ------------------------------------------------------------------------ */
/* Taking a line out, and undoing it                                          */

/**
 * _hp_pack_page_forget_removal:
 *
 * The last line taken out can no longer be undone: its toast goes.
 */
void
_hp_pack_page_forget_removal (HpPackPage *self)
{
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_weak_pointer (&self->undo_toast);
      hp_toast_dismiss (toast);
    }

  g_clear_object (&self->removed_line);
  _hp_pack_page_update_actions (self);
}

static void
undo_toast_dismissed_cb (HpPackPage *self,
                         AdwToast   *toast)
{
  if (toast != self->undo_toast)
    return;

  g_clear_weak_pointer (&self->undo_toast);
  _hp_pack_page_forget_removal (self);
}

/* Puts the line back with its pieces and at its old place, in one
 * transaction. */
static void
undo (HpPackPage *self)
{
  g_autoptr(GError) error = NULL;
  HpRecipeItem *line = self->removed_line;

  if (line == NULL)
    return;

  if (!hp_store_begin (self->store, &error))
    goto fail;
  if (!hp_store_set_recipe_item (self->store, line, &error) ||
      !hp_store_move_recipe_item (self->store, hp_recipe_item_get_campaign_id (line),
                                  hp_recipe_item_get_item_id (line), self->removed_index, &error))
    {
      hp_store_rollback (self->store);
      goto fail;
    }
  if (!hp_store_commit (self->store, &error))
    goto fail;

  self->keep_item_id = hp_recipe_item_get_item_id (line);
  _hp_pack_page_forget_removal (self);
  return;

fail:
  _hp_pack_page_show_error (self, _("Could Not Undo"), error);
  _hp_pack_page_forget_removal (self);
}

static void
remove_line (HpPackPage *self,
             HpPackRow  *row)
{
  g_autoptr(HpRecipeItem) old_line = NULL;
  g_autoptr(HpRecipeItem) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  gint64 campaign_id = _hp_pack_page_get_campaign_id (self);
  AdwToast *toast;

  old_line = hp_recipe_item_new (campaign_id, hp_pack_row_get_item_id (row),
                                 hp_pack_row_get_per_standard (row), hp_pack_row_get_per_under18 (row));
  /* both quantities 0 remove the line */
  empty = hp_recipe_item_new (campaign_id, hp_pack_row_get_item_id (row), 0, 0);
  if (!hp_store_set_recipe_item (self->store, empty, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Take “%s” Out of the Pack"),
                                                  hp_pack_row_get_name (row));

      _hp_pack_page_show_error (self, heading, error);
      return;
    }

  /* only the last removal can be undone */
  _hp_pack_page_forget_removal (self);
  self->removed_line = g_steal_pointer (&old_line);
  self->removed_index = hp_pack_row_get_position (row);

  escaped = g_markup_escape_text (hp_pack_row_get_name (row), -1);
  /* Translators: a toast; %s is an item */
  toast = adw_toast_new_format (_("“%s” taken out of the pack"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  _hp_pack_page_add_toast (self, toast);

  _hp_pack_page_update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpPackPage *self = HP_PACK_PAGE (widget);
  HpPackRow *row = _hp_pack_page_get_selected (self);

  if (row != NULL)
    remove_line (self, row);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (HP_PACK_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Pieces per pack                                                           */

/**
 * _hp_pack_page_set_pieces:
 *
 * Stores the pieces of @row's item per standard and per under-18 pack, as
 * the table's spin buttons do. Both 0 takes the line out (with undo). An
 * error is shown as a toast, and the spin buttons show the stored figures
 * again.
 *
 * Returns: %TRUE if the store took them.
 */
gboolean
_hp_pack_page_set_pieces (HpPackPage *self,
                          HpPackRow  *row,
                          guint       per_standard,
                          guint       per_under18)
{
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HP_IS_PACK_PAGE (self), FALSE);
  g_return_val_if_fail (HP_IS_PACK_ROW (row), FALSE);

  if (per_standard == 0 && per_under18 == 0)
    {
      remove_line (self, row);
      return TRUE;
    }

  line = hp_recipe_item_new (_hp_pack_page_get_campaign_id (self), hp_pack_row_get_item_id (row),
                             per_standard, per_under18);
  if (!hp_store_set_recipe_item (self->store, line, &error))
    {
      add_text_toast (self, error->message);
      /* the cells show the row's figures again */
      g_object_notify (G_OBJECT (row), "per-standard");
      g_object_notify (G_OBJECT (row), "per-under18");
      return FALSE;
    }

  self->keep_item_id = hp_pack_row_get_item_id (row);
  return TRUE;
}

/**
 * _hp_pack_page_pieces_changed:
 *
 * A spin button of @row was changed by the user.
 */
void
_hp_pack_page_pieces_changed (HpPackPage *self,
                              HpPackRow  *row,
                              guint       per_standard,
                              guint       per_under18)
{
  if (!is_writable (self) || self->campaign == NULL)
    {
      g_object_notify (G_OBJECT (row), "per-standard");
      g_object_notify (G_OBJECT (row), "per-under18");
      return;
    }

  _hp_pack_page_set_pieces (self, row, per_standard, per_under18);
}

/* ------------------------------------------------------------------------ */
/* Packing order                                                             */

static void
move_by (HpPackPage *self,
         int         delta)
{
  HpPackRow *row = _hp_pack_page_get_selected (self);
  g_autoptr(GError) error = NULL;
  int to;

  if (row == NULL)
    return;

  to = (int) hp_pack_row_get_position (row) + delta;
  if (to < 0 || to >= (int) g_list_model_get_n_items (_hp_pack_page_get_rows (self)))
    return;

  if (!hp_store_move_recipe_item (self->store, _hp_pack_page_get_campaign_id (self),
                                  hp_pack_row_get_item_id (row), (guint) to, &error))
    {
      add_text_toast (self, error->message);
      return;
    }

  self->keep_item_id = hp_pack_row_get_item_id (row);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (HP_PACK_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (HP_PACK_PAGE (widget), 1);
}

/* ------------------------------------------------------------------------ */
/* Adding an item                                                            */

/**
 * _hp_pack_page_add_item:
 * @name: an item's name; a new item if there is none of that name
 *
 * Puts an item into the pack, as the "Add Item" dialog does: the item of
 * @name (compared by hp_item_name_key()), or a new one, with the pieces per
 * pack. A new line goes last; a line of the pack already gets the new
 * pieces. One transaction.
 *
 * Returns: %TRUE on success.
 */
gboolean
_hp_pack_page_add_item (HpPackPage  *self,
                        const char  *name,
                        guint        per_standard,
                        guint        per_under18,
                        GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpRecipeItem) line = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HP_IS_PACK_PAGE (self), FALSE);

  if (self->campaign == NULL)
    {
      g_set_error_literal (error, HP_STORE_ERROR, HP_STORE_ERROR_INVALID,
                           _("Create a campaign first: the pack contents belong to a campaign."));
      return FALSE;
    }

  if (!hp_store_begin (self->store, error))
    return FALSE;

  item = hp_store_find_item (self->store, stripped, &local_error);
  if (item == NULL && g_error_matches (local_error, HP_STORE_ERROR, HP_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      item = hp_item_new (stripped);
      if (!hp_store_add_item (self->store, item, &local_error))
        g_clear_object (&item);
    }
  if (item == NULL)
    goto fail;

  line = hp_recipe_item_new (hp_campaign_get_id (self->campaign), hp_item_get_id (item),
                             per_standard, per_under18);
  if (!hp_store_set_recipe_item (self->store, line, &local_error))
    goto fail;

  if (!hp_store_commit (self->store, error))
    return FALSE;

  self->keep_item_id = hp_item_get_id (item);
  return TRUE;

fail:
  hp_store_rollback (self->store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

typedef struct
{
  HpPackPage       *self;
  AdwMessageDialog *dialog;
  GtkEditable      *entry;
  GtkSpinButton    *standard;
  GtkSpinButton    *under18;
  GtkLabel         *hint;
} AddForm;

static void
add_form_update (AddForm *form)
{
  const char *text = gtk_editable_get_text (form->entry);
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autofree char *hint = NULL;
  HpItem *item = find_item (form->self, name);
  gboolean adult_only = item != NULL && hp_item_get_adult_only (item);
  gboolean some_pieces;

  /* an 18+ item never goes into the under-18 pack */
  if (adult_only)
    gtk_spin_button_set_value (form->under18, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (form->under18), !adult_only);

  if (*name == '\0')
    hint = g_strdup ("");
  else if (item == NULL)
    /* Translators: %s is what the user typed */
    hint = g_strdup_printf (_("“%s” is a new item: it is added to the items."), name);
  else if (hp_item_get_in_pack (item))
    hint = g_strdup_printf (_("“%s” is in the pack already: it gets these pieces per pack."),
                            hp_item_get_name (item));
  else if (adult_only)
    hint = g_strdup_printf (_("“%s” is for adults only (18+): it stays out of the under-18 pack."),
                            hp_item_get_name (item));
  else if (hp_item_get_sponsors (item)[0] != NULL)
    {
      g_autofree char *sponsors = hp_format_names (hp_item_get_sponsors (item), 3);

      /* Translators: the second %s lists sponsors, e.g. "A, B, C and 4 more" */
      hint = g_strdup_printf (_("“%s” is given by %s."), hp_item_get_name (item), sponsors);
    }
  else
    hint = g_strdup_printf (_("No sponsor gives “%s” yet."), hp_item_get_name (item));
  gtk_label_set_label (form->hint, hint);

  some_pieces = gtk_spin_button_get_value_as_int (form->standard) > 0 ||
                gtk_spin_button_get_value_as_int (form->under18) > 0;
  adw_message_dialog_set_response_enabled (form->dialog, "add", *name != '\0' && some_pieces);
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 HpPackPage       *self)
{
  AddForm *form = g_object_get_data (G_OBJECT (dialog), "hp-form");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  if (!_hp_pack_page_add_item (self, gtk_editable_get_text (form->entry),
                               (guint) gtk_spin_button_get_value_as_int (form->standard),
                               (guint) gtk_spin_button_get_value_as_int (form->under18),
                               &error))
    _hp_pack_page_show_error (self, _("Could Not Add the Item"), error);
}

static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *name = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *typed_key = hp_item_name_key (key);

  gtk_tree_model_get (model, iter, 0, &name, -1);
  name_key = hp_item_name_key (name);

  /* anywhere in the name: "schorle" finds "Apfelschorle 0,33 l" */
  return strstr (name_key, typed_key) != NULL;
}

static GtkWidget *
new_pieces_row (GtkGrid       *grid,
                int            row,
                const char    *label_text,
                GtkSpinButton **out_spin)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  *out_spin = GTK_SPIN_BUTTON (spin);

  return spin;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HpPackPage *self = HP_PACK_PAGE (widget);
  g_autoptr(GtkListStore) names = gtk_list_store_new (1, G_TYPE_STRING);
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  GtkWidget *box, *entry, *grid, *hint;
  AdwMessageDialog *dialog;
  AddForm *form;

  dialog = new_dialog (self, _("Add Item to the Pack"),
                       _("Choose an item that sponsors give, or type the name of a new one."));

  if (self->items != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
      {
        g_autoptr(HpItem) item = g_list_model_get_item (self->items, i);

        gtk_list_store_insert_with_values (names, NULL, -1, 0, hp_item_get_name (item), -1);
      }
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, completion_match, NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  /* Translators: the example of an item name in the "Add Item" dialog */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Item, e.g. Apfelschorle 0,33 l"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_completion (GTK_ENTRY (entry), completion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item"), -1);
  gtk_box_append (GTK_BOX (box), entry);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  form = g_new0 (AddForm, 1);
  form->self = self;
  form->dialog = dialog;
  form->entry = GTK_EDITABLE (entry);
  form->hint = GTK_LABEL (hint);
  new_pieces_row (GTK_GRID (grid), 0, _("Pieces per _standard pack"), &form->standard);
  new_pieces_row (GTK_GRID (grid), 1, _("Pieces per _under-18 pack"), &form->under18);
  g_object_set_data_full (G_OBJECT (dialog), "hp-form", form, g_free);

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (add_form_update), form);
  g_signal_connect_swapped (form->standard, "value-changed", G_CALLBACK (add_form_update), form);
  g_signal_connect_swapped (form->under18, "value-changed", G_CALLBACK (add_form_update), form);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  add_form_update (form);

  g_set_weak_pointer (&self->dialog_entry, GTK_EDITABLE (entry));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                   */

static gboolean
merge_items (HpPackPage *self,
             gint64      from_id,
             const char *from_name,
             HpItem     *into)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!hp_store_merge_items (self->store, from_id, hp_item_get_id (into), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Merge “%s”"), from_name);

      _hp_pack_page_show_error (self, heading, error);
      return FALSE;
    }

  self->keep_item_id = hp_item_get_id (into);
  /* Translators: a toast; the first %s went into the second */
  text = g_strdup_printf (_("“%s” merged into “%s”"), from_name, hp_item_get_name (into));
  add_text_toast (self, text);
  return TRUE;
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   HpPackPage       *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "hp-choice");
  HpItem *into = choice ? gtk_drop_down_get_selected_item (choice) : g_object_get_data (G_OBJECT (dialog), "hp-into");
  gint64 *from_id = g_object_get_data (G_OBJECT (dialog), "hp-from-id");
  const char *from_name = g_object_get_data (G_OBJECT (dialog), "hp-from-name");

  if (g_strcmp0 (response, "merge") != 0 || into == NULL)
    return;

  merge_items (self, *from_id, from_name, into);
}

static void
set_merge_source (AdwMessageDialog *dialog,
                  HpPackRow        *row)
{
  gint64 *from_id = g_new (gint64, 1);

  *from_id = hp_pack_row_get_item_id (row);
  g_object_set_data_full (G_OBJECT (dialog), "hp-from-id", from_id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "hp-from-name", g_strdup (hp_pack_row_get_name (row)), g_free);
}

static void
finish_merge_dialog (HpPackPage       *self,
                     AdwMessageDialog *dialog)
{
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HpPackPage *self = HP_PACK_PAGE (widget);
  HpPackRow *row = _hp_pack_page_get_selected (self);
  g_autoptr(GListStore) others = g_list_store_new (HP_TYPE_ITEM);
  g_autoptr(GtkExpression) expression = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (row == NULL)
    return;

  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(HpItem) item = g_list_model_get_item (self->items, i);

      if (hp_item_get_id (item) != hp_pack_row_get_item_id (row))
        g_list_store_append (others, item);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (others)) == 0)
    {
      add_text_toast (self, _("There is no other item to merge with."));
      return;
    }

  /* Translators: a dialog heading; %s is an item, e.g. a misspelt one */
  heading = g_strdup_printf (_("Merge “%s” Into Another Item?"), hp_pack_row_get_name (row));
  body = g_strdup_printf (_("Choose the item that stays. Everything of “%s” moves to it: the sponsors’ gifts "
                            "with their pledges and bookings, and its pack lines, whose pieces are added up. "
                            "This cannot be undone."),
                          hp_pack_row_get_name (row));
  dialog = new_dialog (self, heading, body);

  expression = gtk_property_expression_new (HP_TYPE_ITEM, NULL, "name");
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&others)), g_steal_pointer (&expression));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The item that stays"), -1);
  adw_message_dialog_set_extra_child (dialog, choice);
  g_object_set_data (G_OBJECT (dialog), "hp-choice", choice);
  g_set_weak_pointer (&self->merge_choice, GTK_DROP_DOWN (choice));
  set_merge_source (dialog, row);

  finish_merge_dialog (self, dialog);
}

/* Renaming to the name of another item: offer to merge into it. */
static void
offer_merge (HpPackPage *self,
             HpPackRow  *row,
             HpItem     *into)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: a dialog heading; %s is an item's name */
  heading = g_strdup_printf (_("“%s” Exists Already"), hp_item_get_name (into));
  /* Translators: the first %s is renamed, the second exists already */
  body = g_strdup_printf (_("Two items cannot have the same name. Merge “%s” into “%s”? Its gifts, "
                            "bookings and pack lines then count for “%s”. This cannot be undone."),
                          hp_pack_row_get_name (row), hp_item_get_name (into), hp_item_get_name (into));
  dialog = new_dialog (self, heading, body);
  g_object_set_data_full (G_OBJECT (dialog), "hp-into", g_object_ref (into), g_object_unref);
  set_merge_source (dialog, row);

  finish_merge_dialog (self, dialog);
}

/* ------------------------------------------------------------------------ */
/* Renaming                                                                  */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    HpPackPage       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "hp-entry");
  HpPackRow *row = g_object_get_data (G_OBJECT (dialog), "hp-row");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(HpItem) item = NULL;
  g_autoptr(HpItem) other = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || g_strcmp0 (name, hp_pack_row_get_name (row)) == 0)
    return;

  item = item_of_row (row);
  hp_item_set_name (item, name);
  if (hp_store_update_item (self->store, item, &error))
    {
      self->keep_item_id = hp_item_get_id (item);
      return;
    }

  if (g_error_matches (error, HP_STORE_ERROR, HP_STORE_ERROR_CONSTRAINT))
    {
      g_autoptr(GError) find_error = NULL;

      /* another item has that name: offer to make the two one */
      other = hp_store_find_item (self->store, name, &find_error);
      if (other != NULL && hp_item_get_id (other) != hp_item_get_id (item))
        {
          offer_merge (self, row, other);
          return;
        }
      if (other == NULL)
        g_debug ("The item named “%s” could not be read: %s", name, find_error->message);
    }

  _hp_pack_page_show_error (self, _("Could Not Rename the Item"), error);
}

static void
rename_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HpPackPage *self = HP_PACK_PAGE (widget);
  HpPackRow *row = _hp_pack_page_get_selected (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (row == NULL)
    return;

  /* Translators: a dialog heading; %s is an item */
  heading = g_strdup_printf (_("Rename “%s”?"), hp_pack_row_get_name (row));
  body = g_strdup_printf (_("The new name applies to all sponsors’ gifts of “%s” and to its line in every "
                            "campaign."),
                          hp_pack_row_get_name (row));
  dialog = new_dialog (self, heading, body);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), hp_pack_row_get_name (row));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "hp-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "hp-row", g_object_ref (row), g_object_unref);
  g_set_weak_pointer (&self->dialog_entry, GTK_EDITABLE (entry));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------------------ */
/* The 18+ mark                                                              */

/**
 * _hp_pack_page_set_adult_only:
 *
 * Marks the selected line's item 18+ or not (HpPackPage:selected-adult-only).
 * The store refuses to mark an item of the under-18 pack; that is shown.
 */
void
_hp_pack_page_set_adult_only (HpPackPage *self,
                              gboolean    adult_only)
{
  HpPackRow *row = self->selection ? _hp_pack_page_get_selected (self) : NULL;
  g_autoptr(HpItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL || !hp_pack_row_get_adult_only (row) == !adult_only)
    return;

  item = item_of_row (row);
  hp_item_set_adult_only (item, adult_only);
  if (!hp_store_update_item (self->store, item, &error))
    {
      g_autofree char *heading = NULL;

      if (adult_only)
        /* Translators: a dialog heading; %s is an item */
        heading = g_strdup_printf (_("Could Not Mark “%s” as 18+"), hp_pack_row_get_name (row));
      else
        heading = g_strdup_printf (_("Could Not Remove the 18+ Mark of “%s”"), hp_pack_row_get_name (row));
      _hp_pack_page_show_error (self, heading, error);
      return;
    }

  self->keep_item_id = hp_item_get_id (item);
}

/* ------------------------------------------------------------------------ */
/* For tests (hp-pack-page-private.h)                                        */

AdwMessageDialog *
_hp_pack_page_get_dialog (HpPackPage *self)
{
  return self->dialog;
}

GtkEditable *
_hp_pack_page_get_dialog_entry (HpPackPage *self)
{
  return self->dialog_entry;
}

GtkDropDown *
_hp_pack_page_get_merge_choice (HpPackPage *self)
{
  return self->merge_choice;
}

AdwToast *
_hp_pack_page_get_undo_toast (HpPackPage *self)
{
  return self->undo_toast;
}

/* ------------------------------------------------------------------------ */
/* Setup                                                                     */

void
_hp_pack_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "page.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "page.merge", NULL, merge_action);
  gtk_widget_class_install_property_action (widget_class, "page.adult-only", "selected-adult-only");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "page.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "page.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "page.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "page.delete", NULL);
}

void
_hp_pack_page_dispose_actions (HpPackPage *self)
{
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_weak_pointer (&self->undo_toast);
    }
  g_clear_object (&self->removed_line);
  g_clear_weak_pointer (&self->dialog_entry);
  g_clear_weak_pointer (&self->merge_choice);
  g_clear_weak_pointer (&self->dialog);
}
