/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-render-formats"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "gb-briefing.h"
#include "gb-export-private.h"
#include "gb-map-render.h"
#include "gb-render-formats.h"

/* The export formats drawn with cairo: each a writer like the core's, in a
 * table added to the core's at start-up. */

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
count_figures_with_text (GbDossier *dossier)
{
  GListModel *figures = gb_dossier_get_figures (dossier);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(GbItem) figure = g_list_model_get_item (figures, i);
      const char *description = gb_item_get_description (figure);
      const char *quote = gb_item_get_quote (figure);

      if ((description != NULL && description[0] != '\0') || (quote != NULL && quote[0] != '\0'))
        n++;
    }
  return n;
}

/* What the briefing has no room for: items without a section of their own,
 * and the key figures' texts, so that a compact list stays one. */
static void
note_briefing (GPtrArray *notes,
               GbDossier *dossier)
{
  guint n_people = g_list_model_get_n_items (gb_dossier_get_people (dossier));
  guint n_organisations = g_list_model_get_n_items (gb_dossier_get_organisations (dossier));
  guint n_figures = count_figures_with_text (dossier);

  if (n_people + n_organisations > 0)
    gb_export_note (notes,
                    _("people and organisations have no entry of their own (people: %u; "
                      "organisations: %u): the briefing names them where they take part"),
                    n_people, n_organisations);
  if (g_list_model_get_n_items (gb_dossier_get_routes (dossier)) > 0)
    gb_export_note (notes,
                    _("routes are drawn on the map with their distance and duration; their "
                      "operators and schedules are left out"));
  if (n_figures > 0)
    gb_export_note (notes,
                    _("key figures are listed without their descriptions and quotes "
                      "(figures that have one: %u)"),
                    n_figures);
  gb_export_note_languages (notes, dossier);
}

/**
 * gb_render_briefing_pdf:
 * @notes: (nullable): gets a line for each thing the briefing leaves out
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
gb_render_briefing_pdf (GbDossier  *dossier,
                        GbPaper     paper,
                        GPtrArray  *notes,
                        GError    **error)
{
  g_autoptr(GbBriefing) briefing = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gb_paper_get_size (paper, &width, &height);
  briefing = gb_briefing_new (dossier);
  gb_briefing_paginate (briefing, width, height);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, data, width, height);
  title = gb_export_dup_clean (gb_dossier_get_title (dossier));
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < gb_briefing_get_n_pages (briefing); i++)
    {
      gb_briefing_draw_page (briefing, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  note_briefing (notes, dossier);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
export_pdf_a4 (GbDossier  *dossier,
               GPtrArray  *notes,
               GError    **error)
{
  return gb_render_briefing_pdf (dossier, GB_PAPER_A4, notes, error);
}

static GBytes *
export_pdf_letter (GbDossier  *dossier,
                   GPtrArray  *notes,
                   GError    **error)
{
  return gb_render_briefing_pdf (dossier, GB_PAPER_LETTER, notes, error);
}

static GBytes *
export_png (GbDossier  *dossier,
            GPtrArray  *notes,
            GError    **error)
{
  return gb_render_map_png (dossier, GB_MAP_IMAGE_WIDTH, GB_MAP_IMAGE_HEIGHT, notes, error);
}

static const GbExportFormat render_formats[] = {
  { "pdf", N_("PDF briefing (A4)"), "pdf", "application/pdf", FALSE, export_pdf_a4 },
  { "pdf-letter", N_("PDF briefing (US Letter)"), "pdf", "application/pdf", FALSE,
    export_pdf_letter },
  { "png", N_("Map image (PNG)"), "png", "image/png", FALSE, export_png },
};

void
gb_render_add_export_formats (void)
{
  gb_export_add_formats (render_formats, G_N_ELEMENTS (render_formats));
}

void
gb_render_note_map_image (GPtrArray *notes,
                          GbDossier *dossier)
{
  /* A map shows places and routes, and names no source. */
  const guint carried = GB_ITEM_KIND_BIT (GB_ITEM_KIND_PLACE) |
                        GB_ITEM_KIND_BIT (GB_ITEM_KIND_ROUTE);

  g_return_if_fail (GB_IS_DOSSIER (dossier));

  gb_export_note_not_carried (notes, dossier, carried);
}

/**
 * gb_render_map_png:
 * @notes: (nullable): gets a line for what the image leaves out
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
gb_render_map_png (GbDossier  *dossier,
                   int         width,
                   int         height,
                   GPtrArray  *notes,
                   GError    **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gb_map_render_has_content (dossier))
    {
      g_set_error_literal (error, GB_EXPORT_ERROR, GB_EXPORT_ERROR_EMPTY,
                           _("the story has no places or routes to draw on a map"));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  gb_map_render (cr, dossier, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, data);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot make the image: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  gb_render_note_map_image (notes, dossier);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
