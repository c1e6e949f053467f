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
#include "gb-escape.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-import.h"
#include "gb-json-guard.h"
#include "gb-json-read.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-problems.h"
#include "gb-route.h"
#include "gb-source.h"
#include "gb-time-zone.h"
#include "gb-web-link.h"

#define DOSSIER_FORMAT "golden-bridge-dossier"
#define DOSSIER_VERSION 2   /* 2 adds agreements' follow_up; 1 still reads */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  GbProblems *problems;
  GbDossier  *dossier;
  GHashTable *failed;   /* ids of the items that have problems of their own */
} Loader;

G_DEFINE_QUARK (gb-load-error-quark, gb_load_error)

/* A value from the file, as messages quote it. */
#define Q(value) gb_problems_quote (l->problems, (value))

/* The loader refuses "" wherever it reads a string. */
#define READ(required) (((required) ? GB_JSON_READ_REQUIRED : 0) | GB_JSON_READ_NO_EMPTY)

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
  const char *s = gb_json_read_string (l->problems, obj, name, READ (required));

  if (s != NULL && !is_id (s))
    {
      gb_problems_report_in (l->problems, name,
                             _("“%s” is not a valid id (letters, digits, “.”, “_” and “-”, "
                               "at most 128)"), Q (s));
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
  const char *s = gb_json_read_string (l->problems, obj, name, READ (FALSE));

  if (s != NULL && !is_upper_code (s, n))
    {
      gb_problems_report_in (l->problems, name, _("“%s” is not %s"), Q (s), what);
      return NULL;
    }

  return s;
}

/* A link the window would refuse is a problem here, so that --validate says so. */
static const char *
get_url (Loader     *l,
         JsonObject *obj,
         const char *name)
{
  const char *s = gb_json_read_string (l->problems, obj, name, READ (FALSE));
  g_autoptr(GError) error = NULL;

  if (s == NULL || gb_web_link_check (s, NULL, &error))
    return s;

  gb_problems_report_in (l->problems, name, "%s", error->message);

  return NULL;
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

  if (gb_json_is_string (node))
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
                          gb_json_type_name (node));
      return NULL;
    }

  text = gb_text_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &lang, &value))
    {
      gsize len = gb_problems_push_member (l->problems, lang);

      if (!is_lang_tag (lang))
        gb_problems_report (l->problems,
                            _("“%s” is not a language tag such as “en” or “kk”"), Q (lang));
      else if (!gb_json_is_string (value))
        gb_problems_report (l->problems, _("should be a string, not %s"),
                            gb_json_type_name (value));
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
  JsonNode *node = gb_json_read_member (l->problems, obj, name, READ (required));
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
  JsonNode *node = gb_json_read_member (l->problems, obj, name, READ (required));
  GbDate *date = NULL;
  gsize len;

  if (node == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);

  if (gb_json_is_string (node))
    {
      date = parse_date_string (l, json_node_get_string (node), NULL, NULL);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *dobj = json_node_get_object (node);
      guint before = gb_problems_get_count (l->problems);
      const char *start = gb_json_read_string (l->problems, dobj, "start", READ (TRUE));
      const char *end = gb_json_read_string (l->problems, dobj, "end", READ (FALSE));
      const char *zone = gb_json_read_string (l->problems, dobj, "zone", READ (FALSE));

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
                          gb_json_type_name (node));
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
  JsonNode *node = gb_json_read_member (l->problems, obj, name, READ (required));
  double value;

  if (node == NULL)
    return FALSE;

  if (!gb_json_is_number (node))
    {
      gb_json_report_type (l->problems, name, _("a number"), node);
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      gb_problems_report_in (l->problems, name, _("is not a finite number"));
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* @s as a value of @enum_type, whose nicks are the names the format allows;
 * otherwise a problem at @name listing them. */
static gboolean
enum_value (Loader     *l,
            const char *name,
            GType       enum_type,
            const char *s,
            int        *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) known = NULL;
  GEnumValue *value;

  if ((value = g_enum_get_value_by_nick (klass, s)))
    {
      *out = value->value;
      return TRUE;
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (known, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
  gb_problems_report_in (l->problems, name, _("“%s” is not one of %s"), Q (s), known->str);
  return FALSE;
}

static gboolean
get_enum (Loader     *l,
          JsonObject *obj,
          const char *name,
          GType       enum_type,
          gboolean    required,
          int        *out)
{
  const char *s = gb_json_read_string (l->problems, obj, name, READ (required));

  return s != NULL && enum_value (l, name, enum_type, s, out);
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

  /* An item with problems of its own is there, but not built: say so, or
   * the fix would be to add what already exists. */
  if (item == NULL && g_hash_table_contains (l->failed, id))
    {
      gb_problems_report (l->problems,
                          _("refers to “%s”, which could not be loaded: see its own problems"),
                          Q (id));
      return NULL;
    }
  if (item == NULL)
    {
      gb_problems_report (l->problems, _("refers to “%s”, which is not in the dossier"), Q (id));
      return NULL;
    }

  if (!G_TYPE_CHECK_INSTANCE_TYPE (item, type_a) &&
      (type_b == G_TYPE_INVALID || !G_TYPE_CHECK_INSTANCE_TYPE (item, type_b)))
    {
      gb_problems_report (l->problems, _("refers to “%s”, which is not %s"), Q (id), what);
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
  JsonArray *array = gb_json_read_array (l->problems, obj, name, READ (FALSE));
  GPtrArray *items = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = NULL;
  gsize len;

  if (array == NULL)
    return items;

  /* A list may hold hundreds of thousands of ids: look for twice in a set. */
  seen = g_hash_table_new (NULL, NULL);

  len = gb_problems_push_member (l->problems, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize ilen = gb_problems_push_index (l->problems, i);

      if (!gb_json_is_string (node))
        {
          gb_problems_report (l->problems,
                              _("should be the id of %s, not %s"), what, gb_json_type_name (node));
        }
      else
        {
          const char *id = json_node_get_string (node);
          GbItem *item = resolve_id (l, id, type_a, type_b, what);

          if (item != NULL && !g_hash_table_add (seen, item))
            gb_problems_report (l->problems, _("lists “%s” twice"), Q (id));
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
  const char *id = gb_json_read_string (l->problems, obj, name, READ (required));
  GbItem *item;
  gsize len;

  if (id == NULL)
    return NULL;

  len = gb_problems_push_member (l->problems, name);
  item = resolve_id (l, id, type, G_TYPE_INVALID, what);
  gb_problems_pop (l->problems, len);

  return item;
}

/* Pass 1: one parser per kind of item, for the fields that are the item's own.
 * Each returns NULL when the item can't be built; the problems are reported. */

#define COUNTRY_CODE _("a two-letter country code such as “KZ”")

static GbItem *
parse_source (Loader     *l,
              JsonObject *obj,
              const char *id)
{
  GbSource *source;
  int kind = 0;

  if (!get_enum (l, obj, "kind", GB_TYPE_SOURCE_KIND, TRUE, &kind))
    return NULL;

  source = gb_source_new (id, kind);
  gb_source_set_publisher (source, gb_json_read_string (l->problems, obj, "publisher",
                                                        READ (FALSE)));
  gb_source_set_url (source, get_url (l, obj, "url"));
  gb_source_set_text (source, gb_json_read_string (l->problems, obj, "text", READ (FALSE)));

  return GB_ITEM (source);
}

static GbItem *
parse_organisation (Loader     *l,
                    JsonObject *obj,
                    const char *id)
{
  GbOrganisation *org = gb_organisation_new (id);
  g_autoptr(GbText) short_name = get_text (l, obj, "short_name", FALSE);

  gb_organisation_set_short_name (org, short_name);
  gb_organisation_set_org_kind (org, gb_json_read_string (l->problems, obj, "kind", READ (FALSE)));
  gb_organisation_set_country (org, get_code (l, obj, "country", 2, COUNTRY_CODE));
  gb_organisation_set_url (org, get_url (l, obj, "url"));

  return GB_ITEM (org);
}

static GbItem *
parse_person (Loader     *l,
              JsonObject *obj,
              const char *id)
{
  GbPerson *person = gb_person_new (id);
  g_autoptr(GbText) role = get_text (l, obj, "role", FALSE);

  gb_person_set_role (person, role);
  gb_person_set_country (person, get_code (l, obj, "country", 2, COUNTRY_CODE));

  return GB_ITEM (person);
}

/* A latitude ("lat", within ±90) or a longitude ("lon", within ±180). */
static gboolean
get_coordinate (Loader     *l,
                JsonObject *obj,
                const char *name,
                double     *out)
{
  gboolean is_lat = g_str_equal (name, "lat");
  double limit = is_lat ? 90 : 180;

  if (!get_number (l, obj, name, TRUE, out))
    return FALSE;

  if (*out < -limit || *out > limit)
    {
      /* Translators: %g is a number */
      gb_problems_report_in (l->problems, name,
                             is_lat ? _("latitude %g is outside −90 to 90")
                                    : _("longitude %g is outside −180 to 180"), *out);
      return FALSE;
    }

  return TRUE;
}

static const char *
get_timezone (Loader     *l,
              JsonObject *obj)
{
  const char *tz = gb_json_read_string (l->problems, obj, "timezone", READ (FALSE));

  if (tz == NULL || gb_time_zone_name_is_known (tz))
    return tz;

  gb_problems_report_in (l->problems, "timezone",
                         _("“%s” is not a known time zone such as “Asia/Seoul”"), Q (tz));
  return NULL;
}

static GbItem *
parse_place (Loader     *l,
             JsonObject *obj,
             const char *id)
{
  int kind = 0;
  double lat = 0, lon = 0;
  gboolean ok;
  const char *tz;
  const char *country;
  const char *iata;
  GbPlace *place;

  ok = get_enum (l, obj, "kind", GB_TYPE_PLACE_KIND, TRUE, &kind);
  ok &= get_coordinate (l, obj, "lat", &lat);
  ok &= get_coordinate (l, obj, "lon", &lon);
  tz = get_timezone (l, obj);
  country = get_code (l, obj, "country", 2, COUNTRY_CODE);
  iata = get_code (l, obj, "iata", 3, _("a three-letter airport code such as “ICN”"));
  if (!ok)
    return NULL;

  place = gb_place_new (id, kind, lat, lon);
  gb_place_set_timezone (place, tz);
  gb_place_set_country (place, country);
  gb_place_set_iata (place, iata);

  return GB_ITEM (place);
}

static GbItem *
parse_event (Loader     *l,
             JsonObject *obj,
             const char *id)
{
  g_autoptr(GbDate) date = get_date (l, obj, "date", TRUE);

  return date != NULL ? GB_ITEM (gb_event_new (id, date)) : NULL;
}

static GbItem *
parse_agreement (Loader     *l,
                 JsonObject *obj,
                 const char *id)
{
  int kind = 0, status = 0;
  gboolean ok;
  GbAgreement *agreement;
  JsonArray *covers;
  gsize len;

  ok = get_enum (l, obj, "kind", GB_TYPE_AGREEMENT_KIND, TRUE, &kind);
  ok &= get_enum (l, obj, "status", GB_TYPE_AGREEMENT_STATUS, TRUE, &status);
  if (!ok)
    return NULL;

  agreement = gb_agreement_new (id, kind, status);
  if ((covers = gb_json_read_array (l->problems, obj, "covers", READ (FALSE))) == NULL)
    return GB_ITEM (agreement);

  len = gb_problems_push_member (l->problems, "covers");
  for (guint i = 0; i < json_array_get_length (covers); i++)
    {
      gsize ilen = gb_problems_push_index (l->problems, i);
      g_autoptr(GbText) cover = parse_text (l, json_array_get_element (covers, i));

      if (cover != NULL)
        gb_agreement_add_cover (agreement, cover);
      gb_problems_pop (l->problems, ilen);
    }
  gb_problems_pop (l->problems, len);

  return GB_ITEM (agreement);
}

static GbItem *
parse_figure (Loader     *l,
              JsonObject *obj,
              const char *id)
{
  int qualifier = GB_FIGURE_QUALIFIER_EXACT;
  double value = 0;
  const char *unit;
  gboolean ok;

  ok = get_number (l, obj, "value", TRUE, &value);
  unit = gb_json_read_string (l->problems, obj, "unit", READ (TRUE));
  if (gb_json_read_member (l->problems, obj, "qualifier", READ (FALSE)) != NULL)
    ok &= get_enum (l, obj, "qualifier", GB_TYPE_FIGURE_QUALIFIER, TRUE, &qualifier);

  return ok && unit != NULL ? GB_ITEM (gb_figure_new (id, value, unit, qualifier)) : NULL;
}

static gboolean
get_operators (Loader     *l,
               JsonObject *obj,
               GStrv      *out)
{
  JsonArray *operators = gb_json_read_array (l->problems, obj, "operators", READ (FALSE));
  g_autoptr(GStrvBuilder) ops = g_strv_builder_new ();
  guint before = gb_problems_get_count (l->problems);
  gsize len = gb_problems_push_member (l->problems, "operators");

  for (guint i = 0; operators != NULL && i < json_array_get_length (operators); i++)
    {
      JsonNode *node = json_array_get_element (operators, i);
      gsize ilen = gb_problems_push_index (l->problems, i);

      if (gb_json_is_string (node))
        g_strv_builder_add (ops, json_node_get_string (node));
      else
        gb_problems_report (l->problems, _("should be a string, not %s"),
                            gb_json_type_name (node));
      gb_problems_pop (l->problems, ilen);
    }
  gb_problems_pop (l->problems, len);

  *out = g_strv_builder_end (ops);
  return gb_problems_get_count (l->problems) == before;
}

/* Routes need their places, so their section comes after the places'. */
static GbItem *
parse_route (Loader     *l,
             JsonObject *obj,
             const char *id)
{
  g_autoptr(GbText) schedule = get_text (l, obj, "schedule", FALSE);
  GbItem *from = get_ref (l, obj, "from", TRUE, GB_TYPE_PLACE, _("a place"));
  GbItem *to = get_ref (l, obj, "to", TRUE, GB_TYPE_PLACE, _("a place"));
  const char *mode = gb_json_read_string (l->problems, obj, "mode", READ (FALSE));
  g_auto(GStrv) operators = NULL;
  int mode_value;
  double minutes = 0;
  gboolean ok;
  GbRoute *route;

  ok = from != NULL && to != NULL;
  /* The route keeps the mode as written; the enum only says which are allowed. */
  if (mode != NULL && !enum_value (l, "mode", GB_TYPE_ROUTE_MODE, mode, &mode_value))
    ok = FALSE;
  if (get_number (l, obj, "duration_minutes", FALSE, &minutes) &&
      (minutes < 1 || minutes > 10000 || minutes != floor (minutes)))
    {
      gb_problems_report_in (l->problems, "duration_minutes",
                             _("should be a whole number of minutes from 1 to 10000"));
      ok = FALSE;
    }
  ok &= get_operators (l, obj, &operators);
  if (!ok)
    return NULL;

  route = gb_route_new (id, GB_PLACE (from), GB_PLACE (to), mode);
  gb_route_set_operators (route, (const char * const *) operators);
  gb_route_set_duration_minutes (route, (int) minutes);
  gb_route_set_schedule (route, schedule);

  return GB_ITEM (route);
}

/* Pass 2: references between items, and provenance. */

/* The source @obj cites, and in @quote the sentence of it that @obj quotes:
 * what rests on an article quotes it, word for word when its text is known.
 * Items and agreements' follow-up entries cite their sources this way. */
static GbSource *
get_provenance (Loader      *l,
                JsonObject  *obj,
                const char **quote)
{
  GbItem *source = get_ref (l, obj, "source", TRUE, GB_TYPE_SOURCE, _("a source"));
  GbSource *src;
  const char *text;

  *quote = gb_json_read_string (l->problems, obj, "quote", READ (FALSE));
  if (source == NULL)
    return NULL;

  src = GB_SOURCE (source);
  text = gb_source_get_text (src);
  if (*quote == NULL && gb_source_get_source_kind (src) == GB_SOURCE_KIND_ARTICLE)
    gb_problems_report_in (l->problems, "quote",
                           _("is missing: an item from an article quotes the sentence "
                             "it rests on"));
  else if (*quote != NULL && text != NULL && strstr (text, *quote) == NULL)
    gb_problems_report_in (l->problems, "quote",
                           _("is not found word for word in the text of source “%s”"),
                           gb_item_get_id (source));

  return src;
}

static void
link_provenance (Loader     *l,
                 GbItem     *item,
                 JsonObject *obj)
{
  const char *quote;
  GbSource *source = get_provenance (l, obj, &quote);
  g_autoptr(GbText) translation = get_text (l, obj, "quote_translation", FALSE);

  if (source != NULL)
    gb_item_set_provenance (item, source, quote);
  if (translation != NULL && quote == NULL)
    gb_problems_report_in (l->problems, "quote_translation",
                           _("translates a quote the item does not have"));
  gb_item_set_quote_translation (item, translation);
}

typedef void (*AddFunc) (gpointer item,
                         gpointer other);

/* Adds each item the id array @name lists to @item, with @add. */
static void
link_refs (Loader     *l,
           GbItem     *item,
           JsonObject *obj,
           const char *name,
           GType       type_a,
           GType       type_b,
           const char *what,
           AddFunc     add)
{
  g_autoptr(GPtrArray) refs = get_refs (l, obj, name, type_a, type_b, what);

  for (guint i = 0; i < refs->len; i++)
    add (item, refs->pdata[i]);
}

static void
link_person (Loader     *l,
             GbItem     *item,
             JsonObject *obj)
{
  GbItem *org = get_ref (l, obj, "organisation", FALSE, GB_TYPE_ORGANISATION,
                         _("an organisation"));

  if (org != NULL)
    gb_person_set_organisation (GB_PERSON (item), GB_ORGANISATION (org));
}

static void
link_event (Loader     *l,
            GbItem     *item,
            JsonObject *obj)
{
  link_refs (l, item, obj, "places", GB_TYPE_PLACE, G_TYPE_INVALID, _("a place"),
             (AddFunc) gb_event_add_place);
  link_refs (l, item, obj, "people", GB_TYPE_PERSON, G_TYPE_INVALID, _("a person"),
             (AddFunc) gb_event_add_person);
  link_refs (l, item, obj, "organisations", GB_TYPE_ORGANISATION, G_TYPE_INVALID,
             _("an organisation"), (AddFunc) gb_event_add_organisation);
}

/* Version 2: what happened to an agreement since, each entry with its source. */
static void
link_follow_ups (Loader      *l,
                 GbAgreement *agreement,
                 JsonObject  *obj)
{
  JsonArray *log = gb_json_read_array (l->problems, obj, "follow_up", READ (FALSE));
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
          gb_problems_report (l->problems, _("should be an object, not %s"),
                              gb_json_type_name (node));
        }
      else
        {
          JsonObject *entry = json_node_get_object (node);
          g_autoptr(GbDate) date = get_date (l, entry, "date", TRUE);
          g_autoptr(GbText) note = get_text (l, entry, "note", FALSE);
          const char *quote;
          GbSource *source = get_provenance (l, entry, &quote);
          int status = 0;

          get_enum (l, entry, "status", GB_TYPE_AGREEMENT_STATUS, TRUE, &status);
          if (gb_problems_get_count (l->problems) == before)
            gb_agreement_add_follow_up (agreement, date, status, note, source, quote);
        }
      gb_problems_pop (l->problems, ilen);
    }
  gb_problems_pop (l->problems, len);
}

static void
link_agreement (Loader     *l,
                GbItem     *item,
                JsonObject *obj)
{
  GbItem *event;

  link_refs (l, item, obj, "parties", GB_TYPE_ORGANISATION, GB_TYPE_PERSON,
             _("an organisation or a person"), (AddFunc) gb_agreement_add_party);
  link_refs (l, item, obj, "places", GB_TYPE_PLACE, G_TYPE_INVALID, _("a place"),
             (AddFunc) gb_agreement_add_place);
  if ((event = get_ref (l, obj, "event", FALSE, GB_TYPE_EVENT, _("an event"))))
    gb_agreement_set_event (GB_AGREEMENT (item), GB_EVENT (event));
  link_follow_ups (l, GB_AGREEMENT (item), obj);
}

static void
link_figure (Loader     *l,
             GbItem     *item,
             JsonObject *obj)
{
  link_refs (l, item, obj, "related", GB_TYPE_ITEM, G_TYPE_INVALID, _("an item"),
             (AddFunc) gb_figure_add_related);
}

typedef struct
{
  const char  *member;       /* the section of the dossier */
  GbItemKind   kind;
  /* The members of the fields every item has; NULL when there is none. */
  const char  *title;
  const char  *description;
  const char  *date;
  gboolean     cites_source;
  GbItem    *(*parse) (Loader     *l,
                       JsonObject *obj,
                       const char *id);
  void       (*link)  (Loader     *l,
                       GbItem     *item,
                       JsonObject *obj);
} Section;

/* In reading order: sources first, since everything else cites them; routes
 * after places. Adding a kind of item means adding its row here. */
static const Section sections[] = {
  { "sources", GB_ITEM_KIND_SOURCE, "title", "note", "date", FALSE, parse_source, NULL },
  { "organisations", GB_ITEM_KIND_ORGANISATION, "name", "description", NULL, TRUE,
    parse_organisation, NULL },
  { "people", GB_ITEM_KIND_PERSON, "name", "description", NULL, TRUE, parse_person,
    link_person },
  { "places", GB_ITEM_KIND_PLACE, "name", "description", NULL, TRUE, parse_place, NULL },
  { "routes", GB_ITEM_KIND_ROUTE, "title", "description", "period", TRUE, parse_route, NULL },
  { "events", GB_ITEM_KIND_EVENT, "title", "description", NULL, TRUE, parse_event, link_event },
  { "agreements", GB_ITEM_KIND_AGREEMENT, "title", "summary", "period", TRUE, parse_agreement,
    link_agreement },
  { "figures", GB_ITEM_KIND_FIGURE, "label", "description", "date", TRUE, parse_figure,
    link_figure },
};

/* An item built in pass 1, with what pass 2 needs to link it. */
typedef struct
{
  GbItem         *item;  /* owned by the dossier */
  JsonObject     *obj;
  const Section  *section;
  guint           index;
} Built;

/* The item's shared fields, then its own, and the members the format does not
 * define, kept for the writer; NULL when anything is wrong. */
static GbItem *
build_item (Loader        *l,
            const Section *section,
            JsonObject    *obj,
            const char    *id)
{
  guint before = gb_problems_get_count (l->problems);
  g_autoptr(GbText) title = get_text (l, obj, section->title, TRUE);
  g_autoptr(GbText) description = get_text (l, obj, section->description, FALSE);
  g_autoptr(GbDate) date = section->date ? get_date (l, obj, section->date, FALSE) : NULL;
  g_autoptr(GbItem) item = section->parse (l, obj, id);

  if (item == NULL || gb_problems_get_count (l->problems) > before)
    return NULL;

  gb_item_set_title (item, title);
  gb_item_set_description (item, description);
  if (date != NULL)
    gb_item_set_date (item, date);
  gb_dossier_writer_keep_unknown (item, obj);

  return g_steal_pointer (&item);
}

/* Pass 1 over one section: its items with their own fields, in the dossier. */
static void
build_section (Loader        *l,
               JsonObject    *root,
               const Section *section,
               GArray        *built)
{
  JsonArray *array = gb_json_read_array (l->problems, root, section->member, READ (FALSE));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = gb_problems_push_member (l->problems, section->member);
      g_autoptr(GbItem) item = NULL;
      const char *id = NULL;

      gb_problems_push_index (l->problems, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        gb_problems_report (l->problems, _("should be an object, not %s"),
                            gb_json_type_name (node));
      else if ((id = get_id_ref (l, json_node_get_object (node), "id", TRUE)) != NULL &&
               gb_dossier_lookup (l->dossier, id) != NULL)
        gb_problems_report_in (l->problems, "id",
                               _("“%s” is used by another item: ids must be unique"), id);
      else if (id != NULL && (item = build_item (l, section, json_node_get_object (node), id)))
        {
          Built b = { item, json_node_get_object (node), section, i };

          gb_dossier_add_item (l->dossier, item);
          g_array_append_val (built, b);
        }
      else if (id != NULL)
        g_hash_table_add (l->failed, (gpointer) id);
      gb_problems_pop (l->problems, len);
    }
}

/* Pass 2 for one item: its provenance and its references. */
static void
link_item (Loader        *l,
           const Section *section,
           GbItem        *item,
           JsonObject    *obj)
{
  if (section->cites_source)
    link_provenance (l, item, obj);
  if (section->link != NULL)
    section->link (l, item, obj);
}

/* Pass 2: the references of the items pass 1 built, once they all exist. */
static void
link_built_items (Loader *l,
                  GArray *built)
{
  for (guint i = 0; i < built->len; i++)
    {
      const Built *b = &g_array_index (built, Built, i);
      gsize len = gb_problems_push_member (l->problems, b->section->member);

      gb_problems_push_index (l->problems, b->index);
      link_item (l, b->section, b->item, b->obj);
      gb_problems_pop (l->problems, len);
    }
}

static void
load_items (Loader     *l,
            JsonObject *root)
{
  g_autoptr(GArray) built = g_array_new (FALSE, FALSE, sizeof (Built));
  g_autoptr(GHashTable) failed = g_hash_table_new (g_str_hash, g_str_equal);

  l->failed = failed;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    build_section (l, root, &sections[s], built);
  link_built_items (l, built);
  l->failed = NULL;
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

  if (!gb_json_is_string (format) || g_strcmp0 (json_node_get_string (format), DOSSIER_FORMAT) != 0)
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

/* The story's own members: its title, summary, period and languages. */
static void
read_story (Loader      *l,
            JsonObject  *root,
            GbText     **title,
            GbText     **summary,
            GbDate     **period,
            GStrv       *languages)
{
  JsonArray *langs;

  *title = get_text (l, root, "title", TRUE);
  *summary = get_text (l, root, "summary", FALSE);
  *period = get_date (l, root, "period", FALSE);
  *languages = NULL;

  if ((langs = gb_json_read_array (l->problems, root, "languages", READ (FALSE))))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      gsize len = gb_problems_push_member (l->problems, "languages");

      for (guint i = 0; i < json_array_get_length (langs); i++)
        {
          JsonNode *node = json_array_get_element (langs, i);
          gsize ilen = gb_problems_push_index (l->problems, i);

          if (!gb_json_is_string (node) || !is_lang_tag (json_node_get_string (node)))
            gb_problems_report (l->problems, _("should be a language tag such as “en” or “kk”"));
          else
            g_strv_builder_add (builder, json_node_get_string (node));
          gb_problems_pop (l->problems, ilen);
        }
      gb_problems_pop (l->problems, len);
      *languages = g_strv_builder_end (builder);
    }
}

static void
load_root (Loader     *l,
           JsonObject *root)
{
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) summary = NULL;
  g_autoptr(GbDate) period = NULL;
  g_autoptr(GbText) translator = NULL;
  g_auto(GStrv) languages = NULL;
  const char *id;

  id = get_id_ref (l, root, "id", TRUE);
  l->dossier = gb_dossier_new (id != NULL ? id : "untitled");

  read_story (l, root, &title, &summary, &period, &languages);
  gb_dossier_set_title (l->dossier, title);
  gb_dossier_set_summary (l->dossier, summary);
  gb_dossier_set_period (l->dossier, period);
  if (languages != NULL)
    gb_dossier_set_languages (l->dossier, (const char * const *) languages);
  translator = get_text (l, root, "translator", FALSE);
  gb_dossier_set_translator (l->dossier, translator);

  gb_dossier_writer_keep_unknown (l->dossier, root);
  load_items (l, root);
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

  /* TimelineJS spreadsheets, converted on opening with their own limits. */
  if (gb_import_csv_sniff (l.data, l.length, l.display_name))
    return gb_import_timelinejs_csv (l.data, l.length, l.display_name, error);

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
                   l.display_name, gb_json_type_name (root));
      return NULL;
    }

  /* Knight Lab files, converted on opening; they passed the same guard. */
  if (!json_object_has_member (json_node_get_object (root), "format") &&
      (json_object_has_member (json_node_get_object (root), "storymap") ||
       json_object_has_member (json_node_get_object (root), "events")))
    return gb_import_knight_lab (json_node_get_object (root), l.data, l.length, l.display_name,
                                 error);

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

/* Starts every message: a name with a newline or an escape in it would forge
 * or hide lines. */
static char *
display_name_for_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    path = g_file_get_uri (file);
  return gb_escape_controls (path, -1, GB_ESCAPE_FLAGS_NONE);
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

void
gb_item_problem_free (GbItemProblem *problem)
{
  g_return_if_fail (problem != NULL);

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/* The problems @problems found, as GbItemProblems, for a form. */
static GPtrArray *
dup_item_problems (GbProblems *problems)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_item_problem_free);

  for (guint i = 0; i < gb_problems_get_count (problems); i++)
    {
      GbItemProblem *p = g_new0 (GbItemProblem, 1);

      p->path = g_strdup (gb_problems_get_path (problems, i));
      p->message = g_strdup (gb_problems_get_message (problems, i));
      g_ptr_array_add (out, p);
    }

  return out;
}

static GbItem *
build_one (GbDossier   *dossier,
           GbItemKind   kind,
           JsonObject  *obj,
           GbItem      *replacing,
           GbProblems  *problems)
{
  g_autoptr(GHashTable) failed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GbItem) item = NULL;
  const Section *section = NULL;
  const char *id;
  GbItem *other;
  Loader l = { 0 };

  for (guint s = 0; s < G_N_ELEMENTS (sections) && section == NULL; s++)
    if (sections[s].kind == kind)
      section = &sections[s];
  g_return_val_if_fail (section != NULL, NULL);

  l.display_name = _("item");
  l.data = "";
  l.problems = problems;
  l.dossier = dossier;
  l.failed = failed;

  if (!(id = get_id_ref (&l, obj, "id", TRUE)))
    return NULL;

  /* Ids are unique in the whole dossier, as when the file is read. */
  other = gb_dossier_lookup (dossier, id);
  if (other != NULL && other != replacing)
    {
      gb_problems_report_in (problems, "id",
                             _("“%s” is used by another item: ids must be unique"),
                             gb_problems_quote (problems, id));
      return NULL;
    }

  if ((item = build_item (&l, section, obj, id)))
    link_item (&l, section, item, obj);

  return gb_problems_get_count (problems) == 0 ? g_steal_pointer (&item) : NULL;
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

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (obj != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The item may be one of @dossier's being replaced: its id is its own. */
  problems = gb_problems_new ("", 0, _("item"));
  id = json_object_get_string_member_with_default (obj, "id", NULL);
  item = build_one (dossier, kind, obj, id != NULL ? gb_dossier_lookup (dossier, id) : NULL,
                    problems);

  if ((message = gb_problems_format (problems)) != NULL || item == NULL)
    {
      g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID,
                           message != NULL ? message : _("The item could not be built"));
      return NULL;
    }

  return g_steal_pointer (&item);
}

/**
 * gb_dossier_build_item_full:
 * @replacing: (nullable): the item of @dossier that the new one replaces,
 *   whose id it may keep; %NULL for an item to add, whose id must be new
 * @problems: (out) (optional) (transfer full): the problems, each with the
 *   path of the member it concerns, when the item can't be built
 *
 * gb_dossier_build_item() for a form: the same rules, with each problem
 * where it belongs, so that it can be shown next to its field.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL
 */
GbItem *
gb_dossier_build_item_full (GbDossier   *dossier,
                            GbItemKind   kind,
                            JsonObject  *obj,
                            GbItem      *replacing,
                            GPtrArray  **problems)
{
  g_autoptr(GbProblems) found = NULL;
  GbItem *item;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (obj != NULL, NULL);
  g_return_val_if_fail (replacing == NULL || GB_IS_ITEM (replacing), NULL);

  found = gb_problems_new ("", 0, _("item"));
  item = build_one (dossier, kind, obj, replacing, found);
  if (item == NULL && gb_problems_get_count (found) == 0)
    gb_problems_report (found, _("The item could not be built"));

  if (problems != NULL)
    *problems = item == NULL ? dup_item_problems (found) : NULL;

  return item;
}

/**
 * gb_dossier_check_story:
 * @obj: the story's own members as a dossier's top level holds them: title,
 *   summary, period, languages
 * @problems: (out) (optional) (transfer full): as for
 *   gb_dossier_build_item_full()
 *
 * Reads the story's own members with the loader's rules, for a form.
 *
 * Returns: whether they are valid; then the out arguments hold them (each
 *   %NULL when absent)
 */
gboolean
gb_dossier_check_story (JsonObject  *obj,
                        GbText     **title,
                        GbText     **summary,
                        GbDate     **period,
                        GStrv       *languages,
                        GPtrArray  **problems)
{
  g_autoptr(GbProblems) found = NULL;
  g_autoptr(GHashTable) failed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GbText) t = NULL;
  g_autoptr(GbText) s = NULL;
  g_autoptr(GbDate) p = NULL;
  g_auto(GStrv) langs = NULL;
  Loader l = { 0 };

  g_return_val_if_fail (obj != NULL, FALSE);
  g_return_val_if_fail (title != NULL && summary != NULL && period != NULL, FALSE);
  g_return_val_if_fail (languages != NULL, FALSE);

  found = gb_problems_new ("", 0, _("story"));
  l.display_name = _("story");
  l.data = "";
  l.problems = found;
  l.failed = failed;
  read_story (&l, obj, &t, &s, &p, &langs);

  if (problems != NULL)
    *problems = gb_problems_get_count (found) > 0 ? dup_item_problems (found) : NULL;
  if (gb_problems_get_count (found) > 0)
    return FALSE;

  *title = g_steal_pointer (&t);
  *summary = g_steal_pointer (&s);
  *period = g_steal_pointer (&p);
  *languages = g_steal_pointer (&langs);
  return TRUE;
}
