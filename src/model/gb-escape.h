/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from files inside messages: cut to a readable length, and with the
 * characters that would act on a terminal or turn a line around written out. */

/* Characters of a value quoted in a message. */
#define GB_ESCAPE_QUOTE_CHARS 24

typedef enum
{
  GB_ESCAPE_FLAGS_NONE          = 0,
  GB_ESCAPE_FLAGS_KEEP_NEWLINES = 1 << 0,  /* a message of several lines */
} GbEscapeFlags;

/* @text with C0 and C1 controls, DEL, bidi controls and bytes that are not
 * UTF-8 written as \x1b, \u202e: nothing in it can move a terminal's cursor,
 * start an escape sequence or reorder the text around it. */
char *gb_escape_controls  (const char    *text,
                           gssize         length,
                           GbEscapeFlags  flags);
/* A value from a file as a message quotes it: at most
 * GB_ESCAPE_QUOTE_CHARS characters and "…", on one line, escaped. */
char *gb_escape_dup_quote (const char    *text);

G_END_DECLS
