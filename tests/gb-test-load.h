/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the unit tests that load dossiers from strings: the
 * loader's and the importers'. GLib only, no display. */

#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-test.h"

/* Every string is loaded under this name, which each message must start with. */
#define GB_TEST_DISPLAY_NAME "test.json"

static inline GbDossier *
gb_test_load_string (const char  *json,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gb_dossier_load_bytes (bytes, GB_TEST_DISPLAY_NAME, error);
}

/* The story the app ships with; the test fails if it does not load. */
static inline GbDossier *
gb_test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_dossier_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* The fixture tests/fixtures/@dir/@name, loaded as a file. */
static inline GbDossier *
gb_test_load_fixture_file (const char  *dir,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gb_dossier_load_file (file, NULL, error);
}

/* A file that must be refused with @code and a message holding @expect. */
typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *expect;
} GbTestRefusal;

static inline void
gb_test_refusal (gconstpointer data)
{
  const GbTestRefusal *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_test_load_string (r->json, &error);

  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, r->code);
  if (strstr (error->message, r->expect) == NULL)
    g_error ("“%s” not in message: %s", r->expect, error->message);
  /* Every message names the file. */
  g_assert_true (g_str_has_prefix (error->message, GB_TEST_DISPLAY_NAME));
}

/* Adds one test per row of @refusals, at @prefix/<name>. */
static inline void
gb_test_add_refusals (const char          *prefix,
                      const GbTestRefusal *refusals,
                      guint                n_refusals)
{
  gb_test_add_table (prefix, refusals, n_refusals, sizeof *refusals, gb_test_refusal);
}
