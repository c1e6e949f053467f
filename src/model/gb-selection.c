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

static void
gb_selection_dispose (GObject *object)
{
  GbSelection *self = (GbSelection *) object;

  g_clear_object (&self->item);
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

/* A new story clears the selection: its items belong to the old one. */
void
gb_selection_set_dossier (GbSelection *self,
                          GbDossier   *dossier)
{
  g_return_if_fail (GB_IS_SELECTION (self));
  g_return_if_fail (!dossier || GB_IS_DOSSIER (dossier));

  if (!g_set_object (&self->dossier, dossier))
    return;

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
