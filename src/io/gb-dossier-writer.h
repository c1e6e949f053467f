/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* The canonical form of a dossier: the members of each object in the order
 * docs/dossier-format.md lists them, then the members Golden Bridge does not
 * know in the order the file had them; two-space indent; events by date.
 * Writing what was just loaded gives the same bytes every time. */

GBytes     *gb_dossier_writer_to_bytes           (GbDossier   *dossier,
                                                  GError     **error);
JsonNode   *gb_dossier_writer_item_to_json       (GbItem      *item);
char       *gb_dossier_writer_node_to_string     (JsonNode    *node);

/* Used by the loader: keeps the members of @obj that the format does not
 * define on @owner (a GbItem or the GbDossier), to be written back. */
void        gb_dossier_writer_keep_unknown       (gpointer     owner,
                                                  JsonObject  *obj);

G_END_DECLS
