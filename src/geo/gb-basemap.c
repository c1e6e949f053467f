/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-basemap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gb-basemap.h"
#include "gb-geodesic.h"

/* The offline basemap: Natural Earth 1:50m land, coastlines and country
 * borders in the compact "GBBM" format that build-aux/make-basemap.py
 * writes (the format is described there). Loading projects every point
 * to Web Mercator once; each zoom level then gets its own copy in that
 * level's pixels, thinned to what a pixel can show, made on first use and
 * kept. Drawing asks for the parts that meet a rectangle. The file also
 * holds place names, each in a few languages. */

#define HEADER_SIZE 40
#define LAYER_HEADER_SIZE 16
#define MAX_LAYERS 8
#define MAX_POINTS (8u * 1024 * 1024)
#define SIMPLIFY_PIXELS 0.5
#define NAMES_KIND 4
#define MAX_NAMES 4096
#define MAX_NAME_LANGUAGES 8
#define MAX_NAME_BYTES 200
#define MAX_NAME_ZOOM 30
#define NO_TEXT G_MAXUINT

typedef struct
{
  guint   n_parts;
  guint   n_points;
  guint  *part_start;   /* n_parts + 1 offsets, in points */
  double *xy;           /* Web Mercator world units, [0, 1] */
} Layer;

typedef struct
{
  guint   n_parts;
  guint   n_points;
  guint  *part_start;
  float  *xy;           /* the level's pixels */
  float  *bbox;         /* per part: x0, y0, x1, y1 */
} LevelLayer;

struct _GbBasemapLevel
{
  int        zoom;
  double     world_size;
  LevelLayer layers[GB_BASEMAP_N_KINDS];
};

struct _GbBasemap
{
  GObject          parent_instance;

  Layer            layers[GB_BASEMAP_N_KINDS];
  GbBasemapLevel  *levels[GB_BASEMAP_MAX_LEVEL + 1];

  /* Place names: n_names × n_languages offsets into strings, or NO_TEXT. */
  guint            n_names;
  guint            n_languages;
  gboolean         have_names;
  GbBasemapName   *names;
  char             languages[MAX_NAME_LANGUAGES][4];
  guint           *text_offsets;
  char            *strings;
};

G_DEFINE_FINAL_TYPE (GbBasemap, gb_basemap, G_TYPE_OBJECT)

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Reader;

static gboolean
read_bytes (Reader       *r,
            gsize         n,
            const guint8 **out)
{
  if (r->len - r->pos < n)
    return FALSE;

  *out = r->data + r->pos;
  r->pos += n;
  return TRUE;
}

static gboolean
read_u32 (Reader  *r,
          guint32 *out)
{
  const guint8 *p;

  if (!read_bytes (r, 4, &p))
    return FALSE;

  *out = (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
  return TRUE;
}

static gboolean
read_f64 (Reader *r,
          double *out)
{
  const guint8 *p;
  guint64 bits = 0;

  if (!read_bytes (r, 8, &p))
    return FALSE;

  for (int i = 7; i >= 0; i--)
    bits = bits << 8 | p[i];

  memcpy (out, &bits, sizeof *out);
  return TRUE;
}

/* An unsigned LEB128 value of at most 32 bits. */
static gboolean
read_varint (Reader  *r,
             guint32 *out)
{
  guint32 value = 0;

  for (guint shift = 0; shift < 35; shift += 7)
    {
      guint8 byte;

      if (r->pos >= r->len)
        return FALSE;

      byte = r->data[r->pos++];
      if (shift == 28 && (byte & 0x70) != 0)
        return FALSE;   /* would overflow 32 bits */

      value |= (guint32) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *out = value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_zigzag (Reader *r,
             gint64 *out)
{
  guint32 v;

  if (!read_varint (r, &v))
    return FALSE;

  *out = (v & 1) ? -(gint64) (v >> 1) - 1 : (gint64) (v >> 1);
  return TRUE;
}

static void
layer_clear (Layer *layer)
{
  g_clear_pointer (&layer->part_start, g_free);
  g_clear_pointer (&layer->xy, g_free);
  layer->n_parts = layer->n_points = 0;
}

static void
level_free (GbBasemapLevel *level)
{
  for (guint k = 0; k < GB_BASEMAP_N_KINDS; k++)
    {
      g_free (level->layers[k].part_start);
      g_free (level->layers[k].xy);
      g_free (level->layers[k].bbox);
    }

  g_free (level);
}

static gboolean
decode_layer (Reader   *r,
              Layer    *layer,
              guint     n_parts,
              guint     n_points,
              gsize     payload_len,
              double    sx,
              double    sy,
              double    tx,
              double    ty,
              gboolean  closed,
              GError  **error)
{
  Reader payload;
  const guint8 *data;
  gint64 x = 0, y = 0;
  guint point = 0;

  if (!read_bytes (r, payload_len, &data))
    goto truncated;

  /* Every point takes at least two bytes, every part one more. */
  if (n_points > MAX_POINTS || n_parts > n_points / 2 || (gsize) n_points * 2 > payload_len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap layer counts are implausible");
      return FALSE;
    }

  payload = (Reader) { data, payload_len, 0 };
  layer->part_start = g_new (guint, n_parts + 1);
  layer->xy = g_new (double, (gsize) n_points * 2);

  for (guint part = 0; part < n_parts; part++)
    {
      guint32 count;

      if (!read_varint (&payload, &count))
        goto truncated;
      if (count < (closed ? 3u : 2u) || count > n_points - point)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap part %u has a bad size", part);
          return FALSE;
        }

      layer->part_start[part] = point;

      for (guint i = 0; i < count; i++, point++)
        {
          gint64 dx, dy;
          double lon, lat;

          if (!read_zigzag (&payload, &dx) || !read_zigzag (&payload, &dy))
            goto truncated;

          x += dx;
          y += dy;
          lon = x * sx + tx;
          lat = y * sy + ty;

          if (!(lon >= -180.001 && lon <= 180.001 && lat >= -90.001 && lat <= 90.001))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Basemap point %u is off the globe", point);
              return FALSE;
            }

          layer->xy[2 * point] = gb_mercator_x (CLAMP (lon, -180.0, 180.0));
          layer->xy[2 * point + 1] = gb_mercator_y (lat);
        }
    }

  if (point != n_points || payload.pos != payload.len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap layer sizes disagree");
      return FALSE;
    }

  layer->part_start[n_parts] = point;
  layer->n_parts = n_parts;
  layer->n_points = n_points;
  return TRUE;

truncated:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap data is truncated");
  return FALSE;
}

static gboolean
names_invalid (GError     **error,
               const char  *what,
               guint        i)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap name %u %s", i, what);
  return FALSE;
}

static gboolean
read_language_tags (GbBasemap *self,
                    Reader    *r)
{
  for (guint l = 0; l < self->n_languages; l++)
    {
      const guint8 *tag;
      guint8 len;

      if (!read_bytes (r, 1, &tag))
        return FALSE;
      len = tag[0];
      if (len < 2 || len > 3 || !read_bytes (r, len, &tag))
        return FALSE;

      for (guint c = 0; c < len; c++)
        if (tag[c] < 'a' || tag[c] > 'z')
          return FALSE;

      memcpy (self->languages[l], tag, len);
      self->languages[l][len] = '\0';
    }

  return strcmp (self->languages[0], "en") == 0;
}

/* A name's text: valid UTF-8 without control characters, so that what the
 * map shows is what the file holds and nothing else. */
static gboolean
read_name_text (Reader      *r,
                GString     *strings,
                guint       *offset)
{
  const guint8 *text;
  guint32 len;

  if (!read_varint (r, &len) || len > MAX_NAME_BYTES || !read_bytes (r, len, &text))
    return FALSE;

  if (len == 0)
    {
      *offset = NO_TEXT;
      return TRUE;
    }

  if (!g_utf8_validate_len ((const char *) text, len, NULL))
    return FALSE;
  for (const char *c = (const char *) text; c < (const char *) text + len; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      return FALSE;

  *offset = strings->len;
  g_string_append_len (strings, (const char *) text, len);
  g_string_append_c (strings, '\0');
  return TRUE;
}

static gboolean
decode_names (GbBasemap  *self,
              Reader     *r,
              guint       n_names,
              guint       n_languages,
              gsize       payload_len,
              double      sx,
              double      sy,
              double      tx,
              double      ty,
              GError    **error)
{
  g_autoptr(GString) strings = NULL;
  const guint8 *data;
  Reader payload;

  if (!read_bytes (r, payload_len, &data))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap data is truncated");
      return FALSE;
    }
  /* Every name takes at least six bytes and one per language. */
  if (n_names > MAX_NAMES || n_languages < 1 || n_languages > MAX_NAME_LANGUAGES
      || (gsize) n_names * (6 + n_languages) > payload_len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap name counts are implausible");
      return FALSE;
    }

  self->have_names = TRUE;
  self->n_languages = n_languages;
  payload = (Reader) { data, payload_len, 0 };
  if (!read_language_tags (self, &payload))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap name languages are damaged");
      return FALSE;
    }

  strings = g_string_new (NULL);
  self->names = g_new0 (GbBasemapName, MAX (n_names, 1));
  self->text_offsets = g_new (guint, (gsize) MAX (n_names, 1) * n_languages);

  for (guint i = 0; i < n_names; i++)
    {
      GbBasemapName *name = &self->names[i];
      const guint8 *p;
      gint64 x, y;
      double lon, lat;

      if (!read_bytes (&payload, 4, &p) || !read_zigzag (&payload, &x) || !read_zigzag (&payload, &y))
        return names_invalid (error, "is truncated", i);
      if (p[0] != GB_BASEMAP_NAME_COUNTRY && p[0] != GB_BASEMAP_NAME_CAPITAL)
        return names_invalid (error, "names something unknown", i);
      if (p[1] > MAX_NAME_ZOOM)
        return names_invalid (error, "has an implausible zoom", i);

      lon = x * sx + tx;
      lat = y * sy + ty;
      if (!(lon >= -180.001 && lon <= 180.001 && lat >= -85.06 && lat <= 85.06))
        return names_invalid (error, "is off the map", i);

      name->kind = p[0];
      name->min_zoom = p[1];
      name->rank = (guint) p[2] | (guint) p[3] << 8;
      name->x = gb_mercator_x (CLAMP (lon, -180.0, 180.0));
      name->y = gb_mercator_y (lat);

      for (guint l = 0; l < n_languages; l++)
        if (!read_name_text (&payload, strings, &self->text_offsets[(gsize) i * n_languages + l]))
          return names_invalid (error, "has a damaged text", i);

      if (self->text_offsets[(gsize) i * n_languages] == NO_TEXT)
        return names_invalid (error, "has no English text", i);

      self->n_names = i + 1;
    }

  if (payload.pos != payload.len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap name sizes disagree");
      return FALSE;
    }

  self->strings = g_string_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

static gboolean
parse (GbBasemap  *self,
       GBytes     *bytes,
       GError    **error)
{
  Reader r;
  const guint8 *p;
  double sx, sy, tx, ty;
  guint n_layers;

  r.data = g_bytes_get_data (bytes, &r.len);
  r.pos = 0;

  if (!read_bytes (&r, 8, &p) || memcmp (p, "GBBM", 4) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not a basemap file");
      return FALSE;
    }
  if (p[4] != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Basemap version %u is unknown", p[4]);
      return FALSE;
    }

  n_layers = p[5];
  if (n_layers > MAX_LAYERS
      || !read_f64 (&r, &sx) || !read_f64 (&r, &sy) || !read_f64 (&r, &tx) || !read_f64 (&r, &ty))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap header is damaged");
      return FALSE;
    }
  if (!(fabs (sx) > 1e-9 && fabs (sx) < 360 && fabs (sy) > 1e-9 && fabs (sy) < 180
        && fabs (tx) <= 360 && fabs (ty) <= 180))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap grid is implausible");
      return FALSE;
    }

  for (guint i = 0; i < n_layers; i++)
    {
      guint32 n_parts, n_points, payload_len;
      Layer *layer;
      guint kind;

      if (!read_bytes (&r, 4, &p) || !read_u32 (&r, &n_parts) || !read_u32 (&r, &n_points)
          || !read_u32 (&r, &payload_len))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap data is truncated");
          return FALSE;
        }

      kind = p[0];
      if (kind == NAMES_KIND && !self->have_names)
        {
          if (!decode_names (self, &r, n_parts, n_points, payload_len, sx, sy, tx, ty, error))
            return FALSE;
          continue;
        }
      if (kind < 1 || kind > GB_BASEMAP_N_KINDS || self->layers[kind - 1].xy != NULL)
        {
          /* A layer from a later version, or a repeat: step over it. */
          const guint8 *skip;

          if (!read_bytes (&r, payload_len, &skip))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap data is truncated");
              return FALSE;
            }
          continue;
        }

      layer = &self->layers[kind - 1];
      if (!decode_layer (&r, layer, n_parts, n_points, payload_len, sx, sy, tx, ty,
                         kind == GB_BASEMAP_LAND, error))
        return FALSE;
    }

  if (self->layers[GB_BASEMAP_LAND - 1].n_parts == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Basemap has no land");
      return FALSE;
    }

  return TRUE;
}

static void
gb_basemap_finalize (GObject *object)
{
  GbBasemap *self = (GbBasemap *) object;

  for (guint k = 0; k < GB_BASEMAP_N_KINDS; k++)
    layer_clear (&self->layers[k]);

  for (guint z = 0; z <= GB_BASEMAP_MAX_LEVEL; z++)
    g_clear_pointer (&self->levels[z], level_free);

  g_clear_pointer (&self->names, g_free);
  g_clear_pointer (&self->text_offsets, g_free);
  g_clear_pointer (&self->strings, g_free);

  G_OBJECT_CLASS (gb_basemap_parent_class)->finalize (object);
}

static void
gb_basemap_class_init (GbBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gb_basemap_finalize;
}

static void
gb_basemap_init (GbBasemap *self)
{
}

/**
 * gb_basemap_new_from_bytes:
 * @bytes: the contents of a GBBM file
 *
 * Reads and checks a basemap; damaged data give an error, never a crash.
 *
 * Returns: (transfer full) (nullable): the basemap
 */
GbBasemap *
gb_basemap_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(GbBasemap) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GB_TYPE_BASEMAP, NULL);

  if (!parse (self, bytes, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * gb_basemap_get_default:
 *
 * The bundled Natural Earth basemap, loaded from the app's resources on
 * first use and kept for the life of the process.
 *
 * Returns: (transfer none) (nullable): the basemap, or %NULL if the
 *   resource is missing or damaged (a packaging bug, logged)
 */
GbBasemap *
gb_basemap_get_default (void)
{
  static GbBasemap *basemap;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      bytes = g_resources_lookup_data (GB_BASEMAP_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        basemap = gb_basemap_new_from_bytes (bytes, &error);

      if (basemap == NULL)
        g_warning ("The offline basemap could not be loaded: %s", error->message);
    }

  return basemap;
}

guint
gb_basemap_get_n_parts (GbBasemap     *self,
                        GbBasemapKind  kind)
{
  g_return_val_if_fail (GB_IS_BASEMAP (self), 0);
  g_return_val_if_fail (kind >= 1 && kind <= GB_BASEMAP_N_KINDS, 0);

  return self->layers[kind - 1].n_parts;
}

guint
gb_basemap_get_n_points (GbBasemap     *self,
                         GbBasemapKind  kind)
{
  g_return_val_if_fail (GB_IS_BASEMAP (self), 0);
  g_return_val_if_fail (kind >= 1 && kind <= GB_BASEMAP_N_KINDS, 0);

  return self->layers[kind - 1].n_points;
}

/* Thins a part to points at least half a pixel apart: what the eye can't
 * tell apart needn't be filled or stroked. */
static void
project_layer (const Layer *layer,
               LevelLayer  *out,
               double       world_size,
               gboolean     closed)
{
  const double tolerance2 = SIMPLIFY_PIXELS * SIMPLIFY_PIXELS;
  guint n = 0, parts = 0;

  out->xy = g_new (float, (gsize) layer->n_points * 2);
  out->part_start = g_new (guint, layer->n_parts + 1);
  out->bbox = g_new (float, (gsize) layer->n_parts * 4);

  for (guint part = 0; part < layer->n_parts; part++)
    {
      guint first = layer->part_start[part], end = layer->part_start[part + 1];
      guint start = n;
      double lx = 0, ly = 0;
      float x0 = G_MAXFLOAT, y0 = G_MAXFLOAT, x1 = -G_MAXFLOAT, y1 = -G_MAXFLOAT;

      for (guint i = first; i < end; i++)
        {
          double x = layer->xy[2 * i] * world_size;
          double y = layer->xy[2 * i + 1] * world_size;

          if (i != first && i != end - 1 && (x - lx) * (x - lx) + (y - ly) * (y - ly) < tolerance2)
            continue;

          out->xy[2 * n] = (float) x;
          out->xy[2 * n + 1] = (float) y;
          n++;
          lx = x;
          ly = y;
          x0 = MIN (x0, (float) x);
          y0 = MIN (y0, (float) y);
          x1 = MAX (x1, (float) x);
          y1 = MAX (y1, (float) y);
        }

      /* Drop what shrank below a pixel. */
      if (n - start < (closed ? 3u : 2u) || (x1 - x0 < 1 && y1 - y0 < 1))
        {
          n = start;
          continue;
        }

      out->part_start[parts] = start;
      out->bbox[4 * parts] = x0;
      out->bbox[4 * parts + 1] = y0;
      out->bbox[4 * parts + 2] = x1;
      out->bbox[4 * parts + 3] = y1;
      parts++;
    }

  out->part_start[parts] = n;
  out->n_parts = parts;
  out->n_points = n;
}

/**
 * gb_basemap_get_level:
 * @zoom: a zoom level; levels beyond %GB_BASEMAP_MAX_LEVEL give that level
 *
 * The basemap in the pixels of one zoom level, made once and kept.
 *
 * Returns: (transfer none): the level
 */
GbBasemapLevel *
gb_basemap_get_level (GbBasemap *self,
                      int        zoom)
{
  GbBasemapLevel *level;

  g_return_val_if_fail (GB_IS_BASEMAP (self), NULL);

  zoom = CLAMP (zoom, 0, GB_BASEMAP_MAX_LEVEL);
  if (self->levels[zoom] != NULL)
    return self->levels[zoom];

  level = g_new0 (GbBasemapLevel, 1);
  level->zoom = zoom;
  level->world_size = (double) GB_BASEMAP_TILE_SIZE * (1 << zoom);

  for (guint k = 0; k < GB_BASEMAP_N_KINDS; k++)
    project_layer (&self->layers[k], &level->layers[k], level->world_size,
                   k + 1 == GB_BASEMAP_LAND);

  self->levels[zoom] = level;
  return level;
}

int
gb_basemap_level_get_zoom (GbBasemapLevel *level)
{
  g_return_val_if_fail (level != NULL, 0);

  return level->zoom;
}

double
gb_basemap_level_get_world_size (GbBasemapLevel *level)
{
  g_return_val_if_fail (level != NULL, 0);

  return level->world_size;
}

guint
gb_basemap_level_get_n_points (GbBasemapLevel *level,
                               GbBasemapKind   kind)
{
  g_return_val_if_fail (level != NULL, 0);
  g_return_val_if_fail (kind >= 1 && kind <= GB_BASEMAP_N_KINDS, 0);

  return level->layers[kind - 1].n_points;
}

/**
 * gb_basemap_level_foreach_part:
 * @x: left of the rectangle, in the level's pixels (0 … world size)
 *
 * Calls @func for each part of @kind whose bounds meet the rectangle.
 *
 * Returns: how many parts were passed to @func
 */
guint
gb_basemap_level_foreach_part (GbBasemapLevel    *level,
                               GbBasemapKind      kind,
                               double             x,
                               double             y,
                               double             width,
                               double             height,
                               GbBasemapPartFunc  func,
                               gpointer           user_data)
{
  const LevelLayer *layer;
  guint count = 0;

  g_return_val_if_fail (level != NULL, 0);
  g_return_val_if_fail (kind >= 1 && kind <= GB_BASEMAP_N_KINDS, 0);
  g_return_val_if_fail (func != NULL, 0);

  layer = &level->layers[kind - 1];

  for (guint part = 0; part < layer->n_parts; part++)
    {
      const float *b = &layer->bbox[4 * part];

      if (b[2] < x || b[0] > x + width || b[3] < y || b[1] > y + height)
        continue;

      func (&layer->xy[2 * layer->part_start[part]],
            layer->part_start[part + 1] - layer->part_start[part],
            user_data);
      count++;
    }

  return count;
}

guint
gb_basemap_get_n_names (GbBasemap *self)
{
  g_return_val_if_fail (GB_IS_BASEMAP (self), 0);

  return self->n_names;
}

/**
 * gb_basemap_get_name:
 * @i: less than gb_basemap_get_n_names(); names come most important first
 *
 * Returns: (transfer none): where the name goes
 */
const GbBasemapName *
gb_basemap_get_name (GbBasemap *self,
                     guint      i)
{
  g_return_val_if_fail (GB_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (i < self->n_names, NULL);

  return &self->names[i];
}

/**
 * gb_basemap_get_name_text:
 * @i: less than gb_basemap_get_n_names()
 * @languages: (nullable) (array zero-terminated=1): languages in order of
 *   preference, as g_get_language_names() gives them; %NULL for those
 *
 * The name in the first of @languages that the file has it in, else in
 * English (which Natural Earth's names are, and which every name has).
 * Kazakh has names of its own; where a language has none, English is the
 * fallback, not a neighbour's language.
 *
 * Returns: (transfer none): the name, plain text (never markup), not empty
 */
const char *
gb_basemap_get_name_text (GbBasemap          *self,
                          guint               i,
                          const char * const *languages)
{
  const guint *offsets;

  g_return_val_if_fail (GB_IS_BASEMAP (self), "");
  g_return_val_if_fail (i < self->n_names, "");

  if (languages == NULL)
    languages = g_get_language_names ();

  offsets = &self->text_offsets[(gsize) i * self->n_languages];
  for (guint k = 0; languages[k] != NULL; k++)
    for (guint l = 0; l < self->n_languages; l++)
      if (offsets[l] != NO_TEXT && strcmp (languages[k], self->languages[l]) == 0)
        return self->strings + offsets[l];

  return self->strings + offsets[0];
}
