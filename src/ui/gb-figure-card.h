/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-card.h"
#include "gb-figure.h"

G_BEGIN_DECLS

#define GB_TYPE_FIGURE_CARD (gb_figure_card_get_type ())

/* A key figure shown as a figure: the number big, its label, year and source. */
G_DECLARE_FINAL_TYPE (GbFigureCard, gb_figure_card, GB, FIGURE_CARD, GtkFlowBoxChild)

GtkWidget   *gb_figure_card_new       (GbFigure     *figure);
GbFigure    *gb_figure_card_get_figure (GbFigureCard *self);
GbCardMark   gb_figure_card_get_mark  (GbFigureCard *self);
void         gb_figure_card_set_mark  (GbFigureCard *self,
                                       GbCardMark    mark);

G_END_DECLS
