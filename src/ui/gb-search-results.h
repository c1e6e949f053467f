/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_SEARCH_RESULTS (gb_search_results_get_type ())

/* What a search finds, as a list over the content; "item-activated" when the
 * reader chooses one. */
G_DECLARE_FINAL_TYPE (GbSearchResults, gb_search_results, GB, SEARCH_RESULTS, GbView)

#define GB_SEARCH_RESULTS_MAX 50

GtkWidget   *gb_search_results_new           (void);
const char  *gb_search_results_get_query     (GbSearchResults *self);
void         gb_search_results_set_query     (GbSearchResults *self,
                                              const char      *query);
GListModel  *gb_search_results_get_model     (GbSearchResults *self);
gboolean     gb_search_results_activate_first (GbSearchResults *self);
gboolean     gb_search_results_focus_list    (GbSearchResults *self);

G_END_DECLS
