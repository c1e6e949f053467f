/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_PERSON (gb_person_get_type ())

G_DECLARE_FINAL_TYPE (GbPerson, gb_person, GB, PERSON, GbItem)

GbPerson       *gb_person_new              (const char     *id);
const char     *gb_person_get_role         (GbPerson       *self);
GbText         *gb_person_get_role_text    (GbPerson       *self);
void            gb_person_set_role         (GbPerson       *self,
                                            GbText         *role);
GbOrganisation *gb_person_get_organisation (GbPerson       *self);
void            gb_person_set_organisation (GbPerson       *self,
                                            GbOrganisation *organisation);
const char     *gb_person_get_country      (GbPerson       *self);
void            gb_person_set_country      (GbPerson       *self,
                                            const char     *country);

G_END_DECLS
