/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pre-parse safety layer for untrusted JSON.
 *
 * json-glib 1.6 crashes on very deep nesting, wraps integers beyond 64 bits,
 * turns 1e400 into inf, cuts strings at \u0000, accepts lone surrogates
 * (producing invalid UTF-8), comments, single quotes, hex numbers and trailing
 * garbage, and returns a NULL root for empty input. gb_json_guard_check()
 * refuses all of that in one linear, non-recursive pass before the bytes are
 * handed to JsonParser; it accepts strict RFC 8259 JSON only. */

#define GB_JSON_GUARD_ERROR (gb_json_guard_error_quark ())

typedef enum
{
  GB_JSON_GUARD_ERROR_EMPTY,      /* no data, or only whitespace */
  GB_JSON_GUARD_ERROR_ENCODING,   /* invalid UTF-8, UTF-16/32, unpaired surrogate escape */
  GB_JSON_GUARD_ERROR_SYNTAX,     /* structural error the guard can see */
  GB_JSON_GUARD_ERROR_DEPTH,      /* nesting deeper than max_depth */
  GB_JSON_GUARD_ERROR_NUMBER,     /* integer beyond ±2^53, or not finite */
  GB_JSON_GUARD_ERROR_NUL,        /* raw NUL byte (binary file) or \u0000 escape */
  GB_JSON_GUARD_ERROR_TOO_LARGE,  /* more than max_size bytes */
  GB_JSON_GUARD_ERROR_DUPLICATE,  /* a member name given twice in one object */
} GbJsonGuardError;

#define GB_JSON_GUARD_DEFAULT_MAX_DEPTH 64
#define GB_JSON_GUARD_DEFAULT_MAX_SIZE  ((gsize) 64 * 1024 * 1024)
/* max_depth is clamped to this so the bracket stack stays small. */
#define GB_JSON_GUARD_MAX_DEPTH_CAP     1024
/* The largest integer magnitude a double holds exactly: 2^53. */
#define GB_JSON_GUARD_MAX_SAFE_INTEGER  G_GINT64_CONSTANT (9007199254740992)

/* Pass NULL for the defaults; a field left at 0 also means its default. */
typedef struct
{
  guint max_depth;  /* containers nested inside each other; `[]` is depth 1 */
  gsize max_size;   /* bytes */
} GbJsonGuardLimits;

/* Where a problem is. Initialise with GB_JSON_GUARD_PROBLEM_INIT (or { 0 }),
 * release with gb_json_guard_problem_clear() or g_auto(GbJsonGuardProblem).
 *
 * line and column are 1-based; column counts characters, not bytes (a UTF-8
 * BOM is not counted). line is 0 when the problem has no position (too large,
 * empty). path is the JSON path of the value being scanned, formatted as
 * gb-json-path.h writes them (`events[3].date.start`);
 * it is NULL when the problem is at the top level. */
typedef struct
{
  guint  line;
  guint  column;
  gsize  offset;  /* byte offset of the problem */
  char  *path;
} GbJsonGuardProblem;

#define GB_JSON_GUARD_PROBLEM_INIT { 0, 0, 0, NULL }

GQuark    gb_json_guard_error_quark    (void);

void      gb_json_guard_problem_clear  (GbJsonGuardProblem      *problem);

gboolean  gb_json_guard_check          (const char              *data,
                                        gsize                    length,
                                        const GbJsonGuardLimits *limits,
                                        GbJsonGuardProblem      *problem_out,
                                        GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GbJsonGuardProblem, gb_json_guard_problem_clear)

G_END_DECLS
