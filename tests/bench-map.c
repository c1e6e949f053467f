/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-map"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <adwaita.h>
#include <shumate/shumate.h>

#include "gb-bench.h"
#include "gb-map-view.h"
#include "gb-place.h"
#include "gb-route.h"

/* Map benchmark (not a test): `meson test -C BUILDDIR --benchmark map`
 * under a display. The same programmatic pan and zoom runs over three maps
 * in one process:
 *
 *   empty     a bare ShumateMap with no layers at all (the floor)
 *   basemap   the map view, offline basemap only, no story
 *   10k       the map view, basemap plus 10,000 places and 20 routes
 *   big       the map view, basemap plus 20,000 places and 5,000 routes (the
 *             hostile-files audit's big map, which blocked the window 2.7 s
 *             on its first frame and 1.8 s on every pan)
 *
 * A frame is timed from the frame clock's update (where the tick callback
 * moves the view) to its after-paint (layout, snapshot and rendering done),
 * so waiting for the display's refresh is not counted; the first frame is
 * timed from the window's presenting to its first after-paint. Tiles stay offline
 * (map-source "basemap"): the network is never asked. Prints the median and
 * the worst frame of each, and their ratios to the empty map. */

#define N_PLACES 10000
#define N_ROUTES 20
#define N_BIG_PLACES 20000
#define N_BIG_ROUTES 5000
#define BIG_STRIDE 12        /* the big map takes every 12th frame of the path: 30 */
#define N_FRAMES 360
#define N_WARMUP 10

typedef struct
{
  GtkWidget *window;
  ShumateMap *map;
  ShumateViewport *viewport;
  GArray    *times;    /* ms per frame */
  gint64     tick_start;
  guint      frame;
  gboolean   done;
  gulong     paint_id;
  guint      stride;     /* frames of the path per frame drawn */
  gint64     presented;
  double     first_ms;   /* presenting to the first frame painted */
} Run;

/* The path: a pan east along the Silk Road at zoom 4, a zoom from 3 to 7
 * on Astana and back out, a pan south-east towards Seoul at zoom 5. */
static void
view_for_frame (guint   i,
                double *lat,
                double *lon,
                double *zoom)
{
  double t;

  if (i < N_FRAMES / 3)
    {
      t = (double) i / (N_FRAMES / 3);
      *lat = 45;
      *lon = 40 + 90 * t;
      *zoom = 4;
    }
  else if (i < 2 * N_FRAMES / 3)
    {
      t = (double) (i - N_FRAMES / 3) / (N_FRAMES / 3);
      *lat = 51.17;
      *lon = 71.45;
      *zoom = 3 + 4 * sin (G_PI * t);
    }
  else
    {
      t = (double) (i - 2 * N_FRAMES / 3) / (N_FRAMES / 3);
      *lat = 51.17 - (51.17 - 37.57) * t;
      *lon = 71.45 + (126.98 - 71.45) * t;
      *zoom = 5;
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Run *run = user_data;
  double lat, lon, zoom;

  if (run->frame >= N_FRAMES / run->stride + N_WARMUP)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  view_for_frame (run->frame >= N_WARMUP ? (run->frame - N_WARMUP) * run->stride : 0,
                  &lat, &lon, &zoom);
  run->tick_start = g_get_monotonic_time ();
  shumate_map_center_on (run->map, lat, lon);
  shumate_viewport_set_zoom_level (run->viewport, zoom);
  return G_SOURCE_CONTINUE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  if (run->first_ms == 0)
    run->first_ms = (g_get_monotonic_time () - run->presented) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  if (run->tick_start == 0)
    return;

  if (run->frame >= N_WARMUP)
    {
      double ms = (g_get_monotonic_time () - run->tick_start) / 1000.0;

      g_array_append_val (run->times, ms);
    }

  run->tick_start = 0;
  run->frame++;
}

static ShumateMap *
find_map (GtkWidget *widget)
{
  if (SHUMATE_IS_MAP (widget))
    return SHUMATE_MAP (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ShumateMap *map = find_map (child);

      if (map != NULL)
        return map;
    }

  return NULL;
}

static void
run_frames (const char *name,
            GtkWidget  *content,
            guint       stride,
            double     *median,
            double     *worst)
{
  Run run = { .stride = stride };
  GdkFrameClock *clock;
  gulong first_id;

  run.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (run.window), content);
  gtk_widget_realize (run.window);
  first_id = g_signal_connect (gtk_widget_get_frame_clock (run.window), "after-paint",
                               G_CALLBACK (first_paint_cb), &run);
  run.presented = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (run.window));

  /* Let it map and settle. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (run.window), first_id);
  run.map = find_map (content);
  run.viewport = shumate_map_get_viewport (run.map);
  run.times = g_array_new (FALSE, FALSE, sizeof (double));

  clock = gtk_widget_get_frame_clock (run.window);
  run.paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &run);
  gtk_widget_add_tick_callback (run.window, tick_cb, &run, NULL);

  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, run.paint_id);
  g_array_sort (run.times, gb_bench_compare_doubles);
  *median = g_array_index (run.times, double, run.times->len / 2);
  *worst = g_array_index (run.times, double, run.times->len - 1);

  g_print ("%-8s %4u frames  median %7.3f ms  p95 %7.3f ms  worst %7.3f ms  first %7.1f ms\n",
           name, run.times->len, *median,
           g_array_index (run.times, double, (guint) (run.times->len * 0.95)), *worst,
           run.first_ms);

  g_array_unref (run.times);
  gtk_window_destroy (GTK_WINDOW (run.window));
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 10; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
}

static GbDossier *
make_dossier (guint n_places,
              guint n_routes)
{
  GbDossier *dossier = gb_dossier_new ("bench-map");
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (2024);

  /* Most of them over Eurasia, where the path runs; some everywhere. */
  for (guint i = 0; i < n_places; i++)
    {
      g_autofree char *id = g_strdup_printf ("place-%05u", i);
      g_autofree char *name = g_strdup_printf ("Place %u", i);
      g_autoptr(GbText) title = gb_text_new_plain (name);
      gboolean local = i % 4 != 0;
      double lat = local ? g_rand_double_range (rand, 20, 60) : g_rand_double_range (rand, -60, 75);
      double lon = local ? g_rand_double_range (rand, 30, 140) : g_rand_double_range (rand, -180, 180);
      GbPlace *place = gb_place_new (id, i % 3 == 0 ? GB_PLACE_KIND_AIRPORT : GB_PLACE_KIND_CITY,
                                     lat, lon);

      gb_item_set_title (GB_ITEM (place), title);
      g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (place)));
      g_ptr_array_add (places, place);
    }

  for (guint i = 0; i < n_routes; i++)
    {
      g_autofree char *id = g_strdup_printf ("route-%04u", i);
      g_autoptr(GbRoute) route = gb_route_new (id, places->pdata[(i * 7) % n_places],
                                               places->pdata[(i * 13 + 1) % n_places], "flight");

      g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (route)));
    }

  gb_dossier_seal (dossier);
  g_rand_free (rand);
  return dossier;
}

/* A story of @n_places places and @n_routes routes on the map view. */
static void
run_story (const char *name,
           guint       n_places,
           guint       n_routes,
           guint       stride,
           double     *median,
           double     *worst)
{
  g_autoptr(GbDossier) dossier = make_dossier (n_places, n_routes);
  g_autoptr(GbSelection) selection = gb_selection_new ();
  GtkWidget *view = gb_map_view_new ();
  gint64 start = g_get_monotonic_time ();

  gb_selection_set_dossier (selection, dossier);
  g_object_set (view, "selection", selection, NULL);
  g_print ("bench-map: %u places and %u routes added in %.0f ms\n", n_places, n_routes,
           (g_get_monotonic_time () - start) / 1000.0);
  run_frames (name, view, stride, median, worst);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  double empty_median, empty_worst, base_median, base_worst, full_median, full_worst;
  double big_median, big_worst;
  GtkWidget *view;

  setlocale (LC_ALL, "");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-map: no display, skipped\n");
      return 77;
    }

  gtk_init ();
  adw_init ();

  /* The app's style sheet, as AdwApplication would load it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/goldenbridge/GoldenBridge/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* Offline: the basemap only, never the network. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "map-source", "basemap");

  g_print ("bench-map: %u frames of pan and zoom, 1024×768, renderer %s\n", N_FRAMES,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* `bench-map basemap`, `bench-map 10k` or `bench-map big` runs just that one (to profile). */
  if (argc > 1 && g_str_equal (argv[1], "basemap"))
    {
      run_frames ("basemap", gb_map_view_new (), 1, &base_median, &base_worst);
      return EXIT_SUCCESS;
    }

  if (argc <= 1)
    {
      run_frames ("empty", GTK_WIDGET (shumate_map_new ()), 1, &empty_median, &empty_worst);

      view = gb_map_view_new ();
      run_frames ("basemap", view, 1, &base_median, &base_worst);
    }

  if (argc <= 1 || g_str_equal (argv[1], "10k"))
    run_story ("10k", N_PLACES, N_ROUTES, 1, &full_median, &full_worst);
  if (argc <= 1 || g_str_equal (argv[1], "big"))
    run_story ("big", N_BIG_PLACES, N_BIG_ROUTES, BIG_STRIDE, &big_median, &big_worst);
  if (argc > 1)
    return EXIT_SUCCESS;

  g_print ("ratio to empty: basemap median ×%.2f, worst ×%.2f; "
           "10k places + basemap median ×%.2f, worst ×%.2f; "
           "20k places + 5k routes median ×%.2f, worst ×%.2f\n",
           base_median / empty_median, base_worst / empty_worst,
           full_median / empty_median, full_worst / empty_worst,
           big_median / empty_median, big_worst / empty_worst);

  return EXIT_SUCCESS;
}
