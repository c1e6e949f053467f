/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_SEARCH_RESULT_ROW (gb_search_result_row_get_type ())
G_DECLARE_FINAL_TYPE (GbSearchResultRow, gb_search_result_row, GB, SEARCH_RESULT_ROW, GtkBox)

GbItem *gb_search_result_row_get_item (GbSearchResultRow *self);
void    gb_search_result_row_set_item (GbSearchResultRow *self,
                                       GbItem            *item);

G_END_DECLS
