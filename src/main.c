/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "golden-bridge"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GbApplication) app = NULL;
  const char *localedir = g_getenv ("GOLDEN_BRIDGE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Golden Bridge"));

  app = gb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
