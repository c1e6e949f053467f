/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gb-dossier-loader.h"
#include "gb-search.h"
#include "gb-test-load.h"

typedef struct
{
  const char *text;
  const char *query;
  gboolean    matches;
} MatchCase;

static const MatchCase match_cases[] = {
  /* case */
  { "Seoul", "seoul", TRUE },
  { "Seoul", "SEOUL", TRUE },
  { "ministry of foreign affairs", "Foreign AFFAIRS", TRUE },
  /* Latin diacritics */
  { "Café Zürich", "cafe zurich", TRUE },
  { "cafe", "café", TRUE },
  { "Łódź", "lodz", TRUE },
  { "İstanbul", "istanbul", TRUE },
  { "Straße", "STRASSE", TRUE },
  /* every word must occur, in any order */
  { "Cooperation Action Plan for 2025–2027", "plan cooperation", TRUE },
  { "Cooperation Action Plan for 2025–2027", "plan treaty", FALSE },
  { "Cooperation Action Plan for 2025–2027", "2025-2027", TRUE },
  /* typographic quotes and dashes */
  { "T’way Air", "t'way", TRUE },
  { "Seoul–Astana", "seoul-astana", TRUE },
  /* Cyrillic: case, ё as е, but й is a letter of its own */
  { "Юн Сок Ёль", "ЮН", TRUE },
  { "Юн Сок Ёль", "ёль", TRUE },
  { "Юн Сок Ёль", "ель", TRUE },
  { "Юн Сок Ель", "ёль", TRUE },
  { "мой", "мои", FALSE },
  { "мои", "мой", FALSE },
  { "Мой дом", "МОЙ", TRUE },
  { "Республика Корея", "республика", TRUE },
  /* Kazakh letters are letters, not decorated Russian ones */
  { "Қасым-Жомарт Тоқаев", "қасым", TRUE },
  { "Қасым-Жомарт Тоқаев", "ҚАСЫМ", TRUE },
  { "Қасым-Жомарт Тоқаев", "касым", FALSE },
  { "Инчхон халықаралық әуежайы", "ӘУЕЖАЙ", TRUE },
  { "Инчхон халықаралық әуежайы", "ауежай", FALSE },
  { "Мұрат Нұртілеу", "нұртілеу", TRUE },
  /* Korean, whole and half-typed syllables */
  { "서울", "서울", TRUE },
  { "인천국제공항", "국제", TRUE },
  { "누르틀레우", "누르틀", TRUE },
  { "서울", "서우", TRUE },
  { "서울", "ㅅ", TRUE },
  { "서울", "부산", FALSE },
  { "대한민국 외교부", "외교", TRUE },
  /* invisible characters don't hide a word, nor make one */
  { "\u202Eevil\u202C text", "evil", TRUE },
  { "ab\u200Bcd", "abcd", TRUE },
  /* an empty query finds nothing */
  { "anything", "", FALSE },
  { "anything", "   ", FALSE },
};

static void
test_match (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      const MatchCase *mc = &match_cases[i];

      if (gb_search_match (mc->text, mc->query) != mc->matches)
        {
          g_autofree char *query = g_strescape (mc->query, NULL);
          g_autofree char *text = g_strescape (mc->text, NULL);

          g_error ("case %u: \"%s\" %s \"%s\"", i, query,
                   mc->matches ? "should match" : "should not match", text);
        }
    }
}

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "  Hello   World  ", "hello world" },
    { "ÀÉÎÕÜ", "aeiou" },
    { "Ёё", "ее" },
    { "Қә", "қә" },
    { "\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd" },  /* invalid UTF-8 made valid, not a crash */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gb_search_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static gboolean
results_contain (GPtrArray  *results,
                 const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (gb_item_get_id (results->pdata[i]), id))
      return TRUE;

  return FALSE;
}

typedef struct
{
  const char *lang;
  const char *query;
  const char *first;      /* the best result, or NULL for none */
  const char *also;       /* another expected result, or NULL */
} SearchCase;

static const SearchCase search_cases[] = {
  { "en", "seoul", "place-seoul", NULL },
  /* The exact name first, then the park named after it. */
  { "en", "astana hub", "org-astana-hub", "agr-astana-hub" },
  { "en", "SEOUL", "place-seoul", NULL },
  { "en", "Séoul", "place-seoul", NULL },
  { "en", "action plan", NULL, "agr-action-plan-2025-2027" },
  { "en", "golden bridge", "fig-koreans-in-kazakhstan", NULL },
  { "en", "NQZ", "place-nqz", NULL },
  { "en", "t'way", "org-tway", NULL },
  { "en", "Сеул", "place-seoul", NULL },
  { "en", "zzzz", NULL, NULL },
  /* A word of a summary in Russian only, in an English interface. */
  { "en", "фотовыставка туристическом", NULL, "agr-photo-exhibition" },
  { "en", "работает до 5 ноября", NULL, "agr-photo-exhibition" },
  { "ru", "сеул", "place-seoul", NULL },
  { "ru", "нуртлеу", "person-nurtleu", NULL },
  { "ru", "юн сок ель", "person-yoon", NULL },
  { "kk", "Қасым", "person-tokayev", NULL },
  { "kk", "тоқаев", "person-tokayev", NULL },
  { "ko", "서울", "place-seoul", NULL },
  { "ko", "윤석열", "person-yoon", NULL },
  /* The meeting's Korean title starts with the name: both are found. */
  { "ko", "누르틀", "evt-meeting-yoon", "person-nurtleu" },
  { "ko", "인천", "place-icn", NULL },
};

static void
test_dossier (gconstpointer data)
{
  const SearchCase *sc = data;
  const char *langs[] = { sc->lang, NULL };
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) results = NULL;

  gb_text_set_preferred_languages (langs);
  results = gb_search_dossier (dossier, sc->query, 0);
  gb_text_set_preferred_languages (NULL);

  if (sc->first == NULL && sc->also == NULL)
    g_assert_cmpuint (results->len, ==, 0);
  if (sc->first != NULL)
    {
      g_assert_cmpuint (results->len, >, 0);
      g_assert_cmpstr (gb_item_get_id (results->pdata[0]), ==, sc->first);
    }
  if (sc->also != NULL)
    g_assert_true (results_contain (results, sc->also));

  /* Sources are not search results: the details show them. */
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (gb_item_get_kind (results->pdata[i]), !=, GB_ITEM_KIND_SOURCE);
}

static void
test_limits (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) few = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (huge, "a ");
  results = gb_search_dossier (dossier, huge->str, 0);
  g_assert_cmpuint (results->len, >, 0);   /* "a" occurs; the paste is cut, not refused */

  few = gb_search_dossier (dossier, "a", 3);
  g_assert_cmpuint (few->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/match", test_match);
  g_test_add_func ("/search/limits", test_limits);
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/dossier/%s/%u", search_cases[i].lang, i);

      g_test_add_data_func (path, &search_cases[i], test_dossier);
    }

  return g_test_run ();
}
