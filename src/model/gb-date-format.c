/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-date-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gb-date-format.h"
#include "gb-figure-format.h"
#include "gb-time-zone.h"

/* Word order differs by language more than month names do: "4 November 2024",
 * "4 ноября 2024", "2024 ж. 4 қараша", "2024년 11월 4일". GLib takes the names from
 * the C library's LC_TIME locale, so the order is chosen from that same locale. */
typedef struct
{
  const char *lang;
  const char *year;
  const char *month;     /* standalone month name: %OB */
  const char *day;
  const char *time;
  const char *day_span;  /* two days of one month, as the end's format; "@" is the first day */
  gboolean    lower;     /* glibc capitalises Kazakh month names; the prose does not */
} DateFormats;

static const DateFormats formats[] = {
  { "en", "%Y",   "%B %Y",     "%-d %B %Y",     "%H:%M", "@–%-d %B %Y",      FALSE },
  { "ru", "%Y",   "%OB %Y",    "%-d %B %Y",     "%H:%M", "@–%-d %B %Y",      FALSE },
  { "kk", "%Y",   "%Y ж. %OB", "%Y ж. %-d %B",  "%H:%M", "%Y ж. @–%-d %B",   TRUE },
  { "ko", "%Y년", "%Y년 %B",   "%Y년 %B %-d일", "%H:%M", "%Y년 %B @일–%-d일", FALSE },
};

static const DateFormats *
current_formats (void)
{
  const char *locale = setlocale (LC_TIME, NULL);

  if (locale != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          gsize len = strlen (formats[i].lang);

          if (strncmp (locale, formats[i].lang, len) == 0 &&
              (locale[len] == '\0' || locale[len] == '_' || locale[len] == '.' ||
               locale[len] == '@'))
            return &formats[i];
        }
    }
  return &formats[0];
}

char *
gb_date_time_zone_label (GDateTime *date_time)
{
  const char *abbrev;
  GTimeSpan offset;
  int minutes;

  g_return_val_if_fail (date_time != NULL, NULL);

  abbrev = g_date_time_get_timezone_abbreviation (date_time);
  if (abbrev != NULL && g_ascii_isalpha (abbrev[0]))
    return g_strdup (abbrev);

  offset = g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_MINUTE;
  if (offset == 0)
    return g_strdup ("UTC");
  minutes = (int) ABS (offset);
  if (minutes % 60 != 0)
    return g_strdup_printf ("UTC%c%d:%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return g_strdup_printf ("UTC%c%d", offset < 0 ? '-' : '+', minutes / 60);
}

static GTimeZone *
date_zone (const GbDatePart *part,
           const char       *zone)
{
  GTimeZone *tz = NULL;

  if (zone != NULL)
    tz = gb_time_zone_new_known (zone);
  if (tz == NULL)
    tz = g_time_zone_new_offset (part->precision == GB_DATE_PRECISION_MINUTE ?
                                 part->utc_offset : 0);
  return tz;
}

static char *
format_time (GDateTime *dt)
{
  g_autofree char *clock = g_date_time_format (dt, current_formats ()->time);
  g_autofree char *zone = gb_date_time_zone_label (dt);

  /* TRANSLATORS: a time of day and its zone, e.g. “14:00 KST” */
  return g_strdup_printf (C_("time and zone", "%s %s"), clock, zone);
}

static char *
format_with_case (GDateTime  *dt,
                  const char *format,
                  gboolean    lower)
{
  g_autofree char *text = g_date_time_format (dt, format);

  if (!lower || text == NULL)
    return g_steal_pointer (&text);
  return g_utf8_strdown (text, -1);
}

/* Years before the common era from which a date is told as a time ago. */
#define FAR_YEARS_BC       1000000
/* "Years ago" count from 1950, as radiocarbon dates' "before present" do: the
 * wording stays the same from one year to the next. */
#define PRESENT_YEAR       1950
#define YEAR_COUNT_DIGITS  3

/**
 * gb_date_format_year_count:
 * @years: a number of years, 0 or more
 * @about: whether ten thousand years and more may be rounded
 * @count: (out): the number of years the text gives, for ngettext()
 *
 * Returns: (transfer full): @years in the locale's digits: "32", "315,000"; from
 *   a million on (or ten thousand, @about), rounded to three significant digits,
 *   a million and more in words: "370,000", "4.5 billion"
 */
char *
gb_date_format_year_count (gint64    years,
                           gboolean  about,
                           gulong   *count)
{
  double rounded;
  double unit;

  g_return_val_if_fail (years >= 0, NULL);
  g_return_val_if_fail (count != NULL, NULL);

  if (years < 10000 || (years < 1000000 && !about))
    {
      *count = (gulong) years;
      return years < 10000 ? g_strdup_printf ("%" G_GINT64_FORMAT, years)
                           : gb_figure_format_number ((double) years);
    }

  unit = pow (10, floor (log10 ((double) years)) - (YEAR_COUNT_DIGITS - 1));
  rounded = round ((double) years / unit) * unit;
  *count = (gulong) MIN (rounded, (double) G_MAXULONG);
  return gb_figure_format_scaled (rounded);
}

/* A year before 1 (astronomical: 0 is 1 BC) as a reader knows it: "500 BC", and
 * far back "13.8 billion years ago". */
static char *
format_year_bc (gint64 year)
{
  g_autofree char *number = NULL;
  gint64 bc = 1 - year;
  gulong n;

  g_assert (year <= 0);

  number = gb_date_format_year_count (bc >= FAR_YEARS_BC ? PRESENT_YEAR - year : bc, FALSE,
                                      &n);
  if (bc >= FAR_YEARS_BC)
    /* TRANSLATORS: a date far before the common era, "13.8 billion years ago"; %s
     * is a number of years, maybe in words ("13.8 billion") */
    return g_strdup_printf (ngettext ("%s year ago", "%s years ago", n), number);
  /* TRANSLATORS: a year before the common era, “500 BC”; %s is the year's number */
  return g_strdup_printf (_("%s BC"), number);
}

/* @format as g_date_time_format() writes it for the first day @part covers, down to
 * @precision (no time of day). GDateTime holds years 1 to 9999: other days are
 * written with a day of the same month in 2000 or 2001, their year's own words in
 * place of %Y. */
static char *
format_calendar (const GbDatePart *part,
                 GbDatePrecision   precision,
                 const char       *format,
                 gboolean          lower)
{
  int month = precision >= GB_DATE_PRECISION_MONTH ? part->month : 1;
  int day = precision >= GB_DATE_PRECISION_DAY ? part->day : 1;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GString) written = NULL;
  g_autofree char *year = NULL;
  g_autofree char *text = NULL;
  gboolean leap;

  if (part->year >= 1 && part->year <= GB_DATE_YEAR_MAX)
    {
      dt = g_date_time_new_utc ((int) part->year, month, day, 0, 0, 0);
      return dt != NULL ? format_with_case (dt, format, lower) : NULL;
    }

  year = format_year_bc (part->year);
  if (1 - part->year >= FAR_YEARS_BC)
    return g_steal_pointer (&year);   /* months and days are below what it says */

  leap = part->year % 4 == 0 && (part->year % 100 != 0 || part->year % 400 == 0);
  dt = g_date_time_new_utc (leap ? 2000 : 2001, month, day, 0, 0, 0);
  /* The year goes in after the month names are formatted (and lowered). */
  written = g_string_new (format);
  g_string_replace (written, "%Y", "\x01", 0);
  text = format_with_case (dt, written->str, lower);
  if (text == NULL)
    return NULL;
  g_string_assign (written, text);
  g_string_replace (written, "\x01", year, 0);
  return g_string_free (g_steal_pointer (&written), FALSE);
}

static char *
format_part (const GbDatePart *part,
             const char       *zone,
             GbDatePrecision   max_precision)
{
  const DateFormats *f = current_formats ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  char *text = NULL;
  GbDatePrecision precision = MIN (part->precision, max_precision);

  switch (precision)
    {
    case GB_DATE_PRECISION_YEAR:
      text = format_calendar (part, precision, f->year, FALSE);
      break;
    case GB_DATE_PRECISION_MONTH:
      text = format_calendar (part, precision, f->month, f->lower);
      break;
    case GB_DATE_PRECISION_DAY:
      text = format_calendar (part, precision, f->day, f->lower);
      break;
    case GB_DATE_PRECISION_MINUTE:
      tz = date_zone (part, zone);
      dt = gb_date_part_to_date_time_in (part, tz);
      if (dt == NULL)
        break;
      day = format_with_case (dt, f->day, f->lower);
      time = format_time (dt);
      /* TRANSLATORS: a day and a time, e.g. “4 November 2024, 14:00 KST” */
      text = g_strdup_printf (C_("day and time", "%s, %s"), day, time);
      break;
    case GB_DATE_PRECISION_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  /* at the calendar's limits */
  return text != NULL ? text : gb_date_part_to_string (part);
}

static gboolean
span_is_days_of_one_month (const GbDate    *date,
                           GbDatePrecision  max_precision)
{
  const GbDatePart *start = gb_date_get_start (date);
  const GbDatePart *end = gb_date_get_end (date);

  /* Times are shown whole: the clock matters more than the brevity. */
  if (MIN (start->precision, max_precision) != GB_DATE_PRECISION_DAY ||
      MIN (end->precision, max_precision) != GB_DATE_PRECISION_DAY)
    return FALSE;
  return start->year == end->year && start->month == end->month && start->day < end->day;
}

/* "11–13 June 2024" rather than "11 June 2024 – 13 June 2024". */
static char *
format_day_span (const GbDatePart *start,
                 const GbDatePart *end)
{
  const DateFormats *f = current_formats ();
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) pieces = NULL;

  /* Far back, days are not told apart. */
  if (1 - end->year >= FAR_YEARS_BC)
    return NULL;
  text = format_calendar (end, GB_DATE_PRECISION_DAY, f->day_span, f->lower);
  if (text == NULL)
    return NULL;
  first = g_strdup_printf ("%d", start->day);
  pieces = g_strsplit (text, "@", 2);
  return g_strjoinv (first, pieces);
}

static char *
format_range (const GbDate    *date,
              GbDatePrecision  max_precision,
              gboolean         words)
{
  const char *zone = gb_date_get_zone (date);
  g_autofree char *start = format_part (gb_date_get_start (date), zone, max_precision);
  g_autofree char *end = NULL;

  if (!gb_date_has_end (date))
    return g_steal_pointer (&start);

  if (!words && span_is_days_of_one_month (date, max_precision))
    {
      char *span = format_day_span (gb_date_get_start (date), gb_date_get_end (date));

      if (span != NULL)
        return span;
    }

  end = format_part (gb_date_get_end (date), zone, max_precision);
  if (words)
    /* TRANSLATORS: a span of time read aloud, e.g. “from 2025 to 2027” */
    return g_strdup_printf (_("from %s to %s"), start, end);
  if (g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&start);
  /* Short forms close up ("2025–2027"); forms with spaces get spaced dashes. */
  if (strchr (start, ' ') == NULL && strchr (end, ' ') == NULL)
    return g_strdup_printf ("%s–%s", start, end);
  return g_strdup_printf ("%s – %s", start, end);
}

/**
 * gb_date_format:
 * @date: a #GbDate
 *
 * Returns: (transfer full): the date for display at its precision, in the user's
 *   locale: "2023", "June 2024", "2025–2027", "4 November 2024, 14:00 KST"
 */
char *
gb_date_format (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_range (date, GB_DATE_PRECISION_MINUTE, FALSE);
}

/**
 * gb_date_part_format:
 * @part: one end of a date
 * @zone: (nullable): the IANA zone to show a time in
 *
 * Returns: (transfer full): the part for display at its precision
 */
char *
gb_date_part_format (const GbDatePart *part,
                     const char       *zone)
{
  g_return_val_if_fail (part != NULL, NULL);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, NULL);

  return format_part (part, zone, GB_DATE_PRECISION_MINUTE);
}

char *
gb_date_format_header (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_range (date, GB_DATE_PRECISION_DAY, FALSE);
}

char *
gb_date_format_words (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_range (date, GB_DATE_PRECISION_MINUTE, TRUE);
}

char *
gb_date_format_time_in_zone (const GbDate *date,
                             GTimeZone    *zone)
{
  const GbDatePart *start;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  start = gb_date_get_start (date);
  if (start->precision != GB_DATE_PRECISION_MINUTE)
    return NULL;
  dt = gb_date_part_to_date_time_in (start, zone);
  if (dt == NULL)
    return NULL;
  return format_time (dt);
}

char *
gb_date_format_time (const GbDate *date)
{
  const GbDatePart *start;
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  start = gb_date_get_start (date);
  if (start->precision != GB_DATE_PRECISION_MINUTE)
    return NULL;
  tz = date_zone (start, gb_date_get_zone (date));
  return gb_date_format_time_in_zone (date, tz);
}
