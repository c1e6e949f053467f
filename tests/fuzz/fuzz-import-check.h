/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-dossier-loader.h"

/* What every importer harness asks of the result, as the window relies on
 * it: a dossier or an error, never both or neither; an error of
 * GB_LOAD_ERROR whose message, shown in a label, is valid UTF-8 and (with
 * @name) starts with the file's name; a dossier that says which format it
 * came from. */
static inline void
fuzz_check_import (GbDossier    *dossier,
                   const GError *error,
                   const char   *name,
                   const char   *origin)
{
  if ((dossier == NULL) == (error == NULL))
    g_error ("a dossier and an error, or neither");
  if (error != NULL)
    {
      if (error->domain != GB_LOAD_ERROR)
        g_error ("an error outside GB_LOAD_ERROR: %s", g_quark_to_string (error->domain));
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error message is not valid UTF-8");
      if (name != NULL && !g_str_has_prefix (error->message, name))
        g_error ("the error message does not name the file: %s", error->message);
    }
  else if (g_strcmp0 (gb_dossier_get_origin (dossier), origin) != 0)
    {
      g_error ("an imported dossier whose origin is not %s", origin);
    }
  else
    {
      const char *skipped = NULL;

      /* Events left out are said to be, as an error would be. */
      if (gb_dossier_get_skipped (dossier, &skipped) > 0
          && (skipped == NULL || !g_utf8_validate (skipped, -1, NULL)
              || (name != NULL && !g_str_has_prefix (skipped, name))))
        g_error ("events left out without a message naming the file");
      if (g_list_model_get_n_items (gb_dossier_get_events (dossier)) == 0 && skipped != NULL)
        g_error ("every event left out, and the file opened");
    }
}
