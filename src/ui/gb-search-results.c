/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-search-results"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-labels.h"
#include "gb-search-result-row.h"
#include "gb-search-results.h"
#include "gb-search.h"

struct _GbSearchResults
{
  GbView              parent_instance;

  char               *query;
  GListStore         *results;
  GtkNoSelection     *list_selection;
  guint               fit_id;

  /* Template widgets */
  GtkLabel           *status_label;
  GtkWidget          *scroller;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (GbSearchResults, gb_search_results, GB_TYPE_VIEW)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_icon (GbItemKind kind)
{
  switch (kind)
    {
    case GB_ITEM_KIND_EVENT:
      return "x-office-calendar-symbolic";
    case GB_ITEM_KIND_PLACE:
      return "mark-location-symbolic";
    case GB_ITEM_KIND_AGREEMENT:
      return "emblem-documents-symbolic";
    case GB_ITEM_KIND_FIGURE:
      return "view-list-bullet-symbolic";
    case GB_ITEM_KIND_PERSON:
      return "avatar-default-symbolic";
    case GB_ITEM_KIND_ORGANISATION:
      return "system-users-symbolic";
    case GB_ITEM_KIND_ROUTE:
      return "airplane-mode-symbolic";
    case GB_ITEM_KIND_SOURCE:
    default:
      return "text-x-generic-symbolic";
    }
}

/* Closures of the row template: "this" is the list item, then its item. */
static char *
result_icon_cb (GtkListItem *list_item,
                GbItem      *item)
{
  return item != NULL ? g_strdup (kind_icon (gb_item_get_kind (item))) : NULL;
}

static char *
result_secondary_cb (GtkListItem *list_item,
                     GbItem      *item)
{
  return item != NULL ? gb_labels_dup_kind_date (item) : NULL;
}

static void
update (GbSearchResults *self)
{
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  g_autoptr(GPtrArray) found = NULL;
  guint n;

  g_list_store_remove_all (self->results);

  if (dossier == NULL || self->query == NULL || self->query[0] == '\0')
    {
      gtk_label_set_text (self->status_label, "");
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  found = gb_search_dossier (dossier, self->query, GB_SEARCH_RESULTS_MAX);
  g_list_store_splice (self->results, 0, 0, found->pdata, found->len);
  n = found->len;

  if (n == 0)
    gtk_label_set_text (self->status_label, _("No results"));
  else
    {
      g_autofree char *status = NULL;

      if (n >= GB_SEARCH_RESULTS_MAX)
        status = g_strdup_printf (_("The first %u results"), n);
      else
        status = g_strdup_printf (ngettext ("%u result", "%u results", n), n);
      gtk_label_set_text (self->status_label, status);
    }
  gtk_widget_set_visible (self->scroller, n > 0);

  /* Screen readers hear the count as the list changes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->status_label),
                                  -1);
}

/* The navigation-sidebar style's padding above and below the rows */
#define ROW_LIST_PADDING 6

/* The scroller is measured with its rows unwrapped, as if on one line each, so a
 * wrapped result was cut off below: it takes the height its rows have once laid out,
 * up to what the window leaves it. */
static gboolean
fit_content_cb (gpointer user_data)
{
  GbSearchResults *self = user_data;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_view));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint n_rows = 0;
  int content = 0;
  int room = G_MAXINT;

  /* The rows made so far, measured at the width they have; any others count as
   * their average. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL && width > 0;
       row = gtk_widget_get_next_sibling (row))
    {
      int natural;

      if (!gtk_widget_get_visible (row))
        continue;
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      content += natural;
      n_rows++;
    }
  self->fit_id = 0;
  if (n_rows == 0)
    {
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), -1);
      return G_SOURCE_REMOVE;
    }
  if (n_items > n_rows)
    content += (n_items - n_rows) * (content / n_rows);
  content += 2 * ROW_LIST_PADDING;

  if (parent != NULL && gtk_widget_get_height (parent) > 0)
    room = gtk_widget_get_height (parent)
           - gtk_widget_get_margin_top (GTK_WIDGET (self))
           - gtk_widget_get_margin_bottom (GTK_WIDGET (self))
           - (gtk_widget_get_height (GTK_WIDGET (self)) - gtk_widget_get_height (self->scroller));

  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MAX (0, MIN (content, room)));
  return G_SOURCE_REMOVE;
}

/* Called while the list is laid out, when a new size would be lost: fit after. */
static void
content_height_cb (GbSearchResults *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (fit_content_cb, self);
}

static void
gb_search_results_dossier_changed (GbView *view)
{
  update (GB_SEARCH_RESULTS (view));
}

static void
list_activate_cb (GtkListView     *list_view,
                  guint            position,
                  GbSearchResults *self)
{
  g_autoptr(GbItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
gb_search_results_dispose (GObject *object)
{
  GbSearchResults *self = (GbSearchResults *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->fit_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_SEARCH_RESULTS);
  /* The template's top box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->list_selection);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (gb_search_results_parent_class)->dispose (object);
}

static void
gb_search_results_finalize (GObject *object)
{
  GbSearchResults *self = (GbSearchResults *) object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (gb_search_results_parent_class)->finalize (object);
}

static void
gb_search_results_class_init (GbSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_search_results_dispose;
  object_class->finalize = gb_search_results_finalize;
  view_class->dossier_changed = gb_search_results_dossier_changed;
  view_class->build_when_mapped = TRUE;

  /**
   * GbSearchResults::item-activated:
   * @item: the item the reader chose
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GB_TYPE_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbsearchresults");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, GbSearchResults, status_label);
  gtk_widget_class_bind_template_child (widget_class, GbSearchResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, GbSearchResults, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  g_type_ensure (GB_TYPE_SEARCH_RESULT_ROW);
}

static void
gb_search_results_init (GbSearchResults *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), result_icon_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), result_secondary_cb);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             APP_PATH "gb-search-result-row.ui");

  self->results = g_list_store_new (GB_TYPE_ITEM);
  self->list_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  gtk_list_view_set_factory (self->list_view, factory);

  /* Each new allocation of the rows changes one or the other. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (adjustment, "notify::upper", G_CALLBACK (content_height_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (content_height_cb), self,
                           G_CONNECT_SWAPPED);

  update (self);
}

GtkWidget *
gb_search_results_new (void)
{
  return g_object_new (GB_TYPE_SEARCH_RESULTS, NULL);
}

/**
 * gb_search_results_get_query:
 *
 * Returns: (nullable): what is searched for
 */
const char *
gb_search_results_get_query (GbSearchResults *self)
{
  g_return_val_if_fail (GB_IS_SEARCH_RESULTS (self), NULL);

  return self->query;
}

void
gb_search_results_set_query (GbSearchResults *self,
                             const char      *query)
{
  g_return_if_fail (GB_IS_SEARCH_RESULTS (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  update (self);
}

/**
 * gb_search_results_get_model:
 *
 * Returns: (transfer none): a #GListModel of the #GbItem found, best first
 */
GListModel *
gb_search_results_get_model (GbSearchResults *self)
{
  g_return_val_if_fail (GB_IS_SEARCH_RESULTS (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * gb_search_results_activate_first:
 *
 * Chooses the best result, as Enter in the search entry does.
 *
 * Returns: %TRUE if there was a result to choose
 */
gboolean
gb_search_results_activate_first (GbSearchResults *self)
{
  g_autoptr(GbItem) item = NULL;

  g_return_val_if_fail (GB_IS_SEARCH_RESULTS (self), FALSE);

  if (!(item = g_list_model_get_item (G_LIST_MODEL (self->results), 0)))
    return FALSE;

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
  return TRUE;
}

/**
 * gb_search_results_focus_list:
 *
 * Moves the keyboard focus to the results, as Down in the search entry does.
 *
 * Returns: %TRUE if the list took the focus
 */
gboolean
gb_search_results_focus_list (GbSearchResults *self)
{
  g_return_val_if_fail (GB_IS_SEARCH_RESULTS (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}
