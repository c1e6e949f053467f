/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GB_TYPE_APPLICATION (gb_application_get_type ())

G_DECLARE_FINAL_TYPE (GbApplication, gb_application, GB, APPLICATION, AdwApplication)

GbApplication *gb_application_new       (void);
int            gb_application_validate  (const char * const *paths,
                                         GString            *out,
                                         GString            *err);
int            gb_application_export    (const char         *format,
                                         const char         *output,
                                         const char * const *paths,
                                         GString            *out,
                                         GString            *err);

G_END_DECLS
