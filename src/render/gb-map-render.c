/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "gb-basemap.h"
#include "gb-geodesic.h"
#include "gb-map-render.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-route-format.h"

/* Colours of the printed map: the app's light basemap, a blue route and red
 * places, which read on paper and in grey. */
#define SEA      0.851, 0.906, 0.949
#define LAND     0.976, 0.965, 0.937
#define COAST    0.541, 0.627, 0.690
#define BORDER   0.741, 0.690, 0.741
#define ROUTE    0.110, 0.443, 0.847
#define PLACE    0.753, 0.110, 0.157
#define INK      0.141, 0.141, 0.141

/* The closest a printed map comes: a story of one place shows its region. */
#define MAX_ZOOM 9.0
#define MARGIN 0.14

typedef struct
{
  double x0, y0, x1, y1;
  gboolean empty;
} Box;

/* The map's frame: world pixels at @world per world width, offset so that
 * (ox, oy) is the rectangle's top left. */
typedef struct
{
  cairo_t *cr;
  double   world;
  double   ox, oy;
  double   width, height;
  double   factor;    /* frame pixels per basemap level pixel */
  double   shift;     /* x of the world copy being drawn */
  GArray  *labels;    /* of Box: where names are drawn, not to draw over */
} Frame;

static void
box_add (Box    *b,
         double  x,
         double  y)
{
  if (!isfinite (x) || !isfinite (y))
    return;
  if (b->empty)
    {
      *b = (Box) { x, y, x, y, FALSE };
      return;
    }
  b->x0 = MIN (b->x0, x);
  b->y0 = MIN (b->y0, y);
  b->x1 = MAX (b->x1, x);
  b->y1 = MAX (b->y1, y);
}

static GArray *
route_path (GbRoute *route)
{
  GbPlace *from = gb_route_get_from (route), *to = gb_route_get_to (route);

  if (from == NULL || to == NULL)
    return NULL;
  return gb_geodesic_path (gb_place_get_latitude (from), gb_place_get_longitude (from),
                           gb_place_get_latitude (to), gb_place_get_longitude (to),
                           GB_GEODESIC_PATH_TOLERANCE);
}

/* The story's extent in Web Mercator world units. Routes are unwrapped, so
 * a flight over the antimeridian makes its box cross x = 1, not the world. */
static Box
story_box (GbDossier *dossier)
{
  GListModel *places = gb_dossier_get_places (dossier);
  GListModel *routes = gb_dossier_get_routes (dossier);
  Box box = { 0, 0, 0, 0, TRUE };

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (routes, i);
      g_autoptr(GArray) path = route_path (route);

      for (guint j = 0; path != NULL && j < path->len; j++)
        {
          GbGeoPoint *p = &g_array_index (path, GbGeoPoint, j);

          box_add (&box, gb_mercator_x (p->longitude), gb_mercator_y (p->latitude));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
      double x = gb_mercator_x (gb_place_get_longitude (place));

      /* A place beside a route that crossed the antimeridian joins it there. */
      if (!box.empty && x + 1 - box.x1 < 0.5 && x < box.x0 - 0.5)
        x += 1;
      box_add (&box, x, gb_mercator_y (gb_place_get_latitude (place)));
    }

  return box;
}

static void
frame_fit (Frame      *f,
           const Box  *box)
{
  double span_x = 1, span_y = 1, cx = 0.5, cy = 0.5;

  if (!box->empty)
    {
      span_x = (box->x1 - box->x0) * (1 + 2 * MARGIN);
      span_y = (box->y1 - box->y0) * (1 + 2 * MARGIN);
      cx = (box->x0 + box->x1) / 2;
      cy = (box->y0 + box->y1) / 2;
    }

  f->world = MIN (f->width / MAX (span_x, 1e-9), f->height / MAX (span_y, 1e-9));
  f->world = CLAMP (f->world, MAX (f->width, f->height),
                    GB_BASEMAP_TILE_SIZE * pow (2, MAX_ZOOM));
  f->ox = cx * f->world - f->width / 2;
  /* The world ends at the Mercator limit: no grey band under the south pole. */
  f->oy = CLAMP (cy * f->world - f->height / 2, 0, MAX (0, f->world - f->height));
}

static void
frame_point (const Frame *f,
             double       latitude,
             double       longitude,
             double      *x,
             double      *y)
{
  *x = gb_mercator_x (longitude) * f->world - f->ox;
  *y = gb_mercator_y (latitude) * f->world - f->oy;
}

static void
ring_cb (const float *xy,
         guint        n_points,
         gpointer     user_data)
{
  Frame *f = user_data;

  for (guint i = 0; i < n_points; i++)
    {
      double x = xy[2 * i] * f->factor - f->ox + f->shift;
      double y = xy[2 * i + 1] * f->factor - f->oy;

      if (i == 0)
        cairo_move_to (f->cr, x, y);
      else
        cairo_line_to (f->cr, x, y);
    }
}

static void
closed_ring_cb (const float *xy,
                guint        n_points,
                gpointer     user_data)
{
  Frame *f = user_data;

  ring_cb (xy, n_points, user_data);
  cairo_close_path (f->cr);
}

static void
draw_basemap_kind (Frame          *f,
                   GbBasemapLevel *level,
                   GbBasemapKind   kind)
{
  /* Each copy of the world the rectangle shows, at most three. */
  for (int copy = -1; copy <= 1; copy++)
    {
      double left = f->ox - copy * f->world;

      if (left + f->width < 0 || left > f->world)
        continue;
      f->shift = copy * f->world;
      gb_basemap_level_foreach_part (level, kind, MAX (0, left) / f->factor,
                                     MAX (0, f->oy) / f->factor, f->width / f->factor,
                                     f->height / f->factor,
                                     kind == GB_BASEMAP_LAND ? closed_ring_cb : ring_cb, f);
    }
  f->shift = 0;
}

static void
draw_basemap (Frame *f)
{
  GbBasemap *basemap = gb_basemap_get_default ();
  GbBasemapLevel *level;
  int zoom;

  cairo_set_source_rgb (f->cr, SEA);
  cairo_paint (f->cr);

  if (basemap == NULL)
    return;

  zoom = CLAMP ((int) floor (log2 (f->world / GB_BASEMAP_TILE_SIZE)), 0, GB_BASEMAP_MAX_LEVEL);
  level = gb_basemap_get_level (basemap, zoom);
  f->factor = f->world / gb_basemap_level_get_world_size (level);

  cairo_set_fill_rule (f->cr, CAIRO_FILL_RULE_EVEN_ODD);
  draw_basemap_kind (f, level, GB_BASEMAP_LAND);
  cairo_set_source_rgb (f->cr, LAND);
  cairo_fill (f->cr);

  cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (f->cr, CAIRO_LINE_CAP_ROUND);
  if (zoom >= 2)
    {
      draw_basemap_kind (f, level, GB_BASEMAP_BORDERS);
      cairo_set_source_rgb (f->cr, BORDER);
      cairo_set_line_width (f->cr, 0.8);
      cairo_stroke (f->cr);
    }
  draw_basemap_kind (f, level, GB_BASEMAP_COAST);
  cairo_set_source_rgb (f->cr, COAST);
  cairo_set_line_width (f->cr, 0.8);
  cairo_stroke (f->cr);
}

/* Text with a white halo, so that it reads over land, sea and lines; the
 * halo grows with the text, or a large name in an image has a hairline. */
static void
draw_halo_text (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, MAX (3, h / 5.0));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, INK);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
new_label (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* Text from the file, never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static gboolean
box_overlaps (const Box *a,
              const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* A name right of its marker, else left, above or below it (centred, then
 * from the marker on): the first
 * place inside the map that covers no name drawn before; right if none. */
static void
place_label (Frame       *f,
             PangoLayout *layout,
             double       x,
             double       y,
             double       gap,
             int          w,
             int          h)
{
  const double at[][2] = {
    { x + gap, y - h / 2.0 },
    { x - gap - w, y - h / 2.0 },
    { x - w / 2.0, y - gap - h },
    { x - w / 2.0, y + gap },
    { x, y + gap },
    { x, y - gap - h },
    { x - w, y + gap },
    { x - w, y - gap - h },
  };
  Box chosen = { at[0][0], at[0][1], at[0][0] + w, at[0][1] + h, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    {
      Box b = { at[i][0], at[i][1], at[i][0] + w, at[i][1] + h, FALSE };
      gboolean room = b.x0 >= 0 && b.y0 >= 0 && b.x1 <= f->width && b.y1 <= f->height;

      for (guint j = 0; room && j < f->labels->len; j++)
        room = !box_overlaps (&b, &g_array_index (f->labels, Box, j));
      if (room)
        {
          chosen = b;
          break;
        }
    }

  g_array_append_val (f->labels, chosen);
  draw_halo_text (f->cr, layout, chosen.x0, chosen.y0);
}

static void
draw_route (Frame   *f,
            GbRoute *route,
            double   text_size)
{
  g_autoptr(GArray) path = route_path (route);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *distance = NULL;
  GbGeoPoint *mid;
  double x, y;
  int w, h;

  if (path == NULL || path->len < 2)
    return;

  for (guint j = 0; j < path->len; j++)
    {
      GbGeoPoint *p = &g_array_index (path, GbGeoPoint, j);

      frame_point (f, p->latitude, p->longitude, &x, &y);
      if (j == 0)
        cairo_move_to (f->cr, x, y);
      else
        cairo_line_to (f->cr, x, y);
    }
  cairo_set_source_rgb (f->cr, ROUTE);
  cairo_set_line_width (f->cr, MAX (2, text_size / 4));
  cairo_set_dash (f->cr, (double[]) { text_size / 1.5, text_size / 3 }, 2, 0);
  cairo_stroke (f->cr);
  cairo_set_dash (f->cr, NULL, 0, 0);

  distance = gb_route_format_distance (gb_geodesic_inverse (
    gb_place_get_latitude (gb_route_get_from (route)),
    gb_place_get_longitude (gb_route_get_from (route)),
    gb_place_get_latitude (gb_route_get_to (route)),
    gb_place_get_longitude (gb_route_get_to (route)), NULL, NULL));
  if (gb_route_get_duration_minutes (route) > 0)
    {
      g_autofree char *duration = gb_route_format_duration (gb_route_get_duration_minutes (route));
      g_autofree char *both = g_strdup_printf ("%s · %s", distance, duration);

      g_free (distance);
      distance = g_steal_pointer (&both);
    }

  mid = &g_array_index (path, GbGeoPoint, path->len / 2);
  frame_point (f, mid->latitude, mid->longitude, &x, &y);
  layout = new_label (f->cr, distance, text_size * 0.9, FALSE);
  pango_layout_get_pixel_size (layout, &w, &h);
  /* Beside the line, not across it, and kept clear by the names after it. */
  place_label (f, layout, x, y, text_size * 0.6, w, h);
}

static void
place_position (Frame   *f,
                GbPlace *place,
                double  *x,
                double  *y)
{
  frame_point (f, gb_place_get_latitude (place), gb_place_get_longitude (place), x, y);
  /* The copy of the world the story's box is on. */
  if (*x < 0 && *x + f->world <= f->width)
    *x += f->world;
}

static void
draw_marker (Frame   *f,
             GbPlace *place,
             double   r)
{
  Box box;
  double x, y;

  place_position (f, place, &x, &y);
  cairo_new_sub_path (f->cr);
  cairo_arc (f->cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgb (f->cr, PLACE);
  cairo_fill_preserve (f->cr);
  cairo_set_source_rgb (f->cr, 1, 1, 1);
  cairo_set_line_width (f->cr, MAX (1, r / 3));
  cairo_stroke (f->cr);

  /* Names keep off the markers. */
  box = (Box) { x - r, y - r, x + r, y + r, FALSE };
  g_array_append_val (f->labels, box);
}

static void
draw_place_name (Frame   *f,
                 GbPlace *place,
                 double   text_size,
                 double   r)
{
  const char *title = gb_item_get_title (GB_ITEM (place));
  g_autoptr(PangoLayout) layout = NULL;
  double x, y;
  int w, h;

  if (title == NULL || title[0] == '\0')
    return;
  place_position (f, place, &x, &y);
  layout = new_label (f->cr, title, text_size, TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);
  place_label (f, layout, x, y, r * 1.6, w, h);
}

static void
draw_attribution (Frame  *f,
                  double  text_size)
{
  g_autofree char *text = gb_map_render_dup_attribution ();
  g_autoptr(PangoLayout) layout = new_label (f->cr, text, text_size * 0.8, FALSE);
  double pad = text_size * 0.3;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_rectangle (f->cr, f->width - w - 2 * pad, f->height - h - 2 * pad, w + 2 * pad,
                   h + 2 * pad);
  cairo_set_source_rgba (f->cr, 1, 1, 1, 0.85);
  cairo_fill (f->cr);
  cairo_set_source_rgb (f->cr, INK);
  cairo_move_to (f->cr, f->width - w - pad, f->height - h - pad);
  pango_cairo_show_layout (f->cr, layout);
}

char *
gb_map_render_dup_attribution (void)
{
  /* TRANSLATORS: credits under a printed map; Natural Earth is a name */
  return g_strdup (_("Basemap: Natural Earth (public domain)"));
}

gboolean
gb_map_render_has_content (GbDossier *dossier)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), FALSE);

  return g_list_model_get_n_items (gb_dossier_get_places (dossier)) > 0
         || g_list_model_get_n_items (gb_dossier_get_routes (dossier)) > 0;
}

/**
 * gb_map_render:
 * @cr: where to draw, in user units (points on paper, pixels in an image)
 *
 * Draws the story's map, fitted to its places and routes, with the
 * attribution of the basemap in the bottom right corner.
 */
void
gb_map_render (cairo_t   *cr,
               GbDossier *dossier,
               double     width,
               double     height)
{
  GListModel *places, *routes;
  Box box;
  Frame f = { cr, 0, 0, 0, width, height, 1, 0, NULL };
  /* Text in proportion to the map: 11 units on a 600-unit-wide map. */
  double text_size = CLAMP (MIN (width, height) / 40, 8, 28);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (GB_IS_DOSSIER (dossier));
  g_return_if_fail (width > 0 && height > 0);

  places = gb_dossier_get_places (dossier);
  routes = gb_dossier_get_routes (dossier);
  box = story_box (dossier);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);

  frame_fit (&f, &box);
  draw_basemap (&f);
  f.labels = g_array_new (FALSE, FALSE, sizeof (Box));

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (routes, i);

      draw_route (&f, route, text_size);
    }
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);

      draw_marker (&f, place, text_size / 2.4);
    }
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);

      draw_place_name (&f, place, text_size, text_size / 2.4);
    }

  draw_attribution (&f, text_size);
  g_array_unref (f.labels);
  cairo_restore (cr);
}
