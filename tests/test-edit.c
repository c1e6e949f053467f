/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gb-agreement.h"
#include "gb-dossier-edit.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"
#include "gb-event.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-source.h"

/* What one list said, as "position:removed:added" lines. */
typedef struct
{
  GString *log;
} Recorder;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *rec)
{
  g_string_append_printf (rec->log, "%u:%u:%u;", position, removed, added);
}

static Recorder *
recorder_new (GListModel *list)
{
  Recorder *rec = g_new0 (Recorder, 1);

  rec->log = g_string_new (NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), rec);
  return rec;
}

static void
recorder_free (Recorder   *rec,
               GListModel *list)
{
  g_signal_handlers_disconnect_by_data (list, rec);
  g_string_free (rec->log, TRUE);
  g_free (rec);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static GbItem *
build (GbDossier  *dossier,
       GbItemKind  kind,
       const char *json)
{
  g_autoptr(JsonObject) obj = parse_object (json);
  g_autoptr(GError) error = NULL;
  GbItem *item = gb_dossier_build_item (dossier, kind, obj, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* One new item of each kind, valid in the bundled story. */
static const struct
{
  GbItemKind  kind;
  const char *json;
} new_items[] = {
  { GB_ITEM_KIND_SOURCE, "{\"id\":\"src-new\",\"kind\":\"context\",\"title\":\"New\","
                         "\"publisher\":\"P\",\"date\":\"2025-01-02\"}" },
  { GB_ITEM_KIND_ORGANISATION, "{\"id\":\"org-new\",\"name\":\"Org\",\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_PERSON, "{\"id\":\"person-new\",\"name\":\"Someone\",\"role\":\"Envoy\","
                         "\"organisation\":\"org-kz-mfa\",\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_PLACE, "{\"id\":\"place-new\",\"name\":\"Almaty\",\"kind\":\"city\","
                        "\"lat\":43.2389,\"lon\":76.8897,\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_ROUTE, "{\"id\":\"route-new\",\"title\":\"Astana – Seoul\",\"from\":\"place-astana\","
                        "\"to\":\"place-seoul\",\"mode\":\"flight\",\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_EVENT, "{\"id\":\"evt-new\",\"title\":\"Later\",\"date\":\"2020-05-01\","
                        "\"places\":[\"place-seoul\"],\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_AGREEMENT, "{\"id\":\"agr-new\",\"title\":\"Memo\",\"kind\":\"plan\","
                            "\"status\":\"proposed\",\"parties\":[\"org-kz-mfa\"],"
                            "\"source\":\"src-kazinform-2015\"}" },
  { GB_ITEM_KIND_FIGURE, "{\"id\":\"fig-new\",\"label\":\"Count\",\"value\":3,\"unit\":\"count\","
                         "\"related\":[\"evt-meeting-yoon\"],\"source\":\"src-kazinform-2015\"}" },
};

/* Adding, replacing and removing an item of each kind changes its list at
 * one position, and no other list. */
static void
test_each_kind (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  g_assert_nonnull (dossier);

  for (guint i = 0; i < G_N_ELEMENTS (new_items); i++)
    {
      GListModel *list = gb_dossier_get_items_of_kind (dossier, new_items[i].kind);
      GListModel *other = gb_dossier_get_items_of_kind (dossier, (new_items[i].kind + 1) % 8);
      guint n = g_list_model_get_n_items (list);
      g_autoptr(GbItem) item = build (dossier, new_items[i].kind, new_items[i].json);
      g_autoptr(GbItem) copy = build (dossier, new_items[i].kind, new_items[i].json);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      Recorder *rec = recorder_new (list);
      Recorder *quiet = recorder_new (other);
      guint pos;

      g_assert_true (gb_dossier_insert_item (dossier, item, GB_DOSSIER_POSITION_SORTED, &error));
      g_assert_no_error (error);
      g_assert_true (gb_dossier_find_item (dossier, item, &pos));
      g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (item)) == item);
      if (new_items[i].kind != GB_ITEM_KIND_EVENT)
        g_assert_cmpuint (pos, ==, n);
      expected = g_strdup_printf ("%u:0:1;", pos);
      g_assert_cmpstr (rec->log->str, ==, expected);

      g_string_truncate (rec->log, 0);
      g_assert_true (gb_dossier_replace_item (dossier, item, copy, &error));
      g_assert_no_error (error);
      g_free (expected);
      expected = g_strdup_printf ("%u:1:1;", pos);
      g_assert_cmpstr (rec->log->str, ==, expected);
      g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (item)) == copy);
      g_assert_false (gb_dossier_find_item (dossier, item, NULL));

      g_string_truncate (rec->log, 0);
      g_assert_true (gb_dossier_remove_item (dossier, copy, &error));
      g_assert_no_error (error);
      g_free (expected);
      expected = g_strdup_printf ("%u:1:0;", pos);
      g_assert_cmpstr (rec->log->str, ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
      g_assert_null (gb_dossier_lookup (dossier, gb_item_get_id (item)));

      g_assert_cmpstr (quiet->log->str, ==, "");
      recorder_free (rec, list);
      recorder_free (quiet, other);
    }
}

/* An event goes after the events of its date, and moves when its date does. */
static void
test_event_order (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  GListModel *events = gb_dossier_get_events (dossier);
  g_autoptr(GbItem) event = build (dossier, GB_ITEM_KIND_EVENT, new_items[5].json);
  g_autoptr(GbItem) earlier = NULL;
  g_autoptr(GError) error = NULL;
  Recorder *rec = recorder_new (events);
  guint pos, n = g_list_model_get_n_items (events);

  g_assert_true (gb_dossier_insert_item (dossier, event, GB_DOSSIER_POSITION_SORTED, &error));
  g_assert_true (gb_dossier_find_item (dossier, event, &pos));
  g_assert_cmpuint (pos, >, 0);
  g_assert_cmpuint (pos, <, n);
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(GbItem) other = g_list_model_get_item (events, i);
      int cmp = gb_date_compare (gb_item_get_date (other), gb_item_get_date (event));

      if (i < pos)
        g_assert_cmpint (cmp, <=, 0);
      else if (i > pos)
        g_assert_cmpint (cmp, >, 0);
    }

  g_string_truncate (rec->log, 0);
  earlier = build (dossier, GB_ITEM_KIND_EVENT,
                   "{\"id\":\"evt-new\",\"title\":\"Earlier\",\"date\":\"1900\","
                   "\"source\":\"src-kazinform-2015\"}");
  g_assert_true (gb_dossier_replace_item (dossier, event, earlier, &error));
  g_assert_no_error (error);
  {
    g_autofree char *expected = g_strdup_printf ("%u:1:0;0:0:1;", pos);
    g_assert_cmpstr (rec->log->str, ==, expected);
  }

  recorder_free (rec, events);
}

/* Replacing an item moves the references to it; items naming an item keep
 * it from being removed and are named in the message. */
static void
test_references (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbItem) seoul = g_object_ref (gb_dossier_lookup (dossier, "place-seoul"));
  g_autoptr(GPtrArray) before = gb_dossier_dup_referrers (dossier, seoul);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GbItem) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (seoul);
  GbRoute *route;

  g_assert_cmpuint (before->len, >, 0);

  g_assert_false (gb_dossier_remove_item (dossier, seoul, &error));
  g_assert_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_REFERENCED);
  for (guint i = 0; i < before->len; i++)
    g_assert_nonnull (strstr (error->message, gb_item_get_id (before->pdata[i])));
  g_clear_error (&error);
  g_assert_true (gb_dossier_lookup (dossier, "place-seoul") == seoul);

  json_object_set_double_member (json_node_get_object (node), "lat", 37.5);
  moved = gb_dossier_build_item (dossier, GB_ITEM_KIND_PLACE, json_node_get_object (node), &error);
  g_assert_no_error (error);
  {
    GListModel *events = gb_dossier_get_events (dossier);
    Recorder *rec = recorder_new (events);
    g_autoptr(GString) expected = g_string_new (NULL);

    g_assert_true (gb_dossier_replace_item (dossier, seoul, moved, &error));
    g_assert_no_error (error);

    /* Each event naming the place is told it changed, where it is. */
    for (guint i = 0; i < before->len; i++)
      {
        guint pos;

        if (!GB_IS_EVENT (before->pdata[i]))
          continue;
        g_assert_true (gb_dossier_find_item (dossier, before->pdata[i], &pos));
        g_string_append_printf (expected, "%u:1:1;", pos);
      }
    g_assert_cmpuint (expected->len, >, 0);
    g_assert_cmpstr (rec->log->str, ==, expected->str);
    recorder_free (rec, events);
  }

  after = gb_dossier_dup_referrers (dossier, moved);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_true (after->pdata[i] == before->pdata[i]);
      g_assert_true (gb_item_refers_to (after->pdata[i], moved));
      g_assert_false (gb_item_refers_to (after->pdata[i], seoul));
    }

  /* The route's end moved with it. */
  route = GB_ROUTE (gb_dossier_lookup (dossier, "route-nqz-icn"));
  g_assert_false ((GbItem *) gb_route_get_from (route) == seoul);
  g_assert_false ((GbItem *) gb_route_get_to (route) == seoul);
}

/* What the dossier refuses changes nothing. */
static void
test_refused (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbDossier) other = gb_dossier_load_bundled (NULL);
  GListModel *people = gb_dossier_get_people (dossier);
  g_autoptr(GbItem) twin = build (dossier, GB_ITEM_KIND_PERSON,
                                  "{\"id\":\"person-cho\",\"name\":\"Twin\",\"role\":\"x\","
                                  "\"source\":\"src-kazinform-2015\"}");
  g_autoptr(GbItem) stranger = build (other, GB_ITEM_KIND_PERSON, new_items[2].json);
  g_autoptr(GbItem) place = build (dossier, GB_ITEM_KIND_PLACE, new_items[3].json);
  g_autoptr(GError) error = NULL;
  Recorder *rec = recorder_new (people);

  g_assert_false (gb_dossier_insert_item (dossier, twin, GB_DOSSIER_POSITION_SORTED, &error));
  g_assert_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_ID_TAKEN);
  g_clear_error (&error);

  /* Its organisation is another dossier's object. */
  g_assert_false (gb_dossier_insert_item (dossier, stranger, GB_DOSSIER_POSITION_SORTED, &error));
  g_assert_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_DANGLING);
  g_clear_error (&error);

  g_assert_false (gb_dossier_replace_item (dossier, gb_dossier_lookup (dossier, "person-cho"),
                                           place, &error));
  g_assert_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_KIND);
  g_clear_error (&error);

  g_assert_false (gb_dossier_remove_item (dossier, place, &error));
  g_assert_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpstr (rec->log->str, ==, "");
  g_assert_true (gb_dossier_lookup (dossier, "person-cho") != twin);
  recorder_free (rec, people);
}

/* The editor's items are checked by the loader's rules. */
static const struct
{
  const char *name;
  GbItemKind  kind;
  const char *json;
  const char *message;
} invalid_items[] = {
  { "lat", GB_ITEM_KIND_PLACE, "{\"id\":\"p2\",\"name\":\"X\",\"kind\":\"city\",\"lat\":91,"
    "\"lon\":0,\"source\":\"src-kazinform-2015\"}", "latitude 91 is outside" },
  { "bad-id", GB_ITEM_KIND_PLACE, "{\"id\":\"-p\",\"name\":\"X\",\"kind\":\"city\",\"lat\":1,"
    "\"lon\":0,\"source\":\"src-kazinform-2015\"}", "not a valid id" },
  { "no-title", GB_ITEM_KIND_EVENT, "{\"id\":\"e2\",\"date\":\"2024\","
    "\"source\":\"src-kazinform-2015\"}", "“title” is missing" },
  { "bad-date", GB_ITEM_KIND_EVENT, "{\"id\":\"e2\",\"title\":\"T\",\"date\":\"2023-02-29\","
    "\"source\":\"src-kazinform-2015\"}", "date" },
  { "quote-not-in-article", GB_ITEM_KIND_EVENT, "{\"id\":\"e2\",\"title\":\"T\",\"date\":\"2024\","
    "\"source\":\"src-article\",\"quote\":\"Not in the article.\"}", "word for word" },
  { "article-needs-quote", GB_ITEM_KIND_EVENT, "{\"id\":\"e2\",\"title\":\"T\",\"date\":\"2024\","
    "\"source\":\"src-article\"}", "quotes the sentence" },
  { "dangling", GB_ITEM_KIND_EVENT, "{\"id\":\"e2\",\"title\":\"T\",\"date\":\"2024\","
    "\"places\":[\"nowhere\"],\"source\":\"src-kazinform-2015\"}", "“nowhere”, which is not" },
  { "wrong-kind", GB_ITEM_KIND_ROUTE, "{\"id\":\"r2\",\"title\":\"T\",\"from\":\"evt-meeting-yoon\","
    "\"to\":\"place-seoul\",\"source\":\"src-kazinform-2015\"}", "not a place" },
  { "link", GB_ITEM_KIND_SOURCE, "{\"id\":\"s2\",\"kind\":\"context\",\"title\":\"T\","
    "\"url\":\"javascript:alert(1)\"}", "http" },
};

static void
test_invalid (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_items); i++)
    {
      g_autoptr(JsonObject) obj = parse_object (invalid_items[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GbItem) item = gb_dossier_build_item (dossier, invalid_items[i].kind, obj, &error);

      g_test_message ("%s: %s", invalid_items[i].name, error ? error->message : "(built)");
      g_assert_null (item);
      g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, invalid_items[i].message));
    }
}

/* The form's validator: each problem at the member it concerns. */
static const struct
{
  const char *name;
  GbItemKind  kind;
  const char *json;
  const char *path;
  const char *message;
} located_items[] = {
  { "latitude", GB_ITEM_KIND_PLACE, "{\"id\":\"place-x\",\"name\":{\"en\":\"S\"},"
    "\"kind\":\"city\",\"lat\":95,\"lon\":127,\"source\":\"src-kazinform-2015\"}", "lat",
    "latitude 95 is outside" },
  { "title-lang", GB_ITEM_KIND_EVENT, "{\"id\":\"x1\",\"title\":{\"en\":5},\"date\":\"2024\","
    "\"source\":\"src-kazinform-2015\"}", "title.en", "should be a string" },
  { "date-end", GB_ITEM_KIND_EVENT, "{\"id\":\"x1\",\"title\":\"T\",\"date\":{\"start\":\"2027\","
    "\"end\":\"2025\"},\"source\":\"src-kazinform-2015\"}", "date.end", "" },
  { "missing-source", GB_ITEM_KIND_EVENT, "{\"id\":\"x1\",\"title\":\"T\",\"date\":\"2024\"}",
    "source", "missing" },
  { "missing-title", GB_ITEM_KIND_EVENT, "{\"id\":\"x1\",\"date\":\"2024\","
    "\"source\":\"src-kazinform-2015\"}", "title", "missing" },
  { "link", GB_ITEM_KIND_SOURCE, "{\"id\":\"s2\",\"kind\":\"context\",\"title\":\"T\","
    "\"publisher\":\"P\",\"date\":\"2024\",\"url\":\"javascript:x\"}", "url", "http" },
  { "taken-id", GB_ITEM_KIND_EVENT, "{\"id\":\"place-seoul\",\"title\":\"T\",\"date\":\"2024\","
    "\"source\":\"src-kazinform-2015\"}", "id", "ids must be unique" },
  { "follow-up", GB_ITEM_KIND_AGREEMENT, "{\"id\":\"a9\",\"title\":\"T\",\"kind\":\"plan\","
    "\"status\":\"signed\",\"source\":\"src-kazinform-2015\",\"follow_up\":[{\"date\":\"2025\","
    "\"status\":\"launched\",\"source\":\"src-kazinform-2015\"},{\"date\":\"2026\","
    "\"status\":\"stalled\",\"source\":\"src-kazinform-2015\"}]}", "follow_up[1].status",
    "is not one of" },
  { "route-mode", GB_ITEM_KIND_ROUTE, "{\"id\":\"r9\",\"title\":\"T\",\"from\":\"place-seoul\","
    "\"to\":\"place-icn\",\"mode\":\"bus\",\"source\":\"src-kazinform-2015\"}", "mode",
    "“bus” is not one of “flight”, “rail”, “road”, “sea”, “other”" },
};

static void
test_located (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (located_items); i++)
    {
      g_autoptr(JsonObject) obj = parse_object (located_items[i].json);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GbItem) item = NULL;
      gboolean found = FALSE;

      item = gb_dossier_build_item_full (dossier, located_items[i].kind, obj, NULL, &problems);
      g_test_message ("%s", located_items[i].name);
      g_assert_null (item);
      g_assert_nonnull (problems);
      for (guint p = 0; p < problems->len; p++)
        {
          GbItemProblem *problem = problems->pdata[p];

          g_test_message ("  %s: %s", problem->path, problem->message);
          found |= g_str_equal (problem->path, located_items[i].path) &&
                   strstr (problem->message, located_items[i].message) != NULL;
        }
      g_assert_true (found);
    }
}

/* An item keeps its own id when it replaces itself, and only then. */
static void
test_located_replacing (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  GbItem *seoul = gb_dossier_lookup (dossier, "place-seoul");
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (seoul);
  JsonObject *obj = json_node_get_object (node);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GbItem) same = NULL;
  g_autoptr(GbItem) other = NULL;

  json_object_set_double_member (obj, "lat", 37.5);
  same = gb_dossier_build_item_full (dossier, GB_ITEM_KIND_PLACE, obj, seoul, &problems);
  g_assert_nonnull (same);
  g_assert_null (problems);
  g_assert_cmpfloat (gb_place_get_latitude (GB_PLACE (same)), ==, 37.5);

  other = gb_dossier_build_item_full (dossier, GB_ITEM_KIND_PLACE, obj,
                                      gb_dossier_lookup (dossier, "place-icn"), &problems);
  g_assert_null (other);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((GbItemProblem *) problems->pdata[0])->path, ==, "id");
}

static void
test_check_story (void)
{
  g_autoptr(JsonObject) good = parse_object ("{\"title\":{\"en\":\"A\",\"kk\":\"Б\"},"
                                             "\"period\":\"2024-11\",\"languages\":[\"en\",\"kk\"]}");
  g_autoptr(JsonObject) bad = parse_object ("{\"title\":\"\",\"period\":\"2024-13\","
                                            "\"languages\":[\"en\",\"English\"]}");
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) summary = NULL;
  g_autoptr(GbDate) period = NULL;
  g_auto(GStrv) langs = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) paths = g_string_new (NULL);

  g_assert_true (gb_dossier_check_story (good, &title, &summary, &period, &langs, &problems));
  g_assert_null (problems);
  g_assert_cmpstr (gb_text_get_exact (title, "kk"), ==, "Б");
  g_assert_null (summary);
  g_assert_nonnull (period);
  g_assert_cmpuint (g_strv_length (langs), ==, 2);

  g_clear_pointer (&title, gb_text_unref);
  g_clear_pointer (&period, gb_date_unref);
  g_clear_pointer (&langs, g_strfreev);
  g_assert_false (gb_dossier_check_story (bad, &title, &summary, &period, &langs, &problems));
  g_assert_null (title);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (paths, "%s;", ((GbItemProblem *) problems->pdata[i])->path);
  g_assert_cmpstr (paths->str, ==, "title;period;languages[1];");
}

static char *
dossier_text (GbDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gb_dossier_writer_to_bytes (dossier, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_text (GbDossier  *dossier,
             const char *expected)
{
  g_autofree char *text = dossier_text (dossier);

  g_assert_cmpstr (text, ==, expected);
}

static GbItem *
edited (GbDossier  *dossier,
        const char *id,
        const char *member,
        const char *value)
{
  GbItem *item = gb_dossier_lookup (dossier, id);
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (item);
  g_autoptr(GError) error = NULL;
  GbItem *copy;

  json_object_set_string_member (json_node_get_object (node), member, value);
  copy = gb_dossier_build_item (dossier, gb_item_get_kind (item), json_node_get_object (node),
                                &error);
  g_assert_no_error (error);
  return copy;
}

/* Each kind of edit, undone, gives back the same file; redone, the edited one. */
static void
test_undo_each_kind (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autofree char *original = dossier_text (dossier);

  for (guint i = 0; i < G_N_ELEMENTS (new_items); i++)
    {
      g_autoptr(GbHistory) history = gb_history_new (dossier);
      g_autoptr(GbItem) item = build (dossier, new_items[i].kind, new_items[i].json);
      g_autoptr(GbItem) renamed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *added = NULL;
      g_autofree char *changed = NULL;
      const char *title_member = new_items[i].kind == GB_ITEM_KIND_FIGURE ? "label" :
                                 new_items[i].kind == GB_ITEM_KIND_PLACE ||
                                 new_items[i].kind == GB_ITEM_KIND_PERSON ||
                                 new_items[i].kind == GB_ITEM_KIND_ORGANISATION ? "name" : "title";

      g_assert_true (gb_history_insert (history, item, &error));
      g_assert_no_error (error);
      added = dossier_text (dossier);
      g_assert_cmpstr (added, !=, original);

      renamed = edited (dossier, gb_item_get_id (item), title_member, "Renamed <b>&amp;</b>");
      g_assert_true (gb_history_replace (history, item, renamed, NULL, &error));
      g_assert_no_error (error);
      changed = dossier_text (dossier);
      g_assert_nonnull (strstr (changed, "Renamed <b>&amp;</b>"));

      g_assert_true (gb_history_remove (history, renamed, &error));
      g_assert_no_error (error);
      assert_text (dossier, original);

      g_assert_true (gb_history_undo (history));
      assert_text (dossier, changed);
      g_assert_true (gb_history_undo (history));
      assert_text (dossier, added);
      g_assert_true (gb_history_undo (history));
      assert_text (dossier, original);
      g_assert_false (gb_history_get_can_undo (history));

      g_assert_true (gb_history_redo (history));
      assert_text (dossier, added);
      g_assert_true (gb_history_redo (history));
      assert_text (dossier, changed);
      g_assert_true (gb_history_redo (history));
      assert_text (dossier, original);
      g_assert_false (gb_history_get_can_redo (history));
      g_assert_false (gb_history_redo (history));
    }
}

/* Typing in one field is one step; another field, or a save, starts the next. */
static void
test_undo_typing (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autofree char *original = dossier_text (dossier);
  g_autofree char *typed = NULL;
  const char *steps[] = { "B", "Bu", "Bus", "Busan" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GbItem) item = edited (dossier, "place-seoul", "name", steps[i]);

      g_assert_true (gb_history_replace (history, gb_dossier_lookup (dossier, "place-seoul"),
                                         item, "name", &error));
      g_assert_no_error (error);
    }
  typed = dossier_text (dossier);

  {
    g_autoptr(GbItem) item = edited (dossier, "place-seoul", "country", "KZ");

    g_assert_true (gb_history_replace (history, gb_dossier_lookup (dossier, "place-seoul"),
                                       item, "country", &error));
  }

  g_assert_true (gb_history_undo (history));
  assert_text (dossier, typed);
  g_assert_true (gb_history_undo (history));
  assert_text (dossier, original);
  g_assert_false (gb_history_get_can_undo (history));

  /* A save in between keeps the steps apart. */
  {
    g_autoptr(GbItem) a = edited (dossier, "place-seoul", "name", "A");
    g_autoptr(GbItem) b = NULL;

    g_assert_true (gb_history_replace (history, gb_dossier_lookup (dossier, "place-seoul"),
                                       a, "name", &error));
    gb_history_mark_saved (history);
    b = edited (dossier, "place-seoul", "name", "AB");
    g_assert_true (gb_history_replace (history, a, b, "name", &error));
    g_assert_true (gb_history_undo (history));
    g_assert_true (gb_dossier_lookup (dossier, "place-seoul") == a);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_modified (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GbItem) item = build (dossier, GB_ITEM_KIND_PLACE, new_items[3].json);
  g_autoptr(GbItem) other = build (dossier, GB_ITEM_KIND_FIGURE, new_items[7].json);
  guint modified_notes = 0, undo_notes = 0, redo_notes = 0;
  gboolean can_undo;

  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify_cb), &modified_notes);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify_cb), &undo_notes);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify_cb), &redo_notes);

  g_assert_false (gb_history_get_modified (history));
  g_assert_true (gb_history_insert (history, item, NULL));
  g_assert_true (gb_history_get_modified (history));
  g_object_get (history, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_cmpuint (modified_notes, ==, 1);
  g_assert_cmpuint (undo_notes, ==, 1);

  gb_history_mark_saved (history);
  g_assert_false (gb_history_get_modified (history));
  g_assert_cmpuint (modified_notes, ==, 2);

  g_assert_true (gb_history_undo (history));
  g_assert_true (gb_history_get_modified (history));
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_true (gb_history_redo (history));
  g_assert_false (gb_history_get_modified (history));

  /* Undone below the save point, then a new edit: the saved state is gone. */
  g_assert_true (gb_history_undo (history));
  g_assert_true (gb_history_insert (history, other, NULL));
  g_assert_true (gb_history_get_modified (history));
  g_assert_false (gb_history_get_can_redo (history));
  g_assert_true (gb_history_undo (history));
  g_assert_true (gb_history_get_modified (history));
}

/* Removing a place with its references: the route between it and another
 * place goes, the events and agreements lose it, and one undo brings all back. */
static void
test_remove_with_references (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autofree char *original = dossier_text (dossier);
  g_autofree char *without = NULL;
  g_autoptr(GError) error = NULL;
  GbItem *place = gb_dossier_lookup (dossier, "place-icn");
  g_autoptr(GPtrArray) referrers = gb_dossier_dup_referrers (dossier, place);

  g_assert_cmpuint (referrers->len, >, 0);
  g_assert_true (gb_dossier_edit_remove_with_references (history, place, &error));
  g_assert_no_error (error);

  g_assert_null (gb_dossier_lookup (dossier, "place-icn"));
  g_assert_null (gb_dossier_lookup (dossier, "route-nqz-icn"));
  without = dossier_text (dossier);
  g_assert_null (strstr (without, "\"place-icn\""));
  g_assert_nonnull (strstr (without, "\"place-nqz\""));

  /* Every referrer is still there unless it needed the place. */
  for (guint i = 0; i < referrers->len; i++)
    {
      const char *id = gb_item_get_id (referrers->pdata[i]);

      if (GB_IS_ROUTE (referrers->pdata[i]))
        continue;
      g_assert_nonnull (gb_dossier_lookup (dossier, id));
    }

  g_assert_true (gb_history_undo (history));
  assert_text (dossier, original);
  g_assert_false (gb_history_get_can_undo (history));
  g_assert_true (gb_history_redo (history));
  assert_text (dossier, without);
}

/* Removing a source takes every item resting on it. */
static void
test_remove_source (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autofree char *original = dossier_text (dossier);
  GbItem *source = gb_dossier_lookup (dossier, "src-kazinform-2015");
  g_autoptr(GPtrArray) referrers = gb_dossier_dup_referrers (dossier, source);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (referrers->len, >, 0);
  g_assert_true (gb_dossier_edit_remove_with_references (history, source, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < referrers->len; i++)
    g_assert_null (gb_dossier_lookup (dossier, gb_item_get_id (referrers->pdata[i])));
  {
    g_autofree char *text = dossier_text (dossier);
    g_assert_null (strstr (text, "src-kazinform-2015"));
  }

  g_assert_true (gb_history_undo (history));
  assert_text (dossier, original);
}

/* A story made from nothing: a title, a source, a place, an event at it;
 * saved, it reads back as made. */
static void
test_new_story (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("my-visit");
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GbText) title = gb_text_new ();
  g_autoptr(GbItem) source = NULL;
  g_autoptr(GbItem) place = NULL;
  g_autoptr(GbItem) event = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GbDossier) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *langs[] = { "en", "kk", NULL };

  gb_dossier_seal (dossier);
  g_assert_null (gb_dossier_writer_to_bytes (dossier, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  gb_text_set (title, "en", "My visit");
  gb_text_set (title, "kk", "Менің сапарым");
  gb_dossier_set_title (dossier, title);
  gb_dossier_set_languages (dossier, langs);

  source = build (dossier, GB_ITEM_KIND_SOURCE, "{\"id\":\"src-notes\",\"kind\":\"context\","
                  "\"title\":\"My notes\",\"publisher\":\"Me\",\"date\":\"2025-05-02\"}");
  g_assert_true (gb_history_insert (history, source, &error));
  place = build (dossier, GB_ITEM_KIND_PLACE, "{\"id\":\"place-almaty\",\"name\":\"Almaty\","
                 "\"kind\":\"city\",\"lat\":43.2389,\"lon\":76.8897,\"source\":\"src-notes\"}");
  g_assert_true (gb_history_insert (history, place, &error));
  event = build (dossier, GB_ITEM_KIND_EVENT, "{\"id\":\"evt-arrival\",\"title\":\"Arrival\","
                 "\"date\":{\"start\":\"2025-05-02T09:30\",\"zone\":\"Asia/Almaty\"},"
                 "\"places\":[\"place-almaty\"],\"source\":\"src-notes\"}");
  g_assert_true (gb_history_insert (history, event, &error));
  g_assert_no_error (error);

  bytes = gb_dossier_writer_to_bytes (dossier, &error);
  g_assert_no_error (error);
  again = gb_dossier_load_bytes (bytes, "my-visit.gbdossier", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gb_dossier_get_id (again), ==, "my-visit");
  g_assert_cmpstr (gb_text_get_exact (gb_dossier_get_title_text (again), "kk"), ==,
                   "Менің сапарым");
  g_assert_cmpstr (gb_dossier_get_languages (again)[1], ==, "kk");
  {
    GbEvent *arrival = GB_EVENT (gb_dossier_lookup (again, "evt-arrival"));
    g_autofree char *date = gb_date_to_string (gb_item_get_date (GB_ITEM (arrival)));

    g_assert_cmpstr (date, ==, "{\"start\": \"2025-05-02T09:30+05:00\", \"zone\": \"Asia/Almaty\"}");
    g_assert_true (gb_event_get_places (arrival)->pdata[0] ==
                   (gpointer) gb_dossier_lookup (again, "place-almaty"));
  }
}

/* The story's own title, summary and languages are edits like the others. */
static void
test_undo_story (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autofree char *original = dossier_text (dossier);
  g_autoptr(GbText) summary = gb_text_new_plain ("Typed");
  const char *typed[] = { "N", "Ne", "New" };
  const char *langs[] = { "en", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GbText) title = gb_text_new_plain (typed[i]);

      gb_history_set_story (history, title, gb_dossier_get_summary_text (dossier),
                            gb_dossier_get_period (dossier), gb_dossier_get_languages (dossier),
                            "title");
    }
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "New");
  gb_history_set_story (history, gb_dossier_get_title_text (dossier), summary, NULL, langs,
                        "summary");
  g_assert_cmpstr (gb_dossier_get_summary (dossier), ==, "Typed");

  g_assert_true (gb_history_undo (history));
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "New");
  g_assert_cmpuint (g_strv_length ((char **) gb_dossier_get_languages (dossier)), ==, 4);
  g_assert_true (gb_history_undo (history));
  assert_text (dossier, original);
  g_assert_false (gb_history_get_can_undo (history));
  g_assert_true (gb_history_redo (history));
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "New");
}

/* Among events of the same date, an edit that keeps the date keeps the
 * place, and undoing a move puts the event back where it was among them. */
static void
test_same_date (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autofree char *original = dossier_text (dossier);
  GListModel *events = gb_dossier_get_events (dossier);
  g_autoptr(GbItem) retitled = edited (dossier, "evt-meeting-cho", "title", "Retitled");
  g_autoptr(GbItem) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Recorder *rec = recorder_new (events);
  guint pos, first = 0, last = 0;

  /* It shares its month with others, before and after it. */
  g_assert_true (gb_dossier_find_item (dossier, gb_dossier_lookup (dossier, "evt-meeting-cho"),
                                       &pos));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GbItem) other = g_list_model_get_item (events, i);
      g_autoptr(GbItem) cho = g_list_model_get_item (events, pos);

      if (gb_date_compare (gb_item_get_date (other), gb_item_get_date (cho)) == 0)
        {
          if (first == 0 && i < pos)
            first = i + 1;
          last = i + 1;
        }
    }
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first - 1, <, pos);
  g_assert_cmpuint (last - 1, >, pos);

  g_assert_true (gb_history_replace (history, gb_dossier_lookup (dossier, "evt-meeting-cho"),
                                     retitled, "title", &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("%u:1:1;", pos);
  g_assert_cmpstr (rec->log->str, ==, expected);

  moved = edited (dossier, "evt-meeting-cho", "date", "1900");
  g_assert_true (gb_history_replace (history, retitled, moved, "date", &error));
  g_assert_true (gb_dossier_find_item (dossier, moved, &pos));
  g_assert_cmpuint (pos, ==, 0);

  g_assert_true (gb_history_undo (history));
  g_assert_true (gb_history_undo (history));
  assert_text (dossier, original);
  g_assert_true (gb_history_redo (history));
  g_assert_true (gb_history_redo (history));
  g_assert_true (gb_dossier_find_item (dossier, moved, &pos));
  g_assert_cmpuint (pos, ==, 0);

  recorder_free (rec, events);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/each-kind", test_each_kind);
  g_test_add_func ("/edit/event-order", test_event_order);
  g_test_add_func ("/edit/references", test_references);
  g_test_add_func ("/edit/refused", test_refused);
  g_test_add_func ("/edit/invalid", test_invalid);
  g_test_add_func ("/edit/located", test_located);
  g_test_add_func ("/edit/located-replacing", test_located_replacing);
  g_test_add_func ("/edit/check-story", test_check_story);
  g_test_add_func ("/edit/new-story", test_new_story);
  g_test_add_func ("/edit/same-date", test_same_date);
  g_test_add_func ("/history/each-kind", test_undo_each_kind);
  g_test_add_func ("/history/typing", test_undo_typing);
  g_test_add_func ("/history/story", test_undo_story);
  g_test_add_func ("/history/modified", test_modified);
  g_test_add_func ("/history/remove-with-references", test_remove_with_references);
  g_test_add_func ("/history/remove-source", test_remove_source);

  return g_test_run ();
}
