/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Time zones named by files. GLib reads a zone name as a path under the zone
 * database, or as any path at all, or as a POSIX TZ rule: a file could make it
 * open a FIFO or /proc/self/environ. Only IANA names pass here: "UTC", or
 * Area/Location[/Sub] with parts of letters, digits, "_", "+" and "-", found
 * in the system's list of zones. */

gboolean   gb_time_zone_name_is_known (const char *name);
/* The zone @name, or %NULL when gb_time_zone_name_is_known() refuses it. */
GTimeZone *gb_time_zone_new_known     (const char *name);

/* The names gb_time_zone_name_is_known() accepts, sorted, "UTC" first; only
 * "UTC" on a system with no list of zones. */
GStrv      gb_time_zone_dup_names     (void);

G_END_DECLS
