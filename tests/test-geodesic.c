/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-geodesic"

#include "config.h"

#include <math.h>

#include "gb-geodesic.h"
#include "gb-test.h"

/* Reference values from GeographicLib 2.0 (python3-geographiclib,
 * Geodesic.WGS84.Inverse), computed once and kept here as literals. */
typedef struct
{
  const char *name;
  double lat1, lon1, lat2, lon2;
  double s12;     /* metres */
  double azi1;    /* degrees */
  double azi2;
} InverseCase;

static const InverseCase inverse_cases[] = {
  { "nqz-icn", 51.0222, 71.4669, 37.4602, 126.4407, 4523970.816009, 87.437179731, 127.601842578 },
  { "astana-seoul", 51.1694, 71.4491, 37.5665, 126.978, 4554816.061464, 87.066602614, 127.755207916 },
  { "near-antipodal-equator", 0, 0, 0.5, 179.7, 19944127.420750, 15.556882793, 164.442513891 },
  { "near-antipodal", -30, 0, 29.9, 179.8, 19989832.827610, 161.890524736, 18.090737246 },
  { "antipodal-equator", 0, 0, 0, 180, 20003931.458625, 0.000000000, 180.000000000 },
  { "antimeridian-akl-hnl", -37.0082, 174.785, 21.3187, -157.9225, 7063227.182700, 28.570691639,
    24.221722110 },
  { "antimeridian-hnd-anc", 35.5494, 139.7798, 61.1743, -149.9982, 5577430.579179, 36.344918664,
    92.992624398 },
  { "over-north-pole", 80, 0, 80, 180, 2233651.714752, 0.000000000, 180.000000000 },
  { "from-north-pole", 90, 0, -33.9, 151.2, 13754535.023154, 28.800000000, 180.000000000 },
  { "near-south-pole", -90, 0, -89, 45, 111693.864914, 45.000000000, 0.000000000 },
  { "identical", 51.1694, 71.4491, 51.1694, 71.4491, 0.000000, 180.000000000, 180.000000000 },
  { "equator", 0, 0, 0, 90, 10018754.171395, 90.000000000, 90.000000000 },
  { "meridian", 0, 10, 60, 10, 6654072.819491, 0.000000000, 0.000000000 },
  { "jfk-sin", 40.6413, -73.7781, 1.3644, 103.9915, 15346880.806500, 3.305999961, 177.487712387 },
  { "one-metre", 37.4602, 126.4407, 37.460209, 126.4407, 0.998877, 0.000000000, 0.000000000 },
};

static double
angle_diff (double a,
            double b)
{
  return fabs (remainder (a - b, 360.0));
}

static void
test_inverse_case (gconstpointer data)
{
  const InverseCase *c = data;
  double azi1, azi2, s12;

  s12 = gb_geodesic_inverse (c->lat1, c->lon1, c->lat2, c->lon2, &azi1, &azi2);

  /* The literals carry 1 µm and 1e-9° of precision. */
  g_assert_cmpfloat_with_epsilon (s12, c->s12, 2e-6);
  g_assert_cmpfloat (angle_diff (azi1, c->azi1), <=, 2e-9);
  g_assert_cmpfloat (angle_diff (azi2, c->azi2), <=, 2e-9);

  /* And backwards: the same length, the azimuths reversed. */
  s12 = gb_geodesic_inverse (c->lat2, c->lon2, c->lat1, c->lon1, &azi1, &azi2);
  g_assert_cmpfloat_with_epsilon (s12, c->s12, 2e-6);
}

static void
test_inverse_story (void)
{
  double azi1;
  double s12;

  /* The figures context-facts.md quotes, as the app rounds them. */
  s12 = gb_geodesic_inverse (51.0222, 71.4669, 37.4602, 126.4407, &azi1, NULL);
  g_assert_cmpfloat (fabs (s12 / 1000 - 4524.0), <, 0.05);
  g_assert_cmpfloat (fabs (azi1 - 87.44), <, 0.005);

  s12 = gb_geodesic_inverse (51.1694, 71.4491, 37.5665, 126.9780, &azi1, NULL);
  g_assert_cmpfloat (fabs (s12 / 1000 - 4554.8), <, 0.05);
  g_assert_cmpfloat (fabs (azi1 - 87.07), <, 0.005);

  /* A sphere gives a different figure: the app is not showing that one. */
  s12 = gb_geodesic_spherical_distance (51.0222, 71.4669, 37.4602, 126.4407);
  g_assert_cmpfloat (fabs (s12 / 1000 - 4524.0), >, 1.0);
}

static void
test_inverse_invalid (void)
{
  double azi1 = 0;

  g_assert_true (isnan (gb_geodesic_inverse (91, 0, 0, 0, &azi1, NULL)));
  g_assert_true (isnan (azi1));
  g_assert_true (isnan (gb_geodesic_inverse (0, NAN, 0, 0, NULL, NULL)));
  g_assert_true (isnan (gb_geodesic_inverse (0, 0, 0, INFINITY, NULL, NULL)));
  g_assert_null (gb_geodesic_densify (0, 0, -90.5, 0, 4));
  g_assert_null (gb_geodesic_path (0, 0, 0, NAN, 0));

  /* Longitudes beyond ±180 are the same meridians. */
  g_assert_cmpfloat_with_epsilon (gb_geodesic_inverse (0, 540, 0, 90, NULL, NULL),
                                  10018754.171395, 2e-6);
}

static void
test_densify_on_geodesic (void)
{
  g_autoptr(GArray) points = gb_geodesic_densify (51.0222, 71.4669, 37.4602, 126.4407, 64);
  double total = gb_geodesic_inverse (51.0222, 71.4669, 37.4602, 126.4407, NULL, NULL);
  const GbGeoPoint *first, *last;

  g_assert_nonnull (points);
  g_assert_cmpuint (points->len, ==, 65);

  first = &g_array_index (points, GbGeoPoint, 0);
  last = &g_array_index (points, GbGeoPoint, 64);
  g_assert_cmpfloat (first->latitude, ==, 51.0222);
  g_assert_cmpfloat (first->longitude, ==, 71.4669);
  g_assert_cmpfloat_with_epsilon (last->latitude, 37.4602, 1e-12);
  g_assert_cmpfloat_with_epsilon (last->longitude, 126.4407, 1e-12);

  /* Every point lies on the shortest path: no detour through it. */
  for (guint i = 1; i < points->len; i++)
    {
      const GbGeoPoint *p = &g_array_index (points, GbGeoPoint, i);
      double a = gb_geodesic_inverse (first->latitude, first->longitude,
                                      p->latitude, p->longitude, NULL, NULL);
      double b = gb_geodesic_inverse (p->latitude, p->longitude,
                                      last->latitude, last->longitude, NULL, NULL);

      g_assert_cmpfloat (fabs (a + b - total), <, 1e-3);
      /* Roughly even spacing (equal arcs on the auxiliary sphere). */
      g_assert_cmpfloat (fabs (a / total - (double) i / 64), <, 2e-3);
    }
}

static double
latitude_at_longitude (GArray *points,
                       double  longitude)
{
  for (guint i = 0; i + 1 < points->len; i++)
    {
      const GbGeoPoint *a = &g_array_index (points, GbGeoPoint, i);
      const GbGeoPoint *b = &g_array_index (points, GbGeoPoint, i + 1);

      if ((a->longitude - longitude) * (b->longitude - longitude) <= 0 && a->longitude != b->longitude)
        {
          double t = (longitude - a->longitude) / (b->longitude - a->longitude);

          return a->latitude + t * (b->latitude - a->latitude);
        }
    }

  return NAN;
}

static void
test_densify_bows_north (void)
{
  g_autoptr(GArray) points = gb_geodesic_densify (51.0222, 71.4669, 37.4602, 126.4407, 512);
  double mid_lon = (71.4669 + 126.4407) / 2;
  double geodesic_lat = latitude_at_longitude (points, mid_lon);
  double straight_lat = gb_mercator_latitude ((gb_mercator_y (51.0222) + gb_mercator_y (37.4602)) / 2);

  /* GeographicLib: 48.4653° N on the geodesic at 98.9538° E; the straight
   * Web Mercator line is at 44.6356° N there. */
  g_assert_cmpfloat_with_epsilon (geodesic_lat, 48.4653, 1e-3);
  g_assert_cmpfloat_with_epsilon (straight_lat, 44.6356, 1e-3);
  g_assert_cmpfloat (geodesic_lat - straight_lat, >, 3.5);
}

static void
test_densify_antimeridian (void)
{
  g_autoptr(GArray) points = gb_geodesic_densify (-37.0082, 174.785, 21.3187, -157.9225, 100);
  const GbGeoPoint *last = &g_array_index (points, GbGeoPoint, 100);
  gboolean crossed = FALSE;

  /* Unwrapped: eastwards past 180° instead of jumping back to -180°. */
  for (guint i = 0; i + 1 < points->len; i++)
    {
      const GbGeoPoint *a = &g_array_index (points, GbGeoPoint, i);
      const GbGeoPoint *b = &g_array_index (points, GbGeoPoint, i + 1);

      g_assert_cmpfloat (b->longitude, >, a->longitude);
      g_assert_cmpfloat (b->longitude - a->longitude, <, 2.0);
      crossed |= a->longitude < 180 && b->longitude >= 180;
    }
  g_assert_true (crossed);
  g_assert_cmpfloat_with_epsilon (last->longitude, -157.9225 + 360, 1e-9);

  /* GeographicLib's midpoint (by distance) of this line: 8.0887° S,
   * 189.4959° E unrolled; it lies on our path. */
  g_assert_cmpfloat_with_epsilon (latitude_at_longitude (points, 189.49594543507303),
                                  -8.08870416829392, 1e-3);

  /* And westwards the other way round. */
  {
    g_autoptr(GArray) back = gb_geodesic_densify (21.3187, -157.9225, -37.0082, 174.785, 100);

    g_assert_cmpfloat_with_epsilon (g_array_index (back, GbGeoPoint, 100).longitude,
                                    174.785 - 360, 1e-9);
  }
}

static void
test_densify_degenerate (void)
{
  g_autoptr(GArray) same = gb_geodesic_densify (51.1694, 71.4491, 51.1694, 71.4491, 8);
  g_autoptr(GArray) pole = gb_geodesic_densify (80, 0, 80, 180, 8);
  g_autoptr(GArray) path = NULL;

  for (guint i = 0; i < same->len; i++)
    {
      g_assert_cmpfloat_with_epsilon (g_array_index (same, GbGeoPoint, i).latitude, 51.1694, 1e-12);
      g_assert_cmpfloat_with_epsilon (g_array_index (same, GbGeoPoint, i).longitude, 71.4491, 1e-12);
    }

  /* Over the pole: the middle point is the pole itself. */
  g_assert_cmpfloat_with_epsilon (g_array_index (pole, GbGeoPoint, 4).latitude, 90, 1e-9);

  path = gb_geodesic_path (0, 0, 0, 180, 0);
  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, >=, 3);
  g_assert_cmpuint (path->len, <, 10000);
}

static void
test_path_tolerance (void)
{
  static const double tolerances[] = { 1000, 100, 10, 1 };
  static const double routes[][4] = {
    { 51.0222, 71.4669, 37.4602, 126.4407 },
    { 40.6413, -73.7781, 1.3644, 103.9915 },
    { -37.0082, 174.785, 21.3187, -157.9225 },
    { 35.5494, 139.7798, 61.1743, -149.9982 },
    { -30, 0, 29.9, 179.8 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    {
      guint previous_len = 0;

      for (guint t = 0; t < G_N_ELEMENTS (tolerances); t++)
        {
          g_autoptr(GArray) path = gb_geodesic_path (routes[r][0], routes[r][1],
                                                     routes[r][2], routes[r][3], tolerances[t]);
          double deviation = gb_geodesic_max_deviation ((GbGeoPoint *) path->data, path->len);

          g_test_message ("route %u, tolerance %g m: %u points, worst %.2f m",
                          r, tolerances[t], path->len, deviation);
          g_assert_cmpfloat (deviation, <=, tolerances[t]);
          g_assert_cmpuint (path->len, >=, previous_len);
          previous_len = path->len;
        }
    }

  /* The measure can fail: a coarse straight-segment path strays far. */
  {
    g_autoptr(GArray) coarse = gb_geodesic_densify (51.0222, 71.4669, 37.4602, 126.4407, 2);

    g_assert_cmpfloat (gb_geodesic_max_deviation ((GbGeoPoint *) coarse->data, coarse->len),
                       >, 10000);
  }
}

static void
test_mercator (void)
{
  g_assert_cmpfloat_with_epsilon (gb_mercator_x (-180), 0, 1e-15);
  g_assert_cmpfloat_with_epsilon (gb_mercator_x (180), 1, 1e-15);
  g_assert_cmpfloat_with_epsilon (gb_mercator_y (0), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (gb_mercator_y (GB_MERCATOR_MAX_LATITUDE), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gb_mercator_y (90), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gb_mercator_latitude (gb_mercator_y (51.1694)), 51.1694, 1e-12);
  g_assert_cmpfloat_with_epsilon (gb_mercator_longitude (gb_mercator_x (126.978)), 126.978, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  gb_test_add_cases ("/geodesic/inverse", inverse_cases, test_inverse_case);
  g_test_add_func ("/geodesic/inverse/story", test_inverse_story);
  g_test_add_func ("/geodesic/inverse/invalid", test_inverse_invalid);
  g_test_add_func ("/geodesic/densify/on-geodesic", test_densify_on_geodesic);
  g_test_add_func ("/geodesic/densify/bows-north", test_densify_bows_north);
  g_test_add_func ("/geodesic/densify/antimeridian", test_densify_antimeridian);
  g_test_add_func ("/geodesic/densify/degenerate", test_densify_degenerate);
  g_test_add_func ("/geodesic/path/tolerance", test_path_tolerance);
  g_test_add_func ("/geodesic/mercator", test_mercator);

  return g_test_run ();
}
