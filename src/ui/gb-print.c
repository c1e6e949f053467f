/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-print"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-briefing.h"
#include "gb-print.h"

/* The pages are the briefing's, with its own margins: the operation gives
 * the whole sheet (use-full-page) in points, and each page is laid out for
 * the paper chosen in the dialog. */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GbBriefing        *briefing)
{
  guint n_pages;

  g_assert (GB_IS_BRIEFING (briefing));

  n_pages = gb_briefing_paginate (briefing, gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) n_pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GbBriefing        *briefing)
{
  g_assert (GB_IS_BRIEFING (briefing));

  if (page_nr >= 0 && (guint) page_nr < gb_briefing_get_n_pages (briefing))
    gb_briefing_draw_page (briefing, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

/**
 * gb_print_briefing:
 * @parent: (nullable): the window the dialog belongs to
 * @export_path: (nullable): the PDF to write, for %GTK_PRINT_OPERATION_ACTION_EXPORT
 */
GtkPrintOperationResult
gb_print_briefing (GtkWindow                *parent,
                   GbDossier                *dossier,
                   GtkPrintOperationAction   action,
                   const char               *export_path,
                   GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GbBriefing) briefing = NULL;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  briefing = gb_briefing_new (dossier);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = gb_dossier_get_title (dossier);
  if (title != NULL && title[0] != '\0')
    gtk_print_operation_set_job_name (operation, title);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), briefing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), briefing);

  return gtk_print_operation_run (operation, action, parent, error);
}

/**
 * gb_print_run:
 * @parent: (nullable): the window the dialog belongs to
 * @export_path: (nullable): the PDF to write, for %GTK_PRINT_OPERATION_ACTION_EXPORT
 * @toasts: where a failure is said
 *
 * As gb_print_briefing(), for a person at the window: a print that fails is
 * said in a toast, not only in the log, and a cancelled one says nothing.
 *
 * Returns: the operation's result
 */
GtkPrintOperationResult
gb_print_run (GtkWindow               *parent,
              GbDossier               *dossier,
              GtkPrintOperationAction  action,
              const char              *export_path,
              AdwToastOverlay         *toasts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), GTK_PRINT_OPERATION_RESULT_ERROR);

  result = gb_print_briefing (parent, dossier, action, export_path, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return result;

  /* Translators: %s says why, as the printing system put it */
  message = g_strdup_printf (_("Could not print: %s"),
                             error != NULL ? error->message : _("unknown error"));
  g_message ("%s", message);
  /* Toast titles are markup in libadwaita 1.2; the reason is not. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (toasts, adw_toast_new (escaped));
  return result;
}
