/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the value at a JSON path (as gb-json-path.h writes it) starts in JSON
 * text. Also reads a bare name that is not an identifier (`title.zh-Hant`), up
 * to the next `.` or `[`. A quoted name ending in "…" (one gb-json-path.h cut)
 * matches every name it begins. With duplicate member names the last one wins, as in
 * json-glib. Returns FALSE for a malformed path or a value not found. */
gboolean  gb_json_locate               (const char *data,
                                        gsize       length,
                                        const char *path,
                                        guint      *line,
                                        guint      *column);

G_END_DECLS
