/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-basemap-layer"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "gb-basemap-layer.h"
#include "gb-clip.h"
#include "gb-geodesic.h"
#include "gb-map-private.h"

/* The offline basemap under the online tiles: sea everywhere, then land,
 * coastlines and borders from the bundled Natural Earth data. It draws in
 * tiles of its own, rendered once per zoom level from that level's
 * projected copy of the data (GbBasemapLevel), clipped to the tile, and
 * kept as textures, so panning only moves textures about. Rendering is
 * spread over frames: a frame renders for a few milliseconds at most and
 * shows the tile one level up, scaled, where it ran out of time. */

#define TILE_SIZE GB_BASEMAP_TILE_SIZE
#define FRAME_BUDGET_US 6000
#define CACHE_BUDGET_BYTES (48 * 1024 * 1024)
#define MAX_ZOOM 22

typedef struct
{
  GdkRGBA sea;
  GdkRGBA land;
  GdkRGBA coast;
  GdkRGBA border;
  double  coast_width;
  double  border_width;
} Palette;

typedef struct
{
  guint64     key;
  GdkTexture *texture;
  gsize       bytes;
  GList       link;     /* in the LRU queue; data points back here */
} CachedTile;

struct _GbBasemapLayer
{
  ShumateLayer  parent_instance;

  GbBasemap    *basemap;
  gboolean      basemap_chosen;  /* basemap is set, or the default was loaded */
  GHashTable   *tiles;      /* key → CachedTile */
  GQueue        lru;        /* most recent first */
  gsize         cache_bytes;
  int           cache_scale;
  Palette       palette;
  gboolean      incomplete;
  guint         redraw_id;
};

G_DEFINE_FINAL_TYPE (GbBasemapLayer, gb_basemap_layer, SHUMATE_TYPE_LAYER)

/* The bundled basemap is parsed when first drawn or asked for, not when the
 * layer is made: a map view that is never shown never loads it. */
static GbBasemap *
ensure_basemap (GbBasemapLayer *self)
{
  if (!self->basemap_chosen)
    {
      self->basemap_chosen = TRUE;
      self->basemap = gb_basemap_get_default ();
      if (self->basemap != NULL)
        g_object_ref (self->basemap);
    }
  return self->basemap;
}

enum {
  PROP_0,
  PROP_BASEMAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint64
tile_key (int z,
          int x,
          int y)
{
  return (guint64) z << 56 | (guint64) (guint32) x << 28 | (guint64) (guint32) y;
}

static void
cached_tile_free (gpointer data)
{
  CachedTile *tile = data;

  g_clear_object (&tile->texture);
  g_free (tile);
}

static void
clear_cache (GbBasemapLayer *self)
{
  /* The queue's links live inside the tiles the table frees. */
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->tiles);
  self->cache_bytes = 0;
}

static void
rgba (GdkRGBA *c,
      guint32  hex,
      double   alpha)
{
  c->red = ((hex >> 16) & 0xff) / 255.0;
  c->green = ((hex >> 8) & 0xff) / 255.0;
  c->blue = (hex & 0xff) / 255.0;
  c->alpha = alpha;
}

/* Sea and land a clear step apart in both styles, lines darker than land
 * in light style and lighter in dark; high contrast strengthens them. */
static void
update_palette (GbBasemapLayer *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean hc = adw_style_manager_get_high_contrast (manager);
  Palette *p = &self->palette;

  if (dark)
    {
      rgba (&p->sea, 0x1b2a3a, 1);
      rgba (&p->land, 0x3a3a40, 1);
      rgba (&p->coast, hc ? 0xdeddda : 0x8a8f99, 1);
      rgba (&p->border, hc ? 0xc0bfbc : 0x6f6f78, 1);
    }
  else
    {
      /* Close to OpenStreetMap's own land and water, so tiles arriving
       * over the basemap don't flash a different world. */
      rgba (&p->sea, 0xaad3df, 1);
      rgba (&p->land, 0xf2efe9, 1);
      rgba (&p->coast, hc ? 0x241f31 : 0x7fa6b5, 1);
      rgba (&p->border, hc ? 0x3d3846 : 0xb9a9c4, 1);
    }

  p->coast_width = hc ? 1.5 : 1.0;
  p->border_width = hc ? 1.2 : 0.8;
}

static void
style_changed_cb (GbBasemapLayer *self)
{
  update_palette (self);
  clear_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
viewport_changed_cb (GbBasemapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Clipping in the tile's pixels, so cairo only ever sees short, nearby
 * coordinates however far the zoom goes. */
typedef struct
{
  cairo_t   *cr;
  double     factor;   /* tile pixels per level pixel */
  double     ox, oy;   /* tile origin, in the tile zoom's world pixels */
  GbClipRect clip;     /* the tile and a margin, in tile pixels */
  GArray    *ring;
  GArray    *scratch;
} TileContext;

static void
fill_ring_cb (const float *xy,
              guint        n_points,
              gpointer     user_data)
{
  TileContext *tc = user_data;
  GArray *ring = tc->ring;

  g_array_set_size (ring, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      GbClipPoint *p = &g_array_index (ring, GbClipPoint, i);

      p->x = xy[2 * i] * tc->factor - tc->ox;
      p->y = xy[2 * i + 1] * tc->factor - tc->oy;
    }

  gb_clip_polygon (ring, tc->scratch, &tc->clip);

  if (ring->len >= 3)
    {
      cairo_move_to (tc->cr, g_array_index (ring, GbClipPoint, 0).x,
                     g_array_index (ring, GbClipPoint, 0).y);
      for (guint i = 1; i < ring->len; i++)
        cairo_line_to (tc->cr, g_array_index (ring, GbClipPoint, i).x,
                       g_array_index (ring, GbClipPoint, i).y);
      cairo_close_path (tc->cr);
    }
}

static gboolean
in_rect (const GbClipPoint *p,
         const GbClipRect  *r)
{
  return p->x > r->x0 && p->x < r->x1 && p->y > r->y0 && p->y < r->y1;
}

static void
stroke_line_cb (const float *xy,
                guint        n_points,
                gpointer     user_data)
{
  TileContext *tc = user_data;
  gboolean pen_down = FALSE;

  for (guint i = 0; i + 1 < n_points; i++)
    {
      GbClipPoint p = { xy[2 * i] * tc->factor - tc->ox, xy[2 * i + 1] * tc->factor - tc->oy };
      GbClipPoint q = { xy[2 * i + 2] * tc->factor - tc->ox, xy[2 * i + 3] * tc->factor - tc->oy };
      gboolean p_inside = in_rect (&p, &tc->clip);

      if (!gb_clip_segment (&p, &q, &tc->clip))
        {
          pen_down = FALSE;
          continue;
        }

      if (!pen_down || !p_inside)
        cairo_move_to (tc->cr, p.x, p.y);
      cairo_line_to (tc->cr, q.x, q.y);
      pen_down = in_rect (&q, &tc->clip);
    }
}

static GdkTexture *
render_tile (GbBasemapLayer *self,
             int             z,
             int             x,
             int             y,
             int             scale)
{
  GbBasemapLevel *level = gb_basemap_get_level (self->basemap, z);
  double level_world = gb_basemap_level_get_world_size (level);
  double world = (double) TILE_SIZE * ldexp (1.0, z);
  const Palette *p = &self->palette;
  cairo_surface_t *surface;
  TileContext tc;
  double margin = 2, rx, ry, rsize;
  int size = TILE_SIZE * scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  tc.cr = cairo_create (surface);
  cairo_scale (tc.cr, scale, scale);

  tc.factor = world / level_world;
  tc.ox = (double) x * TILE_SIZE;
  tc.oy = (double) y * TILE_SIZE;
  tc.clip = (GbClipRect) { -margin, -margin, TILE_SIZE + margin, TILE_SIZE + margin };
  tc.ring = g_array_new (FALSE, FALSE, sizeof (GbClipPoint));
  tc.scratch = g_array_new (FALSE, FALSE, sizeof (GbClipPoint));

  /* The tile's square, with the margin, in the level's pixels. */
  rx = (tc.ox - margin) / tc.factor;
  ry = (tc.oy - margin) / tc.factor;
  rsize = (TILE_SIZE + 2 * margin) / tc.factor;

  cairo_set_fill_rule (tc.cr, CAIRO_FILL_RULE_EVEN_ODD);
  gb_basemap_level_foreach_part (level, GB_BASEMAP_LAND, rx, ry, rsize, rsize, fill_ring_cb, &tc);
  gdk_cairo_set_source_rgba (tc.cr, &p->land);
  cairo_fill (tc.cr);

  cairo_set_line_join (tc.cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (tc.cr, CAIRO_LINE_CAP_ROUND);

  /* Borders only where there is room to tell countries apart. */
  if (z >= 2)
    {
      gb_basemap_level_foreach_part (level, GB_BASEMAP_BORDERS, rx, ry, rsize, rsize,
                                     stroke_line_cb, &tc);
      gdk_cairo_set_source_rgba (tc.cr, &p->border);
      cairo_set_line_width (tc.cr, p->border_width);
      cairo_stroke (tc.cr);
    }

  gb_basemap_level_foreach_part (level, GB_BASEMAP_COAST, rx, ry, rsize, rsize,
                                 stroke_line_cb, &tc);
  gdk_cairo_set_source_rgba (tc.cr, &p->coast);
  cairo_set_line_width (tc.cr, p->coast_width);
  cairo_stroke (tc.cr);

  cairo_destroy (tc.cr);
  g_array_unref (tc.ring);
  g_array_unref (tc.scratch);

  return gb_map_texture_new_for_surface (surface);
}

static GdkTexture *
lookup_tile (GbBasemapLayer *self,
             int             z,
             int             x,
             int             y)
{
  CachedTile *tile = g_hash_table_lookup (self->tiles, &(guint64) { tile_key (z, x, y) });

  if (tile == NULL)
    return NULL;

  g_queue_unlink (&self->lru, &tile->link);
  g_queue_push_head_link (&self->lru, &tile->link);
  return tile->texture;
}

static GdkTexture *
store_tile (GbBasemapLayer *self,
            int             z,
            int             x,
            int             y,
            GdkTexture     *texture)
{
  CachedTile *tile = g_new0 (CachedTile, 1);
  int w = gdk_texture_get_width (texture);

  tile->key = tile_key (z, x, y);
  tile->texture = texture;
  tile->bytes = (gsize) w * w * 4;
  tile->link.data = tile;
  g_hash_table_insert (self->tiles, &tile->key, tile);
  g_queue_push_head_link (&self->lru, &tile->link);
  self->cache_bytes += tile->bytes;

  /* Forget the least recently drawn tiles beyond the budget. */
  while (self->cache_bytes > CACHE_BUDGET_BYTES && self->lru.length > 1)
    {
      GList *last = g_queue_pop_tail_link (&self->lru);
      CachedTile *old = last->data;

      self->cache_bytes -= old->bytes;
      g_hash_table_remove (self->tiles, &old->key);
    }

  return texture;
}

static gboolean
redraw_cb (gpointer user_data)
{
  GbBasemapLayer *self = user_data;

  self->redraw_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
gb_basemap_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GbBasemapLayer *self = GB_BASEMAP_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double zoom, draw_scale, cx, cy, rx, ry;
  int z, n, tx0, tx1, ty0, ty1;
  GbMapFrame f;
  gint64 start = g_get_monotonic_time ();

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &self->palette.sea,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (ensure_basemap (self) == NULL || !gb_map_frame_init (&f, viewport, width, height))
    return;

  if (scale != self->cache_scale)
    {
      clear_cache (self);
      self->cache_scale = scale;
    }

  /* Tiles of the nearest whole zoom level, scaled to the frame's. */
  zoom = CLAMP (shumate_viewport_get_zoom_level (viewport), 0, MAX_ZOOM);
  z = CLAMP ((int) round (zoom), 0, MAX_ZOOM);
  n = 1 << z;
  draw_scale = f.world / ((double) TILE_SIZE * n);
  cx = f.cx / draw_scale;
  cy = f.cy / draw_scale;

  if (f.rotation != 0)
    rx = ry = hypot (width, height) / 2 / draw_scale;
  else
    {
      rx = width / 2.0 / draw_scale;
      ry = height / 2.0 / draw_scale;
    }

  tx0 = (int) floor ((cx - rx) / TILE_SIZE);
  tx1 = (int) floor ((cx + rx) / TILE_SIZE);
  ty0 = MAX (0, (int) floor ((cy - ry) / TILE_SIZE));
  ty1 = MIN (n - 1, (int) floor ((cy + ry) / TILE_SIZE));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0, height / 2.0));
  if (f.rotation != 0)
    gtk_snapshot_rotate (snapshot, f.rotation * 180 / G_PI);

  self->incomplete = FALSE;

  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1 && tx - tx0 < 4 * n + 8; tx++)
      {
        int wx = ((tx % n) + n) % n;   /* the same tile on every copy of the world */
        double px = (tx * (double) TILE_SIZE - cx) * draw_scale;
        double py = (ty * (double) TILE_SIZE - cy) * draw_scale;
        double size = TILE_SIZE * draw_scale;
        GdkTexture *texture = lookup_tile (self, z, wx, ty);

        if (texture == NULL && g_get_monotonic_time () - start < FRAME_BUDGET_US)
          texture = store_tile (self, z, wx, ty, render_tile (self, z, wx, ty, scale));

        if (texture != NULL)
          {
            gtk_snapshot_append_texture (snapshot, texture,
                                         &GRAPHENE_RECT_INIT (px, py, size, size));
            continue;
          }

        self->incomplete = TRUE;

        /* Out of time: the parent tile, if there is one, stretched. */
        if (z > 0)
          {
            GdkTexture *parent = lookup_tile (self, z - 1, wx / 2, ty / 2);

            if (parent != NULL)
              {
                double ppx = px - (wx % 2) * size;
                double ppy = py - (ty % 2) * size;

                gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (px, py, size, size));
                gtk_snapshot_append_texture (snapshot, parent,
                                             &GRAPHENE_RECT_INIT (ppx, ppy, 2 * size, 2 * size));
                gtk_snapshot_pop (snapshot);
              }
          }
      }

  gtk_snapshot_restore (snapshot);

  if (self->incomplete && self->redraw_id == 0)
    self->redraw_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, redraw_cb, self, NULL);
}

static gboolean
gb_basemap_layer_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  return FALSE;
}

static void
gb_basemap_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gb_basemap_layer_parent_class)->constructed (object);

  gb_map_layer_follow_viewport (SHUMATE_LAYER (object), G_CALLBACK (viewport_changed_cb));
}

static void
gb_basemap_layer_dispose (GObject *object)
{
  GbBasemapLayer *self = GB_BASEMAP_LAYER (object);

  g_clear_handle_id (&self->redraw_id, g_source_remove);
  clear_cache (self);
  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (gb_basemap_layer_parent_class)->dispose (object);
}

static void
gb_basemap_layer_finalize (GObject *object)
{
  GbBasemapLayer *self = GB_BASEMAP_LAYER (object);

  g_clear_pointer (&self->tiles, g_hash_table_unref);

  G_OBJECT_CLASS (gb_basemap_layer_parent_class)->finalize (object);
}

static void
gb_basemap_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GbBasemapLayer *self = GB_BASEMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      g_value_set_object (value, ensure_basemap (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_basemap_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GbBasemapLayer *self = GB_BASEMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      gb_basemap_layer_set_basemap (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_basemap_layer_class_init (GbBasemapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gb_basemap_layer_constructed;
  object_class->dispose = gb_basemap_layer_dispose;
  object_class->finalize = gb_basemap_layer_finalize;
  object_class->get_property = gb_basemap_layer_get_property;
  object_class->set_property = gb_basemap_layer_set_property;

  widget_class->snapshot = gb_basemap_layer_snapshot;
  widget_class->contains = gb_basemap_layer_contains;

  properties[PROP_BASEMAP] =
    g_param_spec_object ("basemap", NULL, NULL,
                         GB_TYPE_BASEMAP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "map-basemap");
}

static void
gb_basemap_layer_init (GbBasemapLayer *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cached_tile_free);
  self->cache_scale = 1;

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  update_palette (self);
  gb_map_layer_follow_style (SHUMATE_LAYER (self), G_CALLBACK (style_changed_cb));
}

/**
 * gb_basemap_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer full): a layer drawing the bundled basemap
 */
GbBasemapLayer *
gb_basemap_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (GB_TYPE_BASEMAP_LAYER, "viewport", viewport, NULL);
}

GbBasemap *
gb_basemap_layer_get_basemap (GbBasemapLayer *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP_LAYER (self), NULL);

  return ensure_basemap (self);
}

/**
 * gb_basemap_layer_set_basemap:
 * @basemap: (nullable): the outlines to draw; %NULL draws only the sea
 */
void
gb_basemap_layer_set_basemap (GbBasemapLayer *self,
                              GbBasemap      *basemap)
{
  g_return_if_fail (GB_IS_BASEMAP_LAYER (self));
  g_return_if_fail (basemap == NULL || GB_IS_BASEMAP (basemap));

  ensure_basemap (self);
  if (!g_set_object (&self->basemap, basemap))
    return;

  clear_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASEMAP]);
}

/**
 * gb_basemap_layer_is_complete:
 *
 * Whether the last frame drew every tile it needed at full detail (rather
 * than a stand-in while tiles are still being rendered).
 */
gboolean
gb_basemap_layer_is_complete (GbBasemapLayer *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP_LAYER (self), FALSE);

  return !self->incomplete;
}

guint
gb_basemap_layer_get_n_cached_tiles (GbBasemapLayer *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP_LAYER (self), 0);

  return g_hash_table_size (self->tiles);
}
