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

G_END_DECLS
