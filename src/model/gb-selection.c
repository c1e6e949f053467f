/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-selection"

#include "config.h"

#include "gb-agreement.h"
#include "gb-event.h"
#include "gb-selection.h"

struct _GbSelection
{
  GObject     parent_instance;
  GbDossier  *dossier;
  GbItem     *item;
  GHashTable *linked;   /* GbItem set, refs held */
};

G_DEFINE_FINAL_TYPE (GbSelection, gb_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
link_item (GbSelection *self,
           GbItem      *item)
{
  if (!g_hash_table_contains (self->linked, item))
    g_hash_table_add (self->linked, g_object_ref (item));
}

static void
update_linked (GbSelection *self)
{
  g_autoptr(GPtrArray) direct = NULL;

  g_hash_table_remove_all (self->linked);

  if (self->item == NULL || self->dossier == NULL)
    return;

  direct = gb_dossier_dup_linked (self->dossier, self->item);
  for (guint i = 0; i < direct->len; i++)
    {
      GbItem *other = direct->pdata[i];

      link_item (self, other);

      /* An agreement's signing event brings its places; an event's
       * agreements are already direct links. */
      if (GB_IS_AGREEMENT (self->item) && GB_IS_EVENT (other))
        {
          GPtrArray *places = gb_event_get_places (GB_EVENT (other));

          for (guint p = 0; p < places->len; p++)
            link_item (self, places->pdata[p]);
        }
    }
}

static void watch_dossier (GbSelection *self,
                           gboolean     watch);

static void
gb_selection_dispose (GObject *object)
{
  GbSelection *self = (GbSelection *) object;

  g_clear_object (&self->item);
  watch_dossier (self, FALSE);
  g_clear_object (&self->dossier);
  if (self->linked != NULL)
    g_hash_table_remove_all (self->linked);

  G_OBJECT_CLASS (gb_selection_parent_class)->dispose (object);
}

static void
gb_selection_finalize (GObject *object)
{
  GbSelection *self = (GbSelection *) object;

  g_clear_pointer (&self->linked, g_hash_table_unref);

  G_OBJECT_CLASS (gb_selection_parent_class)->finalize (object);
}

static void
gb_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GbSelection *self = GB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GbSelection *self = GB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      gb_selection_set_dossier (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      gb_selection_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_selection_class_init (GbSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_selection_dispose;
  object_class->finalize = gb_selection_finalize;
  object_class->get_property = gb_selection_get_property;
  object_class->set_property = gb_selection_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         GB_TYPE_DOSSIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         GB_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GbSelection::edited:
   *
   * The story was edited: an item added, replaced or removed, or the
   * story's own title or summary changed. The chosen item is already its
   * newest version (or none, if it was removed).
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gb_selection_init (GbSelection *self)
{
  self->linked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

GbSelection *
gb_selection_new (void)
{
  return g_object_new (GB_TYPE_SELECTION, NULL);
}

/**
 * gb_selection_reshow:
 *
 * Has the views show the story again, as after an edit, though nothing in
 * it changed: its texts are to be read in another language.
 */
void
gb_selection_reshow (GbSelection *self)
{
  g_return_if_fail (GB_IS_SELECTION (self));

  if (self->dossier != NULL)
    g_signal_emit (self, signals[EDITED], 0);
}

/**
 * gb_selection_get_dossier:
 *
 * Returns: (nullable) (transfer none): the story the selection is in
 */
GbDossier *
gb_selection_get_dossier (GbSelection *self)
{
  g_return_val_if_fail (GB_IS_SELECTION (self), NULL);

  return self->dossier;
}

/* An edit replaces an item by a new version of it, with the same id: the
 * chosen item follows to the new one, or to none when it was removed. */
static void
dossier_edited_cb (GbSelection *self)
{
  if (self->item != NULL)
    {
      GbItem *current = gb_dossier_lookup (self->dossier, gb_item_get_id (self->item));

      if (current != self->item)
        gb_selection_set_item (self, current);
      else
        update_linked (self);
    }

  g_signal_emit (self, signals[EDITED], 0);
}

static void
watch_dossier (GbSelection *self,
               gboolean     watch)
{
  if (self->dossier == NULL)
    return;

  if (!watch)
    {
      g_signal_handlers_disconnect_by_data (self->dossier, self);
      for (GbItemKind k = 0; k <= GB_ITEM_KIND_ORGANISATION; k++)
        g_signal_handlers_disconnect_by_data (gb_dossier_get_items_of_kind (self->dossier, k), self);
      return;
    }

  for (GbItemKind k = 0; k <= GB_ITEM_KIND_ORGANISATION; k++)
    g_signal_connect_swapped (gb_dossier_get_items_of_kind (self->dossier, k),
                              "items-changed", G_CALLBACK (dossier_edited_cb), self);
  g_signal_connect_swapped (self->dossier, "notify::title", G_CALLBACK (dossier_edited_cb), self);
  g_signal_connect_swapped (self->dossier, "notify::summary", G_CALLBACK (dossier_edited_cb), self);
}

/* A new story clears the selection: its items belong to the old one. */
void
gb_selection_set_dossier (GbSelection *self,
                          GbDossier   *dossier)
{
  g_return_if_fail (GB_IS_SELECTION (self));
  g_return_if_fail (!dossier || GB_IS_DOSSIER (dossier));

  if (self->dossier == dossier)
    return;

  watch_dossier (self, FALSE);
  g_set_object (&self->dossier, dossier);
  watch_dossier (self, TRUE);

  gb_selection_set_item (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

/**
 * gb_selection_get_item:
 *
 * Returns: (nullable) (transfer none): the selected item
 */
GbItem *
gb_selection_get_item (GbSelection *self)
{
  g_return_val_if_fail (GB_IS_SELECTION (self), NULL);

  return self->item;
}

void
gb_selection_set_item (GbSelection *self,
                       GbItem      *item)
{
  g_return_if_fail (GB_IS_SELECTION (self));
  g_return_if_fail (!item || GB_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update_linked (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * gb_selection_is_linked:
 *
 * Returns: %TRUE if @item is the selected item or linked to it
 */
gboolean
gb_selection_is_linked (GbSelection *self,
                        GbItem      *item)
{
  g_return_val_if_fail (GB_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);

  return item == self->item || g_hash_table_contains (self->linked, item);
}
