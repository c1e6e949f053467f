/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-map-place-layer.h"
#include "gb-route-layer.h"

G_BEGIN_DECLS

#define GB_TYPE_ROUTE_LABEL_LAYER (gb_route_label_layer_get_type ())

G_DECLARE_FINAL_TYPE (GbRouteLabelLayer, gb_route_label_layer, GB, ROUTE_LABEL_LAYER, ShumateLayer)

GbRouteLabelLayer *gb_route_label_layer_new            (ShumateViewport   *viewport,
                                                        GbRouteLayer      *routes,
                                                        GbMapPlaceLayer   *places);
GtkWidget         *gb_route_label_layer_get_label      (GbRouteLabelLayer *self,
                                                        GbRoute           *route);
gboolean           gb_route_label_layer_label_is_shown (GbRouteLabelLayer *self,
                                                        GbRoute           *route);

G_END_DECLS
