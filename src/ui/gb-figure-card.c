/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-figure-card"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-figure-card.h"
#include "gb-figure-format.h"
#include "gb-label.h"
#include "gb-labels.h"

struct _GbFigureCard
{
  GtkFlowBoxChild  parent_instance;

  GbFigure        *figure;
  GbCardMark       mark;

  /* Template widgets */
  GtkLabel        *value_label;
  GtkLabel        *label_label;
  GtkLabel        *meta_label;
};

G_DEFINE_FINAL_TYPE (GbFigureCard, gb_figure_card, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (GbFigureCard *self)
{
  GbItem *item = GB_ITEM (self->figure);
  g_autofree char *value = gb_figure_format (self->figure);
  g_autofree char *source = gb_labels_dup_source_line (item);
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;

  if (gb_item_get_date (item) != NULL)
    {
      g_autofree char *date = gb_date_format (gb_item_get_date (item));

      /* Translators: the year a figure refers to, then its source line */
      meta = source != NULL ? g_strdup_printf (_("%s · %s"), date, source) : g_steal_pointer (&date);
    }
  else
    meta = g_steal_pointer (&source);

  gtk_label_set_text (self->value_label, value);
  gb_label_set_story_text (self->label_label, gb_item_get_title (item));
  gtk_label_set_text (self->meta_label, meta != NULL ? meta : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);

  /* Translators: a key figure for screen readers: value, then what it counts */
  accessible = g_strdup_printf (_("%s: %s"), value, gb_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta != NULL ? meta : "",
                                  -1);
}

static void
gb_figure_card_dispose (GObject *object)
{
  GbFigureCard *self = (GbFigureCard *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_FIGURE_CARD);
  g_clear_object (&self->figure);

  G_OBJECT_CLASS (gb_figure_card_parent_class)->dispose (object);
}

static void
gb_figure_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GbFigureCard *self = GB_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      g_value_set_object (value, self->figure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_figure_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GbFigureCard *self = GB_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      self->figure = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_figure_card_constructed (GObject *object)
{
  GbFigureCard *self = (GbFigureCard *) object;

  G_OBJECT_CLASS (gb_figure_card_parent_class)->constructed (object);

  g_assert (GB_IS_FIGURE (self->figure));
  update (self);
}

static void
gb_figure_card_class_init (GbFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_figure_card_dispose;
  object_class->constructed = gb_figure_card_constructed;
  object_class->get_property = gb_figure_card_get_property;
  object_class->set_property = gb_figure_card_set_property;

  properties[PROP_FIGURE] =
    g_param_spec_object ("figure", NULL, NULL,
                         GB_TYPE_FIGURE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, GbFigureCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, GbFigureCard, label_label);
  gtk_widget_class_bind_template_child (widget_class, GbFigureCard, meta_label);
}

static void
gb_figure_card_init (GbFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gb_figure_card_new (GbFigure *figure)
{
  g_return_val_if_fail (GB_IS_FIGURE (figure), NULL);

  return g_object_new (GB_TYPE_FIGURE_CARD, "figure", figure, NULL);
}

/**
 * gb_figure_card_get_figure:
 *
 * Returns: (transfer none): what the card shows
 */
GbFigure *
gb_figure_card_get_figure (GbFigureCard *self)
{
  g_return_val_if_fail (GB_IS_FIGURE_CARD (self), NULL);

  return self->figure;
}

GbCardMark
gb_figure_card_get_mark (GbFigureCard *self)
{
  g_return_val_if_fail (GB_IS_FIGURE_CARD (self), GB_CARD_MARK_NONE);

  return self->mark;
}

void
gb_figure_card_set_mark (GbFigureCard *self,
                         GbCardMark    mark)
{
  g_return_if_fail (GB_IS_FIGURE_CARD (self));
  g_return_if_fail (mark <= GB_CARD_MARK_SELECTED);

  if (self->mark == mark)
    return;

  self->mark = mark;
  gb_card_show_mark (GTK_WIDGET (self), mark);
}
