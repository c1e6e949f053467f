/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gb-agreement.h"
#include "gb-bidi.h"
#include "gb-date-format.h"
#include "gb-event.h"
#include "gb-labels.h"
#include "gb-place.h"
#include "gb-source.h"
#include "gb-time-zone.h"
#include "gb-timeline-model.h"
#include "gb-timeline-row-widget.h"
#include "gb-timeline-view.h"

#define TYPEAHEAD_RESET_MS 1000
#define MAX_REFERENCE_ZONES 4

/* A capital (a city of the dossier with a zone) to show times in. */
typedef struct
{
  GTimeZone *zone;
  char      *place;
} ReferenceZone;

struct _GbTimelineView
{
  GbView              parent_instance;

  GbTimelineModel    *model;
  GtkNoSelection     *list_selection;
  GHashTable         *bound;          /* GbTimelineRowWidget set */
  GArray             *zones;          /* ReferenceZone */
  GString            *typeahead;
  guint               typeahead_reset_id;
  guint               focus_tick_id;
  guint               focus_position;
  guint               activated_position;
  gboolean            show_details;

  GtkStack           *stack;
  GtkListView        *list_view;
  GtkPopover         *popover;
  GtkLabel           *popover_kind;
  GtkLabel           *popover_title;
  GtkLabel           *popover_date;
  GtkLabel           *popover_meta;
  GtkLabel           *popover_description;
  GtkLabel           *popover_source;
  GtkLabel           *popover_quote;
};

G_DEFINE_FINAL_TYPE (GbTimelineView, gb_timeline_view, GB_TYPE_VIEW)

enum {
  PROP_0,
  PROP_SHOW_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reference_zone_clear (gpointer data)
{
  ReferenceZone *zone = data;

  g_clear_pointer (&zone->zone, g_time_zone_unref);
  g_clear_pointer (&zone->place, g_free);
}

static void
update_reference_zones (GbTimelineView *self)
{
  GbDossier *dossier = gb_view_get_dossier (GB_VIEW (self));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *places;
  guint n;

  g_array_set_size (self->zones, 0);
  if (dossier == NULL)
    return;

  places = gb_dossier_get_places (dossier);
  n = g_list_model_get_n_items (places);
  for (guint i = 0; i < n && self->zones->len < MAX_REFERENCE_ZONES; i++)
    {
      g_autoptr(GbPlace) place = g_list_model_get_item (places, i);
      const char *zone_id = gb_place_get_timezone (place);
      ReferenceZone zone;

      if (gb_place_get_place_kind (place) != GB_PLACE_KIND_CITY || zone_id == NULL ||
          g_hash_table_contains (seen, zone_id))
        continue;
      /* The loader checked the id; a model built by hand may not have. */
      zone.zone = gb_time_zone_new_known (zone_id);
      if (zone.zone == NULL)
        continue;
      /* Joined with a time: "10:00 UTC+5 in Astana". */
      zone.place = gb_bidi_dup_isolated (gb_item_get_title (GB_ITEM (place)));
      g_hash_table_add (seen, (gpointer) zone_id);
      g_array_append_val (self->zones, zone);
    }
}

/* The same moment in the first capital whose clock reads differently. */
static char *
dup_other_time (GbTimelineView *self,
                GbDate         *date)
{
  const GbDatePart *start = gb_date_get_start (date);
  gint64 instant;

  if (start->precision != GB_DATE_PRECISION_MINUTE)
    return NULL;

  instant = gb_date_part_to_unix (start);
  for (guint i = 0; i < self->zones->len; i++)
    {
      ReferenceZone *zone = &g_array_index (self->zones, ReferenceZone, i);
      int interval = g_time_zone_find_interval (zone->zone, G_TIME_TYPE_UNIVERSAL, instant);
      g_autofree char *time = NULL;

      if (interval < 0 || g_time_zone_get_offset (zone->zone, interval) == start->utc_offset)
        continue;
      time = gb_date_format_time_in_zone (date, zone->zone);
      if (time == NULL)
        continue;
      /* TRANSLATORS: the same moment elsewhere, e.g. “10:00 UTC+5 in Astana” */
      return g_strdup_printf (_("%s in %s"), time, zone->place);
    }
  return NULL;
}

static void
update_row_linked (GbTimelineView      *self,
                   GbTimelineRowWidget *widget)
{
  GbSelection *selection = gb_view_get_selection (GB_VIEW (self));
  GbTimelineRow *row = gb_timeline_row_widget_get_row (widget);
  GbItem *item = row != NULL ? gb_timeline_row_get_item (row) : NULL;
  gboolean linked = FALSE;
  gboolean selected = FALSE;

  if (item != NULL && selection != NULL &&
      gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM)
    {
      selected = gb_selection_get_item (selection) == item;
      linked = !selected && gb_selection_is_linked (selection, item);
    }
  gb_timeline_row_widget_set_linked (widget, linked, selected);
}

static void
update_all_linked (GbTimelineView *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    update_row_linked (self, widget);
}

static GbTimelineRowWidget *
find_row_widget (GbTimelineView *self,
                 guint           position)
{
  g_autoptr(GbTimelineRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  GHashTableIter iter;
  gpointer widget;

  if (row == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    if (gb_timeline_row_widget_get_row (widget) == row)
      return widget;
  return NULL;
}

/* GtkListView 4.8 has no API to move its focus; once the row has a widget, focusing
 * that widget's list item moves the view's cursor there. */
static gboolean
focus_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (widget);
  GbTimelineRowWidget *row = find_row_widget (self, self->focus_position);

  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));

  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* The row whose list item has the keyboard focus, or G_MAXUINT. */
static guint
get_focus_position (GbTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return G_MAXUINT;

  child = gtk_widget_get_first_child (focus);
  if (!GB_IS_TIMELINE_ROW_WIDGET (child) ||
      gb_timeline_row_widget_get_row (GB_TIMELINE_ROW_WIDGET (child)) == NULL)
    return G_MAXUINT;

  return gb_timeline_model_find_row (self->model,
                                     gb_timeline_row_widget_get_row (GB_TIMELINE_ROW_WIDGET (child)));
}

static void
move_to_position (GbTimelineView *self,
                  guint           position,
                  gboolean        grab_focus)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);

  if (!grab_focus)
    return;

  self->focus_position = position;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_row_tick_cb,
                                                        NULL, NULL);
}

/* The nearest event row from @start on, stepping by @step; G_MAXUINT if none. */
static guint
find_event_row (GbTimelineView *self,
                guint           start,
                int             step)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = start; i < n_rows; i += step)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM)
        return i;
    }

  return G_MAXUINT;
}

/* Where the focus goes coming into the list: the event it was on, else the
 * selected one, else the first. */
static gboolean
focus_into_list (GbTimelineView *self)
{
  guint position = G_MAXUINT;
  GbTimelineRowWidget *widget;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return FALSE;

  if (self->focus_position != G_MAXUINT)
    position = find_event_row (self, self->focus_position, 1);
  if (position == G_MAXUINT && gb_view_get_item (GB_VIEW (self)) != NULL)
    position = gb_timeline_model_find_item (self->model, gb_view_get_item (GB_VIEW (self)));
  if (position == G_MAXUINT)
    position = find_event_row (self, 0, 1);
  if (position == G_MAXUINT)
    return FALSE;

  widget = find_row_widget (self, position);
  if (widget != NULL && gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (widget))))
    return TRUE;

  move_to_position (self, position, TRUE);
  return TRUE;
}

static void
update_page (GbTimelineView *self)
{
  gboolean has_events = gb_timeline_model_get_n_dated (self->model) > 0;

  gtk_stack_set_visible_child_name (self->stack, has_events ? "list" : "empty");
}

static void
gb_timeline_view_dossier_changed (GbView *view)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (view);
  GbDossier *dossier = gb_view_get_dossier (view);

  gtk_popover_popdown (self->popover);
  update_reference_zones (self);
  gb_timeline_model_set_dossier (self->model, dossier);
  update_page (self);
}

/* The first row of an event that the choice links to, or G_MAXUINT. */
static guint
find_first_linked (GbTimelineView *self)
{
  GListModel *rows = G_LIST_MODEL (self->model);
  GbSelection *selection = gb_view_get_selection (GB_VIEW (self));

  for (guint i = 0; selection != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (rows, i);

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          gb_selection_is_linked (selection, gb_timeline_row_get_item (row)))
        return i;
    }
  return G_MAXUINT;
}

/* What is chosen, or else the first event it links to (the signing of an
 * agreement chosen on its card), is scrolled into view: beside the other
 * views, the timeline shows what they chose. */
static void
gb_timeline_view_item_changed (GbView *view)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (view);
  GbItem *item = gb_view_get_item (view);
  guint position;

  update_all_linked (self);

  position = gb_timeline_model_find_item (self->model, item);
  if (position == G_MAXUINT && item != NULL)
    position = find_first_linked (self);
  if (position != G_MAXUINT && position != get_focus_position (self))
    move_to_position (self, position, FALSE);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GbTimelineView           *self)
{
  gtk_list_item_set_child (list_item, gb_timeline_row_widget_new ());
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GbTimelineView           *self)
{
  GbTimelineRow *row = gtk_list_item_get_item (list_item);
  GbTimelineRowWidget *widget = GB_TIMELINE_ROW_WIDGET (gtk_list_item_get_child (list_item));
  GtkWidget *item_widget = gtk_widget_get_parent (GTK_WIDGET (widget));
  gboolean is_item = gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM;
  g_autofree char *other_time = NULL;

  if (is_item)
    other_time = dup_other_time (self, gb_timeline_row_get_date (row));

  gb_timeline_row_widget_set_row (widget, row, other_time);
  /* Only events take the focus and open; headers and gaps are read, not stopped on.
   * GTK 4.8 focuses only selectable list items, GTK 4.12 and later any focusable one
   * (GtkListItem:focusable, newer than our floor, sets the same widget property).
   * The focus lands on the list item, so it carries the row's name for a screen reader. */
  gtk_list_item_set_activatable (list_item, is_item);
  gtk_list_item_set_selectable (list_item, is_item);
  gtk_widget_set_focusable (item_widget, is_item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gb_timeline_row_widget_get_name (widget),
                                  -1);
  g_hash_table_add (self->bound, widget);
  update_row_linked (self, widget);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GbTimelineView           *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound, widget);
  gb_timeline_row_widget_set_row (GB_TIMELINE_ROW_WIDGET (widget), NULL, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
set_popover_label (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The popover points at the row it tells about, or at the view if the row is not
 * on screen. */
static void
point_popover_at (GbTimelineView      *self,
                  GbTimelineRowWidget *widget)
{
  graphene_rect_t bounds;

  if (widget != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (widget), GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) MAX (1, bounds.size.width), (int) MAX (1, bounds.size.height)
      };

      gtk_popover_set_pointing_to (self->popover, &rect);
    }
  else
    gtk_popover_set_pointing_to (self->popover, NULL);
}

static void
show_popover (GbTimelineView *self,
              GbTimelineRow  *row,
              guint           position)
{
  GbItem *item = gb_timeline_row_get_item (row);
  const GbFollowUp *follow_up = gb_timeline_row_get_follow_up (row);
  g_autofree char *date = gb_date_format (gb_timeline_row_get_date (row));
  g_autofree char *other_time = dup_other_time (self, gb_timeline_row_get_date (row));
  g_autofree char *meta = NULL;
  g_autofree char *source = NULL;
  g_autofree char *quote = NULL;
  const char *quoted = gb_item_get_quote (item);
  const char *description = gb_item_get_description (item);
  g_autoptr(GString) kind = g_string_new (NULL);

  if (follow_up != NULL)
    {
      /* What happened to the agreement then; the agreement itself is a click away. */
      g_string_append (kind, C_("timeline kind", "Follow-up"));
      meta = gb_labels_dup_follow_up_summary (follow_up);
      source = gb_labels_dup_follow_up_source (follow_up);
      quoted = follow_up->quote;
      description = NULL;
    }
  else
    {
      g_string_append (kind, GB_IS_AGREEMENT (item) ? _("Agreement period") : _("Event"));
      if (gb_item_is_context (item))
        g_string_append_printf (kind, " · %s", _("Background"));
      if (gb_timeline_row_is_under_way (row))
        g_string_append_printf (kind, " · %s", _("Under way"));
      meta = gb_labels_dup_item_meta (item);
      source = gb_labels_dup_source_citation (item);
    }

  if (other_time != NULL)
    {
      char *both = g_strdup_printf ("%s\n%s", date, other_time);

      g_free (date);
      date = both;
    }
  if (quoted != NULL)
    /* TRANSLATORS: a sentence quoted from the source */
    quote = g_strdup_printf (_("“%s”"), quoted);

  set_popover_label (self->popover_kind, kind->str);
  set_popover_label (self->popover_title, gb_item_get_title (item));
  set_popover_label (self->popover_date, date);
  set_popover_label (self->popover_meta, meta);
  set_popover_label (self->popover_description, description);
  set_popover_label (self->popover_source, source);
  set_popover_label (self->popover_quote, quote);

  point_popover_at (self, find_row_widget (self, position));
  gtk_popover_popup (self->popover);
}

static void
list_activate_cb (GbTimelineView *self,
                  guint           position)
{
  g_autoptr(GbTimelineRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row == NULL || gb_timeline_row_get_kind (row) != GB_TIMELINE_ROW_ITEM)
    return;

  self->activated_position = position;
  self->focus_position = position;
  gb_view_select (GB_VIEW (self), gb_timeline_row_get_item (row));

  /* The window's detail pane shows the selected item, and takes the focus (Escape
   * brings it back here); without one, a popover does. */
  if (self->show_details)
    show_popover (self, row, position);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-detail", NULL);
}

static void
popover_closed_cb (GbTimelineView *self)
{
  if (self->activated_position < g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    move_to_position (self, self->activated_position, TRUE);
}

/* GtkListView's own arrow keys stop at a row that cannot take the focus: these
 * go from event to event. */
static gboolean
arrow_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GbTimelineView        *self)
{
  guint position = get_focus_position (self);
  guint target;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = position == G_MAXUINT ? G_MAXUINT : find_event_row (self, position + 1, 1);
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = position == G_MAXUINT || position == 0 ? G_MAXUINT
                                                      : find_event_row (self, position - 1, -1);
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = find_event_row (self, 0, 1);
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      {
        guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->model));

        target = n_rows > 0 ? find_event_row (self, n_rows - 1, -1) : G_MAXUINT;
      }
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (position == G_MAXUINT)
    return GDK_EVENT_PROPAGATE;

  if (target != G_MAXUINT && target != position)
    {
      GbTimelineRowWidget *widget = find_row_widget (self, target);

      self->focus_position = target;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  target);
      if (widget == NULL ||
          !gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (widget))))
        move_to_position (self, target, TRUE);
    }
  else
    gtk_widget_error_bell (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static gboolean
typeahead_reset_cb (gpointer user_data)
{
  GbTimelineView *self = user_data;

  g_string_truncate (self->typeahead, 0);
  self->typeahead_reset_id = 0;
  return G_SOURCE_REMOVE;
}

/* GtkListView has no type-ahead in GTK 4.8: typing jumps to the next title that
 * starts with what was typed in the last second. */
static gboolean
typeahead_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GbTimelineView        *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  guint start, found;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_BackSpace && self->typeahead->len > 0)
    {
      const char *last = g_utf8_find_prev_char (self->typeahead->str,
                                                self->typeahead->str + self->typeahead->len);

      g_string_truncate (self->typeahead, last != NULL ? last - self->typeahead->str : 0);
      return TRUE;
    }

  if (c == 0 || !g_unichar_isprint (c) || (c == ' ' && self->typeahead->len == 0))
    return FALSE;

  g_string_append_unichar (self->typeahead, c);
  g_clear_handle_id (&self->typeahead_reset_id, g_source_remove);
  self->typeahead_reset_id = g_timeout_add (TYPEAHEAD_RESET_MS, typeahead_reset_cb, self);

  /* A first letter looks past the current row, so repeating it cycles. */
  start = get_focus_position (self);
  if (start == G_MAXUINT)
    start = 0;
  else if (g_utf8_strlen (self->typeahead->str, -1) == 1)
    start++;

  found = gb_timeline_model_find_title (self->model, self->typeahead->str, start);
  if (found != G_MAXUINT)
    move_to_position (self, found, TRUE);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

static void
gb_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* No layout manager: the popover is a child too and must be presented, not laid out. */
static void
gb_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  gtk_popover_present (self->popover);
}

static gboolean
gb_timeline_view_grab_focus (GtkWidget *widget)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* GTK asks again as the focus leaves backwards (Shift+Tab): handing it
   * to the list then would trap the keyboard in the timeline. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return FALSE;

  return focus_into_list (self) || gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Tab and Shift+Tab go past the timeline, not through each of its rows (GtkListView's
 * way in GTK 4.8); the arrows move inside it. */
static gboolean
gb_timeline_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (widget);
  guint position = get_focus_position (self);

  if (position != G_MAXUINT)
    {
      self->focus_position = position;
      return direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD;
    }

  return focus_into_list (self);
}

static void
gb_timeline_view_dispose (GObject *object)
{
  GbTimelineView *self = (GbTimelineView *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->typeahead_reset_id, g_source_remove);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_TIMELINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->bound != NULL)
    g_hash_table_remove_all (self->bound);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (gb_timeline_view_parent_class)->dispose (object);
}

static void
gb_timeline_view_finalize (GObject *object)
{
  GbTimelineView *self = (GbTimelineView *) object;

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->zones, g_array_unref);
  if (self->typeahead != NULL)
    g_string_free (self->typeahead, TRUE);

  G_OBJECT_CLASS (gb_timeline_view_parent_class)->finalize (object);
}

static void
gb_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GbTimelineView *self = GB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      gb_timeline_view_set_show_details (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_timeline_view_class_init (GbTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_timeline_view_dispose;
  object_class->finalize = gb_timeline_view_finalize;
  object_class->get_property = gb_timeline_view_get_property;
  object_class->set_property = gb_timeline_view_set_property;
  view_class->dossier_changed = gb_timeline_view_dossier_changed;
  view_class->build_when_mapped = TRUE;
  view_class->item_changed = gb_timeline_view_item_changed;

  widget_class->measure = gb_timeline_view_measure;
  widget_class->size_allocate = gb_timeline_view_size_allocate;
  widget_class->grab_focus = gb_timeline_view_grab_focus;
  widget_class->focus = gb_timeline_view_focus;

  /**
   * GbTimelineView:show-details:
   *
   * Whether activating a row also shows the whole item in a popover, for a
   * window without a detail pane. The selection is set either way.
   */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "gb-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_kind);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_title);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_date);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_meta);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_description);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_source);
  gtk_widget_class_bind_template_child (widget_class, GbTimelineView, popover_quote);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, typeahead_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, arrow_key_pressed_cb);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gb_timeline_view_init (GbTimelineView *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->zones = g_array_new (FALSE, TRUE, sizeof (ReferenceZone));
  g_array_set_clear_func (self->zones, reference_zone_clear);
  self->typeahead = g_string_new (NULL);
  self->model = gb_timeline_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->activated_position = G_MAXUINT;
  self->focus_position = G_MAXUINT;
  /* The shared GbSelection marks the chosen item; the list only moves a focus. */
  self->list_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  update_page (self);
}

GtkWidget *
gb_timeline_view_new (void)
{
  return g_object_new (GB_TYPE_TIMELINE_VIEW, NULL);
}

gboolean
gb_timeline_view_get_show_details (GbTimelineView *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_VIEW (self), FALSE);

  return self->show_details;
}

void
gb_timeline_view_set_show_details (GbTimelineView *self,
                                   gboolean        show_details)
{
  g_return_if_fail (GB_IS_TIMELINE_VIEW (self));

  show_details = !!show_details;
  if (self->show_details == show_details)
    return;

  self->show_details = show_details;
  if (!show_details)
    gtk_popover_popdown (self->popover);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAILS]);
}

void
gb_timeline_view_set_today (GbTimelineView *self,
                            GDateTime      *today)
{
  g_return_if_fail (GB_IS_TIMELINE_VIEW (self));

  gb_timeline_model_set_today (self->model, today);
}

/**
 * gb_timeline_view_get_model:
 *
 * Returns: (transfer none): the rows shown, #GbTimelineRow items
 */
GListModel *
gb_timeline_view_get_model (GbTimelineView *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}
