/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gb-agreement.h"
#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-place.h"
#include "gb-source.h"
#include "gb-timeline-model.h"
#include "gb-timeline-row-widget.h"
#include "gb-timeline-view.h"
#include "gb-test-ui.h"

/* A small story built in code, so every row can be asserted. */
typedef struct
{
  const char *id;
  const char *start;
  const char *end;
  const char *zone;
  gboolean    context;
  const char *title;
  const char *place;
} EventSpec;

static const EventSpec story[] = {
  /* deliberately out of order: the dossier sorts */
  { "e-seoul-talks", "2024-11-04T14:00", NULL, "Asia/Seoul", FALSE, "Talks in Seoul", "seoul" },
  { "e-relations", "1992-01-28", NULL, NULL, TRUE, "Relations established", NULL },
  { "e-year", "2024", NULL, NULL, TRUE, "Kazakhstan adopts one time zone", NULL },
  { "e-day", "2024-11-04", NULL, NULL, FALSE, "Arrival", "seoul" },
  { "e-astana", "2024-11-04T09:00+05:00", NULL, NULL, FALSE, "Nurtleu departs Astana", "astana" },
  { "e-next-day", "2024-11-05", NULL, NULL, FALSE, "Business forum", "seoul" },
  { "e-plan", "2025", "2027", NULL, FALSE, "Action Plan", NULL },
};

static GbDossier *
build_story (const EventSpec *specs,
             guint            n_specs)
{
  GbDossier *dossier = gb_dossier_new ("test-story");
  g_autoptr(GbSource) article = gb_source_new ("src-article", GB_SOURCE_KIND_ARTICLE);
  g_autoptr(GbSource) context = gb_source_new ("src-context", GB_SOURCE_KIND_CONTEXT);
  g_autoptr(GbPlace) astana = gb_place_new ("astana", GB_PLACE_KIND_CITY, 51.13, 71.43);
  g_autoptr(GbPlace) seoul = gb_place_new ("seoul", GB_PLACE_KIND_CITY, 37.57, 126.98);
  g_autoptr(GbText) title = gb_text_new_plain ("A test story");
  g_autoptr(GbText) astana_name = gb_text_new_plain ("Astana");
  g_autoptr(GbText) seoul_name = gb_text_new_plain ("Seoul");
  g_autoptr(GbText) article_title = gb_text_new_plain ("The article");

  gb_dossier_set_title (dossier, title);
  gb_item_set_title (GB_ITEM (article), article_title);
  gb_source_set_publisher (article, "Ministry");
  gb_item_set_title (GB_ITEM (astana), astana_name);
  gb_item_set_title (GB_ITEM (seoul), seoul_name);
  gb_place_set_timezone (astana, "Asia/Almaty");
  gb_place_set_timezone (seoul, "Asia/Seoul");
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (article)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (context)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (astana)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (seoul)));

  for (guint i = 0; i < n_specs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDate) date = gb_date_parse (specs[i].start, specs[i].end, specs[i].zone,
                                              &error);
      g_autoptr(GbEvent) event = NULL;
      g_autoptr(GbText) event_title = gb_text_new_plain (specs[i].title);

      g_assert_no_error (error);
      event = gb_event_new (specs[i].id, date);
      gb_item_set_title (GB_ITEM (event), event_title);
      gb_item_set_provenance (GB_ITEM (event), specs[i].context ? context : article,
                              specs[i].context ? NULL : "A sentence of the article.");
      if (specs[i].place != NULL)
        gb_event_add_place (event, GB_PLACE (gb_dossier_lookup (dossier, specs[i].place)));
      g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (event)));
    }

  gb_dossier_seal (dossier);
  return dossier;
}

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

/* GUI */

static void
wait_for (gboolean (*done) (gpointer data),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* and let the frame that follows settle */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *out)
{
  if (GB_IS_TIMELINE_ROW_WIDGET (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

static gboolean
has_bound_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model = gb_timeline_view_get_model (data);

  /* nothing to bind in an empty story: being on screen is enough */
  if (g_list_model_get_n_items (model) == 0)
    return gtk_widget_get_mapped (data);

  collect_rows (data, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gb_timeline_row_widget_get_row (rows->pdata[i]) != NULL)
      return TRUE;
  return FALSE;
}

static GbTimelineRowWidget *
find_row_widget (GtkWidget *view,
                 GbItem    *item)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (rows->pdata[i]);

      if (row != NULL && gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          gb_timeline_row_get_item (row) == item)
        return rows->pdata[i];
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *view;
  GbSelection *selection;
  GbDossier   *dossier;
} Fixture;

static void
fixture_open (Fixture   *f,
              GbDossier *dossier)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);

  f->dossier = dossier;
  f->selection = gb_selection_new ();
  gb_selection_set_dossier (f->selection, dossier);
  f->window = gtk_window_new ();
  f->view = g_object_ref_sink (gb_timeline_view_new ());
  gb_timeline_view_set_today (GB_TIMELINE_VIEW (f->view), today);
  g_object_set (f->view, "selection", f->selection, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 1200);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (has_bound_rows, f->view);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->view);
  g_clear_object (&f->selection);
  g_clear_object (&f->dossier);
}

static void
test_view_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_dossier_load_bundled (&error);
  GListModel *rows;
  GListModel *events;
  g_autoptr(GbTimelineRow) first = NULL;
  GbDate *previous = NULL;
  guint n_items = 0, n_headers = 0;
  Fixture f;

  g_assert_no_error (error);
  fixture_open (&f, dossier);

  rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view));
  events = gb_dossier_get_events (dossier);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpint (gb_timeline_row_get_kind (first), ==, GB_TIMELINE_ROW_HEADER);
  g_assert_cmpstr (gb_timeline_row_get_label (first), ==, "28 January 1992");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (rows, i);
      GbDate *date;

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_HEADER)
        n_headers++;
      if (gb_timeline_row_get_kind (row) != GB_TIMELINE_ROW_ITEM)
        continue;
      n_items++;
      date = gb_timeline_row_get_date (row);
      if (previous != NULL)
        g_assert_cmpint (gb_date_compare (previous, date), <=, 0);
      previous = date;
    }
  /* every event, plus the Action Plan's 2025–2027 period */
  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (events) + 1);
  g_assert_cmpuint (n_headers, >=, 10);
  g_assert_true (has_label (f.view, "4 November 2024"));
  g_assert_true (has_label (f.view, "Background"));

  fixture_close (&f);
}

static GtkWidget *
find_list_view (GtkWidget *view)
{
  GtkWidget *list = gb_test_find_widget (view, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return list;
}

static GtkWidget *
find_popover (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  g_assert_not_reached ();
}

static void
test_view_activate (void)
{
  Fixture f;
  GbItem *talks;
  GtkWidget *list, *popover;
  GbTimelineRowWidget *widget;
  guint position;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  talks = gb_dossier_lookup (f.dossier, "e-seoul-talks");
  position = gb_timeline_model_find_item (
      GB_TIMELINE_MODEL (gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view))), talks);
  list = find_list_view (f.view);
  popover = find_popover (f.view);
  g_assert_false (gb_timeline_view_get_show_details (GB_TIMELINE_VIEW (f.view)));
  gb_timeline_view_set_show_details (GB_TIMELINE_VIEW (f.view), TRUE);

  /* what Enter on a row does */
  gtk_widget_activate_action (list, "list.activate-item", "u", position);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (gb_selection_get_item (f.selection) == talks);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (has_label (popover, "Talks in Seoul"));
  g_assert_true (has_label (popover, "“A sentence of the article.”"));
  g_assert_true (has_label (popover, "Source: The article — Ministry"));
  g_assert_true (has_label (popover, "10:00 UTC+5 in Astana"));

  widget = find_row_widget (f.view, talks);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "timeline-selected"));

  gtk_popover_popdown (GTK_POPOVER (popover));

  /* headers do not open */
  gtk_widget_activate_action (list, "list.activate-item", "u", 0);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gb_selection_get_item (f.selection) == talks);

  /* where a detail pane shows the item (the default), activation only selects */
  g_object_set (f.view, "show-details", FALSE, NULL);
  gtk_widget_activate_action (list, "list.activate-item", "u", position - 1);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gb_selection_get_item (f.selection) ==
                 gb_dossier_lookup (f.dossier, "e-astana"));

  fixture_close (&f);
}

static void
test_view_rows (void)
{
  Fixture f;
  GbTimelineRowWidget *talks, *relations, *plan;
  g_autofree char *failure = NULL;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  talks = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-seoul-talks"));
  relations = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-relations"));
  plan = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-plan"));
  g_assert_nonnull (talks);
  g_assert_nonnull (relations);
  g_assert_nonnull (plan);

  /* the time in its zone and the same moment in the other capital */
  g_assert_true (has_label (GTK_WIDGET (talks), "14:00 KST · 10:00 UTC+5 in Astana"));
  /* context differs by a class and a visible badge, not colour alone */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (relations), "timeline-context"));
  g_assert_true (has_label (GTK_WIDGET (relations), "Background"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-own"));
  g_assert_false (has_label (GTK_WIDGET (talks), "Background"));
  g_assert_true (has_label (GTK_WIDGET (plan), "Under way"));

  /* screen readers hear the date in words and the title */
  failure = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (talks), GTK_ACCESSIBLE_PROPERTY_LABEL,
      "4 November 2024, 14:00 KST: Talks in Seoul (10:00 UTC+5 in Astana)");
  g_assert_null (failure);
  failure = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (plan), GTK_ACCESSIBLE_PROPERTY_LABEL,
      "from 2025 to 2027: Action Plan. Under way");
  g_assert_null (failure);

  fixture_close (&f);
}

static void
test_view_linked (void)
{
  Fixture f;
  GbTimelineRowWidget *talks, *relations;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  gb_selection_set_item (f.selection, gb_dossier_lookup (f.dossier, "seoul"));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  talks = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-seoul-talks"));
  relations = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-relations"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-linked"));
  g_assert_true (has_label (GTK_WIDGET (talks), "Related to the selection"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (relations), "timeline-linked"));

  gb_selection_set_item (f.selection, NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-linked"));

  fixture_close (&f);
}

static GbTimelineRow *
focused_row (GtkWidget *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));
  GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  if (!GB_IS_TIMELINE_ROW_WIDGET (child))
    return NULL;
  return gb_timeline_row_widget_get_row (GB_TIMELINE_ROW_WIDGET (child));
}

static GbItem *focus_target;

static gboolean
has_focus_on_target (gpointer data)
{
  GbTimelineRow *row = focused_row (data);

  return row != NULL && gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
         gb_timeline_row_get_item (row) == focus_target;
}

static gboolean
send_key (GtkWidget *list,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static void
test_view_typeahead (void)
{
  Fixture f;
  GtkWidget *list;
  GbTimelineRow *row;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  list = find_list_view (f.view);
  gtk_widget_grab_focus (f.view);

  g_assert_true (send_key (list, GDK_KEY_t));
  g_assert_true (send_key (list, GDK_KEY_a));
  focus_target = gb_dossier_lookup (f.dossier, "e-seoul-talks");
  wait_for (has_focus_on_target, f.view);
  row = focused_row (f.view);
  g_assert_nonnull (row);
  g_assert_cmpstr (gb_item_get_id (gb_timeline_row_get_item (row)), ==, "e-seoul-talks");

  /* keys that type nothing are the list's (arrows, Home, End, Enter) */
  g_assert_false (send_key (list, GDK_KEY_Down));
  g_assert_false (send_key (list, GDK_KEY_Home));

  fixture_close (&f);
}

static void
test_view_empty (void)
{
  Fixture f;
  GtkWidget *stack;

  fixture_open (&f, build_story (NULL, 0));
  stack = gb_test_find_widget (f.view, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_true (has_label (f.view, "No Events"));

  gb_selection_set_dossier (f.selection, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view))),
                    ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  fixture_close (&f);
}

/* The view follows its selection's story: a new selection, or a new story in
 * it, shows at once; setting the same selection again says nothing. */
static void
test_view_selection (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = g_object_ref_sink (gb_timeline_view_new ());
  GListModel *rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (view));
  g_autoptr(GbItem) place = g_list_model_get_item (gb_dossier_get_places (dossier), 0);
  guint notified = 0;

  g_signal_connect (view, "notify::selection", G_CALLBACK (gb_test_count_notify_cb), &notified);
  gb_selection_set_dossier (selection, dossier);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gb_test_get_selection (view) == selection);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);

  gb_selection_set_dossier (selection, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  gb_selection_set_dossier (selection, dossier);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);

  g_object_set (view, "selection", NULL, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (gb_test_get_selection (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  /* A view on a selection that outlives it leaves no handler behind. */
  g_object_set (view, "selection", selection, NULL);
  g_assert_finalize_object (view);
  gb_selection_set_item (selection, place);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Software GL under Xvfb and valgrind reports Mesa's errors as ours; these tests
   * are about widgets, not rendering. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/timeline/model/rows", test_model_rows);
  g_test_add_func ("/timeline/model/today-between", test_model_today_between);
  g_test_add_func ("/timeline/model/equal-dates-stable", test_model_equal_dates_stable);
  g_test_add_func ("/timeline/model/empty", test_model_empty);
  g_test_add_func ("/timeline/model/find-title", test_model_find_title);
  g_test_add_func ("/timeline/model/gap-labels", test_gap_labels);
  g_test_add_func ("/timeline/view/bundled", test_view_bundled);
  g_test_add_func ("/timeline/view/activate", test_view_activate);
  g_test_add_func ("/timeline/view/rows", test_view_rows);
  g_test_add_func ("/timeline/view/linked", test_view_linked);
  g_test_add_func ("/timeline/view/typeahead", test_view_typeahead);
  g_test_add_func ("/timeline/view/empty", test_view_empty);
  g_test_add_func ("/timeline/view/selection", test_view_selection);

  return g_test_run ();
}
