/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gb-application.h"
#include "gb-cards-view.h"
#include "gb-detail-pane.h"
#include "gb-event.h"
#include "gb-test-ui.h"
#include "gb-window.h"

typedef struct
{
  const char *selected;
  const char *linked[12];
  const char *not_linked[4];
} LinkCase;

static const LinkCase link_cases[] = {
  /* An event marks its places and its cards. */
  { "evt-signing-action-plan",
    { "agr-action-plan-2025-2027", "place-seoul", NULL },
    { "agr-visa-free-regime", "place-astana", "evt-meeting-yoon", NULL } },
  /* A card marks its signing event and places, its parties, its figures. */
  { "agr-action-plan-2025-2027",
    { "evt-signing-action-plan", "place-seoul", "org-kz-state", "org-kr-state", NULL },
    { "agr-visa-free-regime", "place-astana", "evt-meeting-cho", NULL } },
  { "agr-business-investment-proposal",
    { "evt-meeting-cho", "place-seoul", "person-nurtleu", "org-kz-state", NULL },
    { "evt-meeting-yoon", NULL } },
  /* A place lists what happened there. */
  { "place-seoul",
    { "evt-official-visit", "evt-meeting-yoon", "evt-meeting-cho", "evt-signing-action-plan",
      "ctx-evt-kazakh-embassy-seoul", "agr-action-plan-2025-2027", NULL },
    { "place-astana", "ctx-evt-lee-state-visit", NULL } },
  /* A figure and what it relates to. */
  { "fig-investment-share",
    { "person-cho", "org-kr-state", "org-kz-state", NULL },
    { "fig-trade-2023", "place-seoul", NULL } },
  { "org-kr-state",
    { "fig-trade-2023", "fig-investor-rank", "agr-visa-free-regime", NULL },
    { "place-seoul", NULL } },
};

static GbApplication *app;

static void
test_model (gconstpointer data)
{
  const LinkCase *lc = data;
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GbItem *item = gb_test_lookup (dossier, lc->selected);

  gb_selection_set_dossier (selection, dossier);
  gb_selection_set_item (selection, item);
  g_assert_true (gb_selection_is_linked (selection, item));

  for (guint i = 0; lc->linked[i] != NULL; i++)
    if (!gb_selection_is_linked (selection, gb_test_lookup (dossier, lc->linked[i])))
      g_error ("%s should be linked to %s", lc->linked[i], lc->selected);

  for (guint i = 0; lc->not_linked[i] != NULL; i++)
    if (gb_selection_is_linked (selection, gb_test_lookup (dossier, lc->not_linked[i])))
      g_error ("%s should not be linked to %s", lc->not_linked[i], lc->selected);

  /* Nothing selected, nothing marked. */
  gb_selection_set_item (selection, NULL);
  g_assert_false (gb_selection_is_linked (selection, gb_test_lookup (dossier, lc->linked[0])));
}

/* The cards view marks what the selection links: its model of cards agrees. */
static void
test_cards_marks (gconstpointer data)
{
  const LinkCase *lc = data;
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());
  GbItem *selected = gb_test_lookup (dossier, lc->selected);
  GListModel *agreements = gb_dossier_get_agreements (dossier);
  GListModel *figures = gb_dossier_get_figures (dossier);

  gb_selection_set_dossier (selection, dossier);
  gb_cards_view_set_dossier (GB_CARDS_VIEW (view), dossier);
  gb_cards_view_set_selection (GB_CARDS_VIEW (view), selection);
  gb_selection_set_item (selection, selected);

  for (guint m = 0; m < 2; m++)
    {
      GListModel *model = m == 0 ? agreements : figures;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (model, i);
          GbCardMark expected = item == selected ? GB_CARD_MARK_SELECTED
                                : gb_selection_is_linked (selection, item) ? GB_CARD_MARK_LINKED
                                : GB_CARD_MARK_NONE;

          g_assert_cmpint (gb_cards_view_get_mark (GB_CARDS_VIEW (view), item), ==, expected);
        }
    }

  /* Cleared: no card is marked. */
  gb_selection_set_item (selection, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(GbItem) item = g_list_model_get_item (agreements, i);

      g_assert_cmpint (gb_cards_view_get_mark (GB_CARDS_VIEW (view), item), ==, GB_CARD_MARK_NONE);
    }

  gb_cards_view_set_selection (GB_CARDS_VIEW (view), NULL);
  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

static GtkButton *
find_item_button (GtkWidget *widget,
                  GbItem    *item)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "gb-item") == item)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *button = find_item_button (child, item);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* The pane lists the linked items as buttons; pressing one selects it. */
static void
test_detail_links (gconstpointer data)
{
  const LinkCase *lc = data;
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *pane = g_object_ref_sink (gb_detail_pane_new ());
  GbItem *target = gb_test_lookup (dossier, lc->linked[0]);
  g_autoptr(GPtrArray) direct = NULL;
  GtkButton *button;

  gb_selection_set_dossier (selection, dossier);
  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), selection);
  gb_selection_set_item (selection, gb_test_lookup (dossier, lc->selected));
  direct = gb_dossier_dup_linked (dossier, gb_selection_get_item (selection));

  for (guint i = 0; lc->linked[i] != NULL; i++)
    {
      GbItem *linked = gb_test_lookup (dossier, lc->linked[i]);

      /* Places an agreement reaches through its event are marked, not listed. */
      if (g_ptr_array_find (direct, linked, NULL))
        g_assert_nonnull (find_item_button (pane, linked));
    }

  button = find_item_button (pane, target);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gb_selection_get_item (selection) == target);
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)) == target);
  g_assert_true (gb_test_shows_text (pane, gb_item_get_title (target)));

  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), NULL);
  g_clear_object (&dossier);
  g_assert_finalize_object (pane);
}

static void
collect_event_buttons (GtkWidget *widget,
                       GPtrArray *out)
{
  GbItem *item = g_object_get_data (G_OBJECT (widget), "gb-item");

  if (GTK_IS_BUTTON (widget) && GB_IS_EVENT (item))
    g_ptr_array_add (out, item);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_event_buttons (child, out);
}

/* A place lists what happened there in the order it happened. */
static void
test_detail_event_order (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  GtkWidget *pane = g_object_ref_sink (gb_detail_pane_new ());

  gb_selection_set_dossier (selection, dossier);
  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), selection);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-seoul"));

  collect_event_buttons (pane, events);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpstr (gb_item_get_id (events->pdata[0]), ==, "ctx-evt-kazakh-embassy-seoul");
  for (guint i = 1; i < events->len; i++)
    g_assert_cmpint (gb_date_compare (gb_item_get_date (events->pdata[i - 1]),
                                      gb_item_get_date (events->pdata[i])), <=, 0);

  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), NULL);
  g_clear_object (&dossier);
  g_assert_finalize_object (pane);
}

/* Every bundled item shows where it comes from: the quoted sentence or the
 * context source, with its publisher. */
static void
test_detail_provenance (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *pane = g_object_ref_sink (gb_detail_pane_new ());
  static const GbItemKind kinds[] = {
    GB_ITEM_KIND_EVENT, GB_ITEM_KIND_PLACE, GB_ITEM_KIND_ROUTE, GB_ITEM_KIND_AGREEMENT,
    GB_ITEM_KIND_FIGURE, GB_ITEM_KIND_PERSON, GB_ITEM_KIND_ORGANISATION,
  };
  guint checked = 0;

  gb_selection_set_dossier (selection, dossier);
  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), selection);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *model = gb_dossier_get_items_of_kind (dossier, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (model, i);
          GbItem *source = GB_ITEM (gb_item_get_source (item));

          gb_selection_set_item (selection, item);
          g_assert_nonnull (source);
          g_assert_true (gb_test_shows_text (pane, gb_item_get_title (item)));
          g_assert_true (gb_test_shows_text (pane, gb_item_get_title (source)));

          if (gb_item_is_context (item))
            g_assert_true (gb_test_shows_text (pane, "Context Source"));
          else
            {
              /* Article items rest on a sentence of the article. */
              g_assert_nonnull (gb_item_get_quote (item));
              g_assert_true (gb_test_shows_text (pane, "Source"));
            }
          if (gb_item_get_quote (item) != NULL)
            g_assert_true (gb_test_shows_text (pane, gb_item_get_quote (item)));
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, 15 + 4 + 1 + 9 + 5 + 5 + 9);

  gb_detail_pane_set_selection (GB_DETAIL_PANE (pane), NULL);
  g_clear_object (&dossier);
  g_assert_finalize_object (pane);
}

/* The window's rule: the pane is open while something is selected; Escape
 * closes the search first, then the pane, clearing the selection. */
static void
test_window_pane (void)
{
  GbWindow *window = gb_window_new (app);
  GbSelection *selection = gb_window_get_selection (window);
  GbDossier *dossier;
  AdwFlap *flap;
  GtkWidget *search_bar;

  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();
  dossier = gb_window_get_dossier (window);
  flap = ADW_FLAP (gb_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));
  g_assert_nonnull (flap);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  gb_selection_set_item (selection, gb_test_lookup (dossier, "evt-meeting-yoon"));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (adw_flap_get_flap (flap))) ==
                 gb_selection_get_item (selection));

  /* Ctrl+F opens the search; choosing a result selects it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search_bar = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                        GTK_TYPE_SEARCH_BAR);
  g_assert_nonnull (search_bar);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window))), "incheon");
  g_signal_emit_by_name (gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                                  GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpstr (gb_item_get_id (gb_selection_get_item (selection)), ==, "place-icn");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_true (adw_flap_get_reveal_flap (flap));

  /* Escape: the search if open, then the pane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_nonnull (gb_selection_get_item (selection));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL));
  g_assert_null (gb_selection_get_item (selection));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  /* Nothing to close: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL);
  g_assert_null (gb_selection_get_item (selection));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  /* Closing the pane by other means clears the selection too. */
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-seoul"));
  adw_flap_set_reveal_flap (flap, FALSE);
  g_assert_null (gb_selection_get_item (selection));

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

static void
add_link_tests (const char *prefix,
                GTestDataFunc func)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, link_cases[i].selected);

      g_test_add_data_func (path, &link_cases[i], func);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = gb_test_init_app (&argc, &argv);

  add_link_tests ("/selection/model", test_model);
  add_link_tests ("/selection/cards", test_cards_marks);
  add_link_tests ("/selection/detail", test_detail_links);
  g_test_add_func ("/selection/detail/provenance", test_detail_provenance);
  g_test_add_func ("/selection/detail/event-order", test_detail_event_order);
  g_test_add_func ("/selection/window/pane", test_window_pane);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
