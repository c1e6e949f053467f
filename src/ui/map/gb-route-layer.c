/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-route-layer"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gb-clip.h"
#include "gb-map-private.h"
#include "gb-place.h"
#include "gb-route-layer.h"

/* Routes as geodesics. ShumatePathLayer draws straight Web Mercator lines
 * and clamps longitudes, so long routes would neither bow nor cross the
 * antimeridian; this layer draws each route as its ellipsoidal geodesic,
 * densified per zoom level so that no straight piece strays more than a
 * quarter pixel (gb_geodesic_path()), with unwrapped longitudes drawn on
 * the world copy nearest the view. Arrows show the direction. The labels
 * beside the lines are GbRouteLabelLayer's: it reads the lines (see
 * gb-map-private.h) and follows GbRouteLayer::lines-changed; this layer
 * knows nothing of it. */

#define MAX_ZOOM 22
#define HIT_DISTANCE 8.0
#define ARROW_SPACING 180.0
#define MAX_ARROWS 12

typedef struct
{
  GbRouteLine   line;                   /* what the label layer reads */
  double        lat1, lon1, lat2, lon2;
  GArray       *paths[MAX_ZOOM + 1];   /* GbGeoPoint, per zoom level */
  GArray       *screen;                /* last drawn, GbClipPoint; NAN breaks copies */
} RouteEntry;

struct _GbRouteLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *routes;   /* RouteEntry */
  RouteEntry   *hovered;
};

G_DEFINE_FINAL_TYPE (GbRouteLayer, gb_route_layer, SHUMATE_TYPE_LAYER)

enum {
  ROUTE_ACTIVATED,
  LINES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
route_entry_free (gpointer data)
{
  RouteEntry *entry = data;

  for (guint z = 0; z <= MAX_ZOOM; z++)
    g_clear_pointer (&entry->paths[z], g_array_unref);
  g_clear_pointer (&entry->screen, g_array_unref);
  g_clear_object (&entry->line.route);
  g_free (entry);
}

static RouteEntry *
find_entry (GbRouteLayer *self,
            GbRoute      *route)
{
  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      if (entry->line.route == route)
        return entry;
    }

  return NULL;
}

/* The path for a zoom level: a quarter pixel at the equator, in metres. */
static GArray *
path_for_zoom (RouteEntry *entry,
               int         z)
{
  z = CLAMP (z, 0, MAX_ZOOM);

  if (entry->paths[z] == NULL)
    {
      double metres_per_pixel = 2 * G_PI * GB_WGS84_A / (256.0 * ldexp (1.0, z));

      entry->paths[z] = gb_geodesic_path (entry->lat1, entry->lon1, entry->lat2, entry->lon2,
                                          MAX (0.5, 0.25 * metres_per_pixel));
    }

  return entry->paths[z];
}

static gboolean
frame_init (GbRouteLayer *self,
            GbMapFrame   *f)
{
  return gb_map_frame_init (f, shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                            gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
build_screen_path (const GbMapFrame *f,
                   RouteEntry  *entry,
                   int          z)
{
  GArray *path = path_for_zoom (entry, z);
  double span = f->world > 0 ? (MAX (f->width, f->height) / f->world) : 0;
  int k0 = gb_map_frame_nearest_copy (f, entry->line.mid_x);
  int extra = (int) ceil (span) + 1;

  if (entry->screen == NULL)
    entry->screen = g_array_new (FALSE, FALSE, sizeof (GbClipPoint));
  g_array_set_size (entry->screen, 0);

  if (path == NULL)
    return;

  /* Zoomed far out the world repeats across the view: draw every copy. */
  for (int k = k0 - (span > 0.5 ? extra : 0); k <= k0 + (span > 0.5 ? extra : 0); k++)
    {
      GbClipPoint gap = { NAN, NAN };

      for (guint i = 0; i < path->len; i++)
        {
          const GbGeoPoint *g = &g_array_index (path, GbGeoPoint, i);
          GbClipPoint p = gb_map_frame_project (f, gb_mercator_x (g->longitude),
                                                gb_mercator_y (g->latitude), k);

          g_array_append_val (entry->screen, p);
        }
      g_array_append_val (entry->screen, gap);
    }
}

static void
append_polyline (cairo_t          *cr,
                 GArray           *points,
                 const GbClipRect *clip)
{
  gboolean pen_down = FALSE;

  for (guint i = 0; i + 1 < points->len; i++)
    {
      GbClipPoint p = g_array_index (points, GbClipPoint, i);
      GbClipPoint q = g_array_index (points, GbClipPoint, i + 1);
      gboolean p_inside;

      if (isnan (p.x) || isnan (q.x))
        {
          pen_down = FALSE;
          continue;
        }

      p_inside = p.x >= clip->x0 && p.x <= clip->x1 && p.y >= clip->y0 && p.y <= clip->y1;
      if (!gb_clip_segment (&p, &q, clip))
        {
          pen_down = FALSE;
          continue;
        }

      if (!pen_down || !p_inside)
        cairo_move_to (cr, p.x, p.y);
      cairo_line_to (cr, q.x, q.y);
      pen_down = q.x > clip->x0 && q.x < clip->x1 && q.y > clip->y0 && q.y < clip->y1;
    }
}

static void
draw_arrow (cairo_t *cr,
            double   x,
            double   y,
            double   dx,
            double   dy,
            double   size)
{
  double len = hypot (dx, dy);
  double ux, uy;

  if (len == 0)
    return;

  ux = dx / len;
  uy = dy / len;

  cairo_move_to (cr, x + ux * size, y + uy * size);
  cairo_line_to (cr, x - ux * size * 0.8 - uy * size * 0.8, y - uy * size * 0.8 + ux * size * 0.8);
  cairo_line_to (cr, x - ux * size * 0.4, y - uy * size * 0.4);
  cairo_line_to (cr, x - ux * size * 0.8 + uy * size * 0.8, y - uy * size * 0.8 - ux * size * 0.8);
  cairo_close_path (cr);
}

/* Arrows at even steps along each drawn copy, at least one mid-route. */
static void
append_arrows (cairo_t          *cr,
               GArray           *points,
               const GbClipRect *visible,
               double            size)
{
  guint start = 0;

  while (start < points->len)
    {
      guint end = start;
      double length = 0, step, next, run = 0;
      int n;

      while (end < points->len && !isnan (g_array_index (points, GbClipPoint, end).x))
        end++;

      for (guint i = start; i + 1 < end; i++)
        length += hypot (g_array_index (points, GbClipPoint, i + 1).x - g_array_index (points, GbClipPoint, i).x,
                         g_array_index (points, GbClipPoint, i + 1).y - g_array_index (points, GbClipPoint, i).y);

      n = CLAMP ((int) floor (length / ARROW_SPACING), 1, MAX_ARROWS);
      step = length / n;
      next = step / 2;

      for (guint i = start; i + 1 < end && length > 4 * size; i++)
        {
          const GbClipPoint *p = &g_array_index (points, GbClipPoint, i);
          const GbClipPoint *q = &g_array_index (points, GbClipPoint, i + 1);
          double seg = hypot (q->x - p->x, q->y - p->y);

          while (seg > 0 && next <= run + seg)
            {
              double t = (next - run) / seg;
              double x = p->x + t * (q->x - p->x), y = p->y + t * (q->y - p->y);

              if (x > visible->x0 && x < visible->x1 && y > visible->y0 && y < visible->y1)
                draw_arrow (cr, x, y, q->x - p->x, q->y - p->y, size);
              next += step;
            }
          run += seg;
        }

      start = end + 1;
    }
}

static void
gb_route_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA casing, line, highlight;
  GbClipRect clip;
  cairo_t *cr;
  GbMapFrame f;
  int z;

  if (self->routes->len == 0 || !frame_init (self, &f))
    return;

  z = (int) ceil (shumate_viewport_get_zoom_level (viewport));
  clip = (GbClipRect) { -16, -16, f.width + 16, f.height + 16 };

  gdk_rgba_parse (&casing, dark ? "rgba(0,0,0,0.55)" : "rgba(255,255,255,0.85)");
  gdk_rgba_parse (&line, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&highlight, dark ? "#ffa348" : "#e66100");

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, f.width, f.height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Highlighted routes last, so they lie on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);
        gboolean strong = entry->line.linked || entry->line.selected;
        const char *mode = gb_route_get_mode (entry->line.route);
        double width = strong ? 5 : 3;

        if (strong != (pass == 1))
          continue;

        build_screen_path (&f, entry, z);

        append_polyline (cr, entry->screen, &clip);
        cairo_set_dash (cr, NULL, 0, 0);
        gdk_cairo_set_source_rgba (cr, &casing);
        cairo_set_line_width (cr, width + 4);
        cairo_stroke_preserve (cr);

        /* Only flights fly the geodesic; other modes are drawn as a sketch. */
        if (g_strcmp0 (mode, "flight") != 0)
          cairo_set_dash (cr, (double[]) { 8, 6 }, 2, 0);
        gdk_cairo_set_source_rgba (cr, strong ? &highlight : &line);
        cairo_set_line_width (cr, width);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        append_arrows (cr, entry->screen, &clip, strong ? 9 : 7);
        gdk_cairo_set_source_rgba (cr, &casing);
        cairo_set_line_width (cr, 3);
        cairo_stroke_preserve (cr);
        gdk_cairo_set_source_rgba (cr, strong ? &highlight : &line);
        cairo_fill (cr);
      }

  cairo_destroy (cr);
}

static double
distance_to_segment (double             x,
                     double             y,
                     const GbClipPoint *p,
                     const GbClipPoint *q)
{
  double dx = q->x - p->x, dy = q->y - p->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((x - p->x) * dx + (y - p->y) * dy) / len2, 0, 1) : 0;

  return hypot (x - (p->x + t * dx), y - (p->y + t * dy));
}

static RouteEntry *
route_at (GbRouteLayer *self,
          double        x,
          double        y)
{
  /* Highlighted routes are drawn on top, so they win. */
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = self->routes->len; i-- > 0;)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if ((entry->line.linked || entry->line.selected) != (pass == 1) || entry->screen == NULL)
          continue;

        for (guint j = 0; j + 1 < entry->screen->len; j++)
          {
            const GbClipPoint *p = &g_array_index (entry->screen, GbClipPoint, j);
            const GbClipPoint *q = &g_array_index (entry->screen, GbClipPoint, j + 1);

            if (!isnan (p->x) && !isnan (q->x) && distance_to_segment (x, y, p, q) <= HIT_DISTANCE)
              return entry;
          }
      }

  return NULL;
}

static gboolean
gb_route_layer_contains (GtkWidget *widget,
                         double     x,
                         double     y)
{
  return route_at (GB_ROUTE_LAYER (widget), x, y) != NULL;
}

static void
line_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GbRouteLayer    *self)
{
  RouteEntry *entry = route_at (self, x, y);

  if (entry == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ROUTE_ACTIVATED], 0, entry->line.route);
}

static void
set_hovered (GbRouteLayer *self,
             RouteEntry   *entry)
{
  if (self->hovered == entry)
    return;

  if (self->hovered != NULL)
    self->hovered->line.hovered = FALSE;
  self->hovered = entry;
  if (entry != NULL)
    entry->line.hovered = TRUE;
  g_signal_emit (self, signals[LINES_CHANGED], 0);
}

static void
line_motion_cb (GtkEventControllerMotion *controller,
                double                    x,
                double                    y,
                GbRouteLayer             *self)
{
  set_hovered (self, route_at (self, x, y));
}

static void
line_leave_cb (GtkEventControllerMotion *controller,
               GbRouteLayer             *self)
{
  set_hovered (self, NULL);
}

static void
viewport_changed_cb (GbRouteLayer *self)
{
  if (self->routes->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gb_route_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gb_route_layer_parent_class)->constructed (object);

  gb_map_layer_follow_viewport (SHUMATE_LAYER (object), G_CALLBACK (viewport_changed_cb));
}

static void
gb_route_layer_dispose (GObject *object)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (object);

  self->hovered = NULL;
  if (self->routes != NULL)
    g_ptr_array_set_size (self->routes, 0);

  G_OBJECT_CLASS (gb_route_layer_parent_class)->dispose (object);
}

static void
gb_route_layer_finalize (GObject *object)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (object);

  g_clear_pointer (&self->routes, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_route_layer_parent_class)->finalize (object);
}

static void
gb_route_layer_class_init (GbRouteLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gb_route_layer_constructed;
  object_class->dispose = gb_route_layer_dispose;
  object_class->finalize = gb_route_layer_finalize;

  widget_class->snapshot = gb_route_layer_snapshot;
  widget_class->contains = gb_route_layer_contains;

  /**
   * GbRouteLayer::route-activated:
   * @route: the route whose line was chosen
   */
  signals[ROUTE_ACTIVATED] =
    gb_map_layer_class_add_chosen_signal (klass, "route-activated", GB_TYPE_ROUTE);

  /**
   * GbRouteLayer::lines-changed:
   *
   * Routes came or went, or one's state (linked, selected, hovered)
   * changed; see gb_route_layer_get_line().
   */
  signals[LINES_CHANGED] =
    g_signal_new ("lines-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "map-routes");
}

static void
gb_route_layer_init (GbRouteLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->routes = g_ptr_array_new_with_free_func (route_entry_free);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (line_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Pointing at a line shows its label, even where it was left out. */
  g_signal_connect (motion, "enter", G_CALLBACK (line_motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (line_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (line_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GbRouteLayer *
gb_route_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (GB_TYPE_ROUTE_LAYER, "viewport", viewport, NULL);
}

/**
 * gb_route_layer_add_route:
 * @route: a route whose ends have coordinates
 */
void
gb_route_layer_add_route (GbRouteLayer *self,
                          GbRoute      *route)
{
  RouteEntry *entry;
  GbPlace *from, *to;
  g_autoptr(GArray) mid = NULL;

  g_return_if_fail (GB_IS_ROUTE_LAYER (self));
  g_return_if_fail (GB_IS_ROUTE (route));

  from = gb_route_get_from (route);
  to = gb_route_get_to (route);
  if (from == NULL || to == NULL || find_entry (self, route) != NULL)
    return;

  entry = g_new0 (RouteEntry, 1);
  entry->line.route = g_object_ref (route);
  entry->lat1 = gb_place_get_latitude (from);
  entry->lon1 = gb_place_get_longitude (from);
  entry->lat2 = gb_place_get_latitude (to);
  entry->lon2 = gb_place_get_longitude (to);
  entry->line.distance = gb_geodesic_inverse (entry->lat1, entry->lon1, entry->lat2, entry->lon2,
                                              &entry->line.azimuth, NULL);

  /* The middle of the line and the way it heads there, for the label. */
  mid = gb_geodesic_densify (entry->lat1, entry->lon1, entry->lat2, entry->lon2, 100);
  if (mid == NULL)
    {
      route_entry_free (entry);
      return;
    }
  {
    const GbGeoPoint *m = &g_array_index (mid, GbGeoPoint, 50);
    const GbGeoPoint *a = &g_array_index (mid, GbGeoPoint, 49);
    const GbGeoPoint *b = &g_array_index (mid, GbGeoPoint, 51);

    entry->line.mid_x = gb_mercator_x (m->longitude);
    entry->line.mid_y = gb_mercator_y (m->latitude);
    entry->line.tangent_x = gb_mercator_x (b->longitude) - gb_mercator_x (a->longitude);
    entry->line.tangent_y = gb_mercator_y (b->latitude) - gb_mercator_y (a->latitude);
  }

  entry->line.index = self->routes->len;
  g_ptr_array_add (self->routes, entry);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LINES_CHANGED], 0);
}

void
gb_route_layer_remove_all (GbRouteLayer *self)
{
  g_return_if_fail (GB_IS_ROUTE_LAYER (self));

  self->hovered = NULL;
  g_ptr_array_set_size (self->routes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LINES_CHANGED], 0);
}

guint
gb_route_layer_get_n_routes (GbRouteLayer *self)
{
  g_return_val_if_fail (GB_IS_ROUTE_LAYER (self), 0);

  return self->routes->len;
}

/**
 * gb_route_layer_set_state:
 * @linked: whether the route is linked to the current selection
 * @selected: whether it is the current selection
 */
void
gb_route_layer_set_state (GbRouteLayer *self,
                          GbRoute      *route,
                          gboolean      linked,
                          gboolean      selected)
{
  RouteEntry *entry;

  g_return_if_fail (GB_IS_ROUTE_LAYER (self));
  g_return_if_fail (GB_IS_ROUTE (route));

  entry = find_entry (self, route);
  if (entry == NULL || (entry->line.linked == linked && entry->line.selected == selected))
    return;

  entry->line.linked = linked;
  entry->line.selected = selected;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LINES_CHANGED], 0);
}

/**
 * gb_route_layer_dup_outline:
 *
 * Returns: (transfer full) (nullable): points along @route's geodesic,
 *   enough to fit a view around it
 */
GArray *
gb_route_layer_dup_outline (GbRouteLayer *self,
                            GbRoute      *route)
{
  RouteEntry *entry;

  g_return_val_if_fail (GB_IS_ROUTE_LAYER (self), NULL);

  entry = find_entry (self, route);
  if (entry == NULL)
    return NULL;

  return gb_geodesic_densify (entry->lat1, entry->lon1, entry->lat2, entry->lon2, 32);
}

/**
 * gb_route_layer_get_line:
 * @i: less than gb_route_layer_get_n_routes()
 *
 * Returns: (transfer none): the @i-th route's line, valid until the next
 *   GbRouteLayer::lines-changed
 */
const GbRouteLine *
gb_route_layer_get_line (GbRouteLayer *self,
                         guint         i)
{
  g_return_val_if_fail (GB_IS_ROUTE_LAYER (self), NULL);
  g_return_val_if_fail (i < self->routes->len, NULL);

  return &((RouteEntry *) g_ptr_array_index (self->routes, i))->line;
}
