/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-json-path"

#include "config.h"

#include <string.h>

#include "gb-escape.h"
#include "gb-json-path.h"

/* JSON paths as messages print them: events[3].date.start. */

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (name[0]) && name[0] != '_')
    return FALSE;

  for (const char *p = name + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/**
 * gb_json_path_append_member:
 * @path: the path so far ("" for the root)
 * @name: a member name, UTF-8
 *
 * Appends a member: `.name` (bare at the root) when @name is an identifier
 * ([A-Za-z_][A-Za-z0-9_]*), else `["name"]` with `"`, `\` and control characters
 * escaped as in JSON. A name longer than %GB_ESCAPE_QUOTE_CHARS characters is
 * cut, with "…": paths are for messages, and a file's names can be megabytes.
 */
void
gb_json_path_append_member (GString    *path,
                            const char *name)
{
  g_autofree char *valid = NULL;
  const char *end;

  g_return_if_fail (path != NULL);
  g_return_if_fail (name != NULL);

  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);

  end = name + strlen (name);
  if (g_utf8_strlen (name, GB_ESCAPE_QUOTE_CHARS * 4 + 4) > GB_ESCAPE_QUOTE_CHARS)
    end = g_utf8_offset_to_pointer (name, GB_ESCAPE_QUOTE_CHARS);
  else if (is_identifier (name))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
      return;
    }

  g_string_append (path, "[\"");
  for (const char *p = name; p < end; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (path, "\\\""); break;
        case '\\': g_string_append (path, "\\\\"); break;
        case '\b': g_string_append (path, "\\b"); break;
        case '\f': g_string_append (path, "\\f"); break;
        case '\n': g_string_append (path, "\\n"); break;
        case '\r': g_string_append (path, "\\r"); break;
        case '\t': g_string_append (path, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (path, "\\u%04x", (guint) c);
          else
            g_string_append_c (path, (char) c);
          break;
        }
    }
  if (*end != '\0')
    g_string_append (path, "…");
  g_string_append (path, "\"]");
}

/**
 * gb_json_path_append_index:
 * @path: the path so far
 * @index: an array index
 *
 * Appends `[index]`.
 */
void
gb_json_path_append_index (GString *path,
                           guint    index)
{
  g_return_if_fail (path != NULL);

  g_string_append_printf (path, "[%u]", index);
}
