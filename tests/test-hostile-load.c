/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gb-dossier-loader.h"
#include "gb-escape.h"
#include "gb-event.h"
#include "gb-labels.h"
#include "gb-place.h"
#include "gb-source.h"
#include "gb-test-load.h"
#include "gb-time-zone.h"

/* Hostile files (issue 14) as the loader meets them: each is refused or
 * loaded quickly, with messages a person can read and act on. The fixtures
 * are in tests/fixtures/hostile/; the big ones are made here. */

#define HEAD "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\",\"title\":\"T\","
#define SRC  "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}]"

/* One event listing @n places: @n places and a list of their ids, then @extra. */
static GString *
make_long_list (guint       n,
                const char *extra)
{
  GString *json = g_string_new (HEAD SRC ",\"places\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"p%u\",\"name\":\"P\",\"kind\":\"city\","
                            "\"lat\":1,\"lon\":2,\"source\":\"s\"}", i ? "," : "", i);
  g_string_append (json, "],\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2024\","
                   "\"source\":\"s\",\"places\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"p%u\"", i ? "," : "", i);
  g_string_append_printf (json, "%s]}]}", extra);

  return json;
}

/* Item 3: checking a list for repeats takes time in proportion to its length. */
static void
test_long_reference_list (void)
{
  g_autoptr(GString) json = make_long_list (200000, "");
  g_autoptr(GString) twice = make_long_list (1000, ",\"p999\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  gint64 start = g_get_monotonic_time ();
  GbEvent *event;

  dossier = gb_test_load_string (json->str, &error);
  g_assert_no_error (error);
  g_test_message ("200,000 references loaded in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  event = GB_EVENT (gb_dossier_lookup (dossier, "e"));
  g_assert_cmpuint (gb_event_get_places (event)->len, ==, 200000);
  g_assert_true (g_ptr_array_index (gb_event_get_places (event), 199999) ==
                 (gpointer) gb_dossier_lookup (dossier, "p199999"));
  g_clear_object (&dossier);

  /* Repeats are still found. */
  dossier = gb_test_load_string (twice->str, &error);
  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "events[0].places[1000]: lists “p999” twice"));
  g_clear_error (&error);

  g_assert_null (gb_test_load_fixture_file ("hostile", "refs-repeated.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "events[0].places[8]: lists “p3” twice"));
}

/* Item 2: a zone is an IANA name, never a path or a POSIX rule. */
static const char * const bad_zones[] = {
  "/etc/hostname", "../../../etc/passwd", "/proc/self/environ", "/etc/localtime", "EST5EDT",
  "UTC+5", "Asia/../../etc/passwd", "Asia//Seoul", "Asia/Seoul/", "Asia/.Seoul",
  "Nowhere/Atlantis",
};
static const char * const good_zones[] = { "Asia/Almaty", "Asia/Seoul", "UTC" };

static void
test_zone_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_zones); i++)
    {
      g_assert_false (gb_time_zone_name_is_known (bad_zones[i]));
      g_assert_null (gb_time_zone_new_known (bad_zones[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good_zones); i++)
    {
      g_autoptr(GTimeZone) zone = gb_time_zone_new_known (good_zones[i]);

      g_assert_nonnull (zone);
      g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, good_zones[i]);
    }
  g_assert_true (gb_time_zone_name_is_known ("America/Argentina/Buenos_Aires"));
  g_assert_true (gb_time_zone_name_is_known ("Etc/GMT+5"));
}

/* Every field that names a zone: a place's and a date's. */
static void
test_zone_fields (void)
{
  g_autoptr(GError) error = NULL;
  guint n_zones = G_N_ELEMENTS (bad_zones) + G_N_ELEMENTS (good_zones);
  g_auto(GStrv) lines = NULL;

  g_assert_null (gb_test_load_fixture_file ("hostile", "timezone-paths.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 * G_N_ELEMENTS (bad_zones));

  for (guint i = 0; i < n_zones; i++)
    {
      g_autofree char *place = g_strdup_printf (": places[%u].timezone: ", i);
      g_autofree char *date = g_strdup_printf (": events[%u].date.start: ", i);
      gboolean bad = i < G_N_ELEMENTS (bad_zones);

      g_assert_true ((strstr (error->message, place) != NULL) == bad);
      g_assert_true ((strstr (error->message, date) != NULL) == bad);
    }
}

typedef struct
{
  GMutex     lock;
  GCond      done_cond;
  gboolean   done;
  char      *json;
  GError    *error;
} ZoneLoad;

static gpointer
load_thread (gpointer data)
{
  ZoneLoad *load = data;
  g_autoptr(GbDossier) dossier = gb_test_load_string (load->json, &load->error);

  g_assert_null (dossier);
  g_mutex_lock (&load->lock);
  load->done = TRUE;
  g_cond_signal (&load->done_cond);
  g_mutex_unlock (&load->lock);
  return NULL;
}

/* A FIFO named as a zone would block whoever opens it, for ever. */
static void
test_zone_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gb-zone-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  ZoneLoad load = { 0 };
  GThread *thread;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  load.json = g_strdup_printf (HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\","
                               "\"kind\":\"city\",\"lat\":1,\"lon\":2,\"source\":\"s\","
                               "\"timezone\":\"%s\"}],\"events\":[{\"id\":\"e\",\"title\":\"E\","
                               "\"source\":\"s\",\"date\":{\"start\":\"2024-11-04T10:00\","
                               "\"zone\":\"%s\"}}]}", fifo, fifo);

  thread = g_thread_new ("load", load_thread, &load);
  g_mutex_lock (&load.lock);
  while (!load.done)
    if (!g_cond_wait_until (&load.done_cond, &load.lock, deadline))
      g_error ("loading a dossier that names a FIFO as a zone blocked");
  g_mutex_unlock (&load.lock);
  g_thread_join (thread);

  g_assert_error (load.error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (load.error->message, "places[0].timezone"));
  g_assert_nonnull (strstr (load.error->message, "events[0].date.start"));

  g_clear_error (&load.error);
  g_free (load.json);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Item 1: a long value is quoted cut, wherever a message quotes one. @ is where
 * the megabyte goes. */
typedef struct
{
  const char *name;
  const char *json;
} LongValue;

#define LONG_PLACE "\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\",\"lat\":1," \
                   "\"lon\":2,\"source\":\"s\""
#define LONG_EVENT "\"events\":[{\"id\":\"e\",\"title\":\"E\",\"source\":\"s\""

static const LongValue long_values[] = {
  { "id", "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"title\":\"T\",\"id\":\"-@\"}" },
  { "item-id", HEAD SRC ",\"places\":[{\"id\":\"-@\"}]}" },
  { "language", HEAD SRC "," LONG_PLACE ",\"description\":{\"@\":\"x\"}}]}" },
  { "enum", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"@\",\"lat\":1,"
    "\"lon\":2,\"source\":\"s\"}]}" },
  { "country", HEAD SRC "," LONG_PLACE ",\"country\":\"@\"}]}" },
  { "timezone", HEAD SRC "," LONG_PLACE ",\"timezone\":\"@\"}]}" },
  { "reference", HEAD SRC "," LONG_EVENT ",\"date\":\"2024\",\"places\":[\"@\"]}]}" },
  { "source", HEAD SRC ",\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2024\","
    "\"source\":\"@\"}]}" },
  { "date", HEAD SRC "," LONG_EVENT ",\"date\":\"2024@\"}]}" },
  { "zone", HEAD SRC "," LONG_EVENT ",\"date\":{\"start\":\"2024-11-04T10:00\","
    "\"zone\":\"@\"}}]}" },
  { "link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"https://@\"}]}" },
  { "timelinejs-date", "{\"events\":[{\"start_date\":{\"year\":\"x@\"},"
    "\"text\":{\"headline\":\"H\"}}]}" },
  { "storymap-coordinate", "{\"storymap\":{\"slides\":[{\"type\":\"overview\"},"
    "{\"location\":{\"lat\":\"x@\",\"lon\":2},\"text\":{\"headline\":\"H\"}}]}}" },
};

static void
test_long_value (gconstpointer data)
{
  const LongValue *v = data;
  g_auto(GStrv) parts = g_strsplit (v->json, "@", 2);
  g_autoptr(GString) json = g_string_new (parts[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  /* Short enough for a link, long enough to hurt as a label. */
  guint n = g_str_equal (v->name, "link") ? 1900 : 1024 * 1024;

  for (guint i = 0; i < n; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, parts[1]);

  dossier = gb_test_load_string (json->str, &error);
  g_assert_null (dossier);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (strlen (error->message), <, 1000);
  /* Located, though the path cuts a long member name. */
  g_assert_true (g_str_has_prefix (error->message, "test.json:1:"));
  g_assert_nonnull (strstr (error->message, "abcdefghijklm"));
  g_assert_nonnull (strstr (error->message, "…"));
}

/* The fixture: long values in many fields at once. */
static void
test_long_values_fixture (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gb_test_load_fixture_file ("hostile", "long-values.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 3000);
  g_assert_null (strstr (error->message, "abcdefghijklmnopqrstuvwxyzabc"));
}

/* Item 4: what would act on a terminal is written out. */
static void
test_escape_controls (void)
{
  static const struct { const char *in, *out, *kept; } cases[] = {
    { "a\033[2Jb", "a\\x1b[2Jb", NULL },
    { "\033]8;;https://x\007y", "\\x1b]8;;https://x\\x07y", NULL },
    { "del\177 c1\302\233", "del\\x7f c1\\u009b", NULL },
    { "\342\200\256rlo \342\201\246lri", "\\u202erlo \\u2066lri", NULL },
    { "bad\377utf8", "bad\\xffutf8", NULL },
    { "two\nlines\ttab", "two\\x0alines\\x09tab", "two\nlines\\x09tab" },
    { "plain Сеул 서울", "plain Сеул 서울", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gb_escape_controls (cases[i].in, -1, GB_ESCAPE_FLAGS_NONE);
      g_autofree char *kept = gb_escape_controls (cases[i].in, -1,
                                                  GB_ESCAPE_FLAGS_KEEP_NEWLINES);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpstr (kept, ==, cases[i].kept != NULL ? cases[i].kept : cases[i].out);
    }
}

/* Whether every isolate in @text is closed by its own PDI and nothing is left
 * open at the end: what follows the text then keeps its direction. */
static gboolean
is_balanced (const char *text)
{
  g_autoptr(GString) open = g_string_new (NULL);   /* 'I' isolates, 'E' embeddings */

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2066 && c <= 0x2068)
        g_string_append_c (open, 'I');
      else if (c >= 0x202A && c <= 0x202E && c != 0x202C)
        g_string_append_c (open, 'E');
      else if (c == 0x202C && open->len > 0 && open->str[open->len - 1] == 'E')
        g_string_truncate (open, open->len - 1);
      else if (c == 0x2069)
        {
          const char *isolate = strrchr (open->str, 'I');

          if (isolate == NULL)
            return FALSE;
          g_string_truncate (open, isolate - open->str);
        }
    }

  return open->len == 0;
}

/* Item 5: each name is isolated on its own, its controls balanced. */
static void
test_bidi_joined (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_test_load_fixture_file ("hostile", "bidi-names.json",
                                                            &error);
  g_autofree char *meta = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *source_line = NULL;
  g_autofree char *place = NULL;

  g_assert_no_error (error);
  meta = gb_labels_dup_item_meta (gb_dossier_lookup (dossier, "e"));
  citation = gb_labels_dup_source_citation (gb_dossier_lookup (dossier, "e"));
  source_line = gb_labels_dup_source_line (gb_dossier_lookup (dossier, "e"));
  place = gb_labels_dup_place_name (GB_PLACE (gb_dossier_lookup (dossier, "seoul")));

  /* An override in the first name ends with it; a stray PDI is dropped. */
  g_assert_cmpstr (meta, ==,
                   "\u2068\u202Eevil\u2069, Cho Tae-yul, \u2068xy \u202Bz\u2069 · Seoul");
  /* An unterminated FSI is closed inside the publisher: the date stays out. */
  g_assert_cmpstr (citation, ==,
                   "Context source: Art — \u2068Pub \u2068open\u2069\u2069, 5 November 2024");
  g_assert_cmpstr (source_line, ==,
                   "Context source: \u2068Pub \u2068open\u2069\u2069, 5 November 2024");
  g_assert_cmpstr (place, ==, "Seoul — \u2068\u2067Capital\u2069\u2069");
  g_assert_true (is_balanced (meta));
  g_assert_true (is_balanced (citation));
  g_assert_true (is_balanced (source_line));
  g_assert_true (is_balanced (place));
}

/* Item 8: every message has a line and column, in the order of the file; an
 * item that failed is not "not in the dossier". */
static void
test_problems_in_order (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint last_line = 0;

  g_assert_null (gb_test_load_fixture_file ("hostile", "problems-order.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 32);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = 0, column = 0;
      const char *rest = strstr (lines[i], ".json:");

      g_assert_nonnull (rest);
      if (sscanf (rest, ".json:%u:%u:", &line, &column) != 2)
        g_error ("no line and column: %s", lines[i]);
      g_assert_cmpuint (line, >=, last_line);
      last_line = line;
    }
  /* The events come first in the file, though the places are read first. */
  g_assert_nonnull (strstr (lines[0], "events[0].date"));
  g_assert_nonnull (strstr (lines[15], "events[15].places[0]: refers to “broken”, which could "
                            "not be loaded: see its own problems"));
  g_assert_nonnull (strstr (lines[16], "places[0].kind"));
  g_assert_nonnull (strstr (lines[31], "places[15].lat"));
  g_clear_error (&error);

  /* A member missing at the top level points at the top-level object. */
  g_assert_null (gb_test_load_string ("\n {\"format\":\"golden-bridge-dossier\",\"version\":1,"
                                      "\"id\":\"x\"}", &error));
  g_assert_cmpstr (error->message, ==, "test.json:2:2: top level: “title” is missing");
}

/* Item 8: StoryMapJS coordinates in strings are plain decimals, all alike. */
static void
test_storymap_coordinates (void)
{
  static const struct { const char *lat; gboolean ok; } cases[] = {
    { "43", TRUE }, { "-12.5", TRUE }, { "0.25", TRUE },
    { "0x10", FALSE }, { " 5", FALSE }, { "5 ", FALSE }, { "+5", FALSE }, { "1e1", FALSE },
    { "5.", FALSE }, { ".5", FALSE }, { "inf", FALSE }, { "", FALSE }, { "-", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"storymap\":{\"slides\":[{\"type\":\"overview\"},"
                                               "{\"location\":{\"lat\":\"%s\",\"lon\":2},"
                                               "\"text\":{\"headline\":\"H\"}}]}}",
                                               cases[i].lat);
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = gb_test_load_string (json, &error);

      if (cases[i].ok)
        g_assert_no_error (error);
      else if (error == NULL || strstr (error->message, "slides[1].location.lat") == NULL)
        g_error ("“%s” accepted as a coordinate", cases[i].lat);
    }
}

/* Item 8: a member given twice is refused, naming both lines. */
static void
test_duplicate_keys (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gb_test_load_fixture_file ("hostile", "duplicate-keys.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "duplicate-keys.json:7:2: title: The member "
                            "“title” is given twice in one object, at line 5 and again at "
                            "line 7"));
}

/* Item 7: what the window would refuse, --validate reports; the importers
 * don't print a refused link into a description. */
static void
test_refused_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) timeline = NULL;
  g_autoptr(GListModel) events = NULL;
  GListModel *sources;

  g_assert_null (gb_test_load_fixture_file ("hostile", "links.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sources[0].url: the link carries a user name"));
  g_assert_nonnull (strstr (error->message, "sources[1].url: the link contains U+202E"));
  g_assert_nonnull (strstr (error->message, "sources[2].url: only http and https"));
  g_assert_null (strstr (error->message, "sources[3]"));
  g_clear_error (&error);

  timeline = gb_test_load_fixture_file ("hostile", "timelinejs-media-links.json", &error);
  g_assert_no_error (error);
  events = g_object_ref (gb_dossier_get_items_of_kind (timeline, GB_ITEM_KIND_EVENT));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);
      const char *description = gb_item_get_description (event);

      g_assert_true (description == NULL || strstr (description, "good.example") == NULL);
    }
  sources = gb_dossier_get_items_of_kind (timeline, GB_ITEM_KIND_SOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (sources), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(GbSource) source = g_list_model_get_item (sources, i);

      g_assert_null (gb_source_get_url (source));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-load/refs/long-list", test_long_reference_list);
  for (guint i = 0; i < G_N_ELEMENTS (long_values); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile-load/long-value/%s",
                                               long_values[i].name);

      g_test_add_data_func (path, &long_values[i], test_long_value);
    }
  g_test_add_func ("/hostile-load/long-value/fixture", test_long_values_fixture);
  g_test_add_func ("/hostile-load/escape/controls", test_escape_controls);
  g_test_add_func ("/hostile-load/bidi/joined", test_bidi_joined);
  g_test_add_func ("/hostile-load/problems/order", test_problems_in_order);
  g_test_add_func ("/hostile-load/problems/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/hostile-load/problems/storymap-coordinates", test_storymap_coordinates);
  g_test_add_func ("/hostile-load/links/refused", test_refused_links);
  g_test_add_func ("/hostile-load/zones/names", test_zone_names);
  g_test_add_func ("/hostile-load/zones/fields", test_zone_fields);
  g_test_add_func ("/hostile-load/zones/fifo", test_zone_fifo);

  return g_test_run ();
}
