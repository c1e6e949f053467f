/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-html-text"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gb-html-text.h"
#include "fuzz-log.h"

/* libFuzzer harness for gb_html_to_text() and gb_html_to_line().
 * Build and run with tests/fuzz/run-fuzz.sh.
 *
 * Besides "does not crash", it checks what gb-html-text.h promises: the text
 * is valid UTF-8 (even from invalid input), holds no control character but
 * the line breaks of gb_html_to_text(), no white space but ' ' and '\n', none
 * at either end, at most one blank line in a row, and grows at most linearly. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_text (const char *html,
            const char *text,
            gboolean    one_line)
{
  const char *what = one_line ? "gb_html_to_line()" : "gb_html_to_text()";
  gsize len;

  if (text == NULL)
    g_error ("%s returned NULL for a string", what);
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("%s returned invalid UTF-8", what);

  /* Every input byte gives at most one character (3 bytes for U+FFFD), and a
   * break between two of them " — " (5 bytes). */
  len = strlen (text);
  if (len > 8 * strlen (html))
    g_error ("%s made %" G_GSIZE_FORMAT " bytes of %" G_GSIZE_FORMAT, what, len, strlen (html));

  if (len > 0 && (text[0] == ' ' || text[0] == '\n' ||
                  text[len - 1] == ' ' || text[len - 1] == '\n'))
    g_error ("%s left white space at an end: \"%s\"", what, text);
  if (strstr (text, "\n\n\n") != NULL)
    g_error ("%s left more than one blank line", what);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && one_line)
        g_error ("%s returned a line break", what);
      if (c != '\n' && (g_unichar_iscntrl (c) || c == 0xAD))
        g_error ("%s kept the control character U+%04X", what, c);
      if (c != ' ' && c != '\n' && g_unichar_isspace (c))
        g_error ("%s kept the white space U+%04X", what, c);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The converter takes a C string: it ends at the first NUL. */
  g_autofree char *html = g_strndup ((const char *) data, size);
  g_autofree char *text = gb_html_to_text (html);
  g_autofree char *line = gb_html_to_line (html);

  check_text (html, text, FALSE);
  check_text (html, line, TRUE);

  /* Only line breaks tell the two apart. */
  if ((text[0] == '\0') != (line[0] == '\0'))
    g_error ("gb_html_to_text() and gb_html_to_line() disagree on whether anything is left");

  return 0;
}
