/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-agreement.h"
#include "gb-item.h"
#include "gb-place.h"

G_BEGIN_DECLS

/* What the views say about an item, translated, built from its fields. Text
 * only; drawing it is the views' business. */

/* Names for the model's enums. */
const char *gb_labels_agreement_kind      (GbAgreementKind    kind);
const char *gb_labels_agreement_status    (GbAgreementStatus  status);
const char *gb_labels_item_kind           (GbItemKind         kind);
const char *gb_labels_place_kind          (GbPlaceKind        kind);
const char *gb_labels_source_kind         (GbSourceKind       kind);
const char *gb_labels_route_mode          (GbRouteMode        mode);
const char *gb_labels_figure_qualifier    (GbFigureQualifier  qualifier);
const char *gb_labels_enum_choice         (GType              enum_type,
                                           int                value);

/* Where an item came from, short and long. */
char       *gb_labels_dup_source_line     (GbItem            *item);
char       *gb_labels_dup_source_citation (GbItem            *item);

/* The line under an item's title. */
char       *gb_labels_dup_kind_date       (GbItem            *item);
char       *gb_labels_dup_item_meta       (GbItem            *item);
char       *gb_labels_dup_parties         (GbAgreement       *agreement);

/* An agreement's current status and its follow-up log. */
char       *gb_labels_dup_status_since    (GbAgreement       *agreement);
char       *gb_labels_dup_follow_up_title (GbAgreement       *agreement);
char       *gb_labels_dup_follow_up_summary (const GbFollowUp *entry);
char       *gb_labels_dup_follow_up_source  (const GbFollowUp *entry);
char       *gb_labels_dup_follow_up_name    (const GbFollowUp *entry);

/* A place's marker and facts. */
char       *gb_labels_dup_place_name      (GbPlace           *place);
char       *gb_labels_dup_place_kind      (GbPlace           *place);
char       *gb_labels_dup_place_position  (GbPlace           *place);

/* Facts as a reader names them. */
char       *gb_labels_dup_country         (const char        *code);
char       *gb_labels_dup_time_zone       (const char        *identifier);
char       *gb_labels_dup_language        (const char        *tag);

G_END_DECLS
