/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gb-dossier-loader.h"
#include "gb-dossier-save.h"
#include "gb-dossier-writer.h"
#include "gb-draft.h"

#define N_KILLS 200

static GBytes *
canonical (GbDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = gb_dossier_writer_to_bytes (dossier, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gb-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

/* Temporary files GIO left when its writer was killed, removed. */
static guint
remove_leftovers (const char *dir_path,
                  const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_str_equal (name, keep))
        continue;
      g_unlink (path);
      n++;
    }

  return n;
}

static GPid
spawn_child (const char * const *args,
             int                *out_fd)
{
  g_autofree char *child = g_test_build_filename (G_TEST_BUILT, "save-child", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  GPid pid;

  /* The tests' state directory, where drafts go. */
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_ptr_array_add (argv, child);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* The child's first line: it is ready, or tells what it did. */
static char *
read_line (int fd)
{
  GString *line = g_string_new (NULL);
  char c;

  while (read (fd, &c, 1) == 1 && c != '\n')
    g_string_append_c (line, c);
  return g_string_free (line, FALSE);
}

static void
kill_child (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);
}

/* A child saves two versions of the story in turn over the same file and
 * is killed at random moments: the file is always one complete version. */
static void
test_crash_safety (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "story.gbdossier", NULL);
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbText) changed = gb_text_new_plain ("Changed");
  g_autoptr(GBytes) old_bytes = canonical (dossier);
  g_autoptr(GBytes) new_bytes = NULL;
  const char *args[] = { "save", target, NULL };
  guint n_old = 0, n_new = 0, n_leftovers = 0;

  gb_dossier_set_title (dossier, changed);
  new_bytes = canonical (dossier);

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autoptr(GBytes) found = NULL;
      g_autoptr(GbDossier) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      int out_fd = -1;
      GPid pid;

      g_assert_true (g_file_set_contents (target, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), NULL));
      pid = spawn_child (args, &out_fd);
      line = read_line (out_fd);
      g_assert_cmpstr (line, ==, "ready");
      g_usleep (g_test_rand_int_range (0, 15000));
      kill_child (pid);
      close (out_fd);

      found = read_bytes (target);
      g_assert_nonnull (found);
      if (g_bytes_equal (found, old_bytes))
        n_old++;
      else if (g_bytes_equal (found, new_bytes))
        n_new++;
      else
        g_error ("run %u: the file is neither version (%" G_GSIZE_FORMAT " bytes)", run,
                 g_bytes_get_size (found));

      loaded = gb_dossier_load_bytes (found, "story.gbdossier", &error);
      g_assert_no_error (error);
      n_leftovers += remove_leftovers (dir, "story.gbdossier");
    }

  g_test_message ("%u kills: %u old, %u new; %u killed in the middle of a write", N_KILLS,
                  n_old, n_new, n_leftovers);
  /* Both versions were seen, so kills fell between and during writes. */
  g_assert_cmpuint (n_old, >, 0);
  g_assert_cmpuint (n_new, >, 0);

  g_unlink (target);
  g_rmdir (dir);
}

/* Each failure names the file, says why, and leaves the file and the
 * dossier as they were. */
static void
assert_save_fails (GbDossier  *dossier,
                   const char *path,
                   int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = canonical (dossier);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) old_contents = read_bytes (path);
  g_autoptr(GBytes) new_contents = NULL;
  g_autoptr(GError) error = NULL;
  GFile *dossier_file = gb_dossier_get_file (dossier);

  g_assert_false (gb_dossier_save (dossier, file, NULL, &error));
  g_test_message ("%s", error->message);
  if (code >= 0)
    g_assert_error (error, G_IO_ERROR, code);
  else
    g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, path));

  after = canonical (dossier);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (gb_dossier_get_file (dossier) == dossier_file);

  new_contents = read_bytes (path);
  if (old_contents == NULL)
    g_assert_null (new_contents);
  else
    g_assert_true (g_bytes_equal (old_contents, new_contents));
}

static void
test_fail_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  assert_save_fails (dossier, dir, G_IO_ERROR_IS_DIRECTORY);
  g_rmdir (dir);
}

static void
test_fail_folder_deleted (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.gbdossier", NULL);
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  assert_save_fails (dossier, path, G_IO_ERROR_NOT_FOUND);
}

/* Root may write anywhere: the check runs as nobody then, and cleans up
 * as root again. */
static void
become_nobody (gboolean nobody)
{
  static uid_t uid = (uid_t) -1;

  if (uid == (uid_t) -1)
    uid = geteuid ();
  if (uid != 0)
    return;
  if (nobody)
    {
      g_assert_cmpint (setegid (65534), ==, 0);
      g_assert_cmpint (seteuid (65534), ==, 0);
    }
  else
    {
      g_assert_cmpint (seteuid (0), ==, 0);
      g_assert_cmpint (setegid (0), ==, 0);
    }
}

static void
test_fail_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GbDossier) dossier = NULL;

  /* In a subprocess: the test changes who it runs as. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  dir = make_temp_dir ();
  folder = g_build_filename (dir, "read-only", NULL);
  path = g_build_filename (folder, "story.gbdossier", NULL);
  dossier = gb_dossier_load_bundled (NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  become_nobody (TRUE);
  assert_save_fails (dossier, path, G_IO_ERROR_PERMISSION_DENIED);
  become_nobody (FALSE);

  g_chmod (folder, 0755);
  g_unlink (path);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* The disk fills up during the write: a file size limit fails it the same
 * way, halfway through. */
static void
test_fail_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  struct rlimit limit = { 4096, 4096 };

  /* In a subprocess: the limit stays with the process. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "story.gbdossier", NULL);
  dossier = gb_dossier_load_bundled (NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_save_fails (dossier, path, -1);
  g_assert_cmpuint (remove_leftovers (dir, "story.gbdossier"), ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_and_wait (GbDossier  *dossier,
               GFile      *file,
               GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gb_dossier_save_async (dossier, file, NULL, save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return gb_dossier_save_finish (dossier, result, error);
}

/* On a worker thread: the bytes written are the canonical form, and the
 * errors come back the same way. */
static void
test_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.gbdossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GBytes) expected = canonical (dossier);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save_and_wait (dossier, file, &error));
  g_assert_no_error (error);
  written = read_bytes (path);
  g_assert_true (g_bytes_equal (written, expected));

  g_assert_false (save_and_wait (dossier, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);

  g_unlink (path);
  g_rmdir (dir);
}

static char *
draft_file (const char *id)
{
  g_autofree char *dir = gb_draft_dup_directory ();
  g_autofree char *name = g_strconcat (id, ".gbdossier", NULL);

  return g_build_filename (dir, name, NULL);
}

/* A draft is written soon after an edit and removed when nothing is unsaved. */
static void
test_draft_lifecycle (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GbDraft) draft = gb_draft_new (history, NULL);
  g_autofree char *path = draft_file (gb_draft_get_id (draft));
  GbItem *place = gb_dossier_lookup (dossier, "place-seoul");
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (place);
  g_autoptr(GbItem) edited = NULL;
  g_auto(GStrv) ids = NULL;
  gint64 start;

  json_object_set_string_member (json_node_get_object (node), "name", "Hanyang");
  edited = gb_dossier_build_item (dossier, GB_ITEM_KIND_PLACE, json_node_get_object (node), NULL);
  g_assert_true (gb_history_replace (history, place, edited, "name", NULL));

  start = g_get_monotonic_time ();
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  ids = gb_draft_list ();
  g_assert_true (g_strv_contains ((const char * const *) ids, gb_draft_get_id (draft)));

  /* Undone to the state of the file: nothing unsaved, no draft. */
  g_assert_true (gb_history_undo (history));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (gb_history_redo (history));
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  gb_history_mark_saved (history);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gb_history_mark_unsaved (history);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  gb_draft_discard (draft);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* An app killed after an edit leaves a draft with the edit in it. */
static void
test_draft_after_kill (void)
{
  const char *args[] = { "draft", NULL };
  g_autoptr(GbDossier) restored = NULL;
  g_autoptr(GFile) origin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) ids = NULL;
  const char *id;
  int out_fd = -1;
  gint64 start;
  GPid pid;

  pid = spawn_child (args, &out_fd);
  line = read_line (out_fd);
  start = g_get_monotonic_time ();
  g_assert_true (g_str_has_prefix (line, "edited "));
  id = line + strlen ("edited ");
  path = draft_file (id);

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_usleep (10000);
    }
  /* Let the info file follow the dossier, then crash. */
  g_usleep (200000);
  kill_child (pid);
  close (out_fd);

  ids = gb_draft_list ();
  g_assert_true (g_strv_contains ((const char * const *) ids, id));
  restored = gb_draft_restore (id, &origin, &error);
  g_assert_no_error (error);
  g_assert_null (origin);
  g_assert_cmpstr (gb_item_get_title (gb_dossier_lookup (restored, "evt-meeting-yoon")), ==,
                   "Edited before the crash");
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (restored)), ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Drafts go to a state directory of the tests' own, set before GLib
   * reads it; subprocesses inherit it. (G_TEST_OPTION_ISOLATE_DIRS would
   * do it, but leaks doing so, which the sanitizer build counts.) */
  if (!g_test_subprocess ())
    {
      state = g_dir_make_tmp ("gb-state-XXXXXX", NULL);
      g_assert_nonnull (state);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
    }

  g_test_add_func ("/save/crash-safety", test_crash_safety);
  g_test_add_func ("/save/fail/directory", test_fail_directory);
  g_test_add_func ("/save/fail/folder-deleted", test_fail_folder_deleted);
  g_test_add_func ("/save/fail/read-only", test_fail_read_only);
  g_test_add_func ("/save/fail/disk-full", test_fail_disk_full);
  g_test_add_func ("/save/async", test_async);
  g_test_add_func ("/draft/lifecycle", test_draft_lifecycle);
  g_test_add_func ("/draft/after-kill", test_draft_after_kill);

  status = g_test_run ();

  if (state != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", state);

      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
    }

  return status;
}
