/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-event"

#include "config.h"

#include "gb-event.h"
#include "gb-model-private.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"

struct _GbEvent
{
  GbItem     parent_instance;
  GPtrArray *places;
  GPtrArray *people;
  GPtrArray *organisations;
};

G_DEFINE_FINAL_TYPE (GbEvent, gb_event, GB_TYPE_ITEM)

static void
gb_event_collect_references (GbItem    *item,
                             GPtrArray *out)
{
  GbEvent *self = GB_EVENT (item);

  g_ptr_array_extend (out, self->places, NULL, NULL);
  g_ptr_array_extend (out, self->people, NULL, NULL);
  g_ptr_array_extend (out, self->organisations, NULL, NULL);
}

static void
gb_event_replace_reference (GbItem *item,
                            GbItem *old_item,
                            GbItem *new_item)
{
  GbEvent *self = GB_EVENT (item);

  gb_object_array_replace (self->places, old_item, new_item);
  gb_object_array_replace (self->people, old_item, new_item);
  gb_object_array_replace (self->organisations, old_item, new_item);
}

static void
gb_event_dispose (GObject *object)
{
  GbEvent *self = (GbEvent *) object;

  g_ptr_array_set_size (self->places, 0);
  g_ptr_array_set_size (self->people, 0);
  g_ptr_array_set_size (self->organisations, 0);

  G_OBJECT_CLASS (gb_event_parent_class)->dispose (object);
}

static void
gb_event_finalize (GObject *object)
{
  GbEvent *self = (GbEvent *) object;

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_event_parent_class)->finalize (object);
}

static void
gb_event_class_init (GbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->dispose = gb_event_dispose;
  object_class->finalize = gb_event_finalize;
  item_class->kind = GB_ITEM_KIND_EVENT;
  item_class->collect_references = gb_event_collect_references;
  item_class->replace_reference = gb_event_replace_reference;
}

static void
gb_event_init (GbEvent *self)
{
  self->places = gb_object_array_new ();
  self->people = gb_object_array_new ();
  self->organisations = gb_object_array_new ();
}

GbEvent *
gb_event_new (const char *id,
              GbDate     *date)
{
  GbEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (GB_TYPE_EVENT, "id", id, NULL);
  gb_item_set_date (GB_ITEM (self), date);
  return self;
}

/**
 * gb_event_get_places:
 *
 * Returns: (transfer none) (element-type GbPlace): where it happened
 */
GPtrArray *
gb_event_get_places (GbEvent *self)
{
  g_return_val_if_fail (GB_IS_EVENT (self), NULL);

  return self->places;
}

/**
 * gb_event_get_people:
 *
 * Returns: (transfer none) (element-type GbPerson): who took part
 */
GPtrArray *
gb_event_get_people (GbEvent *self)
{
  g_return_val_if_fail (GB_IS_EVENT (self), NULL);

  return self->people;
}

/**
 * gb_event_get_organisations:
 *
 * Returns: (transfer none) (element-type GbOrganisation): who took part
 */
GPtrArray *
gb_event_get_organisations (GbEvent *self)
{
  g_return_val_if_fail (GB_IS_EVENT (self), NULL);

  return self->organisations;
}

void
gb_event_add_place (GbEvent *self,
                    GbPlace *place)
{
  g_return_if_fail (GB_IS_EVENT (self));
  g_return_if_fail (GB_IS_PLACE (place));

  g_ptr_array_add (self->places, g_object_ref (place));
}

void
gb_event_add_person (GbEvent  *self,
                     GbPerson *person)
{
  g_return_if_fail (GB_IS_EVENT (self));
  g_return_if_fail (GB_IS_PERSON (person));

  g_ptr_array_add (self->people, g_object_ref (person));
}

void
gb_event_add_organisation (GbEvent        *self,
                           GbOrganisation *organisation)
{
  g_return_if_fail (GB_IS_EVENT (self));
  g_return_if_fail (GB_IS_ORGANISATION (organisation));

  g_ptr_array_add (self->organisations, g_object_ref (organisation));
}
