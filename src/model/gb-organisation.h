/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_ORGANISATION (gb_organisation_get_type ())

G_DECLARE_FINAL_TYPE (GbOrganisation, gb_organisation, GB, ORGANISATION, GbItem)

GbOrganisation *gb_organisation_new             (const char     *id);
const char     *gb_organisation_get_short_name  (GbOrganisation *self);
GbText         *gb_organisation_get_short_name_text (GbOrganisation *self);
void            gb_organisation_set_short_name  (GbOrganisation *self,
                                                 GbText         *short_name);
const char     *gb_organisation_get_org_kind    (GbOrganisation *self);
void            gb_organisation_set_org_kind    (GbOrganisation *self,
                                                 const char     *kind);
const char     *gb_organisation_get_country     (GbOrganisation *self);
void            gb_organisation_set_country     (GbOrganisation *self,
                                                 const char     *country);
const char     *gb_organisation_get_url         (GbOrganisation *self);
void            gb_organisation_set_url         (GbOrganisation *self,
                                                 const char     *url);

G_END_DECLS
