/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-dossier.h"
#include "gb-view.h"

G_BEGIN_DECLS

#define GB_TYPE_MAP_VIEW (gb_map_view_get_type ())

G_DECLARE_FINAL_TYPE (GbMapView, gb_map_view, GB, MAP_VIEW, GbView)

GtkWidget   *gb_map_view_new            (void);
void         gb_map_view_fit_story      (GbMapView   *self);

G_END_DECLS
