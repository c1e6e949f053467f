/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gb-export-private.h"
#include "gb-geodesic.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-source.h"

/* Dossier → GeoJSON (RFC 7946): places as Points, routes as LineStrings along
 * the geodesic, split where they cross the antimeridian. Coordinates are
 * longitude first. docs/formats.md has the whole mapping. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  g_autofree char *clean = gb_export_dup_clean (value);

  if (clean == NULL || clean[0] == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, clean);
}

/* About 10 cm: more digits would claim a precision no place has. */
static void
add_coordinate (JsonBuilder *builder,
                double       value)
{
  gb_export_add_number (builder, value, 6);
}

static void
add_position (JsonBuilder *builder,
              double       longitude,
              double       latitude)
{
  json_builder_begin_array (builder);
  add_coordinate (builder, longitude);
  add_coordinate (builder, latitude);
  json_builder_end_array (builder);
}

/* Properties every item has: its id, kind, title, description and where it
 * comes from. */
static void
add_common_properties (JsonBuilder *builder,
                       GbItem      *item,
                       const char  *kind)
{
  GbSource *source = gb_item_get_source (item);
  g_autofree char *title = gb_export_dup_title (item);
  g_autofree char *description = gb_export_dup_description (item);

  add_string (builder, "id", gb_item_get_id (item));
  add_string (builder, "type", kind);
  add_string (builder, "name", title);
  add_string (builder, "description", description);
  json_builder_set_member_name (builder, "context");
  json_builder_add_boolean_value (builder, gb_item_is_context (item));
  if (source != NULL)
    {
      add_string (builder, "source", gb_item_get_id (GB_ITEM (source)));
      add_string (builder, "source_title", gb_item_get_title (GB_ITEM (source)));
      add_string (builder, "source_publisher", gb_source_get_publisher (source));
      add_string (builder, "source_url", gb_source_get_url (source));
      add_string (builder, "quote", gb_item_get_quote (item));
    }
}

static void
add_place (JsonBuilder *builder,
           GbPlace     *place)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, gb_item_get_id (GB_ITEM (place)));

  json_builder_set_member_name (builder, "geometry");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Point");
  json_builder_set_member_name (builder, "coordinates");
  add_position (builder, gb_place_get_longitude (place), gb_place_get_latitude (place));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  add_common_properties (builder, GB_ITEM (place), "place");
  add_string (builder, "kind", gb_place_kind_to_string (gb_place_get_place_kind (place)));
  add_string (builder, "country", gb_place_get_country (place));
  add_string (builder, "timezone", gb_place_get_timezone (place));
  add_string (builder, "iata", gb_place_get_iata (place));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Which copy of the world an unwrapped longitude is in: 0 for [-180, 180). */
static double
world_copy (double longitude)
{
  return floor ((longitude + 180.0) / 360.0);
}

/* The path's points in [-180, 180], as one line per stretch between
 * crossings of the antimeridian; each crossing ends one line at ±180 and
 * starts the next at ∓180, at the latitude where the segment crosses. */
static GPtrArray *
split_at_antimeridian (GArray *path)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *line = g_array_new (FALSE, FALSE, sizeof (GbGeoPoint));

  g_ptr_array_add (lines, line);
  for (guint i = 0; i < path->len; i++)
    {
      GbGeoPoint p = g_array_index (path, GbGeoPoint, i);
      double copy = world_copy (p.longitude);

      if (i > 0)
        {
          GbGeoPoint prev = g_array_index (path, GbGeoPoint, i - 1);
          double prev_copy = world_copy (prev.longitude);

          if (copy != prev_copy)
            {
              gboolean east = copy > prev_copy;
              double boundary = (east ? 180.0 : -180.0) + 360.0 * prev_copy;
              double t = (boundary - prev.longitude) / (p.longitude - prev.longitude);
              GbGeoPoint end = { prev.latitude + t * (p.latitude - prev.latitude),
                                 east ? 180.0 : -180.0 };
              GbGeoPoint start = { end.latitude, -end.longitude };

              g_array_append_val (line, end);
              line = g_array_new (FALSE, FALSE, sizeof (GbGeoPoint));
              g_ptr_array_add (lines, line);
              g_array_append_val (line, start);
            }
        }

      p.longitude -= 360.0 * copy;
      g_array_append_val (line, p);
    }

  return lines;
}

static void
add_line (JsonBuilder *builder,
          GArray      *line)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < line->len; i++)
    {
      GbGeoPoint *p = &g_array_index (line, GbGeoPoint, i);

      add_position (builder, p->longitude, p->latitude);
    }
  json_builder_end_array (builder);
}

static void
add_route (JsonBuilder *builder,
           GbRoute     *route)
{
  GbPlace *from = gb_route_get_from (route);
  GbPlace *to = gb_route_get_to (route);
  double lat1 = gb_place_get_latitude (from), lon1 = gb_place_get_longitude (from);
  double lat2 = gb_place_get_latitude (to), lon2 = gb_place_get_longitude (to);
  g_autoptr(GArray) path = gb_geodesic_path (lat1, lon1, lat2, lon2, GB_GEODESIC_PATH_TOLERANCE);
  g_autoptr(GPtrArray) lines = NULL;
  const char * const *operators = gb_route_get_operators (route);
  double metres = gb_geodesic_inverse (lat1, lon1, lat2, lon2, NULL, NULL);
  GbDate *period = gb_item_get_date (GB_ITEM (route));

  g_assert (path != NULL);
  lines = split_at_antimeridian (path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, gb_item_get_id (GB_ITEM (route)));

  json_builder_set_member_name (builder, "geometry");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, lines->len > 1 ? "MultiLineString" : "LineString");
  json_builder_set_member_name (builder, "coordinates");
  if (lines->len > 1)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < lines->len; i++)
        add_line (builder, g_ptr_array_index (lines, i));
      json_builder_end_array (builder);
    }
  else
    add_line (builder, g_ptr_array_index (lines, 0));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  add_common_properties (builder, GB_ITEM (route), "route");
  add_string (builder, "mode", gb_route_get_mode (route));
  add_string (builder, "from", gb_item_get_id (GB_ITEM (from)));
  add_string (builder, "to", gb_item_get_id (GB_ITEM (to)));
  add_string (builder, "from_name", gb_item_get_title (GB_ITEM (from)));
  add_string (builder, "to_name", gb_item_get_title (GB_ITEM (to)));
  json_builder_set_member_name (builder, "distance_km");
  gb_export_add_number (builder, metres / 1000.0, 1);
  if (gb_route_get_duration_minutes (route) > 0)
    {
      json_builder_set_member_name (builder, "duration_minutes");
      json_builder_add_int_value (builder, gb_route_get_duration_minutes (route));
    }
  if (operators != NULL && operators[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) operators);

      add_string (builder, "operators", joined);
    }
  add_string (builder, "schedule", gb_route_get_schedule (route));
  if (period != NULL)
    {
      g_autofree char *start = gb_date_part_to_string (gb_date_get_start (period));
      g_autofree char *end = gb_date_has_end (period)
                               ? gb_date_part_to_string (gb_date_get_end (period)) : NULL;

      add_string (builder, "period_start", start);
      add_string (builder, "period_end", end);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

GBytes *
gb_export_geojson (GbDossier  *dossier,
                   GPtrArray  *notes,
                   GError    **error)
{
  GListModel *places = gb_dossier_get_places (dossier);
  GListModel *routes = gb_dossier_get_routes (dossier);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_assert (GB_IS_DOSSIER (dossier));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);

      add_place (builder, place);
    }
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(GbRoute) route = g_list_model_get_item (routes, i);

      add_route (builder, route);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  gb_export_note_not_carried (notes, dossier, GB_EXPORT_PLACES_AND_ROUTES);
  gb_export_note_languages (notes, dossier);

  root = json_builder_get_root (builder);
  return gb_export_json_to_bytes (root);
}
