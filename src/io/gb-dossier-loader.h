/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

#define GB_LOAD_ERROR (gb_load_error_quark ())

typedef enum
{
  GB_LOAD_ERROR_UNREADABLE,    /* missing, not a regular file, I/O error */
  GB_LOAD_ERROR_TOO_LARGE,
  GB_LOAD_ERROR_UNSAFE,        /* refused before parsing: depth, numbers, NUL, encoding */
  GB_LOAD_ERROR_SYNTAX,        /* not JSON */
  GB_LOAD_ERROR_FORMAT,        /* JSON, but not a dossier this version understands */
  GB_LOAD_ERROR_INVALID,       /* a dossier with problems; one line per problem */
} GbLoadError;

#define GB_DOSSIER_MAX_FILE_SIZE (64 * 1024 * 1024)
#define GB_DOSSIER_MAX_DEPTH     64
#define GB_DOSSIER_MAX_PROBLEMS  50

GQuark      gb_load_error_quark           (void);

GbDossier  *gb_dossier_load_bytes         (GBytes               *bytes,
                                           const char           *display_name,
                                           GError              **error);
GbDossier  *gb_dossier_load_file          (GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        gb_dossier_load_file_async    (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GbDossier  *gb_dossier_load_file_finish   (GAsyncResult         *result,
                                           GError              **error);
GbDossier  *gb_dossier_load_resource      (const char           *path,
                                           GError              **error);
GbDossier  *gb_dossier_load_bundled       (GError              **error);
char       *gb_dossier_dup_summary_line   (GbDossier            *dossier);
GbItem     *gb_dossier_build_item         (GbDossier            *dossier,
                                           GbItemKind            kind,
                                           JsonObject           *obj,
                                           GError              **error);

/* A problem of an item being edited: where in its JSON object (title.en,
 * date.start, follow_up[1].status, "" for the item as a whole) and what. */
typedef struct
{
  char *path;
  char *message;
} GbItemProblem;

void        gb_item_problem_free          (GbItemProblem        *problem);

GbItem     *gb_dossier_build_item_full    (GbDossier            *dossier,
                                           GbItemKind            kind,
                                           JsonObject           *obj,
                                           GbItem               *replacing,
                                           GPtrArray           **problems);
gboolean    gb_dossier_check_story        (JsonObject           *obj,
                                           GbText              **title,
                                           GbText              **summary,
                                           GbDate              **period,
                                           GStrv                *languages,
                                           GPtrArray           **problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GbItemProblem, gb_item_problem_free)

#define GB_BUNDLED_DOSSIER_RESOURCE "/io/github/goldenbridge/GoldenBridge/dossiers/nurtleu-visit-2024.json"

G_END_DECLS
