/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-common"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-html-text.h"
#include "gb-import-common.h"
#include "gb-import.h"
#include "gb-web-link.h"

/* What the Knight Lab importers (gb-import-timelinejs.c, gb-import-storymap.c)
 * share. */


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

/* Ids are made by the importers, never taken from the file: they can't clash.
 * The call stays outside g_assert() so that G_DISABLE_ASSERT keeps it. */
static void
add_made_item (GbImporter *self,
               GbItem     *item)
{
  G_GNUC_UNUSED gboolean added = gb_dossier_add_item (self->dossier, item);

  g_assert (added);
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
  self->skipped = gb_problems_new (data, length, display_name);
  self->data = data;
  self->length = length;
  self->display_name = g_strdup (display_name);

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
  g_free (self->display_name);
  g_free (self->file_title);
  gb_problems_free (self->problems);
  gb_problems_free (self->skipped);
  g_clear_object (&self->file_source);
  g_clear_object (&self->dossier);
  g_free (self);
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
  add_made_item (self, GB_ITEM (self->file_source));

  return self->file_source;
}

void
gb_importer_add (GbImporter *self,
                 GbItem     *item,
                 GbSource   *source,
                 const char *quote)
{
  gb_item_set_provenance (item, source, quote != NULL && quote[0] != '\0' ? quote : NULL);
  add_made_item (self, item);
}

void
gb_importer_add_source (GbImporter *self,
                        GbSource   *source)
{
  add_made_item (self, GB_ITEM (source));
}

char *
gb_importer_dup_html (GbImporter *self,
                      JsonObject *obj,
                      const char *name,
                      gboolean    one_line)
{
  const char *html = gb_json_read_string (self->problems, obj, name, GB_JSON_READ_OPTIONAL);
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
  JsonObject *fields = gb_json_read_object (self->problems, obj, "text", GB_JSON_READ_OPTIONAL);
  gsize len = gb_problems_push_member (self->problems, "text");

  *headline = gb_importer_dup_html (self, fields, "headline", TRUE);
  *text = gb_importer_dup_html (self, fields, "text", FALSE);
  gb_problems_pop (self->problems, len);
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

/* Safe web links as they are; protocol-relative ones ("//host/…", as the
 * Knight Lab tools write them) as https; nothing else. */
static char *
dup_web_link (const char *url)
{
  g_autofree char *absolute = NULL;

  if (url == NULL)
    return NULL;

  if (g_str_has_prefix (url, "//"))
    url = absolute = g_strconcat ("https:", url, NULL);

  if (!gb_web_link_check (url, NULL, NULL))
    return NULL;

  return absolute != NULL ? g_steal_pointer (&absolute) : g_strdup (url);
}

void
gb_importer_add_media (GbImporter *self,
                       JsonObject *obj,
                       const char *fallback_title,
                       GString    *description)
{
  JsonObject *media = gb_json_read_object (self->problems, obj, "media", GB_JSON_READ_OPTIONAL);
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

  len = gb_problems_push_member (self->problems, "media");
  url = gb_json_read_string (self->problems, media, "url", GB_JSON_READ_OPTIONAL);
  caption = gb_importer_dup_html (self, media, "caption", TRUE);
  credit = gb_importer_dup_html (self, media, "credit", TRUE);
  gb_problems_pop (self->problems, len);

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
  add_made_item (self, GB_ITEM (source));

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

guint
gb_importer_begin_event (GbImporter *self)
{
  return gb_problems_get_count (self->problems);
}

void
gb_importer_end_event (GbImporter *self,
                       guint       begun)
{
  if (gb_problems_get_count (self->problems) <= begun)
    return;

  gb_problems_move_since (self->problems, begun, self->skipped);
  self->n_skipped++;
}

/* Real timelines hold events no program could read (a date of "banana",
 * a year past 9999): TimelineJS shows the rest, and so does the story,
 * with what it left out and why (gb_dossier_get_skipped()). A file
 * whose problems are not an event's, or with no event readable, fails
 * whole. */
GbDossier *
gb_importer_finish (GbImporter  *self,
                    GError     **error)
{
  g_autofree char *message = gb_problems_format (self->problems);
  g_autofree char *skipped = gb_problems_format (self->skipped);
  guint n_events = g_list_model_get_n_items (gb_dossier_get_events (self->dossier));

  if (message != NULL || (skipped != NULL && n_events == 0))
    {
      g_autofree char *all = message != NULL && skipped != NULL
                             ? g_strconcat (message, "\n", skipped, NULL)
                             : g_strdup (message != NULL ? message : skipped);

      g_set_error_literal (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID, all);
      return NULL;
    }

  if (skipped != NULL)
    gb_dossier_set_skipped (self->dossier, self->n_skipped, skipped);
  gb_dossier_seal (self->dossier);
  return g_object_ref (self->dossier);
}

/**
 * gb_import_knight_lab:
 *
 * Converts a TimelineJS 3 or StoryMapJS file: see gb-import.h.
 */
GbDossier *
gb_import_knight_lab (JsonObject  *root,
                      const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GbImporter) importer = NULL;
  gboolean is_storymap;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  is_storymap = json_object_has_member (root, "storymap");
  importer = gb_importer_new (data, length, display_name,
                              is_storymap ? GB_STORYMAP_FORMAT_NAME : GB_TIMELINEJS_FORMAT_NAME);
  if (is_storymap)
    {
      if (!gb_storymap_read (importer, root, error))
        return NULL;
    }
  else
    gb_timelinejs_read (importer, root);

  return gb_importer_finish (importer, error);
}
