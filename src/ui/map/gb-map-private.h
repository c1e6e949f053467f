/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the map's layers share and nothing outside src/ui/map needs: the
 * projection of one frame, the boxes labels keep clear of, and what the
 * route layer tells the layer holding the routes' labels. */

#include <shumate/shumate.h>

#include "gb-clip.h"
#include "gb-map-place-layer.h"
#include "gb-route-label-layer.h"
#include "gb-route-layer.h"

G_BEGIN_DECLS

/* The view's Web Mercator projection for one frame, read once from the
 * viewport and the widget's size. */
typedef struct
{
  double world;          /* world size in pixels at this zoom */
  double cx, cy;         /* the view's centre, in world pixels */
  double half_w, half_h;
  double rotation;
  double sin_r, cos_r;
  int    width, height;
} GbMapFrame;

gboolean    gb_map_frame_init         (GbMapFrame      *frame,
                                       ShumateViewport *viewport,
                                       int              width,
                                       int              height);
GbClipPoint gb_map_frame_project      (const GbMapFrame *frame,
                                       double            mx,
                                       double            my,
                                       int               copy);
int         gb_map_frame_nearest_copy (const GbMapFrame *frame,
                                       double            mx);

void        gb_map_layer_follow_viewport (ShumateLayer *layer,
                                          GCallback     callback);
void        gb_map_layer_follow_style    (ShumateLayer *layer,
                                          GCallback     callback);
guint       gb_map_layer_class_add_chosen_signal (gpointer    klass,
                                                  const char *name,
                                                  GType       item_type);
void        gb_map_widget_set_css_class  (GtkWidget    *widget,
                                          const char   *css_class,
                                          gboolean      set);
guint       gb_map_layer_class_add_laid_out_signal (gpointer klass);
GdkTexture *gb_map_texture_new_for_surface (cairo_surface_t *surface);

/* Rectangles already taken on the screen, in square cells so that a
 * thousand labels cost a look at a few neighbours each. */
typedef struct
{
  GArray **cells;   /* graphene_rect_t, per cell */
  guint    cols, rows;
} GbMapBoxes;

void     gb_map_boxes_reset    (GbMapBoxes            *boxes,
                                int                    width,
                                int                    height);
void     gb_map_boxes_clear    (GbMapBoxes            *boxes);
void     gb_map_boxes_add      (GbMapBoxes            *boxes,
                                const graphene_rect_t *rect);
gboolean gb_map_boxes_collides (const GbMapBoxes      *boxes,
                                const graphene_rect_t *rect);

const GbMapBoxes *gb_map_place_layer_get_boxes (GbMapPlaceLayer *self);
const GbMapBoxes *gb_route_label_layer_get_boxes (GbRouteLabelLayer *self);

/* A route's line as the route layer knows it, for its label. */
typedef struct
{
  GbRoute  *route;
  guint     index;
  double    distance;              /* metres */
  double    azimuth;               /* initial heading, degrees */
  double    mid_x, mid_y;          /* Web Mercator, unwrapped */
  double    tangent_x, tangent_y;  /* direction of travel there */
  gboolean  linked;
  gboolean  selected;
  gboolean  hovered;
} GbRouteLine;

/* GbRouteLayer::lines-changed is emitted when routes come or go or their
 * state (linked, selected, hovered) changes. */
const GbRouteLine *gb_route_layer_get_line (GbRouteLayer *self,
                                            guint         i);

G_END_DECLS
