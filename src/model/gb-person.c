/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-person"

#include "config.h"

#include "gb-model-private.h"
#include "gb-organisation.h"
#include "gb-person.h"

struct _GbPerson
{
  GbItem          parent_instance;
  GbText         *role;
  GbOrganisation *organisation;
  char           *country;
};

G_DEFINE_FINAL_TYPE (GbPerson, gb_person, GB_TYPE_ITEM)

static void
gb_person_collect_references (GbItem    *item,
                              GPtrArray *out)
{
  GbPerson *self = GB_PERSON (item);

  if (self->organisation != NULL)
    g_ptr_array_add (out, self->organisation);
}

static void
gb_person_replace_reference (GbItem *item,
                             GbItem *old_item,
                             GbItem *new_item)
{
  GbPerson *self = GB_PERSON (item);

  if ((GbItem *) self->organisation == old_item)
    g_set_object (&self->organisation, GB_ORGANISATION (new_item));
}

static void
gb_person_dispose (GObject *object)
{
  GbPerson *self = (GbPerson *) object;

  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (gb_person_parent_class)->dispose (object);
}

static void
gb_person_finalize (GObject *object)
{
  GbPerson *self = (GbPerson *) object;

  g_clear_pointer (&self->role, gb_text_unref);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (gb_person_parent_class)->finalize (object);
}

static void
gb_person_class_init (GbPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->dispose = gb_person_dispose;
  object_class->finalize = gb_person_finalize;
  item_class->kind = GB_ITEM_KIND_PERSON;
  item_class->collect_references = gb_person_collect_references;
  item_class->replace_reference = gb_person_replace_reference;
}

static void
gb_person_init (GbPerson *self)
{
}

GbPerson *
gb_person_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GB_TYPE_PERSON, "id", id, NULL);
}

/**
 * gb_person_get_role:
 *
 * Returns: (nullable): the person's title as of the story's date
 */
const char *
gb_person_get_role (GbPerson *self)
{
  g_return_val_if_fail (GB_IS_PERSON (self), NULL);

  return self->role != NULL ? gb_text_get (self->role) : NULL;
}

void
gb_person_set_role (GbPerson *self,
                    GbText   *role)
{
  g_return_if_fail (GB_IS_PERSON (self));

  g_clear_pointer (&self->role, gb_text_unref);
  self->role = role != NULL ? gb_text_ref (role) : NULL;
}

GbOrganisation *
gb_person_get_organisation (GbPerson *self)
{
  g_return_val_if_fail (GB_IS_PERSON (self), NULL);

  return self->organisation;
}

void
gb_person_set_organisation (GbPerson       *self,
                            GbOrganisation *organisation)
{
  g_return_if_fail (GB_IS_PERSON (self));
  g_return_if_fail (!organisation || GB_IS_ORGANISATION (organisation));

  g_set_object (&self->organisation, organisation);
}

const char *
gb_person_get_country (GbPerson *self)
{
  g_return_val_if_fail (GB_IS_PERSON (self), NULL);

  return self->country;
}

void
gb_person_set_country (GbPerson   *self,
                       const char *country)
{
  g_return_if_fail (GB_IS_PERSON (self));

  gb_set_str (&self->country, country);
}

/**
 * gb_person_get_role_text:
 *
 * Returns: (nullable) (transfer none): the text in every language
 */
GbText *
gb_person_get_role_text (GbPerson *self)
{
  g_return_val_if_fail (GB_IS_PERSON (self), NULL);

  return self->role;
}
