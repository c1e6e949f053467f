/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-dossier.h"
#include "gb-selection.h"

G_BEGIN_DECLS

#define GB_TYPE_CARDS_VIEW (gb_cards_view_get_type ())

G_DECLARE_FINAL_TYPE (GbCardsView, gb_cards_view, GB, CARDS_VIEW, GtkWidget)

GtkWidget   *gb_cards_view_new            (void);
void         gb_cards_view_set_dossier    (GbCardsView *self,
                                           GbDossier   *dossier);
void         gb_cards_view_set_selection  (GbCardsView *self,
                                           GbSelection *selection);

G_END_DECLS
