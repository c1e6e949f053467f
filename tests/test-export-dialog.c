/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gb-export-dialog.h"
#include "gb-print.h"
#include "gb-render-formats.h"
#include "gb-test-map.h"
#include "gb-test-ui.h"
#include "gb-window.h"

/* The Export dialog and Print as a user reaches them: from the window's
 * main menu, a format picked in the dropdown, the Export button pressed;
 * the files they write read back, the PDFs by poppler's pdftotext where it
 * is installed. */

static GbApplication *app;

static gboolean
window_loaded (gpointer data)
{
  return !gb_window_is_loading (data) && gb_window_get_dossier (data) != NULL;
}

static GbWindow *
open_bundled_window (void)
{
  GbWindow *window = gb_window_new (app);

  gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  gb_test_map_wait_for (window_loaded, window);
  gb_test_pump ();
  return window;
}

/* Whether @menu, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      if ((section != NULL && menu_has_action (section, action))
          || (submenu != NULL && menu_has_action (submenu, action)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Activates @action as its item in the window's main menu does, after
 * checking that the menu has that item. */
static void
activate_main_menu_action (GbWindow   *window,
                           const char *action)
{
  GtkWidget *button = gb_test_find_widget_if (GTK_WIDGET (window), is_primary_menu_button, NULL);

  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                  action));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

static GbExportDialog *
find_export_dialog (GbWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GB_IS_EXPORT_DIALOG (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      return l->data;
  return NULL;
}

/* Picks the entry the dropdown shows as @title, as a click on it would. */
static void
pick_format (GbExportDialog *dialog,
             const char     *title)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gb_test_find_widget (GTK_WIDGET (dialog),
                                                              GTK_TYPE_DROP_DOWN));
  GListModel *titles = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    {
      const char *shown = gtk_string_list_get_string (GTK_STRING_LIST (titles), i);

      if (g_str_equal (shown, title))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("the format dropdown has no entry “%s”", title);
}

static gboolean
is_export_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gb_test_shows_text (widget, "Export…");
}

typedef struct
{
  GtkWidget  *widget;
  const char *prefix;
} ShownPrefix;

/* Whether a label under the widget starts with the prefix: a result, a toast. */
static gboolean
shows_prefix (gpointer data)
{
  ShownPrefix *wanted = data;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  gb_test_collect_texts (wanted->widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_has_prefix (texts->pdata[i], wanted->prefix))
      return TRUE;
  return FALSE;
}

/* The text poppler's pdftotext finds in @path, its white space runs made one
 * space (lines wrap in a PDF); NULL without pdftotext. */
static char *
dup_pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *args[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  space = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

/* @path is a PDF that holds the story's title and the name of its first source. */
static void
assert_briefing_pdf (const char *path,
                     GbDossier  *dossier)
{
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GbItem) source = g_list_model_get_item (gb_dossier_get_sources (dossier), 0);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  text = dup_pdf_text (path);
  if (text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) not installed: the PDF's text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, gb_dossier_get_title (dossier)));
  g_assert_nonnull (strstr (text, gb_item_get_title (source)));
}

/* @path is GeoJSON: a FeatureCollection with a feature a place and a route. */
static void
assert_geojson (const char *path,
                GbDossier  *dossier)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  guint n_places = g_list_model_get_n_items (gb_dossier_get_places (dossier));
  guint n_routes = g_list_model_get_n_items (gb_dossier_get_routes (dossier));

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "features")), ==,
                    n_places + n_routes);
}

typedef struct
{
  const char *title;   /* as the dropdown shows it */
  const char *name;    /* the format's command-line name */
  const char *file;
  void      (*check) (const char *path,
                      GbDossier  *dossier);
} ExportCase;

static const ExportCase export_cases[] = {
  { "PDF briefing (A4)", "pdf", "gb-export-dialog.pdf", assert_briefing_pdf },
  { "PDF briefing (US Letter)", "pdf-letter", "gb-export-dialog-letter.pdf", assert_briefing_pdf },
  { "Places and routes (GeoJSON)", "geojson", "gb-export-dialog.geojson", assert_geojson },
};

static void
test_export_dialog_format (gconstpointer data)
{
  const ExportCase *c = data;
  GbWindow *window = open_bundled_window ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = g_strdup_printf ("Saved “%s”", c->file);
  GbExportDialog *dialog;
  GtkWidget *button;
  ShownPrefix result;

  g_unlink (path);
  activate_main_menu_action (window, "win.export");
  dialog = find_export_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gb_test_assert_no_markup (GTK_WIDGET (dialog));

  /* Away from the default first, so that picking is what sets the format. */
  pick_format (dialog, "Calendar (iCalendar)");
  g_assert_cmpstr (gb_export_dialog_get_format (dialog), ==, "ics");
  pick_format (dialog, c->title);
  g_assert_cmpstr (gb_export_dialog_get_format (dialog), ==, c->name);

  gb_export_dialog_set_test_file (dialog, file);
  button = gb_test_find_widget_if (GTK_WIDGET (dialog), is_export_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  result = (ShownPrefix) { GTK_WIDGET (dialog), saved };
  gb_test_map_wait_for (shows_prefix, &result);
  g_assert_true (gtk_widget_get_sensitive (button));
  c->check (path, gb_window_get_dossier (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* Print's pages, exported to a PDF by GtkPrintOperation as the Print dialog's
 * "Print to File" would write them. */
static void
test_print_export (void)
{
  GbWindow *window = open_bundled_window ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gb-print-export.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_unlink (path);
  result = gb_print_briefing (GTK_WINDOW (window), gb_window_get_dossier (window),
                              GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_briefing_pdf (path, gb_window_get_dossier (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* A print that fails is said on the window, in a toast. */
static void
test_print_failure (void)
{
  GbWindow *window = open_bundled_window ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gb-no-such-folder", "print.pdf",
                                            NULL);
  GtkWidget *toasts = gb_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  ShownPrefix toast = { toasts, "Could not print: " };
  GtkPrintOperationResult result;

  g_assert_nonnull (toasts);
  g_assert_false (shows_prefix (&toast));
  result = gb_print_run (GTK_WINDOW (window), gb_window_get_dossier (window),
                         GTK_PRINT_OPERATION_ACTION_EXPORT, path, ADW_TOAST_OVERLAY (toasts));
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gb_test_map_wait_for (shows_prefix, &toast);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A map image shows places and routes only: the rest, sources included,
 * is noted, counted from the bundled dossier. */
static void
test_map_image_notes (void)
{
  g_autoptr(GbDossier) dossier = gb_test_load_bundled ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  gb_render_note_map_image (notes, dossier);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (notes->pdata[0], ==,
                   "items this format has no place for are left out (Event: 15; Agreement or "
                   "initiative: 9; Key figure: 5; Person: 5; Organisation: 9; Source: 10)");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = gb_test_init_app (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export-dialog/%s", export_cases[i].name);

      g_test_add_data_func (name, &export_cases[i], test_export_dialog_format);
    }
  g_test_add_func ("/print/export", test_print_export);
  g_test_add_func ("/print/failure", test_print_failure);
  g_test_add_func ("/export-dialog/map-image-notes", test_map_image_notes);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
