/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gb-text.h"

static void
test_plain (void)
{
  g_autoptr(GbText) text = gb_text_new_plain ("Astana");

  g_assert_cmpstr (gb_text_get (text), ==, "Astana");
  g_assert_cmpstr (gb_text_get_for_lang (text, "ko"), ==, "Astana");
  g_assert_false (gb_text_is_empty (text));
}

typedef struct
{
  const char *locale[3];
  const char *expect;
} Case;

static void
test_fallback (void)
{
  static const Case cases[] = {
    { { "ru_RU.UTF-8", NULL }, "Астана" },
    { { "kk_KZ.UTF-8@latin", "kk", NULL }, "Астана (kk)" },
    { { "ko_KR", NULL }, "아스타나" },
    { { "de_DE", "fr", NULL }, "Astana" },     /* English when none match */
    { { "C", NULL }, "Astana" },
    { { "pt_BR", "ru", NULL }, "Астана" },     /* second preference */
  };
  g_autoptr(GbText) text = gb_text_new ();
  g_auto(GStrv) langs = NULL;

  gb_text_set (text, "en", "Astana");
  gb_text_set (text, "ru", "Астана");
  gb_text_set (text, "kk", "Астана (kk)");
  gb_text_set (text, "KO", "아스타나");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gb_text_set_preferred_languages (cases[i].locale);
      g_assert_cmpstr (gb_text_get (text), ==, cases[i].expect);
    }
  gb_text_set_preferred_languages (NULL);

  langs = gb_text_dup_langs (text);
  g_assert_cmpstrv (langs, ((const char *[]) { "en", "kk", "ko", "ru", NULL }));
  g_assert_cmpstr (gb_text_get_exact (text, "ko"), ==, "아스타나");
  g_assert_null (gb_text_get_exact (text, "de"));
}

static void
test_no_english (void)
{
  g_autoptr(GbText) text = gb_text_new ();
  const char *de[] = { "de", NULL };

  gb_text_set (text, "ru", "Сеул");
  gb_text_set (text, "ko", "서울");

  /* Deterministic: the smallest tag wins. */
  gb_text_set_preferred_languages (de);
  g_assert_cmpstr (gb_text_get (text), ==, "서울");
  gb_text_set_preferred_languages (NULL);
}

static void
test_region (void)
{
  g_autoptr(GbText) text = gb_text_new ();
  const char *pt[] = { "pt_BR.UTF-8", NULL };

  gb_text_set (text, "pt", "Seul");
  gb_text_set (text, "pt-br", "Seul (BR)");
  gb_text_set (text, "en", "Seoul");

  gb_text_set_preferred_languages (pt);
  g_assert_cmpstr (gb_text_get (text), ==, "Seul (BR)");
  gb_text_set_preferred_languages (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/plain", test_plain);
  g_test_add_func ("/text/fallback", test_fallback);
  g_test_add_func ("/text/no-english", test_no_english);
  g_test_add_func ("/text/region", test_region);

  return g_test_run ();
}
