/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_PLACE (gb_place_get_type ())

G_DECLARE_FINAL_TYPE (GbPlace, gb_place, GB, PLACE, GbItem)

GbPlace      *gb_place_new             (const char  *id,
                                        GbPlaceKind  kind,
                                        double       latitude,
                                        double       longitude);
GbPlaceKind   gb_place_get_place_kind  (GbPlace     *self);
double        gb_place_get_latitude    (GbPlace     *self);
double        gb_place_get_longitude   (GbPlace     *self);
const char   *gb_place_get_country     (GbPlace     *self);
void          gb_place_set_country     (GbPlace     *self,
                                        const char  *country);
const char   *gb_place_get_timezone    (GbPlace     *self);
void          gb_place_set_timezone    (GbPlace     *self,
                                        const char  *zone);
const char   *gb_place_get_iata        (GbPlace     *self);
void          gb_place_set_iata        (GbPlace     *self,
                                        const char  *iata);

G_END_DECLS
