/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-bidi"

#include "config.h"

#include "gb-bidi.h"

#define FSI "\u2068"
#define PDI "\u2069"

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

static gboolean
is_isolate_initiator (gunichar c)
{
  return c >= 0x2066 && c <= 0x2068;   /* LRI, RLI, FSI */
}

/* Letters written right to left: Hebrew, Arabic, Syriac, Thaana, NKo and
 * the rest of their blocks, their presentation forms, and the historic
 * scripts of the SMP's RTL ranges. */
static gboolean
is_right_to_left (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
         (c >= 0x1E800 && c <= 0x1EFFF);
}

static gboolean
needs_isolating (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c) || is_right_to_left (c))
        return TRUE;
    }

  return FALSE;
}

/**
 * gb_bidi_dup_isolated:
 * @text: a string from a file, to be joined with others in one line
 *
 * A direction override in one name must not turn the rest of the line
 * around, nor right-to-left text pull its neighbours into its order: such
 * text is wrapped in a first-strong isolate. Its controls are balanced first,
 * since the closing PDI would otherwise end an isolate the text left open
 * instead of ours: a PDI with no initiator in the text is dropped, and each
 * initiator left open is closed. (The PDI ends any embedding or override the
 * text opened.) Text in left-to-right scripts alone is returned as it is.
 *
 * Returns: (transfer full): @text, isolated if need be
 */
char *
gb_bidi_dup_isolated (const char *text)
{
  GString *out;
  guint open_isolates = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!needs_isolating (text))
    return g_strdup (text);

  out = g_string_new (FSI);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_isolate_initiator (c))
        open_isolates++;
      else if (c == 0x2069 && open_isolates == 0)
        continue;
      else if (c == 0x2069)
        open_isolates--;
      g_string_append_unichar (out, c);
    }
  while (open_isolates-- > 0)
    g_string_append (out, PDI);
  g_string_append (out, PDI);

  return g_string_free (out, FALSE);
}
