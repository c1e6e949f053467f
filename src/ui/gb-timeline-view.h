/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-dossier.h"
#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_TIMELINE_VIEW (gb_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (GbTimelineView, gb_timeline_view, GB, TIMELINE_VIEW, GbView)

GtkWidget   *gb_timeline_view_new            (void);
gboolean     gb_timeline_view_get_show_details (GbTimelineView *self);
void         gb_timeline_view_set_show_details (GbTimelineView *self,
                                                gboolean        show_details);
/* The reader's date for the "today" marker; NULL (the default) means now. For tests
 * and screenshots. */
void         gb_timeline_view_set_today      (GbTimelineView *self,
                                              GDateTime      *today);
/* The flat list the view shows (GbTimelineRow items), for tests. */
GListModel  *gb_timeline_view_get_model      (GbTimelineView *self);

G_END_DECLS
