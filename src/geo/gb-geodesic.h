/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The WGS 84 ellipsoid: semi-major axis in metres and flattening. */
#define GB_WGS84_A 6378137.0
#define GB_WGS84_F (1.0 / 298.257223563)

/* Web Mercator's latitude limit, where the square world map ends. */
#define GB_MERCATOR_MAX_LATITUDE 85.05112877980659

typedef struct
{
  double latitude;   /* degrees */
  double longitude;  /* degrees; along a path, unwrapped (may leave [-180, 180]) */
} GbGeoPoint;

/* The tolerance gb_geodesic_path() uses by default, in metres: no straight
 * Web Mercator segment of the drawn path strays farther than this from the
 * true geodesic. */
#define GB_GEODESIC_PATH_TOLERANCE 100.0

double   gb_geodesic_inverse         (double      lat1,
                                      double      lon1,
                                      double      lat2,
                                      double      lon2,
                                      double     *azimuth1,
                                      double     *azimuth2);
double   gb_geodesic_spherical_distance (double   lat1,
                                      double      lon1,
                                      double      lat2,
                                      double      lon2);
GArray  *gb_geodesic_densify         (double      lat1,
                                      double      lon1,
                                      double      lat2,
                                      double      lon2,
                                      guint       n_segments);
GArray  *gb_geodesic_path            (double      lat1,
                                      double      lon1,
                                      double      lat2,
                                      double      lon2,
                                      double      max_deviation);
double   gb_geodesic_max_deviation   (const GbGeoPoint *points,
                                      guint       n_points);

/* Web Mercator in world units: x and y in [0, 1] for the one world copy,
 * x growing east, y growing south. Longitudes outside [-180, 180] give x
 * outside [0, 1], which keeps unwrapped paths continuous. */
double   gb_mercator_x               (double      longitude);
double   gb_mercator_y               (double      latitude);
double   gb_mercator_latitude        (double      y);
double   gb_mercator_longitude       (double      x);

G_END_DECLS
