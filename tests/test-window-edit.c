/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <shumate/shumate.h>

#include "gb-alert.h"
#include "gb-detail-pane.h"
#include "gb-document.h"
#include "gb-dossier-loader.h"
#include "gb-draft.h"
#include "gb-item-editor.h"
#include "gb-place.h"
#include "gb-source.h"
#include "gb-test-ui.h"
#include "gb-timeline-view.h"
#include "gb-window.h"

/* Editing through the window as a user does: the menu's actions, the forms'
 * rows typed in and chosen from, their buttons pressed, the questions
 * answered. */

static GbApplication *app;

/* Text typed into the forms: markup, entities and a bidi override, which
 * must be kept and shown as typed. */
#define HOSTILE_TITLE "<b>Talks</b> &amp; \u202eterms"

static void
pump (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return done (data);
}

/* The newest toplevel of @type: the form or the question just opened. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  pump ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        found = window;
    }
  return found;
}

static void
type_into (GtkWidget  *form,
           const char *title,
           const char *text)
{
  GtkWidget *row = gb_test_find_row (form, title);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  pump ();
}

/* Types a number into the spin button of a number row, as typing and Tab do. */
static void
type_number (GtkWidget  *form,
             const char *title,
             const char *text)
{
  GtkWidget *row = gb_test_find_row (form, title);
  GtkWidget *spin = gb_test_find_widget (row, GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (spin);
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  pump ();
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* Chooses the entry of a dropdown row whose text is @choice. */
static void
choose (GtkWidget  *form,
        const char *title,
        const char *choice)
{
  AdwComboRow *row = ADW_COMBO_ROW (gb_test_find_row (form, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (string), choice))
        {
          adw_combo_row_set_selected (row, i);
          pump ();
          return;
        }
    }
  g_error ("“%s” offers no “%s”", title, choice);
}

static void
dump (GtkWidget *w)
{
  if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w) && gtk_widget_get_mapped (w))
    g_printerr ("label: %s\n", gtk_label_get_text (GTK_LABEL (w)));
  if (GTK_IS_WINDOW (w))
    g_printerr ("window: %s\n", gtk_window_get_title (GTK_WINDOW (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    dump (c);
}

static gboolean
button_is_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
press (GtkWidget  *where,
       const char *label)
{
  GtkWidget *button = gb_test_find_widget_if (where, button_is_labelled, label);
  g_autoptr(GtkWidget) root = NULL;

  g_assert_nonnull (button);
  if (!gtk_widget_is_sensitive (button))
    dump (GTK_WIDGET (gtk_widget_get_root (button)));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* What a click does (activating it would wait for the press animation),
   * the widgets held as GTK holds the ones an event goes to. */
  g_object_ref (button);
  root = g_object_ref (GTK_WIDGET (gtk_widget_get_root (button)));
  g_signal_emit_by_name (button, "clicked");
  g_object_unref (button);
  pump ();
}

/* Activates @action with @param, which may be floating: it is consumed. */
static void
activate (GbWindow   *window,
          const char *action,
          GVariant   *param)
{
  g_autoptr(GVariant) held = param != NULL ? g_variant_ref_sink (param) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, held));
  pump ();
}

static gboolean
is_saved (gpointer data)
{
  GbDocument *document = gb_window_get_document (data);

  return !gb_document_get_saving (document);
}

/* The most rows any list of @widget has. */
static guint
max_rows (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LIST_VIEW (widget))
    {
      g_autoptr(GListModel) model = NULL;

      g_object_get (widget, "model", &model, NULL);
      n = model != NULL ? g_list_model_get_n_items (model) : 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n = MAX (n, max_rows (child));
  return n;
}

static guint
count_timeline_rows (GbWindow *window)
{
  pump ();
  return max_rows (gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_TIMELINE_VIEW));
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GbWindow *
new_window (void)
{
  GbWindow *window = gb_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  pump ();
  return window;
}

/* Answers the question asked over @window, which must be showing, with the
 * button labelled @label; the question is then gone. */
static void
answer (GbWindow   *window,
        const char *label)
{
  GtkWidget *alert = gb_alert_get_asking (GTK_WINDOW (window));

  g_assert_nonnull (alert);
  /* The answer may close the window. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press (alert, label);
  if (window != NULL)
    {
      g_assert_true (gb_alert_get_asking (GTK_WINDOW (window)) != alert);
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
    }
}

/* A new story, its source and an event at it, made with the forms; undone,
 * redone, saved, reopened. */
static void
test_new_story (void)
{
  GbWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("gb-window-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "visit.gbdossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GbDossier) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form;
  GbDocument *document;
  GbSelection *selection = gb_window_get_selection (window);
  GbItem *event;
  guint rows;

  gb_window_set_test_save_file (window, file);

  /* Ctrl+N: the story's own form first. */
  activate (window, "win.new", NULL);
  document = gb_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (gb_document_get_editable (document));
  g_assert_true (gb_document_get_modified (document));
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  g_assert_nonnull (form);
  type_into (form, "Title (en)", "My Visit to Almaty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• My Visit to Almaty");
  press (form, "_Done");

  /* A source, from the Add menu. */
  activate (window, "win.add-item", g_variant_new_string ("source"));
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  g_assert_nonnull (form);
  type_into (form, "Title (en)", "My notes");
  type_into (form, "Publisher", "Me");
  type_into (form, "Date", "2025-05-02");
  press (form, "_Add");
  if (find_toplevel (GB_TYPE_ITEM_EDITOR))
    dump (find_toplevel (GB_TYPE_ITEM_EDITOR));
  g_assert_null (find_toplevel (GB_TYPE_ITEM_EDITOR));
  g_assert_nonnull (gb_selection_get_item (selection));
  /* Background to the story unless the user says it is its article. */
  g_assert_cmpint (gb_source_get_source_kind (GB_SOURCE (gb_selection_get_item (selection))), ==,
                   GB_SOURCE_KIND_CONTEXT);

  /* An event citing it, with a title no widget may take for markup. */
  rows = count_timeline_rows (window);
  activate (window, "win.add-item", g_variant_new_string ("event"));
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  type_into (form, "Title (en)", HOSTILE_TITLE);
  type_into (form, "Date", "2025-05-02T09:30");
  choose (form, "Time Zone", "Asia/Almaty");
  choose (form, "Source", "My notes");
  type_into (form, "Quoted Sentence", "We arrived at half past nine.");
  press (form, "_Add");
  event = gb_selection_get_item (selection);
  g_assert_nonnull (event);
  g_assert_cmpstr (gb_item_get_title (event), ==, HOSTILE_TITLE);
  pump ();
  g_assert_cmpuint (count_timeline_rows (window), >, rows);

  /* A place, its position typed and checked for range; the map shows it. */
  activate (window, "win.add-item", g_variant_new_string ("place"));
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  type_into (form, "Name (en)", "Almaty");
  choose (form, "Kind", "City");
  type_number (form, "Latitude", "95");
  choose (form, "Source", "My notes");
  type_into (form, "Quoted Sentence", "We flew to Almaty.");
  g_assert_false (gtk_widget_is_sensitive (gb_test_find_widget_if (form, button_is_labelled, "_Add")));
  type_number (form, "Latitude", "43.2389");
  type_number (form, "Longitude", "76.8897");
  press (form, "_Add");
  g_assert_true (GB_IS_PLACE (gb_selection_get_item (selection)));
  activate (window, "win.show-view", g_variant_new_string ("map"));
  for (guint i = 0; i < 50; i++)
    pump ();
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), SHUMATE_TYPE_MARKER), >=, 1);
  activate (window, "win.show-view", g_variant_new_string ("timeline"));
  gb_selection_set_item (selection, event);

  /* The details show it as typed. */
  g_assert_nonnull (gb_test_find_widget_if (gb_test_find_widget (GTK_WIDGET (window),
                                                                 GB_TYPE_DETAIL_PANE),
                                            label_has_text, HOSTILE_TITLE));

  /* Ctrl+Z takes the place, then the event away; Ctrl+Shift+Z brings them back. */
  activate (window, "win.undo", NULL);
  g_assert_null (gb_dossier_lookup (gb_window_get_dossier (window), "place-almaty"));
  activate (window, "win.undo", NULL);
  g_assert_null (gb_dossier_lookup (gb_window_get_dossier (window), gb_item_get_id (event)));
  g_assert_null (gb_selection_get_item (selection));
  g_assert_cmpuint (count_timeline_rows (window), ==, rows);
  activate (window, "win.redo", NULL);
  activate (window, "win.redo", NULL);
  g_assert_nonnull (gb_dossier_lookup (gb_window_get_dossier (window), "place-almaty"));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (gb_window_get_dossier (window))),
                    ==, 1);
  g_assert_cmpuint (count_timeline_rows (window), >, rows);

  /* Ctrl+S on a new story is Save As; then the title says it is saved. */
  activate (window, "win.save", NULL);
  g_assert_true (wait_until (is_saved, window, 10));
  g_assert_false (gb_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "My Visit to Almaty");
  g_assert_true (g_file_equal (gb_document_get_file (document), file));

  /* What was saved opens as it was made. */
  saved = gb_dossier_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gb_dossier_get_title (saved), ==, "My Visit to Almaty");
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (saved)), ==, 1);
  {
    g_autoptr(GbItem) again = g_list_model_get_item (gb_dossier_get_events (saved), 0);

    g_assert_cmpstr (gb_item_get_title (again), ==, HOSTILE_TITLE);
    g_assert_nonnull (gb_item_get_source (again));
  }

  /* Nothing unsaved: closing asks nothing. */
  gtk_window_close (GTK_WINDOW (window));
  pump ();
  g_assert_null (find_toplevel (GB_TYPE_WINDOW));

  g_unlink (path);
  g_rmdir (dir);
}

/* The bundled story is read-only: a copy of it is edited, and closing with
 * its edits unsaved asks first. */
static void
test_edit_copy_and_close (void)
{
  GbWindow *window = new_window ();
  GbSelection *selection = gb_window_get_selection (window);
  GbItem *before;
  GbItem *after;
  GtkWidget *form;
  g_autofree char *retitled = NULL;

  gb_window_open_bundled (window);
  pump ();
  g_assert_false (gb_document_get_editable (gb_window_get_document (window)));
  /* F2 on it does nothing: Edit is not offered, Edit a Copy is. */
  activate (window, "win.edit-item", NULL);
  g_assert_null (find_toplevel (GB_TYPE_ITEM_EDITOR));
  g_assert_false (gtk_widget_get_visible (gb_test_find_widget_if (GTK_WIDGET (window),
                                                                  button_is_labelled, "_Edit…")));

  {
    g_autoptr(GbItem) first = g_list_model_get_item (gb_dossier_get_events (gb_window_get_dossier (window)), 0);

    gb_selection_set_item (selection, first);
  }
  press (GTK_WIDGET (window), "Edit a _Copy");
  g_assert_true (gb_document_get_editable (gb_window_get_document (window)));
  g_assert_null (gb_document_get_file (gb_window_get_document (window)));
  before = gb_selection_get_item (selection);
  g_assert_nonnull (before);

  /* The Edit button under the details; typing replaces the item, and the
   * selection follows to its new version. */
  press (GTK_WIDGET (window), "_Edit…");
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  g_assert_nonnull (form);
  retitled = g_strconcat (gb_item_get_title (before), " (retitled)", NULL);
  type_into (form, "Title (en)", retitled);
  press (form, "_Done");
  after = gb_selection_get_item (selection);
  g_assert_nonnull (after);
  g_assert_true (after != before);
  g_assert_cmpstr (gb_item_get_title (after), ==, retitled);
  pump ();
  g_assert_nonnull (gb_test_find_widget_if (gb_test_find_widget (GTK_WIDGET (window),
                                                                 GB_TYPE_DETAIL_PANE),
                                            label_has_text, retitled));

  /* Enter in the details edits the item too, as F2 does. */
  {
    GtkWidget *pane = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_DETAIL_PANE);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (pane);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
      }
    g_assert_true (handled);
    form = find_toplevel (GB_TYPE_ITEM_EDITOR);
    g_assert_nonnull (form);
    press (form, "_Done");
    pump ();
    g_assert_null (find_toplevel (GB_TYPE_ITEM_EDITOR));
  }

  /* Deleting a place the story's events are at names them, removes the
   * references with it, and undo brings all of it back. */
  {
    GbDossier *dossier = gb_window_get_dossier (window);
    guint n_events = g_list_model_get_n_items (gb_dossier_get_events (dossier));
    g_autoptr(GPtrArray) referrers = NULL;

    gb_selection_set_item (selection, gb_dossier_lookup (dossier, "place-seoul"));
    referrers = gb_dossier_dup_referrers (dossier, gb_dossier_lookup (dossier, "place-seoul"));
    g_assert_cmpuint (referrers->len, >, 0);
    press (GTK_WIDGET (window), "_Delete…");
    answer (window, "_Remove References and Delete");
    g_assert_null (gb_dossier_lookup (dossier, "place-seoul"));
    g_assert_null (gb_selection_get_item (selection));
    for (guint i = 0; i < g_list_model_get_n_items (gb_dossier_get_events (dossier)); i++)
      {
        g_autoptr(GbItem) event = g_list_model_get_item (gb_dossier_get_events (dossier), i);
        g_autoptr(GPtrArray) linked = gb_dossier_dup_linked (dossier, event);

        for (guint j = 0; j < linked->len; j++)
          g_assert_cmpstr (gb_item_get_id (linked->pdata[j]), !=, "place-seoul");
      }
    activate (window, "win.undo", NULL);
    g_assert_nonnull (gb_dossier_lookup (dossier, "place-seoul"));
    g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, n_events);
  }

  /* Closing asks; Cancel keeps the window and the edits. */
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "_Cancel");
  g_assert_nonnull (find_toplevel (GB_TYPE_WINDOW));
  g_assert_true (gb_document_get_modified (gb_window_get_document (window)));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "_Discard");
  g_assert_null (find_toplevel (GB_TYPE_WINDOW));
}

/* A save that cannot be done says why and keeps every edit. */
static void
test_save_failure (void)
{
  GbWindow *window = new_window ();
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-gb-folder/story.gbdossier");

  gb_window_open_bundled (window);
  pump ();
  activate (window, "win.edit-copy", NULL);
  activate (window, "win.delete-item", NULL); /* nothing chosen: nothing happens */
  gb_window_set_test_save_file (window, nowhere);
  activate (window, "win.save", NULL);
  g_assert_true (wait_until (is_saved, window, 10));
  g_assert_nonnull (gb_window_get_error (window));
  g_assert_nonnull (strstr (gb_window_get_error (window), "story.gbdossier"));
  g_assert_true (gb_document_get_modified (gb_window_get_document (window)));
  g_assert_cmpstr (gb_window_get_page (window), ==, "content");

  gtk_window_close (GTK_WINDOW (window));
  answer (window, "_Discard");
}

static gboolean
has_draft (gpointer data)
{
  g_auto(GStrv) ids = gb_draft_list ();

  return ids != NULL && ids[0] != NULL;
}

/* The edits of a window that never closed (a crash) come back in the next. */
static void
test_draft_restore (void)
{
  GbWindow *window = new_window ();
  GbWindow *next;
  GtkWidget *form;

  activate (window, "win.new", NULL);
  form = find_toplevel (GB_TYPE_ITEM_EDITOR);
  type_into (form, "Title (en)", "Kept through a crash");
  press (form, "_Done");
  g_assert_true (wait_until (has_draft, NULL, 10));

  /* The next start: the draft is offered and restored. */
  next = new_window ();
  g_assert_true (gb_window_offer_drafts (next));
  answer (next, "_Restore");
  g_assert_nonnull (gb_window_get_dossier (next));
  g_assert_cmpstr (gb_dossier_get_title (gb_window_get_dossier (next)), ==, "Kept through a crash");
  g_assert_true (gb_document_get_modified (gb_window_get_document (next)));

  /* Discarding both leaves no draft to offer. */
  gtk_window_close (GTK_WINDOW (next));
  answer (next, "_Discard");
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "_Discard");
  g_assert_false (has_draft (NULL));
  g_assert_false (gb_window_offer_drafts (new_window ()));
}

int
main (int   argc,
      char *argv[])
{
  app = gb_test_init_app (&argc, &argv);

  g_test_add_func ("/window-edit/new-story", test_new_story);
  g_test_add_func ("/window-edit/edit-copy-and-close", test_edit_copy_and_close);
  g_test_add_func ("/window-edit/save-failure", test_save_failure);
  g_test_add_func ("/window-edit/draft-restore", test_draft_restore);

  return g_test_run ();
}
