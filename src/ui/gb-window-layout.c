/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-window"

#include "config.h"

#include "gb-window-private.h"

/* On a wide window the timeline stands in a column beside the map (or the
 * cards, a switch away), so what is chosen in one is seen in the other at
 * once, and the detail pane is the third column. Narrower, the three views
 * take turns under the switcher as before. The window's width decides, not
 * what is left beside the details: opening them never moves the timeline
 * away from under the pointer. The timeline is one widget that moves
 * between the two places (one model, one scroll position), and its page in
 * the view stack is hidden while it stands beside. The side column is a
 * plain box's child, not an AdwLeaflet's: the width is ours to judge, and
 * libadwaita 1.2's leaflet leaks a render node per unfolded snapshot
 * (LeakSanitizer, in every test that showed it). */

/* The side column (340), the map beside it (400) and the details (320). */
#define BESIDE_MIN_WIDTH 1060

/* Beside nothing, or with nothing in it, the timeline is better alone.
 * Asked once per story shown, not at every size allocation: a story of
 * 100,000 events without a date would be read through each time. */
static gboolean
story_fits_beside (GbDossier *dossier)
{
  return dossier != NULL &&
         gb_window_view_has_content (dossier, "timeline") &&
         (gb_window_view_has_content (dossier, "map") ||
          gb_window_view_has_content (dossier, "agreements"));
}

static gboolean
beside_wanted (GbWindow *self)
{
  return self->story_fits_beside &&
         gtk_widget_get_width (GTK_WIDGET (self)) >= BESIDE_MIN_WIDTH &&
         g_settings_get_boolean (self->settings, "timeline-beside-map");
}

static gboolean
has_focus_within (GbWindow  *self,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
move_timeline (GbWindow *self,
               gboolean  beside)
{
  g_autoptr(GtkWidget) timeline = g_object_ref (self->timeline_view);

  if (beside)
    {
      adw_bin_set_child (self->timeline_slot, NULL);
      adw_clamp_set_child (self->side_column, timeline);
    }
  else
    {
      adw_clamp_set_child (self->side_column, NULL);
      adw_bin_set_child (self->timeline_slot, timeline);
    }
}

static gboolean
refocus_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  gtk_widget_grab_focus (widget);
  return G_SOURCE_REMOVE;
}

static void
apply_layout (GbWindow *self,
              gboolean  beside)
{
  GbDossier *dossier = gb_selection_get_dossier (self->selection);
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack,
                                                    GTK_WIDGET (self->timeline_slot));
  gboolean had_focus = has_focus_within (self, self->timeline_view);


  self->beside = beside;

  /* The stack shows another view before the timeline's page goes. */
  if (beside && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                           "timeline") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack,
                                           gb_window_view_has_content (dossier, "map") ?
                                           "map" : "agreements");
  /* GTK 4.8 would keep the focus on a row the moved list then drops. */
  if (had_focus)
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  move_timeline (self, beside);
  adw_view_stack_page_set_visible (page, !beside);
  gtk_widget_set_visible (GTK_WIDGET (self->side_column), beside);
  gtk_widget_set_visible (self->side_separator, beside);

  /* A reader who was in the timeline stays in it. */
  if (!beside && had_focus)
    adw_view_stack_set_visible_child_name (self->view_stack, "timeline");
  /* Once it is drawn in its new place: moved, it has lost the focus. */
  if (had_focus)
    gtk_widget_add_tick_callback (self->timeline_view, refocus_tick_cb, NULL, NULL);
}

static gboolean
layout_idle_cb (gpointer data)
{
  GbWindow *self = data;

  self->layout_idle_id = 0;
  gb_window_layout_update (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
gb_window_layout_update (GbWindow *self,
                         gboolean  deferred)
{
  gboolean beside = beside_wanted (self);

  if (beside == self->beside)
    return;

  /* Widgets must not move while the window allocates them. */
  if (deferred)
    {
      if (self->layout_idle_id == 0)
        self->layout_idle_id = g_idle_add (layout_idle_cb, self);
      return;
    }

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  apply_layout (self, beside);
}

void
gb_window_layout_story_changed (GbWindow *self)
{
  self->story_fits_beside = story_fits_beside (gb_selection_get_dossier (self->selection));
  gb_window_layout_update (self, FALSE);
}

gboolean
gb_window_layout_is_beside (GbWindow *self)
{
  return self->beside;
}

static void
beside_setting_cb (GbWindow *self)
{
  gb_window_layout_update (self, FALSE);
}

void
gb_window_layout_init (GbWindow *self)
{
  g_signal_connect_object (self->settings, "changed::timeline-beside-map",
                           G_CALLBACK (beside_setting_cb), self, G_CONNECT_SWAPPED);
}

void
gb_window_layout_dispose (GbWindow *self)
{
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
}
