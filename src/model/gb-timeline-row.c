/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-timeline-row"

#include "config.h"

#include "gb-timeline-row.h"

struct _GbTimelineRow
{
  GObject            parent_instance;
  GbTimelineRowKind  kind;
  GbItem            *item;
  GbDate            *date;
  char              *label;
  guint              gap_days;
  guint              under_way : 1;
  const GbFollowUp  *follow_up;   /* owned by item, which the row keeps alive */
};

G_DEFINE_FINAL_TYPE (GbTimelineRow, gb_timeline_row, G_TYPE_OBJECT)

static void
gb_timeline_row_finalize (GObject *object)
{
  GbTimelineRow *self = (GbTimelineRow *) object;

  g_clear_object (&self->item);
  g_clear_pointer (&self->date, gb_date_unref);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (gb_timeline_row_parent_class)->finalize (object);
}

static void
gb_timeline_row_class_init (GbTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gb_timeline_row_finalize;
}

static void
gb_timeline_row_init (GbTimelineRow *self)
{
}

/**
 * gb_timeline_row_new:
 * @kind: what the row shows
 * @item: (nullable): the item of an ITEM row, the first item under a HEADER
 * @date: (nullable): the date the row stands for
 * @label: (nullable): the text of a HEADER, GAP or TODAY row
 * @gap_days: the days a GAP row stands for
 * @under_way: whether an ITEM's span contains today
 *
 * Returns: (transfer full): a new row
 */
GbTimelineRow *
gb_timeline_row_new (GbTimelineRowKind  kind,
                     GbItem            *item,
                     GbDate            *date,
                     const char        *label,
                     guint              gap_days,
                     gboolean           under_way)
{
  GbTimelineRow *self;

  g_return_val_if_fail (item == NULL || GB_IS_ITEM (item), NULL);

  self = g_object_new (GB_TYPE_TIMELINE_ROW, NULL);
  self->kind = kind;
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->date = date != NULL ? gb_date_ref (date) : NULL;
  self->label = g_strdup (label);
  self->gap_days = gap_days;
  self->under_way = !!under_way;
  return self;
}

/**
 * gb_timeline_row_new_follow_up:
 * @agreement: whose log @follow_up is in
 * @follow_up: an entry of gb_agreement_get_follow_ups()
 *
 * Returns: (transfer full): a new ITEM row: @agreement is its item, the
 *   entry's date its date
 */
GbTimelineRow *
gb_timeline_row_new_follow_up (GbAgreement      *agreement,
                               const GbFollowUp *follow_up)
{
  GbTimelineRow *self;

  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (follow_up != NULL, NULL);

  self = gb_timeline_row_new (GB_TIMELINE_ROW_ITEM, GB_ITEM (agreement), follow_up->date, NULL,
                              0, FALSE);
  self->follow_up = follow_up;
  return self;
}

GbTimelineRowKind
gb_timeline_row_get_kind (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), GB_TIMELINE_ROW_ITEM);

  return self->kind;
}

/**
 * gb_timeline_row_get_item:
 *
 * Returns: (transfer none) (nullable): the row's item
 */
GbItem *
gb_timeline_row_get_item (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), NULL);

  return self->item;
}

/**
 * gb_timeline_row_get_date:
 *
 * Returns: (transfer none) (nullable): the date the row stands for
 */
GbDate *
gb_timeline_row_get_date (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), NULL);

  return self->date;
}

const char *
gb_timeline_row_get_label (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), NULL);

  return self->label;
}

guint
gb_timeline_row_get_gap_days (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), 0);

  return self->gap_days;
}

gboolean
gb_timeline_row_is_under_way (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), FALSE);

  return self->under_way;
}

/**
 * gb_timeline_row_get_follow_up:
 *
 * Returns: (transfer none) (nullable): the follow-up entry the row shows,
 *   of the agreement that is its item; %NULL for other rows
 */
const GbFollowUp *
gb_timeline_row_get_follow_up (GbTimelineRow *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (self), NULL);

  return self->follow_up;
}
