/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gb-web-link.h"

typedef struct
{
  const char *link;
  int         code;   /* -1: allowed */
  const char *host;   /* what the window shows for an allowed link */
} LinkCase;

#define OK -1

static const LinkCase cases[] = {
  { "https://astanatimes.com/2024/11/story/", OK, "astanatimes.com" },
  { "http://example.org", OK, "example.org" },
  { "HTTPS://Example.org/a?b=c&d=e#f", OK, "example.org" },
  { "https://192.0.2.1/x", OK, "192.0.2.1" },
  { "https://[2001:db8::1]/", OK, "2001:db8::1" },
  /* IDN hosts open, but show as punycode: a Cyrillic "а" can't pass for "a". */
  { "https://пример.рф/", OK, "xn--e1afmkfd.xn--p1ai" },
  { "https://\xd0\xb0pple.example/", OK, "xn--pple-43d.example" },
  { "https://example.org/путь?q=мир", OK, "example.org" },
  { "", GB_WEB_LINK_ERROR_EMPTY, NULL },
  { NULL, GB_WEB_LINK_ERROR_EMPTY, NULL },
  { "javascript:alert(1)", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "JavaScript:alert(1)", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "file:///etc/passwd", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "data:text/html,<script>alert(1)</script>", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "ftp://example.org/", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "mailto:someone@example.org", GB_WEB_LINK_ERROR_SCHEME, NULL },
  { "//evil.example/", GB_WEB_LINK_ERROR_NOT_A_LINK, NULL },
  { "example.org", GB_WEB_LINK_ERROR_NOT_A_LINK, NULL },
  { "https:///no-host", GB_WEB_LINK_ERROR_HOST, NULL },
  { "https://example.org%2F.evil/", GB_WEB_LINK_ERROR_HOST, NULL },
  /* One host shown, another opened. */
  { "https://good@evil.example", GB_WEB_LINK_ERROR_USER_INFO, NULL },
  { "https://trusted.example@evil.example/", GB_WEB_LINK_ERROR_USER_INFO, NULL },
  { "https://user:password@evil.example/", GB_WEB_LINK_ERROR_USER_INFO, NULL },
  { "https://@evil.example/", GB_WEB_LINK_ERROR_USER_INFO, NULL },
  { "https://good.example\\.evil.example/", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  /* C0, DEL, C1, spaces, bidi and zero-width characters */
  { " https://example.org/", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/a b", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\n", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\t", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\x1b[31m", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\x7f", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\xc2\x85", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\xc2\x9b", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\u202Egnp.exe", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\u2066x\u2069", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\u200Fx", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://exa\u200Bmple.org/", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\u2028", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\u3000", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
  { "https://example.org/\xff", GB_WEB_LINK_ERROR_HIDDEN_CHARACTER, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LinkCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;
      g_autofree char *shown = c->link != NULL ? g_strescape (c->link, NULL) : NULL;
      gboolean allowed = gb_web_link_check (c->link, &host, &error);

      /* Escaped: the cases hold newlines and terminal escapes. */
      g_test_message ("link %u: %s", i, shown);
      g_assert_cmpstr (host, ==, c->host);
      if (c->code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
        }
      else
        {
          g_assert_error (error, GB_WEB_LINK_ERROR, c->code);
          g_assert_false (allowed);
        }
    }
}

/* The message names the character, so that the person can find it. */
static void
test_hidden_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gb_web_link_check ("https://example.org/\u202Egnp.exe", NULL, &error));
  g_assert_nonnull (strstr (error->message, "U+202E"));
}

static void
test_length (void)
{
  g_autoptr(GString) link = g_string_new ("https://example.org/");
  g_autoptr(GError) error = NULL;

  while (link->len < GB_WEB_LINK_MAX_LENGTH)
    g_string_append_c (link, 'a');
  g_assert_true (gb_web_link_check (link->str, NULL, NULL));

  g_string_append_c (link, 'a');
  g_assert_false (gb_web_link_check (link->str, NULL, &error));
  g_assert_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_TOO_LONG);

  while (link->len < 100000)
    g_string_append_c (link, 'a');
  g_clear_error (&error);
  g_assert_false (gb_web_link_check (link->str, NULL, &error));
  g_assert_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_TOO_LONG);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/web-link/table", test_table);
  g_test_add_func ("/web-link/hidden-message", test_hidden_message);
  g_test_add_func ("/web-link/length", test_length);

  return g_test_run ();
}
