/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gb-selection.h"

G_BEGIN_DECLS

#define GB_TYPE_VIEW (gb_view_get_type ())

/* What every view of the story is: a widget on the window's one selection.
 * The window's template sets GbView:selection; a view implements the two
 * vfuncs and follows the story and the chosen item, never another view. */
G_DECLARE_DERIVABLE_TYPE (GbView, gb_view, GB, VIEW, GtkWidget)

struct _GbViewClass
{
  GtkWidgetClass parent_class;

  /* The story shown changed: the selection's, or another selection's. */
  void (*dossier_changed) (GbView *self);
  /* The chosen item changed, or the view follows another selection. */
  void (*item_changed)    (GbView *self);

  /* TRUE: while in a window but not mapped (a page not shown), the view waits
   * and catches up on both when it is mapped. */
  gboolean build_when_mapped;
};

GbSelection *gb_view_get_selection (GbView      *self);
void         gb_view_set_selection (GbView      *self,
                                    GbSelection *selection);
GbDossier   *gb_view_get_dossier   (GbView      *self);
GbItem      *gb_view_get_item      (GbView      *self);
void         gb_view_select        (GbView      *self,
                                    GbItem      *item);

G_END_DECLS
