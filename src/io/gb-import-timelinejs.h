/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* The origin of the dossiers it makes (gb_dossier_get_origin()) */
#define GB_TIMELINEJS_FORMAT_NAME "TimelineJS 3"

/* Converts a parsed TimelineJS 3 file ({"events": [...], "title": ..., "eras":
 * ...}) into a dossier. @data and @length are the file's bytes, already
 * through the JSON guard, used to give problems a line and column.
 *
 * Returns: (transfer full): the dossier, or %NULL with a #GB_LOAD_ERROR whose
 *   message has one line per problem, as the dossier loader's */
GbDossier  *gb_timelinejs_import          (JsonObject  *root,
                                           const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GError     **error);

G_END_DECLS
