/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-csv-columns.h"
#include "gb-export-private.h"

/* Dossier → TimelineJS spreadsheet: the columns of Knight Lab's Google Sheets
 * template, one row per slide of the TimelineJS 3 export (the title row, the
 * events, the eras), so both writers say the same. RFC 4180: CRLF, fields
 * quoted when they must be. docs/formats.md has the mapping and the choices
 * (the BOM, the formula guard). */

/* A spreadsheet reads a cell starting with = + - @ (or a tab or line break)
 * as a formula. The text columns hold HTML, so such a first character is
 * written as a character reference: the sheet sees text, TimelineJS and
 * our importer the character itself. A year before 1 ("-500") is a number
 * to the sheet and to TimelineJS, and stays one. */
static void
append_field (GString    *out,
              const char *value)
{
  g_autoptr(GString) field = NULL;
  gboolean negative_number;
  gsize len;

  if (value == NULL || value[0] == '\0')
    return;

  negative_number = value[0] == '-' && value[1] != '\0' &&
                    strspn (value + 1, "0123456789") == strlen (value + 1);
  field = g_string_new (NULL);
  if (strchr ("=+-@\t\r\n", value[0]) != NULL && !negative_number)
    {
      g_string_append_printf (field, "&#%d;", value[0]);
      value++;
    }
  g_string_append (field, value);

  len = field->len;
  if (strpbrk (field->str, ",\"\r\n") == NULL &&
      (len == 0 || (field->str[0] != ' ' && field->str[len - 1] != ' ')))
    {
      g_string_append_len (out, field->str, field->len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
dup_part (JsonObject *date,
          const char *name)
{
  if (date == NULL || !json_object_has_member (date, name))
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (date, name));
}

/* A TimelineJS date object into Year, Month, Day and Time. */
static void
set_date (char       **cells,
          JsonObject  *slide,
          const char  *member,
          GbCsvColumn       first)
{
  JsonObject *date = json_object_has_member (slide, member)
                     ? json_object_get_object_member (slide, member) : NULL;

  cells[first] = dup_part (date, "year");
  cells[first + 1] = dup_part (date, "month");
  cells[first + 2] = dup_part (date, "day");
  if (date != NULL && json_object_has_member (date, "hour"))
    cells[first + 3] = g_strdup_printf ("%02d:%02d",
                                        (int) json_object_get_int_member (date, "hour"),
                                        (int) json_object_get_int_member (date, "minute"));
}

static char *
dup_member (JsonObject *obj,
            const char *name)
{
  return g_strdup (json_object_get_string_member_with_default (obj, name, NULL));
}

static void
append_row (GString    *out,
            JsonObject *slide,
            const char *type)
{
  char *cells[GB_CSV_N_COLS] = { NULL };
  JsonObject *text = json_object_get_object_member (slide, "text");

  set_date (cells, slide, "start_date", GB_CSV_COL_YEAR);
  set_date (cells, slide, "end_date", GB_CSV_COL_END_YEAR);
  cells[GB_CSV_COL_DISPLAY_DATE] = dup_member (slide, "display_date");
  cells[GB_CSV_COL_HEADLINE] = dup_member (text, "headline");
  cells[GB_CSV_COL_TEXT] = dup_member (text, "text");
  cells[GB_CSV_COL_TYPE] = g_strdup (type);
  cells[GB_CSV_COL_GROUP] = dup_member (slide, "group");

  for (guint i = 0; i < GB_CSV_N_COLS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, cells[i]);
      g_free (cells[i]);
    }
  g_string_append (out, "\r\n");
}

static void
append_rows (GString    *out,
             JsonObject *root,
             const char *member,
             const char *type)
{
  JsonArray *slides = json_object_get_array_member (root, member);

  for (guint i = 0; i < json_array_get_length (slides); i++)
    append_row (out, json_array_get_object_element (slides, i), type);
}

GBytes *
gb_export_timelinejs_csv (GbDossier  *dossier,
                          GPtrArray  *notes,
                          GError    **error)
{
  g_autoptr(JsonNode) node = gb_export_timelinejs_build (dossier, notes, error);
  GString *out;
  JsonObject *root;

  if (node == NULL)
    return NULL;

  root = json_node_get_object (node);
  /* The BOM tells Excel the file is UTF-8; Google Sheets, LibreOffice and
   * Golden Bridge read it either way. */
  out = g_string_new ("\xef\xbb\xbf");
  for (guint i = 0; i < GB_CSV_N_COLS; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", gb_csv_column_names[i]);
  g_string_append (out, "\r\n");
  append_row (out, json_object_get_object_member (root, "title"), "title");
  append_rows (out, root, "events", NULL);
  append_rows (out, root, "eras", "era");

  return g_string_free_to_bytes (out);
}
