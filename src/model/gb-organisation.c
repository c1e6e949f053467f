/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-organisation"

#include "config.h"

#include "gb-model-private.h"
#include "gb-organisation.h"

struct _GbOrganisation
{
  GbItem   parent_instance;
  GbText  *short_name;
  char    *kind;
  char    *country;
  char    *url;
};

G_DEFINE_FINAL_TYPE (GbOrganisation, gb_organisation, GB_TYPE_ITEM)

static void
gb_organisation_finalize (GObject *object)
{
  GbOrganisation *self = (GbOrganisation *) object;

  g_clear_pointer (&self->short_name, gb_text_unref);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (gb_organisation_parent_class)->finalize (object);
}

static void
gb_organisation_class_init (GbOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gb_organisation_finalize;
  GB_ITEM_CLASS (klass)->kind = GB_ITEM_KIND_ORGANISATION;
}

static void
gb_organisation_init (GbOrganisation *self)
{
}

GbOrganisation *
gb_organisation_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GB_TYPE_ORGANISATION, "id", id, NULL);
}

/**
 * gb_organisation_get_short_name:
 *
 * Returns: the short name if there is one, else the full name
 */
const char *
gb_organisation_get_short_name (GbOrganisation *self)
{
  g_return_val_if_fail (GB_IS_ORGANISATION (self), NULL);

  if (self->short_name != NULL)
    return gb_text_get (self->short_name);

  return gb_item_get_title (GB_ITEM (self));
}

void
gb_organisation_set_short_name (GbOrganisation *self,
                                GbText         *short_name)
{
  g_return_if_fail (GB_IS_ORGANISATION (self));

  g_clear_pointer (&self->short_name, gb_text_unref);
  self->short_name = short_name != NULL ? gb_text_ref (short_name) : NULL;
}

const char *
gb_organisation_get_org_kind (GbOrganisation *self)
{
  g_return_val_if_fail (GB_IS_ORGANISATION (self), NULL);

  return self->kind;
}

void
gb_organisation_set_org_kind (GbOrganisation *self,
                              const char     *kind)
{
  g_return_if_fail (GB_IS_ORGANISATION (self));

  gb_set_str (&self->kind, kind);
}

const char *
gb_organisation_get_country (GbOrganisation *self)
{
  g_return_val_if_fail (GB_IS_ORGANISATION (self), NULL);

  return self->country;
}

void
gb_organisation_set_country (GbOrganisation *self,
                             const char     *country)
{
  g_return_if_fail (GB_IS_ORGANISATION (self));

  gb_set_str (&self->country, country);
}

const char *
gb_organisation_get_url (GbOrganisation *self)
{
  g_return_val_if_fail (GB_IS_ORGANISATION (self), NULL);

  return self->url;
}

void
gb_organisation_set_url (GbOrganisation *self,
                         const char     *url)
{
  g_return_if_fail (GB_IS_ORGANISATION (self));

  gb_set_str (&self->url, url);
}

/**
 * gb_organisation_get_short_name_text:
 *
 * Returns: (nullable) (transfer none): the text in every language
 */
GbText *
gb_organisation_get_short_name_text (GbOrganisation *self)
{
  g_return_val_if_fail (GB_IS_ORGANISATION (self), NULL);

  return self->short_name;
}
