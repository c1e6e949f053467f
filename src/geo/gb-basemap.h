/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The layers of the bundled Natural Earth outlines. */
typedef enum
{
  GB_BASEMAP_LAND = 1,      /* closed rings, filled even-odd */
  GB_BASEMAP_COAST = 2,     /* open lines */
  GB_BASEMAP_BORDERS = 3,   /* open lines between countries */
} GbBasemapKind;

#define GB_BASEMAP_N_KINDS 3

/* What a place name in the basemap names. */
typedef enum
{
  GB_BASEMAP_NAME_COUNTRY = 1,
  GB_BASEMAP_NAME_CAPITAL = 2,
} GbBasemapNameKind;

/* One place name: where it goes and from which zoom. */
typedef struct
{
  GbBasemapNameKind kind;
  guint             min_zoom;
  guint             rank;      /* 0 the most important */
  double            x, y;      /* Web Mercator, world units [0, 1] */
} GbBasemapName;

/* Levels past this one reuse it: the data hold no finer detail. */
#define GB_BASEMAP_MAX_LEVEL 11

/* The size of the world at zoom 0, in pixels (as the map's tiles). */
#define GB_BASEMAP_TILE_SIZE 256

#define GB_BASEMAP_RESOURCE "/io/github/goldenbridge/GoldenBridge/basemap/ne-50m.gbbm"

#define GB_TYPE_BASEMAP (gb_basemap_get_type ())

G_DECLARE_FINAL_TYPE (GbBasemap, gb_basemap, GB, BASEMAP, GObject)

typedef struct _GbBasemapLevel GbBasemapLevel;

/* Called with a part's points, x then y, in the level's pixels. */
typedef void (*GbBasemapPartFunc) (const float *xy,
                                   guint        n_points,
                                   gpointer     user_data);

GbBasemap  *gb_basemap_new_from_bytes      (GBytes          *bytes,
                                            GError         **error);
GbBasemap  *gb_basemap_get_default         (void);
guint       gb_basemap_get_n_parts         (GbBasemap       *self,
                                            GbBasemapKind    kind);
guint       gb_basemap_get_n_points        (GbBasemap       *self,
                                            GbBasemapKind    kind);
GbBasemapLevel *gb_basemap_get_level       (GbBasemap       *self,
                                            int              zoom);
guint       gb_basemap_get_n_names         (GbBasemap       *self);
const GbBasemapName *gb_basemap_get_name   (GbBasemap       *self,
                                            guint            i);
const char *gb_basemap_get_name_text       (GbBasemap       *self,
                                            guint            i,
                                            const char * const *languages);

int         gb_basemap_level_get_zoom      (GbBasemapLevel  *level);
double      gb_basemap_level_get_world_size (GbBasemapLevel *level);
guint       gb_basemap_level_get_n_points  (GbBasemapLevel  *level,
                                            GbBasemapKind    kind);
guint       gb_basemap_level_foreach_part  (GbBasemapLevel  *level,
                                            GbBasemapKind    kind,
                                            double           x,
                                            double           y,
                                            double           width,
                                            double           height,
                                            GbBasemapPartFunc func,
                                            gpointer         user_data);

G_END_DECLS
