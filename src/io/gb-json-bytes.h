/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The byte-level reading of JSON text shared by the guard and the locator.
 * Nothing here checks: the guard decides what is valid. */

static inline gboolean
gb_json_is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* 3 for a UTF-8 byte order mark at the start of @data, else 0. */
gsize     gb_json_bom_length       (const guchar *data,
                                    gsize         length);
/* 1-based line and column (in characters) of byte @offset. */
void      gb_json_position_of      (const guchar *data,
                                    gsize         length,
                                    gsize         offset,
                                    guint        *line_out,
                                    guint        *column_out);
/* The four hex digits at @pos, if there are four. */
gboolean  gb_json_hex4_at          (const guchar *data,
                                    gsize         length,
                                    gsize         pos,
                                    gunichar     *out);
/* Appends the decoded contents of a JSON string (between its quotes). */
void      gb_json_unescape_append  (GString      *out,
                                    const guchar *raw,
                                    gsize         len);

G_END_DECLS
