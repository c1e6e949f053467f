/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_EVENT (gb_event_get_type ())

G_DECLARE_FINAL_TYPE (GbEvent, gb_event, GB, EVENT, GbItem)

/* The date is the item's (gb_item_get_date()); events always have one. */
GbEvent      *gb_event_new                (const char *id,
                                           GbDate     *date);
GPtrArray    *gb_event_get_places         (GbEvent    *self);
GPtrArray    *gb_event_get_people         (GbEvent    *self);
GPtrArray    *gb_event_get_organisations  (GbEvent    *self);
void          gb_event_add_place          (GbEvent    *self,
                                           GbPlace    *place);
void          gb_event_add_person         (GbEvent    *self,
                                           GbPerson   *person);
void          gb_event_add_organisation   (GbEvent    *self,
                                           GbOrganisation *organisation);

G_END_DECLS
