/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one place where a link that came from a data file is opened. Only
 * http and https, with a host, without user info, without invisible or
 * control characters; the host is what the reader sees first. */

#define GB_LINKS_MAX_LENGTH 4096

gboolean     gb_links_check         (const char  *uri,
                                     char       **host,
                                     GError     **error);
char        *gb_links_dup_host      (const char  *uri);
gboolean     gb_links_open          (GtkWidget   *parent,
                                     const char  *uri);
GtkWidget   *gb_links_button_new    (const char  *uri);

G_END_DECLS
