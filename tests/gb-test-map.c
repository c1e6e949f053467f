/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "gb-dossier-loader.h"
#include "gb-place.h"
#include "gb-basemap-label-layer.h"
#include "gb-test-map.h"

/* Everything here waits for something to happen, up to a bound, and says
 * whether it did; nothing sleeps for a fixed time. */

void
gb_test_map_init (int    *argc,
                  char ***argv)
{
  g_autofree char *cache = g_dir_make_tmp ("gb-test-map-XXXXXX", NULL);
  g_autoptr(GtkCssProvider) css = NULL;

  /* Tiles cache somewhere of our own (G_TEST_OPTION_ISOLATE_DIRS would
   * hide the system's proxy settings schema from GIO as well). */
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (argc, argv, NULL);
  adw_init ();

  /* The app's style sheet, as AdwApplication would load it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/goldenbridge/GoldenBridge/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Runs the main context until @done says so or @timeout_ms pass.
 * Returns: whether @done was met */
gboolean
gb_test_map_wait_until (gboolean (*done) (gpointer),
                        gpointer  data,
                        guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return done (data);
}

/* As gb_test_map_wait_until(), and fails the test if @done is not met. */
void
gb_test_map_wait_for (gboolean (*done) (gpointer),
                      gpointer  data)
{
  gboolean met = gb_test_map_wait_until (done, data, GB_TEST_MAP_TIMEOUT_MS);

  g_assert_true (met);
}

gboolean
gb_test_map_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until @widget's window has laid out and painted a frame that began after
 * this call: what was queued before (allocation, drawing) is done. */
void
gb_test_map_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  gb_test_map_wait_until (gb_test_map_flag_set, &painted, GB_TEST_MAP_TIMEOUT_MS);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the caller's reference to @object and waits until whatever else
 * held it (pending tasks, idles) has let it go. */
void
gb_test_map_wait_finalized (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  gb_test_map_wait_until (pointer_cleared, &weak, GB_TEST_MAP_TIMEOUT_MS);
  if (weak != NULL)
    g_object_remove_weak_pointer (weak, &weak);
  g_assert_null (weak);
}

/* Destroys @window and waits until it and all it held are gone. */
void
gb_test_map_destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  gb_test_map_wait_finalized (window);
}

/* A port nobody listens on: bind one, note it, close it. */
guint16
gb_test_map_closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

void
gb_test_map_find_all (GtkWidget  *widget,
                      GType       type,
                      const char *css_class,
                      GPtrArray  *out)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
      && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_test_map_find_all (child, type, css_class, out);
}

GtkWidget *
gb_test_map_find_one (GtkWidget *widget,
                      GType      type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  gb_test_map_find_all (widget, type, NULL, all);
  g_assert_cmpuint (all->len, ==, 1);
  return all->pdata[0];
}

static void
drawn_cb (GdkPaintable *paintable,
          gpointer      data)
{
  *(gboolean *) data = TRUE;
}

/* A GtkWidgetPaintable shows the widget's last frame, and there may be none yet (a loaded
 * machine; GTK 4.18's GL renderer starts later) or it may predate the last change: draw a
 * fresh frame and wait for it to reach the paintable. */
GdkTexture *
gb_test_map_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gboolean drawn = FALSE;
  gulong handler = g_signal_connect (paintable, "invalidate-contents",
                                     G_CALLBACK (drawn_cb), &drawn);

  gtk_widget_queue_draw (widget);
  gb_test_map_wait_for (gb_test_map_flag_set, &drawn);
  g_signal_handler_disconnect (paintable, handler);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Into meson-logs beside the test log when run by meson, else here. */
void
gb_test_map_save_screenshot (GdkTexture *texture,
                             const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *logs = g_build_filename (builddir ? builddir : ".", "..", "meson-logs", NULL);
  g_autofree char *path = NULL;

  path = g_build_filename (g_file_test (logs, G_FILE_TEST_IS_DIR) ? logs : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GbTestRgb
gb_test_map_pixel_at (GdkTexture *texture,
                      int         x,
                      int         y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);

  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + (gsize) y * width * 4 + (gsize) x * 4;
  return (GbTestRgb) { p[2], p[1], p[0] };
}

int
gb_test_map_color_distance (GbTestRgb a,
                            GbTestRgb b)
{
  return abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b);
}

/* Shown, with the basemap and its names drawn in full. */
gboolean
gb_test_map_view_drawn (gpointer data)
{
  GtkWidget *view = data;
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (gtk_widget_get_width (view) <= 0)
    return FALSE;

  gb_test_map_find_all (view, GB_TYPE_BASEMAP_LAYER, NULL, layers);
  gb_test_map_find_all (view, GB_TYPE_BASEMAP_LABEL_LAYER, NULL, names);
  return layers->len == 1
         && gb_basemap_layer_get_n_cached_tiles (layers->pdata[0]) > 0
         && gb_basemap_layer_is_complete (layers->pdata[0])
         && names->len == 1
         && gb_basemap_label_layer_is_complete (names->pdata[0]);
}

/* Shown and drawn, however slow the machine (valgrind). */
void
gb_test_map_wait_for_view (GtkWidget *view)
{
  gb_test_map_wait_for (gb_test_map_view_drawn, view);
  gb_test_map_wait_frame (view);
}

/* Until a change to @view is painted and the basemap drawn in full for it
 * (tiles render over several frames). */
void
gb_test_map_wait_redrawn (GtkWidget *view)
{
  gb_test_map_wait_frame (view);
  gb_test_map_wait_for (gb_test_map_view_drawn, view);
}

/* @dossier in a new window, the basemap only. */
GtkWidget *
gb_test_map_show (GbDossier   *dossier,
                  GbSelection *selection,
                  int          width,
                  int          height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;
  GtkWidget *view;

  /* Nothing here may touch the real network. */
  g_settings_set_string (settings, "map-source", "basemap");
  window = GTK_WINDOW (gtk_window_new ());
  view = gb_map_view_new ();
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, view);
  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  gtk_window_present (window);
  gb_test_map_wait_for_view (view);
  return view;
}

gboolean
gb_test_map_basemap_complete (gpointer data)
{
  GbTestMapFixture *fx = data;

  return gb_basemap_layer_get_n_cached_tiles (fx->basemap_layer) > 0
         && gb_basemap_layer_is_complete (fx->basemap_layer);
}

void
gb_test_map_fixture_setup (GbTestMapFixture *fx,
                           gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png",
                                          gb_test_map_closed_port ());
  GtkWidget *view;

  fx->settings = g_settings_new (APP_ID);
  g_settings_set_string (fx->settings, "tile-url-template", url);
  g_settings_set_string (fx->settings, "map-source", "online");

  fx->dossier = gb_dossier_load_bundled (&error);
  g_assert_no_error (error);
  fx->selection = gb_selection_new ();
  gb_selection_set_dossier (fx->selection, fx->dossier);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1000, 700);
  fx->view = GB_MAP_VIEW (gb_map_view_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->view));
  g_object_set (fx->view, "selection", fx->selection, NULL);
  gtk_window_present (fx->window);

  view = GTK_WIDGET (fx->view);
  fx->map = SHUMATE_MAP (gb_test_map_find_one (view, SHUMATE_TYPE_MAP));
  fx->viewport = shumate_map_get_viewport (fx->map);
  fx->basemap_layer = GB_BASEMAP_LAYER (gb_test_map_find_one (view, GB_TYPE_BASEMAP_LAYER));
  fx->places = GB_MAP_PLACE_LAYER (gb_test_map_find_one (view, GB_TYPE_MAP_PLACE_LAYER));
  fx->routes = GB_ROUTE_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LAYER));
  fx->labels = GB_ROUTE_LABEL_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LABEL_LAYER));

  gb_test_map_wait_for (gb_test_map_basemap_complete, fx);
}

void
gb_test_map_fixture_teardown (GbTestMapFixture *fx,
                              gconstpointer     data)
{
  gb_test_map_destroy_window (fx->window);
  g_clear_object (&fx->selection);
  g_clear_object (&fx->dossier);
  g_clear_object (&fx->settings);
}

void
gb_test_map_widget_coords (GbTestMapFixture *fx,
                           double            lat,
                           double            lon,
                           int              *x,
                           int              *y)
{
  double dx, dy;

  shumate_viewport_location_to_widget_coords (fx->viewport, GTK_WIDGET (fx->map), lat, lon, &dx, &dy);
  *x = (int) round (dx);
  *y = (int) round (dy);
}

static void
append_bounds (GtkWidget *widget,
               GtkWidget *relative,
               GArray    *out)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, relative, &r));
  g_array_append_val (out, r);
}

/* The labels drawn for routes cover no other route label, no place name
 * and no marker, and lie wholly on the map. Labels left out stay in the
 * focus chain but are neither drawn nor under the pointer. Returns how
 * many are shown. */
guint
gb_test_map_assert_route_labels_apart (GtkWidget *view,
                                       GbDossier *dossier)
{
  GtkWidget *map = gb_test_map_find_one (view, SHUMATE_TYPE_MAP);
  GbRouteLabelLayer *labels_layer = GB_ROUTE_LABEL_LAYER (gb_test_map_find_one (view, GB_TYPE_ROUTE_LABEL_LAYER));
  GtkWidget *places = gb_test_map_find_one (view, GB_TYPE_MAP_PLACE_LAYER);
  GListModel *model = gb_dossier_get_routes (dossier);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (model, i);
      GtkWidget *label = gb_route_label_layer_get_label (labels_layer, route);

      g_assert_nonnull (label);
      if (gb_route_label_layer_label_is_shown (labels_layer, route))
        {
          g_assert_true (gtk_widget_get_child_visible (label));
          g_assert_cmpfloat (gtk_widget_get_opacity (label), ==, 1.0);
          g_assert_true (gtk_widget_get_can_target (label));
          append_bounds (label, map, shown);
        }
      else if (gtk_widget_get_child_visible (label))
        {
          g_assert_cmpfloat (gtk_widget_get_opacity (label), ==, 0.0);
          g_assert_false (gtk_widget_get_can_target (label));
          g_assert_true (gtk_widget_get_focusable (label) || gtk_widget_get_can_focus (label));
        }
    }

  gb_test_map_find_all (places, GTK_TYPE_LABEL, "map-label", labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_child_visible (labels->pdata[i]))
      append_bounds (labels->pdata[i], map, taken);
  gb_test_map_find_all (places, GTK_TYPE_BUTTON, "map-marker", markers);
  for (guint i = 0; i < markers->len; i++)
    if (gtk_widget_get_child_visible (gtk_widget_get_parent (markers->pdata[i])))
      append_bounds (markers->pdata[i], map, taken);

  for (guint i = 0; i < shown->len; i++)
    {
      const graphene_rect_t *a = &g_array_index (shown, graphene_rect_t, i);

      g_assert_cmpfloat (a->origin.x, >=, 0);
      g_assert_cmpfloat (a->origin.y, >=, 0);
      g_assert_cmpfloat (a->origin.x + a->size.width, <=, width);
      g_assert_cmpfloat (a->origin.y + a->size.height, <=, height);

      for (guint j = i + 1; j < shown->len; j++)
        g_assert_false (graphene_rect_intersection (a, &g_array_index (shown, graphene_rect_t, j), NULL));
      for (guint j = 0; j < taken->len; j++)
        g_assert_false (graphene_rect_intersection (a, &g_array_index (taken, graphene_rect_t, j), NULL));
    }

  return shown->len;
}
