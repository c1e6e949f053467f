/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-dossier.h"
#include "gb-json-read.h"
#include "gb-problems.h"
#include "gb-source.h"

G_BEGIN_DECLS

/* What the Knight Lab importers share (StoryMapJS grew out of TimelineJS and
 * keeps its text and media objects): problem reports with JSON paths, the
 * dossier being built, its source for the file itself, and media credits. */

typedef struct _GbImporter GbImporter;

/* The importers report with gb_problems_*() and read with gb_json_read_*()
 * (gb-json-read.h) on @problems; the other fields are gb-import-common.c's. */
struct _GbImporter
{
  GbProblems *problems;
  GbProblems *skipped;       /* what was wrong with the events left out */
  guint       n_skipped;
  const char *data;          /* the file's bytes, borrowed */
  gsize       length;
  char       *display_name;
  char       *format_name;
  char       *file_title;
  GbDossier  *dossier;
  GbSource   *file_source;
  guint       n_media;
};

/* @format_name: "TimelineJS 3", "StoryMapJS", for the file source's note and
 * the dossier's origin */
/* An event the file holds: gb_importer_end_event() leaves it out, its
 * problems kept apart, when reading it found any. */
guint       gb_importer_begin_event       (GbImporter  *self);
void        gb_importer_end_event         (GbImporter  *self,
                                           guint        begun);
GbImporter *gb_importer_new               (const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           const char  *format_name);
void        gb_importer_free              (GbImporter  *self);

GbDossier  *gb_importer_get_dossier       (GbImporter  *self);
/* The file's name without folder and extension, for titles. */
const char *gb_importer_get_file_title    (GbImporter  *self);
/* The article source that stands for the file; made on first use. */
GbSource   *gb_importer_get_file_source   (GbImporter  *self);
/* Adds @item with the file as its source and @quote as its quote. */
void        gb_importer_add               (GbImporter  *self,
                                           GbItem      *item,
                                           GbSource    *source,
                                           const char  *quote);
/* Adds a source the importer made, such as one for the file's eras. */
void        gb_importer_add_source        (GbImporter  *self,
                                           GbSource    *source);

/* A string member holding HTML, as plain text: NULL when missing or when no
 * text is left. */
char       *gb_importer_dup_html          (GbImporter  *self,
                                           JsonObject  *obj,
                                           const char  *name,
                                           gboolean     one_line);

/* A Knight Lab media object ({url, caption, credit}) at member "media" of
 * @obj: adds a context source for it (title: the caption, or @fallback_title;
 * publisher: the credit; url: only an http, https or protocol-relative one)
 * and appends a paragraph about it to @description. Does nothing when the
 * media says nothing. */
void        gb_importer_add_media         (GbImporter  *self,
                                           JsonObject  *obj,
                                           const char  *fallback_title,
                                           GString     *description);

/* A Knight Lab text object ({headline, text}) at member "text" of @obj, as
 * plain text: the headline on one line, the text with its paragraphs. */
void        gb_importer_read_text         (GbImporter  *self,
                                           JsonObject  *obj,
                                           char       **headline,
                                           char       **text);

/* Appends @paragraph to @description, a blank line after what is there. */
void        gb_importer_append_paragraph  (GString     *description,
                                           const char  *paragraph);
/* The first line of @text, at most @max_chars characters, with "…" when cut. */
char       *gb_importer_dup_excerpt       (const char  *text,
                                           guint        max_chars);

/* The two readers: each adds what @root holds to the importer's dossier.
 * StoryMapJS refuses a story told on an image, with a #GB_LOAD_ERROR. */
void        gb_timelinejs_read            (GbImporter  *self,
                                           JsonObject  *root);
gboolean    gb_storymap_read              (GbImporter  *self,
                                           JsonObject  *root,
                                           GError     **error);

/* Seals the dossier, or gives one error with a line per problem. */
GbDossier  *gb_importer_finish            (GbImporter  *self,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GbImporter, gb_importer_free)

G_END_DECLS
