/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-route-label-layer"

#include "config.h"

#include "gb-route-label-layer.h"

/* The routes' label buttons, in a layer of their own above the places.
 * ShumateMap lays its layers out in order, so by the time this one is
 * allocated the place layer has placed its markers and names for the
 * frame, and the route labels can be fitted around them (see
 * gb_route_layer_allocate_labels()) with no frame of lag. The lines stay
 * in the route layer, under the places. */

struct _GbRouteLabelLayer
{
  ShumateLayer     parent_instance;

  GbRouteLayer    *routes;
  GbMapPlaceLayer *places;
};

G_DEFINE_FINAL_TYPE (GbRouteLabelLayer, gb_route_label_layer, SHUMATE_TYPE_LAYER)

static void
viewport_changed_cb (GbRouteLabelLayer *self)
{
  if (self->routes != NULL && gb_route_layer_get_n_routes (self->routes) > 0)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
gb_route_label_layer_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (widget);

  if (self->routes != NULL)
    gb_route_layer_allocate_labels (self->routes, width, height, self->places);
}

/* Only the labels take the pointer; the map around them is the map's. */
static gboolean
gb_route_label_layer_contains (GtkWidget *widget,
                               double     x,
                               double     y)
{
  return FALSE;
}

static void
gb_route_label_layer_constructed (GObject *object)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (gb_route_label_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
gb_route_label_layer_dispose (GObject *object)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (object);

  /* The labels go back to the route layer, which frees them. */
  if (self->routes != NULL)
    gb_route_layer_set_label_host (self->routes, NULL);
  g_clear_object (&self->routes);
  g_clear_object (&self->places);

  G_OBJECT_CLASS (gb_route_label_layer_parent_class)->dispose (object);
}

static void
gb_route_label_layer_class_init (GbRouteLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gb_route_label_layer_constructed;
  object_class->dispose = gb_route_label_layer_dispose;

  widget_class->size_allocate = gb_route_label_layer_size_allocate;
  widget_class->contains = gb_route_label_layer_contains;

  gtk_widget_class_set_css_name (widget_class, "map-route-labels");
}

static void
gb_route_label_layer_init (GbRouteLabelLayer *self)
{
}

/**
 * gb_route_label_layer_new:
 * @routes: the layer drawing the routes' lines
 * @places: (nullable): the place layer whose markers and names the labels
 *   keep clear of; it must be below this layer in the map
 *
 * Returns: (transfer full): a layer holding @routes' labels
 */
GbRouteLabelLayer *
gb_route_label_layer_new (ShumateViewport *viewport,
                          GbRouteLayer    *routes,
                          GbMapPlaceLayer *places)
{
  GbRouteLabelLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (GB_IS_ROUTE_LAYER (routes), NULL);
  g_return_val_if_fail (places == NULL || GB_IS_MAP_PLACE_LAYER (places), NULL);

  self = g_object_new (GB_TYPE_ROUTE_LABEL_LAYER, "viewport", viewport, NULL);
  self->routes = g_object_ref (routes);
  self->places = places != NULL ? g_object_ref (places) : NULL;
  gb_route_layer_set_label_host (routes, GTK_WIDGET (self));

  return self;
}
