/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-figure.h"

G_BEGIN_DECLS

/* Key figures as a reader expects to see them, in the LC_NUMERIC locale:
 * "$6 billion", "120,000", "30+ years", "Top 5", ">50%". */

char   *gb_figure_format_number  (double             value);
char   *gb_figure_format_scaled  (double             value);
char   *gb_figure_format_value   (double             value,
                                  const char        *unit,
                                  GbFigureQualifier  qualifier);
char   *gb_figure_format         (GbFigure          *figure);

G_END_DECLS
