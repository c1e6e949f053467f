/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-clip"

#include "config.h"

#include "gb-clip.h"

/**
 * gb_clip_segment:
 * @p: (inout): the start of the segment
 * @q: (inout): its end
 *
 * Cuts the segment to the part inside @rect (Liang–Barsky).
 *
 * Returns: %FALSE if no part of it is inside
 */
gboolean
gb_clip_segment (GbClipPoint      *p,
                 GbClipPoint      *q,
                 const GbClipRect *rect)
{
  double t0 = 0, t1 = 1;
  double dx, dy;
  double pk[4], qk[4];

  g_return_val_if_fail (p != NULL && q != NULL && rect != NULL, FALSE);

  dx = q->x - p->x;
  dy = q->y - p->y;
  pk[0] = -dx; qk[0] = p->x - rect->x0;
  pk[1] = dx;  qk[1] = rect->x1 - p->x;
  pk[2] = -dy; qk[2] = p->y - rect->y0;
  pk[3] = dy;  qk[3] = rect->y1 - p->y;

  for (int k = 0; k < 4; k++)
    {
      double t;

      if (pk[k] == 0)
        {
          if (qk[k] < 0)
            return FALSE;
          continue;
        }

      t = qk[k] / pk[k];
      if (pk[k] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);

      if (t0 > t1)
        return FALSE;
    }

  q->x = p->x + t1 * dx;
  q->y = p->y + t1 * dy;
  p->x = p->x + t0 * dx;
  p->y = p->y + t0 * dy;
  return TRUE;
}

static gboolean
inside (const GbClipPoint *p,
        int                edge,
        const GbClipRect  *r)
{
  switch (edge)
    {
    case 0: return p->x >= r->x0;
    case 1: return p->x <= r->x1;
    case 2: return p->y >= r->y0;
    default: return p->y <= r->y1;
    }
}

static GbClipPoint
crossing (const GbClipPoint *p,
          const GbClipPoint *q,
          int                edge,
          const GbClipRect  *r)
{
  GbClipPoint out;

  if (edge < 2)
    {
      double v = edge == 0 ? r->x0 : r->x1;

      out.x = v;
      out.y = p->y + (v - p->x) / (q->x - p->x) * (q->y - p->y);
    }
  else
    {
      double v = edge == 2 ? r->y0 : r->y1;

      out.x = p->x + (v - p->y) / (q->y - p->y) * (q->x - p->x);
      out.y = v;
    }

  return out;
}

/**
 * gb_clip_polygon:
 * @points: (element-type GbClipPoint) (inout): a closed ring
 * @scratch: (element-type GbClipPoint): an array to work in
 *
 * Cuts the ring to @rect (Sutherland–Hodgman). Parts of a concave ring
 * may come out joined by edges along the rectangle's sides, which fill
 * to nothing when the rectangle is a little larger than what is shown.
 */
void
gb_clip_polygon (GArray           *points,
                 GArray           *scratch,
                 const GbClipRect *rect)
{
  GArray *in = points, *out = scratch;

  g_return_if_fail (points != NULL && scratch != NULL && rect != NULL);

  for (int edge = 0; edge < 4 && in->len > 0; edge++)
    {
      g_array_set_size (out, 0);

      for (guint i = 0; i < in->len; i++)
        {
          const GbClipPoint *cur = &g_array_index (in, GbClipPoint, i);
          const GbClipPoint *prev = &g_array_index (in, GbClipPoint, (i + in->len - 1) % in->len);
          gboolean cur_in = inside (cur, edge, rect);
          gboolean prev_in = inside (prev, edge, rect);

          if (cur_in != prev_in)
            {
              GbClipPoint c = crossing (prev, cur, edge, rect);

              g_array_append_val (out, c);
            }
          if (cur_in)
            g_array_append_val (out, *cur);
        }

      { GArray *t = in; in = out; out = t; }
    }

  /* Four passes swap the arrays back; stopping early may not. */
  if (in != points)
    {
      g_array_set_size (points, 0);
      g_array_append_vals (points, in->data, in->len);
    }
}
