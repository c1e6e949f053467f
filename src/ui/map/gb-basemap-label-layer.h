/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-basemap.h"
#include "gb-map-place-layer.h"
#include "gb-route-label-layer.h"

G_BEGIN_DECLS

#define GB_TYPE_BASEMAP_LABEL_LAYER (gb_basemap_label_layer_get_type ())

G_DECLARE_FINAL_TYPE (GbBasemapLabelLayer, gb_basemap_label_layer, GB, BASEMAP_LABEL_LAYER,
                      ShumateLayer)

GbBasemapLabelLayer *gb_basemap_label_layer_new           (ShumateViewport     *viewport,
                                                           GbMapPlaceLayer     *places,
                                                           GbRouteLabelLayer   *route_labels);
void                 gb_basemap_label_layer_set_languages (GbBasemapLabelLayer *self,
                                                           const char * const  *languages);
guint                gb_basemap_label_layer_get_n_shown   (GbBasemapLabelLayer *self);
const char          *gb_basemap_label_layer_get_shown     (GbBasemapLabelLayer *self,
                                                           guint                i,
                                                           graphene_rect_t     *bounds);
gboolean             gb_basemap_label_layer_is_complete   (GbBasemapLabelLayer *self);

G_END_DECLS
