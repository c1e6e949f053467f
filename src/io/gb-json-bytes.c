/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-json-bytes"

#include "config.h"

#include "gb-json-bytes.h"

/* The byte-level reading of JSON text that the guard (gb-json-guard.c) and the
 * locator (gb-json-locate.c) share. */

gsize
gb_json_bom_length (const guchar *data,
                    gsize         length)
{
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    return 3;
  return 0;
}

/* 1-based line and column (in characters) of a byte offset. Only '\n' ends a
 * line; a leading BOM is not a character the user can see. */
void
gb_json_position_of (const guchar *data,
                     gsize         length,
                     gsize         offset,
                     guint        *line_out,
                     guint        *column_out)
{
  gsize start = gb_json_bom_length (data, length);
  gsize line_start = start;
  guint line = 1;
  guint column = 1;

  offset = MIN (offset, length);

  for (gsize i = start; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          if (line < G_MAXUINT)
            line++;
          line_start = i + 1;
        }
    }

  for (gsize i = line_start; i < offset; i++)
    {
      if ((data[i] & 0xC0) != 0x80 && column < G_MAXUINT)
        column++;
    }

  *line_out = line;
  *column_out = column;
}

gboolean
gb_json_hex4_at (const guchar *data,
                 gsize         length,
                 gsize         pos,
                 gunichar     *out)
{
  gunichar cp = 0;

  if (pos > length || length - pos < 4)
    return FALSE;

  for (gsize i = 0; i < 4; i++)
    {
      int v = g_ascii_xdigit_value (data[pos + i]);

      if (v < 0)
        return FALSE;
      cp = (cp << 4) | (gunichar) v;
    }

  *out = cp;
  return TRUE;
}

/* Decodes the raw contents of a JSON string (between the quotes) into @out.
 * Tolerates anything: malformed escapes become U+FFFD. */
void
gb_json_unescape_append (GString      *out,
                         const guchar *raw,
                         gsize         len)
{
  gsize i = 0;

  while (i < len)
    {
      gunichar cp;
      guchar e;

      if (raw[i] != '\\')
        {
          g_string_append_c (out, (char) raw[i]);
          i++;
          continue;
        }

      if (i + 1 >= len)
        break;

      e = raw[i + 1];
      i += 2;

      switch (e)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (!gb_json_hex4_at (raw, len, i, &cp))
            {
              g_string_append_unichar (out, 0xFFFD);
              break;
            }
          i += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF)
            {
              gunichar lo;

              if (i + 1 < len && raw[i] == '\\' && raw[i + 1] == 'u' &&
                  gb_json_hex4_at (raw, len, i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
                {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                  i += 6;
                }
              else
                cp = 0xFFFD;
            }
          else if (cp >= 0xDC00 && cp <= 0xDFFF)
            cp = 0xFFFD;
          g_string_append_unichar (out, cp);
          break;
        default:
          g_string_append_c (out, (char) e);
          break;
        }
    }
}
