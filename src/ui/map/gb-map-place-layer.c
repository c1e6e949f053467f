/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-place-layer"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gb-geodesic.h"
#include "gb-labels.h"
#include "gb-map-place-layer.h"
#include "gb-map-private.h"

/* The places as markers: each a ShumateMarker holding a small button (so
 * Tab reaches it and a screen reader names it) and, apart from it, a name
 * label. Labels are placed every frame in order of importance — the
 * selection, what is linked to it, cities, airports — on whichever side of
 * their marker is free, and left out where they would cover another label
 * or marker or be cut off, so the map stays legible at every zoom (Astana
 * and its airport are 17 km apart: one label each only once they no
 * longer overlap). Cities are drawn over airports, the selection over all.
 * Markers never cover one another, or a click would choose one the user
 * did not point at: one that would is moved aside (see move_marker_aside())
 * and tied to its place by a leader line.
 *
 * Widgets cost: a story with thousands of places can't have thousands of
 * buttons on screen at 60 frames a second. The most important
 * MAX_MARKER_WIDGETS places on screen get their widgets; any more on screen
 * are drawn as plain dots (a click on a dot still chooses its place, and
 * zooming in turns dots into markers). Small stories (up to that many
 * places) make all their widgets at once, so every place can be reached
 * with Tab; large ones make them as places come into view, a batch per
 * idle, and drop those not shown once there are many. */

#define SCREEN_MARGIN 64  /* markers this far off the edges are laid out */
#define LABEL_GAP 3
#define MAX_MARKER_WIDGETS 120
#define CREATE_BATCH 50
#define DOT_RADIUS 3.5
#define DOT_HIT 6.0
#define DOT_RIM 1.5
#define DOT_CELL 4
#define MARKER_GAP 2
#define MAX_KEEP_CLEAR 6
#define MOVE_RINGS 4
#define LEADER_WIDTH 1.5
#define LEADER_CASING 1.5

typedef struct
{
  GbMapPlaceLayer *layer;
  GbPlace         *place;
  guint            index;
  double           mx, my;      /* Web Mercator, world units */
  GtkWidget       *marker;      /* a ShumateMarker at the place … */
  GtkWidget       *button;      /* … holding the button; NULL until made */
  GtkWidget       *label;
  gboolean         linked;
  gboolean         selected;
  gboolean         pending;     /* waiting for its widgets */
  /* Per allocation */
  gboolean         on_screen;
  gboolean         as_widget;
  gboolean         label_shown;
  double           sx, sy;      /* the marker's centre … */
  gboolean         moved;       /* … moved aside from the place, at tx, ty */
  double           tx, ty;
  graphene_rect_t  box;         /* the marker's own */
  int              mw, mh;
} PlaceEntry;

typedef struct
{
  float       x, y;
  PlaceEntry *entry;
} Dot;

struct _GbMapPlaceLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *places;    /* PlaceEntry, in the order added */
  GHashTable   *by_place;  /* GbPlace → PlaceEntry */
  GPtrArray    *order;     /* all entries, most important first */
  gboolean      order_dirty;
  GPtrArray    *shown;     /* scratch: entries shown as widgets, by importance */
  GArray       *dots;      /* Dot: places on screen drawn without widgets */
  guint8       *dot_cells; /* scratch: which DOT_CELL squares have a dot */
  gsize         n_dot_cells;
  GtkWidget    *keep_clear[MAX_KEEP_CLEAR];  /* weak: what names must not cover */
  guint         n_keep_clear;
  GdkTexture   *dot_textures[2];  /* city, airport; for dot_scale */
  int           dot_scale;
  GPtrArray    *pending;   /* entries waiting for widgets */
  guint         create_id;
  guint         n_widgets;
  gboolean      lazy;
  GbMapBoxes    boxes;     /* scratch: markers and names placed */
  guint         n_shown_labels;
};

G_DEFINE_FINAL_TYPE (GbMapPlaceLayer, gb_map_place_layer, SHUMATE_TYPE_LAYER)

enum {
  PLACE_ACTIVATED,
  LAID_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_widgets (PlaceEntry *entry)
{
  if (entry->marker != NULL)
    entry->layer->n_widgets--;

  g_clear_pointer (&entry->marker, gtk_widget_unparent);
  g_clear_pointer (&entry->label, gtk_widget_unparent);
  entry->button = NULL;
  entry->as_widget = entry->label_shown = FALSE;
}

static void
place_entry_free (gpointer data)
{
  PlaceEntry *entry = data;

  drop_widgets (entry);
  g_clear_object (&entry->place);
  g_free (entry);
}

static int
importance (const PlaceEntry *entry)
{
  if (entry->selected)
    return 0;
  if (entry->linked)
    return 1;

  switch (gb_place_get_place_kind (entry->place))
    {
    case GB_PLACE_KIND_CITY:
      return 2;
    case GB_PLACE_KIND_AIRPORT:
      return 3;
    case GB_PLACE_KIND_VENUE:
    case GB_PLACE_KIND_COUNTRY:
    case GB_PLACE_KIND_OTHER:
    default:
      return 4;
    }
}

static int
compare_importance (gconstpointer a,
                    gconstpointer b)
{
  const PlaceEntry *x = *(PlaceEntry * const *) a;
  const PlaceEntry *y = *(PlaceEntry * const *) b;
  int d = importance (x) - importance (y);

  if (d != 0)
    return d;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
marker_clicked_cb (GtkButton  *button,
                   PlaceEntry *entry)
{
  g_signal_emit (entry->layer, signals[PLACE_ACTIVATED], 0, entry->place);
}

static void
label_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   PlaceEntry      *entry)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (entry->layer, signals[PLACE_ACTIVATED], 0, entry->place);
}

/* Tab may reach a marker that is off the screen: bring it into view. */
static void
marker_focus_enter_cb (GtkEventControllerFocus *controller,
                       PlaceEntry              *entry)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (entry->layer));

  if (entry->as_widget || viewport == NULL)
    return;

  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 CLAMP (gb_mercator_latitude (entry->my),
                                        -GB_MERCATOR_MAX_LATITUDE, GB_MERCATOR_MAX_LATITUDE),
                                 gb_mercator_longitude (entry->mx));
}

/* Marker and name show whether the place is selected or linked to it. */
static void
mark_widgets (PlaceEntry *entry)
{
  gb_map_widget_set_css_class (entry->button, "linked", entry->linked);
  gb_map_widget_set_css_class (entry->label, "linked", entry->linked);
  gb_map_widget_set_css_class (entry->button, "selected", entry->selected);
  gb_map_widget_set_css_class (entry->label, "selected", entry->selected);
}

static void
ensure_widgets (PlaceEntry *entry)
{
  GbMapPlaceLayer *self = entry->layer;
  GbPlace *place = entry->place;
  g_autofree char *name = NULL, *tooltip = NULL, *kind = NULL;
  GtkEventController *focus;
  GtkGesture *click;
  GtkWidget *button;

  entry->pending = FALSE;
  if (entry->marker != NULL)
    return;

  name = gb_labels_dup_place_name (place);
  kind = gb_labels_dup_place_kind (place);
  tooltip = g_strdup_printf ("%s\n%s", gb_item_get_title (GB_ITEM (place)), kind);

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "map-marker");
  if (gb_place_get_place_kind (place) == GB_PLACE_KIND_AIRPORT)
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "airplane-mode-symbolic");
      gtk_widget_add_css_class (button, "airport");
    }
  else
    gtk_widget_add_css_class (button, gb_place_get_place_kind (place) == GB_PLACE_KIND_CITY
                                      ? "city" : "other");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (marker_clicked_cb), entry);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (marker_focus_enter_cb), entry);
  gtk_widget_add_controller (button, focus);
  entry->button = button;

  entry->marker = GTK_WIDGET (shumate_marker_new ());
  shumate_location_set_location (SHUMATE_LOCATION (entry->marker),
                                 gb_mercator_latitude (entry->my),
                                 gb_mercator_longitude (entry->mx));
  shumate_marker_set_child (SHUMATE_MARKER (entry->marker), button);

  /* The visible name: plain text, never markup. */
  entry->label = gtk_label_new (gb_item_get_title (GB_ITEM (place)));
  gtk_widget_add_css_class (entry->label, "map-label");
  mark_widgets (entry);
  gtk_widget_set_cursor_from_name (entry->label, "pointer");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry->label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (label_released_cb), entry);
  gtk_widget_add_controller (entry->label, GTK_EVENT_CONTROLLER (click));

  /* Labels first among the children, so markers win the pointer. */
  gtk_widget_set_child_visible (entry->label, FALSE);
  gtk_widget_set_child_visible (entry->marker, FALSE);
  gtk_widget_insert_after (entry->label, GTK_WIDGET (self), NULL);
  gtk_widget_insert_before (entry->marker, GTK_WIDGET (self), NULL);
  self->n_widgets++;
}

/* @place's entry with its widgets made, if it has one. */
static PlaceEntry *
entry_with_widgets (GbMapPlaceLayer *self,
                    GbPlace         *place)
{
  PlaceEntry *entry = g_hash_table_lookup (self->by_place, place);

  if (entry != NULL)
    ensure_widgets (entry);
  return entry;
}

/* Makes widgets for places that came into view, a batch at a time, and in
 * large stories forgets those of places long out of view. */
static gboolean
create_pending_cb (gpointer user_data)
{
  GbMapPlaceLayer *self = user_data;
  guint made = 0;

  while (self->pending->len > 0 && made < CREATE_BATCH)
    {
      PlaceEntry *entry = g_ptr_array_steal_index (self->pending, self->pending->len - 1);

      if (entry->pending)
        {
          ensure_widgets (entry);
          made++;
        }
    }

  if (self->lazy && self->n_widgets > 4 * MAX_MARKER_WIDGETS)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      for (guint i = self->order->len; i-- > 0 && self->n_widgets > 2 * MAX_MARKER_WIDGETS;)
        {
          PlaceEntry *entry = g_ptr_array_index (self->order, i);

          if (entry->marker != NULL && !entry->as_widget
              && (focus == NULL || !gtk_widget_is_ancestor (focus, entry->marker)))
            drop_widgets (entry);
        }
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));

  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;

  self->create_id = 0;
  return G_SOURCE_REMOVE;
}

static void
want_widgets (GbMapPlaceLayer *self,
              PlaceEntry      *entry)
{
  if (entry->pending)
    return;

  entry->pending = TRUE;
  g_ptr_array_add (self->pending, entry);
  if (self->create_id == 0)
    self->create_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, create_pending_cb, self, NULL);
}

static void
place_label (GbMapPlaceLayer *self,
             PlaceEntry      *entry,
             int              width,
             int              height)
{
  double half_w = entry->mw / 2.0 + LABEL_GAP, half_h = entry->mh / 2.0 + LABEL_GAP;
  int lw, lh;

  gtk_widget_measure (entry->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &lw, NULL, NULL);
  gtk_widget_measure (entry->label, GTK_ORIENTATION_VERTICAL, lw, NULL, &lh, NULL, NULL);

  for (int side = 0; side < 4; side++)
    {
      graphene_rect_t r;

      switch (side)
        {
        case 0: /* east */
          r = GRAPHENE_RECT_INIT (entry->sx + half_w, entry->sy - lh / 2.0, lw, lh);
          break;
        case 1: /* west */
          r = GRAPHENE_RECT_INIT (entry->sx - half_w - lw, entry->sy - lh / 2.0, lw, lh);
          break;
        case 2: /* north */
          r = GRAPHENE_RECT_INIT (entry->sx - lw / 2.0, entry->sy - half_h - lh, lw, lh);
          break;
        default: /* south */
          r = GRAPHENE_RECT_INIT (entry->sx - lw / 2.0, entry->sy + half_h, lw, lh);
          break;
        }

      r.origin.x = floor (r.origin.x);
      r.origin.y = floor (r.origin.y);

      /* A name cut off by the edge is no better than none. */
      if (r.origin.x < 0 || r.origin.y < 0
          || r.origin.x + lw > width || r.origin.y + lh > height
          || gb_map_boxes_collides (&self->boxes, &r))
        continue;

      gb_map_boxes_add (&self->boxes, &r);
      gtk_widget_set_child_visible (entry->label, TRUE);
      gtk_widget_size_allocate (entry->label,
                                &(GtkAllocation) { r.origin.x, r.origin.y, lw, lh }, -1);
      entry->label_shown = TRUE;
      self->n_shown_labels++;
      return;
    }

  gtk_widget_set_child_visible (entry->label, FALSE);
}

/* Astana's airport is 17 km from the city: a few pixels at the story's
 * zoom, and under the city's marker. A marker that would cover one more
 * important (@box, padded by MARKER_GAP, hits one placed already) moves
 * the least distance that clears them all, trying eight directions a ring
 * at a time, the first pointing away from the marker it hits; where no
 * ring near has room, it stays. */
static void
move_marker_aside (GbMapPlaceLayer *self,
                   PlaceEntry      *entry,
                   graphene_rect_t *box)
{
  const PlaceEntry *hit = NULL;
  graphene_rect_t padded;
  graphene_point_t centre;
  double away, step;

  graphene_rect_inset_r (box, -MARKER_GAP, -MARKER_GAP, &padded);
  if (!gb_map_boxes_collides (&self->boxes, &padded))
    return;

  for (guint i = 0; i < self->shown->len && hit == NULL; i++)
    {
      const PlaceEntry *other = g_ptr_array_index (self->shown, i);

      if (graphene_rect_intersection (&padded, &other->box, NULL))
        hit = other;
    }
  if (hit == NULL)
    return;

  graphene_rect_get_center (&hit->box, &centre);
  if (fabs (entry->sx - centre.x) + fabs (entry->sy - centre.y) < 1)
    away = G_PI / 4;   /* the very same spot: south-east */
  else
    away = atan2 (entry->sy - centre.y, entry->sx - centre.x);
  step = MAX (entry->mw, entry->mh) / 2.0 + MARKER_GAP;

  for (int ring = 1; ring <= MOVE_RINGS; ring++)
    for (int k = 0; k < 8; k++)
      {
        double angle = away + ((k % 2) ? 1 : -1) * ((k + 1) / 2) * G_PI / 4;
        double dx = round (cos (angle) * step * ring), dy = round (sin (angle) * step * ring);
        graphene_rect_t r;

        graphene_rect_offset_r (box, dx, dy, &r);
        graphene_rect_inset_r (&r, -MARKER_GAP, -MARKER_GAP, &padded);
        if (gb_map_boxes_collides (&self->boxes, &padded))
          continue;

        entry->moved = TRUE;
        entry->tx = entry->sx;
        entry->ty = entry->sy;
        entry->sx += dx;
        entry->sy += dy;
        *box = r;
        return;
      }
}

static void
lay_out (GbMapPlaceLayer *self,
         int              width,
         int              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GbMapFrame f;
  guint slots;

  self->n_shown_labels = 0;
  g_ptr_array_set_size (self->shown, 0);
  g_array_set_size (self->dots, 0);
  if (!gb_map_frame_init (&f, viewport, width, height))
    return;

  if (self->order_dirty)
    {
      g_ptr_array_sort (self->order, compare_importance);
      self->order_dirty = FALSE;
    }

  gb_map_boxes_reset (&self->boxes, width, height);
  slots = 0;

  /* One dot per few pixels is all the eye can tell apart. */
  {
    gsize n = (gsize) (width / DOT_CELL + 1) * (height / DOT_CELL + 1);

    if (n != self->n_dot_cells)
      {
        g_free (self->dot_cells);
        self->dot_cells = g_new (guint8, n);
        self->n_dot_cells = n;
      }
    memset (self->dot_cells, 0, n);
  }

  /* Markers, most important first, each on the copy of the world nearest
   * the centre: widgets while they last, dots after. */
  for (guint i = 0; i < self->order->len; i++)
    {
      PlaceEntry *entry = g_ptr_array_index (self->order, i);
      GbClipPoint p = gb_map_frame_project (&f, entry->mx, entry->my,
                                            gb_map_frame_nearest_copy (&f, entry->mx));
      gboolean was_widget = entry->as_widget;
      GtkAllocation alloc;

      entry->sx = p.x;
      entry->sy = p.y;
      entry->on_screen = entry->sx > -SCREEN_MARGIN && entry->sx < width + SCREEN_MARGIN
                         && entry->sy > -SCREEN_MARGIN && entry->sy < height + SCREEN_MARGIN;
      entry->as_widget = FALSE;
      entry->label_shown = FALSE;
      entry->moved = FALSE;

      /* The first few on screen are markers, or will be once made. */
      if (entry->on_screen && slots < MAX_MARKER_WIDGETS)
        {
          slots++;
          if (entry->marker != NULL)
            entry->as_widget = TRUE;
          else
            want_widgets (self, entry);
        }

      if (!entry->as_widget)
        {
          if (was_widget || (entry->marker != NULL && gtk_widget_get_child_visible (entry->marker)))
            {
              gtk_widget_set_child_visible (entry->marker, FALSE);
              gtk_widget_set_child_visible (entry->label, FALSE);
            }
          if (entry->sx >= 0 && entry->sx < width && entry->sy >= 0 && entry->sy < height)
            {
              gsize cell = (gsize) (entry->sy / DOT_CELL) * (width / DOT_CELL + 1)
                           + (gsize) (entry->sx / DOT_CELL);

              if (!self->dot_cells[cell])
                {
                  Dot dot = { entry->sx, entry->sy, entry };

                  self->dot_cells[cell] = 1;
                  g_array_append_val (self->dots, dot);
                }
            }
          continue;
        }

      gtk_widget_set_child_visible (entry->marker, TRUE);
      gtk_widget_measure (entry->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &entry->mw, NULL, NULL);
      gtk_widget_measure (entry->marker, GTK_ORIENTATION_VERTICAL, -1, NULL, &entry->mh, NULL, NULL);
      entry->box = GRAPHENE_RECT_INIT (floor (entry->sx - entry->mw / 2.0),
                                       floor (entry->sy - entry->mh / 2.0),
                                       entry->mw, entry->mh);
      move_marker_aside (self, entry, &entry->box);
      alloc.x = (int) entry->box.origin.x;
      alloc.y = (int) entry->box.origin.y;
      alloc.width = entry->mw;
      alloc.height = entry->mh;
      gtk_widget_size_allocate (entry->marker, &alloc, -1);

      gb_map_boxes_add (&self->boxes, &entry->box);
      g_ptr_array_add (self->shown, entry);
    }

  /* Then names, most important first, wherever they fit: clear of the
   * markers and of what lies over the map (the scale, the buttons). */
  for (guint i = 0; i < self->n_keep_clear; i++)
    {
      GtkWidget *clear = self->keep_clear[i];
      graphene_rect_t r;

      if (clear != NULL && gtk_widget_get_mapped (clear)
          && gtk_widget_compute_bounds (clear, widget, &r))
        gb_map_boxes_add (&self->boxes, &r);
    }
  for (guint i = 0; i < self->shown->len; i++)
    place_label (self, g_ptr_array_index (self->shown, i), width, height);
}

static void
gb_map_place_layer_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (widget);

  lay_out (self, width, height);
  g_signal_emit (self, signals[LAID_OUT], 0);
}

/* A dot drawn once, as a texture, and stamped wherever needed: thousands
 * of textured squares cost the renderer far less than thousands of arcs. */
static GdkTexture *
make_dot_texture (const GdkRGBA *fill,
                  int            scale)
{
  static const GdkRGBA rim = { 1, 1, 1, 0.9 };
  double r = DOT_RADIUS + DOT_RIM;
  int size = (int) ceil (2 * r * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, (double) size / (2 * r), (double) size / (2 * r));
  cairo_arc (cr, r, r, DOT_RADIUS, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rim);
  cairo_set_line_width (cr, DOT_RIM);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill (cr);
  cairo_destroy (cr);
  return gb_map_texture_new_for_surface (surface);
}

/* Dots under everything, then names, then markers with the most important
 * on top. */
/* A marker moved aside points at its place: a thin dark line, cased in
 * white to show on land and sea alike, from the place to the marker. */
static void
snapshot_leader (GtkSnapshot      *snapshot,
                 const PlaceEntry *entry)
{
  static const GdkRGBA casing = { 1, 1, 1, 0.85 };
  static const GdkRGBA line = { 0.141, 0.122, 0.192, 0.9 };   /* #241f31 */
  double length = hypot (entry->sx - entry->tx, entry->sy - entry->ty);
  double w = LEADER_WIDTH + 2 * LEADER_CASING;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (entry->tx, entry->ty));
  gtk_snapshot_rotate (snapshot, atan2 (entry->sy - entry->ty, entry->sx - entry->tx) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, &casing, &GRAPHENE_RECT_INIT (-w / 2, -w / 2, length + w / 2, w));
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (-LEADER_WIDTH / 2, -LEADER_WIDTH / 2,
                                                  length, LEADER_WIDTH));
  gtk_snapshot_restore (snapshot);
}

static void
gb_map_place_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (widget);

  if (self->dots->len > 0)
    {
      int scale = gtk_widget_get_scale_factor (widget);
      double r = DOT_RADIUS + DOT_RIM;

      if (scale != self->dot_scale || self->dot_textures[0] == NULL)
        {
          static const GdkRGBA city = { 0.753, 0.110, 0.157, 1 };     /* #c01c28 */
          static const GdkRGBA airport = { 0.380, 0.208, 0.514, 1 };  /* #613583 */

          g_clear_object (&self->dot_textures[0]);
          g_clear_object (&self->dot_textures[1]);
          self->dot_textures[0] = make_dot_texture (&city, scale);
          self->dot_textures[1] = make_dot_texture (&airport, scale);
          self->dot_scale = scale;
        }

      /* Airports first, cities over them, as with the markers. */
      for (int pass = 1; pass >= 0; pass--)
        for (guint i = 0; i < self->dots->len; i++)
          {
            const Dot *dot = &g_array_index (self->dots, Dot, i);
            int is_airport = gb_place_get_place_kind (dot->entry->place) == GB_PLACE_KIND_AIRPORT;

            if (is_airport == pass)
              gtk_snapshot_append_texture (snapshot, self->dot_textures[pass],
                                           &GRAPHENE_RECT_INIT (dot->x - r, dot->y - r, 2 * r, 2 * r));
          }
    }

  for (guint i = 0; i < self->shown->len; i++)
    {
      PlaceEntry *entry = g_ptr_array_index (self->shown, i);

      if (entry->moved)
        snapshot_leader (snapshot, entry);
      if (entry->label_shown)
        gtk_widget_snapshot_child (widget, entry->label, snapshot);
    }

  for (guint i = self->shown->len; i-- > 0;)
    {
      PlaceEntry *entry = g_ptr_array_index (self->shown, i);

      gtk_widget_snapshot_child (widget, entry->marker, snapshot);
    }
}

static PlaceEntry *
dot_at (GbMapPlaceLayer *self,
        double           x,
        double           y)
{
  PlaceEntry *best = NULL;
  double best_d = DOT_HIT;

  for (guint i = 0; i < self->dots->len; i++)
    {
      const Dot *dot = &g_array_index (self->dots, Dot, i);
      double d = hypot (dot->x - x, dot->y - y);

      if (d <= best_d)
        {
          best = dot->entry;
          best_d = d;
        }
    }

  return best;
}

static gboolean
gb_map_place_layer_contains (GtkWidget *widget,
                             double     x,
                             double     y)
{
  return dot_at (GB_MAP_PLACE_LAYER (widget), x, y) != NULL;
}

static void
dot_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GbMapPlaceLayer *self)
{
  PlaceEntry *entry = dot_at (self, x, y);

  if (entry == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[PLACE_ACTIVATED], 0, entry->place);
}

static void
viewport_changed_cb (GbMapPlaceLayer *self)
{
  if (self->places->len > 0)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
gb_map_place_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gb_map_place_layer_parent_class)->constructed (object);

  gb_map_layer_follow_viewport (SHUMATE_LAYER (object), G_CALLBACK (viewport_changed_cb));
}

static void
clear_places (GbMapPlaceLayer *self)
{
  g_clear_handle_id (&self->create_id, g_source_remove);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);
  if (self->shown != NULL)
    g_ptr_array_set_size (self->shown, 0);
  if (self->dots != NULL)
    g_array_set_size (self->dots, 0);
  if (self->order != NULL)
    g_ptr_array_set_size (self->order, 0);
  if (self->by_place != NULL)
    g_hash_table_remove_all (self->by_place);
  if (self->places != NULL)
    g_ptr_array_set_size (self->places, 0);
}

static void
gb_map_place_layer_dispose (GObject *object)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (object);

  clear_places (self);
  for (guint i = 0; i < self->n_keep_clear; i++)
    if (self->keep_clear[i] != NULL)
      g_object_remove_weak_pointer (G_OBJECT (self->keep_clear[i]), (gpointer *) &self->keep_clear[i]);
  self->n_keep_clear = 0;

  G_OBJECT_CLASS (gb_map_place_layer_parent_class)->dispose (object);
}

static void
gb_map_place_layer_finalize (GObject *object)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (object);

  gb_map_boxes_clear (&self->boxes);
  g_clear_pointer (&self->dot_cells, g_free);
  g_clear_object (&self->dot_textures[0]);
  g_clear_object (&self->dot_textures[1]);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->by_place, g_hash_table_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_map_place_layer_parent_class)->finalize (object);
}

static void
gb_map_place_layer_class_init (GbMapPlaceLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gb_map_place_layer_constructed;
  object_class->dispose = gb_map_place_layer_dispose;
  object_class->finalize = gb_map_place_layer_finalize;

  widget_class->size_allocate = gb_map_place_layer_size_allocate;
  widget_class->snapshot = gb_map_place_layer_snapshot;
  widget_class->contains = gb_map_place_layer_contains;

  /**
   * GbMapPlaceLayer::place-activated:
   * @place: the place whose marker, label or dot was chosen
   */
  signals[PLACE_ACTIVATED] =
    gb_map_layer_class_add_chosen_signal (klass, "place-activated", GB_TYPE_PLACE);

  /**
   * GbMapPlaceLayer::laid-out:
   *
   * The markers and names are placed for the frame: gb_map_place_layer_get_boxes()
   * holds them.
   */
  signals[LAID_OUT] = gb_map_layer_class_add_laid_out_signal (klass);

  gtk_widget_class_set_css_name (widget_class, "map-places");
}

static void
gb_map_place_layer_init (GbMapPlaceLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->places = g_ptr_array_new_with_free_func (place_entry_free);
  self->by_place = g_hash_table_new (NULL, NULL);
  self->order = g_ptr_array_new ();
  self->shown = g_ptr_array_new ();
  self->pending = g_ptr_array_new ();
  self->dots = g_array_new (FALSE, FALSE, sizeof (Dot));

  g_signal_connect (click, "released", G_CALLBACK (dot_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GbMapPlaceLayer *
gb_map_place_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (GB_TYPE_MAP_PLACE_LAYER, "viewport", viewport, NULL);
}

/**
 * gb_map_place_layer_add_place:
 *
 * Adds a marker for @place. The first %MAX_MARKER_WIDGETS places get their
 * widgets at once; in larger stories widgets are made as places come into
 * view.
 */
void
gb_map_place_layer_add_place (GbMapPlaceLayer *self,
                              GbPlace         *place)
{
  PlaceEntry *entry;
  double lat, lon;

  g_return_if_fail (GB_IS_MAP_PLACE_LAYER (self));
  g_return_if_fail (GB_IS_PLACE (place));

  lat = gb_place_get_latitude (place);
  lon = gb_place_get_longitude (place);
  if (g_hash_table_contains (self->by_place, place) || !isfinite (lat) || !isfinite (lon))
    return;

  entry = g_new0 (PlaceEntry, 1);
  entry->layer = self;
  entry->place = g_object_ref (place);
  entry->index = self->places->len;
  entry->mx = gb_mercator_x (CLAMP (lon, -180, 180));
  entry->my = gb_mercator_y (CLAMP (lat, -90, 90));

  g_ptr_array_add (self->places, entry);
  g_ptr_array_add (self->order, entry);
  g_hash_table_insert (self->by_place, place, entry);
  self->order_dirty = TRUE;

  if (self->places->len <= MAX_MARKER_WIDGETS)
    ensure_widgets (entry);
  else if (!self->lazy)
    {
      /* Too many to keep: from now on only what is in view. */
      self->lazy = TRUE;
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
gb_map_place_layer_remove_all (GbMapPlaceLayer *self)
{
  g_return_if_fail (GB_IS_MAP_PLACE_LAYER (self));

  clear_places (self);
  self->lazy = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
gb_map_place_layer_get_n_places (GbMapPlaceLayer *self)
{
  g_return_val_if_fail (GB_IS_MAP_PLACE_LAYER (self), 0);

  return self->places->len;
}

/**
 * gb_map_place_layer_set_state:
 * @linked: whether @place is linked to the current selection
 * @selected: whether it is the current selection
 */
void
gb_map_place_layer_set_state (GbMapPlaceLayer *self,
                              GbPlace         *place,
                              gboolean         linked,
                              gboolean         selected)
{
  PlaceEntry *entry;

  g_return_if_fail (GB_IS_MAP_PLACE_LAYER (self));

  entry = g_hash_table_lookup (self->by_place, place);
  if (entry == NULL || (entry->linked == linked && entry->selected == selected))
    return;

  entry->linked = linked;
  entry->selected = selected;
  self->order_dirty = TRUE;

  if (entry->marker != NULL)
    mark_widgets (entry);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * gb_map_place_layer_get_marker:
 *
 * Returns: (transfer none) (nullable): @place's marker button
 */
GtkWidget *
gb_map_place_layer_get_marker (GbMapPlaceLayer *self,
                               GbPlace         *place)
{
  PlaceEntry *entry;

  g_return_val_if_fail (GB_IS_MAP_PLACE_LAYER (self), NULL);

  entry = entry_with_widgets (self, place);
  return entry != NULL ? entry->button : NULL;
}

/**
 * gb_map_place_layer_get_label:
 *
 * Returns: (transfer none) (nullable): @place's name label
 */
GtkWidget *
gb_map_place_layer_get_label (GbMapPlaceLayer *self,
                              GbPlace         *place)
{
  PlaceEntry *entry;

  g_return_val_if_fail (GB_IS_MAP_PLACE_LAYER (self), NULL);

  entry = entry_with_widgets (self, place);
  return entry != NULL ? entry->label : NULL;
}

/**
 * gb_map_place_layer_get_n_shown_labels:
 *
 * Returns: how many names the last layout found room for
 */
guint
gb_map_place_layer_get_n_shown_labels (GbMapPlaceLayer *self)
{
  g_return_val_if_fail (GB_IS_MAP_PLACE_LAYER (self), 0);

  return self->n_shown_labels;
}

/**
 * gb_map_place_layer_get_boxes:
 *
 * The markers and names as the last layout placed them (dots aside), for
 * layers above this one that fit their own labels in.
 *
 * Returns: (transfer none): the boxes
 */
const GbMapBoxes *
gb_map_place_layer_get_boxes (GbMapPlaceLayer *self)
{
  g_return_val_if_fail (GB_IS_MAP_PLACE_LAYER (self), NULL);

  return &self->boxes;
}

/**
 * gb_map_place_layer_keep_clear:
 * @widget: a widget over the map (its scale, its buttons)
 *
 * Names of places, and the routes' labels that keep clear of them, are
 * not placed where @widget is.
 */
void
gb_map_place_layer_keep_clear (GbMapPlaceLayer *self,
                               GtkWidget       *widget)
{
  g_return_if_fail (GB_IS_MAP_PLACE_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (self->n_keep_clear < MAX_KEEP_CLEAR);

  self->keep_clear[self->n_keep_clear] = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->keep_clear[self->n_keep_clear]);
  self->n_keep_clear++;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
