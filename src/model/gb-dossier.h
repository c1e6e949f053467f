/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gb-item.h"

G_BEGIN_DECLS

#define GB_TYPE_DOSSIER (gb_dossier_get_type ())
#define GB_DOSSIER_ERROR (gb_dossier_error_quark ())

typedef enum
{
  GB_DOSSIER_ERROR_ID_TAKEN,     /* another item has that id */
  GB_DOSSIER_ERROR_DANGLING,     /* it names an item that is not in the dossier */
  GB_DOSSIER_ERROR_REFERENCED,   /* other items name it */
  GB_DOSSIER_ERROR_NOT_FOUND,    /* it is not in the dossier */
  GB_DOSSIER_ERROR_KIND,         /* a replacement of another kind */
} GbDossierError;

/* For gb_dossier_insert_item(): where the item belongs. */
#define GB_DOSSIER_POSITION_SORTED G_MAXUINT

G_DECLARE_FINAL_TYPE (GbDossier, gb_dossier, GB, DOSSIER, GObject)

GQuark       gb_dossier_error_quark        (void);

GbDossier   *gb_dossier_new                (const char  *id);
const char  *gb_dossier_get_id             (GbDossier   *self);
const char  *gb_dossier_get_title          (GbDossier   *self);
void         gb_dossier_set_title          (GbDossier   *self,
                                            GbText      *title);
GbText      *gb_dossier_get_title_text     (GbDossier   *self);
const char  *gb_dossier_get_summary        (GbDossier   *self);
GbText      *gb_dossier_get_summary_text   (GbDossier   *self);
void         gb_dossier_set_summary        (GbDossier   *self,
                                            GbText      *summary);
GbText      *gb_dossier_get_translator     (GbDossier   *self);
void         gb_dossier_set_translator     (GbDossier   *self,
                                            GbText      *translator);
/* Events of the file it was imported from that could not be read. */
guint        gb_dossier_get_skipped        (GbDossier   *self,
                                            const char **message);
void         gb_dossier_set_skipped        (GbDossier   *self,
                                            guint        n_skipped,
                                            const char  *message);
GbDate      *gb_dossier_get_period         (GbDossier   *self);
void         gb_dossier_set_period         (GbDossier   *self,
                                            GbDate      *period);
const char * const *gb_dossier_get_languages (GbDossier *self);
void         gb_dossier_set_languages      (GbDossier   *self,
                                            const char * const *languages);
GFile       *gb_dossier_get_file           (GbDossier   *self);
void         gb_dossier_set_file           (GbDossier   *self,
                                            GFile       *file);
/* The format it was imported from ("TimelineJS 3"), or NULL. */
const char  *gb_dossier_get_origin         (GbDossier   *self);
void         gb_dossier_set_origin         (GbDossier   *self,
                                            const char  *origin);

/* Each a GListModel of the item type named; events sorted by date. */
GListModel  *gb_dossier_get_sources        (GbDossier   *self);
GListModel  *gb_dossier_get_events         (GbDossier   *self);
GListModel  *gb_dossier_get_places         (GbDossier   *self);
GListModel  *gb_dossier_get_routes         (GbDossier   *self);
GListModel  *gb_dossier_get_agreements     (GbDossier   *self);
GListModel  *gb_dossier_get_figures        (GbDossier   *self);
GListModel  *gb_dossier_get_people         (GbDossier   *self);
GListModel  *gb_dossier_get_organisations  (GbDossier   *self);
GListModel  *gb_dossier_get_items_of_kind  (GbDossier   *self,
                                            GbItemKind   kind);

/* Adds to the list of its kind; fails if the id is taken. */
gboolean     gb_dossier_add_item           (GbDossier   *self,
                                            GbItem      *item);
GbItem      *gb_dossier_lookup             (GbDossier   *self,
                                            const char  *id);
/* Call once every item is added: sorts events, builds reverse links. */
void         gb_dossier_seal               (GbDossier   *self);

/* Items that refer to @item or that @item refers to, each once. */
GPtrArray   *gb_dossier_dup_linked         (GbDossier   *self,
                                            GbItem      *item);

/* Editing a sealed dossier: each call changes one position of one list,
 * keeps the reverse links, and refuses what would leave a reference to an
 * item that is not in the dossier. */
gboolean     gb_dossier_insert_item        (GbDossier   *self,
                                            GbItem      *item,
                                            guint        position,
                                            GError     **error);
gboolean     gb_dossier_replace_item       (GbDossier   *self,
                                            GbItem      *old_item,
                                            GbItem      *new_item,
                                            GError     **error);
gboolean     gb_dossier_replace_item_at    (GbDossier   *self,
                                            GbItem      *old_item,
                                            GbItem      *new_item,
                                            guint        position,
                                            GError     **error);
gboolean     gb_dossier_remove_item        (GbDossier   *self,
                                            GbItem      *item,
                                            GError     **error);
gboolean     gb_dossier_find_item          (GbDossier   *self,
                                            GbItem      *item,
                                            guint       *position);
GPtrArray   *gb_dossier_dup_referrers      (GbDossier   *self,
                                            GbItem      *item);

G_END_DECLS
