/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-timeline-row-widget"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gb-agreement.h"
#include "gb-date-format.h"
#include "gb-label.h"
#include "gb-labels.h"
#include "gb-timeline-row-widget.h"

struct _GbTimelineRowWidget
{
  GtkWidget      parent_instance;

  GbTimelineRow *row;
  char          *name;

  GtkWidget     *rail;
  GtkWidget     *top_line;
  GtkWidget     *marker;
  GtkWidget     *bottom_line;
  GtkWidget     *content;
  GtkLabel      *heading_label;
  GtkLabel      *date_label;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkWidget     *badges;
  GtkWidget     *context_badge;
  GtkWidget     *under_way_badge;
  GtkWidget     *linked_badge;
};

G_DEFINE_FINAL_TYPE (GbTimelineRowWidget, gb_timeline_row_widget, GTK_TYPE_WIDGET)

static const char * const kind_classes[] = {
  [GB_TIMELINE_ROW_HEADER] = "timeline-header",
  [GB_TIMELINE_ROW_GAP] = "timeline-gap",
  [GB_TIMELINE_ROW_TODAY] = "timeline-today",
  [GB_TIMELINE_ROW_ITEM] = "timeline-event",
};

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gb_label_set_story_text (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
}

static void
set_name (GbTimelineRowWidget *self,
          const char          *name)
{
  g_free (self->name);
  self->name = g_strdup (name);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
clear (GbTimelineRowWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (widget, kind_classes[i]);
  gtk_widget_remove_css_class (widget, "timeline-context");
  gtk_widget_remove_css_class (widget, "timeline-own");
  gtk_widget_remove_css_class (widget, "timeline-follow-up");
  gtk_widget_remove_css_class (widget, "timeline-linked");
  gtk_widget_remove_css_class (widget, "timeline-selected");

  set_label (self->heading_label, NULL);
  set_label (self->date_label, NULL);
  set_label (self->title_label, NULL);
  set_label (self->meta_label, NULL);
  gtk_widget_set_visible (self->badges, FALSE);
  gtk_widget_set_visible (self->context_badge, FALSE);
  gtk_widget_set_visible (self->under_way_badge, FALSE);
  gtk_widget_set_visible (self->linked_badge, FALSE);
  gtk_widget_set_visible (self->marker, TRUE);
  gtk_widget_set_size_request (self->bottom_line, -1, -1);
  set_name (self, NULL);
}

static void
show_item (GbTimelineRowWidget *self,
           GbTimelineRow       *row,
           const char          *other_time)
{
  GbItem *item = gb_timeline_row_get_item (row);
  GbDate *date = gb_timeline_row_get_date (row);
  const GbFollowUp *follow_up = gb_timeline_row_get_follow_up (row);
  /* A follow-up happened after the story, whatever its agreement was. */
  gboolean context = follow_up == NULL && gb_item_is_context (item);
  gboolean under_way = gb_timeline_row_is_under_way (row);
  g_autofree char *date_text = gb_date_format (date);
  g_autofree char *words = gb_date_format_words (date);
  g_autofree char *meta = NULL;
  g_autofree char *follow_up_title = NULL;
  g_autoptr(GString) accessible = g_string_new (NULL);
  const char *title = gb_item_get_title (item);

  if (follow_up != NULL)
    {
      follow_up_title = gb_labels_dup_follow_up_title (GB_AGREEMENT (item));
      title = follow_up_title;
      meta = gb_labels_dup_follow_up_summary (follow_up);
      gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-follow-up");
    }
  else
    {
      meta = gb_labels_dup_item_meta (item);
      gtk_widget_add_css_class (GTK_WIDGET (self), context ? "timeline-context" : "timeline-own");
    }

  /* The header above shows the date down to the day; a row adds its time, in its
   * zone and in the other capital's. */
  if (gb_date_get_precision (date) == GB_DATE_PRECISION_MINUTE)
    {
      g_autofree char *time = gb_date_has_end (date) ? NULL : gb_date_format_time (date);
      const char *shown = time != NULL ? time : date_text;

      if (other_time != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s · %s", shown, other_time);

          set_label (self->date_label, both);
        }
      else
        set_label (self->date_label, shown);
    }
  set_label (self->title_label, title);
  set_label (self->meta_label, meta);
  gtk_widget_set_visible (self->context_badge, context);
  gtk_widget_set_visible (self->under_way_badge, under_way);
  gtk_widget_set_visible (self->badges, context || under_way);

  /* TRANSLATORS: what a screen reader says for a timeline row: the date, then the title */
  g_string_printf (accessible, _("%s: %s"), words, title != NULL ? title : "");
  if (other_time != NULL)
    g_string_append_printf (accessible, " (%s)", other_time);
  /* what happened: the new status and the note */
  if (follow_up != NULL)
    g_string_append_printf (accessible, ". %s", meta);
  if (context)
    g_string_append_printf (accessible, ". %s", _("Background to the story"));
  if (under_way)
    g_string_append_printf (accessible, ". %s", _("Under way"));
  set_name (self, accessible->str);
}

static void
gb_timeline_row_widget_dispose (GObject *object)
{
  GbTimelineRowWidget *self = (GbTimelineRowWidget *) object;

  g_clear_object (&self->row);
  g_clear_pointer (&self->name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_TIMELINE_ROW_WIDGET);

  G_OBJECT_CLASS (gb_timeline_row_widget_parent_class)->dispose (object);
}

static void
gb_timeline_row_widget_class_init (GbTimelineRowWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_timeline_row_widget_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "gb-timeline-row-widget.ui");
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, rail);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, top_line);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, marker);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, bottom_line);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, content);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, date_label);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, title_label);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, badges);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, context_badge);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, under_way_badge);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineRowWidget, linked_badge);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinerow");
  /* The row carries its label: GTK 4.10 and later drop names on the default generic role. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gb_timeline_row_widget_init (GbTimelineRowWidget *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              12);
}

GtkWidget *
gb_timeline_row_widget_new (void)
{
  return g_object_new (GB_TYPE_TIMELINE_ROW_WIDGET, NULL);
}

/**
 * gb_timeline_row_widget_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
GbTimelineRow *
gb_timeline_row_widget_get_row (GbTimelineRowWidget *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW_WIDGET (self), NULL);

  return self->row;
}

/**
 * gb_timeline_row_widget_get_name:
 *
 * Returns: (nullable): what a screen reader says for the row: its date,
 *   title and whether it is background to the story
 */
const char *
gb_timeline_row_widget_get_name (GbTimelineRowWidget *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_ROW_WIDGET (self), NULL);

  return self->name;
}

void
gb_timeline_row_widget_set_row (GbTimelineRowWidget *self,
                                GbTimelineRow       *row,
                                const char          *other_time)
{
  GbTimelineRowKind kind;
  const char *label;

  g_return_if_fail (GB_IS_TIMELINE_ROW_WIDGET (self));
  g_return_if_fail (row == NULL || GB_IS_TIMELINE_ROW (row));

  g_set_object (&self->row, row);
  clear (self);
  if (row == NULL)
    return;

  kind = gb_timeline_row_get_kind (row);
  label = gb_timeline_row_get_label (row);
  gtk_widget_add_css_class (GTK_WIDGET (self), kind_classes[kind]);

  switch (kind)
    {
    case GB_TIMELINE_ROW_HEADER:
      set_label (self->heading_label, label);
      gtk_widget_set_visible (self->marker, FALSE);
      break;

    case GB_TIMELINE_ROW_GAP:
      /* The longer the gap, the longer the dashed line: scale stays visible. */
      set_label (self->heading_label, label);
      gtk_widget_set_visible (self->marker, FALSE);
      gtk_widget_set_size_request (self->bottom_line, -1,
                                   (int) (12 + 10 * log2 (1 + gb_timeline_row_get_gap_days (row)
                                                          / 30.0)));
      break;

    case GB_TIMELINE_ROW_TODAY:
      set_label (self->heading_label, label);
      break;

    case GB_TIMELINE_ROW_ITEM:
      show_item (self, row, other_time);
      return;

    default:
      g_assert_not_reached ();
    }

  set_name (self, label);
}

void
gb_timeline_row_widget_set_linked (GbTimelineRowWidget *self,
                                   gboolean             linked,
                                   gboolean             selected)
{
  g_return_if_fail (GB_IS_TIMELINE_ROW_WIDGET (self));

  gtk_widget_set_visible (self->linked_badge, linked);
  gtk_widget_set_visible (self->badges,
                          linked ||
                          gtk_widget_get_visible (self->context_badge) ||
                          gtk_widget_get_visible (self->under_way_badge));

  if (linked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-linked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "timeline-linked");

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "timeline-selected");
}
