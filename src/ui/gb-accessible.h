/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a screen reader hears, where GTK 4.8 and libadwaita 1.2 get it
 * wrong. */

void         gb_accessible_name_buttons   (GtkWidget   *widget);

G_END_DECLS
