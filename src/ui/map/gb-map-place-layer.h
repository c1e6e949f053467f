/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-place.h"

G_BEGIN_DECLS

#define GB_TYPE_MAP_PLACE_LAYER (gb_map_place_layer_get_type ())

G_DECLARE_FINAL_TYPE (GbMapPlaceLayer, gb_map_place_layer, GB, MAP_PLACE_LAYER, ShumateLayer)

GbMapPlaceLayer *gb_map_place_layer_new          (ShumateViewport *viewport);
void             gb_map_place_layer_add_place    (GbMapPlaceLayer *self,
                                                  GbPlace         *place);
void             gb_map_place_layer_remove_all   (GbMapPlaceLayer *self);
guint            gb_map_place_layer_get_n_places (GbMapPlaceLayer *self);
void             gb_map_place_layer_set_state    (GbMapPlaceLayer *self,
                                                  GbPlace         *place,
                                                  gboolean         linked,
                                                  gboolean         selected);
GtkWidget       *gb_map_place_layer_get_marker   (GbMapPlaceLayer *self,
                                                  GbPlace         *place);
GtkWidget       *gb_map_place_layer_get_label    (GbMapPlaceLayer *self,
                                                  GbPlace         *place);
guint            gb_map_place_layer_get_n_shown_labels (GbMapPlaceLayer *self);

void        gb_map_place_layer_keep_clear (GbMapPlaceLayer *self,
                                           GtkWidget       *widget);

G_END_DECLS
