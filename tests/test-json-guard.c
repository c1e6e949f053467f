/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-json-guard"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gb-json-guard.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"
#include "gb-test.h"
#include "fuzz/json-paths.h"

#define ACCEPT (-1)

typedef struct
{
  const char *name;
  const char *json;
  gsize       length;      /* 0: strlen (json) */
  guint       max_depth;   /* 0: default */
  gsize       max_size;    /* 0: default */
  int         code;        /* a GbJsonGuardError, or ACCEPT */
  guint       line;
  guint       column;
  const char *path;        /* expected problem path; NULL: top level */
} GuardCase;

static const GuardCase guard_cases[] = {
  /* empty */
  { "empty/nothing", "", 0, 0, 0, GB_JSON_GUARD_ERROR_EMPTY, 0, 0, NULL },
  { "empty/whitespace", " \n\t\r\n ", 0, 0, 0, GB_JSON_GUARD_ERROR_EMPTY, 0, 0, NULL },
  { "empty/bom-only", "\xEF\xBB\xBF", 0, 0, 0, GB_JSON_GUARD_ERROR_EMPTY, 0, 0, NULL },
  { "empty/bom-and-space", "\xEF\xBB\xBF  \n", 0, 0, 0, GB_JSON_GUARD_ERROR_EMPTY, 0, 0, NULL },

  /* encoding */
  { "encoding/latin1-in-string", "{\"a\": \"caf\xE9\"}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 11, "a" },
  { "encoding/after-korean", "{\n  \"t\": \"한국\xFF\"\n}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 2, 11, "t" },
  { "encoding/overlong", "[\"\xC0\xAF\"]", 0, 0, 0, GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },
  { "encoding/raw-surrogate", "[\"\xED\xA0\x80\"]", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },
  { "encoding/beyond-10ffff", "[\"\xF4\x90\x80\x80\"]", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },
  { "encoding/truncated", "[\"\xE2\x82", 0, 0, 0, GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },
  { "encoding/outside-string", "[1,\xFF]", 0, 0, 0, GB_JSON_GUARD_ERROR_ENCODING, 1, 4, "[1]" },
  { "encoding/in-member-name", "{\"ok\": {\"k\xC3\": 1}}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 11, "ok" },
  { "encoding/utf16-bom", "\xFF\xFE[\0]\0", 6, 0, 0, GB_JSON_GUARD_ERROR_ENCODING, 1, 1, NULL },
  { "encoding/utf16be-no-bom", "\0[\0]", 4, 0, 0, GB_JSON_GUARD_ERROR_ENCODING, 1, 1, NULL },
  { "encoding/utf32-bom", "\xFF\xFE\0\0[\0\0\0", 8, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 1, NULL },
  { "encoding/lone-high-surrogate", "[\"\\ud800x\"]", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },
  { "encoding/lone-low-surrogate", "{\"a\": \"\\uDC00\"}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 8, "a" },
  { "encoding/high-then-high", "[\"\\ud800\\ud800\"]", 0, 0, 0,
    GB_JSON_GUARD_ERROR_ENCODING, 1, 3, "[0]" },

  /* NUL */
  { "nul/raw-at-end", "{\"a\": 1}\0", 9, 0, 0, GB_JSON_GUARD_ERROR_NUL, 1, 9, NULL },
  { "nul/raw-line-2", "[1,\n\0]", 6, 0, 0, GB_JSON_GUARD_ERROR_NUL, 2, 1, NULL },
  { "nul/binary-header", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, 0, 0,
    GB_JSON_GUARD_ERROR_NUL, 3, 1, NULL },
  { "nul/escape-in-string", "{\"a\": \"x\\u0000\"}", 0, 0, 0, GB_JSON_GUARD_ERROR_NUL, 1, 9, "a" },
  { "nul/escape-in-member-name", "{\"ok\": {\"a\\u0000b\": 1}}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_NUL, 1, 11, "ok" },

  /* depth */
  { "depth/over-limit", "{\"a\": [{\"b\": [1]}]}", 0, 3, 0, GB_JSON_GUARD_ERROR_DEPTH, 1, 14,
    "a[0].b" },
  { "depth/at-limit", "{\"a\": [{\"b\": [1]}]}", 0, 4, 0, ACCEPT, 0, 0, NULL },
  { "depth/root-over-limit", "[[1]]", 0, 1, 0, GB_JSON_GUARD_ERROR_DEPTH, 1, 2, "[0]" },

  /* numbers */
  { "number/2^53", "[9007199254740992]", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/-2^53", "[-9007199254740992]", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/2^53+1", "[9007199254740993]", 0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/-2^53-1", "{\"n\": -9007199254740993}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_NUMBER, 1, 7, "n" },
  { "number/2^64", "[18446744073709551616]", 0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/17-digits", "[10000000000000000]", 0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/huge-int", "[1234567890123456789012345678901234567890123456789012345678901234]",
    0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/-0", "-0", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/1e308", "[1e308, -1e308, 1.7976931348623157e308]", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/1e-400", "[1e-400]", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/big-with-fraction", "[9007199254740993.0, 1e20]", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "number/1e400", "{\"x\": {\"y\": [1, 1e400]}}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_NUMBER, 1, 17, "x.y[1]" },
  { "number/-1e999", "[-1e999]", 0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/1.8e308", "[1.8e308]", 0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/long-fraction-inf",
    "[1000000000000000000000000000000000000000000000000000000000000000000000.0e300]",
    0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 1, 2, "[0]" },
  { "number/deep-line", "{\n  \"events\": [\n    {},\n    {\"date\": {\"start\": 1e999}}\n  ]\n}",
    0, 0, 0, GB_JSON_GUARD_ERROR_NUMBER, 4, 24, "events[1].date.start" },

  /* size */
  { "size/too-large", "[1,2,3,4,5,6]", 0, 0, 10, GB_JSON_GUARD_ERROR_TOO_LARGE, 0, 0, NULL },
  { "size/at-limit", "[1,2,3,4,5,6]", 0, 0, 13, ACCEPT, 0, 0, NULL },

  /* syntax */
  { "syntax/unclosed-array", "[1, 2", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 6, NULL },
  { "syntax/unclosed-nested", "{\"a\": {\"b\": [\n1", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 2, 2, "a.b" },
  { "syntax/mismatched", "{\"a\": [1, 2}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 12, "a" },
  { "syntax/mismatched-empty", "{\"a\": [}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 8, "a" },
  { "syntax/mismatched-object", "[{]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 3, "[0]" },
  { "syntax/extra-close", "[1, 2]]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 7, NULL },
  { "syntax/two-roots", "[1] [2]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 5, NULL },
  { "syntax/close-at-root", "]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 1, NULL },
  { "syntax/unclosed-string", "[\"abc", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/unclosed-member-name", "{\"abc", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, NULL },
  { "syntax/backslash-at-end", "[\"abc\\", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/tab-in-string", "[\"a\tb\"]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, "[0]" },
  { "syntax/newline-in-string", "{\"a\": \"x\ny\"}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 9, "a" },
  { "syntax/control-in-string", "[\"\x01\"]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 3, "[0]" },
  { "syntax/bad-escape", "[\"a\\qb\"]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, "[0]" },
  { "syntax/bad-unicode-escape", "[\"\\u12G4\"]", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 3, "[0]" },
  { "syntax/short-unicode-escape", "[\"\\u12", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 3, "[0]" },
  { "syntax/trailing-comma-array", "[1,2,]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 6, NULL },
  { "syntax/trailing-comma-object", "{\"a\":1,}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 8, NULL },
  { "syntax/missing-comma", "[1 2]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, NULL },
  { "syntax/missing-comma-object", "{\"a\": 1\n \"b\": 2}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 2, 2, NULL },
  { "syntax/missing-colon", "{\"a\" 1}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 6, "a" },
  { "syntax/missing-value", "{\"a\":}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 6, "a" },
  { "syntax/missing-value-comma", "[1,,2]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, "[1]" },
  { "syntax/single-quotes", "['x']", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/single-quoted-key", "{'x': 1}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, NULL },
  { "syntax/unquoted-key", "{a:1}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, NULL },
  { "syntax/comment-block", "{/* c */}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, NULL },
  { "syntax/comment-line", "[1] // done", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 5, NULL },
  { "syntax/nan", "[NaN]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/-infinity", "{\"v\": -Infinity}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 7, "v" },
  { "syntax/capital-true", "[True]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/bare-word", "{\"a\": hello}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 7, "a" },
  { "syntax/truex", "[truex]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/hex", "[0x10]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/leading-zero", "[01]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/trailing-dot", "[1.]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, "[0]" },
  { "syntax/leading-dot", "[.5]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/plus", "[+1]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/minus-alone", "[-]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/empty-exponent", "[1e]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, "[0]" },
  { "syntax/double-dot", "[1.2.3]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  { "syntax/after-root-object", "{\"a\":1}}", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 8, NULL },
  { "syntax/quoted-path", "{\"a b\": {\"c\": [0, \"\\x\"]}}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 20, "[\"a b\"].c[1]" },
  { "syntax/escaped-member-name", "{\"a\\\"b\": [x]}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 11, "[\"a\\\"b\"][0]" },
  { "syntax/escaped-identifier-name", "{\"\\u0061b\": [x]}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 14, "ab[0]" },
  { "syntax/cyrillic-member-name", "{\"дата\": tru}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 10, "[\"дата\"]" },
  { "syntax/korean-column", "{\"제목\": \"서울\", \"n\": 01}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 1, 19, "n" },
  { "syntax/bom-column", "\xEF\xBB\xBF[1,]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 4, NULL },
  { "syntax/crlf-lines", "{\r\n\"a\": 1,\r\n\"b\": ?\r\n}", 0, 0, 0,
    GB_JSON_GUARD_ERROR_SYNTAX, 3, 6, "b" },
  { "syntax/unexpected-korean", "[가]", 0, 0, 0, GB_JSON_GUARD_ERROR_SYNTAX, 1, 2, "[0]" },
  /* json-glib would keep the last silently: refused, at the second. */
  { "duplicate/keys", "{\"a\": 1,\n \"a\": 2}", 0, 0, 0, GB_JSON_GUARD_ERROR_DUPLICATE, 2, 2,
    "a" },
  { "duplicate/escaped", "[{\"b\": 1, \"\\u0062\": 2}]", 0, 0, 0, GB_JSON_GUARD_ERROR_DUPLICATE,
    1, 11, "[0].b" },
  { "duplicate/nested-ok", "{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}", 0, 0, 0, ACCEPT, 0, 0,
    NULL },

  /* accepted */
  { "accept/empty-object", "{}", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/empty-array", " [ ] ", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/scalars", "[true, false, null, 0, -1, 1.5, -2.5e-3, 1E+2, \"\"]", 0, 0, 0,
    ACCEPT, 0, 0, NULL },
  { "accept/root-string", "\"just a string\"", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/root-number", "42", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/root-null", "null", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/bom", "\xEF\xBB\xBF{\"a\": 1}", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 \\u0001\"]",
    0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/multilingual", "{\"ko\": \"한국 외교부\", \"ru\": \"Министр\", \"kk\": \"Қазақстан\"}",
    0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/crlf-and-tabs", "{\r\n\t\"a\" :\t[1,\r\n2]\r\n}\r\n", 0, 0, 0, ACCEPT, 0, 0, NULL },
  { "accept/4-byte-utf8", "[\"\xF0\x9F\x98\x80\"]", 0, 0, 0, ACCEPT, 0, 0, NULL },
};

static void
test_guard_case (gconstpointer user_data)
{
  const GuardCase *tc = user_data;
  gsize length = tc->length != 0 ? tc->length : strlen (tc->json);
  GbJsonGuardLimits limits = { tc->max_depth, tc->max_size };
  g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gb_json_guard_check (tc->json, length, &limits, &problem, &error);

  if (tc->code == ACCEPT)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_null (problem.path);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, GB_JSON_GUARD_ERROR, tc->code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %u:%u: %s: %s", tc->name, problem.line, problem.column,
                  problem.path ? problem.path : "-", error->message);
  g_assert_cmpuint (problem.line, ==, tc->line);
  g_assert_cmpuint (problem.column, ==, tc->column);
  g_assert_cmpstr (problem.path, ==, tc->path);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (problem.path == NULL || g_utf8_validate (problem.path, -1, NULL));
}

/* Everything json-glib is known to get wrong, refused before it gets there. */
static void
test_guard_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;

  g_assert_false (gb_json_guard_check ("", 0, NULL, &problem, &error));
  g_assert_cmpstr (error->message, ==, "The file is empty");
  g_clear_error (&error);

  g_assert_false (gb_json_guard_check ("{\"a\": [1, 2}", 12, NULL, &problem, &error));
  g_assert_nonnull (strstr (error->message, "line 1, column 7"));
  g_clear_error (&error);

  g_assert_false (gb_json_guard_check ("[\n [\n", 5, NULL, &problem, &error));
  g_assert_nonnull (strstr (error->message, "line 2, column 2"));
  g_assert_cmpuint (problem.line, ==, 3);
  g_assert_cmpuint (problem.column, ==, 1);
  g_assert_cmpstr (problem.path, ==, "[0]");
  g_clear_error (&error);

  g_assert_false (gb_json_guard_check ("[1,\xFF]", 5, NULL, &problem, &error));
  g_assert_nonnull (strstr (error->message, "offset 3"));
  g_clear_error (&error);

  g_assert_false (gb_json_guard_check ("\x89PNG\r\n\0", 7, NULL, &problem, &error));
  g_assert_nonnull (strstr (error->message, "not a text file"));
  g_clear_error (&error);

  g_assert_false (gb_json_guard_check ("[1234567890123456789012345678901234567890"
                                       "12345678901234567890]", 62, NULL, &problem, &error));
  /* A huge token is quoted back shortened. */
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_error (&error);
}

/* The same problem struct reused: the old path is released. */
static void
test_guard_problem_reuse (void)
{
  g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;
  GbJsonGuardLimits limits = { 0, 4 };

  g_assert_false (gb_json_guard_check ("{\"a\": [x]}", 10, NULL, &problem, NULL));
  g_assert_cmpstr (problem.path, ==, "a[0]");
  g_assert_false (gb_json_guard_check ("{\"b\": 1e999}", 12, NULL, &problem, NULL));
  g_assert_cmpstr (problem.path, ==, "b");
  g_assert_false (gb_json_guard_check ("[1, 2]", 6, &limits, &problem, NULL));
  g_assert_null (problem.path);
  g_assert_cmpuint (problem.line, ==, 0);

  /* No problem and no error wanted. */
  g_assert_false (gb_json_guard_check ("[", 1, NULL, NULL, NULL));
  g_assert_true (gb_json_guard_check ("[]", 2, NULL, NULL, NULL));

  gb_json_guard_problem_clear (&problem);
  g_assert_null (problem.path);
  g_assert_cmpuint (problem.column, ==, 0);
}

static char *
make_nested (guint  depth,
             gsize *length)
{
  GString *s = g_string_sized_new (depth * 2 + 1);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');

  *length = s->len;
  return g_string_free (s, FALSE);
}

static void
test_guard_depth_100000 (void)
{
  gsize length;
  g_autofree char *json = make_nested (100000, &length);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (gb_json_guard_check (json, length, NULL, &problem, &error));
  g_assert_error (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_DEPTH);
  g_assert_cmpuint (problem.line, ==, 1);
  g_assert_cmpuint (problem.column, ==, GB_JSON_GUARD_DEFAULT_MAX_DEPTH + 1);
  g_assert_cmpuint (strlen (problem.path), ==, 3 * GB_JSON_GUARD_DEFAULT_MAX_DEPTH);
  g_clear_error (&error);

  /* Unclosed, and objects. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (objects, "{\"a\":");
  g_assert_false (gb_json_guard_check (objects->str, objects->len, NULL, &problem, &error));
  g_assert_error (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_DEPTH);
  g_assert_cmpuint (problem.column, ==, 5 * GB_JSON_GUARD_DEFAULT_MAX_DEPTH + 1);
  g_assert_true (g_str_has_prefix (problem.path, "a.a.a."));

  /* Well under a second even on a slow machine under valgrind. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* gb_json_locate must survive it too. */
  g_assert_true (gb_json_locate (json, length, "[0][0][0]", NULL, NULL));
  g_assert_false (gb_json_locate (json, length, "[1]", NULL, NULL));
  g_assert_true (gb_json_locate (objects->str, objects->len, "a.a", NULL, NULL));
}

static void
test_guard_depth_limits (void)
{
  gsize length;
  g_autofree char *at = make_nested (GB_JSON_GUARD_DEFAULT_MAX_DEPTH, &length);
  g_autofree char *over = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *over_cap = NULL;
  GbJsonGuardLimits huge = { G_MAXUINT, 0 };

  g_assert_true (gb_json_guard_check (at, length, NULL, NULL, NULL));
  over = make_nested (GB_JSON_GUARD_DEFAULT_MAX_DEPTH + 1, &length);
  g_assert_false (gb_json_guard_check (over, length, NULL, NULL, NULL));

  /* A huge max_depth is clamped, so the frame stack stays small. */
  cap = make_nested (GB_JSON_GUARD_MAX_DEPTH_CAP, &length);
  g_assert_true (gb_json_guard_check (cap, length, &huge, NULL, NULL));
  over_cap = make_nested (GB_JSON_GUARD_MAX_DEPTH_CAP + 1, &length);
  g_assert_false (gb_json_guard_check (over_cap, length, &huge, NULL, NULL));
}

static void
test_guard_long_string (void)
{
  gsize n = 8 * 1024 * 1024;
  g_autoptr(GString) s = g_string_sized_new (n + 64);
  g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;
  g_autoptr(GError) error = NULL;

  g_string_append (s, "{\"text\": \"");
  while (s->len < n)
    g_string_append (s, "Қазақстан – 대한민국 \\\"quoted\\\" \\n ");
  g_string_append (s, "\"}");
  g_assert_true (gb_json_guard_check (s->str, s->len, NULL, &problem, &error));
  g_assert_no_error (error);

  /* The same, unterminated: reported where the string opened. */
  g_string_truncate (s, s->len - 2);
  g_assert_false (gb_json_guard_check (s->str, s->len, NULL, &problem, &error));
  g_assert_error (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_SYNTAX);
  g_assert_cmpuint (problem.line, ==, 1);
  g_assert_cmpuint (problem.column, ==, 10);
  g_assert_cmpstr (problem.path, ==, "text");
}

static void
test_guard_default_size (void)
{
  gsize n = GB_JSON_GUARD_DEFAULT_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (n);
  g_autoptr(GError) error = NULL;

  memset (big, ' ', n);
  big[0] = '[';
  big[n - 1] = ']';
  g_assert_false (gb_json_guard_check (big, n, NULL, NULL, &error));
  g_assert_error (error, GB_JSON_GUARD_ERROR, GB_JSON_GUARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_clear_error (&error);

  /* Exactly the limit is fine. */
  big[n - 2] = ']';
  g_assert_true (gb_json_guard_check (big, n - 1, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_guard_samples (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autoptr(GError) dir_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &dir_error);
  const char *name;
  guint files = 0;

  g_assert_no_error (dir_error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(GbJsonGuardProblem) problem = GB_JSON_GUARD_PROBLEM_INIT;
      gsize length;
      guint checked;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);

      if (!gb_json_guard_check (contents, length, NULL, &problem, &error))
        g_error ("%s:%u:%u: %s: %s", name, problem.line, problem.column,
                 problem.path ? problem.path : "-", error->message);

      g_assert_true (json_parser_load_from_data (parser, contents, length, &error));
      g_assert_no_error (error);
      checked = json_assert_paths_located (contents, length, json_parser_get_root (parser),
                                           G_MAXUINT);
      g_test_message ("%s: %u values located", name, checked);
      g_assert_cmpuint (checked, >, 10);
      files++;
    }

  /* The five Knight Lab samples the importers are tested on */
  g_assert_cmpuint (files, >=, 5);
}

static const char locate_doc[] =
  "{\n"
  "  \"format\": \"golden-bridge-dossier\",\n"
  "  \"events\": [\n"
  "    {\"id\": \"e0\", \"date\": \"2024\"},\n"
  "    {\"id\": \"e1\", \"date\": {\"start\": \"1992-01-28\"}},\n"
  "    {\"id\": \"e2\", \"date\": {\"end\": \"x\", \"start\": [1, {\"deep\": true}]}},\n"
  "    {\"id\": \"e3\", \"title\": {\"ko\": \"서울 방문\", \"zh-Hant\": \"訪問\"},\n"
  "     \"date\": {\"start\":\"2024-11-04T14:00+09:00\"}}\n"
  "  ],\n"
  "  \"a b\": {\"x.y\": {\"[0]\": 7, \"q\\\"uote\": 8, \"\\u0041\": 9}},\n"
  "  \"дата\": [null, false]\n"
  "}\n";

typedef struct
{
  const char *path;
  gboolean    found;
  guint       line;
  guint       column;
} LocateCase;

static void
test_locate_cases (void)
{
  static const LocateCase cases[] = {
    { "", TRUE, 1, 1 },
    { "format", TRUE, 2, 13 },
    { "events", TRUE, 3, 13 },
    { "events[0]", TRUE, 4, 5 },
    { "events[0].date", TRUE, 4, 26 },
    { "events[1].date.start", TRUE, 5, 36 },
    { "events[2].date.start", TRUE, 6, 48 },
    { "events[2].date.start[1].deep", TRUE, 6, 61 },
    { "events[3].date.start", TRUE, 8, 23 },
    { "events[3].title.ko", TRUE, 7, 34 },
    { "events[3].title[\"ko\"]", TRUE, 7, 34 },
    { "events[3].title[\"zh-Hant\"]", TRUE, 7, 54 },
    { "[\"a b\"]", TRUE, 10, 10 },
    { "[\"a b\"][\"x.y\"][\"[0]\"]", TRUE, 10, 26 },
    { "[\"a b\"][\"x.y\"][\"q\\\"uote\"]", TRUE, 10, 40 },
    { "[\"a b\"][\"x.y\"].A", TRUE, 10, 53 },
    { "[\"a b\"][\"x.y\"][\"\\u0041\"]", TRUE, 10, 53 },
    { "[\"дата\"][1]", TRUE, 11, 18 },
    { "[\"дата\"][0]", TRUE, 11, 12 },
    /* missing */
    { "events[4]", FALSE, 0, 0 },
    { "events[0].date.start", FALSE, 0, 0 },
    { "events[3].title.en", FALSE, 0, 0 },
    { "format[0]", FALSE, 0, 0 },
    { "nope", FALSE, 0, 0 },
    { "[0]", FALSE, 0, 0 },
    /* Bare names are read leniently: anything up to . or [ */
    { "a b", TRUE, 10, 10 },
    { "events[3].title.zh-Hant", TRUE, 7, 54 },
    /* not a path */
    { "events[", FALSE, 0, 0 },
    { "events[x]", FALSE, 0, 0 },
    { "events.", FALSE, 0, 0 },
    { "events[99999999999999]", FALSE, 0, 0 },
    { "[\"unterminated", FALSE, 0, 0 },
    { "[\"bad\\q\"]", FALSE, 0, 0 },
    { "[\"\\ud800\"]", FALSE, 0, 0 },
    { "a]", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint line = 0, column = 0;
      gboolean found;

      found = gb_json_locate (locate_doc, strlen (locate_doc), cases[i].path, &line, &column);
      g_test_message ("%s → %d %u:%u", cases[i].path, found, line, column);
      g_assert_cmpint (found, ==, cases[i].found);
      if (found)
        {
          g_assert_cmpuint (line, ==, cases[i].line);
          g_assert_cmpuint (column, ==, cases[i].column);
        }
    }
}

static void
test_locate_every_path (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gb_json_guard_check (locate_doc, strlen (locate_doc), NULL, NULL, &error));
  g_assert_true (json_parser_load_from_data (parser, locate_doc, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_assert_paths_located (locate_doc, strlen (locate_doc),
                                               json_parser_get_root (parser), G_MAXUINT), ==, 33);
}

static void
test_locate_duplicates (void)
{
  const char *doc = "{\"a\": 1,\n \"a\": {\"b\": 2}}";
  guint line, column;

  /* json-glib keeps the last member of a name; so does the locator. */
  g_assert_true (gb_json_locate (doc, strlen (doc), "a", &line, &column));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 7);
  g_assert_true (gb_json_locate (doc, strlen (doc), "a.b", &line, &column));
  g_assert_cmpuint (column, ==, 13);
}

static void
test_locate_robust (void)
{
  static const char *junk[] = {
    "", "   ", "]", "}}}]]]", "[[[[", "{\"a\"", "{\"a\":", "{\"a\": [1, 2", "\"unterminated",
    "{\"a\\", "{,,,:::}", "[1, \"\\\"]", "{\"a\" \"b\" \"c\"}", "\xEF\xBB\xBF", "\xFF\xFE\xFD",
  };
  static const char *paths[] = { "", "a", "a[0]", "a.b", "[0]", "[1]", "b" };
  GRand *rand = g_rand_new_with_seed (20241104);

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    for (guint j = 0; j < G_N_ELEMENTS (paths); j++)
      {
        guint line = 0, column = 0;

        if (gb_json_locate (junk[i], strlen (junk[i]), paths[j], &line, &column))
          {
            g_assert_cmpuint (line, >=, 1);
            g_assert_cmpuint (column, >=, 1);
          }
        gb_json_guard_check (junk[i], strlen (junk[i]), NULL, NULL, NULL);
      }

  /* Random bytes from a JSON-ish alphabet. */
  for (guint round = 0; round < 2000; round++)
    {
      static const char alphabet[] = "[]{}\",:\\ab01 \n-e.\xC3\xA9u";
      char buf[64];
      gsize n = g_rand_int_range (rand, 0, sizeof buf);

      for (gsize k = 0; k < n; k++)
        buf[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

      for (guint j = 0; j < G_N_ELEMENTS (paths); j++)
        gb_json_locate (buf, n, paths[j], NULL, NULL);
      gb_json_guard_check (buf, n, NULL, NULL, NULL);
    }

  g_rand_free (rand);
  g_assert_false (gb_json_locate (NULL, 0, "a", NULL, NULL));
}

static void
test_path_format (void)
{
  g_autoptr(GString) path = g_string_new (NULL);

  gb_json_path_append_member (path, "events");
  g_assert_cmpstr (path->str, ==, "events");
  gb_json_path_append_index (path, 3);
  g_assert_cmpstr (path->str, ==, "events[3]");
  gb_json_path_append_member (path, "date");
  gb_json_path_append_member (path, "start");
  g_assert_cmpstr (path->str, ==, "events[3].date.start");

  g_string_truncate (path, 0);
  gb_json_path_append_member (path, "a b");
  gb_json_path_append_member (path, "_ok9");
  gb_json_path_append_member (path, "9lives");
  gb_json_path_append_member (path, "zh-Hant");
  gb_json_path_append_member (path, "q\"u\\o\nte\x01");
  gb_json_path_append_member (path, "дата");
  gb_json_path_append_member (path, "");
  g_assert_cmpstr (path->str, ==,
                   "[\"a b\"]._ok9[\"9lives\"][\"zh-Hant\"][\"q\\\"u\\\\o\\nte\\u0001\"]"
                   "[\"дата\"][\"\"]");

  g_string_truncate (path, 0);
  gb_json_path_append_index (path, 0);
  gb_json_path_append_member (path, "x");
  gb_json_path_append_index (path, G_MAXUINT);
  g_assert_cmpstr (path->str, ==, "[0].x[4294967295]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  gb_test_add_cases ("/json-guard/check", guard_cases, test_guard_case);
  g_test_add_func ("/json-guard/check/messages", test_guard_messages);
  g_test_add_func ("/json-guard/check/problem-reuse", test_guard_problem_reuse);
  g_test_add_func ("/json-guard/depth/100000", test_guard_depth_100000);
  g_test_add_func ("/json-guard/depth/limits", test_guard_depth_limits);
  g_test_add_func ("/json-guard/size/long-string", test_guard_long_string);
  g_test_add_func ("/json-guard/size/default-limit", test_guard_default_size);
  g_test_add_func ("/json-guard/samples", test_guard_samples);
  g_test_add_func ("/json-guard/locate/cases", test_locate_cases);
  g_test_add_func ("/json-guard/locate/every-path", test_locate_every_path);
  g_test_add_func ("/json-guard/locate/duplicates", test_locate_duplicates);
  g_test_add_func ("/json-guard/locate/robust", test_locate_robust);
  g_test_add_func ("/json-guard/path/format", test_path_format);

  return g_test_run ();
}
