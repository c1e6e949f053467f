/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-basemap-label-layer"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "gb-basemap-label-layer.h"
#include "gb-map-private.h"

/* The basemap's place names, just above the basemap and under everything
 * else (the online tiles, when there are any, cover them with names of
 * their own). Each name is drawn once into a texture, with a halo of the
 * land's colour, and stamped where it goes; a frame only projects and
 * fits. The story comes first: names are fitted, most important first,
 * wherever they don't meet the places' markers and names, the routes'
 * labels, what lies over the map (the place layer's boxes hold the scale
 * and buttons) or a name placed already, and are left out otherwise. The
 * layers above tell this one when they have laid out ("laid-out"), as
 * the names must then be fitted again though the view did not move.
 *
 * Names come from the data file and are plain text: they are set with
 * pango_layout_set_text(), never parsed as markup. */

#define NAME_GAP 6.0     /* between two basemap names */
#define STORY_GAP 2.0    /* from the story's markers and labels */
#define HALO 2.0
#define FONT_SIZE 9.5
#define NEW_PER_FRAME 8  /* names drawn into textures in one frame (≈ 0.25 ms each) */

struct _GbBasemapLabelLayer
{
  ShumateLayer       parent_instance;

  GbBasemap         *basemap;
  GbMapPlaceLayer   *places;
  GbRouteLabelLayer *route_labels;
  char             **languages;  /* NULL: the interface's */
  GPtrArray         *textures;   /* per name: GdkTexture or NULL until shown */
  int                cache_scale;
  GdkRGBA            text;
  GdkRGBA            halo;
  GbMapBoxes         boxes;      /* scratch: the names placed */
  GArray            *shown;      /* ShownName, this frame's */
  guint              more_id;    /* a frame to come, for the names not drawn yet */
  gboolean           incomplete; /* the last frame left names for the next */
};

typedef struct
{
  guint           index;
  graphene_rect_t bounds;
} ShownName;

G_DEFINE_FINAL_TYPE (GbBasemapLabelLayer, gb_basemap_label_layer, SHUMATE_TYPE_LAYER)

static void
clear_textures (GbBasemapLabelLayer *self)
{
  for (guint i = 0; i < self->textures->len; i++)
    g_clear_object (&g_ptr_array_index (self->textures, i));
}

/* Dark grey on the light land, light grey on the dark, each haloed in the
 * land's own colour so a name reads over coast and border lines. */
static void
update_colors (GbBasemapLabelLayer *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean hc = adw_style_manager_get_high_contrast (manager);

  if (adw_style_manager_get_dark (manager))
    {
      self->text = hc ? (GdkRGBA) { 1, 1, 1, 1 } : (GdkRGBA) { 0.753, 0.749, 0.737, 1 };
      self->halo = (GdkRGBA) { 0.227, 0.227, 0.251, hc ? 1 : 0.85 };
    }
  else
    {
      self->text = hc ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 0.369, 0.361, 0.392, 1 };
      self->halo = (GdkRGBA) { 0.949, 0.937, 0.914, hc ? 1 : 0.85 };
    }
}

static void
redraw_cb (GbBasemapLabelLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
draw_more_cb (gpointer data)
{
  GbBasemapLabelLayer *self = data;

  self->more_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
style_changed_cb (GbBasemapLabelLayer *self)
{
  update_colors (self);
  clear_textures (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkTexture *
render_name (GbBasemapLabelLayer *self,
             const char          *text,
             int                  scale)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (
                                 pango_layout_get_context (layout)));
  cairo_surface_t *surface;
  PangoRectangle ink, logical;
  cairo_t *cr;
  int w, h;

  pango_font_description_set_size (font, (int) (FONT_SIZE * PANGO_SCALE));
  pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, &ink, &logical);

  w = (int) ceil (logical.width + 2 * HALO);
  h = (int) ceil (logical.height + 2 * HALO);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);

  cairo_move_to (cr, HALO - logical.x, HALO - logical.y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2 * HALO);
  gdk_cairo_set_source_rgba (cr, &self->halo);
  cairo_stroke (cr);

  cairo_move_to (cr, HALO - logical.x, HALO - logical.y);
  gdk_cairo_set_source_rgba (cr, &self->text);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);

  return gb_map_texture_new_for_surface (surface);
}

static GdkTexture *
ensure_texture (GbBasemapLabelLayer *self,
                guint                i,
                int                  scale)
{
  GdkTexture **texture = (GdkTexture **) &g_ptr_array_index (self->textures, i);

  if (*texture == NULL)
    *texture = render_name (self,
                            gb_basemap_get_name_text (self->basemap, i,
                                                      (const char * const *) self->languages),
                            scale);
  return *texture;
}

static gboolean
is_free (GbBasemapLabelLayer   *self,
         const graphene_rect_t *r)
{
  graphene_rect_t near, story;

  graphene_rect_inset_r (r, -NAME_GAP, -NAME_GAP, &near);
  graphene_rect_inset_r (r, -STORY_GAP, -STORY_GAP, &story);

  return !gb_map_boxes_collides (&self->boxes, &near)
         && (self->places == NULL
             || !gb_map_boxes_collides (gb_map_place_layer_get_boxes (self->places), &story))
         && (self->route_labels == NULL
             || !gb_map_boxes_collides (gb_route_label_layer_get_boxes (self->route_labels),
                                        &story));
}

static void
gb_basemap_label_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  GbBasemapLabelLayer *self = GB_BASEMAP_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  guint budget = NEW_PER_FRAME;
  double zoom;
  GbMapFrame f;

  g_array_set_size (self->shown, 0);
  self->incomplete = FALSE;
  if (self->basemap == NULL || !gb_map_frame_init (&f, viewport, width, height))
    return;

  if (self->textures->len != gb_basemap_get_n_names (self->basemap))
    g_ptr_array_set_size (self->textures, gb_basemap_get_n_names (self->basemap));
  if (scale != self->cache_scale)
    {
      clear_textures (self);
      self->cache_scale = scale;
    }

  /* A name shows once the zoom is nearer its level than the one before. */
  zoom = shumate_viewport_get_zoom_level (viewport) + 0.5;
  gb_map_boxes_reset (&self->boxes, width, height);

  for (guint i = 0; i < self->textures->len; i++)
    {
      const GbBasemapName *name = gb_basemap_get_name (self->basemap, i);
      GbClipPoint p;
      GdkTexture *texture;
      graphene_rect_t r;
      double w, h;

      if (zoom < name->min_zoom)
        continue;

      p = gb_map_frame_project (&f, name->x, name->y, gb_map_frame_nearest_copy (&f, name->x));
      if (p.x < 0 || p.x > width || p.y < 0 || p.y > height)
        continue;

      /* A frame draws a few names new, the most important first, and leaves
       * the rest to the frames after: the first frame of a map is not held up
       * by a hundred names, and no name shown is taken back for a better one. */
      if (g_ptr_array_index (self->textures, i) == NULL && budget-- == 0)
        {
          if (self->more_id == 0)
            self->more_id = g_idle_add (draw_more_cb, self);
          self->incomplete = TRUE;
          break;
        }

      texture = ensure_texture (self, i, scale);
      w = (double) gdk_texture_get_width (texture) / scale;
      h = (double) gdk_texture_get_height (texture) / scale;
      r = GRAPHENE_RECT_INIT (round (p.x - w / 2), round (p.y - h / 2), w, h);

      /* Cut off by the edge is no better than left out. */
      if (r.origin.x < 0 || r.origin.y < 0 || r.origin.x + w > width || r.origin.y + h > height
          || !is_free (self, &r))
        continue;

      gb_map_boxes_add (&self->boxes, &r);
      g_array_append_val (self->shown, ((ShownName) { i, r }));
      gtk_snapshot_append_texture (snapshot, texture, &r);
    }
}

static gboolean
gb_basemap_label_layer_contains (GtkWidget *widget,
                                 double     x,
                                 double     y)
{
  return FALSE;
}

static void
gb_basemap_label_layer_dispose (GObject *object)
{
  GbBasemapLabelLayer *self = GB_BASEMAP_LABEL_LAYER (object);

  if (self->places != NULL)
    g_signal_handlers_disconnect_by_data (self->places, self);
  if (self->route_labels != NULL)
    g_signal_handlers_disconnect_by_data (self->route_labels, self);
  g_clear_object (&self->places);
  g_clear_object (&self->route_labels);
  g_clear_object (&self->basemap);
  g_clear_handle_id (&self->more_id, g_source_remove);
  clear_textures (self);

  G_OBJECT_CLASS (gb_basemap_label_layer_parent_class)->dispose (object);
}

static void
gb_basemap_label_layer_finalize (GObject *object)
{
  GbBasemapLabelLayer *self = GB_BASEMAP_LABEL_LAYER (object);

  gb_map_boxes_clear (&self->boxes);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->textures, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (gb_basemap_label_layer_parent_class)->finalize (object);
}

static void
gb_basemap_label_layer_class_init (GbBasemapLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_basemap_label_layer_dispose;
  object_class->finalize = gb_basemap_label_layer_finalize;

  widget_class->snapshot = gb_basemap_label_layer_snapshot;
  widget_class->contains = gb_basemap_label_layer_contains;

  gtk_widget_class_set_css_name (widget_class, "map-basemap-labels");
}

static void
gb_basemap_label_layer_init (GbBasemapLabelLayer *self)
{
  self->textures = g_ptr_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (ShownName));
  self->cache_scale = 1;

  /* The names are the basemap's, not the story's: a screen reader reads
   * the story's places. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  update_colors (self);
  gb_map_layer_follow_style (SHUMATE_LAYER (self), G_CALLBACK (style_changed_cb));
}

/**
 * gb_basemap_label_layer_new:
 * @places: (nullable): the place layer whose markers and names the basemap's
 *   names keep clear of; it must be above this layer in the map
 * @route_labels: (nullable): the routes' labels, likewise
 *
 * Returns: (transfer full): a layer drawing the bundled basemap's place
 *   names in the interface's language
 */
GbBasemapLabelLayer *
gb_basemap_label_layer_new (ShumateViewport   *viewport,
                            GbMapPlaceLayer   *places,
                            GbRouteLabelLayer *route_labels)
{
  GbBasemapLabelLayer *self;
  GbBasemap *basemap;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (places == NULL || GB_IS_MAP_PLACE_LAYER (places), NULL);
  g_return_val_if_fail (route_labels == NULL || GB_IS_ROUTE_LABEL_LAYER (route_labels), NULL);

  self = g_object_new (GB_TYPE_BASEMAP_LABEL_LAYER, "viewport", viewport, NULL);
  gb_map_layer_follow_viewport (SHUMATE_LAYER (self), G_CALLBACK (redraw_cb));

  /* The names are few and small: read with the layer, not on first draw. */
  basemap = gb_basemap_get_default ();
  self->basemap = basemap != NULL ? g_object_ref (basemap) : NULL;

  if (places != NULL)
    {
      self->places = g_object_ref (places);
      g_signal_connect_swapped (places, "laid-out", G_CALLBACK (redraw_cb), self);
    }
  if (route_labels != NULL)
    {
      self->route_labels = g_object_ref (route_labels);
      g_signal_connect_swapped (route_labels, "laid-out", G_CALLBACK (redraw_cb), self);
    }

  return self;
}

/**
 * gb_basemap_label_layer_set_languages:
 * @languages: (nullable) (array zero-terminated=1): the languages to name
 *   places in, in order of preference; %NULL for the interface's
 *
 * Where a name is in none of them, it is in English.
 */
void
gb_basemap_label_layer_set_languages (GbBasemapLabelLayer *self,
                                      const char * const  *languages)
{
  g_return_if_fail (GB_IS_BASEMAP_LABEL_LAYER (self));

  g_clear_pointer (&self->languages, g_strfreev);
  self->languages = g_strdupv ((char **) languages);
  clear_textures (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gb_basemap_label_layer_get_n_shown:
 *
 * Returns: how many names the last frame drew
 */
guint
gb_basemap_label_layer_get_n_shown (GbBasemapLabelLayer *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP_LABEL_LAYER (self), 0);

  return self->shown->len;
}

/**
 * gb_basemap_label_layer_get_shown:
 * @i: less than gb_basemap_label_layer_get_n_shown()
 * @bounds: (out) (optional): where it was drawn, in the layer's pixels
 *
 * Returns: (transfer none): the @i-th name the last frame drew, as drawn
 */
const char *
gb_basemap_label_layer_get_shown (GbBasemapLabelLayer *self,
                                  guint                i,
                                  graphene_rect_t     *bounds)
{
  const ShownName *shown;

  g_return_val_if_fail (GB_IS_BASEMAP_LABEL_LAYER (self), NULL);
  g_return_val_if_fail (i < self->shown->len, NULL);

  shown = &g_array_index (self->shown, ShownName, i);
  if (bounds != NULL)
    *bounds = shown->bounds;
  return gb_basemap_get_name_text (self->basemap, shown->index,
                                   (const char * const *) self->languages);
}

/**
 * gb_basemap_label_layer_is_complete:
 *
 * Returns: whether the last frame drew every name it had room for, none
 *   being left for the frames after
 */
gboolean
gb_basemap_label_layer_is_complete (GbBasemapLabelLayer *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP_LABEL_LAYER (self), FALSE);

  return !self->incomplete;
}
