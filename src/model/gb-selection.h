/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-dossier.h"

G_BEGIN_DECLS

#define GB_TYPE_SELECTION (gb_selection_get_type ())

/* The window's one shared selection: views set it and react to
 * notify::item; they never call each other. */
G_DECLARE_FINAL_TYPE (GbSelection, gb_selection, GB, SELECTION, GObject)

GbSelection *gb_selection_new            (void);
GbDossier   *gb_selection_get_dossier    (GbSelection *self);
void         gb_selection_set_dossier    (GbSelection *self,
                                          GbDossier   *dossier);
GbItem      *gb_selection_get_item       (GbSelection *self);
void         gb_selection_set_item       (GbSelection *self,
                                          GbItem      *item);
void         gb_selection_reshow         (GbSelection *self);
gboolean     gb_selection_is_linked      (GbSelection *self,
                                          GbItem      *item);

G_END_DECLS
