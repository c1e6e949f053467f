/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-route-label-layer"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gb-map-private.h"
#include "gb-place.h"
#include "gb-route-format.h"
#include "gb-route-label-layer.h"

/* The routes' labels: beside the middle of each line (a button, so it can
 * be chosen with the keyboard), the distance and the flight time. This
 * layer reads the lines from the route layer and the places' boxes from
 * the place layer and tells neither anything: ShumateMap lays its layers
 * out in order, so by the time this one, above the places, is allocated,
 * the place layer has placed its markers and names for the frame and the
 * labels are fitted around them with no frame of lag.
 *
 * Labels never cover each other or the places' markers and names: they
 * are fitted in every frame, most important first — the one hovered or
 * focused, the selection, what is linked to it, then the longest routes —
 * on either side of the line, and the rest are left out (still there for
 * Tab and a screen reader, but not drawn nor under the pointer; pointing
 * at a line or focusing its label shows it). */

#define LABEL_GAP 12.0
#define LABEL_MARGIN 2.0  /* room for the labels' outline shadows */

typedef struct
{
  GbRouteLabelLayer *layer;
  GbRoute           *route;
  GtkWidget         *button;
  gboolean           focused;
  gboolean           shown;
} RouteLabel;

typedef struct
{
  const GbRouteLine *line;
  RouteLabel        *label;
} Candidate;

struct _GbRouteLabelLayer
{
  ShumateLayer     parent_instance;

  GbRouteLayer    *routes;
  GbMapPlaceLayer *places;
  GPtrArray       *labels;  /* RouteLabel, in the order of the route layer's lines */
  GArray          *order;   /* scratch: Candidate, most important first */
  GbMapBoxes       boxes;   /* scratch: the labels placed so far */
};

G_DEFINE_FINAL_TYPE (GbRouteLabelLayer, gb_route_label_layer, SHUMATE_TYPE_LAYER)

enum {
  ROUTE_ACTIVATED,
  LAID_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
route_label_free (gpointer data)
{
  RouteLabel *label = data;

  g_clear_pointer (&label->button, gtk_widget_unparent);
  g_clear_object (&label->route);
  g_free (label);
}

static RouteLabel *
find_label (GbRouteLabelLayer *self,
            GbRoute           *route)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      RouteLabel *label = g_ptr_array_index (self->labels, i);

      if (label->route == route)
        return label;
    }

  return NULL;
}

static const char *
place_code (GbPlace *place)
{
  const char *iata = gb_place_get_iata (place);

  return iata != NULL && *iata != '\0' ? iata : gb_item_get_title (GB_ITEM (place));
}

static void
label_clicked_cb (GtkButton  *button,
                  RouteLabel *label)
{
  g_signal_emit (label->layer, signals[ROUTE_ACTIVATED], 0, label->route);
}

static void
label_focus_changed_cb (GtkEventControllerFocus *controller,
                        GParamSpec              *pspec,
                        RouteLabel              *label)
{
  gboolean focused = gtk_event_controller_focus_contains_focus (controller);

  if (label->focused == focused)
    return;

  label->focused = focused;
  gtk_widget_queue_allocate (GTK_WIDGET (label->layer));
}

static GtkWidget *
make_button (const GbRouteLine *line)
{
  GbItem *item = GB_ITEM (line->route);
  GbPlace *from = gb_route_get_from (line->route), *to = gb_route_get_to (line->route);
  g_autofree char *distance = gb_route_format_distance (line->distance);
  g_autofree char *duration =
    gb_route_format_duration (gb_route_get_duration_minutes (line->route));
  g_autofree char *ends = NULL, *details = NULL, *name = NULL, *tooltip = NULL;
  GtkWidget *button, *box, *title, *subtitle;

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
                             gb_item_get_title (item), fmod (line->azimuth + 360, 360));

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
  return button;
}

static RouteLabel *
route_label_new (GbRouteLabelLayer *self,
                 const GbRouteLine *line)
{
  RouteLabel *label = g_new0 (RouteLabel, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  label->layer = self;
  label->route = g_object_ref (line->route);
  label->button = make_button (line);
  g_signal_connect (label->button, "clicked", G_CALLBACK (label_clicked_cb), label);
  g_signal_connect (focus, "notify::contains-focus", G_CALLBACK (label_focus_changed_cb), label);
  gtk_widget_add_controller (label->button, focus);
  gtk_widget_set_parent (label->button, GTK_WIDGET (self));

  return label;
}

/* How many labels, from the first, are still those of the lines there. */
static guint
labels_matching_lines (GbRouteLabelLayer *self)
{
  guint n = MIN (self->labels->len, gb_route_layer_get_n_routes (self->routes));

  for (guint i = 0; i < n; i++)
    if (((RouteLabel *) g_ptr_array_index (self->labels, i))->route
        != gb_route_layer_get_line (self->routes, i)->route)
      return i;

  return n;
}

/* A label for each line, in the route layer's order, marked as the line is.
 * Labels are kept as far as the lines are the same: a story adds its routes
 * one by one, and making every label again for each (5,000 routes: 12.5
 * million buttons) blocked the window for minutes. */
static void
lines_changed_cb (GbRouteLabelLayer *self)
{
  guint n = gb_route_layer_get_n_routes (self->routes);
  guint kept = labels_matching_lines (self);

  g_ptr_array_set_size (self->labels, kept);
  for (guint i = kept; i < n; i++)
    g_ptr_array_add (self->labels,
                     route_label_new (self, gb_route_layer_get_line (self->routes, i)));

  for (guint i = 0; i < n; i++)
    {
      const GbRouteLine *line = gb_route_layer_get_line (self->routes, i);
      RouteLabel *label = g_ptr_array_index (self->labels, i);

      gb_map_widget_set_css_class (label->button, "linked", line->linked);
      gb_map_widget_set_css_class (label->button, "selected", line->selected);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
viewport_changed_cb (GbRouteLabelLayer *self)
{
  if (self->labels->len > 0)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static int
label_rank (const Candidate *c)
{
  if (c->label->focused || c->line->hovered)
    return 0;
  if (c->line->selected)
    return 1;
  if (c->line->linked)
    return 2;
  return 3;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;
  int d = label_rank (x) - label_rank (y);

  if (d != 0)
    return d;
  /* Longer routes first: they carry the story's long journeys. */
  if (x->line->distance != y->line->distance)
    return x->line->distance > y->line->distance ? -1 : 1;
  return x->line->index < y->line->index ? -1 : x->line->index > y->line->index;
}

static gboolean
rect_free (GbRouteLabelLayer     *self,
           const graphene_rect_t *r)
{
  graphene_rect_t padded;

  graphene_rect_inset_r (r, -LABEL_MARGIN, -LABEL_MARGIN, &padded);

  if (gb_map_boxes_collides (&self->boxes, &padded))
    return FALSE;

  return self->places == NULL
         || !gb_map_boxes_collides (gb_map_place_layer_get_boxes (self->places), &padded);
}

static void
set_shown (RouteLabel *label,
           gboolean    shown)
{
  label->shown = shown;
  /* Left out, a label stays in the focus chain and the accessible tree,
   * but is neither drawn nor under the pointer. */
  gtk_widget_set_opacity (label->button, shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (label->button, shown);
}

/* Beside the middle of the line, first to the left of the direction of
 * travel (so the return flight's label sits on the other side), then to
 * the right; wholly on the screen and clear of what is placed already.
 * The one pointed at, focused or selected is shown even where it is not
 * clear. */
static void
place_label (GbRouteLabelLayer *self,
             const GbMapFrame  *f,
             const Candidate   *c)
{
  const GbRouteLine *line = c->line;
  int copy = gb_map_frame_nearest_copy (f, line->mid_x);
  GbClipPoint mid = gb_map_frame_project (f, line->mid_x, line->mid_y, copy);
  GbClipPoint ahead = gb_map_frame_project (f, line->mid_x + line->tangent_x,
                                            line->mid_y + line->tangent_y, copy);
  double dx = ahead.x - mid.x, dy = ahead.y - mid.y, len = hypot (dx, dy);
  double nx = len > 0 ? dy / len : 0, ny = len > 0 ? -dx / len : -1;
  gboolean found = FALSE, on_screen = FALSE;
  GtkAllocation first = { 0, }, alloc = { 0, };
  int w, h;

  gtk_widget_measure (c->label->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (c->label->button, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);

  for (int side = 0; side < 2 && !found; side++)
    {
      /* Far enough along the normal that the box's nearest corner keeps
       * the gap from the line. */
      double d = (side == 0 ? 1 : -1) * (LABEL_GAP + (fabs (nx) * w + fabs (ny) * h) / 2.0);
      GtkAllocation a = { (int) round (mid.x + nx * d - w / 2.0),
                          (int) round (mid.y + ny * d - h / 2.0), w, h };

      if (side == 0)
        first = a;
      if (a.x + w <= 0 || a.x >= f->width || a.y + h <= 0 || a.y >= f->height)
        continue;
      if (!on_screen)
        {
          on_screen = TRUE;
          first = a;
        }

      /* Cut off by the edge is no better than left out. */
      if (a.x < 0 || a.y < 0 || a.x + w > f->width || a.y + h > f->height)
        continue;
      if (rect_free (self, &GRAPHENE_RECT_INIT (a.x, a.y, w, h)))
        {
          alloc = a;
          found = TRUE;
        }
    }

  if (!found && label_rank (c) <= 1 && on_screen)
    {
      alloc = first;
      found = TRUE;
    }

  /* Off the screen a label is out of the focus chain; on it, it stays
   * reachable even when left out. */
  gtk_widget_set_child_visible (c->label->button, on_screen);
  if (!on_screen)
    {
      c->label->shown = FALSE;
      return;
    }

  set_shown (c->label, found);
  if (found)
    gb_map_boxes_add (&self->boxes,
                      &GRAPHENE_RECT_INIT (alloc.x, alloc.y, alloc.width, alloc.height));
  gtk_widget_size_allocate (c->label->button, found ? &alloc : &first, -1);
}

static void
lay_out (GbRouteLabelLayer *self,
         int                width,
         int                height)
{
  GbMapFrame f;

  gb_map_boxes_reset (&self->boxes, width, height);
  if (self->labels->len == 0
      || self->labels->len != gb_route_layer_get_n_routes (self->routes)
      || labels_matching_lines (self) != self->labels->len
      || !gb_map_frame_init (&f, shumate_layer_get_viewport (SHUMATE_LAYER (self)), width, height))
    return;

  g_array_set_size (self->order, 0);
  for (guint i = 0; i < self->labels->len; i++)
    {
      Candidate c = { gb_route_layer_get_line (self->routes, i),
                      g_ptr_array_index (self->labels, i) };

      g_array_append_val (self->order, c);
    }
  g_array_sort (self->order, compare_candidates);

  for (guint i = 0; i < self->order->len; i++)
    place_label (self, &f, &g_array_index (self->order, Candidate, i));
}

static void
gb_route_label_layer_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (widget);

  lay_out (self, width, height);
  g_signal_emit (self, signals[LAID_OUT], 0);
}

/* Only the labels take the pointer; the map around them is the map's. */
static gboolean
gb_route_label_layer_contains (GtkWidget *widget,
                               double     x,
                               double     y)
{
  return FALSE;
}

static void
gb_route_label_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gb_route_label_layer_parent_class)->constructed (object);

  gb_map_layer_follow_viewport (SHUMATE_LAYER (object), G_CALLBACK (viewport_changed_cb));
}

static void
gb_route_label_layer_dispose (GObject *object)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (object);

  if (self->routes != NULL)
    g_signal_handlers_disconnect_by_data (self->routes, self);
  if (self->labels != NULL)
    g_ptr_array_set_size (self->labels, 0);
  g_clear_object (&self->routes);
  g_clear_object (&self->places);

  G_OBJECT_CLASS (gb_route_label_layer_parent_class)->dispose (object);
}

static void
gb_route_label_layer_finalize (GObject *object)
{
  GbRouteLabelLayer *self = GB_ROUTE_LABEL_LAYER (object);

  gb_map_boxes_clear (&self->boxes);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_route_label_layer_parent_class)->finalize (object);
}

static void
gb_route_label_layer_class_init (GbRouteLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gb_route_label_layer_constructed;
  object_class->dispose = gb_route_label_layer_dispose;
  object_class->finalize = gb_route_label_layer_finalize;

  widget_class->size_allocate = gb_route_label_layer_size_allocate;
  widget_class->contains = gb_route_label_layer_contains;

  /**
   * GbRouteLabelLayer::route-activated:
   * @route: the route whose label was chosen
   */
  signals[ROUTE_ACTIVATED] =
    gb_map_layer_class_add_chosen_signal (klass, "route-activated", GB_TYPE_ROUTE);

  /**
   * GbRouteLabelLayer::laid-out:
   *
   * The labels are placed for the frame: gb_route_label_layer_get_boxes()
   * holds them.
   */
  signals[LAID_OUT] = gb_map_layer_class_add_laid_out_signal (klass);

  gtk_widget_class_set_css_name (widget_class, "map-route-labels");
}

static void
gb_route_label_layer_init (GbRouteLabelLayer *self)
{
  self->labels = g_ptr_array_new_with_free_func (route_label_free);
  self->order = g_array_new (FALSE, FALSE, sizeof (Candidate));
}

/**
 * gb_route_label_layer_new:
 * @routes: the layer drawing the routes' lines
 * @places: (nullable): the place layer whose markers and names the labels
 *   keep clear of; it must be below this layer in the map
 *
 * Returns: (transfer full): a layer holding a label for each of @routes'
 *   lines
 */
GbRouteLabelLayer *
gb_route_label_layer_new (ShumateViewport *viewport,
                          GbRouteLayer    *routes,
                          GbMapPlaceLayer *places)
{
  GbRouteLabelLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (GB_IS_ROUTE_LAYER (routes), NULL);
  g_return_val_if_fail (places == NULL || GB_IS_MAP_PLACE_LAYER (places), NULL);

  self = g_object_new (GB_TYPE_ROUTE_LABEL_LAYER, "viewport", viewport, NULL);
  self->routes = g_object_ref (routes);
  self->places = places != NULL ? g_object_ref (places) : NULL;
  g_signal_connect_object (routes, "lines-changed", G_CALLBACK (lines_changed_cb), self,
                           G_CONNECT_SWAPPED);
  lines_changed_cb (self);

  return self;
}

/**
 * gb_route_label_layer_get_label:
 *
 * Returns: (transfer none) (nullable): the button beside @route's line
 */
GtkWidget *
gb_route_label_layer_get_label (GbRouteLabelLayer *self,
                                GbRoute           *route)
{
  RouteLabel *label;

  g_return_val_if_fail (GB_IS_ROUTE_LABEL_LAYER (self), NULL);

  label = find_label (self, route);
  return label != NULL ? label->button : NULL;
}

/**
 * gb_route_label_layer_label_is_shown:
 *
 * Returns: whether the last layout found room for @route's label (a label
 *   left out stays in the focus chain, but is not drawn)
 */
gboolean
gb_route_label_layer_label_is_shown (GbRouteLabelLayer *self,
                                     GbRoute           *route)
{
  RouteLabel *label;

  g_return_val_if_fail (GB_IS_ROUTE_LABEL_LAYER (self), FALSE);

  label = find_label (self, route);
  return label != NULL && label->shown && gtk_widget_get_child_visible (label->button);
}

/**
 * gb_route_label_layer_get_boxes:
 *
 * The labels shown in the last layout, for the layers below to keep clear
 * of (gb_map_place_layer_get_boxes() has the places').
 *
 * Returns: (transfer none): the boxes
 */
const GbMapBoxes *
gb_route_label_layer_get_boxes (GbRouteLabelLayer *self)
{
  g_return_val_if_fail (GB_IS_ROUTE_LABEL_LAYER (self), NULL);

  return &self->boxes;
}
