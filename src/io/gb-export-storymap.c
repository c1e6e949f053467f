/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-storymap"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-event.h"
#include "gb-export-private.h"
#include "gb-place.h"

/* Dossier → StoryMapJS JSON: the overview slide from the story, then a slide
 * per event that has a place, in the story's order, standing at its first
 * place. docs/formats.md has the whole mapping. */

/* A part as StoryMapJS's free-text date, in the form our importer and a
 * reader both read: "2024", "2024-11", "2024-11-04". A year before 1 is
 * written for the reader ("500 BC"): StoryMapJS shows the text as it is. */
static void
append_part (GString          *out,
             const GbDatePart *part)
{
  if (part->year < 1)
    {
      g_autofree char *shown = gb_date_part_format (part, NULL);

      g_string_append (out, shown);
      return;
    }

  g_string_append_printf (out, "%04" G_GINT64_FORMAT, part->year);
  if (part->precision >= GB_DATE_PRECISION_MONTH)
    g_string_append_printf (out, "-%02d", part->month);
  if (part->precision >= GB_DATE_PRECISION_DAY)
    g_string_append_printf (out, "-%02d", part->day);
}

static char *
dup_date (GbDate *date)
{
  GString *out = g_string_new (NULL);

  append_part (out, gb_date_get_start (date));
  if (gb_date_has_end (date))
    {
      g_string_append (out, " – ");
      append_part (out, gb_date_get_end (date));
    }

  return g_string_free (out, FALSE);
}

static void
add_overview (JsonBuilder *builder,
              GbDossier   *dossier)
{
  g_autofree char *title = gb_export_dup_clean (gb_dossier_get_title (dossier));
  g_autoptr(GString) summary = g_string_new (NULL);
  GbDate *period = gb_dossier_get_period (dossier);

  gb_export_append_html_paragraphs (summary, gb_dossier_get_summary (dossier));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "overview");
  if (period != NULL)
    {
      g_autofree char *date = dup_date (period);

      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
    }
  gb_export_add_text_object (builder, title, summary->str);
  json_builder_end_object (builder);
}

static void
add_slide (JsonBuilder *builder,
           GbItem      *event,
           GbPlace     *place)
{
  g_autofree char *title = gb_export_dup_title (event);
  g_autofree char *html = gb_export_dup_item_html (event);
  g_autofree char *name = gb_export_dup_title (GB_ITEM (place));
  g_autofree char *date = dup_date (gb_item_get_date (event));
  g_autoptr(GString) escaped_name = g_string_new (NULL);

  gb_export_append_html (escaped_name, name);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lat");
  gb_export_add_number (builder, gb_place_get_latitude (place), 6);
  json_builder_set_member_name (builder, "lon");
  gb_export_add_number (builder, gb_place_get_longitude (place), 6);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, escaped_name->str);
  json_builder_set_member_name (builder, "line");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  gb_export_add_text_object (builder, title, html);
  json_builder_end_object (builder);
}

GBytes *
gb_export_storymap (GbDossier  *dossier,
                    GPtrArray  *notes,
                    GError    **error)
{
  GListModel *events = gb_dossier_get_events (dossier);
  GListModel *places = gb_dossier_get_places (dossier);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  guint n_unplaced = 0, n_more_places = 0, n_timed = 0, n_places_left = 0;

  g_assert (GB_IS_DOSSIER (dossier));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "storymap");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en");
  json_builder_set_member_name (builder, "map_type");
  json_builder_add_string_value (builder, "osm:standard");
  json_builder_set_member_name (builder, "map_as_image");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "slides");
  json_builder_begin_array (builder);

  add_overview (builder, dossier);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbEvent) event = g_list_model_get_item (events, i);
      GPtrArray *event_places = gb_event_get_places (event);
      GbPlace *place;

      if (event_places == NULL || event_places->len == 0)
        {
          n_unplaced++;
          continue;
        }

      place = g_ptr_array_index (event_places, 0);
      add_slide (builder, GB_ITEM (event), place);
      g_hash_table_add (shown, place);
      if (event_places->len > 1)
        n_more_places++;
      if (gb_date_get_precision (gb_item_get_date (GB_ITEM (event))) == GB_DATE_PRECISION_MINUTE)
        n_timed++;
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);

      if (!g_hash_table_contains (shown, place))
        n_places_left++;
    }

  if (n_unplaced > 0)
    gb_export_note (notes, ngettext ("%u event without a place is left out of the map",
                                     "%u events without a place are left out of the map",
                                     n_unplaced), n_unplaced);
  if (n_more_places > 0)
    gb_export_note (notes, ngettext ("%u event has more than one place: its slide stands at "
                                     "the first",
                                     "%u events have more than one place: each slide stands at "
                                     "the first", n_more_places), n_more_places);
  if (n_places_left > 0)
    gb_export_note (notes, ngettext ("%u place where no slide stands is left out",
                                     "%u places where no slide stands are left out",
                                     n_places_left), n_places_left);
  if (n_timed > 0)
    gb_export_note (notes, ngettext ("%u event's time of day is left out: slides show the day",
                                     "%u events' times of day are left out: slides show the day",
                                     n_timed), n_timed);
  gb_export_note_not_carried (notes, dossier, GB_EXPORT_EVENTS_AT_PLACES);
  gb_export_note_languages (notes, dossier);

  root = json_builder_get_root (builder);
  return gb_export_json_to_bytes (root);
}
