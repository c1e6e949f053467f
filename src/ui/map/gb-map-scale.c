/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-map-scale"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gb-map-scale.h"

#define EARTH_RADIUS 6378137.0   /* metres, as Web Mercator has it */
#define TILE_SIZE 256.0

struct _GbMapScale
{
  GtkWidget        parent_instance;

  ShumateViewport *viewport;
  GtkWidget       *bars[2];   /* by GbScaleSystem */
};

G_DEFINE_FINAL_TYPE (GbMapScale, gb_map_scale, GTK_TYPE_WIDGET)

static void
update (GbMapScale *self)
{
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  double latitude = shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport));
  double metres_per_pixel = cos (latitude * G_PI / 180) * 2 * G_PI * EARTH_RADIUS
                            / (TILE_SIZE * exp2 (zoom));
  g_autofree char *description = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (self->bars); s++)
    {
      g_autofree char *label = NULL;
      double width = gb_route_scale_length (metres_per_pixel, GB_MAP_SCALE_MAX_WIDTH, s, &label);

      gtk_label_set_text (GTK_LABEL (self->bars[s]), label != NULL ? label : "");
      gtk_widget_set_size_request (self->bars[s], (int) round (width), -1);
      gtk_widget_set_visible (self->bars[s], label != NULL);
    }

  /* Translators: what a screen reader says of the map's scale bars */
  description = g_strdup_printf (_("%s, %s"), gtk_label_get_text (GTK_LABEL (self->bars[0])),
                                 gtk_label_get_text (GTK_LABEL (self->bars[1])));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
gb_map_scale_dispose (GObject *object)
{
  GbMapScale *self = GB_MAP_SCALE (object);

  for (guint s = 0; s < G_N_ELEMENTS (self->bars); s++)
    g_clear_pointer (&self->bars[s], gtk_widget_unparent);
  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (gb_map_scale_parent_class)->dispose (object);
}

static void
gb_map_scale_class_init (GbMapScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_map_scale_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbmapscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gb_map_scale_init (GbMapScale *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  for (guint s = 0; s < G_N_ELEMENTS (self->bars); s++)
    {
      self->bars[s] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->bars[s]), 0);
      gtk_widget_set_halign (self->bars[s], GTK_ALIGN_START);
      gtk_widget_add_css_class (self->bars[s], s == GB_SCALE_METRIC ? "metric" : "imperial");
      gtk_widget_set_parent (self->bars[s], GTK_WIDGET (self));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map scale"), -1);
}

GtkWidget *
gb_map_scale_new (ShumateViewport *viewport)
{
  GbMapScale *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (GB_TYPE_MAP_SCALE, NULL);
  self->viewport = g_object_ref (viewport);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * gb_map_scale_get_label:
 *
 * Returns: what the bar of @system says, "" when it is not shown
 */
const char *
gb_map_scale_get_label (GbMapScale    *self,
                        GbScaleSystem  system)
{
  g_return_val_if_fail (GB_IS_MAP_SCALE (self), NULL);
  g_return_val_if_fail (system < G_N_ELEMENTS (self->bars), NULL);

  return gtk_label_get_text (GTK_LABEL (self->bars[system]));
}
