/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-geodesic.h"
#include "gb-route.h"

G_BEGIN_DECLS

#define GB_TYPE_ROUTE_LAYER (gb_route_layer_get_type ())

G_DECLARE_FINAL_TYPE (GbRouteLayer, gb_route_layer, GB, ROUTE_LAYER, ShumateLayer)

GbRouteLayer *gb_route_layer_new            (ShumateViewport *viewport);
void          gb_route_layer_add_route      (GbRouteLayer    *self,
                                             GbRoute         *route);
void          gb_route_layer_remove_all     (GbRouteLayer    *self);
guint         gb_route_layer_get_n_routes   (GbRouteLayer    *self);
void          gb_route_layer_set_state      (GbRouteLayer    *self,
                                             GbRoute         *route,
                                             gboolean         linked,
                                             gboolean         selected);
GArray       *gb_route_layer_dup_outline    (GbRouteLayer    *self,
                                             GbRoute         *route);

G_END_DECLS
