/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-date.h"
#include "gb-escape.h"
#include "gb-time-zone.h"

/* A date of the dossier format: a start, an optional end, an optional IANA zone.
 *
 * Ordering. Dates are ordered by the local calendar day their start falls on (as
 * written, in its own offset), then coarser precision first, then by instant. So a
 * year sorts before every day of that year, a day before the times on that day, and
 * times on one day by the moment they happen. Comparing by instant alone would put
 * 08:00 in Seoul (23:00 UTC the day before) ahead of a day-precision event of the
 * same local day, and would let day headers interleave. */

#define JULIAN_UNIX_EPOCH 719163   /* day number of 1970-01-01 */
#define MAX_OFFSET        (18 * 3600)
#define DAYS_PER_400Y     146097     /* the Gregorian calendar repeats every 400 years */

/* Keys order parts by day, then by a rank within the day. */
typedef struct
{
  gint64 day;
  gint32 rank;
} Key;

struct _GbDate
{
  gatomicrefcount  ref_count;
  GbDatePart       start;
  GbDatePart       end;         /* precision NONE when there is no end */
  char            *zone;        /* IANA id, or NULL */
  Key              start_key;
  Key              end_key;
};

G_DEFINE_BOXED_TYPE (GbDate, gb_date, gb_date_ref, gb_date_unref)

G_DEFINE_QUARK (gb-date-error-quark, gb_date_error)

/* Division rounding down, for years and days before the epoch. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (gint64 year,
               int    month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  return days[month - 1] + (month == 2 && is_leap_year (year));
}

/* Day numbers of the proleptic Gregorian calendar, as GDate counts them in years
 * 1 to 9999 (0001-01-01 is day 1), continued before: 0000-12-31 is day 0. Years
 * are astronomical (year 0 is 1 BC); GB_DATE_YEAR_MIN's days fit in 47 bits. */
static gint64
day_number (gint64 year,
            int    month,
            int    day)
{
  gint64 before = year - 1;
  gint64 days = 365 * before + floor_div (before, 4) - floor_div (before, 100) +
                floor_div (before, 400);

  for (int m = 1; m < month; m++)
    days += days_in_month (year, m);
  return days + day;
}

static void
day_to_ymd (gint64  number,
            gint64 *year,
            int    *month,
            int    *day)
{
  gint64 since = number - 1;   /* days since 0001-01-01 */
  gint64 cycles = floor_div (since, DAYS_PER_400Y);
  gint64 rest = since - cycles * DAYS_PER_400Y;
  gint64 centuries, quads, years;

  /* The last century of a cycle, and the last year of four, are a day longer. */
  centuries = MIN (rest / 36524, 3);
  rest -= centuries * 36524;
  quads = rest / 1461;
  rest -= quads * 1461;
  years = MIN (rest / 365, 3);
  rest -= years * 365;

  *year = 1 + cycles * 400 + centuries * 100 + quads * 4 + years;
  *month = 1;
  while (rest >= days_in_month (*year, *month))
    rest -= days_in_month (*year, (*month)++);
  *day = (int) rest + 1;
}

static gint64
part_first_day (const GbDatePart *part)
{
  switch (part->precision)
    {
    case GB_DATE_PRECISION_YEAR:
      return day_number (part->year, 1, 1);
    case GB_DATE_PRECISION_MONTH:
      return day_number (part->year, part->month, 1);
    case GB_DATE_PRECISION_DAY:
    case GB_DATE_PRECISION_MINUTE:
      return day_number (part->year, part->month, part->day);
    case GB_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gint64
part_last_day (const GbDatePart *part)
{
  switch (part->precision)
    {
    case GB_DATE_PRECISION_YEAR:
      return day_number (part->year, 12, 31);
    case GB_DATE_PRECISION_MONTH:
      return day_number (part->year, part->month, days_in_month (part->year, part->month));
    case GB_DATE_PRECISION_DAY:
    case GB_DATE_PRECISION_MINUTE:
      return day_number (part->year, part->month, part->day);
    case GB_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Seconds from 00:00 UTC of the part's local day to its instant: −18 h … +42 h. */
static gint64
part_seconds_in_day (const GbDatePart *part)
{
  g_assert (part->precision == GB_DATE_PRECISION_MINUTE);

  return part->hour * 3600 + part->minute * 60 + part->second - part->utc_offset;
}

/* The rank within the day: precision << 19 | seconds + 1 day. Seconds from the
 * local day's UTC midnight span −18 h … +42 h, which fits in 19 bits once shifted
 * by a day. */
static Key
start_key (const GbDatePart *part)
{
  Key key = { part_first_day (part), part->precision << 19 };

  if (part->precision == GB_DATE_PRECISION_MINUTE)
    key.rank |= (gint32) part_seconds_in_day (part) + 86400;
  return key;
}

/* The last moment a date covers: its last day, then its time (a coarse part covers
 * the whole day, so it ends after any time on it); on a tie a point before a range. */
static Key
last_key (const GbDatePart *part,
          gboolean          is_range)
{
  Key key = { part_last_day (part), 0 };

  if (part->precision == GB_DATE_PRECISION_MINUTE)
    key.rank = ((gint32) part_seconds_in_day (part) + 86400) << 1;
  else
    key.rank = ((1 << 19) - 1) << 1;
  key.rank |= is_range ? 1 : 0;
  return key;
}

static int
compare_keys (const Key *a,
              const Key *b)
{
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return 0;
}

static gboolean
read_digits (const char **p,
             int          n,
             int         *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

static char *
month_year_name (gint64 year,
                 int    month)
{
  g_autoptr(GDateTime) dt = NULL;
  GbDatePart part = { .precision = GB_DATE_PRECISION_MONTH, .year = year, .month = month };

  if (year < 1 || year > GB_DATE_YEAR_MAX ||
      (dt = g_date_time_new_utc ((int) year, month, 1, 0, 0, 0)) == NULL)
    return gb_date_part_format (&part, NULL);
  /* TRANSLATORS: a month and year in an error message, as g_date_time_format(); %OB
   * is the month's name on its own (nominative), not as part of a date */
  return g_date_time_format (dt, C_("error month", "%OB %Y"));
}

#define MAX_DATE_LENGTH 32

#define SYNTAX_HINT \
  N_("Write a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM with +HH:MM or Z")

static gboolean
syntax_error (const char  *text,
              GError     **error)
{
  g_autofree char *shown = gb_escape_dup_quote (text);

  g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_SYNTAX, _("“%s” is not a date. %s"),
               shown, _(SYNTAX_HINT));
  return FALSE;
}

static gboolean
range_error (const char  *text,
             GError     **error)
{
  g_autofree char *shown = gb_escape_dup_quote (text);

  g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
               _("“%s”: years run from %s to %04d"), shown, GB_DATE_YEAR_MIN_TEXT,
               GB_DATE_YEAR_MAX);
  return FALSE;
}

/* The year at *@p: four digits, or a minus and four digits or more, no more
 * zeros in front than make four ("-0499", "-13799999999"), as ISO 8601's
 * expanded years; years after 9999 are not written. The digits are counted
 * before they are added up, so a long run is a range error, never an overflow. */
static gboolean
read_year (const char  *text,
           const char **p,
           GbDatePart  *part,
           GError     **error)
{
  gboolean negative = **p == '-';
  const char *digits = *p + negative;
  gsize n = strspn (digits, "0123456789");
  gint64 value = 0;

  if (n < 4 || (n > 4 && (!negative || digits[0] == '0')))
    return syntax_error (text, error);
  if (n > strlen (GB_DATE_YEAR_MIN_TEXT) - 1)
    return range_error (text, error);

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (digits[i] - '0');
  if (negative && value == 0)
    return syntax_error (text, error);   /* year 0 is "0000" */

  part->year = negative ? -value : value;
  part->precision = GB_DATE_PRECISION_YEAR;
  *p = digits + n;
  return TRUE;
}

/* One field of MM or DD: the separator, then exactly two digits. */
static gboolean
read_field (const char **p,
            int         *out)
{
  if (*(*p)++ != '-')
    return FALSE;

  return read_digits (p, 2, out) && !g_ascii_isdigit (**p);
}

/* Whether the field that gives @part its @precision is in range. */
static gboolean
check_calendar_field (const char        *text,
                      const GbDatePart  *part,
                      GbDatePrecision    precision,
                      GError           **error)
{
  g_autofree char *month = NULL;

  switch (precision)
    {
    case GB_DATE_PRECISION_MONTH:
      if (part->month >= 1 && part->month <= 12)
        return TRUE;
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                   _("“%s”: there is no month %d; months run from 01 to 12"),
                   text, part->month);
      return FALSE;

    case GB_DATE_PRECISION_DAY:
      if (part->day >= 1 && part->day <= days_in_month (part->year, part->month))
        return TRUE;
      month = month_year_name (part->year, part->month);
      /* TRANSLATORS: e.g. “February 2023 has no day 30” */
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE, _("%s has no day %d"),
                   month, part->day);
      return FALSE;

    case GB_DATE_PRECISION_NONE:
    case GB_DATE_PRECISION_YEAR:
    case GB_DATE_PRECISION_MINUTE:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD at *@p: as many fields as are written,
 * each in range; *@p is left after the last one. */
static gboolean
parse_calendar_date (const char  *text,
                     const char **p,
                     GbDatePart  *part,
                     GError     **error)
{
  const struct {
    int             *value;
    GbDatePrecision  precision;
  } fields[] = {
    { &part->month, GB_DATE_PRECISION_MONTH },
    { &part->day, GB_DATE_PRECISION_DAY },
  };

  if (!read_year (text, p, part, error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (fields) && **p != '\0'; k++)
    {
      if (!read_field (p, fields[k].value))
        return syntax_error (text, error);
      if (!check_calendar_field (text, part, fields[k].precision, error))
        return FALSE;
      part->precision = fields[k].precision;
    }

  return TRUE;
}

/* THH:MM or THH:MM:SS at *@p, in range. */
static gboolean
parse_time_of_day (const char  *text,
                   const char **p,
                   GbDatePart  *part,
                   GError     **error)
{
  if (*(*p)++ != 'T' || !read_digits (p, 2, &part->hour) || *(*p)++ != ':' ||
      !read_digits (p, 2, &part->minute))
    return syntax_error (text, error);
  if (**p == ':')
    {
      (*p)++;
      if (!read_digits (p, 2, &part->second))
        return syntax_error (text, error);
    }
  if (part->hour > 23 || part->minute > 59 || part->second > 59)
    {
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                   _("“%s” is not a time of day: hours run from 00 to 23, minutes and "
                     "seconds from 00 to 59"), text);
      return FALSE;
    }

  /* Clocks and time zones belong to the years GDateTime holds. */
  if (part->year < 1)
    {
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                   _("“%s”: a time of day needs a year from 0001 to 9999"), text);
      return FALSE;
    }

  part->precision = GB_DATE_PRECISION_MINUTE;
  return TRUE;
}

/* Z or ±HH:MM at @p, ending the text. */
static gboolean
parse_offset (const char *text,
              const char *p,
              GbDatePart *part,
              GError    **error)
{
  int sign;
  int oh, om;

  if (*p == 'Z')
    {
      p++;
      part->utc_offset = 0;
    }
  else if (*p == '+' || *p == '-')
    {
      sign = *p++ == '-' ? -1 : 1;
      if (!read_digits (&p, 2, &oh) || *p++ != ':' || !read_digits (&p, 2, &om))
        return syntax_error (text, error);
      if (om > 59 || oh * 3600 + om * 60 > MAX_OFFSET)
        {
          g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                       _("“%s”: a UTC offset lies between −18:00 and +18:00"), text);
          return FALSE;
        }
      part->utc_offset = sign * (oh * 3600 + om * 60);
    }
  else
    return syntax_error (text, error);

  if (*p != '\0')
    return syntax_error (text, error);

  return TRUE;
}

/* Parses one DATE string into @part. @has_offset tells whether an explicit offset
 * was written (only for minute precision). */
static gboolean
parse_part (const char  *text,
            GbDatePart  *part,
            gboolean    *has_offset,
            GError     **error)
{
  const char *p = text;

  memset (part, 0, sizeof *part);
  *has_offset = FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_SYNTAX, _("The date is empty. %s"),
                   _(SYNTAX_HINT));
      return FALSE;
    }

  /* The longest date is "2024-11-04T10:00:00+05:00"; messages below quote the text. */
  if (strlen (text) > MAX_DATE_LENGTH)
    return syntax_error (text, error);

  if (!parse_calendar_date (text, &p, part, error))
    return FALSE;
  if (*p == '\0')
    return TRUE;

  if (!parse_time_of_day (text, &p, part, error))
    return FALSE;
  if (*p == '\0')
    return TRUE;   /* the caller needs a zone then */

  if (!parse_offset (text, p, part, error))
    return FALSE;

  *has_offset = TRUE;
  return TRUE;
}

/* Only IANA names (gb-time-zone.h): GLib would read a path or a POSIX rule. */
static GTimeZone *
load_zone (const char  *zone,
           GError     **error)
{
  GTimeZone *tz = gb_time_zone_new_known (zone);
  g_autofree char *shown = NULL;

  if (tz != NULL)
    return tz;

  shown = gb_escape_dup_quote (zone);
  g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_ZONE,
               _("“%s” is not a time zone: use an IANA name such as “Asia/Seoul” or "
                 "“Asia/Almaty”"), shown);
  return NULL;
}

static char *
offset_to_string (int offset)
{
  int abs_offset = ABS (offset);

  if (offset == 0)
    return g_strdup ("Z");
  return g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                          abs_offset / 3600, abs_offset / 60 % 60);
}

/* Gives a minute-precision part its offset from @tz, or checks that the offset
 * written agrees with @tz at that instant. */
static gboolean
resolve_zone (GbDatePart  *part,
              gboolean     has_offset,
              const char  *text,
              GTimeZone   *tz,
              const char  *zone,
              GError     **error)
{
  g_autoptr(GDateTime) local = NULL;

  if (part->precision != GB_DATE_PRECISION_MINUTE)
    return TRUE;

  if (tz == NULL)
    {
      if (has_offset)
        return TRUE;
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_ZONE,
                   _("“%s”: a time of day needs a time zone: add an offset such as "
                     "+05:00, or a zone such as “Asia/Almaty”"), text);
      return FALSE;
    }

  if (has_offset)
    {
      g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (part->utc_offset);
      g_autoptr(GDateTime) written = g_date_time_new (fixed, (int) part->year, part->month,
                                                      part->day, part->hour,
                                                      part->minute, part->second);
      g_autoptr(GDateTime) in_zone = NULL;
      int zone_offset;

      /* Years 1 and 9999 with an offset may fall outside what GDateTime holds. */
      if (written == NULL || (in_zone = g_date_time_to_timezone (written, tz)) == NULL)
        {
          g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                       _("“%s” is too close to the limits of the calendar"), text);
          return FALSE;
        }
      zone_offset = (int) (g_date_time_get_utc_offset (in_zone) / G_TIME_SPAN_SECOND);
      if (zone_offset != part->utc_offset)
        {
          g_autofree char *expected = offset_to_string (zone_offset);

          g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_ZONE,
                       _("“%s” does not agree with the zone “%s”, which is %s at that "
                         "time: fix the offset or the zone"), text, zone, expected);
          return FALSE;
        }
      return TRUE;
    }

  local = g_date_time_new (tz, (int) part->year, part->month, part->day, part->hour,
                           part->minute, part->second);
  if (local == NULL)
    {
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_RANGE,
                   _("“%s” is too close to the limits of the calendar"), text);
      return FALSE;
    }
  /* A wall time skipped by a daylight-saving change comes back moved. */
  if (g_date_time_get_hour (local) != part->hour ||
      g_date_time_get_minute (local) != part->minute ||
      g_date_time_get_day_of_month (local) != part->day)
    {
      g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_ZONE,
                   _("“%s” does not exist in the zone “%s” (the clocks skip it): add "
                     "the offset meant"), text, zone);
      return FALSE;
    }
  part->utc_offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  return TRUE;
}

/**
 * gb_date_parse:
 * @start: a DATE string of the dossier format
 * @end: (nullable): a DATE string, not before @start
 * @zone: (nullable): an IANA time zone id
 * @error: return location for a #GB_DATE_ERROR
 *
 * Parses a date with the precision of what is written. A time of day needs an
 * offset in the string or @zone; with both they must agree.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with @error set
 */
GbDate *
gb_date_parse (const char  *start,
               const char  *end,
               const char  *zone,
               GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  GbDatePart start_part, end_part;
  gboolean start_offset = FALSE, end_offset = FALSE;
  GbDate *date;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (zone != NULL && (tz = load_zone (zone, error)) == NULL)
    return NULL;

  if (!parse_part (start, &start_part, &start_offset, error) ||
      !resolve_zone (&start_part, start_offset, start, tz, zone, error))
    return NULL;

  memset (&end_part, 0, sizeof end_part);
  if (end != NULL)
    {
      gboolean before;

      if (!parse_part (end, &end_part, &end_offset, error) ||
          !resolve_zone (&end_part, end_offset, end, tz, zone, error))
        return NULL;

      /* Two times compare as instants; otherwise by local day, the end covering
       * its whole span ("2025"–"2027" runs through 31 December 2027). */
      if (start_part.precision == GB_DATE_PRECISION_MINUTE &&
          end_part.precision == GB_DATE_PRECISION_MINUTE)
        before = gb_date_part_to_unix (&end_part) < gb_date_part_to_unix (&start_part);
      else
        before = part_last_day (&end_part) < part_first_day (&start_part);

      if (before)
        {
          g_set_error (error, GB_DATE_ERROR, GB_DATE_ERROR_ORDER,
                       _("The end “%s” is before the start “%s”: swap them"), end, start);
          return NULL;
        }
    }

  date = g_new0 (GbDate, 1);
  g_atomic_ref_count_init (&date->ref_count);
  date->start = start_part;
  date->end = end_part;
  date->zone = g_strdup (zone);
  date->start_key = start_key (&date->start);
  date->end_key = last_key (end != NULL ? &date->end : &date->start, end != NULL);
  return date;
}

GbDate *
gb_date_ref (GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  g_atomic_ref_count_inc (&date->ref_count);
  return date;
}

void
gb_date_unref (GbDate *date)
{
  g_return_if_fail (date != NULL);

  if (g_atomic_ref_count_dec (&date->ref_count))
    {
      g_free (date->zone);
      g_free (date);
    }
}

const GbDatePart *
gb_date_get_start (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return &date->start;
}

/**
 * gb_date_get_end:
 * @date: a #GbDate
 *
 * Returns: (nullable): the end, or %NULL when the date is not a range
 */
const GbDatePart *
gb_date_get_end (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return date->end.precision != GB_DATE_PRECISION_NONE ? &date->end : NULL;
}

gboolean
gb_date_has_end (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->end.precision != GB_DATE_PRECISION_NONE;
}

/* The finest precision present in the start or the end. */
GbDatePrecision
gb_date_get_precision (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, GB_DATE_PRECISION_NONE);

  return MAX (date->start.precision, date->end.precision);
}

const char *
gb_date_get_zone (const GbDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return date->zone;
}

/**
 * gb_date_part_to_unix:
 * @part: a date part
 *
 * Returns: the instant of a time of day, or 00:00 UTC of the first day a coarser
 *   part covers, as seconds since 1970-01-01 UTC
 */
gint64
gb_date_part_to_unix (const GbDatePart *part)
{
  gint64 seconds;

  g_return_val_if_fail (part != NULL, 0);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, 0);

  seconds = ((gint64) part_first_day (part) - JULIAN_UNIX_EPOCH) * 86400;
  if (part->precision == GB_DATE_PRECISION_MINUTE)
    seconds += part_seconds_in_day (part);
  return seconds;
}

/**
 * gb_date_part_to_date_time:
 * @part: a date part
 *
 * Returns: (transfer full) (nullable): a time of day in its own offset, or the
 *   first day of a coarser part at 00:00 UTC; %NULL only at the calendar's limits
 */
GDateTime *
gb_date_part_to_date_time (const GbDatePart *part)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (part != NULL, NULL);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, NULL);

  tz = g_time_zone_new_offset (part->precision == GB_DATE_PRECISION_MINUTE ?
                               part->utc_offset : 0);
  return gb_date_part_to_date_time_in (part, tz);
}

/**
 * gb_date_part_to_date_time_in:
 * @part: a date part
 * @zone: the zone to show it in
 *
 * Returns: (transfer full) (nullable): a time of day converted to @zone, or 00:00 in
 *   @zone of the first day of a coarser part; %NULL only at the calendar's limits
 */
GDateTime *
gb_date_part_to_date_time_in (const GbDatePart *part,
                              GTimeZone        *zone)
{
  gint64 year;
  int month, day;

  g_return_val_if_fail (part != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, NULL);

  /* GDateTime holds years 1 to 9999 only. */
  if (part->year < 1 || part->year > GB_DATE_YEAR_MAX)
    return NULL;

  day_to_ymd (part_first_day (part), &year, &month, &day);

  if (part->precision == GB_DATE_PRECISION_MINUTE)
    {
      g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (part->utc_offset);
      g_autoptr(GDateTime) dt = g_date_time_new (fixed, (int) year, month, day, part->hour,
                                                 part->minute, part->second);

      if (dt == NULL)
        return NULL;
      return g_date_time_to_timezone (dt, zone);
    }

  return g_date_time_new (zone, (int) year, month, day, 0, 0, 0);
}

/**
 * gb_date_compare:
 * @a: a #GbDate
 * @b: a #GbDate
 *
 * Orders by start: by the local calendar day it falls on, then coarser precision
 * first, then by instant; then by end: a point before a range starting with it, a
 * shorter range before a longer. Equal dates compare 0, so a stable sort keeps their
 * order.
 *
 * Returns: negative, 0 or positive
 */
int
gb_date_compare (const GbDate *a,
                 const GbDate *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  int order = compare_keys (&a->start_key, &b->start_key);

  return order != 0 ? order : compare_keys (&a->end_key, &b->end_key);
}

/**
 * gb_date_part_to_string:
 * @part: a date part
 *
 * Returns: (transfer full): the part in the dossier format, a time of day always
 *   with its offset
 */
char *
gb_date_part_to_string (const GbDatePart *part)
{
  g_autofree char *offset = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (part != NULL, NULL);

  /* At least four digits, after the minus of a year before 0 ("-0499"). */
  year = g_strdup_printf ("%s%04" G_GINT64_FORMAT, part->year < 0 ? "-" : "",
                          ABS (part->year));

  switch (part->precision)
    {
    case GB_DATE_PRECISION_YEAR:
      return g_steal_pointer (&year);
    case GB_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s-%02d", year, part->month);
    case GB_DATE_PRECISION_DAY:
      return g_strdup_printf ("%s-%02d-%02d", year, part->month, part->day);
    case GB_DATE_PRECISION_MINUTE:
      offset = offset_to_string (part->utc_offset);
      if (part->second != 0)
        return g_strdup_printf ("%s-%02d-%02dT%02d:%02d:%02d%s", year, part->month,
                                part->day, part->hour, part->minute, part->second, offset);
      return g_strdup_printf ("%s-%02d-%02dT%02d:%02d%s", year, part->month,
                              part->day, part->hour, part->minute, offset);
    case GB_DATE_PRECISION_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gb_date_to_string:
 * @date: a #GbDate
 *
 * Returns: (transfer full): the date as the dossier format writes it: a DATE string,
 *   or, with an end or a zone, the JSON object text {"start", "end", "zone"}. Parsing
 *   it back gives an equal date.
 */
char *
gb_date_to_string (const GbDate *date)
{
  g_autofree char *start = NULL;
  GString *out;

  g_return_val_if_fail (date != NULL, NULL);

  start = gb_date_part_to_string (&date->start);
  if (!gb_date_has_end (date) && date->zone == NULL)
    return g_steal_pointer (&start);

  /* Parts and zones hold only ASCII letters, digits and "+-:/_": no escaping. */
  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"start\": \"%s\"", start);
  if (gb_date_has_end (date))
    {
      g_autofree char *end = gb_date_part_to_string (&date->end);

      g_string_append_printf (out, ", \"end\": \"%s\"", end);
    }
  if (date->zone != NULL)
    g_string_append_printf (out, ", \"zone\": \"%s\"", date->zone);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/**
 * gb_date_part_get_first_day:
 * @part: a date part
 *
 * Returns: the day number (0001-01-01 is 1, the days before count down from 0)
 *   of the first local day @part covers
 */
gint64
gb_date_part_get_first_day (const GbDatePart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, 0);

  return part_first_day (part);
}

gint64
gb_date_part_get_last_day (const GbDatePart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  g_return_val_if_fail (part->precision != GB_DATE_PRECISION_NONE, 0);

  return part_last_day (part);
}

/**
 * gb_date_days_in_month:
 * @year: an astronomical year (0 is 1 BC)
 * @month: 1 to 12
 *
 * Returns: the days @month has in @year, in the proleptic Gregorian calendar
 */
int
gb_date_days_in_month (gint64 year,
                       int    month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return days_in_month (year, month);
}

/**
 * gb_date_part_set_day:
 * @part: the part to set
 * @day: a day number, as gb_date_part_get_first_day() gives
 *
 * Makes @part that day, at day precision.
 */
void
gb_date_part_set_day (GbDatePart *part,
                      gint64      day)
{
  g_return_if_fail (part != NULL);

  memset (part, 0, sizeof *part);
  part->precision = GB_DATE_PRECISION_DAY;
  day_to_ymd (day, &part->year, &part->month, &part->day);
}
