/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-dossier-loader"

#include "config.h"

#include <stdint.h>

#include "gb-dossier-loader.h"
#include "fuzz-log.h"

/* libFuzzer harness for the whole dossier loader: guard, json-glib, model.
 * Build and run with tests/fuzz/run-fuzz.sh. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *bytes = g_bytes_new_static (data, size);
  GError *error = NULL;
  GbDossier *dossier;

  dossier = gb_dossier_load_bytes (bytes, "fuzz.json", &error);

  if ((dossier == NULL) == (error == NULL))
    g_error ("a dossier and an error, or neither");
  /* The message reaches a label: it must be valid UTF-8 whatever the input. */
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    g_error ("the error message is not valid UTF-8");

  g_clear_object (&dossier);
  g_clear_error (&error);
  g_bytes_unref (bytes);

  return 0;
}
