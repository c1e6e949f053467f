/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-date.h"
#include "gb-dossier.h"

G_BEGIN_DECLS

/* The Knight Lab formats Golden Bridge converts when it opens them, as the
 * origin of the dossiers they make (gb_dossier_get_origin()). */
#define GB_TIMELINEJS_FORMAT_NAME "TimelineJS 3"
#define GB_STORYMAP_FORMAT_NAME   "StoryMapJS"
/* Knight Lab's Google Sheets template for TimelineJS, saved as CSV. */
#define GB_TIMELINEJS_CSV_FORMAT_NAME "TimelineJS spreadsheet"

/* What a spreadsheet may hold: a cell of Google Sheets holds at most 50,000
 * characters, and the file as a whole is capped like any story file. */
#define GB_CSV_MAX_FIELD_LENGTH (256 * 1024)
#define GB_CSV_MAX_COLUMNS      256
#define GB_CSV_MAX_ROWS         100000

/* Converts a parsed TimelineJS 3 file ({"events": [...], "title": ...,
 * "eras": ...}) or StoryMapJS file ({"storymap": {"slides": [...]}}) into a
 * dossier; the mapping is in docs/dossier-format.md, "Importers". @data and
 * @length are the file's bytes, already through the JSON guard, used to give
 * problems a line and column.
 *
 * Returns: (transfer full): the dossier, or %NULL with a #GB_LOAD_ERROR whose
 *   message has one line per problem, as the dossier loader's */
GbDossier  *gb_import_knight_lab          (JsonObject  *root,
                                           const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GError     **error);

/* A StoryMapJS slide's free-text date, when it is one of "1790", "1944-06",
 * "1944-06-06", "June 1944", "6 June 1944", "June 6, 1944" (English month
 * names, full or abbreviated), or a span of two of them ("1790-2010", "June
 * 1944 – May 1945"). Anything else gives NULL: no date is made up. */
GbDate     *gb_storymap_parse_date        (const char  *text);

/* Whether @data is to be read as a TimelineJS spreadsheet: @display_name
 * ends in ".csv", or the first line names the columns Year and Headline. */
gboolean    gb_import_csv_sniff           (const char  *data,
                                           gsize        length,
                                           const char  *display_name);

/* Converts a TimelineJS spreadsheet (RFC 4180 CSV, UTF-8 with or without a
 * BOM, its first row naming the columns) into a dossier, as the TimelineJS 3
 * importer converts the slides TimelineJS makes of it; the mapping is in
 * docs/dossier-format.md, "TimelineJS spreadsheet". Problems name the file,
 * line, column, row and column name: "t.csv:7:1: row 7, Year: …".
 *
 * Returns: (transfer full): the dossier, or %NULL with a #GB_LOAD_ERROR */
GbDossier  *gb_import_timelinejs_csv      (const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GError     **error);

G_END_DECLS
