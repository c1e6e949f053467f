/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_STORY_BAR (gb_story_bar_get_type ())

/* The story itself, above its views: its title, its period and the first
 * lines of its summary; unfolded (kept in GSettings), the whole summary and
 * its sources, each of which opens in the details when chosen. */
G_DECLARE_FINAL_TYPE (GbStoryBar, gb_story_bar, GB, STORY_BAR, GbView)

/* Sources shown as buttons; the rest are counted, and found by search. */
#define GB_STORY_BAR_MAX_SOURCES 12

GtkWidget   *gb_story_bar_new            (void);
gboolean     gb_story_bar_get_expanded   (GbStoryBar *self);
void         gb_story_bar_set_expanded   (GbStoryBar *self,
                                          gboolean    expanded);

G_END_DECLS
