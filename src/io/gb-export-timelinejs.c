/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-timelinejs"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-date-format.h"
#include "gb-event.h"
#include "gb-export-private.h"
#include "gb-import.h"

/* Dossier → TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html):
 * a slide per event, the title slide from the story, eras from the periods of
 * agreements. docs/formats.md has the whole mapping. */

/* A date object at the part's precision: {"year": 2024, "month": 11}. A time
 * of day is the wall clock of the part's own offset. TimelineJS shows year -500
 * as "500 BCE", with no year 0: our year -499 (astronomical) is its -500. */
static void
add_date (JsonBuilder      *builder,
          const char       *member,
          const GbDatePart *part,
          GbDatePrecision   cap)
{
  GbDatePrecision precision = MIN (part->precision, cap);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, part->year >= 1 ? part->year : part->year - 1);
  if (precision >= GB_DATE_PRECISION_MONTH)
    {
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, part->month);
    }
  if (precision >= GB_DATE_PRECISION_DAY)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, part->day);
    }
  if (precision >= GB_DATE_PRECISION_MINUTE)
    {
      json_builder_set_member_name (builder, "hour");
      json_builder_add_int_value (builder, part->hour);
      json_builder_set_member_name (builder, "minute");
      json_builder_add_int_value (builder, part->minute);
    }
  json_builder_end_object (builder);
}

/* TimelineJS reads {"year": 2024, "month": 11} to {"year": 2024, "month":
 * 11, "day": 5} as the same date, and keeps the start alone. */
static gboolean
end_dropped (GbDate *date)
{
  const GbDatePart *start = gb_date_get_start (date);
  const GbDatePart *end = gb_date_get_end (date);

  if (end == NULL)
    return FALSE;

  return start->year == end->year &&
         (start->precision < GB_DATE_PRECISION_MONTH || start->month == end->month) &&
         (start->precision < GB_DATE_PRECISION_DAY || start->day == end->day) &&
         (start->precision < GB_DATE_PRECISION_MINUTE ||
          (start->hour == end->hour && start->minute == end->minute));
}

static void
add_event (JsonBuilder *builder,
           GbItem      *event)
{
  GbDate *date = gb_item_get_date (event);
  g_autofree char *title = gb_export_dup_title (event);
  g_autofree char *html = gb_export_dup_item_html (event);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unique_id");
  json_builder_add_string_value (builder, gb_item_get_id (event));
  add_date (builder, "start_date", gb_date_get_start (date), GB_DATE_PRECISION_MINUTE);
  if (gb_date_has_end (date))
    add_date (builder, "end_date", gb_date_get_end (date), GB_DATE_PRECISION_MINUTE);

  /* TimelineJS knows no time zones, and drops an end that agrees with the
   * start in every part the start gives: the date is shown in words then. */
  if (gb_date_get_precision (date) == GB_DATE_PRECISION_MINUTE || end_dropped (date))
    {
      g_autofree char *shown = gb_date_format (date);
      g_autoptr(GString) escaped = g_string_new (NULL);

      gb_export_append_html (escaped, shown);
      json_builder_set_member_name (builder, "display_date");
      json_builder_add_string_value (builder, escaped->str);
    }

  gb_export_add_text_object (builder, title, html);
  json_builder_set_member_name (builder, "group");
  json_builder_add_string_value (builder, gb_export_event_group (event));
  json_builder_end_object (builder);
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         gint64       day)
{
  GbDatePart part;

  gb_date_part_set_day (&part, day);
  add_date (builder, member, &part, GB_DATE_PRECISION_DAY);
}

/* An era spans a period, from its first day to its last. TimelineJS reads
 * {"year": 2027} as the first moment of 2027, drops an end that agrees with
 * the start in every part the start gives, and then refuses the era: so
 * both ends are whole days, and a one-day era ends the day after. */
static void
add_era (JsonBuilder *builder,
         GbItem      *item)
{
  GbDate *date = gb_item_get_date (item);
  const GbDatePart *end = gb_date_has_end (date) ? gb_date_get_end (date)
                                                 : gb_date_get_start (date);
  gint64 first = gb_date_part_get_first_day (gb_date_get_start (date));
  gint64 last = gb_date_part_get_last_day (end);
  g_autofree char *title = gb_export_dup_title (item);

  json_builder_begin_object (builder);
  add_day (builder, "start_date", first);
  add_day (builder, "end_date", MAX (last, first + 1));
  gb_export_add_text_object (builder, title, NULL);
  json_builder_end_object (builder);
}

/* An era of a TimelineJS file that Golden Bridge opened: the importer made
 * it an event of the context source "eras" (docs/dossier-format.md). It goes
 * back as the era it was, with the dates the file gave. */
static gboolean
is_imported_era (GbDossier *dossier,
                 GbItem    *event)
{
  GbSource *source = gb_item_get_source (event);
  const char *origin = gb_dossier_get_origin (dossier);

  return (g_strcmp0 (origin, GB_TIMELINEJS_FORMAT_NAME) == 0 ||
          g_strcmp0 (origin, GB_TIMELINEJS_CSV_FORMAT_NAME) == 0) &&
         source != NULL && g_str_equal (gb_item_get_id (GB_ITEM (source)), "eras") &&
         gb_item_is_context (event);
}

static void
add_imported_era (JsonBuilder *builder,
                  GbItem      *event)
{
  GbDate *date = gb_item_get_date (event);
  g_autofree char *title = gb_export_dup_title (event);

  /* One without a usable end is an era of whole days, as for agreements. */
  if (!gb_date_has_end (date) || end_dropped (date))
    {
      add_era (builder, event);
      return;
    }

  json_builder_begin_object (builder);
  add_date (builder, "start_date", gb_date_get_start (date), GB_DATE_PRECISION_DAY);
  add_date (builder, "end_date", gb_date_get_end (date), GB_DATE_PRECISION_DAY);
  gb_export_add_text_object (builder, title, NULL);
  json_builder_end_object (builder);
}

JsonNode *
gb_export_timelinejs_build (GbDossier  *dossier,
                            GPtrArray  *notes,
                            GError    **error)
{
  GListModel *events = gb_dossier_get_events (dossier);
  GListModel *agreements = gb_dossier_get_agreements (dossier);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *title = gb_export_dup_clean (gb_dossier_get_title (dossier));
  g_autoptr(GPtrArray) eras = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_timed = 0, n_spans = 0, n_without_period = 0, n_eras = 0;

  g_assert (GB_IS_DOSSIER (dossier));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);

      if (is_imported_era (dossier, event))
        g_ptr_array_add (eras, g_steal_pointer (&event));
    }

  /* TimelineJS shows only an error for a timeline without events. */
  if (g_list_model_get_n_items (events) == eras->len)
    {
      g_set_error_literal (error, GB_EXPORT_ERROR, GB_EXPORT_ERROR_EMPTY,
                           _("the story has no events, and a TimelineJS timeline needs at least "
                             "one"));
      return NULL;
    }

  json_builder_begin_object (builder);

  gb_export_append_html_paragraphs (summary, gb_dossier_get_summary (dossier));
  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  gb_export_add_text_object (builder, title, summary->len > 0 ? summary->str : NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);

      if (is_imported_era (dossier, event))
        continue;
      add_event (builder, event);
      if (gb_date_get_precision (gb_item_get_date (event)) == GB_DATE_PRECISION_MINUTE)
        n_timed++;
      else if (end_dropped (gb_item_get_date (event)))
        n_spans++;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eras");
  json_builder_begin_array (builder);
  for (guint i = 0; i < eras->len; i++)
    add_imported_era (builder, g_ptr_array_index (eras, i));
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(GbItem) agreement = g_list_model_get_item (agreements, i);

      if (gb_item_get_date (agreement) != NULL)
        {
          add_era (builder, agreement);
          n_eras++;
        }
      else
        n_without_period++;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scale");
  json_builder_add_string_value (builder, "human");
  json_builder_end_object (builder);

  if (n_timed > 0)
    gb_export_note (notes, ngettext ("%u event has a time of day: TimelineJS has no time "
                                     "zones, so it shows the time as written, with the zone in "
                                     "its displayed date",
                                     "%u events have a time of day: TimelineJS has no time "
                                     "zones, so it shows the times as written, with the zone in "
                                     "their displayed dates", n_timed), n_timed);
  if (n_spans > 0)
    gb_export_note (notes, ngettext ("%u event ends in the month or year it starts in: "
                                     "TimelineJS draws it at its start only, with the span in "
                                     "its displayed date",
                                     "%u events end in the month or year they start in: "
                                     "TimelineJS draws them at their start only, with the span "
                                     "in their displayed dates", n_spans), n_spans);
  if (n_eras > 0)
    gb_export_note (notes, ngettext ("%u agreement with a period is an era: its title only",
                                     "%u agreements with a period are eras: their titles only",
                                     n_eras), n_eras);
  if (n_without_period > 0)
    gb_export_note (notes, ngettext ("%u agreement without a period is left out",
                                     "%u agreements without a period are left out",
                                     n_without_period), n_without_period);
  gb_export_note_not_carried (notes, dossier, GB_EXPORT_EVENTS_AND_AGREEMENTS);
  gb_export_note_languages (notes, dossier);

  return json_builder_get_root (builder);
}

GBytes *
gb_export_timelinejs (GbDossier  *dossier,
                      GPtrArray  *notes,
                      GError    **error)
{
  g_autoptr(JsonNode) root = gb_export_timelinejs_build (dossier, notes, error);

  return root != NULL ? gb_export_json_to_bytes (root) : NULL;
}
