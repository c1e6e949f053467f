/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one rule for links that come from a data file, used by the loader, the
 * importers and the window alike: what the window would not open, the loader
 * reports and the importers drop. A safe link is http or https, has a host,
 * carries no user info ("https://good.example@evil.example/" shows one host
 * and opens another), holds no space, control (C0, C1), bidi or other
 * invisible character nor a backslash, and is at most GB_WEB_LINK_MAX_LENGTH
 * bytes long.
 *
 * Internationalised host names are allowed (sites in Kazakh or Russian use
 * them), but the host to show is always its ASCII (punycode) form, so that a
 * look-alike letter cannot pass for a known host. */

#define GB_WEB_LINK_ERROR (gb_web_link_error_quark ())
#define GB_WEB_LINK_MAX_LENGTH 4096

typedef enum
{
  GB_WEB_LINK_ERROR_EMPTY,
  GB_WEB_LINK_ERROR_TOO_LONG,
  GB_WEB_LINK_ERROR_HIDDEN_CHARACTER,
  GB_WEB_LINK_ERROR_NOT_A_LINK,
  GB_WEB_LINK_ERROR_SCHEME,
  GB_WEB_LINK_ERROR_HOST,
  GB_WEB_LINK_ERROR_USER_INFO,
} GbWebLinkError;

GQuark    gb_web_link_error_quark  (void);

gboolean  gb_web_link_check        (const char  *link,
                                    char       **host,
                                    GError     **error);

G_END_DECLS
