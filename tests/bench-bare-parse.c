/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-parse FILE: the `--validate` baseline of tests/bench-startup.c. json-glib's
 * json_parser_load_from_mapped_file() of FILE and nothing else: the floor any loader
 * built on json-glib stands on. */
#define G_LOG_DOMAIN "bench-bare-parse"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!json_parser_load_from_mapped_file (parser, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }

  g_print ("%s: parsed\n", argv[1]);
  return EXIT_SUCCESS;
}
