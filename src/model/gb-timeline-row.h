/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-agreement.h"

G_BEGIN_DECLS

#define GB_TYPE_TIMELINE_ROW (gb_timeline_row_get_type ())

typedef enum
{
  GB_TIMELINE_ROW_HEADER,   /* the day or period the rows below it share */
  GB_TIMELINE_ROW_GAP,      /* "32 years later" */
  GB_TIMELINE_ROW_TODAY,    /* the reader's date */
  GB_TIMELINE_ROW_ITEM,     /* an event, an agreement's period, or a follow-up */
} GbTimelineRowKind;

/* One row of the timeline list: immutable, made by GbTimelineModel on demand. */
G_DECLARE_FINAL_TYPE (GbTimelineRow, gb_timeline_row, GB, TIMELINE_ROW, GObject)

GbTimelineRow     *gb_timeline_row_new            (GbTimelineRowKind  kind,
                                                   GbItem            *item,
                                                   GbDate            *date,
                                                   const char        *label,
                                                   guint              gap_days,
                                                   gboolean           under_way);
/* An ITEM row for one entry of @agreement's follow-up log, at the entry's date. */
GbTimelineRow     *gb_timeline_row_new_follow_up  (GbAgreement       *agreement,
                                                   const GbFollowUp  *follow_up);
GbTimelineRowKind  gb_timeline_row_get_kind       (GbTimelineRow     *self);
GbItem            *gb_timeline_row_get_item       (GbTimelineRow     *self);
GbDate            *gb_timeline_row_get_date       (GbTimelineRow     *self);
const char        *gb_timeline_row_get_label      (GbTimelineRow     *self);
guint              gb_timeline_row_get_gap_days   (GbTimelineRow     *self);
gboolean           gb_timeline_row_is_under_way   (GbTimelineRow     *self);
const GbFollowUp  *gb_timeline_row_get_follow_up  (GbTimelineRow     *self);

G_END_DECLS
