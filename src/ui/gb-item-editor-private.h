/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <shumate/shumate.h>

#include "gb-item-editor.h"

G_BEGIN_DECLS

/* The forms are data: a table of fields per kind of item (gb-editor-fields.c),
 * each field reading its member of the item's JSON object (the dossier
 * format's) into widgets and writing it back. The loader checks the object
 * built from them; its problems come back to the fields by member path. */

typedef enum
{
  FIELD_TEXT,       /* TEXT: an entry per language of the story */
  FIELD_STRING,
  FIELD_ID,         /* the id of a new item, made from its title */
  FIELD_CHOICE,     /* one of the spec's choices */
  FIELD_NUMBER,
  FIELD_DATE,       /* start, end and time zone */
  FIELD_ZONE,       /* an IANA time zone name */
  FIELD_REF,        /* the id of one item of the spec's kinds */
  FIELD_REFS,       /* ids of items of the spec's kinds */
  FIELD_STRINGS,    /* an array of strings, typed with commas between */
  FIELD_MAP,        /* no member: a map whose click sets "lat" and "lon" */
  FIELD_FOLLOW_UP,  /* an agreement's log, entries of follow_up_fields */
} FieldType;

typedef struct
{
  const char   *member;
  const char   *label;      /* N_() */
  FieldType     type;
  const char   *group;      /* N_(): the field starts a group of this title */
  GType       (*choices) (void); /* FIELD_CHOICE: the enum whose nicks are offered */
  guint         kinds;      /* FIELD_REF(S): 1 << GbItemKind of each kind offered */
  guint         new_kinds;  /* FIELD_REF(S): kinds that can be added on the spot */
  gboolean      optional;   /* FIELD_CHOICE, FIELD_NUMBER: may be left out */
  double        min;        /* FIELD_NUMBER: the spin button's range, wider than */
  double        max;        /* the loader's rules, which are the ones that say no */
  guint         digits;
  const char   *hint;       /* N_(): shown under the field while nothing is wrong */
} FieldSpec;

#define KIND_BIT(kind) GB_ITEM_KIND_BIT (kind)

typedef struct _Field Field;

/* One widget a problem can point at: an entry for one language, a date's end. */
typedef struct
{
  GtkWidget *widget;
  char      *path;
  char      *lang;   /* FIELD_TEXT: its language, "" for a plain string */
  char      *id;     /* FIELD_REFS: the item its check button stands for */
} Cell;

/* An entry of an agreement's follow-up log. */
typedef struct
{
  JsonObject *base;     /* the entry as it was, members the form lacks kept */
  GPtrArray  *fields;   /* Field */
  GtkWidget  *row;      /* the expander row holding its fields */
} Entry;

struct _Field
{
  const FieldSpec *spec;
  GbItemEditor    *editor;
  char            *path;        /* the member's path in the item's object */
  GtkWidget       *container;   /* an AdwPreferencesGroup or AdwExpanderRow */
  GPtrArray       *rows;        /* the rows the field added to @container */
  GPtrArray       *cells;       /* Cell */
  GtkWidget       *message_row;
  GtkLabel        *message;
  Field           *parent;      /* the follow-up field of an entry's field */
  gboolean         dirty;       /* changed by the user: written back */
  guint            selected;    /* FIELD_REF: the last choice that was an item or none */
  gboolean         failed;
  GPtrArray       *ids;         /* FIELD_REF: the id of each choice (NULL for none) */
  GPtrArray       *entries;     /* FIELD_FOLLOW_UP: Entry */
  ShumateViewport *viewport;    /* FIELD_MAP */
  ShumateMarker   *marker;
};

/* What gb-item-editor.c gives the fields. */
GbHistory        *gb_item_editor_get_history    (GbItemEditor    *self);
gboolean          gb_item_editor_is_filling     (GbItemEditor    *self);
void              gb_item_editor_field_changed  (GbItemEditor    *self,
                                                 Field           *field);
void              gb_item_editor_add_new        (GbItemEditor    *self,
                                                 Field           *field,
                                                 GbItemKind       kind);
Field            *gb_item_editor_find_field     (GbItemEditor    *self,
                                                 const char      *member);
GtkWidget        *gb_item_editor_new_group      (GbItemEditor    *self,
                                                 const char      *title);

/* gb-editor-fields.c */
const FieldSpec  *gb_editor_fields_for_kind     (GbItemKind       kind,
                                                 guint           *n_fields);
const FieldSpec  *gb_editor_fields_for_story    (guint           *n_fields);
Field            *gb_editor_field_new           (GbItemEditor    *editor,
                                                 const FieldSpec *spec,
                                                 const char      *prefix,
                                                 GtkWidget       *container,
                                                 JsonObject      *obj);
void              gb_editor_field_free          (Field           *field);
/* @field and the fields of its entries, into @out. */
void              gb_editor_field_collect       (Field           *field,
                                                 GPtrArray       *out);
void              gb_editor_field_write         (Field           *field,
                                                 JsonObject      *obj);
/* The field's message: a problem (@is_error) or its hint; NULL for none. */
void              gb_editor_field_show          (Field           *field,
                                                 const char      *message,
                                                 const char      *cell_path,
                                                 gboolean         is_error);
/* How well @path (a problem's) names a member of @field: 0 not at all. */
guint             gb_editor_field_match         (Field           *field,
                                                 const char      *path);
/* The item @field gained on the spot, now chosen in it. */
void              gb_editor_field_take_new      (Field           *field,
                                                 GbItem          *item);
const char       *gb_editor_field_get_text      (Field           *field);
void              gb_editor_field_set_text      (Field           *field,
                                                 const char      *text);
void              gb_editor_field_set_number    (Field           *field,
                                                 double           value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Field, gb_editor_field_free)

G_END_DECLS
