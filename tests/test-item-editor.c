/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gb-agreement.h"
#include "gb-figure.h"
#include "gb-history.h"
#include "gb-item-editor.h"
#include "gb-model-enums.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-test-ui.h"

/* The forms' drop-downs: each offers its enum's values by their labels, in
 * the enum's order, shows the item's value, and writes the chosen nick. */

static const char *
source_kind (GbItem *item)
{
  return gb_item_is_context (item) ? "context" : "article";
}

static const char *
place_kind (GbItem *item)
{
  return gb_place_kind_to_string (gb_place_get_place_kind (GB_PLACE (item)));
}

static const char *
route_mode (GbItem *item)
{
  return gb_route_get_mode (GB_ROUTE (item));
}

static const char *
agreement_status (GbItem *item)
{
  return gb_agreement_status_to_string (gb_agreement_get_status (GB_AGREEMENT (item)));
}

static const char *
figure_qualifier (GbItem *item)
{
  return gb_figure_qualifier_to_string (gb_figure_get_qualifier (GB_FIGURE (item)));
}

typedef struct
{
  const char  *name;
  const char  *id;        /* an item of tests/fixtures/hostile.json */
  const char  *row;
  const char  *offered;   /* the labels, between "|" */
  guint        shown;     /* the item's value */
  guint        chosen;
  const char  *written;
  const char *(*nick) (GbItem *item);
} ChoiceCase;

static const ChoiceCase choices[] = {
  { "source-kind", "src-c", "Kind", "Article (the story itself)|Context (background)",
    1, 0, "article", source_kind },
  { "place-kind", "place-b", "Kind", "City|Airport|Venue|Country|Other",
    1, 4, "other", place_kind },
  { "route-mode", "route-a", "Mode", "Flight|Rail|Road|Sea|Other",
    0, 3, "sea", route_mode },
  { "agreement-status", "agr-c", "Status", "Signed|Proposed|Planned|Existing|Launched|Ended",
    5, 2, "planned", agreement_status },
  { "figure-qualifier", "fig-a", "Qualifier", "Exact|About|Over|More than|Among the top",
    1, 4, "top", figure_qualifier },
};

static char *
dup_offered (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      g_strv_builder_add (labels, gtk_string_object_get_string (string));
    }
  strv = g_strv_builder_end (labels);
  return g_strjoinv ("|", strv);
}

static void
test_choice (gconstpointer data)
{
  const ChoiceCase *c = data;
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("hostile.json");
  g_autoptr(GbHistory) history = NULL;
  g_autofree char *offered = NULL;
  GtkWidget *form;
  AdwComboRow *row;

  history = gb_history_new (dossier);
  form = gb_item_editor_new (history, gb_test_lookup (dossier, c->id));
  gtk_window_present (GTK_WINDOW (form));
  gb_test_pump ();

  row = ADW_COMBO_ROW (gb_test_find_row (form, c->row));
  offered = dup_offered (row);
  g_assert_cmpstr (offered, ==, c->offered);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, c->shown);

  adw_combo_row_set_selected (row, c->chosen);
  gb_test_pump ();
  g_assert_cmpstr (c->nick (gb_test_lookup (dossier, c->id)), ==, c->written);

  gtk_window_destroy (GTK_WINDOW (form));
  gb_test_pump ();
}

/* A list typed with commas is written without its empty entries, and an
 * empty one leaves the member out. */
static void
test_strings (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_fixture ("hostile.json");
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  GtkWidget *form = gb_item_editor_new (history, gb_test_lookup (dossier, "route-a"));
  const char * const *operators;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (form));
  gb_test_pump ();
  row = gb_test_find_row (form, "Operators");

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), " Air Astana, ,Asiana ");
  gb_test_pump ();
  operators = gb_route_get_operators (GB_ROUTE (gb_test_lookup (dossier, "route-a")));
  g_assert_nonnull (operators);
  g_assert_cmpuint (g_strv_length ((char **) operators), ==, 2);
  g_assert_cmpstr (operators[0], ==, "Air Astana");
  g_assert_cmpstr (operators[1], ==, "Asiana");

  gtk_editable_set_text (GTK_EDITABLE (row), " , ");
  gb_test_pump ();
  operators = gb_route_get_operators (GB_ROUTE (gb_test_lookup (dossier, "route-a")));
  g_assert_true (operators == NULL || operators[0] == NULL);

  gtk_window_destroy (GTK_WINDOW (form));
  gb_test_pump ();
}

int
main (int   argc,
      char *argv[])
{
  gb_test_init_widgets (&argc, &argv);
  gb_test_add_cases ("/item-editor/choice", choices, test_choice);
  g_test_add_func ("/item-editor/strings", test_strings);
  return g_test_run ();
}
