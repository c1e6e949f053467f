/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-history"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-history.h"

typedef enum
{
  OP_INSERT,
  OP_REMOVE,
  OP_REPLACE,
  OP_STORY,
} OpKind;

/* What the story says of itself. */
typedef struct
{
  GbText  *title;
  GbText  *summary;
  GbDate  *period;
  char   **languages;
} Story;

/* One change as done: an insert or remove at @position, @item replaced by
 * @other, or the story's own fields from @story[0] to @story[1]. Undoing
 * it does its inverse. */
typedef struct
{
  OpKind  kind;
  GbItem *item;
  GbItem *other;
  guint   position;
  guint   other_position;   /* where @other went, for a replacement */
  Story   story[2];
} Op;

typedef struct
{
  GPtrArray *ops;
  char      *field;   /* mergeable with the next replacement of this field */
} Step;

struct _GbHistory
{
  GObject    parent_instance;

  GbDossier *dossier;
  GPtrArray *undo;      /* of Step, oldest first */
  GPtrArray *redo;      /* of Step, the next to redo last */
  Step      *group;
  guint      group_depth;
  gint64     saved_at;  /* undo->len at the save point; -1 when it can't be reached */
  gboolean   no_merge;
};

G_DEFINE_FINAL_TYPE (GbHistory, gb_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
story_clear (Story *story)
{
  g_clear_pointer (&story->title, gb_text_unref);
  g_clear_pointer (&story->summary, gb_text_unref);
  g_clear_pointer (&story->period, gb_date_unref);
  g_clear_pointer (&story->languages, g_strfreev);
}

static void
story_init (Story              *story,
            GbText             *title,
            GbText             *summary,
            GbDate             *period,
            const char * const *languages)
{
  story->title = title != NULL ? gb_text_ref (title) : NULL;
  story->summary = summary != NULL ? gb_text_ref (summary) : NULL;
  story->period = period != NULL ? gb_date_ref (period) : NULL;
  story->languages = g_strdupv ((char **) languages);
}

static void
story_apply (const Story *story,
             GbDossier   *dossier)
{
  gb_dossier_set_title (dossier, story->title);
  gb_dossier_set_summary (dossier, story->summary);
  gb_dossier_set_period (dossier, story->period);
  gb_dossier_set_languages (dossier, (const char * const *) story->languages);
}

static void
op_free (Op *op)
{
  g_clear_object (&op->item);
  g_clear_object (&op->other);
  story_clear (&op->story[0]);
  story_clear (&op->story[1]);
  g_free (op);
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  return step;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->ops);
  g_free (step->field);
  g_free (step);
}

static gboolean
apply (GbDossier  *dossier,
       const Op   *op,
       gboolean    inverse,
       GError    **error)
{
  switch (op->kind)
    {
    case OP_INSERT:
      return inverse ? gb_dossier_remove_item (dossier, op->item, error)
                     : gb_dossier_insert_item (dossier, op->item, op->position, error);
    case OP_REMOVE:
      return inverse ? gb_dossier_insert_item (dossier, op->item, op->position, error)
                     : gb_dossier_remove_item (dossier, op->item, error);
    case OP_REPLACE:
      return inverse ? gb_dossier_replace_item_at (dossier, op->other, op->item, op->position,
                                                   error)
                     : gb_dossier_replace_item_at (dossier, op->item, op->other,
                                                   op->other_position, error);
    case OP_STORY:
      story_apply (&op->story[inverse ? 0 : 1], dossier);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (GbHistory *self)
{
  return (State) { gb_history_get_can_undo (self), gb_history_get_can_redo (self),
                   gb_history_get_modified (self) };
}

static void
notify_state (GbHistory *self,
              State      before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Files a done change: into the open group, or as a step of its own. */
static void
record (GbHistory  *self,
        Op         *op,
        const char *field)
{
  State before = get_state (self);
  Step *step;

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->ops, op);
      return;
    }

  /* A new edit drops what could be redone, and a save point among it. */
  if (self->saved_at > (gint64) self->undo->len)
    self->saved_at = -1;
  g_ptr_array_set_size (self->redo, 0);

  step = step_new ();
  g_ptr_array_add (step->ops, op);
  step->field = g_strdup (field);
  g_ptr_array_add (self->undo, step);
  self->no_merge = FALSE;

  notify_state (self, before);
}

/* The change of the last step when it changed @field alone, nothing was
 * saved since and nothing broke the run: the one to extend. */
static Op *
mergeable_op (GbHistory  *self,
              const char *field)
{
  Step *last;

  if (field == NULL || self->group != NULL || self->no_merge || self->undo->len == 0 ||
      self->saved_at == (gint64) self->undo->len)
    return NULL;

  last = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (last->field == NULL || !g_str_equal (last->field, field) || last->ops->len != 1)
    return NULL;

  return g_ptr_array_index (last->ops, 0);
}

/* Typing in a field: the last step replaced @old_item's @field. Extends
 * that step to @new_item. */
static gboolean
try_merge (GbHistory  *self,
           GbItem     *old_item,
           GbItem     *new_item,
           const char *field)
{
  Op *op = mergeable_op (self, field);

  if (op == NULL || op->kind != OP_REPLACE || op->other != old_item)
    return FALSE;

  g_set_object (&op->other, new_item);
  gb_dossier_find_item (self->dossier, new_item, &op->other_position);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
gb_history_dispose (GObject *object)
{
  GbHistory *self = (GbHistory *) object;

  g_clear_pointer (&self->group, step_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (gb_history_parent_class)->dispose (object);
}

static void
gb_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GbHistory *self = GB_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gb_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gb_history_get_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gb_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GbHistory *self = GB_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      self->dossier = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_history_class_init (GbHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_history_dispose;
  object_class->get_property = gb_history_get_property;
  object_class->set_property = gb_history_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         GB_TYPE_DOSSIER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GbHistory::changed:
   *
   * The dossier changed through this history: an edit, an undo or a redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gb_history_init (GbHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

GbHistory *
gb_history_new (GbDossier *dossier)
{
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);

  return g_object_new (GB_TYPE_HISTORY, "dossier", dossier, NULL);
}

/**
 * gb_history_get_dossier:
 *
 * Returns: (transfer none): the dossier it edits
 */
GbDossier *
gb_history_get_dossier (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), NULL);

  return self->dossier;
}

/**
 * gb_history_insert:
 *
 * Adds @item where it belongs (gb_dossier_insert_item()), as a step.
 *
 * Returns: %FALSE with @error set, recording nothing, when the dossier
 *   refuses it
 */
gboolean
gb_history_insert (GbHistory  *self,
                   GbItem     *item,
                   GError    **error)
{
  Op *op;
  guint position;

  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);

  if (!gb_dossier_insert_item (self->dossier, item, GB_DOSSIER_POSITION_SORTED, error))
    return FALSE;

  gb_dossier_find_item (self->dossier, item, &position);
  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->item = g_object_ref (item);
  op->position = position;
  record (self, op, NULL);
  return TRUE;
}

/**
 * gb_history_replace:
 * @field: (nullable): the member that changed, to group typing; %NULL for
 *   a step of its own
 *
 * Replaces @old_item by its edited copy (gb_dossier_replace_item()).
 *
 * Returns: %FALSE with @error set, recording nothing, when the dossier
 *   refuses it
 */
gboolean
gb_history_replace (GbHistory   *self,
                    GbItem      *old_item,
                    GbItem      *new_item,
                    const char  *field,
                    GError     **error)
{
  g_autoptr(GbItem) keep = NULL;
  guint old_pos = 0;
  Op *op;

  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (old_item), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (new_item), FALSE);

  keep = g_object_ref (old_item);
  gb_dossier_find_item (self->dossier, old_item, &old_pos);
  if (!gb_dossier_replace_item (self->dossier, old_item, new_item, error))
    return FALSE;

  if (try_merge (self, old_item, new_item, field))
    return TRUE;

  op = g_new0 (Op, 1);
  op->kind = OP_REPLACE;
  op->item = g_steal_pointer (&keep);
  op->other = g_object_ref (new_item);
  op->position = old_pos;
  gb_dossier_find_item (self->dossier, new_item, &op->other_position);
  record (self, op, field);
  return TRUE;
}

/* Typing in one of the story's own fields: as try_merge(). */
static gboolean
try_merge_story (GbHistory   *self,
                 const Story *story,
                 const char  *field)
{
  Op *op = mergeable_op (self, field);

  if (op == NULL || op->kind != OP_STORY)
    return FALSE;

  story_clear (&op->story[1]);
  story_init (&op->story[1], story->title, story->summary, story->period,
              (const char * const *) story->languages);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * gb_history_set_story:
 * @title: (nullable): the story's title; a saved story needs one
 * @summary: (nullable): a few sentences about it
 * @period: (nullable): the span of its own events
 * @languages: (nullable) (array zero-terminated=1): the languages its texts offer
 * @field: (nullable): as for gb_history_replace()
 *
 * Sets what the story says of itself, as a step.
 */
void
gb_history_set_story (GbHistory          *self,
                      GbText             *title,
                      GbText             *summary,
                      GbDate             *period,
                      const char * const *languages,
                      const char         *field)
{
  Story story = { 0 };
  Op *op;

  g_return_if_fail (GB_IS_HISTORY (self));

  story_init (&story, title, summary, period, languages);
  op = g_new0 (Op, 1);
  op->kind = OP_STORY;
  story_init (&op->story[0], gb_dossier_get_title_text (self->dossier),
              gb_dossier_get_summary_text (self->dossier), gb_dossier_get_period (self->dossier),
              gb_dossier_get_languages (self->dossier));
  op->story[1] = story;
  story_apply (&story, self->dossier);

  if (try_merge_story (self, &story, field))
    {
      op_free (op);
      return;
    }

  record (self, op, field);
}

/**
 * gb_history_remove:
 *
 * Removes @item, which nothing may name (gb_dossier_remove_item()).
 *
 * Returns: %FALSE with @error set, recording nothing, when the dossier
 *   refuses it
 */
gboolean
gb_history_remove (GbHistory  *self,
                   GbItem     *item,
                   GError    **error)
{
  g_autoptr(GbItem) keep = NULL;
  Op *op;
  guint position = 0;

  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);

  keep = g_object_ref (item);
  gb_dossier_find_item (self->dossier, item, &position);
  if (!gb_dossier_remove_item (self->dossier, item, error))
    return FALSE;

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->item = g_steal_pointer (&keep);
  op->position = position;
  record (self, op, NULL);
  return TRUE;
}

/**
 * gb_history_begin_group:
 *
 * The changes until the matching gb_history_end_group() are one step.
 * Groups nest; only the outermost counts.
 */
void
gb_history_begin_group (GbHistory *self)
{
  g_return_if_fail (GB_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = step_new ();
}

void
gb_history_end_group (GbHistory *self)
{
  Step *group;
  State before;

  g_return_if_fail (GB_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->ops->len == 0)
    {
      step_free (group);
      return;
    }

  before = get_state (self);
  if (self->saved_at > (gint64) self->undo->len)
    self->saved_at = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, group);
  self->no_merge = TRUE;
  notify_state (self, before);
}

/**
 * gb_history_cancel_group:
 *
 * Undoes the changes of the open group and forgets them, as when one of
 * them was refused. Ends the group, however deep.
 */
void
gb_history_cancel_group (GbHistory *self)
{
  g_autoptr(GError) error = NULL;
  Step *group;

  g_return_if_fail (GB_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth = 0;
  group = g_steal_pointer (&self->group);
  for (guint i = group->ops->len; i > 0; i--)
    if (!apply (self->dossier, g_ptr_array_index (group->ops, i - 1), TRUE, &error))
      {
        g_critical ("Could not take back an edit: %s", error->message);
        g_clear_error (&error);
      }
  step_free (group);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gb_history_break_merge (GbHistory *self)
{
  g_return_if_fail (GB_IS_HISTORY (self));

  self->no_merge = TRUE;
}

gboolean
gb_history_get_can_undo (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gb_history_get_can_redo (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/* Moves the last step of @from to @to, doing or undoing it. */
static gboolean
move_step (GbHistory *self,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   inverse)
{
  g_autoptr(GError) error = NULL;
  State before;
  Step *step;
  guint n;

  g_return_val_if_fail (self->group == NULL, FALSE);

  if (from->len == 0)
    return FALSE;

  before = get_state (self);
  step = g_ptr_array_steal_index (from, from->len - 1);
  n = step->ops->len;
  for (guint i = 0; i < n; i++)
    {
      const Op *op = g_ptr_array_index (step->ops, inverse ? n - 1 - i : i);

      /* Only this history edits the dossier, so each step applies. */
      if (!apply (self->dossier, op, inverse, &error))
        {
          g_critical ("Could not %s an edit: %s", inverse ? "undo" : "redo", error->message);
          g_clear_error (&error);
        }
    }
  g_ptr_array_add (to, step);
  self->no_merge = TRUE;
  notify_state (self, before);

  return TRUE;
}

/**
 * gb_history_undo:
 *
 * Returns: %FALSE when there is nothing to undo
 */
gboolean
gb_history_undo (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);

  return move_step (self, self->undo, self->redo, TRUE);
}

/**
 * gb_history_redo:
 *
 * Returns: %FALSE when there is nothing to redo
 */
gboolean
gb_history_redo (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);

  return move_step (self, self->redo, self->undo, FALSE);
}

gboolean
gb_history_get_modified (GbHistory *self)
{
  g_return_val_if_fail (GB_IS_HISTORY (self), FALSE);

  return self->saved_at != (gint64) self->undo->len;
}

/**
 * gb_history_mark_saved:
 *
 * The dossier as it is now is what the file holds.
 */
void
gb_history_mark_saved (GbHistory *self)
{
  State before;

  g_return_if_fail (GB_IS_HISTORY (self));

  before = get_state (self);
  self->saved_at = self->undo->len;
  self->no_merge = TRUE;
  if (before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
gb_history_mark_unsaved (GbHistory *self)
{
  State before;

  g_return_if_fail (GB_IS_HISTORY (self));

  before = get_state (self);
  self->saved_at = -1;
  if (!before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
