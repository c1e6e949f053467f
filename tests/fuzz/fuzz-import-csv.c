/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import-csv"

#include "config.h"

#include <stdint.h>

#include "gb-dossier-loader.h"
#include "gb-import.h"
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

  if ((dossier == NULL) == (error == NULL))
    g_error ("a dossier and an error, or neither");
  if (error != NULL)
    {
      if (error->domain != GB_LOAD_ERROR)
        g_error ("an error outside GB_LOAD_ERROR: %s", g_quark_to_string (error->domain));
      /* The message reaches a label: it must be valid UTF-8 whatever the input. */
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error message is not valid UTF-8");
      if (!g_str_has_prefix (error->message, "fuzz.csv"))
        g_error ("the error message does not name the file: %s", error->message);
    }
  else if (g_strcmp0 (gb_dossier_get_origin (dossier), GB_TIMELINEJS_CSV_FORMAT_NAME) != 0)
    {
      g_error ("an imported dossier whose origin is not %s", GB_TIMELINEJS_CSV_FORMAT_NAME);
    }

  return 0;
}
