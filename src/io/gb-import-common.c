/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-common"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-html-text.h"
#include "gb-import-common.h"

/* What the Knight Lab importers (gb-import-timelinejs.c, gb-import-storymap.c)
 * share. */

struct _GbImporter
{
  char       *format_name;
  char       *file_title;
  GbProblems *problems;
  GbDossier  *dossier;
  GbSource   *file_source;
  guint       n_media;
};

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
  self->format_name = g_strdup (format_name);
  self->problems = gb_problems_new (data, length, display_name);

  /* A path from the file system need not be UTF-8; a title must be. */
  basename = g_path_get_basename (display_name);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  self->file_title = g_utf8_make_valid (basename, -1);

  id = id_from_name (basename);
  self->dossier = gb_dossier_new (id[0] != '\0' ? id : "imported");
  gb_dossier_set_origin (self->dossier, format_name);

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
  if (!gb_dossier_add_item (self->dossier, GB_ITEM (self->file_source)))
    g_warn_if_reached ();

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
  if (!gb_dossier_add_item (self->dossier, item))
    g_warn_if_reached ();
}

const char *
gb_importer_type_name (JsonNode *node)
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

JsonNode *
gb_importer_get_member (JsonObject *obj,
                        const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

void
gb_importer_report_type (GbImporter *self,
                         const char *name,
                         const char *expected,
                         JsonNode   *node)
{
  gsize len = gb_importer_push_member (self, name);

  /* Translators: "should be an object, not a string" */
  gb_importer_report (self, _("should be %s, not %s"), expected, gb_importer_type_name (node));
  gb_importer_pop (self, len);
}

JsonObject *
gb_importer_get_object (GbImporter *self,
                        JsonObject *obj,
                        const char *name)
{
  JsonNode *node = gb_importer_get_member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gb_importer_report_type (self, name, _("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
gb_importer_get_array (GbImporter *self,
                       JsonObject *obj,
                       const char *name)
{
  JsonNode *node = gb_importer_get_member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gb_importer_report_type (self, name, _("an array"), node);
      return NULL;
    }

  return json_node_get_array (node);
}

const char *
gb_importer_get_string (GbImporter *self,
                        JsonObject *obj,
                        const char *name)
{
  JsonNode *node = gb_importer_get_member (obj, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      gb_importer_report_type (self, name, _("a string"), node);
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
  if (!gb_dossier_add_item (self->dossier, GB_ITEM (source)))
    g_warn_if_reached ();

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
