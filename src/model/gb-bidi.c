/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-bidi"

#include "config.h"

#include "gb-bidi.h"

static gboolean
has_bidi_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
          c == 0x200E || c == 0x200F || c == 0x061C)
        return TRUE;
    }

  return FALSE;
}

/**
 * gb_bidi_dup_isolated:
 * @text: a string from a file, to be joined with others in one line
 *
 * A direction override in one name must not turn the rest of the line
 * around: text with bidi controls is wrapped in a first-strong isolate, whose
 * end closes whatever the text left open. Other text is returned as it is.
 *
 * Returns: (transfer full): @text, isolated if need be
 */
char *
gb_bidi_dup_isolated (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!has_bidi_controls (text))
    return g_strdup (text);

  return g_strconcat ("\u2068", text, "\u2069", NULL);
}
