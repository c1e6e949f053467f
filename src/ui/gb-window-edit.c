/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-alert.h"
#include "gb-dossier-edit.h"
#include "gb-draft.h"
#include "gb-enum-types.h"
#include "gb-item-editor.h"
#include "gb-window-private.h"

/* The window's editing: the story shown is a GbDocument, whose history
 * every form and every action goes through. */

static GbHistory *
get_history (GbWindow *self)
{
  return self->document != NULL ? gb_document_get_history (self->document) : NULL;
}

static gboolean
is_editable (GbWindow *self)
{
  return self->document != NULL && gb_document_get_editable (self->document);
}

static void
present_over (GbWindow  *self,
              GtkWidget *window)
{
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

void
gb_window_edit_update_title (GbWindow *self)
{
  GbDossier *dossier = self->document != NULL ? gb_document_get_dossier (self->document) : NULL;
  g_autofree char *title = NULL;

  if (dossier == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Golden Bridge"));
      return;
    }

  /* Titles from files are shown as text: GtkWindow titles are not markup. */
  if (gb_document_get_modified (self->document))
    /* Translators: the window's title while its story has unsaved changes */
    title = g_strdup_printf (_("• %s"), gb_dossier_get_title (dossier));
  else
    title = g_strdup (gb_dossier_get_title (dossier));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
gb_window_edit_update_actions (GbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GbHistory *history = get_history (self);
  gboolean busy = self->cancellable != NULL;
  gboolean editable = is_editable (self);
  gboolean saving = self->document != NULL && gb_document_get_saving (self->document);
  gboolean chosen = gb_selection_get_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (widget, "win.new", !busy);
  gtk_widget_action_set_enabled (widget, "win.edit-copy",
                                 self->document != NULL && !editable && !busy);
  gtk_widget_action_set_enabled (widget, "win.save", editable && !saving);
  gtk_widget_action_set_enabled (widget, "win.save-as", editable && !saving);
  gtk_widget_action_set_enabled (widget, "win.undo", editable && gb_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && gb_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.edit-story", editable);
  gtk_widget_action_set_enabled (widget, "win.add-item", editable);
  gtk_widget_action_set_enabled (widget, "win.edit-item", editable && chosen);
  gtk_widget_action_set_enabled (widget, "win.delete-item", editable && chosen);

  /* Under the details: Edit and Delete, or Edit a Copy of a story that is
   * someone else's. */
  gtk_widget_set_visible (self->edit_button, editable);
  gtk_widget_set_visible (self->delete_button, editable);
  gtk_widget_set_visible (self->edit_copy_button, self->document != NULL && !editable);
}

static void
document_changed_cb (GbWindow *self)
{
  gb_window_edit_update_title (self);
  gb_window_update_actions (self);
}

void
gb_window_edit_set_document (GbWindow   *self,
                             GbDocument *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (get_history (self), self);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::saving",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (get_history (self), "notify::can-undo",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (get_history (self), "notify::can-redo",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      /* The story's title is an edit like any other. */
      g_signal_connect_object (gb_document_get_dossier (document), "notify::title",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* The views, the title and the actions follow from notify::dossier. */
  gb_selection_set_dossier (self->selection,
                            document != NULL ? gb_document_get_dossier (document) : NULL);
  document_changed_cb (self);
}

/* What to do once the story shown may go, and what is done after a save. */
typedef struct
{
  GbWindowThen   then;
  gpointer       data;
  GDestroyNotify destroy;
} Then;

static Then *
then_new (GbWindowThen   then,
          gpointer       data,
          GDestroyNotify destroy)
{
  Then *t = g_new0 (Then, 1);

  t->then = then;
  t->data = data;
  t->destroy = destroy;
  return t;
}

static void
then_free (Then *t)
{
  if (t == NULL)
    return;
  if (t->destroy != NULL)
    t->destroy (t->data);
  g_free (t);
}

static void
then_run (GbWindow *self,
          Then     *t)
{
  if (t != NULL && t->then != NULL)
    t->then (self, t->data);
  then_free (t);
}

typedef struct
{
  GbWindow *window;
  Then     *after;
} SaveOp;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveOp *op = user_data;
  g_autoptr(GbWindow) self = op->window;
  g_autoptr(GError) error = NULL;
  Then *after = op->after;

  g_free (op);

  /* Every edit stays in memory, unsaved, with the reason shown. */
  if (!gb_document_save_finish (GB_DOCUMENT (object), result, &error))
    {
      gb_window_show_error (self, error->message);
      then_free (after);
      return;
    }

  gb_window_add_recent (gb_document_get_file (GB_DOCUMENT (object)));

  if (GB_DOCUMENT (object) == self->document)
    then_run (self, after);
  else
    then_free (after);
}

static void
save_to (GbWindow *self,
         GFile    *file,
         Then     *after)
{
  SaveOp *op = g_new0 (SaveOp, 1);

  op->window = g_object_ref (self);
  op->after = after;
  gb_document_save_async (self->document, file, NULL, save_cb, op);
}

/* A file name from the story's title: no folder separators in it. */
static char *
dup_suggested_name (GbWindow *self)
{
  g_autofree char *title = g_strdup (gb_dossier_get_title (gb_document_get_dossier (self->document)));

  g_strdelimit (title, "/\\", '-');
  return g_strdup_printf ("%s.gbdossier", title[0] != '\0' ? title : _("Story"));
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GbWindow *self = g_object_get_data (G_OBJECT (dialog), "gb-window");
  Then *after = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          save_to (self, file, after);
          after = NULL;
        }
    }

  then_free (after);
  g_object_unref (dialog);
}

static void
save_as (GbWindow *self,
         Then     *after)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->test_save_file != NULL)
    {
      save_to (self, self->test_save_file, after);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Golden Bridge Dossiers"));
  gtk_file_filter_add_mime_type (filter, "application/x-golden-bridge-dossier");
  gtk_file_filter_add_suffix (filter, "gbdossier");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "gb-window", self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), after);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save (GbWindow *self,
      Then     *after)
{
  if (gb_document_get_file (self->document) != NULL)
    save_to (self, NULL, after);
  else
    save_as (self, after);
}

typedef struct
{
  GbWindow *window;
  Then     *then;
  gboolean  save;
} Answer;

/* Once the question is gone: what follows may close the window it was
 * asked over. */
static gboolean
answer_idle_cb (gpointer data)
{
  Answer *answer = data;
  g_autoptr(GbWindow) self = answer->window;
  Then *t = answer->then;
  gboolean save_first = answer->save;

  g_free (answer);
  if (self->document == NULL)
    then_free (t);
  else if (save_first)
    save (self, t);
  else
    {
      gb_document_discard_draft (self->document);
      then_run (self, t);
    }
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (GtkWidget  *alert,
                     const char *response,
                     gpointer    user_data)
{
  GbWindow *self = GB_WINDOW (gb_alert_get_parent (alert));
  Then *t = g_object_steal_data (G_OBJECT (alert), "gb-then");
  Answer *answer;

  if (!g_str_equal (response, "discard") && !g_str_equal (response, "save"))
    {
      then_free (t);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->window = g_object_ref (self);
  answer->then = t;
  answer->save = g_str_equal (response, "save");
  g_idle_add (answer_idle_cb, answer);
}

void
gb_window_edit_confirm (GbWindow       *self,
                        GbWindowThen    then,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  Then *t = then_new (then, data, destroy);
  g_autofree char *body = NULL;
  GtkWidget *alert;

  if (self->document == NULL || !gb_document_get_modified (self->document))
    {
      then_run (self, t);
      return;
    }

  /* Translators: %s is the story's title */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                          gb_dossier_get_title (gb_document_get_dossier (self->document)));
  alert = gb_alert_new (GTK_WINDOW (self), _("Save Changes?"), body);
  gb_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  gb_alert_add_response (alert, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  gb_alert_add_response (alert, "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  gb_alert_set_default_response (alert, "save");
  gb_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "gb-then", t, (GDestroyNotify) then_free);
  g_signal_connect (alert, "response", G_CALLBACK (confirm_response_cb), NULL);
  gb_alert_present (alert);
}

/* Actions */

static void
new_story (GbWindow *self,
           gpointer  data)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("story");
  g_autoptr(GbDocument) document = NULL;
  g_autoptr(GbText) title = gb_text_new ();
  const char *languages[] = { "en", NULL };

  gb_text_set (title, "en", _("Untitled Story"));
  gb_dossier_set_title (dossier, title);
  gb_dossier_set_languages (dossier, languages);
  gb_dossier_seal (dossier);

  document = gb_document_new_unsaved (dossier);
  gb_window_edit_set_document (self, document);

  /* A story starts with what it is about. */
  present_over (self, gb_story_editor_new (get_history (self)));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gb_window_edit_confirm (GB_WINDOW (widget), new_story, NULL, NULL);
}

static void
edit_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  g_autoptr(GbDossier) copy = NULL;
  g_autoptr(GbDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GbItem *item;

  if (self->document == NULL)
    return;

  if (!(copy = gb_dossier_edit_copy (gb_document_get_dossier (self->document), &error)))
    {
      gb_window_show_error (self, error->message);
      return;
    }

  /* The item being read stays chosen, in the copy. */
  item = gb_selection_get_item (self->selection);
  id = item != NULL ? g_strdup (gb_item_get_id (item)) : NULL;

  document = gb_document_new_unsaved (copy);
  gb_window_edit_set_document (self, document);
  if (id != NULL)
    gb_selection_set_item (self->selection, gb_dossier_lookup (copy, id));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (is_editable (self))
    save (self, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (is_editable (self))
    save_as (self, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (is_editable (self))
    gb_history_undo (get_history (self));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (is_editable (self))
    gb_history_redo (get_history (self));
}

static void
edit_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (is_editable (self))
    present_over (self, gb_story_editor_new (get_history (self)));
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  GbItem *item = gb_selection_get_item (self->selection);

  if (is_editable (self) && item != NULL)
    present_over (self, gb_item_editor_new (get_history (self), item));
}

/* A new item is chosen, so that the views show where it went. */
static void
item_added_cb (GbWindow *self,
               GbItem   *item)
{
  gb_selection_set_item (self->selection, item);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (GB_TYPE_ITEM_KIND);
  GEnumValue *kind = g_enum_get_value_by_nick (kinds, g_variant_get_string (param, NULL));
  GtkWidget *editor;

  if (!is_editable (self) || kind == NULL)
    return;

  editor = gb_item_editor_new_for_kind (get_history (self), kind->value);
  g_signal_connect_object (editor, "item-added", G_CALLBACK (item_added_cb), self,
                           G_CONNECT_SWAPPED);
  present_over (self, editor);
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  GbItem *item = gb_selection_get_item (self->selection);

  if (is_editable (self) && item != NULL)
    gb_item_editor_delete (GTK_WINDOW (self), get_history (self), item);
}

void
gb_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.edit-copy", NULL, edit_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.edit-story", NULL, edit_story_action);
  gtk_widget_class_install_action (widget_class, "win.edit-item", NULL, edit_item_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, delete_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-item", NULL);
}

void
gb_window_edit_dispose (GbWindow *self)
{
  g_clear_object (&self->document);
  g_clear_object (&self->test_save_file);
}

/**
 * gb_window_get_document:
 *
 * Returns: (transfer none) (nullable): the story shown, with its edits
 */
GbDocument *
gb_window_get_document (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * gb_window_set_test_save_file:
 * @file: (nullable): the file Save As writes to without asking
 *
 * For the tests: the native file chooser cannot be driven.
 */
void
gb_window_set_test_save_file (GbWindow *self,
                              GFile    *file)
{
  g_return_if_fail (GB_IS_WINDOW (self));

  g_set_object (&self->test_save_file, file);
}

/* The first draft in this window, each further one in a window of its own. */
static void
restore_drafts (GbWindow           *self,
                const char * const *ids)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GbWindow *window = self;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = gb_draft_restore (ids[i], NULL, &error);
      g_autoptr(GbDocument) document = NULL;

      if (dossier == NULL)
        {
          /* Kept: a draft that no longer reads may still be worth a look by hand. */
          gb_window_show_error (window, error->message);
          continue;
        }

      document = gb_document_new_restored (dossier, ids[i]);
      gb_window_edit_set_document (window, document);
      gtk_window_present (GTK_WINDOW (window));
      window = gb_window_new (GB_APPLICATION (app));
    }

  if (window != self && gb_window_get_dossier (window) == NULL)
    gtk_window_destroy (GTK_WINDOW (window));
}

static void
drafts_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  GbWindow *self = GB_WINDOW (gb_alert_get_parent (alert));
  const char * const *ids = g_object_get_data (G_OBJECT (alert), "gb-drafts");

  if (g_str_equal (response, "restore"))
    restore_drafts (self, ids);
  else if (g_str_equal (response, "discard"))
    for (guint i = 0; ids[i] != NULL; i++)
      gb_draft_remove (ids[i]);
  /* Otherwise closed: asked again next time. */
}

/**
 * gb_window_offer_drafts:
 *
 * Offers to restore the unsaved edits a crash (or a kill) left in drafts,
 * as GNOME Text Editor does.
 *
 * Returns: %TRUE if there were drafts to offer
 */
gboolean
gb_window_offer_drafts (GbWindow *self)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *body = NULL;
  GtkWidget *alert;
  guint n;

  g_return_val_if_fail (GB_IS_WINDOW (self), FALSE);

  ids = gb_draft_list ();
  n = ids != NULL ? g_strv_length (ids) : 0;
  if (n == 0)
    return FALSE;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A story was not saved when Golden Bridge last closed. "
                                       "Its changes can be restored.",
                                       "%u stories were not saved when Golden Bridge last "
                                       "closed. Their changes can be restored.",
                                       n),
                          n);
  alert = gb_alert_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  gb_alert_add_response (alert, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  gb_alert_add_response (alert, "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  gb_alert_set_default_response (alert, "restore");
  gb_alert_set_close_response (alert, "later");
  g_object_set_data_full (G_OBJECT (alert), "gb-drafts", g_steal_pointer (&ids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect (alert, "response", G_CALLBACK (drafts_response_cb), NULL);
  gb_alert_present (alert);

  return TRUE;
}
