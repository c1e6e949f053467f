/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <locale.h>

#include "gb-date.h"
#include "gb-date-format.h"

typedef struct
{
  const char      *start;
  const char      *end;
  const char      *zone;
  GbDatePrecision  precision;
  const char      *canonical;    /* gb_date_to_string() */
  int              offset;       /* of the start, seconds, minute precision only */
} ValidCase;

static const ValidCase valid_cases[] = {
  { "2023", NULL, NULL, GB_DATE_PRECISION_YEAR, "2023", 0 },
  { "0001", NULL, NULL, GB_DATE_PRECISION_YEAR, "0001", 0 },
  { "9999", NULL, NULL, GB_DATE_PRECISION_YEAR, "9999", 0 },
  /* astronomical years: 0000 is 1 BC, -0499 is 500 BC */
  { "0000", NULL, NULL, GB_DATE_PRECISION_YEAR, "0000", 0 },
  { "-0499", NULL, NULL, GB_DATE_PRECISION_YEAR, "-0499", 0 },
  { "-0043-03-15", NULL, NULL, GB_DATE_PRECISION_DAY, "-0043-03-15", 0 },
  { "-0004-02-29", NULL, NULL, GB_DATE_PRECISION_DAY, "-0004-02-29", 0 },
  { "0000-02-29", NULL, NULL, GB_DATE_PRECISION_DAY, "0000-02-29", 0 },
  { "-13799999999", NULL, NULL, GB_DATE_PRECISION_YEAR, "-13799999999", 0 },
  { "-99999999999-12-31", NULL, NULL, GB_DATE_PRECISION_DAY, "-99999999999-12-31", 0 },
  { "-0499", "0033", NULL, GB_DATE_PRECISION_YEAR,
    "{\"start\": \"-0499\", \"end\": \"0033\"}", 0 },
  { "-538799999", "-251901999", "Asia/Seoul", GB_DATE_PRECISION_YEAR,
    "{\"start\": \"-538799999\", \"end\": \"-251901999\", \"zone\": \"Asia/Seoul\"}", 0 },
  { "2024-06", NULL, NULL, GB_DATE_PRECISION_MONTH, "2024-06", 0 },
  { "1992-01-28", NULL, NULL, GB_DATE_PRECISION_DAY, "1992-01-28", 0 },
  { "2024-02-29", NULL, NULL, GB_DATE_PRECISION_DAY, "2024-02-29", 0 },
  { "2000-02-29", NULL, NULL, GB_DATE_PRECISION_DAY, "2000-02-29", 0 },
  { "2024-11-04T14:00+09:00", NULL, NULL, GB_DATE_PRECISION_MINUTE,
    "2024-11-04T14:00+09:00", 9 * 3600 },
  { "2024-11-04T14:00:30+09:00", NULL, NULL, GB_DATE_PRECISION_MINUTE,
    "2024-11-04T14:00:30+09:00", 9 * 3600 },
  { "2024-11-04T05:00Z", NULL, NULL, GB_DATE_PRECISION_MINUTE, "2024-11-04T05:00Z", 0 },
  { "2024-11-04T05:00-03:30", NULL, NULL, GB_DATE_PRECISION_MINUTE,
    "2024-11-04T05:00-03:30", -(3 * 3600 + 1800) },
  { "2024-11-04T00:00+05:45", NULL, NULL, GB_DATE_PRECISION_MINUTE,
    "2024-11-04T00:00+05:45", 5 * 3600 + 45 * 60 },
  { "2024-11-04T23:59+14:00", NULL, NULL, GB_DATE_PRECISION_MINUTE,
    "2024-11-04T23:59+14:00", 14 * 3600 },
  /* offset from the zone */
  { "2024-11-04T14:00", NULL, "Asia/Seoul", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-04T14:00+09:00\", \"zone\": \"Asia/Seoul\"}", 9 * 3600 },
  { "2024-11-04T14:00+09:00", NULL, "Asia/Seoul", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-04T14:00+09:00\", \"zone\": \"Asia/Seoul\"}", 9 * 3600 },
  /* Kazakhstan moved to a single zone, UTC+5, on 1 March 2024 */
  { "2024-11-03T23:00", NULL, "Asia/Almaty", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-03T23:00+05:00\", \"zone\": \"Asia/Almaty\"}", 5 * 3600 },
  { "2023-11-03T23:00", NULL, "Asia/Almaty", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2023-11-03T23:00+06:00\", \"zone\": \"Asia/Almaty\"}", 6 * 3600 },
  /* daylight saving: the offset follows the date */
  { "2024-07-01T12:00", NULL, "Europe/Berlin", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-07-01T12:00+02:00\", \"zone\": \"Europe/Berlin\"}", 2 * 3600 },
  { "2024-01-01T12:00", NULL, "Europe/Berlin", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-01-01T12:00+01:00\", \"zone\": \"Europe/Berlin\"}", 3600 },
  /* the repeated hour is resolved by the offset written */
  { "2024-10-27T02:30+01:00", NULL, "Europe/Berlin", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-10-27T02:30+01:00\", \"zone\": \"Europe/Berlin\"}", 3600 },
  { "2024-10-27T02:30+02:00", NULL, "Europe/Berlin", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-10-27T02:30+02:00\", \"zone\": \"Europe/Berlin\"}", 2 * 3600 },
  { "2024-11-04", NULL, "Asia/Seoul", GB_DATE_PRECISION_DAY,
    "{\"start\": \"2024-11-04\", \"zone\": \"Asia/Seoul\"}", 0 },
  { "2024", NULL, "UTC", GB_DATE_PRECISION_YEAR, "{\"start\": \"2024\", \"zone\": \"UTC\"}", 0 },
  /* ranges */
  { "2025", "2027", NULL, GB_DATE_PRECISION_YEAR,
    "{\"start\": \"2025\", \"end\": \"2027\"}", 0 },
  { "2025", "2025", NULL, GB_DATE_PRECISION_YEAR,
    "{\"start\": \"2025\", \"end\": \"2025\"}", 0 },
  { "2024-11-04", "2024-11-06", NULL, GB_DATE_PRECISION_DAY,
    "{\"start\": \"2024-11-04\", \"end\": \"2024-11-06\"}", 0 },
  { "2024-11", "2024-11-30", NULL, GB_DATE_PRECISION_DAY,
    "{\"start\": \"2024-11\", \"end\": \"2024-11-30\"}", 0 },
  /* a coarse end covers its whole span */
  { "2024-11-04", "2024", NULL, GB_DATE_PRECISION_DAY,
    "{\"start\": \"2024-11-04\", \"end\": \"2024\"}", 0 },
  { "2024-11-04T14:00+09:00", "2024-11-04", NULL, GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-04T14:00+09:00\", \"end\": \"2024-11-04\"}", 9 * 3600 },
  /* a flight: 23:00 in Astana, 07:00 next morning in Seoul */
  { "2024-11-03T23:00+05:00", "2024-11-04T07:00+09:00", NULL, GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-03T23:00+05:00\", \"end\": \"2024-11-04T07:00+09:00\"}",
    5 * 3600 },
  /* two times compare as instants: 10:00+09:00 is 01:00 UTC, 09:00+05:00 is 04:00 */
  { "2024-11-04T10:00+09:00", "2024-11-04T09:00+05:00", NULL, GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-04T10:00+09:00\", \"end\": \"2024-11-04T09:00+05:00\"}",
    9 * 3600 },
  { "2024-11-04T10:00", "2024-11-04T12:00", "Asia/Seoul", GB_DATE_PRECISION_MINUTE,
    "{\"start\": \"2024-11-04T10:00+09:00\", \"end\": \"2024-11-04T12:00+09:00\", "
    "\"zone\": \"Asia/Seoul\"}", 9 * 3600 },
};

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDate) date = NULL;
      g_autofree char *text = NULL;

      g_test_message ("valid: %s / %s / %s", c->start, c->end, c->zone);
      date = gb_date_parse (c->start, c->end, c->zone, &error);
      g_assert_no_error (error);
      g_assert_nonnull (date);
      g_assert_cmpint (gb_date_get_precision (date), ==, c->precision);
      g_assert_cmpint (gb_date_has_end (date), ==, c->end != NULL);
      g_assert_cmpstr (gb_date_get_zone (date), ==, c->zone);
      if (gb_date_get_start (date)->precision == GB_DATE_PRECISION_MINUTE)
        g_assert_cmpint (gb_date_get_start (date)->utc_offset, ==, c->offset);

      text = gb_date_to_string (date);
      g_assert_cmpstr (text, ==, c->canonical);
    }
}

static void
test_parse_fields (void)
{
  g_autoptr(GbDate) date = gb_date_parse ("1992-01-28", NULL, NULL, NULL);
  g_autoptr(GbDate) time = gb_date_parse ("2024-11-04T14:05:09+09:00", NULL, NULL, NULL);
  const GbDatePart *p;

  p = gb_date_get_start (date);
  g_assert_cmpint (p->year, ==, 1992);
  g_assert_cmpint (p->month, ==, 1);
  g_assert_cmpint (p->day, ==, 28);
  g_assert_null (gb_date_get_end (date));

  p = gb_date_get_start (time);
  g_assert_cmpint (p->hour, ==, 14);
  g_assert_cmpint (p->minute, ==, 5);
  g_assert_cmpint (p->second, ==, 9);
  g_assert_cmpint (p->utc_offset, ==, 9 * 3600);
  /* 2024-11-04T05:05:09Z */
  g_assert_cmpint (gb_date_part_to_unix (p), ==, 1730696709);
  g_assert_cmpint (gb_date_part_to_unix (gb_date_get_start (date)), ==, 696556800);
}

static void
test_parse_deep (void)
{
  g_autoptr(GbDate) bc = gb_date_parse ("-0043-03-15", NULL, NULL, NULL);
  g_autoptr(GbDate) year0 = gb_date_parse ("0000", NULL, NULL, NULL);
  g_autoptr(GbDate) big_bang = gb_date_parse ("-13799999999", NULL, NULL, NULL);
  g_autoptr(GbDate) first = gb_date_parse ("-99999999999", NULL, NULL, NULL);
  const GbDatePart *p = gb_date_get_start (bc);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_cmpint (p->year, ==, -43);
  g_assert_cmpint (p->month, ==, 3);
  g_assert_cmpint (p->day, ==, 15);
  g_assert_cmpint (gb_date_get_start (big_bang)->year, ==, G_GINT64_CONSTANT (-13799999999));
  g_assert_cmpint (gb_date_get_start (first)->year, ==, GB_DATE_YEAR_MIN);

  /* 0000-01-01T00:00Z, 366 days (a leap year) before 0001-01-01 */
  g_assert_cmpint (gb_date_part_to_unix (gb_date_get_start (year0)), ==,
                   G_GINT64_CONSTANT (-62167219200));
  g_assert_cmpint (gb_date_part_get_first_day (gb_date_get_start (year0)), ==, -365);
  g_assert_cmpint (gb_date_part_get_last_day (gb_date_get_start (year0)), ==, 0);

  /* GDateTime holds none of them: never asked to. */
  g_assert_null (gb_date_part_to_date_time (p));
  g_assert_null (gb_date_part_to_date_time_in (gb_date_get_start (big_bang), utc));
}

/* Day numbers agree with GDate's Julian days where GDate has them, and run on,
 * one a day, before year 1 and as far back as years go. */
static void
test_day_numbers (void)
{
  const gint64 starts[] = {
    -800000, 1, 730000, 3652000,
    G_GINT64_CONSTANT (-5040000000000), G_GINT64_CONSTANT (-36524249999634),
  };
  GbDatePart part;

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      GbDatePart previous;

      gb_date_part_set_day (&previous, starts[i] - 1);
      for (gint64 day = starts[i]; day < starts[i] + 3000; day++)
        {
          gb_date_part_set_day (&part, day);
          g_assert_cmpint (gb_date_part_get_first_day (&part), ==, day);
          g_assert_cmpint (part.day, >=, 1);
          g_assert_cmpint (part.day, <=, gb_date_days_in_month (part.year, part.month));
          /* the next day of the same month, or the first of the next */
          if (part.day != 1)
            g_assert_true (part.year == previous.year && part.month == previous.month &&
                           part.day == previous.day + 1);
          else if (part.month != 1)
            g_assert_true (part.year == previous.year && part.month == previous.month + 1);
          else
            g_assert_true (part.year == previous.year + 1 && previous.month == 12 &&
                           previous.day == 31);
          if (day >= 1)
            {
              GDate date;

              g_date_clear (&date, 1);
              g_date_set_julian (&date, (guint32) day);
              g_assert_cmpint (part.year, ==, g_date_get_year (&date));
              g_assert_cmpint (part.month, ==, g_date_get_month (&date));
              g_assert_cmpint (part.day, ==, g_date_get_day (&date));
            }
          previous = part;
        }
    }

  part = (GbDatePart) { GB_DATE_PRECISION_YEAR, GB_DATE_YEAR_MIN };
  gb_date_part_set_day (&part, gb_date_part_get_first_day (&part));
  g_assert_cmpint (part.year, ==, GB_DATE_YEAR_MIN);
  g_assert_cmpint (part.month, ==, 1);
  g_assert_cmpint (part.day, ==, 1);
}

typedef struct
{
  const char  *start;
  const char  *end;
  const char  *zone;
  GbDateError  code;
  const char  *message_part;   /* NULL: only the code is checked */
} InvalidCase;

/* Not dates at all: each is refused as a syntax error. */
static const char *const not_dates[] = {
  "2024 ", "24", "02024", "20245", "+2024", "２０２４", "2024-1", "2024-001", "2024/11/04",
  "2024-11-4", "2024-11-04T", "2024-11-04 14:00+09:00", "2024-11-04t14:00+09:00",
  "2024-11-04T14+09:00", "2024-11-04T14:0+09:00", "2024-11-04T14:00:5+09:00",
  "2024-11-04T14:00.5+09:00", "2024-11-04T14:00+0900", "2024-11-04T14:00+09",
  "2024-11-04T14:00+9:00", "2024-11-04T14:00z", "2024-11-04T14:00Z ", "2024-11-04T14:00+09:00x",
  "2024-11-04T14:00+09:00Z", "2024-11-04T14:00\xe2\x80\x89Z",
  /* years before 0: a minus, four digits or more, no zeros in front beyond four */
  "10000", "99999999999999999999999999999999", "-499", "-00499", "-0000", "--0499", "+2024", "-", "-0499-3", "- 0499", "−0499",
};

static const InvalidCase invalid_cases[] = {
  { NULL, NULL, NULL, GB_DATE_ERROR_SYNTAX, "empty" },
  { "", NULL, NULL, GB_DATE_ERROR_SYNTAX, "empty" },
  { " 2024", NULL, NULL, GB_DATE_ERROR_SYNTAX, "YYYY-MM-DD" },
  /* far too long to be a year, never an overflow */
  { "-100000000000", NULL, NULL, GB_DATE_ERROR_RANGE, "years run from -99999999999 to 9999" },
  { "-123456789012345678901234567890", NULL, NULL, GB_DATE_ERROR_RANGE, "years run from" },
  { "-0001-02-29", NULL, NULL, GB_DATE_ERROR_RANGE, "February 2 BC has no day 29" },
  { "-0100-02-29", NULL, NULL, GB_DATE_ERROR_RANGE, "no day 29" },
  { "-0499-13", NULL, NULL, GB_DATE_ERROR_RANGE, "month 13" },
  /* clocks and zones only in years 1 to 9999 */
  { "-0499-03-15T12:00Z", NULL, NULL, GB_DATE_ERROR_RANGE, "a time of day needs a year" },
  { "0000-06-01T12:00", NULL, "Asia/Seoul", GB_DATE_ERROR_RANGE, "from 0001 to 9999" },
  { "-0001", "-0499", NULL, GB_DATE_ERROR_ORDER, "before the start" },
  { "0000-01", "-0001-12-31", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2024-00", NULL, NULL, GB_DATE_ERROR_RANGE, "month 0" },
  { "2024-13", NULL, NULL, GB_DATE_ERROR_RANGE, "month 13" },
  { "2024-11-00", NULL, NULL, GB_DATE_ERROR_RANGE, "no day 0" },
  { "2024-11-31", NULL, NULL, GB_DATE_ERROR_RANGE, "no day 31" },
  { "2023-02-29", NULL, NULL, GB_DATE_ERROR_RANGE, "February 2023 has no day 29" },
  { "2023-02-30", NULL, NULL, GB_DATE_ERROR_RANGE, "February 2023 has no day 30" },
  { "1900-02-29", NULL, NULL, GB_DATE_ERROR_RANGE, "no day 29" },
  { "2024-11-04T24:00+09:00", NULL, NULL, GB_DATE_ERROR_RANGE, "hours" },
  { "2024-11-04T14:60+09:00", NULL, NULL, GB_DATE_ERROR_RANGE, "minutes" },
  { "2024-11-04T14:00:60+09:00", NULL, NULL, GB_DATE_ERROR_RANGE, NULL },
  { "2024-11-04T14:00", NULL, NULL, GB_DATE_ERROR_ZONE, "needs a time zone" },
  { "2024-11-04T14:00+19:00", NULL, NULL, GB_DATE_ERROR_RANGE, "offset" },
  { "2024-11-04T14:00+09:60", NULL, NULL, GB_DATE_ERROR_RANGE, "offset" },
  /* zones */
  { "2024", NULL, "Not/AZone", GB_DATE_ERROR_ZONE, "Asia/Seoul" },
  { "2024", NULL, "", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "ABC-5", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "+05:00", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "../../../etc/passwd", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "/etc/localtime", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "Asia/", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "Asia//Seoul", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "asia/seoul", GB_DATE_ERROR_ZONE, NULL },
  { "2024", NULL, "Asia/Seoul ", GB_DATE_ERROR_ZONE, NULL },
  { "2024-11-04T14:00+05:00", NULL, "Asia/Seoul", GB_DATE_ERROR_ZONE, "+09:00" },
  { "2023-11-04T14:00+05:00", NULL, "Asia/Almaty", GB_DATE_ERROR_ZONE, "+06:00" },
  { "2024-11-04T14:00Z", NULL, "Asia/Seoul", GB_DATE_ERROR_ZONE, NULL },
  { "2024-11-04T09:00", "2024-11-04T10:00+05:00", "Asia/Seoul", GB_DATE_ERROR_ZONE, NULL },
  /* skipped by daylight saving */
  { "2024-03-31T02:30", NULL, "Europe/Berlin", GB_DATE_ERROR_ZONE, "skip" },
  /* order */
  { "2027", "2025", NULL, GB_DATE_ERROR_ORDER, "before the start" },
  { "2024-11-05", "2024-11-04", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2024-11", "2024-10-31", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2024-11-04T14:00+09:00", "2024-11-04T13:59+09:00", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2024-11-04T12:00+09:00", "2024-11-04T07:00+05:00", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2024-11-05T01:00+09:00", "2024-11-04", NULL, GB_DATE_ERROR_ORDER, NULL },
  { "2025", "2024-12-31", NULL, GB_DATE_ERROR_ORDER, NULL },
  /* an invalid end */
  { "2024", "2024-02-30", NULL, GB_DATE_ERROR_RANGE, "February 2024 has no day 30" },
  { "2024", "soon", NULL, GB_DATE_ERROR_SYNTAX, "soon" },
  { "2024-11-04T14:00+09:00", "2024-11-04T15:00", NULL, GB_DATE_ERROR_ZONE, NULL },
};

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDate) date = gb_date_parse (not_dates[i], NULL, NULL, &error);

      g_test_message ("not a date: %s", not_dates[i]);
      g_assert_null (date);
      g_assert_error (error, GB_DATE_ERROR, GB_DATE_ERROR_SYNTAX);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDate) date = NULL;

      g_test_message ("invalid: %s / %s / %s", c->start, c->end, c->zone);
      date = gb_date_parse (c->start, c->end, c->zone, &error);
      g_assert_null (date);
      g_assert_error (error, GB_DATE_ERROR, (int) c->code);
      if (c->message_part != NULL && !strstr (error->message, c->message_part))
        g_error ("“%s” lacks “%s”", error->message, c->message_part);
    }
}

/* Each list is in the expected order; every pair is checked both ways. */
static const char *const ordered[][3] = {
  { "-99999999999", NULL, NULL },
  { "-13799999999", NULL, NULL },
  { "-13799999999", "-13799629999", NULL },
  { "-13799629999", NULL, NULL },
  { "-4599999999", NULL, NULL },
  { "-0499", NULL, NULL },
  { "-0043-03-15", NULL, NULL },
  { "-0043-03-15", "0014", NULL },
  { "0000", NULL, NULL },
  { "0000-12-31", NULL, NULL },
  { "0001", NULL, NULL },
  { "1992-01-28", NULL, NULL },
  { "2009-05", NULL, NULL },
  { "2023", NULL, NULL },
  { "2024", NULL, NULL },
  { "2024", "2024-12", NULL },
  { "2024", "2027", NULL },
  { "2024-06", NULL, NULL },
  { "2024-11", NULL, NULL },
  { "2024-11-03T23:00+05:00", NULL, NULL },
  { "2024-11-04", NULL, NULL },
  { "2024-11-04", "2024-11-06", NULL },
  /* 08:00 in Seoul is 23:00 UTC the day before, yet it is on 4 November */
  { "2024-11-04T08:00", NULL, "Asia/Seoul" },
  { "2024-11-04T14:00+09:00", NULL, NULL },
  { "2024-11-04T14:00+09:00", "2024-11-04T16:00+09:00", NULL },
  { "2024-11-04T11:00+05:00", NULL, NULL },   /* 06:00 UTC, after 14:00 KST */
  { "2024-11-05", NULL, NULL },
  { "2025", "2027", NULL },
  { "2026-02-01", NULL, NULL },
  { "9999-12-31T23:59-12:00", NULL, NULL },
};

static void
test_compare_order (void)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_date_unref);

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      g_autoptr(GError) error = NULL;
      GbDate *date = gb_date_parse (ordered[i][0], ordered[i][1], ordered[i][2], &error);

      g_assert_no_error (error);
      g_ptr_array_add (dates, date);
    }

  for (guint i = 0; i < dates->len; i++)
    for (guint j = 0; j < dates->len; j++)
      {
        int expected = i < j ? -1 : i > j ? 1 : 0;
        int got = gb_date_compare (g_ptr_array_index (dates, i), g_ptr_array_index (dates, j));

        if ((got > 0) - (got < 0) != expected)
          g_error ("compare (%s–%s, %s–%s) = %d, expected %d",
                   ordered[i][0], ordered[i][1], ordered[j][0], ordered[j][1], got, expected);
      }
}

static int
compare_dates_cb (gconstpointer a,
                  gconstpointer b)
{
  return gb_date_compare (*(GbDate * const *) a, *(GbDate * const *) b);
}

/* Equal dates compare 0, so a stable sort keeps the order they came in. */
static void
test_compare_stable (void)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_date_unref);
  GbDate *first = gb_date_parse ("2024-11-04", NULL, NULL, NULL);
  GbDate *second = gb_date_parse ("2024-11-04", NULL, NULL, NULL);
  GbDate *year = gb_date_parse ("2024", NULL, NULL, NULL);
  GbDate *third = gb_date_parse ("2024-11-04", NULL, "Asia/Seoul", NULL);

  g_ptr_array_add (dates, first);
  g_ptr_array_add (dates, second);
  g_ptr_array_add (dates, year);
  g_ptr_array_add (dates, third);
  g_assert_cmpint (gb_date_compare (first, second), ==, 0);
  g_assert_cmpint (gb_date_compare (first, third), ==, 0);

  g_ptr_array_sort (dates, compare_dates_cb);
  g_assert_true (g_ptr_array_index (dates, 0) == year);
  g_assert_true (g_ptr_array_index (dates, 1) == first);
  g_assert_true (g_ptr_array_index (dates, 2) == second);
  g_assert_true (g_ptr_array_index (dates, 3) == third);
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GbDate) date = gb_date_parse (c->start, c->end, c->zone, NULL);
      g_autoptr(GbDate) again = NULL;
      g_autofree char *start = gb_date_part_to_string (gb_date_get_start (date));
      g_autofree char *end = NULL;

      if (gb_date_has_end (date))
        end = gb_date_part_to_string (gb_date_get_end (date));
      again = gb_date_parse (start, end, gb_date_get_zone (date), NULL);
      g_assert_nonnull (again);
      g_assert_cmpint (gb_date_compare (date, again), ==, 0);
      g_assert_cmpint (gb_date_get_precision (date), ==, gb_date_get_precision (again));
      g_assert_cmpint (gb_date_get_start (date)->utc_offset, ==,
                       gb_date_get_start (again)->utc_offset);
    }
}

static void
test_date_time (void)
{
  g_autoptr(GbDate) date = gb_date_parse ("2024-11-04T14:00", NULL, "Asia/Seoul", NULL);
  g_autoptr(GbDate) day = gb_date_parse ("2024-11", NULL, NULL, NULL);
  g_autoptr(GbDate) edge = gb_date_parse ("0001-01-01T00:00+14:00", NULL, NULL, NULL);
  g_autoptr(GTimeZone) almaty = g_time_zone_new_identifier ("Asia/Almaty");
  g_autoptr(GDateTime) dt = gb_date_part_to_date_time (gb_date_get_start (date));
  g_autoptr(GDateTime) in_almaty = gb_date_part_to_date_time_in (gb_date_get_start (date),
                                                                 almaty);
  g_autoptr(GDateTime) first = gb_date_part_to_date_time (gb_date_get_start (day));
  g_autoptr(GDateTime) edge_dt = NULL;

  g_assert_cmpint (g_date_time_get_hour (dt), ==, 14);
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 9 * G_TIME_SPAN_HOUR);
  /* Seoul 14:00 is Astana 10:00 */
  g_assert_cmpint (g_date_time_get_hour (in_almaty), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (in_almaty), ==, 4);
  g_assert_cmpint (g_date_time_to_unix (in_almaty), ==, g_date_time_to_unix (dt));
  g_assert_cmpint (g_date_time_to_unix (dt), ==,
                   gb_date_part_to_unix (gb_date_get_start (date)));

  g_assert_cmpint (g_date_time_get_day_of_month (first), ==, 1);
  g_assert_cmpint (g_date_time_get_month (first), ==, 11);
  g_assert_cmpint (g_date_time_get_utc_offset (first), ==, 0);

  /* At the calendar's edge GDateTime may not hold the instant: never crash. */
  g_assert_nonnull (edge);
  edge_dt = gb_date_part_to_date_time (gb_date_get_start (edge));
  if (edge_dt != NULL)
    g_assert_cmpint (g_date_time_get_year (edge_dt), ==, 1);
}

typedef struct
{
  const char *locale;
  const char *start;
  const char *end;
  const char *zone;
  const char *expected;          /* gb_date_format() */
  const char *expected_header;   /* gb_date_format_header() */
} FormatCase;

static const FormatCase format_cases[] = {
  { "C.UTF-8", "2023", NULL, NULL, "2023", "2023" },
  { "C.UTF-8", "2024-06", NULL, NULL, "June 2024", "June 2024" },
  { "C.UTF-8", "1992-01-28", NULL, NULL, "28 January 1992", "28 January 1992" },
  { "C.UTF-8", "2025", "2027", NULL, "2025–2027", "2025–2027" },
  { "C.UTF-8", "2024-11-04", "2024-11-06", NULL, "4–6 November 2024", "4–6 November 2024" },
  { "C.UTF-8", "2024-10-30", "2024-11-06", NULL, "30 October 2024 – 6 November 2024",
    "30 October 2024 – 6 November 2024" },
  { "C.UTF-8", "2024-11", "2024-11-05", NULL, "November 2024 – 5 November 2024",
    "November 2024 – 5 November 2024" },
  { "C.UTF-8", "2024-11-04T10:00+09:00", "2024-11-06T12:00+09:00", NULL,
    "4 November 2024, 10:00 UTC+9 – 6 November 2024, 12:00 UTC+9",
    "4–6 November 2024" },
  { "C.UTF-8", "2024-11-04T14:00", NULL, "Asia/Seoul", "4 November 2024, 14:00 KST",
    "4 November 2024" },
  { "C.UTF-8", "2024-11-04T10:00", NULL, "Asia/Almaty", "4 November 2024, 10:00 UTC+5",
    "4 November 2024" },
  { "C.UTF-8", "2024-11-04T10:00+05:00", NULL, NULL, "4 November 2024, 10:00 UTC+5",
    "4 November 2024" },
  { "C.UTF-8", "2024-11-04T10:00+05:30", NULL, NULL, "4 November 2024, 10:00 UTC+5:30",
    "4 November 2024" },
  { "C.UTF-8", "2024-11-04T10:00Z", NULL, NULL, "4 November 2024, 10:00 UTC",
    "4 November 2024" },
  { "ru_RU.UTF-8", "2024-06", NULL, NULL, "Июнь 2024", "Июнь 2024" },
  { "ru_RU.UTF-8", "2024-11-04", NULL, NULL, "4 ноября 2024", "4 ноября 2024" },
  { "ru_RU.UTF-8", "2025", "2027", NULL, "2025–2027", "2025–2027" },
  { "ru_RU.UTF-8", "2024-06-11", "2024-06-13", NULL, "11–13 июня 2024", "11–13 июня 2024" },
  { "ru_RU.UTF-8", "2024-11-04T14:00", NULL, "Asia/Seoul", "4 ноября 2024, 14:00 KST",
    "4 ноября 2024" },
  { "ko_KR.UTF-8", "2023", NULL, NULL, "2023년", "2023년" },
  { "ko_KR.UTF-8", "2024-06", NULL, NULL, "2024년 6월", "2024년 6월" },
  { "ko_KR.UTF-8", "2024-11-04", NULL, NULL, "2024년 11월 4일", "2024년 11월 4일" },
  { "ko_KR.UTF-8", "2024-11-04T14:00", NULL, "Asia/Seoul", "2024년 11월 4일, 14:00 KST",
    "2024년 11월 4일" },
  { "kk_KZ.UTF-8", "2024-11-04", NULL, NULL, "2024 ж. 4 қараша", "2024 ж. 4 қараша" },
  { "kk_KZ.UTF-8", "2024-06", NULL, NULL, "2024 ж. маусым", "2024 ж. маусым" },
  { "kk_KZ.UTF-8", "2024-06-11", "2024-06-13", NULL, "2024 ж. 11–13 маусым",
    "2024 ж. 11–13 маусым" },
  { "ko_KR.UTF-8", "2024-06-11", "2024-06-13", NULL, "2024년 6월 11일–13일",
    "2024년 6월 11일–13일" },
  /* before the common era */
  { "C.UTF-8", "-0499", NULL, NULL, "500 BC", "500 BC" },
  { "C.UTF-8", "0000", NULL, NULL, "1 BC", "1 BC" },
  { "C.UTF-8", "-0043-03", NULL, NULL, "March 44 BC", "March 44 BC" },
  { "C.UTF-8", "-0043-03-15", NULL, NULL, "15 March 44 BC", "15 March 44 BC" },
  { "C.UTF-8", "-0043-03-15", "-0043-03-17", NULL, "15–17 March 44 BC", "15–17 March 44 BC" },
  { "C.UTF-8", "-0499", "0033", NULL, "500 BC – 33", "500 BC – 33" },
  { "C.UTF-8", "-3499", NULL, NULL, "3500 BC", "3500 BC" },
  { "C.UTF-8", "-314999", NULL, NULL, "315000 BC", "315000 BC" },
  { "en_US.UTF-8", "-314999", NULL, NULL, "315,000 BC", "315,000 BC" },
  { "ru_RU.UTF-8", "-0043-03-15", NULL, NULL, "15 марта 44 BC", "15 марта 44 BC" },
  /* far back: a time ago, counted from 1950, to three significant digits */
  { "C.UTF-8", "-999998", NULL, NULL, "999999 BC", "999999 BC" },
  { "C.UTF-8", "-999999", NULL, NULL, "1 million years ago", "1 million years ago" },
  { "C.UTF-8", "-13799999999", NULL, NULL, "13.8 billion years ago", "13.8 billion years ago" },
  { "C.UTF-8", "-13799999999-06-01", NULL, NULL, "13.8 billion years ago",
    "13.8 billion years ago" },
  { "C.UTF-8", "-4599999999", NULL, NULL, "4.6 billion years ago", "4.6 billion years ago" },
  { "C.UTF-8", "-538799999", "-251901999", NULL,
    "539 million years ago – 252 million years ago",
    "539 million years ago – 252 million years ago" },
  { "C.UTF-8", "-99999999999", NULL, NULL, "100 billion years ago", "100 billion years ago" },
  { "ru_RU.UTF-8", "-13799999999", NULL, NULL, "13,8 billion years ago",
    "13,8 billion years ago" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autoptr(GbDate) date = NULL;
      g_autofree char *text = NULL;
      g_autofree char *header = NULL;

      if (setlocale (LC_ALL, c->locale) == NULL)
        {
          g_test_message ("locale %s missing: skipped %s", c->locale, c->start);
          continue;
        }
      date = gb_date_parse (c->start, c->end, c->zone, NULL);
      g_assert_nonnull (date);
      text = gb_date_format (date);
      header = gb_date_format_header (date);
      g_assert_cmpstr (text, ==, c->expected);
      g_assert_cmpstr (header, ==, c->expected_header);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_format_zones (void)
{
  g_autoptr(GbDate) seoul = gb_date_parse ("2024-11-04T14:00", NULL, "Asia/Seoul", NULL);
  g_autoptr(GbDate) astana = gb_date_parse ("2024-11-04T23:30+05:00", NULL, NULL, NULL);
  g_autoptr(GbDate) day = gb_date_parse ("2024-11-04", NULL, NULL, NULL);
  g_autoptr(GTimeZone) almaty = g_time_zone_new_identifier ("Asia/Almaty");
  g_autoptr(GTimeZone) korea = g_time_zone_new_identifier ("Asia/Seoul");
  g_autofree char *time = NULL;
  g_autofree char *other = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *words = NULL;
  g_autofree char *range_words = NULL;
  g_autoptr(GbDate) range = gb_date_parse ("2025", "2027", NULL, NULL);

  setlocale (LC_ALL, "C.UTF-8");
  time = gb_date_format_time (seoul);
  other = gb_date_format_time_in_zone (seoul, almaty);
  next_day = gb_date_format_time_in_zone (astana, korea);
  g_assert_cmpstr (time, ==, "14:00 KST");
  g_assert_cmpstr (other, ==, "10:00 UTC+5");
  g_assert_cmpstr (next_day, ==, "03:30 KST");
  g_assert_null (gb_date_format_time (day));
  g_assert_null (gb_date_format_time_in_zone (day, korea));

  words = gb_date_format_words (seoul);
  range_words = gb_date_format_words (range);
  g_assert_cmpstr (words, ==, "4 November 2024, 14:00 KST");
  g_assert_cmpstr (range_words, ==, "from 2025 to 2027");
}

static void
test_boxed (void)
{
  g_autoptr(GbDate) date = gb_date_parse ("2024", NULL, NULL, NULL);
  GbDate *copy = g_boxed_copy (GB_TYPE_DATE, date);

  g_assert_true (copy == date);
  g_boxed_free (GB_TYPE_DATE, copy);
  g_assert_cmpint (gb_date_get_start (date)->year, ==, 2024);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/fields", test_parse_fields);
  g_test_add_func ("/date/parse/deep", test_parse_deep);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/compare/order", test_compare_order);
  g_test_add_func ("/date/compare/stable", test_compare_stable);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/date-time", test_date_time);
  g_test_add_func ("/date/format/locales", test_format);
  g_test_add_func ("/date/format/zones", test_format_zones);
  g_test_add_func ("/date/boxed", test_boxed);

  return g_test_run ();
}
