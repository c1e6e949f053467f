/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* HTML fragments, as TimelineJS and StoryMapJS files hold them, turned into
 * plain text for the model: tags removed (the contents of <script>, <style>
 * and comments too), character references decoded (named and numeric),
 * <br> a line break, block elements such as <p> a paragraph break, runs of
 * white space collapsed, control characters dropped. The result holds no
 * markup: a '<' in it was written as text ("&lt;b&gt;", "a < b").
 *
 * gb_html_to_text() keeps line and paragraph breaks; gb_html_to_line(), for
 * titles and names, puts everything on one line, a break becoming " — ".
 * Both accept NULL (giving NULL) and return "" when nothing visible is left. */

char  *gb_html_to_text  (const char *html);
char  *gb_html_to_line  (const char *html);

G_END_DECLS
