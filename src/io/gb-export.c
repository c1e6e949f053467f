/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gb-bidi.h"
#include "gb-date.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"
#include "gb-export-private.h"
#include "gb-labels.h"
#include "gb-source.h"

/* The formats Golden Bridge writes, and what they share. Each writer lives in
 * its own file (gb-export-FORMAT.c) and is one line of this table; what each
 * carries and loses is in docs/formats.md. */

static const GbExportFormat core_formats[] = {
  { "timelinejs", N_("TimelineJS 3 (JSON)"), "json", "application/json", TRUE,
    gb_export_timelinejs },
  { "timelinejs-csv", N_("TimelineJS spreadsheet (CSV)"), "csv", "text/csv", TRUE,
    gb_export_timelinejs_csv },
  { "storymap", N_("StoryMapJS (JSON)"), "json", "application/json", TRUE,
    gb_export_storymap },
  { "ics", N_("Calendar (iCalendar)"), "ics", "text/calendar", TRUE,
    gb_export_ics },
  { "geojson", N_("Places and routes (GeoJSON)"), "geojson", "application/geo+json", TRUE,
    gb_export_geojson },
  { "dossier", N_("Golden Bridge dossier"), "gbdossier", "application/x-golden-bridge-dossier",
    TRUE, gb_export_dossier },
};

/* The core's formats, then those that draw (the PDF briefing, the map
 * image) added by gb_export_add_formats() from a library that may use cairo
 * and Pango: the core itself draws nothing. */
static GArray *formats;

static GArray *
ensure_formats (void)
{
  if (formats == NULL)
    {
      formats = g_array_new (FALSE, FALSE, sizeof (GbExportFormat));
      g_array_append_vals (formats, core_formats, G_N_ELEMENTS (core_formats));
    }
  return formats;
}

G_DEFINE_QUARK (gb-export-error-quark, gb_export_error)

/* The canonical dossier carries everything: no notes. */
GBytes *
gb_export_dossier (GbDossier  *dossier,
                   GPtrArray  *notes,
                   GError    **error)
{
  return gb_dossier_writer_to_bytes (dossier, error);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
}

char *
gb_export_dup_clean (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if (!is_control (c))
        g_string_append_unichar (out, c);
    }

  /* Isolated once is enough: writers clean text that was cleaned before. */
  if (g_str_has_prefix (out->str, "\u2068") && g_str_has_suffix (out->str, "\u2069"))
    return g_string_free (g_steal_pointer (&out), FALSE);

  return gb_bidi_dup_isolated (out->str);
}

void
gb_export_append_html (GString    *out,
                       const char *text)
{
  g_autofree char *clean = gb_export_dup_clean (text);

  g_assert (out != NULL);

  if (clean == NULL)
    return;

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\n':
          g_string_append (out, "<br>");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

void
gb_export_append_html_paragraphs (GString    *out,
                                  const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  g_assert (out != NULL);

  if (text == NULL)
    return;

  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      g_string_append (out, "<p>");
      gb_export_append_html (out, paragraphs[i]);
      g_string_append (out, "</p>");
    }
}

/* "Source: …" or "Context source: …", the same words as the views. */
static char *
dup_source_line (GbItem     *item,
                 const char *what)
{
  if (gb_item_is_context (item))
    return g_strdup_printf (_("Context source: %s"), what);
  return g_strdup_printf (_("Source: %s"), what);
}

/* " — Publisher, 5 November 2024", or what of it there is. */
static char *
dup_publisher_date (GbSource *source)
{
  const char *publisher = gb_source_get_publisher (source);
  GbDate *date = gb_item_get_date (GB_ITEM (source));
  g_autofree char *date_text = date != NULL ? gb_date_format (date) : NULL;
  g_autofree char *clean = gb_export_dup_clean (publisher);

  if (clean != NULL && clean[0] != '\0' && date_text != NULL)
    /* Translators: a source's publisher and date */
    return g_strdup_printf (_("%s, %s"), clean, date_text);
  if (clean != NULL && clean[0] != '\0')
    return g_steal_pointer (&clean);
  return g_steal_pointer (&date_text);
}

static const char *
source_title (GbSource *source)
{
  const char *title = gb_item_get_title (GB_ITEM (source));

  return title != NULL && title[0] != '\0' ? title : gb_item_get_id (GB_ITEM (source));
}

void
gb_export_append_provenance_html (GString *out,
                                  GbItem  *item)
{
  GbSource *source = gb_item_get_source (item);
  const char *quote = gb_item_get_quote (item);
  const char *url;
  g_autofree char *rest = NULL;
  g_autoptr(GString) cite = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert (out != NULL);
  g_assert (GB_IS_ITEM (item));

  if (source == NULL)
    return;

  /* The link's words are the source's title; the translated line is split
   * around a marker so the title can sit inside the <a>. */
  cite = g_string_new (NULL);
  url = gb_source_get_url (source);
  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    {
      g_string_append (cite, "<a href=\"");
      gb_export_append_html (cite, url);
      g_string_append (cite, "\" target=\"_blank\" rel=\"noopener noreferrer\">");
      gb_export_append_html (cite, source_title (source));
      g_string_append (cite, "</a>");
    }
  else
    gb_export_append_html (cite, source_title (source));

  if ((rest = dup_publisher_date (source)))
    {
      g_string_append (cite, " — ");
      gb_export_append_html (cite, rest);
    }

  line = dup_source_line (item, "\x01");
  parts = g_strsplit (line, "\x01", 2);
  g_string_append (out, "<p>");
  gb_export_append_html (out, parts[0]);
  g_string_append (out, cite->str);
  if (parts[1] != NULL)
    gb_export_append_html (out, parts[1]);
  g_string_append (out, "</p>");

  if (quote != NULL && quote[0] != '\0')
    {
      g_string_append (out, "<blockquote>");
      gb_export_append_html (out, quote);
      g_string_append (out, "</blockquote>");
    }
}

char *
gb_export_dup_provenance_text (GbItem *item)
{
  GbSource *source;
  const char *quote, *url;
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *clean_quote = NULL;
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  GString *text;

  g_assert (GB_IS_ITEM (item));

  if (!(source = gb_item_get_source (item)))
    return NULL;

  title = gb_export_dup_clean (source_title (source));
  rest = dup_publisher_date (source);
  what = rest != NULL ? g_strconcat (title, " — ", rest, NULL) : g_strdup (title);
  line = dup_source_line (item, what);
  text = g_string_new (line);

  quote = gb_item_get_quote (item);
  clean_quote = gb_export_dup_clean (quote);
  if (clean_quote != NULL && clean_quote[0] != '\0')
    /* Translators: a quotation from a source */
    g_string_append_printf (text, _("\n“%s”"), clean_quote);

  url = gb_source_get_url (source);
  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    g_string_append_printf (text, "\n%s", url);

  return g_string_free (text, FALSE);
}

char *
gb_export_dup_meta (GbItem *item)
{
  g_autofree char *meta = gb_labels_dup_item_meta (item);

  g_assert (GB_IS_ITEM (item));

  return meta[0] != '\0' ? gb_export_dup_clean (meta) : NULL;
}

char *
gb_export_dup_item_html (GbItem *item)
{
  g_autofree char *description = gb_export_dup_description (item);
  GString *html = g_string_new (NULL);
  g_autofree char *meta = gb_export_dup_meta (item);

  g_assert (GB_IS_ITEM (item));

  gb_export_append_html_paragraphs (html, description);
  gb_export_append_html_paragraphs (html, meta);
  gb_export_append_provenance_html (html, item);
  return g_string_free (html, FALSE);
}

void
gb_export_add_text_object (JsonBuilder *builder,
                           const char  *headline,
                           const char  *html)
{
  g_autoptr(GString) escaped = g_string_new (NULL);

  g_assert (JSON_IS_BUILDER (builder));

  gb_export_append_html (escaped, headline);
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, escaped->str);
  if (html != NULL)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, html);
    }
  json_builder_end_object (builder);
}

char *
gb_export_dup_title (GbItem *item)
{
  const char *title = gb_item_get_title (item);

  g_assert (GB_IS_ITEM (item));

  return gb_export_dup_clean (title != NULL ? title : gb_item_get_id (item));
}

char *
gb_export_dup_description (GbItem *item)
{
  const char *description = gb_item_get_description (item);

  g_assert (GB_IS_ITEM (item));

  return description != NULL && description[0] != '\0' ? gb_export_dup_clean (description)
                                                          : NULL;
}

const char *
gb_export_event_group (GbItem *item)
{
  /* Translators: events of the story itself, as a TimelineJS group or a calendar category */
  return gb_item_is_context (item) ? _("Background") : C_("event group", "Story");
}

/* ------------------------------------------------------------------------ */
/* Notes                                                                    */

void
gb_export_note (GPtrArray  *notes,
                const char *format,
                ...)
{
  va_list args;

  g_assert (format != NULL);

  if (notes == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}

void
gb_export_note_languages (GPtrArray *notes,
                          GbDossier *dossier)
{
  const char * const *languages = gb_dossier_get_languages (dossier);
  g_autofree char *list = NULL;

  if (languages == NULL || g_strv_length ((char **) languages) < 2)
    return;

  list = g_strjoinv (", ", (char **) languages);
  gb_export_note (notes,
                  _("the dossier's texts are in several languages (%s); each is written in "
                    "one, the one Golden Bridge shows, and the others are left out"),
                  list);
}

void
gb_export_note_not_carried (GPtrArray *notes,
                            GbDossier *dossier,
                            guint      carried)
{
  /* Sources last: what cites them comes first. */
  static const GbItemKind order[] = {
    GB_ITEM_KIND_EVENT, GB_ITEM_KIND_PLACE, GB_ITEM_KIND_ROUTE, GB_ITEM_KIND_AGREEMENT,
    GB_ITEM_KIND_FIGURE, GB_ITEM_KIND_PERSON, GB_ITEM_KIND_ORGANISATION, GB_ITEM_KIND_SOURCE,
  };
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GbItemKind kind = order[i];
      guint n = g_list_model_get_n_items (gb_dossier_get_items_of_kind (dossier, kind));

      if (n == 0 || (carried & GB_ITEM_KIND_BIT (kind)) != 0)
        continue;
      if (list->len > 0)
        /* Translators: between the entries of a list of item kinds and counts */
        g_string_append (list, _("; "));
      /* Translators: an item kind and how many there are: "Key figure: 5" */
      g_string_append_printf (list, _("%s: %u"), gb_labels_item_kind (kind), n);
    }

  if (list->len > 0)
    /* Translators: %s lists item kinds with counts */
    gb_export_note (notes, _("items this format has no place for are left out (%s)"), list->str);
}

/* json-glib writes every double with 17 digits (37.566499999999998). A
 * number meant to be short goes in as a string marked with U+0001, which
 * cleaned text never holds, and comes out bare. */
#define NUMBER_MARK "\"\\u0001"

void
gb_export_add_number (JsonBuilder *builder,
                      double       value,
                      int          decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  g_autofree char *marked = NULL;
  char *end;

  g_assert (isfinite (value));

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  /* 126.978000 → 126.978, 5.000 → 5 */
  if (strchr (buf, '.') != NULL)
    {
      for (end = buf + strlen (buf) - 1; *end == '0'; end--)
        *end = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_str_equal (buf, "-0"))
    g_strlcpy (buf, "0", sizeof buf);

  marked = g_strconcat ("\x01", buf, NULL);
  json_builder_add_string_value (builder, marked);
}

GBytes *
gb_export_json_to_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  GString *out;
  const char *p, *mark;

  g_assert (root != NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  out = g_string_sized_new (strlen (data) + 1);
  for (p = data; (mark = strstr (p, NUMBER_MARK)) != NULL;)
    {
      const char *number = mark + strlen (NUMBER_MARK);
      const char *close = strchr (number, '"');

      g_assert (close != NULL);
      g_string_append_len (out, p, mark - p);
      g_string_append_len (out, number, close - number);
      p = close + 1;
    }
  g_string_append (out, p);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * gb_export_get_formats:
 * @n_formats: (out): how many there are
 *
 * Returns: (array length=n_formats): the formats Golden Bridge writes
 */
const GbExportFormat *
gb_export_get_formats (guint *n_formats)
{
  g_return_val_if_fail (n_formats != NULL, NULL);

  *n_formats = ensure_formats ()->len;
  return (const GbExportFormat *) formats->data;
}

/**
 * gb_export_add_formats:
 * @added: (array length=n_added): formats to add after the others
 *
 * Adds formats whose writers live outside the core. A format of a name
 * already there is not added again, so calling this twice is harmless.
 * Call it from the main thread before exporting.
 */
void
gb_export_add_formats (const GbExportFormat *added,
                       guint                 n_added)
{
  g_return_if_fail (added != NULL || n_added == 0);

  for (guint i = 0; i < n_added; i++)
    {
      g_return_if_fail (added[i].name != NULL && added[i].write != NULL);

      if (gb_export_lookup_format (added[i].name) == NULL)
        g_array_append_val (ensure_formats (), added[i]);
    }
}

/**
 * gb_export_lookup_format:
 * @name: a format's command-line name, such as "ics"
 *
 * Returns: (nullable): the format, or %NULL when there is none of that name
 */
const GbExportFormat *
gb_export_lookup_format (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  ensure_formats ();
  for (guint i = 0; i < formats->len; i++)
    if (g_str_equal (g_array_index (formats, GbExportFormat, i).name, name))
      return &g_array_index (formats, GbExportFormat, i);

  return NULL;
}

char *
gb_export_dup_format_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  ensure_formats ();
  for (guint i = 0; i < formats->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_array_index (formats, GbExportFormat, i).name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * gb_export_to_bytes:
 * @notes: (nullable) (element-type utf8): gets a line for each thing
 *   @format could not carry
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
gb_export_to_bytes (const GbExportFormat  *format,
                    GbDossier             *dossier,
                    GPtrArray             *notes,
                    GError               **error)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return format->write (dossier, notes, error);
}

gboolean
gb_export_to_file (const GbExportFormat  *format,
                   GbDossier             *dossier,
                   GFile                 *file,
                   GPtrArray             *notes,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(bytes = gb_export_to_bytes (format, dossier, notes, error)))
    return FALSE;

  /* A temporary file renamed over the old one: readers see the old file or
   * the new, never half of one. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (g_task_get_task_data (task)),
                           (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gb_export_to_file_async:
 *
 * Writes @dossier to @file in @format like gb_export_to_file(), without
 * blocking on the file. The story is read here, before this returns, so it
 * may change as soon as this returns.
 */
void
gb_export_to_file_async (const GbExportFormat *format,
                         GbDossier            *dossier,
                         GFile                *file,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (format != NULL);
  g_return_if_fail (GB_IS_DOSSIER (dossier));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gb_export_to_file_async);
  g_task_set_task_data (task, g_ptr_array_ref (notes), (GDestroyNotify) g_ptr_array_unref);

  if (!(bytes = gb_export_to_bytes (format, dossier, notes, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The bytes stay alive in the task until the write is done. */
  g_object_set_data_full (G_OBJECT (task), "gb-export-bytes", g_bytes_ref (bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_file_replace_contents_async (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 NULL, FALSE, G_FILE_CREATE_NONE, cancellable,
                                 replace_contents_cb, g_steal_pointer (&task));
}

/**
 * gb_export_to_file_finish:
 *
 * Returns: (transfer full) (element-type utf8): the notes on what the format
 *   could not carry, or %NULL with @error set
 */
GPtrArray *
gb_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gb_export_to_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

int
gb_export_command (const char    *format_name,
                   const char    *output,
                   const char    *path,
                   GOutputStream *stdout_stream,
                   GString       *err)
{
  const GbExportFormat *format;
  g_autoptr(GbDossier) dossier = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *shown;

  g_return_val_if_fail (format_name != NULL, 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stdout_stream), 1);
  g_return_val_if_fail (err != NULL, 1);

  if (g_str_equal (format_name, "list"))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      ensure_formats ();
      for (guint i = 0; i < formats->len; i++)
        {
          const GbExportFormat *f = &g_array_index (formats, GbExportFormat, i);

          g_string_append_printf (list, "%-12s %s\n", f->name, _(f->title));
        }
      return g_output_stream_write_all (stdout_stream, list->str, list->len, NULL, NULL, NULL)
             ? 0 : 1;
    }

  if (!(format = gb_export_lookup_format (format_name)))
    {
      g_autofree char *names = gb_export_dup_format_names ();

      g_string_append_printf (err, _("--export: no format “%s”; the formats are %s\n"),
                              format_name, names);
      return 1;
    }

  if (output == NULL || output[0] == '\0')
    {
      g_string_append_printf (err, _("--export: give the file to write with --output FILE, "
                                     "or --output - for standard output\n"));
      return 1;
    }

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      dossier = gb_dossier_load_file (file, NULL, &error);
    }
  else
    dossier = gb_dossier_load_bundled (&error);

  if (dossier == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }

  shown = g_str_equal (output, "-") ? format->name : output;
  if (g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = gb_export_to_bytes (format, dossier, notes, &error);

      if (bytes == NULL ||
          !g_output_stream_write_all (stdout_stream, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL, NULL, &error) ||
          !g_output_stream_flush (stdout_stream, NULL, &error))
        {
          g_string_append_printf (err, _("%s: cannot export: %s\n"), shown, error->message);
          return 1;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!gb_export_to_file (format, dossier, file, notes, NULL, &error))
        {
          g_string_append_printf (err, _("%s: cannot export: %s\n"), shown, error->message);
          return 1;
        }
    }

  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (err, "%s: %s\n", shown, (const char *) g_ptr_array_index (notes, i));

  return 0;
}
