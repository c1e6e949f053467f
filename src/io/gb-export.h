/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

#define GB_EXPORT_ERROR (gb_export_error_quark ())

typedef enum
{
  GB_EXPORT_ERROR_EMPTY,   /* the story has nothing the format can be made of */
} GbExportError;

/* Writes @dossier in one format. @notes (a GPtrArray of translated strings)
 * gets one line for each thing the format could not carry, so that nothing
 * is lost without a word. */
typedef GBytes *(*GbExportWriteFunc) (GbDossier  *dossier,
                                      GPtrArray  *notes,
                                      GError    **error);

typedef struct
{
  const char        *name;        /* on the command line: "timelinejs" */
  const char        *title;       /* N_() for a format chooser: "TimelineJS 3 (JSON)" */
  const char        *extension;   /* without the dot */
  const char        *mime_type;
  gboolean           is_text;     /* may be written to a terminal */
  GbExportWriteFunc  write;
} GbExportFormat;

GQuark                 gb_export_error_quark   (void);

/* The formats in the order a chooser shows them. */
const GbExportFormat  *gb_export_get_formats   (guint                 *n_formats);
const GbExportFormat  *gb_export_lookup_format (const char            *name);
/* Formats written outside the core (the PDF and PNG, which draw). */
void                   gb_export_add_formats   (const GbExportFormat  *added,
                                                guint                  n_added);
/* "timelinejs, storymap, ics, geojson", for messages. */
char                  *gb_export_dup_format_names (void);

GBytes                *gb_export_to_bytes      (const GbExportFormat  *format,
                                                GbDossier             *dossier,
                                                GPtrArray             *notes,
                                                GError               **error);
/* Replaces @file atomically: a failed export leaves what was there. */
gboolean               gb_export_to_file       (const GbExportFormat  *format,
                                                GbDossier             *dossier,
                                                GFile                 *file,
                                                GPtrArray             *notes,
                                                GCancellable          *cancellable,
                                                GError               **error);

/* The same without blocking: the file is made in memory at once (writers are
 * quick) and written in the background. _finish() gives the notes. */
void                   gb_export_to_file_async (const GbExportFormat  *format,
                                                GbDossier             *dossier,
                                                GFile                 *file,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
GPtrArray             *gb_export_to_file_finish (GAsyncResult         *result,
                                                 GError              **error);

/* `golden-bridge --export FORMAT --output OUTPUT [PATH]`: @path %NULL exports
 * the bundled story, @output "-" writes to @stdout_stream, the bytes of a
 * binary format too (the caller refuses those when it is a terminal). Messages and notes
 * go to @err, one a line. FORMAT "list" writes the formats' names and titles
 * to @stdout_stream.
 *
 * Returns: the exit status, 0 or 1 */
int                    gb_export_command       (const char            *format_name,
                                                const char            *output,
                                                const char            *path,
                                                GOutputStream         *stdout_stream,
                                                GString               *err);

G_END_DECLS
