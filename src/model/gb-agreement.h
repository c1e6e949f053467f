/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_AGREEMENT (gb_agreement_get_type ())

G_DECLARE_FINAL_TYPE (GbAgreement, gb_agreement, GB, AGREEMENT, GbItem)

/* One entry of an agreement's follow-up log: on @date it moved to @status.
 * Owned by its agreement; read-only to everyone else. */
typedef struct
{
  GbDate            *date;
  GbAgreementStatus  status;
  GbText            *note;     /* nullable */
  GbSource          *source;
  char              *quote;    /* nullable */
} GbFollowUp;

/* The period is the item's date (gb_item_get_date()), and may be NULL.
 * The summary is the item's description. */
GbAgreement       *gb_agreement_new            (const char        *id,
                                                GbAgreementKind    kind,
                                                GbAgreementStatus  status);
GbAgreementKind    gb_agreement_get_agreement_kind (GbAgreement   *self);
GbAgreementStatus  gb_agreement_get_status     (GbAgreement       *self);
GPtrArray         *gb_agreement_get_parties    (GbAgreement       *self);
void               gb_agreement_add_party      (GbAgreement       *self,
                                                GbItem            *party);
GPtrArray         *gb_agreement_get_places     (GbAgreement       *self);
void               gb_agreement_add_place      (GbAgreement       *self,
                                                GbPlace           *place);
GbEvent           *gb_agreement_get_event      (GbAgreement       *self);
void               gb_agreement_set_event      (GbAgreement       *self,
                                                GbEvent           *event);
GPtrArray         *gb_agreement_get_covers     (GbAgreement       *self);
void               gb_agreement_add_cover      (GbAgreement       *self,
                                                GbText            *cover);

/* The log, oldest first; entries of the same date keep the order added. */
GPtrArray         *gb_agreement_get_follow_ups (GbAgreement       *self);
void               gb_agreement_add_follow_up  (GbAgreement       *self,
                                                GbDate            *date,
                                                GbAgreementStatus  status,
                                                GbText            *note,
                                                GbSource          *source,
                                                const char        *quote);
GbAgreementStatus  gb_agreement_get_current_status (GbAgreement   *self);
GbDate            *gb_agreement_get_status_date (GbAgreement      *self);

G_END_DECLS
