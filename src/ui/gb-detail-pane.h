/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-selection.h"

G_BEGIN_DECLS

#define GB_TYPE_DETAIL_PANE (gb_detail_pane_get_type ())

/* The whole of the selected item, with its links and provenance. Shared by
 * all views; the window owns it. */
G_DECLARE_FINAL_TYPE (GbDetailPane, gb_detail_pane, GB, DETAIL_PANE, GtkWidget)

GtkWidget   *gb_detail_pane_new            (void);
GbSelection *gb_detail_pane_get_selection  (GbDetailPane *self);
void         gb_detail_pane_set_selection  (GbDetailPane *self,
                                            GbSelection  *selection);
GbItem      *gb_detail_pane_get_item       (GbDetailPane *self);

G_END_DECLS
