/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What gb-window.c shares with gb-window-edit.c, the window's editing:
 * New, Edit a Copy, Save, Save As, Undo, Redo and the item forms. */

#include "gb-detail-pane.h"
#include "gb-document.h"
#include "gb-search-results.h"
#include "gb-window.h"

G_BEGIN_DECLS

struct _GbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *error;
  GbDocument           *document;      /* the story shown, NULL for none */
  GFile                *test_save_file;  /* Save As chooses it, for the tests */
  gboolean              close_confirmed;
  gboolean              beside;        /* the timeline stands in the side column */
  gboolean              story_fits_beside;
  guint                 layout_idle_id;
  GtkWidget            *focus_return;  /* weak: the view the details were opened from */

  /* Template objects */
  GbSelection          *selection;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_bar_label;
  GtkLabel             *error_page_label;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  AdwViewStack         *view_stack;
  GtkWidget            *side_separator;
  AdwClamp             *side_column;
  AdwBin               *timeline_slot;
  GtkWidget            *timeline_view;
  GtkWidget            *map_view;
  GMenu                *recent_section;
  GMenu                *language_section;
  GtkMenuButton        *menu_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GbSearchResults      *search_results;
  AdwFlap              *flap;
  GbDetailPane         *detail_pane;
  GtkWidget            *edit_button;
  GtkWidget            *delete_button;
  GtkWidget            *edit_copy_button;
};

/* gb-window.c */
void      gb_window_show_error            (GbWindow          *self,
                                           const char        *message);
void      gb_window_update_actions        (GbWindow          *self);
void      gb_window_add_recent            (GFile             *file);
gboolean  gb_window_view_has_content     (GbDossier         *dossier,
                                           const char        *view);

/* gb-window-layout.c */
void      gb_window_layout_init           (GbWindow          *self);
void      gb_window_layout_dispose        (GbWindow          *self);
/* Puts the timeline beside the other views or among them, as the window's
 * width, the settings and the story shown ask; at once or, during a size
 * allocation (@deferred), from an idle. */
void      gb_window_layout_update         (GbWindow          *self,
                                           gboolean           deferred);
/* The same, once another story is shown. */
void      gb_window_layout_story_changed  (GbWindow          *self);
gboolean  gb_window_layout_is_beside      (GbWindow          *self);

/* gb-window-edit.c */
void      gb_window_edit_class_init       (GtkWidgetClass    *widget_class);
void      gb_window_edit_dispose          (GbWindow          *self);
/* Shows @document (NULL: none) in the window. */
void      gb_window_edit_set_document     (GbWindow          *self,
                                           GbDocument        *document);
void      gb_window_edit_update_actions   (GbWindow          *self);
void      gb_window_edit_update_title     (GbWindow          *self);

typedef void (*GbWindowThen) (GbWindow *self,
                              gpointer  data);

/* Runs @then once the story shown may go: at once when nothing is unsaved,
 * else after asking Save / Discard / Cancel (and never, on Cancel). */
void      gb_window_edit_confirm          (GbWindow          *self,
                                           GbWindowThen       then,
                                           gpointer           data,
                                           GDestroyNotify     destroy);

G_END_DECLS
