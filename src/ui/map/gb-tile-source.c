/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-tile-source"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>

#include "gb-tile-source.h"

/* Online map tiles with the app's own HTTP client. libshumate 1.0 sends its
 * own User-Agent whatever one sets, so this replaces its tile downloader:
 * our User-Agent on every request, at most two connections (the
 * OpenStreetMap tile policy), tiles cached on disk for a week and
 * revalidated with ETags, nothing fetched that the map didn't ask for.
 *
 * Every request has a deadline, so a network that is absent or a server
 * that never answers costs a few seconds, never a hang; after a failure the
 * source rests before trying the network again and answers from the cache
 * meanwhile. Bytes only reach the map (the received-data signal) once they
 * decode as an image, since the raster renderer complains loudly about
 * anything else.
 *
 * Requests wait in our own queue rather than libsoup's, so that a 429 or
 * 503 stops everything still waiting (until Retry-After, or a growing
 * backoff), and a request the map gave up on or that waited past its
 * deadline is dropped before it is sent. Bodies are read to the end (up to
 * a bound) so that the connection goes back to the session's pool. */

#define USER_AGENT "GoldenBridge/" PACKAGE_VERSION " (+" PACKAGE_URL ")"
#define MAX_CONNECTIONS 2
#define DEFAULT_TIMEOUT_SECONDS 15
#define CACHE_SIZE_LIMIT (100 * 1000 * 1000)
#define CACHE_MAX_AGE (7 * G_TIME_SPAN_DAY)
#define MAX_TILE_BYTES (1024 * 1024)
#define MAX_TILE_PIXELS 1024
#define READ_CHUNK 16384
#define MAX_ERROR_BODY_BYTES (64 * 1024)
#define HTTP_TOO_MANY_REQUESTS 429 /* RFC 6585; libsoup 3.0 has no name for it */
#define BACKOFF_FIRST (15 * G_TIME_SPAN_SECOND)
#define BACKOFF_MAX (5 * G_TIME_SPAN_MINUTE)
#define RETRY_AFTER_MIN G_TIME_SPAN_SECOND
#define RETRY_AFTER_MAX G_TIME_SPAN_HOUR

struct _GbTileSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  char              *cache_dir;
  gboolean           template_valid;
  guint              timeout;

  guint              cache_size_limit;

  SoupSession       *session;
  GQueue             waiting;
  guint              n_sending;

  ShumateFileCache  *cache;
  gboolean           cache_opened;
  gboolean           cache_unavailable;
  gsize              cache_bytes_stored;
  guint              n_storing;          /* tiles being written to the cache */

  gboolean           failing;
  gint64             retry_after;
  GTimeSpan          backoff;
};

G_DEFINE_FINAL_TYPE (GbTileSource, gb_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_CACHE_DIR,
  PROP_TIMEOUT,
  PROP_CACHE_SIZE_LIMIT,
  PROP_FAILING,
  PROP_CACHE_UNAVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GbTileSource *self;
  int           x, y, z;
  GBytes       *cached;
  gboolean      cached_fresh;
  char         *etag;
  GDateTime    *modtime;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  GCancellable *net_cancellable;
  gulong        cancelled_id;
  GSource      *deadline;
  gboolean      timed_out;
  gint64        stale_at;
  gboolean      sending;
  GError       *status_error;
  gsize         drained;
} TileRequest;

static void
tile_request_free (TileRequest *req)
{
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_source_unref (req->deadline);
    }
  g_clear_object (&req->self);
  g_clear_pointer (&req->cached, g_bytes_unref);
  g_clear_pointer (&req->etag, g_free);
  g_clear_pointer (&req->modtime, g_date_time_unref);
  g_clear_object (&req->message);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->body, g_byte_array_unref);
  g_clear_object (&req->net_cancellable);
  g_clear_error (&req->status_error);
  g_free (req);
}

static gboolean
has_image_signature (GBytes *bytes)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (bytes, &len);

  return (len > 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
         || (len > 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
         || (len > 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0);
}

/* Runs in a worker thread: does the whole thing decode as a sane image? */
static gboolean
decodes_as_tile (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;
  gsize len;
  const guint8 *data;

  if (bytes == NULL || !has_image_signature (bytes))
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  loader = gdk_pixbuf_loader_new ();

  if (!gdk_pixbuf_loader_write (loader, data, len, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return FALSE;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL))
    return FALSE;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);

  return pixbuf != NULL
         && gdk_pixbuf_get_width (pixbuf) > 0 && gdk_pixbuf_get_width (pixbuf) <= MAX_TILE_PIXELS
         && gdk_pixbuf_get_height (pixbuf) > 0 && gdk_pixbuf_get_height (pixbuf) <= MAX_TILE_PIXELS;
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_task_return_boolean (task, decodes_as_tile (task_data));
}

static void
validate_async (GbTileSource        *self,
                GBytes              *bytes,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, validate_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, validate_thread);
}

static void flush_waiting (GbTileSource *self);

/* A failure rests the network for @delay (what the server asked for), or,
 * when @delay is negative, for a backoff that doubles with each failure in
 * a row. A success ends the run of failures, but not during a rest: a tile
 * sent before a 429 may still arrive after it. */
static void
set_failing_full (GbTileSource *self,
                  gboolean      failing,
                  GTimeSpan     delay)
{
  if (failing)
    {
      self->backoff = self->backoff == 0 ? BACKOFF_FIRST : MIN (self->backoff * 2, BACKOFF_MAX);
      self->retry_after = MAX (self->retry_after,
                               g_get_monotonic_time () + (delay >= 0 ? delay : self->backoff));
      flush_waiting (self);
    }
  else if (g_get_monotonic_time () < self->retry_after)
    return;
  else
    self->backoff = 0;

  if (self->failing == failing)
    return;

  self->failing = failing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING]);
}

static void
set_failing (GbTileSource *self,
             gboolean      failing)
{
  set_failing_full (self, failing, -1);
}

/* How long a 429 or 503 asks us to wait: Retry-After in seconds or as an
 * HTTP date, within bounds; -1 when it says nothing usable. */
static GTimeSpan
retry_after_delay (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return CLAMP ((GTimeSpan) seconds * G_TIME_SPAN_SECOND, RETRY_AFTER_MIN, RETRY_AFTER_MAX);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return CLAMP (g_date_time_difference (when, now), RETRY_AFTER_MIN, RETRY_AFTER_MAX);
}

static char *
tile_uri (GbTileSource *self,
          int           x,
          int           y,
          int           z)
{
  g_autoptr(GString) s = g_string_new (self->url_template);
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", x);
  g_string_replace (s, "{x}", buf, 0);
  g_snprintf (buf, sizeof buf, "%d", y);
  g_string_replace (s, "{y}", buf, 0);
  g_snprintf (buf, sizeof buf, "%d", z);
  g_string_replace (s, "{z}", buf, 0);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Hands the result to the map: the fresh bytes, else what the cache had. */
static void
finish_request (GTask  *task,
                GBytes *bytes,
                GError *error)
{
  TileRequest *req = g_task_get_task_data (task);

  if (bytes != NULL)
    g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  else if (req->cached != NULL)
    g_task_return_pointer (task, g_bytes_ref (req->cached), (GDestroyNotify) g_bytes_unref);
  else if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "No tile");
}

/* The cache can't be used (a folder we can't write, a file in its place,
 * a full disk): say so once, then do without it. */
static void
cache_unusable (GbTileSource *self,
                const char   *why)
{
  g_clear_object (&self->cache);

  if (self->cache_unavailable)
    return;

  g_debug ("Not caching map tiles in %s: %s", self->cache_dir, why);
  self->cache_unavailable = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_UNAVAILABLE]);
}

static void
cache_purged_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!shumate_file_cache_purge_cache_finish (SHUMATE_FILE_CACHE (object), result, &error)
      && error != NULL)
    g_debug ("Tile cache not purged: %s", error->message);
}

/* Whether @path starts as an SQLite 3 database does (16 bytes, read from
 * a file libshumate has just opened). */
static gboolean
is_sqlite_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[sizeof magic];
  FILE *file = g_fopen (path, "rb");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fread (head, 1, sizeof head, file) == sizeof head && memcmp (head, magic, sizeof magic) == 0;
  fclose (file);
  return ok;
}

/* Opens the cache when the first tile is asked for, so that a map showing
 * the basemap only creates nothing on disk. libshumate warns (and returns
 * early with a critical) when it can't make the folder, so that is checked
 * here first; the size limit only holds once a purge runs, so one starts
 * now, in a worker thread. */
static ShumateFileCache *
ensure_cache (GbTileSource *self)
{
  g_autofree char *cache_key = NULL;
  g_autofree char *db = NULL;
  int saved_errno;

  if (self->cache_opened)
    return self->cache;
  self->cache_opened = TRUE;

  if (g_mkdir_with_parents (self->cache_dir, 0700) != 0
      || g_access (self->cache_dir, W_OK | X_OK) != 0)
    {
      saved_errno = errno;
      cache_unusable (self, g_strerror (saved_errno));
      return NULL;
    }

  /* One cache directory per tile address, as libshumate names them. */
  cache_key = g_strcanon (g_strdup (self->url_template ? self->url_template : "none"),
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", '_');
  self->cache = shumate_file_cache_new_full (self->cache_size_limit, cache_key, self->cache_dir);

  /* libshumate only logs (at debug level) when its database fails to open,
   * and keeps a file that is no database, on which its purge warns. */
  db = g_build_filename (self->cache_dir, "cache.db", NULL);
  if (!is_sqlite_file (db))
    {
      cache_unusable (self, "the tile database could not be created or is damaged");
      return NULL;
    }

  shumate_file_cache_purge_cache_async (self->cache, NULL, cache_purged_cb, NULL);
  return self->cache;
}

static void
cache_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GbTileSource) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_storing--;
  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error)
      && self->cache == SHUMATE_FILE_CACHE (object))
    cache_unusable (self, error != NULL ? error->message : "a tile could not be written");
}

/* The purge bounds the cache at start-up; within one session the cache
 * grows by at most as much again. */
static void
store_in_cache (GbTileSource *self,
                TileRequest  *req,
                GBytes       *bytes,
                const char   *etag)
{
  if (self->cache == NULL || self->cache_bytes_stored >= self->cache_size_limit)
    return;

  self->cache_bytes_stored += g_bytes_get_size (bytes);
  self->n_storing++;
  shumate_file_cache_store_tile_async (self->cache, req->x, req->y, req->z, bytes, etag,
                                       NULL, cache_stored_cb, g_object_ref (self));
}

/* The network part is over: no deadline, no link to the map's cancellable.
 * Harmless when done already. */
static void
stop_deadline (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);

  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }

  if (req->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), req->cancelled_id);
      req->cancelled_id = 0;
    }
}

static void pump (GbTileSource *self);

/* Gives the request's connection slot to the next one waiting. */
static void
release_slot (TileRequest *req)
{
  if (!req->sending)
    return;

  req->sending = FALSE;
  req->self->n_sending--;
  pump (req->self);
}

static void
network_failed (GTask        *task,
                const GError *error)
{
  TileRequest *req = g_task_get_task_data (task);
  g_autoptr(GError) reported = NULL;

  stop_deadline (task);

  /* The map dropping a tile it no longer shows is not the network's fault;
   * a 429 or 503 rested the network already. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)) && req->status_error == NULL)
    set_failing (req->self, TRUE);

  if (req->timed_out)
    reported = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                            "Tile %d/%d/%d timed out", req->z, req->x, req->y);
  else
    reported = g_error_copy (error);

  g_debug ("Tile %d/%d/%d: %s", req->z, req->x, req->y, reported->message);
  finish_request (task, NULL, reported);
  release_slot (req);
}

static void
downloaded_validated_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *req = g_task_get_task_data (task);
  GBytes *bytes = g_task_get_task_data (G_TASK (result));
  const char *etag;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                             "Tile %d/%d/%d is not an image",
                                             req->z, req->x, req->y);
      network_failed (task, error);
      return;
    }

  set_failing (req->self, FALSE);

  etag = soup_message_headers_get_one (soup_message_get_response_headers (req->message), "ETag");
  store_in_cache (req->self, req, bytes, etag);

  if (!g_task_return_error_if_cancelled (task))
    {
      g_signal_emit_by_name (req->self, "received-data", req->x, req->y, req->z, bytes);
      g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
    }
}

/* The whole body is in (so the connection is free for the next request). */
static void
body_read (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;

  if (req->status_error != NULL)
    {
      network_failed (task, req->status_error);
      return;
    }

  stop_deadline (task);
  release_slot (req);

  if (req->body == NULL)
    {
      /* 304 Not Modified: the cached tile is good for another while. */
      set_failing (req->self, FALSE);
      if (req->self->cache != NULL)
        shumate_file_cache_mark_up_to_date (req->self->cache, req->x, req->y, req->z);
      finish_request (task, req->cached, NULL);
      return;
    }

  body = g_bytes_new (req->body->data, req->body->len);
  validate_async (req->self, body, downloaded_validated_cb, g_object_ref (task));
}

static void read_chunk (GTask *task);

static void
chunk_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result,
                                                              &error);
  TileRequest *req = g_task_get_task_data (task);
  gsize size;

  if (chunk == NULL)
    {
      network_failed (task, req->status_error != NULL ? req->status_error : error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      body_read (task);
      return;
    }

  if (req->body == NULL)
    {
      /* An error page, or a 304's: read for the connection's sake, up to a
       * bound; beyond it, giving up the connection is cheaper. */
      req->drained += size;
      if (req->drained > MAX_ERROR_BODY_BYTES)
        {
          if (req->status_error == NULL)
            req->status_error = g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                                             "Tile %d/%d/%d: reply too large",
                                             req->z, req->x, req->y);
          network_failed (task, req->status_error);
          return;
        }
    }
  else if (req->body->len + size > MAX_TILE_BYTES)
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "Tile %d/%d/%d is too large", req->z, req->x, req->y);
      network_failed (task, error);
      return;
    }
  else
    g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), size);

  read_chunk (g_steal_pointer (&task));
}

static void
read_chunk (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_LOW,
                                   req->net_cancellable, chunk_read_cb, task);
}

static void
message_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (req->stream == NULL)
    {
      network_failed (task, error);
      return;
    }

  status = soup_message_get_status (req->message);
  headers = soup_message_get_response_headers (req->message);

  if (status == SOUP_STATUS_OK)
    {
      if (soup_message_headers_get_content_length (headers) > MAX_TILE_BYTES)
        {
          error = g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               "Tile %d/%d/%d is too large", req->z, req->x, req->y);
          network_failed (task, error);
          return;
        }
      req->body = g_byte_array_new ();
    }
  else if (status != SOUP_STATUS_NOT_MODIFIED || req->cached == NULL)
    {
      req->status_error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "Tile %d/%d/%d: HTTP %u",
                                       req->z, req->x, req->y, status);

      /* Too many requests, or the server is busy: nothing more goes out
       * until it says (or until a backoff), whatever is waiting. */
      if (status == HTTP_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        set_failing_full (req->self, TRUE, retry_after_delay (req->message));
      else
        set_failing (req->self, TRUE);
    }

  read_chunk (g_steal_pointer (&task));
}

static gboolean
deadline_cb (gpointer user_data)
{
  TileRequest *req = user_data;

  req->timed_out = TRUE;
  g_cancellable_cancel (req->net_cancellable);
  g_clear_pointer (&req->deadline, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
task_cancelled_cb (GCancellable *cancellable,
                   GCancellable *net_cancellable)
{
  g_cancellable_cancel (net_cancellable);
}

/* Takes a connection slot and sends; borrows @task, the request holds its
 * own reference while it runs. */
static void
send_request (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);
  GbTileSource *self = req->self;
  GCancellable *cancellable = g_task_get_cancellable (task);

  req->sending = TRUE;
  self->n_sending++;

  /* One cancellable for the network part: the map's, or the deadline. */
  req->net_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    req->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (task_cancelled_cb),
                                               g_object_ref (req->net_cancellable),
                                               g_object_unref);

  req->deadline = g_timeout_source_new_seconds (self->timeout);
  g_source_set_callback (req->deadline, deadline_cb, req, NULL);
  g_source_set_name (req->deadline, "[gb] tile deadline");
  g_source_attach (req->deadline, g_task_get_context (task));

  soup_session_send_async (self->session, req->message, G_PRIORITY_LOW, req->net_cancellable,
                           message_sent_cb, g_object_ref (task));
}

/* After a failure the network rests a while: answer at once from the
 * cache (even a stale tile) or with an error. */
static gboolean
answered_while_resting (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_get_monotonic_time () >= req->self->retry_after)
    return FALSE;

  error = g_error_new (G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                       "Tile servers unreachable; trying again later");
  finish_request (task, NULL, error);
  return TRUE;
}

/* Whatever went stale while it waited is answered without being sent: the
 * map gave up on it (it scrolled away), or its deadline passed. */
static gboolean
dropped_before_sending (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return TRUE;

  if (req->self->session == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_CLOSED, "The tile source is closed");
  else if (g_get_monotonic_time () >= req->stale_at)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         "Tile %d/%d/%d waited too long", req->z, req->x, req->y);
  else
    return answered_while_resting (task);

  finish_request (task, NULL, error);
  return TRUE;
}

static void
pump (GbTileSource *self)
{
  while (self->n_sending < MAX_CONNECTIONS && !g_queue_is_empty (&self->waiting))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->waiting);

      if (!dropped_before_sending (task))
        send_request (task);
    }
}

/* Answers whatever waits and may not go out now (the network rests). */
static void
flush_waiting (GbTileSource *self)
{
  GQueue queued = self->waiting;
  GTask *task;

  /* Answering may queue new requests: they go behind what is kept. */
  self->waiting = (GQueue) G_QUEUE_INIT;
  while ((task = g_queue_pop_head (&queued)) != NULL)
    {
      if (dropped_before_sending (task))
        g_object_unref (task);
      else
        g_queue_push_tail (&self->waiting, task);
    }
}

/* Borrows @task: builds its request and queues it. */
static void
fetch_from_network (GTask *task)
{
  TileRequest *req = g_task_get_task_data (task);
  GbTileSource *self = req->self;
  g_autofree char *uri_string = tile_uri (self, req->x, req->y, req->z);
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;

  uri = g_uri_parse (uri_string, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0
          && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                             "Not a usable tile address");
      finish_request (task, NULL, error);
      return;
    }

  req->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  headers = soup_message_get_request_headers (req->message);
  soup_message_headers_replace (headers, "Accept", "image/png,image/jpeg,image/webp;q=0.9,*/*;q=0.1");

  if (req->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", req->etag);
  else if (req->modtime != NULL)
    {
      /* HTTP dates are in English whatever the locale. */
      g_autoptr(GDateTime) utc = g_date_time_to_utc (req->modtime);
      g_autofree char *since = soup_date_time_to_string (utc, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "If-Modified-Since", since);
    }

  req->stale_at = g_get_monotonic_time () + (gint64) self->timeout * G_USEC_PER_SEC;
  g_queue_push_tail (&self->waiting, g_object_ref (task));
  pump (self);
}

static void
cached_validated_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *req = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      /* A damaged cache entry: as good as none. */
      g_clear_pointer (&req->cached, g_bytes_unref);
      g_clear_pointer (&req->etag, g_free);
      g_clear_pointer (&req->modtime, g_date_time_unref);
    }
  else
    g_signal_emit_by_name (req->self, "received-data", req->x, req->y, req->z, req->cached);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (req->cached != NULL && req->cached_fresh)
    {
      finish_request (task, req->cached, NULL);
      return;
    }

  if (!answered_while_resting (task))
    fetch_from_network (task);
}

static void
cache_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *req = g_task_get_task_data (task);

  req->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object), &req->etag,
                                                    &req->modtime, result, NULL);

  if (req->cached != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      req->cached_fresh = req->modtime != NULL
                          && g_date_time_difference (now, req->modtime) < CACHE_MAX_AGE;
      validate_async (req->self, req->cached, cached_validated_cb, g_steal_pointer (&task));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!answered_while_resting (task))
    fetch_from_network (task);
}

static void
gb_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                    int                  x,
                                    int                  y,
                                    int                  zoom_level,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GbTileSource *self = GB_TILE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  ShumateFileCache *cache;
  TileRequest *req;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gb_tile_source_get_tile_data_async);

  if (!self->template_valid || zoom_level < 0 || zoom_level > 30
      || x < 0 || y < 0 || x >= (1 << zoom_level) || y >= (1 << zoom_level))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "No such tile, or no usable tile address");
      return;
    }

  req = g_new0 (TileRequest, 1);
  req->self = g_object_ref (self);
  req->x = x;
  req->y = y;
  req->z = zoom_level;
  g_task_set_task_data (task, req, (GDestroyNotify) tile_request_free);

  cache = ensure_cache (self);
  if (cache != NULL)
    {
      shumate_file_cache_get_tile_async (cache, x, y, zoom_level, cancellable,
                                         cache_read_cb, g_steal_pointer (&task));
      return;
    }

  if (!answered_while_resting (task))
    fetch_from_network (task);
}

static GBytes *
gb_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
gb_tile_source_constructed (GObject *object)
{
  GbTileSource *self = GB_TILE_SOURCE (object);

  G_OBJECT_CLASS (gb_tile_source_parent_class)->constructed (object);

  self->template_valid = gb_tile_source_template_is_valid (self->url_template);
  if (self->cache_dir == NULL)
    self->cache_dir = gb_tile_source_dup_default_cache_dir ();

  /* One session for every tile: its connections are kept alive and reused. */
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "timeout", self->timeout,
                                                 "idle-timeout", 30,
                                                 NULL);
}

static void
gb_tile_source_dispose (GObject *object)
{
  GbTileSource *self = GB_TILE_SOURCE (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  /* Without a session, nothing waiting can go out. */
  flush_waiting (self);

  G_OBJECT_CLASS (gb_tile_source_parent_class)->dispose (object);
}

static void
gb_tile_source_finalize (GObject *object)
{
  GbTileSource *self = GB_TILE_SOURCE (object);

  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (gb_tile_source_parent_class)->finalize (object);
}

static void
gb_tile_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GbTileSource *self = GB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;

    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_CACHE_SIZE_LIMIT:
      g_value_set_uint (value, self->cache_size_limit);
      break;

    case PROP_FAILING:
      g_value_set_boolean (value, self->failing);
      break;

    case PROP_CACHE_UNAVAILABLE:
      g_value_set_boolean (value, self->cache_unavailable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_tile_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GbTileSource *self = GB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;

    case PROP_TIMEOUT:
      gb_tile_source_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_CACHE_SIZE_LIMIT:
      self->cache_size_limit = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_tile_source_class_init (GbTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->constructed = gb_tile_source_constructed;
  object_class->dispose = gb_tile_source_dispose;
  object_class->finalize = gb_tile_source_finalize;
  object_class->get_property = gb_tile_source_get_property;
  object_class->set_property = gb_tile_source_set_property;

  source_class->get_tile_data_async = gb_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = gb_tile_source_get_tile_data_finish;

  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Bytes; the cache is trimmed to it when first opened (at start-up). */
  properties[PROP_CACHE_SIZE_LIMIT] =
    g_param_spec_uint ("cache-size-limit", NULL, NULL,
                       1, G_MAXINT, CACHE_SIZE_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAILING] =
    g_param_spec_boolean ("failing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CACHE_UNAVAILABLE] =
    g_param_spec_boolean ("cache-unavailable", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_tile_source_init (GbTileSource *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->cache_size_limit = CACHE_SIZE_LIMIT;
  g_queue_init (&self->waiting);
}

/**
 * gb_tile_source_new:
 * @url_template: a tile address with {z}, {x} and {y}; only http and https
 * @cache_dir: (nullable): where to cache tiles, or %NULL for the user's
 *   cache directory (golden-bridge/tiles)
 *
 * Returns: (transfer full): a new tile source
 */
GbTileSource *
gb_tile_source_new (const char *url_template,
                    const char *cache_dir)
{
  return g_object_new (GB_TYPE_TILE_SOURCE,
                       "url-template", url_template,
                       "cache-dir", cache_dir,
                       NULL);
}

const char *
gb_tile_source_get_url_template (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}

const char *
gb_tile_source_get_cache_dir (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), NULL);

  return self->cache_dir;
}

guint
gb_tile_source_get_timeout (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), 0);

  return self->timeout;
}

/**
 * gb_tile_source_set_timeout:
 * @seconds: the longest a tile request may take, from asking to the last byte
 */
void
gb_tile_source_set_timeout (GbTileSource *self,
                            guint         seconds)
{
  g_return_if_fail (GB_IS_TILE_SOURCE (self));
  g_return_if_fail (seconds >= 1);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * gb_tile_source_get_failing:
 *
 * Whether the last attempt to reach the tile server failed; the map then
 * shows the offline basemap wherever no cached tile covers it.
 */
gboolean
gb_tile_source_get_failing (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), FALSE);

  return self->failing;
}

/**
 * gb_tile_source_get_cache_unavailable:
 *
 * Whether tiles can't be cached (the cache folder can't be written, or
 * something else stands in its place); the map then works from the
 * network and the basemap alone.
 */
gboolean
gb_tile_source_get_cache_unavailable (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), FALSE);

  return self->cache_unavailable;
}

/**
 * gb_tile_source_is_storing:
 *
 * Whether tiles fetched are still being written to the cache: the file
 * first, then its date and ETag, which say it is fresh.
 */
gboolean
gb_tile_source_is_storing (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), FALSE);

  return self->n_storing > 0;
}

/**
 * gb_tile_source_get_cache_size_limit:
 *
 * Returns: the size in bytes the cache is trimmed to when it is opened
 */
guint
gb_tile_source_get_cache_size_limit (GbTileSource *self)
{
  g_return_val_if_fail (GB_IS_TILE_SOURCE (self), 0);

  return self->cache_size_limit;
}

/**
 * gb_tile_source_get_user_agent:
 *
 * Returns: the User-Agent every tile request carries
 */
const char *
gb_tile_source_get_user_agent (void)
{
  return USER_AGENT;
}

/**
 * gb_tile_source_template_is_valid:
 *
 * Whether a tile address from the settings can be used: http or https,
 * with {z}, {x} and {y}, no spaces or control characters.
 */
gboolean
gb_tile_source_template_is_valid (const char *url_template)
{
  if (url_template == NULL || strlen (url_template) > 2048 || !g_utf8_validate (url_template, -1, NULL))
    return FALSE;

  if (g_ascii_strncasecmp (url_template, "https://", 8) != 0
      && g_ascii_strncasecmp (url_template, "http://", 7) != 0)
    return FALSE;

  for (const char *p = url_template; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;

  return strstr (url_template, "{z}") != NULL
         && strstr (url_template, "{x}") != NULL
         && strstr (url_template, "{y}") != NULL;
}

/**
 * gb_tile_source_dup_default_cache_dir:
 *
 * Returns: (transfer full): $XDG_CACHE_HOME/golden-bridge/tiles
 */
char *
gb_tile_source_dup_default_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "golden-bridge", "tiles", NULL);
}
