/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gb-event.h"
#include "gb-export-private.h"
#include "gb-place.h"
#include "gb-source.h"

/* Dossier → iCalendar (RFC 5545): a VEVENT per event dated to the day or the
 * minute. Days are all-day DATE values; times keep their zone through TZID
 * and a VTIMEZONE built from the zone database for the span the events
 * need. docs/formats.md has the whole mapping. */

#define FOLD_OCTETS 75

typedef struct
{
  GTimeZone *tz;
  GArray    *instants;   /* gint64, every instant written in the zone */
} ZoneSpan;

static void
zone_span_free (gpointer data)
{
  ZoneSpan *span = data;

  g_time_zone_unref (span->tz);
  g_array_unref (span->instants);
  g_free (span);
}

/* Content lines longer than 75 octets go on in lines that start with a
 * space, never in the middle of a UTF-8 sequence (RFC 5545, 3.1). */
static void
append_line (GString    *out,
             const char *line)
{
  gsize octets = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize len = next - p;

      if (octets + len > FOLD_OCTETS)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      g_string_append_len (out, p, len);
      octets += len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* A TEXT value (RFC 5545, 3.3.11), from text already cleaned of controls. */
static void
append_text_value (GString    *out,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
add_text_property (GString    *out,
                   const char *name,
                   const char *text)
{
  g_autofree char *clean = gb_export_dup_clean (text);
  g_autoptr(GString) line = NULL;

  if (clean == NULL || clean[0] == '\0')
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_text_value (line, clean);
  append_line (out, line->str);
}

static void
add_property (GString    *out,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
add_property (GString    *out,
              const char *format,
              ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_line (out, line);
}

static char *
format_day (gint64 number)
{
  GbDatePart day;

  gb_date_part_set_day (&day, number);
  return g_strdup_printf ("%04d%02d%02d", (int) day.year, day.month, day.day);
}

/* Wall-clock time of @dt, "20241104T140000", plus "Z" in UTC. */
static char *
format_local (GDateTime *dt,
              gboolean   utc)
{
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d%s", g_date_time_get_year (dt),
                          g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
                          g_date_time_get_hour (dt), g_date_time_get_minute (dt),
                          g_date_time_get_second (dt), utc ? "Z" : "");
}

/* The zone to write a time of day in: the date's own, else that of one of
 * the event's places if it has the offset written at that moment; NULL
 * for UTC. */
static const char *
choose_zone (GbEvent          *event,
             const GbDatePart *start)
{
  const char *zone = gb_date_get_zone (gb_item_get_date (GB_ITEM (event)));
  GPtrArray *places = gb_event_get_places (event);

  if (zone != NULL)
    return zone;

  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      const char *place_zone = gb_place_get_timezone (g_ptr_array_index (places, i));
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GDateTime) dt = NULL;

      if (place_zone == NULL || !(tz = g_time_zone_new_identifier (place_zone)))
        continue;
      dt = gb_date_part_to_date_time_in (start, tz);
      if (g_date_time_get_utc_offset (dt) / G_USEC_PER_SEC == start->utc_offset)
        return place_zone;
    }

  return NULL;
}

static ZoneSpan *
lookup_zone (GHashTable *zones,
             const char *zone,
             gint64      instant)
{
  ZoneSpan *span = g_hash_table_lookup (zones, zone);

  if (span == NULL)
    {
      span = g_new0 (ZoneSpan, 1);
      span->tz = g_time_zone_new_identifier (zone);
      span->instants = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (zones, g_strdup (zone), span);
    }
  g_array_append_val (span->instants, instant);

  return span;
}

/* "DTSTART;TZID=Asia/Seoul:20241104T140000", or "DTSTART:20241104T050000Z". */
static void
add_date_time (GString    *out,
               const char *name,
               GDateTime  *moment,
               const char *zone,
               GHashTable *zones)
{
  g_autofree char *value = NULL;

  if (zone != NULL)
    {
      ZoneSpan *span = lookup_zone (zones, zone, g_date_time_to_unix (moment));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, span->tz);

      value = format_local (local, FALSE);
      add_property (out, "%s;TZID=%s:%s", name, zone, value);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (moment);

      value = format_local (utc, TRUE);
      add_property (out, "%s:%s", name, value);
    }
}

static void
add_timed (GString    *out,
           GbEvent    *event,
           GHashTable *zones)
{
  GbDate *date = gb_item_get_date (GB_ITEM (event));
  const GbDatePart *start = gb_date_get_start (date);
  const GbDatePart *end = gb_date_get_end (date);
  const char *zone = choose_zone (event, start);
  g_autoptr(GTimeZone) tz = zone != NULL ? g_time_zone_new_identifier (zone)
                                         : g_time_zone_new_utc ();
  g_autoptr(GDateTime) from = gb_date_part_to_date_time (start);

  add_date_time (out, "DTSTART", from, zone, zones);

  if (end != NULL && end->precision == GB_DATE_PRECISION_MINUTE)
    {
      g_autoptr(GDateTime) to = gb_date_part_to_date_time (end);

      add_date_time (out, "DTEND", to, zone, zones);
    }
  else if (end != NULL)
    {
      /* An end coarser than the start: the midnight after its last day,
       * where the event is. */
      GbDatePart day;
      g_autoptr(GDateTime) to = NULL;

      gb_date_part_set_day (&day, gb_date_part_get_last_day (end) + 1);
      to = g_date_time_new (tz, (int) day.year, day.month, day.day, 0, 0, 0);
      add_date_time (out, "DTEND", to, zone, zones);
    }
}

static void
add_all_day (GString *out,
             GbDate  *date)
{
  const GbDatePart *start = gb_date_get_start (date);
  const GbDatePart *end = gb_date_has_end (date) ? gb_date_get_end (date) : start;
  g_autofree char *from = format_day (gb_date_part_get_first_day (start));
  /* DTEND of a DATE is the day after the last: exclusive. */
  g_autofree char *to = format_day (gb_date_part_get_last_day (end) + 1);

  add_property (out, "DTSTART;VALUE=DATE:%s", from);
  add_property (out, "DTEND;VALUE=DATE:%s", to);
}

static void
add_event (GString    *out,
           GbDossier  *dossier,
           GbEvent    *event,
           const char *stamp,
           GHashTable *zones)
{
  GbItem *item = GB_ITEM (event);
  GbDate *date = gb_item_get_date (item);
  GPtrArray *places = gb_event_get_places (event);
  GbSource *source = gb_item_get_source (item);
  g_autofree char *title = gb_export_dup_title (item);
  g_autofree char *description = gb_export_dup_description (item);
  g_autofree char *provenance = gb_export_dup_provenance_text (item);
  g_autofree char *meta = gb_export_dup_meta (item);
  g_autoptr(GString) text = g_string_new (description);
  g_autoptr(GString) location = g_string_new (NULL);

  append_line (out, "BEGIN:VEVENT");
  /* Stable across exports, so a calendar that subscribes updates the event
   * instead of adding it again. */
  add_property (out, "UID:%s@%s.golden-bridge", gb_item_get_id (item),
                gb_dossier_get_id (dossier));
  add_property (out, "DTSTAMP:%s", stamp);

  if (gb_date_get_start (date)->precision == GB_DATE_PRECISION_MINUTE)
    add_timed (out, event, zones);
  else
    add_all_day (out, date);

  add_text_property (out, "SUMMARY", title);
  if (meta != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, meta);
    }
  if (provenance != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, provenance);
    }
  add_text_property (out, "DESCRIPTION", text->str);

  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      if (i > 0)
        g_string_append (location, "; ");
      g_string_append (location, gb_item_get_title (g_ptr_array_index (places, i)));
    }
  add_text_property (out, "LOCATION", location->str);
  if (places != NULL && places->len > 0)
    {
      GbPlace *place = g_ptr_array_index (places, 0);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.6f", gb_place_get_latitude (place));
      g_ascii_formatd (lon, sizeof lon, "%.6f", gb_place_get_longitude (place));
      add_property (out, "GEO:%s;%s", lat, lon);
    }
  add_text_property (out, "CATEGORIES", gb_export_event_group (item));
  if (source != NULL && gb_source_get_url (source) != NULL)
    add_property (out, "URL:%s", gb_source_get_url (source));
  append_line (out, "END:VEVENT");
}

/* The first instant of the interval @i (found by bisection between @low, in
 * an earlier interval or @i itself, and @high, in @i), or @low when @i
 * already holds it. */
static gint64
interval_onset (GTimeZone *tz,
                int        i,
                gint64     low,
                gint64     high)
{
  if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, low) == i)
    return low;

  /* find(low) < i <= find(high) */
  while (high - low > 1)
    {
      gint64 mid = low + (high - low) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid) >= i)
        high = mid;
      else
        low = mid;
    }

  return high;
}

static void
append_offset (GString *line,
               gint32   offset)
{
  int abs_offset = abs (offset);

  g_string_append_printf (line, "%c%02d%02d", offset < 0 ? '-' : '+', abs_offset / 3600,
                          abs_offset / 60 % 60);
  if (abs_offset % 60 != 0)
    g_string_append_printf (line, "%02d", abs_offset % 60);
}

static int
compare_instants (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A VTIMEZONE with an observance for each interval of the zone database
 * that an instant written in the zone falls in. An observance lasts until
 * the next one begins, so the intervals in between, where no time is
 * written, can be left out: a story spanning a century does not need a
 * hundred summers. */
static void
add_timezone (GString    *out,
              const char *zone,
              ZoneSpan   *span)
{
  /* 1601-01-01, the customary start of a zone's first observance. */
  const gint64 epoch_1601 = G_GINT64_CONSTANT (-11644473600);
  gint64 before = epoch_1601;
  int last = -1;

  g_array_sort (span->instants, compare_instants);

  append_line (out, "BEGIN:VTIMEZONE");
  add_property (out, "TZID:%s", zone);

  for (guint k = 0; k < span->instants->len; k++)
    {
      gint64 instant = g_array_index (span->instants, gint64, k);
      int i = g_time_zone_find_interval (span->tz, G_TIME_TYPE_UNIVERSAL, instant);
      gint64 onset;
      gint32 from, to;
      const char *kind;
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *start = NULL;
      g_autoptr(GString) line = NULL;

      if (i == last)
        continue;

      onset = interval_onset (span->tz, i, MIN (before, instant), instant);
      to = g_time_zone_get_offset (span->tz, i);
      from = i > 0 && onset > epoch_1601 ? g_time_zone_get_offset (span->tz, i - 1) : to;
      kind = g_time_zone_is_dst (span->tz, i) ? "DAYLIGHT" : "STANDARD";
      /* The onset in the local time in force before it. */
      utc = g_date_time_new_from_unix_utc (onset + from);
      start = format_local (utc, FALSE);

      add_property (out, "BEGIN:%s", kind);
      add_property (out, "DTSTART:%s", start);
      line = g_string_new ("TZOFFSETFROM:");
      append_offset (line, from);
      append_line (out, line->str);
      g_string_assign (line, "TZOFFSETTO:");
      append_offset (line, to);
      append_line (out, line->str);
      add_text_property (out, "TZNAME", g_time_zone_get_abbreviation (span->tz, i));
      add_property (out, "END:%s", kind);

      last = i;
      before = instant;
    }

  append_line (out, "END:VTIMEZONE");
}

/* How many of the events left out a note names. */
#define MAX_NAMED 5

/* DTSTAMP: now, or SOURCE_DATE_EPOCH for reproducible output. */
static char *
dup_stamp (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (epoch != NULL && epoch[0] != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return format_local (now, TRUE);
}

GBytes *
gb_export_ics (GbDossier  *dossier,
               GPtrArray  *notes,
               GError    **error)
{
  GListModel *events = gb_dossier_get_events (dossier);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       zone_span_free);
  g_autofree char *stamp = dup_stamp ();
  g_autoptr(GList) zone_names = NULL;
  g_autoptr(GString) before_1 = g_string_new (NULL);
  guint n_year = 0, n_month = 0, n_utc = 0, n_before_1 = 0;

  g_assert (GB_IS_DOSSIER (dossier));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbEvent) event = g_list_model_get_item (events, i);
      const GbDatePart *start = gb_date_get_start (gb_item_get_date (GB_ITEM (event)));

      /* iCalendar's dates are those of years 1 to 9999. */
      if (start->year < 1)
        {
          if (n_before_1++ < MAX_NAMED)
            {
              g_autofree char *title = gb_export_dup_title (GB_ITEM (event));

              if (before_1->len > 0)
                /* Translators: between the entries of a list of item kinds and counts */
                g_string_append (before_1, _("; "));
              g_string_append_printf (before_1, "“%s”", title);
            }
          else if (n_before_1 == MAX_NAMED + 1)
            g_string_append (before_1, "…");
        }
      else if (start->precision == GB_DATE_PRECISION_YEAR)
        n_year++;
      else if (start->precision == GB_DATE_PRECISION_MONTH)
        n_month++;
      else
        {
          if (start->precision == GB_DATE_PRECISION_MINUTE && choose_zone (event, start) == NULL)
            n_utc++;
          add_event (body, dossier, event, stamp, zones);
        }
    }

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Golden Bridge//Golden Bridge " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  add_text_property (out, "X-WR-CALNAME", gb_dossier_get_title (dossier));

  /* Sorted, so the same story gives the same file. */
  zone_names = g_list_sort (g_hash_table_get_keys (zones), (GCompareFunc) g_strcmp0);
  for (GList *l = zone_names; l != NULL; l = l->next)
    add_timezone (out, l->data, g_hash_table_lookup (zones, l->data));

  g_string_append_len (out, body->str, body->len);
  append_line (out, "END:VCALENDAR");

  if (n_year > 0)
    gb_export_note (notes, ngettext ("%u event of year precision left out of the calendar",
                                     "%u events of year precision left out of the calendar",
                                     n_year), n_year);
  if (n_before_1 > 0)
    /* Translators: %s names the events, “The Big Bang”; “Euclid's Optica” */
    gb_export_note (notes, ngettext ("%u event before the year 1 left out of the calendar, "
                                     "whose years begin at 1: %s",
                                     "%u events before the year 1 left out of the calendar, "
                                     "whose years begin at 1: %s",
                                     n_before_1), n_before_1, before_1->str);
  if (n_month > 0)
    gb_export_note (notes, ngettext ("%u event of month precision left out of the calendar",
                                     "%u events of month precision left out of the calendar",
                                     n_month), n_month);
  if (n_utc > 0)
    gb_export_note (notes, ngettext ("%u event's time has an offset but no named time zone: "
                                     "it is written in UTC",
                                     "%u events' times have an offset but no named time zone: "
                                     "they are written in UTC", n_utc), n_utc);
  gb_export_note_not_carried (notes, dossier, GB_EXPORT_EVENTS_AT_PLACES);
  gb_export_note_languages (notes, dossier);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
