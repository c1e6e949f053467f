/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gb-application.h"
#include "gb-document.h"
#include "gb-dossier.h"
#include "gb-selection.h"

G_BEGIN_DECLS

#define GB_TYPE_WINDOW (gb_window_get_type ())

G_DECLARE_FINAL_TYPE (GbWindow, gb_window, GB, WINDOW, AdwApplicationWindow)

GbWindow    *gb_window_new            (GbApplication *application);
GbDossier   *gb_window_get_dossier    (GbWindow      *self);
void         gb_window_set_dossier    (GbWindow      *self,
                                       GbDossier     *dossier);
GbSelection *gb_window_get_selection  (GbWindow      *self);
gboolean     gb_window_is_loading     (GbWindow      *self);
void         gb_window_open_file      (GbWindow      *self,
                                       GFile         *file);
void         gb_window_open_bundled   (GbWindow      *self);
const char  *gb_window_get_error      (GbWindow      *self);
const char  *gb_window_get_visible_view (GbWindow    *self);
const char  *gb_window_get_page       (GbWindow      *self);
GbDocument  *gb_window_get_document   (GbWindow      *self);
void         gb_window_set_test_save_file (GbWindow  *self,
                                           GFile     *file);
/* Offers the drafts a crash left; returns whether there were any. */
gboolean     gb_window_offer_drafts   (GbWindow      *self);
void         gb_window_reshow_story   (GbWindow      *self);

G_END_DECLS
