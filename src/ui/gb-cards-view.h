/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-card.h"
#include "gb-dossier.h"
#include "gb-filter.h"
#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_CARDS_VIEW (gb_cards_view_get_type ())

G_DECLARE_FINAL_TYPE (GbCardsView, gb_cards_view, GB, CARDS_VIEW, GbView)

typedef enum
{
  GB_CARDS_FACET_KIND,
  GB_CARDS_FACET_STATUS,
  GB_CARDS_FACET_PARTY,
} GbCardsFacet;

GtkWidget   *gb_cards_view_new            (void);
GListModel  *gb_cards_view_get_model      (GbCardsView             *self);
void         gb_cards_view_get_filter     (GbCardsView             *self,
                                           GbAgreementFilter       *filter);
void         gb_cards_view_set_filter     (GbCardsView             *self,
                                           const GbAgreementFilter *filter);
GListModel  *gb_cards_view_get_facet_labels (GbCardsView           *self,
                                           GbCardsFacet             facet);
GbCardMark   gb_cards_view_get_mark       (GbCardsView             *self,
                                           GbItem                  *item);

G_END_DECLS
