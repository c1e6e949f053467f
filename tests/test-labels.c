/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-labels"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "gb-agreement.h"
#include "gb-bidi.h"
#include "gb-enum-types.h"
#include "gb-event.h"
#include "gb-labels.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-route-format.h"
#include "gb-source.h"

static void
set_title (GbItem     *item,
           const char *title)
{
  g_autoptr(GbText) text = gb_text_new_plain (title);

  gb_item_set_title (item, text);
}

static GbDate *
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GbDate *date = gb_date_parse (text, NULL, NULL, &error);

  g_assert_no_error (error);
  return date;
}

static void
test_isolate (void)
{
  g_autofree char *plain = gb_bidi_dup_isolated ("Republic of Korea");
  g_autofree char *evil = gb_bidi_dup_isolated ("\u202Egnp.exe");
  g_autofree char *mark = gb_bidi_dup_isolated ("abc\u200Fdef");
  g_autofree char *arabic_mark = gb_bidi_dup_isolated ("\u061C");

  g_assert_cmpstr (plain, ==, "Republic of Korea");
  g_assert_cmpstr (evil, ==, "\u2068\u202Egnp.exe\u2069");
  g_assert_cmpstr (mark, ==, "\u2068abc\u200Fdef\u2069");
  g_assert_cmpstr (arabic_mark, ==, "\u2068\u061C\u2069");
}

static void
test_enums (void)
{
  g_assert_cmpstr (gb_labels_agreement_kind (GB_AGREEMENT_KIND_PLAN), ==, "Plan");
  g_assert_cmpstr (gb_labels_agreement_kind (GB_AGREEMENT_KIND_PROGRAMME), ==, "Programme");
  g_assert_cmpstr (gb_labels_agreement_status (GB_AGREEMENT_STATUS_SIGNED), ==, "Signed");
  g_assert_cmpstr (gb_labels_agreement_status (GB_AGREEMENT_STATUS_ENDED), ==, "Ended");
  g_assert_cmpstr (gb_labels_item_kind (GB_ITEM_KIND_AGREEMENT), ==, "Agreement or initiative");
  g_assert_cmpstr (gb_labels_item_kind (GB_ITEM_KIND_FIGURE), ==, "Key figure");
  g_assert_cmpstr (gb_labels_place_kind (GB_PLACE_KIND_AIRPORT), ==, "Airport");
  g_assert_cmpstr (gb_labels_place_kind (GB_PLACE_KIND_OTHER), ==, "Place");
}

/* The editor offers every value of these enums by its choice label: none may
 * be missing, and each must tell its value from the others. */
static void
test_enum_choices (void)
{
  GType types[] = {
    GB_TYPE_SOURCE_KIND, GB_TYPE_PLACE_KIND, GB_TYPE_ROUTE_MODE, GB_TYPE_AGREEMENT_KIND,
    GB_TYPE_AGREEMENT_STATUS, GB_TYPE_FIGURE_QUALIFIER, GB_TYPE_ITEM_KIND,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = gb_labels_enum_choice (types[t], klass->values[i].value);

          g_assert_cmpstr (label, !=, "");
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
        }
    }

  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_PLACE_KIND, GB_PLACE_KIND_OTHER), ==, "Other");
  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_PLACE_KIND, GB_PLACE_KIND_VENUE), ==, "Venue");
  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_ROUTE_MODE, GB_ROUTE_MODE_SEA), ==, "Sea");
  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_SOURCE_KIND, GB_SOURCE_KIND_ARTICLE), ==,
                   "Article (the story itself)");
  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_FIGURE_QUALIFIER, GB_FIGURE_QUALIFIER_TOP), ==,
                   "Among the top");
  g_assert_cmpstr (gb_labels_enum_choice (GB_TYPE_AGREEMENT_STATUS, GB_AGREEMENT_STATUS_ENDED),
                   ==, "Ended");
}

static void
test_parties (void)
{
  g_autoptr(GbAgreement) agreement = gb_agreement_new ("agr", GB_AGREEMENT_KIND_AGREEMENT,
                                                       GB_AGREEMENT_STATUS_SIGNED);
  g_autoptr(GbOrganisation) org = gb_organisation_new ("org");
  g_autoptr(GbPerson) person = gb_person_new ("person");
  g_autofree char *none = gb_labels_dup_parties (agreement);
  g_autofree char *two = NULL;

  g_assert_null (none);

  set_title (GB_ITEM (org), "Ministry of Foreign Affairs");
  set_title (GB_ITEM (person), "\u202ENurtleu");
  gb_agreement_add_party (agreement, GB_ITEM (org));
  gb_agreement_add_party (agreement, GB_ITEM (person));
  two = gb_labels_dup_parties (agreement);
  /* the override in the second name stops at its end */
  g_assert_cmpstr (two, ==, "Ministry of Foreign Affairs, \u2068\u202ENurtleu\u2069");
}

static void
test_source_line (void)
{
  g_autoptr(GbSource) article = gb_source_new ("src-article", GB_SOURCE_KIND_ARTICLE);
  g_autoptr(GbSource) context = gb_source_new ("src-context", GB_SOURCE_KIND_CONTEXT);
  g_autoptr(GbDate) published = parse_date ("2024-11-05");
  g_autoptr(GbEvent) event = gb_event_new ("e", published);
  g_autoptr(GbEvent) background = gb_event_new ("b", published);
  g_autofree char *unsourced = gb_labels_dup_source_line (GB_ITEM (event));
  g_autofree char *dated = NULL;
  g_autofree char *by_title = NULL;

  g_assert_null (unsourced);

  set_title (GB_ITEM (article), "Nurtleu visits Seoul");
  gb_source_set_publisher (article, "The Astana Times");
  gb_item_set_date (GB_ITEM (article), published);
  gb_item_set_provenance (GB_ITEM (event), article, NULL);
  dated = gb_labels_dup_source_line (GB_ITEM (event));
  g_assert_cmpstr (dated, ==, "Source: The Astana Times, 5 November 2024");

  /* no publisher: the source's title stands in; context facts say so */
  set_title (GB_ITEM (context), "Background");
  gb_item_set_provenance (GB_ITEM (background), context, NULL);
  g_assert_true (gb_item_is_context (GB_ITEM (background)));
  by_title = gb_labels_dup_source_line (GB_ITEM (background));
  g_assert_cmpstr (by_title, ==, "Context source: Background");
}

typedef struct
{
  const char *publisher;
  const char *date;
  gboolean    context;
  const char *expected;
} CitationCase;

static void
test_source_citation (void)
{
  static const CitationCase cases[] = {
    { "Ministry", "2024-11-05", FALSE, "Source: The article — Ministry, 5 November 2024" },
    { "Ministry", NULL, FALSE, "Source: The article — Ministry" },
    { NULL, "2024-11-05", FALSE, "Source: The article — 5 November 2024" },
    { NULL, NULL, TRUE, "Context source: The article" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CitationCase *c = &cases[i];
      g_autoptr(GbSource) source = gb_source_new ("src", c->context ? GB_SOURCE_KIND_CONTEXT
                                                                     : GB_SOURCE_KIND_ARTICLE);
      g_autoptr(GbPerson) person = gb_person_new ("p");
      g_autofree char *citation = NULL;

      set_title (GB_ITEM (source), "The article");
      gb_source_set_publisher (source, c->publisher);
      if (c->date != NULL)
        {
          g_autoptr(GbDate) date = parse_date (c->date);

          gb_item_set_date (GB_ITEM (source), date);
        }
      g_assert_null (gb_labels_dup_source_citation (GB_ITEM (person)));
      gb_item_set_provenance (GB_ITEM (person), source, NULL);
      citation = gb_labels_dup_source_citation (GB_ITEM (person));
      g_assert_cmpstr (citation, ==, c->expected);
    }
}

/* The card's "since": the latest entry's date, whatever order they came in. */
static void
test_status_since (void)
{
  g_autoptr(GbAgreement) agreement = gb_agreement_new ("agr", GB_AGREEMENT_KIND_PLAN,
                                                       GB_AGREEMENT_STATUS_SIGNED);
  g_autoptr(GbSource) news = gb_source_new ("news", GB_SOURCE_KIND_CONTEXT);
  g_autoptr(GbDate) march = parse_date ("2025-03-12");
  g_autoptr(GbDate) january = parse_date ("2025-01");
  g_autofree char *none = gb_labels_dup_status_since (agreement);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  g_assert_null (none);

  gb_agreement_add_follow_up (agreement, march, GB_AGREEMENT_STATUS_LAUNCHED, NULL, news, NULL);
  one = gb_labels_dup_status_since (agreement);
  g_assert_cmpstr (one, ==, "since 12 March 2025");

  /* an earlier entry added later changes neither the status nor its date */
  gb_agreement_add_follow_up (agreement, january, GB_AGREEMENT_STATUS_ENDED, NULL, news, NULL);
  two = gb_labels_dup_status_since (agreement);
  g_assert_cmpstr (two, ==, "since 12 March 2025");
  g_assert_cmpstr (gb_labels_agreement_status (gb_agreement_get_current_status (agreement)), ==,
                   "Launched");
}

static void
test_follow_up (void)
{
  g_autoptr(GbAgreement) agreement = gb_agreement_new ("agr", GB_AGREEMENT_KIND_PLAN,
                                                       GB_AGREEMENT_STATUS_SIGNED);
  g_autoptr(GbSource) news = gb_source_new ("news", GB_SOURCE_KIND_CONTEXT);
  g_autoptr(GbSource) report = gb_source_new ("report", GB_SOURCE_KIND_ARTICLE);
  g_autoptr(GbDate) day = parse_date ("2025-03-12");
  g_autoptr(GbDate) published = parse_date ("2025-03-13");
  g_autoptr(GbText) note = gb_text_new_plain ("\u202EThe first projects start.");
  g_autofree char *title = NULL;
  GPtrArray *log;
  g_autofree char *noted = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *context_source = NULL;
  g_autofree char *article_source = NULL;
  g_autofree char *name = NULL;

  set_title (GB_ITEM (agreement), "Action <b>Plan</b>");
  set_title (GB_ITEM (news), "Projects start");
  gb_source_set_publisher (news, "Example News");
  gb_item_set_date (GB_ITEM (news), published);
  set_title (GB_ITEM (report), "Annual report");
  gb_agreement_add_follow_up (agreement, day, GB_AGREEMENT_STATUS_LAUNCHED, note, news, NULL);
  gb_agreement_add_follow_up (agreement, day, GB_AGREEMENT_STATUS_ENDED, NULL, report, "Ended.");
  log = gb_agreement_get_follow_ups (agreement);

  /* text, not markup: the title is as written */
  title = gb_labels_dup_follow_up_title (agreement);
  g_assert_cmpstr (title, ==, "Follow-up: Action <b>Plan</b>");
  /* the note's override stops at its end */
  noted = gb_labels_dup_follow_up_summary (log->pdata[0]);
  g_assert_cmpstr (noted, ==, "Launched: \u2068\u202EThe first projects start.\u2069");
  bare = gb_labels_dup_follow_up_summary (log->pdata[1]);
  g_assert_cmpstr (bare, ==, "Ended");
  context_source = gb_labels_dup_follow_up_source (log->pdata[0]);
  g_assert_cmpstr (context_source, ==,
                   "Context source: Projects start — Example News, 13 March 2025");
  article_source = gb_labels_dup_follow_up_source (log->pdata[1]);
  g_assert_cmpstr (article_source, ==, "Source: Annual report");
  name = gb_labels_dup_follow_up_name (log->pdata[1]);
  g_assert_cmpstr (name, ==, "12 March 2025, Ended");
}

static void
test_item_meta (void)
{
  g_autoptr(GbDate) day = parse_date ("2024-11-04");
  g_autoptr(GbEvent) event = gb_event_new ("e", day);
  g_autoptr(GbAgreement) agreement = gb_agreement_new ("agr", GB_AGREEMENT_KIND_PLAN,
                                                       GB_AGREEMENT_STATUS_PLANNED);
  g_autoptr(GbPerson) nurtleu = gb_person_new ("nurtleu");
  g_autoptr(GbPerson) cho = gb_person_new ("cho");
  g_autoptr(GbPlace) seoul = gb_place_new ("seoul", GB_PLACE_KIND_CITY, 37.57, 126.98);
  g_autoptr(GbPlace) busan = gb_place_new ("busan", GB_PLACE_KIND_CITY, 35.18, 129.08);
  g_autofree char *people_places = NULL;
  g_autofree char *places_only = NULL;
  g_autofree char *none = gb_labels_dup_item_meta (GB_ITEM (nurtleu));

  set_title (GB_ITEM (nurtleu), "Murat Nurtleu");
  set_title (GB_ITEM (cho), "Cho Tae-yul");
  set_title (GB_ITEM (seoul), "Seoul");
  set_title (GB_ITEM (busan), "Busan");
  gb_event_add_person (event, nurtleu);
  gb_event_add_person (event, cho);
  gb_event_add_place (event, seoul);
  gb_agreement_add_place (agreement, seoul);
  gb_agreement_add_place (agreement, busan);

  people_places = gb_labels_dup_item_meta (GB_ITEM (event));
  places_only = gb_labels_dup_item_meta (GB_ITEM (agreement));
  g_assert_cmpstr (people_places, ==, "Murat Nurtleu, Cho Tae-yul · Seoul");
  g_assert_cmpstr (places_only, ==, "Seoul, Busan");
  g_assert_cmpstr (none, ==, "");
}

static void
test_kind_date (void)
{
  g_autoptr(GbDate) day = parse_date ("2024-11-04");
  g_autoptr(GbEvent) event = gb_event_new ("e", day);
  g_autoptr(GbPerson) person = gb_person_new ("p");
  g_autofree char *dated = gb_labels_dup_kind_date (GB_ITEM (event));
  g_autofree char *undated = gb_labels_dup_kind_date (GB_ITEM (person));

  g_assert_cmpstr (dated, ==, "Event · 4 November 2024");
  g_assert_cmpstr (undated, ==, "Person");
}

typedef struct
{
  const char *description;
  const char *expected;
} PlaceNameCase;

static void
test_place_name (void)
{
  static const PlaceNameCase cases[] = {
    { NULL, "Astana" },
    { "", "Astana" },
    { "Capital of Kazakhstan. Since 1997.", "Astana — Capital of Kazakhstan" },
    { "Capital of Kazakhstan.", "Astana — Capital of Kazakhstan" },
    { "  Capital of Kazakhstan  ", "Astana — Capital of Kazakhstan" },
    /* a decimal point is no sentence end */
    { "Population 1.3 million", "Astana — Population 1.3 million" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GbPlace) place = gb_place_new ("astana", GB_PLACE_KIND_CITY, 51.17, 71.45);
      g_autofree char *name = NULL;

      set_title (GB_ITEM (place), "Astana");
      if (cases[i].description != NULL)
        {
          g_autoptr(GbText) description = gb_text_new_plain (cases[i].description);

          gb_item_set_description (GB_ITEM (place), description);
        }
      name = gb_labels_dup_place_name (place);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_place_kind (void)
{
  g_autoptr(GbPlace) airport = gb_place_new ("nqz", GB_PLACE_KIND_AIRPORT, 51.02, 71.47);
  g_autoptr(GbPlace) city = gb_place_new ("seoul", GB_PLACE_KIND_CITY, 37.57, 126.98);
  g_autofree char *with_code = NULL;
  g_autofree char *without = NULL;

  gb_place_set_iata (airport, "NQZ");
  gb_place_set_iata (city, "");
  with_code = gb_labels_dup_place_kind (airport);
  without = gb_labels_dup_place_kind (city);
  g_assert_cmpstr (with_code, ==, "Airport, NQZ");
  g_assert_cmpstr (without, ==, "City");
}

static void
test_place_position (void)
{
  g_autoptr(GbPlace) astana = gb_place_new ("astana", GB_PLACE_KIND_CITY, 51.16944, 71.44906);
  g_autoptr(GbPlace) santiago = gb_place_new ("santiago", GB_PLACE_KIND_CITY, -33.45, -70.6667);
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *north_east = NULL;
  g_autofree char *south_west = NULL;

  setlocale (LC_NUMERIC, "C");
  north_east = gb_labels_dup_place_position (astana);
  south_west = gb_labels_dup_place_position (santiago);
  setlocale (LC_NUMERIC, old);

  g_assert_cmpstr (north_east, ==, "51.1694° N, 71.4491° E");
  g_assert_cmpstr (south_west, ==, "33.4500° S, 70.6667° W");
}

typedef struct
{
  int         minutes;
  const char *expected;
} DurationCase;

static void
test_route_duration (void)
{
  static const DurationCase cases[] = {
    { 0, NULL },
    { -5, NULL },
    { 45, "45 min" },
    { 60, "1 h" },
    { 65, "1 h 5 min" },
    { 430, "7 h 10 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gb_route_format_duration (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_route_distance (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *plain = NULL;
  g_autofree char *rounded = NULL;
  g_autofree char *unknown = NULL;

  setlocale (LC_NUMERIC, "C");
  plain = gb_route_format_distance (4524123.0);
  rounded = gb_route_format_distance (16500.0);
  unknown = gb_route_format_distance (NAN);
  g_assert_cmpstr (plain, ==, "4524 km");
  g_assert_cmpstr (rounded, ==, "17 km");
  g_assert_cmpstr (unknown, ==, "—");

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") != NULL)
    {
      g_autofree char *grouped = gb_route_format_distance (4524123.0);

      g_assert_cmpstr (grouped, ==, "4,524 km");
    }
  else
    g_test_message ("en_US.UTF-8 is not installed; grouping not checked");

  setlocale (LC_NUMERIC, old);
}

/* The map's scale bars: the longest round length that fits, in the words
 * the routes' distances use. */
static void
test_route_scale (void)
{
  static const struct {
    double metres_per_pixel;
    GbScaleSystem system;
    const char *label;
    double pixels;
  } cases[] = {
    { 5000, GB_SCALE_METRIC, "500 km", 100 },              /* 600 km fit */
    { 5000, GB_SCALE_IMPERIAL, "200 mi", 200 * 1609.344 / 5000 },
    { 1, GB_SCALE_METRIC, "100 m", 100 },
    { 1, GB_SCALE_IMPERIAL, "200 ft", 200 * 0.3048 },
    { 20, GB_SCALE_METRIC, "2 km", 100 },                  /* 2.4 km fit */
    { 0.001, GB_SCALE_METRIC, NULL, 0 },                   /* not even a metre */
    { NAN, GB_SCALE_METRIC, NULL, 0 },
  };
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  setlocale (LC_NUMERIC, "C");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      double pixels = gb_route_scale_length (cases[i].metres_per_pixel, 120, cases[i].system,
                                             &label);

      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpfloat_with_epsilon (pixels, cases[i].pixels, 1e-6);
      g_assert_cmpfloat (pixels, <=, 120);
    }
  setlocale (LC_NUMERIC, old);
}

/* Countries by name, in the interface's language; codes iso-codes does
 * not know as they are. */
static void
test_country (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *kazakhstan = gb_labels_dup_country ("KZ");
  g_autofree char *korea = gb_labels_dup_country ("kr");
  g_autofree char *unknown = gb_labels_dup_country ("XX");

  g_assert_cmpstr (kazakhstan, ==, "Kazakhstan");
  g_assert_cmpstr (korea, ==, "South Korea");
  g_assert_cmpstr (unknown, ==, "XX");
  g_assert_null (gb_labels_dup_country (NULL));
  g_assert_null (gb_labels_dup_country (""));

  if (setlocale (LC_ALL, "ru_RU.UTF-8") != NULL)
    {
      g_autofree char *russian = gb_labels_dup_country ("KZ");

      g_assert_cmpstr (russian, ==, "Казахстан");
    }
  else
    g_test_message ("ru_RU.UTF-8 is not installed; translation not checked");
  setlocale (LC_ALL, old);
}

static void
test_time_zone (void)
{
  g_autofree char *almaty = gb_labels_dup_time_zone ("Asia/Almaty");
  g_autofree char *seoul = gb_labels_dup_time_zone ("Asia/Seoul");
  g_autofree char *buenos_aires = gb_labels_dup_time_zone ("America/Argentina/Buenos_Aires");
  g_autofree char *utc = gb_labels_dup_time_zone ("UTC");

  /* Almaty is on UTC+5 since 1 March 2024 (tzdata 2024a). */
  g_assert_cmpstr (almaty, ==, "Almaty (UTC+05:00)");
  g_assert_cmpstr (seoul, ==, "Seoul (UTC+09:00)");
  g_assert_cmpstr (buenos_aires, ==, "Buenos Aires (UTC-03:00)");
  g_assert_cmpstr (utc, ==, "UTC");
  g_assert_null (gb_labels_dup_time_zone (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/bidi/isolate", test_isolate);
  g_test_add_func ("/labels/enums", test_enums);
  g_test_add_func ("/labels/enum-choices", test_enum_choices);
  g_test_add_func ("/labels/parties", test_parties);
  g_test_add_func ("/labels/source-line", test_source_line);
  g_test_add_func ("/labels/source-citation", test_source_citation);
  g_test_add_func ("/labels/status-since", test_status_since);
  g_test_add_func ("/labels/follow-up", test_follow_up);
  g_test_add_func ("/labels/item-meta", test_item_meta);
  g_test_add_func ("/labels/kind-date", test_kind_date);
  g_test_add_func ("/labels/place/name", test_place_name);
  g_test_add_func ("/labels/place/kind", test_place_kind);
  g_test_add_func ("/labels/place/position", test_place_position);
  g_test_add_func ("/labels/country", test_country);
  g_test_add_func ("/labels/time-zone", test_time_zone);
  g_test_add_func ("/labels/route/duration", test_route_duration);
  g_test_add_func ("/labels/route/distance", test_route_distance);
  g_test_add_func ("/labels/route/scale", test_route_scale);

  return g_test_run ();
}
