/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A route's length and travel time as every view shows them: the route
 * layer's labels and the details pane say the same. */

char *gb_route_format_distance (double metres);
char *gb_route_format_duration (int    minutes);

G_END_DECLS
