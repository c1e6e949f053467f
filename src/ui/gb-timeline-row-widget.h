/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-timeline-row.h"

G_BEGIN_DECLS

#define GB_TYPE_TIMELINE_ROW_WIDGET (gb_timeline_row_widget_get_type ())

/* The widget of one timeline row, recycled by the list view's factory. */
G_DECLARE_FINAL_TYPE (GbTimelineRowWidget, gb_timeline_row_widget, GB, TIMELINE_ROW_WIDGET,
                      GtkWidget)

GtkWidget     *gb_timeline_row_widget_new         (void);
GbTimelineRow *gb_timeline_row_widget_get_row     (GbTimelineRowWidget *self);
const char    *gb_timeline_row_widget_get_name    (GbTimelineRowWidget *self);
/* @other_time: the moment in the other capital ("10:00 UTC+5 in Astana"), or NULL. */
void           gb_timeline_row_widget_set_row     (GbTimelineRowWidget *self,
                                                   GbTimelineRow       *row,
                                                   const char          *other_time);
void           gb_timeline_row_widget_set_linked  (GbTimelineRowWidget *self,
                                                   gboolean             linked,
                                                   gboolean             selected);

G_END_DECLS
