/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-labels"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gb-bidi.h"
#include "gb-date-format.h"
#include "gb-enum-types.h"
#include "gb-event.h"
#include "gb-labels.h"
#include "gb-source.h"

const char *
gb_labels_agreement_kind (GbAgreementKind kind)
{
  switch (kind)
    {
    case GB_AGREEMENT_KIND_AGREEMENT:
      return C_("agreement kind", "Agreement");
    case GB_AGREEMENT_KIND_PLAN:
      return C_("agreement kind", "Plan");
    case GB_AGREEMENT_KIND_PROPOSAL:
      return C_("agreement kind", "Proposal");
    case GB_AGREEMENT_KIND_INITIATIVE:
      return C_("agreement kind", "Initiative");
    case GB_AGREEMENT_KIND_PROGRAMME:
      return C_("agreement kind", "Programme");
    default:
      return "";
    }
}

const char *
gb_labels_agreement_status (GbAgreementStatus status)
{
  switch (status)
    {
    case GB_AGREEMENT_STATUS_SIGNED:
      return C_("agreement status", "Signed");
    case GB_AGREEMENT_STATUS_PROPOSED:
      return C_("agreement status", "Proposed");
    case GB_AGREEMENT_STATUS_PLANNED:
      return C_("agreement status", "Planned");
    case GB_AGREEMENT_STATUS_EXISTING:
      return C_("agreement status", "Existing");
    case GB_AGREEMENT_STATUS_LAUNCHED:
      return C_("agreement status", "Launched");
    case GB_AGREEMENT_STATUS_ENDED:
      return C_("agreement status", "Ended");
    default:
      return "";
    }
}

const char *
gb_labels_item_kind (GbItemKind kind)
{
  switch (kind)
    {
    case GB_ITEM_KIND_SOURCE:
      return C_("item kind", "Source");
    case GB_ITEM_KIND_EVENT:
      return C_("item kind", "Event");
    case GB_ITEM_KIND_PLACE:
      return C_("item kind", "Place");
    case GB_ITEM_KIND_ROUTE:
      return C_("item kind", "Route");
    case GB_ITEM_KIND_AGREEMENT:
      return C_("item kind", "Agreement or initiative");
    case GB_ITEM_KIND_FIGURE:
      return C_("item kind", "Key figure");
    case GB_ITEM_KIND_PERSON:
      return C_("item kind", "Person");
    case GB_ITEM_KIND_ORGANISATION:
      return C_("item kind", "Organisation");
    default:
      return "";
    }
}

const char *
gb_labels_place_kind (GbPlaceKind kind)
{
  switch (kind)
    {
    case GB_PLACE_KIND_CITY:
      return _("City");
    case GB_PLACE_KIND_AIRPORT:
      return _("Airport");
    case GB_PLACE_KIND_VENUE:
      return _("Venue");
    case GB_PLACE_KIND_COUNTRY:
      return _("Country");
    case GB_PLACE_KIND_OTHER:
    default:
      return _("Place");
    }
}

const char *
gb_labels_source_kind (GbSourceKind kind)
{
  switch (kind)
    {
    case GB_SOURCE_KIND_ARTICLE:
      return C_("source kind", "Article (the story itself)");
    case GB_SOURCE_KIND_CONTEXT:
      return C_("source kind", "Context (background)");
    default:
      return "";
    }
}

const char *
gb_labels_route_mode (GbRouteMode mode)
{
  switch (mode)
    {
    case GB_ROUTE_MODE_FLIGHT:
      return C_("route mode", "Flight");
    case GB_ROUTE_MODE_RAIL:
      return C_("route mode", "Rail");
    case GB_ROUTE_MODE_ROAD:
      return C_("route mode", "Road");
    case GB_ROUTE_MODE_SEA:
      return C_("route mode", "Sea");
    case GB_ROUTE_MODE_OTHER:
      return C_("route mode", "Other");
    default:
      return "";
    }
}

const char *
gb_labels_figure_qualifier (GbFigureQualifier qualifier)
{
  switch (qualifier)
    {
    case GB_FIGURE_QUALIFIER_EXACT:
      return C_("figure qualifier", "Exact");
    case GB_FIGURE_QUALIFIER_ABOUT:
      return C_("figure qualifier", "About");
    case GB_FIGURE_QUALIFIER_OVER:
      return C_("figure qualifier", "Over");
    case GB_FIGURE_QUALIFIER_MORE_THAN:
      return C_("figure qualifier", "More than");
    case GB_FIGURE_QUALIFIER_TOP:
      return C_("figure qualifier", "Among the top");
    default:
      return "";
    }
}

/**
 * gb_labels_enum_choice:
 * @enum_type: one of the model's enum types that have labels
 * @value: a value of @enum_type
 *
 * The name of @value where it is offered beside the other values of
 * @enum_type, as in the editor's drop-downs.  It is the label the views show,
 * except that the catch-all place kind reads "Other" beside "City" and
 * "Airport", where a place shown alone reads "Place".
 *
 * Returns: (transfer none): the translated label
 */
const char *
gb_labels_enum_choice (GType enum_type,
                       int   value)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), "");

  if (enum_type == GB_TYPE_SOURCE_KIND)
    return gb_labels_source_kind (value);
  if (enum_type == GB_TYPE_PLACE_KIND)
    return value == GB_PLACE_KIND_OTHER ? C_("place kind", "Other") : gb_labels_place_kind (value);
  if (enum_type == GB_TYPE_ROUTE_MODE)
    return gb_labels_route_mode (value);
  if (enum_type == GB_TYPE_AGREEMENT_KIND)
    return gb_labels_agreement_kind (value);
  if (enum_type == GB_TYPE_AGREEMENT_STATUS)
    return gb_labels_agreement_status (value);
  if (enum_type == GB_TYPE_FIGURE_QUALIFIER)
    return gb_labels_figure_qualifier (value);
  if (enum_type == GB_TYPE_ITEM_KIND)
    return gb_labels_item_kind (value);

  g_return_val_if_reached ("");
}

/**
 * gb_labels_dup_parties:
 *
 * Returns: (transfer full) (nullable): the parties' names in a line, each
 *   isolated from the others' direction
 */
char *
gb_labels_dup_parties (GbAgreement *agreement)
{
  GPtrArray *parties;
  GString *out;

  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);

  parties = gb_agreement_get_parties (agreement);
  if (parties->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < parties->len; i++)
    {
      g_autofree char *name = gb_bidi_dup_isolated (gb_item_get_title (parties->pdata[i]));

      if (i > 0)
        /* Translators: between the names in a list */
        g_string_append (out, _(", "));
      g_string_append (out, name);
    }

  return g_string_free (out, FALSE);
}

/**
 * gb_labels_dup_source_line:
 *
 * Returns: (transfer full) (nullable): "Source: The Astana Times, 5 November
 *   2024", or "Context source: …" for background facts; %NULL if @item
 *   names no source
 */
char *
gb_labels_dup_source_line (GbItem *item)
{
  GbSource *source;
  const char *publisher;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  if (!(source = gb_item_get_source (item)))
    return NULL;

  publisher = gb_source_get_publisher (source);
  if (publisher == NULL || publisher[0] == '\0')
    publisher = gb_item_get_title (GB_ITEM (source));
  name = gb_bidi_dup_isolated (publisher);

  if (gb_item_get_date (GB_ITEM (source)) != NULL)
    date = gb_date_format (gb_item_get_date (GB_ITEM (source)));

  if (date != NULL)
    /* Translators: a source's publisher and date */
    what = g_strdup_printf (_("%s, %s"), name, date);
  else
    what = g_steal_pointer (&name);

  if (gb_item_is_context (item))
    return g_strdup_printf (_("Context source: %s"), what);

  return g_strdup_printf (_("Source: %s"), what);
}

/* "Source: Nurtleu visits Seoul — The Astana Times, 5 November 2024". */
static char *
dup_citation (GbSource *source,
              gboolean  context)
{
  const char *title, *publisher;
  GbDate *date;
  g_autofree char *date_text = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *shown_publisher = NULL;
  g_autoptr(GString) line = NULL;

  g_assert (GB_IS_SOURCE (source));

  title = gb_item_get_title (GB_ITEM (source));
  publisher = gb_source_get_publisher (source);
  date = gb_item_get_date (GB_ITEM (source));
  if (date != NULL)
    date_text = gb_date_format (date);

  /* Title and publisher each isolated, so neither can pull the date into it. */
  shown_title = gb_bidi_dup_isolated (title != NULL ? title : gb_item_get_id (GB_ITEM (source)));
  if (publisher != NULL)
    shown_publisher = gb_bidi_dup_isolated (publisher);

  line = g_string_new (NULL);
  g_string_append_printf (line, context ? _("Context source: %s") : _("Source: %s"), shown_title);
  if (shown_publisher != NULL && date_text != NULL)
    g_string_append_printf (line, " — %s, %s", shown_publisher, date_text);
  else if (shown_publisher != NULL || date_text != NULL)
    g_string_append_printf (line, " — %s", shown_publisher != NULL ? shown_publisher : date_text);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * gb_labels_dup_source_citation:
 *
 * The longer form of gb_labels_dup_source_line(), for where there is room:
 * the source's title, then its publisher and date.
 *
 * Returns: (transfer full) (nullable): "Source: Nurtleu visits Seoul — The
 *   Astana Times, 5 November 2024"; %NULL if @item names no source
 */
char *
gb_labels_dup_source_citation (GbItem *item)
{
  GbSource *source;

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  if (!(source = gb_item_get_source (item)))
    return NULL;

  return dup_citation (source, gb_item_is_context (item));
}

/**
 * gb_labels_dup_status_since:
 *
 * When an agreement's current status (gb_agreement_get_current_status())
 * last changed, as the line under it says.
 *
 * Returns: (transfer full) (nullable): "since 12 March 2025"; %NULL when no
 *   follow-up says when
 */
char *
gb_labels_dup_status_since (GbAgreement *agreement)
{
  GbDate *changed;
  g_autofree char *date = NULL;

  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);

  if (!(changed = gb_agreement_get_status_date (agreement)))
    return NULL;

  date = gb_date_format (changed);
  /* Translators: when an agreement's status last changed, "since 12 March 2025" */
  return g_strdup_printf (_("since %s"), date);
}

/**
 * gb_labels_dup_follow_up_title:
 *
 * Returns: (transfer full): what a follow-up of @agreement is called where
 *   it stands among events: "Follow-up: Cooperation Action Plan"
 */
char *
gb_labels_dup_follow_up_title (GbAgreement *agreement)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);

  title = gb_bidi_dup_isolated (gb_item_get_title (GB_ITEM (agreement)));
  /* Translators: a follow-up entry on the timeline, then the agreement's title */
  return g_strdup_printf (_("Follow-up: %s"), title);
}

/**
 * gb_labels_dup_follow_up_summary:
 *
 * Returns: (transfer full): what a follow-up entry says happened: its new
 *   status, then its note: "Launched: The first projects start."
 */
char *
gb_labels_dup_follow_up_summary (const GbFollowUp *entry)
{
  const char *status;
  const char *note;
  g_autofree char *shown_note = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  status = gb_labels_agreement_status (entry->status);
  note = entry->note != NULL ? gb_text_get (entry->note) : NULL;
  if (note == NULL || *note == '\0')
    return g_strdup (status);

  shown_note = gb_bidi_dup_isolated (note);
  /* Translators: a follow-up's new status and what happened, "Launched: The plan starts." */
  return g_strdup_printf (_("%s: %s"), status, shown_note);
}

/**
 * gb_labels_dup_follow_up_name:
 *
 * Returns: (transfer full): what a screen reader says for an entry of the
 *   log: "12 March 2025, Launched: The first projects start."
 */
char *
gb_labels_dup_follow_up_name (const GbFollowUp *entry)
{
  g_autofree char *words = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  words = gb_date_format_words (entry->date);
  summary = gb_labels_dup_follow_up_summary (entry);
  /* Translators: a follow-up entry for screen readers: its date, then what happened */
  return g_strdup_printf (_("%s, %s"), words, summary);
}

/**
 * gb_labels_dup_follow_up_source:
 *
 * Returns: (transfer full): where a follow-up entry is reported, in the
 *   form of gb_labels_dup_source_citation()
 */
char *
gb_labels_dup_follow_up_source (const GbFollowUp *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (GB_IS_SOURCE (entry->source), NULL);

  return dup_citation (entry->source, gb_item_is_context (GB_ITEM (entry->source)));
}

static void
append_titles (GString    *out,
               GPtrArray  *items,
               const char *separator)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *title = gb_item_get_title (g_ptr_array_index (items, i));
      g_autofree char *isolated = NULL;

      if (title == NULL || *title == '\0')
        continue;
      /* Each name on its own: an override in one must not reverse the next. */
      isolated = gb_bidi_dup_isolated (title);
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, isolated);
      separator = ", ";
    }
}

/**
 * gb_labels_dup_item_meta:
 *
 * Returns: (transfer full): the people or parties and the places of an
 *   event or agreement in a line, "Murat Nurtleu, Cho Tae-yul · Seoul";
 *   empty for other items
 */
char *
gb_labels_dup_item_meta (GbItem *item)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  if (GB_IS_EVENT (item))
    {
      append_titles (out, gb_event_get_people (GB_EVENT (item)), "");
      append_titles (out, gb_event_get_places (GB_EVENT (item)), " · ");
    }
  else if (GB_IS_AGREEMENT (item))
    {
      append_titles (out, gb_agreement_get_parties (GB_AGREEMENT (item)), "");
      append_titles (out, gb_agreement_get_places (GB_AGREEMENT (item)), " · ");
    }

  return g_string_free (out, FALSE);
}

/**
 * gb_labels_dup_kind_date:
 *
 * The line under an item's title where items of every kind are listed
 * together (search results, linked items).
 *
 * Returns: (transfer full): "Event · 4 November 2024", or the kind alone
 *   for an undated item
 */
char *
gb_labels_dup_kind_date (GbItem *item)
{
  const char *kind;
  g_autofree char *date = NULL;

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  kind = gb_labels_item_kind (gb_item_get_kind (item));
  if (gb_item_get_date (item) == NULL)
    return g_strdup (kind);

  date = gb_date_format (gb_item_get_date (item));
  /* Translators: an item's kind and date, as "Event · 4 November 2024" */
  return g_strdup_printf (_("%s · %s"), kind, date);
}

/**
 * gb_labels_dup_place_name:
 *
 * What a screen reader says for a place's marker: its name and, from its
 * description, the first sentence, as "Astana — Capital of Kazakhstan".
 *
 * Returns: (transfer full): the name
 */
char *
gb_labels_dup_place_name (GbPlace *place)
{
  const char *title, *description;
  g_autofree char *first = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *shown_first = NULL;
  const char *end;

  g_return_val_if_fail (GB_IS_PLACE (place), NULL);

  title = gb_item_get_title (GB_ITEM (place));
  description = gb_item_get_description (GB_ITEM (place));
  if (description == NULL || *description == '\0')
    return g_strdup (title);

  end = strstr (description, ". ");
  first = end != NULL ? g_strndup (description, end - description) : g_strdup (description);
  g_strstrip (first);
  if (g_str_has_suffix (first, "."))
    first[strlen (first) - 1] = '\0';

  shown_title = gb_bidi_dup_isolated (title);
  shown_first = gb_bidi_dup_isolated (first);
  /* TRANSLATORS: a map marker's name: the place, then what it is */
  return g_strdup_printf (_("%s — %s"), shown_title, shown_first);
}

/**
 * gb_labels_dup_place_kind:
 *
 * Returns: (transfer full): what kind of place @place is, with its airport
 *   code if it has one: "Airport, NQZ", "City"
 */
char *
gb_labels_dup_place_kind (GbPlace *place)
{
  const char *kind;
  const char *iata;

  g_return_val_if_fail (GB_IS_PLACE (place), NULL);

  kind = gb_labels_place_kind (gb_place_get_place_kind (place));
  iata = gb_place_get_iata (place);
  if (iata == NULL || *iata == '\0')
    return g_strdup (kind);

  /* TRANSLATORS: a place's kind and its airport code, as "Airport, NQZ" */
  return g_strdup_printf (_("%s, %s"), kind, iata);
}

static char *
format_coordinate (double      value,
                   const char *positive,
                   const char *negative)
{
  /* Translators: a coordinate, "51.1694° N" */
  return g_strdup_printf (_("%.4f° %s"), fabs (value), value >= 0 ? positive : negative);
}

/**
 * gb_labels_dup_place_position:
 *
 * Returns: (transfer full): where @place is, to four decimals (about ten
 *   metres): "51.1694° N, 71.4491° E"
 */
char *
gb_labels_dup_place_position (GbPlace *place)
{
  g_autofree char *lat = NULL;
  g_autofree char *lon = NULL;

  g_return_val_if_fail (GB_IS_PLACE (place), NULL);

  lat = format_coordinate (gb_place_get_latitude (place), _("N"), _("S"));
  lon = format_coordinate (gb_place_get_longitude (place), _("E"), _("W"));
  /* Translators: latitude, longitude */
  return g_strdup_printf (_("%s, %s"), lat, lon);
}

/* ISO 3166 alpha-2 code → English short name, from iso-codes. */
static GHashTable *
load_countries (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  g_autofree char *localedir = g_build_filename (ISO_CODES_PREFIX, "share", "locale", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *root;
  JsonArray *entries;

  bindtextdomain ("iso_3166-1", localedir);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");

  /* A file of the system's, not of a stranger's: still checked as it is read. */
  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "3166-1") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "3166-1")))
    return names;

  entries = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      /* "South Korea" rather than "Korea, Republic of", where there is one. */
      const char *name = entry == NULL ? NULL :
                         json_object_get_string_member_with_default (entry, "common_name",
                           json_object_get_string_member_with_default (entry, "name", NULL));
      const char *code = entry == NULL ? NULL :
                         json_object_get_string_member_with_default (entry, "alpha_2", NULL);

      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }
  return names;
}

/**
 * gb_labels_dup_country:
 * @code: (nullable): an ISO 3166 alpha-2 code, as a dossier stores it
 *
 * Returns: (transfer full) (nullable): the country's name in the
 *   interface's language ("Kazakhstan", "Қазақстан"), or @code itself
 *   where iso-codes does not name it
 */
char *
gb_labels_dup_country (const char *code)
{
  static gsize loaded;
  static GHashTable *countries;
  g_autofree char *upper = NULL;
  const char *name;

  if (code == NULL || code[0] == '\0')
    return NULL;

  if (g_once_init_enter (&loaded))
    {
      countries = load_countries ();
      g_once_init_leave (&loaded, 1);
    }

  upper = g_ascii_strup (code, -1);
  name = g_hash_table_lookup (countries, upper);
  return g_strdup (name != NULL ? dgettext ("iso_3166-1", name) : code);
}

/**
 * gb_labels_dup_language:
 * @tag: (nullable): a language tag of a story ("kk", "zh-Hant")
 *
 * A language as a menu of languages names it: in itself, so that a reader
 * finds their own whatever the interface's language is.
 *
 * Returns: (transfer full) (nullable): "Қазақша", "한국어"; @tag itself for
 *   a language not known here
 */
char *
gb_labels_dup_language (const char *tag)
{
  static const struct { const char *tag; const char *name; } autonyms[] = {
    { "ar", "العربية" }, { "de", "Deutsch" }, { "en", "English" }, { "es", "Español" },
    { "fr", "Français" }, { "it", "Italiano" }, { "ja", "日本語" }, { "kk", "Қазақша" },
    { "ko", "한국어" }, { "ky", "Кыргызча" }, { "pt", "Português" }, { "ru", "Русский" },
    { "tr", "Türkçe" }, { "uk", "Українська" }, { "uz", "Oʻzbekcha" }, { "zh", "中文" },
  };
  g_autofree char *lower = NULL;
  char *dash;

  if (tag == NULL || tag[0] == '\0')
    return NULL;

  lower = g_ascii_strdown (tag, -1);
  if ((dash = strchr (lower, '-')) != NULL)
    *dash = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (autonyms); i++)
    if (g_str_equal (lower, autonyms[i].tag))
      return dash == NULL ? g_strdup (autonyms[i].name)
                          : g_strdup_printf ("%s (%s)", autonyms[i].name, tag);

  return g_strdup (tag);
}

/**
 * gb_labels_dup_time_zone:
 * @identifier: (nullable): an IANA zone, "Asia/Almaty"
 *
 * The zone by its city and its offset from UTC now: "Almaty (UTC+05:00)".
 * GLib has no names of zones in the reader's language; the city is the
 * zone's own, in English.
 *
 * Returns: (transfer full) (nullable): the zone as a reader reads it
 */
char *
gb_labels_dup_time_zone (const char *identifier)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *city = NULL;
  const char *slash;

  if (identifier == NULL || identifier[0] == '\0')
    return NULL;

  slash = strrchr (identifier, '/');
  city = g_strdup (slash != NULL ? slash + 1 : identifier);
  g_strdelimit (city, "_", ' ');

  /* The model only keeps zones the system knows (gb-time-zone.c). */
  zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL || g_str_equal (city, "UTC"))
    return g_steal_pointer (&city);

  now = g_date_time_new_now (zone);
  offset = g_date_time_format (now, "%:z");
  /* Translators: a time zone, "Almaty (UTC+05:00)" */
  return g_strdup_printf (_("%s (UTC%s)"), city, offset);
}
