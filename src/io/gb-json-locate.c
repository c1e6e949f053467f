/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-json-locate"

#include "config.h"

#include <string.h>

#include "gb-json-bytes.h"
#include "gb-json-locate.h"

/* Finding a value's line and column from its JSON path, for messages about a
 * file that was parsed without positions. */

typedef enum
{
  KIND_ARRAY,
  KIND_OBJECT,
} FrameKind;

typedef struct
{
  gboolean  is_index;
  guint     index;
  char     *name;
  gsize     name_len;
  gboolean  prefix;    /* a long name the path cut: "…" matches the rest */
} PathComponent;

static void
path_component_clear (gpointer data)
{
  PathComponent *comp = data;

  g_clear_pointer (&comp->name, g_free);
}

static gboolean
parse_bare_name (const char **p,
                 GArray      *components)
{
  const char *start = *p;
  const char *end = start;
  PathComponent comp = { 0, };

  while (*end != '\0' && *end != '.' && *end != '[')
    {
      if (*end == ']' || *end == '"')
        return FALSE;
      end++;
    }

  if (end == start)
    return FALSE;

  comp.is_index = FALSE;
  comp.name = g_strndup (start, end - start);
  comp.name_len = end - start;
  g_array_append_val (components, comp);
  *p = end;
  return TRUE;
}

/* After '[': an index `3]` or a quoted name `"a b"]`. */
static gboolean
parse_bracket (const char **pp,
               GArray      *components)
{
  const char *p = *pp;
  PathComponent comp = { 0, };

  if (g_ascii_isdigit (*p))
    {
      guint64 value = 0;

      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value > G_MAXUINT)
            return FALSE;
          p++;
        }
      if (*p != ']')
        return FALSE;

      comp.is_index = TRUE;
      comp.index = (guint) value;
      g_array_append_val (components, comp);
      *pp = p + 1;
      return TRUE;
    }

  if (*p == '"')
    {
      g_autoptr(GString) name = g_string_new (NULL);

      p++;
      for (;;)
        {
          if (*p == '\0')
            return FALSE;

          if (*p == '"')
            break;

          if (*p != '\\')
            {
              g_string_append_c (name, *p);
              p++;
              continue;
            }

          p++;
          switch (*p)
            {
            case '"': case '\\': case '/': g_string_append_c (name, *p); p++; break;
            case 'b': g_string_append_c (name, '\b'); p++; break;
            case 'f': g_string_append_c (name, '\f'); p++; break;
            case 'n': g_string_append_c (name, '\n'); p++; break;
            case 'r': g_string_append_c (name, '\r'); p++; break;
            case 't': g_string_append_c (name, '\t'); p++; break;
            case 'u':
              {
                const guchar *u = (const guchar *) p + 1;
                gsize avail = strnlen ((const char *) u, 10);
                gunichar cp, lo;

                if (!gb_json_hex4_at (u, avail, 0, &cp))
                  return FALSE;
                p += 5;
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    if (!(avail >= 10 && u[4] == '\\' && u[5] == 'u' &&
                          gb_json_hex4_at (u, avail, 6, &lo) && lo >= 0xDC00 && lo <= 0xDFFF))
                      return FALSE;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                  }
                else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0)
                  return FALSE;
                g_string_append_unichar (name, cp);
              }
              break;
            default:
              return FALSE;
            }
        }

      p++;
      if (*p != ']')
        return FALSE;

      comp.is_index = FALSE;
      if (g_str_has_suffix (name->str, "…"))
        {
          g_string_truncate (name, name->len - strlen ("…"));
          comp.prefix = TRUE;
        }
      comp.name_len = name->len;
      comp.name = g_string_free (g_steal_pointer (&name), FALSE);
      g_array_append_val (components, comp);
      *pp = p + 1;
      return TRUE;
    }

  return FALSE;
}

static gboolean
parse_path (const char *path,
            GArray     *components)
{
  const char *p = path;

  if (*p != '\0' && *p != '[' && !parse_bare_name (&p, components))
    return FALSE;

  while (*p != '\0')
    {
      if (*p == '.')
        {
          p++;
          if (!parse_bare_name (&p, components))
            return FALSE;
        }
      else if (*p == '[')
        {
          p++;
          if (!parse_bracket (&p, components))
            return FALSE;
        }
      else
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint8 kind;
  guint8 expect_key;
  guint8 prefix_ok;   /* this container is at the path's prefix */
  guint8 key_match;   /* objects: the current member name is the next component */
  guint  index;
} LocFrame;

/* Returns the offset just past the string starting at @pos, or @length. */
static gsize
skip_string (const guchar *d,
             gsize         length,
             gsize         pos,
             gboolean     *closed)
{
  gsize p = pos + 1;

  while (p < length)
    {
      if (d[p] == '\\')
        p += 2;
      else if (d[p] == '"')
        {
          *closed = TRUE;
          return p + 1;
        }
      else
        p++;
    }

  *closed = FALSE;
  return length;
}

typedef struct
{
  const guchar        *d;
  gsize                length;
  const PathComponent *comps;
  guint                n;       /* components in the path */
  LocFrame            *frames;  /* one per container open along the path */
  guint                depth;
  gsize                excess;  /* containers open below the path's depth */
  GString             *key;
  gboolean             found;
  gsize                found_offset;
} Locator;

/* Inside a value deeper than the path: only brackets and strings count. */
static gsize
locator_skip_deep (Locator *lo,
                   gsize    pos)
{
  guchar ch = lo->d[pos];
  gboolean closed;

  if (ch == '"')
    return skip_string (lo->d, lo->length, pos, &closed);

  if (ch == '[' || ch == '{')
    lo->excess++;
  else if (ch == ']' || ch == '}')
    lo->excess--;
  return pos + 1;
}

/* A member name: does it match the path's next component? */
static gsize
locator_read_key (Locator *lo,
                  gsize    pos)
{
  LocFrame *top = &lo->frames[lo->depth - 1];
  const PathComponent *comp = &lo->comps[lo->depth - 1];
  gboolean closed;
  gsize end = skip_string (lo->d, lo->length, pos, &closed);

  top->key_match = FALSE;
  if (top->prefix_ok && !comp->is_index)
    {
      gsize raw_len = end - pos - 1 - (closed ? 1 : 0);

      g_string_truncate (lo->key, 0);
      gb_json_unescape_append (lo->key, lo->d + pos + 1, raw_len);
      top->key_match = (comp->prefix ? lo->key->len >= comp->name_len
                                     : lo->key->len == comp->name_len) &&
                       memcmp (lo->key->str, comp->name, comp->name_len) == 0;
    }
  top->expect_key = FALSE;

  return end;
}

/* A value starts at @pos: notes it when it is the one sought, and steps into
 * it or past it. */
static gsize
locator_read_value (Locator *lo,
                    gsize    pos)
{
  LocFrame *top = lo->depth > 0 ? &lo->frames[lo->depth - 1] : NULL;
  guchar ch = lo->d[pos];
  gboolean matched;
  gboolean closed;

  if (top == NULL)
    matched = TRUE;
  else if (top->kind == KIND_ARRAY)
    matched = top->prefix_ok && lo->comps[lo->depth - 1].is_index &&
              lo->comps[lo->depth - 1].index == top->index;
  else
    matched = top->prefix_ok && top->key_match;

  if (matched && lo->depth == lo->n)
    {
      lo->found = TRUE;
      lo->found_offset = pos;
    }

  if (ch == '[' || ch == '{')
    {
      if (lo->depth < lo->n)
        {
          LocFrame *f = &lo->frames[lo->depth++];

          f->kind = ch == '[' ? KIND_ARRAY : KIND_OBJECT;
          f->expect_key = ch == '{';
          f->prefix_ok = matched;
          f->key_match = FALSE;
          f->index = 0;
        }
      else
        lo->excess = 1;
      return pos + 1;
    }

  if (ch == '"')
    return skip_string (lo->d, lo->length, pos, &closed);

  pos++;
  while (pos < lo->length && !gb_json_is_space (lo->d[pos]) &&
         strchr (",:[]{}\"", lo->d[pos]) == NULL)
    pos++;
  return pos;
}

/* One streaming pass over the text, keeping no more state than the path. */
static void
locator_run (Locator *lo)
{
  gsize pos = gb_json_bom_length (lo->d, lo->length);

  while (pos < lo->length)
    {
      guchar ch = lo->d[pos];
      LocFrame *top = lo->depth > 0 ? &lo->frames[lo->depth - 1] : NULL;

      if (gb_json_is_space (ch))
        pos++;
      else if (lo->excess > 0)
        pos = locator_skip_deep (lo, pos);
      else if (ch == ',')
        {
          if (top != NULL && top->kind == KIND_ARRAY && top->index < G_MAXUINT)
            top->index++;
          else if (top != NULL && top->kind == KIND_OBJECT)
            {
              top->expect_key = TRUE;
              top->key_match = FALSE;
            }
          pos++;
        }
      else if (ch == ':')
        {
          if (top != NULL)
            top->expect_key = FALSE;
          pos++;
        }
      else if (ch == ']' || ch == '}')
        {
          if (lo->depth == 0)
            return;
          lo->depth--;
          pos++;
        }
      else if (ch == '"' && top != NULL && top->kind == KIND_OBJECT && top->expect_key)
        pos = locator_read_key (lo, pos);
      else
        {
          pos = locator_read_value (lo, pos);
          /* The root value is the whole answer. */
          if (lo->found && lo->n == 0)
            return;
        }
    }
}

/**
 * gb_json_locate:
 * @data: JSON text (need not be valid, nor NUL-terminated)
 * @length: bytes in @data
 * @path: a JSON path as gb_json_path_append_member() and _append_index() build
 *   it (`events[3].date.start`, `title["zh-Hant"]`); "" is the root value
 * @line: (out) (optional): 1-based line where the value starts
 * @column: (out) (optional): 1-based column, in characters
 *
 * Finds where the value at @path starts in @data, by one streaming pass that
 * keeps no more state than the path's length. With duplicate member names the
 * last wins, as in json-glib.
 *
 * Returns: %TRUE if the value was found
 */
gboolean
gb_json_locate (const char *data,
                gsize       length,
                const char *path,
                guint      *line,
                guint      *column)
{
  g_autoptr(GArray) components = NULL;
  g_autoptr(GString) key = NULL;
  g_autofree LocFrame *frames = NULL;
  Locator lo = { 0 };
  guint l, c;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  components = g_array_new (FALSE, TRUE, sizeof (PathComponent));
  g_array_set_clear_func (components, path_component_clear);
  if (!parse_path (path, components))
    return FALSE;

  lo.d = (const guchar *) data;
  lo.length = length;
  lo.comps = (const PathComponent *) (gpointer) components->data;
  lo.n = components->len;
  lo.frames = frames = g_new0 (LocFrame, MAX (lo.n, 1));
  lo.key = key = g_string_new (NULL);

  locator_run (&lo);
  if (!lo.found)
    return FALSE;

  gb_json_position_of (lo.d, length, lo.found_offset, &l, &c);
  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = c;

  return TRUE;
}
