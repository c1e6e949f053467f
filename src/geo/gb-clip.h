/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Clipping to an axis-aligned rectangle, for drawing: cairo keeps
 * coordinates in 24.8 fixed point, so what lies millions of pixels away at
 * a high zoom must be cut before it reaches cairo. */

typedef struct
{
  double x, y;
} GbClipPoint;

typedef struct
{
  double x0, y0, x1, y1;
} GbClipRect;

gboolean gb_clip_segment (GbClipPoint      *p,
                          GbClipPoint      *q,
                          const GbClipRect *rect);
void     gb_clip_polygon (GArray           *points,
                          GArray           *scratch,
                          const GbClipRect *rect);

G_END_DECLS
