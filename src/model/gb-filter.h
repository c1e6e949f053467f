/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-agreement.h"

G_BEGIN_DECLS

#define GB_FILTER_ANY (-1)

/* Which agreements a reader wants to see: by kind, status and party. Each
 * criterion is GB_FILTER_ANY (or a NULL party) to accept everything. */
typedef struct
{
  int     kind;     /* a GbAgreementKind or GB_FILTER_ANY */
  int     status;   /* a GbAgreementStatus or GB_FILTER_ANY */
  GbItem *party;    /* (nullable) (unowned) an organisation or person */
} GbAgreementFilter;

#define GB_AGREEMENT_FILTER_INIT { GB_FILTER_ANY, GB_FILTER_ANY, NULL }

gboolean    gb_agreement_filter_match         (const GbAgreementFilter *filter,
                                               GbAgreement             *agreement);
guint       gb_agreement_filter_count         (const GbAgreementFilter *filter,
                                               GListModel              *agreements);
GPtrArray  *gb_agreement_filter_dup_parties   (GListModel              *agreements);

G_END_DECLS
