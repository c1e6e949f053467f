/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_ROUTE (gb_route_get_type ())

G_DECLARE_FINAL_TYPE (GbRoute, gb_route, GB, ROUTE, GbItem)

GbRoute      *gb_route_new                 (const char  *id,
                                            GbPlace     *from,
                                            GbPlace     *to,
                                            const char  *mode);
GbPlace      *gb_route_get_from            (GbRoute     *self);
GbPlace      *gb_route_get_to              (GbRoute     *self);
const char   *gb_route_get_mode            (GbRoute     *self);
int           gb_route_get_duration_minutes (GbRoute    *self);
void          gb_route_set_duration_minutes (GbRoute    *self,
                                            int          minutes);
const char * const *gb_route_get_operators (GbRoute     *self);
void          gb_route_set_operators       (GbRoute     *self,
                                            const char * const *operators);
const char   *gb_route_get_schedule        (GbRoute     *self);
GbText       *gb_route_get_schedule_text   (GbRoute     *self);
void          gb_route_set_schedule        (GbRoute     *self,
                                            GbText      *schedule);

G_END_DECLS
