/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-paths GOLDEN-BRIDGE BARE-WINDOW BARE-PARSE GEN-DOSSIER BENCH-TIMELINE BENCH-MAP:
 * every path of issue 13 in one run, each beside its baseline built in tests/, as
 * medians of GB_BENCH_RUNS (7 by default) interleaved runs after one warm-up round:
 *
 *   start-up   exec of the app to its first frame presented with the bundled story
 *              drawn (GB_BENCH_EXIT_AFTER_FIRST_FRAME), and its peak RSS, against
 *              bench-bare-window (an AdwApplicationWindow with a label)
 *   validate   `golden-bridge --validate` of a generated 100,000-event dossier, time
 *              and peak RSS, against bench-bare-parse (json-glib's bare parse of it)
 *   timeline   bench-timeline's child at 100,000 events against the same at 100
 *   map        bench-map, run once after the rounds (it takes its own median)
 *
 * GB_BENCH_APP_BEFORE=PROGRAM (a copy of an earlier build of the app) adds its
 * start-up to the same rounds, to measure a change before and after in one go.
 *
 * Each child is its own process, so its peak RSS is wait4()'s ru_maxrss. Benchmarks
 * report: nothing here fails on a time, only when a child fails. */
#define G_LOG_DOMAIN "bench-paths"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gb-bench.h"

#define BIG_EVENTS "100000"
#define SMALL_EVENTS "100"

typedef enum
{
  PATH_APP,
  PATH_BARE_WINDOW,
  PATH_VALIDATE,
  PATH_BARE_PARSE,
  PATH_TIMELINE_SMALL,
  PATH_TIMELINE_BIG,
  PATH_APP_BEFORE,
  N_PATHS
} Path;

typedef struct
{
  GArray *ms;        /* double: time of each run */
  GArray *rss_kb;    /* double: peak RSS of each run */
} Samples;

typedef struct
{
  double ms;
  long   rss_kb;
} Run;

/* Runs ARGV with ENVP, its stdout captured; the time is exec to exit, or to the
 * monotonic time the child printed as first-frame-us, or bench-timeline's first_frame_ms
 * (from the loaded dossier set on the view to its first frame). */
static Run
run_child (const char * const *argv,
           char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage = { 0 };
  GPid pid;
  int out_fd, status = 0;
  gint64 started, ended;
  double value;
  char buffer[4096];
  ssize_t n;
  Run run;

  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (out_fd);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("%s: wait4 failed", argv[0]);
  ended = g_get_monotonic_time ();
  g_spawn_close_pid (pid);

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s\n%s", argv[0], argv[1] ? argv[1] : "", error->message, output->str);

  if (gb_bench_find_field (output->str, "first-frame-us", &value))
    run.ms = (value - started) / 1000.0;
  else if (gb_bench_find_field (output->str, "first_frame_ms", &value))
    run.ms = value;
  else
    run.ms = (ended - started) / 1000.0;
  run.rss_kb = usage.ru_maxrss;
  return run;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, gb_bench_compare_doubles);
  if (sorted->len % 2 == 1)
    return g_array_index (sorted, double, sorted->len / 2);
  return (g_array_index (sorted, double, sorted->len / 2 - 1) +
          g_array_index (sorted, double, sorted->len / 2)) / 2;
}

static void
generate (const char *generator,
          const char *n_events,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { generator, n_events, path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", generator, error->message);
}

/* bench-map prints "NAME N frames  median X ms  p95 Y ms  worst Z ms" a map. */
static gboolean
find_map_line (const char *output,
               const char *name,
               double     *median_ms,
               double     *p95_ms)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char found[16];
      unsigned frames;

      if (sscanf (lines[i], "%15s %u frames median %lf ms p95 %lf ms", found, &frames,
                  median_ms, p95_ms) == 4 &&
          g_str_equal (found, name))
        return TRUE;
    }
  return FALSE;
}

static void
run_map (const char *bench_map,
         char      **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { bench_map, NULL };
  double empty_median = 0, empty_p95 = 0, base_median = 0, base_p95 = 0, full_median = 0,
         full_p95 = 0;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", bench_map, error->message);

  if (!find_map_line (output, "empty", &empty_median, &empty_p95) ||
      !find_map_line (output, "basemap", &base_median, &base_p95) ||
      !find_map_line (output, "10k", &full_median, &full_p95))
    g_error ("bench-map printed no figures: %s", output);

  g_print ("| map pan/zoom, 10,000 places + basemap, 1024×768 | median %.1f ms, p95 %.1f ms "
           "a frame | empty map: median %.1f ms, p95 %.1f ms | ×%.2f, ×%.2f |\n",
           full_median, full_p95, empty_median, empty_p95,
           full_median / MAX (empty_median, 0.001), full_p95 / MAX (empty_p95, 0.001));
  g_print ("| map pan/zoom, basemap alone | median %.1f ms, p95 %.1f ms | empty map | "
           "×%.2f, ×%.2f |\n", base_median, base_p95,
           base_median / MAX (empty_median, 0.001), base_p95 / MAX (empty_p95, 0.001));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_auto(GStrv) app_env = NULL;
  g_auto(GStrv) env = NULL;
  const char *runs_text = g_getenv ("GB_BENCH_RUNS");
  const char *before = g_getenv ("GB_BENCH_APP_BEFORE");
  guint n_paths = before != NULL ? N_PATHS : PATH_APP_BEFORE;
  guint64 n_runs = 7;
  Samples samples[N_PATHS];
  double m[N_PATHS], r[N_PATHS];
  GStatBuf st;

  setlocale (LC_ALL, "");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-paths: no display, skipped\n");
      return 77;
    }
  if (argc != 7)
    {
      g_printerr ("usage: %s GOLDEN-BRIDGE BARE-WINDOW BARE-PARSE GEN-DOSSIER BENCH-TIMELINE "
                  "BENCH-MAP\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (runs_text != NULL &&
      !g_ascii_string_to_unsigned (runs_text, 10, 1, 1000, &n_runs, NULL))
    {
      g_printerr ("GB_BENCH_RUNS: a number from 1 to 1000, not “%s”\n", runs_text);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("bench-paths-XXXXXX", NULL);
  g_assert (dir != NULL);
  big = g_build_filename (dir, "dossier-" BIG_EVENTS ".json", NULL);
  small = g_build_filename (dir, "dossier-" SMALL_EVENTS ".json", NULL);
  generate (argv[4], BIG_EVENTS, big);
  generate (argv[4], SMALL_EVENTS, small);
  if (g_stat (big, &st) != 0)
    g_error ("%s: not written", big);

  env = g_get_environ ();
  app_env = g_environ_setenv (g_strdupv (env), "GB_BENCH_EXIT_AFTER_FIRST_FRAME", "1", TRUE);

  {
    const char *commands[N_PATHS][4] = {
      [PATH_APP] = { argv[1], NULL },
      [PATH_BARE_WINDOW] = { argv[2], NULL },
      [PATH_VALIDATE] = { argv[1], "--validate", big, NULL },
      [PATH_BARE_PARSE] = { argv[3], big, NULL },
      [PATH_TIMELINE_SMALL] = { argv[5], "--child", small, NULL },
      [PATH_TIMELINE_BIG] = { argv[5], "--child", big, NULL },
      [PATH_APP_BEFORE] = { before, NULL },
    };

    for (guint p = 0; p < n_paths; p++)
      {
        samples[p].ms = g_array_new (FALSE, FALSE, sizeof (double));
        samples[p].rss_kb = g_array_new (FALSE, FALSE, sizeof (double));
      }

    g_print ("bench-paths: %" G_GUINT64_FORMAT " interleaved runs after a warm-up, "
             "%s-event dossier of %.1f MB\n", n_runs, BIG_EVENTS, st.st_size / 1e6);

    /* Round 0 warms the page cache and the font and icon caches; it is not counted. */
    for (guint round = 0; round <= n_runs; round++)
      for (guint p = 0; p < n_paths; p++)
        {
          Run run = run_child (commands[p],
                               p == PATH_APP || p == PATH_APP_BEFORE ? app_env : env);
          double rss = run.rss_kb;

          if (round == 0)
            continue;
          g_array_append_val (samples[p].ms, run.ms);
          g_array_append_val (samples[p].rss_kb, rss);
        }
  }

  for (guint p = 0; p < n_paths; p++)
    {
      m[p] = median (samples[p].ms);
      r[p] = median (samples[p].rss_kb) / 1024.0;
      g_array_unref (samples[p].ms);
      g_array_unref (samples[p].rss_kb);
    }

  g_print ("\n| path | now | baseline in the same run | ratio |\n|---|---|---|---|\n");
  g_print ("| exec → first frame of the bundled story | %.3f s, peak RSS %.0f MiB | bare "
           "AdwApplicationWindow with a label: %.3f s, %.0f MiB | ×%.2f, %+.0f MiB |\n",
           m[PATH_APP] / 1000, r[PATH_APP], m[PATH_BARE_WINDOW] / 1000, r[PATH_BARE_WINDOW],
           m[PATH_APP] / m[PATH_BARE_WINDOW], r[PATH_APP] - r[PATH_BARE_WINDOW]);
  if (before != NULL)
    g_print ("| exec → first frame, the app before the change | %.3f s, peak RSS %.0f MiB | "
             "the same bare window | ×%.2f, %+.0f MiB; now/before ×%.2f, %+.0f MiB |\n",
             m[PATH_APP_BEFORE] / 1000, r[PATH_APP_BEFORE],
             m[PATH_APP_BEFORE] / m[PATH_BARE_WINDOW], r[PATH_APP_BEFORE] - r[PATH_BARE_WINDOW],
             m[PATH_APP] / m[PATH_APP_BEFORE], r[PATH_APP] - r[PATH_APP_BEFORE]);
  g_print ("| `--validate` of a generated %s-event dossier (%.0f MB) | %.2f s, %.0f MiB | "
           "json-glib's bare `json_parser_load_from_mapped_file`: %.2f s, %.0f MiB | "
           "×%.2f, ×%.2f |\n", BIG_EVENTS, st.st_size / 1e6,
           m[PATH_VALIDATE] / 1000, r[PATH_VALIDATE], m[PATH_BARE_PARSE] / 1000,
           r[PATH_BARE_PARSE], m[PATH_VALIDATE] / m[PATH_BARE_PARSE],
           r[PATH_VALIDATE] / r[PATH_BARE_PARSE]);
  g_print ("| timeline first frame, %s vs %s events | %.0f ms vs %.0f ms, peak RSS "
           "%.0f vs %.0f MiB | the same at %s events | ×%.2f, ×%.2f |\n",
           BIG_EVENTS, SMALL_EVENTS, m[PATH_TIMELINE_BIG], m[PATH_TIMELINE_SMALL],
           r[PATH_TIMELINE_BIG], r[PATH_TIMELINE_SMALL], SMALL_EVENTS,
           m[PATH_TIMELINE_BIG] / m[PATH_TIMELINE_SMALL],
           r[PATH_TIMELINE_BIG] / r[PATH_TIMELINE_SMALL]);
  g_print ("| validate memory per event above the bare parse | %.0f bytes | | |\n",
           (r[PATH_VALIDATE] - r[PATH_BARE_PARSE]) * 1024 * 1024 / g_ascii_strtod (BIG_EVENTS,
                                                                                 NULL));
  run_map (argv[6], env);

  g_unlink (big);
  g_unlink (small);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
