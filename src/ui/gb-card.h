/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-agreement.h"

G_BEGIN_DECLS

#define GB_TYPE_CARD (gb_card_get_type ())

/* One agreement or initiative as a card in the cards view's flow box. */
G_DECLARE_FINAL_TYPE (GbCard, gb_card, GB, CARD, GtkFlowBoxChild)

typedef enum
{
  GB_CARD_MARK_NONE,
  GB_CARD_MARK_LINKED,     /* linked to the selected item */
  GB_CARD_MARK_SELECTED,   /* the selected item itself */
} GbCardMark;

GtkWidget    *gb_card_new                (GbAgreement       *agreement);
GbAgreement  *gb_card_get_agreement      (GbCard            *self);
GbCardMark    gb_card_get_mark           (GbCard            *self);
void          gb_card_set_mark           (GbCard            *self,
                                          GbCardMark         mark);

void          gb_card_show_mark          (GtkWidget         *widget,
                                          GbCardMark         mark);

G_END_DECLS
