/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-dossier.h"

G_BEGIN_DECLS

#define GB_TYPE_HISTORY (gb_history_get_type ())

G_DECLARE_FINAL_TYPE (GbHistory, gb_history, GB, HISTORY, GObject)

/* The edits of one dossier, undoable and redoable. Every change to the
 * dossier goes through here; each call is one step, or part of the group
 * begun with gb_history_begin_group(). */
GbHistory  *gb_history_new              (GbDossier   *dossier);
GbDossier  *gb_history_get_dossier      (GbHistory   *self);

gboolean    gb_history_insert           (GbHistory   *self,
                                         GbItem      *item,
                                         GError     **error);
/* @field names what changed ("title", "date"): consecutive replacements
 * of the same item's same field are one step, as typing in it is. */
gboolean    gb_history_replace          (GbHistory   *self,
                                         GbItem      *old_item,
                                         GbItem      *new_item,
                                         const char  *field,
                                         GError     **error);
gboolean    gb_history_remove           (GbHistory   *self,
                                         GbItem      *item,
                                         GError     **error);
void        gb_history_set_story        (GbHistory          *self,
                                         GbText             *title,
                                         GbText             *summary,
                                         GbDate             *period,
                                         const char * const *languages,
                                         const char         *field);

void        gb_history_begin_group      (GbHistory   *self);
void        gb_history_end_group        (GbHistory   *self);
void        gb_history_cancel_group     (GbHistory   *self);
/* The next replacement starts a step of its own (the field lost focus). */
void        gb_history_break_merge      (GbHistory   *self);

gboolean    gb_history_get_can_undo     (GbHistory   *self);
gboolean    gb_history_get_can_redo     (GbHistory   *self);
gboolean    gb_history_undo             (GbHistory   *self);
gboolean    gb_history_redo             (GbHistory   *self);

/* Whether the dossier differs from what was last saved (or loaded). */
gboolean    gb_history_get_modified     (GbHistory   *self);
void        gb_history_mark_saved       (GbHistory   *self);
/* The dossier differs from any file: a restored draft, an edited copy. */
void        gb_history_mark_unsaved     (GbHistory   *self);

G_END_DECLS
