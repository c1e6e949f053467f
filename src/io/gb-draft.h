/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-history.h"

G_BEGIN_DECLS

#define GB_TYPE_DRAFT (gb_draft_get_type ())

G_DECLARE_FINAL_TYPE (GbDraft, gb_draft, GB, DRAFT, GObject)

/* The journal of a dossier's unsaved edits, kept in the user's state
 * directory (golden-bridge/drafts) so that a crash loses at most the last
 * second: written at most GB_DRAFT_DELAY_MS after a change, removed once
 * nothing is unsaved. */
#define GB_DRAFT_DELAY_MS 1000

GbDraft    *gb_draft_new                (GbHistory    *history,
                                         const char   *id);
const char *gb_draft_get_id             (GbDraft      *self);
void        gb_draft_discard            (GbDraft      *self);
void        gb_draft_remove             (const char   *id);

char       *gb_draft_dup_directory      (void);
GStrv       gb_draft_list               (void);
GbDossier  *gb_draft_restore            (const char   *id,
                                         GFile       **origin,
                                         GError      **error);

G_END_DECLS
