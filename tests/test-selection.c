/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gb-application.h"
#include "gb-bidi.h"
#include "gb-cards-view.h"
#include "gb-detail-pane.h"
#include "gb-event.h"
#include "gb-map-view.h"
#include "gb-search-results.h"
#include "gb-test-ui.h"
#include "gb-timeline-row-widget.h"
#include "gb-timeline-view.h"
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
  g_object_set (view, "selection", selection, NULL);
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

  g_object_set (view, "selection", NULL, NULL);
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
  guint notified = 0;

  g_signal_connect (pane, "notify::item", G_CALLBACK (gb_test_count_notify_cb), &notified);
  gb_selection_set_dossier (selection, dossier);
  g_object_set (pane, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 0);
  gb_selection_set_item (selection, gb_test_lookup (dossier, lc->selected));
  g_assert_cmpuint (notified, ==, 1);
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
  g_assert_cmpuint (notified, ==, 2);

  /* Without a selection the pane shows nothing. */
  g_object_set (pane, "selection", NULL, NULL);
  g_assert_null (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (gb_test_shows_text (pane, gb_item_get_title (target)));
  g_clear_object (&dossier);
  g_assert_finalize_object (pane);
}

typedef struct
{
  const char *name;        /* what a screen reader says for the row */
  const char *texts[4];    /* what the row shows, literally */
  const char *link_host;   /* NULL: the source has no link */
} LogRowCase;

/* An agreement's log in the pane: a row per entry, oldest first, file text shown as
 * written, links only through the link button. */
static void
test_detail_follow_up (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("follow-up.json");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *pane = g_object_ref_sink (gb_detail_pane_new ());
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  static const LogRowCase expected[] = {
    { "12 March 2025, Launched: The first projects start.",
      { "12 March 2025", "Launched", "The first projects start.",
        "Context source: The plan's first projects — Example News, 12 March 2025" },
      "example.org" },
    { "20 January 2026, Ended: <i>Review</i> & end of the plan",
      { "20 January 2026", "Ended", "<i>Review</i> & end of the plan",
        "Context source: <b>Review</b> of the plan — Example Review, January 2026" },
      NULL },
  };

  gb_selection_set_dossier (selection, dossier);
  g_object_set (pane, "selection", selection, NULL);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "agr-plan"));

  gb_test_collect_widgets (pane, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (boxes->pdata[i], "gb-follow-up-entry"))
      g_ptr_array_add (rows, boxes->pdata[i]);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  g_assert_true (gb_test_shows_text (pane, "Follow-Up"));

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *link = gb_test_find_widget (row, GTK_TYPE_BUTTON);
      g_autofree char *failure = NULL;

      g_assert_true (gtk_widget_is_visible (row));
      for (guint t = 0; t < G_N_ELEMENTS (expected[i].texts); t++)
        if (!gb_test_shows_text (row, expected[i].texts[t]))
          g_error ("log row %u does not show “%s”", i, expected[i].texts[t]);
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    expected[i].name);
      g_assert_cmpstr (failure, ==, NULL);
      if (expected[i].link_host != NULL)
        {
          g_assert_nonnull (link);
          g_assert_true (gb_test_shows_text (link, expected[i].link_host));
          g_assert_true (gtk_widget_get_sensitive (link));
        }
      else
        g_assert_null (link);
    }
  gb_test_assert_no_markup (pane);

  /* the badge says where it stands now */
  g_assert_true (gb_test_shows_text (pane, "Ended"));
  g_assert_false (gb_test_shows_text (pane, "Signed"));

  /* an agreement without a log has no such section */
  gb_selection_set_item (selection, gb_test_lookup (dossier, "agr-idea"));
  g_assert_false (gb_test_shows_text (pane, "Follow-Up"));
  g_assert_false (gb_test_shows_text (pane, "12 March 2025"));

  g_object_set (pane, "selection", NULL, NULL);
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
  g_object_set (pane, "selection", selection, NULL);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-seoul"));

  /* Facts by their names, not their codes. */
  g_assert_true (gb_test_shows_text (pane, "South Korea"));
  g_assert_true (gb_test_shows_text (pane, "Seoul (UTC+09:00)"));
  g_assert_false (gb_test_shows_text (pane, "KR"));
  g_assert_false (gb_test_shows_text (pane, "Asia/Seoul"));

  collect_event_buttons (pane, events);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpstr (gb_item_get_id (events->pdata[0]), ==, "ctx-evt-kazakh-embassy-seoul");
  for (guint i = 1; i < events->len; i++)
    g_assert_cmpint (gb_date_compare (gb_item_get_date (events->pdata[i - 1]),
                                      gb_item_get_date (events->pdata[i])), <=, 0);

  g_object_set (pane, "selection", NULL, NULL);
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
  g_object_set (pane, "selection", selection, NULL);

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

  /* The quotes stay in English; read in Russian, a translation beneath
   * each, said to be the project's; in English, none. */
  {
    static const char * const ru[] = { "ru", NULL };
    GbText *translator = gb_dossier_get_translator (dossier);
    g_autofree char *credit = NULL;
    g_autofree char *name = NULL;
    guint translated = 0;

    g_assert_nonnull (translator);
    name = gb_bidi_dup_isolated (gb_text_get_exact (translator, "ru"));
    credit = g_strdup_printf ("Translation by %s", name);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        GListModel *model = gb_dossier_get_items_of_kind (dossier, kinds[k]);

        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(GbItem) item = g_list_model_get_item (model, i);
            GbText *translation = gb_item_get_quote_translation (item);

            if (gb_item_get_quote (item) == NULL)
              continue;
            g_assert_nonnull (translation);

            gb_text_set_preferred_languages (NULL);
            gb_selection_set_item (selection, NULL);
            gb_selection_set_item (selection, item);
            g_assert_true (gb_test_shows_text (pane, gb_item_get_quote (item)));
            g_assert_false (gb_test_shows_text (pane, credit));

            gb_text_set_preferred_languages (ru);
            gb_selection_set_item (selection, NULL);
            gb_selection_set_item (selection, item);
            g_assert_true (gb_test_shows_text (pane, gb_item_get_quote (item)));
            g_assert_true (gb_test_shows_text (pane, gb_text_get_exact (translation, "ru")));
            g_assert_true (gb_test_shows_text (pane, credit));
            translated++;
          }
      }
    gb_text_set_preferred_languages (NULL);
    g_assert_cmpuint (translated, >=, 30);
  }

  g_object_set (pane, "selection", NULL, NULL);
  g_clear_object (&dossier);
  g_assert_finalize_object (pane);
}

/* A title being typed ends in a space: the details show it without, and
 * without GTK 4.8's warning about the label's size. */
static void
test_detail_typed_title (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_new ("typed");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  g_autoptr(GbDate) date = gb_date_parse ("2024-11-04", NULL, NULL, NULL);
  g_autoptr(GbEvent) event = gb_event_new ("evt-typed", date);
  g_autoptr(GbText) title = gb_text_new_plain ("Keyboard ");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = gb_detail_pane_new ();

  gb_item_set_title (GB_ITEM (event), title);
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (event)));
  gb_dossier_seal (dossier);
  gb_selection_set_dossier (selection, dossier);
  g_object_set (pane, "selection", selection, NULL);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  gb_selection_set_item (selection, GB_ITEM (event));
  gb_test_pump ();

  g_assert_true (gb_test_shows_text (pane, "Keyboard"));
  g_assert_false (gb_test_shows_text (pane, "Keyboard "));

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

static gboolean
all_results_shown (GtkWidget *results)
{
  GtkWidget *scroller = gb_test_find_widget (results, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *list = gb_test_find_widget (results, GTK_TYPE_LIST_VIEW);
  GListModel *model = gb_search_results_get_model (GB_SEARCH_RESULTS (results));
  guint n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (row) || !gtk_widget_compute_bounds (row, scroller, &bounds))
        continue;
      /* on screen in full: inside the scroller's height */
      if (bounds.size.height < 1 || bounds.origin.y < 0 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller) + 0.5)
        return FALSE;
      n_rows++;
    }

  return n_rows == g_list_model_get_n_items (model);
}

/* The results float over the views: as tall as they need, up to the window. */
static void
test_window_search_results_fit (void)
{
  static const struct { const char *query; guint min_results; } cases[] = {
    { "SeoulTech", 2 },
    { "Seoul", 10 },
  };
  GbWindow *window = gb_window_new (app);
  GtkWidget *results;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();
  results = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_SEARCH_RESULTS);
  g_assert_nonnull (results);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      GtkWidget *entry;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
      entry = gtk_window_get_focus (GTK_WINDOW (window));
      gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].query);
      /* The entry waits for the typing to pause before it searches. */
      while ((g_list_model_get_n_items (gb_search_results_get_model (
                GB_SEARCH_RESULTS (results))) < cases[i].min_results ||
              !all_results_shown (results)) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);

      g_assert_cmpuint (g_list_model_get_n_items (gb_search_results_get_model (
                          GB_SEARCH_RESULTS (results))), >=, cases[i].min_results);
      /* Twelve results fit on 900 px; the test is that none is cut off. */
      g_assert_true (all_results_shown (results));
      g_assert_cmpint (gtk_widget_get_height (results), <=,
                       gtk_widget_get_height (GTK_WIDGET (window)));
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL));
      gb_test_pump ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
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
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (gb_test_find_widget (adw_flap_get_flap (flap),
                                                                            GB_TYPE_DETAIL_PANE))) ==
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

/* Every view takes the window's selection the same way: one notify a change,
 * none for the same one again, no handler left behind, nothing leaked. */
/* A view shown in a window with a story and a chosen item goes, with all it built, when the
 * window does. */
static void
test_view_shown_finalize (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_ref (g_object_new (type, "selection", selection, NULL));

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  gb_selection_set_dossier (selection, dossier);
  gb_test_pump ();
  gb_selection_set_item (selection, gb_test_lookup (dossier, "evt-meeting-yoon"));
  gb_test_pump ();

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
  g_assert_finalize_object (view);
}

static void
test_view_property (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GbSelection *selection = gb_selection_new ();
  GbSelection *other = gb_selection_new ();
  GtkWidget *view = g_object_ref_sink (g_object_new (type, NULL));
  GbSelection *got = NULL;
  guint notified = 0;

  g_signal_connect (view, "notify::selection", G_CALLBACK (gb_test_count_notify_cb), &notified);
  gb_selection_set_dossier (selection, dossier);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (view, "selection", &got, NULL);
  g_assert_true (got == selection);
  g_clear_object (&got);

  g_object_set (view, "selection", selection, NULL);
  g_assert_cmpuint (notified, ==, 1);

  /* The old selection no longer reaches the view. */
  g_object_set (view, "selection", other, NULL);
  g_assert_cmpuint (notified, ==, 2);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-seoul"));
  gb_selection_set_dossier (selection, NULL);

  g_object_set (view, "selection", NULL, NULL);
  g_assert_cmpuint (notified, ==, 3);

  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "evt-meeting-yoon"));
  g_assert_finalize_object (view);

  /* The view held its selections only while it lived. */
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-seoul"));
  g_assert_finalize_object (other);
  g_assert_finalize_object (selection);
}

static guint
count_css_class (GtkWidget  *widget,
                 const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_css_class (child, css_class);

  return n;
}

static GbTimelineRowWidget *
find_row_widget (GtkWidget *widget,
                 GbItem    *item)
{
  if (GB_IS_TIMELINE_ROW_WIDGET (widget))
    {
      GbTimelineRow *row = gb_timeline_row_widget_get_row (GB_TIMELINE_ROW_WIDGET (widget));

      if (row != NULL && gb_timeline_row_get_kind (row) == GB_TIMELINE_ROW_ITEM &&
          gb_timeline_row_get_item (row) == item)
        return GB_TIMELINE_ROW_WIDGET (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GbTimelineRowWidget *found = find_row_widget (child, item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Choosing in one view is seen in the others: a card clicked marks its event
 * on the timeline and its place on the map; a timeline row activated marks
 * its card. The views never call each other. */
static void
test_window_follow (void)
{
  GbWindow *window = gb_window_new (app);
  GbSelection *selection = gb_window_get_selection (window);
  GtkWidget *timeline, *map, *cards, *pane, *list;
  GbDossier *dossier;
  GbItem *agreement, *event, *cho;
  GtkFlowBoxChild *card = NULL;
  guint map_linked;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  /* Each view builds the story when first shown; after that, shown or not,
   * it follows the selection. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                 (const char *[]) { "map", "agreements",
                                                                    "timeline" }[i]));
      gb_test_pump ();
    }

  dossier = gb_window_get_dossier (window);
  agreement = gb_test_lookup (dossier, "agr-action-plan-2025-2027");
  event = gb_test_lookup (dossier, "evt-signing-action-plan");
  cho = gb_test_lookup (dossier, "evt-meeting-cho");
  timeline = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_TIMELINE_VIEW);
  map = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_MAP_VIEW);
  cards = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_CARDS_VIEW);
  pane = gb_test_find_widget (GTK_WIDGET (window), GB_TYPE_DETAIL_PANE);
  g_assert_true (gb_test_get_selection (timeline) == selection);
  g_assert_true (gb_test_get_selection (map) == selection);
  g_assert_true (gb_test_get_selection (cards) == selection);
  g_assert_true (gb_test_get_selection (pane) == selection);
  map_linked = count_css_class (map, "linked");

  /* Click the agreement's card. */
  for (GtkWidget *child = gb_test_find_widget (cards, GB_TYPE_CARD); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GB_IS_CARD (child) && GB_ITEM (gb_card_get_agreement (GB_CARD (child))) == agreement)
      card = GTK_FLOW_BOX_CHILD (child);
  g_assert_nonnull (card);
  g_signal_emit_by_name (card, "activate");
  gb_test_pump ();
  /* Beside the cards, the timeline scrolls to the agreement's first event. */
  gb_test_wait_frames (timeline, 3);

  g_assert_true (gb_selection_get_item (selection) == agreement);
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)) == agreement);
  g_assert_cmpint (gb_cards_view_get_mark (GB_CARDS_VIEW (cards), agreement), ==,
                   GB_CARD_MARK_SELECTED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_row_widget (timeline, event)),
                                           "timeline-linked"));
  g_assert_cmpuint (count_css_class (map, "linked"), >, map_linked);

  /* Activate another event's row on the timeline: the card is no longer marked. */
  list = gb_test_find_widget (timeline, GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", gb_test_find_timeline_position (timeline, cho));
  gb_test_pump ();

  g_assert_true (gb_selection_get_item (selection) == cho);
  g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)) == cho);
  g_assert_cmpint (gb_cards_view_get_mark (GB_CARDS_VIEW (cards), agreement), ==,
                   GB_CARD_MARK_NONE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_row_widget (timeline, cho)),
                                           "timeline-selected"));

  /* Its row activated again after the event's card: the signing marks the card. */
  g_signal_emit_by_name (list, "activate", gb_test_find_timeline_position (timeline, event));
  g_assert_cmpint (gb_cards_view_get_mark (GB_CARDS_VIEW (cards), agreement), ==,
                   GB_CARD_MARK_LINKED);

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

/* The window and the selection it owns go when it is closed. */
static void
test_window_finalize (void)
{
  GbWindow *window = g_object_ref (gb_window_new (app));
  GbSelection *selection = gb_window_get_selection (window);

  g_object_add_weak_pointer (G_OBJECT (selection), (gpointer *) &selection);
  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();
  gb_selection_set_item (selection, gb_test_lookup (gb_window_get_dossier (window), "place-seoul"));
  gb_test_pump ();

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
  g_assert_finalize_object (window);
  g_assert_null (selection);
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

/* Every view the window binds to its selection */
static const struct {
  const char *name;
  GType (*get_type) (void);
} views[] = {
  { "timeline", gb_timeline_view_get_type },
  { "map", gb_map_view_get_type },
  { "cards", gb_cards_view_get_type },
  { "detail", gb_detail_pane_get_type },
  { "search", gb_search_results_get_type },
};

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
  g_test_add_func ("/selection/detail/typed-title", test_detail_typed_title);
  g_test_add_func ("/selection/detail/event-order", test_detail_event_order);
  g_test_add_func ("/selection/detail/follow-up", test_detail_follow_up);
  g_test_add_func ("/selection/window/pane", test_window_pane);
  g_test_add_func ("/selection/window/search-results-fit", test_window_search_results_fit);
  g_test_add_func ("/selection/window/follow", test_window_follow);
  g_test_add_func ("/selection/window/finalize", test_window_finalize);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *property_path = g_strconcat ("/selection/view/", views[i].name, NULL);
      g_autofree char *finalize_path = g_strconcat (property_path, "/finalize", NULL);
      gpointer type = GSIZE_TO_POINTER (views[i].get_type ());

      g_test_add_data_func (property_path, type, test_view_property);
      g_test_add_data_func (finalize_path, type, test_view_shown_finalize);
    }

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
