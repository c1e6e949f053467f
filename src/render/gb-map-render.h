/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* The map of a story drawn with cairo onto any surface: the offline basemap,
 * the routes as geodesics, the places and their names, and the basemap's
 * attribution in the bottom corner. The briefing's map page and the
 * command line's PNG are both drawn by this; it needs no display. */

/* What the attribution line says, translated ("Basemap: Natural Earth"). */
char    *gb_map_render_dup_attribution (void);

/* Draws the whole map into the rectangle (0, 0, @width, @height) of @cr's
 * user space, fitted to the story's places and routes. */
void     gb_map_render                 (cairo_t    *cr,
                                        GbDossier  *dossier,
                                        double      width,
                                        double      height);

/* Whether the story has anything to put on a map. */
gboolean gb_map_render_has_content     (GbDossier  *dossier);

G_END_DECLS
