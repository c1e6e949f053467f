/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-document"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-document.h"
#include "gb-dossier-save.h"
#include "gb-draft.h"

struct _GbDocument
{
  GObject    parent_instance;

  GbDossier *dossier;
  GbHistory *history;
  GbDraft   *draft;        /* while editable */
  GFile     *file;
  guint64    generation;   /* edits made so far, to tell what a save holds */
  gboolean   editable;
  gboolean   saving;
};

G_DEFINE_FINAL_TYPE (GbDocument, gb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_MODIFIED,
  PROP_SAVING,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
history_changed_cb (GbDocument *self)
{
  self->generation++;
}

static void
history_modified_cb (GbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
gb_document_dispose (GObject *object)
{
  GbDocument *self = (GbDocument *) object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->draft);
  g_clear_object (&self->history);
  g_clear_object (&self->dossier);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gb_document_parent_class)->dispose (object);
}

static void
gb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GbDocument *self = GB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gb_document_get_modified (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_document_class_init (GbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_document_dispose;
  object_class->get_property = gb_document_get_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_document_init (GbDocument *self)
{
}

static GbDocument *
document_new (GbDossier  *dossier,
              gboolean    editable,
              gboolean    unsaved,
              const char *draft_id)
{
  GbDocument *self;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  self = g_object_new (GB_TYPE_DOCUMENT, NULL);
  self->dossier = g_object_ref (dossier);
  self->history = gb_history_new (dossier);
  self->editable = editable;
  if (editable)
    g_set_object (&self->file, gb_dossier_get_file (dossier));
  if (unsaved)
    gb_history_mark_unsaved (self->history);
  if (editable)
    self->draft = gb_draft_new (self->history, draft_id);

  g_signal_connect_swapped (self->history, "changed", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->history, "notify::modified",
                            G_CALLBACK (history_modified_cb), self);

  return self;
}

/**
 * gb_document_new:
 *
 * A story as it was opened: editable when it is a dossier read from a file,
 * which Save then writes back.
 *
 * Returns: (transfer full): the document
 */
GbDocument *
gb_document_new (GbDossier *dossier)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  return document_new (dossier,
                       gb_dossier_get_file (dossier) != NULL && gb_dossier_get_origin (dossier) == NULL,
                       FALSE, NULL);
}

/**
 * gb_document_new_unsaved:
 *
 * Returns: (transfer full): the document of a new story or an edited copy
 */
GbDocument *
gb_document_new_unsaved (GbDossier *dossier)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  gb_dossier_set_file (dossier, NULL);
  return document_new (dossier, TRUE, TRUE, NULL);
}

/**
 * gb_document_new_restored:
 *
 * Returns: (transfer full): the document of a draft gb_draft_restore() read
 */
GbDocument *
gb_document_new_restored (GbDossier  *dossier,
                          const char *draft_id)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  /* The dossier's file is the one the draft was made from, if any. */
  return document_new (dossier, TRUE, TRUE, draft_id);
}

GbDossier *
gb_document_get_dossier (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), NULL);

  return self->dossier;
}

GbHistory *
gb_document_get_history (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), NULL);

  return self->history;
}

gboolean
gb_document_get_editable (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), FALSE);

  return self->editable;
}

gboolean
gb_document_get_modified (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), FALSE);

  return gb_history_get_modified (self->history);
}

gboolean
gb_document_get_saving (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

/**
 * gb_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file Save writes to
 */
GFile *
gb_document_get_file (GbDocument *self)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), NULL);

  return self->file;
}

static void
set_saving (GbDocument *self,
            gboolean    saving)
{
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

typedef struct
{
  GFile   *file;
  guint64  generation;
} SaveState;

static void
save_state_free (SaveState *state)
{
  g_clear_object (&state->file);
  g_free (state);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GbDocument *self = g_task_get_source_object (task);
  SaveState *state = g_task_get_task_data (task);
  GError *error = NULL;

  set_saving (self, FALSE);
  if (!gb_dossier_save_finish (GB_DOSSIER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_set_object (&self->file, state->file))
    {
      gb_dossier_set_file (self->dossier, state->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  /* Edits made while the file was written are not in it: still unsaved. */
  if (state->generation == self->generation)
    gb_history_mark_saved (self->history);

  g_task_return_boolean (task, TRUE);
}

void
gb_document_save_async (GbDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveState *state;

  g_return_if_fail (GB_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gb_document_save_async);

  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The story is being saved already"));
      return;
    }

  state = g_new0 (SaveState, 1);
  state->file = g_object_ref (file != NULL ? file : self->file);
  state->generation = self->generation;
  g_task_set_task_data (task, state, (GDestroyNotify) save_state_free);

  set_saving (self, TRUE);
  gb_dossier_save_async (self->dossier, state->file, cancellable, save_cb,
                         g_steal_pointer (&task));
}

gboolean
gb_document_save_finish (GbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (GB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gb_document_discard_draft (GbDocument *self)
{
  g_return_if_fail (GB_IS_DOCUMENT (self));

  if (self->draft != NULL)
    gb_draft_discard (self->draft);
  g_clear_object (&self->draft);
}
