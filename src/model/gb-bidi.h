/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from a file joined with other text in one line keeps its direction
 * controls to itself. */
char *gb_bidi_dup_isolated (const char *text);

G_END_DECLS
