/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "gb-basemap-layer.h"
#include "gb-geodesic.h"
#include "gb-map-place-layer.h"
#include "gb-map-private.h"
#include "gb-basemap-label-layer.h"
#include "gb-map-scale.h"
#include "gb-map-view.h"
#include "gb-place.h"
#include "gb-route-label-layer.h"
#include "gb-route-layer.h"
#include "gb-route.h"
#include "gb-tile-source.h"

/* The map of the story: the offline basemap, the online tiles over it
 * (unless the settings say basemap only), the routes as geodesics and the
 * places as markers. Choosing a marker or a route selects it; when the
 * selection changes elsewhere, what it links to is highlighted and the map
 * flies there. Keyboard: arrows pan, +/- zoom, Home or 0 shows the whole
 * story (libshumate 1.0 has no keyboard navigation of its own). */

#define TILE_SOURCE_ID "golden-bridge-tiles"
#define DEFAULT_TILE_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define OSM_COPYRIGHT_URL "https://www.openstreetmap.org/copyright"
#define NATURAL_EARTH_URL "https://www.naturalearthdata.com/"
#define MIN_ZOOM 1
#define MAX_ZOOM 19
#define FIT_MAX_ZOOM 9
#define FLY_MAX_ZOOM 7
#define FLY_DURATION_MS 700
#define TILE_LAYER_SETTLE_FRAMES 4
#define KEEP_IN_VIEW_PAD 48  /* px: a marker and a little of its name */

struct _GbMapView
{
  GbView                 parent_instance;

  GSettings             *settings;

  /* Template widgets */
  GtkWidget             *overlay;
  GtkWidget             *zoom_box;
  ShumateMap            *map;
  GtkBox                *scale_box;
  GtkLabel              *notice_label;
  GtkLabel              *cache_notice_label;
  GtkLabel              *empty_label;
  GtkLabel              *attribution_label;

  ShumateViewport       *viewport;
  ShumateRasterRenderer *renderer;
  GbTileSource          *tile_source;
  ShumateMapLayer       *tile_layer;
  GbBasemapLabelLayer   *basemap_label_layer;
  GbBasemapLayer        *basemap_layer;
  GbRouteLayer          *route_layer;
  GbMapPlaceLayer       *place_layer;
  GbRouteLabelLayer     *route_label_layer;

  gboolean               fit_pending;
  gboolean               fitted;         /* the viewport is where fit_story() put it */
  double                 fitted_lat, fitted_lon, fitted_zoom;
  gboolean               selecting;
  gint64                 flying_until;   /* monotonic µs */
  int                    last_width, last_height;
};

G_DEFINE_FINAL_TYPE (GbMapView, gb_map_view, GB_TYPE_VIEW)

typedef struct
{
  double x0, y0, x1, y1;   /* Web Mercator world units; x may exceed 1 */
  gboolean empty;
} Bounds;

static gboolean
animations_enabled (GbMapView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static gboolean
online (GbMapView *self)
{
  g_autofree char *source = NULL;

  if (self->settings == NULL)
    return TRUE;

  source = g_settings_get_string (self->settings, "map-source");
  return g_strcmp0 (source, "basemap") != 0;
}

static void
update_notice (GbMapView *self)
{
  gboolean failing = self->tile_layer != NULL && self->tile_source != NULL
                     && gb_tile_source_get_failing (self->tile_source);
  gboolean uncached = self->tile_layer != NULL && self->tile_source != NULL
                      && gb_tile_source_get_cache_unavailable (self->tile_source);

  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), failing);
  gtk_widget_set_visible (GTK_WIDGET (self->cache_notice_label), uncached);
}

/* A story with nothing to map says so, rather than leaving an empty map;
 * the map itself still pans and zooms. */
static void
update_empty (GbMapView *self)
{
  gboolean empty = gb_view_get_dossier (GB_VIEW (self)) != NULL
                   && gb_map_place_layer_get_n_places (self->place_layer) == 0
                   && gb_route_layer_get_n_routes (self->route_layer) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
}

static void
update_attribution (GbMapView *self)
{
  g_autofree char *natural_earth = NULL;
  g_autofree char *markup = NULL;

  /* Built from constants only; nothing here comes from a data file. */
  natural_earth = g_strdup_printf ("<a href=\"%s\">Natural Earth</a>", NATURAL_EARTH_URL);

  if (self->tile_layer != NULL)
    {
      g_autofree char *osm = g_strdup_printf ("<a href=\"%s\">OpenStreetMap</a>", OSM_COPYRIGHT_URL);

      /* TRANSLATORS: map credits; the first %s is a link named OpenStreetMap,
       * the second one named Natural Earth */
      markup = g_strdup_printf (_("© %s contributors · Basemap: %s"), osm, natural_earth);
    }
  else
    /* TRANSLATORS: map credits; %s is a link named Natural Earth */
    markup = g_strdup_printf (_("Basemap: %s"), natural_earth);

  gtk_label_set_markup (self->attribution_label, markup);
}

static void
tile_source_state_cb (GbMapView *self)
{
  update_notice (self);
}

/* libshumate (seen with 1.4 under GTK 4.18) can leave a new tile layer
 * without tiles until the map next moves: its first look at the grid
 * defers loading as if the map were flying (the layer compares the
 * viewport with nothing yet), and the frame that should look again may
 * carry the very frame time GTK predicted for it, which the layer takes
 * for "no frame since" and so stays deferred, asking for nothing. Laying
 * the layer out again on its first few frames makes it look again at a
 * later frame time. Cheap: tiles it has already are not asked again. */
static gboolean
tile_layer_settle_cb (GtkWidget     *layer,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  guint *frames = user_data;

  gtk_widget_queue_allocate (layer);
  return ++*frames < TILE_LAYER_SETTLE_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* (Re)builds the tile source from the settings: the app's own data source,
 * a raster renderer over it as the viewport's reference, and — when online
 * tiles are wanted — a tile layer just above the basemap and its names. */
static void
setup_tiles (GbMapView *self)
{
  g_autofree char *url = NULL;
  double zoom;

  if (self->tile_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tile_layer));
      self->tile_layer = NULL;
    }
  if (self->tile_source != NULL)
    g_signal_handlers_disconnect_by_data (self->tile_source, self);
  g_clear_object (&self->tile_source);
  g_clear_object (&self->renderer);

  if (self->settings != NULL)
    url = g_settings_get_string (self->settings, "tile-url-template");
  if (url == NULL || !gb_tile_source_template_is_valid (url))
    {
      if (url != NULL && *url != '\0')
        g_debug ("Ignoring unusable tile address “%s”", url);
      g_free (url);
      url = g_strdup (DEFAULT_TILE_URL);
    }

  self->tile_source = gb_tile_source_new (url, NULL);
  g_signal_connect_object (self->tile_source, "notify::failing",
                           G_CALLBACK (tile_source_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tile_source, "notify::cache-unavailable",
                           G_CALLBACK (tile_source_state_cb), self, G_CONNECT_SWAPPED);

  self->renderer = shumate_raster_renderer_new_full (TILE_SOURCE_ID, "OpenStreetMap",
                                                     "© OpenStreetMap contributors",
                                                     OSM_COPYRIGHT_URL,
                                                     0, MAX_ZOOM, 256,
                                                     SHUMATE_MAP_PROJECTION_MERCATOR,
                                                     SHUMATE_DATA_SOURCE (self->tile_source));

  zoom = shumate_viewport_get_zoom_level (self->viewport);
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->renderer));
  shumate_viewport_set_min_zoom_level (self->viewport, MIN_ZOOM);
  shumate_viewport_set_zoom_level (self->viewport, zoom);

  if (online (self))
    {
      self->tile_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->renderer), self->viewport);
      shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->tile_layer),
                                      SHUMATE_LAYER (self->basemap_label_layer));

      gtk_widget_add_tick_callback (GTK_WIDGET (self->tile_layer), tile_layer_settle_cb,
                                    g_new0 (guint, 1), g_free);
    }

  update_attribution (self);
  update_notice (self);
}

static void
settings_changed_cb (GbMapView  *self,
                     const char *key)
{
  if (g_strcmp0 (key, "map-source") == 0 || g_strcmp0 (key, "tile-url-template") == 0)
    setup_tiles (self);
}

static void
bounds_add (Bounds *b,
            double  latitude,
            double  longitude)
{
  double x, y;

  if (!isfinite (latitude) || !isfinite (longitude))
    return;

  x = gb_mercator_x (longitude);
  y = gb_mercator_y (latitude);

  if (b->empty)
    {
      b->x0 = b->x1 = x;
      b->y0 = b->y1 = y;
      b->empty = FALSE;
      return;
    }

  b->x0 = MIN (b->x0, x);
  b->x1 = MAX (b->x1, x);
  b->y0 = MIN (b->y0, y);
  b->y1 = MAX (b->y1, y);
}

/* Points, as x then y, with longitudes kept as given (unwrapped). */
static void
bounds_add_points (GArray  *xy,
                   double   latitude,
                   double   longitude)
{
  double p[2] = { gb_mercator_x (longitude), gb_mercator_y (latitude) };

  if (isfinite (p[0]) && isfinite (p[1]))
    g_array_append_vals (xy, p, 2);
}

/* The tightest box around the points, going round the world either way:
 * places on both sides of the antimeridian are fitted across it. */
static Bounds
bounds_of (GArray *xy)
{
  Bounds plain = { 0, 0, 0, 0, TRUE }, shifted = { 0, 0, 0, 0, TRUE };

  for (guint i = 0; i + 1 < xy->len; i += 2)
    {
      double x = g_array_index (xy, double, i), y = g_array_index (xy, double, i + 1);
      double wx = x - floor (x);

      bounds_add (&plain, gb_mercator_latitude (y), gb_mercator_longitude (wx));
      bounds_add (&shifted, gb_mercator_latitude (y), gb_mercator_longitude (wx < 0.5 ? wx + 1 : wx));
    }

  return (shifted.x1 - shifted.x0 < plain.x1 - plain.x0 - 1e-9) ? shifted : plain;
}

static void
go_to_bounds (GbMapView    *self,
              const Bounds *b,
              double        max_zoom,
              gboolean      animate)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double pad_x, pad_y, zoom = max_zoom, cx, lat, lon;

  if (b->empty || width <= 0 || height <= 0)
    return;

  /* Room for the labels beside the markers and the zoom buttons. */
  pad_x = MIN (96.0, width / 4.0);
  pad_y = MIN (64.0, height / 4.0);

  if (b->x1 - b->x0 > 0)
    zoom = MIN (zoom, log2 ((width - 2 * pad_x) / ((b->x1 - b->x0) * 256.0)));
  if (b->y1 - b->y0 > 0)
    zoom = MIN (zoom, log2 ((height - 2 * pad_y) / ((b->y1 - b->y0) * 256.0)));
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);

  cx = (b->x0 + b->x1) / 2;
  lon = gb_mercator_longitude (cx - floor (cx));
  lat = CLAMP (gb_mercator_latitude ((b->y0 + b->y1) / 2),
               -GB_MERCATOR_MAX_LATITUDE, GB_MERCATOR_MAX_LATITUDE);
  lon = CLAMP (lon, -180.0, 180.0);

  shumate_map_stop_go_to (self->map);

  if (animate && animations_enabled (self))
    {
      shumate_map_go_to_full_with_duration (self->map, lat, lon, zoom, FLY_DURATION_MS);
      self->flying_until = g_get_monotonic_time () + FLY_DURATION_MS * G_TIME_SPAN_MILLISECOND;
    }
  else
    /* No animation: libshumate then moves at once. */
    shumate_map_go_to_full_with_duration (self->map, lat, lon, zoom, 0);
}

/* Adds the points that outline a place or a route: the place itself, or
 * the route's line as the route layer draws it. */
static void
add_item_outline (GbMapView *self,
                  GbItem    *item,
                  GArray    *xy)
{
  g_autoptr(GArray) outline = NULL;

  if (GB_IS_PLACE (item))
    {
      bounds_add_points (xy, gb_place_get_latitude (GB_PLACE (item)),
                         gb_place_get_longitude (GB_PLACE (item)));
      return;
    }

  outline = gb_route_layer_dup_outline (self->route_layer, GB_ROUTE (item));
  for (guint i = 0; outline != NULL && i < outline->len; i++)
    {
      const GbGeoPoint *p = &g_array_index (outline, GbGeoPoint, i);

      bounds_add_points (xy, p->latitude, p->longitude);
    }
}

/* Returns: (transfer full) (element-type GbItem): the places, then the
 * routes, of the story shown; none without a story */
static GPtrArray *
dup_mapped_items (GbMapView *self)
{
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *lists[2];

  if (dossier == NULL)
    return items;

  lists[0] = gb_dossier_get_places (dossier);
  lists[1] = gb_dossier_get_routes (dossier);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (items, g_list_model_get_item (lists[l], i));

  return items;
}

static void
fit_story (GbMapView *self,
           gboolean   animate)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) items = NULL;
  Bounds b;

  if (gb_view_get_dossier (GB_VIEW (self)) == NULL)
    return;

  items = dup_mapped_items (self);
  for (guint i = 0; i < items->len; i++)
    add_item_outline (self, g_ptr_array_index (items, i), xy);

  b = bounds_of (xy);
  go_to_bounds (self, &b, FIT_MAX_ZOOM, animate);

  self->fitted = !animate;
  self->fitted_lat = shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport));
  self->fitted_lon = shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport));
  self->fitted_zoom = shumate_viewport_get_zoom_level (self->viewport);
}

/* Whether the reader has left the map as it was fitted to the story: then
 * a new size (the window's, or the timeline moving beside it) fits it
 * again rather than showing a corner of it. */
static gboolean
still_fitted (GbMapView *self)
{
  return self->fitted &&
         shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)) == self->fitted_lat &&
         shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)) == self->fitted_lon &&
         shumate_viewport_get_zoom_level (self->viewport) == self->fitted_zoom;
}

/* Adds the points that outline @item on the map: the place itself, a
 * route's line, or the places linked to anything else. */
static void
add_chosen_outline (GbMapView *self,
                    GbItem    *item,
                    GArray    *xy)
{
  GbSelection *selection = gb_view_get_selection (GB_VIEW (self));

  if (GB_IS_PLACE (item) || GB_IS_ROUTE (item))
    add_item_outline (self, item, xy);
  else if (selection != NULL)
    {
      g_autoptr(GPtrArray) items = dup_mapped_items (self);

      for (guint i = 0; i < items->len; i++)
        if (gb_selection_is_linked (selection, g_ptr_array_index (items, i)))
          add_item_outline (self, g_ptr_array_index (items, i), xy);
    }
}

/* Flies to what outlines @item. */
static void
fly_to_item (GbMapView *self,
             GbItem    *item)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  Bounds b;

  add_chosen_outline (self, item, xy);
  if (xy->len == 0)
    return;

  b = bounds_of (xy);
  go_to_bounds (self, &b, FLY_MAX_ZOOM, TRUE);
}

/* Choosing something opens its details beside the map, which narrows it
 * about its centre, and what was chosen near an edge falls off: after a
 * change of size, what the choice outlines is brought back in view — at
 * once, keeping the zoom unless it no longer fits. A map that is flying
 * there already is left to arrive. */
static void
keep_chosen_in_view (GbMapView *self,
                     int        width,
                     int        height)
{
  GbItem *item = gb_view_get_item (GB_VIEW (self));
  g_autoptr(GArray) xy = NULL;
  double pad_x, pad_y;
  gboolean outside = FALSE;
  GbMapFrame f;
  Bounds b;

  if (item == NULL || g_get_monotonic_time () < self->flying_until
      || !gb_map_frame_init (&f, self->viewport, width, height))
    return;

  xy = g_array_new (FALSE, FALSE, sizeof (double));
  add_chosen_outline (self, item, xy);
  if (xy->len == 0)
    return;

  pad_x = MIN (KEEP_IN_VIEW_PAD, width / 4.0);
  pad_y = MIN (KEEP_IN_VIEW_PAD, height / 4.0);

  /* Each point on the copy of the world nearest the centre, as the layers
   * draw it. */
  for (guint i = 0; i + 1 < xy->len && !outside; i += 2)
    {
      double mx = g_array_index (xy, double, i);
      GbClipPoint p = gb_map_frame_project (&f, mx, g_array_index (xy, double, i + 1),
                                            gb_map_frame_nearest_copy (&f, mx));

      outside = p.x < pad_x || p.x > width - pad_x || p.y < pad_y || p.y > height - pad_y;
    }

  if (!outside)
    return;

  b = bounds_of (xy);
  go_to_bounds (self, &b, shumate_viewport_get_zoom_level (self->viewport), FALSE);
}

static void
update_highlights (GbMapView *self)
{
  GbSelection *selection = gb_view_get_selection (GB_VIEW (self));
  GbItem *chosen = gb_view_get_item (GB_VIEW (self));
  g_autoptr(GPtrArray) items = dup_mapped_items (self);

  for (guint i = 0; i < items->len; i++)
    {
      GbItem *item = g_ptr_array_index (items, i);
      gboolean linked = chosen != NULL && gb_selection_is_linked (selection, item);

      if (GB_IS_PLACE (item))
        gb_map_place_layer_set_state (self->place_layer, GB_PLACE (item), linked, item == chosen);
      else
        gb_route_layer_set_state (self->route_layer, GB_ROUTE (item), linked, item == chosen);
    }

  /* The places' names may have moved for the new selection: fit the route
   * labels around them again. */
  gtk_widget_queue_allocate (GTK_WIDGET (self->route_label_layer));
}

static void
gb_map_view_item_changed (GbView *view)
{
  GbMapView *self = GB_MAP_VIEW (view);
  GbItem *item = gb_view_get_item (view);

  update_highlights (self);

  if (item != NULL && !self->selecting)
    fly_to_item (self, item);
}

static void
select_item (GbMapView *self,
             GbItem    *item)
{
  /* Chosen on the map, so it is already in view: highlight, don't fly. */
  self->selecting = TRUE;
  gb_view_select (GB_VIEW (self), item);
  self->selecting = FALSE;
}

static void
place_activated_cb (GbMapView *self,
                    GbPlace   *place)
{
  select_item (self, GB_ITEM (place));
}

static void
route_activated_cb (GbMapView *self,
                    GbRoute   *route)
{
  select_item (self, GB_ITEM (route));
}

static void
rebuild (GbMapView *self)
{
  g_autoptr(GPtrArray) items = dup_mapped_items (self);

  gb_map_place_layer_remove_all (self->place_layer);
  gb_route_layer_remove_all (self->route_layer);

  for (guint i = 0; i < items->len; i++)
    {
      GbItem *item = g_ptr_array_index (items, i);

      if (GB_IS_PLACE (item))
        gb_map_place_layer_add_place (self->place_layer, GB_PLACE (item));
      else
        gb_route_layer_add_route (self->route_layer, GB_ROUTE (item));
    }

  update_empty (self);
  update_highlights (self);
}

static gboolean
attribution_activate_link_cb (GtkLabel   *label,
                              const char *uri,
                              GbMapView  *self)
{
  const char *scheme = g_uri_peek_scheme (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Only web links leave the app. */
  if (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static void
zoom_by (GbMapView *self,
         double     steps)
{
  double zoom = round (shumate_viewport_get_zoom_level (self->viewport)) + steps;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);

  if (animations_enabled (self))
    shumate_map_go_to_full_with_duration (self->map,
                                          shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
                                          shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)),
                                          zoom, 200);
  else
    {
      shumate_map_stop_go_to (self->map);
      shumate_viewport_set_zoom_level (self->viewport, zoom);
    }
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (GB_MAP_VIEW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (GB_MAP_VIEW (widget), -1);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  fit_story (GB_MAP_VIEW (widget), TRUE);
}

/* Moves the view by a quarter of its size per step. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GbMapView *self = GB_MAP_VIEW (widget);
  GbMapFrame f;
  int dx, dy;
  double x, y;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (!gb_map_frame_init (&f, self->viewport, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget)))
    return;

  x = (f.cx + dx * f.width / 4.0) / f.world;
  y = (f.cy + dy * f.height / 4.0) / f.world;
  x -= floor (x);
  y = CLAMP (y, 0, 1);

  shumate_map_stop_go_to (self->map);
  shumate_map_center_on (self->map,
                         CLAMP (gb_mercator_latitude (y), -GB_MERCATOR_MAX_LATITUDE,
                                GB_MERCATOR_MAX_LATITUDE),
                         CLAMP (gb_mercator_longitude (x), -180.0, 180.0));
}

/* A new story: its places and routes, all fitted in once the view has a size. */
static void
gb_map_view_dossier_changed (GbView *view)
{
  GbMapView *self = GB_MAP_VIEW (view);

  rebuild (self);

  self->fit_pending = gb_view_get_dossier (view) != NULL;
  if (self->fit_pending && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      self->fit_pending = FALSE;
      fit_story (self, FALSE);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* A click on the map gives it the keyboard, so the arrows pan next; a
 * click on a marker leaves the focus on the marker. */
static void
map_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GbMapView       *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->map)))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
gb_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GbMapView *self = GB_MAP_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
gb_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GbMapView *self = GB_MAP_VIEW (widget);

  /* Fit the story once there is a size to fit it into. */
  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      fit_story (self, FALSE);
    }
  else if ((width != self->last_width || height != self->last_height)
           && self->last_width > 0 && width > 0 && height > 0)
    {
      if (still_fitted (self) && gb_view_get_item (GB_VIEW (self)) == NULL)
        fit_story (self, FALSE);
      else
        keep_chosen_in_view (self, width, height);
    }

  self->last_width = width;
  self->last_height = height;

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
}

static void
gb_map_view_dispose (GObject *object)
{
  GbMapView *self = GB_MAP_VIEW (object);

  if (self->tile_source != NULL)
    g_signal_handlers_disconnect_by_data (self->tile_source, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_MAP_VIEW);

  g_clear_object (&self->settings);
  g_clear_object (&self->tile_source);
  g_clear_object (&self->renderer);
  self->tile_layer = NULL;
  self->basemap_layer = NULL;
  self->route_layer = NULL;
  self->place_layer = NULL;
  self->route_label_layer = NULL;

  G_OBJECT_CLASS (gb_map_view_parent_class)->dispose (object);
}

static void
add_key (GtkWidgetClass *widget_class,
         guint           keyval,
         const char     *action,
         const char     *format,
         int             dx,
         int             dy)
{
  if (format != NULL)
    gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, format, dx, dy);
  else
    gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
}

static void
gb_map_view_class_init (GbMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_map_view_dispose;
  view_class->dossier_changed = gb_map_view_dossier_changed;
  view_class->build_when_mapped = TRUE;
  view_class->item_changed = gb_map_view_item_changed;

  widget_class->measure = gb_map_view_measure;
  widget_class->size_allocate = gb_map_view_size_allocate;

  g_type_ensure (SHUMATE_TYPE_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GbMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, map);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, scale_box);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, cache_notice_label);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GbMapView, attribution_label);
  gtk_widget_class_bind_template_callback (widget_class, attribution_activate_link_cb);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);

  add_key (widget_class, GDK_KEY_Left, "map.pan", "(ii)", -1, 0);
  add_key (widget_class, GDK_KEY_KP_Left, "map.pan", "(ii)", -1, 0);
  add_key (widget_class, GDK_KEY_Right, "map.pan", "(ii)", 1, 0);
  add_key (widget_class, GDK_KEY_KP_Right, "map.pan", "(ii)", 1, 0);
  add_key (widget_class, GDK_KEY_Up, "map.pan", "(ii)", 0, -1);
  add_key (widget_class, GDK_KEY_KP_Up, "map.pan", "(ii)", 0, -1);
  add_key (widget_class, GDK_KEY_Down, "map.pan", "(ii)", 0, 1);
  add_key (widget_class, GDK_KEY_KP_Down, "map.pan", "(ii)", 0, 1);
  add_key (widget_class, GDK_KEY_plus, "map.zoom-in", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_equal, "map.zoom-in", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_KP_Add, "map.zoom-in", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_minus, "map.zoom-out", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_KP_Subtract, "map.zoom-out", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_Home, "map.fit", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_KP_Home, "map.fit", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_0, "map.fit", NULL, 0, 0);
  add_key (widget_class, GDK_KEY_KP_0, "map.fit", NULL, 0, 0);

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gb_map_view_init (GbMapView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->viewport = shumate_map_get_viewport (self->map);
  shumate_map_set_go_to_duration (self->map, FLY_DURATION_MS);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (map_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  /* Read the settings only if they are installed (tests, uninstalled runs). */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->basemap_layer = gb_basemap_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap_layer));

  self->route_layer = gb_route_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->route_layer));
  g_signal_connect_object (self->route_layer, "route-activated",
                           G_CALLBACK (route_activated_cb), self, G_CONNECT_SWAPPED);

  self->place_layer = gb_map_place_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->place_layer));
  g_signal_connect_object (self->place_layer, "place-activated",
                           G_CALLBACK (place_activated_cb), self, G_CONNECT_SWAPPED);

  /* Route labels above the places, laid out after them to keep clear. */
  self->route_label_layer = gb_route_label_layer_new (self->viewport, self->route_layer,
                                                      self->place_layer);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->route_label_layer));
  g_signal_connect_object (self->route_label_layer, "route-activated",
                           G_CALLBACK (route_activated_cb), self, G_CONNECT_SWAPPED);

  /* The basemap's names just above it, fitted around the story's markers
   * and labels, which are laid out before it draws. */
  self->basemap_label_layer = gb_basemap_label_layer_new (self->viewport, self->place_layer,
                                                          self->route_label_layer);
  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->basemap_label_layer),
                                  SHUMATE_LAYER (self->basemap_layer));

  setup_tiles (self);

  /* A first view of the region until a story arrives. */
  shumate_map_center_on (self->map, 45, 100);
  shumate_viewport_set_zoom_level (self->viewport, 3);

  gtk_box_append (self->scale_box, gb_map_scale_new (self->viewport));
  gb_map_place_layer_keep_clear (self->place_layer, GTK_WIDGET (self->scale_box));
  gb_map_place_layer_keep_clear (self->place_layer, self->zoom_box);
  gb_map_place_layer_keep_clear (self->place_layer, GTK_WIDGET (self->attribution_label));
}

/**
 * gb_map_view_new:
 *
 * Returns: (transfer full): a new map view
 */
GtkWidget *
gb_map_view_new (void)
{
  return g_object_new (GB_TYPE_MAP_VIEW, NULL);
}

/**
 * gb_map_view_fit_story:
 *
 * Shows all of the story's places and routes; the same as the map.fit
 * action (Home).
 */
void
gb_map_view_fit_story (GbMapView *self)
{
  g_return_if_fail (GB_IS_MAP_VIEW (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    fit_story (self, TRUE);
  else
    self->fit_pending = gb_view_get_dossier (GB_VIEW (self)) != NULL;
}
