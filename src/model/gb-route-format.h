/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A route's length and travel time as every view shows them: the route
 * layer's labels and the details pane say the same. */

char *gb_route_format_distance (double metres);
char *gb_route_format_duration (int    minutes);

/* A map's scale bar: the longest round length (1, 2 or 5 times a power of
 * ten) that fits in @max_pixels, and its label in the same words as the
 * routes' ("500 km", "200 m"; "300 mi", "1,000 ft"). */
typedef enum
{
  GB_SCALE_METRIC,
  GB_SCALE_IMPERIAL,
} GbScaleSystem;

double gb_route_scale_length   (double        metres_per_pixel,
                                double        max_pixels,
                                GbScaleSystem system,
                                char        **label);

G_END_DECLS
