/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-basemap"

#include "config.h"

#include <math.h>

#include "gb-basemap.h"
#include "gb-geodesic.h"

typedef struct
{
  double x, y;
  guint  crossings;
} InsideData;

/* Even-odd ray casting to the east, the rule the layer fills with. */
static void
count_crossings_cb (const float *xy,
                    guint        n_points,
                    gpointer     user_data)
{
  InsideData *d = user_data;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > d->y) != (yj > d->y) && d->x < (xj - xi) * (d->y - yi) / (yj - yi) + xi)
        d->crossings++;
    }
}

static gboolean
is_land (GbBasemapLevel *level,
         double          latitude,
         double          longitude)
{
  double size = gb_basemap_level_get_world_size (level);
  InsideData d = { gb_mercator_x (longitude) * size, gb_mercator_y (latitude) * size, 0 };

  /* Only rings whose bounds reach the point's row can cross the ray. */
  gb_basemap_level_foreach_part (level, GB_BASEMAP_LAND, d.x, d.y, size, 0,
                                 count_crossings_cb, &d);
  return d.crossings % 2 == 1;
}

typedef struct
{
  const char *name;
  double latitude, longitude;
  gboolean land;
} Probe;

static const Probe probes[] = {
  { "Astana", 51.1694, 71.4491, TRUE },
  { "Seoul", 37.5665, 126.9780, TRUE },
  { "Daejeon", 36.3504, 127.3845, TRUE },
  { "Yellow Sea", 36.0, 124.0, FALSE },
  { "Sea of Japan", 40.0, 134.0, FALSE },
  { "Caspian Sea", 42.0, 50.5, FALSE },
  { "mid-Pacific", 0.0, -150.0, FALSE },
  { "Sahara", 23.0, 12.0, TRUE },
  { "Chukotka, 174° W", 66.0, -174.0, TRUE },
  { "Bering Strait", 65.8, -169.0, FALSE },
  { "Laptev Sea", 76.0, 125.0, FALSE },
  { "Taymyr", 74.0, 100.0, TRUE },
  { "Antarctica", -80.0, 0.0, TRUE },
};

static void
test_load_default (void)
{
  GbBasemap *basemap = gb_basemap_get_default ();

  g_assert_nonnull (basemap);
  g_assert_true (basemap == gb_basemap_get_default ());
  g_assert_cmpuint (gb_basemap_get_n_parts (basemap, GB_BASEMAP_LAND), >, 1000);
  g_assert_cmpuint (gb_basemap_get_n_parts (basemap, GB_BASEMAP_COAST), >, 1000);
  g_assert_cmpuint (gb_basemap_get_n_parts (basemap, GB_BASEMAP_BORDERS), >, 200);
  g_assert_cmpuint (gb_basemap_get_n_points (basemap, GB_BASEMAP_LAND), >, 50000);
}

static void
test_land_and_sea (void)
{
  GbBasemap *basemap = gb_basemap_get_default ();
  static const int zooms[] = { 4, 7, GB_BASEMAP_MAX_LEVEL };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      GbBasemapLevel *level = gb_basemap_get_level (basemap, zooms[z]);

      for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
        {
          g_test_message ("zoom %d: %s", zooms[z], probes[i].name);
          g_assert_cmpint (is_land (level, probes[i].latitude, probes[i].longitude), ==,
                           probes[i].land);
        }
    }
}

static void
test_levels (void)
{
  GbBasemap *basemap = gb_basemap_get_default ();
  GbBasemapLevel *z0 = gb_basemap_get_level (basemap, 0);
  GbBasemapLevel *z5 = gb_basemap_get_level (basemap, 5);
  GbBasemapLevel *top = gb_basemap_get_level (basemap, GB_BASEMAP_MAX_LEVEL);

  /* Made once per level and kept. */
  g_assert_true (z5 == gb_basemap_get_level (basemap, 5));
  g_assert_true (top == gb_basemap_get_level (basemap, GB_BASEMAP_MAX_LEVEL + 7));
  g_assert_true (z0 == gb_basemap_get_level (basemap, -3));

  g_assert_cmpint (gb_basemap_level_get_zoom (z5), ==, 5);
  g_assert_cmpfloat (gb_basemap_level_get_world_size (z5), ==, 256 * 32);

  /* Thinner where a pixel covers more ground. */
  g_assert_cmpuint (gb_basemap_level_get_n_points (z0, GB_BASEMAP_LAND), <,
                    gb_basemap_level_get_n_points (z5, GB_BASEMAP_LAND));
  g_assert_cmpuint (gb_basemap_level_get_n_points (z5, GB_BASEMAP_LAND), <,
                    gb_basemap_level_get_n_points (top, GB_BASEMAP_LAND));
  g_assert_cmpuint (gb_basemap_level_get_n_points (top, GB_BASEMAP_LAND), <=,
                    gb_basemap_get_n_points (basemap, GB_BASEMAP_LAND));
  g_test_message ("land points: zoom 0 %u, zoom 5 %u, zoom %d %u, source %u",
                  gb_basemap_level_get_n_points (z0, GB_BASEMAP_LAND),
                  gb_basemap_level_get_n_points (z5, GB_BASEMAP_LAND),
                  GB_BASEMAP_MAX_LEVEL, gb_basemap_level_get_n_points (top, GB_BASEMAP_LAND),
                  gb_basemap_get_n_points (basemap, GB_BASEMAP_LAND));
}

static void
count_cb (const float *xy,
          guint        n_points,
          gpointer     user_data)
{
  *(guint *) user_data += 1;
}

static void
test_clip (void)
{
  GbBasemapLevel *level = gb_basemap_get_level (gb_basemap_get_default (), 6);
  double size = gb_basemap_level_get_world_size (level);
  guint all = 0, korea = 0, ocean = 0;
  double kx = gb_mercator_x (126) * size, ky = gb_mercator_y (38) * size;

  gb_basemap_level_foreach_part (level, GB_BASEMAP_COAST, 0, 0, size, size, count_cb, &all);
  gb_basemap_level_foreach_part (level, GB_BASEMAP_COAST, kx, ky, 64, 64, count_cb, &korea);
  gb_basemap_level_foreach_part (level, GB_BASEMAP_BORDERS,
                                 gb_mercator_x (-140) * size, gb_mercator_y (-40) * size, 32, 32,
                                 count_cb, &ocean);

  g_assert_cmpuint (korea, >, 0);
  g_assert_cmpuint (korea, <, all / 10);
  g_assert_cmpuint (ocean, ==, 0);
}

static GBytes *
header (guint8 n_layers)
{
  static const guint8 h[] = {
    'G', 'B', 'B', 'M', 1, 0, 0, 0,
    /* sx = 1.0, sy = 1.0, tx = 0, ty = 0 */
    0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
    0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
  };
  guint8 *copy = g_memdup2 (h, sizeof h);

  copy[5] = n_layers;
  return g_bytes_new_take (copy, sizeof h);
}

static GBytes *
concat (GBytes       *head,
        const guint8 *tail,
        gsize         tail_len)
{
  GByteArray *a = g_byte_array_new ();
  gsize len;
  const guint8 *d = g_bytes_get_data (head, &len);

  g_byte_array_append (a, d, len);
  g_byte_array_append (a, tail, tail_len);
  return g_byte_array_free_to_bytes (a);
}

typedef struct
{
  const char *what;
  GBytes     *bytes;
} Damaged;

/* Each of @cases is refused with an error, and freed. */
static void
assert_refused (Damaged *cases,
                guint    n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GbBasemap) bad = NULL;
      g_autoptr(GError) bad_error = NULL;

      g_test_message ("damaged: %s", cases[i].what);
      bad = gb_basemap_new_from_bytes (cases[i].bytes, &bad_error);
      g_assert_null (bad);
      g_assert_nonnull (bad_error);
      g_bytes_unref (cases[i].bytes);
    }
}

static void
test_damaged (void)
{
  /* A valid one-triangle land layer: (1,1) (2,1) (1,2). */
  static const guint8 triangle[] = {
    1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 0,
    3, 2, 2, 2, 0, 1, 2,
  };
  static const guint8 bad_size[] = {
    1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f,
  };
  static const guint8 overflow[] = {
    1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 0,
    0xff, 0xff, 0xff, 0xff, 0x7f, 0, 0,
  };
  static const guint8 off_globe[] = {
    1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0, 0,
    3, 0xe8, 0x07, 2, 2, 0, 1, 2, 0,
  };
  g_autoptr(GBytes) head = header (1);
  g_autoptr(GBytes) good = concat (head, triangle, sizeof triangle);
  g_autoptr(GbBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  Damaged cases[] = {
    { "empty", g_bytes_new_static ("", 0) },
    { "magic", g_bytes_new_static ("GBBX\1\0\0\0", 8) },
    { "version", g_bytes_new_static ("GBBM\2\1\0\0", 8) },
    { "no layers", header (0) },
    { "truncated header", g_bytes_new_from_bytes (good, 0, 20) },
    { "truncated payload", g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) - 1) },
    { "payload size", concat (head, bad_size, sizeof bad_size) },
    { "varint overflow", concat (head, overflow, sizeof overflow) },
    { "off the globe", concat (head, off_globe, sizeof off_globe) },
  };

  basemap = gb_basemap_new_from_bytes (good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gb_basemap_get_n_parts (basemap, GB_BASEMAP_LAND), ==, 1);
  g_assert_cmpuint (gb_basemap_get_n_points (basemap, GB_BASEMAP_LAND), ==, 3);

  assert_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_mutations (void)
{
  g_autoptr(GBytes) real = g_resources_lookup_data (GB_BASEMAP_RESOURCE, 0, NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (real, &len);
  g_autofree guint8 *copy = g_memdup2 (data, len);
  GRand *rand = g_rand_new_with_seed (4);
  guint failed = 0;

  /* Flipped bytes and cut-off files must give an error or a basemap,
   * never a crash or a hang; the header and early payload matter most. */
  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GbBasemap) basemap = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize cut = len;
      guint pos;

      memcpy (copy, data, len);
      pos = g_rand_int_range (rand, 0, MIN (len, 4096));
      copy[pos] ^= 1u << g_rand_int_range (rand, 0, 8);
      if (round % 3 == 0)
        cut = g_rand_int_range (rand, 0, len);

      bytes = g_bytes_new_static (copy, cut);
      basemap = gb_basemap_new_from_bytes (bytes, &error);
      g_assert_true ((basemap == NULL) != (error == NULL));
      failed += basemap == NULL;
    }

  g_assert_cmpuint (failed, >, 0);
  g_rand_free (rand);
}

static void
test_names_default (void)
{
  GbBasemap *basemap = gb_basemap_get_default ();
  const char * const en[] = { "en", NULL };
  const char * const ko[] = { "ko_KR.UTF-8", "ko_KR", "ko", "C", NULL };
  const char * const ru[] = { "ru", NULL };
  const char * const kk[] = { "kk_KZ", "kk", NULL };
  const char * const de[] = { "de_DE", "de", "C", NULL };
  guint n = gb_basemap_get_n_names (basemap);
  const GbBasemapName *kz = NULL;
  guint kz_index = 0;

  g_assert_cmpuint (n, >, 200);

  for (guint i = 0; i < n; i++)
    {
      const GbBasemapName *name = gb_basemap_get_name (basemap, i);

      g_assert_cmpint (name->kind, ==, GB_BASEMAP_NAME_COUNTRY);
      g_assert_cmpuint (name->min_zoom, >=, 2);
      /* Most important first. */
      if (i > 0)
        g_assert_cmpuint (name->rank, >=, gb_basemap_get_name (basemap, i - 1)->rank);
      g_assert_cmpstr (gb_basemap_get_name_text (basemap, i, en), !=, "");
      if (g_str_equal (gb_basemap_get_name_text (basemap, i, en), "Kazakhstan"))
        {
          kz = name;
          kz_index = i;
        }
    }

  g_assert_nonnull (kz);
  g_assert_cmpuint (kz->min_zoom, <=, 3);
  g_assert_cmpfloat (kz->x, >, gb_mercator_x (50));
  g_assert_cmpfloat (kz->x, <, gb_mercator_x (85));
  g_assert_cmpfloat (kz->y, <, gb_mercator_y (42));
  g_assert_cmpfloat (kz->y, >, gb_mercator_y (54));
  g_assert_cmpstr (gb_basemap_get_name_text (basemap, kz_index, ko), ==, "카자흐스탄");
  g_assert_cmpstr (gb_basemap_get_name_text (basemap, kz_index, ru), ==, "Казахстан");
  g_assert_cmpstr (gb_basemap_get_name_text (basemap, kz_index, kk), ==, "Қазақстан");
  /* A language the file has no names in gets English. */
  g_assert_cmpstr (gb_basemap_get_name_text (basemap, kz_index, de), ==, "Kazakhstan");
}

/* A basemap of one triangle of land and a names layer of @payload. */
static GBytes *
with_names (const guint8 *payload,
            gsize         len,
            guint         n_names,
            guint         n_languages)
{
  static const guint8 triangle[] = {
    1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 0,
    3, 2, 2, 2, 0, 1, 2,
  };
  g_autoptr(GBytes) head = header (2);
  g_autoptr(GBytes) land = concat (head, triangle, sizeof triangle);
  guint8 layer[16] = { 4, 0, 0, 0, n_names, 0, 0, 0, n_languages, 0, 0, 0, len, 0, 0, 0 };
  g_autoptr(GBytes) named = concat (land, layer, sizeof layer);

  return concat (named, payload, len);
}

#define LANGS 2, 'e', 'n', 2, 'k', 'o'
/* A country at 10° E, 20° N from zoom 3, rank 0. */
#define PLACE 1, 3, 0, 0, 20, 40

static void
test_names_damaged (void)
{
  static const guint8 good[] = { LANGS, PLACE, 2, 'A', 'b', 0 };
  static const guint8 bad_tag[] = { 2, 'e', 'n', 2, 'K', 'o', PLACE, 2, 'A', 'b', 0 };
  static const guint8 no_en[] = { 2, 'k', 'o', 2, 'e', 'n', PLACE, 2, 'A', 'b', 0 };
  static const guint8 empty_en[] = { LANGS, PLACE, 0, 2, 'A', 'b' };
  static const guint8 bad_utf8[] = { LANGS, PLACE, 2, 0xc3, 0x28, 0 };
  static const guint8 nul[] = { LANGS, PLACE, 2, 'A', 0, 0 };
  static const guint8 control[] = { LANGS, PLACE, 2, 'A', '\n', 0 };
  static const guint8 too_long[] = { LANGS, PLACE, 0xff, 0x7f, 'A', 0 };
  static const guint8 kind[] = { LANGS, 9, 3, 0, 0, 20, 40, 2, 'A', 'b', 0 };
  static const guint8 zoom[] = { LANGS, 1, 99, 0, 0, 20, 40, 2, 'A', 'b', 0 };
  static const guint8 pole[] = { LANGS, 1, 3, 0, 0, 20, 178, 1, 2, 'A', 'b', 0 };
  static const guint8 extra[] = { LANGS, PLACE, 2, 'A', 'b', 0, 0 };
  static const guint8 truncated[] = { LANGS, PLACE, 2, 'A' };
  Damaged cases[] = {
    { "tag", with_names (bad_tag, sizeof bad_tag, 1, 2) },
    { "English not first", with_names (no_en, sizeof no_en, 1, 2) },
    { "no English", with_names (empty_en, sizeof empty_en, 1, 2) },
    { "UTF-8", with_names (bad_utf8, sizeof bad_utf8, 1, 2) },
    { "NUL", with_names (nul, sizeof nul, 1, 2) },
    { "control character", with_names (control, sizeof control, 1, 2) },
    { "text length", with_names (too_long, sizeof too_long, 1, 2) },
    { "kind", with_names (kind, sizeof kind, 1, 2) },
    { "zoom", with_names (zoom, sizeof zoom, 1, 2) },
    { "off the map", with_names (pole, sizeof pole, 1, 2) },
    { "bytes left over", with_names (extra, sizeof extra, 1, 2) },
    { "truncated", with_names (truncated, sizeof truncated, 1, 2) },
    { "more names than bytes", with_names (good, sizeof good, 200, 2) },
    { "no languages", with_names (good, sizeof good, 1, 0) },
    { "too many languages", with_names (good, sizeof good, 1, 9) },
  };
  g_autoptr(GBytes) bytes = with_names (good, sizeof good, 1, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbBasemap) basemap = gb_basemap_new_from_bytes (bytes, &error);
  const char * const ko[] = { "ko", NULL };
  const GbBasemapName *name;

  g_assert_no_error (error);
  g_assert_cmpuint (gb_basemap_get_n_names (basemap), ==, 1);
  name = gb_basemap_get_name (basemap, 0);
  g_assert_cmpint (name->kind, ==, GB_BASEMAP_NAME_COUNTRY);
  g_assert_cmpuint (name->min_zoom, ==, 3);
  g_assert_cmpfloat_with_epsilon (name->x, gb_mercator_x (10), 1e-9);
  g_assert_cmpfloat_with_epsilon (name->y, gb_mercator_y (20), 1e-9);
  /* No Korean text: the English one. */
  g_assert_cmpstr (gb_basemap_get_name_text (basemap, 0, ko), ==, "Ab");

  assert_refused (cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/basemap/load/default", test_load_default);
  g_test_add_func ("/basemap/load/damaged", test_damaged);
  g_test_add_func ("/basemap/load/mutations", test_mutations);
  g_test_add_func ("/basemap/project/land-and-sea", test_land_and_sea);
  g_test_add_func ("/basemap/project/levels", test_levels);
  g_test_add_func ("/basemap/project/clip", test_clip);
  g_test_add_func ("/basemap/names/default", test_names_default);
  g_test_add_func ("/basemap/names/damaged", test_names_damaged);

  return g_test_run ();
}
