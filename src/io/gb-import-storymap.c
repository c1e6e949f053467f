/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-storymap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-html-text.h"
#include "gb-import-common.h"
#include "gb-import.h"
#include "gb-json-locate.h"
#include "gb-place.h"
#include "gb-route.h"

/* StoryMapJS → dossier. The mapping is described in docs/dossier-format.md,
 * "Importers". */

/* A point on the map, however many slides stand at it. */
typedef struct
{
  GbPlace   *place;
  GPtrArray *names;      /* char *, distinct, in the order of the slides */
  char      *quote;      /* the first slide's words for it */
  GPtrArray *titles;     /* of the slides here that are not events */
  GPtrArray *texts;      /* their texts, "" for none */
} Stop;

typedef struct
{
  Stop  *from;
  Stop  *to;
  guint  from_slide;
  guint  to_slide;
} Leg;

typedef struct
{
  GbImporter *importer;
  GPtrArray  *stops;     /* Stop *, in order of first appearance */
  GHashTable *by_point;  /* "lat,lon" → Stop * */
  GArray     *legs;      /* Leg */
  Stop       *last_stop;
  guint       last_slide;
} StoryMap;

static const char * const month_names[12] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static void
stop_free (gpointer data)
{
  Stop *stop = data;

  g_clear_object (&stop->place);
  g_ptr_array_unref (stop->names);
  g_ptr_array_unref (stop->titles);
  g_ptr_array_unref (stop->texts);
  g_free (stop->quote);
  g_free (stop);
}

/* ------------------------------------------------------------------------ */
/* Free-text dates                                                          */

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len > 0 && word[len - 1] == '.')
    len--;
  if (len < 3)
    return 0;

  for (int m = 0; m < 12; m++)
    {
      /* "Sep", "Sept", "September"; not "Septemb". */
      if (len == strlen (month_names[m]) || len == 3 || (m == 8 && len == 4))
        if (g_ascii_strncasecmp (word, month_names[m], len) == 0)
          return m + 1;
    }

  return 0;
}

/* Digits only, at most @max_digits of them; "6th" when @ordinal. */
static int
number_from_word (const char *word,
                  guint       max_digits,
                  gboolean    ordinal)
{
  gsize n = strspn (word, "0123456789");
  const char *rest = word + n;

  if (n == 0 || n > max_digits)
    return -1;
  if (*rest != '\0' &&
      !(ordinal && (g_ascii_strcasecmp (rest, "st") == 0 || g_ascii_strcasecmp (rest, "nd") == 0 ||
                    g_ascii_strcasecmp (rest, "rd") == 0 || g_ascii_strcasecmp (rest, "th") == 0)))
    return -1;

  return atoi (word);
}

static gboolean
is_digits (const char *s,
           gsize       n)
{
  return strlen (s) >= n && strspn (s, "0123456789") >= n;
}

/* One date (not a span) in the dossier's form, or NULL. */
static char *
dup_iso_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  int year = -1, month = 0, day = 0;
  gsize len = strlen (text);

  /* 1944, 1944-06, 1944-06-06; a story's "0000" is no year (the dossier's 0000
   * is 1 BC, which no one writes so). */
  if (g_str_has_prefix (text, "0000"))
    return NULL;
  if ((len == 4 && is_digits (text, 4)) ||
      (len == 7 && is_digits (text, 4) && text[4] == '-' && is_digits (text + 5, 2)) ||
      (len == 10 && is_digits (text, 4) && text[4] == '-' && is_digits (text + 5, 2) &&
       text[7] == '-' && is_digits (text + 8, 2)))
    return g_strdup (text);

  words = g_strsplit_set (text, " ,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);

  if (kept->len == 2 && (month = month_from_word (kept->pdata[0])) > 0)
    year = number_from_word (kept->pdata[1], 4, FALSE);
  else if (kept->len == 3 && (month = month_from_word (kept->pdata[1])) > 0)
    {
      day = number_from_word (kept->pdata[0], 2, TRUE);
      year = number_from_word (kept->pdata[2], 4, FALSE);
    }
  else if (kept->len == 3 && (month = month_from_word (kept->pdata[0])) > 0)
    {
      day = number_from_word (kept->pdata[1], 2, TRUE);
      year = number_from_word (kept->pdata[2], 4, FALSE);
    }
  else
    return NULL;

  /* A year of one or two digits is a day ("Aug 23", StoryMapJS's Katrina
   * example) or a year nobody can place ("6 June 44"): no year, no date.
   * The text stays in the slide's description as the story gives it. */
  if (year < 100 || day < 0)
    return NULL;
  if (kept->len == 2)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static GbDate *
parse_span (const char *start,
            const char *end)
{
  g_autofree char *a = g_strstrip (g_strdup (start));
  g_autofree char *b = end != NULL ? g_strstrip (g_strdup (end)) : NULL;
  g_autofree char *iso_a = dup_iso_date (a);
  g_autofree char *iso_b = b != NULL ? dup_iso_date (b) : NULL;

  if (iso_a == NULL || (b != NULL && iso_b == NULL))
    return NULL;

  /* Checks the day exists and the end is not before the start. */
  return gb_date_parse (iso_a, iso_b, NULL, NULL);
}

GbDate *
gb_storymap_parse_date (const char *text)
{
  static const char * const dashes[] = { "–", "—", " to ", "-" };
  g_autofree char *plain = NULL;
  GbDate *date;

  if (text == NULL)
    return NULL;

  /* Entities and stray markup out, spaces collapsed. */
  plain = gb_html_to_line (text);
  if (plain[0] == '\0' || strlen (plain) > 64)
    return NULL;

  if ((date = parse_span (plain, NULL)))
    return date;

  for (guint d = 0; d < G_N_ELEMENTS (dashes); d++)
    for (const char *p = strstr (plain, dashes[d]); p != NULL; p = strstr (p + 1, dashes[d]))
      {
        g_autofree char *left = g_strndup (plain, p - plain);

        if ((date = parse_span (left, p + strlen (dashes[d]))))
          return date;
      }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Slides                                                                   */

/* A coordinate: a number, or a string of one as Leaflet also takes. */
/* What StoryMapJS writes for a coordinate in a string: "-12.5", "43". No
 * spaces, signs other than "-", hexadecimal, exponents or "inf". */
static gboolean
is_plain_decimal (const char *s)
{
  const char *p = s[0] == '-' ? s + 1 : s;
  gsize digits = strspn (p, "0123456789");

  if (digits == 0)
    return FALSE;
  p += digits;
  if (*p == '.')
    {
      digits = strspn (p + 1, "0123456789");
      if (digits == 0)
        return FALSE;
      p += 1 + digits;
    }
  return *p == '\0';
}

static gboolean
read_coordinate (GbImporter *importer,
                 JsonObject *location,
                 const char *name,
                 double      limit,
                 double     *out)
{
  JsonNode *node = json_object_get_member (location, name);
  gboolean ok = FALSE;
  gsize len = gb_problems_push_member (importer->problems, name);
  double value = 0;

  if (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                       json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      value = json_node_get_double (node);
      ok = TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      /* strtod alone took "0x10" and " 5" but not "5 ". */
      ok = is_plain_decimal (s);
      if (ok)
        value = g_ascii_strtod (s, NULL);
      else
        gb_problems_report (importer->problems, _("should be a number, not “%s”"),
                            gb_problems_quote (importer->problems, s));
    }
  else
    gb_problems_report (importer->problems, _("should be a number"));

  if (ok && !isfinite (value))
    {
      gb_problems_report (importer->problems, _("is not a finite number"));
      ok = FALSE;
    }
  else if (ok && fabs (value) > limit)
    {
      if (limit == 90)
        gb_problems_report (importer->problems, _("latitude %g is outside −90 to 90"), value);
      else
        gb_problems_report (importer->problems, _("longitude %g is outside −180 to 180"), value);
      ok = FALSE;
    }

  gb_problems_pop (importer->problems, len);
  *out = value + 0.0;   /* no -0 */
  return ok;
}

static void
add_unique (GPtrArray  *strings,
            const char *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (strings->pdata[i], s))
      return;
  g_ptr_array_add (strings, g_strdup (s));
}

static Stop *
find_stop (StoryMap   *sm,
           double      lat,
           double      lon,
           const char *quote)
{
  g_autofree char *key = g_strdup_printf ("%a,%a", lat, lon);
  Stop *stop = g_hash_table_lookup (sm->by_point, key);
  g_autofree char *id = NULL;

  if (stop != NULL)
    return stop;

  id = g_strdup_printf ("place-%u", sm->stops->len);
  stop = g_new0 (Stop, 1);
  stop->place = gb_place_new (id, GB_PLACE_KIND_OTHER, lat, lon);
  stop->names = g_ptr_array_new_with_free_func (g_free);
  stop->titles = g_ptr_array_new_with_free_func (g_free);
  stop->texts = g_ptr_array_new_with_free_func (g_free);
  stop->quote = g_strdup (quote);
  g_ptr_array_add (sm->stops, stop);
  g_hash_table_insert (sm->by_point, g_steal_pointer (&key), stop);

  return stop;
}

/* The slide's location, if it has one: NULL and no problem when it has none
 * (an object with neither lat nor lon, as StoryMapJS also skips). */
static Stop *
read_location (StoryMap   *sm,
               JsonObject *slide,
               const char *title,
               char      **name_out)
{
  GbImporter *importer = sm->importer;
  JsonObject *location = gb_json_read_object (importer->problems, slide, "location",
                                              GB_JSON_READ_OPTIONAL);
  g_autofree char *name = NULL;
  gboolean has_lat, has_lon, ok = TRUE;
  double lat = 0, lon = 0;
  gsize len;

  *name_out = NULL;
  if (location == NULL)
    return NULL;

  has_lat = json_object_has_member (location, "lat");
  has_lon = json_object_has_member (location, "lon");
  if (!has_lat && !has_lon)
    return NULL;

  len = gb_problems_push_member (importer->problems, "location");
  name = gb_importer_dup_html (importer, location, "name", TRUE);
  if (!has_lat || !has_lon)
    {
      gb_problems_report_missing (importer->problems, has_lat ? "lon" : "lat", _("is missing"));
      ok = FALSE;
    }
  else
    {
      ok &= read_coordinate (importer, location, "lat", 90, &lat);
      ok &= read_coordinate (importer, location, "lon", 180, &lon);
    }
  gb_problems_pop (importer->problems, len);

  if (!ok)
    return NULL;

  *name_out = g_steal_pointer (&name);
  return find_stop (sm, lat, lon, *name_out != NULL ? *name_out : title);
}

/* The slide's date as written: a string, or a number for a year. */
static char *
dup_date_text (GbImporter *importer,
               JsonObject *slide)
{
  JsonNode *node = json_object_get_member (slide, "date");

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return gb_importer_dup_html (importer, slide, "date", TRUE);
}

static void
import_slide (StoryMap   *sm,
              JsonObject *slide,
              guint       index)
{
  GbImporter *importer = sm->importer;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GbDate) date = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  guint before = gb_problems_get_count (importer->problems);
  Stop *stop;

  gb_importer_read_text (importer, slide, &headline, &body);
  date_text = dup_date_text (importer, slide);

  if (headline != NULL)
    title = g_strdup (headline);
  else if (body != NULL)
    title = gb_importer_dup_excerpt (body, 80);

  stop = read_location (sm, slide, title, &name);
  if (title == NULL && name != NULL)
    title = g_strdup (name);
  if (title == NULL)
    /* Translators: a slide of a story map with no headline; %u is its number */
    title = g_strdup_printf (_("Slide %u"), index);

  date = gb_storymap_parse_date (date_text);
  if (date == NULL && date_text != NULL)
    {
      /* Translators: %s is a date as the story wrote it, which could not be read */
      g_autofree char *line = g_strdup_printf (_("Date in the story: %s"), date_text);

      gb_importer_append_paragraph (description, line);
    }
  gb_importer_append_paragraph (description, body);
  gb_importer_add_media (importer, slide, title, description);

  if (gb_problems_get_count (importer->problems) > before)
    return;

  if (stop != NULL)
    {
      add_unique (stop->names, name != NULL ? name : title);

      if (sm->last_stop != NULL && sm->last_stop != stop)
        {
          Leg leg = { sm->last_stop, stop, sm->last_slide, index };

          g_array_append_val (sm->legs, leg);
        }
      sm->last_stop = stop;
      sm->last_slide = index;
    }

  if (date != NULL)
    {
      g_autofree char *id = g_strdup_printf ("slide-%u", index);
      g_autoptr(GbEvent) event = gb_event_new (id, date);
      g_autoptr(GbText) title_text = gb_text_new_plain (title);

      gb_item_set_title (GB_ITEM (event), title_text);
      if (description->len > 0)
        {
          g_autoptr(GbText) description_text = gb_text_new_plain (description->str);

          gb_item_set_description (GB_ITEM (event), description_text);
        }
      if (stop != NULL)
        gb_event_add_place (event, stop->place);
      gb_importer_add (importer, GB_ITEM (event), gb_importer_get_file_source (importer),
                       headline != NULL ? headline : body);
    }
  else if (stop != NULL)
    {
      /* Not on the timeline: the place tells what the slide says. */
      g_ptr_array_add (stop->titles, g_strdup (title));
      g_ptr_array_add (stop->texts, g_string_free (g_steal_pointer (&description), FALSE));
    }
  /* A slide with neither a place nor a date has nowhere to go. */
}

static void
finish_stops (StoryMap *sm)
{
  GbImporter *importer = sm->importer;
  GbSource *source = gb_importer_get_file_source (importer);

  for (guint i = 0; i < sm->stops->len; i++)
    {
      Stop *stop = sm->stops->pdata[i];
      g_autoptr(GString) description = g_string_new (NULL);
      g_autoptr(GbText) title = NULL;
      g_autofree char *joined = NULL;

      /* One point, several names (the file may give two for one spot). */
      g_ptr_array_add (stop->names, NULL);
      joined = g_strjoinv (" / ", (char **) stop->names->pdata);
      title = gb_text_new_plain (joined);
      gb_item_set_title (GB_ITEM (stop->place), title);

      for (guint t = 0; t < stop->titles->len; t++)
        {
          const char *text = stop->texts->pdata[t];

          /* A slide's headline is only news when the place goes by another name. */
          if (stop->titles->len > 1 || !g_str_equal (stop->titles->pdata[t], joined))
            {
              g_autofree char *both = text[0] != '\0'
                ? g_strdup_printf ("%s\n%s", (char *) stop->titles->pdata[t], text)
                : g_strdup (stop->titles->pdata[t]);

              gb_importer_append_paragraph (description, both);
            }
          else
            gb_importer_append_paragraph (description, text);
        }
      if (description->len > 0)
        {
          g_autoptr(GbText) text = gb_text_new_plain (description->str);

          gb_item_set_description (GB_ITEM (stop->place), text);
        }

      gb_importer_add (importer, GB_ITEM (stop->place), source, stop->quote);
    }
}

/* No sentence of the file says the routes: they come from the order of its
 * slides. A context source says so, as an article's items need a quote. */
static GbSource *
slide_order_source (GbImporter *importer)
{
  g_autoptr(GbText) title = gb_text_new_plain (_("The order of the slides"));
  g_autoptr(GbText) note = gb_text_new_plain (_("StoryMapJS draws a line between the places of "
                                                "a story map in the order of its slides."));
  g_autoptr(GbSource) source = gb_source_new ("slides", GB_SOURCE_KIND_CONTEXT);

  gb_item_set_title (GB_ITEM (source), title);
  gb_item_set_description (GB_ITEM (source), note);
  if (!gb_dossier_add_item (gb_importer_get_dossier (importer), GB_ITEM (source)))
    g_assert_not_reached ();

  return g_steal_pointer (&source);
}

static void
finish_legs (StoryMap *sm)
{
  GbImporter *importer = sm->importer;
  g_autoptr(GbSource) source = NULL;

  if (sm->legs->len > 0)
    source = slide_order_source (importer);

  for (guint i = 0; i < sm->legs->len; i++)
    {
      Leg *leg = &g_array_index (sm->legs, Leg, i);
      g_autofree char *id = g_strdup_printf ("route-%u", i);
      g_autoptr(GbRoute) route = gb_route_new (id, leg->from->place, leg->to->place, "other");
      /* Translators: a route on the map, from one place to the next */
      g_autofree char *title = g_strdup_printf (_("%s → %s"),
                                                gb_item_get_title (GB_ITEM (leg->from->place)),
                                                gb_item_get_title (GB_ITEM (leg->to->place)));
      /* Translators: %u are slide numbers */
      g_autofree char *text = g_strdup_printf (_("From slide %u to slide %u of the story map, "
                                                 "which draws a line between its places in the "
                                                 "order of its slides."),
                                               leg->from_slide, leg->to_slide);
      g_autoptr(GbText) title_text = gb_text_new_plain (title);
      g_autoptr(GbText) description = gb_text_new_plain (text);

      gb_item_set_title (GB_ITEM (route), title_text);
      gb_item_set_description (GB_ITEM (route), description);
      gb_importer_add (importer, GB_ITEM (route), source, NULL);
    }
}

/* The overview (title) slide gives the dossier its title, summary and period. */
static void
import_overview (StoryMap   *sm,
                 JsonObject *slide)
{
  GbImporter *importer = sm->importer;
  GbDossier *dossier = gb_importer_get_dossier (importer);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbDate) period = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date_text = NULL;

  if (slide != NULL)
    {
      gb_importer_read_text (importer, slide, &headline, &body);
      date_text = dup_date_text (importer, slide);
    }

  title = gb_text_new_plain (headline != NULL ? headline : gb_importer_get_file_title (importer));
  gb_dossier_set_title (dossier, title);
  gb_importer_get_file_source (importer);

  if ((period = gb_storymap_parse_date (date_text)))
    gb_dossier_set_period (dossier, period);

  gb_importer_append_paragraph (summary, body);
  if (slide != NULL)
    gb_importer_add_media (importer, slide, gb_dossier_get_title (dossier), summary);
  if (summary->len > 0)
    {
      g_autoptr(GbText) summary_text = gb_text_new_plain (summary->str);

      gb_dossier_set_summary (dossier, summary_text);
    }
}

static gboolean
is_overview (JsonNode *node)
{
  JsonNode *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  type = json_object_get_member (json_node_get_object (node), "type");
  return type != NULL && JSON_NODE_HOLDS_VALUE (type) &&
         json_node_get_value_type (type) == G_TYPE_STRING &&
         g_str_equal (json_node_get_string (type), "overview");
}

/* Gigapixel stories pin their slides on one huge picture: x and y on the
 * image, not places on Earth. */
static gboolean
check_map_type (GbImporter  *importer,
                JsonObject  *storymap,
                GError     **error)
{
  JsonNode *node = json_object_get_member (storymap, "map_type");
  g_autoptr(GString) msg = NULL;
  guint line, column;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_ascii_strncasecmp (json_node_get_string (node), "zoomify", 7) != 0)
    return TRUE;

  msg = g_string_new (importer->display_name);
  if (gb_json_locate (importer->data, importer->length, "storymap.map_type", &line, &column))
    g_string_append_printf (msg, ":%u:%u", line, column);
  g_string_append_printf (msg, ": storymap.map_type: %s",
                          _("this StoryMapJS story is told on a single large image "
                            "(“zoomify”), not on a map of the Earth; Golden Bridge can only "
                            "show stories on a map"));
  g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT, msg->str);
  return FALSE;
}

gboolean
gb_storymap_read (GbImporter  *importer,
                  JsonObject  *root,
                  GError     **error)
{
  JsonObject *storymap;
  JsonArray *slides;
  JsonNode *as_image;
  StoryMap sm = { 0 };
  gboolean draw_lines;
  gsize len;
  guint first = 0;

  storymap = gb_json_read_object (importer->problems, root, "storymap", GB_JSON_READ_OPTIONAL);
  if (storymap == NULL)
    {
      if (gb_problems_get_count (importer->problems) == 0)
        gb_problems_report_missing (importer->problems, "storymap", _("should be an object"));
      return TRUE;
    }

  if (!check_map_type (importer, storymap, error))
    return FALSE;

  len = gb_problems_push_member (importer->problems, "storymap");
  slides = gb_json_read_array (importer->problems, storymap, "slides", GB_JSON_READ_OPTIONAL);
  if (slides == NULL && gb_problems_get_count (importer->problems) == 0)
    gb_problems_report_missing (importer->problems, "slides", _("is missing"));

  /* "Treat map as image": StoryMapJS draws no line between the slides. */
  as_image = json_object_get_member (storymap, "map_as_image");
  draw_lines = !(as_image != NULL && JSON_NODE_HOLDS_VALUE (as_image) &&
                 json_node_get_value_type (as_image) == G_TYPE_BOOLEAN &&
                 json_node_get_boolean (as_image));

  sm.importer = importer;
  sm.stops = g_ptr_array_new_with_free_func (stop_free);
  sm.by_point = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sm.legs = g_array_new (FALSE, FALSE, sizeof (Leg));

  if (slides != NULL)
    {
      gsize slen = gb_problems_push_member (importer->problems, "slides");

      if (json_array_get_length (slides) > 0 && is_overview (json_array_get_element (slides, 0)))
        {
          gsize ilen = gb_problems_push_index (importer->problems, 0);

          import_overview (&sm, json_node_get_object (json_array_get_element (slides, 0)));
          gb_problems_pop (importer->problems, ilen);
          first = 1;
        }
      else
        import_overview (&sm, NULL);

      for (guint i = first; i < json_array_get_length (slides); i++)
        {
          JsonNode *node = json_array_get_element (slides, i);
          gsize ilen = gb_problems_push_index (importer->problems, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            import_slide (&sm, json_node_get_object (node), i);
          else
            gb_problems_report (importer->problems, _("should be an object"));
          gb_problems_pop (importer->problems, ilen);
        }
      gb_problems_pop (importer->problems, slen);
    }
  gb_problems_pop (importer->problems, len);

  if (gb_problems_get_count (importer->problems) == 0)
    {
      finish_stops (&sm);
      if (draw_lines)
        finish_legs (&sm);
    }

  g_array_unref (sm.legs);
  g_hash_table_unref (sm.by_point);
  g_ptr_array_unref (sm.stops);

  return TRUE;
}
