/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-card"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-card.h"
#include "gb-source.h"

struct _GbCard
{
  GtkFlowBoxChild  parent_instance;

  GbAgreement     *agreement;
  GbCardMark       mark;

  /* Template widgets */
  GtkLabel        *kind_label;
  GtkLabel        *context_label;
  GtkLabel        *status_label;
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

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (row != NULL ? row : GTK_WIDGET (label), has_text);
}

static void
update (GbCard *self)
{
  GbItem *item = GB_ITEM (self->agreement);
  GbAgreementStatus status = gb_agreement_get_status (self->agreement);
  g_autofree char *status_class = status_css_class (status);
  g_autofree char *parties = gb_card_dup_parties (self->agreement);
  g_autofree char *period = NULL;
  g_autofree char *source = gb_card_dup_source_line (item);
  g_autoptr(GString) accessible = g_string_new (NULL);

  if (gb_item_get_date (item) != NULL)
    period = gb_date_format (gb_item_get_date (item));

  gtk_label_set_text (self->kind_label,
                      gb_card_kind_label (gb_agreement_get_agreement_kind (self->agreement)));
  gtk_label_set_text (self->status_label, gb_card_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), gb_item_is_context (item));
  gtk_label_set_text (self->title_label, gb_item_get_title (item));
  set_optional_label (self->parties_label, self->parties_row, parties);
  set_optional_label (self->period_label, self->period_row, period);
  set_optional_label (self->summary_label, NULL, gb_item_get_description (item));
  set_optional_label (self->source_label, NULL, source);

  /* Translators: a card's name for screen readers: title, kind, status */
  g_string_printf (accessible, _("%s, %s, %s"),
                   gb_item_get_title (item),
                   gb_card_kind_label (gb_agreement_get_agreement_kind (self->agreement)),
                   gb_card_status_label (status));
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

const char *
gb_card_kind_label (GbAgreementKind kind)
{
  switch (kind)
    {
    case GB_AGREEMENT_KIND_AGREEMENT:
      return C_("agreement kind", "Agreement");
    case GB_AGREEMENT_KIND_PLAN:
      return C_("agreement kind", "Plan");
    case GB_AGREEMENT_KIND_PROPOSAL:
      return C_("agreement kind", "Proposal");
    case GB_AGREEMENT_KIND_INITIATIVE:
      return C_("agreement kind", "Initiative");
    case GB_AGREEMENT_KIND_PROGRAMME:
      return C_("agreement kind", "Programme");
    default:
      return "";
    }
}

const char *
gb_card_status_label (GbAgreementStatus status)
{
  switch (status)
    {
    case GB_AGREEMENT_STATUS_SIGNED:
      return C_("agreement status", "Signed");
    case GB_AGREEMENT_STATUS_PROPOSED:
      return C_("agreement status", "Proposed");
    case GB_AGREEMENT_STATUS_PLANNED:
      return C_("agreement status", "Planned");
    case GB_AGREEMENT_STATUS_EXISTING:
      return C_("agreement status", "Existing");
    case GB_AGREEMENT_STATUS_LAUNCHED:
      return C_("agreement status", "Launched");
    case GB_AGREEMENT_STATUS_ENDED:
      return C_("agreement status", "Ended");
    default:
      return "";
    }
}

const char *
gb_card_item_kind_label (GbItemKind kind)
{
  switch (kind)
    {
    case GB_ITEM_KIND_SOURCE:
      return C_("item kind", "Source");
    case GB_ITEM_KIND_EVENT:
      return C_("item kind", "Event");
    case GB_ITEM_KIND_PLACE:
      return C_("item kind", "Place");
    case GB_ITEM_KIND_ROUTE:
      return C_("item kind", "Route");
    case GB_ITEM_KIND_AGREEMENT:
      return C_("item kind", "Agreement or initiative");
    case GB_ITEM_KIND_FIGURE:
      return C_("item kind", "Key figure");
    case GB_ITEM_KIND_PERSON:
      return C_("item kind", "Person");
    case GB_ITEM_KIND_ORGANISATION:
      return C_("item kind", "Organisation");
    default:
      return "";
    }
}

static gboolean
has_bidi_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
          c == 0x200E || c == 0x200F || c == 0x061C)
        return TRUE;
    }

  return FALSE;
}

/**
 * gb_card_dup_isolated:
 * @text: a string from a file, to be joined with others in one line
 *
 * A direction override in one name must not turn the rest of the line
 * around: text with bidi controls is wrapped in a first-strong isolate, whose
 * end closes whatever the text left open. Other text is returned as it is.
 *
 * Returns: (transfer full): @text, isolated if need be
 */
char *
gb_card_dup_isolated (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!has_bidi_controls (text))
    return g_strdup (text);

  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

/**
 * gb_card_dup_parties:
 *
 * Returns: (transfer full) (nullable): the parties' names in a line
 */
char *
gb_card_dup_parties (GbAgreement *agreement)
{
  GPtrArray *parties;
  GString *out;

  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), NULL);

  parties = gb_agreement_get_parties (agreement);
  if (parties->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < parties->len; i++)
    {
      g_autofree char *name = gb_card_dup_isolated (gb_item_get_title (parties->pdata[i]));

      if (i > 0)
        /* Translators: between the names in a list */
        g_string_append (out, _(", "));
      g_string_append (out, name);
    }

  return g_string_free (out, FALSE);
}

/**
 * gb_card_dup_source_line:
 *
 * Returns: (transfer full) (nullable): "Source: The Astana Times, 5 November
 *   2024", or "Context source: …" for background facts
 */
char *
gb_card_dup_source_line (GbItem *item)
{
  GbSource *source;
  const char *publisher;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  if (!(source = gb_item_get_source (item)))
    return NULL;

  publisher = gb_source_get_publisher (source);
  if (publisher == NULL || publisher[0] == '\0')
    publisher = gb_item_get_title (GB_ITEM (source));
  name = gb_card_dup_isolated (publisher);

  if (gb_item_get_date (GB_ITEM (source)) != NULL)
    date = gb_date_format (gb_item_get_date (GB_ITEM (source)));

  if (date != NULL)
    /* Translators: a source's publisher and date */
    what = g_strdup_printf (_("%s, %s"), name, date);
  else
    what = g_steal_pointer (&name);

  if (gb_item_is_context (item))
    return g_strdup_printf (_("Context source: %s"), what);

  return g_strdup_printf (_("Source: %s"), what);
}
