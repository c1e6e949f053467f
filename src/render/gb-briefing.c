/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gb-agreement.h"
#include "gb-briefing.h"
#include "gb-date.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-figure-format.h"
#include "gb-labels.h"
#include "gb-map-render.h"
#include "gb-source.h"

/* The layout works in points on a PangoContext of its own at 72 dpi with
 * unhinted metrics, so that the pages break the same on every surface: a
 * PDF, a printer's, an image. Text is a list of blocks (paragraphs, and
 * the map); pagination places their lines on pages, a paragraph breaking
 * between lines and a heading kept with what follows it. Every text from
 * the story goes in with pango_layout_set_text(), never as markup. */

#define MARGIN 56.0           /* 2 cm */
#define FOOTER_HEIGHT 24.0
#define MAP_ASPECT 0.68

typedef enum
{
  STYLE_TITLE,
  STYLE_LEAD,       /* the period under the title */
  STYLE_HEADING,
  STYLE_ITEM,       /* an event's or agreement's first line */
  STYLE_BODY,
  STYLE_META,       /* who, where, status: smaller and grey */
  STYLE_QUOTE,
  STYLE_LINK,
  STYLE_SOURCE,     /* a source in the list, kept with its link */
  STYLE_BULLET,     /* what an agreement covers */
  STYLE_LOG,        /* an agreement's follow-up entries */
  STYLE_MAP,
  N_STYLES
} Style;

static const struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  slant;
  double      r, g, b;
  double      space_before;
  double      indent;
  gboolean    keep_with_next;
} styles[N_STYLES] = {
  [STYLE_TITLE]   = { 22, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0.10, 0.10, 0.10, 0, 0, FALSE },
  [STYLE_LEAD]    = { 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.35, 0.35, 0.35, 4, 0, FALSE },
  [STYLE_HEADING] = { 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0.10, 0.27, 0.50, 18, 0, TRUE },
  [STYLE_ITEM]    = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0.10, 0.10, 0.10, 9, 0, TRUE },
  [STYLE_BODY]    = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.10, 0.10, 0.10, 3, 0, FALSE },
  [STYLE_META]    = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.38, 0.38, 0.38, 2, 0, FALSE },
  [STYLE_QUOTE]   = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0.38, 0.38, 0.38, 2, 12, FALSE },
  [STYLE_LINK]    = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.08, 0.35, 0.75, 1, 18, FALSE },
  [STYLE_SOURCE]  = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.10, 0.10, 0.10, 3, 0, TRUE },
  [STYLE_BULLET]  = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.10, 0.10, 0.10, 2, 12, FALSE },
  [STYLE_LOG]     = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.25, 0.25, 0.25, 1, 12, FALSE },
  [STYLE_MAP]     = { 0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 0, 0, 8, 0, FALSE },
};

typedef struct
{
  double top, height, baseline, x;
} Line;

typedef struct
{
  Style        style;
  PangoLayout *layout;   /* NULL for the map */
  char        *link;     /* cairo's link attributes, or NULL */
  double       height;   /* the map's */
  GArray      *lines;    /* of Line */
} Block;

typedef struct
{
  guint  block;
  guint  first, end;     /* lines [first, end) */
  double y;
} Placement;

struct _GbBriefing
{
  GObject       parent_instance;

  GbDossier    *dossier;
  PangoContext *context;
  GHashTable   *source_numbers;   /* GbSource → number, from 1 */
  GPtrArray    *blocks;           /* of Block */
  GPtrArray    *pages;            /* of GArray of Placement */
  double        width, height;
};

G_DEFINE_FINAL_TYPE (GbBriefing, gb_briefing, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block->link);
  g_free (block);
}

/* Text as Pango should get it: no control characters but tab and newline. */
static char *
dup_plain (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static double
content_width (GbBriefing *self)
{
  return self->width - 2 * MARGIN;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  do
    {
      PangoRectangle logical;
      int y0, y1;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) y0 / PANGO_SCALE;
      line.height = (double) (y1 - y0) / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A paragraph of @style; @bold_len bytes at its start are bold. */
static Block *
add_text_full (GbBriefing *self,
               Style       style,
               const char *text,
               gsize       bold_len)
{
  Block *block = g_new0 (Block, 1);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  g_autofree char *plain = dup_plain (text);

  block->style = style;
  block->layout = pango_layout_new (self->context);
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout,
                          (int) ((content_width (self) - styles[style].indent) * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (block->layout, TRUE);
  pango_layout_set_text (block->layout, plain, -1);

  if (bold_len > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = MIN (bold_len, strlen (plain));
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (block->layout, attrs);
      pango_attr_list_unref (attrs);
    }

  measure_lines (block);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static Block *
add_text (GbBriefing *self,
          Style       style,
          const char *text)
{
  return add_text_full (self, style, text, 0);
}

/* "4 November 2024 — Title", the first part bold. */
static void
add_pair (GbBriefing *self,
          Style       style,
          const char *bold,
          const char *rest)
{
  g_autofree char *plain_bold = dup_plain (bold);
  g_autofree char *text = NULL;

  if (rest == NULL || rest[0] == '\0')
    {
      add_text_full (self, style, plain_bold, strlen (plain_bold));
      return;
    }
  /* Translators: between a date or figure and what it is, in the printed briefing */
  text = g_strdup_printf (_("%s — %s"), plain_bold, rest);
  add_text_full (self, style, text, strlen (plain_bold));
}

static void
add_link (GbBriefing *self,
          const char *url)
{
  Block *block;
  GString *attrs;

  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return;

  block = add_text (self, STYLE_LINK, url);
  /* cairo's attribute syntax: a quoted string, \ and ' escaped. */
  attrs = g_string_new ("uri='");
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attrs, '\\');
      g_string_append_c (attrs, *p);
    }
  g_string_append_c (attrs, '\'');
  block->link = g_string_free (attrs, FALSE);
}

/* ------------------------------------------------------------------------ */
/* The story's sections                                                     */

/* The date as the briefing writes it, or NULL for none. */
static char *
dup_date_text (GbDate *date)
{
  return date != NULL ? gb_date_format (date) : NULL;
}

/* " [3]": the number of the item's source in the list at the end. */
static char *
dup_with_citation (GbBriefing *self,
                   GbItem     *item,
                   const char *text)
{
  GbSource *source = gb_item_get_source (item);
  guint n = source != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->source_numbers,
                                                                     source)) : 0;

  if (n == 0)
    return g_strdup (text);
  /* Translators: a text and the number of its source in the briefing's list */
  return g_strdup_printf (_("%s [%u]"), text, n);
}

static void
add_quote (GbBriefing *self,
           GbItem     *item)
{
  const char *quote = gb_item_get_quote (item);
  g_autofree char *quoted = NULL;

  if (quote == NULL || quote[0] == '\0')
    return;
  /* Translators: a quotation from a source */
  quoted = g_strdup_printf (_("“%s”"), quote);
  add_text (self, STYLE_QUOTE, quoted);
}

static void
add_description (GbBriefing *self,
                 GbItem     *item)
{
  const char *description = gb_item_get_description (item);

  if (description != NULL && description[0] != '\0')
    add_text (self, STYLE_BODY, description);
}

static void
add_heading_section (GbBriefing *self)
{
  const char *title = gb_dossier_get_title (self->dossier);
  const char *summary = gb_dossier_get_summary (self->dossier);
  GbDate *period = gb_dossier_get_period (self->dossier);

  add_text (self, STYLE_TITLE, title != NULL && title[0] != '\0' ? title
                                                                 : gb_dossier_get_id (self->dossier));
  if (period != NULL)
    {
      g_autofree char *text = gb_date_format (period);

      add_text (self, STYLE_LEAD, text);
    }
  if (summary != NULL && summary[0] != '\0')
    add_text (self, STYLE_BODY, summary);
}

typedef void (*AddItemFunc) (GbBriefing *self,
                             GbItem     *item,
                             guint       index);

/* A heading and an entry for each item of @items; nothing if there is none. */
static void
add_list_section (GbBriefing  *self,
                  GListModel  *items,
                  const char  *heading,
                  AddItemFunc  add_item)
{
  guint n = g_list_model_get_n_items (items);

  if (n == 0)
    return;

  add_text (self, STYLE_HEADING, heading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GbItem) item = g_list_model_get_item (items, i);

      add_item (self, item, i);
    }
}

/* Whether @text holds @date_text whole: "Bilateral trade in 2023" holds
 * "2023", "in 20230" does not. */
static gboolean
text_holds_date (const char *text,
                 const char *date_text)
{
  gsize len = strlen (date_text);

  for (const char *at = strstr (text, date_text); at != NULL; at = strstr (at + 1, date_text))
    {
      gboolean digit_before = at > text && g_ascii_isdigit (at[-1]);
      gboolean digit_after = g_ascii_isdigit (at[len]);

      if (!digit_before && !digit_after)
        return TRUE;
    }
  return FALSE;
}

static void
add_figure (GbBriefing *self,
            GbItem     *item,
            guint       index)
{
  g_autofree char *value = gb_figure_format (GB_FIGURE (item));
  g_autofree char *date_text = dup_date_text (gb_item_get_date (item));
  g_autofree char *label = NULL;
  g_autofree char *cited = NULL;
  const char *title = gb_item_get_title (item);

  /* The date once: a label often names its year already. */
  if (date_text != NULL && !text_holds_date (title, date_text))
    /* Translators: a key figure's label and the date it refers to */
    label = g_strdup_printf (_("%s (%s)"), title, date_text);
  else
    label = g_strdup (title);
  cited = dup_with_citation (self, item, label);
  add_pair (self, STYLE_BODY, value, cited);
}

static void
add_event (GbBriefing *self,
           GbItem     *event,
           guint       index)
{
  g_autofree char *date_text = dup_date_text (gb_item_get_date (event));
  g_autofree char *title = dup_with_citation (self, event, gb_item_get_title (event));
  g_autofree char *meta = gb_labels_dup_item_meta (event);

  add_pair (self, STYLE_ITEM, date_text != NULL ? date_text : _("Undated"), title);
  if (gb_item_is_context (event))
    add_text (self, STYLE_META, _("Background: context for the story, not part of it"));
  if (meta[0] != '\0')
    add_text (self, STYLE_META, meta);
  add_description (self, event);
  add_quote (self, event);
}

typedef char *(*FormatFunc) (gconstpointer entry);

/* A paragraph of @style for each of @entries, in the words @format gives it. */
static void
add_each (GbBriefing *self,
          Style       style,
          GPtrArray  *entries,
          FormatFunc  format)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      g_autofree char *text = format (g_ptr_array_index (entries, i));

      add_text (self, style, text);
    }
}

static char *
format_follow_up (gconstpointer data)
{
  const GbFollowUp *entry = data;
  g_autofree char *date = dup_date_text (entry->date);
  const char *status = gb_labels_agreement_status (entry->status);
  const char *note = entry->note != NULL ? gb_text_get (entry->note) : NULL;

  if (note != NULL && note[0] != '\0')
    /* Translators: a follow-up entry: date, status, and a note */
    return g_strdup_printf (_("%s: %s — %s"), date != NULL ? date : "", status, note);
  /* Translators: a follow-up entry: date and status */
  return g_strdup_printf (_("%s: %s"), date != NULL ? date : "", status);
}

static char *
format_cover (gconstpointer data)
{
  return g_strdup_printf ("• %s", gb_text_get ((GbText *) data));
}

static void
add_follow_ups (GbBriefing  *self,
                GbAgreement *agreement)
{
  GPtrArray *log = gb_agreement_get_follow_ups (agreement);

  if (log == NULL || log->len == 0)
    return;

  add_text (self, STYLE_META, _("Follow-up:"));
  add_each (self, STYLE_LOG, log, format_follow_up);
}

static void
add_agreement (GbBriefing *self,
               GbItem     *item,
               guint       index)
{
  GbAgreement *agreement = GB_AGREEMENT (item);
  GPtrArray *covers = gb_agreement_get_covers (agreement);
  g_autofree char *title = dup_with_citation (self, item, gb_item_get_title (item));
  g_autofree char *parties = gb_labels_dup_parties (agreement);
  g_autofree char *period_text = dup_date_text (gb_item_get_date (item));
  g_autoptr(GString) line = g_string_new (NULL);

  add_text (self, STYLE_ITEM, title);

  /* Translators: an agreement's kind and status in the printed briefing */
  g_string_printf (line, _("%s · %s"),
                   gb_labels_agreement_kind (gb_agreement_get_agreement_kind (agreement)),
                   gb_labels_agreement_status (gb_agreement_get_current_status (agreement)));
  if (period_text != NULL)
    g_string_append_printf (line, " · %s", period_text);
  add_text (self, STYLE_META, line->str);
  if (parties != NULL && parties[0] != '\0')
    add_text (self, STYLE_META, parties);
  add_description (self, item);

  add_each (self, STYLE_BULLET, covers, format_cover);
  add_follow_ups (self, agreement);
  add_quote (self, item);
}

static void
add_map_section (GbBriefing *self)
{
  Block *block;

  if (!gb_map_render_has_content (self->dossier))
    return;

  add_text (self, STYLE_HEADING, _("Map"));
  block = g_new0 (Block, 1);
  block->style = STYLE_MAP;
  block->height = MIN (content_width (self) * MAP_ASPECT,
                       (self->height - 2 * MARGIN - FOOTER_HEIGHT) * 0.8);
  g_ptr_array_add (self->blocks, block);
}

static void
add_source (GbBriefing *self,
            GbItem     *item,
            guint       index)
{
  GbSource *source = GB_SOURCE (item);
  const char *title = gb_item_get_title (item);
  const char *publisher = gb_source_get_publisher (source);
  g_autofree char *date_text = dup_date_text (gb_item_get_date (item));
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_printf (line, "%u. %s", index + 1, title != NULL && title[0] ? title
                                                                      : gb_item_get_id (item));
  if (publisher != NULL && publisher[0] != '\0')
    g_string_append_printf (line, " — %s", publisher);
  if (date_text != NULL)
    g_string_append_printf (line, ", %s", date_text);
  if (gb_item_is_context (item))
    g_string_append_printf (line, " (%s)", _("context"));
  add_text (self, STYLE_SOURCE, line->str);
  add_link (self, gb_source_get_url (source));
}

/* ------------------------------------------------------------------------ */
/* Pagination and drawing                                                   */

static double
block_first_height (Block *block)
{
  if (block->layout == NULL)
    return block->height;
  return g_array_index (block->lines, Line, 0).height;
}

static double
block_height (Block *block)
{
  double h = 0;

  if (block->layout == NULL)
    return block->height;
  for (guint i = 0; i < block->lines->len; i++)
    h += g_array_index (block->lines, Line, i).height;
  return h;
}

/* How much of the page block @i needs free to start there. A block kept with
 * the next goes whole with the start of what follows: a heading with its
 * first entry's title (whole, as a source's title is kept with its link),
 * an entry's title with the lines that introduce it (kind, status, people,
 * places) and the first line after them. Without that, a title is left at
 * the foot of a page with nothing of its entry but "Initiative · Planned". */
static double
block_need (GbBriefing *self,
            guint       i)
{
  Block *block = g_ptr_array_index (self->blocks, i);
  double need;
  guint j;

  if (!styles[block->style].keep_with_next)
    return block_first_height (block);

  need = block_height (block);
  for (j = i + 1; j < self->blocks->len; j++)
    {
      Block *next = g_ptr_array_index (self->blocks, j);
      gboolean first_kept = j == i + 1 && styles[next->style].keep_with_next;

      if (!first_kept && next->style != STYLE_META)
        break;
      need += styles[next->style].space_before + block_height (next);
    }
  if (j < self->blocks->len)
    {
      Block *next = g_ptr_array_index (self->blocks, j);

      need += styles[next->style].space_before + block_first_height (next);
    }
  return need;
}

static GArray *
new_page (GbBriefing *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       guint   block,
       guint   first,
       guint   end,
       double  y)
{
  Placement p = { block, first, end, y };

  g_array_append_val (page, p);
}

static void
paginate_blocks (GbBriefing *self)
{
  double top = MARGIN, bottom = self->height - MARGIN - FOOTER_HEIGHT;
  double y = top;
  GArray *page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double space = y > top ? styles[block->style].space_before : 0;
      /* A heading or an item's first line goes with the start of what follows. */
      double need = block_need (self, i);
      guint run = 0;
      double run_y;

      if (y + space + need > bottom && y > top)
        {
          page = new_page (self);
          y = top;
          space = 0;
        }
      y += space;

      if (block->layout == NULL)
        {
          place (page, i, 0, 0, y);
          y += block->height;
          continue;
        }

      run_y = y;
      for (guint j = 0; j < block->lines->len; j++)
        {
          double h = g_array_index (block->lines, Line, j).height;

          if (y + h > bottom && y > top)
            {
              if (j > run)
                place (page, i, run, j, run_y);
              page = new_page (self);
              y = run_y = top;
              run = j;
            }
          y += h;
        }
      place (page, i, run, block->lines->len, run_y);
    }
}

static void
draw_footer (GbBriefing *self,
             cairo_t    *cr,
             guint       page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  g_autofree char *text = NULL;
  g_autofree char *title = dup_plain (gb_dossier_get_title (self->dossier));
  int w, h;

  pango_font_description_set_absolute_size (font, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);

  /* Translators: the page number in the printed briefing's footer */
  text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, self->width - MARGIN - (double) w / PANGO_SCALE,
                 self->height - MARGIN - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);

  /* The story's title on the left, on one line, cut short before the number. */
  g_strdelimit (title, "\n\t", ' ');
  pango_layout_set_text (layout, title, -1);
  pango_layout_set_width (layout, (int) ((content_width (self) * 0.7) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, MARGIN, self->height - MARGIN - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_placement (GbBriefing      *self,
                cairo_t         *cr,
                const Placement *p)
{
  Block *block = g_ptr_array_index (self->blocks, p->block);
  double first_top;

  if (block->layout == NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, p->y);
      gb_map_render (cr, self->dossier, content_width (self), block->height);
      cairo_restore (cr);
      cairo_rectangle (cr, MARGIN, p->y, content_width (self), block->height);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      return;
    }

  first_top = g_array_index (block->lines, Line, p->first).top;
  cairo_set_source_rgb (cr, styles[block->style].r, styles[block->style].g,
                        styles[block->style].b);
  if (block->link != NULL)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, block->link);
  for (guint j = p->first; j < p->end; j++)
    {
      const Line *line = &g_array_index (block->lines, Line, j);

      cairo_move_to (cr, MARGIN + styles[block->style].indent + line->x,
                     p->y + line->baseline - first_top);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, j));
    }
  if (block->link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
number_sources (GbBriefing *self)
{
  GListModel *sources = gb_dossier_get_sources (self->dossier);

  g_hash_table_remove_all (self->source_numbers);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(GbSource) source = g_list_model_get_item (sources, i);

      g_hash_table_insert (self->source_numbers, source, GUINT_TO_POINTER (i + 1));
    }
}

static void
gb_briefing_dispose (GObject *object)
{
  GbBriefing *self = GB_BRIEFING (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->source_numbers, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (gb_briefing_parent_class)->dispose (object);
}

static void
gb_briefing_class_init (GbBriefingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gb_briefing_dispose;
}

static void
gb_briefing_init (GbBriefing *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  /* Unhinted: the same line breaks on paper, in a PDF and on screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_get_default ());

  self->source_numbers = g_hash_table_new (NULL, NULL);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GbBriefing *
gb_briefing_new (GbDossier *dossier)
{
  GbBriefing *self;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  self = g_object_new (GB_TYPE_BRIEFING, NULL);
  self->dossier = g_object_ref (dossier);
  return self;
}

void
gb_paper_get_size (GbPaper  paper,
                   double  *width,
                   double  *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  switch (paper)
    {
    case GB_PAPER_LETTER:
      *width = 612;      /* 8.5 × 11 in */
      *height = 792;
      break;
    case GB_PAPER_A4:
    default:
      *width = 595.276;  /* 210 × 297 mm */
      *height = 841.890;
      break;
    }
}

/**
 * gb_briefing_paginate:
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Lays the briefing out for pages of this size, replacing any earlier
 * layout.
 *
 * Returns: the number of pages, at least 1
 */
guint
gb_briefing_paginate (GbBriefing *self,
                      double      width,
                      double      height)
{
  g_return_val_if_fail (GB_IS_BRIEFING (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN + 72 && height > 2 * MARGIN + FOOTER_HEIGHT + 72, 0);

  self->width = width;
  self->height = height;
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->pages, 0);
  number_sources (self);

  add_heading_section (self);
  add_list_section (self, gb_dossier_get_figures (self->dossier), _("Key figures"), add_figure);
  add_list_section (self, gb_dossier_get_events (self->dossier), _("Timeline"), add_event);
  add_list_section (self, gb_dossier_get_agreements (self->dossier),
                    _("Agreements and initiatives"), add_agreement);
  add_map_section (self);
  add_list_section (self, gb_dossier_get_sources (self->dossier), _("Sources"), add_source);

  paginate_blocks (self);
  return self->pages->len;
}

guint
gb_briefing_get_n_pages (GbBriefing *self)
{
  g_return_val_if_fail (GB_IS_BRIEFING (self), 0);

  return self->pages->len;
}

/**
 * gb_briefing_draw_page:
 * @cr: where to draw, in points, the page's top left at the origin
 * @page: the page, from 0, below gb_briefing_get_n_pages()
 *
 * Draws one page of the layout gb_briefing_paginate() made.
 */
void
gb_briefing_draw_page (GbBriefing *self,
                       cairo_t    *cr,
                       guint       page)
{
  GArray *placements;

  g_return_if_fail (GB_IS_BRIEFING (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}
