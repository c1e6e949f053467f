/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-place"

#include "config.h"

#include "gb-model-private.h"
#include "gb-place.h"

struct _GbPlace
{
  GbItem       parent_instance;
  GbPlaceKind  kind;
  double       latitude;
  double       longitude;
  char        *country;
  char        *timezone;
  char        *iata;
};

G_DEFINE_FINAL_TYPE (GbPlace, gb_place, GB_TYPE_ITEM)

static void
gb_place_finalize (GObject *object)
{
  GbPlace *self = (GbPlace *) object;

  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->iata, g_free);

  G_OBJECT_CLASS (gb_place_parent_class)->finalize (object);
}

static void
gb_place_class_init (GbPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gb_place_finalize;
  GB_ITEM_CLASS (klass)->kind = GB_ITEM_KIND_PLACE;
}

static void
gb_place_init (GbPlace *self)
{
}

GbPlace *
gb_place_new (const char  *id,
              GbPlaceKind  kind,
              double       latitude,
              double       longitude)
{
  GbPlace *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (latitude >= -90 && latitude <= 90, NULL);
  g_return_val_if_fail (longitude >= -180 && longitude <= 180, NULL);

  self = g_object_new (GB_TYPE_PLACE, "id", id, NULL);
  self->kind = kind;
  self->latitude = latitude;
  self->longitude = longitude;
  return self;
}

GbPlaceKind
gb_place_get_place_kind (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), 0);

  return self->kind;
}

double
gb_place_get_latitude (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), 0);

  return self->latitude;
}

double
gb_place_get_longitude (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), 0);

  return self->longitude;
}

const char *
gb_place_get_country (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), NULL);

  return self->country;
}

void
gb_place_set_country (GbPlace    *self,
                      const char *country)
{
  g_return_if_fail (GB_IS_PLACE (self));

  gb_set_str (&self->country, country);
}

/**
 * gb_place_get_timezone:
 *
 * Returns: (nullable): the IANA time zone of the place, e.g. "Asia/Seoul"
 */
const char *
gb_place_get_timezone (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), NULL);

  return self->timezone;
}

void
gb_place_set_timezone (GbPlace    *self,
                       const char *zone)
{
  g_return_if_fail (GB_IS_PLACE (self));

  gb_set_str (&self->timezone, zone);
}

const char *
gb_place_get_iata (GbPlace *self)
{
  g_return_val_if_fail (GB_IS_PLACE (self), NULL);

  return self->iata;
}

void
gb_place_set_iata (GbPlace    *self,
                   const char *iata)
{
  g_return_if_fail (GB_IS_PLACE (self));

  gb_set_str (&self->iata, iata);
}
