/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-places"

#include "config.h"

#include "gb-map-scale.h"
#include "gb-place.h"
#include "gb-test-map.h"

/* The place layer: names placed clear of each other and of the markers at
 * every zoom, and thousands of places as a few marker widgets and dots. */

/* No name covers another name or a marker, and none is cut off. */
static void
assert_labels_apart (GbTestMapFixture *fx)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  GtkWidget *layer = GTK_WIDGET (fx->places);

  gb_test_map_find_all (layer, GTK_TYPE_LABEL, "map-label", labels);
  gb_test_map_find_all (layer, GTK_TYPE_BUTTON, "map-marker", markers);

  for (guint i = 0; i < labels->len; i++)
    {
      graphene_rect_t a;

      if (!gtk_widget_get_child_visible (labels->pdata[i]))
        continue;
      g_assert_true (gtk_widget_compute_bounds (labels->pdata[i], layer, &a));
      g_assert_cmpfloat (a.origin.x, >=, 0);
      g_assert_cmpfloat (a.origin.y, >=, 0);
      g_assert_cmpfloat (a.origin.x + a.size.width, <=, gtk_widget_get_width (layer));
      g_assert_cmpfloat (a.origin.y + a.size.height, <=, gtk_widget_get_height (layer));

      for (guint j = 0; j < labels->len; j++)
        {
          graphene_rect_t b;

          if (j == i || !gtk_widget_get_child_visible (labels->pdata[j]))
            continue;
          g_assert_true (gtk_widget_compute_bounds (labels->pdata[j], layer, &b));
          g_assert_false (graphene_rect_intersection (&a, &b, NULL));
        }

      for (guint j = 0; j < markers->len; j++)
        {
          graphene_rect_t b;

          if (!gtk_widget_get_child_visible (markers->pdata[j]))
            continue;
          g_assert_true (gtk_widget_compute_bounds (markers->pdata[j], layer, &b));
          g_assert_false (graphene_rect_intersection (&a, &b, NULL));
        }

      /* Nor what lies over the map: its scale. */
      {
        GtkWidget *scale = gb_test_map_find_one (GTK_WIDGET (fx->view), GB_TYPE_MAP_SCALE);
        graphene_rect_t b;

        g_assert_true (gtk_widget_compute_bounds (scale, layer, &b));
        g_assert_false (graphene_rect_intersection (&a, &b, NULL));
      }
    }
}

static void
test_places_labels (GbTestMapFixture       *fx,
                  gconstpointer  data)
{
  static const double zooms[] = { 1, 2, 3, 4, 5, 6, 8 };
  guint near;

  /* At every zoom, names never collide (Astana and its airport share a
   * spot when zoomed out). */
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      shumate_viewport_set_zoom_level (fx->viewport, zooms[i]);
      gb_test_map_wait_frame (GTK_WIDGET (fx->view));
      g_test_message ("zoom %g: %u names shown", zooms[i],
                      gb_map_place_layer_get_n_shown_labels (fx->places));
      if (zooms[i] <= 4)
        g_assert_cmpuint (gb_map_place_layer_get_n_shown_labels (fx->places), >=, 2);
      assert_labels_apart (fx);
    }

  /* Zoomed in on Astana, the city and the airport are both named. */
  shumate_map_center_on (fx->map, 51.1, 71.45);
  shumate_viewport_set_zoom_level (fx->viewport, 10);
  gb_test_map_wait_frame (GTK_WIDGET (fx->view));
  near = gb_map_place_layer_get_n_shown_labels (fx->places);
  g_assert_cmpuint (near, ==, 2);
  assert_labels_apart (fx);
}

/* No marker covers another, at any zoom: where the user points, the
 * marker drawn there is the one chosen — Astana's airport too, which sits
 * under the city when zoomed out, until zooming in parts them. */
static void
test_places_markers_apart (GbTestMapFixture *fx,
                           gconstpointer     data)
{
  static const double zooms[] = { 1, 2, 3, 4, 5, 6, 8, 10 };
  GtkWidget *map = GTK_WIDGET (fx->map);
  GListModel *places = gb_dossier_get_places (fx->dossier);
  guint airports_reached = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GPtrArray) markers = g_ptr_array_new ();

      shumate_map_center_on (fx->map, 51.1, 71.45);
      shumate_viewport_set_zoom_level (fx->viewport, zooms[z]);
      gb_test_map_wait_frame (GTK_WIDGET (fx->view));

      for (guint i = 0; i < g_list_model_get_n_items (places); i++)
        {
          g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
          GtkWidget *marker = gb_map_place_layer_get_marker (fx->places, place);
          graphene_rect_t a;
          graphene_point_t centre;
          GtkWidget *picked;

          if (marker == NULL || !gtk_widget_get_child_visible (gtk_widget_get_parent (marker)))
            continue;
          g_assert_true (gtk_widget_compute_bounds (marker, map, &a));
          graphene_rect_get_center (&a, &centre);
          if (centre.x < 0 || centre.y < 0
              || centre.x >= gtk_widget_get_width (map) || centre.y >= gtk_widget_get_height (map))
            continue;

          for (guint j = 0; j < markers->len; j++)
            {
              graphene_rect_t b;

              g_assert_true (gtk_widget_compute_bounds (markers->pdata[j], map, &b));
              g_assert_false (graphene_rect_intersection (&a, &b, NULL));
            }
          g_ptr_array_add (markers, marker);

          /* A click there reaches this place's marker. */
          picked = gtk_widget_pick (map, centre.x, centre.y, GTK_PICK_DEFAULT);
          g_assert_true (picked == marker || gtk_widget_is_ancestor (picked, marker));
          if (gb_place_get_place_kind (place) == GB_PLACE_KIND_AIRPORT)
            airports_reached++;
        }
      g_test_message ("zoom %g: %u markers apart", zooms[z], markers->len);
    }

  g_assert_cmpuint (airports_reached, >=, G_N_ELEMENTS (zooms));

  {
    g_autoptr(GdkTexture) shot = NULL;

    shumate_viewport_set_zoom_level (fx->viewport, 4);
    gb_test_map_wait_frame (GTK_WIDGET (fx->view));
    shot = gb_test_map_render (GTK_WIDGET (fx->view));
    gb_test_map_save_screenshot (shot, "map-markers-apart.png");
  }
}

/* Thousands of places: widgets for the most important on screen, dots for
 * the rest, all of it still answering clicks. */
static guint
count_markers_shown (GbMapPlaceLayer *layer,
                     GPtrArray       *markers)
{
  guint visible = 0;

  gb_test_map_find_all (GTK_WIDGET (layer), GTK_TYPE_BUTTON, "map-marker", markers);
  for (guint i = 0; i < markers->len; i++)
    if (gtk_widget_get_child_visible (gtk_widget_get_parent (markers->pdata[i])))
      visible++;

  return visible;
}

static gboolean
markers_shown (gpointer layer)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();

  return count_markers_shown (layer, markers) > 10;
}

static void
test_places_many (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("many");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  GtkWidget *view;
  GRand *rand = g_rand_new_with_seed (7);
  GbMapPlaceLayer *layer;
  guint visible = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Place %u", i);
      g_autoptr(GbText) title = gb_text_new_plain (name);
      g_autoptr(GbPlace) place = gb_place_new (id, i % 3 ? GB_PLACE_KIND_CITY : GB_PLACE_KIND_AIRPORT,
                                               g_rand_double_range (rand, 30, 55),
                                               g_rand_double_range (rand, 60, 130));

      gb_item_set_title (GB_ITEM (place), title);
      g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (place)));
    }
  gb_dossier_seal (dossier);
  g_rand_free (rand);

  view = gb_test_map_show (dossier, selection, 1000, 700);

  /* Marker widgets are made a batch per idle: wait for the first ones. */
  layer = GB_MAP_PLACE_LAYER (gb_test_map_find_one (view, GB_TYPE_MAP_PLACE_LAYER));
  gb_test_map_wait_for (markers_shown, layer);
  gb_test_map_wait_frame (view);
  visible = count_markers_shown (layer, markers);

  g_test_message ("3000 places: %u marker widgets made, %u shown, %u names", markers->len, visible,
                  gb_map_place_layer_get_n_shown_labels (layer));
  g_assert_cmpuint (gb_map_place_layer_get_n_places (layer), ==, 3000);
  g_assert_cmpuint (visible, >, 10);
  g_assert_cmpuint (visible, <=, 120);
  g_assert_cmpuint (markers->len, <, 3000);

  /* A dot answers a click like a marker: find one that is drawn. */
  {
    GListModel *places = gb_dossier_get_places (dossier);
    ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gb_test_map_find_one (view, SHUMATE_TYPE_MAP)));
    gboolean found = FALSE;

    for (guint i = g_list_model_get_n_items (places); i-- > 0 && !found;)
      {
        g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
        double x, y;

        shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer),
                                                    gb_place_get_latitude (place),
                                                    gb_place_get_longitude (place), &x, &y);
        if (x > 10 && y > 10 && x < 990 && y < 690
            && gtk_widget_contains (GTK_WIDGET (layer), x, y))
          found = TRUE;
      }
    g_assert_true (found);
  }

  {
    g_autoptr(GdkTexture) shot = gb_test_map_render (view);

    gb_test_map_save_screenshot (shot, "map-many-places.png");
  }

  gb_test_map_destroy_window (GTK_WINDOW (gtk_widget_get_root (view)));
}

int
main (int   argc,
      char *argv[])
{
  gb_test_map_init (&argc, &argv);

  g_test_add ("/map/places/labels", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_places_labels, gb_test_map_fixture_teardown);
  g_test_add ("/map/places/markers-apart", GbTestMapFixture, NULL, gb_test_map_fixture_setup,
              test_places_markers_apart, gb_test_map_fixture_teardown);
  g_test_add_func ("/map/places/many", test_places_many);

  return g_test_run ();
}
