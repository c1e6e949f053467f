/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-accessible.h"
#include "gb-cards-view.h"
#include "gb-detail-pane.h"
#include "gb-dossier-loader.h"
#include "gb-export-dialog.h"
#include "gb-labels.h"
#include "gb-map-view.h"
#include "gb-print.h"
#include "gb-search-results.h"
#include "gb-story-bar.h"
#include "gb-timeline-view.h"
#include "gb-window-private.h"

#define MAX_RECENT 8


G_DEFINE_FINAL_TYPE (GbWindow, gb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GbDossier *
get_dossier (GbWindow *self)
{
  return self->selection != NULL ? gb_selection_get_dossier (self->selection) : NULL;
}

void
gb_window_update_actions (GbWindow *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean shown = get_dossier (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-bundled", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", shown);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", shown);
  /* Escape is left to other widgets unless there is something to close. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-detail",
                                 gtk_search_bar_get_search_mode (self->search_bar) ||
                                 (self->selection != NULL &&
                                  gb_selection_get_item (self->selection) != NULL));
  gb_window_edit_update_actions (self);
}

static void
update_search_results (GbWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);

  gb_search_results_set_query (self->search_results, searching ? query : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->search_results),
                          searching && query != NULL && query[0] != '\0');
}

static void
search_changed_cb (GbWindow *self)
{
  update_search_results (self);
}

static void
search_activate_cb (GbWindow *self)
{
  /* Enter typed before the search delay ran searches what is typed. */
  update_search_results (self);
  gb_search_results_activate_first (self->search_results);
}

static void
search_mode_cb (GbWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_search_results (self);
  gb_window_update_actions (self);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       gpointer               user_data)
{
  GbWindow *self = user_data;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return gb_search_results_focus_list (self->search_results);

  return GDK_EVENT_PROPAGATE;
}

/* Choosing a result is choosing the item: the detail pane opens on it. */
static void
search_result_activated_cb (GbWindow *self,
                            GbItem   *item)
{
  gb_selection_set_item (self->selection, item);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (self->detail_pane), GTK_DIR_TAB_FORWARD);
}

/* The rule: the detail pane shows the selected item and is open exactly
 * while there is one. Closing it clears the selection. */
static void
selection_item_cb (GbWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, gb_selection_get_item (self->selection) != NULL);
  gb_window_update_actions (self);
}

static gboolean
has_dated_event (GbDossier *dossier)
{
  GListModel *events = gb_dossier_get_events (dossier);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);

      if (gb_item_get_date (event) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
gb_window_view_has_content (GbDossier  *dossier,
                            const char *view)
{
  if (g_strcmp0 (view, "timeline") == 0)
    return has_dated_event (dossier);
  if (g_strcmp0 (view, "map") == 0)
    return g_list_model_get_n_items (gb_dossier_get_places (dossier)) > 0;
  if (g_strcmp0 (view, "agreements") == 0)
    return g_list_model_get_n_items (gb_dossier_get_agreements (dossier)) > 0 ||
           g_list_model_get_n_items (gb_dossier_get_figures (dossier)) > 0;
  return FALSE;
}

/* A story opens on a view with something in it: the one last chosen if it
 * has, else the timeline, the map or the cards. A StoryMapJS story of
 * places without dates opens on its map, not on an empty timeline. */
static void
show_a_view_with_content (GbWindow  *self,
                          GbDossier *dossier)
{
  const char *views[] = {
    adw_view_stack_get_visible_child_name (self->view_stack), "timeline", "map", "agreements",
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (gb_window_view_has_content (dossier, views[i]))
      {
        if (i > 0)
          adw_view_stack_set_visible_child_name (self->view_stack, views[i]);
        return;
      }
}

/* What a label is given of a message: laying out megabytes blocks the window
 * for minutes. The loader's messages are far shorter; this is the backstop. */
#define MAX_SHOWN_ERROR_CHARS 4000

static char *
dup_shown_error (const char *message)
{
  const char *cut;

  if (g_utf8_strlen (message, MAX_SHOWN_ERROR_CHARS * 4 + 4) <= MAX_SHOWN_ERROR_CHARS)
    return g_strdup (message);

  cut = g_utf8_offset_to_pointer (message, MAX_SHOWN_ERROR_CHARS);
  return g_strdup_printf ("%.*s…", (int) (cut - message), message);
}

/* An imported story opens with the events it could read; the bar above it
 * says which were left out and why. */
static void
show_skipped (GbWindow  *self,
              GbDossier *dossier)
{
  const char *skipped = NULL;
  guint n = dossier != NULL ? gb_dossier_get_skipped (dossier, &skipped) : 0;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;

  if (n == 0 || skipped == NULL)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u event of this story was left out, as it could "
                                          "not be read:\n%s",
                                          "%u events of this story were left out, as they could "
                                          "not be read:\n%s", n),
                             n, skipped);
  shown = dup_shown_error (message);
  gtk_label_set_text (self->error_bar_label, shown);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* Story ▸ Language: the interface's language, then each of the story's
 * own, by their own names. */
static void
update_languages (GbWindow  *self,
                  GbDossier *dossier)
{
  const char * const *langs = dossier != NULL ? gb_dossier_get_languages (dossier) : NULL;
  g_auto(GStrv) title_langs = NULL;
  g_autoptr(GMenuItem) interface = NULL;

  g_menu_remove_all (self->language_section);
  interface = g_menu_item_new (_("The _Interface’s Language"), NULL);
  g_menu_item_set_action_and_target_value (interface, "app.story-language",
                                           g_variant_new_string (""));
  g_menu_append_item (self->language_section, interface);

  if (dossier == NULL)
    return;
  if (langs == NULL && gb_dossier_get_title_text (dossier) != NULL)
    langs = (const char * const *) (title_langs = gb_text_dup_langs (gb_dossier_get_title_text (dossier)));

  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    {
      g_autofree char *name = gb_labels_dup_language (langs[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      /* The name as a label, not a mnemonic: a language's name has no "_". */
      g_menu_item_set_attribute (item, G_MENU_ATTRIBUTE_LABEL, "s", name);
      g_menu_item_set_action_and_target_value (item, "app.story-language",
                                               g_variant_new_string (langs[i]));
      g_menu_append_item (self->language_section, item);
    }
}

/**
 * gb_window_reshow_story:
 *
 * Shows the story again for a change of the language it is read in.
 */
void
gb_window_reshow_story (GbWindow *self)
{
  g_return_if_fail (GB_IS_WINDOW (self));

  gb_window_edit_update_title (self);
  gb_selection_reshow (self->selection);
}

/* The views follow the selection's story themselves; the window shows
 * whether there is one, its title, and a view with something in it. */
static void
selection_dossier_cb (GbWindow *self)
{
  GbDossier *dossier = get_dossier (self);

  g_clear_pointer (&self->error, g_free);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  if (dossier == NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  gb_window_edit_update_title (self);
  update_languages (self, dossier);
  show_skipped (self, dossier);
  if (dossier != NULL)
    show_a_view_with_content (self, dossier);
  gb_window_layout_story_changed (self);
  gtk_stack_set_visible_child_name (self->main_stack, dossier != NULL ? "content" : "loading");

  gb_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

static void
reveal_flap_cb (GbWindow *self)
{
  /* Swiped away, or closed by a click beside it on a narrow window. */
  if (!adw_flap_get_reveal_flap (self->flap))
    gb_selection_set_item (self->selection, NULL);
}

void
gb_window_show_error (GbWindow   *self,
                      const char *message)
{
  g_autofree char *shown = dup_shown_error (message);

  g_free (self->error);
  self->error = g_strdup (message);

  /* Keep the story being read; only an empty window shows the error page. */
  if (get_dossier (self) != NULL)
    {
      gtk_label_set_text (self->error_bar_label, shown);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "content");
    }
  else
    {
      gtk_label_set_text (self->error_page_label, shown);
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
    }
}

static gboolean
switcher_bar_reveal_cb (GbWindow   *self,
                        gboolean    title_visible,
                        const char *page)
{
  return title_visible && g_strcmp0 (page, "content") == 0;
}

static void
dismiss_error_cb (GbWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
set_loading (GbWindow *self,
             gboolean  loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  if (loading && get_dossier (self) == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gb_window_update_actions (self);
}

/* Recent files are recorded under a name of the app's own. GTK's default,
 * g_get_application_name(), is translated ("Golden Bridge", "Золотой мост"),
 * and the menu, filtering by the program name, was always empty. */
#define RECENT_APP_NAME "golden-bridge"

/**
 * gb_window_add_recent:
 * @file: a story just opened or saved
 *
 * Records @file in the recent files, for Open Recent here and the
 * desktop's lists of recent files.
 */
void
gb_window_add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (basename, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  GtkRecentData data = {
    .mime_type = mime != NULL ? mime : (char *) "application/json",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = exec,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
rebuild_recent_menu (GbWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();

  g_menu_remove_all (self->recent_section);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* Also the files recorded under the program's name before. */
      if ((gtk_recent_info_has_application (info, RECENT_APP_NAME) ||
           gtk_recent_info_has_application (info, g_get_prgname ())) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent_newest_first);

  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = ours->pdata[i];
      g_autoptr(GMenuItem) item = NULL;

      /* Display names are file names; menus don't parse markup. */
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_section, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;

  dossier = gb_dossier_load_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (dossier == NULL)
    {
      gb_window_show_error (self, error->message);
      return;
    }

  if (gb_dossier_get_file (dossier) != NULL)
    gb_window_add_recent (gb_dossier_get_file (dossier));

  gb_window_set_dossier (self, dossier);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  GbWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gb_window_open_file (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) stories = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open a Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (stories, _("Stories (JSON, CSV)"));
  gtk_file_filter_add_mime_type (stories, "application/json");
  gtk_file_filter_add_mime_type (stories, "application/x-golden-bridge-dossier");
  gtk_file_filter_add_suffix (stories, "json");
  /* TimelineJS spreadsheets */
  gtk_file_filter_add_mime_type (stories, "text/csv");
  gtk_file_filter_add_suffix (stories, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), stories);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gb_window_open_bundled (GB_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  gb_window_open_file (GB_WINDOW (widget), file);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);
  const char *view = g_variant_get_string (param, NULL);

  /* Standing beside the other views, the timeline is shown: it takes the keyboard. */
  if (gb_window_layout_is_beside (self) && g_strcmp0 (view, "timeline") == 0)
    gtk_widget_grab_focus (self->timeline_view);
  else
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (get_dossier (self) != NULL)
    gtk_window_present (GTK_WINDOW (gb_export_dialog_new (GTK_WINDOW (self), get_dossier (self),
                                                          self->map_view)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  if (get_dossier (self) != NULL)
    gb_print_run (GTK_WINDOW (self), get_dossier (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                  NULL, self->toast_overlay);
}

static void
close_detail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_pane = focus != NULL &&
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_pane));

  /* One thing per press: the search first, then the details. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  else
    gb_selection_set_item (self->selection, NULL);

  /* Back to where the reader opened it from (the timeline remembers its row). */
  if (in_pane && gb_selection_get_item (self->selection) == NULL)
    {
      if (self->focus_return != NULL && gtk_widget_get_mapped (self->focus_return))
        gtk_widget_grab_focus (self->focus_return);
      else
        gtk_widget_grab_focus (adw_view_stack_get_visible_child (self->view_stack));
    }
}

static void
detail_pane_mapped_cb (GbWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->detail_pane, detail_pane_mapped_cb, self);
  gtk_widget_child_focus (GTK_WIDGET (self->detail_pane), GTK_DIR_TAB_FORWARD);
}

/* A view hands the keyboard to the details it opened; a pane that is only
 * being revealed takes it once it is on screen. */
static void
focus_detail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GbWindow *self = GB_WINDOW (widget);

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!adw_flap_get_reveal_flap (self->flap))
    return;

  /* Beside the other views, the timeline may be where the details came from. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_pane)))
    g_set_weak_pointer (&self->focus_return,
                        focus != NULL && gtk_widget_is_ancestor (focus, self->timeline_view) ?
                        self->timeline_view : adw_view_stack_get_visible_child (self->view_stack));
  g_signal_handlers_disconnect_by_func (self->detail_pane, detail_pane_mapped_cb, self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->detail_pane)))
    detail_pane_mapped_cb (self);
  else
    g_signal_connect_swapped (self->detail_pane, "map", G_CALLBACK (detail_pane_mapped_cb), self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GbWindow *self = user_data;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  gb_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
recent_changed_cb (GtkRecentManager *manager,
                   gpointer          user_data)
{
  rebuild_recent_menu (GB_WINDOW (user_data));
}

static void
save_window_state (GbWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
close_confirmed (GbWindow *self,
                 gpointer  data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gb_window_close_request (GtkWindow *window)
{
  GbWindow *self = GB_WINDOW (window);

  /* Nothing the user made is lost: unsaved edits are saved or discarded
   * as the user says, or the window stays. */
  if (!self->close_confirmed && self->document != NULL &&
      gb_document_get_modified (self->document))
    {
      gb_window_edit_confirm (self, close_confirmed, NULL, NULL);
      return TRUE;
    }

  save_window_state (GB_WINDOW (window));

  return GTK_WINDOW_CLASS (gb_window_parent_class)->close_request (window);
}

static void
gb_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  GTK_WIDGET_CLASS (gb_window_parent_class)->size_allocate (widget, width, height, baseline);

  gb_window_layout_update (GB_WINDOW (widget), TRUE);
}

static void
gb_window_dispose (GObject *object)
{
  GbWindow *self = (GbWindow *) object;

  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (),
                                        recent_changed_cb, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gb_window_layout_dispose (self);
  g_clear_weak_pointer (&self->focus_return);

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_WINDOW);

  g_clear_object (&self->settings);
  gb_window_edit_dispose (self);

  G_OBJECT_CLASS (gb_window_parent_class)->dispose (object);
}

static void
gb_window_finalize (GObject *object)
{
  GbWindow *self = (GbWindow *) object;

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (gb_window_parent_class)->finalize (object);
}

static void
gb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GbWindow *self = GB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, get_dossier (self));
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GbWindow *self = GB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      gb_window_set_dossier (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_window_class_init (GbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gb_window_dispose;
  object_class->finalize = gb_window_finalize;
  object_class->get_property = gb_window_get_property;
  object_class->set_property = gb_window_set_property;
  window_class->close_request = gb_window_close_request;
  widget_class->size_allocate = gb_window_size_allocate;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         GB_TYPE_DOSSIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GB_TYPE_SELECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GB_TYPE_SELECTION);
  g_type_ensure (GB_TYPE_TIMELINE_VIEW);
  g_type_ensure (GB_TYPE_MAP_VIEW);
  g_type_ensure (GB_TYPE_CARDS_VIEW);
  g_type_ensure (GB_TYPE_DETAIL_PANE);
  g_type_ensure (GB_TYPE_SEARCH_RESULTS);
  g_type_ensure (GB_TYPE_STORY_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GbWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, error_bar_label);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, error_page_label);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, side_separator);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, side_column);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, timeline_slot);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, language_section);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GbWindow, edit_copy_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_bar_reveal_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.close-detail", NULL, close_detail_action);
  gtk_widget_class_install_action (widget_class, "win.focus-detail", NULL, focus_detail_action);

  gb_window_edit_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.close-detail", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "agreements");
}

/* GTK 4.8 leaves the window's focus on a row of the main menu once a
 * submenu was opened from the keyboard: hidden with the menu, that row gets
 * every key and they never reach the window (shortcuts, Tab, the Add
 * submenu's forms once closed). The focus goes back to the menu button. */
static gboolean
menu_closed_idle_cb (gpointer data)
{
  g_autoptr(GbWindow) self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->menu_button != NULL && (focus == NULL || !gtk_widget_get_mapped (focus)))
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
  return G_SOURCE_REMOVE;
}

static void
menu_closed_cb (GbWindow *self)
{
  /* Once the menu has let go of the focus, and done what was chosen. */
  g_idle_add (menu_closed_idle_cb, g_object_ref (self));
}

static void
gb_window_init (GbWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template hands the one selection to every view. */
  g_signal_connect_object (self->selection, "notify::dossier",
                           G_CALLBACK (selection_dossier_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::item",
                           G_CALLBACK (selection_item_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (reveal_flap_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  gb_window_layout_init (self);

  g_object_bind_property (self, "title", self->switcher_title, "title", G_BINDING_SYNC_CREATE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, 0);
  rebuild_recent_menu (self);
  g_signal_connect_object (gtk_menu_button_get_popover (self->menu_button), "closed",
                           G_CALLBACK (menu_closed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gb_window_update_actions (self);
  gb_accessible_name_buttons (GTK_WIDGET (self));
}

GbWindow *
gb_window_new (GbApplication *application)
{
  return g_object_new (GB_TYPE_WINDOW, "application", application, NULL);
}

/**
 * gb_window_get_dossier:
 *
 * Returns: (nullable) (transfer none): the story shown
 */
GbDossier *
gb_window_get_dossier (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return get_dossier (self);
}

void
gb_window_set_dossier (GbWindow  *self,
                       GbDossier *dossier)
{
  g_return_if_fail (GB_IS_WINDOW (self));
  g_return_if_fail (!dossier || GB_IS_DOSSIER (dossier));

  if (dossier == get_dossier (self))
    return;

  /* The window and the views follow from notify::dossier. */
  if (dossier != NULL)
    {
      g_autoptr(GbDocument) document = gb_document_new (dossier);

      gb_window_edit_set_document (self, document);
    }
  else
    gb_window_edit_set_document (self, NULL);
}

/**
 * gb_window_get_selection:
 *
 * Returns: (transfer none): the selection shared by the views
 */
GbSelection *
gb_window_get_selection (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return self->selection;
}

gboolean
gb_window_is_loading (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * gb_window_get_error:
 *
 * Returns: (nullable): the message of the last failed open, until a story
 *   opens
 */
const char *
gb_window_get_error (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return self->error;
}

const char *
gb_window_get_visible_view (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * gb_window_get_page:
 *
 * Returns: what the window shows: "loading", "error" or "content"
 */
const char *
gb_window_get_page (GbWindow *self)
{
  g_return_val_if_fail (GB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void
open_file_confirmed (GbWindow *self,
                     gpointer  data)
{
  GFile *file = data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  gb_dossier_load_file_async (file, self->cancellable, load_file_cb, g_object_ref (self));
}

/* Unsaved edits of the story shown are saved or discarded first, as the
 * user says. */
void
gb_window_open_file (GbWindow *self,
                     GFile    *file)
{
  g_return_if_fail (GB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gb_window_edit_confirm (self, open_file_confirmed, g_object_ref (file), g_object_unref);
}

static void
open_bundled_confirmed (GbWindow *self,
                        gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;

  /* Small and in memory: no need for a thread. */
  if (!(dossier = gb_dossier_load_bundled (&error)))
    {
      gb_window_show_error (self, error->message);
      return;
    }

  gb_window_set_dossier (self, dossier);
}

void
gb_window_open_bundled (GbWindow *self)
{
  g_return_if_fail (GB_IS_WINDOW (self));

  gb_window_edit_confirm (self, open_bundled_confirmed, NULL, NULL);
}
