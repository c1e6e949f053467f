/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-dossier.h"

G_BEGIN_DECLS

/* Search across a story: case- and diacritic-insensitive substring matching
 * of every word of the query, in the displayed language first. */

#define GB_SEARCH_MAX_QUERY 256

char        *gb_search_fold          (const char  *text);
gboolean     gb_search_folded_match  (const char  *folded_haystack,
                                      const char  *folded_query);
gboolean     gb_search_match         (const char  *text,
                                      const char  *query);
int          gb_search_score_item    (GbItem      *item,
                                      const char  *folded_query);
GPtrArray   *gb_search_dossier       (GbDossier   *dossier,
                                      const char  *query,
                                      guint        max_results);

G_END_DECLS
