/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_FIGURE (gb_figure_get_type ())

G_DECLARE_FINAL_TYPE (GbFigure, gb_figure, GB, FIGURE, GbItem)

/* The label is the item's title; the year it refers to is its date. */
GbFigure          *gb_figure_new            (const char        *id,
                                             double             value,
                                             const char        *unit,
                                             GbFigureQualifier  qualifier);
double             gb_figure_get_value      (GbFigure          *self);
const char        *gb_figure_get_unit       (GbFigure          *self);
GbFigureQualifier  gb_figure_get_qualifier  (GbFigure          *self);
GPtrArray         *gb_figure_get_related    (GbFigure          *self);
void               gb_figure_add_related    (GbFigure          *self,
                                             GbItem            *item);

G_END_DECLS
