/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-basemap.h"

G_BEGIN_DECLS

#define GB_TYPE_BASEMAP_LAYER (gb_basemap_layer_get_type ())

G_DECLARE_FINAL_TYPE (GbBasemapLayer, gb_basemap_layer, GB, BASEMAP_LAYER, ShumateLayer)

GbBasemapLayer *gb_basemap_layer_new           (ShumateViewport *viewport);
GbBasemap      *gb_basemap_layer_get_basemap   (GbBasemapLayer  *self);
void            gb_basemap_layer_set_basemap   (GbBasemapLayer  *self,
                                                GbBasemap       *basemap);
gboolean        gb_basemap_layer_is_complete   (GbBasemapLayer  *self);
guint           gb_basemap_layer_get_n_cached_tiles (GbBasemapLayer *self);

G_END_DECLS
