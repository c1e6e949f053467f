/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-label"

#include "config.h"

#include "gb-label.h"

/* Words longer than this may still break, as any word may in a label that
 * wraps at characters: a file's text can be one word a megabyte long. */
#define KEEP_WORD_MAX_CHARS 10

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F);
}

/**
 * gb_label_set_story_text:
 * @text: (nullable): text from the story, shown as it is (never markup)
 *
 * Korean is written with spaces between words, and a line breaks only
 * there, but Pango breaks between any two Hangul syllables, as the line
 * breaking algorithm allows: "5일" split across lines, "카자 / 흐스탄".
 * Each word holding Hangul is kept whole (CSS's word-break: keep-all),
 * up to a length past which it may break as before.
 *
 * Spaces at the end go: GTK 4.8 measures a label that wraps at characters
 * and ends in a space wider for a given height than its minimum width
 * ("Keyboard ", a title being typed: 22 px against 17), which a box
 * reports as a critical warning.
 */
void
gb_label_set_story_text (GtkLabel   *label,
                         const char *text)
{
  g_autofree char *shown = NULL;
  PangoAttrList *attrs = NULL;
  const char *word = NULL;
  gboolean hangul = FALSE;
  guint chars = 0;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";
  text = shown = g_strchomp (g_strdup (text));

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (word != NULL && hangul && chars > 1 && chars <= KEEP_WORD_MAX_CHARS)
            {
              PangoAttribute *keep = pango_attr_allow_breaks_new (FALSE);

              if (attrs == NULL)
                attrs = pango_attr_list_new ();
              keep->start_index = word - text;
              keep->end_index = p - text;
              pango_attr_list_insert (attrs, keep);
            }
          word = NULL;
          hangul = FALSE;
          chars = 0;
          if (c == 0)
            break;
          continue;
        }

      if (word == NULL)
        word = p;
      hangul |= is_hangul (c);
      chars++;
    }

  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}
