/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-routes"

#include "config.h"

#include <math.h>

#include "gb-place.h"
#include "gb-route.h"
#include "gb-test-map.h"
#include "gb-test-ui.h"

/* The routes: their labels fitted clear of each other and of the places
 * at every zoom, shown on focus and selection, and a flight fitted across
 * the antimeridian. */

static void
test_routes_labels (void)
{
  static const double zooms[] = { 0, 3, 4, 5, 6, 7, 8 };
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("import/StoryMapJS_demo.json");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = gb_test_map_show (dossier, selection, 1000, 700);
  GtkWidget *map = gb_test_map_find_one (view, SHUMATE_TYPE_MAP);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  GbRouteLayer *routes = GB_ROUTE_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LAYER));
  GbRouteLabelLayer *labels = GB_ROUTE_LABEL_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LABEL_LAYER));
  GListModel *model = gb_dossier_get_routes (dossier);
  guint n_routes = g_list_model_get_n_items (model);
  g_autoptr(GbRoute) hidden = NULL;
  guint most = 0;

  g_assert_cmpuint (n_routes, ==, 22);
  g_assert_cmpuint (gb_route_layer_get_n_routes (routes), ==, n_routes);

  /* Fitted (zoom 0 here stands for "as opened"), then zoomed in steps. */
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      guint n;

      if (zooms[i] > 0)
        shumate_viewport_set_zoom_level (viewport, zooms[i]);
      gb_test_map_wait_frame (view);
      n = gb_test_map_assert_route_labels_apart (view, dossier);
      g_test_message ("zoom %.1f: %u of %u route labels shown",
                      shumate_viewport_get_zoom_level (viewport), n, n_routes);
      if (i == 0)
        g_assert_cmpuint (n, <, n_routes);
      most = MAX (most, n);
    }
  g_assert_cmpuint (most, >, 0);

  /* Back to the whole story: a route whose label was left out … */
  gb_map_view_fit_story (GB_MAP_VIEW (view));
  gb_test_map_wait_frame (view);
  for (guint i = 0; i < n_routes && hidden == NULL; i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (model, i);
      GtkWidget *label = gb_route_label_layer_get_label (labels, route);

      if (!gb_route_label_layer_label_is_shown (labels, route) && gtk_widget_get_child_visible (label))
        hidden = g_steal_pointer (&route);
    }
  g_assert_nonnull (hidden);

  /* … still has its button in the focus chain, which shows on focus … */
  {
    GtkWidget *label = gb_route_label_layer_get_label (labels, hidden);

    g_assert_true (gtk_widget_get_focusable (label));
    g_assert_true (gtk_widget_grab_focus (label));
    gb_test_map_wait_frame (view);
    g_assert_true (gb_route_label_layer_label_is_shown (labels, hidden));
    g_assert_cmpfloat (gtk_widget_get_opacity (label), ==, 1.0);
    gtk_widget_grab_focus (map);
    gb_test_map_wait_frame (view);
  }

  /* … and when selected (as a click on its line does). */
  gb_selection_set_item (selection, GB_ITEM (hidden));
  gb_test_map_wait_frame (view);
  g_assert_true (gb_route_label_layer_label_is_shown (labels, hidden));
  g_assert_true (gtk_widget_has_css_class (gb_route_label_layer_get_label (labels, hidden), "selected"));
  gb_selection_set_item (selection, NULL);
  gb_test_map_wait_frame (view);
  gb_test_map_assert_route_labels_apart (view, dossier);

  {
    g_autoptr(GdkTexture) shot = gb_test_map_render (view);

    gb_test_map_save_screenshot (shot, "map-route-labels.png");
  }

  gb_test_map_destroy_window (GTK_WINDOW (gtk_widget_get_root (view)));
}

static void
test_routes_antimeridian (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("test");
  g_autoptr(GbPlace) akl = gb_place_new ("akl", GB_PLACE_KIND_AIRPORT, -37.0082, 174.785);
  g_autoptr(GbPlace) hnl = gb_place_new ("hnl", GB_PLACE_KIND_AIRPORT, 21.3187, -157.9225);
  g_autoptr(GbRoute) route = gb_route_new ("akl-hnl", akl, hnl, "flight");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = gb_map_view_new ();
  ShumateViewport *viewport;
  double lon, zoom;

  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (akl)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (hnl)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (route)));
  gb_dossier_seal (dossier);

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  gtk_window_present (window);
  gb_test_map_wait_for_view (view);

  /* Fitted across the antimeridian, not around the whole world. */
  viewport = shumate_map_get_viewport (SHUMATE_MAP (gb_test_map_find_one (view, SHUMATE_TYPE_MAP)));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_test_message ("antimeridian fit: centre %.2f°, zoom %.2f", lon, zoom);
  g_assert_cmpfloat (fabs (lon), >, 160);
  g_assert_cmpfloat (zoom, >=, 2);

  {
    g_autoptr(GdkTexture) shot = gb_test_map_render (view);

    gb_test_map_save_screenshot (shot, "map-antimeridian.png");
  }

  gb_test_map_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gb_test_map_init (&argc, &argv);

  g_test_add_func ("/map/routes/labels", test_routes_labels);
  g_test_add_func ("/map/routes/antimeridian", test_routes_antimeridian);

  return g_test_run ();
}
