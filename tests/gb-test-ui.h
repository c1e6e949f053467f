/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the widget tests: the cards, the detail pane, the
 * timeline, the selection, the window and the hostile fixture. */

#include <adwaita.h>

#include "config.h"
#include "gb-application.h"
#include "gb-dossier-loader.h"
#include "gb-selection.h"
#include "gb-test-load.h"
#include "gb-timeline-row.h"
#include "gb-timeline-view.h"

/* GTK and libadwaita up, for widgets tested outside an application. */
static inline void
gb_test_init_widgets (int    *argc,
                      char ***argv)
{
  g_autofree char *state = g_dir_make_tmp ("gb-test-state-XXXXXX", NULL);
  g_autofree char *data = g_dir_make_tmp ("gb-test-data-XXXXXX", NULL);

  /* Drafts of unsaved edits and the recent files go to folders of this
   * test's, never the user's. */
  g_assert_nonnull (state);
  g_assert_nonnull (data);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* GTK 4.8's recent manager leaks a GDateTime each time it ages the list
   * of recent files (gtk_recent_manager_clamp_to_age() never unrefs "now";
   * fixed in later GTK), which it does on the second file a process opens:
   * LeakSanitizer fails the test for it. -1 keeps recent files forever and
   * so never ages the list; what the tests check does not depend on it. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);
}

/* GTK and libadwaita up, and the application windows are opened in:
 * registered, not unique, its map on the offline basemap so that no test
 * reaches for the network. */
static inline GbApplication *
gb_test_init_app (int    *argc,
                  char ***argv)
{
  g_autoptr(GSettings) settings = NULL;
  GbApplication *app;

  gb_test_init_widgets (argc, argv);

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "map-source", "basemap");

  app = gb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* For g_signal_connect (object, "notify::…", G_CALLBACK (gb_test_count_notify_cb), &count). */
static inline void
gb_test_count_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         guint      *count)
{
  (*count)++;
}

/* Returns: (transfer none) (nullable): the selection @view follows */
static inline GbSelection *
gb_test_get_selection (gpointer view)
{
  g_autoptr(GbSelection) selection = NULL;

  g_object_get (view, "selection", &selection, NULL);
  return selection;
}

/* Shows @dossier in @view as the window does, through a selection; @view
 * keeps it.
 * Returns: (transfer none): that selection */
static inline GbSelection *
gb_test_show_dossier (GtkWidget *view,
                      GbDossier *dossier)
{
  g_autoptr(GbSelection) selection = gb_selection_new ();

  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  return selection;
}

static inline void
gb_test_pump (void)
{
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until the window of @widget has drawn @n more frames
 * (a list scrolled to a row has made it), or for five seconds at most. */
static inline void
gb_test_wait_frames (GtkWidget *widget,
                     guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_root (widget)));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gint64 until;

  g_assert_nonnull (clock);
  until = gdk_frame_clock_get_frame_counter (clock) + n;
  while (gdk_frame_clock_get_frame_counter (clock) < until && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >=, until);
}

/* The timeline row of @item, which must be on it. */
static inline guint
gb_test_find_timeline_position (GtkWidget *timeline,
                                GbItem    *item)
{
  GListModel *rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (timeline));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (rows, i);

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          gb_timeline_row_get_item (row) == item)
        return i;
    }

  g_assert_not_reached ();
}

static inline GbDossier *
gb_test_load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GbDossier *dossier = gb_dossier_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* Every text a label under @widget shows, buttons' labels included; nothing
 * under a hidden widget. */
static inline void
gb_test_collect_texts (GtkWidget *widget,
                       GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (out, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_test_collect_texts (child, out);
}

static inline gboolean
gb_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  gb_test_collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;

  return FALSE;
}

/* No label under @widget parses markup: what a file says is shown as it is. */
static inline void
gb_test_assert_no_markup (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_test_assert_no_markup (child);
}

/* The first widget under @widget, depth first, that @match accepts. */
static inline GtkWidget *
gb_test_find_widget_if (GtkWidget  *widget,
                        gboolean  (*match) (GtkWidget     *widget,
                                            gconstpointer  data),
                        gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gb_test_find_widget_if (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every widget of @type under @widget, in depth-first order. */
static inline void
gb_test_collect_widgets (GtkWidget *widget,
                         GType      type,
                         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_test_collect_widgets (child, type, out);
}

/* Every widget of @type with @css_class under @widget, depth first. */
static inline void
gb_test_collect_styled (GtkWidget  *widget,
                        GType       type,
                        const char *css_class,
                        GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_test_collect_styled (child, type, css_class, out);
}

static inline gboolean
gb_test_widget_is_a (GtkWidget     *widget,
                     gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
gb_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return gb_test_find_widget_if (widget, gb_test_widget_is_a, GSIZE_TO_POINTER (type));
}

static inline gboolean
gb_test_row_is_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row of a form titled @title; the test fails if there is none. */
static inline GtkWidget *
gb_test_find_row (GtkWidget  *form,
                  const char *title)
{
  GtkWidget *row = gb_test_find_widget_if (form, gb_test_row_is_titled, title);

  if (row == NULL)
    g_error ("the form has no row “%s”", title);
  return row;
}

static inline GbItem *
gb_test_lookup (GbDossier  *dossier,
                const char *id)
{
  GbItem *item = gb_dossier_lookup (dossier, id);

  if (item == NULL)
    g_error ("no item “%s” in the dossier", id);
  return item;
}
