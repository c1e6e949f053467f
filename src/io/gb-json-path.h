/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* JSON paths as messages print them: root members bare (`events`), then
 * `.name` for identifier-like names ([A-Za-z_][A-Za-z0-9_]*), `["any name"]`
 * (JSON string escapes) for the others, `[3]` for array elements; "" is the
 * root value. gb_json_locate() reads them back. */

void      gb_json_path_append_member   (GString    *path,
                                        const char *name);
void      gb_json_path_append_index    (GString    *path,
                                        guint       index);

G_END_DECLS
