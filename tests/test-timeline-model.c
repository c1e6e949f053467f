/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-model"

#include "config.h"

#include <locale.h>

#include "gb-test-load.h"
#include "gb-test-timeline.h"
#include "gb-timeline-model.h"

typedef struct
{
  GbTimelineRowKind  kind;
  const char        *id_or_label;   /* item id for ITEM rows, label otherwise */
} ExpectedRow;

static void
assert_rows (GListModel        *model,
             const ExpectedRow *expected,
             guint              n_expected)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < MAX (n, n_expected); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (model, i);
      const char *got;

      g_assert_nonnull (row);
      g_assert_cmpuint (i, <, n_expected);
      got = gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM
            ? gb_item_get_id (gb_timeline_row_get_item (row))
            : gb_timeline_row_get_label (row);
      if (gb_timeline_row_get_kind (row) != expected[i].kind ||
          g_strcmp0 (got, expected[i].id_or_label) != 0)
        g_error ("row %u: kind %d “%s”, expected kind %d “%s”", i,
                 gb_timeline_row_get_kind (row), got, expected[i].kind,
                 expected[i].id_or_label);
    }
  g_assert_cmpuint (n, ==, n_expected);
}

static void
test_model_rows (void)
{
  g_autoptr(GbDossier) dossier = build_story (story, G_N_ELEMENTS (story));
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);
  static const ExpectedRow expected[] = {
    { GB_TIMELINE_ROW_HEADER, "28 January 1992" },
    { GB_TIMELINE_ROW_ITEM, "e-relations" },
    { GB_TIMELINE_ROW_GAP, "31 years later" },
    /* a year before the days in it */
    { GB_TIMELINE_ROW_HEADER, "2024" },
    { GB_TIMELINE_ROW_ITEM, "e-year" },
    /* no gap: the year covers the days that follow */
    { GB_TIMELINE_ROW_HEADER, "4 November 2024" },
    { GB_TIMELINE_ROW_ITEM, "e-day" },
    /* times by instant: 09:00 in Astana is 04:00 UTC, 14:00 in Seoul 05:00 UTC */
    { GB_TIMELINE_ROW_ITEM, "e-astana" },
    { GB_TIMELINE_ROW_ITEM, "e-seoul-talks" },
    { GB_TIMELINE_ROW_HEADER, "5 November 2024" },
    { GB_TIMELINE_ROW_ITEM, "e-next-day" },
    { GB_TIMELINE_ROW_HEADER, "2025–2027" },
    { GB_TIMELINE_ROW_ITEM, "e-plan" },
    { GB_TIMELINE_ROW_TODAY, "Today, 10 February 2026" },
  };
  g_autoptr(GbTimelineRow) plan = NULL;
  g_autoptr(GbTimelineRow) relations = NULL;

  gb_timeline_model_set_today (model, today);
  gb_timeline_model_set_dossier (model, dossier);
  assert_rows (G_LIST_MODEL (model), expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (gb_timeline_model_get_n_dated (model), ==, G_N_ELEMENTS (story));

  /* the 2025–2027 plan is under way on 10 February 2026; a day in 1992 is not */
  plan = g_list_model_get_item (G_LIST_MODEL (model), 12);
  relations = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (gb_timeline_row_is_under_way (plan));
  g_assert_false (gb_timeline_row_is_under_way (relations));

  g_assert_cmpuint (gb_timeline_model_find_item (model, gb_dossier_lookup (dossier, "e-plan")),
                    ==, 12);
  g_assert_cmpuint (gb_timeline_model_find_item (model, gb_dossier_lookup (dossier, "seoul")),
                    ==, G_MAXUINT);
  g_assert_cmpuint (gb_timeline_model_find_row (model, plan), ==, 12);
}

static void
test_model_today_between (void)
{
  g_autoptr(GbDossier) dossier = build_story (story, G_N_ELEMENTS (story));
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2000, 6, 1, 9, 0, 0);
  g_autoptr(GbTimelineRow) gap_before = NULL;
  g_autoptr(GbTimelineRow) marker = NULL;
  g_autoptr(GbTimelineRow) gap_after = NULL;
  g_autoptr(GbTimelineRow) header = NULL;

  gb_timeline_model_set_dossier (model, dossier);
  gb_timeline_model_set_today (model, today);

  gap_before = g_list_model_get_item (G_LIST_MODEL (model), 2);
  marker = g_list_model_get_item (G_LIST_MODEL (model), 3);
  gap_after = g_list_model_get_item (G_LIST_MODEL (model), 4);
  header = g_list_model_get_item (G_LIST_MODEL (model), 5);
  g_assert_cmpint (gb_timeline_row_get_kind (gap_before), ==, GB_TIMELINE_ROW_GAP);
  g_assert_cmpstr (gb_timeline_row_get_label (gap_before), ==, "8 years later");
  g_assert_cmpint (gb_timeline_row_get_kind (marker), ==, GB_TIMELINE_ROW_TODAY);
  g_assert_cmpstr (gb_timeline_row_get_label (marker), ==, "Today, 1 June 2000");
  g_assert_cmpstr (gb_timeline_row_get_label (gap_after), ==, "23 years later");
  /* after the marker a header always follows */
  g_assert_cmpint (gb_timeline_row_get_kind (header), ==, GB_TIMELINE_ROW_HEADER);
  g_assert_cmpuint (gb_timeline_row_get_gap_days (gap_after), >, 365 * 23);
}

static void
test_model_equal_dates_stable (void)
{
  static const EventSpec same[] = {
    { "first", "2024-11-04", NULL, NULL, FALSE, "First", NULL },
    { "second", "2024-11-04", NULL, NULL, FALSE, "Second", NULL },
    { "third", "2024-11-04", NULL, "Asia/Seoul", FALSE, "Third", NULL },
  };
  static const ExpectedRow expected[] = {
    { GB_TIMELINE_ROW_HEADER, "4 November 2024" },
    { GB_TIMELINE_ROW_ITEM, "first" },
    { GB_TIMELINE_ROW_ITEM, "second" },
    { GB_TIMELINE_ROW_ITEM, "third" },
    { GB_TIMELINE_ROW_GAP, "1 year later" },
    { GB_TIMELINE_ROW_TODAY, "Today, 4 December 2025" },
  };
  g_autoptr(GbDossier) dossier = build_story (same, G_N_ELEMENTS (same));
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2025, 12, 4, 9, 0, 0);

  gb_timeline_model_set_today (model, today);
  gb_timeline_model_set_dossier (model, dossier);
  assert_rows (G_LIST_MODEL (model), expected, G_N_ELEMENTS (expected));
}

static void
test_model_empty (void)
{
  g_autoptr(GbDossier) dossier = build_story (NULL, 0);
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();

  gb_timeline_model_set_dossier (model, dossier);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));
  gb_timeline_model_set_dossier (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_model_find_title (void)
{
  g_autoptr(GbDossier) dossier = build_story (story, G_N_ELEMENTS (story));
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);

  gb_timeline_model_set_today (model, today);
  gb_timeline_model_set_dossier (model, dossier);
  /* case-insensitive, from the start position, wrapping */
  g_assert_cmpuint (gb_timeline_model_find_title (model, "tALKS", 0), ==, 8);
  g_assert_cmpuint (gb_timeline_model_find_title (model, "a", 0), ==, 6);
  g_assert_cmpuint (gb_timeline_model_find_title (model, "a", 7), ==, 12);
  g_assert_cmpuint (gb_timeline_model_find_title (model, "a", 13), ==, 6);
  g_assert_cmpuint (gb_timeline_model_find_title (model, "zzz", 0), ==, G_MAXUINT);
}

typedef struct
{
  guint       from_year, from_month, from_day;
  guint       to_year, to_month, to_day;
  const char *expected;
} GapCase;

static const GapCase gap_cases[] = {
  { 1992, 1, 28, 2024, 11, 4, "32 years later" },
  { 1992, 1, 28, 2024, 1, 27, "31 years later" },
  { 2024, 6, 30, 2024, 11, 1, "4 months later" },
  { 2024, 1, 31, 2024, 2, 29, "4 weeks later" },
  { 2024, 1, 31, 2024, 3, 1, "1 month later" },
  { 2024, 11, 4, 2024, 11, 18, "2 weeks later" },
  { 2024, 11, 4, 2024, 11, 7, "3 days later" },
  { 2023, 11, 4, 2024, 11, 4, "1 year later" },
};

static void
test_gap_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (gap_cases); i++)
    {
      const GapCase *c = &gap_cases[i];
      GDate from, to;
      g_autofree char *label = NULL;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, c->from_day, c->from_month, c->from_year);
      g_date_set_dmy (&to, c->to_day, c->to_month, c->to_year);
      label = gb_timeline_format_gap (g_date_get_julian (&from), g_date_get_julian (&to));
      g_assert_cmpstr (label, ==, c->expected);
    }
}

/* Before year 1 and far back: counted across the years BC (astronomical year 0 is
 * 1 BC), in millions and billions when there are so many. */
static const struct {
  const char *from;
  const char *to;
  const char *expected;
} deep_gap_cases[] = {
  { "-0001-06-01", "0002-06-01", "3 years later" },
  { "-0499", "2024-11-04", "2523 years later" },
  { "-9999-01-01", "0001-01-01", "10000 years later" },
  { "-13799999999", "-13799629999", "370000 years later" },
  { "-4599999999", "2024", "4.6 billion years later" },
  { "-99999999999-01-01", "9999-12-31", "100 billion years later" },
};

static void
test_deep_gap_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (deep_gap_cases); i++)
    {
      g_autoptr(GbDate) from = gb_date_parse (deep_gap_cases[i].from, NULL, NULL, NULL);
      g_autoptr(GbDate) to = gb_date_parse (deep_gap_cases[i].to, NULL, NULL, NULL);
      g_autofree char *label =
        gb_timeline_format_gap (gb_date_part_get_first_day (gb_date_get_start (from)),
                                gb_date_part_get_first_day (gb_date_get_start (to)));

      g_assert_cmpstr (label, ==, deep_gap_cases[i].expected);
    }
}

/* TimelineJS's cosmological template: headers in years ago and BC, gaps of
 * millions and billions of years between them. */
static void
test_model_deep_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_test_load_fixture_file ("import", "TimelineJS3_cosmo.json",
                                                            &error);
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);
  static const ExpectedRow expected[] = {
    { GB_TIMELINE_ROW_HEADER, "13.8 billion years ago" },
    { GB_TIMELINE_ROW_ITEM, "event-0" },
    { GB_TIMELINE_ROW_GAP, "370000 years later" },
    /* the same words, another year */
    { GB_TIMELINE_ROW_HEADER, "13.8 billion years ago" },
    { GB_TIMELINE_ROW_ITEM, "event-1" },
    { GB_TIMELINE_ROW_GAP, "1 billion years later" },
    { GB_TIMELINE_ROW_HEADER, "12.8 billion years ago" },
    { GB_TIMELINE_ROW_ITEM, "event-2" },
    { GB_TIMELINE_ROW_GAP, "8.2 billion years later" },
    { GB_TIMELINE_ROW_HEADER, "4.6 billion years ago" },
    { GB_TIMELINE_ROW_ITEM, "event-3" },
    { GB_TIMELINE_ROW_GAP, "4.06 billion years later" },
    { GB_TIMELINE_ROW_HEADER, "539 million years ago – 252 million years ago" },
    { GB_TIMELINE_ROW_ITEM, "event-4" },
    /* from the end of the era */
    { GB_TIMELINE_ROW_GAP, "252 million years later" },
    { GB_TIMELINE_ROW_HEADER, "315000 BC" },
    { GB_TIMELINE_ROW_ITEM, "event-5" },
    { GB_TIMELINE_ROW_GAP, "311000 years later" },
    { GB_TIMELINE_ROW_HEADER, "3500 BC" },
    { GB_TIMELINE_ROW_ITEM, "event-6" },
    { GB_TIMELINE_ROW_GAP, "5524 years later" },
    { GB_TIMELINE_ROW_TODAY, "Today, 10 February 2026" },
  };
  g_autoptr(GbTimelineRow) gap = NULL;

  g_assert_no_error (error);
  gb_timeline_model_set_today (model, today);
  gb_timeline_model_set_dossier (model, dossier);
  assert_rows (G_LIST_MODEL (model), expected, G_N_ELEMENTS (expected));

  /* billions of years of days, held without wrapping */
  gap = g_list_model_get_item (G_LIST_MODEL (model), 5);
  g_assert_cmpuint (gb_timeline_row_get_gap_days (gap), ==, G_MAXUINT);
}

/* Each follow-up entry is a row of its own at its date, in date order, its item the
 * agreement; the agreement's signing day stays the event's alone. */
static void
test_model_follow_ups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_test_load_fixture_file (".", "follow-up.json",
                                                            &error);
  g_autoptr(GbTimelineModel) model = gb_timeline_model_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);
  static const ExpectedRow expected[] = {
    { GB_TIMELINE_ROW_HEADER, "4 November 2024" },
    { GB_TIMELINE_ROW_ITEM, "evt-signing" },
    { GB_TIMELINE_ROW_GAP, "4 months later" },
    { GB_TIMELINE_ROW_HEADER, "12 March 2025" },
    { GB_TIMELINE_ROW_ITEM, "agr-plan" },
    { GB_TIMELINE_ROW_GAP, "10 months later" },
    { GB_TIMELINE_ROW_HEADER, "20 January 2026" },
    { GB_TIMELINE_ROW_ITEM, "agr-plan" },
    { GB_TIMELINE_ROW_GAP, "3 weeks later" },
    { GB_TIMELINE_ROW_TODAY, "Today, 10 February 2026" },
  };
  static const struct { guint position; int status; const char *date; } entries[] = {
    { 4, GB_AGREEMENT_STATUS_LAUNCHED, "2025-03-12" },
    { 7, GB_AGREEMENT_STATUS_ENDED, "2026-01-20" },
  };
  g_autoptr(GbTimelineRow) event_row = NULL;
  GbItem *plan;

  g_assert_no_error (error);
  plan = gb_dossier_lookup (dossier, "agr-plan");
  gb_timeline_model_set_today (model, today);
  gb_timeline_model_set_dossier (model, dossier);
  assert_rows (G_LIST_MODEL (model), expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (gb_timeline_model_get_n_dated (model), ==, 3);

  event_row = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_null (gb_timeline_row_get_follow_up (event_row));
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (G_LIST_MODEL (model),
                                                            entries[i].position);
      const GbFollowUp *entry = gb_timeline_row_get_follow_up (row);
      g_autofree char *date = gb_date_to_string (gb_timeline_row_get_date (row));

      g_assert_nonnull (entry);
      g_assert_cmpint (entry->status, ==, entries[i].status);
      g_assert_cmpstr (date, ==, entries[i].date);
      g_assert_true (entry->date == gb_timeline_row_get_date (row));
    }

  /* choosing the agreement elsewhere finds its first entry here */
  g_assert_cmpuint (gb_timeline_model_find_item (model, plan), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/model/rows", test_model_rows);
  g_test_add_func ("/timeline/model/today-between", test_model_today_between);
  g_test_add_func ("/timeline/model/equal-dates-stable", test_model_equal_dates_stable);
  g_test_add_func ("/timeline/model/empty", test_model_empty);
  g_test_add_func ("/timeline/model/find-title", test_model_find_title);
  g_test_add_func ("/timeline/model/gap-labels", test_gap_labels);
  g_test_add_func ("/timeline/model/deep-gap-labels", test_deep_gap_labels);
  g_test_add_func ("/timeline/model/deep-time", test_model_deep_time);
  g_test_add_func ("/timeline/model/follow-ups", test_model_follow_ups);

  return g_test_run ();
}
