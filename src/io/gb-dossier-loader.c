/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-dossier-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gb-agreement.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"
#include "gb-enum-types.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-import-storymap.h"
#include "gb-import-timelinejs.h"
#include "gb-json-guard.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-problems.h"
#include "gb-route.h"
#include "gb-source.h"

#define DOSSIER_FORMAT "golden-bridge-dossier"
#define DOSSIER_VERSION 2   /* 2 adds agreements' follow_up; 1 still reads */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  GbProblems *problems;
  GbDossier  *dossier;
} Loader;

G_DEFINE_QUARK (gb-load-error-quark, gb_load_error)

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Looks up @name, reporting a missing required member. */
static JsonNode *
lookup (Loader     *l,
        JsonObject *obj,
        const char *name,
        gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    node = NULL;

  /* Named from its parent, whose position the message can give. */
  if (node == NULL && required)
    gb_problems_report (l->problems, _("“%s” is missing"), name);

  return node;
}

static const char *
get_string (Loader     *l,
            JsonObject *obj,
            const char *name,
            gboolean    required)
{
  JsonNode *node = lookup (l, obj, name, required);
  gsize len;

  if (node == NULL)
    return NULL;

  if (node_is_string (node))
    {
      const char *s = json_node_get_string (node);

      if (s[0] != '\0')
        return s;
      len = gb_problems_push_member (l->problems, name);
      gb_problems_report (l->problems, _("is empty"));
      gb_problems_pop (l->problems, len);
      return NULL;
    }

  len = gb_problems_push_member (l->problems, name);
  gb_problems_report (l->problems, _("should be a string, not %s"), node_type_name (node));
  gb_problems_pop (l->problems, len);
  return NULL;
}

static gboolean
is_id (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > 128 || !g_ascii_isalnum (s[0]))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_lang_tag (const char *s)
{
  gsize i = 0;

  while (g_ascii_islower (s[i]))
    i++;
  if (i < 2 || i > 3)
    return FALSE;

  while (s[i] == '-')
    {
      gsize j = ++i;

      while (g_ascii_isalnum (s[i]))
        i++;
      if (i == j || i - j > 8)
        return FALSE;
    }

  return s[i] == '\0';
}

static gboolean
is_upper_code (const char *s,
               gsize       n)
{
  if (strlen (s) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

static const char *
get_id_ref (Loader     *l,
            JsonObject *obj,
            const char *name,
            gboolean    required)
{
  const char *s = get_string (l, obj, name, required);

  if (s != NULL && !is_id (s))
    {
      gsize len = gb_problems_push_member (l->problems, name);
      gb_problems_report (l->problems,
                          _("“%s” is not a valid id (letters, digits, “.”, “_” and “-”, "
                            "at most 128)"), s);
      gb_problems_pop (l->problems, len);
      return NULL;
    }

  return s;
}

static const char *
get_code (Loader     *l,
          JsonObject *obj,
          const char *name,
          gsize       n,
          const char *what)
{
  const char *s = get_string (l, obj, name, FALSE);

  if (s != NULL && !is_upper_code (s, n))
    {
      gsize len = gb_problems_push_member (l->problems, name);
      gb_problems_report (l->problems, _("“%s” is not %s"), s, what);
      gb_problems_pop (l->problems, len);
      return NULL;
    }

  return s;
}

static const char *
get_url (Loader     *l,
         JsonObject *obj,
         const char *name)
{
  const char *s = get_string (l, obj, name, FALSE);
  g_autoptr(GUri) uri = NULL;
  gsize len;

  if (s == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);
  uri = g_uri_parse (s, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    gb_problems_report (l->problems, _("“%s” is not a web address"), s);
  else if (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
    gb_problems_report (l->problems,
                        _("only http and https links are allowed, not “%s”"),
                        g_uri_get_scheme (uri));
  else if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    gb_problems_report (l->problems, _("“%s” has no host"), s);
  gb_problems_pop (l->problems, len);

  return gb_problems_get_count (l->problems) == 0 || uri != NULL ? s : NULL;
}

static GbText *
parse_text (Loader   *l,
            JsonNode *node)
{
  g_autoptr(GbText) text = NULL;
  JsonObjectIter iter;
  const char *lang;
  JsonNode *value;
  guint before = gb_problems_get_count (l->problems);

  if (node_is_string (node))
    {
      if (json_node_get_string (node)[0] == '\0')
        {
          gb_problems_report (l->problems, _("is empty"));
          return NULL;
        }
      return gb_text_new_plain (json_node_get_string (node));
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gb_problems_report (l->problems, _("should be a string or an object of translations, not %s"),
                          node_type_name (node));
      return NULL;
    }

  text = gb_text_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &lang, &value))
    {
      gsize len = gb_problems_push_member (l->problems, lang);

      if (!is_lang_tag (lang))
        gb_problems_report (l->problems,
                            _("“%s” is not a language tag such as “en” or “kk”"), lang);
      else if (!node_is_string (value))
        gb_problems_report (l->problems, _("should be a string, not %s"), node_type_name (value));
      else if (json_node_get_string (value)[0] != '\0')
        gb_text_set (text, lang, json_node_get_string (value));
      gb_problems_pop (l->problems, len);
    }

  if (gb_problems_get_count (l->problems) > before)
    return NULL;

  if (gb_text_is_empty (text))
    {
      gb_problems_report (l->problems, _("has no text in any language"));
      return NULL;
    }

  return g_steal_pointer (&text);
}

static GbText *
get_text (Loader     *l,
          JsonObject *obj,
          const char *name,
          gboolean    required)
{
  JsonNode *node = lookup (l, obj, name, required);
  GbText *text;
  gsize len;

  if (node == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);
  text = parse_text (l, node);
  gb_problems_pop (l->problems, len);

  return text;
}

static GbDate *
parse_date_string (Loader     *l,
                   const char *start,
                   const char *end,
                   const char *zone)
{
  g_autoptr(GError) error = NULL;
  GbDate *date;

  if (!(date = gb_date_parse (start, end, zone, &error)))
    gb_problems_report (l->problems, "%s", error->message);

  return date;
}

static GbDate *
get_date (Loader     *l,
          JsonObject *obj,
          const char *name,
          gboolean    required)
{
  JsonNode *node = lookup (l, obj, name, required);
  GbDate *date = NULL;
  gsize len;

  if (node == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);

  if (node_is_string (node))
    {
      date = parse_date_string (l, json_node_get_string (node), NULL, NULL);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *dobj = json_node_get_object (node);
      guint before = gb_problems_get_count (l->problems);
      const char *start = get_string (l, dobj, "start", TRUE);
      const char *end = get_string (l, dobj, "end", FALSE);
      const char *zone = get_string (l, dobj, "zone", FALSE);

      if (gb_problems_get_count (l->problems) == before)
        {
          /* Blame the part that is most likely wrong. */
          gsize dlen = gb_problems_push_member (l->problems, end != NULL ? "end" : "start");
          date = parse_date_string (l, start, end, zone);
          gb_problems_pop (l->problems, dlen);
        }
    }
  else
    {
      gb_problems_report (l->problems,
                          _("should be a date such as “2024-11-04” or an object with "
                            "“start”, not %s"),
                          node_type_name (node));
    }

  gb_problems_pop (l->problems, len);
  return date;
}

static gboolean
get_number (Loader     *l,
            JsonObject *obj,
            const char *name,
            gboolean    required,
            double     *out)
{
  JsonNode *node = lookup (l, obj, name, required);
  gsize len;
  double value;

  if (node == NULL)
    return FALSE;

  len = gb_problems_push_member (l->problems, name);
  if (!node_is_number (node))
    {
      gb_problems_report (l->problems, _("should be a number, not %s"), node_type_name (node));
      gb_problems_pop (l->problems, len);
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      gb_problems_report (l->problems, _("is not a finite number"));
      gb_problems_pop (l->problems, len);
      return FALSE;
    }

  gb_problems_pop (l->problems, len);
  *out = value;
  return TRUE;
}

static gboolean
get_enum (Loader     *l,
          JsonObject *obj,
          const char *name,
          GType       enum_type,
          gboolean    required,
          int        *out)
{
  g_autoptr(GEnumClass) klass = NULL;
  const char *s = get_string (l, obj, name, required);
  GEnumValue *value;
  gsize len;

  if (s == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  if ((value = g_enum_get_value_by_nick (klass, s)))
    {
      *out = value->value;
      return TRUE;
    }

  len = gb_problems_push_member (l->problems, name);
  {
    g_autoptr(GString) known = g_string_new (NULL);

    for (guint i = 0; i < klass->n_values; i++)
      g_string_append_printf (known, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
    gb_problems_report (l->problems, _("“%s” is not one of %s"), s, known->str);
  }
  gb_problems_pop (l->problems, len);
  return FALSE;
}

/* Returns the array at @name, or NULL (reporting a wrong type). */
static JsonArray *
get_array (Loader     *l,
           JsonObject *obj,
           const char *name)
{
  JsonNode *node = lookup (l, obj, name, FALSE);
  gsize len;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  len = gb_problems_push_member (l->problems, name);
  gb_problems_report (l->problems, _("should be an array, not %s"), node_type_name (node));
  gb_problems_pop (l->problems, len);
  return NULL;
}

/* The item @id names, if it is a @type_a or a @type_b (G_TYPE_INVALID for
 * none); otherwise a problem at the current path and NULL. */
static GbItem *
resolve_id (Loader     *l,
            const char *id,
            GType       type_a,
            GType       type_b,
            const char *what)
{
  GbItem *item = gb_dossier_lookup (l->dossier, id);

  if (item == NULL)
    {
      gb_problems_report (l->problems, _("refers to “%s”, which is not in the dossier"), id);
      return NULL;
    }

  if (!G_TYPE_CHECK_INSTANCE_TYPE (item, type_a) &&
      (type_b == G_TYPE_INVALID || !G_TYPE_CHECK_INSTANCE_TYPE (item, type_b)))
    {
      gb_problems_report (l->problems, _("refers to “%s”, which is not %s"), id, what);
      return NULL;
    }

  return item;
}

/* Resolves each id in the array @name to an item of one of @types. */
static GPtrArray *
get_refs (Loader     *l,
          JsonObject *obj,
          const char *name,
          GType       type_a,
          GType       type_b,
          const char *what)
{
  JsonArray *array = get_array (l, obj, name);
  GPtrArray *items = g_ptr_array_new ();
  gsize len;

  if (array == NULL)
    return items;

  len = gb_problems_push_member (l->problems, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize ilen = gb_problems_push_index (l->problems, i);

      if (!node_is_string (node))
        {
          gb_problems_report (l->problems,
                              _("should be the id of %s, not %s"), what, node_type_name (node));
        }
      else
        {
          const char *id = json_node_get_string (node);
          GbItem *item = resolve_id (l, id, type_a, type_b, what);

          if (item != NULL && g_ptr_array_find (items, item, NULL))
            gb_problems_report (l->problems, _("lists “%s” twice"), id);
          else if (item != NULL)
            g_ptr_array_add (items, item);
        }
      gb_problems_pop (l->problems, ilen);
    }
  gb_problems_pop (l->problems, len);

  return items;
}

static GbItem *
get_ref (Loader     *l,
         JsonObject *obj,
         const char *name,
         gboolean    required,
         GType       type,
         const char *what)
{
  const char *id = get_string (l, obj, name, required);
  GbItem *item;
  gsize len;

  if (id == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);
  item = resolve_id (l, id, type, G_TYPE_INVALID, what);
  gb_problems_pop (l->problems, len);

  return item;
}

/* Pass 1: the item with its own fields. NULL when it can't be built. */
static GbItem *
build_item (Loader     *l,
            GbItemKind  kind,
            JsonObject *obj,
            const char *id)
{
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) description = NULL;
  g_autoptr(GbDate) date = NULL;
  g_autoptr(GbItem) item = NULL;
  guint before = gb_problems_get_count (l->problems);

  switch (kind)
    {
    case GB_ITEM_KIND_SOURCE:
      {
        int source_kind = 0;

        title = get_text (l, obj, "title", TRUE);
        description = get_text (l, obj, "note", FALSE);
        date = get_date (l, obj, "date", FALSE);
        if (get_enum (l, obj, "kind", GB_TYPE_SOURCE_KIND, TRUE, &source_kind))
          {
            GbSource *source = gb_source_new (id, source_kind);

            item = GB_ITEM (source);
            gb_source_set_publisher (source, get_string (l, obj, "publisher", FALSE));
            gb_source_set_url (source, get_url (l, obj, "url"));
            gb_source_set_text (source, get_string (l, obj, "text", FALSE));
          }
      }
      break;

    case GB_ITEM_KIND_ORGANISATION:
      {
        GbOrganisation *org = gb_organisation_new (id);
        g_autoptr(GbText) short_name = get_text (l, obj, "short_name", FALSE);

        item = GB_ITEM (org);
        title = get_text (l, obj, "name", TRUE);
        description = get_text (l, obj, "description", FALSE);
        gb_organisation_set_short_name (org, short_name);
        gb_organisation_set_org_kind (org, get_string (l, obj, "kind", FALSE));
        gb_organisation_set_country (org, get_code (l, obj, "country", 2,
                                                    _("a two-letter country code such as “KZ”")));
        gb_organisation_set_url (org, get_url (l, obj, "url"));
      }
      break;

    case GB_ITEM_KIND_PERSON:
      {
        GbPerson *person = gb_person_new (id);
        g_autoptr(GbText) role = get_text (l, obj, "role", FALSE);

        item = GB_ITEM (person);
        title = get_text (l, obj, "name", TRUE);
        description = get_text (l, obj, "description", FALSE);
        gb_person_set_role (person, role);
        gb_person_set_country (person, get_code (l, obj, "country", 2,
                                                 _("a two-letter country code such as “KZ”")));
      }
      break;

    case GB_ITEM_KIND_PLACE:
      {
        int place_kind = 0;
        double lat = 0, lon = 0;
        gboolean ok;
        const char *tz;

        title = get_text (l, obj, "name", TRUE);
        description = get_text (l, obj, "description", FALSE);
        ok = get_enum (l, obj, "kind", GB_TYPE_PLACE_KIND, TRUE, &place_kind);
        if (get_number (l, obj, "lat", TRUE, &lat) && (lat < -90 || lat > 90))
          {
            gsize len = gb_problems_push_member (l->problems, "lat");
            gb_problems_report (l->problems, _("latitude %g is outside −90 to 90"), lat);
            gb_problems_pop (l->problems, len);
            ok = FALSE;
          }
        if (get_number (l, obj, "lon", TRUE, &lon) && (lon < -180 || lon > 180))
          {
            gsize len = gb_problems_push_member (l->problems, "lon");
            gb_problems_report (l->problems, _("longitude %g is outside −180 to 180"), lon);
            gb_problems_pop (l->problems, len);
            ok = FALSE;
          }
        if ((tz = get_string (l, obj, "timezone", FALSE)))
          {
            GTimeZone *zone = g_time_zone_new_identifier (tz);

            if (zone == NULL)
              {
                gsize len = gb_problems_push_member (l->problems, "timezone");
                gb_problems_report (l->problems,
                                    _("“%s” is not a known time zone such as “Asia/Seoul”"), tz);
                gb_problems_pop (l->problems, len);
                tz = NULL;
              }
            g_clear_pointer (&zone, g_time_zone_unref);
          }
        if (ok && gb_problems_get_count (l->problems) == before)
          {
            GbPlace *place = gb_place_new (id, place_kind, lat, lon);

            item = GB_ITEM (place);
            gb_place_set_timezone (place, tz);
            gb_place_set_country (place, get_code (l, obj, "country", 2,
                                                   _("a two-letter country code such as “KZ”")));
            gb_place_set_iata (place, get_code (l, obj, "iata", 3,
                                                _("a three-letter airport code such as “ICN”")));
          }
      }
      break;

    case GB_ITEM_KIND_EVENT:
      title = get_text (l, obj, "title", TRUE);
      description = get_text (l, obj, "description", FALSE);
      date = get_date (l, obj, "date", TRUE);
      if (date != NULL)
        item = GB_ITEM (gb_event_new (id, date));
      break;

    case GB_ITEM_KIND_AGREEMENT:
      {
        int akind = 0, status = 0;
        gboolean ok;

        title = get_text (l, obj, "title", TRUE);
        description = get_text (l, obj, "summary", FALSE);
        date = get_date (l, obj, "period", FALSE);
        ok = get_enum (l, obj, "kind", GB_TYPE_AGREEMENT_KIND, TRUE, &akind);
        ok &= get_enum (l, obj, "status", GB_TYPE_AGREEMENT_STATUS, TRUE, &status);
        if (ok)
          {
            GbAgreement *agreement = gb_agreement_new (id, akind, status);
            JsonArray *covers = get_array (l, obj, "covers");

            item = GB_ITEM (agreement);
            for (guint i = 0; covers != NULL && i < json_array_get_length (covers); i++)
              {
                gsize len = gb_problems_push_member (l->problems, "covers");
                gsize ilen = gb_problems_push_index (l->problems, i);
                g_autoptr(GbText) cover = parse_text (l, json_array_get_element (covers, i));

                if (cover != NULL)
                  gb_agreement_add_cover (agreement, cover);
                gb_problems_pop (l->problems, ilen);
                gb_problems_pop (l->problems, len);
              }
          }
      }
      break;

    case GB_ITEM_KIND_FIGURE:
      {
        int qualifier = GB_FIGURE_QUALIFIER_EXACT;
        double value = 0;
        const char *unit;
        gboolean ok;

        title = get_text (l, obj, "label", TRUE);
        description = get_text (l, obj, "description", FALSE);
        date = get_date (l, obj, "date", FALSE);
        ok = get_number (l, obj, "value", TRUE, &value);
        unit = get_string (l, obj, "unit", TRUE);
        if (lookup (l, obj, "qualifier", FALSE) != NULL)
          ok &= get_enum (l, obj, "qualifier", GB_TYPE_FIGURE_QUALIFIER, TRUE, &qualifier);
        if (ok && unit != NULL)
          item = GB_ITEM (gb_figure_new (id, value, unit, qualifier));
      }
      break;

    case GB_ITEM_KIND_ROUTE:
      /* Routes need their places: built in the second pass. */
      g_assert_not_reached ();

    default:
      g_assert_not_reached ();
    }

  if (item == NULL || gb_problems_get_count (l->problems) > before)
    return NULL;

  gb_item_set_title (item, title);
  gb_item_set_description (item, description);
  if (date != NULL)
    gb_item_set_date (item, date);

  return g_steal_pointer (&item);
}

static GbRoute *
build_route (Loader     *l,
             JsonObject *obj,
             const char *id)
{
  g_autoptr(GbText) title = get_text (l, obj, "title", TRUE);
  g_autoptr(GbText) description = get_text (l, obj, "description", FALSE);
  g_autoptr(GbText) schedule = get_text (l, obj, "schedule", FALSE);
  g_autoptr(GbDate) period = get_date (l, obj, "period", FALSE);
  GbItem *from = get_ref (l, obj, "from", TRUE, GB_TYPE_PLACE, _("a place"));
  GbItem *to = get_ref (l, obj, "to", TRUE, GB_TYPE_PLACE, _("a place"));
  const char *mode = get_string (l, obj, "mode", FALSE);
  JsonArray *operators = get_array (l, obj, "operators");
  g_autoptr(GStrvBuilder) ops = g_strv_builder_new ();
  g_auto(GStrv) ops_strv = NULL;
  double minutes = 0;
  guint before = gb_problems_get_count (l->problems);
  GbRoute *route;

  static const char * const modes[] = { "flight", "rail", "road", "sea", "other", NULL };

  if (mode != NULL && !g_strv_contains (modes, mode))
    {
      gsize len = gb_problems_push_member (l->problems, "mode");
      gb_problems_report (l->problems,
                          _("“%s” is not one of “flight”, “rail”, “road”, “sea”, “other”"), mode);
      gb_problems_pop (l->problems, len);
    }

  if (get_number (l, obj, "duration_minutes", FALSE, &minutes) &&
      (minutes < 1 || minutes > 10000 || minutes != floor (minutes)))
    {
      gsize len = gb_problems_push_member (l->problems, "duration_minutes");
      gb_problems_report (l->problems, _("should be a whole number of minutes from 1 to 10000"));
      gb_problems_pop (l->problems, len);
    }

  for (guint i = 0; operators != NULL && i < json_array_get_length (operators); i++)
    {
      JsonNode *node = json_array_get_element (operators, i);

      if (node_is_string (node))
        g_strv_builder_add (ops, json_node_get_string (node));
      else
        {
          gsize len = gb_problems_push_member (l->problems, "operators");
          gsize ilen = gb_problems_push_index (l->problems, i);
          gb_problems_report (l->problems, _("should be a string, not %s"), node_type_name (node));
          gb_problems_pop (l->problems, ilen);
          gb_problems_pop (l->problems, len);
        }
    }

  if (from == NULL || to == NULL || gb_problems_get_count (l->problems) > before)
    return NULL;

  route = gb_route_new (id, GB_PLACE (from), GB_PLACE (to), mode);
  ops_strv = g_strv_builder_end (ops);
  gb_route_set_operators (route, (const char * const *) ops_strv);
  gb_route_set_duration_minutes (route, (int) minutes);
  gb_route_set_schedule (route, schedule);
  gb_item_set_title (GB_ITEM (route), title);
  gb_item_set_description (GB_ITEM (route), description);
  gb_item_set_date (GB_ITEM (route), period);

  return route;
}

/* An article's items quote it, word for word when its text is known. */
static void
check_quote (Loader     *l,
             GbSource   *source,
             const char *quote)
{
  const char *text = gb_source_get_text (source);

  if (quote == NULL && gb_source_get_source_kind (source) == GB_SOURCE_KIND_ARTICLE)
    {
      gsize len = gb_problems_push_member (l->problems, "quote");
      gb_problems_report (l->problems,
                          _("is missing: an item from an article quotes the sentence "
                            "it rests on"));
      gb_problems_pop (l->problems, len);
    }
  else if (quote != NULL && text != NULL && strstr (text, quote) == NULL)
    {
      gsize len = gb_problems_push_member (l->problems, "quote");
      gb_problems_report (l->problems,
                          _("is not found word for word in the text of source “%s”"),
                          gb_item_get_id (GB_ITEM (source)));
      gb_problems_pop (l->problems, len);
    }
}

/* Version 2: what happened to an agreement since, each entry with its source. */
static void
link_follow_ups (Loader      *l,
                 GbAgreement *agreement,
                 JsonObject  *obj)
{
  JsonArray *log = get_array (l, obj, "follow_up");
  gsize len;

  if (log == NULL)
    return;

  len = gb_problems_push_member (l->problems, "follow_up");
  for (guint i = 0; i < json_array_get_length (log); i++)
    {
      JsonNode *node = json_array_get_element (log, i);
      gsize ilen = gb_problems_push_index (l->problems, i);
      guint before = gb_problems_get_count (l->problems);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gb_problems_report (l->problems, _("should be an object, not %s"), node_type_name (node));
        }
      else
        {
          JsonObject *entry = json_node_get_object (node);
          g_autoptr(GbDate) date = get_date (l, entry, "date", TRUE);
          g_autoptr(GbText) note = get_text (l, entry, "note", FALSE);
          GbItem *source = get_ref (l, entry, "source", TRUE, GB_TYPE_SOURCE, _("a source"));
          const char *quote = get_string (l, entry, "quote", FALSE);
          int status = 0;

          get_enum (l, entry, "status", GB_TYPE_AGREEMENT_STATUS, TRUE, &status);
          if (source != NULL)
            check_quote (l, GB_SOURCE (source), quote);
          if (gb_problems_get_count (l->problems) == before)
            gb_agreement_add_follow_up (agreement, date, status, note, GB_SOURCE (source), quote);
        }
      gb_problems_pop (l->problems, ilen);
    }
  gb_problems_pop (l->problems, len);
}

/* Pass 2: references between items, and provenance. */
static void
link_item (Loader     *l,
           GbItem     *item,
           JsonObject *obj)
{
  if (!GB_IS_SOURCE (item))
    {
      GbItem *source = get_ref (l, obj, "source", TRUE, GB_TYPE_SOURCE, _("a source"));
      const char *quote = get_string (l, obj, "quote", FALSE);

      if (source != NULL)
        {
          check_quote (l, GB_SOURCE (source), quote);
          gb_item_set_provenance (item, GB_SOURCE (source), quote);
        }
    }

  if (GB_IS_PERSON (item))
    {
      GbItem *org = get_ref (l, obj, "organisation", FALSE, GB_TYPE_ORGANISATION,
                             _("an organisation"));

      if (org != NULL)
        gb_person_set_organisation (GB_PERSON (item), GB_ORGANISATION (org));
    }
  else if (GB_IS_EVENT (item))
    {
      g_autoptr(GPtrArray) places = get_refs (l, obj, "places", GB_TYPE_PLACE, G_TYPE_INVALID,
                                              _("a place"));
      g_autoptr(GPtrArray) people = get_refs (l, obj, "people", GB_TYPE_PERSON, G_TYPE_INVALID,
                                              _("a person"));
      g_autoptr(GPtrArray) orgs = get_refs (l, obj, "organisations", GB_TYPE_ORGANISATION,
                                            G_TYPE_INVALID, _("an organisation"));

      for (guint i = 0; i < places->len; i++)
        gb_event_add_place (GB_EVENT (item), places->pdata[i]);
      for (guint i = 0; i < people->len; i++)
        gb_event_add_person (GB_EVENT (item), people->pdata[i]);
      for (guint i = 0; i < orgs->len; i++)
        gb_event_add_organisation (GB_EVENT (item), orgs->pdata[i]);
    }
  else if (GB_IS_AGREEMENT (item))
    {
      g_autoptr(GPtrArray) parties = get_refs (l, obj, "parties", GB_TYPE_ORGANISATION,
                                               GB_TYPE_PERSON, _("an organisation or a person"));
      g_autoptr(GPtrArray) places = get_refs (l, obj, "places", GB_TYPE_PLACE, G_TYPE_INVALID,
                                              _("a place"));
      GbItem *event = get_ref (l, obj, "event", FALSE, GB_TYPE_EVENT, _("an event"));

      for (guint i = 0; i < parties->len; i++)
        gb_agreement_add_party (GB_AGREEMENT (item), parties->pdata[i]);
      for (guint i = 0; i < places->len; i++)
        gb_agreement_add_place (GB_AGREEMENT (item), places->pdata[i]);
      if (event != NULL)
        gb_agreement_set_event (GB_AGREEMENT (item), GB_EVENT (event));
      link_follow_ups (l, GB_AGREEMENT (item), obj);
    }
  else if (GB_IS_FIGURE (item))
    {
      g_autoptr(GPtrArray) related = get_refs (l, obj, "related", GB_TYPE_ITEM, G_TYPE_INVALID,
                                               _("an item"));

      for (guint i = 0; i < related->len; i++)
        gb_figure_add_related (GB_FIGURE (item), related->pdata[i]);
    }
}

typedef struct
{
  const char *member;
  GbItemKind  kind;
} Section;

/* Sources first: everything else cites them. Routes after places. */
static const Section sections[] = {
  { "sources", GB_ITEM_KIND_SOURCE },
  { "organisations", GB_ITEM_KIND_ORGANISATION },
  { "people", GB_ITEM_KIND_PERSON },
  { "places", GB_ITEM_KIND_PLACE },
  { "routes", GB_ITEM_KIND_ROUTE },
  { "events", GB_ITEM_KIND_EVENT },
  { "agreements", GB_ITEM_KIND_AGREEMENT },
  { "figures", GB_ITEM_KIND_FIGURE },
};

static void
load_sections (Loader     *l,
               JsonObject *root,
               gboolean    second_pass)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonArray *array = second_pass ? NULL : get_array (l, root, sections[s].member);
      gsize slen;

      if (second_pass)
        {
          JsonNode *node = json_object_get_member (root, sections[s].member);

          array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
        }
      if (array == NULL)
        continue;

      slen = gb_problems_push_member (l->problems, sections[s].member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize ilen = gb_problems_push_index (l->problems, i);
          JsonObject *obj;
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!second_pass)
                gb_problems_report (l->problems,
                                    _("should be an object, not %s"), node_type_name (node));
              gb_problems_pop (l->problems, ilen);
              continue;
            }

          obj = json_node_get_object (node);

          if (second_pass)
            {
              GbItem *item;

              /* Items that failed in pass 1 were reported there. */
              JsonNode *id_node = json_object_get_member (obj, "id");

              /* Any type may be here: pass 1 reported what isn't a string. */
              id = node_is_string (id_node) ? json_node_get_string (id_node) : NULL;
              item = id != NULL ? gb_dossier_lookup (l->dossier, id) : NULL;
              if (item != NULL && gb_item_get_kind (item) == sections[s].kind &&
                  g_object_get_data (G_OBJECT (item), "gb-loader-obj") == obj)
                link_item (l, item, obj);
            }
          else if ((id = get_id_ref (l, obj, "id", TRUE)))
            {
              g_autoptr(GbItem) item = NULL;

              if (gb_dossier_lookup (l->dossier, id) != NULL)
                {
                  gsize len = gb_problems_push_member (l->problems, "id");
                  gb_problems_report (l->problems,
                                      _("“%s” is used by another item: ids must be unique"), id);
                  gb_problems_pop (l->problems, len);
                  gb_problems_pop (l->problems, ilen);
                  continue;
                }

              if (sections[s].kind == GB_ITEM_KIND_ROUTE)
                item = GB_ITEM (build_route (l, obj, id));
              else
                item = build_item (l, sections[s].kind, obj, id);

              if (item != NULL)
                {
                  g_object_set_data (G_OBJECT (item), "gb-loader-obj", obj);
                  gb_dossier_writer_keep_unknown (item, obj);
                  gb_dossier_add_item (l->dossier, item);
                }
            }
          gb_problems_pop (l->problems, ilen);
        }
      gb_problems_pop (l->problems, slen);
    }
}

static void
forget_loader_data (GbDossier *dossier)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GListModel *list = gb_dossier_get_items_of_kind (dossier, sections[s].kind);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          g_object_set_data (item, "gb-loader-obj", NULL);
        }
    }
}

/* A clear word for the formats people will try to open. (TimelineJS 3 and
 * StoryMapJS files don't get here: they are imported.) */
static gboolean
check_format (Loader     *l,
              JsonObject *root,
              GError    **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version;
  gint64 v;

  if (format == NULL)
    {
      const char *what = NULL;

      if (json_object_has_member (root, "timeline"))
        what = _("This is a TimelineJS 2 timeline, an older format that Golden Bridge does not "
                 "read: re-save it with TimelineJS 3");
      else
        what = _("This is not a Golden Bridge dossier: “format” is missing");

      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT, "%s: %s", l->display_name, what);
      return FALSE;
    }

  if (!node_is_string (format) || g_strcmp0 (json_node_get_string (format), DOSSIER_FORMAT) != 0)
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT,
                   _("%s: format: this is not a Golden Bridge dossier (expected “%s”)"),
                   l->display_name, DOSSIER_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT,
                   _("%s: version: should be the whole number %d"),
                   l->display_name, DOSSIER_VERSION);
      return FALSE;
    }

  v = json_node_get_int (version);
  if (v < 1 || v > DOSSIER_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT,
                   _("%s: version: format version %s is not known to this "
                     "Golden Bridge, which reads versions 1 to %d"),
                   l->display_name, found, DOSSIER_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
load_root (Loader     *l,
           JsonObject *root)
{
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) summary = NULL;
  g_autoptr(GbDate) period = NULL;
  const char *id;
  JsonArray *langs;

  id = get_id_ref (l, root, "id", TRUE);
  l->dossier = gb_dossier_new (id != NULL ? id : "untitled");

  title = get_text (l, root, "title", TRUE);
  summary = get_text (l, root, "summary", FALSE);
  period = get_date (l, root, "period", FALSE);
  gb_dossier_set_title (l->dossier, title);
  gb_dossier_set_summary (l->dossier, summary);
  gb_dossier_set_period (l->dossier, period);

  if ((langs = get_array (l, root, "languages")))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      gsize len = gb_problems_push_member (l->problems, "languages");

      for (guint i = 0; i < json_array_get_length (langs); i++)
        {
          JsonNode *node = json_array_get_element (langs, i);
          gsize ilen = gb_problems_push_index (l->problems, i);

          if (!node_is_string (node) || !is_lang_tag (json_node_get_string (node)))
            gb_problems_report (l->problems, _("should be a language tag such as “en” or “kk”"));
          else
            g_strv_builder_add (builder, json_node_get_string (node));
          gb_problems_pop (l->problems, ilen);
        }
      gb_problems_pop (l->problems, len);
      strv = g_strv_builder_end (builder);
      gb_dossier_set_languages (l->dossier, (const char * const *) strv);
    }

  gb_dossier_writer_keep_unknown (l->dossier, root);
  load_sections (l, root, FALSE);
  load_sections (l, root, TRUE);
  forget_loader_data (l->dossier);
  gb_dossier_seal (l->dossier);
}

/**
 * gb_dossier_load_bytes:
 * @display_name: the name to use in messages, such as the file's
 *
 * Parses and checks a dossier. The bytes are untrusted: everything json-glib
 * can't be trusted with is refused before it parses.
 *
 * Returns: (transfer full): the dossier, or %NULL with @error set to a
 *   #GB_LOAD_ERROR whose message has one line per problem
 */
GbDossier *
gb_dossier_load_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  GbJsonGuardLimits limits = { .max_depth = GB_DOSSIER_MAX_DEPTH,
                               .max_size = GB_DOSSIER_MAX_FILE_SIZE };
  g_autoptr(GbProblems) problems = NULL;
  g_autofree char *message = NULL;
  GbJsonGuardProblem where = GB_JSON_GUARD_PROBLEM_INIT;
  JsonNode *root;
  Loader l = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l.display_name = display_name != NULL ? display_name : _("dossier");
  l.data = g_bytes_get_data (bytes, &l.length);
  if (l.data == NULL)
    l.data = "";

  if (!gb_json_guard_check (l.data, l.length, &limits, &where, &local_error))
    {
      int code = g_error_matches (local_error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_TOO_LARGE)
                 ? GB_LOAD_ERROR_TOO_LARGE : GB_LOAD_ERROR_UNSAFE;
      g_autoptr(GString) msg = g_string_new (l.display_name);

      if (where.line > 0)
        g_string_append_printf (msg, ":%u:%u", where.line, where.column);
      if (where.path != NULL && where.path[0] != '\0')
        g_string_append_printf (msg, ": %s", where.path);
      g_string_append_printf (msg, ": %s", local_error->message);
      gb_json_guard_problem_clear (&where);

      g_set_error_literal (error, GB_LOAD_ERROR, code, msg->str);
      return NULL;
    }
  gb_json_guard_problem_clear (&where);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, l.data, l.length, &local_error))
    {
      /* json-glib's message already carries <data>:line:column. */
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_SYNTAX,
                   _("%s: not valid JSON: %s"), l.display_name, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT,
                   _("%s: the top level should be a JSON object, not %s"),
                   l.display_name, node_type_name (root));
      return NULL;
    }

  /* Knight Lab files, converted on opening; they passed the same guard. */
  if (!json_object_has_member (json_node_get_object (root), "format"))
    {
      if (json_object_has_member (json_node_get_object (root), "storymap"))
        return gb_storymap_import (json_node_get_object (root), l.data, l.length,
                                   l.display_name, error);
      if (json_object_has_member (json_node_get_object (root), "events"))
        return gb_timelinejs_import (json_node_get_object (root), l.data, l.length,
                                     l.display_name, error);
    }

  if (!check_format (&l, json_node_get_object (root), error))
    return NULL;

  problems = gb_problems_new (l.data, l.length, l.display_name);
  l.problems = problems;
  load_root (&l, json_node_get_object (root));
  dossier = g_steal_pointer (&l.dossier);

  if ((message = gb_problems_format (problems)) != NULL)
    {
      g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID, message);
      g_clear_object (&dossier);
    }

  return g_steal_pointer (&dossier);
}

static char *
display_name_for_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL ? g_steal_pointer (&path) : g_file_get_uri (file);
}

/* Never read what could be endless or huge: only regular files, capped. */
static GBytes *
read_capped (GFile         *file,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  goffset size;
  gsize n_read = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  switch ((int) g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   _("%s: is a folder, not a dossier file"), name);
      return NULL;
    default:
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   _("%s: is not a regular file (a device, pipe or socket cannot be opened)"),
                   name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > GB_DOSSIER_MAX_FILE_SIZE)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (GB_DOSSIER_MAX_FILE_SIZE);

      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s a dossier may have"),
                   name, have, limit);
      return NULL;
    }

  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  /* One byte more than allowed, to notice a file that grew. */
  buffer = g_malloc (MAX (size, 0) + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX (size, 0) + 1, &n_read,
                                cancellable, &local_error))
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  if (n_read > (gsize) size)
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNREADABLE,
                   _("%s: the file changed while it was read"), name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), n_read);
}

/**
 * gb_dossier_load_file:
 *
 * Reads and checks the dossier at @file. Blocks: use the async variant from
 * the main loop.
 *
 * Returns: (transfer full): the dossier, or %NULL with @error set
 */
GbDossier *
gb_dossier_load_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GbDossier *dossier;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  name = display_name_for_file (file);
  if (!(bytes = read_capped (file, name, cancellable, error)))
    return NULL;

  if ((dossier = gb_dossier_load_bytes (bytes, name, error)))
    gb_dossier_set_file (dossier, file);

  return dossier;
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GbDossier *dossier;

  if ((dossier = gb_dossier_load_file (task_data, cancellable, &error)))
    g_task_return_pointer (task, dossier, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
gb_dossier_load_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gb_dossier_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * gb_dossier_load_file_finish:
 *
 * Returns: (transfer full): the dossier, or %NULL with @error set
 */
GbDossier *
gb_dossier_load_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gb_dossier_load_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gb_dossier_load_resource:
 *
 * Returns: (transfer full): the dossier at @path in the app's GResource
 */
GbDossier *
gb_dossier_load_resource (const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  basename = g_path_get_basename (path);
  return gb_dossier_load_bytes (bytes, basename, error);
}

/**
 * gb_dossier_load_bundled:
 *
 * Returns: (transfer full): the story the app ships with
 */
GbDossier *
gb_dossier_load_bundled (GError **error)
{
  return gb_dossier_load_resource (GB_BUNDLED_DOSSIER_RESOURCE, error);
}

/**
 * gb_dossier_dup_summary_line:
 *
 * Returns: (transfer full): "N events, N places, …" for --validate
 */
static char *
dup_count (GbItemKind kind,
           guint      n)
{
  switch ((int) kind)
    {
    case GB_ITEM_KIND_EVENT:
      return g_strdup_printf (ngettext ("%u event", "%u events", n), n);
    case GB_ITEM_KIND_PLACE:
      return g_strdup_printf (ngettext ("%u place", "%u places", n), n);
    case GB_ITEM_KIND_ROUTE:
      return g_strdup_printf (ngettext ("%u route", "%u routes", n), n);
    case GB_ITEM_KIND_AGREEMENT:
      return g_strdup_printf (ngettext ("%u agreement", "%u agreements", n), n);
    case GB_ITEM_KIND_FIGURE:
      return g_strdup_printf (ngettext ("%u figure", "%u figures", n), n);
    case GB_ITEM_KIND_PERSON:
      return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
    case GB_ITEM_KIND_ORGANISATION:
      return g_strdup_printf (ngettext ("%u organisation", "%u organisations", n), n);
    case GB_ITEM_KIND_SOURCE:
      return g_strdup_printf (ngettext ("%u source", "%u sources", n), n);
    default:
      g_assert_not_reached ();
    }
}

char *
gb_dossier_dup_summary_line (GbDossier *dossier)
{
  static const GbItemKind kinds[] = {
    GB_ITEM_KIND_EVENT, GB_ITEM_KIND_PLACE, GB_ITEM_KIND_ROUTE, GB_ITEM_KIND_AGREEMENT,
    GB_ITEM_KIND_FIGURE, GB_ITEM_KIND_PERSON, GB_ITEM_KIND_ORGANISATION, GB_ITEM_KIND_SOURCE,
  };
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint n = g_list_model_get_n_items (gb_dossier_get_items_of_kind (dossier, kinds[i]));
      g_autofree char *count = dup_count (kinds[i], n);

      if (i > 0)
        /* Translators: between the counts of the --validate summary */
        g_string_append (line, _(", "));
      g_string_append (line, count);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * gb_dossier_build_item:
 * @dossier: the sealed dossier the item is for; its references are looked up
 *   there
 * @kind: what @obj describes
 * @obj: the item as the dossier format writes it
 *
 * Builds one item with the rules the loader applies to each item of a file,
 * so that an item edited in the app is checked as it will be when the file
 * is opened again. Members it does not know are kept. It is not added to
 * @dossier.
 *
 * Returns: (transfer full): the item, or %NULL with @error set to
 *   %GB_LOAD_ERROR_INVALID with one line per problem, each naming the member
 */
GbItem *
gb_dossier_build_item (GbDossier   *dossier,
                       GbItemKind   kind,
                       JsonObject  *obj,
                       GError     **error)
{
  g_autoptr(GbProblems) problems = NULL;
  g_autoptr(GbItem) item = NULL;
  g_autofree char *message = NULL;
  const char *id;
  Loader l = { 0 };

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (kind <= GB_ITEM_KIND_ORGANISATION, NULL);
  g_return_val_if_fail (obj != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l.display_name = _("item");
  l.data = "";
  problems = gb_problems_new (l.data, 0, l.display_name);
  l.problems = problems;
  l.dossier = dossier;

  if ((id = get_id_ref (&l, obj, "id", TRUE)))
    {
      item = kind == GB_ITEM_KIND_ROUTE ? GB_ITEM (build_route (&l, obj, id))
                                        : build_item (&l, kind, obj, id);
      if (item != NULL)
        link_item (&l, item, obj);
    }

  if ((message = gb_problems_format (problems)) != NULL || item == NULL)
    {
      g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID,
                           message != NULL ? message : _("The item could not be built"));
      return NULL;
    }

  gb_dossier_writer_keep_unknown (item, obj);
  return g_steal_pointer (&item);
}
