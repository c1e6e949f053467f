/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-model-enums"

#include "config.h"

#include "gb-enum-types.h"
#include "gb-model-enums.h"

/* The nicks are the file format's names ("more-than", "airport"). */
static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

const char *
gb_item_kind_to_string (GbItemKind kind)
{
  return enum_nick (GB_TYPE_ITEM_KIND, kind);
}

const char *
gb_agreement_kind_to_string (GbAgreementKind kind)
{
  return enum_nick (GB_TYPE_AGREEMENT_KIND, kind);
}

const char *
gb_agreement_status_to_string (GbAgreementStatus status)
{
  return enum_nick (GB_TYPE_AGREEMENT_STATUS, status);
}

const char *
gb_place_kind_to_string (GbPlaceKind kind)
{
  return enum_nick (GB_TYPE_PLACE_KIND, kind);
}

const char *
gb_figure_qualifier_to_string (GbFigureQualifier qualifier)
{
  return enum_nick (GB_TYPE_FIGURE_QUALIFIER, qualifier);
}
