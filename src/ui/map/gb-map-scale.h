/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "gb-route-format.h"

G_BEGIN_DECLS

#define GB_TYPE_MAP_SCALE (gb_map_scale_get_type ())

/* The map's scale: a metric and an imperial bar under the viewport's
 * centre, labelled in the interface's language as the routes are ("500
 * км"); libshumate's own scale says "km" and "mi" in every language. */
G_DECLARE_FINAL_TYPE (GbMapScale, gb_map_scale, GB, MAP_SCALE, GtkWidget)

#define GB_MAP_SCALE_MAX_WIDTH 120

GtkWidget   *gb_map_scale_new        (ShumateViewport *viewport);
const char  *gb_map_scale_get_label  (GbMapScale      *self,
                                      GbScaleSystem    system);

G_END_DECLS
