/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gb-agreement.h"
#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-selection.h"
#include "gb-source.h"
#include "gb-test-load.h"

#define HEAD "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\",\"title\":\"T\","
#define SRC  "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}]"
#define ART  "\"sources\":[{\"id\":\"a\",\"kind\":\"article\",\"title\":\"A\",\"text\":\"One. Two.\"}]"
#define PLACE "{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\",\"lat\":1,\"lon\":2,\"source\":\"s\"}"

static void
test_bundled_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);

  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 15);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_places (dossier)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_routes (dossier)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_agreements (dossier)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_figures (dossier)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_people (dossier)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_organisations (dossier)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_sources (dossier)), ==, 10);
}

/* Every reference points at an item of this dossier; every item has its
 * provenance; every article quote is in the article. */
static void
test_bundled_references (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  guint n_quotes = 0;

  g_assert_nonnull (dossier);

  for (GbItemKind kind = GB_ITEM_KIND_SOURCE; kind <= GB_ITEM_KIND_ORGANISATION; kind++)
    {
      GListModel *list = gb_dossier_get_items_of_kind (dossier, kind);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (list, i);
          g_autoptr(GPtrArray) refs = gb_item_dup_references (item);
          GbSource *source = gb_item_get_source (item);

          g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (item)) == item);
          for (guint r = 0; r < refs->len; r++)
            g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (refs->pdata[r])) == refs->pdata[r]);

          if (kind == GB_ITEM_KIND_SOURCE)
            continue;

          g_assert_nonnull (source);
          g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (GB_ITEM (source))) == GB_ITEM (source));
          if (gb_source_get_source_kind (source) == GB_SOURCE_KIND_ARTICLE)
            {
              g_assert_nonnull (gb_item_get_quote (item));
              g_assert_nonnull (strstr (gb_source_get_text (source), gb_item_get_quote (item)));
              g_assert_false (gb_item_is_context (item));
              n_quotes++;
            }
          else
            g_assert_true (gb_item_is_context (item));
        }
    }

  /* The article's facts are many; the context is the rest. */
  g_assert_cmpuint (n_quotes, >=, 20);
}

static void
test_bundled_facts (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  GListModel *routes = gb_dossier_get_routes (dossier);
  g_autoptr(GbRoute) route = g_list_model_get_item (routes, 0);
  GbPlace *from = gb_route_get_from (route);
  GbPlace *to = gb_route_get_to (route);
  GListModel *events = gb_dossier_get_events (dossier);
  g_autoptr(GbItem) first = g_list_model_get_item (events, 0);

  g_assert_cmpstr (gb_place_get_iata (from), ==, "NQZ");
  g_assert_cmpstr (gb_place_get_iata (to), ==, "ICN");
  g_assert_cmpfloat_with_epsilon (gb_place_get_latitude (from), 51.0222, 1e-9);
  g_assert_cmpfloat_with_epsilon (gb_place_get_longitude (to), 126.4407, 1e-9);

  /* Sorted by date: diplomatic relations, 28 January 1992, come first. */
  g_assert_cmpstr (gb_item_get_id (first), ==, "ctx-evt-diplomatic-relations");
  g_assert_cmpint (gb_date_get_start (gb_item_get_date (first))->year, ==, 1992);
}

static void
test_linked (void)
{
  g_autoptr(GbDossier) dossier =
    gb_test_load_string (HEAD SRC ",\"places\":[" PLACE "],"
                         "\"events\":[{\"id\":\"e\",\"title\":\"E\","
                         "\"date\":\"2024\",\"places\":[\"p\"],\"source\":\"s\"}],"
                         "\"agreements\":[{\"id\":\"g\",\"title\":\"G\","
                         "\"kind\":\"plan\",\"status\":\"signed\",\"event\":\"e\","
                         "\"source\":\"s\"}]}", NULL);
  GbItem *place = gb_dossier_lookup (dossier, "p");
  GbItem *event = gb_dossier_lookup (dossier, "e");
  GbItem *agreement = gb_dossier_lookup (dossier, "g");
  g_autoptr(GPtrArray) of_place = gb_dossier_dup_linked (dossier, place);
  g_autoptr(GPtrArray) of_event = gb_dossier_dup_linked (dossier, event);
  g_autoptr(GbSelection) selection = gb_selection_new ();

  g_assert_nonnull (dossier);
  g_assert_cmpuint (of_place->len, ==, 1);
  g_assert_true (of_place->pdata[0] == event);
  g_assert_cmpuint (of_event->len, ==, 2);
  g_assert_true (g_ptr_array_find (of_event, place, NULL));
  g_assert_true (g_ptr_array_find (of_event, agreement, NULL));

  gb_selection_set_dossier (selection, dossier);
  gb_selection_set_item (selection, agreement);
  g_assert_true (gb_selection_is_linked (selection, agreement));
  g_assert_true (gb_selection_is_linked (selection, event));
  /* Through its signing event. */
  g_assert_true (gb_selection_is_linked (selection, place));
  gb_selection_set_item (selection, place);
  g_assert_false (gb_selection_is_linked (selection, agreement));
}

static const GbTestRefusal refusals[] = {
  /* Before parsing */
  { "empty", "", GB_LOAD_ERROR_UNSAFE, "empty" },
  { "whitespace", "  \n\t ", GB_LOAD_ERROR_UNSAFE, "empty" },
  { "not-json", "hello, world", GB_LOAD_ERROR_UNSAFE, "test.json:1:1" },
  { "truncated", HEAD SRC, GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  { "huge-integer", HEAD "\"x\":123456789012345678901234567890," SRC "}", GB_LOAD_ERROR_UNSAFE, "x" },
  { "beyond-2^53", HEAD "\"x\":9007199254740993," SRC "}", GB_LOAD_ERROR_UNSAFE, "x" },
  { "infinite", HEAD "\"x\":1e400," SRC "}", GB_LOAD_ERROR_UNSAFE, "x" },
  { "nul-escape", HEAD "\"summary\":\"a\\u0000b\"," SRC "}", GB_LOAD_ERROR_UNSAFE, "summary" },
  { "invalid-utf8", HEAD "\"summary\":\"a\xff\xfe\"," SRC "}", GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  { "deep", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  /* Not a dossier */
  { "array-root", "[1, 2]", GB_LOAD_ERROR_FORMAT, "object" },
  /* TimelineJS 3 and StoryMapJS files are imported: see test-import.c */
  { "timelinejs2", "{\"timeline\":{}}", GB_LOAD_ERROR_FORMAT, "TimelineJS 2" },
  { "no-format", "{\"title\":\"T\"}", GB_LOAD_ERROR_FORMAT, "“format” is missing" },
  { "other-format", "{\"format\":\"x\",\"version\":1}", GB_LOAD_ERROR_FORMAT, "format" },
  { "unknown-version", "{\"format\":\"golden-bridge-dossier\",\"version\":3}",
    GB_LOAD_ERROR_FORMAT, "version 3" },
  { "version-string", "{\"format\":\"golden-bridge-dossier\",\"version\":\"1\"}",
    GB_LOAD_ERROR_FORMAT, "version" },
  /* Checked after parsing */
  { "no-title", "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\"}",
    GB_LOAD_ERROR_INVALID, "top level: “title” is missing" },
  { "wrong-type", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\","
    "\"lat\":\"51\",\"lon\":2,\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "places[0].lat: should be a number" },
  { "latitude-range", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\","
    "\"lat\":91,\"lon\":2,\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "test.json:1:" },
  { "longitude-range", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\","
    "\"lat\":1,\"lon\":-180.5,\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "places[0].lon" },
  { "bad-date", HEAD SRC ",\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2023-02-30\","
    "\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "events[0].date" },
  { "bad-range", HEAD SRC ",\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":{\"start\":\"2027\","
    "\"end\":\"2025\"},\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "events[0].date.end" },
  { "time-without-zone", HEAD SRC ",\"events\":[{\"id\":\"e\",\"title\":\"E\","
    "\"date\":\"2024-11-04T14:00\",\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "events[0].date" },
  { "duplicate-id", HEAD SRC ",\"places\":[" PLACE "," PLACE "]}", GB_LOAD_ERROR_INVALID,
    "places[1].id: “p” is used by another item" },
  { "dangling-reference", HEAD SRC ",\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2024\","
    "\"places\":[\"nowhere\"],\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID,
    "events[0].places[0]: refers to “nowhere”" },
  { "wrong-kind-reference", HEAD SRC ",\"places\":[" PLACE "],\"events\":[{\"id\":\"e\","
    "\"title\":\"E\",\"date\":\"2024\",\"people\":[\"p\"],\"source\":\"s\"}]}",
    GB_LOAD_ERROR_INVALID, "which is not a person" },
  { "missing-source", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\","
    "\"lat\":1,\"lon\":2}]}", GB_LOAD_ERROR_INVALID, "places[0]: “source” is missing" },
  { "article-without-quote", HEAD ART ",\"figures\":[{\"id\":\"f\",\"label\":\"F\",\"value\":1,"
    "\"unit\":\"count\",\"source\":\"a\"}]}", GB_LOAD_ERROR_INVALID, "figures[0].quote" },
  { "quote-not-in-article", HEAD ART ",\"figures\":[{\"id\":\"f\",\"label\":\"F\",\"value\":1,"
    "\"unit\":\"count\",\"source\":\"a\",\"quote\":\"Three.\"}]}", GB_LOAD_ERROR_INVALID,
    "word for word" },
  { "javascript-link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"javascript:alert(1)\"}]}", GB_LOAD_ERROR_INVALID, "sources[0].url: only http and https" },
  { "file-link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"file:///etc/passwd\"}]}", GB_LOAD_ERROR_INVALID, "only http and https" },
  /* What the window would refuse to open, --validate reports. */
  { "user-info-link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"https://good.example@evil.example/\"}]}", GB_LOAD_ERROR_INVALID,
    "sources[0].url: the link carries a user name" },
  { "bidi-link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"https://good.example/\u202Egnp.exe\"}]}", GB_LOAD_ERROR_INVALID,
    "sources[0].url: the link contains U+202E" },
  { "control-link", HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\","
    "\"url\":\"https://good.example/\\u0085\"}]}", GB_LOAD_ERROR_INVALID, "U+0085" },
  { "organisation-link", HEAD SRC ",\"organisations\":[{\"id\":\"o\",\"name\":\"O\","
    "\"url\":\"https://a@b.example\",\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID,
    "organisations[0].url: the link carries a user name" },
  { "bad-enum", HEAD SRC ",\"agreements\":[{\"id\":\"g\",\"title\":\"G\",\"kind\":\"treaty\","
    "\"status\":\"signed\",\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "agreements[0].kind: “treaty”" },
  { "bad-id", HEAD SRC ",\"places\":[{\"id\":\"a b\",\"name\":\"P\",\"kind\":\"city\",\"lat\":1,"
    "\"lon\":2,\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "places[0].id" },
  { "bad-language", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":{\"English\":\"P\"},"
    "\"kind\":\"city\",\"lat\":1,\"lon\":2,\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID,
    "places[0].name.English" },
  { "bad-timezone", HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"city\",\"lat\":1,"
    "\"lon\":2,\"timezone\":\"Mars/Olympus\",\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID,
    "places[0].timezone" },
  { "item-not-object", HEAD SRC ",\"events\":[42]}", GB_LOAD_ERROR_INVALID,
    "events[0]: should be an object, not a number" },
  { "id-not-string", HEAD SRC ",\"events\":[{\"id\":{},\"title\":\"E\",\"date\":\"2024\","
    "\"source\":\"s\"}]}", GB_LOAD_ERROR_INVALID, "events[0].id: should be a string, not an object" },
  { "section-not-array", HEAD SRC ",\"events\":{}}", GB_LOAD_ERROR_INVALID,
    "events: should be an array" },
};

/* A link of 100,000 characters is refused, and the message doesn't repeat it. */
static void
test_long_link (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"sources\":[{\"id\":\"s\",\"kind\":\"context\","
                                          "\"title\":\"S\",\"url\":\"https://example.org/");
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, 'a');
  g_string_append (json, "\"}]}");
  dossier = gb_test_load_string (json->str, &error);

  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sources[0].url: the link is 100020 bytes long"));
  g_assert_cmpuint (strlen (error->message), <, 200);
}

/* A problem found after parsing carries line and column. */
static void
test_problem_location (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string (HEAD SRC ",\n\"events\": [\n"
                         "  {\"id\": \"e\", \"title\": \"E\",\n"
                         "   \"date\": \"2024-13\", \"source\": \"s\"}]}",
                         &error);

  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.json:4:12: events[0].date: "));
}

/* Several problems: one line each. */
static void
test_many_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string (HEAD SRC ",\"places\":[{\"id\":\"p\",\"name\":\"P\","
                         "\"kind\":\"town\",\"lat\":100,\"lon\":2,"
                         "\"source\":\"nope\"}]}", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (dossier);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "places[0].kind"));
  g_assert_nonnull (strstr (lines[1], "places[0].lat"));
}

static void
test_deep_nesting (void)
{
  /* json-glib 1.6 would crash on this; it must be refused, fast. */
  gsize depth = 200000;
  g_autofree char *json = g_malloc (depth * 2 + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;

  memset (json, '[', depth);
  memset (json + depth, ']', depth);
  json[depth * 2] = '\0';
  bytes = g_bytes_new_take (g_steal_pointer (&json), depth * 2);

  dossier = gb_dossier_load_bytes (bytes, "deep.json", &error);
  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNSAFE);
}

static void
test_minimal_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_test_load_string (HEAD SRC ",\"places\":[" PLACE "]}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "T");
  g_assert_null (gb_dossier_get_origin (dossier));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_places (dossier)), ==, 1);
}

static void
test_translated_text (void)
{
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"format\":\"golden-bridge-dossier\",\"version\":1,"
                         "\"id\":\"t\",\"title\":{\"en\":\"Seoul\","
                         "\"ko\":\"서울\",\"ru\":\"Сеул\"}}", NULL);
  const char *ko[] = { "ko_KR.UTF-8", "ko", NULL };
  const char *kk[] = { "kk_KZ", "kk", NULL };

  g_assert_nonnull (dossier);
  gb_text_set_preferred_languages (ko);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "서울");
  /* No Kazakh: falls back to English. */
  gb_text_set_preferred_languages (kk);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Seoul");
  gb_text_set_preferred_languages (NULL);
}

static GbDossier *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gb_dossier_load_file (file, NULL, error);
}

static void
test_file_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gb-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.json", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  FILE *fp;

  g_assert_nonnull (dir);

  g_assert_null (load_path (dir, &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  g_assert_null (load_path ("/nonexistent/story.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/story.json: "));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (load_path (fifo, &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE);
  g_clear_error (&error);

  g_assert_null (load_path ("/dev/zero", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE);
  g_clear_error (&error);

  fp = g_fopen (huge, "w");
  g_assert_nonnull (fp);
  g_assert_cmpint (ftruncate (fileno (fp), GB_DOSSIER_MAX_FILE_SIZE + 1), ==, 0);
  fclose (fp);
  g_assert_null (load_path (huge, &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (load_path (empty, &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNSAFE);
  g_clear_error (&error);

  /* None of these may take long. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_unlink (fifo);
  g_unlink (huge);
  g_unlink (empty);
  g_rmdir (dir);
}

/* Every input the fuzzers keep, crashers found so far among them: loading
 * may fail, but only with an error. */
static void
test_fuzz_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = load_path (path, &error);

      g_assert_true ((dossier == NULL) != (error == NULL));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/bundled/loads", test_bundled_loads);
  g_test_add_func ("/dossier/bundled/references", test_bundled_references);
  g_test_add_func ("/dossier/bundled/facts", test_bundled_facts);
  g_test_add_func ("/dossier/linked", test_linked);
  g_test_add_func ("/dossier/load/minimal", test_minimal_valid);
  g_test_add_func ("/dossier/load/translated", test_translated_text);
  g_test_add_func ("/dossier/load/location", test_problem_location);
  g_test_add_func ("/dossier/load/long-link", test_long_link);
  g_test_add_func ("/dossier/load/many-problems", test_many_problems);
  g_test_add_func ("/dossier/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/dossier/load/files", test_file_refusals);
  g_test_add_func ("/dossier/load/fuzz-corpus", test_fuzz_corpus);

  gb_test_add_refusals ("/dossier/load/refuse", refusals, G_N_ELEMENTS (refusals));

  return g_test_run ();
}
