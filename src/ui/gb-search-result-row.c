/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-search-result-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-labels.h"
#include "gb-search-result-row.h"

/* A search result's content. The list view focuses the list item around it, so
 * the row names that parent for screen readers: date, title, whether background. */
struct _GbSearchResultRow
{
  GtkBox  parent_instance;

  GbItem *item;
};

G_DEFINE_FINAL_TYPE (GbSearchResultRow, gb_search_result_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_name (GbSearchResultRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *line = NULL;
  g_autofree char *name = NULL;

  if (parent == NULL)
    return;

  if (self->item == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  line = gb_labels_dup_kind_date (self->item);
  if (gb_item_is_context (self->item))
    /* Translators: a search result's name for screen readers: title, kind and date,
     * then that it is background */
    name = g_strdup_printf (_("%s, %s. Background to the story"),
                            gb_item_get_title (self->item), line);
  else
    /* Translators: a search result's name for screen readers: title, kind and date */
    name = g_strdup_printf (_("%s, %s"), gb_item_get_title (self->item), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
gb_search_result_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gb_search_result_row_parent_class)->root (widget);
  update_name (GB_SEARCH_RESULT_ROW (widget));
}

static void
gb_search_result_row_dispose (GObject *object)
{
  GbSearchResultRow *self = GB_SEARCH_RESULT_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (gb_search_result_row_parent_class)->dispose (object);
}

static void
gb_search_result_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GbSearchResultRow *self = GB_SEARCH_RESULT_ROW (object);

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
gb_search_result_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GbSearchResultRow *self = GB_SEARCH_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gb_search_result_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_search_result_row_class_init (GbSearchResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_search_result_row_dispose;
  object_class->get_property = gb_search_result_row_get_property;
  object_class->set_property = gb_search_result_row_set_property;
  widget_class->root = gb_search_result_row_root;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         GB_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_search_result_row_init (GbSearchResultRow *self)
{
}

GbItem *
gb_search_result_row_get_item (GbSearchResultRow *self)
{
  g_return_val_if_fail (GB_IS_SEARCH_RESULT_ROW (self), NULL);

  return self->item;
}

void
gb_search_result_row_set_item (GbSearchResultRow *self,
                               GbItem            *item)
{
  g_return_if_fail (GB_IS_SEARCH_RESULT_ROW (self));
  g_return_if_fail (item == NULL || GB_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
