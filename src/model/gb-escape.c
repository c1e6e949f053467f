/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-escape"

#include "config.h"

#include <string.h>

#include "gb-escape.h"

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
needs_escape (gunichar      c,
              GbEscapeFlags flags)
{
  if (c == '\n')
    return (flags & GB_ESCAPE_FLAGS_KEEP_NEWLINES) == 0;
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || is_bidi_control (c);
}

/**
 * gb_escape_controls:
 * @text: text from a file, or a message holding some
 * @length: its length in bytes, or -1 if nul-terminated
 * @flags: what to keep
 *
 * Returns: (transfer full): @text safe to print on a terminal or in a log
 */
char *
gb_escape_controls (const char    *text,
                    gssize         length,
                    GbEscapeFlags  flags)
{
  GString *out;
  const char *end;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (!needs_escape (c, flags))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * gb_escape_dup_quote:
 * @text: a value from a file
 *
 * A hostile file's 1 MB id must not become a 1 MB message that a label then
 * takes half a minute to lay out.
 *
 * Returns: (transfer full): @text cut for a message
 */
char *
gb_escape_dup_quote (const char *text)
{
  const char *cut = text;
  g_autofree char *escaped = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* Count characters as the escaping counts bytes: invalid ones are one each. */
  while (*cut != '\0' && n < GB_ESCAPE_QUOTE_CHARS)
    {
      gunichar c = g_utf8_get_char_validated (cut, -1);

      cut = c == (gunichar) -1 || c == (gunichar) -2 ? cut + 1 : g_utf8_next_char (cut);
      n++;
    }

  escaped = gb_escape_controls (text, cut - text, GB_ESCAPE_FLAGS_NONE);
  if (*cut == '\0')
    return g_steal_pointer (&escaped);
  return g_strconcat (escaped, "…", NULL);
}
