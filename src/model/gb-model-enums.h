/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GB_ITEM_KIND_SOURCE,
  GB_ITEM_KIND_EVENT,
  GB_ITEM_KIND_PLACE,
  GB_ITEM_KIND_ROUTE,
  GB_ITEM_KIND_AGREEMENT,
  GB_ITEM_KIND_FIGURE,
  GB_ITEM_KIND_PERSON,
  GB_ITEM_KIND_ORGANISATION,
} GbItemKind;

/* A set of item kinds as a mask: GB_ITEM_KIND_BIT (GB_ITEM_KIND_EVENT) | … */
#define GB_ITEM_KIND_BIT(kind) (1u << (kind))

typedef enum
{
  GB_SOURCE_KIND_ARTICLE,
  GB_SOURCE_KIND_CONTEXT,
} GbSourceKind;

typedef enum
{
  GB_PLACE_KIND_CITY,
  GB_PLACE_KIND_AIRPORT,
  GB_PLACE_KIND_VENUE,
  GB_PLACE_KIND_COUNTRY,
  GB_PLACE_KIND_OTHER,
} GbPlaceKind;

/* A route's mode is kept as its nick; the enum lists the nicks the format
 * allows, in the order the editor offers them. */
typedef enum
{
  GB_ROUTE_MODE_FLIGHT,
  GB_ROUTE_MODE_RAIL,
  GB_ROUTE_MODE_ROAD,
  GB_ROUTE_MODE_SEA,
  GB_ROUTE_MODE_OTHER,
} GbRouteMode;

typedef enum
{
  GB_AGREEMENT_KIND_AGREEMENT,
  GB_AGREEMENT_KIND_PLAN,
  GB_AGREEMENT_KIND_PROPOSAL,
  GB_AGREEMENT_KIND_INITIATIVE,
  GB_AGREEMENT_KIND_PROGRAMME,
} GbAgreementKind;

typedef enum
{
  GB_AGREEMENT_STATUS_SIGNED,
  GB_AGREEMENT_STATUS_PROPOSED,
  GB_AGREEMENT_STATUS_PLANNED,
  GB_AGREEMENT_STATUS_EXISTING,
  GB_AGREEMENT_STATUS_LAUNCHED,
  GB_AGREEMENT_STATUS_ENDED,
} GbAgreementStatus;

typedef enum
{
  GB_FIGURE_QUALIFIER_EXACT,
  GB_FIGURE_QUALIFIER_ABOUT,
  GB_FIGURE_QUALIFIER_OVER,
  GB_FIGURE_QUALIFIER_MORE_THAN,
  GB_FIGURE_QUALIFIER_TOP,
} GbFigureQualifier;

typedef enum
{
  GB_DATE_PRECISION_NONE,
  GB_DATE_PRECISION_YEAR,
  GB_DATE_PRECISION_MONTH,
  GB_DATE_PRECISION_DAY,
  GB_DATE_PRECISION_MINUTE,
} GbDatePrecision;

const char *gb_item_kind_to_string         (GbItemKind        kind);
const char *gb_agreement_kind_to_string    (GbAgreementKind   kind);
const char *gb_agreement_status_to_string  (GbAgreementStatus status);
const char *gb_place_kind_to_string        (GbPlaceKind       kind);
const char *gb_figure_qualifier_to_string  (GbFigureQualifier qualifier);

G_END_DECLS
