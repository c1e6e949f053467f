/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-timelinejs"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gb-event.h"
#include "gb-import-common.h"
#include "gb-import.h"

/* TimelineJS 3 → dossier. The mapping is described in docs/dossier-format.md,
 * "Importers". */

/* A TimelineJS date as the file writes it: year required, the rest optional,
 * each a number or a string of digits. */
typedef enum
{
  PART_YEAR,
  PART_MONTH,
  PART_DAY,
  PART_HOUR,
  PART_MINUTE,
  PART_SECOND,
  N_PARTS
} PartIndex;

static const char * const part_names[N_PARTS] = {
  "year", "month", "day", "hour", "minute", "second",
};

typedef struct
{
  gboolean present[N_PARTS];
  gint64   value[N_PARTS];
  char     iso[32];      /* YYYY, YYYY-MM or YYYY-MM-DD, as the dossier writes them */
  gboolean has_time;
} TimelineDate;

#define TITLE_EXCERPT_CHARS 80

/* Our first year, as TimelineJS numbers years (without a year 0). */
#define TIMELINEJS_YEAR_MIN (GB_DATE_YEAR_MIN - 1)

/* ------------------------------------------------------------------------ */
/* TimelineJS 3                                                             */

/* One part of a date: a whole number or a string of digits ("08", "-500"),
 * "" or null for absent. Values beyond any year are clamped, not wrapped. */
static void
read_part (GbImporter *self,
           JsonObject *obj,
           const char *name,
           gboolean   *present,
           gint64     *value)
{
  JsonNode *node = gb_json_read_member (self->problems, obj, name, GB_JSON_READ_OPTIONAL);
  gsize len;

  *present = FALSE;
  if (node == NULL)
    return;

  len = gb_problems_push_member (self->problems, name);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *present = TRUE;
      *value = json_node_get_int (node);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (d != floor (d))
        gb_problems_report (self->problems, _("%g is not a whole number"), d);
      else
        {
          *present = TRUE;
          *value = (gint64) CLAMP (d, -1e15, 1e15);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
      const char *p = text;
      gboolean negative = FALSE;
      gint64 v = 0;

      if (*p == '-')
        {
          negative = TRUE;
          p++;
        }

      if (text[0] == '\0')
        ;   /* TimelineJS's spreadsheet export writes "" for a part not given */
      else if (*p == '\0' || strspn (p, "0123456789") != strlen (p))
        {
          gb_problems_report (self->problems, _("“%s” is not a number"),
                              gb_problems_quote (self->problems, text));
        }
      else
        {
          for (; *p != '\0'; p++)
            v = MIN (v * 10 + (*p - '0'), G_GINT64_CONSTANT (1000000000000000));
          *present = TRUE;
          *value = negative ? -v : v;
        }
    }
  else
    {
      gb_problems_report (self->problems, _("should be a number or a string of digits, not %s"),
                          gb_json_type_name (node));
    }

  gb_problems_pop (self->problems, len);
}

static void
report_part (GbImporter *self,
             PartIndex   part,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
report_part (GbImporter *self,
             PartIndex   part,
             const char *format,
             ...)
{
  gsize len = gb_problems_push_member (self->problems, part_names[part]);
  va_list args;

  va_start (args, format);
  gb_problems_report_valist (self->problems, NULL, format, args);
  va_end (args);
  gb_problems_pop (self->problems, len);
}

/* Why @value, written @year, is no year. */
static void
report_year (GbImporter *self,
             gint64      value,
             const char *year)
{
  g_autofree char *first = NULL;

  if (value == 0)
    {
      report_part (self, PART_YEAR, _("there is no year 0: the year before 1 is -1, 1 BCE"));
      return;
    }

  first = g_strdup_printf ("%" G_GINT64_FORMAT, TIMELINEJS_YEAR_MIN);
  /* Translators: a year, the first year and the last year */
  report_part (self, PART_YEAR,
               _("the year %s is outside %s to %d, the years Golden Bridge can show"), year,
               first, GB_DATE_YEAR_MAX);
}

/* @date's iso: the dossier's DATE at the precision of the parts given, in
 * @year (astronomical). */
static void
set_iso (TimelineDate *date,
         gint64        year)
{
  GbDatePart part = { GB_DATE_PRECISION_YEAR, year };
  g_autofree char *iso = NULL;

  if (date->present[PART_MONTH])
    {
      part.precision = GB_DATE_PRECISION_MONTH;
      part.month = (int) date->value[PART_MONTH];
    }
  if (date->present[PART_DAY])
    {
      part.precision = GB_DATE_PRECISION_DAY;
      part.day = (int) date->value[PART_DAY];
    }
  iso = gb_date_part_to_string (&part);
  g_strlcpy (date->iso, iso, sizeof date->iso);
}

/* Reads @obj's date member @name. Returns FALSE when it is missing (@required
 * reports that) or has a problem. */
static gboolean
read_date (GbImporter   *self,
           JsonObject   *obj,
           const char   *name,
           gboolean      required,
           TimelineDate *date)
{
  JsonNode *node = gb_json_read_member (self->problems, obj, name, GB_JSON_READ_OPTIONAL);
  guint before = gb_problems_get_count (self->problems);
  gboolean any = FALSE;
  gboolean year_ok, month_ok, day_ok, time_ok;
  g_autofree char *year = NULL;
  gint64 astronomical;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  JsonObject *dobj;
  gint64 *v = date->value;
  gsize len;

  memset (date, 0, sizeof *date);

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      gb_json_report_type (self->problems, name,
                           _("an object such as {\"year\": 2024, \"month\": 11}"),
                               node);
      return FALSE;
    }

  dobj = node != NULL ? json_node_get_object (node) : NULL;
  len = gb_problems_push_member (self->problems, name);
  for (guint i = 0; dobj != NULL && i < N_PARTS; i++)
    {
      read_part (self, dobj, part_names[i], &date->present[i], &v[i]);
      any |= date->present[i];
    }
  gb_problems_pop (self->problems, len);

  if (gb_problems_get_count (self->problems) > before)
    return FALSE;

  if (!any)
    {
      if (required && node == NULL)
        gb_problems_report_missing (self->problems, name,
                                    _("is missing: TimelineJS leaves such an event out without "
                                      "a word; give it a date or remove it"));
      else if (required)
        gb_problems_report_missing (self->problems, name, _("has no year"));
      /* An end date of empty strings, as spreadsheets export it, is no end date. */
      return FALSE;
    }

  /* Each check stands on its own: past the cap, problems are no longer counted.
   * TimelineJS shows year -500 as 500 BCE and has no year 0: -500 is our -499. */
  year_ok = date->present[PART_YEAR] && v[PART_YEAR] != 0 &&
            v[PART_YEAR] >= TIMELINEJS_YEAR_MIN && v[PART_YEAR] <= GB_DATE_YEAR_MAX;
  astronomical = v[PART_YEAR] < 0 ? v[PART_YEAR] + 1 : v[PART_YEAR];
  month_ok = !date->present[PART_MONTH] || (v[PART_MONTH] >= 1 && v[PART_MONTH] <= 12);
  day_ok = !date->present[PART_DAY] ||
           (date->present[PART_MONTH] && year_ok && month_ok && v[PART_DAY] >= 1 &&
            v[PART_DAY] <= gb_date_days_in_month (astronomical, (int) v[PART_MONTH]));
  date->has_time = date->present[PART_HOUR] || date->present[PART_MINUTE] ||
                   date->present[PART_SECOND];
  time_ok = !date->has_time ||
            (date->present[PART_DAY] && date->present[PART_HOUR] &&
             v[PART_HOUR] >= 0 && v[PART_HOUR] <= 23 &&
             v[PART_MINUTE] >= 0 && v[PART_MINUTE] <= 59 &&
             v[PART_SECOND] >= 0 && v[PART_SECOND] <= 59);

  len = gb_problems_push_member (self->problems, name);

  /* Numbers formatted first: xgettext can't see through G_GINT64_FORMAT. */
  year = g_strdup_printf ("%" G_GINT64_FORMAT, v[PART_YEAR]);
  month = g_strdup_printf ("%" G_GINT64_FORMAT, v[PART_MONTH]);
  day = g_strdup_printf ("%" G_GINT64_FORMAT, v[PART_DAY]);

  if (!date->present[PART_YEAR])
    gb_problems_report_missing (self->problems, "year", _("is missing"));
  else if (!year_ok)
    report_year (self, v[PART_YEAR], year);

  if (!month_ok)
    report_part (self, PART_MONTH, _("there is no month %s; months run from 1 to 12"), month);

  if (date->present[PART_DAY] && !date->present[PART_MONTH])
    report_part (self, PART_DAY, _("a day needs a month"));
  else if (!day_ok && year_ok && month_ok)
    /* Translators: day, month number, year */
    report_part (self, PART_DAY, _("there is no day %s in month %s of %s"), day, month, year);

  if (date->has_time && !date->present[PART_DAY])
    report_part (self, date->present[PART_HOUR] ? PART_HOUR : PART_MINUTE,
                 _("a time of day needs a day"));
  else if (date->has_time && !date->present[PART_HOUR])
    report_part (self, date->present[PART_MINUTE] ? PART_MINUTE : PART_SECOND,
                 _("a time of day needs an hour"));
  if (v[PART_HOUR] < 0 || v[PART_HOUR] > 23)
    report_part (self, PART_HOUR, _("hours run from 0 to 23"));
  if (v[PART_MINUTE] < 0 || v[PART_MINUTE] > 59)
    report_part (self, PART_MINUTE, _("minutes run from 0 to 59"));
  if (v[PART_SECOND] < 0 || v[PART_SECOND] > 59)
    report_part (self, PART_SECOND, _("seconds run from 0 to 59"));

  gb_problems_pop (self->problems, len);

  if (!(year_ok && month_ok && day_ok && time_ok))
    return FALSE;

  set_iso (date, astronomical);
  return TRUE;
}

static char *
format_time (const TimelineDate *date)
{
  const gint64 *v = date->value;

  if (date->present[PART_SECOND])
    return g_strdup_printf ("%02d:%02d:%02d", (int) v[PART_HOUR], (int) v[PART_MINUTE],
                            (int) v[PART_SECOND]);
  return g_strdup_printf ("%02d:%02d", (int) v[PART_HOUR], (int) v[PART_MINUTE]);
}

/* TimelineJS times have no zone, and a dossier date may not have a time
 * without one: the date keeps its day and the description the time. */
static char *
describe_times (const TimelineDate *start,
                const TimelineDate *end)
{
  g_autofree char *from = start->has_time ? format_time (start) : NULL;
  g_autofree char *to = end != NULL && end->has_time ? format_time (end) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: two times of day, "14:00" */
    return g_strdup_printf (_("The file gives the times %s and %s, without a time zone."),
                            from, to);
  if (from != NULL)
    return g_strdup_printf (_("The file gives the time %s, without a time zone."), from);
  if (to != NULL)
    return g_strdup_printf (_("The file gives the end time %s, without a time zone."), to);
  return NULL;
}

/* An event or an era: events[N] or eras[N] is the current path. */
static void
import_event (GbImporter *self,
              JsonObject *obj,
              const char *id,
              GbSource   *source,
              const char *untitled)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GbEvent) event = NULL;
  g_autoptr(GbDate) date = NULL;
  g_autoptr(GbText) title_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;
  g_autofree char *group = NULL;
  g_autofree char *display_date = NULL;
  g_autofree char *times = NULL;
  g_autofree char *title = NULL;
  guint before = gb_problems_get_count (self->problems);
  TimelineDate start, end;
  gboolean has_start, has_end;

  has_start = read_date (self, obj, "start_date", TRUE, &start);
  has_end = read_date (self, obj, "end_date", FALSE, &end);

  gb_importer_read_text (self, obj, &headline, &body);
  group = gb_importer_dup_html (self, obj, "group", TRUE);
  display_date = gb_importer_dup_html (self, obj, "display_date", TRUE);

  if (headline != NULL)
    title = g_strdup (headline);
  else if (body != NULL)
    title = gb_importer_dup_excerpt (body, TITLE_EXCERPT_CHARS);
  else
    title = g_strdup (untitled);

  if (group != NULL)
    {
      /* Translators: TimelineJS puts events of a group in one row of its timeline */
      g_autofree char *line = g_strdup_printf (_("Group: %s"), group);

      gb_importer_append_paragraph (description, line);
    }
  if (display_date != NULL)
    {
      /* Translators: %s is a date as the timeline's author wrote it, "Spring 1943" */
      g_autofree char *line = g_strdup_printf (_("The timeline shows the date as “%s”."),
                                               display_date);

      gb_importer_append_paragraph (description, line);
    }
  if (has_start)
    {
      times = describe_times (&start, has_end ? &end : NULL);
      gb_importer_append_paragraph (description, times);
    }
  gb_importer_append_paragraph (description, body);
  gb_importer_add_media (self, obj, title, description);

  if (!has_start || gb_problems_get_count (self->problems) > before)
    return;

  if (!(date = gb_date_parse (start.iso, has_end ? end.iso : NULL, NULL, &error)))
    {
      gsize len = gb_problems_push_member (self->problems, "end_date");

      if (g_error_matches (error, GB_DATE_ERROR, GB_DATE_ERROR_ORDER))
        gb_problems_report (self->problems, _("the end (%s) is before the start (%s)"), end.iso,
                            start.iso);
      else
        gb_problems_report (self->problems, "%s", error->message);
      gb_problems_pop (self->problems, len);
      return;
    }

  event = gb_event_new (id, date);
  title_text = gb_text_new_plain (title);
  gb_item_set_title (GB_ITEM (event), title_text);
  if (description->len > 0)
    {
      g_autoptr(GbText) description_text = gb_text_new_plain (description->str);

      gb_item_set_description (GB_ITEM (event), description_text);
    }

  /* What the file says of the event, word for word: its headline. */
  gb_importer_add (self, GB_ITEM (event), source, headline != NULL ? headline : body);
}

static GbSource *
eras_source (GbImporter *self)
{
  g_autoptr(GbText) title = gb_text_new_plain (_("Eras of the timeline"));
  g_autoptr(GbText) note = gb_text_new_plain (_("TimelineJS draws eras as spans behind the "
                                                "events: background, not events of the story."));
  GbSource *source = gb_source_new ("eras", GB_SOURCE_KIND_CONTEXT);

  gb_item_set_title (GB_ITEM (source), title);
  gb_item_set_description (GB_ITEM (source), note);
  gb_importer_add_source (self, source);

  return source;
}

static void
import_list (GbImporter *self,
             JsonObject *root,
             const char *name,
             const char *id_prefix,
             GbSource   *source,
             const char *untitled)
{
  JsonArray *array = gb_json_read_array (self->problems, root, name, GB_JSON_READ_OPTIONAL);
  gsize len;

  if (array == NULL)
    return;

  len = gb_problems_push_member (self->problems, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize ilen = gb_problems_push_index (self->problems, i);

      guint begun = gb_importer_begin_event (self);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", id_prefix, i);

          import_event (self, json_node_get_object (node), id, source, untitled);
        }
      else
        gb_problems_report (self->problems, _("should be an object, not %s"),
                            gb_json_type_name (node));
      gb_importer_end_event (self, begun);
      gb_problems_pop (self->problems, ilen);
    }
  gb_problems_pop (self->problems, len);
}

void
gb_timelinejs_read (GbImporter *self,
                    JsonObject *root)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GbText) title_text = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GbSource) eras = NULL;
  JsonObject *title;
  JsonArray *eras_array;
  GbDossier *dossier;
  gsize len;

  dossier = gb_importer_get_dossier (self);

  /* Present, or this importer would not have been called; null is no list. */
  if (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "events")))
    gb_json_report_type (self->problems, "events", _("an array"),
                             json_object_get_member (root, "events"));

  /* The title slide: the dossier's title and summary. */
  title = gb_json_read_object (self->problems, root, "title", GB_JSON_READ_OPTIONAL);
  len = gb_problems_push_member (self->problems, "title");
  gb_importer_read_text (self, title, &headline, &text);
  title_text = gb_text_new_plain (headline != NULL ? headline : gb_importer_get_file_title (self));
  gb_dossier_set_title (dossier, title_text);
  gb_importer_get_file_source (self);
  gb_importer_append_paragraph (summary, text);
  gb_importer_add_media (self, title, gb_dossier_get_title (dossier), summary);
  gb_problems_pop (self->problems, len);
  if (summary->len > 0)
    {
      g_autoptr(GbText) summary_text = gb_text_new_plain (summary->str);

      gb_dossier_set_summary (dossier, summary_text);
    }

  import_list (self, root, "events", "event", gb_importer_get_file_source (self),
               _("Untitled event"));

  eras_array = gb_json_read_array (self->problems, root, "eras", GB_JSON_READ_OPTIONAL);
  if (eras_array != NULL && json_array_get_length (eras_array) > 0)
    {
      eras = eras_source (self);
      import_list (self, root, "eras", "era", eras, _("Untitled era"));
    }
}
