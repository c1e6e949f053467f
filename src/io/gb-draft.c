/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-draft"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-dossier-save.h"
#include "gb-dossier-writer.h"
#include "gb-draft.h"

#define DRAFT_SUFFIX ".gbdossier"
#define INFO_SUFFIX  ".draft-info"
#define INFO_GROUP   "Draft"

struct _GbDraft
{
  GObject       parent_instance;

  GbHistory    *history;
  char         *id;
  GCancellable *cancellable;
  guint         timeout_id;
  gboolean      writing;
  gboolean      again;   /* changed while a write was under way */
};

G_DEFINE_FINAL_TYPE (GbDraft, gb_draft, G_TYPE_OBJECT)

typedef struct
{
  GBytes *dossier;
  GBytes *info;
  char   *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->dossier, g_bytes_unref);
  g_clear_pointer (&data->info, g_bytes_unref);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = gb_draft_dup_directory ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void schedule_write (GbDraft *self);

/* On a worker: the dossier first, then what says where it came from. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autofree char *dir = g_path_get_dirname (data->path);
  g_autofree char *info_path = g_strconcat (data->path, INFO_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (data->path);
  g_autoptr(GFile) info_file = g_file_new_for_path (info_path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }

  if (!gb_file_replace_atomically (file, data->dossier, cancellable, &error) ||
      !gb_file_replace_atomically (info_file, data->info, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
remove_draft_files (const char *id)
{
  g_autofree char *path = draft_path (id, DRAFT_SUFFIX);
  g_autofree char *info_path = g_strconcat (path, INFO_SUFFIX, NULL);

  g_unlink (info_path);
  g_unlink (path);
}

static void
remove_files (GbDraft *self)
{
  remove_draft_files (self->id);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GbDraft) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;

  /* Discarded, or back at the save point, while it was being written. */
  if (g_cancellable_is_cancelled (self->cancellable) ||
      !gb_history_get_modified (self->history))
    {
      remove_files (self);
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not keep the draft of unsaved edits: %s", error->message);
      return;
    }

  if (self->again)
    {
      self->again = FALSE;
      schedule_write (self);
    }
}

static GBytes *
dup_info (GbDraft *self)
{
  GbDossier *dossier = gb_history_get_dossier (self->history);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  char *data;
  gsize length;

  g_key_file_set_string (info, INFO_GROUP, "Title", gb_dossier_get_title (dossier));
  g_key_file_set_string (info, INFO_GROUP, "Written", when);
  if (gb_dossier_get_file (dossier) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (gb_dossier_get_file (dossier));

      g_key_file_set_string (info, INFO_GROUP, "Origin", uri);
    }

  data = g_key_file_to_data (info, &length, NULL);
  return g_bytes_new_take (data, length);
}

static gboolean
write_timeout_cb (gpointer user_data)
{
  GbDraft *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  self->timeout_id = 0;

  if (self->writing)
    {
      self->again = TRUE;
      return G_SOURCE_REMOVE;
    }

  data = g_new0 (WriteData, 1);
  data->path = draft_path (self->id, DRAFT_SUFFIX);
  data->info = dup_info (self);
  if (!(data->dossier = gb_dossier_writer_to_bytes (gb_history_get_dossier (self->history),
                                                    &error)))
    {
      g_warning ("Could not keep the draft of unsaved edits: %s", error->message);
      write_data_free (data);
      return G_SOURCE_REMOVE;
    }

  self->writing = TRUE;
  task = g_task_new (NULL, self->cancellable, write_done_cb, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);

  return G_SOURCE_REMOVE;
}

/* Not pushed back by further changes: the draft is at most a delay old. */
static void
schedule_write (GbDraft *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (GB_DRAFT_DELAY_MS, write_timeout_cb, self);
}

/* For "changed" and "notify::modified" alike, whose arguments differ. */
static void
history_changed_cb (GbDraft *self)
{
  if (gb_history_get_modified (self->history))
    {
      schedule_write (self);
      return;
    }

  /* Back at the save point (saved, or undone to it): nothing to keep. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->again = FALSE;
  remove_files (self);
}

static void
gb_draft_dispose (GObject *object)
{
  GbDraft *self = (GbDraft *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gb_draft_parent_class)->dispose (object);
}

static void
gb_draft_finalize (GObject *object)
{
  GbDraft *self = (GbDraft *) object;

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (gb_draft_parent_class)->finalize (object);
}

static void
gb_draft_class_init (GbDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_draft_dispose;
  object_class->finalize = gb_draft_finalize;
}

static void
gb_draft_init (GbDraft *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * gb_draft_new:
 * @id: (nullable): the draft to go on with (a restored one), or %NULL for
 *   a new one
 *
 * Keeps a draft of @history's dossier from now on.
 *
 * Returns: (transfer full): the draft
 */
GbDraft *
gb_draft_new (GbHistory  *history,
              const char *id)
{
  GbDraft *self;

  g_return_val_if_fail (GB_IS_HISTORY (history), NULL);

  self = g_object_new (GB_TYPE_DRAFT, NULL);
  self->history = g_object_ref (history);
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  g_signal_connect_swapped (history, "changed", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (history, "notify::modified", G_CALLBACK (history_changed_cb), self);

  if (gb_history_get_modified (history))
    schedule_write (self);

  return self;
}

const char *
gb_draft_get_id (GbDraft *self)
{
  g_return_val_if_fail (GB_IS_DRAFT (self), NULL);

  return self->id;
}

/**
 * gb_draft_discard:
 *
 * Removes the draft and stops keeping it, as when the user discards the
 * unsaved edits.
 */
void
gb_draft_discard (GbDraft *self)
{
  g_return_if_fail (GB_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  remove_files (self);
}

/**
 * gb_draft_remove:
 *
 * Removes the draft @id that gb_draft_list() found, as when the user
 * discards what a crash left.
 */
void
gb_draft_remove (const char *id)
{
  g_return_if_fail (id != NULL);

  remove_draft_files (id);
}

/**
 * gb_draft_dup_directory:
 *
 * Returns: (transfer full): where drafts are kept
 */
char *
gb_draft_dup_directory (void)
{
  return g_build_filename (g_get_user_state_dir (), "golden-bridge", "drafts", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *times = user_data;
  gint64 ta = GPOINTER_TO_SIZE (g_hash_table_lookup (times, *(char **) a));
  gint64 tb = GPOINTER_TO_SIZE (g_hash_table_lookup (times, *(char **) b));

  return ta < tb ? 1 : ta > tb ? -1 : g_strcmp0 (*(char **) a, *(char **) b);
}

/**
 * gb_draft_list:
 *
 * Returns: (transfer full): the ids of the drafts left, as by a crash,
 *   newest first
 */
GStrv
gb_draft_list (void)
{
  g_autofree char *path = gb_draft_dup_directory ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) times = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file_path = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (!g_str_has_suffix (name, DRAFT_SUFFIX) || g_stat (file_path, &st) != 0)
        continue;
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX)));
      g_hash_table_insert (times, ids->pdata[ids->len - 1], GSIZE_TO_POINTER (st.st_mtime));
    }

  g_ptr_array_sort_with_data (ids, compare_newest_first, times);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/**
 * gb_draft_restore:
 * @origin: (out) (optional) (transfer full) (nullable): the file the
 *   dossier was opened from, %NULL for a new story
 *
 * Reads a draft back, checked as any dossier is. The dossier's file is set
 * to @origin; its edits are unsaved (gb_history_mark_unsaved()). Continue
 * the draft with gb_draft_new() and the same @id.
 *
 * Returns: (transfer full): the dossier, or %NULL with @error set
 */
GbDossier *
gb_draft_restore (const char  *id,
                  GFile      **origin,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GbDossier) dossier = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = draft_path (id, DRAFT_SUFFIX);
  info_path = g_strconcat (path, INFO_SUFFIX, NULL);
  file = g_file_new_for_path (path);
  if (!(dossier = gb_dossier_load_file (file, NULL, error)))
    return NULL;

  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *uri = g_key_file_get_string (info, INFO_GROUP, "Origin", NULL);

      if (uri != NULL)
        from = g_file_new_for_uri (uri);
    }

  gb_dossier_set_file (dossier, from);
  if (origin != NULL)
    *origin = g_steal_pointer (&from);

  return g_steal_pointer (&dossier);
}
