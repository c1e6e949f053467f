/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-timeline GEN-DOSSIER [N…]: opens the timeline on generated dossiers of N events
 * (100 and 100,000 by default), each in a child process so peak RSS is per size, and
 * reports load time, time to first frame, peak RSS and the number of row widgets. The
 * timeline must not make a widget per event: widgets stay flat as N grows. */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "gb-bench.h"
#include "gb-dossier-loader.h"
#include "gb-timeline-row-widget.h"
#include "gb-timeline-view.h"

typedef struct
{
  gint64     started;
  gint64     shown;
  GtkWidget *window;
  GtkWidget *view;
  guint      n_events;
  double     load_ms;
  double     set_dossier_ms;
  long       rss_after_load_kb;
  gboolean   done;
} Child;

static long
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static guint
count_row_widgets (GtkWidget *widget)
{
  guint n = GB_IS_TIMELINE_ROW_WIDGET (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_row_widgets (child);
  return n;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Child         *child)
{
  struct rusage usage;
  gint64 now = g_get_monotonic_time ();
  guint widgets = count_row_widgets (child->view);
  GListModel *rows = gb_timeline_view_get_model (GB_TIMELINE_VIEW (child->view));

  if (child->done || widgets == 0)
    return;
  child->done = TRUE;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("events=%u rows=%u load_ms=%.1f set_dossier_ms=%.1f first_frame_ms=%.1f "
           "total_ms=%.1f rss_after_load_kb=%ld peak_rss_kb=%ld row_widgets=%u\n",
           child->n_events, g_list_model_get_n_items (rows), child->load_ms,
           child->set_dossier_ms,
           (now - child->shown) / 1000.0, (now - child->started) / 1000.0,
           child->rss_after_load_kb, usage.ru_maxrss, widgets);
  gtk_window_destroy (GTK_WINDOW (child->window));
}

static void
realize_cb (GtkWidget *window,
            Child     *child)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), child);
}

static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GbDossier) dossier = NULL;
  g_autoptr(GbSelection) selection = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 2, 10, 12, 0, 0);
  Child child = { 0 };

  child.started = g_get_monotonic_time ();
  dossier = gb_dossier_load_file (file, NULL, &error);
  if (dossier == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return EXIT_FAILURE;
    }
  child.load_ms = (g_get_monotonic_time () - child.started) / 1000.0;
  child.rss_after_load_kb = current_rss_kb ();
  child.n_events = g_list_model_get_n_items (gb_dossier_get_events (dossier));

  child.shown = g_get_monotonic_time ();
  child.window = gtk_window_new ();
  child.view = gb_timeline_view_new ();
  gb_timeline_view_set_today (GB_TIMELINE_VIEW (child.view), today);
  selection = gb_selection_new ();
  gb_selection_set_dossier (selection, dossier);
  g_object_set (child.view, "selection", selection, NULL);
  child.set_dossier_ms = (g_get_monotonic_time () - child.shown) / 1000.0;
  gtk_window_set_child (GTK_WINDOW (child.window), child.view);
  gtk_window_set_default_size (GTK_WINDOW (child.window), 480, 900);
  g_signal_connect (child.window, "realize", G_CALLBACK (realize_cb), &child);
  g_object_ref (child.window);
  gtk_window_present (GTK_WINDOW (child.window));

  while (!child.done && g_get_monotonic_time () - child.shown < 120 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (child.window);

  return child.done ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
run_parent (const char *self,
            const char *generator,
            GStrv       sizes)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);
  double first[4] = { 0 }, last[4] = { 0 };
  const char *fields[4] = { "first_frame_ms", "peak_rss_kb", "row_widgets", "rows" };

  g_assert (dir != NULL);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/dossier-%s.json", dir, sizes[i]);
      g_autofree char *output = NULL;
      const char *gen_argv[] = { generator, sizes[i], path, NULL };
      const char *child_argv[] = { self, "--child", path, NULL };
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                         NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("generator: %s", error->message);

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &output, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("child for %s events: %s", sizes[i], error->message);

      g_print ("%s", output);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          double value = 0;

          if (!gb_bench_find_field (output, fields[f], &value))
            g_error ("no %s in “%s”", fields[f], output);
          if (i == 0)
            first[f] = value;
          last[f] = value;
        }
      g_unlink (path);
    }
  g_rmdir (dir);

  g_print ("ratio %s/%s: first_frame ×%.2f, peak_rss ×%.2f, row_widgets ×%.2f, rows ×%.0f\n",
           sizes[g_strv_length (sizes) - 1], sizes[0],
           last[0] / MAX (first[0], 0.001), last[1] / MAX (first[1], 1),
           last[2] / MAX (first[2], 1), last[3] / MAX (first[3], 1));
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  static const char *default_sizes[] = { "100", "100000", NULL };
  g_autofree char *self = NULL;

  setlocale (LC_ALL, "");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-timeline: no display, skipped\n");
      return 77;
    }

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      gtk_init ();
      adw_init ();
      return run_child (argv[2]);
    }

  if (argc < 2)
    {
      g_printerr ("usage: %s GEN-DOSSIER [N…]\n", argv[0]);
      return EXIT_FAILURE;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  return run_parent (self != NULL ? self : argv[0], argv[1],
                     argc > 2 ? argv + 2 : (GStrv) default_sizes);
}
