/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "gb-application.h"
#include "gb-dossier-loader.h"
#include "gb-export.h"
#include "gb-escape.h"
#include "gb-import.h"
#include "gb-render-formats.h"
#include "gb-text.h"
#include "gb-window.h"

struct _GbApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  gboolean        offered_drafts;
};

G_DEFINE_FINAL_TYPE (GbApplication, gb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check dossier files (or the bundled one) without opening a window"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the story of FILE (or the bundled one) as FORMAT; “--export list” names the "
       "formats"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --export writes, or - for standard output"), N_("OUTPUT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Text from files reaches the terminal only with its control characters
 * written out: a dossier must not clear the screen, paint a fake "valid
 * dossier" line or plant a hyperlink. */
static void
append_escaped (GString    *to,
                const char *text)
{
  g_autofree char *safe = gb_escape_controls (text, -1, GB_ESCAPE_FLAGS_KEEP_NEWLINES);

  g_string_append (to, safe);
}

static void
validate_one (GbDossier  *dossier,
              const char *name,
              GError     *error,
              GString    *out,
              GString    *err)
{
  if (dossier != NULL)
    {
      g_autofree char *summary = gb_dossier_dup_summary_line (dossier);
      const char *origin = gb_dossier_get_origin (dossier);
      /* A file name may hold a newline, too. */
      g_autofree char *shown = gb_escape_controls (name, -1, GB_ESCAPE_FLAGS_NONE);
      g_autofree char *line = NULL;

      /* Whole sentences per format, for translators: "timeline" and "story"
       * are what each tool calls its files. */
      if (origin == NULL)
        line = g_strdup_printf (_("%s: valid dossier: %s\n"), shown, summary);
      else if (g_str_equal (origin, GB_TIMELINEJS_FORMAT_NAME))
        line = g_strdup_printf (_("%s: imported TimelineJS 3 timeline: %s\n"), shown, summary);
      else if (g_str_equal (origin, GB_TIMELINEJS_CSV_FORMAT_NAME))
        line = g_strdup_printf (_("%s: imported TimelineJS spreadsheet: %s\n"), shown, summary);
      else if (g_str_equal (origin, GB_STORYMAP_FORMAT_NAME))
        line = g_strdup_printf (_("%s: imported StoryMapJS story: %s\n"), shown, summary);
      else
        /* Translators: the second %s is a file format, such as "TimelineJS 3" */
        line = g_strdup_printf (_("%s: imported %s file: %s\n"), shown, origin, summary);
      append_escaped (out, line);

      if (gb_dossier_get_skipped (dossier, NULL) > 0)
        {
          const char *skipped;
          guint n = gb_dossier_get_skipped (dossier, &skipped);
          g_autofree char *note =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: %u event left out, as it could not be read:\n",
                                          "%s: %u events left out, as they could not be read:\n",
                                          n),
                             shown, n);

          append_escaped (err, note);
          append_escaped (err, skipped);
          g_string_append_c (err, '\n');
        }
    }
  else
    {
      append_escaped (err, error->message);
      g_string_append_c (err, '\n');
    }
}

/**
 * gb_application_validate:
 * @paths: (nullable): files to check; %NULL or empty checks the bundled story
 *
 * What `golden-bridge --validate` does, writing to strings so tests can see it.
 *
 * Returns: the exit status: 0 when every file is valid, 1 otherwise
 */
int
gb_application_validate (const char * const *paths,
                         GString            *out,
                         GString            *err)
{
  int status = 0;

  g_return_val_if_fail (out != NULL && err != NULL, 1);

  if (paths == NULL || paths[0] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (&error);

      validate_one (dossier, _("bundled dossier"), error, out, err);
      return dossier != NULL ? 0 : 1;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = gb_dossier_load_file (file, NULL, &error);

      validate_one (dossier, paths[i], error, out, err);
      /* A file that opens with events left out is not valid as it is. */
      if (dossier == NULL || gb_dossier_get_skipped (dossier, NULL) > 0)
        status = 1;
    }

  return status;
}

/* --export FORMAT --output OUTPUT [FILE] */
static int
export_from_command_line (GVariantDict       *options,
                          const char * const *files)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int status;

  g_variant_dict_lookup (options, "export", "s", &format);
  g_variant_dict_lookup (options, "output", "^ay", &output);

  if (format == NULL)
    {
      g_printerr (_("--output: give the format to write with --export FORMAT\n"));
      return 1;
    }
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr (_("--export: give one file to export, not several\n"));
      return 1;
    }

  /* A PDF or PNG on a terminal is noise that can upset it; in a pipe it is
   * what was asked for. */
  if (output != NULL && g_str_equal (output, "-") && isatty (STDOUT_FILENO)
      && gb_export_lookup_format (format) != NULL && !gb_export_lookup_format (format)->is_text)
    {
      g_printerr (_("--export: %s is not text; write it to a file with --output FILE, "
                    "or pipe standard output to a program\n"), format);
      return 1;
    }

  status = gb_export_command (format, output, files != NULL ? files[0] : NULL, out, err);

  if (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) > 0)
    {
      fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), 1,
              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), stdout);
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          g_printerr (_("--export: cannot write to standard output\n"));
          status = 1;
        }
    }
  g_printerr ("%s", err->str);

  return status;
}

static int
gb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "output"))
    return export_from_command_line (options, files);

  if (g_variant_dict_contains (options, "validate"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status;

      status = gb_application_validate (files, out, err);
      g_print ("%s", out->str);
      g_printerr ("%s", err->str);
      return status;
    }

  /* Our FILE… entry took the files from GApplication: hand them over
   * ourselves, to this instance or the one already running. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_autofree char *safe = gb_escape_controls (error->message, -1,
                                                      GB_ESCAPE_FLAGS_KEEP_NEWLINES);

          g_printerr ("%s\n", safe);
          return 1;
        }

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
      g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");

      return g_application_get_is_remote (app) ? 0 : -1;
    }

  return G_APPLICATION_CLASS (gb_application_parent_class)->handle_local_options (app, options);
}

static GbWindow *
get_window (GbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (gb_window_new (self));

  return GB_WINDOW (window);
}

/* GB_BENCH_EXIT_AFTER_FIRST_FRAME=1: tests/bench-startup.c times exec to the
 * first frame presented with a story drawn; the app prints the time and quits. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GbWindow      *window)
{
  if (gb_window_get_dossier (window) == NULL)
    return;

  g_print ("first-frame-us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
gb_application_activate (GApplication *app)
{
  GbApplication *self = GB_APPLICATION (app);
  GbWindow *window = get_window (self);

  if (gb_window_get_dossier (window) == NULL && !gb_window_is_loading (window))
    gb_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));

  /* What a crash left is offered once, when the app starts. */
  if (!self->offered_drafts && g_getenv ("GB_BENCH_EXIT_AFTER_FIRST_FRAME") == NULL)
    {
      self->offered_drafts = TRUE;
      gb_window_offer_drafts (window);
    }

  if (g_getenv ("GB_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (bench_after_paint_cb), window, 0);
}

static void
gb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* One story a window: each further file gets its own. */
  for (int i = 0; i < n_files; i++)
    {
      GbWindow *window = i == 0 ? get_window (GB_APPLICATION (app))
                                : gb_window_new (GB_APPLICATION (app));

      gb_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Golden Bridge developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", _("Golden Bridge"),
                        "developer-name", _("Golden Bridge developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_URL "/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 Golden Bridge developers",
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map data"),
                                       (const char *[]) {
                                         "Natural Earth https://www.naturalearthdata.com/",
                                         "OpenStreetMap contributors https://www.openstreetmap.org/copyright",
                                         NULL });
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Offline basemap"),
                                      _("Made with Natural Earth. Free vector and raster map data "
                                        "@ naturalearthdata.com"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Natural Earth data is in the public domain."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Map tiles"),
                                      _("© OpenStreetMap contributors"),
                                      GTK_LICENSE_CUSTOM,
                                      _("OpenStreetMap data is available under the Open Database "
                                        "License (ODbL). Tiles are used under the OpenStreetMap "
                                        "Foundation's tile usage policy."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Bundled story"),
                                      _("Facts from a news report of 5 November 2024 on the visit, "
                                        "with background from the sources named in the app"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Quoted for reference; each item names its source."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close politely so each window saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
color_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/* The story is read in the language chosen, else in the interface's. */
static void
story_language_changed_cb (GSettings      *settings,
                           const char     *key,
                           GtkApplication *app)
{
  g_autofree char *lang = g_settings_get_string (settings, "story-language");
  const char * const chosen[] = { lang, NULL };

  gb_text_set_preferred_languages (lang[0] != '\0' ? chosen : NULL);

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (GB_IS_WINDOW (l->data))
      gb_window_reshow_story (l->data);
}

static void
gb_application_startup (GApplication *app)
{
  GbApplication *self = GB_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;
  g_autoptr(GAction) map_source = NULL;
  g_autoptr(GAction) timeline_beside = NULL;
  g_autoptr(GAction) story_language = NULL;

  static const GActionEntry actions[] = {
    { "about", about_activated_cb },
    { "quit", quit_activated_cb },
  };

  G_APPLICATION_CLASS (gb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);

  /* Preferences that are one choice each live in the main menu as radio items. */
  self->settings = g_settings_new (APP_ID);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  map_source = g_settings_create_action (self->settings, "map-source");
  g_action_map_add_action (G_ACTION_MAP (app), color_scheme);
  g_action_map_add_action (G_ACTION_MAP (app), map_source);
  timeline_beside = g_settings_create_action (self->settings, "timeline-beside-map");
  g_action_map_add_action (G_ACTION_MAP (app), timeline_beside);
  g_signal_connect (self->settings, "changed::color-scheme",
                    G_CALLBACK (color_scheme_changed_cb), NULL);
  color_scheme_changed_cb (self->settings, "color-scheme", NULL);
  story_language = g_settings_create_action (self->settings, "story-language");
  g_action_map_add_action (G_ACTION_MAP (app), story_language);
  g_signal_connect_object (self->settings, "changed::story-language",
                           G_CALLBACK (story_language_changed_cb), app, 0);
  story_language_changed_cb (self->settings, "story-language", NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
gb_application_dispose (GObject *object)
{
  GbApplication *self = (GbApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gb_application_parent_class)->dispose (object);
}

static void
gb_application_class_init (GbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gb_application_dispose;

  app_class->activate = gb_application_activate;
  app_class->open = gb_application_open;
  app_class->startup = gb_application_startup;
  app_class->handle_local_options = gb_application_handle_local_options;
}

static void
gb_application_init (GbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  gb_render_add_export_formats ();
}

GbApplication *
gb_application_new (void)
{
  return g_object_new (GB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/goldenbridge/GoldenBridge",
                       NULL);
}
