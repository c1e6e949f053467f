/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-cards-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-agreement.h"
#include "gb-card.h"
#include "gb-cards-view.h"
#include "gb-figure-card.h"
#include "gb-labels.h"

struct _GbCardsView
{
  GbView              parent_instance;

  GListModel         *agreements;
  GtkCustomFilter    *custom_filter;
  GtkFilterListModel *filtered;
  GbAgreementFilter   filter;
  GPtrArray          *parties;          /* the party options, after "any" */
  GArray             *kinds;            /* int: the kind options, after "any" */
  GArray             *statuses;         /* int: the status options, after "any" */
  GtkStringList      *facet_labels[3];
  gboolean            updating_facets;

  /* Template widgets */
  GtkStack           *stack;
  GtkWidget          *figures_heading;
  GtkFlowBox         *figures_box;
  GtkWidget          *agreements_heading;
  GtkWidget          *filter_box;
  GtkFlowBox         *cards_box;
  GtkWidget          *no_match_box;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *party_dropdown;
};

G_DEFINE_FINAL_TYPE (GbCardsView, gb_cards_view, GB_TYPE_VIEW)

static GbCardMark
mark_for (GbCardsView *self,
          GbItem      *item)
{
  GbSelection *selection = gb_view_get_selection (GB_VIEW (self));

  if (selection == NULL || gb_selection_get_item (selection) == NULL)
    return GB_CARD_MARK_NONE;
  if (gb_selection_get_item (selection) == item)
    return GB_CARD_MARK_SELECTED;
  if (gb_selection_is_linked (selection, item))
    return GB_CARD_MARK_LINKED;
  return GB_CARD_MARK_NONE;
}

static void
update_marks (GbCardsView *self)
{
  GtkFlowBoxChild *child;

  for (guint i = 0; (child = gtk_flow_box_get_child_at_index (self->cards_box, i)); i++)
    gb_card_set_mark (GB_CARD (child),
                      mark_for (self, GB_ITEM (gb_card_get_agreement (GB_CARD (child)))));

  for (guint i = 0; (child = gtk_flow_box_get_child_at_index (self->figures_box, i)); i++)
    gb_figure_card_set_mark (GB_FIGURE_CARD (child),
                             mark_for (self,
                                       GB_ITEM (gb_figure_card_get_figure (GB_FIGURE_CARD (child)))));
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  GbCardsView *self = user_data;
  GtkWidget *card = gb_card_new (item);

  gb_card_set_mark (GB_CARD (card), mark_for (self, item));
  return card;
}

static GtkWidget *
create_figure_card_cb (gpointer item,
                       gpointer user_data)
{
  GbCardsView *self = user_data;
  GtkWidget *card = gb_figure_card_new (item);

  gb_figure_card_set_mark (GB_FIGURE_CARD (card), mark_for (self, item));
  return card;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GbCardsView *self = user_data;

  return gb_agreement_filter_match (&self->filter, item);
}

/* Counts for one option: what the reader would see choosing it, the other
 * filters staying as they are. */
static char *
option_label (GbCardsView             *self,
              const GbAgreementFilter *filter,
              const char              *name)
{
  guint count = self->agreements != NULL
                ? gb_agreement_filter_count (filter, self->agreements) : 0;

  /* Translators: a filter option and how many cards it shows, "Signed (3)" */
  return g_strdup_printf (_("%s (%u)"), name, count);
}

static void
replace_strings (GbCardsView  *self,
                 GbCardsFacet  facet,
                 GtkDropDown  *dropdown,
                 GPtrArray    *strings)
{
  GtkStringList *list = self->facet_labels[facet];
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = gtk_drop_down_get_selected (dropdown);
  gboolean same = n_items == strings->len;

  for (guint i = 0; same && i < n_items; i++)
    same = g_str_equal (gtk_string_list_get_string (list, i), strings->pdata[i]);

  /* A facet's own counts never depend on its choice, so the dropdown being
   * chosen from keeps its model: splicing it would emit its notify::selected
   * again from inside its own handler, which GLib turns into a restart. */
  if (same)
    return;

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n_items, (const char * const *) strings->pdata);
  if (selected >= strings->len - 1)
    selected = 0;
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
update_facets (GbCardsView *self)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
  GbAgreementFilter f;

  self->updating_facets = TRUE;

  f = self->filter;
  f.kind = GB_FILTER_ANY;
  g_ptr_array_add (kinds, option_label (self, &f, _("All kinds")));
  for (guint i = 0; i < self->kinds->len; i++)
    {
      f.kind = g_array_index (self->kinds, int, i);
      g_ptr_array_add (kinds, option_label (self, &f, gb_labels_agreement_kind (f.kind)));
    }
  replace_strings (self, GB_CARDS_FACET_KIND, self->kind_dropdown, kinds);

  f = self->filter;
  f.status = GB_FILTER_ANY;
  g_ptr_array_add (statuses, option_label (self, &f, _("Any status")));
  for (guint i = 0; i < self->statuses->len; i++)
    {
      f.status = g_array_index (self->statuses, int, i);
      g_ptr_array_add (statuses, option_label (self, &f, gb_labels_agreement_status (f.status)));
    }
  replace_strings (self, GB_CARDS_FACET_STATUS, self->status_dropdown, statuses);

  f = self->filter;
  f.party = NULL;
  g_ptr_array_add (parties, option_label (self, &f, _("All parties")));
  for (guint i = 0; i < self->parties->len; i++)
    {
      f.party = self->parties->pdata[i];
      g_ptr_array_add (parties, option_label (self, &f, gb_item_get_title (f.party)));
    }
  replace_strings (self, GB_CARDS_FACET_PARTY, self->party_dropdown, parties);

  self->updating_facets = FALSE;
}

static void
update_visibility (GbCardsView *self)
{
  guint n_agreements = self->agreements != NULL ? g_list_model_get_n_items (self->agreements) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  GListModel *figures = dossier != NULL ? gb_dossier_get_figures (dossier) : NULL;
  guint n_figures = figures != NULL ? g_list_model_get_n_items (figures) : 0;

  gtk_widget_set_visible (self->figures_heading, n_figures > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_box), n_figures > 0);
  gtk_widget_set_visible (self->agreements_heading, n_agreements > 0);
  gtk_widget_set_visible (self->filter_box, n_agreements > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), n_shown > 0);
  gtk_widget_set_visible (self->no_match_box, n_agreements > 0 && n_shown == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cards.reset-filters",
                                 self->filter.kind != GB_FILTER_ANY ||
                                 self->filter.status != GB_FILTER_ANY ||
                                 self->filter.party != NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    n_agreements + n_figures > 0 ? "cards" : "empty");
}

static void
apply_filter (GbCardsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_facets (self);
  update_visibility (self);
}

static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      GbCardsView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GbAgreementFilter filter = self->filter;

  if (self->updating_facets)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  if (dropdown == self->kind_dropdown)
    filter.kind = selected == 0 || selected > self->kinds->len
                  ? GB_FILTER_ANY : g_array_index (self->kinds, int, selected - 1);
  else if (dropdown == self->status_dropdown)
    filter.status = selected == 0 || selected > self->statuses->len
                    ? GB_FILTER_ANY : g_array_index (self->statuses, int, selected - 1);
  else
    filter.party = selected == 0 || selected > self->parties->len
                   ? NULL : self->parties->pdata[selected - 1];

  /* Nothing to do, and no feedback: a restarted emission lands here. */
  if (filter.kind == self->filter.kind && filter.status == self->filter.status &&
      filter.party == self->filter.party)
    return;

  self->filter = filter;
  apply_filter (self);
}

static void
child_activated_cb (GtkFlowBox      *box,
                    GtkFlowBoxChild *child,
                    GbCardsView     *self)
{
  GbItem *item = NULL;

  if (GB_IS_CARD (child))
    item = GB_ITEM (gb_card_get_agreement (GB_CARD (child)));
  else if (GB_IS_FIGURE_CARD (child))
    item = GB_ITEM (gb_figure_card_get_figure (GB_FIGURE_CARD (child)));

  if (item != NULL)
    gb_view_select (GB_VIEW (self), item);
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GbAgreementFilter any = GB_AGREEMENT_FILTER_INIT;

  gb_cards_view_set_filter (GB_CARDS_VIEW (widget), &any);
}

static void
setup_option_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Party names come from the file: plain text, shortened in the button. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_option_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
option_factory_new (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_option_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_option_cb), NULL);
  return factory;
}

static void
setup_dropdown (GbCardsView  *self,
                GbCardsFacet  facet,
                GtkDropDown  *dropdown)
{
  g_autoptr(GtkListItemFactory) button_factory = option_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = option_factory_new (FALSE);

  self->facet_labels[facet] = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (self->facet_labels[facet]));
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);

  /* Newer GTK (4.18 here) labels the dropdown by its button's content, which outranks its
   * own label: a screen reader would call the "Kind" filter "All kinds (9)", like an
   * option. The chosen option is the combo box's value, read after its name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (dropdown),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  /* The focus goes to the dropdown's inner button, which GTK 4.8 leaves unnamed (a screen
   * reader would say "GtkToggleButton") and newer GTK names after the dropdown: on both,
   * it is labelled by the dropdown, the filter's name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, dropdown, NULL,
                                      -1);
}

static void
collect_options (GbCardsView *self)
{
  gboolean kinds[GB_AGREEMENT_KIND_PROGRAMME + 1] = { FALSE, };
  gboolean statuses[GB_AGREEMENT_STATUS_ENDED + 1] = { FALSE, };
  guint n = self->agreements != NULL ? g_list_model_get_n_items (self->agreements) : 0;

  g_array_set_size (self->kinds, 0);
  g_array_set_size (self->statuses, 0);
  g_clear_pointer (&self->parties, g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GbAgreement) agreement = g_list_model_get_item (self->agreements, i);

      kinds[gb_agreement_get_agreement_kind (agreement)] = TRUE;
      statuses[gb_agreement_get_current_status (agreement)] = TRUE;
    }

  /* Only the options this story has, in the format's order. */
  for (int k = 0; k < (int) G_N_ELEMENTS (kinds); k++)
    if (kinds[k])
      g_array_append_val (self->kinds, k);
  for (int s = 0; s < (int) G_N_ELEMENTS (statuses); s++)
    if (statuses[s])
      g_array_append_val (self->statuses, s);

  self->parties = self->agreements != NULL ? gb_agreement_filter_dup_parties (self->agreements)
                                           : g_ptr_array_new_with_free_func (g_object_unref);
}

static void
gb_cards_view_item_changed (GbView *view)
{
  update_marks (GB_CARDS_VIEW (view));
}

/* A new story starts unfiltered: its parties are not the old ones. */
static void
gb_cards_view_dossier_changed (GbView *view)
{
  GbCardsView *self = GB_CARDS_VIEW (view);
  GbDossier *dossier = gb_view_get_dossier (view);
  GbAgreementFilter any = GB_AGREEMENT_FILTER_INIT;

  self->filter = any;
  g_clear_object (&self->agreements);
  if (dossier != NULL)
    self->agreements = g_object_ref (gb_dossier_get_agreements (dossier));

  collect_options (self);
  gtk_filter_list_model_set_model (self->filtered, self->agreements);
  gtk_flow_box_bind_model (self->figures_box,
                           dossier != NULL ? gb_dossier_get_figures (dossier) : NULL,
                           create_figure_card_cb, self, NULL);

  self->updating_facets = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->party_dropdown, 0);
  self->updating_facets = FALSE;

  apply_filter (self);
}

static void
gb_cards_view_dispose (GObject *object)
{
  GbCardsView *self = (GbCardsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_CARDS_VIEW);

  g_clear_object (&self->filtered);
  g_clear_object (&self->custom_filter);
  g_clear_object (&self->agreements);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->facet_labels); i++)
    g_clear_object (&self->facet_labels[i]);

  G_OBJECT_CLASS (gb_cards_view_parent_class)->dispose (object);
}

static void
gb_cards_view_finalize (GObject *object)
{
  GbCardsView *self = (GbCardsView *) object;

  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (gb_cards_view_parent_class)->finalize (object);
}

static void
gb_cards_view_class_init (GbCardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_cards_view_dispose;
  object_class->finalize = gb_cards_view_finalize;
  view_class->dossier_changed = gb_cards_view_dossier_changed;
  view_class->build_when_mapped = TRUE;
  view_class->item_changed = gb_cards_view_item_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbcardsview");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-cards-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, stack);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, agreements_heading);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, no_match_box);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GbCardsView, party_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);

  gtk_widget_class_install_action (widget_class, "cards.reset-filters", NULL,
                                   reset_filters_action);
}

static void
gb_cards_view_init (GbCardsView *self)
{
  GbAgreementFilter any = GB_AGREEMENT_FILTER_INIT;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = any;
  self->kinds = g_array_new (FALSE, FALSE, sizeof (int));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (int));
  self->parties = g_ptr_array_new_with_free_func (g_object_unref);

  self->custom_filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->custom_filter)));

  gtk_flow_box_bind_model (self->cards_box, G_LIST_MODEL (self->filtered),
                           create_card_cb, self, NULL);

  setup_dropdown (self, GB_CARDS_FACET_KIND, self->kind_dropdown);
  setup_dropdown (self, GB_CARDS_FACET_STATUS, self->status_dropdown);
  setup_dropdown (self, GB_CARDS_FACET_PARTY, self->party_dropdown);

  update_facets (self);
  update_visibility (self);
}

GtkWidget *
gb_cards_view_new (void)
{
  return g_object_new (GB_TYPE_CARDS_VIEW, NULL);
}

/**
 * gb_cards_view_get_model:
 *
 * Returns: (transfer none): the agreements shown, after filtering
 */
GListModel *
gb_cards_view_get_model (GbCardsView *self)
{
  g_return_val_if_fail (GB_IS_CARDS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
gb_cards_view_get_filter (GbCardsView       *self,
                          GbAgreementFilter *filter)
{
  g_return_if_fail (GB_IS_CARDS_VIEW (self));
  g_return_if_fail (filter != NULL);

  *filter = self->filter;
}

static guint
int_position (GArray *values,
              int     value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, int, i) == value)
      return i + 1;

  return 0;
}

/**
 * gb_cards_view_set_filter:
 *
 * Sets the filters as if the reader had chosen them; criteria the story has
 * no option for fall back to "any".
 */
void
gb_cards_view_set_filter (GbCardsView             *self,
                          const GbAgreementFilter *filter)
{
  guint party = 0;

  g_return_if_fail (GB_IS_CARDS_VIEW (self));
  g_return_if_fail (filter != NULL);

  self->filter.kind = int_position (self->kinds, filter->kind) > 0 ? filter->kind : GB_FILTER_ANY;
  self->filter.status = int_position (self->statuses, filter->status) > 0 ? filter->status
                                                                          : GB_FILTER_ANY;
  if (filter->party != NULL && g_ptr_array_find (self->parties, filter->party, &party))
    {
      self->filter.party = filter->party;
      party++;
    }
  else
    self->filter.party = NULL;

  self->updating_facets = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, int_position (self->kinds, self->filter.kind));
  gtk_drop_down_set_selected (self->status_dropdown,
                              int_position (self->statuses, self->filter.status));
  gtk_drop_down_set_selected (self->party_dropdown, party);
  self->updating_facets = FALSE;

  apply_filter (self);
}

/**
 * gb_cards_view_get_facet_labels:
 *
 * Returns: (transfer none): a #GListModel of #GtkStringObject: the options
 *   of a filter with their counts, "any" first
 */
GListModel *
gb_cards_view_get_facet_labels (GbCardsView  *self,
                                GbCardsFacet  facet)
{
  g_return_val_if_fail (GB_IS_CARDS_VIEW (self), NULL);
  g_return_val_if_fail (facet <= GB_CARDS_FACET_PARTY, NULL);

  return G_LIST_MODEL (self->facet_labels[facet]);
}

/**
 * gb_cards_view_get_mark:
 * @item: an agreement or figure
 *
 * Returns: how the card showing @item is marked; %GB_CARD_MARK_NONE if no
 *   card shows it
 */
GbCardMark
gb_cards_view_get_mark (GbCardsView *self,
                        GbItem      *item)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (GB_IS_CARDS_VIEW (self), GB_CARD_MARK_NONE);
  g_return_val_if_fail (GB_IS_ITEM (item), GB_CARD_MARK_NONE);

  for (guint i = 0; (child = gtk_flow_box_get_child_at_index (self->cards_box, i)); i++)
    if (GB_ITEM (gb_card_get_agreement (GB_CARD (child))) == item)
      return gb_card_get_mark (GB_CARD (child));

  for (guint i = 0; (child = gtk_flow_box_get_child_at_index (self->figures_box, i)); i++)
    if (GB_ITEM (gb_figure_card_get_figure (GB_FIGURE_CARD (child))) == item)
      return gb_figure_card_get_mark (GB_FIGURE_CARD (child));

  return GB_CARD_MARK_NONE;
}
