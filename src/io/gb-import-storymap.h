/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* The origin of the dossiers it makes (gb_dossier_get_origin()) */
#define GB_STORYMAP_FORMAT_NAME "StoryMapJS"

/* Converts a parsed StoryMapJS file ({"storymap": {"slides": [...]}}) into a
 * dossier: located slides become places, dated slides events, the order of
 * the slides routes. @data and @length are the file's bytes, already through
 * the JSON guard, used to give problems a line and column.
 *
 * Returns: (transfer full): the dossier, or %NULL with a #GB_LOAD_ERROR */
GbDossier  *gb_storymap_import            (JsonObject  *root,
                                           const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GError     **error);

/* A slide's free-text date, when it is one of "1790", "1944-06", "1944-06-06",
 * "June 1944", "6 June 1944", "June 6, 1944" (English month names, full or
 * abbreviated), or a span of two of them ("1790-2010", "June 1944 – May
 * 1945"). Anything else gives NULL: no date is made up. */
GbDate     *gb_storymap_parse_date        (const char  *text);

G_END_DECLS
