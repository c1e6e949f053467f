/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-view"

#include "config.h"

#include <string.h>

#include "gb-basemap-label-layer.h"
#include "gb-labels.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-test-map.h"
#include "gb-test-ui.h"

/* The map view with tiles out of reach: markers, routes, the basemap
 * drawn (screenshots go to the test log directory), the credits, keyboard
 * actions, accessible names, the shared selection, the note for a story
 * with nothing to map, and its life without a window. */

static gboolean
narrower_than_400 (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_width (widget) <= 400;
}

static gboolean
wider_than_400 (gpointer widget)
{
  return gtk_widget_get_width (widget) > 400;
}

static gboolean
notice_shown (gpointer data)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();

  gb_test_map_find_all (GTK_WIDGET (data), GTK_TYPE_LABEL, "map-notice", notices);
  return notices->len == 1 && gtk_widget_get_visible (notices->pdata[0]);
}

static void
assert_story_in_view (GbTestMapFixture *fx)
{
  GListModel *places = gb_dossier_get_places (fx->dossier);
  int width = gtk_widget_get_width (GTK_WIDGET (fx->map));
  int height = gtk_widget_get_height (GTK_WIDGET (fx->map));

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
      int x, y;

      gb_test_map_widget_coords (fx, gb_place_get_latitude (place), gb_place_get_longitude (place), &x, &y);
      g_assert_cmpint (x, >, 0);
      g_assert_cmpint (x, <, width);
      g_assert_cmpint (y, >, 0);
      g_assert_cmpint (y, <, height);
    }
}

/* The colours of Kazakhstan's steppe and of the Yellow Sea in @shot. */
static void
land_and_sea (GbTestMapFixture *fx,
              GdkTexture       *shot,
              GbTestRgb        *land,
              GbTestRgb        *sea)
{
  int x, y;

  gb_test_map_widget_coords (fx, 47.0, 85.0, &x, &y);
  *land = gb_test_map_pixel_at (shot, x, y);
  gb_test_map_widget_coords (fx, 35.0, 124.0, &x, &y);
  *sea = gb_test_map_pixel_at (shot, x, y);
}

static void
test_view_offline (GbTestMapFixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  g_autoptr(GPtrArray) route_labels = g_ptr_array_new ();
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  GListModel *places = gb_dossier_get_places (fx->dossier);
  GbTestRgb land, sea, dark_land, dark_sea;
  int x, y;

  /* Markers for the four places, a label for the flight. */
  gb_test_map_find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, "map-marker", markers);
  g_assert_cmpuint (markers->len, ==, g_list_model_get_n_items (places));
  g_assert_cmpuint (markers->len, ==, 4);
  gb_test_map_find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, "map-route-label", route_labels);
  g_assert_cmpuint (route_labels->len, ==, 1);
  g_assert_true (gtk_widget_get_child_visible (route_labels->pdata[0]));

  /* Fitted on open. */
  assert_story_in_view (fx);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), >=, 3);

  /* The tiles fail, the view says so, and nothing hangs. */
  gb_test_map_wait_until (notice_shown, fx->view, 10000);
  g_assert_true (notice_shown (fx->view));
  g_assert_true (gb_test_map_basemap_complete (fx));

  light = gb_test_map_render (GTK_WIDGET (fx->view));
  gb_test_map_save_screenshot (light, "map-offline-light.png");

  /* The basemap is drawn: land in Kazakhstan's steppe and the Yellow Sea
   * differ, both unlike the blank of a failed tile. */
  land_and_sea (fx, light, &land, &sea);
  g_test_message ("light land #%02x%02x%02x sea #%02x%02x%02x", land.r, land.g, land.b, sea.r, sea.g, sea.b);
  g_assert_cmpint (gb_test_map_color_distance (land, sea), >, 40);

  /* A marker is drawn where Astana is. */
  {
    g_autoptr(GbPlace) astana = NULL;
    GtkWidget *marker;
    graphene_rect_t bounds;

    for (guint i = 0; i < g_list_model_get_n_items (places) && astana == NULL; i++)
      {
        g_autoptr(GbPlace) p = g_list_model_get_item (places, i);

        if (gb_place_get_place_kind (p) == GB_PLACE_KIND_CITY && gb_place_get_longitude (p) < 100)
          astana = g_steal_pointer (&p);
      }
    g_assert_nonnull (astana);

    marker = gb_map_place_layer_get_marker (fx->places, astana);
    g_assert_true (gtk_widget_get_child_visible (marker));
    g_assert_true (gtk_widget_compute_bounds (marker, GTK_WIDGET (fx->view), &bounds));
    gb_test_map_widget_coords (fx, gb_place_get_latitude (astana), gb_place_get_longitude (astana), &x, &y);
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    g_assert_cmpint (gb_test_map_color_distance (
                       gb_test_map_pixel_at (light, (int) (bounds.origin.x + bounds.size.width / 2),
                                             (int) (bounds.origin.y + bounds.size.height / 2)),
                       land), >, 60);
  }

  /* Dark style: still land and sea apart, and darker than in light. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gb_test_map_wait_frame (GTK_WIDGET (fx->view));
  gb_test_map_wait_until (gb_test_map_basemap_complete, fx, 10000);
  dark = gb_test_map_render (GTK_WIDGET (fx->view));
  gb_test_map_save_screenshot (dark, "map-offline-dark.png");
  land_and_sea (fx, dark, &dark_land, &dark_sea);
  g_assert_cmpint (gb_test_map_color_distance (dark_land, dark_sea), >, 30);
  g_assert_cmpint (dark_land.r + dark_land.g + dark_land.b, <, land.r + land.g + land.b);
  g_assert_cmpint (dark_sea.r + dark_sea.g + dark_sea.b, <, sea.r + sea.g + sea.b);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Narrow, as on a phone. */
  gtk_window_set_default_size (fx->window, 360, 640);
  gb_test_map_wait_for (narrower_than_400, fx->view);
  gb_test_map_wait_frame (GTK_WIDGET (fx->view));
  gb_test_map_wait_until (gb_test_map_basemap_complete, fx, 10000);
  gb_map_view_fit_story (fx->view);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  {
    g_autoptr(GdkTexture) narrow = gb_test_map_render (GTK_WIDGET (fx->view));

    gb_test_map_save_screenshot (narrow, "map-offline-narrow.png");
    g_assert_cmpint (gdk_texture_get_width (narrow), <=, 400);
  }
  assert_story_in_view (fx);

  /* Far in, where the basemap's rings run millions of pixels off screen:
   * still clipped and drawn (cairo would choke on such coordinates). */
  gtk_window_set_default_size (fx->window, 1000, 700);
  shumate_map_center_on (fx->map, 37.46, 126.44);
  shumate_viewport_set_zoom_level (fx->viewport, 15);
  gb_test_map_wait_for (wider_than_400, fx->view);
  gb_test_map_wait_frame (GTK_WIDGET (fx->view));
  gb_test_map_wait_until (gb_test_map_basemap_complete, fx, 10000);
  g_assert_true (gb_test_map_basemap_complete (fx));
  {
    g_autoptr(GdkTexture) close_up = gb_test_map_render (GTK_WIDGET (fx->view));

    gb_test_map_save_screenshot (close_up, "map-offline-zoom15.png");
  }
}

static void
test_view_basemap_only (GbTestMapFixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *attribution;

  gb_test_map_find_all (GTK_WIDGET (fx->view), GTK_TYPE_LABEL, "map-attribution", labels);
  g_assert_cmpuint (labels->len, ==, 1);
  attribution = labels->pdata[0];

  /* Online: the OpenStreetMap credit, linked, and tiles under the routes. */
  g_assert_nonnull (strstr (gtk_label_get_label (attribution),
                            "<a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "© OpenStreetMap contributors"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "Natural Earth"));
  {
    g_autoptr(GPtrArray) tile_layers = g_ptr_array_new ();

    gb_test_map_find_all (GTK_WIDGET (fx->view), SHUMATE_TYPE_MAP_LAYER, NULL, tile_layers);
    g_assert_cmpuint (tile_layers->len, ==, 1);
  }

  /* Basemap only: no tile layer, no OpenStreetMap credit. */
  g_settings_set_string (fx->settings, "map-source", "basemap");
  {
    g_autoptr(GPtrArray) tile_layers = g_ptr_array_new ();

    gb_test_map_find_all (GTK_WIDGET (fx->view), SHUMATE_TYPE_MAP_LAYER, NULL, tile_layers);
    g_assert_cmpuint (tile_layers->len, ==, 0);
  }
  g_assert_null (strstr (gtk_label_get_text (attribution), "OpenStreetMap"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "Natural Earth"));
  gb_test_map_wait_until (gb_test_map_basemap_complete, fx, 10000);
  g_assert_true (gb_test_map_basemap_complete (fx));

  g_settings_set_string (fx->settings, "map-source", "online");
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "OpenStreetMap"));
}

static void
test_view_keyboard (GbTestMapFixture       *fx,
                    gconstpointer  data)
{
  double zoom = shumate_viewport_get_zoom_level (fx->viewport);
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (fx->viewport));
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (fx->viewport));
  const char *wanted[][2] = {
    { "Left", "action(map.pan)" },
    { "Right", "action(map.pan)" },
    { "Up", "action(map.pan)" },
    { "Down", "action(map.pan)" },
    { "plus", "action(map.zoom-in)" },
    { "minus", "action(map.zoom-out)" },
    { "Home", "action(map.fit)" },
    { "0", "action(map.fit)" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx->view));
  guint found = 0;

  /* The keys are bound on the view ... */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          for (guint k = 0; k < G_N_ELEMENTS (wanted); k++)
            if (g_str_equal (trigger, wanted[k][0]) && g_str_equal (action, wanted[k][1]))
              found |= 1u << k;
        }
    }
  g_assert_cmphex (found, ==, (1u << G_N_ELEMENTS (wanted)) - 1);

  /* ... and the actions move the map (animations are off in tests). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.pan", "(ii)", 1, 0));
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (fx->viewport)), >, lon + 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (fx->viewport)), lat, 1e-6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.pan", "(ii)", 0, -1));
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (fx->viewport)), >, lat + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.zoom-in", NULL));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), >, zoom + 0.4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.zoom-out", NULL));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), >, zoom + 0.4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "map.fit", NULL));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (fx->viewport), zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (fx->viewport)), lon, 1e-6);
  assert_story_in_view (fx);

  /* The map itself takes focus, so the keys work before any marker. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fx->map)));
}

static void
test_view_accessible (GbTestMapFixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GbPlace) place = gb_place_new ("astana", GB_PLACE_KIND_CITY, 51.1694, 71.4491);
  g_autoptr(GbText) title = gb_text_new_plain ("Astana");
  g_autoptr(GbText) description = gb_text_new_plain ("Capital of Kazakhstan. Since 1997.");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *name = NULL;
  GListModel *places = gb_dossier_get_places (fx->dossier);

  gb_item_set_title (GB_ITEM (place), title);
  gb_item_set_description (GB_ITEM (place), description);
  name = gb_labels_dup_place_name (place);
  g_assert_cmpstr (name, ==, "Astana — Capital of Kazakhstan");

  /* Every marker is a focusable button named after its place; the zoom
   * buttons and the route label have names too. */
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) p = g_list_model_get_item (places, i);
      g_autofree char *expected = gb_labels_dup_place_name (p);
      GtkWidget *marker = gb_map_place_layer_get_marker (fx->places, p);
      g_autofree char *failure = NULL;

      g_assert_true (GTK_IS_BUTTON (marker));
      g_assert_true (gtk_widget_get_focusable (marker));
      g_assert_true (g_str_has_prefix (expected, gb_item_get_title (GB_ITEM (p))));
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (marker),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_assert_null (failure);
    }

  gb_test_map_find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      if (g_strcmp0 (action, "map.zoom-in") == 0)
        g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom in"));
      else if (g_strcmp0 (action, "map.zoom-out") == 0)
        g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom out"));
    }

  /* No label in the map parses markup, except our own credits line. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    gb_test_map_find_all (GTK_WIDGET (fx->view), GTK_TYPE_LABEL, NULL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (!gtk_widget_has_css_class (labels->pdata[i], "map-attribution"))
        g_assert_false (gtk_label_get_use_markup (labels->pdata[i]));
  }
}

static void
test_view_selection (GbTestMapFixture       *fx,
                     gconstpointer  data)
{
  GListModel *places = gb_dossier_get_places (fx->dossier);
  GListModel *routes = gb_dossier_get_routes (fx->dossier);
  GListModel *events = gb_dossier_get_events (fx->dossier);
  g_autoptr(GbRoute) route = g_list_model_get_item (routes, 0);
  g_autoptr(GbPlace) first = g_list_model_get_item (places, 0);
  GtkWidget *marker = gb_map_place_layer_get_marker (fx->places, first);
  GtkWidget *route_label = gb_route_label_layer_get_label (fx->labels, route);
  GbItem *event = NULL;
  GbPlace *event_place = NULL;

  /* Choosing a marker or the route's label selects it. */
  g_signal_emit_by_name (marker, "clicked");
  g_assert_true (gb_selection_get_item (fx->selection) == GB_ITEM (first));
  g_assert_true (gtk_widget_has_css_class (marker, "selected"));

  g_signal_emit_by_name (route_label, "clicked");
  g_assert_true (gb_selection_get_item (fx->selection) == GB_ITEM (route));
  g_assert_true (gtk_widget_has_css_class (route_label, "selected"));
  g_assert_false (gtk_widget_has_css_class (marker, "selected"));
  /* The route's ends are linked to it. */
  g_assert_true (gtk_widget_has_css_class (
    gb_map_place_layer_get_marker (fx->places, gb_route_get_from (route)), "linked"));

  /* Selected elsewhere: an event in one place only; the map highlights it
   * and goes there at once (animations are off). */
  for (guint i = 0; i < g_list_model_get_n_items (events) && event == NULL; i++)
    {
      g_autoptr(GbItem) e = g_list_model_get_item (events, i);
      g_autoptr(GPtrArray) linked = gb_dossier_dup_linked (fx->dossier, e);
      GbPlace *only = NULL;
      guint n_places = 0;

      for (guint j = 0; j < linked->len; j++)
        if (GB_IS_PLACE (linked->pdata[j]))
          {
            only = linked->pdata[j];
            n_places++;
          }

      if (n_places == 1)
        {
          event = e;
          event_place = only;
        }
    }
  g_assert_nonnull (event);

  gb_map_view_fit_story (fx->view);
  shumate_viewport_set_zoom_level (fx->viewport, 2);
  gb_selection_set_item (fx->selection, event);
  g_assert_true (gtk_widget_has_css_class (gb_map_place_layer_get_marker (fx->places, event_place),
                                           "linked"));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (fx->viewport)),
                                  gb_place_get_latitude (event_place), 1e-3);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (fx->viewport)),
                                  gb_place_get_longitude (event_place), 1e-3);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), >, 5);

  /* Cleared: nothing highlighted. */
  gb_selection_set_item (fx->selection, NULL);
  g_assert_false (gtk_widget_has_css_class (gb_map_place_layer_get_marker (fx->places, event_place),
                                            "linked"));
  g_assert_false (gtk_widget_has_css_class (route_label, "selected"));
}

static gboolean
empty_note_visible (GtkWidget *view)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  gb_test_map_find_all (view, GTK_TYPE_LABEL, "map-empty-notice", notes);
  g_assert_cmpuint (notes->len, ==, 1);
  return gtk_widget_get_visible (notes->pdata[0]) && gtk_widget_get_mapped (notes->pdata[0]);
}

static void
test_view_no_places (void)
{
  g_autoptr(GbDossier) timeline = gb_test_load_fixture ("import/TimelineJS3_eras.json");
  g_autoptr(GbDossier) bundled = NULL;
  g_autoptr(GbSelection) selection = gb_selection_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *map;
  ShumateViewport *viewport;
  double zoom;

  bundled = gb_dossier_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_places (timeline)), ==, 0);

  /* A narrow window, as on a phone: the note and the bundled flight's
   * label both fit. */
  view = gb_test_map_show (timeline, selection, 360, 700);
  map = gb_test_map_find_one (view, SHUMATE_TYPE_MAP);
  viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  gb_test_map_wait_frame (view);
  g_assert_true (empty_note_visible (view));

  /* The note says so without blocking the map: it still zooms. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (gtk_widget_activate_action (view, "map.zoom-in", NULL));
  gb_test_map_wait_redrawn (view);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom);
  {
    g_autoptr(GdkTexture) shot = gb_test_map_render (view);

    gb_test_map_save_screenshot (shot, "map-no-places.png");
  }

  /* The bundled story has places: no note, and its one label shown. */
  gb_selection_set_dossier (selection, bundled);
  gb_test_map_wait_frame (view);
  g_assert_false (empty_note_visible (view));
  {
    GbRouteLabelLayer *labels = GB_ROUTE_LABEL_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LABEL_LAYER));
    g_autoptr(GbRoute) route = g_list_model_get_item (gb_dossier_get_routes (bundled), 0);

    g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_routes (bundled)), ==, 1);
    g_assert_true (gb_route_label_layer_label_is_shown (labels, route));
    gb_test_map_assert_route_labels_apart (view, bundled);
  }

  /* No story at all is not an empty story. */
  gb_selection_set_dossier (selection, NULL);
  gb_test_map_wait_frame (view);
  g_assert_false (empty_note_visible (view));
  gb_selection_set_dossier (selection, timeline);
  gb_test_map_wait_frame (view);
  g_assert_true (empty_note_visible (view));

  gb_test_map_destroy_window (GTK_WINDOW (gtk_widget_get_root (view)));
}

static void
test_view_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (&error);
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GbSelection *followed = NULL;
  GtkWidget *view;

  g_assert_no_error (error);

  /* Unrealized: no size yet, nothing fitted, nothing leaked. */
  view = g_object_ref_sink (gb_map_view_new ());
  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  gb_map_view_fit_story (GB_MAP_VIEW (view));
  gb_selection_set_dossier (selection, NULL);
  gb_selection_set_dossier (selection, dossier);
  g_object_get (view, "selection", &followed, NULL);
  g_assert_true (followed == selection);
  g_clear_object (&followed);
  g_assert_finalize_object (view);
}

static gboolean
name_shown (GbBasemapLabelLayer *layer,
            const char          *text)
{
  for (guint i = 0; i < gb_basemap_label_layer_get_n_shown (layer); i++)
    if (g_str_equal (gb_basemap_label_layer_get_shown (layer, i, NULL), text))
      return TRUE;

  return FALSE;
}

/* The basemap's names never cover the story's markers, names or route
 * labels. */
static void
assert_names_clear_of_story (GbTestMapFixture    *fx,
                             GbBasemapLabelLayer *layer)
{
  g_autoptr(GPtrArray) story = g_ptr_array_new ();

  gb_test_map_find_all (GTK_WIDGET (fx->places), GTK_TYPE_BUTTON, "map-marker", story);
  gb_test_map_find_all (GTK_WIDGET (fx->places), GTK_TYPE_LABEL, "map-label", story);
  gb_test_map_find_all (GTK_WIDGET (fx->labels), GTK_TYPE_BUTTON, "map-route-label", story);
  g_assert_cmpuint (story->len, >=, 5);

  for (guint i = 0; i < gb_basemap_label_layer_get_n_shown (layer); i++)
    {
      graphene_rect_t name;
      const char *text = gb_basemap_label_layer_get_shown (layer, i, &name);

      for (guint j = 0; j < story->len; j++)
        {
          GtkWidget *widget = story->pdata[j];
          graphene_rect_t b;

          if (!gtk_widget_get_child_visible (widget) || gtk_widget_get_opacity (widget) == 0
              || (GTK_IS_BUTTON (widget) && gtk_widget_get_parent (widget) != NULL
                  && !gtk_widget_get_child_visible (gtk_widget_get_parent (widget))))
            continue;
          g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (layer), &b));
          if (graphene_rect_intersection (&name, &b, NULL))
            g_error ("“%s” covers %s", text, G_OBJECT_TYPE_NAME (widget));
        }
    }
}

static void
test_view_basemap_names (GbTestMapFixture *fx,
                         gconstpointer     data)
{
  GbBasemapLabelLayer *layer =
    GB_BASEMAP_LABEL_LAYER (gb_test_map_find_one (GTK_WIDGET (fx->view),
                                                  GB_TYPE_BASEMAP_LABEL_LAYER));
  const char * const ko[] = { "ko", NULL };
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  guint shown;

  g_assert_nonnull (layer);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));

  /* The story's own view: some names, none over the story. */
  g_test_message ("%u names beside the story", gb_basemap_label_layer_get_n_shown (layer));
  g_assert_cmpuint (gb_basemap_label_layer_get_n_shown (layer), >, 0);
  assert_names_clear_of_story (fx, layer);

  /* Over the steppe: Kazakhstan, in the interface's language … */
  shumate_map_center_on (fx->map, 48.5, 66.6);
  shumate_viewport_set_zoom_level (fx->viewport, 5);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  g_assert_true (name_shown (layer, "Kazakhstan"));
  assert_names_clear_of_story (fx, layer);

  /* … or in Korean. */
  gb_basemap_label_layer_set_languages (layer, ko);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  g_assert_true (name_shown (layer, "카자흐스탄"));
  g_assert_false (name_shown (layer, "Kazakhstan"));

  /* Zoomed out to the whole world, no country is named. */
  shumate_viewport_set_zoom_level (fx->viewport, 1);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  g_assert_cmpuint (gb_basemap_label_layer_get_n_shown (layer), ==, 0);

  /* Centred on Astana, where the story's markers and names crowd
   * Kazakhstan's name: still none over them. */
  shumate_map_center_on (fx->map, 51.17, 71.45);
  shumate_viewport_set_zoom_level (fx->viewport, 3);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  assert_names_clear_of_story (fx, layer);

  /* Names in another language are drawn a few a frame, the most important
   * first, so that no frame waits for them all; they all come. */
  gb_basemap_label_layer_set_languages (layer, NULL);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  shown = gb_basemap_label_layer_get_n_shown (layer);
  g_test_message ("%u names around Astana", shown);
  g_assert_cmpuint (shown, >, 8);
  gb_basemap_label_layer_set_languages (layer, ko);
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  gb_basemap_label_layer_set_languages (layer, NULL);
  gb_test_map_wait_frame (GTK_WIDGET (fx->view));
  g_assert_cmpuint (gb_basemap_label_layer_get_n_shown (layer), >, 0);
  g_assert_cmpuint (gb_basemap_label_layer_get_n_shown (layer), <=, 8);
  for (guint i = 0; i < gb_basemap_label_layer_get_n_shown (layer); i++)
    g_ptr_array_add (first, g_strdup (gb_basemap_label_layer_get_shown (layer, i, NULL)));
  g_assert_false (gb_basemap_label_layer_is_complete (layer));
  gb_test_map_wait_redrawn (GTK_WIDGET (fx->view));
  g_assert_cmpuint (gb_basemap_label_layer_get_n_shown (layer), ==, shown);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (name_shown (layer, first->pdata[i]));
  assert_names_clear_of_story (fx, layer);
}

int
main (int   argc,
      char *argv[])
{
  gb_test_map_init (&argc, &argv);

  g_test_add ("/map/view/offline", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_offline, gb_test_map_fixture_teardown);
  g_test_add ("/map/view/basemap-only", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_basemap_only, gb_test_map_fixture_teardown);
  g_test_add ("/map/view/keyboard", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_keyboard, gb_test_map_fixture_teardown);
  g_test_add ("/map/view/accessible", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_accessible, gb_test_map_fixture_teardown);
  g_test_add ("/map/view/selection", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_selection, gb_test_map_fixture_teardown);
  g_test_add ("/map/view/basemap-names", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_view_basemap_names, gb_test_map_fixture_teardown);
  g_test_add_func ("/map/view/no-places", test_view_no_places);
  g_test_add_func ("/map/view/lifecycle", test_view_lifecycle);

  return g_test_run ();
}
