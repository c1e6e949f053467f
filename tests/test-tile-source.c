/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tile-source"

#include "config.h"

#include <string.h>

#include "gb-test-map.h"
#include "gb-tile-source.h"

/* The tile source against loopback servers: the app's User-Agent, the
 * cache, a server that never answers, a closed port, and the addresses
 * it accepts. Nothing here touches the real network. */

#define EXPECTED_USER_AGENT "GoldenBridge/" PACKAGE_VERSION " (+https://github.com/goldenbridge/golden-bridge)"

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
  gb_test_map_wait_until (gb_test_map_flag_set, &f->done, timeout_ms);
  g_signal_handler_disconnect (source, id);
  g_assert_true (f->done);
}

static void
fetch_clear (Fetch *f)
{
  g_clear_pointer (&f->bytes, g_bytes_unref);
  g_clear_error (&f->error);
}

/* Whether a file called @name lies anywhere under @dir. */
static gboolean
holds_file_named (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      if (g_str_equal (entry, name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && holds_file_named (path, name))
        return TRUE;
    }

  return FALSE;
}

static gboolean
cache_holds_tile (gpointer dir)
{
  return holds_file_named (dir, "2.png");
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

  /* Let the cache write land (the fetch does not wait for it), then ask
   * again: a fresh cached tile costs no request. */
  gb_test_map_wait_for (cache_holds_tile, cache_dir);
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
  gb_test_map_wait_finalized (g_steal_pointer (&source));
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
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", gb_test_map_closed_port ());
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

int
main (int   argc,
      char *argv[])
{
  gb_test_map_init (&argc, &argv);

  g_test_add_func ("/map/tile-source/user-agent", test_tile_source_user_agent);
  g_test_add_func ("/map/tile-source/silent-server", test_tile_source_silent_server);
  g_test_add_func ("/map/tile-source/closed-port", test_tile_source_closed_port);
  g_test_add_func ("/map/tile-source/templates", test_tile_source_templates);

  return g_test_run ();
}
