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

#define METRES_PER_MILE 1609.344
#define METRES_PER_FOOT 0.3048

static double
round_down_nicely (double value)
{
  double power, first;

  if (!(value >= 1))
    return 0;

  power = pow (10, floor (log10 (value)));
  first = value / power;
  return power * (first >= 5 ? 5 : first >= 2 ? 2 : 1);
}

/**
 * gb_route_scale_length:
 * @metres_per_pixel: the map's scale where the bar is drawn
 * @max_pixels: the longest the bar may be
 * @label: (out) (transfer full): the length as the bar says it
 *
 * Returns: the bar's length in pixels; 0 (and a %NULL @label) when not
 *   even the shortest unit fits
 */
double
gb_route_scale_length (double        metres_per_pixel,
                       double        max_pixels,
                       GbScaleSystem system,
                       char        **label)
{
  enum { KM, M, MI, FT } unit_name;
  double longest = metres_per_pixel * max_pixels;
  static const double units[] = { [KM] = 1000, [M] = 1, [MI] = METRES_PER_MILE,
                                  [FT] = METRES_PER_FOOT };
  g_autofree char *number = NULL;
  double length;

  g_return_val_if_fail (label != NULL, 0);
  *label = NULL;

  if (!isfinite (longest) || longest <= 0)
    return 0;

  if (system == GB_SCALE_METRIC)
    unit_name = longest >= 1000 ? KM : M;
  else
    unit_name = longest >= METRES_PER_MILE ? MI : FT;

  length = round_down_nicely (longest / units[unit_name]);
  if (length <= 0)
    return 0;

  number = g_strdup_printf ("%'.0f", length);
  switch (unit_name)
    {
    case KM:
      /* TRANSLATORS: a distance; %s is the number of kilometres */
      *label = g_strdup_printf (_("%s km"), number);
      break;
    case M:
      /* TRANSLATORS: a distance on the map's scale; %s is the number of metres */
      *label = g_strdup_printf (_("%s m"), number);
      break;
    case MI:
      /* TRANSLATORS: a distance on the map's scale; %s is the number of miles */
      *label = g_strdup_printf (_("%s mi"), number);
      break;
    case FT:
    default:
      /* TRANSLATORS: a distance on the map's scale; %s is the number of feet */
      *label = g_strdup_printf (_("%s ft"), number);
      break;
    }

  return length * units[unit_name] / metres_per_pixel;
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
