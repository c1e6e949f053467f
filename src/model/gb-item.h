/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-date.h"
#include "gb-model-enums.h"
#include "gb-text.h"
#include "gb-types.h"

G_BEGIN_DECLS

#define GB_TYPE_ITEM (gb_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (GbItem, gb_item, GB, ITEM, GObject)

struct _GbItemClass
{
  GObjectClass parent_class;

  GbItemKind kind;

  /* Items this one refers to by id (its places, people, parties, …). */
  void (*collect_references) (GbItem    *self,
                              GPtrArray *out);
  /* Points the references to @old_item at @new_item; none is required here. */
  void (*replace_reference)  (GbItem    *self,
                              GbItem    *old_item,
                              GbItem    *new_item);
  /* The sources it cites: its own, and those of entries it holds. */
  void (*collect_sources)    (GbItem    *self,
                              GPtrArray *out);
};

const char   *gb_item_get_id           (GbItem      *self);
GbItemKind    gb_item_get_kind         (GbItem      *self);
const char   *gb_item_get_title        (GbItem      *self);
GbText       *gb_item_get_title_text   (GbItem      *self);
const char   *gb_item_get_description  (GbItem      *self);
GbText       *gb_item_get_description_text (GbItem  *self);
GbSource     *gb_item_get_source       (GbItem      *self);
const char   *gb_item_get_quote        (GbItem      *self);
GbText       *gb_item_get_quote_translation (GbItem *self);
gboolean      gb_item_is_context       (GbItem      *self);
GbDate       *gb_item_get_date         (GbItem      *self);
GPtrArray    *gb_item_dup_references   (GbItem      *self);
GPtrArray    *gb_item_dup_sources      (GbItem      *self);
gboolean      gb_item_refers_to        (GbItem      *self,
                                        GbItem      *other);
void          gb_item_replace_reference (GbItem     *self,
                                        GbItem      *old_item,
                                        GbItem      *new_item);

/* Used by the loader while building the model. */
void          gb_item_set_title        (GbItem      *self,
                                        GbText      *title);
void          gb_item_set_description  (GbItem      *self,
                                        GbText      *description);
void          gb_item_set_provenance   (GbItem      *self,
                                        GbSource    *source,
                                        const char  *quote);
void          gb_item_set_date         (GbItem      *self,
                                        GbDate      *date);
void          gb_item_set_quote_translation (GbItem *self,
                                        GbText      *translation);

G_END_DECLS
