/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gb-application.h"
#include "gb-detail-pane.h"
#include "gb-dossier-loader.h"
#include "gb-selection.h"
#include "gb-test-ui.h"
#include "gb-window.h"

/* Hostile files (issue 14) in the window: whatever a file holds, the window
 * answers within seconds and draws what it shows legibly. */

#define HEAD "{\"format\":\"golden-bridge-dossier\",\"version\":1,"

static GbApplication *app;

/* Runs the main loop until @done says so or @seconds pass; FALSE on timeout. */
static gboolean
wait_for (gboolean  (*done) (gpointer data),
          gpointer    data,
          guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for @widget's window to draw a frame: a window that can't lay out
 * its content never gets here. */
static gboolean
wait_for_frame (GtkWidget *widget,
                guint      seconds)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;
  gboolean ok;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  ok = wait_for (flag_is_set, &painted, seconds);
  g_signal_handler_disconnect (clock, id);
  return ok;
}

static gboolean
window_shows_error (gpointer data)
{
  return g_strcmp0 (gb_window_get_page (data), "error") == 0;
}

/* The longest text a label under @widget is given. */
static gsize
longest_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  gsize longest = 0;

  gb_test_collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    longest = MAX (longest, strlen (texts->pdata[i]));
  return longest;
}

static gboolean
label_is_longest (GtkWidget     *widget,
                  gconstpointer  longest)
{
  return GTK_IS_LABEL (widget) &&
         strlen (gtk_label_get_text (GTK_LABEL (widget))) == *(const gsize *) longest;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  /* A button on screen: the pane hides "Show More" once all is shown. */
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

/* Writes @json to a file, opens it in a presented @window and waits at most
 * @seconds for @page and a frame drawn after it. */
static void
open_and_draw (GbWindow   *window,
               GString    *json,
               gboolean  (*page) (gpointer data),
               guint       seconds)
{
  g_autofree char *path = write_temp ("gb-hostile-window.json", json->str);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start;

  gtk_window_present (GTK_WINDOW (window));
  start = g_get_monotonic_time ();
  gb_window_open_file (window, file);
  g_assert_true (wait_for (page, window, seconds));
  g_assert_true (wait_for_frame (GTK_WIDGET (window), seconds));
  g_test_message ("drawn %.2f s after opening",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, seconds * G_USEC_PER_SEC);
  g_unlink (path);
}

static gboolean
window_shows_content (gpointer data)
{
  return !gb_window_is_loading (data) && g_strcmp0 (gb_window_get_page (data), "content") == 0;
}

/* Item 1: an invalid dossier whose id is 1 MB shows its error page at once. */
static void
test_long_value_error_page (void)
{
  GbWindow *window = gb_window_new (app);
  g_autoptr(GString) json = g_string_new (HEAD "\"title\":\"T\",\"id\":\"-");

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\"}");
  /* Before the loader cut its quotes, this took 5 s (and minutes on a slower machine). */
  open_and_draw (window, json, window_shows_error, 3);

  g_assert_nonnull (strstr (gb_window_get_error (window), "id: “-abcdefghijklmnopqrstuvw…”"));
  g_assert_cmpuint (longest_text (GTK_WIDGET (window)), <, 1000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Item 9: the Timeline/Map/Agreements bar belongs to an open story. */
static void
test_switcher_pages (void)
{
  GbWindow *window = gb_window_new (app);
  g_autofree char *path = write_temp ("gb-hostile-switcher.json", HEAD "\"id\":\"x\"}");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwViewSwitcherBar *bar;
  AdwViewSwitcherTitle *title;

  /* Narrow: where the bar takes over from the header's switcher. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  bar = ADW_VIEW_SWITCHER_BAR (gb_test_find_widget (GTK_WIDGET (window),
                                                    ADW_TYPE_VIEW_SWITCHER_BAR));
  title = ADW_VIEW_SWITCHER_TITLE (gb_test_find_widget (GTK_WIDGET (window),
                                                        ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (bar);
  g_assert_nonnull (title);

  g_assert_cmpstr (gb_window_get_page (window), ==, "loading");
  g_assert_true (wait_for_frame (GTK_WIDGET (window), 10));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));

  gb_window_open_file (window, file);
  g_assert_true (wait_for (window_shows_error, window, 10));
  g_assert_true (wait_for_frame (GTK_WIDGET (window), 10));
  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));

  /* With a story, the bar is there when the header has no room for the switcher. */
  gb_window_open_bundled (window);
  g_assert_true (wait_for (window_shows_content, window, 10));
  g_assert_true (wait_for_frame (GTK_WIDGET (window), 10));
  g_assert_cmpint (adw_view_switcher_bar_get_reveal (bar), ==,
                   adw_view_switcher_title_get_title_visible (title));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* Item 6: a 1 MB description wraps into readable lines, the rest a click away. */
static void
test_long_description (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"id\":\"t\",\"title\":\"T\",\"sources\":"
                                          "[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}],"
                                          "\"events\":[{\"id\":\"e\",\"title\":\"E\","
                                          "\"date\":\"2024\",\"source\":\"s\",\"description\":\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = gb_detail_pane_new ();
  GtkLabel *label;
  GtkButton *more;
  gsize shown;
  gint64 start;

  /* Words, as a description has them, and no line break in a megabyte. */
  while (json->len < 1024 * 1024)
    g_string_append (json, "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
  g_string_append (json, "\"}]}");
  bytes = g_bytes_new (json->str, json->len);
  dossier = gb_dossier_load_bytes (bytes, "long.json", &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  gb_selection_set_dossier (selection, dossier);
  g_object_set (pane, "selection", selection, NULL);

  start = g_get_monotonic_time ();
  gb_selection_set_item (selection, gb_test_lookup (dossier, "e"));
  g_assert_true (wait_for_frame (window, 3));
  g_test_message ("pane drawn %.2f s after selecting",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  /* Many lines within the pane's width, not one line running off it. */
  shown = longest_text (pane);
  label = GTK_LABEL (gb_test_find_widget_if (pane, label_is_longest, &shown));
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), <=, 400);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), >, 20 * 20);
  g_assert_cmpuint (shown, <, 64 * 1024);

  /* The rest, a part at a time, the window drawing between. */
  more = GTK_BUTTON (gb_test_find_widget_if (pane, is_button_labelled, "Show More"));
  g_assert_nonnull (more);
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (more, "clicked");
  g_assert_true (wait_for_frame (window, 3));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (longest_text (pane), <=, shown);
  g_assert_nonnull (gb_test_find_widget_if (pane, is_button_labelled, "Show More"));

  /* The fixture: 23 KB, three parts. */
  g_clear_object (&dossier);
  dossier = gb_test_load_fixture ("hostile/long-description.json");
  gb_selection_set_dossier (selection, dossier);
  gb_selection_set_item (selection, gb_test_lookup (dossier, "e"));
  for (guint i = 0; i < 2; i++)
    {
      gb_test_pump ();
      more = GTK_BUTTON (gb_test_find_widget_if (pane, is_button_labelled, "Show More"));
      g_assert_nonnull (more);
      g_signal_emit_by_name (more, "clicked");
    }
  gb_test_pump ();
  g_assert_null (gb_test_find_widget_if (pane, is_button_labelled, "Show More"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Item 1: a valid dossier whose title is 1 MB opens as quickly. */
static void
test_long_title (void)
{
  GbWindow *window = gb_window_new (app);
  g_autoptr(GString) json = g_string_new (HEAD "\"id\":\"t\",\"title\":\"");

  for (guint i = 0; i < 1024 * 1024 / 8; i++)
    g_string_append (json, "A title ");
  g_string_append (json, "\"}");
  open_and_draw (window, json, window_shows_content, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = gb_test_init_app (&argc, &argv);

  g_test_add_func ("/hostile-window/error-page/long-value", test_long_value_error_page);
  g_test_add_func ("/hostile-window/switcher/pages", test_switcher_pages);
  g_test_add_func ("/hostile-window/title/long", test_long_title);
  g_test_add_func ("/hostile-window/detail/long-description", test_long_description);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
