/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gb-agreement.h"
#include "gb-card.h"
#include "gb-cards-view.h"
#include "gb-detail-pane.h"
#include "gb-dossier-loader.h"
#include "gb-test-timeline.h"
#include "gb-timeline-model.h"
#include "gb-timeline-row-widget.h"
#include "gb-timeline-view.h"
#include "gb-test-ui.h"

static void
wait_for (gboolean (*done) (gpointer data),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* and let the frame that follows settle */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *out)
{
  if (GB_IS_TIMELINE_ROW_WIDGET (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

static gboolean
has_bound_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model = gb_timeline_view_get_model (data);

  /* nothing to bind in an empty story: being on screen is enough */
  if (g_list_model_get_n_items (model) == 0)
    return gtk_widget_get_mapped (data);

  collect_rows (data, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gb_timeline_row_widget_get_row (rows->pdata[i]) != NULL)
      return TRUE;
  return FALSE;
}

static GbTimelineRowWidget *
find_row_widget (GtkWidget *view,
                 GbItem    *item)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (rows->pdata[i]);

      if (row != NULL && gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          gb_timeline_row_get_item (row) == item)
        return rows->pdata[i];
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *view;
  GbSelection *selection;
  GbDossier   *dossier;
} Fixture;

static void
fixture_open (Fixture   *f,
              GbDossier *dossier)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);

  f->dossier = dossier;
  f->selection = gb_selection_new ();
  gb_selection_set_dossier (f->selection, dossier);
  f->window = gtk_window_new ();
  f->view = g_object_ref_sink (gb_timeline_view_new ());
  gb_timeline_view_set_today (GB_TIMELINE_VIEW (f->view), today);
  g_object_set (f->view, "selection", f->selection, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 1200);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (has_bound_rows, f->view);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->view);
  g_clear_object (&f->selection);
  g_clear_object (&f->dossier);
}

static void
test_view_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = gb_dossier_load_bundled (&error);
  GListModel *rows;
  GListModel *events;
  g_autoptr(GbTimelineRow) first = NULL;
  GbDate *previous = NULL;
  guint n_items = 0, n_headers = 0;
  Fixture f;

  g_assert_no_error (error);
  fixture_open (&f, dossier);

  rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view));
  events = gb_dossier_get_events (dossier);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpint (gb_timeline_row_get_kind (first), ==, GB_TIMELINE_ROW_HEADER);
  g_assert_cmpstr (gb_timeline_row_get_label (first), ==, "28 January 1992");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GbTimelineRow) row = g_list_model_get_item (rows, i);
      GbDate *date;

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_HEADER)
        n_headers++;
      if (gb_timeline_row_get_kind (row) != GB_TIMELINE_ROW_ITEM)
        continue;
      n_items++;
      date = gb_timeline_row_get_date (row);
      if (previous != NULL)
        g_assert_cmpint (gb_date_compare (previous, date), <=, 0);
      previous = date;
    }
  /* every event, plus the Action Plan's 2025–2027 period */
  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (events) + 1);
  g_assert_cmpuint (n_headers, >=, 10);
  g_assert_true (has_label (f.view, "4 November 2024"));
  g_assert_true (has_label (f.view, "Background"));

  fixture_close (&f);
}

static GtkWidget *
find_list_view (GtkWidget *view)
{
  GtkWidget *list = gb_test_find_widget (view, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return list;
}

static GtkWidget *
find_popover (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  g_assert_not_reached ();
}

static void
test_view_activate (void)
{
  Fixture f;
  GbItem *talks;
  GtkWidget *list, *popover;
  GbTimelineRowWidget *widget;
  guint position;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  talks = gb_dossier_lookup (f.dossier, "e-seoul-talks");
  position = gb_timeline_model_find_item (
      GB_TIMELINE_MODEL (gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view))), talks);
  list = find_list_view (f.view);
  popover = find_popover (f.view);
  g_assert_false (gb_timeline_view_get_show_details (GB_TIMELINE_VIEW (f.view)));
  gb_timeline_view_set_show_details (GB_TIMELINE_VIEW (f.view), TRUE);

  /* what Enter on a row does */
  gtk_widget_activate_action (list, "list.activate-item", "u", position);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (gb_selection_get_item (f.selection) == talks);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (has_label (popover, "Talks in Seoul"));
  g_assert_true (has_label (popover, "“A sentence of the article.”"));
  g_assert_true (has_label (popover, "Source: The article — Ministry"));
  g_assert_true (has_label (popover, "10:00 UTC+5 in Astana"));

  widget = find_row_widget (f.view, talks);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "timeline-selected"));

  gtk_popover_popdown (GTK_POPOVER (popover));

  /* headers do not open */
  gtk_widget_activate_action (list, "list.activate-item", "u", 0);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gb_selection_get_item (f.selection) == talks);

  /* where a detail pane shows the item (the default), activation only selects */
  g_object_set (f.view, "show-details", FALSE, NULL);
  gtk_widget_activate_action (list, "list.activate-item", "u", position - 1);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gb_selection_get_item (f.selection) ==
                 gb_dossier_lookup (f.dossier, "e-astana"));

  fixture_close (&f);
}

static void
test_view_rows (void)
{
  Fixture f;
  GbTimelineRowWidget *talks, *relations, *plan;
  g_autofree char *failure = NULL;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  talks = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-seoul-talks"));
  relations = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-relations"));
  plan = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-plan"));
  g_assert_nonnull (talks);
  g_assert_nonnull (relations);
  g_assert_nonnull (plan);

  /* the time in its zone and the same moment in the other capital */
  g_assert_true (has_label (GTK_WIDGET (talks), "14:00 KST · 10:00 UTC+5 in Astana"));
  /* context differs by a class and a visible badge, not colour alone */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (relations), "timeline-context"));
  g_assert_true (has_label (GTK_WIDGET (relations), "Background"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-own"));
  g_assert_false (has_label (GTK_WIDGET (talks), "Background"));
  g_assert_true (has_label (GTK_WIDGET (plan), "Under way"));

  /* screen readers hear the date in words and the title */
  failure = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (talks), GTK_ACCESSIBLE_PROPERTY_LABEL,
      "4 November 2024, 14:00 KST: Talks in Seoul (10:00 UTC+5 in Astana)");
  g_assert_null (failure);
  failure = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (plan), GTK_ACCESSIBLE_PROPERTY_LABEL,
      "from 2025 to 2027: Action Plan. Under way");
  g_assert_null (failure);

  fixture_close (&f);
}

/* The follow-up rows on screen, in order. */
static GPtrArray *
collect_follow_up_rows (GtkWidget *view)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *out = g_ptr_array_new ();

  collect_rows (view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (rows->pdata[i]);

      if (row != NULL && gb_timeline_row_get_follow_up (row) != NULL)
        g_ptr_array_add (out, rows->pdata[i]);
    }
  return out;
}

static GbCard *
find_card (GtkWidget *widget)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  gb_test_collect_widgets (widget, GB_TYPE_CARD, cards);
  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    if (gb_card_get_mark (cards->pdata[i]) == GB_CARD_MARK_SELECTED)
      return cards->pdata[i];
  return NULL;
}

/* Each follow-up is a row of its own kind; choosing one selects its agreement, which
 * the detail pane and the cards then show. */
static void
test_view_follow_ups (void)
{
  Fixture f;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *pane = g_object_ref_sink (gb_detail_pane_new ());
  GtkWidget *cards = g_object_ref_sink (gb_cards_view_new ());
  static const struct { const char *title; const char *meta; const char *name; } expected[] = {
    { "Follow-up: Test Cooperation Plan", "Launched: The first projects start.",
      "12 March 2025: Follow-up: Test Cooperation Plan. Launched: The first projects start." },
    { "Follow-up: Test Cooperation Plan", "Ended: <i>Review</i> & end of the plan",
      "20 January 2026: Follow-up: Test Cooperation Plan. Ended: <i>Review</i> & end of the "
      "plan" },
  };
  GbItem *plan;
  GtkWidget *list, *popover;
  guint position;

  fixture_open (&f, gb_test_load_fixture ("follow-up.json"));
  g_object_set (pane, "selection", f.selection, NULL);
  g_object_set (cards, "selection", f.selection, NULL);
  plan = gb_dossier_lookup (f.dossier, "agr-plan");

  rows = collect_follow_up_rows (f.view);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *widget = rows->pdata[i];
      g_autofree char *failure = NULL;

      g_assert_true (gtk_widget_has_css_class (widget, "timeline-follow-up"));
      g_assert_false (gtk_widget_has_css_class (widget, "timeline-own"));
      g_assert_true (gb_test_shows_text (widget, expected[i].title));
      g_assert_true (gb_test_shows_text (widget, expected[i].meta));
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    expected[i].name);
      g_assert_cmpstr (failure, ==, NULL);
      gb_test_assert_no_markup (widget);
    }

  /* what a click on the second follow-up does (single-click activation) */
  position = gb_timeline_model_find_row (
      GB_TIMELINE_MODEL (gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view))),
      gb_timeline_row_widget_get_row (rows->pdata[1]));
  g_assert_cmpuint (position, !=, G_MAXUINT);
  list = find_list_view (f.view);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
  gb_test_pump ();

  g_assert_true (gb_selection_get_item (f.selection) == plan);
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)) == plan);
  g_assert_true (gb_test_shows_text (pane, "Follow-Up"));
  g_assert_true (find_card (cards) != NULL);
  g_assert_true (gb_card_get_agreement (find_card (cards)) == GB_AGREEMENT (plan));
  /* every entry of the chosen agreement is marked, as its other rows would be */
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (gtk_widget_has_css_class (rows->pdata[i], "timeline-selected"));

  /* without a detail pane, the popover tells the entry, not the agreement */
  gb_timeline_view_set_show_details (GB_TIMELINE_VIEW (f.view), TRUE);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
  gb_test_pump ();
  popover = find_popover (f.view);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (has_label (popover, "Follow-up"));
  g_assert_true (has_label (popover, "Ended: <i>Review</i> & end of the plan"));
  g_assert_true (has_label (popover, "Context source: <b>Review</b> of the plan — Example Review"));
  g_assert_false (has_label (popover, "The test plan was signed"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_object_set (pane, "selection", NULL, NULL);
  g_object_set (cards, "selection", NULL, NULL);
  g_assert_finalize_object (pane);
  g_assert_finalize_object (cards);
  fixture_close (&f);
}

static void
test_view_linked (void)
{
  Fixture f;
  GbTimelineRowWidget *talks, *relations;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  gb_selection_set_item (f.selection, gb_dossier_lookup (f.dossier, "seoul"));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  talks = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-seoul-talks"));
  relations = find_row_widget (f.view, gb_dossier_lookup (f.dossier, "e-relations"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-linked"));
  g_assert_true (has_label (GTK_WIDGET (talks), "Related to the selection"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (relations), "timeline-linked"));

  gb_selection_set_item (f.selection, NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (talks), "timeline-linked"));

  fixture_close (&f);
}

static GbTimelineRow *
focused_row (GtkWidget *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));
  GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  if (!GB_IS_TIMELINE_ROW_WIDGET (child))
    return NULL;
  return gb_timeline_row_widget_get_row (GB_TIMELINE_ROW_WIDGET (child));
}

static GbItem *focus_target;

static gboolean
has_focus_on_target (gpointer data)
{
  GbTimelineRow *row = focused_row (data);

  return row != NULL && gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
         gb_timeline_row_get_item (row) == focus_target;
}

static gboolean
send_key (GtkWidget *list,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      gboolean stop = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &stop);
      handled |= stop;
    }
  return handled;
}

static void
test_view_typeahead (void)
{
  Fixture f;
  GtkWidget *list;
  GbTimelineRow *row;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  list = find_list_view (f.view);
  gtk_widget_grab_focus (f.view);

  g_assert_true (send_key (list, GDK_KEY_t));
  g_assert_true (send_key (list, GDK_KEY_a));
  focus_target = gb_dossier_lookup (f.dossier, "e-seoul-talks");
  wait_for (has_focus_on_target, f.view);
  row = focused_row (f.view);
  g_assert_nonnull (row);
  g_assert_cmpstr (gb_item_get_id (gb_timeline_row_get_item (row)), ==, "e-seoul-talks");

  /* keys that type nothing are the list's (Enter, Page Up and Down) */
  g_assert_false (send_key (list, GDK_KEY_Return));
  g_assert_false (send_key (list, GDK_KEY_Page_Down));

  fixture_close (&f);
}

typedef struct
{
  guint       keyval;
  const char *focused;
} KeyStep;

/* The arrows go from event to event over the date headers; Tab leaves. */
static void
test_view_keyboard (void)
{
  static const KeyStep steps[] = {
    { GDK_KEY_Down, "e-next-day" },     /* past the header of 5 November */
    { GDK_KEY_Up, "e-seoul-talks" },
    { GDK_KEY_Home, "e-relations" },    /* the first row is its year's header */
    { GDK_KEY_Down, "e-year" },         /* past the gap and the header of 2024 */
    { GDK_KEY_End, "e-plan" },
    { GDK_KEY_Down, "e-plan" },         /* nothing below: stays */
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  Fixture f;
  GtkWidget *list;
  guint n_events = 0;

  fixture_open (&f, build_story (story, G_N_ELEMENTS (story)));
  list = find_list_view (f.view);

  /* Only events take the focus. */
  collect_rows (f.view, rows);
  g_assert_cmpuint (rows->len, >, G_N_ELEMENTS (story));
  for (guint i = 0; i < rows->len; i++)
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (rows->pdata[i]);
      gboolean is_item = gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM;

      g_assert_cmpint (gtk_widget_grab_focus (gtk_widget_get_parent (rows->pdata[i])), ==,
                       is_item);
      n_events += is_item;
    }
  g_assert_cmpuint (n_events, ==, G_N_ELEMENTS (story));

  /* Tab into the timeline lands on an event. */
  gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
  g_assert_true (gtk_widget_child_focus (f.view, GTK_DIR_TAB_FORWARD));
  g_assert_nonnull (focused_row (f.view));
  g_assert_cmpint (gb_timeline_row_get_kind (focused_row (f.view)), ==, GB_TIMELINE_ROW_ITEM);

  for (guint i = 0; i < rows->len; i++)
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (rows->pdata[i]);

      if (gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          g_str_equal (gb_item_get_id (gb_timeline_row_get_item (row)), "e-seoul-talks"))
        g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (rows->pdata[i])));
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GbTimelineRow *row;

      g_assert_true (send_key (list, steps[i].keyval));
      focus_target = gb_dossier_lookup (f.dossier, steps[i].focused);
      wait_for (has_focus_on_target, f.view);
      row = focused_row (f.view);
      g_assert_nonnull (row);
      g_assert_cmpstr (gb_item_get_id (gb_timeline_row_get_item (row)), ==, steps[i].focused);
    }

  /* From a row, Tab and Shift+Tab go on past the timeline; other moves stay in it. */
  g_assert_false (gtk_widget_child_focus (f.view, GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_child_focus (f.view, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_child_focus (f.view, GTK_DIR_DOWN));

  fixture_close (&f);
}

static void
test_view_empty (void)
{
  Fixture f;
  GtkWidget *stack;

  fixture_open (&f, build_story (NULL, 0));
  stack = gb_test_find_widget (f.view, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_true (has_label (f.view, "No Events"));

  gb_selection_set_dossier (f.selection, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gb_timeline_view_get_model (GB_TIMELINE_VIEW (f.view))),
                    ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  fixture_close (&f);
}

/* The view follows its selection's story: a new selection, or a new story in
 * it, shows at once; setting the same selection again says nothing. */
static void
test_view_selection (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = g_object_ref_sink (gb_timeline_view_new ());
  GListModel *rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (view));
  g_autoptr(GbItem) place = g_list_model_get_item (gb_dossier_get_places (dossier), 0);
  guint notified = 0;

  g_signal_connect (view, "notify::selection", G_CALLBACK (gb_test_count_notify_cb), &notified);
  gb_selection_set_dossier (selection, dossier);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gb_test_get_selection (view) == selection);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);

  gb_selection_set_dossier (selection, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  gb_selection_set_dossier (selection, dossier);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);

  g_object_set (view, "selection", NULL, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (gb_test_get_selection (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  /* A view on a selection that outlives it leaves no handler behind. */
  g_object_set (view, "selection", selection, NULL);
  g_assert_finalize_object (view);
  gb_selection_set_item (selection, place);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Software GL under Xvfb and valgrind reports Mesa's errors as ours; these tests
   * are about widgets, not rendering. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gb_test_init_widgets (&argc, &argv);

  g_test_add_func ("/timeline/view/bundled", test_view_bundled);
  g_test_add_func ("/timeline/view/activate", test_view_activate);
  g_test_add_func ("/timeline/view/rows", test_view_rows);
  g_test_add_func ("/timeline/view/linked", test_view_linked);
  g_test_add_func ("/timeline/view/follow-ups", test_view_follow_ups);
  g_test_add_func ("/timeline/view/typeahead", test_view_typeahead);
  g_test_add_func ("/timeline/view/keyboard", test_view_keyboard);
  g_test_add_func ("/timeline/view/empty", test_view_empty);
  g_test_add_func ("/timeline/view/selection", test_view_selection);

  return g_test_run ();
}
