/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one place where a link that came from a data file is opened: only
 * the links gb_web_link_check() allows; the host is what the reader sees
 * first. */

char        *gb_links_dup_host      (const char  *uri);
gboolean     gb_links_open          (GtkWidget   *parent,
                                     const char  *uri);
GtkWidget   *gb_links_button_new    (const char  *uri);

G_END_DECLS
