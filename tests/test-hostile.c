/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "gb-cards-view.h"
#include "gb-detail-pane.h"
#include "gb-figure-format.h"
#include "gb-links.h"
#include "gb-search-results.h"
#include "gb-test-ui.h"
#include "gb-web-link.h"

/* What the fixture puts into every text field, after a field name. */
#define HOSTILE_TAIL " <b>bold</b> & x &amp; <span foreground=\"red\">red</span> " \
                     "\u202Egnp.exe\u202C <a href=\"javascript:alert(1)\">link</a> %s %n"

static char *
hostile (const char *field)
{
  return g_strconcat (field, HOSTILE_TAIL, NULL);
}

typedef struct
{
  const char *uri;
  gboolean    allowed;
  const char *host;
} LinkCase;

static const LinkCase link_cases[] = {
  { "https://astanatimes.com/2024/11/story/", TRUE, "astanatimes.com" },
  { "http://example.org", TRUE, "example.org" },
  { "HTTPS://Example.org/a?b=c&d=e#f", TRUE, "example.org" },
  { "https://пример.рф/", TRUE, "xn--e1afmkfd.xn--p1ai" },
  { "javascript:alert(1)", FALSE, NULL },
  { "JavaScript:alert(1)", FALSE, NULL },
  { "file:///etc/passwd", FALSE, NULL },
  { "data:text/html,<script>alert(1)</script>", FALSE, NULL },
  { "ftp://example.org/", FALSE, NULL },
  { "mailto:someone@example.org", FALSE, NULL },
  { "//evil.example/", FALSE, NULL },
  { "https:///no-host", FALSE, NULL },
  { "https://trusted.example@evil.example/", FALSE, NULL },
  { " https://example.org/", FALSE, NULL },
  { "https://example.org/\u202Egnp.exe", FALSE, NULL },
  { "https://exa\u200Bmple.org/", FALSE, NULL },
  { "https://example.org/a b", FALSE, NULL },
  { "https://example.org/\n", FALSE, NULL },
  { "", FALSE, NULL },
  { NULL, FALSE, NULL },
};

static void
test_links (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      const LinkCase *lc = &link_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;
      gboolean allowed = gb_web_link_check (lc->uri, &host, &error);

      g_test_message ("link %u: %s", i, lc->uri);
      g_assert_cmpint (allowed, ==, lc->allowed);
      g_assert_cmpstr (host, ==, lc->host);
      if (allowed)
        g_assert_no_error (error);
      else
        g_assert_nonnull (error);

      /* Opening a refused link does nothing, and says so. */
      if (!allowed)
        g_assert_false (gb_links_open (NULL, lc->uri));
    }
}

/* A refused link is a button that can't be pressed; an allowed one shows its host. */
static void
test_link_buttons (void)
{
  GtkWidget *good = g_object_ref_sink (gb_links_button_new ("https://astanatimes.com/x"));
  GtkWidget *bad = g_object_ref_sink (gb_links_button_new ("javascript:alert(1)"));

  g_assert_true (gtk_widget_get_sensitive (good));
  g_assert_true (gb_test_shows_text (good, "astanatimes.com"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (good), ==,
                   "Open https://astanatimes.com/x in the browser");
  g_assert_false (gtk_widget_get_sensitive (bad));
  g_assert_false (gb_test_shows_text (bad, "javascript:alert(1)"));

  g_assert_finalize_object (good);
  g_assert_finalize_object (bad);
}

static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (new, parts);
}

/* The loader refuses a file with non-web links before anything shows them. */
static void
test_refuses_links (void)
{
  static const char *bad[] = {
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "file:///etc/passwd",
    "data:text/html,hello",
  };
  g_autofree char *json = read_fixture ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *evil = replace (json, "https://example.org/story?a=1&b=%3Cb%3E", bad[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (evil, strlen (evil));
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = gb_dossier_load_bytes (bytes, "hostile.json", &error);

      g_assert_null (dossier);
      g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "only http and https"));
    }
}

static const char *item_ids[] = {
  "org-a", "person-a", "place-a", "place-b", "route-a", "event-a", "event-c", "agr-a", "agr-c",
  "fig-a",
};

static const struct { const char *id; const char *field; } titles[] = {
  { "org-a", "ORG NAME" },
  { "person-a", "PERSON NAME" },
  { "place-a", "PLACE NAME" },
  { "place-b", "PLACE2 NAME" },
  { "route-a", "ROUTE TITLE" },
  { "event-a", "EVENT TITLE" },
  { "event-c", "CONTEXT EVENT TITLE" },
  { "agr-a", "AGREEMENT TITLE" },
  { "agr-c", "CONTEXT AGREEMENT TITLE" },
  { "fig-a", "FIGURE LABEL" },
};

/* Every text of every item shows literally in the detail pane. */
static void
test_detail_literal (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("hostile.json");
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = gb_detail_pane_new ();

  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  gb_selection_set_dossier (selection, dossier);
  g_object_set (pane, "selection", selection, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GbItem *item = gb_test_lookup (dossier, titles[i].id);
      g_autofree char *title = hostile (titles[i].field);

      gb_selection_set_item (selection, item);
      gb_test_pump ();
      g_assert_true (gb_detail_pane_get_item (GB_DETAIL_PANE (pane)) == item);
      g_assert_true (gb_test_shows_text (pane, title));
      gb_test_assert_no_markup (pane);

      if (gb_item_get_quote (item) != NULL)
        g_assert_true (gb_test_shows_text (pane, gb_item_get_quote (item)));
    }

  /* The other fields, on the items that carry them. */
  {
    static const struct { const char *id; const char *field; } fields[] = {
      { "org-a", "ORG SHORT" },
      { "org-a", "ORG KIND" },
      { "org-a", "ORG DESCRIPTION" },
      { "org-a", "SOURCE TITLE" },
      { "org-a", "SOURCE NOTE" },
      { "person-a", "PERSON ROLE" },
      { "place-a", "PLACE DESCRIPTION" },
      { "place-b", "CONTEXT TITLE" },
      { "place-b", "CONTEXT NOTE" },
      { "route-a", "ROUTE SCHEDULE" },
      { "route-a", "ROUTE DESCRIPTION" },
      { "route-a", "OPERATOR" },
      { "event-a", "EVENT DESCRIPTION" },
      { "event-a", "PLACE NAME" },
      { "event-a", "PERSON NAME" },
      { "event-a", "ORG NAME" },
      { "agr-a", "AGREEMENT SUMMARY" },
      { "agr-a", "COVER ONE" },
      { "agr-a", "COVER TWO" },
      { "agr-a", "EVENT TITLE" },
      { "fig-a", "FIGURE DESCRIPTION" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *text = hostile (fields[i].field);

        gb_selection_set_item (selection, gb_test_lookup (dossier, fields[i].id));
        gb_test_pump ();
        if (!gb_test_shows_text (pane, text))
          g_error ("%s does not show %s literally", fields[i].id, fields[i].field);
      }
  }

  /* A source's publisher shows within its line, as text. */
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    g_autofree char *publisher = hostile ("PUBLISHER");
    gboolean found = FALSE;

    gb_selection_set_item (selection, gb_test_lookup (dossier, "agr-a"));
    gb_test_collect_texts (pane, texts);
    /* Isolated, so that its override ends with it. */
    g_autofree char *isolated = g_strconcat ("\u2068", publisher, "\u2069, ", NULL);

    for (guint i = 0; i < texts->len; i++)
      found |= g_str_has_prefix (texts->pdata[i], isolated);
    g_assert_true (found);
  }

  /* The context source's link has a look-alike host (a Cyrillic "а"): it shows
   * as punycode. (Links the window would refuse don't load: see test-web-link.c.) */
  gb_selection_set_item (selection, gb_test_lookup (dossier, "place-b"));
  g_assert_true (gb_test_shows_text (pane, "xn--pple-43d.example"));
  g_assert_false (gb_test_shows_text (pane, "\u0430pple.example"));

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

static void
test_cards_literal (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("hostile.json");
  GtkWidget *view = g_object_ref_sink (gb_cards_view_new ());
  g_autofree char *title = hostile ("AGREEMENT TITLE");
  g_autofree char *summary = hostile ("AGREEMENT SUMMARY");
  g_autofree char *org = hostile ("ORG NAME");
  g_autofree char *person = hostile ("PERSON NAME");
  /* Names joined in one line are isolated from each other. */
  g_autofree char *parties = g_strconcat ("\u2068", org, "\u2069, \u2068", person, "\u2069", NULL);
  g_autofree char *label = hostile ("FIGURE LABEL");
  g_autofree char *unit = hostile ("FIGURE UNIT");
  /* gtk_test_init() picks the locale; the number follows it. */
  g_autofree char *value = gb_figure_format_value (1234.5, unit, GB_FIGURE_QUALIFIER_ABOUT);
  GListModel *party_labels;
  g_autoptr(GtkStringObject) party = NULL;
  g_autofree char *party_label = g_strconcat (org, " (1)", NULL);

  g_assert_true (g_str_has_prefix (value, "about 1"));
  g_assert_true (g_str_has_suffix (value, "\u2069"));
  g_assert_nonnull (strstr (value, unit));

  gb_test_show_dossier (view, dossier);
  g_assert_true (gb_test_shows_text (view, title));
  g_assert_true (gb_test_shows_text (view, summary));
  g_assert_true (gb_test_shows_text (view, parties));
  g_assert_true (gb_test_shows_text (view, label));
  g_assert_true (gb_test_shows_text (view, value));

  /* Party names in the filter are the file's text too. */
  party_labels = gb_cards_view_get_facet_labels (GB_CARDS_VIEW (view), GB_CARDS_FACET_PARTY);
  party = g_list_model_get_item (party_labels, 1);
  g_assert_cmpstr (gtk_string_object_get_string (party), ==, party_label);

  gtk_widget_unparent (view);
  g_clear_object (&dossier);
  g_assert_finalize_object (view);
}

static void
test_search_literal (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("hostile.json");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *results = gb_search_results_new ();
  g_autofree char *title = hostile ("EVENT TITLE");
  GListModel *model;

  gtk_window_set_child (GTK_WINDOW (window), results);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_show_dossier (results, dossier);

  /* Markup is searched as the text it is. */
  gb_search_results_set_query (GB_SEARCH_RESULTS (results), "<b>bold</b> &amp;");
  model = gb_search_results_get_model (GB_SEARCH_RESULTS (results));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (item_ids));
  gb_test_pump ();
  g_assert_true (gb_test_shows_text (results, title));

  gb_search_results_set_query (GB_SEARCH_RESULTS (results), "evil.exe");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gb_search_results_set_query (GB_SEARCH_RESULTS (results), "exe.gnp");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gb_search_results_set_query (GB_SEARCH_RESULTS (results), "gnp.exe");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (item_ids));

  gtk_window_destroy (GTK_WINDOW (window));
  gb_test_pump ();
}

int
main (int   argc,
      char *argv[])
{
  gb_test_init_widgets (&argc, &argv);

  g_test_add_func ("/hostile/links/decide", test_links);
  g_test_add_func ("/hostile/links/buttons", test_link_buttons);
  g_test_add_func ("/hostile/load/refuses-links", test_refuses_links);
  g_test_add_func ("/hostile/detail/literal", test_detail_literal);
  g_test_add_func ("/hostile/cards/literal", test_cards_literal);
  g_test_add_func ("/hostile/search/literal", test_search_literal);

  return g_test_run ();
}
