/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-export.h"
#include "gb-item.h"

G_BEGIN_DECLS

/* Shared by the writers (gb-export-*.c): text made safe for any output,
 * provenance lines, and the notes on what a format cannot carry. */

/* The writers, one per file; the table in gb-export.c names them. */
GBytes *gb_export_timelinejs              (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
GBytes *gb_export_timelinejs_csv          (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
/* The TimelineJS 3 tree both TimelineJS writers write: {"title", "events",
 * "eras", "scale"}, with the notes on what it cannot carry. */
JsonNode *gb_export_timelinejs_build      (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
GBytes *gb_export_storymap                (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
GBytes *gb_export_ics                     (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
GBytes *gb_export_geojson                 (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);
GBytes *gb_export_dossier                 (GbDossier   *dossier,
                                           GPtrArray   *notes,
                                           GError     **error);

/* @text without control characters (tab and newline stay) and with its
 * direction controls isolated (gb_bidi_dup_isolated()); %NULL for %NULL. */
char   *gb_export_dup_clean               (const char  *text);
/* Appends @text as HTML character data: cleaned, & < > " ' escaped, a line
 * break as <br>. */
void    gb_export_append_html             (GString     *out,
                                           const char  *text);
/* Appends @text as <p> paragraphs, one per blank-line-separated block. */
void    gb_export_append_html_paragraphs  (GString     *out,
                                           const char  *text);
/* An item's source as a paragraph and its quote as a blockquote, in HTML. */
void    gb_export_append_provenance_html  (GString     *out,
                                           GbItem      *item);
/* The same as plain text: "Source: Title — Publisher, date", the quote in
 * quotation marks, and the link, one a line. %NULL when there is no source. */
char   *gb_export_dup_provenance_text     (GbItem      *item);
/* Who and where, as the views show it under an item's title: "Murat
 * Nurtleu, Cho Tae-yul · Seoul"; %NULL when the item names neither. */
char   *gb_export_dup_meta                (GbItem      *item);
/* An item's description as <p> paragraphs, its people and places, then its
 * provenance. */
char   *gb_export_dup_item_html           (GbItem      *item);
/* A Knight Lab text object, {"headline": …, "text": …}, as member "text":
 * the headline is escaped here, @html (nullable) is written as it is. */
void    gb_export_add_text_object         (JsonBuilder *builder,
                                           const char  *headline,
                                           const char  *html);
/* An item's title and description, cleaned. */
char   *gb_export_dup_title               (GbItem      *item);
char   *gb_export_dup_description         (GbItem      *item);

/* "Story" or "Background": what TimelineJS groups and calendar categories
 * call the two kinds of event. */
const char *gb_export_event_group         (GbItem      *item);

void    gb_export_note                    (GPtrArray   *notes,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
/* Notes the texts kept in one language when the dossier has more. */
void    gb_export_note_languages          (GPtrArray   *notes,
                                           GbDossier   *dossier);
/* What each family of formats carries, for gb_export_note_not_carried():
 * the sources they cite and their own items. A calendar or a story map
 * carries dated events at places; GeoJSON, places and the routes between
 * them; a TimelineJS timeline, events and agreements. */
#define GB_EXPORT_EVENTS_AT_PLACES (GB_ITEM_KIND_BIT (GB_ITEM_KIND_SOURCE) | \
                                    GB_ITEM_KIND_BIT (GB_ITEM_KIND_EVENT) | \
                                    GB_ITEM_KIND_BIT (GB_ITEM_KIND_PLACE))
#define GB_EXPORT_PLACES_AND_ROUTES (GB_ITEM_KIND_BIT (GB_ITEM_KIND_SOURCE) | \
                                     GB_ITEM_KIND_BIT (GB_ITEM_KIND_PLACE) | \
                                     GB_ITEM_KIND_BIT (GB_ITEM_KIND_ROUTE))
#define GB_EXPORT_EVENTS_AND_AGREEMENTS (GB_ITEM_KIND_BIT (GB_ITEM_KIND_SOURCE) | \
                                         GB_ITEM_KIND_BIT (GB_ITEM_KIND_EVENT) | \
                                         GB_ITEM_KIND_BIT (GB_ITEM_KIND_AGREEMENT))

/* Notes the items of every kind but those in @carried (GB_ITEM_KIND_BIT()s)
 * as not carried at all. */
void    gb_export_note_not_carried        (GPtrArray   *notes,
                                           GbDossier   *dossier,
                                           guint        carried);

/* A number with at most @decimals decimals, without trailing zeros, where
 * json-glib would write 17 digits. Only in trees given to
 * gb_export_json_to_bytes(). */
void    gb_export_add_number              (JsonBuilder *builder,
                                           double       value,
                                           int          decimals);
/* @root as pretty-printed JSON with a final newline. */
GBytes *gb_export_json_to_bytes           (JsonNode    *root);

G_END_DECLS
