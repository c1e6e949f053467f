/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-card"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-card.h"
#include "gb-label.h"
#include "gb-labels.h"

struct _GbCard
{
  GtkFlowBoxChild  parent_instance;

  GbAgreement     *agreement;
  GbCardMark       mark;

  /* Template widgets */
  GtkLabel        *kind_label;
  GtkLabel        *context_label;
  GtkLabel        *status_label;
  GtkLabel        *status_since_label;
  GtkLabel        *title_label;
  GtkWidget       *parties_row;
  GtkLabel        *parties_label;
  GtkWidget       *period_row;
  GtkLabel        *period_label;
  GtkLabel        *summary_label;
  GtkLabel        *source_label;
};

G_DEFINE_FINAL_TYPE (GbCard, gb_card, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_MARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* CSS classes carry the file format's names, so the style sheet reads as the data does. */
static char *
status_css_class (GbAgreementStatus status)
{
  return g_strdup_printf ("gb-status-%s", gb_agreement_status_to_string (status));
}

static void
set_optional_label (GtkLabel   *label,
                    GtkWidget  *row,
                    const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gb_label_set_story_text (label, has_text ? text : "");
  gtk_widget_set_visible (row != NULL ? row : GTK_WIDGET (label), has_text);
}

static void
update (GbCard *self)
{
  GbItem *item = GB_ITEM (self->agreement);
  GbAgreementStatus status = gb_agreement_get_current_status (self->agreement);
  const char *kind = gb_labels_agreement_kind (gb_agreement_get_agreement_kind (self->agreement));
  const char *status_name = gb_labels_agreement_status (status);
  g_autofree char *status_class = status_css_class (status);
  g_autofree char *parties = gb_labels_dup_parties (self->agreement);
  g_autofree char *since = gb_labels_dup_status_since (self->agreement);
  g_autofree char *period = NULL;
  g_autofree char *source = gb_labels_dup_source_line (item);
  g_autoptr(GString) accessible = g_string_new (NULL);

  if (gb_item_get_date (item) != NULL)
    period = gb_date_format (gb_item_get_date (item));

  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->status_label, status_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  set_optional_label (self->status_since_label, NULL, since);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), gb_item_is_context (item));
  gb_label_set_story_text (self->title_label, gb_item_get_title (item));
  set_optional_label (self->parties_label, self->parties_row, parties);
  set_optional_label (self->period_label, self->period_row, period);
  set_optional_label (self->summary_label, NULL, gb_item_get_description (item));
  set_optional_label (self->source_label, NULL, source);

  /* Translators: a card's name for screen readers: title, kind, status */
  g_string_printf (accessible, _("%s, %s, %s"),
                   gb_item_get_title (item),
                   kind, status_name);
  /* "Launched since 12 March 2025", as the badge and the line under it read */
  if (since != NULL)
    g_string_append_printf (accessible, " %s", since);
  /* then its period and whether it is background, as a timeline row says */
  if (period != NULL)
    g_string_append_printf (accessible, ", %s", period);
  if (gb_item_is_context (item))
    g_string_append_printf (accessible, ". %s", _("Background to the story"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gb_item_get_description (item) != NULL
                                    ? gb_item_get_description (item) : "",
                                  -1);
}

static void
gb_card_dispose (GObject *object)
{
  GbCard *self = (GbCard *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_CARD);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (gb_card_parent_class)->dispose (object);
}

static void
gb_card_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GbCard *self = GB_CARD (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;

    case PROP_MARK:
      g_value_set_int (value, self->mark);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_card_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  GbCard *self = GB_CARD (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      self->agreement = g_value_dup_object (value);
      break;

    case PROP_MARK:
      gb_card_set_mark (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_card_constructed (GObject *object)
{
  GbCard *self = (GbCard *) object;

  G_OBJECT_CLASS (gb_card_parent_class)->constructed (object);

  g_assert (GB_IS_AGREEMENT (self->agreement));
  update (self);
}

static void
gb_card_class_init (GbCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_card_dispose;
  object_class->constructed = gb_card_constructed;
  object_class->get_property = gb_card_get_property;
  object_class->set_property = gb_card_set_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         GB_TYPE_AGREEMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MARK] =
    g_param_spec_int ("mark", NULL, NULL,
                      GB_CARD_MARK_NONE, GB_CARD_MARK_SELECTED, GB_CARD_MARK_NONE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-card.ui");
  gtk_widget_class_bind_template_child (widget_class, GbCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, context_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, status_since_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, parties_row);
  gtk_widget_class_bind_template_child (widget_class, GbCard, parties_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, period_row);
  gtk_widget_class_bind_template_child (widget_class, GbCard, period_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GbCard, source_label);
}

static void
gb_card_init (GbCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gb_card_new (GbAgreement *agreement)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);

  return g_object_new (GB_TYPE_CARD, "agreement", agreement, NULL);
}

/**
 * gb_card_get_agreement:
 *
 * Returns: (transfer none): what the card shows
 */
GbAgreement *
gb_card_get_agreement (GbCard *self)
{
  g_return_val_if_fail (GB_IS_CARD (self), NULL);

  return self->agreement;
}

GbCardMark
gb_card_get_mark (GbCard *self)
{
  g_return_val_if_fail (GB_IS_CARD (self), GB_CARD_MARK_NONE);

  return self->mark;
}

/**
 * gb_card_set_mark:
 *
 * Marks the card as the selected item or as linked to it.
 */
void
gb_card_set_mark (GbCard     *self,
                  GbCardMark  mark)
{
  g_return_if_fail (GB_IS_CARD (self));
  g_return_if_fail (mark <= GB_CARD_MARK_SELECTED);

  if (self->mark == mark)
    return;

  self->mark = mark;
  gb_card_show_mark (GTK_WIDGET (self), mark);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARK]);
}

/**
 * gb_card_show_mark:
 *
 * Shows @mark on a card-like @widget, in style and to screen readers.
 */
void
gb_card_show_mark (GtkWidget  *widget,
                   GbCardMark  mark)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (mark == GB_CARD_MARK_SELECTED)
    gtk_widget_add_css_class (widget, "gb-selected");
  else
    gtk_widget_remove_css_class (widget, "gb-selected");

  if (mark == GB_CARD_MARK_LINKED)
    gtk_widget_add_css_class (widget, "gb-linked");
  else
    gtk_widget_remove_css_class (widget, "gb-linked");

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_SELECTED, mark == GB_CARD_MARK_SELECTED,
                               -1);
}
