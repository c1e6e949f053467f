/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-problems.h"

G_BEGIN_DECLS

/* Reading members of parsed JSON for the dossier loader and the importers:
 * each getter gives the value when it has the expected type and otherwise
 * reports, at the member's path, what it is instead. A member that is missing
 * or null is absent. */

typedef enum
{
  GB_JSON_READ_OPTIONAL = 0,
  GB_JSON_READ_REQUIRED = 1 << 0,  /* report a missing member */
  GB_JSON_READ_NO_EMPTY = 1 << 1,  /* report "" (otherwise it is absent) */
} GbJsonReadFlags;

/* "an object", "a string"…, for messages; "null" for %NULL */
const char *gb_json_type_name      (JsonNode        *node);
gboolean    gb_json_is_string      (JsonNode        *node);
gboolean    gb_json_is_number      (JsonNode        *node);

/* @obj's member @name, or %NULL when @obj is %NULL or the member is missing or
 * null; reports a missing one if @flags say it is required. */
JsonNode   *gb_json_read_member    (GbProblems      *problems,
                                    JsonObject      *obj,
                                    const char      *name,
                                    GbJsonReadFlags  flags);
/* Reports that @obj's member @name is not @expected ("an array"). */
void        gb_json_report_type    (GbProblems      *problems,
                                    const char      *name,
                                    const char      *expected,
                                    JsonNode        *node);

JsonObject *gb_json_read_object    (GbProblems      *problems,
                                    JsonObject      *obj,
                                    const char      *name,
                                    GbJsonReadFlags  flags);
JsonArray  *gb_json_read_array     (GbProblems      *problems,
                                    JsonObject      *obj,
                                    const char      *name,
                                    GbJsonReadFlags  flags);
/* Never "": an empty string is absent, or a problem with NO_EMPTY. */
const char *gb_json_read_string    (GbProblems      *problems,
                                    JsonObject      *obj,
                                    const char      *name,
                                    GbJsonReadFlags  flags);

/* Sets @name to @value, or leaves it out when @value is %NULL: what the
 * dossier writer and the spreadsheet importer (writing TimelineJS JSON) do
 * with optional members. */
static inline void
gb_json_set_string (JsonObject *obj,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (obj, name, value);
}

G_END_DECLS
