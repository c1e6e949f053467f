/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-item"

#include "config.h"

#include "gb-enum-types.h"
#include "gb-item.h"
#include "gb-source.h"

typedef struct
{
  char     *id;
  GbText   *title;
  GbText   *description;
  GbSource *source;
  char     *quote;
  GbText   *quote_translation;
  GbDate   *date;
} GbItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GbItem, gb_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_QUOTE,
  PROP_IS_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gb_item_finalize (GObject *object)
{
  GbItem *self = (GbItem *) object;
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->title, gb_text_unref);
  g_clear_pointer (&priv->description, gb_text_unref);
  g_clear_pointer (&priv->quote, g_free);
  g_clear_pointer (&priv->quote_translation, gb_text_unref);
  g_clear_pointer (&priv->date, gb_date_unref);

  G_OBJECT_CLASS (gb_item_parent_class)->finalize (object);
}

static void
gb_item_dispose (GObject *object)
{
  GbItem *self = (GbItem *) object;
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_clear_object (&priv->source);

  G_OBJECT_CLASS (gb_item_parent_class)->dispose (object);
}

static void
gb_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GbItem *self = GB_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, gb_item_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, gb_item_get_kind (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, gb_item_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, gb_item_get_description (self));
      break;

    case PROP_QUOTE:
      g_value_set_string (value, gb_item_get_quote (self));
      break;

    case PROP_IS_CONTEXT:
      g_value_set_boolean (value, gb_item_is_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  GbItem *self = GB_ITEM (object);
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_item_real_collect_sources (GbItem    *self,
                              GPtrArray *out)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  if (priv->source != NULL)
    g_ptr_array_add (out, priv->source);
}

static void
gb_item_class_init (GbItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->collect_sources = gb_item_real_collect_sources;

  object_class->dispose = gb_item_dispose;
  object_class->finalize = gb_item_finalize;
  object_class->get_property = gb_item_get_property;
  object_class->set_property = gb_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       GB_TYPE_ITEM_KIND,
                       GB_ITEM_KIND_EVENT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Read-only views in the user's language, for expressions in templates. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_CONTEXT] =
    g_param_spec_boolean ("is-context", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_item_init (GbItem *self)
{
}

const char *
gb_item_get_id (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->id;
}

GbItemKind
gb_item_get_kind (GbItem *self)
{
  g_return_val_if_fail (GB_IS_ITEM (self), 0);

  return GB_ITEM_GET_CLASS (self)->kind;
}

/**
 * gb_item_get_title:
 *
 * Returns: the title (name, label) in the user's language; never %NULL
 */
const char *
gb_item_get_title (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->title != NULL ? gb_text_get (priv->title) : priv->id;
}

GbText *
gb_item_get_title_text (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->title;
}

void
gb_item_set_title (GbItem *self,
                   GbText *title)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));

  if (priv->title == title)
    return;

  g_clear_pointer (&priv->title, gb_text_unref);
  priv->title = title != NULL ? gb_text_ref (title) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * gb_item_get_description:
 *
 * Returns: (nullable): the description (summary) in the user's language
 */
const char *
gb_item_get_description (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->description != NULL ? gb_text_get (priv->description) : NULL;
}

GbText *
gb_item_get_description_text (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->description;
}

void
gb_item_set_description (GbItem *self,
                         GbText *description)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));

  if (priv->description == description)
    return;

  g_clear_pointer (&priv->description, gb_text_unref);
  priv->description = description != NULL ? gb_text_ref (description) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * gb_item_get_source:
 *
 * Returns: (nullable) (transfer none): where the item comes from; %NULL
 *   only for sources themselves
 */
GbSource *
gb_item_get_source (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->source;
}

/**
 * gb_item_get_quote:
 *
 * Returns: (nullable): the sentence of the source the item rests on
 */
const char *
gb_item_get_quote (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->quote;
}

/**
 * gb_item_get_quote_translation:
 *
 * Returns: (nullable): the quote in the story's other languages, as its
 *   translator (gb_dossier_get_translator()) gave it
 */
GbText *
gb_item_get_quote_translation (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->quote_translation;
}

void
gb_item_set_quote_translation (GbItem *self,
                               GbText *translation)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));

  if (translation != NULL)
    gb_text_ref (translation);
  g_clear_pointer (&priv->quote_translation, gb_text_unref);
  priv->quote_translation = translation;
}

void
gb_item_set_provenance (GbItem     *self,
                        GbSource   *source,
                        const char *quote)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));
  g_return_if_fail (!source || GB_IS_SOURCE (source));

  g_set_object (&priv->source, source);
  if (g_strcmp0 (priv->quote, quote) != 0)
    {
      g_free (priv->quote);
      priv->quote = g_strdup (quote);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CONTEXT]);
}

/**
 * gb_item_is_context:
 *
 * Returns: %TRUE for background facts from a context source, as opposed to
 *   the story's own
 */
gboolean
gb_item_is_context (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), FALSE);

  if (GB_IS_SOURCE (self))
    return gb_source_get_source_kind (GB_SOURCE (self)) == GB_SOURCE_KIND_CONTEXT;

  return priv->source != NULL &&
         gb_source_get_source_kind (priv->source) == GB_SOURCE_KIND_CONTEXT;
}

/**
 * gb_item_get_date:
 *
 * Returns: (nullable) (transfer none): the item's date: an event's date, an
 *   agreement's period, the year a figure refers to, a source's date
 */
GbDate *
gb_item_get_date (GbItem *self)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  return priv->date;
}

void
gb_item_set_date (GbItem *self,
                  GbDate *date)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));

  if (priv->date == date)
    return;

  g_clear_pointer (&priv->date, gb_date_unref);
  priv->date = date != NULL ? gb_date_ref (date) : NULL;
}

/**
 * gb_item_dup_references:
 *
 * Returns: (transfer container) (element-type GbItem): the items this one
 *   refers to by id, not counting its source
 */
GPtrArray *
gb_item_dup_references (GbItem *self)
{
  GPtrArray *out;

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  out = g_ptr_array_new ();
  if (GB_ITEM_GET_CLASS (self)->collect_references != NULL)
    GB_ITEM_GET_CLASS (self)->collect_references (self, out);

  return out;
}

/**
 * gb_item_refers_to:
 *
 * Returns: %TRUE when @self names @other: as its source or as one of its
 *   references
 */
gboolean
gb_item_refers_to (GbItem *self,
                   GbItem *other)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (GB_IS_ITEM (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (other), FALSE);

  sources = gb_item_dup_sources (self);
  if (g_ptr_array_find (sources, other, NULL))
    return TRUE;

  refs = gb_item_dup_references (self);
  return g_ptr_array_find (refs, other, NULL);
}

/**
 * gb_item_dup_sources:
 *
 * Returns: (transfer container) (element-type GbSource): the sources it
 *   cites, each once: its own and those of the entries it holds
 */
GPtrArray *
gb_item_dup_sources (GbItem *self)
{
  GPtrArray *out;

  g_return_val_if_fail (GB_IS_ITEM (self), NULL);

  out = g_ptr_array_new ();
  GB_ITEM_GET_CLASS (self)->collect_sources (self, out);
  return out;
}

/**
 * gb_item_replace_reference:
 * @new_item: an item of the same kind as @old_item
 *
 * Makes @self refer to @new_item wherever it referred to @old_item, its
 * source included. The dossier calls this when an item is replaced by an
 * edited copy, so that the items naming it follow.
 */
void
gb_item_replace_reference (GbItem *self,
                           GbItem *old_item,
                           GbItem *new_item)
{
  GbItemPrivate *priv = gb_item_get_instance_private (self);

  g_return_if_fail (GB_IS_ITEM (self));
  g_return_if_fail (GB_IS_ITEM (old_item));
  g_return_if_fail (GB_IS_ITEM (new_item));
  g_return_if_fail (gb_item_get_kind (old_item) == gb_item_get_kind (new_item));

  if ((GbItem *) priv->source == old_item)
    g_set_object (&priv->source, GB_SOURCE (new_item));

  if (GB_ITEM_GET_CLASS (self)->replace_reference != NULL)
    GB_ITEM_GET_CLASS (self)->replace_reference (self, old_item, new_item);
}
