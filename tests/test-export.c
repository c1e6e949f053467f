/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-export.h"
#include "gb-place.h"
#include "gb-test-load.h"

/* The writers of src/io/gb-export*.c on the bundled story and on fixtures
 * made to be awkward: times in zones, an antimeridian, hostile text. The
 * files are read back with json-glib, our own importers and, in the
 * `clients` suite, other people's parsers. */

static GbDossier *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GbDossier *dossier = gb_dossier_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier;
}

static GBytes *
export (GbDossier  *dossier,
        const char *format_name,
        GPtrArray  *notes)
{
  const GbExportFormat *format = gb_export_lookup_format (format_name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_nonnull (format);
  bytes = gb_export_to_bytes (format, dossier, notes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return bytes;
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static GbDossier *
reimport (GBytes     *bytes,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_dossier_load_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return dossier;
}

static gboolean
notes_have (GPtrArray  *notes,
            const char *text)
{
  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* No C0 or C1 control character other than tab and newline, and no
 * direction override left open: each one is inside an isolate. */
static void
assert_clean_text (const char *text)
{
  int open_isolates = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f))
        g_error ("control character U+%04X in “%s”", c, text);
      if (c == 0x2068)
        open_isolates++;
      else if (c == 0x2069)
        open_isolates--;
      else if (c == 0x202E)
        g_assert_cmpint (open_isolates, >, 0);
    }
}

static JsonObject *
find_by_member (JsonArray  *array,
                const char *member,
                const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (obj, member, NULL), value) == 0)
        return obj;
    }
  g_error ("no %s “%s”", member, value);
}

static guint
count_lines_with_prefix (const char *text,
                         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

/* ------------------------------------------------------------------------ */

static void
test_formats (void)
{
  guint n;
  const GbExportFormat *formats = gb_export_get_formats (&n);
  g_autofree char *names = gb_export_dup_format_names ();
  const char *expected[] = { "timelinejs", "timelinejs-csv", "storymap", "ics", "geojson" };

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GbExportFormat *format = gb_export_lookup_format (expected[i]);

      g_assert_nonnull (format);
      g_assert_nonnull (format->write);
      g_assert_nonnull (strstr (names, expected[i]));
    }
  for (guint i = 0; i < n; i++)
    g_assert_true (gb_export_lookup_format (formats[i].name) == &formats[i]);
  g_assert_null (gb_export_lookup_format ("TimelineJS"));
  g_assert_null (gb_export_lookup_format (""));
}

/* The precision of a TimelineJS date object: how many parts it has. */
static GbDatePrecision
timelinejs_precision (JsonObject *date)
{
  if (json_object_has_member (date, "hour"))
    return GB_DATE_PRECISION_MINUTE;
  if (json_object_has_member (date, "day"))
    return GB_DATE_PRECISION_DAY;
  if (json_object_has_member (date, "month"))
    return GB_DATE_PRECISION_MONTH;
  return GB_DATE_PRECISION_YEAR;
}

/* Each format names the kinds it has no place for, with their counts in the
 * bundled dossier, in the order of the item kinds. */
typedef struct
{
  const char *format;
  const char *left_out;
} NotCarried;

static const NotCarried not_carried[] = {
  { "geojson", "(Event: 15; Agreement or initiative: 9; Key figure: 5; Person: 5; Organisation: 9)" },
  { "ics", "(Route: 1; Agreement or initiative: 9; Key figure: 5; Person: 5; Organisation: 9)" },
  { "storymap", "(Route: 1; Agreement or initiative: 9; Key figure: 5; Person: 5; Organisation: 9)" },
  { "timelinejs", "(Place: 4; Route: 1; Key figure: 5; Person: 5; Organisation: 9)" },
};

static void
test_not_carried (gconstpointer data)
{
  const NotCarried *c = data;
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = export (dossier, c->format, notes);
  g_autofree char *note = g_strconcat ("items this format has no place for are left out ",
                                       c->left_out, NULL);

  g_assert_true (notes_have (notes, note));
}

static void
test_timelinejs_bundled (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = export (dossier, "timelinejs", notes);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonObject *obj = json_node_get_object (root);
  JsonArray *slides = json_object_get_array_member (obj, "events");
  JsonArray *eras = json_object_get_array_member (obj, "eras");
  JsonObject *title = json_object_get_object_member (json_object_get_object_member (obj, "title"),
                                                     "text");
  GListModel *events = gb_dossier_get_events (dossier);

  g_assert_cmpuint (json_array_get_length (slides), ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (json_array_get_length (slides), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (title, "headline"), ==,
                   gb_dossier_get_title (dossier));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (title, "text"), "<p>"));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);
      JsonObject *slide = json_array_get_object_element (slides, i);
      JsonObject *start = json_object_get_object_member (slide, "start_date");
      const GbDatePart *part = gb_date_get_start (gb_item_get_date (event));
      const char *text = json_object_get_string_member (json_object_get_object_member (slide,
                                                                                       "text"),
                                                        "text");

      g_assert_cmpstr (json_object_get_string_member (slide, "unique_id"), ==,
                       gb_item_get_id (event));
      g_assert_cmpint (timelinejs_precision (start), ==, part->precision);
      g_assert_cmpint (json_object_get_int_member (start, "year"), ==, part->year);
      g_assert_cmpint (json_object_has_member (slide, "end_date"), ==,
                       gb_date_has_end (gb_item_get_date (event)));
      g_assert_cmpstr (json_object_get_string_member (slide, "group"), ==,
                       gb_item_is_context (event) ? "Background" : "Story");
      /* Provenance: the source's line and its quote. */
      g_assert_nonnull (strstr (text, gb_item_is_context (event) ? "<p>Context source: "
                                                                 : "<p>Source: "));
      g_assert_true ((strstr (text, "<blockquote>") != NULL) == (gb_item_get_quote (event) != NULL));
    }

  /* The agreements with a period: the action plan, the exhibition, the
   * strategic partnership; the plan ends on the last day of 2027. */
  g_assert_cmpuint (json_array_get_length (eras), ==, 3);
  for (guint i = 0; i < json_array_get_length (eras); i++)
    {
      JsonObject *era = json_array_get_object_element (eras, i);
      JsonObject *end = json_object_get_object_member (era, "end_date");

      JsonObject *start = json_object_get_object_member (era, "start_date");

      /* TimelineJS drops an end equal to the start in the start's parts, and
       * then refuses the era: whole days, and never the same one. */
      g_assert_cmpint (timelinejs_precision (start), ==, GB_DATE_PRECISION_DAY);
      g_assert_cmpint (timelinejs_precision (end), ==, GB_DATE_PRECISION_DAY);
      g_assert_false (json_object_get_int_member (start, "year") ==
                      json_object_get_int_member (end, "year") &&
                      json_object_get_int_member (start, "month") ==
                      json_object_get_int_member (end, "month") &&
                      json_object_get_int_member (start, "day") ==
                      json_object_get_int_member (end, "day"));
      if (json_object_get_int_member (end, "year") == 2027)
        {
          g_assert_cmpint (json_object_get_int_member (end, "month"), ==, 12);
          g_assert_cmpint (json_object_get_int_member (end, "day"), ==, 31);
        }
    }

  /* November 2024 to 5 November 2024: TimelineJS would keep the start
   * alone, so the span is written out. */
  g_assert_nonnull (strstr (json_object_get_string_member (
                      find_by_member (slides, "unique_id", "evt-photo-exhibition"), "display_date"),
                    "5 November 2024"));
  g_assert_true (notes_have (notes, "1 event ends in the month or year it starts in"));
  /* Who and where, by name. */
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (
                              find_by_member (slides, "unique_id", "evt-official-visit"), "text"),
                            "text"),
                            "</p><p>Murat Nurtleu · Seoul</p><p>Source: "));
  g_assert_true (notes_have (notes, "6 agreements without a period are left out"));
  g_assert_true (notes_have (notes, "Key figure: 5"));
  g_assert_true (notes_have (notes, "(en, kk, ko, ru)"));
}

static void
test_timelinejs_hostile (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("timed.json");
  g_autoptr(GBytes) bytes = export (dossier, "timelinejs", NULL);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonArray *slides = json_object_get_array_member (json_node_get_object (root), "events");
  JsonObject *slide = find_by_member (slides, "unique_id", "evt-hostile");
  JsonObject *text = json_object_get_object_member (slide, "text");
  const char *headline = json_object_get_string_member (text, "headline");
  const char *html = json_object_get_string_member (text, "text");
  JsonObject *timed = find_by_member (slides, "unique_id", "evt-berlin-dst");
  JsonObject *start = json_object_get_object_member (timed, "start_date");

  /* Markup from the file is text: escaped, never live. */
  g_assert_null (strchr (headline, '<'));
  g_assert_null (strchr (headline, '"'));
  g_assert_nonnull (strstr (headline, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"));
  g_assert_nonnull (strstr (headline, "&quot;q&quot; &#39;a&#39;"));
  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(1)&gt; line one<br>line two"));
  /* The link keeps its & escaped, inside a quoted attribute. */
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/tests?a=1&amp;b=2\""));
  assert_clean_text (headline);
  assert_clean_text (html);
  g_assert_nonnull (strstr (headline, "bell"));

  /* A time of day: the wall clock of its zone, the zone in words. */
  g_assert_cmpint (json_object_get_int_member (start, "hour"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (start, "minute"), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (timed, "display_date"), "CET"));
  g_assert_nonnull (strstr (json_object_get_string_member (timed, "display_date"), "CEST"));
}

/* What our importers make of the file is the story we wrote: the same
 * events, dates (with their precision), titles and texts. */
static void
check_timelinejs_round_trip (const char *format_name,
                             const char *name,
                             const char *origin)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GBytes) bytes = export (dossier, format_name, NULL);
  g_autoptr(GbDossier) back = reimport (bytes, name);
  GListModel *events = gb_dossier_get_events (dossier);
  GListModel *back_events = gb_dossier_get_events (back);
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpstr (gb_dossier_get_origin (back), ==, origin);
  g_assert_cmpstr (gb_dossier_get_title (back), ==, gb_dossier_get_title (dossier));
  g_assert_cmpstr (gb_dossier_get_summary (back), ==, gb_dossier_get_summary (dossier));

  /* Eras come back as events of their own source. */
  for (guint i = 0; i < g_list_model_get_n_items (back_events); i++)
    {
      GbItem *event = g_list_model_get_item (back_events, i);

      if (g_str_equal (gb_item_get_id (GB_ITEM (gb_item_get_source (event))), "eras"))
        g_object_unref (event);
      else
        g_ptr_array_add (slides, event);
    }
  g_assert_cmpuint (slides->len, ==, g_list_model_get_n_items (events));

  for (guint i = 0; i < slides->len; i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);
      g_autofree char *id = g_strdup_printf ("event-%u", i);
      GbItem *copy = GB_ITEM (gb_dossier_lookup (back, id));
      g_autofree char *date = gb_date_to_string (gb_item_get_date (event));
      g_autofree char *copy_date = gb_date_to_string (gb_item_get_date (copy));
      const char *description = gb_item_get_description (event);

      g_assert_nonnull (copy);
      g_assert_cmpstr (gb_item_get_title (copy), ==, gb_item_get_title (event));
      g_assert_cmpstr (copy_date, ==, date);
      g_assert_cmpint (gb_date_get_precision (gb_item_get_date (copy)), ==,
                       gb_date_get_precision (gb_item_get_date (event)));
      if (description != NULL)
        g_assert_nonnull (strstr (gb_item_get_description (copy), description));
      /* The quote travels in the slide's text. */
      if (gb_item_get_quote (event) != NULL)
        g_assert_nonnull (strstr (gb_item_get_description (copy), gb_item_get_quote (event)));
    }
}

static void
test_timelinejs_round_trip (void)
{
  check_timelinejs_round_trip ("timelinejs", "bundled.json", "TimelineJS 3");
}

/* The spreadsheet holds what the JSON holds, and reads back the same. */
static void
test_timelinejs_csv_round_trip (void)
{
  check_timelinejs_round_trip ("timelinejs-csv", "bundled.csv", "TimelineJS spreadsheet");
}

/* RFC 4180 quoting, CRLF, the BOM, and no cell a spreadsheet would run as a
 * formula; each comes back as it was. */
static void
test_timelinejs_csv_quoting (void)
{
  static const char dossier_json[] =
    "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\",\"title\":\"T\","
    "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}],\"events\":["
    "{\"id\":\"a\",\"title\":\"=HYPERLINK(\\\"http://x\\\")\",\"date\":\"2024-01-02\",\"source\":\"s\"},"
    "{\"id\":\"b\",\"title\":\"-5 degrees, \\\"cold\\\"\",\"date\":\"2024-02\",\"source\":\"s\","
    "\"description\":\"One\\ntwo, three\\n\\n@four\"},"
    "{\"id\":\"c\",\"title\":\" spaced \",\"date\":{\"start\":\"1990\",\"end\":\"2000\"},"
    "\"source\":\"s\"}]}";
  g_autoptr(GBytes) input = g_bytes_new_static (dossier_json, sizeof dossier_json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_bytes (input, "t.json", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GbDossier) back = NULL;
  g_auto(GStrv) lines = NULL;
  const char *data;

  g_assert_no_error (error);
  bytes = export (dossier, "timelinejs-csv", NULL);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (data, "\xef\xbb\xbfYear,Month,Day,Time,End Year,"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  lines = g_strsplit (data, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==, ",,,,,,,,,T,,,,,,title,,");
  /* No cell starts with = + - @: the first character is a reference. */
  g_assert_nonnull (strstr (data, "2024,1,2,,,,,,,&#61;HYPERLINK(&quot;http://x&quot;),"));
  g_assert_nonnull (strstr (data, ",\"&#45;5 degrees, &quot;cold&quot;\","));
  g_assert_null (strstr (data, ",="));
  g_assert_null (strstr (data, ",-"));
  g_assert_null (strstr (data, ",@"));
  g_assert_nonnull (strstr (data, "1990,,,,2000,,,,,\" spaced \","));

  back = reimport (bytes, "t.csv");
  /* In date order: 1990, January 2024, February 2024. */
  g_assert_cmpstr (gb_item_get_title (gb_dossier_lookup (back, "event-0")), ==, "spaced");
  g_assert_cmpstr (gb_item_get_title (gb_dossier_lookup (back, "event-1")), ==,
                   "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (gb_item_get_title (gb_dossier_lookup (back, "event-2")), ==,
                   "-5 degrees, \"cold\"");
  g_assert_nonnull (strstr (gb_item_get_description (gb_dossier_lookup (back, "event-2")),
                            "One\ntwo, three\n\n@four"));
}

/* A TimelineJS file opened and written again keeps its eras as eras. */
static void
test_timelinejs_eras_again (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_eras.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GbDossier) back = NULL;
  JsonArray *eras;
  JsonObject *era;

  g_assert_no_error (error);
  bytes = export (dossier, "timelinejs", NULL);
  root = parse_json (bytes);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "events")), ==, 20);
  eras = json_object_get_array_member (json_node_get_object (root), "eras");
  g_assert_cmpuint (json_array_get_length (eras), ==, 3);
  /* As the file had it: {"year": 600} to {"year": 650}, not whole days. */
  era = json_array_get_object_element (eras, 0);
  g_assert_cmpint (timelinejs_precision (json_object_get_object_member (era, "start_date")), ==,
                   GB_DATE_PRECISION_YEAR);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (era, "start_date"),
                                               "year"), ==, 600);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (era, "end_date"),
                                               "year"), ==, 650);

  back = reimport (bytes, "eras-again.json");
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (back)), ==,
                    g_list_model_get_n_items (gb_dossier_get_events (dossier)));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("era-%u", i);
      GbItem *before = gb_dossier_lookup (dossier, id);
      GbItem *after = NULL;
      g_autofree char *date = NULL;
      g_autofree char *copy_date = NULL;

      /* The same era, wherever its place in the list. */
      for (guint j = 0; j < 3 && after == NULL; j++)
        {
          g_autofree char *other = g_strdup_printf ("era-%u", j);
          GbItem *candidate = gb_dossier_lookup (back, other);

          if (g_strcmp0 (gb_item_get_title (candidate), gb_item_get_title (before)) == 0)
            after = candidate;
        }
      g_assert_nonnull (after);
      date = gb_date_to_string (gb_item_get_date (before));
      copy_date = gb_date_to_string (gb_item_get_date (after));
      g_assert_cmpstr (copy_date, ==, date);
    }
}

static void
test_storymap_round_trip (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = export (dossier, "storymap", notes);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonArray *slides = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (root), "storymap"), "slides");
  g_autoptr(GbDossier) back = reimport (bytes, "bundled.json");
  GListModel *events = gb_dossier_get_events (dossier);
  guint slide = 1;

  /* The overview, then the 9 events that have a place. */
  g_assert_cmpuint (json_array_get_length (slides), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (slides, 0),
                                                  "type"), ==, "overview");
  g_assert_true (notes_have (notes, "6 events without a place are left out of the map"));

  g_assert_cmpstr (gb_dossier_get_origin (back), ==, "StoryMapJS");
  g_assert_cmpstr (gb_dossier_get_title (back), ==, gb_dossier_get_title (dossier));
  g_assert_cmpstr (gb_dossier_get_summary (back), ==, gb_dossier_get_summary (dossier));
  g_assert_cmpint (gb_date_compare (gb_dossier_get_period (back), gb_dossier_get_period (dossier)),
                   ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (back)), ==, 9);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbEvent) event = g_list_model_get_item (events, i);
      GPtrArray *places = gb_event_get_places (event);
      g_autofree char *id = NULL;
      g_autofree char *date = NULL;
      g_autofree char *copy_date = NULL;
      GbEvent *copy;
      GbPlace *place, *copy_place;

      if (places == NULL || places->len == 0)
        continue;

      id = g_strdup_printf ("slide-%u", slide++);
      copy = GB_EVENT (gb_dossier_lookup (back, id));
      g_assert_nonnull (copy);
      g_assert_cmpstr (gb_item_get_title (GB_ITEM (copy)), ==, gb_item_get_title (GB_ITEM (event)));
      date = gb_date_to_string (gb_item_get_date (GB_ITEM (event)));
      copy_date = gb_date_to_string (gb_item_get_date (GB_ITEM (copy)));
      g_assert_cmpstr (copy_date, ==, date);
      if (gb_item_get_description (GB_ITEM (event)) != NULL)
        g_assert_nonnull (strstr (gb_item_get_description (GB_ITEM (copy)),
                                  gb_item_get_description (GB_ITEM (event))));

      place = g_ptr_array_index (places, 0);
      g_assert_cmpuint (gb_event_get_places (copy)->len, ==, 1);
      copy_place = g_ptr_array_index (gb_event_get_places (copy), 0);
      g_assert_true (g_str_has_prefix (gb_item_get_title (GB_ITEM (copy_place)),
                                       gb_item_get_title (GB_ITEM (place))));
      g_assert_cmpfloat_with_epsilon (gb_place_get_latitude (copy_place),
                                      gb_place_get_latitude (place), 1e-6);
      g_assert_cmpfloat_with_epsilon (gb_place_get_longitude (copy_place),
                                      gb_place_get_longitude (place), 1e-6);
    }
}

static void
test_storymap_hostile (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("timed.json");
  g_autoptr(GBytes) bytes = export (dossier, "storymap", NULL);
  g_autoptr(GbDossier) back = reimport (bytes, "timed.json");
  GListModel *events = gb_dossier_get_events (back);
  gboolean found = FALSE;

  /* The headline comes back as the very text it was: markup as characters. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);
      const char *title = gb_item_get_title (event);

      if (strstr (title, "alert(1)") == NULL)
        continue;
      found = TRUE;
      g_assert_nonnull (strstr (title, "<script>alert(1)</script> & <b>bold</b> \"q\" 'a'"));
      assert_clean_text (title);
    }
  g_assert_true (found);
}

/* The lines of the calendar unfolded, as a reader sees them. */
static char *
unfold (const char *text)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);

  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

static void
test_ics_bundled (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = export (dossier, "ics", notes);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  /* Six events are dated to the day; three to the year, six to the month. */
  g_assert_cmpuint (count_lines_with_prefix (text, "BEGIN:VEVENT"), ==, 6);
  g_assert_cmpuint (count_lines_with_prefix (text, "DTSTART;VALUE=DATE:"), ==, 6);
  g_assert_nonnull (strstr (text, "\r\nUID:evt-meeting-yoon@kz-kr-nurtleu-visit-2024.golden-bridge\r\n"));
  /* 11 to 13 June: DTEND is the day after the last. */
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20240611\r\nDTEND;VALUE=DATE:20240614\r\n"));
  g_assert_true (notes_have (notes, "3 events of year precision left out of the calendar"));
  g_assert_true (notes_have (notes, "6 events of month precision left out of the calendar"));
  unfolded = unfold (text);
  g_assert_nonnull (strstr (unfolded, "\\n\\nYoon Suk Yeol\\, Murat Nurtleu · Seoul\\n\\nSource: "));

  /* Every line ends in CRLF and holds at most 75 octets. */
  g_assert_null (strstr (text, "\n\n"));
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_cmpint (p[-1], ==, '\r');
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }
}

static void
test_ics_timed (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("timed.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *text = NULL;
  const char *berlin;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  bytes = export (dossier, "ics", notes);
  again = export (dossier, "ics", NULL);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  /* The same story gives the same file, UIDs and all. */
  g_assert_true (g_bytes_equal (bytes, again));

  folded = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  text = unfold (folded);
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:20231114T221320Z\r\n"));

  /* Across the change to summer time, in the zone's own wall clock. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20240330T100000\r\n"
                                  "DTEND;TZID=Europe/Berlin:20240331T120000\r\n"));
  berlin = strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n");
  g_assert_nonnull (berlin);
  g_assert_nonnull (strstr (berlin, "BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\n"
                                    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"));
  g_assert_nonnull (strstr (berlin, "TZOFFSETTO:+0100\r\nTZNAME:CET\r\n"));
  /* An offset matching the place's zone takes its name; another, UTC. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Seoul:20241104T140000\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART:20240601T053000Z\r\n"));
  g_assert_true (notes_have (notes, "1 event's time has an offset but no named time zone"));
  /* A time to a whole day: to the midnight after it. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Seoul:20240701T150000\r\n"
                                  "DTEND;TZID=Asia/Seoul:20240703T000000\r\n"));
  g_assert_cmpuint (count_lines_with_prefix (text, "BEGIN:VEVENT"), ==, 7);
  g_assert_true (notes_have (notes, "2 events of year precision left out of the calendar"));
  g_assert_true (notes_have (notes, "1 event of month precision left out of the calendar"));

  /* TEXT values escape \ ; , and newlines; markup stays characters. */
  g_assert_nonnull (strstr (text, "Test source\\; with\\, commas \\\\ and a backslash"));
  g_assert_nonnull (strstr (text, "SUMMARY:\u2068<script>alert(1)</script> & <b>bold</b> \"q\" 'a' "
                                  "\u202egnp.exe bell[31m\u2069\r\n"));
  g_assert_nonnull (strstr (text, "line one\\nline two"));
  assert_clean_text (text);
}

/* TimelineJS's template of cosmological and human dates. */
static GbDossier *
load_cosmo_mixed (void)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_test_load_fixture_file ("import", "TimelineJS3_cosmo-mixed.json",
                                                  &error);

  g_assert_no_error (error);
  return dossier;
}

/* Years before 1 go to TimelineJS as it numbers them (our -299 is its -300,
 * 300 BCE), and come back the same; its spreadsheet likewise. */
static void
test_timelinejs_deep_time (void)
{
  g_autoptr(GbDossier) dossier = load_cosmo_mixed ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GbDossier) back = NULL;
  g_autoptr(GbDossier) back_csv = NULL;
  g_autofree char *csv_text = NULL;
  JsonArray *slides;

  bytes = export (dossier, "timelinejs", NULL);
  root = parse_json (bytes);
  slides = json_object_get_array_member (json_node_get_object (root), "events");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_array_get_object_element (slides, 0), "start_date"), "year"), ==,
                   G_GINT64_CONSTANT (-13800000000));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_array_get_object_element (slides, 5), "start_date"), "year"), ==,
                   -300);

  csv = export (dossier, "timelinejs-csv", NULL);
  csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_nonnull (strstr (csv_text, "\r\n-13800000000,"));

  back = reimport (bytes, "cosmo.json");
  back_csv = reimport (csv, "cosmo.csv");
  for (guint i = 0; i < g_list_model_get_n_items (gb_dossier_get_events (dossier)); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (gb_dossier_get_events (dossier), i);
      g_autoptr(GbItem) again = g_list_model_get_item (gb_dossier_get_events (back), i);
      g_autoptr(GbItem) again_csv = g_list_model_get_item (gb_dossier_get_events (back_csv), i);
      g_autofree char *date = gb_date_to_string (gb_item_get_date (event));
      g_autofree char *date_again = gb_date_to_string (gb_item_get_date (again));
      g_autofree char *date_csv = gb_date_to_string (gb_item_get_date (again_csv));

      g_assert_cmpstr (date_again, ==, date);
      g_assert_cmpstr (date_csv, ==, date);
    }
}

/* iCalendar has no year before 1: such events are left out, and named. */
static void
test_ics_deep_time (void)
{
  g_autoptr(GbDossier) dossier = load_cosmo_mixed ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  bytes = export (dossier, "ics", notes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* the Moon landing and Hubble: the only events to the day */
  g_assert_cmpuint (count_lines_with_prefix (text, "BEGIN:VEVENT"), ==, 2);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:19690720\r\n"));
  g_assert_true (notes_have (notes, "6 events before the year 1 left out of the calendar, "
                                    "whose years begin at 1: “The Big Bang”; “The Sun Ignites”; "));
  g_assert_true (notes_have (notes, "“First Manufactured Glass”…"));
  g_assert_true (notes_have (notes, "2 events of year precision left out of the calendar"));
}

/* Only the zone's intervals that hold a written time: three observances
 * for 1900 and 2050, not three hundred. */
static void
test_ics_century (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("century.json");
  g_autoptr(GBytes) bytes = export (dossier, "ics", NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (count_lines_with_prefix (text, "BEGIN:VTIMEZONE"), ==, 1);
  g_assert_cmpuint (count_lines_with_prefix (text, "BEGIN:STANDARD") +
                    count_lines_with_prefix (text, "BEGIN:DAYLIGHT"), ==, 3);
  g_assert_nonnull (strstr (text, "BEGIN:STANDARD\r\nDTSTART:20491031T030000\r\n"
                                  "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:DAYLIGHT\r\nDTSTART:20500327T020000\r\n"
                                  "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:19000101T100000\r\n"));
}

static JsonObject *
find_feature (JsonArray  *features,
              const char *id)
{
  return find_by_member (features, "id", id);
}

static void
test_geojson_bundled (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GBytes) bytes = export (dossier, "geojson", NULL);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonObject *obj = json_node_get_object (root);
  JsonArray *features = json_object_get_array_member (obj, "features");
  JsonObject *seoul = find_feature (features, "place-seoul");
  JsonArray *position = json_object_get_array_member (json_object_get_object_member (seoul,
                                                                                     "geometry"),
                                                      "coordinates");
  JsonObject *route = find_feature (features, "route-nqz-icn");
  JsonObject *geometry = json_object_get_object_member (route, "geometry");
  JsonObject *properties = json_object_get_object_member (route, "properties");
  JsonArray *line = json_object_get_array_member (geometry, "coordinates");

  g_assert_cmpstr (json_object_get_string_member (obj, "type"), ==, "FeatureCollection");
  g_assert_cmpuint (json_array_get_length (features), ==, 5);
  /* Longitude first. */
  g_assert_cmpfloat (json_array_get_double_element (position, 0), ==, 126.978);
  g_assert_cmpfloat (json_array_get_double_element (position, 1), ==, 37.5665);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (seoul,
                                                                                 "properties"),
                                                  "kind"), ==, "city");

  /* Densified along the geodesic, from Astana to Incheon. */
  g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "LineString");
  g_assert_cmpuint (json_array_get_length (line), >, 10);
  g_assert_cmpfloat_with_epsilon (
    json_array_get_double_element (json_array_get_array_element (line, 0), 0), 71.4669, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (properties, "mode"), ==, "flight");
  g_assert_cmpstr (json_object_get_string_member (properties, "source"), ==,
                   "src-korea-herald-2024-06-12");
  g_assert_nonnull (json_object_get_string_member (properties, "quote"));
  /* GeographicLib: 4523.97 km */
  g_assert_cmpfloat (json_object_get_double_member (properties, "distance_km"), ==, 4524.0);
}

static void
test_geojson_antimeridian (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("timed.json");
  g_autoptr(GBytes) bytes = export (dossier, "geojson", NULL);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonArray *features = json_object_get_array_member (json_node_get_object (root), "features");
  JsonObject *geometry = json_object_get_object_member (find_feature (features, "route-suva-apia"),
                                                        "geometry");
  JsonArray *lines = json_object_get_array_member (geometry, "coordinates");
  JsonArray *west, *east;
  JsonArray *end, *start;

  g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "MultiLineString");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonArray *line = json_array_get_array_element (lines, i);

      for (guint j = 0; j < json_array_get_length (line); j++)
        {
          JsonArray *p = json_array_get_array_element (line, j);

          g_assert_cmpfloat (fabs (json_array_get_double_element (p, 0)), <=, 180.0);
          g_assert_cmpfloat (fabs (json_array_get_double_element (p, 1)), <=, 90.0);
        }
    }

  /* Suva to 180°, then −180° on to Apia, at the same latitude. */
  west = json_array_get_array_element (lines, 0);
  east = json_array_get_array_element (lines, 1);
  end = json_array_get_array_element (west, json_array_get_length (west) - 1);
  start = json_array_get_array_element (east, 0);
  g_assert_cmpfloat (json_array_get_double_element (end, 0), ==, 180.0);
  g_assert_cmpfloat (json_array_get_double_element (start, 0), ==, -180.0);
  g_assert_cmpfloat (json_array_get_double_element (end, 1), ==,
                     json_array_get_double_element (start, 1));
  g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (west, 0), 0),
                     ==, 178.4419);
  g_assert_cmpfloat (json_array_get_double_element (
                       json_array_get_array_element (east, json_array_get_length (east) - 1), 0),
                     ==, -171.7667);

  /* A route that stays on one side is one line. */
  geometry = json_object_get_object_member (find_feature (features, "route-berlin-seoul"),
                                            "geometry");
  g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "LineString");
}

static void
test_geojson_hostile (void)
{
  g_autoptr(GbDossier) dossier = load_fixture ("timed.json");
  g_autoptr(GBytes) bytes = export (dossier, "geojson", NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonObject *title = json_node_get_object (root);

  g_assert_nonnull (title);
  assert_clean_text (text);
  /* No raw control character even escaped: they are gone. */
  g_assert_null (strstr (text, "\\u0007"));
  g_assert_null (strstr (text, "\\u0001"));
}

/* A file to write in a folder of its own, and one in a folder that is not. */
typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
  GFile *bad;
} Target;

static void
target_set_up (Target        *t,
               gconstpointer  data)
{
  g_autofree char *missing = NULL;

  t->dir = g_dir_make_tmp ("gb-export-XXXXXX", NULL);
  t->path = g_build_filename (t->dir, "story.ics", NULL);
  missing = g_build_filename (t->dir, "no-such-folder", "story.ics", NULL);
  t->file = g_file_new_for_path (t->path);
  t->bad = g_file_new_for_path (missing);
}

static void
target_tear_down (Target        *t,
                  gconstpointer  data)
{
  g_unlink (t->path);
  g_assert_cmpint (g_rmdir (t->dir), ==, 0);
  g_clear_object (&t->file);
  g_clear_object (&t->bad);
  g_free (t->path);
  g_free (t->dir);
}

/* Writing over a file replaces it whole and leaves nothing beside it. */
static void
test_to_file (Target        *t,
              gconstpointer  data)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  const char *path = t->path;
  GFile *file = t->file, *bad = t->bad;
  const char *dir = t->dir;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old contents, longer than nothing", -1, NULL));
  g_assert_true (gb_export_to_file (gb_export_lookup_format ("ics"), dossier, file, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));

  g_assert_false (gb_export_to_file (gb_export_lookup_format ("ics"), dossier, bad, NULL, NULL,
                                     &error));
  g_assert_nonnull (error);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **notes = user_data;
  g_autoptr(GError) error = NULL;

  *notes = gb_export_to_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
failed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (gb_export_to_file_finish (result, error));
}

/* The window's way: the same file and notes, without blocking. */
static void
test_to_file_async (Target        *t,
                    gconstpointer  data)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  const GbExportFormat *format = gb_export_lookup_format ("ics");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  gb_export_to_file_async (format, dossier, t->file, NULL, exported_cb, &notes);
  /* The story may go at once: what is written was made already. */
  g_clear_object (&dossier);
  while (notes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (notes_have (notes, "3 events of year precision left out of the calendar"));
  g_assert_true (g_file_get_contents (t->path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count_lines_with_prefix (contents, "BEGIN:VEVENT"), ==, 6);

  dossier = gb_test_load_bundled ();
  gb_export_to_file_async (format, dossier, t->bad, NULL, failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/timelinejs/bundled", test_timelinejs_bundled);
  g_test_add_func ("/export/timelinejs/hostile", test_timelinejs_hostile);
  g_test_add_func ("/export/timelinejs/round-trip", test_timelinejs_round_trip);
  g_test_add_func ("/export/timelinejs/eras-again", test_timelinejs_eras_again);
  g_test_add_func ("/export/timelinejs-csv/round-trip", test_timelinejs_csv_round_trip);
  g_test_add_func ("/export/timelinejs-csv/quoting", test_timelinejs_csv_quoting);
  g_test_add_func ("/export/storymap/round-trip", test_storymap_round_trip);
  g_test_add_func ("/export/storymap/hostile", test_storymap_hostile);
  g_test_add_func ("/export/ics/bundled", test_ics_bundled);
  g_test_add_func ("/export/ics/timed", test_ics_timed);
  g_test_add_func ("/export/ics/century", test_ics_century);
  g_test_add_func ("/export/ics/deep-time", test_ics_deep_time);
  g_test_add_func ("/export/timelinejs/deep-time", test_timelinejs_deep_time);
  g_test_add_func ("/export/geojson/bundled", test_geojson_bundled);
  gb_test_add_cases ("/export/not-carried", not_carried, test_not_carried);
  g_test_add_func ("/export/geojson/antimeridian", test_geojson_antimeridian);
  g_test_add_func ("/export/geojson/hostile", test_geojson_hostile);
  g_test_add ("/export/to-file", Target, NULL, target_set_up, test_to_file, target_tear_down);
  g_test_add ("/export/to-file-async", Target, NULL, target_set_up, test_to_file_async,
              target_tear_down);

  return g_test_run ();
}
