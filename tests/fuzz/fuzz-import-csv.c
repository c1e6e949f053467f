/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import-csv"

#include "config.h"

#include <stdint.h>

#include "gb-dossier-loader.h"
#include "gb-import.h"
#include "fuzz-import-check.h"
#include "fuzz-log.h"

/* libFuzzer harness for the TimelineJS spreadsheet importer, called as the
 * loader calls it for a .csv file: on any bytes at all. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GbDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;

  dossier = gb_import_timelinejs_csv ((const char *) data, size, "fuzz.csv", &error);

  /* The loader puts the file's name before every message of the importer's. */
  fuzz_check_import (dossier, error, "fuzz.csv", GB_TIMELINEJS_CSV_FORMAT_NAME);

  return 0;
}
