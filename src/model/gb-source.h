/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_SOURCE (gb_source_get_type ())

G_DECLARE_FINAL_TYPE (GbSource, gb_source, GB, SOURCE, GbItem)

GbSource     *gb_source_new            (const char   *id,
                                        GbSourceKind  kind);
GbSourceKind  gb_source_get_source_kind (GbSource    *self);
const char   *gb_source_get_publisher  (GbSource     *self);
void          gb_source_set_publisher  (GbSource     *self,
                                        const char   *publisher);
const char   *gb_source_get_url        (GbSource     *self);
void          gb_source_set_url        (GbSource     *self,
                                        const char   *url);
const char   *gb_source_get_text       (GbSource     *self);
void          gb_source_set_text       (GbSource     *self,
                                        const char   *text);

G_END_DECLS
