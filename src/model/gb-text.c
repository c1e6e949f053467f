/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-text"

#include "config.h"

#include <string.h>

#include "gb-text.h"

struct _GbText
{
  gatomicrefcount  ref_count;
  char            *plain;
  GHashTable      *by_lang;   /* lang tag → string */
};

G_DEFINE_BOXED_TYPE (GbText, gb_text, gb_text_ref, gb_text_unref)

/* Overridable for tests and for the app's language menu; NULL means follow
 * the process locale (g_get_language_names()). */
static char **preferred_languages;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GbText *
gb_text_new (void)
{
  GbText *text = g_new0 (GbText, 1);

  g_atomic_ref_count_init (&text->ref_count);
  return text;
}

GbText *
gb_text_new_plain (const char *value)
{
  GbText *text = gb_text_new ();

  text->plain = g_strdup (value);
  return text;
}

GbText *
gb_text_ref (GbText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
gb_text_unref (GbText *text)
{
  g_return_if_fail (text != NULL);

  if (g_atomic_ref_count_dec (&text->ref_count))
    {
      g_clear_pointer (&text->plain, g_free);
      g_clear_pointer (&text->by_lang, g_hash_table_unref);
      g_free (text);
    }
}

/**
 * gb_text_set:
 * @lang: (nullable): a language tag such as "en" or "kk", or %NULL for the
 *   untagged value
 */
void
gb_text_set (GbText     *text,
             const char *lang,
             const char *value)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (value != NULL);

  if (lang == NULL)
    {
      g_free (text->plain);
      text->plain = g_strdup (value);
      return;
    }

  if (text->by_lang == NULL)
    text->by_lang = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (text->by_lang, g_ascii_strdown (lang, -1), g_strdup (value));
}

/**
 * gb_text_get_exact:
 *
 * Returns: (nullable): the value tagged exactly @lang, without fallback
 */
const char *
gb_text_get_exact (const GbText *text,
                   const char   *lang)
{
  g_autofree char *down = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (lang == NULL)
    return text->plain;
  if (text->by_lang == NULL)
    return NULL;

  down = g_ascii_strdown (lang, -1);
  return g_hash_table_lookup (text->by_lang, down);
}

/* Match "kk_KZ.UTF-8@x" against tags "kk-kz" and "kk". */
static const char *
lookup_locale_name (const GbText *text,
                    const char   *name)
{
  g_autofree char *tag = NULL;
  const char *value;
  char *p;

  if (text->by_lang == NULL || name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return NULL;

  tag = g_ascii_strdown (name, -1);
  if ((p = strpbrk (tag, ".@")) != NULL)
    *p = '\0';
  for (p = tag; *p; p++)
    if (*p == '_')
      *p = '-';

  if ((value = g_hash_table_lookup (text->by_lang, tag)))
    return value;

  if ((p = strchr (tag, '-')) != NULL)
    {
      *p = '\0';
      if ((value = g_hash_table_lookup (text->by_lang, tag)))
        return value;
    }

  return NULL;
}

/**
 * gb_text_get_for_lang:
 * @lang: (nullable): a preferred language, tried before the user's
 *
 * Returns: the best value: @lang, then the user's languages, then the
 *   untagged value, then English, then any value. Never %NULL.
 */
const char *
gb_text_get_for_lang (const GbText *text,
                      const char   *lang)
{
  const char * const *names;
  const char *value;

  g_return_val_if_fail (text != NULL, "");

  if (lang != NULL && (value = lookup_locale_name (text, lang)))
    return value;

  names = preferred_languages != NULL ? (const char * const *) preferred_languages
                                      : g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    if ((value = lookup_locale_name (text, names[i])))
      return value;

  if (text->plain != NULL)
    return text->plain;

  if (text->by_lang != NULL)
    {
      GHashTableIter iter;
      const char *key;
      const char *first = NULL;
      const char *first_key = NULL;

      if ((value = g_hash_table_lookup (text->by_lang, "en")))
        return value;

      /* Deterministic fallback: the smallest tag. */
      g_hash_table_iter_init (&iter, text->by_lang);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        if (first_key == NULL || strcmp (key, first_key) < 0)
          {
            first_key = key;
            first = value;
          }
      if (first != NULL)
        return first;
    }

  return "";
}

const char *
gb_text_get (const GbText *text)
{
  return gb_text_get_for_lang (text, NULL);
}

/**
 * gb_text_get_preferred:
 *
 * The value in one of the reader's languages, with none of the fallbacks
 * of gb_text_get(): for a translation, which is no help in a language the
 * reader did not ask for.
 *
 * Returns: (nullable): the value in the first of the reader's languages
 *   that @text has, or %NULL
 */
const char *
gb_text_get_preferred (const GbText *text)
{
  const char * const *names;
  const char *value;

  g_return_val_if_fail (text != NULL, NULL);

  names = preferred_languages != NULL ? (const char * const *) preferred_languages
                                      : g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    if ((value = lookup_locale_name (text, names[i])))
      return value;

  return NULL;
}

/**
 * gb_text_dup_langs:
 *
 * Returns: (transfer full): the language tags present, sorted
 */
char **
gb_text_dup_langs (const GbText *text)
{
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();

  g_return_val_if_fail (text != NULL, NULL);

  if (text->by_lang != NULL)
    {
      GHashTableIter iter;
      const char *key;

      g_hash_table_iter_init (&iter, text->by_lang);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        g_ptr_array_add (langs, g_strdup (key));
      g_ptr_array_sort (langs, compare_strings);
    }
  g_ptr_array_add (langs, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&langs), FALSE);
}

gboolean
gb_text_is_empty (const GbText *text)
{
  return text == NULL ||
         ((text->plain == NULL || text->plain[0] == '\0') &&
          (text->by_lang == NULL || g_hash_table_size (text->by_lang) == 0));
}

/**
 * gb_text_set_preferred_languages:
 * @langs: (nullable): locale names, most preferred first; %NULL to follow
 *   the process locale
 */
void
gb_text_set_preferred_languages (const char * const *langs)
{
  g_strfreev (preferred_languages);
  preferred_languages = g_strdupv ((char **) langs);
}
