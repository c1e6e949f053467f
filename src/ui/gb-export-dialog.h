/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

#define GB_TYPE_EXPORT_DIALOG (gb_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GbExportDialog, gb_export_dialog, GB, EXPORT_DIALOG, AdwWindow)

/* Main menu → Export…: a format chooser, then a file chooser, then the
 * export with what the format could not carry said. @map_widget (nullable)
 * is the window's map: the PNG is the map as it is on screen when the map
 * is shown, and the story's whole map otherwise. */
GbExportDialog *gb_export_dialog_new            (GtkWindow      *parent,
                                                 GbDossier      *dossier,
                                                 GtkWidget      *map_widget);
/* The format chosen, by its command-line name ("pdf"). */
const char     *gb_export_dialog_get_format     (GbExportDialog *self);

/* For tests: Export writes to @file without showing the file chooser. */
void            gb_export_dialog_set_test_file  (GbExportDialog *self,
                                                 GFile          *file);

G_END_DECLS
