/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-html-text"

#include "config.h"

#include <string.h>

#include "gb-html-text.h"

/* Not an HTML parser: a single forward pass that knows where tags, comments
 * and character references begin and end, which is all plain text needs.
 * Every step moves forward, so hostile input costs linear time. */

typedef struct
{
  GString  *out;
  gboolean  one_line;
  gboolean  space;    /* white space since the last visible character */
  guint     breaks;   /* line breaks owed before the next one: 0, 1 or 2 */
} Writer;

/* HTML 4's Latin-1 names, U+00A0 to U+00FF in order. */
static const char * const latin1_names[96] = {
  "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
  "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
  "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
  "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
  "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
  "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
  "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
  "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
  "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
  "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
  "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
  "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
};

static const struct {
  const char *name;
  gunichar    c;
} other_names[] = {
  { "quot", 0x22 }, { "amp", 0x26 }, { "apos", 0x27 }, { "lt", 0x3C }, { "gt", 0x3E },
  { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 },
  { "Yuml", 0x178 }, { "fnof", 0x192 }, { "circ", 0x2C6 }, { "tilde", 0x2DC },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwnj", 0x200C },
  { "zwj", 0x200D }, { "lrm", 0x200E }, { "rlm", 0x200F }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "dagger", 0x2020 },
  { "Dagger", 0x2021 }, { "bull", 0x2022 }, { "hellip", 0x2026 }, { "permil", 0x2030 },
  { "prime", 0x2032 }, { "Prime", 0x2033 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203A },
  { "oline", 0x203E }, { "frasl", 0x2044 }, { "euro", 0x20AC }, { "trade", 0x2122 },
  { "larr", 0x2190 }, { "uarr", 0x2191 }, { "rarr", 0x2192 }, { "darr", 0x2193 },
  { "harr", 0x2194 }, { "minus", 0x2212 }, { "infin", 0x221E }, { "asymp", 0x2248 },
  { "ne", 0x2260 }, { "le", 0x2264 }, { "ge", 0x2265 }, { "hearts", 0x2665 },
  { "Alpha", 0x391 }, { "Beta", 0x392 }, { "Gamma", 0x393 }, { "Delta", 0x394 },
  { "Omega", 0x3A9 }, { "alpha", 0x3B1 }, { "beta", 0x3B2 }, { "gamma", 0x3B3 },
  { "delta", 0x3B4 }, { "pi", 0x3C0 }, { "mu", 0x3BC }, { "omega", 0x3C9 },
};

/* What browsers make of &#128; to &#159;: the windows-1252 characters. */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* <br> adds a line break; other elements start a new line or paragraph. */
enum { BREAK_BR, BREAK_LINE, BREAK_PARAGRAPH };

static const char * const paragraph_elements[] = {
  "p", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
  "table", "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption",
  "address", "hr", "main", "details", "summary", "form", "fieldset", "center",
};

static const char * const line_elements[] = {
  "li", "dt", "dd", "tr", "caption",
};

/* Their contents are not text to show. */
static const char * const raw_text_elements[] = {
  "script", "style", "template", "noscript", "textarea", "title", "iframe", "object",
};

static gboolean
name_is (const char *name,
         gsize       len,
         const char *expected)
{
  return strlen (expected) == len && g_ascii_strncasecmp (name, expected, len) == 0;
}

static gboolean
name_in (const char         *name,
         gsize               len,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (name_is (name, len, list[i]))
      return TRUE;
  return FALSE;
}

static void
put_char (Writer   *w,
          gunichar  c)
{
  if (g_unichar_isspace (c))
    {
      w->space = TRUE;
      return;
    }

  /* Control characters and the soft hyphen have nothing to show. */
  if (g_unichar_iscntrl (c) || c == 0xAD)
    return;

  if (w->out->len > 0)
    {
      /* On one line, a break ("Whitney Houston<br/>1963–2012") still separates. */
      if (w->breaks > 0 && w->one_line)
        g_string_append (w->out, " — ");
      else if (w->breaks > 0)
        g_string_append_len (w->out, "\n\n", w->breaks);
      else if (w->space)
        g_string_append_c (w->out, ' ');
    }
  w->breaks = 0;
  w->space = FALSE;

  if (c < 0x80)
    g_string_append_c (w->out, (char) c);
  else
    g_string_append_unichar (w->out, c);
}

static void
put_break (Writer *w,
           guint   kind)
{
  if (kind == BREAK_PARAGRAPH)
    w->breaks = 2;
  else if (kind == BREAK_LINE)
    w->breaks = MAX (w->breaks, 1);
  else
    w->breaks = MIN (w->breaks + 1, 2);
}

static gunichar
numeric_char (guint32 v)
{
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F && windows_1252[v - 0x80] != 0)
    return windows_1252[v - 0x80];
  return v;
}

static gboolean
lookup_name (const char *name,
             gsize       len,
             gunichar   *c)
{
  for (guint i = 0; i < G_N_ELEMENTS (latin1_names); i++)
    if (strlen (latin1_names[i]) == len && memcmp (latin1_names[i], name, len) == 0)
      {
        *c = 0xA0 + i;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (other_names); i++)
    if (strlen (other_names[i].name) == len && memcmp (other_names[i].name, name, len) == 0)
      {
        *c = other_names[i].c;
        return TRUE;
      }

  return FALSE;
}

/* @p is at '&'. Returns the bytes the reference takes, or 0 when this '&' is
 * just an ampersand ("AT&T", "&unknown;"). */
static gsize
decode_reference (const char *p,
                  const char *end,
                  gunichar   *c)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      gboolean hex = FALSE;
      guint32 v = 0;
      gsize digits = 0;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      for (; q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)); q++, digits++)
        if (v <= 0x10FFFF)
          v = hex ? v * 16 + (guint32) g_ascii_xdigit_value (*q) : v * 10 + (guint32) (*q - '0');
      if (digits == 0)
        return 0;
      /* Browsers forgive a missing ';' after a number. */
      if (q < end && *q == ';')
        q++;
      *c = numeric_char (v);
      return q - p;
    }

  while (q < end && g_ascii_isalnum (*q) && q - p <= 32)
    q++;
  if (q == p + 1 || q >= end || *q != ';' || !lookup_name (p + 1, q - p - 1, c))
    return 0;

  return q + 1 - p;
}

/* Past the '>' that ends the tag whose name ends at @p; quoted attribute
 * values may hold '>'. An unterminated tag runs to the end, as in browsers. */
static const char *
skip_tag (const char *p,
          const char *end)
{
  while (p < end)
    {
      if (*p == '>')
        return p + 1;

      if (*p == '=')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              const char *close = memchr (p + 1, *p, end - p - 1);

              if (close == NULL)
                return end;
              p = close + 1;
            }
          continue;
        }
      p++;
    }

  return end;
}

/* Past the end tag </name> of a raw-text element, or the end. */
static const char *
skip_raw_text (const char *p,
               const char *end,
               const char *name,
               gsize       len)
{
  for (; p + 2 + len <= end; p++)
    if (p[0] == '<' && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, len) == 0 &&
        (p + 2 + len == end || !g_ascii_isalnum (p[2 + len])))
      return skip_tag (p + 2 + len, end);

  return end;
}

/* @p is at '<'. Returns where the text goes on. */
static const char *
handle_markup (Writer     *w,
               const char *p,
               const char *end)
{
  const char *name;
  const char *q;
  gboolean closing = FALSE;
  gsize len;

  if (p + 1 < end && p[1] == '!')
    {
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          return close != NULL ? close + 3 : end;
        }
      q = memchr (p, '>', end - p);
      return q != NULL ? q + 1 : end;
    }

  if (p + 1 < end && p[1] == '?')
    {
      q = memchr (p, '>', end - p);
      return q != NULL ? q + 1 : end;
    }

  q = p + 1;
  if (q < end && *q == '/')
    {
      closing = TRUE;
      q++;
    }

  if (closing && (q >= end || !g_ascii_isalpha (*q)))
    {
      /* "</>" is nothing, "</ x>" a bogus comment: so browsers read them. */
      q = memchr (q, '>', end - q);
      return q != NULL ? q + 1 : end;
    }

  if (q >= end || !g_ascii_isalpha (*q))
    {
      /* "a < b": not a tag, a character. */
      put_char (w, '<');
      return p + 1;
    }

  name = q;
  while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == ':'))
    q++;
  len = q - name;

  if (name_is (name, len, "br"))
    put_break (w, BREAK_BR);
  else if (name_in (name, len, paragraph_elements, G_N_ELEMENTS (paragraph_elements)))
    put_break (w, BREAK_PARAGRAPH);
  else if (name_in (name, len, line_elements, G_N_ELEMENTS (line_elements)))
    put_break (w, BREAK_LINE);
  else if (name_is (name, len, "td") || name_is (name, len, "th"))
    w->space = TRUE;
  else if (w->one_line && !closing && name_is (name, len, "small"))
    /* A headline's <small> is its subtitle, drawn on a line of its own
     * ("US Westward Expansion <small>Mean center of…</small>"). */
    put_break (w, BREAK_LINE);

  q = skip_tag (q, end);

  if (!closing && name_in (name, len, raw_text_elements, G_N_ELEMENTS (raw_text_elements)) &&
      !(q - p >= 2 && q[-2] == '/'))
    {
      g_autofree char *lower = g_ascii_strdown (name, len);

      q = skip_raw_text (q, end, lower, len);
    }

  return q;
}

static char *
convert (const char *html,
         gboolean    one_line)
{
  g_autofree char *valid = NULL;
  Writer w = { 0 };
  const char *p;
  const char *end;

  if (html == NULL)
    return NULL;

  /* The loader's guard has checked the encoding; this is for other callers. */
  if (!g_utf8_validate (html, -1, NULL))
    html = valid = g_utf8_make_valid (html, -1);

  w.out = g_string_sized_new (strlen (html));
  w.one_line = one_line;

  p = html;
  end = html + strlen (html);
  while (p < end)
    {
      if (*p == '<')
        {
          p = handle_markup (&w, p, end);
        }
      else if (*p == '&')
        {
          gunichar c;
          gsize n = decode_reference (p, end, &c);

          if (n == 0)
            {
              put_char (&w, '&');
              p++;
            }
          else
            {
              put_char (&w, c);
              p += n;
            }
        }
      else if ((guchar) *p < 0x80)
        {
          put_char (&w, (guchar) *p);
          p++;
        }
      else
        {
          put_char (&w, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }

  return g_string_free (w.out, FALSE);
}

/**
 * gb_html_to_text:
 * @html: (nullable): an HTML fragment
 *
 * Returns: (transfer full) (nullable): its text, with line and paragraph
 *   breaks; %NULL only for %NULL
 */
char *
gb_html_to_text (const char *html)
{
  return convert (html, FALSE);
}

/**
 * gb_html_to_line:
 * @html: (nullable): an HTML fragment
 *
 * Returns: (transfer full) (nullable): its text on one line; %NULL only for
 *   %NULL
 */
char *
gb_html_to_line (const char *html)
{
  return convert (html, TRUE);
}
