/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gb-card.h"
#include "gb-cards-view.h"
#include "gb-figure-card.h"
#include "gb-figure-format.h"
#include "gb-filter.h"
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

static void
collect_cards (GtkWidget *widget,
               GPtrArray *out)
{
  if (GB_IS_CARD (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, out);
}

static guint
count_cards (GtkWidget *widget)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_cards (widget, cards);
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

    collect_cards (view, cards);
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

typedef struct
{
  double             value;
  const char        *unit;
  GbFigureQualifier  qualifier;
  const char        *c_locale;
  const char        *en_locale;
} FigureCase;

static const FigureCase figure_cases[] = {
  { 6e9, "USD", GB_FIGURE_QUALIFIER_EXACT, "$6 billion", "$6 billion" },
  { 120000, "people", GB_FIGURE_QUALIFIER_EXACT, "120000", "120,000" },
  { 30, "years", GB_FIGURE_QUALIFIER_OVER, "30+ years", "30+ years" },
  { 1, "years", GB_FIGURE_QUALIFIER_EXACT, "1 year", "1 year" },
  { 5, "rank", GB_FIGURE_QUALIFIER_TOP, "Top 5", "Top 5" },
  { 3, "rank", GB_FIGURE_QUALIFIER_EXACT, "No. 3", "No. 3" },
  { 50, "percent", GB_FIGURE_QUALIFIER_MORE_THAN, ">50%", ">50%" },
  { 12.5, "percent", GB_FIGURE_QUALIFIER_ABOUT, "about 12.5%", "about 12.5%" },
  { 1.5e6, "count", GB_FIGURE_QUALIFIER_EXACT, "1.5 million", "1.5 million" },
  { 2500, "tonnes", GB_FIGURE_QUALIFIER_EXACT, "2500 tonnes", "2,500 tonnes" },
  { -1234567.891, "count", GB_FIGURE_QUALIFIER_EXACT, "-1.23 million", "-1.23 million" },
  { 1e300, "USD", GB_FIGURE_QUALIFIER_EXACT, "$1e+300", "$1e+300" },
};

/* Korean counts large numbers in myriads: $6 billion is 60억 달러. Runs the
 * built Korean translation, so it also checks the translator's choice. */
static void
test_figure_format_myriads (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *billions = NULL;
  g_autofree char *millions = NULL;
  g_autofree char *plain = NULL;

  if (setlocale (LC_ALL, "ko_KR.UTF-8") == NULL)
    {
      g_test_skip ("the ko_KR.UTF-8 locale is not installed (Debian: locales-all)");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  billions = gb_figure_format_value (6e9, "USD", GB_FIGURE_QUALIFIER_EXACT);
  millions = gb_figure_format_value (1.5e6, "count", GB_FIGURE_QUALIFIER_EXACT);
  plain = gb_figure_format_value (120000, "people", GB_FIGURE_QUALIFIER_EXACT);

  textdomain ("messages");
  setlocale (LC_ALL, old);

  g_assert_cmpstr (billions, ==, "60억 달러");
  g_assert_cmpstr (millions, ==, "150만");
  g_assert_cmpstr (plain, ==, "120,000");
}

static void
test_figure_format (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  gboolean have_en = setlocale (LC_NUMERIC, "en_US.UTF-8") != NULL;

  setlocale (LC_NUMERIC, "C");
  for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
    {
      const FigureCase *fc = &figure_cases[i];
      g_autofree char *text = gb_figure_format_value (fc->value, fc->unit, fc->qualifier);

      g_assert_cmpstr (text, ==, fc->c_locale);
    }

  if (have_en)
    {
      setlocale (LC_NUMERIC, "en_US.UTF-8");
      for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
        {
          const FigureCase *fc = &figure_cases[i];
          g_autofree char *text = gb_figure_format_value (fc->value, fc->unit, fc->qualifier);

          g_assert_cmpstr (text, ==, fc->en_locale);
        }
    }
  else
    g_test_message ("en_US.UTF-8 is not installed; grouping not checked");

  setlocale (LC_NUMERIC, old);
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

  collect_cards (view, cards);
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cards/filter/%s", filter_cases[i].path);

      g_test_add_data_func (path, &filter_cases[i], test_filter_counts);
    }
  g_test_add_func ("/cards/filter/facet-labels", test_facet_labels);
  g_test_add_func ("/cards/card/content", test_card_content);
  g_test_add_func ("/cards/figure/format", test_figure_format);
  g_test_add_func ("/cards/figure/format-myriads", test_figure_format_myriads);
  g_test_add_func ("/cards/figure/cards", test_figure_cards);
  g_test_add_func ("/cards/reflow", test_reflow);

  return g_test_run ();
}
