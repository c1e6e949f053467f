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
#include "gb-label.h"
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
  GbView       parent_instance;

  GbItem       *item;

  /* Template widgets */
  GtkLabel     *kind_label;
  GtkWidget    *close_button;
  GtkWidget    *scroller;
  GtkWidget    *content;
  GtkLabel     *title_label;
  GtkLabel     *date_label;
  GtkWidget    *badges;
  GtkLabel     *kind_badge;
  GtkLabel     *status_badge;
  GtkLabel     *figure_label;
  GtkLabel     *role_value;
  GtkLabel     *short_name_value;
  GtkLabel     *org_kind_value;
  GtkLabel     *iata_value;
  GtkLabel     *country_value;
  GtkLabel     *timezone_value;
  GtkLabel     *position_value;
  GtkLabel     *mode_value;
  GtkLabel     *duration_value;
  GtkLabel     *operators_value;
  GtkLabel     *schedule_value;
  GtkLabel     *publisher_value;
  GtkBox       *header_links;
  GtkLabel     *description_label;
  GtkWidget    *description_more;
  char         *description_rest;   /* what "Show More" shows next, a part at a time */
  GtkWidget    *covers_section;
  GtkBox       *covers_box;
  GtkWidget    *follow_up_section;
  GtkBox       *follow_up_box;
  GtkBox       *linked_box;
  GtkWidget    *provenance_section;
  GtkLabel     *provenance_heading;
  GtkLabel     *quote_label;
  GtkLabel     *quote_translation_label;
  GtkLabel     *quote_translator_label;
  GtkWidget    *no_source_label;
  GtkLabel     *source_title_label;
  GtkLabel     *source_line_label;
  GtkWidget    *context_note_label;
  GtkLabel     *source_description_label;
  GtkBox       *source_links;
  char         *status_class;
};

G_DEFINE_FINAL_TYPE (GbDetailPane, gb_detail_pane, GB_TYPE_VIEW)

enum {
  PROP_0,
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

/* A label of the template shows its text, or nothing at all. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  gb_label_set_story_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

/* A fact's row is its value label's parent in the template: the name above, dimmed. */
static void
set_fact (GtkLabel   *value,
          const char *text)
{
  set_text (value, text);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (value)),
                          text != NULL && text[0] != '\0');
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* A section of the template that lists @entries in @box: emptied, and shown only
 * when there are entries to list. */
static void
reset_section (GtkWidget *section,
               GtkBox    *box,
               GPtrArray *entries)
{
  remove_children (box);
  gtk_widget_set_visible (section, entries != NULL && entries->len > 0);
}

static void
set_link (GtkBox     *box,
          const char *uri)
{
  remove_children (box);
  if (uri != NULL)
    gtk_box_append (box, gb_links_button_new (uri));
  gtk_widget_set_visible (GTK_WIDGET (box), uri != NULL);
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
  gtk_box_append (self->linked_box, section);

  return GTK_BOX (section);
}

static void
item_button_clicked_cb (GtkButton    *button,
                        GbDetailPane *self)
{
  GbItem *item = g_object_get_data (G_OBJECT (button), "gb-item");

  if (item != NULL)
    gb_view_select (GB_VIEW (self), item);
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

/* CSS classes carry the file format's names, so the style sheet reads as the data does. */
static char *
dup_status_class (GbAgreementStatus status)
{
  return g_strdup_printf ("gb-status-%s", gb_agreement_status_to_string (status));
}

static void
show_agreement (GbDetailPane *self,
                GbAgreement  *agreement)
{
  /* The log's latest entry, as the card shows it; the log itself is below. */
  GbAgreementStatus status = gb_agreement_get_current_status (agreement);

  gtk_widget_set_visible (self->badges, TRUE);
  gtk_label_set_text (self->kind_badge,
                      gb_labels_agreement_kind (gb_agreement_get_agreement_kind (agreement)));
  gtk_label_set_text (self->status_badge, gb_labels_agreement_status (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), self->status_class);
  g_free (self->status_class);
  self->status_class = dup_status_class (status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), self->status_class);
}

static void
show_place (GbDetailPane *self,
            GbPlace      *place)
{
  g_autofree char *position = gb_labels_dup_place_position (place);
  g_autofree char *country = gb_labels_dup_country (gb_place_get_country (place));
  g_autofree char *zone = gb_labels_dup_time_zone (gb_place_get_timezone (place));

  set_fact (self->iata_value, gb_place_get_iata (place));
  set_fact (self->country_value, country);
  set_fact (self->timezone_value, zone);
  set_fact (self->position_value, position);
}

static void
show_route (GbDetailPane *self,
            GbRoute      *route)
{
  const char * const *operators = gb_route_get_operators (route);
  g_autofree char *duration = gb_route_format_duration (gb_route_get_duration_minutes (route));
  g_autofree char *joined = NULL;

  if (operators != NULL && operators[0] != NULL)
    /* Translators: between the names in a list */
    joined = g_strjoinv (_(", "), (char **) operators);

  set_fact (self->mode_value, gb_route_get_mode (route));
  set_fact (self->duration_value, duration);
  set_fact (self->operators_value, joined);
  set_fact (self->schedule_value, gb_route_get_schedule (route));
}

/* What only this kind of item has, under its title; every other fact hidden. */
static void
show_kind_facts (GbDetailPane *self)
{
  GbItem *item = self->item;
  g_autofree char *figure = GB_IS_FIGURE (item) ? gb_figure_format (GB_FIGURE (item)) : NULL;
  const char *url = NULL;

  gtk_widget_set_visible (self->badges, FALSE);
  set_text (self->figure_label, figure);
  set_fact (self->role_value, NULL);
  set_fact (self->short_name_value, NULL);
  set_fact (self->org_kind_value, NULL);
  set_fact (self->iata_value, NULL);
  set_fact (self->country_value, NULL);
  set_fact (self->timezone_value, NULL);
  set_fact (self->position_value, NULL);
  set_fact (self->mode_value, NULL);
  set_fact (self->duration_value, NULL);
  set_fact (self->operators_value, NULL);
  set_fact (self->schedule_value, NULL);
  set_fact (self->publisher_value, NULL);

  if (GB_IS_AGREEMENT (item))
    show_agreement (self, GB_AGREEMENT (item));
  else if (GB_IS_PERSON (item))
    {
      g_autofree char *country = gb_labels_dup_country (gb_person_get_country (GB_PERSON (item)));

      set_fact (self->role_value, gb_person_get_role (GB_PERSON (item)));
      set_fact (self->country_value, country);
    }
  else if (GB_IS_ORGANISATION (item))
    {
      GbOrganisation *org = GB_ORGANISATION (item);
      g_autofree char *country = gb_labels_dup_country (gb_organisation_get_country (org));

      if (g_strcmp0 (gb_organisation_get_short_name (org), gb_item_get_title (item)) != 0)
        set_fact (self->short_name_value, gb_organisation_get_short_name (org));
      set_fact (self->org_kind_value, gb_organisation_get_org_kind (org));
      set_fact (self->country_value, country);
      url = gb_organisation_get_url (org);
    }
  else if (GB_IS_PLACE (item))
    show_place (self, GB_PLACE (item));
  else if (GB_IS_ROUTE (item))
    show_route (self, GB_ROUTE (item));
  else if (GB_IS_SOURCE (item))
    {
      set_fact (self->publisher_value, gb_source_get_publisher (GB_SOURCE (item)));
      url = gb_source_get_url (GB_SOURCE (item));
    }

  set_link (self->header_links, url);
}

static void
show_covers (GbDetailPane *self)
{
  GPtrArray *covers = GB_IS_AGREEMENT (self->item)
                      ? gb_agreement_get_covers (GB_AGREEMENT (self->item)) : NULL;

  reset_section (self->covers_section, self->covers_box, covers);
  if (covers == NULL)
    return;

  for (guint i = 0; i < covers->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (row), text_label ("•", "dim-label"));
      gtk_box_append (GTK_BOX (row), text_label (gb_text_get (covers->pdata[i]), NULL));
      gtk_box_append (self->covers_box, row);
    }
}

/* One entry of the log: its date and new status, what happened, and where that
 * is reported, with the source's link. */
static GtkWidget *
follow_up_row_new (const GbFollowUp *entry)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 4,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date = gb_date_format (entry->date);
  g_autofree char *words = gb_date_format_words (entry->date);
  g_autofree char *status_class = dup_status_class (entry->status);
  g_autofree char *source = gb_labels_dup_follow_up_source (entry);
  g_autofree char *name = gb_labels_dup_follow_up_name (entry);
  const char *note = entry->note != NULL ? gb_text_get (entry->note) : NULL;
  const char *url = gb_source_get_url (entry->source);
  GtkWidget *date_label = text_label (date, "heading");
  GtkWidget *badge = text_label (gb_labels_agreement_status (entry->status), "gb-badge");
  GtkWidget *source_label = text_label (source, "caption");

  gtk_accessible_update_property (GTK_ACCESSIBLE (date_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                  -1);
  gtk_widget_add_css_class (badge, "gb-status-badge");
  gtk_widget_add_css_class (badge, status_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (heading), date_label);
  gtk_box_append (GTK_BOX (heading), badge);
  gtk_box_append (GTK_BOX (row), heading);

  if (note != NULL && *note != '\0')
    {
      GtkWidget *note_label = text_label (note, NULL);

      gtk_label_set_selectable (GTK_LABEL (note_label), TRUE);
      gtk_box_append (GTK_BOX (row), note_label);
    }
  if (entry->quote != NULL)
    gtk_box_append (GTK_BOX (row), text_label (entry->quote, "gb-quote"));

  gtk_widget_add_css_class (source_label, "dim-label");
  gtk_box_append (GTK_BOX (row), source_label);
  if (url != NULL)
    gtk_box_append (GTK_BOX (row), gb_links_button_new (url));

  gtk_widget_add_css_class (row, "gb-follow-up-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return row;
}

static void
show_follow_ups (GbDetailPane *self)
{
  GPtrArray *log = GB_IS_AGREEMENT (self->item)
                   ? gb_agreement_get_follow_ups (GB_AGREEMENT (self->item)) : NULL;

  reset_section (self->follow_up_section, self->follow_up_box, log);
  for (guint i = 0; log != NULL && i < log->len; i++)
    gtk_box_append (self->follow_up_box, follow_up_row_new (g_ptr_array_index (log, i)));
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
show_linked (GbDetailPane *self)
{
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  g_autoptr(GPtrArray) linked = NULL;
  GtkBox *parties = NULL;

  remove_children (self->linked_box);
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

static char *
dup_source_line (GbSource *source)
{
  const char *publisher = gb_source_get_publisher (source);
  g_autofree char *date = NULL;

  if (gb_item_get_date (GB_ITEM (source)) == NULL)
    return g_strdup (publisher);

  date = gb_date_format (gb_item_get_date (GB_ITEM (source)));
  if (publisher != NULL && publisher[0] != '\0')
    {
      g_autofree char *isolated = gb_bidi_dup_isolated (publisher);

      /* Translators: a source's publisher and date */
      return g_strdup_printf (_("%s, %s"), isolated, date);
    }

  return g_steal_pointer (&date);
}

/* The quote stays as the source wrote it; beneath it, when the story has
 * one in the reader's language, its translation, said to be one and by
 * whom. */
static void
show_quote_translation (GbDetailPane *self)
{
  GbText *translation = gb_item_get_quote_translation (self->item);
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  GbText *translator = dossier != NULL ? gb_dossier_get_translator (dossier) : NULL;
  const char *text = translation != NULL && gb_item_get_quote (self->item) != NULL
                     ? gb_text_get_preferred (translation) : NULL;
  g_autofree char *credit = NULL;

  if (text != NULL && g_strcmp0 (text, gb_item_get_quote (self->item)) == 0)
    text = NULL;
  if (text != NULL && translator != NULL && !gb_text_is_empty (translator))
    {
      g_autofree char *name = gb_bidi_dup_isolated (gb_text_get (translator));

      /* Translators: under a quote's translation; %s is who translated it */
      credit = g_strdup_printf (_("Translation by %s"), name);
    }
  else if (text != NULL)
    credit = g_strdup (_("Translation"));

  set_text (self->quote_translation_label, text);
  set_text (self->quote_translator_label, credit);
}

static void
show_provenance (GbDetailPane *self)
{
  GbSource *source = gb_item_get_source (self->item);
  gboolean context = gb_item_is_context (self->item);
  g_autofree char *line = source != NULL ? dup_source_line (source) : NULL;

  gtk_widget_set_visible (self->provenance_section, !GB_IS_SOURCE (self->item));
  gtk_label_set_text (self->provenance_heading, context ? _("Context Source") : _("Source"));
  set_text (self->quote_label, gb_item_get_quote (self->item));
  show_quote_translation (self);
  gtk_widget_set_visible (self->no_source_label, source == NULL);

  set_text (self->source_title_label, source != NULL ? gb_item_get_title (GB_ITEM (source)) : NULL);
  set_text (self->source_line_label, line);
  gtk_widget_set_visible (self->context_note_label, source != NULL && context);
  set_text (self->source_description_label,
            source != NULL ? gb_item_get_description (GB_ITEM (source)) : NULL);
  set_link (self->source_links, source != NULL ? gb_source_get_url (source) : NULL);
}

/* Drops the parts "Show More" added after the description label. */
static void
remove_description_parts (GbDetailPane *self)
{
  GtkWidget *part;

  while ((part = gtk_widget_get_next_sibling (GTK_WIDGET (self->description_label))) !=
         self->description_more)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (part)), part);
}

/* The first part of a long text; "Show More" adds the next one, a label each. */
static void
show_description (GbDetailPane *self,
                  const char   *text)
{
  const char *end = text != NULL ? text_part_end (text) : NULL;
  g_autofree char *part = text != NULL ? g_strndup (text, end - text) : NULL;

  remove_description_parts (self);
  g_clear_pointer (&self->description_rest, g_free);
  set_text (self->description_label, part);
  if (end != NULL && *end != '\0')
    self->description_rest = g_strdup (end);
  gtk_widget_set_visible (self->description_more, self->description_rest != NULL);
}

static void
description_more_clicked_cb (GbDetailPane *self)
{
  g_autofree char *rest = g_steal_pointer (&self->description_rest);
  const char *end;
  g_autofree char *part = NULL;
  GtkWidget *label;

  if (rest == NULL)
    return;

  end = text_part_end (rest);
  part = g_strndup (rest, end - rest);
  label = text_label (part, "gb-detail-description");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->description_more)), label,
                              gtk_widget_get_prev_sibling (self->description_more));
  if (*end != '\0')
    self->description_rest = g_strdup (end);
  gtk_widget_set_visible (self->description_more, self->description_rest != NULL);
}

static void
show_header (GbDetailPane *self)
{
  GbItem *item = self->item;
  GbDate *date = gb_item_get_date (item);
  g_autofree char *date_text = date != NULL ? gb_date_format (date) : NULL;
  g_autofree char *words = date != NULL ? gb_date_format_words (date) : NULL;
  g_autofree char *kind = NULL;

  if (gb_item_is_context (item))
    /* Translators: the kind of item in the details pane, "Event (context)" */
    kind = g_strdup_printf (_("%s (context)"), gb_labels_item_kind (gb_item_get_kind (item)));
  else
    kind = g_strdup (gb_labels_item_kind (gb_item_get_kind (item)));
  gtk_label_set_text (self->kind_label, kind);

  set_text (self->title_label, gb_item_get_title (item));
  set_text (self->date_label, date_text);
  if (words != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->date_label),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL);

  show_kind_facts (self);
  show_description (self, gb_item_get_description (item));
}

static void
rebuild (GbDetailPane *self)
{
  GtkAdjustment *adjustment;
  gboolean had_focus;

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);

  gtk_widget_set_visible (self->content, self->item != NULL);
  if (self->item == NULL)
    {
      gtk_label_set_text (self->kind_label, "");
      remove_children (self->linked_box);
      return;
    }

  show_header (self);
  show_covers (self);
  show_follow_ups (self);
  show_linked (self);
  show_provenance (self);

  /* Keyboard users following a link keep their place in the pane. */
  if (had_focus)
    gtk_widget_grab_focus (self->close_button);
}

static void
gb_detail_pane_item_changed (GbView *view)
{
  GbDetailPane *self = GB_DETAIL_PANE (view);
  GbItem *item = gb_view_get_item (view);

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

  gb_view_select (GB_VIEW (self), NULL);
}

static void
gb_detail_pane_dispose (GObject *object)
{
  GbDetailPane *self = (GbDetailPane *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_DETAIL_PANE);
  /* The template's top box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (gb_detail_pane_parent_class)->dispose (object);
}

static void
gb_detail_pane_finalize (GObject *object)
{
  GbDetailPane *self = (GbDetailPane *) object;

  g_clear_pointer (&self->status_class, g_free);
  g_clear_pointer (&self->description_rest, g_free);

  G_OBJECT_CLASS (gb_detail_pane_parent_class)->finalize (object);
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
    case PROP_ITEM:
      g_value_set_object (value, self->item);
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
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_detail_pane_dispose;
  object_class->finalize = gb_detail_pane_finalize;
  object_class->get_property = gb_detail_pane_get_property;
  view_class->item_changed = gb_detail_pane_item_changed;

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
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, date_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, badges);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, status_badge);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, figure_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, role_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, short_name_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, org_kind_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, iata_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, country_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, timezone_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, position_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, mode_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, duration_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, operators_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, schedule_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, publisher_value);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, header_links);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, description_more);
  gtk_widget_class_bind_template_callback (widget_class, description_more_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, covers_section);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, covers_box);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, follow_up_section);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, follow_up_box);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, linked_box);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, provenance_section);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, provenance_heading);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, quote_translation_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, quote_translator_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, no_source_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, source_title_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, source_line_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, context_note_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, source_description_label);
  gtk_widget_class_bind_template_child (widget_class, GbDetailPane, source_links);

  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_action);
}

/* Enter on the item shown edits it, as F2 does, unless what has the focus
 * (a link, a button) took the key first. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GbDetailPane          *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
      || (state & gtk_accelerator_get_default_mod_mask ()) != 0
      || self->item == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-item", NULL);
}

static void
gb_detail_pane_init (GbDetailPane *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->content, FALSE);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

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
