/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdint.h>

#include "gb-dossier-loader.h"
#include "gb-import.h"
#include "gb-json-guard.h"
#include "fuzz-import-check.h"
#include "fuzz-log.h"

/* libFuzzer harness for one Knight Lab importer, called the way the loader
 * calls it: on bytes that passed the JSON guard, parsed into an object that
 * has the importer's top-level member. Built twice by tests/fuzz/run-fuzz.sh,
 * with FUZZ_IMPORT_TIMELINEJS or FUZZ_IMPORT_STORYMAP defined. */

#if defined(FUZZ_IMPORT_TIMELINEJS)
# define IMPORT_MEMBER "events"
# define IMPORT_FORMAT GB_TIMELINEJS_FORMAT_NAME
#elif defined(FUZZ_IMPORT_STORYMAP)
# define IMPORT_MEMBER "storymap"
# define IMPORT_FORMAT GB_STORYMAP_FORMAT_NAME
#else
# error "define FUZZ_IMPORT_TIMELINEJS or FUZZ_IMPORT_STORYMAP"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GbJsonGuardLimits limits = { .max_depth = GB_DOSSIER_MAX_DEPTH,
                               .max_size = GB_DOSSIER_MAX_FILE_SIZE };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = (const char *) data;
  JsonNode *root;

  if (size == 0 || !gb_json_guard_check (text, size, &limits, NULL, NULL))
    return 0;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), IMPORT_MEMBER))
    return 0;

  dossier = gb_import_knight_lab (json_node_get_object (root), text, size, "fuzz.json", &error);

  fuzz_check_import (dossier, error, NULL, IMPORT_FORMAT);

  return 0;
}
