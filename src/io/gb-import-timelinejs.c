/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-timelinejs"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-html-text.h"
#include "gb-import-timelinejs.h"
#include "gb-problems.h"

/* TimelineJS 3 → dossier. The mapping is described in docs/dossier-format.md,
 * "Importers". */

struct _GbImporter
{
  const char *data;
  gsize       length;
  char       *format_name;
  char       *file_title;
  GbProblems *problems;
  GbDossier  *dossier;
  GbSource   *file_source;
  guint       n_media;
};

/* A TimelineJS date as the file writes it: year required, the rest optional,
 * each a number or a string of digits. */
typedef enum
{
  PART_YEAR,
  PART_MONTH,
  PART_DAY,
  PART_HOUR,
  PART_MINUTE,
  PART_SECOND,
  N_PARTS
} PartIndex;

static const char * const part_names[N_PARTS] = {
  "year", "month", "day", "hour", "minute", "second",
};

typedef struct
{
  gboolean present[N_PARTS];
  gint64   value[N_PARTS];
  char     iso[16];      /* YYYY, YYYY-MM or YYYY-MM-DD */
  gboolean has_time;
} TimelineDate;

#define TITLE_EXCERPT_CHARS 80

/* ------------------------------------------------------------------------ */
/* The importer toolkit, shared with gb-import-storymap.c                   */

static char *
id_from_name (const char *basename)
{
  GString *id = g_string_new (NULL);

  for (const char *p = basename; *p != '\0' && id->len < 128; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, *p);
      else if (id->len > 0 && (*p == '.' || *p == '_' || *p == '-'))
        g_string_append_c (id, *p);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && !g_ascii_isalnum (id->str[id->len - 1]))
    g_string_truncate (id, id->len - 1);

  return g_string_free (id, FALSE);
}

GbImporter *
gb_importer_new (const char *data,
                 gsize       length,
                 const char *display_name,
                 const char *format_name)
{
  g_autofree char *basename = NULL;
  g_autofree char *id = NULL;
  GbImporter *self;
  char *dot;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (format_name != NULL, NULL);

  self = g_new0 (GbImporter, 1);
  self->data = data;
  self->length = length;
  self->format_name = g_strdup (format_name);
  self->problems = gb_problems_new (data, length, display_name);

  /* A path from the file system need not be UTF-8; a title must be. */
  basename = g_path_get_basename (display_name);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  self->file_title = g_utf8_make_valid (basename, -1);

  id = id_from_name (basename);
  self->dossier = gb_dossier_new (id[0] != '\0' ? id : "imported");

  return self;
}

void
gb_importer_free (GbImporter *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->format_name);
  g_free (self->file_title);
  gb_problems_free (self->problems);
  g_clear_object (&self->file_source);
  g_clear_object (&self->dossier);
  g_free (self);
}

gsize
gb_importer_push_member (GbImporter *self,
                         const char *name)
{
  return gb_problems_push_member (self->problems, name);
}

gsize
gb_importer_push_index (GbImporter *self,
                        guint       index)
{
  return gb_problems_push_index (self->problems, index);
}

void
gb_importer_pop (GbImporter *self,
                 gsize       len)
{
  gb_problems_pop (self->problems, len);
}

void
gb_importer_report (GbImporter *self,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  gb_problems_report_valist (self->problems, NULL, format, args);
  va_end (args);
}

void
gb_importer_report_missing (GbImporter *self,
                            const char *member,
                            const char *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  gb_problems_report_valist (self->problems, member, format, args);
  va_end (args);
}

guint
gb_importer_get_n_problems (GbImporter *self)
{
  return gb_problems_get_count (self->problems);
}

GbProblems *
gb_importer_get_problems (GbImporter *self)
{
  return self->problems;
}

GbDossier *
gb_importer_get_dossier (GbImporter *self)
{
  return self->dossier;
}

const char *
gb_importer_get_file_title (GbImporter *self)
{
  return self->file_title;
}

GbSource *
gb_importer_get_file_source (GbImporter *self)
{
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) note = NULL;
  g_autofree char *text = NULL;

  if (self->file_source != NULL)
    return self->file_source;

  self->file_source = gb_source_new ("file", GB_SOURCE_KIND_ARTICLE);
  title = gb_text_new_plain (gb_dossier_get_title (self->dossier));
  gb_item_set_title (GB_ITEM (self->file_source), title);
  /* Translators: the first %s is a format ("TimelineJS 3"), the second a file name */
  text = g_strdup_printf (_("Converted from the %s file “%s” when it was opened; the file itself "
                            "is unchanged. Its dates carry no time zone and its texts were HTML, "
                            "shown here as plain text."),
                          self->format_name, self->file_title);
  note = gb_text_new_plain (text);
  gb_item_set_description (GB_ITEM (self->file_source), note);
  g_assert (gb_dossier_add_item (self->dossier, GB_ITEM (self->file_source)));

  return self->file_source;
}

void
gb_importer_add (GbImporter *self,
                 GbItem     *item,
                 GbSource   *source,
                 const char *quote)
{
  gb_item_set_provenance (item, source, quote != NULL && quote[0] != '\0' ? quote : NULL);
  /* Ids are made here, never taken from the file: they can't clash. */
  g_assert (gb_dossier_add_item (self->dossier, item));
}

static const char *
type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return _("a string");
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return _("true or false");
  return _("a number");
}

/* The member, or NULL when missing or null. */
static JsonNode *
member (JsonObject *obj,
        const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static void
report_type (GbImporter *self,
             const char *name,
             const char *expected,
             JsonNode   *node)
{
  gsize len = gb_importer_push_member (self, name);

  /* Translators: "should be an object, not a string" */
  gb_importer_report (self, _("should be %s, not %s"), expected, type_name (node));
  gb_importer_pop (self, len);
}

JsonObject *
gb_importer_get_object (GbImporter *self,
                        JsonObject *obj,
                        const char *name)
{
  JsonNode *node = member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report_type (self, name, _("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
gb_importer_get_array (GbImporter *self,
                       JsonObject *obj,
                       const char *name)
{
  JsonNode *node = member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report_type (self, name, _("an array"), node);
      return NULL;
    }

  return json_node_get_array (node);
}

const char *
gb_importer_get_string (GbImporter *self,
                        JsonObject *obj,
                        const char *name)
{
  JsonNode *node = member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      report_type (self, name, _("a string"), node);
      return NULL;
    }

  return json_node_get_string (node)[0] != '\0' ? json_node_get_string (node) : NULL;
}

char *
gb_importer_dup_html (GbImporter *self,
                      JsonObject *obj,
                      const char *name,
                      gboolean    one_line)
{
  const char *html = gb_importer_get_string (self, obj, name);
  g_autofree char *text = NULL;

  if (html == NULL)
    return NULL;

  text = one_line ? gb_html_to_line (html) : gb_html_to_text (html);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
gb_importer_read_text (GbImporter  *self,
                       JsonObject  *obj,
                       char       **headline,
                       char       **text)
{
  JsonObject *fields = gb_importer_get_object (self, obj, "text");
  gsize len = gb_importer_push_member (self, "text");

  *headline = gb_importer_dup_html (self, fields, "headline", TRUE);
  *text = gb_importer_dup_html (self, fields, "text", FALSE);
  gb_importer_pop (self, len);
}

void
gb_importer_append_paragraph (GString    *description,
                              const char *paragraph)
{
  if (description == NULL || paragraph == NULL || paragraph[0] == '\0')
    return;
  if (description->len > 0)
    g_string_append (description, "\n\n");
  g_string_append (description, paragraph);
}

char *
gb_importer_dup_excerpt (const char *text,
                         guint       max_chars)
{
  const char *newline;
  const char *cut;
  GString *excerpt;
  gsize len;

  if (text == NULL || text[0] == '\0')
    return NULL;

  newline = strchr (text, '\n');
  len = newline != NULL ? (gsize) (newline - text) : strlen (text);
  if (g_utf8_strlen (text, len) <= max_chars)
    return g_strndup (text, len);

  cut = g_utf8_offset_to_pointer (text, max_chars - 1);
  while (cut > text && cut[-1] == ' ')
    cut--;
  excerpt = g_string_new_len (text, cut - text);
  g_string_append (excerpt, "…");
  return g_string_free (excerpt, FALSE);
}

/* http and https links as they are; protocol-relative ones ("//host/…", as
 * the Knight Lab tools write them) as https; nothing else. */
static char *
dup_web_link (const char *url)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return NULL;

  if (g_str_has_prefix (url, "//"))
    url = absolute = g_strconcat ("https:", url, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if ((g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return NULL;

  return g_strdup (url);
}

void
gb_importer_add_media (GbImporter *self,
                       JsonObject *obj,
                       const char *fallback_title,
                       GString    *description)
{
  JsonObject *media = gb_importer_get_object (self, obj, "media");
  g_autofree char *link = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *embedded = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) lines = NULL;
  g_autoptr(GbSource) source = NULL;
  g_autoptr(GbText) title = NULL;
  const char *url;
  gsize len;

  if (media == NULL)
    return;

  len = gb_importer_push_member (self, "media");
  url = gb_importer_get_string (self, media, "url");
  caption = gb_importer_dup_html (self, media, "caption", TRUE);
  credit = gb_importer_dup_html (self, media, "credit", TRUE);
  gb_importer_pop (self, len);

  if (url != NULL)
    {
      while (g_ascii_isspace (*url))
        url++;
      /* A "url" that is HTML is an embed: a blockquote, an iframe. Keep its text. */
      if (url[0] == '<')
        {
          embedded = gb_html_to_text (url);
          gb_importer_append_paragraph (description, embedded);
        }
      else
        link = dup_web_link (url);
    }

  if (link == NULL && caption == NULL && credit == NULL)
    return;

  id = g_strdup_printf ("media-%u", ++self->n_media);
  source = gb_source_new (id, GB_SOURCE_KIND_CONTEXT);
  if (caption != NULL)
    title = gb_text_new_plain (caption);
  else
    {
      /* Translators: the title of a picture or video's source; %s is the item it shows */
      g_autofree char *text = g_strdup_printf (_("Media of “%s”"), fallback_title);

      title = gb_text_new_plain (text);
    }
  gb_item_set_title (GB_ITEM (source), title);
  gb_source_set_publisher (source, credit);
  gb_source_set_url (source, link);
  g_assert (gb_dossier_add_item (self->dossier, GB_ITEM (source)));

  if (description == NULL)
    return;

  /* Media: caption, or the link when there is none
   * Credit: credit
   * link */
  lines = g_string_new (NULL);
  if (caption != NULL || link != NULL)
    /* Translators: a picture or video that goes with an event: its caption or address */
    g_string_append_printf (lines, _("Media: %s"), caption != NULL ? caption : link);
  if (credit != NULL)
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* Translators: who made a picture or video */
      g_string_append_printf (lines, _("Credit: %s"), credit);
    }
  if (caption != NULL && link != NULL)
    g_string_append_printf (lines, "\n%s", link);
  gb_importer_append_paragraph (description, lines->str);
}

GbDossier *
gb_importer_finish (GbImporter  *self,
                    GError     **error)
{
  g_autofree char *message = gb_problems_format (self->problems);

  if (message != NULL)
    {
      g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID, message);
      return NULL;
    }

  gb_dossier_seal (self->dossier);
  return g_object_ref (self->dossier);
}

/* ------------------------------------------------------------------------ */
/* TimelineJS 3                                                             */

/* A value quoted in a message: not all of a hostile megabyte. */
static char *
dup_shown_value (const char *text)
{
  return gb_importer_dup_excerpt (text, 24);
}

/* One part of a date: a whole number or a string of digits ("08", "-500"),
 * "" or null for absent. Values beyond any year are clamped, not wrapped. */
static void
read_part (GbImporter *self,
           JsonObject *obj,
           const char *name,
           gboolean   *present,
           gint64     *value)
{
  JsonNode *node = member (obj, name);
  gsize len;

  *present = FALSE;
  if (node == NULL)
    return;

  len = gb_importer_push_member (self, name);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *present = TRUE;
      *value = json_node_get_int (node);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (d != floor (d))
        gb_importer_report (self, _("%g is not a whole number"), d);
      else
        {
          *present = TRUE;
          *value = (gint64) CLAMP (d, -1e15, 1e15);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
      const char *p = text;
      gboolean negative = FALSE;
      gint64 v = 0;

      if (*p == '-')
        {
          negative = TRUE;
          p++;
        }

      if (text[0] == '\0')
        ;   /* TimelineJS's spreadsheet export writes "" for a part not given */
      else if (*p == '\0' || strspn (p, "0123456789") != strlen (p))
        {
          g_autofree char *shown = dup_shown_value (text);

          gb_importer_report (self, _("“%s” is not a number"), shown);
        }
      else
        {
          for (; *p != '\0'; p++)
            v = MIN (v * 10 + (*p - '0'), G_GINT64_CONSTANT (1000000000000000));
          *present = TRUE;
          *value = negative ? -v : v;
        }
    }
  else
    {
      gb_importer_report (self, _("should be a number or a string of digits, not %s"),
                          type_name (node));
    }

  gb_importer_pop (self, len);
}

static void
report_part (GbImporter *self,
             PartIndex   part,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
report_part (GbImporter *self,
             PartIndex   part,
             const char *format,
             ...)
{
  gsize len = gb_importer_push_member (self, part_names[part]);
  va_list args;

  va_start (args, format);
  gb_problems_report_valist (gb_importer_get_problems (self), NULL, format, args);
  va_end (args);
  gb_importer_pop (self, len);
}

/* Reads @obj's date member @name. Returns FALSE when it is missing (@required
 * reports that) or has a problem. */
static gboolean
read_date (GbImporter   *self,
           JsonObject   *obj,
           const char   *name,
           gboolean      required,
           TimelineDate *date)
{
  JsonNode *node = member (obj, name);
  guint before = gb_importer_get_n_problems (self);
  gboolean any = FALSE;
  gboolean year_ok, month_ok, day_ok, time_ok;
  JsonObject *dobj;
  gint64 *v = date->value;
  gsize len;

  memset (date, 0, sizeof *date);

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      report_type (self, name, _("an object such as {\"year\": 2024, \"month\": 11}"), node);
      return FALSE;
    }

  dobj = node != NULL ? json_node_get_object (node) : NULL;
  len = gb_importer_push_member (self, name);
  for (guint i = 0; dobj != NULL && i < N_PARTS; i++)
    {
      read_part (self, dobj, part_names[i], &date->present[i], &v[i]);
      any |= date->present[i];
    }
  gb_importer_pop (self, len);

  if (gb_importer_get_n_problems (self) > before)
    return FALSE;

  if (!any)
    {
      if (required && node == NULL)
        gb_importer_report_missing (self, name,
                                    _("is missing: TimelineJS leaves such an event out without "
                                      "a word; give it a date or remove it"));
      else if (required)
        gb_importer_report_missing (self, name, _("has no year"));
      /* An end date of empty strings, as spreadsheets export it, is no end date. */
      return FALSE;
    }

  /* Each check stands on its own: past the cap, problems are no longer counted. */
  year_ok = date->present[PART_YEAR] && v[PART_YEAR] >= 1 && v[PART_YEAR] <= 9999;
  month_ok = !date->present[PART_MONTH] || (v[PART_MONTH] >= 1 && v[PART_MONTH] <= 12);
  day_ok = !date->present[PART_DAY] ||
           (date->present[PART_MONTH] && year_ok && month_ok && v[PART_DAY] >= 1 &&
            v[PART_DAY] <= g_date_get_days_in_month (v[PART_MONTH], v[PART_YEAR]));
  date->has_time = date->present[PART_HOUR] || date->present[PART_MINUTE] ||
                   date->present[PART_SECOND];
  time_ok = !date->has_time ||
            (date->present[PART_DAY] && date->present[PART_HOUR] &&
             v[PART_HOUR] >= 0 && v[PART_HOUR] <= 23 &&
             v[PART_MINUTE] >= 0 && v[PART_MINUTE] <= 59 &&
             v[PART_SECOND] >= 0 && v[PART_SECOND] <= 59);

  len = gb_importer_push_member (self, name);

  if (!date->present[PART_YEAR])
    gb_importer_report_missing (self, "year", _("is missing"));
  else if (!year_ok)
    report_part (self, PART_YEAR,
                 _("the year %" G_GINT64_FORMAT " is outside 1 to 9999, the years Golden Bridge "
                   "can show"), v[PART_YEAR]);

  if (!month_ok)
    report_part (self, PART_MONTH, _("there is no month %" G_GINT64_FORMAT "; months run from 1 "
                                     "to 12"), v[PART_MONTH]);

  if (date->present[PART_DAY] && !date->present[PART_MONTH])
    report_part (self, PART_DAY, _("a day needs a month"));
  else if (!day_ok && year_ok && month_ok)
    report_part (self, PART_DAY, _("there is no day %" G_GINT64_FORMAT " in month %"
                                   G_GINT64_FORMAT " of %" G_GINT64_FORMAT),
                 v[PART_DAY], v[PART_MONTH], v[PART_YEAR]);

  if (date->has_time && !date->present[PART_DAY])
    report_part (self, date->present[PART_HOUR] ? PART_HOUR : PART_MINUTE,
                 _("a time of day needs a day"));
  else if (date->has_time && !date->present[PART_HOUR])
    report_part (self, date->present[PART_MINUTE] ? PART_MINUTE : PART_SECOND,
                 _("a time of day needs an hour"));
  if (v[PART_HOUR] < 0 || v[PART_HOUR] > 23)
    report_part (self, PART_HOUR, _("hours run from 0 to 23"));
  if (v[PART_MINUTE] < 0 || v[PART_MINUTE] > 59)
    report_part (self, PART_MINUTE, _("minutes run from 0 to 59"));
  if (v[PART_SECOND] < 0 || v[PART_SECOND] > 59)
    report_part (self, PART_SECOND, _("seconds run from 0 to 59"));

  gb_importer_pop (self, len);

  if (!(year_ok && month_ok && day_ok && time_ok))
    return FALSE;

  if (date->present[PART_DAY])
    g_snprintf (date->iso, sizeof date->iso, "%04d-%02d-%02d", (int) v[PART_YEAR],
                (int) v[PART_MONTH], (int) v[PART_DAY]);
  else if (date->present[PART_MONTH])
    g_snprintf (date->iso, sizeof date->iso, "%04d-%02d", (int) v[PART_YEAR], (int) v[PART_MONTH]);
  else
    g_snprintf (date->iso, sizeof date->iso, "%04d", (int) v[PART_YEAR]);

  return TRUE;
}

static char *
format_time (const TimelineDate *date)
{
  const gint64 *v = date->value;

  if (date->present[PART_SECOND])
    return g_strdup_printf ("%02d:%02d:%02d", (int) v[PART_HOUR], (int) v[PART_MINUTE],
                            (int) v[PART_SECOND]);
  return g_strdup_printf ("%02d:%02d", (int) v[PART_HOUR], (int) v[PART_MINUTE]);
}

/* TimelineJS times have no zone, and a dossier date may not have a time
 * without one: the date keeps its day and the description the time. */
static char *
describe_times (const TimelineDate *start,
                const TimelineDate *end)
{
  g_autofree char *from = start->has_time ? format_time (start) : NULL;
  g_autofree char *to = end != NULL && end->has_time ? format_time (end) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: two times of day, "14:00" */
    return g_strdup_printf (_("The file gives the times %s and %s, without a time zone."),
                            from, to);
  if (from != NULL)
    return g_strdup_printf (_("The file gives the time %s, without a time zone."), from);
  if (to != NULL)
    return g_strdup_printf (_("The file gives the end time %s, without a time zone."), to);
  return NULL;
}

/* An event or an era: events[N] or eras[N] is the current path. */
static void
import_event (GbImporter *self,
              JsonObject *obj,
              const char *id,
              GbSource   *source,
              const char *untitled)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GbEvent) event = NULL;
  g_autoptr(GbDate) date = NULL;
  g_autoptr(GbText) title_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;
  g_autofree char *group = NULL;
  g_autofree char *display_date = NULL;
  g_autofree char *times = NULL;
  g_autofree char *title = NULL;
  guint before = gb_importer_get_n_problems (self);
  TimelineDate start, end;
  gboolean has_start, has_end;

  has_start = read_date (self, obj, "start_date", TRUE, &start);
  has_end = read_date (self, obj, "end_date", FALSE, &end);

  gb_importer_read_text (self, obj, &headline, &body);
  group = gb_importer_dup_html (self, obj, "group", TRUE);
  display_date = gb_importer_dup_html (self, obj, "display_date", TRUE);

  if (headline != NULL)
    title = g_strdup (headline);
  else if (body != NULL)
    title = gb_importer_dup_excerpt (body, TITLE_EXCERPT_CHARS);
  else
    title = g_strdup (untitled);

  if (group != NULL)
    {
      /* Translators: TimelineJS puts events of a group in one row of its timeline */
      g_autofree char *line = g_strdup_printf (_("Group: %s"), group);

      gb_importer_append_paragraph (description, line);
    }
  if (display_date != NULL)
    {
      /* Translators: %s is a date as the timeline's author wrote it, "Spring 1943" */
      g_autofree char *line = g_strdup_printf (_("The timeline shows the date as “%s”."),
                                               display_date);

      gb_importer_append_paragraph (description, line);
    }
  if (has_start)
    {
      times = describe_times (&start, has_end ? &end : NULL);
      gb_importer_append_paragraph (description, times);
    }
  gb_importer_append_paragraph (description, body);
  gb_importer_add_media (self, obj, title, description);

  if (!has_start || gb_importer_get_n_problems (self) > before)
    return;

  if (!(date = gb_date_parse (start.iso, has_end ? end.iso : NULL, NULL, &error)))
    {
      gsize len = gb_importer_push_member (self, "end_date");

      if (g_error_matches (error, GB_DATE_ERROR, GB_DATE_ERROR_ORDER))
        gb_importer_report (self, _("the end (%s) is before the start (%s)"), end.iso, start.iso);
      else
        gb_importer_report (self, "%s", error->message);
      gb_importer_pop (self, len);
      return;
    }

  event = gb_event_new (id, date);
  title_text = gb_text_new_plain (title);
  gb_item_set_title (GB_ITEM (event), title_text);
  if (description->len > 0)
    {
      g_autoptr(GbText) description_text = gb_text_new_plain (description->str);

      gb_item_set_description (GB_ITEM (event), description_text);
    }

  /* What the file says of the event, word for word: its headline. */
  gb_importer_add (self, GB_ITEM (event), source, headline != NULL ? headline : body);
}

static GbSource *
eras_source (GbImporter *self)
{
  g_autoptr(GbText) title = gb_text_new_plain (_("Eras of the timeline"));
  g_autoptr(GbText) note = gb_text_new_plain (_("TimelineJS draws eras as spans behind the "
                                                "events: background, not events of the story."));
  GbSource *source = gb_source_new ("eras", GB_SOURCE_KIND_CONTEXT);

  gb_item_set_title (GB_ITEM (source), title);
  gb_item_set_description (GB_ITEM (source), note);
  g_assert (gb_dossier_add_item (gb_importer_get_dossier (self), GB_ITEM (source)));

  return source;
}

static void
import_list (GbImporter *self,
             JsonObject *root,
             const char *name,
             const char *id_prefix,
             GbSource   *source,
             const char *untitled)
{
  JsonArray *array = gb_importer_get_array (self, root, name);
  gsize len;

  if (array == NULL)
    return;

  len = gb_importer_push_member (self, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize ilen = gb_importer_push_index (self, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", id_prefix, i);

          import_event (self, json_node_get_object (node), id, source, untitled);
        }
      else
        gb_importer_report (self, _("should be an object, not %s"), type_name (node));
      gb_importer_pop (self, ilen);
    }
  gb_importer_pop (self, len);
}

GbDossier *
gb_timelinejs_import (JsonObject  *root,
                      const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GbImporter) self = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GbText) title_text = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GbSource) eras = NULL;
  JsonObject *title;
  JsonArray *eras_array;
  GbDossier *dossier;
  gsize len;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = gb_importer_new (data, length, display_name, "TimelineJS 3");
  dossier = gb_importer_get_dossier (self);

  /* Present, or this importer would not have been called; null is no list. */
  if (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "events")))
    report_type (self, "events", _("an array"), json_object_get_member (root, "events"));

  /* The title slide: the dossier's title and summary. */
  title = gb_importer_get_object (self, root, "title");
  len = gb_importer_push_member (self, "title");
  gb_importer_read_text (self, title, &headline, &text);
  title_text = gb_text_new_plain (headline != NULL ? headline : gb_importer_get_file_title (self));
  gb_dossier_set_title (dossier, title_text);
  gb_importer_get_file_source (self);
  gb_importer_append_paragraph (summary, text);
  gb_importer_add_media (self, title, gb_dossier_get_title (dossier), summary);
  gb_importer_pop (self, len);
  if (summary->len > 0)
    {
      g_autoptr(GbText) summary_text = gb_text_new_plain (summary->str);

      gb_dossier_set_summary (dossier, summary_text);
    }

  import_list (self, root, "events", "event", gb_importer_get_file_source (self),
               _("Untitled event"));

  eras_array = gb_importer_get_array (self, root, "eras");
  if (eras_array != NULL && json_array_get_length (eras_array) > 0)
    {
      eras = eras_source (self);
      import_list (self, root, "eras", "era", eras, _("Untitled era"));
    }

  return gb_importer_finish (self, error);
}
