/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gb-history.h"

G_BEGIN_DECLS

#define GB_TYPE_ITEM_EDITOR (gb_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (GbItemEditor, gb_item_editor, GB, ITEM_EDITOR, AdwWindow)

/* The forms that edit a story: each a window the caller makes transient
 * for its own and presents. Every change goes through @history. */

/* Edits @item of the history's dossier: each valid change is applied at
 * once, a field's typing one step of @history. */
GtkWidget  *gb_item_editor_new           (GbHistory   *history,
                                          GbItem      *item);
/* An empty form for an item of @kind, added by its Add button; the
 * "item-added" signal then says which, and the window closes. */
GtkWidget  *gb_item_editor_new_for_kind  (GbHistory   *history,
                                          GbItemKind   kind);
/* The story's title, summary, languages and period. */
GtkWidget  *gb_story_editor_new          (GbHistory   *history);

/* The item being edited (the newest version of it), or the one added. */
GbItem     *gb_item_editor_get_item      (GbItemEditor *self);

/* Asks whether to delete @item, naming the items that refer to it, and
 * deletes it (and the references to it) if the user says so. */
void        gb_item_editor_delete        (GtkWindow   *parent,
                                          GbHistory   *history,
                                          GbItem      *item);

G_END_DECLS
