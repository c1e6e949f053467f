/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-dossier-save"

#include "config.h"

#include <errno.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "gb-dossier-save.h"
#include "gb-dossier-writer.h"

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* "Could not save “Seoul.gbdossier”: No space left on device", naming the
 * file as the user knows it. */
static void
prefix_error (GError **error,
              GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_prefix_error (error, _("Could not save “%s”: "), name);
}

/* Closing with a cancelled cancellable is how GIO is told to drop the
 * temporary file and leave the target as it was. */
static void
abandon (GFileOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
}

gboolean
gb_file_replace_atomically (GFile         *file,
                            GBytes        *bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize written = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* For a local file GIO writes a temporary file next to @file and
   * renames it over @file when the stream closes without error. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, error))
    {
      abandon (stream);
      return FALSE;
    }

  /* GIO syncs only when it replaces a file that had contents: sync always,
   * so a new file is on disk before it has its name. */
  if (G_IS_FILE_DESCRIPTOR_BASED (stream) &&
      fsync (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream))) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      abandon (stream);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

static gboolean
save_bytes (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  if (!gb_file_replace_atomically (file, bytes, cancellable, error))
    {
      prefix_error (error, file);
      return FALSE;
    }

  return TRUE;
}

/**
 * gb_dossier_save:
 *
 * Writes @dossier in the canonical form to @file, atomically. The dossier
 * is not changed: on success the caller records the file and the save
 * point (gb_dossier_set_file(), gb_history_mark_saved()).
 *
 * Returns: %FALSE with @error set, naming the file, when it could not be
 *   written; @file is then as it was
 */
gboolean
gb_dossier_save (GbDossier     *dossier,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(bytes = gb_dossier_writer_to_bytes (dossier, error)))
    {
      prefix_error (error, file);
      return FALSE;
    }

  return save_bytes (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_bytes (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gb_dossier_save_async:
 *
 * Like gb_dossier_save(), without blocking: the dossier is written to bytes
 * here, where the model lives, and the bytes to @file on a worker thread.
 * Edits made meanwhile are not in the file.
 */
void
gb_dossier_save_async (GbDossier           *dossier,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SaveData) data = NULL;
  GError *error = NULL;

  g_return_if_fail (GB_IS_DOSSIER (dossier));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (dossier, cancellable, callback, user_data);
  g_task_set_source_tag (task, gb_dossier_save_async);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  if (!(data->bytes = gb_dossier_writer_to_bytes (dossier, &error)))
    {
      prefix_error (&error, file);
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
gb_dossier_save_finish (GbDossier     *dossier,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, dossier), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gb_dossier_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
