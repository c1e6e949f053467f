/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-types.h"

G_BEGIN_DECLS

#define GB_TYPE_TEXT (gb_text_get_type ())

/* A translatable string: one value per language, plus an optional
 * untagged value. Immutable once built and handed to the model. */
GType        gb_text_get_type      (void) G_GNUC_CONST;
GbText      *gb_text_new           (void);
GbText      *gb_text_new_plain     (const char  *value);
GbText      *gb_text_ref           (GbText      *text);
void         gb_text_unref         (GbText      *text);
void         gb_text_set           (GbText      *text,
                                    const char  *lang,
                                    const char  *value);
const char  *gb_text_get           (const GbText *text);
const char  *gb_text_get_for_lang  (const GbText *text,
                                    const char   *lang);
const char  *gb_text_get_exact     (const GbText *text,
                                    const char   *lang);
const char  *gb_text_get_preferred (const GbText *text);
char       **gb_text_dup_langs     (const GbText *text);
gboolean     gb_text_is_empty      (const GbText *text);

void         gb_text_set_preferred_languages (const char * const *langs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GbText, gb_text_unref)

G_END_DECLS
