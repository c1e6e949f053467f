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
 * the world copy nearest the view. Arrows show the direction; a label
 * beside the middle of the line (a button, so it can be chosen with the
 * keyboard) gives the distance and the flight time.
 *
 * Labels never cover each other or the places' markers and names: they
 * are fitted in every frame, most important first — the one hovered or
 * focused, the selection, what is linked to it, then the longest routes —
 * on either side of the line, and the rest are left out (still there for
 * Tab and a screen reader, but not drawn nor under the pointer; pointing
 * at a line or focusing its label shows it). With a label host (a
 * GbRouteLabelLayer above the place layer) the labels are children of the
 * host and fitted around the places; on their own they are children of
 * this layer. */

#define MAX_ZOOM 22
#define HIT_DISTANCE 8.0
#define LABEL_GAP 12.0
#define ARROW_SPACING 180.0
#define MAX_ARROWS 12
#define LABEL_MARGIN 2.0  /* room for the labels' outline shadows */

typedef struct
{
  GbRouteLayer *layer;
  GbRoute      *route;
  double        lat1, lon1, lat2, lon2;
  double        distance;
  double        azimuth;
  double        mid_x, mid_y;          /* Web Mercator, unwrapped */
  double        tangent_x, tangent_y;  /* direction of travel there */
  GArray       *paths[MAX_ZOOM + 1];   /* GbGeoPoint, per zoom level */
  GArray       *screen;                /* last drawn, GbClipPoint; NAN breaks copies */
  GtkWidget    *label;
  guint         index;
  gboolean      linked;
  gboolean      selected;
  gboolean      focused;
  gboolean      label_shown;
} RouteEntry;

struct _GbRouteLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *routes;   /* RouteEntry */
  GPtrArray    *order;    /* scratch: RouteEntry, most important first */
  GtkWidget    *label_host;  /* unowned; the labels' parent, or self */
  RouteEntry   *hovered;
};

G_DEFINE_FINAL_TYPE (GbRouteLayer, gb_route_layer, SHUMATE_TYPE_LAYER)

enum {
  ROUTE_ACTIVATED,
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
  g_clear_pointer (&entry->label, gtk_widget_unparent);
  g_clear_object (&entry->route);
  g_free (entry);
}

/**
 * gb_route_format_distance:
 * @metres: a distance
 *
 * Returns: (transfer full): the distance in whole kilometres, grouped as
 *   the locale groups digits ("4,524 km")
 */
char *
gb_route_format_distance (double metres)
{
  g_autofree char *number = NULL;

  if (!isfinite (metres))
    return g_strdup ("—");

  number = g_strdup_printf ("%'.0f", round (metres / 1000));
  /* TRANSLATORS: a distance; %s is the number of kilometres */
  return g_strdup_printf (_("%s km"), number);
}

/**
 * gb_route_format_duration:
 * @minutes: a duration, or 0 or less for none
 *
 * Returns: (transfer full) (nullable): "6 h 30 min", or %NULL
 */
char *
gb_route_format_duration (int minutes)
{
  int h, m;

  if (minutes <= 0)
    return NULL;

  h = minutes / 60;
  m = minutes % 60;

  if (h == 0)
    /* TRANSLATORS: a duration in minutes */
    return g_strdup_printf (_("%d min"), m);
  if (m == 0)
    /* TRANSLATORS: a duration in whole hours */
    return g_strdup_printf (_("%d h"), h);

  /* TRANSLATORS: a duration in hours and minutes, as "6 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), h, m);
}

static const char *
place_code (GbPlace *place)
{
  const char *iata = gb_place_get_iata (place);

  return iata != NULL && *iata != '\0' ? iata : gb_item_get_title (GB_ITEM (place));
}

static RouteEntry *
find_entry (GbRouteLayer *self,
            GbRoute      *route)
{
  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      if (entry->route == route)
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
  int k0 = gb_map_frame_nearest_copy (f, entry->mid_x);
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
        gboolean strong = entry->linked || entry->selected;
        const char *mode = gb_route_get_mode (entry->route);
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

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static int
label_rank (const RouteEntry *entry)
{
  if (entry->focused || entry == entry->layer->hovered)
    return 0;
  if (entry->selected)
    return 1;
  if (entry->linked)
    return 2;
  return 3;
}

static int
compare_label_rank (gconstpointer a,
                    gconstpointer b)
{
  const RouteEntry *x = *(RouteEntry * const *) a;
  const RouteEntry *y = *(RouteEntry * const *) b;
  int d = label_rank (x) - label_rank (y);

  if (d != 0)
    return d;
  /* Longer routes first: they carry the story's long journeys. */
  if (x->distance != y->distance)
    return x->distance > y->distance ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
queue_labels (GbRouteLayer *self)
{
  gtk_widget_queue_allocate (self->label_host != NULL ? self->label_host : GTK_WIDGET (self));
}

static gboolean
rect_free (const graphene_rect_t *r,
           GArray                *placed,
           GbMapPlaceLayer       *places)
{
  graphene_rect_t padded;

  graphene_rect_inset_r (r, -LABEL_MARGIN, -LABEL_MARGIN, &padded);

  for (guint i = 0; i < placed->len; i++)
    if (graphene_rect_intersection (&padded, &g_array_index (placed, graphene_rect_t, i), NULL))
      return FALSE;

  return places == NULL || !gb_map_boxes_collides (gb_map_place_layer_get_boxes (places), &padded);
}

static void
set_label_shown (RouteEntry *entry,
                 gboolean    shown)
{
  entry->label_shown = shown;
  /* Left out, a label stays in the focus chain and the accessible tree,
   * but is neither drawn nor under the pointer. */
  gtk_widget_set_opacity (entry->label, shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (entry->label, shown);
}

/**
 * gb_route_layer_allocate_labels:
 * @width: the width of the labels' parent, the size of the map
 * @height: its height
 * @places: (nullable): the place layer, already laid out for this frame
 *
 * Places the route labels for the current view, beside the middle of each
 * line, where they cover neither each other nor @places' markers and
 * names. Called by the labels' parent as it is allocated.
 */
void
gb_route_layer_allocate_labels (GbRouteLayer    *self,
                                int              width,
                                int              height,
                                GbMapPlaceLayer *places)
{
  g_autoptr(GArray) placed = NULL;
  GbMapFrame f;

  g_return_if_fail (GB_IS_ROUTE_LAYER (self));
  g_return_if_fail (places == NULL || GB_IS_MAP_PLACE_LAYER (places));

  if (self->routes->len == 0 || !frame_init (self, &f))
    return;

  placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_ptr_array_set_size (self->order, 0);
  for (guint i = 0; i < self->routes->len; i++)
    g_ptr_array_add (self->order, g_ptr_array_index (self->routes, i));
  g_ptr_array_sort (self->order, compare_label_rank);

  for (guint i = 0; i < self->order->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->order, i);
      int copy = gb_map_frame_nearest_copy (&f, entry->mid_x);
      GbClipPoint mid = gb_map_frame_project (&f, entry->mid_x, entry->mid_y, copy);
      GbClipPoint ahead = gb_map_frame_project (&f, entry->mid_x + entry->tangent_x,
                                                entry->mid_y + entry->tangent_y, copy);
      double dx = ahead.x - mid.x, dy = ahead.y - mid.y, len = hypot (dx, dy);
      double nx = 0, ny = -1;
      gboolean forced = label_rank (entry) <= 1;
      gboolean found = FALSE, on_screen = FALSE;
      GtkAllocation first = { 0, }, alloc = { 0, };
      int w, h;

      gtk_widget_measure (entry->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (entry->label, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);

      if (len > 0)
        {
          nx = dy / len;
          ny = -dx / len;
        }

      /* First to the left of the direction of travel, so the label of the
       * return flight sits on the other side of the line; then the right. */
      for (int side = 0; side < 2 && !found; side++)
        {
          /* Far enough along the normal that the box's nearest corner
           * keeps the gap from the line. */
          double d = (side == 0 ? 1 : -1) * (LABEL_GAP + (fabs (nx) * w + fabs (ny) * h) / 2.0);
          GtkAllocation a;
          graphene_rect_t r;

          a.width = w;
          a.height = h;
          a.x = (int) round (mid.x + nx * d - w / 2.0);
          a.y = (int) round (mid.y + ny * d - h / 2.0);
          r = GRAPHENE_RECT_INIT (a.x, a.y, w, h);

          if (side == 0)
            first = a;
          if (a.x + w <= 0 || a.x >= width || a.y + h <= 0 || a.y >= height)
            continue;
          if (!on_screen)
            {
              on_screen = TRUE;
              first = a;
            }

          /* Cut off by the edge is no better than left out. */
          if (a.x < 0 || a.y < 0 || a.x + w > width || a.y + h > height)
            continue;
          if (rect_free (&r, placed, places))
            {
              alloc = a;
              found = TRUE;
            }
        }

      /* The one pointed at, focused or selected is always shown. */
      if (!found && forced && on_screen)
        {
          alloc = first;
          found = TRUE;
        }

      /* Off the screen a label is out of the focus chain, as before;
       * on it, it stays reachable even when left out. */
      gtk_widget_set_child_visible (entry->label, on_screen);
      if (!on_screen)
        {
          entry->label_shown = FALSE;
          continue;
        }

      set_label_shown (entry, found);
      if (found)
        g_array_append_val (placed, GRAPHENE_RECT_INIT (alloc.x, alloc.y, alloc.width, alloc.height));
      gtk_widget_size_allocate (entry->label, found ? &alloc : &first, -1);
    }
}

static void
gb_route_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (widget);

  if (self->label_host == NULL)
    gb_route_layer_allocate_labels (self, width, height, NULL);
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

        if ((entry->linked || entry->selected) != (pass == 1) || entry->screen == NULL)
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
  g_signal_emit (self, signals[ROUTE_ACTIVATED], 0, entry->route);
}

static void
label_clicked_cb (GtkButton  *button,
                  RouteEntry *entry)
{
  g_signal_emit (entry->layer, signals[ROUTE_ACTIVATED], 0, entry->route);
}

static void
label_focus_changed_cb (GtkEventControllerFocus *controller,
                        GParamSpec              *pspec,
                        RouteEntry              *entry)
{
  gboolean focused = gtk_event_controller_focus_contains_focus (controller);

  if (entry->focused == focused)
    return;

  entry->focused = focused;
  queue_labels (entry->layer);
}

static void
set_hovered (GbRouteLayer *self,
             RouteEntry   *entry)
{
  if (self->hovered == entry)
    return;

  self->hovered = entry;
  queue_labels (self);
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
  if (self->routes->len == 0)
    return;

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gb_route_layer_constructed (GObject *object)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (gb_route_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
gb_route_layer_dispose (GObject *object)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (object);

  self->hovered = NULL;
  if (self->order != NULL)
    g_ptr_array_set_size (self->order, 0);
  if (self->routes != NULL)
    g_ptr_array_set_size (self->routes, 0);

  G_OBJECT_CLASS (gb_route_layer_parent_class)->dispose (object);
}

static void
gb_route_layer_finalize (GObject *object)
{
  GbRouteLayer *self = GB_ROUTE_LAYER (object);

  g_clear_pointer (&self->order, g_ptr_array_unref);
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
  widget_class->size_allocate = gb_route_layer_size_allocate;
  widget_class->contains = gb_route_layer_contains;

  /**
   * GbRouteLayer::route-activated:
   * @route: the route whose line or label was chosen
   */
  signals[ROUTE_ACTIVATED] =
    g_signal_new ("route-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GB_TYPE_ROUTE);

  gtk_widget_class_set_css_name (widget_class, "map-routes");
}

static void
gb_route_layer_init (GbRouteLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->routes = g_ptr_array_new_with_free_func (route_entry_free);
  self->order = g_ptr_array_new ();

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

static GtkWidget *
make_label (RouteEntry *entry)
{
  GbItem *item = GB_ITEM (entry->route);
  GbPlace *from = gb_route_get_from (entry->route), *to = gb_route_get_to (entry->route);
  g_autofree char *distance = gb_route_format_distance (entry->distance);
  g_autofree char *duration = gb_route_format_duration (gb_route_get_duration_minutes (entry->route));
  g_autofree char *ends = NULL, *details = NULL, *name = NULL, *tooltip = NULL;
  GtkWidget *button, *box, *title, *subtitle;
  GtkEventController *focus;

  /* TRANSLATORS: where a route starts and ends, as "NQZ → ICN" */
  ends = g_strdup_printf (_("%s → %s"), place_code (from), place_code (to));
  details = duration != NULL
    /* TRANSLATORS: a route's distance and travel time, as "4,524 km · 6 h 30 min" */
    ? g_strdup_printf (_("%s · %s"), distance, duration)
    : g_strdup (distance);

  /* TRANSLATORS: a route's accessible name: its title, its distance and
   * its travel time, as "Astana – Seoul flight, 4,524 km, 6 h 30 min" */
  name = duration != NULL
    ? g_strdup_printf (_("%s, %s, %s"), gb_item_get_title (item), distance, duration)
    : g_strdup_printf (_("%s, %s"), gb_item_get_title (item), distance);
  tooltip = g_strdup_printf (_("%s\nShortest distance on the WGS 84 ellipsoid (geodesic), "
                               "initial heading %.0f°"),
                             gb_item_get_title (item), fmod (entry->azimuth + 360, 360));

  title = gtk_label_new (ends);
  gtk_widget_add_css_class (title, "heading");
  subtitle = gtk_label_new (details);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "numeric");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "map-route-label");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Shortest distance on the WGS 84 ellipsoid"),
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (label_clicked_cb), entry);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "notify::contains-focus", G_CALLBACK (label_focus_changed_cb), entry);
  gtk_widget_add_controller (button, focus);

  return button;
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
  entry->layer = self;
  entry->route = g_object_ref (route);
  entry->lat1 = gb_place_get_latitude (from);
  entry->lon1 = gb_place_get_longitude (from);
  entry->lat2 = gb_place_get_latitude (to);
  entry->lon2 = gb_place_get_longitude (to);
  entry->distance = gb_geodesic_inverse (entry->lat1, entry->lon1, entry->lat2, entry->lon2,
                                         &entry->azimuth, NULL);

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

    entry->mid_x = gb_mercator_x (m->longitude);
    entry->mid_y = gb_mercator_y (m->latitude);
    entry->tangent_x = gb_mercator_x (b->longitude) - gb_mercator_x (a->longitude);
    entry->tangent_y = gb_mercator_y (b->latitude) - gb_mercator_y (a->latitude);
  }

  entry->index = self->routes->len;
  entry->label = make_label (entry);
  gtk_widget_set_parent (entry->label, self->label_host != NULL ? self->label_host : GTK_WIDGET (self));
  g_ptr_array_add (self->routes, entry);

  queue_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gb_route_layer_remove_all (GbRouteLayer *self)
{
  g_return_if_fail (GB_IS_ROUTE_LAYER (self));

  self->hovered = NULL;
  g_ptr_array_set_size (self->order, 0);
  g_ptr_array_set_size (self->routes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  if (entry == NULL || (entry->linked == linked && entry->selected == selected))
    return;

  entry->linked = linked;
  entry->selected = selected;

  if (linked)
    gtk_widget_add_css_class (entry->label, "linked");
  else
    gtk_widget_remove_css_class (entry->label, "linked");
  if (selected)
    gtk_widget_add_css_class (entry->label, "selected");
  else
    gtk_widget_remove_css_class (entry->label, "selected");

  queue_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gb_route_layer_get_label:
 *
 * Returns: (transfer none) (nullable): the button beside @route's line
 */
GtkWidget *
gb_route_layer_get_label (GbRouteLayer *self,
                          GbRoute      *route)
{
  RouteEntry *entry;

  g_return_val_if_fail (GB_IS_ROUTE_LAYER (self), NULL);

  entry = find_entry (self, route);
  return entry != NULL ? entry->label : NULL;
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
 * gb_route_layer_set_label_host:
 * @host: (nullable): the widget to hold the labels and place them with
 *   gb_route_layer_allocate_labels(), or %NULL for this layer
 *
 * Moves the route labels into @host. The host must not outlive this layer
 * without setting the host back to %NULL first.
 */
void
gb_route_layer_set_label_host (GbRouteLayer *self,
                               GtkWidget    *host)
{
  GtkWidget *parent;

  g_return_if_fail (GB_IS_ROUTE_LAYER (self));
  g_return_if_fail (host == NULL || GTK_IS_WIDGET (host));

  if (host == GTK_WIDGET (self))
    host = NULL;
  if (self->label_host == host)
    return;

  self->label_host = host;
  parent = host != NULL ? host : GTK_WIDGET (self);

  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      g_object_ref (entry->label);
      gtk_widget_unparent (entry->label);
      gtk_widget_set_parent (entry->label, parent);
      g_object_unref (entry->label);
    }

  gtk_widget_queue_allocate (parent);
}

/**
 * gb_route_layer_label_is_shown:
 *
 * Returns: whether the last layout found room for @route's label (a label
 *   left out stays in the focus chain, but is not drawn)
 */
gboolean
gb_route_layer_label_is_shown (GbRouteLayer *self,
                               GbRoute      *route)
{
  RouteEntry *entry;

  g_return_val_if_fail (GB_IS_ROUTE_LAYER (self), FALSE);

  entry = find_entry (self, route);
  return entry != NULL && entry->label_shown && gtk_widget_get_child_visible (entry->label);
}
