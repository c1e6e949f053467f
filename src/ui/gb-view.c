/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-view"

#include "config.h"

#include "gb-view.h"

typedef struct
{
  GbSelection  *selection;
  GSignalGroup *selection_signals;
  GbDossier    *dossier;            /* the selection's, as shown */
  guint         edited_id;          /* the idle that catches up on edits */
  guint         dossier_pending : 1;
  guint         item_pending : 1;
  guint         edited_pending : 1;
} GbViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GbView, gb_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A view in a window but not on screen (a page not shown, a hidden overlay)
 * builds nothing for a story until it is mapped: start-up builds the one
 * view the first frame draws, and opening a story rebuilds only that one.
 * Views opt in with GbViewClass.build_when_mapped. */
static gboolean
is_waiting (GbView *self)
{
  return GB_VIEW_GET_CLASS (self)->build_when_mapped &&
         gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
         !gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Views rebuild only for another story, not for the same one set again. */
static void
selection_dossier_changed_cb (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);
  GbDossier *dossier;

  g_assert (GB_IS_VIEW (self));

  /* The story's item comes after its story, even when both waited. */
  if (is_waiting (self))
    {
      priv->dossier_pending = TRUE;
      return;
    }

  priv->dossier_pending = FALSE;
  priv->edited_pending = FALSE;
  dossier = priv->selection != NULL ? gb_selection_get_dossier (priv->selection) : NULL;
  if (!g_set_object (&priv->dossier, dossier))
    return;

  if (GB_VIEW_GET_CLASS (self)->dossier_changed != NULL)
    GB_VIEW_GET_CLASS (self)->dossier_changed (self);
}

static void
selection_item_changed_cb (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_assert (GB_IS_VIEW (self));

  /* Once built, a view follows the chosen item even off screen: it is cheap,
   * and what it marks must be right when it is shown. */
  if (priv->dossier_pending)
    {
      priv->item_pending = TRUE;
      return;
    }

  priv->item_pending = FALSE;
  if (GB_VIEW_GET_CLASS (self)->item_changed != NULL)
    GB_VIEW_GET_CLASS (self)->item_changed (self);
}

/* An edited story is shown again as if it were opened, with the chosen
 * item: the views have one way to build, and edits are far apart in time. */
static gboolean
edited_idle_cb (gpointer data)
{
  GbView *self = data;
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  priv->edited_id = 0;
  if (is_waiting (self))
    {
      priv->edited_pending = TRUE;
      return G_SOURCE_REMOVE;
    }

  priv->edited_pending = FALSE;
  if (priv->dossier == NULL)
    return G_SOURCE_REMOVE;
  if (GB_VIEW_GET_CLASS (self)->dossier_changed != NULL)
    GB_VIEW_GET_CLASS (self)->dossier_changed (self);
  if (GB_VIEW_GET_CLASS (self)->item_changed != NULL)
    GB_VIEW_GET_CLASS (self)->item_changed (self);

  return G_SOURCE_REMOVE;
}

/* Several edits in one go (a deletion with its references) are one rebuild. */
static void
selection_edited_cb (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  if (priv->edited_id == 0)
    priv->edited_id = g_idle_add (edited_idle_cb, self);
}

static void
gb_view_map (GtkWidget *widget)
{
  GbView *self = GB_VIEW (widget);
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  GTK_WIDGET_CLASS (gb_view_parent_class)->map (widget);

  if (priv->dossier_pending)
    selection_dossier_changed_cb (self);
  else if (priv->edited_pending)
    edited_idle_cb (self);
  if (priv->item_pending)
    selection_item_changed_cb (self);
}

static void
gb_view_dispose (GObject *object)
{
  GbView *self = GB_VIEW (object);
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  /* Subclasses have disposed their children by now: no handler may run. */
  g_clear_handle_id (&priv->edited_id, g_source_remove);
  g_clear_object (&priv->selection_signals);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->dossier);

  G_OBJECT_CLASS (gb_view_parent_class)->dispose (object);
}

static void
gb_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GbView *self = GB_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, gb_view_get_selection (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  GbView *self = GB_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      gb_view_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_view_class_init (GbViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_view_dispose;
  object_class->get_property = gb_view_get_property;
  object_class->set_property = gb_view_set_property;

  widget_class->map = gb_view_map;

  /**
   * GbView:selection:
   *
   * The window's shared selection: its story is the one shown, its item
   * the one chosen.
   */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GB_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_view_init (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  priv->selection_signals = g_signal_group_new (GB_TYPE_SELECTION);
  g_signal_group_connect_object (priv->selection_signals, "notify::dossier",
                                 G_CALLBACK (selection_dossier_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (priv->selection_signals, "notify::item",
                                 G_CALLBACK (selection_item_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (priv->selection_signals, "edited",
                                 G_CALLBACK (selection_edited_cb), self,
                                 G_CONNECT_SWAPPED);
}

/**
 * gb_view_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection the view follows
 */
GbSelection *
gb_view_get_selection (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_return_val_if_fail (GB_IS_VIEW (self), NULL);

  return priv->selection;
}

/**
 * gb_view_set_selection:
 * @selection: (nullable): the window's shared selection
 *
 * Follows @selection, showing its story and item at once.
 */
void
gb_view_set_selection (GbView      *self,
                       GbSelection *selection)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_return_if_fail (GB_IS_VIEW (self));
  g_return_if_fail (selection == NULL || GB_IS_SELECTION (selection));

  if (!g_set_object (&priv->selection, selection))
    return;

  g_signal_group_set_target (priv->selection_signals, selection);
  selection_dossier_changed_cb (self);
  selection_item_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * gb_view_get_dossier:
 *
 * Returns: (transfer none) (nullable): the story the view shows, its
 *   selection's
 */
GbDossier *
gb_view_get_dossier (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_return_val_if_fail (GB_IS_VIEW (self), NULL);

  return priv->dossier;
}

/**
 * gb_view_get_item:
 *
 * Returns: (transfer none) (nullable): the item chosen in the view's selection
 */
GbItem *
gb_view_get_item (GbView *self)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_return_val_if_fail (GB_IS_VIEW (self), NULL);

  return priv->selection != NULL ? gb_selection_get_item (priv->selection) : NULL;
}

/**
 * gb_view_select:
 * @item: (nullable): the item the reader chose in this view
 *
 * Chooses @item for every view; without a selection, nothing happens.
 */
void
gb_view_select (GbView *self,
                GbItem *item)
{
  GbViewPrivate *priv = gb_view_get_instance_private (self);

  g_return_if_fail (GB_IS_VIEW (self));
  g_return_if_fail (item == NULL || GB_IS_ITEM (item));

  if (priv->selection != NULL)
    gb_selection_set_item (priv->selection, item);
}
