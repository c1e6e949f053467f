/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* Writes @bytes to @file atomically: a temporary file in the same folder,
 * flushed to disk, then renamed over @file. @file is the old or the new
 * complete file at every moment. Blocks: for worker threads and the
 * command line. */
gboolean    gb_file_replace_atomically   (GFile                *file,
                                          GBytes               *bytes,
                                          GCancellable         *cancellable,
                                          GError              **error);

gboolean    gb_dossier_save              (GbDossier            *dossier,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
void        gb_dossier_save_async        (GbDossier            *dossier,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    gb_dossier_save_finish       (GbDossier            *dossier,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
