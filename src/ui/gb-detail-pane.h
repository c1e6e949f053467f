/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_DETAIL_PANE (gb_detail_pane_get_type ())

/* The whole of the selected item, with its links and provenance. Shared by
 * all views; the window owns it. */
G_DECLARE_FINAL_TYPE (GbDetailPane, gb_detail_pane, GB, DETAIL_PANE, GbView)

GtkWidget   *gb_detail_pane_new            (void);
GbItem      *gb_detail_pane_get_item       (GbDetailPane *self);

G_END_DECLS
