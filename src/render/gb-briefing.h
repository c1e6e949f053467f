/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* A printed briefing of a story: its title and summary, key figures, the
 * timeline, each agreement with its status and follow-up log, the map, and
 * the numbered sources. Laid out once for a page size, then drawn a page at
 * a time onto any cairo_t: the PDF export and the Print dialog share it. */

typedef enum
{
  GB_PAPER_A4,
  GB_PAPER_LETTER,
} GbPaper;

#define GB_TYPE_BRIEFING (gb_briefing_get_type ())

G_DECLARE_FINAL_TYPE (GbBriefing, gb_briefing, GB, BRIEFING, GObject)

GbBriefing *gb_briefing_new           (GbDossier   *dossier);
/* The page size in points (1/72 inch). */
void        gb_paper_get_size         (GbPaper      paper,
                                       double      *width,
                                       double      *height);
/* Lays the story out on pages of @width × @height points.
 * Returns: the number of pages */
guint       gb_briefing_paginate      (GbBriefing  *self,
                                       double       width,
                                       double       height);
guint       gb_briefing_get_n_pages   (GbBriefing  *self);
/* Draws page @page (from 0) with its top left at @cr's origin, in points. */
void        gb_briefing_draw_page     (GbBriefing  *self,
                                       cairo_t     *cr,
                                       guint        page);

G_END_DECLS
