/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-route-format"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gb-route-format.h"

/**
 * gb_route_format_distance:
 * @metres: a distance
 *
 * Returns: (transfer full): the distance in whole kilometres, grouped as
 *   the locale groups digits ("4,524 km")
 */
char *
gb_route_format_distance (double metres)
{
  g_autofree char *number = NULL;

  if (!isfinite (metres))
    return g_strdup ("—");

  number = g_strdup_printf ("%'.0f", round (metres / 1000));
  /* TRANSLATORS: a distance; %s is the number of kilometres */
  return g_strdup_printf (_("%s km"), number);
}

/**
 * gb_route_format_duration:
 * @minutes: a duration, or 0 or less for none
 *
 * Returns: (transfer full) (nullable): "6 h 30 min", or %NULL
 */
char *
gb_route_format_duration (int minutes)
{
  int h, m;

  if (minutes <= 0)
    return NULL;

  h = minutes / 60;
  m = minutes % 60;

  if (h == 0)
    /* TRANSLATORS: a duration in minutes */
    return g_strdup_printf (_("%d min"), m);
  if (m == 0)
    /* TRANSLATORS: a duration in whole hours */
    return g_strdup_printf (_("%d h"), h);

  /* TRANSLATORS: a duration in hours and minutes, as "6 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), h, m);
}
