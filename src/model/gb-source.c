/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-source"

#include "config.h"

#include "gb-model-private.h"
#include "gb-source.h"

struct _GbSource
{
  GbItem        parent_instance;
  GbSourceKind  kind;
  char         *publisher;
  char         *url;
  char         *text;
};

G_DEFINE_FINAL_TYPE (GbSource, gb_source, GB_TYPE_ITEM)

static void
gb_source_finalize (GObject *object)
{
  GbSource *self = (GbSource *) object;

  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gb_source_parent_class)->finalize (object);
}

static void
gb_source_class_init (GbSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->finalize = gb_source_finalize;
  item_class->kind = GB_ITEM_KIND_SOURCE;
}

static void
gb_source_init (GbSource *self)
{
}

GbSource *
gb_source_new (const char   *id,
               GbSourceKind  kind)
{
  GbSource *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (GB_TYPE_SOURCE, "id", id, NULL);
  self->kind = kind;
  return self;
}

GbSourceKind
gb_source_get_source_kind (GbSource *self)
{
  g_return_val_if_fail (GB_IS_SOURCE (self), 0);

  return self->kind;
}

const char *
gb_source_get_publisher (GbSource *self)
{
  g_return_val_if_fail (GB_IS_SOURCE (self), NULL);

  return self->publisher;
}

void
gb_source_set_publisher (GbSource   *self,
                         const char *publisher)
{
  g_return_if_fail (GB_IS_SOURCE (self));

  gb_set_str (&self->publisher, publisher);
}

/**
 * gb_source_get_url:
 *
 * Returns: (nullable): the source's address; the loader only accepts
 *   http and https
 */
const char *
gb_source_get_url (GbSource *self)
{
  g_return_val_if_fail (GB_IS_SOURCE (self), NULL);

  return self->url;
}

void
gb_source_set_url (GbSource   *self,
                   const char *url)
{
  g_return_if_fail (GB_IS_SOURCE (self));

  gb_set_str (&self->url, url);
}

const char *
gb_source_get_text (GbSource *self)
{
  g_return_val_if_fail (GB_IS_SOURCE (self), NULL);

  return self->text;
}

void
gb_source_set_text (GbSource   *self,
                    const char *text)
{
  g_return_if_fail (GB_IS_SOURCE (self));

  gb_set_str (&self->text, text);
}
