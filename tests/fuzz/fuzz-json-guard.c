/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-json-guard"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "gb-json-guard.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"
#include "fuzz-log.h"
#include "json-paths.h"

/* libFuzzer harness for gb_json_guard_check() and gb_json_locate().
 * Build and run with tests/fuzz/run-fuzz.sh.
 *
 * Besides "does not crash", it checks the guard's promise: whatever it accepts,
 * json-glib parses into a tree with a root, valid UTF-8 strings, exact integers
 * and finite doubles, and every value in that tree is found again by
 * gb_json_locate() at the path built with gb_json_path_append_*(). */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_LOCATED 32

static const char *fixed_paths[] = {
  "", "a", "[0]", "a[0]", "events[3].date.start", "a.b.c", "[\"a b\"][1]", "[0][0][0]",
};

static gboolean
check_node_cb (JsonNode   *node,
               const char *path,
               gpointer    user_data)
{
  if (!g_utf8_validate (path, -1, NULL))
    g_error ("a path built from accepted JSON is not UTF-8");

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
            g_error ("accepted JSON gave a string that is not UTF-8");
          break;
        case G_TYPE_INT64:
          if (json_node_get_int (node) > GB_JSON_GUARD_MAX_SAFE_INTEGER ||
              json_node_get_int (node) < -GB_JSON_GUARD_MAX_SAFE_INTEGER)
            g_error ("accepted JSON gave the integer %" G_GINT64_FORMAT,
                     json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          if (!isfinite (json_node_get_double (node)))
            g_error ("accepted JSON gave a double that is not finite");
          break;
        default:
          break;
        }
    }

  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  GbJsonGuardProblem problem = GB_JSON_GUARD_PROBLEM_INIT;
  GbJsonGuardLimits tight = { 3, 256 };
  GError *error = NULL;
  const char *newline;
  gboolean ok;

  ok = gb_json_guard_check (text, size, NULL, &problem, &error);
  if (ok == (error != NULL))
    g_error ("the result and the error disagree");
  if (!ok)
    {
      if (error->domain != GB_JSON_GUARD_ERROR || !g_utf8_validate (error->message, -1, NULL))
        g_error ("bad error");
      if (problem.path != NULL && !g_utf8_validate (problem.path, -1, NULL))
        g_error ("the problem path is not UTF-8");
      if (problem.line > 0 && problem.column == 0)
        g_error ("a line without a column");
    }
  g_clear_error (&error);
  gb_json_guard_problem_clear (&problem);

  /* Tight limits take other paths through the code. */
  gb_json_guard_check (text, size, &tight, &problem, NULL);
  gb_json_guard_problem_clear (&problem);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_paths); i++)
    gb_json_locate (text, size, fixed_paths[i], NULL, NULL);

  /* The first line as a path, the rest as the document. */
  newline = memchr (text, '\n', MIN (size, 128));
  if (newline != NULL)
    {
      char *path = g_strndup (text, newline - text);
      guint line, column;

      gb_json_locate (newline + 1, size - (newline + 1 - text), path, &line, &column);
      g_free (path);
    }

  if (ok)
    {
      JsonParser *parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, text, size, &error))
        {
          JsonNode *root = json_parser_get_root (parser);
          if (root == NULL)
            g_error ("accepted JSON gave no root");
          json_foreach_path (root, check_node_cb, NULL);
          json_assert_paths_located (text, size, root, MAX_LOCATED);
        }
      /* json-glib rejecting strict JSON is not unsafe; the loader reports it. */
      g_clear_error (&error);
      g_object_unref (parser);
    }

  return 0;
}
