/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-json-guard"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gb-escape.h"
#include "gb-json-bytes.h"
#include "gb-json-guard.h"
#include "gb-json-path.h"

/* The checker is a state machine over one pass of the bytes. The memory it
 * holds is one small Frame per open container, and the number of frames is
 * bounded by max_depth (itself capped), so hostile nesting costs nothing; an
 * object's frame also holds its member names while it is open, to refuse a
 * name given twice (json-glib would keep one silently). */

typedef enum
{
  KIND_ARRAY,
  KIND_OBJECT,
} FrameKind;

typedef struct
{
  guint8 kind;
  guint8 has_key;
  guint  index;         /* arrays: the element being scanned or last scanned */
  gsize  open_offset;   /* the '[' or '{' */
  gsize  key_start;     /* objects: the current member name, raw (escaped) */
  gsize  key_len;
  GHashTable *keys;     /* objects: member name (unescaped) → offset; made on the second */
} Frame;

typedef enum
{
  STATE_VALUE,          /* the root value, or after ':' */
  STATE_FIRST_ELEMENT,  /* after '[' */
  STATE_NEXT_ELEMENT,   /* after ',' in an array */
  STATE_FIRST_KEY,      /* after '{' */
  STATE_NEXT_KEY,       /* after ',' in an object */
  STATE_COLON,
  STATE_AFTER_VALUE,
  STATE_END,
} State;

typedef struct
{
  const guchar        *data;
  gsize                length;
  guint                max_depth;
  Frame               *frames;
  guint                depth;
  State                state;
  GbJsonGuardProblem  *problem;
  GError             **error;
} Guard;

/* Longest piece of the input quoted back in a message. */
#define TOKEN_DISPLAY_MAX 40

G_DEFINE_QUARK (gb-json-guard-error-quark, gb_json_guard_error)

static inline gboolean
is_word_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

/* Length of the well-formed UTF-8 sequence at @p (no overlongs, surrogates or
 * code points beyond U+10FFFF), or 0. */
static gsize
utf8_sequence_length (const guchar *p,
                      gsize         avail)
{
  gunichar cp;
  gunichar min;
  gsize n;

  if (p[0] < 0x80)
    return 1;
  else if ((p[0] & 0xE0) == 0xC0)
    n = 2, cp = p[0] & 0x1F, min = 0x80;
  else if ((p[0] & 0xF0) == 0xE0)
    n = 3, cp = p[0] & 0x0F, min = 0x800;
  else if ((p[0] & 0xF8) == 0xF0)
    n = 4, cp = p[0] & 0x07, min = 0x10000;
  else
    return 0;

  if (avail < n)
    return 0;

  for (gsize i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (p[i] & 0x3F);
    }

  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;

  return n;
}

/* A short, printable copy of the word or number starting at @start. */
static char *
token_display (const guchar *data,
               gsize         length,
               gsize         start)
{
  gsize end = start;

  while (end < length && (is_word_char (data[end]) || data[end] == '.' ||
                          data[end] == '+' || data[end] == '-'))
    end++;

  if (end - start > TOKEN_DISPLAY_MAX)
    return g_strdup_printf ("%.*s…", TOKEN_DISPLAY_MAX, (const char *) data + start);

  return g_strndup ((const char *) data + start, end - start);
}

static char *
guard_build_path (Guard    *g,
                  gboolean  include_current)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < g->depth; i++)
    {
      const Frame *f = &g->frames[i];

      if (i + 1 == g->depth && !include_current)
        break;

      if (f->kind == KIND_ARRAY)
        {
          gb_json_path_append_index (path, f->index);
        }
      else if (f->has_key)
        {
          g_string_truncate (name, 0);
          gb_json_unescape_append (name, g->data + f->key_start, f->key_len);
          gb_json_path_append_member (path, name->str);
        }
      else
        break;
    }

  if (path->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
set_problem (GbJsonGuardProblem *problem,
             guint               line,
             guint               column,
             gsize               offset,
             char               *path)
{
  if (problem == NULL)
    {
      g_free (path);
      return;
    }

  problem->line = line;
  problem->column = column;
  problem->offset = offset;
  g_clear_pointer (&problem->path, g_free);
  problem->path = path;
}

/* Always returns FALSE, so callers can `return guard_fail (…)`. */
G_GNUC_PRINTF (5, 6)
static gboolean
guard_fail (Guard            *g,
            gsize             offset,
            gboolean          include_current,
            GbJsonGuardError  code,
            const char       *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (g->error, GB_JSON_GUARD_ERROR, code, message);

  if (g->problem != NULL)
    {
      guint line, column;

      gb_json_position_of (g->data, g->length, offset, &line, &column);
      set_problem (g->problem, line, column, offset,
                   guard_build_path (g, include_current));
    }

  return FALSE;
}

static gboolean
guard_fail_encoding (Guard    *g,
                     gsize     offset,
                     gboolean  include_current)
{
  return guard_fail (g, offset, include_current, GB_JSON_GUARD_ERROR_ENCODING,
                     _("The text is not valid UTF-8 (byte 0x%02X at byte offset %lu); save "
                       "the file with the UTF-8 encoding"),
                     g->data[offset], (unsigned long) offset);
}

/* @expected completes "expected …". */
static gboolean
guard_fail_unexpected (Guard      *g,
                       gsize       pos,
                       gboolean    include_current,
                       const char *expected)
{
  guchar c;

  if (pos >= g->length)
    return guard_fail (g, pos, include_current, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("Unexpected end of the file; expected %s"), expected);

  c = g->data[pos];

  if (c >= 0x80)
    {
      gsize n = utf8_sequence_length (g->data + pos, g->length - pos);

      if (n == 0)
        return guard_fail_encoding (g, pos, include_current);

      return guard_fail (g, pos, include_current, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("Unexpected “%.*s”; expected %s"),
                         (int) n, (const char *) g->data + pos, expected);
    }

  if (c < 0x20 || c == 0x7F)
    return guard_fail (g, pos, include_current, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("Unexpected control character U+%04X; expected %s"),
                       (guint) c, expected);

  return guard_fail (g, pos, include_current, GB_JSON_GUARD_ERROR_SYNTAX,
                     _("Unexpected “%c”; expected %s"), c, expected);
}

static void
guard_value_done (Guard *g)
{
  g->state = g->depth == 0 ? STATE_END : STATE_AFTER_VALUE;
}

/* Closes the innermost container, or reports a bracket of the wrong kind. */
static gboolean
guard_close (Guard  *g,
             gsize   pos,
             guchar  c)
{
  FrameKind kind = c == ']' ? KIND_ARRAY : KIND_OBJECT;
  const Frame *top;

  g_assert (g->depth > 0);
  top = &g->frames[g->depth - 1];

  if (top->kind != kind)
    {
      guint line, column;

      gb_json_position_of (g->data, g->length, top->open_offset, &line, &column);
      return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("“%c” does not match the “%c” opened at line %u, column %u"),
                         c, top->kind == KIND_ARRAY ? '[' : '{', line, column);
    }

  g_clear_pointer (&g->frames[g->depth - 1].keys, g_hash_table_unref);
  g->depth--;
  guard_value_done (g);
  return TRUE;
}

/* The member name just scanned, at @key_start: refused if the object has it. */
static gboolean
guard_check_key (Guard *g,
                 Frame *top)
{
  g_autoptr(GString) name = g_string_new (NULL);
  gpointer first;

  gb_json_unescape_append (name, g->data + top->key_start, top->key_len);
  if (top->keys == NULL)
    top->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_lookup_extended (top->keys, name->str, NULL, &first))
    {
      guint first_line, first_column, line, column;
      g_autofree char *shown = gb_escape_dup_quote (name->str);

      gb_json_position_of (g->data, g->length, GPOINTER_TO_SIZE (first), &first_line,
                           &first_column);
      gb_json_position_of (g->data, g->length, top->key_start, &line, &column);
      return guard_fail (g, top->key_start - 1, TRUE, GB_JSON_GUARD_ERROR_DUPLICATE,
                         _("The member “%s” is given twice in one object, at line %u and "
                           "again at line %u: keep one of them"),
                         shown, first_line, line);
    }

  g_hash_table_insert (top->keys, g_string_free (g_steal_pointer (&name), FALSE),
                       GSIZE_TO_POINTER (top->key_start - 1));
  return TRUE;
}

static gboolean
guard_fail_trailing (Guard *g,
                     gsize  pos)
{
  return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                     _("Unexpected text after the end of the JSON data: a file holds "
                       "exactly one value (one object, for a dossier)"));
}

/* A ']' or '}' in any state. */
static gboolean
guard_closer (Guard  *g,
              gsize   pos,
              guchar  c)
{
  FrameKind kind = c == ']' ? KIND_ARRAY : KIND_OBJECT;

  switch (g->state)
    {
    case STATE_FIRST_ELEMENT:
    case STATE_FIRST_KEY:
    case STATE_AFTER_VALUE:
      return guard_close (g, pos, c);

    case STATE_NEXT_ELEMENT:
    case STATE_NEXT_KEY:
      if (g->frames[g->depth - 1].kind == kind)
        return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                           _("A comma may not come right before “%c”: remove the trailing "
                             "comma"), c);
      return guard_close (g, pos, c);

    case STATE_VALUE:
      if (g->depth > 0)
        return guard_fail (g, pos, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                           _("A value is missing after “:”"));
      return guard_fail_unexpected (g, pos, TRUE, _("a value"));

    case STATE_COLON:
      return guard_fail_unexpected (g, pos, TRUE, _("“:” after the member name"));

    case STATE_END:
    default:
      return guard_fail_trailing (g, pos);
    }
}

static gboolean
guard_scan_string (Guard    *g,
                   gsize    *pos,
                   gboolean  is_key)
{
  const guchar *d = g->data;
  gsize len = g->length;
  gsize start = *pos;
  gsize p = start + 1;
  gboolean inc = !is_key;

  for (;;)
    {
      guchar c;

      if (p >= len)
        return guard_fail (g, start, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                           is_key ? _("The member name is never closed: its closing \" is missing")
                                  : _("The string is never closed: its closing \" is missing"));

      c = d[p];

      if (c == '"')
        {
          *pos = p + 1;
          return TRUE;
        }

      if (c == '\\')
        {
          gunichar cp;
          guchar e;

          if (p + 1 >= len)
            {
              p++;
              continue;
            }

          e = d[p + 1];
          switch (e)
            {
            case '"': case '\\': case '/':
            case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              if (!gb_json_hex4_at (d, len, p + 2, &cp))
                return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                                   _("A \\u escape must be followed by four hexadecimal digits"));

              if (cp == 0)
                return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_NUL,
                                   is_key
                                   ? _("Member names may not contain \\u0000 (a NUL character)")
                                   : _("Strings may not contain \\u0000 (a NUL character)"));

              if (cp >= 0xDC00 && cp <= 0xDFFF)
                return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_ENCODING,
                                   _("The escape \\u%04X is the second half of a surrogate pair, "
                                     "but the first half is missing"), cp);

              if (cp >= 0xD800 && cp <= 0xDBFF)
                {
                  gunichar lo;

                  if (!(p + 7 < len && d[p + 6] == '\\' && d[p + 7] == 'u' &&
                        gb_json_hex4_at (d, len, p + 8, &lo) && lo >= 0xDC00 && lo <= 0xDFFF))
                    return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_ENCODING,
                                       _("The escape \\u%04X is the first half of a surrogate "
                                         "pair, but the second half is missing"), cp);
                  p += 12;
                }
              else
                p += 6;
              break;

            default:
              if (e >= 0x20 && e < 0x7F)
                return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                                   _("Invalid escape “\\%c”; the valid escapes are \\\" \\\\ \\/ "
                                     "\\b \\f \\n \\r \\t and \\uXXXX"), e);
              return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                                 _("A backslash in a string must start an escape such as \\n, "
                                   "\\\" or \\\\"));
            }
          continue;
        }

      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                               _("Line break inside a string: the closing \" may be missing "
                                 "(a line break in a string is written \\n)"));
          if (c == '\t')
            return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                               _("Tab character inside a string (write it as \\t)"));
          return guard_fail (g, p, inc, GB_JSON_GUARD_ERROR_SYNTAX,
                             _("Control character U+%04X inside a string (write it as \\u%04X)"),
                             (guint) c, (guint) c);
        }

      if (c >= 0x80)
        {
          gsize n = utf8_sequence_length (d + p, len - p);

          if (n == 0)
            return guard_fail_encoding (g, p, inc);
          p += n;
          continue;
        }

      p++;
    }
}

static gboolean
guard_scan_number (Guard *g,
                   gsize *pos)
{
  const guchar *d = g->data;
  gsize len = g->length;
  gsize start = *pos;
  gsize p = start;
  gboolean integer = TRUE;
  g_autofree char *token = NULL;

  if (d[p] == '-')
    p++;

  if (p < len && g_ascii_isalpha (d[p]))
    {
      token = token_display (d, len, start);
      return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("“%s” is not a valid JSON value: JSON has no NaN or Infinity"),
                         token);
    }

  if (p >= len || !g_ascii_isdigit (d[p]))
    return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("A minus sign must be followed by a digit"));

  if (d[p] == '0')
    {
      p++;
      if (p < len && g_ascii_isdigit (d[p]))
        {
          token = token_display (d, len, start);
          return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                             _("The number “%s” starts with a zero; JSON numbers have no "
                               "leading zeros"), token);
        }
    }
  else
    {
      while (p < len && g_ascii_isdigit (d[p]))
        p++;
    }

  if (p < len && d[p] == '.')
    {
      integer = FALSE;
      p++;
      if (p >= len || !g_ascii_isdigit (d[p]))
        return guard_fail (g, p, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                           _("A digit must follow the decimal point (write 1.0, not 1.)"));
      while (p < len && g_ascii_isdigit (d[p]))
        p++;
    }

  if (p < len && (d[p] == 'e' || d[p] == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < len && (d[p] == '+' || d[p] == '-'))
        p++;
      if (p >= len || !g_ascii_isdigit (d[p]))
        return guard_fail (g, p, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                           _("The exponent of a number must have digits"));
      while (p < len && g_ascii_isdigit (d[p]))
        p++;
    }

  if (p < len && (is_word_char (d[p]) || d[p] == '.'))
    {
      token = token_display (d, len, start);
      return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("“%s” is not a valid JSON number"), token);
    }

  if (integer)
    {
      static const char limit[] = "9007199254740992";
      gsize digits = start + (d[start] == '-' ? 1 : 0);
      gsize n = p - digits;

      if (n > strlen (limit) ||
          (n == strlen (limit) && memcmp (d + digits, limit, n) > 0))
        {
          token = token_display (d, len, start);
          return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_NUMBER,
                             _("The integer %s is out of range: integers must lie between "
                               "-9007199254740992 and 9007199254740992 (2^53) to be exact"),
                             token);
        }
    }
  else
    {
      char buf[64];
      g_autofree char *copy = NULL;
      const char *text;
      gsize n = p - start;
      double value;

      if (n < sizeof buf)
        {
          memcpy (buf, d + start, n);
          buf[n] = '\0';
          text = buf;
        }
      else
        text = copy = g_strndup ((const char *) d + start, n);

      value = g_ascii_strtod (text, NULL);
      if (!isfinite (value))
        {
          token = token_display (d, len, start);
          return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_NUMBER,
                             _("The number %s is too large: it is beyond the range of a "
                               "double-precision number"), token);
        }
    }

  *pos = p;
  return TRUE;
}

static gboolean
guard_scan_word (Guard *g,
                 gsize *pos)
{
  const guchar *d = g->data;
  gsize start = *pos;
  gsize p = start;
  gsize n;
  g_autofree char *token = NULL;

  while (p < g->length && is_word_char (d[p]))
    p++;
  n = p - start;

  if ((n == 4 && memcmp (d + start, "true", 4) == 0) ||
      (n == 5 && memcmp (d + start, "false", 5) == 0) ||
      (n == 4 && memcmp (d + start, "null", 4) == 0))
    {
      *pos = p;
      return TRUE;
    }

  token = token_display (d, g->length, start);

  if (g_ascii_strcasecmp (token, "true") == 0 ||
      g_ascii_strcasecmp (token, "false") == 0 ||
      g_ascii_strcasecmp (token, "null") == 0)
    return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("Unknown word “%s”: JSON writes true, false and null in lower case"),
                       token);

  if (g_ascii_strcasecmp (token, "nan") == 0 ||
      g_ascii_strcasecmp (token, "infinity") == 0 ||
      g_ascii_strcasecmp (token, "inf") == 0)
    return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("“%s” is not a valid JSON value: JSON has no NaN or Infinity"),
                       token);

  return guard_fail (g, start, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                     _("Unexpected word “%s”: text must be a string in double quotes, "
                       "and the only bare words are true, false and null"), token);
}

static gboolean
guard_scan_value (Guard *g,
                  gsize *pos)
{
  const guchar *d = g->data;
  gsize p = *pos;
  guchar c = d[p];

  if (c == '[' || c == '{')
    {
      Frame *f;

      if (g->depth >= g->max_depth)
        return guard_fail (g, p, TRUE, GB_JSON_GUARD_ERROR_DEPTH,
                           ngettext ("The data is nested too deeply: more than %u level of "
                                     "arrays and objects inside each other",
                                     "The data is nested too deeply: more than %u levels of "
                                     "arrays and objects inside each other",
                                     g->max_depth),
                           g->max_depth);

      f = &g->frames[g->depth++];
      f->kind = c == '[' ? KIND_ARRAY : KIND_OBJECT;
      f->has_key = FALSE;
      f->index = 0;
      f->open_offset = p;
      f->key_start = 0;
      f->key_len = 0;
      f->keys = NULL;
      g->state = c == '[' ? STATE_FIRST_ELEMENT : STATE_FIRST_KEY;
      *pos = p + 1;
      return TRUE;
    }

  if (c == '"')
    {
      if (!guard_scan_string (g, pos, FALSE))
        return FALSE;
    }
  else if (c == '-' || g_ascii_isdigit (c))
    {
      if (!guard_scan_number (g, pos))
        return FALSE;
    }
  else if (g_ascii_isalpha (c) || c == '_' || c == '$')
    {
      if (!guard_scan_word (g, pos))
        return FALSE;
    }
  else if (c == '\'')
    {
      return guard_fail (g, p, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("Strings must be in double quotes, not single quotes"));
    }
  else if (c == '.' && p + 1 < g->length && g_ascii_isdigit (d[p + 1]))
    {
      return guard_fail (g, p, TRUE, GB_JSON_GUARD_ERROR_SYNTAX,
                         _("A number must start with a digit (write 0.5, not .5)"));
    }
  else
    {
      return guard_fail_unexpected (g, p, TRUE, _("a value"));
    }

  guard_value_done (g);
  return TRUE;
}

static gboolean
guard_at_end (Guard *g,
              gsize  pos)
{
  const Frame *top;
  guint line, column;

  if (g->state == STATE_END)
    return TRUE;

  /* Input with no value at all was refused as empty before the scan. */
  g_assert (g->depth > 0);
  top = &g->frames[g->depth - 1];
  gb_json_position_of (g->data, g->length, top->open_offset, &line, &column);

  if (top->kind == KIND_ARRAY)
    return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                       _("The file ends before the array opened at line %u, column %u is "
                         "closed with “]”"), line, column);

  return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                     _("The file ends before the object opened at line %u, column %u is "
                       "closed with “}”"), line, column);
}

static gboolean
guard_run (Guard *g,
           gsize  pos)
{
  const guchar *d = g->data;
  gsize len = g->length;

  g->state = STATE_VALUE;
  g->depth = 0;

  for (;;)
    {
      Frame *top;
      guchar c;

      while (pos < len && gb_json_is_space (d[pos]))
        pos++;

      if (pos >= len)
        return guard_at_end (g, pos);

      c = d[pos];
      top = g->depth > 0 ? &g->frames[g->depth - 1] : NULL;

      if (c == '/')
        return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                           _("Comments are not allowed in JSON"));

      if (c == ']' || c == '}')
        {
          if (!guard_closer (g, pos, c))
            return FALSE;
          pos++;
          continue;
        }

      switch (g->state)
        {
        case STATE_VALUE:
        case STATE_FIRST_ELEMENT:
        case STATE_NEXT_ELEMENT:
          if (!guard_scan_value (g, &pos))
            return FALSE;
          break;

        case STATE_FIRST_KEY:
        case STATE_NEXT_KEY:
          if (c == '"')
            {
              gsize key_start = pos + 1;

              if (!guard_scan_string (g, &pos, TRUE))
                return FALSE;
              top->key_start = key_start;
              top->key_len = pos - 1 - key_start;
              top->has_key = TRUE;
              if (!guard_check_key (g, top))
                return FALSE;
              g->state = STATE_COLON;
            }
          else if (c == '\'')
            return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                               _("Member names must be in double quotes, not single quotes"));
          else if (g_ascii_isalpha (c) || c == '_' || c == '$')
            return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                               _("Member names must be in double quotes"));
          else
            return guard_fail_unexpected (g, pos, FALSE, _("a member name in double quotes"));
          break;

        case STATE_COLON:
          if (c != ':')
            return guard_fail_unexpected (g, pos, TRUE, _("“:” after the member name"));
          pos++;
          g->state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
          if (c == ',')
            {
              pos++;
              if (top->kind == KIND_ARRAY)
                {
                  if (top->index < G_MAXUINT)
                    top->index++;
                  g->state = STATE_NEXT_ELEMENT;
                }
              else
                {
                  top->has_key = FALSE;
                  g->state = STATE_NEXT_KEY;
                }
            }
          else if (c == '"' || c == '[' || c == '{' || c == '-' || g_ascii_isdigit (c) ||
                   g_ascii_isalpha (c))
            return guard_fail (g, pos, FALSE, GB_JSON_GUARD_ERROR_SYNTAX,
                               top->kind == KIND_ARRAY
                               ? _("Expected “,” or “]” here: is a comma missing before this "
                                   "value?")
                               : _("Expected “,” or “}” here: is a comma missing before this "
                                   "member?"));
          else
            return guard_fail_unexpected (g, pos, FALSE,
                                          top->kind == KIND_ARRAY
                                          ? _("“,” or “]” after an array element")
                                          : _("“,” or “}” after an object member"));
          break;

        case STATE_END:
        default:
          return guard_fail_trailing (g, pos);
        }
    }
}

/* UTF-16 text that is mostly ASCII has a NUL in every other byte. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length)
{
  if (length < 2)
    return FALSE;

  if (data[0] == 0 && data[1] >= 0x09 && data[1] < 0x7F)
    return TRUE;
  if (data[1] == 0 && data[0] >= 0x09 && data[0] < 0x7F)
    return TRUE;

  return FALSE;
}

/**
 * gb_json_guard_problem_clear:
 * @problem: a problem
 *
 * Frees the path of @problem and resets it to GB_JSON_GUARD_PROBLEM_INIT.
 */
void
gb_json_guard_problem_clear (GbJsonGuardProblem *problem)
{
  g_return_if_fail (problem != NULL);

  g_clear_pointer (&problem->path, g_free);
  problem->line = 0;
  problem->column = 0;
  problem->offset = 0;
}

/**
 * gb_json_guard_check:
 * @data: the bytes of the file (need not be NUL-terminated)
 * @length: the number of bytes in @data
 * @limits: (nullable): limits, or %NULL for the defaults
 * @problem_out: (nullable): where the problem is, filled only on failure; must be
 *   initialised with GB_JSON_GUARD_PROBLEM_INIT
 * @error: return location for a #GB_JSON_GUARD_ERROR
 *
 * Checks that @data is strict JSON that json-glib 1.6 can be trusted with: valid
 * UTF-8 (a BOM is allowed), not empty, no NUL byte or \u0000 escape, nesting
 * at most max_depth deep, integers within ±2^53, all numbers finite, no larger
 * than max_size. Linear in @length, not recursive, and allocates at most one
 * small frame per nesting level allowed.
 *
 * The error message is a sentence for the user; it does not repeat the file
 * name nor the line and column, which are in @problem_out.
 *
 * Returns: %TRUE if @data may be handed to JsonParser
 */
gboolean
gb_json_guard_check (const char               *data,
                     gsize                     length,
                     const GbJsonGuardLimits  *limits,
                     GbJsonGuardProblem       *problem_out,
                     GError                  **error)
{
  const guchar *d = (const guchar *) data;
  gsize max_size = GB_JSON_GUARD_DEFAULT_MAX_SIZE;
  guint max_depth = GB_JSON_GUARD_DEFAULT_MAX_DEPTH;
  const guchar *nul;
  Guard g = { 0, };
  gsize pos;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (limits != NULL && limits->max_size > 0)
    max_size = limits->max_size;
  if (limits != NULL && limits->max_depth > 0)
    max_depth = MIN (limits->max_depth, GB_JSON_GUARD_MAX_DEPTH_CAP);

  g.data = d;
  g.length = length;
  g.max_depth = max_depth;
  g.problem = problem_out;
  g.error = error;

  if (length > max_size)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_TOO_LARGE,
                   _("The file is too large (%s); the limit is %s"), size, limit);
      set_problem (problem_out, 0, 0, 0, NULL);
      return FALSE;
    }

  if (length >= 4 && ((d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0) ||
                      (d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)))
    return guard_fail (&g, 0, FALSE, GB_JSON_GUARD_ERROR_ENCODING,
                       _("The file is encoded as UTF-32, not UTF-8; save it with the UTF-8 "
                         "encoding"));

  if (length >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
    return guard_fail (&g, 0, FALSE, GB_JSON_GUARD_ERROR_ENCODING,
                       _("The file is encoded as UTF-16, not UTF-8; save it with the UTF-8 "
                         "encoding"));

  /* A binary file is best called that, whatever else is wrong with it. */
  nul = length > 0 ? memchr (d, 0, length) : NULL;
  if (nul != NULL)
    {
      if (looks_like_utf16 (d, length))
        return guard_fail (&g, 0, FALSE, GB_JSON_GUARD_ERROR_ENCODING,
                           _("The file seems to be encoded as UTF-16, not UTF-8; save it with "
                             "the UTF-8 encoding"));

      return guard_fail (&g, nul - d, FALSE, GB_JSON_GUARD_ERROR_NUL,
                         _("This is not a text file: it contains a NUL byte (at byte offset "
                           "%lu); it may be a binary file"),
                         (unsigned long) (nul - d));
    }

  pos = gb_json_bom_length (d, length);
  while (pos < length && gb_json_is_space (d[pos]))
    pos++;

  if (pos >= length)
    {
      if (length > gb_json_bom_length (d, length))
        g_set_error_literal (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_EMPTY,
                             _("The file is empty: it holds only spaces and line breaks"));
      else
        g_set_error_literal (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_EMPTY,
                             _("The file is empty"));
      set_problem (problem_out, 0, 0, 0, NULL);
      return FALSE;
    }

  g.frames = g_new (Frame, max_depth);
  ok = guard_run (&g, pos);
  /* A failure leaves containers open. */
  for (guint i = 0; i < g.depth; i++)
    g_clear_pointer (&g.frames[i].keys, g_hash_table_unref);
  g_free (g.frames);

  return ok;
}
