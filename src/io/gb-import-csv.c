/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-import-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gb-csv-columns.h"
#include "gb-dossier-loader.h"
#include "gb-import-common.h"
#include "gb-import.h"
#include "gb-json-read.h"

/* TimelineJS spreadsheet (CSV) → dossier. Each row becomes the slide object
 * TimelineJS itself makes of it ({"start_date": {"year": "1815", …}, "text":
 * {…}, "media": {…}}), and the TimelineJS 3 importer reads those: one
 * mapping, one set of checks. Its problems come back with JSON paths
 * (events[3].start_date.year), which locate_cb turns into the row and column
 * of the cell they came from. */

/* As the template writes them; matched without case and spaces. */
const char * const gb_csv_column_names[GB_CSV_N_COLS] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
  "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
  "Media Thumbnail", "Type", "Group", "Background",
};

typedef struct
{
  guint line;
  guint column;
} Pos;

typedef struct
{
  guint row;          /* the sheet's row number: the header is row 1 */
  guint first_field;  /* into Csv.positions */
  guint n_fields;
} RowInfo;

typedef struct
{
  const char *display_name;
  const char *p;
  const char *end;
  const char *bad;      /* the first byte that is not UTF-8, or NULL */
  guint       line;
  guint       column;
  guint       row;
  int         columns[GB_CSV_N_COLS];   /* index of each column in the sheet, or -1 */
  GArray     *positions;         /* Pos of every field read */
  GArray     *rows;              /* RowInfo of every slide, by kind */
  GArray     *event_rows;        /* guint index into rows */
  GArray     *era_rows;
  int         title_row;         /* index into rows, or -1 */
} Csv;

typedef struct
{
  GPtrArray *fields;   /* char * */
  guint      first_field;
} Record;

static char *
normalize_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static GbCsvColumn
lookup_column (const char *name)
{
  g_autofree char *wanted = normalize_name (name);

  for (int i = 0; i < GB_CSV_N_COLS; i++)
    {
      g_autofree char *known = normalize_name (gb_csv_column_names[i]);

      if (g_str_equal (wanted, known))
        return i;
    }
  return GB_CSV_COL_NONE;
}

/* ------------------------------------------------------------------------ */
/* RFC 4180                                                                 */

static char *
dup_place (Csv   *csv,
           guint  row,
           guint  field)
{
  if (field == G_MAXUINT)
    return g_strdup_printf (_("row %u"), row);
  for (int i = 0; i < GB_CSV_N_COLS; i++)
    if (csv->columns[i] == (int) field)
      /* Translators: where a cell is in a spreadsheet: "row 7, Year" */
      return g_strdup_printf (_("row %u, %s"), row, gb_csv_column_names[i]);
  /* Translators: where a cell is in a spreadsheet whose column has no name we know */
  return g_strdup_printf (_("row %u, column %u"), row, field + 1);
}

static gboolean
fail_at (Csv         *csv,
         guint        field,
         int          code,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (Csv         *csv,
         guint        field,
         int          code,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *place = dup_place (csv, csv->row, field);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GB_LOAD_ERROR, code, "%s:%u:%u: %s: %s", csv->display_name, csv->line,
               csv->column, place, message);
  return FALSE;
}

/* One byte on, keeping the line and the column (in characters). CRLF, LF and
 * a lone CR each end a line. */
static void
advance (Csv *csv)
{
  guchar c = (guchar) *csv->p++;

  if (c == '\n' || (c == '\r' && (csv->p >= csv->end || *csv->p != '\n')))
    {
      csv->line++;
      csv->column = 1;
    }
  else if (c != '\r' && (c & 0xc0) != 0x80)
    csv->column++;
}

static gboolean
check_byte (Csv     *csv,
            guint    field,
            GError **error)
{
  if (G_LIKELY (csv->p != csv->bad))
    return TRUE;

  if (*csv->p == '\0')
    return fail_at (csv, field, GB_LOAD_ERROR_UNSAFE, error,
                    _("holds a NUL byte: this is not a text file"));
  return fail_at (csv, field, GB_LOAD_ERROR_UNSAFE, error,
                  _("is not valid UTF-8 text; save the sheet as “CSV UTF-8”"));
}

static gboolean
append_byte (Csv      *csv,
             GString  *field,
             guint     index,
             GError  **error)
{
  if (!check_byte (csv, index, error))
    return FALSE;
  if (field->len >= GB_CSV_MAX_FIELD_LENGTH)
    return fail_at (csv, index, GB_LOAD_ERROR_TOO_LARGE, error,
                    _("the cell holds more than %u bytes"), GB_CSV_MAX_FIELD_LENGTH);
  g_string_append_c (field, *csv->p);
  advance (csv);
  return TRUE;
}

/* Reads one record into @record. Returns FALSE with @error unset at the end
 * of the data. */
static gboolean
read_record (Csv      *csv,
             Record   *record,
             GError  **error)
{
  g_ptr_array_set_size (record->fields, 0);
  record->first_field = csv->positions->len;

  if (csv->p >= csv->end)
    return FALSE;

  csv->row++;
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      guint index = record->fields->len;
      Pos pos = { csv->line, csv->column };

      if (index >= GB_CSV_MAX_COLUMNS)
        return fail_at (csv, index, GB_LOAD_ERROR_TOO_LARGE, error,
                        _("the row has more than %u columns"), GB_CSV_MAX_COLUMNS);
      g_array_append_val (csv->positions, pos);

      if (csv->p < csv->end && *csv->p == '"')
        {
          Pos open = pos;

          advance (csv);
          for (;;)
            {
              if (csv->p >= csv->end)
                {
                  csv->line = open.line;
                  csv->column = open.column;
                  return fail_at (csv, index, GB_LOAD_ERROR_SYNTAX, error,
                                  _("the quotation mark that opens this cell is never closed"));
                }
              if (*csv->p == '"')
                {
                  advance (csv);
                  if (csv->p < csv->end && *csv->p == '"')
                    advance (csv);   /* "" is one quotation mark */
                  else
                    break;
                  g_string_append_c (field, '"');
                  continue;
                }
              if (!append_byte (csv, field, index, error))
                return FALSE;
            }
          if (csv->p < csv->end && *csv->p != ',' && *csv->p != '\r' && *csv->p != '\n')
            return fail_at (csv, index, GB_LOAD_ERROR_SYNTAX, error,
                            _("after the quotation mark that closes a cell, a comma or the end "
                              "of the row should follow"));
        }
      else
        {
          while (csv->p < csv->end && *csv->p != ',' && *csv->p != '\r' && *csv->p != '\n')
            if (!append_byte (csv, field, index, error))
              return FALSE;
        }

      g_ptr_array_add (record->fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (csv->p < csv->end && *csv->p == ',')
        {
          advance (csv);
          continue;
        }
      if (csv->p < csv->end && *csv->p == '\r')
        advance (csv);
      if (csv->p < csv->end && *csv->p == '\n')
        advance (csv);
      return TRUE;
    }
}

static const char *
record_cell (Csv    *csv,
             Record *record,
             GbCsvColumn  column)
{
  int index = csv->columns[column];
  const char *text;

  if (index < 0 || (guint) index >= record->fields->len)
    return NULL;
  text = g_ptr_array_index (record->fields, index);
  while (g_ascii_isspace (*text))
    text++;
  return text[0] != '\0' ? text : NULL;
}

static gboolean
record_is_blank (Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *text = g_ptr_array_index (record->fields, i);

      for (; *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Problems: JSON paths back to cells                                      */

static const struct
{
  const char *path;
  GbCsvColumn      column;
} path_columns[] = {
  { ".start_date.year", GB_CSV_COL_YEAR },
  { ".start_date.month", GB_CSV_COL_MONTH },
  { ".start_date.day", GB_CSV_COL_DAY },
  { ".start_date.hour", GB_CSV_COL_TIME },
  { ".start_date.minute", GB_CSV_COL_TIME },
  { ".start_date.second", GB_CSV_COL_TIME },
  { ".start_date", GB_CSV_COL_YEAR },
  { ".end_date.year", GB_CSV_COL_END_YEAR },
  { ".end_date.month", GB_CSV_COL_END_MONTH },
  { ".end_date.day", GB_CSV_COL_END_DAY },
  { ".end_date.hour", GB_CSV_COL_END_TIME },
  { ".end_date.minute", GB_CSV_COL_END_TIME },
  { ".end_date.second", GB_CSV_COL_END_TIME },
  { ".end_date", GB_CSV_COL_END_YEAR },
  { ".text.text", GB_CSV_COL_TEXT },
  { ".text", GB_CSV_COL_HEADLINE },
  { ".media.caption", GB_CSV_COL_MEDIA_CAPTION },
  { ".media.credit", GB_CSV_COL_MEDIA_CREDIT },
  { ".media", GB_CSV_COL_MEDIA },
  { ".group", GB_CSV_COL_GROUP },
  { ".display_date", GB_CSV_COL_DISPLAY_DATE },
};

static char *
locate_cb (const char *path,
           guint      *line,
           guint      *column,
           gpointer    user_data)
{
  Csv *csv = user_data;
  const char *rest = NULL;
  const RowInfo *info = NULL;
  GbCsvColumn col = GB_CSV_COL_NONE;
  guint64 index = 0;
  char *end = NULL;

  *line = *column = 0;

  if (g_str_has_prefix (path, "title"))
    {
      rest = path + strlen ("title");
      if (csv->title_row >= 0)
        info = &g_array_index (csv->rows, RowInfo, csv->title_row);
    }
  else if (g_str_has_prefix (path, "events[") || g_str_has_prefix (path, "eras["))
    {
      GArray *kind = path[1] == 'v' ? csv->event_rows : csv->era_rows;

      index = g_ascii_strtoull (strchr (path, '[') + 1, &end, 10);
      if (end != NULL && *end == ']' && index < kind->len)
        {
          info = &g_array_index (csv->rows, RowInfo, g_array_index (kind, guint, index));
          rest = end + 1;
        }
    }

  if (info == NULL)
    return g_strdup (path[0] != '\0' ? path : _("top level"));

  for (guint i = 0; i < G_N_ELEMENTS (path_columns) && col == GB_CSV_COL_NONE; i++)
    if (g_str_has_prefix (rest, path_columns[i].path))
      col = path_columns[i].column;

  if (col != GB_CSV_COL_NONE && csv->columns[col] >= 0 &&
      (guint) csv->columns[col] < info->n_fields)
    {
      const Pos *pos = &g_array_index (csv->positions, Pos,
                                       info->first_field + csv->columns[col]);

      *line = pos->line;
      *column = pos->column;
      return g_strdup_printf (_("row %u, %s"), info->row, gb_csv_column_names[col]);
    }

  if (info->n_fields > 0)
    {
      const Pos *pos = &g_array_index (csv->positions, Pos, info->first_field);

      *line = pos->line;
      *column = pos->column;
    }
  if (col != GB_CSV_COL_NONE)
    return g_strdup_printf (_("row %u, %s"), info->row, gb_csv_column_names[col]);
  /* Translators: a row of a spreadsheet */
  return g_strdup_printf (_("row %u"), info->row);
}

/* ------------------------------------------------------------------------ */
/* Rows → slides                                                            */

/* "14:30", "14:30:05", "1430", "9", "2:30 PM", "2:30 p.m.": TimelineJS's
 * readings of the Time column. */
static gboolean
parse_time (const char *text,
            char        parts[3][8])
{
  g_autofree char *copy = g_strstrip (g_ascii_strdown (text, -1));
  g_auto(GStrv) fields = NULL;
  gsize len = strlen (copy);
  int period = 0;   /* 'a' or 'p' */
  guint n;

  for (const char *suffix = "a.m."; ; suffix = "p.m.")
    {
      const char *forms[] = { suffix, NULL, NULL };
      char short_form[3] = { suffix[0], 'm', '\0' };

      forms[1] = short_form;
      for (guint i = 0; forms[i] != NULL && period == 0; i++)
        if (len > strlen (forms[i]) && g_str_has_suffix (copy, forms[i]))
          {
            period = suffix[0];
            copy[len - strlen (forms[i])] = '\0';
            g_strchomp (copy);
          }
      if (suffix[0] == 'p')
        break;
    }

  if (strchr (copy, ':') == NULL && strlen (copy) == 4 && strspn (copy, "0123456789") == 4)
    {
      memcpy (parts[0], copy, 2);
      parts[0][2] = '\0';
      g_strlcpy (parts[1], copy + 2, 8);
      parts[2][0] = '\0';
    }
  else
    {
      fields = g_strsplit (copy, ":", -1);
      n = g_strv_length (fields);
      if (n < 1 || n > 3)
        return FALSE;
      for (guint i = 0; i < 3; i++)
        {
          const char *f = i < n ? g_strstrip (fields[i]) : "";

          /* Fractions of a second: TimelineJS keeps them, a dossier does not. */
          if (i == 2 && strchr (f, '.') != NULL)
            *strchr (fields[i], '.') = '\0';
          if ((i < n && (f[0] == '\0' || strlen (f) > 2 || strspn (f, "0123456789") != strlen (f))))
            return FALSE;
          g_strlcpy (parts[i], f, 8);
        }
    }

  if (parts[1][0] == '\0')
    g_strlcpy (parts[1], "0", 8);

  if (period != 0)
    {
      int hour = atoi (parts[0]);

      if (hour < 1 || hour > 12)
        return FALSE;
      if (period == 'p' && hour != 12)
        hour += 12;
      else if (period == 'a' && hour == 12)
        hour = 0;
      g_snprintf (parts[0], 8, "%d", hour);
    }

  return TRUE;
}

static JsonObject *
make_date (GbImporter *importer,
           Csv        *csv,
           Record     *record,
           GbCsvColumn      first,
           const char *member)
{
  const char *year = record_cell (csv, record, first);
  const char *month = record_cell (csv, record, first + 1);
  const char *day = record_cell (csv, record, first + 2);
  const char *time = record_cell (csv, record, first + 3);
  JsonObject *date;

  if (year == NULL && month == NULL && day == NULL && time == NULL)
    return NULL;

  date = json_object_new ();
  gb_json_set_string (date, "year", year);
  gb_json_set_string (date, "month", month);
  gb_json_set_string (date, "day", day);
  if (time != NULL)
    {
      char parts[3][8] = { { 0 } };

      if (parse_time (time, parts))
        {
          gb_json_set_string (date, "hour", parts[0]);
          gb_json_set_string (date, "minute", parts[1]);
          if (parts[2][0] != '\0')
            gb_json_set_string (date, "second", parts[2]);
        }
      else
        {
          g_autofree char *shown = gb_importer_dup_excerpt (time, 24);
          gsize len = gb_problems_push_member (importer->problems, member);

          gb_problems_report_in (importer->problems, "hour",
                                 _("“%s” is not a time of day such as 14:30 or 2:30 PM"),
                                 shown);
          gb_problems_pop (importer->problems, len);
        }
    }
  return date;
}

static JsonObject *
make_slide (GbImporter *importer,
            Csv        *csv,
            Record     *record,
            gboolean    with_dates)
{
  JsonObject *slide = json_object_new ();
  JsonObject *text = json_object_new ();
  JsonObject *media = json_object_new ();
  JsonObject *date;

  if (with_dates && (date = make_date (importer, csv, record, GB_CSV_COL_YEAR, "start_date")))
    json_object_set_object_member (slide, "start_date", date);
  if (with_dates && (date = make_date (importer, csv, record, GB_CSV_COL_END_YEAR, "end_date")))
    json_object_set_object_member (slide, "end_date", date);

  gb_json_set_string (text, "headline", record_cell (csv, record, GB_CSV_COL_HEADLINE));
  gb_json_set_string (text, "text", record_cell (csv, record, GB_CSV_COL_TEXT));
  json_object_set_object_member (slide, "text", text);

  gb_json_set_string (media, "url", record_cell (csv, record, GB_CSV_COL_MEDIA));
  gb_json_set_string (media, "caption", record_cell (csv, record, GB_CSV_COL_MEDIA_CAPTION));
  gb_json_set_string (media, "credit", record_cell (csv, record, GB_CSV_COL_MEDIA_CREDIT));
  if (json_object_get_size (media) > 0)
    json_object_set_object_member (slide, "media", media);
  else
    json_object_unref (media);

  gb_json_set_string (slide, "group", record_cell (csv, record, GB_CSV_COL_GROUP));
  gb_json_set_string (slide, "display_date", record_cell (csv, record, GB_CSV_COL_DISPLAY_DATE));
  return slide;
}

/* Reads the header: which column is which. */
static gboolean
read_header (Csv        *csv,
             Record     *record,
             GPtrArray  *unknown,
             GError    **error)
{
  static const GbCsvColumn required[] = { GB_CSV_COL_YEAR, GB_CSV_COL_HEADLINE };
  gboolean old_template = FALSE;

  for (int i = 0; i < GB_CSV_N_COLS; i++)
    csv->columns[i] = -1;

  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *name = g_ptr_array_index (record->fields, i);
      g_autofree char *normal = normalize_name (name);
      GbCsvColumn col = lookup_column (name);

      if (col != GB_CSV_COL_NONE && csv->columns[col] >= 0)
        {
          const Pos *pos = &g_array_index (csv->positions, Pos, record->first_field + i);

          csv->line = pos->line;
          csv->column = pos->column;
          return fail_at (csv, i, GB_LOAD_ERROR_FORMAT, error,
                          _("the column %s is there twice, also as column %d"),
                          gb_csv_column_names[col], csv->columns[col] + 1);
        }
      if (col != GB_CSV_COL_NONE)
        csv->columns[col] = i;
      else if (normal[0] != '\0')
        {
          old_template |= g_str_equal (normal, "startdate");
          g_ptr_array_add (unknown, g_utf8_make_valid (name, -1));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (csv->columns[required[i]] < 0)
      {
        GbCsvColumn col = required[i];
        g_autofree char *names = g_strjoinv (", ", (char **) gb_csv_column_names);

        csv->line = 1;
        csv->column = 1;
        if (old_template)
          return fail_at (csv, G_MAXUINT, GB_LOAD_ERROR_FORMAT, error,
                          _("the sheet has no %s column: it is of the older template with Start "
                            "Date and End Date, which TimelineJS 3 no longer reads; move it "
                            "to the current template (%s)"), gb_csv_column_names[col], names);
        return fail_at (csv, G_MAXUINT, GB_LOAD_ERROR_FORMAT, error,
                        _("the sheet has no %s column; the first row of a TimelineJS "
                          "spreadsheet names its columns: %s"), gb_csv_column_names[col], names);
      }

  return TRUE;
}

static void
add_row (Csv     *csv,
         Record  *record,
         GArray  *kind)
{
  RowInfo info = { csv->row, record->first_field, record->fields->len };
  guint index = csv->rows->len;

  g_array_append_val (csv->rows, info);
  if (kind != NULL)
    g_array_append_val (kind, index);
  else
    csv->title_row = index;
}

static void
note_unknown_columns (GbImporter *importer,
                      GPtrArray  *unknown)
{
  GbSource *source = gb_importer_get_file_source (importer);
  g_autoptr(GString) note = g_string_new (gb_item_get_description (GB_ITEM (source)));
  g_autoptr(GbText) text = NULL;
  g_autofree char *list = NULL;
  g_autofree char *line = NULL;

  if (unknown->len == 0)
    return;

  g_ptr_array_add (unknown, NULL);
  list = g_strjoinv (", ", (char **) unknown->pdata);
  /* Translators: %s lists the names of a spreadsheet's columns */
  line = g_strdup_printf (_("The sheet's columns that TimelineJS does not read were left "
                            "out: %s."), list);
  gb_importer_append_paragraph (note, line);
  text = gb_text_new_plain (note->str);
  gb_item_set_description (GB_ITEM (source), text);
}

static gboolean
read_sheet (GbImporter  *importer,
            Csv         *csv,
            JsonObject  *root,
            GError     **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonArray) events = json_array_new ();
  g_autoptr(JsonArray) eras = json_array_new ();
  g_autoptr(GError) local_error = NULL;
  Record record = { fields, 0 };
  gsize len;

  if (!read_record (csv, &record, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_FORMAT,
                   _("%s: the file is empty; a TimelineJS spreadsheet starts with a row naming "
                     "its columns"), csv->display_name);
      return FALSE;
    }
  if (!read_header (csv, &record, unknown, error))
    return FALSE;

  while (read_record (csv, &record, &local_error))
    {
      const char *type;

      /* Sheets end in empty rows; they cost nothing, not even their positions. */
      if (record_is_blank (&record))
        {
          g_array_set_size (csv->positions, record.first_field);
          continue;
        }
      if (csv->rows->len >= GB_CSV_MAX_ROWS)
        {
          g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_TOO_LARGE,
                       _("%s:%u:1: row %u: the sheet has more than %u rows"),
                       csv->display_name, g_array_index (csv->positions, Pos,
                                                         record.first_field).line,
                       csv->row, GB_CSV_MAX_ROWS);
          return FALSE;
        }

      type = record_cell (csv, &record, GB_CSV_COL_TYPE);
      if (type != NULL && g_ascii_strcasecmp (type, "title") == 0 && csv->title_row < 0)
        {
          len = gb_problems_push_member (importer->problems, "title");
          json_object_set_object_member (root, "title", make_slide (importer, csv, &record,
                                                                    FALSE));
          add_row (csv, &record, NULL);
        }
      else if (type != NULL && g_ascii_strcasecmp (type, "era") == 0)
        {
          len = gb_problems_push_member (importer->problems, "eras");
          gb_problems_push_index (importer->problems, json_array_get_length (eras));
          json_array_add_object_element (eras, make_slide (importer, csv, &record, TRUE));
          add_row (csv, &record, csv->era_rows);
        }
      else
        {
          len = gb_problems_push_member (importer->problems, "events");
          gb_problems_push_index (importer->problems, json_array_get_length (events));
          json_array_add_object_element (events, make_slide (importer, csv, &record, TRUE));
          add_row (csv, &record, csv->event_rows);
        }
      gb_problems_pop (importer->problems, len);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_object_set_array_member (root, "events", g_steal_pointer (&events));
  json_object_set_array_member (root, "eras", g_steal_pointer (&eras));
  gb_timelinejs_read (importer, root);
  note_unknown_columns (importer, unknown);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

gboolean
gb_import_csv_sniff (const char *data,
                     gsize       length,
                     const char *display_name)
{
  g_autofree char *line = NULL;
  g_autofree char *normal = NULL;
  const char *end;
  gsize n;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (display_name != NULL)
    {
      gsize name_len = strlen (display_name);

      if (name_len > 4 && g_ascii_strcasecmp (display_name + name_len - 4, ".csv") == 0)
        return TRUE;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  n = MIN (length, 4096);
  end = memchr (data, '\n', n);
  line = g_strndup (data, end != NULL ? (gsize) (end - data) : n);
  normal = normalize_name (line);
  g_strdelimit (normal, "\"\r", ',');

  return normal[0] != '{' && normal[0] != '[' &&
         (g_str_has_prefix (normal, "year,") || strstr (normal, ",year,") != NULL) &&
         strstr (normal, "headline") != NULL;
}

/**
 * gb_import_timelinejs_csv:
 *
 * Converts a TimelineJS spreadsheet saved as CSV: see gb-import.h.
 */
GbDossier *
gb_import_timelinejs_csv (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(GbImporter) importer = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (Pos));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RowInfo));
  g_autoptr(GArray) event_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) era_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  Csv csv = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > GB_DOSSIER_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (GB_DOSSIER_MAX_FILE_SIZE);

      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %s a story file may have"),
                   display_name, limit);
      return NULL;
    }
  if (data == NULL)
    data = "";

  if (length >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xff || (guchar) data[1] == 0xfe))
    {
      g_set_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_UNSAFE,
                   _("%s:1:1: the file is UTF-16 text; save the sheet as “CSV UTF-8”"),
                   display_name);
      return NULL;
    }

  csv.display_name = display_name;
  csv.p = data;
  csv.end = data + length;
  csv.line = csv.column = 1;
  csv.positions = positions;
  csv.rows = rows;
  csv.event_rows = event_rows;
  csv.era_rows = era_rows;
  csv.title_row = -1;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    csv.p += 3;
  if (!g_utf8_validate_len (csv.p, csv.end - csv.p, &csv.bad))
    ;   /* read up to it, to say in which cell it is */
  else
    csv.bad = NULL;

  importer = gb_importer_new (data, length, display_name, GB_TIMELINEJS_CSV_FORMAT_NAME);
  gb_problems_set_locate_func (importer->problems, locate_cb, &csv);
  gb_problems_set_locate_func (importer->skipped, locate_cb, &csv);
  root = json_object_new ();

  if (!read_sheet (importer, &csv, root, error))
    return NULL;

  return gb_importer_finish (importer, error);
}
