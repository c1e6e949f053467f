/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-search"

#include "config.h"

#include <string.h>

#include "gb-agreement.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-search.h"

/* How well a word matched, best first. */
enum {
  RANK_TITLE_PREFIX,
  RANK_TITLE_WORD,
  RANK_TITLE,
  RANK_OTHER_LANGUAGE,
  RANK_DETAILS,
  RANK_QUOTE,
  N_RANKS
};

typedef struct
{
  int   rank;
  char *folded;
} Field;

static void
field_clear (gpointer data)
{
  g_free (((Field *) data)->folded);
}

/* Letters that are not base + combining mark in Unicode but that readers of
 * Latin text treat as accented forms. */
static gunichar
fold_letter (gunichar c)
{
  switch (c)
    {
    case 0x0131: return 'i';   /* ı dotless i */
    case 0x0142: return 'l';   /* ł */
    case 0x00F8: return 'o';   /* ø */
    case 0x0111: return 'd';   /* đ */
    case 0x0127: return 'h';   /* ħ */
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default:
      return c;
    }
}

static gboolean
strips_marks (GUnicodeScript script)
{
  return script == G_UNICODE_SCRIPT_LATIN ||
         script == G_UNICODE_SCRIPT_GREEK ||
         script == G_UNICODE_SCRIPT_CYRILLIC ||
         script == G_UNICODE_SCRIPT_COMMON;
}

/**
 * gb_search_fold:
 * @text: UTF-8 text
 *
 * Folds @text for matching: compatibility-decomposed (so Hangul syllables
 * become their jamo and a half-typed syllable still matches), case-folded,
 * accents removed from Latin, Greek and Cyrillic letters, typographic quotes
 * and dashes made plain, runs of white space made one space.
 *
 * What counts as a diacritic: marks that readers treat as optional. Cyrillic
 * ё folds to е (Russian writes them interchangeably), but the breve of й and ў
 * is kept: й is its own letter, and "мой" must not match "мои". Kazakh letters
 * such as қ, ә, ө, ү, ұ, ң, ғ, і are letters in their own right (Unicode has no
 * decomposition for them) and stay as they are. Marks of other scripts
 * (Devanagari vowel signs, for example) are part of the letter and are kept.
 *
 * Returns: (transfer full): the folded text
 */
char *
gb_search_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *casefolded = NULL;
  g_autofree char *normalized = NULL;
  GString *out;
  GUnicodeScript base_script = G_UNICODE_SCRIPT_COMMON;
  gunichar base = 0;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  casefolded = g_utf8_casefold (decomposed, -1);
  /* Case folding can compose again ("İ" → "i̇"); decompose once more. */
  normalized = g_utf8_normalize (casefolded, -1, G_NORMALIZE_ALL);

  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        {
          gboolean keep = !strips_marks (base_script);

          /* й, ў (and Chuvash ӑ, ӗ) are letters, not decorated и, у. */
          if (base_script == G_UNICODE_SCRIPT_CYRILLIC && c == 0x0306)
            keep = TRUE;
          /* Combining marks of other scripts ride on a base; with no base they go. */
          if (keep && base != 0)
            g_string_append_unichar (out, c);
          continue;
        }

      if (g_unichar_isspace (c) || type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT)
        {
          /* Bidi controls and zero-width characters are invisible: drop them,
           * but let real white space separate words. */
          if (g_unichar_isspace (c) && out->len > 0)
            space = TRUE;
          continue;
        }

      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      c = fold_letter (c);
      base = c;
      base_script = g_unichar_get_script (c);
      if (base_script == G_UNICODE_SCRIPT_INHERITED)
        base_script = G_UNICODE_SCRIPT_COMMON;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* strstr() that doesn't split a letter from the mark it keeps: "мои" is not
 * found in "мой" (и + breve). */
static const char *
find_folded (const char *haystack,
             const char *needle)
{
  gsize len = strlen (needle);
  const char *at = haystack;

  while ((at = strstr (at, needle)) != NULL)
    {
      gunichar next = g_utf8_get_char (at + len);

      if (next == 0 || g_unichar_type (next) != G_UNICODE_NON_SPACING_MARK)
        return at;
      at = g_utf8_next_char (at);
    }

  return NULL;
}

/**
 * gb_search_folded_match:
 * @folded_haystack: text folded with gb_search_fold()
 * @folded_query: a query folded with gb_search_fold()
 *
 * Returns: %TRUE if every word of the query occurs in the haystack; an empty
 *   query matches nothing
 */
gboolean
gb_search_folded_match (const char *folded_haystack,
                        const char *folded_query)
{
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  words = g_strsplit (folded_query, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (find_folded (folded_haystack, words[i]) == NULL)
        return FALSE;
      any = TRUE;
    }

  return any;
}

/**
 * gb_search_match:
 *
 * Returns: %TRUE if every word of @query occurs in @text, ignoring case and
 *   diacritics
 */
gboolean
gb_search_match (const char *text,
                 const char *query)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  folded_text = gb_search_fold (text);
  folded_query = gb_search_fold (query);

  return gb_search_folded_match (folded_text, folded_query);
}

static void
add_field (GArray     *fields,
           int         rank,
           const char *text)
{
  Field field;

  if (text == NULL || text[0] == '\0')
    return;

  field.rank = rank;
  field.folded = gb_search_fold (text);
  g_array_append_val (fields, field);
}

/* A text in the reader's language, then in each of its others: "Сеул"
 * finds an item by its Russian description in an English interface. */
static void
add_text_field (GArray *fields,
                int     rank,
                GbText *text)
{
  g_auto(GStrv) langs = NULL;
  const char *shown;

  if (text == NULL)
    return;

  shown = gb_text_get (text);
  add_field (fields, rank, shown);
  langs = gb_text_dup_langs (text);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *value = gb_text_get_exact (text, langs[i]);

      if (g_strcmp0 (value, shown) != 0)
        add_field (fields, rank, value);
    }
}

/* Every translation of the title, so that "Сеул" finds Seoul in English too. */
static void
add_other_languages (GArray *fields,
                     GbText *text)
{
  g_auto(GStrv) langs = NULL;

  if (text == NULL)
    return;

  langs = gb_text_dup_langs (text);
  for (guint i = 0; langs[i] != NULL; i++)
    add_field (fields, RANK_OTHER_LANGUAGE, gb_text_get_exact (text, langs[i]));
}

static GArray *
collect_fields (GbItem *item)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (Field));

  g_array_set_clear_func (fields, field_clear);

  add_field (fields, RANK_TITLE, gb_item_get_title (item));
  add_other_languages (fields, gb_item_get_title_text (item));
  add_text_field (fields, RANK_DETAILS, gb_item_get_description_text (item));

  if (GB_IS_AGREEMENT (item))
    {
      GPtrArray *covers = gb_agreement_get_covers (GB_AGREEMENT (item));

      for (guint i = 0; i < covers->len; i++)
        add_text_field (fields, RANK_DETAILS, covers->pdata[i]);
    }
  else if (GB_IS_PERSON (item))
    {
      add_field (fields, RANK_DETAILS, gb_person_get_role (GB_PERSON (item)));
    }
  else if (GB_IS_ORGANISATION (item))
    {
      add_field (fields, RANK_TITLE, gb_organisation_get_short_name (GB_ORGANISATION (item)));
    }
  else if (GB_IS_PLACE (item))
    {
      add_field (fields, RANK_TITLE, gb_place_get_iata (GB_PLACE (item)));
    }
  else if (GB_IS_ROUTE (item))
    {
      const char * const *operators = gb_route_get_operators (GB_ROUTE (item));

      add_field (fields, RANK_DETAILS, gb_route_get_schedule (GB_ROUTE (item)));
      for (guint i = 0; operators != NULL && operators[i] != NULL; i++)
        add_field (fields, RANK_DETAILS, operators[i]);
    }

  add_field (fields, RANK_QUOTE, gb_item_get_quote (item));
  add_text_field (fields, RANK_QUOTE, gb_item_get_quote_translation (item));

  return fields;
}

static gboolean
starts_word (const char *haystack,
             const char *at)
{
  gunichar prev;

  if (at == haystack)
    return TRUE;

  prev = g_utf8_get_char (g_utf8_prev_char (at));
  return !g_unichar_isalnum (prev);
}

static int
rank_word (GArray     *fields,
           const char *word)
{
  int best = -1;

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);
      const char *at;
      int rank = field->rank;

      if (best != -1 && rank >= best)
        continue;
      if (!(at = find_folded (field->folded, word)))
        continue;

      if (rank == RANK_TITLE && starts_word (field->folded, at))
        rank = at == field->folded ? RANK_TITLE_PREFIX : RANK_TITLE_WORD;
      /* A translation that starts with the word ("Сеул") before those that
       * only hold it ("посольство в Сеуле"), now that most titles have one. */
      else if (rank == RANK_OTHER_LANGUAGE && at == field->folded)
        rank = RANK_TITLE;
      best = best == -1 ? rank : MIN (best, rank);
    }

  return best;
}

/**
 * gb_search_score_item:
 * @folded_query: a query folded with gb_search_fold()
 *
 * Returns: -1 if @item doesn't match, else a rank where lower is better
 *   (title matches before translations, details and quotes)
 */
int
gb_search_score_item (GbItem     *item,
                      const char *folded_query)
{
  g_autoptr(GArray) fields = NULL;
  g_auto(GStrv) words = NULL;
  int score = -1;

  g_return_val_if_fail (GB_IS_ITEM (item), -1);
  g_return_val_if_fail (folded_query != NULL, -1);

  fields = collect_fields (item);
  words = g_strsplit (folded_query, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int rank;

      if (words[i][0] == '\0')
        continue;
      if ((rank = rank_word (fields, words[i])) < 0)
        return -1;
      score = MAX (score, rank);
    }

  return score;
}

typedef struct
{
  GbItem *item;
  int     score;
  glong   title_chars;
  guint   order;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *ha = a;
  const Hit *hb = b;

  if (ha->score != hb->score)
    return ha->score < hb->score ? -1 : 1;
  /* Of two titles that match as well, the one that is more the query:
   * "Мурат Нуртлеу" before "Официальный визит Мурата Нуртлеу…". */
  if (ha->title_chars != hb->title_chars)
    return ha->title_chars < hb->title_chars ? -1 : 1;

  return ha->order < hb->order ? -1 : ha->order > hb->order;
}

/* The order results of equal rank come in. */
static const GbItemKind searched_kinds[] = {
  GB_ITEM_KIND_EVENT,
  GB_ITEM_KIND_AGREEMENT,
  GB_ITEM_KIND_PLACE,
  GB_ITEM_KIND_PERSON,
  GB_ITEM_KIND_FIGURE,
  GB_ITEM_KIND_ORGANISATION,
  GB_ITEM_KIND_ROUTE,
};

/**
 * gb_search_dossier:
 * @query: what the user typed
 * @max_results: at most this many results, 0 for no limit
 *
 * Searches events, agreements, places, people, figures, organisations and
 * routes of @dossier, best matches first.
 *
 * Returns: (transfer full) (element-type GbItem): the matching items
 */
GPtrArray *
gb_search_dossier (GbDossier  *dossier,
                   const char *query,
                   guint       max_results)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autofree char *bounded = NULL;
  g_autofree char *folded = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint order = 0;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), out);
  g_return_val_if_fail (query != NULL, out);

  /* Long pastes are cut at a character boundary, not searched in full. */
  bounded = g_utf8_substring (query, 0, MIN (g_utf8_strlen (query, -1), GB_SEARCH_MAX_QUERY));
  folded = g_strstrip (gb_search_fold (bounded));
  if (folded[0] == '\0')
    return out;

  for (guint k = 0; k < G_N_ELEMENTS (searched_kinds); k++)
    {
      GListModel *model = gb_dossier_get_items_of_kind (dossier, searched_kinds[k]);
      guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (model, i);
          Hit hit;

          hit.score = gb_search_score_item (item, folded);
          hit.title_chars = g_utf8_strlen (gb_item_get_title (item), -1);
          if (hit.score < 0)
            continue;
          hit.item = item;
          hit.order = order++;
          g_array_append_val (hits, hit);
        }
    }

  g_array_sort (hits, compare_hits);

  for (guint i = 0; i < hits->len; i++)
    {
      if (max_results > 0 && out->len >= max_results)
        break;
      g_ptr_array_add (out, g_object_ref (g_array_index (hits, Hit, i).item));
    }

  return out;
}
