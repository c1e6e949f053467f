/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gb-agreement.h"
#include "gb-dossier-edit.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"
#include "gb-figure.h"
#include "gb-place.h"
#include "gb-source.h"

#define HEAD(version) "{\"format\":\"golden-bridge-dossier\",\"version\":" version "," \
                      "\"id\":\"t\",\"title\":\"T\","
#define SOURCES "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}," \
                "{\"id\":\"news\",\"kind\":\"context\",\"title\":\"News\"}," \
                "{\"id\":\"a\",\"kind\":\"article\",\"title\":\"A\",\"text\":\"It was ratified.\"}]"
#define AGREEMENT(log) ",\"agreements\":[{\"id\":\"agr\",\"title\":\"Plan\",\"kind\":\"plan\"," \
                       "\"status\":\"signed\",\"source\":\"s\",\"follow_up\":[" log "]}]}"

static GbDossier *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gb_dossier_load_bytes (bytes, "test.gbdossier", error);
}

static char *
save_string (GbDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gb_dossier_writer_to_bytes (dossier, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The log is kept in date order; the latest entry is the current status. */
static void
test_follow_up_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_string (
    HEAD ("2") SOURCES AGREEMENT (
      "{\"date\":\"2025-06\",\"status\":\"ended\",\"note\":{\"en\":\"Stopped\"},\"source\":\"news\"},"
      "{\"date\":\"2025-01-10\",\"status\":\"launched\",\"source\":\"a\",\"quote\":\"It was ratified.\"}"),
    &error);
  GbAgreement *agreement;
  GPtrArray *log;
  g_autofree char *changed = NULL;

  g_assert_no_error (error);
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  log = gb_agreement_get_follow_ups (agreement);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (((GbFollowUp *) log->pdata[0])->status, ==, GB_AGREEMENT_STATUS_LAUNCHED);
  g_assert_cmpstr (gb_item_get_id (GB_ITEM (((GbFollowUp *) log->pdata[0])->source)), ==, "a");
  g_assert_cmpstr (((GbFollowUp *) log->pdata[0])->quote, ==, "It was ratified.");
  g_assert_cmpstr (gb_text_get (((GbFollowUp *) log->pdata[1])->note), ==, "Stopped");

  g_assert_cmpint (gb_agreement_get_status (agreement), ==, GB_AGREEMENT_STATUS_SIGNED);
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_ENDED);
  changed = gb_date_to_string (gb_agreement_get_status_date (agreement));
  g_assert_cmpstr (changed, ==, "2025-06");

  /* The follow-up's source names the agreement as one of its referrers. */
  {
    g_autoptr(GPtrArray) referrers =
      gb_dossier_dup_referrers (dossier, gb_dossier_lookup (dossier, "news"));

    g_assert_cmpuint (referrers->len, ==, 1);
    g_assert_true (referrers->pdata[0] == (gpointer) agreement);
  }
}

static void
test_follow_up_none (void)
{
  g_autoptr(GbDossier) dossier = load_string (HEAD ("1") SOURCES AGREEMENT (""), NULL);
  GbAgreement *agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));

  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_SIGNED);
  g_assert_null (gb_agreement_get_status_date (agreement));
}

static const struct
{
  const char *name;
  const char *log;
  const char *message;
} bad_logs[] = {
  { "status", "{\"date\":\"2025\",\"status\":\"stalled\",\"source\":\"s\"}",
    "agreements[0].follow_up[0].status: “stalled” is not one of" },
  { "no-date", "{\"status\":\"ended\",\"source\":\"s\"}",
    "agreements[0].follow_up[0]: “date” is missing" },
  { "bad-date", "{\"date\":\"2025-13\",\"status\":\"ended\",\"source\":\"s\"}",
    "agreements[0].follow_up[0].date:" },
  { "no-source", "{\"date\":\"2025\",\"status\":\"ended\"}",
    "agreements[0].follow_up[0]: “source” is missing" },
  { "not-a-source", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"agr\"}",
    "agreements[0].follow_up[0].source: refers to “agr”, which is not a source" },
  { "article-quote", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"a\"}",
    "agreements[0].follow_up[0].quote: is missing" },
  { "not-verbatim", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"a\",\"quote\":\"No.\"}",
    "agreements[0].follow_up[0].quote: is not found word for word" },
  { "not-object", "3", "agreements[0].follow_up[0]: should be an object" },
};

static void
test_follow_up_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_logs); i++)
    {
      g_autofree char *json = g_strdup_printf ("%s%s%s", HEAD ("2") SOURCES ",\"agreements\":"
                                               "[{\"id\":\"agr\",\"title\":\"Plan\","
                                               "\"kind\":\"plan\",\"status\":\"signed\","
                                               "\"source\":\"s\",\"follow_up\":[",
                                               bad_logs[i].log, "]}]}");
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = load_string (json, &error);

      g_test_message ("%s: %s", bad_logs[i].name, error ? error->message : "(loaded)");
      g_assert_null (dossier);
      g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_logs[i].message));
    }
}

/* Version 2 is written when it is needed, and only then. */
static void
test_follow_up_version (void)
{
  g_autoptr(GbDossier) with = load_string (
    HEAD ("2") SOURCES AGREEMENT ("{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"s\"}"),
    NULL);
  g_autoptr(GbDossier) without = load_string (HEAD ("2") SOURCES AGREEMENT (""), NULL);
  g_autofree char *with_text = save_string (with);
  g_autofree char *without_text = save_string (without);

  g_assert_nonnull (strstr (with_text, "\"version\": 2,"));
  g_assert_nonnull (strstr (with_text, "\"follow_up\": [\n"));
  g_assert_nonnull (strstr (without_text, "\"version\": 1,"));
  g_assert_null (strstr (without_text, "follow_up"));
}

/* Removing a source that only a follow-up cites drops that entry alone. */
static void
test_follow_up_remove_source (void)
{
  g_autoptr(GbDossier) dossier = load_string (
    HEAD ("2") SOURCES AGREEMENT (
      "{\"date\":\"2025\",\"status\":\"launched\",\"source\":\"s\"},"
      "{\"date\":\"2026\",\"status\":\"ended\",\"source\":\"news\"}"), NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GError) error = NULL;
  GbAgreement *agreement;

  g_assert_true (gb_dossier_edit_remove_with_references (history,
                                                         gb_dossier_lookup (dossier, "news"),
                                                         &error));
  g_assert_no_error (error);
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  g_assert_nonnull (agreement);
  g_assert_cmpuint (gb_agreement_get_follow_ups (agreement)->len, ==, 1);
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_LAUNCHED);

  g_assert_true (gb_history_undo (history));
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_ENDED);
}

/* What the reader sees of a text: every language, and the untagged value. */
static char *
describe_text (const GbText *text)
{
  g_auto(GStrv) langs = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("-");

  out = g_string_new (gb_text_get_exact (text, NULL));
  langs = gb_text_dup_langs (text);
  for (guint i = 0; langs[i] != NULL; i++)
    g_string_append_printf (out, "|%s=%s", langs[i], gb_text_get_exact (text, langs[i]));
  return g_string_free (out, FALSE);
}

static char *
describe_ids (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s,", gb_item_get_id (items->pdata[i]));
  return g_string_free (out, FALSE);
}

/* An item as the model holds it, independently of the writer. */
static char *
describe_item (GbItem *item)
{
  g_autofree char *title = describe_text (gb_item_get_title_text (item));
  g_autofree char *description = describe_text (gb_item_get_description_text (item));
  g_autofree char *date = gb_item_get_date (item) ? gb_date_to_string (gb_item_get_date (item))
                                                  : g_strdup ("-");
  g_autoptr(GPtrArray) refs = gb_item_dup_references (item);
  g_autoptr(GPtrArray) sources = gb_item_dup_sources (item);
  g_autofree char *ref_ids = describe_ids (refs);
  g_autofree char *source_ids = describe_ids (sources);
  g_autofree char *extra = NULL;

  if (GB_IS_PLACE (item))
    extra = g_strdup_printf ("%.17g %.17g %d", gb_place_get_latitude (GB_PLACE (item)),
                             gb_place_get_longitude (GB_PLACE (item)),
                             gb_place_get_place_kind (GB_PLACE (item)));
  else if (GB_IS_FIGURE (item))
    extra = g_strdup_printf ("%.17g %s %d", gb_figure_get_value (GB_FIGURE (item)),
                             gb_figure_get_unit (GB_FIGURE (item)),
                             gb_figure_get_qualifier (GB_FIGURE (item)));
  else if (GB_IS_SOURCE (item))
    extra = g_strdup_printf ("%d %s %s %s", gb_source_get_source_kind (GB_SOURCE (item)),
                             gb_source_get_publisher (GB_SOURCE (item)),
                             gb_source_get_url (GB_SOURCE (item)),
                             gb_source_get_text (GB_SOURCE (item)));
  else if (GB_IS_AGREEMENT (item))
    extra = g_strdup_printf ("%d %d %u", gb_agreement_get_agreement_kind (GB_AGREEMENT (item)),
                             gb_agreement_get_current_status (GB_AGREEMENT (item)),
                             gb_agreement_get_covers (GB_AGREEMENT (item))->len);

  return g_strdup_printf ("%s %d\n title %s\n description %s\n date %s\n quote %s\n"
                          " refs %s\n sources %s\n %s",
                          gb_item_get_id (item), gb_item_get_kind (item), title, description,
                          date, gb_item_get_quote (item), ref_ids, source_ids, extra);
}

static void
assert_same_items (GbDossier *a,
                   GbDossier *b)
{
  g_autofree char *title_a = describe_text (gb_dossier_get_title_text (a));
  g_autofree char *title_b = describe_text (gb_dossier_get_title_text (b));

  g_assert_cmpstr (gb_dossier_get_id (a), ==, gb_dossier_get_id (b));
  g_assert_cmpstr (title_a, ==, title_b);
  g_assert_cmpstr (gb_dossier_get_summary (a), ==, gb_dossier_get_summary (b));

  for (GbItemKind kind = GB_ITEM_KIND_SOURCE; kind <= GB_ITEM_KIND_ORGANISATION; kind++)
    {
      GListModel *la = gb_dossier_get_items_of_kind (a, kind);
      GListModel *lb = gb_dossier_get_items_of_kind (b, kind);

      g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
      for (guint i = 0; i < g_list_model_get_n_items (la); i++)
        {
          g_autoptr(GbItem) ia = g_list_model_get_item (la, i);
          g_autoptr(GbItem) ib = g_list_model_get_item (lb, i);
          g_autofree char *da = describe_item (ia);
          g_autofree char *db = describe_item (ib);

          g_assert_cmpstr (da, ==, db);
        }
    }
}

/* Written, read back: the same story; written again: the same bytes. */
static void
check_round_trip (GbDossier *dossier)
{
  g_autofree char *first = save_string (dossier);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) again = load_string (first, &error);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  assert_same_items (dossier, again);

  second = save_string (again);
  g_assert_cmpstr (first, ==, second);
  third = save_string (dossier);
  g_assert_cmpstr (first, ==, third);
}

static void
test_round_trip_bundled (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  check_round_trip (dossier);
}

/* Every fixture that loads, the imported TimelineJS and StoryMapJS samples
 * among them. */
static void
test_round_trip_fixtures (void)
{
  const char *dirs[] = { "fixtures", "fixtures/import" };
  guint n_checked = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *file_path = g_build_filename (path, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (file_path);
          g_autoptr(GError) error = NULL;
          g_autoptr(GbDossier) dossier = NULL;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          dossier = gb_dossier_load_file (file, NULL, &error);
          g_assert_no_error (error);
          g_test_message ("%s", name);
          check_round_trip (dossier);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >=, 8);
}

/* Years before 1 are written as ISO 8601's expanded years, and read back. */
static void
test_round_trip_deep_time (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_cosmo.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_file (file, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = save_string (dossier);
  g_assert_nonnull (strstr (text, "\"date\": \"-13799999999\""));
  g_assert_nonnull (strstr (text, "\"start\": \"-538799999\""));
  g_assert_nonnull (strstr (text, "\"date\": \"-3499\""));
  check_round_trip (dossier);
}

/* Members the app does not know stay, as they were, where they were. */
static void
test_unknown_members (void)
{
  const char *json =
    "{\"format\":\"golden-bridge-dossier\",\"x-root\":[1,2.5,\"three\",null,true],"
    "\"version\":1,\"id\":\"t\",\"title\":\"T\",\"x-later\":{\"b\":1,\"a\":{}},"
    "\"sources\":[{\"x-first\":\"kept\",\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}],"
    "\"places\":[{\"source\":\"s\",\"lon\":126.978,\"lat\":37.5665,\"kind\":\"city\","
    "\"name\":{\"ko\":\"서울\",\"en\":\"Seoul\"},\"id\":\"p\",\"x-pin\":{\"colour\":\"red\"}}]}";
  g_autoptr(GbDossier) dossier = load_string (json, NULL);
  g_autofree char *text = save_string (dossier);
  const char *expected =
    "{\n"
    "  \"format\": \"golden-bridge-dossier\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"t\",\n"
    "  \"title\": \"T\",\n"
    "  \"sources\": [\n"
    "    {\n"
    "      \"id\": \"s\",\n"
    "      \"kind\": \"context\",\n"
    "      \"title\": \"S\",\n"
    "      \"x-first\": \"kept\"\n"
    "    }\n"
    "  ],\n"
    "  \"places\": [\n"
    "    {\n"
    "      \"id\": \"p\",\n"
    "      \"name\": {\n"
    "        \"en\": \"Seoul\",\n"
    "        \"ko\": \"서울\"\n"
    "      },\n"
    "      \"kind\": \"city\",\n"
    "      \"lat\": 37.5665,\n"
    "      \"lon\": 126.978,\n"
    "      \"source\": \"s\",\n"
    "      \"x-pin\": {\n"
    "        \"colour\": \"red\"\n"
    "      }\n"
    "    }\n"
    "  ],\n"
    "  \"x-root\": [\n"
    "    1,\n"
    "    2.5,\n"
    "    \"three\",\n"
    "    null,\n"
    "    true\n"
    "  ],\n"
    "  \"x-later\": {\n"
    "    \"b\": 1,\n"
    "    \"a\": {}\n"
    "  }\n"
    "}\n";

  g_assert_nonnull (dossier);
  g_assert_cmpstr (text, ==, expected);
}

/* Strings are written as they are, escaping only what JSON must. */
static void
test_strings (void)
{
  const char *json =
    HEAD ("1") "\"summary\":\"tab\\tnl\\nesc\\u001bq\\\"bs\\\\ ’–서울 <b>&amp;\","
    "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}],"
    "\"figures\":[{\"id\":\"f\",\"label\":\"L\",\"value\":6000000000,\"unit\":\"USD\","
    "\"qualifier\":\"exact\",\"source\":\"s\"},"
    "{\"id\":\"g\",\"label\":\"L\",\"value\":0.1,\"unit\":\"percent\",\"qualifier\":\"about\","
    "\"source\":\"s\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_string (json, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = save_string (dossier);
  g_assert_nonnull (strstr (text, "\"summary\": \"tab\\tnl\\nesc\\u001bq\\\"bs\\\\ ’–서울 <b>&amp;\""));
  g_assert_nonnull (strstr (text, "\"value\": 6000000000,"));
  g_assert_nonnull (strstr (text, "\"value\": 0.1,"));
  g_assert_null (strstr (text, "\"qualifier\": \"exact\""));
  g_assert_nonnull (strstr (text, "\"qualifier\": \"about\""));
  check_round_trip (dossier);
}

/* An edited item is written with the rest: the saved file is the edit. */
static void
test_edit_saved (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  GbItem *seoul = gb_dossier_lookup (dossier, "place-seoul");
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (seoul);
  g_autoptr(GbItem) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GbDossier) again = NULL;

  json_object_set_string_member (json_node_get_object (node), "name", "Hanseong");
  edited = gb_dossier_build_item (dossier, GB_ITEM_KIND_PLACE, json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_true (gb_dossier_replace_item (dossier, seoul, edited, &error));

  text = save_string (dossier);
  again = load_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gb_item_get_title (gb_dossier_lookup (again, "place-seoul")), ==, "Hanseong");
  assert_same_items (dossier, again);
}

/* Edit a copy: an imported story becomes a dossier of its own, with no
 * file and no origin, holding the same items. */
static void
test_edit_copy (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "StoryMapJS_sochi.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GbDossier) imported = gb_dossier_load_file (file, NULL, NULL);
  g_autoptr(GbDossier) copy = NULL;
  g_autoptr(GbHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gb_dossier_get_origin (imported));
  copy = gb_dossier_edit_copy (imported, &error);
  g_assert_no_error (error);
  g_assert_true (copy != imported);
  g_assert_null (gb_dossier_get_file (copy));
  g_assert_null (gb_dossier_get_origin (copy));
  assert_same_items (imported, copy);
  g_assert_true (gb_dossier_lookup (copy, "place-0") != gb_dossier_lookup (imported, "place-0"));

  history = gb_history_new (copy);
  gb_history_mark_unsaved (history);
  g_assert_true (gb_history_get_modified (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/load", test_follow_up_load);
  g_test_add_func ("/follow-up/none", test_follow_up_none);
  g_test_add_func ("/follow-up/invalid", test_follow_up_invalid);
  g_test_add_func ("/follow-up/version", test_follow_up_version);
  g_test_add_func ("/follow-up/remove-source", test_follow_up_remove_source);
  g_test_add_func ("/writer/round-trip/bundled", test_round_trip_bundled);
  g_test_add_func ("/writer/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/writer/round-trip/deep-time", test_round_trip_deep_time);
  g_test_add_func ("/writer/unknown-members", test_unknown_members);
  g_test_add_func ("/writer/strings", test_strings);
  g_test_add_func ("/writer/edit-saved", test_edit_saved);
  g_test_add_func ("/writer/edit-copy", test_edit_copy);

  return g_test_run ();
}
