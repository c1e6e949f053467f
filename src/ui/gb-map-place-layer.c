/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-place-layer"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gb-geodesic.h"
#include "gb-map-place-layer.h"

/* The places as markers: each a ShumateMarker holding a small button (so
 * Tab reaches it and a screen reader names it) and, apart from it, a name
 * label. Labels are
 * placed every frame in order of importance — the selection, what is
 * linked to it, cities, airports — on whichever side of their marker is
 * free, and left out where they would cover another label or marker, so
 * the map stays legible at every zoom (Astana and its airport are 17 km
 * apart: one label each only once they no longer overlap). Markers off
 * the screen are neither allocated nor drawn. */

#define CELL 64
#define LABEL_GAP 3

typedef struct
{
  GbMapPlaceLayer *layer;
  GbPlace         *place;
  guint            index;
  double           mx, my;      /* Web Mercator, world units */
  GtkWidget       *marker;     /* a ShumateMarker at the place … */
  GtkWidget       *button;     /* … holding the button */
  GtkWidget       *label;
  gboolean         linked;
  gboolean         selected;
  /* Per allocation */
  gboolean         on_screen;
  double           sx, sy;
  int              mw, mh;
} PlaceEntry;

struct _GbMapPlaceLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *places;    /* PlaceEntry, in the order added */
  GHashTable   *by_place;  /* GbPlace → PlaceEntry */
  GPtrArray    *order;     /* scratch: on-screen entries by importance */
  GtkWidget    *labels_end;  /* the last label among the children */
  GArray      **grid;      /* scratch: placed rectangles per cell */
  guint         grid_cols, grid_rows;
  guint         n_shown_labels;
};

G_DEFINE_FINAL_TYPE (GbMapPlaceLayer, gb_map_place_layer, SHUMATE_TYPE_LAYER)

enum {
  PLACE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
place_entry_free (gpointer data)
{
  PlaceEntry *entry = data;

  g_clear_pointer (&entry->marker, gtk_widget_unparent);
  g_clear_pointer (&entry->label, gtk_widget_unparent);
  g_clear_object (&entry->place);
  g_free (entry);
}

static void
free_grid (GbMapPlaceLayer *self)
{
  for (guint i = 0; self->grid != NULL && i < self->grid_cols * self->grid_rows; i++)
    g_array_unref (self->grid[i]);
  g_clear_pointer (&self->grid, g_free);
  self->grid_cols = self->grid_rows = 0;
}

static void
reset_grid (GbMapPlaceLayer *self,
            int              width,
            int              height)
{
  guint cols = width / CELL + 1, rows = height / CELL + 1;

  if (cols != self->grid_cols || rows != self->grid_rows)
    {
      free_grid (self);
      self->grid_cols = cols;
      self->grid_rows = rows;
      self->grid = g_new (GArray *, cols * rows);
      for (guint i = 0; i < cols * rows; i++)
        self->grid[i] = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    }
  else
    for (guint i = 0; i < cols * rows; i++)
      g_array_set_size (self->grid[i], 0);
}

static void
cell_range (GbMapPlaceLayer       *self,
            const graphene_rect_t *r,
            guint                 *c0,
            guint                 *c1,
            guint                 *r0,
            guint                 *r1)
{
  *c0 = (guint) CLAMP (floor (r->origin.x / CELL), 0, self->grid_cols - 1);
  *c1 = (guint) CLAMP (floor ((r->origin.x + r->size.width) / CELL), 0, self->grid_cols - 1);
  *r0 = (guint) CLAMP (floor (r->origin.y / CELL), 0, self->grid_rows - 1);
  *r1 = (guint) CLAMP (floor ((r->origin.y + r->size.height) / CELL), 0, self->grid_rows - 1);
}

static gboolean
grid_collides (GbMapPlaceLayer       *self,
               const graphene_rect_t *r)
{
  guint c0, c1, r0, r1;

  cell_range (self, r, &c0, &c1, &r0, &r1);

  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray *cell = self->grid[row * self->grid_cols + col];

        for (guint i = 0; i < cell->len; i++)
          if (graphene_rect_intersection (r, &g_array_index (cell, graphene_rect_t, i), NULL))
            return TRUE;
      }

  return FALSE;
}

static void
grid_add (GbMapPlaceLayer       *self,
          const graphene_rect_t *r)
{
  guint c0, c1, r0, r1;

  cell_range (self, r, &c0, &c1, &r0, &r1);

  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      g_array_append_val (self->grid[row * self->grid_cols + col], *r);
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
gb_map_place_layer_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double world, cx, cy, rotation, s, c;

  self->n_shown_labels = 0;
  if (viewport == NULL || width <= 0 || height <= 0)
    return;

  world = 256.0 * pow (2, shumate_viewport_get_zoom_level (viewport));
  cx = gb_mercator_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))) * world;
  cy = gb_mercator_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport))) * world;
  rotation = shumate_viewport_get_rotation (viewport);
  s = sin (rotation);
  c = cos (rotation);

  reset_grid (self, width, height);
  g_ptr_array_set_size (self->order, 0);

  /* Markers first, each on the copy of the world nearest the centre. */
  for (guint i = 0; i < self->places->len; i++)
    {
      PlaceEntry *entry = g_ptr_array_index (self->places, i);
      double k = round (cx / world - entry->mx);
      double x = (entry->mx + k) * world - cx, y = entry->my * world - cy;
      GtkAllocation alloc;

      if (rotation != 0)
        {
          double rx = x * c - y * s, ry = x * s + y * c;
          x = rx;
          y = ry;
        }
      entry->sx = x + width / 2.0;
      entry->sy = y + height / 2.0;

      entry->on_screen = entry->sx > -CELL && entry->sx < width + CELL
                         && entry->sy > -CELL && entry->sy < height + CELL;
      gtk_widget_set_child_visible (entry->marker, entry->on_screen);
      if (!entry->on_screen)
        {
          gtk_widget_set_child_visible (entry->label, FALSE);
          continue;
        }

      gtk_widget_measure (entry->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &entry->mw, NULL, NULL);
      gtk_widget_measure (entry->marker, GTK_ORIENTATION_VERTICAL, -1, NULL, &entry->mh, NULL, NULL);
      alloc.x = (int) floor (entry->sx - entry->mw / 2.0);
      alloc.y = (int) floor (entry->sy - entry->mh / 2.0);
      alloc.width = entry->mw;
      alloc.height = entry->mh;
      gtk_widget_size_allocate (entry->marker, &alloc, -1);

      grid_add (self, &GRAPHENE_RECT_INIT (alloc.x, alloc.y, alloc.width, alloc.height));
      g_ptr_array_add (self->order, entry);
    }

  /* Then labels, most important first, wherever they fit. */
  g_ptr_array_sort (self->order, compare_importance);

  for (guint i = 0; i < self->order->len; i++)
    {
      PlaceEntry *entry = g_ptr_array_index (self->order, i);
      double half_w = entry->mw / 2.0 + LABEL_GAP, half_h = entry->mh / 2.0 + LABEL_GAP;
      gboolean placed = FALSE;
      int lw, lh;

      gtk_widget_measure (entry->label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &lw, NULL, NULL);
      gtk_widget_measure (entry->label, GTK_ORIENTATION_VERTICAL, lw, NULL, &lh, NULL, NULL);

      for (int side = 0; side < 4 && !placed; side++)
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
              || grid_collides (self, &r))
            continue;

          grid_add (self, &r);
          gtk_widget_set_child_visible (entry->label, TRUE);
          gtk_widget_size_allocate (entry->label,
                                    &(GtkAllocation) { r.origin.x, r.origin.y, lw, lh }, -1);
          placed = TRUE;
          self->n_shown_labels++;
        }

      if (!placed)
        gtk_widget_set_child_visible (entry->label, FALSE);
    }
}

static void
viewport_changed_cb (GbMapPlaceLayer *self)
{
  if (self->places->len > 0)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
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

static void
gb_map_place_layer_constructed (GObject *object)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (gb_map_place_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
gb_map_place_layer_dispose (GObject *object)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (object);

  if (self->by_place != NULL)
    g_hash_table_remove_all (self->by_place);
  if (self->order != NULL)
    g_ptr_array_set_size (self->order, 0);
  if (self->places != NULL)
    g_ptr_array_set_size (self->places, 0);
  self->labels_end = NULL;

  G_OBJECT_CLASS (gb_map_place_layer_parent_class)->dispose (object);
}

static void
gb_map_place_layer_finalize (GObject *object)
{
  GbMapPlaceLayer *self = GB_MAP_PLACE_LAYER (object);

  free_grid (self);
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

  /**
   * GbMapPlaceLayer::place-activated:
   * @place: the place whose marker or label was chosen
   */
  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GB_TYPE_PLACE);

  gtk_widget_class_set_css_name (widget_class, "map-places");
}

static void
gb_map_place_layer_init (GbMapPlaceLayer *self)
{
  self->places = g_ptr_array_new_with_free_func (place_entry_free);
  self->by_place = g_hash_table_new (NULL, NULL);
  self->order = g_ptr_array_new ();
}

GbMapPlaceLayer *
gb_map_place_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (GB_TYPE_MAP_PLACE_LAYER, "viewport", viewport, NULL);
}

/**
 * gb_map_place_dup_accessible_name:
 *
 * What a screen reader says for a place's marker: its name and, from its
 * description, the first sentence, as "Astana — Capital of Kazakhstan".
 *
 * Returns: (transfer full): the name
 */
char *
gb_map_place_dup_accessible_name (GbPlace *place)
{
  const char *title, *description;
  g_autofree char *first = NULL;
  const char *end;

  g_return_val_if_fail (GB_IS_PLACE (place), NULL);

  title = gb_item_get_title (GB_ITEM (place));
  description = gb_item_get_description (GB_ITEM (place));
  if (description == NULL || *description == '\0')
    return g_strdup (title);

  end = strstr (description, ". ");
  first = end != NULL ? g_strndup (description, end - description) : g_strdup (description);
  g_strstrip (first);
  if (g_str_has_suffix (first, "."))
    first[strlen (first) - 1] = '\0';

  /* TRANSLATORS: a map marker's name: the place, then what it is */
  return g_strdup_printf (_("%s — %s"), title, first);
}

static const char *
kind_name (GbPlace *place)
{
  switch (gb_place_get_place_kind (place))
    {
    case GB_PLACE_KIND_CITY:
      return _("City");
    case GB_PLACE_KIND_AIRPORT:
      return _("Airport");
    case GB_PLACE_KIND_VENUE:
      return _("Venue");
    case GB_PLACE_KIND_COUNTRY:
      return _("Country");
    case GB_PLACE_KIND_OTHER:
    default:
      return _("Place");
    }
}

void
gb_map_place_layer_add_place (GbMapPlaceLayer *self,
                              GbPlace         *place)
{
  g_autofree char *name = NULL, *tooltip = NULL, *kind = NULL;
  GtkGesture *click;
  PlaceEntry *entry;
  GtkWidget *button;
  const char *iata;
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

  name = gb_map_place_dup_accessible_name (place);
  iata = gb_place_get_iata (place);
  kind = iata != NULL && *iata != '\0'
    /* TRANSLATORS: a place's kind and its airport code, as "Airport, NQZ" */
    ? g_strdup_printf (_("%s, %s"), kind_name (place), iata)
    : g_strdup (kind_name (place));
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
  entry->button = button;

  entry->marker = GTK_WIDGET (shumate_marker_new ());
  shumate_location_set_location (SHUMATE_LOCATION (entry->marker), CLAMP (lat, -90, 90),
                                 CLAMP (lon, -180, 180));
  shumate_marker_set_child (SHUMATE_MARKER (entry->marker), button);

  /* The visible name: plain text, never markup. */
  entry->label = gtk_label_new (gb_item_get_title (GB_ITEM (place)));
  gtk_widget_add_css_class (entry->label, "map-label");
  gtk_widget_set_cursor_from_name (entry->label, "pointer");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry->label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (label_released_cb), entry);
  gtk_widget_add_controller (entry->label, GTK_EVENT_CONTROLLER (click));

  /* Labels under markers, so a marker is never hidden by a name; cities
   * over airports and the rest, so Astana's dot stays on top of its
   * airport's where the two meet at a low zoom. */
  gtk_widget_insert_after (entry->label, GTK_WIDGET (self), NULL);
  if (self->labels_end == NULL)
    self->labels_end = entry->label;
  if (gb_place_get_place_kind (place) == GB_PLACE_KIND_CITY)
    gtk_widget_insert_before (entry->marker, GTK_WIDGET (self), NULL);
  else
    gtk_widget_insert_after (entry->marker, GTK_WIDGET (self), self->labels_end);

  g_ptr_array_add (self->places, entry);
  g_hash_table_insert (self->by_place, place, entry);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
gb_map_place_layer_remove_all (GbMapPlaceLayer *self)
{
  g_return_if_fail (GB_IS_MAP_PLACE_LAYER (self));

  g_hash_table_remove_all (self->by_place);
  g_ptr_array_set_size (self->order, 0);
  g_ptr_array_set_size (self->places, 0);
  self->labels_end = NULL;
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

  if (linked)
    {
      gtk_widget_add_css_class (entry->button, "linked");
      gtk_widget_add_css_class (entry->label, "linked");
    }
  else
    {
      gtk_widget_remove_css_class (entry->button, "linked");
      gtk_widget_remove_css_class (entry->label, "linked");
    }

  if (selected)
    {
      gtk_widget_add_css_class (entry->button, "selected");
      gtk_widget_add_css_class (entry->label, "selected");
    }
  else
    {
      gtk_widget_remove_css_class (entry->button, "selected");
      gtk_widget_remove_css_class (entry->label, "selected");
    }

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

  entry = g_hash_table_lookup (self->by_place, place);
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

  entry = g_hash_table_lookup (self->by_place, place);
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
