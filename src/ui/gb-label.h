/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  gb_label_set_story_text (GtkLabel   *label,
                               const char *text);

G_END_DECLS
