/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-dossier.h"
#include "gb-timeline-row.h"

G_BEGIN_DECLS

#define GB_TYPE_TIMELINE_MODEL (gb_timeline_model_get_type ())

/* The timeline as a flat GListModel of GbTimelineRow: headers, gaps and the today
 * marker are rows between the items (GTK 4.8 has no GtkSectionModel). Rows are made
 * on demand, so a dossier of 100,000 events costs a small record per row until a
 * row is shown. Items: the dossier's events, agreements whose period is a span of
 * its own (the Action Plan 2025–2027, not the day it was signed), and each entry of
 * an agreement's follow-up log, at its date. */
G_DECLARE_FINAL_TYPE (GbTimelineModel, gb_timeline_model, GB, TIMELINE_MODEL, GObject)

#define GB_TIMELINE_GAP_MIN_DAYS 7

GbTimelineModel *gb_timeline_model_new            (void);
GbDossier       *gb_timeline_model_get_dossier    (GbTimelineModel *self);
void             gb_timeline_model_set_dossier    (GbTimelineModel *self,
                                                   GbDossier       *dossier);
/* The reader's date; NULL (the default) means the local date now. */
void             gb_timeline_model_set_today      (GbTimelineModel *self,
                                                   GDateTime       *today);
guint            gb_timeline_model_get_n_dated    (GbTimelineModel *self);
/* The row of @item, or G_MAXUINT. */
guint            gb_timeline_model_find_item      (GbTimelineModel *self,
                                                   GbItem          *item);
/* The position of a row this model made, or G_MAXUINT. */
guint            gb_timeline_model_find_row       (GbTimelineModel *self,
                                                   GbTimelineRow   *row);
/* The next item row from @start on (wrapping) whose title starts with @prefix,
 * ignoring case and accents; G_MAXUINT if none. For type-ahead. */
guint            gb_timeline_model_find_title     (GbTimelineModel *self,
                                                   const char      *prefix,
                                                   guint            start);
char            *gb_timeline_format_gap           (gint64           from_day,
                                                   gint64           to_day);

G_END_DECLS
