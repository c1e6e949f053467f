/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <shumate/shumate.h>

#include "gb-application.h"
#include "gb-dossier-loader.h"
#include "gb-map-place-layer.h"
#include "gb-source.h"
#include "gb-story-bar.h"
#include "gb-timeline-row.h"
#include "gb-timeline-view.h"
#include "gb-map-view.h"
#include "gb-test-ui.h"
#include "gb-window.h"

static GbApplication *app;

static void
wait_loaded (GbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gb_window_is_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gb_window_is_loading (window));

  /* Let the views lay out. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
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

/* The largest list model any list view in @widget shows. */
static guint
max_list_items (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget))
    {
      GtkSelectionModel *model = NULL;

      g_object_get (widget, "model", &model, NULL);
      if (model != NULL)
        n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_clear_object (&model);
    }
  if (GTK_IS_FLOW_BOX (widget))
    n = count_widgets (widget, GTK_TYPE_FLOW_BOX_CHILD);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n = MAX (n, max_list_items (child));

  return n;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, type_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_bundled (void)
{
  GbWindow *window = gb_window_new (app);
  GbDossier *dossier;
  GtkWidget *timeline, *map, *cards;

  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);

  dossier = gb_window_get_dossier (window);
  g_assert_nonnull (dossier);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, gb_dossier_get_title (dossier));

  timeline = find_named (GTK_WIDGET (window), "GbTimelineView");
  map = find_named (GTK_WIDGET (window), "GbMapView");
  cards = find_named (GTK_WIDGET (window), "GbCardsView");
  g_assert_nonnull (timeline);
  g_assert_nonnull (map);
  g_assert_nonnull (cards);

  /* Three views, each showing the model's content once shown: a view that is
   * not shown builds nothing, so start-up builds only the first. */
  g_assert_cmpuint (max_list_items (timeline), >=, 15);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  wait_loaded (window);
  g_assert_cmpuint (count_widgets (map, SHUMATE_TYPE_MARKER), >=, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "agreements");
  wait_loaded (window);
  g_assert_cmpuint (max_list_items (cards), >=, 9);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gb-window-bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "{\"format\": \"golden-bridge-dossier\", \"version\": 1,"
                                      " \"id\": \"x\"}", -1, NULL));

  /* Nothing open yet: the error page, never an empty window. */
  gb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  g_assert_null (gb_window_get_dossier (window));
  g_assert_nonnull (gb_window_get_error (window));
  g_assert_true (g_str_has_prefix (gb_window_get_error (window), path));
  g_assert_nonnull (strstr (gb_window_get_error (window), "“title” is missing"));
  g_assert_cmpstr (gb_window_get_page (window), ==, "error");

  /* A story open: it stays, and the error shows beside it. */
  gb_window_open_bundled (window);
  wait_loaded (window);
  g_assert_nonnull (gb_window_get_dossier (window));
  gb_window_open_file (window, file);
  wait_loaded (window);
  g_assert_nonnull (gb_window_get_dossier (window));
  g_assert_nonnull (gb_window_get_error (window));
  g_assert_cmpstr (gb_window_get_page (window), ==, "content");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* A TimelineJS spreadsheet opens as the Open dialog and drag and drop open
 * files; one with no row readable names the row and column. */
static void
test_window_csv (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_my-own-timeline.csv", NULL);
  g_autofree char *bad_path = g_build_filename (g_get_tmp_dir (), "gb-window-bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GtkWidget *timeline;

  gb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "MY OWN CSV");
  timeline = find_named (GTK_WIDGET (window), "GbTimelineView");
  /* A view builds its story once shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  for (guint i = 0; i < 5000 && max_list_items (timeline) < 10; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_cmpuint (max_list_items (timeline), >=, 10);

  /* No row readable: nothing to open. */
  g_assert_true (g_file_set_contents (bad_path, "Year,Headline\n,No year\n", -1, NULL));
  gb_window_open_file (window, bad);
  wait_loaded (window);
  g_assert_nonnull (gb_window_get_error (window));
  g_assert_nonnull (strstr (gb_window_get_error (window), "gb-window-bad.csv:2:1: row 2, Year:"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (bad_path);
}

static void
test_window_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_view = NULL;
  GbWindow *window;

  g_settings_set_string (settings, "last-view", "map");
  window = gb_window_new (app);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  g_assert_cmpstr (gb_window_get_visible_view (window), ==, "map");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "agreements");
  last_view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (last_view, ==, "agreements");

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The story's title reaches the header bar's title label as text, not markup. */
static void
test_window_title_is_text (void)
{
  static const char *title = "<b>bold</b> & x &amp; <span foreground=\"red\">red</span>";
  g_autofree char *json = g_strdup_printf ("{\"format\":\"golden-bridge-dossier\",\"version\":1,"
                                           "\"id\":\"t\",\"title\":\"%s\"}",
                                           "<b>bold</b> & x &amp; <span foreground=\\\"red\\\">red</span>");
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_bytes (bytes, "title.json", &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GbWindow *window = gb_window_new (app);
  GtkWidget *switcher;
  gboolean found = FALSE;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gb_window_set_dossier (window, dossier);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);

  switcher = find_named (GTK_WIDGET (window), "AdwViewSwitcherTitle");
  g_assert_nonnull (switcher);
  collect_labels (switcher, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (g_strcmp0 (gtk_label_get_label (label), title) == 0)
        {
          g_assert_false (gtk_label_get_use_markup (label));
          g_assert_cmpstr (gtk_label_get_text (label), ==, title);
          found = TRUE;
        }
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's story is its selection's: set either way, the window follows
 * once, and the same story again says nothing. */
static void
test_window_dossier (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbDossier) other = gb_test_load_bundled ();
  GbWindow *window = g_object_ref (gb_window_new (app));
  GbSelection *selection = gb_window_get_selection (window);
  guint notified = 0;

  g_signal_connect (window, "notify::dossier", G_CALLBACK (gb_test_count_notify_cb), &notified);
  gb_window_set_dossier (window, dossier);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gb_selection_get_dossier (selection) == dossier);
  g_assert_cmpstr (gb_window_get_page (window), ==, "content");

  gb_window_set_dossier (window, dossier);
  g_assert_cmpuint (notified, ==, 1);

  gb_selection_set_dossier (selection, other);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (gb_window_get_dossier (window) == other);

  gb_window_set_dossier (window, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (gb_window_get_page (window), ==, "loading");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Golden Bridge");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The items of @menu and its sections and submenus that open a recent
 * file, in the order the menu shows them: labels in @labels, targets in
 * @uris. */
static void
collect_recent_items (GMenuModel *menu,
                      GPtrArray  *labels,
                      GPtrArray  *uris)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.open-recent"))
        {
          g_autofree char *label = NULL;
          g_autofree char *uri = NULL;

          g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL,
                                                          "s", &label));
          g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                          "s", &uri));
          g_ptr_array_add (labels, g_steal_pointer (&label));
          g_ptr_array_add (uris, g_steal_pointer (&uri));
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_recent_items (link, labels, uris);
        }
    }
}

/* Open Recent in the main menu: what was opened, newest first; choosing
 * an entry opens it. It used to be empty, always. */
static void
test_window_recent (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                     "TimelineJS3_my-own-timeline.csv", NULL);
  g_autofree char *dossier_path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                         "follow-up.json", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) dossier = g_file_new_for_path (dossier_path);
  g_autofree char *dossier_title = NULL;
  GtkWidget *button;
  GMenuModel *menu;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) uris = NULL;

  gtk_window_present (GTK_WINDOW (window));
  button = gb_test_find_widget_if (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);

  gb_window_open_file (window, csv);
  wait_loaded (window);
  gb_window_open_file (window, dossier);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  dossier_title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));

  /* The recent manager saves and says so from the main loop. */
  for (guint i = 0; i < 5000; i++)
    {
      g_clear_pointer (&labels, g_ptr_array_unref);
      g_clear_pointer (&uris, g_ptr_array_unref);
      labels = g_ptr_array_new_with_free_func (g_free);
      uris = g_ptr_array_new_with_free_func (g_free);
      collect_recent_items (menu, labels, uris);
      if (labels->len >= 2)
        break;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpstr (labels->pdata[0], ==, "follow-up.json");
  g_assert_cmpstr (labels->pdata[1], ==, "TimelineJS3_my-own-timeline.csv");

  /* Choosing the CSV opens it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uris->pdata[1]);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "MY OWN CSV");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, dossier_title);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
visible_view (GbWindow *window)
{
  GtkWidget *stack = gb_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* A StoryMapJS story of places without dates opens on its map, not on an
 * empty timeline; a story that has what the view shows keeps the view. */
static void
test_window_opens_on_content (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *map_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                     "StoryMapJS_sochi.json", NULL);
  g_autofree char *timeline_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                          "TimelineJS3_eras.json", NULL);
  g_autoptr(GFile) map_story = g_file_new_for_path (map_path);
  g_autoptr(GFile) timeline_story = g_file_new_for_path (timeline_path);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_assert_cmpstr (visible_view (window), ==, "timeline");

  gb_window_open_file (window, map_story);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (gb_window_get_dossier (window))),
                    ==, 0);
  g_assert_cmpstr (visible_view (window), ==, "map");

  /* The bundled story has places too: the map stays. */
  gb_window_open_bundled (window);
  wait_loaded (window);
  g_assert_cmpstr (visible_view (window), ==, "map");

  /* A timeline without places leaves the map for the timeline. */
  gb_window_open_file (window, timeline_story);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_places (gb_window_get_dossier (window))),
                    ==, 0);
  g_assert_cmpstr (visible_view (window), ==, "timeline");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing a place on the map opens its details beside the map, which
 * narrows it: the place stays in view, at the zoom the user had. */
static void
test_window_map_keeps_choice (void)
{
  GbWindow *window = gb_window_new (app);
  GListModel *places;
  GtkWidget *map, *layer, *flap, *marker;
  ShumateViewport *viewport;
  g_autoptr(GbPlace) east = NULL;
  double x, y, zoom;
  int width;
  gint64 deadline;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  wait_loaded (window);

  map = find_named (GTK_WIDGET (window), "ShumateMap");
  layer = find_named (GTK_WIDGET (window), "GbMapPlaceLayer");
  flap = find_named (GTK_WIDGET (window), "AdwFlap");
  g_assert_nonnull (map);
  g_assert_nonnull (layer);
  g_assert_false (adw_flap_get_folded (ADW_FLAP (flap)));
  viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (map) == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  wait_loaded (window);

  /* The place furthest east, which the story's fit puts near the edge. */
  places = gb_dossier_get_places (gb_window_get_dossier (window));
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);

      if (east == NULL || gb_place_get_longitude (place) > gb_place_get_longitude (east))
        g_set_object (&east, place);
    }
  g_assert_nonnull (east);

  width = gtk_widget_get_width (map);
  zoom = shumate_viewport_get_zoom_level (viewport);
  shumate_viewport_location_to_widget_coords (viewport, map, gb_place_get_latitude (east),
                                              gb_place_get_longitude (east), &x, &y);
  g_assert_cmpfloat (x, >, width * 0.75);

  /* Clicked: the details open and the map narrows. */
  marker = gb_map_place_layer_get_marker (GB_MAP_PLACE_LAYER (layer), east);
  g_assert_nonnull (marker);
  g_signal_emit_by_name (marker, "clicked");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((adw_flap_get_reveal_progress (ADW_FLAP (flap)) < 1.0
          || gtk_widget_get_width (map) >= width)
         && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  wait_loaded (window);
  g_assert_cmpfloat (adw_flap_get_reveal_progress (ADW_FLAP (flap)), ==, 1.0);
  g_assert_cmpint (gtk_widget_get_width (map), <, width - 200);

  shumate_viewport_location_to_widget_coords (viewport, map, gb_place_get_latitude (east),
                                              gb_place_get_longitude (east), &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (map));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (map));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
timeline_beside (GtkWidget *window)
{
  GtkWidget *timeline = gb_test_find_widget (window, GB_TYPE_TIMELINE_VIEW);

  return !gtk_widget_is_ancestor (timeline, gb_test_find_widget (window, ADW_TYPE_VIEW_STACK));
}

static void
wait_layout (GbWindow *window,
             gboolean  beside)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (timeline_beside (GTK_WIDGET (window)) != beside && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (timeline_beside (GTK_WIDGET (window)) == beside);
  gb_test_wait_frames (GTK_WIDGET (window), 3);
}

static guint
count_view_tabs (GtkWidget  *window,
                 const char *title)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n = 0;

  gb_test_collect_widgets (window, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    n += gtk_widget_get_visible (buttons->pdata[i]) &&
         gtk_widget_get_ancestor (buttons->pdata[i], ADW_TYPE_VIEW_SWITCHER) != NULL &&
         gb_test_shows_text (buttons->pdata[i], title);
  return n;
}

/* A wide window shows the timeline beside the map, and the details beside
 * both: a row chosen on the timeline is seen on the map while the timeline
 * stays. Narrower, or with the setting off, the views take turns again. */
static void
test_window_beside (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GbWindow *window;
  GtkWidget *timeline, *map, *list, *flap, *focus;
  guint position;

  g_settings_set_string (settings, "last-view", "timeline");
  g_settings_set_boolean (settings, "timeline-beside-map", TRUE);
  window = gb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  wait_layout (window, TRUE);

  timeline = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_TIMELINE_VIEW);
  map = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_MAP_VIEW);
  flap = gb_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP);
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_true (gtk_widget_get_mapped (map));
  g_assert_cmpint (gtk_widget_get_width (timeline), >=, 340);
  g_assert_cmpint (gtk_widget_get_width (map), >, gtk_widget_get_width (timeline));
  g_assert_cmpstr (gb_window_get_visible_view (window), ==, "map");
  /* The switcher offers what is not shown already. */
  g_assert_cmpuint (count_view_tabs (GTK_WIDGET (window), "Timeline"), ==, 0);
  g_assert_cmpuint (count_view_tabs (GTK_WIDGET (window), "Map"), >, 0);

  /* Choose the meeting in Seoul on the timeline: details open, nothing moves away. */
  position = gb_test_find_timeline_position (timeline,
                                             gb_test_lookup (gb_window_get_dossier (window),
                                                             "evt-meeting-cho"));
  list = gb_test_find_widget (timeline, GTK_TYPE_LIST_VIEW);
  gtk_widget_grab_focus (list);
  g_signal_emit_by_name (list, "activate", position);
  gb_test_wait_frames (GTK_WIDGET (window), 20);
  g_assert_cmpstr (gb_item_get_id (gb_selection_get_item (gb_window_get_selection (window))),
                   ==, "evt-meeting-cho");
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_false (adw_flap_get_folded (ADW_FLAP (flap)));
  g_assert_true (timeline_beside (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_true (gtk_widget_get_mapped (map));
  g_assert_cmpint (gtk_widget_get_width (map), >=, 300);

  /* Escape from the details goes back to the timeline, not to the map. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-detail", NULL);
  gb_test_wait_frames (GTK_WIDGET (window), 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, timeline));

  /* Narrower: the timeline is a view among the others again, and still has the keyboard. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  wait_layout (window, FALSE);
  g_assert_cmpstr (gb_window_get_visible_view (window), ==, "timeline");
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_false (gtk_widget_get_mapped (map));
  g_assert_cmpuint (count_view_tabs (GTK_WIDGET (window), "Timeline"), >, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, timeline));

  /* Wide again, then the setting turned off (the main menu's check item). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wait_layout (window, TRUE);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "timeline-beside-map"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "timeline-beside-map", NULL);
  g_assert_false (g_settings_get_boolean (settings, "timeline-beside-map"));
  wait_layout (window, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "timeline-beside-map");
}

/* The story itself where a reader starts, above every view and at every
 * width: its title, its summary and its sources, each of which opens in
 * the details; folded away, it stays folded. An imported story's title
 * slide is its title and summary there. */
static void
test_window_story_bar (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GbWindow *window = gb_window_new (app);
  g_autofree char *houston_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                         "TimelineJS3_houston_timeline3.json", NULL);
  g_autoptr(GFile) houston = g_file_new_for_path (houston_path);
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  g_autoptr(GbSource) first = NULL;
  GbDossier *dossier;
  GtkWidget *bar, *revealer;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new ();
  g_autoptr(GPtrArray) meta = g_ptr_array_new ();
  const char *summary;

  g_settings_set_boolean (settings, "story-details-shown", TRUE);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  dossier = gb_window_get_dossier (window);

  bar = find_named (GTK_WIDGET (window), "GbStoryBar");
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  gb_test_collect_styled (bar, GTK_TYPE_LABEL, "heading", headings);
  g_assert_cmpuint (headings->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (headings->pdata[0]), ==, gb_dossier_get_title (dossier));
  g_assert_false (gtk_label_get_use_markup (headings->pdata[0]));

  summary = gb_dossier_get_summary (dossier);
  g_assert_nonnull (summary);
  gb_test_collect_styled (bar, GTK_TYPE_LABEL, "gb-story-summary", summaries);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (summaries->pdata[0]), ==, summary);
  g_assert_true (gtk_widget_get_mapped (summaries->pdata[0]));

  /* Each source a button; choosing one shows it in the details. */
  gb_test_collect_styled (bar, GTK_TYPE_BUTTON, "gb-story-source", sources);
  g_assert_cmpuint (sources->len, ==,
                    MIN (g_list_model_get_n_items (gb_dossier_get_sources (dossier)), 12));
  first = g_list_model_get_item (gb_dossier_get_sources (dossier), 0);
  g_signal_emit_by_name (sources->pdata[0], "clicked");
  g_assert_true (gb_selection_get_item (gb_window_get_selection (window)) == GB_ITEM (first));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL);

  /* Folded away by its button, and remembered. */
  gb_test_collect_styled (bar, GTK_TYPE_BUTTON, "gb-story-expand", expanders);
  g_assert_cmpuint (expanders->len, ==, 1);
  revealer = gtk_widget_get_ancestor (sources->pdata[0], GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_signal_emit_by_name (expanders->pdata[0], "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (g_settings_get_boolean (settings, "story-details-shown"));
  g_signal_emit_by_name (expanders->pdata[0], "clicked");
  g_assert_true (g_settings_get_boolean (settings, "story-details-shown"));

  /* The TimelineJS title slide: its headline and text, as text. */
  gb_window_open_file (window, houston);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpstr (gtk_label_get_text (headings->pdata[0]), ==,
                   gb_dossier_get_title (gb_window_get_dossier (window)));
  g_assert_nonnull (strstr (gtk_label_get_text (headings->pdata[0]), "Whitney Houston"));
  g_assert_nonnull (strstr (gtk_label_get_text (summaries->pdata[0]), "imagination of the world"));
  g_assert_null (strstr (gtk_label_get_text (summaries->pdata[0]), "<p>"));
  gb_test_collect_styled (bar, GTK_TYPE_LABEL, "gb-story-meta", meta);
  g_assert_cmpuint (meta->len, ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (meta->pdata[0]), "TimelineJS"));

  gtk_window_destroy (GTK_WINDOW (window));

  /* A title being typed ends in a space: shown without it, and without
   * GTK 4.8's warning about the label's size. */
  {
    g_autoptr(GbDossier) typed = gb_dossier_new ("typed");
    g_autoptr(GbText) title = gb_text_new_plain ("Keyboard ");
    g_autoptr(GbSelection) selection = gb_selection_new ();
    g_autoptr(GPtrArray) titles = g_ptr_array_new ();
    GtkWidget *alone = gtk_window_new ();

    gb_dossier_set_title (typed, title);
    gb_dossier_seal (typed);
    gb_selection_set_dossier (selection, typed);
    bar = gb_story_bar_new ();
    g_object_set (bar, "selection", selection, NULL);
    gtk_window_set_child (GTK_WINDOW (alone), bar);
    gtk_window_present (GTK_WINDOW (alone));
    for (guint i = 0; i < 50; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    gb_test_collect_styled (bar, GTK_TYPE_LABEL, "heading", titles);
    g_assert_cmpuint (titles->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_text (titles->pdata[0]), ==, "Keyboard");
    gtk_window_destroy (GTK_WINDOW (alone));
  }
}

/* A timeline partly unreadable opens with the events it can read; the bar
 * above the story says which were left out and why. */
static void
test_window_partly_unreadable (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "broken",
                                                 "partly-unreadable.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *note = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gb_window_open_file (window, file);
  wait_loaded (window);
  g_assert_null (gb_window_get_error (window));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (gb_window_get_dossier (window))),
                    ==, 2);

  gb_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len && note == NULL; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]),
                          "3 events of this story were left out, as they could not be read:\n"))
      note = labels->pdata[i];
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "events[2].start_date.year"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (note)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (note,
                                                                 GTK_TYPE_REVEALER))));

  /* The next story opened has nothing left out: the note goes. */
  gb_window_open_bundled (window);
  wait_loaded (window);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (note,
                                                                  GTK_TYPE_REVEALER))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The menu's Story Language names the interface's and each of the
 * story's languages; choosing one reads the story in it, everywhere. */
static void
test_window_story_language (void)
{
  GbWindow *window = gb_window_new (app);
  GtkWidget *menu_button;
  GMenuModel *menu;
  GMenuModel *languages = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GbText *title;
  gint64 deadline;

  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  title = gb_dossier_get_title_text (gb_window_get_dossier (window));

  /* The submenu, found by its label in the main menu. */
  menu_button = find_named (GTK_WIDGET (window), "GtkMenuButton");
  g_assert_nonnull (menu_button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  for (int s = 0; s < g_menu_model_get_n_items (menu) && languages == NULL; s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
              && g_str_equal (label, "Story _Language"))
            {
              g_autoptr(GMenuModel) sub = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);

              languages = g_menu_model_get_item_link (sub, 0, G_MENU_LINK_SECTION);
            }
        }
    }
  g_assert_nonnull (languages);
  for (int i = 0; i < g_menu_model_get_n_items (languages); i++)
    {
      char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (languages, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                                      &label));
      g_ptr_array_add (names, label);
    }
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (names->pdata[1], ==, "English");
  g_assert_cmpstr (names->pdata[2], ==, "Қазақша");
  g_assert_cmpstr (names->pdata[3], ==, "한국어");
  g_assert_cmpstr (names->pdata[4], ==, "Русский");
  g_object_unref (languages);

  /* Korean: the window's title and the story's heading in Korean. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "story-language", g_variant_new_string ("ko"));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), gb_text_get_exact (title, "ko")) != 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  wait_loaded (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, gb_text_get_exact (title, "ko"));
  gb_test_collect_styled (find_named (GTK_WIDGET (window), "GbStoryBar"), GTK_TYPE_LABEL,
                          "heading", headings);
  g_assert_cmpstr (gtk_label_get_text (headings->pdata[0]), ==, gb_text_get_exact (title, "ko"));

  /* Back to the interface's language (English here). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "story-language", g_variant_new_string (""));
  wait_loaded (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, gb_text_get_exact (title, "en"));
  g_assert_cmpstr (gtk_label_get_text (headings->pdata[0]), ==, gb_text_get_exact (title, "en"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Style and map source are radio items of the main menu, kept in GSettings. */
static void
test_app_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GVariant) state = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme",
                                  g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme",
                                  g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (G_ACTION_GROUP (app), "map-source",
                                  g_variant_new_string ("online"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "map-source");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "online");
  g_clear_pointer (&state, g_variant_unref);
  g_action_group_activate_action (G_ACTION_GROUP (app), "map-source",
                                  g_variant_new_string ("basemap"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "map-source");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "basemap");
  g_autofree char *source = g_settings_get_string (settings, "map-source");
  g_assert_cmpstr (source, ==, "basemap");
  g_settings_set_string (settings, "map-source", "basemap");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* As main.c does: GTK records recent files under this name by default. */
  g_set_application_name ("Golden Bridge");
  app = gb_test_init_app (&argc, &argv);

  g_test_add_func ("/window/bundled", test_window_bundled);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/csv", test_window_csv);
  g_test_add_func ("/window/settings", test_window_settings);
  g_test_add_func ("/window/preferences", test_app_preferences);
  g_test_add_func ("/window/title-is-text", test_window_title_is_text);
  g_test_add_func ("/window/dossier", test_window_dossier);
  g_test_add_func ("/window/recent", test_window_recent);
  g_test_add_func ("/window/opens-on-content", test_window_opens_on_content);
  g_test_add_func ("/window/map-keeps-choice", test_window_map_keeps_choice);
  g_test_add_func ("/window/story-bar", test_window_story_bar);
  g_test_add_func ("/window/beside", test_window_beside);
  g_test_add_func ("/window/story-language", test_window_story_language);
  g_test_add_func ("/window/partly-unreadable", test_window_partly_unreadable);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
