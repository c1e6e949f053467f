/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define GB_TYPE_TILE_SOURCE (gb_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (GbTileSource, gb_tile_source, GB, TILE_SOURCE, ShumateDataSource)

GbTileSource *gb_tile_source_new              (const char   *url_template,
                                               const char   *cache_dir);
const char   *gb_tile_source_get_url_template (GbTileSource *self);
const char   *gb_tile_source_get_cache_dir    (GbTileSource *self);
guint         gb_tile_source_get_timeout      (GbTileSource *self);
void          gb_tile_source_set_timeout      (GbTileSource *self,
                                               guint         seconds);
gboolean      gb_tile_source_get_failing      (GbTileSource *self);
gboolean      gb_tile_source_get_cache_unavailable (GbTileSource *self);
gboolean      gb_tile_source_is_storing  (GbTileSource *self);
guint         gb_tile_source_get_cache_size_limit  (GbTileSource *self);

const char   *gb_tile_source_get_user_agent   (void);
gboolean      gb_tile_source_template_is_valid (const char  *url_template);
char         *gb_tile_source_dup_default_cache_dir (void);

G_END_DECLS
