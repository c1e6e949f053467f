/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "gb-basemap-layer.h"
#include "gb-dossier-loader.h"
#include "gb-map-place-layer.h"
#include "gb-map-view.h"
#include "gb-place.h"
#include "gb-route-layer.h"
#include "gb-route.h"
#include "gb-tile-source.h"

/* The map: the tile source against loopback servers (the app's
 * User-Agent, the cache, a server that never answers, a closed port), and
 * the view with tiles out of reach — markers, routes, the basemap drawn
 * (screenshots go to the test log directory), keyboard actions, the shared
 * selection. Nothing here touches the real network. */

#define EXPECTED_USER_AGENT "GoldenBridge/" PACKAGE_VERSION " (+https://github.com/goldenbridge/golden-bridge)"

static void
pump_until (gboolean (*done) (gpointer),
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
pump (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A port nobody listens on: bind one, note it, close it. */
static guint16
closed_port (void)
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

static GBytes *
make_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 256, 256);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  return g_bytes_new_take (buffer, size);
}

/* A small HTTP/1.1 server on loopback, one thread per connection: it
 * notes each request's path and User-Agent, answers with a PNG (or, under
 * /5/, a web page) and closes the connection. */
typedef struct
{
  GMutex     lock;
  GBytes    *png;
  GPtrArray *user_agents;
  GPtrArray *paths;
} TileServer;

static gboolean
serve_tile_cb (GThreadedSocketService *service,
               GSocketConnection      *connection,
               GObject                *source_object,
               TileServer             *ts)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *request = NULL;
  g_autofree char *user_agent = NULL;
  g_autofree char *head = NULL;
  g_auto(GStrv) parts = NULL;
  gconstpointer body;
  gsize body_len;
  const char *type;

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);

  request = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  if (request == NULL)
    return TRUE;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL || *line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "User-Agent:", 11) == 0)
        user_agent = g_strstrip (g_strdup (line + 11));
    }

  parts = g_strsplit (request, " ", 3);

  g_mutex_lock (&ts->lock);
  g_ptr_array_add (ts->user_agents, g_steal_pointer (&user_agent));
  g_ptr_array_add (ts->paths, g_strdup (parts[1] != NULL ? parts[1] : ""));
  g_mutex_unlock (&ts->lock);

  if (parts[1] != NULL && g_str_has_prefix (parts[1], "/5/"))
    {
      /* A captive portal's idea of a tile. */
      body = "<html>sign in</html>";
      body_len = 20;
      type = "text/html";
    }
  else
    {
      body = g_bytes_get_data (ts->png, &body_len);
      type = "image/png";
    }

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT
                          "\r\nETag: \"t1\"\r\nConnection: close\r\n\r\n", type, body_len);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, body_len, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static guint
tile_server_count (TileServer *ts)
{
  guint n;

  g_mutex_lock (&ts->lock);
  n = ts->paths->len;
  g_mutex_unlock (&ts->lock);
  return n;
}

typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
  guint     received;
  gint64    started;
  gint64    finished;
} Fetch;

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fetch *f = user_data;

  f->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &f->error);
  f->finished = g_get_monotonic_time ();
  f->done = TRUE;
}

static void
received_cb (ShumateDataSource *source,
             int                x,
             int                y,
             int                z,
             GBytes            *bytes,
             Fetch             *f)
{
  f->received++;
}

static void
fetch (GbTileSource *source,
       int           x,
       int           y,
       int           z,
       Fetch        *f,
       guint         timeout_ms)
{
  gulong id;

  memset (f, 0, sizeof *f);
  id = g_signal_connect (source, "received-data", G_CALLBACK (received_cb), f);
  f->started = g_get_monotonic_time ();
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, z, NULL,
                                           fetch_done_cb, f);
  pump_until (flag_set, &f->done, timeout_ms);
  g_signal_handler_disconnect (source, id);
  g_assert_true (f->done);
}

static void
fetch_clear (Fetch *f)
{
  g_clear_pointer (&f->bytes, g_bytes_unref);
  g_clear_error (&f->error);
}

static char *
temp_cache_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gb-tiles-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_tile_source_user_agent (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (4);
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = temp_cache_dir ();
  g_autofree char *url = NULL;
  g_autoptr(GbTileSource) source = NULL;
  TileServer ts = { { 0 }, make_png (), g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free) };
  guint16 port;
  Fetch f;

  g_assert_cmpstr (gb_tile_source_get_user_agent (), ==, EXPECTED_USER_AGENT);

  g_mutex_init (&ts.lock);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (serve_tile_cb), &ts);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", port);

  source = gb_tile_source_new (url, cache_dir);
  gb_tile_source_set_timeout (source, 10);

  /* Fetched with our User-Agent, handed to the map, cached. */
  fetch (source, 1, 2, 3, &f, 20000);
  g_assert_no_error (f.error);
  g_assert_nonnull (f.bytes);
  g_assert_true (g_bytes_equal (f.bytes, ts.png));
  g_assert_cmpuint (f.received, ==, 1);
  g_assert_cmpuint (tile_server_count (&ts), ==, 1);
  g_assert_cmpstr (ts.user_agents->pdata[0], ==, EXPECTED_USER_AGENT);
  g_assert_cmpstr (ts.paths->pdata[0], ==, "/3/1/2.png");
  g_assert_false (gb_tile_source_get_failing (source));
  fetch_clear (&f);

  /* Let the cache write land (it is not waited for), then ask again:
   * a fresh cached tile costs no request. */
  pump (500);
  fetch (source, 1, 2, 3, &f, 20000);
  g_assert_no_error (f.error);
  g_assert_true (g_bytes_equal (f.bytes, ts.png));
  g_assert_cmpuint (f.received, >=, 1);
  g_assert_cmpuint (tile_server_count (&ts), ==, 1);
  fetch_clear (&f);

  /* Not an image: an error, and nothing reaches the map. */
  fetch (source, 0, 0, 5, &f, 20000);
  g_assert_nonnull (f.error);
  g_assert_null (f.bytes);
  g_assert_cmpuint (f.received, ==, 0);
  g_assert_cmpuint (tile_server_count (&ts), ==, 2);
  g_assert_cmpstr (ts.user_agents->pdata[1], ==, EXPECTED_USER_AGENT);
  g_assert_true (gb_tile_source_get_failing (source));
  fetch_clear (&f);

  /* Tiles that don't exist are refused without asking anyone. */
  fetch (source, 8, 0, 3, &f, 1000);
  g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (tile_server_count (&ts), ==, 2);
  fetch_clear (&f);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_clear_object (&source);
  pump (100);
  g_bytes_unref (ts.png);
  g_ptr_array_unref (ts.user_agents);
  g_ptr_array_unref (ts.paths);
  g_mutex_clear (&ts.lock);
}

static gboolean
hold_connection_cb (GSocketService    *service,
                    GSocketConnection *connection,
                    GObject           *source_object,
                    GPtrArray         *held)
{
  /* Accept, then say nothing at all. */
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

static void
test_tile_source_silent_server (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = temp_cache_dir ();
  g_autofree char *url = NULL;
  g_autoptr(GbTileSource) source = NULL;
  guint16 port;
  Fetch f;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (hold_connection_cb), held);
  g_socket_service_start (service);

  url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", port);
  source = gb_tile_source_new (url, cache_dir);
  gb_tile_source_set_timeout (source, 1);

  /* The deadline ends it; the test itself would time out on a hang. */
  fetch (source, 0, 0, 1, &f, 10000);
  g_assert_cmpuint (held->len, >=, 1);
  g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (f.finished - f.started, <, 4 * G_USEC_PER_SEC);
  g_assert_true (gb_tile_source_get_failing (source));
  fetch_clear (&f);

  /* Resting after the failure: the next tile fails at once, offline. */
  fetch (source, 1, 0, 1, &f, 10000);
  g_assert_nonnull (f.error);
  g_assert_cmpint (f.finished - f.started, <, G_USEC_PER_SEC / 2);
  fetch_clear (&f);

  g_socket_service_stop (service);
}

static void
test_tile_source_closed_port (void)
{
  g_autofree char *cache_dir = temp_cache_dir ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", closed_port ());
  g_autoptr(GbTileSource) source = gb_tile_source_new (url, cache_dir);
  Fetch f;

  fetch (source, 0, 0, 0, &f, 10000);
  g_assert_nonnull (f.error);
  g_assert_null (f.bytes);
  g_assert_cmpuint (f.received, ==, 0);
  g_assert_cmpint (f.finished - f.started, <, 3 * G_USEC_PER_SEC);
  g_assert_true (gb_tile_source_get_failing (source));
  fetch_clear (&f);
}

static void
test_tile_source_templates (void)
{
  static const struct { const char *url; gboolean ok; } cases[] = {
    { "https://tile.openstreetmap.org/{z}/{x}/{y}.png", TRUE },
    { "http://127.0.0.1:8080/{z}/{x}/{y}.png", TRUE },
    { "HTTPS://a.example/{z}/{y}/{x}", TRUE },
    { "ftp://tile.example/{z}/{x}/{y}.png", FALSE },
    { "file:///etc/{z}/{x}/{y}", FALSE },
    { "javascript:alert(1)//{z}{x}{y}", FALSE },
    { "https://tile.example/{z}/{x}.png", FALSE },
    { "https://tile example/{z}/{x}/{y}.png", FALSE },
    { "https://tile.example/{z}/{x}/{y}.png\n", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (gb_tile_source_template_is_valid (cases[i].url), ==, cases[i].ok);

  /* An unusable address never reaches the network. */
  {
    g_autofree char *cache_dir = temp_cache_dir ();
    g_autoptr(GbTileSource) source = gb_tile_source_new ("file:///{z}/{x}/{y}", cache_dir);
    Fetch f;

    fetch (source, 0, 0, 0, &f, 1000);
    g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    fetch_clear (&f);
  }
}

/* The view */

static void
find_all (GtkWidget  *widget,
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
    find_all (child, type, css_class, out);
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  find_all (widget, type, NULL, all);
  g_assert_cmpuint (all->len, ==, 1);
  return all->pdata[0];
}

typedef struct
{
  GtkWindow   *window;
  GbMapView   *view;
  ShumateMap  *map;
  ShumateViewport *viewport;
  GbBasemapLayer *basemap_layer;
  GbMapPlaceLayer *places;
  GbRouteLayer *routes;
  GbDossier   *dossier;
  GbSelection *selection;
  GSettings   *settings;
} Fixture;

static gboolean
basemap_complete (gpointer data)
{
  Fixture *fx = data;

  return gb_basemap_layer_get_n_cached_tiles (fx->basemap_layer) > 0
         && gb_basemap_layer_is_complete (fx->basemap_layer);
}

static gboolean
notice_shown (gpointer data)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();

  find_all (GTK_WIDGET (data), GTK_TYPE_LABEL, "map-notice", notices);
  return notices->len == 1 && gtk_widget_get_visible (notices->pdata[0]);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", closed_port ());

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
  gb_map_view_set_selection (fx->view, fx->selection);
  gb_map_view_set_dossier (fx->view, fx->dossier);
  gtk_window_present (fx->window);

  fx->map = SHUMATE_MAP (find_one (GTK_WIDGET (fx->view), SHUMATE_TYPE_MAP));
  fx->viewport = shumate_map_get_viewport (fx->map);
  fx->basemap_layer = GB_BASEMAP_LAYER (find_one (GTK_WIDGET (fx->view), GB_TYPE_BASEMAP_LAYER));
  fx->places = GB_MAP_PLACE_LAYER (find_one (GTK_WIDGET (fx->view), GB_TYPE_MAP_PLACE_LAYER));
  fx->routes = GB_ROUTE_LAYER (find_one (GTK_WIDGET (fx->view), GB_TYPE_ROUTE_LAYER));

  pump_until (basemap_complete, fx, 30000);
  g_assert_true (basemap_complete (fx));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  pump (50);
  g_clear_object (&fx->selection);
  g_clear_object (&fx->dossier);
  g_clear_object (&fx->settings);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width = 0, height = 0;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A widget paintable shows the widget's last frame, and there is none between a
   * resize or zoom and the next frame: on a slow machine (or under ASan) the pumps
   * before can end in that gap. Wait for the frame. */
  while (node == NULL && g_get_monotonic_time () < end)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        pump (20);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Into meson-logs beside the test log when run by meson, else here. */
static void
save_screenshot (GdkTexture *texture,
                 const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *logs = g_build_filename (builddir ? builddir : ".", "..", "meson-logs", NULL);
  g_autofree char *path = NULL;

  path = g_build_filename (g_file_test (logs, G_FILE_TEST_IS_DIR) ? logs : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

typedef struct
{
  guint8 r, g, b;
} Rgb;

static Rgb
pixel_at (GdkTexture *texture,
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
  return (Rgb) { p[2], p[1], p[0] };
}

static int
color_distance (Rgb a,
                Rgb b)
{
  return abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b);
}

static void
widget_coords (Fixture *fx,
               double   lat,
               double   lon,
               int     *x,
               int     *y)
{
  double dx, dy;

  shumate_viewport_location_to_widget_coords (fx->viewport, GTK_WIDGET (fx->map), lat, lon, &dx, &dy);
  *x = (int) round (dx);
  *y = (int) round (dy);
}

static void
assert_story_in_view (Fixture *fx)
{
  GListModel *places = gb_dossier_get_places (fx->dossier);
  int width = gtk_widget_get_width (GTK_WIDGET (fx->map));
  int height = gtk_widget_get_height (GTK_WIDGET (fx->map));

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
      int x, y;

      widget_coords (fx, gb_place_get_latitude (place), gb_place_get_longitude (place), &x, &y);
      g_assert_cmpint (x, >, 0);
      g_assert_cmpint (x, <, width);
      g_assert_cmpint (y, >, 0);
      g_assert_cmpint (y, <, height);
    }
}

static void
test_view_offline (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  g_autoptr(GPtrArray) route_labels = g_ptr_array_new ();
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  GListModel *places = gb_dossier_get_places (fx->dossier);
  Rgb land, sea, dark_land, dark_sea;
  int x, y;

  /* Markers for the four places, a label for the flight. */
  find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, "map-marker", markers);
  g_assert_cmpuint (markers->len, ==, g_list_model_get_n_items (places));
  g_assert_cmpuint (markers->len, ==, 4);
  find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, "map-route-label", route_labels);
  g_assert_cmpuint (route_labels->len, ==, 1);
  g_assert_true (gtk_widget_get_child_visible (route_labels->pdata[0]));

  /* Fitted on open. */
  assert_story_in_view (fx);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), >=, 3);

  /* The tiles fail, the view says so, and nothing hangs. */
  pump_until (notice_shown, fx->view, 10000);
  g_assert_true (notice_shown (fx->view));
  g_assert_true (basemap_complete (fx));

  light = render (GTK_WIDGET (fx->view));
  save_screenshot (light, "map-offline-light.png");

  /* The basemap is drawn: land in Kazakhstan's steppe and the Yellow Sea
   * differ, both unlike the blank of a failed tile. */
  widget_coords (fx, 47.0, 85.0, &x, &y);
  land = pixel_at (light, x, y);
  widget_coords (fx, 35.0, 124.0, &x, &y);
  sea = pixel_at (light, x, y);
  g_test_message ("light land #%02x%02x%02x sea #%02x%02x%02x", land.r, land.g, land.b, sea.r, sea.g, sea.b);
  g_assert_cmpint (color_distance (land, sea), >, 40);

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
    widget_coords (fx, gb_place_get_latitude (astana), gb_place_get_longitude (astana), &x, &y);
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    g_assert_cmpint (color_distance (pixel_at (light, (int) (bounds.origin.x + bounds.size.width / 2),
                                               (int) (bounds.origin.y + bounds.size.height / 2)),
                                     land), >, 60);
  }

  /* Dark style: still land and sea apart, and darker than in light. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  pump (100);
  pump_until (basemap_complete, fx, 10000);
  dark = render (GTK_WIDGET (fx->view));
  save_screenshot (dark, "map-offline-dark.png");
  widget_coords (fx, 47.0, 85.0, &x, &y);
  dark_land = pixel_at (dark, x, y);
  widget_coords (fx, 35.0, 124.0, &x, &y);
  dark_sea = pixel_at (dark, x, y);
  g_assert_cmpint (color_distance (dark_land, dark_sea), >, 30);
  g_assert_cmpint (dark_land.r + dark_land.g + dark_land.b, <, land.r + land.g + land.b);
  g_assert_cmpint (dark_sea.r + dark_sea.g + dark_sea.b, <, sea.r + sea.g + sea.b);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Narrow, as on a phone. */
  gtk_window_set_default_size (fx->window, 360, 640);
  pump (200);
  pump_until (basemap_complete, fx, 10000);
  gb_map_view_fit_story (fx->view);
  pump (100);
  {
    g_autoptr(GdkTexture) narrow = render (GTK_WIDGET (fx->view));

    save_screenshot (narrow, "map-offline-narrow.png");
    g_assert_cmpint (gdk_texture_get_width (narrow), <=, 400);
  }
  assert_story_in_view (fx);

  /* Far in, where the basemap's rings run millions of pixels off screen:
   * still clipped and drawn (cairo would choke on such coordinates). */
  gtk_window_set_default_size (fx->window, 1000, 700);
  shumate_map_center_on (fx->map, 37.46, 126.44);
  shumate_viewport_set_zoom_level (fx->viewport, 15);
  pump (200);
  pump_until (basemap_complete, fx, 10000);
  g_assert_true (basemap_complete (fx));
  {
    g_autoptr(GdkTexture) close_up = render (GTK_WIDGET (fx->view));

    save_screenshot (close_up, "map-offline-zoom15.png");
  }
}

static void
test_view_basemap_only (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *attribution;

  find_all (GTK_WIDGET (fx->view), GTK_TYPE_LABEL, "map-attribution", labels);
  g_assert_cmpuint (labels->len, ==, 1);
  attribution = labels->pdata[0];

  /* Online: the OpenStreetMap credit, linked, and tiles under the routes. */
  g_assert_nonnull (strstr (gtk_label_get_label (attribution),
                            "<a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "© OpenStreetMap contributors"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "Natural Earth"));
  {
    g_autoptr(GPtrArray) tile_layers = g_ptr_array_new ();

    find_all (GTK_WIDGET (fx->view), SHUMATE_TYPE_MAP_LAYER, NULL, tile_layers);
    g_assert_cmpuint (tile_layers->len, ==, 1);
  }

  /* Basemap only: no tile layer, no OpenStreetMap credit. */
  g_settings_set_string (fx->settings, "map-source", "basemap");
  {
    g_autoptr(GPtrArray) tile_layers = g_ptr_array_new ();

    find_all (GTK_WIDGET (fx->view), SHUMATE_TYPE_MAP_LAYER, NULL, tile_layers);
    g_assert_cmpuint (tile_layers->len, ==, 0);
  }
  g_assert_null (strstr (gtk_label_get_text (attribution), "OpenStreetMap"));
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "Natural Earth"));
  pump_until (basemap_complete, fx, 10000);
  g_assert_true (basemap_complete (fx));

  g_settings_set_string (fx->settings, "map-source", "online");
  g_assert_nonnull (strstr (gtk_label_get_text (attribution), "OpenStreetMap"));
}

static void
test_view_keyboard (Fixture       *fx,
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
test_view_accessible (Fixture       *fx,
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
  name = gb_map_place_dup_accessible_name (place);
  g_assert_cmpstr (name, ==, "Astana — Capital of Kazakhstan");

  /* Every marker is a focusable button named after its place; the zoom
   * buttons and the route label have names too. */
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) p = g_list_model_get_item (places, i);
      g_autofree char *expected = gb_map_place_dup_accessible_name (p);
      GtkWidget *marker = gb_map_place_layer_get_marker (fx->places, p);
      g_autofree char *failure = NULL;

      g_assert_true (GTK_IS_BUTTON (marker));
      g_assert_true (gtk_widget_get_focusable (marker));
      g_assert_true (g_str_has_prefix (expected, gb_item_get_title (GB_ITEM (p))));
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (marker),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_assert_null (failure);
    }

  find_all (GTK_WIDGET (fx->view), GTK_TYPE_BUTTON, NULL, buttons);
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

    find_all (GTK_WIDGET (fx->view), GTK_TYPE_LABEL, NULL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (!gtk_widget_has_css_class (labels->pdata[i], "map-attribution"))
        g_assert_false (gtk_label_get_use_markup (labels->pdata[i]));
  }
}

static void
test_view_selection (Fixture       *fx,
                     gconstpointer  data)
{
  GListModel *places = gb_dossier_get_places (fx->dossier);
  GListModel *routes = gb_dossier_get_routes (fx->dossier);
  GListModel *events = gb_dossier_get_events (fx->dossier);
  g_autoptr(GbRoute) route = g_list_model_get_item (routes, 0);
  g_autoptr(GbPlace) first = g_list_model_get_item (places, 0);
  GtkWidget *marker = gb_map_place_layer_get_marker (fx->places, first);
  GtkWidget *route_label = gb_route_layer_get_label (fx->routes, route);
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

/* No name covers another name or a marker, and none is cut off. */
static void
assert_labels_apart (Fixture *fx)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  GtkWidget *layer = GTK_WIDGET (fx->places);

  find_all (layer, GTK_TYPE_LABEL, "map-label", labels);
  find_all (layer, GTK_TYPE_BUTTON, "map-marker", markers);

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
    }
}

static void
test_view_labels (Fixture       *fx,
                  gconstpointer  data)
{
  static const double zooms[] = { 1, 2, 3, 4, 5, 6, 8 };
  guint near;

  /* At every zoom, names never collide (Astana and its airport share a
   * spot when zoomed out). */
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      shumate_viewport_set_zoom_level (fx->viewport, zooms[i]);
      pump (60);
      g_test_message ("zoom %g: %u names shown", zooms[i],
                      gb_map_place_layer_get_n_shown_labels (fx->places));
      if (zooms[i] <= 4)
        g_assert_cmpuint (gb_map_place_layer_get_n_shown_labels (fx->places), >=, 2);
      assert_labels_apart (fx);
    }

  /* Zoomed in on Astana, the city and the airport are both named. */
  shumate_map_center_on (fx->map, 51.1, 71.45);
  shumate_viewport_set_zoom_level (fx->viewport, 10);
  pump (60);
  near = gb_map_place_layer_get_n_shown_labels (fx->places);
  g_assert_cmpuint (near, ==, 2);
  assert_labels_apart (fx);
}

static gboolean
view_drawn (gpointer data)
{
  GtkWidget *view = data;
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();

  if (gtk_widget_get_width (view) <= 0)
    return FALSE;

  find_all (view, GB_TYPE_BASEMAP_LAYER, NULL, layers);
  return layers->len == 1
         && gb_basemap_layer_get_n_cached_tiles (layers->pdata[0]) > 0
         && gb_basemap_layer_is_complete (layers->pdata[0]);
}

/* Shown and drawn, however slow the machine (valgrind). */
static void
wait_for_view (GtkWidget *view)
{
  pump_until (view_drawn, view, 30000);
  g_assert_true (view_drawn (view));
  pump (100);
}

static void
test_view_antimeridian (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("test");
  g_autoptr(GbPlace) akl = gb_place_new ("akl", GB_PLACE_KIND_AIRPORT, -37.0082, 174.785);
  g_autoptr(GbPlace) hnl = gb_place_new ("hnl", GB_PLACE_KIND_AIRPORT, 21.3187, -157.9225);
  g_autoptr(GbRoute) route = gb_route_new ("akl-hnl", akl, hnl, "flight");
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
  gb_map_view_set_dossier (GB_MAP_VIEW (view), dossier);
  gtk_window_present (window);
  wait_for_view (view);

  /* Fitted across the antimeridian, not around the whole world. */
  viewport = shumate_map_get_viewport (SHUMATE_MAP (find_one (view, SHUMATE_TYPE_MAP)));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_test_message ("antimeridian fit: centre %.2f°, zoom %.2f", lon, zoom);
  g_assert_cmpfloat (fabs (lon), >, 160);
  g_assert_cmpfloat (zoom, >=, 2);

  {
    g_autoptr(GdkTexture) shot = render (view);

    save_screenshot (shot, "map-antimeridian.png");
  }

  gtk_window_destroy (window);
  pump (50);
}

/* Thousands of places: widgets for the most important on screen, dots for
 * the rest, all of it still answering clicks. */
static void
test_view_many_places (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("many");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = gb_map_view_new ();
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

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, view);
  gb_selection_set_dossier (selection, dossier);
  gb_map_view_set_selection (GB_MAP_VIEW (view), selection);
  gb_map_view_set_dossier (GB_MAP_VIEW (view), dossier);
  gtk_window_present (window);
  wait_for_view (view);
  pump (1000);

  layer = GB_MAP_PLACE_LAYER (find_one (view, GB_TYPE_MAP_PLACE_LAYER));
  find_all (GTK_WIDGET (layer), GTK_TYPE_BUTTON, "map-marker", markers);
  for (guint i = 0; i < markers->len; i++)
    {
      GtkWidget *marker_widget = gtk_widget_get_parent (markers->pdata[i]);

      if (gtk_widget_get_child_visible (marker_widget))
        visible++;
    }

  g_test_message ("3000 places: %u marker widgets made, %u shown, %u names", markers->len, visible,
                  gb_map_place_layer_get_n_shown_labels (layer));
  g_assert_cmpuint (gb_map_place_layer_get_n_places (layer), ==, 3000);
  g_assert_cmpuint (visible, >, 10);
  g_assert_cmpuint (visible, <=, 120);
  g_assert_cmpuint (markers->len, <, 3000);

  /* A dot answers a click like a marker: find one that is drawn. */
  {
    GListModel *places = gb_dossier_get_places (dossier);
    ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (find_one (view, SHUMATE_TYPE_MAP)));
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
    g_autoptr(GdkTexture) shot = render (view);

    save_screenshot (shot, "map-many-places.png");
  }

  gtk_window_destroy (window);
  pump (50);
}

/* Route labels and the note for a story with nothing to map */

static GbDossier *
load_import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_dossier_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static GtkWidget *
show_map (GbDossier   *dossier,
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
  gb_map_view_set_selection (GB_MAP_VIEW (view), selection);
  gb_map_view_set_dossier (GB_MAP_VIEW (view), dossier);
  gtk_window_present (window);
  wait_for_view (view);
  return view;
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
static guint
assert_route_labels_apart (GtkWidget *view,
                           GbDossier *dossier)
{
  GtkWidget *map = find_one (view, SHUMATE_TYPE_MAP);
  GbRouteLayer *routes = GB_ROUTE_LAYER (find_one (view, GB_TYPE_ROUTE_LAYER));
  GtkWidget *places = find_one (view, GB_TYPE_MAP_PLACE_LAYER);
  GListModel *model = gb_dossier_get_routes (dossier);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (model, i);
      GtkWidget *label = gb_route_layer_get_label (routes, route);

      g_assert_nonnull (label);
      if (gb_route_layer_label_is_shown (routes, route))
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

  find_all (places, GTK_TYPE_LABEL, "map-label", labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_child_visible (labels->pdata[i]))
      append_bounds (labels->pdata[i], map, taken);
  find_all (places, GTK_TYPE_BUTTON, "map-marker", markers);
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

static void
test_view_route_labels (void)
{
  static const double zooms[] = { 0, 3, 4, 5, 6, 7, 8 };
  g_autoptr(GbDossier) dossier = load_import_fixture ("StoryMapJS_demo.json");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = show_map (dossier, selection, 1000, 700);
  GtkWidget *map = find_one (view, SHUMATE_TYPE_MAP);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  GbRouteLayer *routes = GB_ROUTE_LAYER (find_one (view, GB_TYPE_ROUTE_LAYER));
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
      pump (60);
      n = assert_route_labels_apart (view, dossier);
      g_test_message ("zoom %.1f: %u of %u route labels shown",
                      shumate_viewport_get_zoom_level (viewport), n, n_routes);
      if (i == 0)
        g_assert_cmpuint (n, <, n_routes);
      most = MAX (most, n);
    }
  g_assert_cmpuint (most, >, 0);

  /* Back to the whole story: a route whose label was left out … */
  gb_map_view_fit_story (GB_MAP_VIEW (view));
  pump (100);
  for (guint i = 0; i < n_routes && hidden == NULL; i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (model, i);
      GtkWidget *label = gb_route_layer_get_label (routes, route);

      if (!gb_route_layer_label_is_shown (routes, route) && gtk_widget_get_child_visible (label))
        hidden = g_steal_pointer (&route);
    }
  g_assert_nonnull (hidden);

  /* … still has its button in the focus chain, which shows on focus … */
  {
    GtkWidget *label = gb_route_layer_get_label (routes, hidden);

    g_assert_true (gtk_widget_get_focusable (label));
    g_assert_true (gtk_widget_grab_focus (label));
    pump (60);
    g_assert_true (gb_route_layer_label_is_shown (routes, hidden));
    g_assert_cmpfloat (gtk_widget_get_opacity (label), ==, 1.0);
    gtk_widget_grab_focus (map);
    pump (60);
  }

  /* … and when selected (as a click on its line does). */
  gb_selection_set_item (selection, GB_ITEM (hidden));
  pump (100);
  g_assert_true (gb_route_layer_label_is_shown (routes, hidden));
  g_assert_true (gtk_widget_has_css_class (gb_route_layer_get_label (routes, hidden), "selected"));
  gb_selection_set_item (selection, NULL);
  pump (60);
  assert_route_labels_apart (view, dossier);

  {
    g_autoptr(GdkTexture) shot = render (view);

    save_screenshot (shot, "map-route-labels.png");
  }

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
  pump (50);
}

static gboolean
empty_note_visible (GtkWidget *view)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  find_all (view, GTK_TYPE_LABEL, "map-empty-notice", notes);
  g_assert_cmpuint (notes->len, ==, 1);
  return gtk_widget_get_visible (notes->pdata[0]) && gtk_widget_get_mapped (notes->pdata[0]);
}

static void
test_view_no_places (void)
{
  g_autoptr(GbDossier) timeline = load_import_fixture ("TimelineJS3_eras.json");
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
  view = show_map (timeline, selection, 360, 700);
  map = find_one (view, SHUMATE_TYPE_MAP);
  viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  pump (60);
  g_assert_true (empty_note_visible (view));

  /* The note says so without blocking the map: it still zooms. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (gtk_widget_activate_action (view, "map.zoom-in", NULL));
  pump (60);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom);
  {
    g_autoptr(GdkTexture) shot = render (view);

    save_screenshot (shot, "map-no-places.png");
  }

  /* The bundled story has places: no note, and its one label shown. */
  gb_selection_set_dossier (selection, bundled);
  gb_map_view_set_dossier (GB_MAP_VIEW (view), bundled);
  pump (200);
  g_assert_false (empty_note_visible (view));
  {
    GbRouteLayer *routes = GB_ROUTE_LAYER (find_one (view, GB_TYPE_ROUTE_LAYER));
    g_autoptr(GbRoute) route = g_list_model_get_item (gb_dossier_get_routes (bundled), 0);

    g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_routes (bundled)), ==, 1);
    g_assert_true (gb_route_layer_label_is_shown (routes, route));
    assert_route_labels_apart (view, bundled);
  }

  /* No story at all is not an empty story. */
  gb_map_view_set_dossier (GB_MAP_VIEW (view), NULL);
  pump (60);
  g_assert_false (empty_note_visible (view));
  gb_map_view_set_dossier (GB_MAP_VIEW (view), timeline);
  pump (60);
  g_assert_true (empty_note_visible (view));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
  pump (50);
}

static void
test_view_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (&error);
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view;

  g_assert_no_error (error);

  /* Unrealized: no size yet, nothing fitted, nothing leaked. */
  view = g_object_ref_sink (gb_map_view_new ());
  gb_map_view_set_selection (GB_MAP_VIEW (view), selection);
  gb_map_view_set_dossier (GB_MAP_VIEW (view), dossier);
  gb_map_view_fit_story (GB_MAP_VIEW (view));
  gb_map_view_set_dossier (GB_MAP_VIEW (view), NULL);
  gb_map_view_set_dossier (GB_MAP_VIEW (view), dossier);
  g_assert_true (gb_map_view_get_dossier (GB_MAP_VIEW (view)) == dossier);
  g_assert_true (gb_map_view_get_selection (GB_MAP_VIEW (view)) == selection);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("gb-test-map-XXXXXX", NULL);

  /* Tiles cache somewhere of our own (G_TEST_OPTION_ISOLATE_DIRS would
   * hide the system's proxy settings schema from GIO as well). */
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The app's style sheet, as AdwApplication would load it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/goldenbridge/GoldenBridge/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/map/tile-source/user-agent", test_tile_source_user_agent);
  g_test_add_func ("/map/tile-source/silent-server", test_tile_source_silent_server);
  g_test_add_func ("/map/tile-source/closed-port", test_tile_source_closed_port);
  g_test_add_func ("/map/tile-source/templates", test_tile_source_templates);
  g_test_add ("/map/view/offline", Fixture, NULL, fixture_setup, test_view_offline, fixture_teardown);
  g_test_add ("/map/view/basemap-only", Fixture, NULL, fixture_setup, test_view_basemap_only,
              fixture_teardown);
  g_test_add ("/map/view/keyboard", Fixture, NULL, fixture_setup, test_view_keyboard, fixture_teardown);
  g_test_add ("/map/view/accessible", Fixture, NULL, fixture_setup, test_view_accessible,
              fixture_teardown);
  g_test_add ("/map/view/selection", Fixture, NULL, fixture_setup, test_view_selection,
              fixture_teardown);
  g_test_add ("/map/view/labels", Fixture, NULL, fixture_setup, test_view_labels, fixture_teardown);
  g_test_add_func ("/map/view/antimeridian", test_view_antimeridian);
  g_test_add_func ("/map/view/many-places", test_view_many_places);
  g_test_add_func ("/map/view/route-labels", test_view_route_labels);
  g_test_add_func ("/map/view/no-places", test_view_no_places);
  g_test_add_func ("/map/view/lifecycle", test_view_lifecycle);

  return g_test_run ();
}
