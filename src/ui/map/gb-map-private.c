/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-private"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "gb-geodesic.h"
#include "gb-map-private.h"

/* What the map's layers share: the projection every layer draws and lays
 * out with, the boxes their labels keep clear of, small widget helpers. libshumate's own
 * shumate_viewport_location_to_widget_coords() clamps longitudes to one
 * world, but routes cross the antimeridian and the world repeats when
 * zoomed out, so the layers need the copy of the world as well. */

#define CELL 64

/**
 * gb_map_frame_init:
 * @width: the layer's width
 * @height: its height
 *
 * Returns: %FALSE if there is nothing to project onto
 */
gboolean
gb_map_frame_init (GbMapFrame      *frame,
                   ShumateViewport *viewport,
                   int              width,
                   int              height)
{
  g_return_val_if_fail (frame != NULL, FALSE);

  frame->width = width;
  frame->height = height;
  if (viewport == NULL || width <= 0 || height <= 0)
    return FALSE;

  frame->world = 256.0 * pow (2, shumate_viewport_get_zoom_level (viewport));
  frame->cx = frame->world
              * gb_mercator_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  frame->cy = frame->world
              * gb_mercator_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  frame->half_w = width / 2.0;
  frame->half_h = height / 2.0;
  frame->rotation = shumate_viewport_get_rotation (viewport);
  frame->sin_r = sin (frame->rotation);
  frame->cos_r = cos (frame->rotation);
  return TRUE;
}

/**
 * gb_map_frame_project:
 * @mx: Web Mercator x, in world units (may lie outside 0…1)
 * @my: Web Mercator y
 * @copy: which copy of the world, 0 for the first
 *
 * Returns: the point in the layer's pixels
 */
GbClipPoint
gb_map_frame_project (const GbMapFrame *frame,
                      double            mx,
                      double            my,
                      int               copy)
{
  GbClipPoint p = { (mx + copy) * frame->world - frame->cx, my * frame->world - frame->cy };

  if (frame->rotation != 0)
    {
      double x = p.x * frame->cos_r - p.y * frame->sin_r;
      double y = p.x * frame->sin_r + p.y * frame->cos_r;

      p.x = x;
      p.y = y;
    }

  p.x += frame->half_w;
  p.y += frame->half_h;
  return p;
}

/**
 * gb_map_frame_nearest_copy:
 *
 * Returns: the copy of the world on which @mx lies nearest the centre
 */
int
gb_map_frame_nearest_copy (const GbMapFrame *frame,
                           double            mx)
{
  return (int) round (frame->cx / frame->world - mx);
}

void
gb_map_boxes_clear (GbMapBoxes *boxes)
{
  for (guint i = 0; boxes->cells != NULL && i < boxes->cols * boxes->rows; i++)
    g_array_unref (boxes->cells[i]);
  g_clear_pointer (&boxes->cells, g_free);
  boxes->cols = boxes->rows = 0;
}

/* Empties @boxes for a screen of @width × @height. */
void
gb_map_boxes_reset (GbMapBoxes *boxes,
                    int         width,
                    int         height)
{
  guint cols = MAX (width, 0) / CELL + 1, rows = MAX (height, 0) / CELL + 1;

  if (cols != boxes->cols || rows != boxes->rows)
    {
      gb_map_boxes_clear (boxes);
      boxes->cols = cols;
      boxes->rows = rows;
      boxes->cells = g_new (GArray *, cols * rows);
      for (guint i = 0; i < cols * rows; i++)
        boxes->cells[i] = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    }
  else
    for (guint i = 0; i < cols * rows; i++)
      g_array_set_size (boxes->cells[i], 0);
}

static void
cell_range (const GbMapBoxes      *boxes,
            const graphene_rect_t *r,
            guint                 *c0,
            guint                 *c1,
            guint                 *r0,
            guint                 *r1)
{
  *c0 = (guint) CLAMP (floor (r->origin.x / CELL), 0, boxes->cols - 1);
  *c1 = (guint) CLAMP (floor ((r->origin.x + r->size.width) / CELL), 0, boxes->cols - 1);
  *r0 = (guint) CLAMP (floor (r->origin.y / CELL), 0, boxes->rows - 1);
  *r1 = (guint) CLAMP (floor ((r->origin.y + r->size.height) / CELL), 0, boxes->rows - 1);
}

void
gb_map_boxes_add (GbMapBoxes            *boxes,
                  const graphene_rect_t *rect)
{
  guint c0, c1, r0, r1;

  if (boxes->cells == NULL)
    return;

  cell_range (boxes, rect, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      g_array_append_val (boxes->cells[row * boxes->cols + col], *rect);
}

/* Whether @rect overlaps a rectangle added since the last reset. */
gboolean
gb_map_boxes_collides (const GbMapBoxes      *boxes,
                       const graphene_rect_t *rect)
{
  guint c0, c1, r0, r1;

  if (boxes == NULL || boxes->cells == NULL)
    return FALSE;

  cell_range (boxes, rect, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray *cell = boxes->cells[row * boxes->cols + col];

        for (guint i = 0; i < cell->len; i++)
          if (graphene_rect_intersection (rect, &g_array_index (cell, graphene_rect_t, i), NULL))
            return TRUE;
      }

  return FALSE;
}

/**
 * gb_map_layer_follow_viewport:
 * @callback: called with @layer as its only argument
 *
 * Calls @callback whenever a property of @layer's viewport (centre, zoom,
 * rotation) changes, for as long as @layer lives.
 */
void
gb_map_layer_follow_viewport (ShumateLayer *layer,
                              GCallback     callback)
{
  ShumateViewport *viewport;

  g_return_if_fail (SHUMATE_IS_LAYER (layer));
  g_return_if_fail (callback != NULL);

  viewport = shumate_layer_get_viewport (layer);
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", callback, layer, G_CONNECT_SWAPPED);
}

/**
 * gb_map_layer_follow_style:
 * @callback: called with @layer as its only argument
 *
 * Calls @callback whenever the style turns dark or light or high contrast
 * comes or goes, for as long as @layer lives.
 */
void
gb_map_layer_follow_style (ShumateLayer *layer,
                           GCallback     callback)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (SHUMATE_IS_LAYER (layer));
  g_return_if_fail (callback != NULL);

  g_signal_connect_object (manager, "notify::dark", callback, layer, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", callback, layer, G_CONNECT_SWAPPED);
}

/**
 * gb_map_layer_class_add_chosen_signal:
 * @name: the signal's name, as "place-activated"
 * @item_type: the type of its one argument, the item chosen
 *
 * Returns: the id of a signal a layer emits when the user chooses one of
 *   its items (a marker, a line, a label)
 */
guint
gb_map_layer_class_add_chosen_signal (gpointer    klass,
                                      const char *name,
                                      GType       item_type)
{
  g_return_val_if_fail (SHUMATE_IS_LAYER_CLASS (klass), 0);

  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, item_type);
}

void
gb_map_widget_set_css_class (GtkWidget  *widget,
                             const char *css_class,
                             gboolean    set)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * gb_map_layer_class_add_laid_out_signal:
 *
 * Returns: the id of "laid-out", which a layer emits once it has placed
 *   its markers or labels for a frame: the layers below that keep clear of
 *   them draw again then, though the view has not moved
 */
guint
gb_map_layer_class_add_laid_out_signal (gpointer klass)
{
  g_return_val_if_fail (SHUMATE_IS_LAYER_CLASS (klass), 0);

  return g_signal_new ("laid-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/**
 * gb_map_texture_new_for_surface:
 * @surface: (transfer full): an image surface, drawn
 *
 * Returns: (transfer full): a texture of @surface's pixels; @surface is
 *   destroyed
 */
GdkTexture *
gb_map_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int stride, height;

  g_return_val_if_fail (surface != NULL, NULL);

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);
  return texture;
}
