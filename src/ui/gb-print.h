/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gb-dossier.h"

G_BEGIN_DECLS

/* Prints the story's briefing (src/render/gb-briefing.c) through a
 * GtkPrintOperation: the Print dialog for @action GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
 * or straight into the PDF @export_path for GTK_PRINT_OPERATION_ACTION_EXPORT.
 *
 * Returns: the operation's result; %GTK_PRINT_OPERATION_RESULT_ERROR with @error set */
GtkPrintOperationResult gb_print_briefing (GtkWindow               *parent,
                                           GbDossier               *dossier,
                                           GtkPrintOperationAction  action,
                                           const char              *export_path,
                                           GError                 **error);
/* As gb_print_briefing(), a failure said in a toast on @toasts. */
GtkPrintOperationResult gb_print_run      (GtkWindow               *parent,
                                           GbDossier               *dossier,
                                           GtkPrintOperationAction  action,
                                           const char              *export_path,
                                           AdwToastOverlay         *toasts);

G_END_DECLS
