/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-detail-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-agreement.h"
#include "gb-bidi.h"
#include "gb-date-format.h"
#include "gb-detail-pane.h"
#include "gb-event.h"
#include "gb-figure-format.h"
#include "gb-figure.h"
#include "gb-labels.h"
#include "gb-links.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-route-format.h"
#include "gb-route.h"
#include "gb-source.h"

struct _GbDetailPane
{
  GtkWidget    parent_instance;

  GbSelection *selection;
  GbItem      *item;

  /* Template widgets */
  GtkLabel    *kind_label;
  GtkWidget   *close_button;
  GtkWidget   *scroller;
  GtkBox      *content;
};

G_DEFINE_FINAL_TYPE (GbDetailPane, gb_detail_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every string from a file goes through here: plain text, never markup. */
static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Pango measures in 1/1024 pixels in an int: a label's natural width
 * overflows past a few hundred thousand characters and it is drawn as one
 * overlapping line. Long texts are shown a part at a time. */
#define TEXT_PART_CHARS 8000

/* The end of the part of @text that starts at @text: at a space near
 * TEXT_PART_CHARS characters, or there; the end of @text if it is shorter. */
static const char *
text_part_end (const char *text)
{
  const char *end = text;
  const char *space = NULL;

  for (guint n = 0; *end != '\0' && n < TEXT_PART_CHARS; n++)
    {
      if (*end == ' ' || *end == '\n')
        space = end;
      end = g_utf8_next_char (end);
    }

  if (*end == '\0' || space == NULL || end - space > 400)
    return end;
  return space + 1;
}

static void show_more_clicked_cb (GtkButton *button);

/* Appends the part of @text at @start to @box, before @button, and keeps
 * the rest on @button or drops the button when there is none. */
static void
append_text_part (GtkBox     *box,
                  GtkWidget  *button,
                  const char *text,
                  const char *css_class)
{
  const char *end = text_part_end (text);
  g_autofree char *part = g_strndup (text, end - text);
  GtkWidget *label = text_label (part, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_insert_child_after (box, label, gtk_widget_get_prev_sibling (button));
  if (*end == '\0')
    {
      gtk_box_remove (box, button);
      return;
    }
  g_object_set_data_full (G_OBJECT (button), "gb-rest", g_strdup (end), g_free);
}

static void
show_more_clicked_cb (GtkButton *button)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  g_autofree char *rest = g_strdup (g_object_get_data (G_OBJECT (button), "gb-rest"));

  append_text_part (GTK_BOX (box), GTK_WIDGET (button), rest,
                    g_object_get_data (G_OBJECT (button), "gb-css-class"));
}

/* A long text from a file, selectable, in parts with a "Show More" button. */
static GtkWidget *
long_text (const char *text,
           const char *css_class)
{
  GtkWidget *box, *button;

  if (*text_part_end (text) == '\0')
    {
      GtkWidget *label = text_label (text, css_class);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      return label;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  button = gtk_button_new_with_label (_("Show More"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "gb-css-class", (gpointer) css_class);
  g_signal_connect (button, "clicked", G_CALLBACK (show_more_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), button);
  append_text_part (GTK_BOX (box), button, text, css_class);

  return box;
}

static void
append_text (GtkBox     *box,
             const char *text,
             const char *css_class)
{
  if (text != NULL && text[0] != '\0')
    gtk_box_append (box, text_label (text, css_class));
}

static GtkBox *
add_section (GbDetailPane *self,
             const char   *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = text_label (title, "heading");

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                  -1);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_widget_add_css_class (section, "gb-detail-section");
  gtk_box_append (self->content, section);

  return GTK_BOX (section);
}

/* "Status: Signed" as two labels, the name dimmed. */
static void
add_fact (GtkBox     *box,
          const char *name,
          const char *value)
{
  GtkWidget *row;
  GtkWidget *name_label;

  if (value == NULL || value[0] == '\0')
    return;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  name_label = text_label (name, "caption");
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_box_append (GTK_BOX (row), name_label);
  gtk_box_append (GTK_BOX (row), text_label (value, NULL));
  gtk_box_append (box, row);
}

static void
item_button_clicked_cb (GtkButton    *button,
                        GbDetailPane *self)
{
  GbItem *item = g_object_get_data (G_OBJECT (button), "gb-item");

  if (self->selection != NULL && item != NULL)
    gb_selection_set_item (self->selection, item);
}

static GtkWidget *
item_button_new (GbDetailPane *self,
                 GbItem       *item)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = text_label (gb_item_get_title (item), NULL);
  g_autofree char *secondary = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *secondary_label;

  if (GB_IS_SOURCE (item))
    secondary = g_strdup (gb_labels_item_kind (gb_item_get_kind (item)));
  else
    secondary = gb_labels_dup_kind_date (item);

  secondary_label = text_label (secondary, "caption");
  gtk_widget_add_css_class (secondary_label, "dim-label");
  gtk_box_append (GTK_BOX (box), secondary_label);
  gtk_box_append (GTK_BOX (box), title);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "gb-item-link");

  /* Translators: a button that shows a linked item: "Event: Signing of …" */
  accessible = g_strdup_printf (_("%s: %s"), gb_labels_item_kind (gb_item_get_kind (item)),
                                gb_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data_full (G_OBJECT (button), "gb-item", g_object_ref (item), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (item_button_clicked_cb), self);

  return button;
}

static void
add_kind_facts (GbDetailPane *self,
                GtkBox       *box)
{
  GbItem *item = self->item;

  if (GB_IS_AGREEMENT (item))
    {
      GbAgreement *agreement = GB_AGREEMENT (item);
      GbAgreementStatus status = gb_agreement_get_status (agreement);
      g_autofree char *status_class = g_strdup_printf ("gb-status-%s",
                                                       gb_agreement_status_to_string (status));
      GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *kind = text_label (gb_labels_agreement_kind (gb_agreement_get_agreement_kind (agreement)),
                                    "gb-badge");
      GtkWidget *badge = text_label (gb_labels_agreement_status (status), "gb-badge");

      gtk_widget_add_css_class (badge, "gb-status-badge");
      gtk_widget_add_css_class (badge, status_class);
      gtk_box_append (GTK_BOX (badges), kind);
      gtk_box_append (GTK_BOX (badges), badge);
      gtk_box_append (box, badges);
    }
  else if (GB_IS_FIGURE (item))
    {
      g_autofree char *value = gb_figure_format (GB_FIGURE (item));

      append_text (box, value, "title-1");
    }
  else if (GB_IS_PERSON (item))
    {
      add_fact (box, _("Role"), gb_person_get_role (GB_PERSON (item)));
      add_fact (box, _("Country"), gb_person_get_country (GB_PERSON (item)));
    }
  else if (GB_IS_ORGANISATION (item))
    {
      GbOrganisation *org = GB_ORGANISATION (item);

      if (g_strcmp0 (gb_organisation_get_short_name (org), gb_item_get_title (item)) != 0)
        add_fact (box, _("Short name"), gb_organisation_get_short_name (org));
      add_fact (box, _("Kind"), gb_organisation_get_org_kind (org));
      add_fact (box, _("Country"), gb_organisation_get_country (org));
      if (gb_organisation_get_url (org) != NULL)
        gtk_box_append (box, gb_links_button_new (gb_organisation_get_url (org)));
    }
  else if (GB_IS_PLACE (item))
    {
      GbPlace *place = GB_PLACE (item);
      g_autofree char *position = gb_labels_dup_place_position (place);

      add_fact (box, _("Airport code"), gb_place_get_iata (place));
      add_fact (box, _("Country"), gb_place_get_country (place));
      add_fact (box, _("Time zone"), gb_place_get_timezone (place));
      add_fact (box, _("Position"), position);
    }
  else if (GB_IS_ROUTE (item))
    {
      GbRoute *route = GB_ROUTE (item);
      const char * const *operators = gb_route_get_operators (route);
      g_autofree char *duration =
        gb_route_format_duration (gb_route_get_duration_minutes (route));

      add_fact (box, _("Mode"), gb_route_get_mode (route));
      add_fact (box, _("Duration"), duration);
      if (operators != NULL && operators[0] != NULL)
        {
          /* Translators: between the names in a list */
          g_autofree char *joined = g_strjoinv (_(", "), (char **) operators);

          add_fact (box, _("Operators"), joined);
        }
      add_fact (box, _("Schedule"), gb_route_get_schedule (route));
    }
  else if (GB_IS_SOURCE (item))
    {
      add_fact (box, _("Publisher"), gb_source_get_publisher (GB_SOURCE (item)));
      if (gb_source_get_url (GB_SOURCE (item)) != NULL)
        gtk_box_append (box, gb_links_button_new (gb_source_get_url (GB_SOURCE (item))));
    }
}

static void
add_covers (GbDetailPane *self)
{
  GPtrArray *covers;
  GtkBox *section;

  if (!GB_IS_AGREEMENT (self->item))
    return;

  covers = gb_agreement_get_covers (GB_AGREEMENT (self->item));
  if (covers->len == 0)
    return;

  section = add_section (self, _("What It Covers"));
  for (guint i = 0; i < covers->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (row), text_label ("•", "dim-label"));
      gtk_box_append (GTK_BOX (row), text_label (gb_text_get (covers->pdata[i]), NULL));
      gtk_box_append (section, row);
    }
}

static const char *
section_title (GbItem     *selected,
               GbItemKind  kind)
{
  switch (kind)
    {
    case GB_ITEM_KIND_EVENT:
      if (GB_IS_PLACE (selected))
        return _("What Happened Here");
      if (GB_IS_AGREEMENT (selected))
        return _("Where It Happened");
      return _("Events");
    case GB_ITEM_KIND_AGREEMENT:
      return _("Agreements and Initiatives");
    case GB_ITEM_KIND_PLACE:
      return _("Places");
    case GB_ITEM_KIND_PERSON:
      return GB_IS_AGREEMENT (selected) ? _("Parties") : _("People");
    case GB_ITEM_KIND_ORGANISATION:
      return GB_IS_AGREEMENT (selected) ? _("Parties") : _("Organisations");
    case GB_ITEM_KIND_FIGURE:
      return _("Key Figures");
    case GB_ITEM_KIND_ROUTE:
      return _("Routes");
    case GB_ITEM_KIND_SOURCE:
    default:
      return _("Sources");
    }
}

static const GbItemKind section_order[] = {
  GB_ITEM_KIND_ORGANISATION,
  GB_ITEM_KIND_PERSON,
  GB_ITEM_KIND_EVENT,
  GB_ITEM_KIND_PLACE,
  GB_ITEM_KIND_AGREEMENT,
  GB_ITEM_KIND_FIGURE,
  GB_ITEM_KIND_ROUTE,
  GB_ITEM_KIND_SOURCE,
};

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  GbItem *ia = *(GbItem * const *) a;
  GbItem *ib = *(GbItem * const *) b;
  GbDate *da = gb_item_get_date (ia);
  GbDate *db = gb_item_get_date (ib);

  /* Grouped by kind anyway; within a kind only events are ordered, the rest
   * keep the story's order (the sort is stable). */
  if (gb_item_get_kind (ia) != gb_item_get_kind (ib))
    return gb_item_get_kind (ia) < gb_item_get_kind (ib) ? -1 : 1;
  if (!GB_IS_EVENT (ia) || da == NULL || db == NULL)
    return 0;

  return gb_date_compare (da, db);
}

static void
add_linked (GbDetailPane *self)
{
  GbDossier *dossier = self->selection != NULL ? gb_selection_get_dossier (self->selection) : NULL;
  g_autoptr(GPtrArray) linked = NULL;
  GtkBox *parties = NULL;

  if (dossier == NULL)
    return;

  linked = gb_dossier_dup_linked (dossier, self->item);
  /* What happened there, in the order it happened. */
  g_ptr_array_sort (linked, compare_dates);

  for (guint k = 0; k < G_N_ELEMENTS (section_order); k++)
    {
      GtkBox *section = NULL;

      for (guint i = 0; i < linked->len; i++)
        {
          GbItem *other = linked->pdata[i];

          if (gb_item_get_kind (other) != section_order[k])
            continue;

          if (section == NULL)
            {
              /* An agreement's people and organisations are one list: its parties. */
              gboolean is_party = GB_IS_AGREEMENT (self->item) &&
                                  (GB_IS_PERSON (other) || GB_IS_ORGANISATION (other));

              if (is_party && parties != NULL)
                section = parties;
              else
                section = add_section (self, section_title (self->item, section_order[k]));
              if (is_party)
                parties = section;
            }

          gtk_box_append (section, item_button_new (self, other));
        }
    }
}

static void
add_provenance (GbDetailPane *self)
{
  GbSource *source = gb_item_get_source (self->item);
  const char *quote = gb_item_get_quote (self->item);
  GtkBox *section;
  const char *publisher;

  if (GB_IS_SOURCE (self->item))
    return;

  section = add_section (self, gb_item_is_context (self->item) ? _("Context Source") : _("Source"));

  if (quote != NULL && quote[0] != '\0')
    {
      GtkWidget *label = text_label (quote, "gb-quote");

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Quoted from the source"),
                                      -1);
      gtk_box_append (section, label);
    }

  if (source == NULL)
    {
      append_text (section, _("No source is given for this item."), "dim-label");
      return;
    }

  append_text (section, gb_item_get_title (GB_ITEM (source)), "gb-source-title");

  publisher = gb_source_get_publisher (source);
  if (gb_item_get_date (GB_ITEM (source)) != NULL)
    {
      g_autofree char *date = gb_date_format (gb_item_get_date (GB_ITEM (source)));
      g_autofree char *line = NULL;

      if (publisher != NULL && publisher[0] != '\0')
        {
          g_autofree char *isolated = gb_bidi_dup_isolated (publisher);

          /* Translators: a source's publisher and date */
          line = g_strdup_printf (_("%s, %s"), isolated, date);
        }
      else
        line = g_steal_pointer (&date);
      append_text (section, line, "dim-label");
    }
  else
    append_text (section, publisher, "dim-label");

  if (gb_item_is_context (self->item))
    append_text (section,
                 _("Background from a context source, not part of the story itself."),
                 "caption");

  append_text (section, gb_item_get_description (GB_ITEM (source)), "caption");

  if (gb_source_get_url (source) != NULL)
    gtk_box_append (section, gb_links_button_new (gb_source_get_url (source)));
}

static void
clear_content (GbDetailPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);
}

static void
rebuild (GbDetailPane *self)
{
  GbItem *item = self->item;
  GtkBox *header;
  GtkAdjustment *adjustment;
  gboolean had_focus;
  g_autofree char *kind = NULL;

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  clear_content (self);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);

  if (item == NULL)
    {
      gtk_label_set_text (self->kind_label, "");
      return;
    }

  if (gb_item_is_context (item))
    /* Translators: the kind of item in the details pane, "Event (context)" */
    kind = g_strdup_printf (_("%s (context)"), gb_labels_item_kind (gb_item_get_kind (item)));
  else
    kind = g_strdup (gb_labels_item_kind (gb_item_get_kind (item)));
  gtk_label_set_text (self->kind_label, kind);

  header = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (self->content, GTK_WIDGET (header));
  gtk_box_append (header, text_label (gb_item_get_title (item), "title-2"));

  if (gb_item_get_date (item) != NULL)
    {
      g_autofree char *date = gb_date_format (gb_item_get_date (item));
      g_autofree char *words = gb_date_format_words (gb_item_get_date (item));
      GtkWidget *label = text_label (date, "gb-detail-date");

      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                      -1);
      gtk_box_append (header, label);
    }

  add_kind_facts (self, header);

  if (gb_item_get_description (item) != NULL)
    {
      gtk_box_append (self->content, long_text (gb_item_get_description (item),
                                                "gb-detail-description"));
    }

  add_covers (self);
  add_linked (self);
  add_provenance (self);

  /* Keyboard users following a link keep their place in the pane. */
  if (had_focus)
    gtk_widget_grab_focus (self->close_button);
}

static void
selection_item_cb (GbSelection  *selection,
                   GParamSpec   *pspec,
                   GbDetailPane *self)
{
  GbItem *item = gb_selection_get_item (selection);

  if (!g_set_object (&self->item, item))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GbDetailPane *self = GB_DETAIL_PANE (widget);

  if (self->selection != NULL)
    gb_selection_set_item (self->selection, NULL);
}

static void
gb_detail_pane_dispose (GObject *object)
{
  GbDetailPane *self = (GbDetailPane *) object;
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_item_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_DETAIL_PANE);
  /* The template's top box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gb_detail_pane_parent_class)->dispose (object);
}

static void
gb_detail_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GbDetailPane *self = GB_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_detail_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GbDetailPane *self = GB_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      gb_detail_pane_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_detail_pane_class_init (GbDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_detail_pane_dispose;
  object_class->get_property = gb_detail_pane_get_property;
  object_class->set_property = gb_detail_pane_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GB_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         GB_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbdetailpane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, close_button);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, content);

  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_action);
}

static void
gb_detail_pane_init (GbDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                  -1);
}

GtkWidget *
gb_detail_pane_new (void)
{
  return g_object_new (GB_TYPE_DETAIL_PANE, NULL);
}

/**
 * gb_detail_pane_get_selection:
 *
 * Returns: (nullable) (transfer none): the selection whose item is shown
 */
GbSelection *
gb_detail_pane_get_selection (GbDetailPane *self)
{
  g_return_val_if_fail (GB_IS_DETAIL_PANE (self), NULL);

  return self->selection;
}

void
gb_detail_pane_set_selection (GbDetailPane *self,
                              GbSelection  *selection)
{
  g_return_if_fail (GB_IS_DETAIL_PANE (self));
  g_return_if_fail (!selection || GB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_item_cb, self);

  g_set_object (&self->selection, selection);

  if (selection != NULL)
    {
      g_signal_connect (selection, "notify::item", G_CALLBACK (selection_item_cb), self);
      selection_item_cb (selection, NULL, self);
    }
  else if (self->item != NULL)
    {
      g_clear_object (&self->item);
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * gb_detail_pane_get_item:
 *
 * Returns: (nullable) (transfer none): the item shown
 */
GbItem *
gb_detail_pane_get_item (GbDetailPane *self)
{
  g_return_val_if_fail (GB_IS_DETAIL_PANE (self), NULL);

  return self->item;
}
