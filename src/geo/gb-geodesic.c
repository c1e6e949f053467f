/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-geodesic"

#include "config.h"

#include <float.h>
#include <math.h>

#include "gb-geodesic.h"

/* Geodesics on the WGS 84 ellipsoid after C. F. F. Karney, "Algorithms for
 * geodesics", J. Geodesy 87 (2013) 43–55, doi:10.1007/s00190-012-0578-z:
 * the inverse problem is solved on the auxiliary sphere with Newton's method
 * on the initial azimuth (bisection as a fallback), the near-antipodal start
 * from the astroid, and the distance, longitude and reduced-length integrals
 * as series in the small parameter ε to sixth order. Accurate to well under
 * a micrometre on Earth; the app shows these distances, not a spherical
 * great circle's. */

#define SERIES_ORDER 6
#define N_C3 SERIES_ORDER
#define MAX_NEWTON 20
#define MAX_ITERATIONS (MAX_NEWTON + DBL_MANT_DIG + 10)

typedef struct
{
  double a, f, f1, e2, ep2, n, b;
  double a3x[SERIES_ORDER];          /* A3's coefficients, in powers of ε */
  double c3x[N_C3][SERIES_ORDER];    /* C3[l]'s coefficients, in powers of ε */
  double tiny, tol0, tol1, tol2, tolb, xthresh, etol2;
} Ellipsoid;

/* Where the geodesic starts and how its longitude runs: enough to place a
 * point anywhere along it by its arc length σ on the auxiliary sphere. */
typedef struct
{
  double lat1, lon1;
  double salp0, calp0;
  double ssig1, csig1, somg1, comg1;
  double a3c;
  double b31;
  double c3a[N_C3];
} GeodesicLine;

static const Ellipsoid *
wgs84 (void)
{
  static Ellipsoid e;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      double n, n2;

      e.a = GB_WGS84_A;
      e.f = GB_WGS84_F;
      e.f1 = 1.0 - e.f;
      e.e2 = e.f * (2.0 - e.f);
      e.ep2 = e.e2 / (e.f1 * e.f1);
      e.n = e.f / (2.0 - e.f);
      e.b = e.a * e.f1;
      n = e.n;
      n2 = n * n;

      /* A3 = Σ a3x[k] ε^k */
      e.a3x[0] = 1.0;
      e.a3x[1] = -(1.0 / 2 - n / 2);
      e.a3x[2] = -(1.0 / 4 + n / 8 - 3 * n2 / 8);
      e.a3x[3] = -(1.0 / 16 + 3 * n / 16 + n2 / 16);
      e.a3x[4] = -(3.0 / 64 + n / 32);
      e.a3x[5] = -3.0 / 128;

      /* C3[l] = Σ c3x[l][k] ε^k, l = 1 … 5 */
      e.c3x[1][1] = 1.0 / 4 - n / 4;
      e.c3x[1][2] = 1.0 / 8 - n2 / 8;
      e.c3x[1][3] = 3.0 / 64 + 3 * n / 64 - n2 / 64;
      e.c3x[1][4] = 5.0 / 128 + n / 64;
      e.c3x[1][5] = 3.0 / 128;
      e.c3x[2][2] = 1.0 / 16 - 3 * n / 32 + n2 / 32;
      e.c3x[2][3] = 3.0 / 64 - n / 32 - 3 * n2 / 64;
      e.c3x[2][4] = 3.0 / 128 + n / 128;
      e.c3x[2][5] = 5.0 / 256;
      e.c3x[3][3] = 5.0 / 192 - 3 * n / 64 + 5 * n2 / 192;
      e.c3x[3][4] = 3.0 / 128 - 5 * n / 192;
      e.c3x[3][5] = 7.0 / 512;
      e.c3x[4][4] = 7.0 / 512 - 7 * n / 256;
      e.c3x[4][5] = 7.0 / 512;
      e.c3x[5][5] = 21.0 / 2560;

      e.tiny = sqrt (DBL_MIN);
      e.tol0 = DBL_EPSILON;
      e.tol1 = 200 * e.tol0;
      e.tol2 = sqrt (e.tol0);
      e.tolb = e.tol0 * e.tol2;
      e.xthresh = 1000 * e.tol2;
      e.etol2 = 0.1 * e.tol2 / sqrt (MAX (0.001, fabs (e.f)) * MIN (1.0, 1 - e.f / 2) / 2);

      g_once_init_leave (&initialized, 1);
    }

  return &e;
}

/* Angles in degrees, exact at multiples of 90° so that poles and the
 * equator come out exactly. */

static double
deg_to_rad (double d)
{
  return d * (G_PI / 180.0);
}

static double
rad_to_deg (double r)
{
  return r * (180.0 / G_PI);
}

static double
angle_normalize (double x)
{
  double y = remainder (x, 360.0);

  return fabs (y) == 180.0 ? copysign (180.0, x) : y;
}

/* Nudges tiny angles so that sums with them are exact (avoids underflow
 * trouble for points a hair away from the equator). */
static double
angle_round (double x)
{
  const double z = 1.0 / 16;
  double y = fabs (x);

  y = y < z ? z - (z - y) : y;
  return copysign (y, x);
}

static void
sincos_degrees (double  x,
                double *sinx,
                double *cosx)
{
  double r, s, c;
  int q;

  r = fmod (x, 360.0);
  q = (int) lround (r / 90.0);
  r -= 90.0 * q;
  r = deg_to_rad (r);
  s = sin (r);
  c = cos (r);

  switch ((unsigned) q & 3u)
    {
    case 0u: *sinx = s;  *cosx = c;  break;
    case 1u: *sinx = c;  *cosx = -s; break;
    case 2u: *sinx = -s; *cosx = -c; break;
    default: *sinx = -c; *cosx = s;  break;
    }

  *cosx += 0.0;
  if (x == 0)
    *sinx = x;
}

static double
atan2_degrees (double y,
               double x)
{
  int q = 0;
  double ang;

  /* Exact at multiples of 90° too. */
  if (fabs (y) > fabs (x))
    {
      double t = x;
      x = y;
      y = t;
      q = 2;
    }
  if (signbit (x))
    {
      x = -x;
      q++;
    }

  ang = rad_to_deg (atan2 (y, x));

  switch (q)
    {
    case 1: ang = copysign (180.0, y) - ang; break;
    case 2: ang = 90.0 - ang; break;
    case 3: ang = -90.0 + ang; break;
    default: break;
    }

  return ang;
}

static void
normalize2 (double *s,
            double *c)
{
  double h = hypot (*s, *c);

  *s /= h;
  *c /= h;
}

static double
sq (double x)
{
  return x * x;
}

/* Σ c[l] sin(2lσ), l = 1 … n, by Clenshaw summation. */
static double
sin_series (double        ssig,
            double        csig,
            const double *c,
            int           n)
{
  double ar = 2 * (csig - ssig) * (csig + ssig);  /* 2 cos 2σ */
  double y0 = 0, y1 = 0;

  for (int l = n; l >= 1; l--)
    {
      double t = ar * y0 - y1 + c[l];
      y1 = y0;
      y0 = t;
    }

  return 2 * ssig * csig * y0;  /* sin 2σ · y0 */
}

static double
poly (const double *coeff,
      int           n,
      double        x)
{
  double y = 0;

  for (int k = n - 1; k >= 0; k--)
    y = y * x + coeff[k];

  return y;
}

/* The series of the distance integral I1 (eq. 17–18) … */
static double
a1m1 (double eps)
{
  double eps2 = sq (eps);
  double t = eps2 * (1.0 / 4 + eps2 * (1.0 / 64 + eps2 / 256));

  return (t + eps) / (1 - eps);
}

static void
c1 (double  eps,
    double *c)
{
  double e2 = sq (eps), e3 = e2 * eps, e4 = e2 * e2, e5 = e4 * eps, e6 = e3 * e3;

  c[1] = -eps / 2 + 3 * e3 / 16 - e5 / 32;
  c[2] = -e2 / 16 + e4 / 32 - 9 * e6 / 2048;
  c[3] = -e3 / 48 + 3 * e5 / 256;
  c[4] = -5 * e4 / 512 + 3 * e6 / 512;
  c[5] = -7 * e5 / 1280;
  c[6] = -7 * e6 / 2048;
}

/* … of the reduced-length integral I2 (eq. 42–43) … */
static double
a2m1 (double eps)
{
  double eps2 = sq (eps);
  double t = eps2 * (-3.0 / 4 + eps2 * (-7.0 / 64 - eps2 * 11 / 256));

  return (t - eps) / (1 + eps);
}

static void
c2 (double  eps,
    double *c)
{
  double e2 = sq (eps), e3 = e2 * eps, e4 = e2 * e2, e5 = e4 * eps, e6 = e3 * e3;

  c[1] = eps / 2 + e3 / 16 + e5 / 32;
  c[2] = 3 * e2 / 16 + e4 / 32 + 35 * e6 / 1024;
  c[3] = 5 * e3 / 48 + 5 * e5 / 256;
  c[4] = 35 * e4 / 512 + 7 * e6 / 128;
  c[5] = 63 * e5 / 1280;
  c[6] = 77 * e6 / 2048;
}

/* … and of the longitude integral I3 (eq. 24–25). */
static double
a3 (const Ellipsoid *e,
    double           eps)
{
  return poly (e->a3x, SERIES_ORDER, eps);
}

static void
c3 (const Ellipsoid *e,
    double           eps,
    double          *c)
{
  for (int l = 1; l < N_C3; l++)
    c[l] = poly (e->c3x[l], SERIES_ORDER, eps);
}

static double
epsilon_of (const Ellipsoid *e,
            double           calp0)
{
  double k2 = sq (calp0) * e->ep2;

  return k2 / (2 * (1 + sqrt (1 + k2)) + k2);
}

/* Distance s12/b and reduced length m12/b along the arc σ1 → σ2. */
static void
lengths (double  eps,
         double  sig12,
         double  ssig1,
         double  csig1,
         double  dn1,
         double  ssig2,
         double  csig2,
         double  dn2,
         double *s12b,
         double *m12b)
{
  double ca[SERIES_ORDER + 1], cb[SERIES_ORDER + 1];
  double a1 = a1m1 (eps), a2 = a2m1 (eps);
  double m0x = a1 - a2;
  double b1, b2, j12;

  c1 (eps, ca);
  c2 (eps, cb);
  a1 += 1;
  a2 += 1;

  b1 = sin_series (ssig2, csig2, ca, SERIES_ORDER) - sin_series (ssig1, csig1, ca, SERIES_ORDER);
  b2 = sin_series (ssig2, csig2, cb, SERIES_ORDER) - sin_series (ssig1, csig1, cb, SERIES_ORDER);

  if (s12b != NULL)
    *s12b = a1 * (sig12 + b1);

  if (m12b != NULL)
    {
      j12 = m0x * sig12 + (a1 * b1 - a2 * b2);
      *m12b = dn2 * (csig1 * ssig2) - dn1 * (ssig1 * csig2) - csig1 * csig2 * j12;
    }
}

/* The positive root k of k⁴ + 2k³ − (x² + y² − 1)k² − 2y²k − y² = 0
 * (eq. 55), for the start of nearly antipodal lines. */
static double
astroid (double x,
         double y)
{
  double p = sq (x), q = sq (y), r = (p + q - 1) / 6;

  if (!(q == 0 && r <= 0))
    {
      double s = p * q / 4, r2 = sq (r), r3 = r * r2;
      double disc = s * (s + 2 * r3);
      double u = r, v, uv, w;

      if (disc >= 0)
        {
          double t3 = s + r3, t;

          t3 += t3 < 0 ? -sqrt (disc) : sqrt (disc);
          t = cbrt (t3);
          u += t + (t != 0 ? r2 / t : 0);
        }
      else
        {
          double ang = atan2 (sqrt (-disc), -(s + r3));

          u += 2 * r * cos (ang / 3);
        }

      v = sqrt (sq (u) + q);
      uv = u < 0 ? q / (v - u) : u + v;
      w = (uv - q) / (2 * v);

      return uv / (sqrt (uv + sq (w)) + w);
    }

  return 0;
}

/* A first guess of α1: the spherical solution with a mean ω scale for short
 * lines (which may already be the answer), the astroid near the antipode. */
static double
inverse_start (const Ellipsoid *e,
               double           sbet1,
               double           cbet1,
               double           sbet2,
               double           cbet2,
               double           lam12,
               double           slam12,
               double           clam12,
               double          *salp1,
               double          *calp1,
               double          *salp2,
               double          *calp2,
               double          *dnm)
{
  double sig12 = -1;
  double sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
  double cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
  double sbet12a = sbet2 * cbet1 + cbet2 * sbet1;
  gboolean shortline = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
  double somg12, comg12, ssig12, csig12;

  if (shortline)
    {
      double sbetm2 = sq (sbet1 + sbet2), omg12;

      sbetm2 /= sbetm2 + sq (cbet1 + cbet2);
      *dnm = sqrt (1 + e->ep2 * sbetm2);
      omg12 = lam12 / (e->f1 * *dnm);
      somg12 = sin (omg12);
      comg12 = cos (omg12);
    }
  else
    {
      somg12 = slam12;
      comg12 = clam12;
    }

  *salp1 = cbet2 * somg12;
  *calp1 = comg12 >= 0
    ? sbet12 + cbet2 * sbet1 * sq (somg12) / (1 + comg12)
    : sbet12a - cbet2 * sbet1 * sq (somg12) / (1 - comg12);

  ssig12 = hypot (*salp1, *calp1);
  csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;

  if (shortline && ssig12 < e->etol2)
    {
      *salp2 = cbet1 * somg12;
      *calp2 = sbet12 - cbet1 * sbet2 * (comg12 >= 0 ? sq (somg12) / (1 + comg12) : 1 - comg12);
      normalize2 (salp2, calp2);
      sig12 = atan2 (ssig12, csig12);
    }
  else if (csig12 >= 0 || ssig12 >= 6 * fabs (e->n) * G_PI * sq (cbet1))
    {
      /* Not nearly antipodal: the spherical guess will do. */
    }
  else
    {
      double lam12x = atan2 (-slam12, -clam12);   /* λ12 − π */
      double k2 = sq (sbet1) * e->ep2;
      double eps = k2 / (2 * (1 + sqrt (1 + k2)) + k2);
      double lamscale = e->f * cbet1 * a3 (e, eps) * G_PI;
      double betscale = lamscale * cbet1;
      double x = lam12x / lamscale;
      double y = sbet12a / betscale;

      if (y > -e->tol1 && x > -1 - e->xthresh)
        {
          *salp1 = MIN (1.0, -x);
          *calp1 = -sqrt (1 - sq (*salp1));
        }
      else
        {
          double k = astroid (x, y);
          double omg12a = lamscale * (-x * k / (1 + k));

          somg12 = sin (omg12a);
          comg12 = -cos (omg12a);
          *salp1 = cbet2 * somg12;
          *calp1 = sbet12a - cbet2 * sbet1 * sq (somg12) / (1 - comg12);
        }
    }

  if (!(*salp1 <= 0))
    normalize2 (salp1, calp1);
  else
    {
      *salp1 = 1;
      *calp1 = 0;
    }

  return sig12;
}

/* λ12 as a function of α1, less the target λ12; with its derivative. */
static double
lambda12 (const Ellipsoid *e,
          double           sbet1,
          double           cbet1,
          double           dn1,
          double           sbet2,
          double           cbet2,
          double           dn2,
          double           salp1,
          double           calp1,
          double           slam120,
          double           clam120,
          double          *salp2,
          double          *calp2,
          double          *sig12,
          double          *ssig1,
          double          *csig1,
          double          *ssig2,
          double          *csig2,
          double          *eps,
          gboolean         want_derivative,
          double          *dlam12)
{
  double c3a[N_C3];
  double salp0, calp0, somg1, comg1, somg2, comg2, somg12, comg12, eta, b312, domg12;

  if (sbet1 == 0 && calp1 == 0)
    calp1 = -e->tiny;   /* break the equatorial degeneracy */

  salp0 = salp1 * cbet1;
  calp0 = hypot (calp1, salp1 * sbet1);

  *ssig1 = sbet1;
  somg1 = salp0 * sbet1;
  *csig1 = comg1 = calp1 * cbet1;
  normalize2 (ssig1, csig1);

  *salp2 = cbet2 != cbet1 ? salp0 / cbet2 : salp1;
  *calp2 = cbet2 != cbet1 || fabs (sbet2) != -sbet1
    ? sqrt (sq (calp1 * cbet1) + (cbet1 < -sbet1
                                  ? (cbet2 - cbet1) * (cbet1 + cbet2)
                                  : (sbet1 - sbet2) * (sbet1 + sbet2))) / cbet2
    : fabs (calp1);

  *ssig2 = sbet2;
  somg2 = salp0 * sbet2;
  *csig2 = comg2 = *calp2 * cbet2;
  normalize2 (ssig2, csig2);

  *sig12 = atan2 (MAX (0.0, *csig1 * *ssig2 - *ssig1 * *csig2), *csig1 * *csig2 + *ssig1 * *ssig2);
  somg12 = MAX (0.0, comg1 * somg2 - somg1 * comg2);
  comg12 = comg1 * comg2 + somg1 * somg2;
  eta = atan2 (somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);

  *eps = epsilon_of (e, calp0);
  c3 (e, *eps, c3a);
  b312 = sin_series (*ssig2, *csig2, c3a, N_C3 - 1) - sin_series (*ssig1, *csig1, c3a, N_C3 - 1);
  domg12 = -e->f * a3 (e, *eps) * salp0 * (*sig12 + b312);

  if (want_derivative)
    {
      if (*calp2 == 0)
        *dlam12 = -2 * e->f1 * dn1 / sbet1;
      else
        {
          double m12b;

          lengths (*eps, *sig12, *ssig1, *csig1, dn1, *ssig2, *csig2, dn2, NULL, &m12b);
          *dlam12 = m12b * e->f1 / (*calp2 * cbet2);
        }
    }

  return eta + domg12;
}

static void
reduced_latitude (const Ellipsoid *e,
                  double           lat,
                  double          *sbet,
                  double          *cbet,
                  double          *dn)
{
  sincos_degrees (lat, sbet, cbet);
  *sbet *= e->f1;
  normalize2 (sbet, cbet);
  *cbet = MAX (e->tiny, *cbet);
  *dn = sqrt (1 + e->ep2 * sq (*sbet));
}

/* Solves the inverse problem: distance in metres, and sine and cosine of
 * the azimuths at both ends (clockwise from north), and the arc σ12. */
static double
solve_inverse (double  lat1,
               double  lon1,
               double  lat2,
               double  lon2,
               double *salp1_out,
               double *calp1_out,
               double *salp2_out,
               double *calp2_out,
               double *sig12_out)
{
  const Ellipsoid *e = wgs84 ();
  double lon12, lon12s, lam12, slam12, clam12;
  double sbet1, cbet1, dn1, sbet2, cbet2, dn2;
  double salp1 = 0, calp1 = 1, salp2 = 0, calp2 = 1;
  double sig12 = 0, s12x = 0, m12x = 0;
  double ssig1 = 0, csig1 = 1, ssig2 = 0, csig2 = 1, eps = 0;
  double d;
  int lonsign, latsign, swapp;
  gboolean meridian;

  d = lon2 - lon1;
  lon12 = remainder (d, 360.0);
  if (fabs (lon12) == 180.0)
    lon12 = copysign (180.0, d);

  lonsign = signbit (lon12) ? -1 : 1;
  lon12 = fabs (lon12);
  lon12s = 180.0 - lon12;
  lam12 = deg_to_rad (lon12);
  if (lon12 > 90)
    {
      sincos_degrees (lon12s, &slam12, &clam12);
      clam12 = -clam12;
    }
  else
    sincos_degrees (lon12, &slam12, &clam12);

  lat1 = angle_round (lat1);
  lat2 = angle_round (lat2);

  /* Make point 1 the one farther from the equator, and south of it. */
  swapp = fabs (lat1) < fabs (lat2) ? -1 : 1;
  if (swapp < 0)
    {
      double t = lat1;

      lonsign = -lonsign;
      lat1 = lat2;
      lat2 = t;
    }
  latsign = signbit (lat1) ? 1 : -1;
  lat1 *= latsign;
  lat2 *= latsign;

  reduced_latitude (e, lat1, &sbet1, &cbet1, &dn1);
  reduced_latitude (e, lat2, &sbet2, &cbet2, &dn2);

  /* Keep |β1| = |β2| exact when the latitudes are equal in size. */
  if (cbet1 < -sbet1)
    {
      if (cbet2 == cbet1)
        sbet2 = copysign (sbet1, sbet2);
    }
  else if (fabs (sbet2) == -sbet1)
    cbet2 = cbet1;

  dn1 = sqrt (1 + e->ep2 * sq (sbet1));
  dn2 = sqrt (1 + e->ep2 * sq (sbet2));

  meridian = lat1 == -90 || slam12 == 0;

  if (meridian)
    {
      /* Along a meridian, possibly over a pole. */
      calp1 = clam12;
      salp1 = slam12;
      calp2 = 1;
      salp2 = 0;

      ssig1 = sbet1;
      csig1 = calp1 * cbet1;
      ssig2 = sbet2;
      csig2 = calp2 * cbet2;

      sig12 = atan2 (MAX (0.0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
      lengths (e->n, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, &s12x, &m12x);

      if (sig12 < 1 || m12x >= 0)
        {
          if (sig12 < 3 * e->tiny)
            sig12 = m12x = s12x = 0;
          s12x *= e->b;
          m12x *= e->b;
        }
      else
        meridian = FALSE;  /* not the shortest way: solve the general case */
    }

  if (!meridian && sbet1 == 0 && lon12s >= e->f * 180)
    {
      /* Along the equator. */
      calp1 = calp2 = 0;
      salp1 = salp2 = 1;
      s12x = e->a * lam12;
      sig12 = lam12 / e->f1;
    }
  else if (!meridian)
    {
      double dnm = 1;

      sig12 = inverse_start (e, sbet1, cbet1, sbet2, cbet2, lam12, slam12, clam12,
                             &salp1, &calp1, &salp2, &calp2, &dnm);

      if (sig12 >= 0)
        {
          /* Short line: the start was already exact enough. */
          s12x = sig12 * e->b * dnm;
        }
      else
        {
          double salp1a = e->tiny, calp1a = 1, salp1b = e->tiny, calp1b = -1;
          gboolean tripn = FALSE, tripb = FALSE;

          for (int it = 0; it < MAX_ITERATIONS; it++)
            {
              double dv = 0;
              double v = lambda12 (e, sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1,
                                   slam12, clam12, &salp2, &calp2, &sig12, &ssig1, &csig1,
                                   &ssig2, &csig2, &eps, it < MAX_NEWTON, &dv);

              if (tripb || !(fabs (v) >= (tripn ? 8 : 1) * e->tol0))
                break;

              /* Keep the bracket [α1a, α1b] around the root up to date. */
              if (v > 0 && (it > MAX_NEWTON || calp1 / salp1 > calp1b / salp1b))
                {
                  salp1b = salp1;
                  calp1b = calp1;
                }
              else if (v < 0 && (it > MAX_NEWTON || calp1 / salp1 < calp1a / salp1a))
                {
                  salp1a = salp1;
                  calp1a = calp1;
                }

              if (it < MAX_NEWTON && dv > 0)
                {
                  double dalp1 = -v / dv;

                  if (fabs (dalp1) < G_PI)
                    {
                      double sdalp1 = sin (dalp1), cdalp1 = cos (dalp1);
                      double nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;

                      if (nsalp1 > 0)
                        {
                          calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                          salp1 = nsalp1;
                          normalize2 (&salp1, &calp1);
                          tripn = fabs (v) <= 16 * e->tol0;
                          continue;
                        }
                    }
                }

              /* Newton left the bracket or stalled: bisect. */
              salp1 = (salp1a + salp1b) / 2;
              calp1 = (calp1a + calp1b) / 2;
              normalize2 (&salp1, &calp1);
              tripn = FALSE;
              tripb = (fabs (salp1a - salp1) + (calp1a - calp1) < e->tolb
                       || fabs (salp1 - salp1b) + (calp1 - calp1b) < e->tolb);
            }

          lengths (eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, &s12x, NULL);
          s12x *= e->b;
        }
    }

  /* Undo the normalizations. */
  if (swapp < 0)
    {
      double t;

      t = salp1; salp1 = salp2; salp2 = t;
      t = calp1; calp1 = calp2; calp2 = t;
    }

  salp1 *= swapp * lonsign;
  calp1 *= swapp * latsign;
  salp2 *= swapp * lonsign;
  calp2 *= swapp * latsign;

  if (salp1_out) *salp1_out = salp1;
  if (calp1_out) *calp1_out = calp1;
  if (salp2_out) *salp2_out = salp2;
  if (calp2_out) *calp2_out = calp2;
  if (sig12_out) *sig12_out = sig12;

  return 0.0 + s12x;
}

/**
 * gb_geodesic_inverse:
 * @lat1: latitude of the start, in degrees
 * @lon1: longitude of the start, in degrees
 * @lat2: latitude of the end
 * @lon2: longitude of the end
 * @azimuth1: (out) (optional): initial azimuth, degrees clockwise from north, in [-180, 180]
 * @azimuth2: (out) (optional): azimuth at the end, in the direction of travel
 *
 * The shortest path on the WGS 84 ellipsoid between two points.
 *
 * Returns: its length in metres, or NaN if a latitude is out of [-90, 90]
 *   or an argument is not finite
 */
double
gb_geodesic_inverse (double  lat1,
                     double  lon1,
                     double  lat2,
                     double  lon2,
                     double *azimuth1,
                     double *azimuth2)
{
  double salp1, calp1, salp2, calp2, s12;

  if (!isfinite (lat1) || !isfinite (lon1) || !isfinite (lat2) || !isfinite (lon2)
      || fabs (lat1) > 90 || fabs (lat2) > 90)
    {
      if (azimuth1) *azimuth1 = NAN;
      if (azimuth2) *azimuth2 = NAN;
      return NAN;
    }

  s12 = solve_inverse (lat1, lon1, lat2, lon2, &salp1, &calp1, &salp2, &calp2, NULL);

  if (azimuth1)
    *azimuth1 = atan2_degrees (salp1, calp1);
  if (azimuth2)
    *azimuth2 = atan2_degrees (salp2, calp2);

  return s12;
}

/**
 * gb_geodesic_spherical_distance:
 *
 * The great-circle distance on a sphere of the mean Earth radius
 * (6,371,008.8 m), by the haversine formula. Only for comparison: the app
 * shows gb_geodesic_inverse()'s ellipsoidal distance.
 *
 * Returns: the distance in metres
 */
double
gb_geodesic_spherical_distance (double lat1,
                                double lon1,
                                double lat2,
                                double lon2)
{
  double p1 = deg_to_rad (lat1), p2 = deg_to_rad (lat2);
  double dp = p2 - p1, dl = deg_to_rad (lon2 - lon1);
  double h = sq (sin (dp / 2)) + cos (p1) * cos (p2) * sq (sin (dl / 2));

  return 2 * 6371008.8 * asin (MIN (1.0, sqrt (h)));
}

static void
line_init (GeodesicLine *line,
           double        lat1,
           double        lon1,
           double        salp1,
           double        calp1)
{
  const Ellipsoid *e = wgs84 ();
  double sbet1, cbet1, dn1, eps;

  line->lat1 = lat1;
  line->lon1 = lon1;

  reduced_latitude (e, angle_round (lat1), &sbet1, &cbet1, &dn1);

  line->salp0 = salp1 * cbet1;
  line->calp0 = hypot (calp1, salp1 * sbet1);

  line->ssig1 = sbet1;
  line->somg1 = line->salp0 * sbet1;
  line->csig1 = line->comg1 = (sbet1 != 0 || calp1 != 0) ? cbet1 * calp1 : 1;
  normalize2 (&line->ssig1, &line->csig1);

  eps = epsilon_of (e, line->calp0);
  line->a3c = -e->f * line->salp0 * a3 (e, eps);
  c3 (e, eps, line->c3a);
  line->b31 = sin_series (line->ssig1, line->csig1, line->c3a, N_C3 - 1);
}

/* The point at arc length σ12 (radians on the auxiliary sphere) from the
 * start; its longitude counts whole turns so the path never jumps. */
static void
line_position (const GeodesicLine *line,
               double              sig12,
               double             *lat,
               double             *lon)
{
  const Ellipsoid *e = wgs84 ();
  double ssig12 = sin (sig12), csig12 = cos (sig12);
  double ssig2, csig2, sbet2, cbet2, somg2, comg2, sgn, omg12, lam12;

  ssig2 = line->ssig1 * csig12 + line->csig1 * ssig12;
  csig2 = line->csig1 * csig12 - line->ssig1 * ssig12;
  sbet2 = line->calp0 * ssig2;
  cbet2 = hypot (line->salp0, line->calp0 * csig2);
  if (cbet2 == 0)
    cbet2 = csig2 = e->tiny;

  somg2 = line->salp0 * ssig2;
  comg2 = csig2;
  sgn = copysign (1.0, line->salp0);

  omg12 = sgn * (sig12
                 - (atan2 (ssig2, csig2) - atan2 (line->ssig1, line->csig1))
                 + (atan2 (sgn * somg2, comg2) - atan2 (sgn * line->somg1, line->comg1)));
  lam12 = omg12 + line->a3c * (sig12 + (sin_series (ssig2, csig2, line->c3a, N_C3 - 1)
                                        - line->b31));

  *lat = atan2_degrees (sbet2, e->f1 * cbet2);
  *lon = line->lon1 + rad_to_deg (lam12);
}

static gboolean
line_for (double        lat1,
          double        lon1,
          double        lat2,
          double        lon2,
          GeodesicLine *line,
          double       *sig12)
{
  double salp1, calp1;

  if (!isfinite (lat1) || !isfinite (lon1) || !isfinite (lat2) || !isfinite (lon2)
      || fabs (lat1) > 90 || fabs (lat2) > 90)
    return FALSE;

  solve_inverse (lat1, lon1, lat2, lon2, &salp1, &calp1, NULL, NULL, sig12);
  line_init (line, lat1, angle_normalize (lon1), salp1, calp1);

  return TRUE;
}

/**
 * gb_geodesic_densify:
 * @n_segments: how many pieces to cut the geodesic into, at least 1
 *
 * Points along the geodesic from the start to the end, both included,
 * evenly spaced in arc length on the auxiliary sphere (which is within
 * 0.2% of evenly spaced in distance). The first longitude is @lon1 brought
 * into [-180, 180]; the others are unwrapped from it, so a path across the
 * antimeridian runs on past ±180 instead of jumping back.
 *
 * Returns: (transfer full): a #GArray of #GbGeoPoint, @n_segments + 1 long,
 *   or %NULL if an argument is out of range
 */
GArray *
gb_geodesic_densify (double lat1,
                     double lon1,
                     double lat2,
                     double lon2,
                     guint  n_segments)
{
  GeodesicLine line;
  GArray *points;
  double sig12;

  g_return_val_if_fail (n_segments >= 1, NULL);
  g_return_val_if_fail (n_segments < 1000000, NULL);

  if (!line_for (lat1, lon1, lat2, lon2, &line, &sig12))
    return NULL;

  points = g_array_sized_new (FALSE, FALSE, sizeof (GbGeoPoint), n_segments + 1);

  for (guint i = 0; i <= n_segments; i++)
    {
      GbGeoPoint p;

      if (i == 0)
        {
          p.latitude = lat1;
          p.longitude = line.lon1;
        }
      else
        line_position (&line, sig12 * i / n_segments, &p.latitude, &p.longitude);

      g_array_append_val (points, p);
    }

  /* Land exactly on the end point (the same meridian, unwrapped). */
  if (n_segments >= 1)
    {
      GbGeoPoint *last = &g_array_index (points, GbGeoPoint, n_segments);

      last->latitude = lat2;
      if (fabs (lat2) < 90)
        last->longitude += remainder (lon2 - last->longitude, 360.0);
    }

  return points;
}

double
gb_mercator_x (double longitude)
{
  return (longitude + 180.0) / 360.0;
}

double
gb_mercator_y (double latitude)
{
  double phi = deg_to_rad (CLAMP (latitude, -GB_MERCATOR_MAX_LATITUDE, GB_MERCATOR_MAX_LATITUDE));

  return 0.5 - log (tan (G_PI / 4 + phi / 2)) / (2 * G_PI);
}

double
gb_mercator_latitude (double y)
{
  return rad_to_deg (2 * atan (exp ((0.5 - y) * 2 * G_PI)) - G_PI / 2);
}

double
gb_mercator_longitude (double x)
{
  return x * 360.0 - 180.0;
}

/* How far, in metres on the ground, the straight Web Mercator segment from
 * a to b strays from the geodesic point m halfway between them. */
static double
chord_deviation (const GbGeoPoint *a,
                 const GbGeoPoint *b,
                 const GbGeoPoint *m)
{
  double cx = (gb_mercator_x (a->longitude) + gb_mercator_x (b->longitude)) / 2;
  double cy = (gb_mercator_y (a->latitude) + gb_mercator_y (b->latitude)) / 2;
  double dx = gb_mercator_x (m->longitude) - cx;
  double dy = gb_mercator_y (m->latitude) - cy;
  double lat = MIN (fabs (m->latitude), GB_MERCATOR_MAX_LATITUDE);

  /* One world unit is the equator's length; shrink by the local scale. */
  return hypot (dx, dy) * 2 * G_PI * GB_WGS84_A * cos (deg_to_rad (lat));
}

static void
path_refine (const GeodesicLine *line,
             double              sig_a,
             const GbGeoPoint   *a,
             double              sig_b,
             const GbGeoPoint   *b,
             double              max_deviation,
             guint               depth,
             GArray             *out)
{
  GbGeoPoint m;
  double sig_m = (sig_a + sig_b) / 2;

  line_position (line, sig_m, &m.latitude, &m.longitude);

  if (depth < 20 && chord_deviation (a, b, &m) > max_deviation)
    {
      path_refine (line, sig_a, a, sig_m, &m, max_deviation, depth + 1, out);
      path_refine (line, sig_m, &m, sig_b, b, max_deviation, depth + 1, out);
    }
  else
    g_array_append_val (out, *b);
}

/**
 * gb_geodesic_path:
 * @max_deviation: the largest distance in metres that a straight Web
 *   Mercator segment of the path may stray from the true geodesic; 0 or
 *   less means %GB_GEODESIC_PATH_TOLERANCE
 *
 * Like gb_geodesic_densify(), but with as few points as keep every segment,
 * drawn straight on a Web Mercator map, within @max_deviation of the
 * geodesic (measured at the middle of each segment, which is where a short
 * arc strays farthest). Segments are never longer than 5° of arc.
 *
 * Returns: (transfer full): a #GArray of #GbGeoPoint, or %NULL if an
 *   argument is out of range
 */
GArray *
gb_geodesic_path (double lat1,
                  double lon1,
                  double lat2,
                  double lon2,
                  double max_deviation)
{
  g_autoptr(GArray) coarse = NULL;
  GeodesicLine line;
  GArray *out;
  double sig12;
  guint n;

  if (!(max_deviation > 0))
    max_deviation = GB_GEODESIC_PATH_TOLERANCE;

  if (!line_for (lat1, lon1, lat2, lon2, &line, &sig12))
    return NULL;

  n = MAX (1u, (guint) ceil (rad_to_deg (sig12) / 5.0));
  coarse = gb_geodesic_densify (lat1, lon1, lat2, lon2, n);
  out = g_array_sized_new (FALSE, FALSE, sizeof (GbGeoPoint), 4 * n + 1);
  g_array_append_val (out, g_array_index (coarse, GbGeoPoint, 0));

  for (guint i = 0; i < n; i++)
    path_refine (&line,
                 sig12 * i / n, &g_array_index (coarse, GbGeoPoint, i),
                 sig12 * (i + 1) / n, &g_array_index (coarse, GbGeoPoint, i + 1),
                 max_deviation, 0, out);

  return out;
}

/**
 * gb_geodesic_max_deviation:
 * @points: (array length=n_points): consecutive points of one geodesic
 *
 * Measures a path independently of how it was made: for each segment,
 * solves the geodesic between its ends afresh and compares the geodesic's
 * midpoint with the middle of the straight Web Mercator segment.
 *
 * Returns: the largest such distance, in metres
 */
double
gb_geodesic_max_deviation (const GbGeoPoint *points,
                           guint             n_points)
{
  double worst = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, 0);

  for (guint i = 0; i + 1 < n_points; i++)
    {
      const GbGeoPoint *a = &points[i], *b = &points[i + 1];
      GeodesicLine line;
      GbGeoPoint m;
      double sig12;

      if (!line_for (a->latitude, a->longitude, b->latitude, b->longitude, &line, &sig12))
        return NAN;

      /* Measure on a's copy of the world, like the segment itself. */
      line.lon1 = a->longitude;
      line_position (&line, sig12 / 2, &m.latitude, &m.longitude);
      worst = MAX (worst, chord_deviation (a, b, &m));
    }

  return worst;
}
