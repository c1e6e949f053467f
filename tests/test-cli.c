/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gb-test.h"

/* `golden-bridge --validate` as a user runs it: exit codes, output, and no
 * file that makes it crash, hang or read forever. */

typedef struct
{
  int    status;
  char  *out;
  char  *err;
  gint64 usec;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_app (Run                *run,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("GB_BINARY");
  gint64 start;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->usec = g_get_monotonic_time () - start;

  /* A signal (crash) is never an answer. */
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_validate_bundled (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--validate", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  /* One line. */
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
  g_assert_nonnull (strstr (run.out, "15 events, 4 places, 1 route, 9 agreements, 5 figures, 5 people"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_valid_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/goldenbridge/GoldenBridge/dossiers/nurtleu-visit-2024.json",
                                                     0, &error);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gb-cli-valid.json", NULL);
  g_auto(Run) run = { 0 };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  run_app (&run, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, path));
  g_unlink (path);
}

/* An imported file says what it was imported from. */
static void
test_validate_imported (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_houston_timeline3.json", NULL);
  g_autofree char *expected = g_strconcat (path, ": imported TimelineJS 3 timeline: 18 events, "
                                           "0 places, 0 routes, 0 agreements, 0 figures, "
                                           "0 people, 0 organisations, 17 sources\n", NULL);
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

/* A TimelineJS spreadsheet, by its extension or by its first row. */
static void
test_validate_csv (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_my-own-timeline.csv", NULL);
  g_autofree char *expected = g_strconcat (path, ": imported TimelineJS spreadsheet: 10 events, "
                                           "0 places, 0 routes, 0 agreements, 0 figures, "
                                           "0 people, 0 organisations, 10 sources\n", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "sheet", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) refused = { 0 };

  run_app (&run, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");

  /* No extension: known by its header. A row without a year is left out:
   * the sheet would open with the other, and is not valid as it is. */
  g_assert_true (g_file_set_contents (bad, "Year,Headline\r\n1990,One\r\n,Two\r\n", -1, NULL));
  run_app (&refused, (const char *[]) { "--validate", bad, NULL });
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.out, ": imported TimelineJS spreadsheet: 1 event,"));
  g_assert_true (g_str_has_prefix (refused.err, bad));
  g_assert_nonnull (strstr (refused.err, "sheet: 1 event left out, as it could not be read:\n"));
  g_assert_nonnull (strstr (refused.err, "sheet:3:1: row 3, Year: is missing"));
  g_unlink (bad);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *contents;   /* NULL: made by the test itself */
  gssize      length;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", "", 0 },
  { "not-json", "This is not JSON at all.\n", -1 },
  { "truncated", "{\"format\": \"golden-bridge-dossier\", \"version\": 1, \"title\": \"x", -1 },
  { "binary", "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00", 12 },
  { "huge-integer", "{\"format\": \"golden-bridge-dossier\", \"version\": 100000000000000000000000}", -1 },
  { "nul-escape", "{\"format\": \"golden-bridge-dossier\\u0000\", \"version\": 1}", -1 },
  { "invalid-utf8", "{\"format\": \"golden-bridge-dossier\", \"title\": \"\xc3\x28\"}", -1 },
  { "infinite", "{\"version\": 1e400}", -1 },
  /* A TimelineJS 3 file whose event has no date: it imports, and fails. */
  { "wrong-format", "{\"events\": [{\"text\": {\"headline\": \"When?\"}}]}", -1 },
  { "dangling", "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\",\"title\":\"T\","
                "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}],"
                "\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2024\",\"places\":[\"x\"],"
                "\"source\":\"s\"}]}", -1 },
  { "deep", NULL, 0 },
  { "huge", NULL, 0 },
  { "directory", NULL, 0 },
  { "fifo", NULL, 0 },
  { "dev-zero", NULL, 0 },
  { "missing", NULL, 0 },
};

static char *
make_bad_file (const BadFile *bad,
               const char    *dir)
{
  g_autofree char *path = g_build_filename (dir, bad->name, NULL);

  if (bad->contents != NULL)
    {
      gssize len = bad->length >= 0 ? bad->length : (gssize) strlen (bad->contents);

      g_assert_true (g_file_set_contents (path, bad->contents, len, NULL));
    }
  else if (g_str_equal (bad->name, "deep"))
    {
      gsize depth = 100000;
      g_autofree char *json = g_malloc (depth * 2);

      memset (json, '[', depth);
      memset (json + depth, ']', depth);
      g_assert_true (g_file_set_contents (path, json, depth * 2, NULL));
    }
  else if (g_str_equal (bad->name, "huge"))
    {
      FILE *fp = g_fopen (path, "w");

      g_assert_nonnull (fp);
      g_assert_cmpint (ftruncate (fileno (fp), (gint64) 1 << 30), ==, 0);
      fclose (fp);
    }
  else if (g_str_equal (bad->name, "directory"))
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  else if (g_str_equal (bad->name, "fifo"))
    g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  else if (g_str_equal (bad->name, "dev-zero"))
    return g_strdup ("/dev/zero");

  return g_steal_pointer (&path);
}

static void
test_validate_bad (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *path = make_bad_file (bad, dir);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_app (&run, (const char *[]) { "--validate", path, NULL });

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* Each problem on its own line, naming the file. */
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], path))
      g_error ("line does not name %s: %s", path, lines[i]);
  g_assert_cmpuint (strlen (lines[0]), >, strlen (path) + 4);
  g_test_message ("%s", run.err);

  /* "Within a second or two", with room for a loaded CI machine. */
  g_assert_cmpint (run.usec, <, 5 * G_USEC_PER_SEC);

  if (!g_str_equal (path, "/dev/zero"))
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

      g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
    }
}

/* --export: text to standard output, notes on standard error. */
static void
test_export_stdout (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--export", "ics", "--output", "-", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (run.out, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (run.err, "ics: 3 events of year precision left out of the calendar\n"));
  g_assert_nonnull (strstr (run.err, "ics: 6 events of month precision left out of the calendar\n"));
}

static void
test_export_list (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--export", "list", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "timelinejs   TimelineJS 3 (JSON)\n"));
  g_assert_nonnull (strstr (run.out, "\nics          Calendar (iCalendar)\n"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_export_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.geojson", NULL);
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                  "StoryMapJS_demo.json", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--export", "geojson", "--output", out, input, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"type\" : \"FeatureCollection\""));
  /* Every line of the notes names the file written. */
  g_assert_true (g_str_has_prefix (run.err, out));
  g_unlink (out);
  g_rmdir (dir);
}

/* Knight Lab's template written back as a spreadsheet, read again. */
static void
test_export_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "again.csv", NULL);
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                  "TimelineJS3_my-own-timeline.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_strconcat (out, ": imported TimelineJS spreadsheet: 10 events",
                                           NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  run_app (&run, (const char *[]) { "--export", "timelinejs-csv", "--output", out, input, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfYear,Month,Day,Time,End Year,"));
  g_assert_nonnull (strstr (contents, "\r\n,,,,,,,,,MY OWN CSV,"));
  g_assert_nonnull (strstr (contents, "\r\n1815,12,10,,1852,11,27,,,Ada Lovelace,"));

  run_app (&again, (const char *[]) { "--validate", out, NULL });
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, expected));
  g_unlink (out);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *args[7];
  const char *message;
} BadExport;

static const BadExport bad_exports[] = {
  { "unknown-format", { "--export", "pdf2", "--output", "-", NULL },
    "--export: no format “pdf2”; the formats are timelinejs, timelinejs-csv, storymap, ics, "
    "geojson, dossier" },
  { "no-output", { "--export", "ics", NULL }, "--export: give the file to write with --output" },
  { "no-format", { "--output", "-", NULL }, "--output: give the format to write with --export" },
  { "two-files", { "--export", "ics", "--output", "-", "a.json", "b.json" },
    "--export: give one file to export, not several" },
  { "missing-input", { "--export", "ics", "--output", "-", "/nonexistent/story.json", NULL },
    "/nonexistent/story.json" },
  { "unwritable", { "--export", "ics", "--output", "/nonexistent/dir/story.ics", NULL },
    "/nonexistent/dir/story.ics: cannot export: " },
  /* StoryMapJS_sochi.json: places and no dated slide, so no events. */
  { "no-events", { "--export", "timelinejs", "--output", "-", "@sochi", NULL },
    "timelinejs: cannot export: the story has no events, and a TimelineJS timeline needs at "
    "least one" },
};

static void
test_export_bad (gconstpointer data)
{
  const BadExport *bad = data;
  g_autofree char *sochi = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                  "StoryMapJS_sochi.json", NULL);
  const char *args[G_N_ELEMENTS (bad->args)];
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    args[i] = g_strcmp0 (bad->args[i], "@sochi") == 0 ? sochi : bad->args[i];
  run_app (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, bad->message) == NULL)
    g_error ("expected “%s” in: %s", bad->message, run.err);
}

/* `--export dossier`: the canonical file, the same bytes from a file of
 * its own, and on standard output. */
static void
test_export_dossier (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.gbdossier", NULL);
  g_autofree char *second = g_build_filename (dir, "second.gbdossier", NULL);
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) piped = { 0 };
  g_auto(Run) check = { 0 };

  run_app (&run, (const char *[]) { "--export", "dossier", "--output", first, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  run_app (&again, (const char *[]) { "--export", "dossier", "--output", second, first, NULL });
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (first, &first_data, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &second_data, NULL, NULL));
  g_assert_cmpstr (first_data, ==, second_data);
  g_assert_true (g_str_has_prefix (first_data, "{\n  \"format\": \"golden-bridge-dossier\",\n"));

  run_app (&piped, (const char *[]) { "--export", "dossier", "--output", "-", first, NULL });
  g_assert_cmpint (piped.status, ==, 0);
  g_assert_cmpstr (piped.out, ==, first_data);

  run_app (&check, (const char *[]) { "--validate", second, NULL });
  g_assert_cmpint (check.status, ==, 0);

  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

static void
test_export_refused (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "broken",
                                                "bad-lat.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.gbdossier", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", "out.gbdossier", NULL);
  const char *cases[][8] = {
    { "--export", "pdf-of-nothing", "--output", out, NULL },
    { "--export", "dossier", NULL },
    { "--export", "dossier", "--output", out, bad, NULL },
    { "--export", "dossier", "--output", gone, NULL },
    { "--export", "dossier", "--output", dir, NULL },
    { "--export", "dossier", "--output", out, bad, bad, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_app (&run, cases[i]);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_suffix (run.err, "\n"));
      g_assert_cmpuint (strlen (run.err), >, 10);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  g_rmdir (dir);
}

/* No byte a terminal acts on: C0 but the newline, DEL, C1, and no bidi control. */
static void
assert_inert (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_error ("U+%04X reaches the terminal in: %s", c, text);
    }
}

/* ESC, BEL, OSC 8, C1 and bidi controls in a file's values are written out. */
static void
test_validate_terminal_escapes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile",
                                                 "terminal-escapes.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gb-cli-XXXXXX", NULL);
  g_autofree char *named = g_build_filename (dir, "\033[2Jstory\n.json", NULL);
  g_autofree char *valid = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) named_run = { 0 };

  run_app (&run, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_inert (run.err);
  g_assert_nonnull (strstr (run.err, "id: “\\x1b[2J\\x1b[Hx”"));
  g_assert_nonnull (strstr (run.err, "“\\x1b]8;;https://evil.exampl…”"));
  g_assert_nonnull (strstr (run.err, "“\\x07\\u009b32m”"));
  g_assert_nonnull (strstr (run.err, "“\\u202eevil\\u0085”"));

  /* A file's name is text from outside as well. */
  valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "refs-repeated.json",
                                 NULL);
  g_assert_cmpint (symlink (valid, named), ==, 0);
  run_app (&named_run, (const char *[]) { "--validate", named, NULL });
  assert_inert (named_run.out);
  assert_inert (named_run.err);
  g_assert_nonnull (strstr (named_run.err, "\\x1b[2Jstory\\x0a.json"));

  g_unlink (named);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/validate/bundled", test_validate_bundled);
  g_test_add_func ("/cli/validate/valid-file", test_validate_valid_file);
  g_test_add_func ("/cli/validate/imported", test_validate_imported);
  g_test_add_func ("/cli/validate/csv", test_validate_csv);
  g_test_add_func ("/cli/export/stdout", test_export_stdout);
  g_test_add_func ("/cli/export/list", test_export_list);
  g_test_add_func ("/cli/export/file", test_export_file);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  gb_test_add_cases ("/cli/export/refuse", bad_exports, test_export_bad);
  g_test_add_func ("/cli/export/dossier", test_export_dossier);
  g_test_add_func ("/cli/export/refused", test_export_refused);
  gb_test_add_cases ("/cli/validate/refuse", bad_files, test_validate_bad);
  g_test_add_func ("/cli/validate/terminal-escapes", test_validate_terminal_escapes);

  return g_test_run ();
}
