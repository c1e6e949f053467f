/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-briefing.h"

G_BEGIN_DECLS

/* The size of the map image `--export png` writes, in pixels. */
#define GB_MAP_IMAGE_WIDTH 1600
#define GB_MAP_IMAGE_HEIGHT 1000

/* Adds the formats that draw to the export table: "pdf" (the briefing on
 * A4), "pdf-letter" (on US Letter) and "png" (the story's map). Harmless
 * to call again. */
void    gb_render_add_export_formats (void);

/* The briefing as a PDF document on @paper. */
GBytes *gb_render_briefing_pdf       (GbDossier  *dossier,
                                      GbPaper     paper,
                                      GPtrArray  *notes,
                                      GError    **error);
/* The story's map as a PNG of @width × @height pixels. */
GBytes *gb_render_map_png            (GbDossier  *dossier,
                                      int         width,
                                      int         height,
                                      GPtrArray  *notes,
                                      GError    **error);

/* Notes what a map image leaves out: all but the places and routes. */
void    gb_render_note_map_image     (GPtrArray  *notes,
                                      GbDossier  *dossier);

G_END_DECLS
