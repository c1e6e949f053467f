/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-history.h"

G_BEGIN_DECLS

#define GB_TYPE_DOCUMENT (gb_document_get_type ())

G_DECLARE_FINAL_TYPE (GbDocument, gb_document, GB, DOCUMENT, GObject)

/* A story open in a window: the dossier, the history of its edits, the file
 * Save writes to and the draft that keeps unsaved edits through a crash.
 * A story read from someone else's format, or the bundled one, is not
 * editable: the user edits a copy of it. */
GbDocument *gb_document_new             (GbDossier     *dossier);
/* A new story, or a copy to edit: editable, unsaved, with no file. */
GbDocument *gb_document_new_unsaved     (GbDossier     *dossier);
/* A restored draft: its edits unsaved, the draft @draft_id kept on. */
GbDocument *gb_document_new_restored    (GbDossier     *dossier,
                                         const char    *draft_id);

GbDossier  *gb_document_get_dossier     (GbDocument    *self);
GbHistory  *gb_document_get_history     (GbDocument    *self);
gboolean    gb_document_get_editable    (GbDocument    *self);
gboolean    gb_document_get_modified    (GbDocument    *self);
gboolean    gb_document_get_saving      (GbDocument    *self);
/* Where Save writes: NULL until the first Save As of a new story. */
GFile      *gb_document_get_file        (GbDocument    *self);

/* Writes the story to @file (NULL: the document's file) without blocking.
 * Once written, @file is the document's and the edits up to the start of
 * the save are saved; a failure keeps every edit, unsaved. */
void        gb_document_save_async      (GbDocument          *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    gb_document_save_finish     (GbDocument          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The user threw the unsaved edits away: their draft goes too. */
void        gb_document_discard_draft   (GbDocument    *self);

G_END_DECLS
