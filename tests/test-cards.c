/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gb-card.h"
#include "gb-cards-view.h"
#include "gb-figure-card.h"
#include "gb-filter.h"
#include "gb-label.h"
#include "gb-test-ui.h"

typedef struct
{
  const char *path;
  int         kind;
  int         status;
  const char *party;
  guint       count;
} FilterCase;

/* The bundled story: 9 agreements and initiatives. */
static const FilterCase filter_cases[] = {
  { "any", GB_FILTER_ANY, GB_FILTER_ANY, NULL, 9 },
  { "initiatives", GB_AGREEMENT_KIND_INITIATIVE, GB_FILTER_ANY, NULL, 5 },
  { "existing", GB_FILTER_ANY, GB_AGREEMENT_STATUS_EXISTING, NULL, 4 },
  { "existing-initiatives", GB_AGREEMENT_KIND_INITIATIVE, GB_AGREEMENT_STATUS_EXISTING, NULL, 2 },
  { "kazakhstan", GB_FILTER_ANY, GB_FILTER_ANY, "org-kz-state", 4 },
  { "kazakhstan-signed", GB_FILTER_ANY, GB_AGREEMENT_STATUS_SIGNED, "org-kz-state", 1 },
  { "kazakhstan-agreements", GB_AGREEMENT_KIND_AGREEMENT, GB_FILTER_ANY, "org-kz-state", 2 },
  { "nurtleu", GB_FILTER_ANY, GB_FILTER_ANY, "person-nurtleu", 1 },
  { "planned-proposals", GB_AGREEMENT_KIND_PROPOSAL, GB_AGREEMENT_STATUS_PLANNED, NULL, 0 },
  { "seoultech-planned", GB_FILTER_ANY, GB_AGREEMENT_STATUS_PLANNED, "org-seoultech", 1 },
};

static guint
count_cards (GtkWidget *widget)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  gb_test_collect_widgets (widget, GB_TYPE_CARD, cards);
  return cards->len;
}

static void
test_filter_counts (gconstpointer data)
{
  const FilterCase *fc = data;
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GListModel *agreements = gb_dossier_get_agreements (dossier);
  GbAgreementFilter filter = { fc->kind, fc->status, NULL };
  GtkWidget *view;

  if (fc->party != NULL)
    filter.party = gb_test_lookup (dossier, fc->party);

  /* The model's count ... */
  g_assert_cmpuint (gb_agreement_filter_count (&filter, agreements), ==, fc->count);

  /* ... is what the view shows, as models and as cards. */
  view = g_object_ref_sink (gb_cards_view_new ());
  gb_test_show_dossier (view, dossier);
  g_assert_cmpuint (g_list_model_get_n_items (gb_cards_view_get_model (GB_CARDS_VIEW (view))),
                    ==, 9);
  gb_cards_view_set_filter (GB_CARDS_VIEW (view), &filter);
  g_assert_cmpuint (g_list_model_get_n_items (gb_cards_view_get_model (GB_CARDS_VIEW (view))),
                    ==, fc->count);
  g_assert_cmpuint (count_cards (view), ==, fc->count);

  /* Showing all again. */
  g_assert_true (gtk_widget_activate_action (view, "cards.reset-filters", NULL) ||
                 (fc->kind == GB_FILTER_ANY && fc->status == GB_FILTER_ANY && fc->party == NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gb_cards_view_get_model (GB_CARDS_VIEW (view))),
                    ==, 9);

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

static char *
dup_labels (GListModel *labels)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (labels, i);

      if (i > 0)
        g_string_append (out, " | ");
      g_string_append (out, gtk_string_object_get_string (s));
    }

  return g_string_free (out, FALSE);
}

/* Each option counts what choosing it would show, the other filters as set. */
static void
test_facet_labels (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());
  GbAgreementFilter filter = { GB_AGREEMENT_KIND_INITIATIVE, GB_FILTER_ANY, NULL };
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *parties = NULL;

  gb_test_show_dossier (view, dossier);

  kinds = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view), GB_CARDS_FACET_KIND));
  g_assert_cmpstr (kinds, ==,
                   "All kinds (9) | Agreement (2) | Plan (1) | Proposal (1) | Initiative (5)");
  statuses = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view),
                                                         GB_CARDS_FACET_STATUS));
  g_assert_cmpstr (statuses, ==,
                   "Any status (9) | Signed (1) | Proposed (1) | Planned (2) | Existing (4) | "
                   "Launched (1)");
  g_clear_pointer (&kinds, g_free);
  g_clear_pointer (&statuses, g_free);

  gb_cards_view_set_filter (GB_CARDS_VIEW (view), &filter);
  kinds = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view), GB_CARDS_FACET_KIND));
  statuses = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view),
                                                         GB_CARDS_FACET_STATUS));
  parties = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view),
                                                        GB_CARDS_FACET_PARTY));
  /* The kind counts ignore the kind filter; the others apply it. */
  g_assert_cmpstr (kinds, ==,
                   "All kinds (9) | Agreement (2) | Plan (1) | Proposal (1) | Initiative (5)");
  g_assert_cmpstr (statuses, ==,
                   "Any status (5) | Signed (0) | Proposed (0) | Planned (2) | Existing (2) | "
                   "Launched (1)");
  g_assert_cmpstr (parties, ==,
                   "All parties (5) | Astana Hub (1) | Murat Nurtleu (0) | "
                   "Republic of Kazakhstan (0) | Republic of Korea (0) | "
                   "Seoul National University of Science and Technology (1)");

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

typedef struct
{
  const char *path;
  guint       dropdown;         /* kind, status, party: their order in the view */
  guint       position;
  gboolean    from_popover;     /* click the option in the popup, or set the dropdown */
  const char *shown;
  guint       count;
} DropDownCase;

static const DropDownCase dropdown_cases[] = {
  { "kind-initiative", 0, 4, TRUE, "Initiative (5)", 5 },
  { "status-signed", 1, 1, TRUE, "Signed (1)", 1 },
  { "kind-agreement-set", 0, 1, FALSE, "Agreement (2)", 2 },
  { "status-existing-set", 1, 4, FALSE, "Existing (4)", 4 },
};

static gboolean
note_alive_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Chooses as the reader does: opens the popup and clicks the option, which
 * selects the row and activates it; or sets the dropdown as the keyboard does. */
static void
choose_option (GtkWidget *dropdown,
               guint      position,
               gboolean   from_popover)
{
  GtkWidget *button = gb_test_find_widget (dropdown, GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *popover = gb_test_find_widget (dropdown, GTK_TYPE_POPOVER);
  GtkWidget *list;

  if (!from_popover)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
      return;
    }

  g_assert_nonnull (button);
  g_assert_nonnull (popover);
  /* What a click on the button emits (activating it waits for a press animation). */
  g_signal_emit_by_name (button, "clicked");
  gb_test_pump ();
  g_assert_true (gtk_widget_get_visible (popover));

  list = gb_test_find_widget (popover, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)",
                                             position, FALSE, FALSE));
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
  gb_test_pump ();
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
run_dropdown_case (const DropDownCase *dc)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gb_cards_view_new ();
  GtkWidget *dropdown;
  gboolean alive = FALSE;

  gb_test_show_dossier (view, dossier);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();

  gb_test_collect_widgets (view, GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 3);
  dropdown = dropdowns->pdata[dc->dropdown];

  /* No tooltip: it stayed over the first option of the opened popup. */
  for (GtkWidget *w = dropdown; w != NULL; w = gtk_widget_get_first_child (w))
    g_assert_false (gtk_widget_get_has_tooltip (w));

  choose_option (dropdown, dc->position, dc->from_popover);

  /* The main loop goes on: a timeout added now runs. */
  g_timeout_add (10, note_alive_cb, &alive);
  for (guint i = 0; i < 200 && !alive; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (alive);

  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, dc->position);
  g_assert_true (gb_test_shows_text (gb_test_find_widget (dropdown, GTK_TYPE_TOGGLE_BUTTON),
                                     dc->shown));
  g_assert_cmpuint (g_list_model_get_n_items (gb_cards_view_get_model (GB_CARDS_VIEW (view))),
                    ==, dc->count);
  g_assert_cmpuint (count_cards (view), ==, dc->count);

  /* Back to all from the same dropdown. */
  choose_option (dropdown, 0, dc->from_popover);
  gb_test_pump ();
  g_assert_cmpuint (count_cards (view), ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

/* The hang this guards against never returns, so the case runs in a child
 * process that is given a few seconds. */
static void
test_filter_dropdown (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      run_dropdown_case (data);
      return;
    }

  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static GbCard *
find_card (GtkWidget   *widget,
           const char  *id)
{
  if (GB_IS_CARD (widget) &&
      g_str_equal (gb_item_get_id (GB_ITEM (gb_card_get_agreement (GB_CARD (widget)))), id))
    return GB_CARD (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GbCard *card = find_card (child, id);

      if (card != NULL)
        return card;
    }

  return NULL;
}

static void
test_card_content (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());
  GbCard *card;

  gb_test_show_dossier (view, dossier);

  card = find_card (view, "agr-action-plan-2025-2027");
  g_assert_nonnull (card);
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Cooperation Action Plan for 2025–2027"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Plan"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Signed"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Republic of Kazakhstan, Republic of Korea"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "2025–2027"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card),
                                     "Signed during the visit by the officials of both countries."));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card),
                                     "Source: The Astana Times, 5 November 2024"));
  g_assert_false (gb_test_shows_text (GTK_WIDGET (card), "Context"));

  /* A context item says so in words, not only in style. */
  card = find_card (view, "ctx-agr-strategic-partnership");
  g_assert_nonnull (card);
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Context"));
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Context source: BusinessKorea, 2012"));

  {
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();

    gb_test_collect_widgets (view, GB_TYPE_CARD, cards);
    for (guint i = 0; i < cards->len; i++)
      gb_test_assert_no_markup (cards->pdata[i]);
  }

  /* Closing the story empties the view. */
  gb_selection_set_dossier (gb_test_get_selection (view), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gb_cards_view_get_model (GB_CARDS_VIEW (view))), ==, 0);
  g_assert_null (find_card (view, "agr-action-plan-2025-2027"));

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

/* The card shows the status the log ends with, and since when; the status filter
 * goes by the same status. */
static void
test_card_follow_up (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("follow-up.json");
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());
  GbAgreementFilter ended = { GB_FILTER_ANY, GB_AGREEMENT_STATUS_ENDED, NULL };
  GbAgreementFilter signed_ = { GB_FILTER_ANY, GB_AGREEMENT_STATUS_SIGNED, NULL };
  static const struct { const char *text; gboolean shown; } plan_texts[] = {
    { "Ended", TRUE },
    { "since 20 January 2026", TRUE },
    /* the story's own status is where the log starts, not what holds now */
    { "Signed", FALSE },
  };
  g_autofree char *statuses = NULL;
  g_autofree char *failure = NULL;
  GbCard *card;

  gb_test_show_dossier (view, dossier);

  card = find_card (view, "agr-plan");
  g_assert_nonnull (card);
  for (guint i = 0; i < G_N_ELEMENTS (plan_texts); i++)
    g_assert_cmpint (gb_test_shows_text (GTK_WIDGET (card), plan_texts[i].text), ==,
                     plan_texts[i].shown);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Test Cooperation Plan, Plan, Ended since "
                                                "20 January 2026, 4 November 2024");
  g_assert_cmpstr (failure, ==, NULL);
  gb_test_assert_no_markup (GTK_WIDGET (card));

  /* without a log: its own status, and no date to give */
  card = find_card (view, "agr-idea");
  g_assert_nonnull (card);
  g_assert_true (gb_test_shows_text (GTK_WIDGET (card), "Proposed"));
  g_assert_false (gb_test_shows_text (GTK_WIDGET (card), "since 20 January 2026"));
  g_clear_pointer (&failure, g_free);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Test initiative without a log, Initiative, "
                                                "Proposed");
  g_assert_cmpstr (failure, ==, NULL);

  statuses = dup_labels (gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view),
                                                         GB_CARDS_FACET_STATUS));
  g_assert_cmpstr (statuses, ==, "Any status (2) | Proposed (1) | Ended (1)");
  gb_cards_view_set_filter (GB_CARDS_VIEW (view), &ended);
  g_assert_cmpuint (count_cards (view), ==, 1);
  g_assert_nonnull (find_card (view, "agr-plan"));
  g_assert_cmpuint (gb_agreement_filter_count (&signed_,
                                               gb_dossier_get_agreements (dossier)), ==, 0);

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

/* Each bundled figure is a figure card with its number, label and source. */
static void
test_figure_cards (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());

  gb_test_show_dossier (view, dossier);

  g_assert_true (gb_test_shows_text (view, "$6 billion"));
  g_assert_true (gb_test_shows_text (view, "30+ years"));
  g_assert_true (gb_test_shows_text (view, "Top 5"));
  g_assert_true (gb_test_shows_text (view, ">50%"));
  g_assert_true (gb_test_shows_text (view, "Bilateral trade in 2023"));
  g_assert_true (gb_test_shows_text (view, "2023 · Source: The Astana Times, 5 November 2024"));

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

static guint
count_columns (GtkWidget *view)
{
  g_autoptr(GHashTable) xs = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  gb_test_collect_widgets (view, GB_TYPE_CARD, cards);
  g_assert_cmpuint (cards->len, ==, 9);

  for (guint i = 0; i < cards->len; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (cards->pdata[i], view, &bounds));
      g_hash_table_add (xs, GINT_TO_POINTER ((int) bounds.origin.x));
    }

  return g_hash_table_size (xs);
}

static GtkWidget *
show_in_window (GbDossier *dossier,
                int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gb_cards_view_new ();

  gb_test_show_dossier (view, dossier);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();

  return view;
}

/* One column on a phone, three or more on a wide window. */
static void
test_reflow (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  GtkWidget *view;
  int min_width;

  view = show_in_window (dossier, 360);
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  g_assert_cmpuint (count_columns (view), ==, 1);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));

  view = show_in_window (dossier, 1280);
  g_assert_cmpuint (count_columns (view), >=, 3);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
  gb_test_pump ();
}

/* How many lines of @label's layout start inside a word. */
static guint
lines_starting_mid_word (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  guint mid_word = 0;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (line->start_index > 0 && !g_ascii_isspace (text[line->start_index - 1]))
        mid_word++;
    }
  return mid_word;
}

/* Korean breaks lines between words, as its spaces say: never "5" on one
 * line and "일" on the next, as Pango would between any two syllables. */
static void
test_card_korean_words (void)
{
  static const char text[] = "2024년 11월 5일 카자흐스탄과 대한민국의 외교부 장관 회담 "
                             "양국 관계를 보여준다";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plain = gtk_label_new (NULL);
  GtkWidget *story = gtk_label_new (NULL);

  for (GtkWidget *l = plain; l != NULL; l = l == plain ? story : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (l), 1);
      gtk_widget_set_size_request (l, 130, -1);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_label_set_text (GTK_LABEL (plain), text);
  gb_label_set_story_text (GTK_LABEL (story), text);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 130, -1);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_pump ();

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (story)), ==, text);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (story))), >, 2);
  /* Pango alone breaks inside words here; the story's labels do not. */
  g_test_message ("plain label: %u lines start mid-word",
                  lines_starting_mid_word (GTK_LABEL (plain)));
  g_assert_cmpuint (lines_starting_mid_word (GTK_LABEL (plain)), >, 0);
  g_assert_cmpuint (lines_starting_mid_word (GTK_LABEL (story)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gb_test_init_widgets (&argc, &argv);

  gb_test_add_cases ("/cards/filter", filter_cases, test_filter_counts);
  gb_test_add_cases ("/cards/filter/dropdown", dropdown_cases, test_filter_dropdown);
  g_test_add_func ("/cards/filter/facet-labels", test_facet_labels);
  g_test_add_func ("/cards/card/content", test_card_content);
  g_test_add_func ("/cards/card/korean-words", test_card_korean_words);
  g_test_add_func ("/cards/card/follow-up", test_card_follow_up);
  g_test_add_func ("/cards/figure/cards", test_figure_cards);
  g_test_add_func ("/cards/reflow", test_reflow);

  return g_test_run ();
}
